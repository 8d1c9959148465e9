// The aclmdlRI calls around a model's lifetime and contents: its name and id, destroy callbacks,
// and the CANN 9.1 introspection and in-place update of its tasks (aclmdlRIGetStreams,
// aclmdlRIGetTasksByStream, aclmdlRITask*, aclmdlRIKernelTaskGetAttribute, aclmdlRIUpdate).
// Each check follows the device's runtime (hicann/runtime src/acl/aclrt_impl, src/runtime/api):
// the function named next to it is the one whose rule it simulates.
#include <cstring>
#include <map>
#include <string>

#include "runtime.h"

namespace aclsim {

// A model's stream as aclmdlRIGetStreams hands it out: a captured model's streams are its own
// (the device's model streams), distinct from the streams that captured it.
struct ModelStreamRef {
    std::weak_ptr<Model> model;
    uint32_t index = 0; // into Model::modelStreamIds
};

// A model's task as aclmdlRIGetTasksByStream hands it out.
struct ModelTaskRef {
    std::weak_ptr<Model> model;
    size_t index = 0; // into Model::tasks: its position in capture order, the device's sequence id
};

// What aclmdlRITaskSetParams stored beside a kernel task (the device keeps them in the task and the
// capture model): the launch configuration and the operator information.
struct KernelTaskSettings {
    uint32_t numBlocks = 1;
    uint8_t schemMode = 0;
    uint32_t dynUBufSize = 0;
    bool dataDump = false;
    uint64_t timeoutUs = 0; // 0: never times out (the simulator's kernels have no timeout)
    std::string opInfo;
};

struct ModelDetails {
    std::mutex mutex; // guards everything below; taken after CaptureMutex() when both are needed
    std::string name;
    // The device keeps them in a set ordered by the function's address, one entry per function.
    std::map<uintptr_t, std::pair<aclrtCallback, void *>> destroyCallbacks;
    std::vector<std::shared_ptr<ModelStreamRef>> streamRefs; // per model stream, made on first use
    std::vector<std::shared_ptr<ModelTaskRef>> taskRefs;     // per task, made on first use
    std::map<size_t, KernelTaskSettings> kernelSettings;     // per task index, once set
};

ModelDetails &DetailsOf(Model &model) {
    std::call_once(model.detailsOnce, [&model] { model.details = std::make_shared<ModelDetails>(); });
    return *model.details;
}

namespace {

Registry<ModelStreamRef> &ModelStreamRefs() {
    static auto *registry = new Registry<ModelStreamRef>;
    return *registry;
}

Registry<ModelTaskRef> &ModelTaskRefs() {
    static auto *registry = new Registry<ModelTaskRef>;
    return *registry;
}

aclError FindTask(const char *call, aclmdlRITask handle, aclError nullCode, std::shared_ptr<Model> &model,
                  size_t &index) {
    if (handle == nullptr) {
        return Fail(nullCode, call, "task is NULL");
    }
    std::shared_ptr<ModelTaskRef> ref = ModelTaskRefs().find(handle);
    model = ref ? ref->model.lock() : nullptr;
    if (!model) {
        return Fail(ACL_ERROR_RT_INVALID_HANDLE, call,
                    "not a live task (its model was destroyed, or it was not obtained from aclmdlRIGetTasksByStream)");
    }
    index = ref->index;
    return ACL_SUCCESS;
}

// The device refuses these calls for a conditional task's body (a "sub ACL Graph":
// ApiErrorDecorator::ModelGetStreams, ModelUpdate, ModelDestroyRegisterCallback/UnregisterCallback).
aclError RefuseBody(const char *call, const Model &model) {
    if (model.isBody) {
        return Fail(ACL_ERROR_RT_FEATURE_NOT_SUPPORT, call,
                    "the model is a body of a conditional task (a sub-graph), which does not support this");
    }
    return ACL_SUCCESS;
}

// Built models are not ACL Graphs: the calls that need one refuse them with 207000
// (ApiImpl::TaskGetSeqId, GetKernelTaskParams, CheckCaptureModelForUpdate, ApiErrorDecorator::ModelUpdate).
aclError RefuseBuilt(const char *call, const Model &model) {
    if (model.built) {
        return Fail(ACL_ERROR_RT_FEATURE_NOT_SUPPORT, call,
                    "the model was built with aclmdlRIBuildBegin: non ACL Graph mode is not supported");
    }
    return ACL_SUCCESS;
}

// ConvertTaskType: what the device calls a task of each simulated kind. Copies, memsets, host
// functions, model launches and the task group's prefetch NOPs are RT_TASK_DEFAULT there too.
aclmdlRITaskType TaskTypeOf(const Task &task) {
    switch (task.kind) {
    case TaskKind::Kernel: // the runtime's own kernels (stream control, end graph, conditions) are not
        return std::atomic_load(&task.kernel)->function() ? ACL_MODEL_RI_TASK_KERNEL : ACL_MODEL_RI_TASK_DEFAULT;
    case TaskKind::EventRecord: return ACL_MODEL_RI_TASK_EVENT_RECORD;
    case TaskKind::EventWait: return ACL_MODEL_RI_TASK_EVENT_WAIT;
    case TaskKind::EventReset: return ACL_MODEL_RI_TASK_EVENT_RESET;
    default: return ACL_MODEL_RI_TASK_DEFAULT;
    }
}

// Fills `out` (capacity *count, may be NULL) the way Model::ModelGetStreams and
// Stream::StreamGetTasks do: NULL asks for the count; the rest of a larger array is NULLed; a
// smaller one is filled and refused with 107039.
template <typename Handle, typename Make>
aclError FillHandles(const char *call, const char *what, size_t total, Handle *out, uint32_t *count, Make make) {
    if (out == nullptr) {
        *count = static_cast<uint32_t>(total);
        return ACL_SUCCESS;
    }
    const uint32_t capacity = *count;
    const uint32_t filled = static_cast<uint32_t>(std::min<size_t>(capacity, total));
    for (uint32_t i = 0; i < filled; ++i) {
        out[i] = make(i);
    }
    for (uint32_t i = filled; i < capacity; ++i) {
        out[i] = nullptr;
    }
    *count = filled;
    if (filled < total) {
        return Fail(ACL_ERROR_RT_INSUFFICIENT_INPUT_ARRAY, call,
                    "the array holds " + std::to_string(capacity) + " entries but there are " +
                        std::to_string(total) + " " + what + ": pass NULL first to get the count");
    }
    return ACL_SUCCESS;
}

// Under CaptureMutex(): the indices of the tasks of model stream `stream`, in order.
std::vector<size_t> TasksOfStream(const Model &model, uint32_t stream) {
    std::vector<size_t> indices;
    for (size_t i = 0; i < model.tasks.size(); ++i) {
        if (model.tasks[i].modelStream == stream) {
            indices.push_back(i);
        }
    }
    return indices;
}

// CheckCaptureModelForUpdate, then the switch to UPDATING of ApiImpl::TaskSetParams /
// ModelTaskDisable. Under the model's details mutex.
aclError BeginUpdate(const char *call, Model &model) {
    switch (model.state.load(std::memory_order_seq_cst)) {
    case Model::State::Updating: return ACL_SUCCESS;
    case Model::State::Ready: {
        model.state.store(Model::State::Updating, std::memory_order_seq_cst);
        // aclmdlRIExecuteAsync counts a launch before it reads the state, so a launch this misses
        // sees UPDATING and is refused.
        if (model.launched.load(std::memory_order_seq_cst) == model.finished.load(std::memory_order_seq_cst)) {
            return ACL_SUCCESS;
        }
        model.state.store(Model::State::Ready, std::memory_order_seq_cst);
        return Fail(ACL_ERROR_RT_MODEL_UPDATE_FAILED, call,
                    "the model (model_id=" + std::to_string(model.id()) +
                        ") is running: synchronise the streams replaying it before changing its tasks");
    }
    case Model::State::Capturing:
        return Fail(ACL_ERROR_RT_MODEL_UPDATE_FAILED, call,
                    "the model (model_id=" + std::to_string(model.id()) + ") is in capture state: end the capture first");
    case Model::State::Fault:
        return Fail(ACL_ERROR_RT_MODEL_UPDATE_FAILED, call,
                    "the model (model_id=" + std::to_string(model.id()) +
                        ") is in status FAULT after a failed update; destroy it");
    case Model::State::Abandoned:
    case Model::State::Building: break;
    }
    return Fail(ACL_ERROR_RT_MODEL_UPDATE_FAILED, call, "the model's capture did not complete; destroy it");
}

// A failed change leaves the model in FAULT (ERROR_PROC_RETURN_MSG_INNER in ApiImpl::TaskSetParams).
aclError FailUpdate(Model &model, aclError code, const char *call, const std::string &reason) {
    model.state.store(Model::State::Fault, std::memory_order_seq_cst);
    return Fail(code, call, reason + "; the model is now in status FAULT and cannot run or be updated again");
}

// ConvertLaunchCfgToTaskCfg: every attribute of the launch configuration, or 107000.
aclError ReadLaunchConfig(const char *call, const aclrtLaunchKernelCfg *cfg, KernelTaskSettings &settings,
                          std::string &reason) {
    if (cfg == nullptr) {
        return ACL_SUCCESS;
    }
    if (cfg->attrs == nullptr) {
        reason = "cfg->attrs is NULL";
        return ACL_ERROR_RT_PARAM_INVALID;
    }
    for (size_t i = 0; i < cfg->numAttrs; ++i) {
        const aclrtLaunchKernelAttr &attr = cfg->attrs[i];
        int id = 0; // read as the int a C caller may have stored, whatever its value
        std::memcpy(&id, &attr.id, sizeof id);
        switch (id) {
        case ACL_RT_LAUNCH_KERNEL_ATTR_SCHEM_MODE: settings.schemMode = attr.value.schemMode; break;
        case ACL_RT_LAUNCH_KERNEL_ATTR_DYN_UBUF_SIZE: settings.dynUBufSize = attr.value.dynUBufSize; break;
        case ACL_RT_LAUNCH_KERNEL_ATTR_DATA_DUMP: settings.dataDump = attr.value.isDataDump == 1; break;
        case ACL_RT_LAUNCH_KERNEL_ATTR_TIMEOUT: settings.timeoutUs = uint64_t{attr.value.timeout} * 1000000u; break;
        case ACL_RT_LAUNCH_KERNEL_ATTR_TIMEOUT_US:
            settings.timeoutUs = (uint64_t{attr.value.timeoutUs.timeoutHigh} << 32) | attr.value.timeoutUs.timeoutLow;
            break;
        case ACL_RT_LAUNCH_KERNEL_ATTR_ENGINE_TYPE:
        case ACL_RT_LAUNCH_KERNEL_ATTR_BLOCKDIM_OFFSET:
        case ACL_RT_LAUNCH_KERNEL_ATTR_BLOCK_TASK_PREFETCH:
        case ACL_RT_LAUNCH_KERNEL_ATTR_ENABLE_PROFILING: break; // accepted, nothing to simulate
        default:
            reason = "cfg->attrs[" + std::to_string(i) + "].id " + std::to_string(id) +
                     " is not an aclrtLaunchKernelAttrId (1 to 9)";
            return ACL_ERROR_RT_PARAM_INVALID;
        }
    }
    (void)call;
    return ACL_SUCCESS;
}

// UpdateKernelParams: replaces a kernel task's kernel by one built from the new function and args.
aclError UpdateKernelTask(const char *call, Model &model, ModelDetails &details, size_t index,
                          const aclmdlRITaskParams &params) {
    Task &task = model.tasks[index];
    if (task.kind != TaskKind::Kernel) {
        return FailUpdate(model, ACL_ERROR_RT_PARAM_INVALID, call,
                          "the task is not a kernel task: check it with aclmdlRITaskGetType first");
    }
    if (params.taskGrp != nullptr) {
        return FailUpdate(model, ACL_ERROR_RT_PARAM_INVALID, call, "params->taskGrp must be NULL");
    }
    const aclmdlRIKernelTaskParams &kernel = params.kernelTaskParams;
    if (kernel.funcHandle == nullptr) {
        return FailUpdate(model, ACL_ERROR_RT_PARAM_INVALID, call, "params->kernelTaskParams.funcHandle is NULL");
    }
    std::shared_ptr<const KernelFunction> function = FindKernelFunction(kernel.funcHandle);
    if (!function) {
        return FailUpdate(model, ACL_ERROR_RT_INVALID_HANDLE, call,
                          "params->kernelTaskParams.funcHandle is not a live kernel function (take it from "
                          "aclmdlRITaskGetParams of a kernel task)");
    }
    if (kernel.args == nullptr) {
        return FailUpdate(model, ACL_ERROR_RT_PARAM_INVALID, call, "params->kernelTaskParams.args is NULL");
    }
    if (kernel.argsSize == 0) {
        return FailUpdate(model, ACL_ERROR_RT_PARAM_INVALID, call,
                          "params->kernelTaskParams.argsSize is 0; it must be greater than 0");
    }
    if (kernel.argsSize != function->argsSize()) {
        return FailUpdate(model, ACL_ERROR_RT_PARAM_INVALID, call,
                          "params->kernelTaskParams.argsSize is " + std::to_string(kernel.argsSize) + " but " +
                              function->name() + " takes " + std::to_string(function->argsSize()) + " bytes (" +
                              std::to_string(function->tensorCount()) + " tensor addresses, " +
                              std::to_string(function->scalarCount()) + " scalars)");
    }
    KernelTaskSettings settings;
    settings.numBlocks = kernel.numBlocks;
    std::string reason;
    if (aclError status = ReadLaunchConfig(call, kernel.cfg, settings, reason); status != ACL_SUCCESS) {
        return FailUpdate(model, status, call, reason);
    }
    std::shared_ptr<const DeviceKernel> built;
    if (function->build(kernel.args, built) != ACL_SUCCESS) {
        return FailUpdate(model, ACL_ERROR_RT_PARAM_INVALID, call,
                          std::string("the args do not describe a valid launch of ") + function->name());
    }
    if (params.opInfoPtr != nullptr && params.opInfoSize != 0) {
        settings.opInfo.assign(static_cast<const char *>(params.opInfoPtr), params.opInfoSize);
    }
    std::atomic_store(&task.kernel, std::move(built));
    task.disabled = false; // an updated task runs again
    details.kernelSettings[index] = std::move(settings);
    return ACL_SUCCESS;
}

// The checks both destroy-callback calls share (ApiErrorDecorator::ModelDestroyRegisterCallback,
// then Model::ModelDestroyRegisterCallback): a live model that is not a body, and a function.
aclError FindCallbackModel(const char *call, aclmdlRI modelRI, aclrtCallback func, std::shared_ptr<Model> &model) {
    if (modelRI == nullptr) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call, "modelRI is NULL");
    }
    if (aclError status = FindModel(call, modelRI, ACL_ERROR_RT_PARAM_INVALID, model); status != ACL_SUCCESS) {
        return status;
    }
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
    if (aclError status = FindModel(call, modelRI, ACL_ERROR_INVALID_PARAM, model); status != ACL_SUCCESS) {
        return status;
    }
    if (aclError status = RequireModelContext(call, *model); status != ACL_SUCCESS) {
        return status;
    }
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
    if (aclError status = FindModel(call, modelRI, ACL_ERROR_INVALID_PARAM, model); status != ACL_SUCCESS) {
        return status;
    }
    // ApiErrorDecorator::ModelGetName, then ApiImpl::ModelGetName.
    if (maxLen == 0) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call, "maxLen is 0: pass the size of the name buffer");
    }
    if (aclError status = RequireModelContext(call, *model); status != ACL_SUCCESS) {
        return status;
    }
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
    if (aclError status = FindModel(call, modelRI, ACL_ERROR_INVALID_PARAM, model); status != ACL_SUCCESS) {
        return status;
    }
    *modelRIId = static_cast<uint32_t>(model->id()); // ApiImpl::ModelGetId: no context check
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclmdlRIDestroyRegisterCallback(aclmdlRI modelRI, aclrtCallback func, void *userData) {
    const char *call = "aclmdlRIDestroyRegisterCallback";
    std::shared_ptr<Model> model;
    if (aclError status = FindCallbackModel(call, modelRI, func, model); status != ACL_SUCCESS) {
        return status;
    }
    ModelDetails &details = DetailsOf(*model);
    std::lock_guard lock(details.mutex);
    auto [it, inserted] = details.destroyCallbacks.emplace(reinterpret_cast<uintptr_t>(func),
                                                           std::make_pair(func, userData));
    if (!inserted) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call,
                    "func has been registered already and cannot be registered again (unregister it first)");
    }
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclmdlRIDestroyUnregisterCallback(aclmdlRI modelRI, aclrtCallback func) {
    const char *call = "aclmdlRIDestroyUnregisterCallback";
    std::shared_ptr<Model> model;
    if (aclError status = FindCallbackModel(call, modelRI, func, model); status != ACL_SUCCESS) {
        return status;
    }
    ModelDetails &details = DetailsOf(*model);
    std::lock_guard lock(details.mutex);
    if (details.destroyCallbacks.erase(reinterpret_cast<uintptr_t>(func)) == 0) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call, "func has not been registered for this model");
    }
    return ACL_SUCCESS;
}

// ---------------------------------------------------------------- introspection

ACL_FUNC_VISIBILITY aclError aclmdlRIGetStreams(aclmdlRI modelRI, aclrtStream *streams, uint32_t *numStreams) {
    const char *call = "aclmdlRIGetStreams";
    // rtModelGetStreams: the handle is validated first, then numStreams, then (decorator) NULL.
    std::shared_ptr<Model> model;
    if (modelRI != nullptr) {
        if (aclError status = FindModel(call, modelRI, ACL_ERROR_RT_PARAM_INVALID, model); status != ACL_SUCCESS) {
            return status;
        }
    }
    if (numStreams == nullptr) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call, "numStreams is NULL");
    }
    if (!model) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call, "modelRI is NULL");
    }
    if (aclError status = RefuseBody(call, *model); status != ACL_SUCCESS) {
        return status;
    }
    if (aclError status = RequireModelContext(call, *model); status != ACL_SUCCESS) {
        return status;
    }
    std::lock_guard captureLock(CaptureMutex()); // a capture may still add streams
    if (model->built) { // a built model's streams are the ones bound to it
        const auto bound = BoundStreamsOf(*model);
        return FillHandles(call, "model streams", bound.size(), streams, numStreams,
                           [&](uint32_t i) -> aclrtStream { return bound[i].first; });
    }
    ModelDetails &details = DetailsOf(*model);
    std::lock_guard lock(details.mutex);
    const size_t total = model->modelStreamIds.size();
    details.streamRefs.resize(total);
    return FillHandles(call, "model streams", total, streams, numStreams, [&](uint32_t i) -> aclrtStream {
        auto &ref = details.streamRefs[i];
        if (!ref) {
            ref = std::make_shared<ModelStreamRef>();
            ref->model = model;
            ref->index = i;
            ModelStreamRefs().add(ref);
        }
        return ref.get();
    });
}

ACL_FUNC_VISIBILITY aclError aclmdlRIGetTasksByStream(aclrtStream stream, aclmdlRITask *tasks, uint32_t *numTasks) {
    const char *call = "aclmdlRIGetTasksByStream";
    std::shared_ptr<ModelStreamRef> ref;
    std::shared_ptr<Stream> userStream;
    if (stream != nullptr) {
        ref = ModelStreamRefs().find(stream);
        if (!ref && !(userStream = Streams().find(stream))) {
            return Fail(ACL_ERROR_RT_INVALID_HANDLE, call,
                        "not a live stream (destroyed already, or its model was destroyed?)");
        }
    }
    // ApiErrorDecorator::StreamGetTasks, then ApiImpl::StreamGetTasks.
    if (stream == nullptr) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call, "stream is NULL: pass a stream from aclmdlRIGetStreams");
    }
    if (numTasks == nullptr) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call, "numTasks is NULL");
    }
    std::lock_guard captureLock(CaptureMutex());
    std::shared_ptr<Model> model = ref ? ref->model.lock() : nullptr;
    uint32_t streamIndex = ref ? ref->index : 0;
    if (userStream && userStream->boundModel) { // a stream bound to a built model
        model = userStream->boundModel;
        streamIndex = userStream->boundIndex;
    }
    if (!model) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call,
                    "the stream is not bound to a model: pass a stream from aclmdlRIGetStreams");
    }
    ModelDetails &details = DetailsOf(*model);
    std::lock_guard lock(details.mutex);
    const std::vector<size_t> indices = TasksOfStream(*model, streamIndex);
    details.taskRefs.resize(model->tasks.size());
    return FillHandles(call, "tasks in the stream", indices.size(), tasks, numTasks, [&](uint32_t i) -> aclmdlRITask {
        auto &task = details.taskRefs[indices[i]];
        if (!task) {
            task = std::make_shared<ModelTaskRef>();
            task->model = model;
            task->index = indices[i];
            ModelTaskRefs().add(task);
        }
        return task.get();
    });
}

ACL_FUNC_VISIBILITY aclError aclmdlRITaskGetType(aclmdlRITask task, aclmdlRITaskType *type) {
    const char *call = "aclmdlRITaskGetType";
    // ApiErrorDecorator::TaskGetType checks both; the runtime does not validate task handles (the
    // simulator does: 107017 for a task of a destroyed model).
    if (task == nullptr) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call, "task is NULL");
    }
    if (type == nullptr) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call, "type is NULL");
    }
    std::shared_ptr<Model> model;
    size_t index = 0;
    if (aclError status = FindTask(call, task, ACL_ERROR_RT_PARAM_INVALID, model, index); status != ACL_SUCCESS) {
        return status;
    }
    std::lock_guard captureLock(CaptureMutex());
    *type = TaskTypeOf(model->tasks[index]);
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclmdlRITaskGetSeqId(aclmdlRITask task, uint32_t *id) {
    const char *call = "aclmdlRITaskGetSeqId";
    if (task == nullptr) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call, "task is NULL");
    }
    if (id == nullptr) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call, "id is NULL");
    }
    std::shared_ptr<Model> model;
    size_t index = 0;
    if (aclError status = FindTask(call, task, ACL_ERROR_RT_PARAM_INVALID, model, index); status != ACL_SUCCESS) {
        return status;
    }
    if (aclError status = RefuseBuilt(call, *model); status != ACL_SUCCESS) {
        return status;
    }
    // ApiImpl::TaskGetSeqId: the position in which the capture added the task (GenerateSeqId).
    *id = static_cast<uint32_t>(index);
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclmdlRITaskGetParams(aclmdlRITask task, aclmdlRITaskParams *params) {
    const char *call = "aclmdlRITaskGetParams";
    if (task == nullptr) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call, "task is NULL");
    }
    if (params == nullptr) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call, "params is NULL");
    }
    std::shared_ptr<Model> model;
    size_t index = 0;
    if (aclError status = FindTask(call, task, ACL_ERROR_RT_PARAM_INVALID, model, index); status != ACL_SUCCESS) {
        return status;
    }
    std::lock_guard captureLock(CaptureMutex());
    ModelDetails &details = DetailsOf(*model);
    std::lock_guard lock(details.mutex);
    const Task &target = model->tasks[index];
    const aclmdlRITaskType type = TaskTypeOf(target);
    // ApiImpl::TaskGetParams: RT_TASK_DEFAULT tasks have no parameters to show.
    if (type == ACL_MODEL_RI_TASK_DEFAULT) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call,
                    std::string("the task (") + target.typeName() +
                        ") is of type ACL_MODEL_RI_TASK_DEFAULT, which has no parameters to obtain");
    }
    std::memset(params, 0, sizeof *params);
    params->type = type;
    switch (type) {
    case ACL_MODEL_RI_TASK_KERNEL: { // GetKernelTaskParams
        if (aclError status = RefuseBuilt(call, *model); status != ACL_SUCCESS) {
            return status;
        }
        std::shared_ptr<const DeviceKernel> kernel = std::atomic_load(&target.kernel);
        std::shared_ptr<const KernelFunction> function = kernel->function();
        if (!function) {
            return Fail(ACL_ERROR_RT_PARAM_INVALID, call, "the kernel task has no kernel function");
        }
        aclmdlRIKernelTaskParams &out = params->kernelTaskParams;
        out.funcHandle = const_cast<KernelFunction *>(function.get());
        out.cfg = nullptr;
        out.args = const_cast<void *>(kernel->args());
        out.isHostArgs = 0;
        out.argsSize = function->argsSize();
        out.numBlocks = 1;
        for (const auto &group : model->groups) {
            for (size_t member : group->taskIndices) {
                if (member == index) {
                    params->taskGrp = group.get();
                }
            }
        }
        if (auto it = details.kernelSettings.find(index); it != details.kernelSettings.end()) {
            out.numBlocks = it->second.numBlocks;
            if (!it->second.opInfo.empty()) {
                params->opInfoPtr = const_cast<char *>(it->second.opInfo.data());
                params->opInfoSize = it->second.opInfo.size();
            }
        }
        return ACL_SUCCESS;
    }
    case ACL_MODEL_RI_TASK_EVENT_RECORD: // GetEventRecordTaskParams
        params->eventRecordTaskParams.event = target.event.get();
        params->eventRecordTaskParams.eventFlag = target.event->flags();
        return ACL_SUCCESS;
    case ACL_MODEL_RI_TASK_EVENT_WAIT:
        params->eventWaitTaskParams.event = target.event.get();
        params->eventWaitTaskParams.eventFlag = target.event->flags();
        return ACL_SUCCESS;
    case ACL_MODEL_RI_TASK_EVENT_RESET:
        params->eventResetTaskParams.event = target.event.get();
        params->eventResetTaskParams.eventFlag = target.event->flags();
        return ACL_SUCCESS;
    default: break;
    }
    return Fail(ACL_ERROR_RT_PARAM_INVALID, call, "the task's type has no parameters to obtain");
}

ACL_FUNC_VISIBILITY aclError aclmdlRIKernelTaskGetAttribute(aclmdlRITask task, aclrtLaunchKernelAttrId attrId,
                                                            aclrtLaunchKernelAttrValue *attrValue) {
    const char *call = "aclmdlRIKernelTaskGetAttribute";
    // aclmdlRIKernelTaskGetAttributeImpl checks both pointers.
    if (task == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, "task is NULL");
    }
    if (attrValue == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, "attrValue is NULL");
    }
    std::shared_ptr<Model> model;
    size_t index = 0;
    if (aclError status = FindTask(call, task, ACL_ERROR_INVALID_PARAM, model, index); status != ACL_SUCCESS) {
        return status;
    }
    std::lock_guard captureLock(CaptureMutex());
    ModelDetails &details = DetailsOf(*model);
    std::lock_guard lock(details.mutex);
    // GetKernelAttribute.
    if (model->tasks[index].kind != TaskKind::Kernel) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call,
                    "the task is not a kernel task: check it with aclmdlRITaskGetType first");
    }
    KernelTaskSettings settings;
    if (auto it = details.kernelSettings.find(index); it != details.kernelSettings.end()) {
        settings = it->second;
    }
    int id = 0; // read as the int a C caller may have passed, whatever its value
    std::memcpy(&id, &attrId, sizeof id);
    switch (id) {
    case ACL_RT_LAUNCH_KERNEL_ATTR_SCHEM_MODE: attrValue->schemMode = settings.schemMode; return ACL_SUCCESS;
    case ACL_RT_LAUNCH_KERNEL_ATTR_DYN_UBUF_SIZE: attrValue->dynUBufSize = settings.dynUBufSize; return ACL_SUCCESS;
    case ACL_RT_LAUNCH_KERNEL_ATTR_DATA_DUMP: attrValue->isDataDump = settings.dataDump ? 1 : 0; return ACL_SUCCESS;
    case ACL_RT_LAUNCH_KERNEL_ATTR_TIMEOUT:
        attrValue->timeout = static_cast<uint16_t>(settings.timeoutUs / 1000000u);
        return ACL_SUCCESS;
    case ACL_RT_LAUNCH_KERNEL_ATTR_TIMEOUT_US:
        attrValue->timeoutUs.timeoutLow = static_cast<uint32_t>(settings.timeoutUs);
        attrValue->timeoutUs.timeoutHigh = static_cast<uint32_t>(settings.timeoutUs >> 32);
        return ACL_SUCCESS;
    case ACL_RT_LAUNCH_KERNEL_ATTR_ENGINE_TYPE:
    case ACL_RT_LAUNCH_KERNEL_ATTR_BLOCKDIM_OFFSET:
    case ACL_RT_LAUNCH_KERNEL_ATTR_BLOCK_TASK_PREFETCH:
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call,
                    "attrId " + std::to_string(id) +
                        " (ENGINE_TYPE, BLOCKDIM_OFFSET, BLOCK_TASK_PREFETCH) cannot be obtained from a task");
    default: break;
    }
    return Fail(ACL_ERROR_RT_PARAM_INVALID, call,
                "attrId " + std::to_string(id) + " is not an attribute a kernel task reports");
}

// ---------------------------------------------------------------- in-place update

ACL_FUNC_VISIBILITY aclError aclmdlRITaskSetParams(aclmdlRITask task, aclmdlRITaskParams *params) {
    const char *call = "aclmdlRITaskSetParams";
    if (task == nullptr) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call, "task is NULL");
    }
    if (params == nullptr) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call, "params is NULL");
    }
    std::shared_ptr<Model> model;
    size_t index = 0;
    if (aclError status = FindTask(call, task, ACL_ERROR_RT_PARAM_INVALID, model, index); status != ACL_SUCCESS) {
        return status;
    }
    ModelDetails &details = DetailsOf(*model);
    std::lock_guard lock(details.mutex);
    // ApiImpl::TaskSetParams: CheckCaptureModelForUpdate, UPDATING, then the change by type.
    if (aclError status = RefuseBuilt(call, *model); status != ACL_SUCCESS) {
        return status;
    }
    if (aclError status = BeginUpdate(call, *model); status != ACL_SUCCESS) {
        return status;
    }
    int type = 0; // read as the int a C caller may have stored, whatever its value
    std::memcpy(&type, &params->type, sizeof type);
    switch (type) {
    case ACL_MODEL_RI_TASK_KERNEL: return UpdateKernelTask(call, *model, details, index, *params);
    case ACL_MODEL_RI_TASK_VALUE_WRITE:
    case ACL_MODEL_RI_TASK_VALUE_WAIT:
        return FailUpdate(*model, ACL_ERROR_RT_PARAM_INVALID, call,
                          "the task is not a value write/wait task: check it with aclmdlRITaskGetType first");
    default: break;
    }
    return FailUpdate(*model, ACL_ERROR_RT_PARAM_INVALID, call,
                      "params->type " + std::to_string(type) +
                          " cannot be set: only ACL_MODEL_RI_TASK_KERNEL (1), VALUE_WRITE (5) or VALUE_WAIT (6)");
}

ACL_FUNC_VISIBILITY aclError aclmdlRITaskDisable(aclmdlRITask task) {
    const char *call = "aclmdlRITaskDisable";
    std::shared_ptr<Model> model;
    size_t index = 0;
    if (aclError status = FindTask(call, task, ACL_ERROR_RT_PARAM_INVALID, model, index); status != ACL_SUCCESS) {
        return status;
    }
    ModelDetails &details = DetailsOf(*model);
    std::lock_guard lock(details.mutex);
    // ApiImpl::ModelTaskDisable.
    if (aclError status = RefuseBuilt(call, *model); status != ACL_SUCCESS) {
        return status;
    }
    if (aclError status = BeginUpdate(call, *model); status != ACL_SUCCESS) {
        return status;
    }
    Task &target = model->tasks[index];
    if (TaskTypeOf(target) == ACL_MODEL_RI_TASK_DEFAULT) {
        return FailUpdate(*model, ACL_ERROR_RT_PARAM_INVALID, call,
                          std::string("the task (") + target.typeName() +
                              ") is of type ACL_MODEL_RI_TASK_DEFAULT, which cannot be disabled");
    }
    target.disabled = true;
    if (auto it = details.kernelSettings.find(index); it != details.kernelSettings.end()) {
        it->second.opInfo.clear(); // ClearShapeInfo
    }
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclmdlRIUpdate(aclmdlRI modelRI) {
    const char *call = "aclmdlRIUpdate";
    std::shared_ptr<Model> model;
    if (aclError status = FindModel(call, modelRI, ACL_ERROR_RT_PARAM_INVALID, model); status != ACL_SUCCESS) {
        return status;
    }
    if (aclError status = RefuseBody(call, *model); status != ACL_SUCCESS) {
        return status;
    }
    if (aclError status = RefuseBuilt(call, *model); status != ACL_SUCCESS) {
        return status;
    }
    ModelDetails &details = DetailsOf(*model);
    std::lock_guard lock(details.mutex);
    // ApiImpl::ModelUpdate: nothing to do when READY; only an UPDATING model can be made READY.
    switch (model->state.load(std::memory_order_seq_cst)) {
    case Model::State::Ready: return ACL_SUCCESS;
    case Model::State::Updating:
        // The changes were made in place while no replay could start; from here replays see them.
        model->state.store(Model::State::Ready, std::memory_order_seq_cst);
        return ACL_SUCCESS;
    case Model::State::Capturing:
        return Fail(ACL_ERROR_RT_MODEL_UPDATE_FAILED, call, "the model is not ready for update, status=CAPTURING");
    case Model::State::Fault:
        return Fail(ACL_ERROR_RT_MODEL_UPDATE_FAILED, call, "the model is not ready for update, status=FAULT");
    case Model::State::Abandoned:
    case Model::State::Building: break;
    }
    return Fail(ACL_ERROR_RT_MODEL_UPDATE_FAILED, call, "the model's capture did not complete; destroy it");
}

} // extern "C"
