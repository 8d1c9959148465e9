// Eager (non-captured) streams and events: asynchronous in-order execution, synchronisation with
// and without timeout, queries, event snapshots and cross-stream waits, and aclGetRecentErrMsg.
#include <thread>
#include <vector>

#include "rt_fixtures.h"

using rt::Gate;

namespace {

// A test's streams and device buffers of `bytes` each, released and leak-checked at its end.
struct StreamsAndBuffers {
    rt::NoLeaks leaks;
    rt::Streams s;
    std::vector<rt::DeviceMemory> buffers;
    StreamsAndBuffers(size_t streams, size_t bufferCount, size_t bytes) : s(streams) {
        for (size_t i = 0; i < bufferCount; ++i) {
            buffers.emplace_back(bytes);
        }
    }
    bool ok() const {
        return s.ok() && std::all_of(buffers.begin(), buffers.end(), [](const rt::DeviceMemory &b) { return b.ok(); });
    }
    void *buffer(size_t i) const { return buffers[i]; }
};

// The status aclrtStreamQuery reports for `stream` (RESERVED when the query fails, which is reported).
aclrtStreamStatus QueryStream(aclrtStream stream, RT_CALLER_FILE, RT_CALLER_LINE) {
    aclrtStreamStatus status = ACL_STREAM_STATUS_RESERVED;
    rt::Expect(aclrtStreamQuery(stream, &status), ACL_SUCCESS, "aclrtStreamQuery", file, line);
    return status;
}

// The status aclrtQueryEventStatus reports for `event` (checked like QueryStream).
aclrtEventRecordedStatus QueryEvent(aclrtEvent event, RT_CALLER_FILE, RT_CALLER_LINE) {
    aclrtEventRecordedStatus status = ACL_EVENT_RECORDED_STATUS_COMPLETE;
    rt::Expect(aclrtQueryEventStatus(event, &status), ACL_SUCCESS, "aclrtQueryEventStatus", file, line);
    return status;
}

} // namespace

TEST_CASE("a stream runs its tasks asynchronously and in order") {
    StreamsAndBuffers f(1, 2, 256);
    REQUIRE(f.ok());
    aclrtStream stream = f.s[0];
    void *a = f.buffer(0);
    void *b = f.buffer(1);
    CHECK_EQ(aclrtMemset(a, 256, 0, 256), ACL_SUCCESS);
    CHECK_EQ(aclrtMemset(b, 256, 0, 256), ACL_SUCCESS);

    Gate gate;
    CHECK_EQ(aclrtLaunchHostFunc(stream, Gate::HostFunc, &gate), ACL_SUCCESS);
    CHECK_EQ(aclrtMemsetAsync(a, 256, 1, 256, stream), ACL_SUCCESS);
    CHECK_EQ(aclrtMemcpyAsync(b, 256, a, 256, ACL_MEMCPY_DEVICE_TO_DEVICE, stream), ACL_SUCCESS);
    CHECK_EQ(aclrtMemsetAsync(a, 256, 2, 256, stream), ACL_SUCCESS);
    // The calls returned while the stream is blocked: nothing after the gate ran yet.
    CHECK(gate.WaitEntered());
    CHECK_EQ(QueryStream(stream), ACL_STREAM_STATUS_NOT_READY);
    CHECK(rt::AllBytes(rt::ReadBytes(a, 256), 0));
    gate.Open();
    CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
    CHECK_EQ(QueryStream(stream), ACL_STREAM_STATUS_COMPLETE);
    CHECK(rt::AllBytes(rt::ReadBytes(b, 256), 1)); // the copy saw the first memset, not the second
    CHECK(rt::AllBytes(rt::ReadBytes(a, 256), 2));
}

TEST_CASE("aclrtSynchronizeStream(NULL) waits for the default stream") {
    StreamsAndBuffers f(0, 1, 128);
    REQUIRE(f.ok());
    void *a = f.buffer(0);
    rt::SleepThenFlag slow;
    slow.ms = 30;
    CHECK_EQ(aclrtLaunchHostFunc(nullptr, rt::SleepThenFlagHostFunc, &slow), ACL_SUCCESS);
    CHECK_EQ(aclrtMemsetAsync(a, 128, 0x33, 128, nullptr), ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStream(nullptr), ACL_SUCCESS);
    CHECK_EQ(slow.done.load(), 1);
    CHECK(rt::AllBytes(rt::ReadBytes(a, 128), 0x33));
    CHECK_EQ(QueryStream(nullptr), ACL_STREAM_STATUS_COMPLETE);
}

TEST_CASE("aclrtSynchronizeDevice waits for every stream of the context") {
    StreamsAndBuffers f(2, 0, 0);
    REQUIRE(f.ok());
    rt::SleepThenFlag slow[2];
    slow[0].ms = 30;
    slow[1].ms = 40;
    for (size_t i = 0; i < 2; ++i) {
        CHECK_EQ(aclrtLaunchHostFunc(f.s[i], rt::SleepThenFlagHostFunc, &slow[i]), ACL_SUCCESS);
    }
    CHECK_EQ(aclrtSynchronizeDevice(), ACL_SUCCESS);
    for (const auto &one : slow) {
        CHECK_EQ(one.done.load(), 1);
    }
}

TEST_CASE("aclrtSynchronizeStreamWithTimeout: timeout < -1 or 0 -> 107000, expiry -> 507046") {
    rt::NoLeaks leaks;
    rt::Stream stream;
    REQUIRE(stream.ok());
    for (int32_t invalid : {-2, -100, 0}) {
        CHECK_EQ(aclrtSynchronizeStreamWithTimeout(stream, invalid), ACL_ERROR_RT_PARAM_INVALID);
    }
    CHECK_EQ(aclrtSynchronizeStreamWithTimeout(stream, 100), ACL_SUCCESS); // idle stream

    Gate gate;
    CHECK_EQ(aclrtLaunchHostFunc(stream, Gate::HostFunc, &gate), ACL_SUCCESS);
    auto start = std::chrono::steady_clock::now();
    CHECK_EQ(aclrtSynchronizeStreamWithTimeout(stream, 30), ACL_ERROR_RT_STREAM_SYNC_TIMEOUT);
    auto waited = std::chrono::steady_clock::now() - start;
    CHECK(waited >= std::chrono::milliseconds(25));
    CHECK(waited < std::chrono::seconds(5));
    gate.Open();
    CHECK_EQ(aclrtSynchronizeStreamWithTimeout(stream, -1), ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStreamWithTimeout(nullptr, 1000), ACL_SUCCESS);
}

TEST_CASE("aclrtStreamQuery: NULL status -> 100000") {
    rt::Stream stream;
    REQUIRE(stream.ok());
    CHECK_EQ(aclrtStreamQuery(stream, nullptr), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtStreamQuery(nullptr, nullptr), ACL_ERROR_INVALID_PARAM);
}

TEST_CASE("stream creation and destruction argument checks; destroy waits for queued work") {
    rt::NoLeaks leaks;
    CHECK_EQ(aclrtCreateStream(nullptr), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtDestroyStream(nullptr), ACL_ERROR_INVALID_PARAM);
    rt::Stream stream;
    REQUIRE(stream.ok());
    rt::SleepThenFlag slow;
    slow.ms = 40;
    CHECK_EQ(aclrtLaunchHostFunc(stream, rt::SleepThenFlagHostFunc, &slow), ACL_SUCCESS);
    CHECK_EQ(stream.Destroy(), ACL_SUCCESS);
    CHECK_EQ(slow.done.load(), 1);
}

TEST_CASE("events: before any record the event is COMPLETE") {
    rt::NoLeaks leaks;
    aclrtEvent legacy = nullptr;
    aclrtEvent flagged = nullptr;
    aclrtEvent syncEvent = nullptr;
    CHECK_EQ(aclrtCreateEvent(&legacy), ACL_SUCCESS);
    CHECK_EQ(aclrtCreateEventWithFlag(&flagged, ACL_EVENT_SYNC), ACL_SUCCESS);
    CHECK_EQ(aclrtCreateEventExWithFlag(&syncEvent, ACL_EVENT_SYNC), ACL_SUCCESS);
    for (aclrtEvent e : {legacy, flagged, syncEvent}) {
        CHECK_EQ(QueryEvent(e), ACL_EVENT_RECORDED_STATUS_COMPLETE);
        CHECK_EQ(aclrtSynchronizeEvent(e), ACL_SUCCESS);
        CHECK_EQ(aclrtQueryEventStatus(e, nullptr), ACL_ERROR_INVALID_PARAM);
        CHECK_EQ(aclrtDestroyEvent(e), ACL_SUCCESS);
    }
    CHECK_EQ(aclrtCreateEvent(nullptr), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtCreateEventExWithFlag(nullptr, ACL_EVENT_SYNC), ACL_ERROR_INVALID_PARAM);
}

TEST_CASE("events: a record snapshots the work submitted before it, not later work") {
    StreamsAndBuffers f(1, 1, 64);
    rt::Event event;
    REQUIRE(f.ok() && event.ok());
    aclrtStream stream = f.s[0];
    void *a = f.buffer(0);

    Gate before;
    Gate after;
    CHECK_EQ(aclrtLaunchHostFunc(stream, Gate::HostFunc, &before), ACL_SUCCESS);
    CHECK_EQ(aclrtMemsetAsync(a, 64, 0x42, 64, stream), ACL_SUCCESS);
    CHECK_EQ(aclrtRecordEvent(event, stream), ACL_SUCCESS);
    CHECK_EQ(aclrtLaunchHostFunc(stream, Gate::HostFunc, &after), ACL_SUCCESS);
    CHECK_EQ(QueryEvent(event), ACL_EVENT_RECORDED_STATUS_NOT_READY);
    before.Open();
    // The event completes although the stream stays blocked by the later gate.
    CHECK_EQ(aclrtSynchronizeEvent(event), ACL_SUCCESS);
    CHECK_EQ(QueryEvent(event), ACL_EVENT_RECORDED_STATUS_COMPLETE);
    CHECK(rt::AllBytes(rt::ReadBytes(a, 64), 0x42));
    CHECK(after.WaitEntered());
    CHECK_EQ(QueryStream(stream), ACL_STREAM_STATUS_NOT_READY);

    // Re-recording: a wait/sync uses the most recent record.
    CHECK_EQ(aclrtRecordEvent(event, stream), ACL_SUCCESS);
    CHECK_EQ(QueryEvent(event), ACL_EVENT_RECORDED_STATUS_NOT_READY);
    after.Open();
    CHECK_EQ(aclrtSynchronizeEvent(event), ACL_SUCCESS);
    CHECK_EQ(QueryEvent(event), ACL_EVENT_RECORDED_STATUS_COMPLETE);
    CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
}

TEST_CASE("events: aclrtStreamWaitEvent makes later work on another stream wait (legacy and SYNC events)") {
    StreamsAndBuffers f(2, 0, 0);
    REQUIRE(f.ok());
    aclrtStream producer = f.s[0];
    aclrtStream consumer = f.s[1];
    for (int legacy = 0; legacy < 2; ++legacy) {
        rt::Event event = legacy ? rt::Event::Legacy() : rt::Event(ACL_EVENT_SYNC);
        REQUIRE(event.ok());
        rt::EagerWait wait{512, static_cast<unsigned char>(0x10 + legacy)};
        REQUIRE(wait.Init());
        wait.Run(producer, event, consumer);
        wait.ExpectCopied();
    }
    CHECK_EQ(aclrtStreamWaitEvent(consumer, nullptr), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtRecordEvent(nullptr, consumer), ACL_ERROR_INVALID_PARAM);
}

TEST_CASE("events: ordering chains across three streams") {
    StreamsAndBuffers f(3, 3, 1024);
    rt::Event e01;
    rt::Event e12;
    REQUIRE(f.ok() && e01.ok() && e12.ok());
    const rt::Streams &s = f.s;
    void *a = f.buffer(0);
    void *b = f.buffer(1);
    void *c = f.buffer(2);
    for (int round = 1; round <= 5; ++round) {
        Gate gate;
        CHECK_EQ(aclrtLaunchHostFunc(s[0], Gate::HostFunc, &gate), ACL_SUCCESS);
        CHECK_EQ(aclrtMemsetAsync(a, 1024, round, 1024, s[0]), ACL_SUCCESS);
        rt::Link(s[0], e01, s[1]);
        CHECK_EQ(aclrtMemcpyAsync(b, 1024, a, 1024, ACL_MEMCPY_DEVICE_TO_DEVICE, s[1]), ACL_SUCCESS);
        rt::Link(s[1], e12, s[2]);
        CHECK_EQ(aclrtMemcpyAsync(c, 1024, b, 1024, ACL_MEMCPY_DEVICE_TO_DEVICE, s[2]), ACL_SUCCESS);
        gate.Open();
        CHECK_EQ(aclrtSynchronizeStream(s[2]), ACL_SUCCESS);
        CHECK(rt::AllBytes(rt::ReadBytes(c, 1024), static_cast<unsigned char>(round)));
    }
    CHECK_EQ(aclrtSynchronizeDevice(), ACL_SUCCESS);
}

TEST_CASE("events: aclrtSynchronizeEventWithTimeout expiry -> 507047") {
    rt::NoLeaks leaks;
    rt::Stream stream;
    rt::Event event;
    REQUIRE(stream.ok() && event.ok());
    Gate gate;
    CHECK_EQ(aclrtLaunchHostFunc(stream, Gate::HostFunc, &gate), ACL_SUCCESS);
    CHECK_EQ(aclrtRecordEvent(event, stream), ACL_SUCCESS);
    auto start = std::chrono::steady_clock::now();
    CHECK_EQ(aclrtSynchronizeEventWithTimeout(event, 30), ACL_ERROR_RT_EVENT_SYNC_TIMEOUT);
    CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(25));
    gate.Open();
    CHECK_EQ(aclrtSynchronizeEventWithTimeout(event, -1), ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeEventWithTimeout(event, 100), ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
}

TEST_CASE("aclGetRecentErrMsg names the failed call and is cleared by reading") {
    auto expectNoMessage = [](int line) {
        const char *again = aclGetRecentErrMsg();
        if (!(again == nullptr || std::string(again).empty())) {
            testsupport::fail(__FILE__, line, std::string("unexpected message: ") + again);
        }
    };
    aclGetRecentErrMsg(); // drop anything left by earlier cases
    CHECK_EQ(aclrtMalloc(nullptr, 64, ACL_MEM_MALLOC_HUGE_FIRST), ACL_ERROR_INVALID_PARAM);
    const char *message = aclGetRecentErrMsg();
    REQUIRE(message != nullptr);
    std::string text(message);
    CHECK(!text.empty());
    CHECK(text.find("aclrtMalloc") != std::string::npos);
    expectNoMessage(__LINE__);

    rt::Stream stream;
    REQUIRE(stream.ok());
    CHECK_EQ(aclrtSynchronizeStreamWithTimeout(stream, 0), ACL_ERROR_RT_PARAM_INVALID);
    message = aclGetRecentErrMsg();
    REQUIRE(message != nullptr);
    CHECK(std::string(message).find("aclrtSynchronizeStreamWithTimeout") != std::string::npos);

    // Successful calls leave no message; messages are per thread.
    CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
    expectNoMessage(__LINE__);
    std::thread other([] { CHECK_EQ(aclrtFree(nullptr), ACL_ERROR_INVALID_PARAM); });
    other.join();
    const char *again = aclGetRecentErrMsg();
    CHECK(again == nullptr || std::string(again).find("aclrtFree") == std::string::npos);
}

TEST_CASE("stale handles (destroyed stream, event, model) are refused, not used") {
    rt::NoLeaks leaks;
    rt::Stream live;
    rt::Stream staleStream;
    rt::Event staleEvent;
    REQUIRE(live.ok() && staleStream.ok() && staleEvent.ok());
    rt::Model staleModel = rt::Capture(staleStream, [] {});
    REQUIRE(staleModel.ok());
    aclrtStream stale = staleStream;
    aclrtEvent event = staleEvent;
    aclmdlRI model = staleModel;
    CHECK_EQ(staleStream.Destroy(), ACL_SUCCESS);
    CHECK_EQ(staleEvent.Destroy(), ACL_SUCCESS);
    CHECK_EQ(staleModel.Destroy(), ACL_SUCCESS);

    aclrtStreamStatus status = ACL_STREAM_STATUS_RESERVED;
    CHECK(aclrtSynchronizeStream(stale) != ACL_SUCCESS);
    CHECK(aclrtStreamQuery(stale, &status) != ACL_SUCCESS);
    CHECK(aclrtDestroyStream(stale) != ACL_SUCCESS);
    CHECK(aclmdlRICaptureBegin(stale, ACL_MODEL_RI_CAPTURE_MODE_GLOBAL) != ACL_SUCCESS);
    CHECK(aclrtRecordEvent(event, live) != ACL_SUCCESS);
    CHECK(aclrtStreamWaitEvent(live, event) != ACL_SUCCESS);
    CHECK(aclrtSynchronizeEvent(event) != ACL_SUCCESS);
    CHECK(aclrtDestroyEvent(event) != ACL_SUCCESS);
    CHECK(aclmdlRIExecuteAsync(model, live) != ACL_SUCCESS);
    CHECK(aclmdlRIDestroy(model) != ACL_SUCCESS);
    int forged = 0;
    CHECK(aclrtSynchronizeStream(&forged) != ACL_SUCCESS);
    CHECK(aclmdlRIExecuteAsync(&forged, live) != ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStream(live), ACL_SUCCESS);
}

TEST_CASE("a handle this thread looked up often is refused once another thread destroyed it") {
    rt::NoLeaks leaks;
    rt::Stream stream;
    REQUIRE(stream.ok());
    for (int i = 0; i < 100; ++i) { // the lookups this thread remembers
        CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
    }
    aclrtStream handle = stream;
    aclError destroyed = ACL_ERROR_INVALID_PARAM;
    rt::RunOnThread(rt::CurrentContext(), [&] { destroyed = stream.Destroy(); });
    CHECK_EQ(destroyed, ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStream(handle), ACL_ERROR_RT_INVALID_HANDLE);
    aclrtStreamStatus status = ACL_STREAM_STATUS_RESERVED;
    CHECK_EQ(aclrtStreamQuery(handle, &status), ACL_ERROR_RT_INVALID_HANDLE);
}

namespace {

// Counts the host functions that ran, and those that ran out of their submission order.
struct Sequence {
    std::atomic<uint64_t> ran{0};
    std::atomic<uint64_t> outOfOrder{0};
    uint64_t submitted = 0;
};

struct SequenceStep {
    Sequence *sequence;
    uint64_t number;
    static void Run(void *arg) {
        auto *step = static_cast<SequenceStep *>(arg);
        if (step->sequence->ran.fetch_add(1) + 1 != step->number) {
            step->sequence->outOfOrder.fetch_add(1);
        }
    }
};

// Destroys its own stream from its worker, once the test has queued the tasks that follow (a worker
// faster than the submitting thread, as under emulation, would otherwise destroy the stream before
// they are issued).
struct SelfDestroy {
    aclrtStream stream = nullptr;
    std::atomic<int> status{-1};
    std::atomic<bool> followersQueued{false};
    static void Run(void *arg) {
        auto *self = static_cast<SelfDestroy *>(arg);
        auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
        while (!self->followersQueued.load() && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        self->status.store(aclrtDestroyStream(self->stream));
    }
};

} // namespace

TEST_CASE("back-to-back submit and synchronise across many queue blocks: every task runs once, in order") {
    rt::NoLeaks leaks;
    rt::Stream stream;
    REQUIRE(stream.ok());
    Sequence sequence;
    std::vector<SequenceStep> steps(64);
    int wrong = 0;
    // Bursts of 1 to 3 tasks (and now and then 40) between synchronisations: the stream's worker
    // meets the ends of its queue blocks while idle, mid-burst and with the submitter just ahead.
    for (int round = 0; round < 20000; ++round) {
        int burst = round % 97 == 0 ? 40 : 1 + round % 3;
        for (int i = 0; i < burst; ++i) {
            steps[i] = {&sequence, ++sequence.submitted};
            wrong += aclrtLaunchHostFunc(stream, SequenceStep::Run, &steps[i]) != ACL_SUCCESS;
        }
        wrong += aclrtSynchronizeStream(stream) != ACL_SUCCESS;
        wrong += sequence.ran.load() != sequence.submitted;
    }
    CHECK_EQ(wrong, 0);
    CHECK_EQ(sequence.outOfOrder.load(), 0u);
}

TEST_CASE("a host function may destroy its own stream: the tasks queued after it still run") {
    rt::LeakCheck leaks;
    SelfDestroy destroy;
    REQUIRE(aclrtCreateStream(&destroy.stream) == ACL_SUCCESS);
    std::atomic<int> before{0}, after{0};
    CHECK_EQ(aclrtLaunchHostFunc(destroy.stream, rt::CountHostFunc, &before), ACL_SUCCESS);
    CHECK_EQ(aclrtLaunchHostFunc(destroy.stream, SelfDestroy::Run, &destroy), ACL_SUCCESS);
    for (int i = 0; i < 3; ++i) {
        CHECK_EQ(aclrtLaunchHostFunc(destroy.stream, rt::CountHostFunc, &after), ACL_SUCCESS);
    }
    destroy.followersQueued.store(true);
    // The worker cannot wait for itself: it finishes its queue, then the stream goes.
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (after.load() < 3 && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    CHECK_EQ(destroy.status.load(), ACL_SUCCESS);
    CHECK_EQ(before.load(), 1);
    CHECK_EQ(after.load(), 3);
    CHECK_EQ(aclrtSynchronizeStream(destroy.stream), ACL_ERROR_RT_INVALID_HANDLE);
    VERIFY_NO_LEAKS(leaks); // the stream itself, once its worker has let go
}

RT_TEST_MAIN()
