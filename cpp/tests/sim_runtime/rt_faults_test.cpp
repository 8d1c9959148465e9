// Fault injection (aclsim/aclsim.h): allocation, stream creation, task submission and kernel
// execution faults with their codes, skip/count semantics, aclsimFaultsFired, aclsimClearFaults,
// the ACLSIM_FAULTS environment variable, and recovery (nothing leaks, streams stay usable).
#include <cstdlib>

#include "rt_fixtures.h"

using rt::StreamUsable;

using rt::AddGraph;

namespace {

bool EnvFaultsSet() {
    const char *env = std::getenv("ACLSIM_FAULTS");
    return env != nullptr && *env != '\0';
}

// A fault test with one stream: no fault armed at its start or left armed at its end; every object
// it made is released and leak-checked.
struct FaultTest {
    rt::NoLeaks leaks;
    rt::Stream stream;
    FaultTest() { aclsimClearFaults(); }
    ~FaultTest() { aclsimClearFaults(); }
    FaultTest(const FaultTest &) = delete;
    FaultTest &operator=(const FaultTest &) = delete;
};

} // namespace

// Runs first: with ACLSIM_FAULTS="device_alloc:1:2,host_alloc:0:1" (the sim_rt_faults_env test)
// the armed faults must fire exactly as configured; without the variable nothing is armed.
TEST_CASE("ACLSIM_FAULTS environment variable arms faults at start-up") {
    rt::LeakCheck leaks;
    if (!EnvFaultsSet()) {
        void *p = nullptr;
        CHECK_EQ(aclrtMalloc(&p, 64, ACL_MEM_MALLOC_HUGE_FIRST), ACL_SUCCESS);
        CHECK_EQ(aclrtFree(p), ACL_SUCCESS);
        for (int k = 0; k < ACLSIM_FAULT_POINT_COUNT; ++k) {
            CHECK_EQ(aclsimFaultsFired(static_cast<aclsimFaultPoint>(k)), 0u);
        }
        VERIFY_NO_LEAKS(leaks);
        return;
    }
    CHECK_EQ(std::string(std::getenv("ACLSIM_FAULTS")), std::string("device_alloc:1:2,host_alloc:0:1"));
    void *p[4] = {nullptr, nullptr, nullptr, nullptr};
    CHECK_EQ(aclrtMalloc(&p[0], 64, ACL_MEM_MALLOC_HUGE_FIRST), ACL_SUCCESS);
    CHECK_EQ(aclrtMalloc(&p[1], 64, ACL_MEM_MALLOC_HUGE_FIRST), ACL_ERROR_RT_MEMORY_ALLOCATION);
    CHECK_EQ(aclrtMalloc(&p[2], 64, ACL_MEM_MALLOC_HUGE_FIRST), ACL_ERROR_RT_MEMORY_ALLOCATION);
    CHECK_EQ(aclrtMalloc(&p[3], 64, ACL_MEM_MALLOC_HUGE_FIRST), ACL_SUCCESS);
    CHECK(p[1] == nullptr && p[2] == nullptr);
    CHECK_EQ(aclsimFaultsFired(ACLSIM_FAULT_DEVICE_ALLOC), 2u);
    void *h[2] = {nullptr, nullptr};
    CHECK_EQ(aclrtMallocHost(&h[0], 64), ACL_ERROR_RT_MEMORY_ALLOCATION);
    CHECK_EQ(aclrtMallocHost(&h[1], 64), ACL_SUCCESS);
    CHECK_EQ(aclsimFaultsFired(ACLSIM_FAULT_HOST_ALLOC), 1u);
    CHECK_EQ(aclrtFree(p[0]), ACL_SUCCESS);
    CHECK_EQ(aclrtFree(p[3]), ACL_SUCCESS);
    CHECK_EQ(aclrtFreeHost(h[1]), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
    aclsimClearFaults();
}

TEST_CASE("DEVICE_ALLOC fault: aclrtMalloc -> 207001 once, then allocations work again") {
    rt::LeakCheck leaks;
    aclsimClearFaults();
    CHECK_EQ(aclsimInjectFault(ACLSIM_FAULT_DEVICE_ALLOC, 0, 1), ACL_SUCCESS);
    void *p = nullptr;
    CHECK_EQ(aclrtMalloc(&p, 128, ACL_MEM_MALLOC_HUGE_FIRST), ACL_ERROR_RT_MEMORY_ALLOCATION);
    CHECK(p == nullptr);
    CHECK_EQ(aclsimFaultsFired(ACLSIM_FAULT_DEVICE_ALLOC), 1u);
    VERIFY_NO_LEAKS(leaks);
    const char *message = aclGetRecentErrMsg();
    CHECK(message != nullptr && std::string(message).find("aclrtMalloc") != std::string::npos);
    CHECK_EQ(aclrtMalloc(&p, 128, ACL_MEM_MALLOC_HUGE_FIRST), ACL_SUCCESS);
    CHECK(p != nullptr);
    CHECK_EQ(aclrtFree(p), ACL_SUCCESS);
    CHECK_EQ(aclsimFaultsFired(ACLSIM_FAULT_DEVICE_ALLOC), 1u);
    aclsimClearFaults();
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("fault skip / count: the next `skip` operations succeed, then `count` fail") {
    rt::LeakCheck leaks;
    aclsimClearFaults();
    CHECK_EQ(aclsimInjectFault(ACLSIM_FAULT_DEVICE_ALLOC, 2, 3), ACL_SUCCESS);
    aclError expected[] = {ACL_SUCCESS,
                           ACL_SUCCESS,
                           ACL_ERROR_RT_MEMORY_ALLOCATION,
                           ACL_ERROR_RT_MEMORY_ALLOCATION,
                           ACL_ERROR_RT_MEMORY_ALLOCATION,
                           ACL_SUCCESS,
                           ACL_SUCCESS};
    std::vector<void *> allocated;
    for (aclError want : expected) {
        void *p = nullptr;
        CHECK_EQ(aclrtMalloc(&p, 64, ACL_MEM_MALLOC_HUGE_FIRST), want);
        if (p != nullptr)
            allocated.push_back(p);
    }
    CHECK_EQ(allocated.size(), 4u);
    CHECK_EQ(aclsimFaultsFired(ACLSIM_FAULT_DEVICE_ALLOC), 3u);
    // Re-arming replaces the previous fault at that point.
    CHECK_EQ(aclsimInjectFault(ACLSIM_FAULT_DEVICE_ALLOC, 0, 5), ACL_SUCCESS);
    CHECK_EQ(aclsimInjectFault(ACLSIM_FAULT_DEVICE_ALLOC, 1, 1), ACL_SUCCESS);
    void *p = nullptr;
    CHECK_EQ(aclrtMalloc(&p, 64, ACL_MEM_MALLOC_HUGE_FIRST), ACL_SUCCESS);
    allocated.push_back(p);
    p = nullptr;
    CHECK_EQ(aclrtMalloc(&p, 64, ACL_MEM_MALLOC_HUGE_FIRST), ACL_ERROR_RT_MEMORY_ALLOCATION);
    CHECK_EQ(aclrtMalloc(&p, 64, ACL_MEM_MALLOC_HUGE_FIRST), ACL_SUCCESS);
    allocated.push_back(p);
    CHECK_EQ(aclsimFaultsFired(ACLSIM_FAULT_DEVICE_ALLOC), 4u);
    for (void *q : allocated)
        CHECK_EQ(aclrtFree(q), ACL_SUCCESS);
    aclsimClearFaults();
    CHECK_EQ(aclsimFaultsFired(ACLSIM_FAULT_DEVICE_ALLOC), 0u);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("aclsimClearFaults disarms every fault") {
    rt::LeakCheck leaks;
    for (int k = 0; k < ACLSIM_FAULT_POINT_COUNT; ++k) {
        CHECK_EQ(aclsimInjectFault(static_cast<aclsimFaultPoint>(k), 0, 100), ACL_SUCCESS);
    }
    aclsimClearFaults();
    void *p = nullptr;
    void *h = nullptr;
    aclrtStream stream = nullptr;
    CHECK_EQ(aclrtMalloc(&p, 64, ACL_MEM_MALLOC_HUGE_FIRST), ACL_SUCCESS);
    CHECK_EQ(aclrtMallocHost(&h, 64), ACL_SUCCESS);
    CHECK_EQ(aclrtCreateStream(&stream), ACL_SUCCESS);
    CHECK_EQ(aclrtMemsetAsync(p, 64, 1, 64, stream), ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
    for (int k = 0; k < ACLSIM_FAULT_POINT_COUNT; ++k) {
        CHECK_EQ(aclsimFaultsFired(static_cast<aclsimFaultPoint>(k)), 0u);
    }
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    CHECK_EQ(aclrtFree(p), ACL_SUCCESS);
    CHECK_EQ(aclrtFreeHost(h), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("HOST_ALLOC fault: aclrtMallocHost -> 207001") {
    rt::LeakCheck leaks;
    aclsimClearFaults();
    CHECK_EQ(aclsimInjectFault(ACLSIM_FAULT_HOST_ALLOC, 0, 1), ACL_SUCCESS);
    void *h = nullptr;
    CHECK_EQ(aclrtMallocHost(&h, 256), ACL_ERROR_RT_MEMORY_ALLOCATION);
    CHECK(h == nullptr);
    CHECK_EQ(aclsimFaultsFired(ACLSIM_FAULT_HOST_ALLOC), 1u);
    void *d = nullptr;
    CHECK_EQ(aclrtMalloc(&d, 256, ACL_MEM_MALLOC_HUGE_FIRST), ACL_SUCCESS); // other points unaffected
    CHECK_EQ(aclrtMallocHost(&h, 256), ACL_SUCCESS);
    CHECK_EQ(aclrtFreeHost(h), ACL_SUCCESS);
    CHECK_EQ(aclrtFree(d), ACL_SUCCESS);
    aclsimClearFaults();
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("STREAM_CREATE fault: aclrtCreateStream -> 207008") {
    rt::LeakCheck leaks;
    aclsimClearFaults();
    CHECK_EQ(aclsimInjectFault(ACLSIM_FAULT_STREAM_CREATE, 0, 1), ACL_SUCCESS);
    aclrtStream stream = nullptr;
    CHECK_EQ(aclrtCreateStream(&stream), ACL_ERROR_RT_NO_STREAM_RESOURCE);
    CHECK(stream == nullptr);
    CHECK_EQ(aclsimFaultsFired(ACLSIM_FAULT_STREAM_CREATE), 1u);
    VERIFY_NO_LEAKS(leaks);
    CHECK_EQ(aclrtCreateStream(&stream), ACL_SUCCESS);
    CHECK(StreamUsable(stream));
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    aclsimClearFaults();
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("TASK_SUBMIT fault outside capture: the task is refused with 207005 and does not run") {
    FaultTest f;
    rt::DeviceMemory p(64);
    REQUIRE(f.stream.ok() && p.ok());
    CHECK_EQ(aclrtMemset(p, 64, 0x01, 64), ACL_SUCCESS);
    CHECK_EQ(aclsimInjectFault(ACLSIM_FAULT_TASK_SUBMIT, 0, 1), ACL_SUCCESS);
    CHECK_EQ(aclrtMemsetAsync(p, 64, 0x02, 64, f.stream), ACL_ERROR_RT_RESOURCE_ALLOC_FAIL);
    CHECK_EQ(aclrtSynchronizeStream(f.stream), ACL_SUCCESS);
    CHECK(rt::AllBytes(rt::ReadBytes(p, 64), 0x01));
    CHECK_EQ(aclsimFaultsFired(ACLSIM_FAULT_TASK_SUBMIT), 1u);
    CHECK(StreamUsable(f.stream));
}

TEST_CASE("TASK_SUBMIT fault on a model launch: aclmdlRIExecuteAsync -> 207005; next replay works") {
    FaultTest f;
    REQUIRE(f.stream.ok());
    rt::CapturedAddGraph captured;
    REQUIRE(captured.Init(1.0f, f.stream));
    captured.graph.SetX(3.0f);
    CHECK_EQ(aclsimInjectFault(ACLSIM_FAULT_TASK_SUBMIT, 0, 1), ACL_SUCCESS);
    CHECK_EQ(aclmdlRIExecuteAsync(captured.model, f.stream), ACL_ERROR_RT_RESOURCE_ALLOC_FAIL);
    CHECK_EQ(aclrtSynchronizeStream(f.stream), ACL_SUCCESS);
    CHECK_ALL(captured.graph.Y(), -1.0f);
    rt::Replay(captured.model, f.stream);
    CHECK_ALL(captured.graph.Y(), 4.0f);
}

TEST_CASE("KERNEL_EXEC fault: the kernel fails, the next aclrtSynchronizeStream -> 507000, then recovery") {
    constexpr int64_t kN = 64;
    FaultTest f;
    rt::DeviceMemory a(kN * sizeof(float));
    rt::DeviceMemory b(kN * sizeof(float));
    rt::DeviceMemory out(kN * sizeof(float));
    REQUIRE(f.stream.ok() && a.ok() && b.ok() && out.ok());
    CHECK_EQ(rt::WriteFloats(a, std::vector<float>(kN, 1.0f)), ACL_SUCCESS);
    CHECK_EQ(rt::WriteFloats(b, std::vector<float>(kN, 2.0f)), ACL_SUCCESS);
    rt::AddCall failing;
    REQUIRE(failing.Prepare(a, b, out, kN, 1.0f) == OK);
    CHECK_EQ(aclsimInjectFault(ACLSIM_FAULT_KERNEL_EXEC, 0, 1), ACL_SUCCESS);
    CHECK_EQ(failing.Launch(f.stream), OK); // the launch itself succeeds
    CHECK_EQ(aclrtSynchronizeStream(f.stream), ACL_ERROR_RT_INTERNAL_ERROR);
    CHECK_EQ(aclsimFaultsFired(ACLSIM_FAULT_KERNEL_EXEC), 1u);
    CHECK_EQ(aclrtSynchronizeStream(f.stream), ACL_SUCCESS); // reported once
    rt::AddCall working;
    REQUIRE(working.Prepare(a, b, out, kN, 1.0f) == OK);
    CHECK_EQ(working.Launch(f.stream), OK);
    CHECK_EQ(aclrtSynchronizeStream(f.stream), ACL_SUCCESS);
    CHECK_ALL(rt::ReadFloats(out, kN), 3.0f);
}

TEST_CASE("KERNEL_EXEC fault during a replay: synchronisation -> 507000; the next replay is correct") {
    FaultTest f;
    REQUIRE(f.stream.ok());
    rt::CapturedAddGraph captured;
    REQUIRE(captured.Init(2.0f, f.stream));
    AddGraph &graph = captured.graph;
    graph.SetX(1.0f);
    rt::Replay(captured.model, f.stream);
    CHECK_ALL(graph.Y(), 3.0f);
    CHECK_EQ(aclsimInjectFault(ACLSIM_FAULT_KERNEL_EXEC, 0, 1), ACL_SUCCESS);
    graph.SetX(5.0f);
    CHECK_EQ(aclmdlRIExecuteAsync(captured.model, f.stream), ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStream(f.stream), ACL_ERROR_RT_INTERNAL_ERROR);
    CHECK_EQ(aclsimFaultsFired(ACLSIM_FAULT_KERNEL_EXEC), 1u);
    graph.SetX(6.0f);
    rt::Replay(captured.model, f.stream);
    CHECK_ALL(graph.Y(), 8.0f);
}

TEST_CASE("aclsimInjectFault rejects an unknown fault point") {
    CHECK(aclsimInjectFault(static_cast<aclsimFaultPoint>(ACLSIM_FAULT_POINT_COUNT), 0, 1) != ACL_SUCCESS);
    CHECK(aclsimInjectFault(static_cast<aclsimFaultPoint>(-1), 0, 1) != ACL_SUCCESS);
    CHECK_EQ(aclsimFaultsFired(static_cast<aclsimFaultPoint>(ACLSIM_FAULT_POINT_COUNT)), 0u);
}

RT_TEST_MAIN()
