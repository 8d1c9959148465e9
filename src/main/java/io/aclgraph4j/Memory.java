package io.aclgraph4j;

import java.util.Objects;

/**
 * Memory a copy can read or write: device memory ({@link DeviceBuffer}, a contiguous
 * {@link Tensor}) or page-locked host memory ({@link HostBuffer}).
 */
public sealed interface Memory permits DeviceBuffer, HostBuffer, Tensor {

    /** Size in bytes. */
    long byteSize();

    /** The device this memory belongs to. */
    Device device();

    /** Buffer handle, byte offset and byte count of a memory operand. */
    record Region(long handle, long offset, long bytes) {}

    static Region region(String operation, Memory memory) {
        Objects.requireNonNull(memory, operation + ": memory operand is null");
        if (memory instanceof DeviceBuffer buffer) {
            return new Region(buffer.handle(), 0, buffer.byteSize());
        }
        if (memory instanceof HostBuffer buffer) {
            return new Region(buffer.handle(), 0, buffer.byteSize());
        }
        Tensor tensor = (Tensor) memory;
        if (!tensor.isContiguous()) {
            throw new InvalidArgumentException(-2, operation, tensor + " is not contiguous: copy to or from a "
                    + "contiguous tensor or its buffer");
        }
        tensor.handle(); // throws, naming the tensor, once it is closed
        DeviceBuffer storage = tensor.storage();
        storage.handle(); // throws if its buffer was closed
        return new Region(storage.handle(), tensor.offset() * tensor.dataType().byteSize(), tensor.byteSize());
    }

    static void checkSameSize(String operation, Region source, Region target) {
        if (source.bytes() != target.bytes()) {
            throw new InvalidArgumentException(-2, operation, "source has " + source.bytes()
                    + " bytes but destination has " + target.bytes() + ": copy between memories of the same size, "
                    + "or give offsets and a length");
        }
    }
}
