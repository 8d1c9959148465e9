// The aclmdlRI calls around a model's lifetime: its name and id, destroy callbacks, and the
// details the introspection and update calls share (model_details.h).
#include <cstring>
#include <string_view>

#include "model_details.h"

namespace aclsim {

ModelDetails &DetailsOf(Model &model) {
    std::call_once(model.detailsOnce, [&model] { model.details = std::make_shared<ModelDetails>(); });
    return *model.details;
}

Registry<ModelStreamRef> &ModelStreamRefs() {
    static auto *registry = new Registry<ModelStreamRef>;
    return *registry;
}

Registry<ModelTaskRef> &ModelTaskRefs() {
    static auto *registry = new Registry<ModelTaskRef>;
    return *registry;
}

aclError FindTask(const char *call, aclmdlRITask handle, aclError nullCode, FoundTask &out) {
    if (handle == nullptr) {
        return Fail(nullCode, call, "task is NULL");
    }
    std::shared_ptr<ModelTaskRef> ref = ModelTaskRefs().find(handle);
    out.model = ref ? ref->model.lock() : nullptr;
    if (!out.model) {
        return Fail(ACL_ERROR_RT_INVALID_HANDLE, call,
                    "not a live task (its model was destroyed, or it was not obtained from aclmdlRIGetTasksByStream)");
    }
    out.index = ref->index;
    return ACL_SUCCESS;
}

aclError FindTask(const char *call, aclmdlRITask handle, const void *output, const char *outputName, aclError nullCode,
                  FoundTask &out) {
    if (outputName != nullptr && handle != nullptr && output == nullptr) {
        return Fail(nullCode, call, std::string(outputName) + " is NULL");
    }
    return FindTask(call, handle, nullCode, out);
}

aclError RefuseBody(const char *call, const Model &model) {
    if (model.isBody) {
        return Fail(ACL_ERROR_RT_FEATURE_NOT_SUPPORT, call,
                    "the model is a body of a conditional task (a sub-graph), which does not support this");
    }
    return ACL_SUCCESS;
}

aclError RefuseBuilt(const char *call, const Model &model) {
    if (model.built) {
        return Fail(ACL_ERROR_RT_FEATURE_NOT_SUPPORT, call,
                    "the model was built with aclmdlRIBuildBegin: non ACL Graph mode is not supported");
    }
    return ACL_SUCCESS;
}

aclmdlRITaskType TaskTypeOf(const Task &task) {
    switch (task.kind) {
    case TaskKind::Kernel: { // the runtime's own kernels (stream control, end graph, conditions) are not,
        // but its value write and wait tasks are typed (TS_TASK_TYPE_MEM_WRITE_VALUE/MEM_WAIT_VALUE)
        const std::shared_ptr<const DeviceKernel> kernel = std::atomic_load(&task.kernel);
        if (kernel->function()) {
            return ACL_MODEL_RI_TASK_KERNEL;
        }
        const std::string_view name = kernel->name();
        return name == "MEM_WRITE_VALUE"  ? ACL_MODEL_RI_TASK_VALUE_WRITE
               : name == "MEM_WAIT_VALUE" ? ACL_MODEL_RI_TASK_VALUE_WAIT
                                          : ACL_MODEL_RI_TASK_DEFAULT;
    }
    case TaskKind::EventRecord: return ACL_MODEL_RI_TASK_EVENT_RECORD;
    case TaskKind::EventWait: return ACL_MODEL_RI_TASK_EVENT_WAIT;
    case TaskKind::EventReset: return ACL_MODEL_RI_TASK_EVENT_RESET;
    default: return ACL_MODEL_RI_TASK_DEFAULT;
    }
}

namespace {

// The checks both destroy-callback calls share (ApiErrorDecorator::ModelDestroyRegisterCallback,
// then Model::ModelDestroyRegisterCallback): a live model that is not a body, and a function.
aclError FindCallbackModel(const char *call, aclmdlRI modelRI, aclrtCallback func, std::shared_ptr<Model> &model) {
    if (modelRI == nullptr) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call, "modelRI is NULL");
    }
    ACLSIM_RETURN_IF_FAILED(FindModel(call, modelRI, ACL_ERROR_RT_PARAM_INVALID, model));
    if (func == nullptr) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call, "func is NULL");
    }
    return RefuseBody(call, *model);
}

} // namespace

void TearDownModelDetails(Model &model) {
    UnbindBuiltStreams(model);
    ModelDetails &details = DetailsOf(model);
    std::vector<std::pair<aclrtCallback, void *>> callbacks;
    {
        std::lock_guard lock(details.mutex);
        for (const auto &ref : details.streamRefs) {
            if (ref) {
                ModelStreamRefs().remove(ref.get());
            }
        }
        for (const auto &ref : details.taskRefs) {
            if (ref) {
                ModelTaskRefs().remove(ref.get());
            }
        }
        details.streamRefs.clear();
        details.taskRefs.clear();
        for (const auto &entry : details.destroyCallbacks) {
            callbacks.push_back(entry.second);
        }
        details.destroyCallbacks.clear();
    }
    // Model::ModelDestroyCallback: in the set's order, outside the lock (a callback may call the runtime).
    for (const auto &[function, userData] : callbacks) {
        function(userData);
    }
}

} // namespace aclsim

using namespace aclsim;

extern "C" {

// ---------------------------------------------------------------- name, id, destroy callbacks

ACL_FUNC_VISIBILITY aclError aclmdlRISetName(aclmdlRI modelRI, const char *name) {
    const char *call = "aclmdlRISetName";
    // aclmdlRISetNameImpl checks both arguments; ApiImpl::ModelNameSet the context.
    if (name == nullptr && modelRI != nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, "name is NULL");
    }
    std::shared_ptr<Model> model;
    ACLSIM_RETURN_IF_FAILED(FindCurrentModel(call, modelRI, ACL_ERROR_INVALID_PARAM, model));
    ModelDetails &details = DetailsOf(*model);
    std::lock_guard lock(details.mutex);
    details.name = name;
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclmdlRIGetName(aclmdlRI modelRI, uint32_t maxLen, char *name) {
    const char *call = "aclmdlRIGetName";
    if (name == nullptr && modelRI != nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, "name is NULL");
    }
    std::shared_ptr<Model> model;
    ACLSIM_RETURN_IF_FAILED(FindModel(call, modelRI, ACL_ERROR_INVALID_PARAM, model));
    // ApiErrorDecorator::ModelGetName, then ApiImpl::ModelGetName.
    if (maxLen == 0) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call, "maxLen is 0: pass the size of the name buffer");
    }
    ACLSIM_RETURN_IF_FAILED(RequireModelContext(call, *model));
    ModelDetails &details = DetailsOf(*model);
    std::lock_guard lock(details.mutex);
    // Model::GetModelName copies the name with its terminator or fails as a whole.
    if (details.name.size() + 1 > maxLen) {
        return Fail(ACL_ERROR_RT_INTERNAL_ERROR, call,
                    "the name takes " + std::to_string(details.name.size() + 1) +
                        " bytes with its terminator but maxLen is " + std::to_string(maxLen));
    }
    std::memcpy(name, details.name.c_str(), details.name.size() + 1);
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclmdlRIGetId(aclmdlRI modelRI, uint32_t *modelRIId) {
    const char *call = "aclmdlRIGetId";
    if (modelRIId == nullptr && modelRI != nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, "modelRIId is NULL");
    }
    std::shared_ptr<Model> model;
    ACLSIM_RETURN_IF_FAILED(FindModel(call, modelRI, ACL_ERROR_INVALID_PARAM, model));
    *modelRIId = static_cast<uint32_t>(model->id()); // ApiImpl::ModelGetId: no context check
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclmdlRIDestroyRegisterCallback(aclmdlRI modelRI, aclrtCallback func, void *userData) {
    const char *call = "aclmdlRIDestroyRegisterCallback";
    std::shared_ptr<Model> model;
    ACLSIM_RETURN_IF_FAILED(FindCallbackModel(call, modelRI, func, model));
    ModelDetails &details = DetailsOf(*model);
    std::lock_guard lock(details.mutex);
    auto [it, inserted] =
        details.destroyCallbacks.emplace(reinterpret_cast<uintptr_t>(func), std::make_pair(func, userData));
    if (!inserted) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call,
                    "func has been registered already and cannot be registered again (unregister it first)");
    }
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclmdlRIDestroyUnregisterCallback(aclmdlRI modelRI, aclrtCallback func) {
    const char *call = "aclmdlRIDestroyUnregisterCallback";
    std::shared_ptr<Model> model;
    ACLSIM_RETURN_IF_FAILED(FindCallbackModel(call, modelRI, func, model));
    ModelDetails &details = DetailsOf(*model);
    std::lock_guard lock(details.mutex);
    if (details.destroyCallbacks.erase(reinterpret_cast<uintptr_t>(func)) == 0) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call, "func has not been registered for this model");
    }
    return ACL_SUCCESS;
}

} // extern "C"
