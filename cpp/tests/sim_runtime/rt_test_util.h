// Shared helpers of the simulator runtime conformance suite (cpp/tests/sim_runtime): ACL programs
// written against the public C API of libaclsim. Every helper goes through the public API only,
// except the simulator-only introspection of aclsim/aclsim.h (live-object counts, faults).
#ifndef ACLGRAPH4J_TESTS_SIM_RUNTIME_RT_TEST_UTIL_H
#define ACLGRAPH4J_TESTS_SIM_RUNTIME_RT_TEST_UTIL_H

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "acl/acl.h"
#include "aclnnop/aclnn_add.h"
#include "aclsim/aclsim.h"
#include "test_support.h"

#if defined(__SANITIZE_THREAD__)
#define RT_UNDER_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define RT_UNDER_TSAN 1
#endif
#endif
#ifndef RT_UNDER_TSAN
#define RT_UNDER_TSAN 0
#endif

namespace rt {

constexpr aclmdlRICaptureMode kGlobal = ACL_MODEL_RI_CAPTURE_MODE_GLOBAL;
constexpr aclmdlRICaptureMode kThreadLocal = ACL_MODEL_RI_CAPTURE_MODE_THREAD_LOCAL;
constexpr aclmdlRICaptureMode kRelaxed = ACL_MODEL_RI_CAPTURE_MODE_RELAXED;
constexpr aclmdlRICaptureStatus kNone = ACL_MODEL_RI_CAPTURE_STATUS_NONE;
constexpr aclmdlRICaptureStatus kActive = ACL_MODEL_RI_CAPTURE_STATUS_ACTIVE;
constexpr aclmdlRICaptureStatus kInvalidated = ACL_MODEL_RI_CAPTURE_STATUS_INVALIDATED;

inline const char *ModeName(int mode) {
    switch (mode) {
    case ACL_MODEL_RI_CAPTURE_MODE_GLOBAL: return "GLOBAL";
    case ACL_MODEL_RI_CAPTURE_MODE_THREAD_LOCAL: return "THREAD_LOCAL";
    case ACL_MODEL_RI_CAPTURE_MODE_RELAXED: return "RELAXED";
    default: return "NONE";
    }
}

// ------------------------------------------------------------------ capture introspection

// The capture status of `stream` (-1 cast when GetInfo itself fails).
inline int StatusOf(aclrtStream stream) {
    aclmdlRICaptureStatus status = static_cast<aclmdlRICaptureStatus>(99);
    if (aclmdlRICaptureGetInfo(stream, &status, nullptr) != ACL_SUCCESS) {
        return -1;
    }
    return static_cast<int>(status);
}

// The model being captured on `stream` (nullptr when none or GetInfo fails).
inline aclmdlRI ModelOf(aclrtStream stream) {
    aclmdlRI model = nullptr;
    if (aclmdlRICaptureGetInfo(stream, nullptr, &model) != ACL_SUCCESS) {
        return nullptr;
    }
    return model;
}

// Swaps the calling thread's capture exchange mode for the scope's lifetime.
class ExchangeModeScope {
public:
    explicit ExchangeModeScope(aclmdlRICaptureMode mode) : previous_(mode) {
        aclmdlRICaptureThreadExchangeMode(&previous_);
    }
    ~ExchangeModeScope() { aclmdlRICaptureThreadExchangeMode(&previous_); }
    ExchangeModeScope(const ExchangeModeScope &) = delete;
    ExchangeModeScope &operator=(const ExchangeModeScope &) = delete;

private:
    aclmdlRICaptureMode previous_;
};

// ------------------------------------------------------------------ leak checks

// Snapshot of aclsimLiveObjects; Verify reports every kind whose count has not returned to the
// snapshot (waiting up to two seconds for deferred releases).
class LeakCheck {
public:
    LeakCheck() {
        for (int k = 0; k < ACLSIM_OBJ_KIND_COUNT; ++k) {
            start_[k] = aclsimLiveObjects(static_cast<aclsimObjectKind>(k));
        }
    }
    void Verify(const char *file, int line) const {
        auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
        for (;;) {
            bool same = true;
            for (int k = 0; k < ACLSIM_OBJ_KIND_COUNT; ++k) {
                same = same && aclsimLiveObjects(static_cast<aclsimObjectKind>(k)) == start_[k];
            }
            if (same) {
                return;
            }
            if (std::chrono::steady_clock::now() > deadline) {
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        static const char *names[] = {
            "device allocations", "host allocations", "streams", "events", "models", "tensors", "scalars",
            "executors",          "contexts"};
        for (int k = 0; k < ACLSIM_OBJ_KIND_COUNT; ++k) {
            uint64_t now = aclsimLiveObjects(static_cast<aclsimObjectKind>(k));
            if (now != start_[k]) {
                std::ostringstream os;
                os << "leak check: live " << names[k] << " " << now << ", at test start " << start_[k];
                testsupport::fail(file, line, os.str());
            }
        }
    }

private:
    std::array<uint64_t, ACLSIM_OBJ_KIND_COUNT> start_{};
};

#define VERIFY_NO_LEAKS(check) (check).Verify(__FILE__, __LINE__)

// ------------------------------------------------------------------ host functions

// A host function that blocks its stream until the test opens the gate (at most 10 s, so that a
// failing test cannot hang the suite).
class Gate {
public:
    Gate() = default;
    Gate(const Gate &) = delete;
    Gate &operator=(const Gate &) = delete;
    // The stream's worker may still be inside Wait() after Open() returns (woken, not yet out):
    // the gate outlives it, so its mutex and condition are never used after destruction.
    ~Gate() {
        Open();
        auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
        while (entered_.load() && !left_.load() && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    }
    void Open() {
        std::lock_guard<std::mutex> lock(mutex_);
        open_ = true;
        condition_.notify_all();
    }
    bool Entered() const { return entered_.load(); }
    // Waits (bounded) until the host function started running.
    bool WaitEntered(int ms = 5000) const {
        auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
        while (!entered_.load()) {
            if (std::chrono::steady_clock::now() > deadline) {
                return false;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        return true;
    }
    static void HostFunc(void *gate) { static_cast<Gate *>(gate)->Wait(); }

private:
    void Wait() {
        entered_.store(true);
        {
            std::unique_lock<std::mutex> lock(mutex_);
            condition_.wait_for(lock, std::chrono::seconds(10), [this] { return open_; });
        }
        left_.store(true); // the last touch of the gate by the worker
    }
    std::mutex mutex_;
    std::condition_variable condition_;
    bool open_ = false;
    std::atomic<bool> entered_{false};
    std::atomic<bool> left_{false};
};

// Host function incrementing an std::atomic<int>.
inline void CountHostFunc(void *counter) {
    static_cast<std::atomic<int> *>(counter)->fetch_add(1);
}

// Host function sleeping `ms` (an int) and then setting a flag.
struct SleepThenFlag {
    int ms = 0;
    std::atomic<int> done{0};
};
inline void SleepThenFlagHostFunc(void *arg) {
    auto *s = static_cast<SleepThenFlag *>(arg);
    std::this_thread::sleep_for(std::chrono::milliseconds(s->ms));
    s->done.fetch_add(1);
}

// Host function sleeping `ms` (an int*) without touching anything else.
inline void SleepHostFunc(void *ms) {
    std::this_thread::sleep_for(std::chrono::milliseconds(*static_cast<int *>(ms)));
}

// ------------------------------------------------------------------ memory helpers

inline void *DevAlloc(size_t bytes) {
    void *p = nullptr;
    if (aclrtMalloc(&p, bytes, ACL_MEM_MALLOC_HUGE_FIRST) != ACL_SUCCESS) {
        return nullptr;
    }
    return p;
}

inline float *HostAlloc(size_t elements) {
    void *p = nullptr;
    if (aclrtMallocHost(&p, elements * sizeof(float)) != ACL_SUCCESS) {
        return nullptr;
    }
    return static_cast<float *>(p);
}

// Synchronous helpers (unsafe calls: use them only while no capture restricts the thread).
inline aclError WriteFloats(void *device, const std::vector<float> &values) {
    return aclrtMemcpy(device, values.size() * sizeof(float), values.data(), values.size() * sizeof(float),
                       ACL_MEMCPY_HOST_TO_DEVICE);
}
inline std::vector<float> ReadFloats(const void *device, size_t n) {
    std::vector<float> out(n, -12345.0f);
    if (aclrtMemcpy(out.data(), n * sizeof(float), device, n * sizeof(float), ACL_MEMCPY_DEVICE_TO_HOST) !=
        ACL_SUCCESS) {
        std::fill(out.begin(), out.end(), -99999.0f);
    }
    return out;
}
inline std::vector<unsigned char> ReadBytes(const void *device, size_t n) {
    std::vector<unsigned char> out(n, 0xEE);
    if (aclrtMemcpy(out.data(), n, device, n, ACL_MEMCPY_DEVICE_TO_HOST) != ACL_SUCCESS) {
        std::fill(out.begin(), out.end(), 0xEE);
    }
    return out;
}
inline bool AllEqual(const std::vector<float> &v, float x, float tol = 1e-5f) {
    for (float f : v) {
        if (!(f >= x - tol && f <= x + tol)) {
            return false;
        }
    }
    return true;
}
inline bool AllBytes(const std::vector<unsigned char> &v, unsigned char x) {
    for (unsigned char c : v) {
        if (c != x) {
            return false;
        }
    }
    return true;
}
inline bool AllEqual(const float *v, size_t n, float x, float tol = 1e-5f) {
    return AllEqual(std::vector<float>(v, v + n), x, tol);
}
inline std::string Describe(const std::vector<float> &v) {
    std::ostringstream os;
    for (size_t i = 0; i < v.size() && i < 8; ++i) {
        os << (i ? " " : "") << v[i];
    }
    if (v.size() > 8) {
        os << " ...";
    }
    return os.str();
}

#define CHECK_ALL(vec, value)                                                                \
    do {                                                                                     \
        auto rt_v = (vec);                                                                   \
        if (!rt::AllEqual(rt_v, (value))) {                                                  \
            std::ostringstream rt_os;                                                        \
            rt_os << #vec << " all == " << (value) << " (got " << rt::Describe(rt_v) << ")"; \
            testsupport::fail(__FILE__, __LINE__, rt_os.str());                              \
        }                                                                                    \
    } while (0)

// ------------------------------------------------------------------ aclnnAdd

// One aclnnAdd call out = self + alpha * other on 1-D float32 tensors of n elements, keeping its
// tensors, scalar and workspace alive until Release (captured kernels need them).
class AddCall {
public:
    AddCall() = default;
    AddCall(const AddCall &) = delete;
    AddCall &operator=(const AddCall &) = delete;
    ~AddCall() { Release(); }

    aclnnStatus Prepare(void *self, void *other, void *out, int64_t n, float alpha, bool repeatable = false) {
        Release();
        self_ = MakeTensor(self, n);
        other_ = MakeTensor(other, n);
        out_ = MakeTensor(out, n);
        alpha_ = aclCreateScalar(&alpha, ACL_FLOAT);
        if (self_ == nullptr || other_ == nullptr || out_ == nullptr || alpha_ == nullptr) {
            return -1;
        }
        aclnnStatus status = aclnnAddGetWorkspaceSize(self_, other_, alpha_, out_, &workspaceSize_, &executor_);
        if (status != OK) {
            executor_ = nullptr;
            return status;
        }
        if (repeatable) {
            repeatable_ = true;
            status = aclSetAclOpExecutorRepeatable(executor_);
            if (status != OK) {
                return status;
            }
        }
        if (workspaceSize_ > 0 && aclrtMalloc(&workspace_, workspaceSize_, ACL_MEM_MALLOC_HUGE_FIRST) != ACL_SUCCESS) {
            return -2;
        }
        return OK;
    }

    // The second phase on `stream`; a non-repeatable executor is consumed by it.
    aclnnStatus Launch(aclrtStream stream) {
        aclnnStatus status = aclnnAdd(workspace_, workspaceSize_, executor_, stream);
        if (!repeatable_) {
            executor_ = nullptr;
        }
        return status;
    }

    void Release() {
        if (executor_ != nullptr) {
            aclDestroyAclOpExecutor(executor_);
            executor_ = nullptr;
        }
        repeatable_ = false;
        if (self_ != nullptr)
            aclDestroyTensor(self_);
        if (other_ != nullptr)
            aclDestroyTensor(other_);
        if (out_ != nullptr)
            aclDestroyTensor(out_);
        if (alpha_ != nullptr)
            aclDestroyScalar(alpha_);
        self_ = other_ = out_ = nullptr;
        alpha_ = nullptr;
        if (workspace_ != nullptr) {
            aclrtFree(workspace_);
            workspace_ = nullptr;
        }
        workspaceSize_ = 0;
    }

private:
    static aclTensor *MakeTensor(void *data, int64_t n) {
        int64_t shape[1] = {n};
        int64_t strides[1] = {1};
        return aclCreateTensor(shape, 1, ACL_FLOAT, strides, 0, ACL_FORMAT_ND, shape, 1, data);
    }

    aclTensor *self_ = nullptr;
    aclTensor *other_ = nullptr;
    aclTensor *out_ = nullptr;
    aclScalar *alpha_ = nullptr;
    aclOpExecutor *executor_ = nullptr;
    bool repeatable_ = false;
    void *workspace_ = nullptr;
    uint64_t workspaceSize_ = 0;
};

// ------------------------------------------------------------------ threads and contexts

inline aclrtContext CurrentContext() {
    aclrtContext context = nullptr;
    aclrtGetCurrentContext(&context);
    return context;
}

// Runs `body` on a new thread bound to `context` and joins it. CHECKs inside `body` are fine
// (only one extra thread at a time; join orders the failure count).
template <typename Body>
void RunOnThread(aclrtContext context, Body body) {
    std::thread worker([&] {
        aclrtSetCurrentContext(context);
        body();
    });
    worker.join();
}

// ------------------------------------------------------------------ files

inline std::string ReadFile(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace rt

// main() of a suite program: the whole program runs with ACL initialised and device 0 set on the
// main thread (its default context shared by every test case).
#define RT_TEST_MAIN()                                                                   \
    int main(int argc, char **argv) {                                                    \
        if (aclInit(nullptr) != ACL_SUCCESS || aclrtSetDevice(0) != ACL_SUCCESS) {       \
            std::fprintf(stderr, "cannot initialise ACL / set device 0\n");              \
            return 1;                                                                    \
        }                                                                                \
        /* The default stream may be created lazily: create it before any leak check. */ \
        aclrtSynchronizeStream(nullptr);                                                 \
        int rc = testsupport::runAll(argc, argv);                                        \
        if (aclrtResetDevice(0) != ACL_SUCCESS || aclFinalize() != ACL_SUCCESS) {        \
            std::fprintf(stderr, "aclrtResetDevice / aclFinalize failed\n");             \
            rc = 1;                                                                      \
        }                                                                                \
        return rc;                                                                       \
    }

#endif
