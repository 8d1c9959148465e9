// aclnnSoftmax(self, dim, out): out = e^(self - max) / sum(e^(self - max)) along dim. As in CANN's
// softmax_v2 op_api: FLOAT, FLOAT16, BF16, DOUBLE for self and out (out may differ from self),
// dim in [-rank, rank) (a 0-d tensor counts as 1-d), at most 8 dims, out of self's shape.
#include <string>
#include <utility>
#include <vector>

#include "aclnnop/aclnn_softmax.h"
#include "reduction_kernels.h"

namespace aclsim::nn {
namespace {

const std::vector<aclDataType> kSoftmaxTypes = {ACL_FLOAT, ACL_FLOAT16, ACL_DOUBLE, ACL_BF16};
constexpr size_t kMaxSoftmaxRank = 8;

struct SoftmaxRequest {
    aclDataType computeType = ACL_FLOAT;
    int64_t outer = 1, length = 1, inner = 1;
    bool empty = false;
};

aclnnStatus PlanSoftmax(const char *api, const SoftmaxRequest &request, const std::vector<TensorDesc> &bindings,
                        std::shared_ptr<const DeviceKernel> &kernel) {
    if (request.empty) {
        kernel = nullptr;
        return kAclnnSuccess;
    }
    SoftmaxPlan plan;
    ACLSIM_RETURN_IF_FAILED(ValidateDeviceMemory(api, {{"self", &bindings[0]}, {"out", &bindings[1]}}, plan.memory));
    plan.self = ViewOf(bindings[0]);
    plan.out = ViewOf(bindings[1]);
    plan.computeType = request.computeType;
    plan.outer = request.outer;
    plan.length = request.length;
    plan.inner = request.inner;
    kernel = MakeSoftmaxKernel(plan);
    return kAclnnSuccess;
}

} // namespace
} // namespace aclsim::nn

using namespace aclsim::nn;

aclnnStatus aclnnSoftmaxGetWorkspaceSize(const aclTensor *self, int64_t dim, aclTensor *out, uint64_t *workspaceSize,
                                         aclOpExecutor **executor) {
    const char *api = "aclnnSoftmaxGetWorkspaceSize";
    ACLSIM_RETURN_IF_FAILED(CheckRequired(api, {{"self", self}, {"out", out}}, workspaceSize, executor));
    ACLSIM_RETURN_IF_FAILED(CheckTypeIn(api, "self", self->desc.dtype, kSoftmaxTypes));
    ACLSIM_RETURN_IF_FAILED(CheckTypeIn(api, "out", out->desc.dtype, kSoftmaxTypes));
    ACLSIM_RETURN_IF_FAILED(CheckRank(api, "self", self->desc, kMaxSoftmaxRank));
    const auto rank = static_cast<int64_t>(self->desc.Rank());
    const int64_t dims = rank == 0 ? 1 : rank;
    if (dim < -dims || dim >= dims) {
        return Fail(kAclnnErrParamInvalid, api,
                    "dim " + std::to_string(dim) + " is out of range for self with " + std::to_string(rank) +
                        " dims; use a dim in [" + std::to_string(-dims) + ", " + std::to_string(dims - 1) + "]");
    }
    ACLSIM_RETURN_IF_FAILED(CheckOutShape(api, "out", out->desc, self->desc.viewDims, "the shape of self"));
    ACLSIM_RETURN_IF_FAILED(CheckLayout(api, "self", self->desc));
    ACLSIM_RETURN_IF_FAILED(CheckLayout(api, "out", out->desc));
    SoftmaxRequest request;
    // f16/bf16 compute in float32; a DOUBLE on either side computes in double.
    request.computeType =
        (self->desc.dtype == ACL_DOUBLE || out->desc.dtype == ACL_DOUBLE) ? ACL_DOUBLE : out->desc.dtype;
    const int64_t axis = rank == 0 ? 0 : (dim < 0 ? dim + rank : dim);
    for (int64_t d = 0; d < rank; ++d) {
        const int64_t size = self->desc.viewDims[static_cast<size_t>(d)];
        (d < axis ? request.outer : d == axis ? request.length : request.inner) *= size;
    }
    request.empty = self->desc.IsEmpty();
    auto planner = [request](const char *callingApi, const std::vector<TensorDesc> &bound,
                             std::shared_ptr<const aclsim::DeviceKernel> &kernel) {
        return PlanSoftmax(callingApi, request, bound, kernel);
    };
    return HandOutExecutor(api, "aclnnSoftmax", {self, out}, {0}, {1}, std::move(planner), workspaceSize, executor);
}

ACLSIM_SECOND_PHASE(aclnnSoftmax)
