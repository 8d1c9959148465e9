// Functions of CANN's runtime headers the simulator declares but does not simulate, for memory management beyond device
// and host allocation and copies: virtual and physical memory, managed memory, IPC and shareable handles, cache
// maintenance, buffers, batch copies and the external allocator. Each fails as not_simulated.h says; all are listed in
// docs/simulator.md ("Declared, not simulated").
#include "not_simulated.h"

using aclsim::NotSimulated;

extern "C" {

ACL_FUNC_VISIBILITY aclError aclrtMallocForTaskScheduler(void **devPtr, size_t size, aclrtMemMallocPolicy policy,
                                                         aclrtMallocConfig *cfg) {
    return NotSimulated("aclrtMallocForTaskScheduler");
}

ACL_FUNC_VISIBILITY aclError aclrtPointerGetAttributes(const void *ptr, aclrtPtrAttributes *attributes) {
    return NotSimulated("aclrtPointerGetAttributes");
}

ACL_FUNC_VISIBILITY aclError aclrtMemManagedGetAttr(aclrtMemManagedRangeAttribute attribute, const void *ptr,
                                                    size_t size, void *data, size_t dataSize) {
    return NotSimulated("aclrtMemManagedGetAttr");
}

ACL_FUNC_VISIBILITY aclError aclrtMemManagedGetAttrs(aclrtMemManagedRangeAttribute *attributes, size_t numAttributes,
                                                     const void *ptr, size_t size, void **data, size_t *dataSizes) {
    return NotSimulated("aclrtMemManagedGetAttrs");
}

ACL_FUNC_VISIBILITY aclError aclrtHostRegister(void *ptr, uint64_t size, aclrtHostRegisterType type, void **devPtr) {
    return NotSimulated("aclrtHostRegister");
}

ACL_FUNC_VISIBILITY aclError aclrtHostRegisterV2(void *ptr, uint64_t size, uint32_t flag) {
    return NotSimulated("aclrtHostRegisterV2");
}

ACL_FUNC_VISIBILITY aclError aclrtHostGetDevicePointer(void *pHost, void **pDevice, uint32_t flag) {
    return NotSimulated("aclrtHostGetDevicePointer");
}

ACL_FUNC_VISIBILITY aclError aclrtHostUnregister(void *ptr) {
    return NotSimulated("aclrtHostUnregister");
}

ACL_FUNC_VISIBILITY aclError aclrtHostMemMapCapabilities(uint32_t deviceId, aclrtHacType hacType,
                                                         aclrtHostMemMapCapability *capabilities) {
    return NotSimulated("aclrtHostMemMapCapabilities");
}

ACL_FUNC_VISIBILITY aclError aclrtMemFlush(void *devPtr, size_t size) {
    return NotSimulated("aclrtMemFlush");
}

ACL_FUNC_VISIBILITY aclError aclrtMemInvalidate(void *devPtr, size_t size) {
    return NotSimulated("aclrtMemInvalidate");
}

ACL_FUNC_VISIBILITY aclError aclrtMemAllocManaged(void **ptr, uint64_t size, uint32_t flag) {
    return NotSimulated("aclrtMemAllocManaged");
}

ACL_FUNC_VISIBILITY aclError aclrtMemsetD32(void *ptr, size_t memSize, uint32_t value, size_t N) {
    return NotSimulated("aclrtMemsetD32");
}

ACL_FUNC_VISIBILITY aclError aclrtMemsetD32Async(void *ptr, size_t memSize, uint32_t value, size_t N,
                                                 aclrtStream stream) {
    return NotSimulated("aclrtMemsetD32Async");
}

ACL_FUNC_VISIBILITY aclError aclrtMemcpyAsyncWithCondition(void *dst, size_t destMax, const void *src, size_t count,
                                                           aclrtMemcpyKind kind, aclrtStream stream) {
    return NotSimulated("aclrtMemcpyAsyncWithCondition");
}

ACL_FUNC_VISIBILITY aclError aclrtMemcpy2dAsync(void *dst, size_t dpitch, const void *src, size_t spitch, size_t width,
                                                size_t height, aclrtMemcpyKind kind, aclrtStream stream) {
    return NotSimulated("aclrtMemcpy2dAsync");
}

ACL_FUNC_VISIBILITY aclError aclrtMemManagedAdvise(const void *const ptr, uint64_t size,
                                                   aclrtMemManagedAdviseType advise, aclrtMemManagedLocation location) {
    return NotSimulated("aclrtMemManagedAdvise");
}

ACL_FUNC_VISIBILITY aclError aclrtReserveMemAddress(void **virPtr, size_t size, size_t alignment, void *expectPtr,
                                                    uint64_t flags) {
    return NotSimulated("aclrtReserveMemAddress");
}

ACL_FUNC_VISIBILITY aclError aclrtReleaseMemAddress(void *virPtr) {
    return NotSimulated("aclrtReleaseMemAddress");
}

ACL_FUNC_VISIBILITY aclError aclrtMallocPhysical(aclrtDrvMemHandle *handle, size_t size,
                                                 const aclrtPhysicalMemProp *prop, uint64_t flags) {
    return NotSimulated("aclrtMallocPhysical");
}

ACL_FUNC_VISIBILITY aclError aclrtFreePhysical(aclrtDrvMemHandle handle) {
    return NotSimulated("aclrtFreePhysical");
}

ACL_FUNC_VISIBILITY aclError aclrtMapMem(void *virPtr, size_t size, size_t offset, aclrtDrvMemHandle handle,
                                         uint64_t flags) {
    return NotSimulated("aclrtMapMem");
}

ACL_FUNC_VISIBILITY aclError aclrtUnmapMem(void *virPtr) {
    return NotSimulated("aclrtUnmapMem");
}

ACL_FUNC_VISIBILITY aclError aclrtMemMapNoAccess(void *virPtr, size_t size, size_t offset, aclrtDrvMemHandle handle,
                                                 uint64_t flags) {
    return NotSimulated("aclrtMemMapNoAccess");
}

ACL_FUNC_VISIBILITY aclError aclrtGetMemUsageInfo(int32_t deviceId, aclrtMemUsageInfo *memUsageInfo, size_t inputNum,
                                                  size_t *outputNum) {
    return NotSimulated("aclrtGetMemUsageInfo");
}

ACL_FUNC_VISIBILITY aclError aclrtMemExportToShareableHandle(aclrtDrvMemHandle handle, aclrtMemHandleType handleType,
                                                             uint64_t flags, uint64_t *shareableHandle) {
    return NotSimulated("aclrtMemExportToShareableHandle");
}

ACL_FUNC_VISIBILITY aclError aclrtMemExportToShareableHandleV2(aclrtDrvMemHandle handle, uint64_t flags,
                                                               aclrtMemSharedHandleType shareType,
                                                               void *shareableHandle) {
    return NotSimulated("aclrtMemExportToShareableHandleV2");
}

ACL_FUNC_VISIBILITY aclError aclrtMemImportFromShareableHandle(uint64_t shareableHandle, int32_t deviceId,
                                                               aclrtDrvMemHandle *handle) {
    return NotSimulated("aclrtMemImportFromShareableHandle");
}

ACL_FUNC_VISIBILITY aclError aclrtMemImportFromShareableHandleV2(void *shareableHandle,
                                                                 aclrtMemSharedHandleType shareType, uint64_t flags,
                                                                 aclrtDrvMemHandle *handle) {
    return NotSimulated("aclrtMemImportFromShareableHandleV2");
}

ACL_FUNC_VISIBILITY aclError aclrtMemSetPidToShareableHandle(uint64_t shareableHandle, int32_t *pid, size_t pidNum) {
    return NotSimulated("aclrtMemSetPidToShareableHandle");
}

ACL_FUNC_VISIBILITY aclError aclrtMemSetPidToShareableHandleV2(void *shareableHandle,
                                                               aclrtMemSharedHandleType shareType, int32_t *pid,
                                                               size_t pidNum) {
    return NotSimulated("aclrtMemSetPidToShareableHandleV2");
}

ACL_FUNC_VISIBILITY aclError aclrtMemGetAllocationGranularity(aclrtPhysicalMemProp *prop,
                                                              aclrtMemGranularityOptions option, size_t *granularity) {
    return NotSimulated("aclrtMemGetAllocationGranularity");
}

ACL_FUNC_VISIBILITY aclError aclrtCmoAsync(void *src, size_t size, aclrtCmoType cmoType, aclrtStream stream) {
    return NotSimulated("aclrtCmoAsync");
}

ACL_FUNC_VISIBILITY aclError aclrtGetMemUceInfo(int32_t deviceId, aclrtMemUceInfo *memUceInfoArray, size_t arraySize,
                                                size_t *retSize) {
    return NotSimulated("aclrtGetMemUceInfo");
}

ACL_FUNC_VISIBILITY aclError aclrtMemUceRepair(int32_t deviceId, aclrtMemUceInfo *memUceInfoArray, size_t arraySize) {
    return NotSimulated("aclrtMemUceRepair");
}

ACL_FUNC_VISIBILITY aclError aclrtGetMemcpyDescSize(aclrtMemcpyKind kind, size_t *descSize) {
    return NotSimulated("aclrtGetMemcpyDescSize");
}

ACL_FUNC_VISIBILITY aclError aclrtSetMemcpyDesc(void *desc, aclrtMemcpyKind kind, void *srcAddr, void *dstAddr,
                                                size_t count, void *config) {
    return NotSimulated("aclrtSetMemcpyDesc");
}

ACL_FUNC_VISIBILITY aclError aclrtMemcpyAsyncWithOffset(void **dst, size_t destMax, size_t dstDataOffset,
                                                        const void **src, size_t count, size_t srcDataOffset,
                                                        aclrtMemcpyKind kind, aclrtStream stream) {
    return NotSimulated("aclrtMemcpyAsyncWithOffset");
}

ACL_FUNC_VISIBILITY aclError aclrtMemcpyAsyncWithDesc(void *desc, aclrtMemcpyKind kind, aclrtStream stream) {
    return NotSimulated("aclrtMemcpyAsyncWithDesc");
}

ACL_FUNC_VISIBILITY aclError aclrtReduceAsync(void *dst, const void *src, uint64_t count, aclrtReduceKind kind,
                                              aclDataType type, aclrtStream stream, void *reserve) {
    return NotSimulated("aclrtReduceAsync");
}

ACL_FUNC_VISIBILITY aclError aclrtGetBufFromChain(aclrtMbuf headBuf, uint32_t index, aclrtMbuf *buf) {
    return NotSimulated("aclrtGetBufFromChain");
}

ACL_FUNC_VISIBILITY aclError aclrtGetBufChainNum(aclrtMbuf headBuf, uint32_t *num) {
    return NotSimulated("aclrtGetBufChainNum");
}

ACL_FUNC_VISIBILITY aclError aclrtAppendBufChain(aclrtMbuf headBuf, aclrtMbuf buf) {
    return NotSimulated("aclrtAppendBufChain");
}

ACL_FUNC_VISIBILITY aclError aclrtCopyBufRef(const aclrtMbuf buf, aclrtMbuf *newBuf) {
    return NotSimulated("aclrtCopyBufRef");
}

ACL_FUNC_VISIBILITY aclError aclrtGetBufUserData(const aclrtMbuf buf, void *dataPtr, size_t size, size_t offset) {
    return NotSimulated("aclrtGetBufUserData");
}

ACL_FUNC_VISIBILITY aclError aclrtSetBufUserData(aclrtMbuf buf, const void *dataPtr, size_t size, size_t offset) {
    return NotSimulated("aclrtSetBufUserData");
}

ACL_FUNC_VISIBILITY aclError aclrtGetBufData(const aclrtMbuf buf, void **dataPtr, size_t *size) {
    return NotSimulated("aclrtGetBufData");
}

ACL_FUNC_VISIBILITY aclError aclrtGetBufDataLen(aclrtMbuf buf, size_t *len) {
    return NotSimulated("aclrtGetBufDataLen");
}

ACL_FUNC_VISIBILITY aclError aclrtSetBufDataLen(aclrtMbuf buf, size_t len) {
    return NotSimulated("aclrtSetBufDataLen");
}

ACL_FUNC_VISIBILITY aclError aclrtFreeBuf(aclrtMbuf buf) {
    return NotSimulated("aclrtFreeBuf");
}

ACL_FUNC_VISIBILITY aclError aclrtAllocBuf(aclrtMbuf *buf, size_t size) {
    return NotSimulated("aclrtAllocBuf");
}

ACL_FUNC_VISIBILITY aclError aclrtCmoAsyncWithBarrier(void *src, size_t size, aclrtCmoType cmoType, uint32_t barrierId,
                                                      aclrtStream stream) {
    return NotSimulated("aclrtCmoAsyncWithBarrier");
}

ACL_FUNC_VISIBILITY aclError aclrtCmoWaitBarrier(aclrtBarrierTaskInfo *taskInfo, aclrtStream stream, uint32_t flag) {
    return NotSimulated("aclrtCmoWaitBarrier");
}

ACL_FUNC_VISIBILITY aclError aclrtMemcpyBatch(void **dsts, size_t *destMaxs, void **srcs, size_t *sizes,
                                              size_t numBatches, aclrtMemcpyBatchAttr *attrs, size_t *attrsIndexes,
                                              size_t numAttrs, size_t *failIndex) {
    return NotSimulated("aclrtMemcpyBatch");
}

ACL_FUNC_VISIBILITY aclError aclrtMemcpyBatchV2(void **dsts, size_t *destMaxs, void **srcs, size_t *sizes,
                                                size_t numBatches, aclrtMemcpyBatchAttr *attrs, size_t *attrsIndexes,
                                                size_t numAttrs) {
    return NotSimulated("aclrtMemcpyBatchV2");
}

ACL_FUNC_VISIBILITY aclError aclrtMemcpyBatchAsync(void **dsts, size_t *destMaxs, void **srcs, size_t *sizes,
                                                   size_t numBatches, aclrtMemcpyBatchAttr *attrs, size_t *attrsIndexes,
                                                   size_t numAttrs, size_t *failIndex, aclrtStream stream) {
    return NotSimulated("aclrtMemcpyBatchAsync");
}

ACL_FUNC_VISIBILITY aclError aclrtMemcpyBatchAsyncV2(void **dsts, size_t *destMaxs, void **srcs, size_t *sizes,
                                                     size_t numBatches, aclrtMemcpyBatchAttr *attrs,
                                                     size_t *attrsIndexes, size_t numAttrs, aclrtStream stream) {
    return NotSimulated("aclrtMemcpyBatchAsyncV2");
}

ACL_FUNC_VISIBILITY aclError aclrtIpcMemGetExportKey(void *devPtr, size_t size, char *key, size_t len, uint64_t flags) {
    return NotSimulated("aclrtIpcMemGetExportKey");
}

ACL_FUNC_VISIBILITY aclError aclrtIpcMemClose(const char *key) {
    return NotSimulated("aclrtIpcMemClose");
}

ACL_FUNC_VISIBILITY aclError aclrtIpcMemImportByKey(void **devPtr, const char *key, uint64_t flags) {
    return NotSimulated("aclrtIpcMemImportByKey");
}

ACL_FUNC_VISIBILITY aclError aclrtIpcMemSetImportPid(const char *key, int32_t *pid, size_t num) {
    return NotSimulated("aclrtIpcMemSetImportPid");
}

ACL_FUNC_VISIBILITY aclError aclrtIpcMemSetAttr(const char *key, aclrtIpcMemAttrType type, uint64_t attr) {
    return NotSimulated("aclrtIpcMemSetAttr");
}

ACL_FUNC_VISIBILITY aclError aclrtIpcMemImportPidInterServer(const char *key, aclrtServerPid *serverPids, size_t num) {
    return NotSimulated("aclrtIpcMemImportPidInterServer");
}

ACL_FUNC_VISIBILITY aclError aclrtCheckMemType(void **addrList, uint32_t size, uint32_t memType, uint32_t *checkResult,
                                               uint32_t reserve) {
    return NotSimulated("aclrtCheckMemType");
}

ACL_FUNC_VISIBILITY aclError aclrtRandomNumAsync(const aclrtRandomNumTaskInfo *taskInfo, const aclrtStream stream,
                                                 void *reserve) {
    return NotSimulated("aclrtRandomNumAsync");
}

ACL_FUNC_VISIBILITY aclError aclrtCmoGetDescSize(size_t *size) {
    return NotSimulated("aclrtCmoGetDescSize");
}

ACL_FUNC_VISIBILITY aclError aclrtCmoSetDesc(void *cmoDesc, void *src, size_t size) {
    return NotSimulated("aclrtCmoSetDesc");
}

ACL_FUNC_VISIBILITY aclError aclrtCmoAsyncWithDesc(void *cmoDesc, aclrtCmoType cmoType, aclrtStream stream,
                                                   const void *reserve) {
    return NotSimulated("aclrtCmoAsyncWithDesc");
}

ACL_FUNC_VISIBILITY aclError aclrtMemSetAccess(void *virPtr, size_t size, aclrtMemAccessDesc *desc, size_t count) {
    return NotSimulated("aclrtMemSetAccess");
}

ACL_FUNC_VISIBILITY aclError aclrtMemGetAccess(void *virPtr, aclrtMemLocation *location, uint64_t *flag) {
    return NotSimulated("aclrtMemGetAccess");
}

ACL_FUNC_VISIBILITY aclError aclrtMemRetainAllocationHandle(void *virPtr, aclrtDrvMemHandle *handle) {
    return NotSimulated("aclrtMemRetainAllocationHandle");
}

ACL_FUNC_VISIBILITY aclError aclrtMemGetAllocationPropertiesFromHandle(aclrtDrvMemHandle handle,
                                                                       aclrtPhysicalMemProp *prop) {
    return NotSimulated("aclrtMemGetAllocationPropertiesFromHandle");
}

ACL_FUNC_VISIBILITY aclError aclrtReserveMemAddressNoUCMemory(void **virPtr, size_t size, size_t alignment,
                                                              void *expectPtr, uint64_t flags) {
    return NotSimulated("aclrtReserveMemAddressNoUCMemory");
}

ACL_FUNC_VISIBILITY aclError aclrtMemGetAddressRange(void *ptr, void **pbase, size_t *psize) {
    return NotSimulated("aclrtMemGetAddressRange");
}

ACL_FUNC_VISIBILITY aclError aclrtMemP2PMap(void *devPtr, size_t size, int32_t dstDevId, uint64_t flags) {
    return NotSimulated("aclrtMemP2PMap");
}

ACL_FUNC_VISIBILITY aclError aclrtMemManagedPrefetchAsync(const void *ptr, size_t size,
                                                          aclrtMemManagedLocation location, uint32_t flags,
                                                          aclrtStream stream) {
    return NotSimulated("aclrtMemManagedPrefetchAsync");
}

ACL_FUNC_VISIBILITY aclError aclrtMemManagedPrefetchBatchAsync(const void **ptrs, size_t *sizes, size_t count,
                                                               aclrtMemManagedLocation *prefetchLocs,
                                                               size_t *prefetchLocIdxs, size_t numPrefetchLocs,
                                                               uint64_t flags, aclrtStream stream) {
    return NotSimulated("aclrtMemManagedPrefetchBatchAsync");
}

ACL_FUNC_VISIBILITY aclError aclrtMemMapSelectedLink(void *virPtrDst, size_t size, void *virPtrSrc, uint32_t linkIdx) {
    return NotSimulated("aclrtMemMapSelectedLink");
}

ACL_FUNC_VISIBILITY aclError aclrtDeviceL2CacheFlush(void *rsv) {
    return NotSimulated("aclrtDeviceL2CacheFlush");
}

ACL_FUNC_VISIBILITY aclError aclrtMemMapSetLink(aclrtDrvMemHandle handle, aclrtMemLinkType adviceLink) {
    return NotSimulated("aclrtMemMapSetLink");
}

ACL_FUNC_VISIBILITY aclrtAllocatorDesc aclrtAllocatorCreateDesc() {
    (void)NotSimulated("aclrtAllocatorCreateDesc");
    return nullptr;
}

ACL_FUNC_VISIBILITY aclError aclrtAllocatorDestroyDesc(aclrtAllocatorDesc allocatorDesc) {
    return NotSimulated("aclrtAllocatorDestroyDesc");
}

ACL_FUNC_VISIBILITY aclError aclrtAllocatorSetObjToDesc(aclrtAllocatorDesc allocatorDesc, aclrtAllocator allocator) {
    return NotSimulated("aclrtAllocatorSetObjToDesc");
}

ACL_FUNC_VISIBILITY aclError aclrtAllocatorSetAllocFuncToDesc(aclrtAllocatorDesc allocatorDesc,
                                                              aclrtAllocatorAllocFunc func) {
    return NotSimulated("aclrtAllocatorSetAllocFuncToDesc");
}

ACL_FUNC_VISIBILITY aclError aclrtAllocatorSetFreeFuncToDesc(aclrtAllocatorDesc allocatorDesc,
                                                             aclrtAllocatorFreeFunc func) {
    return NotSimulated("aclrtAllocatorSetFreeFuncToDesc");
}

ACL_FUNC_VISIBILITY aclError aclrtAllocatorSetAllocAdviseFuncToDesc(aclrtAllocatorDesc allocatorDesc,
                                                                    aclrtAllocatorAllocAdviseFunc func) {
    return NotSimulated("aclrtAllocatorSetAllocAdviseFuncToDesc");
}

ACL_FUNC_VISIBILITY aclError aclrtAllocatorSetGetAddrFromBlockFuncToDesc(aclrtAllocatorDesc allocatorDesc,
                                                                         aclrtAllocatorGetAddrFromBlockFunc func) {
    return NotSimulated("aclrtAllocatorSetGetAddrFromBlockFuncToDesc");
}

ACL_FUNC_VISIBILITY aclError aclrtAllocatorRegister(aclrtStream stream, aclrtAllocatorDesc allocatorDesc) {
    return NotSimulated("aclrtAllocatorRegister");
}

ACL_FUNC_VISIBILITY aclError aclrtAllocatorGetByStream(aclrtStream stream, aclrtAllocatorDesc *allocatorDesc,
                                                       aclrtAllocator *allocator, aclrtAllocatorAllocFunc *allocFunc,
                                                       aclrtAllocatorFreeFunc *freeFunc,
                                                       aclrtAllocatorAllocAdviseFunc *allocAdviseFunc,
                                                       aclrtAllocatorGetAddrFromBlockFunc *getAddrFromBlockFunc) {
    return NotSimulated("aclrtAllocatorGetByStream");
}

ACL_FUNC_VISIBILITY aclError aclrtAllocatorUnregister(aclrtStream stream) {
    return NotSimulated("aclrtAllocatorUnregister");
}

} // extern "C"
