// Single-stream capture rules (acl-spec §1.6, §1.10 and the simulator's decisions): the seed flow,
// replay semantics, every refused call with its exact code, the capture status afterwards, the
// result of CaptureEnd and the stream's usability, GetInfo / ThreadExchangeMode / ExecuteAsync /
// Destroy / DebugJsonPrint checks, wrong-thread ends, invalidation and per-context capture state.
#include <unistd.h>

#include <cstdio>

#include "rt_fixtures.h"

using rt::StreamUsable;

using rt::AddGraph;
using rt::Gate;

namespace {

std::string TempPath(const char *name) {
    return std::string("./") + name + "_" + std::to_string(getpid()) + ".json";
}

// Every capture mode, in the order of their values.
constexpr aclmdlRICaptureMode kAllModes[] = {rt::kGlobal, rt::kThreadLocal, rt::kRelaxed};

// A stream in a GLOBAL capture that recorded `event`: the record is a task of the capture.
struct EventInCapture {
    rt::NoLeaks leaks;
    rt::Stream stream;
    rt::Event event;
    bool Begin() {
        if (!stream.ok() || !event.ok()) {
            return false;
        }
        rt::BeginCapture(stream);
        return aclrtRecordEvent(event, stream) == ACL_SUCCESS;
    }
};

// A stream and a 64-byte device buffer of the current context, released and leak-checked at the end of the test.
struct StreamAndBuffer {
    rt::NoLeaks leaks;
    rt::Stream stream;
    rt::DeviceMemory p{64};
    aclrtContext context = rt::CurrentContext();
    bool ok() const { return stream.ok() && p.ok(); }
};

} // namespace

TEST_CASE("seed flow through the C API: replay i leaves 1.1 * i; replays on another stream continue") {
    rt::NoLeaks leaks;
    constexpr int64_t kN = 8;
    constexpr size_t kBytes = kN * sizeof(float);
    rt::DeviceMemory selfDevice(kBytes);
    rt::DeviceMemory otherDevice(kBytes);
    rt::DeviceMemory outDevice(kBytes);
    rt::HostFloats selfHost(kN);
    rt::HostFloats otherHost(kN);
    REQUIRE(selfDevice.ok() && otherDevice.ok() && outDevice.ok() && selfHost.ok() && otherHost.ok());
    for (size_t i = 0; i < kN; ++i) {
        selfHost[i] = 0.0f;
        otherHost[i] = 1.0f;
    }
    rt::AddCall add;
    REQUIRE(add.Prepare(selfDevice, otherDevice, outDevice, kN, 1.1f) == OK);
    rt::Stream stream;
    REQUIRE(stream.ok());

    rt::BeginCapture(stream);
    CHECK_EQ(rt::StatusOf(stream), rt::kActive);
    CHECK_EQ(aclrtMemcpyAsync(selfDevice, kBytes, selfHost, kBytes, ACL_MEMCPY_HOST_TO_DEVICE, stream), ACL_SUCCESS);
    CHECK_EQ(aclrtMemcpy(otherDevice, kBytes, otherHost, kBytes, ACL_MEMCPY_HOST_TO_DEVICE),
             ACL_ERROR_RT_CAPTURE_MODE_NOT_SUPPORT);
    aclmdlRICaptureMode mode = rt::kRelaxed;
    CHECK_EQ(aclmdlRICaptureThreadExchangeMode(&mode), ACL_SUCCESS);
    CHECK_EQ(mode, rt::kGlobal);
    CHECK_EQ(aclrtMemcpy(otherDevice, kBytes, otherHost, kBytes, ACL_MEMCPY_HOST_TO_DEVICE), ACL_SUCCESS);
    CHECK_EQ(aclmdlRICaptureThreadExchangeMode(&mode), ACL_SUCCESS);
    CHECK_EQ(mode, rt::kRelaxed);
    CHECK_EQ(add.Launch(stream), OK);
    CHECK_EQ(aclrtMemcpyAsync(selfHost, kBytes, outDevice, kBytes, ACL_MEMCPY_DEVICE_TO_HOST, stream), ACL_SUCCESS);
    rt::Model model = rt::EndCapture(stream);
    REQUIRE(model.ok());
    CHECK_EQ(rt::StatusOf(stream), rt::kNone);
    CHECK(rt::AllEqual(selfHost.data(), kN, 0.0f));             // nothing ran at capture time
    CHECK(rt::AllEqual(rt::ReadFloats(otherDevice, kN), 1.0f)); // the relaxed copy ran once

    for (int replay = 1; replay <= 8; ++replay) {
        rt::Replay(model, stream);
        char printed[32];
        std::snprintf(printed, sizeof printed, "%f", selfHost[0]);
        char expected[32];
        std::snprintf(expected, sizeof expected, "%f", 1.1 * replay);
        CHECK_EQ(std::string(printed), std::string(expected));
        CHECK(rt::AllEqual(selfHost.data(), kN, 1.1f * static_cast<float>(replay), 1e-4f));
    }
    // A model replays on any stream, including one created after the capture.
    rt::Stream other;
    REQUIRE(other.ok());
    rt::Replay(model, other);
    CHECK(rt::AllEqual(selfHost.data(), kN, 9.9f, 1e-4f));
}

TEST_CASE("captured tasks do not run at capture time; every replay reads pinned host memory anew") {
    rt::NoLeaks leaks;
    rt::Stream stream;
    REQUIRE(stream.ok());
    AddGraph graph;
    REQUIRE(graph.Init(2.0f, stream));
    rt::DeviceMemory scratch(64);
    REQUIRE(scratch.ok());
    CHECK_EQ(aclrtMemset(scratch, 64, 0x01, 64), ACL_SUCCESS);
    std::atomic<int> calls{0};
    graph.SetX(5.0f);

    rt::Model model = rt::Capture(stream, [&] {
        CHECK_EQ(aclrtMemsetAsync(scratch, 64, 0x7A, 64, stream), ACL_SUCCESS);
        CHECK_EQ(aclrtLaunchHostFunc(stream, rt::CountHostFunc, &calls), ACL_SUCCESS);
        CHECK_EQ(graph.Issue(stream), 0);
    });
    REQUIRE(model.ok());
    CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
    CHECK_EQ(calls.load(), 0);
    CHECK_ALL(graph.Y(), -1.0f);
    CHECK(rt::AllBytes(rt::ReadBytes(scratch, 64), 0x01));
    CHECK_ALL(rt::ReadFloats(graph.out, AddGraph::kN), 0.0f);

    const float inputs[] = {3.0f, -7.5f, 100.0f, 0.25f};
    int replays = 0;
    for (float value : inputs) {
        graph.SetX(value);
        graph.SetY(-1.0f);
        rt::Replay(model, stream);
        ++replays;
        CHECK_ALL(graph.Y(), value + 2.0f);
        CHECK_EQ(calls.load(), replays);
    }
    CHECK(rt::AllBytes(rt::ReadBytes(scratch, 64), 0x7A));
}

TEST_CASE("an empty capture succeeds and its model replays") {
    rt::NoLeaks leaks;
    rt::Stream stream;
    REQUIRE(stream.ok());
    for (auto mode : kAllModes) {
        rt::Model model = rt::Capture(
            stream, [] {}, mode);
        REQUIRE(model.ok());
        CHECK_EQ(aclmdlRIExecuteAsync(model, stream), ACL_SUCCESS);
        rt::Replay(model, stream);
    }
}

TEST_CASE("aclmdlRICaptureBegin: NULL stream -> 100000, mode >= 3 -> 107000") {
    rt::NoLeaks leaks;
    CHECK_EQ(aclmdlRICaptureBegin(nullptr, rt::kGlobal), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclmdlRICaptureBegin(nullptr, rt::kRelaxed), ACL_ERROR_INVALID_PARAM);
    rt::Stream stream;
    REQUIRE(stream.ok());
    for (int badMode : {3, 77}) {
        CHECK_EQ(aclmdlRICaptureBegin(stream, static_cast<aclmdlRICaptureMode>(badMode)), ACL_ERROR_RT_PARAM_INVALID);
    }
    rt::ExpectFreeStream(stream);
    // The refused begins left no capture behind: an unsafe call is allowed.
    rt::DeviceMemory p(16);
    CHECK_EQ(aclrtMemset(p, 16, 0, 16), ACL_SUCCESS);
}

TEST_CASE("aclmdlRICaptureBegin on a capturing stream -> 107027; the first capture is unaffected") {
    rt::NoLeaks leaks;
    rt::Stream stream;
    REQUIRE(stream.ok());
    rt::DeviceMemory p(64);
    REQUIRE(p.ok());
    CHECK_EQ(aclrtMemset(p, 64, 0, 64), ACL_SUCCESS);
    rt::BeginCapture(stream, rt::kThreadLocal);
    aclmdlRI first = rt::ModelOf(stream);
    CHECK(first != nullptr);
    CHECK_EQ(aclrtMemsetAsync(p, 64, 0x21, 64, stream), ACL_SUCCESS);
    for (auto mode : kAllModes) {
        CHECK_EQ(aclmdlRICaptureBegin(stream, mode), ACL_ERROR_RT_STREAM_CAPTURED);
    }
    CHECK_EQ(rt::StatusOf(stream), rt::kActive);
    CHECK(rt::ModelOf(stream) == first);
    rt::Model model = rt::EndCapture(stream);
    CHECK(model == first);
    rt::Replay(model, stream);
    CHECK(rt::AllBytes(rt::ReadBytes(p, 64), 0x21));
}

// ApiImpl::StreamEndCapture: NULL modelRI is checked only when the stream captures a main model.
TEST_CASE(
    "aclmdlRICaptureEnd: NULL stream -> 100000, NULL modelRI while capturing -> 107000, not capturing -> 107029") {
    rt::NoLeaks leaks;
    rt::Stream stream;
    REQUIRE(stream.ok());
    rt::EndCaptureFails(stream, ACL_ERROR_RT_STREAM_NOT_CAPTURED);
    CHECK_EQ(aclmdlRICaptureEnd(stream, nullptr), ACL_ERROR_RT_STREAM_NOT_CAPTURED);

    rt::BeginCapture(stream);
    int dummy = 0;
    aclmdlRI model = &dummy;
    CHECK_EQ(aclmdlRICaptureEnd(nullptr, &model), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclmdlRICaptureEnd(stream, nullptr), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(rt::StatusOf(stream), rt::kActive); // parameter errors leave the capture going
    CHECK(rt::EndCapture(stream).ok());
    rt::EndCaptureFails(stream, ACL_ERROR_RT_STREAM_NOT_CAPTURED); // ended already
    CHECK(StreamUsable(stream));
}

TEST_CASE("aclmdlRICaptureGetInfo: argument checks and NONE / ACTIVE statuses with the model") {
    rt::NoLeaks leaks;
    rt::Stream stream;
    REQUIRE(stream.ok());
    aclmdlRICaptureStatus status = rt::kInvalidated;
    int dummy = 0;
    aclmdlRI model = &dummy;
    CHECK_EQ(aclmdlRICaptureGetInfo(stream, nullptr, nullptr), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclmdlRICaptureGetInfo(nullptr, &status, &model), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclmdlRICaptureGetInfo(stream, &status, &model), ACL_SUCCESS);
    CHECK_EQ(status, rt::kNone);
    CHECK(model == nullptr);
    status = rt::kInvalidated;
    CHECK_EQ(aclmdlRICaptureGetInfo(stream, &status, nullptr), ACL_SUCCESS);
    CHECK_EQ(status, rt::kNone);

    rt::BeginCapture(stream);
    CHECK_EQ(aclmdlRICaptureGetInfo(stream, &status, &model), ACL_SUCCESS);
    CHECK_EQ(status, rt::kActive);
    CHECK(model != nullptr && model != &dummy);
    aclmdlRI onlyModel = nullptr;
    CHECK_EQ(aclmdlRICaptureGetInfo(stream, nullptr, &onlyModel), ACL_SUCCESS);
    CHECK(onlyModel == model);
    rt::Model ended = rt::EndCapture(stream);
    CHECK(ended == model);
    CHECK_EQ(aclmdlRICaptureGetInfo(stream, &status, &model), ACL_SUCCESS);
    CHECK_EQ(status, rt::kNone);
    CHECK(model == nullptr);
}

TEST_CASE("aclmdlRICaptureThreadExchangeMode: NULL -> 100000, >= 3 -> 107000, first swap returns GLOBAL") {
    std::thread fresh([] {
        CHECK_EQ(aclmdlRICaptureThreadExchangeMode(nullptr), ACL_ERROR_INVALID_PARAM);
        auto bad = static_cast<aclmdlRICaptureMode>(3);
        CHECK_EQ(aclmdlRICaptureThreadExchangeMode(&bad), ACL_ERROR_RT_PARAM_INVALID);
        // Each swap returns the previous mode; the refused value changed nothing (GLOBAL first).
        aclmdlRICaptureMode previous = rt::kGlobal;
        for (auto next : {rt::kThreadLocal, rt::kRelaxed, rt::kGlobal}) {
            aclmdlRICaptureMode mode = next;
            CHECK_EQ(aclmdlRICaptureThreadExchangeMode(&mode), ACL_SUCCESS);
            CHECK_EQ(mode, previous);
            previous = next;
        }
    });
    fresh.join();
    // Per thread: another fresh thread starts at GLOBAL again.
    std::thread second([] {
        aclmdlRICaptureMode mode = rt::kRelaxed;
        CHECK_EQ(aclmdlRICaptureThreadExchangeMode(&mode), ACL_SUCCESS);
        CHECK_EQ(mode, rt::kGlobal);
    });
    second.join();
}

TEST_CASE("sync / query of the capturing stream -> 107027; capture stays ACTIVE and End succeeds") {
    rt::NoLeaks leaks;
    rt::Stream stream;
    rt::Stream bystander;
    REQUIRE(stream.ok() && bystander.ok());
    for (auto mode : kAllModes) {
        rt::BeginCapture(stream, mode);
        aclrtStreamStatus status = ACL_STREAM_STATUS_RESERVED;
        CHECK_EQ(aclrtSynchronizeStream(stream), ACL_ERROR_RT_STREAM_CAPTURED);
        CHECK_EQ(aclrtSynchronizeStreamWithTimeout(stream, 100), ACL_ERROR_RT_STREAM_CAPTURED);
        CHECK_EQ(aclrtSynchronizeStreamWithTimeout(stream, -1), ACL_ERROR_RT_STREAM_CAPTURED);
        CHECK_EQ(aclrtStreamQuery(stream, &status), ACL_ERROR_RT_STREAM_CAPTURED);
        CHECK_EQ(rt::StatusOf(stream), rt::kActive);
        // A stream that does not capture may still be synchronised and queried.
        CHECK_EQ(aclrtSynchronizeStream(bystander), ACL_SUCCESS);
        CHECK_EQ(aclrtStreamQuery(bystander, &status), ACL_SUCCESS);
        CHECK_EQ(status, ACL_STREAM_STATUS_COMPLETE);
        rt::EndCapture(stream);
        CHECK(StreamUsable(stream));
    }
}

TEST_CASE("aclrtSynchronizeDevice while a stream of the context captures -> 107027") {
    rt::NoLeaks leaks;
    rt::Stream stream;
    REQUIRE(stream.ok());
    rt::BeginCapture(stream, rt::kRelaxed);
    CHECK_EQ(aclrtSynchronizeDevice(), ACL_ERROR_RT_STREAM_CAPTURED);
    CHECK_EQ(aclrtSynchronizeDeviceWithTimeout(1000), ACL_ERROR_RT_STREAM_CAPTURED);
    // Also from another thread of the same context.
    rt::RunOnThread(rt::CurrentContext(), [] { CHECK_EQ(aclrtSynchronizeDevice(), ACL_ERROR_RT_STREAM_CAPTURED); });
    CHECK_EQ(rt::StatusOf(stream), rt::kActive);
    rt::EndCapture(stream);
    CHECK_EQ(aclrtSynchronizeDevice(), ACL_SUCCESS);
}

TEST_CASE("aclrtDestroyStream on a capturing stream -> 107027; capture continues") {
    rt::NoLeaks leaks;
    rt::Stream stream;
    REQUIRE(stream.ok());
    rt::BeginCapture(stream);
    CHECK_EQ(aclrtDestroyStream(stream), ACL_ERROR_RT_STREAM_CAPTURED);
    CHECK_EQ(rt::StatusOf(stream), rt::kActive);
    rt::EndCapture(stream);
    CHECK_EQ(stream.Destroy(), ACL_SUCCESS);
}

TEST_CASE("sync / query of an event recorded inside an active capture -> 107028") {
    EventInCapture capture;
    REQUIRE(capture.Begin());
    aclrtStream stream = capture.stream;
    aclrtEvent event = capture.event;
    aclrtEventRecordedStatus status = ACL_EVENT_RECORDED_STATUS_NOT_READY;
    CHECK_EQ(aclrtSynchronizeEvent(event), ACL_ERROR_RT_EVENT_CAPTURED);
    CHECK_EQ(aclrtSynchronizeEventWithTimeout(event, 100), ACL_ERROR_RT_EVENT_CAPTURED);
    CHECK_EQ(aclrtQueryEventStatus(event, &status), ACL_ERROR_RT_EVENT_CAPTURED);
    CHECK_EQ(rt::StatusOf(stream), rt::kActive);
    rt::Model model = rt::EndCapture(stream);
    REQUIRE(model.ok());
    rt::Replay(model, stream);
}

TEST_CASE("aclrtMemcpyAsync of pageable host memory on a capturing stream -> 107000; capture continues") {
    rt::NoLeaks leaks;
    rt::Stream stream;
    rt::DeviceMemory device(256);
    REQUIRE(stream.ok() && device.ok());
    CHECK_EQ(aclrtMemset(device, 256, 0x10, 256), ACL_SUCCESS);
    std::vector<unsigned char> pageable(256, 0x99);
    for (auto mode : {rt::kGlobal, rt::kRelaxed}) {
        rt::Model model = rt::Capture(
            stream,
            [&] {
                CHECK_EQ(aclrtMemcpyAsync(device, 256, pageable.data(), 256, ACL_MEMCPY_HOST_TO_DEVICE, stream),
                         ACL_ERROR_RT_PARAM_INVALID);
                CHECK_EQ(aclrtMemcpyAsync(pageable.data(), 256, device, 256, ACL_MEMCPY_DEVICE_TO_HOST, stream),
                         ACL_ERROR_RT_PARAM_INVALID);
                CHECK_EQ(rt::StatusOf(stream), rt::kActive);
            },
            mode);
        REQUIRE(model.ok());
        rt::Replay(model, stream);
    }
    CHECK(rt::AllBytes(rt::ReadBytes(device, 256), 0x10));
    CHECK(rt::AllBytes(pageable, 0x99));
}

TEST_CASE("any task on the default stream while a capture is active in the context -> 107031") {
    rt::NoLeaks leaks;
    rt::Stream stream;
    rt::Stream helper;
    REQUIRE(stream.ok() && helper.ok());
    rt::CapturedAddGraph earlier; // a model to replay on the default stream
    REQUIRE(earlier.Init(1.0f, helper));
    rt::DeviceMemory device(256);
    rt::HostFloats pinned(64);
    REQUIRE(device.ok() && pinned.ok());
    CHECK_EQ(aclrtMemset(device, 256, 0x01, 256), ACL_SUCCESS);
    for (size_t i = 0; i < 64; ++i)
        pinned[i] = 42.0f;
    rt::AddCall add;
    REQUIRE(add.Prepare(earlier.graph.in, earlier.graph.ones, earlier.graph.out, AddGraph::kN, 3.0f, true) == OK);
    rt::Event event;
    REQUIRE(event.ok());
    std::atomic<int> calls{0};
    earlier.graph.SetY(-1.0f);

    for (auto mode : kAllModes) {
        rt::BeginCapture(stream, mode);
        CHECK_EQ(aclrtMemcpyAsync(device, 256, pinned, 256, ACL_MEMCPY_HOST_TO_DEVICE, nullptr),
                 ACL_ERROR_RT_STREAM_CAPTURE_IMPLICIT);
        CHECK_EQ(aclrtMemsetAsync(device, 256, 0x77, 256, nullptr), ACL_ERROR_RT_STREAM_CAPTURE_IMPLICIT);
        aclnnStatus kernel = add.Launch(nullptr);
        // The runtime refuses the kernel with 107031; the operator library passes that on.
        CHECK_EQ(kernel, ACL_ERROR_RT_STREAM_CAPTURE_IMPLICIT);
        CHECK_EQ(aclrtRecordEvent(event, nullptr), ACL_ERROR_RT_STREAM_CAPTURE_IMPLICIT);
        CHECK_EQ(aclrtLaunchHostFunc(nullptr, rt::CountHostFunc, &calls), ACL_ERROR_RT_STREAM_CAPTURE_IMPLICIT);
        CHECK_EQ(aclmdlRIExecuteAsync(earlier.model, nullptr), ACL_ERROR_RT_STREAM_CAPTURE_IMPLICIT);
        // Also from another thread of the context.
        rt::RunOnThread(rt::CurrentContext(), [&] {
            CHECK_EQ(aclrtMemsetAsync(device, 256, 0x78, 256, nullptr), ACL_ERROR_RT_STREAM_CAPTURE_IMPLICIT);
        });
        CHECK_EQ(rt::StatusOf(stream), rt::kActive);
        rt::EndCapture(stream);
        // None of the refused tasks ran.
        CHECK_EQ(aclrtSynchronizeStream(nullptr), ACL_SUCCESS);
        CHECK(rt::AllBytes(rt::ReadBytes(device, 256), 0x01));
        CHECK_EQ(calls.load(), 0);
        CHECK_ALL(earlier.graph.Y(), -1.0f);
    }
    // Once no capture is active the default stream takes tasks again.
    CHECK_EQ(aclrtMemsetAsync(device, 256, 0x66, 256, nullptr), ACL_SUCCESS);
    CHECK_EQ(aclrtLaunchHostFunc(nullptr, rt::CountHostFunc, &calls), ACL_SUCCESS);
    earlier.graph.SetX(4.0f);
    rt::Replay(earlier.model, nullptr);
    CHECK(rt::AllBytes(rt::ReadBytes(device, 256), 0x66));
    CHECK_EQ(calls.load(), 1);
    CHECK_ALL(earlier.graph.Y(), 5.0f);
    CHECK_EQ(earlier.model.Destroy(), ACL_SUCCESS);
    add.Release();
}

TEST_CASE("aclrtStreamWaitEvent(default stream, captured event) -> 107031") {
    EventInCapture capture;
    REQUIRE(capture.Begin());
    aclrtStream stream = capture.stream;
    aclrtEvent event = capture.event;
    CHECK_EQ(aclrtStreamWaitEvent(nullptr, event), ACL_ERROR_RT_STREAM_CAPTURE_IMPLICIT);
    CHECK_EQ(rt::StatusOf(stream), rt::kActive);
    rt::EndCapture(stream);
    CHECK_EQ(aclrtSynchronizeStream(nullptr), ACL_SUCCESS);
}

TEST_CASE("aclmdlRIExecuteAsync: NULL -> 100000, model capturing -> 107026, stream capturing -> 107027") {
    rt::NoLeaks leaks;
    rt::Stream stream;
    rt::Stream other;
    REQUIRE(stream.ok() && other.ok());
    rt::CapturedAddGraph captured;
    REQUIRE(captured.Init(1.0f, other));
    AddGraph &graph = captured.graph;
    aclmdlRI ready = captured.model;
    CHECK_EQ(aclmdlRIExecuteAsync(nullptr, stream), ACL_ERROR_INVALID_PARAM);

    rt::BeginCapture(stream);
    aclmdlRI capturing = rt::ModelOf(stream);
    REQUIRE(capturing != nullptr);
    CHECK_EQ(aclmdlRIExecuteAsync(capturing, other), ACL_ERROR_RT_MODEL_CAPTURED);
    CHECK_EQ(aclmdlRIExecuteAsync(ready, stream), ACL_ERROR_RT_STREAM_CAPTURED);
    CHECK_EQ(rt::StatusOf(stream), rt::kActive);
    rt::Model model = rt::EndCapture(stream);
    CHECK(model == capturing);
    CHECK_EQ(aclrtSynchronizeStream(other), ACL_SUCCESS);
    CHECK_ALL(graph.Y(), -1.0f);                               // the refused replay did not run
    CHECK_EQ(aclmdlRIExecuteAsync(model, other), ACL_SUCCESS); // the (empty) model now replays
    rt::Replay(ready, other);
    CHECK_ALL(graph.Y(), 1.0f);
}

TEST_CASE("aclmdlRIExecute on a captured model -> 107000") {
    rt::NoLeaks leaks;
    rt::Stream stream;
    REQUIRE(stream.ok());
    rt::Model model = rt::Capture(stream, [] {});
    REQUIRE(model.ok());
    CHECK_EQ(aclmdlRIExecute(model, -1), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclmdlRIExecute(model, 1000), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclmdlRIExecute(nullptr, -1), ACL_ERROR_INVALID_PARAM);
}

TEST_CASE("aclmdlRIDestroy: NULL -> 100000, model capturing -> 107026") {
    rt::NoLeaks leaks;
    CHECK_EQ(aclmdlRIDestroy(nullptr), ACL_ERROR_INVALID_PARAM);
    rt::Stream stream;
    REQUIRE(stream.ok());
    rt::BeginCapture(stream);
    aclmdlRI capturing = rt::ModelOf(stream);
    REQUIRE(capturing != nullptr);
    CHECK_EQ(aclmdlRIDestroy(capturing), ACL_ERROR_RT_MODEL_CAPTURED);
    CHECK_EQ(rt::StatusOf(stream), rt::kActive);
    CHECK(rt::ModelOf(stream) == capturing);
    rt::Model model = rt::EndCapture(stream);
    CHECK(model == capturing);
    CHECK_EQ(model.Destroy(), ACL_SUCCESS);
}

TEST_CASE("aclmdlRIDestroy waits for in-flight replays") {
    rt::NoLeaks leaks;
    rt::Streams s(2);
    REQUIRE(s.ok());
    rt::SleepThenFlag slow;
    slow.ms = 40;
    rt::Model model =
        rt::Capture(s[0], [&] { CHECK_EQ(aclrtLaunchHostFunc(s[0], rt::SleepThenFlagHostFunc, &slow), ACL_SUCCESS); });
    REQUIRE(model.ok());
    // Two replays queued behind a gate on s2 and one running on s1.
    Gate gate;
    CHECK_EQ(aclrtLaunchHostFunc(s[1], Gate::HostFunc, &gate), ACL_SUCCESS);
    for (size_t on : {1, 1, 0}) {
        CHECK_EQ(aclmdlRIExecuteAsync(model, s[on]), ACL_SUCCESS);
    }
    std::thread opener([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(30));
        gate.Open();
    });
    CHECK_EQ(model.Destroy(), ACL_SUCCESS);
    CHECK_EQ(slow.done.load(), 3);
    opener.join();
    for (size_t i = 0; i < s.size(); ++i) {
        CHECK_EQ(aclrtSynchronizeStream(s[i]), ACL_SUCCESS);
    }
}

TEST_CASE("aclmdlRICaptureEnd on another thread (GLOBAL / THREAD_LOCAL) -> 107038; stream leaves capture") {
    StreamAndBuffer f;
    REQUIRE(f.ok());
    for (auto mode : {rt::kGlobal, rt::kThreadLocal}) {
        rt::BeginCapture(f.stream, mode);
        rt::Model captured(rt::ModelOf(f.stream));
        REQUIRE(captured.ok());
        CHECK_EQ(aclrtMemsetAsync(f.p, 64, 1, 64, f.stream), ACL_SUCCESS);
        rt::RunOnThread(f.context, [&] { rt::EndCaptureFails(f.stream, ACL_ERROR_RT_STREAM_CAPTURE_WRONG_THREAD); });
        CHECK_EQ(rt::StatusOf(f.stream), rt::kNone);
        aclmdlRI model = nullptr;
        CHECK_EQ(aclmdlRICaptureEnd(f.stream, &model), ACL_ERROR_RT_STREAM_NOT_CAPTURED);
        // The capture no longer restricts unsafe calls of the capturing thread.
        CHECK_EQ(aclrtMemset(f.p, 64, 0, 64), ACL_SUCCESS);
        CHECK(StreamUsable(f.stream));
    }
}

TEST_CASE("aclmdlRICaptureEnd on another thread succeeds for a RELAXED capture") {
    rt::NoLeaks leaks;
    aclrtContext context = rt::CurrentContext();
    rt::Stream stream;
    REQUIRE(stream.ok());
    AddGraph graph;
    REQUIRE(graph.Init(0.5f, stream));
    rt::BeginCapture(stream, rt::kRelaxed);
    CHECK_EQ(graph.Issue(stream), 0);
    rt::Model model;
    rt::RunOnThread(context, [&] { model = rt::EndCapture(stream); });
    REQUIRE(model.ok());
    CHECK_EQ(rt::StatusOf(stream), rt::kNone);
    graph.SetX(2.0f);
    rt::Replay(model, stream);
    CHECK_ALL(graph.Y(), 2.5f);
}

TEST_CASE("task submission fault inside a capture -> 207005, INVALIDATED, End 507903 without a model") {
    rt::NoLeaks leaks;
    aclsimClearFaults();
    rt::Stream stream;
    rt::DeviceMemory p(64);
    REQUIRE(stream.ok() && p.ok());
    CHECK_EQ(aclrtMemset(p, 64, 0x0F, 64), ACL_SUCCESS);
    rt::BeginCapture(stream);
    CHECK_EQ(aclrtMemsetAsync(p, 64, 0x01, 64, stream), ACL_SUCCESS);
    aclmdlRI capturing = rt::ModelOf(stream);
    CHECK_EQ(aclsimInjectFault(ACLSIM_FAULT_TASK_SUBMIT, 0, 1), ACL_SUCCESS);
    CHECK_EQ(aclrtMemsetAsync(p, 64, 0x02, 64, stream), ACL_ERROR_RT_RESOURCE_ALLOC_FAIL);
    CHECK_EQ(aclsimFaultsFired(ACLSIM_FAULT_TASK_SUBMIT), 1u);
    aclmdlRICaptureStatus status = rt::kNone;
    aclmdlRI model = nullptr;
    CHECK_EQ(aclmdlRICaptureGetInfo(stream, &status, &model), ACL_SUCCESS);
    CHECK_EQ(status, rt::kInvalidated);
    CHECK(model == capturing);
    // An invalidated stream is still in capture: Begin is refused (spec: ACTIVE or INVALIDATED).
    CHECK_EQ(aclmdlRICaptureBegin(stream, rt::kGlobal), ACL_ERROR_RT_STREAM_CAPTURED);
    rt::EndCaptureFails(stream, ACL_ERROR_RT_STREAM_CAPTURE_INVALIDATED);
    rt::ExpectFreeStream(stream);
    CHECK(rt::AllBytes(rt::ReadBytes(p, 64), 0x0F)); // nothing of the capture ran
    // A new capture on the same stream works.
    rt::Model again = rt::Capture(stream, [&] { CHECK_EQ(aclrtMemsetAsync(p, 64, 0x03, 64, stream), ACL_SUCCESS); });
    REQUIRE(again.ok());
    rt::Replay(again, stream);
    CHECK(rt::AllBytes(rt::ReadBytes(p, 64), 0x03));
    aclsimClearFaults();
}

TEST_CASE("capture-mode state is per context") {
    rt::NoLeaks leaks;
    uint32_t devices = 0;
    REQUIRE(aclrtGetDeviceCount(&devices) == ACL_SUCCESS && devices >= 2);
    aclrtContext contextA = rt::CurrentContext();
    rt::Stream streamA;
    rt::DeviceMemory bufferA(64);
    REQUIRE(streamA.ok() && bufferA.ok());
    std::vector<unsigned char> host(64, 0x3E);
    auto unsafeCopyA = [&] { return aclrtMemcpy(bufferA, 64, host.data(), 64, ACL_MEMCPY_HOST_TO_DEVICE); };

    aclrtContext contextB = nullptr;
    REQUIRE(aclrtCreateContext(&contextB, 1) == ACL_SUCCESS);
    {
        rt::DeviceMemory bufferB(64);
        rt::Stream streamB;
        REQUIRE(bufferB.ok() && streamB.ok());
        CHECK_EQ(aclrtSetCurrentContext(contextA), ACL_SUCCESS);

        rt::BeginCapture(streamA);
        CHECK_EQ(unsafeCopyA(), ACL_ERROR_RT_CAPTURE_MODE_NOT_SUPPORT);
        CHECK_EQ(aclrtSetCurrentContext(contextB), ACL_SUCCESS);
        // Context B has no capture: unsafe calls, device sync and its default stream are unrestricted.
        CHECK_EQ(aclrtMemcpy(bufferB, 64, host.data(), 64, ACL_MEMCPY_HOST_TO_DEVICE), ACL_SUCCESS);
        CHECK_EQ(aclrtMemset(bufferB, 64, 0x3F, 32), ACL_SUCCESS);
        CHECK_EQ(aclrtSynchronizeDevice(), ACL_SUCCESS);
        CHECK_EQ(aclrtMemsetAsync(bufferB, 64, 0x40, 16, nullptr), ACL_SUCCESS);
        CHECK_EQ(aclrtSynchronizeStream(nullptr), ACL_SUCCESS);
        CHECK_EQ(aclrtMemsetAsync(bufferB, 64, 0x41, 8, streamB), ACL_SUCCESS);
        CHECK_EQ(aclrtSynchronizeStream(streamB), ACL_SUCCESS);
        auto bytes = rt::ReadBytes(bufferB, 64);
        const std::pair<size_t, int> expected[] = {{0, 0x41}, {10, 0x40}, {20, 0x3F}, {40, 0x3E}};
        for (const auto &at : expected) {
            CHECK_EQ(static_cast<int>(bytes[at.first]), at.second);
        }
        CHECK_EQ(aclrtSetCurrentContext(contextA), ACL_SUCCESS);
        CHECK_EQ(unsafeCopyA(), ACL_ERROR_RT_CAPTURE_MODE_NOT_SUPPORT);
        CHECK_EQ(aclrtSynchronizeDevice(), ACL_ERROR_RT_STREAM_CAPTURED);
        CHECK_EQ(rt::StatusOf(streamA), rt::kActive);
        rt::EndCapture(streamA);
        CHECK_EQ(unsafeCopyA(), ACL_SUCCESS);
        // Context B's objects are released in context B.
        CHECK_EQ(aclrtSetCurrentContext(contextB), ACL_SUCCESS);
    }
    CHECK_EQ(aclrtSetCurrentContext(contextA), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyContext(contextB), ACL_SUCCESS);
}

TEST_CASE("aclmdlRIDebugJsonPrint: argument checks and the device's trace format") {
    rt::NoLeaks leaks;
    rt::Stream stream;
    REQUIRE(stream.ok());
    rt::CapturedAddGraph first;
    REQUIRE(first.Init(1.1f, stream));
    aclmdlRI model = first.model;
    std::string path = TempPath("rt_debug_json");
    CHECK_EQ(aclmdlRIDebugJsonPrint(nullptr, path.c_str(), 0), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclmdlRIDebugJsonPrint(model, nullptr, 0), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclmdlRIDebugJsonPrint(model, "/nonexistent-aclsim-dir/sub/model.json", 0), ACL_ERROR_RT_PARAM_INVALID);

    CHECK_EQ(aclmdlRIDebugJsonPrint(model, path.c_str(), 0), ACL_SUCCESS);
    std::string text = rt::ReadFile(path);
    std::remove(path.c_str());
    rt::JsonFile json = rt::ParseDebugJson(text);
    if (!json.wellFormed) {
        testsupport::fail(__FILE__, __LINE__, "JSON: " + json.problem + "\n" + text);
    }
    auto &records = json.records;
    // MEMCPY_ASYNC, the add kernel, MEMCPY_ASYNC (+ an optional MODEL_END_GRAPH).
    CHECK(records.size() == 3 || (records.size() == 4 && records[3].name == "MODEL_END_GRAPH"));
    REQUIRE(records.size() >= 3);
    CHECK_EQ(records[0].name, std::string("MEMCPY_ASYNC"));
    CHECK(!records[1].name.empty());
    CHECK(records[1].name != "MEMCPY_ASYNC");
    CHECK(records[1].name.rfind("EVENT_", 0) != 0);
    CHECK_EQ(records[2].name, std::string("MEMCPY_ASYNC"));
    for (size_t i = 0; i < records.size(); ++i) {
        const auto &r = records[i];
        CHECK_EQ(r.pid, static_cast<long>(getpid()));
        CHECK_EQ(r.ph, std::string("X"));
        CHECK_NEAR(r.dur, 9.5, 1e-9); // copies and kernels cost 10 on the device's nominal clock
        CHECK_EQ(r.ts, static_cast<long>(10 * i));
        CHECK_EQ(r.tid, records[0].tid);
        CHECK_EQ(r.streamId, r.tid);
        CHECK_EQ(r.modelId, records[0].modelId);
        if (i > 0) {
            CHECK(r.taskId > records[i - 1].taskId);
        }
    }
    // The device's 9.x records name each task's type.
    CHECK(text.find("\"Task Type\":\"MEMCPY_ASYNC\"}") != std::string::npos);
    CHECK(text.find("\"Task Type\":\"KERNEL_AICORE\"}") != std::string::npos);
    // Writing again overwrites, and an existing file in a writable folder is fine.
    CHECK_EQ(aclmdlRIDebugJsonPrint(model, path.c_str(), 0), ACL_SUCCESS);
    CHECK_EQ(aclmdlRIDebugJsonPrint(model, path.c_str(), 0), ACL_SUCCESS);
    CHECK(rt::ReadFile(path) == text);
    std::remove(path.c_str());
    // Printing does not disturb replay.
    first.graph.SetX(1.0f);
    rt::Replay(model, stream);
    CHECK_ALL(first.graph.Y(), 2.1f);

    // A second model gets its own Model Id.
    rt::CapturedAddGraph second;
    REQUIRE(second.Init(1.0f, stream));
    CHECK_EQ(aclmdlRIDebugJsonPrint(second.model, path.c_str(), 0), ACL_SUCCESS);
    rt::JsonFile json2 = rt::ParseDebugJson(rt::ReadFile(path));
    std::remove(path.c_str());
    CHECK(json2.wellFormed);
    if (json2.wellFormed && !json2.records.empty()) {
        CHECK(json2.records[0].modelId != records[0].modelId);
    }
}

TEST_CASE("work queued before aclmdlRICaptureBegin still runs eagerly") {
    StreamAndBuffer f;
    rt::DeviceMemory q(64);
    REQUIRE(f.ok() && q.ok());
    for (void *buffer : {f.p.get(), q.get()}) {
        CHECK_EQ(aclrtMemset(buffer, 64, 0, 64), ACL_SUCCESS);
    }
    Gate gate;
    CHECK_EQ(aclrtLaunchHostFunc(f.stream, Gate::HostFunc, &gate), ACL_SUCCESS);
    CHECK_EQ(aclrtMemsetAsync(f.p, 64, 0x2B, 64, f.stream), ACL_SUCCESS);
    rt::BeginCapture(f.stream);
    CHECK_EQ(aclrtMemsetAsync(q, 64, 0x2C, 64, f.stream), ACL_SUCCESS);
    gate.Open();
    rt::Model model = rt::EndCapture(f.stream);
    REQUIRE(model.ok());
    CHECK_EQ(aclrtSynchronizeStream(f.stream), ACL_SUCCESS);
    CHECK(rt::AllBytes(rt::ReadBytes(f.p, 64), 0x2B));
    CHECK(rt::AllBytes(rt::ReadBytes(q, 64), 0));
    rt::Replay(model, f.stream);
    CHECK(rt::AllBytes(rt::ReadBytes(q, 64), 0x2C));
}

TEST_CASE("a capture whose beginning thread has exited: RELAXED ends elsewhere, others -> 107038") {
    StreamAndBuffer f;
    REQUIRE(f.ok());
    for (auto mode : {rt::kRelaxed, rt::kGlobal, rt::kThreadLocal}) {
        rt::Model captured;
        rt::RunOnThread(f.context, [&] {
            rt::BeginCapture(f.stream, mode);
            CHECK_EQ(aclrtMemsetAsync(f.p, 64, 0x71, 64, f.stream), ACL_SUCCESS);
            captured = rt::Model(rt::ModelOf(f.stream));
        }); // the thread is gone now
        REQUIRE(captured.ok());
        CHECK_EQ(rt::StatusOf(f.stream), rt::kActive);
        if (mode == rt::kRelaxed) {
            aclmdlRI model = nullptr;
            CHECK_EQ(aclmdlRICaptureEnd(f.stream, &model), ACL_SUCCESS);
            CHECK(model == captured);
        } else {
            rt::EndCaptureFails(f.stream, ACL_ERROR_RT_STREAM_CAPTURE_WRONG_THREAD);
        }
        CHECK_EQ(rt::StatusOf(f.stream), rt::kNone);
        CHECK_EQ(aclrtMemset(f.p, 64, 0, 64), ACL_SUCCESS); // no capture restricts anybody any more
        CHECK_EQ(captured.Destroy(), ACL_SUCCESS);
        CHECK(StreamUsable(f.stream));
    }
}

RT_TEST_MAIN()
