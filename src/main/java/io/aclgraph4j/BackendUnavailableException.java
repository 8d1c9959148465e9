package io.aclgraph4j;

/**
 * The selected backend could not be loaded: the CANN libraries were not found, or lack a function
 * this SDK needs. The message says what was looked for and where.
 */
public class BackendUnavailableException extends AclException {
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
    public BackendUnavailableException(int code, String operation, String runtimeMessage, String explanation,
            String remedy) {
        super(code, operation, runtimeMessage, explanation, remedy);
    }
}
