// The binary elementwise operators with their tensor, scalar and in-place variants: aclnnAdd and
// aclnnSub (out = self +- alpha * other), aclnnMul, aclnnDiv (true division) and aclnnMaximum.
// The first phase validates as CANN's op_api does (null arguments 161001, everything else 161002),
// fixes the address-independent part of the computation (types, broadcast shape, scalars as of
// now) and plans the kernel against the tensors' current addresses; the second phase launches it.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "aclnnop/aclnn_add.h"
#include "aclnnop/aclnn_div.h"
#include "aclnnop/aclnn_maximum.h"
#include "aclnnop/aclnn_mul.h"
#include "aclnnop/aclnn_sub.h"
#include "elementwise_op.h"

namespace aclsim::nn {
namespace {

// The twelve types of Add, Sub, Mul and Div (CANN's A2/A3 lists, with BF16).
const std::vector<aclDataType> &kArithmeticTypes = StoredTypes();
// aclnnMaximum: no complex types.
const std::vector<aclDataType> kMaximumTypes = {ACL_FLOAT, ACL_FLOAT16, ACL_BF16,  ACL_DOUBLE, ACL_INT8,
                                                ACL_INT16, ACL_INT32,   ACL_INT64, ACL_UINT8,  ACL_BOOL};

// What distinguishes one binary operator from another.
struct BinaryOperator {
    ElementOp element;
    const char *kernel; // its kernel's name when no alpha changes it
    const std::vector<aclDataType> &types;
    bool hasAlpha;     // Add and Sub
    bool trueDivision; // Div: integer and BOOL operands compute in FLOAT
};

const BinaryOperator kAdd{ElementOp::kAxpy, "Add", kArithmeticTypes, true, false};
const BinaryOperator kSub{ElementOp::kSubAxpy, "Sub", kArithmeticTypes, true, false};
const BinaryOperator kMul{ElementOp::kMul, "Mul", kArithmeticTypes, false, false};
const BinaryOperator kDiv{ElementOp::kDiv, "RealDiv", kArithmeticTypes, false, true};
const BinaryOperator kMaximum{ElementOp::kMaximum, "Maximum", kMaximumTypes, false, false};

std::string Name(aclDataType dtype) {
    return DataTypeName(dtype);
}

// CANN's CheckPromoteType: alpha castable to the promoted type (an integer or BOOL alpha for BOOL).
aclnnStatus CheckAlpha(const char *api, aclDataType promoted, const aclScalar &alpha) {
    ACLSIM_RETURN_IF_FAILED(CheckTypeIn(api, "alpha", alpha.dtype, kArithmeticTypes));
    const bool alphaFits = promoted == ACL_BOOL ? (alpha.dtype == ACL_BOOL || IsIntegralType(alpha.dtype))
                                                : CanCast(alpha.dtype, promoted);
    if (!alphaFits) {
        return Fail(kAclnnErrParamInvalid, api,
                    "alpha dtype " + Name(alpha.dtype) + " can't be cast to the promoted dtype " + Name(promoted) +
                        (promoted == ACL_BOOL ? "; use a BOOL or integer alpha"
                                              : "; use an alpha of a type that casts to it (no complex alpha for "
                                                "integer or BOOL tensors)"));
    }
    return kAclnnSuccess;
}

// Alpha in the compute type as CANN's kernels see it: f16 Axpy takes it as float32, bf16 as a
// bf16 tensor of Mul+Add.
ArithValue AlphaValue(const aclScalar &alpha, aclDataType computeType) {
    if (computeType == ACL_FLOAT16) {
        return ArithValue::Of(alpha.As<float>());
    }
    return ScalarAs(alpha, computeType);
}

bool IsOne(const ArithValue &value, aclDataType computeType) {
    bool one = false;
    VisitElementType(computeType, [&](auto tag) {
        using A = ArithOf<typename decltype(tag)::type>;
        one = value.As<A>() == A(1);
    });
    return one;
}

// The kernel CANN picks (its name appears in the model dump): Add/Sub when alpha is 1, else Axpy
// for the types it supports, else Mul followed by Add/Sub.
const char *KernelName(const BinaryOperator &op, const ArithValue &alpha, aclDataType computeType) {
    if (!op.hasAlpha || IsOne(alpha, computeType)) {
        return op.kernel;
    }
    const bool axpy = computeType == ACL_FLOAT || computeType == ACL_INT32 || computeType == ACL_FLOAT16;
    if (axpy) {
        return "Axpy";
    }
    return op.element == ElementOp::kAxpy ? "Mul+Add" : "Mul+Sub";
}

// A scalar `other` (CANN, non-regbase chips) only lifts the category (integer -> float ->
// complex), never the width within self's category.
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

// The compute type and the checks between the promoted type, alpha and out.
aclnnStatus ResolveComputeType(const char *api, const BinaryOperator &op, aclDataType promoted, const aclScalar *alpha,
                               const char *outName, aclDataType outType, aclDataType &computeType) {
    if (op.hasAlpha) {
        ACLSIM_RETURN_IF_FAILED(CheckAlpha(api, promoted, *alpha));
    }
    computeType = promoted;
    if (op.trueDivision && !IsFloatingType(promoted) && !IsComplexType(promoted)) {
        computeType = ACL_FLOAT;
    }
    ACLSIM_RETURN_IF_FAILED(CheckTypeIn(api, outName, outType, op.types));
    return CheckCastable(api, "promoted dtype", computeType, outName, outType);
}

// out = op(self, other) for two tensors (out is selfRef for the in-place variants).
aclnnStatus BinaryTensors(const char *api, const char *opName, const BinaryOperator &op, const aclTensor *self,
                          const aclTensor *other, const aclScalar *alpha, const aclTensor *out, const char *selfName,
                          const char *outName, uint64_t *workspaceSize, aclOpExecutor **executor) {
    const void *alphaOrPresent = op.hasAlpha ? static_cast<const void *>(alpha) : self;
    ACLSIM_RETURN_IF_FAILED(CheckRequired(
        api, {{selfName, self}, {"other", other}, {"alpha", alphaOrPresent}, {outName, out}}, workspaceSize, executor));
    ACLSIM_RETURN_IF_FAILED(CheckTypeIn(api, selfName, self->desc.dtype, op.types));
    ACLSIM_RETURN_IF_FAILED(CheckTypeIn(api, "other", other->desc.dtype, op.types));
    const aclDataType promoted = PromoteTypes(self->desc.dtype, other->desc.dtype);
    if (promoted == ACL_DT_UNDEFINED) {
        return Fail(kAclnnErrParamInvalid, api,
                    std::string(selfName) + " dtype " + Name(self->desc.dtype) + " and other dtype " +
                        Name(other->desc.dtype) + " can not be promoted to a common dtype; cast one of them first");
    }
    ElementwiseRequest request;
    ACLSIM_RETURN_IF_FAILED(
        ResolveComputeType(api, op, promoted, alpha, outName, out->desc.dtype, request.computeType));
    ACLSIM_RETURN_IF_FAILED(CheckRank(api, selfName, self->desc, kMaxElementwiseRank));
    ACLSIM_RETURN_IF_FAILED(CheckRank(api, "other", other->desc, kMaxElementwiseRank));
    ACLSIM_RETURN_IF_FAILED(
        Broadcast(api, selfName, self->desc.viewDims, "other", other->desc.viewDims, request.shape));
    const std::string from = std::string("the broadcast shape of ") + selfName + " and other";
    ACLSIM_RETURN_IF_FAILED(CheckOutShape(api, outName, out->desc, request.shape, from.c_str()));
    ACLSIM_RETURN_IF_FAILED(CheckLayout(api, selfName, self->desc));
    ACLSIM_RETURN_IF_FAILED(CheckLayout(api, "other", other->desc));
    ACLSIM_RETURN_IF_FAILED(CheckLayout(api, outName, out->desc));

    request.op = op.element;
    request.empty = self->desc.IsEmpty() || other->desc.IsEmpty();
    if (op.hasAlpha) {
        request.alpha = AlphaValue(*alpha, request.computeType);
        request.alphaIsArgument = true;
    }
    request.kernelName = KernelName(op, request.alpha, request.computeType);
    const bool inPlace = self == out;
    return MakeElementwiseExecutor(api, opName, std::move(request), ElementwiseSlots{0, 1, inPlace ? 0u : 2u},
                                   inPlace ? std::vector<const aclTensor *>{self, other}
                                           : std::vector<const aclTensor *>{self, other, out},
                                   {0, 1}, workspaceSize, executor);
}

aclnnStatus BinaryScalar(const char *api, const char *opName, const BinaryOperator &op, const aclTensor *self,
                         const aclScalar *other, const aclScalar *alpha, const aclTensor *out, const char *selfName,
                         const char *outName, uint64_t *workspaceSize, aclOpExecutor **executor) {
    const void *alphaOrPresent = op.hasAlpha ? static_cast<const void *>(alpha) : self;
    ACLSIM_RETURN_IF_FAILED(CheckRequired(
        api, {{selfName, self}, {"other", other}, {"alpha", alphaOrPresent}, {outName, out}}, workspaceSize, executor));
    ACLSIM_RETURN_IF_FAILED(CheckTypeIn(api, selfName, self->desc.dtype, op.types));
    ACLSIM_RETURN_IF_FAILED(CheckTypeIn(api, "other", other->dtype, kArithmeticTypes));
    const aclDataType promoted = PromoteWithScalar(self->desc.dtype, other->dtype, out->desc.dtype);
    if (promoted == ACL_DT_UNDEFINED) {
        return Fail(kAclnnErrParamInvalid, api,
                    std::string(selfName) + " dtype " + Name(self->desc.dtype) + " and other dtype " +
                        Name(other->dtype) + " can not be promoted to a common dtype; use another scalar dtype");
    }
    ElementwiseRequest request;
    ACLSIM_RETURN_IF_FAILED(
        ResolveComputeType(api, op, promoted, alpha, outName, out->desc.dtype, request.computeType));
    ACLSIM_RETURN_IF_FAILED(CheckRank(api, selfName, self->desc, kMaxElementwiseRank));
    const std::string from = std::string("the shape of ") + selfName;
    ACLSIM_RETURN_IF_FAILED(CheckOutShape(api, outName, out->desc, self->desc.viewDims, from.c_str()));
    ACLSIM_RETURN_IF_FAILED(CheckLayout(api, selfName, self->desc));
    ACLSIM_RETURN_IF_FAILED(CheckLayout(api, outName, out->desc));

    request.op = op.element;
    request.shape = self->desc.viewDims;
    request.empty = self->desc.IsEmpty();
    request.otherConstant = ScalarAs(*other, request.computeType); // the scalar becomes a promoted tensor
    request.otherIsArgument = true;
    if (op.hasAlpha) {
        request.alpha = AlphaValue(*alpha, request.computeType);
        request.alphaIsArgument = true;
    }
    request.kernelName = KernelName(op, request.alpha, request.computeType);
    const bool inPlace = self == out;
    return MakeElementwiseExecutor(
        api, opName, std::move(request), ElementwiseSlots{0, std::nullopt, inPlace ? 0u : 1u},
        inPlace ? std::vector<const aclTensor *>{self} : std::vector<const aclTensor *>{self, out}, {0}, workspaceSize,
        executor);
}

// The in-place tensor variants: the result is written into selfRef, so broadcasting may not grow it.
aclnnStatus InplaceTensors(const char *api, const char *opName, const BinaryOperator &op, aclTensor *selfRef,
                           const aclTensor *other, const aclScalar *alpha, uint64_t *workspaceSize,
                           aclOpExecutor **executor) {
    if (selfRef != nullptr && other != nullptr) {
        std::vector<int64_t> shape;
        ACLSIM_RETURN_IF_FAILED(
            Broadcast(api, "selfRef", selfRef->desc.viewDims, "other", other->desc.viewDims, shape));
        ACLSIM_RETURN_IF_FAILED(
            CheckOutShape(api, "selfRef", selfRef->desc, shape, "the broadcast shape of selfRef and other"));
    }
    return BinaryTensors(api, opName, op, selfRef, other, alpha, selfRef, "selfRef", "selfRef", workspaceSize,
                         executor);
}

} // namespace
} // namespace aclsim::nn

using namespace aclsim::nn;

// ---- C API ----

// Both phases of the four forms of a binary operator: aclnn<Name> (other a tensor), aclnn<Name>s
// (other a scalar), aclnnInplace<Name> and aclnnInplace<Name>s (the result in selfRef, of type
// `SelfRef *` in CANN's prototypes). `alphaParameter` is `(const aclScalar *alpha,)` for the
// operators that scale other by alpha and `()` for the others, whose `alpha` is then nullptr.
#define ACLSIM_PARAMETERS(...) __VA_ARGS__
#define ACLSIM_BINARY_OPERATOR(Name, op, SelfRef, alphaParameter, alpha)                                               \
    aclnnStatus aclnn##Name##GetWorkspaceSize(const aclTensor *self, const aclTensor *other,                           \
                                              ACLSIM_PARAMETERS alphaParameter aclTensor *out,                         \
                                              uint64_t *workspaceSize, aclOpExecutor **executor) {                     \
        return BinaryTensors("aclnn" #Name "GetWorkspaceSize", "aclnn" #Name, op, self, other, alpha, out, "self",     \
                             "out", workspaceSize, executor);                                                          \
    }                                                                                                                  \
    aclnnStatus aclnn##Name##sGetWorkspaceSize(const aclTensor *self, const aclScalar *other,                          \
                                               ACLSIM_PARAMETERS alphaParameter aclTensor *out,                        \
                                               uint64_t *workspaceSize, aclOpExecutor **executor) {                    \
        return BinaryScalar("aclnn" #Name "sGetWorkspaceSize", "aclnn" #Name "s", op, self, other, alpha, out, "self", \
                            "out", workspaceSize, executor);                                                           \
    }                                                                                                                  \
    aclnnStatus aclnnInplace##Name##GetWorkspaceSize(SelfRef *selfRef, const aclTensor *other,                         \
                                                     ACLSIM_PARAMETERS alphaParameter uint64_t *workspaceSize,         \
                                                     aclOpExecutor **executor) {                                       \
        return InplaceTensors("aclnnInplace" #Name "GetWorkspaceSize", "aclnnInplace" #Name, op,                       \
                              const_cast<aclTensor *>(selfRef), other, alpha, workspaceSize, executor);                \
    }                                                                                                                  \
    aclnnStatus aclnnInplace##Name##sGetWorkspaceSize(SelfRef *selfRef, const aclScalar *other,                        \
                                                      ACLSIM_PARAMETERS alphaParameter uint64_t *workspaceSize,        \
                                                      aclOpExecutor **executor) {                                      \
        return BinaryScalar("aclnnInplace" #Name "sGetWorkspaceSize", "aclnnInplace" #Name "s", op, selfRef, other,    \
                            alpha, selfRef, "selfRef", "selfRef", workspaceSize, executor);                            \
    }                                                                                                                  \
    ACLSIM_SECOND_PHASE(aclnn##Name)                                                                                   \
    ACLSIM_SECOND_PHASE(aclnn##Name##s)                                                                                \
    ACLSIM_SECOND_PHASE(aclnnInplace##Name)                                                                            \
    ACLSIM_SECOND_PHASE(aclnnInplace##Name##s)

ACLSIM_BINARY_OPERATOR(Add, kAdd, const aclTensor, (const aclScalar *alpha, ), alpha)
ACLSIM_BINARY_OPERATOR(Sub, kSub, aclTensor, (const aclScalar *alpha, ), alpha)
ACLSIM_BINARY_OPERATOR(Mul, kMul, aclTensor, (), nullptr)
ACLSIM_BINARY_OPERATOR(Div, kDiv, aclTensor, (), nullptr)

#undef ACLSIM_BINARY_OPERATOR
#undef ACLSIM_PARAMETERS

aclnnStatus aclnnMaximumGetWorkspaceSize(const aclTensor *self, const aclTensor *other, aclTensor *out,
                                         uint64_t *workspaceSize, aclOpExecutor **executor) {
    return BinaryTensors("aclnnMaximumGetWorkspaceSize", "aclnnMaximum", kMaximum, self, other, nullptr, out, "self",
                         "out", workspaceSize, executor);
}

ACLSIM_SECOND_PHASE(aclnnMaximum)
