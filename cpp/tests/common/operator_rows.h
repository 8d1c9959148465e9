// The rows of shim_operators.def as data for tests and the fuzzer: each operator's code, aclnn
// function and operand list (kind and name), so that they walk every operator without a list of
// their own.
#ifndef ACLGRAPH4J_TESTS_OPERATOR_ROWS_H
#define ACLGRAPH4J_TESTS_OPERATOR_ROWS_H

#include <cstdint>
#include <vector>

namespace operator_rows {

enum class Kind { In, InOpt, Out, OutOpt, InOut, Scalar, Int, Float, Bool, DType, IntArray };

struct Operand {
    Kind kind;
    const char *name;

    bool tensor() const {
        return kind == Kind::In || kind == Kind::InOpt || kind == Kind::Out || kind == Kind::OutOpt ||
               kind == Kind::InOut;
    }
    bool optional() const { return kind == Kind::InOpt || kind == Kind::OutOpt; }
    bool written() const { return kind == Kind::Out || kind == Kind::OutOpt || kind == Kind::InOut; }
    bool handle() const { return tensor() || kind == Kind::Scalar; }
};

struct Row {
    int32_t code;
    const char *function;
    std::vector<Operand> operands;
};

inline const std::vector<Row> &Rows() {
#define AGJ_IN(n) {Kind::In, #n},
#define AGJ_IN_OPT(n) {Kind::InOpt, #n},
#define AGJ_OUT(n) {Kind::Out, #n},
#define AGJ_OUT_OPT(n) {Kind::OutOpt, #n},
#define AGJ_INOUT(n) {Kind::InOut, #n},
#define AGJ_SCALAR(n) {Kind::Scalar, #n},
#define AGJ_INT(n) {Kind::Int, #n},
#define AGJ_FLOAT(n) {Kind::Float, #n},
#define AGJ_BOOL(n) {Kind::Bool, #n},
#define AGJ_DTYPE(n) {Kind::DType, #n},
#define AGJ_INT_ARRAY(n) {Kind::IntArray, #n},
#define AGJ_OPERATOR(name, code, function, header, operands) {code, #function, {operands}},
    static const std::vector<Row> rows = {
#include "aclgraph4j/shim_operators.def"
    };
#undef AGJ_OPERATOR
#include "aclgraph4j/shim_operands_undef.h"
    return rows;
}

} // namespace operator_rows

#endif
