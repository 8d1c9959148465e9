// aclnnMul family: out = self * other (tensor or scalar other; in place or not).
#ifndef ACLSIM_ACLNNOP_ACLNN_MUL_H
#define ACLSIM_ACLNNOP_ACLNN_MUL_H

#include "aclnnop/aclnn_operator.h"

ACLSIM_ACLNN_OPERATOR(aclnnMul, const aclTensor *self, const aclTensor *other, aclTensor *out);
ACLSIM_ACLNN_OPERATOR(aclnnMuls, const aclTensor *self, const aclScalar *other, aclTensor *out);
ACLSIM_ACLNN_OPERATOR(aclnnInplaceMul, aclTensor *selfRef, const aclTensor *other);
ACLSIM_ACLNN_OPERATOR(aclnnInplaceMuls, aclTensor *selfRef, const aclScalar *other);

#endif
