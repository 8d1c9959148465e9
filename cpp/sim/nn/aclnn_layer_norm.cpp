// aclnnLayerNorm: out = (input - mean) * rstd * weight + bias over the trailing normalizedShape
// dims, rstd = 1 / sqrt(variance + eps) with the biased variance. Checks as CANN's layer_norm_v4
// op_api: FLOAT, FLOAT16, BF16 everywhere; weight and bias of normalizedShape and of input's
// dtype unless FLOAT, and of one dtype when both are given; 1 to 8 normalised dims matching
// input's trailing dims; out of input's shape. meanOutOptional and rstdOutOptional (input's
// leading dims, then 1s) receive the row statistics in their own dtype; all compute is float32.
#include <string>
#include <utility>
#include <vector>

#include "aclnnop/aclnn_layer_norm.h"
#include "reduction_kernels.h"

namespace aclsim::nn {
namespace {

const std::vector<aclDataType> kLayerNormTypes = {ACL_FLOAT16, ACL_FLOAT, ACL_BF16};
constexpr size_t kMaxLayerNormRank = 8;

// Binding slots.
enum Slot : size_t { kInput, kWeight, kBias, kOut, kMean, kRstd, kSlots };

struct LayerNormRequest {
    int64_t rows = 1;
    int64_t length = 1;
    float eps = 0;
    bool empty = false;
    bool present[kSlots] = {}; // which optional tensors were given
};

aclnnStatus PlanLayerNorm(const char *api, const LayerNormRequest &request, const std::vector<TensorDesc> &bindings,
                          std::shared_ptr<const DeviceKernel> &kernel) {
    if (request.empty) {
        kernel = nullptr;
        return kAclnnSuccess;
    }
    auto present = [&](size_t slot) { return request.present[slot] ? &bindings[slot] : nullptr; };
    LayerNormPlan plan;
    ACLSIM_RETURN_IF_FAILED(ValidateDeviceMemory(api,
                                                 {{"input", &bindings[kInput]},
                                                  {"weightOptional", present(kWeight)},
                                                  {"biasOptional", present(kBias)},
                                                  {"out", &bindings[kOut]},
                                                  {"meanOutOptional", present(kMean)},
                                                  {"rstdOutOptional", present(kRstd)}},
                                                 plan.memory));
    plan.input = ViewOf(bindings[kInput]);
    plan.out = ViewOf(bindings[kOut]);
    StridedView *optional[] = {&plan.weight, &plan.bias, &plan.mean, &plan.rstd};
    const size_t slots[] = {kWeight, kBias, kMean, kRstd};
    for (size_t i = 0; i < 4; ++i) {
        if (present(slots[i]) != nullptr && !bindings[slots[i]].IsEmpty()) {
            *optional[i] = ViewOf(bindings[slots[i]]);
        }
    }
    plan.rows = request.rows;
    plan.length = request.length;
    plan.eps = request.eps;
    kernel = MakeLayerNormKernel(plan);
    return kAclnnSuccess;
}

aclnnStatus CheckAffine(const char *api, const char *name, const aclTensor *tensor, const aclTensor *input,
                        const std::vector<int64_t> &normalized) {
    if (tensor == nullptr) {
        return kAclnnSuccess;
    }
    ACLSIM_RETURN_IF_FAILED(CheckTypeIn(api, name, tensor->desc.dtype, kLayerNormTypes));
    if (tensor->desc.dtype != ACL_FLOAT && tensor->desc.dtype != input->desc.dtype) {
        return Fail(kAclnnErrParamInvalid, api,
                    std::string(name) + " has dtype " + DataTypeName(tensor->desc.dtype) + " but input has " +
                        DataTypeName(input->desc.dtype) + "; use input's dtype or FLOAT");
    }
    ACLSIM_RETURN_IF_FAILED(CheckOutShape(api, name, tensor->desc, normalized, "normalizedShape"));
    return CheckLayout(api, name, tensor->desc);
}

aclnnStatus CheckStatistics(const char *api, const char *name, const aclTensor *tensor, const aclTensor *input,
                            size_t beginAxis) {
    if (tensor == nullptr) {
        return kAclnnSuccess;
    }
    ACLSIM_RETURN_IF_FAILED(CheckTypeIn(api, name, tensor->desc.dtype, kLayerNormTypes));
    std::vector<int64_t> expected = input->desc.viewDims;
    std::fill(expected.begin() + static_cast<std::ptrdiff_t>(beginAxis), expected.end(), 1);
    ACLSIM_RETURN_IF_FAILED(
        CheckOutShape(api, name, tensor->desc, expected, "input's leading dims, then a 1 per normalised dim"));
    return CheckLayout(api, name, tensor->desc);
}

} // namespace
} // namespace aclsim::nn

using namespace aclsim::nn;

aclnnStatus aclnnLayerNormGetWorkspaceSize(const aclTensor *input, const aclIntArray *normalizedShape,
                                           const aclTensor *weightOptional, const aclTensor *biasOptional, double eps,
                                           aclTensor *out, aclTensor *meanOutOptional, aclTensor *rstdOutOptional,
                                           uint64_t *workspaceSize, aclOpExecutor **executor) {
    const char *api = "aclnnLayerNormGetWorkspaceSize";
    ACLSIM_RETURN_IF_FAILED(CheckRequired(api, {{"input", input}, {"normalizedShape", normalizedShape}, {"out", out}},
                                          workspaceSize, executor));
    ACLSIM_RETURN_IF_FAILED(CheckTypeIn(api, "input", input->desc.dtype, kLayerNormTypes));
    ACLSIM_RETURN_IF_FAILED(CheckTypeIn(api, "out", out->desc.dtype, kLayerNormTypes));
    if (weightOptional != nullptr && biasOptional != nullptr &&
        weightOptional->desc.dtype != biasOptional->desc.dtype) {
        return Fail(kAclnnErrParamInvalid, api,
                    "weightOptional has dtype " + DataTypeName(weightOptional->desc.dtype) + " but biasOptional has " +
                        DataTypeName(biasOptional->desc.dtype) + "; give them one dtype");
    }
    ACLSIM_RETURN_IF_FAILED(CheckRank(api, "input", input->desc, kMaxLayerNormRank));
    const std::vector<int64_t> &normalized = normalizedShape->values;
    if (normalized.empty() || normalized.size() > input->desc.Rank()) {
        return Fail(kAclnnErrParamInvalid, api,
                    "normalizedShape " + ShapeText(normalized) + " must have 1 to " +
                        std::to_string(input->desc.Rank()) + " dims (input is " + input->desc.ShapeText() + ")");
    }
    const size_t beginAxis = input->desc.Rank() - normalized.size();
    if (!std::equal(normalized.begin(), normalized.end(), input->desc.viewDims.begin() + beginAxis)) {
        return Fail(kAclnnErrParamInvalid, api,
                    "normalizedShape " + ShapeText(normalized) + " must equal input's trailing dims (input is " +
                        input->desc.ShapeText() + ")");
    }
    ACLSIM_RETURN_IF_FAILED(CheckAffine(api, "weightOptional", weightOptional, input, normalized));
    ACLSIM_RETURN_IF_FAILED(CheckAffine(api, "biasOptional", biasOptional, input, normalized));
    ACLSIM_RETURN_IF_FAILED(CheckOutShape(api, "out", out->desc, input->desc.viewDims, "the shape of input"));
    ACLSIM_RETURN_IF_FAILED(CheckStatistics(api, "meanOutOptional", meanOutOptional, input, beginAxis));
    ACLSIM_RETURN_IF_FAILED(CheckStatistics(api, "rstdOutOptional", rstdOutOptional, input, beginAxis));
    ACLSIM_RETURN_IF_FAILED(CheckLayout(api, "input", input->desc));
    ACLSIM_RETURN_IF_FAILED(CheckLayout(api, "out", out->desc));

    LayerNormRequest request;
    for (size_t d = 0; d < input->desc.Rank(); ++d) {
        (d < beginAxis ? request.rows : request.length) *= input->desc.viewDims[d];
    }
    request.eps = static_cast<float>(eps);
    request.empty = input->desc.IsEmpty();
    const aclTensor *given[kSlots] = {input, weightOptional, biasOptional, out, meanOutOptional, rstdOutOptional};
    for (size_t slot = 0; slot < kSlots; ++slot) {
        request.present[slot] = given[slot] != nullptr;
    }
    auto planner = [request](const char *callingApi, const std::vector<TensorDesc> &bound,
                             std::shared_ptr<const aclsim::DeviceKernel> &kernel) {
        return PlanLayerNorm(callingApi, request, bound, kernel);
    };
    // Inputs: input, weight, bias; outputs: out, mean, rstd (absent ones bind no memory).
    return HandOutExecutor(api, "aclnnLayerNorm",
                           {input, weightOptional, biasOptional, out, meanOutOptional, rstdOutOptional},
                           {kInput, kWeight, kBias}, {kOut, kMean, kRstd}, std::move(planner), workspaceSize, executor);
}

ACLSIM_SECOND_PHASE(aclnnLayerNorm)
