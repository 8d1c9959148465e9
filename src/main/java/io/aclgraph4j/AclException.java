package io.aclgraph4j;

import java.util.Map;

/**
 * A call into the ACL runtime (or the native layer in front of it) failed. Carries the ACL error
 * code (positive, as the runtime returned it; negative for failures of the native layer itself),
 * the operation that failed and the runtime's own explanation.
 *
 * <p>Subtypes tell apart what a caller handles differently: {@link CaptureException} (a capture
 * rule was broken), {@link InvalidArgumentException}, {@link ResourceExhaustedException},
 * {@link BackendUnavailableException} and {@link SynchronizeTimeoutException}.
 */
public class AclException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private static final Map<Integer, String> CODE_NAMES = Map.ofEntries(
            Map.entry(100000, "ACL_ERROR_INVALID_PARAM"),
            Map.entry(100001, "ACL_ERROR_UNINITIALIZE"),
            Map.entry(100002, "ACL_ERROR_REPEAT_INITIALIZE"),
            Map.entry(200000, "ACL_ERROR_BAD_ALLOC"),
            Map.entry(107000, "ACL_ERROR_RT_PARAM_INVALID"),
            Map.entry(107001, "ACL_ERROR_RT_INVALID_DEVICEID"),
            Map.entry(107002, "ACL_ERROR_RT_CONTEXT_NULL"),
            Map.entry(107003, "ACL_ERROR_RT_STREAM_CONTEXT"),
            Map.entry(107004, "ACL_ERROR_RT_MODEL_CONTEXT"),
            Map.entry(107005, "ACL_ERROR_RT_STREAM_MODEL"),
            Map.entry(107017, "ACL_ERROR_RT_INVALID_HANDLE"),
            Map.entry(107019, "ACL_ERROR_RT_WAIT_TIMEOUT"),
            Map.entry(107024, "ACL_ERROR_RT_CAPTURE_DEPENDENCY"),
            Map.entry(107025, "ACL_ERROR_RT_STREAM_UNJOINED"),
            Map.entry(107026, "ACL_ERROR_RT_MODEL_CAPTURED"),
            Map.entry(107027, "ACL_ERROR_RT_STREAM_CAPTURED"),
            Map.entry(107028, "ACL_ERROR_RT_EVENT_CAPTURED"),
            Map.entry(107029, "ACL_ERROR_RT_STREAM_NOT_CAPTURED"),
            Map.entry(107030, "ACL_ERROR_RT_CAPTURE_MODE_NOT_SUPPORT"),
            Map.entry(107031, "ACL_ERROR_RT_STREAM_CAPTURE_IMPLICIT"),
            Map.entry(107032, "ACL_ERROR_STREAM_CAPTURE_CONFLICT"),
            Map.entry(107033, "ACL_ERROR_STREAM_TASK_GROUP_STATUS"),
            Map.entry(107034, "ACL_ERROR_STREAM_TASK_GROUP_INTR"),
            Map.entry(107036, "ACL_ERROR_RT_STREAM_CAPTURE_UNMATCHED"),
            Map.entry(107037, "ACL_ERROR_RT_MODEL_RUNNING"),
            Map.entry(107038, "ACL_ERROR_RT_STREAM_CAPTURE_WRONG_THREAD"),
            Map.entry(161001, "ACLNN_ERR_PARAM_NULLPTR"),
            Map.entry(161002, "ACLNN_ERR_PARAM_INVALID"),
            Map.entry(207000, "ACL_ERROR_RT_FEATURE_NOT_SUPPORT"),
            Map.entry(207001, "ACL_ERROR_RT_MEMORY_ALLOCATION"),
            Map.entry(207005, "ACL_ERROR_RT_RESOURCE_ALLOC_FAIL"),
            Map.entry(207007, "ACL_ERROR_RT_NO_EVENT_RESOURCE"),
            Map.entry(207008, "ACL_ERROR_RT_NO_STREAM_RESOURCE"),
            Map.entry(207010, "ACL_ERROR_RT_NO_MODEL_RESOURCE"),
            Map.entry(207019, "ACL_ERROR_RT_FEATURE_NOT_SUPPORT_UPDATE_OP"),
            Map.entry(507000, "ACL_ERROR_RT_INTERNAL_ERROR"),
            Map.entry(507004, "ACL_ERROR_RT_STREAM_NOT_COMPLETE"),
            Map.entry(507009, "ACL_ERROR_RT_TASK_TYPE_NOT_SUPPORT"),
            Map.entry(507011, "ACL_ERROR_RT_MODEL_EXECUTE"),
            Map.entry(507046, "ACL_ERROR_RT_STREAM_SYNC_TIMEOUT"),
            Map.entry(507047, "ACL_ERROR_RT_EVENT_SYNC_TIMEOUT"),
            Map.entry(507903, "ACL_ERROR_RT_STREAM_CAPTURE_INVALIDATED"),
            Map.entry(-1, "stale or unknown handle"),
            Map.entry(-2, "invalid argument"),
            Map.entry(-3, "backend unavailable"),
            Map.entry(-4, "invalid state"),
            Map.entry(-5, "internal error"));

    /** The ACL error code, or a negative code of the native layer. */
    private final int code;
    /** The facade operation that failed. */
    private final String operation;
    /** The native layer's and the runtime's explanation; empty when they gave none. */
    private final String runtimeMessage;

    /**
     * An exception for a failed call.
     *
     * @param code the ACL error code (positive), or a negative code of the native layer
     * @param operation the facade operation that failed, such as {@code "Stream.synchronize"}
     * @param runtimeMessage what the native layer and the runtime said; null or empty for nothing
     */
    public AclException(int code, String operation, String runtimeMessage) {
        this(code, operation, runtimeMessage, runtimeMessage, null);
    }

    /**
     * {@code explanation}: the runtime's reason in this API's words; {@code remedy}: what to do
     * (null when the explanation says it). The message reads "operation failed: NAME (code) -
     * explanation. remedy".
     *
     * @param code the ACL error code (positive), or a negative code of the native layer
     * @param operation the facade operation that failed, such as {@code "Stream.synchronize"}
     * @param runtimeMessage what the native layer and the runtime said; null or empty for nothing
     * @param explanation the runtime's reason in this API's words; null or empty for none
     * @param remedy what to do about it; null when the explanation says it
     */
    public AclException(int code, String operation, String runtimeMessage, String explanation, String remedy) {
        super(operation + " failed: " + describeCode(code) + (explanation == null || explanation.isEmpty()
                ? "" : " - " + explanation) + (remedy == null ? "" : (explanation != null && explanation.endsWith(".")
                ? " " : ". ") + remedy));
        this.code = code;
        this.operation = operation;
        this.runtimeMessage = runtimeMessage == null ? "" : runtimeMessage;
    }

    /**
     * The ACL error code (positive), or a negative code of the native layer.
     *
     * @return the code, as the runtime returned it
     */
    public int code() {
        return code;
    }

    /**
     * The facade operation that failed, such as {@code "Stream.synchronize"}.
     *
     * @return the operation's name
     */
    public String operation() {
        return operation;
    }

    /**
     * What the native layer and the ACL runtime said about the failure.
     *
     * @return their message; empty when they said nothing
     */
    public String runtimeMessage() {
        return runtimeMessage;
    }

    /**
     * "NAME (code)" for a known code, the number otherwise.
     *
     * @param code an ACL error code, or a negative code of the native layer
     * @return for example {@code "ACL_ERROR_RT_STREAM_CAPTURED (107027)"}, or {@code "error 42"}
     */
    public static String describeCode(int code) {
        String name = CODE_NAMES.get(code);
        return name == null ? "error " + code : name + " (" + code + ")";
    }
}
