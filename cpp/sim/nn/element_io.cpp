#include "element_io.h"

#ifdef ACLSIM_F16C_CONVERSIONS
#include <immintrin.h>

namespace aclsim::nn {

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

} // namespace aclsim::nn

#endif
