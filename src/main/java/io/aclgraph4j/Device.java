package io.aclgraph4j;

import java.util.Arrays;
import java.util.Objects;

/**
 * One device (NPU, or a simulated one), usable from any thread. Factory and owner of streams,
 * buffers, tensors and events: closing the device closes what it still owns, after their work in
 * flight has finished.
 */
public final class Device extends NativeObject {
    /** ACL_EVENT_SYNC: events that can link streams inside a capture. */
    static final int EVENT_SYNC = 0x1;
    /** Garbage collections an allocation of host memory waits for before it gives up. */
    private static final int ALLOCATION_RETRIES = 8;

    private final int id;
    private final Owner owned;

    Device(AclRuntime runtime, long handle, int id) {
        super(runtime, runtime.owner(), handle, numbered(runtime, "Device", "(id " + id + ")"));
        this.id = id;
        this.owned = new Owner(describe());
        ownChildren(owned, " (closed with its device " + id + ")");
    }

    /**
     * The device id (0-based).
     *
     * @return the id the device was opened with
     */
    public int id() {
        return id;
    }

    /** The owner of what is made on this device; it refuses new objects once the device closes. */
    Owner owned() {
        return owned;
    }

    /**
     * A new stream: tasks issued to it run asynchronously and in order.
     *
     * @return the stream, owned by this device
     */
    public Stream createStream() {
        return new Stream(this, api().streamCreate("Device.createStream", handle()));
    }

    /**
     * {@code bytes} of device memory, uninitialised.
     *
     * @param bytes the size, more than 0
     * @return the buffer, owned by this device
     */
    public DeviceBuffer allocate(long bytes) {
        return allocate("Device.allocate", bytes);
    }

    private DeviceBuffer allocate(String operation, long bytes) {
        checkSize(operation, bytes);
        return new DeviceBuffer(this, api().deviceBufferAlloc(operation, handle(), bytes), bytes);
    }

    /**
     * {@code bytes} of page-locked host memory: what copies captured into a model must use, since
     * a replay reads and writes it at replay time. Reach it as {@link HostBuffer#asByteBuffer()}.
     * When the runtime has no memory left, this runs the garbage collector and retries for up to
     * about a quarter of a second before it throws {@link ResourceExhaustedException}: memory kept only by
     * views nobody references any more (see {@link HostBuffer}) comes back that way.
     *
     * @param bytes the size, more than 0
     * @return the buffer, owned by this device
     */
    public HostBuffer allocateHost(long bytes) {
        checkSize("Device.allocateHost", bytes);
        long[] handleAndAddress;
        for (int attempt = 0;; attempt++) {
            try {
                handleAndAddress = api().hostBufferAlloc("Device.allocateHost", handle(), bytes);
                break;
            } catch (ResourceExhaustedException e) {
                if (attempt == ALLOCATION_RETRIES || runtime.faultsInjected()) { // a fault is no shortage
                    throw e;
                }
                awaitCollectedMemory(attempt);
            }
        }
        return new HostBuffer(this, handleAndAddress[0], handleAndAddress[1], bytes);
    }

    /** Lets the garbage collector find dropped views and the Cleaner free their memory. */
    private static void awaitCollectedMemory(int attempt) {
        System.gc();
        try {
            Thread.sleep(1L << attempt); // 1, 2, 4 ... 128 ms: about 0.25 s in all
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A contiguous tensor of the given shape in fresh device memory, which the tensor owns.
     *
     * @param dataType the element type
     * @param shape the size of each dimension, in elements
     * @return the tensor, owned by this device
     */
    public Tensor tensor(DataType dataType, long... shape) {
        Objects.requireNonNull(dataType, "dataType");
        long[] dims = Tensor.requireShape("Device.tensor", shape);
        DeviceBuffer storage = allocate("Device.tensor", storageBytes(dataType, dims));
        try {
            return storage.view("Device.tensor", dataType, dims, null, 0, true);
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
    }

    /**
     * Bytes a contiguous tensor of {@code shape} needs (at least 1): counted here, since the shim
     * sees the shape only once the buffer exists. A negative dimension counts as 0 (the shim then
     * refuses the shape); a count a long cannot hold is refused here.
     */
    private static long storageBytes(DataType dataType, long[] shape) {
        long bytes = dataType.byteSize();
        try {
            for (long dim : shape) {
                bytes = Math.multiplyExact(bytes, Math.max(dim, 0));
            }
        } catch (ArithmeticException e) {
            throw InvalidArgumentException.refused("Device.tensor", "shape " + shapeText(shape) + " of " + dataType
                    + " needs more bytes than a long can count");
        }
        return Math.max(1, bytes);
    }

    /**
     * An event that can order streams, also across a capture (ACL_EVENT_SYNC).
     *
     * @return the event, owned by this device
     */
    public Event createEvent() {
        return new Event(this, api().eventCreate("Device.createEvent", handle(), EVENT_SYNC));
    }

    /**
     * Copies {@code from} into {@code to} now, synchronously: an "unsafe" call while a capture is
     * active (refused under GLOBAL unless the thread switched to RELAXED with
     * {@link AclRuntime#captureMode}). Sizes must match; device memory must be on this device (to
     * move data between devices, copy through a {@link HostBuffer}).
     *
     * @param from the source: device memory of this device, or host memory
     * @param to the destination, of the same size
     */
    public void copy(Memory from, Memory to) {
        handle(); // throws when this device is closed
        Regions.Region source = Regions.region("Device.copy", "source", from);
        Regions.Region target = Regions.region("Device.copy", "destination", to);
        Regions.checkSameSize("Device.copy", source, target);
        String remedy = "call copy on that memory's device, or copy through a HostBuffer";
        Regions.checkDevice("Device.copy", "source", from, id, "this device", remedy);
        Regions.checkDevice("Device.copy", "destination", to, id, "this device", remedy);
        api().memcpy("Device.copy", target.handle(), target.offset(), source.handle(), source.offset(), source.bytes());
    }

    /**
     * Sets every byte of {@code memory} (of this device, or host memory) to {@code value} (0..255),
     * synchronously ("unsafe" under capture).
     *
     * @param memory device memory of this device, or host memory
     * @param value the byte value, 0..255
     */
    public void fill(Memory memory, int value) {
        handle(); // throws when this device is closed
        Regions.Region region = Regions.region("Device.fill", "memory", memory);
        Regions.checkDevice("Device.fill", "memory", memory, id, "this device", "call fill on that memory's device");
        api().memset("Device.fill", region.handle(), region.offset(), value, region.bytes());
    }

    /** Waits for every stream of this device. Refused while one of its streams captures. */
    public void synchronize() {
        api().deviceSynchronize("Device.synchronize", handle());
        runtime.destroyNotices().run("Device.synchronize");
    }

    static void checkSize(String operation, long bytes) {
        if (bytes <= 0) {
            throw InvalidArgumentException.refused(operation, "size must be a positive number of bytes, not " + bytes);
        }
    }

    static String shapeText(long[] shape) {
        return Arrays.toString(shape);
    }
}
