#include "handle_table.h"

#include <mutex>
#include <new>

namespace agj {
namespace {

int64_t Encode(uint32_t index, int32_t kind, uint32_t generation) {
    return (static_cast<int64_t>(generation) << 32) | (static_cast<int64_t>(kind & 0xff) << 24) |
           static_cast<int64_t>(index);
}

} // namespace

int64_t HandleTable::insert(ObjectRef object) {
    std::unique_lock lock(mutex_);
    uint32_t index;
    if (!freeSlots_.empty()) {
        index = freeSlots_.back();
        freeSlots_.pop_back();
    } else {
        if (slots_.size() >= kMaxSlots) {
            throw std::bad_alloc();
        }
        index = static_cast<uint32_t>(slots_.size());
        slots_.emplace_back();
    }
    Slot &slot = slots_[index];
    int32_t kind = object->kind();
    slot.object = std::move(object);
    return Encode(index, kind, slot.generation);
}

ObjectRef HandleTable::find(int64_t handle, int32_t kind) const {
    if (handle <= 0) {
        return nullptr;
    }
    uint32_t index = static_cast<uint32_t>(handle & (kMaxSlots - 1));
    uint32_t generation = static_cast<uint32_t>(static_cast<uint64_t>(handle) >> 32);
    int32_t handleKind = KindOf(handle);
    if (kind != 0 && handleKind != kind) {
        return nullptr;
    }
    std::shared_lock lock(mutex_);
    if (index >= slots_.size()) {
        return nullptr;
    }
    const Slot &slot = slots_[index];
    if (slot.generation != generation || !slot.object || slot.object->kind() != handleKind) {
        return nullptr;
    }
    return slot.object;
}

ObjectRef HandleTable::remove(int64_t handle) {
    if (handle <= 0) {
        return nullptr;
    }
    uint32_t index = static_cast<uint32_t>(handle & (kMaxSlots - 1));
    uint32_t generation = static_cast<uint32_t>(static_cast<uint64_t>(handle) >> 32);
    std::unique_lock lock(mutex_);
    if (index >= slots_.size()) {
        return nullptr;
    }
    Slot &slot = slots_[index];
    if (slot.generation != generation || !slot.object || slot.object->kind() != KindOf(handle)) {
        return nullptr;
    }
    ObjectRef object = std::move(slot.object);
    slot.object.reset();
    // Generations stay within 31 bits so handles are positive Java longs, and never 0.
    slot.generation = (slot.generation & 0x7fffffffu) == 0x7fffffffu ? 1 : slot.generation + 1;
    freeSlots_.push_back(index);
    return object;
}

std::vector<ObjectRef> HandleTable::removeAll() {
    std::unique_lock lock(mutex_);
    std::vector<ObjectRef> objects;
    for (uint32_t index = 0; index < slots_.size(); ++index) {
        Slot &slot = slots_[index];
        if (slot.object) {
            objects.push_back(std::move(slot.object));
            slot.object.reset();
            slot.generation = (slot.generation & 0x7fffffffu) == 0x7fffffffu ? 1 : slot.generation + 1;
            freeSlots_.push_back(index);
        }
    }
    return objects;
}

} // namespace agj
