// aclnnAdd family: out = self + alpha * other (tensor or scalar other; in place or not).
#ifndef ACLSIM_ACLNNOP_ACLNN_ADD_H
#define ACLSIM_ACLNNOP_ACLNN_ADD_H

#include "aclnnop/aclnn_operator.h"

ACLSIM_ACLNN_OPERATOR(aclnnAdd, const aclTensor *self, const aclTensor *other, const aclScalar *alpha, aclTensor *out);
ACLSIM_ACLNN_OPERATOR(aclnnAdds, const aclTensor *self, const aclScalar *other, const aclScalar *alpha, aclTensor *out);
ACLSIM_ACLNN_OPERATOR(aclnnInplaceAdd, const aclTensor *selfRef, const aclTensor *other, const aclScalar *alpha);
ACLSIM_ACLNN_OPERATOR(aclnnInplaceAdds, const aclTensor *selfRef, const aclScalar *other, const aclScalar *alpha);

#endif
