// The registry of kernel function handles (sim_internal.h): the runtime owns function handles,
// as CANN's does, and the operator library registers the functions it makes.
#include <mutex>
#include <unordered_map>

#include "sim_internal.h"

namespace aclsim {
namespace {

struct FunctionRegistry {
    std::mutex mutex;
    std::unordered_map<const void *, std::weak_ptr<const KernelFunction>> functions;
};

FunctionRegistry &Functions() {
    static auto *registry = new FunctionRegistry; // outlives every static destructor that may free kernels
    return *registry;
}

} // namespace

void RegisterKernelFunction(const void *handle, std::weak_ptr<const KernelFunction> function) {
    FunctionRegistry &registry = Functions();
    std::lock_guard lock(registry.mutex);
    registry.functions[handle] = std::move(function);
}

void UnregisterKernelFunction(const void *handle) {
    FunctionRegistry &registry = Functions();
    std::lock_guard lock(registry.mutex);
    registry.functions.erase(handle);
}

std::shared_ptr<const KernelFunction> FindKernelFunction(const void *handle) {
    FunctionRegistry &registry = Functions();
    std::lock_guard lock(registry.mutex);
    auto it = registry.functions.find(handle);
    return it == registry.functions.end() ? nullptr : it->second.lock();
}

} // namespace aclsim
