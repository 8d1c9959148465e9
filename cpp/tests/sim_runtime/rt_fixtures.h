// RAII fixtures of the runtime suite: owned streams, events, models and memory whose release is
// checked, a leak check over a whole test case, and the capture steps most tests repeat (end a
// capture into an owned model, replay and wait, fork and join streams through events).
//
// Helpers report a failure at the line of the test that called them (or, for a release in a
// destructor, at the line that made the object): their parameters `file` and `line` default to the
// caller's position (__builtin_FILE / __builtin_LINE, GCC and Clang).
#ifndef ACLGRAPH4J_TESTS_SIM_RUNTIME_RT_FIXTURES_H
#define ACLGRAPH4J_TESTS_SIM_RUNTIME_RT_FIXTURES_H

#include <utility>

#include "rt_graph_util.h"

#define RT_CALLER_FILE const char *file = __builtin_FILE()
#define RT_CALLER_LINE int line = __builtin_LINE()

namespace rt {

// Reports "`what` returned `got`, want `want`" at file:line unless they are equal.
inline bool Expect(long long got, long long want, const char *what, const char *file, int line) {
    if (got == want) {
        return true;
    }
    testsupport::fail(file, line,
                      std::string(what) + " returned " + std::to_string(got) + ", want " + std::to_string(want));
    return false;
}

// The whole test case must give back every object it made: the check runs when the guard goes out
// of scope, after the fixtures declared below it have released theirs.
class NoLeaks {
public:
    explicit NoLeaks(RT_CALLER_FILE, RT_CALLER_LINE) : file_(file), line_(line) {}
    ~NoLeaks() { check_.Verify(file_, line_); }
    NoLeaks(const NoLeaks &) = delete;
    NoLeaks &operator=(const NoLeaks &) = delete;

private:
    LeakCheck check_;
    const char *file_;
    int line_;
};

// A runtime handle owned by a test: destroyed when the owner goes out of scope (or at Reset), the
// destroy call checked. Converts to the handle, so it passes straight to the C API.
template <typename Handle, aclError (*DestroyFn)(Handle)>
class Owned {
public:
    explicit Owned(Handle handle = nullptr, RT_CALLER_FILE, RT_CALLER_LINE)
        : handle_(handle), file_(file), line_(line) {}
    ~Owned() { Reset(); }
    Owned(Owned &&other) noexcept : handle_(other.Release()), file_(other.file_), line_(other.line_) {}
    Owned &operator=(Owned &&other) noexcept {
        if (this != &other) {
            Reset();
            file_ = other.file_;
            line_ = other.line_;
            handle_ = other.Release();
        }
        return *this;
    }
    Owned(const Owned &) = delete;
    Owned &operator=(const Owned &) = delete;

    operator Handle() const { return handle_; }
    Handle get() const { return handle_; }
    bool ok() const { return handle_ != nullptr; }

    // Gives up ownership (the test destroys the handle itself, or expects a call to consume it).
    Handle Release() { return std::exchange(handle_, nullptr); }
    // Destroys the handle now and returns the code of the destroy call, for tests that assert on it.
    aclError Destroy() { return DestroyFn(Release()); }
    void Reset() {
        if (handle_ != nullptr) {
            Expect(Destroy(), ACL_SUCCESS, "releasing the handle made here", file_, line_);
        }
    }

protected:
    Handle handle_;
    const char *file_;
    int line_;
};

// aclrtCreateStream / aclrtDestroyStream.
class Stream : public Owned<aclrtStream, aclrtDestroyStream> {
public:
    explicit Stream(RT_CALLER_FILE, RT_CALLER_LINE) : Owned(nullptr, file, line) {
        Expect(aclrtCreateStream(&handle_), ACL_SUCCESS, "aclrtCreateStream", file, line);
    }
};

// `n` streams of one test.
class Streams {
public:
    explicit Streams(size_t n, RT_CALLER_FILE, RT_CALLER_LINE) {
        for (size_t i = 0; i < n; ++i) {
            streams_.emplace_back(file, line);
        }
    }
    bool ok() const {
        return std::all_of(streams_.begin(), streams_.end(), [](const Stream &s) { return s.ok(); });
    }
    aclrtStream operator[](size_t i) const { return streams_[i]; }
    size_t size() const { return streams_.size(); }

private:
    std::vector<Stream> streams_;
};

// An event: aclrtCreateEventExWithFlag (ACL_EVENT_SYNC by default: the events a capture joins
// streams with), or the older aclrtCreateEventWithFlag and aclrtCreateEvent through WithFlag / Legacy.
class Event : public Owned<aclrtEvent, aclrtDestroyEvent> {
public:
    explicit Event(uint32_t flag = ACL_EVENT_SYNC, RT_CALLER_FILE, RT_CALLER_LINE) : Owned(nullptr, file, line) {
        Expect(aclrtCreateEventExWithFlag(&handle_, flag), ACL_SUCCESS, "aclrtCreateEventExWithFlag", file, line);
    }
    static Event WithFlag(uint32_t flag, RT_CALLER_FILE, RT_CALLER_LINE) {
        Event event(Empty{}, file, line);
        Expect(aclrtCreateEventWithFlag(&event.handle_, flag), ACL_SUCCESS, "aclrtCreateEventWithFlag", file, line);
        return event;
    }
    static Event Legacy(RT_CALLER_FILE, RT_CALLER_LINE) {
        Event event(Empty{}, file, line);
        Expect(aclrtCreateEvent(&event.handle_), ACL_SUCCESS, "aclrtCreateEvent", file, line);
        return event;
    }

private:
    struct Empty {};
    Event(Empty, const char *file, int line) : Owned(nullptr, file, line) {}
};

// A captured model owned by the test.
using Model = Owned<aclmdlRI, aclmdlRIDestroy>;

// aclrtMalloc / aclrtFree.
class DeviceMemory : public Owned<void *, aclrtFree> {
public:
    explicit DeviceMemory(size_t bytes, RT_CALLER_FILE, RT_CALLER_LINE) : Owned(DevAlloc(bytes), file, line) {
        Expect(handle_ != nullptr, true, "aclrtMalloc", file, line);
    }
    template <typename T>
    T *As() const {
        return static_cast<T *>(handle_);
    }
};

// aclrtMallocHost of `n` floats / aclrtFreeHost.
class HostFloats : public Owned<void *, aclrtFreeHost> {
public:
    explicit HostFloats(size_t n, RT_CALLER_FILE, RT_CALLER_LINE) : Owned(HostAlloc(n), file, line) {
        Expect(handle_ != nullptr, true, "aclrtMallocHost", file, line);
    }
    float *data() const { return static_cast<float *>(handle_); }
    float &operator[](size_t i) const { return data()[i]; }
};

// Runs `body(t, stream)` for t in [0, n) on n threads bound to the calling thread's context, each
// with a stream of its own, and joins them; returns how many stream creations or destructions
// failed on each thread. (Several threads run at once: bodies count their failures, no CHECKs.)
template <typename Body>
std::vector<int> RunThreadsWithStreams(size_t n, Body body) {
    aclrtContext context = CurrentContext();
    std::vector<int> setupFailures(n, 0);
    std::vector<std::thread> threads;
    for (size_t t = 0; t < n; ++t) {
        threads.emplace_back([&, t] {
            aclrtSetCurrentContext(context);
            aclrtStream stream = nullptr;
            if (aclrtCreateStream(&stream) != ACL_SUCCESS) {
                ++setupFailures[t];
                return;
            }
            body(t, stream);
            if (aclrtDestroyStream(stream) != ACL_SUCCESS) {
                ++setupFailures[t];
            }
        });
    }
    for (auto &thread : threads) {
        thread.join();
    }
    return setupFailures;
}

// ------------------------------------------------------------------ capture steps

// Begins a capture of `stream` in `mode`, expecting success.
inline void BeginCapture(aclrtStream stream, aclmdlRICaptureMode mode = kGlobal, RT_CALLER_FILE, RT_CALLER_LINE) {
    Expect(aclmdlRICaptureBegin(stream, mode), ACL_SUCCESS, "aclmdlRICaptureBegin", file, line);
}

// Ends the capture of `stream`, expecting success and a model, which the result owns.
inline Model EndCapture(aclrtStream stream, RT_CALLER_FILE, RT_CALLER_LINE) {
    aclmdlRI model = nullptr;
    Expect(aclmdlRICaptureEnd(stream, &model), ACL_SUCCESS, "aclmdlRICaptureEnd", file, line);
    Expect(model != nullptr, true, "aclmdlRICaptureEnd gave a model", file, line);
    return Model(model, file, line);
}

// Ends the capture of `stream` expecting `code` and no model (the output is cleared).
inline void EndCaptureFails(aclrtStream stream, aclError code, RT_CALLER_FILE, RT_CALLER_LINE) {
    int dummy = 0;
    aclmdlRI model = &dummy;
    Expect(aclmdlRICaptureEnd(stream, &model), code, "aclmdlRICaptureEnd", file, line);
    Expect(model == nullptr, true, "aclmdlRICaptureEnd cleared its model output", file, line);
}

// Ends the capture of `stream` and destroys whatever model it gave: the code of the end, for tests
// that expect a failure or only care that the capture is over.
inline aclError EndAndDestroy(aclrtStream stream) {
    aclmdlRI model = nullptr;
    aclError rc = aclmdlRICaptureEnd(stream, &model);
    if (model != nullptr) {
        aclmdlRIDestroy(model);
    }
    return rc;
}

// The model of what `issue()` enqueues on `stream` inside a capture in `mode`.
template <typename Issue>
Model Capture(aclrtStream stream, Issue &&issue, aclmdlRICaptureMode mode = kGlobal, RT_CALLER_FILE, RT_CALLER_LINE) {
    BeginCapture(stream, mode, file, line);
    issue();
    return EndCapture(stream, file, line);
}

// Replays `model` on `stream` and waits for it, expecting both calls to succeed.
inline void Replay(aclmdlRI model, aclrtStream stream, RT_CALLER_FILE, RT_CALLER_LINE) {
    Expect(aclmdlRIExecuteAsync(model, stream), ACL_SUCCESS, "aclmdlRIExecuteAsync", file, line);
    Expect(aclrtSynchronizeStream(stream), ACL_SUCCESS, "aclrtSynchronizeStream", file, line);
}

// Records `event` on `from` and makes `to` wait for it: inside a capture, `to` joins (fork) or
// rejoins (join) the capture of `from`.
inline void Link(aclrtStream from, aclrtEvent event, aclrtStream to, RT_CALLER_FILE, RT_CALLER_LINE) {
    Expect(aclrtRecordEvent(event, from), ACL_SUCCESS, "aclrtRecordEvent", file, line);
    Expect(aclrtStreamWaitEvent(to, event), ACL_SUCCESS, "aclrtStreamWaitEvent", file, line);
}

// An AddGraph captured on a stream: the graph (its buffers and inputs) and the model that owns it.
struct CapturedAddGraph {
    AddGraph graph;
    Model model;
    // Prepares the graph with `alpha` (setup work on `stream`) and captures it there in `mode`.
    bool Init(float alpha, aclrtStream stream, aclmdlRICaptureMode mode = kGlobal) {
        if (!graph.Init(alpha, stream)) {
            return false;
        }
        model = Model(CaptureAddGraph(graph, stream, mode));
        return model.ok();
    }
};

// An AddGraph captured on a stream of its own. The raw `model` may be destroyed early with
// DestroyModel (or taken over by setting it to nullptr); the rest goes with the fixture.
struct CapturedOnStream {
    Stream stream;
    AddGraph graph;
    aclmdlRI model = nullptr;

    CapturedOnStream() = default;
    CapturedOnStream(const CapturedOnStream &) = delete;
    CapturedOnStream &operator=(const CapturedOnStream &) = delete;
    ~CapturedOnStream() { DestroyModel(); }

    bool Init(float alpha = 1.0f) {
        return stream.ok() && graph.Init(alpha, stream) && (model = CaptureAddGraph(graph, stream)) != nullptr;
    }
    void DestroyModel() {
        if (model != nullptr) {
            aclmdlRIDestroy(model);
            model = nullptr;
        }
    }
};

// A cross-stream wait outside any capture: `waiter` waits for an event recorded on `recorder` behind
// a gate, and so copies `value` only after the recorder wrote it. While the gate is closed the event
// reads NOT_READY and the waiter cannot finish; the wait does not make `waiter` capture.
struct EagerWait {
    size_t bytes;
    unsigned char value;
    DeviceMemory a{bytes};
    DeviceMemory b{bytes};

    // Zeroes both buffers (synchronous calls: before any capture of this context's thread).
    bool Init() {
        return a.ok() && b.ok() && aclrtMemset(a, bytes, 0, bytes) == ACL_SUCCESS &&
               aclrtMemset(b, bytes, 0, bytes) == ACL_SUCCESS;
    }
    void Run(aclrtStream recorder, aclrtEvent event, aclrtStream waiter, RT_CALLER_FILE, RT_CALLER_LINE) {
        Gate gate;
        Expect(aclrtLaunchHostFunc(recorder, Gate::HostFunc, &gate), ACL_SUCCESS, "aclrtLaunchHostFunc", file, line);
        Expect(aclrtMemsetAsync(a, bytes, value, bytes, recorder), ACL_SUCCESS, "aclrtMemsetAsync", file, line);
        Link(recorder, event, waiter, file, line);
        Expect(StatusOf(waiter), kNone, "the waiter's capture status", file, line); // no capture joined
        Expect(aclrtMemcpyAsync(b, bytes, a, bytes, ACL_MEMCPY_DEVICE_TO_DEVICE, waiter), ACL_SUCCESS,
               "aclrtMemcpyAsync", file, line);
        Expect(gate.WaitEntered(), true, "the gate's host function started", file, line);
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        aclrtEventRecordedStatus eventStatus = ACL_EVENT_RECORDED_STATUS_COMPLETE;
        Expect(aclrtQueryEventStatus(event, &eventStatus), ACL_SUCCESS, "aclrtQueryEventStatus", file, line);
        Expect(eventStatus, ACL_EVENT_RECORDED_STATUS_NOT_READY, "the event's status behind the gate", file, line);
        aclrtStreamStatus waiterStatus = ACL_STREAM_STATUS_RESERVED;
        Expect(aclrtStreamQuery(waiter, &waiterStatus), ACL_SUCCESS, "aclrtStreamQuery", file, line);
        Expect(waiterStatus, ACL_STREAM_STATUS_NOT_READY, "the waiter's status behind the gate", file, line);
        gate.Open();
        Expect(aclrtSynchronizeEvent(event), ACL_SUCCESS, "aclrtSynchronizeEvent", file, line);
        Expect(aclrtSynchronizeStream(waiter), ACL_SUCCESS, "aclrtSynchronizeStream(waiter)", file, line);
        Expect(aclrtSynchronizeStream(recorder), ACL_SUCCESS, "aclrtSynchronizeStream(recorder)", file, line);
    }
    // The waiter's copy saw the recorder's write (a synchronous read: once no capture restricts it).
    void ExpectCopied(RT_CALLER_FILE, RT_CALLER_LINE) {
        Expect(AllBytes(ReadBytes(b, bytes), value), true, "the waiter copied the recorder's bytes", file, line);
    }
};

// After a capture ended or was abandoned: `stream` no longer captures and runs tasks again.
inline void ExpectFreeStream(aclrtStream stream, RT_CALLER_FILE, RT_CALLER_LINE) {
    Expect(StatusOf(stream), kNone, "aclmdlRICaptureGetInfo status", file, line);
    Expect(StreamUsable(stream), true, "a task on the stream", file, line);
}

} // namespace rt

#endif
