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

// ---- Pin ----

HandleTable::Pin &HandleTable::Pin::operator=(Pin &&other) noexcept {
    if (this != &other) {
        reset();
        table_ = other.table_;
        slot_ = other.slot_;
        index_ = other.index_;
        other.slot_ = nullptr;
    }
    return *this;
}

Object *HandleTable::Pin::get() const noexcept { return slot_ == nullptr ? nullptr : slot_->object.get(); }

const ObjectRef &HandleTable::Pin::ref() const noexcept {
    static const ObjectRef kNone;
    return slot_ == nullptr ? kNone : slot_->object;
}

void HandleTable::Pin::reset() noexcept {
    Slot *slot = slot_;
    if (slot == nullptr) {
        return;
    }
    slot_ = nullptr;
    uint64_t before = slot->state.fetch_sub(1, std::memory_order_acq_rel);
    if ((before & kReleased) != 0 && (before & kPinMask) == 1) {
        table_->reclaim(*slot, index_); // released while we held it: ours to drop
    }
}

// ---- HandleTable ----

HandleTable::HandleTable() : chunks_(new std::atomic<Slot *>[kChunkCount]) {
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
        if ((index & (kChunkSize - 1)) == 0) {
            chunks_[index >> kChunkBits].store(new Slot[kChunkSize], std::memory_order_release);
        }
        ++slotCount_;
    }
    Slot &slot = *slotAt(index);
    // Free slots are released and unpinned: nobody reads `object` until the store below.
    uint32_t generation = GenerationOf(slot.state.load(std::memory_order_relaxed));
    int32_t kind = object->kind();
    slot.object = std::move(object);
    slot.state.store(static_cast<uint64_t>(generation) << 32, std::memory_order_release);
    return Encode(index, kind, generation);
}

HandleTable::Pin HandleTable::find(int64_t handle, int32_t kind) {
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
    uint64_t state = slot->state.load(std::memory_order_relaxed);
    do {
        if (GenerationOf(state) != generation || (state & kReleased) != 0) {
            return {};
        }
    } while (!slot->state.compare_exchange_weak(state, state + 1, std::memory_order_acquire,
                                                std::memory_order_relaxed));
    Pin pin(this, slot, index);
    if (pin.get()->kind() != handleKind) {
        return {}; // a forged handle: right slot and generation, wrong kind bits
    }
    return pin;
}

bool HandleTable::remove(int64_t handle, ObjectRef &object) {
    object.reset();
    if (handle <= 0) {
        return false;
    }
    uint32_t index = static_cast<uint32_t>(handle & (kMaxSlots - 1));
    uint32_t generation = static_cast<uint32_t>(static_cast<uint64_t>(handle) >> 32);
    Slot *slot = slotAt(index);
    if (slot == nullptr) {
        return false;
    }
    std::lock_guard lock(mutex_);
    uint64_t state = slot->state.load(std::memory_order_relaxed);
    do {
        if (GenerationOf(state) != generation || (state & kReleased) != 0) {
            return false;
        }
        // Reading the kind is safe here: an unreleased slot's object changes only under mutex_.
        if (slot->object->kind() != KindOf(handle)) {
            return false;
        }
    } while (!slot->state.compare_exchange_weak(state, state | kReleased, std::memory_order_acq_rel,
                                                std::memory_order_relaxed));
    if ((state & kPinMask) == 0) {
        object = takeLocked(*slot, index);
    }
    return true;
}

ObjectRef HandleTable::takeLocked(Slot &slot, uint32_t index) {
    ObjectRef object = std::move(slot.object);
    // Still released and unpinned; the next generation is what insert hands out.
    uint64_t state = slot.state.load(std::memory_order_relaxed);
    slot.state.store((static_cast<uint64_t>(NextGeneration(GenerationOf(state))) << 32) | kReleased,
                     std::memory_order_relaxed);
    freeSlots_.push_back(index);
    return object;
}

void HandleTable::reclaim(Slot &slot, uint32_t index) {
    ObjectRef object;
    {
        std::lock_guard lock(mutex_);
        object = takeLocked(slot, index);
    }
    // `object` dies here, outside the lock: its destructor may release what it holds.
}

std::vector<ObjectRef> HandleTable::removeAll() {
    std::lock_guard lock(mutex_);
    std::vector<ObjectRef> objects;
    for (uint32_t index = 0; index < slotCount_; ++index) {
        Slot &slot = *slotAt(index);
        uint64_t state = slot.state.fetch_or(kReleased, std::memory_order_acq_rel);
        if ((state & kReleased) == 0 && (state & kPinMask) == 0) {
            objects.push_back(takeLocked(slot, index));
        }
    }
    return objects;
}

} // namespace agj
