// Waiting between threads of the simulated runtime: spin-then-sleep signals, a spin lock for short
// critical sections, deadlines from ACL timeouts.
#ifndef ACLSIM_RUNTIME_WAITING_H
#define ACLSIM_RUNTIME_WAITING_H

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <thread>

#include "errors.h"

namespace aclsim {

// How long a waiter spins before it sleeps (env ACLSIM_SPIN_US, default 100 µs). A condition
// variable alone costs tens of microseconds per wake; spinning first keeps back-to-back
// replay + synchronise round trips near the cost of a cache-line handoff.
std::chrono::nanoseconds SpinWindow();

inline void CpuRelax() {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    asm volatile("yield" ::: "memory");
#endif
}

// A spin-then-sleep wait on a condition that another thread makes true and then announces with
// notify(). notify() is cheap when nobody sleeps (one atomic load).
// Cache-line aligned: what one thread writes should not share a line with what another polls.
constexpr size_t kCacheLine = 64;

class alignas(kCacheLine) Signal {
public:
    // Waits until done() is true or `deadline` passes; returns done().
    template <typename Predicate>
    bool waitUntil(Predicate done, std::chrono::steady_clock::time_point deadline) {
        // The clock is read every 64 pauses only, first after them: most waits end sooner.
        auto spinEnd = std::chrono::steady_clock::time_point::max();
        for (unsigned i = 0;; ++i) {
            if (done()) {
                return true;
            }
            CpuRelax();
            if ((i & 63) == 63) {
                auto now = std::chrono::steady_clock::now();
                if (i == 63) {
                    spinEnd = now + SpinWindow() < deadline ? now + SpinWindow() : deadline;
                }
                if (now >= spinEnd) {
                    break;
                }
                // On a busy machine the thread we wait for may need this core: offer it.
                std::this_thread::yield();
            }
        }
        std::unique_lock lock(mutex_);
        sleepers_.fetch_add(1, std::memory_order_seq_cst);
        bool ok = condition_.wait_until(lock, deadline, done);
        sleepers_.fetch_sub(1, std::memory_order_relaxed);
        return ok;
    }

    template <typename Predicate>
    void wait(Predicate done) {
        waitUntil(done, std::chrono::steady_clock::time_point::max());
    }

    // Call after making the condition true; the waiter reads the condition with seq_cst loads.
    // The fence orders that store before the look at sleepers_ (Dekker: either the waiter sees
    // the condition before sleeping or this sees the sleeper). A seq_cst store followed by a
    // seq_cst load would be enough on hardware, but qemu-user on x86_64 runs arm64 code with
    // STLR;LDAR unordered (store-buffer litmus: 4 % of rounds show both old values) and a
    // replay's wake-up was lost there; a fence it translates into a full host barrier.
    void notify() {
        std::atomic_thread_fence(std::memory_order_seq_cst);
        if (sleepers_.load(std::memory_order_relaxed) > 0) {
            std::lock_guard lock(mutex_);
            condition_.notify_all();
        }
    }

private:
    std::mutex mutex_;
    std::condition_variable condition_;
    std::atomic<int> sleepers_{0};
};

// A lock for critical sections of a few dozen instructions (a stream's queue): it spins instead
// of sleeping in the kernel, since a futex sleep and wake costs far more than the section.
class SpinLock {
public:
    void lock() noexcept {
        for (unsigned spins = 0; locked_.exchange(true, std::memory_order_acquire); ++spins) {
            while (locked_.load(std::memory_order_relaxed)) {
                if ((++spins & 127) == 0) {
                    std::this_thread::yield(); // the holder may have been preempted
                } else {
                    CpuRelax();
                }
            }
        }
    }
    void unlock() noexcept { locked_.store(false, std::memory_order_release); }

private:
    std::atomic<bool> locked_{false};
};

// Converts an ACL timeout in milliseconds (-1 = forever) into a deadline.
std::chrono::steady_clock::time_point DeadlineAfter(int32_t timeoutMs);
// An ACL timeout argument: -1 or a positive number of milliseconds, else 107000.
aclError CheckTimeout(const char *call, int32_t timeoutMs);

} // namespace aclsim

#endif
