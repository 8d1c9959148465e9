package io.aclgraph4j;

/**
 * The selected backend could not be loaded: the CANN libraries were not found, or lack a function
 * this SDK needs. The message says what was looked for and where.
 */
public class BackendUnavailableException extends AclException {
    private static final long serialVersionUID = 1L;

    public BackendUnavailableException(int code, String operation, String runtimeMessage) {
        super(code, operation, runtimeMessage);
    }

    /** As {@link AclException#AclException(int, String, String, String, String)}. */
    public BackendUnavailableException(int code, String operation, String runtimeMessage, String explanation, String remedy) {
        super(code, operation, runtimeMessage, explanation, remedy);
    }
}
