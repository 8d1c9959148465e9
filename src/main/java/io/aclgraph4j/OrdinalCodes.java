package io.aclgraph4j;

/**
 * The enums that mirror an ACL enumeration numbered 0, 1, 2... ({@link CaptureMode}, {@link CaptureStatus},
 * {@link ConditionType}, {@link CubeMathType}, {@link ValueCondition}) declare their constants in code order,
 * so a constant's code is its ordinal (ShimTablesTest checks them against the shim's tables, OrdinalCodesTest
 * checks CubeMathType, which has none, against CANN's values); this turns a code the runtime gives back into
 * its constant.
 */
final class OrdinalCodes {
    private OrdinalCodes() {}

    /**
     * The constant of code {@code code} among {@code constants} (an enum's {@code values()}).
     *
     * @throws IllegalArgumentException for a code no constant has, naming {@code what} it was
     */
    static <E extends Enum<E>> E constant(E[] constants, int code, String what) {
        if (code < 0 || code >= constants.length) {
            throw new IllegalArgumentException("unknown " + what + " code " + code);
        }
        return constants[code];
    }
}
