// The matmul floor: OpenBLAS's sgemm at a given thread count (Debian's libopenblas-dev, found by
// CMake for the benchmark only). Without it the floor reports -1 and the report says so.
#include "floors.h"

#include <algorithm>
#include <chrono>
#include <vector>

#ifdef ACLGRAPH4J_BENCH_OPENBLAS
#include <cblas.h>
#endif

namespace bench {

double OpenBlasSgemmSeconds(int n, int threads, double budgetSeconds) {
#ifdef ACLGRAPH4J_BENCH_OPENBLAS
    openblas_set_num_threads(threads);
    const auto size = static_cast<size_t>(n) * static_cast<size_t>(n);
    std::vector<float> a(size, 0.5f), b(size, 0.25f), c(size, 0.0f);
    auto once = [&] {
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1.0f, a.data(), n, b.data(), n, 0.0f, c.data(),
                    n);
    };
    once(); // warm-up: thread start, page faults
    std::vector<double> samples;
    const auto start = std::chrono::steady_clock::now();
    do {
        const auto t0 = std::chrono::steady_clock::now();
        once();
        samples.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    } while (samples.size() < 3 ||
             std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < budgetSeconds);
    std::sort(samples.begin(), samples.end());
    return samples[samples.size() / 2];
#else
    (void)n;
    (void)threads;
    (void)budgetSeconds;
    return -1;
#endif
}

} // namespace bench
