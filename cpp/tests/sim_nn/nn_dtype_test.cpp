// White-box checks of the operator library's element conversions (cpp/sim/nn/dtype.h, header
// only): FLOAT16 both ways against the compiler's _Float16, BF16 against frexp/nearbyint
// rounding, and the saturating float-to-integer cast, over exhaustive or dense input sets.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

#include "dtype.h"
#include "nn_test_support.h"

using namespace aclsim::nn;

namespace {

float FromBits(uint32_t bits) {
    float f;
    std::memcpy(&f, &bits, sizeof f);
    return f;
}

uint16_t HalfBitsOf(_Float16 h) {
    uint16_t bits;
    std::memcpy(&bits, &h, sizeof bits);
    return bits;
}

// Floats to try: a dense stride through all bit patterns plus the edges of the half range.
template <class Visit>
void ForSampleFloats(Visit visit) {
    for (uint64_t bits = 0; bits <= 0xFFFFFFFFull; bits += 4099) {
        visit(FromBits(static_cast<uint32_t>(bits)));
    }
    const float edges[] = {0.0f,
                           -0.0f,
                           65504.0f,
                           65519.99f,
                           65520.0f,
                           -65520.0f,
                           6.1035156e-05f,
                           5.96e-08f,
                           2.98e-08f,
                           2.99e-08f,
                           1e-30f,
                           3.0517578e-05f,
                           2049.0f,
                           2051.0f,
                           std::numeric_limits<float>::infinity(),
                           -std::numeric_limits<float>::infinity()};
    for (float edge : edges) {
        visit(edge);
        visit(std::nextafter(edge, 0.0f));
        visit(std::nextafter(edge, std::numeric_limits<float>::infinity()));
    }
}

uint32_t BitsOf(float f) {
    uint32_t bits;
    std::memcpy(&bits, &f, sizeof bits);
    return bits;
}

// Converts every sample float with `convert` and compares the result's bits with `expect(value)`;
// a NaN input must give a result `isNaN` accepts. Returns the mismatches and prints the first five.
template <class Convert, class Expect, class IsNaN>
int SampleMismatches(Convert convert, Expect expect, IsNaN isNaN) {
    int mismatches = 0;
    ForSampleFloats([&](float value) {
        const uint32_t actual = convert(value);
        const bool wrong = std::isnan(value) ? !isNaN(actual) : actual != expect(value);
        if (wrong && mismatches++ < 5) {
            std::fprintf(stderr, "  %a: got 0x%08x, want 0x%08x\n", value, actual,
                         std::isnan(value) ? 0u : expect(value));
        }
    });
    return mismatches;
}

} // namespace

TEST_CASE("FLOAT16 to float is exact for all 65536 encodings") {
    int mismatches = 0;
    for (uint32_t bits = 0; bits <= 0xFFFF; ++bits) {
        const uint16_t half = static_cast<uint16_t>(bits);
        _Float16 reference;
        std::memcpy(&reference, &half, sizeof reference);
        const float expected = static_cast<float>(reference);
        const float actual = HalfBitsToFloat(half);
        const bool same = std::isnan(expected) ? std::isnan(actual) : std::memcmp(&expected, &actual, 4) == 0;
        if (!same && mismatches++ < 5) {
            std::fprintf(stderr, "  half 0x%04x: got %a, want %a\n", bits, actual, expected);
        }
    }
    CHECK_EQ(mismatches, 0);
}

TEST_CASE("float to FLOAT16 rounds to nearest even, overflows to infinity, keeps NaN") {
    const int mismatches =
        SampleMismatches([](float value) { return uint32_t{FloatToHalfBits(value)}; },
                         [](float value) { return uint32_t{HalfBitsOf(static_cast<_Float16>(value))}; },
                         [](uint32_t half) { return (half & 0x7C00u) == 0x7C00u && (half & 0x3FFu) != 0; });
    CHECK_EQ(mismatches, 0);
}

TEST_CASE("float to BF16 rounds to nearest even; BF16 to float is exact") {
    const int mismatches =
        SampleMismatches([](float value) { return BitsOf(BFloat16BitsToFloat(FloatToBFloat16Bits(value))); },
                         [](float value) { return BitsOf(nntest::RoundBf16(value)); },
                         [](uint32_t widened) { return std::isnan(FromBits(widened)); });
    CHECK_EQ(mismatches, 0);
}

TEST_CASE("float to integer casts saturate, truncate and map NaN to 0") {
    CHECK_EQ(CastValue<int32_t>(3.99f), 3);
    CHECK_EQ(CastValue<int32_t>(-3.99f), -3);
    CHECK_EQ(CastValue<int32_t>(2147483648.0f), std::numeric_limits<int32_t>::max());
    CHECK_EQ(CastValue<int32_t>(-2147483648.0f), std::numeric_limits<int32_t>::min());
    CHECK_EQ(CastValue<int32_t>(-3e9), std::numeric_limits<int32_t>::min());
    CHECK_EQ(CastValue<int64_t>(9.3e18f), std::numeric_limits<int64_t>::max());
    CHECK_EQ(CastValue<int64_t>(-9.3e18), std::numeric_limits<int64_t>::min());
    CHECK_EQ(CastValue<int64_t>(std::numeric_limits<double>::infinity()), std::numeric_limits<int64_t>::max());
    CHECK_EQ(CastValue<int64_t>(std::numeric_limits<double>::quiet_NaN()), 0);
    CHECK_EQ(static_cast<int>(CastValue<uint8_t>(255.9f)), 255);
    CHECK_EQ(static_cast<int>(CastValue<uint8_t>(256.0f)), 255);
    CHECK_EQ(static_cast<int>(CastValue<uint8_t>(-1.0f)), 0);
    CHECK_EQ(static_cast<int>(CastValue<int8_t>(-129.0)), -128);
    CHECK_EQ(static_cast<int>(CastValue<int16_t>(40000.0f)), 32767);
    CHECK_EQ(static_cast<int>(CastValue<int8_t>(int64_t{384})), -128); // integers wrap
    CHECK(CastValue<bool>(std::numeric_limits<float>::quiet_NaN()));
    CHECK(!CastValue<bool>(Complex64(0.0f, 0.0f)));
    CHECK(CastValue<bool>(Complex64(0.0f, 1.0f)));
    CHECK_EQ(CastValue<float>(Complex64(2.5f, 7.0f)), 2.5f);
}

TEST_MAIN()
