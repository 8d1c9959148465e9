// Profiling functions of CANN's acl_prof.h that the simulator declares but does not simulate
// (model subscription and its operator records, step timestamps, the msproftx marks and ranges,
// extra configuration). Each fails with ACL_ERROR_RT_FEATURE_NOT_SUPPORT (207000) and says so in
// aclGetRecentErrMsg; one that returns no code returns NULL, 0 or ACL_SUBSCRIBE_NONE. Listed in
// docs/simulator.md ("Declared, not simulated").
#include <string>
#include <type_traits>

#include "acl/acl_prof.h"
#include "sim_internal.h"

namespace {

// Records why the call failed and returns what a function of that result type answers instead.
template <typename Result>
Result NotSimulated(const char *call) {
    aclsim::AppendErrorMessage(std::string(call) +
                               ": not simulated: the CPU simulator declares this profiling function so that programs "
                               "build, but collects no profiling data");
    if constexpr (std::is_same_v<Result, aclError>) {
        return ACL_ERROR_RT_FEATURE_NOT_SUPPORT;
    } else if constexpr (std::is_same_v<Result, aclprofSubscribeOpFlag>) {
        return ACL_SUBSCRIBE_NONE;
    } else if constexpr (!std::is_void_v<Result>) {
        return Result{}; // NULL or 0
    }
}

} // namespace

// One definition a function: its result type, name and parameter types, as acl_prof.h declares it.
#define ACLSIM_NOT_SIMULATED(Result, name, ...) \
    MSVP_PROF_API Result name(__VA_ARGS__) {    \
        return NotSimulated<Result>(#name);     \
    }

extern "C" {

ACLSIM_NOT_SIMULATED(aclError, aclprofSetConfig, aclprofConfigType, const char *, size_t)
ACLSIM_NOT_SIMULATED(aclError, aclprofModelSubscribe, uint32_t, const aclprofSubscribeConfig *)
ACLSIM_NOT_SIMULATED(aclError, aclprofModelUnSubscribe, uint32_t)
ACLSIM_NOT_SIMULATED(aclprofSubscribeConfig *, aclprofCreateSubscribeConfig, int8_t, aclprofAicoreMetrics, void *)
ACLSIM_NOT_SIMULATED(aclError, aclprofDestroySubscribeConfig, const aclprofSubscribeConfig *)
ACLSIM_NOT_SIMULATED(aclError, aclprofGetOpDescSize, size_t *)
ACLSIM_NOT_SIMULATED(aclError, aclprofGetOpNum, const void *, size_t, uint32_t *)
ACLSIM_NOT_SIMULATED(aclError, aclprofGetOpTypeLen, const void *, size_t, uint32_t, size_t *)
ACLSIM_NOT_SIMULATED(aclError, aclprofGetOpType, const void *, size_t, uint32_t, char *, size_t)
ACLSIM_NOT_SIMULATED(aclError, aclprofGetOpNameLen, const void *, size_t, uint32_t, size_t *)
ACLSIM_NOT_SIMULATED(aclError, aclprofGetOpName, const void *, size_t, uint32_t, char *, size_t)
ACLSIM_NOT_SIMULATED(uint64_t, aclprofGetOpStart, const void *, size_t, uint32_t)
ACLSIM_NOT_SIMULATED(uint64_t, aclprofGetOpEnd, const void *, size_t, uint32_t)
ACLSIM_NOT_SIMULATED(uint64_t, aclprofGetOpDuration, const void *, size_t, uint32_t)
ACLSIM_NOT_SIMULATED(size_t, aclprofGetModelId, const void *, size_t, uint32_t)
ACLSIM_NOT_SIMULATED(aclprofSubscribeOpFlag, aclprofGetOpFlag, const void *, size_t, uint32_t)
ACLSIM_NOT_SIMULATED(const char *, aclprofGetOpAttriValue, const void *, size_t, uint32_t, aclprofSubscribeOpAttri)
ACLSIM_NOT_SIMULATED(aclError, aclprofGetStepTimestamp, aclprofStepInfo *, aclprofStepTag, aclrtStream)
ACLSIM_NOT_SIMULATED(aclprofStepInfo *, aclprofCreateStepInfo, void)
ACLSIM_NOT_SIMULATED(void, aclprofDestroyStepInfo, aclprofStepInfo *)
ACLSIM_NOT_SIMULATED(void *, aclprofCreateStamp, void)
ACLSIM_NOT_SIMULATED(void, aclprofDestroyStamp, void *)
ACLSIM_NOT_SIMULATED(aclError, aclprofPush, void *)
ACLSIM_NOT_SIMULATED(aclError, aclprofPop, void)
ACLSIM_NOT_SIMULATED(aclError, aclprofRangeStart, void *, uint32_t *)
ACLSIM_NOT_SIMULATED(aclError, aclprofRangeStop, uint32_t)
ACLSIM_NOT_SIMULATED(aclError, aclprofSetStampTraceMessage, void *, const char *, uint32_t)
ACLSIM_NOT_SIMULATED(aclError, aclprofMark, void *)
ACLSIM_NOT_SIMULATED(aclError, aclprofMarkEx, const char *, size_t, aclrtStream)
ACLSIM_NOT_SIMULATED(uint64_t, aclprofStr2Id, const char *)
ACLSIM_NOT_SIMULATED(aclError, aclprofRangePushEx, aclprofEventAttributes *)
ACLSIM_NOT_SIMULATED(aclError, aclprofRangePop, void)

} // extern "C"
