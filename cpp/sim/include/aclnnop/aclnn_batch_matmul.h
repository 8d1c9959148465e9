// aclnnBatchMatMul: out[b] = self[b] @ mat2[b] for 3-d self and mat2.
#ifndef ACLSIM_ACLNNOP_ACLNN_BATCH_MATMUL_H
#define ACLSIM_ACLNNOP_ACLNN_BATCH_MATMUL_H

#include "aclnnop/aclnn_operator.h"

ACLSIM_ACLNN_OPERATOR(aclnnBatchMatMul, const aclTensor *self, const aclTensor *mat2, aclTensor *out,
                      int8_t cubeMathType);

#endif
