// The seed's third rule: configuration calls work outside a capture as on the device and, inside
// one, are refused or leave the model unchanged exactly as CANN's source does
// (cpp/sim/runtime/configuration.cpp, cpp/sim/profiling/profiling.cpp). Each case names the CANN
// function whose rules it checks.
#include <unistd.h>

#include "acl/acl_dump.h"
#include "acl/acl_prof.h"
#include "rt_fixtures.h"

namespace {

// Number of task records ("ph":"X") in the model's debug JSON.
size_t TaskRecords(aclmdlRI model) {
    const std::string path = "rt_configuration_" + std::to_string(::getpid()) + ".json";
    if (aclmdlRIDebugJsonPrint(model, path.c_str(), 0) != ACL_SUCCESS) {
        return static_cast<size_t>(-1);
    }
    std::string text = rt::ReadFile(path);
    std::remove(path.c_str());
    size_t count = 0;
    for (size_t at = text.find("\"ph\":\"X\""); at != std::string::npos; at = text.find("\"ph\":\"X\"", at + 1)) {
        ++count;
    }
    return count;
}

// A capture on a new stream holding one memset task; `during` runs between that task and the end.
template <typename During>
void CaptureAround(During during) {
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    void *device = rt::DevAlloc(64);
    REQUIRE(aclmdlRICaptureBegin(stream, rt::kGlobal) == ACL_SUCCESS);
    CHECK_EQ(aclrtMemsetAsync(device, 64, 0, 64, stream), ACL_SUCCESS);
    during(stream);
    CHECK_EQ(rt::StatusOf(stream), rt::kActive);
    aclmdlRI model = nullptr;
    CHECK_EQ(aclmdlRICaptureEnd(stream, &model), ACL_SUCCESS);
    REQUIRE(model != nullptr);
    CHECK_EQ(TaskRecords(model), static_cast<size_t>(1)); // the memset, nothing else
    CHECK_EQ(aclmdlRIExecuteAsync(model, stream), ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
    CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
    CHECK_EQ(aclrtFree(device), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

std::string WriteFile(const std::string &name, const std::string &content) {
    const std::string path = name + "_" + std::to_string(::getpid());
    std::ofstream(path, std::ios::binary) << content;
    return path;
}

} // namespace

// aclrtGetOverflowStatusImpl / ApiImpl::GetDeviceSatStatus: a 64-byte device-to-device copy of the
// context's status on the stream (NULL: the default stream); nothing overflows here, so it reads
// zeros. aclrtResetOverflowStatus clears it with a task on the stream.
TEST_CASE("overflow status outside a capture: 64 zero bytes copied to device memory; reset accepted") {
    rt::NoLeaks leaks;
    rt::Stream stream;
    REQUIRE(stream.ok());
    rt::DeviceMemory status(64);
    for (aclrtStream on : {static_cast<aclrtStream>(stream), static_cast<aclrtStream>(nullptr)}) {
        REQUIRE(aclrtMemset(status, 64, 0xAB, 64) == ACL_SUCCESS);
        CHECK_EQ(aclrtGetOverflowStatus(status, 64, on), ACL_SUCCESS);
        CHECK_EQ(aclrtSynchronizeStream(on), ACL_SUCCESS);
        CHECK(rt::AllBytes(rt::ReadBytes(status, 64), 0));
        CHECK_EQ(aclrtResetOverflowStatus(on), ACL_SUCCESS);
        CHECK_EQ(aclrtSynchronizeStream(on), ACL_SUCCESS);
    }
}

// aclrtGetOverflowStatusImpl (NULL output: 100000), rtGetDeviceSatStatus (a stale stream: 107017
// here), ApiErrorDecorator::GetDeviceSatStatus (size other than OVERFLOW_OUTPUT_SIZE = 64: 107000),
// then the copy's destination must be device memory (107000).
TEST_CASE("overflow status: NULL output -> 100000, size other than 64 -> 107000, stale stream -> 107017") {
    void *status = rt::DevAlloc(128);
    unsigned char host[64] = {};
    auto *stale = reinterpret_cast<aclrtStream>(0x1234);
    CHECK_EQ(aclrtGetOverflowStatus(nullptr, 64, nullptr), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtGetOverflowStatus(status, 32, nullptr), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclrtGetOverflowStatus(status, 128, nullptr), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclrtGetOverflowStatus(host, 64, nullptr), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclrtGetOverflowStatus(status, 64, stale), ACL_ERROR_RT_INVALID_HANDLE);
    CHECK_EQ(aclrtResetOverflowStatus(stale), ACL_ERROR_RT_INVALID_HANDLE);
    CHECK_EQ(aclrtFree(status), ACL_SUCCESS);
}

// ApiErrorDecorator::GetDeviceSatStatus / CleanDeviceSatStatus: a capturing stream is refused with
// RT_ERROR_STREAM_CAPTURED (107027); the capture goes on and its model gains no task.
TEST_CASE("overflow status inside a capture: both calls -> 107027, the capture active, the model unchanged") {
    void *status = rt::DevAlloc(64);
    CaptureAround([&](aclrtStream stream) {
        CHECK_EQ(aclrtGetOverflowStatus(status, 64, stream), ACL_ERROR_RT_STREAM_CAPTURED);
        CHECK_EQ(aclrtResetOverflowStatus(stream), ACL_ERROR_RT_STREAM_CAPTURED);
        // The size is checked first (107000), as in the decorator.
        CHECK_EQ(aclrtGetOverflowStatus(status, 8, stream), ACL_ERROR_RT_PARAM_INVALID);
    });
    CHECK_EQ(aclrtFree(status), ACL_SUCCESS);
}

// src/acl/aclrt_impl/toolchain/dump.cpp: aclmdlSetDump and aclmdlFinalizeDump need aclmdlInitDump
// first (100045), which cannot be repeated (100002); the configuration file must be readable
// (JsonParser::GetConfigStrFromFile: 100003), an empty one sets nothing, one the dump server cannot
// parse is refused (100009). None of it reaches a stream: inside a capture every call behaves as
// outside and the model is unchanged.
TEST_CASE("dump configuration: order 100045/100002, NULL 100000, unreadable 100003, bad JSON 100009; a capture is "
          "unaffected") {
    const std::string good = WriteFile("rt_dump_good.json", R"({"dump": {"dump_path": "./dump", "dump_list": []}})");
    const std::string empty = WriteFile("rt_dump_empty.json", "");
    const std::string bad = WriteFile("rt_dump_bad.json", R"({"dump": {"dump_path": )");
    CHECK_EQ(aclmdlSetDump(good.c_str()), ACL_ERROR_DUMP_NOT_RUN);
    CHECK_EQ(aclmdlFinalizeDump(), ACL_ERROR_DUMP_NOT_RUN);
    CaptureAround([&](aclrtStream) {
        CHECK_EQ(aclmdlInitDump(), ACL_SUCCESS);
        CHECK_EQ(aclmdlInitDump(), ACL_ERROR_REPEAT_INITIALIZE);
        CHECK_EQ(aclmdlSetDump(nullptr), ACL_ERROR_INVALID_PARAM);
        CHECK_EQ(aclmdlSetDump("no/such/dump.json"), ACL_ERROR_INVALID_FILE);
        CHECK_EQ(aclmdlSetDump("."), ACL_ERROR_INVALID_FILE);
        CHECK_EQ(aclmdlSetDump(empty.c_str()), ACL_SUCCESS);
        CHECK_EQ(aclmdlSetDump(bad.c_str()), ACL_ERROR_INVALID_DUMP_CONFIG);
        CHECK_EQ(aclmdlSetDump(good.c_str()), ACL_SUCCESS);
        CHECK_EQ(aclmdlFinalizeDump(), ACL_SUCCESS);
    });
    CHECK_EQ(aclmdlFinalizeDump(), ACL_ERROR_DUMP_NOT_RUN);
    CHECK_EQ(aclmdlInitDump(), ACL_SUCCESS);
    CHECK_EQ(aclmdlSetDump(good.c_str()), ACL_SUCCESS);
    CHECK_EQ(aclmdlFinalizeDump(), ACL_SUCCESS);
    for (const auto &path : {good, empty, bad}) {
        std::remove(path.c_str());
    }
}

// aclprofInit / ProfInit (CheckProfInitPath: NULL, a length outside [1, 4096) or unequal to the
// string's: 100000; ProfAclMgr::ProfInitPrecheck: twice -> 100002), aclprofFinalize (a no-op when
// not initialised).
TEST_CASE("aclprofInit: bad path -> 100000, twice -> 100002; aclprofFinalize always 0") {
    const char path[] = "./rt_prof_result";
    const std::string tooLong(4096, 'p');
    CHECK_EQ(aclprofInit(nullptr, 4), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclprofInit(path, 0), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclprofInit(path, sizeof path), ACL_ERROR_INVALID_PARAM); // counts the terminator
    CHECK_EQ(aclprofInit(tooLong.c_str(), tooLong.size()), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclprofInit(path, sizeof path - 1), ACL_SUCCESS);
    CHECK_EQ(aclprofInit(path, sizeof path - 1), ACL_ERROR_REPEAT_INITIALIZE);
    CHECK_EQ(aclprofFinalize(), ACL_SUCCESS);
    CHECK_EQ(aclprofFinalize(), ACL_SUCCESS);
}

// aclprofCreateConfig (IsValidProfConfigPreCheck, IsValidDevId): NULL for a NULL list, aicoreEvents,
// more than PROF_MAX_DEV_NUM (64) or than the devices, an id out of range or twice, and no device
// unless msproftx; aclprofDestroyConfig: NULL -> 100000.
TEST_CASE("aclprofCreateConfig refuses bad device lists with NULL; aclprofDestroyConfig(NULL) -> 100000") {
    uint32_t count = 0;
    REQUIRE(aclrtGetDeviceCount(&count) == ACL_SUCCESS);
    std::vector<uint32_t> all(65);
    for (uint32_t i = 0; i < all.size(); ++i) {
        all[i] = i;
    }
    uint32_t outOfRange[] = {count};
    uint32_t twice[] = {0, 0};
    const auto *events = reinterpret_cast<const aclprofAicoreEvents *>(twice);
    CHECK(aclprofCreateConfig(nullptr, 1, ACL_AICORE_NONE, nullptr, ACL_PROF_ACL_API) == nullptr);
    CHECK(aclprofCreateConfig(all.data(), 1, ACL_AICORE_NONE, events, ACL_PROF_ACL_API) == nullptr);
    CHECK(aclprofCreateConfig(all.data(), 65, ACL_AICORE_NONE, nullptr, ACL_PROF_ACL_API) == nullptr);
    CHECK(aclprofCreateConfig(all.data(), count + 1, ACL_AICORE_NONE, nullptr, ACL_PROF_ACL_API) == nullptr);
    CHECK(aclprofCreateConfig(outOfRange, 1, ACL_AICORE_NONE, nullptr, ACL_PROF_ACL_API) == nullptr);
    CHECK(aclprofCreateConfig(twice, 2, ACL_AICORE_NONE, nullptr, ACL_PROF_ACL_API) == nullptr);
    CHECK(aclprofCreateConfig(nullptr, 0, ACL_AICORE_NONE, nullptr, ACL_PROF_ACL_API) == nullptr);
    aclprofConfig *tx = aclprofCreateConfig(nullptr, 0, ACL_AICORE_NONE, nullptr, ACL_PROF_MSPROFTX);
    REQUIRE(tx != nullptr);
    CHECK_EQ(aclprofDestroyConfig(tx), ACL_SUCCESS);
    CHECK_EQ(aclprofDestroyConfig(nullptr), ACL_ERROR_INVALID_PARAM);
}

// ProfStart / ProfStop (preCheckProfConfig: no switch -> 100000, a switch acl_prof.h does not
// define -> 200007; a start without aclprofInit initialises (9.x); a repeated start must ask for the
// same switches: CheckConfigConsistency -> 100010; a stop after aclprofFinalize is a no-op).
// Profiling never reaches a stream: inside a capture every call behaves as outside, the model is
// unchanged.
TEST_CASE("aclprofStart/Stop: no switch -> 100000, unknown switch -> 200007, other switches -> 100010; a capture is "
          "unaffected") {
    uint32_t device0[] = {0};
    aclprofConfig *api = aclprofCreateConfig(device0, 1, ACL_AICORE_NONE, nullptr, ACL_PROF_ACL_API);
    aclprofConfig *tasks =
        aclprofCreateConfig(device0, 1, ACL_AICORE_PIPE_UTILIZATION, nullptr, ACL_PROF_ACL_API | ACL_PROF_TASK_TIME);
    aclprofConfig *none = aclprofCreateConfig(device0, 1, ACL_AICORE_NONE, nullptr, 0);
    aclprofConfig *unknown = aclprofCreateConfig(device0, 1, ACL_AICORE_NONE, nullptr, 1ULL << 40);
    REQUIRE(api != nullptr && tasks != nullptr && none != nullptr && unknown != nullptr);
    CaptureAround([&](aclrtStream) {
        CHECK_EQ(aclprofStart(none), ACL_ERROR_INVALID_PARAM);
        CHECK_EQ(aclprofStart(unknown), ACL_ERROR_PROF_MODULES_UNSUPPORTED);
        CHECK_EQ(aclprofStart(api), ACL_SUCCESS); // initialises profiling itself
        CHECK_EQ(aclprofInit("./p", 3), ACL_ERROR_REPEAT_INITIALIZE);
        CHECK_EQ(aclprofStart(api), ACL_SUCCESS);
        CHECK_EQ(aclprofStart(tasks), ACL_ERROR_INVALID_PROFILING_CONFIG);
        CHECK_EQ(aclprofStop(api), ACL_SUCCESS);
        CHECK_EQ(aclprofStart(tasks), ACL_SUCCESS);
        CHECK_EQ(aclprofStop(tasks), ACL_SUCCESS);
        CHECK_EQ(aclprofFinalize(), ACL_SUCCESS);
    });
    CHECK_EQ(aclprofStop(api), ACL_SUCCESS); // not initialised: nothing to stop
    for (aclprofConfig *config : {api, tasks, none, unknown}) {
        CHECK_EQ(aclprofDestroyConfig(config), ACL_SUCCESS);
    }
}

// aclrtGetErrorVerboseImpl (NULL -> 100000), ApiErrorDecorator::GetErrorVerbose (a device outside
// [0, count) -> 107001), ApiImpl::GetErrorVerbose (no fault: ACL_RT_NO_ERROR, no detail, nothing
// to repair). A query of the device, not a stream task: a capture is unaffected.
TEST_CASE("aclrtGetErrorVerbose: no fault on a simulated device; NULL -> 100000, bad device -> 107001") {
    uint32_t count = 0;
    REQUIRE(aclrtGetDeviceCount(&count) == ACL_SUCCESS);
    CaptureAround([&](aclrtStream) {
        aclrtErrorInfo info;
        std::memset(&info, 0x5A, sizeof info);
        CHECK_EQ(aclrtGetErrorVerbose(0, &info), ACL_SUCCESS);
        CHECK_EQ(info.errorType, ACL_RT_NO_ERROR);
        CHECK_EQ(info.tryRepair, 0);
        CHECK_EQ(info.hasDetail, 0);
    });
    aclrtErrorInfo info{};
    CHECK_EQ(aclrtGetErrorVerbose(static_cast<int32_t>(count) - 1, &info), ACL_SUCCESS);
    CHECK_EQ(aclrtGetErrorVerbose(0, nullptr), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtGetErrorVerbose(static_cast<int32_t>(count), &info), ACL_ERROR_RT_INVALID_DEVICEID);
    CHECK_EQ(aclrtGetErrorVerbose(-1, &info), ACL_ERROR_RT_INVALID_DEVICEID);
}

// ApiImpl::StreamBeginCapture / StreamEndCapture (feature/aclgraph/v100/api_impl_aclgraph.cc): the
// default stream, by the handle aclrtCtxGetCurrentDefaultStream gives, cannot capture (207000).
TEST_CASE("aclmdlRICaptureBegin/End on the default stream's handle -> 207000") {
    aclrtStream defaultStream = nullptr;
    REQUIRE(aclrtCtxGetCurrentDefaultStream(&defaultStream) == ACL_SUCCESS);
    CHECK_EQ(aclmdlRICaptureBegin(defaultStream, rt::kGlobal), ACL_ERROR_RT_FEATURE_NOT_SUPPORT);
    aclmdlRI model = reinterpret_cast<aclmdlRI>(0x1);
    CHECK_EQ(aclmdlRICaptureEnd(defaultStream, &model), ACL_ERROR_RT_FEATURE_NOT_SUPPORT);
    CHECK(model == nullptr);
    CHECK_EQ(aclrtSynchronizeStream(defaultStream), ACL_SUCCESS);
}

// dump.cpp: every dump call needs aclInit first (100001); the dump flag is the library's own, so it
// outlives aclFinalize (a second aclmdlInitDump after re-initialising is still a repeat).
TEST_CASE("dump calls before aclInit -> 100001; aclmdlInitDump's flag outlives aclFinalize") {
    REQUIRE(aclmdlInitDump() == ACL_SUCCESS);
    REQUIRE(aclrtResetDevice(0) == ACL_SUCCESS);
    REQUIRE(aclFinalize() == ACL_SUCCESS);
    CHECK_EQ(aclmdlInitDump(), ACL_ERROR_UNINITIALIZE);
    CHECK_EQ(aclmdlSetDump("any.json"), ACL_ERROR_UNINITIALIZE);
    CHECK_EQ(aclmdlFinalizeDump(), ACL_ERROR_UNINITIALIZE);
    REQUIRE(aclInit(nullptr) == ACL_SUCCESS);
    REQUIRE(aclrtSetDevice(0) == ACL_SUCCESS);
    aclrtSynchronizeStream(nullptr);
    CHECK_EQ(aclmdlInitDump(), ACL_ERROR_REPEAT_INITIALIZE);
    CHECK_EQ(aclmdlFinalizeDump(), ACL_SUCCESS);
}

RT_TEST_MAIN()
