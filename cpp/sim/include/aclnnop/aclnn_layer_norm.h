// aclnnLayerNorm: normalises input over its trailing normalizedShape dims, then scales by weight
// and shifts by bias; optionally returns the mean and the reciprocal standard deviation.
#ifndef ACLSIM_ACLNNOP_ACLNN_LAYER_NORM_H
#define ACLSIM_ACLNNOP_ACLNN_LAYER_NORM_H

#include "aclnnop/aclnn_operator.h"

ACLSIM_ACLNN_OPERATOR(aclnnLayerNorm, const aclTensor *input, const aclIntArray *normalizedShape,
                      const aclTensor *weightOptional, const aclTensor *biasOptional, double eps, aclTensor *out,
                      aclTensor *meanOutOptional, aclTensor *rstdOutOptional);

#endif
