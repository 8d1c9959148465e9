// Memory: allocation and free argument checks, copy/memset parameter order, device-range bounds and
// direction checks (nothing written on refusal), async H2H, pageable async copies, aclrtMemcpy2d.
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

TEST_CASE("aclrtMemcpy2d: pitched H2D and D2H; other kinds and width > pitch -> 107000") {
    rt::NoLeaks leaks;
    constexpr size_t kWidth = 12;
    constexpr size_t kHeight = 5;
    constexpr size_t kHostPitch = 20;
    constexpr size_t kDevPitch = 16;
    rt::DeviceMemory deviceMemory(kDevPitch * kHeight);
    rt::DeviceMemory device2(kDevPitch * kHeight);
    REQUIRE(deviceMemory.ok() && device2.ok());
    void *device = deviceMemory;
    CHECK_EQ(aclrtMemset(device, kDevPitch * kHeight, 0, kDevPitch * kHeight), ACL_SUCCESS);
    auto host = Pattern(kHostPitch * kHeight, 40);
    // Rows of `kWidth` bytes at `pitch` in `got` equal the host rows; the rest of each row is `pad`.
    auto rowsCopied = [&](const std::vector<unsigned char> &got, size_t pitch, unsigned char pad) {
        bool rowsOk = true;
        for (size_t r = 0; r < kHeight; ++r) {
            for (size_t c = 0; c < pitch; ++c) {
                unsigned char want = c < kWidth ? host[r * kHostPitch + c] : pad;
                rowsOk = rowsOk && got[r * pitch + c] == want;
            }
        }
        return rowsOk;
    };

    CHECK_EQ(aclrtMemcpy2d(device, kDevPitch, host.data(), kHostPitch, kWidth, kHeight, ACL_MEMCPY_HOST_TO_DEVICE),
             ACL_SUCCESS);
    auto bytes = rt::ReadBytes(device, kDevPitch * kHeight);
    CHECK(rowsCopied(bytes, kDevPitch, 0));

    std::vector<unsigned char> back(kHostPitch * kHeight, 0xFF);
    CHECK_EQ(aclrtMemcpy2d(back.data(), kHostPitch, device, kDevPitch, kWidth, kHeight, ACL_MEMCPY_DEVICE_TO_HOST),
             ACL_SUCCESS);
    CHECK(rowsCopied(back, kHostPitch, 0xFF));

    std::vector<unsigned char> other(kHostPitch * kHeight, 0);
    struct Refused {
        const char *what;
        void *dst;
        size_t dpitch;
        const void *src;
        size_t spitch;
        size_t height;
        aclrtMemcpyKind kind;
    };
    const Refused refused[] = {
        {"D2D", device2, kDevPitch, device, kDevPitch, kHeight, ACL_MEMCPY_DEVICE_TO_DEVICE},
        {"H2H", other.data(), kHostPitch, host.data(), kHostPitch, kHeight, ACL_MEMCPY_HOST_TO_HOST},
        {"DEFAULT", device, kDevPitch, host.data(), kHostPitch, kHeight, ACL_MEMCPY_DEFAULT},
        {"width > spitch", device, kDevPitch, host.data(), 8, kHeight, ACL_MEMCPY_HOST_TO_DEVICE},
        {"width > dpitch", device, 8, host.data(), kHostPitch, kHeight, ACL_MEMCPY_HOST_TO_DEVICE},
        {"device rows past the allocation", device, kDevPitch, host.data(), kHostPitch, kHeight + 1,
         ACL_MEMCPY_HOST_TO_DEVICE},
    };
    for (const Refused &r : refused) {
        rt::Expect(aclrtMemcpy2d(r.dst, r.dpitch, r.src, r.spitch, kWidth, r.height, r.kind),
                   ACL_ERROR_RT_PARAM_INVALID, r.what, __FILE__, __LINE__);
    }
    CHECK(rt::ReadBytes(device, kDevPitch * kHeight) == bytes);
    CHECK_EQ(aclrtMemcpy2d(nullptr, kDevPitch, host.data(), kHostPitch, kWidth, kHeight, ACL_MEMCPY_HOST_TO_DEVICE),
             ACL_ERROR_INVALID_PARAM);
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
