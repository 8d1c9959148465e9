// aclnnCast: out = self converted to dtype.
#ifndef ACLSIM_ACLNNOP_ACLNN_CAST_H
#define ACLSIM_ACLNNOP_ACLNN_CAST_H

#include "aclnnop/aclnn_operator.h"

ACLSIM_ACLNN_OPERATOR(aclnnCast, const aclTensor *self, const aclDataType dtype, aclTensor *out);

#endif
