// Functions of CANN's runtime headers the simulator declares but does not simulate, for the dump callbacks, operator
// argument dumps and exception dumps (acl_dump.h; the dump configuration calls are simulated). Each fails as
// not_simulated.h says; all are listed in docs/simulator.md ("Declared, not simulated").
#include "acl/acl_dump.h"
#include "not_simulated.h"

extern "C" {

ACL_DUMP_API aclError acldumpRegCallback(int32_t (*const messageCallback)(const acldumpChunk *, int32_t),
                                         int32_t flag) {
    return aclsim::NotSimulated("acldumpRegCallback");
}

ACL_DUMP_API void acldumpUnregCallback() {
    (void)aclsim::NotSimulated("acldumpUnregCallback");
}

ACLSIM_NOT_SIMULATED(aclopStartDumpArgs, (uint32_t dumpType, const char *path))
ACLSIM_NOT_SIMULATED(aclopStopDumpArgs, (uint32_t dumpType))
ACLSIM_NOT_SIMULATED_NULL(const char *, acldumpGetPath, (acldumpType dumpType))

ACL_DUMP_WEAK ACLSIM_NOT_SIMULATED(acldumpSaveExceptionInfo, (const char *fileName, const char *userTag,
                                                              const acldumpTensorInfo *tensors, size_t tensorCount))

    ACL_DUMP_WEAK ACLSIM_NOT_SIMULATED(acldumpGetExceptionInfoPath, (char *path, size_t maxLen))

} // extern "C"
