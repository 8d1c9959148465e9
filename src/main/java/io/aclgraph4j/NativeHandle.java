package io.aclgraph4j;

import io.aclgraph4j.internal.NativeApi;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The state behind one native object: its shim handle, what it is, and who owns it. Kept apart
 * from the Java object so the {@link java.lang.ref.Cleaner} can release a handle whose object
 * became unreachable without ever having been closed (a leak, logged as such).
 */
final class NativeHandle {
    private static final System.Logger LOG = System.getLogger("io.aclgraph4j");
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final NativeApi api;
    private final AtomicLong value;
    private final String description;
    private final Owner owner;
    private final Throwable creationSite;
    /** For objects whose native memory Java reads and writes: release waits for those accesses. */
    private final ReentrantReadWriteLock accessGuard;
    private final long sequence = SEQUENCE.incrementAndGet();
    private volatile String closedBecause = "";
    private volatile Owner children;
    private volatile String childrenBecause = "";
    /** The runtime's live objects by handle (for its reports), or null. */
    private final java.util.Map<Long, NativeHandle> registry;
    /** Run after a native release, which may destroy a model with destroy callbacks; or null. */
    private final DestroyNotices destroyNotices;
    /** Holders that keep the native object from being freed (views of its memory); guarded by this. */
    private int pins;
    /** The handle whose native release waits for the last pin to go; guarded by this. */
    private long releaseWaitingForPins;

    NativeHandle(NativeApi api, long value, String description, Owner owner, boolean recordCreationSite,
                 boolean guardAccess, java.util.Map<Long, NativeHandle> registry, DestroyNotices destroyNotices) {
        this.api = api;
        this.registry = registry;
        this.destroyNotices = destroyNotices;
        if (registry != null) {
            registry.put(value, this);
        }
        this.accessGuard = guardAccess ? new ReentrantReadWriteLock() : null;
        this.value = new AtomicLong(value);
        this.description = description;
        this.owner = owner;
        this.creationSite = recordCreationSite ? new Throwable("created here") : null;
    }

    void ownChildren(Owner owned, String because) {
        this.childrenBecause = because;
        this.children = owned;
    }

    String description() {
        return description;
    }

    long sequence() {
        return sequence;
    }

    boolean isReleased() {
        return value.get() == 0;
    }

    /** The live handle, or IllegalStateException naming the object and why it is closed. */
    long get() {
        long handle = value.get();
        if (handle == 0) {
            throw new IllegalStateException(description + " is closed" + closedBecause);
        }
        return handle;
    }

    /**
     * Releases the handle once (later calls do nothing): drops the facade's reference; the native
     * object lives on while a model or in-flight work still uses it.
     *
     * @return whether this call released it
     */
    boolean release(String because) {
        if (accessGuard == null) {
            return releaseNow(because);
        }
        accessGuard.writeLock().lock();
        try {
            return releaseNow(because);
        } finally {
            accessGuard.writeLock().unlock();
        }
    }

    /**
     * Runs {@code access} while this object cannot be released (its release, from any thread,
     * waits): for Java code that touches the object's native memory directly. Throws
     * IllegalStateException when it is closed already.
     */
    void access(Runnable access) {
        accessGuard.readLock().lock();
        try {
            get();
            access.run();
        } finally {
            accessGuard.readLock().unlock();
        }
    }

    /**
     * Keeps the native object from being released until {@link #unpin()}: a close still closes it
     * for Java (every later use throws), but the native release waits for the last pin.
     *
     * @return false when it is released already
     */
    synchronized boolean pin() {
        if (value.get() == 0) {
            return false;
        }
        pins++;
        return true;
    }

    /** Drops a pin; the last one runs a release that waited for it. */
    void unpin() {
        long handle;
        synchronized (this) {
            if (--pins > 0 || releaseWaitingForPins == 0) {
                return;
            }
            handle = releaseWaitingForPins;
            releaseWaitingForPins = 0;
        }
        releaseNativeNow(handle);
    }

    private void releaseNativeNow(long handle) {
        String operation = closeOperation();
        api.release(operation, handle);
        if (destroyNotices != null) {
            destroyNotices.run(operation);
        }
    }

    /** "Tensor.close" for "Tensor#3 FLOAT[4] on device 0": the method that releases the handle. */
    private String closeOperation() {
        int number = description.indexOf('#');
        return (number > 0 ? description.substring(0, number) : description) + ".close";
    }

    private void releaseNative(long handle) {
        synchronized (this) {
            if (pins > 0) {
                releaseWaitingForPins = handle;
                return;
            }
        }
        releaseNativeNow(handle);
    }

    private boolean releaseNow(String because) {
        long handle = value.getAndSet(0);
        if (handle == 0) {
            return false;
        }
        closedBecause = because;
        if (registry != null) {
            registry.remove(handle, this);
        }
        if (owner != null) {
            owner.forget(this);
        }
        try {
            Owner owned = children;
            if (owned != null) {
                owned.releaseAll(childrenBecause);
            }
        } finally {
            releaseNative(handle);
        }
        return true;
    }

    /** The Cleaner's action: the object was garbage collected while still open. */
    void releaseLeaked() {
        try {
            if (release(" (it was never closed and was freed after garbage collection)")) {
                if (creationSite != null) {
                    LOG.log(Level.WARNING, "aclgraph4j: " + description + " was never closed; freed after garbage "
                            + "collection. It was created at:", creationSite);
                } else {
                    LOG.log(Level.WARNING, "aclgraph4j: " + description + " was never closed; freed after garbage "
                            + "collection. Run with -Daclgraph4j.leakTracking=true to see where it was created.");
                }
            }
        } catch (RuntimeException e) {
            // The runtime may be closed already; nothing is left to free then.
            LOG.log(Level.DEBUG, "aclgraph4j: releasing leaked " + description + " failed", e);
        }
    }
}
