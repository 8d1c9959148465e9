// Conformance of the simulator's headers to CANN's, checked at compile time: every function
// CANN 9.2 (hicann/runtime and hicann/opbase at v9.2.0-beta.1/HEAD) declares in acl_base_rt.h,
// acl_rt.h, acl_rt_allocator.h, acl_prof.h, acl_dump.h, aclnn/acl_meta.h and aclnn/aclnn_base.h,
// redeclared with CANN's prototype (a C function declared twice with different parameter or
// return types does not compile), and every error code, enumerator and numeric macro of those
// headers and of error_codes/*.h with CANN's value. Linking the program also proves every
// function is defined in libaclsim.
#include <cstdint>

// Deprecated constants and functions are part of the API being checked.
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

#include "acl/acl.h"
#include "acl/acl_dump.h"
#include "acl/acl_prof.h"
#include "aclnn/aclnn_base.h"

extern "C" {
ACL_FUNC_VISIBILITY float aclFloat16ToFloat(aclFloat16 value);
ACL_FUNC_VISIBILITY aclFloat16 aclFloatToFloat16(float value);
ACL_FUNC_VISIBILITY aclDataBuffer *aclCreateDataBuffer(void *data, size_t size);
ACL_FUNC_VISIBILITY aclError aclDestroyDataBuffer(const aclDataBuffer *dataBuffer);
ACL_FUNC_VISIBILITY aclError aclUpdateDataBuffer(aclDataBuffer *dataBuffer, void *data, size_t size);
ACL_FUNC_VISIBILITY void *aclGetDataBufferAddr(const aclDataBuffer *dataBuffer);
ACL_DEPRECATED_MESSAGE("aclGetDataBufferSize is deprecated, use aclGetDataBufferSizeV2 instead")
ACL_FUNC_VISIBILITY uint32_t aclGetDataBufferSize(const aclDataBuffer *dataBuffer);
ACL_FUNC_VISIBILITY size_t aclGetDataBufferSizeV2(const aclDataBuffer *dataBuffer);
ACL_FUNC_VISIBILITY size_t aclDataTypeSize(aclDataType dataType);
ACL_FUNC_VISIBILITY void aclAppLog(aclLogLevel logLevel, const char *func, const char *file, uint32_t line,
                                   const char *fmt, ...);
ACL_FUNC_VISIBILITY const char *aclrtGetSocName();
ACL_FUNC_VISIBILITY aclError aclGetCannAttributeList(const aclCannAttr **cannAttrList, size_t *num);
ACL_FUNC_VISIBILITY aclError aclGetCannAttribute(aclCannAttr cannAttr, int32_t *value);
ACL_FUNC_VISIBILITY aclError aclGetDeviceCapability(uint32_t deviceId, aclDeviceInfo deviceInfo, int64_t *value);
ACL_FUNC_VISIBILITY aclError aclInit(const char *configPath);
ACL_FUNC_VISIBILITY aclError aclFinalize();
ACL_FUNC_VISIBILITY aclError aclFinalizeReference(uint64_t *refCount);
ACL_FUNC_VISIBILITY const char *aclGetRecentErrMsg();
ACL_DEPRECATED_MESSAGE("aclsysGetCANNVersion is deprecated, use aclsysGetVersionStr and aclsysGetVersionNum instead")
ACL_FUNC_VISIBILITY aclError aclsysGetCANNVersion(aclCANNPackageName name, aclCANNPackageVersion *version);
ACL_FUNC_VISIBILITY aclError aclsysGetVersionStr(char *pkgName, char *versionStr);
ACL_FUNC_VISIBILITY aclError aclsysGetVersionNum(char *pkgName, int32_t *versionNum);
ACL_FUNC_VISIBILITY aclError aclrtPeekAtLastError(aclrtLastErrLevel level);
ACL_FUNC_VISIBILITY aclError aclrtGetLastError(aclrtLastErrLevel level);
ACL_DEPRECATED_MESSAGE("aclrtSetExceptionInfoCallback is deprecated, use aclrtExceptionInfoCallbackRegister and "
                       "aclrtExceptionInfoCallbackUnregister instead")
ACL_FUNC_VISIBILITY aclError aclrtSetExceptionInfoCallback(aclrtExceptionInfoCallback callback);
ACL_FUNC_VISIBILITY aclError aclrtExceptionInfoCallbackRegister(aclrtExceptionInfoCallback callback);
ACL_FUNC_VISIBILITY aclError aclrtExceptionInfoCallbackUnregister(aclrtExceptionInfoCallback callback);
ACL_FUNC_VISIBILITY uint32_t aclrtGetTaskIdFromExceptionInfo(const aclrtExceptionInfo *info);
ACL_FUNC_VISIBILITY uint32_t aclrtGetStreamIdFromExceptionInfo(const aclrtExceptionInfo *info);
ACL_FUNC_VISIBILITY uint32_t aclrtGetThreadIdFromExceptionInfo(const aclrtExceptionInfo *info);
ACL_FUNC_VISIBILITY uint32_t aclrtGetDeviceIdFromExceptionInfo(const aclrtExceptionInfo *info);
ACL_FUNC_VISIBILITY uint32_t aclrtGetErrorCodeFromExceptionInfo(const aclrtExceptionInfo *info);
ACL_FUNC_VISIBILITY aclError aclrtGetArgsFromExceptionInfo(const aclrtExceptionInfo *info, void **devArgsPtr,
                                                           uint32_t *devArgsLen);
ACL_FUNC_VISIBILITY aclError aclrtGetFuncHandleFromExceptionInfo(const aclrtExceptionInfo *info, aclrtFuncHandle *func);
ACL_FUNC_VISIBILITY aclError aclrtBinarySetExceptionCallback(aclrtBinHandle binHandle,
                                                             aclrtOpExceptionCallback callback, void *userData);
ACL_FUNC_VISIBILITY aclError aclrtSubscribeReport(uint64_t threadId, aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclrtLaunchCallback(aclrtCallback fn, void *userData, aclrtCallbackBlockType blockType,
                                                 aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclrtProcessReport(int32_t timeout);
ACL_FUNC_VISIBILITY aclError aclrtUnSubscribeReport(uint64_t threadId, aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclrtCreateContext(aclrtContext *context, int32_t deviceId);
ACL_FUNC_VISIBILITY aclError aclrtDestroyContext(aclrtContext context);
ACL_FUNC_VISIBILITY aclError aclrtSetCurrentContext(aclrtContext context);
ACL_FUNC_VISIBILITY aclError aclrtGetCurrentContext(aclrtContext *context);
ACL_FUNC_VISIBILITY aclError aclrtCtxGetSysParamOpt(aclSysParamOpt opt, int64_t *value);
ACL_FUNC_VISIBILITY aclError aclrtCtxSetSysParamOpt(aclSysParamOpt opt, int64_t value);
ACL_FUNC_VISIBILITY aclError aclrtGetSysParamOpt(aclSysParamOpt opt, int64_t *value);
ACL_FUNC_VISIBILITY aclError aclrtSetSysParamOpt(aclSysParamOpt opt, int64_t value);
ACL_FUNC_VISIBILITY aclError aclrtSetDevice(int32_t deviceId);
ACL_FUNC_VISIBILITY aclError aclrtResetDevice(int32_t deviceId);
ACL_FUNC_VISIBILITY aclError aclrtResetDeviceForce(int32_t deviceId);
ACL_FUNC_VISIBILITY aclError aclrtGetDevice(int32_t *deviceId);
ACL_FUNC_VISIBILITY aclError aclrtSetStreamFailureMode(aclrtStream stream, uint64_t mode);
ACL_FUNC_VISIBILITY aclError aclrtGetRunMode(aclrtRunMode *runMode);
ACL_FUNC_VISIBILITY aclError aclrtSynchronizeDevice(void);
ACL_FUNC_VISIBILITY aclError aclrtSynchronizeDeviceWithTimeout(int32_t timeout);
ACL_FUNC_VISIBILITY aclError aclrtSetTsDevice(aclrtTsId tsId);
ACL_FUNC_VISIBILITY aclError aclrtGetDeviceUtilizationRate(int32_t deviceId, aclrtUtilizationInfo *utilizationInfo);
ACL_FUNC_VISIBILITY aclError aclrtGetDeviceCount(uint32_t *count);
ACL_FUNC_VISIBILITY aclError aclrtCreateEvent(aclrtEvent *event);
ACL_FUNC_VISIBILITY aclError aclrtCreateEventWithFlag(aclrtEvent *event, uint32_t flag);
ACL_FUNC_VISIBILITY aclError aclrtCreateEventExWithFlag(aclrtEvent *event, uint32_t flag);
ACL_FUNC_VISIBILITY aclError aclrtDestroyEvent(aclrtEvent event);
ACL_FUNC_VISIBILITY aclError aclrtRecordEvent(aclrtEvent event, aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclrtRecordEventWithFlag(aclrtEvent event, aclrtStream stream, uint32_t flag);
ACL_FUNC_VISIBILITY aclError aclrtResetEvent(aclrtEvent event, aclrtStream stream);
ACL_DEPRECATED_MESSAGE("aclrtQueryEvent is deprecated, use aclrtQueryEventStatus instead")
ACL_FUNC_VISIBILITY aclError aclrtQueryEvent(aclrtEvent event, aclrtEventStatus *status);
ACL_FUNC_VISIBILITY aclError aclrtQueryEventStatus(aclrtEvent event, aclrtEventRecordedStatus *status);
ACL_FUNC_VISIBILITY aclError aclrtQueryEventWaitStatus(aclrtEvent event, aclrtEventWaitStatus *status);
ACL_FUNC_VISIBILITY aclError aclrtSynchronizeEvent(aclrtEvent event);
ACL_FUNC_VISIBILITY aclError aclrtSynchronizeEventWithTimeout(aclrtEvent event, int32_t timeout);
ACL_FUNC_VISIBILITY aclError aclrtEventElapsedTime(float *ms, aclrtEvent startEvent, aclrtEvent endEvent);
ACL_FUNC_VISIBILITY aclError aclrtEventGetTimestamp(aclrtEvent event, uint64_t *timestamp);
ACL_FUNC_VISIBILITY aclError aclrtMalloc(void **devPtr, size_t size, aclrtMemMallocPolicy policy);
ACL_FUNC_VISIBILITY aclError aclrtMallocAlign32(void **devPtr, size_t size, aclrtMemMallocPolicy policy);
ACL_FUNC_VISIBILITY aclError aclrtMallocCached(void **devPtr, size_t size, aclrtMemMallocPolicy policy);
ACL_FUNC_VISIBILITY aclError aclrtMallocWithCfg(void **devPtr, size_t size, aclrtMemMallocPolicy policy,
                                                aclrtMallocConfig *cfg);
ACL_FUNC_VISIBILITY aclError aclrtMallocForTaskScheduler(void **devPtr, size_t size, aclrtMemMallocPolicy policy,
                                                         aclrtMallocConfig *cfg);
ACL_FUNC_VISIBILITY aclError aclrtMallocHostWithCfg(void **ptr, uint64_t size, aclrtMallocConfig *cfg);
ACL_FUNC_VISIBILITY aclError aclrtPointerGetAttributes(const void *ptr, aclrtPtrAttributes *attributes);
ACL_FUNC_VISIBILITY aclError aclrtMemManagedGetAttr(aclrtMemManagedRangeAttribute attribute, const void *ptr,
                                                    size_t size, void *data, size_t dataSize);
ACL_FUNC_VISIBILITY aclError aclrtMemManagedGetAttrs(aclrtMemManagedRangeAttribute *attributes, size_t numAttributes,
                                                     const void *ptr, size_t size, void **data, size_t *dataSizes);
ACL_FUNC_VISIBILITY aclError aclrtHostRegister(void *ptr, uint64_t size, aclrtHostRegisterType type, void **devPtr);
ACL_FUNC_VISIBILITY aclError aclrtHostRegisterV2(void *ptr, uint64_t size, uint32_t flag);
ACL_FUNC_VISIBILITY aclError aclrtHostGetDevicePointer(void *pHost, void **pDevice, uint32_t flag);
ACL_FUNC_VISIBILITY aclError aclrtHostUnregister(void *ptr);
ACL_FUNC_VISIBILITY aclError aclrtHostMemMapCapabilities(uint32_t deviceId, aclrtHacType hacType,
                                                         aclrtHostMemMapCapability *capabilities);
ACL_FUNC_VISIBILITY aclError aclrtGetThreadLastTaskId(uint32_t *taskId);
ACL_FUNC_VISIBILITY aclError aclrtStreamGetId(aclrtStream stream, int32_t *streamId);
ACL_FUNC_VISIBILITY aclError aclrtMemFlush(void *devPtr, size_t size);
ACL_FUNC_VISIBILITY aclError aclrtMemInvalidate(void *devPtr, size_t size);
ACL_FUNC_VISIBILITY aclError aclrtFree(void *devPtr);
ACL_FUNC_VISIBILITY aclError aclrtMallocHost(void **hostPtr, size_t size);
ACL_FUNC_VISIBILITY aclError aclrtMemAllocManaged(void **ptr, uint64_t size, uint32_t flag);
ACL_FUNC_VISIBILITY aclError aclrtFreeHost(void *hostPtr);
ACL_FUNC_VISIBILITY aclError aclrtFreeWithDevSync(void *devPtr);
ACL_FUNC_VISIBILITY aclError aclrtFreeHostWithDevSync(void *hostPtr);
ACL_FUNC_VISIBILITY aclError aclrtMemcpy(void *dst, size_t destMax, const void *src, size_t count,
                                         aclrtMemcpyKind kind);
ACL_FUNC_VISIBILITY aclError aclrtMemset(void *devPtr, size_t maxCount, int32_t value, size_t count);
ACL_FUNC_VISIBILITY aclError aclrtMemcpyAsync(void *dst, size_t destMax, const void *src, size_t count,
                                              aclrtMemcpyKind kind, aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclrtMemsetD32(void *ptr, size_t memSize, uint32_t value, size_t N);
ACL_FUNC_VISIBILITY aclError aclrtMemsetD32Async(void *ptr, size_t memSize, uint32_t value, size_t N,
                                                 aclrtStream stream);
ACL_DEPRECATED_MESSAGE("aclrtMemcpyAsyncWithCondition is deprecated, use aclrtMemcpyAsync instead")
ACL_FUNC_VISIBILITY aclError aclrtMemcpyAsyncWithCondition(void *dst, size_t destMax, const void *src, size_t count,
                                                           aclrtMemcpyKind kind, aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclrtMemcpy2d(void *dst, size_t dpitch, const void *src, size_t spitch, size_t width,
                                           size_t height, aclrtMemcpyKind kind);
ACL_FUNC_VISIBILITY aclError aclrtMemcpy2dAsync(void *dst, size_t dpitch, const void *src, size_t spitch, size_t width,
                                                size_t height, aclrtMemcpyKind kind, aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclrtGetSymbolAddress(const void *symbol, void **devPtr);
ACL_FUNC_VISIBILITY aclError aclrtGetSymbolSize(const void *symbol, size_t *size);
ACL_FUNC_VISIBILITY aclError aclrtMemcpyFromSymbol(void *dst, size_t dstMax, const void *symbol, size_t count,
                                                   size_t offset, aclrtMemcpyKind kind);
ACL_FUNC_VISIBILITY aclError aclrtMemcpyFromSymbolAsync(void *dst, size_t dstMax, const void *symbol, size_t count,
                                                        size_t offset, aclrtMemcpyKind kind, aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclrtMemcpyToSymbol(const void *symbol, const void *src, size_t count, size_t offset,
                                                 aclrtMemcpyKind kind);
ACL_FUNC_VISIBILITY aclError aclrtMemcpyToSymbolAsync(const void *symbol, const void *src, size_t count, size_t offset,
                                                      aclrtMemcpyKind kind, aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclrtMemsetAsync(void *devPtr, size_t maxCount, int32_t value, size_t count,
                                              aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclrtMemManagedAdvise(const void *const ptr, uint64_t size,
                                                   aclrtMemManagedAdviseType advise, aclrtMemManagedLocation location);
ACL_FUNC_VISIBILITY aclError aclrtReserveMemAddress(void **virPtr, size_t size, size_t alignment, void *expectPtr,
                                                    uint64_t flags);
ACL_FUNC_VISIBILITY aclError aclrtReleaseMemAddress(void *virPtr);
ACL_FUNC_VISIBILITY aclError aclrtMallocPhysical(aclrtDrvMemHandle *handle, size_t size,
                                                 const aclrtPhysicalMemProp *prop, uint64_t flags);
ACL_FUNC_VISIBILITY aclError aclrtFreePhysical(aclrtDrvMemHandle handle);
ACL_FUNC_VISIBILITY aclError aclrtMapMem(void *virPtr, size_t size, size_t offset, aclrtDrvMemHandle handle,
                                         uint64_t flags);
ACL_FUNC_VISIBILITY aclError aclrtUnmapMem(void *virPtr);
ACL_FUNC_VISIBILITY aclError aclrtMemMapNoAccess(void *virPtr, size_t size, size_t offset, aclrtDrvMemHandle handle,
                                                 uint64_t flags);
ACL_FUNC_VISIBILITY aclrtStreamConfigHandle *aclrtCreateStreamConfigHandle(void);
ACL_FUNC_VISIBILITY aclError aclrtDestroyStreamConfigHandle(aclrtStreamConfigHandle *handle);
ACL_FUNC_VISIBILITY aclError aclrtSetStreamConfigOpt(aclrtStreamConfigHandle *handle, aclrtStreamConfigAttr attr,
                                                     const void *attrValue, size_t valueSize);
ACL_FUNC_VISIBILITY aclError aclrtCreateStream(aclrtStream *stream);
ACL_FUNC_VISIBILITY aclError aclrtCreateStreamV2(aclrtStream *stream, const aclrtStreamConfigHandle *handle);
ACL_FUNC_VISIBILITY aclError aclrtCreateStreamWithConfig(aclrtStream *stream, uint32_t priority, uint32_t flag);
ACL_FUNC_VISIBILITY aclError aclrtDestroyStream(aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclrtDestroyStreamForce(aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclrtSynchronizeStream(aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclrtSynchronizeStreamWithTimeout(aclrtStream stream, int32_t timeout);
ACL_FUNC_VISIBILITY aclError aclrtStreamQuery(aclrtStream stream, aclrtStreamStatus *status);
ACL_FUNC_VISIBILITY aclError aclrtStreamGetPriority(aclrtStream stream, uint32_t *priority);
ACL_FUNC_VISIBILITY aclError aclrtStreamGetFlags(aclrtStream stream, uint32_t *flags);
ACL_FUNC_VISIBILITY aclError aclrtStreamWaitEvent(aclrtStream stream, aclrtEvent event);
ACL_FUNC_VISIBILITY aclError aclrtStreamWaitEventWithFlag(aclrtStream stream, aclrtEvent event, uint32_t timeout,
                                                          uint32_t flag);
ACL_FUNC_VISIBILITY aclError aclrtStreamWaitEventWithTimeout(aclrtStream stream, aclrtEvent event, int32_t timeout);
ACL_FUNC_VISIBILITY aclError aclrtSetGroup(int32_t groupId);
ACL_FUNC_VISIBILITY aclError aclrtGetGroupCount(uint32_t *count);
ACL_FUNC_VISIBILITY aclrtGroupInfo *aclrtCreateGroupInfo();
ACL_FUNC_VISIBILITY aclError aclrtDestroyGroupInfo(aclrtGroupInfo *groupInfo);
ACL_FUNC_VISIBILITY aclError aclrtGetAllGroupInfo(aclrtGroupInfo *groupInfo);
ACL_FUNC_VISIBILITY aclError aclrtGetGroupInfoDetail(const aclrtGroupInfo *groupInfo, int32_t groupIndex,
                                                     aclrtGroupAttr attr, void *attrValue, size_t valueLen,
                                                     size_t *paramRetSize);
ACL_FUNC_VISIBILITY aclError aclrtDeviceCanAccessPeer(int32_t *canAccessPeer, int32_t deviceId, int32_t peerDeviceId);
ACL_FUNC_VISIBILITY aclError aclrtDeviceEnablePeerAccess(int32_t peerDeviceId, uint32_t flags);
ACL_FUNC_VISIBILITY aclError aclrtDeviceDisablePeerAccess(int32_t peerDeviceId);
ACL_FUNC_VISIBILITY aclError aclrtGetMemInfo(aclrtMemAttr attr, size_t *free, size_t *total);
ACL_FUNC_VISIBILITY aclError aclrtGetMemUsageInfo(int32_t deviceId, aclrtMemUsageInfo *memUsageInfo, size_t inputNum,
                                                  size_t *outputNum);
ACL_FUNC_VISIBILITY aclError aclrtSetOpWaitTimeout(uint32_t timeout);
ACL_FUNC_VISIBILITY aclError aclrtSetOpExecuteTimeOut(uint32_t timeout);
ACL_FUNC_VISIBILITY aclError aclrtSetOpExecuteTimeOutWithMs(uint32_t timeout);
ACL_FUNC_VISIBILITY aclError aclrtSetOpExecuteTimeOutV2(uint64_t timeout, uint64_t *actualTimeout);
ACL_FUNC_VISIBILITY aclError aclrtGetOpTimeOutInterval(uint64_t *interval);
ACL_FUNC_VISIBILITY aclError aclrtSetStreamOverflowSwitch(aclrtStream stream, uint32_t flag);
ACL_FUNC_VISIBILITY aclError aclrtGetStreamOverflowSwitch(aclrtStream stream, uint32_t *flag);
ACL_FUNC_VISIBILITY aclError aclrtSetDeviceSatMode(aclrtFloatOverflowMode mode);
ACL_FUNC_VISIBILITY aclError aclrtGetDeviceSatMode(aclrtFloatOverflowMode *mode);
ACL_FUNC_VISIBILITY aclError aclrtGetOverflowStatus(void *outputAddr, size_t outputSize, aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclrtResetOverflowStatus(aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclrtSubscribeHostFunc(uint64_t hostFuncThreadId, aclrtStream exeStream);
ACL_FUNC_VISIBILITY aclError aclrtProcessHostFunc(int32_t timeout);
ACL_FUNC_VISIBILITY aclError aclrtUnSubscribeHostFunc(uint64_t hostFuncThreadId, aclrtStream exeStream);
ACL_FUNC_VISIBILITY aclError aclrtQueryDeviceStatus(int32_t deviceId, aclrtDeviceStatus *deviceStatus);
ACL_FUNC_VISIBILITY aclrtBinary aclrtCreateBinary(const void *data, size_t dataLen);
ACL_FUNC_VISIBILITY aclError aclrtDestroyBinary(aclrtBinary binary);
ACL_FUNC_VISIBILITY aclError aclrtBinaryLoad(const aclrtBinary binary, aclrtBinHandle *binHandle);
ACL_FUNC_VISIBILITY aclError aclrtBinaryUnLoad(aclrtBinHandle binHandle);
ACL_FUNC_VISIBILITY aclError aclrtBinaryGetFunction(const aclrtBinHandle binHandle, const char *kernelName,
                                                    aclrtFuncHandle *funcHandle);
ACL_FUNC_VISIBILITY aclError aclrtLaunchKernel(aclrtFuncHandle funcHandle, uint32_t numBlocks, const void *argsData,
                                               size_t argsSize, aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclrtMemExportToShareableHandle(aclrtDrvMemHandle handle, aclrtMemHandleType handleType,
                                                             uint64_t flags, uint64_t *shareableHandle);
ACL_FUNC_VISIBILITY aclError aclrtMemExportToShareableHandleV2(aclrtDrvMemHandle handle, uint64_t flags,
                                                               aclrtMemSharedHandleType shareType,
                                                               void *shareableHandle);
ACL_FUNC_VISIBILITY aclError aclrtMemImportFromShareableHandle(uint64_t shareableHandle, int32_t deviceId,
                                                               aclrtDrvMemHandle *handle);
ACL_FUNC_VISIBILITY aclError aclrtMemImportFromShareableHandleV2(void *shareableHandle,
                                                                 aclrtMemSharedHandleType shareType, uint64_t flags,
                                                                 aclrtDrvMemHandle *handle);
ACL_FUNC_VISIBILITY aclError aclrtMemSetPidToShareableHandle(uint64_t shareableHandle, int32_t *pid, size_t pidNum);
ACL_FUNC_VISIBILITY aclError aclrtMemSetPidToShareableHandleV2(void *shareableHandle,
                                                               aclrtMemSharedHandleType shareType, int32_t *pid,
                                                               size_t pidNum);
ACL_FUNC_VISIBILITY aclError aclrtMemGetAllocationGranularity(aclrtPhysicalMemProp *prop,
                                                              aclrtMemGranularityOptions option, size_t *granularity);
ACL_FUNC_VISIBILITY aclError aclrtDeviceGetBareTgid(int32_t *pid);
ACL_FUNC_VISIBILITY aclError aclrtCmoAsync(void *src, size_t size, aclrtCmoType cmoType, aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclrtGetMemUceInfo(int32_t deviceId, aclrtMemUceInfo *memUceInfoArray, size_t arraySize,
                                                size_t *retSize);
ACL_FUNC_VISIBILITY aclError aclrtDeviceTaskAbort(int32_t deviceId, uint32_t timeout);
ACL_FUNC_VISIBILITY aclError aclrtMemUceRepair(int32_t deviceId, aclrtMemUceInfo *memUceInfoArray, size_t arraySize);
ACL_FUNC_VISIBILITY aclError aclrtStreamAbort(aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclrtBinaryLoadFromFile(const char *binPath, aclrtBinaryLoadOptions *options,
                                                     aclrtBinHandle *binHandle);
ACL_FUNC_VISIBILITY aclError aclrtBinaryGetDevAddress(const aclrtBinHandle binHandle, void **binAddr, size_t *binSize);
ACL_FUNC_VISIBILITY aclError aclrtBinaryGetFunctionByEntry(aclrtBinHandle binHandle, uint64_t funcEntry,
                                                           aclrtFuncHandle *funcHandle);
ACL_FUNC_VISIBILITY aclError aclrtBinaryGetGlobal(aclrtBinHandle binHandle, const char *name, void **dptr,
                                                  size_t *size);
ACL_FUNC_VISIBILITY aclError aclrtGetFuncBySymbol(const void *symbol, aclrtFuncHandle *funcHandle);
ACL_FUNC_VISIBILITY aclError aclrtGetFunctionAddr(aclrtFuncHandle funcHandle, void **aicAddr, void **aivAddr);
ACL_FUNC_VISIBILITY aclError aclrtGetFunctionSize(aclrtFuncHandle funcHandle, size_t *aicSize, size_t *aivSize);
ACL_FUNC_VISIBILITY aclError aclrtGetMemcpyDescSize(aclrtMemcpyKind kind, size_t *descSize);
ACL_FUNC_VISIBILITY aclError aclrtSetMemcpyDesc(void *desc, aclrtMemcpyKind kind, void *srcAddr, void *dstAddr,
                                                size_t count, void *config);
ACL_FUNC_VISIBILITY aclError aclrtMemcpyAsyncWithOffset(void **dst, size_t destMax, size_t dstDataOffset,
                                                        const void **src, size_t count, size_t srcDataOffset,
                                                        aclrtMemcpyKind kind, aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclrtMemcpyAsyncWithDesc(void *desc, aclrtMemcpyKind kind, aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclrtKernelArgsGetHandleMemSize(aclrtFuncHandle funcHandle, size_t *memSize);
ACL_FUNC_VISIBILITY aclError aclrtKernelArgsGetMemSize(aclrtFuncHandle funcHandle, size_t userArgsSize,
                                                       size_t *actualArgsSize);
ACL_FUNC_VISIBILITY aclError aclrtKernelArgsInit(aclrtFuncHandle funcHandle, aclrtArgsHandle *argsHandle);
ACL_FUNC_VISIBILITY aclError aclrtKernelArgsInitByUserMem(aclrtFuncHandle funcHandle, aclrtArgsHandle argsHandle,
                                                          void *userHostMem, size_t actualArgsSize);
ACL_FUNC_VISIBILITY aclError aclrtKernelArgsAppend(aclrtArgsHandle argsHandle, void *param, size_t paramSize,
                                                   aclrtParamHandle *paramHandle);
ACL_FUNC_VISIBILITY aclError aclrtKernelArgsAppendPlaceHolder(aclrtArgsHandle argsHandle,
                                                              aclrtParamHandle *paramHandle);
ACL_FUNC_VISIBILITY aclError aclrtKernelArgsGetPlaceHolderBuffer(aclrtArgsHandle argsHandle,
                                                                 aclrtParamHandle paramHandle, size_t dataSize,
                                                                 void **bufferAddr);
ACL_FUNC_VISIBILITY aclError aclrtKernelArgsParaUpdate(aclrtArgsHandle argsHandle, aclrtParamHandle paramHandle,
                                                       void *param, size_t paramSize);
ACL_FUNC_VISIBILITY aclError aclrtLaunchKernelWithConfig(aclrtFuncHandle funcHandle, uint32_t numBlocks,
                                                         aclrtStream stream, aclrtLaunchKernelCfg *cfg,
                                                         aclrtArgsHandle argsHandle, void *reserve);
ACL_FUNC_VISIBILITY aclError aclmdlRITaskGetParams(aclmdlRITask task, aclmdlRITaskParams *params);
ACL_FUNC_VISIBILITY aclError aclmdlRITaskSetParams(aclmdlRITask task, aclmdlRITaskParams *params);
ACL_FUNC_VISIBILITY aclError aclmdlRIKernelTaskGetAttribute(aclmdlRITask task, aclrtLaunchKernelAttrId attrId,
                                                            aclrtLaunchKernelAttrValue *attrValue);
ACL_FUNC_VISIBILITY aclError aclmdlRIUpdate(aclmdlRI modelRI);
ACL_FUNC_VISIBILITY aclError aclmdlRITaskDisable(aclmdlRITask task);
ACL_FUNC_VISIBILITY aclError aclrtKernelArgsFinalize(aclrtArgsHandle argsHandle);
ACL_FUNC_VISIBILITY aclError aclrtValueWrite(void *devAddr, uint64_t value, uint32_t flag, aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclrtValueWait(void *devAddr, uint64_t value, uint32_t flag, aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclrtGetStreamAvailableNum(uint32_t *streamCount);
ACL_FUNC_VISIBILITY aclError aclrtSetStreamAttribute(aclrtStream stream, aclrtStreamAttr stmAttrType,
                                                     aclrtStreamAttrValue *value);
ACL_FUNC_VISIBILITY aclError aclrtGetStreamAttribute(aclrtStream stream, aclrtStreamAttr stmAttrType,
                                                     aclrtStreamAttrValue *value);
ACL_FUNC_VISIBILITY aclError aclrtCreateNotify(aclrtNotify *notify, uint64_t flag);
ACL_FUNC_VISIBILITY aclError aclrtDestroyNotify(aclrtNotify notify);
ACL_FUNC_VISIBILITY aclError aclrtCntNotifyCreate(aclrtCntNotify *cntNotify, uint64_t flag);
ACL_FUNC_VISIBILITY aclError aclrtCntNotifyDestroy(aclrtCntNotify cntNotify);
ACL_FUNC_VISIBILITY aclError aclrtRecordNotify(aclrtNotify notify, aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclrtWaitAndResetNotify(aclrtNotify notify, aclrtStream stream, uint32_t timeout);
ACL_FUNC_VISIBILITY aclError aclrtGetNotifyId(aclrtNotify notify, uint32_t *notifyId);
ACL_FUNC_VISIBILITY aclError aclrtGetEventId(aclrtEvent event, uint32_t *eventId);
ACL_FUNC_VISIBILITY aclError aclrtGetEventAvailNum(uint32_t *eventCount);
ACL_FUNC_VISIBILITY aclError aclrtGetDeviceInfo(uint32_t deviceId, aclrtDevAttr attr, int64_t *value);
ACL_FUNC_VISIBILITY aclError aclrtDeviceGetStreamPriorityRange(int32_t *leastPriority, int32_t *greatestPriority);
ACL_FUNC_VISIBILITY aclError aclrtGetDeviceCapability(int32_t deviceId, aclrtDevFeatureType devFeatureType,
                                                      int32_t *value);
ACL_FUNC_VISIBILITY aclError aclrtDeviceGetUuid(int32_t deviceId, aclrtUuid *uuid);
ACL_FUNC_VISIBILITY aclError aclrtDeviceSetLimit(aclrtDeviceLimit limit, size_t value);
ACL_FUNC_VISIBILITY aclError aclrtDeviceGetLimit(aclrtDeviceLimit limit, size_t *value);
ACL_FUNC_VISIBILITY aclError aclrtDeviceGetPCIBusId(int32_t deviceId, char *pciBusId, int32_t len);
ACL_FUNC_VISIBILITY aclError aclrtDeviceGetByPCIBusId(const char *pciBusId, int32_t *deviceId);
ACL_FUNC_VISIBILITY aclError aclrtDeviceGetHostAtomicCapabilities(uint32_t *capabilities,
                                                                  const aclrtAtomicOperation *operations,
                                                                  const uint32_t count, int32_t deviceId);
ACL_FUNC_VISIBILITY aclError aclrtDeviceGetP2PAtomicCapabilities(uint32_t *capabilities,
                                                                 const aclrtAtomicOperation *operations,
                                                                 const uint32_t count, int32_t srcDeviceId,
                                                                 int32_t dstDeviceId);
ACL_FUNC_VISIBILITY aclError aclrtCtxGetCurrentDefaultStream(aclrtStream *stream);
ACL_FUNC_VISIBILITY aclError aclrtGetPrimaryCtxState(int32_t deviceId, uint32_t *flags, int32_t *active);
ACL_FUNC_VISIBILITY aclError aclrtReduceAsync(void *dst, const void *src, uint64_t count, aclrtReduceKind kind,
                                              aclDataType type, aclrtStream stream, void *reserve);
ACL_FUNC_VISIBILITY aclError aclrtGetDeviceResLimit(int32_t deviceId, aclrtDevResLimitType type, uint32_t *value);
ACL_FUNC_VISIBILITY aclError aclrtSetDeviceResLimit(int32_t deviceId, aclrtDevResLimitType type, uint32_t value);
ACL_FUNC_VISIBILITY aclError aclrtResetDeviceResLimit(int32_t deviceId);
ACL_FUNC_VISIBILITY aclError aclrtGetStreamResLimit(aclrtStream stream, aclrtDevResLimitType type, uint32_t *value);
ACL_FUNC_VISIBILITY aclError aclrtSetStreamResLimit(aclrtStream stream, aclrtDevResLimitType type, uint32_t value);
ACL_FUNC_VISIBILITY aclError aclrtResetStreamResLimit(aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclrtUseStreamResInCurrentThread(aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclrtUnuseStreamResInCurrentThread(aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclrtGetResInCurrentThread(aclrtDevResLimitType type, uint32_t *value);
ACL_FUNC_VISIBILITY aclError aclrtCreateLabel(aclrtLabel *label);
ACL_FUNC_VISIBILITY aclError aclrtSetLabel(aclrtLabel label, aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclrtDestroyLabel(aclrtLabel label);
ACL_FUNC_VISIBILITY aclError aclrtCreateLabelList(aclrtLabel *labels, size_t num, aclrtLabelList *labelList);
ACL_FUNC_VISIBILITY aclError aclrtDestroyLabelList(aclrtLabelList labelList);
ACL_FUNC_VISIBILITY aclError aclrtSwitchLabelByIndex(void *ptr, uint32_t maxValue, aclrtLabelList labelList,
                                                     aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclrtActiveStream(aclrtStream activeStream, aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclrtSwitchStream(void *leftValue, aclrtCondition cond, void *rightValue,
                                               aclrtCompareDataType dataType, aclrtStream trueStream,
                                               aclrtStream falseStream, aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclrtGetFunctionName(aclrtFuncHandle funcHandle, uint32_t maxLen, char *name);
ACL_FUNC_VISIBILITY aclError aclrtGetBufFromChain(aclrtMbuf headBuf, uint32_t index, aclrtMbuf *buf);
ACL_FUNC_VISIBILITY aclError aclrtGetBufChainNum(aclrtMbuf headBuf, uint32_t *num);
ACL_FUNC_VISIBILITY aclError aclrtAppendBufChain(aclrtMbuf headBuf, aclrtMbuf buf);
ACL_FUNC_VISIBILITY aclError aclrtCopyBufRef(const aclrtMbuf buf, aclrtMbuf *newBuf);
ACL_FUNC_VISIBILITY aclError aclrtGetBufUserData(const aclrtMbuf buf, void *dataPtr, size_t size, size_t offset);
ACL_FUNC_VISIBILITY aclError aclrtSetBufUserData(aclrtMbuf buf, const void *dataPtr, size_t size, size_t offset);
ACL_FUNC_VISIBILITY aclError aclrtGetBufData(const aclrtMbuf buf, void **dataPtr, size_t *size);
ACL_FUNC_VISIBILITY aclError aclrtGetBufDataLen(aclrtMbuf buf, size_t *len);
ACL_FUNC_VISIBILITY aclError aclrtSetBufDataLen(aclrtMbuf buf, size_t len);
ACL_FUNC_VISIBILITY aclError aclrtFreeBuf(aclrtMbuf buf);
ACL_FUNC_VISIBILITY aclError aclrtAllocBuf(aclrtMbuf *buf, size_t size);
ACL_FUNC_VISIBILITY aclError aclrtBinaryLoadFromData(const void *data, size_t length,
                                                     const aclrtBinaryLoadOptions *options, aclrtBinHandle *binHandle);
ACL_FUNC_VISIBILITY aclError aclrtRegisterCpuFunc(const aclrtBinHandle handle, const char *funcName,
                                                  const char *kernelName, aclrtFuncHandle *funcHandle);
ACL_FUNC_VISIBILITY aclError aclrtCmoAsyncWithBarrier(void *src, size_t size, aclrtCmoType cmoType, uint32_t barrierId,
                                                      aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclrtCmoWaitBarrier(aclrtBarrierTaskInfo *taskInfo, aclrtStream stream, uint32_t flag);
ACL_FUNC_VISIBILITY aclError aclrtGetDevicesTopo(uint32_t deviceId, uint32_t otherDeviceId, uint64_t *value);
ACL_FUNC_VISIBILITY aclError aclrtMemcpyBatch(void **dsts, size_t *destMaxs, void **srcs, size_t *sizes,
                                              size_t numBatches, aclrtMemcpyBatchAttr *attrs, size_t *attrsIndexes,
                                              size_t numAttrs, size_t *failIndex);
ACL_FUNC_VISIBILITY aclError aclrtMemcpyBatchV2(void **dsts, size_t *destMaxs, void **srcs, size_t *sizes,
                                                size_t numBatches, aclrtMemcpyBatchAttr *attrs, size_t *attrsIndexes,
                                                size_t numAttrs);
ACL_FUNC_VISIBILITY aclError aclrtMemcpyBatchAsync(void **dsts, size_t *destMaxs, void **srcs, size_t *sizes,
                                                   size_t numBatches, aclrtMemcpyBatchAttr *attrs, size_t *attrsIndexes,
                                                   size_t numAttrs, size_t *failIndex, aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclrtMemcpyBatchAsyncV2(void **dsts, size_t *destMaxs, void **srcs, size_t *sizes,
                                                     size_t numBatches, aclrtMemcpyBatchAttr *attrs,
                                                     size_t *attrsIndexes, size_t numAttrs, aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclrtIpcMemGetExportKey(void *devPtr, size_t size, char *key, size_t len, uint64_t flags);
ACL_FUNC_VISIBILITY aclError aclrtIpcMemClose(const char *key);
ACL_FUNC_VISIBILITY aclError aclrtIpcMemImportByKey(void **devPtr, const char *key, uint64_t flags);
ACL_FUNC_VISIBILITY aclError aclrtIpcMemSetImportPid(const char *key, int32_t *pid, size_t num);
ACL_FUNC_VISIBILITY aclError aclrtIpcMemSetAttr(const char *key, aclrtIpcMemAttrType type, uint64_t attr);
ACL_FUNC_VISIBILITY aclError aclrtIpcMemImportPidInterServer(const char *key, aclrtServerPid *serverPids, size_t num);
ACL_FUNC_VISIBILITY aclError aclrtNotifyBatchReset(aclrtNotify *notifies, size_t num);
ACL_FUNC_VISIBILITY aclError aclrtNotifyGetExportKey(aclrtNotify notify, char *key, size_t len, uint64_t flags);
ACL_FUNC_VISIBILITY aclError aclrtNotifyImportByKey(aclrtNotify *notify, const char *key, uint64_t flags);
ACL_FUNC_VISIBILITY aclError aclrtNotifySetImportPid(aclrtNotify notify, int32_t *pid, size_t num);
ACL_FUNC_VISIBILITY aclError aclrtNotifySetImportPidInterServer(aclrtNotify notify, aclrtServerPid *serverPids,
                                                                size_t num);
ACL_FUNC_VISIBILITY aclError aclmdlRICaptureBegin(aclrtStream stream, aclmdlRICaptureMode mode);
ACL_FUNC_VISIBILITY aclError aclmdlRICaptureGetInfo(aclrtStream stream, aclmdlRICaptureStatus *status,
                                                    aclmdlRI *modelRI);
ACL_FUNC_VISIBILITY aclError aclmdlRICaptureEnd(aclrtStream stream, aclmdlRI *modelRI);
ACL_DEPRECATED_MESSAGE("aclmdlRIDebugPrint is deprecated, use aclmdlRIDebugJsonPrint instead")
ACL_FUNC_VISIBILITY aclError aclmdlRIDebugPrint(aclmdlRI modelRI);
ACL_FUNC_VISIBILITY aclError aclmdlRIDebugJsonPrint(aclmdlRI modelRI, const char *path, uint32_t flags);
ACL_FUNC_VISIBILITY aclError aclmdlRICaptureThreadExchangeMode(aclmdlRICaptureMode *mode);
ACL_FUNC_VISIBILITY aclError aclmdlRIExecuteAsync(aclmdlRI modelRI, aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclmdlRIExecute(aclmdlRI modelRI, int32_t timeout);
ACL_FUNC_VISIBILITY aclError aclmdlRIDestroy(aclmdlRI modelRI);
ACL_FUNC_VISIBILITY aclError aclmdlRICaptureTaskGrpBegin(aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclmdlRICaptureTaskGrpEnd(aclrtStream stream, aclrtTaskGrp *handle);
ACL_FUNC_VISIBILITY aclError aclmdlRICaptureTaskUpdateBegin(aclrtStream stream, aclrtTaskGrp handle);
ACL_FUNC_VISIBILITY aclError aclmdlRICaptureTaskUpdateEnd(aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclmdlRIBuildBegin(aclmdlRI *modelRI, uint32_t flag);
ACL_FUNC_VISIBILITY aclError aclmdlRIBindStream(aclmdlRI modelRI, aclrtStream stream, uint32_t flag);
ACL_FUNC_VISIBILITY aclError aclmdlRIEndTask(aclmdlRI modelRI, aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclmdlRIBuildEnd(aclmdlRI modelRI, void *reserve);
ACL_FUNC_VISIBILITY aclError aclmdlRIUnbindStream(aclmdlRI modelRI, aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclmdlRISetName(aclmdlRI modelRI, const char *name);
ACL_FUNC_VISIBILITY aclError aclmdlRIGetName(aclmdlRI modelRI, uint32_t maxLen, char *name);
ACL_FUNC_VISIBILITY aclError aclmdlRIGetId(aclmdlRI modelRI, uint32_t *modelRIId);
ACL_FUNC_VISIBILITY aclError aclmdlRIDestroyRegisterCallback(aclmdlRI modelRI, aclrtCallback func, void *userData);
ACL_FUNC_VISIBILITY aclError aclmdlRIDestroyUnregisterCallback(aclmdlRI modelRI, aclrtCallback func);
ACL_FUNC_VISIBILITY aclError aclmdlInitDump();
ACL_FUNC_VISIBILITY aclError aclmdlSetDump(const char *dumpCfgPath);
ACL_FUNC_VISIBILITY aclError aclmdlFinalizeDump();
ACL_FUNC_VISIBILITY aclError aclmdlRIGetStreams(aclmdlRI modelRI, aclrtStream *streams, uint32_t *numStreams);
ACL_FUNC_VISIBILITY aclError aclmdlRIGetTasksByStream(aclrtStream stream, aclmdlRITask *tasks, uint32_t *numTasks);
ACL_FUNC_VISIBILITY aclError aclmdlRITaskGetType(aclmdlRITask task, aclmdlRITaskType *type);
ACL_FUNC_VISIBILITY aclError aclmdlRITaskGetSeqId(aclmdlRITask task, uint32_t *id);
ACL_DEPRECATED_MESSAGE("aclrtGetVersion is deprecated, use aclSysGetVersion instead")
ACL_FUNC_VISIBILITY aclError aclrtGetVersion(int32_t *majorVersion, int32_t *minorVersion, int32_t *patchVersion);
ACL_FUNC_VISIBILITY aclError aclInitCallbackRegister(aclRegisterCallbackType type, aclInitCallbackFunc cbFunc,
                                                     void *userData);
ACL_FUNC_VISIBILITY aclError aclInitCallbackUnRegister(aclRegisterCallbackType type, aclInitCallbackFunc cbFunc);
ACL_FUNC_VISIBILITY aclError aclFinalizeCallbackRegister(aclRegisterCallbackType type, aclFinalizeCallbackFunc cbFunc,
                                                         void *userData);
ACL_FUNC_VISIBILITY aclError aclFinalizeCallbackUnRegister(aclRegisterCallbackType type,
                                                           aclFinalizeCallbackFunc cbFunc);
ACL_FUNC_VISIBILITY aclError aclrtCheckMemType(void **addrList, uint32_t size, uint32_t memType, uint32_t *checkResult,
                                               uint32_t reserve);
ACL_FUNC_VISIBILITY aclError aclrtGetLogicDevIdByUserDevId(const int32_t userDevid, int32_t *const logicDevId);
ACL_FUNC_VISIBILITY aclError aclrtGetUserDevIdByLogicDevId(const int32_t logicDevId, int32_t *const userDevid);
ACL_FUNC_VISIBILITY aclError aclrtGetLogicDevIdByPhyDevId(const int32_t phyDevId, int32_t *const logicDevId);
ACL_FUNC_VISIBILITY aclError aclrtGetPhyDevIdByLogicDevId(const int32_t logicDevId, int32_t *const phyDevId);
ACL_FUNC_VISIBILITY aclError aclrtGetUserDevIdByPhyDevId(const int32_t phyDevId, int32_t *const userDevId);
ACL_FUNC_VISIBILITY aclError aclrtGetPhyDevIdByUserDevId(const int32_t userDevId, int32_t *const phyDevId);
ACL_FUNC_VISIBILITY aclError aclrtProfTrace(void *userdata, int32_t length, aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclrtLaunchKernelV2(aclrtFuncHandle funcHandle, uint32_t numBlocks, const void *argsData,
                                                 size_t argsSize, aclrtLaunchKernelCfg *cfg, aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclrtLaunchKernelWithHostArgs(aclrtFuncHandle funcHandle, uint32_t numBlocks,
                                                           aclrtStream stream, aclrtLaunchKernelCfg *cfg,
                                                           void *hostArgs, size_t argsSize,
                                                           aclrtPlaceHolderInfo *placeHolderArray,
                                                           size_t placeHolderNum);
ACL_FUNC_VISIBILITY aclError aclrtLaunchKernelWithArgsArray(void *func, uint32_t numBlocks, aclrtStream stream,
                                                            aclrtLaunchKernelCfg *cfg, void **args);
ACL_FUNC_VISIBILITY aclError aclrtLaunchSIMTKernelWithArgsArray(void *func, dim3 gridDim, dim3 blockDim,
                                                                size_t dynUbufSize, aclrtStream stream,
                                                                aclrtLaunchKernelCfg *cfg, void **args);
ACL_FUNC_VISIBILITY aclError aclrtLaunchSIMTKernelWithHostArgs(void *func, dim3 gridDim, dim3 blockDim,
                                                               size_t dynUbufSize, aclrtStream stream,
                                                               aclrtLaunchKernelCfg *cfg, void *hostArgs,
                                                               size_t argsSize, aclrtPlaceHolderInfo *placeHolderArray,
                                                               size_t placeHolderNum);
ACL_FUNC_VISIBILITY aclError aclrtCtxGetFloatOverflowAddr(void **overflowAddr);
ACL_FUNC_VISIBILITY aclError aclrtGetFloatOverflowStatus(void *outputAddr, uint64_t outputSize, aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclrtResetFloatOverflowStatus(aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclrtNpuGetFloatOverFlowStatus(void *outputAddr, uint64_t outputSize, uint32_t checkMode,
                                                            aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclrtNpuClearFloatOverFlowStatus(uint32_t checkMode, aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclrtLaunchHostFunc(aclrtStream stream, aclrtHostFunc fn, void *args);
ACL_FUNC_VISIBILITY aclError aclrtGetHardwareSyncAddr(void **addr);
ACL_FUNC_VISIBILITY aclError aclrtRandomNumAsync(const aclrtRandomNumTaskInfo *taskInfo, const aclrtStream stream,
                                                 void *reserve);
ACL_FUNC_VISIBILITY aclError aclrtRegStreamStateCallback(const char *regName, aclrtStreamStateCallback callback,
                                                         void *args);
ACL_FUNC_VISIBILITY aclError aclrtRegDeviceStateCallback(const char *regName, aclrtDeviceStateCallback callback,
                                                         void *args);
ACL_FUNC_VISIBILITY aclError aclrtSetDeviceTaskAbortCallback(const char *regName, aclrtDeviceTaskAbortCallback callback,
                                                             void *args);
ACL_FUNC_VISIBILITY aclError aclrtGetOpExecuteTimeout(uint32_t *const timeoutMs);
ACL_FUNC_VISIBILITY aclError aclrtDevicePeerAccessStatus(int32_t deviceId, int32_t peerDeviceId, int32_t *status);
ACL_FUNC_VISIBILITY aclError aclrtStreamStop(aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclrtTaskUpdateAsync(aclrtStream taskStream, uint32_t taskId, aclrtTaskUpdateInfo *info,
                                                  aclrtStream execStream);
ACL_FUNC_VISIBILITY aclError aclrtCmoGetDescSize(size_t *size);
ACL_FUNC_VISIBILITY aclError aclrtCmoSetDesc(void *cmoDesc, void *src, size_t size);
ACL_FUNC_VISIBILITY aclError aclrtCmoAsyncWithDesc(void *cmoDesc, aclrtCmoType cmoType, aclrtStream stream,
                                                   const void *reserve);
ACL_FUNC_VISIBILITY aclError aclrtCheckArchCompatibility(const char *socVersion, int32_t *canCompatible);
ACL_FUNC_VISIBILITY aclError aclmdlRIAbort(aclmdlRI modelRI);
ACL_FUNC_VISIBILITY aclError aclmdlRICondHandleCreate(aclmdlRI modelRI, uint32_t defaultLaunchValue,
                                                      aclmdlRICondHandleFlag flag, aclmdlRICondHandle *handle);
ACL_FUNC_VISIBILITY aclError aclmdlRICondHandleGetCondPtr(aclmdlRICondHandle handle, uint64_t **ptr);
ACL_FUNC_VISIBILITY aclError aclmdlRIAddCondTask(aclmdlRICondTaskParams params, aclrtStream stream, uint32_t flags);
ACL_FUNC_VISIBILITY aclError aclmdlRICaptureToModelRIBegin(aclrtStream stream, aclmdlRI modelRI,
                                                           aclmdlRICaptureMode mode);
ACL_FUNC_VISIBILITY aclError aclrtCntNotifyRecord(aclrtCntNotify cntNotify, aclrtStream stream,
                                                  aclrtCntNotifyRecordInfo *info);
ACL_FUNC_VISIBILITY aclError aclrtCntNotifyWaitWithTimeout(aclrtCntNotify cntNotify, aclrtStream stream,
                                                           aclrtCntNotifyWaitInfo *info);
ACL_FUNC_VISIBILITY aclError aclrtCntNotifyReset(aclrtCntNotify cntNotify, aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclrtCntNotifyGetId(aclrtCntNotify cntNotify, uint32_t *notifyId);
ACL_FUNC_VISIBILITY aclError aclrtPersistentTaskClean(aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclrtGetErrorVerbose(int32_t deviceId, aclrtErrorInfo *errorInfo);
ACL_FUNC_VISIBILITY aclError aclrtRepairError(int32_t deviceId, const aclrtErrorInfo *errorInfo);
ACL_FUNC_VISIBILITY aclError aclrtMemSetAccess(void *virPtr, size_t size, aclrtMemAccessDesc *desc, size_t count);
ACL_FUNC_VISIBILITY aclError aclrtMemGetAccess(void *virPtr, aclrtMemLocation *location, uint64_t *flag);
ACL_FUNC_VISIBILITY aclError aclrtSnapShotProcessLock(int pid, void *reserve);
ACL_FUNC_VISIBILITY aclError aclrtSnapShotProcessUnlock(int pid, void *reserve);
ACL_FUNC_VISIBILITY aclError aclrtSnapShotProcessBackup(int pid, aclrtSnapShotBackupArgs *args);
ACL_FUNC_VISIBILITY aclError aclrtSnapShotProcessRestore(int pid, aclrtSnapShotRestoreArgs *args);
ACL_FUNC_VISIBILITY aclError aclrtSnapShotCallbackRegister(aclrtSnapShotStage stage, aclrtSnapShotCallBack callback,
                                                           void *args);
ACL_FUNC_VISIBILITY aclError aclrtSnapShotCallbackUnregister(aclrtSnapShotStage stage, aclrtSnapShotCallBack callback);
ACL_FUNC_VISIBILITY aclError aclrtCacheLastTaskOpInfo(const void *const infoPtr, const size_t infoSize);
ACL_FUNC_VISIBILITY aclError aclrtCacheLastTaskExtendInfo(const char *const extendInfoPtr, const size_t infoSize);
ACL_FUNC_VISIBILITY aclError aclrtGetFunctionAttribute(aclrtFuncHandle funcHandle, aclrtFuncAttribute attrType,
                                                       int64_t *attrValue);
ACL_FUNC_VISIBILITY aclError aclrtFunctionGetBinary(const aclrtFuncHandle funcHandle, aclrtBinHandle *binHandle);
ACL_FUNC_VISIBILITY aclError aclrtFunctionGetParamCount(const void *func, size_t *paramCount);
ACL_FUNC_VISIBILITY aclError aclrtFunctionGetParamInfo(const void *func, size_t paramIndex, size_t *paramOffset,
                                                       size_t *paramSize);
ACL_FUNC_VISIBILITY aclError aclrtFunctionGetAvailDynUbufPerBlock(void *func, uint32_t flags, size_t *dynamicUbufSize);
ACL_FUNC_VISIBILITY aclError aclrtIpcGetEventHandle(aclrtEvent event, aclrtIpcEventHandle *handle);
ACL_FUNC_VISIBILITY aclError aclrtIpcOpenEventHandle(aclrtIpcEventHandle handle, aclrtEvent *event);
ACL_FUNC_VISIBILITY aclError aclrtMemRetainAllocationHandle(void *virPtr, aclrtDrvMemHandle *handle);
ACL_FUNC_VISIBILITY aclError aclrtMemGetAllocationPropertiesFromHandle(aclrtDrvMemHandle handle,
                                                                       aclrtPhysicalMemProp *prop);
ACL_FUNC_VISIBILITY aclError aclrtReserveMemAddressNoUCMemory(void **virPtr, size_t size, size_t alignment,
                                                              void *expectPtr, uint64_t flags);
ACL_FUNC_VISIBILITY aclError aclrtMemGetAddressRange(void *ptr, void **pbase, size_t *psize);
ACL_FUNC_VISIBILITY aclError aclrtMemP2PMap(void *devPtr, size_t size, int32_t dstDevId, uint64_t flags);
ACL_FUNC_VISIBILITY aclError aclrtMemManagedPrefetchAsync(const void *ptr, size_t size,
                                                          aclrtMemManagedLocation location, uint32_t flags,
                                                          aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclrtMemManagedPrefetchBatchAsync(const void **ptrs, size_t *sizes, size_t count,
                                                               aclrtMemManagedLocation *prefetchLocs,
                                                               size_t *prefetchLocIdxs, size_t numPrefetchLocs,
                                                               uint64_t flags, aclrtStream stream);
ACL_FUNC_VISIBILITY aclError aclrtMemMapSelectedLink(void *virPtrDst, size_t size, void *virPtrSrc, uint32_t linkIdx);
ACL_FUNC_VISIBILITY aclError aclrtDeviceL2CacheFlush(void *rsv);
ACL_FUNC_VISIBILITY aclError aclrtMemMapSetLink(aclrtDrvMemHandle handle, aclrtMemLinkType adviceLink);
ACL_FUNC_VISIBILITY aclrtAllocatorDesc aclrtAllocatorCreateDesc();
ACL_FUNC_VISIBILITY aclError aclrtAllocatorDestroyDesc(aclrtAllocatorDesc allocatorDesc);
ACL_FUNC_VISIBILITY aclError aclrtAllocatorSetObjToDesc(aclrtAllocatorDesc allocatorDesc, aclrtAllocator allocator);
ACL_FUNC_VISIBILITY aclError aclrtAllocatorSetAllocFuncToDesc(aclrtAllocatorDesc allocatorDesc,
                                                              aclrtAllocatorAllocFunc func);
ACL_FUNC_VISIBILITY aclError aclrtAllocatorSetFreeFuncToDesc(aclrtAllocatorDesc allocatorDesc,
                                                             aclrtAllocatorFreeFunc func);
ACL_FUNC_VISIBILITY aclError aclrtAllocatorSetAllocAdviseFuncToDesc(aclrtAllocatorDesc allocatorDesc,
                                                                    aclrtAllocatorAllocAdviseFunc func);
ACL_FUNC_VISIBILITY aclError aclrtAllocatorSetGetAddrFromBlockFuncToDesc(aclrtAllocatorDesc allocatorDesc,
                                                                         aclrtAllocatorGetAddrFromBlockFunc func);
ACL_FUNC_VISIBILITY aclError aclrtAllocatorRegister(aclrtStream stream, aclrtAllocatorDesc allocatorDesc);
ACL_FUNC_VISIBILITY aclError aclrtAllocatorGetByStream(aclrtStream stream, aclrtAllocatorDesc *allocatorDesc,
                                                       aclrtAllocator *allocator, aclrtAllocatorAllocFunc *allocFunc,
                                                       aclrtAllocatorFreeFunc *freeFunc,
                                                       aclrtAllocatorAllocAdviseFunc *allocAdviseFunc,
                                                       aclrtAllocatorGetAddrFromBlockFunc *getAddrFromBlockFunc);
ACL_FUNC_VISIBILITY aclError aclrtAllocatorUnregister(aclrtStream stream);
MSVP_PROF_API aclError aclprofInit(const char *profilerResultPath, size_t length);
MSVP_PROF_API aclError aclprofFinalize();
MSVP_PROF_API aclError aclprofStart(const aclprofConfig *profilerConfig);
MSVP_PROF_API aclprofConfig *aclprofCreateConfig(uint32_t *deviceIdList, uint32_t deviceNums,
                                                 aclprofAicoreMetrics aicoreMetrics,
                                                 const aclprofAicoreEvents *aicoreEvents, uint64_t dataTypeConfig);
MSVP_PROF_API aclError aclprofDestroyConfig(const aclprofConfig *profilerConfig);
MSVP_PROF_API aclError aclprofStop(const aclprofConfig *profilerConfig);
MSVP_PROF_API aclError aclprofSetConfig(aclprofConfigType configType, const char *config, size_t configLength);
MSVP_PROF_API aclError aclprofModelSubscribe(uint32_t modelId, const aclprofSubscribeConfig *profSubscribeConfig);
MSVP_PROF_API aclError aclprofModelUnSubscribe(uint32_t modelId);
MSVP_PROF_API aclprofSubscribeConfig *aclprofCreateSubscribeConfig(int8_t timeInfoSwitch,
                                                                   aclprofAicoreMetrics aicoreMetrics, void *fd);
MSVP_PROF_API aclError aclprofDestroySubscribeConfig(const aclprofSubscribeConfig *profSubscribeConfig);
MSVP_PROF_API aclError aclprofGetOpDescSize(size_t *opDescSize);
MSVP_PROF_API aclError aclprofGetOpNum(const void *opInfo, size_t opInfoLen, uint32_t *opNumber);
MSVP_PROF_API aclError aclprofGetOpTypeLen(const void *opInfo, size_t opInfoLen, uint32_t index, size_t *opTypeLen);
MSVP_PROF_API aclError aclprofGetOpType(const void *opInfo, size_t opInfoLen, uint32_t index, char *opType,
                                        size_t opTypeLen);
MSVP_PROF_API aclError aclprofGetOpNameLen(const void *opInfo, size_t opInfoLen, uint32_t index, size_t *opNameLen);
MSVP_PROF_API aclError aclprofGetOpName(const void *opInfo, size_t opInfoLen, uint32_t index, char *opName,
                                        size_t opNameLen);
MSVP_PROF_API uint64_t aclprofGetOpStart(const void *opInfo, size_t opInfoLen, uint32_t index);
MSVP_PROF_API uint64_t aclprofGetOpEnd(const void *opInfo, size_t opInfoLen, uint32_t index);
MSVP_PROF_API uint64_t aclprofGetOpDuration(const void *opInfo, size_t opInfoLen, uint32_t index);
MSVP_PROF_API size_t aclprofGetModelId(const void *opInfo, size_t opInfoLen, uint32_t index);
MSVP_PROF_API aclprofSubscribeOpFlag aclprofGetOpFlag(const void *opInfo, size_t opInfoLen, uint32_t index);
MSVP_PROF_API const char *aclprofGetOpAttriValue(const void *opInfo, size_t opInfoLen, uint32_t index,
                                                 aclprofSubscribeOpAttri attri);
MSVP_PROF_API aclError aclprofGetStepTimestamp(aclprofStepInfo *stepInfo, aclprofStepTag tag, aclrtStream stream);
MSVP_PROF_API aclprofStepInfo *aclprofCreateStepInfo();
MSVP_PROF_API void aclprofDestroyStepInfo(aclprofStepInfo *stepinfo);
MSVP_PROF_API void *aclprofCreateStamp();
MSVP_PROF_API void aclprofDestroyStamp(void *stamp);
MSVP_PROF_API aclError aclprofPush(void *stamp);
MSVP_PROF_API aclError aclprofPop();
MSVP_PROF_API aclError aclprofRangeStart(void *stamp, uint32_t *rangeId);
MSVP_PROF_API aclError aclprofRangeStop(uint32_t rangeId);
MSVP_PROF_API aclError aclprofSetStampTraceMessage(void *stamp, const char *msg, uint32_t msgLen);
MSVP_PROF_API aclError aclprofMark(void *stamp);
MSVP_PROF_API aclError aclprofMarkEx(const char *msg, size_t msgLen, aclrtStream stream);
MSVP_PROF_API uint64_t aclprofStr2Id(const char *message);
MSVP_PROF_API aclError aclprofRangePushEx(aclprofEventAttributes *attr);
MSVP_PROF_API aclError aclprofRangePop();
ACL_DUMP_API aclError acldumpRegCallback(int32_t (*const messageCallback)(const acldumpChunk *, int32_t), int32_t flag);
ACL_DUMP_API void acldumpUnregCallback();
ACL_FUNC_VISIBILITY aclError aclopStartDumpArgs(uint32_t dumpType, const char *path);
ACL_FUNC_VISIBILITY aclError aclopStopDumpArgs(uint32_t dumpType);
ACL_FUNC_VISIBILITY const char *acldumpGetPath(acldumpType dumpType);
ACL_DUMP_WEAK ACL_FUNC_VISIBILITY aclError acldumpSaveExceptionInfo(const char *fileName, const char *userTag,
                                                                    const acldumpTensorInfo *tensors,
                                                                    size_t tensorCount);
ACL_DUMP_WEAK ACL_FUNC_VISIBILITY aclError acldumpGetExceptionInfoPath(char *path, size_t maxLen);
ACL_FUNC_VISIBILITY aclTensor *aclCreateTensor(const int64_t *viewDims, uint64_t viewDimsNum, aclDataType dataType,
                                               const int64_t *stride, int64_t offset, aclFormat format,
                                               const int64_t *storageDims, uint64_t storageDimsNum, void *tensorData);
ACL_FUNC_VISIBILITY aclScalar *aclCreateScalar(void *value, aclDataType dataType);
ACL_FUNC_VISIBILITY aclIntArray *aclCreateIntArray(const int64_t *value, uint64_t size);
ACL_FUNC_VISIBILITY aclFloatArray *aclCreateFloatArray(const float *value, uint64_t size);
ACL_FUNC_VISIBILITY aclBoolArray *aclCreateBoolArray(const bool *value, uint64_t size);
ACL_FUNC_VISIBILITY aclTensorList *aclCreateTensorList(const aclTensor *const *value, uint64_t size);
ACL_FUNC_VISIBILITY aclScalarList *aclCreateScalarList(const aclScalar *const *value, uint64_t size);
ACL_FUNC_VISIBILITY aclnnStatus aclDestroyTensor(const aclTensor *tensor);
ACL_FUNC_VISIBILITY aclnnStatus aclDestroyScalar(const aclScalar *scalar);
ACL_FUNC_VISIBILITY aclnnStatus aclDestroyIntArray(const aclIntArray *array);
ACL_FUNC_VISIBILITY aclnnStatus aclDestroyFloatArray(const aclFloatArray *array);
ACL_FUNC_VISIBILITY aclnnStatus aclDestroyBoolArray(const aclBoolArray *array);
ACL_FUNC_VISIBILITY aclnnStatus aclDestroyTensorList(const aclTensorList *array);
ACL_FUNC_VISIBILITY aclnnStatus aclDestroyScalarList(const aclScalarList *array);
ACL_FUNC_VISIBILITY aclnnStatus aclGetViewShape(const aclTensor *tensor, int64_t **viewDims, uint64_t *viewDimsNum);
ACL_FUNC_VISIBILITY aclnnStatus aclGetStorageShape(const aclTensor *tensor, int64_t **storageDims,
                                                   uint64_t *storageDimsNum);
ACL_FUNC_VISIBILITY aclnnStatus aclGetViewStrides(const aclTensor *tensor, int64_t **stridesValue,
                                                  uint64_t *stridesNum);
ACL_FUNC_VISIBILITY aclnnStatus aclGetViewOffset(const aclTensor *tensor, int64_t *offset);
ACL_FUNC_VISIBILITY aclnnStatus aclGetFormat(const aclTensor *tensor, aclFormat *format);
ACL_FUNC_VISIBILITY aclnnStatus aclGetDataType(const aclTensor *tensor, aclDataType *dataType);
ACL_FUNC_VISIBILITY aclnnStatus aclGetIntArraySize(const aclIntArray *array, uint64_t *size);
ACL_FUNC_VISIBILITY aclnnStatus aclGetFloatArraySize(const aclFloatArray *array, uint64_t *size);
ACL_FUNC_VISIBILITY aclnnStatus aclGetBoolArraySize(const aclBoolArray *array, uint64_t *size);
ACL_FUNC_VISIBILITY aclnnStatus aclGetTensorListSize(const aclTensorList *tensorList, uint64_t *size);
ACL_FUNC_VISIBILITY aclnnStatus aclGetScalarListSize(const aclScalarList *scalarList, uint64_t *size);
ACL_FUNC_VISIBILITY aclnnStatus aclInitTensor(aclTensor *tensor, const int64_t *viewDims, uint64_t viewDimsNum,
                                              aclDataType dataType, const int64_t *stride, int64_t offset,
                                              aclFormat format, const int64_t *storageDims, uint64_t storageDimsNum,
                                              void *tensorDataAddr);
ACL_FUNC_VISIBILITY aclnnStatus aclSetAclOpExecutorRepeatable(aclOpExecutor *executor);
ACL_FUNC_VISIBILITY aclnnStatus aclDestroyAclOpExecutor(aclOpExecutor *executor);
ACL_FUNC_VISIBILITY aclnnStatus aclSetInputTensorAddr(aclOpExecutor *executor, const size_t index, aclTensor *tensor,
                                                      void *addr);
ACL_FUNC_VISIBILITY aclnnStatus aclSetOutputTensorAddr(aclOpExecutor *executor, const size_t index, aclTensor *tensor,
                                                       void *addr);
ACL_FUNC_VISIBILITY aclnnStatus aclSetDynamicInputTensorAddr(aclOpExecutor *executor, size_t irIndex,
                                                             const size_t relativeIndex, aclTensorList *tensors,
                                                             void *addr);
ACL_FUNC_VISIBILITY aclnnStatus aclSetDynamicOutputTensorAddr(aclOpExecutor *executor, size_t irIndex,
                                                              const size_t relativeIndex, aclTensorList *tensors,
                                                              void *addr);
ACL_FUNC_VISIBILITY aclnnStatus aclSetTensorAddr(aclOpExecutor *executor, const size_t index, aclTensor *tensor,
                                                 void *addr);
ACL_FUNC_VISIBILITY aclnnStatus aclSetDynamicTensorAddr(aclOpExecutor *executor, size_t irIndex,
                                                        const size_t relativeIndex, aclTensorList *tensors, void *addr);
ACL_FUNC_VISIBILITY aclnnStatus aclSetRawTensorAddr(aclTensor *tensor, void *addr);
ACL_FUNC_VISIBILITY aclnnStatus aclGetRawTensorAddr(const aclTensor *tensor, void **addr);
ACL_FUNC_VISIBILITY aclnnStatus aclDumpOpTensors(const char *opType, const char *opName, aclTensor **tensors,
                                                 size_t inputTensorNum, size_t outputTensorNum, aclrtStream stream);
ACL_FUNC_VISIBILITY aclnnStatus aclnnInit(const char *configPath);
ACL_FUNC_VISIBILITY aclnnStatus aclnnFinalize();
}

// Values: 803 constants.
static_assert(static_cast<long long>(ACL_ERROR_NONE) == 0LL, "ACL_ERROR_NONE must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_SUCCESS) == 0LL, "ACL_SUCCESS must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_INVALID_PARAM) == 100000LL,
              "ACL_ERROR_INVALID_PARAM must be 100000 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_UNINITIALIZE) == 100001LL,
              "ACL_ERROR_UNINITIALIZE must be 100001 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_REPEAT_INITIALIZE) == 100002LL,
              "ACL_ERROR_REPEAT_INITIALIZE must be 100002 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_INVALID_FILE) == 100003LL,
              "ACL_ERROR_INVALID_FILE must be 100003 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_WRITE_FILE) == 100004LL,
              "ACL_ERROR_WRITE_FILE must be 100004 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_INVALID_FILE_SIZE) == 100005LL,
              "ACL_ERROR_INVALID_FILE_SIZE must be 100005 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_PARSE_FILE) == 100006LL,
              "ACL_ERROR_PARSE_FILE must be 100006 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_FILE_MISSING_ATTR) == 100007LL,
              "ACL_ERROR_FILE_MISSING_ATTR must be 100007 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_FILE_ATTR_INVALID) == 100008LL,
              "ACL_ERROR_FILE_ATTR_INVALID must be 100008 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_INVALID_DUMP_CONFIG) == 100009LL,
              "ACL_ERROR_INVALID_DUMP_CONFIG must be 100009 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_INVALID_PROFILING_CONFIG) == 100010LL,
              "ACL_ERROR_INVALID_PROFILING_CONFIG must be 100010 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_INVALID_MODEL_ID) == 100011LL,
              "ACL_ERROR_INVALID_MODEL_ID must be 100011 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_DESERIALIZE_MODEL) == 100012LL,
              "ACL_ERROR_DESERIALIZE_MODEL must be 100012 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_PARSE_MODEL) == 100013LL,
              "ACL_ERROR_PARSE_MODEL must be 100013 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_READ_MODEL_FAILURE) == 100014LL,
              "ACL_ERROR_READ_MODEL_FAILURE must be 100014 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_MODEL_SIZE_INVALID) == 100015LL,
              "ACL_ERROR_MODEL_SIZE_INVALID must be 100015 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_MODEL_MISSING_ATTR) == 100016LL,
              "ACL_ERROR_MODEL_MISSING_ATTR must be 100016 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_MODEL_INPUT_NOT_MATCH) == 100017LL,
              "ACL_ERROR_MODEL_INPUT_NOT_MATCH must be 100017 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_MODEL_OUTPUT_NOT_MATCH) == 100018LL,
              "ACL_ERROR_MODEL_OUTPUT_NOT_MATCH must be 100018 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_MODEL_NOT_DYNAMIC) == 100019LL,
              "ACL_ERROR_MODEL_NOT_DYNAMIC must be 100019 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_OP_TYPE_NOT_MATCH) == 100020LL,
              "ACL_ERROR_OP_TYPE_NOT_MATCH must be 100020 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_OP_INPUT_NOT_MATCH) == 100021LL,
              "ACL_ERROR_OP_INPUT_NOT_MATCH must be 100021 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_OP_OUTPUT_NOT_MATCH) == 100022LL,
              "ACL_ERROR_OP_OUTPUT_NOT_MATCH must be 100022 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_OP_ATTR_NOT_MATCH) == 100023LL,
              "ACL_ERROR_OP_ATTR_NOT_MATCH must be 100023 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_OP_NOT_FOUND) == 100024LL,
              "ACL_ERROR_OP_NOT_FOUND must be 100024 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_OP_LOAD_FAILED) == 100025LL,
              "ACL_ERROR_OP_LOAD_FAILED must be 100025 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_UNSUPPORTED_DATA_TYPE) == 100026LL,
              "ACL_ERROR_UNSUPPORTED_DATA_TYPE must be 100026 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_FORMAT_NOT_MATCH) == 100027LL,
              "ACL_ERROR_FORMAT_NOT_MATCH must be 100027 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_BIN_SELECTOR_NOT_REGISTERED) == 100028LL,
              "ACL_ERROR_BIN_SELECTOR_NOT_REGISTERED must be 100028 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_KERNEL_NOT_FOUND) == 100029LL,
              "ACL_ERROR_KERNEL_NOT_FOUND must be 100029 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_BIN_SELECTOR_ALREADY_REGISTERED) == 100030LL,
              "ACL_ERROR_BIN_SELECTOR_ALREADY_REGISTERED must be 100030 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_KERNEL_ALREADY_REGISTERED) == 100031LL,
              "ACL_ERROR_KERNEL_ALREADY_REGISTERED must be 100031 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_INVALID_QUEUE_ID) == 100032LL,
              "ACL_ERROR_INVALID_QUEUE_ID must be 100032 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_REPEAT_SUBSCRIBE) == 100033LL,
              "ACL_ERROR_REPEAT_SUBSCRIBE must be 100033 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_STREAM_NOT_SUBSCRIBE) == 100034LL,
              "ACL_ERROR_STREAM_NOT_SUBSCRIBE must be 100034 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_THREAD_NOT_SUBSCRIBE) == 100035LL,
              "ACL_ERROR_THREAD_NOT_SUBSCRIBE must be 100035 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_WAIT_CALLBACK_TIMEOUT) == 100036LL,
              "ACL_ERROR_WAIT_CALLBACK_TIMEOUT must be 100036 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_REPEAT_FINALIZE) == 100037LL,
              "ACL_ERROR_REPEAT_FINALIZE must be 100037 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_NOT_STATIC_AIPP) == 100038LL,
              "ACL_ERROR_NOT_STATIC_AIPP must be 100038 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_COMPILING_STUB_MODE) == 100039LL,
              "ACL_ERROR_COMPILING_STUB_MODE must be 100039 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_GROUP_NOT_SET) == 100040LL,
              "ACL_ERROR_GROUP_NOT_SET must be 100040 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_GROUP_NOT_CREATE) == 100041LL,
              "ACL_ERROR_GROUP_NOT_CREATE must be 100041 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_PROF_ALREADY_RUN) == 100042LL,
              "ACL_ERROR_PROF_ALREADY_RUN must be 100042 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_PROF_NOT_RUN) == 100043LL,
              "ACL_ERROR_PROF_NOT_RUN must be 100043 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_DUMP_ALREADY_RUN) == 100044LL,
              "ACL_ERROR_DUMP_ALREADY_RUN must be 100044 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_DUMP_NOT_RUN) == 100045LL,
              "ACL_ERROR_DUMP_NOT_RUN must be 100045 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_PROF_REPEAT_SUBSCRIBE) == 148046LL,
              "ACL_ERROR_PROF_REPEAT_SUBSCRIBE must be 148046 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_PROF_API_CONFLICT) == 148047LL,
              "ACL_ERROR_PROF_API_CONFLICT must be 148047 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_INVALID_MAX_OPQUEUE_NUM_CONFIG) == 148048LL,
              "ACL_ERROR_INVALID_MAX_OPQUEUE_NUM_CONFIG must be 148048 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_INVALID_OPP_PATH) == 148049LL,
              "ACL_ERROR_INVALID_OPP_PATH must be 148049 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_OP_UNSUPPORTED_DYNAMIC) == 148050LL,
              "ACL_ERROR_OP_UNSUPPORTED_DYNAMIC must be 148050 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RELATIVE_RESOURCE_NOT_CLEARED) == 148051LL,
              "ACL_ERROR_RELATIVE_RESOURCE_NOT_CLEARED must be 148051 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_UNSUPPORTED_JPEG) == 148052LL,
              "ACL_ERROR_UNSUPPORTED_JPEG must be 148052 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_INVALID_BUNDLE_MODEL_ID) == 148053LL,
              "ACL_ERROR_INVALID_BUNDLE_MODEL_ID must be 148053 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_BAD_ALLOC) == 200000LL, "ACL_ERROR_BAD_ALLOC must be 200000 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_API_NOT_SUPPORT) == 200001LL,
              "ACL_ERROR_API_NOT_SUPPORT must be 200001 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_INVALID_DEVICE) == 200002LL,
              "ACL_ERROR_INVALID_DEVICE must be 200002 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_MEMORY_ADDRESS_UNALIGNED) == 200003LL,
              "ACL_ERROR_MEMORY_ADDRESS_UNALIGNED must be 200003 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RESOURCE_NOT_MATCH) == 200004LL,
              "ACL_ERROR_RESOURCE_NOT_MATCH must be 200004 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_INVALID_RESOURCE_HANDLE) == 200005LL,
              "ACL_ERROR_INVALID_RESOURCE_HANDLE must be 200005 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_FEATURE_UNSUPPORTED) == 200006LL,
              "ACL_ERROR_FEATURE_UNSUPPORTED must be 200006 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_PROF_MODULES_UNSUPPORTED) == 200007LL,
              "ACL_ERROR_PROF_MODULES_UNSUPPORTED must be 200007 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_STORAGE_OVER_LIMIT) == 300000LL,
              "ACL_ERROR_STORAGE_OVER_LIMIT must be 300000 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_INTERNAL_ERROR) == 500000LL,
              "ACL_ERROR_INTERNAL_ERROR must be 500000 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_FAILURE) == 500001LL, "ACL_ERROR_FAILURE must be 500001 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_GE_FAILURE) == 500002LL,
              "ACL_ERROR_GE_FAILURE must be 500002 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_FAILURE) == 500003LL,
              "ACL_ERROR_RT_FAILURE must be 500003 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_DRV_FAILURE) == 500004LL,
              "ACL_ERROR_DRV_FAILURE must be 500004 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_PROFILING_FAILURE) == 500005LL,
              "ACL_ERROR_PROFILING_FAILURE must be 500005 as in CANN");
static_assert(static_cast<long long>(ACL_DT_UNDEFINED) == -1LL, "ACL_DT_UNDEFINED must be -1 as in CANN");
static_assert(static_cast<long long>(ACL_FLOAT) == 0LL, "ACL_FLOAT must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_FLOAT16) == 1LL, "ACL_FLOAT16 must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_INT8) == 2LL, "ACL_INT8 must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_INT32) == 3LL, "ACL_INT32 must be 3 as in CANN");
static_assert(static_cast<long long>(ACL_UINT8) == 4LL, "ACL_UINT8 must be 4 as in CANN");
static_assert(static_cast<long long>(ACL_INT16) == 6LL, "ACL_INT16 must be 6 as in CANN");
static_assert(static_cast<long long>(ACL_UINT16) == 7LL, "ACL_UINT16 must be 7 as in CANN");
static_assert(static_cast<long long>(ACL_UINT32) == 8LL, "ACL_UINT32 must be 8 as in CANN");
static_assert(static_cast<long long>(ACL_INT64) == 9LL, "ACL_INT64 must be 9 as in CANN");
static_assert(static_cast<long long>(ACL_UINT64) == 10LL, "ACL_UINT64 must be 10 as in CANN");
static_assert(static_cast<long long>(ACL_DOUBLE) == 11LL, "ACL_DOUBLE must be 11 as in CANN");
static_assert(static_cast<long long>(ACL_BOOL) == 12LL, "ACL_BOOL must be 12 as in CANN");
static_assert(static_cast<long long>(ACL_STRING) == 13LL, "ACL_STRING must be 13 as in CANN");
static_assert(static_cast<long long>(ACL_COMPLEX64) == 16LL, "ACL_COMPLEX64 must be 16 as in CANN");
static_assert(static_cast<long long>(ACL_COMPLEX128) == 17LL, "ACL_COMPLEX128 must be 17 as in CANN");
static_assert(static_cast<long long>(ACL_BF16) == 27LL, "ACL_BF16 must be 27 as in CANN");
static_assert(static_cast<long long>(ACL_INT4) == 29LL, "ACL_INT4 must be 29 as in CANN");
static_assert(static_cast<long long>(ACL_UINT1) == 30LL, "ACL_UINT1 must be 30 as in CANN");
static_assert(static_cast<long long>(ACL_COMPLEX32) == 33LL, "ACL_COMPLEX32 must be 33 as in CANN");
static_assert(static_cast<long long>(ACL_HIFLOAT8) == 34LL, "ACL_HIFLOAT8 must be 34 as in CANN");
static_assert(static_cast<long long>(ACL_FLOAT8_E5M2) == 35LL, "ACL_FLOAT8_E5M2 must be 35 as in CANN");
static_assert(static_cast<long long>(ACL_FLOAT8_E4M3FN) == 36LL, "ACL_FLOAT8_E4M3FN must be 36 as in CANN");
static_assert(static_cast<long long>(ACL_FLOAT8_E8M0) == 37LL, "ACL_FLOAT8_E8M0 must be 37 as in CANN");
static_assert(static_cast<long long>(ACL_FLOAT6_E3M2) == 38LL, "ACL_FLOAT6_E3M2 must be 38 as in CANN");
static_assert(static_cast<long long>(ACL_FLOAT6_E2M3) == 39LL, "ACL_FLOAT6_E2M3 must be 39 as in CANN");
static_assert(static_cast<long long>(ACL_FLOAT4_E2M1) == 40LL, "ACL_FLOAT4_E2M1 must be 40 as in CANN");
static_assert(static_cast<long long>(ACL_FLOAT4_E1M2) == 41LL, "ACL_FLOAT4_E1M2 must be 41 as in CANN");
static_assert(static_cast<long long>(ACL_FORMAT_UNDEFINED) == -1LL, "ACL_FORMAT_UNDEFINED must be -1 as in CANN");
static_assert(static_cast<long long>(ACL_FORMAT_NCHW) == 0LL, "ACL_FORMAT_NCHW must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_FORMAT_NHWC) == 1LL, "ACL_FORMAT_NHWC must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_FORMAT_ND) == 2LL, "ACL_FORMAT_ND must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_FORMAT_NC1HWC0) == 3LL, "ACL_FORMAT_NC1HWC0 must be 3 as in CANN");
static_assert(static_cast<long long>(ACL_FORMAT_FRACTAL_Z) == 4LL, "ACL_FORMAT_FRACTAL_Z must be 4 as in CANN");
static_assert(static_cast<long long>(ACL_FORMAT_NC1HWC0_C04) == 12LL, "ACL_FORMAT_NC1HWC0_C04 must be 12 as in CANN");
static_assert(static_cast<long long>(ACL_FORMAT_HWCN) == 16LL, "ACL_FORMAT_HWCN must be 16 as in CANN");
static_assert(static_cast<long long>(ACL_FORMAT_NDHWC) == 27LL, "ACL_FORMAT_NDHWC must be 27 as in CANN");
static_assert(static_cast<long long>(ACL_FORMAT_FRACTAL_NZ) == 29LL, "ACL_FORMAT_FRACTAL_NZ must be 29 as in CANN");
static_assert(static_cast<long long>(ACL_FORMAT_NCDHW) == 30LL, "ACL_FORMAT_NCDHW must be 30 as in CANN");
static_assert(static_cast<long long>(ACL_FORMAT_NDC1HWC0) == 32LL, "ACL_FORMAT_NDC1HWC0 must be 32 as in CANN");
static_assert(static_cast<long long>(ACL_FRACTAL_Z_3D) == 33LL, "ACL_FRACTAL_Z_3D must be 33 as in CANN");
static_assert(static_cast<long long>(ACL_FORMAT_NC) == 35LL, "ACL_FORMAT_NC must be 35 as in CANN");
static_assert(static_cast<long long>(ACL_FORMAT_NCL) == 47LL, "ACL_FORMAT_NCL must be 47 as in CANN");
static_assert(static_cast<long long>(ACL_FORMAT_FRACTAL_NZ_C0_16) == 50LL,
              "ACL_FORMAT_FRACTAL_NZ_C0_16 must be 50 as in CANN");
static_assert(static_cast<long long>(ACL_FORMAT_FRACTAL_NZ_C0_32) == 51LL,
              "ACL_FORMAT_FRACTAL_NZ_C0_32 must be 51 as in CANN");
static_assert(static_cast<long long>(ACL_FORMAT_FRACTAL_NZ_C0_2) == 52LL,
              "ACL_FORMAT_FRACTAL_NZ_C0_2 must be 52 as in CANN");
static_assert(static_cast<long long>(ACL_FORMAT_FRACTAL_NZ_C0_4) == 53LL,
              "ACL_FORMAT_FRACTAL_NZ_C0_4 must be 53 as in CANN");
static_assert(static_cast<long long>(ACL_FORMAT_FRACTAL_NZ_C0_8) == 54LL,
              "ACL_FORMAT_FRACTAL_NZ_C0_8 must be 54 as in CANN");
static_assert(static_cast<long long>(ACL_DEBUG) == 0LL, "ACL_DEBUG must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_INFO) == 1LL, "ACL_INFO must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_WARNING) == 2LL, "ACL_WARNING must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR) == 3LL, "ACL_ERROR must be 3 as in CANN");
static_assert(static_cast<long long>(ACL_MEMTYPE_DEVICE) == 0LL, "ACL_MEMTYPE_DEVICE must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_MEMTYPE_HOST) == 1LL, "ACL_MEMTYPE_HOST must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_MEMTYPE_HOST_COMPILE_INDEPENDENT) == 2LL,
              "ACL_MEMTYPE_HOST_COMPILE_INDEPENDENT must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_OPT_DETERMINISTIC) == 0LL, "ACL_OPT_DETERMINISTIC must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_OPT_ENABLE_DEBUG_KERNEL) == 1LL,
              "ACL_OPT_ENABLE_DEBUG_KERNEL must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_OPT_STRONG_CONSISTENCY) == 2LL,
              "ACL_OPT_STRONG_CONSISTENCY must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_OPT_ENABLE_KERNEL_EARLY_START) == 3LL,
              "ACL_OPT_ENABLE_KERNEL_EARLY_START must be 3 as in CANN");
static_assert(static_cast<long long>(ACL_CANN_ATTR_UNDEFINED) == -1LL, "ACL_CANN_ATTR_UNDEFINED must be -1 as in CANN");
static_assert(static_cast<long long>(ACL_CANN_ATTR_INF_NAN) == 0LL, "ACL_CANN_ATTR_INF_NAN must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_CANN_ATTR_BF16) == 1LL, "ACL_CANN_ATTR_BF16 must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_CANN_ATTR_JIT_COMPILE) == 2LL,
              "ACL_CANN_ATTR_JIT_COMPILE must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_DEVICE_INFO_UNDEFINED) == -1LL,
              "ACL_DEVICE_INFO_UNDEFINED must be -1 as in CANN");
static_assert(static_cast<long long>(ACL_DEVICE_INFO_AI_CORE_NUM) == 0LL,
              "ACL_DEVICE_INFO_AI_CORE_NUM must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_DEVICE_INFO_VECTOR_CORE_NUM) == 1LL,
              "ACL_DEVICE_INFO_VECTOR_CORE_NUM must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_DEVICE_INFO_L2_SIZE) == 2LL, "ACL_DEVICE_INFO_L2_SIZE must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_MAJOR_VERSION) == 1LL, "ACL_MAJOR_VERSION must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_MINOR_VERSION) == 17LL, "ACL_MINOR_VERSION must be 17 as in CANN");
static_assert(static_cast<long long>(ACL_PATCH_VERSION) == 0LL, "ACL_PATCH_VERSION must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_EVENT_SYNC) == 1LL, "ACL_EVENT_SYNC must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_EVENT_CAPTURE_STREAM_PROGRESS) == 2LL,
              "ACL_EVENT_CAPTURE_STREAM_PROGRESS must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_EVENT_TIME_LINE) == 8LL, "ACL_EVENT_TIME_LINE must be 8 as in CANN");
static_assert(static_cast<long long>(ACL_EVENT_DEVICE_USE_ONLY) == 16LL,
              "ACL_EVENT_DEVICE_USE_ONLY must be 16 as in CANN");
static_assert(static_cast<long long>(ACL_EVENT_EXTERNAL) == 32LL, "ACL_EVENT_EXTERNAL must be 32 as in CANN");
static_assert(static_cast<long long>(ACL_EVENT_IPC) == 64LL, "ACL_EVENT_IPC must be 64 as in CANN");
static_assert(static_cast<long long>(ACL_STREAM_FAST_LAUNCH) == 1LL, "ACL_STREAM_FAST_LAUNCH must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_STREAM_FAST_SYNC) == 2LL, "ACL_STREAM_FAST_SYNC must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_STREAM_PERSISTENT) == 4LL, "ACL_STREAM_PERSISTENT must be 4 as in CANN");
static_assert(static_cast<long long>(ACL_STREAM_HUGE) == 8LL, "ACL_STREAM_HUGE must be 8 as in CANN");
static_assert(static_cast<long long>(ACL_STREAM_CPU_SCHEDULE) == 16LL, "ACL_STREAM_CPU_SCHEDULE must be 16 as in CANN");
static_assert(static_cast<long long>(ACL_STREAM_DEVICE_USE_ONLY) == 32LL,
              "ACL_STREAM_DEVICE_USE_ONLY must be 32 as in CANN");
static_assert(static_cast<long long>(ACL_STREAM_WAIT_VALUE_GEQ) == 0LL,
              "ACL_STREAM_WAIT_VALUE_GEQ must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_STREAM_WAIT_VALUE_EQ) == 1LL, "ACL_STREAM_WAIT_VALUE_EQ must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_STREAM_WAIT_VALUE_AND) == 2LL,
              "ACL_STREAM_WAIT_VALUE_AND must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_STREAM_WAIT_VALUE_NOR) == 3LL,
              "ACL_STREAM_WAIT_VALUE_NOR must be 3 as in CANN");
static_assert(static_cast<long long>(ACL_CONTINUE_ON_FAILURE) == 0LL, "ACL_CONTINUE_ON_FAILURE must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_STOP_ON_FAILURE) == 1LL, "ACL_STOP_ON_FAILURE must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_NOTIFY_DEFAULT) == 0LL, "ACL_NOTIFY_DEFAULT must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_NOTIFY_DEVICE_USE_ONLY) == 1LL,
              "ACL_NOTIFY_DEVICE_USE_ONLY must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_DEV_FEATURE_SUPPORT) == 1LL, "ACL_DEV_FEATURE_SUPPORT must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_DEV_FEATURE_NOT_SUPPORT) == 0LL,
              "ACL_DEV_FEATURE_NOT_SUPPORT must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_RT_NOTIFY_EXPORT_FLAG_DEFAULT) == 0LL,
              "ACL_RT_NOTIFY_EXPORT_FLAG_DEFAULT must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_RT_NOTIFY_EXPORT_FLAG_DISABLE_PID_VALIDATION) == 2LL,
              "ACL_RT_NOTIFY_EXPORT_FLAG_DISABLE_PID_VALIDATION must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_RT_NOTIFY_IMPORT_FLAG_DEFAULT) == 0LL,
              "ACL_RT_NOTIFY_IMPORT_FLAG_DEFAULT must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_RT_NOTIFY_IMPORT_FLAG_ENABLE_PEER_ACCESS) == 2LL,
              "ACL_RT_NOTIFY_IMPORT_FLAG_ENABLE_PEER_ACCESS must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_RT_IPC_MEM_EXPORT_FLAG_DEFAULT) == 0LL,
              "ACL_RT_IPC_MEM_EXPORT_FLAG_DEFAULT must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_RT_IPC_MEM_EXPORT_FLAG_DISABLE_PID_VALIDATION) == 1LL,
              "ACL_RT_IPC_MEM_EXPORT_FLAG_DISABLE_PID_VALIDATION must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_RT_IPC_MEM_IMPORT_FLAG_DEFAULT) == 0LL,
              "ACL_RT_IPC_MEM_IMPORT_FLAG_DEFAULT must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_RT_IPC_MEM_IMPORT_FLAG_ENABLE_PEER_ACCESS) == 1LL,
              "ACL_RT_IPC_MEM_IMPORT_FLAG_ENABLE_PEER_ACCESS must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_RT_VMM_EXPORT_FLAG_DEFAULT) == 0LL,
              "ACL_RT_VMM_EXPORT_FLAG_DEFAULT must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_RT_VMM_EXPORT_FLAG_DISABLE_PID_VALIDATION) == 1LL,
              "ACL_RT_VMM_EXPORT_FLAG_DISABLE_PID_VALIDATION must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_HOST_REG_MAPPED) == 2LL, "ACL_HOST_REG_MAPPED must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_HOST_REG_IOMEMORY) == 4LL, "ACL_HOST_REG_IOMEMORY must be 4 as in CANN");
static_assert(static_cast<long long>(ACL_HOST_REG_READONLY) == 8LL, "ACL_HOST_REG_READONLY must be 8 as in CANN");
static_assert(static_cast<long long>(ACL_HOST_REG_PINNED) == 268435456LL,
              "ACL_HOST_REG_PINNED must be 268435456 as in CANN");
static_assert(static_cast<long long>(ACL_MDLRI_DEBUG_JSON_PRINT_SUMMARY) == 0LL,
              "ACL_MDLRI_DEBUG_JSON_PRINT_SUMMARY must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_MDLRI_DEBUG_JSON_PRINT_VERBOSE) == 1LL,
              "ACL_MDLRI_DEBUG_JSON_PRINT_VERBOSE must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_RT_MAX_RECORD_PA_NUM_PER_DEV) == 20LL,
              "ACL_RT_MAX_RECORD_PA_NUM_PER_DEV must be 20 as in CANN");
static_assert(static_cast<long long>(ACL_IPC_EVENT_HANDLE_SIZE) == 64LL,
              "ACL_IPC_EVENT_HANDLE_SIZE must be 64 as in CANN");
static_assert(static_cast<long long>(ACL_RT_MEM_ATTACH_GLOBAL) == 1LL, "ACL_RT_MEM_ATTACH_GLOBAL must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_RT_MEM_LINK_IDX_0) == 0LL, "ACL_RT_MEM_LINK_IDX_0 must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_RT_MEM_LINK_IDX_1) == 1LL, "ACL_RT_MEM_LINK_IDX_1 must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_HOST_DEVICE_CONNECT_TYPE_PCIE) == 0LL,
              "ACL_HOST_DEVICE_CONNECT_TYPE_PCIE must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_HOST_DEVICE_CONNECT_TYPE_HCCS) == 1LL,
              "ACL_HOST_DEVICE_CONNECT_TYPE_HCCS must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_HOST_DEVICE_CONNECT_TYPE_UB) == 2LL,
              "ACL_HOST_DEVICE_CONNECT_TYPE_UB must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_EVENT_RECORD_DEFAULT) == 0LL, "ACL_EVENT_RECORD_DEFAULT must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_EVENT_RECORD_EXTERNAL) == 1LL,
              "ACL_EVENT_RECORD_EXTERNAL must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_EVENT_WAIT_DEFAULT) == 0LL, "ACL_EVENT_WAIT_DEFAULT must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_EVENT_WAIT_EXTERNAL) == 1LL, "ACL_EVENT_WAIT_EXTERNAL must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_RT_IPC_MEM_ATTR_ACCESS_LINK_SIO) == 0LL,
              "ACL_RT_IPC_MEM_ATTR_ACCESS_LINK_SIO must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_RT_IPC_MEM_ATTR_ACCESS_LINK_HCCS) == 1LL,
              "ACL_RT_IPC_MEM_ATTR_ACCESS_LINK_HCCS must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_RT_IPC_MEM_ATTR_ACCESS_LINK_UB_ONE_PORT_PATH) == 2LL,
              "ACL_RT_IPC_MEM_ATTR_ACCESS_LINK_UB_ONE_PORT_PATH must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_RT_IPC_MEM_ATTR_ACCESS_LINK_UB_MULTI_PORT_PATH) == 3LL,
              "ACL_RT_IPC_MEM_ATTR_ACCESS_LINK_UB_MULTI_PORT_PATH must be 3 as in CANN");
static_assert(static_cast<long long>(MAX_MEM_UCE_INFO_ARRAY_SIZE) == 128LL,
              "MAX_MEM_UCE_INFO_ARRAY_SIZE must be 128 as in CANN");
static_assert(static_cast<long long>(UCE_INFO_RESERVED_SIZE) == 14LL, "UCE_INFO_RESERVED_SIZE must be 14 as in CANN");
static_assert(static_cast<long long>(ACL_RT_MEM_UCE_INFO_MAX_NUM) == 20LL,
              "ACL_RT_MEM_UCE_INFO_MAX_NUM must be 20 as in CANN");
static_assert(static_cast<long long>(ACL_RT_BINARY_MAGIC_ELF_AICORE) == 1129660997LL,
              "ACL_RT_BINARY_MAGIC_ELF_AICORE must be 1129660997 as in CANN");
static_assert(static_cast<long long>(ACL_RT_BINARY_MAGIC_ELF_VECTOR_CORE) == 1094799942LL,
              "ACL_RT_BINARY_MAGIC_ELF_VECTOR_CORE must be 1094799942 as in CANN");
static_assert(static_cast<long long>(ACL_RT_BINARY_MAGIC_ELF_CUBE_CORE) == 1095320387LL,
              "ACL_RT_BINARY_MAGIC_ELF_CUBE_CORE must be 1095320387 as in CANN");
static_assert(static_cast<long long>(ACL_DEVICE_FORM_FACTOR_POD) == 0LL,
              "ACL_DEVICE_FORM_FACTOR_POD must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_DEVICE_FORM_FACTOR_A_K) == 1LL,
              "ACL_DEVICE_FORM_FACTOR_A_K must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_DEVICE_FORM_FACTOR_A_X) == 2LL,
              "ACL_DEVICE_FORM_FACTOR_A_X must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_DEVICE_FORM_FACTOR_PCIE_CARD) == 3LL,
              "ACL_DEVICE_FORM_FACTOR_PCIE_CARD must be 3 as in CANN");
static_assert(static_cast<long long>(ACL_RT_CMO_MAX_BARRIER_NUM) == 6LL,
              "ACL_RT_CMO_MAX_BARRIER_NUM must be 6 as in CANN");
static_assert(static_cast<long long>(ACL_RT_DEVS_TOPOLOGY_HCCS) == 1LL,
              "ACL_RT_DEVS_TOPOLOGY_HCCS must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_RT_DEVS_TOPOLOGY_PIX) == 2LL, "ACL_RT_DEVS_TOPOLOGY_PIX must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_RT_DEVS_TOPOLOGY_PIB) == 4LL, "ACL_RT_DEVS_TOPOLOGY_PIB must be 4 as in CANN");
static_assert(static_cast<long long>(ACL_RT_DEVS_TOPOLOGY_PHB) == 8LL, "ACL_RT_DEVS_TOPOLOGY_PHB must be 8 as in CANN");
static_assert(static_cast<long long>(ACL_RT_DEVS_TOPOLOGY_SYS) == 16LL,
              "ACL_RT_DEVS_TOPOLOGY_SYS must be 16 as in CANN");
static_assert(static_cast<long long>(ACL_RT_DEVS_TOPOLOGY_SIO) == 32LL,
              "ACL_RT_DEVS_TOPOLOGY_SIO must be 32 as in CANN");
static_assert(static_cast<long long>(ACL_RT_DEVS_TOPOLOGY_HCCS_SW) == 64LL,
              "ACL_RT_DEVS_TOPOLOGY_HCCS_SW must be 64 as in CANN");
static_assert(static_cast<long long>(ACL_RT_MEM_TYPE_DEV) == 2LL, "ACL_RT_MEM_TYPE_DEV must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_RT_MEM_TYPE_DVPP) == 8LL, "ACL_RT_MEM_TYPE_DVPP must be 8 as in CANN");
static_assert(static_cast<long long>(ACL_RT_MEM_TYPE_RSVD) == 16LL, "ACL_RT_MEM_TYPE_RSVD must be 16 as in CANN");
static_assert(static_cast<long long>(ACL_PKG_VERSION_MAX_SIZE) == 128LL,
              "ACL_PKG_VERSION_MAX_SIZE must be 128 as in CANN");
static_assert(static_cast<long long>(ACL_PKG_VERSION_PARTS_MAX_SIZE) == 64LL,
              "ACL_PKG_VERSION_PARTS_MAX_SIZE must be 64 as in CANN");
static_assert(static_cast<long long>(ACL_DEVICE) == 0LL, "ACL_DEVICE must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_HOST) == 1LL, "ACL_HOST must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_TS_ID_AICORE) == 0LL, "ACL_TS_ID_AICORE must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_TS_ID_AIVECTOR) == 1LL, "ACL_TS_ID_AIVECTOR must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_TS_ID_RESERVED) == 2LL, "ACL_TS_ID_RESERVED must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_EVENT_STATUS_COMPLETE) == 0LL,
              "ACL_EVENT_STATUS_COMPLETE must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_EVENT_STATUS_NOT_READY) == 1LL,
              "ACL_EVENT_STATUS_NOT_READY must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_EVENT_STATUS_RESERVED) == 2LL,
              "ACL_EVENT_STATUS_RESERVED must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_EVENT_RECORDED_STATUS_NOT_READY) == 0LL,
              "ACL_EVENT_RECORDED_STATUS_NOT_READY must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_EVENT_RECORDED_STATUS_COMPLETE) == 1LL,
              "ACL_EVENT_RECORDED_STATUS_COMPLETE must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_EVENT_WAIT_STATUS_COMPLETE) == 0LL,
              "ACL_EVENT_WAIT_STATUS_COMPLETE must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_EVENT_WAIT_STATUS_NOT_READY) == 1LL,
              "ACL_EVENT_WAIT_STATUS_NOT_READY must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_EVENT_WAIT_STATUS_RESERVED) == 65535LL,
              "ACL_EVENT_WAIT_STATUS_RESERVED must be 65535 as in CANN");
static_assert(static_cast<long long>(ACL_STREAM_STATUS_COMPLETE) == 0LL,
              "ACL_STREAM_STATUS_COMPLETE must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_STREAM_STATUS_NOT_READY) == 1LL,
              "ACL_STREAM_STATUS_NOT_READY must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_STREAM_STATUS_RESERVED) == 65535LL,
              "ACL_STREAM_STATUS_RESERVED must be 65535 as in CANN");
static_assert(static_cast<long long>(ACL_CALLBACK_NO_BLOCK) == 0LL, "ACL_CALLBACK_NO_BLOCK must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_CALLBACK_BLOCK) == 1LL, "ACL_CALLBACK_BLOCK must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_MEMCPY_HOST_TO_HOST) == 0LL, "ACL_MEMCPY_HOST_TO_HOST must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_MEMCPY_HOST_TO_DEVICE) == 1LL,
              "ACL_MEMCPY_HOST_TO_DEVICE must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_MEMCPY_DEVICE_TO_HOST) == 2LL,
              "ACL_MEMCPY_DEVICE_TO_HOST must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_MEMCPY_DEVICE_TO_DEVICE) == 3LL,
              "ACL_MEMCPY_DEVICE_TO_DEVICE must be 3 as in CANN");
static_assert(static_cast<long long>(ACL_MEMCPY_DEFAULT) == 4LL, "ACL_MEMCPY_DEFAULT must be 4 as in CANN");
static_assert(static_cast<long long>(ACL_MEMCPY_HOST_TO_BUF_TO_DEVICE) == 5LL,
              "ACL_MEMCPY_HOST_TO_BUF_TO_DEVICE must be 5 as in CANN");
static_assert(static_cast<long long>(ACL_MEMCPY_INNER_DEVICE_TO_DEVICE) == 6LL,
              "ACL_MEMCPY_INNER_DEVICE_TO_DEVICE must be 6 as in CANN");
static_assert(static_cast<long long>(ACL_MEMCPY_INTER_DEVICE_TO_DEVICE) == 7LL,
              "ACL_MEMCPY_INTER_DEVICE_TO_DEVICE must be 7 as in CANN");
static_assert(static_cast<long long>(ACL_MEM_ADVISE_SET_READ_MOSTLY) == 0LL,
              "ACL_MEM_ADVISE_SET_READ_MOSTLY must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_MEM_ADVISE_UNSET_READ_MOSTLY) == 1LL,
              "ACL_MEM_ADVISE_UNSET_READ_MOSTLY must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_MEM_ADVISE_SET_PREFERRED_LOCATION) == 2LL,
              "ACL_MEM_ADVISE_SET_PREFERRED_LOCATION must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_MEM_ADVISE_UNSET_PREFERRED_LOCATION) == 3LL,
              "ACL_MEM_ADVISE_UNSET_PREFERRED_LOCATION must be 3 as in CANN");
static_assert(static_cast<long long>(ACL_MEM_ADVISE_SET_ACCESSED_BY) == 4LL,
              "ACL_MEM_ADVISE_SET_ACCESSED_BY must be 4 as in CANN");
static_assert(static_cast<long long>(ACL_MEM_ADVISE_UNSET_ACCESSED_BY) == 5LL,
              "ACL_MEM_ADVISE_UNSET_ACCESSED_BY must be 5 as in CANN");
static_assert(static_cast<long long>(ACL_MEM_LOCATIONTYPE_INVALID) == 0LL,
              "ACL_MEM_LOCATIONTYPE_INVALID must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_MEM_LOCATIONTYPE_DEVICE) == 1LL,
              "ACL_MEM_LOCATIONTYPE_DEVICE must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_MEM_LOCATIONTYPE_HOST) == 2LL,
              "ACL_MEM_LOCATIONTYPE_HOST must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_MEM_LOCATIONTYPE_HOST_NUMA) == 3LL,
              "ACL_MEM_LOCATIONTYPE_HOST_NUMA must be 3 as in CANN");
static_assert(static_cast<long long>(ACL_MEM_LOCATIONTYPE_HOST_NUMA_CURRENT) == 4LL,
              "ACL_MEM_LOCATIONTYPE_HOST_NUMA_CURRENT must be 4 as in CANN");
static_assert(static_cast<long long>(ACL_MEM_MALLOC_HUGE_FIRST) == 0LL,
              "ACL_MEM_MALLOC_HUGE_FIRST must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_MEM_MALLOC_HUGE_ONLY) == 1LL, "ACL_MEM_MALLOC_HUGE_ONLY must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_MEM_MALLOC_NORMAL_ONLY) == 2LL,
              "ACL_MEM_MALLOC_NORMAL_ONLY must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_MEM_MALLOC_HUGE_FIRST_P2P) == 3LL,
              "ACL_MEM_MALLOC_HUGE_FIRST_P2P must be 3 as in CANN");
static_assert(static_cast<long long>(ACL_MEM_MALLOC_HUGE_ONLY_P2P) == 4LL,
              "ACL_MEM_MALLOC_HUGE_ONLY_P2P must be 4 as in CANN");
static_assert(static_cast<long long>(ACL_MEM_MALLOC_NORMAL_ONLY_P2P) == 5LL,
              "ACL_MEM_MALLOC_NORMAL_ONLY_P2P must be 5 as in CANN");
static_assert(static_cast<long long>(ACL_MEM_MALLOC_HUGE1G_ONLY) == 6LL,
              "ACL_MEM_MALLOC_HUGE1G_ONLY must be 6 as in CANN");
static_assert(static_cast<long long>(ACL_MEM_MALLOC_HUGE1G_ONLY_P2P) == 7LL,
              "ACL_MEM_MALLOC_HUGE1G_ONLY_P2P must be 7 as in CANN");
static_assert(static_cast<long long>(ACL_MEM_TYPE_LOW_BAND_WIDTH) == 256LL,
              "ACL_MEM_TYPE_LOW_BAND_WIDTH must be 256 as in CANN");
static_assert(static_cast<long long>(ACL_MEM_TYPE_HIGH_BAND_WIDTH) == 4096LL,
              "ACL_MEM_TYPE_HIGH_BAND_WIDTH must be 4096 as in CANN");
static_assert(static_cast<long long>(ACL_MEM_ACCESS_USER_SPACE_READONLY) == 1048576LL,
              "ACL_MEM_ACCESS_USER_SPACE_READONLY must be 1048576 as in CANN");
static_assert(static_cast<long long>(ACL_HOST_REGISTER_MAPPED) == 0LL, "ACL_HOST_REGISTER_MAPPED must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_HOST_REGISTER_IOMEMORY) == 4LL,
              "ACL_HOST_REGISTER_IOMEMORY must be 4 as in CANN");
static_assert(static_cast<long long>(ACL_HOST_REGISTER_READONLY) == 8LL,
              "ACL_HOST_REGISTER_READONLY must be 8 as in CANN");
static_assert(static_cast<long long>(ACL_RT_MEM_ATTR_RSV) == 0LL, "ACL_RT_MEM_ATTR_RSV must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_RT_MEM_ATTR_MODULE_ID) == 1LL,
              "ACL_RT_MEM_ATTR_MODULE_ID must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_RT_MEM_ATTR_DEVICE_ID) == 2LL,
              "ACL_RT_MEM_ATTR_DEVICE_ID must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_RT_MEM_ATTR_VA_FLAG) == 3LL, "ACL_RT_MEM_ATTR_VA_FLAG must be 3 as in CANN");
static_assert(static_cast<long long>(ACL_DDR_MEM) == 0LL, "ACL_DDR_MEM must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_HBM_MEM) == 1LL, "ACL_HBM_MEM must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_DDR_MEM_HUGE) == 2LL, "ACL_DDR_MEM_HUGE must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_DDR_MEM_NORMAL) == 3LL, "ACL_DDR_MEM_NORMAL must be 3 as in CANN");
static_assert(static_cast<long long>(ACL_HBM_MEM_HUGE) == 4LL, "ACL_HBM_MEM_HUGE must be 4 as in CANN");
static_assert(static_cast<long long>(ACL_HBM_MEM_NORMAL) == 5LL, "ACL_HBM_MEM_NORMAL must be 5 as in CANN");
static_assert(static_cast<long long>(ACL_DDR_MEM_P2P_HUGE) == 6LL, "ACL_DDR_MEM_P2P_HUGE must be 6 as in CANN");
static_assert(static_cast<long long>(ACL_DDR_MEM_P2P_NORMAL) == 7LL, "ACL_DDR_MEM_P2P_NORMAL must be 7 as in CANN");
static_assert(static_cast<long long>(ACL_HBM_MEM_P2P_HUGE) == 8LL, "ACL_HBM_MEM_P2P_HUGE must be 8 as in CANN");
static_assert(static_cast<long long>(ACL_HBM_MEM_P2P_NORMAL) == 9LL, "ACL_HBM_MEM_P2P_NORMAL must be 9 as in CANN");
static_assert(static_cast<long long>(ACL_HBM_MEM_HUGE1G) == 10LL, "ACL_HBM_MEM_HUGE1G must be 10 as in CANN");
static_assert(static_cast<long long>(ACL_HBM_MEM_P2P_HUGE1G) == 11LL, "ACL_HBM_MEM_P2P_HUGE1G must be 11 as in CANN");
static_assert(static_cast<long long>(ACL_MEM_NORMAL) == 12LL, "ACL_MEM_NORMAL must be 12 as in CANN");
static_assert(static_cast<long long>(ACL_MEM_HUGE) == 13LL, "ACL_MEM_HUGE must be 13 as in CANN");
static_assert(static_cast<long long>(ACL_MEM_HUGE1G) == 14LL, "ACL_MEM_HUGE1G must be 14 as in CANN");
static_assert(static_cast<long long>(ACL_MEM_P2P_NORMAL) == 15LL, "ACL_MEM_P2P_NORMAL must be 15 as in CANN");
static_assert(static_cast<long long>(ACL_MEM_P2P_HUGE) == 16LL, "ACL_MEM_P2P_HUGE must be 16 as in CANN");
static_assert(static_cast<long long>(ACL_MEM_P2P_HUGE1G) == 17LL, "ACL_MEM_P2P_HUGE1G must be 17 as in CANN");
static_assert(static_cast<long long>(NORMAL_PAGE_TYPE) == 0LL, "NORMAL_PAGE_TYPE must be 0 as in CANN");
static_assert(static_cast<long long>(HUGE_PAGE_TYPE) == 1LL, "HUGE_PAGE_TYPE must be 1 as in CANN");
static_assert(static_cast<long long>(HUGE1G_PAGE_TYPE) == 2LL, "HUGE1G_PAGE_TYPE must be 2 as in CANN");
static_assert(static_cast<long long>(HBM_TYPE) == 0LL, "HBM_TYPE must be 0 as in CANN");
static_assert(static_cast<long long>(DDR_TYPE) == 1LL, "DDR_TYPE must be 1 as in CANN");
static_assert(static_cast<long long>(P2P_HBM_TYPE) == 2LL, "P2P_HBM_TYPE must be 2 as in CANN");
static_assert(static_cast<long long>(P2P_DDR_TYPE) == 3LL, "P2P_DDR_TYPE must be 3 as in CANN");
static_assert(static_cast<long long>(ACL_RT_IPC_MEM_ATTR_ACCESS_LINK) == 0LL,
              "ACL_RT_IPC_MEM_ATTR_ACCESS_LINK must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_GROUP_AICORE_INT) == 0LL, "ACL_GROUP_AICORE_INT must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_GROUP_AIV_INT) == 1LL, "ACL_GROUP_AIV_INT must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_GROUP_AIC_INT) == 2LL, "ACL_GROUP_AIC_INT must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_GROUP_SDMANUM_INT) == 3LL, "ACL_GROUP_SDMANUM_INT must be 3 as in CANN");
static_assert(static_cast<long long>(ACL_GROUP_ASQNUM_INT) == 4LL, "ACL_GROUP_ASQNUM_INT must be 4 as in CANN");
static_assert(static_cast<long long>(ACL_GROUP_GROUPID_INT) == 5LL, "ACL_GROUP_GROUPID_INT must be 5 as in CANN");
static_assert(static_cast<long long>(ACL_RT_OVERFLOW_MODE_SATURATION) == 0LL,
              "ACL_RT_OVERFLOW_MODE_SATURATION must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_RT_OVERFLOW_MODE_INFNAN) == 1LL,
              "ACL_RT_OVERFLOW_MODE_INFNAN must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_RT_OVERFLOW_MODE_UNDEF) == 2LL,
              "ACL_RT_OVERFLOW_MODE_UNDEF must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_RT_STREAM_WORK_ADDR_PTR) == 0LL,
              "ACL_RT_STREAM_WORK_ADDR_PTR must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_RT_STREAM_WORK_SIZE) == 1LL, "ACL_RT_STREAM_WORK_SIZE must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_RT_STREAM_FLAG) == 2LL, "ACL_RT_STREAM_FLAG must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_RT_STREAM_PRIORITY) == 3LL, "ACL_RT_STREAM_PRIORITY must be 3 as in CANN");
static_assert(static_cast<long long>(ACL_MEM_LOCATION_TYPE_HOST) == 0LL,
              "ACL_MEM_LOCATION_TYPE_HOST must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_MEM_LOCATION_TYPE_DEVICE) == 1LL,
              "ACL_MEM_LOCATION_TYPE_DEVICE must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_MEM_LOCATION_TYPE_UNREGISTERED) == 2LL,
              "ACL_MEM_LOCATION_TYPE_UNREGISTERED must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_MEM_LOCATION_TYPE_MANAGED) == 3LL,
              "ACL_MEM_LOCATION_TYPE_MANAGED must be 3 as in CANN");
static_assert(static_cast<long long>(ACL_MEM_LOCATION_TYPE_HOST_NUMA) == 4LL,
              "ACL_MEM_LOCATION_TYPE_HOST_NUMA must be 4 as in CANN");
static_assert(static_cast<long long>(ACL_MEM_RANGE_ATTRIBUTE_READ_MOSTLY) == 1LL,
              "ACL_MEM_RANGE_ATTRIBUTE_READ_MOSTLY must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_MEM_RANGE_ATTRIBUTE_PREFERRED_LOCATION) == 2LL,
              "ACL_MEM_RANGE_ATTRIBUTE_PREFERRED_LOCATION must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_MEM_RANGE_ATTRIBUTE_ACCESSED_BY) == 3LL,
              "ACL_MEM_RANGE_ATTRIBUTE_ACCESSED_BY must be 3 as in CANN");
static_assert(static_cast<long long>(ACL_MEM_RANGE_ATTRIBUTE_PREFERRED_LOCATION_TYPE) == 4LL,
              "ACL_MEM_RANGE_ATTRIBUTE_PREFERRED_LOCATION_TYPE must be 4 as in CANN");
static_assert(static_cast<long long>(ACL_MEM_RANGE_ATTRIBUTE_PREFERRED_LOCATION_ID) == 5LL,
              "ACL_MEM_RANGE_ATTRIBUTE_PREFERRED_LOCATION_ID must be 5 as in CANN");
static_assert(static_cast<long long>(ACL_MEM_RANGE_ATTRIBUTE_LAST_PREFETCH_LOCATION) == 6LL,
              "ACL_MEM_RANGE_ATTRIBUTE_LAST_PREFETCH_LOCATION must be 6 as in CANN");
static_assert(static_cast<long long>(ACL_MEM_RANGE_ATTRIBUTE_LAST_PREFETCH_LOCATION_TYPE) == 7LL,
              "ACL_MEM_RANGE_ATTRIBUTE_LAST_PREFETCH_LOCATION_TYPE must be 7 as in CANN");
static_assert(static_cast<long long>(ACL_MEM_RANGE_ATTRIBUTE_LAST_PREFETCH_LOCATION_ID) == 8LL,
              "ACL_MEM_RANGE_ATTRIBUTE_LAST_PREFETCH_LOCATION_ID must be 8 as in CANN");
static_assert(static_cast<long long>(ACL_MEM_ALLOCATION_TYPE_PINNED) == 0LL,
              "ACL_MEM_ALLOCATION_TYPE_PINNED must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_MEM_HANDLE_TYPE_NONE) == 0LL, "ACL_MEM_HANDLE_TYPE_NONE must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_MEM_HANDLE_TYPE_POSIX) == 2LL,
              "ACL_MEM_HANDLE_TYPE_POSIX must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_MEM_SHARE_HANDLE_TYPE_DEFAULT) == 1LL,
              "ACL_MEM_SHARE_HANDLE_TYPE_DEFAULT must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_MEM_SHARE_HANDLE_TYPE_FABRIC) == 2LL,
              "ACL_MEM_SHARE_HANDLE_TYPE_FABRIC must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_RT_MEM_ALLOC_GRANULARITY_MINIMUM) == 0LL,
              "ACL_RT_MEM_ALLOC_GRANULARITY_MINIMUM must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_RT_MEM_ALLOC_GRANULARITY_RECOMMENDED) == 1LL,
              "ACL_RT_MEM_ALLOC_GRANULARITY_RECOMMENDED must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_RT_MEM_ALLOC_GRANULARITY_UNDEF) == 65535LL,
              "ACL_RT_MEM_ALLOC_GRANULARITY_UNDEF must be 65535 as in CANN");
static_assert(static_cast<long long>(ACL_RT_DEVICE_STATUS_NORMAL) == 0LL,
              "ACL_RT_DEVICE_STATUS_NORMAL must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_RT_DEVICE_STATUS_ABNORMAL) == 1LL,
              "ACL_RT_DEVICE_STATUS_ABNORMAL must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_RT_DEVICE_STATUS_END) == 65535LL,
              "ACL_RT_DEVICE_STATUS_END must be 65535 as in CANN");
static_assert(static_cast<long long>(ACL_MODEL_RI_CAPTURE_MODE_GLOBAL) == 0LL,
              "ACL_MODEL_RI_CAPTURE_MODE_GLOBAL must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_MODEL_RI_CAPTURE_MODE_THREAD_LOCAL) == 1LL,
              "ACL_MODEL_RI_CAPTURE_MODE_THREAD_LOCAL must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_MODEL_RI_CAPTURE_MODE_RELAXED) == 2LL,
              "ACL_MODEL_RI_CAPTURE_MODE_RELAXED must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_MODEL_RI_CAPTURE_STATUS_NONE) == 0LL,
              "ACL_MODEL_RI_CAPTURE_STATUS_NONE must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_MODEL_RI_CAPTURE_STATUS_ACTIVE) == 1LL,
              "ACL_MODEL_RI_CAPTURE_STATUS_ACTIVE must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_MODEL_RI_CAPTURE_STATUS_INVALIDATED) == 2LL,
              "ACL_MODEL_RI_CAPTURE_STATUS_INVALIDATED must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_RT_NO_ERROR) == 0LL, "ACL_RT_NO_ERROR must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_RT_ERROR_MEMORY) == 1LL, "ACL_RT_ERROR_MEMORY must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_RT_ERROR_L2) == 2LL, "ACL_RT_ERROR_L2 must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_RT_ERROR_AICORE) == 3LL, "ACL_RT_ERROR_AICORE must be 3 as in CANN");
static_assert(static_cast<long long>(ACL_RT_ERROR_LINK) == 4LL, "ACL_RT_ERROR_LINK must be 4 as in CANN");
static_assert(static_cast<long long>(ACL_RT_ERROR_L3_PORT) == 5LL, "ACL_RT_ERROR_L3_PORT must be 5 as in CANN");
static_assert(static_cast<long long>(ACL_RT_ERROR_OTHERS) == 65535LL, "ACL_RT_ERROR_OTHERS must be 65535 as in CANN");
static_assert(static_cast<long long>(ACL_RT_AICORE_ERROR_UNKNOWN) == 0LL,
              "ACL_RT_AICORE_ERROR_UNKNOWN must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_RT_AICORE_ERROR_SW) == 1LL, "ACL_RT_AICORE_ERROR_SW must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_RT_AICORE_ERROR_HW_LOCAL) == 2LL,
              "ACL_RT_AICORE_ERROR_HW_LOCAL must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_RT_CMO_TYPE_PREFETCH) == 0LL, "ACL_RT_CMO_TYPE_PREFETCH must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_RT_CMO_TYPE_WRITEBACK) == 1LL,
              "ACL_RT_CMO_TYPE_WRITEBACK must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_RT_CMO_TYPE_INVALID) == 2LL, "ACL_RT_CMO_TYPE_INVALID must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_RT_CMO_TYPE_FLUSH) == 3LL, "ACL_RT_CMO_TYPE_FLUSH must be 3 as in CANN");
static_assert(static_cast<long long>(ACL_RT_THREAD_LEVEL) == 0LL, "ACL_RT_THREAD_LEVEL must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_RT_BINARY_LOAD_OPT_LAZY_LOAD) == 1LL,
              "ACL_RT_BINARY_LOAD_OPT_LAZY_LOAD must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_RT_BINARY_LOAD_OPT_LAZY_MAGIC) == 2LL,
              "ACL_RT_BINARY_LOAD_OPT_LAZY_MAGIC must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_RT_BINARY_LOAD_OPT_MAGIC) == 2LL,
              "ACL_RT_BINARY_LOAD_OPT_MAGIC must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_RT_BINARY_LOAD_OPT_CPU_KERNEL_MODE) == 3LL,
              "ACL_RT_BINARY_LOAD_OPT_CPU_KERNEL_MODE must be 3 as in CANN");
static_assert(static_cast<long long>(ACL_RT_ENGINE_TYPE_AIC) == 0LL, "ACL_RT_ENGINE_TYPE_AIC must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_RT_ENGINE_TYPE_AIV) == 1LL, "ACL_RT_ENGINE_TYPE_AIV must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_RT_LAUNCH_KERNEL_ATTR_SCHEM_MODE) == 1LL,
              "ACL_RT_LAUNCH_KERNEL_ATTR_SCHEM_MODE must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_RT_LAUNCH_KERNEL_ATTR_LOCAL_MEMORY_SIZE) == 2LL,
              "ACL_RT_LAUNCH_KERNEL_ATTR_LOCAL_MEMORY_SIZE must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_RT_LAUNCH_KERNEL_ATTR_DYN_UBUF_SIZE) == 2LL,
              "ACL_RT_LAUNCH_KERNEL_ATTR_DYN_UBUF_SIZE must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_RT_LAUNCH_KERNEL_ATTR_ENGINE_TYPE) == 3LL,
              "ACL_RT_LAUNCH_KERNEL_ATTR_ENGINE_TYPE must be 3 as in CANN");
static_assert(static_cast<long long>(ACL_RT_LAUNCH_KERNEL_ATTR_BLOCKDIM_OFFSET) == 4LL,
              "ACL_RT_LAUNCH_KERNEL_ATTR_BLOCKDIM_OFFSET must be 4 as in CANN");
static_assert(static_cast<long long>(ACL_RT_LAUNCH_KERNEL_ATTR_BLOCK_TASK_PREFETCH) == 5LL,
              "ACL_RT_LAUNCH_KERNEL_ATTR_BLOCK_TASK_PREFETCH must be 5 as in CANN");
static_assert(static_cast<long long>(ACL_RT_LAUNCH_KERNEL_ATTR_DATA_DUMP) == 6LL,
              "ACL_RT_LAUNCH_KERNEL_ATTR_DATA_DUMP must be 6 as in CANN");
static_assert(static_cast<long long>(ACL_RT_LAUNCH_KERNEL_ATTR_TIMEOUT) == 7LL,
              "ACL_RT_LAUNCH_KERNEL_ATTR_TIMEOUT must be 7 as in CANN");
static_assert(static_cast<long long>(ACL_RT_LAUNCH_KERNEL_ATTR_TIMEOUT_US) == 8LL,
              "ACL_RT_LAUNCH_KERNEL_ATTR_TIMEOUT_US must be 8 as in CANN");
static_assert(static_cast<long long>(ACL_RT_LAUNCH_KERNEL_ATTR_ENABLE_PROFILING) == 9LL,
              "ACL_RT_LAUNCH_KERNEL_ATTR_ENABLE_PROFILING must be 9 as in CANN");
static_assert(static_cast<long long>(ACL_STREAM_ATTR_FAILURE_MODE) == 1LL,
              "ACL_STREAM_ATTR_FAILURE_MODE must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_STREAM_ATTR_FLOAT_OVERFLOW_CHECK) == 2LL,
              "ACL_STREAM_ATTR_FLOAT_OVERFLOW_CHECK must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_STREAM_ATTR_USER_CUSTOM_TAG) == 3LL,
              "ACL_STREAM_ATTR_USER_CUSTOM_TAG must be 3 as in CANN");
static_assert(static_cast<long long>(ACL_STREAM_ATTR_CACHE_OP_INFO) == 4LL,
              "ACL_STREAM_ATTR_CACHE_OP_INFO must be 4 as in CANN");
static_assert(static_cast<long long>(ACL_STREAM_ATTR_PRIORITY) == 5LL, "ACL_STREAM_ATTR_PRIORITY must be 5 as in CANN");
static_assert(static_cast<long long>(ACL_MODEL_RI_TASK_DEFAULT) == 0LL,
              "ACL_MODEL_RI_TASK_DEFAULT must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_MODEL_RI_TASK_KERNEL) == 1LL, "ACL_MODEL_RI_TASK_KERNEL must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_MODEL_RI_TASK_EVENT_RECORD) == 2LL,
              "ACL_MODEL_RI_TASK_EVENT_RECORD must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_MODEL_RI_TASK_EVENT_WAIT) == 3LL,
              "ACL_MODEL_RI_TASK_EVENT_WAIT must be 3 as in CANN");
static_assert(static_cast<long long>(ACL_MODEL_RI_TASK_EVENT_RESET) == 4LL,
              "ACL_MODEL_RI_TASK_EVENT_RESET must be 4 as in CANN");
static_assert(static_cast<long long>(ACL_MODEL_RI_TASK_VALUE_WRITE) == 5LL,
              "ACL_MODEL_RI_TASK_VALUE_WRITE must be 5 as in CANN");
static_assert(static_cast<long long>(ACL_MODEL_RI_TASK_VALUE_WAIT) == 6LL,
              "ACL_MODEL_RI_TASK_VALUE_WAIT must be 6 as in CANN");
static_assert(static_cast<long long>(ACL_DEV_ATTR_AICPU_CORE_NUM) == 1LL,
              "ACL_DEV_ATTR_AICPU_CORE_NUM must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_DEV_ATTR_AICORE_CORE_NUM) == 101LL,
              "ACL_DEV_ATTR_AICORE_CORE_NUM must be 101 as in CANN");
static_assert(static_cast<long long>(ACL_DEV_ATTR_CUBE_CORE_NUM) == 102LL,
              "ACL_DEV_ATTR_CUBE_CORE_NUM must be 102 as in CANN");
static_assert(static_cast<long long>(ACL_DEV_ATTR_VECTOR_CORE_NUM) == 201LL,
              "ACL_DEV_ATTR_VECTOR_CORE_NUM must be 201 as in CANN");
static_assert(static_cast<long long>(ACL_DEV_ATTR_WARP_SIZE) == 202LL, "ACL_DEV_ATTR_WARP_SIZE must be 202 as in CANN");
static_assert(static_cast<long long>(ACL_DEV_ATTR_MAX_THREAD_PER_VECTOR_CORE) == 203LL,
              "ACL_DEV_ATTR_MAX_THREAD_PER_VECTOR_CORE must be 203 as in CANN");
static_assert(static_cast<long long>(ACL_DEV_ATTR_LOCAL_MEM_PER_VECTOR_CORE) == 204LL,
              "ACL_DEV_ATTR_LOCAL_MEM_PER_VECTOR_CORE must be 204 as in CANN");
static_assert(static_cast<long long>(ACL_DEV_ATTR_UBUF_PER_VECTOR_CORE) == 204LL,
              "ACL_DEV_ATTR_UBUF_PER_VECTOR_CORE must be 204 as in CANN");
static_assert(static_cast<long long>(ACL_DEV_ATTR_MAX_GRID_DIM_X) == 205LL,
              "ACL_DEV_ATTR_MAX_GRID_DIM_X must be 205 as in CANN");
static_assert(static_cast<long long>(ACL_DEV_ATTR_MAX_GRID_DIM_Y) == 206LL,
              "ACL_DEV_ATTR_MAX_GRID_DIM_Y must be 206 as in CANN");
static_assert(static_cast<long long>(ACL_DEV_ATTR_MAX_GRID_DIM_Z) == 207LL,
              "ACL_DEV_ATTR_MAX_GRID_DIM_Z must be 207 as in CANN");
static_assert(static_cast<long long>(ACL_DEV_ATTR_MAX_BLOCK_PER_GRID) == 208LL,
              "ACL_DEV_ATTR_MAX_BLOCK_PER_GRID must be 208 as in CANN");
static_assert(static_cast<long long>(ACL_DEV_ATTR_MAX_THREADS_PER_BLOCK) == 209LL,
              "ACL_DEV_ATTR_MAX_THREADS_PER_BLOCK must be 209 as in CANN");
static_assert(static_cast<long long>(ACL_DEV_ATTR_MAX_BLOCK_DIM_X) == 210LL,
              "ACL_DEV_ATTR_MAX_BLOCK_DIM_X must be 210 as in CANN");
static_assert(static_cast<long long>(ACL_DEV_ATTR_MAX_BLOCK_DIM_Y) == 211LL,
              "ACL_DEV_ATTR_MAX_BLOCK_DIM_Y must be 211 as in CANN");
static_assert(static_cast<long long>(ACL_DEV_ATTR_MAX_BLOCK_DIM_Z) == 212LL,
              "ACL_DEV_ATTR_MAX_BLOCK_DIM_Z must be 212 as in CANN");
static_assert(static_cast<long long>(ACL_DEV_ATTR_TOTAL_GLOBAL_MEM_SIZE) == 301LL,
              "ACL_DEV_ATTR_TOTAL_GLOBAL_MEM_SIZE must be 301 as in CANN");
static_assert(static_cast<long long>(ACL_DEV_ATTR_L2_CACHE_SIZE) == 302LL,
              "ACL_DEV_ATTR_L2_CACHE_SIZE must be 302 as in CANN");
static_assert(static_cast<long long>(ACL_DEV_ATTR_SMP_ID) == 401LL, "ACL_DEV_ATTR_SMP_ID must be 401 as in CANN");
static_assert(static_cast<long long>(ACL_DEV_ATTR_PHY_CHIP_ID) == 402LL,
              "ACL_DEV_ATTR_PHY_CHIP_ID must be 402 as in CANN");
static_assert(static_cast<long long>(ACL_DEV_ATTR_SUPER_POD_DEVIDE_ID) == 403LL,
              "ACL_DEV_ATTR_SUPER_POD_DEVIDE_ID must be 403 as in CANN");
static_assert(static_cast<long long>(ACL_DEV_ATTR_SUPER_POD_DEVICE_ID) == 403LL,
              "ACL_DEV_ATTR_SUPER_POD_DEVICE_ID must be 403 as in CANN");
static_assert(static_cast<long long>(ACL_DEV_ATTR_SUPER_POD_SERVER_ID) == 404LL,
              "ACL_DEV_ATTR_SUPER_POD_SERVER_ID must be 404 as in CANN");
static_assert(static_cast<long long>(ACL_DEV_ATTR_SUPER_POD_ID) == 405LL,
              "ACL_DEV_ATTR_SUPER_POD_ID must be 405 as in CANN");
static_assert(static_cast<long long>(ACL_DEV_ATTR_CUST_OP_PRIVILEGE) == 406LL,
              "ACL_DEV_ATTR_CUST_OP_PRIVILEGE must be 406 as in CANN");
static_assert(static_cast<long long>(ACL_DEV_ATTR_MAINBOARD_ID) == 407LL,
              "ACL_DEV_ATTR_MAINBOARD_ID must be 407 as in CANN");
static_assert(static_cast<long long>(ACL_DEV_ATTR_HD_CONNECT_TYPE) == 408LL,
              "ACL_DEV_ATTR_HD_CONNECT_TYPE must be 408 as in CANN");
static_assert(static_cast<long long>(ACL_DEV_ATTR_DEVICE_FORM_FACTOR) == 409LL,
              "ACL_DEV_ATTR_DEVICE_FORM_FACTOR must be 409 as in CANN");
static_assert(static_cast<long long>(ACL_DEV_ATTR_IS_VIRTUAL) == 501LL,
              "ACL_DEV_ATTR_IS_VIRTUAL must be 501 as in CANN");
static_assert(static_cast<long long>(ACL_DEV_ATTR_NPU_ARCH) == 601LL, "ACL_DEV_ATTR_NPU_ARCH must be 601 as in CANN");
static_assert(static_cast<long long>(ACL_FEATURE_TSCPU_TASK_UPDATE_SUPPORT_AIC_AIV) == 1LL,
              "ACL_FEATURE_TSCPU_TASK_UPDATE_SUPPORT_AIC_AIV must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_FEATURE_SYSTEM_MEMQ_EVENT_CROSS_DEV) == 21LL,
              "ACL_FEATURE_SYSTEM_MEMQ_EVENT_CROSS_DEV must be 21 as in CANN");
static_assert(static_cast<long long>(ACL_RT_MEMCPY_SDMA_AUTOMATIC_SUM) == 10LL,
              "ACL_RT_MEMCPY_SDMA_AUTOMATIC_SUM must be 10 as in CANN");
static_assert(static_cast<long long>(ACL_RT_MEMCPY_SDMA_AUTOMATIC_MAX) == 11LL,
              "ACL_RT_MEMCPY_SDMA_AUTOMATIC_MAX must be 11 as in CANN");
static_assert(static_cast<long long>(ACL_RT_MEMCPY_SDMA_AUTOMATIC_MIN) == 12LL,
              "ACL_RT_MEMCPY_SDMA_AUTOMATIC_MIN must be 12 as in CANN");
static_assert(static_cast<long long>(ACL_RT_MEMCPY_SDMA_AUTOMATIC_EQUAL) == 13LL,
              "ACL_RT_MEMCPY_SDMA_AUTOMATIC_EQUAL must be 13 as in CANN");
static_assert(static_cast<long long>(ACL_RT_DEV_RES_CUBE_CORE) == 0LL, "ACL_RT_DEV_RES_CUBE_CORE must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_RT_DEV_RES_VECTOR_CORE) == 1LL,
              "ACL_RT_DEV_RES_VECTOR_CORE must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_RT_EQUAL) == 0LL, "ACL_RT_EQUAL must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_RT_NOT_EQUAL) == 1LL, "ACL_RT_NOT_EQUAL must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_RT_GREATER) == 2LL, "ACL_RT_GREATER must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_RT_GREATER_OR_EQUAL) == 3LL, "ACL_RT_GREATER_OR_EQUAL must be 3 as in CANN");
static_assert(static_cast<long long>(ACL_RT_LESS) == 4LL, "ACL_RT_LESS must be 4 as in CANN");
static_assert(static_cast<long long>(ACL_RT_LESS_OR_EQUAL) == 5LL, "ACL_RT_LESS_OR_EQUAL must be 5 as in CANN");
static_assert(static_cast<long long>(ACL_RT_SWITCH_INT32) == 0LL, "ACL_RT_SWITCH_INT32 must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_RT_SWITCH_INT64) == 1LL, "ACL_RT_SWITCH_INT64 must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_RT_RANDOM_NUM_FUNC_TYPE_DROPOUT_BITMASK) == 0LL,
              "ACL_RT_RANDOM_NUM_FUNC_TYPE_DROPOUT_BITMASK must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_RT_RANDOM_NUM_FUNC_TYPE_UNIFORM_DIS) == 1LL,
              "ACL_RT_RANDOM_NUM_FUNC_TYPE_UNIFORM_DIS must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_RT_RANDOM_NUM_FUNC_TYPE_NORMAL_DIS) == 2LL,
              "ACL_RT_RANDOM_NUM_FUNC_TYPE_NORMAL_DIS must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_RT_RANDOM_NUM_FUNC_TYPE_TRUNCATED_NORMAL_DIS) == 3LL,
              "ACL_RT_RANDOM_NUM_FUNC_TYPE_TRUNCATED_NORMAL_DIS must be 3 as in CANN");
static_assert(static_cast<long long>(ACL_RT_DEVICE_TASK_ABORT_PRE) == 0LL,
              "ACL_RT_DEVICE_TASK_ABORT_PRE must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_RT_DEVICE_TASK_ABORT_POST) == 1LL,
              "ACL_RT_DEVICE_TASK_ABORT_POST must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_RT_UPDATE_RANDOM_TASK) == 1LL,
              "ACL_RT_UPDATE_RANDOM_TASK must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_RT_UPDATE_AIC_AIV_TASK) == 2LL,
              "ACL_RT_UPDATE_AIC_AIV_TASK must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_RT_DEVICE_STATE_SET_PRE) == 0LL,
              "ACL_RT_DEVICE_STATE_SET_PRE must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_RT_DEVICE_STATE_SET_POST) == 1LL,
              "ACL_RT_DEVICE_STATE_SET_POST must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_RT_DEVICE_STATE_RESET_PRE) == 2LL,
              "ACL_RT_DEVICE_STATE_RESET_PRE must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_RT_DEVICE_STATE_RESET_POST) == 3LL,
              "ACL_RT_DEVICE_STATE_RESET_POST must be 3 as in CANN");
static_assert(static_cast<long long>(ACL_RT_SNAPSHOT_LOCK_PRE) == 0LL, "ACL_RT_SNAPSHOT_LOCK_PRE must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_RT_SNAPSHOT_BACKUP_PRE) == 1LL,
              "ACL_RT_SNAPSHOT_BACKUP_PRE must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_RT_SNAPSHOT_BACKUP_POST) == 2LL,
              "ACL_RT_SNAPSHOT_BACKUP_POST must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_RT_SNAPSHOT_RESTORE_PRE) == 3LL,
              "ACL_RT_SNAPSHOT_RESTORE_PRE must be 3 as in CANN");
static_assert(static_cast<long long>(ACL_RT_SNAPSHOT_RESTORE_POST) == 4LL,
              "ACL_RT_SNAPSHOT_RESTORE_POST must be 4 as in CANN");
static_assert(static_cast<long long>(ACL_RT_SNAPSHOT_UNLOCK_POST) == 5LL,
              "ACL_RT_SNAPSHOT_UNLOCK_POST must be 5 as in CANN");
static_assert(static_cast<long long>(ACL_RT_STREAM_STATE_CREATE_POST) == 1LL,
              "ACL_RT_STREAM_STATE_CREATE_POST must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_RT_STREAM_STATE_DESTROY_PRE) == 2LL,
              "ACL_RT_STREAM_STATE_DESTROY_PRE must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_FUNC_ATTR_KERNEL_TYPE) == 1LL,
              "ACL_FUNC_ATTR_KERNEL_TYPE must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_FUNC_ATTR_KERNEL_RATIO) == 2LL,
              "ACL_FUNC_ATTR_KERNEL_RATIO must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_FUNC_ATTR_KERNEL_SCHED_MODE) == 3LL,
              "ACL_FUNC_ATTR_KERNEL_SCHED_MODE must be 3 as in CANN");
static_assert(static_cast<long long>(ACL_KERNEL_TYPE_AICORE) == 0LL, "ACL_KERNEL_TYPE_AICORE must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_KERNEL_TYPE_CUBE) == 1LL, "ACL_KERNEL_TYPE_CUBE must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_KERNEL_TYPE_VECTOR) == 2LL, "ACL_KERNEL_TYPE_VECTOR must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_KERNEL_TYPE_MIX) == 3LL, "ACL_KERNEL_TYPE_MIX must be 3 as in CANN");
static_assert(static_cast<long long>(ACL_KERNEL_TYPE_AICPU) == 100LL, "ACL_KERNEL_TYPE_AICPU must be 100 as in CANN");
static_assert(static_cast<long long>(ACL_RT_CNT_NOTIFY_RECORD_SET_VALUE_MODE) == 0LL,
              "ACL_RT_CNT_NOTIFY_RECORD_SET_VALUE_MODE must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_RT_CNT_NOTIFY_RECORD_ADD_MODE) == 1LL,
              "ACL_RT_CNT_NOTIFY_RECORD_ADD_MODE must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_RT_CNT_NOTIFY_RECORD_BIT_OR_MODE) == 2LL,
              "ACL_RT_CNT_NOTIFY_RECORD_BIT_OR_MODE must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_RT_CNT_NOTIFY_RECORD_BIT_AND_MODE) == 4LL,
              "ACL_RT_CNT_NOTIFY_RECORD_BIT_AND_MODE must be 4 as in CANN");
static_assert(static_cast<long long>(ACL_RT_CNT_NOTIFY_WAIT_LESS_MODE) == 0LL,
              "ACL_RT_CNT_NOTIFY_WAIT_LESS_MODE must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_RT_CNT_NOTIFY_WAIT_EQUAL_MODE) == 1LL,
              "ACL_RT_CNT_NOTIFY_WAIT_EQUAL_MODE must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_RT_CNT_NOTIFY_WAIT_BIGGER_MODE) == 2LL,
              "ACL_RT_CNT_NOTIFY_WAIT_BIGGER_MODE must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_RT_CNT_NOTIFY_WAIT_BIGGER_OR_EQUAL_MODE) == 3LL,
              "ACL_RT_CNT_NOTIFY_WAIT_BIGGER_OR_EQUAL_MODE must be 3 as in CANN");
static_assert(static_cast<long long>(ACL_RT_CNT_NOTIFY_WAIT_EQUAL_WITH_BITMASK_MODE) == 4LL,
              "ACL_RT_CNT_NOTIFY_WAIT_EQUAL_WITH_BITMASK_MODE must be 4 as in CANN");
static_assert(static_cast<long long>(ACL_RT_MEM_ACCESS_FLAGS_NONE) == 0LL,
              "ACL_RT_MEM_ACCESS_FLAGS_NONE must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_RT_MEM_ACCESS_FLAGS_READ) == 1LL,
              "ACL_RT_MEM_ACCESS_FLAGS_READ must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_RT_MEM_ACCESS_FLAGS_READWRITE) == 3LL,
              "ACL_RT_MEM_ACCESS_FLAGS_READWRITE must be 3 as in CANN");
static_assert(static_cast<long long>(ACL_PKG_NAME_CANN) == 0LL, "ACL_PKG_NAME_CANN must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_PKG_NAME_RUNTIME) == 1LL, "ACL_PKG_NAME_RUNTIME must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_PKG_NAME_COMPILER) == 2LL, "ACL_PKG_NAME_COMPILER must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_PKG_NAME_HCCL) == 3LL, "ACL_PKG_NAME_HCCL must be 3 as in CANN");
static_assert(static_cast<long long>(ACL_PKG_NAME_TOOLKIT) == 4LL, "ACL_PKG_NAME_TOOLKIT must be 4 as in CANN");
static_assert(static_cast<long long>(ACL_PKG_NAME_OPP) == 5LL, "ACL_PKG_NAME_OPP must be 5 as in CANN");
static_assert(static_cast<long long>(ACL_PKG_NAME_OPP_KERNEL) == 6LL, "ACL_PKG_NAME_OPP_KERNEL must be 6 as in CANN");
static_assert(static_cast<long long>(ACL_PKG_NAME_DRIVER) == 7LL, "ACL_PKG_NAME_DRIVER must be 7 as in CANN");
static_assert(static_cast<long long>(ACL_RT_HAC_TYPE_STARS) == 0LL, "ACL_RT_HAC_TYPE_STARS must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_RT_HAC_TYPE_AICPU) == 1LL, "ACL_RT_HAC_TYPE_AICPU must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_RT_HAC_TYPE_AIC) == 2LL, "ACL_RT_HAC_TYPE_AIC must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_RT_HAC_TYPE_AIV) == 3LL, "ACL_RT_HAC_TYPE_AIV must be 3 as in CANN");
static_assert(static_cast<long long>(ACL_RT_HAC_TYPE_PCIEDMA) == 4LL, "ACL_RT_HAC_TYPE_PCIEDMA must be 4 as in CANN");
static_assert(static_cast<long long>(ACL_RT_HAC_TYPE_RDMA) == 5LL, "ACL_RT_HAC_TYPE_RDMA must be 5 as in CANN");
static_assert(static_cast<long long>(ACL_RT_HAC_TYPE_SDMA) == 6LL, "ACL_RT_HAC_TYPE_SDMA must be 6 as in CANN");
static_assert(static_cast<long long>(ACL_RT_HAC_TYPE_DVPP) == 7LL, "ACL_RT_HAC_TYPE_DVPP must be 7 as in CANN");
static_assert(static_cast<long long>(ACL_RT_HAC_TYPE_UDMA) == 8LL, "ACL_RT_HAC_TYPE_UDMA must be 8 as in CANN");
static_assert(static_cast<long long>(ACL_RT_HAC_TYPE_CCU) == 9LL, "ACL_RT_HAC_TYPE_CCU must be 9 as in CANN");
static_assert(static_cast<long long>(ACL_RT_HOST_MEM_MAP_NOT_SUPPORTED) == 0LL,
              "ACL_RT_HOST_MEM_MAP_NOT_SUPPORTED must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_RT_HOST_MEM_MAP_SUPPORTED) == 1LL,
              "ACL_RT_HOST_MEM_MAP_SUPPORTED must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_RT_MEM_ACCESS_LINK_SIO) == 0LL,
              "ACL_RT_MEM_ACCESS_LINK_SIO must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_RT_MEM_ACCESS_LINK_HCCS) == 1LL,
              "ACL_RT_MEM_ACCESS_LINK_HCCS must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_RT_MEM_ACCESS_UB_ONE_PORT_PATH) == 2LL,
              "ACL_RT_MEM_ACCESS_UB_ONE_PORT_PATH must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_RT_MEM_ACCESS_UB_MULTI_PORT_PATH) == 3LL,
              "ACL_RT_MEM_ACCESS_UB_MULTI_PORT_PATH must be 3 as in CANN");
static_assert(static_cast<long long>(ACL_RT_ATOMIC_CAPABILITY_SIGNED) == 1LL,
              "ACL_RT_ATOMIC_CAPABILITY_SIGNED must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_RT_ATOMIC_CAPABILITY_UNSIGNED) == 2LL,
              "ACL_RT_ATOMIC_CAPABILITY_UNSIGNED must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_RT_ATOMIC_CAPABILITY_REDUCATION) == 4LL,
              "ACL_RT_ATOMIC_CAPABILITY_REDUCATION must be 4 as in CANN");
static_assert(static_cast<long long>(ACL_RT_ATOMIC_CAPABILITY_REDUCTION) == 4LL,
              "ACL_RT_ATOMIC_CAPABILITY_REDUCTION must be 4 as in CANN");
static_assert(static_cast<long long>(ACL_RT_ATOMIC_CAPABILITY_SCALAR8) == 8LL,
              "ACL_RT_ATOMIC_CAPABILITY_SCALAR8 must be 8 as in CANN");
static_assert(static_cast<long long>(ACL_RT_ATOMIC_CAPABILITY_SCALAR16) == 16LL,
              "ACL_RT_ATOMIC_CAPABILITY_SCALAR16 must be 16 as in CANN");
static_assert(static_cast<long long>(ACL_RT_ATOMIC_CAPABILITY_SCALAR32) == 32LL,
              "ACL_RT_ATOMIC_CAPABILITY_SCALAR32 must be 32 as in CANN");
static_assert(static_cast<long long>(ACL_RT_ATOMIC_CAPABILITY_SCALAR64) == 64LL,
              "ACL_RT_ATOMIC_CAPABILITY_SCALAR64 must be 64 as in CANN");
static_assert(static_cast<long long>(ACL_RT_ATOMIC_CAPABILITY_SCALAR128) == 128LL,
              "ACL_RT_ATOMIC_CAPABILITY_SCALAR128 must be 128 as in CANN");
static_assert(static_cast<long long>(ACL_RT_ATOMIC_CAPABILITY_VECTOR32X4) == 256LL,
              "ACL_RT_ATOMIC_CAPABILITY_VECTOR32X4 must be 256 as in CANN");
static_assert(static_cast<long long>(ACL_RT_ATOMIC_OPERATION_INTEGER_ADD) == 0LL,
              "ACL_RT_ATOMIC_OPERATION_INTEGER_ADD must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_RT_ATOMIC_OPERATION_INTEGER_MIN) == 1LL,
              "ACL_RT_ATOMIC_OPERATION_INTEGER_MIN must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_RT_ATOMIC_OPERATION_INTEGER_MAX) == 2LL,
              "ACL_RT_ATOMIC_OPERATION_INTEGER_MAX must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_RT_ATOMIC_OPERATION_INTEGER_INCREMENT) == 3LL,
              "ACL_RT_ATOMIC_OPERATION_INTEGER_INCREMENT must be 3 as in CANN");
static_assert(static_cast<long long>(ACL_RT_ATOMIC_OPERATION_INTEGER_DECREMENT) == 4LL,
              "ACL_RT_ATOMIC_OPERATION_INTEGER_DECREMENT must be 4 as in CANN");
static_assert(static_cast<long long>(ACL_RT_ATOMIC_OPERATION_AND) == 5LL,
              "ACL_RT_ATOMIC_OPERATION_AND must be 5 as in CANN");
static_assert(static_cast<long long>(ACL_RT_ATOMIC_OPERATION_OR) == 6LL,
              "ACL_RT_ATOMIC_OPERATION_OR must be 6 as in CANN");
static_assert(static_cast<long long>(ACL_RT_ATOMIC_OPERATION_XOR) == 7LL,
              "ACL_RT_ATOMIC_OPERATION_XOR must be 7 as in CANN");
static_assert(static_cast<long long>(ACL_RT_ATOMIC_OPERATION_EXCHANGE) == 8LL,
              "ACL_RT_ATOMIC_OPERATION_EXCHANGE must be 8 as in CANN");
static_assert(static_cast<long long>(ACL_RT_ATOMIC_OPERATION_CAS) == 9LL,
              "ACL_RT_ATOMIC_OPERATION_CAS must be 9 as in CANN");
static_assert(static_cast<long long>(ACL_RT_ATOMIC_OPERATION_FLOAT_ADD) == 10LL,
              "ACL_RT_ATOMIC_OPERATION_FLOAT_ADD must be 10 as in CANN");
static_assert(static_cast<long long>(ACL_RT_ATOMIC_OPERATION_FLOAT_MIN) == 11LL,
              "ACL_RT_ATOMIC_OPERATION_FLOAT_MIN must be 11 as in CANN");
static_assert(static_cast<long long>(ACL_RT_ATOMIC_OPERATION_FLOAT_MAX) == 12LL,
              "ACL_RT_ATOMIC_OPERATION_FLOAT_MAX must be 12 as in CANN");
static_assert(static_cast<long long>(ACL_RT_ATOMIC_OPERATION_DMA_ADD) == 30LL,
              "ACL_RT_ATOMIC_OPERATION_DMA_ADD must be 30 as in CANN");
static_assert(static_cast<long long>(ACL_RT_ATOMIC_OPERATION_DMA_MIN) == 31LL,
              "ACL_RT_ATOMIC_OPERATION_DMA_MIN must be 31 as in CANN");
static_assert(static_cast<long long>(ACL_RT_ATOMIC_OPERATION_DMA_MAX) == 32LL,
              "ACL_RT_ATOMIC_OPERATION_DMA_MAX must be 32 as in CANN");
static_assert(static_cast<long long>(ACL_RT_ATOMIC_OPERATION_SIMD_SCALAR_ADD) == 40LL,
              "ACL_RT_ATOMIC_OPERATION_SIMD_SCALAR_ADD must be 40 as in CANN");
static_assert(static_cast<long long>(ACL_RT_ATOMIC_OPERATION_SIMD_SCALAR_MIN) == 41LL,
              "ACL_RT_ATOMIC_OPERATION_SIMD_SCALAR_MIN must be 41 as in CANN");
static_assert(static_cast<long long>(ACL_RT_ATOMIC_OPERATION_SIMD_SCALAR_MAX) == 42LL,
              "ACL_RT_ATOMIC_OPERATION_SIMD_SCALAR_MAX must be 42 as in CANN");
static_assert(static_cast<long long>(ACL_RT_ATOMIC_OPERATION_SIMD_SCALAR_CAS) == 43LL,
              "ACL_RT_ATOMIC_OPERATION_SIMD_SCALAR_CAS must be 43 as in CANN");
static_assert(static_cast<long long>(ACL_RT_ATOMIC_OPERATION_SIMD_SCALAR_EXCH) == 44LL,
              "ACL_RT_ATOMIC_OPERATION_SIMD_SCALAR_EXCH must be 44 as in CANN");
static_assert(static_cast<long long>(ACL_MODEL_RI_COND_HANDLE_ASSIGN_DEFAULT) == 1LL,
              "ACL_MODEL_RI_COND_HANDLE_ASSIGN_DEFAULT must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_MODEL_RI_COND_TYPE_IF) == 0LL,
              "ACL_MODEL_RI_COND_TYPE_IF must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_MODEL_RI_COND_TYPE_WHILE) == 1LL,
              "ACL_MODEL_RI_COND_TYPE_WHILE must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_MODEL_RI_COND_TYPE_SWITCH) == 2LL,
              "ACL_MODEL_RI_COND_TYPE_SWITCH must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_RT_DEV_LIMIT_SIMT_STACK_SIZE) == 0LL,
              "ACL_RT_DEV_LIMIT_SIMT_STACK_SIZE must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_RT_DEV_LIMIT_SIMT_DVG_WARP_STACK_SIZE) == 1LL,
              "ACL_RT_DEV_LIMIT_SIMT_DVG_WARP_STACK_SIZE must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_RT_DEV_LIMIT_SIMD_STACK_SIZE) == 2LL,
              "ACL_RT_DEV_LIMIT_SIMD_STACK_SIZE must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_RT_DEV_LIMIT_SIMD_PRINTF_FIFO_SIZE_PER_CORE) == 3LL,
              "ACL_RT_DEV_LIMIT_SIMD_PRINTF_FIFO_SIZE_PER_CORE must be 3 as in CANN");
static_assert(static_cast<long long>(ACL_RT_DEV_LIMIT_SIMT_PRINTF_FIFO_SIZE) == 4LL,
              "ACL_RT_DEV_LIMIT_SIMT_PRINTF_FIFO_SIZE must be 4 as in CANN");
static_assert(static_cast<long long>(ACL_REG_TYPE_ACL_MODEL) == 0LL, "ACL_REG_TYPE_ACL_MODEL must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_REG_TYPE_ACL_OP_EXECUTOR) == 1LL,
              "ACL_REG_TYPE_ACL_OP_EXECUTOR must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_REG_TYPE_ACL_OP_CBLAS) == 2LL,
              "ACL_REG_TYPE_ACL_OP_CBLAS must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_REG_TYPE_ACL_OP_COMPILER) == 3LL,
              "ACL_REG_TYPE_ACL_OP_COMPILER must be 3 as in CANN");
static_assert(static_cast<long long>(ACL_REG_TYPE_ACL_TDT_CHANNEL) == 4LL,
              "ACL_REG_TYPE_ACL_TDT_CHANNEL must be 4 as in CANN");
static_assert(static_cast<long long>(ACL_REG_TYPE_ACL_TDT_QUEUE) == 5LL,
              "ACL_REG_TYPE_ACL_TDT_QUEUE must be 5 as in CANN");
static_assert(static_cast<long long>(ACL_REG_TYPE_ACL_DVPP) == 6LL, "ACL_REG_TYPE_ACL_DVPP must be 6 as in CANN");
static_assert(static_cast<long long>(ACL_REG_TYPE_ACL_RETR) == 7LL, "ACL_REG_TYPE_ACL_RETR must be 7 as in CANN");
static_assert(static_cast<long long>(ACL_REG_TYPE_OTHER) == 65535LL, "ACL_REG_TYPE_OTHER must be 65535 as in CANN");
static_assert(static_cast<long long>(ACL_RT_PROCESS_STATE_RUNNING) == 0LL,
              "ACL_RT_PROCESS_STATE_RUNNING must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_RT_PROCESS_STATE_LOCKED) == 1LL,
              "ACL_RT_PROCESS_STATE_LOCKED must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_PROF_ACL_API) == 1LL, "ACL_PROF_ACL_API must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_PROF_TASK_TIME) == 2LL, "ACL_PROF_TASK_TIME must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_PROF_AICORE_METRICS) == 4LL, "ACL_PROF_AICORE_METRICS must be 4 as in CANN");
static_assert(static_cast<long long>(ACL_PROF_AICPU) == 8LL, "ACL_PROF_AICPU must be 8 as in CANN");
static_assert(static_cast<long long>(ACL_PROF_L2CACHE) == 16LL, "ACL_PROF_L2CACHE must be 16 as in CANN");
static_assert(static_cast<long long>(ACL_PROF_HCCL_TRACE) == 32LL, "ACL_PROF_HCCL_TRACE must be 32 as in CANN");
static_assert(static_cast<long long>(ACL_PROF_TRAINING_TRACE) == 64LL, "ACL_PROF_TRAINING_TRACE must be 64 as in CANN");
static_assert(static_cast<long long>(ACL_PROF_MSPROFTX) == 128LL, "ACL_PROF_MSPROFTX must be 128 as in CANN");
static_assert(static_cast<long long>(ACL_PROF_RUNTIME_API) == 256LL, "ACL_PROF_RUNTIME_API must be 256 as in CANN");
static_assert(static_cast<long long>(ACL_PROF_GE_API_L0) == 512LL, "ACL_PROF_GE_API_L0 must be 512 as in CANN");
static_assert(static_cast<long long>(ACL_PROF_TASK_TIME_L0) == 2048LL, "ACL_PROF_TASK_TIME_L0 must be 2048 as in CANN");
static_assert(static_cast<long long>(ACL_PROF_TASK_MEMORY) == 4096LL, "ACL_PROF_TASK_MEMORY must be 4096 as in CANN");
static_assert(static_cast<long long>(ACL_PROF_GE_API_L1) == 16777216LL,
              "ACL_PROF_GE_API_L1 must be 16777216 as in CANN");
static_assert(static_cast<long long>(ACL_PROF_TASK_TIME_L2) == 8192LL, "ACL_PROF_TASK_TIME_L2 must be 8192 as in CANN");
static_assert(static_cast<long long>(ACL_PROF_OP_ATTR) == 16384LL, "ACL_PROF_OP_ATTR must be 16384 as in CANN");
static_assert(static_cast<long long>(ACL_PROF_TASK_TIME_L3) == 32768LL,
              "ACL_PROF_TASK_TIME_L3 must be 32768 as in CANN");
static_assert(static_cast<long long>(ACL_PROF_API_STATS) == 17179869184LL,
              "ACL_PROF_API_STATS must be 17179869184 as in CANN");
static_assert(static_cast<long long>(ACL_PROF_AICORE_SHAPE) == 34359738368LL,
              "ACL_PROF_AICORE_SHAPE must be 34359738368 as in CANN");
static_assert(static_cast<long long>(ACL_PROF_MAX_OP_NAME_LEN) == 257LL,
              "ACL_PROF_MAX_OP_NAME_LEN must be 257 as in CANN");
static_assert(static_cast<long long>(ACL_PROF_MAX_OP_TYPE_LEN) == 65LL,
              "ACL_PROF_MAX_OP_TYPE_LEN must be 65 as in CANN");
static_assert(static_cast<long long>(ACL_PROF_TENSOR_DATA_SHAPE_LEN) == 8LL,
              "ACL_PROF_TENSOR_DATA_SHAPE_LEN must be 8 as in CANN");
static_assert(static_cast<long long>(ACL_PROF_EVENT_ATTR_VERSION) == 1LL,
              "ACL_PROF_EVENT_ATTR_VERSION must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_AICORE_ARITHMETIC_UTILIZATION) == 0LL,
              "ACL_AICORE_ARITHMETIC_UTILIZATION must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_AICORE_PIPE_UTILIZATION) == 1LL,
              "ACL_AICORE_PIPE_UTILIZATION must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_AICORE_MEMORY_BANDWIDTH) == 2LL,
              "ACL_AICORE_MEMORY_BANDWIDTH must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_AICORE_L0B_AND_WIDTH) == 3LL, "ACL_AICORE_L0B_AND_WIDTH must be 3 as in CANN");
static_assert(static_cast<long long>(ACL_AICORE_RESOURCE_CONFLICT_RATIO) == 4LL,
              "ACL_AICORE_RESOURCE_CONFLICT_RATIO must be 4 as in CANN");
static_assert(static_cast<long long>(ACL_AICORE_MEMORY_UB) == 5LL, "ACL_AICORE_MEMORY_UB must be 5 as in CANN");
static_assert(static_cast<long long>(ACL_AICORE_L2_CACHE) == 6LL, "ACL_AICORE_L2_CACHE must be 6 as in CANN");
static_assert(static_cast<long long>(ACL_AICORE_PIPE_EXECUTE_UTILIZATION) == 7LL,
              "ACL_AICORE_PIPE_EXECUTE_UTILIZATION must be 7 as in CANN");
static_assert(static_cast<long long>(ACL_AICORE_MEMORY_ACCESS) == 8LL, "ACL_AICORE_MEMORY_ACCESS must be 8 as in CANN");
static_assert(static_cast<long long>(ACL_AICORE_NONE) == 255LL, "ACL_AICORE_NONE must be 255 as in CANN");
static_assert(static_cast<long long>(ACL_STEP_START) == 0LL, "ACL_STEP_START must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_STEP_END) == 1LL, "ACL_STEP_END must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_SUBSCRIBE_OP) == 0LL, "ACL_SUBSCRIBE_OP must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_SUBSCRIBE_SUBGRAPH) == 1LL, "ACL_SUBSCRIBE_SUBGRAPH must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_SUBSCRIBE_OP_THREAD) == 2LL, "ACL_SUBSCRIBE_OP_THREAD must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_SUBSCRIBE_NONE) == 255LL, "ACL_SUBSCRIBE_NONE must be 255 as in CANN");
static_assert(static_cast<long long>(ACL_SUBSCRIBE_ATTRI_THREADID) == 0LL,
              "ACL_SUBSCRIBE_ATTRI_THREADID must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_SUBSCRIBE_ATTRI_NONE) == 1LL, "ACL_SUBSCRIBE_ATTRI_NONE must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_PROF_ARGS_MIN) == 0LL, "ACL_PROF_ARGS_MIN must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_PROF_STORAGE_LIMIT) == 1LL, "ACL_PROF_STORAGE_LIMIT must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_PROF_SYS_HARDWARE_MEM_FREQ) == 3LL,
              "ACL_PROF_SYS_HARDWARE_MEM_FREQ must be 3 as in CANN");
static_assert(static_cast<long long>(ACL_PROF_LLC_MODE) == 4LL, "ACL_PROF_LLC_MODE must be 4 as in CANN");
static_assert(static_cast<long long>(ACL_PROF_SYS_IO_FREQ) == 5LL, "ACL_PROF_SYS_IO_FREQ must be 5 as in CANN");
static_assert(static_cast<long long>(ACL_PROF_SYS_INTERCONNECTION_FREQ) == 6LL,
              "ACL_PROF_SYS_INTERCONNECTION_FREQ must be 6 as in CANN");
static_assert(static_cast<long long>(ACL_PROF_DVPP_FREQ) == 7LL, "ACL_PROF_DVPP_FREQ must be 7 as in CANN");
static_assert(static_cast<long long>(ACL_PROF_HOST_SYS) == 8LL, "ACL_PROF_HOST_SYS must be 8 as in CANN");
static_assert(static_cast<long long>(ACL_PROF_HOST_SYS_USAGE) == 9LL, "ACL_PROF_HOST_SYS_USAGE must be 9 as in CANN");
static_assert(static_cast<long long>(ACL_PROF_HOST_SYS_USAGE_FREQ) == 10LL,
              "ACL_PROF_HOST_SYS_USAGE_FREQ must be 10 as in CANN");
static_assert(static_cast<long long>(ACL_PROF_LOW_POWER_FREQ) == 11LL, "ACL_PROF_LOW_POWER_FREQ must be 11 as in CANN");
static_assert(static_cast<long long>(ACL_PROF_SYS_MEM_SERVICEFLOW) == 12LL,
              "ACL_PROF_SYS_MEM_SERVICEFLOW must be 12 as in CANN");
static_assert(static_cast<long long>(ACL_PROF_SYS_CPU_FREQ) == 13LL, "ACL_PROF_SYS_CPU_FREQ must be 13 as in CANN");
static_assert(static_cast<long long>(ACL_PROF_OPTYPE) == 14LL, "ACL_PROF_OPTYPE must be 14 as in CANN");
static_assert(static_cast<long long>(ACL_PROF_NTS_METRICS) == 15LL, "ACL_PROF_NTS_METRICS must be 15 as in CANN");
static_assert(static_cast<long long>(ACL_PROF_PATH) == 16LL, "ACL_PROF_PATH must be 16 as in CANN");
static_assert(static_cast<long long>(ACL_PROF_ARGS_MAX) == 17LL, "ACL_PROF_ARGS_MAX must be 17 as in CANN");
static_assert(static_cast<long long>(ACL_PROF_MESSAGE_TYPE_TENSOR_INFO) == 0LL,
              "ACL_PROF_MESSAGE_TYPE_TENSOR_INFO must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_DUMP_MAX_FILE_PATH_LENGTH) == 4096LL,
              "ACL_DUMP_MAX_FILE_PATH_LENGTH must be 4096 as in CANN");
static_assert(static_cast<long long>(ACL_OP_DUMP_OP_AICORE_ARGS) == 1LL,
              "ACL_OP_DUMP_OP_AICORE_ARGS must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_DUMP_MAX_SHAPE_NUM) == 25LL, "ACL_DUMP_MAX_SHAPE_NUM must be 25 as in CANN");
static_assert(static_cast<long long>(AIC_ERR_BRIEF_DUMP) == 1LL, "AIC_ERR_BRIEF_DUMP must be 1 as in CANN");
static_assert(static_cast<long long>(AIC_ERR_NORM_DUMP) == 2LL, "AIC_ERR_NORM_DUMP must be 2 as in CANN");
static_assert(static_cast<long long>(AIC_ERR_DETAIL_DUMP) == 3LL, "AIC_ERR_DETAIL_DUMP must be 3 as in CANN");
static_assert(static_cast<long long>(DATA_DUMP) == 4LL, "DATA_DUMP must be 4 as in CANN");
static_assert(static_cast<long long>(OVERFLOW_DUMP) == 5LL, "OVERFLOW_DUMP must be 5 as in CANN");
static_assert(static_cast<long long>(ACL_DUMP_TENSOR_INPUT) == 0LL, "ACL_DUMP_TENSOR_INPUT must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_DUMP_TENSOR_OUTPUT) == 1LL, "ACL_DUMP_TENSOR_OUTPUT must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_DUMP_TENSOR_WORKSPACE) == 2LL,
              "ACL_DUMP_TENSOR_WORKSPACE must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_DUMP_ADDR_PTR) == 0LL, "ACL_DUMP_ADDR_PTR must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_DUMP_ADDR_PTR_PTR) == 1LL, "ACL_DUMP_ADDR_PTR_PTR must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_DUMP_ADDR_RAW) == 2LL, "ACL_DUMP_ADDR_RAW must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_DUMP_PLACEMENT_DEVICE) == 0LL,
              "ACL_DUMP_PLACEMENT_DEVICE must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_DUMP_PLACEMENT_HOST) == 1LL, "ACL_DUMP_PLACEMENT_HOST must be 1 as in CANN");
static_assert(static_cast<long long>(ACL_DUMP_PLACEMENT_END) == 2LL, "ACL_DUMP_PLACEMENT_END must be 2 as in CANN");
static_assert(static_cast<long long>(ACL_RT_SUCCESS) == 0LL, "ACL_RT_SUCCESS must be 0 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_PARAM_INVALID) == 107000LL,
              "ACL_ERROR_RT_PARAM_INVALID must be 107000 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_INVALID_DEVICEID) == 107001LL,
              "ACL_ERROR_RT_INVALID_DEVICEID must be 107001 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_CONTEXT_NULL) == 107002LL,
              "ACL_ERROR_RT_CONTEXT_NULL must be 107002 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_STREAM_CONTEXT) == 107003LL,
              "ACL_ERROR_RT_STREAM_CONTEXT must be 107003 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_MODEL_CONTEXT) == 107004LL,
              "ACL_ERROR_RT_MODEL_CONTEXT must be 107004 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_STREAM_MODEL) == 107005LL,
              "ACL_ERROR_RT_STREAM_MODEL must be 107005 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_EVENT_TIMESTAMP_INVALID) == 107006LL,
              "ACL_ERROR_RT_EVENT_TIMESTAMP_INVALID must be 107006 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_EVENT_TIMESTAMP_REVERSAL) == 107007LL,
              "ACL_ERROR_RT_EVENT_TIMESTAMP_REVERSAL must be 107007 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_ADDR_UNALIGNED) == 107008LL,
              "ACL_ERROR_RT_ADDR_UNALIGNED must be 107008 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_FILE_OPEN) == 107009LL,
              "ACL_ERROR_RT_FILE_OPEN must be 107009 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_FILE_WRITE) == 107010LL,
              "ACL_ERROR_RT_FILE_WRITE must be 107010 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_STREAM_SUBSCRIBE) == 107011LL,
              "ACL_ERROR_RT_STREAM_SUBSCRIBE must be 107011 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_THREAD_SUBSCRIBE) == 107012LL,
              "ACL_ERROR_RT_THREAD_SUBSCRIBE must be 107012 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_GROUP_NOT_SET) == 107013LL,
              "ACL_ERROR_RT_GROUP_NOT_SET must be 107013 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_GROUP_NOT_CREATE) == 107014LL,
              "ACL_ERROR_RT_GROUP_NOT_CREATE must be 107014 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_STREAM_NO_CB_REG) == 107015LL,
              "ACL_ERROR_RT_STREAM_NO_CB_REG must be 107015 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_INVALID_MEMORY_TYPE) == 107016LL,
              "ACL_ERROR_RT_INVALID_MEMORY_TYPE must be 107016 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_INVALID_HANDLE) == 107017LL,
              "ACL_ERROR_RT_INVALID_HANDLE must be 107017 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_INVALID_MALLOC_TYPE) == 107018LL,
              "ACL_ERROR_RT_INVALID_MALLOC_TYPE must be 107018 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_WAIT_TIMEOUT) == 107019LL,
              "ACL_ERROR_RT_WAIT_TIMEOUT must be 107019 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_TASK_TIMEOUT) == 107020LL,
              "ACL_ERROR_RT_TASK_TIMEOUT must be 107020 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_SYSPARAMOPT_NOT_SET) == 107021LL,
              "ACL_ERROR_RT_SYSPARAMOPT_NOT_SET must be 107021 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_DEVICE_TASK_ABORT) == 107022LL,
              "ACL_ERROR_RT_DEVICE_TASK_ABORT must be 107022 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_STREAM_ABORT) == 107023LL,
              "ACL_ERROR_RT_STREAM_ABORT must be 107023 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_CAPTURE_DEPENDENCY) == 107024LL,
              "ACL_ERROR_RT_CAPTURE_DEPENDENCY must be 107024 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_STREAM_UNJOINED) == 107025LL,
              "ACL_ERROR_RT_STREAM_UNJOINED must be 107025 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_MODEL_CAPTURED) == 107026LL,
              "ACL_ERROR_RT_MODEL_CAPTURED must be 107026 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_STREAM_CAPTURED) == 107027LL,
              "ACL_ERROR_RT_STREAM_CAPTURED must be 107027 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_EVENT_CAPTURED) == 107028LL,
              "ACL_ERROR_RT_EVENT_CAPTURED must be 107028 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_STREAM_NOT_CAPTURED) == 107029LL,
              "ACL_ERROR_RT_STREAM_NOT_CAPTURED must be 107029 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_CAPTURE_MODE_NOT_SUPPORT) == 107030LL,
              "ACL_ERROR_RT_CAPTURE_MODE_NOT_SUPPORT must be 107030 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_STREAM_CAPTURE_IMPLICIT) == 107031LL,
              "ACL_ERROR_RT_STREAM_CAPTURE_IMPLICIT must be 107031 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_STREAM_CAPTURE_CONFLICT) == 107032LL,
              "ACL_ERROR_STREAM_CAPTURE_CONFLICT must be 107032 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_STREAM_TASK_GROUP_STATUS) == 107033LL,
              "ACL_ERROR_STREAM_TASK_GROUP_STATUS must be 107033 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_STREAM_TASK_GROUP_INTR) == 107034LL,
              "ACL_ERROR_STREAM_TASK_GROUP_INTR must be 107034 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_TASK_ABORT_STOP) == 107035LL,
              "ACL_ERROR_RT_TASK_ABORT_STOP must be 107035 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_STREAM_CAPTURE_UNMATCHED) == 107036LL,
              "ACL_ERROR_RT_STREAM_CAPTURE_UNMATCHED must be 107036 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_MODEL_RUNNING) == 107037LL,
              "ACL_ERROR_RT_MODEL_RUNNING must be 107037 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_STREAM_CAPTURE_WRONG_THREAD) == 107038LL,
              "ACL_ERROR_RT_STREAM_CAPTURE_WRONG_THREAD must be 107038 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_INSUFFICIENT_INPUT_ARRAY) == 107039LL,
              "ACL_ERROR_RT_INSUFFICIENT_INPUT_ARRAY must be 107039 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_MODEL_UPDATE_FAILED) == 107040LL,
              "ACL_ERROR_RT_MODEL_UPDATE_FAILED must be 107040 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_SYMBOL_NOT_FOUND) == 107042LL,
              "ACL_ERROR_RT_SYMBOL_NOT_FOUND must be 107042 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_INVALID_SYMBOL) == 107043LL,
              "ACL_ERROR_RT_INVALID_SYMBOL must be 107043 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_INVALID_DEVICE_FUNCTION) == 107044LL,
              "ACL_ERROR_RT_INVALID_DEVICE_FUNCTION must be 107044 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_SUB_ACLGRAPH_IS_CAPTURING) == 107045LL,
              "ACL_ERROR_RT_SUB_ACLGRAPH_IS_CAPTURING must be 107045 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_FEATURE_NOT_SUPPORT) == 207000LL,
              "ACL_ERROR_RT_FEATURE_NOT_SUPPORT must be 207000 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_MEMORY_ALLOCATION) == 207001LL,
              "ACL_ERROR_RT_MEMORY_ALLOCATION must be 207001 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_MEMORY_FREE) == 207002LL,
              "ACL_ERROR_RT_MEMORY_FREE must be 207002 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_AICORE_OVER_FLOW) == 207003LL,
              "ACL_ERROR_RT_AICORE_OVER_FLOW must be 207003 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_NO_DEVICE) == 207004LL,
              "ACL_ERROR_RT_NO_DEVICE must be 207004 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_RESOURCE_ALLOC_FAIL) == 207005LL,
              "ACL_ERROR_RT_RESOURCE_ALLOC_FAIL must be 207005 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_NO_PERMISSION) == 207006LL,
              "ACL_ERROR_RT_NO_PERMISSION must be 207006 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_NO_EVENT_RESOURCE) == 207007LL,
              "ACL_ERROR_RT_NO_EVENT_RESOURCE must be 207007 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_NO_STREAM_RESOURCE) == 207008LL,
              "ACL_ERROR_RT_NO_STREAM_RESOURCE must be 207008 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_NO_NOTIFY_RESOURCE) == 207009LL,
              "ACL_ERROR_RT_NO_NOTIFY_RESOURCE must be 207009 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_NO_MODEL_RESOURCE) == 207010LL,
              "ACL_ERROR_RT_NO_MODEL_RESOURCE must be 207010 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_NO_CDQ_RESOURCE) == 207011LL,
              "ACL_ERROR_RT_NO_CDQ_RESOURCE must be 207011 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_OVER_LIMIT) == 207012LL,
              "ACL_ERROR_RT_OVER_LIMIT must be 207012 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_QUEUE_EMPTY) == 207013LL,
              "ACL_ERROR_RT_QUEUE_EMPTY must be 207013 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_QUEUE_FULL) == 207014LL,
              "ACL_ERROR_RT_QUEUE_FULL must be 207014 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_REPEATED_INIT) == 207015LL,
              "ACL_ERROR_RT_REPEATED_INIT must be 207015 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_AIVEC_OVER_FLOW) == 207016LL,
              "ACL_ERROR_RT_AIVEC_OVER_FLOW must be 207016 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_OVER_FLOW) == 207017LL,
              "ACL_ERROR_RT_OVER_FLOW must be 207017 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_DEVICE_OOM) == 207018LL,
              "ACL_ERROR_RT_DEVICE_OOM must be 207018 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_FEATURE_NOT_SUPPORT_UPDATE_OP) == 207019LL,
              "ACL_ERROR_RT_FEATURE_NOT_SUPPORT_UPDATE_OP must be 207019 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_TIMEOUT) == 207020LL,
              "ACL_ERROR_RT_TIMEOUT must be 207020 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_LINK_TYPE_NOT_SUPPORTED) == 207021LL,
              "ACL_ERROR_RT_LINK_TYPE_NOT_SUPPORTED must be 207021 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_INTERNAL_ERROR) == 507000LL,
              "ACL_ERROR_RT_INTERNAL_ERROR must be 507000 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_TS_ERROR) == 507001LL,
              "ACL_ERROR_RT_TS_ERROR must be 507001 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_STREAM_TASK_FULL) == 507002LL,
              "ACL_ERROR_RT_STREAM_TASK_FULL must be 507002 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_STREAM_TASK_EMPTY) == 507003LL,
              "ACL_ERROR_RT_STREAM_TASK_EMPTY must be 507003 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_STREAM_NOT_COMPLETE) == 507004LL,
              "ACL_ERROR_RT_STREAM_NOT_COMPLETE must be 507004 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_END_OF_SEQUENCE) == 507005LL,
              "ACL_ERROR_RT_END_OF_SEQUENCE must be 507005 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_EVENT_NOT_COMPLETE) == 507006LL,
              "ACL_ERROR_RT_EVENT_NOT_COMPLETE must be 507006 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_CONTEXT_RELEASE_ERROR) == 507007LL,
              "ACL_ERROR_RT_CONTEXT_RELEASE_ERROR must be 507007 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_SOC_VERSION) == 507008LL,
              "ACL_ERROR_RT_SOC_VERSION must be 507008 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_TASK_TYPE_NOT_SUPPORT) == 507009LL,
              "ACL_ERROR_RT_TASK_TYPE_NOT_SUPPORT must be 507009 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_LOST_HEARTBEAT) == 507010LL,
              "ACL_ERROR_RT_LOST_HEARTBEAT must be 507010 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_MODEL_EXECUTE) == 507011LL,
              "ACL_ERROR_RT_MODEL_EXECUTE must be 507011 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_REPORT_TIMEOUT) == 507012LL,
              "ACL_ERROR_RT_REPORT_TIMEOUT must be 507012 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_SYS_DMA) == 507013LL,
              "ACL_ERROR_RT_SYS_DMA must be 507013 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_AICORE_TIMEOUT) == 507014LL,
              "ACL_ERROR_RT_AICORE_TIMEOUT must be 507014 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_AICORE_EXCEPTION) == 507015LL,
              "ACL_ERROR_RT_AICORE_EXCEPTION must be 507015 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_AICORE_TRAP_EXCEPTION) == 507016LL,
              "ACL_ERROR_RT_AICORE_TRAP_EXCEPTION must be 507016 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_AICPU_TIMEOUT) == 507017LL,
              "ACL_ERROR_RT_AICPU_TIMEOUT must be 507017 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_AICPU_EXCEPTION) == 507018LL,
              "ACL_ERROR_RT_AICPU_EXCEPTION must be 507018 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_AICPU_DATADUMP_RSP_ERR) == 507019LL,
              "ACL_ERROR_RT_AICPU_DATADUMP_RSP_ERR must be 507019 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_AICPU_MODEL_RSP_ERR) == 507020LL,
              "ACL_ERROR_RT_AICPU_MODEL_RSP_ERR must be 507020 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_PROFILING_ERROR) == 507021LL,
              "ACL_ERROR_RT_PROFILING_ERROR must be 507021 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_IPC_ERROR) == 507022LL,
              "ACL_ERROR_RT_IPC_ERROR must be 507022 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_MODEL_ABORT_NORMAL) == 507023LL,
              "ACL_ERROR_RT_MODEL_ABORT_NORMAL must be 507023 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_KERNEL_UNREGISTERING) == 507024LL,
              "ACL_ERROR_RT_KERNEL_UNREGISTERING must be 507024 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_RINGBUFFER_NOT_INIT) == 507025LL,
              "ACL_ERROR_RT_RINGBUFFER_NOT_INIT must be 507025 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_RINGBUFFER_NO_DATA) == 507026LL,
              "ACL_ERROR_RT_RINGBUFFER_NO_DATA must be 507026 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_KERNEL_LOOKUP) == 507027LL,
              "ACL_ERROR_RT_KERNEL_LOOKUP must be 507027 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_KERNEL_DUPLICATE) == 507028LL,
              "ACL_ERROR_RT_KERNEL_DUPLICATE must be 507028 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_DEBUG_REGISTER_FAIL) == 507029LL,
              "ACL_ERROR_RT_DEBUG_REGISTER_FAIL must be 507029 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_DEBUG_UNREGISTER_FAIL) == 507030LL,
              "ACL_ERROR_RT_DEBUG_UNREGISTER_FAIL must be 507030 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_LABEL_CONTEXT) == 507031LL,
              "ACL_ERROR_RT_LABEL_CONTEXT must be 507031 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_PROGRAM_USE_OUT) == 507032LL,
              "ACL_ERROR_RT_PROGRAM_USE_OUT must be 507032 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_DEV_SETUP_ERROR) == 507033LL,
              "ACL_ERROR_RT_DEV_SETUP_ERROR must be 507033 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_VECTOR_CORE_TIMEOUT) == 507034LL,
              "ACL_ERROR_RT_VECTOR_CORE_TIMEOUT must be 507034 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_VECTOR_CORE_EXCEPTION) == 507035LL,
              "ACL_ERROR_RT_VECTOR_CORE_EXCEPTION must be 507035 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_VECTOR_CORE_TRAP_EXCEPTION) == 507036LL,
              "ACL_ERROR_RT_VECTOR_CORE_TRAP_EXCEPTION must be 507036 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_CDQ_BATCH_ABNORMAL) == 507037LL,
              "ACL_ERROR_RT_CDQ_BATCH_ABNORMAL must be 507037 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_DIE_MODE_CHANGE_ERROR) == 507038LL,
              "ACL_ERROR_RT_DIE_MODE_CHANGE_ERROR must be 507038 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_DIE_SET_ERROR) == 507039LL,
              "ACL_ERROR_RT_DIE_SET_ERROR must be 507039 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_INVALID_DIEID) == 507040LL,
              "ACL_ERROR_RT_INVALID_DIEID must be 507040 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_DIE_MODE_NOT_SET) == 507041LL,
              "ACL_ERROR_RT_DIE_MODE_NOT_SET must be 507041 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_AICORE_TRAP_READ_OVERFLOW) == 507042LL,
              "ACL_ERROR_RT_AICORE_TRAP_READ_OVERFLOW must be 507042 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_AICORE_TRAP_WRITE_OVERFLOW) == 507043LL,
              "ACL_ERROR_RT_AICORE_TRAP_WRITE_OVERFLOW must be 507043 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_VECTOR_CORE_TRAP_READ_OVERFLOW) == 507044LL,
              "ACL_ERROR_RT_VECTOR_CORE_TRAP_READ_OVERFLOW must be 507044 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_VECTOR_CORE_TRAP_WRITE_OVERFLOW) == 507045LL,
              "ACL_ERROR_RT_VECTOR_CORE_TRAP_WRITE_OVERFLOW must be 507045 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_STREAM_SYNC_TIMEOUT) == 507046LL,
              "ACL_ERROR_RT_STREAM_SYNC_TIMEOUT must be 507046 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_EVENT_SYNC_TIMEOUT) == 507047LL,
              "ACL_ERROR_RT_EVENT_SYNC_TIMEOUT must be 507047 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_FFTS_PLUS_TIMEOUT) == 507048LL,
              "ACL_ERROR_RT_FFTS_PLUS_TIMEOUT must be 507048 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_FFTS_PLUS_EXCEPTION) == 507049LL,
              "ACL_ERROR_RT_FFTS_PLUS_EXCEPTION must be 507049 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_FFTS_PLUS_TRAP_EXCEPTION) == 507050LL,
              "ACL_ERROR_RT_FFTS_PLUS_TRAP_EXCEPTION must be 507050 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_SEND_MSG) == 507051LL,
              "ACL_ERROR_RT_SEND_MSG must be 507051 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_COPY_DATA) == 507052LL,
              "ACL_ERROR_RT_COPY_DATA must be 507052 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_DEVICE_MEM_ERROR) == 507053LL,
              "ACL_ERROR_RT_DEVICE_MEM_ERROR must be 507053 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_HBM_MULTI_BIT_ECC_ERROR) == 507054LL,
              "ACL_ERROR_RT_HBM_MULTI_BIT_ECC_ERROR must be 507054 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_SUSPECT_DEVICE_MEM_ERROR) == 507055LL,
              "ACL_ERROR_RT_SUSPECT_DEVICE_MEM_ERROR must be 507055 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_LINK_ERROR) == 507056LL,
              "ACL_ERROR_RT_LINK_ERROR must be 507056 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_SUSPECT_REMOTE_ERROR) == 507057LL,
              "ACL_ERROR_RT_SUSPECT_REMOTE_ERROR must be 507057 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_DRV_INTERNAL_ERROR) == 507899LL,
              "ACL_ERROR_RT_DRV_INTERNAL_ERROR must be 507899 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_AICPU_INTERNAL_ERROR) == 507900LL,
              "ACL_ERROR_RT_AICPU_INTERNAL_ERROR must be 507900 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_SOCKET_CLOSE) == 507901LL,
              "ACL_ERROR_RT_SOCKET_CLOSE must be 507901 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_AICPU_INFO_LOAD_RSP_ERR) == 507902LL,
              "ACL_ERROR_RT_AICPU_INFO_LOAD_RSP_ERR must be 507902 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_STREAM_CAPTURE_INVALIDATED) == 507903LL,
              "ACL_ERROR_RT_STREAM_CAPTURE_INVALIDATED must be 507903 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_COMM_OP_RETRY_FAIL) == 507904LL,
              "ACL_ERROR_RT_COMM_OP_RETRY_FAIL must be 507904 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_SNAPSHOT_LOCK_TIMEOUT) == 507905LL,
              "ACL_ERROR_SNAPSHOT_LOCK_TIMEOUT must be 507905 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_SNAPSHOT_LOCK_FAILED) == 507906LL,
              "ACL_ERROR_SNAPSHOT_LOCK_FAILED must be 507906 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_SNAPSHOT_UNLOCK_FAILED) == 507907LL,
              "ACL_ERROR_SNAPSHOT_UNLOCK_FAILED must be 507907 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_SNAPSHOT_BACKUP_FAILED) == 507908LL,
              "ACL_ERROR_SNAPSHOT_BACKUP_FAILED must be 507908 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_SNAPSHOT_RESTORE_FAILED) == 507909LL,
              "ACL_ERROR_SNAPSHOT_RESTORE_FAILED must be 507909 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_HOST_MEMORY_ALREADY_REGISTERED) == 507910LL,
              "ACL_ERROR_HOST_MEMORY_ALREADY_REGISTERED must be 507910 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_HOST_MEMORY_NOT_REGISTERED) == 507911LL,
              "ACL_ERROR_HOST_MEMORY_NOT_REGISTERED must be 507911 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_SNAPSHOT_CALLBACK_FAILED) == 507912LL,
              "ACL_ERROR_SNAPSHOT_CALLBACK_FAILED must be 507912 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_SNAPSHOT_REGISTER_CALLBACK_FAILED) == 507913LL,
              "ACL_ERROR_SNAPSHOT_REGISTER_CALLBACK_FAILED must be 507913 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_L3_PORT_ERROR) == 507914LL,
              "ACL_ERROR_RT_L3_PORT_ERROR must be 507914 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_CCU_TIMEOUT) == 507915LL,
              "ACL_ERROR_RT_CCU_TIMEOUT must be 507915 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_RT_CCU_EXCEPTION) == 507916LL,
              "ACL_ERROR_RT_CCU_EXCEPTION must be 507916 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_GE_PARAM_INVALID) == 145000LL,
              "ACL_ERROR_GE_PARAM_INVALID must be 145000 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_GE_EXEC_NOT_INIT) == 145001LL,
              "ACL_ERROR_GE_EXEC_NOT_INIT must be 145001 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_GE_EXEC_MODEL_PATH_INVALID) == 145002LL,
              "ACL_ERROR_GE_EXEC_MODEL_PATH_INVALID must be 145002 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_GE_EXEC_MODEL_ID_INVALID) == 145003LL,
              "ACL_ERROR_GE_EXEC_MODEL_ID_INVALID must be 145003 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_GE_EXEC_MODEL_DATA_SIZE_INVALID) == 145006LL,
              "ACL_ERROR_GE_EXEC_MODEL_DATA_SIZE_INVALID must be 145006 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_GE_EXEC_MODEL_ADDR_INVALID) == 145007LL,
              "ACL_ERROR_GE_EXEC_MODEL_ADDR_INVALID must be 145007 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_GE_EXEC_MODEL_QUEUE_ID_INVALID) == 145008LL,
              "ACL_ERROR_GE_EXEC_MODEL_QUEUE_ID_INVALID must be 145008 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_GE_EXEC_LOAD_MODEL_REPEATED) == 145009LL,
              "ACL_ERROR_GE_EXEC_LOAD_MODEL_REPEATED must be 145009 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_GE_DYNAMIC_INPUT_ADDR_INVALID) == 145011LL,
              "ACL_ERROR_GE_DYNAMIC_INPUT_ADDR_INVALID must be 145011 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_GE_DYNAMIC_INPUT_LENGTH_INVALID) == 145012LL,
              "ACL_ERROR_GE_DYNAMIC_INPUT_LENGTH_INVALID must be 145012 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_GE_DYNAMIC_BATCH_SIZE_INVALID) == 145013LL,
              "ACL_ERROR_GE_DYNAMIC_BATCH_SIZE_INVALID must be 145013 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_GE_AIPP_BATCH_EMPTY) == 145014LL,
              "ACL_ERROR_GE_AIPP_BATCH_EMPTY must be 145014 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_GE_AIPP_NOT_EXIST) == 145015LL,
              "ACL_ERROR_GE_AIPP_NOT_EXIST must be 145015 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_GE_AIPP_MODE_INVALID) == 145016LL,
              "ACL_ERROR_GE_AIPP_MODE_INVALID must be 145016 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_GE_OP_TASK_TYPE_INVALID) == 145017LL,
              "ACL_ERROR_GE_OP_TASK_TYPE_INVALID must be 145017 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_GE_OP_KERNEL_TYPE_INVALID) == 145018LL,
              "ACL_ERROR_GE_OP_KERNEL_TYPE_INVALID must be 145018 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_GE_PLGMGR_PATH_INVALID) == 145019LL,
              "ACL_ERROR_GE_PLGMGR_PATH_INVALID must be 145019 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_GE_FORMAT_INVALID) == 145020LL,
              "ACL_ERROR_GE_FORMAT_INVALID must be 145020 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_GE_SHAPE_INVALID) == 145021LL,
              "ACL_ERROR_GE_SHAPE_INVALID must be 145021 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_GE_DATATYPE_INVALID) == 145022LL,
              "ACL_ERROR_GE_DATATYPE_INVALID must be 145022 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_GE_MEMORY_ALLOCATION) == 245000LL,
              "ACL_ERROR_GE_MEMORY_ALLOCATION must be 245000 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_GE_MEMORY_OPERATE_FAILED) == 245001LL,
              "ACL_ERROR_GE_MEMORY_OPERATE_FAILED must be 245001 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_GE_DEVICE_MEMORY_OPERATE_FAILED) == 245002LL,
              "ACL_ERROR_GE_DEVICE_MEMORY_OPERATE_FAILED must be 245002 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_GE_SUBHEALTHY) == 345102LL,
              "ACL_ERROR_GE_SUBHEALTHY must be 345102 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_GE_USER_RAISE_EXCEPTION) == 345103LL,
              "ACL_ERROR_GE_USER_RAISE_EXCEPTION must be 345103 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_GE_DATA_NOT_ALIGNED) == 345104LL,
              "ACL_ERROR_GE_DATA_NOT_ALIGNED must be 345104 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_GE_INTERNAL_ERROR) == 545000LL,
              "ACL_ERROR_GE_INTERNAL_ERROR must be 545000 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_GE_LOAD_MODEL) == 545001LL,
              "ACL_ERROR_GE_LOAD_MODEL must be 545001 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_GE_EXEC_LOAD_MODEL_PARTITION_FAILED) == 545002LL,
              "ACL_ERROR_GE_EXEC_LOAD_MODEL_PARTITION_FAILED must be 545002 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_GE_EXEC_LOAD_WEIGHT_PARTITION_FAILED) == 545003LL,
              "ACL_ERROR_GE_EXEC_LOAD_WEIGHT_PARTITION_FAILED must be 545003 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_GE_EXEC_LOAD_TASK_PARTITION_FAILED) == 545004LL,
              "ACL_ERROR_GE_EXEC_LOAD_TASK_PARTITION_FAILED must be 545004 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_GE_EXEC_LOAD_KERNEL_PARTITION_FAILED) == 545005LL,
              "ACL_ERROR_GE_EXEC_LOAD_KERNEL_PARTITION_FAILED must be 545005 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_GE_EXEC_RELEASE_MODEL_DATA) == 545006LL,
              "ACL_ERROR_GE_EXEC_RELEASE_MODEL_DATA must be 545006 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_GE_COMMAND_HANDLE) == 545007LL,
              "ACL_ERROR_GE_COMMAND_HANDLE must be 545007 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_GE_GET_TENSOR_INFO) == 545008LL,
              "ACL_ERROR_GE_GET_TENSOR_INFO must be 545008 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_GE_UNLOAD_MODEL) == 545009LL,
              "ACL_ERROR_GE_UNLOAD_MODEL must be 545009 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_GE_MODEL_EXECUTE_TIMEOUT) == 545601LL,
              "ACL_ERROR_GE_MODEL_EXECUTE_TIMEOUT must be 545601 as in CANN");
static_assert(static_cast<long long>(ACL_ERROR_GE_REDEPLOYING) == 545602LL,
              "ACL_ERROR_GE_REDEPLOYING must be 545602 as in CANN");

namespace {
// Takes the address of every function, so that the link fails when one is not defined.
using AnyFunction = void (*)();
template <typename F>
AnyFunction Erase(F *function) {
    return reinterpret_cast<AnyFunction>(function);
}
const AnyFunction kEveryFunction[] = {
    Erase(&aclFloat16ToFloat),
    Erase(&aclFloatToFloat16),
    Erase(&aclCreateDataBuffer),
    Erase(&aclDestroyDataBuffer),
    Erase(&aclUpdateDataBuffer),
    Erase(&aclGetDataBufferAddr),
    Erase(&aclGetDataBufferSize),
    Erase(&aclGetDataBufferSizeV2),
    Erase(&aclDataTypeSize),
    Erase(&aclAppLog),
    Erase(&aclrtGetSocName),
    Erase(&aclGetCannAttributeList),
    Erase(&aclGetCannAttribute),
    Erase(&aclGetDeviceCapability),
    Erase(&aclInit),
    Erase(&aclFinalize),
    Erase(&aclFinalizeReference),
    Erase(&aclGetRecentErrMsg),
    Erase(&aclsysGetCANNVersion),
    Erase(&aclsysGetVersionStr),
    Erase(&aclsysGetVersionNum),
    Erase(&aclrtPeekAtLastError),
    Erase(&aclrtGetLastError),
    Erase(&aclrtSetExceptionInfoCallback),
    Erase(&aclrtExceptionInfoCallbackRegister),
    Erase(&aclrtExceptionInfoCallbackUnregister),
    Erase(&aclrtGetTaskIdFromExceptionInfo),
    Erase(&aclrtGetStreamIdFromExceptionInfo),
    Erase(&aclrtGetThreadIdFromExceptionInfo),
    Erase(&aclrtGetDeviceIdFromExceptionInfo),
    Erase(&aclrtGetErrorCodeFromExceptionInfo),
    Erase(&aclrtGetArgsFromExceptionInfo),
    Erase(&aclrtGetFuncHandleFromExceptionInfo),
    Erase(&aclrtBinarySetExceptionCallback),
    Erase(&aclrtSubscribeReport),
    Erase(&aclrtLaunchCallback),
    Erase(&aclrtProcessReport),
    Erase(&aclrtUnSubscribeReport),
    Erase(&aclrtCreateContext),
    Erase(&aclrtDestroyContext),
    Erase(&aclrtSetCurrentContext),
    Erase(&aclrtGetCurrentContext),
    Erase(&aclrtCtxGetSysParamOpt),
    Erase(&aclrtCtxSetSysParamOpt),
    Erase(&aclrtGetSysParamOpt),
    Erase(&aclrtSetSysParamOpt),
    Erase(&aclrtSetDevice),
    Erase(&aclrtResetDevice),
    Erase(&aclrtResetDeviceForce),
    Erase(&aclrtGetDevice),
    Erase(&aclrtSetStreamFailureMode),
    Erase(&aclrtGetRunMode),
    Erase(&aclrtSynchronizeDevice),
    Erase(&aclrtSynchronizeDeviceWithTimeout),
    Erase(&aclrtSetTsDevice),
    Erase(&aclrtGetDeviceUtilizationRate),
    Erase(&aclrtGetDeviceCount),
    Erase(&aclrtCreateEvent),
    Erase(&aclrtCreateEventWithFlag),
    Erase(&aclrtCreateEventExWithFlag),
    Erase(&aclrtDestroyEvent),
    Erase(&aclrtRecordEvent),
    Erase(&aclrtRecordEventWithFlag),
    Erase(&aclrtResetEvent),
    Erase(&aclrtQueryEvent),
    Erase(&aclrtQueryEventStatus),
    Erase(&aclrtQueryEventWaitStatus),
    Erase(&aclrtSynchronizeEvent),
    Erase(&aclrtSynchronizeEventWithTimeout),
    Erase(&aclrtEventElapsedTime),
    Erase(&aclrtEventGetTimestamp),
    Erase(&aclrtMalloc),
    Erase(&aclrtMallocAlign32),
    Erase(&aclrtMallocCached),
    Erase(&aclrtMallocWithCfg),
    Erase(&aclrtMallocForTaskScheduler),
    Erase(&aclrtMallocHostWithCfg),
    Erase(&aclrtPointerGetAttributes),
    Erase(&aclrtMemManagedGetAttr),
    Erase(&aclrtMemManagedGetAttrs),
    Erase(&aclrtHostRegister),
    Erase(&aclrtHostRegisterV2),
    Erase(&aclrtHostGetDevicePointer),
    Erase(&aclrtHostUnregister),
    Erase(&aclrtHostMemMapCapabilities),
    Erase(&aclrtGetThreadLastTaskId),
    Erase(&aclrtStreamGetId),
    Erase(&aclrtMemFlush),
    Erase(&aclrtMemInvalidate),
    Erase(&aclrtFree),
    Erase(&aclrtMallocHost),
    Erase(&aclrtMemAllocManaged),
    Erase(&aclrtFreeHost),
    Erase(&aclrtFreeWithDevSync),
    Erase(&aclrtFreeHostWithDevSync),
    Erase(&aclrtMemcpy),
    Erase(&aclrtMemset),
    Erase(&aclrtMemcpyAsync),
    Erase(&aclrtMemsetD32),
    Erase(&aclrtMemsetD32Async),
    Erase(&aclrtMemcpyAsyncWithCondition),
    Erase(&aclrtMemcpy2d),
    Erase(&aclrtMemcpy2dAsync),
    Erase(&aclrtGetSymbolAddress),
    Erase(&aclrtGetSymbolSize),
    Erase(&aclrtMemcpyFromSymbol),
    Erase(&aclrtMemcpyFromSymbolAsync),
    Erase(&aclrtMemcpyToSymbol),
    Erase(&aclrtMemcpyToSymbolAsync),
    Erase(&aclrtMemsetAsync),
    Erase(&aclrtMemManagedAdvise),
    Erase(&aclrtReserveMemAddress),
    Erase(&aclrtReleaseMemAddress),
    Erase(&aclrtMallocPhysical),
    Erase(&aclrtFreePhysical),
    Erase(&aclrtMapMem),
    Erase(&aclrtUnmapMem),
    Erase(&aclrtMemMapNoAccess),
    Erase(&aclrtCreateStreamConfigHandle),
    Erase(&aclrtDestroyStreamConfigHandle),
    Erase(&aclrtSetStreamConfigOpt),
    Erase(&aclrtCreateStream),
    Erase(&aclrtCreateStreamV2),
    Erase(&aclrtCreateStreamWithConfig),
    Erase(&aclrtDestroyStream),
    Erase(&aclrtDestroyStreamForce),
    Erase(&aclrtSynchronizeStream),
    Erase(&aclrtSynchronizeStreamWithTimeout),
    Erase(&aclrtStreamQuery),
    Erase(&aclrtStreamGetPriority),
    Erase(&aclrtStreamGetFlags),
    Erase(&aclrtStreamWaitEvent),
    Erase(&aclrtStreamWaitEventWithFlag),
    Erase(&aclrtStreamWaitEventWithTimeout),
    Erase(&aclrtSetGroup),
    Erase(&aclrtGetGroupCount),
    Erase(&aclrtCreateGroupInfo),
    Erase(&aclrtDestroyGroupInfo),
    Erase(&aclrtGetAllGroupInfo),
    Erase(&aclrtGetGroupInfoDetail),
    Erase(&aclrtDeviceCanAccessPeer),
    Erase(&aclrtDeviceEnablePeerAccess),
    Erase(&aclrtDeviceDisablePeerAccess),
    Erase(&aclrtGetMemInfo),
    Erase(&aclrtGetMemUsageInfo),
    Erase(&aclrtSetOpWaitTimeout),
    Erase(&aclrtSetOpExecuteTimeOut),
    Erase(&aclrtSetOpExecuteTimeOutWithMs),
    Erase(&aclrtSetOpExecuteTimeOutV2),
    Erase(&aclrtGetOpTimeOutInterval),
    Erase(&aclrtSetStreamOverflowSwitch),
    Erase(&aclrtGetStreamOverflowSwitch),
    Erase(&aclrtSetDeviceSatMode),
    Erase(&aclrtGetDeviceSatMode),
    Erase(&aclrtGetOverflowStatus),
    Erase(&aclrtResetOverflowStatus),
    Erase(&aclrtSubscribeHostFunc),
    Erase(&aclrtProcessHostFunc),
    Erase(&aclrtUnSubscribeHostFunc),
    Erase(&aclrtQueryDeviceStatus),
    Erase(&aclrtCreateBinary),
    Erase(&aclrtDestroyBinary),
    Erase(&aclrtBinaryLoad),
    Erase(&aclrtBinaryUnLoad),
    Erase(&aclrtBinaryGetFunction),
    Erase(&aclrtLaunchKernel),
    Erase(&aclrtMemExportToShareableHandle),
    Erase(&aclrtMemExportToShareableHandleV2),
    Erase(&aclrtMemImportFromShareableHandle),
    Erase(&aclrtMemImportFromShareableHandleV2),
    Erase(&aclrtMemSetPidToShareableHandle),
    Erase(&aclrtMemSetPidToShareableHandleV2),
    Erase(&aclrtMemGetAllocationGranularity),
    Erase(&aclrtDeviceGetBareTgid),
    Erase(&aclrtCmoAsync),
    Erase(&aclrtGetMemUceInfo),
    Erase(&aclrtDeviceTaskAbort),
    Erase(&aclrtMemUceRepair),
    Erase(&aclrtStreamAbort),
    Erase(&aclrtBinaryLoadFromFile),
    Erase(&aclrtBinaryGetDevAddress),
    Erase(&aclrtBinaryGetFunctionByEntry),
    Erase(&aclrtBinaryGetGlobal),
    Erase(&aclrtGetFuncBySymbol),
    Erase(&aclrtGetFunctionAddr),
    Erase(&aclrtGetFunctionSize),
    Erase(&aclrtGetMemcpyDescSize),
    Erase(&aclrtSetMemcpyDesc),
    Erase(&aclrtMemcpyAsyncWithOffset),
    Erase(&aclrtMemcpyAsyncWithDesc),
    Erase(&aclrtKernelArgsGetHandleMemSize),
    Erase(&aclrtKernelArgsGetMemSize),
    Erase(&aclrtKernelArgsInit),
    Erase(&aclrtKernelArgsInitByUserMem),
    Erase(&aclrtKernelArgsAppend),
    Erase(&aclrtKernelArgsAppendPlaceHolder),
    Erase(&aclrtKernelArgsGetPlaceHolderBuffer),
    Erase(&aclrtKernelArgsParaUpdate),
    Erase(&aclrtLaunchKernelWithConfig),
    Erase(&aclmdlRITaskGetParams),
    Erase(&aclmdlRITaskSetParams),
    Erase(&aclmdlRIKernelTaskGetAttribute),
    Erase(&aclmdlRIUpdate),
    Erase(&aclmdlRITaskDisable),
    Erase(&aclrtKernelArgsFinalize),
    Erase(&aclrtValueWrite),
    Erase(&aclrtValueWait),
    Erase(&aclrtGetStreamAvailableNum),
    Erase(&aclrtSetStreamAttribute),
    Erase(&aclrtGetStreamAttribute),
    Erase(&aclrtCreateNotify),
    Erase(&aclrtDestroyNotify),
    Erase(&aclrtCntNotifyCreate),
    Erase(&aclrtCntNotifyDestroy),
    Erase(&aclrtRecordNotify),
    Erase(&aclrtWaitAndResetNotify),
    Erase(&aclrtGetNotifyId),
    Erase(&aclrtGetEventId),
    Erase(&aclrtGetEventAvailNum),
    Erase(&aclrtGetDeviceInfo),
    Erase(&aclrtDeviceGetStreamPriorityRange),
    Erase(&aclrtGetDeviceCapability),
    Erase(&aclrtDeviceGetUuid),
    Erase(&aclrtDeviceSetLimit),
    Erase(&aclrtDeviceGetLimit),
    Erase(&aclrtDeviceGetPCIBusId),
    Erase(&aclrtDeviceGetByPCIBusId),
    Erase(&aclrtDeviceGetHostAtomicCapabilities),
    Erase(&aclrtDeviceGetP2PAtomicCapabilities),
    Erase(&aclrtCtxGetCurrentDefaultStream),
    Erase(&aclrtGetPrimaryCtxState),
    Erase(&aclrtReduceAsync),
    Erase(&aclrtGetDeviceResLimit),
    Erase(&aclrtSetDeviceResLimit),
    Erase(&aclrtResetDeviceResLimit),
    Erase(&aclrtGetStreamResLimit),
    Erase(&aclrtSetStreamResLimit),
    Erase(&aclrtResetStreamResLimit),
    Erase(&aclrtUseStreamResInCurrentThread),
    Erase(&aclrtUnuseStreamResInCurrentThread),
    Erase(&aclrtGetResInCurrentThread),
    Erase(&aclrtCreateLabel),
    Erase(&aclrtSetLabel),
    Erase(&aclrtDestroyLabel),
    Erase(&aclrtCreateLabelList),
    Erase(&aclrtDestroyLabelList),
    Erase(&aclrtSwitchLabelByIndex),
    Erase(&aclrtActiveStream),
    Erase(&aclrtSwitchStream),
    Erase(&aclrtGetFunctionName),
    Erase(&aclrtGetBufFromChain),
    Erase(&aclrtGetBufChainNum),
    Erase(&aclrtAppendBufChain),
    Erase(&aclrtCopyBufRef),
    Erase(&aclrtGetBufUserData),
    Erase(&aclrtSetBufUserData),
    Erase(&aclrtGetBufData),
    Erase(&aclrtGetBufDataLen),
    Erase(&aclrtSetBufDataLen),
    Erase(&aclrtFreeBuf),
    Erase(&aclrtAllocBuf),
    Erase(&aclrtBinaryLoadFromData),
    Erase(&aclrtRegisterCpuFunc),
    Erase(&aclrtCmoAsyncWithBarrier),
    Erase(&aclrtCmoWaitBarrier),
    Erase(&aclrtGetDevicesTopo),
    Erase(&aclrtMemcpyBatch),
    Erase(&aclrtMemcpyBatchV2),
    Erase(&aclrtMemcpyBatchAsync),
    Erase(&aclrtMemcpyBatchAsyncV2),
    Erase(&aclrtIpcMemGetExportKey),
    Erase(&aclrtIpcMemClose),
    Erase(&aclrtIpcMemImportByKey),
    Erase(&aclrtIpcMemSetImportPid),
    Erase(&aclrtIpcMemSetAttr),
    Erase(&aclrtIpcMemImportPidInterServer),
    Erase(&aclrtNotifyBatchReset),
    Erase(&aclrtNotifyGetExportKey),
    Erase(&aclrtNotifyImportByKey),
    Erase(&aclrtNotifySetImportPid),
    Erase(&aclrtNotifySetImportPidInterServer),
    Erase(&aclmdlRICaptureBegin),
    Erase(&aclmdlRICaptureGetInfo),
    Erase(&aclmdlRICaptureEnd),
    Erase(&aclmdlRIDebugPrint),
    Erase(&aclmdlRIDebugJsonPrint),
    Erase(&aclmdlRICaptureThreadExchangeMode),
    Erase(&aclmdlRIExecuteAsync),
    Erase(&aclmdlRIExecute),
    Erase(&aclmdlRIDestroy),
    Erase(&aclmdlRICaptureTaskGrpBegin),
    Erase(&aclmdlRICaptureTaskGrpEnd),
    Erase(&aclmdlRICaptureTaskUpdateBegin),
    Erase(&aclmdlRICaptureTaskUpdateEnd),
    Erase(&aclmdlRIBuildBegin),
    Erase(&aclmdlRIBindStream),
    Erase(&aclmdlRIEndTask),
    Erase(&aclmdlRIBuildEnd),
    Erase(&aclmdlRIUnbindStream),
    Erase(&aclmdlRISetName),
    Erase(&aclmdlRIGetName),
    Erase(&aclmdlRIGetId),
    Erase(&aclmdlRIDestroyRegisterCallback),
    Erase(&aclmdlRIDestroyUnregisterCallback),
    Erase(&aclmdlInitDump),
    Erase(&aclmdlSetDump),
    Erase(&aclmdlFinalizeDump),
    Erase(&aclmdlRIGetStreams),
    Erase(&aclmdlRIGetTasksByStream),
    Erase(&aclmdlRITaskGetType),
    Erase(&aclmdlRITaskGetSeqId),
    Erase(&aclrtGetVersion),
    Erase(&aclInitCallbackRegister),
    Erase(&aclInitCallbackUnRegister),
    Erase(&aclFinalizeCallbackRegister),
    Erase(&aclFinalizeCallbackUnRegister),
    Erase(&aclrtCheckMemType),
    Erase(&aclrtGetLogicDevIdByUserDevId),
    Erase(&aclrtGetUserDevIdByLogicDevId),
    Erase(&aclrtGetLogicDevIdByPhyDevId),
    Erase(&aclrtGetPhyDevIdByLogicDevId),
    Erase(&aclrtGetUserDevIdByPhyDevId),
    Erase(&aclrtGetPhyDevIdByUserDevId),
    Erase(&aclrtProfTrace),
    Erase(&aclrtLaunchKernelV2),
    Erase(&aclrtLaunchKernelWithHostArgs),
    Erase(&aclrtLaunchKernelWithArgsArray),
    Erase(&aclrtLaunchSIMTKernelWithArgsArray),
    Erase(&aclrtLaunchSIMTKernelWithHostArgs),
    Erase(&aclrtCtxGetFloatOverflowAddr),
    Erase(&aclrtGetFloatOverflowStatus),
    Erase(&aclrtResetFloatOverflowStatus),
    Erase(&aclrtNpuGetFloatOverFlowStatus),
    Erase(&aclrtNpuClearFloatOverFlowStatus),
    Erase(&aclrtLaunchHostFunc),
    Erase(&aclrtGetHardwareSyncAddr),
    Erase(&aclrtRandomNumAsync),
    Erase(&aclrtRegStreamStateCallback),
    Erase(&aclrtRegDeviceStateCallback),
    Erase(&aclrtSetDeviceTaskAbortCallback),
    Erase(&aclrtGetOpExecuteTimeout),
    Erase(&aclrtDevicePeerAccessStatus),
    Erase(&aclrtStreamStop),
    Erase(&aclrtTaskUpdateAsync),
    Erase(&aclrtCmoGetDescSize),
    Erase(&aclrtCmoSetDesc),
    Erase(&aclrtCmoAsyncWithDesc),
    Erase(&aclrtCheckArchCompatibility),
    Erase(&aclmdlRIAbort),
    Erase(&aclmdlRICondHandleCreate),
    Erase(&aclmdlRICondHandleGetCondPtr),
    Erase(&aclmdlRIAddCondTask),
    Erase(&aclmdlRICaptureToModelRIBegin),
    Erase(&aclrtCntNotifyRecord),
    Erase(&aclrtCntNotifyWaitWithTimeout),
    Erase(&aclrtCntNotifyReset),
    Erase(&aclrtCntNotifyGetId),
    Erase(&aclrtPersistentTaskClean),
    Erase(&aclrtGetErrorVerbose),
    Erase(&aclrtRepairError),
    Erase(&aclrtMemSetAccess),
    Erase(&aclrtMemGetAccess),
    Erase(&aclrtSnapShotProcessLock),
    Erase(&aclrtSnapShotProcessUnlock),
    Erase(&aclrtSnapShotProcessBackup),
    Erase(&aclrtSnapShotProcessRestore),
    Erase(&aclrtSnapShotCallbackRegister),
    Erase(&aclrtSnapShotCallbackUnregister),
    Erase(&aclrtCacheLastTaskOpInfo),
    Erase(&aclrtCacheLastTaskExtendInfo),
    Erase(&aclrtGetFunctionAttribute),
    Erase(&aclrtFunctionGetBinary),
    Erase(&aclrtFunctionGetParamCount),
    Erase(&aclrtFunctionGetParamInfo),
    Erase(&aclrtFunctionGetAvailDynUbufPerBlock),
    Erase(&aclrtIpcGetEventHandle),
    Erase(&aclrtIpcOpenEventHandle),
    Erase(&aclrtMemRetainAllocationHandle),
    Erase(&aclrtMemGetAllocationPropertiesFromHandle),
    Erase(&aclrtReserveMemAddressNoUCMemory),
    Erase(&aclrtMemGetAddressRange),
    Erase(&aclrtMemP2PMap),
    Erase(&aclrtMemManagedPrefetchAsync),
    Erase(&aclrtMemManagedPrefetchBatchAsync),
    Erase(&aclrtMemMapSelectedLink),
    Erase(&aclrtDeviceL2CacheFlush),
    Erase(&aclrtMemMapSetLink),
    Erase(&aclrtAllocatorCreateDesc),
    Erase(&aclrtAllocatorDestroyDesc),
    Erase(&aclrtAllocatorSetObjToDesc),
    Erase(&aclrtAllocatorSetAllocFuncToDesc),
    Erase(&aclrtAllocatorSetFreeFuncToDesc),
    Erase(&aclrtAllocatorSetAllocAdviseFuncToDesc),
    Erase(&aclrtAllocatorSetGetAddrFromBlockFuncToDesc),
    Erase(&aclrtAllocatorRegister),
    Erase(&aclrtAllocatorGetByStream),
    Erase(&aclrtAllocatorUnregister),
    Erase(&aclprofInit),
    Erase(&aclprofFinalize),
    Erase(&aclprofStart),
    Erase(&aclprofCreateConfig),
    Erase(&aclprofDestroyConfig),
    Erase(&aclprofStop),
    Erase(&aclprofSetConfig),
    Erase(&aclprofModelSubscribe),
    Erase(&aclprofModelUnSubscribe),
    Erase(&aclprofCreateSubscribeConfig),
    Erase(&aclprofDestroySubscribeConfig),
    Erase(&aclprofGetOpDescSize),
    Erase(&aclprofGetOpNum),
    Erase(&aclprofGetOpTypeLen),
    Erase(&aclprofGetOpType),
    Erase(&aclprofGetOpNameLen),
    Erase(&aclprofGetOpName),
    Erase(&aclprofGetOpStart),
    Erase(&aclprofGetOpEnd),
    Erase(&aclprofGetOpDuration),
    Erase(&aclprofGetModelId),
    Erase(&aclprofGetOpFlag),
    Erase(&aclprofGetOpAttriValue),
    Erase(&aclprofGetStepTimestamp),
    Erase(&aclprofCreateStepInfo),
    Erase(&aclprofDestroyStepInfo),
    Erase(&aclprofCreateStamp),
    Erase(&aclprofDestroyStamp),
    Erase(&aclprofPush),
    Erase(&aclprofPop),
    Erase(&aclprofRangeStart),
    Erase(&aclprofRangeStop),
    Erase(&aclprofSetStampTraceMessage),
    Erase(&aclprofMark),
    Erase(&aclprofMarkEx),
    Erase(&aclprofStr2Id),
    Erase(&aclprofRangePushEx),
    Erase(&aclprofRangePop),
    Erase(&acldumpRegCallback),
    Erase(&acldumpUnregCallback),
    Erase(&aclopStartDumpArgs),
    Erase(&aclopStopDumpArgs),
    Erase(&acldumpGetPath),
    Erase(&acldumpSaveExceptionInfo),
    Erase(&acldumpGetExceptionInfoPath),
    Erase(&aclCreateTensor),
    Erase(&aclCreateScalar),
    Erase(&aclCreateIntArray),
    Erase(&aclCreateFloatArray),
    Erase(&aclCreateBoolArray),
    Erase(&aclCreateTensorList),
    Erase(&aclCreateScalarList),
    Erase(&aclDestroyTensor),
    Erase(&aclDestroyScalar),
    Erase(&aclDestroyIntArray),
    Erase(&aclDestroyFloatArray),
    Erase(&aclDestroyBoolArray),
    Erase(&aclDestroyTensorList),
    Erase(&aclDestroyScalarList),
    Erase(&aclGetViewShape),
    Erase(&aclGetStorageShape),
    Erase(&aclGetViewStrides),
    Erase(&aclGetViewOffset),
    Erase(&aclGetFormat),
    Erase(&aclGetDataType),
    Erase(&aclGetIntArraySize),
    Erase(&aclGetFloatArraySize),
    Erase(&aclGetBoolArraySize),
    Erase(&aclGetTensorListSize),
    Erase(&aclGetScalarListSize),
    Erase(&aclInitTensor),
    Erase(&aclSetAclOpExecutorRepeatable),
    Erase(&aclDestroyAclOpExecutor),
    Erase(&aclSetInputTensorAddr),
    Erase(&aclSetOutputTensorAddr),
    Erase(&aclSetDynamicInputTensorAddr),
    Erase(&aclSetDynamicOutputTensorAddr),
    Erase(&aclSetTensorAddr),
    Erase(&aclSetDynamicTensorAddr),
    Erase(&aclSetRawTensorAddr),
    Erase(&aclGetRawTensorAddr),
    Erase(&aclDumpOpTensors),
    Erase(&aclnnInit),
    Erase(&aclnnFinalize),
};
} // namespace

int main() {
    for (AnyFunction function : kEveryFunction) {
        if (function == nullptr) {
            return 1;
        }
    }
    return 0;
}
