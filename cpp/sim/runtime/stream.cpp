// Streams: each runs its tasks in order on a worker thread of its own (started on first use);
// synchronising spins briefly, then sleeps.
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
    case TaskKind::EventReset: task.event->externalSet.store(false, std::memory_order_seq_cst); return ACL_SUCCESS;
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
        // notify() below fences this store before it looks for a sleeping worker.
        submitted_.store(++submittedCount_, std::memory_order_release);
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
            return submitted_.load(std::memory_order_seq_cst) != taken ||
                   stopRequested_.load(std::memory_order_seq_cst);
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
        completed_.store(++taken, std::memory_order_release); // notify() fences it
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

} // namespace aclsim
