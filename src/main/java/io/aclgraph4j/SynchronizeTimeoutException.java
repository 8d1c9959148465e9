package io.aclgraph4j;

/**
 * A wait with a timeout ({@link Stream#synchronize(java.time.Duration)}) ran out of time before
 * the work finished. The work goes on; wait again, or longer.
 */
public class SynchronizeTimeoutException extends AclException {
    private static final long serialVersionUID = 1L;

    public SynchronizeTimeoutException(int code, String operation, String runtimeMessage) {
        super(code, operation, runtimeMessage);
    }

    /** As {@link AclException#AclException(int, String, String, String, String)}. */
    public SynchronizeTimeoutException(int code, String operation, String runtimeMessage, String explanation,
                                String remedy) {
        super(code, operation, runtimeMessage, explanation, remedy);
    }
}
