package io.aclgraph4j;

/**
 * How aclnn's matrix multiplications may trade precision for speed on the device's cube unit
 * (CANN's {@code cubeMathType}). On the simulator FLOAT products always accumulate in float32;
 * {@link #USE_FP16} rounds FLOAT inputs to FLOAT16 first, as the device does, while the HF32 modes
 * keep FLOAT inputs whole (the device rounds them to HFLOAT32).
 */
public enum CubeMathType {
    /** Compute in the inputs' data type (0). */
    KEEP_DTYPE,
    /** The device may lower FLOAT inputs to HFLOAT32 (1). */
    ALLOW_FP32_DOWN_PRECISION,
    /** Round the inputs to FLOAT16; not for BF16 (2). */
    USE_FP16,
    /** Round FLOAT inputs to HFLOAT32; FLOAT inputs only (3). */
    USE_HF32;

    /**
     * The value CANN's {@code int8_t cubeMathType} takes.
     *
     * @return the mode's code, 0 to 3
     */
    public int code() {
        return ordinal(); // declared in code order: see OrdinalCodes
    }
}
