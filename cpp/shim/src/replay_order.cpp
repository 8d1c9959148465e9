#include "replay_order.h"

#include <string>
#include <vector>

#include "entry.h"
#include "stream_wait.h"

namespace agj {
namespace {

int32_t CreateReplayEvent(aclrtEvent &event) {
    if (event != nullptr) {
        return AGJ_OK;
    }
    const AclApi &api = Api();
    if (api.aclrtCreateEventExWithFlag != nullptr) {
        AGJ_ACL_CHECK("aclrtCreateEventExWithFlag", api.aclrtCreateEventExWithFlag(&event, ACL_EVENT_SYNC));
    } else {
        AGJ_ACL_CHECK("aclrtCreateEventWithFlag", api.aclrtCreateEventWithFlag(&event, ACL_EVENT_SYNC));
    }
    return AGJ_OK;
}

// Makes `s` wait for the end of the model's latest replay, issued to `previous` (locked order).
int32_t WaitAfter(const char *entry, Model::ReplayOrder &order, const std::shared_ptr<Model> &m, Stream &previous,
                  Stream &s) {
    const AclApi &api = Api();
    if (int32_t status = CreateReplayEvent(order.previousDone); status != AGJ_OK) {
        return status;
    }
    if (!order.previousRecorded) {
        // The first change of stream: mark the end of what the previous stream has queued.
        aclmdlRICaptureStatus previousCapturing = ACL_MODEL_RI_CAPTURE_STATUS_NONE;
        AGJ_ACL_CHECK("aclmdlRICaptureGetInfo",
                      api.aclmdlRICaptureGetInfo(previous.handle(), &previousCapturing, nullptr));
        if (previousCapturing != ACL_MODEL_RI_CAPTURE_STATUS_NONE) {
            return Fail(AGJ_ERR_STATE, entry,
                        "the model's previous replay went to a stream that captures now, so "
                        "this call cannot be ordered after it: synchronize that stream "
                        "before its capture begins, or replay on it after the capture");
        }
        AGJ_ACL_CHECK("aclrtRecordEvent", api.aclrtRecordEvent(order.previousDone, previous.handle()));
        order.previousRecorded = true;
        RetainForTask(previous, {m});
    }
    AGJ_ACL_CHECK("aclrtStreamWaitEvent", api.aclrtStreamWaitEvent(s.handle(), order.previousDone));
    return AGJ_OK;
}

} // namespace

bool ReplayMayBeInFlight(Model &m) {
    std::shared_ptr<Stream> previous = m.replayOrder().previousStream.lock();
    if (previous == nullptr) {
        return false; // never replayed, or its stream was released (which waited for its work)
    }
    aclrtStreamStatus status = ACL_STREAM_STATUS_NOT_READY;
    if (Api().aclrtStreamQuery(previous->handle(), &status) != ACL_SUCCESS) {
        DiscardRecentErrors();
        return true;
    }
    return status != ACL_STREAM_STATUS_COMPLETE;
}

int32_t WaitForPreviousReplay(const char *entry, const std::shared_ptr<Model> &m, Stream &s) {
    Model::ReplayOrder &order = m->replayOrder();
    std::shared_ptr<Stream> previous = order.previousStream.lock();
    if (previous == nullptr || previous.get() == &s) {
        return AGJ_OK;
    }
    return WaitAfter(entry, order, m, *previous, s);
}

// Before `s` begins or joins a capture, or begins a task update (after which a record on it would
// not run eagerly), marks the end of the models' replays it holds that no event marks yet.
void MarkReplaysBeforeCapture(Stream &s) {
    std::vector<std::weak_ptr<Model>> unmarked = s.takeUnmarkedReplays();
    if (unmarked.empty()) {
        return;
    }
    aclmdlRICaptureStatus capturing = ACL_MODEL_RI_CAPTURE_STATUS_NONE;
    if (Api().aclmdlRICaptureGetInfo(s.handle(), &capturing, nullptr) != ACL_SUCCESS ||
        capturing != ACL_MODEL_RI_CAPTURE_STATUS_NONE) {
        DiscardRecentErrors();
        return; // captures already: its earlier replays were marked when it began
    }
    for (const std::weak_ptr<Model> &weak : unmarked) {
        std::shared_ptr<Model> m = weak.lock();
        if (!m) {
            continue;
        }
        Model::ReplayOrder &order = m->replayOrder();
        std::lock_guard lock(order.mutex);
        if (order.previousRecorded || order.previousStreamId != &s || CreateReplayEvent(order.previousDone) != AGJ_OK) {
            continue;
        }
        if (Api().aclrtRecordEvent(order.previousDone, s.handle()) == ACL_SUCCESS) {
            order.previousRecorded = true;
            RetainForTask(s, {m});
        }
    }
    DiscardRecentErrors(); // a failure here is the later replay's to report
}

// Issues the replay on `s` ordered after the model's previous replay (Model::ReplayOrder): no host
// wait, only an event the stream waits for when the previous replay went to another stream. A
// model replayed on one stream only costs a lock more than the replay.
int32_t ExecuteAfterPreviousReplay(const char *entry, const Found<Model> &m, const Found<Stream> &s) {
    const AclApi &api = Api();
    Model::ReplayOrder &order = m->replayOrder();
    std::lock_guard lock(order.mutex);
    if (m->kernelUpdates().pending.load(std::memory_order_acquire) != 0 ||
        m->kernelUpdates().leftovers.load(std::memory_order_acquire)) {
        AGJ_RETURN_IF_FAILED(AwaitKernelUpdates(entry, *m));
    }
    if (order.previousStreamId == s.get() && !order.multiStream && !order.previousRecorded) {
        AGJ_ACL_CHECK("aclmdlRIExecuteAsync", api.aclmdlRIExecuteAsync(m->handle(), s->handle()));
        return AGJ_OK;
    }
    std::shared_ptr<Stream> previous = order.previousStream.lock();
    bool switching = previous != nullptr && previous.get() != s.get();
    aclmdlRICaptureStatus capturing = ACL_MODEL_RI_CAPTURE_STATUS_NONE;
    if (api.aclmdlRICaptureGetInfo(s->handle(), &capturing, nullptr) != ACL_SUCCESS ||
        capturing != ACL_MODEL_RI_CAPTURE_STATUS_NONE) {
        // Not an eager replay: the runtime refuses (or records) it; order nothing.
        AGJ_ACL_CHECK("aclmdlRIExecuteAsync", api.aclmdlRIExecuteAsync(m->handle(), s->handle()));
        return AGJ_OK;
    }
    if (switching) {
        if (int32_t status = WaitAfter(entry, order, m.shared(), *previous, *s); status != AGJ_OK) {
            return status;
        }
        order.multiStream = true;
    }
    AGJ_ACL_CHECK("aclmdlRIExecuteAsync", api.aclmdlRIExecuteAsync(m->handle(), s->handle()));
    if (order.previousStreamId != s.get()) {
        order.previousStream = s.shared();
        order.previousStreamId = s.get();
    }
    order.previousRecorded = false;
    if (order.multiStream && api.aclrtRecordEvent(order.previousDone, s->handle()) == ACL_SUCCESS) {
        order.previousRecorded = true;
        return AGJ_OK;
    }
    DiscardRecentErrors();
    s->noteUnmarkedReplay(m.shared()); // marked when `s` begins a capture, if no replay elsewhere does first
    return AGJ_OK;
}

} // namespace agj
