#include "model_name.h"

#include <cstring>
#include <string>

#include "entry.h"

namespace agj {

static bool IsBlank(const char *text) {
    for (; *text != '\0'; ++text) {
        if (std::strchr(" \t\n\v\f\r", *text) == nullptr) {
            return false;
        }
    }
    return true;
}

int32_t CheckModelName(const char *entry, const char *name) {
    if (name == nullptr || *name == '\0') {
        return InvalidArgument(entry, "the name is empty: a model's name must be 1 to " +
                                          std::to_string(kModelNameMaxBytes) + " bytes of UTF-8");
    }
    size_t bytes = std::strlen(name);
    if (bytes > static_cast<size_t>(kModelNameMaxBytes)) {
        return InvalidArgument(entry, "the name has " + std::to_string(bytes) + " bytes: a model's name must be 1 to " +
                                          std::to_string(kModelNameMaxBytes) + " bytes of UTF-8");
    }
    if (IsBlank(name)) {
        return InvalidArgument(entry,
                               "the name \"" + std::string(name) + "\" is blank: give a name with a visible character");
    }
    return AGJ_OK;
}

} // namespace agj
