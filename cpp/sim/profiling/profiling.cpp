// The profiling API (acl/acl_prof.h). CANN implements it in libmsprofiler.so
// (src/dfx/msprof/collector/dvvp: msprofiler/prof_acl_api.cpp, profimpl/adapter/src/
// msprofiler_acl_api.cpp, msprof/engine/src/prof_acl_mgr.cpp); the simulator keeps its state
// machine and codes and collects nothing. Profiling is a process setting that never reaches a
// stream, so every call works during a capture as outside one and adds nothing to the model.
#include <cstring>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

#include "acl/acl_prof.h"
#include "acl/acl_rt.h"
#include "sim_internal.h"

struct aclprofConfig {
    std::vector<uint32_t> devices;
    aclprofAicoreMetrics aicoreMetrics = ACL_AICORE_NONE;
    uint64_t dataTypeConfig = 0;
};

namespace aclsim {
namespace {

// PROF_MAX_DEV_NUM (src/dfx/msprof/inc/toolchain/prof_acl_api.h).
constexpr uint32_t kMaxProfiledDevices = 64;
// aclProfPathMaxLen (msprofiler_acl_api.cpp): the result path's length is in [1, 4096).
constexpr size_t kMaxResultPathLength = 4096;
// PROF_SWITCH_SUPPORT (prof_api_common.h): every collection switch acl_prof.h names.
constexpr uint64_t kSupportedSwitches =
    ACL_PROF_ACL_API | ACL_PROF_TASK_TIME | ACL_PROF_AICORE_METRICS | ACL_PROF_AICPU | ACL_PROF_L2CACHE |
    ACL_PROF_HCCL_TRACE | ACL_PROF_TRAINING_TRACE | ACL_PROF_MSPROFTX | ACL_PROF_RUNTIME_API | ACL_PROF_GE_API_L0 |
    ACL_PROF_TASK_TIME_L0 | ACL_PROF_TASK_MEMORY | ACL_PROF_GE_API_L1 | ACL_PROF_TASK_TIME_L2 | ACL_PROF_OP_ATTR |
    ACL_PROF_TASK_TIME_L3 | ACL_PROF_API_STATS | ACL_PROF_AICORE_SHAPE;

// ProfAclMgr's mode (WORK_MODE_OFF / WORK_MODE_API_CTRL) and the started configuration.
struct ProfilingState {
    std::mutex mutex;
    bool initialised = false;
    std::string resultPath;
    bool started = false; // g_isRepeatInvoking
    uint64_t startedSwitches = 0;
    std::set<const aclprofConfig *> liveConfigs;
};

ProfilingState &State() {
    static ProfilingState state;
    return state;
}

aclError Refuse(aclError code, const char *call, const std::string &reason) {
    AppendErrorMessage(std::string(call) + ": " + reason);
    return code;
}

aclprofConfig *RefuseConfig(const std::string &reason) {
    AppendErrorMessage("aclprofCreateConfig: " + reason);
    return nullptr;
}

// preCheckProfConfig: something to collect, and only switches the API knows.
aclError CheckConfig(const char *call, const aclprofConfig &config) {
    if (config.dataTypeConfig == 0) {
        return Refuse(ACL_ERROR_INVALID_PARAM, call, "dataTypeConfig can not be zero");
    }
    if ((config.dataTypeConfig & ~kSupportedSwitches) != 0) {
        return Refuse(ACL_ERROR_PROF_MODULES_UNSUPPORTED, call,
                      "dataTypeConfig has switches acl_prof.h does not define (ACL_PROF_*)");
    }
    return ACL_SUCCESS;
}

// Under the state's lock: the configuration handle is one aclprofCreateConfig made and
// aclprofDestroyConfig has not freed (the device does not check: a stale one is undefined there).
aclError FindConfig(const char *call, ProfilingState &state, const aclprofConfig *config) {
    if (state.liveConfigs.count(config) == 0) {
        return Refuse(ACL_ERROR_INVALID_PARAM, call,
                      "profilerConfig is not a live aclprofCreateConfig result (destroyed already?)");
    }
    return ACL_SUCCESS;
}

// Under the state's lock, what starting and stopping check first: a live configuration that asks
// for something to collect.
aclError CheckLiveConfig(const char *call, ProfilingState &state, const aclprofConfig *config) {
    if (aclError status = FindConfig(call, state, config); status != ACL_SUCCESS) {
        return status;
    }
    return CheckConfig(call, *config);
}

// A call on a configuration: NULL is refused with `nullReason`, else `body(state)` runs under the
// state's lock.
template <typename Body>
aclError WithConfig(const char *call, const aclprofConfig *config, const char *nullReason, Body &&body) {
    if (config == nullptr) {
        return Refuse(ACL_ERROR_INVALID_PARAM, call, nullReason);
    }
    auto &state = State();
    std::lock_guard lock(state.mutex);
    return body(state);
}

} // namespace
} // namespace aclsim

using namespace aclsim;

extern "C" {

MSVP_PROF_API aclError aclprofInit(const char *profilerResultPath, size_t length) {
    const char *call = "aclprofInit";
    // ProfInit: CheckProfInitPath, then ProfInitPrecheck / ProfAclMgr::ProfAclInit.
    if (profilerResultPath == nullptr) {
        return Refuse(ACL_ERROR_INVALID_PARAM, call, "profilerResultPath is NULL");
    }
    if (length == 0 || length >= kMaxResultPathLength) {
        return Refuse(ACL_ERROR_INVALID_PARAM, call,
                      "the length of profilerResultPath should be in [1, " + std::to_string(kMaxResultPathLength) +
                          ")");
    }
    if (std::strlen(profilerResultPath) != length) {
        return Refuse(ACL_ERROR_INVALID_PARAM, call, "length does not equal strlen(profilerResultPath)");
    }
    auto &state = State();
    std::lock_guard lock(state.mutex);
    if (state.initialised) {
        return Refuse(ACL_ERROR_REPEAT_INITIALIZE, call, "profiling is already initialised");
    }
    state.initialised = true;
    state.resultPath.assign(profilerResultPath, length);
    return ACL_SUCCESS;
}

MSVP_PROF_API aclError aclprofFinalize() {
    // ProfFinalize: not initialised is a no-op; otherwise every collection stops.
    auto &state = State();
    std::lock_guard lock(state.mutex);
    state.initialised = false;
    state.started = false;
    state.startedSwitches = 0;
    return ACL_SUCCESS;
}

MSVP_PROF_API aclprofConfig *aclprofCreateConfig(uint32_t *deviceIdList, uint32_t deviceNums,
                                                 aclprofAicoreMetrics aicoreMetrics,
                                                 const aclprofAicoreEvents *aicoreEvents, uint64_t dataTypeConfig) {
    // aclprofCreateConfig: IsValidProfConfigPreCheck, IsValidDevId, then a device count of 0 is
    // allowed only for msproftx.
    if (deviceNums != 0 && deviceIdList == nullptr) {
        return RefuseConfig("deviceIdList is NULL");
    }
    if (aicoreEvents != nullptr) {
        return RefuseConfig("aicoreEvents must be NULL");
    }
    if (deviceNums > kMaxProfiledDevices) {
        return RefuseConfig("the device number should be at most " + std::to_string(kMaxProfiledDevices));
    }
    uint32_t deviceCount = 0;
    if (aclrtGetDeviceCount(&deviceCount) != ACL_SUCCESS) {
        return RefuseConfig("cannot count the devices");
    }
    if (deviceNums > deviceCount) {
        return RefuseConfig("the device number should be in range [1, " + std::to_string(deviceCount) + "]");
    }
    std::unordered_set<uint32_t> seen;
    for (uint32_t i = 0; i < deviceNums; ++i) {
        if (deviceIdList[i] >= deviceCount) {
            return RefuseConfig("device id " + std::to_string(deviceIdList[i]) + " should be in range [0, " +
                                std::to_string(deviceCount) + ")");
        }
        if (!seen.insert(deviceIdList[i]).second) {
            return RefuseConfig("device id " + std::to_string(deviceIdList[i]) + " is set twice");
        }
    }
    if (deviceNums == 0 && (dataTypeConfig & ACL_PROF_MSPROFTX) == 0) {
        return RefuseConfig("deviceNums can not be 0");
    }
    auto config = std::make_unique<aclprofConfig>();
    config->devices.assign(deviceIdList, deviceIdList + deviceNums);
    config->aicoreMetrics = aicoreMetrics;
    config->dataTypeConfig = dataTypeConfig;
    auto &state = State();
    std::lock_guard lock(state.mutex);
    state.liveConfigs.insert(config.get());
    return config.release();
}

MSVP_PROF_API aclError aclprofDestroyConfig(const aclprofConfig *profilerConfig) {
    const char *call = "aclprofDestroyConfig";
    return WithConfig(call, profilerConfig, "profilerConfig is NULL", [&](ProfilingState &state) {
        if (aclError status = FindConfig(call, state, profilerConfig); status != ACL_SUCCESS) {
            return status;
        }
        state.liveConfigs.erase(profilerConfig);
        delete profilerConfig;
        return ACL_SUCCESS;
    });
}

MSVP_PROF_API aclError aclprofStart(const aclprofConfig *profilerConfig) {
    const char *call = "aclprofStart";
    // ProfStart: preCheckProfConfig, an automatic aclprofInit when none was made (9.x), then a
    // repeated start must ask for the same switches (CheckConfigConsistency: 100010).
    const char *nullReason = "profilerConfig is NULL: make one with aclprofCreateConfig";
    return WithConfig(call, profilerConfig, nullReason, [&](ProfilingState &state) {
        if (aclError status = CheckLiveConfig(call, state, profilerConfig); status != ACL_SUCCESS) {
            return status;
        }
        if (!state.initialised) {
            state.initialised = true;
            state.resultPath = "./";
        }
        if (state.started) {
            if (state.startedSwitches != profilerConfig->dataTypeConfig) {
                return Refuse(ACL_ERROR_INVALID_PROFILING_CONFIG, call,
                              "dataTypeConfig differs from the running collection's: stop it first");
            }
            return ACL_SUCCESS;
        }
        state.started = true;
        state.startedSwitches = profilerConfig->dataTypeConfig;
        return ACL_SUCCESS;
    });
}

MSVP_PROF_API aclError aclprofStop(const aclprofConfig *profilerConfig) {
    const char *call = "aclprofStop";
    // ProfStop: not initialised is a no-op; otherwise the configuration is checked as for start.
    return WithConfig(call, profilerConfig, "profilerConfig is NULL", [&](ProfilingState &state) {
        if (!state.initialised) {
            return ACL_SUCCESS;
        }
        if (aclError status = CheckLiveConfig(call, state, profilerConfig); status != ACL_SUCCESS) {
            return status;
        }
        state.started = false;
        state.startedSwitches = 0;
        return ACL_SUCCESS;
    });
}

} // extern "C"
