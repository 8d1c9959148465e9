// Task groups and task update (acl-spec §1.6): group state errors, non-kernel tasks in a group,
// groups left open at CaptureEnd, update-mode errors, and updating a captured aclnnAdd with a new
// executor (new alpha, new tensors) so that the next replay uses the new arguments.
#include "rt_fixtures.h"

using rt::StreamUsable;

namespace {

constexpr int64_t kN = 128;
constexpr size_t kBytes = kN * sizeof(float);

// One test's capturing stream, update stream, buffers and first aclnnAdd; everything is released
// (checked) and leak-checked at the end of the test.
struct Fixture {
    rt::NoLeaks leaks;
    rt::Stream stream;
    rt::Stream updater;
    // out = self + alpha * other with self 10, other 1 and other2 5; out and out2 start at 0.
    rt::DeviceMemory self{kBytes};
    rt::DeviceMemory other{kBytes};
    rt::DeviceMemory other2{kBytes};
    rt::DeviceMemory out{kBytes};
    rt::DeviceMemory out2{kBytes};
    rt::HostFloats result{kN};
    rt::AddCall add; // out = self + alpha * other

    bool Init(float alpha) {
        const std::pair<void *, float> fills[] = {
            {self, 10.0f}, {other, 1.0f}, {other2, 5.0f}, {out, 0.0f}, {out2, 0.0f}};
        for (const auto &fill : fills) {
            if (fill.first == nullptr ||
                rt::WriteFloats(fill.first, std::vector<float>(kN, fill.second)) != ACL_SUCCESS) {
                return false;
            }
        }
        return stream.ok() && updater.ok() && result.ok() && add.Prepare(self, other, out, kN, alpha) == OK;
    }
    // Copies out to the pinned result buffer on `on`.
    aclError ReadOut(aclrtStream on) {
        return aclrtMemcpyAsync(result, kBytes, out, kBytes, ACL_MEMCPY_DEVICE_TO_HOST, on);
    }
};

// Opens a task group on the capturing `stream`, launches `adds` in it and closes it: its handle.
aclrtTaskGrp CaptureGroup(aclrtStream stream, std::initializer_list<rt::AddCall *> adds, RT_CALLER_FILE,
                          RT_CALLER_LINE) {
    rt::Expect(aclmdlRICaptureTaskGrpBegin(stream), ACL_SUCCESS, "aclmdlRICaptureTaskGrpBegin", file, line);
    for (rt::AddCall *add : adds) {
        rt::Expect(add->Launch(stream), OK, "aclnnAdd", file, line);
    }
    aclrtTaskGrp handle = nullptr;
    rt::Expect(aclmdlRICaptureTaskGrpEnd(stream, &handle), ACL_SUCCESS, "aclmdlRICaptureTaskGrpEnd", file, line);
    rt::Expect(handle != nullptr, true, "aclmdlRICaptureTaskGrpEnd gave a group", file, line);
    return handle;
}

// Replaces the kernels of `group` by `adds` launched on `updater`: the code of TaskUpdateEnd.
aclError UpdateGroup(aclrtStream updater, aclrtTaskGrp group, std::initializer_list<rt::AddCall *> adds, RT_CALLER_FILE,
                     RT_CALLER_LINE) {
    rt::Expect(aclmdlRICaptureTaskUpdateBegin(updater, group), ACL_SUCCESS, "aclmdlRICaptureTaskUpdateBegin", file,
               line);
    for (rt::AddCall *add : adds) {
        rt::Expect(add->Launch(updater), OK, "aclnnAdd", file, line);
    }
    return aclmdlRICaptureTaskUpdateEnd(updater);
}

} // namespace

TEST_CASE("aclmdlRICaptureTaskGrpBegin on a non-capturing stream -> 107029") {
    Fixture f;
    REQUIRE(f.Init(1.0f));
    CHECK_EQ(aclmdlRICaptureTaskGrpBegin(f.stream), ACL_ERROR_RT_STREAM_NOT_CAPTURED);
    rt::ExpectFreeStream(f.stream);
}

TEST_CASE("nested aclmdlRICaptureTaskGrpBegin -> 107033; the group and capture go on") {
    Fixture f;
    REQUIRE(f.Init(2.0f));
    rt::BeginCapture(f.stream);
    CHECK_EQ(aclmdlRICaptureTaskGrpBegin(f.stream), ACL_SUCCESS);
    CHECK_EQ(aclmdlRICaptureTaskGrpBegin(f.stream), ACL_ERROR_STREAM_TASK_GROUP_STATUS);
    CHECK_EQ(f.add.Launch(f.stream), OK);
    aclrtTaskGrp handle = nullptr;
    CHECK_EQ(aclmdlRICaptureTaskGrpEnd(f.stream, &handle), ACL_SUCCESS);
    CHECK(handle != nullptr);
    CHECK_EQ(f.ReadOut(f.stream), ACL_SUCCESS);
    CHECK_EQ(rt::StatusOf(f.stream), rt::kActive);
    rt::Model model = rt::EndCapture(f.stream);
    REQUIRE(model.ok());
    rt::Replay(model, f.stream);
    CHECK(rt::AllEqual(f.result.data(), kN, 12.0f));
}

// Stream::PackingTaskGroup refuses the task (507009); Stream::SetTaskGroupErrCode terminates the
// model (CaptureModel::TerminateCapture: the stream keeps its ACTIVE status) and keeps the code,
// which Context::StreamEndTaskGrp returns.
TEST_CASE("a non-kernel task inside a task group -> 507009, the model is invalidated, GrpEnd returns 507009") {
    Fixture f;
    REQUIRE(f.Init(1.0f));
    rt::BeginCapture(f.stream);
    CHECK_EQ(aclmdlRICaptureTaskGrpBegin(f.stream), ACL_SUCCESS);
    CHECK_EQ(f.ReadOut(f.stream), ACL_ERROR_RT_TASK_TYPE_NOT_SUPPORT);
    CHECK_EQ(rt::StatusOf(f.stream), rt::kActive);
    int dummy = 0;
    aclrtTaskGrp handle = &dummy;
    CHECK_EQ(aclmdlRICaptureTaskGrpEnd(f.stream, &handle), ACL_ERROR_RT_TASK_TYPE_NOT_SUPPORT);
    CHECK(handle == nullptr);
    rt::EndCaptureFails(f.stream, ACL_ERROR_RT_STREAM_CAPTURE_INVALIDATED);
    rt::ExpectFreeStream(f.stream);
}

TEST_CASE("aclmdlRICaptureTaskGrpEnd: NULL handle -> 100000, not in a group -> 107033") {
    Fixture f;
    REQUIRE(f.Init(1.0f));
    rt::BeginCapture(f.stream);
    aclrtTaskGrp handle = nullptr;
    CHECK_EQ(aclmdlRICaptureTaskGrpEnd(f.stream, &handle), ACL_ERROR_STREAM_TASK_GROUP_STATUS);
    CHECK_EQ(aclmdlRICaptureTaskGrpBegin(f.stream), ACL_SUCCESS);
    CHECK_EQ(f.add.Launch(f.stream), OK);
    CHECK_EQ(aclmdlRICaptureTaskGrpEnd(f.stream, nullptr), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclmdlRICaptureTaskGrpEnd(f.stream, &handle), ACL_SUCCESS); // the group was still open
    CHECK(handle != nullptr);
    CHECK_EQ(aclmdlRICaptureTaskGrpEnd(f.stream, &handle), ACL_ERROR_STREAM_TASK_GROUP_STATUS);
    CHECK_EQ(rt::StatusOf(f.stream), rt::kActive);
    CHECK(rt::EndCapture(f.stream).ok());
}

TEST_CASE("a task group left open at aclmdlRICaptureEnd -> 107033, no model, stream usable") {
    Fixture f;
    REQUIRE(f.Init(1.0f));
    rt::BeginCapture(f.stream);
    CHECK_EQ(aclmdlRICaptureTaskGrpBegin(f.stream), ACL_SUCCESS);
    CHECK_EQ(f.add.Launch(f.stream), OK);
    rt::EndCaptureFails(f.stream, ACL_ERROR_STREAM_TASK_GROUP_STATUS);
    rt::ExpectFreeStream(f.stream);
    CHECK(rt::AllEqual(rt::ReadFloats(f.out, kN), 0.0f));
}

TEST_CASE("task update: Begin on a capturing stream -> 107027, End when not updating -> 107033") {
    Fixture f;
    REQUIRE(f.Init(1.0f));
    aclrtStream other = f.updater;
    rt::BeginCapture(f.stream);
    aclrtTaskGrp handle = CaptureGroup(f.stream, {&f.add});
    REQUIRE(handle != nullptr);
    CHECK_EQ(aclmdlRICaptureTaskUpdateBegin(f.stream, handle), ACL_ERROR_RT_STREAM_CAPTURED);
    CHECK_EQ(rt::StatusOf(f.stream), rt::kActive);
    rt::Model model = rt::EndCapture(f.stream);
    REQUIRE(model.ok());

    // Another stream capturing: it cannot update either.
    rt::BeginCapture(other);
    CHECK_EQ(aclmdlRICaptureTaskUpdateBegin(other, handle), ACL_ERROR_RT_STREAM_CAPTURED);
    CHECK_EQ(rt::StatusOf(other), rt::kActive);
    CHECK(rt::EndCapture(other).ok());

    CHECK_EQ(aclmdlRICaptureTaskUpdateEnd(f.stream), ACL_ERROR_STREAM_TASK_GROUP_STATUS);
    CHECK_EQ(aclmdlRICaptureTaskUpdateEnd(other), ACL_ERROR_STREAM_TASK_GROUP_STATUS);
    CHECK(StreamUsable(f.stream));
    CHECK(StreamUsable(other));
}

// ApiErrorDecorator::StreamBeginTaskUpdate and Context::StreamBeginTaskUpdate check the updating
// stream only (not capturing, no group open), not the state of the group's model.
TEST_CASE("task update of a group whose capture is still recording is accepted; after the end it works too") {
    Fixture f;
    REQUIRE(f.Init(1.0f));
    rt::BeginCapture(f.stream);
    aclrtTaskGrp handle = CaptureGroup(f.stream, {&f.add});
    REQUIRE(handle != nullptr);
    // The model is still being recorded: the update goes into it at once.
    rt::AddCall early;
    REQUIRE(early.Prepare(f.self, f.other, f.out, kN, 3.0f) == OK);
    CHECK_EQ(UpdateGroup(f.updater, handle, {&early}), ACL_SUCCESS);
    CHECK_EQ(f.ReadOut(f.stream), ACL_SUCCESS);
    rt::Model model = rt::EndCapture(f.stream);
    REQUIRE(model.ok());
    rt::Replay(model, f.stream);
    CHECK(rt::AllEqual(f.result.data(), kN, 13.0f)); // 10 + 3 x 1: the early update's alpha
    rt::AddCall again;
    REQUIRE(again.Prepare(f.self, f.other, f.out, kN, 1.0f) == OK);
    CHECK_EQ(UpdateGroup(f.updater, handle, {&again}), ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStream(f.updater), ACL_SUCCESS);
}

TEST_CASE("task update with fewer kernels than the group -> 507000") {
    Fixture f;
    REQUIRE(f.Init(1.0f));
    rt::AddCall second;
    REQUIRE(second.Prepare(f.self, f.other, f.out2, kN, 2.0f) == OK);
    rt::BeginCapture(f.stream);
    aclrtTaskGrp handle = CaptureGroup(f.stream, {&f.add, &second});
    REQUIRE(handle != nullptr);
    rt::Model model = rt::EndCapture(f.stream);
    REQUIRE(model.ok());

    rt::AddCall replacement;
    REQUIRE(replacement.Prepare(f.self, f.other, f.out, kN, 3.0f) == OK);
    CHECK_EQ(UpdateGroup(f.updater, handle, {&replacement}), ACL_ERROR_RT_INTERNAL_ERROR);
    CHECK_EQ(aclmdlRICaptureTaskUpdateEnd(f.updater), ACL_ERROR_STREAM_TASK_GROUP_STATUS); // left update mode
    CHECK(StreamUsable(f.updater));
}

TEST_CASE("task update with a new executor changes the arguments of the next replay") {
    Fixture f;
    REQUIRE(f.Init(2.0f));
    // Captured: [memset out = 0] [group: out = self + alpha * other] [D2H out -> result].
    aclrtTaskGrp handle = nullptr;
    rt::Model model = rt::Capture(f.stream, [&] {
        CHECK_EQ(aclrtMemsetAsync(f.out, kBytes, 0, kBytes, f.stream), ACL_SUCCESS);
        handle = CaptureGroup(f.stream, {&f.add});
        CHECK_EQ(f.ReadOut(f.stream), ACL_SUCCESS);
    });
    REQUIRE(model.ok() && handle != nullptr);

    auto replay = [&](aclrtStream on) {
        for (int64_t i = 0; i < kN; ++i)
            f.result[i] = -1.0f;
        rt::Replay(model, on);
    };
    replay(f.stream);
    CHECK(rt::AllEqual(f.result.data(), kN, 12.0f)); // 10 + 2 * 1

    // New alpha.
    rt::AddCall newAlpha;
    REQUIRE(newAlpha.Prepare(f.self, f.other, f.out, kN, 7.0f) == OK);
    CHECK_EQ(UpdateGroup(f.updater, handle, {&newAlpha}), ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStream(f.updater), ACL_SUCCESS);
    // The update itself computed nothing.
    CHECK(rt::AllEqual(rt::ReadFloats(f.out, kN), 12.0f));
    replay(f.stream);
    CHECK(rt::AllEqual(f.result.data(), kN, 17.0f)); // 10 + 7 * 1
    replay(f.updater);
    CHECK(rt::AllEqual(f.result.data(), kN, 17.0f));

    // New tensors (other2 = 5) and alpha 1.
    rt::AddCall newTensors;
    REQUIRE(newTensors.Prepare(f.self, f.other2, f.out, kN, 1.0f) == OK);
    CHECK_EQ(UpdateGroup(f.updater, handle, {&newTensors}), ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStream(f.updater), ACL_SUCCESS);
    for (int i = 0; i < 3; ++i) {
        replay(f.stream);
        CHECK(rt::AllEqual(f.result.data(), kN, 15.0f)); // 10 + 1 * 5
    }
    // The updater stream is an ordinary stream again.
    CHECK(StreamUsable(f.updater));
}

RT_TEST_MAIN()
