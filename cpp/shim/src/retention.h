// A set of objects kept alive on behalf of work that may still run: a captured model's tasks, a
// task group's kernels, or the tasks in flight on a stream.
#ifndef ACLGRAPH4J_SHIM_RETENTION_H
#define ACLGRAPH4J_SHIM_RETENTION_H

#include <memory>
#include <mutex>
#include <vector>

namespace agj {

class Object;
using ObjectRef = std::shared_ptr<Object>;

class Retention {
public:
    void add(const ObjectRef &object);
    // Takes `other`'s objects in place of its own (the old ones are dropped outside the lock).
    void replaceWith(Retention &other);
    void clear();
    size_t size();

private:
    std::mutex mutex_;
    std::vector<ObjectRef> objects_;
};

} // namespace agj

#endif
