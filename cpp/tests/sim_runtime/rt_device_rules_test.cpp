// Behaviours taken from CANN's runtime source (hicann/runtime, src/runtime and src/acl), each case
// naming the function it follows: event reset and wait rules, task groups per stream, what a
// whole-model invalidation leaves in aclmdlRICaptureGetInfo, persistent streams, the debug dumps
// of a model still capturing, cross-capture event records, aclmdlRIExecuteAsync's context checks,
// and the codes of pageable copies per simulated release.
#include "rt_graph_util.h"

// aclmdlRIDebugPrint is deprecated in CANN's header; it is still a rule under test here.
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

namespace {

constexpr int64_t kN = 64;
constexpr size_t kBytes = kN * sizeof(float);

aclrtEvent EventWithFlag(uint32_t flag) {
    aclrtEvent event = nullptr;
    return aclrtCreateEventWithFlag(&event, flag) == ACL_SUCCESS ? event : nullptr;
}

aclrtEvent EventExWithFlag(uint32_t flag) {
    aclrtEvent event = nullptr;
    return aclrtCreateEventExWithFlag(&event, flag) == ACL_SUCCESS ? event : nullptr;
}

aclError EndAndDestroy(aclrtStream stream) {
    aclmdlRI model = nullptr;
    aclError rc = aclmdlRICaptureEnd(stream, &model);
    if (model != nullptr) {
        aclmdlRIDestroy(model);
    }
    return rc;
}

// Streams destroyed at the end of their scope.
struct Streams {
    std::vector<aclrtStream> s;
    explicit Streams(int n) : s(static_cast<size_t>(n), nullptr) {
        for (auto &stream : s) aclrtCreateStream(&stream);
    }
    bool Ok() const {
        return std::all_of(s.begin(), s.end(), [](aclrtStream stream) { return stream != nullptr; });
    }
    ~Streams() {
        for (auto stream : s) {
            if (stream) aclrtDestroyStream(stream);
        }
    }
    aclrtStream operator[](size_t i) const { return s[i]; }
};

size_t Count(const std::string &text, const std::string &what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
        ++n;
    }
    return n;
}

} // namespace

// ApiErrorDecorator::EventReset and ApiImpl::EventReset.
TEST_CASE("aclrtResetEvent: aclrtCreateEvent/WithFlag(SYNC, EXTERNAL) events -> 0; Ex events, IPC, no wait task -> 207000") {
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    aclrtEvent plain = nullptr;
    REQUIRE(aclrtCreateEvent(&plain) == ACL_SUCCESS);
    aclrtEvent sync = EventWithFlag(ACL_EVENT_SYNC);
    aclrtEvent external = EventWithFlag(ACL_EVENT_EXTERNAL);
    aclrtEvent timeline = EventWithFlag(ACL_EVENT_TIME_LINE);
    aclrtEvent ipc = EventWithFlag(ACL_EVENT_IPC);
    aclrtEvent ex = EventExWithFlag(ACL_EVENT_SYNC);
    REQUIRE(sync && external && timeline && ipc && ex);
    CHECK_EQ(aclrtResetEvent(plain, stream), ACL_SUCCESS);
    CHECK_EQ(aclrtResetEvent(sync, stream), ACL_SUCCESS);
    CHECK_EQ(aclrtResetEvent(external, stream), ACL_SUCCESS);
    CHECK_EQ(aclrtResetEvent(timeline, stream), ACL_ERROR_RT_FEATURE_NOT_SUPPORT);
    CHECK_EQ(aclrtResetEvent(ipc, stream), ACL_ERROR_RT_FEATURE_NOT_SUPPORT);
    CHECK_EQ(aclrtResetEvent(ex, stream), ACL_ERROR_RT_FEATURE_NOT_SUPPORT);
    // On a capturing stream only ACL_EVENT_EXTERNAL events can be reset (Event::ToBeCaptured).
    CHECK_EQ(aclmdlRICaptureBegin(stream, rt::kGlobal), ACL_SUCCESS);
    CHECK_EQ(aclrtResetEvent(sync, stream), ACL_ERROR_RT_FEATURE_NOT_SUPPORT);
    CHECK_EQ(aclrtResetEvent(external, stream), ACL_SUCCESS);
    CHECK_EQ(rt::StatusOf(stream), rt::kActive);
    CHECK_EQ(EndAndDestroy(stream), ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
    for (aclrtEvent e : {plain, sync, external, timeline, ipc, ex}) {
        CHECK_EQ(aclrtDestroyEvent(e), ACL_SUCCESS);
    }
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

// The task-update guide's flow: a capture waits on an EXTERNAL event from aclrtCreateEventWithFlag;
// each round records it after the update and resets it for the next round.
TEST_CASE("update-with-event flow: an EXTERNAL event is recorded, awaited by the replay and reset") {
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    aclrtStream side = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    REQUIRE(aclrtCreateStream(&side) == ACL_SUCCESS);
    aclrtEvent ready = EventWithFlag(ACL_EVENT_EXTERNAL);
    REQUIRE(ready != nullptr);
    std::atomic<int> ran{0};
    CHECK_EQ(aclmdlRICaptureBegin(stream, rt::kGlobal), ACL_SUCCESS);
    CHECK_EQ(aclrtStreamWaitEvent(stream, ready), ACL_SUCCESS);
    CHECK_EQ(aclrtResetEvent(ready, stream), ACL_SUCCESS);
    CHECK_EQ(aclrtLaunchHostFunc(stream, rt::CountHostFunc, &ran), ACL_SUCCESS);
    aclmdlRI model = nullptr;
    CHECK_EQ(aclmdlRICaptureEnd(stream, &model), ACL_SUCCESS);
    REQUIRE(model != nullptr);
    for (int round = 0; round < 3; ++round) {
        CHECK_EQ(aclrtRecordEvent(ready, side), ACL_SUCCESS);
        CHECK_EQ(aclmdlRIExecuteAsync(model, stream), ACL_SUCCESS);
        CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
    }
    CHECK_EQ(ran.load(), 3);
    CHECK_EQ(aclrtSynchronizeStream(side), ACL_SUCCESS);
    CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyEvent(ready), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(side), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

// ApiErrorDecorator::StreamWaitEvent (IsEventWithoutWaitTask) and ApiImpl::StreamWaitEvent (an Ex
// event with no record outside the capture falls through to an ordinary wait).
TEST_CASE("aclrtStreamWaitEvent: no SYNC flag -> 207000; a never-recorded Ex event on a capturing stream -> 0") {
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    aclrtEvent timeline = EventWithFlag(ACL_EVENT_TIME_LINE);
    aclrtEvent fresh = EventExWithFlag(ACL_EVENT_SYNC);
    aclrtEvent recorded = EventExWithFlag(ACL_EVENT_SYNC);
    REQUIRE(timeline && fresh && recorded);
    CHECK_EQ(aclrtStreamWaitEvent(stream, timeline), ACL_ERROR_RT_FEATURE_NOT_SUPPORT);
    CHECK_EQ(aclrtRecordEvent(recorded, stream), ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
    CHECK_EQ(aclmdlRICaptureBegin(stream, rt::kGlobal), ACL_SUCCESS);
    CHECK_EQ(aclrtStreamWaitEvent(stream, timeline), ACL_ERROR_RT_FEATURE_NOT_SUPPORT);
    CHECK_EQ(aclrtStreamWaitEvent(stream, fresh), ACL_SUCCESS);
    CHECK_EQ(aclrtStreamWaitEvent(stream, recorded), ACL_ERROR_RT_CAPTURE_DEPENDENCY);
    CHECK_EQ(rt::StatusOf(stream), rt::kActive);
    aclmdlRI model = nullptr;
    CHECK_EQ(aclmdlRICaptureEnd(stream, &model), ACL_SUCCESS);
    REQUIRE(model != nullptr);
    CHECK_EQ(aclmdlRIExecuteAsync(model, stream), ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
    CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
    for (aclrtEvent e : {timeline, fresh, recorded}) {
        CHECK_EQ(aclrtDestroyEvent(e), ACL_SUCCESS);
    }
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

// Context::StreamBeginTaskGrp keeps the group state per stream; Stream::IsTaskGroupBreak and
// Stream::SetTaskGroupErrCode: a stream of the capture without a group interrupts the open ones.
TEST_CASE("task groups: state per stream; a stream without a group -> 107034, GrpEnd returns 107034, End 507903") {
    rt::LeakCheck leaks;
    {
        Streams s(3);
        REQUIRE(s.Ok());
        void *self = rt::DevAlloc(kBytes);
        void *other = rt::DevAlloc(kBytes);
        void *out = rt::DevAlloc(kBytes);
        REQUIRE(self && other && out);
        aclrtEvent fork = EventExWithFlag(ACL_EVENT_SYNC);
        REQUIRE(fork != nullptr);
        CHECK_EQ(aclmdlRICaptureBegin(s[0], rt::kGlobal), ACL_SUCCESS);
        CHECK_EQ(aclrtRecordEvent(fork, s[0]), ACL_SUCCESS);
        CHECK_EQ(aclrtStreamWaitEvent(s[1], fork), ACL_SUCCESS);
        CHECK_EQ(aclrtStreamWaitEvent(s[2], fork), ACL_SUCCESS);
        rt::AddCall a;
        rt::AddCall b;
        REQUIRE(a.Prepare(self, other, out, kN, 1.0f) == OK);
        REQUIRE(b.Prepare(self, other, out, kN, 1.0f) == OK);
        CHECK_EQ(aclmdlRICaptureTaskGrpBegin(s[0]), ACL_SUCCESS);
        CHECK_EQ(aclmdlRICaptureTaskGrpBegin(s[0]), ACL_ERROR_STREAM_TASK_GROUP_STATUS);
        CHECK_EQ(a.Launch(s[0]), OK);
        aclrtTaskGrp first = nullptr;
        CHECK_EQ(aclmdlRICaptureTaskGrpEnd(s[0], &first), ACL_SUCCESS);
        CHECK(first != nullptr);
        // Another stream of the same capture opens a group of its own.
        CHECK_EQ(aclmdlRICaptureTaskGrpBegin(s[1]), ACL_SUCCESS);
        CHECK_EQ(b.Launch(s[1]), OK);
        // A stream without a group issues a task: the group is interrupted, the model invalidated.
        CHECK_EQ(aclrtMemsetAsync(out, kBytes, 0, kBytes, s[2]), ACL_ERROR_STREAM_TASK_GROUP_INTR);
        CHECK_EQ(rt::StatusOf(s[0]), rt::kActive); // the model is invalid, the streams are not
        CHECK_EQ(rt::StatusOf(s[2]), rt::kActive);
        // Even a group begun now is interrupted: its NOP tasks are tasks of a stream without a group.
        CHECK_EQ(aclmdlRICaptureTaskGrpBegin(s[0]), ACL_ERROR_STREAM_TASK_GROUP_INTR);
        aclrtTaskGrp handle = nullptr;
        CHECK_EQ(aclmdlRICaptureTaskGrpEnd(s[1], &handle), ACL_ERROR_STREAM_TASK_GROUP_INTR);
        CHECK(handle == nullptr);
        CHECK_EQ(aclmdlRICaptureTaskGrpEnd(s[0], &handle), ACL_ERROR_STREAM_TASK_GROUP_STATUS);
        CHECK_EQ(EndAndDestroy(s[0]), ACL_ERROR_RT_STREAM_CAPTURE_INVALIDATED);
        for (size_t i = 0; i < 3; ++i) {
            CHECK_EQ(rt::StatusOf(s[i]), rt::kNone);
        }
        CHECK_EQ(aclrtDestroyEvent(fork), ACL_SUCCESS);
        for (void *p : {self, other, out}) {
            CHECK_EQ(aclrtFree(p), ACL_SUCCESS);
        }
    }
    VERIFY_NO_LEAKS(leaks);
}

// Context::StreamBeginTaskGrp sends taskPrefetchCount NOP tasks (8 on the 910B/910_93 series)
// before the group; ApiImpl::ModelDebugDotPrint/ModelDebugJsonPrint accept a model still capturing.
TEST_CASE("aclmdlRICaptureTaskGrpBegin emits 8 NOP tasks; a model still capturing can be dumped") {
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    {
        void *self = rt::DevAlloc(kBytes);
        void *out = rt::DevAlloc(kBytes);
        REQUIRE(self && out);
        rt::AddCall add;
        REQUIRE(add.Prepare(self, self, out, kN, 1.0f) == OK);
        CHECK_EQ(aclmdlRICaptureBegin(stream, rt::kGlobal), ACL_SUCCESS);
        CHECK_EQ(aclmdlRICaptureTaskGrpBegin(stream), ACL_SUCCESS);
        CHECK_EQ(add.Launch(stream), OK);
        aclrtTaskGrp handle = nullptr;
        CHECK_EQ(aclmdlRICaptureTaskGrpEnd(stream, &handle), ACL_SUCCESS);
        aclmdlRI capturing = rt::ModelOf(stream);
        REQUIRE(capturing != nullptr);
        CHECK_EQ(aclmdlRIDebugPrint(capturing), ACL_SUCCESS);
        const std::string path = "rt_device_rules_capturing.json";
        CHECK_EQ(aclmdlRIDebugJsonPrint(capturing, path.c_str(), 0), ACL_SUCCESS);
        std::string json = rt::ReadFile(path);
        CHECK_EQ(Count(json, "\"name\":\"NOP\""), static_cast<size_t>(8));
        CHECK_EQ(Count(json, "\"ph\":\"X\""), static_cast<size_t>(9));
        CHECK(json.rfind("NOP") < json.find("\"name\":\"Add\""));
        std::remove(path.c_str());
        CHECK_EQ(rt::StatusOf(stream), rt::kActive);
        CHECK_EQ(EndAndDestroy(stream), ACL_SUCCESS);
        CHECK_EQ(aclrtFree(self), ACL_SUCCESS);
        CHECK_EQ(aclrtFree(out), ACL_SUCCESS);
    }
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

// StreamFlagIsSupportCapture (capture_adapt_v100.cc) refuses AI CPU (ACL_STREAM_CPU_SCHEDULE) and
// device-only streams only.
TEST_CASE("ACL_STREAM_PERSISTENT streams capture; CPU_SCHEDULE and DEVICE_USE_ONLY ones -> 507000") {
    rt::LeakCheck leaks;
    aclrtStream persistent = nullptr;
    aclrtStream cpu = nullptr;
    REQUIRE(aclrtCreateStreamWithConfig(&persistent, 0, ACL_STREAM_PERSISTENT) == ACL_SUCCESS);
    REQUIRE(aclrtCreateStreamWithConfig(&cpu, 0, ACL_STREAM_CPU_SCHEDULE) == ACL_SUCCESS);
    CHECK_EQ(aclmdlRICaptureBegin(persistent, rt::kGlobal), ACL_SUCCESS);
    CHECK_EQ(rt::StatusOf(persistent), rt::kActive);
    CHECK_EQ(EndAndDestroy(persistent), ACL_SUCCESS);
    CHECK_EQ(aclmdlRICaptureBegin(cpu, rt::kGlobal), ACL_ERROR_RT_INTERNAL_ERROR);
    CHECK_EQ(aclrtDestroyStream(persistent), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(cpu), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

// ApiImpl::CaptureEventRecord: with hardware capture events (IsUseHardwareEvent) the event keeps
// its capture event, so a record in a second capture is a cross-capture link (IsCrossCaptureModel).
TEST_CASE("recording an event across two captures -> 107032 with hardware events, 0 with software events") {
    rt::LeakCheck leaks;
    Streams s(2);
    REQUIRE(s.Ok());
    for (int hardware : {1, 0}) {
        aclsimSetCaptureEventMode(hardware);
        aclrtEvent e = EventExWithFlag(ACL_EVENT_SYNC);
        REQUIRE(e != nullptr);
        CHECK_EQ(aclmdlRICaptureBegin(s[0], rt::kGlobal), ACL_SUCCESS);
        CHECK_EQ(aclmdlRICaptureBegin(s[1], rt::kGlobal), ACL_SUCCESS);
        CHECK_EQ(aclrtRecordEvent(e, s[0]), ACL_SUCCESS);
        aclError want = hardware ? ACL_ERROR_STREAM_CAPTURE_CONFLICT : ACL_SUCCESS;
        CHECK_EQ(aclrtRecordEvent(e, s[1]), want);
        aclError end = hardware ? ACL_ERROR_RT_STREAM_CAPTURE_INVALIDATED : ACL_SUCCESS;
        CHECK_EQ(EndAndDestroy(s[0]), end);
        CHECK_EQ(EndAndDestroy(s[1]), end);
        CHECK_EQ(aclrtDestroyEvent(e), ACL_SUCCESS);
    }
    aclsimSetCaptureEventMode(1);
}

TEST_CASE("no leaks after the cross-capture records") {
    rt::LeakCheck leaks;
    VERIFY_NO_LEAKS(leaks);
}

// ApiImpl::ModelExecute (the model must belong to the current context) and Model::Execute (the
// stream must belong to the model's context).
TEST_CASE("aclmdlRIExecuteAsync: model of another context -> 107004; stream of another context -> 107003") {
    rt::LeakCheck leaks;
    aclrtContext home = rt::CurrentContext();
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    CHECK_EQ(aclmdlRICaptureBegin(stream, rt::kGlobal), ACL_SUCCESS);
    aclmdlRI model = nullptr;
    CHECK_EQ(aclmdlRICaptureEnd(stream, &model), ACL_SUCCESS);
    REQUIRE(model != nullptr);
    aclrtContext other = nullptr;
    REQUIRE(aclrtCreateContext(&other, 0) == ACL_SUCCESS); // current now
    aclrtStream foreign = nullptr;
    REQUIRE(aclrtCreateStream(&foreign) == ACL_SUCCESS);
    CHECK_EQ(aclmdlRIExecuteAsync(model, foreign), ACL_ERROR_RT_MODEL_CONTEXT);
    CHECK_EQ(aclmdlRIDebugPrint(model), ACL_ERROR_RT_MODEL_CONTEXT);
    REQUIRE(aclrtSetCurrentContext(home) == ACL_SUCCESS);
    CHECK_EQ(aclmdlRIExecuteAsync(model, foreign), ACL_ERROR_RT_STREAM_CONTEXT);
    CHECK_EQ(aclmdlRIExecuteAsync(model, stream), ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
    CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(foreign), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyContext(other), ACL_SUCCESS);
    REQUIRE(aclrtSetCurrentContext(home) == ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

// ApiErrorDecorator::MemcpyAsync: from 9.1 a pageable copy on a capturing stream is refused with
// 107000; in 8.5 (and 9.0) the implicit StreamSynchronize of the capturing stream fails with 107027.
TEST_CASE("pageable aclrtMemcpyAsync on a capturing stream: 107000 by default, 107027 when simulating 8.5") {
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    void *device = rt::DevAlloc(kBytes);
    REQUIRE(device != nullptr);
    std::vector<float> pageable(kN, 1.0f);
    const uint32_t initial = aclsimGetCannRelease();
    CHECK_EQ(aclsimSetCannRelease(1234), ACL_ERROR_INVALID_PARAM);
    for (uint32_t release : {902u, 901u, 900u, 805u}) {
        REQUIRE(aclsimSetCannRelease(release) == ACL_SUCCESS);
        CHECK_EQ(aclmdlRICaptureBegin(stream, rt::kGlobal), ACL_SUCCESS);
        aclError want = release >= 901 ? ACL_ERROR_RT_PARAM_INVALID : ACL_ERROR_RT_STREAM_CAPTURED;
        CHECK_EQ(aclrtMemcpyAsync(device, kBytes, pageable.data(), kBytes, ACL_MEMCPY_HOST_TO_DEVICE, stream), want);
        CHECK_EQ(rt::StatusOf(stream), rt::kActive);
        CHECK_EQ(EndAndDestroy(stream), ACL_SUCCESS);
    }
    REQUIRE(aclsimSetCannRelease(initial) == ACL_SUCCESS);
    CHECK_EQ(aclrtFree(device), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

RT_TEST_MAIN()
