// The runtime around a capture program: version and attribute queries, the last-error queries,
// run mode, the current default stream, stream configuration queries, peer access between the
// simulated devices, the overflow-detection configuration, and aclDataBuffer.
#include <cstdio>
#include <cstring>
#include <mutex>
#include <new>
#include <set>

#include "runtime.h"

struct aclDataBuffer {
    void *data = nullptr;
    size_t size = 0;
};

namespace aclsim {

namespace {

// The simulated release as a package version, e.g. "9.2.0".
std::string ReleaseVersionText() {
    uint32_t release = SimulatedRelease();
    return std::to_string(release / 100) + "." + std::to_string(release % 100) + ".0";
}

// The packages whose version the simulator reports: the runtime (what CANN's version file of
// ACL_PKG_NAME_CANN and ACL_PKG_NAME_RUNTIME names).
bool KnownPackage(const char *name) {
    return std::strcmp(name, "runtime") == 0;
}

const aclCannAttr kSupportedAttributes[] = {ACL_CANN_ATTR_INF_NAN, ACL_CANN_ATTR_BF16};

// Peer access enabled from the current device to others: (device, peer) pairs.
std::mutex gPeerMutex;
std::set<std::pair<int32_t, int32_t>> gPeerAccess;

// Process-wide saturation mode (ApiImpl::SetDeviceSatMode sets the runtime's).
std::atomic<int> gSatMode{ACL_RT_OVERFLOW_MODE_SATURATION};

aclError CheckDevice(const char *call, int32_t device, const char *what) {
    if (device < 0 || device >= DeviceCount()) {
        return Fail(ACL_ERROR_RT_INVALID_DEVICEID, call,
                    std::string(what) + " " + std::to_string(device) + " does not exist (devices 0.." +
                        std::to_string(DeviceCount() - 1) + ")");
    }
    return ACL_SUCCESS;
}

aclError CurrentDevice(const char *call, int32_t &device) {
    std::shared_ptr<Context> context;
    ACLSIM_RETURN_IF_FAILED(RequireContext(call, context));
    device = context->device();
    return ACL_SUCCESS;
}

// The peer of aclrtDeviceEnablePeerAccess / DisablePeerAccess: a device other than the current
// one (`device` receives it).
aclError PeerOfCurrentDevice(const char *call, int32_t peerDeviceId, int32_t &device) {
    ACLSIM_RETURN_IF_FAILED(CurrentDevice(call, device));
    if (device == peerDeviceId) {
        return Fail(ACL_ERROR_INVALID_PARAM, call,
                    "peerDeviceId cannot be the current device " + std::to_string(device));
    }
    return CheckDevice(call, peerDeviceId, "peerDeviceId");
}

// Records (`enable`) or forgets that the current device reads and writes peerDeviceId's memory.
aclError SetPeerAccess(const char *call, int32_t peerDeviceId, bool enable) {
    int32_t device = 0;
    ACLSIM_RETURN_IF_FAILED(PeerOfCurrentDevice(call, peerDeviceId, device));
    std::lock_guard lock(gPeerMutex);
    if (enable) {
        gPeerAccess.insert({device, peerDeviceId});
    } else {
        gPeerAccess.erase({device, peerDeviceId});
    }
    return ACL_SUCCESS;
}

// A stream of the current context (NULL: its default stream), as the configuration calls take it.
aclError ContextStream(const char *call, aclrtStream handle, std::shared_ptr<Stream> &out) {
    ACLSIM_RETURN_IF_FAILED(ResolveStream(call, handle, out));
    return CheckContext(call, "stream", *out->context(), CurrentContext().get(), ACL_ERROR_RT_STREAM_CONTEXT);
}

void CopyText(char *target, size_t capacity, const std::string &text) {
    std::snprintf(target, capacity, "%s", text.c_str());
}

// The stream queries share one shape: a non-null out pointer, a live stream, one field read.
template <typename Out, typename Read>
aclError QueryStream(const char *call, aclrtStream stream, Out *out, const char *outName, Read read) {
    std::shared_ptr<Stream> target;
    ACLSIM_RETURN_IF_FAILED(RequireThenFind(call, out, outName, ResolveStream, stream, target));
    *out = read(*target);
    return ACL_SUCCESS;
}

// aclsysGetVersionStr / aclsysGetVersionNum: both pointers set (the output `outputName` named first),
// and a package the simulator has a version for.
aclError CheckVersionQuery(const char *call, const char *pkgName, const void *output, const char *outputName) {
    if (output == nullptr || pkgName == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call,
                    std::string(output == nullptr ? outputName : "pkgName") + " is NULL");
    }
    if (!KnownPackage(pkgName)) {
        return Fail(ACL_ERROR_INVALID_FILE, call,
                    std::string("no version information for package '") + pkgName +
                        "' (the simulator provides 'runtime')");
    }
    return ACL_SUCCESS;
}

} // namespace

} // namespace aclsim

using namespace aclsim;

extern "C" {

// ---------------------------------------------------------------- versions and attributes

ACL_FUNC_VISIBILITY aclError aclsysGetVersionStr(char *pkgName, char *versionStr) {
    ACLSIM_RETURN_IF_FAILED(CheckVersionQuery("aclsysGetVersionStr", pkgName, versionStr, "versionStr"));
    CopyText(versionStr, ACL_PKG_VERSION_MAX_SIZE, ReleaseVersionText());
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclsysGetVersionNum(char *pkgName, int32_t *versionNum) {
    ACLSIM_RETURN_IF_FAILED(CheckVersionQuery("aclsysGetVersionNum", pkgName, versionNum, "versionNum"));
    // CalculateVersionNum: major x 10^7 + minor x 10^5 + patch x 10^3.
    uint32_t release = SimulatedRelease();
    *versionNum = static_cast<int32_t>(release / 100) * 10000000 + static_cast<int32_t>(release % 100) * 100000;
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclsysGetCANNVersion(aclCANNPackageName name, aclCANNPackageVersion *version) {
    const char *call = "aclsysGetCANNVersion";
    if (version == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, "version is NULL");
    }
    if (static_cast<int>(name) < ACL_PKG_NAME_CANN || static_cast<int>(name) > ACL_PKG_NAME_DRIVER) {
        return Fail(ACL_ERROR_INVALID_PARAM, call,
                    "package name " + std::to_string(static_cast<int>(name)) + " is not an aclCANNPackageName");
    }
    if (name != ACL_PKG_NAME_CANN && name != ACL_PKG_NAME_RUNTIME) {
        return Fail(ACL_ERROR_INVALID_FILE, call,
                    "the simulator provides the runtime package only (ACL_PKG_NAME_CANN, ACL_PKG_NAME_RUNTIME)");
    }
    std::memset(version, 0, sizeof *version);
    uint32_t release = SimulatedRelease();
    CopyText(version->version, sizeof version->version, ReleaseVersionText());
    CopyText(version->majorVersion, sizeof version->majorVersion, std::to_string(release / 100));
    CopyText(version->minorVersion, sizeof version->minorVersion, std::to_string(release % 100));
    CopyText(version->releaseVersion, sizeof version->releaseVersion, "0");
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclGetCannAttributeList(const aclCannAttr **cannAttrList, size_t *num) {
    if (cannAttrList == nullptr || num == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, "aclGetCannAttributeList",
                    std::string(cannAttrList == nullptr ? "cannAttrList" : "num") + " is NULL");
    }
    *cannAttrList = kSupportedAttributes;
    *num = sizeof kSupportedAttributes / sizeof kSupportedAttributes[0];
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclGetCannAttribute(aclCannAttr cannAttr, int32_t *value) {
    const char *call = "aclGetCannAttribute";
    if (value == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, "value is NULL");
    }
    if (cannAttr <= ACL_CANN_ATTR_UNDEFINED || cannAttr > ACL_CANN_ATTR_JIT_COMPILE) {
        return Fail(ACL_ERROR_INVALID_PARAM, call,
                    "attribute " + std::to_string(static_cast<int>(cannAttr)) + " is not an aclCannAttr");
    }
    *value = 0;
    for (aclCannAttr supported : kSupportedAttributes) {
        if (supported == cannAttr) {
            *value = 1;
        }
    }
    return ACL_SUCCESS;
}

// ---------------------------------------------------------------- errors, run mode, contexts

ACL_FUNC_VISIBILITY aclError aclrtPeekAtLastError(aclrtLastErrLevel level) {
    if (level != ACL_RT_THREAD_LEVEL) {
        return Fail(ACL_ERROR_INVALID_PARAM, "aclrtPeekAtLastError", "level must be ACL_RT_THREAD_LEVEL");
    }
    return ThreadLastError();
}

ACL_FUNC_VISIBILITY aclError aclrtGetLastError(aclrtLastErrLevel level) {
    if (level != ACL_RT_THREAD_LEVEL) {
        return Fail(ACL_ERROR_INVALID_PARAM, "aclrtGetLastError", "level must be ACL_RT_THREAD_LEVEL");
    }
    aclError last = ThreadLastError();
    ThreadLastError() = ACL_SUCCESS;
    return last;
}

ACL_FUNC_VISIBILITY aclError aclrtGetRunMode(aclrtRunMode *runMode) {
    if (runMode == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, "aclrtGetRunMode", "runMode is NULL");
    }
    *runMode = ACL_HOST; // the program runs on the host, the devices are separate
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclrtCtxGetCurrentDefaultStream(aclrtStream *stream) {
    return ReadCurrentContext("aclrtCtxGetCurrentDefaultStream", stream, "stream",
                              [](Context &context) -> aclrtStream { return context.defaultStream().get(); });
}

// ---------------------------------------------------------------- stream configuration

ACL_FUNC_VISIBILITY aclError aclrtStreamGetId(aclrtStream stream, int32_t *streamId) {
    return QueryStream("aclrtStreamGetId", stream, streamId, "streamId",
                       [](Stream &target) { return static_cast<int32_t>(target.id()); });
}

ACL_FUNC_VISIBILITY aclError aclrtStreamGetPriority(aclrtStream stream, uint32_t *priority) {
    return QueryStream("aclrtStreamGetPriority", stream, priority, "priority",
                       [](Stream &target) { return target.priority.load(std::memory_order_relaxed); });
}

ACL_FUNC_VISIBILITY aclError aclrtStreamGetFlags(aclrtStream stream, uint32_t *flags) {
    return QueryStream("aclrtStreamGetFlags", stream, flags, "flags", [](Stream &target) { return target.flags(); });
}

// ---------------------------------------------------------------- peer access

ACL_FUNC_VISIBILITY aclError aclrtDeviceCanAccessPeer(int32_t *canAccessPeer, int32_t deviceId, int32_t peerDeviceId) {
    const char *call = "aclrtDeviceCanAccessPeer";
    if (canAccessPeer == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, "canAccessPeer is NULL");
    }
    if (deviceId == peerDeviceId) {
        return Fail(ACL_ERROR_INVALID_PARAM, call,
                    "deviceId " + std::to_string(deviceId) + " cannot be equal to peerDeviceId");
    }
    ACLSIM_RETURN_IF_FAILED(CheckDevice(call, peerDeviceId, "peerDeviceId"));
    ACLSIM_RETURN_IF_FAILED(CheckDevice(call, deviceId, "deviceId"));
    *canAccessPeer = 1; // every simulated device shares the host's memory
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclrtDeviceEnablePeerAccess(int32_t peerDeviceId, uint32_t flags) {
    const char *call = "aclrtDeviceEnablePeerAccess";
    if (flags != 0) {
        return Fail(ACL_ERROR_FEATURE_UNSUPPORTED, call, "flags is reserved and must be 0");
    }
    return SetPeerAccess(call, peerDeviceId, true);
}

ACL_FUNC_VISIBILITY aclError aclrtDeviceDisablePeerAccess(int32_t peerDeviceId) {
    return SetPeerAccess("aclrtDeviceDisablePeerAccess", peerDeviceId, false);
}

// ---------------------------------------------------------------- overflow detection configuration

ACL_FUNC_VISIBILITY aclError aclrtSetDeviceSatMode(aclrtFloatOverflowMode mode) {
    // ApiErrorDecorator::SetDeviceSatMode; ApiImpl::SetDeviceSatMode sets the process-wide mode,
    // with or without a current context and whether or not a capture is in progress.
    if (static_cast<int>(mode) < ACL_RT_OVERFLOW_MODE_SATURATION ||
        static_cast<int>(mode) >= ACL_RT_OVERFLOW_MODE_UNDEF) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, "aclrtSetDeviceSatMode",
                    "mode " + std::to_string(static_cast<int>(mode)) + " is not SATURATION (0) or INFNAN (1)");
    }
    gSatMode.store(mode, std::memory_order_relaxed);
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclrtGetDeviceSatMode(aclrtFloatOverflowMode *mode) {
    if (mode == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, "aclrtGetDeviceSatMode", "mode is NULL");
    }
    *mode = static_cast<aclrtFloatOverflowMode>(gSatMode.load(std::memory_order_relaxed));
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclrtSetStreamOverflowSwitch(aclrtStream stream, uint32_t flag) {
    const char *call = "aclrtSetStreamOverflowSwitch";
    // ApiErrorDecorator::SetStreamOverflowSwitch: the flag's range, then a capturing stream is refused.
    if (flag >= static_cast<uint32_t>(ACL_RT_OVERFLOW_MODE_UNDEF)) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call, "flag must be 0 (off) or 1 (on)");
    }
    std::shared_ptr<Stream> target;
    ACLSIM_RETURN_IF_FAILED(ResolveStream(call, stream, target));
    ACLSIM_RETURN_IF_FAILED(
        RefuseCapturingStream(call, *target, "set its overflow switch before aclmdlRICaptureBegin"));
    ACLSIM_RETURN_IF_FAILED(
        CheckContext(call, "stream", *target->context(), CurrentContext().get(), ACL_ERROR_RT_STREAM_CONTEXT));
    target->overflowSwitch.store(flag, std::memory_order_relaxed);
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclrtGetStreamOverflowSwitch(aclrtStream stream, uint32_t *flag) {
    const char *call = "aclrtGetStreamOverflowSwitch";
    std::shared_ptr<Stream> target;
    ACLSIM_RETURN_IF_FAILED(RequireThenFind(call, flag, "flag", ContextStream, stream, target));
    *flag = target->overflowSwitch.load(std::memory_order_relaxed);
    return ACL_SUCCESS;
}

// ---------------------------------------------------------------- aclDataBuffer

ACL_FUNC_VISIBILITY aclDataBuffer *aclCreateDataBuffer(void *data, size_t size) {
    auto *buffer = new (std::nothrow) aclDataBuffer;
    if (buffer == nullptr) {
        Fail(ACL_ERROR_BAD_ALLOC, "aclCreateDataBuffer", "out of host memory");
        return nullptr;
    }
    buffer->data = data;
    buffer->size = size;
    return buffer;
}

ACL_FUNC_VISIBILITY aclError aclDestroyDataBuffer(const aclDataBuffer *dataBuffer) {
    if (dataBuffer == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, "aclDestroyDataBuffer", "dataBuffer is NULL");
    }
    delete dataBuffer;
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclUpdateDataBuffer(aclDataBuffer *dataBuffer, void *data, size_t size) {
    if (dataBuffer == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, "aclUpdateDataBuffer", "dataBuffer is NULL");
    }
    dataBuffer->data = data;
    dataBuffer->size = size;
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY void *aclGetDataBufferAddr(const aclDataBuffer *dataBuffer) {
    return dataBuffer == nullptr ? nullptr : dataBuffer->data;
}

ACL_FUNC_VISIBILITY uint32_t aclGetDataBufferSize(const aclDataBuffer *dataBuffer) {
    return dataBuffer == nullptr ? 0 : static_cast<uint32_t>(dataBuffer->size);
}

ACL_FUNC_VISIBILITY size_t aclGetDataBufferSizeV2(const aclDataBuffer *dataBuffer) {
    return dataBuffer == nullptr ? 0 : dataBuffer->size;
}

} // extern "C"
