// The contract between the simulator's runtime (cpp/sim/runtime) and its operator library
// (cpp/sim/nn). Not installed; nothing outside cpp/sim includes it.
#ifndef ACLSIM_INTERNAL_SIM_INTERNAL_H
#define ACLSIM_INTERNAL_SIM_INTERNAL_H

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "acl/acl_rt.h"
#include "aclsim/aclsim.h"

// What the simulator's libraries call of one another. In libaclsim.so everything is one library
// (and its export map hides these); laid out as a toolkit (../toolkit) the runtime, the aclnn base
// API and the operators are separate libraries that export these to one another.
#define ACLSIM_INTERNAL __attribute__((visibility("default")))

// Ends the calling function with the status `expression` gives unless that is success (0: ACL_SUCCESS,
// and aclnn's kAclnnSuccess): the checks a call makes in turn, each recording its own message; the
// first failure wins.
#define ACLSIM_RETURN_IF_FAILED(expression)                                \
    do {                                                                   \
        if (const auto aclsimFailed_ = (expression); aclsimFailed_ != 0) { \
            return aclsimFailed_;                                          \
        }                                                                  \
    } while (false)

namespace aclsim {

class DeviceKernel;

// What a kernel task is an instance of, as aclmdlRITaskGetParams reports it (funcHandle): an
// operator's planned computation, minus the arguments that may change between launches. Its
// argument block (args, argsSize) is laid out as: the device address of every tensor operand as a
// uint64_t, in the operator's binding order, then 16 bytes per scalar argument holding the value
// as the kernel computes with it. aclmdlRITaskSetParams builds a new kernel from changed arguments.
class KernelFunction {
public:
    virtual ~KernelFunction() = default;
    // The operator, e.g. "aclnnAdds".
    virtual const char *name() const noexcept = 0;
    virtual size_t argsSize() const noexcept = 0;
    virtual size_t tensorCount() const noexcept = 0;
    virtual size_t scalarCount() const noexcept = 0;
    // Builds a kernel of this function from `args` (argsSize() bytes). On failure returns
    // ACL_ERROR_RT_PARAM_INVALID having appended a message naming what was wrong.
    virtual aclError build(const void *args, std::shared_ptr<const DeviceKernel> &kernel) const = 0;
};

// The live kernel functions by funcHandle, kept by the runtime (which owns function handles, as
// in CANN) for the operator library to register its functions in (weakly: a function lives as
// long as a kernel or executor uses it).
ACLSIM_INTERNAL void RegisterKernelFunction(const void *handle, std::weak_ptr<const KernelFunction> function);
ACLSIM_INTERNAL void UnregisterKernelFunction(const void *handle);
// The live kernel function a funcHandle names, or null (destroyed, or never one).
ACLSIM_INTERNAL std::shared_ptr<const KernelFunction> FindKernelFunction(const void *handle);

// One unit of device work built by an operator (e.g. an aclnnAdd kernel). Immutable once built,
// so a captured model can hold it and replay it any number of times, from any stream.
class DeviceKernel {
public:
    virtual ~DeviceKernel() = default;
    // Name shown for the task in aclmdlRIDebugJsonPrint / aclmdlRIDebugPrint.
    virtual const char *name() const noexcept = 0;
    // Runs the kernel on the calling (stream worker) thread. Returns ACL_SUCCESS or an error
    // that the stream reports at its next synchronisation.
    virtual aclError run() const noexcept = 0;
    // The function this kernel is an instance of and its argument block (function()->argsSize()
    // bytes); none for the runtime's internal kernels.
    virtual std::shared_ptr<const KernelFunction> function() const noexcept { return nullptr; }
    virtual const void *args() const noexcept { return nullptr; }
};

// Issues a kernel on `stream` (nullptr = the current context's default stream): runs it
// asynchronously in stream order, records it when the stream is capturing, or replaces the
// parameters of a task group's kernel when the stream is in task-update mode. Applies fault
// injection (ACLSIM_FAULT_TASK_SUBMIT). Returns ACL_SUCCESS or the runtime's error code, having
// appended a message for aclGetRecentErrMsg.
ACLSIM_INTERNAL aclError LaunchKernel(aclrtStream stream, std::shared_ptr<const DeviceKernel> kernel);

// Describes the device allocation containing [ptr, ptr + bytes): true when the whole range lies
// inside one live aclrtMalloc allocation. `deviceId` (optional) receives its device.
ACLSIM_INTERNAL bool IsDeviceRange(const void *ptr, size_t bytes, int32_t *deviceId = nullptr);

// Bumped by every aclrtFree / aclrtFreeHost: a kernel that validated its memory ranges at epoch E
// need not validate them again while the epoch is still E (one atomic load per run).
ACLSIM_INTERNAL uint64_t MemoryEpoch() noexcept;

// Appends a message to the calling thread's error text (read by aclGetRecentErrMsg).
ACLSIM_INTERNAL void AppendErrorMessage(const std::string &message);

// Consumes one operation at `point`: true when an armed fault makes it fail now.
ACLSIM_INTERNAL bool ShouldInjectFault(aclsimFaultPoint point);

// Object accounting for aclsimLiveObjects.
ACLSIM_INTERNAL void CountObjectCreated(aclsimObjectKind kind);
ACLSIM_INTERNAL void CountObjectDestroyed(aclsimObjectKind kind);

} // namespace aclsim

#endif
