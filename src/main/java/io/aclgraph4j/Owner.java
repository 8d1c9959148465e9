package io.aclgraph4j;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a runtime or device owns: closing the owner closes every object it still owns, newest
 * first. The native layer keeps dependencies alive by reference counts, so this order is for
 * tidiness, not safety. Once closed, an owner adopts nothing more: an object created on another
 * thread while its owner closes is refused (and released) instead of outliving the owner unseen.
 */
final class Owner {
    private final String name;
    private final Set<NativeHandle> owned = ConcurrentHashMap.newKeySet();
    private boolean closed; // guarded by this

    Owner(String name) {
        this.name = name;
    }

    /** What owns: "Device(0)", "AclRuntime(sim)". */
    String name() {
        return name;
    }

    /** Adds {@code handle} unless this owner was closed; returns whether it was added. */
    synchronized boolean adopt(NativeHandle handle) {
        if (closed) {
            return false;
        }
        owned.add(handle);
        return true;
    }

    void forget(NativeHandle handle) {
        owned.remove(handle);
    }

    int size() {
        return owned.size();
    }

    /**
     * Closes this owner for good and releases everything owned, newest first; the first failure is
     * rethrown after the rest.
     */
    void releaseAll(String because) {
        List<NativeHandle> snapshot;
        synchronized (this) {
            closed = true;
            snapshot = new ArrayList<>(owned);
        }
        snapshot.sort(Comparator.comparingLong(NativeHandle::sequence).reversed());
        RuntimeException first = null;
        for (NativeHandle handle : snapshot) {
            try {
                handle.release(because);
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
