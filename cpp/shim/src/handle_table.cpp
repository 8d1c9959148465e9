#include "handle_table.h"

#include <new>

namespace agj {
namespace {

int64_t Encode(uint32_t index, int32_t kind, uint32_t generation) {
    return (static_cast<int64_t>(generation) << 32) | (static_cast<int64_t>(kind & 0xff) << 24) |
           static_cast<int64_t>(index);
}

// Generations stay within 31 bits so handles are positive Java longs, and never 0.
uint32_t NextGeneration(uint32_t generation) {
    return (generation & 0x7fffffffu) == 0x7fffffffu ? 1 : generation + 1;
}

} // namespace

const ObjectRef &HandleTable::Lookup::ref() const noexcept {
    static const ObjectRef kNone;
    return owner_ == nullptr ? kNone : *owner_;
}

HandleTable::HandleTable(CallGate &gate) : gate_(gate), chunks_(new std::atomic<Slot *>[kChunkCount]) {
    for (uint32_t i = 0; i < kChunkCount; ++i) {
        chunks_[i].store(nullptr, std::memory_order_relaxed);
    }
}

HandleTable::~HandleTable() {
    for (uint32_t i = 0; i < kChunkCount; ++i) {
        delete[] chunks_[i].load(std::memory_order_relaxed);
    }
}

HandleTable::Slot *HandleTable::slotAt(uint32_t index) const noexcept {
    Slot *chunk = chunks_[index >> kChunkBits].load(std::memory_order_acquire);
    return chunk == nullptr ? nullptr : &chunk[index & (kChunkSize - 1)];
}

int64_t HandleTable::insert(ObjectRef object) {
    std::lock_guard lock(mutex_);
    uint32_t index;
    if (!freeSlots_.empty()) {
        index = freeSlots_.back();
        freeSlots_.pop_back();
    } else {
        if (slotCount_ >= kMaxSlots) {
            throw std::bad_alloc();
        }
        index = slotCount_;
        // Reclaiming a slot must not fail for want of memory: the free list can hold them all.
        if (freeSlots_.capacity() <= index) {
            freeSlots_.reserve(2 * (static_cast<size_t>(index) + 1));
        }
        if ((index & (kChunkSize - 1)) == 0) {
            chunks_[index >> kChunkBits].store(new Slot[kChunkSize], std::memory_order_release);
        }
        ++slotCount_;
    }
    Slot &slot = *slotAt(index);
    // A free slot is released and reclaimed: no call can read it until the store below.
    uint32_t generation = GenerationOf(slot.state.load(std::memory_order_relaxed));
    slot.kind = object->kind();
    slot.object = std::move(object);
    slot.state.store(static_cast<uint64_t>(generation) << 32, std::memory_order_release);
    return Encode(index, slot.kind, generation);
}

HandleTable::Lookup HandleTable::find(int64_t handle, int32_t kind) const noexcept {
    if (handle <= 0) {
        return {};
    }
    uint32_t index = static_cast<uint32_t>(handle & (kMaxSlots - 1));
    uint32_t generation = static_cast<uint32_t>(static_cast<uint64_t>(handle) >> 32);
    int32_t handleKind = KindOf(handle);
    if (kind != 0 && handleKind != kind) {
        return {};
    }
    Slot *slot = slotAt(index);
    if (slot == nullptr) {
        return {};
    }
    // Sequentially consistent, after the call gate's exchange: either this load sees a release
    // made concurrently, or the release sees this call in progress and defers the drop.
    uint64_t state = slot->state.load(std::memory_order_seq_cst);
    if (GenerationOf(state) != generation || (state & kReleased) != 0 || slot->kind != handleKind) {
        return {}; // released, reused, or forged (right slot and generation, wrong kind bits)
    }
    return Lookup(&slot->object);
}

bool HandleTable::remove(int64_t handle) {
    if (handle <= 0) {
        return false;
    }
    uint32_t index = static_cast<uint32_t>(handle & (kMaxSlots - 1));
    uint32_t generation = static_cast<uint32_t>(static_cast<uint64_t>(handle) >> 32);
    Slot *slot = slotAt(index);
    if (slot == nullptr) {
        return false;
    }
    const void *object = nullptr;
    {
        std::lock_guard lock(mutex_);
        uint64_t state = slot->state.load(std::memory_order_relaxed);
        if (GenerationOf(state) != generation || (state & kReleased) != 0 || slot->kind != KindOf(handle)) {
            return false;
        }
        slot->state.store(state | kReleased, std::memory_order_seq_cst);
        object = slot->object.get();
    }
    gate_.defer(object, [this, index]() noexcept { reclaim(index); });
    return true;
}

ObjectRef HandleTable::takeLocked(Slot &slot, uint32_t index) {
    ObjectRef object = std::move(slot.object);
    // Still released; the next generation is what insert hands out.
    uint64_t state = slot.state.load(std::memory_order_relaxed);
    slot.state.store((static_cast<uint64_t>(NextGeneration(GenerationOf(state))) << 32) | kReleased,
                     std::memory_order_relaxed);
    freeSlots_.push_back(index);
    return object;
}

void HandleTable::reclaim(uint32_t index) noexcept {
    ObjectRef object;
    {
        std::lock_guard lock(mutex_);
        // The free list has room for every slot (insert reserves it), so this cannot throw.
        object = takeLocked(*slotAt(index), index);
    }
    // `object` dies here, outside the lock: its destructor may release what it holds.
}

std::vector<ObjectRef> HandleTable::removeAll() {
    std::lock_guard lock(mutex_);
    std::vector<ObjectRef> objects;
    for (uint32_t index = 0; index < slotCount_; ++index) {
        Slot &slot = *slotAt(index);
        uint64_t state = slot.state.load(std::memory_order_relaxed);
        if ((state & kReleased) == 0) {
            slot.state.store(state | kReleased, std::memory_order_relaxed);
            objects.push_back(takeLocked(slot, index));
        }
    }
    return objects;
}

} // namespace agj
