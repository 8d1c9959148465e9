// aclnnNeg: out = -self.
#ifndef ACLSIM_ACLNNOP_ACLNN_NEG_H
#define ACLSIM_ACLNNOP_ACLNN_NEG_H

#include "aclnnop/aclnn_operator.h"

ACLSIM_ACLNN_OPERATOR(aclnnNeg, const aclTensor *self, aclTensor *out);
ACLSIM_ACLNN_OPERATOR(aclnnInplaceNeg, aclTensor *selfRef);

#endif
