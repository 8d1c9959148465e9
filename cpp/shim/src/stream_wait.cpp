#include "stream_wait.h"

#include <string>

#include "entry.h"

namespace agj {

int32_t WaitForStream(const char *entry, Stream &s, int32_t timeoutMs, bool &drained, const Object *alsoHeld) {
    drained = false;
    const AclApi &api = Api();
    uint64_t mark = s.inFlightMark(); // only what was issued before the synchronisation is done
    // Releases of other objects on other threads need not wait for this synchronisation.
    CallGate::Wait wait(Runtime().gate, {&s, alsoHeld});
    aclError status;
    if (timeoutMs == -1) {
        status = api.aclrtSynchronizeStream(s.handle());
    } else {
        if (timeoutMs <= 0) {
            return InvalidArgument(entry, "timeout must be -1 (forever) or a positive number of milliseconds, not " +
                                              std::to_string(timeoutMs));
        }
        if (api.aclrtSynchronizeStreamWithTimeout == nullptr) {
            return Fail(AGJ_ERR_BACKEND, entry, "the backend lacks aclrtSynchronizeStreamWithTimeout");
        }
        status = api.aclrtSynchronizeStreamWithTimeout(s.handle(), timeoutMs);
    }
    // The stream drained (or reported a failed task, which ends its work): drop what its tasks
    // kept alive. Refused while capturing, or timed out: tasks may still run, keep everything.
    drained = status == ACL_SUCCESS || (status >= 500000 && status != ACL_ERROR_RT_STREAM_SYNC_TIMEOUT);
    if (drained) {
        s.releaseCompleted(mark);
    }
    if (status != ACL_SUCCESS) {
        return AclFail(timeoutMs == -1 ? "aclrtSynchronizeStream" : "aclrtSynchronizeStreamWithTimeout", status);
    }
    return AGJ_OK;
}

void WaitBeforeRelease(const char *entry, Stream &s) {
    aclmdlRICaptureStatus capturing = ACL_MODEL_RI_CAPTURE_STATUS_NONE;
    if (s.device()->makeCurrent() == ACL_SUCCESS &&
        Api().aclmdlRICaptureGetInfo(s.handle(), &capturing, nullptr) == ACL_SUCCESS &&
        capturing == ACL_MODEL_RI_CAPTURE_STATUS_NONE) {
        bool drained = false;
        WaitForStream(entry, s, -1, drained);
    }
    DiscardRecentErrors();
}

} // namespace agj
