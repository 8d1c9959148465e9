// How a failed call of the simulated runtime reports itself: the code it returns and the text
// aclGetRecentErrMsg gives back.
#ifndef ACLSIM_RUNTIME_ERRORS_H
#define ACLSIM_RUNTIME_ERRORS_H

#include <string>

#include "sim_internal.h"

namespace aclsim {

// Appends "<call>: <reason>" to the calling thread's error text and returns `code`.
aclError Fail(aclError code, const char *call, const std::string &reason);
// The code of the calling thread's last failed call (aclrtGetLastError / aclrtPeekAtLastError).
aclError &ThreadLastError();
// Takes (and clears) the calling thread's pending error text, oldest first.
std::string TakeErrorMessages();

} // namespace aclsim

#endif
