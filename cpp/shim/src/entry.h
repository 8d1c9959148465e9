// The one path every C entry point takes: `Entry` runs an adapter's body inside the call gate and
// turns every failure (a refused argument, an ACL error, any exception, out of memory included)
// into a status code plus the calling thread's message. Nothing throws across the C API.
#ifndef ACLGRAPH4J_SHIM_ENTRY_H
#define ACLGRAPH4J_SHIM_ENTRY_H

#include <new>
#include <string>
#include <type_traits>

#include "runtime_state.h"

namespace agj {

// The calling thread's last failure. Entry points reset the flag rather than the string: a plain
// thread-local needs no initialisation check, a std::string does.
inline thread_local bool tLastCallFailed = false;
const char *LastErrorMessage() noexcept;

// Records "<entry>: <reason>" as the failure of the calling thread's call and returns `code`:
// the one way the shim reports a failure, shaped like the simulator's Fail(code, call, reason).
int32_t Fail(int32_t code, const char *entry, const std::string &reason);
// After ACL failures a call handles itself (and reports nothing of): drops the runtime's text
// about them, so that it is not appended to the message of a later failure on this thread.
void DiscardRecentErrors() noexcept;
// An ACL call failed: names it, adds the runtime's own explanation.
int32_t AclFail(const char *call, int32_t code);
int32_t InvalidArgument(const char *entry, const std::string &why);
// A handle that is null, not live or of another kind than `expectedKind`.
int32_t BadHandle(const char *entry, const char *role, int64_t handle, int32_t expectedKind);
// AGJ_ERR_BACKEND unless the backend offers `function` (an optional one, named `name`).
int32_t RequireOptional(const char *entry, const void *function, const char *name);
template <typename Function>
int32_t RequireOptional(const char *entry, Function *function, const char *name) {
    return RequireOptional(entry, reinterpret_cast<const void *>(function), name);
}
// A row of a code table (aclgraph4j/*.def): its code and its name.
struct NamedCode {
    int32_t code;
    const char *name;
};
// AGJ_ERR_INVALID_ARGUMENT unless `value` is the code of one of `count` `rows`; the message lists
// them: "<what> must be 0 (A), 1 (B) or 2 (C), not <value>".
int32_t RequireOneOf(const char *entry, const char *what, int32_t value, const NamedCode *rows, size_t count);
template <size_t N>
int32_t RequireOneOf(const char *entry, const char *what, int32_t value, const NamedCode (&rows)[N]) {
    return RequireOneOf(entry, what, value, rows, N);
}
// RequireOneOf the capture modes of shim_capture.def.
int32_t RequireCaptureMode(const char *entry, int32_t mode);
// AGJ_ERR_INVALID_ARGUMENT unless the object (`what`: "event", "buffer", ...) on device `objectDevice`
// is of the stream's device `streamDevice`.
int32_t RequireStreamDevice(const char *entry, const char *what, int32_t objectDevice, int32_t streamDevice);
// Keeps `text` for the caller until the thread's next call; returns it.
const char *KeepForCaller(std::string text) noexcept;

// How an entry point passes the call gate.
enum class Gate {
    Open,      // shared, and the runtime must be open (almost every call)
    Any,       // shared, open or not
    Exclusive, // alone: opening and closing the runtime
};

namespace detail {
int32_t FailFromException(const char *entry) noexcept; // inside a catch block
int32_t NotOpen(const char *entry) noexcept;
} // namespace detail

// Runs `body`, the work of the entry point `entry` (its name in messages: give __func__), through
// the call gate, turning every exception into a status. A body that reports errors takes the name
// as its parameter (`[&](const char *entry) -> int32_t {...}`), so no entry point spells its own name.
template <typename Body>
int32_t Entry(const char *entry, Gate gate, Body &&body) noexcept {
    auto run = [&]() -> int32_t {
        if constexpr (std::is_invocable_v<Body &, const char *>) {
            return body(entry);
        } else {
            return body();
        }
    };
    try {
        RuntimeState &runtime = Runtime();
        if (gate == Gate::Exclusive) {
            CallGate::Exclusive exclusive(runtime.gate);
            tLastCallFailed = false;
            return run();
        }
        CallGate::Call call(runtime.gate);
        if (gate == Gate::Open && runtime.openCount == 0) {
            return detail::NotOpen(entry);
        }
        tLastCallFailed = false;
        return run();
    } catch (...) {
        return detail::FailFromException(entry);
    }
}

template <typename Body>
int32_t Entry(const char *entry, Body &&body) noexcept {
    return Entry(entry, Gate::Open, std::forward<Body>(body));
}

template <typename T>
Found<T> Find(int64_t handle, int32_t kind) {
    return Found<T>(Runtime().handles.find(handle, kind));
}

// Gives the object a handle (the table keeps it alive) and tells the object its handle, for reports.
inline int64_t Publish(ObjectRef object) {
    Object *published = object.get();
    int64_t handle = Runtime().handles.insert(std::move(object));
    published->setHandle(handle);
    return handle;
}

} // namespace agj

// Inside an Entry body (which names its entry point `entry`): return the failure of an ACL call.
#define AGJ_ACL_CHECK(call_name, expression)                   \
    do {                                                       \
        int32_t agj_status = static_cast<int32_t>(expression); \
        if (agj_status != ACL_SUCCESS) {                       \
            return ::agj::AclFail(call_name, agj_status);      \
        }                                                      \
    } while (0)

// Looks up a live object of one kind, or returns AGJ_ERR_INVALID_HANDLE naming its role.
#define AGJ_FIND(Type, variable, handle, kind, role)              \
    auto variable = ::agj::Find<Type>((handle), (kind));          \
    if (!variable) {                                              \
        return ::agj::BadHandle(entry, (role), (handle), (kind)); \
    }

#define AGJ_REQUIRE_OUT(pointer)                                                  \
    if ((pointer) == nullptr) {                                                   \
        return ::agj::Fail(AGJ_ERR_INVALID_ARGUMENT, entry, #pointer " is null"); \
    }

// Returns a non-OK status of a helper.
#define AGJ_RETURN_IF_FAILED(expression)                               \
    do {                                                               \
        if (int32_t agj_status = (expression); agj_status != AGJ_OK) { \
            return agj_status;                                         \
        }                                                              \
    } while (0)

namespace agj {

// Calls the ACL function `function` (`name` in messages) with `args` on `device`.
template <typename Function, typename... Args>
int32_t CallOn(const Device &device, Function *function, const char *name, Args &&...args) {
    AGJ_ACL_CHECK("aclrtSetCurrentContext", device.makeCurrent());
    AGJ_ACL_CHECK(name, function(std::forward<Args>(args)...));
    return AGJ_OK;
}

// CallOn for a function the backend may lack: then AGJ_ERR_BACKEND naming `name` and `since`
// (" (CANN 8.5 or later)", or "").
template <typename Function, typename... Args>
int32_t CallOptional(const char *entry, const Device &device, Function *function, const char *name, const char *since,
                     Args &&...args) {
    if (function == nullptr) {
        return RequireOptional(entry, function, (std::string(name) + since).c_str());
    }
    return CallOn(device, function, name, std::forward<Args>(args)...);
}

} // namespace agj

#endif
