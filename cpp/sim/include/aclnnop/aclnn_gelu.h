// aclnnGelu: out = 0.5 * self * (1 + tanh(sqrt(2 / pi) * (self + 0.044715 * self^3))).
#ifndef ACLSIM_ACLNNOP_ACLNN_GELU_H
#define ACLSIM_ACLNNOP_ACLNN_GELU_H

#include "aclnn/aclnn_base.h"
#include "aclnnop/aclnn_util.h"

#ifdef __cplusplus
extern "C" {
#endif

ACLNN_API aclnnStatus aclnnGeluGetWorkspaceSize(const aclTensor *self, aclTensor *out, uint64_t *workspaceSize,
                                                aclOpExecutor **executor);
ACLNN_API aclnnStatus aclnnGelu(void *workspace, uint64_t workspaceSize, aclOpExecutor *executor, aclrtStream stream);

#ifdef __cplusplus
}
#endif

#endif
