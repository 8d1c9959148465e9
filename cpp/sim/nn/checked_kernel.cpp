#include "checked_kernel.h"

#include <cstdio>
#include <string>

namespace aclsim::nn {

CheckedKernel::CheckedKernel(const char *name, const KernelMemory &memory)
    : name_(name), memory_(memory), validatedEpoch_(memory.validatedEpoch) {}

aclError CheckedKernel::run() const noexcept {
    if (!MemoryStillValid()) {
        return ACL_ERROR_RT_PARAM_INVALID;
    }
    Execute();
    return ACL_SUCCESS;
}

// Checks the tensors' memory only when some device memory was freed since the last check.
bool CheckedKernel::MemoryStillValid() const noexcept {
    const uint64_t epoch = MemoryEpoch();
    if (validatedEpoch_.load(std::memory_order_acquire) == epoch) {
        return true;
    }
    for (int i = 0; i < memory_.rangeCount; ++i) {
        const KernelRange &range = memory_.ranges[i];
        if (!IsDeviceRange(range.begin, range.bytes)) {
            ReportFreedMemory(range);
            return false;
        }
    }
    validatedEpoch_.store(epoch, std::memory_order_release);
    return true;
}

void CheckedKernel::ReportFreedMemory(const KernelRange &range) const noexcept {
    try {
        char address[32];
        std::snprintf(address, sizeof address, "%p", range.begin);
        AppendErrorMessage(std::string("kernel ") + name_ + ": tensor memory at " + address + " (" +
                           std::to_string(range.bytes) +
                           " bytes) is no longer device memory (freed after the operator was planned); the "
                           "kernel did not run");
    } catch (...) { // out of memory for the message: the status code still tells
    }
}

} // namespace aclsim::nn
