// Profiling functions of CANN's acl_prof.h that the simulator declares but does not simulate
// (model subscription and its operator records, step timestamps, the msproftx marks and ranges,
// extra configuration). Each fails with ACL_ERROR_RT_FEATURE_NOT_SUPPORT (207000) and says so in
// aclGetRecentErrMsg; one that returns no code returns NULL, 0 or ACL_SUBSCRIBE_NONE. Listed in
// docs/simulator.md ("Declared, not simulated").
#include <string>

#include "acl/acl_prof.h"
#include "sim_internal.h"

namespace {

aclError NotSimulated(const char *call) {
    aclsim::AppendErrorMessage(std::string(call) +
                               ": not simulated: the CPU simulator declares this profiling function so that programs "
                               "build, but collects no profiling data");
    return ACL_ERROR_RT_FEATURE_NOT_SUPPORT;
}

} // namespace

extern "C" {

MSVP_PROF_API aclError aclprofSetConfig(aclprofConfigType configType, const char *config, size_t configLength) {
    return NotSimulated("aclprofSetConfig");
}

MSVP_PROF_API aclError aclprofModelSubscribe(uint32_t modelId, const aclprofSubscribeConfig *profSubscribeConfig) {
    return NotSimulated("aclprofModelSubscribe");
}

MSVP_PROF_API aclError aclprofModelUnSubscribe(uint32_t modelId) {
    return NotSimulated("aclprofModelUnSubscribe");
}

MSVP_PROF_API aclprofSubscribeConfig *aclprofCreateSubscribeConfig(int8_t timeInfoSwitch,
                                                                   aclprofAicoreMetrics aicoreMetrics, void *fd) {
    (void)NotSimulated("aclprofCreateSubscribeConfig");
    return nullptr;
}

MSVP_PROF_API aclError aclprofDestroySubscribeConfig(const aclprofSubscribeConfig *profSubscribeConfig) {
    return NotSimulated("aclprofDestroySubscribeConfig");
}

MSVP_PROF_API aclError aclprofGetOpDescSize(size_t *opDescSize) {
    return NotSimulated("aclprofGetOpDescSize");
}

MSVP_PROF_API aclError aclprofGetOpNum(const void *opInfo, size_t opInfoLen, uint32_t *opNumber) {
    return NotSimulated("aclprofGetOpNum");
}

MSVP_PROF_API aclError aclprofGetOpTypeLen(const void *opInfo, size_t opInfoLen, uint32_t index, size_t *opTypeLen) {
    return NotSimulated("aclprofGetOpTypeLen");
}

MSVP_PROF_API aclError aclprofGetOpType(const void *opInfo, size_t opInfoLen, uint32_t index, char *opType,
                                        size_t opTypeLen) {
    return NotSimulated("aclprofGetOpType");
}

MSVP_PROF_API aclError aclprofGetOpNameLen(const void *opInfo, size_t opInfoLen, uint32_t index, size_t *opNameLen) {
    return NotSimulated("aclprofGetOpNameLen");
}

MSVP_PROF_API aclError aclprofGetOpName(const void *opInfo, size_t opInfoLen, uint32_t index, char *opName,
                                        size_t opNameLen) {
    return NotSimulated("aclprofGetOpName");
}

MSVP_PROF_API uint64_t aclprofGetOpStart(const void *opInfo, size_t opInfoLen, uint32_t index) {
    (void)NotSimulated("aclprofGetOpStart");
    return 0;
}

MSVP_PROF_API uint64_t aclprofGetOpEnd(const void *opInfo, size_t opInfoLen, uint32_t index) {
    (void)NotSimulated("aclprofGetOpEnd");
    return 0;
}

MSVP_PROF_API uint64_t aclprofGetOpDuration(const void *opInfo, size_t opInfoLen, uint32_t index) {
    (void)NotSimulated("aclprofGetOpDuration");
    return 0;
}

MSVP_PROF_API size_t aclprofGetModelId(const void *opInfo, size_t opInfoLen, uint32_t index) {
    (void)NotSimulated("aclprofGetModelId");
    return 0;
}

MSVP_PROF_API aclprofSubscribeOpFlag aclprofGetOpFlag(const void *opInfo, size_t opInfoLen, uint32_t index) {
    (void)NotSimulated("aclprofGetOpFlag");
    return ACL_SUBSCRIBE_NONE;
}

MSVP_PROF_API const char *aclprofGetOpAttriValue(const void *opInfo, size_t opInfoLen, uint32_t index,
                                                 aclprofSubscribeOpAttri attri) {
    (void)NotSimulated("aclprofGetOpAttriValue");
    return nullptr;
}

MSVP_PROF_API aclError aclprofGetStepTimestamp(aclprofStepInfo *stepInfo, aclprofStepTag tag, aclrtStream stream) {
    return NotSimulated("aclprofGetStepTimestamp");
}

MSVP_PROF_API aclprofStepInfo *aclprofCreateStepInfo() {
    (void)NotSimulated("aclprofCreateStepInfo");
    return nullptr;
}

MSVP_PROF_API void aclprofDestroyStepInfo(aclprofStepInfo *stepinfo) {
    (void)NotSimulated("aclprofDestroyStepInfo");
}

MSVP_PROF_API void *aclprofCreateStamp() {
    (void)NotSimulated("aclprofCreateStamp");
    return nullptr;
}

MSVP_PROF_API void aclprofDestroyStamp(void *stamp) {
    (void)NotSimulated("aclprofDestroyStamp");
}

MSVP_PROF_API aclError aclprofPush(void *stamp) {
    return NotSimulated("aclprofPush");
}

MSVP_PROF_API aclError aclprofPop() {
    return NotSimulated("aclprofPop");
}

MSVP_PROF_API aclError aclprofRangeStart(void *stamp, uint32_t *rangeId) {
    return NotSimulated("aclprofRangeStart");
}

MSVP_PROF_API aclError aclprofRangeStop(uint32_t rangeId) {
    return NotSimulated("aclprofRangeStop");
}

MSVP_PROF_API aclError aclprofSetStampTraceMessage(void *stamp, const char *msg, uint32_t msgLen) {
    return NotSimulated("aclprofSetStampTraceMessage");
}

MSVP_PROF_API aclError aclprofMark(void *stamp) {
    return NotSimulated("aclprofMark");
}

MSVP_PROF_API aclError aclprofMarkEx(const char *msg, size_t msgLen, aclrtStream stream) {
    return NotSimulated("aclprofMarkEx");
}

MSVP_PROF_API uint64_t aclprofStr2Id(const char *message) {
    (void)NotSimulated("aclprofStr2Id");
    return 0;
}

MSVP_PROF_API aclError aclprofRangePushEx(aclprofEventAttributes *attr) {
    return NotSimulated("aclprofRangePushEx");
}

MSVP_PROF_API aclError aclprofRangePop() {
    return NotSimulated("aclprofRangePop");
}

} // extern "C"
