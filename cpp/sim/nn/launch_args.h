// The launch arguments an operator's kernel carries (tensor addresses, scalar values) and the
// function that builds kernels from changed arguments: what aclmdlRITaskGetParams reports of a
// captured kernel task and aclmdlRITaskSetParams replaces in place.
#ifndef ACLSIM_NN_LAUNCH_ARGS_H
#define ACLSIM_NN_LAUNCH_ARGS_H

#include <memory>
#include <vector>

#include "meta.h"

namespace aclsim::nn {

// An operator's kernel function: its layout (the tensors as planned, whose addresses the argument
// block replaces) and its planners. Immutable and shared by every kernel planned from it.
class ExecutorFunction final : public KernelFunction, public std::enable_shared_from_this<ExecutorFunction> {
public:
    static std::shared_ptr<ExecutorFunction> Make(const char *opName, std::vector<TensorDesc> layout,
                                                  aclOpExecutor::Planner planner, size_t scalarCount,
                                                  aclOpExecutor::ScalarPlanner scalarPlanner);
    ~ExecutorFunction() override;

    const char *name() const noexcept override { return opName_; }
    size_t argsSize() const noexcept override;
    size_t tensorCount() const noexcept override { return layout_.size(); }
    size_t scalarCount() const noexcept override { return scalarCount_; }
    aclError build(const void *args, std::shared_ptr<const DeviceKernel> &kernel) const override;

    // The kernel planned for `bindings` and `scalars`, carrying them as its argument block (null
    // stays null: empty tensors launch nothing).
    std::shared_ptr<const DeviceKernel> Attach(std::shared_ptr<const DeviceKernel> planned,
                                               const std::vector<TensorDesc> &bindings,
                                               const std::vector<KernelScalar> &scalars) const;

private:
    ExecutorFunction(const char *opName, std::vector<TensorDesc> layout, aclOpExecutor::Planner planner,
                     size_t scalarCount, aclOpExecutor::ScalarPlanner scalarPlanner);

    const char *opName_;
    std::vector<TensorDesc> layout_;
    aclOpExecutor::Planner planner_;
    size_t scalarCount_;
    aclOpExecutor::ScalarPlanner scalarPlanner_;
};

} // namespace aclsim::nn

#endif
