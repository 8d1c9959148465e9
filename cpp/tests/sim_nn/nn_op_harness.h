// Operator-independent checks for the operator tests: an operator call as its two phases, eager
// runs, and the capture/replay/task-update sequence that every operator must pass with the same
// bytes as its eager run.
#ifndef ACLGRAPH4J_TESTS_SIM_NN_NN_OP_HARNESS_H
#define ACLGRAPH4J_TESTS_SIM_NN_NN_OP_HARNESS_H

#include <functional>
#include <string>

#include "nn_test_support.h"

namespace nntest {

using SecondPhase = aclnnStatus (*)(void *, uint64_t, aclOpExecutor *, aclrtStream);

// One operator call: the first phase (with the tensors the lambda binds) and the second.
struct OpCall {
    std::function<aclnnStatus(uint64_t *, aclOpExecutor **)> prepare;
    SecondPhase launch = nullptr;
};

// Both phases on `stream`, without synchronising.
inline aclnnStatus Launch(const OpCall &call, aclrtStream stream) {
    uint64_t workspaceSize = 0;
    aclOpExecutor *executor = nullptr;
    aclnnStatus status = call.prepare(&workspaceSize, &executor);
    if (status != 0) {
        return status;
    }
    if (workspaceSize != 0) {
        return -1; // the simulator needs no workspace
    }
    return call.launch(nullptr, 0, executor, stream);
}

// Both phases and a synchronisation of the session's stream; prints the error text on failure.
inline aclnnStatus Run(const OpCall &call) {
    aclnnStatus status = Launch(call, Session().stream);
    if (status == 0) {
        status = aclrtSynchronizeStream(Session().stream);
    }
    if (status != 0) {
        std::fprintf(stderr, "  status %d: %s\n", status, aclGetRecentErrMsg());
    }
    return status;
}

// Only the first phase; returns its status (the executor, if any, is destroyed).
inline aclnnStatus Prepare(const OpCall &call) {
    uint64_t workspaceSize = 0;
    aclOpExecutor *executor = nullptr;
    const aclnnStatus status = call.prepare(&workspaceSize, &executor);
    if (status == 0) {
        aclDestroyAclOpExecutor(executor);
    }
    aclGetRecentErrMsg(); // consume the message
    return status;
}

// call(k) binds operand set k (k = 0, 1) writing into outs[k]. Checks: a capture records without
// running; the replay writes what the eager call wrote; a task update of the captured group to
// operand set 1 makes the replay write what eager set 1 wrote, into outs[1] only.
inline bool CheckCaptureReplayUpdate(const std::function<OpCall(int)> &call, DeviceTensor &out0, DeviceTensor &out1,
                                     const std::string &what) {
    aclrtStream stream = Session().stream;
    bool ok = true;
    auto check = [&](bool condition, const char *step) {
        if (!condition) {
            std::fprintf(stderr, "  %s: %s failed\n", what.c_str(), step);
            ok = false;
        }
    };
    // Eager results (in-place operators read their out, so it is restored after each).
    check(Run(call(0)) == 0, "eager run 0");
    const std::vector<unsigned char> eager0 = out0.Download();
    out0.Upload();
    check(Run(call(1)) == 0, "eager run 1");
    const std::vector<unsigned char> eager1 = out1.Download();
    out1.Upload();

    aclmdlRI model = nullptr;
    aclrtTaskGrp group = nullptr;
    check(aclmdlRICaptureBegin(stream, ACL_MODEL_RI_CAPTURE_MODE_GLOBAL) == ACL_SUCCESS, "capture begin");
    check(aclmdlRICaptureTaskGrpBegin(stream) == ACL_SUCCESS, "task group begin");
    check(Launch(call(0), stream) == 0, "captured launch");
    check(aclmdlRICaptureTaskGrpEnd(stream, &group) == ACL_SUCCESS, "task group end");
    check(aclmdlRICaptureEnd(stream, &model) == ACL_SUCCESS && model != nullptr, "capture end");
    if (!ok) {
        return false;
    }
    check(SameStorage(out0.spec().type, out0.Download(), out0.host(), what + " (nothing ran during capture)"),
          "capture only records");
    check(aclmdlRIExecuteAsync(model, stream) == ACL_SUCCESS && aclrtSynchronizeStream(stream) == ACL_SUCCESS,
          "replay");
    check(SameStorage(out0.spec().type, out0.Download(), eager0, what + " (replay vs eager)"), "replay bytes");
    out0.Upload();

    aclrtStream updater = nullptr;
    check(aclrtCreateStream(&updater) == ACL_SUCCESS, "updater stream");
    check(aclmdlRICaptureTaskUpdateBegin(updater, group) == ACL_SUCCESS, "task update begin");
    check(Launch(call(1), updater) == 0, "update launch");
    check(aclmdlRICaptureTaskUpdateEnd(updater) == ACL_SUCCESS, "task update end");
    check(aclrtSynchronizeStream(updater) == ACL_SUCCESS, "updater sync");
    check(aclmdlRIExecuteAsync(model, stream) == ACL_SUCCESS && aclrtSynchronizeStream(stream) == ACL_SUCCESS,
          "replay after update");
    check(SameStorage(out1.spec().type, out1.Download(), eager1, what + " (updated replay vs eager)"),
          "updated replay bytes");
    if (&out0 != &out1) {
        check(SameStorage(out0.spec().type, out0.Download(), out0.host(), what + " (old out untouched)"),
              "old out untouched");
    }
    aclrtDestroyStream(updater);
    aclmdlRIDestroy(model);
    return ok;
}

inline std::string ShapeName(const std::vector<int64_t> &dims) {
    std::string text = "[";
    for (size_t i = 0; i < dims.size(); ++i) {
        text += (i ? ", " : "") + std::to_string(dims[i]);
    }
    return text + "]";
}

// Calls visit(C{}) with the reference's compute type for an aclDataType (float for f16/bf16).
template <class Visit>
void VisitComputeType(aclDataType type, Visit visit) {
    switch (type) {
    case ACL_BOOL: visit(bool{}); break;
    case ACL_UINT8: visit(uint8_t{}); break;
    case ACL_INT8: visit(int8_t{}); break;
    case ACL_INT16: visit(int16_t{}); break;
    case ACL_INT32: visit(int32_t{}); break;
    case ACL_INT64: visit(int64_t{}); break;
    case ACL_FLOAT16:
    case ACL_BF16:
    case ACL_FLOAT: visit(float{}); break;
    case ACL_DOUBLE: visit(double{}); break;
    case ACL_COMPLEX64: visit(std::complex<float>{}); break;
    case ACL_COMPLEX128: visit(std::complex<double>{}); break;
    default: break;
    }
}

// Element-wise comparison within a relative tolerance (plus `absolute`) for float outputs.
inline bool CloseStorage(aclDataType t, const std::vector<unsigned char> &actual,
                         const std::vector<unsigned char> &expected, double relative, double absolute,
                         const std::string &what) {
    const size_t size = SizeOf(t);
    size_t differences = 0;
    for (size_t at = 0; at + size <= actual.size() && at + size <= expected.size(); at += size) {
        const double a = ReadAs<double>(t, &actual[at]);
        const double e = ReadAs<double>(t, &expected[at]);
        const bool close =
            (std::isnan(a) && std::isnan(e)) || a == e || std::fabs(a - e) <= absolute + relative * std::fabs(e);
        if (!close && differences++ < 4) {
            std::fprintf(stderr, "  %s: element %zu is %.9g, expected %.9g\n", what.c_str(), at / size, a, e);
        }
    }
    return differences == 0 && actual.size() == expected.size();
}

// The relative rounding error of one result stored as type t (a few units in the last place).
inline double Tolerance(aclDataType t) {
    switch (t) {
    case ACL_FLOAT16: return 2e-3;
    case ACL_BF16: return 1.6e-2;
    case ACL_DOUBLE: return 1e-13;
    default: return 1e-6;
    }
}

} // namespace nntest

#endif
