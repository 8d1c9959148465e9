// Conditional sub-graphs (CANN 9.1): aclmdlRICondHandleCreate, aclmdlRICondHandleGetCondPtr,
// aclmdlRIAddCondTask and aclmdlRICaptureToModelRIBegin. Every refusal with the code of the
// runtime function named in the test; IF (one and two bodies), WHILE, SWITCH and nesting replayed
// with the condition read from device memory at replay time.
#include "rt_fixtures.h"

#include "aclnnop/aclnn_add.h"

using rt::StreamUsable;

namespace {

constexpr size_t kMarkBytes = 64;

// selfRef += addend on n elements of `dtype` (FLOAT or INT64), with aclnnInplaceAdds; the
// tensor and scalars stay alive as long as this object (captured kernels may need them).
class InplaceAdds {
public:
    InplaceAdds(void *data, aclDataType dtype, int64_t n, double addend) {
        int64_t shape[1] = {n};
        int64_t strides[1] = {1};
        tensor_ = aclCreateTensor(shape, 1, dtype, strides, 0, ACL_FORMAT_ND, shape, 1, data);
        if (dtype == ACL_INT64) {
            int64_t other = static_cast<int64_t>(addend), one = 1;
            other_ = aclCreateScalar(&other, dtype);
            alpha_ = aclCreateScalar(&one, dtype);
        } else {
            float other = static_cast<float>(addend), one = 1.0f;
            other_ = aclCreateScalar(&other, dtype);
            alpha_ = aclCreateScalar(&one, dtype);
        }
    }
    ~InplaceAdds() {
        if (executor_ != nullptr)
            aclDestroyAclOpExecutor(executor_);
        aclDestroyTensor(tensor_);
        aclDestroyScalar(other_);
        aclDestroyScalar(alpha_);
    }
    InplaceAdds(const InplaceAdds &) = delete;
    InplaceAdds &operator=(const InplaceAdds &) = delete;

    aclnnStatus Launch(aclrtStream stream) {
        uint64_t workspace = 0;
        aclnnStatus status = aclnnInplaceAddsGetWorkspaceSize(tensor_, other_, alpha_, &workspace, &executor_);
        if (status != OK) {
            return status;
        }
        status = aclnnInplaceAdds(nullptr, 0, executor_, stream);
        executor_ = nullptr; // consumed
        return status;
    }

private:
    aclTensor *tensor_ = nullptr;
    aclScalar *other_ = nullptr;
    aclScalar *alpha_ = nullptr;
    aclOpExecutor *executor_ = nullptr;
};

uint64_t ReadValue(const uint64_t *cell) {
    uint64_t value = 0xDEADBEEF;
    if (aclrtMemcpy(&value, sizeof value, cell, sizeof value, ACL_MEMCPY_DEVICE_TO_HOST) != ACL_SUCCESS) {
        return 0xBADBAD;
    }
    return value;
}

aclError WriteValue(uint64_t *cell, uint64_t value) {
    return aclrtMemcpy(cell, sizeof value, &value, sizeof value, ACL_MEMCPY_HOST_TO_DEVICE);
}

// Two streams and marker buffers, one per body: body i sets marks[i] to 0x10 + i. Everything is
// released and leak-checked at the end of the test.
struct Fixture {
    rt::NoLeaks leaks;
    rt::Stream main;
    rt::Stream side;
    std::vector<rt::DeviceMemory> marks;
    bool Init(size_t bodies) {
        for (size_t i = 0; i < bodies; ++i) {
            marks.emplace_back(kMarkBytes);
        }
        return main.ok() && side.ok() &&
               std::all_of(marks.begin(), marks.end(), [](const rt::DeviceMemory &m) { return m.ok(); }) &&
               ClearMarks();
    }
    bool ClearMarks() {
        return std::all_of(marks.begin(), marks.end(), [](const rt::DeviceMemory &m) {
            return aclrtMemset(m, kMarkBytes, 0, kMarkBytes) == ACL_SUCCESS;
        });
    }
    // Which bodies ran since ClearMarks: a string of '0'/'1' per body.
    std::string Ran() {
        std::string ran;
        for (size_t i = 0; i < marks.size(); ++i) {
            ran += rt::AllBytes(rt::ReadBytes(marks[i], kMarkBytes), static_cast<unsigned char>(0x10 + i)) ? '1' : '0';
        }
        return ran;
    }
    // Captures body i on the side stream: it sets its marker.
    aclError CaptureMarkBody(aclmdlRI body, size_t i) {
        if (aclError s = aclmdlRICaptureToModelRIBegin(side, body, rt::kGlobal); s != ACL_SUCCESS) {
            return s;
        }
        if (aclError s = aclrtMemsetAsync(marks[i], kMarkBytes, static_cast<int32_t>(0x10 + i), kMarkBytes, side);
            s != ACL_SUCCESS) {
            return s;
        }
        return aclmdlRICaptureEnd(side, nullptr);
    }
    // Begins a GLOBAL capture on `main` and makes a condition handle (default 0, no flag) on its
    // model: the model, or nullptr when a step failed.
    aclmdlRI BeginWithHandle(aclmdlRICondHandle &handle) {
        if (aclmdlRICaptureBegin(main, rt::kGlobal) != ACL_SUCCESS) {
            return nullptr;
        }
        aclmdlRI parent = rt::ModelOf(main);
        if (aclmdlRICondHandleCreate(parent, 0, static_cast<aclmdlRICondHandleFlag>(0), &handle) != ACL_SUCCESS) {
            return nullptr;
        }
        return parent;
    }
    // BeginWithHandle, then a conditional task of `type` with one body: the parent model, or nullptr.
    aclmdlRI BeginWithOneBody(aclmdlRICondTaskType type, aclmdlRICondHandle &handle, aclmdlRI &body) {
        aclmdlRI parent = BeginWithHandle(handle);
        if (parent == nullptr || aclmdlRIAddCondTask({handle, type, 1, &body}, main, 0) != ACL_SUCCESS) {
            return nullptr;
        }
        return parent;
    }
};

// A capture on `main` holding one conditional task with one body.
struct OneBodyCapture : Fixture {
    aclmdlRICondHandle handle = nullptr;
    aclmdlRI body = nullptr;
    aclmdlRI parent = nullptr;
    bool Begin(aclmdlRICondTaskType type) {
        parent = Init(1) ? BeginWithOneBody(type, handle, body) : nullptr;
        return parent != nullptr;
    }
};

// Replays `model` on `stream` and waits for it: the first failing code.
aclError ReplayCode(aclmdlRI model, aclrtStream stream) {
    if (aclError s = aclmdlRIExecuteAsync(model, stream); s != ACL_SUCCESS) {
        return s;
    }
    return aclrtSynchronizeStream(stream);
}

// Captures on f.main a model holding one conditional task of `type` with `bodies` marker bodies.
struct CondGraph {
    aclmdlRI model = nullptr;
    aclmdlRICondHandle handle = nullptr;
    uint64_t *cell = nullptr;
    std::vector<aclmdlRI> bodies;
    aclError Build(Fixture &f, aclmdlRICondTaskType type, uint32_t size, uint32_t defaultValue = 0,
                   aclmdlRICondHandleFlag flag = static_cast<aclmdlRICondHandleFlag>(0)) {
        if (aclError s = aclmdlRICaptureBegin(f.main, rt::kGlobal); s != ACL_SUCCESS)
            return s;
        aclmdlRI parent = rt::ModelOf(f.main);
        if (aclError s = aclmdlRICondHandleCreate(parent, defaultValue, flag, &handle); s != ACL_SUCCESS)
            return s;
        if (aclError s = aclmdlRICondHandleGetCondPtr(handle, &cell); s != ACL_SUCCESS)
            return s;
        bodies.assign(size, nullptr);
        aclmdlRICondTaskParams params{handle, type, size, bodies.data()};
        if (aclError s = aclmdlRIAddCondTask(params, f.main, 0); s != ACL_SUCCESS)
            return s;
        for (uint32_t i = 0; i < size; ++i) {
            if (aclError s = f.CaptureMarkBody(bodies[i], i); s != ACL_SUCCESS)
                return s;
        }
        return aclmdlRICaptureEnd(f.main, &model);
    }
};

} // namespace

TEST_CASE("aclmdlRICondHandleCreate/GetCondPtr refusals (aclmdlRICondHandleCreateImpl, "
          "ApiErrorDecorator/ApiImpl::ModelCondHandleCreate): NULL 100000, flag 107000, other context 107004, not "
          "capturing 107000, stale 107017") {
    rt::NoLeaks leaks;
    rt::Stream stream;
    REQUIRE(stream.ok());
    rt::BeginCapture(stream, rt::kRelaxed);
    aclmdlRI model = rt::ModelOf(stream);
    aclmdlRICondHandle handle = nullptr;
    const auto noFlag = static_cast<aclmdlRICondHandleFlag>(0);
    CHECK_EQ(aclmdlRICondHandleCreate(nullptr, 0, noFlag, &handle), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclmdlRICondHandleCreate(model, 0, noFlag, nullptr), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclmdlRICondHandleCreate(model, 0, static_cast<aclmdlRICondHandleFlag>(2), &handle),
             ACL_ERROR_RT_PARAM_INVALID);
    // COND_RETURN_AND_MSG_INVALID_CONTEXT_MODEL_WITH_FUNC_DESC: the model must be of the current context.
    aclrtContext home = rt::CurrentContext();
    aclrtContext other = nullptr;
    REQUIRE(aclrtCreateContext(&other, 0) == ACL_SUCCESS);
    REQUIRE(aclrtSetCurrentContext(other) == ACL_SUCCESS);
    CHECK_EQ(aclmdlRICondHandleCreate(model, 0, noFlag, &handle), ACL_ERROR_RT_MODEL_CONTEXT);
    REQUIRE(aclrtSetCurrentContext(home) == ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyContext(other), ACL_SUCCESS);
    CHECK(handle == nullptr);

    CHECK_EQ(aclmdlRICondHandleCreate(model, 7, noFlag, &handle), ACL_SUCCESS);
    REQUIRE(handle != nullptr);
    uint64_t *cell = nullptr;
    CHECK_EQ(aclmdlRICondHandleGetCondPtr(nullptr, &cell), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclmdlRICondHandleGetCondPtr(handle, nullptr), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclmdlRICondHandleGetCondPtr(handle, &cell), ACL_SUCCESS);
    REQUIRE(cell != nullptr);
    // CondHandle::Setup: eight bytes of device memory, set to 0 (not to the default value).
    CHECK_EQ(ReadValue(cell), 0u);
    CHECK_EQ(rt::StatusOf(stream), rt::kActive);

    aclmdlRI done = nullptr;
    CHECK_EQ(aclmdlRICaptureEnd(stream, &done), ACL_SUCCESS); // a handle without a task is no body
    CHECK(done == model);
    // IsCaptureActive: handles are made only while the model captures.
    aclmdlRICondHandle late = nullptr;
    CHECK_EQ(aclmdlRICondHandleCreate(model, 0, noFlag, &late), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
    // The handle and its value die with the model.
    CHECK_EQ(aclmdlRICondHandleGetCondPtr(handle, &cell), ACL_ERROR_RT_INVALID_HANDLE);
    CHECK_EQ(aclmdlRICondHandleCreate(model, 0, noFlag, &late), ACL_ERROR_RT_INVALID_HANDLE);
}

TEST_CASE("aclmdlRIAddCondTask refusals (ApiErrorDecorator::StreamAddCondTask, StreamAddCondTaskParasCheck, "
          "CheckCondTaskParamsSize): 100000, 107000, 107029; the capture goes on") {
    Fixture f;
    REQUIRE(f.Init(2));
    rt::Stream idle;
    REQUIRE(idle.ok());
    aclmdlRICondHandle handle = nullptr;
    aclmdlRI parent = f.BeginWithHandle(handle);
    REQUIRE(parent != nullptr);
    aclmdlRI bodies[3] = {nullptr, nullptr, nullptr};
    auto params = [&](aclmdlRICondTaskType type, uint32_t size) {
        return aclmdlRICondTaskParams{handle, type, size, bodies};
    };
    CHECK_EQ(aclmdlRIAddCondTask(params(ACL_MODEL_RI_COND_TYPE_IF, 1), nullptr, 0), ACL_ERROR_INVALID_PARAM);
    aclmdlRICondTaskParams noHandle{nullptr, ACL_MODEL_RI_COND_TYPE_IF, 1, bodies};
    CHECK_EQ(aclmdlRIAddCondTask(noHandle, f.main, 0), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclmdlRIAddCondTask(params(static_cast<aclmdlRICondTaskType>(3), 1), f.main, 0),
             ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclmdlRIAddCondTask(params(ACL_MODEL_RI_COND_TYPE_IF, 1), f.main, 1), ACL_ERROR_RT_PARAM_INVALID);
    aclmdlRICondTaskParams noArray{handle, ACL_MODEL_RI_COND_TYPE_IF, 1, nullptr};
    CHECK_EQ(aclmdlRIAddCondTask(noArray, f.main, 0), ACL_ERROR_RT_PARAM_INVALID);
    // CheckCondTaskParamsSize: IF 1 or 2, WHILE 1, SWITCH at least 1.
    CHECK_EQ(aclmdlRIAddCondTask(params(ACL_MODEL_RI_COND_TYPE_IF, 0), f.main, 0), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclmdlRIAddCondTask(params(ACL_MODEL_RI_COND_TYPE_IF, 3), f.main, 0), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclmdlRIAddCondTask(params(ACL_MODEL_RI_COND_TYPE_WHILE, 2), f.main, 0), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclmdlRIAddCondTask(params(ACL_MODEL_RI_COND_TYPE_SWITCH, 0), f.main, 0), ACL_ERROR_RT_PARAM_INVALID);
    // The stream must capture, and capture the handle's model.
    CHECK_EQ(aclmdlRIAddCondTask(params(ACL_MODEL_RI_COND_TYPE_IF, 1), idle, 0), ACL_ERROR_RT_STREAM_NOT_CAPTURED);
    rt::BeginCapture(idle);
    CHECK_EQ(aclmdlRIAddCondTask(params(ACL_MODEL_RI_COND_TYPE_IF, 1), idle, 0), ACL_ERROR_RT_PARAM_INVALID);
    rt::Model otherModel = rt::EndCapture(idle);
    CHECK(bodies[0] == nullptr);
    CHECK_EQ(rt::StatusOf(f.main), rt::kActive);

    CHECK_EQ(aclmdlRIAddCondTask(params(ACL_MODEL_RI_COND_TYPE_IF, 2), f.main, 0), ACL_SUCCESS);
    CHECK(bodies[0] != nullptr && bodies[1] != nullptr && bodies[0] != bodies[1]);
    // One conditional task per handle.
    aclmdlRI again[1] = {nullptr};
    aclmdlRICondTaskParams reuse{handle, ACL_MODEL_RI_COND_TYPE_IF, 1, again};
    CHECK_EQ(aclmdlRIAddCondTask(reuse, f.main, 0), ACL_ERROR_RT_PARAM_INVALID);
    CHECK(again[0] == nullptr);
    CHECK_EQ(f.CaptureMarkBody(bodies[0], 0), ACL_SUCCESS);
    CHECK_EQ(f.CaptureMarkBody(bodies[1], 1), ACL_SUCCESS);
    CHECK(rt::EndCapture(f.main).ok());
}

TEST_CASE("aclmdlRICaptureToModelRIBegin (aclmdlRICaptureToModelRIBeginImpl, StreamBeginCaptureMdlCheck, "
          "CheckCaptureModelIsCaptured): NULL 100000, not a body 107000, mode 107000, captured twice 107026, "
          "stream capturing 107027; a body's capture ends with a NULL modelRI") {
    OneBodyCapture f;
    REQUIRE(f.Begin(ACL_MODEL_RI_COND_TYPE_IF));
    CHECK_EQ(aclmdlRICaptureToModelRIBegin(nullptr, f.body, rt::kGlobal), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclmdlRICaptureToModelRIBegin(f.side, nullptr, rt::kGlobal), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclmdlRICaptureToModelRIBegin(f.side, f.parent, rt::kGlobal), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclmdlRICaptureToModelRIBegin(f.side, f.body, static_cast<aclmdlRICaptureMode>(9)),
             ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclmdlRICaptureToModelRIBegin(f.main, f.body, rt::kGlobal), ACL_ERROR_RT_STREAM_CAPTURED);
    CHECK_EQ(rt::StatusOf(f.side), rt::kNone);
    CHECK_EQ(aclmdlRICaptureToModelRIBegin(f.side, f.body, rt::kGlobal), ACL_SUCCESS);
    CHECK_EQ(rt::StatusOf(f.side), rt::kActive);
    CHECK(rt::ModelOf(f.side) == f.body);
    CHECK_EQ(aclrtMemsetAsync(f.marks[0], kMarkBytes, 0x10, kMarkBytes, f.side), ACL_SUCCESS);
    aclmdlRI ended = nullptr;
    CHECK_EQ(aclmdlRICaptureEnd(f.side, &ended), ACL_SUCCESS);
    CHECK(ended == f.body);
    CHECK_EQ(aclmdlRICaptureToModelRIBegin(f.side, f.body, rt::kGlobal), ACL_ERROR_RT_MODEL_CAPTURED);
    CHECK_EQ(rt::StatusOf(f.side), rt::kNone);
    aclmdlRI model = nullptr;
    CHECK_EQ(aclmdlRICaptureEnd(f.main, &model), ACL_SUCCESS);
    CHECK_EQ(aclmdlRICaptureToModelRIBegin(f.side, f.body, rt::kGlobal), ACL_ERROR_RT_MODEL_CAPTURED);
    CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
    CHECK_EQ(aclmdlRICaptureToModelRIBegin(f.side, f.body, rt::kGlobal), ACL_ERROR_RT_INVALID_HANDLE);
}

TEST_CASE("aclmdlRICaptureEnd with a body still capturing -> 107045 (Context::StreamEndCapture, "
          "CaptureModel::CheckSubModelsIsEndCapture); the model is discarded, the body's stream is free again") {
    OneBodyCapture f;
    REQUIRE(f.Begin(ACL_MODEL_RI_COND_TYPE_WHILE));
    REQUIRE(aclmdlRICaptureToModelRIBegin(f.side, f.body, rt::kGlobal) == ACL_SUCCESS);
    CHECK_EQ(aclrtMemsetAsync(f.marks[0], kMarkBytes, 0x10, kMarkBytes, f.side), ACL_SUCCESS);
    aclmdlRI model = nullptr;
    CHECK_EQ(aclmdlRICaptureEnd(f.main, &model), ACL_ERROR_RT_SUB_ACLGRAPH_IS_CAPTURING);
    CHECK(model == nullptr);
    CHECK_EQ(rt::StatusOf(f.main), rt::kNone);
    CHECK_EQ(rt::StatusOf(f.side), rt::kNone);
    CHECK_EQ(aclmdlRIDestroy(f.parent), ACL_ERROR_RT_INVALID_HANDLE);
    CHECK_EQ(aclmdlRICaptureEnd(f.side, nullptr), ACL_ERROR_RT_STREAM_NOT_CAPTURED);
    uint64_t *cell = nullptr;
    CHECK_EQ(aclmdlRICondHandleGetCondPtr(f.handle, &cell), ACL_ERROR_RT_INVALID_HANDLE);
    CHECK(StreamUsable(f.main));
    CHECK(StreamUsable(f.side));
}

TEST_CASE("aclmdlRICaptureEnd with a body never captured -> 107045 (CheckSubModelsIsEndCapture wants every body "
          "READY)") {
    Fixture f;
    REQUIRE(f.Init(2));
    aclmdlRICondHandle handle = nullptr;
    aclmdlRI parent = f.BeginWithHandle(handle);
    REQUIRE(parent != nullptr);
    aclmdlRI bodies[2] = {nullptr, nullptr};
    REQUIRE(aclmdlRIAddCondTask({handle, ACL_MODEL_RI_COND_TYPE_IF, 2, bodies}, f.main, 0) == ACL_SUCCESS);
    CHECK_EQ(f.CaptureMarkBody(bodies[0], 0), ACL_SUCCESS); // the else body is left out
    aclmdlRI model = nullptr;
    CHECK_EQ(aclmdlRICaptureEnd(f.main, &model), ACL_ERROR_RT_SUB_ACLGRAPH_IS_CAPTURING);
    CHECK(model == nullptr);
    CHECK_EQ(aclmdlRIDestroy(parent), ACL_ERROR_RT_INVALID_HANDLE);
    CHECK_EQ(aclmdlRIDestroy(bodies[0]), ACL_ERROR_RT_INVALID_HANDLE);
}

TEST_CASE("a body is neither destroyed nor launched on its own -> 207000 (ApiErrorDecorator::ModelDestroy, "
          "ModelExecute); it dies with its parent") {
    Fixture f;
    REQUIRE(f.Init(1));
    CondGraph g;
    REQUIRE(g.Build(f, ACL_MODEL_RI_COND_TYPE_IF, 1) == ACL_SUCCESS);
    CHECK_EQ(aclmdlRIDestroy(g.bodies[0]), ACL_ERROR_RT_FEATURE_NOT_SUPPORT);
    CHECK_EQ(aclmdlRIExecuteAsync(g.bodies[0], f.main), ACL_ERROR_RT_FEATURE_NOT_SUPPORT);
    CHECK_EQ(aclmdlRIDestroy(g.model), ACL_SUCCESS);
    CHECK_EQ(aclmdlRIDestroy(g.bodies[0]), ACL_ERROR_RT_INVALID_HANDLE);
    uint64_t *cell = nullptr;
    CHECK_EQ(aclmdlRICondHandleGetCondPtr(g.handle, &cell), ACL_ERROR_RT_INVALID_HANDLE);
}

// One replay of a conditional graph: the value the host writes first (none: keep it), and which
// bodies must run ('1' per body that ran).
struct Branch {
    bool write;
    uint64_t value;
    const char *ran;
};

// Builds a graph with one conditional task of `type` over `bodies` marker bodies and replays it once
// per row; failures are reported at `line`.
void ExpectBranches(aclmdlRICondTaskType type, uint32_t bodies, std::initializer_list<Branch> rows, int line) {
    Fixture f;
    REQUIRE(f.Init(bodies));
    CondGraph g;
    REQUIRE(g.Build(f, type, bodies) == ACL_SUCCESS);
    rt::Model model(g.model);
    for (const Branch &row : rows) {
        const std::string what = "value " + std::to_string(row.value);
        REQUIRE(f.ClearMarks());
        if (row.write) {
            REQUIRE(WriteValue(g.cell, row.value) == ACL_SUCCESS);
        }
        rt::Expect(ReplayCode(model, f.main), ACL_SUCCESS, ("replay, " + what).c_str(), __FILE__, line);
        const std::string ran = f.Ran();
        if (ran != row.ran) {
            testsupport::fail(__FILE__, line, what + ": bodies ran " + ran + ", want " + row.ran);
        }
    }
}

TEST_CASE("IF with one body: the value in device memory, set by the host between replays, decides at replay time") {
    // A 64-bit comparison with 0: the high word counts too.
    ExpectBranches(ACL_MODEL_RI_COND_TYPE_IF, 1,
                   {{false, 0, "0"} /* the value starts at 0 */,
                    {true, 1, "1"},
                    {true, 0, "0"},
                    {true, 0x100000000ull, "1"},
                    {true, 0, "0"}},
                   __LINE__);
}

TEST_CASE("IF with two bodies: body 0 when the value is non-zero, body 1 otherwise (ConstructIfCondSetupBranch)") {
    ExpectBranches(ACL_MODEL_RI_COND_TYPE_IF, 2, {{true, 0, "01"}, {true, 5, "10"}, {true, 0, "01"}}, __LINE__);
}

TEST_CASE("SWITCH: body[value] runs; a value not below the body count runs none (ConstructSwitchCondSetupBranch)") {
    ExpectBranches(ACL_MODEL_RI_COND_TYPE_SWITCH, 3,
                   {{true, 0, "100"}, {true, 2, "001"}, {true, 1, "010"}, {true, 3, "000"}, {true, 99, "000"}},
                   __LINE__);
}

// A WHILE graph on f.main: the body adds 1 to its accumulator (FLOAT) and -1 to the condition value
// (INT64).
struct WhileGraph {
    rt::DeviceMemory acc{sizeof(float)};
    aclmdlRI model = nullptr;
    uint64_t *cell = nullptr;
    std::unique_ptr<InplaceAdds> count;
    std::unique_ptr<InplaceAdds> decrement;
    aclError Build(Fixture &f, uint32_t defaultValue, aclmdlRICondHandleFlag flag) {
        if (!acc.ok())
            return ACL_ERROR_BAD_ALLOC;
        if (aclError s = aclmdlRICaptureBegin(f.main, rt::kGlobal); s != ACL_SUCCESS)
            return s;
        aclmdlRICondHandle handle = nullptr;
        if (aclError s = aclmdlRICondHandleCreate(rt::ModelOf(f.main), defaultValue, flag, &handle); s != ACL_SUCCESS)
            return s;
        if (aclError s = aclmdlRICondHandleGetCondPtr(handle, &cell); s != ACL_SUCCESS)
            return s;
        aclmdlRI body = nullptr;
        if (aclError s = aclmdlRIAddCondTask({handle, ACL_MODEL_RI_COND_TYPE_WHILE, 1, &body}, f.main, 0);
            s != ACL_SUCCESS)
            return s;
        count = std::make_unique<InplaceAdds>(acc, ACL_FLOAT, 1, 1.0);
        decrement = std::make_unique<InplaceAdds>(cell, ACL_INT64, 1, -1.0);
        if (aclError s = aclmdlRICaptureToModelRIBegin(f.side, body, rt::kGlobal); s != ACL_SUCCESS)
            return s;
        if (count->Launch(f.side) != OK || decrement->Launch(f.side) != OK)
            return ACL_ERROR_FAILURE;
        if (aclError s = aclmdlRICaptureEnd(f.side, nullptr); s != ACL_SUCCESS)
            return s;
        return aclmdlRICaptureEnd(f.main, &model);
    }
};

TEST_CASE("WHILE: the body repeats while the value is non-zero, tested before each iteration; its own kernel "
          "counts the value down (ConstructWhileCondSetupBranch)") {
    Fixture f;
    WhileGraph g;
    REQUIRE(f.Init(0) && g.Build(f, 0, static_cast<aclmdlRICondHandleFlag>(0)) == ACL_SUCCESS);
    void *acc = g.acc;
    for (uint64_t iterations : {5ull, 0ull, 1ull, 40ull}) {
        REQUIRE(rt::WriteFloats(acc, {0.0f}) == ACL_SUCCESS);
        REQUIRE(WriteValue(g.cell, iterations) == ACL_SUCCESS);
        CHECK_EQ(ReplayCode(g.model, f.main), ACL_SUCCESS);
        CHECK_EQ(rt::ReadFloats(acc, 1)[0], static_cast<float>(iterations));
        CHECK_EQ(ReadValue(g.cell), 0u);
    }
    CHECK_EQ(aclmdlRIDestroy(g.model), ACL_SUCCESS);
}

TEST_CASE("ACL_MODEL_RI_COND_HANDLE_ASSIGN_DEFAULT: the value takes its default at every launch "
          "(CaptureModel::PreModelExecute -> CondHandle::InitCondTaskByDefValue); flag 0 keeps the host's value") {
    Fixture f;
    WhileGraph g;
    REQUIRE(f.Init(0) && g.Build(f, 3, ACL_MODEL_RI_COND_HANDLE_ASSIGN_DEFAULT) == ACL_SUCCESS);
    void *acc = g.acc;
    CHECK_EQ(ReadValue(g.cell), 0u); // the default applies from the first launch on
    REQUIRE(rt::WriteFloats(acc, {0.0f}) == ACL_SUCCESS);
    for (int launch = 0; launch < 3; ++launch) {
        REQUIRE(WriteValue(g.cell, 10) == ACL_SUCCESS); // overwritten by the launch
        CHECK_EQ(ReplayCode(g.model, f.main), ACL_SUCCESS);
    }
    CHECK_EQ(rt::ReadFloats(acc, 1)[0], 9.0f);
    // The reset is a synchronous write when aclmdlRIExecuteAsync is called, not a task of the
    // replay: with the stream held up, the value is 3 at once and a later host write wins.
    REQUIRE(rt::WriteFloats(acc, {0.0f}) == ACL_SUCCESS);
    rt::Gate gate;
    REQUIRE(aclrtLaunchHostFunc(f.main, rt::Gate::HostFunc, &gate) == ACL_SUCCESS);
    REQUIRE(WriteValue(g.cell, 0) == ACL_SUCCESS);
    CHECK_EQ(aclmdlRIExecuteAsync(g.model, f.main), ACL_SUCCESS);
    CHECK_EQ(ReadValue(g.cell), 3u);
    CHECK_EQ(WriteValue(g.cell, 1), ACL_SUCCESS);
    gate.Open();
    CHECK_EQ(aclrtSynchronizeStream(f.main), ACL_SUCCESS);
    CHECK_EQ(rt::ReadFloats(acc, 1)[0], 1.0f);
    CHECK_EQ(aclmdlRIDestroy(g.model), ACL_SUCCESS);

    // Without the flag the value left by the last replay (0) stays: nothing runs.
    WhileGraph plain;
    REQUIRE(plain.Build(f, 3, static_cast<aclmdlRICondHandleFlag>(0)) == ACL_SUCCESS);
    REQUIRE(rt::WriteFloats(plain.acc, {0.0f}) == ACL_SUCCESS);
    CHECK_EQ(ReplayCode(plain.model, f.main), ACL_SUCCESS);
    CHECK_EQ(rt::ReadFloats(plain.acc, 1)[0], 0.0f);
    CHECK_EQ(aclmdlRIDestroy(plain.model), ACL_SUCCESS);
}

TEST_CASE("the value written by a captured copy earlier in the parent decides the conditional task after it") {
    Fixture f;
    REQUIRE(f.Init(2));
    rt::DeviceMemory source(sizeof(uint64_t));
    REQUIRE(source.ok());
    REQUIRE(WriteValue(source.As<uint64_t>(), 1) == ACL_SUCCESS);
    aclmdlRICondHandle handle = nullptr;
    REQUIRE(f.BeginWithHandle(handle) != nullptr);
    uint64_t *cell = nullptr;
    REQUIRE(aclmdlRICondHandleGetCondPtr(handle, &cell) == ACL_SUCCESS);
    CHECK_EQ(aclrtMemcpyAsync(cell, sizeof(uint64_t), source, sizeof(uint64_t), ACL_MEMCPY_DEVICE_TO_DEVICE, f.main),
             ACL_SUCCESS);
    aclmdlRI bodies[2] = {nullptr, nullptr};
    REQUIRE(aclmdlRIAddCondTask({handle, ACL_MODEL_RI_COND_TYPE_IF, 2, bodies}, f.main, 0) == ACL_SUCCESS);
    CHECK_EQ(f.CaptureMarkBody(bodies[0], 0), ACL_SUCCESS);
    CHECK_EQ(f.CaptureMarkBody(bodies[1], 1), ACL_SUCCESS);
    aclmdlRI model = nullptr;
    REQUIRE(aclmdlRICaptureEnd(f.main, &model) == ACL_SUCCESS);
    CHECK_EQ(ReadValue(cell), 0u); // captured, not run
    CHECK_EQ(ReplayCode(model, f.main), ACL_SUCCESS);
    CHECK_EQ(f.Ran(), std::string("10"));
    REQUIRE(f.ClearMarks());
    REQUIRE(WriteValue(source.As<uint64_t>(), 0) == ACL_SUCCESS);
    REQUIRE(WriteValue(cell, 1) == ACL_SUCCESS); // overwritten by the copy during the replay
    CHECK_EQ(ReplayCode(model, f.main), ACL_SUCCESS);
    CHECK_EQ(f.Ran(), std::string("01"));
    CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
}

TEST_CASE("nested: an IF with two bodies inside a WHILE body, its handle made on the body while the body "
          "captures and its value computed by the body each iteration") {
    Fixture f;
    REQUIRE(f.Init(0));
    rt::Stream inner;
    rt::DeviceMemory acc(sizeof(float));
    rt::DeviceMemory thenCount(sizeof(float));
    rt::DeviceMemory elseCount(sizeof(float));
    REQUIRE(inner.ok() && acc.ok() && thenCount.ok() && elseCount.ok());
    REQUIRE(aclmdlRICaptureBegin(f.main, rt::kGlobal) == ACL_SUCCESS);
    aclmdlRICondHandle loop = nullptr;
    REQUIRE(aclmdlRICondHandleCreate(rt::ModelOf(f.main), 4, ACL_MODEL_RI_COND_HANDLE_ASSIGN_DEFAULT, &loop) ==
            ACL_SUCCESS);
    uint64_t *counter = nullptr;
    REQUIRE(aclmdlRICondHandleGetCondPtr(loop, &counter) == ACL_SUCCESS);
    aclmdlRI loopBody = nullptr;
    REQUIRE(aclmdlRIAddCondTask({loop, ACL_MODEL_RI_COND_TYPE_WHILE, 1, &loopBody}, f.main, 0) == ACL_SUCCESS);
    REQUIRE(aclmdlRICaptureToModelRIBegin(f.side, loopBody, rt::kGlobal) == ACL_SUCCESS);
    // Inside the loop body: test = counter - 2; if (test) thenCount += 1; else elseCount += 1.
    aclmdlRICondHandle test = nullptr;
    REQUIRE(aclmdlRICondHandleCreate(loopBody, 0, static_cast<aclmdlRICondHandleFlag>(0), &test) == ACL_SUCCESS);
    uint64_t *testValue = nullptr;
    REQUIRE(aclmdlRICondHandleGetCondPtr(test, &testValue) == ACL_SUCCESS);
    CHECK_EQ(
        aclrtMemcpyAsync(testValue, sizeof(uint64_t), counter, sizeof(uint64_t), ACL_MEMCPY_DEVICE_TO_DEVICE, f.side),
        ACL_SUCCESS);
    InplaceAdds minusTwo(testValue, ACL_INT64, 1, -2.0);
    CHECK_EQ(minusTwo.Launch(f.side), OK);
    aclmdlRI branches[2] = {nullptr, nullptr};
    REQUIRE(aclmdlRIAddCondTask({test, ACL_MODEL_RI_COND_TYPE_IF, 2, branches}, f.side, 0) == ACL_SUCCESS);
    InplaceAdds countThen(thenCount, ACL_FLOAT, 1, 1.0);
    InplaceAdds countElse(elseCount, ACL_FLOAT, 1, 1.0);
    REQUIRE(aclmdlRICaptureToModelRIBegin(inner, branches[0], rt::kGlobal) == ACL_SUCCESS);
    CHECK_EQ(countThen.Launch(inner), OK);
    CHECK_EQ(aclmdlRICaptureEnd(inner, nullptr), ACL_SUCCESS);
    REQUIRE(aclmdlRICaptureToModelRIBegin(inner, branches[1], rt::kGlobal) == ACL_SUCCESS);
    CHECK_EQ(countElse.Launch(inner), OK);
    CHECK_EQ(aclmdlRICaptureEnd(inner, nullptr), ACL_SUCCESS);
    InplaceAdds countAll(acc, ACL_FLOAT, 1, 1.0);
    InplaceAdds decrement(counter, ACL_INT64, 1, -1.0);
    CHECK_EQ(countAll.Launch(f.side), OK);
    CHECK_EQ(decrement.Launch(f.side), OK);
    CHECK_EQ(aclmdlRICaptureEnd(f.side, nullptr), ACL_SUCCESS);
    aclmdlRI model = nullptr;
    REQUIRE(aclmdlRICaptureEnd(f.main, &model) == ACL_SUCCESS);
    for (int launch = 0; launch < 2; ++launch) {
        for (void *p : {acc.get(), thenCount.get(), elseCount.get()}) {
            REQUIRE(rt::WriteFloats(p, {0.0f}) == ACL_SUCCESS);
        }
        CHECK_EQ(ReplayCode(model, f.main), ACL_SUCCESS);
        CHECK_EQ(rt::ReadFloats(acc, 1)[0], 4.0f);       // counter 4, 3, 2, 1
        CHECK_EQ(rt::ReadFloats(thenCount, 1)[0], 3.0f); // 4, 3 and 1
        CHECK_EQ(rt::ReadFloats(elseCount, 1)[0], 1.0f); // 2
    }
    CHECK_EQ(aclmdlRIDestroy(branches[0]), ACL_ERROR_RT_FEATURE_NOT_SUPPORT);
    CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
    CHECK_EQ(aclmdlRIDestroy(branches[0]), ACL_ERROR_RT_INVALID_HANDLE);
    CHECK_EQ(aclmdlRIDestroy(loopBody), ACL_ERROR_RT_INVALID_HANDLE);
}

TEST_CASE("a conditional task inside a task group -> 507009, the capture invalidated (Stream::PackingTaskGroup)") {
    Fixture f;
    REQUIRE(f.Init(1));
    aclmdlRICondHandle handle = nullptr;
    REQUIRE(f.BeginWithHandle(handle) != nullptr);
    REQUIRE(aclmdlRICaptureTaskGrpBegin(f.main) == ACL_SUCCESS);
    aclmdlRI body = nullptr;
    CHECK_EQ(aclmdlRIAddCondTask({handle, ACL_MODEL_RI_COND_TYPE_IF, 1, &body}, f.main, 0),
             ACL_ERROR_RT_TASK_TYPE_NOT_SUPPORT);
    CHECK(body == nullptr);
    aclrtTaskGrp group = nullptr;
    CHECK_EQ(aclmdlRICaptureTaskGrpEnd(f.main, &group), ACL_ERROR_RT_TASK_TYPE_NOT_SUPPORT);
    aclmdlRI model = nullptr;
    CHECK_EQ(aclmdlRICaptureEnd(f.main, &model), ACL_ERROR_RT_STREAM_CAPTURE_INVALIDATED);
    CHECK(StreamUsable(f.main));
}

RT_TEST_MAIN()
