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

// Encodes `real` (fromDouble) or `integral` as dataType. A double for an integer type must be
// integral and within 64 bits (unsigned for UINT64); integers wrap into narrower types like a C
// cast. Returns AGJ_OK or the refusal (with the thread's message, naming `entry`).
int32_t EncodeScalar(const char *entry, int32_t dataType, double real, int64_t integral, bool fromDouble,
                     ScalarValue &out);

} // namespace agj

#endif
