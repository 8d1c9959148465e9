// The elementwise device kernel: out = f(self, other, alpha) over a broadcast shape, with
// per-operand element strides, computed in the promoted type and cast to out's type. One kernel
// serves Add/Sub (f = self +- alpha * other), Mul, Div, Maximum, the unary operators (other unused)
// and Cast/Copy (f = self, the conversion being the load and the store).
#ifndef ACLSIM_NN_ELEMENTWISE_KERNEL_H
#define ACLSIM_NN_ELEMENTWISE_KERNEL_H

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>

#include "checked_kernel.h"
#include "dtype.h"
#include "element_ops.h"

namespace aclsim::nn {

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

struct ElementwiseKernelPlan {
    ElementOp op = ElementOp::kAxpy;
    const char *name = "Add";            // the kernel's name in model dumps
    aclDataType computeType = ACL_FLOAT; // the promoted type; f16/bf16 compute in float32
    int rank = 1;                        // after merging dims, >= 1
    int64_t shape[kMaxKernelRank] = {1};
    int64_t elementCount = 1;
    KernelOperand self;
    KernelOperand other;          // unused when otherIsConstant
    bool otherIsConstant = false; // a scalar other (aclnnAdds, ...) or a unary operator
    ArithValue otherConstant;     // of the compute arithmetic type
    ArithValue alpha;             // of the compute arithmetic type
    KernelOperand out;
    bool outOverlapsItself = false; // several indices write one element: run sequentially
    KernelMemory memory;
};

// Builds the kernel for a validated plan; null when the operation has no kernel for computeType.
std::shared_ptr<const DeviceKernel> MakeElementwiseKernel(const ElementwiseKernelPlan &plan);

} // namespace aclsim::nn

#endif
