// The kernels that reduce along dims: softmax (over one dim) and layer norm (over the trailing
// dims). Both compute in float32 (double for DOUBLE softmax) and read and write any strided view;
// dense views of the arithmetic type are used in place, others are staged through a dense copy.
#ifndef ACLSIM_NN_REDUCTION_KERNELS_H
#define ACLSIM_NN_REDUCTION_KERNELS_H

#include <memory>

#include "checked_kernel.h"
#include "op_support.h"

namespace aclsim::nn {

struct SoftmaxPlan {
    StridedView self;
    StridedView out;
    aclDataType computeType = ACL_FLOAT; // f16/bf16/f32 compute in float32, DOUBLE in double
    int64_t outer = 1;                   // product of the dims before `dim`
    int64_t length = 1;                  // size of `dim`
    int64_t inner = 1;                   // product of the dims after `dim`
    KernelMemory memory;
};

struct LayerNormPlan {
    StridedView input;
    StridedView out;
    StridedView weight; // rank 0 and null base: absent (1)
    StridedView bias;   // rank 0 and null base: absent (0)
    StridedView mean;   // null base: not requested
    StridedView rstd;   // null base: not requested
    int64_t rows = 1;   // product of the dims before the normalised ones
    int64_t length = 1; // product of the normalised dims
    float eps = 1e-5f;
    KernelMemory memory;
};

std::shared_ptr<const DeviceKernel> MakeSoftmaxKernel(const SoftmaxPlan &plan);
std::shared_ptr<const DeviceKernel> MakeLayerNormKernel(const LayerNormPlan &plan);

} // namespace aclsim::nn

#endif
