// aclnnRelu: out = max(self, 0).
#ifndef ACLSIM_ACLNNOP_ACLNN_RELU_H
#define ACLSIM_ACLNNOP_ACLNN_RELU_H

#include "aclnnop/aclnn_operator.h"

ACLSIM_ACLNN_OPERATOR(aclnnRelu, const aclTensor *self, const aclTensor *out);
ACLSIM_ACLNN_OPERATOR(aclnnInplaceRelu, aclTensor *selfRef);

#endif
