// Events: eager records and waits by generation number, external events, and the capture an
// event's latest record belongs to.
#ifndef ACLSIM_RUNTIME_EVENT_H
#define ACLSIM_RUNTIME_EVENT_H

#include <atomic>
#include <cstdint>
#include <memory>

#include "sim_internal.h"
#include "waiting.h"

namespace aclsim {

struct Capture;
class Context;

// An event's record / wait flag before its first record / wait.
constexpr uint32_t kNoOperationFlag = UINT32_MAX;

class Event {
public:
    Event(std::shared_ptr<Context> context, uint32_t flags, bool extended);
    ~Event();

    uint32_t flags() const { return flags_; }
    bool extended() const { return extended_; }
    bool external() const { return (flags_ & ACL_EVENT_EXTERNAL) != 0; }
    uint32_t id() const { return id_; }
    const std::shared_ptr<Context> &context() const { return context_; }

    // Eager records: generation numbers handed out at record time, completed by the worker.
    std::atomic<uint64_t> recorded{0};
    std::atomic<uint64_t> completed{0};
    // ACL_EVENT_EXTERNAL events: set by a record, cleared by a reset, awaited by a wait.
    std::atomic<bool> externalSet{false};
    Signal signal;
    // The flag of the event's first record / wait (ACL_EVENT_RECORD_* / ACL_EVENT_WAIT_*): later
    // ones must use the same (ApiErrorDecorator::EventRecord / StreamWaitEvent).
    std::atomic<uint32_t> recordFlag{kNoOperationFlag};
    std::atomic<uint32_t> waitFlag{kNoOperationFlag};
    // When `completed` last rose (steady clock, ns): aclrtEventGetTimestamp's time.
    std::atomic<int64_t> completedAtNs{0};

    // The capture the event's latest record belongs to (guarded by CaptureMutex()).
    std::weak_ptr<Capture> capture;
    uint64_t captureSequence = 0;

    void complete(uint64_t generation);
    // Every record so far has completed (also when the event was never recorded).
    bool settled() const {
        return completed.load(std::memory_order_acquire) >= recorded.load(std::memory_order_acquire);
    }

private:
    std::shared_ptr<Context> context_;
    uint32_t flags_;
    bool extended_;
    uint32_t id_;
};

// Takes CaptureMutex(): 107028 when the event's latest record is part of a capture still in
// progress, with `detail` after the reason.
aclError RefuseCapturedRecord(const char *call, const Event &event, const char *detail = "");
// Event::IsEventWithoutWaitTask: an event with none of the SYNC, EXTERNAL and IPC flags only marks
// a point in a stream; nothing can wait for it (nor reset it).
bool WithoutWaitTask(const Event &event);
// ACL_ERROR_RT_FEATURE_NOT_SUPPORT for such an event, saying what that means for the call
// (`consequence`); ACL_SUCCESS for any other.
aclError RefuseWithoutWaitTask(const char *call, const Event &event, const char *consequence);
// Claims `flag` as the event's record (wait) flag: 107000 when another flag was used before.
aclError ClaimOperationFlag(const char *call, std::atomic<uint32_t> &slot, uint32_t flag, bool record);

} // namespace aclsim

#endif
