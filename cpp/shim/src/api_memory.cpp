// Entry points: device and host buffers, copies and memsets.
// Each entry point is a short adapter: it passes the one wrapper (Entry), finds its handles and
// calls the components and the ACL runtime; nothing throws across the C API.
#include "aclgraph4j/shim.h"

#include <string>

#include "entry.h"
#include "memory_rules.h"
#include "stream_wait.h"

namespace agj {
namespace {

aclrtMemcpyKind CopyKind(const Buffer &dst, const Buffer &src) {
    if (src.isHost()) {
        return dst.isHost() ? ACL_MEMCPY_HOST_TO_HOST : ACL_MEMCPY_HOST_TO_DEVICE;
    }
    return dst.isHost() ? ACL_MEMCPY_DEVICE_TO_HOST : ACL_MEMCPY_DEVICE_TO_DEVICE;
}

// A new buffer of `kind`, `bytes` long, on `device`, at `address`: `allocate(&address, size)` is the
// ACL call named `call`.
template <typename Allocate>
int32_t NewBuffer(const char *entry, int64_t device, int64_t bytes, int32_t kind, const char *call, Allocate &&allocate,
                  int64_t &bufferOut, void *&address) {
    AGJ_FIND(Device, dev, device, AGJ_KIND_DEVICE, "device");
    if (bytes <= 0) {
        return InvalidArgument(entry, "size must be positive, not " + std::to_string(bytes));
    }
    AGJ_ACL_CHECK("aclrtSetCurrentContext", dev->makeCurrent());
    AGJ_ACL_CHECK(call, allocate(&address, static_cast<size_t>(bytes)));
    bufferOut = Publish(std::make_shared<Buffer>(kind, dev, address, bytes));
    return AGJ_OK;
}

} // namespace
} // namespace agj

using namespace agj;

extern "C" {

// ---- memory ----

int32_t agj_device_buffer_alloc(int64_t device, int64_t bytes, int64_t *bufferOut) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_REQUIRE_OUT(bufferOut);
        void *address = nullptr;
        return NewBuffer(
            entry, device, bytes, AGJ_KIND_DEVICE_BUFFER, "aclrtMalloc",
            [](void **at, size_t size) { return Api().aclrtMalloc(at, size, ACL_MEM_MALLOC_HUGE_FIRST); }, *bufferOut,
            address);
    });
}

int32_t agj_host_buffer_alloc(int64_t device, int64_t bytes, int64_t *bufferOut, int64_t *addressOut) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_REQUIRE_OUT(bufferOut);
        AGJ_REQUIRE_OUT(addressOut);
        void *address = nullptr;
        AGJ_RETURN_IF_FAILED(NewBuffer(
            entry, device, bytes, AGJ_KIND_HOST_BUFFER, "aclrtMallocHost",
            [](void **at, size_t size) { return Api().aclrtMallocHost(at, size); }, *bufferOut, address));
        *addressOut = static_cast<int64_t>(reinterpret_cast<uintptr_t>(address));
        return AGJ_OK;
    });
}

static Found<Buffer> FindBuffer(int64_t handle) {
    int32_t kind = HandleTable::KindOf(handle);
    if (kind != AGJ_KIND_DEVICE_BUFFER && kind != AGJ_KIND_HOST_BUFFER) {
        return {};
    }
    return Find<Buffer>(handle, kind);
}

#define AGJ_FIND_BUFFER(variable, handle, role)                            \
    auto variable = FindBuffer(handle);                                    \
    if (!variable) {                                                       \
        return BadHandle(entry, (role), (handle), AGJ_KIND_DEVICE_BUFFER); \
    }

int32_t agj_buffer_size(int64_t buffer, int64_t *bytesOut) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_REQUIRE_OUT(bytesOut);
        AGJ_FIND_BUFFER(b, buffer, "buffer");
        *bytesOut = b->bytes();
        return AGJ_OK;
    });
}

int32_t agj_memcpy_async(int64_t stream, int64_t dst, int64_t dstOffset, int64_t src, int64_t srcOffset,
                         int64_t bytes) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_FIND(Stream, s, stream, AGJ_KIND_STREAM, "stream");
        AGJ_FIND_BUFFER(d, dst, "destination");
        AGJ_FIND_BUFFER(from, src, "source");
        AGJ_RETURN_IF_FAILED(CheckCopyRanges(entry, *d, dstOffset, *from, srcOffset, bytes));
        AGJ_RETURN_IF_FAILED(CheckNotHostToHost(entry, *d, *from));
        AGJ_RETURN_IF_FAILED(CheckOnStreamDevice(entry, "source", *from, *s));
        AGJ_RETURN_IF_FAILED(CheckOnStreamDevice(entry, "destination", *d, *s));
        AGJ_ACL_CHECK("aclrtSetCurrentContext", s->device()->makeCurrent());
        auto *target = static_cast<char *>(d->address()) + dstOffset;
        auto *source = static_cast<const char *>(from->address()) + srcOffset;
        AGJ_ACL_CHECK("aclrtMemcpyAsync",
                      Api().aclrtMemcpyAsync(target, static_cast<size_t>(d->bytes() - dstOffset), source,
                                             static_cast<size_t>(bytes), CopyKind(*d, *from), s->handle()));
        RetainForTask(*s, {d, from});
        return AGJ_OK;
    });
}

int32_t agj_memcpy(int64_t dst, int64_t dstOffset, int64_t src, int64_t srcOffset, int64_t bytes) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_FIND_BUFFER(d, dst, "destination");
        AGJ_FIND_BUFFER(from, src, "source");
        AGJ_RETURN_IF_FAILED(CheckCopyRanges(entry, *d, dstOffset, *from, srcOffset, bytes));
        const auto &device = d->isHost() ? from->device() : d->device();
        AGJ_ACL_CHECK("aclrtSetCurrentContext", device->makeCurrent());
        auto *target = static_cast<char *>(d->address()) + dstOffset;
        auto *source = static_cast<const char *>(from->address()) + srcOffset;
        AGJ_ACL_CHECK("aclrtMemcpy", Api().aclrtMemcpy(target, static_cast<size_t>(d->bytes() - dstOffset), source,
                                                       static_cast<size_t>(bytes), CopyKind(*d, *from)));
        return AGJ_OK;
    });
}

int32_t agj_memset_async(int64_t stream, int64_t buffer, int64_t offset, int32_t value, int64_t bytes) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_FIND(Stream, s, stream, AGJ_KIND_STREAM, "stream");
        AGJ_FIND_BUFFER(b, buffer, "buffer");
        AGJ_RETURN_IF_FAILED(CheckFillRange(entry, *b, offset, bytes));
        AGJ_RETURN_IF_FAILED(CheckFillValue(entry, value));
        AGJ_RETURN_IF_FAILED(CheckOnStreamDevice(entry, "memory", *b, *s));
        AGJ_ACL_CHECK("aclrtSetCurrentContext", s->device()->makeCurrent());
        auto *target = static_cast<char *>(b->address()) + offset;
        AGJ_ACL_CHECK("aclrtMemsetAsync", Api().aclrtMemsetAsync(target, static_cast<size_t>(b->bytes() - offset),
                                                                 value, static_cast<size_t>(bytes), s->handle()));
        RetainForTask(*s, {b});
        return AGJ_OK;
    });
}

int32_t agj_memset(int64_t buffer, int64_t offset, int32_t value, int64_t bytes) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_FIND_BUFFER(b, buffer, "buffer");
        AGJ_RETURN_IF_FAILED(CheckFillRange(entry, *b, offset, bytes));
        AGJ_RETURN_IF_FAILED(CheckFillValue(entry, value));
        AGJ_ACL_CHECK("aclrtSetCurrentContext", b->device()->makeCurrent());
        auto *target = static_cast<char *>(b->address()) + offset;
        AGJ_ACL_CHECK("aclrtMemset", Api().aclrtMemset(target, static_cast<size_t>(b->bytes() - offset), value,
                                                       static_cast<size_t>(bytes)));
        return AGJ_OK;
    });
}

} // extern "C"
