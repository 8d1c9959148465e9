// A model's details beside its task list (model_details.cpp): its name, destroy callbacks, the
// stream and task handles the introspection calls hand out (model_introspection.cpp) and what an
// in-place update stored (model_update.cpp). Each check follows the device's runtime
// (hicann/runtime src/acl/aclrt_impl, src/runtime/api): the function named next to it is the one
// whose rule it simulates.
#ifndef ACLSIM_RUNTIME_MODEL_DETAILS_H
#define ACLSIM_RUNTIME_MODEL_DETAILS_H

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "runtime.h"

namespace aclsim {

// A model's stream as aclmdlRIGetStreams hands it out: a captured model's streams are its own
// (the device's model streams), distinct from the streams that captured it.
struct ModelStreamRef {
    std::weak_ptr<Model> model;
    uint32_t index = 0; // into Model::modelStreamIds
};

// A model's task as aclmdlRIGetTasksByStream hands it out.
struct ModelTaskRef {
    std::weak_ptr<Model> model;
    size_t index = 0; // into Model::tasks: its position in capture order, the device's sequence id
};

// What aclmdlRITaskSetParams stored beside a kernel task (the device keeps them in the task and the
// capture model): the launch configuration and the operator information.
struct KernelTaskSettings {
    uint32_t numBlocks = 1;
    uint8_t schemMode = 0;
    uint32_t dynUBufSize = 0;
    bool dataDump = false;
    uint64_t timeoutUs = 0; // 0: never times out (the simulator's kernels have no timeout)
    std::string opInfo;
};

struct ModelDetails {
    std::mutex mutex; // guards everything below; taken after CaptureMutex() when both are needed
    std::string name;
    // The device keeps them in a set ordered by the function's address, one entry per function.
    std::map<uintptr_t, std::pair<aclrtCallback, void *>> destroyCallbacks;
    std::vector<std::shared_ptr<ModelStreamRef>> streamRefs; // per model stream, made on first use
    std::vector<std::shared_ptr<ModelTaskRef>> taskRefs;     // per task, made on first use
    std::map<size_t, KernelTaskSettings> kernelSettings;     // per task index, once set
};

// A model's details, locked for a read or change of them with the capture lock taken first (the
// order every caller takes them in: a capture may still be adding tasks).
struct DetailsLock {
    explicit DetailsLock(Model &model) : capture(CaptureMutex()), details(DetailsOf(model)), lock(details.mutex) {}
    std::lock_guard<std::mutex> capture;
    ModelDetails &details;
    std::lock_guard<std::mutex> lock;
};

Registry<ModelStreamRef> &ModelStreamRefs();
Registry<ModelTaskRef> &ModelTaskRefs();

// A task handle of aclmdlRIGetTasksByStream, found: its model and its index in the model's tasks.
struct FoundTask {
    std::shared_ptr<Model> model;
    size_t index = 0;
};
// Finds a task: NULL gives `nullCode`, a task of a destroyed model 107017.
aclError FindTask(const char *call, aclmdlRITask handle, aclError nullCode, FoundTask &out);
// The same for the calls with an argument to read or fill (`output`, named `outputName`; none when
// `outputName` is NULL): checked after the task handle, NULL gives `nullCode` too
// (ApiErrorDecorator::TaskGetType and friends).
aclError FindTask(const char *call, aclmdlRITask handle, const void *output, const char *outputName, aclError nullCode,
                  FoundTask &out);
// The device refuses these calls for a conditional task's body (a "sub ACL Graph":
// ApiErrorDecorator::ModelGetStreams, ModelUpdate, ModelDestroyRegisterCallback/UnregisterCallback).
aclError RefuseBody(const char *call, const Model &model);
// Built models are not ACL Graphs: the calls that need one refuse them with 207000
// (ApiImpl::TaskGetSeqId, GetKernelTaskParams, CheckCaptureModelForUpdate, ApiErrorDecorator::ModelUpdate).
aclError RefuseBuilt(const char *call, const Model &model);
// ConvertTaskType: what the device calls a task of each simulated kind. Copies, memsets, host
// functions, model launches, conditional tasks and the task group's prefetch NOPs are
// RT_TASK_DEFAULT there too; value writes and waits are RT_TASK_VALUE_WRITE/VALUE_WAIT.
aclmdlRITaskType TaskTypeOf(const Task &task);

} // namespace aclsim

#endif
