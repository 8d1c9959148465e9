// Callbacks reported to a host thread: aclrtSubscribeReport binds a stream to a thread,
// aclrtLaunchCallback queues a task that, when the stream reaches it, hands the callback to that
// thread, and aclrtProcessReport (called by that thread) runs the callbacks handed to it. A
// blocking callback holds its stream until it has run.
//
// Rules from CANN's runtime: acl/aclrt_impl/callback.cpp (aclrtLaunchCallbackImpl,
// aclrtProcessReportImpl), ApiErrorDecorator::CallbackLaunch / ProcessReport, ApiImpl::
// SubscribeReport / CallbackLaunch / ProcessReport / UnSubscribeReport and CbSubscribe::Insert /
// Delete / GetGroupIdByThreadId (core/src/utils/subscribe.cc). The thread id is pthread_self(), as
// the device's PidTidFetcher::GetCurrentUserTid gives it.
#include <pthread.h>

#include <condition_variable>
#include <deque>
#include <map>

#include "runtime.h"

namespace aclsim {
namespace {

// A blocking callback's completion, waited for by the stream that reported it.
struct Completion {
    std::mutex mutex;
    std::condition_variable done;
    bool finished = false;
};

struct Report {
    aclrtCallback fn = nullptr;
    void *userData = nullptr;
    std::shared_ptr<Completion> completion; // null for ACL_CALLBACK_NO_BLOCK
};

struct Subscriptions {
    std::mutex mutex;
    std::condition_variable reported;
    std::map<uint32_t, uint64_t> threadOfStream;       // stream id -> subscribed thread
    std::map<uint64_t, std::deque<Report>> reportsFor; // thread -> callbacks not yet processed
};

Subscriptions &Table() {
    static Subscriptions table;
    return table;
}

uint64_t CurrentThreadId() {
    return static_cast<uint64_t>(pthread_self());
}

bool ThreadSubscribed(const Subscriptions &table, uint64_t threadId) {
    for (const auto &[stream, thread] : table.threadOfStream) {
        if (thread == threadId) {
            return true;
        }
    }
    return false;
}

// The state of one aclrtLaunchCallback task: run by the stream (or a model replay) each time it
// is reached.
struct CallbackTask {
    aclrtCallback fn;
    void *userData;
    bool block;
    uint64_t threadId; // the thread subscribed to the launching stream when the task was issued
};

void ReportCallback(void *state) {
    const auto &task = *static_cast<const CallbackTask *>(state);
    auto &table = Table();
    Report report{task.fn, task.userData, task.block ? std::make_shared<Completion>() : nullptr};
    std::shared_ptr<Completion> completion = report.completion;
    {
        std::lock_guard lock(table.mutex);
        table.reportsFor[task.threadId].push_back(std::move(report));
    }
    table.reported.notify_all();
    if (completion) {
        std::unique_lock lock(completion->mutex);
        completion->done.wait(lock, [&] { return completion->finished; });
    }
}

// aclrtSubscribeReport / aclrtUnSubscribeReport: the stream `handle` names (NULL: the current
// context's default stream), then edit(thread of each subscribed stream, that stream's id) under
// the table's lock.
template <class Edit>
aclError EditSubscription(const char *call, aclrtStream handle, Edit edit) {
    std::shared_ptr<Stream> stream;
    ACLSIM_RETURN_IF_FAILED(ResolveStream(call, handle, stream));
    auto &table = Table();
    std::lock_guard lock(table.mutex);
    return edit(table.threadOfStream, stream->id());
}

} // namespace

void ForgetStreamSubscription(const Stream &stream) {
    auto &table = Table();
    std::lock_guard lock(table.mutex);
    table.threadOfStream.erase(stream.id());
}

} // namespace aclsim

using namespace aclsim;

extern "C" {

ACL_FUNC_VISIBILITY aclError aclrtSubscribeReport(uint64_t threadId, aclrtStream stream) {
    const char *call = "aclrtSubscribeReport";
    return EditSubscription(call, stream, [&](auto &threadOfStream, uint32_t streamId) -> aclError {
        auto [entry, inserted] = threadOfStream.emplace(streamId, threadId);
        if (!inserted) {
            return Fail(ACL_ERROR_RT_STREAM_SUBSCRIBE, call,
                        "the stream is subscribed to a thread already (" + std::to_string(entry->second) +
                            "); call aclrtUnSubscribeReport first");
        }
        return ACL_SUCCESS;
    });
}

ACL_FUNC_VISIBILITY aclError aclrtUnSubscribeReport(uint64_t threadId, aclrtStream stream) {
    const char *call = "aclrtUnSubscribeReport";
    return EditSubscription(call, stream, [&](auto &threadOfStream, uint32_t streamId) -> aclError {
        auto entry = threadOfStream.find(streamId);
        if (entry == threadOfStream.end()) {
            return Fail(ACL_ERROR_RT_STREAM_SUBSCRIBE, call, "the stream is not subscribed to any thread");
        }
        if (entry->second != threadId) {
            return Fail(ACL_ERROR_RT_THREAD_SUBSCRIBE, call,
                        "the stream is subscribed to another thread (" + std::to_string(entry->second) + ")");
        }
        threadOfStream.erase(entry);
        return ACL_SUCCESS;
    });
}

ACL_FUNC_VISIBILITY aclError aclrtLaunchCallback(aclrtCallback fn, void *userData, aclrtCallbackBlockType blockType,
                                                 aclrtStream stream) {
    const char *call = "aclrtLaunchCallback";
    if (blockType != ACL_CALLBACK_BLOCK && blockType != ACL_CALLBACK_NO_BLOCK) {
        return Fail(ACL_ERROR_INVALID_PARAM, call,
                    "blockType " + std::to_string(static_cast<int>(blockType)) +
                        " is neither ACL_CALLBACK_BLOCK nor ACL_CALLBACK_NO_BLOCK");
    }
    if (fn == nullptr) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call, "fn is NULL");
    }
    std::shared_ptr<Context> current;
    ACLSIM_RETURN_IF_FAILED(RequireContext(call, current));
    std::shared_ptr<Stream> target;
    ACLSIM_RETURN_IF_FAILED(ResolveStream(call, stream, target));
    ACLSIM_RETURN_IF_FAILED(RequireStreamContext(call, *target));
    uint64_t threadId = 0;
    {
        auto &table = Table();
        std::lock_guard lock(table.mutex);
        auto entry = table.threadOfStream.find(target->id());
        if (entry == table.threadOfStream.end()) {
            return Fail(ACL_ERROR_RT_STREAM_NO_CB_REG, call,
                        "the stream is not bound to any thread: call aclrtSubscribeReport with the thread that "
                        "will call aclrtProcessReport first");
        }
        threadId = entry->second;
    }
    auto state = std::make_shared<CallbackTask>(CallbackTask{fn, userData, blockType == ACL_CALLBACK_BLOCK, threadId});
    Task task;
    task.kind = TaskKind::HostFunc;
    task.hostFunc = ReportCallback;
    task.hostArgs = state.get();
    task.hostState = std::move(state);
    return SubmitTask(call, target, std::move(task));
}

ACL_FUNC_VISIBILITY aclError aclrtProcessReport(int32_t timeout) {
    const char *call = "aclrtProcessReport";
    if (timeout < -1 || timeout == 0) {
        return Fail(ACL_ERROR_INVALID_PARAM, call,
                    "timeout " + std::to_string(timeout) +
                        " is invalid: -1 waits without limit, a positive value is a limit in milliseconds");
    }
    const uint64_t threadId = CurrentThreadId();
    auto &table = Table();
    std::deque<Report> reports;
    {
        std::unique_lock lock(table.mutex);
        if (!ThreadSubscribed(table, threadId)) {
            return Fail(ACL_ERROR_RT_THREAD_SUBSCRIBE, call,
                        "no stream is subscribed to the calling thread: call aclrtSubscribeReport(<this thread's "
                        "pthread_self()>, stream) first");
        }
        auto ready = [&] {
            auto queue = table.reportsFor.find(threadId);
            return queue != table.reportsFor.end() && !queue->second.empty();
        };
        if (timeout == -1) {
            table.reported.wait(lock, ready);
        } else if (!table.reported.wait_for(lock, std::chrono::milliseconds(timeout), ready)) {
            return Fail(ACL_ERROR_RT_REPORT_TIMEOUT, call,
                        "no callback was reported within " + std::to_string(timeout) + " ms");
        }
        reports.swap(table.reportsFor[threadId]);
    }
    for (Report &report : reports) {
        report.fn(report.userData);
        if (report.completion) {
            {
                std::lock_guard lock(report.completion->mutex);
                report.completion->finished = true;
            }
            report.completion->done.notify_all();
        }
    }
    return ACL_SUCCESS;
}

} // extern "C"
