// The testing hooks (aclgraph4j/shim_testing.h): the simulator's fault injection and the
// benchmarks' measurement loops, kept out of the production C API.
#include "aclgraph4j/shim_testing.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <string>
#include <thread>

#include "aclsim/aclsim.h"
#include "entry.h"

namespace agj {
namespace {
inline void SpinPause() {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    asm volatile("yield" ::: "memory");
#endif
}

} // namespace
} // namespace agj

using namespace agj;

extern "C" {

// ---- simulator only ----

int32_t agj_sim_inject_fault(int32_t point, int64_t skip, int64_t count) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        auto inject = reinterpret_cast<decltype(&::aclsimInjectFault)>(Backend().find("aclsimInjectFault"));
        if (inject == nullptr) {
            return Fail(AGJ_ERR_BACKEND, entry, "fault injection exists only on the simulator backend");
        }
        if (point < 0 || point >= ACLSIM_FAULT_POINT_COUNT) {
            return InvalidArgument(entry, "fault point " + std::to_string(point) + " does not exist (0.." +
                                              std::to_string(ACLSIM_FAULT_POINT_COUNT - 1) + ")");
        }
        if (skip < 0 || count < 0) {
            return InvalidArgument(entry, "skip and count must not be negative");
        }
        auto faultPoint = static_cast<aclsimFaultPoint>(point);
        AGJ_ACL_CHECK("aclsimInjectFault",
                      inject(faultPoint, static_cast<uint64_t>(skip), static_cast<uint64_t>(count)));
        return AGJ_OK;
    });
}

int32_t agj_sim_clear_faults(void) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        auto clear = reinterpret_cast<decltype(&::aclsimClearFaults)>(Backend().find("aclsimClearFaults"));
        if (clear == nullptr) {
            return Fail(AGJ_ERR_BACKEND, entry, "fault injection exists only on the simulator backend");
        }
        clear();
        return AGJ_OK;
    });
}

// ---- measurement hooks ----

int32_t agj_bench_replay_loop(int64_t model, int64_t stream, int64_t iterations, int64_t *nanosOut) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_REQUIRE_OUT(nanosOut);
        AGJ_FIND(Model, m, model, AGJ_KIND_MODEL, "model");
        AGJ_FIND(Stream, s, stream, AGJ_KIND_STREAM, "stream");
        if (iterations <= 0) {
            return InvalidArgument(entry, "iterations must be positive");
        }
        AGJ_ACL_CHECK("aclrtSetCurrentContext", s->device()->makeCurrent());
        const AclApi &api = Api();
        aclmdlRI ri = m->handle();
        aclrtStream raw = s->handle();
        auto start = std::chrono::steady_clock::now();
        for (int64_t i = 0; i < iterations; ++i) {
            AGJ_ACL_CHECK("aclmdlRIExecuteAsync", api.aclmdlRIExecuteAsync(ri, raw));
            AGJ_ACL_CHECK("aclrtSynchronizeStream", api.aclrtSynchronizeStream(raw));
        }
        *nanosOut =
            std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start).count();
        return AGJ_OK;
    });
}

int32_t agj_bench_spin_handoff(int64_t iterations, int64_t *nanosOut) {
    return Entry(__func__, Gate::Any, [&](const char *entry) -> int32_t {
        AGJ_REQUIRE_OUT(nanosOut);
        if (iterations <= 0) {
            return InvalidArgument(entry, "iterations must be positive");
        }
        std::atomic<int64_t> request{0};
        std::atomic<int64_t> done{0};
        std::thread helper([&] {
            for (int64_t seen = 0, last = std::min<int64_t>(iterations, 1000) + iterations; seen < last;) {
                int64_t r = request.load(std::memory_order_acquire);
                if (r == seen) {
                    SpinPause();
                    continue;
                }
                seen = r;
                done.store(r, std::memory_order_release);
            }
        });
        auto roundTrip = [&](int64_t r) {
            request.store(r, std::memory_order_release);
            while (done.load(std::memory_order_acquire) != r) {
                SpinPause();
            }
        };
        // Warm up first: the helper has just started, and either core may have been idle.
        const int64_t warmUp = std::min<int64_t>(iterations, 1000);
        for (int64_t r = 1; r <= warmUp; ++r) {
            roundTrip(r);
        }
        auto start = std::chrono::steady_clock::now();
        for (int64_t r = warmUp + 1; r <= warmUp + iterations; ++r) {
            roundTrip(r);
        }
        *nanosOut =
            std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start).count();
        helper.join();
        return AGJ_OK;
    });
}

} // extern "C"
