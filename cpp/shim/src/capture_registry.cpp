#include "capture_registry.h"

#include <algorithm>

namespace agj {

// The table's capture codes are ACL's (aclmdlRICaptureMode, aclmdlRICaptureStatus).
#define AGJ_CAPTURE_MODE(name, code)                                                                               \
    static_assert(static_cast<int>(AGJ_CAPTURE_MODE_##name) == static_cast<int>(ACL_MODEL_RI_CAPTURE_MODE_##name), \
                  "shim_capture.def: capture mode " #name " is not ACL's code");
#define AGJ_CAPTURE_STATUS(name, code)                                                                                 \
    static_assert(static_cast<int>(AGJ_CAPTURE_STATUS_##name) == static_cast<int>(ACL_MODEL_RI_CAPTURE_STATUS_##name), \
                  "shim_capture.def: capture status " #name " is not ACL's code");
#include "aclgraph4j/shim_capture.def"
#undef AGJ_CAPTURE_MODE
#undef AGJ_CAPTURE_STATUS

CaptureRecord::~CaptureRecord() {
    for (auto &destroy : deferred_) {
        destroy();
    }
    awaitEagerWrites(); // a record that never had a model destroyed through it
}

aclError CaptureRecord::noteEagerWrite(aclrtStream stream) {
    const AclApi &api = Api();
    std::lock_guard lock(eagerMutex_);
    auto it = std::find_if(eagerWrites_.begin(), eagerWrites_.end(),
                           [stream](const auto &write) { return write.first == stream; });
    if (it == eagerWrites_.end()) {
        aclrtEvent event = nullptr;
        if (aclError status = api.aclrtCreateEventWithFlag(&event, ACL_EVENT_SYNC); status != ACL_SUCCESS) {
            return status;
        }
        it = eagerWrites_.emplace(eagerWrites_.end(), stream, event);
    }
    return api.aclrtRecordEvent(it->second, stream);
}

void CaptureRecord::awaitEagerWrites() noexcept {
    const AclApi &api = Api();
    std::lock_guard lock(eagerMutex_);
    for (const auto &[stream, event] : eagerWrites_) {
        api.aclrtSynchronizeEvent(event); // a failed copy failed its stream: nothing left to wait for
        api.aclrtDestroyEvent(event);
    }
    eagerWrites_.clear();
}

namespace {

struct DestroyedQueue {
    std::mutex mutex;
    std::vector<int64_t> cookies;
};

DestroyedQueue &Destroyed() {
    static DestroyedQueue *queue = new DestroyedQueue(); // never destroyed, like the registry
    return *queue;
}

} // namespace

void CaptureRecord::addDestroyCookie(int64_t cookie) {
    std::lock_guard lock(destroyMutex_);
    destroyCookies_.push_back(cookie);
}

void CaptureRecord::notifyDestroyed() noexcept {
    std::vector<int64_t> cookies;
    {
        std::lock_guard lock(destroyMutex_);
        if (destroyNotified_) {
            return;
        }
        destroyNotified_ = true;
        cookies.swap(destroyCookies_);
    }
    if (cookies.empty()) {
        return;
    }
    auto &queue = Destroyed();
    std::lock_guard lock(queue.mutex);
    try {
        queue.cookies.insert(queue.cookies.end(), cookies.begin(), cookies.end());
    } catch (...) {
        // Out of memory: the notices are lost, never the process (this runs inside the runtime).
    }
}

extern "C" void AgjModelDestroyed(void *userData) {
    if (userData != nullptr) {
        static_cast<CaptureRecord *>(userData)->notifyDestroyed();
    }
}

size_t TakeDestroyedCookies(int64_t *out, size_t capacity) {
    auto &queue = Destroyed();
    std::lock_guard lock(queue.mutex);
    size_t count = std::min(capacity, queue.cookies.size());
    std::copy(queue.cookies.begin(), queue.cookies.begin() + static_cast<std::ptrdiff_t>(count), out);
    queue.cookies.erase(queue.cookies.begin(), queue.cookies.begin() + static_cast<std::ptrdiff_t>(count));
    return count;
}

void CaptureRecord::deferDestroy(std::function<void()> destroy) {
    std::lock_guard lock(deferredMutex_);
    deferred_.push_back(std::move(destroy));
}

CaptureRegistry &Captures() {
    static CaptureRegistry *registry = new CaptureRegistry(); // never destroyed: worker threads may outlive exit
    return *registry;
}

std::shared_ptr<CaptureRecord> CaptureRegistry::find(aclrtStream stream) {
    aclmdlRICaptureStatus status = ACL_MODEL_RI_CAPTURE_STATUS_NONE;
    aclmdlRI model = nullptr;
    if (Api().aclmdlRICaptureGetInfo(stream, &status, &model) != ACL_SUCCESS ||
        status == ACL_MODEL_RI_CAPTURE_STATUS_NONE || model == nullptr) {
        return nullptr;
    }
    std::lock_guard lock(mutex_);
    auto found = records_.find(model);
    return found == records_.end() ? nullptr : found->second;
}

void CaptureRegistry::begin(std::shared_ptr<CaptureRecord> record) {
    std::shared_ptr<CaptureRecord> stale; // an ended capture's record at a reused address; dies unlocked
    std::lock_guard lock(mutex_);
    std::shared_ptr<CaptureRecord> &slot = records_[record->model];
    stale = std::move(slot);
    slot = std::move(record);
    if (!stale) {
        active_.fetch_add(1, std::memory_order_release);
    }
}

void CaptureRegistry::joinBody(aclmdlRI body, std::shared_ptr<CaptureRecord> root) {
    std::shared_ptr<CaptureRecord> stale; // dies unlocked
    std::lock_guard lock(mutex_);
    std::shared_ptr<CaptureRecord> &slot = records_[body];
    stale = std::move(slot);
    slot = std::move(root);
    if (!stale) {
        active_.fetch_add(1, std::memory_order_release);
    }
}

bool CaptureRegistry::holds(const CaptureRecord &record) {
    std::lock_guard lock(mutex_);
    auto found = records_.find(record.model);
    return found != records_.end() && found->second.get() == &record;
}

void CaptureRegistry::forget(aclmdlRI model) {
    std::shared_ptr<CaptureRecord> forgotten; // dies unlocked
    std::lock_guard lock(mutex_);
    auto found = records_.find(model);
    if (found == records_.end()) {
        return;
    }
    forgotten = std::move(found->second);
    records_.erase(found);
    active_.fetch_sub(1, std::memory_order_release);
    if (forgotten->model != model) {
        return; // a body's entry
    }
    // The top-level capture ended: bodies whose capture never ended (their model is gone with it)
    // no longer route their tasks to its record.
    for (auto it = records_.begin(); it != records_.end();) {
        if (it->second == forgotten) {
            it = records_.erase(it);
            active_.fetch_sub(1, std::memory_order_release);
        } else {
            ++it;
        }
    }
}

void CaptureRegistry::forgetEnded() {
    if (!anyActive()) {
        return;
    }
    std::vector<std::pair<aclmdlRI, std::shared_ptr<CaptureRecord>>> records;
    {
        std::lock_guard lock(mutex_);
        records.assign(records_.begin(), records_.end());
    }
    // Queried outside the lock; the records (and the origin streams) die after it is released.
    for (auto &[model, record] : records) {
        std::shared_ptr<Object> origin = record->origin.lock();
        aclmdlRICaptureStatus status = ACL_MODEL_RI_CAPTURE_STATUS_NONE;
        aclmdlRI current = nullptr;
        bool ended = !origin || (Api().aclmdlRICaptureGetInfo(record->originStream, &status, &current) == ACL_SUCCESS &&
                                 (status == ACL_MODEL_RI_CAPTURE_STATUS_NONE || current != record->model));
        if (ended) {
            std::lock_guard lock(mutex_);
            auto found = records_.find(model);
            if (found != records_.end() && found->second == record) {
                records_.erase(found);
                active_.fetch_sub(1, std::memory_order_release);
            }
        }
    }
}

void CaptureRegistry::clear() {
    decltype(records_) records;
    std::lock_guard lock(mutex_);
    records.swap(records_);
    active_.store(0);
    // `records` dies after the lock (declared first): what the records keep may include devices,
    // whose destructors look at the captures again.
}

} // namespace agj
