// The rest of the aclnn meta API (cpp/sim/nn/meta_lists.cpp, aclInitTensor in meta.cpp): lists
// and their ownership, tensor queries, raw addresses. Rules from opbase's API reference
// (docs/*/api/nnopbase/aclnn/<function>.md): NULL arguments give 161001 (ACLNN_ERR_PARAM_NULLPTR),
// a list owns what it holds, query arrays are the caller's to delete[].
#include <cstring>
#include <vector>

#include "acl/acl.h"
#include "aclnn/aclnn_base.h"
#include "aclsim/aclsim.h"
#include "test_support.h"

namespace {

constexpr aclnnStatus kNullptr = 161001;
constexpr aclnnStatus kInvalid = 161002;

aclTensor *Tensor(std::vector<int64_t> dims, void *data = nullptr) {
    return aclCreateTensor(dims.data(), dims.size(), ACL_FLOAT, nullptr, 0, ACL_FORMAT_ND, dims.data(), dims.size(),
                           data);
}

// The value a one-value tensor query writes (status 0 checked); -1 (also ACL_FORMAT_UNDEFINED and
// ACL_DT_UNDEFINED) if it writes none.
template <typename T>
T Queried(aclnnStatus (*query)(const aclTensor *, T *), const aclTensor *tensor) {
    T value = static_cast<T>(-1);
    CHECK_EQ(query(tensor, &value), 0);
    return value;
}

// The dims a shape or strides query hands out (status 0 checked), its array deleted.
std::vector<int64_t> QueriedDims(aclnnStatus (*query)(const aclTensor *, int64_t **, uint64_t *),
                                 const aclTensor *tensor) {
    int64_t *dims = nullptr;
    uint64_t count = 0;
    CHECK_EQ(query(tensor, &dims, &count), 0);
    std::vector<int64_t> values(dims, dims + count);
    delete[] dims;
    return values;
}

} // namespace

// aclGetViewShape.md / aclGetViewStrides.md / aclGetStorageShape.md / aclGetViewOffset.md /
// aclGetFormat.md / aclGetDataType.md: the description given at creation; 161001 for NULL.
TEST_CASE("tensor queries give the creation's description; NULL -> 161001") {
    const int64_t view[] = {2, 4};
    const int64_t strides[] = {4, 1};
    const int64_t storage[] = {3, 4};
    int data = 0;
    aclTensor *tensor = aclCreateTensor(view, 2, ACL_FLOAT16, strides, 4, ACL_FORMAT_NCHW, storage, 2, &data);
    REQUIRE(tensor != nullptr);
    CHECK(QueriedDims(aclGetViewShape, tensor) == std::vector<int64_t>({2, 4}));
    CHECK(QueriedDims(aclGetViewStrides, tensor) == std::vector<int64_t>({4, 1}));
    CHECK(QueriedDims(aclGetStorageShape, tensor) == std::vector<int64_t>({3, 4}));
    CHECK_EQ(Queried(aclGetViewOffset, tensor), 4);
    CHECK_EQ(Queried(aclGetFormat, tensor), ACL_FORMAT_NCHW);
    CHECK_EQ(Queried(aclGetDataType, tensor), ACL_FLOAT16);
    int64_t *dims = nullptr;
    uint64_t count = 0;
    aclFormat format = ACL_FORMAT_UNDEFINED;
    void *address = nullptr;
    CHECK_EQ(aclGetRawTensorAddr(tensor, &address), 0);
    CHECK(address == &data);
    int other = 0;
    CHECK_EQ(aclSetRawTensorAddr(tensor, &other), 0);
    CHECK_EQ(aclGetRawTensorAddr(tensor, &address), 0);
    CHECK(address == &other);
    CHECK_EQ(aclGetViewShape(nullptr, &dims, &count), kNullptr);
    CHECK_EQ(aclGetViewShape(tensor, nullptr, &count), kNullptr);
    CHECK_EQ(aclGetViewStrides(tensor, &dims, nullptr), kNullptr);
    CHECK_EQ(aclGetStorageShape(nullptr, &dims, &count), kNullptr);
    CHECK_EQ(aclGetViewOffset(tensor, nullptr), kNullptr);
    CHECK_EQ(aclGetFormat(nullptr, &format), kNullptr);
    CHECK_EQ(aclGetDataType(tensor, nullptr), kNullptr);
    CHECK_EQ(aclGetRawTensorAddr(tensor, nullptr), kNullptr);
    CHECK_EQ(aclSetRawTensorAddr(nullptr, &other), kNullptr);
    CHECK_EQ(aclDestroyTensor(tensor), 0);
    aclGetRecentErrMsg();
}

// aclInitTensor.md: re-describes a tensor with aclCreateTensor's rules (NULL tensor 161001); a
// refused description leaves it as it was.
TEST_CASE("aclInitTensor re-describes a tensor; NULL -> 161001, negative offset -> 161002 and unchanged") {
    aclTensor *tensor = Tensor({8});
    REQUIRE(tensor != nullptr);
    const int64_t view[] = {2, 4};
    int data = 0;
    CHECK_EQ(aclInitTensor(tensor, view, 2, ACL_INT32, nullptr, 0, ACL_FORMAT_ND, view, 2, &data), 0);
    CHECK(QueriedDims(aclGetViewStrides, tensor) == std::vector<int64_t>({4, 1})); // contiguous strides of the shape
    CHECK_EQ(aclInitTensor(tensor, view, 2, ACL_INT32, nullptr, -1, ACL_FORMAT_ND, view, 2, &data), kInvalid);
    CHECK_EQ(Queried(aclGetViewOffset, tensor), 0);
    CHECK_EQ(Queried(aclGetDataType, tensor), ACL_INT32);
    CHECK_EQ(aclInitTensor(nullptr, view, 2, ACL_INT32, nullptr, 0, ACL_FORMAT_ND, view, 2, &data), kNullptr);
    CHECK_EQ(aclDestroyTensor(tensor), 0);
    aclGetRecentErrMsg();
}

// aclCreateFloatArray.md / aclCreateBoolArray.md / aclGet*ArraySize.md: the values given; NULL
// values with a size give NULL; a size query of NULL -> 161001.
TEST_CASE("float, bool and int arrays: sizes; NULL with a size -> NULL; size of NULL -> 161001") {
    const float floats[] = {1.5F, 2.5F, 3.5F};
    const bool bools[] = {true, false};
    const int64_t ints[] = {1, 2, 3, 4};
    aclFloatArray *floatArray = aclCreateFloatArray(floats, 3);
    aclBoolArray *boolArray = aclCreateBoolArray(bools, 2);
    aclIntArray *intArray = aclCreateIntArray(ints, 4);
    REQUIRE(floatArray != nullptr && boolArray != nullptr && intArray != nullptr);
    uint64_t size = 0;
    CHECK_EQ(aclGetFloatArraySize(floatArray, &size), 0);
    CHECK_EQ(size, uint64_t{3});
    CHECK_EQ(aclGetBoolArraySize(boolArray, &size), 0);
    CHECK_EQ(size, uint64_t{2});
    CHECK_EQ(aclGetIntArraySize(intArray, &size), 0);
    CHECK_EQ(size, uint64_t{4});
    CHECK(aclCreateFloatArray(nullptr, 2) == nullptr);
    CHECK(aclCreateBoolArray(nullptr, 1) == nullptr);
    CHECK_EQ(aclGetFloatArraySize(nullptr, &size), kNullptr);
    CHECK_EQ(aclGetBoolArraySize(boolArray, nullptr), kNullptr);
    CHECK_EQ(aclGetIntArraySize(nullptr, &size), kNullptr);
    CHECK_EQ(aclDestroyFloatArray(floatArray), 0);
    CHECK_EQ(aclDestroyBoolArray(boolArray), 0);
    CHECK_EQ(aclDestroyIntArray(intArray), 0);
    aclGetRecentErrMsg();
}

// aclDestroyTensorList.md: "the aclTensor in the aclTensorList does not need to be destroyed
// again": a list owns its tensors (and a scalar list its scalars).
TEST_CASE("tensor and scalar lists own their elements; sizes; NULL elements refused") {
    const uint64_t before = aclsimLiveObjects(ACLSIM_OBJ_TENSOR);
    const aclTensor *tensors[] = {Tensor({2}), Tensor({3})};
    aclTensorList *list = aclCreateTensorList(tensors, 2);
    REQUIRE(list != nullptr);
    uint64_t size = 0;
    CHECK_EQ(aclGetTensorListSize(list, &size), 0);
    CHECK_EQ(size, uint64_t{2});
    CHECK_EQ(aclsimLiveObjects(ACLSIM_OBJ_TENSOR), before + 2);
    CHECK_EQ(aclDestroyTensorList(list), 0);
    CHECK_EQ(aclsimLiveObjects(ACLSIM_OBJ_TENSOR), before);
    const aclTensor *withNull[] = {nullptr};
    CHECK(aclCreateTensorList(withNull, 1) == nullptr);
    CHECK(aclCreateTensorList(nullptr, 1) == nullptr);
    CHECK_EQ(aclGetTensorListSize(nullptr, &size), kNullptr);
    float one = 1.0F;
    const uint64_t scalarsBefore = aclsimLiveObjects(ACLSIM_OBJ_SCALAR);
    const aclScalar *scalars[] = {aclCreateScalar(&one, ACL_FLOAT)};
    aclScalarList *scalarList = aclCreateScalarList(scalars, 1);
    REQUIRE(scalarList != nullptr);
    CHECK_EQ(aclGetScalarListSize(scalarList, &size), 0);
    CHECK_EQ(size, uint64_t{1});
    CHECK_EQ(aclDestroyScalarList(scalarList), 0);
    CHECK_EQ(aclsimLiveObjects(ACLSIM_OBJ_SCALAR), scalarsBefore);
    CHECK_EQ(aclGetScalarListSize(nullptr, &size), kNullptr);
    aclGetRecentErrMsg();
}

TEST_MAIN()
