// Shared helpers of the operator-library tests: a plain scalar reference of out = self + alpha *
// other written independently of the simulator (f16 through the compiler's _Float16, bf16 by
// frexp/nearbyint), host mirrors of device tensors, and ACL set-up.
#ifndef ACLGRAPH4J_TESTS_SIM_NN_NN_TEST_SUPPORT_H
#define ACLGRAPH4J_TESTS_SIM_NN_NN_TEST_SUPPORT_H

#include <array>
#include <cmath>
#include <complex>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <memory>
#include <random>
#include <string>
#include <type_traits>
#include <vector>

#include "acl/acl.h"
#include "aclnnop/aclnn_add.h"
#include "aclsim/aclsim.h"
#include "test_support.h"

namespace nntest {

constexpr aclnnStatus kNullptr = 161001;
constexpr aclnnStatus kInvalid = 161002;

// The twelve types of the aclnnAdd family, in promotion order.
const aclDataType kAllTypes[] = {ACL_BOOL,    ACL_UINT8, ACL_INT8,  ACL_INT16,  ACL_INT32,     ACL_INT64,
                                 ACL_FLOAT16, ACL_BF16,  ACL_FLOAT, ACL_DOUBLE, ACL_COMPLEX64, ACL_COMPLEX128};

// Calls visit(a, b) for every ordered pair of stored data types (the dtype matrices of the operator
// tests).
template <class Visit>
void ForEachTypePair(Visit visit) {
    for (aclDataType a : kAllTypes) {
        for (aclDataType b : kAllTypes) {
            visit(a, b);
        }
    }
}

#define B ACL_BOOL
#define U8 ACL_UINT8
#define I8 ACL_INT8
#define I16 ACL_INT16
#define I32 ACL_INT32
#define I64 ACL_INT64
#define F16 ACL_FLOAT16
#define BF ACL_BF16
#define F32 ACL_FLOAT
#define F64 ACL_DOUBLE
#define C64 ACL_COMPLEX64
#define C128 ACL_COMPLEX128

// The expected promotion of every pair, rows and columns in kAllTypes order (PyTorch's table).
inline const aclDataType kPromotion[12][12] = {
    /* B    */ {B, U8, I8, I16, I32, I64, F16, BF, F32, F64, C64, C128},
    /* U8   */ {U8, U8, I16, I16, I32, I64, F16, BF, F32, F64, C64, C128},
    /* I8   */ {I8, I16, I8, I16, I32, I64, F16, BF, F32, F64, C64, C128},
    /* I16  */ {I16, I16, I16, I16, I32, I64, F16, BF, F32, F64, C64, C128},
    /* I32  */ {I32, I32, I32, I32, I32, I64, F16, BF, F32, F64, C64, C128},
    /* I64  */ {I64, I64, I64, I64, I64, I64, F16, BF, F32, F64, C64, C128},
    /* F16  */ {F16, F16, F16, F16, F16, F16, F16, F32, F32, F64, C64, C128},
    /* BF16 */ {BF, BF, BF, BF, BF, BF, F32, BF, F32, F64, C64, C128},
    /* F32  */ {F32, F32, F32, F32, F32, F32, F32, F32, F32, F64, C64, C128},
    /* F64  */ {F64, F64, F64, F64, F64, F64, F64, F64, F64, F64, C128, C128},
    /* C64  */ {C64, C64, C64, C64, C64, C64, C64, C64, C64, C128, C64, C128},
    /* C128 */ {C128, C128, C128, C128, C128, C128, C128, C128, C128, C128, C128, C128},
};

#undef B
#undef U8
#undef I8
#undef I16
#undef I32
#undef I64
#undef F16
#undef BF
#undef F32
#undef F64
#undef C64
#undef C128

// kPromotion's entry for a pair of kAllTypes.
inline aclDataType ExpectedPromotion(aclDataType a, aclDataType b) {
    size_t i = 0;
    size_t j = 0;
    for (size_t k = 0; k < 12; ++k) {
        i = kAllTypes[k] == a ? k : i;
        j = kAllTypes[k] == b ? k : j;
    }
    return kPromotion[i][j];
}

inline const char *TypeName(aclDataType t) {
    switch (t) {
    case ACL_BOOL: return "BOOL";
    case ACL_UINT8: return "UINT8";
    case ACL_INT8: return "INT8";
    case ACL_INT16: return "INT16";
    case ACL_INT32: return "INT32";
    case ACL_INT64: return "INT64";
    case ACL_FLOAT16: return "FLOAT16";
    case ACL_BF16: return "BF16";
    case ACL_FLOAT: return "FLOAT";
    case ACL_DOUBLE: return "DOUBLE";
    case ACL_COMPLEX64: return "COMPLEX64";
    case ACL_COMPLEX128: return "COMPLEX128";
    default: return "OTHER";
    }
}

inline size_t SizeOf(aclDataType t) {
    switch (t) {
    case ACL_BOOL:
    case ACL_UINT8:
    case ACL_INT8: return 1;
    case ACL_INT16:
    case ACL_FLOAT16:
    case ACL_BF16: return 2;
    case ACL_INT32:
    case ACL_FLOAT: return 4;
    case ACL_INT64:
    case ACL_DOUBLE:
    case ACL_COMPLEX64: return 8;
    case ACL_COMPLEX128: return 16;
    default: return 0;
    }
}

inline bool IsComplex(aclDataType t) {
    return t == ACL_COMPLEX64 || t == ACL_COMPLEX128;
}
inline bool IsFloat(aclDataType t) {
    return t == ACL_FLOAT16 || t == ACL_BF16 || t == ACL_FLOAT || t == ACL_DOUBLE;
}
inline bool IsInteger(aclDataType t) {
    return t == ACL_UINT8 || t == ACL_INT8 || t == ACL_INT16 || t == ACL_INT32 || t == ACL_INT64;
}

// ---- reference value semantics ----

template <class T>
struct IsStdComplex : std::false_type {};
template <class T>
struct IsStdComplex<std::complex<T>> : std::true_type {};

template <class To, class From>
To RefCast(From v) {
    if constexpr (std::is_same_v<To, From>) {
        return v;
    } else if constexpr (IsStdComplex<From>::value) {
        if constexpr (IsStdComplex<To>::value) {
            using P = typename To::value_type;
            return To(static_cast<P>(v.real()), static_cast<P>(v.imag()));
        } else if constexpr (std::is_same_v<To, bool>) {
            return v.real() != 0 || v.imag() != 0;
        } else {
            return RefCast<To>(v.real());
        }
    } else if constexpr (IsStdComplex<To>::value) {
        using P = typename To::value_type;
        return To(RefCast<P>(v), P(0));
    } else if constexpr (std::is_same_v<To, bool>) {
        return v != 0;
    } else if constexpr (std::is_floating_point_v<To>) {
        return static_cast<To>(v);
    } else if constexpr (std::is_floating_point_v<From>) {
        // Saturating, NaN -> 0, truncation toward zero.
        if (std::isnan(v)) {
            return 0;
        }
        const long double x = v;
        if (x <= static_cast<long double>(std::numeric_limits<To>::min())) {
            return std::numeric_limits<To>::min();
        }
        if (x >= static_cast<long double>(std::numeric_limits<To>::max()) + 1.0L) {
            return std::numeric_limits<To>::max();
        }
        return static_cast<To>(std::trunc(x));
    } else {
        // Integer wrap-around: keep the low bytes.
        const uint64_t bits = static_cast<uint64_t>(static_cast<int64_t>(v));
        To result;
        std::memcpy(&result, &bits, sizeof result); // little endian: the low bytes come first
        return result;
    }
}

inline float RoundHalf(float x) {
    return static_cast<float>(static_cast<_Float16>(x));
}

// Nearest-even to bf16's 8 significant bits (normal range), by frexp and nearbyint.
inline float RoundBf16(float x) {
    if (std::isnan(x) || std::isinf(x) || x == 0) {
        return x;
    }
    int exponent = 0;
    const double mantissa = std::frexp(static_cast<double>(x), &exponent);
    int bits = 8;
    if (exponent < -125) {
        bits -= -125 - exponent; // subnormal: fewer significant bits
    }
    const double rounded = std::nearbyint(std::ldexp(mantissa, bits));
    return static_cast<float>(std::ldexp(rounded, exponent - bits));
}

inline float Bf16ToFloat(uint16_t bits) {
    const uint32_t wide = static_cast<uint32_t>(bits) << 16;
    float f;
    std::memcpy(&f, &wide, sizeof f);
    return f;
}

inline uint16_t FloatToBf16Bits(float f) { // f already rounded to bf16
    uint32_t wide;
    std::memcpy(&wide, &f, sizeof wide);
    return static_cast<uint16_t>(wide >> 16);
}

template <class T>
T LoadRaw(const unsigned char *p) {
    T v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

template <class T>
void StoreRaw(unsigned char *p, T v) {
    std::memcpy(p, &v, sizeof v);
}

// Reads a stored element of type t as compute type C.
template <class C>
C ReadAs(aclDataType t, const unsigned char *p) {
    switch (t) {
    case ACL_BOOL: return RefCast<C>(p[0] != 0);
    case ACL_UINT8: return RefCast<C>(LoadRaw<uint8_t>(p));
    case ACL_INT8: return RefCast<C>(LoadRaw<int8_t>(p));
    case ACL_INT16: return RefCast<C>(LoadRaw<int16_t>(p));
    case ACL_INT32: return RefCast<C>(LoadRaw<int32_t>(p));
    case ACL_INT64: return RefCast<C>(LoadRaw<int64_t>(p));
    case ACL_FLOAT16: return RefCast<C>(static_cast<float>(LoadRaw<_Float16>(p)));
    case ACL_BF16: return RefCast<C>(Bf16ToFloat(LoadRaw<uint16_t>(p)));
    case ACL_FLOAT: return RefCast<C>(LoadRaw<float>(p));
    case ACL_DOUBLE: return RefCast<C>(LoadRaw<double>(p));
    case ACL_COMPLEX64: return RefCast<C>(LoadRaw<std::complex<float>>(p));
    case ACL_COMPLEX128: return RefCast<C>(LoadRaw<std::complex<double>>(p));
    default: return C{};
    }
}

// Writes compute value v as a stored element of type t (half types through float).
template <class C>
void WriteAs(aclDataType t, C v, unsigned char *p) {
    switch (t) {
    case ACL_BOOL: p[0] = RefCast<bool>(v) ? 1 : 0; break;
    case ACL_UINT8: StoreRaw(p, RefCast<uint8_t>(v)); break;
    case ACL_INT8: StoreRaw(p, RefCast<int8_t>(v)); break;
    case ACL_INT16: StoreRaw(p, RefCast<int16_t>(v)); break;
    case ACL_INT32: StoreRaw(p, RefCast<int32_t>(v)); break;
    case ACL_INT64: StoreRaw(p, RefCast<int64_t>(v)); break;
    case ACL_FLOAT16: StoreRaw(p, static_cast<_Float16>(RefCast<float>(v))); break;
    case ACL_BF16: StoreRaw(p, FloatToBf16Bits(RoundBf16(RefCast<float>(v)))); break;
    case ACL_FLOAT: StoreRaw(p, RefCast<float>(v)); break;
    case ACL_DOUBLE: StoreRaw(p, RefCast<double>(v)); break;
    case ACL_COMPLEX64: StoreRaw(p, RefCast<std::complex<float>>(v)); break;
    case ACL_COMPLEX128: StoreRaw(p, RefCast<std::complex<double>>(v)); break;
    default: break;
    }
}

template <class C>
C RefAxpy(C a, C alpha, C b) {
    if constexpr (std::is_same_v<C, bool>) {
        return a || (alpha && b);
    } else if constexpr (std::is_integral_v<C>) {
        auto wide = [](C v) { return static_cast<uint64_t>(static_cast<int64_t>(v)); };
        return RefCast<C>(static_cast<int64_t>(wide(a) + wide(alpha) * wide(b)));
    } else {
        return a + alpha * b;
    }
}

// A host scalar as given to aclCreateScalar.
struct HostScalar {
    aclDataType type = ACL_FLOAT;
    unsigned char bytes[16] = {};

    template <class T>
    static HostScalar Of(aclDataType type, T value) {
        HostScalar s;
        s.type = type;
        std::memcpy(s.bytes, &value, sizeof value);
        return s;
    }
    static HostScalar Float(float v) { return Of(ACL_FLOAT, v); }
    static HostScalar Double(double v) { return Of(ACL_DOUBLE, v); }
    static HostScalar Int64(int64_t v) { return Of(ACL_INT64, v); }
    static HostScalar Int32(int32_t v) { return Of(ACL_INT32, v); }
    static HostScalar Bool(bool v) { return Of(ACL_BOOL, static_cast<uint8_t>(v)); }
    static HostScalar Complex64(float re, float im) { return Of(ACL_COMPLEX64, std::complex<float>(re, im)); }
};

struct ScalarHandle {
    aclScalar *scalar = nullptr;
    explicit ScalarHandle(HostScalar s) { scalar = aclCreateScalar(s.bytes, s.type); }
    ~ScalarHandle() { aclDestroyScalar(scalar); }
    ScalarHandle(const ScalarHandle &) = delete;
    ScalarHandle &operator=(const ScalarHandle &) = delete;
    operator aclScalar *() const { return scalar; }
};

// ---- tensors: a host mirror of the whole storage plus the device copy ----

inline std::vector<int64_t> ContiguousStrides(const std::vector<int64_t> &dims) {
    std::vector<int64_t> strides(dims.size(), 1);
    for (size_t i = dims.size(); i-- > 1;) {
        strides[i - 1] = strides[i] * std::max<int64_t>(dims[i], 1);
    }
    return strides;
}

inline int64_t ElementCount(const std::vector<int64_t> &dims) {
    int64_t n = 1;
    for (int64_t d : dims) {
        n *= d;
    }
    return n;
}

struct TensorSpec {
    aclDataType type = ACL_FLOAT;
    std::vector<int64_t> dims;
    std::vector<int64_t> strides; // empty: contiguous
    int64_t offset = 0;
    int64_t storageElements = 0; // 0: just what the view reaches
};

inline std::mt19937_64 &Rng() {
    static std::mt19937_64 rng(20240611);
    return rng;
}

// A random element of type t; floats stay in [-100, 100] so that no test meets infinities.
inline void RandomElement(aclDataType t, unsigned char *p) {
    auto &rng = Rng();
    std::uniform_real_distribution<double> real(-100.0, 100.0);
    switch (t) {
    case ACL_BOOL: p[0] = static_cast<unsigned char>(rng() & 1); break;
    case ACL_UINT8:
    case ACL_INT8:
    case ACL_INT16:
    case ACL_INT32:
    case ACL_INT64: {
        const uint64_t bits = rng();
        std::memcpy(p, &bits, SizeOf(t)); // the full range, to exercise wrap-around
        break;
    }
    case ACL_COMPLEX64:
    case ACL_COMPLEX128: WriteAs(t, std::complex<double>(real(rng), real(rng)), p); break;
    default: WriteAs(t, real(rng), p); break;
    }
}

class DeviceTensor {
public:
    explicit DeviceTensor(TensorSpec spec) : spec_(std::move(spec)) {
        if (spec_.strides.empty()) {
            spec_.strides = ContiguousStrides(spec_.dims);
        }
        int64_t reach = spec_.offset;
        bool empty = false;
        for (size_t i = 0; i < spec_.dims.size(); ++i) {
            empty = empty || spec_.dims[i] == 0;
            reach += (spec_.dims[i] - 1) * spec_.strides[i];
        }
        const int64_t needed = empty ? 0 : reach + 1;
        const int64_t storage = std::max<int64_t>(spec_.storageElements, std::max<int64_t>(needed, 1));
        host_.resize(static_cast<size_t>(storage) * SizeOf(spec_.type));
        for (size_t at = 0; at < host_.size(); at += SizeOf(spec_.type)) {
            RandomElement(spec_.type, &host_[at]);
        }
        if (aclrtMalloc(&device_, host_.size(), ACL_MEM_MALLOC_HUGE_FIRST) != ACL_SUCCESS) {
            device_ = nullptr;
            return;
        }
        Upload();
        const int64_t storageDims[1] = {storage};
        tensor_ = aclCreateTensor(spec_.dims.data(), spec_.dims.size(), spec_.type, spec_.strides.data(), spec_.offset,
                                  ACL_FORMAT_ND, storageDims, 1, device_);
    }
    ~DeviceTensor() {
        aclDestroyTensor(tensor_);
        if (device_ != nullptr) {
            aclrtFree(device_);
        }
    }
    DeviceTensor(const DeviceTensor &) = delete;
    DeviceTensor &operator=(const DeviceTensor &) = delete;

    void Upload() { aclrtMemcpy(device_, host_.size(), host_.data(), host_.size(), ACL_MEMCPY_HOST_TO_DEVICE); }
    std::vector<unsigned char> Download() const {
        std::vector<unsigned char> bytes(host_.size());
        aclrtMemcpy(bytes.data(), bytes.size(), device_, bytes.size(), ACL_MEMCPY_DEVICE_TO_HOST);
        return bytes;
    }
    // Replaces the host mirror by the device contents.
    void Refresh() { host_ = Download(); }

    aclTensor *tensor() const { return tensor_; }
    operator aclTensor *() const { return tensor_; }
    void *device() const { return device_; }
    const TensorSpec &spec() const { return spec_; }
    std::vector<unsigned char> &host() { return host_; }
    const std::vector<unsigned char> &host() const { return host_; }
    size_t bytes() const { return host_.size(); }

private:
    TensorSpec spec_;
    std::vector<unsigned char> host_;
    void *device_ = nullptr;
    aclTensor *tensor_ = nullptr;
};

inline std::unique_ptr<DeviceTensor> Make(aclDataType type, std::vector<int64_t> dims,
                                          std::vector<int64_t> strides = {}, int64_t offset = 0,
                                          int64_t storageElements = 0) {
    TensorSpec spec{type, std::move(dims), std::move(strides), offset, storageElements};
    return std::make_unique<DeviceTensor>(std::move(spec));
}

// One tensor of `shape` per data type in `types`, for the operand sets of dtype refusals:
// auto [f32, f16] = MakeEach({ACL_FLOAT, ACL_FLOAT16}, {2, 3});
template <size_t N>
std::array<std::unique_ptr<DeviceTensor>, N> MakeEach(const aclDataType (&types)[N],
                                                      const std::vector<int64_t> &shape) {
    std::array<std::unique_ptr<DeviceTensor>, N> tensors;
    for (size_t i = 0; i < N; ++i) {
        tensors[i] = Make(types[i], shape);
    }
    return tensors;
}

// ---- the reference operator over host mirrors ----

struct RefOperand {
    const TensorSpec *spec = nullptr; // null: the scalar below
    const unsigned char *storage = nullptr;
    HostScalar scalar;
};

// Index of a broadcast-shape position in an operand's storage (right-aligned broadcasting).
inline int64_t StorageIndex(const TensorSpec &spec, const std::vector<int64_t> &shape,
                            const std::vector<int64_t> &index) {
    int64_t at = spec.offset;
    const size_t pad = shape.size() - spec.dims.size();
    for (size_t i = 0; i < spec.dims.size(); ++i) {
        if (spec.dims[i] != 1) {
            at += index[i + pad] * spec.strides[i];
        }
    }
    return at;
}

// out = fn(self, other) element by element over out's shape, computed in C, rounded to the
// promoted type (f16/bf16) and cast to out's type; a scalar operand becomes a promoted tensor.
template <class C, class Fn>
void RefElementwiseTyped(const RefOperand &self, const RefOperand &other, Fn fn, aclDataType promoted,
                         const TensorSpec &out, std::vector<unsigned char> &outStorage) {
    auto roundPromoted = [&](C v) -> C {
        if constexpr (std::is_same_v<C, float>) {
            if (promoted == ACL_FLOAT16) {
                return RoundHalf(v);
            }
            if (promoted == ACL_BF16) {
                return RoundBf16(v);
            }
        }
        return v;
    };
    auto read = [&](const RefOperand &operand, const std::vector<int64_t> &index) -> C {
        if (operand.spec == nullptr) {
            return roundPromoted(ReadAs<C>(operand.scalar.type, operand.scalar.bytes)); // scalar -> promoted tensor
        }
        const int64_t at = StorageIndex(*operand.spec, out.dims, index);
        return ReadAs<C>(operand.spec->type, operand.storage + at * SizeOf(operand.spec->type));
    };
    const int64_t count = ElementCount(out.dims);
    std::vector<int64_t> index(out.dims.size(), 0);
    for (int64_t n = 0; n < count; ++n) {
        const C result = roundPromoted(fn(read(self, index), read(other, index)));
        const int64_t at = StorageIndex(out, out.dims, index);
        WriteAs(out.type, result, outStorage.data() + at * SizeOf(out.type));
        for (size_t d = index.size(); d-- > 0;) {
            if (++index[d] < out.dims[d]) {
                break;
            }
            index[d] = 0;
        }
    }
}

template <class C>
void RefAddTyped(const RefOperand &self, const RefOperand &other, const HostScalar &alpha, aclDataType promoted,
                 const TensorSpec &out, std::vector<unsigned char> &outStorage) {
    C alphaValue;
    if (promoted == ACL_FLOAT16) {
        alphaValue = RefCast<C>(ReadAs<float>(alpha.type, alpha.bytes));
    } else if (promoted == ACL_BF16) {
        alphaValue = RefCast<C>(RoundBf16(ReadAs<float>(alpha.type, alpha.bytes)));
    } else {
        alphaValue = ReadAs<C>(alpha.type, alpha.bytes);
    }
    RefElementwiseTyped<C>(
        self, other, [&](C a, C b) { return RefAxpy<C>(a, alphaValue, b); }, promoted, out, outStorage);
}

inline void RefAdd(const RefOperand &self, const RefOperand &other, const HostScalar &alpha, aclDataType promoted,
                   const TensorSpec &out, std::vector<unsigned char> &outStorage) {
    switch (promoted) {
    case ACL_BOOL: RefAddTyped<bool>(self, other, alpha, promoted, out, outStorage); break;
    case ACL_UINT8: RefAddTyped<uint8_t>(self, other, alpha, promoted, out, outStorage); break;
    case ACL_INT8: RefAddTyped<int8_t>(self, other, alpha, promoted, out, outStorage); break;
    case ACL_INT16: RefAddTyped<int16_t>(self, other, alpha, promoted, out, outStorage); break;
    case ACL_INT32: RefAddTyped<int32_t>(self, other, alpha, promoted, out, outStorage); break;
    case ACL_INT64: RefAddTyped<int64_t>(self, other, alpha, promoted, out, outStorage); break;
    case ACL_FLOAT16:
    case ACL_BF16:
    case ACL_FLOAT: RefAddTyped<float>(self, other, alpha, promoted, out, outStorage); break;
    case ACL_DOUBLE: RefAddTyped<double>(self, other, alpha, promoted, out, outStorage); break;
    case ACL_COMPLEX64: RefAddTyped<std::complex<float>>(self, other, alpha, promoted, out, outStorage); break;
    case ACL_COMPLEX128: RefAddTyped<std::complex<double>>(self, other, alpha, promoted, out, outStorage); break;
    default: break;
    }
}

inline std::string ElementText(aclDataType t, const unsigned char *p) {
    char text[96];
    if (IsComplex(t)) {
        const auto v = ReadAs<std::complex<double>>(t, p);
        std::snprintf(text, sizeof text, "(%.17g, %.17g)", v.real(), v.imag());
    } else if (IsFloat(t)) {
        std::snprintf(text, sizeof text, "%.17g", ReadAs<double>(t, p));
    } else {
        std::snprintf(text, sizeof text, "%lld", static_cast<long long>(ReadAs<int64_t>(t, p)));
    }
    return text;
}

// Compares device storage with the expected storage element by element (bitwise); reports the
// first few differences. Returns true when equal.
inline bool SameStorage(aclDataType t, const std::vector<unsigned char> &actual,
                        const std::vector<unsigned char> &expected, const std::string &what) {
    const size_t size = SizeOf(t);
    int reported = 0;
    size_t differences = 0;
    for (size_t at = 0; at + size <= actual.size() && at + size <= expected.size(); at += size) {
        if (std::memcmp(&actual[at], &expected[at], size) != 0) {
            ++differences;
            if (reported++ < 4) {
                std::fprintf(stderr, "  %s: element %zu is %s, expected %s\n", what.c_str(), at / size,
                             ElementText(t, &actual[at]).c_str(), ElementText(t, &expected[at]).c_str());
            }
        }
    }
    if (differences > 0) {
        std::fprintf(stderr, "  %s: %zu element(s) differ\n", what.c_str(), differences);
    }
    return differences == 0 && actual.size() == expected.size();
}

// ---- ACL session ----

struct AclSession {
    aclrtStream stream = nullptr;
    bool ok = false;
    AclSession() {
        ok = aclInit(nullptr) == ACL_SUCCESS && aclrtSetDevice(0) == ACL_SUCCESS &&
             aclrtCreateStream(&stream) == ACL_SUCCESS;
    }
    ~AclSession() {
        if (stream != nullptr) {
            aclrtDestroyStream(stream);
        }
        aclrtResetDevice(0);
        aclFinalize();
    }
};

// The session lives from the first test that needs it until NN_TEST_MAIN's end: it is torn down
// there, not by a static destructor, because the runtime's own statics may be gone by then.
inline std::unique_ptr<AclSession> &SessionSlot() {
    static std::unique_ptr<AclSession> session;
    return session;
}

inline AclSession &Session() {
    if (!SessionSlot()) {
        SessionSlot() = std::make_unique<AclSession>();
    }
    return *SessionSlot();
}

// The first phase of an aclnn call (through `prepare(&workspaceSize, &executor)`), its second phase
// `launch` on the session's stream and a synchronisation: the first failing status (-1 when the
// first phase asks for a workspace: the simulator needs none).
template <typename Prepare>
aclnnStatus RunPhases(Prepare prepare, aclnnStatus (*launch)(void *, uint64_t, aclOpExecutor *, aclrtStream)) {
    uint64_t workspaceSize = 0;
    aclOpExecutor *executor = nullptr;
    aclnnStatus status = prepare(&workspaceSize, &executor);
    if (status != 0) {
        return status;
    }
    if (workspaceSize != 0) {
        return -1;
    }
    status = launch(nullptr, 0, executor, Session().stream);
    return status != 0 ? status : aclrtSynchronizeStream(Session().stream);
}

inline aclnnStatus RunAdd(aclTensor *self, aclTensor *other, aclScalar *alpha, aclTensor *out) {
    return RunPhases(
        [&](uint64_t *workspaceSize, aclOpExecutor **executor) {
            return aclnnAddGetWorkspaceSize(self, other, alpha, out, workspaceSize, executor);
        },
        aclnnAdd);
}

inline aclnnStatus RunAdds(aclTensor *self, aclScalar *other, aclScalar *alpha, aclTensor *out) {
    return RunPhases(
        [&](uint64_t *workspaceSize, aclOpExecutor **executor) {
            return aclnnAddsGetWorkspaceSize(self, other, alpha, out, workspaceSize, executor);
        },
        aclnnAdds);
}

inline aclnnStatus RunInplaceAdd(aclTensor *selfRef, aclTensor *other, aclScalar *alpha) {
    return RunPhases(
        [&](uint64_t *workspaceSize, aclOpExecutor **executor) {
            return aclnnInplaceAddGetWorkspaceSize(selfRef, other, alpha, workspaceSize, executor);
        },
        aclnnInplaceAdd);
}

inline aclnnStatus RunInplaceAdds(aclTensor *selfRef, aclScalar *other, aclScalar *alpha) {
    return RunPhases(
        [&](uint64_t *workspaceSize, aclOpExecutor **executor) {
            return aclnnInplaceAddsGetWorkspaceSize(selfRef, other, alpha, workspaceSize, executor);
        },
        aclnnInplaceAdds);
}

// out's storage as the reference leaves it: self + alpha * other (computed in `promoted`) written into
// out's view, every other element as out's host copy holds it.
inline std::vector<unsigned char> ExpectedAdd(DeviceTensor &self, DeviceTensor &other, const HostScalar &alpha,
                                              aclDataType promoted, DeviceTensor &out) {
    std::vector<unsigned char> expected = out.host();
    RefAdd({&self.spec(), self.host().data(), {}}, {&other.spec(), other.host().data(), {}}, alpha, promoted,
           out.spec(), expected);
    return expected;
}

// Runs aclnnAdd on device tensors and checks out's whole storage against the reference (elements
// outside out's view must be untouched).
inline bool CheckAdd(DeviceTensor &self, DeviceTensor &other, const HostScalar &alpha, DeviceTensor &out,
                     aclDataType promoted, const std::string &what) {
    ScalarHandle alphaHandle(alpha);
    const std::vector<unsigned char> expected = ExpectedAdd(self, other, alpha, promoted, out);
    const aclnnStatus status = RunAdd(self, other, alphaHandle, out);
    if (status != 0) {
        std::fprintf(stderr, "  %s: status %d: %s\n", what.c_str(), status, aclGetRecentErrMsg());
        return false;
    }
    return SameStorage(out.spec().type, out.Download(), expected, what);
}

} // namespace nntest

// TEST_MAIN, then the ACL session is finalised while the runtime is still intact.
// The program left no tensors, scalars or executors alive: its last test case calls this once every
// helper has released what it made (only live DeviceTensors would count).
inline void ExpectNoOperatorObjectsLeft() {
    CHECK_EQ(aclsimLiveObjects(ACLSIM_OBJ_TENSOR), 0u);
    CHECK_EQ(aclsimLiveObjects(ACLSIM_OBJ_SCALAR), 0u);
    CHECK_EQ(aclsimLiveObjects(ACLSIM_OBJ_EXECUTOR), 0u);
}

#define NN_TEST_MAIN()                                      \
    int main(int argc, char **argv) {                       \
        const int status = testsupport::runAll(argc, argv); \
        nntest::SessionSlot().reset();                      \
        return status;                                      \
    }

#endif
