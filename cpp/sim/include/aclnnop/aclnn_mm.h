// aclnnMm: out = self @ mat2 for 2-d self and mat2.
#ifndef ACLSIM_ACLNNOP_ACLNN_MM_H
#define ACLSIM_ACLNNOP_ACLNN_MM_H

#include "aclnnop/aclnn_operator.h"

ACLSIM_ACLNN_OPERATOR(aclnnMm, const aclTensor *self, const aclTensor *mat2, aclTensor *out, int8_t cubeMathType);

#endif
