// Opaque runtime handle types of the ACL runtime.
#ifndef ACLSIM_ACL_ACL_BASE_RT_H
#define ACLSIM_ACL_ACL_BASE_RT_H

#include <stdint.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef void *aclrtStream;
typedef void *aclrtEvent;
typedef void *aclrtContext;
typedef void *aclrtTaskGrp;
typedef int aclError;

typedef void (*aclrtCallback)(void *userData);
typedef void (*aclrtHostFunc)(void *args);

#ifdef __cplusplus
}
#endif

#endif
