package io.aclgraph4j;

/** A stream's capture state, as {@code aclmdlRICaptureStatus}. */
public enum CaptureStatus {
    /** Not capturing: tasks run. */
    NONE,
    /** Capturing: tasks are recorded into the model being built. */
    ACTIVE,
    /** The capture failed inside the runtime; ending it yields no model. */
    INVALIDATED;

    static CaptureStatus ofCode(int code) {
        return OrdinalCodes.constant(values(), code, "capture status");
    }
}
