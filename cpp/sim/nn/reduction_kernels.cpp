// Softmax and layer norm. Rows (softmax over the last dim, layer norm) or column blocks (softmax
// over an inner dim) are split over the worker pool. Reductions keep eight 16-byte vectors of
// partial results (32 float32 lanes, 16 double) so that they vectorise and pipeline without
// reassociating a single sum (the order is fixed, so every run on every CPU gives the same bits);
// e^x in float32 is ExpFloat, as in the elementwise Exp.
#include "reduction_kernels.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include "element_io.h"
#include "element_ops.h"
#include "worker_pool.h"

namespace aclsim::nn {
namespace {

// Columns per work unit of a softmax over an inner dim.
constexpr int64_t kColumnBlock = 256;

// ---- element ranges of strided views, in row-major order of the view ----

int64_t ElementOffset(const StridedView &view, int64_t linear, int64_t *coord) {
    int64_t offset = 0;
    for (int d = view.rank - 1; d >= 0; --d) {
        coord[d] = linear % view.shape[d];
        linear /= view.shape[d];
        offset += coord[d] * view.strides[d];
    }
    return offset;
}

// Calls visit(address, stride, n) for each innermost run covering elements [first, first + count).
template <class Visit>
void ForEachRun(const StridedView &view, int64_t first, int64_t count, Visit visit) {
    const auto size = static_cast<int64_t>(aclDataTypeSize(view.dtype));
    if (view.rank == 0) {
        visit(view.base, int64_t{1}, count);
        return;
    }
    int64_t coord[kMaxKernelRank];
    ElementOffset(view, first, coord);
    const int inner = view.rank - 1;
    for (int64_t done = 0; done < count;) {
        int64_t offset = 0;
        for (int d = 0; d < view.rank; ++d) {
            offset += coord[d] * view.strides[d];
        }
        const int64_t n = std::min(view.shape[inner] - coord[inner], count - done);
        visit(view.base + offset * size, view.strides[inner], n);
        done += n;
        coord[inner] += n;
        for (int d = inner; d > 0 && coord[d] >= view.shape[d]; --d) {
            coord[d] = 0;
            ++coord[d - 1];
        }
    }
}

template <class A>
void Gather(const StridedView &view, LoadFn<A> load, int64_t first, int64_t count, A *destination) {
    ForEachRun(view, first, count, [&](const unsigned char *address, int64_t stride, int64_t n) {
        load(address, stride, static_cast<size_t>(n), destination);
        destination += n;
    });
}

template <class A>
void Scatter(const A *source, const StridedView &view, StoreFn<A> store, int64_t first, int64_t count) {
    ForEachRun(view, first, count, [&](const unsigned char *address, int64_t stride, int64_t n) {
        store(source, static_cast<size_t>(n), const_cast<unsigned char *>(address), stride);
        source += n;
    });
}

// Whether the view can be used in place as a dense array of A.
template <class A>
bool IsDenseAs(const StridedView &view) {
    return view.IsRowMajorContiguous() && StoredAs<A>(view.dtype) &&
           reinterpret_cast<uintptr_t>(view.base) % alignof(A) == 0;
}

template <class A>
A *Grow(std::vector<A> &buffer, int64_t count) {
    if (buffer.size() < static_cast<size_t>(count)) {
        buffer.resize(static_cast<size_t>(count));
    }
    return buffer.data();
}

// ---- vectorisable reductions and maps ----

// The larger of a and b (b when they compare unordered), by a mask rather than a branch: GCC does
// not if-convert a float comparison selecting between floats, which would keep the loops scalar.
inline float Larger(float a, float b) {
    return SelectFloat(a > b, a, b);
}

inline double Larger(double a, double b) {
    uint64_t aBits;
    uint64_t bBits;
    std::memcpy(&aBits, &a, sizeof a);
    std::memcpy(&bBits, &b, sizeof b);
    const uint64_t mask = 0 - static_cast<uint64_t>(a > b);
    const uint64_t bits = (aBits & mask) | (bBits & ~mask);
    double result;
    std::memcpy(&result, &bits, sizeof result);
    return result;
}

template <class A>
inline A Exp(A x) {
    if constexpr (std::is_same_v<A, float>) {
        return ExpFloat(x);
    } else {
        return ExpDouble(x);
    }
}

// The partial results of a reduction as kVectors 16-byte vectors (GCC's vector extension), the
// width every target has (SSE2, NEON): lane j is element j % kPerVector of vector j / kPerVector.
// Eight vectors are eight independent chains of additions, enough to keep two adders busy.
template <class A>
struct VectorOf {
    using type __attribute__((vector_size(16))) = A;
};
template <class A>
using Vector = typename VectorOf<A>::type;
template <class A>
constexpr int kPerVector = static_cast<int>(16 / sizeof(A));
constexpr int kVectors = 8;
template <class A>
constexpr int kLanes = kVectors *kPerVector<A>;

template <class A>
inline Vector<A> LoadVector(const A *x) {
    Vector<A> v;
    std::memcpy(&v, x, sizeof v);
    return v;
}

template <class A>
inline A Lane(const Vector<A> *lanes, int j) {
    return lanes[j / kPerVector<A>][j % kPerVector<A>];
}

template <class A>
A MaxOf(const A *x, int64_t n) {
    Vector<A> lanes[kVectors];
    for (int j = 0; j < kLanes<A>; ++j) {
        lanes[j / kPerVector<A>][j % kPerVector<A>] = x[0];
    }
    int64_t i = 0;
    for (; i + kLanes<A> <= n; i += kLanes<A>) {
        for (int v = 0; v < kVectors; ++v) {
            const Vector<A> e = LoadVector(x + i + v * kPerVector<A>);
            lanes[v] = e > lanes[v] ? e : lanes[v]; // per lane as Larger
        }
    }
    A result = Lane<A>(lanes, 0);
    for (int j = 1; j < kLanes<A>; ++j) {
        result = Larger(Lane<A>(lanes, j), result);
    }
    for (; i < n; ++i) {
        result = Larger(x[i], result);
    }
    return result;
}

// Sum of (x[i] - shift)^power for power 1 or 2: kLanes partial sums, the tail added to the first
// lanes, then the lanes in order.
template <int Power, class A>
A SumOf(const A *x, int64_t n, A shift) {
    Vector<A> lanes[kVectors] = {};
    int64_t i = 0;
    for (; i + kLanes<A> <= n; i += kLanes<A>) {
        for (int v = 0; v < kVectors; ++v) {
            const Vector<A> d = LoadVector(x + i + v * kPerVector<A>) - shift;
            if constexpr (Power == 1) {
                lanes[v] += d;
            } else {
                lanes[v] += d * d;
            }
        }
    }
    for (int j = 0; i < n; ++i, ++j) {
        const A d = x[i] - shift;
        lanes[j / kPerVector<A>][j % kPerVector<A>] += Power == 1 ? d : d * d;
    }
    A result = A(0);
    for (int j = 0; j < kLanes<A>; ++j) {
        result += Lane<A>(lanes, j);
    }
    return result;
}

// e^x dominates softmax: its loops are compiled for AVX2 and AVX-512 too and picked at load time
// (the same operations in the same order in every clone, so the same bits).

// y = e^(x - shift). y may be x (softmax in place).
template <class A>
ACLSIM_VECTOR_CLONES void ExpShifted(const A *x, A *y, int64_t n, A shift) {
    for (int64_t i = 0; i < n; ++i) {
        y[i] = Exp(x[i] - shift);
    }
}

template <class A>
ACLSIM_VECTOR_CLONES void DivideBy(A *y, int64_t n, A divisor) {
    for (int64_t i = 0; i < n; ++i) {
        y[i] = y[i] / divisor;
    }
}

// Softmax over `length` rows of `width` columns (row d at x + d * xStride; y may be x): maximum
// and sum are per column, in `columns` (2 * width).
template <class A>
ACLSIM_VECTOR_CLONES void SoftmaxColumns(const A *x, int64_t xStride, A *y, int64_t yStride, int64_t length,
                                         int64_t width, A *columns) {
    A *__restrict maximum = columns;
    A *__restrict sum = columns + width;
    std::copy(x, x + width, maximum);
    for (int64_t d = 1; d < length; ++d) {
        const A *row = x + d * xStride;
        for (int64_t j = 0; j < width; ++j) {
            maximum[j] = Larger(row[j], maximum[j]);
        }
    }
    std::fill(sum, sum + width, A(0));
    for (int64_t d = 0; d < length; ++d) {
        const A *row = x + d * xStride;
        A *target = y + d * yStride;
        for (int64_t j = 0; j < width; ++j) {
            target[j] = Exp(row[j] - maximum[j]);
            sum[j] += target[j];
        }
    }
    for (int64_t d = 0; d < length; ++d) {
        A *target = y + d * yStride;
        for (int64_t j = 0; j < width; ++j) {
            target[j] = target[j] / sum[j];
        }
    }
}

// y = (x - mean) * rstd [* weight] [+ bias]; null weight or bias are left out. y may be x.
ACLSIM_VECTOR_CLONES void Normalise(const float *x, float *y, int64_t n, float mean, float rstd,
                                    const float *__restrict weight, const float *__restrict bias) {
    if (weight != nullptr && bias != nullptr) {
        for (int64_t i = 0; i < n; ++i) {
            y[i] = (x[i] - mean) * rstd * weight[i] + bias[i];
        }
    } else if (weight != nullptr) {
        for (int64_t i = 0; i < n; ++i) {
            y[i] = (x[i] - mean) * rstd * weight[i];
        }
    } else if (bias != nullptr) {
        for (int64_t i = 0; i < n; ++i) {
            y[i] = (x[i] - mean) * rstd + bias[i];
        }
    } else {
        for (int64_t i = 0; i < n; ++i) {
            y[i] = (x[i] - mean) * rstd;
        }
    }
}

// ---- softmax ----

template <class A>
class SoftmaxKernel final : public CheckedKernel {
public:
    explicit SoftmaxKernel(const SoftmaxPlan &plan)
        : CheckedKernel("SoftmaxV2", plan.memory), plan_(plan), load_(SelectLoad<A>(plan.self.dtype)),
          store_(SelectStore<A>(plan.computeType, plan.out.dtype)), selfDense_(IsDenseAs<A>(plan.self)),
          outDense_(plan.out.dtype == plan.computeType && IsDenseAs<A>(plan.out)) {}

protected:
    void Execute() const noexcept override {
        const int64_t blocks = plan_.inner == 1 ? 1 : (plan_.inner + kColumnBlock - 1) / kColumnBlock;
        const bool parallel = plan_.outer * plan_.length * plan_.inner >= kParallelElementThreshold;
        ParallelFor(plan_.outer * blocks, parallel, 1, [this, blocks](int64_t begin, int64_t end) {
            for (int64_t unit = begin; unit < end; ++unit) {
                RunUnit(unit / blocks, unit % blocks);
            }
        });
    }

private:
    // Outer index `outer`, columns [block * kColumnBlock, ...) of the inner dims (all for inner 1).
    void RunUnit(int64_t outer, int64_t block) const noexcept {
        thread_local std::vector<A> input;
        thread_local std::vector<A> output;
        thread_local std::vector<A> columns;
        const int64_t length = plan_.length;
        const int64_t inner = plan_.inner;
        const int64_t first = outer * length * inner;
        if (inner == 1) {
            const A *x = selfDense_ ? reinterpret_cast<const A *>(plan_.self.base) + first : Grow(input, length);
            A *y = outDense_ ? reinterpret_cast<A *>(plan_.out.base) + first : Grow(output, length);
            if (!selfDense_) {
                Gather(plan_.self, load_, first, length, const_cast<A *>(x));
            }
            SoftmaxRow(x, y, length);
            if (!outDense_) {
                Scatter(y, plan_.out, store_, first, length);
            }
            return;
        }
        const int64_t j0 = block * kColumnBlock;
        const int64_t width = std::min(kColumnBlock, inner - j0);
        // Rows d of the block are `width` elements at first + d * inner + j0; staged ones are packed.
        const A *x = nullptr;
        A *y = nullptr;
        int64_t xStride = inner;
        int64_t yStride = inner;
        if (selfDense_) {
            x = reinterpret_cast<const A *>(plan_.self.base) + first + j0;
        } else {
            A *staged = Grow(input, length * width);
            for (int64_t d = 0; d < length; ++d) {
                Gather(plan_.self, load_, first + d * inner + j0, width, staged + d * width);
            }
            x = staged;
            xStride = width;
        }
        if (outDense_) {
            y = reinterpret_cast<A *>(plan_.out.base) + first + j0;
        } else {
            y = Grow(output, length * width);
            yStride = width;
        }
        SoftmaxColumns(x, xStride, y, yStride, length, width, Grow(columns, 2 * width));
        if (!outDense_) {
            for (int64_t d = 0; d < length; ++d) {
                Scatter(y + d * width, plan_.out, store_, first + d * inner + j0, width);
            }
        }
    }

    static void SoftmaxRow(const A *x, A *y, int64_t n) {
        const A maximum = MaxOf(x, n);
        ExpShifted(x, y, n, maximum);
        DivideBy(y, n, SumOf<1>(y, n, A(0)));
    }

    const SoftmaxPlan plan_;
    const LoadFn<A> load_;
    const StoreFn<A> store_;
    const bool selfDense_;
    const bool outDense_;
};

// ---- layer norm ----

class LayerNormKernel final : public CheckedKernel {
public:
    explicit LayerNormKernel(const LayerNormPlan &plan)
        : CheckedKernel("LayerNormV4", plan.memory), plan_(plan), loadInput_(SelectLoad<float>(plan.input.dtype)),
          storeOut_(SelectStore<float>(plan.out.dtype, plan.out.dtype)), inputDense_(IsDenseAs<float>(plan.input)),
          outDense_(IsDenseAs<float>(plan.out)) {}

protected:
    void Execute() const noexcept override {
        // weight and bias as dense float32 vectors (their length is the row length).
        std::vector<float> affine;
        try {
            affine.resize(static_cast<size_t>(2 * plan_.length));
        } catch (...) {
            return; // out of host memory for two rows: nothing sensible to compute
        }
        float *weight = nullptr;
        float *bias = nullptr;
        if (plan_.weight.base != nullptr) {
            weight = affine.data();
            Gather(plan_.weight, SelectLoad<float>(plan_.weight.dtype), 0, plan_.length, weight);
        }
        if (plan_.bias.base != nullptr) {
            bias = affine.data() + plan_.length;
            Gather(plan_.bias, SelectLoad<float>(plan_.bias.dtype), 0, plan_.length, bias);
        }
        ParallelFor(plan_.rows, plan_.rows * plan_.length >= kParallelElementThreshold, 1,
                    [&](int64_t begin, int64_t end) {
                        for (int64_t row = begin; row < end; ++row) {
                            RunRow(row, weight, bias);
                        }
                    });
    }

private:
    void RunRow(int64_t row, const float *weight, const float *bias) const noexcept {
        thread_local std::vector<float> input;
        thread_local std::vector<float> output;
        const int64_t n = plan_.length;
        const int64_t first = row * n;
        const float *x = inputDense_ ? reinterpret_cast<const float *>(plan_.input.base) + first : Grow(input, n);
        float *y = outDense_ ? reinterpret_cast<float *>(plan_.out.base) + first : Grow(output, n);
        if (!inputDense_) {
            Gather(plan_.input, loadInput_, first, n, const_cast<float *>(x));
        }
        const float mean = SumOf<1>(x, n, 0.0f) / static_cast<float>(n);
        const float variance = SumOf<2>(x, n, mean) / static_cast<float>(n);
        const float rstd = 1.0f / std::sqrt(variance + plan_.eps);
        Normalise(x, y, n, mean, rstd, weight, bias);
        if (!outDense_) {
            Scatter(y, plan_.out, storeOut_, first, n);
        }
        if (plan_.mean.base != nullptr) {
            Scatter(&mean, plan_.mean, SelectStore<float>(plan_.mean.dtype, plan_.mean.dtype), row, 1);
        }
        if (plan_.rstd.base != nullptr) {
            Scatter(&rstd, plan_.rstd, SelectStore<float>(plan_.rstd.dtype, plan_.rstd.dtype), row, 1);
        }
    }

    const LayerNormPlan plan_;
    const LoadFn<float> loadInput_;
    const StoreFn<float> storeOut_;
    const bool inputDense_;
    const bool outDense_;
};

} // namespace

std::shared_ptr<const DeviceKernel> MakeSoftmaxKernel(const SoftmaxPlan &plan) {
    if (plan.computeType == ACL_DOUBLE) {
        return std::make_shared<const SoftmaxKernel<double>>(plan);
    }
    return std::make_shared<const SoftmaxKernel<float>>(plan);
}

std::shared_ptr<const DeviceKernel> MakeLayerNormKernel(const LayerNormPlan &plan) {
    return std::make_shared<const LayerNormKernel>(plan);
}

} // namespace aclsim::nn
