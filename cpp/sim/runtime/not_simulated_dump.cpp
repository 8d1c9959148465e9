// Functions of CANN's runtime headers the simulator declares but does not simulate, for the dump callbacks, operator
// argument dumps and exception dumps (acl_dump.h; the dump configuration calls are simulated). Each fails as
// not_simulated.h says; all are listed in docs/simulator.md ("Declared, not simulated").
#include "acl/acl_dump.h"
#include "not_simulated.h"

using aclsim::NotSimulated;

extern "C" {

ACL_DUMP_API aclError acldumpRegCallback(int32_t (*const messageCallback)(const acldumpChunk *, int32_t),
                                         int32_t flag) {
    return NotSimulated("acldumpRegCallback");
}

ACL_DUMP_API void acldumpUnregCallback() {
    (void)NotSimulated("acldumpUnregCallback");
}

ACL_FUNC_VISIBILITY aclError aclopStartDumpArgs(uint32_t dumpType, const char *path) {
    return NotSimulated("aclopStartDumpArgs");
}

ACL_FUNC_VISIBILITY aclError aclopStopDumpArgs(uint32_t dumpType) {
    return NotSimulated("aclopStopDumpArgs");
}

ACL_FUNC_VISIBILITY const char *acldumpGetPath(acldumpType dumpType) {
    (void)NotSimulated("acldumpGetPath");
    return nullptr;
}

ACL_DUMP_WEAK ACL_FUNC_VISIBILITY aclError acldumpSaveExceptionInfo(const char *fileName, const char *userTag,
                                                                    const acldumpTensorInfo *tensors,
                                                                    size_t tensorCount) {
    return NotSimulated("acldumpSaveExceptionInfo");
}

ACL_DUMP_WEAK ACL_FUNC_VISIBILITY aclError acldumpGetExceptionInfoPath(char *path, size_t maxLen) {
    return NotSimulated("acldumpGetExceptionInfoPath");
}

} // extern "C"
