// One unit of stream work (a copy, memset, kernel, event operation, host function or model
// replay), and the memory ranges a copy or memset was checked against.
#ifndef ACLSIM_RUNTIME_TASK_H
#define ACLSIM_RUNTIME_TASK_H

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>

#include "sim_internal.h"

namespace aclsim {

class Event;
class Model;
struct Task;

enum class RangeKind {
    Device,   // wholly inside one live aclrtMalloc allocation
    Pinned,   // wholly inside one live aclrtMallocHost allocation
    Pageable, // touches no registered allocation: ordinary host memory
    Overrun,  // starts or ends inside a registered allocation but does not fit in it
};
RangeKind ClassifyRange(const void *ptr, size_t bytes);
// Frees every allocation (aclFinalize).
void ReleaseAllMemory();
// Runs a copy or memset task, re-validating its ranges if memory was freed since.
aclError RunMemoryTask(const Task &task);

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
    size_t count = 0; // bytes; a 2D copy's width
    int32_t value = 0;
    // What the destination and source ranges ([dst, dst + count), [src, src + count)) were when
    // checked, re-checked when memory was freed since.
    RangeKind dstKind = RangeKind::Pageable;
    RangeKind srcKind = RangeKind::Pageable;
    uint64_t generation = 0;
    aclrtHostFunc hostFunc = nullptr;
    void *hostArgs = nullptr;
    // What a runtime-made host function (aclrtLaunchCallback's report) needs, alive as long as the
    // task: hostArgs points into it. Null for aclrtLaunchHostFunc, whose args the caller owns.
    std::shared_ptr<void> hostState;
    // A 2D copy (aclrtMemcpy2dAsync): `height` rows of `count` bytes, `dpitch`/`spitch` apart.
    size_t height = 1;
    size_t dpitch = 0;
    size_t spitch = 0;
    // Memory epoch at which the ranges were last found valid (atomic: a model's task may be
    // replayed on several streams at once).
    mutable std::atomic<uint64_t> validatedEpoch{0};

    Task() = default;
    Task(Task &&other) noexcept
        : kind(other.kind), external(other.external), updatable(other.updatable), disabled(other.disabled),
          modelStream(other.modelStream), model(other.model), kernel(std::move(other.kernel)),
          event(std::move(other.event)), dst(other.dst), src(other.src), count(other.count), value(other.value),
          dstKind(other.dstKind), srcKind(other.srcKind), generation(other.generation), hostFunc(other.hostFunc),
          hostArgs(other.hostArgs), hostState(std::move(other.hostState)), height(other.height), dpitch(other.dpitch),
          spitch(other.spitch), validatedEpoch(other.validatedEpoch.load(std::memory_order_relaxed)) {}
    Task &operator=(Task &&) = delete; // tasks are built in place and never reassigned
    Task(const Task &) = delete;
    Task &operator=(const Task &) = delete;

    const char *typeName() const;
    // Bytes from the first to the last one a copy or memset touches at dst (or src).
    size_t dstExtent() const noexcept { return height <= 1 ? count : dpitch * (height - 1) + count; }
    size_t srcExtent() const noexcept { return height <= 1 ? count : spitch * (height - 1) + count; }
};

// Runs a task on the calling thread; `inModel` means it is part of a model replay.
aclError RunTask(const Task &task, bool inModel);

} // namespace aclsim

#endif
