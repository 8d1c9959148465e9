package io.aclgraph4j.internal;

import io.aclgraph4j.AclException;
import io.aclgraph4j.BackendUnavailableException;
import io.aclgraph4j.CaptureException;
import io.aclgraph4j.InvalidArgumentException;
import io.aclgraph4j.ResourceExhaustedException;
import io.aclgraph4j.SynchronizeTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a failed status of the native layer into the exception a caller expects. */
public final class NativeErrors {
    public static final int ERR_INVALID_HANDLE = -1;
    public static final int ERR_INVALID_ARGUMENT = -2;
    public static final int ERR_BACKEND = -3;
    public static final int ERR_STATE = -4;
    public static final int ERR_INTERNAL = -5;

    private NativeErrors() {}

    public static RuntimeException toException(int status, String operation, String message) {
        String reason = reason(message);
        switch (status) {
            case ERR_INVALID_HANDLE:
                // The facade checks every handle first, so the object was closed by another thread
                // while this call was being made.
                return new IllegalStateException(operation + ": an object it uses was closed (on another thread) "
                        + "while the call was made: " + inJavaTerms(reason));
            case ERR_STATE:
                return new IllegalStateException(operation + ": " + inJavaTerms(reason));
            case ERR_INVALID_ARGUMENT:
                return new InvalidArgumentException(status, operation, reason, inJavaTerms(reason), null);
            case ERR_BACKEND:
                return new BackendUnavailableException(status, operation, reason, reason, null);
            default:
                break;
        }
        String explanation = inJavaTerms(reason);
        String remedy = REMEDIES.get(status);
        if (remedy != null && status == 107030 && explanation.contains("CaptureMode.RELAXED")) {
            remedy = null; // the runtime said it already
        }
        if (status == 507046 || status == 507047 || status == 107019) {
            return new SynchronizeTimeoutException(status, operation, reason, explanation, remedy);
        }
        if (isCaptureRule(status)) {
            return new CaptureException(status, operation, reason, explanation, remedy);
        }
        if (status == 100000 || status == 107000 || status == 161001 || status == 161002 || status == 107001) {
            return new InvalidArgumentException(status, operation, reason, explanation, remedy);
        }
        if (status == 200000 || status == 207001 || status == 207005 || status == 207007 || status == 207008
                || status == 207010) {
            return new ResourceExhaustedException(status, operation, reason, explanation, remedy);
        }
        return new AclException(status, operation, reason, explanation, remedy);
    }

    /** What to do about a failure, in this API's words, by ACL code. */
    private static final Map<Integer, String> REMEDIES = Map.ofEntries(
            Map.entry(107024, "A capture cannot wait for work outside it: record the event on a capturing stream"),
            Map.entry(107025, "Join every stream that joined the capture back before capture.end(): record an Event "
                    + "on it and make the capturing stream waitFor it"),
            Map.entry(107027, "End the capture with capture.end(), or abandon it by closing the Capture, first"),
            Map.entry(107028, "Only streams of that capture may wait for an event recorded inside it; synchronize "
                    + "it after capture.end()"),
            Map.entry(107030, "Switch this thread with runtime.captureMode(CaptureMode.RELAXED) around the call, "
                    + "or make the call outside the capture"),
            Map.entry(107038, "End the capture on the thread that began it, or begin it with CaptureMode.RELAXED"),
            Map.entry(507903, "Close the Capture (its model is discarded) and capture again"),
            Map.entry(207001, "Close buffers you no longer need, and the models that keep them (model.close())"),
            Map.entry(507046, "Wait again or longer, or check that what the stream waits for (an event) gets "
                    + "recorded"),
            Map.entry(507047, "Wait again or longer, or check that the event gets recorded"),
            Map.entry(107019, "Wait again or longer"));

    private static final Pattern SHIM_ENTRY = Pattern.compile("^agj_[a-z_]+: ");
    private static final Pattern FAILED_WITH = Pattern.compile("^[A-Za-z]+ failed with ACL error -?\\d+(: )?");
    private static final Pattern RUNTIME_PREFIX = Pattern.compile("^[A-Za-z]+ failed \\(-?\\d+\\)\\. (Reason: )?");
    private static final Pattern OPERATOR_PREFIX = Pattern.compile("^aclnn[A-Za-z]+: ");

    /**
     * The runtime's reason alone: without the shim's entry-point name, the "call failed with ACL
     * error N" it wraps the runtime's text in, or the runtime's repetition of call and code.
     */
    static String reason(String message) {
        if (message == null) {
            return "";
        }
        String reason = message.strip();
        for (Pattern prefix : List.of(SHIM_ENTRY, FAILED_WITH, RUNTIME_PREFIX, OPERATOR_PREFIX)) {
            reason = prefix.matcher(reason).replaceFirst("");
        }
        return reason;
    }

    /** C names of the ACL API, longest first, and what a Java caller of this SDK calls them. */
    private static final String[][] JAVA_TERMS = {
            {"ACL_MODEL_RI_CAPTURE_MODE_THREAD_LOCAL", "CaptureMode.THREAD_LOCAL"},
            {"ACL_MODEL_RI_CAPTURE_MODE_RELAXED", "CaptureMode.RELAXED"},
            {"ACL_MODEL_RI_CAPTURE_MODE_GLOBAL", "CaptureMode.GLOBAL"},
            {"aclmdlRICaptureThreadExchangeMode", "AclRuntime.captureMode"},
            {"aclmdlRICaptureTaskUpdateBegin", "TaskGroup.update"},
            {"aclmdlRICaptureTaskUpdateEnd", "TaskGroup.update"},
            {"aclmdlRICaptureTaskGrpBegin", "Capture.taskGroup"},
            {"aclmdlRICaptureTaskGrpEnd", "Capture.taskGroup"},
            {"aclmdlRICaptureBegin", "Stream.beginCapture"},
            {"aclmdlRICaptureEnd", "Capture.end()"},
            {"aclmdlRIExecuteAsync", "Model.executeAsync"},
            {"aclmdlRIDestroy", "Model.close()"},
            {"aclrtSynchronizeStreamWithTimeout", "Stream.synchronize"},
            {"aclrtSynchronizeStream", "Stream.synchronize"},
            {"aclrtSynchronizeDevice", "Device.synchronize"},
            {"aclrtSynchronizeEvent", "Event.synchronize"},
            {"aclrtStreamWaitEvent", "Stream.waitFor"},
            {"aclrtRecordEvent", "Event.record"},
            {"aclrtMemcpyAsync", "Stream.copyAsync"},
            {"aclrtMemsetAsync", "Stream.fillAsync"},
            {"aclrtMemcpy", "Device.copy"},
            {"aclrtMemset", "Device.fill"},
            {"aclrtMallocHost", "Device.allocateHost"},
            {"aclrtMalloc", "Device.allocate"},
            {"aclrtDestroyStream", "Stream.close()"},
    };

    /** The runtime's reason with the ACL API's names replaced by this SDK's. */
    static String inJavaTerms(String reason) {
        String text = reason;
        for (String[] term : JAVA_TERMS) {
            if (text.contains(term[0])) {
                text = text.replaceAll("\\b" + term[0] + "\\b", Matcher.quoteReplacement(term[1]));
            }
        }
        return text;
    }

    /**
     * Codes of the capture rules (ACL_ERROR_RT_CAPTURE_* and neighbours, 507903 invalidated, 507009 a task other
     * than a kernel inside a task group or its update).
     */
    static boolean isCaptureRule(int status) {
        return (status >= 107024 && status <= 107038) || status == 507903 || status == 507009;
    }
}
