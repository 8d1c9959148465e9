// Behaviours taken from CANN's runtime source (hicann/runtime, src/runtime and src/acl), each case
// naming the function it follows: event reset and wait rules, task groups per stream, what a
// whole-model invalidation leaves in aclmdlRICaptureGetInfo, persistent streams, the debug dumps
// of a model still capturing, cross-capture event records, aclmdlRIExecuteAsync's context checks,
// and the codes of pageable copies per simulated release.
#include "rt_fixtures.h"

// aclmdlRIDebugPrint is deprecated in CANN's header; it is still a rule under test here.
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

namespace {

constexpr int64_t kN = 64;
constexpr size_t kBytes = kN * sizeof(float);

using rt::EndAndDestroy;

size_t Count(const std::string &text, const std::string &what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
        ++n;
    }
    return n;
}

} // namespace

// ApiErrorDecorator::EventReset and ApiImpl::EventReset.
TEST_CASE(
    "aclrtResetEvent: aclrtCreateEvent/WithFlag(SYNC, EXTERNAL) events -> 0; Ex events, IPC, no wait task -> 207000") {
    rt::NoLeaks leaks;
    rt::Stream stream;
    REQUIRE(stream.ok());
    rt::Event plain = rt::Event::Legacy();
    rt::Event sync = rt::Event::WithFlag(ACL_EVENT_SYNC);
    rt::Event external = rt::Event::WithFlag(ACL_EVENT_EXTERNAL);
    rt::Event timeline = rt::Event::WithFlag(ACL_EVENT_TIME_LINE);
    rt::Event ipc = rt::Event::WithFlag(ACL_EVENT_IPC);
    rt::Event ex(ACL_EVENT_SYNC);
    REQUIRE(plain.ok() && sync.ok() && external.ok() && timeline.ok() && ipc.ok() && ex.ok());
    const std::pair<aclrtEvent, aclError> resets[] = {
        {plain, ACL_SUCCESS},
        {sync, ACL_SUCCESS},
        {external, ACL_SUCCESS},
        {timeline, ACL_ERROR_RT_FEATURE_NOT_SUPPORT},
        {ipc, ACL_ERROR_RT_FEATURE_NOT_SUPPORT},
        {ex, ACL_ERROR_RT_FEATURE_NOT_SUPPORT},
    };
    for (const auto &reset : resets) {
        CHECK_EQ(aclrtResetEvent(reset.first, stream), reset.second);
    }
    // On a capturing stream only ACL_EVENT_EXTERNAL events can be reset (Event::ToBeCaptured).
    rt::BeginCapture(stream);
    CHECK_EQ(aclrtResetEvent(sync, stream), ACL_ERROR_RT_FEATURE_NOT_SUPPORT);
    CHECK_EQ(aclrtResetEvent(external, stream), ACL_SUCCESS);
    CHECK_EQ(rt::StatusOf(stream), rt::kActive);
    CHECK_EQ(EndAndDestroy(stream), ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
}

// The task-update guide's flow: a capture waits on an EXTERNAL event from aclrtCreateEventWithFlag;
// each round records it after the update and resets it for the next round.
TEST_CASE("update-with-event flow: an EXTERNAL event is recorded, awaited by the replay and reset") {
    rt::NoLeaks leaks;
    rt::Stream stream;
    rt::Stream side;
    rt::Event ready = rt::Event::WithFlag(ACL_EVENT_EXTERNAL);
    REQUIRE(stream.ok() && side.ok() && ready.ok());
    std::atomic<int> ran{0};
    rt::Model model = rt::Capture(stream, [&] {
        CHECK_EQ(aclrtStreamWaitEvent(stream, ready), ACL_SUCCESS);
        CHECK_EQ(aclrtResetEvent(ready, stream), ACL_SUCCESS);
        CHECK_EQ(aclrtLaunchHostFunc(stream, rt::CountHostFunc, &ran), ACL_SUCCESS);
    });
    REQUIRE(model.ok());
    for (int round = 0; round < 3; ++round) {
        CHECK_EQ(aclrtRecordEvent(ready, side), ACL_SUCCESS);
        rt::Replay(model, stream);
    }
    CHECK_EQ(ran.load(), 3);
    CHECK_EQ(aclrtSynchronizeStream(side), ACL_SUCCESS);
}

// ApiErrorDecorator::StreamWaitEvent (IsEventWithoutWaitTask) and ApiImpl::StreamWaitEvent (an Ex
// event with no record outside the capture falls through to an ordinary wait).
TEST_CASE("aclrtStreamWaitEvent: no SYNC flag -> 207000; a never-recorded Ex event on a capturing stream -> 0") {
    rt::NoLeaks leaks;
    rt::Stream stream;
    rt::Event timeline = rt::Event::WithFlag(ACL_EVENT_TIME_LINE);
    rt::Event fresh;
    rt::Event recorded;
    REQUIRE(stream.ok() && timeline.ok() && fresh.ok() && recorded.ok());
    CHECK_EQ(aclrtStreamWaitEvent(stream, timeline), ACL_ERROR_RT_FEATURE_NOT_SUPPORT);
    CHECK_EQ(aclrtRecordEvent(recorded, stream), ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
    rt::Model model = rt::Capture(stream, [&] {
        CHECK_EQ(aclrtStreamWaitEvent(stream, timeline), ACL_ERROR_RT_FEATURE_NOT_SUPPORT);
        CHECK_EQ(aclrtStreamWaitEvent(stream, fresh), ACL_SUCCESS);
        CHECK_EQ(aclrtStreamWaitEvent(stream, recorded), ACL_ERROR_RT_CAPTURE_DEPENDENCY);
        CHECK_EQ(rt::StatusOf(stream), rt::kActive);
    });
    REQUIRE(model.ok());
    rt::Replay(model, stream);
}

// Context::StreamBeginTaskGrp keeps the group state per stream; Stream::IsTaskGroupBreak and
// Stream::SetTaskGroupErrCode: a stream of the capture without a group interrupts the open ones.
TEST_CASE("task groups: state per stream; a stream without a group -> 107034, GrpEnd returns 107034, End 507903") {
    rt::NoLeaks leaks;
    rt::Streams s(3);
    rt::DeviceMemory self(kBytes);
    rt::DeviceMemory other(kBytes);
    rt::DeviceMemory out(kBytes);
    rt::Event fork;
    REQUIRE(s.ok() && self.ok() && other.ok() && out.ok() && fork.ok());
    rt::BeginCapture(s[0]);
    rt::Link(s[0], fork, s[1]);
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
}

// Context::StreamBeginTaskGrp sends taskPrefetchCount NOP tasks (8 on the 910B/910_93 series)
// before the group; ApiImpl::ModelDebugDotPrint/ModelDebugJsonPrint accept a model still capturing.
TEST_CASE("aclmdlRICaptureTaskGrpBegin emits 8 NOP tasks; a model still capturing can be dumped") {
    rt::NoLeaks leaks;
    rt::Stream stream;
    rt::DeviceMemory self(kBytes);
    rt::DeviceMemory out(kBytes);
    REQUIRE(stream.ok() && self.ok() && out.ok());
    rt::AddCall add;
    REQUIRE(add.Prepare(self, self, out, kN, 1.0f) == OK);
    rt::BeginCapture(stream);
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
}

// StreamFlagIsSupportCapture (capture_adapt_v100.cc) refuses AI CPU (ACL_STREAM_CPU_SCHEDULE) and
// device-only streams only.
TEST_CASE("ACL_STREAM_PERSISTENT streams capture; CPU_SCHEDULE and DEVICE_USE_ONLY ones -> 507000") {
    rt::NoLeaks leaks;
    aclrtStream created[2] = {nullptr, nullptr};
    REQUIRE(aclrtCreateStreamWithConfig(&created[0], 0, ACL_STREAM_PERSISTENT) == ACL_SUCCESS);
    rt::Owned<aclrtStream, aclrtDestroyStream> persistent(created[0]);
    REQUIRE(aclrtCreateStreamWithConfig(&created[1], 0, ACL_STREAM_CPU_SCHEDULE) == ACL_SUCCESS);
    rt::Owned<aclrtStream, aclrtDestroyStream> cpu(created[1]);
    rt::BeginCapture(persistent);
    CHECK_EQ(rt::StatusOf(persistent), rt::kActive);
    CHECK_EQ(EndAndDestroy(persistent), ACL_SUCCESS);
    CHECK_EQ(aclmdlRICaptureBegin(cpu, rt::kGlobal), ACL_ERROR_RT_INTERNAL_ERROR);
}

// ApiImpl::CaptureEventRecord: with hardware capture events (IsUseHardwareEvent) the event keeps
// its capture event, so a record in a second capture is a cross-capture link (IsCrossCaptureModel).
TEST_CASE("recording an event across two captures -> 107032 with hardware events, 0 with software events") {
    rt::NoLeaks leaks;
    rt::Streams s(2);
    REQUIRE(s.ok());
    for (int hardware : {1, 0}) {
        aclsimSetCaptureEventMode(hardware);
        rt::Event e;
        REQUIRE(e.ok());
        rt::BeginCapture(s[0]);
        rt::BeginCapture(s[1]);
        CHECK_EQ(aclrtRecordEvent(e, s[0]), ACL_SUCCESS);
        aclError want = hardware ? ACL_ERROR_STREAM_CAPTURE_CONFLICT : ACL_SUCCESS;
        CHECK_EQ(aclrtRecordEvent(e, s[1]), want);
        aclError end = hardware ? ACL_ERROR_RT_STREAM_CAPTURE_INVALIDATED : ACL_SUCCESS;
        CHECK_EQ(EndAndDestroy(s[0]), end);
        CHECK_EQ(EndAndDestroy(s[1]), end);
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
    rt::NoLeaks leaks;
    aclrtContext home = rt::CurrentContext();
    rt::Stream stream;
    REQUIRE(stream.ok());
    rt::Model model = rt::Capture(stream, [] {});
    REQUIRE(model.ok());
    aclrtContext other = nullptr;
    REQUIRE(aclrtCreateContext(&other, 0) == ACL_SUCCESS); // current now
    {
        rt::Stream foreign;
        REQUIRE(foreign.ok());
        CHECK_EQ(aclmdlRIExecuteAsync(model, foreign), ACL_ERROR_RT_MODEL_CONTEXT);
        CHECK_EQ(aclmdlRIDebugPrint(model), ACL_ERROR_RT_MODEL_CONTEXT);
        REQUIRE(aclrtSetCurrentContext(home) == ACL_SUCCESS);
        CHECK_EQ(aclmdlRIExecuteAsync(model, foreign), ACL_ERROR_RT_STREAM_CONTEXT);
        rt::Replay(model, stream);
    }
    CHECK_EQ(aclrtDestroyContext(other), ACL_SUCCESS);
    REQUIRE(aclrtSetCurrentContext(home) == ACL_SUCCESS);
}

// ApiErrorDecorator::MemcpyAsync: from 9.1 a pageable copy on a capturing stream is refused with
// 107000; in 8.5 (and 9.0) the implicit StreamSynchronize of the capturing stream fails with 107027.
TEST_CASE("pageable aclrtMemcpyAsync on a capturing stream: 107000 by default, 107027 when simulating 8.5") {
    rt::NoLeaks leaks;
    rt::Stream stream;
    rt::DeviceMemory device(kBytes);
    REQUIRE(stream.ok() && device.ok());
    std::vector<float> pageable(kN, 1.0f);
    const uint32_t initial = aclsimGetCannRelease();
    CHECK_EQ(aclsimSetCannRelease(1234), ACL_ERROR_INVALID_PARAM);
    for (uint32_t release : {902u, 901u, 900u, 805u}) {
        REQUIRE(aclsimSetCannRelease(release) == ACL_SUCCESS);
        rt::BeginCapture(stream);
        aclError want = release >= 901 ? ACL_ERROR_RT_PARAM_INVALID : ACL_ERROR_RT_STREAM_CAPTURED;
        CHECK_EQ(aclrtMemcpyAsync(device, kBytes, pageable.data(), kBytes, ACL_MEMCPY_HOST_TO_DEVICE, stream), want);
        CHECK_EQ(rt::StatusOf(stream), rt::kActive);
        CHECK_EQ(EndAndDestroy(stream), ACL_SUCCESS);
    }
    REQUIRE(aclsimSetCannRelease(initial) == ACL_SUCCESS);
}

RT_TEST_MAIN()
