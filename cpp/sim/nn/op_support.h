// First-phase pieces every aclnn operator shares: argument checks worded for the API the caller
// used, NumPy broadcasting, view layouts (strides over a broadcast shape, merged dims, self-overlap),
// device-memory validation of the tensors a kernel will touch, and the executor hand-out.
#ifndef ACLSIM_NN_OP_SUPPORT_H
#define ACLSIM_NN_OP_SUPPORT_H

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "checked_kernel.h"
#include "meta.h"
#include "status.h"

namespace aclsim::nn {

// Defines the second phase of an operator: it launches the executor's kernel.
#define ACLSIM_SECOND_PHASE(name)                                                                            \
    aclnnStatus name(void *workspace, uint64_t workspaceSize, aclOpExecutor *executor, aclrtStream stream) { \
        return RunExecutor(#name, workspace, workspaceSize, executor, stream);                               \
    }

// The element types the simulator stores (the twelve of aclnnAdd).
const std::vector<aclDataType> &StoredTypes();

// The first NULL among the named arguments (in order), or nullptr.
const char *FirstNull(std::initializer_list<std::pair<const char *, const void *>> arguments);

// 161001 when workspaceSize or executor is NULL.
aclnnStatus CheckOutputPointers(const char *api, uint64_t *workspaceSize, aclOpExecutor **executor);

// 161001 naming the first NULL tensor/scalar argument, then CheckOutputPointers.
aclnnStatus CheckRequired(const char *api, std::initializer_list<std::pair<const char *, const void *>> arguments,
                          uint64_t *workspaceSize, aclOpExecutor **executor);

// 161002 unless dtype is among `allowed` (whose names the message lists).
aclnnStatus CheckTypeIn(const char *api, const char *argument, aclDataType dtype,
                        const std::vector<aclDataType> &allowed);
std::string TypeListText(const std::vector<aclDataType> &types);

// 161002 when the tensor has more than maxRank (or fewer than minRank) dims.
aclnnStatus CheckRank(const char *api, const char *argument, const TensorDesc &tensor, size_t maxRank,
                      size_t minRank = 0);

// NumPy broadcasting of two shapes: align right, size-1 dims stretch.
aclnnStatus Broadcast(const char *api, const char *firstName, const std::vector<int64_t> &first, const char *secondName,
                      const std::vector<int64_t> &second, std::vector<int64_t> &shape);

aclnnStatus CheckOutShape(const char *api, const char *outName, const TensorDesc &out,
                          const std::vector<int64_t> &expected, const char *expectedFrom);

// Layout facts that do not depend on the address: no negative strides, the view inside its storage.
aclnnStatus CheckLayout(const char *api, const char *argument, const TensorDesc &tensor);

// 161002 when `from` may not be converted to `to` (CANN's CanCast).
aclnnStatus CheckCastable(const char *api, const char *fromWhat, aclDataType from, const char *outName, aclDataType to);

// Strides of a tensor over a broadcast shape it is aligned into from the right (0 along broadcast dims).
void BroadcastStrides(const TensorDesc &tensor, const std::vector<int64_t> &shape, int64_t *strides);

// Dims merged where every operand is contiguous across them (size-1 dims dropped): the kernels'
// innermost runs become as long as possible.
struct MergedLayout {
    static constexpr int kMaxOperands = 3;
    int rank = 0;
    int64_t shape[kMaxKernelRank] = {};
    int64_t strides[kMaxOperands][kMaxKernelRank] = {};
};
MergedLayout MergeDims(const std::vector<int64_t> &shape,
                       const int64_t (&strides)[MergedLayout::kMaxOperands][kMaxKernelRank], int operands);

// Whether two indices of the view can name the same element.
bool OverlapsItself(const TensorDesc &tensor);

unsigned char *ElementAddress(const TensorDesc &tensor, int64_t index);

// Checks that every named tensor (null entries skipped) lies inside one live device allocation,
// all on one device, and records their byte ranges (and the epoch read first) for the kernel.
aclnnStatus ValidateDeviceMemory(const char *api,
                                 std::initializer_list<std::pair<const char *, const TensorDesc *>> tensors,
                                 KernelMemory &memory);

// A view as a kernel reads it: address of element (0, ..., 0), dtype, shape and element strides.
struct StridedView {
    unsigned char *base = nullptr;
    aclDataType dtype = ACL_DT_UNDEFINED;
    int rank = 0;
    int64_t shape[kMaxKernelRank] = {};
    int64_t strides[kMaxKernelRank] = {};

    int64_t ElementCount() const;
    bool IsRowMajorContiguous() const;
};
// The view of a tensor (rank <= kMaxKernelRank).
StridedView ViewOf(const TensorDesc &tensor);

// Creates the executor, plans its kernel for the current addresses and hands it out. An operator
// whose kernel takes scalar arguments passes their values and the planner for other values.
aclnnStatus HandOutExecutor(const char *api, const char *opName, std::vector<const aclTensor *> tensors,
                            std::vector<size_t> inputSlots, std::vector<size_t> outputSlots,
                            aclOpExecutor::Planner planner, uint64_t *workspaceSize, aclOpExecutor **executor,
                            std::vector<KernelScalar> scalars = {},
                            aclOpExecutor::ScalarPlanner scalarPlanner = nullptr);

} // namespace aclsim::nn

#endif
