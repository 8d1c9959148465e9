// The aclnn meta API without running kernels: tensor, scalar and integer-array creation with
// their documented NULL behaviours, object accounting, executor handles, aclDataTypeSize.
#include <cstring>
#include <vector>

#include "acl/acl.h"
#include "aclnnop/aclnn_add.h"
#include "aclsim/aclsim.h"
#include "test_support.h"

TEST_CASE("aclCreateTensor: NULL dims with a count give NULL; a 0-d tensor is fine") {
    const int64_t dims[] = {2, 3};
    int dummy = 0;
    CHECK(aclCreateTensor(nullptr, 2, ACL_FLOAT, nullptr, 0, ACL_FORMAT_ND, dims, 2, &dummy) == nullptr);
    CHECK(aclCreateTensor(dims, 2, ACL_FLOAT, nullptr, 0, ACL_FORMAT_ND, nullptr, 1, &dummy) == nullptr);
    aclTensor *scalarLike = aclCreateTensor(nullptr, 0, ACL_FLOAT, nullptr, 0, ACL_FORMAT_ND, nullptr, 0, &dummy);
    CHECK(scalarLike != nullptr);
    CHECK_EQ(aclDestroyTensor(scalarLike), 0);
    aclGetRecentErrMsg();
}

TEST_CASE("aclCreateTensor: negative dims or offset, and too many dims, give NULL") {
    const int64_t negative[] = {2, -1};
    const int64_t storage[] = {8};
    int dummy = 0;
    CHECK(aclCreateTensor(negative, 2, ACL_FLOAT, nullptr, 0, ACL_FORMAT_ND, storage, 1, &dummy) == nullptr);
    const int64_t dims[] = {2, 3};
    CHECK(aclCreateTensor(dims, 2, ACL_FLOAT, nullptr, 0, ACL_FORMAT_ND, negative, 2, &dummy) == nullptr);
    CHECK(aclCreateTensor(dims, 2, ACL_FLOAT, nullptr, -4, ACL_FORMAT_ND, storage, 1, &dummy) == nullptr);
    std::vector<int64_t> many(26, 1);
    CHECK(aclCreateTensor(many.data(), many.size(), ACL_FLOAT, nullptr, 0, ACL_FORMAT_ND, storage, 1, &dummy) ==
          nullptr);
    const int64_t huge[] = {int64_t{1} << 40, int64_t{1} << 40};
    CHECK(aclCreateTensor(huge, 2, ACL_FLOAT, nullptr, 0, ACL_FORMAT_ND, storage, 1, &dummy) == nullptr);
    CHECK(std::strlen(aclGetRecentErrMsg()) > 0);
}

TEST_CASE("tensors, scalars and executors are counted; destroying NULL is OK") {
    const uint64_t tensors = aclsimLiveObjects(ACLSIM_OBJ_TENSOR);
    const uint64_t scalars = aclsimLiveObjects(ACLSIM_OBJ_SCALAR);
    const int64_t dims[] = {4};
    int dummy = 0;
    aclTensor *tensor = aclCreateTensor(dims, 1, ACL_INT32, nullptr, 0, ACL_FORMAT_ND, dims, 1, &dummy);
    float value = 1.5f;
    aclScalar *scalar = aclCreateScalar(&value, ACL_FLOAT);
    CHECK_EQ(aclsimLiveObjects(ACLSIM_OBJ_TENSOR), tensors + 1);
    CHECK_EQ(aclsimLiveObjects(ACLSIM_OBJ_SCALAR), scalars + 1);
    CHECK_EQ(aclDestroyTensor(tensor), 0);
    CHECK_EQ(aclDestroyScalar(scalar), 0);
    CHECK_EQ(aclsimLiveObjects(ACLSIM_OBJ_TENSOR), tensors);
    CHECK_EQ(aclsimLiveObjects(ACLSIM_OBJ_SCALAR), scalars);
    CHECK_EQ(aclDestroyTensor(nullptr), 0);
    CHECK_EQ(aclDestroyScalar(nullptr), 0);
    CHECK_EQ(aclDestroyIntArray(nullptr), 0);
}

TEST_CASE("aclCreateScalar: NULL value gives NULL; types without a byte size too") {
    CHECK(aclCreateScalar(nullptr, ACL_FLOAT) == nullptr);
    int8_t packed = 3;
    CHECK(aclCreateScalar(&packed, ACL_INT4) == nullptr);
    CHECK(aclCreateScalar(&packed, ACL_STRING) == nullptr);
    uint16_t wide = 7;
    aclScalar *unsignedScalar = aclCreateScalar(&wide, ACL_UINT16); // creatable; operators may refuse it
    CHECK(unsignedScalar != nullptr);
    aclDestroyScalar(unsignedScalar);
    aclGetRecentErrMsg();
}

TEST_CASE("aclCreateIntArray copies its values; NULL with a size gives NULL") {
    int64_t values[] = {1, 2, 3};
    aclIntArray *array = aclCreateIntArray(values, 3);
    CHECK(array != nullptr);
    values[0] = 99;
    CHECK_EQ(aclDestroyIntArray(array), 0);
    CHECK(aclCreateIntArray(nullptr, 2) == nullptr);
    aclIntArray *empty = aclCreateIntArray(nullptr, 0);
    CHECK(empty != nullptr);
    CHECK_EQ(aclDestroyIntArray(empty), 0);
    aclGetRecentErrMsg();
}

TEST_CASE("executor entry points refuse NULL and unknown executors") {
    CHECK_EQ(aclDestroyAclOpExecutor(nullptr), 561103);
    CHECK_EQ(aclSetAclOpExecutorRepeatable(nullptr), 561103);
    int64_t notAnExecutor = 0;
    auto *bogus = reinterpret_cast<aclOpExecutor *>(&notAnExecutor);
    CHECK_EQ(aclDestroyAclOpExecutor(bogus), 161002);
    CHECK_EQ(aclSetAclOpExecutorRepeatable(bogus), 161002);
    CHECK_EQ(aclnnAdd(nullptr, 0, bogus, nullptr), 161002);
    CHECK_EQ(aclSetInputTensorAddr(nullptr, 0, nullptr, nullptr), 161001);
    CHECK_EQ(aclSetOutputTensorAddr(nullptr, 0, nullptr, nullptr), 161001);
    CHECK(std::strlen(aclGetRecentErrMsg()) > 0);
}

TEST_CASE("aclnnInit and aclnnFinalize succeed") {
    CHECK_EQ(aclnnInit(nullptr), 0);
    CHECK_EQ(aclnnFinalize(), 0);
}

TEST_CASE("aclDataTypeSize") {
    CHECK_EQ(aclDataTypeSize(ACL_FLOAT), 4u);
    CHECK_EQ(aclDataTypeSize(ACL_FLOAT16), 2u);
    CHECK_EQ(aclDataTypeSize(ACL_BF16), 2u);
    CHECK_EQ(aclDataTypeSize(ACL_DOUBLE), 8u);
    CHECK_EQ(aclDataTypeSize(ACL_INT8), 1u);
    CHECK_EQ(aclDataTypeSize(ACL_UINT8), 1u);
    CHECK_EQ(aclDataTypeSize(ACL_INT16), 2u);
    CHECK_EQ(aclDataTypeSize(ACL_UINT16), 2u);
    CHECK_EQ(aclDataTypeSize(ACL_INT32), 4u);
    CHECK_EQ(aclDataTypeSize(ACL_UINT32), 4u);
    CHECK_EQ(aclDataTypeSize(ACL_INT64), 8u);
    CHECK_EQ(aclDataTypeSize(ACL_UINT64), 8u);
    CHECK_EQ(aclDataTypeSize(ACL_BOOL), 1u);
    CHECK_EQ(aclDataTypeSize(ACL_COMPLEX32), 4u);
    CHECK_EQ(aclDataTypeSize(ACL_COMPLEX64), 8u);
    CHECK_EQ(aclDataTypeSize(ACL_COMPLEX128), 16u);
    CHECK_EQ(aclDataTypeSize(ACL_FLOAT8_E4M3FN), 1u);
    CHECK_EQ(aclDataTypeSize(ACL_STRING), 0u);
    CHECK_EQ(aclDataTypeSize(ACL_INT4), 0u);
    CHECK_EQ(aclDataTypeSize(ACL_UINT1), 0u);
    CHECK_EQ(aclDataTypeSize(ACL_FLOAT4_E2M1), 0u);
    CHECK_EQ(aclDataTypeSize(ACL_DT_UNDEFINED), 0u);
}

TEST_MAIN()
