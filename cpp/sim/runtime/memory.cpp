// Device and page-locked host memory: registered allocations, so that every copy's direction and
// bounds can be checked the way the device would fault (memory_copy.cpp), and their entry points.
#include <algorithm>
#include <cstdlib>
#include <deque>
#include <map>
#include <shared_mutex>

#include "runtime.h"

namespace aclsim {
namespace {

struct Allocation {
    size_t size;    // bytes the caller asked for: the checked extent
    int32_t device; // -1 for page-locked host memory
    bool host;
};

struct MemoryTable {
    std::shared_mutex mutex;
    std::map<uintptr_t, Allocation> allocations; // by start address
    // Freed blocks are returned to the system only after a grace period, so that a task that
    // validated its ranges just before a concurrent aclrtFree does not touch unmapped memory.
    std::deque<void *> quarantine;
    size_t quarantineBytes = 0;
    std::map<void *, size_t> quarantineSizes;
};

constexpr size_t kQuarantineMaxBytes = 64u << 20;
constexpr size_t kQuarantineMaxBlocks = 256;
MemoryTable &Table() {
    static MemoryTable table;
    return table;
}

std::atomic<uint64_t> gMemoryEpoch{1};

// The allocation containing `address`, if any (caller holds the table's lock).
const std::pair<const uintptr_t, Allocation> *Containing(const MemoryTable &table, uintptr_t address) {
    auto it = table.allocations.upper_bound(address);
    if (it == table.allocations.begin()) {
        return nullptr;
    }
    --it;
    if (address >= it->first && address < it->first + std::max<size_t>(it->second.size, 1)) {
        return &*it;
    }
    return nullptr;
}

// Device memory rounds up like the ACL layer (to 32 bytes, plus 32 of padding); the checked
// extent is still the requested size. 64-byte aligned like the device.
void *AllocateAligned(size_t size) {
    size_t padded = (size + 32 + 31) / 32 * 32;
    padded = (padded + 63) / 64 * 64;
    return std::aligned_alloc(64, padded);
}

void Quarantine(MemoryTable &table, void *block, size_t size) {
    table.quarantine.push_back(block);
    table.quarantineSizes[block] = size;
    table.quarantineBytes += size;
    while (!table.quarantine.empty() &&
           (table.quarantineBytes > kQuarantineMaxBytes || table.quarantine.size() > kQuarantineMaxBlocks)) {
        void *oldest = table.quarantine.front();
        table.quarantine.pop_front();
        table.quarantineBytes -= table.quarantineSizes[oldest];
        table.quarantineSizes.erase(oldest);
        std::free(oldest);
    }
}

aclError Allocate(const char *call, void **out, size_t size, bool host) {
    if (out == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, std::string(host ? "hostPtr" : "devPtr") + " is NULL");
    }
    *out = nullptr;
    if (size == 0) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, "size is 0");
    }
    int32_t device = -1;
    if (!host) {
        std::shared_ptr<Context> context;
        ACLSIM_RETURN_IF_FAILED(RequireContext(call, context));
        device = context->device();
    }
    if (ShouldInjectFault(host ? ACLSIM_FAULT_HOST_ALLOC : ACLSIM_FAULT_DEVICE_ALLOC)) {
        return Fail(ACL_ERROR_RT_MEMORY_ALLOCATION, call,
                    "out of " + std::string(host ? "host" : "device") + " memory (injected fault)");
    }
    if (size > (SIZE_MAX >> 2)) {
        return Fail(ACL_ERROR_RT_MEMORY_ALLOCATION, call, "cannot allocate " + std::to_string(size) + " bytes");
    }
    void *block = AllocateAligned(size);
    if (block == nullptr) {
        return Fail(ACL_ERROR_RT_MEMORY_ALLOCATION, call,
                    "out of memory allocating " + std::to_string(size) + " bytes");
    }
    auto &table = Table();
    {
        std::unique_lock lock(table.mutex);
        table.allocations[reinterpret_cast<uintptr_t>(block)] = Allocation{size, device, host};
    }
    CountObjectCreated(host ? ACLSIM_OBJ_HOST_ALLOCATION : ACLSIM_OBJ_DEVICE_ALLOCATION);
    *out = block;
    return ACL_SUCCESS;
}

aclError Release(const char *call, void *ptr, bool host) {
    if (ptr == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, std::string(host ? "hostPtr" : "devPtr") + " is NULL");
    }
    auto &table = Table();
    std::unique_lock lock(table.mutex);
    auto it = table.allocations.find(reinterpret_cast<uintptr_t>(ptr));
    if (it == table.allocations.end() || it->second.host != host) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call,
                    "the address is not the start of a live " + std::string(host ? "aclrtMallocHost" : "aclrtMalloc") +
                        " allocation (freed twice?)");
    }
    size_t size = it->second.size;
    table.allocations.erase(it);
    gMemoryEpoch.fetch_add(1, std::memory_order_acq_rel);
    Quarantine(table, ptr, size);
    CountObjectDestroyed(host ? ACLSIM_OBJ_HOST_ALLOCATION : ACLSIM_OBJ_DEVICE_ALLOCATION);
    return ACL_SUCCESS;
}

} // namespace

RangeKind ClassifyRange(const void *ptr, size_t bytes) {
    auto &table = Table();
    uintptr_t start = reinterpret_cast<uintptr_t>(ptr);
    std::shared_lock lock(table.mutex);
    if (const auto *entry = Containing(table, start)) {
        const Allocation &allocation = entry->second;
        if (bytes <= allocation.size && start - entry->first <= allocation.size - bytes) {
            return allocation.host ? RangeKind::Pinned : RangeKind::Device;
        }
        return RangeKind::Overrun;
    }
    if (bytes > 0) {
        // A range that starts in ordinary memory but reaches into an allocation is an overrun too.
        auto next = table.allocations.upper_bound(start);
        if (next != table.allocations.end() && next->first - start < bytes) {
            return RangeKind::Overrun;
        }
    }
    return RangeKind::Pageable;
}

bool IsDeviceRange(const void *ptr, size_t bytes, int32_t *deviceId) {
    auto &table = Table();
    uintptr_t start = reinterpret_cast<uintptr_t>(ptr);
    std::shared_lock lock(table.mutex);
    const auto *entry = Containing(table, start);
    if (entry == nullptr || entry->second.host) {
        return false;
    }
    const Allocation &allocation = entry->second;
    if (bytes > allocation.size || start - entry->first > allocation.size - bytes) {
        return false;
    }
    if (deviceId != nullptr) {
        *deviceId = allocation.device;
    }
    return true;
}

uint64_t MemoryEpoch() noexcept {
    return gMemoryEpoch.load(std::memory_order_acquire);
}

void ReleaseAllMemory() {
    auto &table = Table();
    std::unique_lock lock(table.mutex);
    for (auto &[address, allocation] : table.allocations) {
        CountObjectDestroyed(allocation.host ? ACLSIM_OBJ_HOST_ALLOCATION : ACLSIM_OBJ_DEVICE_ALLOCATION);
        std::free(reinterpret_cast<void *>(address));
    }
    table.allocations.clear();
    for (void *block : table.quarantine) {
        std::free(block);
    }
    table.quarantine.clear();
    table.quarantineSizes.clear();
    table.quarantineBytes = 0;
    gMemoryEpoch.fetch_add(1, std::memory_order_acq_rel);
}

} // namespace aclsim

using namespace aclsim;

extern "C" {

ACL_FUNC_VISIBILITY aclError aclrtMalloc(void **devPtr, size_t size, aclrtMemMallocPolicy policy) {
    return Allocate("aclrtMalloc", devPtr, size, false);
}

ACL_FUNC_VISIBILITY aclError aclrtFree(void *devPtr) {
    return Release("aclrtFree", devPtr, false);
}

ACL_FUNC_VISIBILITY aclError aclrtMallocHost(void **hostPtr, size_t size) {
    return Allocate("aclrtMallocHost", hostPtr, size, true);
}

ACL_FUNC_VISIBILITY aclError aclrtFreeHost(void *hostPtr) {
    return Release("aclrtFreeHost", hostPtr, true);
}

// aclrtMallocAlign32Impl and aclrtMallocCachedImpl: the same checks as aclrtMalloc (only the
// device's padding and cache policy differ).
ACL_FUNC_VISIBILITY aclError aclrtMallocAlign32(void **devPtr, size_t size, aclrtMemMallocPolicy policy) {
    return Allocate("aclrtMallocAlign32", devPtr, size, false);
}

ACL_FUNC_VISIBILITY aclError aclrtMallocCached(void **devPtr, size_t size, aclrtMemMallocPolicy policy) {
    return Allocate("aclrtMallocCached", devPtr, size, false);
}

// aclrtMallocInnerWithCfg: devPtr, then a configuration naming attributes it does not hold, then
// the size. The attributes (module id, device id, VA flag) change nothing here.
ACL_FUNC_VISIBILITY aclError aclrtMallocWithCfg(void **devPtr, size_t size, aclrtMemMallocPolicy policy,
                                                aclrtMallocConfig *cfg) {
    const char *call = "aclrtMallocWithCfg";
    if (devPtr == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, "devPtr is NULL");
    }
    if (cfg != nullptr && cfg->numAttrs != 0 && cfg->attrs == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call,
                    "cfg->attrs is NULL while cfg->numAttrs is " + std::to_string(cfg->numAttrs));
    }
    return Allocate(call, devPtr, size, false);
}

ACL_FUNC_VISIBILITY aclError aclrtMallocHostWithCfg(void **ptr, uint64_t size, aclrtMallocConfig *cfg) {
    return Allocate("aclrtMallocHostWithCfg", ptr, static_cast<size_t>(size), true);
}

// rtFreeWithDevSync / rtFreeHostWithDevSync: the device finishes its work before the memory goes.
ACL_FUNC_VISIBILITY aclError aclrtFreeWithDevSync(void *devPtr) {
    const char *call = "aclrtFreeWithDevSync";
    if (devPtr == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, "devPtr is NULL");
    }
    ACLSIM_RETURN_IF_FAILED(aclrtSynchronizeDevice());
    return Release(call, devPtr, false);
}

ACL_FUNC_VISIBILITY aclError aclrtFreeHostWithDevSync(void *hostPtr) {
    const char *call = "aclrtFreeHostWithDevSync";
    if (hostPtr == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, "hostPtr is NULL");
    }
    if (CurrentContext()) {
        ACLSIM_RETURN_IF_FAILED(aclrtSynchronizeDevice());
    }
    return Release(call, hostPtr, true);
}

// aclrtGetMemInfoImpl (NULL outputs: 100000) and ApiErrorDecorator::MemGetInfoEx (an attribute
// outside the enumeration: 107016; no context: 107002). A simulated device has 64 GiB of HBM (an
// Atlas A2 910B) and no device DDR.
ACL_FUNC_VISIBILITY aclError aclrtGetMemInfo(aclrtMemAttr attr, size_t *free, size_t *total) {
    const char *call = "aclrtGetMemInfo";
    if (free == nullptr || total == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, std::string(free == nullptr ? "free" : "total") + " is NULL");
    }
    if (static_cast<int>(attr) < ACL_DDR_MEM || static_cast<int>(attr) > ACL_MEM_P2P_HUGE1G) {
        return Fail(ACL_ERROR_RT_INVALID_MEMORY_TYPE, call,
                    "attr " + std::to_string(static_cast<int>(attr)) + " is not an aclrtMemAttr");
    }
    std::shared_ptr<Context> context;
    ACLSIM_RETURN_IF_FAILED(RequireContext(call, context));
    switch (attr) {
    case ACL_DDR_MEM:
    case ACL_DDR_MEM_HUGE:
    case ACL_DDR_MEM_NORMAL:
    case ACL_DDR_MEM_P2P_HUGE:
    case ACL_DDR_MEM_P2P_NORMAL:
        *free = 0;
        *total = 0;
        return ACL_SUCCESS;
    default: break;
    }
    size_t used = 0;
    {
        auto &table = Table();
        std::shared_lock lock(table.mutex);
        for (const auto &[address, allocation] : table.allocations) {
            if (!allocation.host && allocation.device == context->device()) {
                used += allocation.size;
            }
        }
    }
    *total = chip::kDeviceMemoryBytes;
    *free = used >= chip::kDeviceMemoryBytes ? 0 : chip::kDeviceMemoryBytes - used;
    return ACL_SUCCESS;
}

// aclrtPointerGetAttributesImpl (NULL ptr or attributes: 100000) over NpuDriver::PtrGetAttributes:
// memory of aclrtMalloc is DEVICE with its device's id, of aclrtMallocHost HOST, anything else
// (ordinary host memory, or an address no allocation holds) UNREGISTERED; the id is 0 but for
// device memory. Any address within an allocation answers for it. The simulator has no huge
// pages: pageSize is 4096.
ACL_FUNC_VISIBILITY aclError aclrtPointerGetAttributes(const void *ptr, aclrtPtrAttributes *attributes) {
    const char *call = "aclrtPointerGetAttributes";
    if (ptr == nullptr || attributes == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, std::string(ptr == nullptr ? "ptr" : "attributes") + " is NULL");
    }
    aclrtPtrAttributes found{};
    found.location.type = ACL_MEM_LOCATION_TYPE_UNREGISTERED;
    found.pageSize = 4096;
    {
        auto &table = Table();
        std::shared_lock lock(table.mutex);
        if (const auto *entry = Containing(table, reinterpret_cast<uintptr_t>(ptr))) {
            const Allocation &allocation = entry->second;
            found.location.type = allocation.host ? ACL_MEM_LOCATION_TYPE_HOST : ACL_MEM_LOCATION_TYPE_DEVICE;
            found.location.id = allocation.host ? 0 : static_cast<uint32_t>(allocation.device);
        }
    }
    *attributes = found;
    return ACL_SUCCESS;
}

} // extern "C"
