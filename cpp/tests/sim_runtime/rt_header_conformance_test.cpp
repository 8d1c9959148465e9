// Conformance of the simulator's headers to CANN's, checked at compile time: every function
// CANN 9.2 (hicann/runtime and hicann/opbase at v9.2.0-beta.1/HEAD) declares in acl_base_rt.h,
// acl_rt.h, acl_rt_allocator.h, acl_prof.h, acl_dump.h, aclnn/acl_meta.h and aclnn/aclnn_base.h
// has exactly CANN's type (return and parameter types, cann_functions.def), and every error code,
// enumerator and numeric macro of those headers and of error_codes/*.h has CANN's value
// (cann_values.def). Linking the program also proves every function is defined in libaclsim.
#include <cstdint>
#include <type_traits>

// Deprecated constants and functions are part of the API being checked.
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

#include "acl/acl.h"
#include "acl/acl_dump.h"
#include "acl/acl_prof.h"
#include "aclnn/aclnn_base.h"

// Functions: 481 types.
#define CANN_FUNCTION(name, ...) \
    static_assert(std::is_same_v<decltype(name), __VA_ARGS__>, #name " must be declared as in CANN: " #__VA_ARGS__);
#include "cann_functions.def"
#undef CANN_FUNCTION

// Values: 803 constants.
#define CANN_VALUE(name, value) \
    static_assert(static_cast<long long>(name) == value##LL, #name " must be " #value " as in CANN");
#include "cann_values.def"
#undef CANN_VALUE

namespace {
// Takes the address of every function, so that the link fails when one is not defined.
using AnyFunction = void (*)();
template <typename F>
AnyFunction Erase(F *function) {
    return reinterpret_cast<AnyFunction>(function);
}
const AnyFunction kEveryFunction[] = {
#define CANN_FUNCTION(name, ...) Erase(&name),
#include "cann_functions.def"
#undef CANN_FUNCTION
};
static_assert(sizeof(kEveryFunction) / sizeof(kEveryFunction[0]) == 481, "every CANN function is listed once");
} // namespace

int main() {
    for (AnyFunction function : kEveryFunction) {
        if (function == nullptr) {
            return 1;
        }
    }
    return 0;
}
