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

namespace aclsim {

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
