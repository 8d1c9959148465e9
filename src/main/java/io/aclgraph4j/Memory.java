package io.aclgraph4j;

/**
 * Memory a copy can read or write: device memory ({@link DeviceBuffer}, a contiguous
 * {@link Tensor}) or page-locked host memory ({@link HostBuffer}).
 */
public sealed interface Memory permits DeviceBuffer, HostBuffer, Tensor {

    /**
     * Size in bytes.
     *
     * @return the number of bytes a copy reads or writes
     */
    long byteSize();

    /**
     * The device this memory belongs to.
     *
     * @return the device that allocated it
     */
    Device device();
}
