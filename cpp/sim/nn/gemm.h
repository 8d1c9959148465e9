// The matmul device kernel: out[b] = self[b] @ mat2[b] for every batch index b, from strided
// views of FLOAT, FLOAT16 or BF16, accumulated in float32 by a blocked, packed SGEMM with a
// register-tiled micro-kernel, and stored (rounded) in out's dtype.
#ifndef ACLSIM_NN_GEMM_H
#define ACLSIM_NN_GEMM_H

#include <cstdint>
#include <memory>

#include "checked_kernel.h"

namespace aclsim::nn {

// Batch dims after broadcasting (aclnnMatmul allows 6 dims: 4 of batch, 2 of matrix).
constexpr int kMaxBatchRank = 4;

// A matrix operand: element (row, col) of batch b lives at base + (batchOffset(b) + row *
// rowStride + col * colStride) elements.
struct MatrixOperand {
    const unsigned char *base = nullptr;
    aclDataType dtype = ACL_FLOAT;
    int64_t rowStride = 0;
    int64_t colStride = 0;
    int64_t batchStrides[kMaxBatchRank] = {}; // 0 along broadcast batch dims
};

struct GemmPlan {
    const char *name = "MatMul";
    int64_t m = 0;
    int64_t n = 0;
    int64_t k = 0;
    int batchRank = 0;
    int64_t batchShape[kMaxBatchRank] = {};
    MatrixOperand a;                // self, m x k
    MatrixOperand b;                // mat2, k x n
    MatrixOperand c;                // out, m x n
    bool roundInputsToHalf = false; // cubeMathType USE_FP16 on float32 inputs
    KernelMemory memory;
};

std::shared_ptr<const DeviceKernel> MakeGemmKernel(const GemmPlan &plan);

} // namespace aclsim::nn

#endif
