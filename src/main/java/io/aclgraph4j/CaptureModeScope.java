package io.aclgraph4j;

import io.aclgraph4j.internal.NativeApi;

/**
 * The calling thread's capture mode switched for a block, restored on close. The mode belongs to
 * the thread: open and close the scope on the same thread.
 */
public final class CaptureModeScope implements AutoCloseable {
    private final NativeApi api;
    private final CaptureMode previous;
    private final Thread owner = Thread.currentThread();
    private boolean closed;

    CaptureModeScope(NativeApi api, CaptureMode mode) {
        this.api = api;
        this.previous = CaptureMode.ofCode(api.captureExchangeMode(mode.code()));
    }

    /** The mode this scope replaced, restored by {@link #close()}. */
    public CaptureMode previous() {
        return previous;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("a capture mode scope must be closed on the thread that opened it ("
                    + owner.getName() + "), not on " + Thread.currentThread().getName());
        }
        closed = true;
        api.captureExchangeMode(previous.code());
    }
}
