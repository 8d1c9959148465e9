package io.aclgraph4j;

/**
 * When {@link Stream#waitValueAsync} lets its stream go on, comparing the 64-bit value in device
 * memory ({@code current}) with the one given ({@code value}), as CANN's
 * {@code ACL_STREAM_WAIT_VALUE_*} flags (the rows of cpp/shim/include/aclgraph4j/shim_conditions.def;
 * a test checks this copy against them).
 */
public enum ValueCondition {
    /**
     * {@code current - value >= 0} as signed 64-bit numbers (a counter that reached {@code value},
     * wrapping allowed).
     */
    GEQ,
    /** {@code current == value}. */
    EQ,
    /** {@code (current & value) != 0}: one of the bits of {@code value} is set. */
    AND,
    /** {@code ~(current | value) != 0}: some bit is clear in both. */
    NOR;

    /**
     * The ACL {@code ACL_STREAM_WAIT_VALUE_*} flag.
     *
     * @return the code ACL's headers give this condition
     */
    public int code() {
        return ordinal(); // declared in code order: see OrdinalCodes
    }
}
