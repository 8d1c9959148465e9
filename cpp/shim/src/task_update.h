// In-place updates of a captured model's kernel tasks through CANN 9.1's task calls
// (aclmdlRITaskGetParams, aclmdlRITaskSetParams, aclmdlRIUpdate): what a model keeps for them.
#ifndef ACLGRAPH4J_SHIM_TASK_UPDATE_H
#define ACLGRAPH4J_SHIM_TASK_UPDATE_H

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "acl_api.h"
#include "retention.h"

namespace agj {

class Model;

// The runtime refuses to change a model that has replays queued or running
// (CheckCaptureModelForUpdate counts a replay from its launch), so an update issued while one may
// be in flight is queued on its stream as a host function; the model's replays wait for it.
class KernelUpdates {
public:
    KernelUpdates() = default;
    KernelUpdates(const KernelUpdates &) = delete;
    KernelUpdates &operator=(const KernelUpdates &) = delete;
    ~KernelUpdates(); // destroys the scratch models left (the model's device is current)

    std::mutex mutex;
    std::condition_variable applied;
    std::atomic<int> pending{0};        // queued, not yet applied
    std::atomic<bool> leftovers{false}; // retired, scratch or failure is set
    // Per kernel task (model stream, kernel index): the executor of its latest update, which the
    // task's kernel now uses.
    std::map<std::pair<int32_t, int32_t>, ObjectRef> current;
    // Objects no task uses any more and scratch models, dropped by a caller's thread (never by the
    // runtime's thread that ran a queued update).
    std::vector<ObjectRef> retired;
    std::vector<aclmdlRI> scratch;
    // The first failure of a queued update, reported by the next replay or update.
    int32_t failureCode = 0;
    std::string failure;
};

// Called with the model's replay order locked, before a replay: waits until its queued updates
// have been applied, drops what they retired, and reports a queued update that failed.
int32_t AwaitKernelUpdates(const char *entry, Model &m);

} // namespace agj

#endif
