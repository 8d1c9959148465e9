// Single-stream capture rules (acl-spec §1.6, §1.10 and the simulator's decisions): the seed flow,
// replay semantics, every refused call with its exact code, the capture status afterwards, the
// result of CaptureEnd and the stream's usability, GetInfo / ThreadExchangeMode / ExecuteAsync /
// Destroy / DebugJsonPrint checks, wrong-thread ends, invalidation and per-context capture state.
#include <unistd.h>

#include <cstdio>

#include "rt_graph_util.h"

using rt::StreamUsable;

using rt::AddGraph;
using rt::Gate;

namespace {

// Ends the capture on `stream`, expecting success, and destroys the model.
void EndAndDestroy(aclrtStream stream, const char *file, int line) {
    aclmdlRI model = nullptr;
    aclError rc = aclmdlRICaptureEnd(stream, &model);
    if (rc != ACL_SUCCESS || model == nullptr) {
        testsupport::fail(file, line, "aclmdlRICaptureEnd failed with " + std::to_string(rc));
    }
    if (model != nullptr) {
        aclmdlRIDestroy(model);
    }
}
#define END_AND_DESTROY(stream) EndAndDestroy((stream), __FILE__, __LINE__)

std::string TempPath(const char *name) {
    return std::string("./") + name + "_" + std::to_string(getpid()) + ".json";
}

} // namespace

TEST_CASE("seed flow through the C API: replay i leaves 1.1 * i; replays on another stream continue") {
    rt::LeakCheck leaks;
    constexpr int64_t kN = 8;
    constexpr size_t kBytes = kN * sizeof(float);
    void *selfDevice = rt::DevAlloc(kBytes);
    void *otherDevice = rt::DevAlloc(kBytes);
    void *outDevice = rt::DevAlloc(kBytes);
    float *selfHost = rt::HostAlloc(kN);
    float *otherHost = rt::HostAlloc(kN);
    REQUIRE(selfDevice && otherDevice && outDevice && selfHost && otherHost);
    for (int i = 0; i < kN; ++i) {
        selfHost[i] = 0.0f;
        otherHost[i] = 1.0f;
    }
    rt::AddCall add;
    REQUIRE(add.Prepare(selfDevice, otherDevice, outDevice, kN, 1.1f) == OK);
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);

    CHECK_EQ(aclmdlRICaptureBegin(stream, rt::kGlobal), ACL_SUCCESS);
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
    aclmdlRI model = nullptr;
    CHECK_EQ(aclmdlRICaptureEnd(stream, &model), ACL_SUCCESS);
    REQUIRE(model != nullptr);
    CHECK_EQ(rt::StatusOf(stream), rt::kNone);
    CHECK(rt::AllEqual(selfHost, kN, 0.0f));                        // nothing ran at capture time
    CHECK(rt::AllEqual(rt::ReadFloats(otherDevice, kN), 1.0f));     // the relaxed copy ran once

    for (int replay = 1; replay <= 8; ++replay) {
        CHECK_EQ(aclmdlRIExecuteAsync(model, stream), ACL_SUCCESS);
        CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
        char printed[32];
        std::snprintf(printed, sizeof printed, "%f", selfHost[0]);
        char expected[32];
        std::snprintf(expected, sizeof expected, "%f", 1.1 * replay);
        CHECK_EQ(std::string(printed), std::string(expected));
        CHECK(rt::AllEqual(selfHost, kN, 1.1f * static_cast<float>(replay), 1e-4f));
    }
    // A model replays on any stream, including one created after the capture.
    aclrtStream other = nullptr;
    REQUIRE(aclrtCreateStream(&other) == ACL_SUCCESS);
    CHECK_EQ(aclmdlRIExecuteAsync(model, other), ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStream(other), ACL_SUCCESS);
    CHECK(rt::AllEqual(selfHost, kN, 9.9f, 1e-4f));

    CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(other), ACL_SUCCESS);
    add.Release();
    CHECK_EQ(aclrtFree(selfDevice), ACL_SUCCESS);
    CHECK_EQ(aclrtFree(otherDevice), ACL_SUCCESS);
    CHECK_EQ(aclrtFree(outDevice), ACL_SUCCESS);
    CHECK_EQ(aclrtFreeHost(selfHost), ACL_SUCCESS);
    CHECK_EQ(aclrtFreeHost(otherHost), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("captured tasks do not run at capture time; every replay reads pinned host memory anew") {
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    {
        AddGraph graph;
        REQUIRE(graph.Init(2.0f, stream));
        void *scratch = rt::DevAlloc(64);
        REQUIRE(scratch != nullptr);
        CHECK_EQ(aclrtMemset(scratch, 64, 0x01, 64), ACL_SUCCESS);
        std::atomic<int> calls{0};
        graph.SetX(5.0f);

        CHECK_EQ(aclmdlRICaptureBegin(stream, rt::kGlobal), ACL_SUCCESS);
        CHECK_EQ(aclrtMemsetAsync(scratch, 64, 0x7A, 64, stream), ACL_SUCCESS);
        CHECK_EQ(aclrtLaunchHostFunc(stream, rt::CountHostFunc, &calls), ACL_SUCCESS);
        CHECK_EQ(graph.Issue(stream), 0);
        aclmdlRI model = nullptr;
        CHECK_EQ(aclmdlRICaptureEnd(stream, &model), ACL_SUCCESS);
        REQUIRE(model != nullptr);
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
            CHECK_EQ(aclmdlRIExecuteAsync(model, stream), ACL_SUCCESS);
            CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
            ++replays;
            CHECK_ALL(graph.Y(), value + 2.0f);
            CHECK_EQ(calls.load(), replays);
        }
        CHECK(rt::AllBytes(rt::ReadBytes(scratch, 64), 0x7A));
        CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
        CHECK_EQ(aclrtFree(scratch), ACL_SUCCESS);
    }
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("an empty capture succeeds and its model replays") {
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    for (auto mode : {rt::kGlobal, rt::kThreadLocal, rt::kRelaxed}) {
        CHECK_EQ(aclmdlRICaptureBegin(stream, mode), ACL_SUCCESS);
        aclmdlRI model = nullptr;
        CHECK_EQ(aclmdlRICaptureEnd(stream, &model), ACL_SUCCESS);
        REQUIRE(model != nullptr);
        CHECK_EQ(aclmdlRIExecuteAsync(model, stream), ACL_SUCCESS);
        CHECK_EQ(aclmdlRIExecuteAsync(model, stream), ACL_SUCCESS);
        CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
        CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
    }
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("aclmdlRICaptureBegin: NULL stream -> 100000, mode >= 3 -> 107000") {
    rt::LeakCheck leaks;
    CHECK_EQ(aclmdlRICaptureBegin(nullptr, rt::kGlobal), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclmdlRICaptureBegin(nullptr, rt::kRelaxed), ACL_ERROR_INVALID_PARAM);
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    CHECK_EQ(aclmdlRICaptureBegin(stream, static_cast<aclmdlRICaptureMode>(3)), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclmdlRICaptureBegin(stream, static_cast<aclmdlRICaptureMode>(77)), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(rt::StatusOf(stream), rt::kNone);
    CHECK(StreamUsable(stream));
    // The refused begins left no capture behind: an unsafe call is allowed.
    void *p = rt::DevAlloc(16);
    CHECK_EQ(aclrtMemset(p, 16, 0, 16), ACL_SUCCESS);
    CHECK_EQ(aclrtFree(p), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("aclmdlRICaptureBegin on a capturing stream -> 107027; the first capture is unaffected") {
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    void *p = rt::DevAlloc(64);
    REQUIRE(p != nullptr);
    CHECK_EQ(aclrtMemset(p, 64, 0, 64), ACL_SUCCESS);
    CHECK_EQ(aclmdlRICaptureBegin(stream, rt::kThreadLocal), ACL_SUCCESS);
    aclmdlRI first = rt::ModelOf(stream);
    CHECK(first != nullptr);
    CHECK_EQ(aclrtMemsetAsync(p, 64, 0x21, 64, stream), ACL_SUCCESS);
    for (auto mode : {rt::kGlobal, rt::kThreadLocal, rt::kRelaxed}) {
        CHECK_EQ(aclmdlRICaptureBegin(stream, mode), ACL_ERROR_RT_STREAM_CAPTURED);
    }
    CHECK_EQ(rt::StatusOf(stream), rt::kActive);
    CHECK(rt::ModelOf(stream) == first);
    aclmdlRI model = nullptr;
    CHECK_EQ(aclmdlRICaptureEnd(stream, &model), ACL_SUCCESS);
    CHECK(model == first);
    CHECK_EQ(aclmdlRIExecuteAsync(model, stream), ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
    CHECK(rt::AllBytes(rt::ReadBytes(p, 64), 0x21));
    CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    CHECK_EQ(aclrtFree(p), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

// ApiImpl::StreamEndCapture: NULL modelRI is checked only when the stream captures a main model.
TEST_CASE("aclmdlRICaptureEnd: NULL stream -> 100000, NULL modelRI while capturing -> 107000, not capturing -> 107029") {
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    int dummy = 0;
    aclmdlRI model = &dummy;
    CHECK_EQ(aclmdlRICaptureEnd(stream, &model), ACL_ERROR_RT_STREAM_NOT_CAPTURED);
    CHECK(model == nullptr);
    CHECK_EQ(aclmdlRICaptureEnd(stream, nullptr), ACL_ERROR_RT_STREAM_NOT_CAPTURED);

    CHECK_EQ(aclmdlRICaptureBegin(stream, rt::kGlobal), ACL_SUCCESS);
    model = &dummy;
    CHECK_EQ(aclmdlRICaptureEnd(nullptr, &model), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclmdlRICaptureEnd(stream, nullptr), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(rt::StatusOf(stream), rt::kActive);  // parameter errors leave the capture going
    model = nullptr;
    CHECK_EQ(aclmdlRICaptureEnd(stream, &model), ACL_SUCCESS);
    CHECK(model != nullptr);
    CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
    model = &dummy;
    CHECK_EQ(aclmdlRICaptureEnd(stream, &model), ACL_ERROR_RT_STREAM_NOT_CAPTURED);  // ended already
    CHECK(model == nullptr);
    CHECK(StreamUsable(stream));
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("aclmdlRICaptureGetInfo: argument checks and NONE / ACTIVE statuses with the model") {
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
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

    CHECK_EQ(aclmdlRICaptureBegin(stream, rt::kGlobal), ACL_SUCCESS);
    CHECK_EQ(aclmdlRICaptureGetInfo(stream, &status, &model), ACL_SUCCESS);
    CHECK_EQ(status, rt::kActive);
    CHECK(model != nullptr && model != &dummy);
    aclmdlRI onlyModel = nullptr;
    CHECK_EQ(aclmdlRICaptureGetInfo(stream, nullptr, &onlyModel), ACL_SUCCESS);
    CHECK(onlyModel == model);
    aclmdlRI ended = nullptr;
    CHECK_EQ(aclmdlRICaptureEnd(stream, &ended), ACL_SUCCESS);
    CHECK(ended == model);
    CHECK_EQ(aclmdlRICaptureGetInfo(stream, &status, &model), ACL_SUCCESS);
    CHECK_EQ(status, rt::kNone);
    CHECK(model == nullptr);
    CHECK_EQ(aclmdlRIDestroy(ended), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("aclmdlRICaptureThreadExchangeMode: NULL -> 100000, >= 3 -> 107000, first swap returns GLOBAL") {
    std::thread fresh([] {
        CHECK_EQ(aclmdlRICaptureThreadExchangeMode(nullptr), ACL_ERROR_INVALID_PARAM);
        auto bad = static_cast<aclmdlRICaptureMode>(3);
        CHECK_EQ(aclmdlRICaptureThreadExchangeMode(&bad), ACL_ERROR_RT_PARAM_INVALID);
        aclmdlRICaptureMode mode = rt::kThreadLocal;
        CHECK_EQ(aclmdlRICaptureThreadExchangeMode(&mode), ACL_SUCCESS);
        CHECK_EQ(mode, rt::kGlobal);  // the refused value changed nothing
        mode = rt::kRelaxed;
        CHECK_EQ(aclmdlRICaptureThreadExchangeMode(&mode), ACL_SUCCESS);
        CHECK_EQ(mode, rt::kThreadLocal);
        mode = rt::kGlobal;
        CHECK_EQ(aclmdlRICaptureThreadExchangeMode(&mode), ACL_SUCCESS);
        CHECK_EQ(mode, rt::kRelaxed);
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
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    aclrtStream bystander = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    REQUIRE(aclrtCreateStream(&bystander) == ACL_SUCCESS);
    for (auto mode : {rt::kGlobal, rt::kThreadLocal, rt::kRelaxed}) {
        CHECK_EQ(aclmdlRICaptureBegin(stream, mode), ACL_SUCCESS);
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
        END_AND_DESTROY(stream);
        CHECK(StreamUsable(stream));
    }
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(bystander), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("aclrtSynchronizeDevice while a stream of the context captures -> 107027") {
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    CHECK_EQ(aclmdlRICaptureBegin(stream, rt::kRelaxed), ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeDevice(), ACL_ERROR_RT_STREAM_CAPTURED);
    CHECK_EQ(aclrtSynchronizeDeviceWithTimeout(1000), ACL_ERROR_RT_STREAM_CAPTURED);
    // Also from another thread of the same context.
    rt::RunOnThread(rt::CurrentContext(), [] { CHECK_EQ(aclrtSynchronizeDevice(), ACL_ERROR_RT_STREAM_CAPTURED); });
    CHECK_EQ(rt::StatusOf(stream), rt::kActive);
    END_AND_DESTROY(stream);
    CHECK_EQ(aclrtSynchronizeDevice(), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("aclrtDestroyStream on a capturing stream -> 107027; capture continues") {
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    CHECK_EQ(aclmdlRICaptureBegin(stream, rt::kGlobal), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(stream), ACL_ERROR_RT_STREAM_CAPTURED);
    CHECK_EQ(rt::StatusOf(stream), rt::kActive);
    END_AND_DESTROY(stream);
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("sync / query of an event recorded inside an active capture -> 107028") {
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    aclrtEvent event = nullptr;
    REQUIRE(aclrtCreateEventExWithFlag(&event, ACL_EVENT_SYNC) == ACL_SUCCESS);
    CHECK_EQ(aclmdlRICaptureBegin(stream, rt::kGlobal), ACL_SUCCESS);
    CHECK_EQ(aclrtRecordEvent(event, stream), ACL_SUCCESS);
    aclrtEventRecordedStatus status = ACL_EVENT_RECORDED_STATUS_NOT_READY;
    CHECK_EQ(aclrtSynchronizeEvent(event), ACL_ERROR_RT_EVENT_CAPTURED);
    CHECK_EQ(aclrtSynchronizeEventWithTimeout(event, 100), ACL_ERROR_RT_EVENT_CAPTURED);
    CHECK_EQ(aclrtQueryEventStatus(event, &status), ACL_ERROR_RT_EVENT_CAPTURED);
    CHECK_EQ(rt::StatusOf(stream), rt::kActive);
    aclmdlRI model = nullptr;
    CHECK_EQ(aclmdlRICaptureEnd(stream, &model), ACL_SUCCESS);
    REQUIRE(model != nullptr);
    CHECK_EQ(aclmdlRIExecuteAsync(model, stream), ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
    CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyEvent(event), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("aclrtMemcpyAsync of pageable host memory on a capturing stream -> 107000; capture continues") {
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    void *device = rt::DevAlloc(256);
    REQUIRE(device != nullptr);
    CHECK_EQ(aclrtMemset(device, 256, 0x10, 256), ACL_SUCCESS);
    std::vector<unsigned char> pageable(256, 0x99);
    for (auto mode : {rt::kGlobal, rt::kRelaxed}) {
        CHECK_EQ(aclmdlRICaptureBegin(stream, mode), ACL_SUCCESS);
        CHECK_EQ(aclrtMemcpyAsync(device, 256, pageable.data(), 256, ACL_MEMCPY_HOST_TO_DEVICE, stream),
                 ACL_ERROR_RT_PARAM_INVALID);
        CHECK_EQ(aclrtMemcpyAsync(pageable.data(), 256, device, 256, ACL_MEMCPY_DEVICE_TO_HOST, stream),
                 ACL_ERROR_RT_PARAM_INVALID);
        CHECK_EQ(rt::StatusOf(stream), rt::kActive);
        aclmdlRI model = nullptr;
        CHECK_EQ(aclmdlRICaptureEnd(stream, &model), ACL_SUCCESS);
        REQUIRE(model != nullptr);
        CHECK_EQ(aclmdlRIExecuteAsync(model, stream), ACL_SUCCESS);
        CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
        CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
    }
    CHECK(rt::AllBytes(rt::ReadBytes(device, 256), 0x10));
    CHECK(rt::AllBytes(pageable, 0x99));
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    CHECK_EQ(aclrtFree(device), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("any task on the default stream while a capture is active in the context -> 107031") {
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    aclrtStream helper = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    REQUIRE(aclrtCreateStream(&helper) == ACL_SUCCESS);
    {
        AddGraph graph;
        REQUIRE(graph.Init(1.0f, helper));
        aclmdlRI earlier = rt::CaptureAddGraph(graph, helper);
        REQUIRE(earlier != nullptr);
        void *device = rt::DevAlloc(256);
        float *pinned = rt::HostAlloc(64);
        REQUIRE(device != nullptr && pinned != nullptr);
        CHECK_EQ(aclrtMemset(device, 256, 0x01, 256), ACL_SUCCESS);
        for (int i = 0; i < 64; ++i) pinned[i] = 42.0f;
        rt::AddCall add;
        REQUIRE(add.Prepare(graph.in, graph.ones, graph.out, AddGraph::kN, 3.0f, true) == OK);
        aclrtEvent event = nullptr;
        REQUIRE(aclrtCreateEventExWithFlag(&event, ACL_EVENT_SYNC) == ACL_SUCCESS);
        std::atomic<int> calls{0};
        graph.SetY(-1.0f);

        for (auto mode : {rt::kGlobal, rt::kThreadLocal, rt::kRelaxed}) {
            CHECK_EQ(aclmdlRICaptureBegin(stream, mode), ACL_SUCCESS);
            CHECK_EQ(aclrtMemcpyAsync(device, 256, pinned, 256, ACL_MEMCPY_HOST_TO_DEVICE, nullptr),
                     ACL_ERROR_RT_STREAM_CAPTURE_IMPLICIT);
            CHECK_EQ(aclrtMemsetAsync(device, 256, 0x77, 256, nullptr), ACL_ERROR_RT_STREAM_CAPTURE_IMPLICIT);
            aclnnStatus kernel = add.Launch(nullptr);
            // The runtime refuses the kernel with 107031; the operator library passes that on.
            CHECK_EQ(kernel, ACL_ERROR_RT_STREAM_CAPTURE_IMPLICIT);
            CHECK_EQ(aclrtRecordEvent(event, nullptr), ACL_ERROR_RT_STREAM_CAPTURE_IMPLICIT);
            CHECK_EQ(aclrtLaunchHostFunc(nullptr, rt::CountHostFunc, &calls), ACL_ERROR_RT_STREAM_CAPTURE_IMPLICIT);
            CHECK_EQ(aclmdlRIExecuteAsync(earlier, nullptr), ACL_ERROR_RT_STREAM_CAPTURE_IMPLICIT);
            // Also from another thread of the context.
            rt::RunOnThread(rt::CurrentContext(), [&] {
                CHECK_EQ(aclrtMemsetAsync(device, 256, 0x78, 256, nullptr), ACL_ERROR_RT_STREAM_CAPTURE_IMPLICIT);
            });
            CHECK_EQ(rt::StatusOf(stream), rt::kActive);
            END_AND_DESTROY(stream);
            // None of the refused tasks ran.
            CHECK_EQ(aclrtSynchronizeStream(nullptr), ACL_SUCCESS);
            CHECK(rt::AllBytes(rt::ReadBytes(device, 256), 0x01));
            CHECK_EQ(calls.load(), 0);
            CHECK_ALL(graph.Y(), -1.0f);
        }
        // Once no capture is active the default stream takes tasks again.
        CHECK_EQ(aclrtMemsetAsync(device, 256, 0x66, 256, nullptr), ACL_SUCCESS);
        CHECK_EQ(aclrtLaunchHostFunc(nullptr, rt::CountHostFunc, &calls), ACL_SUCCESS);
        graph.SetX(4.0f);
        CHECK_EQ(aclmdlRIExecuteAsync(earlier, nullptr), ACL_SUCCESS);
        CHECK_EQ(aclrtSynchronizeStream(nullptr), ACL_SUCCESS);
        CHECK(rt::AllBytes(rt::ReadBytes(device, 256), 0x66));
        CHECK_EQ(calls.load(), 1);
        CHECK_ALL(graph.Y(), 5.0f);
        CHECK_EQ(aclmdlRIDestroy(earlier), ACL_SUCCESS);
        CHECK_EQ(aclrtDestroyEvent(event), ACL_SUCCESS);
        add.Release();
        CHECK_EQ(aclrtFree(device), ACL_SUCCESS);
        CHECK_EQ(aclrtFreeHost(pinned), ACL_SUCCESS);
    }
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(helper), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("aclrtStreamWaitEvent(default stream, captured event) -> 107031") {
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    aclrtEvent event = nullptr;
    REQUIRE(aclrtCreateEventExWithFlag(&event, ACL_EVENT_SYNC) == ACL_SUCCESS);
    CHECK_EQ(aclmdlRICaptureBegin(stream, rt::kGlobal), ACL_SUCCESS);
    CHECK_EQ(aclrtRecordEvent(event, stream), ACL_SUCCESS);
    CHECK_EQ(aclrtStreamWaitEvent(nullptr, event), ACL_ERROR_RT_STREAM_CAPTURE_IMPLICIT);
    CHECK_EQ(rt::StatusOf(stream), rt::kActive);
    END_AND_DESTROY(stream);
    CHECK_EQ(aclrtSynchronizeStream(nullptr), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyEvent(event), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("aclmdlRIExecuteAsync: NULL -> 100000, model capturing -> 107026, stream capturing -> 107027") {
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    aclrtStream other = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    REQUIRE(aclrtCreateStream(&other) == ACL_SUCCESS);
    {
        AddGraph graph;
        REQUIRE(graph.Init(1.0f, other));
        aclmdlRI ready = rt::CaptureAddGraph(graph, other);
        REQUIRE(ready != nullptr);
        CHECK_EQ(aclmdlRIExecuteAsync(nullptr, stream), ACL_ERROR_INVALID_PARAM);

        CHECK_EQ(aclmdlRICaptureBegin(stream, rt::kGlobal), ACL_SUCCESS);
        aclmdlRI capturing = rt::ModelOf(stream);
        REQUIRE(capturing != nullptr);
        CHECK_EQ(aclmdlRIExecuteAsync(capturing, other), ACL_ERROR_RT_MODEL_CAPTURED);
        CHECK_EQ(aclmdlRIExecuteAsync(ready, stream), ACL_ERROR_RT_STREAM_CAPTURED);
        CHECK_EQ(rt::StatusOf(stream), rt::kActive);
        aclmdlRI model = nullptr;
        CHECK_EQ(aclmdlRICaptureEnd(stream, &model), ACL_SUCCESS);
        CHECK(model == capturing);
        CHECK_EQ(aclrtSynchronizeStream(other), ACL_SUCCESS);
        CHECK_ALL(graph.Y(), -1.0f);  // the refused replay did not run
        CHECK_EQ(aclmdlRIExecuteAsync(model, other), ACL_SUCCESS);  // the (empty) model now replays
        CHECK_EQ(aclmdlRIExecuteAsync(ready, other), ACL_SUCCESS);
        CHECK_EQ(aclrtSynchronizeStream(other), ACL_SUCCESS);
        CHECK_ALL(graph.Y(), 1.0f);
        CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
        CHECK_EQ(aclmdlRIDestroy(ready), ACL_SUCCESS);
    }
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(other), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("aclmdlRIExecute on a captured model -> 107000") {
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    CHECK_EQ(aclmdlRICaptureBegin(stream, rt::kGlobal), ACL_SUCCESS);
    aclmdlRI model = nullptr;
    CHECK_EQ(aclmdlRICaptureEnd(stream, &model), ACL_SUCCESS);
    REQUIRE(model != nullptr);
    CHECK_EQ(aclmdlRIExecute(model, -1), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclmdlRIExecute(model, 1000), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclmdlRIExecute(nullptr, -1), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("aclmdlRIDestroy: NULL -> 100000, model capturing -> 107026") {
    rt::LeakCheck leaks;
    CHECK_EQ(aclmdlRIDestroy(nullptr), ACL_ERROR_INVALID_PARAM);
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    CHECK_EQ(aclmdlRICaptureBegin(stream, rt::kGlobal), ACL_SUCCESS);
    aclmdlRI capturing = rt::ModelOf(stream);
    REQUIRE(capturing != nullptr);
    CHECK_EQ(aclmdlRIDestroy(capturing), ACL_ERROR_RT_MODEL_CAPTURED);
    CHECK_EQ(rt::StatusOf(stream), rt::kActive);
    CHECK(rt::ModelOf(stream) == capturing);
    aclmdlRI model = nullptr;
    CHECK_EQ(aclmdlRICaptureEnd(stream, &model), ACL_SUCCESS);
    CHECK(model == capturing);
    CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("aclmdlRIDestroy waits for in-flight replays") {
    rt::LeakCheck leaks;
    aclrtStream s1 = nullptr;
    aclrtStream s2 = nullptr;
    REQUIRE(aclrtCreateStream(&s1) == ACL_SUCCESS);
    REQUIRE(aclrtCreateStream(&s2) == ACL_SUCCESS);
    rt::SleepThenFlag slow;
    slow.ms = 40;
    CHECK_EQ(aclmdlRICaptureBegin(s1, rt::kGlobal), ACL_SUCCESS);
    CHECK_EQ(aclrtLaunchHostFunc(s1, rt::SleepThenFlagHostFunc, &slow), ACL_SUCCESS);
    aclmdlRI model = nullptr;
    CHECK_EQ(aclmdlRICaptureEnd(s1, &model), ACL_SUCCESS);
    REQUIRE(model != nullptr);
    // Two replays queued behind a gate on s2 and one running on s1.
    Gate gate;
    CHECK_EQ(aclrtLaunchHostFunc(s2, Gate::HostFunc, &gate), ACL_SUCCESS);
    CHECK_EQ(aclmdlRIExecuteAsync(model, s2), ACL_SUCCESS);
    CHECK_EQ(aclmdlRIExecuteAsync(model, s2), ACL_SUCCESS);
    CHECK_EQ(aclmdlRIExecuteAsync(model, s1), ACL_SUCCESS);
    std::thread opener([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(30));
        gate.Open();
    });
    CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
    CHECK_EQ(slow.done.load(), 3);
    opener.join();
    CHECK_EQ(aclrtSynchronizeStream(s1), ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStream(s2), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(s1), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(s2), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("aclmdlRICaptureEnd on another thread (GLOBAL / THREAD_LOCAL) -> 107038; stream leaves capture") {
    rt::LeakCheck leaks;
    aclrtContext context = rt::CurrentContext();
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    void *p = rt::DevAlloc(64);
    REQUIRE(p != nullptr);
    for (auto mode : {rt::kGlobal, rt::kThreadLocal}) {
        CHECK_EQ(aclmdlRICaptureBegin(stream, mode), ACL_SUCCESS);
        aclmdlRI captured = rt::ModelOf(stream);
        REQUIRE(captured != nullptr);
        CHECK_EQ(aclrtMemsetAsync(p, 64, 1, 64, stream), ACL_SUCCESS);
        rt::RunOnThread(context, [&] {
            int dummy = 0;
            aclmdlRI model = &dummy;
            CHECK_EQ(aclmdlRICaptureEnd(stream, &model), ACL_ERROR_RT_STREAM_CAPTURE_WRONG_THREAD);
            CHECK(model == nullptr);
        });
        CHECK_EQ(rt::StatusOf(stream), rt::kNone);
        aclmdlRI model = nullptr;
        CHECK_EQ(aclmdlRICaptureEnd(stream, &model), ACL_ERROR_RT_STREAM_NOT_CAPTURED);
        // The capture no longer restricts unsafe calls of the capturing thread.
        CHECK_EQ(aclrtMemset(p, 64, 0, 64), ACL_SUCCESS);
        CHECK(StreamUsable(stream));
        CHECK_EQ(aclmdlRIDestroy(captured), ACL_SUCCESS);
    }
    CHECK_EQ(aclrtFree(p), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("aclmdlRICaptureEnd on another thread succeeds for a RELAXED capture") {
    rt::LeakCheck leaks;
    aclrtContext context = rt::CurrentContext();
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    {
        AddGraph graph;
        REQUIRE(graph.Init(0.5f, stream));
        CHECK_EQ(aclmdlRICaptureBegin(stream, rt::kRelaxed), ACL_SUCCESS);
        CHECK_EQ(graph.Issue(stream), 0);
        aclmdlRI model = nullptr;
        rt::RunOnThread(context, [&] { CHECK_EQ(aclmdlRICaptureEnd(stream, &model), ACL_SUCCESS); });
        REQUIRE(model != nullptr);
        CHECK_EQ(rt::StatusOf(stream), rt::kNone);
        graph.SetX(2.0f);
        CHECK_EQ(aclmdlRIExecuteAsync(model, stream), ACL_SUCCESS);
        CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
        CHECK_ALL(graph.Y(), 2.5f);
        CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
    }
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("task submission fault inside a capture -> 207005, INVALIDATED, End 507903 without a model") {
    rt::LeakCheck leaks;
    aclsimClearFaults();
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    void *p = rt::DevAlloc(64);
    REQUIRE(p != nullptr);
    CHECK_EQ(aclrtMemset(p, 64, 0x0F, 64), ACL_SUCCESS);
    CHECK_EQ(aclmdlRICaptureBegin(stream, rt::kGlobal), ACL_SUCCESS);
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
    int dummy = 0;
    model = &dummy;
    CHECK_EQ(aclmdlRICaptureEnd(stream, &model), ACL_ERROR_RT_STREAM_CAPTURE_INVALIDATED);
    CHECK(model == nullptr);
    CHECK_EQ(rt::StatusOf(stream), rt::kNone);
    CHECK(StreamUsable(stream));
    CHECK(rt::AllBytes(rt::ReadBytes(p, 64), 0x0F));  // nothing of the capture ran
    // A new capture on the same stream works.
    CHECK_EQ(aclmdlRICaptureBegin(stream, rt::kGlobal), ACL_SUCCESS);
    CHECK_EQ(aclrtMemsetAsync(p, 64, 0x03, 64, stream), ACL_SUCCESS);
    model = nullptr;
    CHECK_EQ(aclmdlRICaptureEnd(stream, &model), ACL_SUCCESS);
    REQUIRE(model != nullptr);
    CHECK_EQ(aclmdlRIExecuteAsync(model, stream), ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
    CHECK(rt::AllBytes(rt::ReadBytes(p, 64), 0x03));
    CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
    aclsimClearFaults();
    CHECK_EQ(aclrtFree(p), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("capture-mode state is per context") {
    rt::LeakCheck leaks;
    uint32_t devices = 0;
    REQUIRE(aclrtGetDeviceCount(&devices) == ACL_SUCCESS && devices >= 2);
    aclrtContext contextA = rt::CurrentContext();
    aclrtStream streamA = nullptr;
    REQUIRE(aclrtCreateStream(&streamA) == ACL_SUCCESS);
    void *bufferA = rt::DevAlloc(64);
    REQUIRE(bufferA != nullptr);
    std::vector<unsigned char> host(64, 0x3E);

    aclrtContext contextB = nullptr;
    REQUIRE(aclrtCreateContext(&contextB, 1) == ACL_SUCCESS);
    void *bufferB = rt::DevAlloc(64);
    aclrtStream streamB = nullptr;
    REQUIRE(bufferB != nullptr && aclrtCreateStream(&streamB) == ACL_SUCCESS);
    CHECK_EQ(aclrtSetCurrentContext(contextA), ACL_SUCCESS);

    CHECK_EQ(aclmdlRICaptureBegin(streamA, rt::kGlobal), ACL_SUCCESS);
    CHECK_EQ(aclrtMemcpy(bufferA, 64, host.data(), 64, ACL_MEMCPY_HOST_TO_DEVICE),
             ACL_ERROR_RT_CAPTURE_MODE_NOT_SUPPORT);
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
    CHECK_EQ(static_cast<int>(bytes[0]), 0x41);
    CHECK_EQ(static_cast<int>(bytes[10]), 0x40);
    CHECK_EQ(static_cast<int>(bytes[20]), 0x3F);
    CHECK_EQ(static_cast<int>(bytes[40]), 0x3E);
    CHECK_EQ(aclrtSetCurrentContext(contextA), ACL_SUCCESS);
    CHECK_EQ(aclrtMemcpy(bufferA, 64, host.data(), 64, ACL_MEMCPY_HOST_TO_DEVICE),
             ACL_ERROR_RT_CAPTURE_MODE_NOT_SUPPORT);
    CHECK_EQ(aclrtSynchronizeDevice(), ACL_ERROR_RT_STREAM_CAPTURED);
    CHECK_EQ(rt::StatusOf(streamA), rt::kActive);
    END_AND_DESTROY(streamA);
    CHECK_EQ(aclrtMemcpy(bufferA, 64, host.data(), 64, ACL_MEMCPY_HOST_TO_DEVICE), ACL_SUCCESS);

    CHECK_EQ(aclrtSetCurrentContext(contextB), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(streamB), ACL_SUCCESS);
    CHECK_EQ(aclrtFree(bufferB), ACL_SUCCESS);
    CHECK_EQ(aclrtSetCurrentContext(contextA), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyContext(contextB), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(streamA), ACL_SUCCESS);
    CHECK_EQ(aclrtFree(bufferA), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("aclmdlRIDebugJsonPrint: argument checks and the device's trace format") {
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    {
        AddGraph graph;
        REQUIRE(graph.Init(1.1f, stream));
        aclmdlRI model = rt::CaptureAddGraph(graph, stream);
        REQUIRE(model != nullptr);
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
        graph.SetX(1.0f);
        CHECK_EQ(aclmdlRIExecuteAsync(model, stream), ACL_SUCCESS);
        CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
        CHECK_ALL(graph.Y(), 2.1f);

        // A second model gets its own Model Id.
        AddGraph graph2;
        REQUIRE(graph2.Init(1.0f, stream));
        aclmdlRI model2 = rt::CaptureAddGraph(graph2, stream);
        REQUIRE(model2 != nullptr);
        CHECK_EQ(aclmdlRIDebugJsonPrint(model2, path.c_str(), 0), ACL_SUCCESS);
        rt::JsonFile json2 = rt::ParseDebugJson(rt::ReadFile(path));
        std::remove(path.c_str());
        CHECK(json2.wellFormed);
        if (json2.wellFormed && !json2.records.empty()) {
            CHECK(json2.records[0].modelId != records[0].modelId);
        }
        CHECK_EQ(aclmdlRIDestroy(model2), ACL_SUCCESS);
        CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
    }
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("work queued before aclmdlRICaptureBegin still runs eagerly") {
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    void *p = rt::DevAlloc(64);
    void *q = rt::DevAlloc(64);
    REQUIRE(p && q);
    CHECK_EQ(aclrtMemset(p, 64, 0, 64), ACL_SUCCESS);
    CHECK_EQ(aclrtMemset(q, 64, 0, 64), ACL_SUCCESS);
    Gate gate;
    CHECK_EQ(aclrtLaunchHostFunc(stream, Gate::HostFunc, &gate), ACL_SUCCESS);
    CHECK_EQ(aclrtMemsetAsync(p, 64, 0x2B, 64, stream), ACL_SUCCESS);
    CHECK_EQ(aclmdlRICaptureBegin(stream, rt::kGlobal), ACL_SUCCESS);
    CHECK_EQ(aclrtMemsetAsync(q, 64, 0x2C, 64, stream), ACL_SUCCESS);
    gate.Open();
    aclmdlRI model = nullptr;
    CHECK_EQ(aclmdlRICaptureEnd(stream, &model), ACL_SUCCESS);
    REQUIRE(model != nullptr);
    CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
    CHECK(rt::AllBytes(rt::ReadBytes(p, 64), 0x2B));
    CHECK(rt::AllBytes(rt::ReadBytes(q, 64), 0));
    CHECK_EQ(aclmdlRIExecuteAsync(model, stream), ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
    CHECK(rt::AllBytes(rt::ReadBytes(q, 64), 0x2C));
    CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
    CHECK_EQ(aclrtFree(p), ACL_SUCCESS);
    CHECK_EQ(aclrtFree(q), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("a capture whose beginning thread has exited: RELAXED ends elsewhere, others -> 107038") {
    rt::LeakCheck leaks;
    aclrtContext context = rt::CurrentContext();
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    void *p = rt::DevAlloc(64);
    REQUIRE(p != nullptr);
    for (auto mode : {rt::kRelaxed, rt::kGlobal, rt::kThreadLocal}) {
        aclmdlRI captured = nullptr;
        rt::RunOnThread(context, [&] {
            CHECK_EQ(aclmdlRICaptureBegin(stream, mode), ACL_SUCCESS);
            CHECK_EQ(aclrtMemsetAsync(p, 64, 0x71, 64, stream), ACL_SUCCESS);
            captured = rt::ModelOf(stream);
        });  // the thread is gone now
        REQUIRE(captured != nullptr);
        CHECK_EQ(rt::StatusOf(stream), rt::kActive);
        aclmdlRI model = nullptr;
        if (mode == rt::kRelaxed) {
            CHECK_EQ(aclmdlRICaptureEnd(stream, &model), ACL_SUCCESS);
            CHECK(model == captured);
        } else {
            CHECK_EQ(aclmdlRICaptureEnd(stream, &model), ACL_ERROR_RT_STREAM_CAPTURE_WRONG_THREAD);
            CHECK(model == nullptr);
        }
        CHECK_EQ(rt::StatusOf(stream), rt::kNone);
        CHECK_EQ(aclrtMemset(p, 64, 0, 64), ACL_SUCCESS);  // no capture restricts anybody any more
        CHECK_EQ(aclmdlRIDestroy(captured), ACL_SUCCESS);
        CHECK(StreamUsable(stream));
    }
    CHECK_EQ(aclrtFree(p), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

RT_TEST_MAIN()
