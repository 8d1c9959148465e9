// Internal model of the simulated ACL runtime: contexts, streams with worker threads, events,
// captures and models. Shared by the files of cpp/sim/runtime only.
#ifndef ACLSIM_RUNTIME_RUNTIME_H
#define ACLSIM_RUNTIME_RUNTIME_H

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <new>
#include <shared_mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "sim_internal.h"

namespace aclsim {

class Context;
struct Conditional;
struct ExternalEventTask;
class Event;
class Model;
class Stream;
struct Capture;
struct TaskGroup;

// ---------------------------------------------------------------- errors

// Appends "<call>: <reason>" to the calling thread's error text and returns `code`.
aclError Fail(aclError code, const char *call, const std::string &reason);
// The code of the calling thread's last failed call (aclrtGetLastError / aclrtPeekAtLastError).
aclError &ThreadLastError();
// Takes (and clears) the calling thread's pending error text, oldest first.
std::string TakeErrorMessages();

// ---------------------------------------------------------------- simulated release

// The CANN release simulated where releases differ, as major * 100 + minor (default 902).
uint32_t SimulatedRelease();
// Whether captured events use hardware events (the device's IsUseHardwareEvent; default true).
bool HardwareCaptureEvents();

// ---------------------------------------------------------------- waiting

// How long a waiter spins before it sleeps (env ACLSIM_SPIN_US, default 100 µs). A condition
// variable alone costs tens of microseconds per wake; spinning first keeps back-to-back
// replay + synchronise round trips near the cost of a cache-line handoff.
std::chrono::nanoseconds SpinWindow();

inline void CpuRelax() {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    asm volatile("yield" ::: "memory");
#endif
}

// A spin-then-sleep wait on a condition that another thread makes true and then announces with
// notify(). notify() is cheap when nobody sleeps (one atomic load).
// Cache-line aligned: what one thread writes should not share a line with what another polls.
constexpr size_t kCacheLine = 64;

class alignas(kCacheLine) Signal {
public:
    // Waits until done() is true or `deadline` passes; returns done().
    template <typename Predicate>
    bool waitUntil(Predicate done, std::chrono::steady_clock::time_point deadline) {
        // The clock is read every 64 pauses only, first after them: most waits end sooner.
        auto spinEnd = std::chrono::steady_clock::time_point::max();
        for (unsigned i = 0;; ++i) {
            if (done()) {
                return true;
            }
            CpuRelax();
            if ((i & 63) == 63) {
                auto now = std::chrono::steady_clock::now();
                if (i == 63) {
                    spinEnd = now + SpinWindow() < deadline ? now + SpinWindow() : deadline;
                }
                if (now >= spinEnd) {
                    break;
                }
                // On a busy machine the thread we wait for may need this core: offer it.
                std::this_thread::yield();
            }
        }
        std::unique_lock lock(mutex_);
        sleepers_.fetch_add(1, std::memory_order_seq_cst);
        bool ok = condition_.wait_until(lock, deadline, done);
        sleepers_.fetch_sub(1, std::memory_order_relaxed);
        return ok;
    }

    template <typename Predicate>
    void wait(Predicate done) {
        waitUntil(done, std::chrono::steady_clock::time_point::max());
    }

    // Call after making the condition true with a seq_cst store or read-modify-write, and read the
    // condition with seq_cst loads: then either the waiter sees it before sleeping or this sees
    // the sleeper (loads of either order cost a plain load on x86 and AArch64's LDAR).
    void notify() {
        if (sleepers_.load(std::memory_order_seq_cst) > 0) {
            std::lock_guard lock(mutex_);
            condition_.notify_all();
        }
    }

private:
    std::mutex mutex_;
    std::condition_variable condition_;
    std::atomic<int> sleepers_{0};
};

// A lock for critical sections of a few dozen instructions (a stream's queue): it spins instead
// of sleeping in the kernel, since a futex sleep and wake costs far more than the section.
class SpinLock {
public:
    void lock() noexcept {
        for (unsigned spins = 0; locked_.exchange(true, std::memory_order_acquire); ++spins) {
            while (locked_.load(std::memory_order_relaxed)) {
                if ((++spins & 127) == 0) {
                    std::this_thread::yield(); // the holder may have been preempted
                } else {
                    CpuRelax();
                }
            }
        }
    }
    void unlock() noexcept { locked_.store(false, std::memory_order_release); }

private:
    std::atomic<bool> locked_{false};
};

// Converts an ACL timeout in milliseconds (-1 = forever) into a deadline.
std::chrono::steady_clock::time_point DeadlineAfter(int32_t timeoutMs);

// ---------------------------------------------------------------- handle registries

// Live objects of one kind by their C handle. find() hands out a shared_ptr, so an object
// destroyed by another thread stays alive until the call using it returns; a stale or forged
// handle is simply not found.
//
// Every replay and synchronisation looks its handles up, so each thread remembers its last
// lookups: while nothing was added or removed since (the version is unchanged), the remembered
// object is still the one the handle names, and finding it costs no lock and no hash.
template <typename T>
class Registry {
public:
    void add(const std::shared_ptr<T> &object) {
        std::unique_lock lock(mutex_);
        objects_[object.get()] = object;
        version_.fetch_add(1, std::memory_order_release);
    }
    std::shared_ptr<T> find(const void *handle) const {
        uint64_t version = version_.load(std::memory_order_acquire);
        for (const CacheEntry &entry : tCache) {
            if (entry.handle == handle && entry.registry == this && entry.version == version) {
                if (auto object = entry.object.lock()) {
                    return object;
                }
            }
        }
        std::shared_lock lock(mutex_);
        auto it = objects_.find(handle);
        if (it == objects_.end()) {
            return nullptr;
        }
        CacheEntry &entry = tCache[tNextEntry++ % kCacheEntries];
        entry.registry = this;
        entry.handle = handle;
        entry.version = version_.load(std::memory_order_relaxed); // changes only under the unique lock
        entry.object = it->second;
        return it->second;
    }
    // Empties the registry (aclFinalize); the objects are destroyed by the caller, outside the lock.
    std::unordered_map<const void *, std::shared_ptr<T>> clear() {
        std::unique_lock lock(mutex_);
        std::unordered_map<const void *, std::shared_ptr<T>> all;
        all.swap(objects_);
        version_.fetch_add(1, std::memory_order_release);
        return all;
    }
    std::shared_ptr<T> remove(const void *handle) {
        std::unique_lock lock(mutex_);
        auto it = objects_.find(handle);
        if (it == objects_.end()) {
            return nullptr;
        }
        auto object = std::move(it->second);
        objects_.erase(it);
        version_.fetch_add(1, std::memory_order_release);
        return object;
    }

private:
    // Weak: remembering an object must not keep it alive.
    struct CacheEntry {
        const Registry *registry = nullptr;
        const void *handle = nullptr;
        uint64_t version = 0;
        std::weak_ptr<T> object;
    };
    static constexpr unsigned kCacheEntries = 2;
    static inline thread_local CacheEntry tCache[kCacheEntries];
    static inline thread_local unsigned tNextEntry = 0;

    mutable std::shared_mutex mutex_;
    std::unordered_map<const void *, std::shared_ptr<T>> objects_;
    // Bumped by every add and remove; on a line of its own, away from the lock word that the
    // slow path of other threads writes.
    alignas(kCacheLine) std::atomic<uint64_t> version_{0};
};

// Looks a handle up: NULL is refused with 100000 (`nullHint` may say why NULL is wrong here), a
// handle that is not live (destroyed, or never ours) with 107017.
template <typename T>
aclError FindLive(const char *call, const Registry<T> &registry, const void *handle, const char *what,
                  std::shared_ptr<T> &out, const char *nullHint = "") {
    if (handle == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, std::string(what) + " is NULL" + nullHint);
    }
    out = registry.find(handle);
    if (!out) {
        return Fail(ACL_ERROR_RT_INVALID_HANDLE, call,
                    std::string("not a live ") + what + " (destroyed already, or not made by this runtime?)");
    }
    return ACL_SUCCESS;
}

Registry<Stream> &Streams();
Registry<Event> &Events();
Registry<Model> &Models();
Registry<Context> &Contexts();
Registry<TaskGroup> &TaskGroups();

// Guards every capture's bookkeeping and the capture fields of streams, events and contexts.
std::mutex &CaptureMutex();

// ---------------------------------------------------------------- memory

enum class RangeKind {
    Device,   // wholly inside one live aclrtMalloc allocation
    Pinned,   // wholly inside one live aclrtMallocHost allocation
    Pageable, // touches no registered allocation: ordinary host memory
    Overrun,  // starts or ends inside a registered allocation but does not fit in it
};
RangeKind ClassifyRange(const void *ptr, size_t bytes);
// Frees every allocation (aclFinalize).
void ReleaseAllMemory();
struct Task;
// Runs a copy or memset task, re-validating its ranges if memory was freed since.
aclError RunMemoryTask(const Task &task);

// ---------------------------------------------------------------- tasks

enum class TaskKind : uint8_t { Memcpy, Memset, Kernel, EventRecord, EventWait, EventReset, HostFunc, ModelRun, Nop };

// The memory ranges a copy or memset touches, re-validated when memory was freed since.
struct CheckedRange {
    const void *ptr = nullptr;
    size_t bytes = 0;
    RangeKind kind = RangeKind::Pageable;
};

// One unit of stream work, run eagerly by a stream's worker or recorded into a model.
struct Task {
    // First cache line: all a model replay's task reads (kind, model) and what destroying a task
    // reads (kernel, event), so passing one to a stream's worker moves a single line between cores.
    TaskKind kind = TaskKind::Memcpy;
    bool external = false;  // event task on an ACL_EVENT_EXTERNAL event
    bool updatable = false; // kernel task of a task group: read with atomic_load
    bool disabled = false;  // aclmdlRITaskDisable: skipped by replays (changed only while no replay runs)
    uint32_t modelStream = 0;
    // The model a ModelRun task replays. Not an owning pointer: the model's `launched` count, raised
    // before the task is queued, keeps aclmdlRIDestroy (and so the registry's reference) waiting
    // until the task has run or been dropped; no reference count is touched per replay.
    Model *model = nullptr;
    std::shared_ptr<const DeviceKernel> kernel;
    std::shared_ptr<Event> event;
    void *dst = nullptr;
    const void *src = nullptr;
    // Second line.
    size_t count = 0;
    int32_t value = 0;
    // What the destination and source ranges ([dst, dst + count), [src, src + count)) were when
    // checked, re-checked when memory was freed since.
    RangeKind dstKind = RangeKind::Pageable;
    RangeKind srcKind = RangeKind::Pageable;
    uint64_t generation = 0;
    aclrtHostFunc hostFunc = nullptr;
    void *hostArgs = nullptr;
    // Memory epoch at which the ranges were last found valid (atomic: a model's task may be
    // replayed on several streams at once).
    mutable std::atomic<uint64_t> validatedEpoch{0};

    Task() = default;
    Task(Task &&other) noexcept
        : kind(other.kind), external(other.external), updatable(other.updatable), disabled(other.disabled),
          modelStream(other.modelStream),
          model(other.model), kernel(std::move(other.kernel)), event(std::move(other.event)), dst(other.dst),
          src(other.src), count(other.count), value(other.value), dstKind(other.dstKind), srcKind(other.srcKind),
          generation(other.generation), hostFunc(other.hostFunc), hostArgs(other.hostArgs),
          validatedEpoch(other.validatedEpoch.load(std::memory_order_relaxed)) {}
    Task &operator=(Task &&) = delete; // tasks are built in place and never reassigned
    Task(const Task &) = delete;
    Task &operator=(const Task &) = delete;

    const char *typeName() const;
};

// Runs a task on the calling thread; `inModel` means it is part of a model replay.
aclError RunTask(const Task &task, bool inModel);

// ---------------------------------------------------------------- threads

struct ThreadState {
    // Captures begun by this thread and still active, per mode (guarded by CaptureMutex()).
    int captureModeCounts[3] = {0, 0, 0};
    aclmdlRICaptureMode exchangeMode = ACL_MODEL_RI_CAPTURE_MODE_GLOBAL;
};
std::shared_ptr<ThreadState> CurrentThreadState();

// ---------------------------------------------------------------- contexts

class Context : public std::enable_shared_from_this<Context> {
public:
    Context(int32_t device, bool isDefault);
    ~Context();

    int32_t device() const { return device_; }
    bool isDefault() const { return isDefault_; }
    bool destroyed() const { return destroyed_.load(std::memory_order_acquire); }

    std::shared_ptr<Stream> defaultStream();
    void addStream(const std::shared_ptr<Stream> &stream);
    void removeStream(const Stream *stream);
    std::vector<std::shared_ptr<Stream>> streams();
    // Ends captures, waits for and destroys every stream; the context is unusable afterwards.
    void destroy();

    // Captures active in this context, per mode (guarded by CaptureMutex()).
    int captureModeCounts[3] = {0, 0, 0};
    std::atomic<int> activeCaptures{0};

private:
    int32_t device_;
    bool isDefault_;
    std::atomic<bool> destroyed_{false};
    std::mutex mutex_;
    std::shared_ptr<Stream> defaultStream_;
    std::vector<std::shared_ptr<Stream>> streams_;
};

// Whether aclInit has been called and aclFinalize not since.
bool AclInitialized();
// The calling thread's current context, or a 107002 failure naming `call`.
std::shared_ptr<Context> CurrentContext();
aclError RequireContext(const char *call, std::shared_ptr<Context> &out);
// Finds a live model; NULL gives `nullCode` (100000 where the ACL layer checks the argument,
// 107000 where only the runtime's decorator does), a stale handle 107017.
aclError FindModel(const char *call, aclmdlRI handle, aclError nullCode, std::shared_ptr<Model> &out);
// ApiImpl: the model must belong to the current context (107004); `current` receives that context.
aclError RequireModelContext(const char *call, const Model &model, std::shared_ptr<Context> *current = nullptr);
int32_t DeviceCount();

// ---------------------------------------------------------------- streams

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
    std::shared_ptr<TaskGroup> updating; // task group being updated from this stream
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

// Resolves a stream handle (nullptr = the current context's default stream).
aclError ResolveStream(const char *call, aclrtStream handle, std::shared_ptr<Stream> &out);

// Issues a task on a stream: runs it asynchronously, records it when the stream captures, or
// refuses it (default stream during a capture, task-update mode, injected fault).
aclError SubmitTask(const char *call, const std::shared_ptr<Stream> &stream, Task &&task);

// ---------------------------------------------------------------- events

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

private:
    std::shared_ptr<Context> context_;
    uint32_t flags_;
    bool extended_;
    uint32_t id_;
};

// True when the event's latest record is part of a capture still in progress.
bool EventInActiveCapture(const Event &event);

// ---------------------------------------------------------------- captures and models

struct TaskGroup {
    std::weak_ptr<Model> model;
    std::vector<size_t> taskIndices; // the group's kernel tasks in the model
    Stream *updater = nullptr;       // stream updating it (guarded by CaptureMutex())
};

struct ModelDetails; // model_details.cpp: name, destroy callbacks, introspection handles
struct BuiltModel;   // model_build.cpp: the structure of a model built without capture

class Model : public std::enable_shared_from_this<Model> {
public:
    // Capturing/Ready/Abandoned follow the capture; Updating (aclmdlRITaskSetParams/TaskDisable
    // until aclmdlRIUpdate) and Fault (a failed update) are the device's capture-model states in
    // which it refuses to run (RtCaptureModelStatus).
    // Building: made by aclmdlRIBuildBegin, READY after aclmdlRIBuildEnd.
    enum class State { Capturing, Ready, Abandoned, Updating, Fault, Building };

    Model(std::shared_ptr<Context> context);
    ~Model();

    int32_t id() const { return id_; }
    const std::shared_ptr<Context> &context() const { return context_; }

    std::atomic<State> state{State::Capturing};
    // What a replay reads, on lines of their own: the reference counts next to the object (one
    // line up) and `launched` below are written by the threads that launch replays.
    alignas(kCacheLine) std::vector<Task> tasks; // in capture order: a valid topological order
    std::vector<uint32_t> modelStreamIds;    // internal stream id per captured stream
    std::vector<std::shared_ptr<TaskGroup>> groups;
    // A body of a conditional task (aclmdlRIAddCondTask): owned by its parent's condition handle,
    // captured once (aclmdlRICaptureToModelRIBegin), never launched or destroyed on its own.
    bool isBody = false;
    bool bodyCaptureBegun = false; // guarded by CaptureMutex()
    // Condition handles made on this model while it captured, released with it (conditional.cpp).
    std::vector<std::shared_ptr<Conditional>> conditions; // guarded by CaptureMutex() while capturing
    // Its ACL_EVENT_RECORD_EXTERNAL / ACL_EVENT_WAIT_EXTERNAL tasks, bound anew at every launch
    // (event_values.cpp); guarded by CaptureMutex() while capturing.
    std::vector<std::shared_ptr<ExternalEventTask>> externalEvents;

    // Replays queued so far and replays over (run or dropped); aclmdlRIDestroy waits until they
    // match. Two counters on lines of their own, so launching a replay and finishing one never
    // write the same cache line (a single count would cross between cores twice per replay).
    alignas(kCacheLine) std::atomic<uint64_t> launched{0};
    alignas(kCacheLine) std::atomic<uint64_t> finished{0};
    void finishReplay() {
        finished.fetch_add(1, std::memory_order_seq_cst);
        idleSignal.notify();
    }
    Signal idleSignal;

    aclError replay() const;

    // Made on first use by DetailsOf (model_details.cpp).
    std::once_flag detailsOnce;
    std::shared_ptr<ModelDetails> details;
    // A model built without capture (aclmdlRIBuildBegin, model_build.cpp): its streams, head
    // streams and end graph; replayed by ReplayBuilt. Set at creation, never changed.
    std::shared_ptr<BuiltModel> built;
    // aclmdlRIAbort: replays in flight or queued stop before their next task.
    std::atomic<bool> aborting{false};

private:
    std::shared_ptr<Context> context_;
    int32_t id_;
};

// The model's name, destroy callbacks and introspection handles (made on first use).
ModelDetails &DetailsOf(Model &model);
// aclmdlRIDestroy, after the model left the registry: invalidates its stream and task handles and
// runs its destroy callbacks (Model::TearDown).
void TearDownModelDetails(Model &model);
// Replays a built model: its head streams, and the streams their stream-control tasks activate.
aclError ReplayBuilt(const Model &model);
// Under CaptureMutex(): appends a task issued on a stream bound to a model being built.
aclError RecordIntoBuiltModel(const char *call, Stream &stream, Task &&task);
// aclmdlRIDestroy of a built model: its streams are unbound (Context::ModelDestroy).
void UnbindBuiltStreams(Model &model);
// Under CaptureMutex(): a built model's streams still bound, with their indices.
std::vector<std::pair<aclrtStream, uint32_t>> BoundStreamsOf(const Model &model);
// aclmdlRIExecute of a built model: runs it on the context's default stream and waits.
aclError ExecuteBuiltModel(const char *call, const std::shared_ptr<Model> &model, int32_t timeoutMs);

struct Capture {
    struct Member {
        std::shared_ptr<Stream> stream;
        uint32_t modelStream = 0;
        bool lastIsRecord = false;
        const Event *lastEvent = nullptr;
        uint64_t lastSequence = 0;
    };
    struct Wait {
        const Event *event;
        uint64_t sequence;
        Stream *waiter;
    };

    std::shared_ptr<Model> model;
    std::shared_ptr<Context> context;
    std::shared_ptr<ThreadState> beginThread;
    std::thread::id beginThreadId;
    aclmdlRICaptureMode mode = ACL_MODEL_RI_CAPTURE_MODE_GLOBAL;
    bool active = true;
    // The model is invalid (the device's CaptureModel::TerminateCapture): its streams keep their
    // status, tasks are still accepted, aclmdlRICaptureEnd discards the model with 507903.
    bool invalidated = false;
    std::vector<Member> members; // origin first
    std::vector<Wait> waits;
    int openGroups = 0;             // member streams with a task group open
    aclError groupError = ACL_SUCCESS; // first task-group failure, returned by aclmdlRICaptureTaskGrpEnd

    Member *member(const Stream *stream);
};

// Under CaptureMutex(): appends a task to the capture `stream` belongs to (task groups and
// fork/join bookkeeping included).
aclError RecordIntoCapture(const char *call, Capture &capture, Stream &stream, Task &&task);
// Under CaptureMutex(): marks the capture's model invalidated; the member streams keep their status.
void InvalidateCapture(Capture &capture);
// Under CaptureMutex(): one stream's part failed (Stream::SingleStreamTerminateCapture): that
// stream becomes INVALIDATED and the model with it.
void InvalidateStreamCapture(Capture &capture, Stream &stream);
// Under CaptureMutex(): takes every member stream out of the capture and releases the mode
// restrictions it imposed.
void LeaveCapture(Capture &capture);

// Begins a capture on `stream`: into a new model, or into `body` (a conditional task's body).
aclError BeginCapture(const char *call, aclrtStream stream, aclmdlRICaptureMode mode, const std::shared_ptr<Model> &body);
// Under CaptureMutex(), at aclmdlRICaptureEnd: 107045 (with `reason`) when a body of the model's
// conditional tasks, at any depth, is not captured yet; those still capturing leave their captures.
aclError CheckBodiesCaptured(Model &model, std::string &reason);
// At aclmdlRIExecuteAsync: condition values made with ACL_MODEL_RI_COND_HANDLE_ASSIGN_DEFAULT
// (at any depth) take their default value again.
void ResetConditionDefaults(const Model &model);
// CaptureModel::PreModelExecute, at aclmdlRIExecuteAsync: condition defaults and the bindings of
// the model's external event tasks (event_values.cpp).
void PrepareLaunch(const Model &model);
// Claims `flag` as the event's record (wait) flag: 107000 when another flag was used before.
aclError ClaimOperationFlag(const char *call, std::atomic<uint32_t> &slot, uint32_t flag, bool record);

// Ends every capture of a context whose streams are being destroyed (aclrtResetDevice).
void DiscardCapturesOf(const Context &context);

// Under CaptureMutex(): the unsafe-call rule of §2.4 for the current thread in `context`.
bool UnsafeCallAllowed(const Context &context);
// Checks an unsafe call (aclrtMemcpy, aclrtMemset, ...) against the capture modes in force.
aclError CheckUnsafeCall(const char *call);

} // namespace aclsim

#endif
