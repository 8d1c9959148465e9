package io.aclgraph4j;

import io.aclgraph4j.internal.NativeApi;
import java.lang.ref.Cleaner;

/**
 * Base of every facade object backed by a native object. {@link #close()} is idempotent and safe
 * from any thread; any use after close throws {@link IllegalStateException} naming the object.
 * An object that is never closed is freed by a {@link Cleaner} once unreachable, and logged as a
 * leak.
 */
public abstract class NativeObject implements AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();

    private final NativeHandle state;
    private final Cleaner.Cleanable cleanable;
    final AclRuntime runtime;

    NativeObject(AclRuntime runtime, Owner owner, long handle, String description) {
        this(runtime, owner, handle, description, false);
    }

    /**
     * {@code guardAccess}: Java reads and writes the object's native memory; {@link #access}
     * keeps a release (by any thread) from freeing it meanwhile.
     */
    NativeObject(AclRuntime runtime, Owner owner, long handle, String description, boolean guardAccess) {
        this.runtime = runtime;
        this.state = new NativeHandle(runtime.api(), handle, description, owner, runtime.leakTracking(),
                guardAccess, runtime.registry(), runtime.destroyNotices());
        if (owner != null && !owner.adopt(state)) {
            // The owner closed (on another thread) after the native object was made: release it
            // rather than leave an object nobody owns.
            state.release(" (" + owner.name() + " closed while it was being created)");
            throw new IllegalStateException(owner.name() + " is closed: " + description + " was not created");
        }
        NativeHandle cleanupState = state; // the Cleaner action must not reach `this`
        this.cleanable = CLEANER.register(this, cleanupState::releaseLeaked);
    }

    /**
     * Makes closing this object close what {@code children} still owns first, however the close
     * comes about (directly, with this object's own owner, or by the Cleaner).
     */
    final void ownChildren(Owner children, String because) {
        state.ownChildren(children, because);
    }

    /** The native handle, checked: throws IllegalStateException once closed. */
    final long handle() {
        return state.get();
    }

    /** Runs {@code access} on the open object; a concurrent close waits for it (guarded objects only). */
    final void access(Runnable access) {
        state.access(access);
    }

    /**
     * Keeps this object's native memory, and its runtime, allocated while {@code holder} is
     * reachable, even after this object is closed (directly, with its owner, or by the Cleaner).
     * Throws IllegalStateException when this object is closed already.
     */
    final void pinWhileReachable(Object holder) {
        if (!runtime.pin()) {
            handle(); // closed with its runtime: throws, naming this object
            throw new IllegalStateException(runtime + " is closed");
        }
        if (!state.pin()) {
            runtime.unpin();
            handle(); // throws, naming this object
            throw new IllegalStateException(state.description() + " is closed");
        }
        CLEANER.register(holder, new Unpin(state, runtime));
    }

    /** The Cleaner action of a pin: must not reach its holder. */
    private record Unpin(NativeHandle state, AclRuntime runtime) implements Runnable {
        @Override
        public void run() {
            try {
                state.unpin();
            } finally {
                runtime.unpin();
            }
        }
    }

    final NativeApi api() {
        return runtime.api();
    }

    /**
     * What the object is and which one: {@code "Stream#3 on device 0"} ({@code kind}, its number
     * among the runtime's objects of that kind, then {@code details}).
     */
    static String numbered(AclRuntime runtime, String kind, String details) {
        return kind + "#" + runtime.nextNumber(kind) + (details.isEmpty() ? "" : " " + details);
    }

    /** The object's name, without its state: {@code "Stream#3 on device 0"}. */
    final String describe() {
        return state.description();
    }

    /**
     * Whether {@link #close()} was called (directly or by closing the object's owner).
     *
     * @return true once closed
     */
    public boolean isClosed() {
        return state.isReleased();
    }

    /**
     * Releases this object. Native memory is freed at once unless a captured model or work still
     * running on a stream uses it; then it is freed when the last of those lets go.
     */
    @Override
    public void close() {
        try {
            state.release("");
        } finally {
            cleanable.clean(); // deregisters; releaseLeaked finds nothing left to do
        }
    }

    /** As {@link #close()}, with the reason a later use will report. */
    final void closeBecause(String because) {
        try {
            state.release(because);
        } finally {
            cleanable.clean();
        }
    }

    @Override
    public String toString() {
        return state.description() + (isClosed() ? " (closed)" : "");
    }
}
