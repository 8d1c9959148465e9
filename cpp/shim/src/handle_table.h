// Handles given to Java: slot index, object kind and slot generation packed into 64 bits. A
// handle stays valid until released; releasing bumps the slot's generation so every copy of the
// old handle is refused afterwards, even once the slot is reused.
//
// Every call resolves its handles, so lookups take no lock and write nothing: a lookup is two
// loads. What makes that safe is the call gate: a released object is dropped only once every
// call that was in progress at its release has ended, so an object found during a call stays
// alive until the call returns.
#ifndef ACLGRAPH4J_SHIM_HANDLE_TABLE_H
#define ACLGRAPH4J_SHIM_HANDLE_TABLE_H

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <type_traits>
#include <vector>

#include "call_gate.h"
#include "objects.h"

namespace agj {

class HandleTable {
public:
    // A live object found by its handle; valid until the call that found it returns.
    class Lookup {
    public:
        Lookup() = default;
        explicit operator bool() const noexcept { return owner_ != nullptr; }
        Object *get() const noexcept { return owner_ == nullptr ? nullptr : owner_->get(); }
        // The table's own reference, for keeping the object beyond the call.
        const ObjectRef &ref() const noexcept;

    private:
        friend class HandleTable;
        explicit Lookup(const ObjectRef *owner) noexcept : owner_(owner) {}
        const ObjectRef *owner_ = nullptr; // the slot's reference: unchanged until the slot is reclaimed
    };

    explicit HandleTable(CallGate &gate);
    ~HandleTable();
    HandleTable(const HandleTable &) = delete;
    HandleTable &operator=(const HandleTable &) = delete;

    int64_t insert(ObjectRef object);
    // The live object named by handle, when it is of `kind` (0: any kind); empty otherwise.
    // Only inside a call of the gate.
    Lookup find(int64_t handle, int32_t kind) const noexcept;
    // Ends a handle; returns false when it was not live. The table drops its reference once no
    // call in progress can still use the object: at once when no other thread is in a call,
    // otherwise when the last of those calls ends. Only inside a call of the gate, which must
    // not use the object afterwards.
    bool remove(int64_t handle);
    // Ends every handle, returning the objects so the caller controls when they die. Only while
    // holding the gate exclusively (the runtime closing).
    std::vector<ObjectRef> removeAll();

    static int32_t KindOf(int64_t handle) noexcept { return static_cast<int32_t>((handle >> 24) & 0xff); }

private:
    // Slot state word: generation (bits 32..62), released flag (bit 0). Written only under mutex_.
    static constexpr uint64_t kReleased = 1;
    static uint32_t GenerationOf(uint64_t state) noexcept { return static_cast<uint32_t>(state >> 32); }

    struct Slot {
        std::atomic<uint64_t> state{(uint64_t{1} << 32) | kReleased}; // generation 1, free
        int32_t kind = 0; // of the object, set before the state publishes it
        ObjectRef object; // set while free, reset when reclaimed: never while a call may read it
    };

    static constexpr uint32_t kIndexBits = 24;
    static constexpr uint32_t kMaxSlots = 1u << kIndexBits;
    static constexpr uint32_t kChunkBits = 10;
    static constexpr uint32_t kChunkSize = 1u << kChunkBits;
    static constexpr uint32_t kChunkCount = kMaxSlots / kChunkSize;

    Slot *slotAt(uint32_t index) const noexcept;
    // Drops a released slot's object and puts the slot on the free list.
    void reclaim(uint32_t index) noexcept;
    // Takes the object out of a released slot and frees the slot (mutex_ held).
    ObjectRef takeLocked(Slot &slot, uint32_t index);

    CallGate &gate_;
    // Chunks are allocated on demand and never move or go away, so lookups need no lock.
    std::unique_ptr<std::atomic<Slot *>[]> chunks_;
    std::mutex mutex_; // insertions, removals, the free list
    uint32_t slotCount_ = 0;
    std::vector<uint32_t> freeSlots_;
};

// A found object of a known type: what a call works with. Converts to a shared_ptr where the
// object must outlive the call (a tensor keeping its buffer, a task keeping what it uses).
template <typename T>
class Found {
public:
    Found() = default;
    explicit Found(HandleTable::Lookup found) noexcept : found_(found) {}

    T *get() const noexcept { return static_cast<T *>(found_.get()); }
    T *operator->() const noexcept { return get(); }
    T &operator*() const noexcept { return *get(); }
    explicit operator bool() const noexcept { return static_cast<bool>(found_); }

    std::shared_ptr<T> shared() const { return std::static_pointer_cast<T>(found_.ref()); }
    template <typename U, typename = std::enable_if_t<std::is_convertible_v<T *, U *>>>
    operator std::shared_ptr<U>() const { // NOLINT: implicit on purpose, like shared_ptr upcasts
        return shared();
    }

private:
    HandleTable::Lookup found_;
};

} // namespace agj

#endif
