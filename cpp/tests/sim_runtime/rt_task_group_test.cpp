// Task groups and task update (acl-spec §1.6): group state errors, non-kernel tasks in a group,
// groups left open at CaptureEnd, update-mode errors, and updating a captured aclnnAdd with a new
// executor (new alpha, new tensors) so that the next replay uses the new arguments.
#include "rt_graph_util.h"

using rt::StreamUsable;

using rt::AddGraph;

namespace {

constexpr int64_t kN = 128;
constexpr size_t kBytes = kN * sizeof(float);

// Device buffers for out = self + alpha * other and a pinned result buffer.
struct Buffers {
    void *self = nullptr;
    void *other = nullptr;
    void *other2 = nullptr;
    void *out = nullptr;
    void *out2 = nullptr;
    float *result = nullptr;
    bool Init() {
        self = rt::DevAlloc(kBytes);
        other = rt::DevAlloc(kBytes);
        other2 = rt::DevAlloc(kBytes);
        out = rt::DevAlloc(kBytes);
        out2 = rt::DevAlloc(kBytes);
        result = rt::HostAlloc(kN);
        return self && other && other2 && out && out2 && result &&
               rt::WriteFloats(self, std::vector<float>(kN, 10.0f)) == ACL_SUCCESS &&
               rt::WriteFloats(other, std::vector<float>(kN, 1.0f)) == ACL_SUCCESS &&
               rt::WriteFloats(other2, std::vector<float>(kN, 5.0f)) == ACL_SUCCESS &&
               rt::WriteFloats(out, std::vector<float>(kN, 0.0f)) == ACL_SUCCESS &&
               rt::WriteFloats(out2, std::vector<float>(kN, 0.0f)) == ACL_SUCCESS;
    }
    ~Buffers() {
        for (void *p : {self, other, other2, out, out2}) {
            if (p) aclrtFree(p);
        }
        if (result) aclrtFreeHost(result);
    }
};

} // namespace

TEST_CASE("aclmdlRICaptureTaskGrpBegin on a non-capturing stream -> 107029") {
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    CHECK_EQ(aclmdlRICaptureTaskGrpBegin(stream), ACL_ERROR_RT_STREAM_NOT_CAPTURED);
    CHECK_EQ(rt::StatusOf(stream), rt::kNone);
    CHECK(StreamUsable(stream));
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("nested aclmdlRICaptureTaskGrpBegin -> 107033; the group and capture go on") {
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    {
        Buffers b;
        REQUIRE(b.Init());
        rt::AddCall add;
        REQUIRE(add.Prepare(b.self, b.other, b.out, kN, 2.0f) == OK);
        CHECK_EQ(aclmdlRICaptureBegin(stream, rt::kGlobal), ACL_SUCCESS);
        CHECK_EQ(aclmdlRICaptureTaskGrpBegin(stream), ACL_SUCCESS);
        CHECK_EQ(aclmdlRICaptureTaskGrpBegin(stream), ACL_ERROR_STREAM_TASK_GROUP_STATUS);
        CHECK_EQ(add.Launch(stream), OK);
        aclrtTaskGrp handle = nullptr;
        CHECK_EQ(aclmdlRICaptureTaskGrpEnd(stream, &handle), ACL_SUCCESS);
        CHECK(handle != nullptr);
        CHECK_EQ(aclrtMemcpyAsync(b.result, kBytes, b.out, kBytes, ACL_MEMCPY_DEVICE_TO_HOST, stream), ACL_SUCCESS);
        CHECK_EQ(rt::StatusOf(stream), rt::kActive);
        aclmdlRI model = nullptr;
        CHECK_EQ(aclmdlRICaptureEnd(stream, &model), ACL_SUCCESS);
        REQUIRE(model != nullptr);
        CHECK_EQ(aclmdlRIExecuteAsync(model, stream), ACL_SUCCESS);
        CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
        CHECK(rt::AllEqual(b.result, kN, 12.0f));
        CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
    }
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

// Stream::PackingTaskGroup refuses the task (507009); Stream::SetTaskGroupErrCode terminates the
// model (CaptureModel::TerminateCapture: the stream keeps its ACTIVE status) and keeps the code,
// which Context::StreamEndTaskGrp returns.
TEST_CASE("a non-kernel task inside a task group -> 507009, the model is invalidated, GrpEnd returns 507009") {
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    {
        Buffers b;
        REQUIRE(b.Init());
        CHECK_EQ(aclmdlRICaptureBegin(stream, rt::kGlobal), ACL_SUCCESS);
        CHECK_EQ(aclmdlRICaptureTaskGrpBegin(stream), ACL_SUCCESS);
        CHECK_EQ(aclrtMemcpyAsync(b.result, kBytes, b.out, kBytes, ACL_MEMCPY_DEVICE_TO_HOST, stream),
                 ACL_ERROR_RT_TASK_TYPE_NOT_SUPPORT);
        CHECK_EQ(rt::StatusOf(stream), rt::kActive);
        int dummy = 0;
        aclrtTaskGrp handle = &dummy;
        CHECK_EQ(aclmdlRICaptureTaskGrpEnd(stream, &handle), ACL_ERROR_RT_TASK_TYPE_NOT_SUPPORT);
        CHECK(handle == nullptr);
        aclmdlRI model = &dummy;
        CHECK_EQ(aclmdlRICaptureEnd(stream, &model), ACL_ERROR_RT_STREAM_CAPTURE_INVALIDATED);
        CHECK(model == nullptr);
        CHECK_EQ(rt::StatusOf(stream), rt::kNone);
        CHECK(StreamUsable(stream));
    }
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("aclmdlRICaptureTaskGrpEnd: NULL handle -> 100000, not in a group -> 107033") {
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    {
        Buffers b;
        REQUIRE(b.Init());
        rt::AddCall add;
        REQUIRE(add.Prepare(b.self, b.other, b.out, kN, 1.0f) == OK);
        CHECK_EQ(aclmdlRICaptureBegin(stream, rt::kGlobal), ACL_SUCCESS);
        aclrtTaskGrp handle = nullptr;
        CHECK_EQ(aclmdlRICaptureTaskGrpEnd(stream, &handle), ACL_ERROR_STREAM_TASK_GROUP_STATUS);
        CHECK_EQ(aclmdlRICaptureTaskGrpBegin(stream), ACL_SUCCESS);
        CHECK_EQ(add.Launch(stream), OK);
        CHECK_EQ(aclmdlRICaptureTaskGrpEnd(stream, nullptr), ACL_ERROR_INVALID_PARAM);
        CHECK_EQ(aclmdlRICaptureTaskGrpEnd(stream, &handle), ACL_SUCCESS);  // the group was still open
        CHECK(handle != nullptr);
        CHECK_EQ(aclmdlRICaptureTaskGrpEnd(stream, &handle), ACL_ERROR_STREAM_TASK_GROUP_STATUS);
        CHECK_EQ(rt::StatusOf(stream), rt::kActive);
        aclmdlRI model = nullptr;
        CHECK_EQ(aclmdlRICaptureEnd(stream, &model), ACL_SUCCESS);
        REQUIRE(model != nullptr);
        CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
    }
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("a task group left open at aclmdlRICaptureEnd -> 107033, no model, stream usable") {
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    {
        Buffers b;
        REQUIRE(b.Init());
        rt::AddCall add;
        REQUIRE(add.Prepare(b.self, b.other, b.out, kN, 1.0f) == OK);
        CHECK_EQ(aclmdlRICaptureBegin(stream, rt::kGlobal), ACL_SUCCESS);
        CHECK_EQ(aclmdlRICaptureTaskGrpBegin(stream), ACL_SUCCESS);
        CHECK_EQ(add.Launch(stream), OK);
        int dummy = 0;
        aclmdlRI model = &dummy;
        CHECK_EQ(aclmdlRICaptureEnd(stream, &model), ACL_ERROR_STREAM_TASK_GROUP_STATUS);
        CHECK(model == nullptr);
        CHECK_EQ(rt::StatusOf(stream), rt::kNone);
        CHECK(StreamUsable(stream));
        CHECK(rt::AllEqual(rt::ReadFloats(b.out, kN), 0.0f));
    }
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("task update: Begin on a capturing stream -> 107027, End when not updating -> 107033") {
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    aclrtStream other = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    REQUIRE(aclrtCreateStream(&other) == ACL_SUCCESS);
    {
        Buffers b;
        REQUIRE(b.Init());
        rt::AddCall add;
        REQUIRE(add.Prepare(b.self, b.other, b.out, kN, 1.0f) == OK);
        CHECK_EQ(aclmdlRICaptureBegin(stream, rt::kGlobal), ACL_SUCCESS);
        CHECK_EQ(aclmdlRICaptureTaskGrpBegin(stream), ACL_SUCCESS);
        CHECK_EQ(add.Launch(stream), OK);
        aclrtTaskGrp handle = nullptr;
        CHECK_EQ(aclmdlRICaptureTaskGrpEnd(stream, &handle), ACL_SUCCESS);
        REQUIRE(handle != nullptr);
        CHECK_EQ(aclmdlRICaptureTaskUpdateBegin(stream, handle), ACL_ERROR_RT_STREAM_CAPTURED);
        CHECK_EQ(rt::StatusOf(stream), rt::kActive);
        aclmdlRI model = nullptr;
        CHECK_EQ(aclmdlRICaptureEnd(stream, &model), ACL_SUCCESS);
        REQUIRE(model != nullptr);

        // Another stream capturing: it cannot update either.
        CHECK_EQ(aclmdlRICaptureBegin(other, rt::kGlobal), ACL_SUCCESS);
        CHECK_EQ(aclmdlRICaptureTaskUpdateBegin(other, handle), ACL_ERROR_RT_STREAM_CAPTURED);
        CHECK_EQ(rt::StatusOf(other), rt::kActive);
        aclmdlRI empty = nullptr;
        CHECK_EQ(aclmdlRICaptureEnd(other, &empty), ACL_SUCCESS);
        CHECK_EQ(aclmdlRIDestroy(empty), ACL_SUCCESS);

        CHECK_EQ(aclmdlRICaptureTaskUpdateEnd(stream), ACL_ERROR_STREAM_TASK_GROUP_STATUS);
        CHECK_EQ(aclmdlRICaptureTaskUpdateEnd(other), ACL_ERROR_STREAM_TASK_GROUP_STATUS);
        CHECK(StreamUsable(stream));
        CHECK(StreamUsable(other));
        CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
    }
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(other), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

// ApiErrorDecorator::StreamBeginTaskUpdate and Context::StreamBeginTaskUpdate check the updating
// stream only (not capturing, no group open), not the state of the group's model.
TEST_CASE("task update of a group whose capture is still recording is accepted; after the end it works too") {
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    aclrtStream updater = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    REQUIRE(aclrtCreateStream(&updater) == ACL_SUCCESS);
    {
        Buffers b;
        REQUIRE(b.Init());
        rt::AddCall add;
        REQUIRE(add.Prepare(b.self, b.other, b.out, kN, 1.0f) == OK);
        CHECK_EQ(aclmdlRICaptureBegin(stream, rt::kGlobal), ACL_SUCCESS);
        CHECK_EQ(aclmdlRICaptureTaskGrpBegin(stream), ACL_SUCCESS);
        CHECK_EQ(add.Launch(stream), OK);
        aclrtTaskGrp handle = nullptr;
        CHECK_EQ(aclmdlRICaptureTaskGrpEnd(stream, &handle), ACL_SUCCESS);
        REQUIRE(handle != nullptr);
        // The model is still being recorded: the update goes into it at once.
        CHECK_EQ(aclmdlRICaptureTaskUpdateBegin(updater, handle), ACL_SUCCESS);
        rt::AddCall early;
        REQUIRE(early.Prepare(b.self, b.other, b.out, kN, 3.0f) == OK);
        CHECK_EQ(early.Launch(updater), OK);
        CHECK_EQ(aclmdlRICaptureTaskUpdateEnd(updater), ACL_SUCCESS);
        CHECK_EQ(aclrtMemcpyAsync(b.result, kBytes, b.out, kBytes, ACL_MEMCPY_DEVICE_TO_HOST, stream), ACL_SUCCESS);
        aclmdlRI model = nullptr;
        CHECK_EQ(aclmdlRICaptureEnd(stream, &model), ACL_SUCCESS);
        REQUIRE(model != nullptr);
        CHECK_EQ(aclmdlRIExecuteAsync(model, stream), ACL_SUCCESS);
        CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
        CHECK(rt::AllEqual(b.result, kN, 13.0f)); // 10 + 3 x 1: the early update's alpha
        CHECK_EQ(aclmdlRICaptureTaskUpdateBegin(updater, handle), ACL_SUCCESS);
        rt::AddCall again;
        REQUIRE(again.Prepare(b.self, b.other, b.out, kN, 1.0f) == OK);
        CHECK_EQ(again.Launch(updater), OK);
        CHECK_EQ(aclmdlRICaptureTaskUpdateEnd(updater), ACL_SUCCESS);
        CHECK_EQ(aclrtSynchronizeStream(updater), ACL_SUCCESS);
        CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
    }
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(updater), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("task update with fewer kernels than the group -> 507000") {
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    aclrtStream updater = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    REQUIRE(aclrtCreateStream(&updater) == ACL_SUCCESS);
    {
        Buffers b;
        REQUIRE(b.Init());
        rt::AddCall first;
        rt::AddCall second;
        REQUIRE(first.Prepare(b.self, b.other, b.out, kN, 1.0f) == OK);
        REQUIRE(second.Prepare(b.self, b.other, b.out2, kN, 2.0f) == OK);
        CHECK_EQ(aclmdlRICaptureBegin(stream, rt::kGlobal), ACL_SUCCESS);
        CHECK_EQ(aclmdlRICaptureTaskGrpBegin(stream), ACL_SUCCESS);
        CHECK_EQ(first.Launch(stream), OK);
        CHECK_EQ(second.Launch(stream), OK);
        aclrtTaskGrp handle = nullptr;
        CHECK_EQ(aclmdlRICaptureTaskGrpEnd(stream, &handle), ACL_SUCCESS);
        REQUIRE(handle != nullptr);
        aclmdlRI model = nullptr;
        CHECK_EQ(aclmdlRICaptureEnd(stream, &model), ACL_SUCCESS);
        REQUIRE(model != nullptr);

        rt::AddCall replacement;
        REQUIRE(replacement.Prepare(b.self, b.other, b.out, kN, 3.0f) == OK);
        CHECK_EQ(aclmdlRICaptureTaskUpdateBegin(updater, handle), ACL_SUCCESS);
        CHECK_EQ(replacement.Launch(updater), OK);
        CHECK_EQ(aclmdlRICaptureTaskUpdateEnd(updater), ACL_ERROR_RT_INTERNAL_ERROR);
        CHECK_EQ(aclmdlRICaptureTaskUpdateEnd(updater), ACL_ERROR_STREAM_TASK_GROUP_STATUS);  // left update mode
        CHECK(StreamUsable(updater));
        CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
    }
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(updater), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("task update with a new executor changes the arguments of the next replay") {
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    aclrtStream updater = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    REQUIRE(aclrtCreateStream(&updater) == ACL_SUCCESS);
    {
        Buffers b;
        REQUIRE(b.Init());
        rt::AddCall captured;
        REQUIRE(captured.Prepare(b.self, b.other, b.out, kN, 2.0f) == OK);
        // Captured: [memset out = 0] [group: out = self + alpha * other] [D2H out -> result].
        CHECK_EQ(aclmdlRICaptureBegin(stream, rt::kGlobal), ACL_SUCCESS);
        CHECK_EQ(aclrtMemsetAsync(b.out, kBytes, 0, kBytes, stream), ACL_SUCCESS);
        CHECK_EQ(aclmdlRICaptureTaskGrpBegin(stream), ACL_SUCCESS);
        CHECK_EQ(captured.Launch(stream), OK);
        aclrtTaskGrp handle = nullptr;
        CHECK_EQ(aclmdlRICaptureTaskGrpEnd(stream, &handle), ACL_SUCCESS);
        REQUIRE(handle != nullptr);
        CHECK_EQ(aclrtMemcpyAsync(b.result, kBytes, b.out, kBytes, ACL_MEMCPY_DEVICE_TO_HOST, stream), ACL_SUCCESS);
        aclmdlRI model = nullptr;
        CHECK_EQ(aclmdlRICaptureEnd(stream, &model), ACL_SUCCESS);
        REQUIRE(model != nullptr);

        auto replay = [&](aclrtStream on) {
            for (int64_t i = 0; i < kN; ++i) b.result[i] = -1.0f;
            CHECK_EQ(aclmdlRIExecuteAsync(model, on), ACL_SUCCESS);
            CHECK_EQ(aclrtSynchronizeStream(on), ACL_SUCCESS);
        };
        replay(stream);
        CHECK(rt::AllEqual(b.result, kN, 12.0f));  // 10 + 2 * 1

        // New alpha.
        rt::AddCall newAlpha;
        REQUIRE(newAlpha.Prepare(b.self, b.other, b.out, kN, 7.0f) == OK);
        CHECK_EQ(aclmdlRICaptureTaskUpdateBegin(updater, handle), ACL_SUCCESS);
        CHECK_EQ(newAlpha.Launch(updater), OK);
        CHECK_EQ(aclmdlRICaptureTaskUpdateEnd(updater), ACL_SUCCESS);
        CHECK_EQ(aclrtSynchronizeStream(updater), ACL_SUCCESS);
        // The update itself computed nothing.
        CHECK(rt::AllEqual(rt::ReadFloats(b.out, kN), 12.0f));
        replay(stream);
        CHECK(rt::AllEqual(b.result, kN, 17.0f));  // 10 + 7 * 1
        replay(updater);
        CHECK(rt::AllEqual(b.result, kN, 17.0f));

        // New tensors (other2 = 5) and alpha 1.
        rt::AddCall newTensors;
        REQUIRE(newTensors.Prepare(b.self, b.other2, b.out, kN, 1.0f) == OK);
        CHECK_EQ(aclmdlRICaptureTaskUpdateBegin(updater, handle), ACL_SUCCESS);
        CHECK_EQ(newTensors.Launch(updater), OK);
        CHECK_EQ(aclmdlRICaptureTaskUpdateEnd(updater), ACL_SUCCESS);
        CHECK_EQ(aclrtSynchronizeStream(updater), ACL_SUCCESS);
        for (int i = 0; i < 3; ++i) {
            replay(stream);
            CHECK(rt::AllEqual(b.result, kN, 15.0f));  // 10 + 1 * 5
        }
        // The updater stream is an ordinary stream again.
        CHECK(StreamUsable(updater));
        CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
    }
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(updater), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

RT_TEST_MAIN()
