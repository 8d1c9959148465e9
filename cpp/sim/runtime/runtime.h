// Internal model of the simulated ACL runtime: contexts, streams with worker threads, events,
// captures and models. Shared by the files of cpp/sim/runtime only; each object type has a header
// of its own, included here in dependency order.
#ifndef ACLSIM_RUNTIME_RUNTIME_H
#define ACLSIM_RUNTIME_RUNTIME_H

#include "capture.h"
#include "chip.h"
#include "context.h"
#include "errors.h"
#include "event.h"
#include "model.h"
#include "registry.h"
#include "stream.h"
#include "task.h"
#include "waiting.h"

// aclrtSynchronize<Object> and aclrtSynchronize<Object>WithTimeout, one body `impl(call, handle,
// timeoutMs)` for both: without a timeout the call waits as long as it takes (-1).
#define ACLSIM_SYNCHRONIZE_ENTRY_POINTS(Object, Handle, impl)                                            \
    ACL_FUNC_VISIBILITY aclError aclrtSynchronize##Object(Handle handle) {                               \
        return impl("aclrtSynchronize" #Object, handle, -1);                                             \
    }                                                                                                    \
    ACL_FUNC_VISIBILITY aclError aclrtSynchronize##Object##WithTimeout(Handle handle, int32_t timeout) { \
        return impl("aclrtSynchronize" #Object "WithTimeout", handle, timeout);                          \
    }

#endif
