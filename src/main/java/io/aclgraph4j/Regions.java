package io.aclgraph4j;

/** The facade's checks of memory operands, and where a copy or fill reads and writes: not API. */
final class Regions {
    private Regions() {}

    /** Buffer handle, byte offset and byte count of a memory operand. */
    record Region(long handle, long offset, long bytes) {}

    static Region region(String operation, String role, Memory memory) {
        if (memory == null) { // the message is built only when needed: this runs on every copy
            throw new NullPointerException(operation + ": " + role + " is null");
        }
        if (memory instanceof DeviceBuffer buffer) {
            return new Region(buffer.handle(), 0, buffer.byteSize());
        }
        if (memory instanceof HostBuffer buffer) {
            return new Region(buffer.handle(), 0, buffer.byteSize());
        }
        Tensor tensor = (Tensor) memory;
        if (!tensor.isContiguous()) {
            throw InvalidArgumentException.refused(operation, tensor + " is not contiguous: copy to or from a "
                    + "contiguous tensor or its buffer");
        }
        tensor.handle(); // throws, naming the tensor, once it is closed
        DeviceBuffer storage = tensor.storage();
        if (storage.isClosed()) {
            throw new IllegalStateException(operation + ": " + tensor + " views " + storage + ": operators may still "
                    + "use the view, but copies and fills need its buffer open");
        }
        return new Region(storage.handle(), tensor.offset() * tensor.dataType().byteSize(), tensor.byteSize());
    }

    /**
     * Refuses device memory of a device other than {@code deviceId} (page-locked host memory may
     * come from any device). {@code where} names what the memory must be used with.
     */
    static void checkDevice(String operation, String role, Memory memory, int deviceId, String where,
                            String remedy) {
        if (memory instanceof HostBuffer) {
            return;
        }
        int actual = memory.device().id();
        if (actual != deviceId) {
            throw InvalidArgumentException.refused(operation, "the " + role + " " + memory + " is on device " + actual
                    + " but " + where + " is on device " + deviceId + ": " + remedy);
        }
    }

    /** A byte value for a fill: 0..255, or -128..-1 for the same bytes. */
    static void checkFillValue(String operation, int value) {
        if (value < Byte.MIN_VALUE || value > 0xFF) {
            throw InvalidArgumentException.refused(operation, "the fill value " + value + " is not a byte: every byte "
                    + "is set to it, so give 0..255 (or -128..127)");
        }
    }

    static void checkSameSize(String operation, Region source, Region target) {
        if (source.bytes() != target.bytes()) {
            throw InvalidArgumentException.refused(operation, "source has " + source.bytes()
                    + " bytes but destination has " + target.bytes() + ": copy between memories of the same size, "
                    + "or give offsets and a length");
        }
    }
}
