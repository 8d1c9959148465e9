// Conversions between tensor storage and the kernels' arithmetic types: strided loads of n
// elements converted to arithmetic type A, and stores that round a result to the promoted type
// and cast it to the output's type. Shared by every kernel of the operator library.
#ifndef ACLSIM_NN_ELEMENT_IO_H
#define ACLSIM_NN_ELEMENT_IO_H

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "dtype.h"

// The F16C paths are built by GCC only (the shipped library); clang builds (the fuzzer's) use
// the portable conversions.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
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

#ifdef ACLSIM_F16C_CONVERSIONS
// FLOAT16 <-> float32 with the F16C instructions, 8 elements at a time (round to nearest even,
// like FloatToHalfBits). Chosen at plan time when the CPU has them.
bool HasF16C();
void LoadHalfF16C(const unsigned char *source, int64_t stride, size_t n, float *destination);
void StoreHalfF16C(const float *source, size_t n, unsigned char *destination, int64_t stride);
#endif

// Internal linkage: each kernel file gets its own instances, and the target_clones resolvers of
// the templates stay local to it.
namespace {

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

// Half-type conversions are bit arithmetic worth wide vectors; the others are a move or one
// instruction per element and stay memory-bound at the baseline ISA (fewer clones, smaller code).
template <class T>
constexpr bool kIsHalfType = std::is_same_v<T, Half> || std::is_same_v<T, BFloat16>;

// The F16C conversions when this build has them and the CPU runs them; null otherwise.
struct F16CConversions {
    LoadFn<float> load = nullptr;
    StoreFn<float> store = nullptr;
};

inline F16CConversions AvailableF16C() {
    F16CConversions f16c;
#ifdef ACLSIM_F16C_CONVERSIONS
    if (HasF16C()) {
        f16c.load = &LoadHalfF16C;
        f16c.store = &StoreHalfF16C;
    }
#endif
    return f16c;
}

template <class A>
LoadFn<A> SelectLoad(aclDataType storage) {
    LoadFn<A> load = nullptr;
    VisitElementType(storage, [&](auto tag) {
        using S = typename decltype(tag)::type;
        // Nested, not one `&&`: with A fixed the test on A alone is not dependent, so the F16C
        // branch is discarded for other arithmetic types (Clang checks the assignment otherwise).
        if constexpr (std::is_same_v<A, float>) {
            if constexpr (std::is_same_v<S, Half>) {
                if ((load = AvailableF16C().load) != nullptr) {
                    return;
                }
            }
        }
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
                if constexpr (std::is_same_v<A, float>) { // nested as in SelectLoad
                    if constexpr (std::is_same_v<P, Half> && std::is_same_v<O, Half>) {
                        if ((store = AvailableF16C().store) != nullptr) {
                            return;
                        }
                    }
                }
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

} // namespace
} // namespace aclsim::nn

#endif
