// The runtime around a capture program (cpp/sim/runtime/system.cpp): version and attribute
// queries, the last-error queries, run mode, the current default stream, stream configuration,
// peer access, the overflow configuration inside and outside a capture, and aclDataBuffer. Each
// case names the CANN function whose rules it checks.
#include "rt_test_util.h"

// aclsysGetVersionStr/Num (src/acl/aclrt_impl/acl.cpp, CalculateVersionNum) and aclrtGetVersion
// follow the simulated release.
TEST_CASE("version queries report the simulated release; unknown packages -> 100003") {
    const uint32_t initial = aclsimGetCannRelease();
    char version[ACL_PKG_VERSION_MAX_SIZE] = {};
    int32_t number = 0;
    char runtime[] = "runtime";
    char unknown[] = "no-such-package";
    for (uint32_t release : {902u, 805u}) {
        REQUIRE(aclsimSetCannRelease(release) == ACL_SUCCESS);
        CHECK_EQ(aclsysGetVersionStr(runtime, version), ACL_SUCCESS);
        CHECK_EQ(std::string(version), release == 902 ? std::string("9.2.0") : std::string("8.5.0"));
        CHECK_EQ(aclsysGetVersionNum(runtime, &number), ACL_SUCCESS);
        CHECK_EQ(number, release == 902 ? 90200000 : 80500000);
        int32_t major = 0, minor = 0, patch = 0;
        CHECK_EQ(aclrtGetVersion(&major, &minor, &patch), ACL_SUCCESS);
        CHECK_EQ(major, 1);
        CHECK_EQ(minor, release == 902 ? 17 : 16);
        aclCANNPackageVersion cann;
        CHECK_EQ(aclsysGetCANNVersion(ACL_PKG_NAME_CANN, &cann), ACL_SUCCESS);
        CHECK_EQ(std::string(cann.version), std::string(version));
        CHECK_EQ(std::string(cann.majorVersion), std::to_string(release / 100));
    }
    REQUIRE(aclsimSetCannRelease(initial) == ACL_SUCCESS);
    CHECK_EQ(aclsysGetVersionStr(unknown, version), ACL_ERROR_INVALID_FILE);
    CHECK_EQ(aclsysGetVersionNum(runtime, nullptr), ACL_ERROR_INVALID_PARAM);
    aclCANNPackageVersion hccl;
    CHECK_EQ(aclsysGetCANNVersion(ACL_PKG_NAME_HCCL, &hccl), ACL_ERROR_INVALID_FILE);
    CHECK_EQ(ACL_MINOR_VERSION, 17);
}

TEST_CASE("CANN attributes: BF16 and INF_NAN supported, JIT_COMPILE not; bad attribute -> 100000") {
    const aclCannAttr *list = nullptr;
    size_t count = 0;
    CHECK_EQ(aclGetCannAttributeList(&list, &count), ACL_SUCCESS);
    CHECK_EQ(count, static_cast<size_t>(2));
    int32_t value = -1;
    CHECK_EQ(aclGetCannAttribute(ACL_CANN_ATTR_BF16, &value), ACL_SUCCESS);
    CHECK_EQ(value, 1);
    CHECK_EQ(aclGetCannAttribute(ACL_CANN_ATTR_JIT_COMPILE, &value), ACL_SUCCESS);
    CHECK_EQ(value, 0);
    CHECK_EQ(aclGetCannAttribute(ACL_CANN_ATTR_UNDEFINED, &value), ACL_ERROR_INVALID_PARAM);
}

// rtGetLastError / rtPeekAtLastError: the thread's last error; Get clears it.
TEST_CASE("aclrtGetLastError returns and clears the thread's last failure; Peek leaves it") {
    aclrtGetLastError(ACL_RT_THREAD_LEVEL);
    CHECK_EQ(aclrtPeekAtLastError(ACL_RT_THREAD_LEVEL), ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStream(reinterpret_cast<aclrtStream>(0x1234)), ACL_ERROR_RT_INVALID_HANDLE);
    CHECK_EQ(aclrtPeekAtLastError(ACL_RT_THREAD_LEVEL), ACL_ERROR_RT_INVALID_HANDLE);
    CHECK_EQ(aclrtPeekAtLastError(ACL_RT_THREAD_LEVEL), ACL_ERROR_RT_INVALID_HANDLE);
    CHECK_EQ(aclrtGetLastError(ACL_RT_THREAD_LEVEL), ACL_ERROR_RT_INVALID_HANDLE);
    CHECK_EQ(aclrtGetLastError(ACL_RT_THREAD_LEVEL), ACL_SUCCESS);
    std::thread other([] { CHECK_EQ(aclrtPeekAtLastError(ACL_RT_THREAD_LEVEL), ACL_SUCCESS); });
    other.join();
    CHECK_EQ(aclrtGetLastError(static_cast<aclrtLastErrLevel>(1)), ACL_ERROR_INVALID_PARAM);
}

TEST_CASE("run mode is ACL_HOST; aclrtCtxGetCurrentDefaultStream names the default stream") {
    aclrtRunMode mode = ACL_DEVICE;
    CHECK_EQ(aclrtGetRunMode(&mode), ACL_SUCCESS);
    CHECK_EQ(mode, ACL_HOST);
    aclrtStream stream = nullptr;
    CHECK_EQ(aclrtCtxGetCurrentDefaultStream(&stream), ACL_SUCCESS);
    REQUIRE(stream != nullptr);
    CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
    int32_t id = -1;
    int32_t defaultId = -2;
    CHECK_EQ(aclrtStreamGetId(stream, &id), ACL_SUCCESS);
    CHECK_EQ(aclrtStreamGetId(nullptr, &defaultId), ACL_SUCCESS);
    CHECK_EQ(id, defaultId);
    CHECK_EQ(aclrtCtxGetCurrentDefaultStream(nullptr), ACL_ERROR_INVALID_PARAM);
    std::thread other([] {
        aclrtStream none = nullptr;
        CHECK_EQ(aclrtCtxGetCurrentDefaultStream(&none), ACL_ERROR_RT_CONTEXT_NULL);
    });
    other.join();
}

TEST_CASE("stream configuration queries return what aclrtCreateStreamWithConfig was given") {
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStreamWithConfig(&stream, 3, ACL_STREAM_FAST_LAUNCH) == ACL_SUCCESS);
    uint32_t priority = 0;
    uint32_t flags = 0;
    CHECK_EQ(aclrtStreamGetPriority(stream, &priority), ACL_SUCCESS);
    CHECK_EQ(priority, 3u);
    CHECK_EQ(aclrtStreamGetFlags(stream, &flags), ACL_SUCCESS);
    CHECK_EQ(flags, ACL_STREAM_FAST_LAUNCH);
    CHECK_EQ(aclrtStreamGetFlags(stream, nullptr), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    CHECK_EQ(aclrtStreamGetPriority(stream, &priority), ACL_ERROR_RT_INVALID_HANDLE);
    VERIFY_NO_LEAKS(leaks);
}

// aclrtDeviceCanAccessPeer / EnablePeerAccess (src/acl/aclrt_impl/memory.cpp).
TEST_CASE("peer access: devices see each other; the same device -> 100000; a missing one -> 107001") {
    int32_t can = 0;
    CHECK_EQ(aclrtDeviceCanAccessPeer(&can, 0, 1), ACL_SUCCESS);
    CHECK_EQ(can, 1);
    CHECK_EQ(aclrtDeviceCanAccessPeer(&can, 0, 0), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtDeviceCanAccessPeer(&can, 0, 64), ACL_ERROR_RT_INVALID_DEVICEID);
    CHECK_EQ(aclrtDeviceEnablePeerAccess(1, 0), ACL_SUCCESS);
    CHECK_EQ(aclrtDeviceEnablePeerAccess(1, 1), ACL_ERROR_FEATURE_UNSUPPORTED);
    CHECK_EQ(aclrtDeviceEnablePeerAccess(0, 0), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtDeviceDisablePeerAccess(1), ACL_SUCCESS);
}

// ApiErrorDecorator::SetStreamOverflowSwitch refuses a capturing stream (107027, the capture goes
// on); ApiImpl::SetDeviceSatMode sets the process-wide mode, capture or not, and puts nothing in
// the model.
TEST_CASE(
    "overflow configuration: a capturing stream's switch -> 107027; the saturation mode is set, the model unchanged") {
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    uint32_t flag = 9;
    CHECK_EQ(aclrtSetStreamOverflowSwitch(stream, 1), ACL_SUCCESS);
    CHECK_EQ(aclrtGetStreamOverflowSwitch(stream, &flag), ACL_SUCCESS);
    CHECK_EQ(flag, 1u);
    CHECK_EQ(aclrtSetStreamOverflowSwitch(stream, 2), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclmdlRICaptureBegin(stream, rt::kGlobal), ACL_SUCCESS);
    CHECK_EQ(aclrtSetStreamOverflowSwitch(stream, 0), ACL_ERROR_RT_STREAM_CAPTURED);
    CHECK_EQ(rt::StatusOf(stream), rt::kActive);
    CHECK_EQ(aclrtSetDeviceSatMode(ACL_RT_OVERFLOW_MODE_INFNAN), ACL_SUCCESS);
    CHECK_EQ(aclrtSetDeviceSatMode(ACL_RT_OVERFLOW_MODE_UNDEF), ACL_ERROR_RT_PARAM_INVALID);
    aclrtFloatOverflowMode mode = ACL_RT_OVERFLOW_MODE_UNDEF;
    CHECK_EQ(aclrtGetDeviceSatMode(&mode), ACL_SUCCESS);
    CHECK_EQ(mode, ACL_RT_OVERFLOW_MODE_INFNAN);
    aclmdlRI model = nullptr;
    CHECK_EQ(aclmdlRICaptureEnd(stream, &model), ACL_SUCCESS);
    REQUIRE(model != nullptr);
    const std::string path = "rt_system_overflow.json";
    CHECK_EQ(aclmdlRIDebugJsonPrint(model, path.c_str(), 0), ACL_SUCCESS);
    CHECK(rt::ReadFile(path).find("\"ph\":\"X\"") == std::string::npos); // configuration adds no task
    std::remove(path.c_str());
    CHECK_EQ(aclrtGetStreamOverflowSwitch(stream, &flag), ACL_SUCCESS);
    CHECK_EQ(flag, 1u);
    CHECK_EQ(aclrtSetDeviceSatMode(ACL_RT_OVERFLOW_MODE_SATURATION), ACL_SUCCESS);
    CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("aclDataBuffer keeps an address and a size; NULL buffers are refused or read as empty") {
    float data[4] = {};
    aclDataBuffer *buffer = aclCreateDataBuffer(data, sizeof data);
    REQUIRE(buffer != nullptr);
    CHECK(aclGetDataBufferAddr(buffer) == data);
    CHECK_EQ(aclGetDataBufferSizeV2(buffer), sizeof data);
    CHECK_EQ(aclGetDataBufferSize(buffer), static_cast<uint32_t>(sizeof data));
    CHECK_EQ(aclUpdateDataBuffer(buffer, nullptr, 0), ACL_SUCCESS);
    CHECK(aclGetDataBufferAddr(buffer) == nullptr);
    CHECK_EQ(aclGetDataBufferSizeV2(buffer), static_cast<size_t>(0));
    CHECK_EQ(aclDestroyDataBuffer(buffer), ACL_SUCCESS);
    CHECK_EQ(aclDestroyDataBuffer(nullptr), ACL_ERROR_INVALID_PARAM);
    CHECK(aclGetDataBufferAddr(nullptr) == nullptr);
    CHECK_EQ(aclGetDataBufferSizeV2(nullptr), static_cast<size_t>(0));
}

// Every header of CANN's layout compiles on its own and declares what CANN's does.
#include "acl/acl_base.h"
#include "acl/acl_base_mdl.h"
#include "acl/acl_base_rt.h"
#include "acl/acl_mdl.h"
#include "acl/acl_op.h"
#include "acl/error_codes/ge_error_codes.h"
TEST_CASE("headers: error codes of rt_error_codes.h, acl_base_rt.h and ge_error_codes.h are all declared") {
    CHECK_EQ(ACL_ERROR_RT_CAPTURE_MODE_BLOCK_ASYNC, 107041);
    CHECK_EQ(ACL_ERROR_RT_SUB_ACLGRAPH_IS_CAPTURING, 107045);
    CHECK_EQ(ACL_ERROR_RT_MODEL_UPDATE_FAILED, 107040);
    CHECK_EQ(ACL_ERROR_INVALID_BUNDLE_MODEL_ID, 148053);
    CHECK_EQ(ACL_ERROR_PROFILING_FAILURE, 500005);
    CHECK_EQ(ACL_ERROR_GE_REDEPLOYING, 545602u);
}

RT_TEST_MAIN()
