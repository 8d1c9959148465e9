// The rest of the aclnn meta API of CANN's acl_meta.h (hicann/opbase): float, bool, tensor and
// scalar lists, the queries of a tensor's description, and its raw address. Rules from opbase's
// API reference (docs/*/api/nnopbase/aclnn): NULL arguments give 161001; a list takes ownership of
// the tensors or scalars it holds (destroying the list destroys them); a query that hands out an
// array allocates it with new[], for the caller to delete[].
#include <cstring>
#include <memory>
#include <vector>

#include "aclnn/aclnn_base.h"
#include "meta.h"
#include "status.h"

struct aclFloatArray {
    std::vector<float> values;
};

struct aclBoolArray {
    std::vector<bool> values;
};

struct aclTensorList {
    std::vector<std::unique_ptr<const aclTensor>> tensors;
};

struct aclScalarList {
    std::vector<std::unique_ptr<const aclScalar>> scalars;
};

namespace {

using aclsim::nn::Fail;
using aclsim::nn::kAclnnErrParamNullptr;

template <class Element, class Array>
Array *CreateArray(const char *api, const Element *value, uint64_t size) {
    if (value == nullptr && size > 0) {
        Fail(kAclnnErrParamNullptr, api, "value is NULL while size is not 0");
        return nullptr;
    }
    auto *array = new Array;
    array->values.assign(value, value + size);
    return array;
}

// A list of owned elements; NULL elements are refused (nothing is taken over then).
template <class List, class Element>
List *CreateList(const char *api, const Element *const *value, uint64_t size,
                 std::vector<std::unique_ptr<const Element>> List::*elements) {
    if (value == nullptr && size > 0) {
        Fail(kAclnnErrParamNullptr, api, "value is NULL while size is not 0");
        return nullptr;
    }
    for (uint64_t i = 0; i < size; ++i) {
        if (value[i] == nullptr) {
            Fail(kAclnnErrParamNullptr, api, "element " + std::to_string(i) + " is NULL");
            return nullptr;
        }
    }
    auto *list = new List;
    for (uint64_t i = 0; i < size; ++i) {
        (list->*elements).emplace_back(value[i]);
    }
    return list;
}

aclnnStatus GiveSize(const char *api, const void *object, uint64_t *size, uint64_t value) {
    if (object == nullptr || size == nullptr) {
        return Fail(kAclnnErrParamNullptr, api, std::string(object == nullptr ? "the array" : "size") + " is NULL");
    }
    *size = value;
    return OK;
}

// Hands out a copy of `dims` allocated with new[] (the caller deletes it with delete[]).
aclnnStatus GiveDims(const char *api, const aclTensor *tensor, int64_t **dims, uint64_t *count,
                     const std::vector<int64_t> &values) {
    if (tensor == nullptr || dims == nullptr || count == nullptr) {
        return Fail(kAclnnErrParamNullptr, api,
                    std::string(tensor == nullptr ? "tensor" : (dims == nullptr ? "the dims output" : "the count")) +
                        " is NULL");
    }
    *dims = new int64_t[values.size()];
    if (!values.empty()) {
        std::memcpy(*dims, values.data(), values.size() * sizeof(int64_t));
    }
    *count = values.size();
    return OK;
}

aclnnStatus RequireTensor(const char *api, const aclTensor *tensor, const void *output) {
    if (tensor == nullptr || output == nullptr) {
        return Fail(kAclnnErrParamNullptr, api, std::string(tensor == nullptr ? "tensor" : "the output") + " is NULL");
    }
    return OK;
}

} // namespace

aclFloatArray *aclCreateFloatArray(const float *value, uint64_t size) {
    return CreateArray<float, aclFloatArray>("aclCreateFloatArray", value, size);
}

aclBoolArray *aclCreateBoolArray(const bool *value, uint64_t size) {
    return CreateArray<bool, aclBoolArray>("aclCreateBoolArray", value, size);
}

aclTensorList *aclCreateTensorList(const aclTensor *const *value, uint64_t size) {
    return CreateList("aclCreateTensorList", value, size, &aclTensorList::tensors);
}

aclScalarList *aclCreateScalarList(const aclScalar *const *value, uint64_t size) {
    return CreateList("aclCreateScalarList", value, size, &aclScalarList::scalars);
}

// aclDestroy<Kind> for every meta object, in one list: NULL is accepted, and a list takes the
// tensors or scalars it holds with it.
#define ACLSIM_DESTROY_META(Kind)                           \
    aclnnStatus aclDestroy##Kind(const acl##Kind *object) { \
        delete object;                                      \
        return OK;                                          \
    }
ACLSIM_DESTROY_META(Tensor)
ACLSIM_DESTROY_META(Scalar)
ACLSIM_DESTROY_META(IntArray)
ACLSIM_DESTROY_META(FloatArray)
ACLSIM_DESTROY_META(BoolArray)
ACLSIM_DESTROY_META(TensorList)
ACLSIM_DESTROY_META(ScalarList)
#undef ACLSIM_DESTROY_META

aclnnStatus aclGetIntArraySize(const aclIntArray *array, uint64_t *size) {
    return GiveSize("aclGetIntArraySize", array, size, array == nullptr ? 0 : array->values.size());
}

aclnnStatus aclGetFloatArraySize(const aclFloatArray *array, uint64_t *size) {
    return GiveSize("aclGetFloatArraySize", array, size, array == nullptr ? 0 : array->values.size());
}

aclnnStatus aclGetBoolArraySize(const aclBoolArray *array, uint64_t *size) {
    return GiveSize("aclGetBoolArraySize", array, size, array == nullptr ? 0 : array->values.size());
}

aclnnStatus aclGetTensorListSize(const aclTensorList *tensorList, uint64_t *size) {
    return GiveSize("aclGetTensorListSize", tensorList, size, tensorList == nullptr ? 0 : tensorList->tensors.size());
}

aclnnStatus aclGetScalarListSize(const aclScalarList *scalarList, uint64_t *size) {
    return GiveSize("aclGetScalarListSize", scalarList, size, scalarList == nullptr ? 0 : scalarList->scalars.size());
}

aclnnStatus aclGetViewShape(const aclTensor *tensor, int64_t **viewDims, uint64_t *viewDimsNum) {
    return GiveDims("aclGetViewShape", tensor, viewDims, viewDimsNum,
                    tensor == nullptr ? std::vector<int64_t>{} : tensor->desc.viewDims);
}

aclnnStatus aclGetStorageShape(const aclTensor *tensor, int64_t **storageDims, uint64_t *storageDimsNum) {
    return GiveDims("aclGetStorageShape", tensor, storageDims, storageDimsNum,
                    tensor == nullptr ? std::vector<int64_t>{} : tensor->desc.storageDims);
}

aclnnStatus aclGetViewStrides(const aclTensor *tensor, int64_t **stridesValue, uint64_t *stridesNum) {
    return GiveDims("aclGetViewStrides", tensor, stridesValue, stridesNum,
                    tensor == nullptr ? std::vector<int64_t>{} : tensor->desc.strides);
}

aclnnStatus aclGetViewOffset(const aclTensor *tensor, int64_t *offset) {
    if (aclnnStatus status = RequireTensor("aclGetViewOffset", tensor, offset); status != OK) {
        return status;
    }
    *offset = tensor->desc.offset;
    return OK;
}

aclnnStatus aclGetFormat(const aclTensor *tensor, aclFormat *format) {
    if (aclnnStatus status = RequireTensor("aclGetFormat", tensor, format); status != OK) {
        return status;
    }
    *format = tensor->desc.format;
    return OK;
}

aclnnStatus aclGetDataType(const aclTensor *tensor, aclDataType *dataType) {
    if (aclnnStatus status = RequireTensor("aclGetDataType", tensor, dataType); status != OK) {
        return status;
    }
    *dataType = tensor->desc.dtype;
    return OK;
}

// The tensor's device address for the operators planned after this call (an executor planned
// before keeps its address: use aclSetInputTensorAddr/aclSetOutputTensorAddr for it).
aclnnStatus aclSetRawTensorAddr(aclTensor *tensor, void *addr) {
    if (tensor == nullptr) {
        return Fail(kAclnnErrParamNullptr, "aclSetRawTensorAddr", "tensor is NULL");
    }
    tensor->desc.data = addr;
    return OK;
}

aclnnStatus aclGetRawTensorAddr(const aclTensor *tensor, void **addr) {
    if (aclnnStatus status = RequireTensor("aclGetRawTensorAddr", tensor, addr); status != OK) {
        return status;
    }
    *addr = tensor->desc.data;
    return OK;
}

// Not simulated: no simulated operator takes tensor lists, so an executor has no dynamic tensors;
// aclSetTensorAddr's combined input/output numbering is not modelled; operator tensor dumps
// (aclDumpOpTensors) are not written. Each fails with 161002 and says so.
namespace {

aclnnStatus NotSimulated(const char *api, const char *why) {
    return Fail(aclsim::nn::kAclnnErrParamInvalid, api, std::string("not simulated: ") + why);
}

} // namespace

aclnnStatus aclSetDynamicInputTensorAddr(aclOpExecutor *executor, size_t irIndex, const size_t relativeIndex,
                                         aclTensorList *tensors, void *addr) {
    return NotSimulated("aclSetDynamicInputTensorAddr", "no simulated operator takes a tensor list");
}

aclnnStatus aclSetDynamicOutputTensorAddr(aclOpExecutor *executor, size_t irIndex, const size_t relativeIndex,
                                          aclTensorList *tensors, void *addr) {
    return NotSimulated("aclSetDynamicOutputTensorAddr", "no simulated operator takes a tensor list");
}

aclnnStatus aclSetTensorAddr(aclOpExecutor *executor, const size_t index, aclTensor *tensor, void *addr) {
    return NotSimulated("aclSetTensorAddr", "use aclSetInputTensorAddr or aclSetOutputTensorAddr");
}

aclnnStatus aclSetDynamicTensorAddr(aclOpExecutor *executor, size_t irIndex, const size_t relativeIndex,
                                    aclTensorList *tensors, void *addr) {
    return NotSimulated("aclSetDynamicTensorAddr", "no simulated operator takes a tensor list");
}

aclnnStatus aclDumpOpTensors(const char *opType, const char *opName, aclTensor **tensors, size_t inputTensorNum,
                             size_t outputTensorNum, aclrtStream stream) {
    return NotSimulated("aclDumpOpTensors", "the simulator writes no dumps");
}
