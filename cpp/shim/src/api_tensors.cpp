// Entry points: tensors, scalars and operators.
// Each entry point is a short adapter: it passes the one wrapper (Entry), finds its handles and
// calls the components and the ACL runtime; nothing throws across the C API.
#include "aclgraph4j/shim.h"

#include <memory>
#include <string>

#include "entry.h"
#include "operators.h"
#include "scalar_value.h"
#include "stream_wait.h"
#include "tensor_layout.h"

namespace agj {
namespace {} // namespace
} // namespace agj

using namespace agj;

extern "C" {

// ---- tensors and scalars ----

int32_t agj_tensor_create(int64_t buffer, int32_t dataType, const int64_t *dims, int32_t rank, const int64_t *strides,
                          int64_t offset, int64_t *tensorOut) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_REQUIRE_OUT(tensorOut);
        AGJ_FIND(Buffer, b, buffer, AGJ_KIND_DEVICE_BUFFER, "device buffer");
        TensorLayout layout;
        AGJ_RETURN_IF_FAILED(LayOutView(entry, dataType, dims, rank, strides, offset, b->bytes(), layout));
        aclTensor *tensor = Api().aclCreateTensor(layout.shape.data(), static_cast<uint64_t>(rank),
                                                  static_cast<aclDataType>(dataType), layout.strides.data(), offset,
                                                  ACL_FORMAT_ND, &layout.storageElements, 1, b->address());
        if (tensor == nullptr) {
            return AclFail("aclCreateTensor", ACL_ERROR_INVALID_PARAM);
        }
        *tensorOut = Publish(std::make_shared<Tensor>(b, tensor, dataType, std::move(layout)));
        return AGJ_OK;
    });
}

static int32_t CreateScalar(const char *entry, int32_t dataType, double real, int64_t integral, bool fromDouble,
                            int64_t *scalarOut) {
    AGJ_REQUIRE_OUT(scalarOut);
    ScalarValue value;
    AGJ_RETURN_IF_FAILED(EncodeScalar(entry, dataType, real, integral, fromDouble, value));
    aclScalar *scalar = Api().aclCreateScalar(value.bytes, static_cast<aclDataType>(dataType));
    if (scalar == nullptr) {
        return AclFail("aclCreateScalar", ACL_ERROR_INVALID_PARAM);
    }
    *scalarOut = Publish(std::make_shared<Scalar>(scalar, dataType, std::move(value.text)));
    return AGJ_OK;
}

int32_t agj_scalar_create_double(int32_t dataType, double value, int64_t *scalarOut) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        return CreateScalar(entry, dataType, value, 0, true, scalarOut);
    });
}

int32_t agj_scalar_create_long(int32_t dataType, int64_t value, int64_t *scalarOut) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        return CreateScalar(entry, dataType, 0.0, value, false, scalarOut);
    });
}

// ---- operators ----

int32_t agj_operator_prepare(int32_t op, const int64_t *handles, int32_t handleCount, const int64_t *ints,
                             int32_t intCount, const double *floats, int32_t floatCount, int32_t flags,
                             int64_t *executorOut) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        OperatorOperands operands{handles, handleCount, ints, intCount, floats, floatCount};
        return PrepareOperator(entry, op, operands, flags, executorOut);
    });
}

int32_t agj_executor_prepare(int32_t op, int64_t self, int64_t other, int64_t alpha, int64_t out, int32_t flags,
                             int64_t *executorOut) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        // The Add family's operands in their table order: self, other, alpha[, out].
        const int64_t handles[] = {self, other, alpha, out};
        bool inPlace = op == AGJ_OP_INPLACE_ADD || op == AGJ_OP_INPLACE_ADDS;
        if (op != AGJ_OP_ADD && op != AGJ_OP_ADDS && !inPlace) {
            AGJ_REQUIRE_OUT(executorOut);
            return InvalidArgument(entry, "unknown operator " + std::to_string(op) +
                                              " (this form prepares the Add family; agj_operator_prepare takes any)");
        }
        OperatorOperands operands{handles, inPlace ? 3 : 4, nullptr, 0, nullptr, 0};
        return PrepareOperator(entry, op, operands, flags, executorOut);
    });
}

int32_t agj_executor_workspace_size(int64_t executor, int64_t *bytesOut) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_REQUIRE_OUT(bytesOut);
        AGJ_FIND(Executor, ex, executor, AGJ_KIND_EXECUTOR, "executor");
        *bytesOut = static_cast<int64_t>(ex->workspaceBytes());
        return AGJ_OK;
    });
}

int32_t agj_executor_launch(int64_t executor, int64_t stream) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_FIND(Executor, ex, executor, AGJ_KIND_EXECUTOR, "executor");
        AGJ_FIND(Stream, s, stream, AGJ_KIND_STREAM, "stream");
        if (s->device()->id() != ex->device()->id()) {
            return InvalidArgument(entry, "the executor's tensors are on device " + std::to_string(ex->device()->id()) +
                                              " but the stream is on device " + std::to_string(s->device()->id()));
        }
        if (!ex->claimLaunch()) {
            return Fail(AGJ_ERR_STATE, entry,
                        "this single-use executor was already launched; prepare a new one for each "
                        "launch, or prepare it repeatable");
        }
        AGJ_ACL_CHECK("aclrtSetCurrentContext", s->device()->makeCurrent());
        AGJ_ACL_CHECK("aclnn operator launch", ex->launch(s->handle()));
        RetainForTask(*s, {ex});
        return AGJ_OK;
    });
}

} // extern "C"
