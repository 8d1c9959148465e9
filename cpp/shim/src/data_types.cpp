#include "data_types.h"

#include <cstring>

#include "acl_api.h"

namespace agj {

// The table's codes are ACL's (aclDataType): checked here, where both are visible.
#define AGJ_DATA_TYPE(name, code, bytes, floating)                                        \
    static_assert(static_cast<int>(AGJ_DATA_TYPE_##name) == static_cast<int>(ACL_##name), \
                  "shim_data_types.def: " #name " is not ACL's code");
#include "aclgraph4j/shim_data_types.def"
#undef AGJ_DATA_TYPE

int64_t ElementSize(int32_t dataType) noexcept {
    switch (dataType) {
#define AGJ_DATA_TYPE(name, code, bytes, floating) \
    case code:                                     \
        return bytes;
#include "aclgraph4j/shim_data_types.def"
#undef AGJ_DATA_TYPE
    default: return 0;
    }
}

bool IsKnownDataType(int64_t dataType) noexcept {
    return dataType >= INT32_MIN && dataType <= INT32_MAX && ElementSize(static_cast<int32_t>(dataType)) > 0;
}

bool IsFloating(int32_t dataType) noexcept {
    switch (dataType) {
#define AGJ_DATA_TYPE(name, code, bytes, floating) \
    case code:                                     \
        return floating != 0;
#include "aclgraph4j/shim_data_types.def"
#undef AGJ_DATA_TYPE
    default: return false;
    }
}

const char *DataTypeName(int32_t dataType) noexcept {
    switch (dataType) {
#define AGJ_DATA_TYPE(name, code, bytes, floating) \
    case code:                                     \
        return #name;
#include "aclgraph4j/shim_data_types.def"
#undef AGJ_DATA_TYPE
    default: return "unknown";
    }
}

uint16_t FloatToHalfBits(float value) noexcept {
    uint32_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    uint32_t sign = (bits >> 16) & 0x8000u;
    uint32_t exponent = (bits >> 23) & 0xffu;
    uint32_t mantissa = bits & 0x7fffffu;
    if (exponent == 0xff) { // inf or nan
        return static_cast<uint16_t>(sign | 0x7c00u | (mantissa ? 0x200u : 0u));
    }
    int32_t halfExponent = static_cast<int32_t>(exponent) - 127 + 15;
    if (halfExponent >= 0x1f) {
        return static_cast<uint16_t>(sign | 0x7c00u);
    }
    if (halfExponent <= 0) {
        if (halfExponent < -10) {
            return static_cast<uint16_t>(sign);
        }
        mantissa |= 0x800000u;
        uint32_t shift = static_cast<uint32_t>(14 - halfExponent);
        uint32_t half = mantissa >> shift;
        uint32_t remainder = mantissa & ((1u << shift) - 1);
        uint32_t halfway = 1u << (shift - 1);
        if (remainder > halfway || (remainder == halfway && (half & 1u))) {
            ++half;
        }
        return static_cast<uint16_t>(sign | half);
    }
    uint32_t half = (static_cast<uint32_t>(halfExponent) << 10) | (mantissa >> 13);
    uint32_t remainder = mantissa & 0x1fffu;
    if (remainder > 0x1000u || (remainder == 0x1000u && (half & 1u))) {
        ++half; // may carry into the exponent, which rounds up to the next power (or inf): correct
    }
    return static_cast<uint16_t>(sign | half);
}

uint16_t FloatToBf16Bits(float value) noexcept {
    uint32_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    if ((bits & 0x7fffffffu) > 0x7f800000u) {
        return static_cast<uint16_t>((bits >> 16) | 0x40u); // quiet nan
    }
    uint32_t rounding = 0x7fffu + ((bits >> 16) & 1u);
    return static_cast<uint16_t>((bits + rounding) >> 16);
}

} // namespace agj
