// Process-wide state of the shim: the loaded backend, the handle table and the captures in
// progress (to route what captured tasks keep alive into their model).
#ifndef ACLGRAPH4J_SHIM_RUNTIME_STATE_H
#define ACLGRAPH4J_SHIM_RUNTIME_STATE_H

#include <atomic>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "call_gate.h"
#include "handle_table.h"
#include "objects.h"

namespace agj {

struct RuntimeState {
    // Passed by every call; open/close hold it exclusively, so close never races a call.
    CallGate gate;
    int openCount = 0;
    std::string backendName;
    LoadedBackend backend;
    HandleTable handles{gate};

    std::atomic<int> activeCaptures{0};
    std::mutex capturesMutex;
    std::unordered_map<aclmdlRI, std::shared_ptr<CaptureRecord>> captures;
};

RuntimeState &Runtime();

// The capture `stream` takes part in (as origin or joined), or null.
std::shared_ptr<CaptureRecord> FindCapture(aclrtStream stream);

// Forgets the captures the runtime ended on its own, releasing what their tasks kept alive: a
// device reset ends every capture one of its streams joined, discarding the model. Must not be
// called with capturesMutex held (records die here, and with them objects whose destructors may
// come back).
void ForgetEndedCaptures();

} // namespace agj

#endif
