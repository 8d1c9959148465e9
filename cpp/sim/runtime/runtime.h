// Internal model of the simulated ACL runtime: contexts, streams with worker threads, events,
// captures and models. Shared by the files of cpp/sim/runtime only; each object type has a header
// of its own, included here in dependency order.
#ifndef ACLSIM_RUNTIME_RUNTIME_H
#define ACLSIM_RUNTIME_RUNTIME_H

#include "capture.h"
#include "context.h"
#include "errors.h"
#include "event.h"
#include "model.h"
#include "registry.h"
#include "stream.h"
#include "task.h"
#include "waiting.h"

#endif
