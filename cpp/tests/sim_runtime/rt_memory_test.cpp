// Memory: allocation and free argument checks, copy/memset parameter order, device-range bounds and
// direction checks (nothing written on refusal), async H2H, pageable async copies, 2D copies.
#include <algorithm>
#include <cstring>
#include <tuple>

#include "rt_fixtures.h"

namespace {

constexpr size_t kBytes = 256;

std::vector<unsigned char> Pattern(size_t n, unsigned char seed) {
    std::vector<unsigned char> v(n);
    for (size_t i = 0; i < n; ++i) {
        v[i] = static_cast<unsigned char>(seed + i * 7);
    }
    return v;
}

// One copy call of a table: its arguments and the code it must return.
struct CopyRow {
    const char *what;
    void *dst;
    size_t destMax;
    const void *src;
    size_t count;
    int kind;
    aclError expected;
};

// One test's stream, two device buffers and a pinned host buffer of kBytes each.
struct MemoryFixture {
    rt::NoLeaks leaks;
    rt::Stream stream;
    rt::DeviceMemory a{kBytes};
    rt::DeviceMemory b{kBytes};
    rt::HostFloats pinnedFloats{kBytes / sizeof(float)};

    bool ok() const { return stream.ok() && a.ok() && b.ok() && pinnedFloats.ok(); }
    unsigned char *pinned() const { return static_cast<unsigned char *>(pinnedFloats.get()); }

    // Every row through aclrtMemcpy, then through aclrtMemcpyAsync on the stream (synchronised after
    // each call); `after` checks what must hold after each round (nothing written, say).
    template <size_t N, typename After = void (*)()>
    void ExpectCopies(
        const CopyRow (&rows)[N], After after = [] {}) {
        for (int async = 0; async < 2; ++async) {
            for (const CopyRow &row : rows) {
                // (The kind is converted in the call: some rows hold values outside the enumeration.)
                aclError rc = async ? aclrtMemcpyAsync(row.dst, row.destMax, row.src, row.count,
                                                       static_cast<aclrtMemcpyKind>(row.kind), stream)
                                    : aclrtMemcpy(row.dst, row.destMax, row.src, row.count,
                                                  static_cast<aclrtMemcpyKind>(row.kind));
                if (async) {
                    aclrtSynchronizeStream(stream);
                }
                rt::Expect(rc, row.expected,
                           (std::string(async ? "aclrtMemcpyAsync: " : "aclrtMemcpy: ") + row.what).c_str(), __FILE__,
                           __LINE__);
            }
            after();
        }
    }
};

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
    CHECK_EQ(aclrtFree(host), ACL_ERROR_RT_PARAM_INVALID);       // pinned host is not device memory
    CHECK_EQ(aclrtFreeHost(device), ACL_ERROR_RT_PARAM_INVALID); // device memory is not pinned host memory
    CHECK_EQ(aclrtFree(static_cast<char *>(device) + 64), ACL_ERROR_RT_PARAM_INVALID); // not the start
    CHECK_EQ(aclrtFree(device), ACL_SUCCESS);
    CHECK_EQ(aclrtFree(device), ACL_ERROR_RT_PARAM_INVALID); // double free
    CHECK_EQ(aclrtFreeHost(host), ACL_SUCCESS);
    CHECK_EQ(aclrtFreeHost(host), ACL_ERROR_RT_PARAM_INVALID);
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("aclrtMemcpy / aclrtMemcpyAsync: count 0 succeeds before any other check") {
    rt::Stream stream;
    REQUIRE(stream.ok());
    auto badKind = static_cast<aclrtMemcpyKind>(99);
    CHECK_EQ(aclrtMemcpy(nullptr, 0, nullptr, 0, badKind), ACL_SUCCESS);
    CHECK_EQ(aclrtMemcpyAsync(nullptr, 0, nullptr, 0, badKind, stream), ACL_SUCCESS);
    int x = 0;
    CHECK_EQ(aclrtMemcpy(&x, 0, &x, 0, ACL_MEMCPY_HOST_TO_DEVICE), ACL_SUCCESS); // direction not checked
    CHECK_EQ(aclrtMemcpyAsync(&x, 0, &x, 0, ACL_MEMCPY_HOST_TO_HOST, stream), ACL_SUCCESS);

    // Even inside a GLOBAL capture (before the capture-mode check), and nothing is recorded.
    rt::Stream capturing;
    REQUIRE(capturing.ok());
    rt::BeginCapture(capturing);
    CHECK_EQ(aclrtMemcpy(nullptr, 0, nullptr, 0, badKind), ACL_SUCCESS);
    CHECK_EQ(aclrtMemcpyAsync(nullptr, 0, nullptr, 0, badKind, capturing), ACL_SUCCESS);
    CHECK(rt::EndCapture(capturing).ok());
}

TEST_CASE("aclrtMemcpy / aclrtMemcpyAsync: NULL -> 100000, kind outside 0..7 -> 100000, count > destMax -> 107000") {
    MemoryFixture f;
    REQUIRE(f.ok());
    void *device = f.a;
    void *host = f.pinned();
    const CopyRow rows[] = {
        {"NULL dst", nullptr, kBytes, host, kBytes, ACL_MEMCPY_HOST_TO_DEVICE, ACL_ERROR_INVALID_PARAM},
        {"NULL src", device, kBytes, nullptr, kBytes, ACL_MEMCPY_HOST_TO_DEVICE, ACL_ERROR_INVALID_PARAM},
        {"kind 8", device, kBytes, host, kBytes, 8, ACL_ERROR_INVALID_PARAM},
        {"kind -1", device, kBytes, host, kBytes, -1, ACL_ERROR_INVALID_PARAM},
        {"kind 1000", device, kBytes, host, kBytes, 1000, ACL_ERROR_INVALID_PARAM},
        {"H2D count > destMax", device, kBytes / 2, host, kBytes, ACL_MEMCPY_HOST_TO_DEVICE,
         ACL_ERROR_RT_PARAM_INVALID},
        {"D2H count > destMax", host, kBytes / 2, device, kBytes, ACL_MEMCPY_DEVICE_TO_HOST,
         ACL_ERROR_RT_PARAM_INVALID},
    };
    f.ExpectCopies(rows);
    CHECK_EQ(aclrtMemcpyAsync(device, kBytes, host, kBytes, ACL_MEMCPY_HOST_TO_DEVICE, f.stream), ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStream(f.stream), ACL_SUCCESS);
}

TEST_CASE("copies: data round trip H2D / D2D / D2H / H2H, interior ranges, DEFAULT kind") {
    MemoryFixture f;
    REQUIRE(f.ok());
    char *a = f.a.As<char>();
    char *b = f.b.As<char>();
    unsigned char *pinned = f.pinned();
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
    CHECK_EQ(aclrtMemcpyAsync(pinned, kBytes, a, kBytes, ACL_MEMCPY_DEVICE_TO_HOST, f.stream), ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStream(f.stream), ACL_SUCCESS);
    CHECK(std::equal(pinned, pinned + kBytes, src.begin()));

    // Synchronous H2H works (pageable and pinned).
    std::vector<unsigned char> h2h(kBytes, 0);
    CHECK_EQ(aclrtMemcpy(h2h.data(), kBytes, pinned, kBytes, ACL_MEMCPY_HOST_TO_HOST), ACL_SUCCESS);
    CHECK(h2h == src);

    // DEFAULT: direction inferred from the pointers.
    auto src2 = Pattern(kBytes, 99);
    CHECK_EQ(aclrtMemcpy(a, kBytes, src2.data(), kBytes, ACL_MEMCPY_DEFAULT), ACL_SUCCESS);
    CHECK(rt::ReadBytes(a, kBytes) == src2);
}

TEST_CASE("copies: a device range outside one live allocation -> 107000, nothing written") {
    MemoryFixture f;
    REQUIRE(f.ok());
    char *a = f.a.As<char>();
    char *b = f.b.As<char>();
    rt::DeviceMemory freedMemory(kBytes);
    REQUIRE(freedMemory.ok());
    char *freed = static_cast<char *>(freedMemory.Release());
    CHECK_EQ(aclrtFree(freed), ACL_SUCCESS);
    auto src = Pattern(2 * kBytes, 5);
    CHECK_EQ(aclrtMemset(a, kBytes, 0x11, kBytes), ACL_SUCCESS);
    CHECK_EQ(aclrtMemset(b, kBytes, 0x22, kBytes), ACL_SUCCESS);
    std::vector<unsigned char> host(2 * kBytes, 0xCC);
    constexpr aclError kRefused = ACL_ERROR_RT_PARAM_INVALID;
    const CopyRow rows[] = {
        {"H2D past the end", a + kBytes - 16, 64, src.data(), 64, ACL_MEMCPY_HOST_TO_DEVICE, kRefused},
        {"H2D larger than the allocation", a, 2 * kBytes, src.data(), 2 * kBytes, ACL_MEMCPY_HOST_TO_DEVICE, kRefused},
        {"H2D into freed memory", freed, kBytes, src.data(), kBytes, ACL_MEMCPY_HOST_TO_DEVICE, kRefused},
        {"D2H reading past the end", host.data(), 2 * kBytes, b + 8, kBytes, ACL_MEMCPY_DEVICE_TO_HOST, kRefused},
        {"D2H from freed memory", host.data(), 2 * kBytes, freed, 16, ACL_MEMCPY_DEVICE_TO_HOST, kRefused},
        {"D2D source overrunning", a, kBytes, b + 1, kBytes, ACL_MEMCPY_DEVICE_TO_DEVICE, kRefused},
        {"D2D destination overrunning", a + 1, kBytes, b, kBytes, ACL_MEMCPY_DEVICE_TO_DEVICE, kRefused},
        {"D2D from freed memory", a, kBytes, freed, 16, ACL_MEMCPY_DEVICE_TO_DEVICE, kRefused},
    };
    f.ExpectCopies(rows, [&] {
        CHECK(rt::AllBytes(host, 0xCC));
        CHECK(rt::AllBytes(rt::ReadBytes(a, kBytes), 0x11));
        CHECK(rt::AllBytes(rt::ReadBytes(b, kBytes), 0x22));
    });
}

TEST_CASE("copies: a direction contradicting the pointers -> 107000, nothing written") {
    MemoryFixture f;
    REQUIRE(f.ok());
    void *device = f.a;
    unsigned char *pinned = f.pinned();
    std::vector<unsigned char> pageable(kBytes, 0x44);
    std::memset(pinned, 0x55, kBytes);
    CHECK_EQ(aclrtMemset(device, kBytes, 0x66, kBytes), ACL_SUCCESS);
    auto src = Pattern(kBytes, 1);
    constexpr aclError kRefused = ACL_ERROR_RT_PARAM_INVALID;
    const CopyRow rows[] = {
        {"H2D to pinned host memory", pinned, kBytes, src.data(), kBytes, ACL_MEMCPY_HOST_TO_DEVICE, kRefused},
        {"H2D to pageable memory", pageable.data(), kBytes, src.data(), kBytes, ACL_MEMCPY_HOST_TO_DEVICE, kRefused},
        {"D2H from pageable memory", pinned, kBytes, src.data(), kBytes, ACL_MEMCPY_DEVICE_TO_HOST, kRefused},
        {"D2H from pinned memory", pageable.data(), kBytes, pinned, kBytes, ACL_MEMCPY_DEVICE_TO_HOST, kRefused},
        {"D2D to host memory", pinned, kBytes, device, kBytes, ACL_MEMCPY_DEVICE_TO_DEVICE, kRefused},
        {"D2D from host memory", device, kBytes, pinned, kBytes, ACL_MEMCPY_DEVICE_TO_DEVICE, kRefused},
    };
    f.ExpectCopies(rows, [&] {
        CHECK(rt::AllBytes(pageable, 0x44));
        CHECK(rt::AllBytes(std::vector<unsigned char>(pinned, pinned + kBytes), 0x55));
        CHECK(rt::AllBytes(rt::ReadBytes(device, kBytes), 0x66));
    });
}

TEST_CASE("aclrtMemcpyAsync host-to-host -> 207000") {
    rt::NoLeaks leaks;
    rt::Stream stream;
    rt::HostFloats p1(16);
    rt::HostFloats p2(16);
    REQUIRE(stream.ok() && p1.ok() && p2.ok());
    std::vector<float> pageable(16, 1.0f);
    for (size_t i = 0; i < 16; ++i) {
        p1[i] = 3.0f;
        p2[i] = 4.0f;
    }
    for (void *dst : {p2.get(), static_cast<void *>(pageable.data())}) {
        CHECK_EQ(aclrtMemcpyAsync(dst, 64, p1, 64, ACL_MEMCPY_HOST_TO_HOST, stream), ACL_ERROR_RT_FEATURE_NOT_SUPPORT);
    }
    CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
    CHECK(rt::AllEqual(p2.data(), 16, 4.0f));
    CHECK(rt::AllEqual(pageable, 1.0f));
}

TEST_CASE("aclrtMemcpyAsync with pageable host memory (no capture) completes before it returns, after prior work") {
    MemoryFixture f;
    REQUIRE(f.ok());
    void *device = f.a;
    rt::SleepThenFlag slow;
    slow.ms = 30;
    CHECK_EQ(aclrtLaunchHostFunc(f.stream, rt::SleepThenFlagHostFunc, &slow), ACL_SUCCESS);
    CHECK_EQ(aclrtMemsetAsync(device, kBytes, 0x3C, kBytes, f.stream), ACL_SUCCESS);
    std::vector<unsigned char> pageable(kBytes, 0);
    CHECK_EQ(aclrtMemcpyAsync(pageable.data(), kBytes, device, kBytes, ACL_MEMCPY_DEVICE_TO_HOST, f.stream),
             ACL_SUCCESS);
    CHECK(rt::AllBytes(pageable, 0x3C)); // no synchronisation needed
    CHECK_EQ(slow.done.load(), 1);
    auto src = Pattern(kBytes, 17);
    CHECK_EQ(aclrtMemcpyAsync(device, kBytes, src.data(), kBytes, ACL_MEMCPY_HOST_TO_DEVICE, f.stream), ACL_SUCCESS);
    src.assign(kBytes, 0); // the copy already took place
    CHECK(rt::ReadBytes(device, kBytes) == Pattern(kBytes, 17));
}

TEST_CASE("aclrtMemset / aclrtMemsetAsync: count 0 -> success, NULL -> 100000, count > maxCount -> 107000") {
    MemoryFixture f;
    REQUIRE(f.ok());
    aclrtStream stream = f.stream;
    char *device = f.a.As<char>();
    CHECK_EQ(aclrtMemset(device, kBytes, 0x01, kBytes), ACL_SUCCESS);

    // Each refused or empty memset, synchronous and on the stream.
    const std::tuple<void *, size_t, size_t, aclError> memsets[] = {
        {device, kBytes, 0, ACL_SUCCESS},
        {nullptr, kBytes, kBytes, ACL_ERROR_INVALID_PARAM},
        {device, 16, 17, ACL_ERROR_RT_PARAM_INVALID},
    };
    for (const auto &m : memsets) {
        CHECK_EQ(aclrtMemset(std::get<0>(m), std::get<1>(m), 0x7E, std::get<2>(m)), std::get<3>(m));
        CHECK_EQ(aclrtMemsetAsync(std::get<0>(m), std::get<1>(m), 0x7E, std::get<2>(m), stream), std::get<3>(m));
    }
    CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
    CHECK(rt::AllBytes(rt::ReadBytes(device, kBytes), 0x01));

    // Partial memsets write exactly `count` bytes; the value is taken modulo 256.
    CHECK_EQ(aclrtMemset(device + 16, kBytes - 16, 0x0102, 32), ACL_SUCCESS);
    CHECK_EQ(aclrtMemsetAsync(device + 100, kBytes - 100, 0xAB, 10, stream), ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
    auto bytes = rt::ReadBytes(device, kBytes);
    for (size_t i = 0; i < kBytes; ++i) {
        unsigned char want = 0x01;
        if (i >= 16 && i < 48)
            want = 0x02;
        if (i >= 100 && i < 110)
            want = 0xAB;
        if (bytes[i] != want) {
            CHECK_EQ(static_cast<int>(bytes[i]), static_cast<int>(want));
            break;
        }
    }
}

// Rows of a pitched image: `height` rows of `width` bytes, a host pattern at kHostPitch and device
// memory at kDevPitch, and what a copy of them must leave.
struct Pitched {
    static constexpr size_t kWidth = 12;
    static constexpr size_t kHeight = 5;
    static constexpr size_t kHostPitch = 20;
    static constexpr size_t kDevPitch = 16;
    rt::DeviceMemory device{kDevPitch * kHeight};
    rt::DeviceMemory device2{kDevPitch * kHeight};
    std::vector<unsigned char> host = Pattern(kHostPitch * kHeight, 40);

    bool ok() const { return device.ok() && device2.ok(); }
    // Rows of kWidth bytes at `pitch` in `got` equal the host rows; the rest of each row is `pad`.
    bool RowsCopied(const std::vector<unsigned char> &got, size_t pitch, unsigned char pad) const {
        bool rowsOk = true;
        for (size_t r = 0; r < kHeight; ++r) {
            for (size_t c = 0; c < pitch; ++c) {
                unsigned char want = c < kWidth ? host[r * kHostPitch + c] : pad;
                rowsOk = rowsOk && got[r * pitch + c] == want;
            }
        }
        return rowsOk;
    }
};

// One refused 2D copy: its arguments and the code each form returns.
struct Refused2d {
    const char *what;
    void *dst;
    size_t dpitch;
    const void *src;
    size_t spitch;
    size_t width;
    size_t height;
    int kind;
    aclError sync;
    aclError async;
};

TEST_CASE("aclrtMemcpy2d and aclrtMemcpy2dAsync: pitched rows both ways, DEFAULT by the pointers, CANN's codes") {
    rt::NoLeaks leaks;
    using P = Pitched;
    Pitched p;
    rt::Stream stream;
    REQUIRE(p.ok() && stream.ok());
    void *device = p.device;
    for (int async = 0; async < 2; ++async) {
        for (aclrtMemcpyKind toDevice : {ACL_MEMCPY_HOST_TO_DEVICE, ACL_MEMCPY_DEFAULT}) {
            CHECK_EQ(aclrtMemset(device, P::kDevPitch * P::kHeight, 0, P::kDevPitch * P::kHeight), ACL_SUCCESS);
            std::vector<unsigned char> back(P::kHostPitch * P::kHeight, 0xFF);
            const aclrtMemcpyKind toHost = toDevice == ACL_MEMCPY_DEFAULT ? toDevice : ACL_MEMCPY_DEVICE_TO_HOST;
            if (async) {
                CHECK_EQ(aclrtMemcpy2dAsync(device, P::kDevPitch, p.host.data(), P::kHostPitch, P::kWidth, P::kHeight,
                                            toDevice, stream),
                         ACL_SUCCESS);
                CHECK_EQ(aclrtMemcpy2dAsync(back.data(), P::kHostPitch, device, P::kDevPitch, P::kWidth, P::kHeight,
                                            toHost, stream),
                         ACL_SUCCESS);
                CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
            } else {
                CHECK_EQ(
                    aclrtMemcpy2d(device, P::kDevPitch, p.host.data(), P::kHostPitch, P::kWidth, P::kHeight, toDevice),
                    ACL_SUCCESS);
                CHECK_EQ(aclrtMemcpy2d(back.data(), P::kHostPitch, device, P::kDevPitch, P::kWidth, P::kHeight, toHost),
                         ACL_SUCCESS);
            }
            CHECK(p.RowsCopied(rt::ReadBytes(device, P::kDevPitch * P::kHeight), P::kDevPitch, 0));
            CHECK(p.RowsCopied(back, P::kHostPitch, 0xFF));
        }
    }
    // Device to device, asynchronously only (from 9.0).
    CHECK_EQ(aclrtMemset(p.device2, P::kDevPitch * P::kHeight, 0xEE, P::kDevPitch * P::kHeight), ACL_SUCCESS);
    CHECK_EQ(aclrtMemcpy2dAsync(p.device2, P::kDevPitch, device, P::kDevPitch, P::kWidth, P::kHeight,
                                ACL_MEMCPY_DEVICE_TO_DEVICE, stream),
             ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
    CHECK(p.RowsCopied(rt::ReadBytes(p.device2, P::kDevPitch * P::kHeight), P::kDevPitch, 0xEE));
    // Width or height 0: nothing to do, whatever the rest.
    CHECK_EQ(aclrtMemcpy2d(nullptr, 0, nullptr, 0, 0, P::kHeight, ACL_MEMCPY_HOST_TO_HOST), ACL_SUCCESS);
    CHECK_EQ(aclrtMemcpy2dAsync(nullptr, 0, nullptr, 0, P::kWidth, 0, ACL_MEMCPY_HOST_TO_HOST, stream), ACL_SUCCESS);

    const auto before = rt::ReadBytes(device, P::kDevPitch * P::kHeight);
    std::vector<unsigned char> other(P::kHostPitch * P::kHeight, 0);
    void *host = p.host.data();
    const Refused2d refused[] = {
        // ACL's own checks (CheckMemcpy2dParam): 100000.
        {"dst NULL", nullptr, P::kDevPitch, host, P::kHostPitch, P::kWidth, P::kHeight, ACL_MEMCPY_HOST_TO_DEVICE,
         ACL_ERROR_INVALID_PARAM, ACL_ERROR_INVALID_PARAM},
        {"width > spitch", device, P::kDevPitch, host, 8, P::kWidth, P::kHeight, ACL_MEMCPY_HOST_TO_DEVICE,
         ACL_ERROR_INVALID_PARAM, ACL_ERROR_INVALID_PARAM},
        {"width > dpitch", device, 8, host, P::kHostPitch, P::kWidth, P::kHeight, ACL_MEMCPY_HOST_TO_DEVICE,
         ACL_ERROR_INVALID_PARAM, ACL_ERROR_INVALID_PARAM},
        {"H2H", other.data(), P::kHostPitch, host, P::kHostPitch, P::kWidth, P::kHeight, ACL_MEMCPY_HOST_TO_HOST,
         ACL_ERROR_INVALID_PARAM, ACL_ERROR_INVALID_PARAM},
        {"kind out of the enumeration", device, P::kDevPitch, host, P::kHostPitch, P::kWidth, P::kHeight, 99,
         ACL_ERROR_INVALID_PARAM, ACL_ERROR_INVALID_PARAM},
        // The runtime's: its bounds, the pointers' direction (107000); D2D synchronously (207000).
        {"D2D", p.device2, P::kDevPitch, device, P::kDevPitch, P::kWidth, P::kHeight, ACL_MEMCPY_DEVICE_TO_DEVICE,
         ACL_ERROR_RT_FEATURE_NOT_SUPPORT, ACL_SUCCESS},
        {"height above 5 Mi rows", device, P::kDevPitch, host, P::kHostPitch, P::kWidth, 5242881,
         ACL_MEMCPY_HOST_TO_DEVICE, ACL_ERROR_RT_PARAM_INVALID, ACL_ERROR_RT_PARAM_INVALID},
        {"width above 5,000,000 bytes", device, 5000001, host, 5000001, 5000001, 1, ACL_MEMCPY_HOST_TO_DEVICE,
         ACL_ERROR_RT_PARAM_INVALID, ACL_ERROR_RT_PARAM_INVALID},
        {"device rows past the allocation", device, P::kDevPitch, host, P::kHostPitch, P::kWidth, P::kHeight + 1,
         ACL_MEMCPY_HOST_TO_DEVICE, ACL_ERROR_RT_PARAM_INVALID, ACL_ERROR_RT_PARAM_INVALID},
        {"H2D into host memory", other.data(), P::kHostPitch, host, P::kHostPitch, P::kWidth, P::kHeight,
         ACL_MEMCPY_HOST_TO_DEVICE, ACL_ERROR_RT_PARAM_INVALID, ACL_ERROR_RT_PARAM_INVALID},
        {"DEFAULT between host buffers", other.data(), P::kHostPitch, host, P::kHostPitch, P::kWidth, P::kHeight,
         ACL_MEMCPY_DEFAULT, ACL_ERROR_RT_PARAM_INVALID, ACL_ERROR_RT_PARAM_INVALID},
        {"DEFAULT between device buffers", p.device2, P::kDevPitch, device, P::kDevPitch, P::kWidth, P::kHeight,
         ACL_MEMCPY_DEFAULT, ACL_ERROR_RT_PARAM_INVALID, ACL_SUCCESS},
    };
    for (const Refused2d &r : refused) {
        const auto kind = static_cast<aclrtMemcpyKind>(r.kind); // (99 is outside the enumeration)
        rt::Expect(aclrtMemcpy2d(r.dst, r.dpitch, r.src, r.spitch, r.width, r.height, kind), r.sync, r.what, __FILE__,
                   __LINE__);
        rt::Expect(aclrtMemcpy2dAsync(r.dst, r.dpitch, r.src, r.spitch, r.width, r.height, kind, stream), r.async,
                   r.what, __FILE__, __LINE__);
        CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
    }
    CHECK(rt::ReadBytes(device, P::kDevPitch * P::kHeight) == before);
    rt::Expect(aclrtMemcpy2dAsync(p.device2, P::kDevPitch, host, P::kHostPitch, P::kWidth, P::kHeight,
                                  ACL_MEMCPY_HOST_TO_DEVICE, reinterpret_cast<aclrtStream>(&other)),
               ACL_ERROR_RT_INVALID_HANDLE, "a stream that is not one", __FILE__, __LINE__);
    // 8.5: no D2D at all (ACL refuses it: 100000; DEFAULT between device buffers: 107000).
    const uint32_t release = aclsimGetCannRelease();
    REQUIRE(aclsimSetCannRelease(805) == ACL_SUCCESS);
    CHECK_EQ(aclrtMemcpy2dAsync(p.device2, P::kDevPitch, device, P::kDevPitch, P::kWidth, P::kHeight,
                                ACL_MEMCPY_DEVICE_TO_DEVICE, stream),
             ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtMemcpy2dAsync(p.device2, P::kDevPitch, device, P::kDevPitch, P::kWidth, P::kHeight,
                                ACL_MEMCPY_DEFAULT, stream),
             ACL_ERROR_RT_PARAM_INVALID);
    REQUIRE(aclsimSetCannRelease(release) == ACL_SUCCESS);
}

TEST_CASE("aclrtMemcpy2dAsync captured: each replay copies the rows anew; pageable memory cannot be captured") {
    rt::NoLeaks leaks;
    using P = Pitched;
    Pitched p;
    rt::Stream stream;
    rt::HostFloats pinnedFloats{P::kHostPitch * P::kHeight / sizeof(float)};
    REQUIRE(p.ok() && stream.ok() && pinnedFloats.ok());
    auto *pinned = static_cast<unsigned char *>(pinnedFloats.get());
    std::vector<unsigned char> pageable(P::kHostPitch * P::kHeight, 0);
    CHECK_EQ(aclrtMemset(p.device, P::kDevPitch * P::kHeight, 0, P::kDevPitch * P::kHeight), ACL_SUCCESS);
    rt::BeginCapture(stream);
    CHECK_EQ(aclrtMemcpy2dAsync(p.device, P::kDevPitch, pinned, P::kHostPitch, P::kWidth, P::kHeight,
                                ACL_MEMCPY_HOST_TO_DEVICE, stream),
             ACL_SUCCESS);
    rt::Expect(aclrtMemcpy2dAsync(p.device2, P::kDevPitch, pageable.data(), P::kHostPitch, P::kWidth, P::kHeight,
                                  ACL_MEMCPY_HOST_TO_DEVICE, stream),
               ACL_ERROR_RT_PARAM_INVALID, "pageable memory in a capture", __FILE__, __LINE__);
    rt::Model model = rt::EndCapture(stream);
    CHECK(rt::ReadBytes(p.device, P::kDevPitch * P::kHeight) == std::vector<unsigned char>(P::kDevPitch * P::kHeight));
    for (unsigned char seed : {40, 41}) {
        std::memcpy(pinned, Pattern(P::kHostPitch * P::kHeight, seed).data(), P::kHostPitch * P::kHeight);
        p.host = Pattern(P::kHostPitch * P::kHeight, seed);
        rt::Replay(model, stream);
        CHECK(p.RowsCopied(rt::ReadBytes(p.device, P::kDevPitch * P::kHeight), P::kDevPitch, 0));
    }
    // Outside a capture a pageable copy is made synchronously.
    p.host = Pattern(P::kHostPitch * P::kHeight, 40);
    CHECK_EQ(aclrtMemcpy2dAsync(p.device2, P::kDevPitch, p.host.data(), P::kHostPitch, P::kWidth, P::kHeight,
                                ACL_MEMCPY_HOST_TO_DEVICE, stream),
             ACL_SUCCESS);
    std::vector<unsigned char> rows = rt::ReadBytes(p.device2, P::kDevPitch * P::kHeight);
    for (size_t r = 0; r < P::kHeight; ++r) {
        CHECK(std::equal(rows.begin() + r * P::kDevPitch, rows.begin() + r * P::kDevPitch + P::kWidth,
                         p.host.begin() + r * P::kHostPitch));
    }
}

TEST_CASE("aclrtPointerGetAttributes: device memory with its device, pinned host memory, the rest unregistered") {
    rt::NoLeaks leaks;
    rt::DeviceMemory device(kBytes);
    rt::HostFloats pinned(kBytes / sizeof(float));
    REQUIRE(device.ok() && pinned.ok());
    struct Where {
        const char *what;
        const void *ptr;
        aclrtMemLocationType type;
        uint32_t id;
    };
    std::vector<unsigned char> ordinary(16);
    const Where places[] = {
        {"device memory", device.As<char>(), ACL_MEM_LOCATION_TYPE_DEVICE, 0},
        {"inside device memory", device.As<char>() + kBytes - 1, ACL_MEM_LOCATION_TYPE_DEVICE, 0},
        {"pinned host memory", pinned.data() + 3, ACL_MEM_LOCATION_TYPE_HOST, 0},
        {"ordinary host memory", ordinary.data(), ACL_MEM_LOCATION_TYPE_UNREGISTERED, 0},
    };
    for (const Where &place : places) {
        aclrtPtrAttributes attributes;
        std::memset(&attributes, 0xAB, sizeof attributes);
        rt::Expect(aclrtPointerGetAttributes(place.ptr, &attributes), ACL_SUCCESS, place.what, __FILE__, __LINE__);
        rt::Expect(attributes.location.type, place.type, place.what, __FILE__, __LINE__);
        rt::Expect(attributes.location.id, place.id, place.what, __FILE__, __LINE__);
        rt::Expect(attributes.pageSize, 4096, place.what, __FILE__, __LINE__);
    }
    // Memory of device 1 names device 1; once freed, no allocation holds the address.
    aclrtContext context = rt::CurrentContext();
    REQUIRE(aclrtSetDevice(1) == ACL_SUCCESS);
    void *other = nullptr;
    REQUIRE(aclrtMalloc(&other, kBytes, ACL_MEM_MALLOC_HUGE_FIRST) == ACL_SUCCESS);
    aclrtPtrAttributes attributes{};
    CHECK_EQ(aclrtPointerGetAttributes(other, &attributes), ACL_SUCCESS);
    CHECK_EQ(attributes.location.type, ACL_MEM_LOCATION_TYPE_DEVICE);
    CHECK_EQ(attributes.location.id, 1u);
    CHECK_EQ(aclrtFree(other), ACL_SUCCESS);
    CHECK_EQ(aclrtPointerGetAttributes(other, &attributes), ACL_SUCCESS);
    CHECK_EQ(attributes.location.type, ACL_MEM_LOCATION_TYPE_UNREGISTERED);
    CHECK_EQ(aclrtResetDevice(1), ACL_SUCCESS);
    REQUIRE(aclrtSetCurrentContext(context) == ACL_SUCCESS);
    CHECK_EQ(aclrtPointerGetAttributes(nullptr, &attributes), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclrtPointerGetAttributes(device, nullptr), ACL_ERROR_INVALID_PARAM);
}

TEST_CASE("work whose memory is freed before it runs fails at synchronisation (no crash); streams recover") {
    MemoryFixture f;
    REQUIRE(f.ok());
    aclrtStream stream = f.stream;
    unsigned char *pinned = f.pinned();
    // Queues `work` behind a gate, frees `victim` (the memory it uses) and opens the gate: the
    // synchronisation reports the failure once, the next one succeeds.
    auto freeBeforeRun = [&](rt::DeviceMemory &victim, const std::function<void()> &work) {
        rt::Gate gate;
        CHECK_EQ(aclrtLaunchHostFunc(stream, rt::Gate::HostFunc, &gate), ACL_SUCCESS);
        work();
        CHECK_EQ(victim.Destroy(), ACL_SUCCESS);
        gate.Open();
        CHECK(aclrtSynchronizeStream(stream) != ACL_SUCCESS);
        CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
    };

    // Eager: a memset and a copy queued behind a gate, their buffer freed before the gate opens.
    rt::DeviceMemory victim(kBytes);
    REQUIRE(victim.ok());
    freeBeforeRun(victim, [&] {
        CHECK_EQ(aclrtMemsetAsync(victim, kBytes, 0x12, kBytes, stream), ACL_SUCCESS);
        CHECK_EQ(aclrtMemcpyAsync(pinned, kBytes, victim, kBytes, ACL_MEMCPY_DEVICE_TO_HOST, stream), ACL_SUCCESS);
    });

    // Eager kernel whose output buffer is freed before it runs.
    constexpr int64_t kN = 64;
    rt::DeviceMemory a(kN * sizeof(float));
    rt::DeviceMemory out(kN * sizeof(float));
    REQUIRE(a.ok() && out.ok());
    {
        rt::AddCall add;
        REQUIRE(add.Prepare(a, a, out, kN, 1.0f) == OK);
        freeBeforeRun(out, [&] { CHECK_EQ(add.Launch(stream), OK); });
    }

    // Captured: the model's buffer is freed, then the model replays.
    rt::DeviceMemory captured(kBytes);
    REQUIRE(captured.ok());
    rt::Model model = rt::Capture(stream, [&] {
        CHECK_EQ(aclrtMemsetAsync(captured, kBytes, 0x34, kBytes, stream), ACL_SUCCESS);
        CHECK_EQ(aclrtMemcpyAsync(pinned, kBytes, captured, kBytes, ACL_MEMCPY_DEVICE_TO_HOST, stream), ACL_SUCCESS);
    });
    REQUIRE(model.ok());
    rt::Replay(model, stream);
    CHECK_EQ(pinned[kBytes - 1], 0x34);
    CHECK_EQ(captured.Destroy(), ACL_SUCCESS);
    CHECK_EQ(aclmdlRIExecuteAsync(model, stream), ACL_SUCCESS);
    CHECK(aclrtSynchronizeStream(stream) != ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
    CHECK_EQ(model.Destroy(), ACL_SUCCESS);

    rt::DeviceMemory fresh(kBytes);
    REQUIRE(fresh.ok());
    CHECK_EQ(aclrtMemsetAsync(fresh, kBytes, 0x56, kBytes, stream), ACL_SUCCESS);
    CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
    CHECK(rt::AllBytes(rt::ReadBytes(fresh, kBytes), 0x56));
}

RT_TEST_MAIN()
