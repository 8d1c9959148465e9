#include "scalar_value.h"

#include <cmath>
#include <cstring>

#include "data_types.h"
#include "entry.h"

namespace agj {

int32_t EncodeScalar(const char *entry, int32_t dataType, double real, int64_t integral, bool fromDouble,
                     ScalarValue &out) {
    unsigned char *value = out.bytes;
    auto put = [value](auto typed) { std::memcpy(value, &typed, sizeof typed); };
    double asDouble = fromDouble ? real : static_cast<double>(integral);
    int64_t asLong = integral;
    if (fromDouble && ElementSize(dataType) != 0 && !IsFloating(dataType) && dataType != ACL_BOOL) {
        if (!std::isfinite(real) || std::trunc(real) != real) {
            return InvalidArgument(entry, "value " + std::to_string(real) + " is not an integer, as data type " +
                                              std::to_string(dataType) + " needs");
        }
        // Converting a double outside the target range is undefined behaviour: refuse it. Values
        // within 64 bits wrap into narrower types like agj_scalar_create_long's.
        constexpr double kTwo63 = 9223372036854775808.0;
        if (real >= -kTwo63 && real < kTwo63) {
            asLong = static_cast<int64_t>(real);
        } else if (dataType == ACL_UINT64 && real >= 0.0 && real < 2.0 * kTwo63) {
            asLong = static_cast<int64_t>(static_cast<uint64_t>(real));
        } else {
            return InvalidArgument(entry, "value " + std::to_string(real) +
                                              " is out of the 64-bit integer range of data type " +
                                              std::to_string(dataType));
        }
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
    default:
        return InvalidArgument(entry, "data type " + std::to_string(dataType) + " is not supported for scalars");
    }
    out.text = fromDouble ? std::to_string(real) : std::to_string(integral);
    return AGJ_OK;
}

} // namespace agj
