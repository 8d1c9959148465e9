// The native objects the shim owns. Each holds shared_ptrs to what it depends on (a tensor its
// buffer, an executor its tensors and workspace, everything its device), so destruction order is
// right by construction: an object is destroyed only after everything that uses it.
#ifndef ACLGRAPH4J_SHIM_OBJECTS_H
#define ACLGRAPH4J_SHIM_OBJECTS_H

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "acl_api.h"
#include "aclgraph4j/shim.h"
#include "capture_registry.h"
#include "retention.h"
#include "task_update.h"
#include "tensor_layout.h"

namespace agj {

class Object : public std::enable_shared_from_this<Object> {
public:
    explicit Object(int32_t kind);
    virtual ~Object();
    Object(const Object &) = delete;
    Object &operator=(const Object &) = delete;

    int32_t kind() const noexcept { return kind_; }
    virtual std::string describe() const = 0;
    // The handle it was published under (0 before), named in live reports even once released.
    int64_t handle() const noexcept { return handle_.load(std::memory_order_relaxed); }
    void setHandle(int64_t handle) noexcept { handle_.store(handle, std::memory_order_relaxed); }
    // Its handle was just released (agj_release): what depends on the handle, not on the object
    // (which tasks in flight may keep a while longer), ends here.
    virtual void handleReleased() noexcept {}

private:
    int32_t kind_;
    std::atomic<int64_t> handle_{0};
};

const char *KindName(int32_t kind) noexcept;
int64_t LiveCount(int32_t kind) noexcept;
std::string LiveReport();

class Device final : public Object {
public:
    Device(int32_t id, aclrtContext context);
    ~Device() override;
    std::string describe() const override;
    // Makes the device's context current on the calling thread (cached per thread).
    aclError makeCurrent() const;
    int32_t id() const noexcept { return id_; }

private:
    int32_t id_;
    aclrtContext context_;
    uint64_t epoch_;
};

class Model;

class Stream final : public Object {
public:
    Stream(std::shared_ptr<Device> device, aclrtStream stream);
    ~Stream() override;
    std::string describe() const override;

    const std::shared_ptr<Device> &device() const noexcept { return device_; }
    aclrtStream handle() const noexcept { return stream_; }

    // Keeps `object` alive for a task just issued on this stream: in the capture (or task group)
    // it was recorded into, or until the stream is next synchronised.
    void retainForTask(const ObjectRef &object);
    // How many objects in-flight tasks have retained so far: take it before synchronising (or
    // querying), then releaseCompleted(mark) drops only what tasks issued before that kept alive,
    // never what another thread issued meanwhile.
    uint64_t inFlightMark() const noexcept;
    void releaseCompleted(uint64_t mark);

    // Models whose latest replay went to this stream with no event marking its end: marked
    // before the stream begins a capture (Model::ReplayOrder).
    void noteUnmarkedReplay(std::weak_ptr<Model> model);
    std::vector<std::weak_ptr<Model>> takeUnmarkedReplays();

    // Task-group and task-update routing for retention (guarded by mutex_).
    void setOpenGroup(std::shared_ptr<Retention> group);
    std::shared_ptr<Retention> takeOpenGroup();
    void beginUpdate(std::shared_ptr<Retention> group);
    // Ends task-update routing; on success the group's objects become those of the update.
    void endUpdate(bool success);

private:
    std::shared_ptr<Device> device_;
    aclrtStream stream_;
    std::mutex mutex_;
    std::vector<ObjectRef> inFlight_;
    // Written under mutex_, read without it by the synchronisation fast path.
    std::atomic<uint64_t> retained_{0}; // objects ever pushed to inFlight_
    std::atomic<uint64_t> released_{0}; // objects ever dropped from its front
    std::atomic<bool> routing_{false};  // openGroup_ or updatePending_ is set
    std::shared_ptr<Retention> openGroup_;
    std::shared_ptr<Retention> updateTarget_;
    std::shared_ptr<Retention> updatePending_;
    std::vector<std::weak_ptr<Model>> unmarkedReplays_; // guarded by mutex_
};

class Buffer final : public Object {
public:
    Buffer(int32_t kind, std::shared_ptr<Device> device, void *address, int64_t bytes);
    ~Buffer() override;
    std::string describe() const override;
    bool isHost() const noexcept { return kind() == AGJ_KIND_HOST_BUFFER; }
    void *address() const noexcept { return address_; }
    int64_t bytes() const noexcept { return bytes_; }
    const std::shared_ptr<Device> &device() const noexcept { return device_; }

private:
    std::shared_ptr<Device> device_;
    void *address_;
    int64_t bytes_;
};

class Tensor final : public Object {
public:
    Tensor(std::shared_ptr<Buffer> buffer, aclTensor *tensor, int32_t dataType, TensorLayout layout);
    ~Tensor() override;
    std::string describe() const override;
    aclTensor *handle() const noexcept { return tensor_; }
    const std::shared_ptr<Buffer> &buffer() const noexcept { return buffer_; }
    const TensorLayout &layout() const noexcept { return layout_; }

private:
    std::shared_ptr<Buffer> buffer_;
    aclTensor *tensor_;
    int32_t dataType_;
    TensorLayout layout_;
};

class Scalar final : public Object {
public:
    Scalar(aclScalar *scalar, int32_t dataType, std::string valueText);
    ~Scalar() override;
    std::string describe() const override;
    aclScalar *handle() const noexcept { return scalar_; }

private:
    aclScalar *scalar_;
    int32_t dataType_;
    std::string valueText_;
};

class Executor final : public Object {
public:
    Executor(int32_t op, aclOpExecutor *executor, LaunchFn launch, bool repeatable, std::shared_ptr<Buffer> workspace,
             uint64_t workspaceBytes, std::vector<ObjectRef> operands, std::shared_ptr<Device> device,
             std::shared_ptr<void> attributes = nullptr);
    ~Executor() override;
    std::string describe() const override;

    // Claims the executor for one launch: false when a single-use executor was already launched.
    bool claimLaunch() noexcept;
    aclnnStatus launch(aclrtStream stream) const;
    uint64_t workspaceBytes() const noexcept { return workspaceBytes_; }
    const std::shared_ptr<Device> &device() const noexcept { return device_; }

private:
    int32_t op_;
    aclOpExecutor *executor_;
    LaunchFn launch_;
    bool repeatable_;
    std::atomic<bool> launched_{false};
    std::shared_ptr<Buffer> workspace_;
    uint64_t workspaceBytes_;
    std::vector<ObjectRef> operands_;
    std::shared_ptr<Device> device_;
    std::shared_ptr<void> attributes_; // what the operator's attributes need kept (integer arrays)
};

class Event final : public Object {
public:
    Event(std::shared_ptr<Device> device, aclrtEvent event, int32_t flags);
    ~Event() override;
    std::string describe() const override;
    aclrtEvent handle() const noexcept { return event_; }
    const std::shared_ptr<Device> &device() const noexcept { return device_; }

private:
    std::shared_ptr<Device> device_;
    aclrtEvent event_;
    int32_t flags_;
};

class Model final : public Object {
public:
    Model(std::shared_ptr<Device> device, std::shared_ptr<CaptureRecord> record);
    ~Model() override;
    std::string describe() const override;
    // Its task groups and conditions refuse from now on, also while replays still hold the model.
    void handleReleased() noexcept override { record_->modelReleased.store(true); }
    aclmdlRI handle() const noexcept { return record_->model; }
    const std::shared_ptr<Device> &device() const noexcept { return device_; }
    CaptureRecord &record() const noexcept { return *record_; }

    // Replays of one model never overlap, whatever streams they are issued on (as CUDA orders the
    // launches of one executable graph): a replay on a stream other than the previous one's waits,
    // on the device, for an event recorded after the previous one. Guarded by replayOrder.
    struct ReplayOrder {
        std::mutex mutex;
        aclrtEvent previousDone = nullptr; // created at the first change of stream
        std::weak_ptr<Stream> previousStream;
        const Stream *previousStreamId = nullptr; // previousStream's address, compared without atomics
        bool previousRecorded = false;            // previousDone marks the end of the previous replay
        bool multiStream = false;                 // replayed on two streams: record after every replay
    };
    ReplayOrder &replayOrder() noexcept { return replayOrder_; }
    KernelUpdates &kernelUpdates() noexcept { return kernelUpdates_; }

private:
    std::shared_ptr<Device> device_;
    std::shared_ptr<CaptureRecord> record_;
    ReplayOrder replayOrder_;
    KernelUpdates kernelUpdates_; // after replayOrder_: its scratch models go first
};

class TaskGroup final : public Object {
public:
    TaskGroup(aclrtTaskGrp group, std::shared_ptr<CaptureRecord> record, std::shared_ptr<Retention> objects);
    std::string describe() const override;
    aclrtTaskGrp handle() const noexcept { return group_; }
    const std::shared_ptr<CaptureRecord> &record() const noexcept { return record_; }
    const std::shared_ptr<Retention> &objects() const noexcept { return objects_; }

private:
    aclrtTaskGrp group_;
    std::shared_ptr<CaptureRecord> record_;
    std::shared_ptr<Retention> objects_;
};

} // namespace agj

#endif
