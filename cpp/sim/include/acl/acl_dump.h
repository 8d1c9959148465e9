// Dump types of ACL. CANN declares aclmdlInitDump/SetDump/FinalizeDump in acl_rt.h; this header
// holds the dump callback and exception-dump API, none of which is simulated, so it declares
// only the types and constants, and a program that includes it compiles.
#ifndef ACLSIM_ACL_ACL_DUMP_H
#define ACLSIM_ACL_ACL_DUMP_H

#include <stdint.h>

#include "acl_base.h"

#ifdef __cplusplus
extern "C" {
#endif

#define ACL_DUMP_MAX_FILE_PATH_LENGTH 4096
#define ACL_OP_DUMP_OP_AICORE_ARGS 0x00000001U
#define ACL_DUMP_MAX_SHAPE_NUM 25

typedef enum acldumpType {
    AIC_ERR_BRIEF_DUMP = 1,
    AIC_ERR_NORM_DUMP = 2,
    AIC_ERR_DETAIL_DUMP = 3,
    DATA_DUMP = 4,
    OVERFLOW_DUMP = 5
} acldumpType;

typedef enum acldumpTensorType {
    ACL_DUMP_TENSOR_INPUT = 0,
    ACL_DUMP_TENSOR_OUTPUT,
    ACL_DUMP_TENSOR_WORKSPACE
} acldumpTensorType;

#ifdef __cplusplus
}
#endif

#endif
