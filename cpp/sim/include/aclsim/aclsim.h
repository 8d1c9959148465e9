// Simulator-only extensions of the aclgraph4j ACL simulator: fault injection and introspection
// for tests. Not part of CANN; a program that uses these runs only on the simulator.
#ifndef ACLSIM_ACLSIM_H
#define ACLSIM_ACLSIM_H

#include "acl/acl_base.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Points at which a fault can be injected. */
typedef enum {
    ACLSIM_FAULT_DEVICE_ALLOC = 0, /* aclrtMalloc fails with ACL_ERROR_RT_MEMORY_ALLOCATION */
    ACLSIM_FAULT_HOST_ALLOC = 1,   /* aclrtMallocHost fails with ACL_ERROR_RT_MEMORY_ALLOCATION */
    ACLSIM_FAULT_TASK_SUBMIT = 2,  /* enqueueing a task (copy, memset, kernel, event, model) fails with
                                      ACL_ERROR_RT_RESOURCE_ALLOC_FAIL; inside a capture it invalidates it */
    ACLSIM_FAULT_KERNEL_EXEC = 3,  /* a kernel fails while running; the stream reports
                                      ACL_ERROR_RT_INTERNAL_ERROR at its next synchronisation */
    ACLSIM_FAULT_STREAM_CREATE = 4 /* aclrtCreateStream fails with ACL_ERROR_RT_NO_STREAM_RESOURCE */
} aclsimFaultPoint;

#define ACLSIM_FAULT_POINT_COUNT 5

/* Arms a fault: the next `skip` operations at `point` succeed, then `count` fail. Replaces any
   fault armed at that point. Faults can also be armed at start-up by the environment variable
   ACLSIM_FAULTS="point:skip:count[,point:skip:count...]" with point names device_alloc,
   host_alloc, task_submit, kernel_exec, stream_create. */
ACL_FUNC_VISIBILITY aclError aclsimInjectFault(aclsimFaultPoint point, uint64_t skip, uint64_t count);

/* Disarms every fault. */
ACL_FUNC_VISIBILITY void aclsimClearFaults(void);

/* Number of faults fired so far at `point` (since start or the last aclsimClearFaults). */
ACL_FUNC_VISIBILITY uint64_t aclsimFaultsFired(aclsimFaultPoint point);

/* Live simulator objects, for leak checks in tests. */
typedef enum {
    ACLSIM_OBJ_DEVICE_ALLOCATION = 0,
    ACLSIM_OBJ_HOST_ALLOCATION = 1,
    ACLSIM_OBJ_STREAM = 2,
    ACLSIM_OBJ_EVENT = 3,
    ACLSIM_OBJ_MODEL = 4,
    ACLSIM_OBJ_TENSOR = 5,
    ACLSIM_OBJ_SCALAR = 6,
    ACLSIM_OBJ_EXECUTOR = 7,
    ACLSIM_OBJ_CONTEXT = 8
} aclsimObjectKind;

#define ACLSIM_OBJ_KIND_COUNT 9

ACL_FUNC_VISIBILITY uint64_t aclsimLiveObjects(aclsimObjectKind kind);

/* The CANN release simulated where releases return different codes, as major * 100 + minor:
   902 (9.2, the default), 901 (9.1), 900 (9.0) or 805 (8.5). Also set at start-up by the environment
   variable ACLSIM_CANN_RELEASE="8.5" (or 9.0, 9.1, 9.2). Returns ACL_ERROR_INVALID_PARAM for
   another value. */
ACL_FUNC_VISIBILITY aclError aclsimSetCannRelease(uint32_t release);
ACL_FUNC_VISIBILITY uint32_t aclsimGetCannRelease(void);

/* Whether a capture records events as hardware events (non-zero, the default, as a device with
   free event ids does) or software events (also ACLSIM_CAPTURE_EVENTS=software). */
ACL_FUNC_VISIBILITY void aclsimSetCaptureEventMode(int hardware);

#ifdef __cplusplus
}
#endif

#endif
