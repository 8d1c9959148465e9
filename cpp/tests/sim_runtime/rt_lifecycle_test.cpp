// Runtime lifecycle: aclInit/aclFinalize reference rules, device count and ids, SetDevice/ResetDevice
// counting, the "no current context" error and explicit contexts. Each case initialises and
// finalises ACL itself (this program has no global initialisation).
#include <cstdlib>

#include "rt_test_util.h"

namespace {

uint32_t ExpectedDeviceCount() {
    const char *env = std::getenv("ACLSIM_DEVICE_COUNT");
    if (env == nullptr || *env == '\0') {
        return 2;
    }
    return static_cast<uint32_t>(std::strtoul(env, nullptr, 10));
}

} // namespace

TEST_CASE("aclInit twice -> 100002, aclFinalize when not initialised -> 100037, init again works") {
    CHECK_EQ(aclFinalize(), ACL_ERROR_REPEAT_FINALIZE); // never initialised yet in this process
    CHECK_EQ(aclInit(nullptr), ACL_SUCCESS);
    CHECK_EQ(aclInit(nullptr), ACL_ERROR_REPEAT_INITIALIZE);
    CHECK_EQ(aclFinalize(), ACL_SUCCESS); // zeroes the count in one call
    CHECK_EQ(aclFinalize(), ACL_ERROR_REPEAT_FINALIZE);
    CHECK_EQ(aclInit(nullptr), ACL_SUCCESS); // again after finalize
    CHECK_EQ(aclrtSetDevice(0), ACL_SUCCESS);
    aclrtStream stream = nullptr;
    CHECK_EQ(aclrtCreateStream(&stream), ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    CHECK_EQ(aclrtResetDevice(0), ACL_SUCCESS);
    CHECK_EQ(aclFinalize(), ACL_SUCCESS);
    CHECK_EQ(aclFinalize(), ACL_ERROR_REPEAT_FINALIZE);
}

TEST_CASE("aclrtGetDeviceCount reports ACLSIM_DEVICE_COUNT (default 2)") {
    REQUIRE(aclInit(nullptr) == ACL_SUCCESS);
    uint32_t count = 0;
    CHECK_EQ(aclrtGetDeviceCount(&count), ACL_SUCCESS);
    CHECK_EQ(count, ExpectedDeviceCount());
    CHECK_EQ(aclrtGetDeviceCount(nullptr), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclFinalize(), ACL_SUCCESS);
}

TEST_CASE("aclrtSetDevice with an invalid id -> 107001; every valid id works") {
    REQUIRE(aclInit(nullptr) == ACL_SUCCESS);
    uint32_t count = 0;
    CHECK_EQ(aclrtGetDeviceCount(&count), ACL_SUCCESS);
    CHECK_EQ(aclrtSetDevice(-1), ACL_ERROR_RT_INVALID_DEVICEID);
    CHECK_EQ(aclrtSetDevice(static_cast<int32_t>(count)), ACL_ERROR_RT_INVALID_DEVICEID);
    CHECK_EQ(aclrtSetDevice(1000), ACL_ERROR_RT_INVALID_DEVICEID);
    for (uint32_t id = 0; id < count; ++id) {
        CHECK_EQ(aclrtSetDevice(static_cast<int32_t>(id)), ACL_SUCCESS);
        int32_t current = -1;
        CHECK_EQ(aclrtGetDevice(&current), ACL_SUCCESS);
        CHECK_EQ(current, static_cast<int32_t>(id));
    }
    for (uint32_t id = 0; id < count; ++id) {
        CHECK_EQ(aclrtResetDevice(static_cast<int32_t>(id)), ACL_SUCCESS);
    }
    CHECK_EQ(aclrtGetDevice(nullptr), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclFinalize(), ACL_SUCCESS);
}

TEST_CASE("runtime calls without a current context -> 107002") {
    REQUIRE(aclInit(nullptr) == ACL_SUCCESS);
    // A fresh thread certainly has no current context.
    std::thread worker([] {
        aclrtStream stream = nullptr;
        CHECK_EQ(aclrtCreateStream(&stream), ACL_ERROR_RT_CONTEXT_NULL);
        CHECK_EQ(aclrtSynchronizeDevice(), ACL_ERROR_RT_CONTEXT_NULL);
        CHECK_EQ(aclrtSynchronizeStream(nullptr), ACL_ERROR_RT_CONTEXT_NULL);
        int32_t device = -1;
        CHECK(aclrtGetDevice(&device) != ACL_SUCCESS);
    });
    worker.join();
    CHECK_EQ(aclFinalize(), ACL_SUCCESS);
}

TEST_CASE("SetDevice is counted; at zero ResetDevice destroys the default context and its streams") {
    REQUIRE(aclInit(nullptr) == ACL_SUCCESS);
    rt::LeakCheck leaks;
    CHECK_EQ(aclrtSetDevice(0), ACL_SUCCESS);
    CHECK_EQ(aclrtSetDevice(0), ACL_SUCCESS);
    aclrtContext defaultContext = rt::CurrentContext();
    CHECK(defaultContext != nullptr);
    uint64_t streamsBefore = aclsimLiveObjects(ACLSIM_OBJ_STREAM);
    aclrtStream stream = nullptr;
    CHECK_EQ(aclrtCreateStream(&stream), ACL_SUCCESS);
    CHECK_EQ(aclsimLiveObjects(ACLSIM_OBJ_STREAM), streamsBefore + 1);

    // One reset of two: everything stays usable.
    CHECK_EQ(aclrtResetDevice(0), ACL_SUCCESS);
    void *buffer = rt::DevAlloc(64);
    REQUIRE(buffer != nullptr);
    CHECK_EQ(aclrtMemsetAsync(buffer, 64, 0x5A, 64, stream), ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
    CHECK(rt::AllBytes(rt::ReadBytes(buffer, 64), 0x5A));
    CHECK_EQ(aclrtMemsetAsync(buffer, 64, 0x11, 64, nullptr), ACL_SUCCESS); // default stream still there
    CHECK_EQ(aclrtSynchronizeStream(nullptr), ACL_SUCCESS);
    CHECK(rt::AllBytes(rt::ReadBytes(buffer, 64), 0x11));
    CHECK_EQ(aclrtFree(buffer), ACL_SUCCESS);
    CHECK(rt::CurrentContext() == defaultContext);

    // Work still queued on the stream when the last reset comes is waited for.
    rt::SleepThenFlag slow;
    slow.ms = 50;
    CHECK_EQ(aclrtLaunchHostFunc(stream, rt::SleepThenFlagHostFunc, &slow), ACL_SUCCESS);
    // The last reset: the default context, its default stream and `stream` go away.
    CHECK_EQ(aclrtResetDevice(0), ACL_SUCCESS);
    CHECK_EQ(slow.done.load(), 1);
    VERIFY_NO_LEAKS(leaks);
    aclrtStream another = nullptr;
    CHECK_EQ(aclrtCreateStream(&another), ACL_ERROR_RT_CONTEXT_NULL);

    // The device can be set again afterwards.
    CHECK_EQ(aclrtSetDevice(0), ACL_SUCCESS);
    CHECK_EQ(aclrtCreateStream(&another), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(another), ACL_SUCCESS);
    CHECK_EQ(aclrtResetDevice(0), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
    CHECK_EQ(aclFinalize(), ACL_SUCCESS);
}

TEST_CASE("explicit contexts: create makes current, set/get current, device of the context, destroy") {
    REQUIRE(aclInit(nullptr) == ACL_SUCCESS);
    uint32_t count = 0;
    CHECK_EQ(aclrtGetDeviceCount(&count), ACL_SUCCESS);
    REQUIRE(count >= 2);
    rt::LeakCheck leaks;
    REQUIRE(aclrtSetDevice(0) == ACL_SUCCESS);
    aclrtContext context0 = rt::CurrentContext();
    REQUIRE(context0 != nullptr);
    CHECK_EQ(aclrtGetCurrentContext(nullptr), ACL_ERROR_INVALID_PARAM);

    uint64_t contextsBefore = aclsimLiveObjects(ACLSIM_OBJ_CONTEXT);
    aclrtContext context1 = nullptr;
    CHECK_EQ(aclrtCreateContext(&context1, 1), ACL_SUCCESS);
    REQUIRE(context1 != nullptr);
    CHECK(context1 != context0);
    CHECK_EQ(aclsimLiveObjects(ACLSIM_OBJ_CONTEXT), contextsBefore + 1);
    CHECK(rt::CurrentContext() == context1);
    int32_t device = -1;
    CHECK_EQ(aclrtGetDevice(&device), ACL_SUCCESS);
    CHECK_EQ(device, 1);

    // The explicit context has its own streams and default stream.
    aclrtStream stream1 = nullptr;
    CHECK_EQ(aclrtCreateStream(&stream1), ACL_SUCCESS);
    void *buffer = rt::DevAlloc(32);
    REQUIRE(buffer != nullptr);
    CHECK_EQ(aclrtMemsetAsync(buffer, 32, 7, 32, stream1), ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStream(stream1), ACL_SUCCESS);
    CHECK_EQ(aclrtMemsetAsync(buffer, 32, 9, 32, nullptr), ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStream(nullptr), ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeDevice(), ACL_SUCCESS);
    CHECK(rt::AllBytes(rt::ReadBytes(buffer, 32), 9));

    // Switching back to the default context of device 0.
    CHECK_EQ(aclrtSetCurrentContext(context0), ACL_SUCCESS);
    CHECK(rt::CurrentContext() == context0);
    CHECK_EQ(aclrtGetDevice(&device), ACL_SUCCESS);
    CHECK_EQ(device, 0);

    // Another thread can adopt context1.
    rt::RunOnThread(context1, [&] {
        int32_t d = -1;
        CHECK_EQ(aclrtGetDevice(&d), ACL_SUCCESS);
        CHECK_EQ(d, 1);
        CHECK(rt::CurrentContext() == context1);
    });

    CHECK_EQ(aclrtSetCurrentContext(context1), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(stream1), ACL_SUCCESS);
    CHECK_EQ(aclrtFree(buffer), ACL_SUCCESS);
    CHECK_EQ(aclrtSetCurrentContext(context0), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyContext(context1), ACL_SUCCESS);
    CHECK_EQ(aclsimLiveObjects(ACLSIM_OBJ_CONTEXT), contextsBefore);
    CHECK_EQ(aclrtDestroyContext(nullptr), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtCreateContext(nullptr, 0), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtResetDevice(0), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
    CHECK_EQ(aclFinalize(), ACL_SUCCESS);
}

TEST_CASE("the last ResetDevice releases streams with queued replays and an active capture") {
    REQUIRE(aclInit(nullptr) == ACL_SUCCESS);
    rt::LeakCheck leaks;
    REQUIRE(aclrtSetDevice(0) == ACL_SUCCESS);
    aclrtStream capturing = nullptr;
    aclrtStream busy = nullptr;
    aclrtEvent event = nullptr;
    REQUIRE(aclrtCreateStream(&capturing) == ACL_SUCCESS);
    REQUIRE(aclrtCreateStream(&busy) == ACL_SUCCESS);
    REQUIRE(aclrtCreateEventExWithFlag(&event, ACL_EVENT_SYNC) == ACL_SUCCESS);
    void *p = rt::DevAlloc(64);
    REQUIRE(p != nullptr);
    CHECK_EQ(aclmdlRICaptureBegin(busy, rt::kGlobal), ACL_SUCCESS);
    CHECK_EQ(aclrtMemsetAsync(p, 64, 1, 64, busy), ACL_SUCCESS);
    aclmdlRI model = nullptr;
    CHECK_EQ(aclmdlRICaptureEnd(busy, &model), ACL_SUCCESS);
    rt::SleepThenFlag slow;
    slow.ms = 30;
    CHECK_EQ(aclrtLaunchHostFunc(busy, rt::SleepThenFlagHostFunc, &slow), ACL_SUCCESS);
    CHECK_EQ(aclmdlRIExecuteAsync(model, busy), ACL_SUCCESS);
    CHECK_EQ(aclmdlRIExecuteAsync(model, busy), ACL_SUCCESS);
    CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS); // waits for the queued replays
    CHECK_EQ(slow.done.load(), 1);
    CHECK_EQ(aclmdlRICaptureBegin(capturing, rt::kGlobal), ACL_SUCCESS);
    CHECK_EQ(aclrtRecordEvent(event, capturing), ACL_SUCCESS);
    CHECK_EQ(aclrtMemsetAsync(p, 64, 2, 64, busy), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyEvent(event), ACL_SUCCESS);
    // Device memory, the two streams (one capturing) and the capture are left to the reset.
    CHECK_EQ(aclrtResetDevice(0), ACL_SUCCESS);
    CHECK_EQ(aclFinalize(), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
    // And everything works again after a new aclInit.
    REQUIRE(aclInit(nullptr) == ACL_SUCCESS);
    REQUIRE(aclrtSetDevice(0) == ACL_SUCCESS);
    aclrtStream stream = nullptr;
    CHECK_EQ(aclrtCreateStream(&stream), ACL_SUCCESS);
    CHECK_EQ(aclmdlRICaptureBegin(stream, rt::kGlobal), ACL_SUCCESS);
    CHECK_EQ(aclmdlRICaptureEnd(stream, &model), ACL_SUCCESS);
    CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    CHECK_EQ(aclrtResetDevice(0), ACL_SUCCESS);
    CHECK_EQ(aclFinalize(), ACL_SUCCESS);
}

TEST_MAIN()
