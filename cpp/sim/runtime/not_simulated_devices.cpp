// Functions of CANN's runtime headers the simulator declares but does not simulate, for devices, contexts, streams,
// events, notifies, labels, resource limits, snapshots and state callbacks. Each fails as not_simulated.h says; all are
// listed in docs/simulator.md ("Declared, not simulated").
#include "not_simulated.h"

using aclsim::NotSimulated;

extern "C" {

ACL_FUNC_VISIBILITY aclError aclGetDeviceCapability(uint32_t deviceId, aclDeviceInfo deviceInfo, int64_t *value) {
    return NotSimulated("aclGetDeviceCapability");
}

ACL_FUNC_VISIBILITY aclError aclFinalizeReference(uint64_t *refCount) {
    return NotSimulated("aclFinalizeReference");
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

ACL_FUNC_VISIBILITY aclError aclrtGetThreadLastTaskId(uint32_t *taskId) {
    return NotSimulated("aclrtGetThreadLastTaskId");
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

ACL_FUNC_VISIBILITY aclError aclrtDeviceGetBareTgid(int32_t *pid) {
    return NotSimulated("aclrtDeviceGetBareTgid");
}

ACL_FUNC_VISIBILITY aclError aclrtDeviceTaskAbort(int32_t deviceId, uint32_t timeout) {
    return NotSimulated("aclrtDeviceTaskAbort");
}

ACL_FUNC_VISIBILITY aclError aclrtStreamAbort(aclrtStream stream) {
    return NotSimulated("aclrtStreamAbort");
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

ACL_FUNC_VISIBILITY aclError aclrtGetDevicesTopo(uint32_t deviceId, uint32_t otherDeviceId, uint64_t *value) {
    return NotSimulated("aclrtGetDevicesTopo");
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

ACL_FUNC_VISIBILITY aclError aclrtIpcGetEventHandle(aclrtEvent event, aclrtIpcEventHandle *handle) {
    return NotSimulated("aclrtIpcGetEventHandle");
}

ACL_FUNC_VISIBILITY aclError aclrtIpcOpenEventHandle(aclrtIpcEventHandle handle, aclrtEvent *event) {
    return NotSimulated("aclrtIpcOpenEventHandle");
}

} // extern "C"
