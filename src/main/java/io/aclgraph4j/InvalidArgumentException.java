package io.aclgraph4j;

/**
 * An argument was rejected: by the facade before any native call (null, negative or overflowing
 * shape, mismatched sizes or data types, a buffer too small), or by the runtime.
 */
public class InvalidArgumentException extends AclException {
    private static final long serialVersionUID = 1L;

    public InvalidArgumentException(int code, String operation, String runtimeMessage) {
        super(code, operation, runtimeMessage);
    }

    /** As {@link AclException#AclException(int, String, String, String, String)}. */
    public InvalidArgumentException(int code, String operation, String runtimeMessage, String explanation, String remedy) {
        super(code, operation, runtimeMessage, explanation, remedy);
    }
}
