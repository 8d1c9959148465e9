// A small persistent pool that splits one large kernel over the machine's hardware threads.
#ifndef ACLSIM_NN_WORKER_POOL_H
#define ACLSIM_NN_WORKER_POOL_H

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

} // namespace aclsim::nn

#endif
