// Events across the graph boundary and value tasks (CANN 9.2): aclrtRecordEventWithFlag and
// aclrtStreamWaitEventWithFlag with the EXTERNAL flags, aclrtQueryEvent, aclrtEventGetTimestamp,
// aclrtEventElapsedTime, aclrtValueWrite and aclrtValueWait, eager and captured; every code with
// the runtime function it follows.
#include "rt_fixtures.h"

// aclrtQueryEvent is deprecated in CANN; this suite checks it all the same.
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

namespace {

constexpr size_t kMarkBytes = 64;

// True while `stream` still has work pending.
bool Pending(aclrtStream stream) {
    aclrtStreamStatus status = ACL_STREAM_STATUS_RESERVED;
    return aclrtStreamQuery(stream, &status) == ACL_SUCCESS && status == ACL_STREAM_STATUS_NOT_READY;
}

uint64_t ReadWord(const void *device) {
    uint64_t value = 0xDEADBEEF;
    if (aclrtMemcpy(&value, sizeof value, device, sizeof value, ACL_MEMCPY_DEVICE_TO_HOST) != ACL_SUCCESS) {
        return 0xBADBAD;
    }
    return value;
}

// Two streams and a zeroed mark buffer; everything is released and leak-checked at the end of the test.
struct TwoStreams {
    rt::NoLeaks leaks;
    rt::Stream a;
    rt::Stream b;
    rt::DeviceMemory mark{kMarkBytes};
    bool Init() { return a.ok() && b.ok() && mark.ok() && aclrtMemset(mark, kMarkBytes, 0, kMarkBytes) == ACL_SUCCESS; }
    bool Marked(unsigned char value) { return rt::AllBytes(rt::ReadBytes(mark, kMarkBytes), value); }
};

// Captures on s.a a graph that writes `value` to the mark and then records `event` EXTERNAL.
rt::Model CaptureMarkThenRecord(TwoStreams &s, aclrtEvent event, unsigned char value) {
    return rt::Capture(s.a, [&] {
        CHECK_EQ(aclrtMemsetAsync(s.mark, kMarkBytes, value, kMarkBytes, s.a), ACL_SUCCESS);
        CHECK_EQ(aclrtRecordEventWithFlag(event, s.a, ACL_EVENT_RECORD_EXTERNAL), ACL_SUCCESS);
    });
}

// Queues `enqueue()` behind a closed gate on `gated`; 20 ms later `held` must still have work pending
// (and `whileHeld()` may check more) before the gate opens.
void BehindGate(
    aclrtStream gated, aclrtStream held, const std::function<void()> &enqueue,
    const std::function<void()> &whileHeld = [] {}) {
    rt::Gate gate;
    CHECK_EQ(aclrtLaunchHostFunc(gated, rt::Gate::HostFunc, &gate), ACL_SUCCESS);
    enqueue();
    CHECK(gate.WaitEntered());
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    CHECK(Pending(held));
    whileHeld();
    gate.Open();
}

} // namespace

TEST_CASE("aclrtRecordEventWithFlag / aclrtStreamWaitEventWithFlag argument checks (aclrtRecordEventWithFlagImpl, "
          "aclrtStreamWaitEventWithFlagImpl): NULL event, unknown flag, EXTERNAL wait with a timeout -> 100000") {
    TwoStreams s;
    rt::Event event;
    REQUIRE(s.Init() && event.ok());
    CHECK_EQ(aclrtRecordEventWithFlag(nullptr, s.a, ACL_EVENT_RECORD_EXTERNAL), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtRecordEventWithFlag(event, s.a, 2), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtStreamWaitEventWithFlag(s.a, nullptr, 0, ACL_EVENT_WAIT_EXTERNAL), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtStreamWaitEventWithFlag(s.a, event, 0, 2), ACL_ERROR_INVALID_PARAM);
    rt::Model model = rt::Capture(s.a, [&] {
        CHECK_EQ(aclrtStreamWaitEventWithFlag(s.a, event, 10, ACL_EVENT_WAIT_EXTERNAL), ACL_ERROR_INVALID_PARAM);
        CHECK_EQ(rt::StatusOf(s.a), rt::kActive);
    });
}

TEST_CASE("EXTERNAL record/wait refusals (ApiErrorDecorator::EventRecord / StreamWaitEvent, ApiImpl::EventRecord / "
          "StreamWaitEvent, CaptureModel::CheckExternalEventConstraints): 207000, 107029, 107000") {
    TwoStreams s;
    rt::Event plain = rt::Event::WithFlag(ACL_EVENT_SYNC);
    rt::Event external = rt::Event::WithFlag(ACL_EVENT_EXTERNAL);
    rt::Event timeline(ACL_EVENT_SYNC | ACL_EVENT_TIME_LINE);
    rt::Event e1;
    rt::Event e2;
    rt::Event e3;
    REQUIRE(s.Init() && plain.ok() && external.ok() && timeline.ok() && e1.ok() && e2.ok() && e3.ok());
    // Not capturing: the EXTERNAL flags belong to captures (107029).
    CHECK_EQ(aclrtRecordEventWithFlag(e1, s.a, ACL_EVENT_RECORD_EXTERNAL), ACL_ERROR_RT_STREAM_NOT_CAPTURED);
    CHECK_EQ(aclrtStreamWaitEventWithFlag(s.a, e2, 0, ACL_EVENT_WAIT_EXTERNAL), ACL_ERROR_RT_STREAM_NOT_CAPTURED);
    rt::BeginCapture(s.a);
    // Only aclrtCreateEventExWithFlag(ACL_EVENT_SYNC) events cross the boundary (207000).
    for (aclrtEvent wrong : {plain.get(), external.get(), timeline.get()}) {
        CHECK_EQ(aclrtRecordEventWithFlag(wrong, s.a, ACL_EVENT_RECORD_EXTERNAL), ACL_ERROR_RT_FEATURE_NOT_SUPPORT);
        CHECK_EQ(aclrtStreamWaitEventWithFlag(s.a, wrong, 0, ACL_EVENT_WAIT_EXTERNAL),
                 ACL_ERROR_RT_FEATURE_NOT_SUPPORT);
    }
    // The flag an event was first recorded (waited) with sticks (107000): e1 was recorded
    // EXTERNAL above, so a DEFAULT record is refused, and e2 likewise for waits.
    CHECK_EQ(aclrtRecordEvent(e1, s.b), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclrtRecordEventWithFlag(e1, s.b, ACL_EVENT_RECORD_DEFAULT), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclrtStreamWaitEvent(s.b, e2), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclrtRecordEvent(e3, s.b), ACL_SUCCESS);
    CHECK_EQ(aclrtRecordEventWithFlag(e3, s.a, ACL_EVENT_RECORD_EXTERNAL), ACL_ERROR_RT_PARAM_INVALID);
    // One external record and one external wait per event and graph, never both (107000).
    CHECK_EQ(aclrtRecordEventWithFlag(e1, s.a, ACL_EVENT_RECORD_EXTERNAL), ACL_SUCCESS);
    CHECK_EQ(aclrtRecordEventWithFlag(e1, s.a, ACL_EVENT_RECORD_EXTERNAL), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclrtStreamWaitEventWithFlag(s.a, e1, 0, ACL_EVENT_WAIT_EXTERNAL), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclrtStreamWaitEventWithFlag(s.a, e2, 0, ACL_EVENT_WAIT_EXTERNAL), ACL_SUCCESS);
    CHECK_EQ(aclrtStreamWaitEventWithFlag(s.a, e2, 0, ACL_EVENT_WAIT_EXTERNAL), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(rt::StatusOf(s.a), rt::kActive);
    rt::Model model = rt::EndCapture(s.a);
    CHECK_EQ(aclrtSynchronizeStream(s.b), ACL_SUCCESS);
}

TEST_CASE("EXTERNAL record/wait in the body of a conditional task -> 207000 (ApiErrorDecorator, "
          "IsStreamBindWithSubModel)") {
    TwoStreams s;
    rt::Event e1;
    rt::Event e2;
    REQUIRE(s.Init() && e1.ok() && e2.ok());
    rt::BeginCapture(s.a);
    aclmdlRICondHandle handle = nullptr;
    REQUIRE(aclmdlRICondHandleCreate(rt::ModelOf(s.a), 0, static_cast<aclmdlRICondHandleFlag>(0), &handle) ==
            ACL_SUCCESS);
    aclmdlRI body = nullptr;
    REQUIRE(aclmdlRIAddCondTask({handle, ACL_MODEL_RI_COND_TYPE_IF, 1, &body}, s.a, 0) == ACL_SUCCESS);
    REQUIRE(aclmdlRICaptureToModelRIBegin(s.b, body, rt::kGlobal) == ACL_SUCCESS);
    CHECK_EQ(aclrtRecordEventWithFlag(e1, s.b, ACL_EVENT_RECORD_EXTERNAL), ACL_ERROR_RT_FEATURE_NOT_SUPPORT);
    CHECK_EQ(aclrtStreamWaitEventWithFlag(s.b, e2, 0, ACL_EVENT_WAIT_EXTERNAL), ACL_ERROR_RT_FEATURE_NOT_SUPPORT);
    CHECK_EQ(aclmdlRICaptureEnd(s.b, nullptr), ACL_SUCCESS);
    rt::Model model = rt::EndCapture(s.a);
}

TEST_CASE("a replay waits (ACL_EVENT_WAIT_EXTERNAL) for the record an ordinary stream made before the launch "
          "(CaptureModel::PrepareExternalWaitsForReplay); nothing to wait for when never recorded") {
    TwoStreams s;
    rt::Event event;
    REQUIRE(s.Init() && event.ok());
    rt::Model model = rt::Capture(s.a, [&] {
        CHECK_EQ(aclrtStreamWaitEventWithFlag(s.a, event, 0, ACL_EVENT_WAIT_EXTERNAL), ACL_SUCCESS);
        CHECK_EQ(aclrtMemsetAsync(s.mark, kMarkBytes, 0x21, kMarkBytes, s.a), ACL_SUCCESS);
    });
    REQUIRE(model.ok());

    // Never recorded at launch: the replay does not wait.
    rt::Replay(model, s.a);
    CHECK(s.Marked(0x21));

    for (int round = 0; round < 2; ++round) {
        REQUIRE(aclrtMemset(s.mark, kMarkBytes, 0, kMarkBytes) == ACL_SUCCESS);
        BehindGate(
            s.b, s.a,
            [&] {
                CHECK_EQ(aclrtRecordEvent(event, s.b), ACL_SUCCESS);
                CHECK_EQ(aclmdlRIExecuteAsync(model, s.a), ACL_SUCCESS);
            },
            [&] { CHECK(s.Marked(0)); }); // held by the producer's record
        CHECK_EQ(aclrtSynchronizeStream(s.a), ACL_SUCCESS);
        CHECK(s.Marked(0x21));
        CHECK_EQ(aclrtSynchronizeStream(s.b), ACL_SUCCESS);
    }
}

TEST_CASE("a replay records (ACL_EVENT_RECORD_EXTERNAL) an event that ordinary streams and the host wait for "
          "(CaptureModel::PrepareExternalRecordsForReplay)") {
    TwoStreams s;
    rt::DeviceMemory after(kMarkBytes);
    rt::Event event;
    REQUIRE(s.Init() && after.ok() && event.ok());
    rt::Model model = CaptureMarkThenRecord(s, event, 0x31);
    REQUIRE(model.ok());

    for (int round = 0; round < 2; ++round) {
        REQUIRE(aclrtMemset(s.mark, kMarkBytes, 0, kMarkBytes) == ACL_SUCCESS);
        REQUIRE(aclrtMemset(after, kMarkBytes, 0, kMarkBytes) == ACL_SUCCESS);
        aclrtEventRecordedStatus status = ACL_EVENT_RECORDED_STATUS_COMPLETE;
        BehindGate(
            s.a, s.b,
            [&] {
                CHECK_EQ(aclmdlRIExecuteAsync(model, s.a), ACL_SUCCESS);
                // The consumer waits for this launch's record, not an earlier one.
                CHECK_EQ(aclrtStreamWaitEvent(s.b, event), ACL_SUCCESS);
                CHECK_EQ(aclrtMemsetAsync(after, kMarkBytes, 0x32, kMarkBytes, s.b), ACL_SUCCESS);
            },
            [&] {
                CHECK_EQ(aclrtQueryEventStatus(event, &status), ACL_SUCCESS);
                CHECK_EQ(status, ACL_EVENT_RECORDED_STATUS_NOT_READY);
            });
        CHECK_EQ(aclrtSynchronizeEvent(event), ACL_SUCCESS);
        CHECK(s.Marked(0x31));
        CHECK_EQ(aclrtSynchronizeStream(s.b), ACL_SUCCESS);
        CHECK(rt::AllBytes(rt::ReadBytes(after, kMarkBytes), 0x32));
        CHECK_EQ(aclrtQueryEventStatus(event, &status), ACL_SUCCESS);
        CHECK_EQ(status, ACL_EVENT_RECORDED_STATUS_COMPLETE);
    }
}

TEST_CASE("one graph waiting for another across the boundary: graph A records EXTERNAL, graph B waits EXTERNAL") {
    TwoStreams s;
    rt::Event event;
    rt::DeviceMemory copy(kMarkBytes);
    REQUIRE(s.Init() && event.ok() && copy.ok());
    rt::Model producer = CaptureMarkThenRecord(s, event, 0x41);
    rt::Model consumer = rt::Capture(s.b, [&] {
        CHECK_EQ(aclrtStreamWaitEventWithFlag(s.b, event, 0, ACL_EVENT_WAIT_EXTERNAL), ACL_SUCCESS);
        CHECK_EQ(aclrtMemcpyAsync(copy, kMarkBytes, s.mark, kMarkBytes, ACL_MEMCPY_DEVICE_TO_DEVICE, s.b), ACL_SUCCESS);
    });
    REQUIRE(producer.ok() && consumer.ok());

    BehindGate(s.a, s.b, [&] {
        CHECK_EQ(aclmdlRIExecuteAsync(producer, s.a), ACL_SUCCESS);
        CHECK_EQ(aclmdlRIExecuteAsync(consumer, s.b), ACL_SUCCESS);
    });
    CHECK_EQ(aclrtSynchronizeStream(s.b), ACL_SUCCESS);
    CHECK(rt::AllBytes(rt::ReadBytes(copy, kMarkBytes), 0x41));
    CHECK_EQ(aclrtSynchronizeStream(s.a), ACL_SUCCESS);
}

TEST_CASE("aclrtQueryEvent (aclrtQueryEventImpl, ApiImplEvent::EventQuery, Event::Query): 100000, 207000 for Ex / "
          "EXTERNAL events, NOT_READY then COMPLETE") {
    TwoStreams s;
    rt::Event event = rt::Event::Legacy();
    rt::Event external = rt::Event::WithFlag(ACL_EVENT_EXTERNAL);
    rt::Event ex;
    REQUIRE(s.Init() && event.ok() && external.ok() && ex.ok());
    aclrtEventStatus status = ACL_EVENT_STATUS_RESERVED;
    CHECK_EQ(aclrtQueryEvent(nullptr, &status), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtQueryEvent(event, nullptr), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtQueryEvent(ex, &status), ACL_ERROR_RT_FEATURE_NOT_SUPPORT);
    CHECK_EQ(aclrtQueryEvent(external, &status), ACL_ERROR_RT_FEATURE_NOT_SUPPORT);
    CHECK_EQ(aclrtQueryEvent(event, &status), ACL_SUCCESS); // never recorded
    CHECK_EQ(status, ACL_EVENT_STATUS_COMPLETE);
    rt::Gate gate;
    REQUIRE(aclrtLaunchHostFunc(s.a, rt::Gate::HostFunc, &gate) == ACL_SUCCESS);
    CHECK_EQ(aclrtRecordEvent(event, s.a), ACL_SUCCESS);
    CHECK_EQ(aclrtQueryEvent(event, &status), ACL_SUCCESS);
    CHECK_EQ(status, ACL_EVENT_STATUS_NOT_READY);
    gate.Open();
    CHECK_EQ(aclrtSynchronizeEvent(event), ACL_SUCCESS);
    CHECK_EQ(aclrtQueryEvent(event, &status), ACL_SUCCESS);
    CHECK_EQ(status, ACL_EVENT_STATUS_COMPLETE);
}

TEST_CASE("aclrtEventGetTimestamp / aclrtEventElapsedTime (ApiErrorDecorator::EventGetTimeStamp / EventElapsedTime, "
          "Event::GetTimeStamp / ElapsedTime): 100000, 207000 EXTERNAL, 507000 never recorded, 107006 pending, 107028 "
          "captured, the time between two records") {
    TwoStreams s;
    rt::Event start = rt::Event::WithFlag(ACL_EVENT_TIME_LINE | ACL_EVENT_SYNC);
    rt::Event end = rt::Event::WithFlag(ACL_EVENT_TIME_LINE | ACL_EVENT_SYNC);
    rt::Event external = rt::Event::WithFlag(ACL_EVENT_EXTERNAL);
    REQUIRE(s.Init() && start.ok() && end.ok() && external.ok());
    uint64_t stamp = 0;
    float ms = -1.0f;
    CHECK_EQ(aclrtEventGetTimestamp(nullptr, &stamp), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtEventGetTimestamp(start, nullptr), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtEventElapsedTime(nullptr, start, end), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtEventElapsedTime(&ms, nullptr, end), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtEventGetTimestamp(external, &stamp), ACL_ERROR_RT_FEATURE_NOT_SUPPORT);
    CHECK_EQ(aclrtEventElapsedTime(&ms, start, external), ACL_ERROR_RT_FEATURE_NOT_SUPPORT);
    CHECK_EQ(aclrtEventGetTimestamp(start, &stamp), ACL_ERROR_RT_INTERNAL_ERROR); // RT_ERROR_EVENT_RECORDER_NULL
    CHECK_EQ(aclrtEventElapsedTime(&ms, start, end), ACL_ERROR_RT_INTERNAL_ERROR);

    rt::Gate gate;
    REQUIRE(aclrtLaunchHostFunc(s.a, rt::Gate::HostFunc, &gate) == ACL_SUCCESS);
    CHECK_EQ(aclrtRecordEvent(start, s.a), ACL_SUCCESS);
    int sleepMs = 30;
    CHECK_EQ(aclrtLaunchHostFunc(s.a, rt::SleepHostFunc, &sleepMs), ACL_SUCCESS);
    CHECK_EQ(aclrtRecordEvent(end, s.a), ACL_SUCCESS);
    CHECK_EQ(aclrtEventGetTimestamp(start, &stamp), ACL_ERROR_RT_EVENT_TIMESTAMP_INVALID);
    CHECK_EQ(aclrtEventElapsedTime(&ms, start, end), ACL_ERROR_RT_EVENT_TIMESTAMP_INVALID);
    gate.Open();
    CHECK_EQ(aclrtSynchronizeStream(s.a), ACL_SUCCESS);
    uint64_t startStamp = 0;
    uint64_t endStamp = 0;
    CHECK_EQ(aclrtEventGetTimestamp(start, &startStamp), ACL_SUCCESS);
    CHECK_EQ(aclrtEventGetTimestamp(end, &endStamp), ACL_SUCCESS);
    CHECK(endStamp >= startStamp + 30000); // microseconds
    CHECK_EQ(aclrtEventElapsedTime(&ms, start, end), ACL_SUCCESS);
    CHECK(ms >= 30.0f && ms < 10000.0f);
    float back = 0.0f;
    CHECK_EQ(aclrtEventElapsedTime(&back, end, start), ACL_SUCCESS);
    CHECK_NEAR(back, -ms, 0.01);
    // A record inside a capture in progress has no time yet (107028).
    rt::Event captured;
    REQUIRE(captured.ok());
    rt::Model model = rt::Capture(s.b, [&] {
        CHECK_EQ(aclrtRecordEvent(captured, s.b), ACL_SUCCESS);
        CHECK_EQ(aclrtEventGetTimestamp(captured, &stamp), ACL_ERROR_RT_EVENT_CAPTURED);
        CHECK_EQ(aclrtEventElapsedTime(&ms, start, captured), ACL_ERROR_RT_EVENT_CAPTURED);
    });
}

TEST_CASE("aclrtValueWrite / aclrtValueWait refusals (aclrtValueWriteImpl, ApiErrorDecorator::MemWriteValue / "
          "MemWaitValue): NULL 100000, flag 107000, not device memory 107000, stale stream 107017") {
    TwoStreams s;
    rt::DeviceMemory wordMemory(16);
    rt::HostFloats pinned(4);
    REQUIRE(s.Init() && wordMemory.ok() && pinned.ok());
    char *word = wordMemory.As<char>();
    uint64_t pageable[2] = {0, 0};
    struct Call {
        bool write; // aclrtValueWrite, else aclrtValueWait
        void *address;
        uint32_t flag;
        aclError expected;
    };
    const Call calls[] = {
        {true, nullptr, 0, ACL_ERROR_INVALID_PARAM},
        {false, nullptr, 0, ACL_ERROR_INVALID_PARAM},
        {true, word, 1, ACL_ERROR_RT_PARAM_INVALID}, // unknown flag
        {false, word, 4, ACL_ERROR_RT_PARAM_INVALID},
        {true, pinned.get(), 0, ACL_ERROR_RT_PARAM_INVALID}, // not device memory
        {false, pageable, 0, ACL_ERROR_RT_PARAM_INVALID},
        {true, word + 12, 0, ACL_ERROR_RT_PARAM_INVALID}, // past the end of the allocation
        {true, word + 4, 0, ACL_ERROR_RT_PARAM_INVALID},  // misaligned
    };
    for (const Call &c : calls) {
        aclError rc = c.write ? aclrtValueWrite(c.address, 1, c.flag, s.a) : aclrtValueWait(c.address, 1, c.flag, s.a);
        CHECK_EQ(rc, c.expected);
    }
    rt::Stream gone;
    REQUIRE(gone.ok());
    aclrtStream stale = gone;
    REQUIRE(gone.Destroy() == ACL_SUCCESS);
    CHECK_EQ(aclrtValueWrite(word, 1, 0, stale), ACL_ERROR_RT_INVALID_HANDLE);
    CHECK(rt::StreamUsable(s.a));
}

TEST_CASE("aclrtValueWait blocks its stream until the condition holds: GEQ (signed difference), EQ, AND, NOR; "
          "aclrtValueWrite releases it from another stream") {
    TwoStreams s;
    rt::DeviceMemory word(sizeof(uint64_t));
    REQUIRE(s.Init() && word.ok());
    struct Case {
        uint32_t flag;
        uint64_t waitFor;
        uint64_t blocking;  // a value that keeps the wait blocked
        uint64_t releasing; // a value that releases it
    };
    const Case cases[] = {
        {ACL_STREAM_WAIT_VALUE_GEQ, 10, 9, 10},
        // Larger as unsigned, yet (int64_t)(2^63 + 10 - 10) < 0: the comparison is of the difference.
        {ACL_STREAM_WAIT_VALUE_GEQ, 10, 0x800000000000000Aull, 11},
        {ACL_STREAM_WAIT_VALUE_EQ, 7, 8, 7},
        {ACL_STREAM_WAIT_VALUE_AND, 0x0F0, 0x00F, 0x010},
        {ACL_STREAM_WAIT_VALUE_NOR, 0x1, ~0ull, 0x2},
    };
    for (const Case &c : cases) {
        REQUIRE(aclrtValueWrite(word, c.blocking, 0, s.b) == ACL_SUCCESS);
        REQUIRE(aclrtSynchronizeStream(s.b) == ACL_SUCCESS);
        REQUIRE(aclrtMemset(s.mark, kMarkBytes, 0, kMarkBytes) == ACL_SUCCESS);
        CHECK_EQ(aclrtValueWait(word, c.waitFor, c.flag, s.a), ACL_SUCCESS);
        CHECK_EQ(aclrtMemsetAsync(s.mark, kMarkBytes, 0x51, kMarkBytes, s.a), ACL_SUCCESS);
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        CHECK(Pending(s.a));
        CHECK(s.Marked(0));
        CHECK_EQ(aclrtValueWrite(word, c.releasing, 0, s.b), ACL_SUCCESS);
        CHECK_EQ(aclrtSynchronizeStream(s.a), ACL_SUCCESS);
        CHECK(s.Marked(0x51));
        CHECK_EQ(ReadWord(word), c.releasing);
    }
}

TEST_CASE("captured value tasks: a replay writes its word and waits for a value the host's stream writes") {
    TwoStreams s;
    rt::DeviceMemory gate(sizeof(uint64_t));
    rt::DeviceMemory done(sizeof(uint64_t));
    REQUIRE(s.Init() && gate.ok() && done.ok());
    REQUIRE(aclrtValueWrite(gate, 0, 0, s.b) == ACL_SUCCESS);
    REQUIRE(aclrtValueWrite(done, 0, 0, s.b) == ACL_SUCCESS);
    REQUIRE(aclrtSynchronizeStream(s.b) == ACL_SUCCESS);
    rt::Model model = rt::Capture(s.a, [&] {
        CHECK_EQ(aclrtValueWait(gate, 1, ACL_STREAM_WAIT_VALUE_EQ, s.a), ACL_SUCCESS);
        CHECK_EQ(aclrtValueWrite(done, 0xABCDEF, 0, s.a), ACL_SUCCESS);
        CHECK_EQ(aclrtValueWrite(gate, 0, 0, s.a), ACL_SUCCESS); // re-arm for the next replay
    });
    REQUIRE(model.ok());
    CHECK_EQ(ReadWord(done), 0u); // captured, not run
    // ConvertTaskType: TS_TASK_TYPE_MEM_WAIT_VALUE / MEM_WRITE_VALUE are typed, unlike copies and fills.
    aclrtStream modelStream = nullptr;
    uint32_t streams = 1;
    REQUIRE(aclmdlRIGetStreams(model, &modelStream, &streams) == ACL_SUCCESS);
    aclmdlRITask tasks[3] = {};
    uint32_t count = 3;
    REQUIRE(aclmdlRIGetTasksByStream(modelStream, tasks, &count) == ACL_SUCCESS);
    REQUIRE(count == 3);
    const aclmdlRITaskType expected[] = {ACL_MODEL_RI_TASK_VALUE_WAIT, ACL_MODEL_RI_TASK_VALUE_WRITE,
                                         ACL_MODEL_RI_TASK_VALUE_WRITE};
    for (uint32_t i = 0; i < count; ++i) {
        aclmdlRITaskType type = ACL_MODEL_RI_TASK_DEFAULT;
        CHECK_EQ(aclmdlRITaskGetType(tasks[i], &type), ACL_SUCCESS);
        CHECK_EQ(type, expected[i]);
    }
    for (int round = 0; round < 2; ++round) {
        REQUIRE(aclrtValueWrite(done, 0, 0, s.b) == ACL_SUCCESS);
        REQUIRE(aclrtSynchronizeStream(s.b) == ACL_SUCCESS);
        CHECK_EQ(aclmdlRIExecuteAsync(model, s.a), ACL_SUCCESS);
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        CHECK(Pending(s.a));
        CHECK_EQ(aclrtValueWrite(gate, 1, 0, s.b), ACL_SUCCESS);
        CHECK_EQ(aclrtSynchronizeStream(s.a), ACL_SUCCESS);
        CHECK_EQ(ReadWord(done), 0xABCDEFu);
        CHECK_EQ(ReadWord(gate), 0u);
    }
}

RT_TEST_MAIN()
