// aclnnMatmul (torch.matmul's rules for 1 to 6 dims), aclnnMm (2-d) and aclnnBatchMatMul (3-d),
// on the packed SGEMM kernel. Types, promotion and cubeMathType checks follow CANN's mat_mul_v3 /
// batch_mat_mul_v3 op_api and docs for Atlas A2/A3: FLOAT, FLOAT16, BF16 (no BF16 with FLOAT16 or
// FLOAT); cubeMathType 0 KEEP_DTYPE, 1 ALLOW_FP32_DOWN_PRECISION, 2 USE_FP16 (not for BF16),
// 3 USE_HF32 (FLOAT only). The simulator accumulates in float32; USE_FP16 rounds float32 inputs to
// FLOAT16 first, while the HF32 modes (1 and 3) keep float32 inputs (the device rounds them to
// HF32, so its results differ in the low bits).
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "aclnnop/aclnn_batch_matmul.h"
#include "aclnnop/aclnn_matmul.h"
#include "aclnnop/aclnn_mm.h"
#include "gemm.h"
#include "op_support.h"

namespace aclsim::nn {
namespace {

const std::vector<aclDataType> kMatmulTypes = {ACL_FLOAT, ACL_FLOAT16, ACL_BF16};
constexpr size_t kMaxMatmulRank = 6;

enum CubeMathType : int8_t { kKeepDtype = 0, kAllowFp32DownPrecision = 1, kUseFp16 = 2, kUseHf32 = 3 };

// What the first phase fixed: the logical shapes, how 1-d operands were padded, the batch shape.
struct MatmulRequest {
    const char *kernelName = "MatMulV2";
    int64_t m = 0, n = 0, k = 0;
    bool selfIsVector = false; // 1-d self: a (1, K) row, M dropped from out
    bool mat2IsVector = false; // 1-d mat2: a (K, 1) column, N dropped from out
    std::vector<int64_t> batchShape;
    bool empty = false;
    bool roundInputsToHalf = false;
};

// Strides of an operand's matrix and batch dims over the broadcast batch shape.
void FillOperand(const TensorDesc &tensor, bool isVector, bool isSelf, const std::vector<int64_t> &batchShape,
                 MatrixOperand &operand) {
    operand.base = ElementAddress(tensor, tensor.offset);
    operand.dtype = tensor.dtype;
    const size_t rank = tensor.Rank();
    if (isVector) {
        // self (K): row 0, col k; mat2 (K): row k, col 0.
        operand.rowStride = isSelf ? 0 : tensor.strides[0];
        operand.colStride = isSelf ? tensor.strides[0] : 0;
        return;
    }
    operand.rowStride = tensor.strides[rank - 2];
    operand.colStride = tensor.strides[rank - 1];
    const size_t batchRank = batchShape.size();
    const size_t own = rank - 2;
    for (size_t i = 0; i < batchRank; ++i) {
        const size_t fromEnd = batchRank - 1 - i;
        if (fromEnd < own) {
            const size_t dim = own - 1 - fromEnd;
            operand.batchStrides[i] = tensor.viewDims[dim] == 1 ? 0 : tensor.strides[dim];
        }
    }
}

aclnnStatus PlanMatmul(const char *api, const MatmulRequest &request, const std::vector<TensorDesc> &bindings,
                       std::shared_ptr<const DeviceKernel> &kernel) {
    if (request.empty) {
        kernel = nullptr;
        return kAclnnSuccess;
    }
    const TensorDesc &self = bindings[0];
    const TensorDesc &mat2 = bindings[1];
    const TensorDesc &out = bindings[2];
    GemmPlan plan;
    ACLSIM_RETURN_IF_FAILED(ValidateDeviceMemory(api, {{"self", &self}, {"mat2", &mat2}, {"out", &out}}, plan.memory));
    plan.name = request.kernelName;
    plan.m = request.m;
    plan.n = request.n;
    plan.k = request.k;
    plan.batchRank = static_cast<int>(request.batchShape.size());
    std::copy(request.batchShape.begin(), request.batchShape.end(), plan.batchShape);
    plan.roundInputsToHalf = request.roundInputsToHalf;
    FillOperand(self, request.selfIsVector, true, request.batchShape, plan.a);
    FillOperand(mat2, request.mat2IsVector, false, request.batchShape, plan.b);
    // out: [batch..., M?, N?] with the padded dims dropped.
    plan.c.base = ElementAddress(out, out.offset);
    plan.c.dtype = out.dtype;
    const size_t outRank = out.Rank();
    size_t matrixDims = 0;
    if (!request.mat2IsVector) {
        plan.c.colStride = out.strides[outRank - 1 - matrixDims++];
    }
    if (!request.selfIsVector) {
        plan.c.rowStride = out.strides[outRank - 1 - matrixDims++];
    }
    for (size_t i = 0; i < request.batchShape.size(); ++i) {
        plan.c.batchStrides[i] = out.strides[i];
    }
    kernel = MakeGemmKernel(plan);
    return kAclnnSuccess;
}

aclnnStatus CheckTypes(const char *api, const aclTensor *self, const aclTensor *mat2, const aclTensor *out,
                       int8_t cubeMathType, aclDataType &promoted) {
    ACLSIM_RETURN_IF_FAILED(CheckTypeIn(api, "self", self->desc.dtype, kMatmulTypes));
    ACLSIM_RETURN_IF_FAILED(CheckTypeIn(api, "mat2", mat2->desc.dtype, kMatmulTypes));
    ACLSIM_RETURN_IF_FAILED(CheckTypeIn(api, "out", out->desc.dtype, kMatmulTypes));
    const aclDataType a = self->desc.dtype;
    const aclDataType b = mat2->desc.dtype;
    if ((a == ACL_BF16) != (b == ACL_BF16)) {
        return Fail(kAclnnErrParamInvalid, api,
                    "self dtype " + DataTypeName(a) + " and mat2 dtype " + DataTypeName(b) +
                        " can not be promoted: BF16 pairs only with BF16 on this device; cast one of them first");
    }
    promoted = PromoteTypes(a, b);
    ACLSIM_RETURN_IF_FAILED(CheckCastable(api, "promoted dtype", promoted, "out", out->desc.dtype));
    switch (cubeMathType) {
    case kKeepDtype:
    case kAllowFp32DownPrecision: return kAclnnSuccess;
    case kUseFp16:
        if (promoted == ACL_BF16) {
            return Fail(kAclnnErrParamInvalid, api,
                        "cubeMathType 2 (USE_FP16) is not supported for BF16 inputs; use 0 (KEEP_DTYPE)");
        }
        return kAclnnSuccess;
    case kUseHf32:
        if (promoted != ACL_FLOAT) {
            return Fail(kAclnnErrParamInvalid, api,
                        "cubeMathType 3 (USE_HF32) is only supported for FLOAT inputs, not " + DataTypeName(promoted) +
                            "; use 0 (KEEP_DTYPE)");
        }
        return kAclnnSuccess;
    default:
        return Fail(kAclnnErrParamInvalid, api,
                    "cubeMathType " + std::to_string(cubeMathType) +
                        " is not one of 0 (KEEP_DTYPE), 1 (ALLOW_FP32_DOWN_PRECISION), 2 (USE_FP16), 3 (USE_HF32)");
    }
}

aclnnStatus CheckOutNotOverlapping(const char *api, const aclTensor *out) {
    if (OverlapsItself(out->desc)) {
        return Fail(kAclnnErrParamInvalid, api,
                    "out's view " + out->desc.ShapeText() + " with strides " + ShapeText(out->desc.strides) +
                        " names some elements twice; give out distinct elements");
    }
    return kAclnnSuccess;
}

// minRank/maxRank: the ranks this API accepts; batchMustMatch: BatchMatMul's equal batch sizes.
aclnnStatus MatmulFirstPhase(const char *api, const char *opName, const char *kernelName, const aclTensor *self,
                             const aclTensor *mat2, const aclTensor *out, int8_t cubeMathType, size_t minRank,
                             size_t maxRank, uint64_t *workspaceSize, aclOpExecutor **executor) {
    ACLSIM_RETURN_IF_FAILED(
        CheckRequired(api, {{"self", self}, {"mat2", mat2}, {"out", out}}, workspaceSize, executor));
    aclDataType promoted = ACL_FLOAT;
    ACLSIM_RETURN_IF_FAILED(CheckTypes(api, self, mat2, out, cubeMathType, promoted));
    ACLSIM_RETURN_IF_FAILED(CheckRank(api, "self", self->desc, maxRank, minRank));
    ACLSIM_RETURN_IF_FAILED(CheckRank(api, "mat2", mat2->desc, maxRank, minRank));
    const std::vector<int64_t> &a = self->desc.viewDims;
    const std::vector<int64_t> &b = mat2->desc.viewDims;
    MatmulRequest request;
    request.kernelName = kernelName;
    request.selfIsVector = a.size() == 1;
    request.mat2IsVector = b.size() == 1;
    request.m = request.selfIsVector ? 1 : a[a.size() - 2];
    request.k = a.back();
    const int64_t mat2K = request.mat2IsVector ? b[0] : b[b.size() - 2];
    request.n = request.mat2IsVector ? 1 : b.back();
    if (mat2K != request.k) {
        return Fail(kAclnnErrParamInvalid, api,
                    "self " + self->desc.ShapeText() + " and mat2 " + mat2->desc.ShapeText() +
                        " can't be multiplied: self's last dim (" + std::to_string(request.k) +
                        ") must equal mat2's reduce dim (" + std::to_string(mat2K) + ")");
    }
    const std::vector<int64_t> selfBatch(a.begin(), a.end() - std::min<size_t>(a.size(), 2));
    const std::vector<int64_t> mat2Batch(b.begin(), b.end() - std::min<size_t>(b.size(), 2));
    if (minRank == 3 && selfBatch != mat2Batch) {
        return Fail(kAclnnErrParamInvalid, api,
                    "self " + self->desc.ShapeText() + " and mat2 " + mat2->desc.ShapeText() +
                        " have different batch sizes; aclnnBatchMatMul needs equal ones (aclnnMatmul broadcasts)");
    }
    ACLSIM_RETURN_IF_FAILED(
        Broadcast(api, "self's batch dims", selfBatch, "mat2's batch dims", mat2Batch, request.batchShape));
    std::vector<int64_t> expected = request.batchShape;
    if (!request.selfIsVector) {
        expected.push_back(request.m);
    }
    if (!request.mat2IsVector) {
        expected.push_back(request.n);
    }
    ACLSIM_RETURN_IF_FAILED(CheckOutShape(api, "out", out->desc, expected, "the matrix product's shape"));
    ACLSIM_RETURN_IF_FAILED(CheckLayout(api, "self", self->desc));
    ACLSIM_RETURN_IF_FAILED(CheckLayout(api, "mat2", mat2->desc));
    ACLSIM_RETURN_IF_FAILED(CheckLayout(api, "out", out->desc));
    ACLSIM_RETURN_IF_FAILED(CheckOutNotOverlapping(api, out));
    request.empty = out->desc.IsEmpty();
    // Both 1-d: a dot product, where cubeMathType has no effect.
    request.roundInputsToHalf =
        cubeMathType == kUseFp16 && promoted == ACL_FLOAT && !(request.selfIsVector && request.mat2IsVector);
    auto planner = [request = std::move(request)](const char *callingApi, const std::vector<TensorDesc> &bound,
                                                  std::shared_ptr<const DeviceKernel> &kernel) {
        return PlanMatmul(callingApi, request, bound, kernel);
    };
    return HandOutExecutor(api, opName, {self, mat2, out}, {0, 1}, {2}, std::move(planner), workspaceSize, executor);
}

} // namespace
} // namespace aclsim::nn

using namespace aclsim::nn;

aclnnStatus aclnnMatmulGetWorkspaceSize(const aclTensor *self, const aclTensor *mat2, aclTensor *out,
                                        int8_t cubeMathType, uint64_t *workspaceSize, aclOpExecutor **executor) {
    return MatmulFirstPhase("aclnnMatmulGetWorkspaceSize", "aclnnMatmul", "MatMulV2", self, mat2, out, cubeMathType, 1,
                            kMaxMatmulRank, workspaceSize, executor);
}

aclnnStatus aclnnMmGetWorkspaceSize(const aclTensor *self, const aclTensor *mat2, aclTensor *out, int8_t cubeMathType,
                                    uint64_t *workspaceSize, aclOpExecutor **executor) {
    return MatmulFirstPhase("aclnnMmGetWorkspaceSize", "aclnnMm", "MatMulV2", self, mat2, out, cubeMathType, 2, 2,
                            workspaceSize, executor);
}

aclnnStatus aclnnBatchMatMulGetWorkspaceSize(const aclTensor *self, const aclTensor *mat2, aclTensor *out,
                                             int8_t cubeMathType, uint64_t *workspaceSize, aclOpExecutor **executor) {
    return MatmulFirstPhase("aclnnBatchMatMulGetWorkspaceSize", "aclnnBatchMatMul", "BatchMatMulV2", self, mat2, out,
                            cubeMathType, 3, 3, workspaceSize, executor);
}

ACLSIM_SECOND_PHASE(aclnnMatmul)
ACLSIM_SECOND_PHASE(aclnnMm)
ACLSIM_SECOND_PHASE(aclnnBatchMatMul)
