package io.aclgraph4j;

/**
 * {@link TaskGroup#update} was refused, and nothing changed: the update launched another number of
 * kernels than the group holds, an operator whose kernel differs from the captured one (another
 * operator, data type, shape or strides), or issued something other than an operator launch.
 */
public class TaskUpdateException extends InvalidArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * A refused task group update.
     *
     * @param operation the facade operation that refused it, such as {@code "TaskGroup.update"}
     * @param reason what did not match the captured kernels
     */
    public TaskUpdateException(String operation, String reason) {
        super(-2, operation, reason, reason, null);
    }
}
