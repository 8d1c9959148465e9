// The aclnnAdd kernel. One row (innermost dim run) at a time: operands whose storage already is
// the arithmetic type and that are contiguous are used in place; broadcast operands are read once
// per row; anything else (other types, strides, half types, bools) is staged through small blocks
// on the stack. The inner loops are compiled for AVX2 and AVX-512 too and picked at load time.
#include "add_kernel.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <string>
#include <type_traits>

#include "worker_pool.h"

// The F16C paths are built by GCC only (the shipped library); clang builds (the fuzzer's) use
// the portable conversions.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#include <immintrin.h>
#define ACLSIM_F16C_CONVERSIONS 1
#endif

// Clones are resolved by an ifunc during relocation, before ThreadSanitizer's runtime is up, so
// TSan builds go without them.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && !defined(__SANITIZE_THREAD__)
#define ACLSIM_VECTOR_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define ACLSIM_VECTOR_CLONES
#endif

namespace aclsim::nn {
namespace {

// Elements per staging block: three blocks of the widest type (COMPLEX128) take 12 KiB of stack.
constexpr size_t kBlockElements = 256;
// Part boundaries of a parallel run are multiples of this many elements (whole cache lines).
constexpr int64_t kPartAlignment = 64;

// ---- element arithmetic: out = a + alpha * b ----

template <class A>
inline A AxpyElement(A a, A alpha, A b) {
    if constexpr (std::is_same_v<A, bool>) {
        return a || (alpha && b); // BOOL add is logical or, BOOL mul logical and
    } else if constexpr (kIsInteger<A>) {
        // Two's complement wrap-around without signed overflow: compute in an unsigned type at
        // least as wide as int (so narrow types do not promote back to signed int).
        using Wide = std::conditional_t<(sizeof(A) < sizeof(uint32_t)), uint32_t, std::make_unsigned_t<A>>;
        const Wide sum = static_cast<Wide>(static_cast<Wide>(a) + static_cast<Wide>(alpha) * static_cast<Wide>(b));
        return static_cast<A>(sum);
    } else {
        return a + alpha * b;
    }
}

// ---- inner loops. __restrict is sound: callers pick the in-place or aliased variant when out
// ---- overlaps an input.

template <class A>
ACLSIM_VECTOR_CLONES void AxpyVectorVector(A *__restrict out, const A *__restrict a, const A *__restrict b, A alpha,
                                           size_t n) {
    for (size_t i = 0; i < n; ++i) {
        out[i] = AxpyElement(a[i], alpha, b[i]);
    }
}

template <class A>
ACLSIM_VECTOR_CLONES void AxpyVectorVectorInPlace(A *__restrict inout, const A *__restrict b, A alpha, size_t n) {
    for (size_t i = 0; i < n; ++i) {
        inout[i] = AxpyElement(inout[i], alpha, b[i]);
    }
}

template <class A>
ACLSIM_VECTOR_CLONES void AxpyVectorScalar(A *__restrict out, const A *__restrict a, A b, A alpha, size_t n) {
    for (size_t i = 0; i < n; ++i) {
        out[i] = AxpyElement(a[i], alpha, b);
    }
}

template <class A>
ACLSIM_VECTOR_CLONES void AxpyVectorScalarInPlace(A *__restrict inout, A b, A alpha, size_t n) {
    for (size_t i = 0; i < n; ++i) {
        inout[i] = AxpyElement(inout[i], alpha, b);
    }
}

template <class A>
ACLSIM_VECTOR_CLONES void AxpyScalarVector(A *__restrict out, A a, const A *__restrict b, A alpha, size_t n) {
    for (size_t i = 0; i < n; ++i) {
        out[i] = AxpyElement(a, alpha, b[i]);
    }
}

template <class A>
void Fill(A *out, A value, size_t n) {
    std::fill(out, out + n, value);
}

// Any aliasing between out and the inputs (a null input reads its scalar): element by element
// in index order, as a sequential loop would.
template <class A>
void AxpyAliased(A *out, const A *a, A aValue, const A *b, A bValue, A alpha, size_t n) {
    for (size_t i = 0; i < n; ++i) {
        const A x = a != nullptr ? a[i] : aValue;
        const A y = b != nullptr ? b[i] : bValue;
        out[i] = AxpyElement(x, alpha, y);
    }
}

template <class A>
bool Overlaps(const A *x, const A *y, size_t n) {
    const auto xBegin = reinterpret_cast<uintptr_t>(x);
    const auto yBegin = reinterpret_cast<uintptr_t>(y);
    const uintptr_t bytes = n * sizeof(A);
    return xBegin < yBegin + bytes && yBegin < xBegin + bytes;
}

// out[0, n) = a + alpha * b where a null `a` or `b` stands for its broadcast value.
template <class A>
void Compute(A *out, const A *a, A aValue, const A *b, A bValue, A alpha, size_t n) {
    const bool outOverlapsA = a != nullptr && Overlaps(out, a, n);
    const bool outOverlapsB = b != nullptr && Overlaps(out, b, n);
    if (!outOverlapsA && !outOverlapsB) {
        if (a != nullptr && b != nullptr) {
            AxpyVectorVector(out, a, b, alpha, n);
        } else if (a != nullptr) {
            AxpyVectorScalar(out, a, bValue, alpha, n);
        } else if (b != nullptr) {
            AxpyScalarVector(out, aValue, b, alpha, n);
        } else {
            Fill(out, AxpyElement(aValue, alpha, bValue), n);
        }
        return;
    }
    if (out == a && !outOverlapsB) { // in place on self, the usual aclnnInplaceAdd
        if (b != nullptr) {
            AxpyVectorVectorInPlace(out, b, alpha, n);
        } else {
            AxpyVectorScalarInPlace(out, bValue, alpha, n);
        }
        return;
    }
    AxpyAliased(out, a, aValue, b, bValue, alpha, n);
}

// ---- conversions between storage and arithmetic types (memcpy: tensors need not be aligned) ----

template <class A>
using LoadFn = void (*)(const unsigned char *source, int64_t stride, size_t n, A *destination);
template <class A>
using StoreFn = void (*)(const A *source, size_t n, unsigned char *destination, int64_t stride);

template <class S, class A>
inline A LoadElement(const unsigned char *source) {
    S stored;
    std::memcpy(&stored, source, sizeof stored);
    return CastValue<A>(ElementTraits<S>::Load(stored));
}

// Elements [0, n) at `stride` elements apart, converted to A. The loop bodies are shared; the
// entry points differ only in being compiled for AVX2 / AVX-512 as well.
template <class S, class A>
inline void LoadLoop(const unsigned char *source, int64_t stride, size_t n, A *destination) {
    if (stride == 1) { // a separate loop the compiler can vectorise
        for (size_t i = 0; i < n; ++i) {
            destination[i] = LoadElement<S, A>(source + i * sizeof(S));
        }
        return;
    }
    const auto step = static_cast<ptrdiff_t>(stride) * static_cast<ptrdiff_t>(sizeof(S));
    for (size_t i = 0; i < n; ++i, source += step) {
        destination[i] = LoadElement<S, A>(source);
    }
}

template <class S, class A>
void LoadAs(const unsigned char *source, int64_t stride, size_t n, A *destination) {
    LoadLoop<S, A>(source, stride, n, destination);
}

template <class S, class A>
ACLSIM_VECTOR_CLONES void LoadAsWide(const unsigned char *source, int64_t stride, size_t n, A *destination) {
    LoadLoop<S, A>(source, stride, n, destination);
}

// Rounds a result to the promoted type P (f16/bf16), then casts it to out's type O.
template <class P, class O>
inline void StoreElement(ArithOf<P> value, unsigned char *destination) {
    O stored;
    if constexpr (std::is_same_v<P, O>) {
        stored = ElementTraits<O>::Store(value); // rounding to P is the store itself
    } else {
        stored = ElementTraits<O>::Store(CastValue<ArithOf<O>>(RoundTo<P>(value)));
    }
    std::memcpy(destination, &stored, sizeof stored);
}

template <class P, class O>
inline void StoreLoop(const ArithOf<P> *source, size_t n, unsigned char *destination, int64_t stride) {
    if (stride == 1) {
        for (size_t i = 0; i < n; ++i) {
            StoreElement<P, O>(source[i], destination + i * sizeof(O));
        }
        return;
    }
    const auto step = static_cast<ptrdiff_t>(stride) * static_cast<ptrdiff_t>(sizeof(O));
    for (size_t i = 0; i < n; ++i, destination += step) {
        StoreElement<P, O>(source[i], destination);
    }
}

template <class P, class O>
void StoreAs(const ArithOf<P> *source, size_t n, unsigned char *destination, int64_t stride) {
    StoreLoop<P, O>(source, n, destination, stride);
}

template <class P, class O>
ACLSIM_VECTOR_CLONES void StoreAsWide(const ArithOf<P> *source, size_t n, unsigned char *destination, int64_t stride) {
    StoreLoop<P, O>(source, n, destination, stride);
}

#ifdef ACLSIM_F16C_CONVERSIONS
// FLOAT16 <-> float32 with the F16C instructions, 8 elements at a time (round to nearest even,
// like FloatToHalfBits). Chosen at plan time when the CPU has them.
bool HasF16C() {
    static const bool has = [] {
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx") && __builtin_cpu_supports("f16c");
    }();
    return has;
}

__attribute__((target("avx,f16c"))) void LoadHalfF16C(const unsigned char *source, int64_t stride, size_t n,
                                                       float *destination) {
    if (stride != 1) {
        LoadLoop<Half, float>(source, stride, n, destination);
        return;
    }
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        const __m128i halves = _mm_loadu_si128(reinterpret_cast<const __m128i *>(source + i * sizeof(Half)));
        _mm256_storeu_ps(destination + i, _mm256_cvtph_ps(halves));
    }
    LoadLoop<Half, float>(source + i * sizeof(Half), 1, n - i, destination + i);
}

__attribute__((target("avx,f16c"))) void StoreHalfF16C(const float *source, size_t n, unsigned char *destination,
                                                        int64_t stride) {
    if (stride != 1) {
        StoreLoop<Half, Half>(source, n, destination, stride);
        return;
    }
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        const __m128i halves =
            _mm256_cvtps_ph(_mm256_loadu_ps(source + i), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
        _mm_storeu_si128(reinterpret_cast<__m128i *>(destination + i * sizeof(Half)), halves);
    }
    StoreLoop<Half, Half>(source + i, n - i, destination + i * sizeof(Half), 1);
}
#endif

// Half-type conversions are bit arithmetic worth wide vectors; the others are a move or one
// instruction per element and stay memory-bound at the baseline ISA (fewer clones, smaller code).
template <class T>
constexpr bool kIsHalfType = std::is_same_v<T, Half> || std::is_same_v<T, BFloat16>;

template <class A>
LoadFn<A> SelectLoad(aclDataType storage) {
    LoadFn<A> load = nullptr;
    VisitElementType(storage, [&](auto tag) {
        using S = typename decltype(tag)::type;
#ifdef ACLSIM_F16C_CONVERSIONS
        if constexpr (std::is_same_v<S, Half> && std::is_same_v<A, float>) {
            if (HasF16C()) {
                load = &LoadHalfF16C;
                return;
            }
        }
#endif
        if constexpr (kIsHalfType<S>) {
            load = &LoadAsWide<S, A>;
        } else {
            load = &LoadAs<S, A>;
        }
    });
    return load;
}

template <class A>
StoreFn<A> SelectStore(aclDataType promoted, aclDataType out) {
    StoreFn<A> store = nullptr;
    VisitElementType(promoted, [&](auto promotedTag) {
        using P = typename decltype(promotedTag)::type;
        if constexpr (std::is_same_v<ArithOf<P>, A>) {
            VisitElementType(out, [&](auto outTag) {
                using O = typename decltype(outTag)::type;
#ifdef ACLSIM_F16C_CONVERSIONS
                if constexpr (std::is_same_v<P, Half> && std::is_same_v<O, Half>) {
                    if (HasF16C()) {
                        store = &StoreHalfF16C;
                        return;
                    }
                }
#endif
                if constexpr (kIsHalfType<P> || kIsHalfType<O>) {
                    store = &StoreAsWide<P, O>;
                } else {
                    store = &StoreAs<P, O>;
                }
            });
        }
    });
    return store;
}

// Whether elements of `dtype` are stored exactly as arithmetic type A (so no conversion).
template <class A>
bool StoredAs(aclDataType dtype) {
    bool same = false;
    VisitElementType(dtype, [&](auto tag) { same = std::is_same_v<typename decltype(tag)::type, A>; });
    return same;
}

size_t ElementSize(aclDataType dtype) { return aclDataTypeSize(dtype); }

enum class OperandMode {
    kDirect,    // contiguous, stored as the arithmetic type: used in place
    kRowScalar, // stride 0 along the row: one value per row
    kGather,    // converted and/or strided: staged through a block
    kConstant,  // aclnnAdds' scalar
};

template <class A>
OperandMode ModeOf(const KernelOperand &operand, int rank) {
    const int64_t inner = operand.strides[rank - 1];
    if (inner == 0) {
        return OperandMode::kRowScalar;
    }
    const bool aligned = reinterpret_cast<uintptr_t>(operand.base) % alignof(A) == 0;
    return (inner == 1 && aligned && StoredAs<A>(operand.dtype)) ? OperandMode::kDirect : OperandMode::kGather;
}

template <class A>
class AddKernel final : public DeviceKernel {
public:
    explicit AddKernel(const AddKernelPlan &plan)
        : plan_(plan), alpha_(plan.alpha.As<A>()), otherConstant_(plan.otherConstant.As<A>()),
          loadSelf_(SelectLoad<A>(plan.self.dtype)),
          loadOther_(plan.otherIsConstant ? nullptr : SelectLoad<A>(plan.other.dtype)),
          store_(SelectStore<A>(plan.computeType, plan.out.dtype)), selfMode_(ModeOf<A>(plan.self, plan.rank)),
          otherMode_(plan.otherIsConstant ? OperandMode::kConstant : ModeOf<A>(plan.other, plan.rank)),
          selfSize_(ElementSize(plan.self.dtype)), otherSize_(plan.otherIsConstant ? 0 : ElementSize(plan.other.dtype)),
          outSize_(ElementSize(plan.out.dtype)), validatedEpoch_(plan.validatedEpoch) {
        const int inner = plan.rank - 1;
        selfInner_ = plan.self.strides[inner];
        otherInner_ = plan.otherIsConstant ? 0 : plan.other.strides[inner];
        outInner_ = plan.out.strides[inner];
        outDirect_ = outInner_ == 1 && plan.out.dtype == plan.computeType && StoredAs<A>(plan.out.dtype) &&
                     reinterpret_cast<uintptr_t>(plan.out.base) % alignof(A) == 0;
    }

    const char *name() const noexcept override { return plan_.name; }

    aclError run() const noexcept override {
        if (!MemoryStillValid()) {
            return ACL_ERROR_RT_PARAM_INVALID;
        }
        WorkerPool &pool = WorkerPool::Instance();
        const bool parallel = plan_.elementCount >= kParallelElementThreshold && !plan_.outOverlapsItself;
        const size_t parts = parallel ? pool.Concurrency() : 1;
        if (parts <= 1) {
            RunRange(0, plan_.elementCount);
            return ACL_SUCCESS;
        }
        const PartedRun job{this, static_cast<int64_t>(parts)};
        pool.Run(parts, &PartedRun::RunPart, &job);
        return ACL_SUCCESS;
    }

private:
    struct PartedRun {
        const AddKernel *kernel;
        int64_t parts;

        static void RunPart(const void *context, size_t part) {
            const auto &job = *static_cast<const PartedRun *>(context);
            const int64_t count = job.kernel->plan_.elementCount;
            int64_t chunk = (count + job.parts - 1) / job.parts;
            chunk = (chunk + kPartAlignment - 1) / kPartAlignment * kPartAlignment;
            const int64_t begin = std::min(count, static_cast<int64_t>(part) * chunk);
            const int64_t end = std::min(count, begin + chunk);
            job.kernel->RunRange(begin, end);
        }
    };

    // Checks the tensors' memory only when some device memory was freed since the last check.
    bool MemoryStillValid() const noexcept {
        const uint64_t epoch = MemoryEpoch();
        if (validatedEpoch_.load(std::memory_order_acquire) == epoch) {
            return true;
        }
        for (int i = 0; i < plan_.rangeCount; ++i) {
            const KernelRange &range = plan_.ranges[i];
            if (!IsDeviceRange(range.begin, range.bytes)) {
                ReportFreedMemory(range);
                return false;
            }
        }
        validatedEpoch_.store(epoch, std::memory_order_release);
        return true;
    }

    void ReportFreedMemory(const KernelRange &range) const noexcept {
        try {
            char address[32];
            std::snprintf(address, sizeof address, "%p", range.begin);
            AppendErrorMessage(std::string("kernel ") + plan_.name + ": tensor memory at " + address + " (" +
                               std::to_string(range.bytes) +
                               " bytes) is no longer device memory (freed after the operator was planned); the "
                               "kernel did not run");
        } catch (...) { // out of memory for the message: the status code still tells
        }
    }

    void RunRange(int64_t begin, int64_t end) const noexcept {
        const int rank = plan_.rank;
        const int inner = rank - 1;
        int64_t coord[kMaxKernelRank];
        int64_t rest = begin;
        for (int d = inner; d >= 0; --d) {
            coord[d] = rest % plan_.shape[d];
            rest /= plan_.shape[d];
        }
        for (int64_t remaining = end - begin; remaining > 0;) {
            int64_t selfOffset = 0;
            int64_t otherOffset = 0;
            int64_t outOffset = 0;
            for (int d = 0; d < rank; ++d) {
                selfOffset += coord[d] * plan_.self.strides[d];
                otherOffset += coord[d] * plan_.other.strides[d];
                outOffset += coord[d] * plan_.out.strides[d];
            }
            const int64_t n = std::min(plan_.shape[inner] - coord[inner], remaining);
            RunRow(plan_.self.base + selfOffset * static_cast<int64_t>(selfSize_),
                   plan_.otherIsConstant ? nullptr : plan_.other.base + otherOffset * static_cast<int64_t>(otherSize_),
                   plan_.out.base + outOffset * static_cast<int64_t>(outSize_), static_cast<size_t>(n));
            remaining -= n;
            coord[inner] = 0;
            for (int d = inner - 1; d >= 0; --d) {
                if (++coord[d] < plan_.shape[d]) {
                    break;
                }
                coord[d] = 0;
            }
        }
    }

    void RunRow(const unsigned char *selfRow, const unsigned char *otherRow, unsigned char *outRow,
                size_t n) const noexcept {
        A selfValue{};
        A otherValue = otherConstant_;
        if (selfMode_ == OperandMode::kRowScalar) {
            loadSelf_(selfRow, 0, 1, &selfValue);
        }
        if (otherMode_ == OperandMode::kRowScalar) {
            loadOther_(otherRow, 0, 1, &otherValue);
        }
        const bool staged = selfMode_ == OperandMode::kGather || otherMode_ == OperandMode::kGather || !outDirect_;
        if (!staged) { // the fast path: the whole row straight from and to the tensors
            Compute(reinterpret_cast<A *>(outRow), DirectOrNull(selfMode_, selfRow), selfValue,
                    DirectOrNull(otherMode_, otherRow), otherValue, alpha_, n);
            return;
        }
        A selfBlock[kBlockElements];
        A otherBlock[kBlockElements];
        A outBlock[kBlockElements];
        for (size_t done = 0; done < n;) {
            const size_t count = std::min(kBlockElements, n - done);
            const A *a = Operand(selfMode_, loadSelf_, selfRow, selfInner_, selfSize_, done, count, selfBlock);
            const A *b = Operand(otherMode_, loadOther_, otherRow, otherInner_, otherSize_, done, count, otherBlock);
            A *o = outDirect_ ? reinterpret_cast<A *>(outRow) + done : outBlock;
            Compute(o, a, selfValue, b, otherValue, alpha_, count);
            if (!outDirect_) {
                const int64_t outOffset = static_cast<int64_t>(done) * outInner_ * static_cast<int64_t>(outSize_);
                store_(outBlock, count, outRow + outOffset, outInner_);
            }
            done += count;
        }
    }

    static const A *DirectOrNull(OperandMode mode, const unsigned char *row) {
        return mode == OperandMode::kDirect ? reinterpret_cast<const A *>(row) : nullptr;
    }

    // Elements [done, done + count) of a row operand as arithmetic values; null for a scalar.
    static const A *Operand(OperandMode mode, LoadFn<A> load, const unsigned char *row, int64_t stride,
                            size_t elementSize, size_t done, size_t count, A *block) {
        switch (mode) {
        case OperandMode::kDirect: return reinterpret_cast<const A *>(row) + done;
        case OperandMode::kGather:
            load(row + static_cast<int64_t>(done) * stride * static_cast<int64_t>(elementSize), stride, count, block);
            return block;
        default: return nullptr;
        }
    }

    const AddKernelPlan plan_;
    const A alpha_;
    const A otherConstant_;
    const LoadFn<A> loadSelf_;
    const LoadFn<A> loadOther_;
    const StoreFn<A> store_;
    const OperandMode selfMode_;
    const OperandMode otherMode_;
    const size_t selfSize_;
    const size_t otherSize_;
    const size_t outSize_;
    int64_t selfInner_ = 0;
    int64_t otherInner_ = 0;
    int64_t outInner_ = 0;
    bool outDirect_ = false;
    mutable std::atomic<uint64_t> validatedEpoch_;
};

template <class A>
std::shared_ptr<const DeviceKernel> Make(const AddKernelPlan &plan) {
    return std::make_shared<const AddKernel<A>>(plan);
}

} // namespace

std::shared_ptr<const DeviceKernel> MakeAddKernel(const AddKernelPlan &plan) {
    switch (plan.computeType) {
    case ACL_FLOAT:
    case ACL_FLOAT16:
    case ACL_BF16: return Make<float>(plan);
    case ACL_DOUBLE: return Make<double>(plan);
    case ACL_INT8: return Make<int8_t>(plan);
    case ACL_INT16: return Make<int16_t>(plan);
    case ACL_INT32: return Make<int32_t>(plan);
    case ACL_INT64: return Make<int64_t>(plan);
    case ACL_UINT8: return Make<uint8_t>(plan);
    case ACL_BOOL: return Make<bool>(plan);
    case ACL_COMPLEX64: return Make<Complex64>(plan);
    case ACL_COMPLEX128: return Make<Complex128>(plan);
    default: return nullptr;
    }
}

} // namespace aclsim::nn
