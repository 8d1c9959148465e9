// Functions of CANN's runtime headers the simulator declares but does not simulate, for kernel binaries, functions,
// symbols and kernel launches (the simulator runs only its aclnn operators). Each fails as not_simulated.h says; all
// are listed in docs/simulator.md ("Declared, not simulated").
#include "not_simulated.h"

extern "C" {

ACLSIM_NOT_SIMULATED(aclrtGetArgsFromExceptionInfo,
                     (const aclrtExceptionInfo *info, void **devArgsPtr, uint32_t *devArgsLen))
ACLSIM_NOT_SIMULATED(aclrtGetFuncHandleFromExceptionInfo, (const aclrtExceptionInfo *info, aclrtFuncHandle *func))
ACLSIM_NOT_SIMULATED(aclrtBinarySetExceptionCallback,
                     (aclrtBinHandle binHandle, aclrtOpExceptionCallback callback, void *userData))
ACLSIM_NOT_SIMULATED(aclrtGetSymbolAddress, (const void *symbol, void **devPtr))
ACLSIM_NOT_SIMULATED(aclrtGetSymbolSize, (const void *symbol, size_t *size))
ACLSIM_NOT_SIMULATED(aclrtMemcpyFromSymbol,
                     (void *dst, size_t dstMax, const void *symbol, size_t count, size_t offset, aclrtMemcpyKind kind))
ACLSIM_NOT_SIMULATED(aclrtMemcpyFromSymbolAsync, (void *dst, size_t dstMax, const void *symbol, size_t count,
                                                  size_t offset, aclrtMemcpyKind kind, aclrtStream stream))
ACLSIM_NOT_SIMULATED(aclrtMemcpyToSymbol,
                     (const void *symbol, const void *src, size_t count, size_t offset, aclrtMemcpyKind kind))
ACLSIM_NOT_SIMULATED(aclrtMemcpyToSymbolAsync, (const void *symbol, const void *src, size_t count, size_t offset,
                                                aclrtMemcpyKind kind, aclrtStream stream))
ACLSIM_NOT_SIMULATED_NULL(aclrtBinary, aclrtCreateBinary, (const void *data, size_t dataLen))
ACLSIM_NOT_SIMULATED(aclrtDestroyBinary, (aclrtBinary binary))
ACLSIM_NOT_SIMULATED(aclrtBinaryLoad, (const aclrtBinary binary, aclrtBinHandle *binHandle))
ACLSIM_NOT_SIMULATED(aclrtBinaryUnLoad, (aclrtBinHandle binHandle))
ACLSIM_NOT_SIMULATED(aclrtBinaryGetFunction,
                     (const aclrtBinHandle binHandle, const char *kernelName, aclrtFuncHandle *funcHandle))
ACLSIM_NOT_SIMULATED(aclrtLaunchKernel, (aclrtFuncHandle funcHandle, uint32_t numBlocks, const void *argsData,
                                         size_t argsSize, aclrtStream stream))
ACLSIM_NOT_SIMULATED(aclrtBinaryLoadFromFile,
                     (const char *binPath, aclrtBinaryLoadOptions *options, aclrtBinHandle *binHandle))
ACLSIM_NOT_SIMULATED(aclrtBinaryGetDevAddress, (const aclrtBinHandle binHandle, void **binAddr, size_t *binSize))
ACLSIM_NOT_SIMULATED(aclrtBinaryGetFunctionByEntry,
                     (aclrtBinHandle binHandle, uint64_t funcEntry, aclrtFuncHandle *funcHandle))
ACLSIM_NOT_SIMULATED(aclrtBinaryGetGlobal, (aclrtBinHandle binHandle, const char *name, void **dptr, size_t *size))
ACLSIM_NOT_SIMULATED(aclrtGetFuncBySymbol, (const void *symbol, aclrtFuncHandle *funcHandle))
ACLSIM_NOT_SIMULATED(aclrtGetFunctionAddr, (aclrtFuncHandle funcHandle, void **aicAddr, void **aivAddr))
ACLSIM_NOT_SIMULATED(aclrtGetFunctionSize, (aclrtFuncHandle funcHandle, size_t *aicSize, size_t *aivSize))
ACLSIM_NOT_SIMULATED(aclrtKernelArgsGetHandleMemSize, (aclrtFuncHandle funcHandle, size_t *memSize))
ACLSIM_NOT_SIMULATED(aclrtKernelArgsGetMemSize,
                     (aclrtFuncHandle funcHandle, size_t userArgsSize, size_t *actualArgsSize))
ACLSIM_NOT_SIMULATED(aclrtKernelArgsInit, (aclrtFuncHandle funcHandle, aclrtArgsHandle *argsHandle))
ACLSIM_NOT_SIMULATED(aclrtKernelArgsInitByUserMem,
                     (aclrtFuncHandle funcHandle, aclrtArgsHandle argsHandle, void *userHostMem, size_t actualArgsSize))
ACLSIM_NOT_SIMULATED(aclrtKernelArgsAppend,
                     (aclrtArgsHandle argsHandle, void *param, size_t paramSize, aclrtParamHandle *paramHandle))
ACLSIM_NOT_SIMULATED(aclrtKernelArgsAppendPlaceHolder, (aclrtArgsHandle argsHandle, aclrtParamHandle *paramHandle))
ACLSIM_NOT_SIMULATED(aclrtKernelArgsGetPlaceHolderBuffer,
                     (aclrtArgsHandle argsHandle, aclrtParamHandle paramHandle, size_t dataSize, void **bufferAddr))
ACLSIM_NOT_SIMULATED(aclrtKernelArgsParaUpdate,
                     (aclrtArgsHandle argsHandle, aclrtParamHandle paramHandle, void *param, size_t paramSize))
ACLSIM_NOT_SIMULATED(aclrtLaunchKernelWithConfig,
                     (aclrtFuncHandle funcHandle, uint32_t numBlocks, aclrtStream stream, aclrtLaunchKernelCfg *cfg,
                      aclrtArgsHandle argsHandle, void *reserve))
ACLSIM_NOT_SIMULATED(aclrtKernelArgsFinalize, (aclrtArgsHandle argsHandle))
ACLSIM_NOT_SIMULATED(aclrtGetFunctionName, (aclrtFuncHandle funcHandle, uint32_t maxLen, char *name))
ACLSIM_NOT_SIMULATED(aclrtBinaryLoadFromData, (const void *data, size_t length, const aclrtBinaryLoadOptions *options,
                                               aclrtBinHandle *binHandle))
ACLSIM_NOT_SIMULATED(aclrtRegisterCpuFunc, (const aclrtBinHandle handle, const char *funcName, const char *kernelName,
                                            aclrtFuncHandle *funcHandle))
ACLSIM_NOT_SIMULATED(aclrtProfTrace, (void *userdata, int32_t length, aclrtStream stream))
ACLSIM_NOT_SIMULATED(aclrtLaunchKernelV2, (aclrtFuncHandle funcHandle, uint32_t numBlocks, const void *argsData,
                                           size_t argsSize, aclrtLaunchKernelCfg *cfg, aclrtStream stream))
ACLSIM_NOT_SIMULATED(aclrtLaunchKernelWithHostArgs,
                     (aclrtFuncHandle funcHandle, uint32_t numBlocks, aclrtStream stream, aclrtLaunchKernelCfg *cfg,
                      void *hostArgs, size_t argsSize, aclrtPlaceHolderInfo *placeHolderArray, size_t placeHolderNum))
ACLSIM_NOT_SIMULATED(aclrtLaunchKernelWithArgsArray,
                     (void *func, uint32_t numBlocks, aclrtStream stream, aclrtLaunchKernelCfg *cfg, void **args))
ACLSIM_NOT_SIMULATED(aclrtLaunchSIMTKernelWithArgsArray, (void *func, dim3 gridDim, dim3 blockDim, size_t dynUbufSize,
                                                          aclrtStream stream, aclrtLaunchKernelCfg *cfg, void **args))
ACLSIM_NOT_SIMULATED(aclrtLaunchSIMTKernelWithHostArgs,
                     (void *func, dim3 gridDim, dim3 blockDim, size_t dynUbufSize, aclrtStream stream,
                      aclrtLaunchKernelCfg *cfg, void *hostArgs, size_t argsSize,
                      aclrtPlaceHolderInfo *placeHolderArray, size_t placeHolderNum))
ACLSIM_NOT_SIMULATED(aclrtCheckArchCompatibility, (const char *socVersion, int32_t *canCompatible))
ACLSIM_NOT_SIMULATED(aclrtGetFunctionAttribute,
                     (aclrtFuncHandle funcHandle, aclrtFuncAttribute attrType, int64_t *attrValue))
ACLSIM_NOT_SIMULATED(aclrtFunctionGetBinary, (const aclrtFuncHandle funcHandle, aclrtBinHandle *binHandle))
ACLSIM_NOT_SIMULATED(aclrtFunctionGetParamCount, (const void *func, size_t *paramCount))
ACLSIM_NOT_SIMULATED(aclrtFunctionGetParamInfo,
                     (const void *func, size_t paramIndex, size_t *paramOffset, size_t *paramSize))
ACLSIM_NOT_SIMULATED(aclrtFunctionGetAvailDynUbufPerBlock, (void *func, uint32_t flags, size_t *dynamicUbufSize))

} // extern "C"
