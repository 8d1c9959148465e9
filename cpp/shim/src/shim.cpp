// The C entry points of the shim (aclgraph4j/shim.h). Each one validates its arguments and
// handles, calls the ACL runtime through the loaded function table, and turns every failure into
// a status code plus a thread-local message; nothing throws across this boundary.
#include "aclgraph4j/shim.h"

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstring>
#include <limits>
#include <mutex>
#include <new>
#include <string>
#include <thread>

#include "runtime_state.h"

namespace agj {
namespace {

thread_local std::string tLastError;
// Whether tLastError describes the thread's last call. Entry points reset this flag rather than
// the string: a plain thread-local needs no initialisation check, a std::string does.
thread_local bool tLastCallFailed = false;
thread_local std::string tReport;

int32_t Fail(int32_t code, const std::string &message) {
    tLastError = message;
    tLastCallFailed = true;
    return code;
}

// After ACL failures a call handles itself (and reports nothing of): drops the runtime's text
// about them, so that it is not appended to the message of a later failure on this thread.
void DiscardRecentErrors() noexcept {
    tLastCallFailed = false;
    const AclApi &api = Api();
    if (api.aclGetRecentErrMsg != nullptr) {
        api.aclGetRecentErrMsg();
    }
}

// An ACL call failed: name it, and add the runtime's own explanation.
int32_t AclFail(const char *call, int32_t code) {
    std::string message = std::string(call) + " failed with ACL error " + std::to_string(code);
    const AclApi &api = Api();
    if (api.aclGetRecentErrMsg != nullptr) {
        if (const char *recent = api.aclGetRecentErrMsg(); recent != nullptr && *recent != '\0') {
            message += ": ";
            message += recent;
        }
    }
    return Fail(code, message);
}

#define AGJ_ACL_CHECK(call_name, expression)                \
    do {                                                    \
        int32_t agj_status = static_cast<int32_t>(expression); \
        if (agj_status != ACL_SUCCESS) {                    \
            return AclFail(call_name, agj_status);          \
        }                                                   \
    } while (0)

// Runs an entry point's body inside the runtime's call gate, turning exceptions into status
// codes. `needsOpen`: refuse when no backend is open.
template <typename Body>
int32_t Guarded(const char *entry, Body &&body, bool needsOpen = true) noexcept {
    try {
        RuntimeState &runtime = Runtime();
        CallGate::Call call(runtime.gate);
        if (needsOpen && runtime.openCount == 0) {
            return Fail(AGJ_ERR_STATE, std::string(entry) + ": the runtime is not open (call agj_runtime_open first)");
        }
        tLastCallFailed = false;
        return body();
    } catch (const std::bad_alloc &) {
        return Fail(AGJ_ERR_INTERNAL, std::string(entry) + ": out of host memory");
    } catch (const std::exception &error) {
        return Fail(AGJ_ERR_INTERNAL, std::string(entry) + ": " + error.what());
    } catch (...) {
        return Fail(AGJ_ERR_INTERNAL, std::string(entry) + ": unexpected failure");
    }
}

template <typename T>
Found<T> Find(int64_t handle, int32_t kind) {
    return Found<T>(Runtime().handles.find(handle, kind));
}

int32_t BadHandle(const char *entry, const char *role, int64_t handle, int32_t expectedKind) {
    HandleTable::Lookup any = Runtime().handles.find(handle, 0);
    std::string message = std::string(entry) + ": " + role + " handle " + std::to_string(handle);
    if (handle == 0) {
        message += " is null";
    } else if (any) {
        message += " names a " + std::string(KindName(any.get()->kind())) + ", not a " + KindName(expectedKind);
    } else {
        message += " is not live (already released, or never created by this runtime)";
    }
    return Fail(AGJ_ERR_INVALID_HANDLE, message);
}

#define AGJ_FIND(Type, variable, handle, kind, role)                         \
    auto variable = Find<Type>((handle), (kind));                            \
    if (!variable) {                                                         \
        return BadHandle(entry, (role), (handle), (kind));                   \
    }

#define AGJ_REQUIRE_OUT(pointer)                                                            \
    if ((pointer) == nullptr) {                                                             \
        return Fail(AGJ_ERR_INVALID_ARGUMENT, std::string(entry) + ": " #pointer " is null"); \
    }

inline void SpinPause() {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    asm volatile("yield" ::: "memory");
#endif
}

int32_t InvalidArgument(const char *entry, const std::string &why) {
    return Fail(AGJ_ERR_INVALID_ARGUMENT, std::string(entry) + ": " + why);
}

int64_t Publish(ObjectRef object) { return Runtime().handles.insert(std::move(object)); }

// Byte size of the element types the shim can describe.
int64_t ElementSize(int32_t dataType) {
    switch (dataType) {
    case ACL_FLOAT: case ACL_INT32: case ACL_UINT32: return 4;
    case ACL_FLOAT16: case ACL_BF16: case ACL_INT16: case ACL_UINT16: return 2;
    case ACL_INT8: case ACL_UINT8: case ACL_BOOL: return 1;
    case ACL_INT64: case ACL_UINT64: case ACL_DOUBLE: case ACL_COMPLEX64: return 8;
    case ACL_COMPLEX128: return 16;
    default: return 0;
    }
}

bool IsFloating(int32_t dataType) {
    return dataType == ACL_FLOAT || dataType == ACL_FLOAT16 || dataType == ACL_BF16 || dataType == ACL_DOUBLE ||
           dataType == ACL_COMPLEX64 || dataType == ACL_COMPLEX128;
}

// [offset, offset + bytes) within a buffer of `size` bytes, without overflow.
bool RangeFits(int64_t offset, int64_t bytes, int64_t size) {
    return offset >= 0 && bytes >= 0 && offset <= size && bytes <= size - offset;
}

uint16_t FloatToHalfBits(float value) {
    uint32_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    uint32_t sign = (bits >> 16) & 0x8000u;
    uint32_t exponent = (bits >> 23) & 0xffu;
    uint32_t mantissa = bits & 0x7fffffu;
    if (exponent == 0xff) { // inf or nan
        return static_cast<uint16_t>(sign | 0x7c00u | (mantissa ? 0x200u : 0u));
    }
    int32_t halfExponent = static_cast<int32_t>(exponent) - 127 + 15;
    if (halfExponent >= 0x1f) {
        return static_cast<uint16_t>(sign | 0x7c00u);
    }
    if (halfExponent <= 0) {
        if (halfExponent < -10) {
            return static_cast<uint16_t>(sign);
        }
        mantissa |= 0x800000u;
        uint32_t shift = static_cast<uint32_t>(14 - halfExponent);
        uint32_t half = mantissa >> shift;
        uint32_t remainder = mantissa & ((1u << shift) - 1);
        uint32_t halfway = 1u << (shift - 1);
        if (remainder > halfway || (remainder == halfway && (half & 1u))) {
            ++half;
        }
        return static_cast<uint16_t>(sign | half);
    }
    uint32_t half = (static_cast<uint32_t>(halfExponent) << 10) | (mantissa >> 13);
    uint32_t remainder = mantissa & 0x1fffu;
    if (remainder > 0x1000u || (remainder == 0x1000u && (half & 1u))) {
        ++half; // may carry into the exponent, which rounds up to the next power (or inf): correct
    }
    return static_cast<uint16_t>(sign | half);
}

uint16_t FloatToBf16Bits(float value) {
    uint32_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    if ((bits & 0x7fffffffu) > 0x7f800000u) {
        return static_cast<uint16_t>((bits >> 16) | 0x40u); // quiet nan
    }
    uint32_t rounding = 0x7fffu + ((bits >> 16) & 1u);
    return static_cast<uint16_t>((bits + rounding) >> 16);
}

// Routes the objects a task just issued on `stream` uses into whatever keeps them alive.
void RetainForTask(Stream &stream, std::initializer_list<ObjectRef> objects) {
    for (const auto &object : objects) {
        stream.retainForTask(object);
    }
}

aclrtMemcpyKind CopyKind(const Buffer &dst, const Buffer &src) {
    if (src.isHost()) {
        return dst.isHost() ? ACL_MEMCPY_HOST_TO_HOST : ACL_MEMCPY_HOST_TO_DEVICE;
    }
    return dst.isHost() ? ACL_MEMCPY_DEVICE_TO_HOST : ACL_MEMCPY_DEVICE_TO_DEVICE;
}

} // namespace

RuntimeState &Runtime() {
    static RuntimeState *state = new RuntimeState(); // never destroyed: worker threads may outlive exit
    return *state;
}

std::shared_ptr<CaptureRecord> FindCapture(aclrtStream stream) {
    aclmdlRICaptureStatus status = ACL_MODEL_RI_CAPTURE_STATUS_NONE;
    aclmdlRI model = nullptr;
    if (Api().aclmdlRICaptureGetInfo(stream, &status, &model) != ACL_SUCCESS ||
        status == ACL_MODEL_RI_CAPTURE_STATUS_NONE || model == nullptr) {
        return nullptr;
    }
    std::lock_guard lock(Runtime().capturesMutex);
    auto found = Runtime().captures.find(model);
    return found == Runtime().captures.end() ? nullptr : found->second;
}

void ForgetEndedCaptures() {
    RuntimeState &runtime = Runtime();
    if (runtime.activeCaptures.load(std::memory_order_acquire) == 0) {
        return;
    }
    std::vector<std::pair<aclmdlRI, std::shared_ptr<CaptureRecord>>> records;
    {
        std::lock_guard lock(runtime.capturesMutex);
        records.assign(runtime.captures.begin(), runtime.captures.end());
    }
    // Queried outside the lock; the records (and the origin streams) die after it is released.
    for (auto &[model, record] : records) {
        std::shared_ptr<Object> origin = record->origin.lock();
        aclmdlRICaptureStatus status = ACL_MODEL_RI_CAPTURE_STATUS_NONE;
        aclmdlRI current = nullptr;
        bool ended = !origin || (Api().aclmdlRICaptureGetInfo(static_cast<Stream &>(*origin).handle(), &status,
                                                              &current) == ACL_SUCCESS &&
                                 (status == ACL_MODEL_RI_CAPTURE_STATUS_NONE || current != model));
        if (ended) {
            std::lock_guard lock(runtime.capturesMutex);
            auto found = runtime.captures.find(model);
            if (found != runtime.captures.end() && found->second == record) {
                runtime.captures.erase(found);
                runtime.activeCaptures.fetch_sub(1, std::memory_order_release);
            }
        }
    }
}

} // namespace agj

using namespace agj;

extern "C" {

int32_t agj_api_version(void) { return AGJ_API_VERSION; }

const char *agj_last_error_message(void) { return tLastCallFailed ? tLastError.c_str() : ""; }

int64_t agj_live_count(int32_t kind) { return kind >= 0 && kind < AGJ_KIND_COUNT ? LiveCount(kind) : 0; }

const char *agj_live_report(void) {
    try {
        tReport = LiveReport();
    } catch (...) {
        tReport = "(report unavailable: out of memory)";
    }
    return tReport.c_str();
}

// ---- runtime ----

int32_t agj_runtime_open(const char *backend) {
    const char *entry = "agj_runtime_open";
    try {
        RuntimeState &runtime = Runtime();
        CallGate::Exclusive exclusive(runtime.gate);
        std::string name = backend == nullptr || *backend == '\0' ? "sim" : backend;
        if (runtime.openCount > 0) {
            if (name != runtime.backendName) {
                return Fail(AGJ_ERR_STATE, std::string(entry) + ": the runtime is already open with backend '" +
                                               runtime.backendName + "'; close it before opening backend '" + name + "'");
            }
            ++runtime.openCount;
            return AGJ_OK;
        }
        LoadedBackend loaded;
        std::string error;
        if (!LoadBackend(name, loaded, error)) {
            return Fail(AGJ_ERR_BACKEND, std::string(entry) + ": " + error);
        }
        runtime.backend = loaded;
        aclError status = runtime.backend.api.aclInit(nullptr);
        if (status != ACL_SUCCESS && status != ACL_ERROR_REPEAT_INITIALIZE) {
            return AclFail("aclInit", status);
        }
        runtime.backendName = name;
        runtime.openCount = 1;
        tLastCallFailed = false;
        return AGJ_OK;
    } catch (const std::exception &error) {
        return Fail(AGJ_ERR_INTERNAL, std::string(entry) + ": " + error.what());
    }
}

int32_t agj_runtime_close(void) {
    const char *entry = "agj_runtime_close";
    try {
        RuntimeState &runtime = Runtime();
        CallGate::Exclusive exclusive(runtime.gate);
        if (runtime.openCount == 0) {
            return Fail(AGJ_ERR_STATE, std::string(entry) + ": the runtime is not open");
        }
        if (--runtime.openCount > 0) {
            return AGJ_OK;
        }
        // Release every object the caller still holds. Dependencies keep the right order: a
        // model dies before what it retains, a stream drains before its buffers go.
        {
            runtime.gate.runAllDeferred(); // drops released objects calls were still using
            std::vector<ObjectRef> remaining = runtime.handles.removeAll();
            // Models and executors first, then the rest, so captures release their objects.
            for (int32_t kind : {AGJ_KIND_TASK_GROUP, AGJ_KIND_MODEL, AGJ_KIND_EXECUTOR, AGJ_KIND_EVENT,
                                 AGJ_KIND_STREAM}) {
                for (auto &object : remaining) {
                    if (object && object->kind() == kind) {
                        object.reset();
                    }
                }
            }
            remaining.clear();
        }
        {
            // Records die outside the lock: what they keep may include devices, whose
            // destructors look at the captures again.
            decltype(runtime.captures) captures;
            {
                std::lock_guard lock(runtime.capturesMutex);
                captures.swap(runtime.captures);
                runtime.activeCaptures.store(0);
            }
        }
        aclError status = runtime.backend.api.aclFinalize();
        runtime.backendName.clear();
        if (status != ACL_SUCCESS && status != ACL_ERROR_REPEAT_FINALIZE) {
            return AclFail("aclFinalize", status);
        }
        return AGJ_OK;
    } catch (const std::exception &error) {
        return Fail(AGJ_ERR_INTERNAL, std::string(entry) + ": " + error.what());
    }
}

const char *agj_runtime_backend_description(void) {
    RuntimeState &runtime = Runtime();
    CallGate::Call call(runtime.gate);
    tReport = runtime.openCount > 0 ? runtime.backend.description : "";
    return tReport.c_str();
}

int32_t agj_device_count(int32_t *countOut) {
    const char *entry = "agj_device_count";
    return Guarded(entry, [&]() -> int32_t {
        AGJ_REQUIRE_OUT(countOut);
        uint32_t count = 0;
        AGJ_ACL_CHECK("aclrtGetDeviceCount", Api().aclrtGetDeviceCount(&count));
        *countOut = static_cast<int32_t>(count);
        return AGJ_OK;
    });
}

// ---- objects ----

static int32_t WaitForStream(const char *entry, Stream &s, int32_t timeoutMs, bool &drained,
                             const Object *alsoHeld = nullptr);
static void MarkReplaysBeforeCapture(Stream &s);

// Waits for the work in flight on a stream about to be released, unless it captures (then the
// release ends the capture). What the wait reports is the stream's, not the release's.
static void WaitBeforeRelease(const char *entry, Stream &s) {
    aclmdlRICaptureStatus capturing = ACL_MODEL_RI_CAPTURE_STATUS_NONE;
    if (s.device()->makeCurrent() == ACL_SUCCESS &&
        Api().aclmdlRICaptureGetInfo(s.handle(), &capturing, nullptr) == ACL_SUCCESS &&
        capturing == ACL_MODEL_RI_CAPTURE_STATUS_NONE) {
        bool drained = false;
        WaitForStream(entry, s, -1, drained);
    }
    DiscardRecentErrors();
}

int32_t agj_release(int64_t handle) {
    const char *entry = "agj_release";
    return Guarded(entry, [&]() -> int32_t {
        std::shared_ptr<Stream> stream; // kept for the wait below: the drop may run at once
        if (auto found = Find<Stream>(handle, AGJ_KIND_STREAM)) {
            stream = found.shared();
        }
        // Destroyed now unless a model, a task in flight, a dependant or a call on another thread
        // still uses it.
        if (!Runtime().handles.remove(handle)) {
            return Fail(AGJ_ERR_INVALID_HANDLE, std::string(entry) + ": handle " + std::to_string(handle) +
                                                    " is not live (released twice?)");
        }
        if (stream) {
            // A stream's release waits for the work issued to it, here, also when another thread's
            // synchronisation of it holds up the drop (which then runs when that call ends).
            WaitBeforeRelease(entry, *stream);
        }
        return AGJ_OK;
    });
}

int32_t agj_handle_kind(int64_t handle) {
    CallGate::Call call(Runtime().gate); // what the lookup finds stays alive until the call ends
    HandleTable::Lookup object = Runtime().handles.find(handle, 0);
    return object ? object.get()->kind() : 0;
}

// ---- devices and streams ----

int32_t agj_device_open(int32_t deviceId, int64_t *deviceOut) {
    const char *entry = "agj_device_open";
    return Guarded(entry, [&]() -> int32_t {
        AGJ_REQUIRE_OUT(deviceOut);
        const AclApi &api = Api();
        uint32_t count = 0;
        AGJ_ACL_CHECK("aclrtGetDeviceCount", api.aclrtGetDeviceCount(&count));
        if (deviceId < 0 || static_cast<uint32_t>(deviceId) >= count) {
            return InvalidArgument(entry, "device id " + std::to_string(deviceId) + " is out of range: this backend has " +
                                              std::to_string(count) + " device(s), numbered from 0");
        }
        AGJ_ACL_CHECK("aclrtSetDevice", api.aclrtSetDevice(deviceId));
        aclrtContext context = nullptr;
        if (aclError status = api.aclrtGetCurrentContext(&context); status != ACL_SUCCESS) {
            api.aclrtResetDevice(deviceId);
            return AclFail("aclrtGetCurrentContext", status);
        }
        *deviceOut = Publish(std::make_shared<Device>(deviceId, context));
        return AGJ_OK;
    });
}

int32_t agj_device_synchronize(int64_t device) {
    const char *entry = "agj_device_synchronize";
    return Guarded(entry, [&]() -> int32_t {
        AGJ_FIND(Device, dev, device, AGJ_KIND_DEVICE, "device");
        AGJ_ACL_CHECK("aclrtSetCurrentContext", dev->makeCurrent());
        CallGate::Wait wait(Runtime().gate, {dev.get()}); // releases of other objects need not wait for it
        AGJ_ACL_CHECK("aclrtSynchronizeDevice", Api().aclrtSynchronizeDevice());
        return AGJ_OK;
    });
}

int32_t agj_stream_create(int64_t device, int64_t *streamOut) {
    const char *entry = "agj_stream_create";
    return Guarded(entry, [&]() -> int32_t {
        AGJ_REQUIRE_OUT(streamOut);
        AGJ_FIND(Device, dev, device, AGJ_KIND_DEVICE, "device");
        AGJ_ACL_CHECK("aclrtSetCurrentContext", dev->makeCurrent());
        aclrtStream stream = nullptr;
        AGJ_ACL_CHECK("aclrtCreateStream", Api().aclrtCreateStream(&stream));
        *streamOut = Publish(std::make_shared<Stream>(dev, stream));
        return AGJ_OK;
    });
}

// Waits for the stream (timeoutMs -1: forever), then drops what its finished tasks kept alive.
// `drained`: whether the stream's work is over (also when a task failed, which ends it). The
// caller uses no object it found other than `s` and `alsoHeld` from here on.
static int32_t WaitForStream(const char *entry, Stream &s, int32_t timeoutMs, bool &drained,
                             const Object *alsoHeld) {
    drained = false;
    const AclApi &api = Api();
    uint64_t mark = s.inFlightMark(); // only what was issued before the synchronisation is done
    // Releases of other objects on other threads need not wait for this synchronisation.
    CallGate::Wait wait(Runtime().gate, {&s, alsoHeld});
    aclError status;
    if (timeoutMs == -1) {
        status = api.aclrtSynchronizeStream(s.handle());
    } else {
        if (timeoutMs <= 0) {
            return InvalidArgument(entry, "timeout must be -1 (forever) or a positive number of milliseconds, not " +
                                              std::to_string(timeoutMs));
        }
        if (api.aclrtSynchronizeStreamWithTimeout == nullptr) {
            return Fail(AGJ_ERR_BACKEND, std::string(entry) + ": the backend lacks aclrtSynchronizeStreamWithTimeout");
        }
        status = api.aclrtSynchronizeStreamWithTimeout(s.handle(), timeoutMs);
    }
    // The stream drained (or reported a failed task, which ends its work): drop what its tasks
    // kept alive. Refused while capturing, or timed out: tasks may still run, keep everything.
    drained = status == ACL_SUCCESS || (status >= 500000 && status != ACL_ERROR_RT_STREAM_SYNC_TIMEOUT);
    if (drained) {
        s.releaseCompleted(mark);
    }
    if (status != ACL_SUCCESS) {
        return AclFail(timeoutMs == -1 ? "aclrtSynchronizeStream" : "aclrtSynchronizeStreamWithTimeout", status);
    }
    return AGJ_OK;
}

static int32_t SynchronizeStream(const char *entry, int64_t stream, int32_t timeoutMs) {
    AGJ_FIND(Stream, s, stream, AGJ_KIND_STREAM, "stream");
    AGJ_ACL_CHECK("aclrtSetCurrentContext", s->device()->makeCurrent());
    bool drained = false;
    return WaitForStream(entry, *s, timeoutMs, drained);
}

int32_t agj_stream_synchronize(int64_t stream) {
    const char *entry = "agj_stream_synchronize";
    return Guarded(entry, [&]() -> int32_t { return SynchronizeStream(entry, stream, -1); });
}

int32_t agj_stream_synchronize_timeout(int64_t stream, int32_t timeoutMs) {
    const char *entry = "agj_stream_synchronize_timeout";
    return Guarded(entry, [&]() -> int32_t { return SynchronizeStream(entry, stream, timeoutMs); });
}

int32_t agj_stream_query(int64_t stream, int32_t *completeOut) {
    const char *entry = "agj_stream_query";
    return Guarded(entry, [&]() -> int32_t {
        AGJ_REQUIRE_OUT(completeOut);
        AGJ_FIND(Stream, s, stream, AGJ_KIND_STREAM, "stream");
        AGJ_ACL_CHECK("aclrtSetCurrentContext", s->device()->makeCurrent());
        aclrtStreamStatus status = ACL_STREAM_STATUS_NOT_READY;
        uint64_t mark = s->inFlightMark();
        AGJ_ACL_CHECK("aclrtStreamQuery", Api().aclrtStreamQuery(s->handle(), &status));
        *completeOut = status == ACL_STREAM_STATUS_COMPLETE ? 1 : 0;
        if (*completeOut) {
            s->releaseCompleted(mark);
        }
        return AGJ_OK;
    });
}

// ---- memory ----

int32_t agj_device_buffer_alloc(int64_t device, int64_t bytes, int64_t *bufferOut) {
    const char *entry = "agj_device_buffer_alloc";
    return Guarded(entry, [&]() -> int32_t {
        AGJ_REQUIRE_OUT(bufferOut);
        AGJ_FIND(Device, dev, device, AGJ_KIND_DEVICE, "device");
        if (bytes <= 0) {
            return InvalidArgument(entry, "size must be positive, not " + std::to_string(bytes));
        }
        AGJ_ACL_CHECK("aclrtSetCurrentContext", dev->makeCurrent());
        void *address = nullptr;
        AGJ_ACL_CHECK("aclrtMalloc", Api().aclrtMalloc(&address, static_cast<size_t>(bytes), ACL_MEM_MALLOC_HUGE_FIRST));
        *bufferOut = Publish(std::make_shared<Buffer>(AGJ_KIND_DEVICE_BUFFER, dev, address, bytes));
        return AGJ_OK;
    });
}

int32_t agj_host_buffer_alloc(int64_t device, int64_t bytes, int64_t *bufferOut, int64_t *addressOut) {
    const char *entry = "agj_host_buffer_alloc";
    return Guarded(entry, [&]() -> int32_t {
        AGJ_REQUIRE_OUT(bufferOut);
        AGJ_REQUIRE_OUT(addressOut);
        AGJ_FIND(Device, dev, device, AGJ_KIND_DEVICE, "device");
        if (bytes <= 0) {
            return InvalidArgument(entry, "size must be positive, not " + std::to_string(bytes));
        }
        AGJ_ACL_CHECK("aclrtSetCurrentContext", dev->makeCurrent());
        void *address = nullptr;
        AGJ_ACL_CHECK("aclrtMallocHost", Api().aclrtMallocHost(&address, static_cast<size_t>(bytes)));
        *bufferOut = Publish(std::make_shared<Buffer>(AGJ_KIND_HOST_BUFFER, dev, address, bytes));
        *addressOut = static_cast<int64_t>(reinterpret_cast<uintptr_t>(address));
        return AGJ_OK;
    });
}

static Found<Buffer> FindBuffer(int64_t handle) {
    int32_t kind = HandleTable::KindOf(handle);
    if (kind != AGJ_KIND_DEVICE_BUFFER && kind != AGJ_KIND_HOST_BUFFER) {
        return {};
    }
    return Find<Buffer>(handle, kind);
}

#define AGJ_FIND_BUFFER(variable, handle, role)                                \
    auto variable = FindBuffer(handle);                                        \
    if (!variable) {                                                           \
        return BadHandle(entry, (role), (handle), AGJ_KIND_DEVICE_BUFFER);     \
    }

int32_t agj_buffer_size(int64_t buffer, int64_t *bytesOut) {
    const char *entry = "agj_buffer_size";
    return Guarded(entry, [&]() -> int32_t {
        AGJ_REQUIRE_OUT(bytesOut);
        AGJ_FIND_BUFFER(b, buffer, "buffer");
        *bytesOut = b->bytes();
        return AGJ_OK;
    });
}

static int32_t CheckCopy(const char *entry, const Buffer &dst, int64_t dstOffset, const Buffer &src,
                         int64_t srcOffset, int64_t bytes) {
    if (!RangeFits(dstOffset, bytes, dst.bytes())) {
        return InvalidArgument(entry, "destination range [" + std::to_string(dstOffset) + ", +" + std::to_string(bytes) +
                                          ") does not fit its buffer of " + std::to_string(dst.bytes()) + " bytes");
    }
    if (!RangeFits(srcOffset, bytes, src.bytes())) {
        return InvalidArgument(entry, "source range [" + std::to_string(srcOffset) + ", +" + std::to_string(bytes) +
                                          ") does not fit its buffer of " + std::to_string(src.bytes()) + " bytes");
    }
    return AGJ_OK;
}

int32_t agj_memcpy_async(int64_t stream, int64_t dst, int64_t dstOffset, int64_t src, int64_t srcOffset,
                         int64_t bytes) {
    const char *entry = "agj_memcpy_async";
    return Guarded(entry, [&]() -> int32_t {
        AGJ_FIND(Stream, s, stream, AGJ_KIND_STREAM, "stream");
        AGJ_FIND_BUFFER(d, dst, "destination");
        AGJ_FIND_BUFFER(from, src, "source");
        if (int32_t status = CheckCopy(entry, *d, dstOffset, *from, srcOffset, bytes); status != AGJ_OK) {
            return status;
        }
        AGJ_ACL_CHECK("aclrtSetCurrentContext", s->device()->makeCurrent());
        auto *target = static_cast<char *>(d->address()) + dstOffset;
        auto *source = static_cast<const char *>(from->address()) + srcOffset;
        AGJ_ACL_CHECK("aclrtMemcpyAsync", Api().aclrtMemcpyAsync(target, static_cast<size_t>(d->bytes() - dstOffset), source,
                                                                 static_cast<size_t>(bytes), CopyKind(*d, *from), s->handle()));
        RetainForTask(*s, {d, from});
        return AGJ_OK;
    });
}

int32_t agj_memcpy(int64_t dst, int64_t dstOffset, int64_t src, int64_t srcOffset, int64_t bytes) {
    const char *entry = "agj_memcpy";
    return Guarded(entry, [&]() -> int32_t {
        AGJ_FIND_BUFFER(d, dst, "destination");
        AGJ_FIND_BUFFER(from, src, "source");
        if (int32_t status = CheckCopy(entry, *d, dstOffset, *from, srcOffset, bytes); status != AGJ_OK) {
            return status;
        }
        const auto &device = d->isHost() ? from->device() : d->device();
        AGJ_ACL_CHECK("aclrtSetCurrentContext", device->makeCurrent());
        auto *target = static_cast<char *>(d->address()) + dstOffset;
        auto *source = static_cast<const char *>(from->address()) + srcOffset;
        AGJ_ACL_CHECK("aclrtMemcpy", Api().aclrtMemcpy(target, static_cast<size_t>(d->bytes() - dstOffset), source,
                                                       static_cast<size_t>(bytes), CopyKind(*d, *from)));
        return AGJ_OK;
    });
}

int32_t agj_memset_async(int64_t stream, int64_t buffer, int64_t offset, int32_t value, int64_t bytes) {
    const char *entry = "agj_memset_async";
    return Guarded(entry, [&]() -> int32_t {
        AGJ_FIND(Stream, s, stream, AGJ_KIND_STREAM, "stream");
        AGJ_FIND_BUFFER(b, buffer, "buffer");
        if (!RangeFits(offset, bytes, b->bytes())) {
            return InvalidArgument(entry, "range does not fit the buffer of " + std::to_string(b->bytes()) + " bytes");
        }
        AGJ_ACL_CHECK("aclrtSetCurrentContext", s->device()->makeCurrent());
        auto *target = static_cast<char *>(b->address()) + offset;
        AGJ_ACL_CHECK("aclrtMemsetAsync", Api().aclrtMemsetAsync(target, static_cast<size_t>(b->bytes() - offset), value,
                                                                 static_cast<size_t>(bytes), s->handle()));
        RetainForTask(*s, {b});
        return AGJ_OK;
    });
}

int32_t agj_memset(int64_t buffer, int64_t offset, int32_t value, int64_t bytes) {
    const char *entry = "agj_memset";
    return Guarded(entry, [&]() -> int32_t {
        AGJ_FIND_BUFFER(b, buffer, "buffer");
        if (!RangeFits(offset, bytes, b->bytes())) {
            return InvalidArgument(entry, "range does not fit the buffer of " + std::to_string(b->bytes()) + " bytes");
        }
        AGJ_ACL_CHECK("aclrtSetCurrentContext", b->device()->makeCurrent());
        auto *target = static_cast<char *>(b->address()) + offset;
        AGJ_ACL_CHECK("aclrtMemset", Api().aclrtMemset(target, static_cast<size_t>(b->bytes() - offset), value,
                                                       static_cast<size_t>(bytes)));
        return AGJ_OK;
    });
}

// ---- tensors and scalars ----

int32_t agj_tensor_create(int64_t buffer, int32_t dataType, const int64_t *dims, int32_t rank, const int64_t *strides,
                          int64_t offset, int64_t *tensorOut) {
    const char *entry = "agj_tensor_create";
    return Guarded(entry, [&]() -> int32_t {
        AGJ_REQUIRE_OUT(tensorOut);
        AGJ_FIND(Buffer, b, buffer, AGJ_KIND_DEVICE_BUFFER, "device buffer");
        int64_t elementSize = ElementSize(dataType);
        if (elementSize == 0) {
            return InvalidArgument(entry, "data type " + std::to_string(dataType) + " is not supported for tensors");
        }
        if (rank < 0 || rank > 8) {
            return InvalidArgument(entry, "rank must be between 0 and 8, not " + std::to_string(rank));
        }
        if (rank > 0 && dims == nullptr) {
            return InvalidArgument(entry, "dims is null");
        }
        if (offset < 0) {
            return InvalidArgument(entry, "offset must not be negative, not " + std::to_string(offset));
        }
        std::vector<int64_t> shape(dims, dims + rank);
        std::vector<int64_t> steps(static_cast<size_t>(rank));
        bool empty = false;
        for (int32_t i = rank - 1; i >= 0; --i) {
            if (shape[i] < 0) {
                return InvalidArgument(entry, "dimension " + std::to_string(i) + " is negative (" + std::to_string(shape[i]) + ")");
            }
            empty = empty || shape[i] == 0;
        }
        // Contiguous strides unless given; then the last element's index bounds the extent.
        int64_t running = 1;
        for (int32_t i = rank - 1; i >= 0; --i) {
            steps[i] = strides != nullptr ? strides[i] : running;
            if (steps[i] < 0) {
                return InvalidArgument(entry, "stride " + std::to_string(i) + " is negative (" + std::to_string(steps[i]) + ")");
            }
            if (__builtin_mul_overflow(running, std::max<int64_t>(shape[i], 1), &running)) {
                return InvalidArgument(entry, "the shape's element count overflows");
            }
        }
        int64_t lastIndex = offset;
        if (!empty) {
            for (int32_t i = 0; i < rank; ++i) {
                int64_t reach;
                if (__builtin_mul_overflow(shape[i] - 1, steps[i], &reach) || __builtin_add_overflow(lastIndex, reach, &lastIndex)) {
                    return InvalidArgument(entry, "the view's extent overflows");
                }
            }
        }
        int64_t endByte;
        if (__builtin_add_overflow(lastIndex, 1, &endByte) || __builtin_mul_overflow(endByte, elementSize, &endByte)) {
            return InvalidArgument(entry, "the view's extent overflows (its last element is at index " +
                                              std::to_string(lastIndex) + ")");
        }
        if (!empty && endByte > b->bytes()) {
            return InvalidArgument(entry, "the view needs " + std::to_string(lastIndex + 1) + " elements of " +
                                              std::to_string(elementSize) + " bytes but its buffer holds " +
                                              std::to_string(b->bytes()) + " bytes");
        }
        int64_t storage = b->bytes() / elementSize;
        aclTensor *tensor = Api().aclCreateTensor(shape.data(), static_cast<uint64_t>(rank), static_cast<aclDataType>(dataType),
                                                  steps.data(), offset, ACL_FORMAT_ND, &storage, 1, b->address());
        if (tensor == nullptr) {
            return AclFail("aclCreateTensor", ACL_ERROR_INVALID_PARAM);
        }
        *tensorOut = Publish(std::make_shared<Tensor>(b, tensor, dataType, std::move(shape)));
        return AGJ_OK;
    });
}

static int32_t CreateScalar(const char *entry, int32_t dataType, double real, int64_t integral, bool fromDouble,
                            int64_t *scalarOut) {
    AGJ_REQUIRE_OUT(scalarOut);
    alignas(16) unsigned char value[16] = {};
    auto put = [&value](auto typed) { std::memcpy(value, &typed, sizeof typed); };
    double asDouble = fromDouble ? real : static_cast<double>(integral);
    int64_t asLong = integral;
    if (fromDouble && ElementSize(dataType) != 0 && !IsFloating(dataType) && dataType != ACL_BOOL) {
        if (!std::isfinite(real) || std::trunc(real) != real) {
            return InvalidArgument(entry, "value " + std::to_string(real) + " is not an integer, as data type " +
                                              std::to_string(dataType) + " needs");
        }
        // Converting a double outside the target range is undefined behaviour: refuse it. Values
        // within 64 bits wrap into narrower types like agj_scalar_create_long's.
        constexpr double kTwo63 = 9223372036854775808.0;
        if (real >= -kTwo63 && real < kTwo63) {
            asLong = static_cast<int64_t>(real);
        } else if (dataType == ACL_UINT64 && real >= 0.0 && real < 2.0 * kTwo63) {
            asLong = static_cast<int64_t>(static_cast<uint64_t>(real));
        } else {
            return InvalidArgument(entry, "value " + std::to_string(real) +
                                              " is out of the 64-bit integer range of data type " +
                                              std::to_string(dataType));
        }
    }
    switch (dataType) {
    case ACL_FLOAT: put(static_cast<float>(asDouble)); break;
    case ACL_DOUBLE: put(asDouble); break;
    case ACL_FLOAT16: put(FloatToHalfBits(static_cast<float>(asDouble))); break;
    case ACL_BF16: put(FloatToBf16Bits(static_cast<float>(asDouble))); break;
    case ACL_COMPLEX64: { float parts[2] = {static_cast<float>(asDouble), 0.0f}; std::memcpy(value, parts, sizeof parts); break; }
    case ACL_COMPLEX128: { double parts[2] = {asDouble, 0.0}; std::memcpy(value, parts, sizeof parts); break; }
    case ACL_INT8: put(static_cast<int8_t>(asLong)); break;
    case ACL_UINT8: put(static_cast<uint8_t>(asLong)); break;
    case ACL_INT16: put(static_cast<int16_t>(asLong)); break;
    case ACL_UINT16: put(static_cast<uint16_t>(asLong)); break;
    case ACL_INT32: put(static_cast<int32_t>(asLong)); break;
    case ACL_UINT32: put(static_cast<uint32_t>(asLong)); break;
    case ACL_INT64: put(asLong); break;
    case ACL_UINT64: put(static_cast<uint64_t>(asLong)); break;
    case ACL_BOOL: put(static_cast<uint8_t>(fromDouble ? real != 0.0 : integral != 0)); break;
    default:
        return InvalidArgument(entry, "data type " + std::to_string(dataType) + " is not supported for scalars");
    }
    aclScalar *scalar = Api().aclCreateScalar(value, static_cast<aclDataType>(dataType));
    if (scalar == nullptr) {
        return AclFail("aclCreateScalar", ACL_ERROR_INVALID_PARAM);
    }
    std::string text = fromDouble ? std::to_string(real) : std::to_string(integral);
    *scalarOut = Publish(std::make_shared<Scalar>(scalar, dataType, text));
    return AGJ_OK;
}

int32_t agj_scalar_create_double(int32_t dataType, double value, int64_t *scalarOut) {
    const char *entry = "agj_scalar_create_double";
    return Guarded(entry, [&]() -> int32_t { return CreateScalar(entry, dataType, value, 0, true, scalarOut); });
}

int32_t agj_scalar_create_long(int32_t dataType, int64_t value, int64_t *scalarOut) {
    const char *entry = "agj_scalar_create_long";
    return Guarded(entry, [&]() -> int32_t { return CreateScalar(entry, dataType, 0.0, value, false, scalarOut); });
}

// ---- operators ----

int32_t agj_executor_prepare(int32_t op, int64_t self, int64_t other, int64_t alpha, int64_t out, int32_t flags,
                             int64_t *executorOut) {
    const char *entry = "agj_executor_prepare";
    return Guarded(entry, [&]() -> int32_t {
        AGJ_REQUIRE_OUT(executorOut);
        if ((flags & ~AGJ_EXECUTOR_REPEATABLE) != 0) {
            return InvalidArgument(entry, "unknown flags " + std::to_string(flags));
        }
        AGJ_FIND(Tensor, selfTensor, self, AGJ_KIND_TENSOR, "self");
        AGJ_FIND(Scalar, alphaScalar, alpha, AGJ_KIND_SCALAR, "alpha");
        const AclApi &api = Api();
        auto device = selfTensor->buffer()->device();
        AGJ_ACL_CHECK("aclrtSetCurrentContext", device->makeCurrent());
        uint64_t workspaceBytes = 0;
        aclOpExecutor *executor = nullptr;
        std::vector<ObjectRef> operands{selfTensor, alphaScalar};
        LaunchFn launch = nullptr;
        const char *call = nullptr;
        aclnnStatus status = 0;
        switch (op) {
        case AGJ_OP_ADD:
        case AGJ_OP_ADDS: {
            AGJ_FIND(Tensor, outTensor, out, AGJ_KIND_TENSOR, "out");
            operands.push_back(outTensor);
            if (op == AGJ_OP_ADD) {
                AGJ_FIND(Tensor, otherTensor, other, AGJ_KIND_TENSOR, "other");
                operands.push_back(otherTensor);
                call = "aclnnAddGetWorkspaceSize";
                status = api.aclnnAddGetWorkspaceSize(selfTensor->handle(), otherTensor->handle(), alphaScalar->handle(),
                                                      outTensor->handle(), &workspaceBytes, &executor);
                launch = api.aclnnAdd;
            } else {
                AGJ_FIND(Scalar, otherScalar, other, AGJ_KIND_SCALAR, "other");
                operands.push_back(otherScalar);
                call = "aclnnAddsGetWorkspaceSize";
                status = api.aclnnAddsGetWorkspaceSize(selfTensor->handle(), otherScalar->handle(), alphaScalar->handle(),
                                                       outTensor->handle(), &workspaceBytes, &executor);
                launch = api.aclnnAdds;
            }
            break;
        }
        case AGJ_OP_INPLACE_ADD: {
            AGJ_FIND(Tensor, otherTensor, other, AGJ_KIND_TENSOR, "other");
            operands.push_back(otherTensor);
            call = "aclnnInplaceAddGetWorkspaceSize";
            status = api.aclnnInplaceAddGetWorkspaceSize(selfTensor->handle(), otherTensor->handle(), alphaScalar->handle(),
                                                         &workspaceBytes, &executor);
            launch = api.aclnnInplaceAdd;
            break;
        }
        case AGJ_OP_INPLACE_ADDS: {
            AGJ_FIND(Scalar, otherScalar, other, AGJ_KIND_SCALAR, "other");
            operands.push_back(otherScalar);
            call = "aclnnInplaceAddsGetWorkspaceSize";
            status = api.aclnnInplaceAddsGetWorkspaceSize(selfTensor->handle(), otherScalar->handle(), alphaScalar->handle(),
                                                          &workspaceBytes, &executor);
            launch = api.aclnnInplaceAdds;
            break;
        }
        default:
            return InvalidArgument(entry, "unknown operator " + std::to_string(op));
        }
        if (status != 0 || executor == nullptr) {
            return AclFail(call, status != 0 ? status : ACL_ERROR_INTERNAL_ERROR);
        }
        bool repeatable = (flags & AGJ_EXECUTOR_REPEATABLE) != 0;
        if (repeatable) {
            if (aclnnStatus made = api.aclSetAclOpExecutorRepeatable(executor); made != 0) {
                api.aclDestroyAclOpExecutor(executor);
                return AclFail("aclSetAclOpExecutorRepeatable", made);
            }
        }
        std::shared_ptr<Buffer> workspace;
        if (workspaceBytes > 0) {
            void *address = nullptr;
            if (aclError allocated = api.aclrtMalloc(&address, workspaceBytes, ACL_MEM_MALLOC_HUGE_FIRST);
                allocated != ACL_SUCCESS) {
                api.aclDestroyAclOpExecutor(executor);
                return AclFail("aclrtMalloc (operator workspace)", allocated);
            }
            workspace = std::make_shared<Buffer>(AGJ_KIND_DEVICE_BUFFER, device, address, static_cast<int64_t>(workspaceBytes));
            operands.push_back(workspace);
        }
        auto owned = std::make_shared<Executor>(op, executor, launch, repeatable, workspace, workspaceBytes,
                                                std::move(operands), device);
        *executorOut = Publish(owned);
        return AGJ_OK;
    });
}

int32_t agj_executor_workspace_size(int64_t executor, int64_t *bytesOut) {
    const char *entry = "agj_executor_workspace_size";
    return Guarded(entry, [&]() -> int32_t {
        AGJ_REQUIRE_OUT(bytesOut);
        AGJ_FIND(Executor, ex, executor, AGJ_KIND_EXECUTOR, "executor");
        *bytesOut = static_cast<int64_t>(ex->workspaceBytes());
        return AGJ_OK;
    });
}

int32_t agj_executor_launch(int64_t executor, int64_t stream) {
    const char *entry = "agj_executor_launch";
    return Guarded(entry, [&]() -> int32_t {
        AGJ_FIND(Executor, ex, executor, AGJ_KIND_EXECUTOR, "executor");
        AGJ_FIND(Stream, s, stream, AGJ_KIND_STREAM, "stream");
        if (s->device()->id() != ex->device()->id()) {
            return InvalidArgument(entry, "the executor's tensors are on device " + std::to_string(ex->device()->id()) +
                                              " but the stream is on device " + std::to_string(s->device()->id()));
        }
        if (!ex->claimLaunch()) {
            return Fail(AGJ_ERR_STATE, std::string(entry) +
                                           ": this single-use executor was already launched; prepare a new one for each "
                                           "launch, or prepare it repeatable");
        }
        AGJ_ACL_CHECK("aclrtSetCurrentContext", s->device()->makeCurrent());
        AGJ_ACL_CHECK("aclnn operator launch", ex->launch(s->handle()));
        RetainForTask(*s, {ex});
        return AGJ_OK;
    });
}

// ---- events ----

int32_t agj_event_create(int64_t device, int32_t flags, int64_t *eventOut) {
    const char *entry = "agj_event_create";
    return Guarded(entry, [&]() -> int32_t {
        AGJ_REQUIRE_OUT(eventOut);
        AGJ_FIND(Device, dev, device, AGJ_KIND_DEVICE, "device");
        if (flags < 0) {
            return InvalidArgument(entry, "flags must not be negative");
        }
        AGJ_ACL_CHECK("aclrtSetCurrentContext", dev->makeCurrent());
        const AclApi &api = Api();
        aclrtEvent event = nullptr;
        if (api.aclrtCreateEventExWithFlag != nullptr) {
            AGJ_ACL_CHECK("aclrtCreateEventExWithFlag", api.aclrtCreateEventExWithFlag(&event, static_cast<uint32_t>(flags)));
        } else {
            AGJ_ACL_CHECK("aclrtCreateEventWithFlag", api.aclrtCreateEventWithFlag(&event, static_cast<uint32_t>(flags)));
        }
        *eventOut = Publish(std::make_shared<Event>(dev, event, flags));
        return AGJ_OK;
    });
}

int32_t agj_event_record(int64_t event, int64_t stream) {
    const char *entry = "agj_event_record";
    return Guarded(entry, [&]() -> int32_t {
        AGJ_FIND(Event, e, event, AGJ_KIND_EVENT, "event");
        AGJ_FIND(Stream, s, stream, AGJ_KIND_STREAM, "stream");
        AGJ_ACL_CHECK("aclrtSetCurrentContext", s->device()->makeCurrent());
        AGJ_ACL_CHECK("aclrtRecordEvent", Api().aclrtRecordEvent(e->handle(), s->handle()));
        RetainForTask(*s, {e});
        return AGJ_OK;
    });
}

int32_t agj_stream_wait_event(int64_t stream, int64_t event) {
    const char *entry = "agj_stream_wait_event";
    return Guarded(entry, [&]() -> int32_t {
        AGJ_FIND(Stream, s, stream, AGJ_KIND_STREAM, "stream");
        AGJ_FIND(Event, e, event, AGJ_KIND_EVENT, "event");
        AGJ_ACL_CHECK("aclrtSetCurrentContext", s->device()->makeCurrent());
        MarkReplaysBeforeCapture(*s); // the wait may join the stream to a capture
        AGJ_ACL_CHECK("aclrtStreamWaitEvent", Api().aclrtStreamWaitEvent(s->handle(), e->handle()));
        RetainForTask(*s, {e});
        return AGJ_OK;
    });
}

int32_t agj_event_synchronize(int64_t event) {
    const char *entry = "agj_event_synchronize";
    return Guarded(entry, [&]() -> int32_t {
        AGJ_FIND(Event, e, event, AGJ_KIND_EVENT, "event");
        AGJ_ACL_CHECK("aclrtSetCurrentContext", e->device()->makeCurrent());
        CallGate::Wait wait(Runtime().gate, {e.get()}); // releases of other objects need not wait for it
        AGJ_ACL_CHECK("aclrtSynchronizeEvent", Api().aclrtSynchronizeEvent(e->handle()));
        return AGJ_OK;
    });
}

int32_t agj_event_query(int64_t event, int32_t *completeOut) {
    const char *entry = "agj_event_query";
    return Guarded(entry, [&]() -> int32_t {
        AGJ_REQUIRE_OUT(completeOut);
        AGJ_FIND(Event, e, event, AGJ_KIND_EVENT, "event");
        AGJ_ACL_CHECK("aclrtSetCurrentContext", e->device()->makeCurrent());
        aclrtEventRecordedStatus status = ACL_EVENT_RECORDED_STATUS_NOT_READY;
        AGJ_ACL_CHECK("aclrtQueryEventStatus", Api().aclrtQueryEventStatus(e->handle(), &status));
        *completeOut = status == ACL_EVENT_RECORDED_STATUS_COMPLETE ? 1 : 0;
        return AGJ_OK;
    });
}

// ---- capture and replay ----

// ---- replay order of one model ----

static int32_t CreateReplayEvent(aclrtEvent &event) {
    if (event != nullptr) {
        return AGJ_OK;
    }
    const AclApi &api = Api();
    if (api.aclrtCreateEventExWithFlag != nullptr) {
        AGJ_ACL_CHECK("aclrtCreateEventExWithFlag", api.aclrtCreateEventExWithFlag(&event, ACL_EVENT_SYNC));
    } else {
        AGJ_ACL_CHECK("aclrtCreateEventWithFlag", api.aclrtCreateEventWithFlag(&event, ACL_EVENT_SYNC));
    }
    return AGJ_OK;
}

// Before `s` begins or joins a capture, or begins a task update (after which a record on it would
// not run eagerly), marks the end of the models' replays it holds that no event marks yet.
static void MarkReplaysBeforeCapture(Stream &s) {
    std::vector<std::weak_ptr<Model>> unmarked = s.takeUnmarkedReplays();
    if (unmarked.empty()) {
        return;
    }
    aclmdlRICaptureStatus capturing = ACL_MODEL_RI_CAPTURE_STATUS_NONE;
    if (Api().aclmdlRICaptureGetInfo(s.handle(), &capturing, nullptr) != ACL_SUCCESS ||
        capturing != ACL_MODEL_RI_CAPTURE_STATUS_NONE) {
        DiscardRecentErrors();
        return; // captures already: its earlier replays were marked when it began
    }
    for (const std::weak_ptr<Model> &weak : unmarked) {
        std::shared_ptr<Model> m = weak.lock();
        if (!m) {
            continue;
        }
        Model::ReplayOrder &order = m->replayOrder();
        std::lock_guard lock(order.mutex);
        if (order.previousRecorded || order.previousStreamId != &s || CreateReplayEvent(order.previousDone) != AGJ_OK) {
            continue;
        }
        if (Api().aclrtRecordEvent(order.previousDone, s.handle()) == ACL_SUCCESS) {
            order.previousRecorded = true;
            RetainForTask(s, {m});
        }
    }
    DiscardRecentErrors(); // a failure here is the later replay's to report
}

// Issues the replay on `s` ordered after the model's previous replay (Model::ReplayOrder): no host
// wait, only an event the stream waits for when the previous replay went to another stream. A
// model replayed on one stream only costs a lock more than the replay.
static int32_t ExecuteAfterPreviousReplay(const char *entry, const Found<Model> &m, const Found<Stream> &s) {
    const AclApi &api = Api();
    Model::ReplayOrder &order = m->replayOrder();
    std::lock_guard lock(order.mutex);
    if (order.previousStreamId == s.get() && !order.multiStream && !order.previousRecorded) {
        AGJ_ACL_CHECK("aclmdlRIExecuteAsync", api.aclmdlRIExecuteAsync(m->handle(), s->handle()));
        return AGJ_OK;
    }
    std::shared_ptr<Stream> previous = order.previousStream.lock();
    bool switching = previous != nullptr && previous.get() != s.get();
    aclmdlRICaptureStatus capturing = ACL_MODEL_RI_CAPTURE_STATUS_NONE;
    if (api.aclmdlRICaptureGetInfo(s->handle(), &capturing, nullptr) != ACL_SUCCESS ||
        capturing != ACL_MODEL_RI_CAPTURE_STATUS_NONE) {
        // Not an eager replay: the runtime refuses (or records) it; order nothing.
        AGJ_ACL_CHECK("aclmdlRIExecuteAsync", api.aclmdlRIExecuteAsync(m->handle(), s->handle()));
        return AGJ_OK;
    }
    if (switching) {
        if (int32_t status = CreateReplayEvent(order.previousDone); status != AGJ_OK) {
            return status;
        }
        if (!order.previousRecorded) {
            // The first change of stream: mark the end of what the previous stream has queued.
            aclmdlRICaptureStatus previousCapturing = ACL_MODEL_RI_CAPTURE_STATUS_NONE;
            AGJ_ACL_CHECK("aclmdlRICaptureGetInfo",
                          api.aclmdlRICaptureGetInfo(previous->handle(), &previousCapturing, nullptr));
            if (previousCapturing != ACL_MODEL_RI_CAPTURE_STATUS_NONE) {
                return Fail(AGJ_ERR_STATE, std::string(entry) +
                                               ": the model's previous replay went to a stream that captures now, so "
                                               "this replay cannot be ordered after it: synchronize that stream "
                                               "before its capture begins, or replay on it after the capture");
            }
            AGJ_ACL_CHECK("aclrtRecordEvent", api.aclrtRecordEvent(order.previousDone, previous->handle()));
            RetainForTask(*previous, {m.shared()});
        }
        AGJ_ACL_CHECK("aclrtStreamWaitEvent", api.aclrtStreamWaitEvent(s->handle(), order.previousDone));
        order.multiStream = true;
    }
    AGJ_ACL_CHECK("aclmdlRIExecuteAsync", api.aclmdlRIExecuteAsync(m->handle(), s->handle()));
    if (order.previousStreamId != s.get()) {
        order.previousStream = s.shared();
        order.previousStreamId = s.get();
    }
    order.previousRecorded = false;
    if (order.multiStream &&
        api.aclrtRecordEvent(order.previousDone, s->handle()) == ACL_SUCCESS) {
        order.previousRecorded = true;
        return AGJ_OK;
    }
    DiscardRecentErrors();
    s->noteUnmarkedReplay(m.shared()); // marked when `s` begins a capture, if no replay elsewhere does first
    return AGJ_OK;
}

int32_t agj_capture_begin(int64_t stream, int32_t mode) {
    const char *entry = "agj_capture_begin";
    return Guarded(entry, [&]() -> int32_t {
        AGJ_FIND(Stream, s, stream, AGJ_KIND_STREAM, "stream");
        if (mode < ACL_MODEL_RI_CAPTURE_MODE_GLOBAL || mode > ACL_MODEL_RI_CAPTURE_MODE_RELAXED) {
            return InvalidArgument(entry, "capture mode must be 0 (GLOBAL), 1 (THREAD_LOCAL) or 2 (RELAXED), not " +
                                              std::to_string(mode));
        }
        const AclApi &api = Api();
        AGJ_ACL_CHECK("aclrtSetCurrentContext", s->device()->makeCurrent());
        MarkReplaysBeforeCapture(*s);
        AGJ_ACL_CHECK("aclmdlRICaptureBegin", api.aclmdlRICaptureBegin(s->handle(), static_cast<aclmdlRICaptureMode>(mode)));
        aclmdlRICaptureStatus status = ACL_MODEL_RI_CAPTURE_STATUS_NONE;
        aclmdlRI model = nullptr;
        AGJ_ACL_CHECK("aclmdlRICaptureGetInfo", api.aclmdlRICaptureGetInfo(s->handle(), &status, &model));
        auto record = std::make_shared<CaptureRecord>();
        record->model = model;
        record->origin = s.shared();
        std::shared_ptr<CaptureRecord> stale; // an ended capture's record at a reused address; dies unlocked
        std::lock_guard lock(Runtime().capturesMutex);
        std::shared_ptr<CaptureRecord> &slot = Runtime().captures[model];
        stale = std::move(slot);
        slot = record;
        if (!stale) {
            Runtime().activeCaptures.fetch_add(1, std::memory_order_release);
        }
        return AGJ_OK;
    });
}

int32_t agj_capture_end(int64_t stream, int64_t *modelOut) {
    const char *entry = "agj_capture_end";
    return Guarded(entry, [&]() -> int32_t {
        AGJ_REQUIRE_OUT(modelOut);
        *modelOut = 0;
        AGJ_FIND(Stream, s, stream, AGJ_KIND_STREAM, "stream");
        const AclApi &api = Api();
        AGJ_ACL_CHECK("aclrtSetCurrentContext", s->device()->makeCurrent());
        std::shared_ptr<CaptureRecord> record = FindCapture(s->handle());
        aclmdlRI model = nullptr;
        aclError status = api.aclmdlRICaptureEnd(s->handle(), &model);
        auto forget = [&record]() {
            if (record) {
                std::lock_guard lock(Runtime().capturesMutex);
                if (Runtime().captures.erase(record->model) > 0) {
                    Runtime().activeCaptures.fetch_sub(1, std::memory_order_release);
                }
            }
        };
        if (status != ACL_SUCCESS) {
            int32_t code = AclFail("aclmdlRICaptureEnd", status);
            aclmdlRICaptureStatus after = ACL_MODEL_RI_CAPTURE_STATUS_NONE;
            api.aclmdlRICaptureGetInfo(s->handle(), &after, nullptr);
            if (after == ACL_MODEL_RI_CAPTURE_STATUS_NONE) {
                // The stream left capture without giving us the model: it must not leak.
                if (status == ACL_ERROR_RT_STREAM_CAPTURE_WRONG_THREAD && record) {
                    api.aclmdlRIDestroy(record->model);
                }
                forget();
            }
            return code;
        }
        if (!record) {
            // A capture begun outside the shim: adopt it with nothing retained.
            record = std::make_shared<CaptureRecord>();
            record->model = model;
        }
        forget();
        record->model = model;
        *modelOut = Publish(std::make_shared<Model>(s->device(), record));
        return AGJ_OK;
    });
}

int32_t agj_capture_status(int64_t stream, int32_t *statusOut) {
    const char *entry = "agj_capture_status";
    return Guarded(entry, [&]() -> int32_t {
        AGJ_REQUIRE_OUT(statusOut);
        AGJ_FIND(Stream, s, stream, AGJ_KIND_STREAM, "stream");
        AGJ_ACL_CHECK("aclrtSetCurrentContext", s->device()->makeCurrent());
        aclmdlRICaptureStatus status = ACL_MODEL_RI_CAPTURE_STATUS_NONE;
        AGJ_ACL_CHECK("aclmdlRICaptureGetInfo", Api().aclmdlRICaptureGetInfo(s->handle(), &status, nullptr));
        *statusOut = static_cast<int32_t>(status);
        return AGJ_OK;
    });
}

int32_t agj_capture_exchange_mode(int32_t mode, int32_t *previousOut) {
    const char *entry = "agj_capture_exchange_mode";
    return Guarded(entry, [&]() -> int32_t {
        AGJ_REQUIRE_OUT(previousOut);
        if (mode < ACL_MODEL_RI_CAPTURE_MODE_GLOBAL || mode > ACL_MODEL_RI_CAPTURE_MODE_RELAXED) {
            return InvalidArgument(entry, "capture mode must be 0 (GLOBAL), 1 (THREAD_LOCAL) or 2 (RELAXED), not " +
                                              std::to_string(mode));
        }
        aclmdlRICaptureMode exchanged = static_cast<aclmdlRICaptureMode>(mode);
        AGJ_ACL_CHECK("aclmdlRICaptureThreadExchangeMode", Api().aclmdlRICaptureThreadExchangeMode(&exchanged));
        *previousOut = static_cast<int32_t>(exchanged);
        return AGJ_OK;
    });
}

static int32_t RequireOptional(const char *entry, const void *function, const char *name) {
    if (function == nullptr) {
        return Fail(AGJ_ERR_BACKEND, std::string(entry) + ": the backend lacks " + name);
    }
    return AGJ_OK;
}

int32_t agj_capture_task_group_begin(int64_t stream) {
    const char *entry = "agj_capture_task_group_begin";
    return Guarded(entry, [&]() -> int32_t {
        AGJ_FIND(Stream, s, stream, AGJ_KIND_STREAM, "stream");
        const AclApi &api = Api();
        if (int32_t status = RequireOptional(entry, reinterpret_cast<const void *>(api.aclmdlRICaptureTaskGrpBegin),
                                             "aclmdlRICaptureTaskGrpBegin");
            status != AGJ_OK) {
            return status;
        }
        AGJ_ACL_CHECK("aclrtSetCurrentContext", s->device()->makeCurrent());
        AGJ_ACL_CHECK("aclmdlRICaptureTaskGrpBegin", api.aclmdlRICaptureTaskGrpBegin(s->handle()));
        s->setOpenGroup(std::make_shared<Retention>());
        return AGJ_OK;
    });
}

int32_t agj_capture_task_group_end(int64_t stream, int64_t *groupOut) {
    const char *entry = "agj_capture_task_group_end";
    return Guarded(entry, [&]() -> int32_t {
        AGJ_REQUIRE_OUT(groupOut);
        *groupOut = 0;
        AGJ_FIND(Stream, s, stream, AGJ_KIND_STREAM, "stream");
        const AclApi &api = Api();
        if (int32_t status = RequireOptional(entry, reinterpret_cast<const void *>(api.aclmdlRICaptureTaskGrpEnd),
                                             "aclmdlRICaptureTaskGrpEnd");
            status != AGJ_OK) {
            return status;
        }
        AGJ_ACL_CHECK("aclrtSetCurrentContext", s->device()->makeCurrent());
        auto record = FindCapture(s->handle());
        aclrtTaskGrp group = nullptr;
        aclError status = api.aclmdlRICaptureTaskGrpEnd(s->handle(), &group);
        auto objects = s->takeOpenGroup();
        if (status != ACL_SUCCESS) {
            // Keep what the group's kernels use with the capture, so they stay valid.
            if (record && objects) {
                record->objects.replaceWith(*objects); // never drops: objects were only added
            }
            return AclFail("aclmdlRICaptureTaskGrpEnd", status);
        }
        if (!objects) {
            objects = std::make_shared<Retention>();
        }
        if (record) {
            std::lock_guard lock(record->groupsMutex);
            record->groups.push_back(objects);
        }
        *groupOut = Publish(std::make_shared<TaskGroup>(group, record, objects));
        return AGJ_OK;
    });
}

int32_t agj_capture_task_update_begin(int64_t stream, int64_t group) {
    const char *entry = "agj_capture_task_update_begin";
    return Guarded(entry, [&]() -> int32_t {
        AGJ_FIND(Stream, s, stream, AGJ_KIND_STREAM, "stream");
        AGJ_FIND(TaskGroup, g, group, AGJ_KIND_TASK_GROUP, "task group");
        const AclApi &api = Api();
        if (int32_t status = RequireOptional(entry, reinterpret_cast<const void *>(api.aclmdlRICaptureTaskUpdateBegin),
                                             "aclmdlRICaptureTaskUpdateBegin");
            status != AGJ_OK) {
            return status;
        }
        if (!g->record() || g->record()->modelReleased.load()) {
            return Fail(AGJ_ERR_STATE, std::string(entry) + ": the model this task group belongs to was released");
        }
        AGJ_ACL_CHECK("aclrtSetCurrentContext", s->device()->makeCurrent());
        MarkReplaysBeforeCapture(*s);
        AGJ_ACL_CHECK("aclmdlRICaptureTaskUpdateBegin", api.aclmdlRICaptureTaskUpdateBegin(s->handle(), g->handle()));
        s->beginUpdate(g->objects());
        return AGJ_OK;
    });
}

int32_t agj_capture_task_update_end(int64_t stream) {
    const char *entry = "agj_capture_task_update_end";
    return Guarded(entry, [&]() -> int32_t {
        AGJ_FIND(Stream, s, stream, AGJ_KIND_STREAM, "stream");
        const AclApi &api = Api();
        if (int32_t status = RequireOptional(entry, reinterpret_cast<const void *>(api.aclmdlRICaptureTaskUpdateEnd),
                                             "aclmdlRICaptureTaskUpdateEnd");
            status != AGJ_OK) {
            return status;
        }
        AGJ_ACL_CHECK("aclrtSetCurrentContext", s->device()->makeCurrent());
        aclError status = api.aclmdlRICaptureTaskUpdateEnd(s->handle());
        s->endUpdate(status == ACL_SUCCESS);
        if (status != ACL_SUCCESS) {
            return AclFail("aclmdlRICaptureTaskUpdateEnd", status);
        }
        return AGJ_OK;
    });
}

// Queues one replay of the model on the stream; `wait`: then waits for the stream. An
// asynchronous replay keeps the model alive until the stream is next synchronised.
static int32_t ExecuteModel(const char *entry, int64_t model, int64_t stream, bool wait) {
    AGJ_FIND(Model, m, model, AGJ_KIND_MODEL, "model");
    AGJ_FIND(Stream, s, stream, AGJ_KIND_STREAM, "stream");
    if (s->device()->id() != m->device()->id()) {
        return InvalidArgument(entry, "the model was captured on device " + std::to_string(m->device()->id()) +
                                          " but the stream is on device " + std::to_string(s->device()->id()));
    }
    AGJ_ACL_CHECK("aclrtSetCurrentContext", s->device()->makeCurrent());
    if (int32_t status = ExecuteAfterPreviousReplay(entry, m, s); status != AGJ_OK) {
        return status;
    }
    if (!wait) {
        RetainForTask(*s, {m});
        return AGJ_OK;
    }
    // A release during the call is dropped only when the call ends, so the model lives while it
    // waits; once the stream has drained the replay is over. Should the wait end otherwise, keep the model as the asynchronous form does.
    bool drained = false;
    int32_t status = WaitForStream(entry, *s, -1, drained, m.get());
    if (!drained) {
        RetainForTask(*s, {m});
    }
    return status;
}

int32_t agj_model_execute_async(int64_t model, int64_t stream) {
    const char *entry = "agj_model_execute_async";
    return Guarded(entry, [&]() -> int32_t { return ExecuteModel(entry, model, stream, false); });
}

int32_t agj_model_execute(int64_t model, int64_t stream) {
    const char *entry = "agj_model_execute";
    return Guarded(entry, [&]() -> int32_t { return ExecuteModel(entry, model, stream, true); });
}

int32_t agj_model_debug_json(int64_t model, const char *path) {
    const char *entry = "agj_model_debug_json";
    return Guarded(entry, [&]() -> int32_t {
        AGJ_FIND(Model, m, model, AGJ_KIND_MODEL, "model");
        if (path == nullptr || *path == '\0') {
            return InvalidArgument(entry, "path is empty");
        }
        const AclApi &api = Api();
        if (int32_t status = RequireOptional(entry, reinterpret_cast<const void *>(api.aclmdlRIDebugJsonPrint),
                                             "aclmdlRIDebugJsonPrint (CANN 8.3 or later)");
            status != AGJ_OK) {
            return status;
        }
        AGJ_ACL_CHECK("aclrtSetCurrentContext", m->device()->makeCurrent());
        AGJ_ACL_CHECK("aclmdlRIDebugJsonPrint", api.aclmdlRIDebugJsonPrint(m->handle(), path, 0));
        return AGJ_OK;
    });
}

int32_t agj_model_debug_print(int64_t model) {
    const char *entry = "agj_model_debug_print";
    return Guarded(entry, [&]() -> int32_t {
        AGJ_FIND(Model, m, model, AGJ_KIND_MODEL, "model");
        const AclApi &api = Api();
        if (int32_t status = RequireOptional(entry, reinterpret_cast<const void *>(api.aclmdlRIDebugPrint),
                                             "aclmdlRIDebugPrint");
            status != AGJ_OK) {
            return status;
        }
        AGJ_ACL_CHECK("aclrtSetCurrentContext", m->device()->makeCurrent());
        AGJ_ACL_CHECK("aclmdlRIDebugPrint", api.aclmdlRIDebugPrint(m->handle()));
        return AGJ_OK;
    });
}

// ---- simulator only ----

int32_t agj_sim_inject_fault(int32_t point, int64_t skip, int64_t count) {
    const char *entry = "agj_sim_inject_fault";
    return Guarded(entry, [&]() -> int32_t {
        const AclApi &api = Api();
        if (api.aclsimInjectFault == nullptr) {
            return Fail(AGJ_ERR_BACKEND, std::string(entry) + ": fault injection exists only on the simulator backend");
        }
        if (point < 0 || point >= kSimFaultPointCount) {
            return InvalidArgument(entry, "fault point " + std::to_string(point) + " does not exist (0.." +
                                              std::to_string(kSimFaultPointCount - 1) + ")");
        }
        if (skip < 0 || count < 0) {
            return InvalidArgument(entry, "skip and count must not be negative");
        }
        auto faultPoint = static_cast<aclsimFaultPoint>(point);
        AGJ_ACL_CHECK("aclsimInjectFault",
                      api.aclsimInjectFault(faultPoint, static_cast<uint64_t>(skip), static_cast<uint64_t>(count)));
        return AGJ_OK;
    });
}

int32_t agj_sim_clear_faults(void) {
    const char *entry = "agj_sim_clear_faults";
    return Guarded(entry, [&]() -> int32_t {
        const AclApi &api = Api();
        if (api.aclsimClearFaults == nullptr) {
            return Fail(AGJ_ERR_BACKEND, std::string(entry) + ": fault injection exists only on the simulator backend");
        }
        api.aclsimClearFaults();
        return AGJ_OK;
    });
}

// ---- measurement hooks ----

int32_t agj_bench_replay_loop(int64_t model, int64_t stream, int64_t iterations, int64_t *nanosOut) {
    const char *entry = "agj_bench_replay_loop";
    return Guarded(entry, [&]() -> int32_t {
        AGJ_REQUIRE_OUT(nanosOut);
        AGJ_FIND(Model, m, model, AGJ_KIND_MODEL, "model");
        AGJ_FIND(Stream, s, stream, AGJ_KIND_STREAM, "stream");
        if (iterations <= 0) {
            return InvalidArgument(entry, "iterations must be positive");
        }
        AGJ_ACL_CHECK("aclrtSetCurrentContext", s->device()->makeCurrent());
        const AclApi &api = Api();
        aclmdlRI ri = m->handle();
        aclrtStream raw = s->handle();
        auto start = std::chrono::steady_clock::now();
        for (int64_t i = 0; i < iterations; ++i) {
            AGJ_ACL_CHECK("aclmdlRIExecuteAsync", api.aclmdlRIExecuteAsync(ri, raw));
            AGJ_ACL_CHECK("aclrtSynchronizeStream", api.aclrtSynchronizeStream(raw));
        }
        *nanosOut = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start).count();
        return AGJ_OK;
    });
}

int32_t agj_bench_spin_handoff(int64_t iterations, int64_t *nanosOut) {
    const char *entry = "agj_bench_spin_handoff";
    return Guarded(entry, [&]() -> int32_t {
        AGJ_REQUIRE_OUT(nanosOut);
        if (iterations <= 0) {
            return InvalidArgument(entry, "iterations must be positive");
        }
        std::atomic<int64_t> request{0};
        std::atomic<int64_t> done{0};
        std::thread helper([&] {
            for (int64_t seen = 0, last = std::min<int64_t>(iterations, 1000) + iterations; seen < last;) {
                int64_t r = request.load(std::memory_order_acquire);
                if (r == seen) {
                    SpinPause();
                    continue;
                }
                seen = r;
                done.store(r, std::memory_order_release);
            }
        });
        auto roundTrip = [&](int64_t r) {
            request.store(r, std::memory_order_release);
            while (done.load(std::memory_order_acquire) != r) {
                SpinPause();
            }
        };
        // Warm up first: the helper has just started, and either core may have been idle.
        const int64_t warmUp = std::min<int64_t>(iterations, 1000);
        for (int64_t r = 1; r <= warmUp; ++r) {
            roundTrip(r);
        }
        auto start = std::chrono::steady_clock::now();
        for (int64_t r = warmUp + 1; r <= warmUp + iterations; ++r) {
            roundTrip(r);
        }
        *nanosOut = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start).count();
        helper.join();
        return AGJ_OK;
    }, false);
}

} // extern "C"
