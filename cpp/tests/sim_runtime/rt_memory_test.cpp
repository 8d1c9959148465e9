// Memory: allocation and free argument checks, copy/memset parameter order, device-range bounds and
// direction checks (nothing written on refusal), async H2H, pageable async copies, aclrtMemcpy2d.
#include "rt_test_util.h"

namespace {

constexpr size_t kBytes = 256;

std::vector<unsigned char> Pattern(size_t n, unsigned char seed) {
    std::vector<unsigned char> v(n);
    for (size_t i = 0; i < n; ++i) {
        v[i] = static_cast<unsigned char>(seed + i * 7);
    }
    return v;
}

} // namespace

TEST_CASE("aclrtMalloc / aclrtMallocHost: NULL out or size 0 -> 100000; results are 64-byte aligned") {
    rt::LeakCheck leaks;
    void *p = nullptr;
    CHECK_EQ(aclrtMalloc(nullptr, 64, ACL_MEM_MALLOC_HUGE_FIRST), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtMalloc(&p, 0, ACL_MEM_MALLOC_HUGE_FIRST), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtMallocHost(nullptr, 64), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtMallocHost(&p, 0), ACL_ERROR_INVALID_PARAM);
    VERIFY_NO_LEAKS(leaks);

    const size_t sizes[] = {1, 31, 64, 1000, 1 << 20, (1 << 21) + 3};
    for (size_t size : sizes) {
        void *device = nullptr;
        void *host = nullptr;
        CHECK_EQ(aclrtMalloc(&device, size, ACL_MEM_MALLOC_HUGE_FIRST), ACL_SUCCESS);
        CHECK_EQ(aclrtMallocHost(&host, size), ACL_SUCCESS);
        CHECK(device != nullptr && host != nullptr);
        CHECK_EQ(reinterpret_cast<uintptr_t>(device) % 64, 0u);
        CHECK_EQ(reinterpret_cast<uintptr_t>(host) % 64, 0u);
        // The whole requested size is usable.
        CHECK_EQ(aclrtMemset(device, size, 0x7F, size), ACL_SUCCESS);
        std::memset(host, 0, size);
        CHECK_EQ(aclrtMemcpy(host, size, device, size, ACL_MEMCPY_DEVICE_TO_HOST), ACL_SUCCESS);
        CHECK_EQ(static_cast<unsigned char *>(host)[size - 1], 0x7F);
        CHECK_EQ(aclrtFree(device), ACL_SUCCESS);
        CHECK_EQ(aclrtFreeHost(host), ACL_SUCCESS);
    }
    for (int policy : {0, 1, 2}) {
        void *device = nullptr;
        CHECK_EQ(aclrtMalloc(&device, 4096, static_cast<aclrtMemMallocPolicy>(policy)), ACL_SUCCESS);
        CHECK_EQ(aclrtFree(device), ACL_SUCCESS);
    }
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("aclrtFree / aclrtFreeHost: NULL -> 100000, unknown pointer -> 107000") {
    rt::LeakCheck leaks;
    CHECK_EQ(aclrtFree(nullptr), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtFreeHost(nullptr), ACL_ERROR_INVALID_PARAM);
    int onStack = 0;
    CHECK_EQ(aclrtFree(&onStack), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclrtFreeHost(&onStack), ACL_ERROR_RT_PARAM_INVALID);
    std::vector<char> heap(64);
    CHECK_EQ(aclrtFreeHost(heap.data()), ACL_ERROR_RT_PARAM_INVALID);

    void *device = rt::DevAlloc(128);
    float *host = rt::HostAlloc(32);
    REQUIRE(device != nullptr && host != nullptr);
    CHECK_EQ(aclrtFree(host), ACL_ERROR_RT_PARAM_INVALID);        // pinned host is not device memory
    CHECK_EQ(aclrtFreeHost(device), ACL_ERROR_RT_PARAM_INVALID);  // device memory is not pinned host memory
    CHECK_EQ(aclrtFree(static_cast<char *>(device) + 64), ACL_ERROR_RT_PARAM_INVALID);  // not the start
    CHECK_EQ(aclrtFree(device), ACL_SUCCESS);
    CHECK_EQ(aclrtFree(device), ACL_ERROR_RT_PARAM_INVALID);  // double free
    CHECK_EQ(aclrtFreeHost(host), ACL_SUCCESS);
    CHECK_EQ(aclrtFreeHost(host), ACL_ERROR_RT_PARAM_INVALID);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("aclrtMemcpy / aclrtMemcpyAsync: count 0 succeeds before any other check") {
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    auto badKind = static_cast<aclrtMemcpyKind>(99);
    CHECK_EQ(aclrtMemcpy(nullptr, 0, nullptr, 0, badKind), ACL_SUCCESS);
    CHECK_EQ(aclrtMemcpyAsync(nullptr, 0, nullptr, 0, badKind, stream), ACL_SUCCESS);
    int x = 0;
    CHECK_EQ(aclrtMemcpy(&x, 0, &x, 0, ACL_MEMCPY_HOST_TO_DEVICE), ACL_SUCCESS);  // direction not checked
    CHECK_EQ(aclrtMemcpyAsync(&x, 0, &x, 0, ACL_MEMCPY_HOST_TO_HOST, stream), ACL_SUCCESS);

    // Even inside a GLOBAL capture (before the capture-mode check), and nothing is recorded.
    aclrtStream capturing = nullptr;
    REQUIRE(aclrtCreateStream(&capturing) == ACL_SUCCESS);
    CHECK_EQ(aclmdlRICaptureBegin(capturing, rt::kGlobal), ACL_SUCCESS);
    CHECK_EQ(aclrtMemcpy(nullptr, 0, nullptr, 0, badKind), ACL_SUCCESS);
    CHECK_EQ(aclrtMemcpyAsync(nullptr, 0, nullptr, 0, badKind, capturing), ACL_SUCCESS);
    aclmdlRI model = nullptr;
    CHECK_EQ(aclmdlRICaptureEnd(capturing, &model), ACL_SUCCESS);
    CHECK(model != nullptr);
    CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(capturing), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
}

TEST_CASE("aclrtMemcpy / aclrtMemcpyAsync: NULL -> 100000, kind outside 0..7 -> 100000, count > destMax -> 107000") {
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    void *device = rt::DevAlloc(kBytes);
    float *host = rt::HostAlloc(kBytes / sizeof(float));
    REQUIRE(device != nullptr && host != nullptr);
    for (int async = 0; async < 2; ++async) {
        auto copy = [&](void *dst, size_t destMax, const void *src, size_t count, int kind) {
            auto k = static_cast<aclrtMemcpyKind>(kind);
            return async ? aclrtMemcpyAsync(dst, destMax, src, count, k, stream)
                         : aclrtMemcpy(dst, destMax, src, count, k);
        };
        CHECK_EQ(copy(nullptr, kBytes, host, kBytes, ACL_MEMCPY_HOST_TO_DEVICE), ACL_ERROR_INVALID_PARAM);
        CHECK_EQ(copy(device, kBytes, nullptr, kBytes, ACL_MEMCPY_HOST_TO_DEVICE), ACL_ERROR_INVALID_PARAM);
        CHECK_EQ(copy(device, kBytes, host, kBytes, 8), ACL_ERROR_INVALID_PARAM);
        CHECK_EQ(copy(device, kBytes, host, kBytes, -1), ACL_ERROR_INVALID_PARAM);
        CHECK_EQ(copy(device, kBytes, host, kBytes, 1000), ACL_ERROR_INVALID_PARAM);
        CHECK_EQ(copy(device, kBytes / 2, host, kBytes, ACL_MEMCPY_HOST_TO_DEVICE), ACL_ERROR_RT_PARAM_INVALID);
        CHECK_EQ(copy(host, kBytes / 2, device, kBytes, ACL_MEMCPY_DEVICE_TO_HOST), ACL_ERROR_RT_PARAM_INVALID);
    }
    CHECK_EQ(aclrtMemcpyAsync(device, kBytes, host, kBytes, ACL_MEMCPY_HOST_TO_DEVICE, stream), ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    CHECK_EQ(aclrtFree(device), ACL_SUCCESS);
    CHECK_EQ(aclrtFreeHost(host), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("copies: data round trip H2D / D2D / D2H / H2H, interior ranges, DEFAULT kind") {
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    char *a = static_cast<char *>(rt::DevAlloc(kBytes));
    char *b = static_cast<char *>(rt::DevAlloc(kBytes));
    auto *pinned = static_cast<unsigned char *>(static_cast<void *>(rt::HostAlloc(kBytes / sizeof(float))));
    REQUIRE(a != nullptr && b != nullptr && pinned != nullptr);
    auto src = Pattern(kBytes, 3);
    std::vector<unsigned char> back(kBytes, 0);

    CHECK_EQ(aclrtMemcpy(a, kBytes, src.data(), kBytes, ACL_MEMCPY_HOST_TO_DEVICE), ACL_SUCCESS);
    CHECK_EQ(aclrtMemcpy(b, kBytes, a, kBytes, ACL_MEMCPY_DEVICE_TO_DEVICE), ACL_SUCCESS);
    CHECK_EQ(aclrtMemcpy(back.data(), kBytes, b, kBytes, ACL_MEMCPY_DEVICE_TO_HOST), ACL_SUCCESS);
    CHECK(back == src);

    // Interior ranges of one allocation are fine.
    CHECK_EQ(aclrtMemset(b, kBytes, 0, kBytes), ACL_SUCCESS);
    CHECK_EQ(aclrtMemcpy(b + 64, kBytes - 64, a + 32, 128, ACL_MEMCPY_DEVICE_TO_DEVICE), ACL_SUCCESS);
    auto bytes = rt::ReadBytes(b, kBytes);
    CHECK(std::equal(bytes.begin() + 64, bytes.begin() + 192, src.begin() + 32));
    CHECK_EQ(bytes[63], 0);
    CHECK_EQ(bytes[192], 0);

    // Async through pinned memory.
    std::memset(pinned, 0, kBytes);
    CHECK_EQ(aclrtMemcpyAsync(pinned, kBytes, a, kBytes, ACL_MEMCPY_DEVICE_TO_HOST, stream), ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
    CHECK(std::equal(pinned, pinned + kBytes, src.begin()));

    // Synchronous H2H works (pageable and pinned).
    std::vector<unsigned char> h2h(kBytes, 0);
    CHECK_EQ(aclrtMemcpy(h2h.data(), kBytes, pinned, kBytes, ACL_MEMCPY_HOST_TO_HOST), ACL_SUCCESS);
    CHECK(h2h == src);

    // DEFAULT: direction inferred from the pointers.
    auto src2 = Pattern(kBytes, 99);
    CHECK_EQ(aclrtMemcpy(a, kBytes, src2.data(), kBytes, ACL_MEMCPY_DEFAULT), ACL_SUCCESS);
    CHECK(rt::ReadBytes(a, kBytes) == src2);

    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    CHECK_EQ(aclrtFree(a), ACL_SUCCESS);
    CHECK_EQ(aclrtFree(b), ACL_SUCCESS);
    CHECK_EQ(aclrtFreeHost(pinned), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("copies: a device range outside one live allocation -> 107000, nothing written") {
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    char *a = static_cast<char *>(rt::DevAlloc(kBytes));
    char *b = static_cast<char *>(rt::DevAlloc(kBytes));
    char *freed = static_cast<char *>(rt::DevAlloc(kBytes));
    REQUIRE(a != nullptr && b != nullptr && freed != nullptr);
    CHECK_EQ(aclrtFree(freed), ACL_SUCCESS);
    auto src = Pattern(2 * kBytes, 5);
    CHECK_EQ(aclrtMemset(a, kBytes, 0x11, kBytes), ACL_SUCCESS);
    CHECK_EQ(aclrtMemset(b, kBytes, 0x22, kBytes), ACL_SUCCESS);

    for (int async = 0; async < 2; ++async) {
        auto copy = [&](void *dst, size_t destMax, const void *s, size_t count, aclrtMemcpyKind kind) {
            aclError rc = async ? aclrtMemcpyAsync(dst, destMax, s, count, kind, stream)
                                : aclrtMemcpy(dst, destMax, s, count, kind);
            if (async) {
                aclrtSynchronizeStream(stream);
            }
            return rc;
        };
        // H2D running past the end of `a`.
        CHECK_EQ(copy(a + kBytes - 16, 64, src.data(), 64, ACL_MEMCPY_HOST_TO_DEVICE), ACL_ERROR_RT_PARAM_INVALID);
        CHECK_EQ(copy(a, 2 * kBytes, src.data(), 2 * kBytes, ACL_MEMCPY_HOST_TO_DEVICE), ACL_ERROR_RT_PARAM_INVALID);
        // H2D into freed memory.
        CHECK_EQ(copy(freed, kBytes, src.data(), kBytes, ACL_MEMCPY_HOST_TO_DEVICE), ACL_ERROR_RT_PARAM_INVALID);
        // D2H reading past the end, or from freed memory.
        std::vector<unsigned char> host(2 * kBytes, 0xCC);
        CHECK_EQ(copy(host.data(), 2 * kBytes, b + 8, kBytes, ACL_MEMCPY_DEVICE_TO_HOST), ACL_ERROR_RT_PARAM_INVALID);
        CHECK_EQ(copy(host.data(), 2 * kBytes, freed, 16, ACL_MEMCPY_DEVICE_TO_HOST), ACL_ERROR_RT_PARAM_INVALID);
        CHECK(rt::AllBytes(host, 0xCC));
        // D2D with either side overrunning.
        CHECK_EQ(copy(a, kBytes, b + 1, kBytes, ACL_MEMCPY_DEVICE_TO_DEVICE), ACL_ERROR_RT_PARAM_INVALID);
        CHECK_EQ(copy(a + 1, kBytes, b, kBytes, ACL_MEMCPY_DEVICE_TO_DEVICE), ACL_ERROR_RT_PARAM_INVALID);
        CHECK_EQ(copy(a, kBytes, freed, 16, ACL_MEMCPY_DEVICE_TO_DEVICE), ACL_ERROR_RT_PARAM_INVALID);
        CHECK(rt::AllBytes(rt::ReadBytes(a, kBytes), 0x11));
        CHECK(rt::AllBytes(rt::ReadBytes(b, kBytes), 0x22));
    }
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    CHECK_EQ(aclrtFree(a), ACL_SUCCESS);
    CHECK_EQ(aclrtFree(b), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("copies: a direction contradicting the pointers -> 107000, nothing written") {
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    void *device = rt::DevAlloc(kBytes);
    auto *pinned = static_cast<unsigned char *>(static_cast<void *>(rt::HostAlloc(kBytes / sizeof(float))));
    REQUIRE(device != nullptr && pinned != nullptr);
    std::vector<unsigned char> pageable(kBytes, 0x44);
    std::memset(pinned, 0x55, kBytes);
    CHECK_EQ(aclrtMemset(device, kBytes, 0x66, kBytes), ACL_SUCCESS);
    auto src = Pattern(kBytes, 1);

    for (int async = 0; async < 2; ++async) {
        auto copy = [&](void *dst, const void *s, aclrtMemcpyKind kind) {
            aclError rc = async ? aclrtMemcpyAsync(dst, kBytes, s, kBytes, kind, stream)
                                : aclrtMemcpy(dst, kBytes, s, kBytes, kind);
            if (async) {
                aclrtSynchronizeStream(stream);
            }
            return rc;
        };
        // H2D whose dst is not device memory.
        CHECK_EQ(copy(pinned, src.data(), ACL_MEMCPY_HOST_TO_DEVICE), ACL_ERROR_RT_PARAM_INVALID);
        CHECK_EQ(copy(pageable.data(), src.data(), ACL_MEMCPY_HOST_TO_DEVICE), ACL_ERROR_RT_PARAM_INVALID);
        // D2H whose src is not device memory.
        CHECK_EQ(copy(pinned, src.data(), ACL_MEMCPY_DEVICE_TO_HOST), ACL_ERROR_RT_PARAM_INVALID);
        CHECK_EQ(copy(pageable.data(), pinned, ACL_MEMCPY_DEVICE_TO_HOST), ACL_ERROR_RT_PARAM_INVALID);
        // D2D with a host side.
        CHECK_EQ(copy(pinned, device, ACL_MEMCPY_DEVICE_TO_DEVICE), ACL_ERROR_RT_PARAM_INVALID);
        CHECK_EQ(copy(device, pinned, ACL_MEMCPY_DEVICE_TO_DEVICE), ACL_ERROR_RT_PARAM_INVALID);
        CHECK(rt::AllBytes(pageable, 0x44));
        CHECK(rt::AllBytes(std::vector<unsigned char>(pinned, pinned + kBytes), 0x55));
        CHECK(rt::AllBytes(rt::ReadBytes(device, kBytes), 0x66));
    }
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    CHECK_EQ(aclrtFree(device), ACL_SUCCESS);
    CHECK_EQ(aclrtFreeHost(pinned), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("aclrtMemcpyAsync host-to-host -> 207000") {
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    float *p1 = rt::HostAlloc(16);
    float *p2 = rt::HostAlloc(16);
    REQUIRE(p1 != nullptr && p2 != nullptr);
    std::vector<float> pageable(16, 1.0f);
    for (int i = 0; i < 16; ++i) {
        p1[i] = 3.0f;
        p2[i] = 4.0f;
    }
    CHECK_EQ(aclrtMemcpyAsync(p2, 64, p1, 64, ACL_MEMCPY_HOST_TO_HOST, stream), ACL_ERROR_RT_FEATURE_NOT_SUPPORT);
    CHECK_EQ(aclrtMemcpyAsync(pageable.data(), 64, p1, 64, ACL_MEMCPY_HOST_TO_HOST, stream),
             ACL_ERROR_RT_FEATURE_NOT_SUPPORT);
    CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
    CHECK(rt::AllEqual(p2, 16, 4.0f));
    CHECK(rt::AllEqual(pageable, 1.0f));
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    CHECK_EQ(aclrtFreeHost(p1), ACL_SUCCESS);
    CHECK_EQ(aclrtFreeHost(p2), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("aclrtMemcpyAsync with pageable host memory (no capture) completes before it returns, after prior work") {
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    void *device = rt::DevAlloc(kBytes);
    REQUIRE(device != nullptr);
    rt::SleepThenFlag slow;
    slow.ms = 30;
    CHECK_EQ(aclrtLaunchHostFunc(stream, rt::SleepThenFlagHostFunc, &slow), ACL_SUCCESS);
    CHECK_EQ(aclrtMemsetAsync(device, kBytes, 0x3C, kBytes, stream), ACL_SUCCESS);
    std::vector<unsigned char> pageable(kBytes, 0);
    CHECK_EQ(aclrtMemcpyAsync(pageable.data(), kBytes, device, kBytes, ACL_MEMCPY_DEVICE_TO_HOST, stream),
             ACL_SUCCESS);
    CHECK(rt::AllBytes(pageable, 0x3C));  // no synchronisation needed
    CHECK_EQ(slow.done.load(), 1);
    auto src = Pattern(kBytes, 17);
    CHECK_EQ(aclrtMemcpyAsync(device, kBytes, src.data(), kBytes, ACL_MEMCPY_HOST_TO_DEVICE, stream), ACL_SUCCESS);
    src.assign(kBytes, 0);  // the copy already took place
    CHECK(rt::ReadBytes(device, kBytes) == Pattern(kBytes, 17));
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    CHECK_EQ(aclrtFree(device), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("aclrtMemset / aclrtMemsetAsync: count 0 -> success, NULL -> 100000, count > maxCount -> 107000") {
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    char *device = static_cast<char *>(rt::DevAlloc(kBytes));
    REQUIRE(device != nullptr);
    CHECK_EQ(aclrtMemset(device, kBytes, 0x01, kBytes), ACL_SUCCESS);

    CHECK_EQ(aclrtMemset(device, kBytes, 0x7E, 0), ACL_SUCCESS);
    CHECK_EQ(aclrtMemsetAsync(device, kBytes, 0x7E, 0, stream), ACL_SUCCESS);
    CHECK_EQ(aclrtMemset(nullptr, kBytes, 0x7E, kBytes), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtMemsetAsync(nullptr, kBytes, 0x7E, kBytes, stream), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtMemset(device, 16, 0x7E, 17), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclrtMemsetAsync(device, 16, 0x7E, 17, stream), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
    CHECK(rt::AllBytes(rt::ReadBytes(device, kBytes), 0x01));

    // Partial memsets write exactly `count` bytes; the value is taken modulo 256.
    CHECK_EQ(aclrtMemset(device + 16, kBytes - 16, 0x0102, 32), ACL_SUCCESS);
    CHECK_EQ(aclrtMemsetAsync(device + 100, kBytes - 100, 0xAB, 10, stream), ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
    auto bytes = rt::ReadBytes(device, kBytes);
    for (size_t i = 0; i < kBytes; ++i) {
        unsigned char want = 0x01;
        if (i >= 16 && i < 48) want = 0x02;
        if (i >= 100 && i < 110) want = 0xAB;
        if (bytes[i] != want) {
            CHECK_EQ(static_cast<int>(bytes[i]), static_cast<int>(want));
            break;
        }
    }
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    CHECK_EQ(aclrtFree(device), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("aclrtMemcpy2d: pitched H2D and D2H; other kinds and width > pitch -> 107000") {
    rt::LeakCheck leaks;
    constexpr size_t kWidth = 12;
    constexpr size_t kHeight = 5;
    constexpr size_t kHostPitch = 20;
    constexpr size_t kDevPitch = 16;
    char *device = static_cast<char *>(rt::DevAlloc(kDevPitch * kHeight));
    REQUIRE(device != nullptr);
    CHECK_EQ(aclrtMemset(device, kDevPitch * kHeight, 0, kDevPitch * kHeight), ACL_SUCCESS);
    auto host = Pattern(kHostPitch * kHeight, 40);

    CHECK_EQ(aclrtMemcpy2d(device, kDevPitch, host.data(), kHostPitch, kWidth, kHeight, ACL_MEMCPY_HOST_TO_DEVICE),
             ACL_SUCCESS);
    auto bytes = rt::ReadBytes(device, kDevPitch * kHeight);
    bool rowsOk = true;
    for (size_t r = 0; r < kHeight; ++r) {
        for (size_t c = 0; c < kDevPitch; ++c) {
            unsigned char want = c < kWidth ? host[r * kHostPitch + c] : 0;
            rowsOk = rowsOk && bytes[r * kDevPitch + c] == want;
        }
    }
    CHECK(rowsOk);

    std::vector<unsigned char> back(kHostPitch * kHeight, 0xFF);
    CHECK_EQ(aclrtMemcpy2d(back.data(), kHostPitch, device, kDevPitch, kWidth, kHeight, ACL_MEMCPY_DEVICE_TO_HOST),
             ACL_SUCCESS);
    rowsOk = true;
    for (size_t r = 0; r < kHeight; ++r) {
        for (size_t c = 0; c < kHostPitch; ++c) {
            unsigned char want = c < kWidth ? host[r * kHostPitch + c] : 0xFF;
            rowsOk = rowsOk && back[r * kHostPitch + c] == want;
        }
    }
    CHECK(rowsOk);

    char *device2 = static_cast<char *>(rt::DevAlloc(kDevPitch * kHeight));
    REQUIRE(device2 != nullptr);
    CHECK_EQ(aclrtMemcpy2d(device2, kDevPitch, device, kDevPitch, kWidth, kHeight, ACL_MEMCPY_DEVICE_TO_DEVICE),
             ACL_ERROR_RT_PARAM_INVALID);
    std::vector<unsigned char> other(kHostPitch * kHeight, 0);
    CHECK_EQ(aclrtMemcpy2d(other.data(), kHostPitch, host.data(), kHostPitch, kWidth, kHeight,
                           ACL_MEMCPY_HOST_TO_HOST),
             ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclrtMemcpy2d(device, kDevPitch, host.data(), kHostPitch, kWidth, kHeight, ACL_MEMCPY_DEFAULT),
             ACL_ERROR_RT_PARAM_INVALID);
    // width > spitch / width > dpitch.
    CHECK_EQ(aclrtMemcpy2d(device, kDevPitch, host.data(), 8, kWidth, kHeight, ACL_MEMCPY_HOST_TO_DEVICE),
             ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclrtMemcpy2d(device, 8, host.data(), kHostPitch, kWidth, kHeight, ACL_MEMCPY_HOST_TO_DEVICE),
             ACL_ERROR_RT_PARAM_INVALID);
    // Device rows running past the allocation.
    CHECK_EQ(aclrtMemcpy2d(device, kDevPitch, host.data(), kHostPitch, kWidth, kHeight + 1,
                           ACL_MEMCPY_HOST_TO_DEVICE),
             ACL_ERROR_RT_PARAM_INVALID);
    CHECK(rt::ReadBytes(device, kDevPitch * kHeight) == bytes);
    CHECK_EQ(aclrtMemcpy2d(nullptr, kDevPitch, host.data(), kHostPitch, kWidth, kHeight, ACL_MEMCPY_HOST_TO_DEVICE),
             ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtFree(device), ACL_SUCCESS);
    CHECK_EQ(aclrtFree(device2), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("work whose memory is freed before it runs fails at synchronisation (no crash); streams recover") {
    rt::LeakCheck leaks;
    aclrtStream stream = nullptr;
    REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
    float *pinned = rt::HostAlloc(64);
    REQUIRE(pinned != nullptr);

    // Eager: a memset and a copy queued behind a gate, their buffer freed before the gate opens.
    void *victim = rt::DevAlloc(kBytes);
    REQUIRE(victim != nullptr);
    rt::Gate gate;
    CHECK_EQ(aclrtLaunchHostFunc(stream, rt::Gate::HostFunc, &gate), ACL_SUCCESS);
    CHECK_EQ(aclrtMemsetAsync(victim, kBytes, 0x12, kBytes, stream), ACL_SUCCESS);
    CHECK_EQ(aclrtMemcpyAsync(pinned, kBytes, victim, kBytes, ACL_MEMCPY_DEVICE_TO_HOST, stream), ACL_SUCCESS);
    CHECK_EQ(aclrtFree(victim), ACL_SUCCESS);
    gate.Open();
    CHECK(aclrtSynchronizeStream(stream) != ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);

    // Eager kernel whose output buffer is freed before it runs.
    constexpr int64_t kN = 64;
    void *a = rt::DevAlloc(kN * sizeof(float));
    void *out = rt::DevAlloc(kN * sizeof(float));
    REQUIRE(a != nullptr && out != nullptr);
    {
        rt::AddCall add;
        REQUIRE(add.Prepare(a, a, out, kN, 1.0f) == OK);
        rt::Gate kernelGate;
        CHECK_EQ(aclrtLaunchHostFunc(stream, rt::Gate::HostFunc, &kernelGate), ACL_SUCCESS);
        CHECK_EQ(add.Launch(stream), OK);
        CHECK_EQ(aclrtFree(out), ACL_SUCCESS);
        kernelGate.Open();
        CHECK(aclrtSynchronizeStream(stream) != ACL_SUCCESS);
        CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
    }

    // Captured: the model's buffer is freed, then the model replays.
    void *captured = rt::DevAlloc(kBytes);
    REQUIRE(captured != nullptr);
    CHECK_EQ(aclmdlRICaptureBegin(stream, ACL_MODEL_RI_CAPTURE_MODE_GLOBAL), ACL_SUCCESS);
    CHECK_EQ(aclrtMemsetAsync(captured, kBytes, 0x34, kBytes, stream), ACL_SUCCESS);
    CHECK_EQ(aclrtMemcpyAsync(pinned, kBytes, captured, kBytes, ACL_MEMCPY_DEVICE_TO_HOST, stream), ACL_SUCCESS);
    aclmdlRI model = nullptr;
    CHECK_EQ(aclmdlRICaptureEnd(stream, &model), ACL_SUCCESS);
    REQUIRE(model != nullptr);
    CHECK_EQ(aclmdlRIExecuteAsync(model, stream), ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
    CHECK_EQ(static_cast<unsigned char *>(static_cast<void *>(pinned))[kBytes - 1], 0x34);
    CHECK_EQ(aclrtFree(captured), ACL_SUCCESS);
    CHECK_EQ(aclmdlRIExecuteAsync(model, stream), ACL_SUCCESS);
    CHECK(aclrtSynchronizeStream(stream) != ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
    CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);

    void *fresh = rt::DevAlloc(kBytes);
    REQUIRE(fresh != nullptr);
    CHECK_EQ(aclrtMemsetAsync(fresh, kBytes, 0x56, kBytes, stream), ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
    CHECK(rt::AllBytes(rt::ReadBytes(fresh, kBytes), 0x56));
    CHECK_EQ(aclrtFree(fresh), ACL_SUCCESS);
    CHECK_EQ(aclrtFree(a), ACL_SUCCESS);
    CHECK_EQ(aclrtFreeHost(pinned), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    VERIFY_NO_LEAKS(leaks);
}

RT_TEST_MAIN()
