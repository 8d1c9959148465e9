package io.aclgraph4j;

/**
 * The facade's checks of memory operands, and where a copy or fill reads and writes: not API. The
 * shim owns the rules it can see (ranges inside buffers, fill values, the stream's device, host to
 * host); these are the ones it cannot: it is given buffers, offsets and one byte count, so a
 * tensor view's extent and the {@link Device} a synchronous call was made on are Java's to check.
 */
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
     * come from any device). {@link Device#copy} and {@link Device#fill} need it because the shim's
     * synchronous copy and memset take no device; the shim checks a stream's copies and fills.
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

    /** A whole-memory copy: the shim copies one byte count and cannot see where a view ends. */
    static void checkSameSize(String operation, Region source, Region target) {
        if (source.bytes() != target.bytes()) {
            throw InvalidArgumentException.refused(operation, "source has " + source.bytes()
                    + " bytes but destination has " + target.bytes() + ": copy between memories of the same size, "
                    + "or give offsets and a length");
        }
    }
}
