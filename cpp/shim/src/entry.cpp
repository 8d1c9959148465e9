#include "entry.h"

#include <exception>
#include <utility>

namespace agj {
namespace {

thread_local std::string tLastError;
thread_local std::string tKept;

int32_t Record(int32_t code, std::string message) {
    tLastError = std::move(message);
    tLastCallFailed = true;
    return code;
}

} // namespace

const char *LastErrorMessage() noexcept {
    return tLastCallFailed ? tLastError.c_str() : "";
}

int32_t Fail(int32_t code, const char *entry, const std::string &reason) {
    return Record(code, std::string(entry) + ": " + reason);
}

void DiscardRecentErrors() noexcept {
    tLastCallFailed = false;
    const AclApi &api = Api();
    if (api.aclGetRecentErrMsg != nullptr) {
        api.aclGetRecentErrMsg();
    }
}

int32_t AclFail(const char *call, int32_t code) {
    std::string message = std::string(call) + " failed with ACL error " + std::to_string(code);
    const AclApi &api = Api();
    if (api.aclGetRecentErrMsg != nullptr) {
        if (const char *recent = api.aclGetRecentErrMsg(); recent != nullptr && *recent != '\0') {
            message += ": ";
            message += recent;
        }
    }
    return Record(code, std::move(message));
}

int32_t InvalidArgument(const char *entry, const std::string &why) {
    return Fail(AGJ_ERR_INVALID_ARGUMENT, entry, why);
}

int32_t BadHandle(const char *entry, const char *role, int64_t handle, int32_t expectedKind) {
    HandleTable::Lookup any = Runtime().handles.find(handle, 0);
    std::string message = std::string(role) + " handle " + std::to_string(handle);
    if (handle == 0) {
        message += " is null";
    } else if (any) {
        message += " names a " + std::string(KindName(any.get()->kind())) + ", not a " + KindName(expectedKind);
    } else {
        message += " is not live (already released, or never created by this runtime)";
    }
    return Fail(AGJ_ERR_INVALID_HANDLE, entry, message);
}

int32_t RequireOptional(const char *entry, const void *function, const char *name) {
    if (function == nullptr) {
        return Fail(AGJ_ERR_BACKEND, entry, std::string("the backend lacks ") + name);
    }
    return AGJ_OK;
}

int32_t RequireOneOf(const char *entry, const char *what, int32_t value, const NamedCode *rows, size_t count) {
    for (size_t i = 0; i < count; ++i) {
        if (rows[i].code == value) {
            return AGJ_OK;
        }
    }
    std::string listed;
    for (size_t i = 0; i < count; ++i) {
        listed += i == 0 ? "" : i + 1 == count ? " or " : ", ";
        listed += std::to_string(rows[i].code) + " (" + rows[i].name + ")";
    }
    return InvalidArgument(entry, std::string(what) + " must be " + listed + ", not " + std::to_string(value));
}

int32_t RequireCaptureMode(const char *entry, int32_t mode) {
    static constexpr NamedCode kModes[] = {
#define AGJ_CAPTURE_MODE(name, code) {code, #name},
#include "aclgraph4j/shim_capture.def"
#undef AGJ_CAPTURE_MODE
    };
    return RequireOneOf(entry, "capture mode", mode, kModes);
}

int32_t RequireStreamDevice(const char *entry, const char *what, int32_t objectDevice, int32_t streamDevice) {
    if (objectDevice != streamDevice) {
        return InvalidArgument(entry, std::string("the ") + what + " is of device " + std::to_string(objectDevice) +
                                          " but the stream is of device " + std::to_string(streamDevice));
    }
    return AGJ_OK;
}

const char *KeepForCaller(std::string text) noexcept {
    tKept.swap(text); // no allocation: the caller's string moves in
    return tKept.c_str();
}

namespace detail {

int32_t NotOpen(const char *entry) noexcept {
    try {
        return Fail(AGJ_ERR_STATE, entry, "the runtime is not open (call agj_runtime_open first)");
    } catch (...) {
        tLastCallFailed = false; // no message could be kept
        return AGJ_ERR_STATE;
    }
}

int32_t FailFromException(const char *entry) noexcept {
    try {
        try {
            throw;
        } catch (const std::bad_alloc &) {
            return Fail(AGJ_ERR_INTERNAL, entry, "out of host memory");
        } catch (const std::exception &error) {
            return Fail(AGJ_ERR_INTERNAL, entry, error.what());
        } catch (...) {
            return Fail(AGJ_ERR_INTERNAL, entry, "unexpected failure");
        }
    } catch (...) {
        // Not even the message fits in memory: the status still says what happened.
        tLastCallFailed = false;
        return AGJ_ERR_INTERNAL;
    }
}

} // namespace detail
} // namespace agj
