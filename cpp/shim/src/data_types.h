// Element types (shim_data_types.def): sizes, kinds, and the conversions a scalar needs.
#ifndef ACLGRAPH4J_SHIM_DATA_TYPES_H
#define ACLGRAPH4J_SHIM_DATA_TYPES_H

#include <cstdint>

namespace agj {

// Bytes per element, or 0 for a type the shim cannot describe.
int64_t ElementSize(int32_t dataType) noexcept;
// Whether a value (an operator's dtype attribute, say) is a row of shim_data_types.def.
bool IsKnownDataType(int64_t dataType) noexcept;
// Floating point or complex (a scalar of it is made from a double).
bool IsFloating(int32_t dataType) noexcept;
// A readable name ("FLOAT16"), or "unknown".
const char *DataTypeName(int32_t dataType) noexcept;

// IEEE binary16 and bfloat16 bits of a float, rounded to nearest even.
uint16_t FloatToHalfBits(float value) noexcept;
uint16_t FloatToBf16Bits(float value) noexcept;

} // namespace agj

#endif
