// Element types of the operator library: which aclDataTypes the aclnnAdd family accepts, their
// C++ storage and arithmetic types, value casts with defined results for every input, and the
// PyTorch-like type promotion and cast rules of CANN (deduction_relationship.md,
// conversion_relationship.md).
#ifndef ACLSIM_NN_DTYPE_H
#define ACLSIM_NN_DTYPE_H

#include <cmath>
#include <complex>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <type_traits>

#include "acl/acl_base.h"

namespace aclsim::nn {

// Results of float casts are specified by IEC 559 (Annex F), not left undefined.
static_assert(std::numeric_limits<float>::is_iec559 && std::numeric_limits<double>::is_iec559,
              "the kernels assume IEEE 754 float and double");

// Storage types with no C++ arithmetic of their own.
struct Half {
    uint16_t bits;
};
struct BFloat16 {
    uint16_t bits;
};
// A BOOL element: one byte that may hold any value (non-zero reads as true), so loads never
// materialise a C++ bool from an arbitrary byte.
struct BoolByte {
    uint8_t value;
};
using Complex64 = std::complex<float>;
using Complex128 = std::complex<double>;

template <class T>
struct TypeTag {
    using type = T;
};

// ---- half-precision conversions (round to nearest, ties to even) ----

inline uint32_t FloatBits(float value) {
    uint32_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    return bits;
}

inline float FloatFromBits(uint32_t bits) {
    float value;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

// The conversions below are branch-free (every case computed, one selected by a mask) so that
// the compiler vectorises the kernels' conversion loops.

inline uint32_t SelectBits(bool condition, uint32_t ifTrue, uint32_t ifFalse) {
    const uint32_t mask = 0u - static_cast<uint32_t>(condition);
    return (ifTrue & mask) | (ifFalse & ~mask);
}

inline uint16_t FloatToHalfBits(float value) {
    const uint32_t bits = FloatBits(value);
    const uint32_t sign = (bits >> 16) & 0x8000u;
    const uint32_t magnitude = bits & 0x7FFFFFFFu;
    // Normal: rebias the exponent (127 -> 15) and round the 13 dropped mantissa bits to even.
    const uint32_t normal = (magnitude + 0xC8000FFFu + ((magnitude >> 13) & 1u)) >> 13;
    // Below 2^-14 (subnormal half): adding 0.5f makes the FPU round at 2^-24, the half's ulp.
    const uint32_t subnormal = FloatBits(FloatFromBits(magnitude) + 0.5f) - 0x3F000000u;
    // NaN stays a quiet NaN with its top payload bits; 65520 and above round to infinity.
    const uint32_t special = SelectBits(magnitude > 0x7F800000u, 0x7E00u | ((magnitude >> 13) & 0x3FFu), 0x7C00u);
    const uint32_t finite = SelectBits(magnitude < 0x38800000u, subnormal, normal);
    return static_cast<uint16_t>(sign | SelectBits(magnitude >= 0x477FF000u, special, finite));
}

inline float HalfBitsToFloat(uint16_t half) {
    const uint32_t shifted = static_cast<uint32_t>(half & 0x7FFFu) << 13; // exponent and mantissa in place
    const uint32_t exponent = shifted & 0x0F800000u;
    const bool zeroOrSubnormal = exponent == 0;
    const uint32_t bits = shifted + 0x38000000u                                  // rebias 15 -> 127
                          + SelectBits(exponent == 0x0F800000u, 0x38000000u, 0u) // inf / NaN
                          + SelectBits(zeroOrSubnormal, 0x00800000u, 0u);        // 2^-14 * (1 + m/1024) ...
    // ... minus 2^-14 is m * 2^-24, exactly.
    const float magnitude = FloatFromBits(bits) - FloatFromBits(SelectBits(zeroOrSubnormal, 0x38800000u, 0u));
    return FloatFromBits(FloatBits(magnitude) | (static_cast<uint32_t>(half & 0x8000u) << 16));
}

inline uint16_t FloatToBFloat16Bits(float value) {
    const uint32_t bits = FloatBits(value);
    const uint32_t rounded = (bits + 0x7FFFu + ((bits >> 16) & 1u)) >> 16;
    const uint32_t quietNaN = (bits >> 16) | 0x40u; // NaN: truncate, keeping it a quiet NaN
    return static_cast<uint16_t>(SelectBits((bits & 0x7FFFFFFFu) > 0x7F800000u, quietNaN, rounded));
}

inline float BFloat16BitsToFloat(uint16_t value) {
    return FloatFromBits(static_cast<uint32_t>(value) << 16);
}

// ---- arithmetic types and value casts ----

template <class T>
struct IsComplex : std::false_type {};
template <class T>
struct IsComplex<std::complex<T>> : std::true_type {};

template <class T>
constexpr bool kIsInteger = std::is_integral_v<T> && !std::is_same_v<T, bool>;

// Float to integer: truncation toward zero in range; NaN gives 0 (as CANN's Cast does) and values
// beyond the range saturate, so no input is undefined behaviour.
template <class I, class F>
I SaturatingFloatToInteger(F value) {
    if (std::isnan(value)) {
        return 0;
    }
    constexpr F lowest = static_cast<F>(std::numeric_limits<I>::min());                      // 0 or -2^k: exact
    constexpr F aboveHighest = static_cast<F>(std::numeric_limits<I>::max() / 2 + 1) * F(2); // 2^digits
    if (value <= lowest) {
        return std::numeric_limits<I>::min();
    }
    if (value >= aboveHighest) {
        return std::numeric_limits<I>::max();
    }
    return static_cast<I>(value);
}

// Casts between arithmetic types (bool, integers, float, double, complex).
template <class To, class From>
To CastValue(From value) {
    if constexpr (std::is_same_v<To, From>) {
        return value;
    } else if constexpr (IsComplex<From>::value) {
        if constexpr (IsComplex<To>::value) {
            using Part = typename To::value_type;
            return To(static_cast<Part>(value.real()), static_cast<Part>(value.imag()));
        } else if constexpr (std::is_same_v<To, bool>) {
            return value.real() != 0 || value.imag() != 0;
        } else {
            return CastValue<To>(value.real()); // the imaginary part is discarded
        }
    } else if constexpr (IsComplex<To>::value) {
        using Part = typename To::value_type;
        return To(CastValue<Part>(value), Part(0));
    } else if constexpr (std::is_same_v<To, bool>) {
        return value != From(0);
    } else if constexpr (std::is_floating_point_v<To>) {
        return static_cast<To>(value);
    } else if constexpr (std::is_floating_point_v<From>) {
        return SaturatingFloatToInteger<To>(value);
    } else {
        // Integer (or bool) to integer: two's complement wrap-around, through the unsigned type.
        return static_cast<To>(static_cast<std::make_unsigned_t<To>>(value));
    }
}

// Per storage type: the type arithmetic is done in, and the conversions from and to it.
template <class S>
struct ElementTraits {
    using Arith = S;
    static Arith Load(S value) { return value; }
    static S Store(Arith value) { return value; }
};
template <>
struct ElementTraits<Half> {
    using Arith = float; // f16 arithmetic runs in float32, then rounds once
    static float Load(Half value) { return HalfBitsToFloat(value.bits); }
    static Half Store(float value) { return Half{FloatToHalfBits(value)}; }
};
template <>
struct ElementTraits<BFloat16> {
    using Arith = float;
    static float Load(BFloat16 value) { return BFloat16BitsToFloat(value.bits); }
    static BFloat16 Store(float value) { return BFloat16{FloatToBFloat16Bits(value)}; }
};
template <>
struct ElementTraits<BoolByte> {
    using Arith = bool;
    static bool Load(BoolByte value) { return value.value != 0; }
    static BoolByte Store(bool value) { return BoolByte{static_cast<uint8_t>(value ? 1 : 0)}; }
};

template <class S>
using ArithOf = typename ElementTraits<S>::Arith;

// Rounds an arithmetic value to what storage type S can hold (a no-op except for f16/bf16).
template <class S>
ArithOf<S> RoundTo(ArithOf<S> value) {
    return ElementTraits<S>::Load(ElementTraits<S>::Store(value));
}

// Converts one stored element of type From to a stored element of type To.
template <class To, class From>
To ConvertElement(From value) {
    return ElementTraits<To>::Store(CastValue<ArithOf<To>>(ElementTraits<From>::Load(value)));
}

// ---- the data types of the aclnnAdd family ----

// The data types with kernel storage, X(aclDataType, storage type): the twelve aclnnAdd accepts.
#define ACLSIM_ELEMENT_TYPES(X) \
    X(ACL_FLOAT, float)         \
    X(ACL_FLOAT16, Half)        \
    X(ACL_BF16, BFloat16)       \
    X(ACL_DOUBLE, double)       \
    X(ACL_INT8, int8_t)         \
    X(ACL_INT16, int16_t)       \
    X(ACL_INT32, int32_t)       \
    X(ACL_INT64, int64_t)       \
    X(ACL_UINT8, uint8_t)       \
    X(ACL_BOOL, BoolByte)       \
    X(ACL_COMPLEX64, Complex64) \
    X(ACL_COMPLEX128, Complex128)

// Calls visit(TypeTag<Storage>{}) for the storage type of `dtype`; false when the operator
// library has no kernel storage for that type.
template <class Visitor>
bool VisitElementType(aclDataType dtype, Visitor &&visit) {
#define ACLSIM_VISIT_CASE(dtype, Storage) \
    case dtype: visit(TypeTag<Storage>{}); return true;
    switch (dtype) {
        ACLSIM_ELEMENT_TYPES(ACLSIM_VISIT_CASE)
    default: return false;
    }
#undef ACLSIM_VISIT_CASE
}

// True for the twelve types aclnnAdd accepts (A2/A3 list, with BF16).
bool IsAddSupportedType(aclDataType dtype);
// "FLOAT, FLOAT16, ..." for messages.
const char *AddSupportedTypeList();
// "FLOAT16", "INT32", ... or "aclDataType(<n>)".
std::string DataTypeName(aclDataType dtype);

bool IsFloatingType(aclDataType dtype); // FLOAT16, BF16, FLOAT, DOUBLE
bool IsComplexType(aclDataType dtype);  // COMPLEX64, COMPLEX128
bool IsIntegralType(aclDataType dtype); // signed and unsigned integers, not BOOL

// PyTorch-like promotion of two tensor types; ACL_DT_UNDEFINED when they do not promote.
aclDataType PromoteTypes(aclDataType a, aclDataType b);
// CANN's CanCast: whether a value of type `from` may be converted to type `to`: not complex to a
// non-complex type, not floating to an integer type, not anything but BOOL to BOOL.
bool CanCast(aclDataType from, aclDataType to);

} // namespace aclsim::nn

#endif
