// Process-wide state of the shim's entry points: the call gate every call passes, whether (and
// with which backend) the runtime is open, and the handle table.
#ifndef ACLGRAPH4J_SHIM_RUNTIME_STATE_H
#define ACLGRAPH4J_SHIM_RUNTIME_STATE_H

#include <string>

#include "call_gate.h"
#include "handle_table.h"

namespace agj {

struct RuntimeState {
    // Passed by every call; open/close hold it exclusively, so close never races a call.
    CallGate gate;
    int openCount = 0;
    std::string backendName;
    HandleTable handles{gate};
};

inline RuntimeState &Runtime() {
    static RuntimeState *state = new RuntimeState(); // never destroyed: worker threads may outlive exit
    return *state;
}

} // namespace agj

#endif
