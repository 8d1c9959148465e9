package io.aclgraph4j;

/**
 * A capture rule was broken: a call not allowed while a stream captures (such as synchronising a
 * capturing stream, or a synchronous copy under a GLOBAL capture), a capture ended on the wrong
 * stream or thread, or a capture invalidated by the runtime. The stream stays usable; see
 * {@link #code()} for which rule.
 */
public class CaptureException extends AclException {
    private static final long serialVersionUID = 1L;

    public CaptureException(int code, String operation, String runtimeMessage) {
        super(code, operation, runtimeMessage);
    }

    /** As {@link AclException#AclException(int, String, String, String, String)}. */
    public CaptureException(int code, String operation, String runtimeMessage, String explanation, String remedy) {
        super(code, operation, runtimeMessage, explanation, remedy);
    }
}
