// A small persistent pool that splits one large kernel over the machine's hardware threads.
#ifndef ACLSIM_NN_WORKER_POOL_H
#define ACLSIM_NN_WORKER_POOL_H

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

namespace aclsim::nn {

class WorkerPool {
public:
    using Task = void (*)(const void *context, size_t part);

    // The process-wide pool, created on first use with hardware_concurrency() - 1 workers (the
    // calling thread is the last one).
    static WorkerPool &Instance();

    // Threads that take part in Run: the workers plus the caller.
    size_t Concurrency() const { return workers_.size() + 1; }

    // Runs task(context, part) for every part in [0, parts), parts <= Concurrency(), and returns
    // when all are done. The caller runs part 0. When another thread is using the pool (two
    // streams running large kernels at once) the caller runs every part itself instead of waiting,
    // so the machine is never oversubscribed. Never allocates.
    void Run(size_t parts, Task task, const void *context) noexcept;

    WorkerPool(const WorkerPool &) = delete;
    WorkerPool &operator=(const WorkerPool &) = delete;

private:
    explicit WorkerPool(size_t workers);
    ~WorkerPool() = delete; // lives until the process ends, see Instance()
    void WorkerLoop(size_t part);

    std::vector<std::thread> workers_;
    std::mutex runMutex_; // one job at a time
    std::mutex stateMutex_;
    std::condition_variable jobPosted_;
    std::condition_variable jobFinished_;
    std::atomic<uint64_t> generation_{0}; // bumped per job; workers wait for it to change
    std::atomic<size_t> workersPending_{0};
    // The current job, published before generation_ is bumped (release) and read after it is seen.
    Task task_ = nullptr;
    const void *context_ = nullptr;
    size_t parts_ = 0;
};

// Runs body(begin, end) over [0, units) cut into one contiguous range per pool thread (ranges
// start at multiples of `granule`), or as one range on the calling thread when not `parallel`.
template <class Body>
void ParallelFor(int64_t units, bool parallel, int64_t granule, const Body &body) {
    WorkerPool &pool = WorkerPool::Instance();
    const int64_t parts = parallel ? std::min(static_cast<int64_t>(pool.Concurrency()), units) : 1;
    if (parts <= 1) {
        body(int64_t{0}, units);
        return;
    }
    struct Job {
        const Body *body;
        int64_t units;
        int64_t chunk;
        static void Run(const void *context, size_t part) {
            const auto &job = *static_cast<const Job *>(context);
            const int64_t begin = std::min(job.units, static_cast<int64_t>(part) * job.chunk);
            const int64_t end = std::min(job.units, begin + job.chunk);
            if (begin < end) {
                (*job.body)(begin, end);
            }
        }
    };
    int64_t chunk = (units + parts - 1) / parts;
    chunk = (chunk + granule - 1) / granule * granule;
    const Job job{&body, units, chunk};
    pool.Run(static_cast<size_t>(parts), &Job::Run, &job);
}

} // namespace aclsim::nn

#endif
