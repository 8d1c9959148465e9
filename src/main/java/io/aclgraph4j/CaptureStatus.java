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
        return switch (code) {
            case 0 -> NONE;
            case 1 -> ACTIVE;
            case 2 -> INVALIDATED;
            default -> throw new IllegalArgumentException("unknown capture status code " + code);
        };
    }
}
