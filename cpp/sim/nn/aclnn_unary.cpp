// The unary elementwise operators (aclnnNeg, aclnnExp, aclnnRelu, aclnnGelu, aclnnSilu,
// aclnnSigmoid, aclnnTanh and their in-place variants) and the conversions aclnnCast and
// aclnnInplaceCopy, all on the elementwise kernel. Types and checks follow CANN's op_api sources
// (Ascend910B branches): each row states self's and out's dtypes, whether the result must cast to
// out, and which dtype input that is neither floating nor complex computes in.
#include <string>
#include <utility>
#include <vector>

#include "aclnnop/aclnn_cast.h"
#include "aclnnop/aclnn_copy.h"
#include "aclnnop/aclnn_exp.h"
#include "aclnnop/aclnn_gelu.h"
#include "aclnnop/aclnn_neg.h"
#include "aclnnop/aclnn_relu.h"
#include "aclnnop/aclnn_sigmoid.h"
#include "aclnnop/aclnn_silu.h"
#include "aclnnop/aclnn_tanh.h"
#include "elementwise_op.h"

namespace aclsim::nn {
namespace {

// Cast and Copy accept every type the simulator stores.
const std::vector<aclDataType> &kStoredTypes = StoredTypes();
const std::vector<aclDataType> kFloatTypes = {ACL_FLOAT, ACL_FLOAT16, ACL_BF16};
const std::vector<aclDataType> kSameAsSelf = {}; // outTypes of the rows whose out must have self's dtype

// The dtype integer and BOOL input (neither floating nor complex) computes in.
enum class IntegerCompute {
    kSelfType, // as it is
    kFloat,    // cast to FLOAT first (Exp, Tanh)
    kOutType,  // cast to out's dtype first (Sigmoid)
};

struct UnaryOperator {
    ElementOp element;
    const char *kernel; // CANN's kernel op type
    std::vector<aclDataType> types;
    std::vector<aclDataType> outTypes; // kSameAsSelf: out must have self's dtype
    bool checksResultCast;             // the computed dtype must cast to out's (CANN's CanCast)
    IntegerCompute integers;
    std::vector<aclDataType> inplaceTypes = {}; // checked first by the in-place form when CANN lists them
};

const UnaryOperator kNeg{
    ElementOp::kNeg,
    "Neg",
    {ACL_INT8, ACL_INT32, ACL_INT64, ACL_FLOAT16, ACL_FLOAT, ACL_DOUBLE, ACL_COMPLEX64, ACL_COMPLEX128, ACL_BF16},
    kStoredTypes,
    true,
    IntegerCompute::kSelfType};
const UnaryOperator kExp{
    ElementOp::kExp,
    "Exp",
    {ACL_FLOAT, ACL_FLOAT16, ACL_BF16, ACL_DOUBLE, ACL_COMPLEX64, ACL_COMPLEX128, ACL_BOOL, ACL_INT64},
    kStoredTypes,
    true,
    IntegerCompute::kFloat};
const std::vector<aclDataType> kReluTypes = {ACL_FLOAT, ACL_FLOAT16, ACL_INT8, ACL_UINT8,
                                             ACL_INT32, ACL_INT64,   ACL_BF16};
const UnaryOperator kRelu{ElementOp::kRelu, "Relu", kReluTypes, kSameAsSelf, false, IntegerCompute::kSelfType};
const UnaryOperator kGelu{ElementOp::kGelu, "Gelu", kFloatTypes, kSameAsSelf, false, IntegerCompute::kSelfType};
const UnaryOperator kSilu{ElementOp::kSilu, "Swish", kFloatTypes, kSameAsSelf, false, IntegerCompute::kSelfType};
// aclnn_sigmoid.cpp: DTYPE_SUPPORT_LIST for self, DTYPE_OUT_LIST for out and (on 910B) selfRef, no
// cast check; self outside DTYPE_OUT_LIST is cast to out's dtype before the kernel.
const std::vector<aclDataType> kSigmoidOutTypes = {ACL_FLOAT,     ACL_FLOAT16,    ACL_DOUBLE,
                                                   ACL_COMPLEX64, ACL_COMPLEX128, ACL_BF16};
const UnaryOperator kSigmoid{
    ElementOp::kSigmoid,
    "Sigmoid",
    {ACL_FLOAT, ACL_FLOAT16, ACL_DOUBLE, ACL_INT8, ACL_INT16, ACL_INT32, ACL_INT64, ACL_BOOL, ACL_COMPLEX64,
     ACL_COMPLEX128, ACL_BF16, ACL_UINT8},
    kSigmoidOutTypes,
    false,
    IntegerCompute::kOutType,
    kSigmoidOutTypes,
};
// aclnn_tanh.cpp: ASCEND910B_DTYPE_SUPPORT_LIST for self and out, the result (FLOAT for integer and
// BOOL self) must cast to out, so out is FLOAT, FLOAT16 or BF16 in effect; selfRef:
// ASCEND910B_DTYPE_OUT_LIST.
const std::vector<aclDataType> kTanhTypes = {ACL_FLOAT, ACL_FLOAT16, ACL_BOOL,  ACL_UINT8, ACL_INT8,
                                             ACL_INT16, ACL_INT32,   ACL_INT64, ACL_BF16};
const UnaryOperator kTanh{ElementOp::kTanh, "Tanh", kTanhTypes, kTanhTypes, true, IntegerCompute::kFloat, kFloatTypes};

aclDataType ComputeType(const UnaryOperator &op, aclDataType selfType, aclDataType outType) {
    if (IsFloatingType(selfType) || IsComplexType(selfType)) {
        return selfType;
    }
    switch (op.integers) {
    case IntegerCompute::kFloat: return ACL_FLOAT;
    case IntegerCompute::kOutType: return outType;
    case IntegerCompute::kSelfType: break;
    }
    return selfType;
}

// Shared tail of every operator here: rank, out shape and layouts, then the executor.
aclnnStatus HandOutSameShape(const char *api, const char *opName, ElementwiseRequest request, const aclTensor *self,
                             const aclTensor *out, const char *selfName, const char *outName, uint64_t *workspaceSize,
                             aclOpExecutor **executor) {
    ACLSIM_RETURN_IF_FAILED(CheckRank(api, selfName, self->desc, kMaxElementwiseRank));
    const std::string from = std::string("the shape of ") + selfName;
    ACLSIM_RETURN_IF_FAILED(CheckOutShape(api, outName, out->desc, self->desc.viewDims, from.c_str()));
    ACLSIM_RETURN_IF_FAILED(CheckLayout(api, selfName, self->desc));
    ACLSIM_RETURN_IF_FAILED(CheckLayout(api, outName, out->desc));
    request.shape = self->desc.viewDims;
    request.empty = self->desc.IsEmpty();
    const bool inPlace = self == out;
    return MakeElementwiseExecutor(
        api, opName, std::move(request), ElementwiseSlots{0, std::nullopt, inPlace ? 0u : 1u},
        inPlace ? std::vector<const aclTensor *>{self} : std::vector<const aclTensor *>{self, out}, {0}, workspaceSize,
        executor);
}

aclnnStatus Unary(const char *api, const char *opName, const UnaryOperator &op, const aclTensor *self,
                  const aclTensor *out, const char *selfName, const char *outName, uint64_t *workspaceSize,
                  aclOpExecutor **executor) {
    ACLSIM_RETURN_IF_FAILED(CheckRequired(api, {{selfName, self}, {outName, out}}, workspaceSize, executor));
    const aclDataType selfType = self->desc.dtype;
    ACLSIM_RETURN_IF_FAILED(CheckTypeIn(api, selfName, selfType, op.types));
    ElementwiseRequest request;
    request.op = op.element;
    request.kernelName = op.kernel;
    if (op.outTypes.empty()) {
        if (out->desc.dtype != selfType) {
            return Fail(kAclnnErrParamInvalid, api,
                        std::string(outName) + " has dtype " + DataTypeName(out->desc.dtype) + " but " + selfName +
                            " has " + DataTypeName(selfType) + "; they must be the same");
        }
    } else {
        ACLSIM_RETURN_IF_FAILED(CheckTypeIn(api, outName, out->desc.dtype, op.outTypes));
    }
    request.computeType = ComputeType(op, selfType, out->desc.dtype);
    if (op.checksResultCast) {
        ACLSIM_RETURN_IF_FAILED(CheckCastable(api, "result dtype", request.computeType, outName, out->desc.dtype));
    }
    return HandOutSameShape(api, opName, std::move(request), self, out, selfName, outName, workspaceSize, executor);
}

aclnnStatus Inplace(const char *api, const char *opName, const UnaryOperator &op, aclTensor *selfRef,
                    uint64_t *workspaceSize, aclOpExecutor **executor) {
    if (selfRef != nullptr && !op.inplaceTypes.empty()) {
        ACLSIM_RETURN_IF_FAILED(CheckTypeIn(api, "selfRef", selfRef->desc.dtype, op.inplaceTypes));
    }
    return Unary(api, opName, op, selfRef, selfRef, "selfRef", "selfRef", workspaceSize, executor);
}

} // namespace
} // namespace aclsim::nn

using namespace aclsim::nn;

// Both phases of aclnn<Name> (`Out` is its out parameter's type in CANN's prototype) and of
// aclnnInplace<Name>.
#define ACLSIM_UNARY_OPERATOR(Name, op, Out)                                                                       \
    aclnnStatus aclnn##Name##GetWorkspaceSize(const aclTensor *self, Out *out, uint64_t *workspaceSize,            \
                                              aclOpExecutor **executor) {                                          \
        return Unary("aclnn" #Name "GetWorkspaceSize", "aclnn" #Name, op, self, out, "self", "out", workspaceSize, \
                     executor);                                                                                    \
    }                                                                                                              \
    ACLSIM_SECOND_PHASE(aclnn##Name)
#define ACLSIM_INPLACE_UNARY_OPERATOR(Name, op)                                                                   \
    aclnnStatus aclnnInplace##Name##GetWorkspaceSize(aclTensor *selfRef, uint64_t *workspaceSize,                 \
                                                     aclOpExecutor **executor) {                                  \
        return Inplace("aclnnInplace" #Name "GetWorkspaceSize", "aclnnInplace" #Name, op, selfRef, workspaceSize, \
                       executor);                                                                                 \
    }                                                                                                             \
    ACLSIM_SECOND_PHASE(aclnnInplace##Name)

ACLSIM_UNARY_OPERATOR(Neg, kNeg, aclTensor)
ACLSIM_INPLACE_UNARY_OPERATOR(Neg, kNeg)
ACLSIM_UNARY_OPERATOR(Exp, kExp, aclTensor)
ACLSIM_INPLACE_UNARY_OPERATOR(Exp, kExp)
ACLSIM_UNARY_OPERATOR(Relu, kRelu, const aclTensor)
ACLSIM_INPLACE_UNARY_OPERATOR(Relu, kRelu)
ACLSIM_UNARY_OPERATOR(Gelu, kGelu, aclTensor)
ACLSIM_UNARY_OPERATOR(Silu, kSilu, aclTensor)
ACLSIM_UNARY_OPERATOR(Sigmoid, kSigmoid, aclTensor)
ACLSIM_INPLACE_UNARY_OPERATOR(Sigmoid, kSigmoid)
ACLSIM_UNARY_OPERATOR(Tanh, kTanh, aclTensor)
ACLSIM_INPLACE_UNARY_OPERATOR(Tanh, kTanh)

// Cast: out must be of `dtype`; the value is converted as CastValue defines (float to integer
// truncates and saturates, NaN gives 0; complex to real drops the imaginary part).
aclnnStatus aclnnCastGetWorkspaceSize(const aclTensor *self, const aclDataType dtype, aclTensor *out,
                                      uint64_t *workspaceSize, aclOpExecutor **executor) {
    const char *api = "aclnnCastGetWorkspaceSize";
    ACLSIM_RETURN_IF_FAILED(CheckRequired(api, {{"self", self}, {"out", out}}, workspaceSize, executor));
    ACLSIM_RETURN_IF_FAILED(CheckTypeIn(api, "self", self->desc.dtype, kStoredTypes));
    ACLSIM_RETURN_IF_FAILED(CheckTypeIn(api, "dtype", dtype, kStoredTypes));
    if (out->desc.dtype != dtype) {
        return Fail(kAclnnErrParamInvalid, api,
                    "out has dtype " + DataTypeName(out->desc.dtype) + " but dtype asks for " + DataTypeName(dtype) +
                        "; create out with the target dtype");
    }
    ElementwiseRequest request;
    request.op = ElementOp::kIdentity;
    request.kernelName = "Cast";
    request.computeType = dtype;
    return HandOutSameShape(api, "aclnnCast", std::move(request), self, out, "self", "out", workspaceSize, executor);
}

// InplaceCopy: src broadcast to selfRef's shape, converted to selfRef's dtype.
aclnnStatus aclnnInplaceCopyGetWorkspaceSize(aclTensor *selfRef, const aclTensor *src, uint64_t *workspaceSize,
                                             aclOpExecutor **executor) {
    const char *api = "aclnnInplaceCopyGetWorkspaceSize";
    ACLSIM_RETURN_IF_FAILED(CheckRequired(api, {{"selfRef", selfRef}, {"src", src}}, workspaceSize, executor));
    ACLSIM_RETURN_IF_FAILED(CheckTypeIn(api, "selfRef", selfRef->desc.dtype, kStoredTypes));
    ACLSIM_RETURN_IF_FAILED(CheckTypeIn(api, "src", src->desc.dtype, kStoredTypes));
    ACLSIM_RETURN_IF_FAILED(CheckRank(api, "selfRef", selfRef->desc, kMaxElementwiseRank));
    ACLSIM_RETURN_IF_FAILED(CheckRank(api, "src", src->desc, kMaxElementwiseRank));
    ElementwiseRequest request;
    ACLSIM_RETURN_IF_FAILED(
        Broadcast(api, "selfRef", selfRef->desc.viewDims, "src", src->desc.viewDims, request.shape));
    ACLSIM_RETURN_IF_FAILED(
        CheckOutShape(api, "selfRef", selfRef->desc, request.shape, "src must broadcast to selfRef's shape"));
    ACLSIM_RETURN_IF_FAILED(CheckLayout(api, "selfRef", selfRef->desc));
    ACLSIM_RETURN_IF_FAILED(CheckLayout(api, "src", src->desc));
    request.op = ElementOp::kIdentity;
    request.kernelName = "ViewCopy";
    request.computeType = selfRef->desc.dtype;
    request.empty = selfRef->desc.IsEmpty() || src->desc.IsEmpty();
    // Bindings: src is the operand, selfRef the output (and the executor's only output).
    return MakeElementwiseExecutor(api, "aclnnInplaceCopy", std::move(request), ElementwiseSlots{1, std::nullopt, 0},
                                   {selfRef, src}, {1}, workspaceSize, executor);
}

ACLSIM_SECOND_PHASE(aclnnCast)
ACLSIM_SECOND_PHASE(aclnnInplaceCopy)
