// The rules a copy or a memset must meet before the shim hands it to ACL: ranges inside their
// buffers, a byte value, and memory of the stream's device. Each returns AGJ_OK or the refusal
// (AGJ_ERR_INVALID_ARGUMENT, its message naming `entry`).
#ifndef ACLGRAPH4J_SHIM_MEMORY_RULES_H
#define ACLGRAPH4J_SHIM_MEMORY_RULES_H

#include <cstdint>

#include "objects.h"

namespace agj {

// [offset, offset + bytes) within a buffer of `size` bytes, without overflow.
bool RangeFits(int64_t offset, int64_t bytes, int64_t size);

// Both ranges of a copy fit their buffers.
int32_t CheckCopyRanges(const char *entry, const Buffer &dst, int64_t dstOffset, const Buffer &src, int64_t srcOffset,
                        int64_t bytes);

// A memset's range fits its buffer.
int32_t CheckFillRange(const char *entry, const Buffer &buffer, int64_t offset, int64_t bytes);

// A memset sets bytes: 0..255, or -128..-1 for the same bytes (ACL would keep the low byte of any int).
int32_t CheckFillValue(const char *entry, int32_t value);

// Device memory used on a stream is of the stream's device (page-locked host memory may be of any
// device); `role` names the operand in the message.
int32_t CheckOnStreamDevice(const char *entry, const char *role, const Buffer &buffer, const Stream &stream);

// A stream copies to or from device memory: host to host is a synchronous copy.
int32_t CheckNotHostToHost(const char *entry, const Buffer &dst, const Buffer &src);

} // namespace agj

#endif
