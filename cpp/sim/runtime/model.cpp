// Captured models: their replay, launch (aclmdlRIExecuteAsync, aclmdlRIExecute) and destruction,
// and the lookups every aclmdlRI call starts with.
#include "runtime.h"

namespace aclsim {

namespace {
std::atomic<int32_t> gNextModelId{0};
} // namespace

aclError FindModel(const char *call, aclmdlRI handle, aclError nullCode, std::shared_ptr<Model> &out) {
    if (handle == nullptr) {
        return Fail(nullCode, call, "modelRI is NULL");
    }
    out = Models().find(handle);
    if (!out) {
        return Fail(ACL_ERROR_RT_INVALID_HANDLE, call,
                    "not a live model (destroyed already, or not made by this runtime?)");
    }
    return ACL_SUCCESS;
}

aclError RequireModelContext(const char *call, const Model &model, std::shared_ptr<Context> *current) {
    return RequireCurrentContext(call, "model", *model.context(), ACL_ERROR_RT_MODEL_CONTEXT, current);
}

aclError FindCurrentModel(const char *call, aclmdlRI handle, aclError nullCode, std::shared_ptr<Model> &out) {
    ACLSIM_RETURN_IF_FAILED(FindModel(call, handle, nullCode, out));
    return RequireModelContext(call, *out);
}

// ---------------------------------------------------------------- Model

Model::Model(std::shared_ptr<Context> context)
    : context_(std::move(context)), id_(gNextModelId.fetch_add(1, std::memory_order_relaxed)) {
    CountObjectCreated(ACLSIM_OBJ_MODEL);
}

Model::~Model() {
    CountObjectDestroyed(ACLSIM_OBJ_MODEL);
}

aclError Model::replay() const {
    if (built) {
        return ReplayBuilt(*this);
    }
    for (const Task &task : tasks) {
        if (aborting.load(std::memory_order_relaxed)) {
            return ACL_ERROR_RT_MODEL_ABORT_NORMAL; // aclmdlRIAbort
        }
        if (aclError status = RunTask(task, true); status != ACL_SUCCESS) {
            return status; // like a device, a faulting model stops at the failed task
        }
    }
    return ACL_SUCCESS;
}

} // namespace aclsim

using namespace aclsim;

extern "C" {

ACL_FUNC_VISIBILITY aclError aclmdlRIExecuteAsync(aclmdlRI modelRI, aclrtStream stream) {
    const char *call = "aclmdlRIExecuteAsync";
    std::shared_ptr<Model> model;
    ACLSIM_RETURN_IF_FAILED(FindModel(call, modelRI, ACL_ERROR_INVALID_PARAM, model));
    std::shared_ptr<Stream> target;
    ACLSIM_RETURN_IF_FAILED(ResolveStream(call, stream, target));
    // In the device's order: the stream (ApiErrorDecorator::ModelExecute), then the model's context
    // against the current one (ApiImpl::ModelExecute), then the stream's context against the
    // model's (Model::Execute), then the model's own state.
    if (target->captureFlag.load(std::memory_order_acquire)) {
        std::lock_guard lock(CaptureMutex());
        if (target->capture) {
            return Fail(ACL_ERROR_RT_STREAM_CAPTURED, call,
                        "the stream is capturing: a model cannot be launched inside a capture");
        }
        if (target->updating) {
            return Fail(ACL_ERROR_STREAM_TASK_GROUP_STATUS, call,
                        "the stream is updating a task group: call aclmdlRICaptureTaskUpdateEnd first");
        }
    }
    if (target->boundFlag.load(std::memory_order_acquire)) { // ApiErrorDecorator::ModelExecuteAsync
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call,
                    "the stream is bound to a model (aclmdlRIBindStream): launch on a stream that is not");
    }
    if (model->isBody) { // ApiErrorDecorator::ModelExecute
        return Fail(ACL_ERROR_RT_FEATURE_NOT_SUPPORT, call,
                    "the model is a body of a conditional task: it runs inside its parent's replay only");
    }
    ACLSIM_RETURN_IF_FAILED(RequireModelContext(call, *model));
    ACLSIM_RETURN_IF_FAILED(CheckContext(call, "stream", *target->context(), model->context().get(),
                                         ACL_ERROR_RT_STREAM_CONTEXT,
                                         "launch the model on a stream of its own context"));
    // Counted as launched before its state is read: an update (aclmdlRITaskSetParams) leaves READY
    // before it reads the count, so either it sees this launch or this sees its state.
    model->launched.fetch_add(1, std::memory_order_seq_cst);
    aclError refusal = ACL_SUCCESS;
    switch (model->state.load(std::memory_order_seq_cst)) {
    case Model::State::Capturing:
        refusal = Fail(ACL_ERROR_RT_MODEL_CAPTURED, call, "the model is still being captured: end the capture first");
        break;
    case Model::State::Abandoned:
        refusal = Fail(ACL_ERROR_RT_MODEL_EXECUTE, call, "the model's capture did not complete; destroy it");
        break;
    case Model::State::Updating: // CaptureModel::CheckExecuteReady
        refusal = Fail(ACL_ERROR_RT_MODEL_EXECUTE, call,
                       "the model is not ready, status=UPDATING: call aclmdlRIUpdate after changing its tasks");
        break;
    case Model::State::Fault:
        refusal = Fail(ACL_ERROR_RT_MODEL_EXECUTE, call,
                       "the model is not ready, status=FAULT: an update of its tasks failed; destroy it");
        break;
    case Model::State::Building:
        refusal = Fail(ACL_ERROR_RT_MODEL_EXECUTE, call, "the model is still being built: call aclmdlRIBuildEnd first");
        break;
    case Model::State::Ready: break;
    }
    if (refusal != ACL_SUCCESS) {
        model->finishReplay();
        return refusal;
    }
    PrepareLaunch(*model); // CaptureModel::PreModelExecute: condition defaults, external event bindings
    Task task;
    task.kind = TaskKind::ModelRun;
    task.model = model.get();
    aclError status = SubmitTask(call, target, std::move(task));
    if (status != ACL_SUCCESS) {
        model->finishReplay();
    }
    return status;
}

ACL_FUNC_VISIBILITY aclError aclmdlRIExecute(aclmdlRI modelRI, int32_t timeout) {
    const char *call = "aclmdlRIExecute";
    std::shared_ptr<Model> model;
    ACLSIM_RETURN_IF_FAILED(FindModel(call, modelRI, ACL_ERROR_INVALID_PARAM, model));
    ACLSIM_RETURN_IF_FAILED(CheckTimeout(call, timeout));
    if (model->built) {
        return ExecuteBuiltModel(call, model, timeout);
    }
    return Fail(ACL_ERROR_RT_PARAM_INVALID, call,
                "ACL Graph mode is not supported: a captured model is replayed with aclmdlRIExecuteAsync and "
                "aclrtSynchronizeStream");
}

ACL_FUNC_VISIBILITY aclError aclmdlRIDestroy(aclmdlRI modelRI) {
    const char *call = "aclmdlRIDestroy";
    std::shared_ptr<Model> model;
    ACLSIM_RETURN_IF_FAILED(FindModel(call, modelRI, ACL_ERROR_INVALID_PARAM, model));
    if (model->isBody) { // ApiErrorDecorator::ModelDestroy
        return Fail(ACL_ERROR_RT_FEATURE_NOT_SUPPORT, call,
                    "the model is a body of a conditional task: it is destroyed with its parent model");
    }
    if (model->state.load(std::memory_order_acquire) == Model::State::Capturing) {
        return Fail(ACL_ERROR_RT_MODEL_CAPTURED, call, "the model is still being captured: end the capture first");
    }
    // Like the runtime, wait up to 10 s for replays in flight.
    Model &m = *model;
    uint64_t launched = m.launched.load(std::memory_order_seq_cst);
    if (!m.idleSignal.waitUntil([&m, launched] { return m.finished.load(std::memory_order_seq_cst) >= launched; },
                                std::chrono::steady_clock::now() + std::chrono::seconds(10))) {
        return Fail(ACL_ERROR_RT_MODEL_RUNNING, call,
                    "the model is still running after 10 s; synchronise the streams replaying it first");
    }
    if (!Models().remove(modelRI)) {
        return Fail(ACL_ERROR_RT_INVALID_HANDLE, call, "not a live model (destroyed concurrently?)");
    }
    for (const auto &group : model->groups) {
        TaskGroups().remove(group.get());
    }
    TearDownModelDetails(*model);
    return ACL_SUCCESS;
}

} // extern "C"
