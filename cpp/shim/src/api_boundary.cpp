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

constexpr NamedCode kValueWaits[] = {
#define AGJ_VALUE_WAIT(name, code) {code, #name},
#include "aclgraph4j/shim_conditions.def"
#undef AGJ_VALUE_WAIT
};

// ACL_EVENT_RECORD_EXTERNAL and ACL_EVENT_WAIT_EXTERNAL (acl_rt.h of CANN 9.2): both 1.
constexpr uint32_t kExternal = 1;

// An EXTERNAL record of `e` on `s` (`wait` false) or wait of `s` for `e` (CANN 9.2): the event must be
// of the stream's device.
int32_t ExternalEventTask(const char *entry, Stream &s, const Found<Event> &e, bool wait) {
    const AclApi &api = Api();
    const char *call = wait ? "aclrtStreamWaitEventWithFlag" : "aclrtRecordEventWithFlag";
    AGJ_RETURN_IF_FAILED(
        wait ? RequireOptional(entry, api.aclrtStreamWaitEventWithFlag,
                               "aclrtStreamWaitEventWithFlag (CANN 9.2 or later)")
             : RequireOptional(entry, api.aclrtRecordEventWithFlag, "aclrtRecordEventWithFlag (CANN 9.2 or later)"));
    AGJ_RETURN_IF_FAILED(RequireStreamDevice(entry, "event", e->device()->id(), s.device()->id()));
    return IssueTask(s, e, call, [&] {
        return wait ? api.aclrtStreamWaitEventWithFlag(s.handle(), e->handle(), 0, kExternal)
                    : api.aclrtRecordEventWithFlag(e->handle(), s.handle(), kExternal);
    });
}

// A value task of `s` on the 8-byte word at `offset` of device buffer `b`: `issue(address)` is the
// ACL call named `call`.
template <typename Issue>
int32_t ValueTask(const char *entry, Stream &s, const Found<Buffer> &b, int64_t offset, const char *call,
                  Issue &&issue) {
    if (offset < 0 || offset % 8 != 0 || offset > b->bytes() - 8) {
        return InvalidArgument(entry, "the value is 8 bytes at an offset that is a multiple of 8 inside the buffer's " +
                                          std::to_string(b->bytes()) + " bytes, not at offset " +
                                          std::to_string(offset));
    }
    AGJ_RETURN_IF_FAILED(RequireStreamDevice(entry, "buffer", b->device()->id(), s.device()->id()));
    void *address = static_cast<char *>(b->address()) + offset;
    return IssueTask(s, b, call, [&] { return issue(address); });
}

} // namespace
} // namespace agj

using namespace agj;

extern "C" {

int32_t agj_event_record_external(int64_t event, int64_t stream) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_FIND(Event, e, event, AGJ_KIND_EVENT, "event");
        AGJ_FIND(Stream, s, stream, AGJ_KIND_STREAM, "stream");
        return ExternalEventTask(entry, *s, e, false);
    });
}

int32_t agj_stream_wait_event_external(int64_t stream, int64_t event) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_FIND(Stream, s, stream, AGJ_KIND_STREAM, "stream");
        AGJ_FIND(Event, e, event, AGJ_KIND_EVENT, "event");
        return ExternalEventTask(entry, *s, e, true);
    });
}

int32_t agj_value_write_async(int64_t stream, int64_t buffer, int64_t offset, int64_t value) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_FIND(Stream, s, stream, AGJ_KIND_STREAM, "stream");
        AGJ_FIND(Buffer, b, buffer, AGJ_KIND_DEVICE_BUFFER, "device buffer");
        const AclApi &api = Api();
        AGJ_RETURN_IF_FAILED(RequireOptional(entry, api.aclrtValueWrite, "aclrtValueWrite (CANN 8.5 or later)"));
        return ValueTask(entry, *s, b, offset, "aclrtValueWrite", [&](void *address) {
            return api.aclrtValueWrite(address, static_cast<uint64_t>(value), 0, s->handle());
        });
    });
}

int32_t agj_value_wait_async(int64_t stream, int64_t buffer, int64_t offset, int64_t value, int32_t condition) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_FIND(Stream, s, stream, AGJ_KIND_STREAM, "stream");
        AGJ_FIND(Buffer, b, buffer, AGJ_KIND_DEVICE_BUFFER, "device buffer");
        const AclApi &api = Api();
        AGJ_RETURN_IF_FAILED(RequireOptional(entry, api.aclrtValueWait, "aclrtValueWait (CANN 8.5 or later)"));
        AGJ_RETURN_IF_FAILED(RequireOneOf(entry, "condition", condition, kValueWaits));
        return ValueTask(entry, *s, b, offset, "aclrtValueWait", [&](void *address) {
            return api.aclrtValueWait(address, static_cast<uint64_t>(value), static_cast<uint32_t>(condition),
                                      s->handle());
        });
    });
}

} // extern "C"
