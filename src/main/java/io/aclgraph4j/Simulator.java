package io.aclgraph4j;

import io.aclgraph4j.internal.NativeApi;
import java.util.Objects;

/** Fault injection of the simulator backend, to test how code behaves when ACL calls fail. */
public final class Simulator {
    /** Where a fault can be injected (aclsimFaultPoint). */
    public enum FaultPoint {
        /** Device memory allocation fails (out of memory). */
        DEVICE_ALLOC,
        /** Pinned host memory allocation fails. */
        HOST_ALLOC,
        /** Issuing a task to a stream fails; inside a capture this invalidates the capture. */
        TASK_SUBMIT,
        /** A kernel fails while running; the stream reports it at its next synchronisation. */
        KERNEL_EXEC,
        /** Stream creation fails (no stream resources). */
        STREAM_CREATE
    }

    private final AclRuntime runtime;
    private final NativeApi api;

    Simulator(AclRuntime runtime, NativeApi api) {
        this.runtime = runtime;
        this.api = api;
    }

    /**
     * Lets {@code skip} operations at {@code point} succeed, then fails the next {@code count}. While
     * faults are armed, a failed host allocation is reported at once (not retried after a garbage
     * collection).
     *
     * @param point the simulator operation that fails
     * @param skip how many of those operations succeed first
     * @param count how many fail after them
     */
    public void injectFault(FaultPoint point, long skip, long count) {
        Objects.requireNonNull(point, "point");
        runtime.checkOpen();
        if (skip < 0 || count < 0) {
            throw InvalidArgumentException.refused("Simulator.injectFault",
                    "skip and count must not be negative (got " + skip + ", " + count + ")");
        }
        runtime.faultsInjected(true);
        api.simInjectFault("Simulator.injectFault", point.ordinal(), skip, count);
    }

    /** Disarms every fault. */
    public void clearFaults() {
        runtime.checkOpen();
        api.simClearFaults("Simulator.clearFaults");
        runtime.faultsInjected(false);
    }
}
