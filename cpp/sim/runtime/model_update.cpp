// The CANN 9.1 in-place update of a captured model's tasks: aclmdlRITaskSetParams,
// aclmdlRITaskDisable, then aclmdlRIUpdate to make the model READY again.
#include <cstring>

#include "model_details.h"

namespace aclsim {
namespace {

// CheckCaptureModelForUpdate, then the switch to UPDATING of ApiImpl::TaskSetParams /
// ModelTaskDisable. Under the model's details mutex.
aclError BeginUpdate(const char *call, Model &model) {
    switch (model.state.load(std::memory_order_seq_cst)) {
    case Model::State::Updating: return ACL_SUCCESS;
    case Model::State::Ready: {
        model.state.store(Model::State::Updating, std::memory_order_seq_cst);
        // aclmdlRIExecuteAsync counts a launch before it reads the state, so a launch this misses
        // sees UPDATING and is refused. The fence keeps the store before the loads below even
        // under emulators that reorder STLR;LDAR (Signal::notify).
        std::atomic_thread_fence(std::memory_order_seq_cst);
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
                    "the model (model_id=" + std::to_string(model.id()) +
                        ") is in capture state: end the capture first");
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

// An in-place change of a task under way: the task, its model's details locked.
struct TaskChange {
    FoundTask found;
    ModelDetails *details = nullptr;
    std::unique_lock<std::mutex> lock;
};

// The start both changes share (ApiImpl::TaskSetParams, ModelTaskDisable): the task and the call's
// argument `output` if it has one (NULL: 107000), the model's details locked, then CheckCaptureModelForUpdate
// (built models are refused) and the switch to UPDATING.
aclError BeginTaskChange(const char *call, aclmdlRITask task, const void *output, const char *outputName,
                         TaskChange &change) {
    ACLSIM_RETURN_IF_FAILED(FindTask(call, task, output, outputName, ACL_ERROR_RT_PARAM_INVALID, change.found));
    Model &model = *change.found.model;
    change.details = &DetailsOf(model);
    change.lock = std::unique_lock(change.details->mutex);
    ACLSIM_RETURN_IF_FAILED(RefuseBuilt(call, model));
    return BeginUpdate(call, model);
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

} // namespace
} // namespace aclsim

using namespace aclsim;

extern "C" {

ACL_FUNC_VISIBILITY aclError aclmdlRITaskSetParams(aclmdlRITask task, aclmdlRITaskParams *params) {
    const char *call = "aclmdlRITaskSetParams";
    // ApiImpl::TaskSetParams: CheckCaptureModelForUpdate, UPDATING, then the change by type.
    TaskChange change;
    ACLSIM_RETURN_IF_FAILED(BeginTaskChange(call, task, params, "params", change));
    auto &[model, index] = change.found;
    int type = 0; // read as the int a C caller may have stored, whatever its value
    std::memcpy(&type, &params->type, sizeof type);
    switch (type) {
    case ACL_MODEL_RI_TASK_KERNEL: return UpdateKernelTask(call, *model, *change.details, index, *params);
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
    // ApiImpl::ModelTaskDisable.
    TaskChange change;
    ACLSIM_RETURN_IF_FAILED(BeginTaskChange(call, task, nullptr, nullptr, change));
    auto &[model, index] = change.found;
    Task &target = model->tasks[index];
    if (TaskTypeOf(target) == ACL_MODEL_RI_TASK_DEFAULT) {
        return FailUpdate(*model, ACL_ERROR_RT_PARAM_INVALID, call,
                          std::string("the task (") + target.typeName() +
                              ") is of type ACL_MODEL_RI_TASK_DEFAULT, which cannot be disabled");
    }
    target.disabled = true;
    if (auto it = change.details->kernelSettings.find(index); it != change.details->kernelSettings.end()) {
        it->second.opInfo.clear(); // ClearShapeInfo
    }
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclmdlRIUpdate(aclmdlRI modelRI) {
    const char *call = "aclmdlRIUpdate";
    std::shared_ptr<Model> model;
    ACLSIM_RETURN_IF_FAILED(FindModel(call, modelRI, ACL_ERROR_RT_PARAM_INVALID, model));
    ACLSIM_RETURN_IF_FAILED(RefuseBody(call, *model));
    ACLSIM_RETURN_IF_FAILED(RefuseBuilt(call, *model));
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
