package io.aclgraph4j;

/**
 * What a conditional task does with its {@link Condition}'s value when a replay reaches it, as
 * CANN's {@code aclmdlRICondTaskType} (the rows of cpp/shim/include/aclgraph4j/shim_conditions.def;
 * a test checks this copy against them).
 */
public enum ConditionType {
    /** Body 0 runs when the value is non-zero, else body 1 if there is one ({@link ConditionalScope#ifElse}). */
    IF,
    /**
     * The body runs again and again as long as the value is non-zero, tested before each run
     * ({@link ConditionalScope#whileLoop}).
     */
    WHILE,
    /**
     * Body {@code value} runs when the value is below the number of bodies, else none
     * ({@link ConditionalScope#switchOn}).
     */
    SWITCH;

    /**
     * The ACL {@code aclmdlRICondTaskType} value.
     *
     * @return the code ACL's headers give this type
     */
    public int code() {
        return ordinal(); // declared in code order: see OrdinalCodes
    }
}
