// aclnnSoftmax and aclnnLayerNorm against double-precision references: every dim and dtype,
// strided inputs and outputs, the optional weight, bias, mean and rstd, empty tensors, refusals
// with their codes, and eager vs captured replay vs task update.
#include <cmath>
#include <cstring>

#include "aclnnop/aclnn_layer_norm.h"
#include "aclnnop/aclnn_softmax.h"
#include "element_ops.h"
#include "nn_op_harness.h"

using namespace nntest;

namespace {

OpCall SoftmaxCall(aclTensor *self, int64_t dim, aclTensor *out) {
    return {[=](uint64_t *ws, aclOpExecutor **ex) { return aclnnSoftmaxGetWorkspaceSize(self, dim, out, ws, ex); },
            &aclnnSoftmax};
}

// Row-major linear index -> storage index of a spec.
int64_t At(const TensorSpec &s, int64_t linear) {
    int64_t at = s.offset;
    for (size_t d = s.dims.size(); d-- > 0;) {
        at += (linear % s.dims[d]) * s.strides[d];
        linear /= s.dims[d];
    }
    return at;
}

double Value(const DeviceTensor &t, int64_t linear) {
    return ReadAs<double>(t.spec().type, &t.host()[At(t.spec(), linear) * SizeOf(t.spec().type)]);
}

std::vector<unsigned char> RefSoftmax(const DeviceTensor &self, int64_t dim, const DeviceTensor &out) {
    const std::vector<int64_t> &dims = self.spec().dims;
    const int64_t rank = static_cast<int64_t>(dims.size());
    const int64_t axis = rank == 0 ? 0 : (dim < 0 ? dim + rank : dim);
    int64_t outer = 1, length = 1, inner = 1;
    for (int64_t d = 0; d < rank; ++d) {
        (d < axis ? outer : d == axis ? length : inner) *= dims[static_cast<size_t>(d)];
    }
    std::vector<unsigned char> expected = out.host();
    for (int64_t o = 0; o < outer; ++o) {
        for (int64_t i = 0; i < inner; ++i) {
            double maximum = -INFINITY;
            for (int64_t l = 0; l < length; ++l) {
                maximum = std::max(maximum, Value(self, (o * length + l) * inner + i));
            }
            double sum = 0;
            for (int64_t l = 0; l < length; ++l) {
                sum += std::exp(Value(self, (o * length + l) * inner + i) - maximum);
            }
            for (int64_t l = 0; l < length; ++l) {
                const int64_t linear = (o * length + l) * inner + i;
                const double result = std::exp(Value(self, linear) - maximum) / sum;
                WriteAs(out.spec().type, result, &expected[At(out.spec(), linear) * SizeOf(out.spec().type)]);
            }
        }
    }
    return expected;
}

struct LayerNormTensors {
    DeviceTensor *input = nullptr;
    DeviceTensor *weight = nullptr;
    DeviceTensor *bias = nullptr;
    DeviceTensor *out = nullptr;
    DeviceTensor *mean = nullptr;
    DeviceTensor *rstd = nullptr;
};

aclTensor *Handle(DeviceTensor *t) {
    return t != nullptr ? t->tensor() : nullptr;
}

OpCall LayerNormCall(const LayerNormTensors &t, const std::vector<int64_t> &normalized, double eps) {
    aclTensor *input = Handle(t.input);
    aclTensor *weight = Handle(t.weight);
    aclTensor *bias = Handle(t.bias);
    aclTensor *out = Handle(t.out);
    aclTensor *mean = Handle(t.mean);
    aclTensor *rstd = Handle(t.rstd);
    return {[=](uint64_t *ws, aclOpExecutor **ex) {
                aclIntArray *shape = aclCreateIntArray(normalized.data(), normalized.size());
                const aclnnStatus status =
                    aclnnLayerNormGetWorkspaceSize(input, shape, weight, bias, eps, out, mean, rstd, ws, ex);
                aclDestroyIntArray(shape);
                return status;
            },
            &aclnnLayerNorm};
}

// Checks out (and mean/rstd when given) against a double reference.
bool CheckLayerNorm(const LayerNormTensors &t, int64_t length, double eps, const std::string &what) {
    const int64_t rows = ElementCount(t.input->spec().dims) / length;
    std::vector<unsigned char> out = t.out->host();
    std::vector<unsigned char> mean = t.mean != nullptr ? t.mean->host() : std::vector<unsigned char>{};
    std::vector<unsigned char> rstd = t.rstd != nullptr ? t.rstd->host() : std::vector<unsigned char>{};
    for (int64_t r = 0; r < rows; ++r) {
        double sum = 0;
        for (int64_t i = 0; i < length; ++i) {
            sum += Value(*t.input, r * length + i);
        }
        const double mu = sum / static_cast<double>(length);
        double squares = 0;
        for (int64_t i = 0; i < length; ++i) {
            const double d = Value(*t.input, r * length + i) - mu;
            squares += d * d;
        }
        const double inverse = 1.0 / std::sqrt(squares / static_cast<double>(length) + eps);
        for (int64_t i = 0; i < length; ++i) {
            double y = (Value(*t.input, r * length + i) - mu) * inverse;
            y = y * (t.weight != nullptr ? Value(*t.weight, i) : 1.0) + (t.bias != nullptr ? Value(*t.bias, i) : 0.0);
            WriteAs(t.out->spec().type, y, &out[At(t.out->spec(), r * length + i) * SizeOf(t.out->spec().type)]);
        }
        if (t.mean != nullptr) {
            WriteAs(t.mean->spec().type, mu, &mean[At(t.mean->spec(), r) * SizeOf(t.mean->spec().type)]);
        }
        if (t.rstd != nullptr) {
            WriteAs(t.rstd->spec().type, inverse, &rstd[At(t.rstd->spec(), r) * SizeOf(t.rstd->spec().type)]);
        }
    }
    const aclDataType type = t.out->spec().type;
    bool ok = CloseStorage(type, t.out->Download(), out, 4 * Tolerance(type), 2e-5, what + " out");
    if (t.mean != nullptr) {
        ok = CloseStorage(t.mean->spec().type, t.mean->Download(), mean, 2 * Tolerance(t.mean->spec().type), 1e-4,
                          what + " mean") &&
             ok;
    }
    if (t.rstd != nullptr) {
        ok = CloseStorage(t.rstd->spec().type, t.rstd->Download(), rstd, 4 * Tolerance(t.rstd->spec().type), 0,
                          what + " rstd") &&
             ok;
    }
    return ok;
}

} // namespace

TEST_CASE("Softmax along every dim, in every dtype, on strided views") {
    REQUIRE(Session().ok);
    for (aclDataType type : {ACL_FLOAT, ACL_FLOAT16, ACL_BF16, ACL_DOUBLE}) {
        for (int64_t dim : {-1, 0, 1, 2}) {
            auto self = Make(type, {3, 70, 5});
            auto out = Make(type, {3, 70, 5});
            const std::string what = std::string("Softmax ") + TypeName(type) + " dim " + std::to_string(dim);
            const std::vector<unsigned char> expected = RefSoftmax(*self, dim, *out);
            CHECK_EQ(Run(SoftmaxCall(*self, dim, *out)), 0);
            CHECK(CloseStorage(type, out->Download(), expected, 4 * Tolerance(type), 1e-30, what));
        }
    }
    // A transposed input, a FLOAT16 output at an offset, a long row over the pool.
    auto selfT = Make(ACL_FLOAT, {6, 9}, {1, 6});
    auto outF16 = Make(ACL_FLOAT16, {6, 9}, {9, 1}, 2, 60);
    CHECK_EQ(Run(SoftmaxCall(*selfT, 1, *outF16)), 0);
    CHECK(CloseStorage(ACL_FLOAT16, outF16->Download(), RefSoftmax(*selfT, 1, *outF16), 4e-3, 1e-30, "strided"));
    auto big = Make(ACL_FLOAT, {600, 2000});
    auto bigOut = Make(ACL_FLOAT, {600, 2000});
    CHECK_EQ(Run(SoftmaxCall(*big, -1, *bigOut)), 0);
    CHECK(CloseStorage(ACL_FLOAT, bigOut->Download(), RefSoftmax(*big, -1, *bigOut), 4e-6, 1e-30, "parallel rows"));
    auto scalar = Make(ACL_FLOAT, {});
    auto scalarOut = Make(ACL_FLOAT, {});
    CHECK_EQ(Run(SoftmaxCall(*scalar, 0, *scalarOut)), 0);
    CHECK_EQ(LoadRaw<float>(scalarOut->Download().data()), 1.0f);
}

// A float32 softmax row as docs/simulator.md defines it, one value at a time and never vectorised:
// the row maximum, e^(x - max) by the library's ExpFloat, 32 partial sums (element i goes to
// lane i % 32, the tail to the first lanes) added in lane order, then each value divided by the sum.
#if defined(__GNUC__) && !defined(__clang__)
__attribute__((noinline, optimize("no-tree-vectorize")))
#endif
void ScalarSoftmaxRow(const float *x, float *y, int64_t n) {
    float maximum = x[0];
    for (int64_t i = 1; i < n; ++i) {
        maximum = x[i] > maximum ? x[i] : maximum;
    }
    constexpr int kLanes = 32;
    float lanes[kLanes] = {};
    for (int64_t i = 0; i < n; ++i) {
        y[i] = aclsim::nn::ExpFloat(x[i] - maximum);
    }
    int64_t i = 0;
    for (; i + kLanes <= n; i += kLanes) {
        for (int j = 0; j < kLanes; ++j) {
            lanes[j] += y[i + j];
        }
    }
    for (int j = 0; i < n; ++i, ++j) {
        lanes[j] += y[i];
    }
    float sum = 0;
    for (float lane : lanes) {
        sum += lane;
    }
    for (int64_t k = 0; k < n; ++k) {
        y[k] = y[k] / sum;
    }
}

TEST_CASE("float32 Softmax rows give the bits of the scalar definition (vectorised e^x, maximum and sum)") {
    REQUIRE(Session().ok);
    // Row lengths around the vector widths and a long one; values spread over [-60, 60].
    for (int64_t length :
         {int64_t{1}, int64_t{7}, int64_t{8}, int64_t{17}, int64_t{33}, int64_t{1003}, int64_t{4096}}) {
        auto self = Make(ACL_FLOAT, {3, length});
        std::vector<float> x(static_cast<size_t>(3 * length));
        for (size_t i = 0; i < x.size(); ++i) {
            x[i] = static_cast<float>(static_cast<int64_t>(i * 7919 % 12001) - 6000) * 0.01f;
            StoreRaw(&self->host()[i * 4], x[i]);
        }
        self->Upload();
        auto out = Make(ACL_FLOAT, {3, length});
        CHECK_EQ(Run(SoftmaxCall(*self, -1, *out)), 0);
        std::vector<float> expected(x.size());
        for (int64_t row = 0; row < 3; ++row) {
            ScalarSoftmaxRow(&x[static_cast<size_t>(row * length)], &expected[static_cast<size_t>(row * length)],
                             length);
        }
        std::vector<unsigned char> expectedBytes(expected.size() * 4);
        std::memcpy(expectedBytes.data(), expected.data(), expectedBytes.size());
        CHECK(SameStorage(ACL_FLOAT, out->Download(), expectedBytes, "Softmax row of " + std::to_string(length)));
    }
}

TEST_CASE("LayerNorm over the last dims, with and without weight, bias, mean and rstd") {
    REQUIRE(Session().ok);
    for (aclDataType type : {ACL_FLOAT, ACL_FLOAT16, ACL_BF16}) {
        auto input = Make(type, {4, 6, 10});
        auto weight = Make(type, {10});
        auto bias = Make(ACL_FLOAT, {6, 10});        // FLOAT is allowed next to any input dtype...
        auto floatWeight = Make(ACL_FLOAT, {6, 10}); // ... when both are FLOAT
        auto out = Make(type, {4, 6, 10});
        auto mean = Make(ACL_FLOAT, {4, 1, 1});
        auto rstd = Make(type, {4, 1, 1});
        const std::string what = std::string("LayerNorm ") + TypeName(type);
        LayerNormTensors all{input.get(), floatWeight.get(), bias.get(), out.get(), mean.get(), rstd.get()};
        CHECK_EQ(Run(LayerNormCall(all, {6, 10}, 1e-5)), 0);
        CHECK(CheckLayerNorm(all, 60, 1e-5, what + " weight+bias"));
        LayerNormTensors weightOnly{input.get(), weight.get(), nullptr, out.get(), nullptr, nullptr};
        CHECK_EQ(Run(LayerNormCall(weightOnly, {10}, 0.1)), 0);
        CHECK(CheckLayerNorm(weightOnly, 10, 0.1, what + " weight over [10]"));
    }
    auto input = Make(ACL_FLOAT, {300, 4096});
    auto out = Make(ACL_FLOAT, {300, 4096});
    LayerNormTensors bare{input.get(), nullptr, nullptr, out.get(), nullptr, nullptr};
    CHECK_EQ(Run(LayerNormCall(bare, {4096}, 1e-5)), 0);
    CHECK(CheckLayerNorm(bare, 4096, 1e-5, "parallel rows, no affine"));
    auto inputT = Make(ACL_FLOAT, {8, 5}, {1, 8});
    auto outT = Make(ACL_FLOAT, {8, 5}, {1, 8});
    auto biasOnly = Make(ACL_FLOAT, {5});
    auto rstd = Make(ACL_FLOAT, {8, 1}, {2, 1}, 1, 20);
    LayerNormTensors strided{inputT.get(), nullptr, biasOnly.get(), outT.get(), nullptr, rstd.get()};
    CHECK_EQ(Run(LayerNormCall(strided, {5}, 1e-5)), 0);
    CHECK(CheckLayerNorm(strided, 5, 1e-5, "strided, bias only"));
}

TEST_CASE("empty tensors launch nothing") {
    REQUIRE(Session().ok);
    auto self = Make(ACL_FLOAT, {0, 4});
    auto out = Make(ACL_FLOAT, {0, 4});
    CHECK_EQ(Run(SoftmaxCall(*self, 1, *out)), 0);
    LayerNormTensors t{self.get(), nullptr, nullptr, out.get(), nullptr, nullptr};
    CHECK_EQ(Run(LayerNormCall(t, {4}, 1e-5)), 0);
}

TEST_CASE("refusals: NULL 161001; dtypes, dims, shapes 161002") {
    REQUIRE(Session().ok);
    auto [f32, out, i32, f64, f16] = MakeEach({ACL_FLOAT, ACL_FLOAT, ACL_INT32, ACL_DOUBLE, ACL_FLOAT16}, {4, 6});
    auto wrong = Make(ACL_FLOAT, {4, 5});
    auto [w6, w6f16, w6bf16] = MakeEach({ACL_FLOAT, ACL_FLOAT16, ACL_BF16}, {6});
    auto w5 = Make(ACL_FLOAT, {5});
    auto mean = Make(ACL_FLOAT, {4, 1});
    auto badMean = Make(ACL_FLOAT, {4});
    uint64_t ws = 0;
    aclOpExecutor *ex = nullptr;
    CHECK_EQ(Prepare(SoftmaxCall(nullptr, 0, *out)), kNullptr);
    CHECK_EQ(Prepare(SoftmaxCall(*f32, 0, nullptr)), kNullptr);
    CHECK_EQ(aclnnSoftmaxGetWorkspaceSize(*f32, 0, *out, nullptr, &ex), kNullptr);
    CHECK_EQ(Prepare(SoftmaxCall(*i32, 0, *out)), kInvalid);
    CHECK_EQ(Prepare(SoftmaxCall(*f32, 0, *i32)), kInvalid);
    CHECK_EQ(Prepare(SoftmaxCall(*f32, 2, *out)), kInvalid);
    CHECK_EQ(Prepare(SoftmaxCall(*f32, -3, *out)), kInvalid);
    CHECK_EQ(Prepare(SoftmaxCall(*f32, 0, *wrong)), kInvalid);
    CHECK_EQ(Prepare(SoftmaxCall(*f32, -2, *f64)), 0); // out may be another supported dtype

    CHECK_EQ(Prepare(LayerNormCall({nullptr, nullptr, nullptr, out.get(), nullptr, nullptr}, {6}, 1e-5)), kNullptr);
    CHECK_EQ(Prepare(LayerNormCall({f32.get(), nullptr, nullptr, nullptr, nullptr, nullptr}, {6}, 1e-5)), kNullptr);
    CHECK_EQ(aclnnLayerNormGetWorkspaceSize(*f32, nullptr, nullptr, nullptr, 1e-5, *out, nullptr, nullptr, &ws, &ex),
             kNullptr);
    auto refuse = [&](LayerNormTensors t, std::vector<int64_t> shape) {
        return Prepare(LayerNormCall(t, shape, 1e-5));
    };
    CHECK_EQ(refuse({f64.get(), nullptr, nullptr, out.get(), nullptr, nullptr}, {6}), kInvalid); // DOUBLE input
    CHECK_EQ(refuse({f32.get(), nullptr, nullptr, out.get(), nullptr, nullptr}, {}), kInvalid);  // no dims
    CHECK_EQ(refuse({f32.get(), nullptr, nullptr, out.get(), nullptr, nullptr}, {5}), kInvalid); // not trailing
    CHECK_EQ(refuse({f32.get(), nullptr, nullptr, out.get(), nullptr, nullptr}, {1, 4, 6}), kInvalid);
    CHECK_EQ(refuse({f32.get(), w5.get(), nullptr, out.get(), nullptr, nullptr}, {6}), kInvalid);    // weight shape
    CHECK_EQ(refuse({f32.get(), w6f16.get(), nullptr, out.get(), nullptr, nullptr}, {6}), kInvalid); // weight dtype
    CHECK_EQ(refuse({f16.get(), w6f16.get(), w6bf16.get(), f16.get(), nullptr, nullptr}, {6}), kInvalid);
    CHECK_EQ(refuse({f32.get(), nullptr, nullptr, wrong.get(), nullptr, nullptr}, {6}), kInvalid);
    CHECK_EQ(refuse({f32.get(), nullptr, nullptr, out.get(), badMean.get(), nullptr}, {6}), kInvalid);
    CHECK_EQ(refuse({f32.get(), nullptr, nullptr, out.get(), nullptr, i32.get()}, {6}), kInvalid);
    CHECK_EQ(refuse({f16.get(), w6.get(), w6.get(), f16.get(), mean.get(), mean.get()}, {6}), 0);
}

TEST_CASE("eager, captured replay and task update give the same bytes") {
    REQUIRE(Session().ok);
    std::unique_ptr<DeviceTensor> x[2], y[2], w[2], b[2], z[2], m[2], r[2];
    for (int k = 0; k < 2; ++k) {
        x[k] = Make(ACL_FLOAT, {12, 40});
        y[k] = Make(ACL_FLOAT, {12, 40});
        w[k] = Make(ACL_FLOAT, {40});
        b[k] = Make(ACL_FLOAT, {40});
        z[k] = Make(ACL_FLOAT, {12, 40});
        m[k] = Make(ACL_FLOAT, {12, 1});
        r[k] = Make(ACL_FLOAT, {12, 1});
    }
    CHECK(CheckCaptureReplayUpdate([&](int k) { return SoftmaxCall(*x[k], 1, *y[k]); }, *y[0], *y[1], "Softmax"));
    CHECK(CheckCaptureReplayUpdate(
        [&](int k) {
            return LayerNormCall({x[k].get(), w[k].get(), b[k].get(), z[k].get(), m[k].get(), r[k].get()}, {40}, 1e-5);
        },
        *z[0], *z[1], "LayerNorm"));
}

TEST_CASE("no tensors, scalars or executors leak") {
    REQUIRE(Session().ok);
    ExpectNoOperatorObjectsLeft();
}

NN_TEST_MAIN()
