// Streams: a queue of tasks run in order by a worker thread of the stream's own, and the
// submission that routes a task to the worker, a capture, a task update or a model being built.
#ifndef ACLSIM_RUNTIME_STREAM_H
#define ACLSIM_RUNTIME_STREAM_H

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <new>
#include <string>
#include <thread>
#include <vector>

#include "context.h"
#include "task.h"
#include "waiting.h"

namespace aclsim {

struct Capture;
class Model;
struct TaskGroup;

class Stream : public std::enable_shared_from_this<Stream> {
public:
    Stream(std::shared_ptr<Context> context, bool isDefault, uint32_t flags);
    ~Stream();

    const std::shared_ptr<Context> &context() const { return context_; }
    bool isDefault() const { return isDefault_; }
    uint32_t flags() const { return flags_; }
    uint32_t id() const { return id_; }

    // Configuration read back by aclrtStreamGetPriority / aclrtGetStreamOverflowSwitch.
    std::atomic<uint32_t> priority{0};
    std::atomic<uint32_t> overflowSwitch{0};

    // Queues a task for the worker thread (started on first use).
    void enqueue(Task &&task);
    // Waits until every task queued so far has run; returns (and clears) the first error a task
    // reported, ACL_ERROR_RT_STREAM_SYNC_TIMEOUT when the deadline passes first.
    aclError synchronize(std::chrono::steady_clock::time_point deadline);
    bool idle() const;
    // Stops the worker after the queued tasks (or discarding them).
    void shutdown(bool discardPending);

    // Capture state (guarded by CaptureMutex(); `captureFlag` mirrors "capturing or updating"
    // for the lock-free fast path of task submission).
    std::atomic<bool> captureFlag{false};
    aclmdlRICaptureStatus captureStatus = ACL_MODEL_RI_CAPTURE_STATUS_NONE;
    std::shared_ptr<Capture> capture;
    bool captureOrigin = false;
    std::shared_ptr<TaskGroup> updating;  // task group being updated from this stream
    std::shared_ptr<TaskGroup> openGroup; // task group this capturing stream is sampling
    std::vector<std::shared_ptr<const DeviceKernel>> updateKernels;
    // A stream bound to a model being built (aclmdlRIBindStream): its tasks go into the model.
    // `boundFlag` mirrors `boundModel != nullptr` for the lock-free fast path of task submission.
    std::atomic<bool> boundFlag{false};
    std::shared_ptr<Model> boundModel;
    uint32_t boundIndex = 0; // the stream's index among the model's streams

private:
    void workerLoop();

    std::shared_ptr<Context> context_;
    bool isDefault_;
    uint32_t flags_;
    uint32_t id_;

    // Pending tasks: a queue of fixed blocks that many threads submit to (under a lock only they
    // take) and the worker drains without any lock, running each task in its slot. Tasks never
    // move, nothing is allocated per task (a drained block is kept for reuse), and each side
    // writes only its own cache lines: what crosses between cores is the task itself, the
    // submitted count (polled by the worker) and the completed count (polled by waiters).
    struct alignas(kCacheLine) TaskSlot {
        alignas(Task) unsigned char bytes[sizeof(Task)];
        Task *task() { return std::launder(reinterpret_cast<Task *>(bytes)); }
    };
    struct TaskBlock {
        static constexpr size_t kSlots = 32;
        TaskSlot slots[kSlots];
        std::atomic<TaskBlock *> next{nullptr};
    };

    // Submitting side (guarded by submitLock_).
    alignas(kCacheLine) SpinLock submitLock_;
    TaskBlock *tailBlock_;
    size_t tailIndex_ = 0;
    uint64_t submittedCount_ = 0;
    bool stopping_ = false;
    std::thread worker_;
    // Set when a task on the worker destroys its own stream (a host function calling
    // aclrtDestroyStream): the worker drains, then drops this as its very last act.
    std::shared_ptr<Stream> keptByWorker_;
    // Submitted tasks, published after the task is in its slot.
    alignas(kCacheLine) std::atomic<uint64_t> submitted_{0};
    std::atomic<bool> stopRequested_{false};
    std::atomic<bool> discard_{false};
    std::atomic<TaskBlock *> spareBlock_{nullptr}; // a drained block, handed back for reuse
    // Worker side.
    alignas(kCacheLine) TaskBlock *headBlock_;
    size_t headIndex_ = 0;
    alignas(kCacheLine) std::atomic<uint64_t> completed_{0};
    std::atomic<bool> failed_{false}; // lets synchronize skip errorMutex_ in the common case
    alignas(kCacheLine) std::mutex errorMutex_;
    aclError error_ = ACL_SUCCESS; // first task failure since the last synchronisation
    std::string errorMessage_;
    Signal workAvailable_;
    Signal workDone_;
};

uint32_t NextStreamId();

// Drops the stream's aclrtSubscribeReport binding (the stream is being destroyed).
void ForgetStreamSubscription(const Stream &stream);

// The stream must be of the current context (107002 without one, 107003 for another); `current`
// receives it.
aclError RequireStreamContext(const char *call, const Stream &stream, std::shared_ptr<Context> *current = nullptr);

// Resolves a stream handle (nullptr = the current context's default stream).
aclError ResolveStream(const char *call, aclrtStream handle, std::shared_ptr<Stream> &out);

// Issues a task on a stream: runs it asynchronously, records it when the stream captures, or
// refuses it (default stream during a capture, task-update mode, injected fault).
aclError SubmitTask(const char *call, const std::shared_ptr<Stream> &stream, Task &&task);
// Waits for the tasks queued on `stream` for at most `timeoutMs` (-1: no limit): on a timeout the
// call fails saying `work` did not finish in time, on a failed task with its code and `failure`.
aclError AwaitStream(const char *call, Stream &stream, int32_t timeoutMs, const char *work, const char *failure);
// 107027 when the stream is capturing: "the stream is capturing: <remedy> (the capture goes on)".
aclError RefuseCapturingStream(const char *call, const Stream &stream, const std::string &remedy);
// Resolves `handle` (ResolveStream), then submits `task` to it.
aclError SubmitToStream(const char *call, aclrtStream handle, Task &&task);

} // namespace aclsim

#endif
