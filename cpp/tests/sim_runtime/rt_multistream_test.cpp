// Multi-stream capture (acl-spec §4.2): fork/join through ACL_EVENT_SYNC events, transitive joins,
// the join rules at CaptureEnd (107025 / 107036), external dependencies (107024), cross-capture
// conflicts (107032), legacy events (207000), replay honouring captured dependencies, and
// concurrency: several threads capturing and replaying, one model replayed on several streams.
#include <unistd.h>

#include <map>
#include <set>

#include "rt_graph_util.h"

using rt::StreamUsable;

using rt::AddGraph;

namespace {

aclrtEvent SyncEvent() {
    aclrtEvent e = nullptr;
    if (aclrtCreateEventExWithFlag(&e, ACL_EVENT_SYNC) != ACL_SUCCESS) return nullptr;
    return e;
}

struct Streams {
    std::vector<aclrtStream> s;
    explicit Streams(int n) : s(static_cast<size_t>(n), nullptr) {
        for (auto &stream : s) aclrtCreateStream(&stream);
    }
    bool Ok() const {
        for (auto stream : s) {
            if (stream == nullptr) return false;
        }
        return true;
    }
    ~Streams() {
        for (auto stream : s) {
            if (stream) aclrtDestroyStream(stream);
        }
    }
    aclrtStream operator[](size_t i) const { return s[i]; }
};

} // namespace

TEST_CASE("waiting on an event recorded in the capture joins a stream, transitively; End after rejoin succeeds") {
    rt::LeakCheck leaks;
    {
        Streams s(3);
        REQUIRE(s.Ok());
        aclrtEvent e0 = SyncEvent();
        aclrtEvent e1 = SyncEvent();
        aclrtEvent e2 = SyncEvent();
        REQUIRE(e0 && e1 && e2);
        CHECK_EQ(aclmdlRICaptureBegin(s[0], rt::kGlobal), ACL_SUCCESS);
        aclmdlRI model = rt::ModelOf(s[0]);
        REQUIRE(model != nullptr);
        CHECK_EQ(aclrtRecordEvent(e0, s[0]), ACL_SUCCESS);
        CHECK_EQ(rt::StatusOf(s[1]), rt::kNone);
        CHECK_EQ(aclrtStreamWaitEvent(s[1], e0), ACL_SUCCESS);
        CHECK_EQ(rt::StatusOf(s[1]), rt::kActive);
        CHECK(rt::ModelOf(s[1]) == model);
        CHECK_EQ(aclrtRecordEvent(e1, s[1]), ACL_SUCCESS);
        CHECK_EQ(aclrtStreamWaitEvent(s[2], e1), ACL_SUCCESS);  // s2 joins through s1
        CHECK_EQ(rt::StatusOf(s[2]), rt::kActive);
        CHECK(rt::ModelOf(s[2]) == model);
        // A joined stream is capturing: its sync and destroy are refused too.
        CHECK_EQ(aclrtSynchronizeStream(s[2]), ACL_ERROR_RT_STREAM_CAPTURED);
        CHECK_EQ(aclrtDestroyStream(s[2]), ACL_ERROR_RT_STREAM_CAPTURED);
        CHECK_EQ(aclmdlRICaptureBegin(s[2], rt::kGlobal), ACL_ERROR_RT_STREAM_CAPTURED);
        // Rejoin: s2 -> origin; s1's last task (record e1) is waited on by s2.
        CHECK_EQ(aclrtRecordEvent(e2, s[2]), ACL_SUCCESS);
        CHECK_EQ(aclrtStreamWaitEvent(s[0], e2), ACL_SUCCESS);
        aclmdlRI ended = nullptr;
        CHECK_EQ(aclmdlRICaptureEnd(s[0], &ended), ACL_SUCCESS);
        CHECK(ended == model);
        for (size_t i = 0; i < 3; ++i) {
            CHECK_EQ(rt::StatusOf(s[i]), rt::kNone);
            CHECK(StreamUsable(s[i]));
        }
        CHECK_EQ(aclmdlRIExecuteAsync(ended, s[1]), ACL_SUCCESS);
        CHECK_EQ(aclrtSynchronizeStream(s[1]), ACL_SUCCESS);
        CHECK_EQ(aclmdlRIDestroy(ended), ACL_SUCCESS);
        for (auto e : {e0, e1, e2}) CHECK_EQ(aclrtDestroyEvent(e), ACL_SUCCESS);
    }
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("fork/join capture writing two halves of a buffer; replays honour the captured dependencies") {
    rt::LeakCheck leaks;
    constexpr int64_t kHalf = 256;
    constexpr int64_t kN = 2 * kHalf;
    constexpr size_t kBytes = kN * sizeof(float);
    {
        Streams s(3);
        REQUIRE(s.Ok());
        float *x = rt::HostAlloc(kN);
        float *y = rt::HostAlloc(kN);
        float *onesHost = rt::HostAlloc(kN);
        auto *in = static_cast<float *>(rt::DevAlloc(kBytes));
        auto *ones = static_cast<float *>(rt::DevAlloc(kBytes));
        auto *mid = static_cast<float *>(rt::DevAlloc(kBytes));
        auto *out = static_cast<float *>(rt::DevAlloc(kBytes));
        REQUIRE(x && y && onesHost && in && ones && mid && out);
        for (int64_t i = 0; i < kN; ++i) onesHost[i] = 1.0f;
        CHECK_EQ(aclrtMemcpy(ones, kBytes, onesHost, kBytes, ACL_MEMCPY_HOST_TO_DEVICE), ACL_SUCCESS);
        // Branch 1: mid[0:h] = in[0:h] + 2; branch 2: mid[h:] = in[h:] + 3; join: out = mid + 10.
        rt::AddCall left;
        rt::AddCall right;
        rt::AddCall join;
        REQUIRE(left.Prepare(in, ones, mid, kHalf, 2.0f) == OK);
        REQUIRE(right.Prepare(in + kHalf, ones + kHalf, mid + kHalf, kHalf, 3.0f) == OK);
        REQUIRE(join.Prepare(mid, ones, out, kN, 10.0f) == OK);
        aclrtEvent fork = SyncEvent();
        aclrtEvent done1 = SyncEvent();
        aclrtEvent done2 = SyncEvent();
        REQUIRE(fork && done1 && done2);
        int delay1 = 15;
        int delay2 = 25;

        CHECK_EQ(aclmdlRICaptureBegin(s[0], rt::kGlobal), ACL_SUCCESS);
        CHECK_EQ(aclrtMemcpyAsync(in, kBytes, x, kBytes, ACL_MEMCPY_HOST_TO_DEVICE, s[0]), ACL_SUCCESS);
        CHECK_EQ(aclrtRecordEvent(fork, s[0]), ACL_SUCCESS);
        CHECK_EQ(aclrtStreamWaitEvent(s[1], fork), ACL_SUCCESS);
        CHECK_EQ(aclrtStreamWaitEvent(s[2], fork), ACL_SUCCESS);
        // Slow branches: a replay that ignored the joins would read stale halves.
        CHECK_EQ(aclrtLaunchHostFunc(s[1], rt::SleepHostFunc, &delay1), ACL_SUCCESS);
        CHECK_EQ(left.Launch(s[1]), OK);
        CHECK_EQ(aclrtRecordEvent(done1, s[1]), ACL_SUCCESS);
        CHECK_EQ(aclrtLaunchHostFunc(s[2], rt::SleepHostFunc, &delay2), ACL_SUCCESS);
        CHECK_EQ(right.Launch(s[2]), OK);
        CHECK_EQ(aclrtRecordEvent(done2, s[2]), ACL_SUCCESS);
        CHECK_EQ(aclrtStreamWaitEvent(s[0], done1), ACL_SUCCESS);
        CHECK_EQ(aclrtStreamWaitEvent(s[0], done2), ACL_SUCCESS);
        CHECK_EQ(join.Launch(s[0]), OK);
        CHECK_EQ(aclrtMemcpyAsync(y, kBytes, out, kBytes, ACL_MEMCPY_DEVICE_TO_HOST, s[0]), ACL_SUCCESS);
        aclmdlRI model = nullptr;
        CHECK_EQ(aclmdlRICaptureEnd(s[0], &model), ACL_SUCCESS);
        REQUIRE(model != nullptr);

        // The trace shows the event tasks, on more than one internal stream.
        std::string path = std::string("./rt_fork_join_") + std::to_string(getpid()) + ".json";
        CHECK_EQ(aclmdlRIDebugJsonPrint(model, path.c_str(), 0), ACL_SUCCESS);
        rt::JsonFile json = rt::ParseDebugJson(rt::ReadFile(path));
        std::remove(path.c_str());
        CHECK(json.wellFormed);
        std::set<long> tids;
        std::set<long> startedAtZero;
        std::set<std::string> recordIds;
        std::set<std::string> waitIds;
        int copies = 0;
        for (const auto &r : json.records) {
            tids.insert(r.tid);
            if (r.name.rfind("EVENT_RECORD_", 0) == 0) recordIds.insert(r.name.substr(13));
            if (r.name.rfind("EVENT_WAIT_", 0) == 0) waitIds.insert(r.name.substr(11));
            if (r.name == "MEMCPY_ASYNC") ++copies;
            CHECK_EQ(r.streamId, r.tid);
            // The device's nominal clock: a record costs 5, a wait 15 (durations 0.5 less).
            if (r.name.rfind("EVENT_RECORD_", 0) == 0) CHECK_NEAR(r.dur, 4.5, 1e-9);
            if (r.name.rfind("EVENT_WAIT_", 0) == 0) CHECK_NEAR(r.dur, 14.5, 1e-9);
            if (r.ts == 0) startedAtZero.insert(r.tid);
        }
        CHECK(startedAtZero == tids); // each stream's clock starts at 0
        CHECK(tids.size() >= 3);
        CHECK_EQ(copies, 2);
        CHECK(!recordIds.empty());
        CHECK(recordIds == waitIds);

        for (int replay = 0; replay < 6; ++replay) {
            for (int64_t i = 0; i < kN; ++i) {
                x[i] = static_cast<float>(replay * 100 + i);
                y[i] = -1.0f;
            }
            aclrtStream exec = s[static_cast<size_t>(replay % 3)];
            CHECK_EQ(aclmdlRIExecuteAsync(model, exec), ACL_SUCCESS);
            CHECK_EQ(aclrtSynchronizeStream(exec), ACL_SUCCESS);
            bool ok = true;
            for (int64_t i = 0; i < kN && ok; ++i) {
                float want = static_cast<float>(replay * 100 + i) + (i < kHalf ? 2.0f : 3.0f) + 10.0f;
                if (y[i] != want) {
                    ok = false;
                    testsupport::fail(__FILE__, __LINE__,
                                      "replay " + std::to_string(replay) + ": y[" + std::to_string(i) + "] = " +
                                          std::to_string(y[i]) + ", want " + std::to_string(want));
                }
            }
        }
        CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
        for (auto e : {fork, done1, done2}) CHECK_EQ(aclrtDestroyEvent(e), ACL_SUCCESS);
        left.Release();
        right.Release();
        join.Release();
        for (void *p : {static_cast<void *>(in), static_cast<void *>(ones), static_cast<void *>(mid),
                        static_cast<void *>(out)}) {
            CHECK_EQ(aclrtFree(p), ACL_SUCCESS);
        }
        for (float *p : {x, y, onesHost}) CHECK_EQ(aclrtFreeHost(p), ACL_SUCCESS);
    }
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("aclmdlRICaptureEnd on a joined stream -> 107036; the capture goes on") {
    rt::LeakCheck leaks;
    {
        Streams s(2);
        REQUIRE(s.Ok());
        aclrtEvent fork = SyncEvent();
        aclrtEvent back = SyncEvent();
        REQUIRE(fork && back);
        CHECK_EQ(aclmdlRICaptureBegin(s[0], rt::kGlobal), ACL_SUCCESS);
        CHECK_EQ(aclrtRecordEvent(fork, s[0]), ACL_SUCCESS);
        CHECK_EQ(aclrtStreamWaitEvent(s[1], fork), ACL_SUCCESS);
        int dummy = 0;
        aclmdlRI model = &dummy;
        CHECK_EQ(aclmdlRICaptureEnd(s[1], &model), ACL_ERROR_RT_STREAM_CAPTURE_UNMATCHED);
        CHECK(model == nullptr);
        CHECK_EQ(rt::StatusOf(s[0]), rt::kActive);
        CHECK_EQ(rt::StatusOf(s[1]), rt::kActive);
        CHECK_EQ(aclrtRecordEvent(back, s[1]), ACL_SUCCESS);
        CHECK_EQ(aclrtStreamWaitEvent(s[0], back), ACL_SUCCESS);
        CHECK_EQ(aclmdlRICaptureEnd(s[0], &model), ACL_SUCCESS);
        REQUIRE(model != nullptr);
        CHECK_EQ(rt::StatusOf(s[1]), rt::kNone);
        CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
        CHECK_EQ(aclrtDestroyEvent(fork), ACL_SUCCESS);
        CHECK_EQ(aclrtDestroyEvent(back), ACL_SUCCESS);
    }
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("aclmdlRICaptureEnd with a joined stream not rejoined -> 107025, no model, streams usable") {
    rt::LeakCheck leaks;
    {
        Streams s(3);
        REQUIRE(s.Ok());
        void *p = rt::DevAlloc(64);
        REQUIRE(p != nullptr);
        // variant 0: the joined stream did work and never recorded;
        // variant 1: it recorded an event nobody waited on;
        // variant 2: it rejoined and then received another task;
        // variant 3: s2 joined through s1 and only s1 rejoined.
        for (int variant = 0; variant < 4; ++variant) {
            aclrtEvent fork = SyncEvent();
            aclrtEvent back = SyncEvent();
            aclrtEvent fork2 = SyncEvent();
            REQUIRE(fork && back && fork2);
            CHECK_EQ(aclmdlRICaptureBegin(s[0], rt::kGlobal), ACL_SUCCESS);
            CHECK_EQ(aclrtRecordEvent(fork, s[0]), ACL_SUCCESS);
            CHECK_EQ(aclrtStreamWaitEvent(s[1], fork), ACL_SUCCESS);
            CHECK_EQ(aclrtMemsetAsync(p, 64, 1, 64, s[1]), ACL_SUCCESS);
            if (variant == 1) {
                CHECK_EQ(aclrtRecordEvent(back, s[1]), ACL_SUCCESS);
            } else if (variant == 2) {
                CHECK_EQ(aclrtRecordEvent(back, s[1]), ACL_SUCCESS);
                CHECK_EQ(aclrtStreamWaitEvent(s[0], back), ACL_SUCCESS);
                CHECK_EQ(aclrtMemsetAsync(p, 64, 2, 64, s[1]), ACL_SUCCESS);
            } else if (variant == 3) {
                CHECK_EQ(aclrtRecordEvent(fork2, s[1]), ACL_SUCCESS);
                CHECK_EQ(aclrtStreamWaitEvent(s[2], fork2), ACL_SUCCESS);
                CHECK_EQ(aclrtMemsetAsync(p, 64, 3, 64, s[2]), ACL_SUCCESS);
                CHECK_EQ(aclrtRecordEvent(back, s[1]), ACL_SUCCESS);
                CHECK_EQ(aclrtStreamWaitEvent(s[0], back), ACL_SUCCESS);
            }
            int dummy = 0;
            aclmdlRI model = &dummy;
            aclError rc = aclmdlRICaptureEnd(s[0], &model);
            if (rc != ACL_ERROR_RT_STREAM_UNJOINED) {
                testsupport::fail(__FILE__, __LINE__,
                                  "variant " + std::to_string(variant) + ": End returned " + std::to_string(rc));
            }
            CHECK(model == nullptr);
            if (rc == ACL_SUCCESS && model != nullptr) aclmdlRIDestroy(model);
            for (size_t i = 0; i < 3; ++i) {
                CHECK_EQ(rt::StatusOf(s[i]), rt::kNone);
                CHECK(StreamUsable(s[i]));
            }
            for (auto e : {fork, back, fork2}) CHECK_EQ(aclrtDestroyEvent(e), ACL_SUCCESS);
        }
        CHECK_EQ(aclrtFree(p), ACL_SUCCESS);
    }
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("a capturing stream waiting on an event recorded outside the capture -> 107024") {
    rt::LeakCheck leaks;
    {
        Streams s(2);
        REQUIRE(s.Ok());
        aclrtEvent outside = SyncEvent();
        REQUIRE(outside != nullptr);
        CHECK_EQ(aclrtRecordEvent(outside, s[1]), ACL_SUCCESS);  // eager record
        CHECK_EQ(aclrtSynchronizeStream(s[1]), ACL_SUCCESS);
        CHECK_EQ(aclmdlRICaptureBegin(s[0], rt::kGlobal), ACL_SUCCESS);
        CHECK_EQ(aclrtStreamWaitEvent(s[0], outside), ACL_ERROR_RT_CAPTURE_DEPENDENCY);
        CHECK_EQ(rt::StatusOf(s[0]), rt::kActive);
        CHECK_EQ(rt::StatusOf(s[1]), rt::kNone);
        aclmdlRI model = nullptr;
        CHECK_EQ(aclmdlRICaptureEnd(s[0], &model), ACL_SUCCESS);
        REQUIRE(model != nullptr);
        CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
        CHECK_EQ(aclrtDestroyEvent(outside), ACL_SUCCESS);
    }
    VERIFY_NO_LEAKS(leaks);
}

// ApiImpl::CaptureEventWait (IsCrossCaptureModel) -> TerminateCapture of both models: the models
// are invalid, the streams keep reporting ACTIVE (only Stream::SingleStreamTerminateCapture sets a
// stream INVALIDATED), and each aclmdlRICaptureEnd returns 507903.
TEST_CASE("events linking two different captures -> 107032 and both captures are invalidated") {
    rt::LeakCheck leaks;
    {
        Streams s(2);
        REQUIRE(s.Ok());
        aclrtEvent e = SyncEvent();
        REQUIRE(e != nullptr);
        CHECK_EQ(aclmdlRICaptureBegin(s[0], rt::kGlobal), ACL_SUCCESS);
        CHECK_EQ(aclmdlRICaptureBegin(s[1], rt::kGlobal), ACL_SUCCESS);
        CHECK(rt::ModelOf(s[0]) != rt::ModelOf(s[1]));
        CHECK_EQ(aclrtRecordEvent(e, s[0]), ACL_SUCCESS);
        CHECK_EQ(aclrtStreamWaitEvent(s[1], e), ACL_ERROR_STREAM_CAPTURE_CONFLICT);
        CHECK_EQ(rt::StatusOf(s[0]), rt::kActive);
        CHECK_EQ(rt::StatusOf(s[1]), rt::kActive);
        for (size_t i = 0; i < 2; ++i) {
            int dummy = 0;
            aclmdlRI model = &dummy;
            CHECK_EQ(aclmdlRICaptureEnd(s[i], &model), ACL_ERROR_RT_STREAM_CAPTURE_INVALIDATED);
            CHECK(model == nullptr);
            CHECK_EQ(rt::StatusOf(s[i]), rt::kNone);
        }
        // (Usability is checked once both captures ended: StreamUsable reads back with an unsafe call.)
        for (size_t i = 0; i < 2; ++i) CHECK(StreamUsable(s[i]));
        CHECK_EQ(aclrtDestroyEvent(e), ACL_SUCCESS);
    }
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("legacy events recorded or waited on a capturing stream -> 207000") {
    rt::LeakCheck leaks;
    {
        Streams s(2);
        REQUIRE(s.Ok());
        aclrtEvent legacy = nullptr;
        aclrtEvent legacyFlag = nullptr;
        REQUIRE(aclrtCreateEvent(&legacy) == ACL_SUCCESS);
        REQUIRE(aclrtCreateEventWithFlag(&legacyFlag, ACL_EVENT_SYNC) == ACL_SUCCESS);
        CHECK_EQ(aclrtRecordEvent(legacyFlag, s[1]), ACL_SUCCESS);  // eager record elsewhere is fine
        CHECK_EQ(aclrtSynchronizeStream(s[1]), ACL_SUCCESS);
        CHECK_EQ(aclmdlRICaptureBegin(s[0], rt::kGlobal), ACL_SUCCESS);
        CHECK_EQ(aclrtRecordEvent(legacy, s[0]), ACL_ERROR_RT_FEATURE_NOT_SUPPORT);
        CHECK_EQ(aclrtRecordEvent(legacyFlag, s[0]), ACL_ERROR_RT_FEATURE_NOT_SUPPORT);
        CHECK_EQ(aclrtStreamWaitEvent(s[0], legacyFlag), ACL_ERROR_RT_FEATURE_NOT_SUPPORT);
        CHECK_EQ(aclrtStreamWaitEvent(s[0], legacy), ACL_ERROR_RT_FEATURE_NOT_SUPPORT);
        CHECK_EQ(rt::StatusOf(s[0]), rt::kActive);
        aclmdlRI model = nullptr;
        CHECK_EQ(aclmdlRICaptureEnd(s[0], &model), ACL_SUCCESS);
        REQUIRE(model != nullptr);
        CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
        CHECK_EQ(aclrtDestroyEvent(legacy), ACL_SUCCESS);
        CHECK_EQ(aclrtDestroyEvent(legacyFlag), ACL_SUCCESS);
    }
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("several threads each capture and replay on their own streams") {
    rt::LeakCheck leaks;
    constexpr int kThreads = 4;
    constexpr int kReplays = 25;
    aclrtContext context = rt::CurrentContext();
    struct Outcome {
        int setupFailures = 0;
        int captureFailures = 0;
        int replayFailures = 0;
        int wrongValues = 0;
    };
    std::vector<Outcome> outcomes(kThreads);
    std::vector<std::thread> threads;
    const aclmdlRICaptureMode modes[kThreads] = {rt::kGlobal, rt::kThreadLocal, rt::kRelaxed, rt::kGlobal};
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            Outcome &o = outcomes[static_cast<size_t>(t)];
            aclrtSetCurrentContext(context);
            aclrtStream stream = nullptr;
            if (aclrtCreateStream(&stream) != ACL_SUCCESS) {
                ++o.setupFailures;
                return;
            }
            {
                AddGraph graph;
                float alpha = static_cast<float>(t + 1);
                if (!graph.Init(alpha, stream)) {
                    ++o.setupFailures;
                } else {
                    aclmdlRI model = rt::CaptureAddGraph(graph, stream, modes[t]);
                    if (model == nullptr) {
                        ++o.captureFailures;
                    } else {
                        for (int i = 0; i < kReplays; ++i) {
                            graph.SetX(static_cast<float>(i * 10 + t));
                            if (aclmdlRIExecuteAsync(model, stream) != ACL_SUCCESS ||
                                aclrtSynchronizeStream(stream) != ACL_SUCCESS) {
                                ++o.replayFailures;
                            } else if (!rt::AllEqual(graph.Y(), static_cast<float>(i * 10 + t) + alpha)) {
                                ++o.wrongValues;
                            }
                        }
                        if (aclmdlRIDestroy(model) != ACL_SUCCESS) ++o.replayFailures;
                    }
                }
            }
            if (aclrtDestroyStream(stream) != ACL_SUCCESS) ++o.setupFailures;
        });
    }
    for (auto &thread : threads) thread.join();
    for (int t = 0; t < kThreads; ++t) {
        const Outcome &o = outcomes[static_cast<size_t>(t)];
        CHECK_EQ(o.setupFailures, 0);
        CHECK_EQ(o.captureFailures, 0);
        CHECK_EQ(o.replayFailures, 0);
        CHECK_EQ(o.wrongValues, 0);
    }
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("one model replayed from several streams (and threads) concurrently") {
    rt::LeakCheck leaks;
    constexpr int kStreams = 4;
    constexpr int kReplaysPerStream = 25;
    aclrtContext context = rt::CurrentContext();
    {
        Streams s(kStreams + 1);
        REQUIRE(s.Ok());
        constexpr int64_t kN = 1024;
        constexpr size_t kBytes = kN * sizeof(float);
        void *a = rt::DevAlloc(kBytes);
        void *b = rt::DevAlloc(kBytes);
        void *out = rt::DevAlloc(kBytes);
        REQUIRE(a && b && out);
        CHECK_EQ(rt::WriteFloats(a, std::vector<float>(kN, 2.0f)), ACL_SUCCESS);
        CHECK_EQ(rt::WriteFloats(b, std::vector<float>(kN, 4.0f)), ACL_SUCCESS);
        rt::AddCall add;
        REQUIRE(add.Prepare(a, b, out, kN, 1.5f) == OK);
        std::atomic<int> calls{0};
        aclrtStream origin = s[kStreams];
        CHECK_EQ(aclmdlRICaptureBegin(origin, rt::kRelaxed), ACL_SUCCESS);
        CHECK_EQ(aclrtLaunchHostFunc(origin, rt::CountHostFunc, &calls), ACL_SUCCESS);
#if !RT_UNDER_TSAN
        // Concurrent replays write identical values to `out`: a benign race of this test program
        // that ThreadSanitizer would report, so the kernel is left out of the TSan build.
        CHECK_EQ(add.Launch(origin), OK);
#endif
        CHECK_EQ(aclrtLaunchHostFunc(origin, rt::CountHostFunc, &calls), ACL_SUCCESS);
        aclmdlRI model = nullptr;
        CHECK_EQ(aclmdlRICaptureEnd(origin, &model), ACL_SUCCESS);
        REQUIRE(model != nullptr);

        // Several streams from one thread, no synchronisation in between.
        for (int i = 0; i < kReplaysPerStream; ++i) {
            for (int k = 0; k < kStreams; ++k) CHECK_EQ(aclmdlRIExecuteAsync(model, s[static_cast<size_t>(k)]), ACL_SUCCESS);
        }
        for (int k = 0; k < kStreams; ++k) CHECK_EQ(aclrtSynchronizeStream(s[static_cast<size_t>(k)]), ACL_SUCCESS);
        CHECK_EQ(calls.load(), 2 * kStreams * kReplaysPerStream);

        // Several threads, each with its own stream.
        std::vector<int> failures(kStreams, 0);
        std::vector<std::thread> threads;
        for (int k = 0; k < kStreams; ++k) {
            threads.emplace_back([&, k] {
                aclrtSetCurrentContext(context);
                for (int i = 0; i < kReplaysPerStream; ++i) {
                    if (aclmdlRIExecuteAsync(model, s[static_cast<size_t>(k)]) != ACL_SUCCESS) ++failures[static_cast<size_t>(k)];
                }
                if (aclrtSynchronizeStream(s[static_cast<size_t>(k)]) != ACL_SUCCESS) ++failures[static_cast<size_t>(k)];
            });
        }
        for (auto &thread : threads) thread.join();
        for (int f : failures) CHECK_EQ(f, 0);
        CHECK_EQ(calls.load(), 4 * kStreams * kReplaysPerStream);
#if !RT_UNDER_TSAN
        CHECK_ALL(rt::ReadFloats(out, kN), 8.0f);
#endif
        CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
        add.Release();
        for (void *p : {a, b, out}) CHECK_EQ(aclrtFree(p), ACL_SUCCESS);
    }
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("eager event ordering across streams while another stream captures") {
    rt::LeakCheck leaks;
    {
        Streams s(3);
        REQUIRE(s.Ok());
        void *a = rt::DevAlloc(128);
        void *b = rt::DevAlloc(128);
        REQUIRE(a && b);
        CHECK_EQ(aclrtMemset(a, 128, 0, 128), ACL_SUCCESS);
        CHECK_EQ(aclrtMemset(b, 128, 0, 128), ACL_SUCCESS);
        aclrtEvent e = SyncEvent();
        REQUIRE(e != nullptr);
        CHECK_EQ(aclmdlRICaptureBegin(s[2], rt::kGlobal), ACL_SUCCESS);
        rt::Gate gate;
        CHECK_EQ(aclrtLaunchHostFunc(s[0], rt::Gate::HostFunc, &gate), ACL_SUCCESS);
        CHECK_EQ(aclrtMemsetAsync(a, 128, 0x61, 128, s[0]), ACL_SUCCESS);
        CHECK_EQ(aclrtRecordEvent(e, s[0]), ACL_SUCCESS);
        CHECK_EQ(aclrtStreamWaitEvent(s[1], e), ACL_SUCCESS);
        CHECK_EQ(rt::StatusOf(s[1]), rt::kNone);  // an eager event does not join anybody
        CHECK_EQ(aclrtMemcpyAsync(b, 128, a, 128, ACL_MEMCPY_DEVICE_TO_DEVICE, s[1]), ACL_SUCCESS);
        aclrtEventRecordedStatus status = ACL_EVENT_RECORDED_STATUS_COMPLETE;
        CHECK_EQ(aclrtQueryEventStatus(e, &status), ACL_SUCCESS);  // not part of the capture
        CHECK_EQ(status, ACL_EVENT_RECORDED_STATUS_NOT_READY);
        gate.Open();
        CHECK_EQ(aclrtSynchronizeStream(s[1]), ACL_SUCCESS);
        CHECK_EQ(rt::StatusOf(s[2]), rt::kActive);
        aclmdlRI model = nullptr;
        CHECK_EQ(aclmdlRICaptureEnd(s[2], &model), ACL_SUCCESS);
        if (model) CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
        CHECK(rt::AllBytes(rt::ReadBytes(b, 128), 0x61));
        CHECK_EQ(aclrtSynchronizeStream(s[0]), ACL_SUCCESS);
        CHECK_EQ(aclrtDestroyEvent(e), ACL_SUCCESS);
        CHECK_EQ(aclrtFree(a), ACL_SUCCESS);
        CHECK_EQ(aclrtFree(b), ACL_SUCCESS);
    }
    VERIFY_NO_LEAKS(leaks);
}

namespace {

// Host functions of a fork/join model: the k-th join to run must see at least k runs of each branch.
struct BranchCounters {
    std::atomic<int> left{0};
    std::atomic<int> right{0};
    std::atomic<int> joins{0};
    std::atomic<int> violations{0};
};
void LeftBranch(void *p) {
    std::this_thread::sleep_for(std::chrono::microseconds(300));
    static_cast<BranchCounters *>(p)->left.fetch_add(1);
}
void RightBranch(void *p) {
    std::this_thread::sleep_for(std::chrono::microseconds(500));
    static_cast<BranchCounters *>(p)->right.fetch_add(1);
}
void JoinPoint(void *p) {
    auto *c = static_cast<BranchCounters *>(p);
    int k = c->joins.fetch_add(1) + 1;
    if (c->left.load() < k || c->right.load() < k) c->violations.fetch_add(1);
}

} // namespace

TEST_CASE("concurrent replays of one fork/join model keep every replay's captured dependencies") {
    rt::LeakCheck leaks;
    constexpr int kExecStreams = 3;
    constexpr int kReplays = 12;
    {
        Streams s(3 + kExecStreams);
        REQUIRE(s.Ok());
        aclrtEvent fork = SyncEvent();
        aclrtEvent leftDone = SyncEvent();
        aclrtEvent rightDone = SyncEvent();
        REQUIRE(fork && leftDone && rightDone);
        BranchCounters counters;
        CHECK_EQ(aclmdlRICaptureBegin(s[0], rt::kGlobal), ACL_SUCCESS);
        CHECK_EQ(aclrtRecordEvent(fork, s[0]), ACL_SUCCESS);
        CHECK_EQ(aclrtStreamWaitEvent(s[1], fork), ACL_SUCCESS);
        CHECK_EQ(aclrtStreamWaitEvent(s[2], fork), ACL_SUCCESS);
        CHECK_EQ(aclrtLaunchHostFunc(s[1], LeftBranch, &counters), ACL_SUCCESS);
        CHECK_EQ(aclrtLaunchHostFunc(s[2], RightBranch, &counters), ACL_SUCCESS);
        CHECK_EQ(aclrtRecordEvent(leftDone, s[1]), ACL_SUCCESS);
        CHECK_EQ(aclrtRecordEvent(rightDone, s[2]), ACL_SUCCESS);
        CHECK_EQ(aclrtStreamWaitEvent(s[0], leftDone), ACL_SUCCESS);
        CHECK_EQ(aclrtStreamWaitEvent(s[0], rightDone), ACL_SUCCESS);
        CHECK_EQ(aclrtLaunchHostFunc(s[0], JoinPoint, &counters), ACL_SUCCESS);
        aclmdlRI model = nullptr;
        CHECK_EQ(aclmdlRICaptureEnd(s[0], &model), ACL_SUCCESS);
        REQUIRE(model != nullptr);
        // The user's events are free again: an eager record/sync works while replays run.
        for (int i = 0; i < kReplays; ++i) {
            for (int k = 0; k < kExecStreams; ++k) {
                CHECK_EQ(aclmdlRIExecuteAsync(model, s[static_cast<size_t>(3 + k)]), ACL_SUCCESS);
            }
        }
        for (int k = 0; k < kExecStreams; ++k) {
            // A lost cross-replay wake-up would hang here: bounded wait.
            CHECK_EQ(aclrtSynchronizeStreamWithTimeout(s[static_cast<size_t>(3 + k)], 20000), ACL_SUCCESS);
        }
        CHECK_EQ(counters.left.load(), kReplays * kExecStreams);
        CHECK_EQ(counters.right.load(), kReplays * kExecStreams);
        CHECK_EQ(counters.joins.load(), kReplays * kExecStreams);
        CHECK_EQ(counters.violations.load(), 0);
        CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
        for (auto e : {fork, leftDone, rightDone}) CHECK_EQ(aclrtDestroyEvent(e), ACL_SUCCESS);
    }
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("events used in a finished capture work eagerly again") {
    rt::LeakCheck leaks;
    {
        Streams s(3);
        REQUIRE(s.Ok());
        aclrtEvent e = SyncEvent();
        aclrtEvent back = SyncEvent();
        REQUIRE(e && back);
        CHECK_EQ(aclmdlRICaptureBegin(s[0], rt::kGlobal), ACL_SUCCESS);
        CHECK_EQ(aclrtRecordEvent(e, s[0]), ACL_SUCCESS);
        CHECK_EQ(aclrtStreamWaitEvent(s[1], e), ACL_SUCCESS);
        CHECK_EQ(aclrtRecordEvent(back, s[1]), ACL_SUCCESS);
        CHECK_EQ(aclrtStreamWaitEvent(s[0], back), ACL_SUCCESS);
        aclmdlRI model = nullptr;
        CHECK_EQ(aclmdlRICaptureEnd(s[0], &model), ACL_SUCCESS);
        REQUIRE(model != nullptr);
        // Eager use: a wait on the event no longer joins anything.
        void *a = rt::DevAlloc(64);
        void *b = rt::DevAlloc(64);
        REQUIRE(a && b);
        rt::Gate gate;
        CHECK_EQ(aclrtLaunchHostFunc(s[0], rt::Gate::HostFunc, &gate), ACL_SUCCESS);
        CHECK_EQ(aclrtMemsetAsync(a, 64, 0x4D, 64, s[0]), ACL_SUCCESS);
        CHECK_EQ(aclrtRecordEvent(e, s[0]), ACL_SUCCESS);
        CHECK_EQ(aclrtStreamWaitEvent(s[2], e), ACL_SUCCESS);
        CHECK_EQ(rt::StatusOf(s[2]), rt::kNone);
        CHECK_EQ(aclrtMemcpyAsync(b, 64, a, 64, ACL_MEMCPY_DEVICE_TO_DEVICE, s[2]), ACL_SUCCESS);
        aclrtEventRecordedStatus status = ACL_EVENT_RECORDED_STATUS_COMPLETE;
        CHECK_EQ(aclrtQueryEventStatus(e, &status), ACL_SUCCESS);
        CHECK_EQ(status, ACL_EVENT_RECORDED_STATUS_NOT_READY);
        gate.Open();
        CHECK_EQ(aclrtSynchronizeEvent(e), ACL_SUCCESS);
        CHECK_EQ(aclrtSynchronizeStream(s[2]), ACL_SUCCESS);
        CHECK(rt::AllBytes(rt::ReadBytes(b, 64), 0x4D));
        // Replays still work after the eager use.
        CHECK_EQ(aclmdlRIExecuteAsync(model, s[1]), ACL_SUCCESS);
        CHECK_EQ(aclrtSynchronizeStream(s[1]), ACL_SUCCESS);
        CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
        CHECK_EQ(aclrtFree(a), ACL_SUCCESS);
        CHECK_EQ(aclrtFree(b), ACL_SUCCESS);
        CHECK_EQ(aclrtDestroyEvent(e), ACL_SUCCESS);
        CHECK_EQ(aclrtDestroyEvent(back), ACL_SUCCESS);
    }
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("a wrong-thread End of a multi-stream capture -> 107038 and releases the joined streams too") {
    rt::LeakCheck leaks;
    aclrtContext context = rt::CurrentContext();
    {
        Streams s(2);
        REQUIRE(s.Ok());
        aclrtEvent fork = SyncEvent();
        aclrtEvent back = SyncEvent();
        REQUIRE(fork && back);
        CHECK_EQ(aclmdlRICaptureBegin(s[0], rt::kThreadLocal), ACL_SUCCESS);
        aclmdlRI captured = rt::ModelOf(s[0]);
        REQUIRE(captured != nullptr);
        CHECK_EQ(aclrtRecordEvent(fork, s[0]), ACL_SUCCESS);
        CHECK_EQ(aclrtStreamWaitEvent(s[1], fork), ACL_SUCCESS);
        CHECK_EQ(aclrtRecordEvent(back, s[1]), ACL_SUCCESS);
        CHECK_EQ(aclrtStreamWaitEvent(s[0], back), ACL_SUCCESS);
        rt::RunOnThread(context, [&] {
            aclmdlRI model = nullptr;
            CHECK_EQ(aclmdlRICaptureEnd(s[0], &model), ACL_ERROR_RT_STREAM_CAPTURE_WRONG_THREAD);
            CHECK(model == nullptr);
        });
        CHECK_EQ(rt::StatusOf(s[0]), rt::kNone);
        CHECK_EQ(rt::StatusOf(s[1]), rt::kNone);
        CHECK(StreamUsable(s[0]));
        CHECK(StreamUsable(s[1]));
        CHECK_EQ(aclmdlRIDestroy(captured), ACL_SUCCESS);
        CHECK_EQ(aclrtDestroyEvent(fork), ACL_SUCCESS);
        CHECK_EQ(aclrtDestroyEvent(back), ACL_SUCCESS);
    }
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("a submission fault on a joined stream invalidates the whole capture") {
    rt::LeakCheck leaks;
    aclsimClearFaults();
    {
        Streams s(2);
        REQUIRE(s.Ok());
        void *p = rt::DevAlloc(64);
        REQUIRE(p != nullptr);
        aclrtEvent fork = SyncEvent();
        aclrtEvent back = SyncEvent();
        REQUIRE(fork && back);
        CHECK_EQ(aclmdlRICaptureBegin(s[0], rt::kGlobal), ACL_SUCCESS);
        CHECK_EQ(aclrtRecordEvent(fork, s[0]), ACL_SUCCESS);
        CHECK_EQ(aclrtStreamWaitEvent(s[1], fork), ACL_SUCCESS);
        CHECK_EQ(aclsimInjectFault(ACLSIM_FAULT_TASK_SUBMIT, 0, 1), ACL_SUCCESS);
        CHECK_EQ(aclrtMemsetAsync(p, 64, 1, 64, s[1]), ACL_ERROR_RT_RESOURCE_ALLOC_FAIL);
        // Stream::AllocCaptureTaskWithoutLock -> SingleStreamTerminateCapture: only the failing
        // stream reports INVALIDATED; the capture still ends with 507903.
        CHECK_EQ(rt::StatusOf(s[0]), rt::kActive);
        CHECK_EQ(rt::StatusOf(s[1]), rt::kInvalidated);
        // Further tasks are accepted (Stream::IsCapturing counts INVALIDATED as capturing).
        CHECK_EQ(aclrtMemsetAsync(p, 64, 2, 64, s[1]), ACL_SUCCESS);
        CHECK_EQ(aclrtRecordEvent(back, s[1]), ACL_SUCCESS);
        CHECK_EQ(aclrtStreamWaitEvent(s[0], back), ACL_SUCCESS);
        aclmdlRI model = nullptr;
        CHECK_EQ(aclmdlRICaptureEnd(s[0], &model), ACL_ERROR_RT_STREAM_CAPTURE_INVALIDATED);
        CHECK(model == nullptr);
        CHECK_EQ(rt::StatusOf(s[0]), rt::kNone);
        CHECK_EQ(rt::StatusOf(s[1]), rt::kNone);
        CHECK(StreamUsable(s[0]));
        CHECK(StreamUsable(s[1]));
        aclsimClearFaults();
        CHECK_EQ(aclrtFree(p), ACL_SUCCESS);
        CHECK_EQ(aclrtDestroyEvent(fork), ACL_SUCCESS);
        CHECK_EQ(aclrtDestroyEvent(back), ACL_SUCCESS);
    }
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("stress: threads capturing, making unsafe calls and replaying concurrently") {
    rt::LeakCheck leaks;
    constexpr int kThreads = 4;
    constexpr int kRounds = 30;
    aclrtContext context = rt::CurrentContext();
    std::vector<int> failures(kThreads, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            int &failed = failures[static_cast<size_t>(t)];
            aclrtSetCurrentContext(context);
            aclrtStream stream = nullptr;
            if (aclrtCreateStream(&stream) != ACL_SUCCESS) {
                ++failed;
                return;
            }
            void *p = rt::DevAlloc(256);
            void *q = rt::DevAlloc(256);
            if (p == nullptr || q == nullptr) ++failed;
            for (int round = 0; round < kRounds && failed == 0; ++round) {
                auto mode = static_cast<aclmdlRICaptureMode>((t + round) % 3);
                if (aclmdlRICaptureBegin(stream, mode) != ACL_SUCCESS) ++failed;
                if (aclrtMemsetAsync(p, 256, round, 256, stream) != ACL_SUCCESS) ++failed;
                // Unsafe call: allowed or refused depending on the other threads' captures.
                aclError unsafe = aclrtMemset(q, 256, 0, 256);
                if (unsafe != ACL_SUCCESS && unsafe != ACL_ERROR_RT_CAPTURE_MODE_NOT_SUPPORT) ++failed;
                {
                    rt::ExchangeModeScope relaxed(rt::kRelaxed);
                    if (aclrtMemset(q, 256, 0, 256) != ACL_SUCCESS) ++failed;  // RELAXED is never refused
                }
                aclmdlRI model = nullptr;
                if (aclmdlRICaptureEnd(stream, &model) != ACL_SUCCESS || model == nullptr) {
                    ++failed;
                    continue;
                }
                if (aclmdlRIExecuteAsync(model, stream) != ACL_SUCCESS) ++failed;
                if (aclrtSynchronizeStream(stream) != ACL_SUCCESS) ++failed;
                if (aclmdlRIDestroy(model) != ACL_SUCCESS) ++failed;
            }
            if (p) aclrtFree(p);
            if (q) aclrtFree(q);
            if (aclrtDestroyStream(stream) != ACL_SUCCESS) ++failed;
        });
    }
    for (auto &thread : threads) thread.join();
    for (int f : failures) CHECK_EQ(f, 0);
    // All captures ended: nothing is restricted any more.
    void *p = rt::DevAlloc(16);
    CHECK_EQ(aclrtMemset(p, 16, 0, 16), ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeDevice(), ACL_SUCCESS);
    CHECK_EQ(aclrtFree(p), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

RT_TEST_MAIN()
