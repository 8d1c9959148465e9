// Eager (non-captured) streams and events: asynchronous in-order execution, synchronisation with
// and without timeout, queries, event snapshots and cross-stream waits, and aclGetRecentErrMsg.
#include <thread>
#include <vector>

#include "rt_test_util.h"

using rt::Gate;

TEST_CASE("a stream runs its tasks asynchronously and in order") {
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    void *a = rt::DevAlloc(256);
    void *b = rt::DevAlloc(256);
    REQUIRE(a != nullptr && b != nullptr);
    CHECK_EQ(aclrtMemset(a, 256, 0, 256), ACL_SUCCESS);
    CHECK_EQ(aclrtMemset(b, 256, 0, 256), ACL_SUCCESS);

    Gate gate;
    CHECK_EQ(aclrtLaunchHostFunc(stream, Gate::HostFunc, &gate), ACL_SUCCESS);
    CHECK_EQ(aclrtMemsetAsync(a, 256, 1, 256, stream), ACL_SUCCESS);
    CHECK_EQ(aclrtMemcpyAsync(b, 256, a, 256, ACL_MEMCPY_DEVICE_TO_DEVICE, stream), ACL_SUCCESS);
    CHECK_EQ(aclrtMemsetAsync(a, 256, 2, 256, stream), ACL_SUCCESS);
    // The calls returned while the stream is blocked: nothing after the gate ran yet.
    CHECK(gate.WaitEntered());
    aclrtStreamStatus status = ACL_STREAM_STATUS_RESERVED;
    CHECK_EQ(aclrtStreamQuery(stream, &status), ACL_SUCCESS);
    CHECK_EQ(status, ACL_STREAM_STATUS_NOT_READY);
    CHECK(rt::AllBytes(rt::ReadBytes(a, 256), 0));
    gate.Open();
    CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
    CHECK_EQ(aclrtStreamQuery(stream, &status), ACL_SUCCESS);
    CHECK_EQ(status, ACL_STREAM_STATUS_COMPLETE);
    CHECK(rt::AllBytes(rt::ReadBytes(b, 256), 1));  // the copy saw the first memset, not the second
    CHECK(rt::AllBytes(rt::ReadBytes(a, 256), 2));

    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    CHECK_EQ(aclrtFree(a), ACL_SUCCESS);
    CHECK_EQ(aclrtFree(b), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("aclrtSynchronizeStream(NULL) waits for the default stream") {
    rt::LeakCheck leaks;
    void *a = rt::DevAlloc(128);
    REQUIRE(a != nullptr);
    rt::SleepThenFlag slow;
    slow.ms = 30;
    CHECK_EQ(aclrtLaunchHostFunc(nullptr, rt::SleepThenFlagHostFunc, &slow), ACL_SUCCESS);
    CHECK_EQ(aclrtMemsetAsync(a, 128, 0x33, 128, nullptr), ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStream(nullptr), ACL_SUCCESS);
    CHECK_EQ(slow.done.load(), 1);
    CHECK(rt::AllBytes(rt::ReadBytes(a, 128), 0x33));
    aclrtStreamStatus status = ACL_STREAM_STATUS_RESERVED;
    CHECK_EQ(aclrtStreamQuery(nullptr, &status), ACL_SUCCESS);
    CHECK_EQ(status, ACL_STREAM_STATUS_COMPLETE);
    CHECK_EQ(aclrtFree(a), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("aclrtSynchronizeDevice waits for every stream of the context") {
    rt::LeakCheck leaks;
    aclrtStream s1 = nullptr;
    aclrtStream s2 = nullptr;
    REQUIRE(aclrtCreateStream(&s1) == ACL_SUCCESS);
    REQUIRE(aclrtCreateStream(&s2) == ACL_SUCCESS);
    rt::SleepThenFlag slow1;
    rt::SleepThenFlag slow2;
    slow1.ms = 30;
    slow2.ms = 40;
    CHECK_EQ(aclrtLaunchHostFunc(s1, rt::SleepThenFlagHostFunc, &slow1), ACL_SUCCESS);
    CHECK_EQ(aclrtLaunchHostFunc(s2, rt::SleepThenFlagHostFunc, &slow2), ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeDevice(), ACL_SUCCESS);
    CHECK_EQ(slow1.done.load(), 1);
    CHECK_EQ(slow2.done.load(), 1);
    CHECK_EQ(aclrtDestroyStream(s1), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(s2), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("aclrtSynchronizeStreamWithTimeout: timeout < -1 or 0 -> 107000, expiry -> 507046") {
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStreamWithTimeout(stream, -2), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclrtSynchronizeStreamWithTimeout(stream, -100), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclrtSynchronizeStreamWithTimeout(stream, 0), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclrtSynchronizeStreamWithTimeout(stream, 100), ACL_SUCCESS);  // idle stream

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
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("aclrtStreamQuery: NULL status -> 100000") {
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    CHECK_EQ(aclrtStreamQuery(stream, nullptr), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtStreamQuery(nullptr, nullptr), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
}

TEST_CASE("stream creation and destruction argument checks; destroy waits for queued work") {
    rt::LeakCheck leaks;
    CHECK_EQ(aclrtCreateStream(nullptr), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtDestroyStream(nullptr), ACL_ERROR_INVALID_PARAM);
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    rt::SleepThenFlag slow;
    slow.ms = 40;
    CHECK_EQ(aclrtLaunchHostFunc(stream, rt::SleepThenFlagHostFunc, &slow), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    CHECK_EQ(slow.done.load(), 1);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("events: before any record the event is COMPLETE") {
    rt::LeakCheck leaks;
    aclrtEvent legacy = nullptr;
    aclrtEvent flagged = nullptr;
    aclrtEvent syncEvent = nullptr;
    CHECK_EQ(aclrtCreateEvent(&legacy), ACL_SUCCESS);
    CHECK_EQ(aclrtCreateEventWithFlag(&flagged, ACL_EVENT_SYNC), ACL_SUCCESS);
    CHECK_EQ(aclrtCreateEventExWithFlag(&syncEvent, ACL_EVENT_SYNC), ACL_SUCCESS);
    for (aclrtEvent e : {legacy, flagged, syncEvent}) {
        aclrtEventRecordedStatus status = ACL_EVENT_RECORDED_STATUS_NOT_READY;
        CHECK_EQ(aclrtQueryEventStatus(e, &status), ACL_SUCCESS);
        CHECK_EQ(status, ACL_EVENT_RECORDED_STATUS_COMPLETE);
        CHECK_EQ(aclrtSynchronizeEvent(e), ACL_SUCCESS);
        CHECK_EQ(aclrtQueryEventStatus(e, nullptr), ACL_ERROR_INVALID_PARAM);
        CHECK_EQ(aclrtDestroyEvent(e), ACL_SUCCESS);
    }
    CHECK_EQ(aclrtCreateEvent(nullptr), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtCreateEventExWithFlag(nullptr, ACL_EVENT_SYNC), ACL_ERROR_INVALID_PARAM);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("events: a record snapshots the work submitted before it, not later work") {
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    aclrtEvent event = nullptr;
    REQUIRE(aclrtCreateEventExWithFlag(&event, ACL_EVENT_SYNC) == ACL_SUCCESS);
    void *a = rt::DevAlloc(64);
    REQUIRE(a != nullptr);

    Gate before;
    Gate after;
    CHECK_EQ(aclrtLaunchHostFunc(stream, Gate::HostFunc, &before), ACL_SUCCESS);
    CHECK_EQ(aclrtMemsetAsync(a, 64, 0x42, 64, stream), ACL_SUCCESS);
    CHECK_EQ(aclrtRecordEvent(event, stream), ACL_SUCCESS);
    CHECK_EQ(aclrtLaunchHostFunc(stream, Gate::HostFunc, &after), ACL_SUCCESS);
    aclrtEventRecordedStatus status = ACL_EVENT_RECORDED_STATUS_COMPLETE;
    CHECK_EQ(aclrtQueryEventStatus(event, &status), ACL_SUCCESS);
    CHECK_EQ(status, ACL_EVENT_RECORDED_STATUS_NOT_READY);
    before.Open();
    // The event completes although the stream stays blocked by the later gate.
    CHECK_EQ(aclrtSynchronizeEvent(event), ACL_SUCCESS);
    CHECK_EQ(aclrtQueryEventStatus(event, &status), ACL_SUCCESS);
    CHECK_EQ(status, ACL_EVENT_RECORDED_STATUS_COMPLETE);
    CHECK(rt::AllBytes(rt::ReadBytes(a, 64), 0x42));
    CHECK(after.WaitEntered());
    aclrtStreamStatus streamStatus = ACL_STREAM_STATUS_RESERVED;
    CHECK_EQ(aclrtStreamQuery(stream, &streamStatus), ACL_SUCCESS);
    CHECK_EQ(streamStatus, ACL_STREAM_STATUS_NOT_READY);

    // Re-recording: a wait/sync uses the most recent record.
    CHECK_EQ(aclrtRecordEvent(event, stream), ACL_SUCCESS);
    CHECK_EQ(aclrtQueryEventStatus(event, &status), ACL_SUCCESS);
    CHECK_EQ(status, ACL_EVENT_RECORDED_STATUS_NOT_READY);
    after.Open();
    CHECK_EQ(aclrtSynchronizeEvent(event), ACL_SUCCESS);
    CHECK_EQ(aclrtQueryEventStatus(event, &status), ACL_SUCCESS);
    CHECK_EQ(status, ACL_EVENT_RECORDED_STATUS_COMPLETE);

    CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyEvent(event), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    CHECK_EQ(aclrtFree(a), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("events: aclrtStreamWaitEvent makes later work on another stream wait (legacy and SYNC events)") {
    rt::LeakCheck leaks;
    aclrtStream producer = nullptr;
    aclrtStream consumer = nullptr;
    REQUIRE(aclrtCreateStream(&producer) == ACL_SUCCESS);
    REQUIRE(aclrtCreateStream(&consumer) == ACL_SUCCESS);
    void *a = rt::DevAlloc(512);
    void *b = rt::DevAlloc(512);
    REQUIRE(a != nullptr && b != nullptr);
    for (int legacy = 0; legacy < 2; ++legacy) {
        aclrtEvent event = nullptr;
        if (legacy) {
            REQUIRE(aclrtCreateEvent(&event) == ACL_SUCCESS);
        } else {
            REQUIRE(aclrtCreateEventExWithFlag(&event, ACL_EVENT_SYNC) == ACL_SUCCESS);
        }
        CHECK_EQ(aclrtMemset(a, 512, 0, 512), ACL_SUCCESS);
        CHECK_EQ(aclrtMemset(b, 512, 0, 512), ACL_SUCCESS);
        Gate gate;
        unsigned char value = static_cast<unsigned char>(0x10 + legacy);
        CHECK_EQ(aclrtLaunchHostFunc(producer, Gate::HostFunc, &gate), ACL_SUCCESS);
        CHECK_EQ(aclrtMemsetAsync(a, 512, value, 512, producer), ACL_SUCCESS);
        CHECK_EQ(aclrtRecordEvent(event, producer), ACL_SUCCESS);
        CHECK_EQ(aclrtStreamWaitEvent(consumer, event), ACL_SUCCESS);
        CHECK_EQ(aclrtMemcpyAsync(b, 512, a, 512, ACL_MEMCPY_DEVICE_TO_DEVICE, consumer), ACL_SUCCESS);
        CHECK(gate.WaitEntered());
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        aclrtStreamStatus status = ACL_STREAM_STATUS_RESERVED;
        CHECK_EQ(aclrtStreamQuery(consumer, &status), ACL_SUCCESS);
        CHECK_EQ(status, ACL_STREAM_STATUS_NOT_READY);
        gate.Open();
        CHECK_EQ(aclrtSynchronizeStream(consumer), ACL_SUCCESS);
        CHECK(rt::AllBytes(rt::ReadBytes(b, 512), value));
        CHECK_EQ(aclrtSynchronizeStream(producer), ACL_SUCCESS);
        CHECK_EQ(aclrtDestroyEvent(event), ACL_SUCCESS);
    }
    CHECK_EQ(aclrtStreamWaitEvent(consumer, nullptr), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtRecordEvent(nullptr, consumer), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtDestroyStream(producer), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(consumer), ACL_SUCCESS);
    CHECK_EQ(aclrtFree(a), ACL_SUCCESS);
    CHECK_EQ(aclrtFree(b), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("events: ordering chains across three streams") {
    rt::LeakCheck leaks;
    aclrtStream s[3] = {nullptr, nullptr, nullptr};
    for (auto &stream : s) {
        REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    }
    aclrtEvent e01 = nullptr;
    aclrtEvent e12 = nullptr;
    REQUIRE(aclrtCreateEventExWithFlag(&e01, ACL_EVENT_SYNC) == ACL_SUCCESS);
    REQUIRE(aclrtCreateEventExWithFlag(&e12, ACL_EVENT_SYNC) == ACL_SUCCESS);
    void *a = rt::DevAlloc(1024);
    void *b = rt::DevAlloc(1024);
    void *c = rt::DevAlloc(1024);
    REQUIRE(a != nullptr && b != nullptr && c != nullptr);
    for (int round = 1; round <= 5; ++round) {
        Gate gate;
        CHECK_EQ(aclrtLaunchHostFunc(s[0], Gate::HostFunc, &gate), ACL_SUCCESS);
        CHECK_EQ(aclrtMemsetAsync(a, 1024, round, 1024, s[0]), ACL_SUCCESS);
        CHECK_EQ(aclrtRecordEvent(e01, s[0]), ACL_SUCCESS);
        CHECK_EQ(aclrtStreamWaitEvent(s[1], e01), ACL_SUCCESS);
        CHECK_EQ(aclrtMemcpyAsync(b, 1024, a, 1024, ACL_MEMCPY_DEVICE_TO_DEVICE, s[1]), ACL_SUCCESS);
        CHECK_EQ(aclrtRecordEvent(e12, s[1]), ACL_SUCCESS);
        CHECK_EQ(aclrtStreamWaitEvent(s[2], e12), ACL_SUCCESS);
        CHECK_EQ(aclrtMemcpyAsync(c, 1024, b, 1024, ACL_MEMCPY_DEVICE_TO_DEVICE, s[2]), ACL_SUCCESS);
        gate.Open();
        CHECK_EQ(aclrtSynchronizeStream(s[2]), ACL_SUCCESS);
        CHECK(rt::AllBytes(rt::ReadBytes(c, 1024), static_cast<unsigned char>(round)));
    }
    CHECK_EQ(aclrtSynchronizeDevice(), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyEvent(e01), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyEvent(e12), ACL_SUCCESS);
    for (auto stream : s) {
        CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    }
    CHECK_EQ(aclrtFree(a), ACL_SUCCESS);
    CHECK_EQ(aclrtFree(b), ACL_SUCCESS);
    CHECK_EQ(aclrtFree(c), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("events: aclrtSynchronizeEventWithTimeout expiry -> 507047") {
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    aclrtEvent event = nullptr;
    REQUIRE(aclrtCreateEventExWithFlag(&event, ACL_EVENT_SYNC) == ACL_SUCCESS);
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
    CHECK_EQ(aclrtDestroyEvent(event), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("aclGetRecentErrMsg names the failed call and is cleared by reading") {
    aclGetRecentErrMsg();  // drop anything left by earlier cases
    CHECK_EQ(aclrtMalloc(nullptr, 64, ACL_MEM_MALLOC_HUGE_FIRST), ACL_ERROR_INVALID_PARAM);
    const char *message = aclGetRecentErrMsg();
    REQUIRE(message != nullptr);
    std::string text(message);
    CHECK(!text.empty());
    CHECK(text.find("aclrtMalloc") != std::string::npos);
    const char *again = aclGetRecentErrMsg();
    CHECK(again == nullptr || std::string(again).empty());

    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStreamWithTimeout(stream, 0), ACL_ERROR_RT_PARAM_INVALID);
    message = aclGetRecentErrMsg();
    REQUIRE(message != nullptr);
    CHECK(std::string(message).find("aclrtSynchronizeStreamWithTimeout") != std::string::npos);

    // Successful calls leave no message; messages are per thread.
    CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
    again = aclGetRecentErrMsg();
    CHECK(again == nullptr || std::string(again).empty());
    std::thread other([] { CHECK_EQ(aclrtFree(nullptr), ACL_ERROR_INVALID_PARAM); });
    other.join();
    again = aclGetRecentErrMsg();
    CHECK(again == nullptr || std::string(again).find("aclrtFree") == std::string::npos);
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
}

TEST_CASE("stale handles (destroyed stream, event, model) are refused, not used") {
    rt::LeakCheck leaks;
    aclrtStream live = nullptr;
    aclrtStream stale = nullptr;
    aclrtEvent event = nullptr;
    REQUIRE(aclrtCreateStream(&live) == ACL_SUCCESS);
    REQUIRE(aclrtCreateStream(&stale) == ACL_SUCCESS);
    REQUIRE(aclrtCreateEventExWithFlag(&event, ACL_EVENT_SYNC) == ACL_SUCCESS);
    CHECK_EQ(aclmdlRICaptureBegin(stale, ACL_MODEL_RI_CAPTURE_MODE_GLOBAL), ACL_SUCCESS);
    aclmdlRI model = nullptr;
    CHECK_EQ(aclmdlRICaptureEnd(stale, &model), ACL_SUCCESS);
    REQUIRE(model != nullptr);
    CHECK_EQ(aclrtDestroyStream(stale), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyEvent(event), ACL_SUCCESS);
    CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);

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
    CHECK_EQ(aclrtDestroyStream(live), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("a handle this thread looked up often is refused once another thread destroyed it") {
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    for (int i = 0; i < 100; ++i) { // the lookups this thread remembers
        CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
    }
    aclrtContext context = nullptr;
    REQUIRE(aclrtGetCurrentContext(&context) == ACL_SUCCESS);
    aclError destroyed = ACL_ERROR_INVALID_PARAM;
    std::thread other([&] {
        aclrtSetCurrentContext(context);
        destroyed = aclrtDestroyStream(stream);
    });
    other.join();
    CHECK_EQ(destroyed, ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStream(stream), ACL_ERROR_RT_INVALID_HANDLE);
    aclrtStreamStatus status = ACL_STREAM_STATUS_RESERVED;
    CHECK_EQ(aclrtStreamQuery(stream, &status), ACL_ERROR_RT_INVALID_HANDLE);
    VERIFY_NO_LEAKS(leaks);
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

struct SelfDestroy {
    aclrtStream stream = nullptr;
    std::atomic<int> status{-1};
    static void Run(void *arg) {
        auto *self = static_cast<SelfDestroy *>(arg);
        self->status.store(aclrtDestroyStream(self->stream));
    }
};

} // namespace

TEST_CASE("back-to-back submit and synchronise across many queue blocks: every task runs once, in order") {
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
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
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
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
