// Entry points: conditional sub-graphs (CANN 9.1's aclmdlRICondHandleCreate, aclmdlRIAddCondTask,
// aclmdlRICaptureToModelRIBegin), each a short adapter over the runtime's calls.
//
// The runtime owns a condition's value and the bodies of its task: they live as long as the model
// the condition was made on. A Condition object names them for Java and refuses every call once
// that model is gone (released, or its capture ended without one), so a stale condition never
// reaches freed device memory. Bodies are captured into the top-level capture's record: what their
// tasks use is kept until the top-level model is released, like the rest of its tasks.
#include "aclgraph4j/shim.h"

#include <string>
#include <vector>

#include "entry.h"
#include "replay_order.h"
#include "stream_wait.h"

namespace agj {
namespace {

constexpr const char *kNeeds = " (CANN 9.1 or later)";

constexpr NamedCode kConditionTypes[] = {
#define AGJ_CONDITION_TYPE(name, code) {code, #name},
#include "aclgraph4j/shim_conditions.def"
#undef AGJ_CONDITION_TYPE
};

class Condition final : public Object {
public:
    Condition(std::shared_ptr<Device> device, void *handle, uint64_t *value, std::weak_ptr<CaptureRecord> record)
        : Object(AGJ_KIND_CONDITION), device_(std::move(device)), handle_(handle), value_(value),
          record_(std::move(record)) {}

    std::string describe() const override {
        std::lock_guard lock(mutex_);
        std::string text = "condition without a task";
        for (const NamedCode &type : kConditionTypes) {
            if (type.code == type_) {
                text = std::string("condition ") + type.name;
            }
        }
        if (!bodies_.empty()) {
            text += " with " + std::to_string(bodies_.size()) + (bodies_.size() == 1 ? " body" : " bodies");
        }
        return text + " on device " + std::to_string(device_->id());
    }

    const std::shared_ptr<Device> &device() const noexcept { return device_; }
    void *handle() const noexcept { return handle_; }
    uint64_t *value() const noexcept { return value_; }

    // The top-level capture's record while its model (or capture) lives, else a refusal.
    int32_t requireLive(const char *entry, std::shared_ptr<CaptureRecord> &record) const {
        record = record_.lock();
        if (!record) {
            return Fail(AGJ_ERR_STATE, entry,
                        "the model this condition was made on was released, or its capture ended without a model");
        }
        if (record->modelReleased.load()) {
            return Fail(AGJ_ERR_STATE, entry, "the model this condition was made on was released");
        }
        if (!record->modelPublished.load() && !Captures().holds(*record)) {
            return Fail(AGJ_ERR_STATE, entry, "the capture this condition was made in ended without a model");
        }
        return AGJ_OK;
    }

    bool hasTask() const {
        std::lock_guard lock(mutex_);
        return type_ >= 0;
    }

    // Guarded by mutex_: the task's type and bodies once added, and which are captured.
    int32_t addTask(const char *entry, int32_t type, const std::vector<aclmdlRI> &bodies) {
        std::lock_guard lock(mutex_);
        if (type_ >= 0) {
            return Fail(AGJ_ERR_STATE, entry, "the condition has its task already: make a condition per task");
        }
        type_ = type;
        bodies_ = bodies;
        captured_.assign(bodies.size(), false);
        return AGJ_OK;
    }

    int32_t body(const char *entry, int32_t index, aclmdlRI &out) const {
        std::lock_guard lock(mutex_);
        if (type_ < 0) {
            return Fail(AGJ_ERR_STATE, entry, "the condition has no task yet: add it first (agj_condition_add_task)");
        }
        if (index < 0 || static_cast<size_t>(index) >= bodies_.size()) {
            return InvalidArgument(entry, "body " + std::to_string(index) + " does not exist: the task has " +
                                              std::to_string(bodies_.size()));
        }
        out = bodies_[static_cast<size_t>(index)];
        return AGJ_OK;
    }

    bool markCaptured(int32_t index) {
        std::lock_guard lock(mutex_);
        bool was = captured_[static_cast<size_t>(index)];
        captured_[static_cast<size_t>(index)] = true;
        return was;
    }

    bool captured(int32_t index) const {
        std::lock_guard lock(mutex_);
        return captured_[static_cast<size_t>(index)];
    }

private:
    std::shared_ptr<Device> device_;
    void *handle_;
    uint64_t *value_;
    std::weak_ptr<CaptureRecord> record_;
    mutable std::mutex mutex_;
    int32_t type_ = -1;
    std::vector<aclmdlRI> bodies_;
    std::vector<bool> captured_;
};

int32_t RequireConditionals(const char *entry) {
    const AclApi &api = Api();
    const std::pair<const void *, const char *> functions[] = {
        {reinterpret_cast<const void *>(api.aclmdlRICondHandleCreate), "aclmdlRICondHandleCreate"},
        {reinterpret_cast<const void *>(api.aclmdlRICondHandleGetCondPtr), "aclmdlRICondHandleGetCondPtr"},
        {reinterpret_cast<const void *>(api.aclmdlRIAddCondTask), "aclmdlRIAddCondTask"},
        {reinterpret_cast<const void *>(api.aclmdlRICaptureToModelRIBegin), "aclmdlRICaptureToModelRIBegin"},
    };
    for (const auto &[function, name] : functions) {
        if (int32_t status = RequireOptional(entry, function, (std::string(name) + kNeeds).c_str()); status != AGJ_OK) {
            return status;
        }
    }
    return AGJ_OK;
}

// The model `stream` captures now (top-level or body), or a refusal.
int32_t CapturedModel(const char *entry, Stream &stream, aclmdlRI &model) {
    aclmdlRICaptureStatus status = ACL_MODEL_RI_CAPTURE_STATUS_NONE;
    model = nullptr;
    AGJ_ACL_CHECK("aclmdlRICaptureGetInfo", Api().aclmdlRICaptureGetInfo(stream.handle(), &status, &model));
    if (status != ACL_MODEL_RI_CAPTURE_STATUS_ACTIVE || model == nullptr) {
        return Fail(AGJ_ERR_STATE, entry,
                    status == ACL_MODEL_RI_CAPTURE_STATUS_NONE ? "the stream is not capturing"
                                                               : "the stream's capture was invalidated");
    }
    return AGJ_OK;
}

} // namespace
} // namespace agj

using namespace agj;

extern "C" {

int32_t agj_condition_create(int64_t stream, int64_t defaultValue, int32_t resetEachReplay, int64_t *conditionOut) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_REQUIRE_OUT(conditionOut);
        *conditionOut = 0;
        AGJ_FIND(Stream, s, stream, AGJ_KIND_STREAM, "stream");
        AGJ_RETURN_IF_FAILED(RequireConditionals(entry));
        if (defaultValue < 0 || defaultValue > int64_t{UINT32_MAX}) {
            return InvalidArgument(entry,
                                   "the default value must be 0 .. 4294967295, not " + std::to_string(defaultValue));
        }
        AGJ_ACL_CHECK("aclrtSetCurrentContext", s->device()->makeCurrent());
        aclmdlRI model = nullptr;
        AGJ_RETURN_IF_FAILED(CapturedModel(entry, *s, model));
        std::shared_ptr<CaptureRecord> record = Captures().find(s->handle());
        if (!record) {
            return Fail(AGJ_ERR_STATE, entry, "the stream's capture was not begun through this SDK");
        }
        const AclApi &api = Api();
        void *handle = nullptr;
        AGJ_ACL_CHECK(
            "aclmdlRICondHandleCreate",
            api.aclmdlRICondHandleCreate(model, static_cast<uint32_t>(defaultValue), resetEachReplay ? 1 : 0, &handle));
        uint64_t *value = nullptr;
        AGJ_ACL_CHECK("aclmdlRICondHandleGetCondPtr", api.aclmdlRICondHandleGetCondPtr(handle, &value));
        *conditionOut = Publish(std::make_shared<Condition>(s->device(), handle, value, record));
        return AGJ_OK;
    });
}

int32_t agj_condition_add_task(int64_t stream, int64_t condition, int32_t type, int32_t bodies) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_FIND(Stream, s, stream, AGJ_KIND_STREAM, "stream");
        AGJ_FIND(Condition, c, condition, AGJ_KIND_CONDITION, "condition");
        AGJ_RETURN_IF_FAILED(RequireConditionals(entry));
        AGJ_RETURN_IF_FAILED(RequireOneOf(entry, "type", type, kConditionTypes));
        if (bodies < 1 || bodies > 1024) {
            return InvalidArgument(entry, "a conditional task has 1 to 1024 bodies, not " + std::to_string(bodies));
        }
        std::shared_ptr<CaptureRecord> record;
        AGJ_RETURN_IF_FAILED(c->requireLive(entry, record));
        if (c->hasTask()) {
            return Fail(AGJ_ERR_STATE, entry, "the condition has its task already: make a condition per task");
        }
        AGJ_RETURN_IF_FAILED(RequireStreamDevice(entry, "condition", c->device()->id(), s->device()->id()));
        AGJ_ACL_CHECK("aclrtSetCurrentContext", s->device()->makeCurrent());
        std::vector<aclmdlRI> made(static_cast<size_t>(bodies), nullptr);
        CondTaskParams params{c->handle(), type, static_cast<uint32_t>(bodies), made.data()};
        AGJ_ACL_CHECK("aclmdlRIAddCondTask", Api().aclmdlRIAddCondTask(params, s->handle(), 0));
        RetainForTask(*s, {c.shared()});
        return c->addTask(entry, type, made);
    });
}

int32_t agj_condition_body_begin(int64_t stream, int64_t condition, int32_t body, int32_t mode) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_FIND(Stream, s, stream, AGJ_KIND_STREAM, "stream");
        AGJ_FIND(Condition, c, condition, AGJ_KIND_CONDITION, "condition");
        AGJ_RETURN_IF_FAILED(RequireConditionals(entry));
        AGJ_RETURN_IF_FAILED(RequireCaptureMode(entry, mode));
        std::shared_ptr<CaptureRecord> record;
        AGJ_RETURN_IF_FAILED(c->requireLive(entry, record));
        aclmdlRI model = nullptr;
        AGJ_RETURN_IF_FAILED(c->body(entry, body, model));
        if (c->captured(body)) {
            return Fail(AGJ_ERR_STATE, entry, "body " + std::to_string(body) + " was captured already");
        }
        AGJ_RETURN_IF_FAILED(RequireStreamDevice(entry, "condition", c->device()->id(), s->device()->id()));
        AGJ_ACL_CHECK("aclrtSetCurrentContext", s->device()->makeCurrent());
        MarkReplaysBeforeCapture(*s);
        AGJ_ACL_CHECK("aclmdlRICaptureToModelRIBegin",
                      Api().aclmdlRICaptureToModelRIBegin(s->handle(), model, static_cast<int32_t>(mode)));
        Captures().joinBody(model, record);
        return AGJ_OK;
    });
}

int32_t agj_condition_body_end(int64_t stream, int64_t condition, int32_t body) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_FIND(Stream, s, stream, AGJ_KIND_STREAM, "stream");
        AGJ_FIND(Condition, c, condition, AGJ_KIND_CONDITION, "condition");
        AGJ_RETURN_IF_FAILED(RequireConditionals(entry));
        std::shared_ptr<CaptureRecord> record;
        AGJ_RETURN_IF_FAILED(c->requireLive(entry, record)); // else the body's address may be another model's
        aclmdlRI model = nullptr;
        AGJ_RETURN_IF_FAILED(c->body(entry, body, model));
        AGJ_ACL_CHECK("aclrtSetCurrentContext", s->device()->makeCurrent());
        aclmdlRICaptureStatus status = ACL_MODEL_RI_CAPTURE_STATUS_NONE;
        aclmdlRI capturing = nullptr;
        AGJ_ACL_CHECK("aclmdlRICaptureGetInfo", Api().aclmdlRICaptureGetInfo(s->handle(), &status, &capturing));
        if (status == ACL_MODEL_RI_CAPTURE_STATUS_NONE || capturing != model) {
            return Fail(AGJ_ERR_STATE, entry,
                        "the stream is not capturing body " + std::to_string(body) + " of this condition");
        }
        aclmdlRI ended = nullptr;
        aclError result = Api().aclmdlRICaptureEnd(s->handle(), &ended);
        aclmdlRICaptureStatus after = ACL_MODEL_RI_CAPTURE_STATUS_NONE;
        Api().aclmdlRICaptureGetInfo(s->handle(), &after, nullptr);
        if (after == ACL_MODEL_RI_CAPTURE_STATUS_NONE) {
            Captures().forget(model); // the body's entry only: the top-level capture stays registered
            c->markCaptured(body);
        }
        if (result != ACL_SUCCESS) {
            return AclFail("aclmdlRICaptureEnd", result);
        }
        return AGJ_OK;
    });
}

int32_t agj_condition_set(int64_t condition, int64_t value) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_FIND(Condition, c, condition, AGJ_KIND_CONDITION, "condition");
        std::shared_ptr<CaptureRecord> record;
        AGJ_RETURN_IF_FAILED(c->requireLive(entry, record));
        uint64_t bits = static_cast<uint64_t>(value);
        return CallOn(*c->device(), Api().aclrtMemcpy, "aclrtMemcpy", c->value(), sizeof bits, &bits, sizeof bits,
                      ACL_MEMCPY_HOST_TO_DEVICE);
    });
}

int32_t agj_condition_get(int64_t condition, int64_t *valueOut) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_REQUIRE_OUT(valueOut);
        AGJ_FIND(Condition, c, condition, AGJ_KIND_CONDITION, "condition");
        std::shared_ptr<CaptureRecord> record;
        AGJ_RETURN_IF_FAILED(c->requireLive(entry, record));
        uint64_t bits = 0;
        AGJ_RETURN_IF_FAILED(CallOn(*c->device(), Api().aclrtMemcpy, "aclrtMemcpy", &bits, sizeof bits, c->value(),
                                    sizeof bits, ACL_MEMCPY_DEVICE_TO_HOST));
        *valueOut = static_cast<int64_t>(bits);
        return AGJ_OK;
    });
}

int32_t agj_condition_copy_async(int64_t stream, int64_t condition, int64_t source, int64_t sourceOffset) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_FIND(Stream, s, stream, AGJ_KIND_STREAM, "stream");
        AGJ_FIND(Condition, c, condition, AGJ_KIND_CONDITION, "condition");
        AGJ_FIND(Buffer, b, source, AGJ_KIND_DEVICE_BUFFER, "source device buffer");
        std::shared_ptr<CaptureRecord> record;
        AGJ_RETURN_IF_FAILED(c->requireLive(entry, record));
        constexpr int64_t kBytes = sizeof(uint64_t);
        if (sourceOffset < 0 || sourceOffset > b->bytes() - kBytes) {
            return InvalidArgument(entry, "8 bytes at offset " + std::to_string(sourceOffset) +
                                              " do not lie inside the source's " + std::to_string(b->bytes()) +
                                              " bytes");
        }
        if (s->device()->id() != c->device()->id() || b->device()->id() != c->device()->id()) {
            return InvalidArgument(entry, "the stream (device " + std::to_string(s->device()->id()) +
                                              "), the condition (device " + std::to_string(c->device()->id()) +
                                              ") and the source (device " + std::to_string(b->device()->id()) +
                                              ") must be of one device");
        }
        AGJ_ACL_CHECK("aclrtSetCurrentContext", s->device()->makeCurrent());
        // Captured into another model, the copy would outlive the value (which dies with its own model).
        auto capturing = Captures().find(s->handle());
        if (capturing && capturing != record) {
            return InvalidArgument(entry, "the stream captures another model than the one this condition belongs to: "
                                          "copy into a condition from its own capture or one of its bodies");
        }
        const char *from = static_cast<const char *>(b->address()) + sourceOffset;
        AGJ_ACL_CHECK("aclrtMemcpyAsync", Api().aclrtMemcpyAsync(c->value(), kBytes, from, kBytes,
                                                                 ACL_MEMCPY_DEVICE_TO_DEVICE, s->handle()));
        if (!capturing) { // runs now: the model's destroy must not free the value under it
            AGJ_ACL_CHECK("aclrtRecordEvent", record->noteEagerWrite(s->handle()));
        }
        RetainForTask(*s, {b.shared(), c.shared()});
        return AGJ_OK;
    });
}

} // extern "C"
