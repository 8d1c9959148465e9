#include "scalar_value.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>

#include "data_types.h"
#include "entry.h"

namespace agj {

namespace {

// A double as its shortest text that reads back the same ("1.5", "65520", "1e+19").
std::string ValueText(double value) {
    char text[32];
    if (std::trunc(value) == value && std::fabs(value) < 1e15) {
        std::snprintf(text, sizeof text, "%.0f", value);
        return text;
    }
    for (int precision = 1; precision <= 17; ++precision) {
        std::snprintf(text, sizeof text, "%.*g", precision, value);
        if (std::strtod(text, nullptr) == value || value != value) {
            break;
        }
    }
    return text;
}

struct IntegerRange {
    int64_t min;
    uint64_t max;
};

// The range of an integer type; false for floating types and BOOL.
bool IntegerRangeOf(int32_t dataType, IntegerRange &range) {
    switch (dataType) {
    case ACL_INT8: range = {INT8_MIN, INT8_MAX}; return true;
    case ACL_UINT8: range = {0, UINT8_MAX}; return true;
    case ACL_INT16: range = {INT16_MIN, INT16_MAX}; return true;
    case ACL_UINT16: range = {0, UINT16_MAX}; return true;
    case ACL_INT32: range = {INT32_MIN, INT32_MAX}; return true;
    case ACL_UINT32: range = {0, UINT32_MAX}; return true;
    case ACL_INT64: range = {INT64_MIN, INT64_MAX}; return true;
    case ACL_UINT64: range = {0, UINT64_MAX}; return true;
    default: return false;
    }
}

int32_t DoesNotFit(const char *entry, const std::string &value, int32_t dataType, const IntegerRange &range) {
    return InvalidArgument(entry, value + " does not fit " + DataTypeName(dataType) + " (" + std::to_string(range.min) +
                                      ".." + std::to_string(range.max) +
                                      "): pass a value in range, or use a wider data type");
}

// Whether a finite value becomes infinite in a floating type.
bool Overflows(int32_t dataType, double value) {
    if (!std::isfinite(value)) {
        return false;
    }
    switch (dataType) {
    case ACL_FLOAT16: return std::fabs(value) >= 65520.0; // rounds to infinity (largest finite: 65504)
    case ACL_FLOAT:
    case ACL_COMPLEX64: return std::fabs(value) > static_cast<double>(std::numeric_limits<float>::max());
    case ACL_BF16: {
        const float asFloat = static_cast<float>(value);
        return std::isinf(asFloat) || (FloatToBf16Bits(asFloat) & 0x7F80u) == 0x7F80u;
    }
    default: return false;
    }
}

} // namespace

int32_t EncodeScalar(const char *entry, int32_t dataType, double real, int64_t integral, bool fromDouble,
                     ScalarValue &out) {
    unsigned char *value = out.bytes;
    auto put = [value](auto typed) { std::memcpy(value, &typed, sizeof typed); };
    const double asDouble = fromDouble ? real : static_cast<double>(integral);
    const std::string text = fromDouble ? ValueText(real) : std::to_string(integral);
    int64_t asLong = integral;
    IntegerRange range{};
    if (IntegerRangeOf(dataType, range)) {
        if (fromDouble) {
            if (!std::isfinite(real) || std::trunc(real) != real) {
                return InvalidArgument(entry, text + " is not an integer, as " + DataTypeName(dataType) +
                                                  " needs: pass a whole number");
            }
            // Converting a double outside the target range is undefined behaviour: checked first.
            constexpr double kTwo63 = 9223372036854775808.0;
            if (real >= -kTwo63 && real < kTwo63) {
                asLong = static_cast<int64_t>(real);
            } else if (dataType == ACL_UINT64 && real >= 0.0 && real < 2.0 * kTwo63) {
                asLong = static_cast<int64_t>(static_cast<uint64_t>(real)); // the bits of 2^63..2^64-1
            } else {
                return DoesNotFit(entry, text, dataType, range);
            }
        }
        const bool aboveTwo63 = fromDouble && dataType == ACL_UINT64 && asLong < 0; // 2^63..2^64-1
        if (!aboveTwo63 && (asLong < range.min || (asLong >= 0 && static_cast<uint64_t>(asLong) > range.max))) {
            return DoesNotFit(entry, text, dataType, range);
        }
    } else if (Overflows(dataType, asDouble)) {
        return InvalidArgument(entry, text + " overflows " + DataTypeName(dataType) +
                                          " to infinity: pass a smaller value (or infinity itself)");
    }
    switch (dataType) {
    case ACL_FLOAT: put(static_cast<float>(asDouble)); break;
    case ACL_DOUBLE: put(asDouble); break;
    case ACL_FLOAT16: put(FloatToHalfBits(static_cast<float>(asDouble))); break;
    case ACL_BF16: put(FloatToBf16Bits(static_cast<float>(asDouble))); break;
    case ACL_COMPLEX64: {
        float parts[2] = {static_cast<float>(asDouble), 0.0f};
        std::memcpy(value, parts, sizeof parts);
        break;
    }
    case ACL_COMPLEX128: {
        double parts[2] = {asDouble, 0.0};
        std::memcpy(value, parts, sizeof parts);
        break;
    }
    case ACL_INT8: put(static_cast<int8_t>(asLong)); break;
    case ACL_UINT8: put(static_cast<uint8_t>(asLong)); break;
    case ACL_INT16: put(static_cast<int16_t>(asLong)); break;
    case ACL_UINT16: put(static_cast<uint16_t>(asLong)); break;
    case ACL_INT32: put(static_cast<int32_t>(asLong)); break;
    case ACL_UINT32: put(static_cast<uint32_t>(asLong)); break;
    case ACL_INT64: put(asLong); break;
    case ACL_UINT64: put(static_cast<uint64_t>(asLong)); break;
    case ACL_BOOL: put(static_cast<uint8_t>(fromDouble ? real != 0.0 : integral != 0)); break;
    default: return InvalidArgument(entry, "data type " + std::to_string(dataType) + " is not supported for scalars");
    }
    out.text = fromDouble ? std::to_string(real) : std::to_string(integral); // as descriptions always showed it
    return AGJ_OK;
}

} // namespace agj
