// The simulator's declaration of an aclnn operator, made once for all operator headers. Every aclnn
// operator is called in two phases, declared by CANN with fixed trailing parameters:
//   aclnnStatus NAMEGetWorkspaceSize(<operands>, uint64_t *workspaceSize, aclOpExecutor **executor);
//   aclnnStatus NAME(void *workspace, uint64_t workspaceSize, aclOpExecutor *executor, aclrtStream stream);
// ACLSIM_ACLNN_OPERATOR(NAME, <operands>) declares both, exactly so (C linkage, ACLNN_API).
#ifndef ACLSIM_ACLNNOP_ACLNN_OPERATOR_H
#define ACLSIM_ACLNNOP_ACLNN_OPERATOR_H

#include "aclnn/aclnn_base.h"
#include "aclnnop/aclnn_util.h"

#ifdef __cplusplus
#define ACLSIM_ACLNN_EXTERN_C extern "C"
#else
#define ACLSIM_ACLNN_EXTERN_C
#endif

#define ACLSIM_ACLNN_OPERATOR(name, ...)                                                                               \
    ACLSIM_ACLNN_EXTERN_C ACLNN_API aclnnStatus name##GetWorkspaceSize(__VA_ARGS__, uint64_t *workspaceSize,           \
                                                                       aclOpExecutor **executor);                      \
    ACLSIM_ACLNN_EXTERN_C ACLNN_API aclnnStatus name(void *workspace, uint64_t workspaceSize, aclOpExecutor *executor, \
                                                     aclrtStream stream)

#endif
