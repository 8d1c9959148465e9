// aclnnMatmul, aclnnMm and aclnnBatchMatMul against a double-precision reference: block edges of
// the packed kernel, transposed and offset views, 1-d operands, batch broadcasting, FLOAT16/BF16,
// cubeMathType USE_FP16, K = 0, empty outputs, the refusals with their codes, and eager vs
// captured replay vs task update.
#include <cmath>

#include "aclnnop/aclnn_batch_matmul.h"
#include "aclnnop/aclnn_matmul.h"
#include "aclnnop/aclnn_mm.h"
#include "nn_op_harness.h"

using namespace nntest;

namespace {

enum class Api { kMatmul, kMm, kBatchMatMul };

OpCall MatmulCall(Api api, aclTensor *self, aclTensor *mat2, aclTensor *out, int8_t cubeMathType = 0) {
    switch (api) {
    case Api::kMm:
        return {[=](uint64_t *ws, aclOpExecutor **ex) {
                    return aclnnMmGetWorkspaceSize(self, mat2, out, cubeMathType, ws, ex);
                },
                &aclnnMm};
    case Api::kBatchMatMul:
        return {[=](uint64_t *ws, aclOpExecutor **ex) {
                    return aclnnBatchMatMulGetWorkspaceSize(self, mat2, out, cubeMathType, ws, ex);
                },
                &aclnnBatchMatMul};
    default:
        return {[=](uint64_t *ws, aclOpExecutor **ex) {
                    return aclnnMatmulGetWorkspaceSize(self, mat2, out, cubeMathType, ws, ex);
                },
                &aclnnMatmul};
    }
}

// Element (i, j) of a tensor's trailing matrix dims at batch coordinates `batch` (right-aligned,
// size-1 dims broadcast); a 1-d tensor is a row (asRow) or a column.
double Element(const DeviceTensor &t, const std::vector<int64_t> &batch, int64_t i, int64_t j, bool asRow,
               bool toHalf) {
    const TensorSpec &s = t.spec();
    int64_t at = s.offset;
    const size_t rank = s.dims.size();
    if (rank == 1) {
        at += (asRow ? j : i) * s.strides[0];
    } else {
        at += i * s.strides[rank - 2] + j * s.strides[rank - 1];
        const size_t own = rank - 2;
        for (size_t d = 0; d < own; ++d) {
            const int64_t coord = batch[batch.size() - own + d];
            at += (s.dims[d] == 1 ? 0 : coord) * s.strides[d];
        }
    }
    const float value = ReadAs<float>(s.type, &t.host()[at * SizeOf(s.type)]);
    return toHalf ? RoundHalf(value) : value;
}

// Checks out against sum_k self(i, k) mat2(k, j) within float32 accumulation error.
bool CheckProduct(DeviceTensor &self, DeviceTensor &mat2, DeviceTensor &out, bool toHalf, const std::string &what,
                  bool report = true) {
    const TensorSpec &a = self.spec();
    const TensorSpec &b = mat2.spec();
    const TensorSpec &c = out.spec();
    const bool aVector = a.dims.size() == 1;
    const bool bVector = b.dims.size() == 1;
    const int64_t m = aVector ? 1 : a.dims[a.dims.size() - 2];
    const int64_t k = a.dims.back();
    const int64_t n = bVector ? 1 : b.dims.back();
    const size_t batchRank = c.dims.size() - (aVector ? 0 : 1) - (bVector ? 0 : 1);
    const std::vector<int64_t> batchShape(c.dims.begin(), c.dims.begin() + static_cast<std::ptrdiff_t>(batchRank));
    const std::vector<unsigned char> actual = out.Download();
    std::vector<int64_t> batch(batchRank, 0);
    size_t failures = 0;
    for (int64_t index = 0; index < ElementCount(batchShape); ++index) {
        for (int64_t i = 0; i < m; ++i) {
            for (int64_t j = 0; j < n; ++j) {
                double sum = 0;
                double magnitude = 0;
                for (int64_t p = 0; p < k; ++p) {
                    const double x = Element(self, batch, i, p, true, toHalf);
                    const double y = Element(mat2, batch, p, j, false, toHalf);
                    sum += x * y;
                    magnitude += std::fabs(x * y);
                }
                int64_t at = c.offset;
                for (size_t d = 0; d < batchRank; ++d) {
                    at += batch[d] * c.strides[d];
                }
                size_t dim = c.dims.size();
                if (!bVector) {
                    at += j * c.strides[--dim];
                }
                if (!aVector) {
                    at += i * c.strides[--dim];
                }
                const double got = ReadAs<double>(c.type, &actual[at * SizeOf(c.type)]);
                const double allowed = 1e-6 * magnitude + Tolerance(c.type) * std::fabs(sum) + 1e-30;
                if (!(std::fabs(got - sum) <= allowed) && failures++ < 4 && report) {
                    std::fprintf(stderr, "  %s: (%lld, %lld) is %.9g, expected %.9g\n", what.c_str(),
                                 static_cast<long long>(i), static_cast<long long>(j), got, sum);
                }
            }
        }
        for (size_t d = batchRank; d-- > 0;) {
            if (++batch[d] < batchShape[d]) {
                break;
            }
            batch[d] = 0;
        }
    }
    return failures == 0;
}

} // namespace

TEST_CASE("Mm over shapes crossing every block edge of the packed kernel") {
    REQUIRE(Session().ok);
    const int64_t shapes[][3] = {{1, 1, 1}, {6, 16, 16}, {7, 300, 37}, {130, 17, 530}, {5, 513, 3}, {257, 64, 255}};
    for (const auto &shape : shapes) {
        auto self = Make(ACL_FLOAT, {shape[0], shape[1]});
        auto mat2 = Make(ACL_FLOAT, {shape[1], shape[2]});
        auto out = Make(ACL_FLOAT, {shape[0], shape[2]});
        const std::string what =
            "Mm " + std::to_string(shape[0]) + "x" + std::to_string(shape[1]) + "x" + std::to_string(shape[2]);
        CHECK_EQ(Run(MatmulCall(Api::kMm, *self, *mat2, *out)), 0);
        CHECK(CheckProduct(*self, *mat2, *out, false, what));
    }
}

TEST_CASE("transposed, offset and strided operands and outputs") {
    REQUIRE(Session().ok);
    auto selfT = Make(ACL_FLOAT, {20, 30}, {1, 20});         // the transpose of a 30 x 20 matrix
    auto mat2 = Make(ACL_FLOAT, {30, 18}, {40, 2}, 5, 1300); // every other column, from offset 5
    auto out = Make(ACL_FLOAT, {20, 18}, {1, 20});           // column-major
    CHECK_EQ(Run(MatmulCall(Api::kMm, *selfT, *mat2, *out)), 0);
    CHECK(CheckProduct(*selfT, *mat2, *out, false, "transposed and strided"));
    auto outF16 = Make(ACL_FLOAT16, {20, 18}, {20, 1}, 3, 400);
    CHECK_EQ(Run(MatmulCall(Api::kMatmul, *selfT, *mat2, *outF16)), 0);
    CHECK(CheckProduct(*selfT, *mat2, *outF16, false, "FLOAT16 out at an offset"));
}

TEST_CASE("Matmul follows torch.matmul: 1-d operands, batch broadcasting") {
    REQUIRE(Session().ok);
    struct Case {
        std::vector<int64_t> a, b, out;
    };
    const Case cases[] = {
        {{7}, {7}, {}},                          // dot product
        {{7}, {7, 5}, {5}},                      // row vector
        {{4, 7}, {7}, {4}},                      // matrix-vector
        {{3, 4, 7}, {7}, {3, 4}},                // batched matrix-vector
        {{7}, {2, 7, 5}, {2, 5}},                // vector-batched matrix
        {{2, 1, 4, 5}, {3, 5, 6}, {2, 3, 4, 6}}, // broadcast batch dims
        {{1, 2, 1, 2, 3, 4}, {2, 1, 4, 5}, {1, 2, 2, 2, 3, 5}},
    };
    for (const Case &c : cases) {
        auto self = Make(ACL_FLOAT, c.a);
        auto mat2 = Make(ACL_FLOAT, c.b);
        auto out = Make(ACL_FLOAT, c.out);
        const std::string what = "Matmul " + ShapeName(c.a) + " @ " + ShapeName(c.b);
        CHECK_EQ(Run(MatmulCall(Api::kMatmul, *self, *mat2, *out)), 0);
        CHECK(CheckProduct(*self, *mat2, *out, false, what));
    }
}

TEST_CASE("BatchMatMul, FLOAT16 and BF16 inputs, and cubeMathType USE_FP16 on FLOAT inputs") {
    REQUIRE(Session().ok);
    for (aclDataType type : {ACL_FLOAT, ACL_FLOAT16, ACL_BF16}) {
        auto self = Make(type, {3, 9, 20});
        auto mat2 = Make(type, {3, 20, 11});
        auto out = Make(type, {3, 9, 11});
        CHECK_EQ(Run(MatmulCall(Api::kBatchMatMul, *self, *mat2, *out)), 0);
        CHECK(CheckProduct(*self, *mat2, *out, false, std::string("BatchMatMul ") + TypeName(type)));
    }
    auto self = Make(ACL_FLOAT, {9, 40});
    auto mat2 = Make(ACL_FLOAT, {40, 11});
    auto out = Make(ACL_FLOAT, {9, 11});
    CHECK_EQ(Run(MatmulCall(Api::kMm, *self, *mat2, *out, 2)), 0);
    CHECK(CheckProduct(*self, *mat2, *out, true, "USE_FP16"));
    CHECK(!CheckProduct(*self, *mat2, *out, false, "USE_FP16 vs exact float32 inputs", false)); // it does round
    for (int8_t mode : {0, 1, 3}) { // the HF32 modes compute in float32 here
        CHECK_EQ(Run(MatmulCall(Api::kMm, *self, *mat2, *out, mode)), 0);
        CHECK(CheckProduct(*self, *mat2, *out, false, "cubeMathType " + std::to_string(mode)));
    }
}

TEST_CASE("a large product split over the worker pool") {
    REQUIRE(Session().ok);
    struct Product {
        int64_t m, k, n;
        const char *what;
    };
    for (const Product &p : {Product{96, 200, 300, "wide"}, Product{400, 100, 20, "tall"}}) {
        auto self = Make(ACL_FLOAT, {p.m, p.k});
        auto mat2 = Make(ACL_FLOAT, {p.k, p.n});
        auto out = Make(ACL_FLOAT, {p.m, p.n});
        CHECK_EQ(Run(MatmulCall(Api::kMm, *self, *mat2, *out)), 0);
        CHECK(CheckProduct(*self, *mat2, *out, false, p.what));
    }
}

TEST_CASE("K = 0 gives zeros; empty outputs launch nothing") {
    REQUIRE(Session().ok);
    auto self = Make(ACL_FLOAT, {3, 0});
    auto mat2 = Make(ACL_FLOAT, {0, 4});
    auto out = Make(ACL_FLOAT, {3, 4});
    CHECK_EQ(Run(MatmulCall(Api::kMm, *self, *mat2, *out)), 0);
    const std::vector<unsigned char> bytes = out->Download();
    for (size_t i = 0; i < 12; ++i) {
        CHECK_EQ(LoadRaw<float>(&bytes[i * 4]), 0.0f);
    }
    auto none = Make(ACL_FLOAT, {0, 5});
    auto mat = Make(ACL_FLOAT, {5, 4});
    auto emptyOut = Make(ACL_FLOAT, {0, 4});
    CHECK_EQ(Run(MatmulCall(Api::kMm, *none, *mat, *emptyOut)), 0);
}

TEST_CASE("refusals: NULL 161001; dtypes, shapes, ranks, cubeMathType and overlapping out 161002") {
    REQUIRE(Session().ok);
    // self (4 x 5), mat2 (5 x 6) and out (4 x 6) in the dtypes under test.
    auto [a, aI32, aF16, aBf16] = MakeEach({ACL_FLOAT, ACL_INT32, ACL_FLOAT16, ACL_BF16}, {4, 5});
    auto [b, bBf16, bF16] = MakeEach({ACL_FLOAT, ACL_BF16, ACL_FLOAT16}, {5, 6});
    auto [c, cBf16] = MakeEach({ACL_FLOAT, ACL_BF16}, {4, 6});
    auto a3 = Make(ACL_FLOAT, {2, 4, 5});
    auto b3 = Make(ACL_FLOAT, {3, 5, 6});
    auto c3 = Make(ACL_FLOAT, {3, 4, 6});
    auto wrongK = Make(ACL_FLOAT, {4, 6});
    auto wrongOut = Make(ACL_FLOAT, {4, 7});
    auto sevenDims = Make(ACL_FLOAT, {1, 1, 1, 1, 1, 4, 5});
    auto overlapping = Make(ACL_FLOAT, {4, 6}, {0, 1});
    uint64_t ws = 0;
    aclOpExecutor *ex = nullptr;
    CHECK_EQ(Prepare(MatmulCall(Api::kMatmul, nullptr, *b, *c)), kNullptr);
    CHECK_EQ(Prepare(MatmulCall(Api::kMm, *a, nullptr, *c)), kNullptr);
    CHECK_EQ(Prepare(MatmulCall(Api::kBatchMatMul, *a3, *b3, nullptr)), kNullptr);
    CHECK_EQ(aclnnMmGetWorkspaceSize(*a, *b, *c, 0, nullptr, &ex), kNullptr);
    CHECK_EQ(aclnnMmGetWorkspaceSize(*a, *b, *c, 0, &ws, nullptr), kNullptr);
    CHECK_EQ(Prepare(MatmulCall(Api::kMm, *aI32, *b, *c)), kInvalid);
    CHECK_EQ(Prepare(MatmulCall(Api::kMm, *aF16, *bBf16, *c)), kInvalid); // FLOAT16 with BF16
    CHECK_EQ(Prepare(MatmulCall(Api::kMm, *a, *bBf16, *c)), kInvalid);    // FLOAT with BF16
    CHECK_EQ(Prepare(MatmulCall(Api::kMm, *a, *wrongK, *c)), kInvalid);
    CHECK_EQ(Prepare(MatmulCall(Api::kMm, *a, *b, *wrongOut)), kInvalid);
    CHECK_EQ(Prepare(MatmulCall(Api::kMm, *a3, *b3, *c3)), kInvalid);          // Mm is 2-d only
    CHECK_EQ(Prepare(MatmulCall(Api::kBatchMatMul, *a, *b, *c)), kInvalid);    // BatchMatMul is 3-d only
    CHECK_EQ(Prepare(MatmulCall(Api::kBatchMatMul, *a3, *b3, *c3)), kInvalid); // batch 2 vs 3
    CHECK_EQ(Prepare(MatmulCall(Api::kMatmul, *a3, *b3, *c3)), kInvalid);      // 2 and 3 don't broadcast
    CHECK_EQ(Prepare(MatmulCall(Api::kMatmul, *sevenDims, *b, *c)), kInvalid);
    CHECK_EQ(Prepare(MatmulCall(Api::kMm, *aF16, *bF16, *c, 3)), kInvalid); // USE_HF32 needs FLOAT
    CHECK_EQ(Prepare(MatmulCall(Api::kMm, *aF16, *b, *c, 3)), 0);           // FLOAT16 with FLOAT promotes to FLOAT
    CHECK_EQ(Prepare(MatmulCall(Api::kMm, *aBf16, *bBf16, *cBf16, 2)), kInvalid); // USE_FP16 not for BF16
    CHECK_EQ(Prepare(MatmulCall(Api::kMm, *a, *b, *c, 7)), kInvalid);
    CHECK_EQ(Prepare(MatmulCall(Api::kMm, *a, *b, *overlapping)), kInvalid);
    CHECK_EQ(Prepare(MatmulCall(Api::kMm, *aBf16, *bBf16, *cBf16)), 0);
}

TEST_CASE("eager, captured replay and task update give the same bytes") {
    REQUIRE(Session().ok);
    std::unique_ptr<DeviceTensor> a[2], b[2], c[2];
    for (int k = 0; k < 2; ++k) {
        a[k] = Make(ACL_FLOAT, {2, 33, 70});
        b[k] = Make(ACL_FLOAT, {70, 19});
        c[k] = Make(ACL_FLOAT, {2, 33, 19});
    }
    CHECK(CheckCaptureReplayUpdate([&](int k) { return MatmulCall(Api::kMatmul, *a[k], *b[k], *c[k]); }, *c[0], *c[1],
                                   "Matmul"));
}

TEST_CASE("no tensors, scalars or executors leak") {
    REQUIRE(Session().ok);
    ExpectNoOperatorObjectsLeft();
}

NN_TEST_MAIN()
