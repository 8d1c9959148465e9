// Handles given to Java: slot index, object kind and slot generation packed into 64 bits. A
// handle stays valid until released; releasing bumps the slot's generation so every copy of the
// old handle is refused afterwards, even once the slot is reused.
//
// Lookups take no lock: every call resolves its handles, so a lookup costs one compare-and-swap
// on the slot (pinning the object) and one atomic decrement when the call ends. A release while
// a call still holds the object only marks the slot; the call's unpin drops the table's
// reference then.
#ifndef ACLGRAPH4J_SHIM_HANDLE_TABLE_H
#define ACLGRAPH4J_SHIM_HANDLE_TABLE_H

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <type_traits>
#include <vector>

#include "objects.h"

namespace agj {

class HandleTable {
    struct Slot;

public:
    // A live object found by its handle. It cannot be destroyed while pinned (its release
    // waits for the unpin to drop it); pins are held for the duration of one call.
    class Pin {
    public:
        Pin() = default;
        Pin(Pin &&other) noexcept : table_(other.table_), slot_(other.slot_), index_(other.index_) {
            other.slot_ = nullptr;
        }
        Pin &operator=(Pin &&other) noexcept;
        Pin(const Pin &) = delete;
        Pin &operator=(const Pin &) = delete;
        ~Pin() { reset(); }

        void reset() noexcept;
        explicit operator bool() const noexcept { return slot_ != nullptr; }
        Object *get() const noexcept;
        // The table's own reference, for keeping the object beyond the call.
        const ObjectRef &ref() const noexcept;

    private:
        friend class HandleTable;
        Pin(HandleTable *table, Slot *slot, uint32_t index) noexcept : table_(table), slot_(slot), index_(index) {}

        HandleTable *table_ = nullptr;
        Slot *slot_ = nullptr;
        uint32_t index_ = 0;
    };

    HandleTable();
    ~HandleTable();
    HandleTable(const HandleTable &) = delete;
    HandleTable &operator=(const HandleTable &) = delete;

    int64_t insert(ObjectRef object);
    // The live object named by handle, when it is of `kind` (0: any kind); empty otherwise.
    Pin find(int64_t handle, int32_t kind);
    // Ends a handle. Returns false when it was not live. `object` receives the table's reference
    // (the caller decides when it dies), or stays empty when a call still pins the object: that
    // call's unpin drops the reference.
    bool remove(int64_t handle, ObjectRef &object);
    // Ends every handle, returning the objects so the caller controls when they die. Only while
    // no call is in progress (the runtime closing).
    std::vector<ObjectRef> removeAll();

    static int32_t KindOf(int64_t handle) noexcept { return static_cast<int32_t>((handle >> 24) & 0xff); }

private:
    // Slot state word: generation (bits 32..62), released flag (bit 31), pins (bits 0..30).
    static constexpr uint64_t kReleased = 1ull << 31;
    static constexpr uint64_t kPinMask = kReleased - 1;
    static uint32_t GenerationOf(uint64_t state) noexcept { return static_cast<uint32_t>(state >> 32); }

    // One cache line per slot: pins taken by different threads on neighbouring handles do not
    // contend.
    struct alignas(64) Slot {
        std::atomic<uint64_t> state{(uint64_t{1} << 32) | kReleased}; // generation 1, free
        ObjectRef object; // written only while no pin can be taken (free or released, unpinned)
    };

    static constexpr uint32_t kIndexBits = 24;
    static constexpr uint32_t kMaxSlots = 1u << kIndexBits;
    static constexpr uint32_t kChunkBits = 10;
    static constexpr uint32_t kChunkSize = 1u << kChunkBits;
    static constexpr uint32_t kChunkCount = kMaxSlots / kChunkSize;

    Slot *slotAt(uint32_t index) const noexcept;
    // The slot's last pin is gone after its release: drop the reference and free the slot.
    void reclaim(Slot &slot, uint32_t index);
    // Takes the object out of a released, unpinned slot and puts the slot on the free list
    // (mutex_ held).
    ObjectRef takeLocked(Slot &slot, uint32_t index);

    // Chunks are allocated on demand and never move or go away, so lookups need no lock.
    std::unique_ptr<std::atomic<Slot *>[]> chunks_;
    std::mutex mutex_; // insertions, removals, the free list
    uint32_t slotCount_ = 0;
    std::vector<uint32_t> freeSlots_;
};

// A pinned object of a known type: what a call works with. Converts to a shared_ptr where the
// object must outlive the call (a tensor keeping its buffer, a task keeping what it uses).
template <typename T>
class Pinned {
public:
    Pinned() = default;
    explicit Pinned(HandleTable::Pin pin) noexcept : pin_(std::move(pin)) {}

    T *get() const noexcept { return static_cast<T *>(pin_.get()); }
    T *operator->() const noexcept { return get(); }
    T &operator*() const noexcept { return *get(); }
    explicit operator bool() const noexcept { return static_cast<bool>(pin_); }

    std::shared_ptr<T> shared() const { return std::static_pointer_cast<T>(pin_.ref()); }
    template <typename U, typename = std::enable_if_t<std::is_convertible_v<T *, U *>>>
    operator std::shared_ptr<U>() const { // NOLINT: implicit on purpose, like shared_ptr upcasts
        return shared();
    }

private:
    HandleTable::Pin pin_;
};

} // namespace agj

#endif
