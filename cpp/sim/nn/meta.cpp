// The aclnn meta API: tensors, scalars, integer arrays, executors, aclnnInit/aclnnFinalize.
#include "meta.h"

#include "launch_args.h"

#include <algorithm>
#include <mutex>
#include <sstream>
#include <unordered_set>
#include <utility>

#include "aclnn/aclnn_base.h"
#include "status.h"

namespace aclsim::nn {

aclnnStatus Fail(aclnnStatus status, const char *api, const std::string &message) {
    AppendErrorMessage(std::string(api) + ": " + message);
    return status;
}

std::string ShapeText(const std::vector<int64_t> &dims) {
    std::ostringstream text;
    text << '[';
    for (size_t i = 0; i < dims.size(); ++i) {
        text << (i == 0 ? "" : ", ") << dims[i];
    }
    text << ']';
    return text.str();
}

bool TensorDesc::IsEmpty() const {
    for (int64_t dim : viewDims) {
        if (dim == 0) {
            return true;
        }
    }
    return false;
}

int64_t TensorDesc::ElementCount() const {
    int64_t count = 1;
    for (int64_t dim : viewDims) {
        count *= dim; // aclCreateTensor refused shapes whose product overflows
    }
    return count;
}

bool TensorDesc::HasNegativeStride() const {
    for (int64_t stride : strides) {
        if (stride < 0) {
            return true;
        }
    }
    return false;
}

ElementSpan TensorDesc::ReachableSpan() const {
    ElementSpan span{offset, offset};
    for (size_t i = 0; i < viewDims.size(); ++i) {
        span.last += (viewDims[i] - 1) * strides[i]; // bounded at creation, see MaxReachableIndex
    }
    return span;
}

std::optional<int64_t> TensorDesc::StorageElementCount() const {
    if (storageDims.empty()) {
        return std::nullopt;
    }
    int64_t count = 1;
    for (int64_t dim : storageDims) {
        count *= dim;
    }
    return count;
}

std::string TensorDesc::ShapeText() const {
    return nn::ShapeText(viewDims);
}

namespace {

// aclCreateTensor refuses views past this rank (a CANN shape holds at most 25 dims).
constexpr uint64_t kMaxCreateRank = 25;

// Products and reachable extents must fit int64 so that later byte arithmetic cannot overflow.
bool CheckedProduct(const int64_t *dims, uint64_t count, int64_t &product) {
    product = 1;
    for (uint64_t i = 0; i < count; ++i) {
        if (dims[i] < 0 || __builtin_mul_overflow(product, dims[i], &product)) {
            return false;
        }
    }
    return true;
}

bool CheckedReach(const TensorDesc &desc) {
    int64_t reach = desc.offset;
    for (size_t i = 0; i < desc.viewDims.size(); ++i) {
        if (desc.viewDims[i] == 0) {
            return true;
        }
        int64_t step = 0;
        int64_t magnitude = desc.strides[i] < 0 ? -desc.strides[i] : desc.strides[i];
        if (__builtin_mul_overflow(desc.viewDims[i] - 1, magnitude, &step) ||
            __builtin_add_overflow(reach, step, &reach)) {
            return false;
        }
    }
    // The byte offset of the farthest element must fit as well (16 bytes: the widest element).
    int64_t bytes = 0;
    return !__builtin_mul_overflow(reach, int64_t{16}, &bytes);
}

std::mutex &ExecutorRegistryMutex() {
    static std::mutex mutex;
    return mutex;
}

std::unordered_set<const aclOpExecutor *> &LiveExecutors() {
    static std::unordered_set<const aclOpExecutor *> live;
    return live;
}

} // namespace

void RegisterExecutor(std::unique_ptr<aclOpExecutor> executor, aclOpExecutor **handle) {
    std::lock_guard<std::mutex> lock(ExecutorRegistryMutex());
    LiveExecutors().insert(executor.get());
    *handle = executor.release();
}

bool IsLiveExecutor(const aclOpExecutor *executor) {
    std::lock_guard<std::mutex> lock(ExecutorRegistryMutex());
    return LiveExecutors().count(executor) != 0;
}

std::unique_ptr<aclOpExecutor> ReleaseExecutor(aclOpExecutor *executor) {
    std::lock_guard<std::mutex> lock(ExecutorRegistryMutex());
    if (LiveExecutors().erase(executor) == 0) {
        return nullptr;
    }
    return std::unique_ptr<aclOpExecutor>(executor);
}

aclnnStatus RunExecutor(const char *api, void *workspace, uint64_t workspaceSize, aclOpExecutor *executor,
                        aclrtStream stream) {
    if (executor == nullptr) {
        return Fail(kAclnnErrParamNullptr, api, "executor is NULL; pass the executor returned by the first phase");
    }
    if (!IsLiveExecutor(executor)) {
        return Fail(kAclnnErrParamInvalid, api,
                    "executor is not a live executor: a non-repeatable executor is freed by its first launch; call "
                    "aclSetAclOpExecutorRepeatable after the first phase to launch it again");
    }
    // A single-use executor is consumed by this call whatever happens below.
    std::unique_ptr<aclOpExecutor> consumed = executor->repeatable ? nullptr : ReleaseExecutor(executor);
    if (workspaceSize > 0 && workspace == nullptr) {
        return Fail(kAclnnErrParamNullptr, api,
                    "workspace is NULL but workspaceSize is " + std::to_string(workspaceSize) +
                        "; allocate workspaceSize bytes of device memory");
    }
    std::shared_ptr<const DeviceKernel> kernel = executor->Kernel();
    if (!kernel) {
        return kAclnnSuccess; // empty tensors: nothing to compute
    }
    return LaunchKernel(stream, std::move(kernel));
}

} // namespace aclsim::nn

using aclsim::nn::CheckedProduct;
using aclsim::nn::CheckedReach;
using aclsim::nn::Fail;
using aclsim::nn::kMaxCreateRank;
using aclsim::nn::TensorDesc;

aclTensor::aclTensor(TensorDesc description) : desc(std::move(description)) {
    aclsim::CountObjectCreated(ACLSIM_OBJ_TENSOR);
}

aclTensor::~aclTensor() {
    aclsim::CountObjectDestroyed(ACLSIM_OBJ_TENSOR);
}

aclScalar::aclScalar(aclDataType type, const void *value) : dtype(type) {
    std::memcpy(bytes, value, aclDataTypeSize(type));
    aclsim::CountObjectCreated(ACLSIM_OBJ_SCALAR);
}

aclScalar::~aclScalar() {
    aclsim::CountObjectDestroyed(ACLSIM_OBJ_SCALAR);
}

aclOpExecutor::aclOpExecutor(const char *name, std::vector<TensorDesc> bindings, std::vector<const aclTensor *> sources,
                             std::vector<size_t> inputSlots, std::vector<size_t> outputSlots, Planner planner,
                             std::vector<aclsim::nn::KernelScalar> scalars, ScalarPlanner scalarPlanner)
    : opName(name), bindings_(std::move(bindings)), sources_(std::move(sources)), inputSlots_(std::move(inputSlots)),
      outputSlots_(std::move(outputSlots)), planner_(std::move(planner)), scalars_(std::move(scalars)),
      function_(
          aclsim::nn::ExecutorFunction::Make(name, bindings_, planner_, scalars_.size(), std::move(scalarPlanner))) {
    aclsim::CountObjectCreated(ACLSIM_OBJ_EXECUTOR);
}

aclOpExecutor::~aclOpExecutor() {
    aclsim::CountObjectDestroyed(ACLSIM_OBJ_EXECUTOR);
}

aclnnStatus aclOpExecutor::Plan(const char *api) {
    std::lock_guard<std::mutex> lock(mutex_);
    std::shared_ptr<const aclsim::DeviceKernel> planned;
    if (aclnnStatus status = planner_(api, bindings_, planned); status != aclsim::nn::kAclnnSuccess) {
        return status;
    }
    kernel_ = function_->Attach(std::move(planned), bindings_, scalars_);
    return aclsim::nn::kAclnnSuccess;
}

aclnnStatus aclOpExecutor::Rebind(const char *api, bool output, size_t index, aclTensor *tensor, void *address) {
    using namespace aclsim::nn;
    std::lock_guard<std::mutex> lock(mutex_);
    const std::vector<size_t> &slots = output ? outputSlots_ : inputSlots_;
    const char *role = output ? "output" : "input";
    if (index >= slots.size()) {
        return Fail(kAclnnErrParamInvalid, api,
                    std::string(role) + " index " + std::to_string(index) + " is out of range: " + opName + " has " +
                        std::to_string(slots.size()) + " " + role + " tensor(s)");
    }
    const size_t slot = slots[index];
    if (tensor != sources_[slot]) {
        return Fail(kAclnnErrParamInvalid, api,
                    std::string("tensor is not ") + role + " " + std::to_string(index) + " of this " + opName +
                        " executor; pass the aclTensor given to the first phase");
    }
    // Every binding of this tensor moves (self and out are one tensor in the in-place variants).
    std::vector<TensorDesc> rebound = bindings_;
    for (size_t i = 0; i < rebound.size(); ++i) {
        if (sources_[i] == tensor) {
            rebound[i].data = address;
        }
    }
    std::shared_ptr<const aclsim::DeviceKernel> kernel;
    if (aclnnStatus status = planner_(api, rebound, kernel); status != kAclnnSuccess) {
        return status;
    }
    bindings_ = std::move(rebound);
    kernel_ = function_->Attach(std::move(kernel), bindings_, scalars_);
    tensor->desc.data = address; // the caller's tensor now describes the new memory too
    return kAclnnSuccess;
}

std::shared_ptr<const aclsim::DeviceKernel> aclOpExecutor::Kernel() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return kernel_;
}

// ---- C API ----

namespace {

// aclCreateTensor's and aclInitTensor's validation of a tensor description.
aclnnStatus DescribeTensor(const char *api, const int64_t *viewDims, uint64_t viewDimsNum, aclDataType dataType,
                           const int64_t *stride, int64_t offset, aclFormat format, const int64_t *storageDims,
                           uint64_t storageDimsNum, void *tensorData, TensorDesc &desc) {
    using aclsim::nn::kAclnnErrParamInvalid;
    using aclsim::nn::kAclnnErrParamNullptr;
    if ((viewDims == nullptr && viewDimsNum > 0) || (storageDims == nullptr && storageDimsNum > 0)) {
        return Fail(kAclnnErrParamNullptr, api, "viewDims or storageDims is NULL while its count is not 0");
    }
    if (viewDimsNum > kMaxCreateRank || storageDimsNum > kMaxCreateRank) {
        return Fail(kAclnnErrParamInvalid, api,
                    "a shape may have at most " + std::to_string(kMaxCreateRank) + " dims (viewDimsNum " +
                        std::to_string(viewDimsNum) + ", storageDimsNum " + std::to_string(storageDimsNum) + ")");
    }
    int64_t viewElements = 0;
    int64_t storageElements = 0;
    if (!CheckedProduct(viewDims, viewDimsNum, viewElements) ||
        !CheckedProduct(storageDims, storageDimsNum, storageElements)) {
        return Fail(kAclnnErrParamInvalid, api,
                    "view dims " + aclsim::nn::ShapeText({viewDims, viewDims + viewDimsNum}) + " or storage dims " +
                        aclsim::nn::ShapeText({storageDims, storageDims + storageDimsNum}) +
                        " have a negative dim or too many elements");
    }
    if (offset < 0) {
        return Fail(kAclnnErrParamInvalid, api,
                    "offset " + std::to_string(offset) + " is negative; it counts elements");
    }
    desc.viewDims.assign(viewDims, viewDims + viewDimsNum);
    if (stride != nullptr) {
        desc.strides.assign(stride, stride + viewDimsNum);
    } else { // contiguous row-major strides of the view shape
        desc.strides.assign(viewDimsNum, 1);
        for (uint64_t i = viewDimsNum; i-- > 1;) {
            desc.strides[i - 1] = desc.strides[i] * std::max<int64_t>(desc.viewDims[i], 1);
        }
    }
    desc.offset = offset;
    desc.dtype = dataType;
    desc.format = format;
    desc.storageDims.assign(storageDims, storageDims + storageDimsNum);
    desc.data = tensorData;
    if (!CheckedReach(desc)) {
        return Fail(kAclnnErrParamInvalid, api, "the view's strides and offset reach beyond the addressable range");
    }
    return OK;
}

// The executor argument of aclSetAclOpExecutorRepeatable and aclDestroyAclOpExecutor: not NULL,
// and `accept` (a liveness check, or the release itself) takes it; `why` ends the message if not.
template <class Accept>
aclnnStatus TakeExecutor(const char *api, aclOpExecutor *executor, Accept &&accept, const char *why) {
    if (executor == nullptr) {
        return Fail(aclsim::nn::kAclnnErrInnerNullptr, api, "executor is NULL");
    }
    if (!accept(executor)) {
        return Fail(aclsim::nn::kAclnnErrParamInvalid, api, std::string("executor is not a live executor") + why);
    }
    return OK;
}

// aclSetInputTensorAddr / aclSetOutputTensorAddr: every pointer set and a live executor, then the
// executor rebinds its input or `output` tensor `index`.
aclnnStatus RebindTensor(const char *api, aclOpExecutor *executor, bool output, size_t index, aclTensor *tensor,
                         void *addr) {
    if (executor == nullptr || tensor == nullptr || addr == nullptr) {
        return Fail(aclsim::nn::kAclnnErrParamNullptr, api, "executor, tensor and addr must not be NULL");
    }
    if (!aclsim::nn::IsLiveExecutor(executor)) {
        return Fail(aclsim::nn::kAclnnErrParamInvalid, api, "executor is not a live executor");
    }
    return executor->Rebind(api, output, index, tensor, addr);
}

} // namespace

aclTensor *aclCreateTensor(const int64_t *viewDims, uint64_t viewDimsNum, aclDataType dataType, const int64_t *stride,
                           int64_t offset, aclFormat format, const int64_t *storageDims, uint64_t storageDimsNum,
                           void *tensorData) {
    TensorDesc desc;
    if (DescribeTensor("aclCreateTensor", viewDims, viewDimsNum, dataType, stride, offset, format, storageDims,
                       storageDimsNum, tensorData, desc) != OK) {
        return nullptr;
    }
    return new aclTensor(std::move(desc));
}

// Re-describes an existing tensor with aclCreateTensor's rules; on failure it stays as it was.
aclnnStatus aclInitTensor(aclTensor *tensor, const int64_t *viewDims, uint64_t viewDimsNum, aclDataType dataType,
                          const int64_t *stride, int64_t offset, aclFormat format, const int64_t *storageDims,
                          uint64_t storageDimsNum, void *tensorDataAddr) {
    const char *api = "aclInitTensor";
    if (tensor == nullptr) {
        return Fail(aclsim::nn::kAclnnErrParamNullptr, api, "tensor is NULL");
    }
    TensorDesc desc;
    if (aclnnStatus status = DescribeTensor(api, viewDims, viewDimsNum, dataType, stride, offset, format, storageDims,
                                            storageDimsNum, tensorDataAddr, desc);
        status != OK) {
        return status;
    }
    tensor->desc = std::move(desc);
    return OK;
}

aclScalar *aclCreateScalar(void *value, aclDataType dataType) {
    const char *api = "aclCreateScalar";
    if (value == nullptr) {
        Fail(aclsim::nn::kAclnnErrParamNullptr, api, "value is NULL");
        return nullptr;
    }
    const size_t size = aclDataTypeSize(dataType);
    if (size == 0 || size > sizeof(aclScalar::bytes)) {
        Fail(aclsim::nn::kAclnnErrParamInvalid, api,
             "data type " + aclsim::nn::DataTypeName(dataType) + " has no whole-byte element size");
        return nullptr;
    }
    return new aclScalar(dataType, value);
}

aclIntArray *aclCreateIntArray(const int64_t *value, uint64_t size) {
    if (value == nullptr && size > 0) {
        Fail(aclsim::nn::kAclnnErrParamNullptr, "aclCreateIntArray", "value is NULL while size is not 0");
        return nullptr;
    }
    auto *array = new aclIntArray;
    array->values.assign(value, value + size);
    return array;
}

aclnnStatus aclSetAclOpExecutorRepeatable(aclOpExecutor *executor) {
    ACLSIM_RETURN_IF_FAILED(TakeExecutor("aclSetAclOpExecutorRepeatable", executor, aclsim::nn::IsLiveExecutor,
                                         " (already launched or destroyed); call this right after the first phase"));
    executor->repeatable = true;
    return OK;
}

aclnnStatus aclDestroyAclOpExecutor(aclOpExecutor *executor) {
    // The unique_ptr ReleaseExecutor returns deletes the executor.
    return TakeExecutor("aclDestroyAclOpExecutor", executor, aclsim::nn::ReleaseExecutor,
                        ": a non-repeatable executor was already freed by its launch, or this executor was destroyed "
                        "before");
}

aclnnStatus aclSetInputTensorAddr(aclOpExecutor *executor, const size_t index, aclTensor *tensor, void *addr) {
    return RebindTensor("aclSetInputTensorAddr", executor, false, index, tensor, addr);
}

aclnnStatus aclSetOutputTensorAddr(aclOpExecutor *executor, const size_t index, aclTensor *tensor, void *addr) {
    return RebindTensor("aclSetOutputTensorAddr", executor, true, index, tensor, addr);
}

aclnnStatus aclnnInit(const char *configPath) {
    (void)configPath; // the simulator has no operator configuration to load
    return OK;
}

aclnnStatus aclnnFinalize() {
    return OK;
}
