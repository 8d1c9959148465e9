package io.aclgraph4j;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a runtime or device owns: closing the owner closes every object it still owns, newest
 * first. The native layer keeps dependencies alive by reference counts, so this order is for
 * tidiness, not safety.
 */
final class Owner {
    private final Set<NativeHandle> owned = ConcurrentHashMap.newKeySet();

    void adopt(NativeHandle handle) {
        owned.add(handle);
    }

    void forget(NativeHandle handle) {
        owned.remove(handle);
    }

    int size() {
        return owned.size();
    }

    /** Releases everything owned, newest first; the first failure is rethrown after the rest. */
    void releaseAll(String because) {
        List<NativeHandle> snapshot = new ArrayList<>(owned);
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
