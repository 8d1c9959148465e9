// aclnnTanh: out = tanh(self).
#ifndef ACLSIM_ACLNNOP_ACLNN_TANH_H
#define ACLSIM_ACLNNOP_ACLNN_TANH_H

#include "aclnnop/aclnn_operator.h"

ACLSIM_ACLNN_OPERATOR(aclnnTanh, const aclTensor *self, aclTensor *out);
ACLSIM_ACLNN_OPERATOR(aclnnInplaceTanh, aclTensor *selfRef);

#endif
