// The ACL entry points the shim uses, resolved at run time from the backend's shared libraries
// (the bundled simulator, or the CANN toolkit), so one build of the shim serves both.
#ifndef ACLGRAPH4J_SHIM_ACL_API_H
#define ACLGRAPH4J_SHIM_ACL_API_H

#include <string>
#include <vector>

#include "acl/acl.h"
#include "aclnnop/aclnn_add.h"
#include "aclsim/aclsim.h"

namespace agj {

// X(name, required): every function the shim may call. Optional ones (missing from older CANN
// releases, or simulator-only) are null when absent and checked before use.
#define AGJ_ACL_FUNCTIONS(X)                  \
    X(aclInit, true)                          \
    X(aclFinalize, true)                      \
    X(aclGetRecentErrMsg, true)               \
    X(aclrtGetDeviceCount, true)              \
    X(aclrtSetDevice, true)                   \
    X(aclrtResetDevice, true)                 \
    X(aclrtGetCurrentContext, true)           \
    X(aclrtSetCurrentContext, true)           \
    X(aclrtSynchronizeDevice, true)           \
    X(aclrtMalloc, true)                      \
    X(aclrtFree, true)                        \
    X(aclrtMallocHost, true)                  \
    X(aclrtFreeHost, true)                    \
    X(aclrtMemcpy, true)                      \
    X(aclrtMemcpyAsync, true)                 \
    X(aclrtMemset, true)                      \
    X(aclrtMemsetAsync, true)                 \
    X(aclrtCreateStream, true)                \
    X(aclrtDestroyStream, true)               \
    X(aclrtSynchronizeStream, true)           \
    X(aclrtSynchronizeStreamWithTimeout, false) \
    X(aclrtStreamQuery, true)                 \
    X(aclrtCreateEventExWithFlag, false)      \
    X(aclrtCreateEventWithFlag, true)         \
    X(aclrtRecordEvent, true)                 \
    X(aclrtStreamWaitEvent, true)             \
    X(aclrtSynchronizeEvent, true)            \
    X(aclrtQueryEventStatus, true)            \
    X(aclrtDestroyEvent, true)                \
    X(aclmdlRICaptureBegin, true)             \
    X(aclmdlRICaptureGetInfo, true)           \
    X(aclmdlRICaptureEnd, true)               \
    X(aclmdlRICaptureThreadExchangeMode, true) \
    X(aclmdlRIExecuteAsync, true)             \
    X(aclmdlRIDestroy, true)                  \
    X(aclmdlRIDebugPrint, false)              \
    X(aclmdlRIDebugJsonPrint, false)          \
    X(aclmdlRICaptureTaskGrpBegin, false)     \
    X(aclmdlRICaptureTaskGrpEnd, false)       \
    X(aclmdlRICaptureTaskUpdateBegin, false)  \
    X(aclmdlRICaptureTaskUpdateEnd, false)    \
    X(aclCreateTensor, true)                  \
    X(aclDestroyTensor, true)                 \
    X(aclCreateScalar, true)                  \
    X(aclDestroyScalar, true)                 \
    X(aclSetAclOpExecutorRepeatable, true)    \
    X(aclDestroyAclOpExecutor, true)          \
    X(aclnnAddGetWorkspaceSize, true)         \
    X(aclnnAdd, true)                         \
    X(aclnnAddsGetWorkspaceSize, true)        \
    X(aclnnAdds, true)                        \
    X(aclnnInplaceAddGetWorkspaceSize, true)  \
    X(aclnnInplaceAdd, true)                  \
    X(aclnnInplaceAddsGetWorkspaceSize, true) \
    X(aclnnInplaceAdds, true)

// Simulator-only entry points (aclsim/aclsim.h): looked up by name, absent on CANN. Their pointer
// types come from the declarations themselves: a call through a pointer of another function type
// (an int for the aclsimFaultPoint enum, say) is undefined behaviour that UBSan reports.
using AclsimInjectFaultFn = decltype(&::aclsimInjectFault);
using AclsimClearFaultsFn = decltype(&::aclsimClearFaults);
// Fault points the simulator has; the shim refuses others itself.
constexpr int32_t kSimFaultPointCount = ACLSIM_FAULT_POINT_COUNT;

// aclmdlRIDebugPrint is deprecated in CANN but still offered; naming its type is not a use.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
struct AclApi {
#define AGJ_DECLARE_POINTER(name, required) decltype(&::name) name = nullptr;
    AGJ_ACL_FUNCTIONS(AGJ_DECLARE_POINTER)
#undef AGJ_DECLARE_POINTER
    AclsimInjectFaultFn aclsimInjectFault = nullptr;
    AclsimClearFaultsFn aclsimClearFaults = nullptr;
};
#pragma GCC diagnostic pop

// The libraries a backend was loaded from; unloading is deliberately never done (a runtime's
// worker threads may outlive finalize, and dlclose under them would crash the process).
struct LoadedBackend {
    AclApi api;
    std::string description;
};

// Resolves `backend` ("sim", "cann" or a ':'-separated list of library paths) into a table.
// Returns false with a message saying what was looked for and where.
bool LoadBackend(const std::string &backend, LoadedBackend &out, std::string &error);

} // namespace agj

#endif
