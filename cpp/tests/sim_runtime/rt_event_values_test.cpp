// Events across the graph boundary and value tasks (CANN 9.2): aclrtRecordEventWithFlag and
// aclrtStreamWaitEventWithFlag with the EXTERNAL flags, aclrtQueryEvent, aclrtEventGetTimestamp,
// aclrtEventElapsedTime, aclrtValueWrite and aclrtValueWait, eager and captured; every code with
// the runtime function it follows.
#include "rt_graph_util.h"

// aclrtQueryEvent is deprecated in CANN; this suite checks it all the same.
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

using rt::StreamUsable;

namespace {

constexpr size_t kMarkBytes = 64;

aclrtEvent SyncEventEx() {
    aclrtEvent event = nullptr;
    if (aclrtCreateEventExWithFlag(&event, ACL_EVENT_SYNC) != ACL_SUCCESS) {
        return nullptr;
    }
    return event;
}

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

struct Streams {
    aclrtStream a = nullptr;
    aclrtStream b = nullptr;
    void *mark = nullptr;
    bool Init() {
        mark = rt::DevAlloc(kMarkBytes);
        return aclrtCreateStream(&a) == ACL_SUCCESS && aclrtCreateStream(&b) == ACL_SUCCESS && mark != nullptr &&
               aclrtMemset(mark, kMarkBytes, 0, kMarkBytes) == ACL_SUCCESS;
    }
    bool Marked(unsigned char value) { return rt::AllBytes(rt::ReadBytes(mark, kMarkBytes), value); }
    ~Streams() {
        if (mark) aclrtFree(mark);
        if (b) aclrtDestroyStream(b);
        if (a) aclrtDestroyStream(a);
    }
};

} // namespace

TEST_CASE("aclrtRecordEventWithFlag / aclrtStreamWaitEventWithFlag argument checks (aclrtRecordEventWithFlagImpl, "
          "aclrtStreamWaitEventWithFlagImpl): NULL event, unknown flag, EXTERNAL wait with a timeout -> 100000") {
    rt::LeakCheck leaks;
    {
        Streams s;
        REQUIRE(s.Init());
        aclrtEvent event = SyncEventEx();
        REQUIRE(event != nullptr);
        CHECK_EQ(aclrtRecordEventWithFlag(nullptr, s.a, ACL_EVENT_RECORD_EXTERNAL), ACL_ERROR_INVALID_PARAM);
        CHECK_EQ(aclrtRecordEventWithFlag(event, s.a, 2), ACL_ERROR_INVALID_PARAM);
        CHECK_EQ(aclrtStreamWaitEventWithFlag(s.a, nullptr, 0, ACL_EVENT_WAIT_EXTERNAL), ACL_ERROR_INVALID_PARAM);
        CHECK_EQ(aclrtStreamWaitEventWithFlag(s.a, event, 0, 2), ACL_ERROR_INVALID_PARAM);
        REQUIRE(aclmdlRICaptureBegin(s.a, rt::kGlobal) == ACL_SUCCESS);
        CHECK_EQ(aclrtStreamWaitEventWithFlag(s.a, event, 10, ACL_EVENT_WAIT_EXTERNAL), ACL_ERROR_INVALID_PARAM);
        CHECK_EQ(rt::StatusOf(s.a), rt::kActive);
        aclmdlRI model = nullptr;
        CHECK_EQ(aclmdlRICaptureEnd(s.a, &model), ACL_SUCCESS);
        CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
        CHECK_EQ(aclrtDestroyEvent(event), ACL_SUCCESS);
    }
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("EXTERNAL record/wait refusals (ApiErrorDecorator::EventRecord / StreamWaitEvent, ApiImpl::EventRecord / "
          "StreamWaitEvent, CaptureModel::CheckExternalEventConstraints): 207000, 107029, 107000") {
    rt::LeakCheck leaks;
    {
        Streams s;
        REQUIRE(s.Init());
        aclrtEvent plain = nullptr;
        aclrtEvent external = nullptr;
        aclrtEvent timeline = nullptr;
        REQUIRE(aclrtCreateEventWithFlag(&plain, ACL_EVENT_SYNC) == ACL_SUCCESS);
        REQUIRE(aclrtCreateEventWithFlag(&external, ACL_EVENT_EXTERNAL) == ACL_SUCCESS);
        REQUIRE(aclrtCreateEventExWithFlag(&timeline, ACL_EVENT_SYNC | ACL_EVENT_TIME_LINE) == ACL_SUCCESS);
        aclrtEvent e1 = SyncEventEx();
        aclrtEvent e2 = SyncEventEx();
        aclrtEvent e3 = SyncEventEx();
        REQUIRE(e1 && e2 && e3);
        // Not capturing: the EXTERNAL flags belong to captures (107029).
        CHECK_EQ(aclrtRecordEventWithFlag(e1, s.a, ACL_EVENT_RECORD_EXTERNAL), ACL_ERROR_RT_STREAM_NOT_CAPTURED);
        CHECK_EQ(aclrtStreamWaitEventWithFlag(s.a, e2, 0, ACL_EVENT_WAIT_EXTERNAL), ACL_ERROR_RT_STREAM_NOT_CAPTURED);
        REQUIRE(aclmdlRICaptureBegin(s.a, rt::kGlobal) == ACL_SUCCESS);
        // Only aclrtCreateEventExWithFlag(ACL_EVENT_SYNC) events cross the boundary (207000).
        for (aclrtEvent wrong : {plain, external, timeline}) {
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
        aclmdlRI model = nullptr;
        CHECK_EQ(aclmdlRICaptureEnd(s.a, &model), ACL_SUCCESS);
        CHECK_EQ(aclrtSynchronizeStream(s.b), ACL_SUCCESS);
        CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
        for (aclrtEvent e : {plain, external, timeline, e1, e2, e3}) {
            CHECK_EQ(aclrtDestroyEvent(e), ACL_SUCCESS);
        }
    }
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("EXTERNAL record/wait in the body of a conditional task -> 207000 (ApiErrorDecorator, "
          "IsStreamBindWithSubModel)") {
    rt::LeakCheck leaks;
    {
        Streams s;
        REQUIRE(s.Init());
        aclrtEvent e1 = SyncEventEx();
        aclrtEvent e2 = SyncEventEx();
        REQUIRE(e1 && e2);
        REQUIRE(aclmdlRICaptureBegin(s.a, rt::kGlobal) == ACL_SUCCESS);
        aclmdlRICondHandle handle = nullptr;
        REQUIRE(aclmdlRICondHandleCreate(rt::ModelOf(s.a), 0, static_cast<aclmdlRICondHandleFlag>(0), &handle) ==
                ACL_SUCCESS);
        aclmdlRI body = nullptr;
        REQUIRE(aclmdlRIAddCondTask({handle, ACL_MODEL_RI_COND_TYPE_IF, 1, &body}, s.a, 0) == ACL_SUCCESS);
        REQUIRE(aclmdlRICaptureToModelRIBegin(s.b, body, rt::kGlobal) == ACL_SUCCESS);
        CHECK_EQ(aclrtRecordEventWithFlag(e1, s.b, ACL_EVENT_RECORD_EXTERNAL), ACL_ERROR_RT_FEATURE_NOT_SUPPORT);
        CHECK_EQ(aclrtStreamWaitEventWithFlag(s.b, e2, 0, ACL_EVENT_WAIT_EXTERNAL), ACL_ERROR_RT_FEATURE_NOT_SUPPORT);
        CHECK_EQ(aclmdlRICaptureEnd(s.b, nullptr), ACL_SUCCESS);
        aclmdlRI model = nullptr;
        CHECK_EQ(aclmdlRICaptureEnd(s.a, &model), ACL_SUCCESS);
        CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
        CHECK_EQ(aclrtDestroyEvent(e1), ACL_SUCCESS);
        CHECK_EQ(aclrtDestroyEvent(e2), ACL_SUCCESS);
    }
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("a replay waits (ACL_EVENT_WAIT_EXTERNAL) for the record an ordinary stream made before the launch "
          "(CaptureModel::PrepareExternalWaitsForReplay); nothing to wait for when never recorded") {
    rt::LeakCheck leaks;
    {
        Streams s;
        REQUIRE(s.Init());
        aclrtEvent event = SyncEventEx();
        REQUIRE(event != nullptr);
        REQUIRE(aclmdlRICaptureBegin(s.a, rt::kGlobal) == ACL_SUCCESS);
        CHECK_EQ(aclrtStreamWaitEventWithFlag(s.a, event, 0, ACL_EVENT_WAIT_EXTERNAL), ACL_SUCCESS);
        CHECK_EQ(aclrtMemsetAsync(s.mark, kMarkBytes, 0x21, kMarkBytes, s.a), ACL_SUCCESS);
        aclmdlRI model = nullptr;
        REQUIRE(aclmdlRICaptureEnd(s.a, &model) == ACL_SUCCESS);

        // Never recorded at launch: the replay does not wait.
        CHECK_EQ(aclmdlRIExecuteAsync(model, s.a), ACL_SUCCESS);
        CHECK_EQ(aclrtSynchronizeStream(s.a), ACL_SUCCESS);
        CHECK(s.Marked(0x21));

        for (int round = 0; round < 2; ++round) {
            REQUIRE(aclrtMemset(s.mark, kMarkBytes, 0, kMarkBytes) == ACL_SUCCESS);
            rt::Gate gate;
            REQUIRE(aclrtLaunchHostFunc(s.b, rt::Gate::HostFunc, &gate) == ACL_SUCCESS);
            CHECK_EQ(aclrtRecordEvent(event, s.b), ACL_SUCCESS);
            CHECK_EQ(aclmdlRIExecuteAsync(model, s.a), ACL_SUCCESS);
            REQUIRE(gate.WaitEntered());
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            CHECK(Pending(s.a)); // held by the producer's record
            CHECK(s.Marked(0));
            gate.Open();
            CHECK_EQ(aclrtSynchronizeStream(s.a), ACL_SUCCESS);
            CHECK(s.Marked(0x21));
            CHECK_EQ(aclrtSynchronizeStream(s.b), ACL_SUCCESS);
        }
        CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
        CHECK_EQ(aclrtDestroyEvent(event), ACL_SUCCESS);
    }
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("a replay records (ACL_EVENT_RECORD_EXTERNAL) an event that ordinary streams and the host wait for "
          "(CaptureModel::PrepareExternalRecordsForReplay)") {
    rt::LeakCheck leaks;
    {
        Streams s;
        REQUIRE(s.Init());
        void *after = rt::DevAlloc(kMarkBytes);
        REQUIRE(after != nullptr);
        aclrtEvent event = SyncEventEx();
        REQUIRE(event != nullptr);
        REQUIRE(aclmdlRICaptureBegin(s.a, rt::kGlobal) == ACL_SUCCESS);
        CHECK_EQ(aclrtMemsetAsync(s.mark, kMarkBytes, 0x31, kMarkBytes, s.a), ACL_SUCCESS);
        CHECK_EQ(aclrtRecordEventWithFlag(event, s.a, ACL_EVENT_RECORD_EXTERNAL), ACL_SUCCESS);
        aclmdlRI model = nullptr;
        REQUIRE(aclmdlRICaptureEnd(s.a, &model) == ACL_SUCCESS);

        for (int round = 0; round < 2; ++round) {
            REQUIRE(aclrtMemset(s.mark, kMarkBytes, 0, kMarkBytes) == ACL_SUCCESS);
            REQUIRE(aclrtMemset(after, kMarkBytes, 0, kMarkBytes) == ACL_SUCCESS);
            rt::Gate gate;
            REQUIRE(aclrtLaunchHostFunc(s.a, rt::Gate::HostFunc, &gate) == ACL_SUCCESS);
            CHECK_EQ(aclmdlRIExecuteAsync(model, s.a), ACL_SUCCESS);
            // The consumer waits for this launch's record, not an earlier one.
            CHECK_EQ(aclrtStreamWaitEvent(s.b, event), ACL_SUCCESS);
            CHECK_EQ(aclrtMemsetAsync(after, kMarkBytes, 0x32, kMarkBytes, s.b), ACL_SUCCESS);
            REQUIRE(gate.WaitEntered());
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            CHECK(Pending(s.b));
            aclrtEventRecordedStatus status = ACL_EVENT_RECORDED_STATUS_COMPLETE;
            CHECK_EQ(aclrtQueryEventStatus(event, &status), ACL_SUCCESS);
            CHECK_EQ(status, ACL_EVENT_RECORDED_STATUS_NOT_READY);
            gate.Open();
            CHECK_EQ(aclrtSynchronizeEvent(event), ACL_SUCCESS);
            CHECK(s.Marked(0x31));
            CHECK_EQ(aclrtSynchronizeStream(s.b), ACL_SUCCESS);
            CHECK(rt::AllBytes(rt::ReadBytes(after, kMarkBytes), 0x32));
            CHECK_EQ(aclrtQueryEventStatus(event, &status), ACL_SUCCESS);
            CHECK_EQ(status, ACL_EVENT_RECORDED_STATUS_COMPLETE);
        }
        CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
        CHECK_EQ(aclrtDestroyEvent(event), ACL_SUCCESS);
        aclrtFree(after);
    }
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("one graph waiting for another across the boundary: graph A records EXTERNAL, graph B waits EXTERNAL") {
    rt::LeakCheck leaks;
    {
        Streams s;
        REQUIRE(s.Init());
        void *copy = rt::DevAlloc(kMarkBytes);
        REQUIRE(copy != nullptr);
        aclrtEvent event = SyncEventEx();
        REQUIRE(event != nullptr);
        REQUIRE(aclmdlRICaptureBegin(s.a, rt::kGlobal) == ACL_SUCCESS);
        CHECK_EQ(aclrtMemsetAsync(s.mark, kMarkBytes, 0x41, kMarkBytes, s.a), ACL_SUCCESS);
        CHECK_EQ(aclrtRecordEventWithFlag(event, s.a, ACL_EVENT_RECORD_EXTERNAL), ACL_SUCCESS);
        aclmdlRI producer = nullptr;
        REQUIRE(aclmdlRICaptureEnd(s.a, &producer) == ACL_SUCCESS);
        REQUIRE(aclmdlRICaptureBegin(s.b, rt::kGlobal) == ACL_SUCCESS);
        CHECK_EQ(aclrtStreamWaitEventWithFlag(s.b, event, 0, ACL_EVENT_WAIT_EXTERNAL), ACL_SUCCESS);
        CHECK_EQ(aclrtMemcpyAsync(copy, kMarkBytes, s.mark, kMarkBytes, ACL_MEMCPY_DEVICE_TO_DEVICE, s.b), ACL_SUCCESS);
        aclmdlRI consumer = nullptr;
        REQUIRE(aclmdlRICaptureEnd(s.b, &consumer) == ACL_SUCCESS);

        rt::Gate gate;
        REQUIRE(aclrtLaunchHostFunc(s.a, rt::Gate::HostFunc, &gate) == ACL_SUCCESS);
        CHECK_EQ(aclmdlRIExecuteAsync(producer, s.a), ACL_SUCCESS);
        CHECK_EQ(aclmdlRIExecuteAsync(consumer, s.b), ACL_SUCCESS);
        REQUIRE(gate.WaitEntered());
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        CHECK(Pending(s.b));
        gate.Open();
        CHECK_EQ(aclrtSynchronizeStream(s.b), ACL_SUCCESS);
        CHECK(rt::AllBytes(rt::ReadBytes(copy, kMarkBytes), 0x41));
        CHECK_EQ(aclrtSynchronizeStream(s.a), ACL_SUCCESS);
        CHECK_EQ(aclmdlRIDestroy(producer), ACL_SUCCESS);
        CHECK_EQ(aclmdlRIDestroy(consumer), ACL_SUCCESS);
        CHECK_EQ(aclrtDestroyEvent(event), ACL_SUCCESS);
        aclrtFree(copy);
    }
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("aclrtQueryEvent (aclrtQueryEventImpl, ApiImplEvent::EventQuery, Event::Query): 100000, 207000 for Ex / "
          "EXTERNAL events, NOT_READY then COMPLETE") {
    rt::LeakCheck leaks;
    {
        Streams s;
        REQUIRE(s.Init());
        aclrtEvent event = nullptr;
        aclrtEvent external = nullptr;
        REQUIRE(aclrtCreateEvent(&event) == ACL_SUCCESS);
        REQUIRE(aclrtCreateEventWithFlag(&external, ACL_EVENT_EXTERNAL) == ACL_SUCCESS);
        aclrtEvent ex = SyncEventEx();
        REQUIRE(ex != nullptr);
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
        for (aclrtEvent e : {event, external, ex}) {
            CHECK_EQ(aclrtDestroyEvent(e), ACL_SUCCESS);
        }
    }
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("aclrtEventGetTimestamp / aclrtEventElapsedTime (ApiErrorDecorator::EventGetTimeStamp / EventElapsedTime, "
          "Event::GetTimeStamp / ElapsedTime): 100000, 207000 EXTERNAL, 507000 never recorded, 107006 pending, 107028 "
          "captured, the time between two records") {
    rt::LeakCheck leaks;
    {
        Streams s;
        REQUIRE(s.Init());
        aclrtEvent start = nullptr;
        aclrtEvent end = nullptr;
        aclrtEvent external = nullptr;
        REQUIRE(aclrtCreateEventWithFlag(&start, ACL_EVENT_TIME_LINE | ACL_EVENT_SYNC) == ACL_SUCCESS);
        REQUIRE(aclrtCreateEventWithFlag(&end, ACL_EVENT_TIME_LINE | ACL_EVENT_SYNC) == ACL_SUCCESS);
        REQUIRE(aclrtCreateEventWithFlag(&external, ACL_EVENT_EXTERNAL) == ACL_SUCCESS);
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
        aclrtEvent captured = SyncEventEx();
        REQUIRE(captured != nullptr);
        REQUIRE(aclmdlRICaptureBegin(s.b, rt::kGlobal) == ACL_SUCCESS);
        CHECK_EQ(aclrtRecordEvent(captured, s.b), ACL_SUCCESS);
        CHECK_EQ(aclrtEventGetTimestamp(captured, &stamp), ACL_ERROR_RT_EVENT_CAPTURED);
        CHECK_EQ(aclrtEventElapsedTime(&ms, start, captured), ACL_ERROR_RT_EVENT_CAPTURED);
        aclmdlRI model = nullptr;
        CHECK_EQ(aclmdlRICaptureEnd(s.b, &model), ACL_SUCCESS);
        CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
        for (aclrtEvent e : {start, end, external, captured}) {
            CHECK_EQ(aclrtDestroyEvent(e), ACL_SUCCESS);
        }
    }
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("aclrtValueWrite / aclrtValueWait refusals (aclrtValueWriteImpl, ApiErrorDecorator::MemWriteValue / "
          "MemWaitValue): NULL 100000, flag 107000, not device memory 107000, stale stream 107017") {
    rt::LeakCheck leaks;
    {
        Streams s;
        REQUIRE(s.Init());
        void *word = rt::DevAlloc(16);
        REQUIRE(word != nullptr);
        void *pinned = nullptr;
        REQUIRE(aclrtMallocHost(&pinned, 16) == ACL_SUCCESS);
        uint64_t pageable[2] = {0, 0};
        CHECK_EQ(aclrtValueWrite(nullptr, 1, 0, s.a), ACL_ERROR_INVALID_PARAM);
        CHECK_EQ(aclrtValueWait(nullptr, 1, 0, s.a), ACL_ERROR_INVALID_PARAM);
        CHECK_EQ(aclrtValueWrite(word, 1, 1, s.a), ACL_ERROR_RT_PARAM_INVALID);
        CHECK_EQ(aclrtValueWait(word, 1, 4, s.a), ACL_ERROR_RT_PARAM_INVALID);
        CHECK_EQ(aclrtValueWrite(pinned, 1, 0, s.a), ACL_ERROR_RT_PARAM_INVALID);
        CHECK_EQ(aclrtValueWait(pageable, 1, 0, s.a), ACL_ERROR_RT_PARAM_INVALID);
        CHECK_EQ(aclrtValueWrite(static_cast<char *>(word) + 12, 1, 0, s.a), ACL_ERROR_RT_PARAM_INVALID);
        CHECK_EQ(aclrtValueWrite(static_cast<char *>(word) + 4, 1, 0, s.a), ACL_ERROR_RT_PARAM_INVALID);
        aclrtStream gone = nullptr;
        REQUIRE(aclrtCreateStream(&gone) == ACL_SUCCESS);
        REQUIRE(aclrtDestroyStream(gone) == ACL_SUCCESS);
        CHECK_EQ(aclrtValueWrite(word, 1, 0, gone), ACL_ERROR_RT_INVALID_HANDLE);
        CHECK(StreamUsable(s.a));
        aclrtFree(word);
        aclrtFreeHost(pinned);
    }
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("aclrtValueWait blocks its stream until the condition holds: GEQ (signed difference), EQ, AND, NOR; "
          "aclrtValueWrite releases it from another stream") {
    rt::LeakCheck leaks;
    {
        Streams s;
        REQUIRE(s.Init());
        void *word = rt::DevAlloc(sizeof(uint64_t));
        REQUIRE(word != nullptr);
        struct Case {
            uint32_t flag;
            uint64_t waitFor;
            uint64_t blocking; // a value that keeps the wait blocked
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
        aclrtFree(word);
    }
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("captured value tasks: a replay writes its word and waits for a value the host's stream writes") {
    rt::LeakCheck leaks;
    {
        Streams s;
        REQUIRE(s.Init());
        void *gate = rt::DevAlloc(sizeof(uint64_t));
        void *done = rt::DevAlloc(sizeof(uint64_t));
        REQUIRE(gate != nullptr && done != nullptr);
        REQUIRE(aclrtValueWrite(gate, 0, 0, s.b) == ACL_SUCCESS);
        REQUIRE(aclrtValueWrite(done, 0, 0, s.b) == ACL_SUCCESS);
        REQUIRE(aclrtSynchronizeStream(s.b) == ACL_SUCCESS);
        REQUIRE(aclmdlRICaptureBegin(s.a, rt::kGlobal) == ACL_SUCCESS);
        CHECK_EQ(aclrtValueWait(gate, 1, ACL_STREAM_WAIT_VALUE_EQ, s.a), ACL_SUCCESS);
        CHECK_EQ(aclrtValueWrite(done, 0xABCDEF, 0, s.a), ACL_SUCCESS);
        CHECK_EQ(aclrtValueWrite(gate, 0, 0, s.a), ACL_SUCCESS); // re-arm for the next replay
        aclmdlRI model = nullptr;
        REQUIRE(aclmdlRICaptureEnd(s.a, &model) == ACL_SUCCESS);
        CHECK_EQ(ReadWord(done), 0u); // captured, not run
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
        CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
        aclrtFree(gate);
        aclrtFree(done);
    }
    VERIFY_NO_LEAKS(leaks);
}

RT_TEST_MAIN()
