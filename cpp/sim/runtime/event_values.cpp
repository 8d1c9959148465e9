// Events across the graph boundary (CANN 9.2) and value tasks: aclrtRecordEventWithFlag and
// aclrtStreamWaitEventWithFlag with their EXTERNAL flags, aclrtQueryEvent, event timestamps and
// elapsed time, aclrtValueWrite / aclrtValueWait.
//
// An EXTERNAL record or wait inside a capture becomes a task of the model that is bound anew at
// every launch, as the device's CaptureModel::PrepareExternalEventRefreshInfo does: a record takes
// the event's next record number when aclmdlRIExecuteAsync is called (so an ordinary stream that
// waits for the event afterwards waits for this replay), a wait takes the event's latest record
// at that moment (nothing to wait for when it was never recorded).
#include <deque>

#include "runtime.h"

namespace aclsim {

struct ExternalEventTask final : DeviceKernel {
    ExternalEventTask(std::shared_ptr<Event> e, bool isRecord) : event(std::move(e)), record(isRecord) {}

    const char *name() const noexcept override { return record ? "CAPTURE_RECORD_EXTERNAL" : "CAPTURE_WAIT_EXTERNAL"; }

    // At launch: the record number this replay completes, or the one it waits for.
    void bind() {
        uint64_t generation = record ? event->recorded.fetch_add(1, std::memory_order_acq_rel) + 1
                                     : event->recorded.load(std::memory_order_acquire);
        std::lock_guard lock(mutex);
        launches.push_back(generation);
    }

    aclError run() const noexcept override {
        uint64_t generation = 0;
        {
            std::lock_guard lock(mutex);
            if (!launches.empty()) {
                generation = launches.front();
                launches.pop_front();
            }
        }
        Event &e = *event;
        if (record) {
            e.complete(generation);
        } else {
            e.signal.wait([&e, generation] { return e.completed.load(std::memory_order_seq_cst) >= generation; });
        }
        return ACL_SUCCESS;
    }

    std::shared_ptr<Event> event;
    bool record;
    // Bindings of launches whose replay has not reached the task yet, in launch order.
    mutable std::mutex mutex;
    mutable std::deque<uint64_t> launches;
};

namespace {

aclError FindEvent(const char *call, aclrtEvent handle, std::shared_ptr<Event> &out) {
    return FindLive(call, Events(), handle, "event", out);
}

// Under CaptureMutex(): whether `model` (a capture's model) is the body of a conditional task.
bool InBody(const Stream &stream) {
    return stream.capture && stream.capture->model->isBody;
}

// Captures an EXTERNAL record or wait of `event` on `stream` (ApiImpl::EventRecord /
// StreamWaitEvent with the EXTERNAL flag, then SubmitExternalEventTaskCommon).
aclError CaptureExternal(const char *call, const std::shared_ptr<Event> &event, const std::shared_ptr<Stream> &stream,
                         bool record) {
    const char *flagName = record ? "ACL_EVENT_RECORD_EXTERNAL" : "ACL_EVENT_WAIT_EXTERNAL";
    // ApiErrorDecorator: only events of aclrtCreateEventExWithFlag(ACL_EVENT_SYNC) cross the boundary.
    if (!event->extended() || event->flags() != ACL_EVENT_SYNC) {
        return Fail(ACL_ERROR_RT_FEATURE_NOT_SUPPORT, call,
                    std::string(flagName) + " needs an event created by aclrtCreateEventExWithFlag with ACL_EVENT_SYNC "
                                            "(and no other flag)");
    }
    ACLSIM_RETURN_IF_FAILED(ClaimOperationFlag(call, record ? event->recordFlag : event->waitFlag, 1, record));
    std::shared_ptr<Context> current;
    ACLSIM_RETURN_IF_FAILED(RequireContext(call, current));
    std::lock_guard lock(CaptureMutex());
    if (InBody(*stream)) {
        return Fail(ACL_ERROR_RT_FEATURE_NOT_SUPPORT, call,
                    std::string(flagName) + " is not supported in the body of a conditional task");
    }
    ACLSIM_RETURN_IF_FAILED(
        CheckContext(call, "stream", *stream->context(), current.get(), ACL_ERROR_RT_STREAM_CONTEXT));
    std::shared_ptr<Capture> capture;
    ACLSIM_RETURN_IF_FAILED(RequireCapture(call, *stream, capture,
                                           std::string(": ") + flagName +
                                               " connects a captured model with work outside it (use the DEFAULT flag "
                                               "on ordinary streams)"));
    // CaptureModel::CheckExternalEventConstraints: one external record and one external wait per
    // event and graph, never both.
    Model &model = *capture->model;
    for (const auto &task : model.externalEvents) {
        if (task->event == event) {
            return Fail(ACL_ERROR_RT_PARAM_INVALID, call,
                        task->record == record
                            ? std::string("the event is used with ") + flagName +
                                  " in this graph already: use a different event for each external operation"
                            : std::string("the event is used for both ACL_EVENT_RECORD_EXTERNAL and "
                                          "ACL_EVENT_WAIT_EXTERNAL in one graph: use different events"));
        }
    }
    if (stream->openGroup) { // Stream::PackingTaskGroup: a task group holds kernels only
        return FailNonKernelInGroup(call, *capture, "external event");
    }
    auto kernel = std::make_shared<ExternalEventTask>(event, record);
    Task task;
    task.kind = TaskKind::Kernel;
    task.kernel = kernel;
    ACLSIM_RETURN_IF_FAILED(RecordIntoCapture(call, *capture, *stream, std::move(task)));
    model.externalEvents.push_back(kernel);
    return ACL_SUCCESS;
}

// A device-memory word for the value tasks: inside one aclrtMalloc allocation and 8-byte aligned.
aclError CheckValueAddress(const char *call, const void *devAddr) {
    if (devAddr == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, "devAddr is NULL");
    }
    if (!IsDeviceRange(devAddr, sizeof(uint64_t))) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call,
                    "devAddr must be device memory (from aclrtMalloc) with 8 bytes inside the allocation");
    }
    if (reinterpret_cast<uintptr_t>(devAddr) % alignof(uint64_t) != 0) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call, "devAddr must be 8-byte aligned");
    }
    return ACL_SUCCESS;
}

class ValueWriteKernel final : public DeviceKernel {
public:
    ValueWriteKernel(uint64_t *address, uint64_t value) : address_(address), value_(value) {}
    const char *name() const noexcept override { return "MEM_WRITE_VALUE"; }
    aclError run() const noexcept override {
        if (!IsDeviceRange(address_, sizeof(uint64_t))) {
            return Fail(ACL_ERROR_RT_PARAM_INVALID, name(), "the memory was freed");
        }
        __atomic_store_n(address_, value_, __ATOMIC_SEQ_CST);
        return ACL_SUCCESS;
    }

private:
    uint64_t *address_;
    uint64_t value_;
};

// The conditions of ACL_STREAM_WAIT_VALUE_* as CANN's API reference states them.
bool ValueConditionHolds(uint64_t current, uint64_t value, uint32_t flag) {
    switch (flag) {
    case ACL_STREAM_WAIT_VALUE_GEQ: return static_cast<int64_t>(current - value) >= 0;
    case ACL_STREAM_WAIT_VALUE_EQ: return current == value;
    case ACL_STREAM_WAIT_VALUE_AND: return (current & value) != 0;
    case ACL_STREAM_WAIT_VALUE_NOR: return ~(current | value) != 0;
    }
    return false;
}

class ValueWaitKernel final : public DeviceKernel {
public:
    ValueWaitKernel(const uint64_t *address, uint64_t value, uint32_t flag)
        : address_(address), value_(value), flag_(flag) {}
    const char *name() const noexcept override { return "MEM_WAIT_VALUE"; }
    aclError run() const noexcept override {
        // Nothing announces a write to device memory: poll, backing off from a spin to 50 µs naps.
        for (unsigned polls = 0;; ++polls) {
            if (!IsDeviceRange(address_, sizeof(uint64_t))) {
                return Fail(ACL_ERROR_RT_PARAM_INVALID, name(), "the memory was freed");
            }
            if (ValueConditionHolds(__atomic_load_n(address_, __ATOMIC_SEQ_CST), value_, flag_)) {
                return ACL_SUCCESS;
            }
            if (polls < 64) {
                CpuRelax();
            } else if (polls < 256) {
                std::this_thread::yield();
            } else {
                std::this_thread::sleep_for(std::chrono::microseconds(50));
            }
        }
    }

private:
    const uint64_t *address_;
    uint64_t value_;
    uint32_t flag_;
};

aclError ElapsedTimeChecks(const char *call, const Event &event) {
    if (event.flags() == ACL_EVENT_EXTERNAL) {
        return Fail(ACL_ERROR_RT_FEATURE_NOT_SUPPORT, call, "ACL_EVENT_EXTERNAL events carry no timestamp");
    }
    if ((event.flags() & ACL_EVENT_IPC) != 0) {
        return Fail(ACL_ERROR_RT_FEATURE_NOT_SUPPORT, call, "IPC events carry no timestamp");
    }
    return RefuseCapturedRecord(call, event);
}

// Event::GetTimeStamp: the completion time of the event's latest record, in microseconds.
aclError RecordTime(const char *call, const Event &event, int64_t &ns) {
    if (event.recorded.load(std::memory_order_acquire) == 0) {
        return Fail(ACL_ERROR_RT_INTERNAL_ERROR, call, "the event was never recorded");
    }
    if (!event.settled()) {
        return Fail(ACL_ERROR_RT_EVENT_TIMESTAMP_INVALID, call,
                    "the event's latest record has not completed yet: synchronise the event first");
    }
    ns = event.completedAtNs.load(std::memory_order_acquire);
    return ACL_SUCCESS;
}

// The flags of an event record and of a stream's wait on an event (acl_rt.h), with their names.
struct OperationFlags {
    uint32_t defaultFlag;
    uint32_t externalFlag;
    const char *defaultName;
    const char *externalName;
};
constexpr OperationFlags kRecordFlags{ACL_EVENT_RECORD_DEFAULT, ACL_EVENT_RECORD_EXTERNAL, "ACL_EVENT_RECORD_DEFAULT",
                                      "ACL_EVENT_RECORD_EXTERNAL"};
constexpr OperationFlags kWaitFlags{ACL_EVENT_WAIT_DEFAULT, ACL_EVENT_WAIT_EXTERNAL, "ACL_EVENT_WAIT_DEFAULT",
                                    "ACL_EVENT_WAIT_EXTERNAL"};

// aclrtRecordEventWithFlagImpl / aclrtStreamWaitEventWithFlagImpl: a NULL event and unknown flags
// are the ACL layer's (100000).
aclError CheckOperationFlag(const char *call, aclrtEvent event, uint32_t flag, const OperationFlags &flags) {
    if (event == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, "event is NULL");
    }
    if (flag != flags.defaultFlag && flag != flags.externalFlag) {
        return Fail(ACL_ERROR_INVALID_PARAM, call,
                    "flag " + std::to_string(flag) + " is neither " + flags.defaultName + " nor " + flags.externalName);
    }
    return ACL_SUCCESS;
}

// The event and the stream (NULL: the default stream) of an EXTERNAL record or wait.
aclError FindEventAndStream(const char *call, aclrtEvent eventHandle, aclrtStream streamHandle,
                            std::shared_ptr<Event> &event, std::shared_ptr<Stream> &stream) {
    ACLSIM_RETURN_IF_FAILED(FindEvent(call, eventHandle, event));
    return ResolveStream(call, streamHandle, stream);
}

} // namespace

aclError ClaimOperationFlag(const char *call, std::atomic<uint32_t> &slot, uint32_t flag, bool record) {
    uint32_t expected = kNoOperationFlag;
    if (slot.compare_exchange_strong(expected, flag, std::memory_order_acq_rel) || expected == flag) {
        return ACL_SUCCESS;
    }
    const char *kind = record ? "record" : "wait";
    return Fail(ACL_ERROR_RT_PARAM_INVALID, call,
                std::string("the ") + kind + " flag must stay the same for an event: it was " +
                    (expected != 0 ? "EXTERNAL" : "DEFAULT") + ", now " + (flag != 0 ? "EXTERNAL" : "DEFAULT"));
}

void PrepareLaunch(const Model &model) {
    ResetConditionDefaults(model);
    for (const auto &task : model.externalEvents) {
        task->bind();
    }
}

} // namespace aclsim

using namespace aclsim;

extern "C" {

ACL_FUNC_VISIBILITY aclError aclrtRecordEventWithFlag(aclrtEvent event, aclrtStream stream, uint32_t flag) {
    const char *call = "aclrtRecordEventWithFlag";
    // aclrtRecordEventWithFlagImpl: NULL event and unknown flags are the ACL layer's (100000).
    ACLSIM_RETURN_IF_FAILED(CheckOperationFlag(call, event, flag, kRecordFlags));
    if (flag == ACL_EVENT_RECORD_DEFAULT) {
        return aclrtRecordEvent(event, stream);
    }
    std::shared_ptr<Event> target;
    std::shared_ptr<Stream> recorder;
    ACLSIM_RETURN_IF_FAILED(FindEventAndStream(call, event, stream, target, recorder));
    return CaptureExternal(call, target, recorder, true);
}

ACL_FUNC_VISIBILITY aclError aclrtStreamWaitEventWithFlag(aclrtStream stream, aclrtEvent event, uint32_t timeout,
                                                          uint32_t flag) {
    const char *call = "aclrtStreamWaitEventWithFlag";
    // aclrtStreamWaitEventWithFlagImpl (100000), then rtStreamWaitEventWithFlag and
    // ApiErrorDecorator::StreamWaitEvent.
    ACLSIM_RETURN_IF_FAILED(CheckOperationFlag(call, event, flag, kWaitFlags));
    if (flag == ACL_EVENT_WAIT_DEFAULT) {
        return aclrtStreamWaitEvent(stream, event);
    }
    if (timeout != 0) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, "timeout must be 0 with ACL_EVENT_WAIT_EXTERNAL");
    }
    std::shared_ptr<Event> target;
    std::shared_ptr<Stream> waiter;
    ACLSIM_RETURN_IF_FAILED(FindEventAndStream(call, event, stream, target, waiter));
    ACLSIM_RETURN_IF_FAILED(RefuseWithoutWaitTask(call, *target, "it cannot be waited for"));
    return CaptureExternal(call, target, waiter, false);
}

ACL_FUNC_VISIBILITY aclError aclrtQueryEvent(aclrtEvent event, aclrtEventStatus *status) {
    const char *call = "aclrtQueryEvent";
    if (event == nullptr || status == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, event == nullptr ? "event is NULL" : "status is NULL");
    }
    std::shared_ptr<Event> target;
    ACLSIM_RETURN_IF_FAILED(FindEvent(call, event, target));
    // ApiImplEvent::EventQuery: not for aclrtCreateEventExWithFlag, EXTERNAL or IPC events.
    if (target->extended()) {
        return Fail(ACL_ERROR_RT_FEATURE_NOT_SUPPORT, call,
                    "aclrtQueryEvent does not take aclrtCreateEventExWithFlag events: use aclrtQueryEventStatus");
    }
    if (target->flags() == ACL_EVENT_EXTERNAL || (target->flags() & ACL_EVENT_IPC) != 0) {
        return Fail(ACL_ERROR_RT_FEATURE_NOT_SUPPORT, call, "ACL_EVENT_EXTERNAL and IPC events cannot be queried");
    }
    ACLSIM_RETURN_IF_FAILED(RefuseCapturedRecord(call, *target));
    // Event::Query: NOT_READY while the latest record is still pending, else (also never recorded)
    // COMPLETE.
    *status = target->settled() ? ACL_EVENT_STATUS_COMPLETE : ACL_EVENT_STATUS_NOT_READY;
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclrtEventGetTimestamp(aclrtEvent event, uint64_t *timestamp) {
    const char *call = "aclrtEventGetTimestamp";
    std::shared_ptr<Event> target;
    ACLSIM_RETURN_IF_FAILED(RequireThenFind(call, timestamp, "timestamp", FindEvent, event, target));
    ACLSIM_RETURN_IF_FAILED(ElapsedTimeChecks(call, *target));
    int64_t ns = 0;
    ACLSIM_RETURN_IF_FAILED(RecordTime(call, *target, ns));
    *timestamp = static_cast<uint64_t>(ns / 1000);
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclrtEventElapsedTime(float *ms, aclrtEvent startEvent, aclrtEvent endEvent) {
    const char *call = "aclrtEventElapsedTime";
    if (ms == nullptr || startEvent == nullptr || endEvent == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, ms == nullptr ? "ms is NULL" : "an event is NULL");
    }
    std::shared_ptr<Event> start;
    std::shared_ptr<Event> end;
    ACLSIM_RETURN_IF_FAILED(FindEvent(call, startEvent, start));
    ACLSIM_RETURN_IF_FAILED(FindEvent(call, endEvent, end));
    for (const Event *event : {start.get(), end.get()}) {
        ACLSIM_RETURN_IF_FAILED(ElapsedTimeChecks(call, *event));
    }
    int64_t startNs = 0;
    int64_t endNs = 0;
    ACLSIM_RETURN_IF_FAILED(RecordTime(call, *end, endNs));
    ACLSIM_RETURN_IF_FAILED(RecordTime(call, *start, startNs));
    *ms = static_cast<float>(static_cast<double>(endNs - startNs) / 1e6);
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclrtValueWrite(void *devAddr, uint64_t value, uint32_t flag, aclrtStream stream) {
    const char *call = "aclrtValueWrite";
    // aclrtValueWriteImpl, then ApiErrorDecorator::MemWriteValue and ApiImpl::MemWriteValue.
    std::shared_ptr<Stream> target;
    ACLSIM_RETURN_IF_FAILED(RequireThenFind(call, devAddr, "devAddr", ResolveStream, stream, target));
    if (flag != 0) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call, "flag is reserved and must be 0");
    }
    ACLSIM_RETURN_IF_FAILED(CheckValueAddress(call, devAddr));
    ACLSIM_RETURN_IF_FAILED(RequireStreamContext(call, *target));
    Task task;
    task.kind = TaskKind::Kernel;
    task.kernel = std::make_shared<ValueWriteKernel>(static_cast<uint64_t *>(devAddr), value);
    return SubmitTask(call, target, std::move(task));
}

ACL_FUNC_VISIBILITY aclError aclrtValueWait(void *devAddr, uint64_t value, uint32_t flag, aclrtStream stream) {
    const char *call = "aclrtValueWait";
    // aclrtValueWaitImpl, then ApiErrorDecorator::MemWaitValue and ApiImpl::MemWaitValue.
    std::shared_ptr<Stream> target;
    ACLSIM_RETURN_IF_FAILED(RequireThenFind(call, devAddr, "devAddr", ResolveStream, stream, target));
    if (flag > ACL_STREAM_WAIT_VALUE_NOR) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call,
                    "flag " + std::to_string(flag) +
                        " is not an ACL_STREAM_WAIT_VALUE_* mode (GEQ 0, EQ 1, AND 2, NOR 3)");
    }
    ACLSIM_RETURN_IF_FAILED(CheckValueAddress(call, devAddr));
    ACLSIM_RETURN_IF_FAILED(RequireStreamContext(call, *target));
    Task task;
    task.kind = TaskKind::Kernel;
    task.kernel = std::make_shared<ValueWaitKernel>(static_cast<const uint64_t *>(devAddr), value, flag);
    return SubmitTask(call, target, std::move(task));
}

} // extern "C"
