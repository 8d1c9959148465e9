// Configuration calls around a capture program (the seed's third rule): the overflow status
// tasks, the data dump configuration and the device fault query. Each follows the CANN function
// named beside it (hicann/runtime: src/acl/aclrt_impl, src/runtime/api); what they do inside a
// capture is what that source does: the overflow status tasks are refused on a capturing stream,
// the dump and fault calls are process or device settings that never reach a stream, so they
// work during a capture and add nothing to its model.
#include <cctype>
#include <cstdio>
#include <cstring>
#include <mutex>

#include "runtime.h"

namespace aclsim {
namespace {

// OVERFLOW_OUTPUT_SIZE (src/runtime/core/inc/task/task_base.hpp): the only size accepted.
constexpr size_t kOverflowStatusBytes = 64;

// Whether `stream` is capturing now (ApiErrorDecorator's Stream::IsCapturing).
bool IsCapturing(Stream &stream) {
    if (!stream.captureFlag.load(std::memory_order_acquire)) {
        return false;
    }
    std::lock_guard lock(CaptureMutex());
    return stream.capture != nullptr;
}

// What ApiErrorDecorator and ApiImpl check of the stream of both overflow status calls, once
// rtGetDeviceSatStatus / rtCleanDeviceSatStatus found it live: not capturing (a NULL handle, the
// default stream, is not checked), and of the current context.
aclError CheckStatusStream(const char *call, aclrtStream handle, Stream &stream) {
    if (handle != nullptr && IsCapturing(stream)) {
        return Fail(ACL_ERROR_RT_STREAM_CAPTURED, call,
                    "the stream is capturing: the overflow status is not read or cleared during the capture stage "
                    "(the capture goes on); call it before aclmdlRICaptureBegin or after aclmdlRICaptureEnd");
    }
    return CheckContext(call, "stream", *stream.context(), CurrentContext().get(), ACL_ERROR_RT_STREAM_CONTEXT);
}

// ---------------------------------------------------------------- dump

struct DumpState {
    std::mutex mutex;
    // aclmdlInitDumpFlag of src/acl/aclrt_impl/toolchain/dump.cpp: set by aclmdlInitDump, cleared
    // only by aclmdlFinalizeDump (aclFinalize leaves it).
    bool initialised = false;
};

DumpState &Dump() {
    static DumpState state;
    return state;
}

// A JSON syntax check, standing in for the dump server's parse of the configuration.
class JsonSyntax {
public:
    explicit JsonSyntax(const std::string &text) : text_(text) {}

    bool valid() {
        skipSpace();
        if (!value(0)) {
            return false;
        }
        skipSpace();
        return pos_ == text_.size();
    }

private:
    static constexpr int kMaxDepth = 64;

    void skipSpace() {
        while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) {
            ++pos_;
        }
    }
    bool literal(const char *word) {
        size_t length = std::strlen(word);
        if (text_.compare(pos_, length, word) != 0) {
            return false;
        }
        pos_ += length;
        return true;
    }
    bool string() {
        if (pos_ >= text_.size() || text_[pos_] != '"') {
            return false;
        }
        for (++pos_; pos_ < text_.size(); ++pos_) {
            char c = text_[pos_];
            if (c == '\\') {
                ++pos_;
            } else if (c == '"') {
                ++pos_;
                return true;
            } else if (static_cast<unsigned char>(c) < 0x20) {
                return false;
            }
        }
        return false;
    }
    bool number() {
        size_t start = pos_;
        if (pos_ < text_.size() && text_[pos_] == '-') {
            ++pos_;
        }
        while (pos_ < text_.size() && (std::isdigit(static_cast<unsigned char>(text_[pos_])) ||
                                       std::strchr(".eE+-", text_[pos_]) != nullptr)) {
            ++pos_;
        }
        return pos_ > start && std::isdigit(static_cast<unsigned char>(text_[pos_ - 1]));
    }
    template <typename Element>
    bool sequence(char close, int depth, Element element) {
        ++pos_;
        skipSpace();
        if (pos_ < text_.size() && text_[pos_] == close) {
            ++pos_;
            return true;
        }
        while (true) {
            skipSpace();
            if (!element(depth + 1)) {
                return false;
            }
            skipSpace();
            if (pos_ < text_.size() && text_[pos_] == ',') {
                ++pos_;
            } else if (pos_ < text_.size() && text_[pos_] == close) {
                ++pos_;
                return true;
            } else {
                return false;
            }
        }
    }
    bool value(int depth) {
        if (depth > kMaxDepth || pos_ >= text_.size()) {
            return false;
        }
        switch (text_[pos_]) {
        case '{':
            return sequence('}', depth, [this](int inner) {
                if (!string()) {
                    return false;
                }
                skipSpace();
                if (pos_ >= text_.size() || text_[pos_] != ':') {
                    return false;
                }
                ++pos_;
                skipSpace();
                return value(inner);
            });
        case '[': return sequence(']', depth, [this](int inner) { return value(inner); });
        case '"': return string();
        case 't': return literal("true");
        case 'f': return literal("false");
        case 'n': return literal("null");
        default: return number();
        }
    }

    const std::string &text_;
    size_t pos_ = 0;
};

// The checks aclmdlInitDump, aclmdlSetDump and aclmdlFinalizeDump share: aclInit first (100001),
// then (except for the init itself) aclmdlInitDump first (100045).
aclError CheckDumpOrder(const char *call, bool needsInitDump, DumpState &state) {
    if (!AclInitialized()) {
        return Fail(ACL_ERROR_UNINITIALIZE, call,
                    std::string("aclInit must be executed before ") + call + " is called");
    }
    if (needsInitDump && !state.initialised) {
        return Fail(ACL_ERROR_DUMP_NOT_RUN, call,
                    std::string("aclmdlInitDump must be executed before ") + call + " is called");
    }
    return ACL_SUCCESS;
}

// aclmdlSetDump and aclmdlFinalizeDump: the order checks, before and again under the dump's lock,
// which `lock` then holds.
aclError LockInitialisedDump(const char *call, DumpState &state, std::unique_lock<std::mutex> &lock) {
    ACLSIM_RETURN_IF_FAILED(CheckDumpOrder(call, false, state));
    lock = std::unique_lock(state.mutex);
    return CheckDumpOrder(call, true, state);
}

} // namespace
} // namespace aclsim

using namespace aclsim;

extern "C" {

ACL_FUNC_VISIBILITY aclError aclrtGetOverflowStatus(void *outputAddr, size_t outputSize, aclrtStream stream) {
    const char *call = "aclrtGetOverflowStatus";
    // aclrtGetOverflowStatusImpl, then rtGetDeviceSatStatus and ApiErrorDecorator::GetDeviceSatStatus.
    std::shared_ptr<Stream> target;
    ACLSIM_RETURN_IF_FAILED(RequireThenFind(call, outputAddr, "outputAddr", ResolveStream, stream, target));
    if (outputSize != kOverflowStatusBytes) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call,
                    "outputSize is " + std::to_string(outputSize) + ": only " + std::to_string(kOverflowStatusBytes) +
                        " bytes are supported");
    }
    ACLSIM_RETURN_IF_FAILED(CheckStatusStream(call, stream, *target));
    // ApiImpl::GetDeviceSatStatus copies the context's status area to outputAddr (device to
    // device, on the stream). Nothing overflows in the simulator: the status read is all zeros.
    if (ClassifyRange(outputAddr, outputSize) != RangeKind::Device) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call,
                    "outputAddr must be device memory (aclrtMalloc) holding " + std::to_string(outputSize) + " bytes");
    }
    Task task;
    task.kind = TaskKind::Memset;
    task.dst = outputAddr;
    task.count = outputSize;
    task.value = 0;
    task.dstKind = RangeKind::Device;
    task.validatedEpoch.store(MemoryEpoch(), std::memory_order_relaxed);
    return SubmitTask(call, target, std::move(task));
}

ACL_FUNC_VISIBILITY aclError aclrtResetOverflowStatus(aclrtStream stream) {
    const char *call = "aclrtResetOverflowStatus";
    // aclrtResetOverflowStatusImpl, rtCleanDeviceSatStatus and ApiErrorDecorator::CleanDeviceSatStatus:
    // the device clears the context's status area with a memset task on the stream.
    std::shared_ptr<Stream> target;
    ACLSIM_RETURN_IF_FAILED(ResolveStream(call, stream, target));
    ACLSIM_RETURN_IF_FAILED(CheckStatusStream(call, stream, *target));
    Task task;
    task.kind = TaskKind::Nop;
    return SubmitTask(call, target, std::move(task));
}

ACL_FUNC_VISIBILITY aclError aclmdlInitDump() {
    const char *call = "aclmdlInitDump";
    auto &state = Dump();
    ACLSIM_RETURN_IF_FAILED(CheckDumpOrder(call, false, state));
    std::lock_guard lock(state.mutex);
    if (state.initialised) {
        return Fail(ACL_ERROR_REPEAT_INITIALIZE, call, "This API cannot be called repeatedly");
    }
    state.initialised = true;
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclmdlSetDump(const char *dumpCfgPath) {
    const char *call = "aclmdlSetDump";
    auto &state = Dump();
    std::unique_lock<std::mutex> lock;
    ACLSIM_RETURN_IF_FAILED(LockInitialisedDump(call, state, lock));
    if (dumpCfgPath == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, "dumpCfgPath is NULL");
    }
    // JsonParser::GetConfigStrFromFile: a readable regular file (100003); an empty one sets nothing.
    // (Reading a folder fails with EISDIR, so reading tells a regular file without stat.)
    std::string text;
    bool readable = false;
    if (FILE *file = std::fopen(dumpCfgPath, "rb"); file != nullptr) {
        char chunk[4096];
        for (size_t got; (got = std::fread(chunk, 1, sizeof chunk, file)) > 0;) {
            text.append(chunk, got);
        }
        readable = std::ferror(file) == 0;
        std::fclose(file);
    }
    if (!readable) {
        return Fail(ACL_ERROR_INVALID_FILE, call,
                    std::string("cannot read the dump configuration file '") + dumpCfgPath + "'");
    }
    if (text.empty()) {
        return ACL_SUCCESS;
    }
    // The dump server refuses a configuration it cannot parse (ADUMP_INPUT_FAILED: 100009).
    if (!JsonSyntax(text).valid()) {
        return Fail(ACL_ERROR_INVALID_DUMP_CONFIG, call,
                    std::string("the dump configuration in '") + dumpCfgPath + "' is not valid JSON");
    }
    // The simulator writes no dump data: the configuration is accepted and has no other effect.
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclmdlFinalizeDump() {
    const char *call = "aclmdlFinalizeDump";
    auto &state = Dump();
    std::unique_lock<std::mutex> lock;
    ACLSIM_RETURN_IF_FAILED(LockInitialisedDump(call, state, lock));
    state.initialised = false;
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclrtGetErrorVerbose(int32_t deviceId, aclrtErrorInfo *errorInfo) {
    const char *call = "aclrtGetErrorVerbose";
    // aclrtGetErrorVerboseImpl, ApiErrorDecorator::GetErrorVerbose and ApiImpl::GetErrorVerbose.
    if (errorInfo == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, "errorInfo is NULL");
    }
    if (deviceId < 0 || deviceId >= DeviceCount()) {
        return Fail(ACL_ERROR_RT_INVALID_DEVICEID, call,
                    "device " + std::to_string(deviceId) + " does not exist (the simulator has " +
                        std::to_string(DeviceCount()) + ")");
    }
    // A simulated device never faults (a failed kernel is an error of its stream, not a device fault).
    errorInfo->tryRepair = 0;
    errorInfo->hasDetail = 0;
    errorInfo->errorType = ACL_RT_NO_ERROR;
    return ACL_SUCCESS;
}

} // extern "C"
