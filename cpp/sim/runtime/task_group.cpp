// Task groups: kernels captured as a group (aclmdlRICaptureTaskGrpBegin/End) whose arguments a
// later update replaces in stream order (aclmdlRICaptureTaskUpdateBegin/End).
#include "runtime.h"

namespace aclsim {
namespace {

// Applies a finished task update in stream order: swaps the group's kernels in the model, so
// replays that start afterwards use the new arguments.
class TaskUpdateApplier final : public DeviceKernel {
public:
    TaskUpdateApplier(std::weak_ptr<Model> model, std::vector<size_t> indices,
                      std::vector<std::shared_ptr<const DeviceKernel>> kernels)
        : model_(std::move(model)), indices_(std::move(indices)), kernels_(std::move(kernels)) {}

    const char *name() const noexcept override { return "TASK_UPDATE"; }

    aclError run() const noexcept override {
        auto model = model_.lock();
        if (!model) {
            return ACL_SUCCESS; // the model was destroyed meanwhile: nothing to update
        }
        for (size_t i = 0; i < indices_.size(); ++i) {
            std::atomic_store(&model->tasks[indices_[i]].kernel, kernels_[i]);
        }
        return ACL_SUCCESS;
    }

private:
    std::weak_ptr<Model> model_;
    std::vector<size_t> indices_;
    std::vector<std::shared_ptr<const DeviceKernel>> kernels_;
};

// A stream taking part in a capture, found with the capture lock held (the task-group calls).
struct CapturingStream {
    std::shared_ptr<Stream> stream;
    std::unique_lock<std::mutex> lock;
    std::shared_ptr<Capture> capture;
};

aclError FindCapturingStream(const char *call, aclrtStream handle, CapturingStream &out) {
    ACLSIM_RETURN_IF_FAILED(FindCaptureStream(call, handle, out.stream));
    out.lock = std::unique_lock(CaptureMutex());
    return RequireCapture(call, *out.stream, out.capture);
}

} // namespace
} // namespace aclsim

using namespace aclsim;

extern "C" {

ACL_FUNC_VISIBILITY aclError aclmdlRICaptureTaskGrpBegin(aclrtStream stream) {
    const char *call = "aclmdlRICaptureTaskGrpBegin";
    CapturingStream found;
    ACLSIM_RETURN_IF_FAILED(FindCapturingStream(call, stream, found));
    auto &[target, lock, capture] = found;
    // Context::StreamBeginTaskGrp: one group at a time per stream (other streams of the capture
    // may open their own).
    if (target->openGroup || target->updating) {
        return Fail(ACL_ERROR_STREAM_TASK_GROUP_STATUS, call,
                    "a task group is already open on this stream (or it is updating one): call "
                    "aclmdlRICaptureTaskGrpEnd first");
    }
    // The device first issues the hardware's task-prefetch count of NOP tasks, so that a group's
    // kernels are never prefetched before an update reaches them (taskPrefetchCount, 8 on the
    // 910B/910_93 series). They are ordinary tasks of the stream and can be interrupted.
    constexpr int kTaskPrefetchCount = 8;
    for (int i = 0; i < kTaskPrefetchCount; ++i) {
        Task nop;
        nop.kind = TaskKind::Nop;
        ACLSIM_RETURN_IF_FAILED(RecordIntoCapture(call, *capture, *target, std::move(nop)));
    }
    auto group = std::make_shared<TaskGroup>();
    group->model = capture->model;
    target->openGroup = group;
    ++capture->openGroups;
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclmdlRICaptureTaskGrpEnd(aclrtStream stream, aclrtTaskGrp *handle) {
    const char *call = "aclmdlRICaptureTaskGrpEnd";
    if (handle == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, "handle is NULL");
    }
    *handle = nullptr;
    CapturingStream found;
    ACLSIM_RETURN_IF_FAILED(FindCapturingStream(call, stream, found));
    auto &[target, lock, capture] = found;
    if (!target->openGroup) {
        return Fail(ACL_ERROR_STREAM_TASK_GROUP_STATUS, call,
                    "no task group is open on this stream (aclmdlRICaptureTaskGrpBegin first)");
    }
    auto group = std::move(target->openGroup);
    --capture->openGroups;
    // Context::StreamEndTaskGrp: a group that failed returns the code of its failure; one whose
    // capture was invalidated otherwise returns 507903. No handle either way.
    if (capture->groupError != ACL_SUCCESS) {
        return Fail(capture->groupError, call,
                    "the task group failed earlier (see the error of the call that broke it); the capture is "
                    "invalidated");
    }
    if (capture->invalidated || target->captureStatus == ACL_MODEL_RI_CAPTURE_STATUS_INVALIDATED) {
        return Fail(ACL_ERROR_RT_STREAM_CAPTURE_INVALIDATED, call,
                    "the capture was invalidated while the group was open");
    }
    capture->model->groups.push_back(group);
    TaskGroups().add(group);
    *handle = group.get();
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclmdlRICaptureTaskUpdateBegin(aclrtStream stream, aclrtTaskGrp handle) {
    const char *call = "aclmdlRICaptureTaskUpdateBegin";
    std::shared_ptr<Stream> target;
    ACLSIM_RETURN_IF_FAILED(RequireThenFind(call, handle, "handle", FindCaptureStream, stream, target));
    auto group = TaskGroups().find(handle);
    auto model = group ? group->model.lock() : nullptr;
    if (!model) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call, "not a task group of a live model");
    }
    std::lock_guard lock(CaptureMutex());
    // ApiErrorDecorator::StreamBeginTaskUpdate / Context::StreamBeginTaskUpdate: the stream must not
    // capture nor have a group open; the group's model may still be capturing.
    if (target->capture) {
        return Fail(ACL_ERROR_RT_STREAM_CAPTURED, call, "the stream is capturing: update from a stream that is not");
    }
    if (target->updating) {
        return Fail(ACL_ERROR_STREAM_TASK_GROUP_STATUS, call, "the stream is already updating a task group");
    }
    if (group->updater != nullptr) {
        return Fail(ACL_ERROR_STREAM_TASK_GROUP_STATUS, call, "another stream is updating this task group");
    }
    group->updater = target.get();
    target->updating = group;
    target->updateKernels.clear();
    target->captureFlag.store(true, std::memory_order_release);
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclmdlRICaptureTaskUpdateEnd(aclrtStream stream) {
    const char *call = "aclmdlRICaptureTaskUpdateEnd";
    std::shared_ptr<Stream> target;
    ACLSIM_RETURN_IF_FAILED(FindCaptureStream(call, stream, target));
    std::shared_ptr<TaskGroup> group;
    std::vector<std::shared_ptr<const DeviceKernel>> kernels;
    {
        std::lock_guard lock(CaptureMutex());
        if (!target->updating) {
            return Fail(ACL_ERROR_STREAM_TASK_GROUP_STATUS, call, "the stream is not updating a task group");
        }
        group = std::move(target->updating);
        kernels.swap(target->updateKernels);
        group->updater = nullptr;
        target->captureFlag.store(target->capture != nullptr, std::memory_order_release);
    }
    if (kernels.size() != group->taskIndices.size()) {
        return Fail(ACL_ERROR_RT_INTERNAL_ERROR, call,
                    "task group update error: the group holds " + std::to_string(group->taskIndices.size()) +
                        " kernels but " + std::to_string(kernels.size()) + " were issued; nothing was updated");
    }
    if (auto model = group->model.lock()) {
        // While the group's model still captures (or once it was discarded) nothing replays it and
        // its task list may still grow: the new kernels go in now, under the capture lock. A model
        // is made ready under that lock, so the check cannot go stale.
        std::lock_guard lock(CaptureMutex());
        if (model->state.load(std::memory_order_acquire) != Model::State::Ready) {
            for (size_t i = 0; i < kernels.size(); ++i) {
                std::atomic_store(&model->tasks[group->taskIndices[i]].kernel, kernels[i]);
            }
            return ACL_SUCCESS;
        }
    }
    // The update takes effect in stream order, like the device's.
    Task task;
    task.kind = TaskKind::Kernel;
    task.kernel = std::make_shared<TaskUpdateApplier>(group->model, group->taskIndices, std::move(kernels));
    target->enqueue(std::move(task));
    return ACL_SUCCESS;
}

} // extern "C"
