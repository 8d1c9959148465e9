package io.aclgraph4j;

import io.aclgraph4j.internal.NativeApi;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The calling thread's capture mode switched for a block, restored on close. The mode belongs to
 * the thread: open and close the scope on the same thread, and close nested scopes in reverse
 * order (as try-with-resources does); closing one out of order would restore a stale mode, so it
 * is refused.
 */
public final class CaptureModeScope implements AutoCloseable {
    /** The calling thread's open scopes, innermost first. */
    private static final ThreadLocal<Deque<CaptureModeScope>> OPEN = ThreadLocal.withInitial(ArrayDeque::new);

    private final NativeApi api;
    private final CaptureMode mode;
    private final CaptureMode previous;
    private final Thread owner = Thread.currentThread();
    private boolean closed;

    CaptureModeScope(NativeApi api, CaptureMode mode) {
        this.api = api;
        this.mode = mode;
        this.previous = CaptureMode.ofCode(api.captureExchangeMode("AclRuntime.captureMode", mode.code()));
        OPEN.get().push(this);
    }

    /**
     * The mode this scope replaced, restored by {@link #close()}.
     *
     * @return the calling thread's mode before this scope opened
     */
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
        Deque<CaptureModeScope> open = OPEN.get();
        if (open.peek() != this) {
            throw new IllegalStateException("capture mode scopes must be closed in reverse order of opening: close the "
                    + open.peek().mode + " scope opened after this " + mode + " scope first");
        }
        closed = true;
        open.pop();
        api.captureExchangeMode("CaptureModeScope.close", previous.code());
    }

    @Override
    public String toString() {
        return "CaptureModeScope(" + mode + ", replacing " + previous + (closed ? ", closed)" : ")");
    }
}
