// Process- and device-level settings and queries around a program's streams: the SoC name and
// device attributes, stream priorities, operator timeouts, exception callbacks, half-precision
// conversion, application logging, and the timed stream wait. Each follows the CANN function
// named above it.
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <set>

#include "runtime.h"

namespace aclsim {
namespace {

// RT_STREAM_LEAST_PRIORITY / RT_STREAM_GREATEST_PRIORITY of the runtime.
constexpr int32_t kLeastStreamPriority = 7;
constexpr int32_t kGreatestStreamPriority = 0;

// aclrtGet*FromExceptionInfo's answer without exception information (ACL_ERROR_INVALID_EXCEPTION_INFO).
constexpr uint32_t kInvalidExceptionInfo = 0xFFFFFFFFU;

struct Settings {
    std::mutex mutex;
    uint32_t opWaitTimeoutS = 0;
    uint64_t opExecuteTimeoutUs = 0; // 0: never set (kernels never time out here)
    aclrtExceptionInfoCallback exceptionCallback = nullptr;
    std::set<aclrtExceptionInfoCallback> registeredExceptionCallbacks;
};

Settings &Current() {
    static Settings settings;
    return settings;
}

// IEEE half precision, the conversions of CANN's acl::FloatToFp16 / Fp16ToFloat: rounding to the
// nearest even value, saturating (NaN, infinities and values that round beyond the largest half
// become ±65504), and reading the half exponent 31 as an ordinary exponent (0x7C00 is 65536).
constexpr uint16_t kHalfMax = 0x7BFF;

uint16_t FloatToHalf(float value) {
    uint32_t bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    const uint16_t sign = static_cast<uint16_t>((bits >> 16) & 0x8000U);
    const uint32_t exponent = (bits >> 23) & 0xFFU;
    const uint32_t mantissa = bits & 0x7FFFFFU;
    if (exponent > 142) { // 2^16 and beyond, infinities and NaN
        return sign | kHalfMax;
    }
    if (exponent < 102) { // below half the smallest subnormal: zero
        return sign;
    }
    // The value as an integer multiple of 2^-24 (the smallest subnormal), with `shift` bits to drop.
    const uint64_t significand = mantissa | 0x800000U;
    uint32_t shift = 0;
    uint64_t scaled = 0;
    if (exponent >= 113) { // a normal half: keep 11 significant bits
        shift = 13;
        scaled = significand;
    } else { // a subnormal half: the units are 2^-24
        shift = 13 + (113 - exponent);
        scaled = significand;
    }
    uint64_t kept = scaled >> shift;
    const uint64_t rest = scaled & ((uint64_t{1} << shift) - 1);
    const uint64_t half = uint64_t{1} << (shift - 1);
    if (rest > half || (rest == half && (kept & 1U) != 0)) {
        ++kept;
    }
    if (exponent >= 113) {
        uint32_t halfExponent = exponent - 112;
        if (kept == 0x800U) { // rounding carried into the next binade
            kept = 0x400U;
            ++halfExponent;
        }
        if (halfExponent >= 31) {
            return sign | kHalfMax;
        }
        return static_cast<uint16_t>(sign | (halfExponent << 10) | (kept & 0x3FFU));
    }
    // Subnormal (kept may have rounded up to 0x400, the smallest normal: the same bits).
    return static_cast<uint16_t>(sign | kept);
}

float HalfToFloat(uint16_t half) {
    const float sign = (half & 0x8000U) != 0 ? -1.0F : 1.0F;
    const int exponent = (half >> 10) & 0x1F;
    const int mantissa = half & 0x3FF;
    if (exponent == 0) {
        return sign * std::ldexp(static_cast<float>(mantissa), -24);
    }
    return sign * std::ldexp(static_cast<float>(mantissa | 0x400), exponent - 25);
}

int LogThreshold() {
    // CANN's ASCEND_GLOBAL_LOG_LEVEL: 0 debug, 1 info, 2 warning, 3 error (the default), 4 none.
    static const int threshold = [] {
        const char *text = std::getenv("ASCEND_GLOBAL_LOG_LEVEL");
        if (text == nullptr || *text < '0' || *text > '4' || text[1] != '\0') {
            return static_cast<int>(ACL_ERROR);
        }
        return *text - '0';
    }();
    return threshold;
}

const char *LevelName(aclLogLevel level) {
    static constexpr const char *kNames[] = {"DEBUG", "INFO", "WARNING", "ERROR"}; // ACL_DEBUG (0) .. ACL_ERROR
    return level >= ACL_DEBUG && level <= ACL_ERROR ? kNames[level] : "?";
}

// Stores one process-wide setting under the settings' lock.
template <typename Field, typename Value>
aclError StoreSetting(Field Settings::*field, Value value) {
    std::lock_guard lock(Current().mutex);
    Current().*field = value;
    return ACL_SUCCESS;
}

// aclrtExceptionInfoCallbackRegister / Unregister: `edit` adds or removes a non-NULL callback.
template <typename Edit>
aclError EditExceptionCallbacks(const char *call, aclrtExceptionInfoCallback callback, Edit edit) {
    if (callback == nullptr) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call, "callback is NULL");
    }
    std::lock_guard lock(Current().mutex);
    edit(Current().registeredExceptionCallbacks);
    return ACL_SUCCESS;
}

} // namespace
} // namespace aclsim

using namespace aclsim;

extern "C" {

// aclrtGetSocNameImpl: the SoC version, or NULL when it cannot be determined (never here).
ACL_FUNC_VISIBILITY const char *aclrtGetSocName() {
    return chip::kSocName;
}

// aclrtGetDeviceInfoImpl (NULL value: 100000) over ApiErrorDecorator/ApiImpl::GetDeviceInfoByAttr
// (a device id past the count: 107000): the chip's core counts, memory, L2 size and architecture
// (chip.h), not virtual. What the driver reports of the machine (chip, board, SuperPOD ids, host
// link, form factor, privileges) and the SIMT limits the Ascend910B1 lacks are 207000; a value
// outside the enumeration is 107000.
ACL_FUNC_VISIBILITY aclError aclrtGetDeviceInfo(uint32_t deviceId, aclrtDevAttr attr, int64_t *value) {
    const char *call = "aclrtGetDeviceInfo";
    if (value == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, "value is NULL");
    }
    if (deviceId >= static_cast<uint32_t>(DeviceCount())) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call,
                    "device " + std::to_string(deviceId) + " is not in [0, " + std::to_string(DeviceCount()) + ")");
    }
    const int raw = static_cast<int>(attr);
    switch (raw) {
    case ACL_DEV_ATTR_AICPU_CORE_NUM: *value = chip::kAiCpuCores; return ACL_SUCCESS;
    case ACL_DEV_ATTR_AICORE_CORE_NUM: *value = chip::kAiCoreCores; return ACL_SUCCESS;
    case ACL_DEV_ATTR_CUBE_CORE_NUM: *value = chip::kCubeCores; return ACL_SUCCESS;
    case ACL_DEV_ATTR_VECTOR_CORE_NUM: *value = chip::kVectorCores; return ACL_SUCCESS;
    case ACL_DEV_ATTR_TOTAL_GLOBAL_MEM_SIZE:
        *value = static_cast<int64_t>(chip::kDeviceMemoryBytes);
        return ACL_SUCCESS;
    case ACL_DEV_ATTR_L2_CACHE_SIZE: *value = chip::kL2CacheBytes; return ACL_SUCCESS;
    case ACL_DEV_ATTR_NPU_ARCH: *value = chip::kNpuArch; return ACL_SUCCESS;
    case ACL_DEV_ATTR_IS_VIRTUAL: *value = 0; return ACL_SUCCESS;
    default: break;
    }
    const bool known = (raw >= ACL_DEV_ATTR_WARP_SIZE && raw <= ACL_DEV_ATTR_MAX_BLOCK_DIM_Z) ||
                       (raw >= ACL_DEV_ATTR_SMP_ID && raw <= ACL_DEV_ATTR_DEVICE_FORM_FACTOR);
    if (known) {
        return Fail(ACL_ERROR_RT_FEATURE_NOT_SUPPORT, call,
                    "attribute " + std::to_string(raw) + " is not reported by the simulated " + chip::kSocName +
                        " (it has no SIMT limits and no driver facts of a machine)");
    }
    return Fail(ACL_ERROR_RT_PARAM_INVALID, call, "attr " + std::to_string(raw) + " is not an aclrtDevAttr");
}

// ApiImpl::DeviceGetStreamPriorityRange: either output may be NULL; no context needed.
ACL_FUNC_VISIBILITY aclError aclrtDeviceGetStreamPriorityRange(int32_t *leastPriority, int32_t *greatestPriority) {
    if (leastPriority != nullptr) {
        *leastPriority = kLeastStreamPriority;
    }
    if (greatestPriority != nullptr) {
        *greatestPriority = kGreatestStreamPriority;
    }
    return ACL_SUCCESS;
}

// aclrtSetOpWaitTimeoutImpl: kept; event waits are not timed here.
ACL_FUNC_VISIBILITY aclError aclrtSetOpWaitTimeout(uint32_t timeout) {
    return StoreSetting(&Settings::opWaitTimeoutS, timeout);
}

// aclrtSetOpExecuteTimeOutImpl (seconds), ...WithMsImpl (milliseconds), ...V2Impl (microseconds,
// NULL actualTimeout 100000, no context 107002): kept; the simulator's kernels never time out.
ACL_FUNC_VISIBILITY aclError aclrtSetOpExecuteTimeOut(uint32_t timeout) {
    return StoreSetting(&Settings::opExecuteTimeoutUs, uint64_t{timeout} * 1000000U);
}

ACL_FUNC_VISIBILITY aclError aclrtSetOpExecuteTimeOutWithMs(uint32_t timeout) {
    return StoreSetting(&Settings::opExecuteTimeoutUs, uint64_t{timeout} * 1000U);
}

ACL_FUNC_VISIBILITY aclError aclrtSetOpExecuteTimeOutV2(uint64_t timeout, uint64_t *actualTimeout) {
    const char *call = "aclrtSetOpExecuteTimeOutV2";
    std::shared_ptr<Context> context;
    ACLSIM_RETURN_IF_FAILED(RequireThenContext(call, actualTimeout, "actualTimeout", context));
    *actualTimeout = timeout;
    return StoreSetting(&Settings::opExecuteTimeoutUs, timeout);
}

// aclrtGetOpExecuteTimeoutImpl: NULL 100000; the timeout last set, in milliseconds (0: not set).
ACL_FUNC_VISIBILITY aclError aclrtGetOpExecuteTimeout(uint32_t *const timeoutMs) {
    if (timeoutMs == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, "aclrtGetOpExecuteTimeout", "timeoutMs is NULL");
    }
    std::lock_guard lock(Current().mutex);
    *timeoutMs = static_cast<uint32_t>(std::min<uint64_t>(Current().opExecuteTimeoutUs / 1000U, UINT32_MAX));
    return ACL_SUCCESS;
}

// aclrtSetExceptionInfoCallbackImpl: one callback per process (NULL removes it). The
// Register/Unregister pair keeps any number (NULL: 107000). A simulated device raises no
// exceptions, so none of them is ever called.
ACL_FUNC_VISIBILITY aclError aclrtSetExceptionInfoCallback(aclrtExceptionInfoCallback callback) {
    return StoreSetting(&Settings::exceptionCallback, callback);
}

ACL_FUNC_VISIBILITY aclError aclrtExceptionInfoCallbackRegister(aclrtExceptionInfoCallback callback) {
    return EditExceptionCallbacks("aclrtExceptionInfoCallbackRegister", callback,
                                  [callback](auto &callbacks) { callbacks.insert(callback); });
}

ACL_FUNC_VISIBILITY aclError aclrtExceptionInfoCallbackUnregister(aclrtExceptionInfoCallback callback) {
    return EditExceptionCallbacks("aclrtExceptionInfoCallbackUnregister", callback,
                                  [callback](auto &callbacks) { callbacks.erase(callback); });
}

// aclrtGet*FromExceptionInfoImpl: 0xFFFFFFFF without exception information. The simulator never
// makes any, so every pointer gets that answer.
ACL_FUNC_VISIBILITY uint32_t aclrtGetTaskIdFromExceptionInfo(const aclrtExceptionInfo *info) {
    return kInvalidExceptionInfo;
}

ACL_FUNC_VISIBILITY uint32_t aclrtGetStreamIdFromExceptionInfo(const aclrtExceptionInfo *info) {
    return kInvalidExceptionInfo;
}

ACL_FUNC_VISIBILITY uint32_t aclrtGetThreadIdFromExceptionInfo(const aclrtExceptionInfo *info) {
    return kInvalidExceptionInfo;
}

ACL_FUNC_VISIBILITY uint32_t aclrtGetDeviceIdFromExceptionInfo(const aclrtExceptionInfo *info) {
    return kInvalidExceptionInfo;
}

ACL_FUNC_VISIBILITY uint32_t aclrtGetErrorCodeFromExceptionInfo(const aclrtExceptionInfo *info) {
    return kInvalidExceptionInfo;
}

ACL_FUNC_VISIBILITY float aclFloat16ToFloat(aclFloat16 value) {
    return HalfToFloat(value);
}

ACL_FUNC_VISIBILITY aclFloat16 aclFloatToFloat16(float value) {
    return FloatToHalf(value);
}

// aclAppLogImpl: the application's message at `logLevel`, written here to standard error when
// the level reaches ASCEND_GLOBAL_LOG_LEVEL (default 3, errors only).
ACL_FUNC_VISIBILITY void aclAppLog(aclLogLevel logLevel, const char *func, const char *file, uint32_t line,
                                   const char *fmt, ...) {
    if (fmt == nullptr || static_cast<int>(logLevel) < LogThreshold() || static_cast<int>(logLevel) > ACL_ERROR) {
        return;
    }
    char message[1024];
    va_list args;
    va_start(args, fmt);
    std::vsnprintf(message, sizeof message, fmt, args);
    va_end(args);
    std::fprintf(stderr, "[%s] APP %s:%u %s: %s\n", LevelName(logLevel), file != nullptr ? file : "?", line,
                 func != nullptr ? func : "?", message);
}

// aclrtStreamWaitEventWithTimeoutImpl: a negative timeout is 107000; then the wait of
// aclrtStreamWaitEvent (the timeout itself is not simulated: the wait has no limit).
ACL_FUNC_VISIBILITY aclError aclrtStreamWaitEventWithTimeout(aclrtStream stream, aclrtEvent event, int32_t timeout) {
    if (timeout < 0) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, "aclrtStreamWaitEventWithTimeout",
                    "timeout " + std::to_string(timeout) + " is negative; give milliseconds in [0, INT_MAX]");
    }
    return aclrtStreamWaitEvent(stream, event);
}

} // extern "C"
