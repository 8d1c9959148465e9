package io.aclgraph4j;

/** A typed scalar operand ({@code aclScalar}), such as an add's alpha; its value is fixed. */
public final class Scalar extends NativeObject {
    private static final double TWO_TO_63 = 0x1p63;

    private final DataType dataType;
    private final String value;

    Scalar(AclRuntime runtime, long handle, DataType dataType, String value) {
        super(runtime, runtime.owner(), handle, numbered(runtime, "Scalar", dataType + " " + value));
        this.dataType = dataType;
        this.value = value;
    }

    /**
     * The scalar's type.
     *
     * @return the data type it was created with
     */
    public DataType dataType() {
        return dataType;
    }

    /**
     * The value as given.
     *
     * @return the value's decimal text, as the scalar was created with it
     */
    public String value() {
        return value;
    }

    /** Refuses an integer value the data type cannot hold (the runtime would silently wrap it). */
    static void checkValue(DataType dataType, long value) {
        long[] range = integerRange(dataType);
        if (range != null && (value < range[0] || value > range[1])) {
            throw outOfRange(dataType, Long.toString(value), range);
        }
    }

    /**
     * Refuses a value the data type cannot hold: for integer types a non-integer or one out of
     * range, for floating types a finite value that would overflow to infinity.
     */
    static void checkValue(DataType dataType, double value) {
        long[] range = integerRange(dataType);
        if (range != null) {
            if (!Double.isFinite(value) || Math.rint(value) != value) {
                throw new InvalidArgumentException(-2, "AclRuntime.scalar", value + " is not an integer, as "
                        + dataType + " needs: pass a whole number");
            }
            if (value < range[0] || value >= TWO_TO_63 || (long) value > range[1]) {
                throw outOfRange(dataType, Double.toString(value), range);
            }
            return;
        }
        boolean overflows = switch (dataType) {
            case FLOAT16 -> Math.abs(value) >= 65520; // rounds to infinity (largest finite: 65504)
            case FLOAT, COMPLEX64 -> Math.abs(value) > Float.MAX_VALUE;
            case BF16 -> bf16Overflows(value);
            default -> false;
        };
        if (overflows && Double.isFinite(value)) {
            throw new InvalidArgumentException(-2, "AclRuntime.scalar", value + " overflows " + dataType
                    + " to infinity: pass a smaller value (or infinity itself)");
        }
    }

    /**
     * Whether a finite value becomes infinite as BF16: it goes through FLOAT (round to nearest even),
     * then keeps FLOAT's upper 16 bits, rounded to nearest even (largest finite: 3.3895314e38).
     */
    private static boolean bf16Overflows(double value) {
        float asFloat = (float) value;
        if (Float.isInfinite(asFloat)) {
            return true;
        }
        int bits = Float.floatToRawIntBits(asFloat);
        int rounded = bits + 0x7FFF + ((bits >>> 16) & 1);
        return (rounded & 0x7F800000) == 0x7F800000;
    }

    /** [min, max] of an integer type, null for floating types and BOOL (any value: nonzero is true). */
    private static long[] integerRange(DataType dataType) {
        return switch (dataType) {
            case INT8 -> new long[] {Byte.MIN_VALUE, Byte.MAX_VALUE};
            case UINT8 -> new long[] {0, 0xFF};
            case INT16 -> new long[] {Short.MIN_VALUE, Short.MAX_VALUE};
            case UINT16 -> new long[] {0, 0xFFFF};
            case INT32 -> new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
            case UINT32 -> new long[] {0, 0xFFFF_FFFFL};
            case INT64 -> new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
            case UINT64 -> new long[] {0, Long.MAX_VALUE};
            default -> null;
        };
    }

    private static InvalidArgumentException outOfRange(DataType dataType, String value, long[] range) {
        return new InvalidArgumentException(-2, "AclRuntime.scalar", value + " does not fit " + dataType + " ("
                + range[0] + ".." + range[1] + "): pass a value in range, or use a wider data type");
    }
}
