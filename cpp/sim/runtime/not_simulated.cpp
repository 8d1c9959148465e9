// Functions of CANN's runtime headers that the simulator declares but does not simulate: they
// need hardware or services it does not model (kernel binaries and launches, IPC and virtual
// memory management, notifies, labels, buffers, snapshots, device topology and resource limits).
// Each fails with ACL_ERROR_RT_FEATURE_NOT_SUPPORT (207000), the runtime's code for a feature the
// device does not support, and says so in aclGetRecentErrMsg; one that returns no code returns
// NULL or 0. Listed in docs/simulator.md ("Declared, not simulated").
#include "acl/acl_dump.h"
#include "runtime.h"

namespace {

aclError NotSimulated(const char *call) {
    return aclsim::Fail(ACL_ERROR_RT_FEATURE_NOT_SUPPORT, call,
                        "not simulated: the CPU simulator declares this function so that programs build, but does "
                        "not model what it needs; run on a device for it");
}

} // namespace

extern "C" {

ACL_FUNC_VISIBILITY aclError aclGetDeviceCapability(uint32_t deviceId, aclDeviceInfo deviceInfo, int64_t *value) {
    return NotSimulated("aclGetDeviceCapability");
}

ACL_FUNC_VISIBILITY aclError aclFinalizeReference(uint64_t *refCount) {
    return NotSimulated("aclFinalizeReference");
}

ACL_FUNC_VISIBILITY aclError aclrtGetArgsFromExceptionInfo(const aclrtExceptionInfo *info, void **devArgsPtr,
                                                           uint32_t *devArgsLen) {
    return NotSimulated("aclrtGetArgsFromExceptionInfo");
}

ACL_FUNC_VISIBILITY aclError aclrtGetFuncHandleFromExceptionInfo(const aclrtExceptionInfo *info,
                                                                 aclrtFuncHandle *func) {
    return NotSimulated("aclrtGetFuncHandleFromExceptionInfo");
}

ACL_FUNC_VISIBILITY aclError aclrtBinarySetExceptionCallback(aclrtBinHandle binHandle,
                                                             aclrtOpExceptionCallback callback, void *userData) {
    return NotSimulated("aclrtBinarySetExceptionCallback");
}

ACL_FUNC_VISIBILITY aclError aclrtCtxGetSysParamOpt(aclSysParamOpt opt, int64_t *value) {
    return NotSimulated("aclrtCtxGetSysParamOpt");
}

ACL_FUNC_VISIBILITY aclError aclrtCtxSetSysParamOpt(aclSysParamOpt opt, int64_t value) {
    return NotSimulated("aclrtCtxSetSysParamOpt");
}

ACL_FUNC_VISIBILITY aclError aclrtGetSysParamOpt(aclSysParamOpt opt, int64_t *value) {
    return NotSimulated("aclrtGetSysParamOpt");
}

ACL_FUNC_VISIBILITY aclError aclrtSetSysParamOpt(aclSysParamOpt opt, int64_t value) {
    return NotSimulated("aclrtSetSysParamOpt");
}

ACL_FUNC_VISIBILITY aclError aclrtSetStreamFailureMode(aclrtStream stream, uint64_t mode) {
    return NotSimulated("aclrtSetStreamFailureMode");
}

ACL_FUNC_VISIBILITY aclError aclrtSetTsDevice(aclrtTsId tsId) {
    return NotSimulated("aclrtSetTsDevice");
}

ACL_FUNC_VISIBILITY aclError aclrtGetDeviceUtilizationRate(int32_t deviceId, aclrtUtilizationInfo *utilizationInfo) {
    return NotSimulated("aclrtGetDeviceUtilizationRate");
}

ACL_FUNC_VISIBILITY aclError aclrtQueryEventWaitStatus(aclrtEvent event, aclrtEventWaitStatus *status) {
    return NotSimulated("aclrtQueryEventWaitStatus");
}

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

ACL_FUNC_VISIBILITY aclError aclrtGetThreadLastTaskId(uint32_t *taskId) {
    return NotSimulated("aclrtGetThreadLastTaskId");
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

ACL_FUNC_VISIBILITY aclError aclrtGetSymbolAddress(const void *symbol, void **devPtr) {
    return NotSimulated("aclrtGetSymbolAddress");
}

ACL_FUNC_VISIBILITY aclError aclrtGetSymbolSize(const void *symbol, size_t *size) {
    return NotSimulated("aclrtGetSymbolSize");
}

ACL_FUNC_VISIBILITY aclError aclrtMemcpyFromSymbol(void *dst, size_t dstMax, const void *symbol, size_t count,
                                                   size_t offset, aclrtMemcpyKind kind) {
    return NotSimulated("aclrtMemcpyFromSymbol");
}

ACL_FUNC_VISIBILITY aclError aclrtMemcpyFromSymbolAsync(void *dst, size_t dstMax, const void *symbol, size_t count,
                                                        size_t offset, aclrtMemcpyKind kind, aclrtStream stream) {
    return NotSimulated("aclrtMemcpyFromSymbolAsync");
}

ACL_FUNC_VISIBILITY aclError aclrtMemcpyToSymbol(const void *symbol, const void *src, size_t count, size_t offset,
                                                 aclrtMemcpyKind kind) {
    return NotSimulated("aclrtMemcpyToSymbol");
}

ACL_FUNC_VISIBILITY aclError aclrtMemcpyToSymbolAsync(const void *symbol, const void *src, size_t count, size_t offset,
                                                      aclrtMemcpyKind kind, aclrtStream stream) {
    return NotSimulated("aclrtMemcpyToSymbolAsync");
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

ACL_FUNC_VISIBILITY aclrtStreamConfigHandle *aclrtCreateStreamConfigHandle(void) {
    (void)NotSimulated("aclrtCreateStreamConfigHandle");
    return nullptr;
}

ACL_FUNC_VISIBILITY aclError aclrtDestroyStreamConfigHandle(aclrtStreamConfigHandle *handle) {
    return NotSimulated("aclrtDestroyStreamConfigHandle");
}

ACL_FUNC_VISIBILITY aclError aclrtSetStreamConfigOpt(aclrtStreamConfigHandle *handle, aclrtStreamConfigAttr attr,
                                                     const void *attrValue, size_t valueSize) {
    return NotSimulated("aclrtSetStreamConfigOpt");
}

ACL_FUNC_VISIBILITY aclError aclrtCreateStreamV2(aclrtStream *stream, const aclrtStreamConfigHandle *handle) {
    return NotSimulated("aclrtCreateStreamV2");
}

ACL_FUNC_VISIBILITY aclError aclrtSetGroup(int32_t groupId) {
    return NotSimulated("aclrtSetGroup");
}

ACL_FUNC_VISIBILITY aclError aclrtGetGroupCount(uint32_t *count) {
    return NotSimulated("aclrtGetGroupCount");
}

ACL_FUNC_VISIBILITY aclrtGroupInfo *aclrtCreateGroupInfo() {
    (void)NotSimulated("aclrtCreateGroupInfo");
    return nullptr;
}

ACL_FUNC_VISIBILITY aclError aclrtDestroyGroupInfo(aclrtGroupInfo *groupInfo) {
    return NotSimulated("aclrtDestroyGroupInfo");
}

ACL_FUNC_VISIBILITY aclError aclrtGetAllGroupInfo(aclrtGroupInfo *groupInfo) {
    return NotSimulated("aclrtGetAllGroupInfo");
}

ACL_FUNC_VISIBILITY aclError aclrtGetGroupInfoDetail(const aclrtGroupInfo *groupInfo, int32_t groupIndex,
                                                     aclrtGroupAttr attr, void *attrValue, size_t valueLen,
                                                     size_t *paramRetSize) {
    return NotSimulated("aclrtGetGroupInfoDetail");
}

ACL_FUNC_VISIBILITY aclError aclrtGetMemUsageInfo(int32_t deviceId, aclrtMemUsageInfo *memUsageInfo, size_t inputNum,
                                                  size_t *outputNum) {
    return NotSimulated("aclrtGetMemUsageInfo");
}

ACL_FUNC_VISIBILITY aclError aclrtGetOpTimeOutInterval(uint64_t *interval) {
    return NotSimulated("aclrtGetOpTimeOutInterval");
}

ACL_FUNC_VISIBILITY aclError aclrtSubscribeHostFunc(uint64_t hostFuncThreadId, aclrtStream exeStream) {
    return NotSimulated("aclrtSubscribeHostFunc");
}

ACL_FUNC_VISIBILITY aclError aclrtProcessHostFunc(int32_t timeout) {
    return NotSimulated("aclrtProcessHostFunc");
}

ACL_FUNC_VISIBILITY aclError aclrtUnSubscribeHostFunc(uint64_t hostFuncThreadId, aclrtStream exeStream) {
    return NotSimulated("aclrtUnSubscribeHostFunc");
}

ACL_FUNC_VISIBILITY aclError aclrtQueryDeviceStatus(int32_t deviceId, aclrtDeviceStatus *deviceStatus) {
    return NotSimulated("aclrtQueryDeviceStatus");
}

ACL_FUNC_VISIBILITY aclrtBinary aclrtCreateBinary(const void *data, size_t dataLen) {
    (void)NotSimulated("aclrtCreateBinary");
    return nullptr;
}

ACL_FUNC_VISIBILITY aclError aclrtDestroyBinary(aclrtBinary binary) {
    return NotSimulated("aclrtDestroyBinary");
}

ACL_FUNC_VISIBILITY aclError aclrtBinaryLoad(const aclrtBinary binary, aclrtBinHandle *binHandle) {
    return NotSimulated("aclrtBinaryLoad");
}

ACL_FUNC_VISIBILITY aclError aclrtBinaryUnLoad(aclrtBinHandle binHandle) {
    return NotSimulated("aclrtBinaryUnLoad");
}

ACL_FUNC_VISIBILITY aclError aclrtBinaryGetFunction(const aclrtBinHandle binHandle, const char *kernelName,
                                                    aclrtFuncHandle *funcHandle) {
    return NotSimulated("aclrtBinaryGetFunction");
}

ACL_FUNC_VISIBILITY aclError aclrtLaunchKernel(aclrtFuncHandle funcHandle, uint32_t numBlocks, const void *argsData,
                                               size_t argsSize, aclrtStream stream) {
    return NotSimulated("aclrtLaunchKernel");
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

ACL_FUNC_VISIBILITY aclError aclrtDeviceGetBareTgid(int32_t *pid) {
    return NotSimulated("aclrtDeviceGetBareTgid");
}

ACL_FUNC_VISIBILITY aclError aclrtCmoAsync(void *src, size_t size, aclrtCmoType cmoType, aclrtStream stream) {
    return NotSimulated("aclrtCmoAsync");
}

ACL_FUNC_VISIBILITY aclError aclrtGetMemUceInfo(int32_t deviceId, aclrtMemUceInfo *memUceInfoArray, size_t arraySize,
                                                size_t *retSize) {
    return NotSimulated("aclrtGetMemUceInfo");
}

ACL_FUNC_VISIBILITY aclError aclrtDeviceTaskAbort(int32_t deviceId, uint32_t timeout) {
    return NotSimulated("aclrtDeviceTaskAbort");
}

ACL_FUNC_VISIBILITY aclError aclrtMemUceRepair(int32_t deviceId, aclrtMemUceInfo *memUceInfoArray, size_t arraySize) {
    return NotSimulated("aclrtMemUceRepair");
}

ACL_FUNC_VISIBILITY aclError aclrtStreamAbort(aclrtStream stream) {
    return NotSimulated("aclrtStreamAbort");
}

ACL_FUNC_VISIBILITY aclError aclrtBinaryLoadFromFile(const char *binPath, aclrtBinaryLoadOptions *options,
                                                     aclrtBinHandle *binHandle) {
    return NotSimulated("aclrtBinaryLoadFromFile");
}

ACL_FUNC_VISIBILITY aclError aclrtBinaryGetDevAddress(const aclrtBinHandle binHandle, void **binAddr, size_t *binSize) {
    return NotSimulated("aclrtBinaryGetDevAddress");
}

ACL_FUNC_VISIBILITY aclError aclrtBinaryGetFunctionByEntry(aclrtBinHandle binHandle, uint64_t funcEntry,
                                                           aclrtFuncHandle *funcHandle) {
    return NotSimulated("aclrtBinaryGetFunctionByEntry");
}

ACL_FUNC_VISIBILITY aclError aclrtBinaryGetGlobal(aclrtBinHandle binHandle, const char *name, void **dptr,
                                                  size_t *size) {
    return NotSimulated("aclrtBinaryGetGlobal");
}

ACL_FUNC_VISIBILITY aclError aclrtGetFuncBySymbol(const void *symbol, aclrtFuncHandle *funcHandle) {
    return NotSimulated("aclrtGetFuncBySymbol");
}

ACL_FUNC_VISIBILITY aclError aclrtGetFunctionAddr(aclrtFuncHandle funcHandle, void **aicAddr, void **aivAddr) {
    return NotSimulated("aclrtGetFunctionAddr");
}

ACL_FUNC_VISIBILITY aclError aclrtGetFunctionSize(aclrtFuncHandle funcHandle, size_t *aicSize, size_t *aivSize) {
    return NotSimulated("aclrtGetFunctionSize");
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

ACL_FUNC_VISIBILITY aclError aclrtKernelArgsGetHandleMemSize(aclrtFuncHandle funcHandle, size_t *memSize) {
    return NotSimulated("aclrtKernelArgsGetHandleMemSize");
}

ACL_FUNC_VISIBILITY aclError aclrtKernelArgsGetMemSize(aclrtFuncHandle funcHandle, size_t userArgsSize,
                                                       size_t *actualArgsSize) {
    return NotSimulated("aclrtKernelArgsGetMemSize");
}

ACL_FUNC_VISIBILITY aclError aclrtKernelArgsInit(aclrtFuncHandle funcHandle, aclrtArgsHandle *argsHandle) {
    return NotSimulated("aclrtKernelArgsInit");
}

ACL_FUNC_VISIBILITY aclError aclrtKernelArgsInitByUserMem(aclrtFuncHandle funcHandle, aclrtArgsHandle argsHandle,
                                                          void *userHostMem, size_t actualArgsSize) {
    return NotSimulated("aclrtKernelArgsInitByUserMem");
}

ACL_FUNC_VISIBILITY aclError aclrtKernelArgsAppend(aclrtArgsHandle argsHandle, void *param, size_t paramSize,
                                                   aclrtParamHandle *paramHandle) {
    return NotSimulated("aclrtKernelArgsAppend");
}

ACL_FUNC_VISIBILITY aclError aclrtKernelArgsAppendPlaceHolder(aclrtArgsHandle argsHandle,
                                                              aclrtParamHandle *paramHandle) {
    return NotSimulated("aclrtKernelArgsAppendPlaceHolder");
}

ACL_FUNC_VISIBILITY aclError aclrtKernelArgsGetPlaceHolderBuffer(aclrtArgsHandle argsHandle,
                                                                 aclrtParamHandle paramHandle, size_t dataSize,
                                                                 void **bufferAddr) {
    return NotSimulated("aclrtKernelArgsGetPlaceHolderBuffer");
}

ACL_FUNC_VISIBILITY aclError aclrtKernelArgsParaUpdate(aclrtArgsHandle argsHandle, aclrtParamHandle paramHandle,
                                                       void *param, size_t paramSize) {
    return NotSimulated("aclrtKernelArgsParaUpdate");
}

ACL_FUNC_VISIBILITY aclError aclrtLaunchKernelWithConfig(aclrtFuncHandle funcHandle, uint32_t numBlocks,
                                                         aclrtStream stream, aclrtLaunchKernelCfg *cfg,
                                                         aclrtArgsHandle argsHandle, void *reserve) {
    return NotSimulated("aclrtLaunchKernelWithConfig");
}

ACL_FUNC_VISIBILITY aclError aclrtKernelArgsFinalize(aclrtArgsHandle argsHandle) {
    return NotSimulated("aclrtKernelArgsFinalize");
}

ACL_FUNC_VISIBILITY aclError aclrtGetStreamAvailableNum(uint32_t *streamCount) {
    return NotSimulated("aclrtGetStreamAvailableNum");
}

ACL_FUNC_VISIBILITY aclError aclrtSetStreamAttribute(aclrtStream stream, aclrtStreamAttr stmAttrType,
                                                     aclrtStreamAttrValue *value) {
    return NotSimulated("aclrtSetStreamAttribute");
}

ACL_FUNC_VISIBILITY aclError aclrtGetStreamAttribute(aclrtStream stream, aclrtStreamAttr stmAttrType,
                                                     aclrtStreamAttrValue *value) {
    return NotSimulated("aclrtGetStreamAttribute");
}

ACL_FUNC_VISIBILITY aclError aclrtCreateNotify(aclrtNotify *notify, uint64_t flag) {
    return NotSimulated("aclrtCreateNotify");
}

ACL_FUNC_VISIBILITY aclError aclrtDestroyNotify(aclrtNotify notify) {
    return NotSimulated("aclrtDestroyNotify");
}

ACL_FUNC_VISIBILITY aclError aclrtCntNotifyCreate(aclrtCntNotify *cntNotify, uint64_t flag) {
    return NotSimulated("aclrtCntNotifyCreate");
}

ACL_FUNC_VISIBILITY aclError aclrtCntNotifyDestroy(aclrtCntNotify cntNotify) {
    return NotSimulated("aclrtCntNotifyDestroy");
}

ACL_FUNC_VISIBILITY aclError aclrtRecordNotify(aclrtNotify notify, aclrtStream stream) {
    return NotSimulated("aclrtRecordNotify");
}

ACL_FUNC_VISIBILITY aclError aclrtWaitAndResetNotify(aclrtNotify notify, aclrtStream stream, uint32_t timeout) {
    return NotSimulated("aclrtWaitAndResetNotify");
}

ACL_FUNC_VISIBILITY aclError aclrtGetNotifyId(aclrtNotify notify, uint32_t *notifyId) {
    return NotSimulated("aclrtGetNotifyId");
}

ACL_FUNC_VISIBILITY aclError aclrtGetEventId(aclrtEvent event, uint32_t *eventId) {
    return NotSimulated("aclrtGetEventId");
}

ACL_FUNC_VISIBILITY aclError aclrtGetEventAvailNum(uint32_t *eventCount) {
    return NotSimulated("aclrtGetEventAvailNum");
}

ACL_FUNC_VISIBILITY aclError aclrtGetDeviceInfo(uint32_t deviceId, aclrtDevAttr attr, int64_t *value) {
    return NotSimulated("aclrtGetDeviceInfo");
}

ACL_FUNC_VISIBILITY aclError aclrtGetDeviceCapability(int32_t deviceId, aclrtDevFeatureType devFeatureType,
                                                      int32_t *value) {
    return NotSimulated("aclrtGetDeviceCapability");
}

ACL_FUNC_VISIBILITY aclError aclrtDeviceGetUuid(int32_t deviceId, aclrtUuid *uuid) {
    return NotSimulated("aclrtDeviceGetUuid");
}

ACL_FUNC_VISIBILITY aclError aclrtDeviceSetLimit(aclrtDeviceLimit limit, size_t value) {
    return NotSimulated("aclrtDeviceSetLimit");
}

ACL_FUNC_VISIBILITY aclError aclrtDeviceGetLimit(aclrtDeviceLimit limit, size_t *value) {
    return NotSimulated("aclrtDeviceGetLimit");
}

ACL_FUNC_VISIBILITY aclError aclrtDeviceGetPCIBusId(int32_t deviceId, char *pciBusId, int32_t len) {
    return NotSimulated("aclrtDeviceGetPCIBusId");
}

ACL_FUNC_VISIBILITY aclError aclrtDeviceGetByPCIBusId(const char *pciBusId, int32_t *deviceId) {
    return NotSimulated("aclrtDeviceGetByPCIBusId");
}

ACL_FUNC_VISIBILITY aclError aclrtDeviceGetHostAtomicCapabilities(uint32_t *capabilities,
                                                                  const aclrtAtomicOperation *operations,
                                                                  const uint32_t count, int32_t deviceId) {
    return NotSimulated("aclrtDeviceGetHostAtomicCapabilities");
}

ACL_FUNC_VISIBILITY aclError aclrtDeviceGetP2PAtomicCapabilities(uint32_t *capabilities,
                                                                 const aclrtAtomicOperation *operations,
                                                                 const uint32_t count, int32_t srcDeviceId,
                                                                 int32_t dstDeviceId) {
    return NotSimulated("aclrtDeviceGetP2PAtomicCapabilities");
}

ACL_FUNC_VISIBILITY aclError aclrtGetPrimaryCtxState(int32_t deviceId, uint32_t *flags, int32_t *active) {
    return NotSimulated("aclrtGetPrimaryCtxState");
}

ACL_FUNC_VISIBILITY aclError aclrtReduceAsync(void *dst, const void *src, uint64_t count, aclrtReduceKind kind,
                                              aclDataType type, aclrtStream stream, void *reserve) {
    return NotSimulated("aclrtReduceAsync");
}

ACL_FUNC_VISIBILITY aclError aclrtGetDeviceResLimit(int32_t deviceId, aclrtDevResLimitType type, uint32_t *value) {
    return NotSimulated("aclrtGetDeviceResLimit");
}

ACL_FUNC_VISIBILITY aclError aclrtSetDeviceResLimit(int32_t deviceId, aclrtDevResLimitType type, uint32_t value) {
    return NotSimulated("aclrtSetDeviceResLimit");
}

ACL_FUNC_VISIBILITY aclError aclrtResetDeviceResLimit(int32_t deviceId) {
    return NotSimulated("aclrtResetDeviceResLimit");
}

ACL_FUNC_VISIBILITY aclError aclrtGetStreamResLimit(aclrtStream stream, aclrtDevResLimitType type, uint32_t *value) {
    return NotSimulated("aclrtGetStreamResLimit");
}

ACL_FUNC_VISIBILITY aclError aclrtSetStreamResLimit(aclrtStream stream, aclrtDevResLimitType type, uint32_t value) {
    return NotSimulated("aclrtSetStreamResLimit");
}

ACL_FUNC_VISIBILITY aclError aclrtResetStreamResLimit(aclrtStream stream) {
    return NotSimulated("aclrtResetStreamResLimit");
}

ACL_FUNC_VISIBILITY aclError aclrtUseStreamResInCurrentThread(aclrtStream stream) {
    return NotSimulated("aclrtUseStreamResInCurrentThread");
}

ACL_FUNC_VISIBILITY aclError aclrtUnuseStreamResInCurrentThread(aclrtStream stream) {
    return NotSimulated("aclrtUnuseStreamResInCurrentThread");
}

ACL_FUNC_VISIBILITY aclError aclrtGetResInCurrentThread(aclrtDevResLimitType type, uint32_t *value) {
    return NotSimulated("aclrtGetResInCurrentThread");
}

ACL_FUNC_VISIBILITY aclError aclrtCreateLabel(aclrtLabel *label) {
    return NotSimulated("aclrtCreateLabel");
}

ACL_FUNC_VISIBILITY aclError aclrtSetLabel(aclrtLabel label, aclrtStream stream) {
    return NotSimulated("aclrtSetLabel");
}

ACL_FUNC_VISIBILITY aclError aclrtDestroyLabel(aclrtLabel label) {
    return NotSimulated("aclrtDestroyLabel");
}

ACL_FUNC_VISIBILITY aclError aclrtCreateLabelList(aclrtLabel *labels, size_t num, aclrtLabelList *labelList) {
    return NotSimulated("aclrtCreateLabelList");
}

ACL_FUNC_VISIBILITY aclError aclrtDestroyLabelList(aclrtLabelList labelList) {
    return NotSimulated("aclrtDestroyLabelList");
}

ACL_FUNC_VISIBILITY aclError aclrtSwitchLabelByIndex(void *ptr, uint32_t maxValue, aclrtLabelList labelList,
                                                     aclrtStream stream) {
    return NotSimulated("aclrtSwitchLabelByIndex");
}

ACL_FUNC_VISIBILITY aclError aclrtGetFunctionName(aclrtFuncHandle funcHandle, uint32_t maxLen, char *name) {
    return NotSimulated("aclrtGetFunctionName");
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

ACL_FUNC_VISIBILITY aclError aclrtBinaryLoadFromData(const void *data, size_t length,
                                                     const aclrtBinaryLoadOptions *options, aclrtBinHandle *binHandle) {
    return NotSimulated("aclrtBinaryLoadFromData");
}

ACL_FUNC_VISIBILITY aclError aclrtRegisterCpuFunc(const aclrtBinHandle handle, const char *funcName,
                                                  const char *kernelName, aclrtFuncHandle *funcHandle) {
    return NotSimulated("aclrtRegisterCpuFunc");
}

ACL_FUNC_VISIBILITY aclError aclrtCmoAsyncWithBarrier(void *src, size_t size, aclrtCmoType cmoType, uint32_t barrierId,
                                                      aclrtStream stream) {
    return NotSimulated("aclrtCmoAsyncWithBarrier");
}

ACL_FUNC_VISIBILITY aclError aclrtCmoWaitBarrier(aclrtBarrierTaskInfo *taskInfo, aclrtStream stream, uint32_t flag) {
    return NotSimulated("aclrtCmoWaitBarrier");
}

ACL_FUNC_VISIBILITY aclError aclrtGetDevicesTopo(uint32_t deviceId, uint32_t otherDeviceId, uint64_t *value) {
    return NotSimulated("aclrtGetDevicesTopo");
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

ACL_FUNC_VISIBILITY aclError aclrtNotifyBatchReset(aclrtNotify *notifies, size_t num) {
    return NotSimulated("aclrtNotifyBatchReset");
}

ACL_FUNC_VISIBILITY aclError aclrtNotifyGetExportKey(aclrtNotify notify, char *key, size_t len, uint64_t flags) {
    return NotSimulated("aclrtNotifyGetExportKey");
}

ACL_FUNC_VISIBILITY aclError aclrtNotifyImportByKey(aclrtNotify *notify, const char *key, uint64_t flags) {
    return NotSimulated("aclrtNotifyImportByKey");
}

ACL_FUNC_VISIBILITY aclError aclrtNotifySetImportPid(aclrtNotify notify, int32_t *pid, size_t num) {
    return NotSimulated("aclrtNotifySetImportPid");
}

ACL_FUNC_VISIBILITY aclError aclrtNotifySetImportPidInterServer(aclrtNotify notify, aclrtServerPid *serverPids,
                                                                size_t num) {
    return NotSimulated("aclrtNotifySetImportPidInterServer");
}

ACL_FUNC_VISIBILITY aclError aclInitCallbackRegister(aclRegisterCallbackType type, aclInitCallbackFunc cbFunc,
                                                     void *userData) {
    return NotSimulated("aclInitCallbackRegister");
}

ACL_FUNC_VISIBILITY aclError aclInitCallbackUnRegister(aclRegisterCallbackType type, aclInitCallbackFunc cbFunc) {
    return NotSimulated("aclInitCallbackUnRegister");
}

ACL_FUNC_VISIBILITY aclError aclFinalizeCallbackRegister(aclRegisterCallbackType type, aclFinalizeCallbackFunc cbFunc,
                                                         void *userData) {
    return NotSimulated("aclFinalizeCallbackRegister");
}

ACL_FUNC_VISIBILITY aclError aclFinalizeCallbackUnRegister(aclRegisterCallbackType type,
                                                           aclFinalizeCallbackFunc cbFunc) {
    return NotSimulated("aclFinalizeCallbackUnRegister");
}

ACL_FUNC_VISIBILITY aclError aclrtCheckMemType(void **addrList, uint32_t size, uint32_t memType, uint32_t *checkResult,
                                               uint32_t reserve) {
    return NotSimulated("aclrtCheckMemType");
}

ACL_FUNC_VISIBILITY aclError aclrtGetLogicDevIdByUserDevId(const int32_t userDevid, int32_t *const logicDevId) {
    return NotSimulated("aclrtGetLogicDevIdByUserDevId");
}

ACL_FUNC_VISIBILITY aclError aclrtGetUserDevIdByLogicDevId(const int32_t logicDevId, int32_t *const userDevid) {
    return NotSimulated("aclrtGetUserDevIdByLogicDevId");
}

ACL_FUNC_VISIBILITY aclError aclrtGetLogicDevIdByPhyDevId(const int32_t phyDevId, int32_t *const logicDevId) {
    return NotSimulated("aclrtGetLogicDevIdByPhyDevId");
}

ACL_FUNC_VISIBILITY aclError aclrtGetPhyDevIdByLogicDevId(const int32_t logicDevId, int32_t *const phyDevId) {
    return NotSimulated("aclrtGetPhyDevIdByLogicDevId");
}

ACL_FUNC_VISIBILITY aclError aclrtGetUserDevIdByPhyDevId(const int32_t phyDevId, int32_t *const userDevId) {
    return NotSimulated("aclrtGetUserDevIdByPhyDevId");
}

ACL_FUNC_VISIBILITY aclError aclrtGetPhyDevIdByUserDevId(const int32_t userDevId, int32_t *const phyDevId) {
    return NotSimulated("aclrtGetPhyDevIdByUserDevId");
}

ACL_FUNC_VISIBILITY aclError aclrtProfTrace(void *userdata, int32_t length, aclrtStream stream) {
    return NotSimulated("aclrtProfTrace");
}

ACL_FUNC_VISIBILITY aclError aclrtLaunchKernelV2(aclrtFuncHandle funcHandle, uint32_t numBlocks, const void *argsData,
                                                 size_t argsSize, aclrtLaunchKernelCfg *cfg, aclrtStream stream) {
    return NotSimulated("aclrtLaunchKernelV2");
}

ACL_FUNC_VISIBILITY aclError aclrtLaunchKernelWithHostArgs(aclrtFuncHandle funcHandle, uint32_t numBlocks,
                                                           aclrtStream stream, aclrtLaunchKernelCfg *cfg,
                                                           void *hostArgs, size_t argsSize,
                                                           aclrtPlaceHolderInfo *placeHolderArray,
                                                           size_t placeHolderNum) {
    return NotSimulated("aclrtLaunchKernelWithHostArgs");
}

ACL_FUNC_VISIBILITY aclError aclrtLaunchKernelWithArgsArray(void *func, uint32_t numBlocks, aclrtStream stream,
                                                            aclrtLaunchKernelCfg *cfg, void **args) {
    return NotSimulated("aclrtLaunchKernelWithArgsArray");
}

ACL_FUNC_VISIBILITY aclError aclrtLaunchSIMTKernelWithArgsArray(void *func, dim3 gridDim, dim3 blockDim,
                                                                size_t dynUbufSize, aclrtStream stream,
                                                                aclrtLaunchKernelCfg *cfg, void **args) {
    return NotSimulated("aclrtLaunchSIMTKernelWithArgsArray");
}

ACL_FUNC_VISIBILITY aclError aclrtLaunchSIMTKernelWithHostArgs(void *func, dim3 gridDim, dim3 blockDim,
                                                               size_t dynUbufSize, aclrtStream stream,
                                                               aclrtLaunchKernelCfg *cfg, void *hostArgs,
                                                               size_t argsSize, aclrtPlaceHolderInfo *placeHolderArray,
                                                               size_t placeHolderNum) {
    return NotSimulated("aclrtLaunchSIMTKernelWithHostArgs");
}

ACL_FUNC_VISIBILITY aclError aclrtCtxGetFloatOverflowAddr(void **overflowAddr) {
    return NotSimulated("aclrtCtxGetFloatOverflowAddr");
}

ACL_FUNC_VISIBILITY aclError aclrtGetFloatOverflowStatus(void *outputAddr, uint64_t outputSize, aclrtStream stream) {
    return NotSimulated("aclrtGetFloatOverflowStatus");
}

ACL_FUNC_VISIBILITY aclError aclrtResetFloatOverflowStatus(aclrtStream stream) {
    return NotSimulated("aclrtResetFloatOverflowStatus");
}

ACL_FUNC_VISIBILITY aclError aclrtNpuGetFloatOverFlowStatus(void *outputAddr, uint64_t outputSize, uint32_t checkMode,
                                                            aclrtStream stream) {
    return NotSimulated("aclrtNpuGetFloatOverFlowStatus");
}

ACL_FUNC_VISIBILITY aclError aclrtNpuClearFloatOverFlowStatus(uint32_t checkMode, aclrtStream stream) {
    return NotSimulated("aclrtNpuClearFloatOverFlowStatus");
}

ACL_FUNC_VISIBILITY aclError aclrtGetHardwareSyncAddr(void **addr) {
    return NotSimulated("aclrtGetHardwareSyncAddr");
}

ACL_FUNC_VISIBILITY aclError aclrtRandomNumAsync(const aclrtRandomNumTaskInfo *taskInfo, const aclrtStream stream,
                                                 void *reserve) {
    return NotSimulated("aclrtRandomNumAsync");
}

ACL_FUNC_VISIBILITY aclError aclrtRegStreamStateCallback(const char *regName, aclrtStreamStateCallback callback,
                                                         void *args) {
    return NotSimulated("aclrtRegStreamStateCallback");
}

ACL_FUNC_VISIBILITY aclError aclrtRegDeviceStateCallback(const char *regName, aclrtDeviceStateCallback callback,
                                                         void *args) {
    return NotSimulated("aclrtRegDeviceStateCallback");
}

ACL_FUNC_VISIBILITY aclError aclrtSetDeviceTaskAbortCallback(const char *regName, aclrtDeviceTaskAbortCallback callback,
                                                             void *args) {
    return NotSimulated("aclrtSetDeviceTaskAbortCallback");
}

ACL_FUNC_VISIBILITY aclError aclrtDevicePeerAccessStatus(int32_t deviceId, int32_t peerDeviceId, int32_t *status) {
    return NotSimulated("aclrtDevicePeerAccessStatus");
}

ACL_FUNC_VISIBILITY aclError aclrtStreamStop(aclrtStream stream) {
    return NotSimulated("aclrtStreamStop");
}

ACL_FUNC_VISIBILITY aclError aclrtTaskUpdateAsync(aclrtStream taskStream, uint32_t taskId, aclrtTaskUpdateInfo *info,
                                                  aclrtStream execStream) {
    return NotSimulated("aclrtTaskUpdateAsync");
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

ACL_FUNC_VISIBILITY aclError aclrtCheckArchCompatibility(const char *socVersion, int32_t *canCompatible) {
    return NotSimulated("aclrtCheckArchCompatibility");
}

ACL_FUNC_VISIBILITY aclError aclrtCntNotifyRecord(aclrtCntNotify cntNotify, aclrtStream stream,
                                                  aclrtCntNotifyRecordInfo *info) {
    return NotSimulated("aclrtCntNotifyRecord");
}

ACL_FUNC_VISIBILITY aclError aclrtCntNotifyWaitWithTimeout(aclrtCntNotify cntNotify, aclrtStream stream,
                                                           aclrtCntNotifyWaitInfo *info) {
    return NotSimulated("aclrtCntNotifyWaitWithTimeout");
}

ACL_FUNC_VISIBILITY aclError aclrtCntNotifyReset(aclrtCntNotify cntNotify, aclrtStream stream) {
    return NotSimulated("aclrtCntNotifyReset");
}

ACL_FUNC_VISIBILITY aclError aclrtCntNotifyGetId(aclrtCntNotify cntNotify, uint32_t *notifyId) {
    return NotSimulated("aclrtCntNotifyGetId");
}

ACL_FUNC_VISIBILITY aclError aclrtPersistentTaskClean(aclrtStream stream) {
    return NotSimulated("aclrtPersistentTaskClean");
}

ACL_FUNC_VISIBILITY aclError aclrtRepairError(int32_t deviceId, const aclrtErrorInfo *errorInfo) {
    return NotSimulated("aclrtRepairError");
}

ACL_FUNC_VISIBILITY aclError aclrtMemSetAccess(void *virPtr, size_t size, aclrtMemAccessDesc *desc, size_t count) {
    return NotSimulated("aclrtMemSetAccess");
}

ACL_FUNC_VISIBILITY aclError aclrtMemGetAccess(void *virPtr, aclrtMemLocation *location, uint64_t *flag) {
    return NotSimulated("aclrtMemGetAccess");
}

ACL_FUNC_VISIBILITY aclError aclrtSnapShotProcessLock(int pid, void *reserve) {
    return NotSimulated("aclrtSnapShotProcessLock");
}

ACL_FUNC_VISIBILITY aclError aclrtSnapShotProcessUnlock(int pid, void *reserve) {
    return NotSimulated("aclrtSnapShotProcessUnlock");
}

ACL_FUNC_VISIBILITY aclError aclrtSnapShotProcessBackup(int pid, aclrtSnapShotBackupArgs *args) {
    return NotSimulated("aclrtSnapShotProcessBackup");
}

ACL_FUNC_VISIBILITY aclError aclrtSnapShotProcessRestore(int pid, aclrtSnapShotRestoreArgs *args) {
    return NotSimulated("aclrtSnapShotProcessRestore");
}

ACL_FUNC_VISIBILITY aclError aclrtSnapShotCallbackRegister(aclrtSnapShotStage stage, aclrtSnapShotCallBack callback,
                                                           void *args) {
    return NotSimulated("aclrtSnapShotCallbackRegister");
}

ACL_FUNC_VISIBILITY aclError aclrtSnapShotCallbackUnregister(aclrtSnapShotStage stage, aclrtSnapShotCallBack callback) {
    return NotSimulated("aclrtSnapShotCallbackUnregister");
}

ACL_FUNC_VISIBILITY aclError aclrtCacheLastTaskOpInfo(const void *const infoPtr, const size_t infoSize) {
    return NotSimulated("aclrtCacheLastTaskOpInfo");
}

ACL_FUNC_VISIBILITY aclError aclrtCacheLastTaskExtendInfo(const char *const extendInfoPtr, const size_t infoSize) {
    return NotSimulated("aclrtCacheLastTaskExtendInfo");
}

ACL_FUNC_VISIBILITY aclError aclrtGetFunctionAttribute(aclrtFuncHandle funcHandle, aclrtFuncAttribute attrType,
                                                       int64_t *attrValue) {
    return NotSimulated("aclrtGetFunctionAttribute");
}

ACL_FUNC_VISIBILITY aclError aclrtFunctionGetBinary(const aclrtFuncHandle funcHandle, aclrtBinHandle *binHandle) {
    return NotSimulated("aclrtFunctionGetBinary");
}

ACL_FUNC_VISIBILITY aclError aclrtFunctionGetParamCount(const void *func, size_t *paramCount) {
    return NotSimulated("aclrtFunctionGetParamCount");
}

ACL_FUNC_VISIBILITY aclError aclrtFunctionGetParamInfo(const void *func, size_t paramIndex, size_t *paramOffset,
                                                       size_t *paramSize) {
    return NotSimulated("aclrtFunctionGetParamInfo");
}

ACL_FUNC_VISIBILITY aclError aclrtFunctionGetAvailDynUbufPerBlock(void *func, uint32_t flags, size_t *dynamicUbufSize) {
    return NotSimulated("aclrtFunctionGetAvailDynUbufPerBlock");
}

ACL_FUNC_VISIBILITY aclError aclrtIpcGetEventHandle(aclrtEvent event, aclrtIpcEventHandle *handle) {
    return NotSimulated("aclrtIpcGetEventHandle");
}

ACL_FUNC_VISIBILITY aclError aclrtIpcOpenEventHandle(aclrtIpcEventHandle handle, aclrtEvent *event) {
    return NotSimulated("aclrtIpcOpenEventHandle");
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

ACL_DUMP_API aclError acldumpRegCallback(int32_t (*const messageCallback)(const acldumpChunk *, int32_t),
                                         int32_t flag) {
    return NotSimulated("acldumpRegCallback");
}

ACL_DUMP_API void acldumpUnregCallback() {
    (void)NotSimulated("acldumpUnregCallback");
}

ACL_FUNC_VISIBILITY aclError aclopStartDumpArgs(uint32_t dumpType, const char *path) {
    return NotSimulated("aclopStartDumpArgs");
}

ACL_FUNC_VISIBILITY aclError aclopStopDumpArgs(uint32_t dumpType) {
    return NotSimulated("aclopStopDumpArgs");
}

ACL_FUNC_VISIBILITY const char *acldumpGetPath(acldumpType dumpType) {
    (void)NotSimulated("acldumpGetPath");
    return nullptr;
}

ACL_DUMP_WEAK ACL_FUNC_VISIBILITY aclError acldumpSaveExceptionInfo(const char *fileName, const char *userTag,
                                                                    const acldumpTensorInfo *tensors,
                                                                    size_t tensorCount) {
    return NotSimulated("acldumpSaveExceptionInfo");
}

ACL_DUMP_WEAK ACL_FUNC_VISIBILITY aclError acldumpGetExceptionInfoPath(char *path, size_t maxLen) {
    return NotSimulated("acldumpGetExceptionInfoPath");
}

} // extern "C"
