// Entry points across the graph boundary: EXTERNAL event records and waits inside a capture
// (aclrtRecordEventWithFlag, aclrtStreamWaitEventWithFlag, CANN 9.2) and value tasks
// (aclrtValueWrite, aclrtValueWait), each a short adapter.
#include "aclgraph4j/shim.h"

#include <string>

#include "entry.h"
#include "stream_wait.h"

namespace agj {
namespace {

// The table's value-wait codes are ACL's (the macros exist since CANN 8.5).
#define AGJ_VALUE_WAIT(name, code)                                                              \
    static_assert(static_cast<unsigned>(AGJ_VALUE_WAIT_##name) == ACL_STREAM_WAIT_VALUE_##name, \
                  "shim_conditions.def: value-wait condition " #name " is not ACL's code");
#include "aclgraph4j/shim_conditions.def"
#undef AGJ_VALUE_WAIT

// ACL_EVENT_RECORD_EXTERNAL and ACL_EVENT_WAIT_EXTERNAL (acl_rt.h of CANN 9.2): both 1.
constexpr uint32_t kExternal = 1;

int32_t RequireExternalEvents(const char *entry, const void *function, const char *name) {
    return RequireOptional(entry, function, (std::string(name) + " (CANN 9.2 or later)").c_str());
}

// A device buffer's 8-byte word at `offset`, on the stream's device.
int32_t ValueAddress(const char *entry, const Stream &s, const Buffer &b, int64_t offset, void *&address) {
    if (offset < 0 || offset % 8 != 0 || offset > b.bytes() - 8) {
        return InvalidArgument(entry, "the value is 8 bytes at an offset that is a multiple of 8 inside the buffer's " +
                                          std::to_string(b.bytes()) + " bytes, not at offset " +
                                          std::to_string(offset));
    }
    if (b.device()->id() != s.device()->id()) {
        return InvalidArgument(entry, "the buffer is of device " + std::to_string(b.device()->id()) +
                                          " but the stream is of device " + std::to_string(s.device()->id()));
    }
    address = static_cast<char *>(b.address()) + offset;
    return AGJ_OK;
}

} // namespace
} // namespace agj

using namespace agj;

extern "C" {

int32_t agj_event_record_external(int64_t event, int64_t stream) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_FIND(Event, e, event, AGJ_KIND_EVENT, "event");
        AGJ_FIND(Stream, s, stream, AGJ_KIND_STREAM, "stream");
        const AclApi &api = Api();
        AGJ_RETURN_IF_FAILED(RequireExternalEvents(entry, reinterpret_cast<const void *>(api.aclrtRecordEventWithFlag),
                                                   "aclrtRecordEventWithFlag"));
        if (e->device()->id() != s->device()->id()) {
            return InvalidArgument(entry, "the event is of device " + std::to_string(e->device()->id()) +
                                              " but the stream is of device " + std::to_string(s->device()->id()));
        }
        AGJ_ACL_CHECK("aclrtSetCurrentContext", s->device()->makeCurrent());
        AGJ_ACL_CHECK("aclrtRecordEventWithFlag", api.aclrtRecordEventWithFlag(e->handle(), s->handle(), kExternal));
        RetainForTask(*s, {e});
        return AGJ_OK;
    });
}

int32_t agj_stream_wait_event_external(int64_t stream, int64_t event) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_FIND(Stream, s, stream, AGJ_KIND_STREAM, "stream");
        AGJ_FIND(Event, e, event, AGJ_KIND_EVENT, "event");
        const AclApi &api = Api();
        AGJ_RETURN_IF_FAILED(RequireExternalEvents(
            entry, reinterpret_cast<const void *>(api.aclrtStreamWaitEventWithFlag), "aclrtStreamWaitEventWithFlag"));
        if (e->device()->id() != s->device()->id()) {
            return InvalidArgument(entry, "the event is of device " + std::to_string(e->device()->id()) +
                                              " but the stream is of device " + std::to_string(s->device()->id()));
        }
        AGJ_ACL_CHECK("aclrtSetCurrentContext", s->device()->makeCurrent());
        AGJ_ACL_CHECK("aclrtStreamWaitEventWithFlag",
                      api.aclrtStreamWaitEventWithFlag(s->handle(), e->handle(), 0, kExternal));
        RetainForTask(*s, {e});
        return AGJ_OK;
    });
}

int32_t agj_value_write_async(int64_t stream, int64_t buffer, int64_t offset, int64_t value) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_FIND(Stream, s, stream, AGJ_KIND_STREAM, "stream");
        AGJ_FIND(Buffer, b, buffer, AGJ_KIND_DEVICE_BUFFER, "device buffer");
        const AclApi &api = Api();
        AGJ_RETURN_IF_FAILED(RequireOptional(entry, reinterpret_cast<const void *>(api.aclrtValueWrite),
                                             "aclrtValueWrite (CANN 8.5 or later)"));
        void *address = nullptr;
        AGJ_RETURN_IF_FAILED(ValueAddress(entry, *s, *b, offset, address));
        AGJ_ACL_CHECK("aclrtSetCurrentContext", s->device()->makeCurrent());
        AGJ_ACL_CHECK("aclrtValueWrite", api.aclrtValueWrite(address, static_cast<uint64_t>(value), 0, s->handle()));
        RetainForTask(*s, {b});
        return AGJ_OK;
    });
}

int32_t agj_value_wait_async(int64_t stream, int64_t buffer, int64_t offset, int64_t value, int32_t condition) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_FIND(Stream, s, stream, AGJ_KIND_STREAM, "stream");
        AGJ_FIND(Buffer, b, buffer, AGJ_KIND_DEVICE_BUFFER, "device buffer");
        const AclApi &api = Api();
        AGJ_RETURN_IF_FAILED(RequireOptional(entry, reinterpret_cast<const void *>(api.aclrtValueWait),
                                             "aclrtValueWait (CANN 8.5 or later)"));
        if (condition < AGJ_VALUE_WAIT_GEQ || condition > AGJ_VALUE_WAIT_NOR) {
            return InvalidArgument(entry, "condition must be 0 (GEQ), 1 (EQ), 2 (AND) or 3 (NOR), not " +
                                              std::to_string(condition));
        }
        void *address = nullptr;
        AGJ_RETURN_IF_FAILED(ValueAddress(entry, *s, *b, offset, address));
        AGJ_ACL_CHECK("aclrtSetCurrentContext", s->device()->makeCurrent());
        AGJ_ACL_CHECK("aclrtValueWait", api.aclrtValueWait(address, static_cast<uint64_t>(value),
                                                           static_cast<uint32_t>(condition), s->handle()));
        RetainForTask(*s, {b});
        return AGJ_OK;
    });
}

} // extern "C"
