// What a model's name (aclmdlRISetName) may be: 1 to kModelNameMaxBytes bytes, not all blanks.
#ifndef ACLGRAPH4J_SHIM_MODEL_NAME_H
#define ACLGRAPH4J_SHIM_MODEL_NAME_H

#include <cstdint>

namespace agj {

// Names up to this many bytes; agj_model_get_name needs one more for the NUL.
constexpr int64_t kModelNameMaxBytes = 255;

// AGJ_OK, or AGJ_ERR_INVALID_ARGUMENT naming `entry` and what is wrong with `name`.
int32_t CheckModelName(const char *entry, const char *name);

} // namespace agj

#endif
