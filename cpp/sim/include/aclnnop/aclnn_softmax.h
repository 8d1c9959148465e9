// aclnnSoftmax: out = exp(self) / sum(exp(self)) along dim.
#ifndef ACLSIM_ACLNNOP_ACLNN_SOFTMAX_H
#define ACLSIM_ACLNNOP_ACLNN_SOFTMAX_H

#include "aclnnop/aclnn_operator.h"

ACLSIM_ACLNN_OPERATOR(aclnnSoftmax, const aclTensor *self, int64_t dim, aclTensor *out);

#endif
