// The captures in progress, by model, so that what a captured task uses is kept with the model
// it was recorded into. A component below the objects: it knows streams only by their ACL handle.
#ifndef ACLGRAPH4J_SHIM_CAPTURE_REGISTRY_H
#define ACLGRAPH4J_SHIM_CAPTURE_REGISTRY_H

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <utility>
#include <vector>

#include "acl_api.h"
#include "retention.h"

namespace agj {

// Where the tasks of a capture keep their objects; outlives the capture as the model's retention.
struct CaptureRecord {
    CaptureRecord() = default;
    CaptureRecord(const CaptureRecord &) = delete;
    CaptureRecord &operator=(const CaptureRecord &) = delete;
    // Runs the deferred destructions: the capture has ended (or its device was reset) by the time
    // the record goes.
    ~CaptureRecord();
    // A stream released while joined to the capture cannot be destroyed before the capture ends:
    // the record runs `destroy` then.
    void deferDestroy(std::function<void()> destroy);

    aclmdlRI model = nullptr;
    std::weak_ptr<Object> origin;       // the stream object that began the capture
    aclrtStream originStream = nullptr; // its ACL stream, valid while `origin` lives
    Retention objects;
    std::mutex groupsMutex;
    std::vector<std::shared_ptr<Retention>> groups; // one per task group, replaced on task update
    std::atomic<bool> modelReleased{false};         // its handle released (or the model destroyed)
    std::atomic<bool> modelPublished{false};        // the capture ended with a model (agj_capture_end)

    // Destroy notices (agj_model_on_destroy): the cookies go to the process's queue once, when the
    // runtime's destroy callback (aclmdlRIDestroyRegisterCallback) or else the shim, after
    // aclmdlRIDestroy, reports the model destroyed.
    void addDestroyCookie(int64_t cookie);
    void notifyDestroyed() noexcept;

    // Eager copies into the values of the model's conditions (agj_condition_copy_async on a stream
    // that does not capture): destroying the model frees those values, so whoever destroys it first
    // waits for each such stream's last copy. Records an event after the copy just issued on `stream`
    // (the device's context current); ACL's error.
    aclError noteEagerWrite(aclrtStream stream);
    // Waits for the noted copies (the device's context current) and forgets them.
    void awaitEagerWrites() noexcept;

private:
    std::mutex eagerMutex_;
    std::vector<std::pair<aclrtStream, aclrtEvent>> eagerWrites_; // one event per stream, re-recorded
    std::mutex destroyMutex_;
    std::vector<int64_t> destroyCookies_;
    bool destroyNotified_ = false;
    std::mutex deferredMutex_;
    std::vector<std::function<void()>> deferred_;
};

class CaptureRegistry {
public:
    // Whether any capture is registered (a lock-free check for the hot path).
    bool anyActive() const noexcept { return active_.load(std::memory_order_acquire) > 0; }
    // The capture `stream` takes part in (as origin or joined), or null.
    std::shared_ptr<CaptureRecord> find(aclrtStream stream);
    // Registers a capture just begun, replacing an ended capture's record at a reused address.
    void begin(std::shared_ptr<CaptureRecord> record);
    // Forgets the capture of `model`, if registered.
    void forget(aclmdlRI model);
    // Registers the capture of a conditional task's body: its tasks keep their objects with the
    // top-level capture's record (forget(body) when the body's capture ends).
    void joinBody(aclmdlRI body, std::shared_ptr<CaptureRecord> root);
    // Whether `record` is a capture still registered (under its own model).
    bool holds(const CaptureRecord &record);
    // Forgets the captures the runtime ended on its own, releasing what their tasks kept alive: a
    // device reset ends every capture one of its streams joined, discarding the model. Records
    // die outside the lock (with them objects whose destructors may come back here).
    void forgetEnded();
    // Forgets every capture (the runtime closes).
    void clear();

private:
    std::atomic<int> active_{0};
    std::mutex mutex_;
    std::unordered_map<aclmdlRI, std::shared_ptr<CaptureRecord>> records_;
};

// The process's registry.
CaptureRegistry &Captures();

// The runtime's destroy callback of captured models (userData: the model's CaptureRecord).
extern "C" void AgjModelDestroyed(void *userData);

// Takes up to `capacity` cookies of destroyed models, oldest first; returns how many.
size_t TakeDestroyedCookies(int64_t *out, size_t capacity);

} // namespace agj

#endif
