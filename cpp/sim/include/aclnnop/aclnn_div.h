// aclnnDiv family: out = self / other, true division (tensor or scalar other; in place or not).
#ifndef ACLSIM_ACLNNOP_ACLNN_DIV_H
#define ACLSIM_ACLNNOP_ACLNN_DIV_H

#include "aclnnop/aclnn_operator.h"

ACLSIM_ACLNN_OPERATOR(aclnnDiv, const aclTensor *self, const aclTensor *other, aclTensor *out);
ACLSIM_ACLNN_OPERATOR(aclnnDivs, const aclTensor *self, const aclScalar *other, aclTensor *out);
ACLSIM_ACLNN_OPERATOR(aclnnInplaceDiv, aclTensor *selfRef, const aclTensor *other);
ACLSIM_ACLNN_OPERATOR(aclnnInplaceDivs, aclTensor *selfRef, const aclScalar *other);

#endif
