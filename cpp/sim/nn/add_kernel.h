// The aclnnAdd device kernel: out = self + alpha * other over a broadcast shape, with per-operand
// element strides, computed in the promoted type and cast to out's type.
#ifndef ACLSIM_NN_ADD_KERNEL_H
#define ACLSIM_NN_ADD_KERNEL_H

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>

#include "dtype.h"
#include "sim_internal.h"

namespace aclsim::nn {

// Ranks the kernel iterates over (aclnnAdd's limit); dims are merged before, so fewer is typical.
constexpr int kMaxKernelRank = 8;

// Elements from which a kernel splits its work over the worker pool: below it, waking a worker
// costs more than the half of the work it would take.
constexpr int64_t kParallelElementThreshold = int64_t{1} << 20;

// A value of the kernel's arithmetic type (at most COMPLEX128), stored untyped.
struct ArithValue {
    alignas(16) unsigned char bytes[16] = {};

    template <class A>
    static ArithValue Of(A value) {
        static_assert(sizeof(A) <= sizeof(bytes), "value too wide");
        ArithValue result;
        std::memcpy(result.bytes, &value, sizeof value);
        return result;
    }
    template <class A>
    A As() const {
        A value;
        std::memcpy(&value, bytes, sizeof value);
        return value;
    }
};

struct KernelOperand {
    unsigned char *base = nullptr; // address of the element at index (0, ..., 0)
    aclDataType dtype = ACL_DT_UNDEFINED;
    int64_t strides[kMaxKernelRank] = {}; // in elements; 0 along broadcast dims
};

// A byte range a kernel touches; re-checked against live device memory when the memory epoch moves.
struct KernelRange {
    const void *begin = nullptr;
    size_t bytes = 0;
};

struct AddKernelPlan {
    const char *name = "Add";
    aclDataType computeType = ACL_FLOAT; // the promoted type; f16/bf16 compute in float32
    int rank = 1;                        // after merging dims, >= 1
    int64_t shape[kMaxKernelRank] = {1};
    int64_t elementCount = 1;
    KernelOperand self;
    KernelOperand other;                  // unused when otherIsConstant
    bool otherIsConstant = false;         // aclnnAdds: `other` is otherConstant
    ArithValue otherConstant;             // of the compute arithmetic type
    ArithValue alpha;                     // of the compute arithmetic type
    KernelOperand out;
    bool outOverlapsItself = false;       // several indices write one element: run sequentially
    KernelRange ranges[3];
    int rangeCount = 0;
    uint64_t validatedEpoch = 0;          // MemoryEpoch() read before the ranges were validated
};

// Builds the kernel for a validated plan (types among IsAddSupportedType).
std::shared_ptr<const DeviceKernel> MakeAddKernel(const AddKernelPlan &plan);

} // namespace aclsim::nn

#endif
