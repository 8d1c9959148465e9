// aclnnInplaceCopy: selfRef = src, broadcast to selfRef's shape and converted to its dtype.
#ifndef ACLSIM_ACLNNOP_ACLNN_COPY_H
#define ACLSIM_ACLNNOP_ACLNN_COPY_H

#include "aclnnop/aclnn_operator.h"

ACLSIM_ACLNN_OPERATOR(aclnnInplaceCopy, aclTensor *selfRef, const aclTensor *src);

#endif
