// A scalar's value in its data type's bytes (what aclCreateScalar reads), from a double or a long.
#ifndef ACLGRAPH4J_SHIM_SCALAR_VALUE_H
#define ACLGRAPH4J_SHIM_SCALAR_VALUE_H

#include <cstdint>
#include <string>

namespace agj {

struct ScalarValue {
    alignas(16) unsigned char bytes[16] = {};
    std::string text; // the value as given, for descriptions
};

// Encodes `real` (fromDouble) or `integral` as dataType. The value must fit: an integer type takes
// a whole number within its range (UINT64 up to 2^64 - 1 from a double, 2^63 - 1 from a long); a
// floating type any value but a finite one that would round to infinity (explicit infinities and
// NaN are kept); BOOL any value (nonzero is true). Returns AGJ_OK or the refusal (with the
// thread's message, naming `entry`).
int32_t EncodeScalar(const char *entry, int32_t dataType, double real, int64_t integral, bool fromDouble,
                     ScalarValue &out);

} // namespace agj

#endif
