// Models built without capture: aclmdlRIBuildBegin, aclmdlRIBindStream, aclmdlRIEndTask,
// aclmdlRIBuildEnd, aclmdlRIUnbindStream, aclmdlRIExecute of a built model, aclmdlRIAbort, and
// the stream control between a model's streams (stream_control.cpp). Each check
// follows the device's runtime (hicann/runtime src/acl/aclrt_impl/model_ri.cpp, stream.cpp and
// src/runtime/api: api_c_model.cc, ApiErrorDecorator, ApiImpl, Context, Model); the function named
// next to a rule is the one it simulates.
#include "built_model.h"

namespace aclsim {

// ACL_MODEL_STREAM_FLAG_HEAD / ACL_MODEL_STREAM_FLAG_DEFAULT (acl_rt.h).
constexpr uint32_t kHeadStream = 0x00000000U;
constexpr uint32_t kDefaultStream = 0x7FFFFFFFU;

namespace {

class EndGraphKernel final : public DeviceKernel {
public:
    const char *name() const noexcept override { return "MODEL_END_GRAPH"; }
    aclError run() const noexcept override { return ACL_SUCCESS; }
};

// ApiErrorDecorator::ModelBindStream and friends: a captured model cannot be built.
aclError RequireBuilt(const char *call, const Model &model) {
    if (!model.built) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call,
                    "ACL Graph mode is not supported: the model was captured, not built with aclmdlRIBuildBegin");
    }
    return ACL_SUCCESS;
}

// The arguments of aclmdlRIEndTask and aclmdlRIUnbindStream in the device's order: a live model, a
// live stream (NULL: the current context's default stream, Runtime::GetCurStream), then a model
// built without capture.
aclError FindBuiltModelAndStream(const char *call, aclmdlRI modelRI, aclrtStream stream, std::shared_ptr<Model> &model,
                                 std::shared_ptr<Stream> &target) {
    ACLSIM_RETURN_IF_FAILED(FindModel(call, modelRI, ACL_ERROR_INVALID_PARAM, model));
    ACLSIM_RETURN_IF_FAILED(ResolveStream(call, stream, target));
    return RequireBuilt(call, *model);
}

// Under CaptureMutex().
aclError RefuseCapturing(const char *call, const Stream &stream) {
    if (stream.capture) {
        return Fail(ACL_ERROR_RT_STREAM_CAPTURED, call, "the stream is capturing: that is not supported");
    }
    return ACL_SUCCESS;
}

} // namespace

aclError RecordIntoBuiltModel(const char *call, Stream &stream, Task &&task) {
    Model &model = *stream.boundModel;
    if (model.state.load(std::memory_order_acquire) != Model::State::Building) {
        return Fail(ACL_ERROR_RT_STREAM_MODEL, call,
                    "the stream is bound to a model whose build ended (aclmdlRIBuildEnd): unbind it "
                    "(aclmdlRIUnbindStream) before issuing other work on it");
    }
    if (ShouldInjectFault(ACLSIM_FAULT_TASK_SUBMIT)) {
        return Fail(ACL_ERROR_RT_RESOURCE_ALLOC_FAIL, call, "cannot add the task to the model (injected fault)");
    }
    task.modelStream = stream.boundIndex;
    model.built->streams[stream.boundIndex].tasks.push_back(model.tasks.size());
    model.tasks.push_back(std::move(task));
    return ACL_SUCCESS;
}

void UnbindBuiltStreams(Model &model) {
    if (!model.built) {
        return;
    }
    std::vector<std::shared_ptr<Model>> released; // the streams' references, dropped after the lock
    std::lock_guard lock(CaptureMutex());
    for (auto &entry : model.built->streams) {
        if (!entry.bound) {
            continue;
        }
        entry.bound = false;
        if (auto stream = Streams().find(entry.handle); stream && stream->boundModel.get() == &model) {
            released.push_back(std::move(stream->boundModel));
            stream->boundFlag.store(false, std::memory_order_release);
        }
    }
}

std::vector<std::pair<aclrtStream, uint32_t>> BoundStreamsOf(const Model &model) {
    std::vector<std::pair<aclrtStream, uint32_t>> bound;
    for (uint32_t i = 0; i < model.built->streams.size(); ++i) {
        if (model.built->streams[i].bound) {
            bound.emplace_back(model.built->streams[i].handle, i);
        }
    }
    return bound;
}

aclError ExecuteBuiltModel(const char *call, const std::shared_ptr<Model> &model, int32_t timeoutMs) {
    // ApiImpl::ModelExecuteSync, then Model::SynchronizeExecute.
    ACLSIM_RETURN_IF_FAILED(RequireModelContext(call, *model));
    if (model->state.load(std::memory_order_acquire) != Model::State::Ready) {
        return Fail(ACL_ERROR_RT_MODEL_EXECUTE, call, "the model is still being built: call aclmdlRIBuildEnd first");
    }
    {
        std::lock_guard lock(CaptureMutex());
        if (!model->built->endGraph) {
            return Fail(ACL_ERROR_RT_MODEL_EXECUTE, call,
                        "end graph must be called before execution: call aclmdlRIEndTask on a stream of the model");
        }
    }
    std::shared_ptr<Stream> stream; // Model::GetExecuteStream: the context's default stream
    ACLSIM_RETURN_IF_FAILED(ResolveStream(call, nullptr, stream));
    model->launched.fetch_add(1, std::memory_order_seq_cst);
    Task task;
    task.kind = TaskKind::ModelRun;
    task.model = model.get();
    if (aclError status = SubmitTask(call, stream, std::move(task)); status != ACL_SUCCESS) {
        model->finishReplay();
        return status;
    }
    return AwaitStream(call, *stream, timeoutMs, "the model",
                       "the model's execution failed (see the error before this one)");
}

} // namespace aclsim

using namespace aclsim;

extern "C" {

ACL_FUNC_VISIBILITY aclError aclmdlRIBuildBegin(aclmdlRI *modelRI, uint32_t flag) {
    const char *call = "aclmdlRIBuildBegin";
    if (modelRI == nullptr) { // aclmdlRIBuildBeginImpl
        return Fail(ACL_ERROR_INVALID_PARAM, call, "modelRI is NULL");
    }
    if (flag != 0) { // rtsModelCreate
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call, "flag is reserved and must be 0");
    }
    std::shared_ptr<Context> context; // ApiImpl::ModelCreate
    ACLSIM_RETURN_IF_FAILED(RequireContext(call, context));
    auto model = std::make_shared<Model>(context);
    model->built = std::make_shared<BuiltModel>();
    model->state.store(Model::State::Building, std::memory_order_release);
    Models().add(model);
    *modelRI = model.get();
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclmdlRIBindStream(aclmdlRI modelRI, aclrtStream stream, uint32_t flag) {
    const char *call = "aclmdlRIBindStream";
    std::shared_ptr<Model> model;
    ACLSIM_RETURN_IF_FAILED(FindModel(call, modelRI, ACL_ERROR_INVALID_PARAM, model));
    // rtsModelBindStream: the flag, the handles, a persistent stream not bound yet.
    if (flag != kHeadStream && flag != kDefaultStream) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call,
                    "flag " + std::to_string(flag) +
                        " is not ACL_MODEL_STREAM_FLAG_HEAD or ACL_MODEL_STREAM_FLAG_DEFAULT");
    }
    std::shared_ptr<Stream> target;
    ACLSIM_RETURN_IF_FAILED(ResolveStream(call, stream, target)); // NULL: the default stream
    if ((target->flags() & ACL_STREAM_PERSISTENT) == 0) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call,
                    "a non-persistent stream cannot be bound to a model: create it with ACL_STREAM_PERSISTENT");
    }
    std::lock_guard lock(CaptureMutex());
    if (target->boundModel) {
        return Fail(ACL_ERROR_RT_STREAM_MODEL, call,
                    "the stream is bound to a model (model_id=" + std::to_string(target->boundModel->id()) +
                        ") already and cannot be bound to another");
    }
    // ApiErrorDecorator::ModelBindStream.
    ACLSIM_RETURN_IF_FAILED(RequireBuilt(call, *model));
    ACLSIM_RETURN_IF_FAILED(RefuseCapturing(call, *target));
    if ((target->flags() & ACL_STREAM_DEVICE_USE_ONLY) != 0) {
        return Fail(ACL_ERROR_RT_INTERNAL_ERROR, call,
                    "a stream created with ACL_STREAM_DEVICE_USE_ONLY cannot be bound to a model");
    }
    if ((target->flags() & ACL_STREAM_FAST_LAUNCH) != 0) {
        return Fail(ACL_ERROR_RT_FEATURE_NOT_SUPPORT, call,
                    "a stream created with ACL_STREAM_FAST_LAUNCH cannot be bound to a model");
    }
    // ApiImpl::ModelBindStream.
    ACLSIM_RETURN_IF_FAILED(RequireModelContext(call, *model));
    if (model->state.load(std::memory_order_acquire) != Model::State::Building) {
        return Fail(ACL_ERROR_RT_STREAM_MODEL, call,
                    "the model's build ended (aclmdlRIBuildEnd): no stream can join it");
    }
    BuiltModel::StreamEntry entry;
    entry.handle = target.get();
    entry.head = flag == kHeadStream;
    target->boundIndex = static_cast<uint32_t>(model->built->streams.size());
    model->built->streams.push_back(std::move(entry));
    model->modelStreamIds.push_back(target->id());
    target->boundModel = model;
    target->boundFlag.store(true, std::memory_order_release);
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclmdlRIEndTask(aclmdlRI modelRI, aclrtStream stream) {
    const char *call = "aclmdlRIEndTask";
    // ApiErrorDecorator::ModelEndGraph, ApiImpl::ModelEndGraph, Context::ModelAddEndGraph.
    std::shared_ptr<Model> model;
    std::shared_ptr<Stream> target;
    ACLSIM_RETURN_IF_FAILED(FindBuiltModelAndStream(call, modelRI, stream, model, target));
    {
        std::lock_guard lock(CaptureMutex());
        ACLSIM_RETURN_IF_FAILED(RefuseCapturing(call, *target));
    }
    ACLSIM_RETURN_IF_FAILED(RequireStreamContext(call, *target));
    ACLSIM_RETURN_IF_FAILED(RequireModelContext(call, *model));
    std::lock_guard lock(CaptureMutex());
    if (model->built->endGraph) {
        return Fail(ACL_ERROR_RT_INTERNAL_ERROR, call, "the model has its end graph already: it must have only one");
    }
    if (target->boundModel != model) {
        return Fail(ACL_ERROR_RT_INTERNAL_ERROR, call,
                    "the stream must be bound to the model (aclmdlRIBindStream) to carry its end graph");
    }
    Task task;
    task.kind = TaskKind::Kernel;
    task.kernel = std::make_shared<EndGraphKernel>();
    ACLSIM_RETURN_IF_FAILED(RecordIntoBuiltModel(call, *target, std::move(task)));
    model->built->endGraph = true;
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclmdlRIBuildEnd(aclmdlRI modelRI, void *reserve) {
    const char *call = "aclmdlRIBuildEnd";
    if (modelRI == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, "modelRI is NULL");
    }
    if (reserve != nullptr) { // aclmdlRIBuildEndImpl
        return Fail(ACL_ERROR_INVALID_PARAM, call, "reserve is a reserved parameter and must be NULL");
    }
    std::shared_ptr<Model> model;
    ACLSIM_RETURN_IF_FAILED(FindModel(call, modelRI, ACL_ERROR_INVALID_PARAM, model));
    // ApiErrorDecorator::ModelLoadComplete, ApiImpl::ModelLoadComplete.
    ACLSIM_RETURN_IF_FAILED(RequireBuilt(call, *model));
    ACLSIM_RETURN_IF_FAILED(RequireModelContext(call, *model));
    std::lock_guard lock(CaptureMutex()); // no task is being added while the build ends
    if (model->state.load(std::memory_order_acquire) == Model::State::Building) {
        model->tasks.shrink_to_fit();
        model->state.store(Model::State::Ready, std::memory_order_release);
    }
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclmdlRIUnbindStream(aclmdlRI modelRI, aclrtStream stream) {
    const char *call = "aclmdlRIUnbindStream";
    // ApiErrorDecorator::ModelUnbindStream, ApiImpl::ModelUnbindStream, Model::UnbindStream.
    std::shared_ptr<Model> model;
    std::shared_ptr<Stream> target;
    ACLSIM_RETURN_IF_FAILED(FindBuiltModelAndStream(call, modelRI, stream, model, target));
    std::shared_ptr<Model> released; // the stream's reference, dropped after the lock
    std::lock_guard lock(CaptureMutex());
    ACLSIM_RETURN_IF_FAILED(RefuseCapturing(call, *target));
    ACLSIM_RETURN_IF_FAILED(RequireModelContext(call, *model));
    if (target->boundModel != model) {
        return Fail(ACL_ERROR_RT_STREAM_MODEL, call,
                    "the stream is not bound to this model (model_id=" + std::to_string(model->id()) + ")");
    }
    model->built->streams[target->boundIndex].bound = false;
    released = std::move(target->boundModel);
    target->boundFlag.store(false, std::memory_order_release);
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclmdlRIAbort(aclmdlRI modelRI) {
    const char *call = "aclmdlRIAbort";
    // aclmdlRIAbortImpl does not check the handle; ApiErrorDecorator::ModelAbort does.
    std::shared_ptr<Model> model;
    if (aclError status = FindModel(call, modelRI, ACL_ERROR_RT_PARAM_INVALID, model); status != ACL_SUCCESS) {
        return status;
    }
    if (model->isBody) {
        return Fail(ACL_ERROR_RT_FEATURE_NOT_SUPPORT, call,
                    "the model is a body of a conditional task (a sub-graph), which cannot be aborted");
    }
    // ApiImpl::ModelAbort.
    if (aclError status = RequireModelContext(call, *model); status != ACL_SUCCESS) {
        return status;
    }
    // Replays in flight or queued stop before their next task (their stream reports 507023); the
    // call returns once none is left, as the device's abort waits for the model's streams.
    Model &m = *model;
    m.aborting.store(true, std::memory_order_seq_cst);
    std::atomic_thread_fence(std::memory_order_seq_cst); // a launch this misses sees `aborting`
    uint64_t launched = m.launched.load(std::memory_order_seq_cst);
    bool idle =
        m.idleSignal.waitUntil([&m, launched] { return m.finished.load(std::memory_order_seq_cst) >= launched; },
                               std::chrono::steady_clock::now() + std::chrono::seconds(10));
    m.aborting.store(false, std::memory_order_seq_cst);
    if (!idle) {
        return Fail(
            ACL_ERROR_RT_MODEL_RUNNING, call,
            "the model's replays did not stop within 10 s (a task that does not return, such as a host function "
            "that blocks?)");
    }
    return ACL_SUCCESS;
}

} // extern "C"
