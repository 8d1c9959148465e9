// The aclrt stream calls (create, destroy, synchronise, query, host functions) and task
// submission, which routes a task to the stream's worker, into the capture the stream belongs to,
// into a task update or into a model being built.
#include "runtime.h"

namespace aclsim {

aclError ResolveStream(const char *call, aclrtStream handle, std::shared_ptr<Stream> &out) {
    if (handle == nullptr) {
        std::shared_ptr<Context> context;
        ACLSIM_RETURN_IF_FAILED(RequireContext(call, context));
        out = context->defaultStream();
        return ACL_SUCCESS;
    }
    out = Streams().find(handle);
    if (out) {
        return ACL_SUCCESS;
    }
    // The handle aclrtCtxGetCurrentDefaultStream gave for the current context's default stream.
    if (auto context = CurrentContext(); context && context->defaultStream().get() == handle) {
        out = context->defaultStream();
        return ACL_SUCCESS;
    }
    return FindLive(call, Streams(), handle, "stream", out);
}

aclError SubmitToStream(const char *call, aclrtStream handle, Task &&task) {
    std::shared_ptr<Stream> stream;
    ACLSIM_RETURN_IF_FAILED(ResolveStream(call, handle, stream));
    return SubmitTask(call, stream, std::move(task));
}

aclError RequireStreamContext(const char *call, const Stream &stream, std::shared_ptr<Context> *current) {
    return RequireCurrentContext(call, "stream", *stream.context(), ACL_ERROR_RT_STREAM_CONTEXT, current);
}

aclError SubmitTask(const char *call, const std::shared_ptr<Stream> &stream, Task &&task) {
    if (!stream->captureFlag.load(std::memory_order_acquire) && !stream->boundFlag.load(std::memory_order_acquire)) {
        if (stream->isDefault() && stream->context()->activeCaptures.load(std::memory_order_acquire) > 0) {
            return Fail(ACL_ERROR_RT_STREAM_CAPTURE_IMPLICIT, call,
                        "a capture is active in this context and the default stream takes no part in captures: "
                        "issue the work on a stream you created");
        }
        if (ShouldInjectFault(ACLSIM_FAULT_TASK_SUBMIT)) {
            return Fail(ACL_ERROR_RT_RESOURCE_ALLOC_FAIL, call, "cannot submit the task (injected fault)");
        }
        stream->enqueue(std::move(task));
        return ACL_SUCCESS;
    }
    {
        std::lock_guard lock(CaptureMutex());
        if (stream->updating) {
            if (task.kind != TaskKind::Kernel) {
                return Fail(ACL_ERROR_RT_TASK_TYPE_NOT_SUPPORT, call,
                            std::string(task.typeName()) +
                                " tasks cannot update a task group (only operator kernels can); end the update with "
                                "aclmdlRICaptureTaskUpdateEnd first");
            }
            if (stream->updateKernels.size() >= stream->updating->taskIndices.size()) {
                return Fail(ACL_ERROR_RT_INTERNAL_ERROR, call,
                            "the task group holds " + std::to_string(stream->updating->taskIndices.size()) +
                                " kernels and all of them have been given new arguments already");
            }
            stream->updateKernels.push_back(std::move(task.kernel));
            return ACL_SUCCESS;
        }
        if (stream->boundModel) {
            return RecordIntoBuiltModel(call, *stream, std::move(task));
        }
        if (auto capture = stream->capture) {
            ACLSIM_RETURN_IF_FAILED(InjectedCaptureFault(call, *capture, *stream, "the task"));
            return RecordIntoCapture(call, *capture, *stream, std::move(task));
        }
    }
    // The capture ended between the flag check and the lock: the task runs eagerly.
    stream->enqueue(std::move(task));
    return ACL_SUCCESS;
}

// Under CaptureMutex(): the stream is capturing (or its capture was invalidated).
static bool Capturing(const Stream &stream) {
    return stream.capture != nullptr;
}

aclError RefuseCapturingStream(const char *call, const Stream &stream, const std::string &remedy) {
    if (!stream.captureFlag.load(std::memory_order_acquire)) {
        return ACL_SUCCESS;
    }
    std::lock_guard lock(CaptureMutex());
    if (Capturing(stream)) {
        return Fail(ACL_ERROR_RT_STREAM_CAPTURED, call,
                    "the stream is capturing: " + remedy + " (the capture goes on)");
    }
    return ACL_SUCCESS;
}

static aclError RefuseIfCapturing(const char *call, const Stream &stream, const char *what) {
    return RefuseCapturingStream(call, stream, std::string(what) + " is not allowed until aclmdlRICaptureEnd");
}

aclError AwaitStream(const char *call, Stream &stream, int32_t timeoutMs, const char *work, const char *failure) {
    aclError status = stream.synchronize(DeadlineAfter(timeoutMs));
    if (status == ACL_ERROR_RT_STREAM_SYNC_TIMEOUT) {
        return Fail(status, call, std::string(work) + " did not finish within " + std::to_string(timeoutMs) + " ms");
    }
    if (status != ACL_SUCCESS) {
        return Fail(status, call, failure);
    }
    return ACL_SUCCESS;
}

static aclError SynchronizeStream(const char *call, aclrtStream handle, int32_t timeoutMs) {
    ACLSIM_RETURN_IF_FAILED(CheckTimeout(call, timeoutMs)); // -1 passes
    std::shared_ptr<Stream> stream;
    ACLSIM_RETURN_IF_FAILED(ResolveStream(call, handle, stream));
    ACLSIM_RETURN_IF_FAILED(RefuseIfCapturing(call, *stream, "synchronising it"));
    return AwaitStream(call, *stream, timeoutMs, "the stream's tasks", "a task of the stream failed");
}

static aclError CreateStream(const char *call, aclrtStream *handle, uint32_t flags) {
    if (handle == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, "stream is NULL");
    }
    *handle = nullptr;
    std::shared_ptr<Context> context;
    ACLSIM_RETURN_IF_FAILED(RequireContext(call, context));
    if (ShouldInjectFault(ACLSIM_FAULT_STREAM_CREATE)) {
        return Fail(ACL_ERROR_RT_NO_STREAM_RESOURCE, call, "stream resources are insufficient (injected fault)");
    }
    auto stream = std::make_shared<Stream>(context, false, flags);
    Streams().add(stream);
    context->addStream(stream);
    *handle = stream.get();
    return ACL_SUCCESS;
}

static aclError DestroyStream(const char *call, aclrtStream handle, bool force) {
    std::shared_ptr<Stream> stream;
    ACLSIM_RETURN_IF_FAILED(
        FindLive(call, Streams(), handle, "stream", stream, " (the default stream cannot be destroyed)"));
    {
        std::lock_guard lock(CaptureMutex());
        if (Capturing(*stream)) {
            return Fail(ACL_ERROR_RT_STREAM_CAPTURED, call,
                        "the stream is capturing: end the capture (aclmdlRICaptureEnd on its origin stream) first");
        }
        if (stream->updating) {
            return Fail(ACL_ERROR_STREAM_TASK_GROUP_STATUS, call,
                        "the stream is updating a task group: call aclmdlRICaptureTaskUpdateEnd first");
        }
    }
    Streams().remove(handle);
    stream->context()->removeStream(stream.get());
    stream->shutdown(force);
    ForgetStreamSubscription(*stream);
    return ACL_SUCCESS;
}

} // namespace aclsim

using namespace aclsim;

extern "C" {

ACL_FUNC_VISIBILITY aclError aclrtCreateStream(aclrtStream *stream) {
    return CreateStream("aclrtCreateStream", stream, 0);
}

ACL_FUNC_VISIBILITY aclError aclrtCreateStreamWithConfig(aclrtStream *stream, uint32_t priority, uint32_t flag) {
    constexpr uint32_t kKnownFlags = ACL_STREAM_FAST_LAUNCH | ACL_STREAM_FAST_SYNC | ACL_STREAM_PERSISTENT |
                                     ACL_STREAM_HUGE | ACL_STREAM_CPU_SCHEDULE | ACL_STREAM_DEVICE_USE_ONLY;
    if ((flag & ~kKnownFlags) != 0) {
        return Fail(ACL_ERROR_INVALID_PARAM, "aclrtCreateStreamWithConfig", "unknown stream flag bits");
    }
    aclError status = CreateStream("aclrtCreateStreamWithConfig", stream, flag);
    if (status == ACL_SUCCESS) {
        if (auto created = Streams().find(*stream)) {
            created->priority.store(priority, std::memory_order_relaxed);
        }
    }
    return status;
}

ACL_FUNC_VISIBILITY aclError aclrtDestroyStream(aclrtStream stream) {
    return DestroyStream("aclrtDestroyStream", stream, false);
}

ACL_FUNC_VISIBILITY aclError aclrtDestroyStreamForce(aclrtStream stream) {
    return DestroyStream("aclrtDestroyStreamForce", stream, true);
}

ACLSIM_SYNCHRONIZE_ENTRY_POINTS(Stream, aclrtStream, SynchronizeStream)

ACL_FUNC_VISIBILITY aclError aclrtStreamQuery(aclrtStream stream, aclrtStreamStatus *status) {
    const char *call = "aclrtStreamQuery";
    std::shared_ptr<Stream> target;
    ACLSIM_RETURN_IF_FAILED(RequireThenFind(call, status, "status", ResolveStream, stream, target));
    ACLSIM_RETURN_IF_FAILED(RefuseIfCapturing(call, *target, "querying it"));
    *status = target->idle() ? ACL_STREAM_STATUS_COMPLETE : ACL_STREAM_STATUS_NOT_READY;
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclrtLaunchHostFunc(aclrtStream stream, aclrtHostFunc fn, void *args) {
    const char *call = "aclrtLaunchHostFunc";
    if (fn == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, "fn is NULL");
    }
    Task task;
    task.kind = TaskKind::HostFunc;
    task.hostFunc = fn;
    task.hostArgs = args;
    return SubmitToStream(call, stream, std::move(task));
}

} // extern "C"

namespace aclsim {

aclError LaunchKernel(aclrtStream stream, std::shared_ptr<const DeviceKernel> kernel) {
    const char *call = kernel ? kernel->name() : "kernel launch";
    if (!kernel) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, "no kernel");
    }
    Task task;
    task.kind = TaskKind::Kernel;
    task.kernel = std::move(kernel);
    return SubmitToStream(call, stream, std::move(task));
}

} // namespace aclsim
