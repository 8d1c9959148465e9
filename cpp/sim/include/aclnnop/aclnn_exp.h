// aclnnExp: out = e^self.
#ifndef ACLSIM_ACLNNOP_ACLNN_EXP_H
#define ACLSIM_ACLNNOP_ACLNN_EXP_H

#include "aclnnop/aclnn_operator.h"

ACLSIM_ACLNN_OPERATOR(aclnnExp, const aclTensor *self, aclTensor *out);
ACLSIM_ACLNN_OPERATOR(aclnnInplaceExp, aclTensor *selfRef);

#endif
