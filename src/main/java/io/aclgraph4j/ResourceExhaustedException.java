package io.aclgraph4j;

/**
 * The device ran out of a resource: memory, streams or events.
 */
public class ResourceExhaustedException extends AclException {
    private static final long serialVersionUID = 1L;

    public ResourceExhaustedException(int code, String operation, String runtimeMessage) {
        super(code, operation, runtimeMessage);
    }

    /** As {@link AclException#AclException(int, String, String, String, String)}. */
    public ResourceExhaustedException(int code, String operation, String runtimeMessage, String explanation, String remedy) {
        super(code, operation, runtimeMessage, explanation, remedy);
    }
}
