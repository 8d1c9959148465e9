// Planning of elementwise operators: what the first phase fixed (independent of addresses) and
// the planner that turns the executor's bindings into an elementwise kernel, again whenever a
// rebind moves a tensor.
#ifndef ACLSIM_NN_ELEMENTWISE_OP_H
#define ACLSIM_NN_ELEMENTWISE_OP_H

#include <optional>
#include <vector>

#include "elementwise_kernel.h"
#include "op_support.h"

namespace aclsim::nn {

// At most this many dims per tensor (CANN's limit for the elementwise operators).
constexpr size_t kMaxElementwiseRank = 8;
static_assert(kMaxElementwiseRank <= static_cast<size_t>(kMaxKernelRank), "the kernel iterates over these ranks");

struct ElementwiseRequest {
    ElementOp op = ElementOp::kIdentity;
    const char *kernelName = "";
    aclDataType computeType = ACL_FLOAT;
    std::vector<int64_t> shape; // the broadcast shape == out's view shape
    bool empty = false;
    ArithValue alpha;
    ArithValue otherConstant; // a scalar other (used when the slots have no other tensor)
    // Which of them are launch arguments (aclmdlRITaskSetParams may replace them): a scalar other
    // comes first, then alpha.
    bool otherIsArgument = false;
    bool alphaIsArgument = false;
};

// Binding slots: self, other (tensor operands only), out.
struct ElementwiseSlots {
    size_t self = 0;
    std::optional<size_t> other;
    size_t out = 0;
};

// Creates, plans and hands out the executor of an elementwise operator over `tensors` (in slot
// order; the out slot is the only output).
aclnnStatus MakeElementwiseExecutor(const char *api, const char *opName, ElementwiseRequest request,
                                    ElementwiseSlots slots, std::vector<const aclTensor *> tensors,
                                    std::vector<size_t> inputSlots, uint64_t *workspaceSize, aclOpExecutor **executor);

// A scalar's value converted to the arithmetic type of computeType (rounded to it for f16/bf16).
ArithValue ScalarAs(const aclScalar &scalar, aclDataType computeType);

} // namespace aclsim::nn

#endif
