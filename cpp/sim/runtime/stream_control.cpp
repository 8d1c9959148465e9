// Stream control between the streams of a built model: aclrtActiveStream and aclrtSwitchStream
// record tasks that run another of the model's streams, and the replay of a built model that
// follows them from its head streams.
#include <cstring>

#include "built_model.h"

namespace aclsim {
namespace {

// An execution of a built model on the calling thread: a stream-control task found in a stream
// runs the stream it activates in place (the device runs it concurrently).
struct BuiltReplay {
    const Model &model;
    const BuiltModel &built;
    unsigned activations = 0;

    aclError runStream(uint32_t index) {
        // A stream activating itself (directly or in a cycle) would run forever on the device too.
        constexpr unsigned kMaxActivations = 1u << 16;
        if (++activations > kMaxActivations) {
            return Fail(ACL_ERROR_RT_MODEL_EXECUTE, "aclmdlRIExecute",
                        "the model's streams activated each other more than 65536 times in one execution");
        }
        for (size_t task : built.streams[index].tasks) {
            if (model.aborting.load(std::memory_order_relaxed)) {
                return ACL_ERROR_RT_MODEL_ABORT_NORMAL; // aclmdlRIAbort
            }
            ACLSIM_RETURN_IF_FAILED(RunTask(model.tasks[task], true));
        }
        return ACL_SUCCESS;
    }
};

thread_local BuiltReplay *tReplay = nullptr;

// The runtime's own kernels of a built model: no kernel function (aclmdlRITaskGetType reports them
// as ACL_MODEL_RI_TASK_DEFAULT, like the device's stream-active, stream-switch and end-graph tasks).
class ActivateStreamKernel final : public DeviceKernel {
public:
    explicit ActivateStreamKernel(uint32_t target) : target_(target) {}
    const char *name() const noexcept override { return "STREAM_ACTIVE"; }
    aclError run() const noexcept override { return tReplay ? tReplay->runStream(target_) : ACL_SUCCESS; }

private:
    uint32_t target_;
};

class SwitchStreamKernel final : public DeviceKernel {
public:
    SwitchStreamKernel(const void *left, aclrtCondition condition, const void *right, aclrtCompareDataType type,
                       uint32_t target)
        : left_(left), right_(right), condition_(condition), type_(type), target_(target) {}
    const char *name() const noexcept override { return "STREAM_SWITCH"; }
    aclError run() const noexcept override {
        const size_t size = type_ == ACL_RT_SWITCH_INT64 ? sizeof(int64_t) : sizeof(int32_t);
        if (!IsDeviceRange(left_, size) || !IsDeviceRange(right_, size)) {
            return Fail(ACL_ERROR_RT_PARAM_INVALID, "aclrtSwitchStream",
                        "the compared values are no longer in device memory (freed since the model was built?)");
        }
        int64_t left = 0;
        int64_t right = 0;
        if (type_ == ACL_RT_SWITCH_INT64) {
            std::memcpy(&left, left_, sizeof left);
            std::memcpy(&right, right_, sizeof right);
        } else {
            int32_t narrow = 0;
            std::memcpy(&narrow, left_, sizeof narrow);
            left = narrow;
            std::memcpy(&narrow, right_, sizeof narrow);
            right = narrow;
        }
        bool taken = false;
        switch (condition_) {
        case ACL_RT_EQUAL: taken = left == right; break;
        case ACL_RT_NOT_EQUAL: taken = left != right; break;
        case ACL_RT_GREATER: taken = left > right; break;
        case ACL_RT_GREATER_OR_EQUAL: taken = left >= right; break;
        case ACL_RT_LESS: taken = left < right; break;
        case ACL_RT_LESS_OR_EQUAL: taken = left <= right; break;
        }
        return taken && tReplay ? tReplay->runStream(target_) : ACL_SUCCESS;
    }

private:
    const void *left_;
    const void *right_;
    aclrtCondition condition_;
    aclrtCompareDataType type_;
    uint32_t target_;
};

// Under CaptureMutex(): the model a stream is bound to (ApiImpl::StreamActive's IsModelStream).
aclError RequireBound(const char *call, const Stream &stream, const char *which) {
    if (!stream.boundModel) {
        return Fail(ACL_ERROR_RT_STREAM_MODEL, call,
                    std::string(which) + " is not bound to a model: bind it with aclmdlRIBindStream first");
    }
    return ACL_SUCCESS;
}

} // namespace

aclError ReplayBuilt(const Model &model) {
    BuiltReplay replay{model, *model.built};
    BuiltReplay *outer = tReplay; // a built model may be launched from inside another one's replay
    tReplay = &replay;
    aclError status = ACL_SUCCESS;
    for (uint32_t i = 0; i < model.built->streams.size() && status == ACL_SUCCESS; ++i) {
        if (model.built->streams[i].head) {
            status = replay.runStream(i);
        }
    }
    tReplay = outer;
    return status;
}

// The issuing `stream` and the stream it activates (`activated`, named `activatedName`) must both be
// bound (checked in the order `activatedFirst` says), to the same model; `index` receives the
// activated stream's place in that model.
static aclError BoundTogether(const char *call, const Stream &stream, const Stream &activated,
                              const char *activatedName, bool activatedFirst, uint32_t &index) {
    std::lock_guard lock(CaptureMutex());
    ACLSIM_RETURN_IF_FAILED(
        RequireBound(call, activatedFirst ? activated : stream, activatedFirst ? activatedName : "stream"));
    ACLSIM_RETURN_IF_FAILED(
        RequireBound(call, activatedFirst ? stream : activated, activatedFirst ? "stream" : activatedName));
    if (activated.boundModel != stream.boundModel) {
        return Fail(ACL_ERROR_RT_STREAM_MODEL, call,
                    std::string(activatedName) +
                        " is bound to another model than stream: a stream activates streams of its model");
    }
    index = activated.boundIndex;
    return ACL_SUCCESS;
}

} // namespace aclsim

using namespace aclsim;

extern "C" {

ACL_FUNC_VISIBILITY aclError aclrtActiveStream(aclrtStream activeStream, aclrtStream stream) {
    const char *call = "aclrtActiveStream";
    if (activeStream == nullptr || stream == nullptr) { // aclrtActiveStreamImpl
        return Fail(ACL_ERROR_INVALID_PARAM, call, std::string(activeStream ? "stream" : "activeStream") + " is NULL");
    }
    std::shared_ptr<Stream> active;
    std::shared_ptr<Stream> target;
    ACLSIM_RETURN_IF_FAILED(FindLive(call, Streams(), activeStream, "stream (activeStream)", active));
    ACLSIM_RETURN_IF_FAILED(FindLive(call, Streams(), stream, "stream", target));
    std::shared_ptr<Context> current;
    ACLSIM_RETURN_IF_FAILED(RequireContext(call, current));
    // ApiImpl::StreamActive: both streams bound, the issuing one of the current context.
    uint32_t activeIndex = 0;
    ACLSIM_RETURN_IF_FAILED(BoundTogether(call, *target, *active, "activeStream", false, activeIndex));
    ACLSIM_RETURN_IF_FAILED(
        CheckContext(call, "stream", *target->context(), current.get(), ACL_ERROR_RT_STREAM_CONTEXT));
    Task task;
    task.kind = TaskKind::Kernel;
    task.kernel = std::make_shared<ActivateStreamKernel>(activeIndex);
    return SubmitTask(call, target, std::move(task));
}

ACL_FUNC_VISIBILITY aclError aclrtSwitchStream(void *leftValue, aclrtCondition cond, void *rightValue,
                                               aclrtCompareDataType dataType, aclrtStream trueStream,
                                               aclrtStream falseStream, aclrtStream stream) {
    const char *call = "aclrtSwitchStream";
    // aclrtSwitchStreamImpl.
    if (leftValue == nullptr || rightValue == nullptr || trueStream == nullptr || stream == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, "leftValue, rightValue, trueStream and stream must not be NULL");
    }
    if (falseStream != nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, "falseStream is a reserved parameter and must be NULL");
    }
    std::shared_ptr<Stream> onTrue;
    std::shared_ptr<Stream> target;
    ACLSIM_RETURN_IF_FAILED(FindLive(call, Streams(), trueStream, "stream (trueStream)", onTrue));
    ACLSIM_RETURN_IF_FAILED(FindLive(call, Streams(), stream, "stream", target));
    // ApiErrorDecorator::StreamSwitchEx: the condition and the data type.
    int condition = 0;
    int type = 0;
    std::memcpy(&condition, &cond, sizeof condition);
    std::memcpy(&type, &dataType, sizeof type);
    if (condition < ACL_RT_EQUAL || condition > ACL_RT_LESS_OR_EQUAL) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call,
                    "cond " + std::to_string(condition) + " is not an aclrtCondition");
    }
    if (type < ACL_RT_SWITCH_INT32 || type > ACL_RT_SWITCH_INT64) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call,
                    "dataType " + std::to_string(type) + " is not ACL_RT_SWITCH_INT32 or ACL_RT_SWITCH_INT64");
    }
    // The kernel compares device memory: the simulator checks it is (the device faults at run time).
    const size_t size = type == ACL_RT_SWITCH_INT64 ? sizeof(int64_t) : sizeof(int32_t);
    if (!IsDeviceRange(leftValue, size) || !IsDeviceRange(rightValue, size)) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call,
                    "leftValue and rightValue must each point to " + std::to_string(size) +
                        " bytes of device memory (aclrtMalloc)");
    }
    // ApiImpl::StreamSwitchEx: both streams bound, then the context.
    uint32_t trueIndex = 0;
    ACLSIM_RETURN_IF_FAILED(BoundTogether(call, *target, *onTrue, "trueStream", true, trueIndex));
    ACLSIM_RETURN_IF_FAILED(RequireStreamContext(call, *target));
    Task task;
    task.kind = TaskKind::Kernel;
    task.kernel = std::make_shared<SwitchStreamKernel>(leftValue, static_cast<aclrtCondition>(condition), rightValue,
                                                       static_cast<aclrtCompareDataType>(type), trueIndex);
    return SubmitTask(call, target, std::move(task));
}

} // extern "C"
