// Streams: each runs its tasks in order on a worker thread of its own (started on first use);
// synchronising spins briefly, then sleeps. Task submission routes a task to the worker, into
// the capture the stream belongs to, or into a task update.
#include "runtime.h"

namespace aclsim {

// ---------------------------------------------------------------- Task

const char *Task::typeName() const {
    switch (kind) {
    case TaskKind::Memcpy: return "MEMCPY_ASYNC";
    case TaskKind::Memset: return "MEMSET_ASYNC";
    case TaskKind::Kernel: return kernel ? kernel->name() : "KERNEL";
    case TaskKind::EventRecord: return "EVENT_RECORD";
    case TaskKind::EventWait: return "EVENT_WAIT";
    case TaskKind::EventReset: return "EVENT_RESET";
    case TaskKind::HostFunc: return "HOSTFUNC_CALLBACK";
    case TaskKind::ModelRun: return "MODEL_EXECUTE";
    case TaskKind::Nop: return "NOP";
    }
    return "UNKNOWN";
}

aclError RunTask(const Task &task, bool inModel) {
    if (task.disabled) {
        return ACL_SUCCESS;
    }
    switch (task.kind) {
    case TaskKind::Memcpy:
    case TaskKind::Memset: return RunMemoryTask(task);
    case TaskKind::Kernel: {
        // A task group's kernel may be swapped by a task update while a replay reads it: hold it.
        // Any other task's kernel lives as long as the task (no reference count touched).
        std::shared_ptr<const DeviceKernel> updated;
        const DeviceKernel *kernel = task.kernel.get();
        if (task.updatable) {
            updated = std::atomic_load(&task.kernel);
            kernel = updated.get();
        }
        if (ShouldInjectFault(ACLSIM_FAULT_KERNEL_EXEC)) {
            return Fail(ACL_ERROR_RT_INTERNAL_ERROR, kernel->name(), "kernel execution failed (injected fault)");
        }
        return kernel->run();
    }
    case TaskKind::EventRecord:
        if (task.external) {
            task.event->externalSet.store(true, std::memory_order_seq_cst);
            task.event->signal.notify();
        }
        if (!inModel) {
            task.event->complete(task.generation);
        }
        // Inside a model, records and waits between its own streams are satisfied by replaying
        // the tasks in capture order.
        return ACL_SUCCESS;
    case TaskKind::EventWait: {
        Event &event = *task.event;
        if (task.external) {
            event.signal.wait([&event] { return event.externalSet.load(std::memory_order_seq_cst); });
        } else if (!inModel) {
            uint64_t target = task.generation;
            event.signal.wait([&event, target] { return event.completed.load(std::memory_order_seq_cst) >= target; });
        }
        return ACL_SUCCESS;
    }
    case TaskKind::EventReset:
        task.event->externalSet.store(false, std::memory_order_seq_cst);
        return ACL_SUCCESS;
    case TaskKind::HostFunc: task.hostFunc(task.hostArgs); return ACL_SUCCESS;
    case TaskKind::Nop: return ACL_SUCCESS;
    case TaskKind::ModelRun: {
        aclError status = task.model->replay();
        task.model->finishReplay();
        return status;
    }
    }
    return ACL_SUCCESS;
}

// A task dropped without running (stream destroyed by force) must still release what it holds.
static void CancelTask(const Task &task) {
    if (task.kind == TaskKind::ModelRun) {
        task.model->finishReplay();
    } else if (task.kind == TaskKind::EventRecord && !task.external) {
        task.event->complete(task.generation);
    }
}

// ---------------------------------------------------------------- Stream

uint32_t NextStreamId() {
    static std::atomic<uint32_t> next{1};
    return next.fetch_add(1, std::memory_order_relaxed);
}

Stream::Stream(std::shared_ptr<Context> context, bool isDefault, uint32_t flags)
    : context_(std::move(context)), isDefault_(isDefault), flags_(flags), id_(NextStreamId()) {
    headBlock_ = tailBlock_ = new TaskBlock();
    CountObjectCreated(ACLSIM_OBJ_STREAM);
}

Stream::~Stream() {
    shutdown(true);
    // The worker has drained every task it was given; what is left are the blocks themselves.
    for (TaskBlock *block = headBlock_; block != nullptr;) {
        TaskBlock *next = block->next.load(std::memory_order_relaxed);
        delete block;
        block = next;
    }
    delete spareBlock_.load(std::memory_order_relaxed);
    CountObjectDestroyed(ACLSIM_OBJ_STREAM);
}

void Stream::enqueue(Task &&task) {
    {
        std::lock_guard lock(submitLock_);
        if (stopping_) {
            CancelTask(task);
            return;
        }
        if (!worker_.joinable()) {
            worker_ = std::thread([this] {
                workerLoop();
                // Destroyed from one of its own tasks: the stream dies here, after the loop.
                std::shared_ptr<Stream> last = std::move(keptByWorker_);
            });
        }
        if (tailIndex_ == TaskBlock::kSlots) {
            TaskBlock *block = spareBlock_.exchange(nullptr, std::memory_order_acquire);
            if (block == nullptr) {
                block = new TaskBlock();
            } else {
                block->next.store(nullptr, std::memory_order_relaxed);
            }
            tailBlock_->next.store(block, std::memory_order_release);
            tailBlock_ = block;
            tailIndex_ = 0;
        }
        new (tailBlock_->slots[tailIndex_].bytes) Task(std::move(task));
        ++tailIndex_;
        // Sequentially consistent: notify() below must see a worker that went to sleep before it.
        submitted_.store(++submittedCount_, std::memory_order_seq_cst);
        if (tailIndex_ < TaskBlock::kSlots) {
            // Own the next slot before it is needed: the worker last read it a whole block ago,
            // and taking the line then would delay publishing the next task.
            __builtin_prefetch(tailBlock_->slots[tailIndex_].bytes, 1);
        }
    }
    workAvailable_.notify();
}

void Stream::workerLoop() {
    uint64_t taken = 0;
    for (;;) {
        workAvailable_.wait([this, &taken] {
            return submitted_.load(std::memory_order_seq_cst) != taken || stopRequested_.load(std::memory_order_seq_cst);
        });
        if (submitted_.load(std::memory_order_acquire) == taken) {
            if (stopRequested_.load(std::memory_order_acquire)) {
                return; // stopping, and every task submitted before has been taken
            }
            continue;
        }
        if (headIndex_ == TaskBlock::kSlots) {
            // The submitter linked the next block before publishing the task in it.
            TaskBlock *drained = headBlock_;
            headBlock_ = drained->next.load(std::memory_order_acquire);
            headIndex_ = 0;
            delete spareBlock_.exchange(drained, std::memory_order_acq_rel);
        }
        Task &task = *headBlock_->slots[headIndex_].task();
        if (discard_.load(std::memory_order_acquire)) {
            CancelTask(task);
        } else if (aclError status = RunTask(task, false); status != ACL_SUCCESS) {
            std::string message = TakeErrorMessages();
            std::lock_guard lock(errorMutex_);
            if (error_ == ACL_SUCCESS) {
                error_ = status;
                errorMessage_ = message.empty() ? std::string(task.typeName()) + " task failed" : message;
                failed_.store(true, std::memory_order_release);
            }
        }
        task.~Task(); // release what the task holds before reporting it done
        ++headIndex_;
        completed_.store(++taken, std::memory_order_seq_cst);
        workDone_.notify();
    }
}

aclError Stream::synchronize(std::chrono::steady_clock::time_point deadline) {
    uint64_t target = submitted_.load(std::memory_order_acquire);
    if (!workDone_.waitUntil([this, target] { return completed_.load(std::memory_order_seq_cst) >= target; },
                             deadline)) {
        return ACL_ERROR_RT_STREAM_SYNC_TIMEOUT;
    }
    if (!failed_.load(std::memory_order_acquire)) {
        return ACL_SUCCESS;
    }
    std::lock_guard lock(errorMutex_);
    aclError status = error_;
    if (status != ACL_SUCCESS) {
        AppendErrorMessage(errorMessage_);
        error_ = ACL_SUCCESS;
        errorMessage_.clear();
        failed_.store(false, std::memory_order_release);
    }
    return status;
}

bool Stream::idle() const {
    return completed_.load(std::memory_order_acquire) >= submitted_.load(std::memory_order_acquire);
}

void Stream::shutdown(bool discardPending) {
    std::thread worker;
    {
        std::lock_guard lock(submitLock_);
        stopping_ = true;
        if (discardPending) {
            discard_.store(true, std::memory_order_release);
        }
        stopRequested_.store(true, std::memory_order_seq_cst);
        worker.swap(worker_);
    }
    workAvailable_.notify();
    if (worker.joinable()) {
        if (worker.get_id() == std::this_thread::get_id()) {
            // Destroyed from one of its own tasks (a host function): the worker cannot wait for
            // itself, so it finishes the queue on its own and keeps the stream alive until then.
            keptByWorker_ = weak_from_this().lock();
            worker.detach();
        } else {
            worker.join();
        }
    }
}

// ---------------------------------------------------------------- submission

aclError ResolveStream(const char *call, aclrtStream handle, std::shared_ptr<Stream> &out) {
    if (handle == nullptr) {
        std::shared_ptr<Context> context;
        if (aclError status = RequireContext(call, context); status != ACL_SUCCESS) {
            return status;
        }
        out = context->defaultStream();
        return ACL_SUCCESS;
    }
    out = Streams().find(handle);
    if (out) {
        return ACL_SUCCESS;
    }
    // The handle aclrtCtxGetCurrentDefaultStream gave for the current context's default stream.
    if (auto context = CurrentContext(); context && context->defaultStream().get() == handle) {
        out = context->defaultStream();
        return ACL_SUCCESS;
    }
    return FindLive(call, Streams(), handle, "stream", out);
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
        if (capture.groupError == ACL_SUCCESS) {
            capture.groupError = ACL_ERROR_STREAM_TASK_GROUP_INTR;
        }
        InvalidateCapture(capture);
        return Fail(ACL_ERROR_STREAM_TASK_GROUP_INTR, call,
                    "another stream of this capture has a task group open: the group is interrupted and the capture "
                    "invalidated (issue a group's tasks on its stream only, until aclmdlRICaptureTaskGrpEnd)");
    }
    // Stream::PackingTaskGroup: only kernels can be part of a task group.
    if (stream.openGroup && task.kind != TaskKind::Kernel) {
        if (capture.groupError == ACL_SUCCESS) {
            capture.groupError = ACL_ERROR_RT_TASK_TYPE_NOT_SUPPORT;
        }
        InvalidateCapture(capture);
        return Fail(ACL_ERROR_RT_TASK_TYPE_NOT_SUPPORT, call,
                    std::string(task.typeName()) +
                        " tasks cannot be part of a task group (only operator kernels can); the capture is "
                        "invalidated");
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

aclError SubmitTask(const char *call, const std::shared_ptr<Stream> &stream, Task &&task) {
    if (!stream->captureFlag.load(std::memory_order_acquire) && !stream->boundFlag.load(std::memory_order_acquire)) {
        if (stream->isDefault() && stream->context()->activeCaptures.load(std::memory_order_acquire) > 0) {
            return Fail(ACL_ERROR_RT_STREAM_CAPTURE_IMPLICIT, call,
                        "a capture is active in this context and the default stream takes no part in captures: "
                        "issue the work on a stream you created");
        }
        if (ShouldInjectFault(ACLSIM_FAULT_TASK_SUBMIT)) {
            return Fail(ACL_ERROR_RT_RESOURCE_ALLOC_FAIL, call, "cannot submit the task (injected fault)");
        }
        stream->enqueue(std::move(task));
        return ACL_SUCCESS;
    }
    {
        std::lock_guard lock(CaptureMutex());
        if (stream->updating) {
            if (task.kind != TaskKind::Kernel) {
                return Fail(ACL_ERROR_RT_TASK_TYPE_NOT_SUPPORT, call,
                            std::string(task.typeName()) +
                                " tasks cannot update a task group (only operator kernels can); end the update with "
                                "aclmdlRICaptureTaskUpdateEnd first");
            }
            if (stream->updateKernels.size() >= stream->updating->taskIndices.size()) {
                return Fail(ACL_ERROR_RT_INTERNAL_ERROR, call,
                            "the task group holds " + std::to_string(stream->updating->taskIndices.size()) +
                                " kernels and all of them have been given new arguments already");
            }
            stream->updateKernels.push_back(std::move(task.kernel));
            return ACL_SUCCESS;
        }
        if (stream->boundModel) {
            return RecordIntoBuiltModel(call, *stream, std::move(task));
        }
        if (auto capture = stream->capture) {
            if (ShouldInjectFault(ACLSIM_FAULT_TASK_SUBMIT)) {
                InvalidateStreamCapture(*capture, *stream);
                return Fail(ACL_ERROR_RT_RESOURCE_ALLOC_FAIL, call,
                            "cannot add the task to the capture (injected fault); the capture is invalidated");
            }
            return RecordIntoCapture(call, *capture, *stream, std::move(task));
        }
    }
    // The capture ended between the flag check and the lock: the task runs eagerly.
    stream->enqueue(std::move(task));
    return ACL_SUCCESS;
}

// Under CaptureMutex(): the stream is capturing (or its capture was invalidated).
static bool Capturing(const Stream &stream) { return stream.capture != nullptr; }

static aclError RefuseIfCapturing(const char *call, const Stream &stream, const char *what) {
    if (!stream.captureFlag.load(std::memory_order_acquire)) {
        return ACL_SUCCESS;
    }
    std::lock_guard lock(CaptureMutex());
    if (Capturing(stream)) {
        return Fail(ACL_ERROR_RT_STREAM_CAPTURED, call,
                    std::string("the stream is capturing: ") + what +
                        " is not allowed until aclmdlRICaptureEnd (the capture goes on)");
    }
    return ACL_SUCCESS;
}

static aclError SynchronizeStream(const char *call, aclrtStream handle, int32_t timeoutMs) {
    std::shared_ptr<Stream> stream;
    if (aclError status = ResolveStream(call, handle, stream); status != ACL_SUCCESS) {
        return status;
    }
    if (aclError status = RefuseIfCapturing(call, *stream, "synchronising it"); status != ACL_SUCCESS) {
        return status;
    }
    aclError status = stream->synchronize(DeadlineAfter(timeoutMs));
    if (status == ACL_ERROR_RT_STREAM_SYNC_TIMEOUT) {
        return Fail(status, call, "the stream's tasks did not finish within " + std::to_string(timeoutMs) + " ms");
    }
    if (status != ACL_SUCCESS) {
        return Fail(status, call, "a task of the stream failed");
    }
    return ACL_SUCCESS;
}

static aclError CreateStream(const char *call, aclrtStream *handle, uint32_t flags) {
    if (handle == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, "stream is NULL");
    }
    *handle = nullptr;
    std::shared_ptr<Context> context;
    if (aclError status = RequireContext(call, context); status != ACL_SUCCESS) {
        return status;
    }
    if (ShouldInjectFault(ACLSIM_FAULT_STREAM_CREATE)) {
        return Fail(ACL_ERROR_RT_NO_STREAM_RESOURCE, call, "stream resources are insufficient (injected fault)");
    }
    auto stream = std::make_shared<Stream>(context, false, flags);
    Streams().add(stream);
    context->addStream(stream);
    *handle = stream.get();
    return ACL_SUCCESS;
}

static aclError DestroyStream(const char *call, aclrtStream handle, bool force) {
    std::shared_ptr<Stream> stream;
    if (aclError status = FindLive(call, Streams(), handle, "stream", stream, " (the default stream cannot be destroyed)");
        status != ACL_SUCCESS) {
        return status;
    }
    {
        std::lock_guard lock(CaptureMutex());
        if (Capturing(*stream)) {
            return Fail(ACL_ERROR_RT_STREAM_CAPTURED, call,
                        "the stream is capturing: end the capture (aclmdlRICaptureEnd on its origin stream) first");
        }
        if (stream->updating) {
            return Fail(ACL_ERROR_STREAM_TASK_GROUP_STATUS, call,
                        "the stream is updating a task group: call aclmdlRICaptureTaskUpdateEnd first");
        }
    }
    Streams().remove(handle);
    stream->context()->removeStream(stream.get());
    stream->shutdown(force);
    return ACL_SUCCESS;
}

} // namespace aclsim

using namespace aclsim;

extern "C" {

ACL_FUNC_VISIBILITY aclError aclrtCreateStream(aclrtStream *stream) {
    return CreateStream("aclrtCreateStream", stream, 0);
}

ACL_FUNC_VISIBILITY aclError aclrtCreateStreamWithConfig(aclrtStream *stream, uint32_t priority, uint32_t flag) {
    constexpr uint32_t kKnownFlags = ACL_STREAM_FAST_LAUNCH | ACL_STREAM_FAST_SYNC | ACL_STREAM_PERSISTENT |
                                     ACL_STREAM_HUGE | ACL_STREAM_CPU_SCHEDULE | ACL_STREAM_DEVICE_USE_ONLY;
    if ((flag & ~kKnownFlags) != 0) {
        return Fail(ACL_ERROR_INVALID_PARAM, "aclrtCreateStreamWithConfig", "unknown stream flag bits");
    }
    aclError status = CreateStream("aclrtCreateStreamWithConfig", stream, flag);
    if (status == ACL_SUCCESS) {
        if (auto created = Streams().find(*stream)) {
            created->priority.store(priority, std::memory_order_relaxed);
        }
    }
    return status;
}

ACL_FUNC_VISIBILITY aclError aclrtDestroyStream(aclrtStream stream) {
    return DestroyStream("aclrtDestroyStream", stream, false);
}

ACL_FUNC_VISIBILITY aclError aclrtDestroyStreamForce(aclrtStream stream) {
    return DestroyStream("aclrtDestroyStreamForce", stream, true);
}

ACL_FUNC_VISIBILITY aclError aclrtSynchronizeStream(aclrtStream stream) {
    return SynchronizeStream("aclrtSynchronizeStream", stream, -1);
}

ACL_FUNC_VISIBILITY aclError aclrtSynchronizeStreamWithTimeout(aclrtStream stream, int32_t timeout) {
    const char *call = "aclrtSynchronizeStreamWithTimeout";
    if (timeout < -1 || timeout == 0) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call, "timeout must be -1 (forever) or a positive number of ms");
    }
    return SynchronizeStream(call, stream, timeout);
}

ACL_FUNC_VISIBILITY aclError aclrtStreamQuery(aclrtStream stream, aclrtStreamStatus *status) {
    const char *call = "aclrtStreamQuery";
    if (status == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, "status is NULL");
    }
    std::shared_ptr<Stream> target;
    if (aclError result = ResolveStream(call, stream, target); result != ACL_SUCCESS) {
        return result;
    }
    if (aclError result = RefuseIfCapturing(call, *target, "querying it"); result != ACL_SUCCESS) {
        return result;
    }
    *status = target->idle() ? ACL_STREAM_STATUS_COMPLETE : ACL_STREAM_STATUS_NOT_READY;
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclrtLaunchHostFunc(aclrtStream stream, aclrtHostFunc fn, void *args) {
    const char *call = "aclrtLaunchHostFunc";
    if (fn == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, "fn is NULL");
    }
    std::shared_ptr<Stream> target;
    if (aclError status = ResolveStream(call, stream, target); status != ACL_SUCCESS) {
        return status;
    }
    Task task;
    task.kind = TaskKind::HostFunc;
    task.hostFunc = fn;
    task.hostArgs = args;
    return SubmitTask(call, target, std::move(task));
}

} // extern "C"

namespace aclsim {

aclError LaunchKernel(aclrtStream stream, std::shared_ptr<const DeviceKernel> kernel) {
    const char *call = kernel ? kernel->name() : "kernel launch";
    if (!kernel) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, "no kernel");
    }
    std::shared_ptr<Stream> target;
    if (aclError status = ResolveStream(call, stream, target); status != ACL_SUCCESS) {
        return status;
    }
    Task task;
    task.kind = TaskKind::Kernel;
    task.kernel = std::move(kernel);
    return SubmitTask(call, target, std::move(task));
}

} // namespace aclsim
