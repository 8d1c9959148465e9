// aclnnSub family: out = self - alpha * other (tensor or scalar other; in place or not).
#ifndef ACLSIM_ACLNNOP_ACLNN_SUB_H
#define ACLSIM_ACLNNOP_ACLNN_SUB_H

#include "aclnnop/aclnn_operator.h"

ACLSIM_ACLNN_OPERATOR(aclnnSub, const aclTensor *self, const aclTensor *other, const aclScalar *alpha, aclTensor *out);
ACLSIM_ACLNN_OPERATOR(aclnnSubs, const aclTensor *self, const aclScalar *other, const aclScalar *alpha, aclTensor *out);
ACLSIM_ACLNN_OPERATOR(aclnnInplaceSub, aclTensor *selfRef, const aclTensor *other, const aclScalar *alpha);
ACLSIM_ACLNN_OPERATOR(aclnnInplaceSubs, aclTensor *selfRef, const aclScalar *other, const aclScalar *alpha);

#endif
