// Functions of CANN's runtime headers that the simulator declares but does not simulate (the
// not_simulated_*.cpp files, by area): they need hardware or services it does not model. Each
// fails with ACL_ERROR_RT_FEATURE_NOT_SUPPORT (207000), the runtime's code for a feature the device
// does not support, and says so in aclGetRecentErrMsg; one that returns no code returns NULL or 0.
#ifndef ACLSIM_RUNTIME_NOT_SIMULATED_H
#define ACLSIM_RUNTIME_NOT_SIMULATED_H

#include "runtime.h"

namespace aclsim {

inline aclError NotSimulated(const char *call) {
    return Fail(ACL_ERROR_RT_FEATURE_NOT_SUPPORT, call,
                "not simulated: the CPU simulator declares this function so that programs build, but does "
                "not model what it needs; run on a device for it");
}

} // namespace aclsim

// One declared-but-not-simulated function, named once: `params` is CANN's parameter list in parentheses. The _NULL form
// is for a function that returns a handle or pointer instead of a code.
#define ACLSIM_NOT_SIMULATED(name, params)     \
    ACL_FUNC_VISIBILITY aclError name params { \
        return ::aclsim::NotSimulated(#name);  \
    }
#define ACLSIM_NOT_SIMULATED_NULL(type, name, params) \
    ACL_FUNC_VISIBILITY type name params {            \
        (void)::aclsim::NotSimulated(#name);          \
        return nullptr;                               \
    }

#endif
