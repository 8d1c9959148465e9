// agj_model_update_kernel: a captured kernel task takes the operands of a new launch through
// CANN 9.1's task calls, ordered after the model's replays in flight without a host wait.
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "entry.h"
#include "objects.h"
#include "replay_order.h"
#include "stream_wait.h"
#include "task_update.h"

namespace agj {
namespace {

// The new parameters of a kernel task, taken from the launch captured into a scratch model.
struct KernelParams {
    TaskParams params{};
    std::vector<unsigned char> args; // a copy: params.kernel.args points here once applied
    aclmdlRI scratch = nullptr;      // kept until the change is made (its task gave the params)
};

// A change queued on a stream: what the host function applies when the stream reaches it. The
// model is kept alive by the stream's retention until the stream has passed the function.
struct QueuedChange {
    Model *model = nullptr;
    void *task = nullptr;
    std::pair<int32_t, int32_t> key;
    KernelParams params;
    ObjectRef executor;
};

std::string RecentError() {
    const AclApi &api = Api();
    if (api.aclGetRecentErrMsg != nullptr) {
        if (const char *recent = api.aclGetRecentErrMsg(); recent != nullptr && *recent != '\0') {
            return std::string(": ") + recent;
        }
    }
    return {};
}

// The kernel tasks (aclmdlRITaskGetType KERNEL) of a model stream, in its order.
int32_t KernelTasks(aclrtStream stream, std::vector<void *> &kernels) {
    const AclApi &api = Api();
    uint32_t count = 0;
    AGJ_ACL_CHECK("aclmdlRIGetTasksByStream", api.aclmdlRIGetTasksByStream(stream, nullptr, &count));
    std::vector<void *> tasks(count);
    if (count != 0) {
        AGJ_ACL_CHECK("aclmdlRIGetTasksByStream", api.aclmdlRIGetTasksByStream(stream, tasks.data(), &count));
    }
    for (void *task : tasks) {
        int32_t type = 0;
        AGJ_ACL_CHECK("aclmdlRITaskGetType", api.aclmdlRITaskGetType(task, &type));
        if (type == kTaskTypeKernel) {
            kernels.push_back(task);
        }
    }
    return AGJ_OK;
}

// The model's task: the `kernel`-th kernel task of its stream `modelStream`.
int32_t FindKernelTask(const char *entry, Model &m, int32_t modelStream, int32_t kernel, void *&task) {
    const AclApi &api = Api();
    uint32_t count = 0;
    AGJ_ACL_CHECK("aclmdlRIGetStreams", api.aclmdlRIGetStreams(m.handle(), nullptr, &count));
    if (modelStream < 0 || static_cast<uint32_t>(modelStream) >= count) {
        return InvalidArgument(entry, "the model has " + std::to_string(count) + " stream" + (count == 1 ? "" : "s") +
                                          ", so model stream " + std::to_string(modelStream) + " does not exist");
    }
    std::vector<aclrtStream> streams(count);
    AGJ_ACL_CHECK("aclmdlRIGetStreams", api.aclmdlRIGetStreams(m.handle(), streams.data(), &count));
    std::vector<void *> kernels;
    AGJ_RETURN_IF_FAILED(KernelTasks(streams[modelStream], kernels));
    if (kernel < 0 || static_cast<size_t>(kernel) >= kernels.size()) {
        return InvalidArgument(entry, "model stream " + std::to_string(modelStream) + " has " +
                                          std::to_string(kernels.size()) + " kernel task" +
                                          (kernels.size() == 1 ? "" : "s") + ", so kernel " + std::to_string(kernel) +
                                          " does not exist");
    }
    task = kernels[kernel];
    return AGJ_OK;
}

// Destroys a scratch model on a caller's thread (its device current).
void DestroyScratch(aclmdlRI scratch) noexcept {
    if (scratch != nullptr && Api().aclmdlRIDestroy(scratch) != ACL_SUCCESS) {
        DiscardRecentErrors();
    }
}

// Captures the executor's launch into a scratch model on a stream of its own and reads the new
// kernel's parameters from it: the function the launch runs and its argument block.
int32_t ParamsOfLaunch(const char *entry, Executor &ex, KernelParams &out) {
    const AclApi &api = Api();
    aclrtStream scratchStream = nullptr;
    AGJ_ACL_CHECK("aclrtCreateStream", api.aclrtCreateStream(&scratchStream));
    struct StreamGuard {
        aclrtStream stream;
        ~StreamGuard() {
            if (Api().aclrtDestroyStream(stream) != ACL_SUCCESS) {
                DiscardRecentErrors();
            }
        }
    } streamGuard{scratchStream};
    AGJ_ACL_CHECK("aclmdlRICaptureBegin", api.aclmdlRICaptureBegin(scratchStream, ACL_MODEL_RI_CAPTURE_MODE_RELAXED));
    aclnnStatus launched = ex.launch(scratchStream);
    aclmdlRI scratch = nullptr;
    aclError ended = api.aclmdlRICaptureEnd(scratchStream, &scratch);
    if (launched != 0) {
        DestroyScratch(scratch);
        return AclFail("aclnn operator launch", launched);
    }
    if (ended != ACL_SUCCESS) {
        return AclFail("aclmdlRICaptureEnd", ended);
    }
    out.scratch = scratch;
    uint32_t count = 1;
    aclrtStream modelStream = nullptr;
    AGJ_ACL_CHECK("aclmdlRIGetStreams", api.aclmdlRIGetStreams(scratch, &modelStream, &count));
    std::vector<void *> kernels;
    AGJ_RETURN_IF_FAILED(KernelTasks(modelStream, kernels));
    if (kernels.size() != 1) {
        return Fail(AGJ_ERR_STATE, entry,
                    "the operator's launch runs " + std::to_string(kernels.size()) +
                        " kernels on this backend, and a task takes one: update it through a task group");
    }
    AGJ_ACL_CHECK("aclmdlRITaskGetParams", api.aclmdlRITaskGetParams(kernels[0], &out.params));
    if (out.params.type != kTaskTypeKernel || out.params.kernel.args == nullptr || out.params.kernel.argsSize == 0) {
        return Fail(AGJ_ERR_STATE, entry, "the backend gave no kernel arguments for the new launch");
    }
    const auto *args = static_cast<const unsigned char *>(out.params.kernel.args);
    out.args.assign(args, args + out.params.kernel.argsSize);
    out.params.taskGrp = nullptr; // the new parameters name no task group (the runtime refuses one)
    out.params.opInfoPtr = nullptr;
    out.params.opInfoSize = 0;
    return AGJ_OK;
}

// aclmdlRITaskSetParams then aclmdlRIUpdate; the ACL code, 0 on success. `failedCall` names the
// call that failed.
aclError SetAndUpdate(Model &m, void *task, KernelParams &params, const char *&failedCall) {
    const AclApi &api = Api();
    params.params.kernel.args = params.args.data();
    failedCall = "aclmdlRITaskSetParams";
    if (aclError status = api.aclmdlRITaskSetParams(task, &params.params); status != ACL_SUCCESS) {
        return status;
    }
    failedCall = "aclmdlRIUpdate";
    return api.aclmdlRIUpdate(m.handle());
}

// The model keeps the new executor for the task; the one it replaces is dropped by a caller's
// thread (with the scratch model). Under updates.mutex.
void KeepForTask(KernelUpdates &updates, const std::pair<int32_t, int32_t> &key, ObjectRef executor) {
    ObjectRef &slot = updates.current[key];
    if (slot) {
        updates.retired.push_back(std::move(slot));
    }
    slot = std::move(executor);
}

// Runs on the runtime's thread when the stream reaches the queued change.
void ApplyQueuedChange(void *raw) {
    std::unique_ptr<QueuedChange> change(static_cast<QueuedChange *>(raw));
    Model &m = *change->model;
    KernelUpdates &updates = m.kernelUpdates();
    const char *failedCall = "";
    aclError status = m.device()->makeCurrent();
    if (status == ACL_SUCCESS) {
        status = SetAndUpdate(m, change->task, change->params, failedCall);
    } else {
        failedCall = "aclrtSetCurrentContext";
    }
    std::string reason = status == ACL_SUCCESS ? std::string() : RecentError();
    {
        std::lock_guard lock(updates.mutex);
        if (status == ACL_SUCCESS) {
            KeepForTask(updates, change->key, std::move(change->executor));
        } else {
            updates.retired.push_back(std::move(change->executor));
            if (updates.failureCode == 0) {
                updates.failureCode = static_cast<int32_t>(status);
                updates.failure = "an in-place update of the model's kernel " + std::to_string(change->key.second) +
                                  " on model stream " + std::to_string(change->key.first) +
                                  ", queued on a stream, failed when the stream reached it: " + failedCall +
                                  " failed with ACL error " + std::to_string(status) + reason;
            }
        }
        updates.scratch.push_back(change->params.scratch);
        updates.leftovers.store(true, std::memory_order_release);
        updates.pending.fetch_sub(1, std::memory_order_acq_rel);
    }
    updates.applied.notify_all();
}

// Drops what applied updates left (caller's thread, device current); their failure, if any.
int32_t DropLeftovers(const char *entry, KernelUpdates &updates, std::unique_lock<std::mutex> &lock) {
    std::vector<ObjectRef> retired;
    std::vector<aclmdlRI> scratch;
    retired.swap(updates.retired);
    scratch.swap(updates.scratch);
    int32_t code = updates.failureCode;
    std::string failure = std::move(updates.failure);
    updates.failureCode = 0;
    updates.failure.clear();
    updates.leftovers.store(false, std::memory_order_release);
    lock.unlock();
    for (aclmdlRI model : scratch) {
        DestroyScratch(model);
    }
    retired.clear();
    return code == 0 ? AGJ_OK : Fail(code, entry, failure);
}

} // namespace

KernelUpdates::~KernelUpdates() {
    for (aclmdlRI model : scratch) {
        DestroyScratch(model);
    }
}

int32_t AwaitKernelUpdates(const char *entry, Model &m) {
    KernelUpdates &updates = m.kernelUpdates();
    std::unique_lock lock(updates.mutex);
    updates.applied.wait(lock, [&updates] { return updates.pending.load(std::memory_order_acquire) == 0; });
    return DropLeftovers(entry, updates, lock);
}

} // namespace agj

using namespace agj;

extern "C" {

int32_t agj_model_update_kernel(int64_t model, int32_t modelStream, int32_t kernel, int64_t executor, int64_t stream) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_FIND(Model, m, model, AGJ_KIND_MODEL, "model");
        AGJ_FIND(Executor, ex, executor, AGJ_KIND_EXECUTOR, "executor");
        AGJ_FIND(Stream, s, stream, AGJ_KIND_STREAM, "stream");
        const AclApi &api = Api();
        AGJ_RETURN_IF_FAILED(RequireOptional(entry, api.aclmdlRIGetStreams, "aclmdlRIGetStreams (CANN 9.1 or later)"));
        AGJ_RETURN_IF_FAILED(
            RequireOptional(entry, api.aclmdlRIGetTasksByStream, "aclmdlRIGetTasksByStream (CANN 9.1)"));
        AGJ_RETURN_IF_FAILED(RequireOptional(entry, api.aclmdlRITaskGetType, "aclmdlRITaskGetType (CANN 9.1)"));
        AGJ_RETURN_IF_FAILED(RequireOptional(entry, api.aclmdlRITaskGetParams, "aclmdlRITaskGetParams (CANN 9.1)"));
        AGJ_RETURN_IF_FAILED(RequireOptional(entry, api.aclmdlRITaskSetParams, "aclmdlRITaskSetParams (CANN 9.1)"));
        AGJ_RETURN_IF_FAILED(RequireOptional(entry, api.aclmdlRIUpdate, "aclmdlRIUpdate (CANN 9.1)"));
        AGJ_RETURN_IF_FAILED(RequireOptional(entry, api.aclrtLaunchHostFunc, "aclrtLaunchHostFunc"));
        if (s->device()->id() != m->device()->id() || ex->device()->id() != m->device()->id()) {
            return InvalidArgument(entry, "the model, the executor and the stream must be of one device (model on " +
                                              std::to_string(m->device()->id()) + ", executor on " +
                                              std::to_string(ex->device()->id()) + ", stream on " +
                                              std::to_string(s->device()->id()) + ")");
        }
        AGJ_ACL_CHECK("aclrtSetCurrentContext", s->device()->makeCurrent());
        aclmdlRICaptureStatus capturing = ACL_MODEL_RI_CAPTURE_STATUS_NONE;
        AGJ_ACL_CHECK("aclmdlRICaptureGetInfo", api.aclmdlRICaptureGetInfo(s->handle(), &capturing, nullptr));
        if (capturing != ACL_MODEL_RI_CAPTURE_STATUS_NONE) {
            return Fail(AGJ_ERR_STATE, entry,
                        "the stream is capturing: issue the update on a stream that is not, after the capture");
        }
        void *task = nullptr;
        AGJ_RETURN_IF_FAILED(FindKernelTask(entry, *m, modelStream, kernel, task));
        if (!ex->claimLaunch()) {
            return Fail(AGJ_ERR_STATE, entry,
                        "this single-use executor was already launched; prepare a new one for each update");
        }
        KernelParams params;
        if (int32_t status = ParamsOfLaunch(entry, *ex, params); status != AGJ_OK) {
            DestroyScratch(params.scratch);
            return status;
        }
        const std::pair<int32_t, int32_t> key{modelStream, kernel};
        KernelUpdates &updates = m->kernelUpdates();
        Model::ReplayOrder &order = m->replayOrder();
        std::lock_guard orderLock(order.mutex); // no replay of the model starts meanwhile
        if (updates.pending.load(std::memory_order_acquire) == 0 && !ReplayMayBeInFlight(*m)) {
            // Nothing of the model runs: change it now, so that a refusal is this call's.
            std::unique_lock lock(updates.mutex);
            if (int32_t status = DropLeftovers(entry, updates, lock); status != AGJ_OK) {
                DestroyScratch(params.scratch);
                return status;
            }
            const char *failedCall = "";
            aclError status = SetAndUpdate(*m, task, params, failedCall);
            DestroyScratch(params.scratch);
            if (status != ACL_SUCCESS) {
                return AclFail(failedCall, status);
            }
            ObjectRef old;
            {
                std::lock_guard keep(updates.mutex);
                ObjectRef &slot = updates.current[key];
                old = std::move(slot);
                slot = ex.shared();
            }
            return AGJ_OK; // `old` goes here, on the caller's thread
        }
        // A replay may be in flight: queue the change on the stream, after the model's latest replay.
        if (int32_t status = WaitForPreviousReplay(entry, m.shared(), *s); status != AGJ_OK) {
            DestroyScratch(params.scratch);
            return status;
        }
        auto change = std::make_unique<QueuedChange>();
        change->model = m.get();
        change->task = task;
        change->key = key;
        change->params = std::move(params);
        change->executor = ex.shared();
        updates.pending.fetch_add(1, std::memory_order_acq_rel);
        aclError queued = api.aclrtLaunchHostFunc(s->handle(), ApplyQueuedChange, change.get());
        if (queued != ACL_SUCCESS) {
            updates.pending.fetch_sub(1, std::memory_order_acq_rel);
            DestroyScratch(change->params.scratch);
            return AclFail("aclrtLaunchHostFunc", queued);
        }
        change.release(); // the host function owns it now
        RetainForTask(*s, {m.shared()});
        return AGJ_OK;
    });
}

} // extern "C"
