// aclnnMaximum: out = max(self, other) element by element, NaN propagating.
#ifndef ACLSIM_ACLNNOP_ACLNN_MAXIMUM_H
#define ACLSIM_ACLNNOP_ACLNN_MAXIMUM_H

#include "aclnnop/aclnn_operator.h"

ACLSIM_ACLNN_OPERATOR(aclnnMaximum, const aclTensor *self, const aclTensor *other, aclTensor *out);

#endif
