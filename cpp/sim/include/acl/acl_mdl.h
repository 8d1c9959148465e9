// In CANN 8.5 the model-runtime-instance (aclmdlRI) API lives in acl_rt.h; this header is kept
// so that programs including it compile.
#ifndef ACLSIM_ACL_ACL_MDL_H
#define ACLSIM_ACL_ACL_MDL_H
#include "acl/acl_rt.h"
#endif
