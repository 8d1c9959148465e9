// The unsafe-call mode rule (acl-spec §2.4): aclrtMemcpy, aclrtMemset, aclrtMemcpy2d and
// aclrtMemcpyAsync of pageable memory on a non-capturing stream are allowed or refused (107030)
// according to the context's capture mode, the calling thread's capture mode and its exchange
// mode. A refusal leaves the capture ACTIVE; an allowed call runs at once, once.
#include <future>

#include "rt_test_util.h"

namespace {

constexpr int kNoCapture = 3;  // the runtime's internal MAX: no capture
constexpr size_t kBytes = 256;

// The rule, verbatim from the spec (Context::IsCaptureModeSupport).
bool Denied(int contextMode, int threadMode, int exchangeMode) {
    if (contextMode == kNoCapture) return false;
    if (exchangeMode == ACL_MODEL_RI_CAPTURE_MODE_RELAXED) return false;
    if (exchangeMode == ACL_MODEL_RI_CAPTURE_MODE_GLOBAL) {
        return contextMode == ACL_MODEL_RI_CAPTURE_MODE_GLOBAL || threadMode == ACL_MODEL_RI_CAPTURE_MODE_THREAD_LOCAL;
    }
    if (exchangeMode == ACL_MODEL_RI_CAPTURE_MODE_THREAD_LOCAL) {
        return threadMode == ACL_MODEL_RI_CAPTURE_MODE_GLOBAL || threadMode == ACL_MODEL_RI_CAPTURE_MODE_THREAD_LOCAL;
    }
    return false;
}

// Device targets of the four unsafe calls and the non-capturing stream of the async one.
struct Targets {
    void *memcpyDst = nullptr;
    void *memsetDst = nullptr;
    void *memcpy2dDst = nullptr;
    void *asyncDst = nullptr;
    aclrtStream plainStream = nullptr;

    bool Init() {
        memcpyDst = rt::DevAlloc(kBytes);
        memsetDst = rt::DevAlloc(kBytes);
        memcpy2dDst = rt::DevAlloc(kBytes);
        asyncDst = rt::DevAlloc(kBytes);
        return memcpyDst && memsetDst && memcpy2dDst && asyncDst && aclrtCreateStream(&plainStream) == ACL_SUCCESS;
    }
    bool Clear() {
        bool ok = true;
        for (void *p : {memcpyDst, memsetDst, memcpy2dDst, asyncDst}) {
            ok = ok && aclrtMemset(p, kBytes, 0, kBytes) == ACL_SUCCESS;
        }
        return ok;
    }
    void Free() {
        for (void *p : {memcpyDst, memsetDst, memcpy2dDst, asyncDst}) {
            if (p) aclrtFree(p);
        }
        if (plainStream) aclrtDestroyStream(plainStream);
    }
};

struct Results {
    aclError codes[4] = {-1, -1, -1, -1};
};
const char *kCallNames[4] = {"aclrtMemcpy", "aclrtMemset", "aclrtMemcpy2d", "aclrtMemcpyAsync(pageable)"};

// Makes the four unsafe calls, each writing `value` bytes.
Results UnsafeCalls(const Targets &t, unsigned char value) {
    Results r;
    std::vector<unsigned char> host(kBytes, value);
    r.codes[0] = aclrtMemcpy(t.memcpyDst, kBytes, host.data(), kBytes, ACL_MEMCPY_HOST_TO_DEVICE);
    r.codes[1] = aclrtMemset(t.memsetDst, kBytes, value, kBytes);
    r.codes[2] = aclrtMemcpy2d(t.memcpy2dDst, 32, host.data(), 32, 32, kBytes / 32, ACL_MEMCPY_HOST_TO_DEVICE);
    r.codes[3] = aclrtMemcpyAsync(t.asyncDst, kBytes, host.data(), kBytes, ACL_MEMCPY_HOST_TO_DEVICE, t.plainStream);
    return r;  // `host` dies here: an allowed pageable async copy has completed already
}

// Checks the codes and, after the capture ended, the effects of UnsafeCalls.
void CheckCalls(const Targets &t, const Results &r, bool denied, unsigned char value, const std::string &label) {
    void *dsts[4] = {t.memcpyDst, t.memsetDst, t.memcpy2dDst, t.asyncDst};
    aclrtSynchronizeStream(t.plainStream);
    for (int i = 0; i < 4; ++i) {
        // From CANN 9.1 a refused pageable aclrtMemcpyAsync says it was turned into a synchronous
        // copy (ApiErrorDecorator::MemcpyAsync: 107030 becomes 107041); up to 9.0 it is 107030.
        aclError refusal = ACL_ERROR_RT_CAPTURE_MODE_NOT_SUPPORT;
        if (i == 3 && aclsimGetCannRelease() >= 901) {
            refusal = ACL_ERROR_RT_CAPTURE_MODE_BLOCK_ASYNC;
        }
        aclError want = denied ? refusal : ACL_SUCCESS;
        if (r.codes[i] != want) {
            testsupport::fail(__FILE__, __LINE__,
                              label + ": " + kCallNames[i] + " returned " + std::to_string(r.codes[i]) + ", want " +
                                  std::to_string(want));
        }
        bool written = rt::AllBytes(rt::ReadBytes(dsts[i], kBytes), value);
        bool untouched = rt::AllBytes(rt::ReadBytes(dsts[i], kBytes), 0);
        if (denied ? !untouched : !written) {
            testsupport::fail(__FILE__, __LINE__,
                              label + ": " + kCallNames[i] + (denied ? " wrote memory although refused"
                                                                     : " did not write its data"));
        }
    }
}

aclError EndAndDestroy(aclrtStream stream) {
    aclmdlRI model = nullptr;
    aclError rc = aclmdlRICaptureEnd(stream, &model);
    if (model != nullptr) aclmdlRIDestroy(model);
    return rc;
}

// A memset as the probe for the restriction tests.
aclError Probe(void *p) { return aclrtMemset(p, 16, 1, 16); }
aclError ProbeOnThread(aclrtContext context, void *p, aclmdlRICaptureMode exchange) {
    aclError rc = -1;
    rt::RunOnThread(context, [&] {
        rt::ExchangeModeScope scope(exchange);
        rc = Probe(p);
    });
    return rc;
}

} // namespace

TEST_CASE("without a capture every exchange mode allows unsafe calls") {
    rt::LeakCheck leaks;
    Targets t;
    REQUIRE(t.Init());
    for (auto exchange : {rt::kGlobal, rt::kThreadLocal, rt::kRelaxed}) {
        REQUIRE(t.Clear());
        Results r;
        {
            rt::ExchangeModeScope scope(exchange);
            r = UnsafeCalls(t, 0x21);
        }
        CheckCalls(t, r, false, 0x21, std::string("no capture, exchange ") + rt::ModeName(exchange));
    }
    t.Free();
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("unsafe-call matrix: capture mode x exchange mode x capturing / other thread") {
    rt::LeakCheck leaks;
    aclrtContext context = rt::CurrentContext();
    Targets t;
    REQUIRE(t.Init());
    aclrtStream capturing = nullptr;
    REQUIRE(aclrtCreateStream(&capturing) == ACL_SUCCESS);
    unsigned char value = 0x30;
    for (auto captureMode : {rt::kGlobal, rt::kThreadLocal, rt::kRelaxed}) {
        for (auto exchange : {rt::kGlobal, rt::kThreadLocal, rt::kRelaxed}) {
            for (int onCapturingThread = 1; onCapturingThread >= 0; --onCapturingThread) {
                ++value;
                std::string label = std::string("capture ") + rt::ModeName(captureMode) + ", exchange " +
                                    rt::ModeName(exchange) + (onCapturingThread ? ", capturing thread" : ", other thread");
                REQUIRE(t.Clear());
                REQUIRE(aclmdlRICaptureBegin(capturing, captureMode) == ACL_SUCCESS);
                Results r;
                if (onCapturingThread) {
                    rt::ExchangeModeScope scope(exchange);
                    r = UnsafeCalls(t, value);
                } else {
                    rt::RunOnThread(context, [&] {
                        rt::ExchangeModeScope scope(exchange);
                        r = UnsafeCalls(t, value);
                    });
                }
                bool denied = Denied(captureMode, onCapturingThread ? captureMode : kNoCapture, exchange);
                if (rt::StatusOf(capturing) != rt::kActive) {
                    testsupport::fail(__FILE__, __LINE__, label + ": capture not ACTIVE after the unsafe calls");
                }
                aclError end = EndAndDestroy(capturing);
                if (end != ACL_SUCCESS) {
                    testsupport::fail(__FILE__, __LINE__, label + ": CaptureEnd returned " + std::to_string(end));
                }
                CheckCalls(t, r, denied, value, label);
            }
        }
    }
    // The expected matrix itself (a guard against a wrong reading of the rule above).
    CHECK(Denied(rt::kGlobal, rt::kGlobal, rt::kThreadLocal));
    CHECK(!Denied(rt::kGlobal, kNoCapture, rt::kThreadLocal));
    CHECK(Denied(rt::kGlobal, kNoCapture, rt::kGlobal));
    CHECK(!Denied(rt::kThreadLocal, kNoCapture, rt::kGlobal));
    CHECK(Denied(rt::kThreadLocal, rt::kThreadLocal, rt::kGlobal));
    CHECK(!Denied(rt::kRelaxed, rt::kRelaxed, rt::kGlobal));
    CHECK_EQ(aclrtDestroyStream(capturing), ACL_SUCCESS);
    t.Free();
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("the restriction lasts until the last non-RELAXED capture ends (GLOBAL ended first)") {
    rt::LeakCheck leaks;
    aclrtContext context = rt::CurrentContext();
    aclrtStream s[3] = {nullptr, nullptr, nullptr};
    for (auto &stream : s) REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    void *p = rt::DevAlloc(16);
    REQUIRE(p != nullptr);
    CHECK_EQ(aclmdlRICaptureBegin(s[0], rt::kGlobal), ACL_SUCCESS);
    CHECK_EQ(aclmdlRICaptureBegin(s[1], rt::kThreadLocal), ACL_SUCCESS);
    CHECK_EQ(aclmdlRICaptureBegin(s[2], rt::kRelaxed), ACL_SUCCESS);
    // context GLOBAL, this thread GLOBAL.
    CHECK_EQ(Probe(p), ACL_ERROR_RT_CAPTURE_MODE_NOT_SUPPORT);
    CHECK_EQ(ProbeOnThread(context, p, rt::kGlobal), ACL_ERROR_RT_CAPTURE_MODE_NOT_SUPPORT);
    CHECK_EQ(ProbeOnThread(context, p, rt::kThreadLocal), ACL_SUCCESS);
    CHECK_EQ(EndAndDestroy(s[0]), ACL_SUCCESS);
    // context THREAD_LOCAL, this thread THREAD_LOCAL.
    CHECK_EQ(Probe(p), ACL_ERROR_RT_CAPTURE_MODE_NOT_SUPPORT);
    {
        rt::ExchangeModeScope scope(rt::kThreadLocal);
        CHECK_EQ(Probe(p), ACL_ERROR_RT_CAPTURE_MODE_NOT_SUPPORT);
    }
    {
        rt::ExchangeModeScope scope(rt::kRelaxed);
        CHECK_EQ(Probe(p), ACL_SUCCESS);
    }
    CHECK_EQ(ProbeOnThread(context, p, rt::kGlobal), ACL_SUCCESS);
    CHECK_EQ(EndAndDestroy(s[1]), ACL_SUCCESS);
    // Only the RELAXED capture is left: nobody is restricted.
    CHECK_EQ(Probe(p), ACL_SUCCESS);
    CHECK_EQ(ProbeOnThread(context, p, rt::kGlobal), ACL_SUCCESS);
    CHECK_EQ(rt::StatusOf(s[2]), rt::kActive);
    CHECK_EQ(EndAndDestroy(s[2]), ACL_SUCCESS);
    CHECK_EQ(Probe(p), ACL_SUCCESS);
    for (auto stream : s) CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    CHECK_EQ(aclrtFree(p), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("the restriction lasts until the last non-RELAXED capture ends (RELAXED ended first)") {
    rt::LeakCheck leaks;
    aclrtContext context = rt::CurrentContext();
    aclrtStream s[3] = {nullptr, nullptr, nullptr};
    for (auto &stream : s) REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    void *p = rt::DevAlloc(16);
    REQUIRE(p != nullptr);
    CHECK_EQ(aclmdlRICaptureBegin(s[2], rt::kRelaxed), ACL_SUCCESS);
    CHECK_EQ(Probe(p), ACL_SUCCESS);
    CHECK_EQ(aclmdlRICaptureBegin(s[1], rt::kThreadLocal), ACL_SUCCESS);
    CHECK_EQ(Probe(p), ACL_ERROR_RT_CAPTURE_MODE_NOT_SUPPORT);
    CHECK_EQ(ProbeOnThread(context, p, rt::kGlobal), ACL_SUCCESS);
    CHECK_EQ(aclmdlRICaptureBegin(s[0], rt::kGlobal), ACL_SUCCESS);
    CHECK_EQ(ProbeOnThread(context, p, rt::kGlobal), ACL_ERROR_RT_CAPTURE_MODE_NOT_SUPPORT);
    CHECK_EQ(EndAndDestroy(s[2]), ACL_SUCCESS);
    CHECK_EQ(Probe(p), ACL_ERROR_RT_CAPTURE_MODE_NOT_SUPPORT);
    CHECK_EQ(ProbeOnThread(context, p, rt::kGlobal), ACL_ERROR_RT_CAPTURE_MODE_NOT_SUPPORT);
    CHECK_EQ(EndAndDestroy(s[0]), ACL_SUCCESS);
    CHECK_EQ(Probe(p), ACL_ERROR_RT_CAPTURE_MODE_NOT_SUPPORT);  // THREAD_LOCAL capture of this thread
    CHECK_EQ(ProbeOnThread(context, p, rt::kGlobal), ACL_SUCCESS);
    CHECK_EQ(EndAndDestroy(s[1]), ACL_SUCCESS);
    CHECK_EQ(Probe(p), ACL_SUCCESS);
    for (auto stream : s) CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    CHECK_EQ(aclrtFree(p), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("a GLOBAL capture begun on another thread restricts this thread until it ends") {
    rt::LeakCheck leaks;
    aclrtContext context = rt::CurrentContext();
    aclrtStream theirs = nullptr;
    aclrtStream mine = nullptr;
    REQUIRE(aclrtCreateStream(&theirs) == ACL_SUCCESS);
    REQUIRE(aclrtCreateStream(&mine) == ACL_SUCCESS);
    void *p = rt::DevAlloc(16);
    REQUIRE(p != nullptr);
    std::promise<aclError> begun;
    std::promise<void> mayEnd;
    std::future<void> mayEndFuture = mayEnd.get_future();
    aclError endResult = -1;
    std::thread capturer([&] {
        aclrtSetCurrentContext(context);
        begun.set_value(aclmdlRICaptureBegin(theirs, rt::kGlobal));
        mayEndFuture.wait_for(std::chrono::seconds(10));
        endResult = EndAndDestroy(theirs);
    });
    CHECK_EQ(begun.get_future().get(), ACL_SUCCESS);
    CHECK_EQ(Probe(p), ACL_ERROR_RT_CAPTURE_MODE_NOT_SUPPORT);
    {
        rt::ExchangeModeScope scope(rt::kThreadLocal);  // this thread captures nothing itself
        CHECK_EQ(Probe(p), ACL_SUCCESS);
    }
    // A RELAXED capture of this thread does not lift the other thread's GLOBAL one.
    CHECK_EQ(aclmdlRICaptureBegin(mine, rt::kRelaxed), ACL_SUCCESS);
    CHECK_EQ(Probe(p), ACL_ERROR_RT_CAPTURE_MODE_NOT_SUPPORT);
    mayEnd.set_value();
    capturer.join();
    CHECK_EQ(endResult, ACL_SUCCESS);
    CHECK_EQ(Probe(p), ACL_SUCCESS);
    CHECK_EQ(EndAndDestroy(mine), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(theirs), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(mine), ACL_SUCCESS);
    CHECK_EQ(aclrtFree(p), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("the exchange mode persists on the thread after the capture ends") {
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    void *p = rt::DevAlloc(16);
    REQUIRE(p != nullptr);
    aclmdlRICaptureMode mode = rt::kRelaxed;
    CHECK_EQ(aclmdlRICaptureThreadExchangeMode(&mode), ACL_SUCCESS);
    CHECK_EQ(mode, rt::kGlobal);
    CHECK_EQ(aclmdlRICaptureBegin(stream, rt::kGlobal), ACL_SUCCESS);
    CHECK_EQ(Probe(p), ACL_SUCCESS);
    CHECK_EQ(EndAndDestroy(stream), ACL_SUCCESS);
    CHECK_EQ(aclmdlRICaptureBegin(stream, rt::kGlobal), ACL_SUCCESS);
    CHECK_EQ(Probe(p), ACL_SUCCESS);  // still RELAXED
    CHECK_EQ(EndAndDestroy(stream), ACL_SUCCESS);
    mode = rt::kGlobal;
    CHECK_EQ(aclmdlRICaptureThreadExchangeMode(&mode), ACL_SUCCESS);
    CHECK_EQ(mode, rt::kRelaxed);
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    CHECK_EQ(aclrtFree(p), ACL_SUCCESS);
}

RT_TEST_MAIN()
