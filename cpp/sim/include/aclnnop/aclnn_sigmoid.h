// aclnnSigmoid: out = 1 / (1 + e^-self).
#ifndef ACLSIM_ACLNNOP_ACLNN_SIGMOID_H
#define ACLSIM_ACLNNOP_ACLNN_SIGMOID_H

#include "aclnnop/aclnn_operator.h"

ACLSIM_ACLNN_OPERATOR(aclnnSigmoid, const aclTensor *self, aclTensor *out);
ACLSIM_ACLNN_OPERATOR(aclnnInplaceSigmoid, aclTensor *selfRef);

#endif
