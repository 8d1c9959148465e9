// Hardware floors the simulator's figures are compared with: a STREAM-style add loop over one or
// more threads, and one cross-thread handoff with both sides spinning.
#ifndef ACLGRAPH4J_BENCH_FLOORS_H
#define ACLGRAPH4J_BENCH_FLOORS_H

#include <chrono>
#include <cstddef>
#include <vector>

namespace bench {

using Clock = std::chrono::steady_clock;

// Seconds from `from` to `to`.
double Seconds(Clock::time_point from, Clock::time_point to);

// The median of `values` (the mean of the middle two when there is an even number).
double Median(std::vector<double> values);

// out[i] = a[i] + alpha * b[i] for i in [0, n), split in `threads` equal parts run by a pool of
// spinning threads (the caller runs part 0). Returns the median seconds of one pass.
double StreamAddSeconds(size_t n, int threads, double budgetSeconds);

// Median nanoseconds of one round trip: the caller hands a no-op to a spinning worker thread and
// spins until it sees it done.
double SpinHandoffNanos(double budgetSeconds);

// Median seconds of one n x n x n float32 sgemm by OpenBLAS on `threads` threads; -1 when the
// benchmark was built without OpenBLAS.
double OpenBlasSgemmSeconds(int n, int threads, double budgetSeconds);

} // namespace bench

#endif
