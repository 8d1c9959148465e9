// Built with -O3 -march=native: these loops are the floor the simulator's kernels are held to.
#include "floors.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <thread>
#include <type_traits>
#include <vector>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define BENCH_PAUSE() _mm_pause()
#else
#define BENCH_PAUSE() ((void)0)
#endif

namespace bench {

double Seconds(Clock::time_point from, Clock::time_point to) {
    return std::chrono::duration<double>(to - from).count();
}

double Median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

namespace {

__attribute__((noinline)) void AddRange(float *__restrict out, const float *__restrict a, const float *__restrict b,
                                        float alpha, size_t from, size_t to) {
    for (size_t i = from; i < to; ++i) {
        out[i] = a[i] + alpha * b[i];
    }
}

// Spins until `stop`, calling `onNew(value)` each time `published` takes a new value: how a worker
// kept hot waits for its next piece of work.
template <typename OnNew>
void SpinForNew(const std::atomic<bool> &stop, const std::atomic<uint64_t> &published, OnNew &&onNew) {
    uint64_t seen = 0;
    while (!stop.load(std::memory_order_acquire)) {
        uint64_t value = published.load(std::memory_order_acquire);
        if (value == seen) {
            BENCH_PAUSE();
            continue;
        }
        seen = value;
        onNew(value);
    }
}

// A pool of workers that spin for the next generation of work, as an OpenMP runtime does while
// its threads are hot.
class SpinPool {
public:
    explicit SpinPool(int threads) : threads_(threads) {
        for (int t = 1; t < threads_; ++t) {
            workers_.emplace_back([this, t] { Work(t); });
        }
    }
    ~SpinPool() {
        stop_.store(true, std::memory_order_release);
        for (auto &worker : workers_) {
            worker.join();
        }
    }
    template <typename F>
    void Run(F &&part) {
        using Part = std::remove_reference_t<F>;
        task_ = [](void *context, int index) { (*static_cast<Part *>(context))(index); };
        context_ = &part;
        finished_.store(0, std::memory_order_relaxed);
        generation_.fetch_add(1, std::memory_order_release);
        part(0);
        while (finished_.load(std::memory_order_acquire) != threads_ - 1) {
            BENCH_PAUSE();
        }
    }

private:
    void Work(int index) {
        SpinForNew(stop_, generation_, [&](uint64_t) {
            task_(context_, index);
            finished_.fetch_add(1, std::memory_order_acq_rel);
        });
    }
    int threads_;
    std::vector<std::thread> workers_;
    std::atomic<uint64_t> generation_{0};
    std::atomic<int> finished_{0};
    std::atomic<bool> stop_{false};
    void (*task_)(void *, int) = nullptr;
    void *context_ = nullptr;
};

struct FreeDeleter {
    void operator()(float *p) const { std::free(p); }
};
using Array = std::unique_ptr<float[], FreeDeleter>;

Array Allocate(size_t n, float value) {
    void *p = nullptr;
    if (posix_memalign(&p, 64, std::max<size_t>(n, 16) * sizeof(float)) != 0) {
        std::abort();
    }
    auto *f = static_cast<float *>(p);
    std::fill(f, f + n, value); // first touch
    return Array(f);
}

} // namespace

double StreamAddSeconds(size_t n, int threads, double budgetSeconds) {
    Array a = Allocate(n, 1.0f), b = Allocate(n, 2.0f), out = Allocate(n, 0.0f);
    SpinPool pool(threads);
    const float alpha = 1.1f;
    auto part = [&](int index) {
        // Parts aligned to 16 elements (one cache line).
        size_t chunk = (n / threads + 15) / 16 * 16;
        size_t from = std::min(n, chunk * index);
        size_t to = index == threads - 1 ? n : std::min(n, from + chunk);
        AddRange(out.get(), a.get(), b.get(), alpha, from, to);
    };
    // Calibrate: passes per sample so one sample lasts about 2 ms.
    pool.Run(part);
    auto start = Clock::now();
    pool.Run(part);
    double one = std::max(1e-9, Seconds(start, Clock::now()));
    size_t reps = std::max<size_t>(1, static_cast<size_t>(2e-3 / one));
    std::vector<double> samples;
    auto begin = Clock::now();
    while (samples.size() < 5 || (Seconds(begin, Clock::now()) < budgetSeconds && samples.size() < 200)) {
        auto t0 = Clock::now();
        for (size_t r = 0; r < reps; ++r) {
            pool.Run(part);
        }
        samples.push_back(Seconds(t0, Clock::now()) / reps);
    }
    volatile float sink = out[n / 2];
    (void)sink;
    return Median(samples);
}

namespace {
__attribute__((noinline)) void NoOp() {
    asm volatile("" ::: "memory");
}
} // namespace

double SpinHandoffNanos(double budgetSeconds) {
    std::atomic<uint64_t> request{0};
    std::atomic<uint64_t> done{0};
    std::atomic<bool> stop{false};
    void (*volatile task)() = &NoOp;
    std::thread worker([&] {
        SpinForNew(stop, request, [&](uint64_t r) {
            task();
            done.store(r, std::memory_order_release);
        });
    });
    uint64_t next = 0;
    auto roundTrip = [&] {
        uint64_t r = ++next;
        request.store(r, std::memory_order_release);
        while (done.load(std::memory_order_acquire) != r) {
            BENCH_PAUSE();
        }
    };
    for (int i = 0; i < 10000; ++i) {
        roundTrip();
    }
    const int batch = 10000;
    std::vector<double> samples;
    auto begin = Clock::now();
    while (samples.size() < 5 || (Seconds(begin, Clock::now()) < budgetSeconds && samples.size() < 500)) {
        auto t0 = Clock::now();
        for (int i = 0; i < batch; ++i) {
            roundTrip();
        }
        samples.push_back(Seconds(t0, Clock::now()) * 1e9 / batch);
    }
    stop.store(true, std::memory_order_release);
    worker.join();
    return Median(samples);
}

} // namespace bench
