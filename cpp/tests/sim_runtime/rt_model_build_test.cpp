// Models built without capture (aclmdlRIBuildBegin, aclmdlRIBindStream, aclmdlRIEndTask,
// aclmdlRIBuildEnd, aclmdlRIUnbindStream, aclmdlRIExecute, aclmdlRIAbort) and the stream control
// between a model's streams (aclrtActiveStream, aclrtSwitchStream). Each rule is named after the
// function of the CANN runtime (hicann/runtime src/acl, src/runtime) that it follows.
#include "rt_graph_util.h"

namespace {

constexpr size_t kBytes = 64;

aclrtStream PersistentStream() {
    aclrtStream stream = nullptr;
    if (aclrtCreateStreamWithConfig(&stream, 0, ACL_STREAM_PERSISTENT) != ACL_SUCCESS) {
        return nullptr;
    }
    return stream;
}

// A device buffer of kBytes, and a reader of its first byte.
struct Buffer {
    void *data = rt::DevAlloc(kBytes);
    ~Buffer() {
        if (data)
            aclrtFree(data);
    }
    int First() const { return rt::ReadBytes(data, 1)[0]; }
    void Clear() const { aclrtMemset(data, kBytes, 0, kBytes); }
};

// A device int32 holding `value`.
struct DeviceInt {
    void *data = rt::DevAlloc(sizeof(int32_t));
    explicit DeviceInt(int32_t value) { Set(value); }
    ~DeviceInt() {
        if (data)
            aclrtFree(data);
    }
    void Set(int32_t value) const { aclrtMemcpy(data, sizeof value, &value, sizeof value, ACL_MEMCPY_HOST_TO_DEVICE); }
};

// A model under construction with `count` persistent streams, the first bound as head.
struct Built {
    aclmdlRI model = nullptr;
    std::vector<aclrtStream> streams;
    bool Init(size_t count, bool bindAll = true) {
        if (aclmdlRIBuildBegin(&model, 0) != ACL_SUCCESS)
            return false;
        for (size_t i = 0; i < count; ++i) {
            aclrtStream s = PersistentStream();
            if (s == nullptr)
                return false;
            streams.push_back(s);
            if (bindAll &&
                aclmdlRIBindStream(model, s, i == 0 ? ACL_MODEL_STREAM_FLAG_HEAD : ACL_MODEL_STREAM_FLAG_DEFAULT) !=
                    ACL_SUCCESS) {
                return false;
            }
        }
        return true;
    }
    ~Built() {
        if (model)
            aclmdlRIDestroy(model);
        for (aclrtStream s : streams)
            aclrtDestroyStream(s);
    }
};

} // namespace

TEST_CASE("a built model runs what its head stream was given, once per aclmdlRIExecute, not at issue "
          "(Model::BindStream, Model::ExecuteSync)") {
    rt::LeakCheck leaks;
    {
        Buffer out;
        out.Clear();
        Built b;
        REQUIRE(b.Init(1));
        CHECK_EQ(aclrtMemsetAsync(out.data, kBytes, 7, kBytes, b.streams[0]), ACL_SUCCESS);
        CHECK_EQ(aclmdlRIEndTask(b.model, b.streams[0]), ACL_SUCCESS);
        CHECK_EQ(aclmdlRIBuildEnd(b.model, nullptr), ACL_SUCCESS);
        CHECK_EQ(out.First(), 0); // recorded, not run
        CHECK_EQ(aclmdlRIExecute(b.model, -1), ACL_SUCCESS);
        CHECK_EQ(out.First(), 7);
        out.Clear();
        CHECK_EQ(aclmdlRIExecute(b.model, 1000), ACL_SUCCESS);
        CHECK_EQ(out.First(), 7);
        // ... and by aclmdlRIExecuteAsync on a stream that is not bound.
        out.Clear();
        aclrtStream exec = nullptr;
        REQUIRE(aclrtCreateStream(&exec) == ACL_SUCCESS);
        CHECK_EQ(aclmdlRIExecuteAsync(b.model, exec), ACL_SUCCESS);
        CHECK_EQ(aclrtSynchronizeStream(exec), ACL_SUCCESS);
        CHECK_EQ(out.First(), 7);
        // A bound stream cannot launch a model (ApiErrorDecorator::ModelExecuteAsync).
        CHECK_EQ(aclmdlRIExecuteAsync(b.model, b.streams[0]), ACL_ERROR_RT_PARAM_INVALID);
        CHECK_EQ(aclrtDestroyStream(exec), ACL_SUCCESS);
        for (aclrtStream s : b.streams)
            CHECK_EQ(aclmdlRIUnbindStream(b.model, s), ACL_SUCCESS);
    }
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("aclmdlRIBuildBegin: NULL -> 100000 (aclmdlRIBuildBeginImpl); flag not 0 -> 107000 (rtsModelCreate)") {
    aclmdlRI model = nullptr;
    CHECK_EQ(aclmdlRIBuildBegin(nullptr, 0), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclmdlRIBuildBegin(&model, 1), ACL_ERROR_RT_PARAM_INVALID);
    CHECK(model == nullptr);
}

TEST_CASE("aclmdlRIBindStream refusals (rtsModelBindStream, ApiErrorDecorator::ModelBindStream, "
          "Model::CheckBindStream)") {
    Built b;
    REQUIRE(b.Init(1, false));
    aclrtStream plain = nullptr;
    REQUIRE(aclrtCreateStream(&plain) == ACL_SUCCESS);
    CHECK_EQ(aclmdlRIBindStream(nullptr, b.streams[0], ACL_MODEL_STREAM_FLAG_HEAD), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclmdlRIBindStream(b.model, b.streams[0], 1), ACL_ERROR_RT_PARAM_INVALID); // flag
    CHECK_EQ(aclmdlRIBindStream(b.model, plain, ACL_MODEL_STREAM_FLAG_HEAD),
             ACL_ERROR_RT_PARAM_INVALID); // not persistent
    CHECK_EQ(aclmdlRIBindStream(b.model, nullptr, ACL_MODEL_STREAM_FLAG_HEAD),
             ACL_ERROR_RT_PARAM_INVALID); // default stream
    CHECK_EQ(aclmdlRIBindStream(b.model, b.streams[0], ACL_MODEL_STREAM_FLAG_HEAD), ACL_SUCCESS);
    CHECK_EQ(aclmdlRIBindStream(b.model, b.streams[0], ACL_MODEL_STREAM_FLAG_HEAD), ACL_ERROR_RT_STREAM_MODEL);
    aclmdlRI other = nullptr;
    REQUIRE(aclmdlRIBuildBegin(&other, 0) == ACL_SUCCESS);
    CHECK_EQ(aclmdlRIBindStream(other, b.streams[0], ACL_MODEL_STREAM_FLAG_HEAD), ACL_ERROR_RT_STREAM_MODEL);
    CHECK_EQ(aclmdlRIDestroy(other), ACL_SUCCESS);
    // A captured model cannot take streams; a capturing stream cannot be bound.
    aclrtStream capturing = PersistentStream();
    REQUIRE(capturing != nullptr);
    REQUIRE(aclmdlRICaptureBegin(capturing, rt::kGlobal) == ACL_SUCCESS);
    aclmdlRI captured = rt::ModelOf(capturing);
    aclrtStream spare = PersistentStream();
    CHECK_EQ(aclmdlRIBindStream(captured, spare, ACL_MODEL_STREAM_FLAG_HEAD), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclmdlRIBindStream(b.model, capturing, ACL_MODEL_STREAM_FLAG_DEFAULT), ACL_ERROR_RT_STREAM_CAPTURED);
    aclmdlRI ended = nullptr;
    CHECK_EQ(aclmdlRICaptureEnd(capturing, &ended), ACL_SUCCESS);
    CHECK_EQ(aclmdlRIDestroy(ended), ACL_SUCCESS);
    // Stream flags the device refuses.
    aclrtStream fast = nullptr;
    REQUIRE(aclrtCreateStreamWithConfig(&fast, 0, ACL_STREAM_PERSISTENT | ACL_STREAM_FAST_LAUNCH) == ACL_SUCCESS);
    CHECK_EQ(aclmdlRIBindStream(b.model, fast, ACL_MODEL_STREAM_FLAG_DEFAULT), ACL_ERROR_RT_FEATURE_NOT_SUPPORT);
    // From another context (ApiImpl::ModelBindStream).
    aclrtContext home = rt::CurrentContext();
    aclrtContext elsewhere = nullptr;
    REQUIRE(aclrtCreateContext(&elsewhere, 1) == ACL_SUCCESS);
    aclrtStream there = PersistentStream();
    CHECK_EQ(aclmdlRIBindStream(b.model, there, ACL_MODEL_STREAM_FLAG_DEFAULT), ACL_ERROR_RT_MODEL_CONTEXT);
    aclrtDestroyStream(there);
    REQUIRE(aclrtSetCurrentContext(home) == ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyContext(elsewhere), ACL_SUCCESS);
    // A destroyed model or stream.
    aclrtStream gone = PersistentStream();
    aclrtDestroyStream(gone);
    CHECK_EQ(aclmdlRIBindStream(b.model, gone, ACL_MODEL_STREAM_FLAG_DEFAULT), ACL_ERROR_RT_INVALID_HANDLE);
    CHECK_EQ(aclmdlRIUnbindStream(b.model, b.streams[0]), ACL_SUCCESS);
    for (aclrtStream s : {plain, capturing, spare, fast})
        aclrtDestroyStream(s);
}

TEST_CASE("aclmdlRIEndTask: one per model (507000), on a stream bound to it (507000); aclmdlRIExecute without it "
          "-> 507011 (Context::ModelAddEndGraph, Model::SynchronizeExecute)") {
    Built b;
    REQUIRE(b.Init(2));
    aclrtStream loose = PersistentStream();
    CHECK_EQ(aclmdlRIEndTask(nullptr, b.streams[0]), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclmdlRIEndTask(b.model, loose), ACL_ERROR_RT_INTERNAL_ERROR);
    CHECK_EQ(aclmdlRIBuildEnd(b.model, nullptr), ACL_SUCCESS);
    CHECK_EQ(aclmdlRIExecute(b.model, -1), ACL_ERROR_RT_MODEL_EXECUTE);
    aclmdlRI second = nullptr;
    REQUIRE(aclmdlRIBuildBegin(&second, 0) == ACL_SUCCESS);
    REQUIRE(aclmdlRIBindStream(second, loose, ACL_MODEL_STREAM_FLAG_HEAD) == ACL_SUCCESS);
    CHECK_EQ(aclmdlRIEndTask(second, loose), ACL_SUCCESS);
    CHECK_EQ(aclmdlRIEndTask(second, loose), ACL_ERROR_RT_INTERNAL_ERROR); // only one end graph
    CHECK_EQ(aclmdlRIDestroy(second), ACL_SUCCESS);                        // unbinds its streams
    Buffer out;                                                            // an ordinary stream again: its work runs
    CHECK_EQ(aclrtMemsetAsync(out.data, kBytes, 4, kBytes, loose), ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStream(loose), ACL_SUCCESS);
    CHECK_EQ(out.First(), 4);
    aclrtDestroyStream(loose);
}

TEST_CASE("aclmdlRIBuildEnd: reserve not NULL or NULL model -> 100000 (aclmdlRIBuildEndImpl); a captured model "
          "-> 107000 (ApiErrorDecorator::ModelLoadComplete); before it, execution -> 507011") {
    Built b;
    REQUIRE(b.Init(1));
    int reserved = 0;
    CHECK_EQ(aclmdlRIBuildEnd(nullptr, nullptr), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclmdlRIBuildEnd(b.model, &reserved), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclmdlRIEndTask(b.model, b.streams[0]), ACL_SUCCESS);
    aclrtStream exec = nullptr;
    REQUIRE(aclrtCreateStream(&exec) == ACL_SUCCESS);
    CHECK_EQ(aclmdlRIExecuteAsync(b.model, exec), ACL_ERROR_RT_MODEL_EXECUTE);
    CHECK_EQ(aclmdlRIExecute(b.model, -1), ACL_ERROR_RT_MODEL_EXECUTE);
    aclrtStream capturing = nullptr;
    REQUIRE(aclrtCreateStream(&capturing) == ACL_SUCCESS);
    rt::AddGraph graph;
    REQUIRE(graph.Init(1.0f, capturing));
    aclmdlRI captured = rt::CaptureAddGraph(graph, capturing);
    REQUIRE(captured != nullptr);
    CHECK_EQ(aclmdlRIBuildEnd(captured, nullptr), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclmdlRIEndTask(captured, b.streams[0]), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclmdlRIUnbindStream(captured, b.streams[0]), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclmdlRIExecute(captured, -1), ACL_ERROR_RT_PARAM_INVALID); // ApiErrorDecorator::ModelExecuteSync
    CHECK_EQ(aclmdlRIDestroy(captured), ACL_SUCCESS);
    CHECK_EQ(aclmdlRIBuildEnd(b.model, nullptr), ACL_SUCCESS);
    CHECK_EQ(aclmdlRIExecuteAsync(b.model, exec), ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStream(exec), ACL_SUCCESS);
    // After the build ended a bound stream takes no more work (the simulator's reading).
    Buffer out;
    CHECK_EQ(aclrtMemsetAsync(out.data, kBytes, 1, kBytes, b.streams[0]), ACL_ERROR_RT_STREAM_MODEL);
    graph.Free();
    aclrtDestroyStream(capturing);
    aclrtDestroyStream(exec);
}

TEST_CASE("aclmdlRIExecute: timeout 0 or below -1 -> 107000; NULL -> 100000; a model of another context -> 107004 "
          "(ApiErrorDecorator::ModelExecuteSync, ApiImpl::ModelExecuteSync)") {
    Built b;
    REQUIRE(b.Init(1));
    REQUIRE(aclmdlRIEndTask(b.model, b.streams[0]) == ACL_SUCCESS);
    REQUIRE(aclmdlRIBuildEnd(b.model, nullptr) == ACL_SUCCESS);
    CHECK_EQ(aclmdlRIExecute(b.model, 0), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclmdlRIExecute(b.model, -2), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclmdlRIExecute(nullptr, -1), ACL_ERROR_INVALID_PARAM);
    aclrtContext home = rt::CurrentContext();
    aclrtContext elsewhere = nullptr;
    REQUIRE(aclrtCreateContext(&elsewhere, 1) == ACL_SUCCESS);
    CHECK_EQ(aclmdlRIExecute(b.model, -1), ACL_ERROR_RT_MODEL_CONTEXT);
    CHECK_EQ(aclmdlRIAbort(b.model), ACL_ERROR_RT_MODEL_CONTEXT); // ApiImpl::ModelAbort
    REQUIRE(aclrtSetCurrentContext(home) == ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyContext(elsewhere), ACL_SUCCESS);
    CHECK_EQ(aclmdlRIExecute(b.model, -1), ACL_SUCCESS);
}

TEST_CASE("aclmdlRIExecute waits at most `timeout` ms: 507046 when the model takes longer (Stream::Synchronize)") {
    Built b;
    REQUIRE(b.Init(1));
    rt::Gate gate;
    CHECK_EQ(aclrtLaunchHostFunc(b.streams[0], rt::Gate::HostFunc, &gate), ACL_SUCCESS);
    REQUIRE(aclmdlRIEndTask(b.model, b.streams[0]) == ACL_SUCCESS);
    REQUIRE(aclmdlRIBuildEnd(b.model, nullptr) == ACL_SUCCESS);
    CHECK_EQ(aclmdlRIExecute(b.model, 50), ACL_ERROR_RT_STREAM_SYNC_TIMEOUT);
    gate.Open();
    CHECK_EQ(aclrtSynchronizeStream(nullptr), ACL_SUCCESS);
}

TEST_CASE("aclmdlRIUnbindStream: a stream not bound to the model -> 107005 (Model::UnbindStream); afterwards the "
          "stream runs its work again and the model keeps what it recorded") {
    Buffer out;
    out.Clear();
    Built b;
    REQUIRE(b.Init(1));
    aclrtStream loose = PersistentStream();
    CHECK_EQ(aclmdlRIUnbindStream(b.model, loose), ACL_ERROR_RT_STREAM_MODEL);
    CHECK_EQ(aclmdlRIUnbindStream(nullptr, loose), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtMemsetAsync(out.data, kBytes, 3, kBytes, b.streams[0]), ACL_SUCCESS);
    CHECK_EQ(aclmdlRIEndTask(b.model, b.streams[0]), ACL_SUCCESS);
    CHECK_EQ(aclmdlRIBuildEnd(b.model, nullptr), ACL_SUCCESS);
    CHECK_EQ(aclmdlRIUnbindStream(b.model, b.streams[0]), ACL_SUCCESS);
    CHECK_EQ(aclmdlRIUnbindStream(b.model, b.streams[0]), ACL_ERROR_RT_STREAM_MODEL);
    CHECK_EQ(aclrtMemsetAsync(out.data, kBytes, 5, kBytes, b.streams[0]), ACL_SUCCESS); // runs now
    CHECK_EQ(aclrtSynchronizeStream(b.streams[0]), ACL_SUCCESS);
    CHECK_EQ(out.First(), 5);
    CHECK_EQ(aclmdlRIExecute(b.model, -1), ACL_SUCCESS);
    CHECK_EQ(out.First(), 3);
    aclrtDestroyStream(loose);
}

TEST_CASE("aclrtActiveStream: a non-head stream runs only when activated; aclrtSwitchStream activates its stream "
          "when the comparison holds, read at run time (ApiImpl::StreamActive, StreamSwitchEx; the 2_model_switch "
          "sample's shape)") {
    Buffer a;
    Buffer bOut;
    Buffer never;
    a.Clear();
    bOut.Clear();
    never.Clear();
    DeviceInt selector(1);
    DeviceInt one(1);
    DeviceInt two(2);
    Built b;
    REQUIRE(b.Init(4)); // 0 head; 1, 2, 3 activated
    // stream 0: switch to 1 when selector == 1, to 2 when selector == 2.
    CHECK_EQ(aclrtSwitchStream(selector.data, ACL_RT_EQUAL, one.data, ACL_RT_SWITCH_INT32, b.streams[1], nullptr,
                               b.streams[0]),
             ACL_SUCCESS);
    CHECK_EQ(aclrtSwitchStream(selector.data, ACL_RT_EQUAL, two.data, ACL_RT_SWITCH_INT32, b.streams[2], nullptr,
                               b.streams[0]),
             ACL_SUCCESS);
    CHECK_EQ(aclrtMemsetAsync(a.data, kBytes, 11, kBytes, b.streams[1]), ACL_SUCCESS);
    CHECK_EQ(aclrtActiveStream(b.streams[3], b.streams[1]), ACL_SUCCESS);
    CHECK_EQ(aclrtMemsetAsync(bOut.data, kBytes, 22, kBytes, b.streams[2]), ACL_SUCCESS);
    CHECK_EQ(aclrtActiveStream(b.streams[3], b.streams[2]), ACL_SUCCESS);
    CHECK_EQ(aclrtMemsetAsync(never.data, kBytes, 33, kBytes, b.streams[3]), ACL_SUCCESS);
    CHECK_EQ(aclmdlRIEndTask(b.model, b.streams[3]), ACL_SUCCESS);
    CHECK_EQ(aclmdlRIBuildEnd(b.model, nullptr), ACL_SUCCESS);

    CHECK_EQ(aclmdlRIExecute(b.model, -1), ACL_SUCCESS);
    CHECK_EQ(a.First(), 11);
    CHECK_EQ(bOut.First(), 0);
    CHECK_EQ(never.First(), 33); // activated by stream 1
    a.Clear();
    never.Clear();
    selector.Set(2);
    CHECK_EQ(aclmdlRIExecute(b.model, -1), ACL_SUCCESS);
    CHECK_EQ(a.First(), 0);
    CHECK_EQ(bOut.First(), 22);
    CHECK_EQ(never.First(), 33);
    bOut.Clear();
    never.Clear();
    selector.Set(3); // neither branch
    CHECK_EQ(aclmdlRIExecute(b.model, -1), ACL_SUCCESS);
    CHECK_EQ(a.First() + bOut.First() + never.First(), 0);
    // The model's streams are the bound ones; their tasks' types are the device's.
    aclrtStream streams[4] = {};
    uint32_t count = 4;
    CHECK_EQ(aclmdlRIGetStreams(b.model, streams, &count), ACL_SUCCESS);
    CHECK_EQ(count, 4u);
    CHECK(streams[0] == b.streams[0] && streams[3] == b.streams[3]);
    aclmdlRITask tasks[2] = {};
    count = 2;
    CHECK_EQ(aclmdlRIGetTasksByStream(b.streams[0], tasks, &count), ACL_SUCCESS);
    CHECK_EQ(count, 2u);
    aclmdlRITaskType type;
    CHECK_EQ(aclmdlRITaskGetType(tasks[0], &type), ACL_SUCCESS);
    CHECK_EQ(type, ACL_MODEL_RI_TASK_DEFAULT); // stream switch
    uint32_t id = 0;
    CHECK_EQ(aclmdlRITaskGetSeqId(tasks[0], &id), ACL_ERROR_RT_FEATURE_NOT_SUPPORT); // not an ACL Graph
    CHECK_EQ(aclmdlRITaskDisable(tasks[0]), ACL_ERROR_RT_FEATURE_NOT_SUPPORT);
    CHECK_EQ(aclmdlRIUpdate(b.model), ACL_ERROR_RT_FEATURE_NOT_SUPPORT);
}

TEST_CASE("aclrtActiveStream/aclrtSwitchStream refusals (aclrtActiveStreamImpl, aclrtSwitchStreamImpl, "
          "ApiErrorDecorator::StreamSwitchEx, ApiImpl::StreamActive/StreamSwitchEx)") {
    Built b;
    REQUIRE(b.Init(2));
    aclrtStream plain = nullptr;
    REQUIRE(aclrtCreateStream(&plain) == ACL_SUCCESS);
    DeviceInt value(0);
    int host = 0;
    CHECK_EQ(aclrtActiveStream(nullptr, b.streams[0]), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtActiveStream(b.streams[1], nullptr), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtActiveStream(b.streams[1], plain), ACL_ERROR_RT_STREAM_MODEL);
    CHECK_EQ(aclrtActiveStream(plain, b.streams[0]), ACL_ERROR_RT_STREAM_MODEL);
    auto sw = [&](void *left, int cond, int type, aclrtStream onTrue, aclrtStream reserved, aclrtStream on) {
        aclrtCondition c;
        aclrtCompareDataType t;
        std::memcpy(&c, &cond, sizeof c);
        std::memcpy(&t, &type, sizeof t);
        return aclrtSwitchStream(left, c, value.data, t, onTrue, reserved, on);
    };
    CHECK_EQ(sw(nullptr, 0, 0, b.streams[1], nullptr, b.streams[0]), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(sw(value.data, 0, 0, b.streams[1], plain, b.streams[0]), ACL_ERROR_INVALID_PARAM);      // falseStream
    CHECK_EQ(sw(value.data, 6, 0, b.streams[1], nullptr, b.streams[0]), ACL_ERROR_RT_PARAM_INVALID); // condition
    CHECK_EQ(sw(&host, 0, 0, b.streams[1], nullptr, b.streams[0]), ACL_ERROR_RT_PARAM_INVALID);      // host memory
    CHECK_EQ(sw(value.data, 0, 0, plain, nullptr, b.streams[0]), ACL_ERROR_RT_STREAM_MODEL);
    CHECK_EQ(sw(value.data, 0, 0, b.streams[1], nullptr, plain), ACL_ERROR_RT_STREAM_MODEL);
    // Streams of two different models.
    Built other;
    REQUIRE(other.Init(1));
    CHECK_EQ(aclrtActiveStream(other.streams[0], b.streams[0]), ACL_ERROR_RT_STREAM_MODEL);
    aclrtDestroyStream(plain);
}

TEST_CASE("aclmdlRIAbort: replays queued or running stop before their next task and their stream reports 507023; "
          "the model runs again afterwards (ApiImpl::ModelAbort)") {
    Buffer out;
    out.Clear();
    Built b;
    REQUIRE(b.Init(1));
    rt::Gate gate;
    CHECK_EQ(aclrtLaunchHostFunc(b.streams[0], rt::Gate::HostFunc, &gate), ACL_SUCCESS);
    CHECK_EQ(aclrtMemsetAsync(out.data, kBytes, 9, kBytes, b.streams[0]), ACL_SUCCESS);
    CHECK_EQ(aclmdlRIEndTask(b.model, b.streams[0]), ACL_SUCCESS);
    CHECK_EQ(aclmdlRIBuildEnd(b.model, nullptr), ACL_SUCCESS);
    aclrtStream exec = nullptr;
    REQUIRE(aclrtCreateStream(&exec) == ACL_SUCCESS);
    CHECK_EQ(aclmdlRIExecuteAsync(b.model, exec), ACL_SUCCESS);
    REQUIRE(gate.WaitEntered());
    std::thread opener([&gate] {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        gate.Open();
    });
    CHECK_EQ(aclmdlRIAbort(b.model), ACL_SUCCESS); // returns once the replay stopped
    opener.join();
    CHECK_EQ(aclrtSynchronizeStream(exec), ACL_ERROR_RT_MODEL_ABORT_NORMAL);
    CHECK_EQ(out.First(), 0);                            // the memset after the host function did not run
    CHECK_EQ(aclmdlRIExecute(b.model, -1), ACL_SUCCESS); // the gate is open now
    CHECK_EQ(out.First(), 9);
    CHECK_EQ(aclmdlRIAbort(nullptr), ACL_ERROR_RT_PARAM_INVALID); // ApiErrorDecorator::ModelAbort
    aclrtDestroyStream(exec);
}

RT_TEST_MAIN()
