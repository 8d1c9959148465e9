// aclnnMatmul: out = self @ mat2 with torch.matmul's rules for 1 to 6 dims.
#ifndef ACLSIM_ACLNNOP_ACLNN_MATMUL_H
#define ACLSIM_ACLNNOP_ACLNN_MATMUL_H

#include "aclnnop/aclnn_operator.h"

ACLSIM_ACLNN_OPERATOR(aclnnMatmul, const aclTensor *self, const aclTensor *mat2, aclTensor *out, int8_t cubeMathType);

#endif
