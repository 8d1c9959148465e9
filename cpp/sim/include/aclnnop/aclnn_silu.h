// aclnnSilu: out = self * sigmoid(self).
#ifndef ACLSIM_ACLNNOP_ACLNN_SILU_H
#define ACLSIM_ACLNNOP_ACLNN_SILU_H

#include "aclnnop/aclnn_operator.h"

ACLSIM_ACLNN_OPERATOR(aclnnSilu, const aclTensor *self, aclTensor *out);

#endif
