// Blocked, packed SGEMM (the Goto/BLIS scheme): B is packed into KC x NC panels of NR columns, A
// into MC x KC panels of MR rows (both converted to float32 on the way, so any dtype and any
// strides cost only the packing), and a MR x NR micro-kernel keeps its tile of C in registers
// across the KC loop. The micro-kernel is written with GCC's vector extension (8 floats: one AVX
// register, two NEON/SSE registers) and compiled twice on x86-64: for the baseline and for
// AVX2+FMA, picked at plan time. Work is split over the worker pool by columns (or rows when
// the matrix is taller than wide).
#include "gemm.h"

#include <algorithm>
#include <cstring>
#include <vector>

#include "element_io.h"
#include "worker_pool.h"

namespace aclsim::nn {
namespace {

constexpr int kMr = 6;
constexpr int kNr = 16;
constexpr int64_t kKc = 256;
constexpr int64_t kMc = 120; // a multiple of kMr: A's panel (120 KiB) stays in L2
constexpr int64_t kNc = 512; // a multiple of kNr: B's panel (512 KiB) in L2/L3
// Below this many multiply-adds one thread does the whole product.
constexpr int64_t kParallelWork = int64_t{1} << 18;

typedef float Vec8 __attribute__((vector_size(32)));

// ---- packing (any storage type to float32, zero-padded to whole panels) ----

template <class S>
inline float LoadFloat(const unsigned char *base, int64_t index) {
    S stored;
    std::memcpy(&stored, base + index * static_cast<int64_t>(sizeof(S)), sizeof stored);
    return CastValue<float>(ElementTraits<S>::Load(stored));
}

inline float MaybeHalf(float value, bool toHalf) {
    return toHalf ? RoundTo<Half>(value) : value;
}

// Lines [0, lines) x depth [0, depth) of a matrix at `base` (element (l, k) at l * lineStride +
// k * depthStride) in panels of kWidth lines: panel p holds lines p*kWidth.., laid out k-major,
// zero-padded to whole panels. A's panels are rows (kMr), B's columns (kNr).
template <int kWidth, class S>
void PackPanels(const unsigned char *base, int64_t lineStride, int64_t depthStride, int64_t lines, int64_t depth,
                bool toHalf, float *packed) {
    for (int64_t l0 = 0; l0 < lines; l0 += kWidth, packed += depth * kWidth) {
        const int64_t width = std::min<int64_t>(kWidth, lines - l0);
        for (int64_t k = 0; k < depth; ++k) {
            float *row = packed + k * kWidth;
            if (width == kWidth && lineStride == 1) { // a whole panel of adjacent elements
                for (int l = 0; l < kWidth; ++l) {
                    row[l] = MaybeHalf(LoadFloat<S>(base, k * depthStride + l0 + l), toHalf);
                }
                continue;
            }
            for (int l = 0; l < kWidth; ++l) {
                const float value = l < width ? LoadFloat<S>(base, (l0 + l) * lineStride + k * depthStride) : 0.0f;
                row[l] = MaybeHalf(value, toHalf);
            }
        }
    }
}

// A's rows [0, mc) x cols [0, kc): panel p holds rows p*kMr...
template <class S>
void PackA(const unsigned char *base, int64_t rowStride, int64_t colStride, int64_t mc, int64_t kc, bool toHalf,
           float *packed) {
    PackPanels<kMr, S>(base, rowStride, colStride, mc, kc, toHalf, packed);
}

// B's rows [0, kc) x cols [0, nc): panel p holds cols p*kNr...
template <class S>
void PackB(const unsigned char *base, int64_t rowStride, int64_t colStride, int64_t kc, int64_t nc, bool toHalf,
           float *packed) {
    PackPanels<kNr, S>(base, colStride, rowStride, nc, kc, toHalf, packed);
}

using PackFn = void (*)(const unsigned char *, int64_t, int64_t, int64_t, int64_t, bool, float *);

template <template <class> class Packer>
PackFn SelectPack(aclDataType dtype);

template <class S>
struct PackAFor {
    static constexpr PackFn kFn = &PackA<S>;
};
template <class S>
struct PackBFor {
    static constexpr PackFn kFn = &PackB<S>;
};

template <template <class> class Packer>
PackFn SelectPack(aclDataType dtype) {
    switch (dtype) {
    case ACL_FLOAT16: return Packer<Half>::kFn;
    case ACL_BF16: return Packer<BFloat16>::kFn;
    default: return Packer<float>::kFn;
    }
}

// ---- micro- and macro-kernel ----

// C[0, kMr) x [0, kNr) (row stride ldc) = or += packed A panel x packed B panel.
__attribute__((always_inline)) inline void MicroTile(int64_t kc, const float *a, const float *b, float *c, int64_t ldc,
                                                     bool accumulate) {
    Vec8 acc[kMr][2] = {};
    for (int64_t k = 0; k < kc; ++k, a += kMr, b += kNr) {
        Vec8 b0;
        Vec8 b1;
        std::memcpy(&b0, b, sizeof b0);
        std::memcpy(&b1, b + 8, sizeof b1);
        for (int i = 0; i < kMr; ++i) {
            acc[i][0] += a[i] * b0;
            acc[i][1] += a[i] * b1;
        }
    }
    for (int i = 0; i < kMr; ++i) {
        for (int h = 0; h < 2; ++h) {
            float *target = c + i * ldc + h * 8;
            Vec8 value = acc[i][h];
            if (accumulate) {
                Vec8 old;
                std::memcpy(&old, target, sizeof old);
                value += old;
            }
            std::memcpy(target, &value, sizeof value);
        }
    }
}

__attribute__((always_inline)) inline void MacroBody(int64_t mc, int64_t nc, int64_t kc, const float *packedA,
                                                     const float *packedB, float *c, int64_t ldc, bool accumulate) {
    for (int64_t j0 = 0; j0 < nc; j0 += kNr) {
        const int64_t cols = std::min<int64_t>(kNr, nc - j0);
        const float *b = packedB + (j0 / kNr) * kc * kNr;
        for (int64_t i0 = 0; i0 < mc; i0 += kMr) {
            const int64_t rows = std::min<int64_t>(kMr, mc - i0);
            const float *a = packedA + (i0 / kMr) * kc * kMr;
            float *tile = c + i0 * ldc + j0;
            if (rows == kMr && cols == kNr) {
                MicroTile(kc, a, b, tile, ldc, accumulate);
                continue;
            }
            float edge[kMr * kNr];
            MicroTile(kc, a, b, edge, kNr, false);
            for (int64_t r = 0; r < rows; ++r) {
                for (int64_t q = 0; q < cols; ++q) {
                    tile[r * ldc + q] = accumulate ? tile[r * ldc + q] + edge[r * kNr + q] : edge[r * kNr + q];
                }
            }
        }
    }
}

using MacroFn = void (*)(int64_t, int64_t, int64_t, const float *, const float *, float *, int64_t, bool);

void MacroPortable(int64_t mc, int64_t nc, int64_t kc, const float *packedA, const float *packedB, float *c,
                   int64_t ldc, bool accumulate) {
    MacroBody(mc, nc, kc, packedA, packedB, c, ldc, accumulate);
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define ACLSIM_GEMM_AVX2 1
__attribute__((target("avx2,fma"))) void MacroAvx2(int64_t mc, int64_t nc, int64_t kc, const float *packedA,
                                                   const float *packedB, float *c, int64_t ldc, bool accumulate) {
    MacroBody(mc, nc, kc, packedA, packedB, c, ldc, accumulate);
}
#endif

MacroFn SelectMacro() {
#ifdef ACLSIM_GEMM_AVX2
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
        return &MacroAvx2;
    }
#endif
    return &MacroPortable;
}

// Per-thread packing and staging buffers, grown on demand (32-byte aligned through Vec8).
float *Scratch(std::vector<Vec8> &buffer, int64_t floats) {
    const auto vectors = static_cast<size_t>((floats + 7) / 8);
    if (buffer.size() < vectors) {
        buffer.resize(vectors);
    }
    return reinterpret_cast<float *>(buffer.data());
}

class GemmKernel final : public CheckedKernel {
public:
    explicit GemmKernel(const GemmPlan &plan)
        : CheckedKernel(plan.name, plan.memory), plan_(plan), packA_(SelectPack<PackAFor>(plan.a.dtype)),
          packB_(SelectPack<PackBFor>(plan.b.dtype)), macro_(SelectMacro()),
          store_(SelectStore<float>(ACL_FLOAT, plan.c.dtype)),
          directC_(plan.c.dtype == ACL_FLOAT && (plan.c.colStride == 1 || plan.n == 1) &&
                   reinterpret_cast<uintptr_t>(plan.c.base) % alignof(float) == 0) {
        batches_ = 1;
        for (int d = 0; d < plan.batchRank; ++d) {
            batches_ *= plan.batchShape[d];
        }
    }

protected:
    // Splits the columns (or the rows, for products taller than wide) of every batch over the pool.
    void Execute() const noexcept override {
        const int64_t work = batches_ * plan_.m * plan_.n * std::max<int64_t>(plan_.k, 1);
        const bool splitRows = plan_.m > plan_.n;
        ParallelFor(splitRows ? plan_.m : plan_.n, work >= kParallelWork, splitRows ? kMr : kNr,
                    [this, splitRows](int64_t begin, int64_t end) { RunRange(splitRows, begin, end); });
    }

private:
    void RunRange(bool splitRows, int64_t begin, int64_t end) const noexcept {
        int64_t coord[kMaxBatchRank] = {};
        for (int64_t batch = 0; batch < batches_; ++batch) {
            int64_t offsets[3] = {0, 0, 0};
            const MatrixOperand *operands[3] = {&plan_.a, &plan_.b, &plan_.c};
            for (int d = 0; d < plan_.batchRank; ++d) {
                for (int op = 0; op < 3; ++op) {
                    offsets[op] += coord[d] * operands[op]->batchStrides[d];
                }
            }
            if (splitRows) {
                RunBlock(offsets, begin, end, 0, plan_.n);
            } else {
                RunBlock(offsets, 0, plan_.m, begin, end);
            }
            for (int d = plan_.batchRank - 1; d >= 0; --d) {
                if (++coord[d] < plan_.batchShape[d]) {
                    break;
                }
                coord[d] = 0;
            }
        }
    }

    // C[rows, cols] of one batch; `offsets` are the batch's element offsets of A, B and C.
    void RunBlock(const int64_t (&offsets)[3], int64_t rowBegin, int64_t rowEnd, int64_t colBegin,
                  int64_t colEnd) const noexcept {
        thread_local std::vector<Vec8> packedA;
        thread_local std::vector<Vec8> packedB;
        thread_local std::vector<Vec8> staged;
        const int64_t rows = rowEnd - rowBegin;
        const int64_t cols = colEnd - colBegin;
        const size_t cSize = aclDataTypeSize(plan_.c.dtype);
        unsigned char *cBase =
            const_cast<unsigned char *>(plan_.c.base) +
            (offsets[2] + rowBegin * plan_.c.rowStride + colBegin * plan_.c.colStride) * static_cast<int64_t>(cSize);
        float *c = nullptr;
        int64_t ldc = 0;
        if (directC_) {
            c = reinterpret_cast<float *>(cBase);
            ldc = plan_.c.rowStride;
        } else {
            c = Scratch(staged, rows * cols);
            ldc = cols;
        }
        if (plan_.k == 0) {
            for (int64_t r = 0; r < rows; ++r) {
                std::fill(c + r * ldc, c + r * ldc + cols, 0.0f);
            }
        }
        const size_t aSize = aclDataTypeSize(plan_.a.dtype);
        const size_t bSize = aclDataTypeSize(plan_.b.dtype);
        float *a = Scratch(packedA, kMc * kKc);
        float *b = Scratch(packedB, kKc * kNc);
        for (int64_t jc = 0; jc < cols; jc += kNc) {
            const int64_t nc = std::min(kNc, cols - jc);
            for (int64_t pc = 0; pc < plan_.k; pc += kKc) {
                const int64_t kc = std::min(kKc, plan_.k - pc);
                const unsigned char *bBlock =
                    plan_.b.base + (offsets[1] + pc * plan_.b.rowStride + (colBegin + jc) * plan_.b.colStride) *
                                       static_cast<int64_t>(bSize);
                packB_(bBlock, plan_.b.rowStride, plan_.b.colStride, kc, nc, plan_.roundInputsToHalf, b);
                for (int64_t ic = 0; ic < rows; ic += kMc) {
                    const int64_t mc = std::min(kMc, rows - ic);
                    const unsigned char *aBlock =
                        plan_.a.base + (offsets[0] + (rowBegin + ic) * plan_.a.rowStride + pc * plan_.a.colStride) *
                                           static_cast<int64_t>(aSize);
                    packA_(aBlock, plan_.a.rowStride, plan_.a.colStride, mc, kc, plan_.roundInputsToHalf, a);
                    macro_(mc, nc, kc, a, b, c + ic * ldc + jc, ldc, pc > 0);
                }
            }
        }
        if (!directC_) {
            for (int64_t r = 0; r < rows; ++r) {
                store_(c + r * ldc, static_cast<size_t>(cols),
                       cBase + r * plan_.c.rowStride * static_cast<int64_t>(cSize), plan_.c.colStride);
            }
        }
    }

    const GemmPlan plan_;
    const PackFn packA_;
    const PackFn packB_;
    const MacroFn macro_;
    const StoreFn<float> store_;
    const bool directC_;
    int64_t batches_ = 1;
};

} // namespace

std::shared_ptr<const DeviceKernel> MakeGemmKernel(const GemmPlan &plan) {
    return std::make_shared<const GemmKernel>(plan);
}

} // namespace aclsim::nn
