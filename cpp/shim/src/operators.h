// Operators as declarations: shim_operators.def names each operator's aclnn pair and operand
// list; one generic prepare reads the caller's operands in that order, checks them, calls the
// operator's GetWorkspaceSize with the types its header declares, and wraps the result in an
// Executor with its workspace.
#ifndef ACLGRAPH4J_SHIM_OPERATORS_H
#define ACLGRAPH4J_SHIM_OPERATORS_H

#include <cstdint>

namespace agj {

// The caller's operands of one operator (see agj_operator_prepare in shim.h).
struct OperatorOperands {
    const int64_t *handles = nullptr;
    int32_t handleCount = 0;
    const int64_t *ints = nullptr;
    int32_t intCount = 0;
    const double *floats = nullptr;
    int32_t floatCount = 0;
};

// Prepares an executor for `op` (AGJ_OP_*); on success *executorOut is its handle. Refusals and
// failures return their status with the thread's message naming `entry`.
int32_t PrepareOperator(const char *entry, int32_t op, const OperatorOperands &operands, int32_t flags,
                        int64_t *executorOut);

// The aclnn function an operator launches ("aclnnAdd"), or null for an unknown code.
const char *OperatorName(int32_t op) noexcept;

} // namespace agj

#endif
