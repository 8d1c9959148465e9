package io.aclgraph4j;

/** Element types of tensors and scalars, with their ACL {@code aclDataType} codes. */
public enum DataType {
    /** 32-bit IEEE 754 float ({@code ACL_FLOAT}); Java {@code float}. */
    FLOAT(0, 4),
    /** 16-bit IEEE 754 half precision float ({@code ACL_FLOAT16}). */
    FLOAT16(1, 2),
    /** Signed 8-bit integer ({@code ACL_INT8}); Java {@code byte}. */
    INT8(2, 1),
    /** Signed 32-bit integer ({@code ACL_INT32}); Java {@code int}. */
    INT32(3, 4),
    /** Unsigned 8-bit integer ({@code ACL_UINT8}). */
    UINT8(4, 1),
    /** Signed 16-bit integer ({@code ACL_INT16}); Java {@code short}. */
    INT16(6, 2),
    /** Unsigned 16-bit integer ({@code ACL_UINT16}). */
    UINT16(7, 2),
    /** Unsigned 32-bit integer ({@code ACL_UINT32}). */
    UINT32(8, 4),
    /** Signed 64-bit integer ({@code ACL_INT64}); Java {@code long}. */
    INT64(9, 8),
    /** Unsigned 64-bit integer ({@code ACL_UINT64}). */
    UINT64(10, 8),
    /** 64-bit IEEE 754 float ({@code ACL_DOUBLE}); Java {@code double}. */
    DOUBLE(11, 8),
    /** Boolean stored in one byte, 0 or 1 ({@code ACL_BOOL}). */
    BOOL(12, 1),
    /** Complex number of two 32-bit floats, real part first ({@code ACL_COMPLEX64}). */
    COMPLEX64(16, 8),
    /** Complex number of two 64-bit floats, real part first ({@code ACL_COMPLEX128}). */
    COMPLEX128(17, 16),
    /** bfloat16: the upper 16 bits of a 32-bit float ({@code ACL_BF16}). */
    BF16(27, 2);

    private final int code;
    private final int byteSize;

    DataType(int code, int byteSize) {
        this.code = code;
        this.byteSize = byteSize;
    }

    /**
     * The ACL {@code aclDataType} value.
     *
     * @return the code ACL's headers give this type
     */
    public int code() {
        return code;
    }

    /**
     * Bytes per element.
     *
     * @return the size of one element in bytes
     */
    public int byteSize() {
        return byteSize;
    }

    /**
     * Floating point or complex: scalars of this type take a double.
     *
     * @return true for the floating point and complex types
     */
    public boolean isFloatingPoint() {
        return this == FLOAT || this == FLOAT16 || this == BF16 || this == DOUBLE || this == COMPLEX64
                || this == COMPLEX128;
    }
}
