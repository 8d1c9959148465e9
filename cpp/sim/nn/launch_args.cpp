#include "launch_args.h"

#include <cstring>

#include "status.h"

namespace aclsim::nn {
namespace {

// A planned kernel with its launch arguments.
class KernelWithArgs final : public DeviceKernel {
public:
    KernelWithArgs(std::shared_ptr<const DeviceKernel> planned, std::shared_ptr<const KernelFunction> function,
                   std::vector<unsigned char> args)
        : planned_(std::move(planned)), function_(std::move(function)), args_(std::move(args)) {}

    const char *name() const noexcept override { return planned_->name(); }
    aclError run() const noexcept override { return planned_->run(); }
    std::shared_ptr<const KernelFunction> function() const noexcept override { return function_; }
    const void *args() const noexcept override { return args_.data(); }

private:
    std::shared_ptr<const DeviceKernel> planned_;
    std::shared_ptr<const KernelFunction> function_;
    std::vector<unsigned char> args_;
};

constexpr size_t kAddressBytes = sizeof(uint64_t);
constexpr size_t kScalarBytes = sizeof(KernelScalar);

} // namespace

std::shared_ptr<ExecutorFunction> ExecutorFunction::Make(const char *opName, std::vector<TensorDesc> layout,
                                                         aclOpExecutor::Planner planner, size_t scalarCount,
                                                         aclOpExecutor::ScalarPlanner scalarPlanner) {
    const size_t scalars = scalarPlanner ? scalarCount : 0; // read before the planner is moved from
    std::shared_ptr<ExecutorFunction> function(
        new ExecutorFunction(opName, std::move(layout), std::move(planner), scalars, std::move(scalarPlanner)));
    RegisterKernelFunction(function.get(), function);
    return function;
}

ExecutorFunction::ExecutorFunction(const char *opName, std::vector<TensorDesc> layout, aclOpExecutor::Planner planner,
                                   size_t scalarCount, aclOpExecutor::ScalarPlanner scalarPlanner)
    : opName_(opName), layout_(std::move(layout)), planner_(std::move(planner)), scalarCount_(scalarCount),
      scalarPlanner_(std::move(scalarPlanner)) {
    for (TensorDesc &tensor : layout_) {
        tensor.data = nullptr; // the argument block supplies the addresses
    }
}

ExecutorFunction::~ExecutorFunction() {
    UnregisterKernelFunction(this);
}

size_t ExecutorFunction::argsSize() const noexcept {
    return layout_.size() * kAddressBytes + scalarCount_ * kScalarBytes;
}

std::shared_ptr<const DeviceKernel> ExecutorFunction::Attach(std::shared_ptr<const DeviceKernel> planned,
                                                             const std::vector<TensorDesc> &bindings,
                                                             const std::vector<KernelScalar> &scalars) const {
    if (!planned) {
        return nullptr;
    }
    std::vector<unsigned char> args(argsSize());
    for (size_t i = 0; i < layout_.size(); ++i) {
        const uint64_t address = reinterpret_cast<uintptr_t>(bindings[i].data);
        std::memcpy(args.data() + i * kAddressBytes, &address, kAddressBytes);
    }
    for (size_t i = 0; i < scalarCount_; ++i) {
        std::memcpy(args.data() + layout_.size() * kAddressBytes + i * kScalarBytes, scalars[i].bytes, kScalarBytes);
    }
    return std::make_shared<KernelWithArgs>(std::move(planned), shared_from_this(), std::move(args));
}

aclError ExecutorFunction::build(const void *args, std::shared_ptr<const DeviceKernel> &kernel) const {
    const auto *bytes = static_cast<const unsigned char *>(args);
    std::vector<TensorDesc> bindings = layout_;
    for (size_t i = 0; i < bindings.size(); ++i) {
        uint64_t address = 0;
        std::memcpy(&address, bytes + i * kAddressBytes, kAddressBytes);
        bindings[i].data = reinterpret_cast<void *>(static_cast<uintptr_t>(address));
    }
    std::vector<KernelScalar> scalars(scalarCount_);
    for (size_t i = 0; i < scalarCount_; ++i) {
        std::memcpy(scalars[i].bytes, bytes + bindings.size() * kAddressBytes + i * kScalarBytes, kScalarBytes);
    }
    const aclOpExecutor::Planner planner = scalarCount_ > 0 ? scalarPlanner_(scalars) : planner_;
    std::shared_ptr<const DeviceKernel> planned;
    // The planner checks the new addresses as the first phase checked the old ones (device memory
    // of one device, wholly inside an allocation) and reports why in the aclnn words.
    if (planner("aclmdlRITaskSetParams", bindings, planned) != kAclnnSuccess) {
        return ACL_ERROR_RT_PARAM_INVALID;
    }
    if (!planned) {
        AppendErrorMessage(std::string("aclmdlRITaskSetParams: ") + opName_ + " planned no kernel for these arguments");
        return ACL_ERROR_RT_PARAM_INVALID;
    }
    kernel = Attach(std::move(planned), bindings, scalars);
    return ACL_SUCCESS;
}

} // namespace aclsim::nn
