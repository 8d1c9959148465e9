// Entry points: diagnostics, the runtime, objects and devices.
// Each entry point is a short adapter: it passes the one wrapper (Entry), finds its handles and
// calls the components and the ACL runtime; nothing throws across the C API.
#include "aclgraph4j/shim.h"

#include <string>
#include <vector>

#include "entry.h"
#include "stream_wait.h"

namespace agj {
namespace {} // namespace
} // namespace agj

using namespace agj;

extern "C" {

int32_t agj_api_version(void) {
    return AGJ_API_VERSION;
}

const char *agj_last_error_message(void) {
    return LastErrorMessage();
}

int64_t agj_live_count(int32_t kind) {
    return kind >= 0 && kind < AGJ_KIND_COUNT ? LiveCount(kind) : 0;
}

const char *agj_live_report(void) {
    try {
        return KeepForCaller(LiveReport());
    } catch (...) {
        return "(report unavailable: out of memory)";
    }
}

// ---- runtime ----

int32_t agj_runtime_open(const char *backend) {
    return Entry(__func__, Gate::Exclusive, [&](const char *entry) -> int32_t {
        RuntimeState &runtime = Runtime();
        std::string name = backend == nullptr || *backend == '\0' ? "sim" : backend;
        if (runtime.openCount > 0) {
            if (name != runtime.backendName) {
                return Fail(AGJ_ERR_STATE, entry,
                            "the runtime is already open with backend '" + runtime.backendName +
                                "'; close it before opening backend '" + name + "'");
            }
            ++runtime.openCount;
            return AGJ_OK;
        }
        LoadedBackend loaded;
        std::string error;
        if (!LoadBackend(name, loaded, error)) {
            return Fail(AGJ_ERR_BACKEND, entry, error);
        }
        Backend() = loaded;
        aclError status = Api().aclInit(nullptr);
        if (status != ACL_SUCCESS && status != ACL_ERROR_REPEAT_INITIALIZE) {
            return AclFail("aclInit", status);
        }
        runtime.backendName = name;
        runtime.openCount = 1;
        return AGJ_OK;
    });
}

int32_t agj_runtime_close(void) {
    return Entry(__func__, Gate::Exclusive, [&](const char *entry) -> int32_t {
        RuntimeState &runtime = Runtime();
        if (runtime.openCount == 0) {
            return Fail(AGJ_ERR_STATE, entry, "the runtime is not open");
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
            for (int32_t kind :
                 {AGJ_KIND_TASK_GROUP, AGJ_KIND_MODEL, AGJ_KIND_EXECUTOR, AGJ_KIND_EVENT, AGJ_KIND_STREAM}) {
                for (auto &object : remaining) {
                    if (object && object->kind() == kind) {
                        object.reset();
                    }
                }
            }
            remaining.clear();
        }
        Captures().clear();
        aclError status = Api().aclFinalize();
        runtime.backendName.clear();
        if (status != ACL_SUCCESS && status != ACL_ERROR_REPEAT_FINALIZE) {
            return AclFail("aclFinalize", status);
        }
        return AGJ_OK;
    });
}

const char *agj_runtime_backend_description(void) {
    const char *description = "";
    Entry(__func__, Gate::Any, [&]() -> int32_t {
        if (Runtime().openCount > 0) {
            description = KeepForCaller(Backend().description);
        }
        return AGJ_OK;
    });
    return description;
}

int32_t agj_runtime_features(int64_t *featuresOut) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_REQUIRE_OUT(featuresOut);
        *featuresOut = BackendFeatures(Api());
        return AGJ_OK;
    });
}

int32_t agj_device_count(int32_t *countOut) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_REQUIRE_OUT(countOut);
        uint32_t count = 0;
        AGJ_ACL_CHECK("aclrtGetDeviceCount", Api().aclrtGetDeviceCount(&count));
        *countOut = static_cast<int32_t>(count);
        return AGJ_OK;
    });
}

// ---- objects ----

int32_t agj_release(int64_t handle) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        std::shared_ptr<Stream> stream; // kept for the wait below: the drop may run at once
        if (auto found = Find<Stream>(handle, AGJ_KIND_STREAM)) {
            stream = found.shared();
        }
        // Told before the removal, which may destroy it at once. Should a release on another
        // thread win the removal, the handle is released all the same.
        if (HandleTable::Lookup found = Runtime().handles.find(handle, 0)) {
            found.get()->handleReleased();
        }
        // Destroyed now unless a model, a task in flight, a dependant or a call on another thread
        // still uses it.
        if (!Runtime().handles.remove(handle)) {
            return Fail(AGJ_ERR_INVALID_HANDLE, entry,
                        "handle " + std::to_string(handle) + " is not live (released twice?)");
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
    int32_t kind = 0;
    // What the lookup finds stays alive until the call ends.
    Entry(__func__, Gate::Any, [&]() -> int32_t {
        HandleTable::Lookup object = Runtime().handles.find(handle, 0);
        kind = object ? object.get()->kind() : 0;
        return AGJ_OK;
    });
    return kind;
}

// ---- devices ----

int32_t agj_device_open(int32_t deviceId, int64_t *deviceOut) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_REQUIRE_OUT(deviceOut);
        const AclApi &api = Api();
        uint32_t count = 0;
        AGJ_ACL_CHECK("aclrtGetDeviceCount", api.aclrtGetDeviceCount(&count));
        if (deviceId < 0 || static_cast<uint32_t>(deviceId) >= count) {
            return InvalidArgument(entry, "device id " + std::to_string(deviceId) +
                                              " is out of range: this backend has " + std::to_string(count) +
                                              " device(s), numbered from 0");
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
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_FIND(Device, dev, device, AGJ_KIND_DEVICE, "device");
        AGJ_ACL_CHECK("aclrtSetCurrentContext", dev->makeCurrent());
        CallGate::Wait wait(Runtime().gate, {dev.get()}); // releases of other objects need not wait for it
        AGJ_ACL_CHECK("aclrtSynchronizeDevice", Api().aclrtSynchronizeDevice());
        return AGJ_OK;
    });
}

} // extern "C"
