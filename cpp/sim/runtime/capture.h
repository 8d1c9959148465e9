// Captures: the streams taking part in one, their fork/join bookkeeping, and the rules captures
// impose on other calls (capture modes, conditional bodies, launches).
#ifndef ACLSIM_RUNTIME_CAPTURE_H
#define ACLSIM_RUNTIME_CAPTURE_H

#include <cstdint>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "sim_internal.h"

namespace aclsim {

class Context;
class Event;
class Model;
class Stream;
struct Task;
struct ThreadState;

struct Capture {
    struct Member {
        std::shared_ptr<Stream> stream;
        uint32_t modelStream = 0;
        bool lastIsRecord = false;
        const Event *lastEvent = nullptr;
        uint64_t lastSequence = 0;
    };
    struct Wait {
        const Event *event;
        uint64_t sequence;
        Stream *waiter;
    };

    std::shared_ptr<Model> model;
    std::shared_ptr<Context> context;
    std::shared_ptr<ThreadState> beginThread;
    std::thread::id beginThreadId;
    aclmdlRICaptureMode mode = ACL_MODEL_RI_CAPTURE_MODE_GLOBAL;
    bool active = true;
    // The model is invalid (the device's CaptureModel::TerminateCapture): its streams keep their
    // status, tasks are still accepted, aclmdlRICaptureEnd discards the model with 507903.
    bool invalidated = false;
    std::vector<Member> members; // origin first
    std::vector<Wait> waits;
    int openGroups = 0;                // member streams with a task group open
    aclError groupError = ACL_SUCCESS; // first task-group failure, returned by aclmdlRICaptureTaskGrpEnd

    Member *member(const Stream *stream);
};

// Under CaptureMutex(): appends a task to the capture `stream` belongs to (task groups and
// fork/join bookkeeping included).
aclError RecordIntoCapture(const char *call, Capture &capture, Stream &stream, Task &&task);
// Under CaptureMutex(): marks the capture's model invalidated; the member streams keep their status.
void InvalidateCapture(Capture &capture);
// Under CaptureMutex(): one stream's part failed (Stream::SingleStreamTerminateCapture): that
// stream becomes INVALIDATED and the model with it.
void InvalidateStreamCapture(Capture &capture, Stream &stream);
// Under CaptureMutex(): a task-group rule broken (Stream::SetTaskGroupErrCode): the first such code
// is kept for aclmdlRICaptureTaskGrpEnd, the capture is invalidated and the call fails with `code`.
aclError FailTaskGroup(const char *call, Capture &capture, aclError code, const std::string &reason);
// Under CaptureMutex(): Stream::PackingTaskGroup refused a task of kind `tasks` (a group holds
// operator kernels only), as FailTaskGroup.
aclError FailNonKernelInGroup(const char *call, Capture &capture, const std::string &tasks);
// Under CaptureMutex(): the injected ACLSIM_FAULT_TASK_SUBMIT fault while adding `what` to the
// capture invalidates the stream's part and fails; ACL_SUCCESS when no fault is injected.
aclError InjectedCaptureFault(const char *call, Capture &capture, Stream &stream, const char *what);
// Under CaptureMutex(): takes every member stream out of the capture and releases the mode
// restrictions it imposed.
void LeaveCapture(Capture &capture);

// A stream argument of the capture calls: NULL (the default stream) and stale handles are refused.
aclError FindCaptureStream(const char *call, aclrtStream handle, std::shared_ptr<Stream> &out);
// Under CaptureMutex(): the capture `stream` takes part in; none gives 107029 "the stream is not
// capturing" followed by `detail` (what the call needs the capture for).
aclError RequireCapture(const char *call, const Stream &stream, std::shared_ptr<Capture> &out,
                        const std::string &detail = "");
// Begins a capture on `stream`: into a new model, or into `body` (a conditional task's body).
aclError BeginCapture(const char *call, aclrtStream stream, aclmdlRICaptureMode mode,
                      const std::shared_ptr<Model> &body);
// Under CaptureMutex(), at aclmdlRICaptureEnd: 107045 (with `reason`) when a body of the model's
// conditional tasks, at any depth, is not captured yet; those still capturing leave their captures.
aclError CheckBodiesCaptured(Model &model, std::string &reason);
// At aclmdlRIExecuteAsync: condition values made with ACL_MODEL_RI_COND_HANDLE_ASSIGN_DEFAULT
// (at any depth) take their default value again.
void ResetConditionDefaults(const Model &model);
// CaptureModel::PreModelExecute, at aclmdlRIExecuteAsync: condition defaults and the bindings of
// the model's external event tasks (event_values.cpp).
void PrepareLaunch(const Model &model);

// Ends every capture of a context whose streams are being destroyed (aclrtResetDevice).
void DiscardCapturesOf(const Context &context);

// Under CaptureMutex(): the unsafe-call rule of §2.4 for the current thread in `context`.
bool UnsafeCallAllowed(const Context &context);
// Checks an unsafe call (aclrtMemcpy, aclrtMemset, ...) against the capture modes in force.
aclError CheckUnsafeCall(const char *call);

} // namespace aclsim

#endif
