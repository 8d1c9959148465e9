// The aclmdlRI family: capture begin/end/info, the thread capture mode, models and their replay,
// task groups and task update, and the debug dumps.
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <functional>

#include "runtime.h"

namespace aclsim {

namespace {
std::atomic<int32_t> gNextModelId{0};

// Applies a finished task update in stream order: swaps the group's kernels in the model, so
// replays that start afterwards use the new arguments.
class TaskUpdateApplier final : public DeviceKernel {
public:
    TaskUpdateApplier(std::weak_ptr<Model> model, std::vector<size_t> indices,
                      std::vector<std::shared_ptr<const DeviceKernel>> kernels)
        : model_(std::move(model)), indices_(std::move(indices)), kernels_(std::move(kernels)) {}

    const char *name() const noexcept override { return "TASK_UPDATE"; }

    aclError run() const noexcept override {
        auto model = model_.lock();
        if (!model) {
            return ACL_SUCCESS; // the model was destroyed meanwhile: nothing to update
        }
        for (size_t i = 0; i < indices_.size(); ++i) {
            std::atomic_store(&model->tasks[indices_[i]].kernel, kernels_[i]);
        }
        return ACL_SUCCESS;
    }

private:
    std::weak_ptr<Model> model_;
    std::vector<size_t> indices_;
    std::vector<std::shared_ptr<const DeviceKernel>> kernels_;
};

aclError FindModel(const char *call, aclmdlRI handle, std::shared_ptr<Model> &out) {
    return FindLive(call, Models(), handle, "model", out);
}

aclError FindStream(const char *call, aclrtStream handle, std::shared_ptr<Stream> &out) {
    return FindLive(call, Streams(), handle, "stream", out, " (the default stream takes no part in captures)");
}

// ApiImpl::StreamBeginCapture / StreamEndCapture: the current context's default stream, named by
// the handle aclrtCtxGetCurrentDefaultStream gives, cannot be used in the ACL Graph (207000).
aclError RefuseDefaultStream(const char *call, aclrtStream handle) {
    if (handle == nullptr) {
        return ACL_SUCCESS;
    }
    if (auto context = CurrentContext(); context && context->defaultStream().get() == handle) {
        return Fail(ACL_ERROR_RT_FEATURE_NOT_SUPPORT, call,
                    "the default stream cannot be used in the ACL Graph: capture on a stream of aclrtCreateStream");
    }
    return ACL_SUCCESS;
}

// Under CaptureMutex(): whether every stream that joined the capture leads back to the origin
// through its final event record.
bool AllJoined(Capture &capture, std::string &unjoined) {
    Stream *origin = capture.members.front().stream.get();
    std::function<bool(Stream *, size_t)> rejoined = [&](Stream *stream, size_t depth) -> bool {
        if (stream == origin) {
            return true;
        }
        if (depth > capture.members.size()) {
            return false;
        }
        const Capture::Member *member = capture.member(stream);
        if (member == nullptr || !member->lastIsRecord) {
            return false;
        }
        for (const auto &wait : capture.waits) {
            if (wait.event == member->lastEvent && wait.sequence == member->lastSequence && wait.waiter != stream &&
                rejoined(wait.waiter, depth + 1)) {
                return true;
            }
        }
        return false;
    };
    for (const auto &member : capture.members) {
        if (!rejoined(member.stream.get(), 0)) {
            unjoined = "stream " + std::to_string(member.stream->id());
            return false;
        }
    }
    return true;
}

const char *ModeName(int mode) {
    switch (mode) {
    case ACL_MODEL_RI_CAPTURE_MODE_GLOBAL: return "GLOBAL";
    case ACL_MODEL_RI_CAPTURE_MODE_THREAD_LOCAL: return "THREAD_LOCAL";
    case ACL_MODEL_RI_CAPTURE_MODE_RELAXED: return "RELAXED";
    }
    return "?";
}

std::string TaskDisplayName(const Task &task) {
    std::string name;
    if (task.kind == TaskKind::Kernel) {
        name = std::atomic_load(&task.kernel)->name();
    } else {
        name = task.typeName();
    }
    if (task.event && (task.kind == TaskKind::EventRecord || task.kind == TaskKind::EventWait ||
                       task.kind == TaskKind::EventReset)) {
        name += "_" + std::to_string(task.event->id());
    }
    return name;
}

std::string JsonEscape(const std::string &text) {
    std::string escaped;
    for (char c : text) {
        if (c == '"' || c == '\\') {
            escaped += '\\';
            escaped += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
            escaped += buffer;
        } else {
            escaped += c;
        }
    }
    return escaped;
}

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
    std::shared_ptr<Context> context;
    if (aclError status = RequireContext(call, context); status != ACL_SUCCESS) {
        return status;
    }
    if (model.context() != context) {
        return Fail(ACL_ERROR_RT_MODEL_CONTEXT, call,
                    "the model belongs to another context (device " + std::to_string(model.context()->device()) +
                        "): make its context current first");
    }
    if (current != nullptr) {
        *current = std::move(context);
    }
    return ACL_SUCCESS;
}

// ---------------------------------------------------------------- Model

Model::Model(std::shared_ptr<Context> context)
    : context_(std::move(context)), id_(gNextModelId.fetch_add(1, std::memory_order_relaxed)) {
    CountObjectCreated(ACLSIM_OBJ_MODEL);
}

Model::~Model() { CountObjectDestroyed(ACLSIM_OBJ_MODEL); }

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

// ---------------------------------------------------------------- capture bookkeeping

void InvalidateCapture(Capture &capture) { capture.invalidated = true; }

void InvalidateStreamCapture(Capture &capture, Stream &stream) {
    stream.captureStatus = ACL_MODEL_RI_CAPTURE_STATUS_INVALIDATED;
    capture.invalidated = true;
}

void LeaveCapture(Capture &capture) {
    if (!capture.active) {
        return;
    }
    capture.active = false;
    for (auto &member : capture.members) {
        Stream &stream = *member.stream;
        stream.capture.reset();
        stream.captureStatus = ACL_MODEL_RI_CAPTURE_STATUS_NONE;
        stream.captureOrigin = false;
        stream.openGroup.reset();
        stream.captureFlag.store(stream.updating != nullptr, std::memory_order_release);
    }
    capture.members.clear();
    capture.waits.clear();
    capture.openGroups = 0;
    --capture.context->captureModeCounts[capture.mode];
    capture.context->activeCaptures.fetch_sub(1, std::memory_order_acq_rel);
    --capture.beginThread->captureModeCounts[capture.mode];
}

void DiscardCapturesOf(const Context &context) {
    std::vector<std::shared_ptr<Model>> discarded; // released after the lock
    std::lock_guard lock(CaptureMutex());
    auto &mutableContext = const_cast<Context &>(context);
    std::vector<std::shared_ptr<Stream>> streams = mutableContext.streams();
    for (const auto &stream : streams) {
        if (auto group = stream->updating) {
            group->updater = nullptr;
            stream->updating.reset();
            stream->updateKernels.clear();
            stream->captureFlag.store(stream->capture != nullptr, std::memory_order_release);
        }
        if (auto capture = stream->capture) {
            capture->model->state.store(Model::State::Abandoned);
            discarded.push_back(Models().remove(capture->model.get()));
            LeaveCapture(*capture);
        }
    }
}

} // namespace aclsim

using namespace aclsim;

aclError aclsim::BeginCapture(const char *call, aclrtStream stream, aclmdlRICaptureMode mode,
                              const std::shared_ptr<Model> &body) {
    if (aclError status = RefuseDefaultStream(call, stream); status != ACL_SUCCESS) {
        return status;
    }
    std::shared_ptr<Stream> target;
    if (aclError status = FindStream(call, stream, target); status != ACL_SUCCESS) {
        return status;
    }
    if (static_cast<int>(mode) < ACL_MODEL_RI_CAPTURE_MODE_GLOBAL || static_cast<int>(mode) > ACL_MODEL_RI_CAPTURE_MODE_RELAXED) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call, "mode " + std::to_string(static_cast<int>(mode)) + " is not an aclmdlRICaptureMode");
    }
    std::shared_ptr<Context> context;
    if (aclError status = RequireContext(call, context); status != ACL_SUCCESS) {
        return status;
    }
    if (target->context() != context) {
        return Fail(ACL_ERROR_RT_STREAM_CONTEXT, call,
                    "the stream belongs to another context (device " + std::to_string(target->context()->device()) +
                        "): make its context current first");
    }
    // StreamFlagIsSupportCapture: AI CPU (ACL_STREAM_CPU_SCHEDULE) and device-only streams cannot
    // capture; persistent ones can.
    if ((target->flags() & (ACL_STREAM_DEVICE_USE_ONLY | ACL_STREAM_CPU_SCHEDULE)) != 0) {
        return Fail(ACL_ERROR_RT_INTERNAL_ERROR, call,
                    "streams created with ACL_STREAM_DEVICE_USE_ONLY or ACL_STREAM_CPU_SCHEDULE do not support the ACL "
                    "Graph");
    }
    std::lock_guard lock(CaptureMutex());
    // Context::StreamBeginCapture (CheckCaptureModelIsCaptured): a body is captured once.
    if (body && body->bodyCaptureBegun) {
        return Fail(ACL_ERROR_RT_MODEL_CAPTURED, call, "the model was captured already: a body is captured once");
    }
    if (target->capture) {
        return Fail(ACL_ERROR_RT_STREAM_CAPTURED, call, "the stream is already capturing");
    }
    if (target->updating) {
        return Fail(ACL_ERROR_STREAM_TASK_GROUP_STATUS, call,
                    "the stream is updating a task group: call aclmdlRICaptureTaskUpdateEnd first");
    }
    if (ShouldInjectFault(ACLSIM_FAULT_STREAM_CREATE)) {
        return Fail(ACL_ERROR_RT_NO_STREAM_RESOURCE, call,
                    "stream resources are insufficient for the capture stream (injected fault)");
    }
    auto model = body ? body : std::make_shared<Model>(context);
    model->modelStreamIds.push_back(NextStreamId());
    auto capture = std::make_shared<Capture>();
    capture->model = model;
    capture->context = context;
    capture->beginThread = CurrentThreadState();
    capture->beginThreadId = std::this_thread::get_id();
    capture->mode = mode;
    Capture::Member origin;
    origin.stream = target;
    capture->members.push_back(origin);
    target->capture = capture;
    target->captureStatus = ACL_MODEL_RI_CAPTURE_STATUS_ACTIVE;
    target->captureOrigin = true;
    target->captureFlag.store(true, std::memory_order_release);
    ++context->captureModeCounts[mode];
    context->activeCaptures.fetch_add(1, std::memory_order_acq_rel);
    ++capture->beginThread->captureModeCounts[mode];
    if (body) {
        body->bodyCaptureBegun = true;
    } else {
        Models().add(model);
    }
    return ACL_SUCCESS;
}

extern "C" {

ACL_FUNC_VISIBILITY aclError aclmdlRICaptureBegin(aclrtStream stream, aclmdlRICaptureMode mode) {
    return BeginCapture("aclmdlRICaptureBegin", stream, mode, nullptr);
}

ACL_FUNC_VISIBILITY aclError aclmdlRICaptureGetInfo(aclrtStream stream, aclmdlRICaptureStatus *status,
                                                    aclmdlRI *modelRI) {
    const char *call = "aclmdlRICaptureGetInfo";
    if (status == nullptr && modelRI == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, "status and modelRI are both NULL");
    }
    std::shared_ptr<Stream> target;
    if (aclError result = FindStream(call, stream, target); result != ACL_SUCCESS) {
        return result;
    }
    std::lock_guard lock(CaptureMutex());
    if (status != nullptr) {
        *status = target->capture ? target->captureStatus : ACL_MODEL_RI_CAPTURE_STATUS_NONE;
    }
    if (modelRI != nullptr) {
        *modelRI = target->capture ? target->capture->model.get() : nullptr;
    }
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclmdlRICaptureEnd(aclrtStream stream, aclmdlRI *modelRI) {
    const char *call = "aclmdlRICaptureEnd";
    if (modelRI != nullptr) {
        *modelRI = nullptr;
    }
    if (aclError status = RefuseDefaultStream(call, stream); status != ACL_SUCCESS) {
        return status;
    }
    std::shared_ptr<Stream> target;
    if (aclError status = FindStream(call, stream, target); status != ACL_SUCCESS) {
        return status;
    }
    std::shared_ptr<Model> discarded; // released after the lock
    std::lock_guard lock(CaptureMutex());
    auto capture = target->capture;
    // ApiImpl::StreamEndCapture: a NULL modelRI is refused only when the stream captures a model
    // that is not a conditional task's body (the capture goes on); otherwise the stream's state decides.
    if (capture && modelRI == nullptr && !capture->model->isBody) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call, "modelRI is NULL: pass where the captured model is to be stored");
    }
    if (!capture) {
        return Fail(ACL_ERROR_RT_STREAM_NOT_CAPTURED, call, "the stream is not capturing");
    }
    if (!target->captureOrigin) {
        return Fail(ACL_ERROR_RT_STREAM_CAPTURE_UNMATCHED, call,
                    "the stream joined the capture through an event; end the capture on the stream that began it");
    }
    auto &model = capture->model;
    if (capture->beginThreadId != std::this_thread::get_id() && capture->mode != ACL_MODEL_RI_CAPTURE_MODE_RELAXED) {
        model->state.store(Model::State::Abandoned);
        LeaveCapture(*capture);
        return Fail(ACL_ERROR_RT_STREAM_CAPTURE_WRONG_THREAD, call,
                    std::string("a ") + ModeName(capture->mode) +
                        " capture must end on the thread that began it; the stream left the capture and its model "
                        "(from aclmdlRICaptureGetInfo) must be destroyed with aclmdlRIDestroy");
    }
    aclError failure = ACL_SUCCESS;
    std::string reason;
    if (capture->invalidated || target->captureStatus == ACL_MODEL_RI_CAPTURE_STATUS_INVALIDATED) {
        failure = ACL_ERROR_RT_STREAM_CAPTURE_INVALIDATED;
        reason = "the capture was invalidated by an earlier failure; the model is discarded";
    } else if (aclError bodies = CheckBodiesCaptured(*model, reason); bodies != ACL_SUCCESS) {
        failure = bodies;
    } else if (capture->openGroups > 0) {
        failure = ACL_ERROR_STREAM_TASK_GROUP_STATUS;
        reason = "a task group is still open: call aclmdlRICaptureTaskGrpEnd before ending the capture; the model is "
                 "discarded";
    } else if (std::string unjoined; !AllJoined(*capture, unjoined)) {
        failure = ACL_ERROR_RT_STREAM_UNJOINED;
        reason = unjoined + " joined the capture but was not joined back: end its work with an event record that the "
                            "origin stream (or a stream joined back to it) waits on; the model is discarded";
    }
    if (failure != ACL_SUCCESS) {
        model->state.store(Model::State::Abandoned);
        if (!model->isBody) { // a body lives as long as its parent (ClearCaptureModel)
            discarded = Models().remove(model.get());
        }
        LeaveCapture(*capture);
        return Fail(failure, call, reason);
    }
    // The task list grew by doubling; a model lives long, so give back the slack (up to half).
    model->tasks.shrink_to_fit();
    model->state.store(Model::State::Ready, std::memory_order_release);
    if (modelRI != nullptr) {
        *modelRI = model.get();
    }
    LeaveCapture(*capture);
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclmdlRICaptureThreadExchangeMode(aclmdlRICaptureMode *mode) {
    const char *call = "aclmdlRICaptureThreadExchangeMode";
    if (mode == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, "mode is NULL");
    }
    if (static_cast<int>(*mode) < ACL_MODEL_RI_CAPTURE_MODE_GLOBAL || static_cast<int>(*mode) > ACL_MODEL_RI_CAPTURE_MODE_RELAXED) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call, "mode " + std::to_string(static_cast<int>(*mode)) + " is not an aclmdlRICaptureMode");
    }
    auto thread = CurrentThreadState();
    std::lock_guard lock(CaptureMutex());
    std::swap(thread->exchangeMode, *mode);
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclmdlRIExecuteAsync(aclmdlRI modelRI, aclrtStream stream) {
    const char *call = "aclmdlRIExecuteAsync";
    std::shared_ptr<Model> model;
    if (aclError status = FindModel(call, modelRI, model); status != ACL_SUCCESS) {
        return status;
    }
    std::shared_ptr<Stream> target;
    if (aclError status = ResolveStream(call, stream, target); status != ACL_SUCCESS) {
        return status;
    }
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
    std::shared_ptr<Context> current;
    if (aclError status = RequireContext(call, current); status != ACL_SUCCESS) {
        return status;
    }
    if (model->context() != current) {
        return Fail(ACL_ERROR_RT_MODEL_CONTEXT, call,
                    "the model belongs to another context (device " + std::to_string(model->context()->device()) +
                        "): make its context current first");
    }
    if (target->context() != model->context()) {
        return Fail(ACL_ERROR_RT_STREAM_CONTEXT, call,
                    "the stream belongs to another context (device " + std::to_string(target->context()->device()) +
                        ") than the model: launch it on a stream of the model's context");
    }
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
    if (aclError status = FindModel(call, modelRI, model); status != ACL_SUCCESS) {
        return status;
    }
    if (timeout == 0 || timeout < -1) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call, "timeout must be -1 (forever) or a positive number of ms");
    }
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
    if (aclError status = FindModel(call, modelRI, model); status != ACL_SUCCESS) {
        return status;
    }
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

ACL_FUNC_VISIBILITY aclError aclmdlRIDebugPrint(aclmdlRI modelRI) {
    const char *call = "aclmdlRIDebugPrint";
    std::shared_ptr<Model> model;
    if (aclError status = FindModel(call, modelRI, model); status != ACL_SUCCESS) {
        return status;
    }
    // ApiImpl::ModelDebugDotPrint / ModelDebugJsonPrint: the model must belong to the current
    // context; a model still capturing is printed as captured so far.
    if (aclError status = RequireModelContext(call, *model); status != ACL_SUCCESS) {
        return status;
    }
    std::lock_guard lock(CaptureMutex()); // a capture may be appending to the model
    // The device writes these lines to its runtime log; the simulator's log is standard error.
    int32_t device = model->context()->device();
    std::fprintf(stderr, "[aclsim] model dot print begin, device_id=%d, model_id=%d.\n", device, model->id());
    std::vector<uint32_t> taskIds(model->modelStreamIds.size(), 0);
    for (const Task &task : model->tasks) {
        std::fprintf(stderr, "[aclsim] device_id=%d, stream_id=%u, task_id=%u, task_type=%s.\n", device,
                     model->modelStreamIds[task.modelStream], taskIds[task.modelStream]++, TaskDisplayName(task).c_str());
    }
    for (size_t g = 0; g < model->groups.size(); ++g) {
        std::fprintf(stderr, "[aclsim] task group %zu: %zu tasks.\n", g, model->groups[g]->taskIndices.size());
    }
    std::fprintf(stderr, "[aclsim] model dot print end, device_id=%d, model_id=%d.\n", device, model->id());
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclmdlRIDebugJsonPrint(aclmdlRI modelRI, const char *path, uint32_t flags) {
    const char *call = "aclmdlRIDebugJsonPrint";
    if (path == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, "path is NULL");
    }
    std::shared_ptr<Model> model;
    if (aclError status = FindModel(call, modelRI, model); status != ACL_SUCCESS) {
        return status;
    }
    // ApiImpl::ModelDebugDotPrint / ModelDebugJsonPrint: the model must belong to the current
    // context; a model still capturing is printed as captured so far.
    if (aclError status = RequireModelContext(call, *model); status != ACL_SUCCESS) {
        return status;
    }
    std::lock_guard lock(CaptureMutex()); // a capture may be appending to the model
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call,
                    std::string("cannot write '") + path + "': its folder must exist and be writable");
    }
    // The device's Chrome trace-event format (Stream::DebugJsonPrintForModelStm, CANN 9): one "X"
    // event per task, per model stream in order; each stream's clock starts at 0 and advances by
    // a nominal cost of the task's type (NOP 1, record 5, wait 15, anything else 10), the
    // duration being that cost less 0.5. No task is timed: the device does not time them either.
    std::string pid = std::to_string(static_cast<long>(getpid())) + " aclGraph";
    std::vector<std::string> records;
    for (uint32_t s = 0; s < model->modelStreamIds.size(); ++s) {
        uint32_t taskId = 0;
        uint64_t ts = 0;
        for (const Task &task : model->tasks) {
            if (task.modelStream != s) {
                continue;
            }
            std::string taskType = task.kind == TaskKind::Kernel ? "KERNEL_AICORE" : task.typeName();
            uint64_t cost = 10;
            if (task.kind == TaskKind::Nop) {
                cost = 1;
            } else if (taskType.find("RECORD") != std::string::npos) {
                cost = 5;
            } else if (taskType.find("WAIT") != std::string::npos) {
                cost = 15;
            }
            char duration[16];
            std::snprintf(duration, sizeof duration, "%g", static_cast<double>(cost) - 0.5);
            std::string record = "{\"name\":\"" + JsonEscape(TaskDisplayName(task)) + "\",\"pid\":\"" + pid +
                                 "\",\"tid\":\"stream" + std::to_string(model->modelStreamIds[s]) +
                                 "\",\"ts\":" + std::to_string(ts) + ",\"dur\":" + duration +
                                 ",\"ph\":\"X\",\"args\":{\"Model Id\":" + std::to_string(model->id()) +
                                 ",\"Stream Id\":" + std::to_string(model->modelStreamIds[s]) +
                                 ",\"Task Id\":" + std::to_string(taskId) + ",\"Task Type\":\"" +
                                 JsonEscape(taskType) + "\"}}";
            records.push_back(std::move(record));
            ts += cost;
            ++taskId;
        }
    }
    out << "[\n";
    for (size_t i = 0; i < records.size(); ++i) {
        out << records[i] << (i + 1 < records.size() ? ",\n" : "\n");
    }
    out << "]";
    out.flush();
    if (!out) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call, std::string("writing '") + path + "' failed");
    }
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclmdlRICaptureTaskGrpBegin(aclrtStream stream) {
    const char *call = "aclmdlRICaptureTaskGrpBegin";
    std::shared_ptr<Stream> target;
    if (aclError status = FindStream(call, stream, target); status != ACL_SUCCESS) {
        return status;
    }
    std::lock_guard lock(CaptureMutex());
    auto capture = target->capture;
    if (!capture) {
        return Fail(ACL_ERROR_RT_STREAM_NOT_CAPTURED, call, "the stream is not capturing");
    }
    // Context::StreamBeginTaskGrp: one group at a time per stream (other streams of the capture
    // may open their own).
    if (target->openGroup || target->updating) {
        return Fail(ACL_ERROR_STREAM_TASK_GROUP_STATUS, call,
                    "a task group is already open on this stream (or it is updating one): call "
                    "aclmdlRICaptureTaskGrpEnd first");
    }
    // The device first issues the hardware's task-prefetch count of NOP tasks, so that a group's
    // kernels are never prefetched before an update reaches them (taskPrefetchCount, 8 on the
    // 910B/910_93 series). They are ordinary tasks of the stream and can be interrupted.
    constexpr int kTaskPrefetchCount = 8;
    for (int i = 0; i < kTaskPrefetchCount; ++i) {
        Task nop;
        nop.kind = TaskKind::Nop;
        if (aclError status = RecordIntoCapture(call, *capture, *target, std::move(nop)); status != ACL_SUCCESS) {
            return status;
        }
    }
    auto group = std::make_shared<TaskGroup>();
    group->model = capture->model;
    target->openGroup = group;
    ++capture->openGroups;
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclmdlRICaptureTaskGrpEnd(aclrtStream stream, aclrtTaskGrp *handle) {
    const char *call = "aclmdlRICaptureTaskGrpEnd";
    if (handle == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, "handle is NULL");
    }
    *handle = nullptr;
    std::shared_ptr<Stream> target;
    if (aclError status = FindStream(call, stream, target); status != ACL_SUCCESS) {
        return status;
    }
    std::lock_guard lock(CaptureMutex());
    auto capture = target->capture;
    if (!capture) {
        return Fail(ACL_ERROR_RT_STREAM_NOT_CAPTURED, call, "the stream is not capturing");
    }
    if (!target->openGroup) {
        return Fail(ACL_ERROR_STREAM_TASK_GROUP_STATUS, call,
                    "no task group is open on this stream (aclmdlRICaptureTaskGrpBegin first)");
    }
    auto group = std::move(target->openGroup);
    --capture->openGroups;
    // Context::StreamEndTaskGrp: a group that failed returns the code of its failure; one whose
    // capture was invalidated otherwise returns 507903. No handle either way.
    if (capture->groupError != ACL_SUCCESS) {
        return Fail(capture->groupError, call,
                    "the task group failed earlier (see the error of the call that broke it); the capture is "
                    "invalidated");
    }
    if (capture->invalidated || target->captureStatus == ACL_MODEL_RI_CAPTURE_STATUS_INVALIDATED) {
        return Fail(ACL_ERROR_RT_STREAM_CAPTURE_INVALIDATED, call, "the capture was invalidated while the group was open");
    }
    capture->model->groups.push_back(group);
    TaskGroups().add(group);
    *handle = group.get();
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclmdlRICaptureTaskUpdateBegin(aclrtStream stream, aclrtTaskGrp handle) {
    const char *call = "aclmdlRICaptureTaskUpdateBegin";
    if (handle == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, "handle is NULL");
    }
    std::shared_ptr<Stream> target;
    if (aclError status = FindStream(call, stream, target); status != ACL_SUCCESS) {
        return status;
    }
    auto group = TaskGroups().find(handle);
    auto model = group ? group->model.lock() : nullptr;
    if (!model) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call, "not a task group of a live model");
    }
    std::lock_guard lock(CaptureMutex());
    // ApiErrorDecorator::StreamBeginTaskUpdate / Context::StreamBeginTaskUpdate: the stream must not
    // capture nor have a group open; the group's model may still be capturing.
    if (target->capture) {
        return Fail(ACL_ERROR_RT_STREAM_CAPTURED, call, "the stream is capturing: update from a stream that is not");
    }
    if (target->updating) {
        return Fail(ACL_ERROR_STREAM_TASK_GROUP_STATUS, call, "the stream is already updating a task group");
    }
    if (group->updater != nullptr) {
        return Fail(ACL_ERROR_STREAM_TASK_GROUP_STATUS, call, "another stream is updating this task group");
    }
    group->updater = target.get();
    target->updating = group;
    target->updateKernels.clear();
    target->captureFlag.store(true, std::memory_order_release);
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclmdlRICaptureTaskUpdateEnd(aclrtStream stream) {
    const char *call = "aclmdlRICaptureTaskUpdateEnd";
    std::shared_ptr<Stream> target;
    if (aclError status = FindStream(call, stream, target); status != ACL_SUCCESS) {
        return status;
    }
    std::shared_ptr<TaskGroup> group;
    std::vector<std::shared_ptr<const DeviceKernel>> kernels;
    {
        std::lock_guard lock(CaptureMutex());
        if (!target->updating) {
            return Fail(ACL_ERROR_STREAM_TASK_GROUP_STATUS, call, "the stream is not updating a task group");
        }
        group = std::move(target->updating);
        kernels.swap(target->updateKernels);
        group->updater = nullptr;
        target->captureFlag.store(target->capture != nullptr, std::memory_order_release);
    }
    if (kernels.size() != group->taskIndices.size()) {
        return Fail(ACL_ERROR_RT_INTERNAL_ERROR, call,
                    "task group update error: the group holds " + std::to_string(group->taskIndices.size()) +
                        " kernels but " + std::to_string(kernels.size()) + " were issued; nothing was updated");
    }
    if (auto model = group->model.lock()) {
        // While the group's model still captures (or once it was discarded) nothing replays it and
        // its task list may still grow: the new kernels go in now, under the capture lock. A model
        // is made ready under that lock, so the check cannot go stale.
        std::lock_guard lock(CaptureMutex());
        if (model->state.load(std::memory_order_acquire) != Model::State::Ready) {
            for (size_t i = 0; i < kernels.size(); ++i) {
                std::atomic_store(&model->tasks[group->taskIndices[i]].kernel, kernels[i]);
            }
            return ACL_SUCCESS;
        }
    }
    // The update takes effect in stream order, like the device's.
    Task task;
    task.kind = TaskKind::Kernel;
    task.kernel = std::make_shared<TaskUpdateApplier>(group->model, group->taskIndices, std::move(kernels));
    target->enqueue(std::move(task));
    return ACL_SUCCESS;
}

} // extern "C"
