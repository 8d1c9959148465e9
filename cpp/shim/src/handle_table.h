// Handles given to Java: slot index, object kind and slot generation packed into 64 bits. A
// handle stays valid until released; releasing bumps the slot's generation so every copy of the
// old handle is refused afterwards, even once the slot is reused.
#ifndef ACLGRAPH4J_SHIM_HANDLE_TABLE_H
#define ACLGRAPH4J_SHIM_HANDLE_TABLE_H

#include <cstdint>
#include <shared_mutex>
#include <vector>

#include "objects.h"

namespace agj {

class HandleTable {
public:
    int64_t insert(ObjectRef object);
    // The live object named by handle, when it is of `kind` (0: any kind); null otherwise.
    ObjectRef find(int64_t handle, int32_t kind) const;
    // Removes a handle; returns the object (null when the handle was not live).
    ObjectRef remove(int64_t handle);
    // Removes every handle, returning the objects so the caller controls when they die.
    std::vector<ObjectRef> removeAll();

    static int32_t KindOf(int64_t handle) noexcept { return static_cast<int32_t>((handle >> 24) & 0xff); }

private:
    struct Slot {
        uint32_t generation = 1;
        ObjectRef object;
    };
    static constexpr uint32_t kIndexBits = 24;
    static constexpr uint32_t kMaxSlots = 1u << kIndexBits;

    mutable std::shared_mutex mutex_;
    std::vector<Slot> slots_;
    std::vector<uint32_t> freeSlots_;
};

} // namespace agj

#endif
