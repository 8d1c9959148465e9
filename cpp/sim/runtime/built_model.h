// The structure of a model built without capture (model_build.cpp), shared with the stream
// control that runs between its streams (stream_control.cpp).
#ifndef ACLSIM_RUNTIME_BUILT_MODEL_H
#define ACLSIM_RUNTIME_BUILT_MODEL_H

#include <cstddef>
#include <vector>

#include "runtime.h"

namespace aclsim {

struct BuiltModel {
    struct StreamEntry {
        Stream *handle = nullptr;  // what aclmdlRIGetStreams hands out
        bool head = false;         // runs from the start of an execution
        bool bound = true;         // still bound (guarded by CaptureMutex())
        std::vector<size_t> tasks; // indices into Model::tasks, in issue order
    };
    // Guarded by CaptureMutex() while the model is BUILDING; read-only once it is READY.
    std::vector<StreamEntry> streams;
    bool endGraph = false;
};

} // namespace aclsim

#endif
