#include "retention.h"

namespace agj {

void Retention::add(const ObjectRef &object) {
    std::lock_guard lock(mutex_);
    objects_.push_back(object);
}

void Retention::replaceWith(Retention &other) {
    std::vector<ObjectRef> incoming;
    {
        std::lock_guard lock(other.mutex_);
        incoming.swap(other.objects_);
    }
    std::vector<ObjectRef> outgoing;
    {
        std::lock_guard lock(mutex_);
        outgoing.swap(objects_);
        objects_ = std::move(incoming);
    }
    // `outgoing` dies here, outside the lock: destructors may call into the runtime.
}

void Retention::clear() {
    std::vector<ObjectRef> outgoing;
    std::lock_guard lock(mutex_);
    outgoing.swap(objects_);
}

size_t Retention::size() {
    std::lock_guard lock(mutex_);
    return objects_.size();
}

} // namespace agj
