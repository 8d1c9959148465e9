// aclnnAdd on tensors large enough to be split over the worker pool, with every kernel path
// (contiguous, broadcast, strided, converted, in place), and kernels running concurrently on
// several streams (the pool is then used by one of them, the others run alone).
#include <thread>

#include "nn_test_support.h"

using namespace nntest;

namespace {

// Above the library's parallel threshold (2^20 elements), not a multiple of the part alignment.
constexpr int64_t kLarge = (int64_t{3} << 20) + 37;

} // namespace

TEST_CASE("large contiguous adds of several dtypes match the reference") {
    REQUIRE(Session().ok);
    for (aclDataType type : {ACL_FLOAT, ACL_INT32, ACL_FLOAT16, ACL_INT8, ACL_DOUBLE}) {
        auto self = Make(type, {kLarge});
        auto other = Make(type, {kLarge});
        auto out = Make(type, {kLarge});
        CHECK(CheckAdd(*self, *other,
                       type == ACL_INT32 || type == ACL_INT8 ? HostScalar::Int64(-3) : HostScalar::Float(1.1f), *out,
                       type, std::string("large ") + TypeName(type)));
    }
}

TEST_CASE("large broadcast, strided and mixed-type adds match the reference") {
    REQUIRE(Session().ok);
    const int64_t rows = 1031;
    const int64_t cols = 1553; // 1.6 M elements
    {
        auto self = Make(ACL_FLOAT, {rows, cols});
        auto row = Make(ACL_FLOAT, {cols});
        auto out = Make(ACL_FLOAT, {rows, cols});
        CHECK(CheckAdd(*self, *row, HostScalar::Float(0.5f), *out, ACL_FLOAT, "large row broadcast"));
    }
    {
        auto self = Make(ACL_FLOAT, {rows, cols});
        auto column = Make(ACL_FLOAT, {rows, 1});
        auto out = Make(ACL_FLOAT, {rows, cols});
        CHECK(CheckAdd(*self, *column, HostScalar::Float(2.0f), *out, ACL_FLOAT, "large column broadcast"));
    }
    {
        auto self = Make(ACL_FLOAT, {rows, cols}, {1, rows}); // transposed
        auto other = Make(ACL_FLOAT, {rows, cols});
        auto out = Make(ACL_FLOAT, {rows, cols}, {1, rows}); // transposed
        CHECK(CheckAdd(*self, *other, HostScalar::Float(-1.5f), *out, ACL_FLOAT, "large transposed"));
    }
    {
        auto self = Make(ACL_BF16, {rows, cols});
        auto other = Make(ACL_FLOAT16, {cols});
        auto out = Make(ACL_DOUBLE, {rows, cols});
        CHECK(CheckAdd(*self, *other, HostScalar::Float(3.0f), *out, ACL_FLOAT, "large mixed types"));
    }
    {
        auto self = Make(ACL_FLOAT, {kLarge});
        auto scalar = Make(ACL_FLOAT, {});
        auto out = Make(ACL_FLOAT, {kLarge});
        CHECK(CheckAdd(*self, *scalar, HostScalar::Float(1.0f), *out, ACL_FLOAT, "large scalar broadcast"));
    }
}

TEST_CASE("large in-place adds, tensor and scalar") {
    REQUIRE(Session().ok);
    auto selfRef = Make(ACL_FLOAT, {kLarge});
    auto other = Make(ACL_FLOAT, {kLarge});
    std::vector<unsigned char> expected = selfRef->host();
    RefAdd({&selfRef->spec(), selfRef->host().data(), {}}, {&other->spec(), other->host().data(), {}},
           HostScalar::Float(0.75f), ACL_FLOAT, selfRef->spec(), expected);
    ScalarHandle alpha(HostScalar::Float(0.75f));
    REQUIRE(RunInplaceAdd(*selfRef, *other, alpha) == 0);
    selfRef->Refresh();
    CHECK(SameStorage(ACL_FLOAT, selfRef->host(), expected, "large inplace add"));

    std::vector<unsigned char> expectedAdds = selfRef->host();
    RefAdd({&selfRef->spec(), selfRef->host().data(), {}}, {nullptr, nullptr, HostScalar::Float(4.0f)},
           HostScalar::Float(0.5f), ACL_FLOAT, selfRef->spec(), expectedAdds);
    ScalarHandle four(HostScalar::Float(4.0f));
    ScalarHandle half(HostScalar::Float(0.5f));
    REQUIRE(RunInplaceAdds(*selfRef, four, half) == 0);
    CHECK(SameStorage(ACL_FLOAT, selfRef->Download(), expectedAdds, "large inplace adds"));
}

TEST_CASE("large kernels on several streams at once") {
    REQUIRE(Session().ok);
    constexpr int kStreams = 3;
    constexpr int kLaunches = 4;
    std::unique_ptr<DeviceTensor> selves[kStreams], others[kStreams], outs[kStreams];
    aclrtStream streams[kStreams] = {};
    aclOpExecutor *executors[kStreams] = {};
    ScalarHandle alpha(HostScalar::Float(1.25f));
    for (int s = 0; s < kStreams; ++s) {
        selves[s] = Make(ACL_FLOAT, {kLarge});
        others[s] = Make(ACL_FLOAT, {kLarge});
        outs[s] = Make(ACL_FLOAT, {kLarge});
        REQUIRE(aclrtCreateStream(&streams[s]) == ACL_SUCCESS);
        uint64_t ws = 0;
        REQUIRE(aclnnAddGetWorkspaceSize(*selves[s], *others[s], alpha, *outs[s], &ws, &executors[s]) == 0);
        REQUIRE(aclSetAclOpExecutorRepeatable(executors[s]) == 0);
    }
    // Launch from one thread per stream so the kernels overlap.
    std::vector<std::thread> launchers;
    for (int s = 0; s < kStreams; ++s) {
        launchers.emplace_back([&, s] {
            for (int i = 0; i < kLaunches; ++i) {
                aclnnAdd(nullptr, 0, executors[s], streams[s]);
            }
        });
    }
    for (auto &launcher : launchers) {
        launcher.join();
    }
    for (int s = 0; s < kStreams; ++s) {
        CHECK_EQ(aclrtSynchronizeStream(streams[s]), ACL_SUCCESS);
        std::vector<unsigned char> expected = outs[s]->host();
        RefAdd({&selves[s]->spec(), selves[s]->host().data(), {}}, {&others[s]->spec(), others[s]->host().data(), {}},
               HostScalar::Float(1.25f), ACL_FLOAT, outs[s]->spec(), expected);
        CHECK(SameStorage(ACL_FLOAT, outs[s]->Download(), expected, "stream " + std::to_string(s)));
        CHECK_EQ(aclDestroyAclOpExecutor(executors[s]), 0);
        CHECK_EQ(aclrtDestroyStream(streams[s]), ACL_SUCCESS);
    }
}

TEST_CASE("two captured models sharing inputs replayed concurrently on two streams") {
    REQUIRE(Session().ok);
    auto self = Make(ACL_FLOAT, {kLarge});
    auto other = Make(ACL_FLOAT, {kLarge});
    std::unique_ptr<DeviceTensor> outs[2] = {Make(ACL_FLOAT, {kLarge}), Make(ACL_FLOAT, {kLarge})};
    aclrtStream streams[2] = {Session().stream, nullptr};
    REQUIRE(aclrtCreateStream(&streams[1]) == ACL_SUCCESS);
    const float alphas[2] = {-0.5f, 2.0f};
    aclmdlRI models[2] = {};
    for (int m = 0; m < 2; ++m) {
        ScalarHandle alpha(HostScalar::Float(alphas[m]));
        uint64_t ws = 0;
        aclOpExecutor *executor = nullptr;
        REQUIRE(aclnnAddGetWorkspaceSize(*self, *other, alpha, *outs[m], &ws, &executor) == 0);
        REQUIRE(aclmdlRICaptureBegin(streams[m], ACL_MODEL_RI_CAPTURE_MODE_GLOBAL) == ACL_SUCCESS);
        CHECK_EQ(aclnnAdd(nullptr, 0, executor, streams[m]), 0);
        REQUIRE(aclmdlRICaptureEnd(streams[m], &models[m]) == ACL_SUCCESS);
    }
    for (int i = 0; i < 3; ++i) {
        CHECK_EQ(aclmdlRIExecuteAsync(models[0], streams[0]), ACL_SUCCESS);
        CHECK_EQ(aclmdlRIExecuteAsync(models[1], streams[1]), ACL_SUCCESS);
    }
    for (int m = 0; m < 2; ++m) {
        CHECK_EQ(aclrtSynchronizeStream(streams[m]), ACL_SUCCESS);
        std::vector<unsigned char> expected = outs[m]->host();
        RefAdd({&self->spec(), self->host().data(), {}}, {&other->spec(), other->host().data(), {}},
               HostScalar::Float(alphas[m]), ACL_FLOAT, outs[m]->spec(), expected);
        CHECK(SameStorage(ACL_FLOAT, outs[m]->Download(), expected, "model " + std::to_string(m)));
        CHECK_EQ(aclmdlRIDestroy(models[m]), ACL_SUCCESS);
    }
    CHECK_EQ(aclrtDestroyStream(streams[1]), ACL_SUCCESS);
}

NN_TEST_MAIN()
