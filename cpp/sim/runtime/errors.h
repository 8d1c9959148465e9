// How a failed call of the simulated runtime reports itself: the code it returns and the text
// aclGetRecentErrMsg gives back.
#ifndef ACLSIM_RUNTIME_ERRORS_H
#define ACLSIM_RUNTIME_ERRORS_H

#include <memory>
#include <string>

#include "sim_internal.h"

namespace aclsim {

// Appends "<call>: <reason>" to the calling thread's error text and returns `code`.
aclError Fail(aclError code, const char *call, const std::string &reason);
// The code of the calling thread's last failed call (aclrtGetLastError / aclrtPeekAtLastError).
aclError &ThreadLastError();
// Takes (and clears) the calling thread's pending error text, oldest first.
std::string TakeErrorMessages();

// The opening many entry points share: the pointer parameter `name` (`argument`, an output or an
// address) must not be NULL (ACL_ERROR_INVALID_PARAM), then `find` looks up the object `handle`
// names into `target` (ResolveStream, FindCaptureStream, FindEvent, ...), failing as it does.
template <typename Handle, typename Object>
aclError RequireThenFind(const char *call, const void *argument, const char *name,
                         aclError (*find)(const char *, Handle, std::shared_ptr<Object> &), Handle handle,
                         std::shared_ptr<Object> &target) {
    if (argument == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, std::string(name) + " is NULL");
    }
    return find(call, handle, target);
}

} // namespace aclsim

#endif
