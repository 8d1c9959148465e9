#include "op_support.h"

#include <algorithm>
#include <memory>
#include <optional>

namespace aclsim::nn {

const std::vector<aclDataType> &StoredTypes() {
    static const std::vector<aclDataType> types = {ACL_FLOAT, ACL_FLOAT16, ACL_BF16,      ACL_DOUBLE,
                                                   ACL_INT8,  ACL_INT16,   ACL_INT32,     ACL_INT64,
                                                   ACL_UINT8, ACL_BOOL,    ACL_COMPLEX64, ACL_COMPLEX128};
    return types;
}

const char *FirstNull(std::initializer_list<std::pair<const char *, const void *>> arguments) {
    for (const auto &[name, pointer] : arguments) {
        if (pointer == nullptr) {
            return name;
        }
    }
    return nullptr;
}

aclnnStatus CheckOutputPointers(const char *api, uint64_t *workspaceSize, aclOpExecutor **executor) {
    if (workspaceSize == nullptr || executor == nullptr) {
        return Fail(kAclnnErrParamNullptr, api, "workspaceSize and executor must point to variables to fill");
    }
    return kAclnnSuccess;
}

aclnnStatus CheckRequired(const char *api, std::initializer_list<std::pair<const char *, const void *>> arguments,
                          uint64_t *workspaceSize, aclOpExecutor **executor) {
    if (const char *missing = FirstNull(arguments)) {
        return Fail(kAclnnErrParamNullptr, api,
                    std::string(missing) +
                        " is NULL; pass tensors from aclCreateTensor, scalars from aclCreateScalar and arrays from "
                        "aclCreateIntArray");
    }
    return CheckOutputPointers(api, workspaceSize, executor);
}

std::string TypeListText(const std::vector<aclDataType> &types) {
    std::string text;
    for (aclDataType type : types) {
        text += (text.empty() ? "" : ", ") + DataTypeName(type);
    }
    return text;
}

aclnnStatus CheckTypeIn(const char *api, const char *argument, aclDataType dtype,
                        const std::vector<aclDataType> &allowed) {
    if (std::find(allowed.begin(), allowed.end(), dtype) != allowed.end()) {
        return kAclnnSuccess;
    }
    return Fail(kAclnnErrParamInvalid, api,
                std::string(argument) + " has dtype " + DataTypeName(dtype) + ", which is not supported; use one of " +
                    TypeListText(allowed));
}

aclnnStatus CheckRank(const char *api, const char *argument, const TensorDesc &tensor, size_t maxRank, size_t minRank) {
    if (tensor.Rank() <= maxRank && tensor.Rank() >= minRank) {
        return kAclnnSuccess;
    }
    const std::string expected = minRank == maxRank ? "exactly " + std::to_string(maxRank)
                                 : minRank > 0      ? std::to_string(minRank) + " to " + std::to_string(maxRank)
                                                    : "at most " + std::to_string(maxRank);
    return Fail(kAclnnErrParamInvalid, api,
                std::string(argument) + " has " + std::to_string(tensor.Rank()) + " dims " + tensor.ShapeText() + "; " +
                    expected + " are supported");
}

aclnnStatus Broadcast(const char *api, const char *firstName, const std::vector<int64_t> &first, const char *secondName,
                      const std::vector<int64_t> &second, std::vector<int64_t> &shape) {
    const size_t rank = std::max(first.size(), second.size());
    shape.assign(rank, 1);
    for (size_t i = 0; i < rank; ++i) {
        const size_t fromEnd = rank - 1 - i;
        const int64_t a = fromEnd < first.size() ? first[first.size() - 1 - fromEnd] : 1;
        const int64_t b = fromEnd < second.size() ? second[second.size() - 1 - fromEnd] : 1;
        if (a != b && a != 1 && b != 1) {
            return Fail(kAclnnErrParamInvalid, api,
                        std::string(firstName) + " shape " + ShapeText(first) + " and " + secondName + " shape " +
                            ShapeText(second) + " cannot be broadcast: dim " + std::to_string(i) +
                            " of the broadcast shape is " + std::to_string(a) + " vs " + std::to_string(b) +
                            " (each pair of dims, aligned from the right, must be equal or contain a 1)");
        }
        shape[i] = a == 1 ? b : a;
    }
    return kAclnnSuccess;
}

aclnnStatus CheckOutShape(const char *api, const char *outName, const TensorDesc &out,
                          const std::vector<int64_t> &expected, const char *expectedFrom) {
    if (out.viewDims == expected) {
        return kAclnnSuccess;
    }
    return Fail(kAclnnErrParamInvalid, api,
                std::string("shape of ") + outName + " should be " + ShapeText(expected) + " (" + expectedFrom +
                    "), but it is " + out.ShapeText() + "; " + outName + " is never resized");
}

aclnnStatus CheckLayout(const char *api, const char *argument, const TensorDesc &tensor) {
    if (tensor.HasNegativeStride()) {
        return Fail(kAclnnErrParamInvalid, api,
                    std::string(argument) + " has a negative stride " + ShapeText(tensor.strides) +
                        "; negative strides are not supported, make the tensor contiguous first");
    }
    if (tensor.IsEmpty()) {
        return kAclnnSuccess;
    }
    const std::optional<int64_t> storage = tensor.StorageElementCount();
    const ElementSpan span = tensor.ReachableSpan();
    if (storage && span.last >= *storage) {
        return Fail(kAclnnErrParamInvalid, api,
                    std::string(argument) + " view " + tensor.ShapeText() + " with strides " +
                        ShapeText(tensor.strides) + " and offset " + std::to_string(tensor.offset) +
                        " reaches element " + std::to_string(span.last) + ", but its storage " +
                        ShapeText(tensor.storageDims) + " holds " + std::to_string(*storage) +
                        " elements; fix the strides, offset or storage dims");
    }
    return kAclnnSuccess;
}

aclnnStatus CheckCastable(const char *api, const char *fromWhat, aclDataType from, const char *outName,
                          aclDataType to) {
    if (CanCast(from, to)) {
        return kAclnnSuccess;
    }
    return Fail(kAclnnErrParamInvalid, api,
                std::string(fromWhat) + " " + DataTypeName(from) + " can't be cast to the desired output dtype " +
                    DataTypeName(to) + " of " + outName + "; choose an output dtype the result casts to");
}

void BroadcastStrides(const TensorDesc &tensor, const std::vector<int64_t> &shape, int64_t *strides) {
    const size_t rank = shape.size();
    const size_t pad = rank - tensor.Rank();
    for (size_t i = 0; i < rank; ++i) {
        strides[i] = (i < pad || tensor.viewDims[i - pad] == 1) ? 0 : tensor.strides[i - pad];
    }
}

MergedLayout MergeDims(const std::vector<int64_t> &shape,
                       const int64_t (&strides)[MergedLayout::kMaxOperands][kMaxKernelRank], int operands) {
    MergedLayout merged;
    for (size_t i = 0; i < shape.size(); ++i) {
        if (shape[i] == 1) {
            continue; // size-1 dims move nothing
        }
        if (merged.rank > 0) {
            const int last = merged.rank - 1;
            bool contiguous = true;
            for (int op = 0; op < operands; ++op) {
                contiguous = contiguous && merged.strides[op][last] == strides[op][i] * shape[i];
            }
            if (contiguous) {
                merged.shape[last] *= shape[i];
                for (int op = 0; op < operands; ++op) {
                    merged.strides[op][last] = strides[op][i];
                }
                continue;
            }
        }
        merged.shape[merged.rank] = shape[i];
        for (int op = 0; op < operands; ++op) {
            merged.strides[op][merged.rank] = strides[op][i];
        }
        ++merged.rank;
    }
    if (merged.rank == 0) { // a single element
        merged.rank = 1;
        merged.shape[0] = 1;
    }
    return merged;
}

// Sufficient test: sorted by stride, each stride must exceed the reach of all smaller ones.
bool OverlapsItself(const TensorDesc &tensor) {
    std::vector<std::pair<int64_t, int64_t>> dims; // (stride, size)
    for (size_t i = 0; i < tensor.Rank(); ++i) {
        if (tensor.viewDims[i] > 1) {
            dims.emplace_back(tensor.strides[i], tensor.viewDims[i]);
        }
    }
    std::sort(dims.begin(), dims.end());
    int64_t reach = 0;
    for (const auto &[stride, size] : dims) {
        if (stride <= reach) {
            return true;
        }
        reach += (size - 1) * stride;
    }
    return false;
}

unsigned char *ElementAddress(const TensorDesc &tensor, int64_t index) {
    return static_cast<unsigned char *>(tensor.data) + index * static_cast<int64_t>(aclDataTypeSize(tensor.dtype));
}

aclnnStatus ValidateDeviceMemory(const char *api,
                                 std::initializer_list<std::pair<const char *, const TensorDesc *>> tensors,
                                 KernelMemory &memory) {
    memory.validatedEpoch = MemoryEpoch(); // read before checking: a free during the checks re-checks at run
    memory.rangeCount = 0;
    int32_t device = -1;
    for (const auto &[argument, tensor] : tensors) {
        if (tensor == nullptr || tensor->IsEmpty()) {
            continue;
        }
        const ElementSpan span = tensor->ReachableSpan();
        const KernelRange range{ElementAddress(*tensor, span.first),
                                static_cast<size_t>(span.last - span.first + 1) * aclDataTypeSize(tensor->dtype)};
        int32_t tensorDevice = -1;
        if (!IsDeviceRange(range.begin, range.bytes, &tensorDevice)) {
            return Fail(kAclnnErrParamInvalid, api,
                        std::string(argument) + " data (" + std::to_string(range.bytes) +
                            " bytes reachable through its view) does not lie inside one live aclrtMalloc "
                            "allocation; tensors must point to device memory");
        }
        if (device >= 0 && tensorDevice != device) {
            return Fail(kAclnnErrParamInvalid, api,
                        std::string(argument) + " is on device " + std::to_string(tensorDevice) +
                            " but an earlier tensor is on device " + std::to_string(device) +
                            "; all tensors of one operator must be on the same device");
        }
        device = tensorDevice;
        if (memory.rangeCount == KernelMemory::kMaxRanges) {
            return Fail(kAclnnErrInner, api, "too many tensors for one kernel");
        }
        memory.ranges[memory.rangeCount++] = range;
    }
    return kAclnnSuccess;
}

int64_t StridedView::ElementCount() const {
    int64_t count = 1;
    for (int d = 0; d < rank; ++d) {
        count *= shape[d];
    }
    return count;
}

bool StridedView::IsRowMajorContiguous() const {
    int64_t expected = 1;
    for (int d = rank - 1; d >= 0; --d) {
        if (shape[d] != 1 && strides[d] != expected) {
            return false;
        }
        expected *= shape[d];
    }
    return true;
}

StridedView ViewOf(const TensorDesc &tensor) {
    StridedView view;
    view.base = ElementAddress(tensor, tensor.offset);
    view.dtype = tensor.dtype;
    view.rank = static_cast<int>(std::min<size_t>(tensor.Rank(), kMaxKernelRank));
    for (int d = 0; d < view.rank; ++d) {
        view.shape[d] = tensor.viewDims[d];
        view.strides[d] = tensor.strides[d];
    }
    return view;
}

aclnnStatus HandOutExecutor(const char *api, const char *opName, std::vector<const aclTensor *> tensors,
                            std::vector<size_t> inputSlots, std::vector<size_t> outputSlots,
                            aclOpExecutor::Planner planner, uint64_t *workspaceSize, aclOpExecutor **executor,
                            std::vector<KernelScalar> scalars, aclOpExecutor::ScalarPlanner scalarPlanner) {
    std::vector<TensorDesc> bindings;
    bindings.reserve(tensors.size());
    for (const aclTensor *tensor : tensors) {
        bindings.push_back(tensor != nullptr ? tensor->desc : TensorDesc{});
    }
    auto made = std::make_unique<aclOpExecutor>(opName, std::move(bindings), std::move(tensors), std::move(inputSlots),
                                                std::move(outputSlots), std::move(planner), std::move(scalars),
                                                std::move(scalarPlanner));
    if (aclnnStatus status = made->Plan(api); status != kAclnnSuccess) {
        return status;
    }
    *workspaceSize = 0; // the kernels read strided views directly: no staging buffers on the device
    RegisterExecutor(std::move(made), executor);
    return kAclnnSuccess;
}

} // namespace aclsim::nn
