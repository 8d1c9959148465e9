#include "operators.h"

#include <limits>
#include <memory>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "data_types.h"
#include "entry.h"
#include "tensor_layout.h"

namespace agj {
namespace {

enum class OperandKind { In, InOpt, Out, OutOpt, InOut, Scalar, Int, Float, Bool, DType, IntArray };

struct OperandSpec {
    OperandKind kind;
    const char *name;
};

bool IsTensor(OperandKind kind) {
    return kind == OperandKind::In || kind == OperandKind::InOpt || kind == OperandKind::Out ||
           kind == OperandKind::OutOpt || kind == OperandKind::InOut;
}

bool IsOptional(OperandKind kind) {
    return kind == OperandKind::InOpt || kind == OperandKind::OutOpt;
}

bool IsWritten(OperandKind kind) {
    return kind == OperandKind::Out || kind == OperandKind::OutOpt || kind == OperandKind::InOut;
}

// One operand's value as the GetWorkspaceSize parameter of type T takes it.
struct OperandValue {
    void *pointer = nullptr;
    int64_t integer = 0;
    double real = 0.0;
};

// Whether an operand kind may be passed as a parameter of type T (checked at compile time
// against the aclnn header's prototype).
template <typename T>
constexpr bool KindFits(OperandKind kind) {
    switch (kind) {
    case OperandKind::In:
    case OperandKind::InOpt: return std::is_same_v<T, const aclTensor *>;
    case OperandKind::Out:
    case OperandKind::OutOpt: // CANN declares a few outputs const (aclnnRelu's out)
        return std::is_same_v<T, aclTensor *> || std::is_same_v<T, const aclTensor *>;
    case OperandKind::InOut: return std::is_same_v<T, aclTensor *> || std::is_same_v<T, const aclTensor *>;
    case OperandKind::Scalar: return std::is_same_v<T, const aclScalar *>;
    case OperandKind::Int: return std::is_integral_v<T> && !std::is_same_v<T, bool>;
    case OperandKind::Float: return std::is_floating_point_v<T>;
    case OperandKind::Bool: return std::is_same_v<T, bool>;
    case OperandKind::DType: return std::is_same_v<T, aclDataType>;
    case OperandKind::IntArray: return std::is_same_v<T, const aclIntArray *>;
    }
    return false;
}

template <typename T>
T As(const OperandValue &value) {
    if constexpr (std::is_pointer_v<T>) {
        return static_cast<T>(value.pointer);
    } else if constexpr (std::is_same_v<T, bool>) {
        return value.integer != 0;
    } else if constexpr (std::is_enum_v<T> || std::is_integral_v<T>) {
        return static_cast<T>(value.integer);
    } else {
        return static_cast<T>(value.real);
    }
}

// Whether an integer attribute fits a narrower parameter type (int8_t cubeMathType, say).
template <typename T>
bool InRange(const OperandValue &value) {
    if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool> && sizeof(T) < sizeof(int64_t)) {
        return value.integer >= static_cast<int64_t>(std::numeric_limits<T>::min()) &&
               value.integer <= static_cast<int64_t>(std::numeric_limits<T>::max());
    } else {
        return true;
    }
}

template <typename Fn>
struct Prototype;

template <typename R, typename... P>
struct Prototype<R (*)(P...)> {
    static_assert(sizeof...(P) >= 2, "a GetWorkspaceSize function ends with workspaceSize and executor");
    static constexpr size_t kOperands = sizeof...(P) - 2;
    template <size_t I>
    using Param = std::remove_cv_t<std::tuple_element_t<I, std::tuple<P...>>>;

    template <size_t N, size_t... I>
    static constexpr bool Fits(const OperandSpec (&specs)[N], std::index_sequence<I...>) {
        return N == kOperands && (KindFits<Param<I>>(specs[I].kind) && ...);
    }
    template <size_t N>
    static constexpr bool Fits(const OperandSpec (&specs)[N]) {
        if constexpr (N != kOperands) {
            return false;
        } else {
            return Fits(specs, std::make_index_sequence<kOperands>());
        }
    }

    template <size_t... I>
    static int32_t FirstOutOfRange(const OperandValue *values, std::index_sequence<I...>) {
        int32_t bad = -1;
        ((bad < 0 && !InRange<Param<I>>(values[I]) ? (bad = static_cast<int32_t>(I)) : 0), ...);
        return bad;
    }

    template <size_t... I>
    static aclnnStatus Call(void *function, const OperandValue *values, uint64_t *workspaceBytes,
                            aclOpExecutor **executor, std::index_sequence<I...>) {
        auto typed = reinterpret_cast<R (*)(P...)>(function);
        return typed(As<Param<I>>(values[I])..., workspaceBytes, executor);
    }
};

// Calls a GetWorkspaceSize of type Fn with the operands' values, after checking their ranges.
using PrepareCaller = aclnnStatus (*)(void *function, const OperandValue *values, uint64_t *workspaceBytes,
                                      aclOpExecutor **executor);
using RangeChecker = int32_t (*)(const OperandValue *values);

template <typename Fn>
aclnnStatus CallPrepare(void *function, const OperandValue *values, uint64_t *workspaceBytes,
                        aclOpExecutor **executor) {
    return Prototype<Fn>::Call(function, values, workspaceBytes, executor,
                               std::make_index_sequence<Prototype<Fn>::kOperands>());
}

template <typename Fn>
int32_t CheckRanges(const OperandValue *values) {
    return Prototype<Fn>::FirstOutOfRange(values, std::make_index_sequence<Prototype<Fn>::kOperands>());
}

struct OperatorSpec {
    int32_t code;
    const char *function;
    const OperandSpec *operands;
    size_t operandCount;
    PrepareCaller call;
    RangeChecker checkRanges;
};

#define AGJ_IN(n) {OperandKind::In, #n},
#define AGJ_IN_OPT(n) {OperandKind::InOpt, #n},
#define AGJ_OUT(n) {OperandKind::Out, #n},
#define AGJ_OUT_OPT(n) {OperandKind::OutOpt, #n},
#define AGJ_INOUT(n) {OperandKind::InOut, #n},
#define AGJ_SCALAR(n) {OperandKind::Scalar, #n},
#define AGJ_INT(n) {OperandKind::Int, #n},
#define AGJ_FLOAT(n) {OperandKind::Float, #n},
#define AGJ_BOOL(n) {OperandKind::Bool, #n},
#define AGJ_DTYPE(n) {OperandKind::DType, #n},
#define AGJ_INT_ARRAY(n) {OperandKind::IntArray, #n},

#define AGJ_OPERATOR(name, code, function, header, operands)                                   \
    constexpr OperandSpec k##name##Operands[] = {operands};                                    \
    static_assert(Prototype<decltype(&::function##GetWorkspaceSize)>::Fits(k##name##Operands), \
                  "shim_operators.def: the operands of " #name " do not match " #function "GetWorkspaceSize");
#include "aclgraph4j/shim_operators.def"
#undef AGJ_OPERATOR

const OperatorSpec kOperators[] = {
#define AGJ_OPERATOR(name, code, function, header, operands) \
    {code,                                                   \
     #function,                                              \
     k##name##Operands,                                      \
     std::size(k##name##Operands),                           \
     &CallPrepare<decltype(&::function##GetWorkspaceSize)>,  \
     &CheckRanges<decltype(&::function##GetWorkspaceSize)>},
#include "aclgraph4j/shim_operators.def"
#undef AGJ_OPERATOR
};

#include "aclgraph4j/shim_operands_undef.h"

const OperatorSpec *FindOperator(int32_t op) {
    for (const OperatorSpec &spec : kOperators) {
        if (spec.code == op) {
            return &spec;
        }
    }
    return nullptr;
}

// Integer arrays live as long as the executor made with them.
struct IntArrays {
    std::vector<aclIntArray *> arrays;
    IntArrays() = default;
    IntArrays(const IntArrays &) = delete;
    IntArrays &operator=(const IntArrays &) = delete;
    ~IntArrays() {
        for (aclIntArray *array : arrays) {
            Api().aclDestroyIntArray(array);
        }
    }
};

} // namespace

const char *OperatorName(int32_t op) noexcept {
    const OperatorSpec *spec = FindOperator(op);
    return spec != nullptr ? spec->function : nullptr;
}

int32_t PrepareOperator(const char *entry, int32_t op, const OperatorOperands &given, int32_t flags,
                        int64_t *executorOut) {
    AGJ_REQUIRE_OUT(executorOut);
    if ((flags & ~AGJ_EXECUTOR_REPEATABLE) != 0) {
        return InvalidArgument(entry, "unknown flags " + std::to_string(flags));
    }
    const OperatorSpec *spec = FindOperator(op);
    if (spec == nullptr) {
        return InvalidArgument(entry, "unknown operator " + std::to_string(op));
    }
    if (given.handleCount < 0 || given.intCount < 0 || given.floatCount < 0 ||
        (given.handleCount > 0 && given.handles == nullptr) || (given.intCount > 0 && given.ints == nullptr) ||
        (given.floatCount > 0 && given.floats == nullptr)) {
        return InvalidArgument(entry, "an operand array is null or has a negative length");
    }
    const AclApi &api = Api();
    const OperatorFunctions &functions = api.operators[op];
    if (functions.getWorkspaceSize == nullptr || functions.launch == nullptr) {
        return Fail(AGJ_ERR_BACKEND, entry, std::string("the backend lacks ") + spec->function);
    }
    std::vector<OperandValue> values(spec->operandCount);
    std::vector<ObjectRef> operands;
    auto arrays = std::make_shared<IntArrays>();
    std::shared_ptr<Device> device;
    int32_t handle = 0, integer = 0, real = 0;
    auto missing = [&](const OperandSpec &operand) {
        return InvalidArgument(entry, std::string(spec->function) + " needs operand " + operand.name +
                                          ", but fewer were given");
    };
    for (size_t i = 0; i < spec->operandCount; ++i) {
        const OperandSpec &operand = spec->operands[i];
        OperandValue &value = values[i];
        if (IsTensor(operand.kind) || operand.kind == OperandKind::Scalar) {
            if (handle >= given.handleCount) {
                return missing(operand);
            }
            int64_t h = given.handles[handle++];
            if (h == 0 && IsOptional(operand.kind)) {
                continue; // an absent optional tensor: null
            }
            if (operand.kind == OperandKind::Scalar) {
                AGJ_FIND(Scalar, scalar, h, AGJ_KIND_SCALAR, operand.name);
                value.pointer = scalar->handle();
                operands.push_back(scalar.shared());
            } else {
                AGJ_FIND(Tensor, tensor, h, AGJ_KIND_TENSOR, operand.name);
                if (IsWritten(operand.kind) && MayNameAnElementTwice(tensor->layout())) {
                    return InvalidArgument(
                        entry, std::string(spec->function) + " writes every element of " + operand.name + ", but " +
                                   operand.name + " has elements that share memory (" + DescribeView(tensor->layout()) +
                                   "): give a tensor whose elements do not overlap (a contiguous "
                                   "one, or strides that step past each other)");
                }
                value.pointer = tensor->handle();
                if (!device) {
                    device = tensor->buffer()->device();
                }
                operands.push_back(tensor.shared());
            }
        } else if (operand.kind == OperandKind::Float) {
            if (real >= given.floatCount) {
                return missing(operand);
            }
            value.real = given.floats[real++];
        } else if (operand.kind == OperandKind::IntArray) {
            if (integer >= given.intCount) {
                return missing(operand);
            }
            int64_t length = given.ints[integer++];
            if (length < 0 || length > given.intCount - integer) {
                return InvalidArgument(entry, std::string("integer array ") + operand.name + " has length " +
                                                  std::to_string(length) + " but only " +
                                                  std::to_string(given.intCount - integer) + " values follow");
            }
            aclIntArray *array = api.aclCreateIntArray(given.ints + integer, static_cast<uint64_t>(length));
            if (array == nullptr) {
                return AclFail("aclCreateIntArray", ACL_ERROR_INVALID_PARAM);
            }
            arrays->arrays.push_back(array);
            value.pointer = array;
            integer += static_cast<int32_t>(length);
        } else {
            if (integer >= given.intCount) {
                return missing(operand);
            }
            value.integer = given.ints[integer++];
            // Checked before it becomes an aclDataType: a value outside the enumeration is
            // undefined behaviour in the callee, and no operator takes a type the shim cannot store.
            if (operand.kind == OperandKind::DType && !IsKnownDataType(value.integer)) {
                return InvalidArgument(entry, std::string("attribute ") + operand.name + " (" +
                                                  std::to_string(value.integer) + ") of " + spec->function +
                                                  " is not a data type: give one of the element types tensors are "
                                                  "made with (FLOAT, FLOAT16, INT32, ...)");
            }
        }
    }
    if (handle != given.handleCount || integer != given.intCount || real != given.floatCount) {
        return InvalidArgument(entry, std::string(spec->function) + " takes fewer operands than were given");
    }
    if (!device) {
        return InvalidArgument(entry, std::string(spec->function) + " needs at least one tensor");
    }
    if (int32_t bad = spec->checkRanges(values.data()); bad >= 0) {
        return InvalidArgument(entry, std::string("attribute ") + spec->operands[bad].name + " (" +
                                          std::to_string(values[bad].integer) +
                                          ") is out of the range of its type in " + spec->function);
    }
    AGJ_ACL_CHECK("aclrtSetCurrentContext", device->makeCurrent());
    uint64_t workspaceBytes = 0;
    aclOpExecutor *executor = nullptr;
    aclnnStatus status = spec->call(functions.getWorkspaceSize, values.data(), &workspaceBytes, &executor);
    if (status != 0 || executor == nullptr) {
        return AclFail((std::string(spec->function) + "GetWorkspaceSize").c_str(),
                       status != 0 ? status : ACL_ERROR_INTERNAL_ERROR);
    }
    bool repeatable = (flags & AGJ_EXECUTOR_REPEATABLE) != 0;
    if (repeatable) {
        if (aclnnStatus made = api.aclSetAclOpExecutorRepeatable(executor); made != 0) {
            api.aclDestroyAclOpExecutor(executor);
            return AclFail("aclSetAclOpExecutorRepeatable", made);
        }
    }
    std::shared_ptr<Buffer> workspace;
    if (workspaceBytes > 0) {
        void *address = nullptr;
        if (aclError allocated = api.aclrtMalloc(&address, workspaceBytes, ACL_MEM_MALLOC_HUGE_FIRST);
            allocated != ACL_SUCCESS) {
            api.aclDestroyAclOpExecutor(executor);
            return AclFail("aclrtMalloc (operator workspace)", allocated);
        }
        workspace =
            std::make_shared<Buffer>(AGJ_KIND_DEVICE_BUFFER, device, address, static_cast<int64_t>(workspaceBytes));
        operands.push_back(workspace);
    }
    if (arrays->arrays.empty()) {
        arrays.reset();
    }
    auto owned = std::make_shared<Executor>(op, executor, functions.launch, repeatable, workspace, workspaceBytes,
                                            std::move(operands), device, std::move(arrays));
    *executorOut = Publish(owned);
    return AGJ_OK;
}

} // namespace agj
