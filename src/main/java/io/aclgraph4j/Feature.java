package io.aclgraph4j;

import java.util.List;

/**
 * An optional capability of the loaded backend: present when the backend's libraries offer every
 * ACL function it needs (resolved at run time, never linked). {@link AclRuntime#features()} lists
 * those present; calling a method that needs a missing one throws
 * {@link FeatureUnavailableException} naming the CANN release that brings it. The bundled
 * simulator has those whose functions it implements. (The rows of
 * cpp/shim/include/aclgraph4j/shim_features.def; a test checks this copy against them.)
 */
public enum Feature {
    /** Task groups and their updates ({@link Capture#taskGroup}, {@link TaskGroup#update}). */
    TASK_GROUPS(0, "8.1.RC1", "aclmdlRICaptureTaskGrpBegin", "aclmdlRICaptureTaskGrpEnd",
            "aclmdlRICaptureTaskUpdateBegin", "aclmdlRICaptureTaskUpdateEnd"),
    /** The runtime's own listing of a model in its log ({@link Model#debugPrintToLog()}). */
    DEBUG_PRINT(1, "8.1.RC1", "aclmdlRIDebugPrint"),
    /** The device's JSON dump of a model ({@link Model#debugJson()}). */
    DEBUG_JSON(2, "8.3.RC1", "aclmdlRIDebugJsonPrint"),
    /** A model's name held by the runtime ({@link Model#name(String)}, {@link Model#name()}). */
    MODEL_NAMES(3, "8.5.0", "aclmdlRISetName", "aclmdlRIGetName"),
    /** The runtime's id of a model ({@link Model#id()}), the "Model Id" of its JSON dump and logs. */
    MODEL_IDS(4, "9.1.0", "aclmdlRIGetId"),
    /**
     * The runtime's notice of a model's destruction, which then drives {@link Model#onDestroy}
     * (without it the SDK's own tracking does).
     */
    DESTROY_CALLBACKS(5, "9.0.0", "aclmdlRIDestroyRegisterCallback", "aclmdlRIDestroyUnregisterCallback"),
    /** IF/ELSE, WHILE and SWITCH tasks with bodies captured from lambdas ({@link ConditionalScope}). */
    CONDITIONAL_GRAPHS(6, "9.1.0", "aclmdlRICondHandleCreate", "aclmdlRICondHandleGetCondPtr", "aclmdlRIAddCondTask",
            "aclmdlRICaptureToModelRIBegin"),
    /**
     * Events across a model's boundary: a replay records an event others wait for, or waits for one
     * recorded outside ({@link Event#recordExternal}, {@link Stream#waitForExternal}).
     */
    EXTERNAL_EVENTS(7, "9.2.0", "aclrtRecordEventWithFlag", "aclrtStreamWaitEventWithFlag",
            "aclrtCreateEventExWithFlag"),
    /**
     * Value tasks: write a 64-bit word, or hold a stream until it meets a condition
     * ({@link Stream#writeValueAsync}, {@link Stream#waitValueAsync}).
     */
    VALUE_TASKS(8, "8.5.0", "aclrtValueWrite", "aclrtValueWait"),
    /**
     * The runtime's own listing of a model's streams and tasks, which {@link Model#tasks()} then
     * follows (without it the capture's record of what this SDK issued does).
     */
    TASK_INTROSPECTION(9, "9.1.0", "aclmdlRIGetStreams", "aclmdlRIGetTasksByStream", "aclmdlRITaskGetType",
            "aclmdlRITaskGetSeqId"),
    /**
     * A captured kernel's operands replaced in place through the runtime's task calls
     * ({@link Model#update(Stream, ModelTask, Runnable)}; without it, task groups do).
     */
    TASK_UPDATE(10, "9.1.0", "aclmdlRIGetStreams", "aclmdlRIGetTasksByStream", "aclmdlRITaskGetType",
            "aclmdlRITaskGetParams", "aclmdlRITaskSetParams", "aclmdlRIUpdate", "aclrtLaunchHostFunc");

    private final int bit;
    private final String cannRelease;
    private final List<String> functions;

    Feature(int bit, String cannRelease, String... functions) {
        this.bit = bit;
        this.cannRelease = cannRelease;
        this.functions = List.of(functions);
    }

    /**
     * The feature's bit in the native layer's feature set.
     *
     * @return the bit number, 0-based
     */
    int bit() {
        return bit;
    }

    /**
     * The first CANN release that has the feature.
     *
     * @return a release such as {@code "8.3.RC1"}
     */
    public String cannRelease() {
        return cannRelease;
    }

    /**
     * The ACL functions the feature needs, all of which the backend must offer.
     *
     * @return the functions' names
     */
    public List<String> functions() {
        return functions;
    }
}
