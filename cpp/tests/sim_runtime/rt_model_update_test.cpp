// Introspection and in-place update of a captured model (CANN 9.1): aclmdlRIGetStreams,
// aclmdlRIGetTasksByStream, aclmdlRITaskGetType/GetSeqId/GetParams/SetParams,
// aclmdlRIKernelTaskGetAttribute, aclmdlRITaskDisable and aclmdlRIUpdate. Each rule is named after
// the function of the CANN runtime (hicann/runtime src/runtime) that it follows.
#include "aclnnop/aclnn_mul.h"
#include "rt_fixtures.h"

namespace {

using rt::AddGraph;

// y = x + alpha * ones, captured as H2D copy, aclnnAdd kernel, D2H copy on one stream.
struct Captured : rt::CapturedOnStream {
    aclrtStream modelStream = nullptr;
    aclmdlRITask tasks[3] = {};
    bool Init(float alpha = 1.0f) {
        if (!CapturedOnStream::Init(alpha)) {
            return false;
        }
        uint32_t count = 1;
        uint32_t taskCount = 3;
        return aclmdlRIGetStreams(model, &modelStream, &count) == ACL_SUCCESS && count == 1 &&
               aclmdlRIGetTasksByStream(modelStream, tasks, &taskCount) == ACL_SUCCESS && taskCount == 3;
    }
    aclmdlRITask kernel() const { return tasks[1]; }
    // Replays once with x = `x` and returns y[0] (NaN when the replay fails).
    float Run(float x) {
        graph.SetX(x);
        graph.SetY(-1.0f);
        if (aclmdlRIExecuteAsync(model, stream) != ACL_SUCCESS || aclrtSynchronizeStream(stream) != ACL_SUCCESS) {
            return std::nanf("");
        }
        return graph.y[0];
    }
};

// A model captured on `origin` that forks to `side` through `fork` and joins back through `join`;
// `onSide()` enqueues the side stream's work in between.
rt::Model CaptureForkJoin(
    aclrtStream origin, aclrtStream side, aclrtEvent fork, aclrtEvent join,
    const std::function<void()> &onSide = [] {}) {
    return rt::Capture(origin, [&] {
        rt::Link(origin, fork, side);
        onSide();
        rt::Link(side, join, origin);
    });
}

// A device buffer of AddGraph::kN floats all equal to `value`.
struct Filled {
    void *data = nullptr;
    explicit Filled(float value) {
        data = rt::DevAlloc(AddGraph::kBytes);
        if (data != nullptr)
            rt::WriteFloats(data, std::vector<float>(AddGraph::kN, value));
    }
    ~Filled() {
        if (data)
            aclrtFree(data);
    }
};

aclmdlRITaskParams ParamsOf(aclmdlRITask task) {
    aclmdlRITaskParams params;
    std::memset(&params, 0xAB, sizeof params);
    if (aclmdlRITaskGetParams(task, &params) != ACL_SUCCESS) {
        std::memset(&params, 0, sizeof params);
    }
    return params;
}

// The kernel task's args as a byte vector (tensor addresses, then scalars).
std::vector<unsigned char> ArgsOf(const aclmdlRITaskParams &params) {
    const auto *bytes = static_cast<const unsigned char *>(params.kernelTaskParams.args);
    return bytes ? std::vector<unsigned char>(bytes, bytes + params.kernelTaskParams.argsSize)
                 : std::vector<unsigned char>();
}

uint64_t AddressAt(const std::vector<unsigned char> &args, size_t slot) {
    uint64_t address = 0;
    std::memcpy(&address, args.data() + slot * 8, 8);
    return address;
}

void SetAddress(std::vector<unsigned char> &args, size_t slot, const void *address) {
    uint64_t value = reinterpret_cast<uintptr_t>(address);
    std::memcpy(args.data() + slot * 8, &value, 8);
}

aclError SetKernelArgs(aclmdlRITask task, std::vector<unsigned char> &args, aclrtLaunchKernelCfg *cfg = nullptr) {
    aclmdlRITaskParams params = ParamsOf(task);
    params.kernelTaskParams.args = args.data();
    params.kernelTaskParams.argsSize = args.size();
    params.kernelTaskParams.cfg = cfg;
    return aclmdlRITaskSetParams(task, &params);
}

} // namespace

// ------------------------------------------------------------------ aclmdlRIGetStreams

TEST_CASE("aclmdlRIGetStreams: NULL array gives the count; a larger array is NULL-filled; a smaller one is filled "
          "and refused with 107039 (Model::ModelGetStreams)") {
    rt::NoLeaks leaks;
    {
        rt::Stream origin;
        rt::Stream side;
        rt::Event fork;
        rt::Event join;
        rt::DeviceMemory buffer(64);
        REQUIRE(origin.ok() && side.ok() && fork.ok() && join.ok() && buffer.ok());
        aclmdlRI model = CaptureForkJoin(origin, side, fork, join, [&] {
                             CHECK_EQ(aclrtMemsetAsync(buffer, 64, 1, 64, side), ACL_SUCCESS);
                         }).Release();
        REQUIRE(model != nullptr);

        uint32_t count = 99;
        CHECK_EQ(aclmdlRIGetStreams(model, nullptr, &count), ACL_SUCCESS);
        CHECK_EQ(count, 2u);
        aclrtStream streams[4] = {origin, origin, origin, origin};
        count = 4;
        CHECK_EQ(aclmdlRIGetStreams(model, streams, &count), ACL_SUCCESS);
        CHECK_EQ(count, 2u);
        CHECK(streams[0] != nullptr && streams[1] != nullptr && streams[0] != streams[1]);
        CHECK(streams[2] == nullptr && streams[3] == nullptr);
        // The model's own streams, not the ones that captured it; asking again gives the same handles.
        CHECK(streams[0] != origin && streams[0] != side && streams[1] != origin && streams[1] != side);
        aclrtStream again[2] = {};
        count = 2;
        CHECK_EQ(aclmdlRIGetStreams(model, again, &count), ACL_SUCCESS);
        CHECK(again[0] == streams[0] && again[1] == streams[1]);
        aclrtStream one[1] = {};
        count = 1;
        CHECK_EQ(aclmdlRIGetStreams(model, one, &count), ACL_ERROR_RT_INSUFFICIENT_INPUT_ARRAY);
        CHECK_EQ(count, 1u);
        CHECK(one[0] == streams[0]);
        count = 0; // a non-NULL array of capacity 0 is too small, not a count query
        CHECK_EQ(aclmdlRIGetStreams(model, one, &count), ACL_ERROR_RT_INSUFFICIENT_INPUT_ARRAY);
        CHECK_EQ(count, 0u);
        // The origin's tasks: record, wait; the side stream's: wait, memset, record.
        uint32_t tasks = 0;
        CHECK_EQ(aclmdlRIGetTasksByStream(streams[0], nullptr, &tasks), ACL_SUCCESS);
        CHECK_EQ(tasks, 2u);
        CHECK_EQ(aclmdlRIGetTasksByStream(streams[1], nullptr, &tasks), ACL_SUCCESS);
        CHECK_EQ(tasks, 3u);

        CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
        // Its stream handles die with it.
        CHECK_EQ(aclmdlRIGetTasksByStream(streams[0], nullptr, &tasks), ACL_ERROR_RT_INVALID_HANDLE);
        CHECK_EQ(aclmdlRIGetStreams(model, nullptr, &count), ACL_ERROR_RT_INVALID_HANDLE);
    }
}

TEST_CASE("aclmdlRIGetStreams: NULL numStreams or model -> 107000 (rtModelGetStreams, ApiErrorDecorator::"
          "ModelGetStreams); another context -> 107004 (ApiImpl::ModelGetStreams)") {
    Captured c;
    REQUIRE(c.Init());
    aclrtStream streams[2] = {};
    uint32_t count = 2;
    CHECK_EQ(aclmdlRIGetStreams(c.model, streams, nullptr), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclmdlRIGetStreams(nullptr, streams, &count), ACL_ERROR_RT_PARAM_INVALID);
    aclrtContext home = rt::CurrentContext();
    aclrtContext other = nullptr;
    REQUIRE(aclrtCreateContext(&other, 1) == ACL_SUCCESS);
    REQUIRE(aclrtSetCurrentContext(other) == ACL_SUCCESS);
    CHECK_EQ(aclmdlRIGetStreams(c.model, streams, &count), ACL_ERROR_RT_MODEL_CONTEXT);
    REQUIRE(aclrtSetCurrentContext(home) == ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyContext(other), ACL_SUCCESS);
}

// ------------------------------------------------------------------ aclmdlRIGetTasksByStream, types, ids

TEST_CASE("aclmdlRIGetTasksByStream: the tasks in capture order, their types (ConvertTaskType) and sequence ids "
          "(ApiImpl::TaskGetSeqId)") {
    Captured c;
    REQUIRE(c.Init());
    aclmdlRITaskType types[3] = {};
    uint32_t ids[3] = {};
    for (int i = 0; i < 3; ++i) {
        CHECK_EQ(aclmdlRITaskGetType(c.tasks[i], &types[i]), ACL_SUCCESS);
        CHECK_EQ(aclmdlRITaskGetSeqId(c.tasks[i], &ids[i]), ACL_SUCCESS);
    }
    CHECK_EQ(types[0], ACL_MODEL_RI_TASK_DEFAULT); // the H2D copy
    CHECK_EQ(types[1], ACL_MODEL_RI_TASK_KERNEL);
    CHECK_EQ(types[2], ACL_MODEL_RI_TASK_DEFAULT); // the D2H copy
    CHECK_EQ(ids[0], 0u);
    CHECK_EQ(ids[1], 1u);
    CHECK_EQ(ids[2], 2u);
    // The same handles every time; a larger array is NULL-filled, a smaller one refused with 107039.
    aclmdlRITask more[5] = {};
    uint32_t count = 5;
    CHECK_EQ(aclmdlRIGetTasksByStream(c.modelStream, more, &count), ACL_SUCCESS);
    CHECK_EQ(count, 3u);
    CHECK(more[0] == c.tasks[0] && more[1] == c.tasks[1] && more[2] == c.tasks[2]);
    CHECK(more[3] == nullptr && more[4] == nullptr);
    count = 2;
    CHECK_EQ(aclmdlRIGetTasksByStream(c.modelStream, more, &count), ACL_ERROR_RT_INSUFFICIENT_INPUT_ARRAY);
    CHECK_EQ(count, 2u);
}

TEST_CASE("aclmdlRIGetTasksByStream: a stream bound to no model, NULL stream or NULL numTasks -> 107000 "
          "(ApiImpl::StreamGetTasks, ApiErrorDecorator::StreamGetTasks)") {
    Captured c;
    REQUIRE(c.Init());
    uint32_t count = 0;
    CHECK_EQ(aclmdlRIGetTasksByStream(c.stream, nullptr, &count), ACL_ERROR_RT_PARAM_INVALID); // it only captured
    CHECK_EQ(aclmdlRIGetTasksByStream(nullptr, nullptr, &count), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclmdlRIGetTasksByStream(c.modelStream, nullptr, nullptr), ACL_ERROR_RT_PARAM_INVALID);
    int bogus = 0;
    CHECK_EQ(aclmdlRIGetTasksByStream(&bogus, nullptr, &count), ACL_ERROR_RT_INVALID_HANDLE);
}

TEST_CASE("task calls: NULL task or output -> 107000 (ApiErrorDecorator::TaskGetType/TaskGetSeqId/TaskGetParams/"
          "TaskSetParams/ModelTaskDisable); aclmdlRIKernelTaskGetAttribute -> 100000 (its ACL layer)") {
    Captured c;
    REQUIRE(c.Init());
    aclmdlRITaskType type;
    uint32_t id;
    aclmdlRITaskParams params;
    aclrtLaunchKernelAttrValue value;
    CHECK_EQ(aclmdlRITaskGetType(nullptr, &type), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclmdlRITaskGetType(c.kernel(), nullptr), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclmdlRITaskGetSeqId(nullptr, &id), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclmdlRITaskGetSeqId(c.kernel(), nullptr), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclmdlRITaskGetParams(nullptr, &params), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclmdlRITaskGetParams(c.kernel(), nullptr), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclmdlRITaskSetParams(nullptr, &params), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclmdlRITaskSetParams(c.kernel(), nullptr), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclmdlRITaskDisable(nullptr), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclmdlRIKernelTaskGetAttribute(nullptr, ACL_RT_LAUNCH_KERNEL_ATTR_SCHEM_MODE, &value),
             ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclmdlRIKernelTaskGetAttribute(c.kernel(), ACL_RT_LAUNCH_KERNEL_ATTR_SCHEM_MODE, nullptr),
             ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclmdlRIUpdate(nullptr), ACL_ERROR_RT_PARAM_INVALID); // ApiErrorDecorator::ModelUpdate
    // None of this touched the model: it still runs.
    CHECK_NEAR(c.Run(2.0f), 3.0, 1e-6);
}

TEST_CASE("task handles of a destroyed model -> 107017 from every task call (the simulator validates task handles)") {
    Captured c;
    REQUIRE(c.Init());
    aclmdlRITask kernel = c.kernel();
    aclmdlRITask copy = c.tasks[0];
    c.DestroyModel();
    aclmdlRITaskType type;
    uint32_t id;
    aclmdlRITaskParams params{};
    aclrtLaunchKernelAttrValue value;
    CHECK_EQ(aclmdlRITaskGetType(kernel, &type), ACL_ERROR_RT_INVALID_HANDLE);
    CHECK_EQ(aclmdlRITaskGetSeqId(copy, &id), ACL_ERROR_RT_INVALID_HANDLE);
    CHECK_EQ(aclmdlRITaskGetParams(kernel, &params), ACL_ERROR_RT_INVALID_HANDLE);
    CHECK_EQ(aclmdlRITaskSetParams(kernel, &params), ACL_ERROR_RT_INVALID_HANDLE);
    CHECK_EQ(aclmdlRITaskDisable(kernel), ACL_ERROR_RT_INVALID_HANDLE);
    CHECK_EQ(aclmdlRIKernelTaskGetAttribute(kernel, ACL_RT_LAUNCH_KERNEL_ATTR_SCHEM_MODE, &value),
             ACL_ERROR_RT_INVALID_HANDLE);
    int forged = 0;
    CHECK_EQ(aclmdlRITaskGetType(&forged, &type), ACL_ERROR_RT_INVALID_HANDLE);
}

// ------------------------------------------------------------------ aclmdlRITaskGetParams

TEST_CASE("aclmdlRITaskGetParams of an aclnnAdd kernel: its function, the tensor addresses and alpha as args "
          "(GetKernelTaskParams)") {
    Captured c;
    REQUIRE(c.Init(2.5f));
    aclmdlRITaskParams params = ParamsOf(c.kernel());
    CHECK_EQ(params.type, ACL_MODEL_RI_TASK_KERNEL);
    CHECK(params.taskGrp == nullptr);
    CHECK(params.opInfoPtr == nullptr);
    CHECK_EQ(params.opInfoSize, size_t{0});
    CHECK(params.kernelTaskParams.funcHandle != nullptr);
    CHECK(params.kernelTaskParams.cfg == nullptr);
    CHECK_EQ(params.kernelTaskParams.isHostArgs, 0u);
    CHECK_EQ(params.kernelTaskParams.numBlocks, 1u);
    CHECK_EQ(params.kernelTaskParams.argsSize, size_t{3 * 8 + 16}); // self, other, out; alpha
    std::vector<unsigned char> args = ArgsOf(params);
    REQUIRE(args.size() == 40);
    CHECK_EQ(AddressAt(args, 0), reinterpret_cast<uintptr_t>(c.graph.in));
    CHECK_EQ(AddressAt(args, 1), reinterpret_cast<uintptr_t>(c.graph.ones));
    CHECK_EQ(AddressAt(args, 2), reinterpret_cast<uintptr_t>(c.graph.out));
    float alpha = 0;
    std::memcpy(&alpha, args.data() + 24, sizeof alpha);
    CHECK_EQ(alpha, 2.5f);
}

TEST_CASE("aclmdlRITaskGetParams: a copy task (RT_TASK_DEFAULT) -> 107000 (ApiImpl::TaskGetParams); event tasks "
          "report their event and its flags (GetEventRecordTaskParams/GetEventWaitTaskParams)") {
    Captured c;
    REQUIRE(c.Init());
    aclmdlRITaskParams params;
    CHECK_EQ(aclmdlRITaskGetParams(c.tasks[0], &params), ACL_ERROR_RT_PARAM_INVALID);

    rt::Stream origin;
    rt::Stream side;
    rt::Event fork;
    rt::Event join(ACL_EVENT_SYNC | ACL_EVENT_TIME_LINE);
    REQUIRE(origin.ok() && side.ok() && fork.ok() && join.ok());
    rt::Model model = CaptureForkJoin(origin, side, fork, join);
    REQUIRE(model.ok());
    aclrtStream streams[2] = {};
    uint32_t count = 2;
    REQUIRE(aclmdlRIGetStreams(model, streams, &count) == ACL_SUCCESS);
    aclmdlRITask originTasks[2] = {};
    count = 2;
    REQUIRE(aclmdlRIGetTasksByStream(streams[0], originTasks, &count) == ACL_SUCCESS);
    aclmdlRITaskType type;
    CHECK_EQ(aclmdlRITaskGetType(originTasks[0], &type), ACL_SUCCESS);
    CHECK_EQ(type, ACL_MODEL_RI_TASK_EVENT_RECORD);
    params = ParamsOf(originTasks[0]);
    CHECK_EQ(params.type, ACL_MODEL_RI_TASK_EVENT_RECORD);
    CHECK(params.eventRecordTaskParams.event == fork);
    CHECK_EQ(params.eventRecordTaskParams.eventFlag, ACL_EVENT_SYNC);
    CHECK_EQ(params.eventRecordTaskParams.recordFlag, 0u);
    params = ParamsOf(originTasks[1]);
    CHECK_EQ(params.type, ACL_MODEL_RI_TASK_EVENT_WAIT);
    CHECK(params.eventWaitTaskParams.event == join);
    CHECK_EQ(params.eventWaitTaskParams.eventFlag, ACL_EVENT_SYNC | ACL_EVENT_TIME_LINE);
    CHECK_EQ(params.eventWaitTaskParams.waitFlag, 0u);
    // Event tasks cannot be changed (ApiImpl::TaskSetParams): 107000, and the failed update leaves FAULT.
    params = ParamsOf(originTasks[0]);
    CHECK_EQ(aclmdlRITaskSetParams(originTasks[0], &params), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclmdlRIExecuteAsync(model, origin), ACL_ERROR_RT_MODEL_EXECUTE);
    CHECK_EQ(model.Destroy(), ACL_SUCCESS);
}

TEST_CASE("aclmdlRITaskGetParams: a kernel of a task group reports its group (GetKernelTaskParams' taskGrp)") {
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    {
        AddGraph graph;
        REQUIRE(graph.Init(1.0f, stream));
        REQUIRE(aclmdlRICaptureBegin(stream, rt::kGlobal) == ACL_SUCCESS);
        CHECK_EQ(aclmdlRICaptureTaskGrpBegin(stream), ACL_SUCCESS);
        CHECK_EQ(graph.add.Launch(stream), 0);
        aclrtTaskGrp group = nullptr;
        CHECK_EQ(aclmdlRICaptureTaskGrpEnd(stream, &group), ACL_SUCCESS);
        aclmdlRI model = nullptr;
        REQUIRE(aclmdlRICaptureEnd(stream, &model) == ACL_SUCCESS);
        aclrtStream modelStream = nullptr;
        uint32_t count = 1;
        REQUIRE(aclmdlRIGetStreams(model, &modelStream, &count) == ACL_SUCCESS);
        aclmdlRITask tasks[9] = {};
        count = 9;
        CHECK_EQ(aclmdlRIGetTasksByStream(modelStream, tasks, &count), ACL_SUCCESS);
        REQUIRE(count == 9); // 8 prefetch NOPs (RT_TASK_DEFAULT), then the kernel
        aclmdlRITaskType type;
        CHECK_EQ(aclmdlRITaskGetType(tasks[0], &type), ACL_SUCCESS);
        CHECK_EQ(type, ACL_MODEL_RI_TASK_DEFAULT);
        aclmdlRITaskParams params = ParamsOf(tasks[8]);
        CHECK(params.taskGrp == group);
        // A kernel update must not name a group (UpdateKernelParams): 107000.
        CHECK_EQ(aclmdlRITaskSetParams(tasks[8], &params), ACL_ERROR_RT_PARAM_INVALID);
        CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
    }
    aclrtDestroyStream(stream);
}

// ------------------------------------------------------------------ aclmdlRITaskSetParams and aclmdlRIUpdate

TEST_CASE("aclmdlRITaskSetParams replaces a kernel's tensor in place; the model is UPDATING (507011 on launch, "
          "CaptureModel::CheckExecuteReady) until aclmdlRIUpdate (ApiImpl::ModelUpdate)") {
    rt::LeakCheck leaks;
    {
        Captured c;
        REQUIRE(c.Init(1.0f));
        CHECK_NEAR(c.Run(10.0f), 11.0, 1e-6);
        Filled threes(3.0f);
        REQUIRE(threes.data != nullptr);
        std::vector<unsigned char> args = ArgsOf(ParamsOf(c.kernel()));
        SetAddress(args, 1, threes.data); // other: ones -> threes
        CHECK_EQ(SetKernelArgs(c.kernel(), args), ACL_SUCCESS);
        CHECK_EQ(aclmdlRIExecuteAsync(c.model, c.stream), ACL_ERROR_RT_MODEL_EXECUTE);
        CHECK_EQ(aclmdlRIUpdate(c.model), ACL_SUCCESS);
        CHECK_NEAR(c.Run(10.0f), 13.0, 1e-6);
        CHECK_EQ(aclmdlRIUpdate(c.model), ACL_SUCCESS); // READY: nothing to do
        // GetParams reads the new arguments back.
        CHECK_EQ(AddressAt(ArgsOf(ParamsOf(c.kernel())), 1), reinterpret_cast<uintptr_t>(threes.data));
        c.DestroyModel();
    }
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("aclmdlRITaskSetParams replaces a kernel's scalar (alpha) in place") {
    Captured c;
    REQUIRE(c.Init(1.0f));
    std::vector<unsigned char> args = ArgsOf(ParamsOf(c.kernel()));
    REQUIRE(args.size() == 40);
    float alpha = -4.0f;
    std::memcpy(args.data() + 24, &alpha, sizeof alpha);
    CHECK_EQ(SetKernelArgs(c.kernel(), args), ACL_SUCCESS);
    CHECK_EQ(aclmdlRIUpdate(c.model), ACL_SUCCESS);
    CHECK_NEAR(c.Run(10.0f), 6.0, 1e-6);
}

TEST_CASE("aclmdlRITaskSetParams: several changes, one aclmdlRIUpdate; the args buffer is copied") {
    Captured c;
    REQUIRE(c.Init(1.0f));
    Filled fives(5.0f);
    std::vector<unsigned char> args = ArgsOf(ParamsOf(c.kernel()));
    SetAddress(args, 1, fives.data);
    CHECK_EQ(SetKernelArgs(c.kernel(), args), ACL_SUCCESS);
    float alpha = 2.0f;
    std::memcpy(args.data() + 24, &alpha, sizeof alpha);
    CHECK_EQ(SetKernelArgs(c.kernel(), args), ACL_SUCCESS); // still UPDATING: accepted
    std::fill(args.begin(), args.end(), 0);                 // the caller's buffer is not read at replay
    CHECK_EQ(aclmdlRIUpdate(c.model), ACL_SUCCESS);
    CHECK_NEAR(c.Run(1.0f), 11.0, 1e-6);
}

TEST_CASE("aclmdlRITaskSetParams: bad arguments -> 107000 and the model is FAULT: it neither runs (507011) nor "
          "updates (107040) again (ApiImpl::TaskSetParams, UpdateKernelParams, CheckCaptureModelForUpdate)") {
    struct Case {
        const char *what;
        int mutate;
        aclError code;
    };
    const Case cases[] = {{"argsSize off by one", 0, ACL_ERROR_RT_PARAM_INVALID},
                          {"argsSize 0", 1, ACL_ERROR_RT_PARAM_INVALID},
                          {"args NULL", 2, ACL_ERROR_RT_PARAM_INVALID},
                          {"funcHandle NULL", 3, ACL_ERROR_RT_PARAM_INVALID},
                          {"funcHandle forged", 4, ACL_ERROR_RT_INVALID_HANDLE},
                          {"a tensor outside device memory", 5, ACL_ERROR_RT_PARAM_INVALID},
                          {"type EVENT_RECORD", 6, ACL_ERROR_RT_PARAM_INVALID},
                          {"type 7 (unknown)", 7, ACL_ERROR_RT_PARAM_INVALID},
                          {"cfg with attrs NULL", 8, ACL_ERROR_RT_PARAM_INVALID},
                          {"cfg with attribute id 10", 9, ACL_ERROR_RT_PARAM_INVALID},
                          {"a copy task given kernel params", 10, ACL_ERROR_RT_PARAM_INVALID}};
    for (const Case &test : cases) {
        Captured c;
        REQUIRE(c.Init(1.0f));
        aclmdlRITaskParams params = ParamsOf(c.kernel());
        std::vector<unsigned char> args = ArgsOf(params);
        params.kernelTaskParams.args = args.data();
        int forged = 0;
        float host[4] = {};
        aclrtLaunchKernelCfg cfg{nullptr, 1};
        aclrtLaunchKernelAttr attr{};
        aclmdlRITask target = c.kernel();
        switch (test.mutate) {
        case 0: params.kernelTaskParams.argsSize += 1; break;
        case 1: params.kernelTaskParams.argsSize = 0; break;
        case 2: params.kernelTaskParams.args = nullptr; break;
        case 3: params.kernelTaskParams.funcHandle = nullptr; break;
        case 4: params.kernelTaskParams.funcHandle = &forged; break;
        case 5: SetAddress(args, 2, host); break;
        case 6: params.type = ACL_MODEL_RI_TASK_EVENT_RECORD; break;
        case 7: params.type = static_cast<aclmdlRITaskType>(7); break;
        case 8: params.kernelTaskParams.cfg = &cfg; break;
        case 9:
            attr.id = static_cast<aclrtLaunchKernelAttrId>(10);
            cfg.attrs = &attr;
            params.kernelTaskParams.cfg = &cfg;
            break;
        case 10: target = c.tasks[0]; break;
        }
        if (aclmdlRITaskSetParams(target, &params) != test.code) {
            testsupport::fail(__FILE__, __LINE__, std::string("wrong code for ") + test.what);
        }
        CHECK_EQ(aclmdlRIExecuteAsync(c.model, c.stream), ACL_ERROR_RT_MODEL_EXECUTE);
        CHECK_EQ(aclmdlRIUpdate(c.model), ACL_ERROR_RT_MODEL_UPDATE_FAILED);
        params = ParamsOf(c.kernel());
        CHECK_EQ(aclmdlRITaskSetParams(c.kernel(), &params), ACL_ERROR_RT_MODEL_UPDATE_FAILED);
        CHECK_EQ(aclmdlRITaskDisable(c.kernel()), ACL_ERROR_RT_MODEL_UPDATE_FAILED);
    }
}

TEST_CASE("aclmdlRITaskSetParams/TaskDisable while a replay runs -> 107040, the model stays READY "
          "(CheckCaptureModelForUpdate: CanUpdate)") {
    Captured c;
    REQUIRE(c.Init(1.0f));
    rt::Gate gate;
    CHECK_EQ(aclrtLaunchHostFunc(c.stream, rt::Gate::HostFunc, &gate), ACL_SUCCESS);
    c.graph.SetX(1.0f);
    CHECK_EQ(aclmdlRIExecuteAsync(c.model, c.stream), ACL_SUCCESS); // queued behind the gate
    REQUIRE(gate.WaitEntered());
    aclmdlRITaskParams params = ParamsOf(c.kernel());
    CHECK_EQ(aclmdlRITaskSetParams(c.kernel(), &params), ACL_ERROR_RT_MODEL_UPDATE_FAILED);
    CHECK_EQ(aclmdlRITaskDisable(c.kernel()), ACL_ERROR_RT_MODEL_UPDATE_FAILED);
    gate.Open();
    CHECK_EQ(aclrtSynchronizeStream(c.stream), ACL_SUCCESS);
    CHECK_NEAR(c.graph.y[0], 2.0, 1e-6);
    CHECK_NEAR(c.Run(5.0f), 6.0, 1e-6);                                // still READY
    CHECK_EQ(aclmdlRITaskSetParams(c.kernel(), &params), ACL_SUCCESS); // idle now
    CHECK_EQ(aclmdlRIUpdate(c.model), ACL_SUCCESS);
}

TEST_CASE("a model still capturing: aclmdlRITaskSetParams/TaskDisable/Update -> 107040 (CheckCaptureModelForUpdate, "
          "ApiImpl::ModelUpdate); its streams and tasks can be read") {
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    {
        AddGraph graph;
        REQUIRE(graph.Init(1.0f, stream));
        REQUIRE(aclmdlRICaptureBegin(stream, rt::kGlobal) == ACL_SUCCESS);
        CHECK_EQ(graph.add.Launch(stream), 0);
        aclmdlRI model = rt::ModelOf(stream);
        REQUIRE(model != nullptr);
        aclrtStream modelStream = nullptr;
        uint32_t count = 1;
        CHECK_EQ(aclmdlRIGetStreams(model, &modelStream, &count), ACL_SUCCESS);
        aclmdlRITask task = nullptr;
        count = 1;
        CHECK_EQ(aclmdlRIGetTasksByStream(modelStream, &task, &count), ACL_SUCCESS);
        aclmdlRITaskParams params = ParamsOf(task);
        CHECK_EQ(params.type, ACL_MODEL_RI_TASK_KERNEL);
        CHECK_EQ(aclmdlRITaskSetParams(task, &params), ACL_ERROR_RT_MODEL_UPDATE_FAILED);
        CHECK_EQ(aclmdlRITaskDisable(task), ACL_ERROR_RT_MODEL_UPDATE_FAILED);
        CHECK_EQ(aclmdlRIUpdate(model), ACL_ERROR_RT_MODEL_UPDATE_FAILED);
        aclmdlRI ended = nullptr;
        REQUIRE(aclmdlRICaptureEnd(stream, &ended) == ACL_SUCCESS);
        CHECK(ended == model);
        CHECK_EQ(aclmdlRITaskSetParams(task, &params), ACL_SUCCESS); // not after the capture ended
        CHECK_EQ(aclmdlRIUpdate(model), ACL_SUCCESS);
        CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
    }
    aclrtDestroyStream(stream);
}

// ------------------------------------------------------------------ aclmdlRITaskDisable

TEST_CASE("aclmdlRITaskDisable: after aclmdlRIUpdate the replay skips the task; setting its params again enables it "
          "(ApiImpl::ModelTaskDisable, TaskUpdateFlag)") {
    Captured c;
    REQUIRE(c.Init(1.0f));
    CHECK_NEAR(c.Run(1.0f), 2.0, 1e-6);
    CHECK_EQ(aclmdlRITaskDisable(c.kernel()), ACL_SUCCESS);
    CHECK_EQ(aclmdlRIExecuteAsync(c.model, c.stream), ACL_ERROR_RT_MODEL_EXECUTE); // UPDATING
    CHECK_EQ(aclmdlRIUpdate(c.model), ACL_SUCCESS);
    CHECK_NEAR(c.Run(7.0f), 2.0, 1e-6); // out keeps the last kernel's result: the kernel did not run
    aclmdlRITaskType type;
    CHECK_EQ(aclmdlRITaskGetType(c.kernel(), &type), ACL_SUCCESS);
    CHECK_EQ(type, ACL_MODEL_RI_TASK_KERNEL); // still a kernel task
    aclmdlRITaskParams params = ParamsOf(c.kernel());
    CHECK_EQ(aclmdlRITaskSetParams(c.kernel(), &params), ACL_SUCCESS);
    CHECK_EQ(aclmdlRIUpdate(c.model), ACL_SUCCESS);
    CHECK_NEAR(c.Run(7.0f), 8.0, 1e-6);
}

TEST_CASE("aclmdlRITaskDisable of an RT_TASK_DEFAULT task (a copy) -> 107000 and the model is FAULT "
          "(ApiImpl::ModelTaskDisable)") {
    Captured c;
    REQUIRE(c.Init(1.0f));
    CHECK_EQ(aclmdlRITaskDisable(c.tasks[0]), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclmdlRIExecuteAsync(c.model, c.stream), ACL_ERROR_RT_MODEL_EXECUTE);
    CHECK_EQ(aclmdlRIUpdate(c.model), ACL_ERROR_RT_MODEL_UPDATE_FAILED);
}

// ------------------------------------------------------------------ aclmdlRIKernelTaskGetAttribute

TEST_CASE("aclmdlRIKernelTaskGetAttribute: defaults, the configuration of aclmdlRITaskSetParams, refused ids "
          "(GetKernelAttribute, ConvertLaunchCfgToTaskCfg)") {
    Captured c;
    REQUIRE(c.Init(1.0f));
    aclrtLaunchKernelAttrValue value;
    std::memset(&value, 0xFF, sizeof value);
    CHECK_EQ(aclmdlRIKernelTaskGetAttribute(c.kernel(), ACL_RT_LAUNCH_KERNEL_ATTR_SCHEM_MODE, &value), ACL_SUCCESS);
    CHECK_EQ(int{value.schemMode}, 0);
    CHECK_EQ(aclmdlRIKernelTaskGetAttribute(c.kernel(), ACL_RT_LAUNCH_KERNEL_ATTR_DYN_UBUF_SIZE, &value), ACL_SUCCESS);
    CHECK_EQ(value.dynUBufSize, 0u);
    CHECK_EQ(aclmdlRIKernelTaskGetAttribute(c.kernel(), ACL_RT_LAUNCH_KERNEL_ATTR_DATA_DUMP, &value), ACL_SUCCESS);
    CHECK_EQ(int{value.isDataDump}, 0);
    CHECK_EQ(aclmdlRIKernelTaskGetAttribute(c.kernel(), ACL_RT_LAUNCH_KERNEL_ATTR_TIMEOUT_US, &value), ACL_SUCCESS);
    CHECK_EQ(value.timeoutUs.timeoutLow, 0u); // 0: never times out
    CHECK_EQ(value.timeoutUs.timeoutHigh, 0u);
    for (aclrtLaunchKernelAttrId refused :
         {ACL_RT_LAUNCH_KERNEL_ATTR_ENGINE_TYPE, ACL_RT_LAUNCH_KERNEL_ATTR_BLOCKDIM_OFFSET,
          ACL_RT_LAUNCH_KERNEL_ATTR_BLOCK_TASK_PREFETCH, ACL_RT_LAUNCH_KERNEL_ATTR_ENABLE_PROFILING,
          static_cast<aclrtLaunchKernelAttrId>(0), static_cast<aclrtLaunchKernelAttrId>(15)}) {
        CHECK_EQ(aclmdlRIKernelTaskGetAttribute(c.kernel(), refused, &value), ACL_ERROR_RT_PARAM_INVALID);
    }
    CHECK_EQ(aclmdlRIKernelTaskGetAttribute(c.tasks[0], ACL_RT_LAUNCH_KERNEL_ATTR_SCHEM_MODE, &value),
             ACL_ERROR_RT_PARAM_INVALID); // not a kernel task

    aclrtLaunchKernelAttr attrs[4] = {};
    attrs[0].id = ACL_RT_LAUNCH_KERNEL_ATTR_SCHEM_MODE;
    attrs[0].value.schemMode = 1;
    attrs[1].id = ACL_RT_LAUNCH_KERNEL_ATTR_DATA_DUMP;
    attrs[1].value.isDataDump = 1;
    attrs[2].id = ACL_RT_LAUNCH_KERNEL_ATTR_TIMEOUT;
    attrs[2].value.timeout = 3;
    attrs[3].id = ACL_RT_LAUNCH_KERNEL_ATTR_DYN_UBUF_SIZE;
    attrs[3].value.dynUBufSize = 4096;
    aclrtLaunchKernelCfg cfg{attrs, 4};
    std::vector<unsigned char> args = ArgsOf(ParamsOf(c.kernel()));
    CHECK_EQ(SetKernelArgs(c.kernel(), args, &cfg), ACL_SUCCESS);
    CHECK_EQ(aclmdlRIUpdate(c.model), ACL_SUCCESS);
    CHECK_EQ(aclmdlRIKernelTaskGetAttribute(c.kernel(), ACL_RT_LAUNCH_KERNEL_ATTR_SCHEM_MODE, &value), ACL_SUCCESS);
    CHECK_EQ(int{value.schemMode}, 1);
    CHECK_EQ(aclmdlRIKernelTaskGetAttribute(c.kernel(), ACL_RT_LAUNCH_KERNEL_ATTR_DATA_DUMP, &value), ACL_SUCCESS);
    CHECK_EQ(int{value.isDataDump}, 1);
    CHECK_EQ(aclmdlRIKernelTaskGetAttribute(c.kernel(), ACL_RT_LAUNCH_KERNEL_ATTR_TIMEOUT, &value), ACL_SUCCESS);
    CHECK_EQ(int{value.timeout}, 3);
    CHECK_EQ(aclmdlRIKernelTaskGetAttribute(c.kernel(), ACL_RT_LAUNCH_KERNEL_ATTR_TIMEOUT_US, &value), ACL_SUCCESS);
    CHECK_EQ(value.timeoutUs.timeoutLow, 3000000u);
    CHECK_EQ(aclmdlRIKernelTaskGetAttribute(c.kernel(), ACL_RT_LAUNCH_KERNEL_ATTR_DYN_UBUF_SIZE, &value), ACL_SUCCESS);
    CHECK_EQ(value.dynUBufSize, 4096u);
    CHECK_NEAR(c.Run(1.0f), 2.0, 1e-6);
}

TEST_CASE("aclmdlRITaskSetParams keeps opInfo and numBlocks for aclmdlRITaskGetParams; TaskDisable clears the "
          "opInfo (CaptureModel::SetShapeInfo/ClearShapeInfo)") {
    Captured c;
    REQUIRE(c.Init(1.0f));
    aclmdlRITaskParams params = ParamsOf(c.kernel());
    std::vector<unsigned char> args = ArgsOf(params);
    params.kernelTaskParams.args = args.data();
    const char info[] = "shape info";
    params.opInfoPtr = const_cast<char *>(info);
    params.opInfoSize = sizeof info;
    params.kernelTaskParams.numBlocks = 24;
    CHECK_EQ(aclmdlRITaskSetParams(c.kernel(), &params), ACL_SUCCESS);
    aclmdlRITaskParams read = ParamsOf(c.kernel());
    CHECK_EQ(read.opInfoSize, sizeof info);
    CHECK(read.opInfoPtr != nullptr && read.opInfoPtr != info && std::memcmp(read.opInfoPtr, info, sizeof info) == 0);
    CHECK_EQ(read.kernelTaskParams.numBlocks, 24u);
    CHECK_EQ(aclmdlRITaskDisable(c.kernel()), ACL_SUCCESS);
    read = ParamsOf(c.kernel());
    CHECK(read.opInfoPtr == nullptr);
    CHECK_EQ(read.opInfoSize, size_t{0});
    CHECK_EQ(aclmdlRIUpdate(c.model), ACL_SUCCESS);
}

TEST_CASE("aclmdlRITaskSetParams with another kernel's function: the task runs that operator (aclnnMuls args)") {
    Captured c;
    REQUIRE(c.Init(1.0f));
    // A Muls kernel (out = self * 3), captured elsewhere, lends its function.
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    {
        int64_t shape[1] = {AddGraph::kN};
        int64_t strides[1] = {1};
        aclTensor *self = aclCreateTensor(shape, 1, ACL_FLOAT, strides, 0, ACL_FORMAT_ND, shape, 1, c.graph.in);
        aclTensor *out = aclCreateTensor(shape, 1, ACL_FLOAT, strides, 0, ACL_FORMAT_ND, shape, 1, c.graph.out);
        float three = 3.0f;
        aclScalar *factor = aclCreateScalar(&three, ACL_FLOAT);
        uint64_t workspace = 0;
        aclOpExecutor *executor = nullptr;
        REQUIRE(aclnnMulsGetWorkspaceSize(self, factor, out, &workspace, &executor) == 0);
        REQUIRE(aclmdlRICaptureBegin(stream, rt::kGlobal) == ACL_SUCCESS);
        CHECK_EQ(aclnnMuls(nullptr, 0, executor, stream), 0);
        aclmdlRI lender = nullptr;
        REQUIRE(aclmdlRICaptureEnd(stream, &lender) == ACL_SUCCESS);
        aclrtStream lenderStream = nullptr;
        uint32_t count = 1;
        REQUIRE(aclmdlRIGetStreams(lender, &lenderStream, &count) == ACL_SUCCESS);
        aclmdlRITask mulsTask = nullptr;
        REQUIRE(aclmdlRIGetTasksByStream(lenderStream, &mulsTask, &count) == ACL_SUCCESS);
        aclmdlRITaskParams muls = ParamsOf(mulsTask);
        CHECK_EQ(muls.kernelTaskParams.argsSize, size_t{2 * 8 + 16}); // self, out; the scalar
        std::vector<unsigned char> args = ArgsOf(muls);
        muls.kernelTaskParams.args = args.data();
        CHECK_EQ(aclmdlRITaskSetParams(c.kernel(), &muls), ACL_SUCCESS);
        CHECK_EQ(aclmdlRIDestroy(lender), ACL_SUCCESS); // the function lives on in the task
        CHECK_EQ(aclmdlRIUpdate(c.model), ACL_SUCCESS);
        CHECK_NEAR(c.Run(2.0f), 6.0, 1e-6);
        aclDestroyTensor(self);
        aclDestroyTensor(out);
        aclDestroyScalar(factor);
    }
    aclrtDestroyStream(stream);
}

RT_TEST_MAIN()
