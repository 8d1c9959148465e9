// The CANN 9.1 introspection of a model (aclmdlRIGetStreams, aclmdlRIGetTasksByStream,
// aclmdlRITaskGetType/GetSeqId/GetParams, aclmdlRIKernelTaskGetAttribute).
#include <cstring>

#include "model_details.h"

namespace aclsim {
namespace {

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
                    "the array holds " + std::to_string(capacity) + " entries but there are " + std::to_string(total) +
                        " " + what + ": pass NULL first to get the count");
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

} // namespace
} // namespace aclsim

using namespace aclsim;

extern "C" {

ACL_FUNC_VISIBILITY aclError aclmdlRIGetStreams(aclmdlRI modelRI, aclrtStream *streams, uint32_t *numStreams) {
    const char *call = "aclmdlRIGetStreams";
    // rtModelGetStreams: the handle is validated first, then numStreams, then (decorator) NULL.
    std::shared_ptr<Model> model;
    if (modelRI != nullptr) {
        ACLSIM_RETURN_IF_FAILED(FindModel(call, modelRI, ACL_ERROR_RT_PARAM_INVALID, model));
    }
    if (numStreams == nullptr) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call, "numStreams is NULL");
    }
    if (!model) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call, "modelRI is NULL");
    }
    ACLSIM_RETURN_IF_FAILED(RefuseBody(call, *model));
    ACLSIM_RETURN_IF_FAILED(RequireModelContext(call, *model));
    std::lock_guard captureLock(CaptureMutex()); // a capture may still add streams
    if (model->built) {                          // a built model's streams are the ones bound to it
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
    FoundTask found;
    ACLSIM_RETURN_IF_FAILED(FindTask(call, task, type, "type", ACL_ERROR_RT_PARAM_INVALID, found));
    auto &[model, index] = found;
    std::lock_guard captureLock(CaptureMutex());
    *type = TaskTypeOf(model->tasks[index]);
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclmdlRITaskGetSeqId(aclmdlRITask task, uint32_t *id) {
    const char *call = "aclmdlRITaskGetSeqId";
    FoundTask found;
    ACLSIM_RETURN_IF_FAILED(FindTask(call, task, id, "id", ACL_ERROR_RT_PARAM_INVALID, found));
    auto &[model, index] = found;
    ACLSIM_RETURN_IF_FAILED(RefuseBuilt(call, *model));
    // ApiImpl::TaskGetSeqId: the position in which the capture added the task (GenerateSeqId).
    *id = static_cast<uint32_t>(index);
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclmdlRITaskGetParams(aclmdlRITask task, aclmdlRITaskParams *params) {
    const char *call = "aclmdlRITaskGetParams";
    FoundTask found;
    ACLSIM_RETURN_IF_FAILED(FindTask(call, task, params, "params", ACL_ERROR_RT_PARAM_INVALID, found));
    auto &[model, index] = found;
    const DetailsLock locked(*model);
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
        ACLSIM_RETURN_IF_FAILED(RefuseBuilt(call, *model));
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
        if (auto it = locked.details.kernelSettings.find(index); it != locked.details.kernelSettings.end()) {
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
    FoundTask found;
    ACLSIM_RETURN_IF_FAILED(FindTask(call, task, attrValue, "attrValue", ACL_ERROR_INVALID_PARAM, found));
    auto &[model, index] = found;
    const DetailsLock locked(*model);
    // GetKernelAttribute.
    if (model->tasks[index].kind != TaskKind::Kernel) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call,
                    "the task is not a kernel task: check it with aclmdlRITaskGetType first");
    }
    KernelTaskSettings settings;
    if (auto it = locked.details.kernelSettings.find(index); it != locked.details.kernelSettings.end()) {
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

} // extern "C"
