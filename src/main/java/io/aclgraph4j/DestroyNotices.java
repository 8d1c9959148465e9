package io.aclgraph4j;

import io.aclgraph4j.internal.NativeApi;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Java callbacks on the native destruction of models ({@link Model#onDestroy(Runnable)}). The
 * shim queues a registration's cookie when it (or, where the backend has
 * {@code aclmdlRIDestroyRegisterCallback}, the runtime itself) destroys the model; the runtime's
 * calls that can drop a model's last use (a close, a synchronisation, a replay that waits, the
 * runtime's close) then take the queue and run the callbacks on their own thread. Nothing native
 * is called while no callback waits.
 */
final class DestroyNotices {
    private final NativeApi api;
    private final AtomicLong nextCookie = new AtomicLong();
    private final Map<Long, Runnable> waiting = new ConcurrentHashMap<>();

    DestroyNotices(NativeApi api) {
        this.api = api;
    }

    /** Registers {@code callback} for {@code model}'s destruction. */
    void register(long model, Runnable callback) {
        long cookie = nextCookie.incrementAndGet();
        waiting.put(cookie, callback);
        try {
            api.modelOnDestroy("Model.onDestroy", model, cookie);
        } catch (RuntimeException e) {
            waiting.remove(cookie);
            throw e;
        }
    }

    /**
     * Runs the callbacks of the models destroyed so far (none: no native call); {@code operation}
     * is the facade method whose call may have destroyed them.
     */
    void run(String operation) {
        if (waiting.isEmpty()) {
            return;
        }
        for (long cookie : api.takeDestroyed(operation)) {
            Runnable callback = waiting.remove(cookie);
            if (callback == null) {
                continue;
            }
            try {
                callback.run();
            } catch (RuntimeException | Error e) {
                // It runs inside whatever call released the model: that call must not fail for it.
                AclRuntime.LOG.log(Level.WARNING, "aclgraph4j: a model's destroy callback threw", e);
            }
        }
    }

    /** How many callbacks still wait for their model's destruction. */
    int waiting() {
        return waiting.size();
    }
}
