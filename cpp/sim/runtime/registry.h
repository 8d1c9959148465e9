// Live objects of the simulated runtime by their C handle, and the lookups every call starts with.
#ifndef ACLSIM_RUNTIME_REGISTRY_H
#define ACLSIM_RUNTIME_REGISTRY_H

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "errors.h"
#include "waiting.h"

namespace aclsim {

class Context;
class Event;
class Model;
class Stream;
struct TaskGroup;

// Live objects of one kind by their C handle. find() hands out a shared_ptr, so an object
// destroyed by another thread stays alive until the call using it returns; a stale or forged
// handle is simply not found.
//
// Every replay and synchronisation looks its handles up, so each thread remembers its last
// lookups: while nothing was added or removed since (the version is unchanged), the remembered
// object is still the one the handle names, and finding it costs no lock and no hash.
template <typename T>
class Registry {
public:
    void add(const std::shared_ptr<T> &object) {
        std::unique_lock lock(mutex_);
        objects_[object.get()] = object;
        version_.fetch_add(1, std::memory_order_release);
    }
    std::shared_ptr<T> find(const void *handle) const {
        uint64_t version = version_.load(std::memory_order_acquire);
        for (const CacheEntry &entry : tCache) {
            if (entry.handle == handle && entry.registry == this && entry.version == version) {
                if (auto object = entry.object.lock()) {
                    return object;
                }
            }
        }
        std::shared_lock lock(mutex_);
        auto it = objects_.find(handle);
        if (it == objects_.end()) {
            return nullptr;
        }
        CacheEntry &entry = tCache[tNextEntry++ % kCacheEntries];
        entry.registry = this;
        entry.handle = handle;
        entry.version = version_.load(std::memory_order_relaxed); // changes only under the unique lock
        entry.object = it->second;
        return it->second;
    }
    // Empties the registry (aclFinalize); the objects are destroyed by the caller, outside the lock.
    std::unordered_map<const void *, std::shared_ptr<T>> clear() {
        std::unique_lock lock(mutex_);
        std::unordered_map<const void *, std::shared_ptr<T>> all;
        all.swap(objects_);
        version_.fetch_add(1, std::memory_order_release);
        return all;
    }
    std::shared_ptr<T> remove(const void *handle) {
        std::unique_lock lock(mutex_);
        auto it = objects_.find(handle);
        if (it == objects_.end()) {
            return nullptr;
        }
        auto object = std::move(it->second);
        objects_.erase(it);
        version_.fetch_add(1, std::memory_order_release);
        return object;
    }

private:
    // Weak: remembering an object must not keep it alive.
    struct CacheEntry {
        const Registry *registry = nullptr;
        const void *handle = nullptr;
        uint64_t version = 0;
        std::weak_ptr<T> object;
    };
    static constexpr unsigned kCacheEntries = 2;
    static inline thread_local CacheEntry tCache[kCacheEntries];
    static inline thread_local unsigned tNextEntry = 0;

    mutable std::shared_mutex mutex_;
    std::unordered_map<const void *, std::shared_ptr<T>> objects_;
    // Bumped by every add and remove; on a line of its own, away from the lock word that the
    // slow path of other threads writes.
    alignas(kCacheLine) std::atomic<uint64_t> version_{0};
};

// Looks a handle up: NULL is refused with 100000 (`nullHint` may say why NULL is wrong here), a
// handle that is not live (destroyed, or never ours) with 107017.
template <typename T>
aclError FindLive(const char *call, const Registry<T> &registry, const void *handle, const char *what,
                  std::shared_ptr<T> &out, const char *nullHint = "") {
    if (handle == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, std::string(what) + " is NULL" + nullHint);
    }
    out = registry.find(handle);
    if (!out) {
        return Fail(ACL_ERROR_RT_INVALID_HANDLE, call,
                    std::string("not a live ") + what + " (destroyed already, or not made by this runtime?)");
    }
    return ACL_SUCCESS;
}

// The one registry of each kind of live object, made on first use (instantiated in support.cpp).
template <typename T>
Registry<T> &LiveRegistry();
inline Registry<Stream> &Streams() {
    return LiveRegistry<Stream>();
}
inline Registry<Event> &Events() {
    return LiveRegistry<Event>();
}
inline Registry<Model> &Models() {
    return LiveRegistry<Model>();
}
inline Registry<Context> &Contexts() {
    return LiveRegistry<Context>();
}
inline Registry<TaskGroup> &TaskGroups() {
    return LiveRegistry<TaskGroup>();
}

// Guards every capture's bookkeeping and the capture fields of streams, events and contexts.
std::mutex &CaptureMutex();

} // namespace aclsim

#endif
