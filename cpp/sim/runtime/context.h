// Contexts (a device's streams and capture counts), the calling thread's capture state and the
// simulated release.
#ifndef ACLSIM_RUNTIME_CONTEXT_H
#define ACLSIM_RUNTIME_CONTEXT_H

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "errors.h"

namespace aclsim {

class Stream;

// The CANN release simulated where releases differ, as major * 100 + minor (default 902).
uint32_t SimulatedRelease();
// Whether captured events use hardware events (the device's IsUseHardwareEvent; default true).
bool HardwareCaptureEvents();

struct ThreadState {
    // Captures begun by this thread and still active, per mode (guarded by CaptureMutex()).
    int captureModeCounts[3] = {0, 0, 0};
    aclmdlRICaptureMode exchangeMode = ACL_MODEL_RI_CAPTURE_MODE_GLOBAL;
};
std::shared_ptr<ThreadState> CurrentThreadState();

class Context : public std::enable_shared_from_this<Context> {
public:
    Context(int32_t device, bool isDefault);
    ~Context();

    int32_t device() const { return device_; }
    bool isDefault() const { return isDefault_; }
    bool destroyed() const { return destroyed_.load(std::memory_order_acquire); }

    std::shared_ptr<Stream> defaultStream();
    void addStream(const std::shared_ptr<Stream> &stream);
    void removeStream(const Stream *stream);
    std::vector<std::shared_ptr<Stream>> streams();
    // Ends captures, waits for and destroys every stream; the context is unusable afterwards.
    void destroy();

    // Captures active in this context, per mode (guarded by CaptureMutex()).
    int captureModeCounts[3] = {0, 0, 0};
    std::atomic<int> activeCaptures{0};

private:
    int32_t device_;
    bool isDefault_;
    std::atomic<bool> destroyed_{false};
    std::mutex mutex_;
    std::shared_ptr<Stream> defaultStream_;
    std::vector<std::shared_ptr<Stream>> streams_;
};

// Whether aclInit has been called and aclFinalize not since.
bool AclInitialized();
// The calling thread's current context, or a 107002 failure naming `call`.
std::shared_ptr<Context> CurrentContext();
aclError RequireContext(const char *call, std::shared_ptr<Context> &out);
// The output `name` must not be NULL (ACL_ERROR_INVALID_PARAM), then as RequireContext.
aclError RequireThenContext(const char *call, const void *output, const char *name, std::shared_ptr<Context> &out);
// The queries of the current context: `output` (named `name`) receives read(context), after
// RequireThenContext's checks.
template <typename Out, typename Read>
aclError ReadCurrentContext(const char *call, Out *output, const char *name, Read read) {
    std::shared_ptr<Context> context;
    ACLSIM_RETURN_IF_FAILED(RequireThenContext(call, output, name, context));
    *output = read(*context);
    return ACL_SUCCESS;
}
// ApiImpl's context rule: an object (`what`: "stream", "model") of context `owner` is used where
// `expected` is the context (NULL: none); another gives `code` (107003 for a stream, 107004 for a
// model) with `remedy`.
aclError CheckContext(const char *call, const char *what, const Context &owner, const Context *expected, aclError code,
                      const char *remedy = "make its context current first");
// The same against the current context, which must exist (107002); `current` receives it.
aclError RequireCurrentContext(const char *call, const char *what, const Context &owner, aclError code,
                               std::shared_ptr<Context> *current = nullptr);
int32_t DeviceCount();

} // namespace aclsim

#endif
