// The elementwise operators beyond Add against a scalar reference: Sub, Mul, Div and Maximum
// over every dtype pair they accept, the unary operators (Neg, Exp, Relu, Gelu, Silu, Sigmoid,
// Tanh) over their dtypes, Cast between all stored types, InplaceCopy; broadcasting, strided and offset views,
// empty tensors, every refusal with its code, and eager vs captured replay vs task update.
#include <algorithm>
#include <cmath>
#include <iterator>

#include "aclnnop/aclnn_cast.h"
#include "aclnnop/aclnn_copy.h"
#include "aclnnop/aclnn_div.h"
#include "aclnnop/aclnn_exp.h"
#include "aclnnop/aclnn_gelu.h"
#include "aclnnop/aclnn_maximum.h"
#include "aclnnop/aclnn_mul.h"
#include "aclnnop/aclnn_neg.h"
#include "aclnnop/aclnn_relu.h"
#include "aclnnop/aclnn_sigmoid.h"
#include "aclnnop/aclnn_silu.h"
#include "aclnnop/aclnn_sub.h"
#include "aclnnop/aclnn_tanh.h"
#include "element_ops.h"
#include "nn_op_harness.h"

using namespace nntest;

namespace {

// ---- reference element functions (independent of the simulator's) ----

template <class C>
C WrapMul(C a, C b) {
    return RefCast<C>(static_cast<int64_t>(static_cast<uint64_t>(static_cast<int64_t>(a)) *
                                           static_cast<uint64_t>(static_cast<int64_t>(b))));
}

template <class C>
C RefSub(C a, C alpha, C b) {
    if constexpr (std::is_same_v<C, bool>) {
        return a != (alpha && b);
    } else if constexpr (std::is_integral_v<C>) {
        auto wide = [](C v) { return static_cast<uint64_t>(static_cast<int64_t>(v)); };
        return RefCast<C>(static_cast<int64_t>(wide(a) - wide(alpha) * wide(b)));
    } else {
        return a - alpha * b;
    }
}

template <class C>
C RefMul(C a, C b) {
    if constexpr (std::is_same_v<C, bool>) {
        return a && b;
    } else if constexpr (std::is_integral_v<C>) {
        return WrapMul(a, b);
    } else {
        return a * b;
    }
}

template <class C>
C RefMaximum(C a, C b) {
    if constexpr (IsStdComplex<C>::value) {
        return a;
    } else {
        return a > b ? a : b;
    }
}

// 0.5 x (1 + tanh(u)) written as x / (1 + e^(-2u)), which does not cancel for large negative x.
double RefGelu(double x) {
    return x / (1.0 + std::exp(-2.0 * std::sqrt(2.0 / M_PI) * (x + 0.044715 * x * x * x)));
}
double RefSilu(double x) {
    return x / (1.0 + std::exp(-x));
}
// The logistic function as e^x / (1 + e^x) for x < 0, which keeps tiny results' digits.
double RefSigmoid(double x) {
    return x < 0 ? std::exp(x) / (1.0 + std::exp(x)) : 1.0 / (1.0 + std::exp(-x));
}
template <class T>
std::complex<T> RefSigmoid(std::complex<T> z) {
    return T(1) / (T(1) + std::exp(-z));
}

enum class Binary { kSub, kMul, kDiv, kMaximum };

const char *BinaryName(Binary op) {
    switch (op) {
    case Binary::kSub: return "Sub";
    case Binary::kMul: return "Mul";
    case Binary::kDiv: return "Div";
    default: return "Maximum";
    }
}

// The dtype the operator computes in (Div: integers and BOOL in FLOAT).
aclDataType ComputeType(Binary op, aclDataType promoted) {
    if (op == Binary::kDiv && !IsFloat(promoted) && !IsComplex(promoted)) {
        return ACL_FLOAT;
    }
    return promoted;
}

HostScalar AlphaFor(aclDataType promoted) {
    if (promoted == ACL_BOOL) {
        return HostScalar::Bool(true);
    }
    if (IsComplex(promoted)) {
        return HostScalar::Complex64(0.5f, -2.0f);
    }
    return IsFloat(promoted) ? HostScalar::Float(1.5f) : HostScalar::Int64(3);
}

OpCall BinaryCall(Binary op, aclTensor *self, aclTensor *other, aclScalar *alpha, aclTensor *out) {
    switch (op) {
    case Binary::kSub:
        return {
            [=](uint64_t *ws, aclOpExecutor **ex) { return aclnnSubGetWorkspaceSize(self, other, alpha, out, ws, ex); },
            &aclnnSub};
    case Binary::kMul:
        return {[=](uint64_t *ws, aclOpExecutor **ex) { return aclnnMulGetWorkspaceSize(self, other, out, ws, ex); },
                &aclnnMul};
    case Binary::kDiv:
        return {[=](uint64_t *ws, aclOpExecutor **ex) { return aclnnDivGetWorkspaceSize(self, other, out, ws, ex); },
                &aclnnDiv};
    default:
        return {
            [=](uint64_t *ws, aclOpExecutor **ex) { return aclnnMaximumGetWorkspaceSize(self, other, out, ws, ex); },
            &aclnnMaximum};
    }
}

// The scalar, conversion and copy calls as OpCalls binding their operands.
OpCall MulsCall(aclTensor *self, aclScalar *other, aclTensor *out) {
    return {[=](uint64_t *ws, aclOpExecutor **ex) { return aclnnMulsGetWorkspaceSize(self, other, out, ws, ex); },
            &aclnnMuls};
}
OpCall CastCall(aclTensor *self, aclDataType to, aclTensor *out) {
    return {[=](uint64_t *ws, aclOpExecutor **ex) { return aclnnCastGetWorkspaceSize(self, to, out, ws, ex); },
            &aclnnCast};
}
OpCall InplaceCopyCall(aclTensor *selfRef, aclTensor *src) {
    return {[=](uint64_t *ws, aclOpExecutor **ex) { return aclnnInplaceCopyGetWorkspaceSize(selfRef, src, ws, ex); },
            &aclnnInplaceCopy};
}
OpCall InplaceMulCall(aclTensor *selfRef, aclTensor *other) {
    return {[=](uint64_t *ws, aclOpExecutor **ex) { return aclnnInplaceMulGetWorkspaceSize(selfRef, other, ws, ex); },
            &aclnnInplaceMul};
}

void RefBinary(Binary op, DeviceTensor &self, DeviceTensor &other, const HostScalar &alpha, aclDataType compute,
               DeviceTensor &out, std::vector<unsigned char> &expected) {
    VisitComputeType(compute, [&](auto tag) {
        using C = decltype(tag);
        const C alphaValue = ReadAs<C>(alpha.type, alpha.bytes);
        RefElementwiseTyped<C>(
            {&self.spec(), self.host().data(), {}}, {&other.spec(), other.host().data(), {}},
            [&](C a, C b) -> C {
                switch (op) {
                case Binary::kSub: return RefSub<C>(a, alphaValue, b);
                case Binary::kMul: return RefMul<C>(a, b);
                case Binary::kDiv:
                    if constexpr (std::is_floating_point_v<C> || IsStdComplex<C>::value) {
                        return a / b;
                    } else {
                        return a;
                    }
                default: return RefMaximum<C>(a, b);
                }
            },
            compute, out.spec(), expected);
    });
}

bool Accepts(Binary op, aclDataType t) {
    return !(op == Binary::kMaximum && IsComplex(t));
}

} // namespace

TEST_CASE("Sub, Mul, Div and Maximum over every dtype pair they accept, with broadcasting") {
    REQUIRE(Session().ok);
    for (Binary op : {Binary::kSub, Binary::kMul, Binary::kDiv, Binary::kMaximum}) {
        ForEachTypePair([&](aclDataType a, aclDataType b) {
            if (!Accepts(op, a) || !Accepts(op, b)) {
                return;
            }
            const aclDataType compute = ComputeType(op, ExpectedPromotion(a, b));
            auto self = Make(a, {3, 5});
            auto other = Make(b, {5});
            auto out = Make(compute, {3, 5});
            const HostScalar alpha = AlphaFor(compute);
            ScalarHandle alphaHandle(alpha);
            std::vector<unsigned char> expected = out->host();
            RefBinary(op, *self, *other, alpha, compute, *out, expected);
            const std::string what = std::string(BinaryName(op)) + " " + TypeName(a) + "," + TypeName(b);
            CHECK_EQ(Run(BinaryCall(op, *self, *other, alphaHandle, *out)), 0);
            CHECK(SameStorage(compute, out->Download(), expected, what));
        });
    }
}

TEST_CASE("Subs, Muls and Divs take a scalar other; the in-place variants write selfRef") {
    REQUIRE(Session().ok);
    auto self = Make(ACL_FLOAT, {4, 6});
    auto out = Make(ACL_FLOAT, {4, 6});
    ScalarHandle two(HostScalar::Float(2.0f));
    ScalarHandle three(HostScalar::Float(3.0f));
    auto expectMap = [&](DeviceTensor &target, const std::vector<unsigned char> &source, auto fn) {
        std::vector<unsigned char> expected = target.host();
        for (size_t i = 0; i < 24; ++i) {
            StoreRaw(&expected[i * 4], fn(LoadRaw<float>(&source[i * 4])));
        }
        return expected;
    };
    OpCall subs{
        [&](uint64_t *ws, aclOpExecutor **ex) { return aclnnSubsGetWorkspaceSize(*self, two, three, *out, ws, ex); },
        &aclnnSubs};
    CHECK_EQ(Run(subs), 0);
    CHECK(SameStorage(ACL_FLOAT, out->Download(),
                      expectMap(*out, self->host(), [](float x) { return x - 3.0f * 2.0f; }), "Subs"));
    CHECK_EQ(Run(MulsCall(*self, three, *out)), 0);
    CHECK(SameStorage(ACL_FLOAT, out->Download(), expectMap(*out, self->host(), [](float x) { return x * 3.0f; }),
                      "Muls"));
    OpCall divs{[&](uint64_t *ws, aclOpExecutor **ex) { return aclnnDivsGetWorkspaceSize(*self, three, *out, ws, ex); },
                &aclnnDivs};
    CHECK_EQ(Run(divs), 0);
    CHECK(SameStorage(ACL_FLOAT, out->Download(), expectMap(*out, self->host(), [](float x) { return x / 3.0f; }),
                      "Divs"));

    const std::vector<unsigned char> before = self->host();
    OpCall inplaceMuls{
        [&](uint64_t *ws, aclOpExecutor **ex) { return aclnnInplaceMulsGetWorkspaceSize(*self, two, ws, ex); },
        &aclnnInplaceMuls};
    CHECK_EQ(Run(inplaceMuls), 0);
    CHECK(SameStorage(ACL_FLOAT, self->Download(), expectMap(*self, before, [](float x) { return x * 2.0f; }),
                      "InplaceMuls"));
    self->Upload();
    auto row = Make(ACL_FLOAT, {6});
    std::vector<unsigned char> expected = self->host();
    for (size_t i = 0; i < 24; ++i) {
        const float r = LoadRaw<float>(&row->host()[(i % 6) * 4]);
        StoreRaw(&expected[i * 4], LoadRaw<float>(&before[i * 4]) - 2.0f * r);
    }
    OpCall inplaceSub{
        [&](uint64_t *ws, aclOpExecutor **ex) { return aclnnInplaceSubGetWorkspaceSize(*self, *row, two, ws, ex); },
        &aclnnInplaceSub};
    CHECK_EQ(Run(inplaceSub), 0);
    CHECK(SameStorage(ACL_FLOAT, self->Download(), expected, "InplaceSub broadcasting other"));
    self->Upload();
    OpCall inplaceDiv{
        [&](uint64_t *ws, aclOpExecutor **ex) { return aclnnInplaceDivGetWorkspaceSize(*self, *row, ws, ex); },
        &aclnnInplaceDiv};
    CHECK_EQ(Run(inplaceDiv), 0);
    for (size_t i = 0; i < 24; ++i) {
        StoreRaw(&expected[i * 4], LoadRaw<float>(&before[i * 4]) / LoadRaw<float>(&row->host()[(i % 6) * 4]));
    }
    CHECK(SameStorage(ACL_FLOAT, self->Download(), expected, "InplaceDiv"));
}

namespace {

enum class Unary { kNeg, kExp, kRelu, kGelu, kSilu, kSigmoid, kTanh };

// The first phase of a unary operator: self, out, then the workspace size and executor outputs.
using UnaryPrepare = aclnnStatus (*)(const aclTensor *, aclTensor *, uint64_t *, aclOpExecutor **);

// A unary operator: its name, the dtypes it accepts and its two phases.
struct UnaryCase {
    Unary op;
    const char *name;
    std::vector<aclDataType> types;
    UnaryPrepare prepare;
    SecondPhase launch;
};

const UnaryCase kUnaryCases[] = {
    {Unary::kNeg,
     "Neg",
     {ACL_INT8, ACL_INT32, ACL_INT64, ACL_FLOAT16, ACL_FLOAT, ACL_DOUBLE, ACL_COMPLEX64, ACL_COMPLEX128, ACL_BF16},
     &aclnnNegGetWorkspaceSize,
     &aclnnNeg},
    {Unary::kExp,
     "Exp",
     {ACL_FLOAT, ACL_FLOAT16, ACL_BF16, ACL_DOUBLE, ACL_COMPLEX64, ACL_COMPLEX128, ACL_BOOL, ACL_INT64},
     &aclnnExpGetWorkspaceSize,
     &aclnnExp},
    {Unary::kRelu,
     "Relu",
     {ACL_FLOAT, ACL_FLOAT16, ACL_INT8, ACL_UINT8, ACL_INT32, ACL_INT64, ACL_BF16},
     // aclnnReluGetWorkspaceSize declares its out const.
     [](const aclTensor *self, aclTensor *out, uint64_t *ws, aclOpExecutor **ex) {
         return aclnnReluGetWorkspaceSize(self, out, ws, ex);
     },
     &aclnnRelu},
    {Unary::kGelu, "Gelu", {ACL_FLOAT, ACL_FLOAT16, ACL_BF16}, &aclnnGeluGetWorkspaceSize, &aclnnGelu},
    {Unary::kSilu, "Silu", {ACL_FLOAT, ACL_FLOAT16, ACL_BF16}, &aclnnSiluGetWorkspaceSize, &aclnnSilu},
    {Unary::kSigmoid,
     "Sigmoid",
     {ACL_FLOAT, ACL_FLOAT16, ACL_DOUBLE, ACL_INT8, ACL_INT16, ACL_INT32, ACL_INT64, ACL_BOOL, ACL_COMPLEX64,
      ACL_COMPLEX128, ACL_BF16, ACL_UINT8},
     &aclnnSigmoidGetWorkspaceSize,
     &aclnnSigmoid},
    {Unary::kTanh,
     "Tanh",
     {ACL_FLOAT, ACL_FLOAT16, ACL_BOOL, ACL_UINT8, ACL_INT8, ACL_INT16, ACL_INT32, ACL_INT64, ACL_BF16},
     &aclnnTanhGetWorkspaceSize,
     &aclnnTanh},
};

// The out dtype of the table's runs: self's, but FLOAT for integer and BOOL self where the
// operator computes those in a floating type.
aclDataType TableOutType(Unary op, aclDataType self) {
    const bool floatForIntegers = op == Unary::kExp || op == Unary::kSigmoid || op == Unary::kTanh;
    return (floatForIntegers && !IsFloat(self) && !IsComplex(self)) ? ACL_FLOAT : self;
}

OpCall UnaryCall(Unary op, aclTensor *self, aclTensor *out) {
    const UnaryCase &row =
        *std::find_if(std::begin(kUnaryCases), std::end(kUnaryCases), [op](const UnaryCase &c) { return c.op == op; });
    const UnaryPrepare prepare = row.prepare;
    return {[=](uint64_t *ws, aclOpExecutor **ex) { return prepare(self, out, ws, ex); }, row.launch};
}

// The in-place form of Sigmoid or Tanh on selfRef.
OpCall InplaceUnaryCall(Unary op, aclTensor *selfRef) {
    if (op == Unary::kSigmoid) {
        return {[=](uint64_t *ws, aclOpExecutor **ex) { return aclnnInplaceSigmoidGetWorkspaceSize(selfRef, ws, ex); },
                &aclnnInplaceSigmoid};
    }
    return {[=](uint64_t *ws, aclOpExecutor **ex) { return aclnnInplaceTanhGetWorkspaceSize(selfRef, ws, ex); },
            &aclnnInplaceTanh};
}

// Runs Exp over `inputs` as a 1-D tensor of `type` (the inputs' own type) and returns out's bytes
// (a failed run is reported, and the bytes are then out's initial ones).
template <class T>
std::vector<unsigned char> RunExp(aclDataType type, const std::vector<T> &inputs) {
    auto self = Make(type, {static_cast<int64_t>(inputs.size())});
    std::memcpy(self->host().data(), inputs.data(), inputs.size() * sizeof(T));
    self->Upload();
    auto out = Make(type, {static_cast<int64_t>(inputs.size())});
    CHECK_EQ(Run(UnaryCall(Unary::kExp, *self, *out)), 0);
    return out->Download();
}

// `f` of a real value, computed in double; a complex value goes through unchanged (for operators
// that take no complex input, whose rows never reach here with one).
template <class C, class F>
C RealOnly(C a, F f) {
    if constexpr (IsStdComplex<C>::value) {
        return a;
    } else {
        return static_cast<C>(f(static_cast<double>(a)));
    }
}

// The expected out storage; `exact` says whether the result must match bit for bit.
std::vector<unsigned char> RefUnary(Unary op, DeviceTensor &self, DeviceTensor &out, bool &exact) {
    std::vector<unsigned char> expected = out.host();
    const aclDataType outType = out.spec().type;
    exact = op == Unary::kNeg || op == Unary::kRelu;
    VisitComputeType(exact ? self.spec().type : (IsComplex(outType) ? outType : ACL_DOUBLE), [&](auto tag) {
        using C = decltype(tag);
        RefElementwiseTyped<C>(
            {&self.spec(), self.host().data(), {}}, {&self.spec(), self.host().data(), {}},
            [&](C a, C) -> C {
                if constexpr (std::is_same_v<C, bool>) {
                    return a;
                } else {
                    switch (op) {
                    case Unary::kNeg:
                        if constexpr (std::is_integral_v<C>) {
                            return RefCast<C>(static_cast<int64_t>(0 - static_cast<uint64_t>(static_cast<int64_t>(a))));
                        } else {
                            return -a;
                        }
                    case Unary::kRelu:
                        if constexpr (IsStdComplex<C>::value) {
                            return a;
                        } else {
                            return a > C(0) ? a : C(0);
                        }
                    case Unary::kExp: return std::exp(a);
                    case Unary::kGelu: return RealOnly(a, RefGelu);
                    case Unary::kSilu: return RealOnly(a, RefSilu);
                    case Unary::kSigmoid:
                        if constexpr (IsStdComplex<C>::value) {
                            return RefSigmoid(a);
                        } else {
                            return RealOnly(a, [](double x) { return RefSigmoid(x); });
                        }
                    case Unary::kTanh: return RealOnly(a, [](double x) { return std::tanh(x); });
                    }
                    return a;
                }
            },
            exact ? self.spec().type : (IsComplex(outType) ? outType : ACL_DOUBLE), out.spec(), expected);
    });
    return expected;
}

} // namespace

TEST_CASE("Neg, Exp, Relu, Gelu (tanh form), Silu, Sigmoid and Tanh over their dtypes") {
    REQUIRE(Session().ok);
    for (const UnaryCase &c : kUnaryCases) {
        for (aclDataType t : c.types) {
            const aclDataType outType = TableOutType(c.op, t);
            auto self = Make(t, {5, 9});
            if (IsFloat(t)) { // [-8, 8]: the activations' interesting range, no overflow in e^x
                for (size_t i = 0; i < 45; ++i) {
                    WriteAs(t, (static_cast<double>(i) - 22.0) * 0.37, &self->host()[i * SizeOf(t)]);
                }
                self->Upload();
            }
            auto out = Make(outType, {5, 9});
            bool exact = false;
            const std::vector<unsigned char> expected = RefUnary(c.op, *self, *out, exact);
            const std::string what = std::string(c.name) + " " + TypeName(t);
            CHECK_EQ(Run(UnaryCall(c.op, *self, *out)), 0);
            if (exact) {
                CHECK(SameStorage(outType, out->Download(), expected, what));
            } else {
                // float32 arguments of e^x carry their own rounding (|argument| up to ~50 here).
                CHECK(CloseStorage(outType, out->Download(), expected, std::max(2 * Tolerance(outType), 1e-5), 1e-30,
                                   what));
            }
        }
    }
}

TEST_CASE("InplaceRelu, InplaceNeg and InplaceExp write selfRef") {
    REQUIRE(Session().ok);
    auto self = Make(ACL_FLOAT, {33});
    const std::vector<unsigned char> before = self->host();
    OpCall relu{[&](uint64_t *ws, aclOpExecutor **ex) { return aclnnInplaceReluGetWorkspaceSize(*self, ws, ex); },
                &aclnnInplaceRelu};
    CHECK_EQ(Run(relu), 0);
    std::vector<unsigned char> expected = before;
    for (size_t i = 0; i < 33; ++i) {
        StoreRaw(&expected[i * 4], std::max(LoadRaw<float>(&before[i * 4]), 0.0f));
    }
    CHECK(SameStorage(ACL_FLOAT, self->Download(), expected, "InplaceRelu"));
    OpCall neg{[&](uint64_t *ws, aclOpExecutor **ex) { return aclnnInplaceNegGetWorkspaceSize(*self, ws, ex); },
               &aclnnInplaceNeg};
    CHECK_EQ(Run(neg), 0);
    for (size_t i = 0; i < 33; ++i) {
        StoreRaw(&expected[i * 4], -LoadRaw<float>(&expected[i * 4]));
    }
    CHECK(SameStorage(ACL_FLOAT, self->Download(), expected, "InplaceNeg"));
}

TEST_CASE("Exp in float32 is within 2 ulp of e^x over its whole range, with inf, 0 and NaN at the edges") {
    REQUIRE(Session().ok);
    const std::vector<float> inputs = {-200.0f, -104.0f, -103.0f, -87.5f, -10.0f, -1e-8f, 0.0f,     1e-8f,     0.5f,
                                       1.0f,    10.0f,   88.0f,   88.7f,  88.8f,  200.0f, INFINITY, -INFINITY, NAN};
    const std::vector<unsigned char> bytes = RunExp(ACL_FLOAT, inputs);
    for (size_t i = 0; i < inputs.size(); ++i) {
        const float actual = LoadRaw<float>(&bytes[i * 4]);
        const float expected = static_cast<float>(std::exp(static_cast<double>(inputs[i])));
        if (std::isnan(expected)) {
            CHECK(std::isnan(actual));
        } else if (std::isinf(expected) || expected == 0.0f) {
            CHECK_EQ(actual, expected);
        } else {
            const float ulp = std::nextafter(expected, INFINITY) - expected;
            CHECK(std::fabs(actual - expected) <= 2 * ulp + 1e-45f);
        }
    }
    // Many points: the relative error stays below 3e-7 on [-80, 80].
    auto dense = Make(ACL_FLOAT, {4001});
    for (int i = 0; i <= 4000; ++i) {
        StoreRaw(&dense->host()[i * 4], -80.0f + 0.04f * static_cast<float>(i));
    }
    dense->Upload();
    auto denseOut = Make(ACL_FLOAT, {4001});
    CHECK_EQ(Run(UnaryCall(Unary::kExp, *dense, *denseOut)), 0);
    const std::vector<unsigned char> denseBytes = denseOut->Download();
    double worst = 0;
    for (int i = 0; i <= 4000; ++i) {
        const double x = LoadRaw<float>(&dense->host()[i * 4]);
        worst = std::max(worst, std::fabs(LoadRaw<float>(&denseBytes[i * 4]) / std::exp(x) - 1.0));
    }
    CHECK(worst < 3e-7);
}

// The element functions one value at a time, never vectorised: the definition the kernels' vector
// loops (SSE2, AVX2, AVX-512, NEON) must match bit for bit.
#if defined(__GNUC__) && !defined(__clang__)
__attribute__((noinline, optimize("no-tree-vectorize")))
#endif
float ScalarDefinition(Unary op, float x) {
    using aclsim::nn::ElementFunction;
    using aclsim::nn::ElementOp;
    switch (op) {
    case Unary::kExp: return aclsim::nn::ExpFloat(x);
    case Unary::kGelu: return ElementFunction<ElementOp::kGelu>::Apply<float>(x, 0.0f, 0.0f);
    case Unary::kSilu: return ElementFunction<ElementOp::kSilu>::Apply<float>(x, 0.0f, 0.0f);
    case Unary::kSigmoid: return ElementFunction<ElementOp::kSigmoid>::Apply<float>(x, 0.0f, 0.0f);
    case Unary::kTanh: return ElementFunction<ElementOp::kTanh>::Apply<float>(x, 0.0f, 0.0f);
    default: return NAN;
    }
}

TEST_CASE("Exp, Gelu, Silu, Sigmoid and Tanh in float32 give the scalar definition's bits across the float range") {
    REQUIRE(Session().ok);
    // Every 4099th bit pattern (all signs, exponents, NaNs, infinities), so every vector lane and
    // the loops' tails see every kind of value.
    constexpr uint64_t kStep = 4099;
    const auto count = static_cast<int64_t>((uint64_t{1} << 32) / kStep);
    auto self = Make(ACL_FLOAT, {count});
    for (int64_t i = 0; i < count; ++i) {
        StoreRaw(&self->host()[static_cast<size_t>(i) * 4], static_cast<uint32_t>(static_cast<uint64_t>(i) * kStep));
    }
    self->Upload();
    auto out = Make(ACL_FLOAT, {count});
    for (Unary op : {Unary::kExp, Unary::kGelu, Unary::kSilu, Unary::kSigmoid, Unary::kTanh}) {
        CHECK_EQ(Run(UnaryCall(op, *self, *out)), 0);
        const std::vector<unsigned char> bytes = out->Download();
        int64_t differing = 0;
        for (int64_t i = 0; i < count; ++i) {
            const float x = LoadRaw<float>(&self->host()[static_cast<size_t>(i) * 4]);
            const uint32_t expected = aclsim::nn::FloatBits(ScalarDefinition(op, x));
            const uint32_t actual = LoadRaw<uint32_t>(&bytes[static_cast<size_t>(i) * 4]);
            if (expected != actual && differing++ < 3) {
                std::fprintf(stderr, "unary op %d, x bits %08x: kernel %08x, definition %08x\n", static_cast<int>(op),
                             static_cast<unsigned>(static_cast<uint64_t>(i) * kStep), actual, expected);
            }
        }
        CHECK_EQ(differing, 0);
    }
}

TEST_CASE("Exp in double is within 2 ulp of e^x, with inf, subnormals, 0 and NaN at the edges") {
    REQUIRE(Session().ok);
    std::vector<double> inputs = {-800.0, -745.5, -740.0, -708.5, -1e-300, 0.0,      1e-17,     0.3,
                                  1.0,    700.0,  709.7,  709.8,  800.0,   INFINITY, -INFINITY, NAN};
    for (int i = 0; i <= 2000; ++i) {
        inputs.push_back(-700.0 + 0.7 * i);
    }
    const std::vector<unsigned char> bytes = RunExp(ACL_DOUBLE, inputs);
    size_t bad = 0;
    for (size_t i = 0; i < inputs.size(); ++i) {
        const double actual = LoadRaw<double>(&bytes[i * 8]);
        const long double exact = std::exp(static_cast<long double>(inputs[i]));
        const double expected = static_cast<double>(exact);
        bool ok = false;
        if (std::isnan(expected) || std::isinf(expected) || expected == 0.0) {
            ok = (std::isnan(expected) && std::isnan(actual)) || actual == expected;
        } else {
            const double ulp = std::nextafter(expected, INFINITY) - expected;
            ok = std::fabs(actual - expected) <= 2 * ulp;
        }
        if (!ok && bad++ < 4) {
            std::fprintf(stderr, "  exp(%.17g) = %.17g, expected %.17g\n", inputs[i], actual, expected);
        }
    }
    CHECK_EQ(bad, 0u);
}

TEST_CASE("Cast converts between every pair of stored dtypes") {
    REQUIRE(Session().ok);
    ForEachTypePair([&](aclDataType from, aclDataType to) {
        auto self = Make(from, {2, 7});
        auto out = Make(to, {2, 7});
        std::vector<unsigned char> expected = out->host();
        VisitComputeType(to, [&](auto tag) {
            using C = decltype(tag);
            for (size_t i = 0; i < 14; ++i) {
                WriteAs(to, ReadAs<C>(from, &self->host()[i * SizeOf(from)]), &expected[i * SizeOf(to)]);
            }
        });
        CHECK_EQ(Run(CastCall(*self, to, *out)), 0);
        CHECK(SameStorage(to, out->Download(), expected, std::string("Cast ") + TypeName(from) + "->" + TypeName(to)));
    });
}

TEST_CASE("InplaceCopy broadcasts and converts src into a strided, offset selfRef") {
    REQUIRE(Session().ok);
    // selfRef: a 4 x 6 view with strides (14, 2) at offset 3 in 64 INT32 elements.
    auto selfRef = Make(ACL_INT32, {4, 6}, {14, 2}, 3, 64);
    auto src = Make(ACL_FLOAT, {6});
    std::vector<unsigned char> expected = selfRef->host();
    for (int64_t r = 0; r < 4; ++r) {
        for (int64_t c = 0; c < 6; ++c) {
            const float value = LoadRaw<float>(&src->host()[c * 4]);
            StoreRaw(&expected[(3 + r * 14 + c * 2) * 4], RefCast<int32_t>(value));
        }
    }
    CHECK_EQ(Run(InplaceCopyCall(*selfRef, *src)), 0);
    CHECK(SameStorage(ACL_INT32, selfRef->Download(), expected, "InplaceCopy"));
}

TEST_CASE("strided, transposed and offset views in and out") {
    REQUIRE(Session().ok);
    // self: the transpose of a 5 x 4 matrix; other: every other element from offset 1; out: a
    // column-major 4 x 5 view.
    auto self = Make(ACL_FLOAT, {4, 5}, {1, 4});
    auto other = Make(ACL_FLOAT, {4, 5}, {10, 2}, 1, 41);
    auto out = Make(ACL_FLOAT, {4, 5}, {1, 4});
    std::vector<unsigned char> expected = out->host();
    RefElementwiseTyped<float>(
        {&self->spec(), self->host().data(), {}}, {&other->spec(), other->host().data(), {}},
        [](float a, float b) { return a * b; }, ACL_FLOAT, out->spec(), expected);
    CHECK_EQ(Run(BinaryCall(Binary::kMul, *self, *other, nullptr, *out)), 0);
    CHECK(SameStorage(ACL_FLOAT, out->Download(), expected, "Mul on strided views"));

    auto geluOut = Make(ACL_FLOAT, {4, 5}, {10, 2}, 0, 40);
    std::vector<unsigned char> geluExpected = geluOut->host();
    RefElementwiseTyped<double>(
        {&self->spec(), self->host().data(), {}}, {&self->spec(), self->host().data(), {}},
        [](double a, double) { return RefGelu(a); }, ACL_DOUBLE, geluOut->spec(), geluExpected);
    CHECK_EQ(Run(UnaryCall(Unary::kGelu, *self, *geluOut)), 0);
    CHECK(CloseStorage(ACL_FLOAT, geluOut->Download(), geluExpected, 2e-6, 1e-30, "Gelu on strided views"));
}

TEST_CASE("empty tensors give an executor that launches nothing") {
    REQUIRE(Session().ok);
    auto self = Make(ACL_FLOAT, {0, 3});
    auto other = Make(ACL_FLOAT, {3});
    auto out = Make(ACL_FLOAT, {0, 3});
    CHECK_EQ(Run(BinaryCall(Binary::kMul, *self, *other, nullptr, *out)), 0);
    CHECK_EQ(Run(UnaryCall(Unary::kGelu, *self, *out)), 0);
    CHECK_EQ(Run(UnaryCall(Unary::kSigmoid, *self, *out)), 0);
    CHECK_EQ(Run(UnaryCall(Unary::kTanh, *self, *out)), 0);
    CHECK_EQ(Run(InplaceUnaryCall(Unary::kTanh, *self)), 0);
    CHECK_EQ(Run(CastCall(*self, ACL_FLOAT, *out)), 0);
}

TEST_CASE("refusals: NULL arguments 161001, unsupported dtypes, shapes and outs 161002") {
    REQUIRE(Session().ok);
    auto [f32, f32b, f16, i32, u8, b8, f64, c64] = MakeEach(
        {ACL_FLOAT, ACL_FLOAT, ACL_FLOAT16, ACL_INT32, ACL_UINT8, ACL_BOOL, ACL_DOUBLE, ACL_COMPLEX64}, {2, 3});
    auto wide = Make(ACL_FLOAT, {2, 4});
    auto longRow = Make(ACL_FLOAT, {3, 3});
    auto nineDims = Make(ACL_FLOAT, {1, 1, 1, 1, 1, 1, 1, 1, 2});
    ScalarHandle complexAlpha(HostScalar::Complex64(1.0f, 1.0f));
    ScalarHandle one(HostScalar::Float(1.0f));
    uint64_t ws = 0;
    aclOpExecutor *ex = nullptr;

    CHECK_EQ(Prepare(BinaryCall(Binary::kMul, nullptr, *f32, nullptr, *f32b)), kNullptr);
    CHECK_EQ(Prepare(BinaryCall(Binary::kMul, *f32, *f32, nullptr, nullptr)), kNullptr);
    CHECK_EQ(Prepare(BinaryCall(Binary::kSub, *f32, *f32, nullptr, *f32b)), kNullptr); // alpha
    CHECK_EQ(aclnnMulGetWorkspaceSize(*f32, *f32, *f32b, nullptr, &ex), kNullptr);
    CHECK_EQ(aclnnMulGetWorkspaceSize(*f32, *f32, *f32b, &ws, nullptr), kNullptr);
    CHECK_EQ(Prepare(UnaryCall(Unary::kGelu, nullptr, *f32)), kNullptr);
    CHECK_EQ(aclnnCastGetWorkspaceSize(nullptr, ACL_FLOAT, *f32, &ws, &ex), kNullptr);
    CHECK_EQ(aclnnInplaceCopyGetWorkspaceSize(*f32, nullptr, &ws, &ex), kNullptr);

    CHECK_EQ(Prepare(BinaryCall(Binary::kMaximum, *c64, *c64, nullptr, *c64)), kInvalid);  // no complex
    CHECK_EQ(Prepare(BinaryCall(Binary::kDiv, *f32, *f32, nullptr, *b8)), kInvalid);       // FLOAT -> BOOL
    CHECK_EQ(Prepare(BinaryCall(Binary::kMul, *c64, *f32, nullptr, *i32)), kInvalid);      // complex -> INT32
    CHECK_EQ(Prepare(BinaryCall(Binary::kSub, *i32, *i32, complexAlpha, *i32)), kInvalid); // alpha type
    CHECK_EQ(Prepare(BinaryCall(Binary::kMul, *f32, *wide, nullptr, *f32b)), kInvalid);    // no broadcast
    CHECK_EQ(Prepare(BinaryCall(Binary::kMul, *f32, *f32, nullptr, *wide)), kInvalid);     // out shape
    CHECK_EQ(Prepare(BinaryCall(Binary::kMul, *nineDims, *nineDims, nullptr, *nineDims)), kInvalid);
    CHECK_EQ(aclnnInplaceMulGetWorkspaceSize(*f32, *longRow, &ws, &ex), kInvalid);
    CHECK_EQ(Prepare(UnaryCall(Unary::kNeg, *b8, *b8)), kInvalid);
    CHECK_EQ(Prepare(UnaryCall(Unary::kNeg, *u8, *u8)), kInvalid);
    CHECK_EQ(Prepare(UnaryCall(Unary::kRelu, *b8, *b8)), kInvalid);
    CHECK_EQ(Prepare(UnaryCall(Unary::kRelu, *f32, *f16)), kInvalid); // out must be self's dtype
    CHECK_EQ(Prepare(UnaryCall(Unary::kGelu, *i32, *i32)), kInvalid);
    CHECK_EQ(Prepare(UnaryCall(Unary::kGelu, *f32, *f16)), kInvalid);
    CHECK_EQ(Prepare(UnaryCall(Unary::kSilu, *f64, *f64)), kInvalid);
    CHECK_EQ(Prepare(UnaryCall(Unary::kExp, *i32, *f32)), kInvalid); // INT32 not among Exp's types
    CHECK_EQ(Prepare(UnaryCall(Unary::kExp, *f32, *b8)), kInvalid);  // FLOAT -> BOOL
    CHECK_EQ(Prepare(UnaryCall(Unary::kNeg, *f32, *wide)), kInvalid);
    CHECK_EQ(aclnnCastGetWorkspaceSize(*f32, ACL_INT32, *f16, &ws, &ex), kInvalid); // out is not of dtype
    CHECK_EQ(aclnnCastGetWorkspaceSize(*f32, ACL_STRING, *f16, &ws, &ex), kInvalid);
    CHECK_EQ(aclnnInplaceCopyGetWorkspaceSize(*f32, *wide, &ws, &ex), kInvalid);
    CHECK_EQ(aclnnInplaceCopyGetWorkspaceSize(*f32, *longRow, &ws, &ex), kInvalid);
    aclGetRecentErrMsg();
}

TEST_CASE("every elementwise operator: eager, captured replay and task update give the same bytes") {
    REQUIRE(Session().ok);
    struct Operands {
        std::unique_ptr<DeviceTensor> a, b, out;
    };
    ScalarHandle alpha(HostScalar::Float(0.75f));
    ScalarHandle scalar(HostScalar::Float(-1.25f));
    using Factory = std::function<OpCall(Operands &)>;
    const std::pair<const char *, Factory> ops[] = {
        {"Sub", [&](Operands &o) { return BinaryCall(Binary::kSub, *o.a, *o.b, alpha, *o.out); }},
        {"Mul", [&](Operands &o) { return BinaryCall(Binary::kMul, *o.a, *o.b, nullptr, *o.out); }},
        {"Div", [&](Operands &o) { return BinaryCall(Binary::kDiv, *o.a, *o.b, nullptr, *o.out); }},
        {"Maximum", [&](Operands &o) { return BinaryCall(Binary::kMaximum, *o.a, *o.b, nullptr, *o.out); }},
        {"Neg", [&](Operands &o) { return UnaryCall(Unary::kNeg, *o.a, *o.out); }},
        {"Exp", [&](Operands &o) { return UnaryCall(Unary::kExp, *o.a, *o.out); }},
        {"Relu", [&](Operands &o) { return UnaryCall(Unary::kRelu, *o.a, *o.out); }},
        {"Gelu", [&](Operands &o) { return UnaryCall(Unary::kGelu, *o.a, *o.out); }},
        {"Silu", [&](Operands &o) { return UnaryCall(Unary::kSilu, *o.a, *o.out); }},
        {"Sigmoid", [&](Operands &o) { return UnaryCall(Unary::kSigmoid, *o.a, *o.out); }},
        {"Tanh", [&](Operands &o) { return UnaryCall(Unary::kTanh, *o.a, *o.out); }},
        {"InplaceSigmoid", [&](Operands &o) { return InplaceUnaryCall(Unary::kSigmoid, *o.out); }},
        {"InplaceTanh", [&](Operands &o) { return InplaceUnaryCall(Unary::kTanh, *o.out); }},
        {"Muls", [&](Operands &o) { return MulsCall(*o.a, scalar, *o.out); }},
        {"Cast", [&](Operands &o) { return CastCall(*o.a, ACL_FLOAT, *o.out); }},
        {"InplaceCopy", [&](Operands &o) { return InplaceCopyCall(*o.out, *o.a); }},
        {"InplaceMul", [&](Operands &o) { return InplaceMulCall(*o.out, *o.b); }},
    };
    for (const auto &[name, factory] : ops) {
        Operands sets[2];
        for (Operands &set : sets) {
            set.a = Make(ACL_FLOAT, {6, 10});
            set.b = Make(ACL_FLOAT, {10});
            set.out = Make(ACL_FLOAT, {6, 10});
        }
        CHECK(CheckCaptureReplayUpdate([&](int k) { return factory(sets[k]); }, *sets[0].out, *sets[1].out, name));
    }
}

namespace {

// Runs a unary operator over `inputs` (1-D, of `type`) into an out of `outType`; returns out's bytes.
template <class T>
std::vector<unsigned char> RunUnary(Unary op, aclDataType type, const std::vector<T> &inputs, aclDataType outType) {
    auto self = Make(type, {static_cast<int64_t>(inputs.size())});
    std::memcpy(self->host().data(), inputs.data(), inputs.size() * sizeof(T));
    self->Upload();
    auto out = Make(outType, {static_cast<int64_t>(inputs.size())});
    CHECK_EQ(Run(UnaryCall(op, *self, *out)), 0);
    return out->Download();
}

// Distance of `actual` from the exact value in units of the float32 result's last place (the
// spacing at the exact value rounded to float; subnormals have the fixed spacing 2^-149).
double FloatUlps(float actual, double exact) {
    const float rounded = static_cast<float>(exact);
    const double spacing = static_cast<double>(std::nextafter(std::fabs(rounded), INFINITY) - std::fabs(rounded));
    return std::fabs(static_cast<double>(actual) - exact) / spacing;
}

// The worst ulp error of op in float32 over x = from, from + step, ..., to (the exact value by
// `reference` in double or long double).
template <class Reference>
double WorstFloatUlps(Unary op, float from, float to, float step, Reference reference) {
    std::vector<float> inputs;
    for (float x = from; x <= to; x += step) {
        inputs.push_back(x);
    }
    const std::vector<unsigned char> bytes = RunUnary(op, ACL_FLOAT, inputs, ACL_FLOAT);
    double worst = 0;
    for (size_t i = 0; i < inputs.size(); ++i) {
        worst = std::max(worst, FloatUlps(LoadRaw<float>(&bytes[i * 4]), reference(inputs[i])));
    }
    return worst;
}

} // namespace

TEST_CASE("Sigmoid in float32 is within 4 ulp of 1 / (1 + e^-x), subnormal results included") {
    REQUIRE(Session().ok);
    auto reference = [](float x) { return RefSigmoid(static_cast<double>(x)); };
    const double wide = WorstFloatUlps(Unary::kSigmoid, -103.0f, 20.0f, 0.00731f, reference);
    const double nearZero = WorstFloatUlps(Unary::kSigmoid, -0.5f, 0.5f, 1.7e-5f, reference);
    std::fprintf(stderr, "Sigmoid float32: worst %.2f ulp on [-103, 20], %.2f ulp on [-0.5, 0.5]\n", wide, nearZero);
    CHECK(wide <= 4.0);
    CHECK(nearZero <= 4.0);

    const std::vector<float> edges = {-INFINITY, -200.0f, -104.0f, -100.0f, -1e-30f,  -0.0f,
                                      0.0f,      1e-30f,  17.0f,   100.0f,  INFINITY, NAN};
    const std::vector<unsigned char> bytes = RunUnary(Unary::kSigmoid, ACL_FLOAT, edges, ACL_FLOAT);
    auto at = [&](size_t i) { return LoadRaw<float>(&bytes[i * 4]); };
    CHECK_EQ(at(0), 0.0f);
    CHECK_EQ(at(1), 0.0f); // e^-200 is below the smallest subnormal
    CHECK(at(2) >= 0.0f);
    CHECK(at(2) <= 2e-45f);
    CHECK(FloatUlps(at(3), std::exp(-100.0) / (1.0 + std::exp(-100.0))) <= 1.0); // a subnormal result
    CHECK_EQ(at(4), 0.5f);
    CHECK_EQ(at(5), 0.5f);
    CHECK_EQ(at(6), 0.5f);
    CHECK_EQ(at(7), 0.5f);
    CHECK(FloatUlps(at(8), RefSigmoid(17.0)) <= 1.0); // 1 + e^-17 rounds to 1
    CHECK_EQ(at(9), 1.0f);
    CHECK_EQ(at(10), 1.0f);
    CHECK(std::isnan(at(11)));
}

TEST_CASE("Tanh in float32 is within 3 ulp of tanh, odd, saturating to 1 with NaN kept") {
    REQUIRE(Session().ok);
    auto reference = [](float x) { return static_cast<double>(std::tanh(static_cast<long double>(x))); };
    const double wide = WorstFloatUlps(Unary::kTanh, -12.0f, 12.0f, 0.000913f, reference);
    const double nearZero = WorstFloatUlps(Unary::kTanh, -0.7f, 0.7f, 1.3e-5f, reference);
    const double tiny = WorstFloatUlps(Unary::kTanh, 1e-12f, 1e-3f, 3.1e-7f, reference);
    std::fprintf(stderr, "Tanh float32: worst %.2f ulp on [-12, 12], %.2f on [-0.7, 0.7], %.2f on [1e-12, 1e-3]\n",
                 wide, nearZero, tiny);
    CHECK(wide <= 3.0);
    CHECK(nearZero <= 3.0);
    CHECK(tiny <= 1.0);

    const std::vector<float> edges = {-INFINITY, -100.0f, -9.5f,  -0.0f,    0.0f, 1e-40f, -1e-40f,
                                      0.625f,    9.5f,    100.0f, INFINITY, NAN,  -NAN};
    const std::vector<unsigned char> bytes = RunUnary(Unary::kTanh, ACL_FLOAT, edges, ACL_FLOAT);
    auto at = [&](size_t i) { return LoadRaw<float>(&bytes[i * 4]); };
    CHECK_EQ(at(0), -1.0f);
    CHECK_EQ(at(1), -1.0f);
    CHECK_EQ(at(2), -1.0f);                              // tanh(9.5) = 1 - 1.1e-8 rounds to 1
    CHECK_EQ(aclsim::nn::FloatBits(at(3)), 0x80000000u); // -0 keeps its sign
    CHECK_EQ(aclsim::nn::FloatBits(at(4)), 0u);
    CHECK_EQ(at(5), 1e-40f); // a subnormal x is its own tanh
    CHECK_EQ(at(6), -1e-40f);
    CHECK(FloatUlps(at(7), std::tanh(0.625)) <= 3.0);
    CHECK_EQ(at(8), 1.0f);
    CHECK_EQ(at(9), 1.0f);
    CHECK_EQ(at(10), 1.0f);
    CHECK(std::isnan(at(11)));
    CHECK(std::isnan(at(12)));
}

TEST_CASE("Sigmoid in double is within 4 ulp of 1 / (1 + e^-x); complex input follows the definition") {
    REQUIRE(Session().ok);
    std::vector<double> inputs = {-800.0, -740.0, -0.0, 0.0, 40.0, INFINITY, -INFINITY, NAN};
    for (int i = 0; i <= 3000; ++i) {
        inputs.push_back(-720.0 + 0.2477 * i);
    }
    const std::vector<unsigned char> bytes = RunUnary(Unary::kSigmoid, ACL_DOUBLE, inputs, ACL_DOUBLE);
    double worst = 0;
    for (size_t i = 0; i < inputs.size(); ++i) {
        const double actual = LoadRaw<double>(&bytes[i * 8]);
        const long double x = inputs[i];
        const long double exact = x < 0 ? std::exp(x) / (1.0L + std::exp(x)) : 1.0L / (1.0L + std::exp(-x));
        if (std::isnan(inputs[i])) {
            CHECK(std::isnan(actual));
            continue;
        }
        const auto expected = static_cast<double>(exact);
        const double spacing = std::nextafter(expected, INFINITY) - expected;
        worst = std::max(worst, static_cast<double>(std::fabs(actual - exact) / spacing));
    }
    std::fprintf(stderr, "Sigmoid double: worst %.2f ulp on [-800, 40]\n", worst);
    CHECK(worst <= 4.0);

    const std::vector<std::complex<float>> z = {{0.5f, -1.25f}, {-2.0f, 3.0f}, {0.0f, 0.0f}, {4.0f, 0.1f}};
    const std::vector<unsigned char> zBytes = RunUnary(Unary::kSigmoid, ACL_COMPLEX64, z, ACL_COMPLEX64);
    // Complex64 through a FLOAT out keeps the real part (CANN's Sigmoid does not check the cast).
    const std::vector<unsigned char> realBytes = RunUnary(Unary::kSigmoid, ACL_COMPLEX64, z, ACL_FLOAT);
    for (size_t i = 0; i < z.size(); ++i) {
        const std::complex<double> exact = 1.0 / (1.0 + std::exp(-std::complex<double>(z[i])));
        const auto actual = LoadRaw<std::complex<float>>(&zBytes[i * 8]);
        CHECK(std::abs(std::complex<double>(actual) - exact) <= 1e-6 * std::abs(exact));
        CHECK(std::fabs(LoadRaw<float>(&realBytes[i * 4]) - exact.real()) <= 1e-6 * std::abs(exact));
    }
}

// The spacing of a type's subnormals: results below it round to 0 (sigmoid(-128) in FLOAT).
double SmallestPositive(aclDataType t) {
    switch (t) {
    case ACL_FLOAT16: return 6e-8;
    case ACL_BF16: return 1e-40;
    case ACL_FLOAT:
    case ACL_COMPLEX64: return 1.5e-45;
    default: return 0;
    }
}

TEST_CASE("Sigmoid computes integer and BOOL self in out's dtype; Tanh in FLOAT, cast to out") {
    REQUIRE(Session().ok);
    const std::vector<int8_t> values = {-128, -20, -3, -1, 0, 1, 2, 5, 30, 127};
    const std::vector<aclDataType> sigmoidOuts = {ACL_FLOAT, ACL_FLOAT16, ACL_BF16, ACL_DOUBLE, ACL_COMPLEX64};
    for (aclDataType outType : sigmoidOuts) {
        const std::vector<unsigned char> bytes = RunUnary(Unary::kSigmoid, ACL_INT8, values, outType);
        for (size_t i = 0; i < values.size(); ++i) {
            const double expected = RefSigmoid(static_cast<double>(values[i]));
            const double actual = ReadAs<double>(outType, &bytes[i * SizeOf(outType)]);
            CHECK_NEAR(actual, expected, Tolerance(outType) * expected + SmallestPositive(outType));
        }
    }
    const std::vector<aclDataType> tanhOuts = {ACL_FLOAT, ACL_FLOAT16, ACL_BF16};
    for (aclDataType outType : tanhOuts) {
        const std::vector<unsigned char> bytes = RunUnary(Unary::kTanh, ACL_INT8, values, outType);
        for (size_t i = 0; i < values.size(); ++i) {
            const double expected = std::tanh(static_cast<double>(values[i]));
            const double actual = ReadAs<double>(outType, &bytes[i * SizeOf(outType)]);
            CHECK_NEAR(actual, expected, Tolerance(outType) * std::fabs(expected));
        }
    }
    // BOOL: sigmoid(1) and tanh(1) for true, sigmoid(0) = 0.5 and tanh(0) = 0 for false.
    const std::vector<uint8_t> truths = {1, 0};
    const std::vector<unsigned char> sigmoidBool = RunUnary(Unary::kSigmoid, ACL_BOOL, truths, ACL_DOUBLE);
    CHECK(std::fabs(LoadRaw<double>(&sigmoidBool[0]) - RefSigmoid(1.0)) <= 1e-15);
    CHECK_EQ(LoadRaw<double>(&sigmoidBool[8]), 0.5);
    const std::vector<unsigned char> tanhBool = RunUnary(Unary::kTanh, ACL_BOOL, truths, ACL_FLOAT);
    CHECK(FloatUlps(LoadRaw<float>(&tanhBool[0]), std::tanh(1.0)) <= 3.0);
    CHECK_EQ(LoadRaw<float>(&tanhBool[4]), 0.0f);
    // A FLOAT self into a FLOAT16 out: computed in FLOAT, rounded once to FLOAT16.
    const std::vector<float> floats = {-3.0f, -0.25f, 0.75f, 6.0f};
    const std::vector<unsigned char> half = RunUnary(Unary::kTanh, ACL_FLOAT, floats, ACL_FLOAT16);
    for (size_t i = 0; i < floats.size(); ++i) {
        CHECK_EQ(ReadAs<double>(ACL_FLOAT16, &half[i * 2]),
                 static_cast<double>(static_cast<_Float16>(std::tanh(static_cast<double>(floats[i])))));
    }
}

TEST_CASE("InplaceSigmoid and InplaceTanh write selfRef in each dtype they accept") {
    REQUIRE(Session().ok);
    const std::pair<Unary, std::vector<aclDataType>> rows[] = {
        {Unary::kSigmoid, {ACL_FLOAT, ACL_FLOAT16, ACL_BF16, ACL_DOUBLE, ACL_COMPLEX64, ACL_COMPLEX128}},
        {Unary::kTanh, {ACL_FLOAT, ACL_FLOAT16, ACL_BF16}},
    };
    for (const auto &[op, types] : rows) {
        for (aclDataType t : types) {
            auto self = Make(t, {3, 7});
            if (IsFloat(t)) { // [-5, 5]
                for (size_t i = 0; i < 21; ++i) {
                    WriteAs(t, (static_cast<double>(i) - 10.0) * 0.5, &self->host()[i * SizeOf(t)]);
                }
                self->Upload();
            }
            bool exact = false;
            const std::vector<unsigned char> expected = RefUnary(op, *self, *self, exact);
            CHECK_EQ(Run(InplaceUnaryCall(op, *self)), 0);
            const std::string what =
                std::string(op == Unary::kSigmoid ? "InplaceSigmoid " : "InplaceTanh ") + TypeName(t);
            CHECK(CloseStorage(t, self->Download(), expected, std::max(2 * Tolerance(t), 1e-5), 1e-30, what));
        }
    }
}

TEST_CASE("Sigmoid and Tanh refusals: NULL 161001, dtypes, casts, shapes and ranks 161002") {
    REQUIRE(Session().ok);
    auto [f32, f16, bf16, f64, i32, i8, u8, b8, c64] = MakeEach(
        {ACL_FLOAT, ACL_FLOAT16, ACL_BF16, ACL_DOUBLE, ACL_INT32, ACL_INT8, ACL_UINT8, ACL_BOOL, ACL_COMPLEX64},
        {2, 3});
    auto wide = Make(ACL_FLOAT, {2, 4});
    auto nineDims = Make(ACL_FLOAT, {1, 1, 1, 1, 1, 1, 1, 1, 2});
    auto nineDimsOut = Make(ACL_FLOAT, {1, 1, 1, 1, 1, 1, 1, 1, 2});
    uint64_t ws = 0;
    aclOpExecutor *ex = nullptr;
    for (Unary op : {Unary::kSigmoid, Unary::kTanh}) {
        CHECK_EQ(Prepare(UnaryCall(op, nullptr, *f32)), kNullptr);
        CHECK_EQ(Prepare(UnaryCall(op, *f32, nullptr)), kNullptr);
        CHECK_EQ(Prepare(InplaceUnaryCall(op, nullptr)), kNullptr);
        CHECK_EQ(Prepare(UnaryCall(op, *f32, *i32)), kInvalid);              // integer out
        CHECK_EQ(Prepare(UnaryCall(op, *i8, *b8)), kInvalid);                // BOOL out
        CHECK_EQ(Prepare(UnaryCall(op, *f32, *wide)), kInvalid);             // out's shape
        CHECK_EQ(Prepare(UnaryCall(op, *nineDims, *nineDimsOut)), kInvalid); // more than 8 dims
        CHECK_EQ(Prepare(InplaceUnaryCall(op, *i32)), kInvalid);
        CHECK_EQ(Prepare(InplaceUnaryCall(op, *u8)), kInvalid);
        CHECK_EQ(Prepare(InplaceUnaryCall(op, *b8)), kInvalid);
    }
    CHECK_EQ(aclnnSigmoidGetWorkspaceSize(*f32, *f32, nullptr, &ex), kNullptr);
    CHECK_EQ(aclnnTanhGetWorkspaceSize(*f32, *f32, &ws, nullptr), kNullptr);
    CHECK_EQ(Prepare(UnaryCall(Unary::kSigmoid, *i32, *i32)), kInvalid); // out must be floating or complex
    CHECK_EQ(Prepare(UnaryCall(Unary::kTanh, *i32, *i32)), kInvalid);    // FLOAT result -> INT32
    CHECK_EQ(Prepare(UnaryCall(Unary::kTanh, *f64, *f64)), kInvalid);    // no DOUBLE
    CHECK_EQ(Prepare(UnaryCall(Unary::kTanh, *c64, *c64)), kInvalid);    // no complex
    CHECK_EQ(Prepare(UnaryCall(Unary::kTanh, *f32, *f64)), kInvalid);    // DOUBLE out
    CHECK_EQ(Prepare(InplaceUnaryCall(Unary::kTanh, *f64)), kInvalid);
    CHECK_EQ(Prepare(InplaceUnaryCall(Unary::kTanh, *c64)), kInvalid);
    // Accepted across dtypes: Sigmoid's out need not be self's dtype, nor Tanh's.
    CHECK_EQ(Prepare(UnaryCall(Unary::kSigmoid, *f16, *f64)), 0);
    CHECK_EQ(Prepare(UnaryCall(Unary::kSigmoid, *c64, *f32)), 0);
    CHECK_EQ(Prepare(UnaryCall(Unary::kSigmoid, *u8, *bf16)), 0);
    CHECK_EQ(Prepare(UnaryCall(Unary::kTanh, *bf16, *f16)), 0);
    CHECK_EQ(Prepare(InplaceUnaryCall(Unary::kSigmoid, *f64)), 0);
    aclGetRecentErrMsg();
}

TEST_CASE("no tensors, scalars or executors leak") {
    REQUIRE(Session().ok);
    ExpectNoOperatorObjectsLeft();
}

NN_TEST_MAIN()
