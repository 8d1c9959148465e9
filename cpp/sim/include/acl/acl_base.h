// Base header of the ACL API, laid out as CANN's acl/acl_base.h: the base types and general codes
// (acl_base_rt.h), the model base (acl_base_mdl.h, empty as in CANN's runtime package) and the
// runtime and graph-engine error codes.
#ifndef ACLSIM_ACL_ACL_BASE_H
#define ACLSIM_ACL_ACL_BASE_H

#include "acl/acl_base_mdl.h"
#include "acl/acl_base_rt.h"
#include "acl/error_codes/ge_error_codes.h"
#include "acl/error_codes/rt_error_codes.h"

#endif
