// The unsafe-call mode rule (acl-spec §2.4): aclrtMemcpy, aclrtMemset, aclrtMemcpy2d and
// aclrtMemcpyAsync of pageable memory on a non-capturing stream are allowed or refused (107030)
// according to the context's capture mode, the calling thread's capture mode and its exchange
// mode. A refusal leaves the capture ACTIVE; an allowed call runs at once, once.
#include <future>

#include "rt_fixtures.h"

namespace {

constexpr int kNoCapture = 3; // the runtime's internal MAX: no capture
constexpr size_t kBytes = 256;

// The rule, verbatim from the spec (Context::IsCaptureModeSupport).
bool Denied(int contextMode, int threadMode, int exchangeMode) {
    if (contextMode == kNoCapture)
        return false;
    if (exchangeMode == ACL_MODEL_RI_CAPTURE_MODE_RELAXED)
        return false;
    if (exchangeMode == ACL_MODEL_RI_CAPTURE_MODE_GLOBAL) {
        return contextMode == ACL_MODEL_RI_CAPTURE_MODE_GLOBAL || threadMode == ACL_MODEL_RI_CAPTURE_MODE_THREAD_LOCAL;
    }
    if (exchangeMode == ACL_MODEL_RI_CAPTURE_MODE_THREAD_LOCAL) {
        return threadMode == ACL_MODEL_RI_CAPTURE_MODE_GLOBAL || threadMode == ACL_MODEL_RI_CAPTURE_MODE_THREAD_LOCAL;
    }
    return false;
}

// Device targets of the four unsafe calls (memcpy, memset, memcpy2d, async copy) and the
// non-capturing stream of the async one.
struct Targets {
    std::vector<rt::DeviceMemory> dsts;
    rt::Stream plainStream;

    bool Init() {
        for (int i = 0; i < 4; ++i) {
            dsts.emplace_back(kBytes);
        }
        return plainStream.ok() &&
               std::all_of(dsts.begin(), dsts.end(), [](const rt::DeviceMemory &d) { return d.ok(); });
    }
    bool Clear() {
        return std::all_of(dsts.begin(), dsts.end(),
                           [](const rt::DeviceMemory &d) { return aclrtMemset(d, kBytes, 0, kBytes) == ACL_SUCCESS; });
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
    r.codes[0] = aclrtMemcpy(t.dsts[0], kBytes, host.data(), kBytes, ACL_MEMCPY_HOST_TO_DEVICE);
    r.codes[1] = aclrtMemset(t.dsts[1], kBytes, value, kBytes);
    r.codes[2] = aclrtMemcpy2d(t.dsts[2], 32, host.data(), 32, 32, kBytes / 32, ACL_MEMCPY_HOST_TO_DEVICE);
    r.codes[3] = aclrtMemcpyAsync(t.dsts[3], kBytes, host.data(), kBytes, ACL_MEMCPY_HOST_TO_DEVICE, t.plainStream);
    return r; // `host` dies here: an allowed pageable async copy has completed already
}

// Checks the codes and, after the capture ended, the effects of UnsafeCalls.
void CheckCalls(const Targets &t, const Results &r, bool denied, unsigned char value, const std::string &label) {
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
        bool written = rt::AllBytes(rt::ReadBytes(t.dsts[static_cast<size_t>(i)], kBytes), value);
        bool untouched = rt::AllBytes(rt::ReadBytes(t.dsts[static_cast<size_t>(i)], kBytes), 0);
        if (denied ? !untouched : !written) {
            testsupport::fail(__FILE__, __LINE__,
                              label + ": " + kCallNames[i] +
                                  (denied ? " wrote memory although refused" : " did not write its data"));
        }
    }
}

using rt::EndAndDestroy;

// A memset as the probe for the restriction tests.
aclError Probe(void *p) {
    return aclrtMemset(p, 16, 1, 16);
}
aclError ProbeOnThread(aclrtContext context, void *p, aclmdlRICaptureMode exchange) {
    aclError rc = -1;
    rt::RunOnThread(context, [&] {
        rt::ExchangeModeScope scope(exchange);
        rc = Probe(p);
    });
    return rc;
}

// One step of a restriction scenario over three streams: begin or end a capture, check that a
// capture is still ACTIVE, or probe an unsafe call on this thread or on another thread of the
// context under an exchange mode, expecting `code`.
enum class Act { kBegin, kEnd, kStillActive, kProbeHere, kProbeElsewhere };
struct Step {
    Act act;
    size_t stream;            // kBegin, kEnd, kStillActive
    aclmdlRICaptureMode mode; // the capture mode (kBegin) or the exchange mode (the probes)
    aclError code;            // what the call must return
};

// Runs `steps` on three fresh streams and a probe buffer; every step is checked at `line`.
void RunScenario(std::initializer_list<Step> steps, int line) {
    rt::NoLeaks leaks;
    aclrtContext context = rt::CurrentContext();
    rt::Streams s(3);
    rt::DeviceMemory p(16);
    REQUIRE(s.ok() && p.ok());
    int index = 0;
    for (const Step &step : steps) {
        const std::string what = "step " + std::to_string(index++);
        switch (step.act) {
        case Act::kBegin:
            rt::Expect(aclmdlRICaptureBegin(s[step.stream], step.mode), step.code, what.c_str(), __FILE__, line);
            break;
        case Act::kEnd: rt::Expect(EndAndDestroy(s[step.stream]), step.code, what.c_str(), __FILE__, line); break;
        case Act::kStillActive:
            rt::Expect(rt::StatusOf(s[step.stream]), rt::kActive, what.c_str(), __FILE__, line);
            break;
        case Act::kProbeHere: {
            rt::ExchangeModeScope scope(step.mode);
            rt::Expect(Probe(p), step.code, what.c_str(), __FILE__, line);
            break;
        }
        case Act::kProbeElsewhere:
            rt::Expect(ProbeOnThread(context, p, step.mode), step.code, what.c_str(), __FILE__, line);
            break;
        }
    }
}

constexpr aclError kDenied = ACL_ERROR_RT_CAPTURE_MODE_NOT_SUPPORT;
constexpr aclError kAllowed = ACL_SUCCESS;

Step Begin(size_t stream, aclmdlRICaptureMode mode) {
    return {Act::kBegin, stream, mode, ACL_SUCCESS};
}
Step End(size_t stream) {
    return {Act::kEnd, stream, rt::kGlobal, ACL_SUCCESS};
}
Step StillActive(size_t stream) {
    return {Act::kStillActive, stream, rt::kGlobal, ACL_SUCCESS};
}
// A probe on this thread, under exchange mode GLOBAL unless given.
Step Here(aclError code, aclmdlRICaptureMode exchange = rt::kGlobal) {
    return {Act::kProbeHere, 0, exchange, code};
}
// A probe on another thread of the context, under `exchange`.
Step Elsewhere(aclmdlRICaptureMode exchange, aclError code) {
    return {Act::kProbeElsewhere, 0, exchange, code};
}

} // namespace

TEST_CASE("without a capture every exchange mode allows unsafe calls") {
    rt::NoLeaks leaks;
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
}

TEST_CASE("unsafe-call matrix: capture mode x exchange mode x capturing / other thread") {
    rt::NoLeaks leaks;
    aclrtContext context = rt::CurrentContext();
    Targets t;
    rt::Stream capturing;
    REQUIRE(t.Init() && capturing.ok());
    unsigned char value = 0x30;
    for (auto captureMode : {rt::kGlobal, rt::kThreadLocal, rt::kRelaxed}) {
        for (auto exchange : {rt::kGlobal, rt::kThreadLocal, rt::kRelaxed}) {
            for (int onCapturingThread = 1; onCapturingThread >= 0; --onCapturingThread) {
                ++value;
                std::string label = std::string("capture ") + rt::ModeName(captureMode) + ", exchange " +
                                    rt::ModeName(exchange) +
                                    (onCapturingThread ? ", capturing thread" : ", other thread");
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
}

TEST_CASE("the restriction lasts until the last non-RELAXED capture ends (GLOBAL ended first)") {
    RunScenario(
        {
            Begin(0, rt::kGlobal),
            Begin(1, rt::kThreadLocal),
            Begin(2, rt::kRelaxed),
            // context GLOBAL, this thread GLOBAL.
            Here(kDenied),
            Elsewhere(rt::kGlobal, kDenied),
            Elsewhere(rt::kThreadLocal, kAllowed),
            End(0),
            // context THREAD_LOCAL, this thread THREAD_LOCAL.
            Here(kDenied),
            Here(kDenied, rt::kThreadLocal),
            Here(kAllowed, rt::kRelaxed),
            Elsewhere(rt::kGlobal, kAllowed),
            End(1),
            // Only the RELAXED capture is left: nobody is restricted.
            Here(kAllowed),
            Elsewhere(rt::kGlobal, kAllowed),
            StillActive(2),
            End(2),
            Here(kAllowed),
        },
        __LINE__);
}

TEST_CASE("the restriction lasts until the last non-RELAXED capture ends (RELAXED ended first)") {
    RunScenario(
        {
            Begin(2, rt::kRelaxed),
            Here(kAllowed),
            Begin(1, rt::kThreadLocal),
            Here(kDenied),
            Elsewhere(rt::kGlobal, kAllowed),
            Begin(0, rt::kGlobal),
            Elsewhere(rt::kGlobal, kDenied),
            End(2),
            Here(kDenied),
            Elsewhere(rt::kGlobal, kDenied),
            End(0),
            Here(kDenied) /* THREAD_LOCAL capture of this thread */,
            Elsewhere(rt::kGlobal, kAllowed),
            End(1),
            Here(kAllowed),
        },
        __LINE__);
}

TEST_CASE("a GLOBAL capture begun on another thread restricts this thread until it ends") {
    rt::NoLeaks leaks;
    aclrtContext context = rt::CurrentContext();
    rt::Stream theirs;
    rt::Stream mine;
    rt::DeviceMemory p(16);
    REQUIRE(theirs.ok() && mine.ok() && p.ok());
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
    CHECK_EQ(Probe(p), kDenied);
    {
        rt::ExchangeModeScope scope(rt::kThreadLocal); // this thread captures nothing itself
        CHECK_EQ(Probe(p), ACL_SUCCESS);
    }
    // A RELAXED capture of this thread does not lift the other thread's GLOBAL one.
    rt::BeginCapture(mine, rt::kRelaxed);
    CHECK_EQ(Probe(p), kDenied);
    mayEnd.set_value();
    capturer.join();
    CHECK_EQ(endResult, ACL_SUCCESS);
    CHECK_EQ(Probe(p), ACL_SUCCESS);
    CHECK_EQ(EndAndDestroy(mine), ACL_SUCCESS);
}

TEST_CASE("the exchange mode persists on the thread after the capture ends") {
    rt::Stream stream;
    rt::DeviceMemory p(16);
    REQUIRE(stream.ok() && p.ok());
    aclmdlRICaptureMode mode = rt::kRelaxed;
    CHECK_EQ(aclmdlRICaptureThreadExchangeMode(&mode), ACL_SUCCESS);
    CHECK_EQ(mode, rt::kGlobal);
    for (int capture = 0; capture < 2; ++capture) { // the second time: still RELAXED
        rt::BeginCapture(stream);
        CHECK_EQ(Probe(p), ACL_SUCCESS);
        CHECK_EQ(EndAndDestroy(stream), ACL_SUCCESS);
    }
    mode = rt::kGlobal;
    CHECK_EQ(aclmdlRICaptureThreadExchangeMode(&mode), ACL_SUCCESS);
    CHECK_EQ(mode, rt::kRelaxed);
}

RT_TEST_MAIN()
