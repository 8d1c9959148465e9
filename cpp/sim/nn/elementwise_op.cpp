#include "elementwise_op.h"

#include <algorithm>
#include <cstring>
#include <utility>

namespace aclsim::nn {
namespace {

aclnnStatus PlanElementwise(const char *api, const ElementwiseRequest &request, const ElementwiseSlots &slots,
                            const std::vector<TensorDesc> &bindings, std::shared_ptr<const DeviceKernel> &kernel) {
    if (request.empty) {
        kernel = nullptr; // empty tensors: no memory is touched, so none is checked
        return kAclnnSuccess;
    }
    const TensorDesc &self = bindings[slots.self];
    const TensorDesc &out = bindings[slots.out];
    const TensorDesc *other = slots.other ? &bindings[*slots.other] : nullptr;

    ElementwiseKernelPlan plan;
    ACLSIM_RETURN_IF_FAILED(ValidateDeviceMemory(api, {{"self", &self}, {"other", other}, {"out", &out}}, plan.memory));

    int64_t strides[MergedLayout::kMaxOperands][kMaxKernelRank] = {};
    BroadcastStrides(self, request.shape, strides[0]);
    if (other != nullptr) {
        BroadcastStrides(*other, request.shape, strides[1]);
    }
    BroadcastStrides(out, request.shape, strides[2]);
    const MergedLayout layout = MergeDims(request.shape, strides, 3);

    plan.op = request.op;
    plan.name = request.kernelName;
    plan.computeType = request.computeType;
    plan.rank = layout.rank;
    plan.elementCount = out.ElementCount();
    std::copy(layout.shape, layout.shape + layout.rank, plan.shape);
    KernelOperand *operands[3] = {&plan.self, &plan.other, &plan.out};
    const TensorDesc *descs[3] = {&self, other, &out};
    for (int op = 0; op < 3; ++op) {
        if (descs[op] == nullptr) {
            continue;
        }
        operands[op]->base = ElementAddress(*descs[op], descs[op]->offset);
        operands[op]->dtype = descs[op]->dtype;
        std::copy(layout.strides[op], layout.strides[op] + layout.rank, operands[op]->strides);
    }
    plan.otherIsConstant = !slots.other.has_value();
    plan.otherConstant = request.otherConstant;
    plan.alpha = request.alpha;
    plan.outOverlapsItself = OverlapsItself(out);
    kernel = MakeElementwiseKernel(plan);
    if (!kernel) {
        return Fail(kAclnnErrInner, api, "no kernel for compute dtype " + DataTypeName(request.computeType));
    }
    return kAclnnSuccess;
}

} // namespace

aclnnStatus MakeElementwiseExecutor(const char *api, const char *opName, ElementwiseRequest request,
                                    ElementwiseSlots slots, std::vector<const aclTensor *> tensors,
                                    std::vector<size_t> inputSlots, uint64_t *workspaceSize, aclOpExecutor **executor) {
    auto plannerFor = [slots](ElementwiseRequest planned) -> aclOpExecutor::Planner {
        return [planned = std::move(planned), slots](const char *callingApi, const std::vector<TensorDesc> &bound,
                                                     std::shared_ptr<const DeviceKernel> &kernel) {
            return PlanElementwise(callingApi, planned, slots, bound, kernel);
        };
    };
    std::vector<KernelScalar> scalars;
    auto asScalar = [](const ArithValue &value) {
        KernelScalar scalar;
        std::memcpy(scalar.bytes, value.bytes, sizeof scalar.bytes);
        return scalar;
    };
    if (request.otherIsArgument) {
        scalars.push_back(asScalar(request.otherConstant));
    }
    if (request.alphaIsArgument) {
        scalars.push_back(asScalar(request.alpha));
    }
    // Other scalar values plan the same kernel with those values (its name stays).
    aclOpExecutor::ScalarPlanner scalarPlanner = [request, plannerFor](const std::vector<KernelScalar> &values) {
        ElementwiseRequest changed = request;
        size_t next = 0;
        if (changed.otherIsArgument) {
            std::memcpy(changed.otherConstant.bytes, values[next++].bytes, sizeof changed.otherConstant.bytes);
        }
        if (changed.alphaIsArgument) {
            std::memcpy(changed.alpha.bytes, values[next++].bytes, sizeof changed.alpha.bytes);
        }
        return plannerFor(std::move(changed));
    };
    const bool takesScalars = !scalars.empty();
    return HandOutExecutor(api, opName, std::move(tensors), std::move(inputSlots), std::vector<size_t>{slots.out},
                           plannerFor(std::move(request)), workspaceSize, executor, std::move(scalars),
                           takesScalars ? std::move(scalarPlanner) : nullptr);
}

ArithValue ScalarAs(const aclScalar &scalar, aclDataType computeType) {
    ArithValue value;
    VisitElementType(computeType, [&](auto tag) {
        using P = typename decltype(tag)::type;
        value = ArithValue::Of(RoundTo<P>(scalar.As<ArithOf<P>>()));
    });
    return value;
}

} // namespace aclsim::nn
