// Conditional sub-graphs (CANN 9.1): condition handles, IF / WHILE / SWITCH tasks whose bodies
// are models of their own, and capturing a body with aclmdlRICaptureToModelRIBegin.
//
// A condition handle owns eight bytes of device memory holding the condition value and the
// bodies of the one conditional task it may be given; the parent model owns its handles, so
// bodies and values live exactly as long as the parent (CondHandle's destructor on the device).
// The conditional task is a kernel of the parent model: when a replay reaches it, it reads the
// value from device memory and replays the chosen body in place, on the replaying worker.
#include <mutex>
#include <unordered_map>

#include "runtime.h"

namespace aclsim {

struct Conditional {
    Conditional(std::weak_ptr<Model> parentModel, uint32_t defaultLaunchValue, bool assign)
        : parent(std::move(parentModel)), defaultValue(defaultLaunchValue), assignDefault(assign) {}
    ~Conditional();
    Conditional(const Conditional &) = delete;
    Conditional &operator=(const Conditional &) = delete;

    std::weak_ptr<Model> parent;
    uint64_t *cell = nullptr; // the condition value, in device memory of the parent's device
    uint32_t defaultValue;
    bool assignDefault; // ACL_MODEL_RI_COND_HANDLE_ASSIGN_DEFAULT: reset at every launch
    // Set once by aclmdlRIAddCondTask (guarded by CaptureMutex()).
    bool used = false;
    aclmdlRICondTaskType type = ACL_MODEL_RI_COND_TYPE_IF;
    std::vector<std::shared_ptr<Model>> bodies;
};

namespace {

// Live condition handles. Weak: a handle lives as long as the model it was made on, and its
// destructor takes it out of here, so a handle of a destroyed model is found stale (107017).
struct CondRegistry {
    std::mutex mutex;
    std::unordered_map<const void *, std::weak_ptr<Conditional>> live;
};

CondRegistry &CondHandles() {
    static CondRegistry registry;
    return registry;
}

// ApiErrorDecorator checks NULL handles with RT_ERROR_INVALID_VALUE (107000), unlike the ACL
// layer's NULL checks (100000).
aclError FindCondition(const char *call, aclmdlRICondHandle handle, aclError nullCode,
                       std::shared_ptr<Conditional> &out) {
    if (handle == nullptr) {
        return Fail(nullCode, call, "the condition handle is NULL: make one with aclmdlRICondHandleCreate");
    }
    auto &registry = CondHandles();
    std::lock_guard lock(registry.mutex);
    auto it = registry.live.find(handle);
    out = it == registry.live.end() ? nullptr : it->second.lock();
    if (!out) {
        return Fail(ACL_ERROR_RT_INVALID_HANDLE, call,
                    "not a live condition handle (its model was destroyed, or it was never made by this runtime)");
    }
    return ACL_SUCCESS;
}

// The conditional task as the parent model holds it. The device evaluates a 64-bit load of the
// value: IF runs body 0 when it is non-zero, else body 1 if there is one; WHILE runs body 0 as
// long as it is non-zero, testing before every iteration; SWITCH runs body[value] when the value
// is below the number of bodies, else nothing (stars_cond_isa_helper.cc).
class ConditionalKernel final : public DeviceKernel {
public:
    explicit ConditionalKernel(std::shared_ptr<Conditional> condition) : condition_(std::move(condition)) {}

    const char *name() const noexcept override { return "CAPTURE_CONDITION"; }

    aclError run() const noexcept override {
        const Conditional &c = *condition_;
        auto value = [&c] { return __atomic_load_n(c.cell, __ATOMIC_ACQUIRE); };
        switch (c.type) {
        case ACL_MODEL_RI_COND_TYPE_IF:
            if (value() != 0) {
                return c.bodies[0]->replay();
            }
            return c.bodies.size() > 1 ? c.bodies[1]->replay() : ACL_SUCCESS;
        case ACL_MODEL_RI_COND_TYPE_WHILE:
            while (value() != 0) {
                ACLSIM_RETURN_IF_FAILED(c.bodies[0]->replay());
            }
            return ACL_SUCCESS;
        case ACL_MODEL_RI_COND_TYPE_SWITCH: {
            uint64_t index = value();
            return index < c.bodies.size() ? c.bodies[index]->replay() : ACL_SUCCESS;
        }
        }
        return ACL_SUCCESS;
    }

private:
    std::shared_ptr<Conditional> condition_;
};

// CheckCondTaskParamsSize.
aclError CheckBodyCount(const char *call, const aclmdlRICondTaskParams &params) {
    const uint32_t size = params.size;
    switch (params.type) {
    case ACL_MODEL_RI_COND_TYPE_IF:
        if (size == 1 || size == 2) {
            return ACL_SUCCESS;
        }
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call,
                    "an IF task has 1 or 2 bodies (then, else), not " + std::to_string(size));
    case ACL_MODEL_RI_COND_TYPE_WHILE:
        if (size == 1) {
            return ACL_SUCCESS;
        }
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call, "a WHILE task has exactly 1 body, not " + std::to_string(size));
    case ACL_MODEL_RI_COND_TYPE_SWITCH:
        if (size > 0) {
            return ACL_SUCCESS;
        }
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call, "a SWITCH task needs at least 1 body");
    }
    return Fail(ACL_ERROR_RT_PARAM_INVALID, call, "unknown condition type");
}

// Under CaptureMutex(): the first body of `model` (at any depth) that is not captured, or null.
const Model *FirstUncapturedBody(const Model &model) {
    for (const auto &condition : model.conditions) {
        for (const auto &body : condition->bodies) {
            if (body->state.load(std::memory_order_acquire) != Model::State::Ready) {
                return body.get();
            }
            if (const Model *nested = FirstUncapturedBody(*body)) {
                return nested;
            }
        }
    }
    return nullptr;
}

// Under CaptureMutex(): every body of `model` (at any depth) still capturing leaves its capture.
void EndBodyCaptures(const Model &model) {
    for (const auto &condition : model.conditions) {
        for (const auto &body : condition->bodies) {
            EndBodyCaptures(*body);
            if (!body->bodyCaptureBegun || body->state.load() != Model::State::Capturing) {
                continue;
            }
            body->state.store(Model::State::Abandoned);
            for (const auto &stream : body->context()->streams()) {
                if (auto capture = stream->capture; capture && capture->model == body) {
                    LeaveCapture(*capture); // holds the capture: leaving drops the stream's reference
                    break;
                }
            }
        }
    }
}

} // namespace

Conditional::~Conditional() {
    {
        auto &registry = CondHandles();
        std::lock_guard lock(registry.mutex);
        registry.live.erase(this);
    }
    for (const auto &body : bodies) {
        Models().remove(body.get()); // the bodies die with this handle, below
    }
    // aclFinalize releases all memory after the models; the value is freed here unless it was.
    if (cell != nullptr && IsDeviceRange(cell, sizeof(uint64_t))) {
        aclrtFree(cell);
    }
}

aclError CheckBodiesCaptured(Model &model, std::string &reason) {
    const Model *body = FirstUncapturedBody(model);
    if (body == nullptr) {
        return ACL_SUCCESS;
    }
    reason = "body model " + std::to_string(body->id()) +
             (body->bodyCaptureBegun ? " is still capturing" : " was never captured") +
             ": capture every body of the model's conditional tasks (aclmdlRICaptureToModelRIBegin, "
             "aclmdlRICaptureEnd) before ending its capture; the model is discarded and its bodies' captures end";
    EndBodyCaptures(model);
    return ACL_ERROR_RT_SUB_ACLGRAPH_IS_CAPTURING;
}

void ResetConditionDefaults(const Model &model) {
    for (const auto &condition : model.conditions) {
        if (condition->assignDefault) {
            __atomic_store_n(condition->cell, static_cast<uint64_t>(condition->defaultValue), __ATOMIC_RELEASE);
        }
        for (const auto &body : condition->bodies) {
            ResetConditionDefaults(*body);
        }
    }
}

} // namespace aclsim

using namespace aclsim;

extern "C" {

ACL_FUNC_VISIBILITY aclError aclmdlRICondHandleCreate(aclmdlRI modelRI, uint32_t defaultLaunchValue,
                                                      aclmdlRICondHandleFlag flag, aclmdlRICondHandle *handle) {
    const char *call = "aclmdlRICondHandleCreate";
    // aclmdlRICondHandleCreateImpl, then ApiErrorDecorator / ApiImpl::ModelCondHandleCreate.
    if (handle == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, "handle is NULL: pass where the condition handle is to be stored");
    }
    std::shared_ptr<Model> model;
    ACLSIM_RETURN_IF_FAILED(FindLive(call, Models(), modelRI, "model", model));
    if (static_cast<uint32_t>(flag) > ACL_MODEL_RI_COND_HANDLE_ASSIGN_DEFAULT) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call,
                    "flag " + std::to_string(static_cast<uint32_t>(flag)) +
                        " is neither 0 nor ACL_MODEL_RI_COND_HANDLE_ASSIGN_DEFAULT (1)");
    }
    {
        std::lock_guard lock(CaptureMutex());
        bool capturing = model->state.load() == Model::State::Capturing && (!model->isBody || model->bodyCaptureBegun);
        if (!capturing) {
            return Fail(ACL_ERROR_RT_PARAM_INVALID, call,
                        "model " + std::to_string(model->id()) +
                            " is not capturing: condition handles are made while their model captures");
        }
    }
    ACLSIM_RETURN_IF_FAILED(RequireModelContext(call, *model));
    auto condition =
        std::make_shared<Conditional>(model, defaultLaunchValue, flag == ACL_MODEL_RI_COND_HANDLE_ASSIGN_DEFAULT);
    // CondHandle::Setup: eight bytes of device memory, set to 0.
    void *cell = nullptr;
    if (aclError status = aclrtMalloc(&cell, sizeof(uint64_t), ACL_MEM_MALLOC_HUGE_FIRST); status != ACL_SUCCESS) {
        return Fail(status, call, "cannot allocate the condition value in device memory");
    }
    condition->cell = static_cast<uint64_t *>(cell);
    *condition->cell = 0;
    {
        std::lock_guard lock(CaptureMutex());
        if (model->state.load() != Model::State::Capturing) {
            return Fail(ACL_ERROR_RT_PARAM_INVALID, call, "the model's capture ended meanwhile");
        }
        model->conditions.push_back(condition);
    }
    {
        auto &registry = CondHandles();
        std::lock_guard lock(registry.mutex);
        registry.live[condition.get()] = condition;
    }
    *handle = condition.get();
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclmdlRICondHandleGetCondPtr(aclmdlRICondHandle handle, uint64_t **ptr) {
    const char *call = "aclmdlRICondHandleGetCondPtr";
    if (ptr == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call,
                    "ptr is NULL: pass where the value's device address is to be stored");
    }
    std::shared_ptr<Conditional> condition;
    ACLSIM_RETURN_IF_FAILED(FindCondition(call, handle, ACL_ERROR_INVALID_PARAM, condition));
    std::shared_ptr<Context> current;
    ACLSIM_RETURN_IF_FAILED(RequireContext(call, current));
    *ptr = condition->cell;
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclmdlRIAddCondTask(aclmdlRICondTaskParams params, aclrtStream stream, uint32_t flags) {
    const char *call = "aclmdlRIAddCondTask";
    // aclmdlRIAddCondTaskImpl (stream), rtStreamAddCondTask (handles), ApiErrorDecorator (type,
    // flags, NULLs), ApiImpl::StreamAddCondTaskParasCheck (the rest), in that order.
    std::shared_ptr<Stream> target;
    ACLSIM_RETURN_IF_FAILED(
        FindLive(call, Streams(), stream, "stream", target, " (the default stream takes no part in captures)"));
    std::shared_ptr<Conditional> condition;
    ACLSIM_RETURN_IF_FAILED(FindCondition(call, params.handle, ACL_ERROR_RT_PARAM_INVALID, condition));
    if (static_cast<uint32_t>(params.type) > ACL_MODEL_RI_COND_TYPE_SWITCH) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call,
                    "type " + std::to_string(static_cast<uint32_t>(params.type)) +
                        " is not IF (0), WHILE (1) or SWITCH (2)");
    }
    if (flags != 0) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call, "flags is reserved and must be 0");
    }
    if (params.modelRIArray == nullptr) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call, "modelRIArray is NULL: pass an array of size bodies");
    }
    std::shared_ptr<Context> current;
    ACLSIM_RETURN_IF_FAILED(RequireContext(call, current));
    std::vector<std::shared_ptr<Model>> bodies;
    {
        std::lock_guard lock(CaptureMutex());
        if (condition->used) {
            return Fail(ACL_ERROR_RT_PARAM_INVALID, call,
                        "the handle was given a conditional task already: make a new handle for another task");
        }
        ACLSIM_RETURN_IF_FAILED(
            CheckContext(call, "stream", *target->context(), current.get(), ACL_ERROR_RT_STREAM_CONTEXT));
        std::shared_ptr<Capture> capture;
        ACLSIM_RETURN_IF_FAILED(RequireCapture(call, *target, capture, ": a conditional task is added to a capture"));
        if (capture->model != condition->parent.lock()) {
            return Fail(ACL_ERROR_RT_PARAM_INVALID, call,
                        "the handle was made on another model than the one this stream captures");
        }
        ACLSIM_RETURN_IF_FAILED(CheckBodyCount(call, params));
        // Stream::PackingTaskGroup: a task group holds kernels only; the capture is invalidated.
        if (target->openGroup) {
            return FailNonKernelInGroup(call, *capture, "CAPTURE_CONDITION");
        }
        ACLSIM_RETURN_IF_FAILED(InjectedCaptureFault(call, *capture, *target, "the task"));
        // Context::CreateSubCaptureModels: the bodies, registered (they are handles) but owned by
        // the condition handle, and so by the parent.
        for (uint32_t i = 0; i < params.size; ++i) {
            auto body = std::make_shared<Model>(current);
            body->isBody = true;
            bodies.push_back(body);
        }
        condition->used = true;
        condition->type = params.type;
        condition->bodies = bodies;
        Task task;
        task.kind = TaskKind::Kernel;
        task.kernel = std::make_shared<ConditionalKernel>(condition);
        if (aclError status = RecordIntoCapture(call, *capture, *target, std::move(task)); status != ACL_SUCCESS) {
            condition->used = false;
            condition->bodies.clear();
            return status;
        }
    }
    for (uint32_t i = 0; i < params.size; ++i) {
        Models().add(bodies[i]);
        params.modelRIArray[i] = bodies[i].get();
    }
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclmdlRICaptureToModelRIBegin(aclrtStream stream, aclmdlRI modelRI,
                                                           aclmdlRICaptureMode mode) {
    const char *call = "aclmdlRICaptureToModelRIBegin";
    // aclmdlRICaptureToModelRIBeginImpl (NULLs), then ApiErrorDecorator::StreamBeginCapture
    // (StreamBeginCaptureMdlCheck: only a body can be captured into), then the stream's checks.
    if (stream == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, "stream is NULL (the default stream takes no part in captures)");
    }
    std::shared_ptr<Model> body;
    ACLSIM_RETURN_IF_FAILED(FindLive(call, Models(), modelRI, "model", body));
    if (!body->isBody) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call,
                    "the model is not a body of a conditional task (aclmdlRIAddCondTask makes those); begin other "
                    "captures with aclmdlRICaptureBegin");
    }
    return BeginCapture(call, stream, mode, body);
}

} // extern "C"
