// aclnn status codes (CANN's aclnn_return_code.md; the public headers only define OK) and the
// way the operator library reports a failed call.
#ifndef ACLSIM_NN_STATUS_H
#define ACLSIM_NN_STATUS_H

#include <string>

#include "aclnn/acl_meta.h"
#include "sim_internal.h"

namespace aclsim::nn {

constexpr aclnnStatus kAclnnSuccess = 0;
constexpr aclnnStatus kAclnnErrParamNullptr = 161001;
constexpr aclnnStatus kAclnnErrParamInvalid = 161002;
constexpr aclnnStatus kAclnnErrRuntimeError = 361001;
constexpr aclnnStatus kAclnnErrInner = 561000;
constexpr aclnnStatus kAclnnErrInnerNullptr = 561103;

// Appends "<api>: <message>" to the calling thread's error text and returns `status`.
ACLSIM_INTERNAL aclnnStatus Fail(aclnnStatus status, const char *api, const std::string &message);

} // namespace aclsim::nn

#endif
