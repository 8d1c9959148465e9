#include "worker_pool.h"

#include <algorithm>
#include <chrono>
#include <system_error>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define ACLSIM_CPU_RELAX() _mm_pause()
#else
#define ACLSIM_CPU_RELAX() ((void)0)
#endif

namespace aclsim::nn {
namespace {

// How long a thread polls before it sleeps: back-to-back launches of large kernels then find
// their workers awake, while an idle pool costs no CPU.
constexpr auto kSpinBudget = std::chrono::microseconds(50);

// Polls `done` until it holds or the spin budget is spent; returns its last value.
template <class Predicate>
bool SpinUntil(Predicate done) {
    const auto deadline = std::chrono::steady_clock::now() + kSpinBudget;
    for (;;) {
        for (int poll = 0; poll < 64; ++poll) {
            if (done()) {
                return true;
            }
            ACLSIM_CPU_RELAX();
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            return done();
        }
    }
}

} // namespace

WorkerPool &WorkerPool::Instance() {
    // Deliberately never destroyed: stream worker threads of the runtime may still run kernels
    // while static destructors run at exit, and the workers only sleep on a condition variable.
    static WorkerPool *pool = [] {
        const unsigned hardware = std::thread::hardware_concurrency();
        return new WorkerPool(hardware > 1 ? hardware - 1 : 0);
    }();
    return *pool;
}

WorkerPool::WorkerPool(size_t workers) {
    workers_.reserve(workers);
    for (size_t i = 0; i < workers; ++i) {
        try {
            workers_.emplace_back([this, part = i + 1] { WorkerLoop(part); });
        } catch (const std::system_error &) {
            break; // fewer threads than asked for: Concurrency() tells the truth
        }
    }
    for (auto &worker : workers_) {
        worker.detach(); // the pool is never destroyed; nothing joins them
    }
}

void WorkerPool::Run(size_t parts, Task task, const void *context) noexcept {
    parts = std::min(parts, Concurrency());
    std::unique_lock<std::mutex> exclusive(runMutex_, std::try_to_lock);
    if (parts <= 1 || !exclusive.owns_lock()) {
        for (size_t part = 0; part < parts; ++part) {
            task(context, part);
        }
        return;
    }
    task_ = task;
    context_ = context;
    parts_ = parts;
    workersPending_.store(workers_.size(), std::memory_order_relaxed);
    {
        std::lock_guard<std::mutex> lock(stateMutex_);
        generation_.fetch_add(1, std::memory_order_release);
    }
    jobPosted_.notify_all();
    task(context, 0);
    if (SpinUntil([this] { return workersPending_.load(std::memory_order_acquire) == 0; })) {
        return;
    }
    std::unique_lock<std::mutex> lock(stateMutex_);
    jobFinished_.wait(lock, [this] { return workersPending_.load(std::memory_order_acquire) == 0; });
}

void WorkerPool::WorkerLoop(size_t part) {
    uint64_t seen = 0;
    for (;;) {
        auto posted = [&] { return generation_.load(std::memory_order_acquire) != seen; };
        if (!SpinUntil(posted)) {
            std::unique_lock<std::mutex> lock(stateMutex_);
            jobPosted_.wait(lock, posted);
        }
        seen = generation_.load(std::memory_order_acquire);
        if (part < parts_) {
            task_(context_, part);
        }
        if (workersPending_.fetch_sub(1, std::memory_order_acq_rel) == 1) {
            std::lock_guard<std::mutex> lock(stateMutex_);
            jobFinished_.notify_one();
        }
    }
}

} // namespace aclsim::nn
