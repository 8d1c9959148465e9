// Umbrella header of the ACL API as provided by the aclgraph4j CPU simulator (as CANN's acl/acl.h:
// the runtime, operator and model headers; aclInit and the version macros are in acl_rt.h).
#ifndef ACLSIM_ACL_ACL_H
#define ACLSIM_ACL_ACL_H

#include "acl/acl_mdl.h"
#include "acl/acl_op.h"
#include "acl/acl_rt.h"

#endif
