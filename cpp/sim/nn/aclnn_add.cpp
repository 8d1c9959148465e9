// aclnnAdd, aclnnAdds, aclnnInplaceAdd, aclnnInplaceAdds: the two-phase API. The first phase
// validates as CANN's op_api does (null arguments 161001, everything else 161002), fixes the
// address-independent part of the computation (types, broadcast shape, alpha as of now) and
// plans the kernel against the tensors' current addresses; the second phase launches it.
#include <algorithm>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "aclnnop/aclnn_add.h"
#include "add_kernel.h"
#include "meta.h"
#include "status.h"

namespace aclsim::nn {
namespace {

constexpr size_t kMaxAddRank = 8;
static_assert(kMaxAddRank <= static_cast<size_t>(kMaxKernelRank), "the kernel iterates over the add's ranks");

// What the first phase fixed, independent of tensor addresses (which a rebind may change).
struct AddRequest {
    aclDataType computeType = ACL_FLOAT;
    std::vector<int64_t> shape; // broadcast shape == out's view shape
    bool empty = false;
    bool otherIsScalar = false;
    ArithValue alpha;
    ArithValue otherConstant;
    const char *kernelName = "Add";
};

// The binding slots of every add executor: self, then other (tensor variants), then out.
struct AddSlots {
    size_t self = 0;
    std::optional<size_t> other;
    size_t out = 0;
};

std::string Name(aclDataType dtype) { return DataTypeName(dtype); }

// ---- argument checks ----

aclnnStatus CheckSupportedType(const char *api, const char *argument, aclDataType dtype) {
    if (IsAddSupportedType(dtype)) {
        return kAclnnSuccess;
    }
    return Fail(kAclnnErrParamInvalid, api,
                std::string(argument) + " has dtype " + Name(dtype) + ", which is not supported; use one of " +
                    AddSupportedTypeList());
}

aclnnStatus CheckRank(const char *api, const char *argument, const TensorDesc &tensor) {
    if (tensor.Rank() <= kMaxAddRank) {
        return kAclnnSuccess;
    }
    return Fail(kAclnnErrParamInvalid, api,
                std::string(argument) + " has " + std::to_string(tensor.Rank()) + " dims " + tensor.ShapeText() +
                    "; at most " + std::to_string(kMaxAddRank) + " are supported, merge or split dims first");
}

// NumPy broadcasting: align right, size-1 dims stretch.
aclnnStatus Broadcast(const char *api, const char *firstName, const TensorDesc &first, const char *secondName,
                      const TensorDesc &second, std::vector<int64_t> &shape) {
    const size_t rank = std::max(first.Rank(), second.Rank());
    shape.assign(rank, 1);
    for (size_t i = 0; i < rank; ++i) {
        const size_t fromEnd = rank - 1 - i;
        const int64_t a = fromEnd < first.Rank() ? first.viewDims[first.Rank() - 1 - fromEnd] : 1;
        const int64_t b = fromEnd < second.Rank() ? second.viewDims[second.Rank() - 1 - fromEnd] : 1;
        if (a != b && a != 1 && b != 1) {
            return Fail(kAclnnErrParamInvalid, api,
                        std::string(firstName) + " shape " + first.ShapeText() + " and " + secondName + " shape " +
                            second.ShapeText() + " cannot be broadcast: dim " + std::to_string(i) +
                            " of the broadcast shape is " + std::to_string(a) + " vs " + std::to_string(b) +
                            " (each pair of dims, aligned from the right, must be equal or contain a 1)");
        }
        shape[i] = a == 1 ? b : a;
    }
    return kAclnnSuccess;
}

aclnnStatus CheckOutShape(const char *api, const char *outName, const TensorDesc &out,
                          const std::vector<int64_t> &expected, const char *expectedFrom) {
    if (out.viewDims == expected) {
        return kAclnnSuccess;
    }
    return Fail(kAclnnErrParamInvalid, api,
                std::string("shape of ") + outName + " should be " + ShapeText(expected) + " (" + expectedFrom +
                    "), but it is " + out.ShapeText() + "; " + outName + " is never resized");
}

// Layout facts that do not depend on the address: strides and the view's reach in its storage.
aclnnStatus CheckLayout(const char *api, const char *argument, const TensorDesc &tensor) {
    if (tensor.HasNegativeStride()) {
        return Fail(kAclnnErrParamInvalid, api,
                    std::string(argument) + " has a negative stride " + ShapeText(tensor.strides) +
                        "; negative strides are not supported, make the tensor contiguous first");
    }
    if (tensor.IsEmpty()) {
        return kAclnnSuccess;
    }
    const std::optional<int64_t> storage = tensor.StorageElementCount();
    const ElementSpan span = tensor.ReachableSpan();
    if (storage && span.last >= *storage) {
        return Fail(kAclnnErrParamInvalid, api,
                    std::string(argument) + " view " + tensor.ShapeText() + " with strides " +
                        ShapeText(tensor.strides) + " and offset " + std::to_string(tensor.offset) +
                        " reaches element " + std::to_string(span.last) + ", but its storage " +
                        ShapeText(tensor.storageDims) + " holds " + std::to_string(*storage) +
                        " elements; fix the strides, offset or storage dims");
    }
    return kAclnnSuccess;
}

// CANN's CheckPromoteType: alpha castable to the promoted type (an integer or BOOL alpha for BOOL),
// promoted type castable to out's type.
aclnnStatus CheckPromotion(const char *api, aclDataType promoted, const aclScalar &alpha, const char *outName,
                           aclDataType outType) {
    if (aclnnStatus status = CheckSupportedType(api, "alpha", alpha.dtype); status != kAclnnSuccess) {
        return status;
    }
    const bool alphaFits = promoted == ACL_BOOL ? (alpha.dtype == ACL_BOOL || IsIntegralType(alpha.dtype))
                                                : CanCast(alpha.dtype, promoted);
    if (!alphaFits) {
        return Fail(kAclnnErrParamInvalid, api,
                    "alpha dtype " + Name(alpha.dtype) + " can't be cast to the promoted dtype " + Name(promoted) +
                        (promoted == ACL_BOOL ? "; use a BOOL or integer alpha"
                                              : "; use an alpha of a type that casts to it (no complex alpha for "
                                                "integer or BOOL tensors)"));
    }
    if (aclnnStatus status = CheckSupportedType(api, outName, outType); status != kAclnnSuccess) {
        return status;
    }
    if (!CanCast(promoted, outType)) {
        return Fail(kAclnnErrParamInvalid, api,
                    "promoted dtype " + Name(promoted) + " can't be cast to the desired output dtype " +
                        Name(outType) + " of " + outName + "; choose an output dtype the result casts to");
    }
    return kAclnnSuccess;
}

// ---- values fixed at the first phase ----

ArithValue AlphaValue(const aclScalar &alpha, aclDataType computeType) {
    if (computeType == ACL_FLOAT16) {
        return ArithValue::Of(alpha.As<float>()); // Axpy takes alpha as float32
    }
    if (computeType == ACL_BF16) {
        return ArithValue::Of(RoundTo<BFloat16>(alpha.As<float>())); // Mul+Add: alpha becomes a BF16 tensor
    }
    ArithValue value;
    VisitElementType(computeType, [&](auto tag) {
        using A = ArithOf<typename decltype(tag)::type>;
        value = ArithValue::Of(alpha.As<A>());
    });
    return value;
}

// aclnnAdds converts `other` to a tensor of the promoted type.
ArithValue ScalarOperandValue(const aclScalar &other, aclDataType computeType) {
    ArithValue value;
    VisitElementType(computeType, [&](auto tag) {
        using P = typename decltype(tag)::type;
        value = ArithValue::Of(RoundTo<P>(other.As<ArithOf<P>>()));
    });
    return value;
}

bool IsOne(const ArithValue &value, aclDataType computeType) {
    bool one = false;
    VisitElementType(computeType, [&](auto tag) {
        using A = ArithOf<typename decltype(tag)::type>;
        one = value.As<A>() == A(1);
    });
    return one;
}

// The kernel CANN picks (its name appears in the model dump): Add when alpha is 1, else Axpy for
// the types it supports, else Mul followed by Add.
const char *KernelName(const ArithValue &alpha, aclDataType computeType) {
    if (IsOne(alpha, computeType)) {
        return "Add";
    }
    const bool axpy = computeType == ACL_FLOAT || computeType == ACL_INT32 || computeType == ACL_FLOAT16;
    return axpy ? "Axpy" : "Mul+Add";
}

// aclnnAdds' promotion with a scalar `other` (CANN, non-regbase chips): a scalar only lifts the
// category (integer -> float -> complex), never the width within self's category.
aclDataType PromoteWithScalar(aclDataType selfType, aclDataType scalarType, aclDataType outType) {
    if (IsComplexType(selfType) || IsComplexType(scalarType)) {
        return PromoteTypes(selfType, scalarType);
    }
    if (IsFloatingType(selfType)) {
        return selfType;
    }
    if (scalarType == ACL_DOUBLE && outType == ACL_FLOAT) {
        return ACL_FLOAT;
    }
    if (IsFloatingType(scalarType) || selfType == ACL_BOOL) {
        return PromoteTypes(selfType, scalarType);
    }
    return selfType;
}

// ---- planning against addresses ----

// Operand strides over the broadcast shape (0 along broadcast dims), then dims merged where every
// operand is contiguous across them, so the kernel's innermost rows are as long as possible.
struct MergedLayout {
    int rank = 0;
    int64_t shape[kMaxKernelRank] = {};
    int64_t strides[3][kMaxKernelRank] = {};
};

void BroadcastStrides(const TensorDesc &tensor, const std::vector<int64_t> &shape, int64_t *strides) {
    const size_t rank = shape.size();
    const size_t pad = rank - tensor.Rank();
    for (size_t i = 0; i < rank; ++i) {
        strides[i] = (i < pad || tensor.viewDims[i - pad] == 1) ? 0 : tensor.strides[i - pad];
    }
}

MergedLayout MergeDims(const std::vector<int64_t> &shape, const int64_t (&strides)[3][kMaxKernelRank]) {
    MergedLayout merged;
    for (size_t i = 0; i < shape.size(); ++i) {
        if (shape[i] == 1) {
            continue; // size-1 dims move nothing
        }
        if (merged.rank > 0) {
            const int last = merged.rank - 1;
            bool contiguous = true;
            for (int op = 0; op < 3; ++op) {
                contiguous = contiguous && merged.strides[op][last] == strides[op][i] * shape[i];
            }
            if (contiguous) {
                merged.shape[last] *= shape[i];
                for (int op = 0; op < 3; ++op) {
                    merged.strides[op][last] = strides[op][i];
                }
                continue;
            }
        }
        merged.shape[merged.rank] = shape[i];
        for (int op = 0; op < 3; ++op) {
            merged.strides[op][merged.rank] = strides[op][i];
        }
        ++merged.rank;
    }
    if (merged.rank == 0) { // a single element
        merged.rank = 1;
        merged.shape[0] = 1;
    }
    return merged;
}

// Whether two indices of the view can name the same element (sufficient test: sorted by stride,
// each stride must exceed the reach of all smaller ones).
bool OverlapsItself(const TensorDesc &tensor) {
    std::vector<std::pair<int64_t, int64_t>> dims; // (stride, size)
    for (size_t i = 0; i < tensor.Rank(); ++i) {
        if (tensor.viewDims[i] > 1) {
            dims.emplace_back(tensor.strides[i], tensor.viewDims[i]);
        }
    }
    std::sort(dims.begin(), dims.end());
    int64_t reach = 0;
    for (const auto &[stride, size] : dims) {
        if (stride <= reach) {
            return true;
        }
        reach += (size - 1) * stride;
    }
    return false;
}

unsigned char *ElementAddress(const TensorDesc &tensor, int64_t index) {
    return static_cast<unsigned char *>(tensor.data) + index * static_cast<int64_t>(aclDataTypeSize(tensor.dtype));
}

aclnnStatus PlanAdd(const char *api, const AddRequest &request, const AddSlots &slots,
                    const std::vector<TensorDesc> &bindings, std::shared_ptr<const DeviceKernel> &kernel) {
    if (request.empty) {
        kernel = nullptr; // empty tensors: no memory is touched, so none is checked
        return kAclnnSuccess;
    }
    const TensorDesc &self = bindings[slots.self];
    const TensorDesc &out = bindings[slots.out];
    const TensorDesc *other = slots.other ? &bindings[*slots.other] : nullptr;

    AddKernelPlan plan;
    plan.validatedEpoch = MemoryEpoch(); // read before checking: a free during the checks re-checks at run
    int32_t device = -1;
    const std::pair<const char *, const TensorDesc *> tensors[] = {{"self", &self}, {"other", other}, {"out", &out}};
    for (const auto &[argument, tensor] : tensors) {
        if (tensor == nullptr) {
            continue;
        }
        const ElementSpan span = tensor->ReachableSpan();
        const KernelRange range{ElementAddress(*tensor, span.first),
                                static_cast<size_t>(span.last - span.first + 1) * aclDataTypeSize(tensor->dtype)};
        int32_t tensorDevice = -1;
        if (!IsDeviceRange(range.begin, range.bytes, &tensorDevice)) {
            return Fail(kAclnnErrParamInvalid, api,
                        std::string(argument) + " data (" + std::to_string(range.bytes) +
                            " bytes reachable through its view) does not lie inside one live aclrtMalloc "
                            "allocation; tensors must point to device memory");
        }
        if (device >= 0 && tensorDevice != device) {
            return Fail(kAclnnErrParamInvalid, api,
                        std::string(argument) + " is on device " + std::to_string(tensorDevice) +
                            " but an earlier tensor is on device " + std::to_string(device) +
                            "; all tensors of one operator must be on the same device");
        }
        device = tensorDevice;
        plan.ranges[plan.rangeCount++] = range;
    }

    int64_t strides[3][kMaxKernelRank] = {};
    BroadcastStrides(self, request.shape, strides[0]);
    if (other != nullptr) {
        BroadcastStrides(*other, request.shape, strides[1]);
    }
    BroadcastStrides(out, request.shape, strides[2]);
    const MergedLayout layout = MergeDims(request.shape, strides);

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
    plan.otherIsConstant = request.otherIsScalar;
    plan.otherConstant = request.otherConstant;
    plan.alpha = request.alpha;
    plan.outOverlapsItself = OverlapsItself(out);
    kernel = MakeAddKernel(plan);
    if (!kernel) {
        return Fail(kAclnnErrInner, api, "no kernel for compute dtype " + Name(request.computeType));
    }
    return kAclnnSuccess;
}

// Creates the executor, plans its kernel and hands it out.
aclnnStatus MakeExecutor(const char *api, const char *opName, AddRequest request, AddSlots slots,
                         std::vector<const aclTensor *> tensors, std::vector<size_t> inputSlots,
                         uint64_t *workspaceSize, aclOpExecutor **executor) {
    std::vector<TensorDesc> bindings;
    bindings.reserve(tensors.size());
    for (const aclTensor *tensor : tensors) {
        bindings.push_back(tensor->desc);
    }
    auto planner = [request = std::move(request), slots](const char *callingApi, const std::vector<TensorDesc> &bound,
                                                         std::shared_ptr<const DeviceKernel> &kernel) {
        return PlanAdd(callingApi, request, slots, bound, kernel);
    };
    auto made = std::make_unique<aclOpExecutor>(opName, std::move(bindings), std::move(tensors), std::move(inputSlots),
                                                std::vector<size_t>{slots.out}, std::move(planner));
    if (aclnnStatus status = made->Plan(api); status != kAclnnSuccess) {
        return status;
    }
    *workspaceSize = 0; // the kernel reads strided views directly: no staging buffers on the device
    RegisterExecutor(std::move(made), executor);
    return kAclnnSuccess;
}

// The first NULL among the named arguments (in order), or nullptr.
const char *FirstNull(std::initializer_list<std::pair<const char *, const void *>> arguments) {
    for (const auto &[name, pointer] : arguments) {
        if (pointer == nullptr) {
            return name;
        }
    }
    return nullptr;
}

aclnnStatus CheckOutputPointers(const char *api, uint64_t *workspaceSize, aclOpExecutor **executor) {
    if (workspaceSize == nullptr || executor == nullptr) {
        return Fail(kAclnnErrParamNullptr, api, "workspaceSize and executor must point to variables to fill");
    }
    return kAclnnSuccess;
}

// Returns the status of a check that failed (its message is already recorded).
#define ACLSIM_RETURN_IF_FAILED(expression)                                                                     \
    do {                                                                                                        \
        if (const aclnnStatus status_ = (expression); status_ != kAclnnSuccess) {                                \
            return status_;                                                                                     \
        }                                                                                                       \
    } while (0)

// aclnnAdd with out (or selfRef for the in-place variant, in which case outName says so).
aclnnStatus AddTensors(const char *api, const char *opName, const aclTensor *self, const aclTensor *other,
                       const aclScalar *alpha, const aclTensor *out, const char *outName, uint64_t *workspaceSize,
                       aclOpExecutor **executor) {
    if (const char *missing = FirstNull({{"self", self}, {"other", other}, {"alpha", alpha}, {outName, out}})) {
        return Fail(kAclnnErrParamNullptr, api,
                    std::string(missing) +
                        " is NULL; pass tensors from aclCreateTensor and alpha from aclCreateScalar");
    }
    ACLSIM_RETURN_IF_FAILED(CheckOutputPointers(api, workspaceSize, executor));
    ACLSIM_RETURN_IF_FAILED(CheckSupportedType(api, "self", self->desc.dtype));
    ACLSIM_RETURN_IF_FAILED(CheckSupportedType(api, "other", other->desc.dtype));
    AddRequest request;
    request.computeType = PromoteTypes(self->desc.dtype, other->desc.dtype);
    if (request.computeType == ACL_DT_UNDEFINED) {
        return Fail(kAclnnErrParamInvalid, api,
                    "self dtype " + Name(self->desc.dtype) + " and other dtype " + Name(other->desc.dtype) +
                        " can not be promoted to a common dtype; cast one of them first");
    }
    ACLSIM_RETURN_IF_FAILED(CheckPromotion(api, request.computeType, *alpha, outName, out->desc.dtype));
    ACLSIM_RETURN_IF_FAILED(CheckRank(api, "self", self->desc));
    ACLSIM_RETURN_IF_FAILED(CheckRank(api, "other", other->desc));
    ACLSIM_RETURN_IF_FAILED(Broadcast(api, "self", self->desc, "other", other->desc, request.shape));
    ACLSIM_RETURN_IF_FAILED(
        CheckOutShape(api, outName, out->desc, request.shape, "the broadcast shape of self and other"));
    ACLSIM_RETURN_IF_FAILED(CheckLayout(api, "self", self->desc));
    ACLSIM_RETURN_IF_FAILED(CheckLayout(api, "other", other->desc));
    ACLSIM_RETURN_IF_FAILED(CheckLayout(api, outName, out->desc));

    request.empty = self->desc.IsEmpty() || other->desc.IsEmpty();
    request.alpha = AlphaValue(*alpha, request.computeType);
    request.kernelName = KernelName(request.alpha, request.computeType);
    return MakeExecutor(api, opName, std::move(request), AddSlots{0, 1, 2}, {self, other, out}, {0, 1}, workspaceSize,
                        executor);
}

aclnnStatus AddScalar(const char *api, const char *opName, const aclTensor *self, const aclScalar *other,
                      const aclScalar *alpha, const aclTensor *out, const char *outName, uint64_t *workspaceSize,
                      aclOpExecutor **executor) {
    if (const char *missing = FirstNull({{"self", self}, {"other", other}, {"alpha", alpha}, {outName, out}})) {
        return Fail(kAclnnErrParamNullptr, api,
                    std::string(missing) +
                        " is NULL; pass a tensor from aclCreateTensor and scalars from aclCreateScalar");
    }
    ACLSIM_RETURN_IF_FAILED(CheckOutputPointers(api, workspaceSize, executor));
    ACLSIM_RETURN_IF_FAILED(CheckSupportedType(api, "self", self->desc.dtype));
    ACLSIM_RETURN_IF_FAILED(CheckSupportedType(api, "other", other->dtype));
    AddRequest request;
    request.computeType = PromoteWithScalar(self->desc.dtype, other->dtype, out->desc.dtype);
    if (request.computeType == ACL_DT_UNDEFINED) {
        return Fail(kAclnnErrParamInvalid, api,
                    "self dtype " + Name(self->desc.dtype) + " and other dtype " + Name(other->dtype) +
                        " can not be promoted to a common dtype; use another scalar dtype");
    }
    ACLSIM_RETURN_IF_FAILED(CheckPromotion(api, request.computeType, *alpha, outName, out->desc.dtype));
    ACLSIM_RETURN_IF_FAILED(CheckRank(api, "self", self->desc));
    ACLSIM_RETURN_IF_FAILED(CheckOutShape(api, outName, out->desc, self->desc.viewDims, "the shape of self"));
    ACLSIM_RETURN_IF_FAILED(CheckLayout(api, "self", self->desc));
    ACLSIM_RETURN_IF_FAILED(CheckLayout(api, outName, out->desc));

    request.shape = self->desc.viewDims;
    request.empty = self->desc.IsEmpty();
    request.otherIsScalar = true;
    request.otherConstant = ScalarOperandValue(*other, request.computeType);
    request.alpha = AlphaValue(*alpha, request.computeType);
    request.kernelName = KernelName(request.alpha, request.computeType);
    return MakeExecutor(api, opName, std::move(request), AddSlots{0, std::nullopt, 1}, {self, out}, {0}, workspaceSize,
                        executor);
}

#undef ACLSIM_RETURN_IF_FAILED

} // namespace
} // namespace aclsim::nn

using namespace aclsim::nn;

aclnnStatus aclnnAddGetWorkspaceSize(const aclTensor *self, const aclTensor *other, const aclScalar *alpha,
                                     aclTensor *out, uint64_t *workspaceSize, aclOpExecutor **executor) {
    return AddTensors("aclnnAddGetWorkspaceSize", "aclnnAdd", self, other, alpha, out, "out", workspaceSize, executor);
}

aclnnStatus aclnnAddsGetWorkspaceSize(const aclTensor *self, const aclScalar *other, const aclScalar *alpha,
                                      aclTensor *out, uint64_t *workspaceSize, aclOpExecutor **executor) {
    return AddScalar("aclnnAddsGetWorkspaceSize", "aclnnAdds", self, other, alpha, out, "out", workspaceSize, executor);
}

aclnnStatus aclnnInplaceAddGetWorkspaceSize(const aclTensor *selfRef, const aclTensor *other, const aclScalar *alpha,
                                            uint64_t *workspaceSize, aclOpExecutor **executor) {
    const char *api = "aclnnInplaceAddGetWorkspaceSize";
    if (const char *missing = FirstNull({{"selfRef", selfRef}, {"other", other}})) {
        return Fail(kAclnnErrParamNullptr, api, std::string(missing) + " is NULL; pass tensors from aclCreateTensor");
    }
    // The result is written into selfRef, so broadcasting may not grow it.
    std::vector<int64_t> shape;
    if (aclnnStatus status = Broadcast(api, "selfRef", selfRef->desc, "other", other->desc, shape);
        status != kAclnnSuccess) {
        return status;
    }
    if (aclnnStatus status =
            CheckOutShape(api, "selfRef", selfRef->desc, shape, "the broadcast shape of selfRef and other");
        status != kAclnnSuccess) {
        return status;
    }
    return AddTensors(api, "aclnnInplaceAdd", selfRef, other, alpha, selfRef, "selfRef", workspaceSize, executor);
}

aclnnStatus aclnnInplaceAddsGetWorkspaceSize(const aclTensor *selfRef, const aclScalar *other, const aclScalar *alpha,
                                             uint64_t *workspaceSize, aclOpExecutor **executor) {
    return AddScalar("aclnnInplaceAddsGetWorkspaceSize", "aclnnInplaceAdds", selfRef, other, alpha, selfRef, "selfRef",
                     workspaceSize, executor);
}

aclnnStatus aclnnAdd(void *workspace, uint64_t workspaceSize, aclOpExecutor *executor, aclrtStream stream) {
    return RunExecutor("aclnnAdd", workspace, workspaceSize, executor, stream);
}

aclnnStatus aclnnAdds(void *workspace, uint64_t workspaceSize, aclOpExecutor *executor, aclrtStream stream) {
    return RunExecutor("aclnnAdds", workspace, workspaceSize, executor, stream);
}

aclnnStatus aclnnInplaceAdd(void *workspace, uint64_t workspaceSize, aclOpExecutor *executor, aclrtStream stream) {
    return RunExecutor("aclnnInplaceAdd", workspace, workspaceSize, executor, stream);
}

aclnnStatus aclnnInplaceAdds(void *workspace, uint64_t workspaceSize, aclOpExecutor *executor, aclrtStream stream) {
    return RunExecutor("aclnnInplaceAdds", workspace, workspaceSize, executor, stream);
}
