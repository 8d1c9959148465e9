package io.aclgraph4j;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Objects;

/**
 * Page-locked host memory from {@link Device#allocateHost(long)} ({@code aclrtMallocHost}), the
 * host memory a captured copy may use. Reach its bytes without copying through
 * {@link #asByteBuffer()}; a view must not be used after the buffer is closed (the memory may be
 * gone then), so prefer the checked {@link #write(float[])} and {@link #read(float[])} for small
 * data: a close on another thread waits for them, so they never touch freed memory.
 */
public final class HostBuffer extends NativeObject implements Memory {
    private final Device device;
    private final long address;
    private final long bytes;

    HostBuffer(Device device, long handle, long address, long bytes) {
        super(device.runtime, device.owned(), handle, "HostBuffer(" + bytes + " pinned bytes)", true);
        this.device = device;
        this.address = address;
        this.bytes = bytes;
    }

    @Override
    public long byteSize() {
        return bytes;
    }

    @Override
    public Device device() {
        return device;
    }

    /** A view of the whole buffer in native byte order (buffers over 2 GiB: use {@link #slice}). */
    public ByteBuffer asByteBuffer() {
        if (bytes > Integer.MAX_VALUE) {
            throw new InvalidArgumentException(-2, "HostBuffer.asByteBuffer", "the buffer has " + bytes
                    + " bytes, more than one ByteBuffer can view: use slice(offset, length)");
        }
        return slice(0, (int) bytes);
    }

    /** A view of {@code length} bytes from {@code offset}, in native byte order. */
    public ByteBuffer slice(long offset, int length) {
        handle();
        if (offset < 0 || length < 0 || offset > bytes - length) {
            throw new InvalidArgumentException(-2, "HostBuffer.slice", "range [" + offset + ", +" + length
                    + ") does not fit the buffer of " + bytes + " bytes");
        }
        return api().wrap(address + offset, length).order(ByteOrder.nativeOrder());
    }

    /** A float view of the whole buffer. */
    public FloatBuffer asFloatBuffer() {
        return asByteBuffer().asFloatBuffer();
    }

    /** Copies {@code values} into the start of the buffer. */
    public void write(float[] values) {
        Objects.requireNonNull(values, "values");
        checkFits("HostBuffer.write", (long) values.length * Float.BYTES);
        access(() -> asByteBuffer().asFloatBuffer().put(values));
    }

    /** Copies {@code values} into the start of the buffer. */
    public void write(double[] values) {
        Objects.requireNonNull(values, "values");
        checkFits("HostBuffer.write", (long) values.length * Double.BYTES);
        access(() -> asByteBuffer().asDoubleBuffer().put(values));
    }

    /** Copies {@code values} into the start of the buffer. */
    public void write(int[] values) {
        Objects.requireNonNull(values, "values");
        checkFits("HostBuffer.write", (long) values.length * Integer.BYTES);
        access(() -> asByteBuffer().asIntBuffer().put(values));
    }

    /** Copies {@code values} into the start of the buffer. */
    public void write(long[] values) {
        Objects.requireNonNull(values, "values");
        checkFits("HostBuffer.write", (long) values.length * Long.BYTES);
        access(() -> asByteBuffer().asLongBuffer().put(values));
    }

    /** Copies {@code values} into the start of the buffer. */
    public void write(byte[] values) {
        Objects.requireNonNull(values, "values");
        checkFits("HostBuffer.write", values.length);
        access(() -> asByteBuffer().put(values));
    }

    /** Fills {@code values} from the start of the buffer. */
    public void read(float[] values) {
        Objects.requireNonNull(values, "values");
        checkFits("HostBuffer.read", (long) values.length * Float.BYTES);
        access(() -> asByteBuffer().asFloatBuffer().get(values));
    }

    /** Fills {@code values} from the start of the buffer. */
    public void read(double[] values) {
        Objects.requireNonNull(values, "values");
        checkFits("HostBuffer.read", (long) values.length * Double.BYTES);
        access(() -> asByteBuffer().asDoubleBuffer().get(values));
    }

    /** Fills {@code values} from the start of the buffer. */
    public void read(int[] values) {
        Objects.requireNonNull(values, "values");
        checkFits("HostBuffer.read", (long) values.length * Integer.BYTES);
        access(() -> asByteBuffer().asIntBuffer().get(values));
    }

    /** Fills {@code values} from the start of the buffer. */
    public void read(long[] values) {
        Objects.requireNonNull(values, "values");
        checkFits("HostBuffer.read", (long) values.length * Long.BYTES);
        access(() -> asByteBuffer().asLongBuffer().get(values));
    }

    /** Fills {@code values} from the start of the buffer. */
    public void read(byte[] values) {
        Objects.requireNonNull(values, "values");
        checkFits("HostBuffer.read", values.length);
        access(() -> asByteBuffer().get(values));
    }

    /** The buffer's contents as floats (its size must be a multiple of 4). */
    public float[] toFloatArray() {
        float[] values = new float[(int) Math.min(Integer.MAX_VALUE, bytes / Float.BYTES)];
        read(values);
        return values;
    }

    private void checkFits(String operation, long needed) {
        if (needed > bytes) {
            throw new InvalidArgumentException(-2, operation, needed + " bytes do not fit the buffer of " + bytes
                    + " bytes");
        }
    }
}
