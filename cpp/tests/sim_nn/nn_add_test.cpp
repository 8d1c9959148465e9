// aclnnAdd family against a scalar reference: type promotion and out casts, alpha types,
// broadcasting, non-contiguous views, empty tensors, the in-place and scalar variants, executor
// lifetime and rebinding, argument errors, and the kernel names recorded in a captured model.
#include <fstream>
#include <sstream>

#include "nn_test_support.h"

using namespace nntest;

namespace {

// An alpha the promoted type accepts, not 1 (so the Axpy / Mul+Add paths run).
HostScalar AlphaFor(aclDataType promoted) {
    if (promoted == ACL_BOOL) {
        return HostScalar::Bool(true);
    }
    if (IsInteger(promoted)) {
        return HostScalar::Int64(3);
    }
    if (IsComplex(promoted)) {
        return HostScalar::Complex64(0.5f, -2.0f);
    }
    return HostScalar::Float(1.1f);
}

// CANN's CanCast as its code (op::CanCast) has it: nothing but BOOL casts to BOOL, complex only to
// complex, a floating type not to an integer type.
bool IsFloating(aclDataType t) {
    return t == ACL_FLOAT16 || t == ACL_BF16 || t == ACL_FLOAT || t == ACL_DOUBLE;
}

bool ExpectCastable(aclDataType from, aclDataType to) {
    if (to == ACL_BOOL) {
        return from == ACL_BOOL;
    }
    if (IsComplex(from)) {
        return IsComplex(to);
    }
    return !(IsFloating(from) && IsInteger(to));
}

std::string Pair(aclDataType a, aclDataType b) {
    return std::string(TypeName(a)) + "+" + TypeName(b);
}

} // namespace

TEST_CASE("every dtype pair promotes as the table says, with the reference's values") {
    REQUIRE(Session().ok);
    for (int i = 0; i < 12; ++i) {
        for (int j = 0; j < 12; ++j) {
            const aclDataType selfType = kAllTypes[i];
            const aclDataType otherType = kAllTypes[j];
            const aclDataType promoted = kPromotion[i][j];
            auto self = Make(selfType, {3, 5});
            auto other = Make(otherType, {5}); // row broadcast
            auto out = Make(promoted, {3, 5});
            CHECK(CheckAdd(*self, *other, AlphaFor(promoted), *out, promoted, Pair(selfType, otherType)));
        }
    }
}

TEST_CASE("out may be any type the promoted type casts to; others are refused") {
    REQUIRE(Session().ok);
    ForEachTypePair([&](aclDataType promoted, aclDataType outType) {
        auto self = Make(promoted, {2, 7});
        auto other = Make(promoted, {2, 7});
        auto out = Make(outType, {2, 7});
        const std::string what = std::string(TypeName(promoted)) + " -> out " + TypeName(outType);
        if (ExpectCastable(promoted, outType)) {
            CHECK(CheckAdd(*self, *other, AlphaFor(promoted), *out, promoted, what));
        } else {
            ScalarHandle alpha(AlphaFor(promoted));
            const aclnnStatus status = RunAdd(*self, *other, alpha, *out);
            if (status != kInvalid) {
                std::fprintf(stderr, "  %s: status %d, expected 161002\n", what.c_str(), status);
            }
            CHECK_EQ(status, kInvalid);
        }
    });
}

TEST_CASE("values CANN refuses: a floating result into an integer out, a floating alpha for integer tensors") {
    REQUIRE(Session().ok);
    auto floats = Make(ACL_FLOAT, {4});
    auto ints = Make(ACL_INT32, {4});
    auto intOut = Make(ACL_INT32, {4});
    ScalarHandle one(HostScalar::Float(1.0f));
    CHECK_EQ(RunAdd(*floats, *floats, one, *intOut), kInvalid); // FLOAT can't be cast to INT32
    ScalarHandle fractional(HostScalar::Float(1.5f));
    CHECK_EQ(RunAdd(*ints, *ints, fractional, *intOut), kInvalid); // alpha FLOAT can't be cast to INT32
    ScalarHandle complexAlpha(HostScalar::Complex64(1.0f, 0.0f));
    CHECK_EQ(RunAdd(*floats, *floats, complexAlpha, *floats), kInvalid); // complex alpha for FLOAT tensors
    ScalarHandle integral(HostScalar::Int64(2));
    CHECK_EQ(RunAdd(*ints, *ints, integral, *intOut), 0);
}

TEST_CASE("integer arithmetic wraps around as two's complement") {
    REQUIRE(Session().ok);
    auto self = Make(ACL_INT32, {3});
    auto other = Make(ACL_INT32, {3});
    auto out = Make(ACL_INT32, {3});
    const int32_t a[] = {INT32_MAX, INT32_MIN, 100000};
    const int32_t b[] = {1, -1, 100000};
    std::memcpy(self->host().data(), a, sizeof a);
    std::memcpy(other->host().data(), b, sizeof b);
    self->Upload();
    other->Upload();
    ScalarHandle alpha(HostScalar::Int64(100000));
    REQUIRE(RunAdd(*self, *other, alpha, *out) == 0);
    const std::vector<unsigned char> result = out->Download();
    CHECK_EQ(LoadRaw<int32_t>(&result[0]), static_cast<int32_t>(static_cast<uint32_t>(INT32_MAX) + 100000u));
    CHECK_EQ(LoadRaw<int32_t>(&result[4]), static_cast<int32_t>(static_cast<uint32_t>(INT32_MIN) - 100000u));
    CHECK_EQ(LoadRaw<int32_t>(&result[8]), static_cast<int32_t>(100000u + 100000u * 100000u));

    auto small = Make(ACL_INT8, {1});
    auto smallOut = Make(ACL_INT8, {1});
    small->host()[0] = 100;
    small->Upload();
    ScalarHandle two(HostScalar::Int64(2));
    REQUIRE(RunAdd(*small, *small, two, *smallOut) == 0);
    CHECK_EQ(static_cast<int>(static_cast<int8_t>(smallOut->Download()[0])), 300 - 256); // 100 + 2 * 100
}

TEST_CASE("BOOL + BOOL is a logical or; an integer alpha counts as true or false") {
    REQUIRE(Session().ok);
    auto self = Make(ACL_BOOL, {4});
    auto other = Make(ACL_BOOL, {4});
    const unsigned char a[] = {0, 0, 1, 1};
    const unsigned char b[] = {0, 1, 0, 1};
    std::memcpy(self->host().data(), a, 4);
    std::memcpy(other->host().data(), b, 4);
    self->Upload();
    other->Upload();
    for (int64_t alphaValue : {1, 2, 0}) {
        ScalarHandle alpha(HostScalar::Int64(alphaValue));
        auto outBool = Make(ACL_BOOL, {4});
        auto outInt = Make(ACL_INT32, {4});
        REQUIRE(RunAdd(*self, *other, alpha, *outBool) == 0);
        REQUIRE(RunAdd(*self, *other, alpha, *outInt) == 0);
        const std::vector<unsigned char> bools = outBool->Download();
        const std::vector<unsigned char> ints = outInt->Download();
        for (int i = 0; i < 4; ++i) {
            const int expected = (a[i] != 0 || (alphaValue != 0 && b[i] != 0)) ? 1 : 0;
            CHECK_EQ(static_cast<int>(bools[i]), expected);
            CHECK_EQ(LoadRaw<int32_t>(&ints[i * 4]), expected); // 1 + 1 is true, stored as 1, never 2
        }
    }
}

TEST_CASE("FLOAT16 and BF16 compute in float32 and round once to nearest even") {
    REQUIRE(Session().ok);
    for (aclDataType half : {ACL_FLOAT16, ACL_BF16}) {
        auto self = Make(half, {64});
        auto other = Make(half, {64});
        auto out = Make(half, {64});
        auto outFloat = Make(ACL_FLOAT, {64});
        CHECK(CheckAdd(*self, *other, HostScalar::Float(1.1f), *out, half, TypeName(half)));
        // The result is rounded to the half type before it is widened to a float out.
        CHECK(CheckAdd(*self, *other, HostScalar::Float(1.1f), *outFloat, half,
                       std::string(TypeName(half)) + " -> FLOAT"));
    }
    // 2048 + 1 is a tie in FLOAT16 (spacing 2): ties go to the even neighbour 2048.
    auto self = Make(ACL_FLOAT16, {1});
    auto other = Make(ACL_FLOAT16, {1});
    auto out = Make(ACL_FLOAT16, {1});
    WriteAs(ACL_FLOAT16, 2048.0f, self->host().data());
    WriteAs(ACL_FLOAT16, 1.0f, other->host().data());
    self->Upload();
    other->Upload();
    ScalarHandle one(HostScalar::Float(1.0f));
    REQUIRE(RunAdd(*self, *other, one, *out) == 0);
    CHECK_EQ(ReadAs<float>(ACL_FLOAT16, out->Download().data()), 2048.0f);
}

TEST_CASE("alpha of several dtypes is converted to the promoted type") {
    REQUIRE(Session().ok);
    struct Case {
        aclDataType tensors;
        HostScalar alpha;
    };
    const Case cases[] = {
        {ACL_FLOAT, HostScalar::Int64(3)},
        {ACL_FLOAT, HostScalar::Double(0.1)},
        {ACL_FLOAT, HostScalar::Bool(true)},
        {ACL_DOUBLE, HostScalar::Float(0.1f)},
        {ACL_INT32, HostScalar::Int32(-7)},
        {ACL_UINT8, HostScalar::Int64(300)}, // wraps to 44
        {ACL_INT16, HostScalar::Bool(true)},
        {ACL_BOOL, HostScalar::Int64(5)},
        {ACL_FLOAT16, HostScalar::Double(1e-4)},
        {ACL_BF16, HostScalar::Float(1.1f)},
        {ACL_COMPLEX64, HostScalar::Complex64(1.5f, 2.0f)},
        {ACL_COMPLEX128, HostScalar::Int32(2)},
    };
    for (const Case &c : cases) {
        auto self = Make(c.tensors, {4, 3});
        auto other = Make(c.tensors, {4, 3});
        auto out = Make(c.tensors, {4, 3});
        CHECK(CheckAdd(*self, *other, c.alpha, *out, c.tensors,
                       std::string("alpha ") + TypeName(c.alpha.type) + " on " + TypeName(c.tensors)));
    }
    // CANN's CanCast refuses a floating alpha for integer tensors and a complex one for real tensors.
    const Case refused[] = {
        {ACL_INT32, HostScalar::Float(2.9f)},
        {ACL_INT64, HostScalar::Double(-1.5)},
        {ACL_FLOAT, HostScalar::Complex64(2.0f, 5.0f)},
    };
    for (const Case &c : refused) {
        auto self = Make(c.tensors, {4, 3});
        auto other = Make(c.tensors, {4, 3});
        auto out = Make(c.tensors, {4, 3});
        ScalarHandle alpha(c.alpha);
        CHECK_EQ(RunAdd(*self, *other, alpha, *out), kInvalid);
    }
}

TEST_CASE("an alpha that can't be cast to the promoted type is refused") {
    REQUIRE(Session().ok);
    struct Case {
        aclDataType tensors;
        HostScalar alpha;
    };
    uint16_t unsignedShort = 2;
    const Case cases[] = {
        {ACL_INT32, HostScalar::Complex64(1, 1)}, // complex never casts to an integer
        {ACL_BOOL, HostScalar::Float(1.0f)},      // BOOL needs a BOOL or integer alpha
        {ACL_BOOL, HostScalar::Complex64(1, 0)},
        {ACL_FLOAT, HostScalar::Of(ACL_UINT16, unsignedShort)}, // not one of the operator's types
    };
    for (const Case &c : cases) {
        auto self = Make(c.tensors, {2});
        auto other = Make(c.tensors, {2});
        auto out = Make(c.tensors, {2});
        ScalarHandle alpha(c.alpha);
        REQUIRE(alpha.scalar != nullptr);
        uint64_t workspaceSize = 0;
        aclOpExecutor *executor = nullptr;
        CHECK_EQ(aclnnAddGetWorkspaceSize(*self, *other, alpha, *out, &workspaceSize, &executor), kInvalid);
        CHECK(executor == nullptr);
        CHECK(std::string(aclGetRecentErrMsg()).find("alpha") != std::string::npos);
    }
}

TEST_CASE("alpha is fixed when the operator is planned") {
    REQUIRE(Session().ok);
    auto self = Make(ACL_FLOAT, {8});
    auto other = Make(ACL_FLOAT, {8});
    auto out = Make(ACL_FLOAT, {8});
    float alphaValue = 2.5f;
    aclScalar *alpha = aclCreateScalar(&alphaValue, ACL_FLOAT);
    alphaValue = 100.0f; // the scalar copied the value
    uint64_t workspaceSize = 0;
    aclOpExecutor *executor = nullptr;
    REQUIRE(aclnnAddGetWorkspaceSize(*self, *other, alpha, *out, &workspaceSize, &executor) == 0);
    CHECK_EQ(aclDestroyScalar(alpha), 0); // nor does the kernel need the scalar any more
    REQUIRE(aclnnAdd(nullptr, 0, executor, Session().stream) == 0);
    REQUIRE(aclrtSynchronizeStream(Session().stream) == ACL_SUCCESS);
    CHECK(SameStorage(ACL_FLOAT, out->Download(), ExpectedAdd(*self, *other, HostScalar::Float(2.5f), ACL_FLOAT, *out),
                      "alpha 2.5"));
}

TEST_CASE("broadcasting: scalar-like, rows, columns, rank padding, both sides") {
    REQUIRE(Session().ok);
    struct Case {
        std::vector<int64_t> self, other, out;
    };
    const Case cases[] = {
        {{4, 5}, {1}, {4, 5}},
        {{4, 5}, {}, {4, 5}},
        {{}, {4, 5}, {4, 5}},
        {{4, 5}, {5}, {4, 5}},
        {{4, 5}, {4, 1}, {4, 5}},
        {{4, 1}, {1, 5}, {4, 5}},
        {{2, 3, 4}, {4}, {2, 3, 4}},
        {{2, 3, 4}, {3, 1}, {2, 3, 4}},
        {{2, 1, 4}, {3, 1}, {2, 3, 4}},
        {{1}, {1}, {1}},
        {{}, {}, {}},
        {{1, 1, 7}, {7, 1, 1}, {7, 1, 7}},
        {{2, 1, 3, 1, 2, 1, 2, 1}, {2, 1, 2, 1, 2, 1, 2}, {2, 2, 3, 2, 2, 2, 2, 2}}, // 8 dims
    };
    for (aclDataType type : {ACL_FLOAT, ACL_INT64, ACL_FLOAT16}) {
        for (const Case &c : cases) {
            auto self = Make(type, c.self);
            auto other = Make(type, c.other);
            auto out = Make(type, c.out);
            const HostScalar alpha = type == ACL_INT64 ? HostScalar::Int64(3) : HostScalar::Float(0.5f);
            CHECK(CheckAdd(*self, *other, alpha, *out, type, std::string(TypeName(type)) + " broadcast case"));
        }
    }
}

TEST_CASE("incompatible shapes, a wrong out shape and more than 8 dims are refused") {
    REQUIRE(Session().ok);
    ScalarHandle alpha(HostScalar::Float(1.0f));
    struct Case {
        std::vector<int64_t> self, other, out;
        const char *says;
    };
    const Case cases[] = {
        {{3}, {4}, {4}, "cannot be broadcast"},
        {{2, 3}, {3, 3}, {3, 3}, "cannot be broadcast"},
        {{4, 5}, {5}, {5}, "shape of out"}, // out is never resized
        {{4, 5}, {5}, {1, 4, 5}, "shape of out"},
        {{4, 1}, {1, 5}, {4, 1}, "shape of out"},
        {{1, 1, 1, 1, 1, 1, 1, 1, 2}, {2}, {1, 1, 1, 1, 1, 1, 1, 1, 2}, "at most 8"},
    };
    for (const Case &c : cases) {
        auto self = Make(ACL_FLOAT, c.self);
        auto other = Make(ACL_FLOAT, c.other);
        auto out = Make(ACL_FLOAT, c.out);
        uint64_t workspaceSize = 0;
        aclOpExecutor *executor = nullptr;
        CHECK_EQ(aclnnAddGetWorkspaceSize(*self, *other, alpha, *out, &workspaceSize, &executor), kInvalid);
        const std::string message = aclGetRecentErrMsg();
        if (message.find(c.says) == std::string::npos) {
            std::fprintf(stderr, "  message '%s' does not say '%s'\n", message.c_str(), c.says);
        }
        CHECK(message.find(c.says) != std::string::npos);
    }
}

TEST_CASE("non-contiguous inputs and outputs: transposes, offsets, views into larger storage") {
    REQUIRE(Session().ok);
    for (aclDataType type : {ACL_FLOAT, ACL_INT32, ACL_DOUBLE, ACL_BF16, ACL_COMPLEX64, ACL_BOOL, ACL_INT8}) {
        const std::string name = TypeName(type);
        // Transposed self (a [5, 4] buffer read as [4, 5]), contiguous other and out.
        {
            auto self = Make(type, {4, 5}, {1, 4});
            auto other = Make(type, {4, 5});
            auto out = Make(type, {4, 5});
            CHECK(CheckAdd(*self, *other, AlphaFor(type), *out, type, name + " transposed self"));
        }
        // Both inputs strided views with offsets into larger storage, out transposed.
        {
            auto self = Make(type, {3, 4}, {10, 2}, 5, 64);
            auto other = Make(type, {3, 4}, {1, 3}, 7, 40);
            auto out = Make(type, {3, 4}, {1, 3}, 0, 12);
            CHECK(CheckAdd(*self, *other, AlphaFor(type), *out, type, name + " strided views, transposed out"));
        }
        // out a view with gaps into a larger buffer: the gaps must stay untouched.
        {
            auto self = Make(type, {2, 3, 4});
            auto other = Make(type, {3, 1}, {5, 0}, 2, 20);
            auto out = Make(type, {2, 3, 4}, {40, 12, 2}, 3, 100);
            CHECK(CheckAdd(*self, *other, AlphaFor(type), *out, type, name + " out with gaps"));
        }
        // A stride-0 (expanded) input along a dim of size > 1.
        {
            auto self = Make(type, {6, 5}, {0, 1});
            auto other = Make(type, {6, 5}, {1, 0}, 0, 6);
            auto out = Make(type, {6, 5});
            CHECK(CheckAdd(*self, *other, AlphaFor(type), *out, type, name + " expanded inputs"));
        }
    }
    // Mixed types through strided views.
    auto self = Make(ACL_FLOAT16, {5, 6}, {1, 5});
    auto other = Make(ACL_INT32, {6}, {3}, 1, 20);
    auto out = Make(ACL_DOUBLE, {5, 6}, {12, 2}, 1, 70);
    CHECK(CheckAdd(*self, *other, HostScalar::Float(2.0f), *out, ACL_FLOAT16, "mixed strided"));
}

TEST_CASE("views reaching past their storage, negative strides and offsets are refused") {
    REQUIRE(Session().ok);
    ScalarHandle alpha(HostScalar::Float(1.0f));
    auto good = Make(ACL_FLOAT, {2, 3});
    auto out = Make(ACL_FLOAT, {2, 3});
    void *memory = good->device();
    const int64_t dims[] = {2, 3};
    uint64_t workspaceSize = 0;
    aclOpExecutor *executor = nullptr;

    const int64_t stridesTooFar[] = {4, 1};
    const int64_t storage[] = {6};
    aclTensor *past = aclCreateTensor(dims, 2, ACL_FLOAT, stridesTooFar, 0, ACL_FORMAT_ND, storage, 1, memory);
    REQUIRE(past != nullptr);
    CHECK_EQ(aclnnAddGetWorkspaceSize(past, *good, alpha, *out, &workspaceSize, &executor), kInvalid);
    CHECK(std::string(aclGetRecentErrMsg()).find("storage") != std::string::npos);
    aclDestroyTensor(past);

    const int64_t negative[] = {-3, 1};
    aclTensor *flipped = aclCreateTensor(dims, 2, ACL_FLOAT, negative, 3, ACL_FORMAT_ND, storage, 1, memory);
    REQUIRE(flipped != nullptr);
    CHECK_EQ(aclnnAddGetWorkspaceSize(flipped, *good, alpha, *out, &workspaceSize, &executor), kInvalid);
    CHECK(std::string(aclGetRecentErrMsg()).find("negative stride") != std::string::npos);
    aclDestroyTensor(flipped);

    CHECK(aclCreateTensor(dims, 2, ACL_FLOAT, nullptr, -1, ACL_FORMAT_ND, storage, 1, memory) == nullptr);
    const int64_t negativeDims[] = {2, -3};
    CHECK(aclCreateTensor(negativeDims, 2, ACL_FLOAT, nullptr, 0, ACL_FORMAT_ND, storage, 1, memory) == nullptr);
    aclGetRecentErrMsg();
}

TEST_CASE("tensors outside device memory, or on two devices, are refused") {
    REQUIRE(Session().ok);
    ScalarHandle alpha(HostScalar::Float(1.0f));
    auto self = Make(ACL_FLOAT, {16});
    auto out = Make(ACL_FLOAT, {16});
    const int64_t dims[] = {16};
    uint64_t workspaceSize = 0;
    aclOpExecutor *executor = nullptr;

    std::vector<float> hostMemory(16);
    aclTensor *onHost = aclCreateTensor(dims, 1, ACL_FLOAT, nullptr, 0, ACL_FORMAT_ND, dims, 1, hostMemory.data());
    CHECK_EQ(aclnnAddGetWorkspaceSize(*self, onHost, alpha, *out, &workspaceSize, &executor), kInvalid);
    CHECK(std::string(aclGetRecentErrMsg()).find("device memory") != std::string::npos);
    aclDestroyTensor(onHost);

    void *pinned = nullptr;
    REQUIRE(aclrtMallocHost(&pinned, 64) == ACL_SUCCESS);
    aclTensor *onPinned = aclCreateTensor(dims, 1, ACL_FLOAT, nullptr, 0, ACL_FORMAT_ND, dims, 1, pinned);
    CHECK_EQ(aclnnAddGetWorkspaceSize(*self, onPinned, alpha, *out, &workspaceSize, &executor), kInvalid);
    aclDestroyTensor(onPinned);
    aclrtFreeHost(pinned);

    // A view reaching past the end of its allocation (its storage dims claim more than exists).
    const int64_t bigger[] = {32};
    aclTensor *overrun = aclCreateTensor(bigger, 1, ACL_FLOAT, nullptr, 0, ACL_FORMAT_ND, bigger, 1, self->device());
    auto bigOut = Make(ACL_FLOAT, {32});
    CHECK_EQ(aclnnAddGetWorkspaceSize(overrun, overrun, alpha, *bigOut, &workspaceSize, &executor), kInvalid);
    aclDestroyTensor(overrun);

    uint32_t devices = 0;
    if (aclrtGetDeviceCount(&devices) == ACL_SUCCESS && devices > 1) {
        REQUIRE(aclrtSetDevice(1) == ACL_SUCCESS);
        void *elsewhere = nullptr;
        REQUIRE(aclrtMalloc(&elsewhere, 64, ACL_MEM_MALLOC_HUGE_FIRST) == ACL_SUCCESS);
        REQUIRE(aclrtSetDevice(0) == ACL_SUCCESS);
        aclTensor *remote = aclCreateTensor(dims, 1, ACL_FLOAT, nullptr, 0, ACL_FORMAT_ND, dims, 1, elsewhere);
        CHECK_EQ(aclnnAddGetWorkspaceSize(*self, remote, alpha, *out, &workspaceSize, &executor), kInvalid);
        CHECK(std::string(aclGetRecentErrMsg()).find("same device") != std::string::npos);
        aclDestroyTensor(remote);
        aclrtFree(elsewhere);
    }
}

TEST_CASE("empty tensors give an executor that launches nothing") {
    REQUIRE(Session().ok);
    ScalarHandle alpha(HostScalar::Float(2.0f));
    const uint64_t executorsBefore = aclsimLiveObjects(ACLSIM_OBJ_EXECUTOR);
    struct Case {
        std::vector<int64_t> self, other, out;
    };
    const Case cases[] = {
        {{0}, {0}, {0}}, {{0, 4}, {4}, {0, 4}}, {{3, 0}, {1}, {3, 0}}, {{2, 1, 3}, {0, 1}, {2, 0, 3}}};
    for (const Case &c : cases) {
        // Empty views never touch memory, so not even a device address is needed.
        aclTensor *self = aclCreateTensor(c.self.data(), c.self.size(), ACL_FLOAT, nullptr, 0, ACL_FORMAT_ND,
                                          c.self.data(), c.self.size(), nullptr);
        aclTensor *other = aclCreateTensor(c.other.data(), c.other.size(), ACL_FLOAT, nullptr, 0, ACL_FORMAT_ND,
                                           c.other.data(), c.other.size(), nullptr);
        aclTensor *out = aclCreateTensor(c.out.data(), c.out.size(), ACL_FLOAT, nullptr, 0, ACL_FORMAT_ND, c.out.data(),
                                         c.out.size(), nullptr);
        REQUIRE(self != nullptr && other != nullptr && out != nullptr);
        uint64_t workspaceSize = 123;
        aclOpExecutor *executor = nullptr;
        CHECK_EQ(aclnnAddGetWorkspaceSize(self, other, alpha, out, &workspaceSize, &executor), 0);
        CHECK_EQ(workspaceSize, 0u);
        CHECK(executor != nullptr);
        CHECK_EQ(aclnnAdd(nullptr, 0, executor, Session().stream), 0);
        CHECK_EQ(aclrtSynchronizeStream(Session().stream), ACL_SUCCESS);
        aclDestroyTensor(self);
        aclDestroyTensor(other);
        aclDestroyTensor(out);
    }
    // Empty in-place and scalar variants too.
    auto empty = Make(ACL_INT32, {0, 3});
    auto row = Make(ACL_INT32, {3});
    ScalarHandle one(HostScalar::Int64(1));
    CHECK_EQ(RunInplaceAdd(*empty, *row, one), 0);
    CHECK_EQ(RunAdds(*empty, one, one, *empty), 0);
    CHECK_EQ(RunInplaceAdds(*empty, one, one), 0);
    CHECK_EQ(aclsimLiveObjects(ACLSIM_OBJ_EXECUTOR), executorsBefore);
}

TEST_CASE("aclnnInplaceAdd writes into selfRef, broadcasting other") {
    REQUIRE(Session().ok);
    for (aclDataType type : {ACL_FLOAT, ACL_INT16, ACL_FLOAT16, ACL_COMPLEX128}) {
        auto selfRef = Make(type, {4, 6}, {1, 4}); // transposed in place
        auto other = Make(type, {6});
        const HostScalar alpha = AlphaFor(type);
        const std::vector<unsigned char> expected = ExpectedAdd(*selfRef, *other, alpha, type, *selfRef);
        ScalarHandle alphaHandle(alpha);
        REQUIRE(RunInplaceAdd(*selfRef, *other, alphaHandle) == 0);
        CHECK(SameStorage(type, selfRef->Download(), expected, std::string("inplace ") + TypeName(type)));
    }
    // A lower-precision other promotes to selfRef's type; a higher one must cast back, which
    // CANN's CanCast refuses from a floating type to an integer one.
    auto selfRef = Make(ACL_FLOAT, {3, 3});
    auto other = Make(ACL_INT32, {3});
    const std::vector<unsigned char> expected =
        ExpectedAdd(*selfRef, *other, HostScalar::Float(1.5f), ACL_FLOAT, *selfRef);
    ScalarHandle alpha(HostScalar::Float(1.5f));
    REQUIRE(RunInplaceAdd(*selfRef, *other, alpha) == 0);
    CHECK(SameStorage(ACL_FLOAT, selfRef->Download(), expected, "inplace FLOAT += INT32"));
    auto intRef = Make(ACL_INT32, {3, 3});
    auto floatOther = Make(ACL_FLOAT, {3});
    ScalarHandle integralAlpha(HostScalar::Int64(1));
    CHECK_EQ(RunInplaceAdd(*intRef, *floatOther, integralAlpha), kInvalid); // FLOAT can't be cast to INT32

    // selfRef can't grow by broadcasting.
    auto narrow = Make(ACL_FLOAT, {1, 4});
    auto wide = Make(ACL_FLOAT, {3, 4});
    uint64_t workspaceSize = 0;
    aclOpExecutor *executor = nullptr;
    CHECK_EQ(aclnnInplaceAddGetWorkspaceSize(*narrow, *wide, alpha, &workspaceSize, &executor), kInvalid);
    CHECK(std::string(aclGetRecentErrMsg()).find("selfRef") != std::string::npos);
    // The result type must cast back to selfRef's type (FLOAT does not cast to BOOL).
    auto flags = Make(ACL_BOOL, {4});
    auto values = Make(ACL_FLOAT, {4});
    CHECK_EQ(aclnnInplaceAddGetWorkspaceSize(*flags, *values, alpha, &workspaceSize, &executor), kInvalid);
}

TEST_CASE("aclnnAdds and aclnnInplaceAdds promote a scalar other by category only") {
    REQUIRE(Session().ok);
    struct Case {
        aclDataType self;
        HostScalar other;
        aclDataType out;
        aclDataType promoted;
    };
    const Case cases[] = {
        {ACL_INT32, HostScalar::Int64(7), ACL_INT32, ACL_INT32},    // same category: self's type
        {ACL_INT8, HostScalar::Int64(1000), ACL_INT8, ACL_INT8},    // the scalar wraps to INT8
        {ACL_INT32, HostScalar::Float(2.5f), ACL_FLOAT, ACL_FLOAT}, // category lifted to float
        {ACL_INT32, HostScalar::Double(2.5), ACL_FLOAT, ACL_FLOAT}, // double scalar, float out
        {ACL_INT32, HostScalar::Double(2.5), ACL_DOUBLE, ACL_DOUBLE},
        {ACL_BOOL, HostScalar::Int64(3), ACL_INT64, ACL_INT64},
        {ACL_BOOL, HostScalar::Bool(true), ACL_BOOL, ACL_BOOL},
        {ACL_BOOL, HostScalar::Bool(true), ACL_INT32, ACL_BOOL},          // true + true stays 1
        {ACL_FLOAT16, HostScalar::Double(0.1), ACL_FLOAT16, ACL_FLOAT16}, // float self keeps its type
        {ACL_BF16, HostScalar::Int64(3), ACL_FLOAT, ACL_BF16},
        {ACL_FLOAT, HostScalar::Complex64(1, 2), ACL_COMPLEX64, ACL_COMPLEX64},
        {ACL_DOUBLE, HostScalar::Complex64(1, 2), ACL_COMPLEX128, ACL_COMPLEX128},
        {ACL_UINT8, HostScalar::Int64(-1), ACL_UINT8, ACL_UINT8},
    };
    for (const Case &c : cases) {
        const std::string what =
            std::string("adds ") + TypeName(c.self) + " + " + TypeName(c.other.type) + " -> " + TypeName(c.out);
        auto self = Make(c.self, {3, 4}, {1, 3});
        auto out = Make(c.out, {3, 4});
        const HostScalar alpha = c.promoted == ACL_BOOL ? HostScalar::Bool(true) : HostScalar::Int64(2);
        std::vector<unsigned char> expected = out->host();
        RefAdd({&self->spec(), self->host().data(), {}}, {nullptr, nullptr, c.other}, alpha, c.promoted, out->spec(),
               expected);
        ScalarHandle other(c.other);
        ScalarHandle alphaHandle(alpha);
        const aclnnStatus status = RunAdds(*self, other, alphaHandle, *out);
        CHECK_EQ(status, 0);
        if (status != 0) {
            std::fprintf(stderr, "  %s: %s\n", what.c_str(), aclGetRecentErrMsg());
            continue;
        }
        CHECK(SameStorage(c.out, out->Download(), expected, what));
    }
    // In place.
    auto selfRef = Make(ACL_FLOAT, {5, 5});
    std::vector<unsigned char> expected = selfRef->host();
    RefAdd({&selfRef->spec(), selfRef->host().data(), {}}, {nullptr, nullptr, HostScalar::Float(0.25f)},
           HostScalar::Float(-3.0f), ACL_FLOAT, selfRef->spec(), expected);
    ScalarHandle other(HostScalar::Float(0.25f));
    ScalarHandle alpha(HostScalar::Float(-3.0f));
    REQUIRE(RunInplaceAdds(*selfRef, other, alpha) == 0);
    CHECK(SameStorage(ACL_FLOAT, selfRef->Download(), expected, "inplace adds"));

    // out must have self's shape exactly.
    auto wrong = Make(ACL_FLOAT, {5});
    uint64_t workspaceSize = 0;
    aclOpExecutor *executor = nullptr;
    CHECK_EQ(aclnnAddsGetWorkspaceSize(*selfRef, other, alpha, *wrong, &workspaceSize, &executor), kInvalid);
}

TEST_CASE("NULL arguments give 161001") {
    REQUIRE(Session().ok);
    auto t = Make(ACL_FLOAT, {2});
    ScalarHandle s(HostScalar::Float(1.0f));
    uint64_t ws = 0;
    aclOpExecutor *ex = nullptr;
    CHECK_EQ(aclnnAddGetWorkspaceSize(nullptr, *t, s, *t, &ws, &ex), kNullptr);
    CHECK_EQ(aclnnAddGetWorkspaceSize(*t, nullptr, s, *t, &ws, &ex), kNullptr);
    CHECK_EQ(aclnnAddGetWorkspaceSize(*t, *t, nullptr, *t, &ws, &ex), kNullptr);
    CHECK_EQ(aclnnAddGetWorkspaceSize(*t, *t, s, nullptr, &ws, &ex), kNullptr);
    CHECK_EQ(aclnnAddGetWorkspaceSize(*t, *t, s, *t, nullptr, &ex), kNullptr);
    CHECK_EQ(aclnnAddGetWorkspaceSize(*t, *t, s, *t, &ws, nullptr), kNullptr);
    CHECK_EQ(aclnnAddsGetWorkspaceSize(nullptr, s, s, *t, &ws, &ex), kNullptr);
    CHECK_EQ(aclnnAddsGetWorkspaceSize(*t, nullptr, s, *t, &ws, &ex), kNullptr);
    CHECK_EQ(aclnnAddsGetWorkspaceSize(*t, s, nullptr, *t, &ws, &ex), kNullptr);
    CHECK_EQ(aclnnAddsGetWorkspaceSize(*t, s, s, nullptr, &ws, &ex), kNullptr);
    CHECK_EQ(aclnnInplaceAddGetWorkspaceSize(nullptr, *t, s, &ws, &ex), kNullptr);
    CHECK_EQ(aclnnInplaceAddGetWorkspaceSize(*t, nullptr, s, &ws, &ex), kNullptr);
    CHECK_EQ(aclnnInplaceAddGetWorkspaceSize(*t, *t, nullptr, &ws, &ex), kNullptr);
    CHECK_EQ(aclnnInplaceAddsGetWorkspaceSize(nullptr, s, s, &ws, &ex), kNullptr);
    CHECK_EQ(aclnnInplaceAddsGetWorkspaceSize(*t, nullptr, s, &ws, &ex), kNullptr);
    CHECK_EQ(aclnnInplaceAddsGetWorkspaceSize(*t, s, nullptr, &ws, &ex), kNullptr);
    CHECK(ex == nullptr);
    CHECK(std::string(aclGetRecentErrMsg()).find("NULL") != std::string::npos);
    CHECK_EQ(aclnnAdd(nullptr, 0, nullptr, Session().stream), kNullptr);
    CHECK_EQ(aclnnAdds(nullptr, 0, nullptr, Session().stream), kNullptr);
    CHECK_EQ(aclnnInplaceAdd(nullptr, 0, nullptr, Session().stream), kNullptr);
    CHECK_EQ(aclnnInplaceAdds(nullptr, 0, nullptr, Session().stream), kNullptr);

    // A workspace size without a workspace: 161001, and the executor is freed all the same.
    const uint64_t executorsBefore = aclsimLiveObjects(ACLSIM_OBJ_EXECUTOR);
    REQUIRE(aclnnAddGetWorkspaceSize(*t, *t, s, *t, &ws, &ex) == 0);
    CHECK_EQ(aclsimLiveObjects(ACLSIM_OBJ_EXECUTOR), executorsBefore + 1);
    CHECK_EQ(aclnnAdd(nullptr, 64, ex, Session().stream), kNullptr);
    CHECK_EQ(aclsimLiveObjects(ACLSIM_OBJ_EXECUTOR), executorsBefore);
    aclGetRecentErrMsg();
}

TEST_CASE("unsupported tensor dtypes and unpromotable pairs give 161002") {
    REQUIRE(Session().ok);
    ScalarHandle alpha(HostScalar::Int64(1));
    const int64_t dims[] = {4};
    void *memory = nullptr;
    REQUIRE(aclrtMalloc(&memory, 64, ACL_MEM_MALLOC_HUGE_FIRST) == ACL_SUCCESS);
    auto good = Make(ACL_INT32, {4});
    for (aclDataType bad : {ACL_UINT16, ACL_UINT32, ACL_UINT64, ACL_COMPLEX32, ACL_INT4, ACL_STRING}) {
        aclTensor *tensor = aclCreateTensor(dims, 1, bad, nullptr, 0, ACL_FORMAT_ND, dims, 1, memory);
        REQUIRE(tensor != nullptr);
        uint64_t ws = 0;
        aclOpExecutor *ex = nullptr;
        CHECK_EQ(aclnnAddGetWorkspaceSize(tensor, *good, alpha, *good, &ws, &ex), kInvalid);
        CHECK_EQ(aclnnAddGetWorkspaceSize(*good, tensor, alpha, *good, &ws, &ex), kInvalid);
        CHECK_EQ(aclnnAddGetWorkspaceSize(*good, *good, alpha, tensor, &ws, &ex), kInvalid);
        CHECK(std::string(aclGetRecentErrMsg()).find("not supported") != std::string::npos);
        aclDestroyTensor(tensor);
    }
    aclrtFree(memory);
}

TEST_CASE("a repeatable executor runs many times; a single-use one once") {
    REQUIRE(Session().ok);
    const uint64_t executorsBefore = aclsimLiveObjects(ACLSIM_OBJ_EXECUTOR);
    auto accumulator = Make(ACL_FLOAT, {33});
    auto ones = Make(ACL_FLOAT, {33});
    std::memset(accumulator->host().data(), 0, accumulator->bytes());
    for (size_t i = 0; i < 33; ++i) {
        StoreRaw(&ones->host()[i * 4], 1.0f);
    }
    accumulator->Upload();
    ones->Upload();
    ScalarHandle alpha(HostScalar::Float(0.5f));
    uint64_t ws = 0;
    aclOpExecutor *repeated = nullptr;
    REQUIRE(aclnnInplaceAddGetWorkspaceSize(*accumulator, *ones, alpha, &ws, &repeated) == 0);
    REQUIRE(aclSetAclOpExecutorRepeatable(repeated) == 0);
    for (int i = 0; i < 5; ++i) {
        CHECK_EQ(aclnnInplaceAdd(nullptr, 0, repeated, Session().stream), 0);
    }
    REQUIRE(aclrtSynchronizeStream(Session().stream) == ACL_SUCCESS);
    CHECK_EQ(LoadRaw<float>(&accumulator->Download()[32 * 4]), 2.5f);
    CHECK_EQ(aclsimLiveObjects(ACLSIM_OBJ_EXECUTOR), executorsBefore + 1);
    CHECK_EQ(aclDestroyAclOpExecutor(repeated), 0);
    CHECK_EQ(aclsimLiveObjects(ACLSIM_OBJ_EXECUTOR), executorsBefore);

    aclOpExecutor *once = nullptr;
    REQUIRE(aclnnInplaceAddGetWorkspaceSize(*accumulator, *ones, alpha, &ws, &once) == 0);
    CHECK_EQ(aclsimLiveObjects(ACLSIM_OBJ_EXECUTOR), executorsBefore + 1);
    CHECK_EQ(aclnnInplaceAdd(nullptr, 0, once, Session().stream), 0); // frees it
    CHECK_EQ(aclsimLiveObjects(ACLSIM_OBJ_EXECUTOR), executorsBefore);
    REQUIRE(aclrtSynchronizeStream(Session().stream) == ACL_SUCCESS);
    CHECK_EQ(LoadRaw<float>(&accumulator->Download()[0]), 3.0f);

    // A planned but never launched single-use executor can be destroyed.
    REQUIRE(aclnnInplaceAddGetWorkspaceSize(*accumulator, *ones, alpha, &ws, &once) == 0);
    CHECK_EQ(aclDestroyAclOpExecutor(once), 0);
    CHECK_EQ(aclDestroyAclOpExecutor(nullptr), 561103);
    CHECK_EQ(aclSetAclOpExecutorRepeatable(nullptr), 561103);
    CHECK_EQ(aclsimLiveObjects(ACLSIM_OBJ_EXECUTOR), executorsBefore);
    aclGetRecentErrMsg();
}

TEST_CASE("aclSetInputTensorAddr / aclSetOutputTensorAddr rebind a repeatable executor") {
    REQUIRE(Session().ok);
    auto self = Make(ACL_FLOAT, {4, 8});
    auto other = Make(ACL_FLOAT, {8});
    auto otherMoved = Make(ACL_FLOAT, {8});
    auto out = Make(ACL_FLOAT, {4, 8});
    auto outMoved = Make(ACL_FLOAT, {4, 8});
    ScalarHandle alpha(HostScalar::Float(3.0f));
    uint64_t ws = 0;
    aclOpExecutor *executor = nullptr;
    REQUIRE(aclnnAddGetWorkspaceSize(*self, *other, alpha, *out, &ws, &executor) == 0);
    REQUIRE(aclSetAclOpExecutorRepeatable(executor) == 0);

    // other now reads otherMoved's memory, out writes outMoved's.
    CHECK_EQ(aclSetInputTensorAddr(executor, 1, other->tensor(), otherMoved->device()), 0);
    CHECK_EQ(aclSetOutputTensorAddr(executor, 0, out->tensor(), outMoved->device()), 0);
    REQUIRE(aclnnAdd(nullptr, 0, executor, Session().stream) == 0);
    REQUIRE(aclrtSynchronizeStream(Session().stream) == ACL_SUCCESS);
    const std::vector<unsigned char> expected =
        ExpectedAdd(*self, *otherMoved, HostScalar::Float(3.0f), ACL_FLOAT, *outMoved);
    CHECK(SameStorage(ACL_FLOAT, outMoved->Download(), expected, "rebound"));
    CHECK(SameStorage(ACL_FLOAT, out->Download(), out->host(), "old out untouched"));

    // Refused rebinds leave the executor as it was.
    std::vector<float> hostMemory(8);
    CHECK_EQ(aclSetInputTensorAddr(executor, 1, other->tensor(), hostMemory.data()), kInvalid);
    CHECK_EQ(aclSetInputTensorAddr(executor, 2, other->tensor(), otherMoved->device()), kInvalid);
    CHECK_EQ(aclSetInputTensorAddr(executor, 0, other->tensor(), otherMoved->device()), kInvalid); // not input 0
    CHECK_EQ(aclSetOutputTensorAddr(executor, 1, out->tensor(), outMoved->device()), kInvalid);
    CHECK_EQ(aclSetInputTensorAddr(executor, 0, self->tensor(), nullptr), kNullptr);
    CHECK_EQ(aclSetInputTensorAddr(nullptr, 0, self->tensor(), self->device()), kNullptr);
    REQUIRE(aclnnAdd(nullptr, 0, executor, Session().stream) == 0);
    REQUIRE(aclrtSynchronizeStream(Session().stream) == ACL_SUCCESS);
    CHECK(SameStorage(ACL_FLOAT, outMoved->Download(), expected, "still rebound"));
    CHECK_EQ(aclDestroyAclOpExecutor(executor), 0);
    aclGetRecentErrMsg();
}

TEST_CASE("a captured model records Add, Axpy or Mul+Add and replays with alpha as planned") {
    REQUIRE(Session().ok);
    aclrtStream stream = Session().stream;
    auto x = Make(ACL_FLOAT, {16});
    auto y = Make(ACL_FLOAT, {16});
    auto z = Make(ACL_FLOAT, {16});
    auto d = Make(ACL_DOUBLE, {16});
    ScalarHandle one(HostScalar::Float(1.0f));
    ScalarHandle other(HostScalar::Float(1.1f));
    ScalarHandle two(HostScalar::Int64(2));
    aclmdlRI model = nullptr;
    REQUIRE(aclmdlRICaptureBegin(stream, ACL_MODEL_RI_CAPTURE_MODE_GLOBAL) == ACL_SUCCESS);
    uint64_t ws = 0;
    aclOpExecutor *executor = nullptr;
    CHECK_EQ(aclnnAddGetWorkspaceSize(*x, *y, one, *z, &ws, &executor), 0); // Add
    CHECK_EQ(aclnnAdd(nullptr, 0, executor, stream), 0);
    CHECK_EQ(aclnnAddGetWorkspaceSize(*x, *y, other, *z, &ws, &executor), 0); // Axpy (FLOAT)
    CHECK_EQ(aclnnAdd(nullptr, 0, executor, stream), 0);
    CHECK_EQ(aclnnAddGetWorkspaceSize(*d, *d, two, *d, &ws, &executor), 0); // Mul+Add (DOUBLE)
    CHECK_EQ(aclnnAdd(nullptr, 0, executor, stream), 0);
    REQUIRE(aclmdlRICaptureEnd(stream, &model) == ACL_SUCCESS);
    REQUIRE(model != nullptr);
    CHECK(SameStorage(ACL_FLOAT, z->Download(), z->host(), "nothing ran during capture"));

    REQUIRE(aclmdlRIDebugJsonPrint(model, "./nn_kernels.json", 0) == ACL_SUCCESS);
    std::ifstream file("./nn_kernels.json");
    std::stringstream text;
    text << file.rdbuf();
    const std::string json = text.str();
    const size_t add = json.find("\"name\":\"Add\"");
    const size_t axpy = json.find("\"name\":\"Axpy\"");
    const size_t mulAdd = json.find("\"name\":\"Mul+Add\"");
    CHECK(add != std::string::npos);
    CHECK(axpy != std::string::npos);
    CHECK(mulAdd != std::string::npos);
    CHECK(add < axpy && axpy < mulAdd);

    REQUIRE(aclmdlRIExecuteAsync(model, stream) == ACL_SUCCESS);
    REQUIRE(aclrtSynchronizeStream(stream) == ACL_SUCCESS);
    CHECK(SameStorage(ACL_FLOAT, z->Download(), ExpectedAdd(*x, *y, HostScalar::Float(1.1f), ACL_FLOAT, *z),
                      "replayed Axpy"));
    // d = d + 2 d = 3 d, twice after two replays.
    std::vector<unsigned char> tripled = d->host();
    for (int replay = 0; replay < 2; ++replay) {
        for (size_t i = 0; i < 16; ++i) {
            const double v = LoadRaw<double>(&tripled[i * 8]);
            StoreRaw(&tripled[i * 8], v + 2.0 * v);
        }
    }
    REQUIRE(aclmdlRIExecuteAsync(model, stream) == ACL_SUCCESS);
    REQUIRE(aclrtSynchronizeStream(stream) == ACL_SUCCESS);
    CHECK(SameStorage(ACL_DOUBLE, d->Download(), tripled, "replayed Mul+Add"));
    CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
}

TEST_CASE("a kernel whose memory was freed after planning fails instead of touching it") {
    REQUIRE(Session().ok);
    auto self = Make(ACL_FLOAT, {64});
    auto out = Make(ACL_FLOAT, {64});
    const int64_t dims[] = {64};
    void *transient = nullptr;
    REQUIRE(aclrtMalloc(&transient, 256, ACL_MEM_MALLOC_HUGE_FIRST) == ACL_SUCCESS);
    aclTensor *other = aclCreateTensor(dims, 1, ACL_FLOAT, nullptr, 0, ACL_FORMAT_ND, dims, 1, transient);
    ScalarHandle alpha(HostScalar::Float(2.0f));
    uint64_t ws = 0;
    aclOpExecutor *executor = nullptr;
    REQUIRE(aclnnAddGetWorkspaceSize(*self, other, alpha, *out, &ws, &executor) == 0);
    REQUIRE(aclSetAclOpExecutorRepeatable(executor) == 0);
    REQUIRE(aclnnAdd(nullptr, 0, executor, Session().stream) == 0);
    CHECK_EQ(aclrtSynchronizeStream(Session().stream), ACL_SUCCESS);
    REQUIRE(aclrtFree(transient) == ACL_SUCCESS);
    const std::vector<unsigned char> before = out->Download();
    CHECK_EQ(aclnnAdd(nullptr, 0, executor, Session().stream), 0); // queued; fails when it runs
    CHECK_EQ(aclrtSynchronizeStream(Session().stream), ACL_ERROR_RT_PARAM_INVALID);
    CHECK(std::string(aclGetRecentErrMsg()).find("no longer device memory") != std::string::npos);
    CHECK(SameStorage(ACL_FLOAT, out->Download(), before, "out untouched by the failed kernel"));
    CHECK_EQ(aclDestroyAclOpExecutor(executor), 0);
    aclDestroyTensor(other);
}

TEST_CASE("no tensors, scalars or executors leak") {
    REQUIRE(Session().ok);
    ExpectNoOperatorObjectsLeft();
}

NN_TEST_MAIN()
