#include "objects.h"

#include "data_types.h"
#include "operators.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <sstream>
#include <unordered_set>
#include <utility>

namespace agj {
namespace {

// Every live object, for agj_live_count / agj_live_report and leak checks.
struct LiveObjects {
    std::mutex mutex;
    std::unordered_set<const Object *> objects;
    std::array<std::atomic<int64_t>, AGJ_KIND_COUNT> counts{};
};

LiveObjects &Live() {
    static LiveObjects *live = new LiveObjects(); // never destroyed: objects may die at exit
    return *live;
}

// Bumped whenever a device goes away, so per-thread "current context" caches are re-checked
// (a new context may reuse a destroyed one's address).
std::atomic<uint64_t> gContextEpoch{1};

thread_local aclrtContext tCurrentContext = nullptr;
thread_local uint64_t tCurrentEpoch = 0;

// Streams hold at most this many in-flight entries before asking the runtime whether they
// finished, so a stream that is never synchronised does not grow without bound.
constexpr size_t kInFlightQueryThreshold = 4096;

} // namespace

const char *KindName(int32_t kind) noexcept {
    switch (kind) {
#define AGJ_KIND(name, code, text) \
    case AGJ_KIND_##name:          \
        return text;
#include "aclgraph4j/shim_kinds.def"
#undef AGJ_KIND
    default: return "unknown";
    }
}

Object::Object(int32_t kind) : kind_(kind) {
    auto &live = Live();
    std::lock_guard lock(live.mutex);
    live.objects.insert(this);
    live.counts[kind].fetch_add(1, std::memory_order_relaxed);
}

Object::~Object() {
    // A destructor's ACL calls may fail (a stream destroyed while it captures...) and nobody
    // reports that: drop the runtime's text about it, or it would be appended to the message of
    // the next failure on this thread.
    const AclApi &api = Api();
    if (api.aclGetRecentErrMsg != nullptr) {
        api.aclGetRecentErrMsg();
    }
    auto &live = Live();
    std::lock_guard lock(live.mutex);
    live.objects.erase(this);
    live.counts[kind_].fetch_sub(1, std::memory_order_relaxed);
}

int64_t LiveCount(int32_t kind) noexcept {
    auto &live = Live();
    if (kind > 0 && kind < AGJ_KIND_COUNT) {
        return live.counts[kind].load(std::memory_order_relaxed);
    }
    int64_t total = 0;
    for (auto &count : live.counts) {
        total += count.load(std::memory_order_relaxed);
    }
    return total;
}

std::string LiveReport() {
    // Take strong references under the lock (skipping objects already being destroyed), then
    // describe them outside it: describe() is virtual and must not meet a dying object.
    std::vector<std::pair<ObjectRef, long>> snapshot;
    {
        auto &live = Live();
        std::lock_guard lock(live.mutex);
        for (const Object *object : live.objects) {
            auto weak = object->weak_from_this();
            long owners = weak.use_count();
            if (auto strong = std::const_pointer_cast<Object>(weak.lock())) {
                snapshot.emplace_back(std::move(strong), owners);
            }
        }
    }
    std::ostringstream out;
    for (const auto &[object, owners] : snapshot) {
        out << object->handle() << " " << KindName(object->kind()) << " refs=" << owners << " " << object->describe()
            << "\n";
    }
    return out.str();
}

// ---- Device ----

Device::Device(int32_t id, aclrtContext context)
    : Object(AGJ_KIND_DEVICE), id_(id), context_(context), epoch_(gContextEpoch.load()) {
    // Opening a device (aclrtSetDevice) made its context current on this thread: say so in the
    // per-thread cache, or the next call for another device would skip switching back.
    tCurrentContext = context_;
    tCurrentEpoch = gContextEpoch.load();
}

Device::~Device() {
    gContextEpoch.fetch_add(1);
    tCurrentContext = nullptr;
    Api().aclrtResetDevice(id_);
    // The last reset of a device ends the captures its streams took part in, also those begun on
    // another device's stream that one of them joined.
    Captures().forgetEnded();
}

std::string Device::describe() const {
    return "device " + std::to_string(id_);
}

aclError Device::makeCurrent() const {
    uint64_t epoch = gContextEpoch.load(std::memory_order_relaxed);
    if (tCurrentContext == context_ && tCurrentEpoch == epoch) {
        return ACL_SUCCESS;
    }
    aclError status = Api().aclrtSetCurrentContext(context_);
    if (status == ACL_SUCCESS) {
        tCurrentContext = context_;
        tCurrentEpoch = epoch;
    }
    return status;
}

// ---- Stream ----

Stream::Stream(std::shared_ptr<Device> device, aclrtStream stream)
    : Object(AGJ_KIND_STREAM), device_(std::move(device)), stream_(stream) {}

Stream::~Stream() {
    device_->makeCurrent();
    const AclApi &api = Api();
    aclError status = api.aclrtDestroyStream(stream_);
    if (status == ACL_ERROR_RT_STREAM_CAPTURED) {
        // Released while capturing: end the capture, discard its model, then destroy. (A stream
        // that only joined another stream's capture cannot leave it before the origin ends; the
        // runtime keeps it until then.)
        auto record = Captures().find(stream_);
        aclmdlRI model = nullptr;
        aclError ended = api.aclmdlRICaptureEnd(stream_, &model);
        if (ended == ACL_SUCCESS && model != nullptr) {
            if (record) {
                record->awaitEagerWrites();
            }
            api.aclmdlRIDestroy(model);
        }
        aclmdlRICaptureStatus after = ACL_MODEL_RI_CAPTURE_STATUS_NONE;
        api.aclmdlRICaptureGetInfo(stream_, &after, nullptr);
        if (record && after != ACL_MODEL_RI_CAPTURE_STATUS_NONE && ended == ACL_ERROR_RT_STREAM_CAPTURE_UNMATCHED) {
            // Joined to a capture another stream began: destroyed when that capture ends.
            record->deferDestroy([weakDevice = std::weak_ptr<Device>(device_), stream = stream_] {
                // Weak: a device reset (its last handle released) ends the capture and its streams itself.
                if (auto device = weakDevice.lock()) {
                    device->makeCurrent();
                    Api().aclrtDestroyStream(stream);
                }
            });
            return;
        }
        if (record && after == ACL_MODEL_RI_CAPTURE_STATUS_NONE) {
            if (ended == ACL_ERROR_RT_STREAM_CAPTURE_WRONG_THREAD) {
                record->awaitEagerWrites();
                api.aclmdlRIDestroy(record->model); // the runtime left the model to us
            }
            Captures().forget(record->model);
        }
        api.aclrtDestroyStream(stream_);
    }
    // inFlight_ is destroyed after this body, i.e. after the stream finished its tasks.
}

void Stream::noteUnmarkedReplay(std::weak_ptr<Model> model) {
    std::lock_guard lock(mutex_);
    unmarkedReplays_.push_back(std::move(model));
}

std::vector<std::weak_ptr<Model>> Stream::takeUnmarkedReplays() {
    std::lock_guard lock(mutex_);
    return std::exchange(unmarkedReplays_, {});
}

std::string Stream::describe() const {
    return "stream on device " + std::to_string(device_->id());
}

void Stream::retainForTask(const ObjectRef &object) {
    if (routing_.load(std::memory_order_acquire)) {
        std::shared_ptr<Retention> target;
        {
            std::lock_guard lock(mutex_);
            target = updatePending_ ? updatePending_ : openGroup_;
        }
        if (target) {
            target->add(object);
            return;
        }
    }
    if (Captures().anyActive()) {
        if (auto record = Captures().find(stream_)) {
            record->objects.add(object);
            return;
        }
    }
    std::vector<ObjectRef> finished;
    std::lock_guard lock(mutex_);
    if (!inFlight_.empty() && inFlight_.back() == object) {
        return; // e.g. the same model replayed again: already kept
    }
    if (inFlight_.size() >= kInFlightQueryThreshold) {
        aclrtStreamStatus status = ACL_STREAM_STATUS_NOT_READY;
        // Every object listed was retained after its task was issued, so "complete" covers them.
        if (Api().aclrtStreamQuery(stream_, &status) == ACL_SUCCESS && status == ACL_STREAM_STATUS_COMPLETE) {
            released_.store(released_.load(std::memory_order_relaxed) + inFlight_.size(), std::memory_order_release);
            finished.swap(inFlight_);
        }
    }
    inFlight_.push_back(object);
    retained_.store(retained_.load(std::memory_order_relaxed) + 1, std::memory_order_release);
    // `finished` is released after the lock (declared first, destroyed last).
}

uint64_t Stream::inFlightMark() const noexcept {
    return retained_.load(std::memory_order_acquire);
}

void Stream::releaseCompleted(uint64_t mark) {
    if (mark <= released_.load(std::memory_order_acquire)) {
        return; // nothing retained before the mark is still held (the common case: no lock)
    }
    // Dropped after the lock (declared first, destroyed last): destructors may come back here.
    // A few at a time need no allocation.
    std::array<ObjectRef, 8> few;
    std::vector<ObjectRef> many;
    std::lock_guard lock(mutex_);
    uint64_t released = released_.load(std::memory_order_relaxed);
    size_t count = mark > released ? static_cast<size_t>(std::min<uint64_t>(mark - released, inFlight_.size())) : 0;
    auto begin = inFlight_.begin();
    auto end = begin + static_cast<std::ptrdiff_t>(count);
    if (count <= few.size()) {
        std::move(begin, end, few.begin());
    } else {
        many.assign(std::make_move_iterator(begin), std::make_move_iterator(end));
    }
    inFlight_.erase(begin, end);
    released_.store(released + count, std::memory_order_release);
}

void Stream::setOpenGroup(std::shared_ptr<Retention> group) {
    std::lock_guard lock(mutex_);
    openGroup_ = std::move(group);
    routing_.store(openGroup_ || updatePending_, std::memory_order_release);
}

std::shared_ptr<Retention> Stream::takeOpenGroup() {
    std::lock_guard lock(mutex_);
    std::shared_ptr<Retention> group = std::move(openGroup_);
    openGroup_.reset();
    routing_.store(static_cast<bool>(updatePending_), std::memory_order_release);
    return group;
}

void Stream::beginUpdate(std::shared_ptr<Retention> group) {
    std::lock_guard lock(mutex_);
    updateTarget_ = std::move(group);
    updatePending_ = std::make_shared<Retention>();
    routing_.store(true, std::memory_order_release);
}

void Stream::endUpdate(bool success) {
    std::shared_ptr<Retention> target;
    std::shared_ptr<Retention> pending;
    {
        std::lock_guard lock(mutex_);
        target = std::move(updateTarget_);
        pending = std::move(updatePending_);
        updatePending_.reset();
        routing_.store(static_cast<bool>(openGroup_), std::memory_order_release);
    }
    if (success && target && pending) {
        target->replaceWith(*pending);
    }
}

// ---- Buffer ----

Buffer::Buffer(int32_t kind, std::shared_ptr<Device> device, void *address, int64_t bytes)
    : Object(kind), device_(std::move(device)), address_(address), bytes_(bytes) {}

Buffer::~Buffer() {
    device_->makeCurrent();
    if (isHost()) {
        Api().aclrtFreeHost(address_);
    } else {
        Api().aclrtFree(address_);
    }
}

std::string Buffer::describe() const {
    return std::to_string(bytes_) + " bytes on device " + std::to_string(device_->id());
}

// ---- Tensor ----

Tensor::Tensor(std::shared_ptr<Buffer> buffer, aclTensor *tensor, int32_t dataType, TensorLayout layout)
    : Object(AGJ_KIND_TENSOR), buffer_(std::move(buffer)), tensor_(tensor), dataType_(dataType),
      layout_(std::move(layout)) {}

Tensor::~Tensor() {
    Api().aclDestroyTensor(tensor_);
}

std::string Tensor::describe() const {
    std::string text = std::string(DataTypeName(dataType_)) + " [";
    for (size_t i = 0; i < layout_.shape.size(); ++i) {
        text += (i ? "," : "") + std::to_string(layout_.shape[i]);
    }
    return text + "]";
}

// ---- Scalar ----

Scalar::Scalar(aclScalar *scalar, int32_t dataType, std::string valueText)
    : Object(AGJ_KIND_SCALAR), scalar_(scalar), dataType_(dataType), valueText_(std::move(valueText)) {}

Scalar::~Scalar() {
    Api().aclDestroyScalar(scalar_);
}

std::string Scalar::describe() const {
    return std::string(DataTypeName(dataType_)) + " " + valueText_;
}

// ---- Executor ----

Executor::Executor(int32_t op, aclOpExecutor *executor, LaunchFn launch, bool repeatable,
                   std::shared_ptr<Buffer> workspace, uint64_t workspaceBytes, std::vector<ObjectRef> operands,
                   std::shared_ptr<Device> device, std::shared_ptr<void> attributes)
    : Object(AGJ_KIND_EXECUTOR), op_(op), executor_(executor), launch_(launch), repeatable_(repeatable),
      workspace_(std::move(workspace)), workspaceBytes_(workspaceBytes), operands_(std::move(operands)),
      device_(std::move(device)), attributes_(std::move(attributes)) {}

Executor::~Executor() {
    // A single-use executor belongs to the runtime once launched (the launch frees it).
    if (executor_ != nullptr && (repeatable_ || !launched_.load())) {
        Api().aclDestroyAclOpExecutor(executor_);
    }
}

std::string Executor::describe() const {
    const char *name = OperatorName(op_);
    return (name != nullptr ? std::string(name) : "operator " + std::to_string(op_)) +
           (repeatable_ ? " repeatable" : " single-use") + (launched_.load() ? " launched" : "");
}

bool Executor::claimLaunch() noexcept {
    bool wasLaunched = launched_.exchange(true);
    return repeatable_ || !wasLaunched;
}

aclnnStatus Executor::launch(aclrtStream stream) const {
    return launch_(workspaceBytes_ > 0 ? workspace_->address() : nullptr, workspaceBytes_, executor_, stream);
}

// ---- Event ----

Event::Event(std::shared_ptr<Device> device, aclrtEvent event, int32_t flags)
    : Object(AGJ_KIND_EVENT), device_(std::move(device)), event_(event), flags_(flags) {}

Event::~Event() {
    device_->makeCurrent();
    Api().aclrtDestroyEvent(event_);
}

std::string Event::describe() const {
    std::string text = "event";
    if ((flags_ & ACL_EVENT_SYNC) != 0) {
        text += " SYNC";
    }
    if ((flags_ & ACL_EVENT_TIME_LINE) != 0) {
        text += " TIME_LINE";
    }
    if ((flags_ & ~(ACL_EVENT_SYNC | ACL_EVENT_TIME_LINE)) != 0) {
        text += " flags " + std::to_string(flags_);
    }
    return text + " on device " + std::to_string(device_->id());
}

// ---- Model ----

Model::Model(std::shared_ptr<Device> device, std::shared_ptr<CaptureRecord> record)
    : Object(AGJ_KIND_MODEL), device_(std::move(device)), record_(std::move(record)) {}

Model::~Model() {
    device_->makeCurrent();
    record_->modelReleased.store(true);
    record_->awaitEagerWrites(); // the destroy frees the conditions' values those copies write
    Api().aclmdlRIDestroy(record_->model);
    record_->notifyDestroyed(); // done already if the runtime's destroy callback ran
    if (replayOrder_.previousDone != nullptr) {
        Api().aclrtDestroyEvent(replayOrder_.previousDone); // the streams that used it have drained
    }
    // Replays in flight keep the model itself alive, so nothing runs any more: drop what the
    // captured tasks used. (Task groups may still hold the record, not these objects.)
    record_->objects.clear();
    std::lock_guard lock(record_->groupsMutex);
    for (auto &group : record_->groups) {
        group->clear();
    }
}

std::string Model::describe() const {
    return "captured model on device " + std::to_string(device_->id()) + " keeping " +
           std::to_string(record_->objects.size()) + " objects";
}

// ---- TaskGroup ----

TaskGroup::TaskGroup(aclrtTaskGrp group, std::shared_ptr<CaptureRecord> record, std::shared_ptr<Retention> objects)
    : Object(AGJ_KIND_TASK_GROUP), group_(group), record_(std::move(record)), objects_(std::move(objects)) {}

std::string TaskGroup::describe() const {
    return "task group";
}

} // namespace agj
