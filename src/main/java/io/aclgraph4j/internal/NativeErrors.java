package io.aclgraph4j.internal;

import io.aclgraph4j.AclException;
import io.aclgraph4j.BackendUnavailableException;
import io.aclgraph4j.CaptureException;
import io.aclgraph4j.InvalidArgumentException;
import io.aclgraph4j.ResourceExhaustedException;

/** Turns a failed status of the native layer into the exception a caller expects. */
public final class NativeErrors {
    public static final int ERR_INVALID_HANDLE = -1;
    public static final int ERR_INVALID_ARGUMENT = -2;
    public static final int ERR_BACKEND = -3;
    public static final int ERR_STATE = -4;
    public static final int ERR_INTERNAL = -5;

    private NativeErrors() {}

    public static RuntimeException toException(int status, String operation, String message) {
        switch (status) {
            case ERR_INVALID_HANDLE:
                // The facade checks every handle first, so the object was closed by another thread
                // while this call was being made.
                return new IllegalStateException(operation + ": an object it uses was closed (on another thread) "
                        + "while the call was made: " + message);
            case ERR_STATE:
                return new IllegalStateException(operation + ": " + message);
            case ERR_INVALID_ARGUMENT:
                return new InvalidArgumentException(status, operation, message);
            case ERR_BACKEND:
                return new BackendUnavailableException(status, operation, message);
            default:
                break;
        }
        if (isCaptureRule(status)) {
            return new CaptureException(status, operation, message);
        }
        if (status == 100000 || status == 107000 || status == 161001 || status == 161002 || status == 107001) {
            return new InvalidArgumentException(status, operation, message);
        }
        if (status == 200000 || status == 207001 || status == 207005 || status == 207007 || status == 207008
                || status == 207010) {
            return new ResourceExhaustedException(status, operation, message);
        }
        return new AclException(status, operation, message);
    }

    /**
     * Codes of the capture rules (ACL_ERROR_RT_CAPTURE_* and neighbours, 507903 invalidated, 507009 a task other
     * than a kernel inside a task group or its update).
     */
    static boolean isCaptureRule(int status) {
        return (status >= 107024 && status <= 107038) || status == 507903 || status == 507009;
    }
}
