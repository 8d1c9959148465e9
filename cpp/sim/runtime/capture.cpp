// Capture into a model: aclmdlRICaptureBegin/End/GetInfo and the thread capture mode, the
// bookkeeping of the streams taking part (fork/join through events, invalidation) and the way a
// capture ends.
#include <functional>

#include "runtime.h"

namespace aclsim {

namespace {

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
    // aclmdlRICaptureMode: GLOBAL (0), THREAD_LOCAL, RELAXED.
    static constexpr const char *kNames[] = {"GLOBAL", "THREAD_LOCAL", "RELAXED"};
    return mode >= ACL_MODEL_RI_CAPTURE_MODE_GLOBAL && mode <= ACL_MODEL_RI_CAPTURE_MODE_RELAXED ? kNames[mode] : "?";
}

} // namespace

aclError RequireCapture(const char *call, const Stream &stream, std::shared_ptr<Capture> &out,
                        const std::string &detail) {
    out = stream.capture;
    if (!out) {
        return Fail(ACL_ERROR_RT_STREAM_NOT_CAPTURED, call, "the stream is not capturing" + detail);
    }
    return ACL_SUCCESS;
}

aclError FindCaptureStream(const char *call, aclrtStream handle, std::shared_ptr<Stream> &out) {
    return FindLive(call, Streams(), handle, "stream", out, " (the default stream takes no part in captures)");
}

Capture::Member *Capture::member(const Stream *stream) {
    for (auto &m : members) {
        if (m.stream.get() == stream) {
            return &m;
        }
    }
    return nullptr;
}

// Under CaptureMutex(): appends a task to the capture `stream` belongs to.
aclError RecordIntoCapture(const char *call, Capture &capture, Stream &stream, Task &&task) {
    // Stream::AllocCaptureTaskWithoutLock: while any stream of the capture has a task group open,
    // a stream without one interrupts it (Stream::IsTaskGroupBreak); the model is invalidated and
    // the code kept for aclmdlRICaptureTaskGrpEnd (Stream::SetTaskGroupErrCode).
    if (capture.openGroups > 0 && !stream.openGroup) {
        return FailTaskGroup(
            call, capture, ACL_ERROR_STREAM_TASK_GROUP_INTR,
            "another stream of this capture has a task group open: the group is interrupted and the capture "
            "invalidated (issue a group's tasks on its stream only, until aclmdlRICaptureTaskGrpEnd)");
    }
    // Stream::PackingTaskGroup: only kernels can be part of a task group.
    if (stream.openGroup && task.kind != TaskKind::Kernel) {
        return FailNonKernelInGroup(call, capture, task.typeName());
    }
    Capture::Member *member = capture.member(&stream);
    if (member == nullptr) {
        return Fail(ACL_ERROR_RT_INTERNAL_ERROR, call, "stream is not a member of its capture");
    }
    task.modelStream = member->modelStream;
    if (task.kind == TaskKind::EventRecord && !task.external) {
        member->lastIsRecord = true;
        member->lastEvent = task.event.get();
        member->lastSequence = task.generation;
    } else {
        member->lastIsRecord = false;
    }
    auto &tasks = capture.model->tasks;
    if (stream.openGroup) {
        task.updatable = true;
        stream.openGroup->taskIndices.push_back(tasks.size());
    }
    tasks.push_back(std::move(task));
    return ACL_SUCCESS;
}

void InvalidateCapture(Capture &capture) {
    capture.invalidated = true;
}

void InvalidateStreamCapture(Capture &capture, Stream &stream) {
    stream.captureStatus = ACL_MODEL_RI_CAPTURE_STATUS_INVALIDATED;
    capture.invalidated = true;
}

aclError FailTaskGroup(const char *call, Capture &capture, aclError code, const std::string &reason) {
    if (capture.groupError == ACL_SUCCESS) {
        capture.groupError = code;
    }
    InvalidateCapture(capture);
    return Fail(code, call, reason);
}

aclError FailNonKernelInGroup(const char *call, Capture &capture, const std::string &tasks) {
    return FailTaskGroup(call, capture, ACL_ERROR_RT_TASK_TYPE_NOT_SUPPORT,
                         tasks + " tasks cannot be part of a task group (only operator kernels can); the capture is "
                                 "invalidated");
}

aclError InjectedCaptureFault(const char *call, Capture &capture, Stream &stream, const char *what) {
    if (!ShouldInjectFault(ACLSIM_FAULT_TASK_SUBMIT)) {
        return ACL_SUCCESS;
    }
    InvalidateStreamCapture(capture, stream);
    return Fail(ACL_ERROR_RT_RESOURCE_ALLOC_FAIL, call,
                std::string("cannot add ") + what + " to the capture (injected fault); the capture is invalidated");
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
    ACLSIM_RETURN_IF_FAILED(RefuseDefaultStream(call, stream));
    std::shared_ptr<Stream> target;
    ACLSIM_RETURN_IF_FAILED(FindCaptureStream(call, stream, target));
    if (static_cast<int>(mode) < ACL_MODEL_RI_CAPTURE_MODE_GLOBAL ||
        static_cast<int>(mode) > ACL_MODEL_RI_CAPTURE_MODE_RELAXED) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call,
                    "mode " + std::to_string(static_cast<int>(mode)) + " is not an aclmdlRICaptureMode");
    }
    std::shared_ptr<Context> context;
    ACLSIM_RETURN_IF_FAILED(RequireStreamContext(call, *target, &context));
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
    ACLSIM_RETURN_IF_FAILED(FindCaptureStream(call, stream, target));
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
    ACLSIM_RETURN_IF_FAILED(RefuseDefaultStream(call, stream));
    std::shared_ptr<Stream> target;
    ACLSIM_RETURN_IF_FAILED(FindCaptureStream(call, stream, target));
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
    if (static_cast<int>(*mode) < ACL_MODEL_RI_CAPTURE_MODE_GLOBAL ||
        static_cast<int>(*mode) > ACL_MODEL_RI_CAPTURE_MODE_RELAXED) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call,
                    "mode " + std::to_string(static_cast<int>(*mode)) + " is not an aclmdlRICaptureMode");
    }
    auto thread = CurrentThreadState();
    std::lock_guard lock(CaptureMutex());
    std::swap(thread->exchangeMode, *mode);
    return ACL_SUCCESS;
}

} // extern "C"
