package io.aclgraph4j;

/**
 * A capture rule was broken: a call not allowed while a stream captures (such as synchronising a
 * capturing stream, or a synchronous copy under a GLOBAL capture), a capture ended on the wrong
 * stream or thread, or a capture invalidated by the runtime. The stream stays usable; see
 * {@link #code()} for which rule.
 */
public class CaptureException extends AclException {
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
    public CaptureException(int code, String operation, String runtimeMessage, String explanation, String remedy) {
        super(code, operation, runtimeMessage, explanation, remedy);
    }
}
