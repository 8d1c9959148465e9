// Waiting for a stream's work, and dropping what its finished tasks kept alive.
#ifndef ACLGRAPH4J_SHIM_STREAM_WAIT_H
#define ACLGRAPH4J_SHIM_STREAM_WAIT_H

#include <cstdint>

#include "entry.h"
#include "objects.h"

namespace agj {

// Waits for the stream (timeoutMs -1: forever), then drops what its finished tasks kept alive.
// `drained`: whether the stream's work is over (also when a task failed, which ends it). The
// caller uses no object it found other than `s` and `alsoHeld` from here on.
int32_t WaitForStream(const char *entry, Stream &s, int32_t timeoutMs, bool &drained, const Object *alsoHeld = nullptr);

// Waits for the work in flight on a stream about to be released, unless it captures (then the
// release ends the capture). What the wait reports is the stream's, not the release's.
void WaitBeforeRelease(const char *entry, Stream &s);

// Routes the objects a task just issued on `stream` uses into whatever keeps them alive.
inline void RetainForTask(Stream &stream, std::initializer_list<ObjectRef> objects) {
    for (const auto &object : objects) {
        stream.retainForTask(object);
    }
}

// Issues a task on `s` that uses `used` (an event recorded or waited for, a value's buffer): `issue()`
// is the ACL call named `call`, made on the stream's device; `used` is kept until the task has run.
template <typename Issue>
int32_t IssueTask(Stream &s, const ObjectRef &used, const char *call, Issue &&issue) {
    AGJ_ACL_CHECK("aclrtSetCurrentContext", s.device()->makeCurrent());
    AGJ_ACL_CHECK(call, issue());
    s.retainForTask(used);
    return AGJ_OK;
}

} // namespace agj

#endif
