// The objects behind the aclnn meta API's opaque handles: tensors (views onto device memory the
// caller owns), scalars (values copied at creation), integer arrays and operator executors.
#ifndef ACLSIM_NN_META_H
#define ACLSIM_NN_META_H

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "aclnn/acl_meta.h"
#include "dtype.h"
#include "sim_internal.h"

namespace aclsim::nn {

// Range of element indices, relative to a tensor's data pointer, that its view can reach.
struct ElementSpan {
    int64_t first = 0;
    int64_t last = 0; // inclusive
};

// A tensor as aclCreateTensor described it. Strides and offset count elements.
struct ACLSIM_INTERNAL TensorDesc {
    std::vector<int64_t> viewDims;
    std::vector<int64_t> strides;
    int64_t offset = 0;
    aclDataType dtype = ACL_DT_UNDEFINED;
    aclFormat format = ACL_FORMAT_ND;
    std::vector<int64_t> storageDims; // empty: the caller gave no storage shape
    void *data = nullptr;

    size_t Rank() const { return viewDims.size(); }
    bool IsEmpty() const;
    int64_t ElementCount() const; // product of the view dims (1 for a 0-d tensor)
    bool HasNegativeStride() const;
    // Elements the view can reach; only for a non-empty view without negative strides.
    ElementSpan ReachableSpan() const;
    // Product of the storage dims, when the caller gave them.
    std::optional<int64_t> StorageElementCount() const;
    std::string ShapeText() const; // "[4, 2]"
};

ACLSIM_INTERNAL std::string ShapeText(const std::vector<int64_t> &dims);

} // namespace aclsim::nn

struct ACLSIM_INTERNAL aclTensor {
    explicit aclTensor(aclsim::nn::TensorDesc description);
    ~aclTensor();
    aclTensor(const aclTensor &) = delete;
    aclTensor &operator=(const aclTensor &) = delete;

    aclsim::nn::TensorDesc desc;
};

// A copied value of any type with a whole-byte size up to 16 bytes (COMPLEX128); operators
// reject the types they have no arithmetic for before reading it.
struct ACLSIM_INTERNAL aclScalar {
    aclScalar(aclDataType type, const void *value);
    ~aclScalar();
    aclScalar(const aclScalar &) = delete;
    aclScalar &operator=(const aclScalar &) = delete;

    // The value converted (CastValue rules) to arithmetic type A.
    template <class A>
    A As() const {
        A result{};
        aclsim::nn::VisitElementType(dtype, [&](auto tag) {
            using Storage = typename decltype(tag)::type;
            Storage stored;
            std::memcpy(&stored, bytes, sizeof stored);
            result = aclsim::nn::CastValue<A>(aclsim::nn::ElementTraits<Storage>::Load(stored));
        });
        return result;
    }

    aclDataType dtype;
    alignas(16) unsigned char bytes[16] = {};
};

struct aclIntArray {
    std::vector<int64_t> values;
};

namespace aclsim::nn {
// A scalar argument of a kernel (alpha, a scalar operand), as the kernel computes with it: the
// compute dtype's C type (float for FLOAT16 and BF16) at the start of 16 bytes.
struct KernelScalar {
    alignas(16) unsigned char bytes[16] = {};
};
class ExecutorFunction; // launch_args.h
} // namespace aclsim::nn

// An executor: the operator's tensors as bound now, the planner that turns those bindings into
// a device kernel (run again when aclSetInput/OutputTensorAddr rebinds an address), and the
// kernel it planned (none for empty tensors). The kernel carries its launch arguments (tensor
// addresses, scalars) for aclmdlRITaskGetParams/SetParams.
struct ACLSIM_INTERNAL aclOpExecutor {
    // Validates the bindings against device memory and builds the kernel (null: nothing to run).
    using Planner = std::function<aclnnStatus(const char *api, const std::vector<aclsim::nn::TensorDesc> &bindings,
                                              std::shared_ptr<const aclsim::DeviceKernel> &kernel)>;
    // The planner for other scalar arguments (operators whose kernels take scalars).
    using ScalarPlanner = std::function<Planner(const std::vector<aclsim::nn::KernelScalar> &scalars)>;

    aclOpExecutor(const char *opName, std::vector<aclsim::nn::TensorDesc> bindings,
                  std::vector<const aclTensor *> sources, std::vector<size_t> inputSlots,
                  std::vector<size_t> outputSlots, Planner planner, std::vector<aclsim::nn::KernelScalar> scalars = {},
                  ScalarPlanner scalarPlanner = nullptr);
    ~aclOpExecutor();
    aclOpExecutor(const aclOpExecutor &) = delete;
    aclOpExecutor &operator=(const aclOpExecutor &) = delete;

    // Plans the kernel for the current bindings.
    aclnnStatus Plan(const char *api);
    // Rebinds the tensor of input or output `index` to `address` and re-plans; on failure the
    // previous binding and kernel stay.
    aclnnStatus Rebind(const char *api, bool output, size_t index, aclTensor *tensor, void *address);
    std::shared_ptr<const aclsim::DeviceKernel> Kernel() const;

    const char *const opName;
    std::atomic<bool> repeatable{false};

private:
    mutable std::mutex mutex_; // rebinding and launching may happen on different threads
    std::vector<aclsim::nn::TensorDesc> bindings_;
    std::vector<const aclTensor *> sources_; // the caller's tensor per binding, to check rebinds
    std::vector<size_t> inputSlots_;
    std::vector<size_t> outputSlots_;
    Planner planner_;
    std::vector<aclsim::nn::KernelScalar> scalars_;
    std::shared_ptr<const aclsim::nn::ExecutorFunction> function_;
    std::shared_ptr<const aclsim::DeviceKernel> kernel_;
};

namespace aclsim::nn {

// Executors handed out and not yet freed. A non-repeatable executor is freed by its second-phase
// call; tracking them turns a later use of the dangling pointer into an error instead of
// undefined behaviour.
ACLSIM_INTERNAL void RegisterExecutor(std::unique_ptr<aclOpExecutor> executor, aclOpExecutor **handle);
ACLSIM_INTERNAL bool IsLiveExecutor(const aclOpExecutor *executor);
// Removes the executor from the live set and hands ownership back (null if it was not live).
ACLSIM_INTERNAL std::unique_ptr<aclOpExecutor> ReleaseExecutor(aclOpExecutor *executor);

// The second phase of every aclnn operator: launches the executor's kernel on `stream` and frees
// the executor unless it is repeatable.
ACLSIM_INTERNAL aclnnStatus RunExecutor(const char *api, void *workspace, uint64_t workspaceSize,
                                        aclOpExecutor *executor, aclrtStream stream);

} // namespace aclsim::nn

#endif
