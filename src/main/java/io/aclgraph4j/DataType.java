package io.aclgraph4j;

/** Element types of tensors and scalars, with their ACL {@code aclDataType} codes. */
public enum DataType {
    FLOAT(0, 4),
    FLOAT16(1, 2),
    INT8(2, 1),
    INT32(3, 4),
    UINT8(4, 1),
    INT16(6, 2),
    UINT16(7, 2),
    UINT32(8, 4),
    INT64(9, 8),
    UINT64(10, 8),
    DOUBLE(11, 8),
    BOOL(12, 1),
    COMPLEX64(16, 8),
    COMPLEX128(17, 16),
    BF16(27, 2);

    private final int code;
    private final int byteSize;

    DataType(int code, int byteSize) {
        this.code = code;
        this.byteSize = byteSize;
    }

    /** The ACL {@code aclDataType} value. */
    public int code() {
        return code;
    }

    /** Bytes per element. */
    public int byteSize() {
        return byteSize;
    }

    /** Floating point or complex: scalars of this type take a double. */
    public boolean isFloatingPoint() {
        return this == FLOAT || this == FLOAT16 || this == BF16 || this == DOUBLE || this == COMPLEX64
                || this == COMPLEX128;
    }
}
