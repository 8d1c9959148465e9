// Process, devices and contexts: aclInit/aclFinalize, aclrtSetDevice and friends, the calling
// thread's current context and capture-mode state, and the unsafe-call rule.
#include <cstdio>
#include <cstdlib>

#include "acl/acl.h"
#include "runtime.h"

namespace aclsim {
namespace {

struct DeviceSlot {
    int references = 0; // aclrtSetDevice calls not yet matched by aclrtResetDevice
    std::shared_ptr<Context> defaultContext;
};

struct DeviceTable {
    std::mutex mutex;
    std::vector<DeviceSlot> slots;
    std::vector<std::shared_ptr<Context>> explicitContexts;
    bool initialized = false;
};

DeviceTable &Devices() {
    static DeviceTable table;
    return table;
}

thread_local std::weak_ptr<Context> tCurrentContext;

aclError CheckDeviceId(const char *call, int32_t deviceId) {
    if (deviceId < 0 || deviceId >= DeviceCount()) {
        return Fail(ACL_ERROR_RT_INVALID_DEVICEID, call,
                    "device " + std::to_string(deviceId) + " does not exist (the simulator has " +
                        std::to_string(DeviceCount()) + "; set ACLSIM_DEVICE_COUNT for more)");
    }
    return ACL_SUCCESS;
}

// Destroys a device's default context once nothing references it.
void ReleaseDefaultContext(std::shared_ptr<Context> context) {
    if (!context) {
        return;
    }
    context->destroy();
    Contexts().remove(context.get());
    if (tCurrentContext.lock() == context) {
        tCurrentContext.reset();
    }
}

aclError SynchronizeContext(const char *call, int32_t timeoutMs) {
    ACLSIM_RETURN_IF_FAILED(CheckTimeout(call, timeoutMs)); // -1 passes
    std::shared_ptr<Context> context;
    ACLSIM_RETURN_IF_FAILED(RequireContext(call, context));
    if (context->activeCaptures.load(std::memory_order_acquire) > 0) {
        std::lock_guard lock(CaptureMutex());
        for (const auto &stream : context->streams()) {
            if (stream->capture) {
                return Fail(ACL_ERROR_RT_STREAM_CAPTURED, call,
                            "a stream of the current context is capturing: synchronising the device is not allowed "
                            "until aclmdlRICaptureEnd");
            }
        }
    }
    auto deadline = DeadlineAfter(timeoutMs);
    aclError first = ACL_SUCCESS;
    std::vector<std::shared_ptr<Stream>> streams = context->streams();
    streams.push_back(context->defaultStream());
    for (const auto &stream : streams) {
        aclError status = stream->synchronize(deadline);
        if (status == ACL_ERROR_RT_STREAM_SYNC_TIMEOUT) {
            return Fail(ACL_ERROR_RT_STREAM_SYNC_TIMEOUT, call,
                        "the device's streams did not finish within " + std::to_string(timeoutMs) + " ms");
        }
        if (status != ACL_SUCCESS && first == ACL_SUCCESS) {
            first = Fail(status, call, "a task of stream " + std::to_string(stream->id()) + " failed");
        }
    }
    return first;
}

} // namespace

int32_t DeviceCount() {
    static const int32_t count = [] {
        int32_t value = 2;
        if (const char *text = std::getenv("ACLSIM_DEVICE_COUNT"); text != nullptr && *text != '\0') {
            char *end = nullptr;
            long parsed = std::strtol(text, &end, 10);
            if (end != nullptr && *end == '\0' && parsed >= 1 && parsed <= 64) {
                value = static_cast<int32_t>(parsed);
            } else {
                std::fprintf(stderr, "aclsim: ignoring ACLSIM_DEVICE_COUNT='%s' (expected 1..64)\n", text);
            }
        }
        return value;
    }();
    return count;
}

std::shared_ptr<ThreadState> CurrentThreadState() {
    thread_local std::shared_ptr<ThreadState> state = std::make_shared<ThreadState>();
    return state;
}

std::shared_ptr<Context> CurrentContext() {
    auto context = tCurrentContext.lock();
    if (context && context->destroyed()) {
        tCurrentContext.reset();
        return nullptr;
    }
    return context;
}

aclError RequireContext(const char *call, std::shared_ptr<Context> &out) {
    out = CurrentContext();
    if (!out) {
        return Fail(ACL_ERROR_RT_CONTEXT_NULL, call,
                    "the calling thread has no current context: call aclrtSetDevice (or aclrtSetCurrentContext) first");
    }
    return ACL_SUCCESS;
}

aclError RequireThenContext(const char *call, const void *output, const char *name, std::shared_ptr<Context> &out) {
    if (output == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, std::string(name) + " is NULL");
    }
    return RequireContext(call, out);
}

aclError CheckContext(const char *call, const char *what, const Context &owner, const Context *expected, aclError code,
                      const char *remedy) {
    if (&owner == expected) {
        return ACL_SUCCESS;
    }
    return Fail(code, call,
                std::string("the ") + what + " belongs to another context (device " + std::to_string(owner.device()) +
                    "): " + remedy);
}

aclError RequireCurrentContext(const char *call, const char *what, const Context &owner, aclError code,
                               std::shared_ptr<Context> *current) {
    std::shared_ptr<Context> context;
    ACLSIM_RETURN_IF_FAILED(RequireContext(call, context));
    ACLSIM_RETURN_IF_FAILED(CheckContext(call, what, owner, context.get(), code));
    if (current != nullptr) {
        *current = std::move(context);
    }
    return ACL_SUCCESS;
}

// ---------------------------------------------------------------- Context

Context::Context(int32_t device, bool isDefault) : device_(device), isDefault_(isDefault) {
    CountObjectCreated(ACLSIM_OBJ_CONTEXT);
}

Context::~Context() {
    CountObjectDestroyed(ACLSIM_OBJ_CONTEXT);
}

std::shared_ptr<Stream> Context::defaultStream() {
    std::lock_guard lock(mutex_);
    if (!defaultStream_) {
        defaultStream_ = std::make_shared<Stream>(shared_from_this(), true, 0);
    }
    return defaultStream_;
}

void Context::addStream(const std::shared_ptr<Stream> &stream) {
    std::lock_guard lock(mutex_);
    streams_.push_back(stream);
}

void Context::removeStream(const Stream *stream) {
    std::lock_guard lock(mutex_);
    for (auto it = streams_.begin(); it != streams_.end(); ++it) {
        if (it->get() == stream) {
            streams_.erase(it);
            return;
        }
    }
}

std::vector<std::shared_ptr<Stream>> Context::streams() {
    std::lock_guard lock(mutex_);
    return streams_;
}

void Context::destroy() {
    if (destroyed_.exchange(true)) {
        return;
    }
    DiscardCapturesOf(*this);
    std::vector<std::shared_ptr<Stream>> streams;
    std::shared_ptr<Stream> defaultStream;
    {
        std::lock_guard lock(mutex_);
        streams.swap(streams_);
        defaultStream.swap(defaultStream_);
    }
    for (const auto &stream : streams) {
        Streams().remove(stream.get());
        stream->shutdown(false);
    }
    if (defaultStream) {
        defaultStream->shutdown(false);
    }
}

// ---------------------------------------------------------------- capture-mode rule

bool UnsafeCallAllowed(const Context &context) {
    constexpr int kNone = 3;
    int contextMode = kNone;
    for (int mode = 0; mode < 3; ++mode) {
        if (context.captureModeCounts[mode] > 0) {
            contextMode = mode;
            break;
        }
    }
    if (contextMode == kNone) {
        return true;
    }
    auto thread = CurrentThreadState();
    int threadMode = kNone;
    for (int mode = 0; mode < 3; ++mode) {
        if (thread->captureModeCounts[mode] > 0) {
            threadMode = mode;
            break;
        }
    }
    switch (thread->exchangeMode) {
    case ACL_MODEL_RI_CAPTURE_MODE_RELAXED: return true;
    case ACL_MODEL_RI_CAPTURE_MODE_GLOBAL:
        return !(contextMode == ACL_MODEL_RI_CAPTURE_MODE_GLOBAL ||
                 threadMode == ACL_MODEL_RI_CAPTURE_MODE_THREAD_LOCAL);
    case ACL_MODEL_RI_CAPTURE_MODE_THREAD_LOCAL:
        return !(threadMode == ACL_MODEL_RI_CAPTURE_MODE_GLOBAL ||
                 threadMode == ACL_MODEL_RI_CAPTURE_MODE_THREAD_LOCAL);
    }
    return true;
}

aclError CheckUnsafeCall(const char *call) {
    auto context = CurrentContext();
    if (!context || context->activeCaptures.load(std::memory_order_acquire) == 0) {
        return ACL_SUCCESS;
    }
    std::lock_guard lock(CaptureMutex());
    if (UnsafeCallAllowed(*context)) {
        return ACL_SUCCESS;
    }
    return Fail(ACL_ERROR_RT_CAPTURE_MODE_NOT_SUPPORT, call,
                "the current capture mode does not support this operation: a capture is active in this context. "
                "Switch this thread to ACL_MODEL_RI_CAPTURE_MODE_RELAXED with aclmdlRICaptureThreadExchangeMode, or "
                "make the call outside the capture");
}

bool AclInitialized() {
    auto &table = Devices();
    std::lock_guard lock(table.mutex);
    return table.initialized;
}

} // namespace aclsim

using namespace aclsim;

extern "C" {

ACL_FUNC_VISIBILITY aclError aclInit(const char *configPath) {
    const char *call = "aclInit";
    auto &table = Devices();
    std::lock_guard lock(table.mutex);
    if (table.initialized) {
        return Fail(ACL_ERROR_REPEAT_INITIALIZE, call, "ACL is already initialised (this code can be ignored)");
    }
    if (configPath != nullptr && *configPath != '\0') {
        if (FILE *file = std::fopen(configPath, "rb"); file != nullptr) {
            std::fclose(file);
        } else {
            return Fail(ACL_ERROR_INVALID_FILE, call, std::string("cannot read the config file '") + configPath + "'");
        }
    }
    table.slots.assign(static_cast<size_t>(DeviceCount()), DeviceSlot{});
    table.initialized = true;
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclFinalize() {
    auto &table = Devices();
    std::vector<std::shared_ptr<Context>> contexts;
    {
        std::lock_guard lock(table.mutex);
        if (!table.initialized) {
            return Fail(ACL_ERROR_REPEAT_FINALIZE, "aclFinalize", "ACL is not initialised (finalised twice?)");
        }
        table.initialized = false;
        for (auto &slot : table.slots) {
            if (slot.defaultContext) {
                contexts.push_back(std::move(slot.defaultContext));
            }
            slot.references = 0;
        }
        for (auto &context : table.explicitContexts) {
            contexts.push_back(std::move(context));
        }
        table.explicitContexts.clear();
    }
    for (auto &context : contexts) {
        ReleaseDefaultContext(context);
    }
    tCurrentContext.reset();
    // Finalising releases what the program left behind: models, events, task groups and any
    // stream or context still registered (their queues are drained by now).
    {
        auto models = Models().clear();
        auto groups = TaskGroups().clear();
        auto events = Events().clear();
        auto streams = Streams().clear();
        for (auto &entry : streams) {
            entry.second->shutdown(false);
        }
        auto remaining = Contexts().clear();
    }
    ReleaseAllMemory();
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclrtGetVersion(int32_t *majorVersion, int32_t *minorVersion, int32_t *patchVersion) {
    if (majorVersion == nullptr || minorVersion == nullptr || patchVersion == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, "aclrtGetVersion", "an output pointer is NULL");
    }
    // The simulated release's ACL version: 1.16 in CANN 8.5, 1.17 from 9.0.
    *majorVersion = ACL_MAJOR_VERSION;
    *minorVersion = SimulatedRelease() < 900 ? 16 : 17;
    *patchVersion = ACL_PATCH_VERSION;
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclrtGetDeviceCount(uint32_t *count) {
    if (count == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, "aclrtGetDeviceCount", "count is NULL");
    }
    *count = static_cast<uint32_t>(DeviceCount());
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclrtSetDevice(int32_t deviceId) {
    const char *call = "aclrtSetDevice";
    ACLSIM_RETURN_IF_FAILED(CheckDeviceId(call, deviceId));
    auto &table = Devices();
    std::shared_ptr<Context> context;
    {
        std::lock_guard lock(table.mutex);
        if (table.slots.size() != static_cast<size_t>(DeviceCount())) {
            table.slots.assign(static_cast<size_t>(DeviceCount()), DeviceSlot{});
        }
        DeviceSlot &slot = table.slots[static_cast<size_t>(deviceId)];
        if (!slot.defaultContext) {
            slot.defaultContext = std::make_shared<Context>(deviceId, true);
            slot.defaultContext->defaultStream(); // exists with its context, as on the device
            Contexts().add(slot.defaultContext);
        }
        ++slot.references;
        context = slot.defaultContext;
    }
    tCurrentContext = context;
    return ACL_SUCCESS;
}

static aclError ResetDevice(const char *call, int32_t deviceId, bool force) {
    ACLSIM_RETURN_IF_FAILED(CheckDeviceId(call, deviceId));
    auto &table = Devices();
    std::shared_ptr<Context> released;
    {
        std::lock_guard lock(table.mutex);
        if (static_cast<size_t>(deviceId) >= table.slots.size()) {
            return ACL_SUCCESS;
        }
        DeviceSlot &slot = table.slots[static_cast<size_t>(deviceId)];
        if (slot.references == 0) {
            return ACL_SUCCESS; // nothing set: nothing to release
        }
        slot.references = force ? 0 : slot.references - 1;
        if (slot.references == 0) {
            released = std::move(slot.defaultContext);
        }
    }
    ReleaseDefaultContext(released);
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclrtResetDevice(int32_t deviceId) {
    return ResetDevice("aclrtResetDevice", deviceId, false);
}

ACL_FUNC_VISIBILITY aclError aclrtResetDeviceForce(int32_t deviceId) {
    return ResetDevice("aclrtResetDeviceForce", deviceId, true);
}

ACL_FUNC_VISIBILITY aclError aclrtGetDevice(int32_t *deviceId) {
    return ReadCurrentContext("aclrtGetDevice", deviceId, "deviceId",
                              [](Context &context) { return context.device(); });
}

ACL_FUNC_VISIBILITY aclError aclrtCreateContext(aclrtContext *context, int32_t deviceId) {
    const char *call = "aclrtCreateContext";
    if (context == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, "context is NULL");
    }
    ACLSIM_RETURN_IF_FAILED(CheckDeviceId(call, deviceId));
    auto created = std::make_shared<Context>(deviceId, false);
    created->defaultStream();
    Contexts().add(created);
    {
        auto &table = Devices();
        std::lock_guard lock(table.mutex);
        table.explicitContexts.push_back(created);
    }
    tCurrentContext = created;
    *context = created.get();
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclrtDestroyContext(aclrtContext context) {
    const char *call = "aclrtDestroyContext";
    std::shared_ptr<Context> found;
    ACLSIM_RETURN_IF_FAILED(FindLive(call, Contexts(), context, "context", found));
    if (found->isDefault()) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call,
                    "a device's default context is released by aclrtResetDevice, not aclrtDestroyContext");
    }
    {
        auto &table = Devices();
        std::lock_guard lock(table.mutex);
        auto &contexts = table.explicitContexts;
        for (auto it = contexts.begin(); it != contexts.end(); ++it) {
            if (it->get() == found.get()) {
                contexts.erase(it);
                break;
            }
        }
    }
    ReleaseDefaultContext(found);
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclrtSetCurrentContext(aclrtContext context) {
    const char *call = "aclrtSetCurrentContext";
    std::shared_ptr<Context> found;
    ACLSIM_RETURN_IF_FAILED(FindLive(call, Contexts(), context, "context", found));
    if (found->destroyed()) {
        return Fail(ACL_ERROR_RT_INVALID_HANDLE, call, "the context's device was reset");
    }
    tCurrentContext = found;
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclrtGetCurrentContext(aclrtContext *context) {
    return ReadCurrentContext("aclrtGetCurrentContext", context, "context",
                              [](Context &current) -> aclrtContext { return &current; });
}

ACL_FUNC_VISIBILITY aclError aclrtSynchronizeDevice(void) {
    return SynchronizeContext("aclrtSynchronizeDevice", -1);
}

ACL_FUNC_VISIBILITY aclError aclrtSynchronizeDeviceWithTimeout(int32_t timeout) {
    return SynchronizeContext("aclrtSynchronizeDeviceWithTimeout", timeout);
}

} // extern "C"
