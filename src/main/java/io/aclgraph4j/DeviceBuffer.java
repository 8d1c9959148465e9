package io.aclgraph4j;

import java.util.Arrays;
import java.util.Objects;

/** Device memory from {@link Device#allocate(long)} ({@code aclrtMalloc}). */
public final class DeviceBuffer extends OnDevice implements Memory {
    private final long bytes;

    DeviceBuffer(Device device, long handle, long bytes) {
        super(device, handle, "DeviceBuffer", bytes + " bytes on device " + device.id(), false);
        this.bytes = bytes;
    }

    @Override
    public long byteSize() {
        return bytes;
    }

    /**
     * A tensor viewing this buffer: {@code shape} and {@code strides} in elements ({@code strides}
     * null for a contiguous view), {@code offset} in elements from the buffer's start. The view
     * must lie inside the buffer (the native layer checks its extent, and refuses with
     * {@link InvalidArgumentException}). The buffer stays alive while the tensor does.
     *
     * @param dataType the element type
     * @param shape the size of each dimension, in elements
     * @param strides the step of each dimension, in elements; null for contiguous
     * @param offset the first element's position, in elements from the buffer's start
     * @return the tensor, owned by the buffer's device
     */
    public Tensor view(DataType dataType, long[] shape, long[] strides, long offset) {
        return view("DeviceBuffer.view", dataType, shape, strides, offset, false);
    }

    /**
     * A contiguous tensor over the start of this buffer.
     *
     * @param dataType the element type
     * @param shape the size of each dimension, in elements
     * @return the tensor, owned by the buffer's device
     */
    public Tensor view(DataType dataType, long... shape) {
        return view("DeviceBuffer.view", dataType, shape, null, 0, false);
    }

    /**
     * The view, for {@code operation} (the facade method called). The shim checks the shape,
     * strides and offset against the buffer; Java checks only what the shim cannot see: nulls, and
     * that there is one stride per dimension (it reads as many strides as the shape has dimensions).
     */
    Tensor view(String operation, DataType dataType, long[] shape, long[] strides, long offset, boolean ownsBuffer) {
        Objects.requireNonNull(dataType, "dataType");
        long[] dims = Tensor.requireShape(operation, shape);
        long[] steps = strides == null ? null : strides.clone();
        if (steps != null && steps.length != dims.length) {
            throw InvalidArgumentException.refused(operation, "strides " + Arrays.toString(steps)
                    + " must have one entry per dimension of shape " + Arrays.toString(dims));
        }
        long handle = api().tensorCreate(operation, handle(), dataType.code(), dims, steps, offset);
        return new Tensor(this, handle, dataType, dims, steps, offset, ownsBuffer);
    }
}
