// Device and process settings and queries around a capture program, and the calls the simulator
// declares without simulating (cpp/sim/runtime/runtime_settings.cpp, memory.cpp,
// not_simulated_*.cpp). Each case names the CANN function whose rules it checks.
#include <cmath>
#include <cstring>

#include "acl/acl_prof.h"
#include "rt_fixtures.h"

namespace {

void NoException(aclrtExceptionInfo *) {}
void OtherNoException(aclrtExceptionInfo *) {}

float Bits(uint32_t bits) {
    float value = 0;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

} // namespace

// aclrtGetSocNameImpl: the SoC version string (an Atlas A2 910B here), the same pointer each time.
TEST_CASE("aclrtGetSocName names an Ascend910B chip") {
    const char *name = aclrtGetSocName();
    REQUIRE(name != nullptr);
    CHECK(std::strncmp(name, "Ascend910B", 10) == 0);
    CHECK(aclrtGetSocName() == name);
}

// aclrtGetDeviceInfoImpl (NULL value: 100000), ApiErrorDecorator::GetDeviceInfoByAttr (a device
// id past the count: 107000), ApiImpl::GetDeviceInfoByAttr(Misc): the Ascend910B1's figures; what
// it does not report 207000, a value outside the enumeration 107000 (its default case).
TEST_CASE("aclrtGetDeviceInfo: the Ascend910B1's cores, memory, L2 and architecture; codes of the rest") {
    struct Reported {
        aclrtDevAttr attr;
        int64_t value;
    };
    const Reported reported[] = {
        {ACL_DEV_ATTR_AICPU_CORE_NUM, 4},   {ACL_DEV_ATTR_AICORE_CORE_NUM, 24},      {ACL_DEV_ATTR_CUBE_CORE_NUM, 24},
        {ACL_DEV_ATTR_VECTOR_CORE_NUM, 48}, {ACL_DEV_ATTR_L2_CACHE_SIZE, 192 << 20}, {ACL_DEV_ATTR_NPU_ARCH, 2201},
        {ACL_DEV_ATTR_IS_VIRTUAL, 0},
    };
    uint32_t devices = 0;
    REQUIRE(aclrtGetDeviceCount(&devices) == ACL_SUCCESS);
    for (uint32_t device = 0; device < devices; ++device) {
        for (const Reported &r : reported) {
            int64_t value = -7;
            rt::Expect(aclrtGetDeviceInfo(device, r.attr, &value), ACL_SUCCESS, "reported attribute", __FILE__,
                       __LINE__);
            rt::Expect(value, r.value, "its value", __FILE__, __LINE__);
        }
        // The total memory is aclrtGetMemInfo's.
        size_t free = 0;
        size_t total = 0;
        int64_t memory = 0;
        CHECK_EQ(aclrtGetDeviceInfo(device, ACL_DEV_ATTR_TOTAL_GLOBAL_MEM_SIZE, &memory), ACL_SUCCESS);
        CHECK_EQ(aclrtGetMemInfo(ACL_HBM_MEM, &free, &total), ACL_SUCCESS);
        CHECK_EQ(static_cast<size_t>(memory), total);
    }
    int64_t value = 0;
    for (aclrtDevAttr unreported : {ACL_DEV_ATTR_WARP_SIZE, ACL_DEV_ATTR_MAX_BLOCK_DIM_Z, ACL_DEV_ATTR_SMP_ID,
                                    ACL_DEV_ATTR_SUPER_POD_ID, ACL_DEV_ATTR_DEVICE_FORM_FACTOR}) {
        CHECK_EQ(aclrtGetDeviceInfo(0, unreported, &value), ACL_ERROR_RT_FEATURE_NOT_SUPPORT);
    }
    for (int notAnAttribute : {0, 2, 300, 600, 999}) {
        CHECK_EQ(aclrtGetDeviceInfo(0, static_cast<aclrtDevAttr>(notAnAttribute), &value), ACL_ERROR_RT_PARAM_INVALID);
    }
    CHECK_EQ(aclrtGetDeviceInfo(0, ACL_DEV_ATTR_AICORE_CORE_NUM, nullptr), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtGetDeviceInfo(devices, ACL_DEV_ATTR_AICORE_CORE_NUM, &value), ACL_ERROR_RT_PARAM_INVALID);
    CHECK(std::string(aclGetRecentErrMsg()).find("device " + std::to_string(devices)) != std::string::npos);
}

// ApiImpl::DeviceGetStreamPriorityRange: RT_STREAM_LEAST_PRIORITY 7, RT_STREAM_GREATEST_PRIORITY 0;
// either output may be NULL.
TEST_CASE("aclrtDeviceGetStreamPriorityRange: least 7, greatest 0, NULL outputs accepted") {
    int32_t least = -1;
    int32_t greatest = -1;
    CHECK_EQ(aclrtDeviceGetStreamPriorityRange(&least, &greatest), ACL_SUCCESS);
    CHECK_EQ(least, 7);
    CHECK_EQ(greatest, 0);
    CHECK_EQ(aclrtDeviceGetStreamPriorityRange(nullptr, nullptr), ACL_SUCCESS);
}

// aclrtGetMemInfoImpl (NULL free/total: 100000), ApiErrorDecorator::MemGetInfoEx (an attribute
// outside the enumeration: 107016), ApiImpl::MemGetInfoEx (no context: 107002).
TEST_CASE("aclrtGetMemInfo: HBM total and free track allocations; NULL -> 100000, bad attr -> 107016, no context -> "
          "107002") {
    size_t free = 0;
    size_t total = 0;
    CHECK_EQ(aclrtGetMemInfo(ACL_HBM_MEM, nullptr, &total), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtGetMemInfo(ACL_HBM_MEM, &free, nullptr), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtGetMemInfo(static_cast<aclrtMemAttr>(18), &free, &total), ACL_ERROR_RT_INVALID_MEMORY_TYPE);
    CHECK_EQ(aclrtGetMemInfo(static_cast<aclrtMemAttr>(-1), &free, &total), ACL_ERROR_RT_INVALID_MEMORY_TYPE);
    REQUIRE(aclrtGetMemInfo(ACL_HBM_MEM, &free, &total) == ACL_SUCCESS);
    CHECK_EQ(total, size_t{64} << 30);
    void *block = rt::DevAlloc(size_t{1} << 20);
    size_t freeAfter = 0;
    CHECK_EQ(aclrtGetMemInfo(ACL_HBM_MEM, &freeAfter, &total), ACL_SUCCESS);
    CHECK_EQ(free - freeAfter, size_t{1} << 20);
    CHECK_EQ(aclrtFree(block), ACL_SUCCESS);
    CHECK_EQ(aclrtGetMemInfo(ACL_DDR_MEM, &free, &total), ACL_SUCCESS);
    CHECK_EQ(total, size_t{0});
    aclError withoutContext = ACL_SUCCESS;
    std::thread([&] { withoutContext = aclrtGetMemInfo(ACL_HBM_MEM, &free, &total); }).join();
    CHECK_EQ(withoutContext, ACL_ERROR_RT_CONTEXT_NULL);
}

// aclMallocMemInner / aclrtMallocCachedImpl / aclrtMallocInnerWithCfg (NULL devPtr, then attrs
// NULL with numAttrs > 0, then size 0: all 100000) / aclrtMallocHostWithCfgImpl /
// aclrtFreeWithDevSyncImpl (NULL: 100000).
TEST_CASE("malloc variants: device or pinned memory as aclrtMalloc/aclrtMallocHost; their NULL and size-0 codes") {
    rt::NoLeaks leaks;
    void *device = nullptr;
    CHECK_EQ(aclrtMallocAlign32(&device, 100, ACL_MEM_MALLOC_HUGE_FIRST), ACL_SUCCESS);
    CHECK_EQ(aclrtMemset(device, 100, 1, 100), ACL_SUCCESS);
    CHECK_EQ(aclrtFree(device), ACL_SUCCESS);
    CHECK_EQ(aclrtMallocCached(&device, 64, ACL_MEM_MALLOC_NORMAL_ONLY), ACL_SUCCESS);
    CHECK_EQ(aclrtFreeWithDevSync(device), ACL_SUCCESS);
    aclrtMallocAttribute attribute{};
    attribute.attr = ACL_RT_MEM_ATTR_MODULE_ID;
    attribute.value.moduleId = 7;
    aclrtMallocConfig config{&attribute, 1};
    CHECK_EQ(aclrtMallocWithCfg(&device, 256, ACL_MEM_MALLOC_HUGE_FIRST, &config), ACL_SUCCESS);
    CHECK_EQ(aclrtMemset(device, 256, 0, 256), ACL_SUCCESS);
    CHECK_EQ(aclrtFree(device), ACL_SUCCESS);
    aclrtMallocConfig noAttributes{nullptr, 2};
    CHECK_EQ(aclrtMallocWithCfg(nullptr, 256, ACL_MEM_MALLOC_HUGE_FIRST, &noAttributes), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtMallocWithCfg(&device, 256, ACL_MEM_MALLOC_HUGE_FIRST, &noAttributes), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtMallocWithCfg(&device, 0, ACL_MEM_MALLOC_HUGE_FIRST, nullptr), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtMallocAlign32(&device, 0, ACL_MEM_MALLOC_HUGE_FIRST), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtMallocCached(nullptr, 8, ACL_MEM_MALLOC_HUGE_FIRST), ACL_ERROR_INVALID_PARAM);
    void *host = nullptr;
    CHECK_EQ(aclrtMallocHostWithCfg(&host, 128, nullptr), ACL_SUCCESS);
    // Pinned memory: a copy from it is allowed on a capturing stream.
    rt::Stream stream;
    REQUIRE(stream.ok());
    rt::DeviceMemory target(128);
    REQUIRE(aclmdlRICaptureBegin(stream, rt::kGlobal) == ACL_SUCCESS);
    CHECK_EQ(aclrtMemcpyAsync(target, 128, host, 128, ACL_MEMCPY_HOST_TO_DEVICE, stream), ACL_SUCCESS);
    aclmdlRI model = nullptr;
    CHECK_EQ(aclmdlRICaptureEnd(stream, &model), ACL_SUCCESS);
    CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
    CHECK_EQ(aclrtFreeHostWithDevSync(host), ACL_SUCCESS);
    CHECK_EQ(aclrtMallocHostWithCfg(&host, 0, nullptr), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtFreeWithDevSync(nullptr), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtFreeHostWithDevSync(nullptr), ACL_ERROR_INVALID_PARAM);
}

// acl::FloatToFp16 / Fp16ToFloat (aclrt_impl/types/fp16_impl.cpp): round to nearest even,
// saturating to ±65504 (NaN and infinities too), the exponent 31 read as a number (0x7C00 = 65536).
TEST_CASE("aclFloatToFloat16 / aclFloat16ToFloat: nearest even, saturation to 65504, subnormals") {
    CHECK_EQ(aclFloatToFloat16(1.0F), aclFloat16{0x3C00});
    CHECK_EQ(aclFloatToFloat16(-2.0F), aclFloat16{0xC000});
    CHECK_EQ(aclFloatToFloat16(0.0F), aclFloat16{0x0000});
    CHECK_EQ(aclFloatToFloat16(-0.0F), aclFloat16{0x8000});
    CHECK_EQ(aclFloatToFloat16(65504.0F), aclFloat16{0x7BFF});
    CHECK_EQ(aclFloatToFloat16(65520.0F), aclFloat16{0x7BFF}); // rounds past the largest half
    CHECK_EQ(aclFloatToFloat16(1e9F), aclFloat16{0x7BFF});
    CHECK_EQ(aclFloatToFloat16(INFINITY), aclFloat16{0x7BFF});
    CHECK_EQ(aclFloatToFloat16(-INFINITY), aclFloat16{0xFBFF});
    CHECK_EQ(aclFloatToFloat16(NAN), aclFloat16{0x7BFF});
    CHECK_EQ(aclFloatToFloat16(1.0F + 1.0F / 2048), aclFloat16{0x3C00});       // a tie: to even
    CHECK_EQ(aclFloatToFloat16(1.0F + 3.0F / 2048), aclFloat16{0x3C02});       // a tie: to even
    CHECK_EQ(aclFloatToFloat16(std::ldexp(1.0F, -24)), aclFloat16{0x0001});    // smallest subnormal
    CHECK_EQ(aclFloatToFloat16(std::ldexp(1.0F, -25)), aclFloat16{0x0000});    // a tie with zero
    CHECK_EQ(aclFloatToFloat16(Bits(0x33000001U)), aclFloat16{0x0001});        // just above 2^-25
    CHECK_EQ(aclFloatToFloat16(std::ldexp(1023.5F, -24)), aclFloat16{0x0400}); // up to the smallest normal
    CHECK_EQ(aclFloat16ToFloat(0x3C00), 1.0F);
    CHECK_EQ(aclFloat16ToFloat(0x7BFF), 65504.0F);
    CHECK_EQ(aclFloat16ToFloat(0x7C00), 65536.0F);
    CHECK_EQ(aclFloat16ToFloat(0x7E00), 98304.0F);
    CHECK_EQ(aclFloat16ToFloat(0xFC00), -65536.0F);
    CHECK_EQ(aclFloat16ToFloat(0x0001), std::ldexp(1.0F, -24));
    CHECK_EQ(aclFloat16ToFloat(0x8000), -0.0F);
    CHECK(std::signbit(aclFloat16ToFloat(0x8000)));
    for (uint32_t half = 0; half < 0x7C00; ++half) { // every finite half survives the round trip
        CHECK_EQ(aclFloatToFloat16(aclFloat16ToFloat(static_cast<aclFloat16>(half))), static_cast<aclFloat16>(half));
    }
}

// aclrtSetOpWaitTimeoutImpl / aclrtSetOpExecuteTimeOut*Impl / aclrtGetOpExecuteTimeoutImpl (NULL:
// 100000) / ApiErrorDecorator::SetOpExecuteTimeOutV2 (NULL actualTimeout: 107000 at the runtime,
// 100000 at the ACL layer first).
TEST_CASE("operator timeouts: kept and read back in ms; NULL outputs -> 100000") {
    uint32_t timeoutMs = 1;
    CHECK_EQ(aclrtSetOpWaitTimeout(30), ACL_SUCCESS);
    CHECK_EQ(aclrtSetOpExecuteTimeOut(2), ACL_SUCCESS);
    CHECK_EQ(aclrtGetOpExecuteTimeout(&timeoutMs), ACL_SUCCESS);
    CHECK_EQ(timeoutMs, 2000U);
    CHECK_EQ(aclrtSetOpExecuteTimeOutWithMs(1500), ACL_SUCCESS);
    CHECK_EQ(aclrtGetOpExecuteTimeout(&timeoutMs), ACL_SUCCESS);
    CHECK_EQ(timeoutMs, 1500U);
    uint64_t actual = 0;
    CHECK_EQ(aclrtSetOpExecuteTimeOutV2(250000, &actual), ACL_SUCCESS);
    CHECK_EQ(actual, uint64_t{250000});
    CHECK_EQ(aclrtGetOpExecuteTimeout(&timeoutMs), ACL_SUCCESS);
    CHECK_EQ(timeoutMs, 250U);
    CHECK_EQ(aclrtSetOpExecuteTimeOutV2(1, nullptr), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtGetOpExecuteTimeout(nullptr), ACL_ERROR_INVALID_PARAM);
    aclError withoutContext = ACL_SUCCESS;
    std::thread([&] { withoutContext = aclrtSetOpExecuteTimeOutV2(1, &actual); }).join();
    CHECK_EQ(withoutContext, ACL_ERROR_RT_CONTEXT_NULL);
}

// aclrtSetExceptionInfoCallbackImpl (NULL allowed: removes it), aclrtExceptionInfoCallbackRegister/
// UnregisterImpl (NULL: ACL_ERROR_RT_PARAM_INVALID), aclrtGet*FromExceptionInfoImpl (no information:
// ACL_ERROR_INVALID_EXCEPTION_INFO, 0xFFFFFFFF).
TEST_CASE("exception callbacks: set/register accepted, NULL register -> 107000, getters of no info -> 0xFFFFFFFF") {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations" // the deprecated form is still CANN's API
    CHECK_EQ(aclrtSetExceptionInfoCallback(NoException), ACL_SUCCESS);
    CHECK_EQ(aclrtSetExceptionInfoCallback(nullptr), ACL_SUCCESS);
#pragma GCC diagnostic pop
    // Register, then Unregister: each takes both callbacks and refuses NULL.
    for (auto edit : {aclrtExceptionInfoCallbackRegister, aclrtExceptionInfoCallbackUnregister}) {
        CHECK_EQ(edit(NoException), ACL_SUCCESS);
        CHECK_EQ(edit(OtherNoException), ACL_SUCCESS);
        CHECK_EQ(edit(nullptr), ACL_ERROR_RT_PARAM_INVALID);
    }
    for (auto get :
         {aclrtGetTaskIdFromExceptionInfo, aclrtGetStreamIdFromExceptionInfo, aclrtGetThreadIdFromExceptionInfo,
          aclrtGetDeviceIdFromExceptionInfo, aclrtGetErrorCodeFromExceptionInfo}) {
        CHECK_EQ(get(nullptr), 0xFFFFFFFFU);
    }
}

// aclrtStreamWaitEventWithTimeoutImpl: a negative timeout -> ACL_ERROR_RT_PARAM_INVALID; otherwise
// the wait of aclrtStreamWaitEvent.
TEST_CASE("aclrtStreamWaitEventWithTimeout: negative -> 107000; orders the stream after the record") {
    rt::Streams streams(2);
    rt::Event event = rt::Event::WithFlag(ACL_EVENT_SYNC);
    REQUIRE(streams.ok() && event.ok());
    aclrtStream first = streams[0];
    aclrtStream second = streams[1];
    rt::SleepThenFlag sleeper;
    sleeper.ms = 20;
    CHECK_EQ(aclrtLaunchHostFunc(first, rt::SleepThenFlagHostFunc, &sleeper), ACL_SUCCESS);
    CHECK_EQ(aclrtRecordEvent(event, first), ACL_SUCCESS);
    CHECK_EQ(aclrtStreamWaitEventWithTimeout(second, event, -1), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclrtStreamWaitEventWithTimeout(second, event, 1000), ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStream(second), ACL_SUCCESS);
    CHECK_EQ(sleeper.done.load(), 1);
    CHECK_EQ(aclrtSynchronizeStream(first), ACL_SUCCESS);
}

// Declared, not simulated: functions needing hardware the simulator does not model answer
// ACL_ERROR_RT_FEATURE_NOT_SUPPORT (the runtime's code for a feature the device lacks), and
// handle-returning ones NULL, with a message naming the call.
TEST_CASE("declared, not simulated: 207000 (or NULL) and a message naming the call") {
    aclrtBinHandle binary = nullptr;
    CHECK_EQ(aclrtBinaryLoadFromFile("kernel.o", nullptr, &binary), ACL_ERROR_RT_FEATURE_NOT_SUPPORT);
    CHECK(std::string(aclGetRecentErrMsg()).find("aclrtBinaryLoadFromFile failed (207000). Reason: not simulated") !=
          std::string::npos);
    void *address = nullptr;
    CHECK_EQ(aclrtReserveMemAddress(&address, 1 << 20, 0, nullptr, 0), ACL_ERROR_RT_FEATURE_NOT_SUPPORT);
    aclrtNotify notify = nullptr;
    CHECK_EQ(aclrtCreateNotify(&notify, 0), ACL_ERROR_RT_FEATURE_NOT_SUPPORT);
    CHECK(aclrtAllocatorCreateDesc() == nullptr);
    CHECK(aclprofCreateStepInfo() == nullptr);
    CHECK_EQ(aclprofMarkEx("step", 4, nullptr), ACL_ERROR_RT_FEATURE_NOT_SUPPORT);
}

RT_TEST_MAIN()
