// aclnnGelu: out = 0.5 * self * (1 + tanh(sqrt(2 / pi) * (self + 0.044715 * self^3))).
#ifndef ACLSIM_ACLNNOP_ACLNN_GELU_H
#define ACLSIM_ACLNNOP_ACLNN_GELU_H

#include "aclnnop/aclnn_operator.h"

ACLSIM_ACLNN_OPERATOR(aclnnGelu, const aclTensor *self, aclTensor *out);

#endif
