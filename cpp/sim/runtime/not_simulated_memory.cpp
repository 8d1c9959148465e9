// Functions of CANN's runtime headers the simulator declares but does not simulate, for memory management beyond device
// and host allocation and copies: virtual and physical memory, managed memory, IPC and shareable handles, cache
// maintenance, buffers, batch copies and the external allocator. Each fails as not_simulated.h says; all are listed in
// docs/simulator.md ("Declared, not simulated").
#include "not_simulated.h"

extern "C" {

ACLSIM_NOT_SIMULATED(aclrtMallocForTaskScheduler,
                     (void **devPtr, size_t size, aclrtMemMallocPolicy policy, aclrtMallocConfig *cfg))
ACLSIM_NOT_SIMULATED(aclrtMemManagedGetAttr, (aclrtMemManagedRangeAttribute attribute, const void *ptr, size_t size,
                                              void *data, size_t dataSize))
ACLSIM_NOT_SIMULATED(aclrtMemManagedGetAttrs, (aclrtMemManagedRangeAttribute * attributes, size_t numAttributes,
                                               const void *ptr, size_t size, void **data, size_t *dataSizes))
ACLSIM_NOT_SIMULATED(aclrtHostRegister, (void *ptr, uint64_t size, aclrtHostRegisterType type, void **devPtr))
ACLSIM_NOT_SIMULATED(aclrtHostRegisterV2, (void *ptr, uint64_t size, uint32_t flag))
ACLSIM_NOT_SIMULATED(aclrtHostGetDevicePointer, (void *pHost, void **pDevice, uint32_t flag))
ACLSIM_NOT_SIMULATED(aclrtHostUnregister, (void *ptr))
ACLSIM_NOT_SIMULATED(aclrtHostMemMapCapabilities,
                     (uint32_t deviceId, aclrtHacType hacType, aclrtHostMemMapCapability *capabilities))
ACLSIM_NOT_SIMULATED(aclrtMemFlush, (void *devPtr, size_t size))
ACLSIM_NOT_SIMULATED(aclrtMemInvalidate, (void *devPtr, size_t size))
ACLSIM_NOT_SIMULATED(aclrtMemAllocManaged, (void **ptr, uint64_t size, uint32_t flag))
ACLSIM_NOT_SIMULATED(aclrtMemsetD32, (void *ptr, size_t memSize, uint32_t value, size_t N))
ACLSIM_NOT_SIMULATED(aclrtMemsetD32Async, (void *ptr, size_t memSize, uint32_t value, size_t N, aclrtStream stream))
ACLSIM_NOT_SIMULATED(aclrtMemcpyAsyncWithCondition, (void *dst, size_t destMax, const void *src, size_t count,
                                                     aclrtMemcpyKind kind, aclrtStream stream))
ACLSIM_NOT_SIMULATED(aclrtMemManagedAdvise, (const void *const ptr, uint64_t size, aclrtMemManagedAdviseType advise,
                                             aclrtMemManagedLocation location))
ACLSIM_NOT_SIMULATED(aclrtReserveMemAddress,
                     (void **virPtr, size_t size, size_t alignment, void *expectPtr, uint64_t flags))
ACLSIM_NOT_SIMULATED(aclrtReleaseMemAddress, (void *virPtr))
ACLSIM_NOT_SIMULATED(aclrtMallocPhysical,
                     (aclrtDrvMemHandle * handle, size_t size, const aclrtPhysicalMemProp *prop, uint64_t flags))
ACLSIM_NOT_SIMULATED(aclrtFreePhysical, (aclrtDrvMemHandle handle))
ACLSIM_NOT_SIMULATED(aclrtMapMem, (void *virPtr, size_t size, size_t offset, aclrtDrvMemHandle handle, uint64_t flags))
ACLSIM_NOT_SIMULATED(aclrtUnmapMem, (void *virPtr))
ACLSIM_NOT_SIMULATED(aclrtMemMapNoAccess,
                     (void *virPtr, size_t size, size_t offset, aclrtDrvMemHandle handle, uint64_t flags))
ACLSIM_NOT_SIMULATED(aclrtGetMemUsageInfo,
                     (int32_t deviceId, aclrtMemUsageInfo *memUsageInfo, size_t inputNum, size_t *outputNum))
ACLSIM_NOT_SIMULATED(aclrtMemExportToShareableHandle, (aclrtDrvMemHandle handle, aclrtMemHandleType handleType,
                                                       uint64_t flags, uint64_t *shareableHandle))
ACLSIM_NOT_SIMULATED(aclrtMemExportToShareableHandleV2, (aclrtDrvMemHandle handle, uint64_t flags,
                                                         aclrtMemSharedHandleType shareType, void *shareableHandle))
ACLSIM_NOT_SIMULATED(aclrtMemImportFromShareableHandle,
                     (uint64_t shareableHandle, int32_t deviceId, aclrtDrvMemHandle *handle))
ACLSIM_NOT_SIMULATED(aclrtMemImportFromShareableHandleV2, (void *shareableHandle, aclrtMemSharedHandleType shareType,
                                                           uint64_t flags, aclrtDrvMemHandle *handle))
ACLSIM_NOT_SIMULATED(aclrtMemSetPidToShareableHandle, (uint64_t shareableHandle, int32_t *pid, size_t pidNum))
ACLSIM_NOT_SIMULATED(aclrtMemSetPidToShareableHandleV2,
                     (void *shareableHandle, aclrtMemSharedHandleType shareType, int32_t *pid, size_t pidNum))
ACLSIM_NOT_SIMULATED(aclrtMemGetAllocationGranularity,
                     (aclrtPhysicalMemProp * prop, aclrtMemGranularityOptions option, size_t *granularity))
ACLSIM_NOT_SIMULATED(aclrtCmoAsync, (void *src, size_t size, aclrtCmoType cmoType, aclrtStream stream))
ACLSIM_NOT_SIMULATED(aclrtGetMemUceInfo,
                     (int32_t deviceId, aclrtMemUceInfo *memUceInfoArray, size_t arraySize, size_t *retSize))
ACLSIM_NOT_SIMULATED(aclrtMemUceRepair, (int32_t deviceId, aclrtMemUceInfo *memUceInfoArray, size_t arraySize))
ACLSIM_NOT_SIMULATED(aclrtGetMemcpyDescSize, (aclrtMemcpyKind kind, size_t *descSize))
ACLSIM_NOT_SIMULATED(aclrtSetMemcpyDesc,
                     (void *desc, aclrtMemcpyKind kind, void *srcAddr, void *dstAddr, size_t count, void *config))
ACLSIM_NOT_SIMULATED(aclrtMemcpyAsyncWithOffset,
                     (void **dst, size_t destMax, size_t dstDataOffset, const void **src, size_t count,
                      size_t srcDataOffset, aclrtMemcpyKind kind, aclrtStream stream))
ACLSIM_NOT_SIMULATED(aclrtMemcpyAsyncWithDesc, (void *desc, aclrtMemcpyKind kind, aclrtStream stream))
ACLSIM_NOT_SIMULATED(aclrtReduceAsync, (void *dst, const void *src, uint64_t count, aclrtReduceKind kind,
                                        aclDataType type, aclrtStream stream, void *reserve))
ACLSIM_NOT_SIMULATED(aclrtGetBufFromChain, (aclrtMbuf headBuf, uint32_t index, aclrtMbuf *buf))
ACLSIM_NOT_SIMULATED(aclrtGetBufChainNum, (aclrtMbuf headBuf, uint32_t *num))
ACLSIM_NOT_SIMULATED(aclrtAppendBufChain, (aclrtMbuf headBuf, aclrtMbuf buf))
ACLSIM_NOT_SIMULATED(aclrtCopyBufRef, (const aclrtMbuf buf, aclrtMbuf *newBuf))
ACLSIM_NOT_SIMULATED(aclrtGetBufUserData, (const aclrtMbuf buf, void *dataPtr, size_t size, size_t offset))
ACLSIM_NOT_SIMULATED(aclrtSetBufUserData, (aclrtMbuf buf, const void *dataPtr, size_t size, size_t offset))
ACLSIM_NOT_SIMULATED(aclrtGetBufData, (const aclrtMbuf buf, void **dataPtr, size_t *size))
ACLSIM_NOT_SIMULATED(aclrtGetBufDataLen, (aclrtMbuf buf, size_t *len))
ACLSIM_NOT_SIMULATED(aclrtSetBufDataLen, (aclrtMbuf buf, size_t len))
ACLSIM_NOT_SIMULATED(aclrtFreeBuf, (aclrtMbuf buf))
ACLSIM_NOT_SIMULATED(aclrtAllocBuf, (aclrtMbuf * buf, size_t size))
ACLSIM_NOT_SIMULATED(aclrtCmoAsyncWithBarrier,
                     (void *src, size_t size, aclrtCmoType cmoType, uint32_t barrierId, aclrtStream stream))
ACLSIM_NOT_SIMULATED(aclrtCmoWaitBarrier, (aclrtBarrierTaskInfo * taskInfo, aclrtStream stream, uint32_t flag))
ACLSIM_NOT_SIMULATED(aclrtMemcpyBatch,
                     (void **dsts, size_t *destMaxs, void **srcs, size_t *sizes, size_t numBatches,
                      aclrtMemcpyBatchAttr *attrs, size_t *attrsIndexes, size_t numAttrs, size_t *failIndex))
ACLSIM_NOT_SIMULATED(aclrtMemcpyBatchV2, (void **dsts, size_t *destMaxs, void **srcs, size_t *sizes, size_t numBatches,
                                          aclrtMemcpyBatchAttr *attrs, size_t *attrsIndexes, size_t numAttrs))
ACLSIM_NOT_SIMULATED(aclrtMemcpyBatchAsync, (void **dsts, size_t *destMaxs, void **srcs, size_t *sizes,
                                             size_t numBatches, aclrtMemcpyBatchAttr *attrs, size_t *attrsIndexes,
                                             size_t numAttrs, size_t *failIndex, aclrtStream stream))
ACLSIM_NOT_SIMULATED(aclrtMemcpyBatchAsyncV2,
                     (void **dsts, size_t *destMaxs, void **srcs, size_t *sizes, size_t numBatches,
                      aclrtMemcpyBatchAttr *attrs, size_t *attrsIndexes, size_t numAttrs, aclrtStream stream))
ACLSIM_NOT_SIMULATED(aclrtIpcMemGetExportKey, (void *devPtr, size_t size, char *key, size_t len, uint64_t flags))
ACLSIM_NOT_SIMULATED(aclrtIpcMemClose, (const char *key))
ACLSIM_NOT_SIMULATED(aclrtIpcMemImportByKey, (void **devPtr, const char *key, uint64_t flags))
ACLSIM_NOT_SIMULATED(aclrtIpcMemSetImportPid, (const char *key, int32_t *pid, size_t num))
ACLSIM_NOT_SIMULATED(aclrtIpcMemSetAttr, (const char *key, aclrtIpcMemAttrType type, uint64_t attr))
ACLSIM_NOT_SIMULATED(aclrtIpcMemImportPidInterServer, (const char *key, aclrtServerPid *serverPids, size_t num))
ACLSIM_NOT_SIMULATED(aclrtCheckMemType,
                     (void **addrList, uint32_t size, uint32_t memType, uint32_t *checkResult, uint32_t reserve))
ACLSIM_NOT_SIMULATED(aclrtRandomNumAsync,
                     (const aclrtRandomNumTaskInfo *taskInfo, const aclrtStream stream, void *reserve))
ACLSIM_NOT_SIMULATED(aclrtCmoGetDescSize, (size_t * size))
ACLSIM_NOT_SIMULATED(aclrtCmoSetDesc, (void *cmoDesc, void *src, size_t size))
ACLSIM_NOT_SIMULATED(aclrtCmoAsyncWithDesc,
                     (void *cmoDesc, aclrtCmoType cmoType, aclrtStream stream, const void *reserve))
ACLSIM_NOT_SIMULATED(aclrtMemSetAccess, (void *virPtr, size_t size, aclrtMemAccessDesc *desc, size_t count))
ACLSIM_NOT_SIMULATED(aclrtMemGetAccess, (void *virPtr, aclrtMemLocation *location, uint64_t *flag))
ACLSIM_NOT_SIMULATED(aclrtMemRetainAllocationHandle, (void *virPtr, aclrtDrvMemHandle *handle))
ACLSIM_NOT_SIMULATED(aclrtMemGetAllocationPropertiesFromHandle, (aclrtDrvMemHandle handle, aclrtPhysicalMemProp *prop))
ACLSIM_NOT_SIMULATED(aclrtReserveMemAddressNoUCMemory,
                     (void **virPtr, size_t size, size_t alignment, void *expectPtr, uint64_t flags))
ACLSIM_NOT_SIMULATED(aclrtMemGetAddressRange, (void *ptr, void **pbase, size_t *psize))
ACLSIM_NOT_SIMULATED(aclrtMemP2PMap, (void *devPtr, size_t size, int32_t dstDevId, uint64_t flags))
ACLSIM_NOT_SIMULATED(aclrtMemManagedPrefetchAsync, (const void *ptr, size_t size, aclrtMemManagedLocation location,
                                                    uint32_t flags, aclrtStream stream))
ACLSIM_NOT_SIMULATED(aclrtMemManagedPrefetchBatchAsync,
                     (const void **ptrs, size_t *sizes, size_t count, aclrtMemManagedLocation *prefetchLocs,
                      size_t *prefetchLocIdxs, size_t numPrefetchLocs, uint64_t flags, aclrtStream stream))
ACLSIM_NOT_SIMULATED(aclrtMemMapSelectedLink, (void *virPtrDst, size_t size, void *virPtrSrc, uint32_t linkIdx))
ACLSIM_NOT_SIMULATED(aclrtDeviceL2CacheFlush, (void *rsv))
ACLSIM_NOT_SIMULATED(aclrtMemMapSetLink, (aclrtDrvMemHandle handle, aclrtMemLinkType adviceLink))
ACLSIM_NOT_SIMULATED_NULL(aclrtAllocatorDesc, aclrtAllocatorCreateDesc, ())
ACLSIM_NOT_SIMULATED(aclrtAllocatorDestroyDesc, (aclrtAllocatorDesc allocatorDesc))
ACLSIM_NOT_SIMULATED(aclrtAllocatorSetObjToDesc, (aclrtAllocatorDesc allocatorDesc, aclrtAllocator allocator))
ACLSIM_NOT_SIMULATED(aclrtAllocatorSetAllocFuncToDesc, (aclrtAllocatorDesc allocatorDesc, aclrtAllocatorAllocFunc func))
ACLSIM_NOT_SIMULATED(aclrtAllocatorSetFreeFuncToDesc, (aclrtAllocatorDesc allocatorDesc, aclrtAllocatorFreeFunc func))
ACLSIM_NOT_SIMULATED(aclrtAllocatorSetAllocAdviseFuncToDesc,
                     (aclrtAllocatorDesc allocatorDesc, aclrtAllocatorAllocAdviseFunc func))
ACLSIM_NOT_SIMULATED(aclrtAllocatorSetGetAddrFromBlockFuncToDesc,
                     (aclrtAllocatorDesc allocatorDesc, aclrtAllocatorGetAddrFromBlockFunc func))
ACLSIM_NOT_SIMULATED(aclrtAllocatorRegister, (aclrtStream stream, aclrtAllocatorDesc allocatorDesc))
ACLSIM_NOT_SIMULATED(aclrtAllocatorGetByStream,
                     (aclrtStream stream, aclrtAllocatorDesc *allocatorDesc, aclrtAllocator *allocator,
                      aclrtAllocatorAllocFunc *allocFunc, aclrtAllocatorFreeFunc *freeFunc,
                      aclrtAllocatorAllocAdviseFunc *allocAdviseFunc,
                      aclrtAllocatorGetAddrFromBlockFunc *getAddrFromBlockFunc))
ACLSIM_NOT_SIMULATED(aclrtAllocatorUnregister, (aclrtStream stream))

} // extern "C"
