// Events: eager ordering between streams, and the fork/join edges of multi-stream capture.
#include "runtime.h"

namespace aclsim {

namespace {
std::atomic<uint32_t> gNextEventId{1};

constexpr uint32_t kKnownEventFlags = ACL_EVENT_SYNC | ACL_EVENT_CAPTURE_STREAM_PROGRESS | ACL_EVENT_TIME_LINE |
                                      ACL_EVENT_DEVICE_USE_ONLY | ACL_EVENT_EXTERNAL | ACL_EVENT_IPC;
} // namespace

Event::Event(std::shared_ptr<Context> context, uint32_t flags, bool extended)
    : context_(std::move(context)), flags_(flags), extended_(extended),
      id_(gNextEventId.fetch_add(1, std::memory_order_relaxed)) {
    CountObjectCreated(ACLSIM_OBJ_EVENT);
}

Event::~Event() {
    CountObjectDestroyed(ACLSIM_OBJ_EVENT);
}

void Event::complete(uint64_t generation) {
    uint64_t current = completed.load(std::memory_order_acquire);
    if (current < generation) {
        completedAtNs.store(
            std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
                .count(),
            std::memory_order_release);
    }
    while (current < generation && !completed.compare_exchange_weak(current, generation, std::memory_order_seq_cst)) {
    }
    signal.notify();
}

aclError RefuseCapturedRecord(const char *call, const Event &event, const char *detail) {
    std::lock_guard lock(CaptureMutex());
    auto capture = event.capture.lock();
    if (capture && capture->active) {
        return Fail(ACL_ERROR_RT_EVENT_CAPTURED, call,
                    std::string("the event was recorded inside a capture that is still in progress") + detail);
    }
    return ACL_SUCCESS;
}

bool WithoutWaitTask(const Event &event) {
    return (event.flags() & (ACL_EVENT_SYNC | ACL_EVENT_EXTERNAL | ACL_EVENT_IPC)) == 0;
}

aclError RefuseWithoutWaitTask(const char *call, const Event &event, const char *consequence) {
    if (!WithoutWaitTask(event)) {
        return ACL_SUCCESS;
    }
    return Fail(ACL_ERROR_RT_FEATURE_NOT_SUPPORT, call,
                std::string("the event has none of ACL_EVENT_SYNC, ACL_EVENT_EXTERNAL, ACL_EVENT_IPC: ") + consequence);
}

namespace {

aclError CreateEvent(const char *call, aclrtEvent *handle, uint32_t flags, bool extended) {
    if (handle == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, "event is NULL");
    }
    *handle = nullptr;
    if ((flags & ~kKnownEventFlags) != 0) {
        return Fail(ACL_ERROR_INVALID_PARAM, call,
                    "unknown event flag bits " + std::to_string(flags & ~kKnownEventFlags));
    }
    std::shared_ptr<Context> context;
    ACLSIM_RETURN_IF_FAILED(RequireContext(call, context));
    auto event = std::make_shared<Event>(context, flags, extended);
    Events().add(event);
    *handle = event.get();
    return ACL_SUCCESS;
}

aclError FindEvent(const char *call, aclrtEvent handle, std::shared_ptr<Event> &out) {
    return FindLive(call, Events(), handle, "event", out);
}

// A capture can only use events made for it: aclrtCreateEventExWithFlag events (or external
// ones), never IPC events.
aclError CheckCapturable(const char *call, const Event &event) {
    if ((!event.extended() && !event.external()) || (event.flags() & ACL_EVENT_IPC) != 0) {
        return Fail(ACL_ERROR_RT_FEATURE_NOT_SUPPORT, call,
                    "this event cannot be used on a capturing stream: create it with "
                    "aclrtCreateEventExWithFlag(&event, ACL_EVENT_SYNC)");
    }
    return ACL_SUCCESS;
}

// A record, reset or wait task on `event`; `generation` is the record it stands for.
Task EventTask(TaskKind kind, std::shared_ptr<Event> event, bool external, uint64_t generation = 0) {
    Task task;
    task.kind = kind;
    task.event = std::move(event);
    task.external = external;
    task.generation = generation;
    return task;
}

aclError SynchronizeEvent(const char *call, aclrtEvent handle, int32_t timeoutMs) {
    ACLSIM_RETURN_IF_FAILED(CheckTimeout(call, timeoutMs)); // -1 passes
    std::shared_ptr<Event> event;
    ACLSIM_RETURN_IF_FAILED(FindEvent(call, handle, event));
    ACLSIM_RETURN_IF_FAILED(RefuseCapturedRecord(call, *event, "; it completes only when the model is replayed"));
    uint64_t target = event->recorded.load(std::memory_order_acquire);
    Event &e = *event;
    if (!e.signal.waitUntil([&e, target] { return e.completed.load(std::memory_order_seq_cst) >= target; },
                            DeadlineAfter(timeoutMs))) {
        return Fail(ACL_ERROR_RT_EVENT_SYNC_TIMEOUT, call,
                    "the event did not complete within " + std::to_string(timeoutMs) + " ms");
    }
    return ACL_SUCCESS;
}

} // namespace

} // namespace aclsim

using namespace aclsim;

extern "C" {

ACL_FUNC_VISIBILITY aclError aclrtCreateEvent(aclrtEvent *event) {
    return CreateEvent("aclrtCreateEvent", event, ACL_EVENT_SYNC, false);
}

ACL_FUNC_VISIBILITY aclError aclrtCreateEventWithFlag(aclrtEvent *event, uint32_t flag) {
    return CreateEvent("aclrtCreateEventWithFlag", event, flag, false);
}

ACL_FUNC_VISIBILITY aclError aclrtCreateEventExWithFlag(aclrtEvent *event, uint32_t flag) {
    return CreateEvent("aclrtCreateEventExWithFlag", event, flag, true);
}

ACL_FUNC_VISIBILITY aclError aclrtDestroyEvent(aclrtEvent event) {
    const char *call = "aclrtDestroyEvent";
    if (event == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, "event is NULL");
    }
    // Tasks that use the event keep it alive until they have run.
    if (!Events().remove(event)) {
        return Fail(ACL_ERROR_RT_INVALID_HANDLE, call, "not a live event (destroyed already?)");
    }
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclrtRecordEvent(aclrtEvent event, aclrtStream stream) {
    const char *call = "aclrtRecordEvent";
    std::shared_ptr<Event> target;
    ACLSIM_RETURN_IF_FAILED(FindEvent(call, event, target));
    std::shared_ptr<Stream> recorder;
    ACLSIM_RETURN_IF_FAILED(ResolveStream(call, stream, recorder));
    ACLSIM_RETURN_IF_FAILED(ClaimOperationFlag(call, target->recordFlag, ACL_EVENT_RECORD_DEFAULT, true));
    {
        std::lock_guard lock(CaptureMutex());
        if (auto capture = recorder->capture) {
            ACLSIM_RETURN_IF_FAILED(CheckCapturable(call, *target));
            // ApiImpl::EventRecord: a capturing stream's record of an event nothing can wait for
            // is accepted and dropped.
            if (WithoutWaitTask(*target)) {
                return ACL_SUCCESS;
            }
            // ApiImpl::CaptureEventRecord: with hardware capture events the event keeps the capture
            // event of its latest captured record, so recording it in another capture while that one
            // is still going links the two models (IsCrossCaptureModel); both are invalidated
            // (TerminateCapture). Software capture events take a fresh event per record.
            if (auto previous = target->capture.lock();
                HardwareCaptureEvents() && !target->external() && previous && previous->active && previous != capture) {
                InvalidateCapture(*capture);
                InvalidateCapture(*previous);
                return Fail(ACL_ERROR_STREAM_CAPTURE_CONFLICT, call,
                            "the event's latest record belongs to another capture still in progress: two captures "
                            "cannot share an event; both are invalidated");
            }
            ACLSIM_RETURN_IF_FAILED(InjectedCaptureFault(call, *capture, *recorder, "the event record"));
            uint64_t sequence = target->captureSequence + 1;
            aclError status = RecordIntoCapture(
                call, *capture, *recorder,
                EventTask(TaskKind::EventRecord, target, target->external(), target->external() ? 0 : sequence));
            if (status == ACL_SUCCESS && !target->external()) {
                target->captureSequence = sequence;
                target->capture = capture;
            }
            return status;
        }
        if (!recorder->updating) {
            target->capture.reset(); // an eager record replaces a captured one
        }
    }
    uint64_t generation = target->recorded.fetch_add(1, std::memory_order_acq_rel) + 1;
    aclError status =
        SubmitTask(call, recorder, EventTask(TaskKind::EventRecord, target, target->external(), generation));
    if (status != ACL_SUCCESS) {
        target->complete(generation); // the record never happens: nobody may wait for it
    }
    return status;
}

ACL_FUNC_VISIBILITY aclError aclrtResetEvent(aclrtEvent event, aclrtStream stream) {
    const char *call = "aclrtResetEvent";
    std::shared_ptr<Event> target;
    ACLSIM_RETURN_IF_FAILED(FindEvent(call, event, target));
    // ApiErrorDecorator::EventReset: IPC events and events nothing waits for cannot be reset.
    if ((target->flags() & ACL_EVENT_IPC) != 0) {
        return Fail(ACL_ERROR_RT_FEATURE_NOT_SUPPORT, call, "IPC events cannot be reset");
    }
    ACLSIM_RETURN_IF_FAILED(RefuseWithoutWaitTask(call, *target, "nothing waits for it, so there is nothing to reset"));
    std::shared_ptr<Stream> resetter;
    ACLSIM_RETURN_IF_FAILED(ResolveStream(call, stream, resetter));
    // ApiImpl::EventReset: events from aclrtCreateEventExWithFlag cannot be reset (they are
    // re-armed by their next record); events from aclrtCreateEvent/aclrtCreateEventWithFlag can,
    // but not on a capturing stream unless they are ACL_EVENT_EXTERNAL (Event::ToBeCaptured).
    if (target->extended()) {
        return Fail(ACL_ERROR_RT_FEATURE_NOT_SUPPORT, call,
                    "events from aclrtCreateEventExWithFlag cannot be reset (a record re-arms them); reset events "
                    "from aclrtCreateEventWithFlag");
    }
    if (!target->external() && !resetter->isDefault() && resetter->captureFlag.load(std::memory_order_acquire)) {
        std::lock_guard lock(CaptureMutex());
        if (resetter->capture) {
            return Fail(ACL_ERROR_RT_FEATURE_NOT_SUPPORT, call,
                        "the stream is capturing and the event is not ACL_EVENT_EXTERNAL: a capture cannot reset it");
        }
    }
    return SubmitTask(call, resetter, EventTask(TaskKind::EventReset, target, target->external()));
}

ACL_FUNC_VISIBILITY aclError aclrtStreamWaitEvent(aclrtStream stream, aclrtEvent event) {
    const char *call = "aclrtStreamWaitEvent";
    std::shared_ptr<Event> target;
    ACLSIM_RETURN_IF_FAILED(FindEvent(call, event, target));
    // ApiErrorDecorator::StreamWaitEvent: nothing can wait for an event without a wait task.
    ACLSIM_RETURN_IF_FAILED(
        RefuseWithoutWaitTask(call, *target, "it cannot be waited for (create it with ACL_EVENT_SYNC)"));
    std::shared_ptr<Stream> waiter;
    ACLSIM_RETURN_IF_FAILED(ResolveStream(call, stream, waiter));
    ACLSIM_RETURN_IF_FAILED(ClaimOperationFlag(call, target->waitFlag, ACL_EVENT_WAIT_DEFAULT, false));
    {
        std::lock_guard lock(CaptureMutex());
        auto waiterCapture = waiter->capture;
        if (waiterCapture) {
            ACLSIM_RETURN_IF_FAILED(CheckCapturable(call, *target));
        }
        auto eventCapture = target->capture.lock();
        if (eventCapture && !eventCapture->active) {
            eventCapture.reset();
        }
        if (eventCapture) {
            if (waiter->isDefault()) {
                return Fail(ACL_ERROR_RT_STREAM_CAPTURE_IMPLICIT, call,
                            "the default stream cannot wait on an event recorded inside a capture: it takes no part "
                            "in captures");
            }
            if (waiterCapture && waiterCapture != eventCapture) {
                InvalidateCapture(*waiterCapture);
                InvalidateCapture(*eventCapture);
                return Fail(ACL_ERROR_STREAM_CAPTURE_CONFLICT, call,
                            "the event belongs to another stream's capture: two captures cannot depend on each other; "
                            "both are invalidated");
            }
            if (!waiterCapture) {
                if (waiter->updating) {
                    return Fail(ACL_ERROR_STREAM_TASK_GROUP_STATUS, call,
                                "the stream is updating a task group and cannot join a capture");
                }
                // The stream joins the capture: from now on its tasks are recorded too.
                auto &model = *eventCapture->model;
                Capture::Member member;
                member.stream = waiter;
                member.modelStream = static_cast<uint32_t>(model.modelStreamIds.size());
                model.modelStreamIds.push_back(NextStreamId());
                eventCapture->members.push_back(member);
                waiter->capture = eventCapture;
                waiter->captureOrigin = false;
                waiter->captureStatus = ACL_MODEL_RI_CAPTURE_STATUS_ACTIVE;
                waiter->captureFlag.store(true, std::memory_order_release);
            }
            aclError status = RecordIntoCapture(call, *eventCapture, *waiter,
                                                EventTask(TaskKind::EventWait, target, false, target->captureSequence));
            if (status == ACL_SUCCESS) {
                eventCapture->waits.push_back({target.get(), target->captureSequence, waiter.get()});
            }
            return status;
        }
        if (waiterCapture) {
            if (target->external()) {
                return RecordIntoCapture(call, *waiterCapture, *waiter, EventTask(TaskKind::EventWait, target, true));
            }
            // ApiImpl::StreamWaitEvent: an aclrtCreateEventExWithFlag event never recorded outside
            // a capture has nothing to wait for; the wait is accepted as a no-op.
            if (target->recorded.load(std::memory_order_acquire) == 0) {
                return ACL_SUCCESS;
            }
            return Fail(ACL_ERROR_RT_CAPTURE_DEPENDENCY, call,
                        "the stream is capturing and the event was not recorded inside this capture: a capture cannot "
                        "depend on work outside it (record the event on a capturing stream, or use an "
                        "ACL_EVENT_EXTERNAL event)");
        }
    }
    return SubmitTask(
        call, waiter,
        EventTask(TaskKind::EventWait, target, target->external(), target->recorded.load(std::memory_order_acquire)));
}

ACLSIM_SYNCHRONIZE_ENTRY_POINTS(Event, aclrtEvent, SynchronizeEvent)

ACL_FUNC_VISIBILITY aclError aclrtQueryEventStatus(aclrtEvent event, aclrtEventRecordedStatus *status) {
    const char *call = "aclrtQueryEventStatus";
    std::shared_ptr<Event> target;
    ACLSIM_RETURN_IF_FAILED(RequireThenFind(call, status, "status", FindEvent, event, target));
    ACLSIM_RETURN_IF_FAILED(RefuseCapturedRecord(call, *target));
    *status = target->settled() ? ACL_EVENT_RECORDED_STATUS_COMPLETE : ACL_EVENT_RECORDED_STATUS_NOT_READY;
    return ACL_SUCCESS;
}

} // extern "C"
