// Models: captured or built task lists, their replay and launch bookkeeping, task groups, and the
// lookups of the aclmdlRI calls.
#ifndef ACLSIM_RUNTIME_MODEL_H
#define ACLSIM_RUNTIME_MODEL_H

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "task.h"
#include "waiting.h"

namespace aclsim {

struct Conditional;
class Context;
struct ExternalEventTask;
class Stream;

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
    std::vector<uint32_t> modelStreamIds;        // internal stream id per captured stream
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

// Finds a live model; NULL gives `nullCode` (100000 where the ACL layer checks the argument,
// 107000 where only the runtime's decorator does), a stale handle 107017.
aclError FindModel(const char *call, aclmdlRI handle, aclError nullCode, std::shared_ptr<Model> &out);
// ApiImpl: the model must belong to the current context (107004); `current` receives that context.
aclError RequireModelContext(const char *call, const Model &model, std::shared_ptr<Context> *current = nullptr);
// FindModel, then RequireModelContext: a live model of the current context.
aclError FindCurrentModel(const char *call, aclmdlRI handle, aclError nullCode, std::shared_ptr<Model> &out);

} // namespace aclsim

#endif
