// The base of every operator kernel: the device byte ranges it touches are re-validated when
// device memory was freed since they were last checked, so a kernel whose tensors were freed
// after planning fails instead of touching freed memory.
#ifndef ACLSIM_NN_CHECKED_KERNEL_H
#define ACLSIM_NN_CHECKED_KERNEL_H

#include <atomic>
#include <cstddef>
#include <cstdint>

#include "sim_internal.h"

namespace aclsim::nn {

// Ranks the kernels iterate over; dims are merged before, so fewer is typical.
constexpr int kMaxKernelRank = 8;

// Elements from which a kernel splits its work over the worker pool: below it, waking a worker
// costs more than the half of the work it would take.
constexpr int64_t kParallelElementThreshold = int64_t{1} << 20;

// A byte range a kernel touches.
struct KernelRange {
    const void *begin = nullptr;
    size_t bytes = 0;
};

// The ranges of one kernel (at most one per tensor of the operator) and the memory epoch read
// before they were validated.
struct KernelMemory {
    static constexpr int kMaxRanges = 6;
    KernelRange ranges[kMaxRanges];
    int rangeCount = 0;
    uint64_t validatedEpoch = 0;
};

class CheckedKernel : public DeviceKernel {
public:
    CheckedKernel(const char *name, const KernelMemory &memory);
    const char *name() const noexcept final { return name_; }
    aclError run() const noexcept final;

protected:
    // The computation proper, once the memory is known to be live.
    virtual void Execute() const noexcept = 0;

private:
    bool MemoryStillValid() const noexcept;
    void ReportFreedMemory(const KernelRange &range) const noexcept;

    const char *const name_;
    const KernelMemory memory_;
    mutable std::atomic<uint64_t> validatedEpoch_;
};

} // namespace aclsim::nn

#endif
