// The element functions of the elementwise operators, each out = Apply(a, b, alpha) over the
// kernel's arithmetic type A (b and alpha unused by the unary ones), and which arithmetic types
// each one is instantiated for. Branch-free where it matters, so that the row loops vectorise.
#ifndef ACLSIM_NN_ELEMENT_OPS_H
#define ACLSIM_NN_ELEMENT_OPS_H

#include <cmath>
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "dtype.h"

namespace aclsim::nn {

// Every element function, once: the enum and the kernel's dispatch (elementwise_kernel.cpp) are
// both made from this list.
#define ACLSIM_ELEMENT_OPS(X) \
    X(kAxpy)                  \
    X(kSubAxpy)               \
    X(kMul)                   \
    X(kDiv)                   \
    X(kMaximum)               \
    X(kNeg)                   \
    X(kExp)                   \
    X(kRelu)                  \
    X(kGelu)                  \
    X(kSilu)                  \
    X(kSigmoid)               \
    X(kTanh)                  \
    X(kIdentity)

enum class ElementOp {
#define ACLSIM_ELEMENT_OP_ENUMERATOR(name) name,
    ACLSIM_ELEMENT_OPS(ACLSIM_ELEMENT_OP_ENUMERATOR)
#undef ACLSIM_ELEMENT_OP_ENUMERATOR
};

// A float chosen by a mask rather than a branch: GCC does not if-convert a float comparison
// selecting between floats (NaN rules), which would keep every loop over e^x scalar.
inline float SelectFloat(bool condition, float ifTrue, float ifFalse) {
    return FloatFromBits(SelectBits(condition, FloatBits(ifTrue), FloatBits(ifFalse)));
}

// x = n ln2 + r with |r| <= ln2 / 2: n by rounding x log2(e) through the magic constant 1.5 * 2^23
// (the sum's low bits then hold n itself), r with ln 2 split so that n * kLn2High is exact.
struct ExpReduction {
    float r;
    uint32_t shiftedBits; // bits of n + 1.5 * 2^23: n = shiftedBits - FloatBits(kFloatRoundMagic)
};

constexpr float kFloatRoundMagic = 12582912.0f; // 1.5 * 2^23: adding it rounds to an integer

inline ExpReduction ReduceForExp(float x) {
    constexpr float kLog2e = 1.44269504088896341f;
    constexpr float kLn2High = 0.693145751953125f;
    constexpr float kLn2Low = 1.428606765330187e-06f;
    const float shifted = x * kLog2e + kFloatRoundMagic;
    const float n = shifted - kFloatRoundMagic;
    return {(x - n * kLn2High) - n * kLn2Low, FloatBits(shifted)};
}

// 2^n as a float from ReduceForExp's bits, for n in [-126, 128] (128 gives infinity). Integer
// arithmetic only: any bits (a NaN argument's) give a power of two, zero or infinity, never a NaN.
inline float PowerOfTwo(uint32_t exponent) {
    return FloatFromBits((exponent + 127u) << 23);
}

// c0 r^n + c1 r^(n-1) + ... + cn by Horner's scheme, unrolled at compile time: each step is
// p * r + c, in that order, as if written out by hand.
template <class T, class... Coefficients>
inline T Horner(T r, T c0, Coefficients... rest) {
    T p = c0;
    ((p = p * r + rest), ...);
    return p;
}

// e^x in float32 without a library call, branch-free so that loops over it vectorise (and every
// platform gives the same bits: no FMA contraction, the same operations in every lane): e^r by a
// degree-6 polynomial fitted to e^r's relative error on |r| <= ln2 / 2 (below 1e-7 evaluated in
// float32; within 2 ulp of e^x overall), then scaled by 2^n in two steps so that results down
// into the subnormals and up to infinity come out. NaN stays NaN (the argument itself).
inline float ExpFloat(float x) {
    float clamped = SelectFloat(x < -104.0f, -104.0f, x); // e^-104 is below the smallest subnormal
    clamped = SelectFloat(x > 89.0f, 89.0f, clamped);     // e^89 is above the largest float
    const ExpReduction reduced = ReduceForExp(clamped);
    const float p = Horner(reduced.r, 1.384393545e-03f, 8.374169469e-03f, 4.166799784e-02f, 1.666643173e-01f,
                           4.999999404e-01f, 1.0f, 1.0f);
    const uint32_t exponent = reduced.shiftedBits - FloatBits(kFloatRoundMagic); // n in [-150, 129]
    const uint32_t half = static_cast<uint32_t>(static_cast<int32_t>(exponent) >> 1);
    return SelectFloat(x != x, x, p * PowerOfTwo(half) * PowerOfTwo(exponent - half));
}

// e^y where only 1 + e^y matters (the logistic denominators of Gelu and Silu), cheaper than
// ExpFloat: a degree-5 polynomial (relative error below 2e-7) and one scaling. y is clamped to
// [-88, 89]: below, 1 + e^y is 1 in float32 (e^y comes out as 0); from 88.4 up, e^y comes out as
// infinity (x / (1 + e^y) is then below 1e-36 in magnitude, given as -0 or 0). NaN stays NaN.
inline float ExpForLogistic(float y) {
    float clamped = SelectFloat(y < -88.0f, -88.0f, y);
    clamped = SelectFloat(y > 89.0f, 89.0f, clamped);
    const ExpReduction reduced = ReduceForExp(clamped);
    const float p = Horner(reduced.r, 8.290269412e-03f, 4.189795628e-02f, 1.666763723e-01f, 4.999915063e-01f,
                           9.999997020e-01f, 1.0f);
    return p * PowerOfTwo(reduced.shiftedBits - FloatBits(kFloatRoundMagic));
}

// e^x in double, the same way (ln 2 split as in fdlibm, Taylor polynomial to r^13: relative
// error below 1e-16 on |r| <= ln2 / 2). The library's own, rather than libm's exp: glibc 2.29 gave
// exp a new symbol version, above the shipped library's load floor.
inline double ExpDouble(double x) {
    const bool nan = x != x;
    double clamped = x < -746.0 ? -746.0 : x;
    clamped = clamped > 710.0 ? 710.0 : clamped;
    clamped = nan ? 0.0 : clamped;
    constexpr double kLog2e = 1.4426950408889634;
    constexpr double kRoundMagic = 6755399441055744.0; // 1.5 * 2^52
    const double n = (clamped * kLog2e + kRoundMagic) - kRoundMagic;
    constexpr double kLn2High = 6.93147180369123816490e-01;
    constexpr double kLn2Low = 1.90821492927058770002e-10;
    const double r = (clamped - n * kLn2High) - n * kLn2Low;
    // 1/k! for k = 13 down to 0, by Horner's scheme.
    // clang-format off
    constexpr double kInverseFactorials[] = {1.0 / 6227020800.0, 1.0 / 479001600.0, 1.0 / 39916800.0,
                                             1.0 / 3628800.0,    1.0 / 362880.0,    1.0 / 40320.0,
                                             1.0 / 5040.0,       1.0 / 720.0,       1.0 / 120.0,
                                             1.0 / 24.0,         1.0 / 6.0,         0.5,
                                             1.0,                1.0};
    // clang-format on
    double p = kInverseFactorials[0];
    for (int k = 1; k < 14; ++k) {
        p = p * r + kInverseFactorials[k];
    }
    const auto exponent = static_cast<int64_t>(n); // in [-1077, 1025]
    const int64_t half = exponent / 2;
    double scaleA;
    double scaleB;
    const uint64_t bitsA = static_cast<uint64_t>(half + 1023) << 52;
    const uint64_t bitsB = static_cast<uint64_t>(exponent - half + 1023) << 52;
    std::memcpy(&scaleA, &bitsA, sizeof scaleA);
    std::memcpy(&scaleB, &bitsB, sizeof scaleB);
    const double result = p * scaleA * scaleB;
    return nan ? x : result;
}

// Wrap-around integer arithmetic without signed overflow: in an unsigned type at least as wide as
// int (so narrow types do not promote back to signed int).
template <class A>
using WrapType = std::conditional_t<(sizeof(A) < sizeof(uint32_t)), uint32_t, std::make_unsigned_t<A>>;

template <class A>
constexpr bool kIsFloatArith = std::is_floating_point_v<A>;
template <class A>
constexpr bool kIsRealArith = !IsComplex<A>::value; // bool, integers, float, double

template <ElementOp Op>
struct ElementFunction;

// self + alpha * other. BOOL: add is logical or, mul logical and.
template <>
struct ElementFunction<ElementOp::kAxpy> {
    template <class A>
    static constexpr bool kSupports = true;
    template <class A>
    static A Apply(A a, A b, A alpha) {
        if constexpr (std::is_same_v<A, bool>) {
            return a || (alpha && b);
        } else if constexpr (kIsInteger<A>) {
            using W = WrapType<A>;
            return static_cast<A>(static_cast<W>(static_cast<W>(a) + static_cast<W>(alpha) * static_cast<W>(b)));
        } else {
            return a + alpha * b;
        }
    }
};

// self - alpha * other. BOOL: the integer difference read as a truth value (exclusive or).
template <>
struct ElementFunction<ElementOp::kSubAxpy> {
    template <class A>
    static constexpr bool kSupports = true;
    template <class A>
    static A Apply(A a, A b, A alpha) {
        if constexpr (std::is_same_v<A, bool>) {
            return a != (alpha && b);
        } else if constexpr (kIsInteger<A>) {
            using W = WrapType<A>;
            return static_cast<A>(static_cast<W>(static_cast<W>(a) - static_cast<W>(alpha) * static_cast<W>(b)));
        } else {
            return a - alpha * b;
        }
    }
};

template <>
struct ElementFunction<ElementOp::kMul> {
    template <class A>
    static constexpr bool kSupports = true;
    template <class A>
    static A Apply(A a, A b, A) {
        if constexpr (std::is_same_v<A, bool>) {
            return a && b;
        } else if constexpr (kIsInteger<A>) {
            using W = WrapType<A>;
            return static_cast<A>(static_cast<W>(static_cast<W>(a) * static_cast<W>(b)));
        } else {
            return a * b;
        }
    }
};

// True division in a floating type (integer operands are promoted before).
template <>
struct ElementFunction<ElementOp::kDiv> {
    template <class A>
    static constexpr bool kSupports = kIsFloatArith<A> || IsComplex<A>::value;
    template <class A>
    static A Apply(A a, A b, A) {
        return a / b;
    }
};

// NaN propagates from either side (torch.maximum).
template <>
struct ElementFunction<ElementOp::kMaximum> {
    template <class A>
    static constexpr bool kSupports = kIsRealArith<A>;
    template <class A>
    static A Apply(A a, A b, A) {
        if constexpr (kIsFloatArith<A>) {
            return (a > b || a != a) ? a : b;
        } else {
            return a > b ? a : b;
        }
    }
};

template <>
struct ElementFunction<ElementOp::kNeg> {
    template <class A>
    static constexpr bool kSupports = !std::is_same_v<A, bool>;
    template <class A>
    static A Apply(A a, A, A) {
        if constexpr (kIsInteger<A>) {
            return static_cast<A>(static_cast<WrapType<A>>(WrapType<A>{0} - static_cast<WrapType<A>>(a)));
        } else {
            return -a;
        }
    }
};

template <>
struct ElementFunction<ElementOp::kExp> {
    template <class A>
    static constexpr bool kSupports = kIsFloatArith<A> || IsComplex<A>::value;
    template <class A>
    static A Apply(A a, A, A) {
        if constexpr (std::is_same_v<A, float>) {
            return ExpFloat(a);
        } else if constexpr (std::is_same_v<A, double>) {
            return ExpDouble(a);
        } else {
            return std::exp(a); // complex: cexp, whose symbol version is the base one
        }
    }
};

// max(x, 0); NaN stays NaN.
template <>
struct ElementFunction<ElementOp::kRelu> {
    template <class A>
    static constexpr bool kSupports = kIsRealArith<A> && !std::is_same_v<A, bool>;
    template <class A>
    static A Apply(A a, A, A) {
        if constexpr (kIsFloatArith<A>) {
            return (a > A(0) || a != a) ? a : A(0);
        } else {
            return a > A(0) ? a : A(0);
        }
    }
};

// CANN's GELU is the tanh form, 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))), computed as
// the equal x / (1 + e^(-2 sqrt(2/pi) (x + 0.044715 x^3))).
template <>
struct ElementFunction<ElementOp::kGelu> {
    template <class A>
    static constexpr bool kSupports = std::is_same_v<A, float>;
    template <class A>
    static A Apply(A x, A, A) {
        constexpr float kTwoSqrtTwoOverPi = 1.5957691216057308f;
        const float inner = x + 0.044715f * x * x * x;
        return x / (1.0f + ExpForLogistic(-kTwoSqrtTwoOverPi * inner));
    }
};

// x * sigmoid(x) = x / (1 + e^-x).
template <>
struct ElementFunction<ElementOp::kSilu> {
    template <class A>
    static constexpr bool kSupports = std::is_same_v<A, float>;
    template <class A>
    static A Apply(A x, A, A) {
        return x / (1.0f + ExpForLogistic(-x));
    }
};

// |x| by clearing the sign bit (no branch, no library call).
inline float AbsFloat(float x) {
    return FloatFromBits(FloatBits(x) & 0x7fffffffu);
}

// 1 / (1 + e^-x), from e = e^-|x| in (0, 1]: 1 / (1 + e) for x >= 0 and e / (1 + e) for x < 0, so
// that no e^x overflows and results down into the subnormals keep their relative accuracy (within
// 4 ulp in float32). NaN stays NaN; complex input uses the definition with std::exp (cexp).
template <>
struct ElementFunction<ElementOp::kSigmoid> {
    template <class A>
    static constexpr bool kSupports = kIsFloatArith<A> || IsComplex<A>::value;
    template <class A>
    static A Apply(A x, A, A) {
        if constexpr (std::is_same_v<A, float>) {
            const float e = ExpFloat(-AbsFloat(x));
            return SelectFloat(x < 0.0f, e, 1.0f) / (1.0f + e);
        } else if constexpr (std::is_same_v<A, double>) {
            const double e = ExpDouble(x < 0.0 ? x : -x); // NaN goes on as NaN
            return (x < 0.0 ? e : 1.0) / (1.0 + e);
        } else {
            return A(1) / (A(1) + std::exp(-x)); // cexp, whose symbol version is the base one
        }
    }
};

// tanh in float32 (FLOAT16 and BF16 compute in it too), odd, so computed on |x| with x's sign put
// back (-0 stays -0): below 0.625 an odd polynomial x + x^3 P(x^2) (1 - e^-2x would cancel there);
// above, (1 - e) / (1 + e) with e = e^-2|x|, which reaches 1 by itself for large |x| (e underflows)
// and at infinity. NaN stays NaN (both forms give NaN, and the comparison picks the second).
template <>
struct ElementFunction<ElementOp::kTanh> {
    template <class A>
    static constexpr bool kSupports = std::is_same_v<A, float>;
    template <class A>
    static A Apply(A x, A, A) {
        const float a = AbsFloat(x);
        const float s = a * a;
        // Minimax coefficients of (tanh(a) - a) / a^3 in s = a^2 on [0, 0.625] (Cephes' tanhf).
        const float small = a + a * s *
                                    Horner(s, -5.70498872745e-3f, 2.06390887954e-2f, -5.37397155531e-2f,
                                           1.33314422036e-1f, -3.33332819422e-1f);
        const float e = ExpFloat(-2.0f * a);
        const float large = (1.0f - e) / (1.0f + e);
        const float magnitude = SelectFloat(a < 0.625f, small, large);
        return FloatFromBits(FloatBits(magnitude) | (FloatBits(x) & 0x80000000u));
    }
};

// Cast and copy: the conversion is the load and the store.
template <>
struct ElementFunction<ElementOp::kIdentity> {
    template <class A>
    static constexpr bool kSupports = true;
    template <class A>
    static A Apply(A a, A, A) {
        return a;
    }
};

} // namespace aclsim::nn

#endif
