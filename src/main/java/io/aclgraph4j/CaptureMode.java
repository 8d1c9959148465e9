package io.aclgraph4j;

/**
 * How strictly a capture forbids "unsafe" calls (synchronous copies and memsets, which would run
 * at once instead of being captured), as {@code aclmdlRICaptureMode}.
 */
public enum CaptureMode {
    /** No thread may make unsafe calls while the capture is active (unless it switches itself to RELAXED). */
    GLOBAL,
    /** Only the capturing thread may not make unsafe calls. */
    THREAD_LOCAL,
    /** Nobody is restricted. */
    RELAXED;

    /**
     * The ACL {@code aclmdlRICaptureMode} value.
     *
     * @return the code ACL's headers give this mode
     */
    public int code() {
        return ordinal(); // declared in code order: see OrdinalCodes
    }

    static CaptureMode ofCode(int code) {
        return OrdinalCodes.constant(values(), code, "capture mode");
    }
}
