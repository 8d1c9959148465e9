#include "memory_rules.h"

#include <string>

#include "entry.h"

namespace agj {

bool RangeFits(int64_t offset, int64_t bytes, int64_t size) {
    return offset >= 0 && bytes >= 0 && offset <= size && bytes <= size - offset;
}

static std::string RangeText(const char *role, int64_t offset, int64_t bytes, const Buffer &buffer) {
    return std::string(role) + " range [" + std::to_string(offset) + ", +" + std::to_string(bytes) +
           ") does not fit its buffer of " + std::to_string(buffer.bytes()) + " bytes";
}

int32_t CheckCopyRanges(const char *entry, const Buffer &dst, int64_t dstOffset, const Buffer &src, int64_t srcOffset,
                        int64_t bytes) {
    if (!RangeFits(dstOffset, bytes, dst.bytes())) {
        return InvalidArgument(entry, RangeText("destination", dstOffset, bytes, dst));
    }
    if (!RangeFits(srcOffset, bytes, src.bytes())) {
        return InvalidArgument(entry, RangeText("source", srcOffset, bytes, src));
    }
    return AGJ_OK;
}

int32_t CheckFillRange(const char *entry, const Buffer &buffer, int64_t offset, int64_t bytes) {
    if (!RangeFits(offset, bytes, buffer.bytes())) {
        return InvalidArgument(entry, RangeText("the", offset, bytes, buffer));
    }
    return AGJ_OK;
}

int32_t CheckFillValue(const char *entry, int32_t value) {
    if (value < -128 || value > 255) {
        return InvalidArgument(entry, "the fill value " + std::to_string(value) +
                                          " is not a byte: every byte is set to it, so give 0..255 (or -128..127)");
    }
    return AGJ_OK;
}

int32_t CheckOnStreamDevice(const char *entry, const char *role, const Buffer &buffer, const Stream &stream) {
    int32_t streamDevice = stream.device()->id();
    if (buffer.isHost() || buffer.device()->id() == streamDevice) {
        return AGJ_OK;
    }
    return InvalidArgument(entry, std::string("the ") + role + " (" + buffer.describe() +
                                      ") is not on the stream's device " + std::to_string(streamDevice) +
                                      ": use a stream of that device, or copy through host memory");
}

int32_t CheckNotHostToHost(const char *entry, const Buffer &dst, const Buffer &src) {
    if (dst.isHost() && src.isHost()) {
        return InvalidArgument(entry, "both source and destination are host memory, which a stream cannot copy "
                                      "asynchronously: copy them synchronously");
    }
    return AGJ_OK;
}

} // namespace agj
