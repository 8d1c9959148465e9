package io.aclgraph4j;

/**
 * How strictly a capture forbids "unsafe" calls (synchronous copies and memsets, which would run
 * at once instead of being captured), as {@code aclmdlRICaptureMode}.
 */
public enum CaptureMode {
    /** No thread may make unsafe calls while the capture is active (unless it switches itself to RELAXED). */
    GLOBAL(0),
    /** Only the capturing thread may not make unsafe calls. */
    THREAD_LOCAL(1),
    /** Nobody is restricted. */
    RELAXED(2);

    private final int code;

    CaptureMode(int code) {
        this.code = code;
    }

    /**
     * The ACL {@code aclmdlRICaptureMode} value.
     *
     * @return the code ACL's headers give this mode
     */
    public int code() {
        return code;
    }

    static CaptureMode ofCode(int code) {
        for (CaptureMode mode : values()) {
            if (mode.code == code) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown capture mode code " + code);
    }
}
