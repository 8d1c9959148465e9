package io.aclgraph4j;

import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Page-locked host memory from {@link Device#allocateHost(long)} ({@code aclrtMallocHost}), the
 * host memory a captured copy may use. Reach its bytes without copying through
 * {@link #asByteBuffer()}, {@link #asFloatBuffer()} or {@link #slice}, or copy with
 * {@link #write(float[])} and {@link #read(float[])}.
 *
 * <p>Views keep the memory: while a view (or any buffer derived from it by {@code slice},
 * {@code duplicate} or {@code asFloatBuffer}...) is reachable, the memory stays allocated, also
 * after this buffer, its device or its runtime is closed and after this object is garbage
 * collected. Reads and writes through such a view then still work, on memory that no longer
 * belongs to anything else (a close makes only this object unusable: its methods throw
 * {@link IllegalStateException}). The memory goes back to the runtime once the buffer is closed
 * (or collected) and no view of it is reachable; a runtime closed meanwhile finishes closing then.
 * When an allocation finds no memory, it runs the garbage collector and retries, so memory held
 * only by dropped views comes back.
 */
public final class HostBuffer extends OnDevice implements Memory {
    private final long address;
    private final long bytes;

    HostBuffer(Device device, long handle, long address, long bytes) {
        super(device, handle, "HostBuffer", bytes + " pinned bytes", true);
        this.address = address;
        this.bytes = bytes;
    }

    @Override
    public long byteSize() {
        return bytes;
    }

    /**
     * A view of the whole buffer in native byte order (buffers over 2 GiB: use {@link #slice}).
     *
     * @return a direct buffer over the pinned memory; it keeps the memory alive while reachable
     */
    public ByteBuffer asByteBuffer() {
        if (bytes > Integer.MAX_VALUE) {
            throw InvalidArgumentException.refused("HostBuffer.asByteBuffer", "the buffer has " + bytes
                    + " bytes, more than one ByteBuffer can view: use slice(offset, length)");
        }
        return slice(0, (int) bytes);
    }

    /**
     * A view of {@code length} bytes from {@code offset}, in native byte order. The memory stays
     * allocated while the view, or a buffer derived from it, is reachable (see the class comment).
     *
     * @param offset the first byte, from the buffer's start
     * @param length the number of bytes; the range must lie inside the buffer
     * @return a direct buffer over that range of the pinned memory
     */
    public ByteBuffer slice(long offset, int length) {
        handle();
        if (offset < 0 || length < 0 || offset > bytes - length) {
            throw InvalidArgumentException.refused("HostBuffer.slice", "range [" + offset + ", +" + length
                    + ") does not fit the buffer of " + bytes + " bytes");
        }
        // Every buffer derived from a direct buffer references it (its attachment), so this root
        // is reachable exactly as long as some view of it is.
        ByteBuffer root = api().wrap(address + offset, length).order(ByteOrder.nativeOrder());
        pinWhileReachable(root);
        return root;
    }

    /** An unpinned view for the checked reads and writes, which run under {@link #access}. */
    private ByteBuffer accessView() {
        return api().wrap(address, (int) Math.min(bytes, Integer.MAX_VALUE)).order(ByteOrder.nativeOrder());
    }

    /**
     * A float view of the whole buffer.
     *
     * @return a direct float buffer over the pinned memory, in native byte order
     */
    public FloatBuffer asFloatBuffer() {
        return asByteBuffer().asFloatBuffer();
    }

    /**
     * Copies {@code values} into the start of the buffer.
     *
     * @param values the values to write, in native byte order; they must fit in the buffer
     */
    public void write(float[] values) {
        transfer("HostBuffer.write", values, Float.BYTES, view -> view.asFloatBuffer().put(values));
    }

    /**
     * Copies {@code values} into the start of the buffer.
     *
     * @param values the values to write, in native byte order; they must fit in the buffer
     */
    public void write(double[] values) {
        transfer("HostBuffer.write", values, Double.BYTES, view -> view.asDoubleBuffer().put(values));
    }

    /**
     * Copies {@code values} into the start of the buffer.
     *
     * @param values the values to write, in native byte order; they must fit in the buffer
     */
    public void write(int[] values) {
        transfer("HostBuffer.write", values, Integer.BYTES, view -> view.asIntBuffer().put(values));
    }

    /**
     * Copies {@code values} into the start of the buffer.
     *
     * @param values the values to write, in native byte order; they must fit in the buffer
     */
    public void write(long[] values) {
        transfer("HostBuffer.write", values, Long.BYTES, view -> view.asLongBuffer().put(values));
    }

    /**
     * Copies {@code values} into the start of the buffer.
     *
     * @param values the values to write, in native byte order; they must fit in the buffer
     */
    public void write(byte[] values) {
        transfer("HostBuffer.write", values, 1, view -> view.put(values));
    }

    /**
     * Fills {@code values} from the start of the buffer.
     *
     * @param values the array to fill; the buffer must hold as many values
     */
    public void read(float[] values) {
        transfer("HostBuffer.read", values, Float.BYTES, view -> view.asFloatBuffer().get(values));
    }

    /**
     * Fills {@code values} from the start of the buffer.
     *
     * @param values the array to fill; the buffer must hold as many values
     */
    public void read(double[] values) {
        transfer("HostBuffer.read", values, Double.BYTES, view -> view.asDoubleBuffer().get(values));
    }

    /**
     * Fills {@code values} from the start of the buffer.
     *
     * @param values the array to fill; the buffer must hold as many values
     */
    public void read(int[] values) {
        transfer("HostBuffer.read", values, Integer.BYTES, view -> view.asIntBuffer().get(values));
    }

    /**
     * Fills {@code values} from the start of the buffer.
     *
     * @param values the array to fill; the buffer must hold as many values
     */
    public void read(long[] values) {
        transfer("HostBuffer.read", values, Long.BYTES, view -> view.asLongBuffer().get(values));
    }

    /**
     * Fills {@code values} from the start of the buffer.
     *
     * @param values the array to fill; the buffer must hold as many values
     */
    public void read(byte[] values) {
        transfer("HostBuffer.read", values, 1, view -> view.get(values));
    }

    /**
     * The buffer's contents as floats. Refused when its size is not a multiple of 4 bytes (read a
     * byte array or a {@link #slice} instead) or it holds more floats than an array can.
     *
     * @return a new array with the buffer's floats
     */
    public float[] toFloatArray() {
        if (bytes % Float.BYTES != 0 || bytes / Float.BYTES > Integer.MAX_VALUE - 8) {
            throw InvalidArgumentException.refused("HostBuffer.toFloatArray", "the buffer has " + bytes
                    + " bytes, "
                    + (bytes % Float.BYTES != 0 ? "not a multiple of 4" : "more floats than an array holds")
                    + ": read it with read(byte[]) or through slice(offset, length)");
        }
        float[] values = new float[(int) (bytes / Float.BYTES)];
        read(values);
        return values;
    }

    /**
     * Copies between {@code values} (a primitive array, {@code elementBytes} per element) and the
     * start of this buffer, through {@code copy} on a view of its memory, while it cannot close.
     */
    private void transfer(String operation, Object values, int elementBytes, Consumer<ByteBuffer> copy) {
        Objects.requireNonNull(values, "values");
        checkFits(operation, (long) Array.getLength(values) * elementBytes);
        access(() -> copy.accept(accessView()));
    }

    private void checkFits(String operation, long needed) {
        if (needed > bytes) {
            throw InvalidArgumentException.refused(operation, needed + " bytes do not fit the buffer of " + bytes
                    + " bytes");
        }
    }
}
