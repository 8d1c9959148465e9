// Single-operator (aclop) API: not provided by the simulator; operators are reached through aclnn.
#ifndef ACLSIM_ACL_ACL_OP_H
#define ACLSIM_ACL_ACL_OP_H
#include "acl/acl_base.h"
#endif
