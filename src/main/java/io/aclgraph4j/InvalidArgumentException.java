package io.aclgraph4j;

/**
 * An argument was rejected: by the facade before any native call (null, negative or overflowing
 * shape, mismatched sizes or data types, a buffer too small), or by the runtime.
 */
public class InvalidArgumentException extends AclException {
    private static final long serialVersionUID = 1L;

    /**
     * As {@link AclException#AclException(int, String, String, String, String)}.
     *
     * @param code the ACL error code (positive), or a negative code of the native layer
     * @param operation the facade operation that failed, such as {@code "Stream.synchronize"}
     * @param runtimeMessage what the native layer and the runtime said; null or empty for nothing
     * @param explanation the runtime's reason in this API's words; null or empty for none
     * @param remedy what to do about it; null when the explanation says it
     */
    public InvalidArgumentException(int code, String operation, String runtimeMessage, String explanation,
            String remedy) {
        super(code, operation, runtimeMessage, explanation, remedy);
    }

    /**
     * The facade's refusal of an argument, before any native call: {@code reason} says what was
     * wrong and what to do.
     */
    static InvalidArgumentException refused(String operation, String reason) {
        return new InvalidArgumentException(-2, operation, reason, reason, null);
    }
}
