package io.aclgraph4j;

/**
 * What a conditional task does with its {@link Condition}'s value when a replay reaches it, as
 * CANN's {@code aclmdlRICondTaskType} (the rows of cpp/shim/include/aclgraph4j/shim_conditions.def;
 * a test checks this copy against them).
 */
public enum ConditionType {
    /** Body 0 runs when the value is non-zero, else body 1 if there is one ({@link ConditionalScope#ifElse}). */
    IF(0),
    /**
     * The body runs again and again as long as the value is non-zero, tested before each run
     * ({@link ConditionalScope#whileLoop}).
     */
    WHILE(1),
    /**
     * Body {@code value} runs when the value is below the number of bodies, else none
     * ({@link ConditionalScope#switchOn}).
     */
    SWITCH(2);

    private final int code;

    ConditionType(int code) {
        this.code = code;
    }

    /**
     * The ACL {@code aclmdlRICondTaskType} value.
     *
     * @return the code ACL's headers give this type
     */
    public int code() {
        return code;
    }
}
