// Callbacks reported to a host thread (cpp/sim/runtime/host_callbacks.cpp): aclrtSubscribeReport,
// aclrtLaunchCallback, aclrtProcessReport, aclrtUnSubscribeReport, outside and inside a capture.
// Each case names the CANN function whose rules it checks.
#include <pthread.h>

#include "rt_test_util.h"

namespace {

uint64_t ThisThread() {
    return static_cast<uint64_t>(pthread_self());
}

void CountCallback(void *counter) {
    static_cast<std::atomic<int> *>(counter)->fetch_add(1);
}

// A thread that calls aclrtProcessReport until told to stop, as CANN's samples run one.
class ReportThread {
public:
    ReportThread() : thread_([this] { run(); }) {
        std::unique_lock lock(mutex_);
        started_.wait(lock, [this] { return id_ != 0; });
    }
    ~ReportThread() {
        stop_ = true;
        thread_.join();
    }
    uint64_t id() const { return id_; }

private:
    void run() {
        aclrtSetDevice(0);
        {
            std::lock_guard lock(mutex_);
            id_ = ThisThread();
        }
        started_.notify_all();
        while (!stop_) {
            aclrtProcessReport(10); // 507012 when nothing came, 107012 before the subscription
        }
        aclrtResetDevice(0);
    }
    std::mutex mutex_;
    std::condition_variable started_;
    uint64_t id_ = 0;
    std::atomic<bool> stop_{false};
    std::thread thread_;
};

} // namespace

// aclrtLaunchCallbackImpl checks blockType (100000); ApiErrorDecorator::CallbackLaunch a NULL
// function (107000); ApiImpl::CallbackLaunch a stream bound to no thread (107015).
TEST_CASE("aclrtLaunchCallback: bad blockType -> 100000, NULL fn -> 107000, stream not subscribed -> 107015") {
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    std::atomic<int> calls{0};
    CHECK_EQ(aclrtLaunchCallback(CountCallback, &calls, static_cast<aclrtCallbackBlockType>(2), stream),
             ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtLaunchCallback(nullptr, &calls, ACL_CALLBACK_BLOCK, stream), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclrtLaunchCallback(CountCallback, &calls, ACL_CALLBACK_BLOCK, stream), ACL_ERROR_RT_STREAM_NO_CB_REG);
    CHECK_EQ(aclrtLaunchCallback(CountCallback, &calls, ACL_CALLBACK_NO_BLOCK, nullptr), ACL_ERROR_RT_STREAM_NO_CB_REG);
    CHECK_EQ(aclrtLaunchCallback(CountCallback, &calls, ACL_CALLBACK_BLOCK, reinterpret_cast<aclrtStream>(0x1234)),
             ACL_ERROR_RT_INVALID_HANDLE);
    CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
    CHECK_EQ(calls.load(), 0);
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
}

// CbSubscribe::Insert: a stream already subscribed (to any thread) -> RT_ERROR_SUBSCRIBE_STREAM
// (107011); CbSubscribe::Delete: a stream not subscribed -> 107011, one of another thread ->
// RT_ERROR_SUBSCRIBE_THREAD (107012). A NULL stream is the default stream (ApiImpl::SubscribeReport).
TEST_CASE("aclrtSubscribeReport twice -> 107011; unsubscribe unknown -> 107011, other thread -> 107012") {
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    const uint64_t me = ThisThread();
    CHECK_EQ(aclrtUnSubscribeReport(me, stream), ACL_ERROR_RT_STREAM_SUBSCRIBE);
    CHECK_EQ(aclrtSubscribeReport(me, stream), ACL_SUCCESS);
    CHECK_EQ(aclrtSubscribeReport(me, stream), ACL_ERROR_RT_STREAM_SUBSCRIBE);
    CHECK_EQ(aclrtSubscribeReport(me + 1, stream), ACL_ERROR_RT_STREAM_SUBSCRIBE);
    CHECK_EQ(aclrtUnSubscribeReport(me + 1, stream), ACL_ERROR_RT_THREAD_SUBSCRIBE);
    CHECK_EQ(aclrtUnSubscribeReport(me, stream), ACL_SUCCESS);
    CHECK_EQ(aclrtUnSubscribeReport(me, stream), ACL_ERROR_RT_STREAM_SUBSCRIBE);
    CHECK_EQ(aclrtSubscribeReport(me, nullptr), ACL_SUCCESS);
    CHECK_EQ(aclrtSubscribeReport(me, nullptr), ACL_ERROR_RT_STREAM_SUBSCRIBE);
    CHECK_EQ(aclrtUnSubscribeReport(me, nullptr), ACL_SUCCESS);
    CHECK_EQ(aclrtSubscribeReport(me, reinterpret_cast<aclrtStream>(0x1234)), ACL_ERROR_RT_INVALID_HANDLE);
    // A destroyed stream's subscription goes with it.
    CHECK_EQ(aclrtSubscribeReport(me, stream), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
}

// aclrtProcessReportImpl: a timeout below -1 or 0 -> 100000; CbSubscribe::GetGroupIdByThreadId: a
// thread with no subscribed stream -> 107012; CqReportIrqWait with nothing reported within the
// timeout -> ACL_ERROR_RT_REPORT_TIMEOUT (507012).
TEST_CASE("aclrtProcessReport: timeout 0 or -2 -> 100000, unsubscribed thread -> 107012, nothing reported -> 507012") {
    CHECK_EQ(aclrtProcessReport(0), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtProcessReport(-2), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtProcessReport(5), ACL_ERROR_RT_THREAD_SUBSCRIBE);
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    REQUIRE(aclrtSubscribeReport(ThisThread(), stream) == ACL_SUCCESS);
    CHECK_EQ(aclrtProcessReport(5), ACL_ERROR_RT_REPORT_TIMEOUT);
    CHECK_EQ(aclrtUnSubscribeReport(ThisThread(), stream), ACL_SUCCESS);
    CHECK_EQ(aclrtProcessReport(5), ACL_ERROR_RT_THREAD_SUBSCRIBE);
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
}

// The device's flow (ApiImpl::CallbackLaunch, ApiImpl::ProcessReport): the callback runs on the
// subscribed thread, inside its aclrtProcessReport; a blocking one holds the stream until then.
TEST_CASE("a blocking callback runs on the subscribed thread and holds its stream until processed") {
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    std::atomic<int> calls{0};
    // Nobody processes yet: the stream stays at the callback.
    REQUIRE(aclrtSubscribeReport(ThisThread(), stream) == ACL_SUCCESS);
    CHECK_EQ(aclrtLaunchCallback(CountCallback, &calls, ACL_CALLBACK_BLOCK, stream), ACL_SUCCESS);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    aclrtStreamStatus status = ACL_STREAM_STATUS_COMPLETE;
    CHECK_EQ(aclrtStreamQuery(stream, &status), ACL_SUCCESS);
    CHECK_EQ(status, ACL_STREAM_STATUS_NOT_READY);
    CHECK_EQ(calls.load(), 0);
    CHECK_EQ(aclrtProcessReport(1000), ACL_SUCCESS); // runs it here
    CHECK_EQ(calls.load(), 1);
    CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
    CHECK_EQ(aclrtUnSubscribeReport(ThisThread(), stream), ACL_SUCCESS);
    // A non-blocking callback lets the stream go on before it is processed.
    REQUIRE(aclrtSubscribeReport(ThisThread(), stream) == ACL_SUCCESS);
    CHECK_EQ(aclrtLaunchCallback(CountCallback, &calls, ACL_CALLBACK_NO_BLOCK, stream), ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
    CHECK_EQ(calls.load(), 1);
    CHECK_EQ(aclrtProcessReport(1000), ACL_SUCCESS);
    CHECK_EQ(calls.load(), 2);
    CHECK_EQ(aclrtUnSubscribeReport(ThisThread(), stream), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
}

// CANN's callback sample: a processing thread, callbacks on a stream, a synchronisation.
TEST_CASE("a processing thread runs every callback of the stream before its synchronisation returns") {
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    std::atomic<int> calls{0};
    {
        ReportThread reporter;
        REQUIRE(aclrtSubscribeReport(reporter.id(), stream) == ACL_SUCCESS);
        for (int i = 0; i < 10; ++i) {
            CHECK_EQ(aclrtLaunchCallback(CountCallback, &calls, ACL_CALLBACK_BLOCK, stream), ACL_SUCCESS);
        }
        CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
        CHECK_EQ(calls.load(), 10);
        CHECK_EQ(aclrtUnSubscribeReport(reporter.id(), stream), ACL_SUCCESS);
    }
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
}

// ApiImpl::CallbackLaunchWithoutEvent / StarsLaunchEventProc: on a capturing stream the callback
// becomes a task of the model, reported to the thread subscribed to the capturing stream at every
// replay; capture of an unsubscribed stream is refused like outside (107015), the capture going on.
TEST_CASE("inside a capture: the callback is recorded (107015 unsubscribed), each replay reports it again") {
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    std::atomic<int> calls{0};
    {
        ReportThread reporter;
        REQUIRE(aclmdlRICaptureBegin(stream, rt::kGlobal) == ACL_SUCCESS);
        CHECK_EQ(aclrtLaunchCallback(CountCallback, &calls, ACL_CALLBACK_BLOCK, stream), ACL_ERROR_RT_STREAM_NO_CB_REG);
        CHECK_EQ(rt::StatusOf(stream), rt::kActive);
        REQUIRE(aclrtSubscribeReport(reporter.id(), stream) == ACL_SUCCESS);
        CHECK_EQ(aclrtLaunchCallback(CountCallback, &calls, ACL_CALLBACK_BLOCK, stream), ACL_SUCCESS);
        CHECK_EQ(aclrtLaunchCallback(CountCallback, &calls, ACL_CALLBACK_NO_BLOCK, stream), ACL_SUCCESS);
        aclmdlRI model = nullptr;
        CHECK_EQ(aclmdlRICaptureEnd(stream, &model), ACL_SUCCESS);
        REQUIRE(model != nullptr);
        CHECK_EQ(calls.load(), 0); // recorded, not run
        for (int replay = 1; replay <= 3; ++replay) {
            CHECK_EQ(aclmdlRIExecuteAsync(model, stream), ACL_SUCCESS);
            CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
        }
        // The non-blocking ones may still be waiting for the thread.
        for (int i = 0; i < 200 && calls.load() < 6; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        CHECK_EQ(calls.load(), 6);
        CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
        CHECK_EQ(aclrtUnSubscribeReport(reporter.id(), stream), ACL_SUCCESS);
    }
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

// ApiErrorDecorator::CallbackLaunch runs before the context checks; ApiImpl::CallbackLaunch then
// needs a context (107002) and a stream of it (107003).
TEST_CASE("aclrtLaunchCallback: no context -> 107002; a stream of another context -> 107003") {
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    std::atomic<int> calls{0};
    aclError withoutContext = ACL_SUCCESS;
    aclError otherContext = ACL_SUCCESS;
    std::thread([&] {
        withoutContext = aclrtLaunchCallback(CountCallback, &calls, ACL_CALLBACK_BLOCK, stream);
        aclrtContext context = nullptr;
        if (aclrtCreateContext(&context, 0) == ACL_SUCCESS) {
            otherContext = aclrtLaunchCallback(CountCallback, &calls, ACL_CALLBACK_BLOCK, stream);
            aclrtDestroyContext(context);
        }
    }).join();
    CHECK_EQ(withoutContext, ACL_ERROR_RT_CONTEXT_NULL);
    CHECK_EQ(otherContext, ACL_ERROR_RT_STREAM_CONTEXT);
    CHECK_EQ(calls.load(), 0);
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
}

RT_TEST_MAIN()
