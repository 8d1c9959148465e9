// Entry points: streams and events.
// Each entry point is a short adapter: it passes the one wrapper (Entry), finds its handles and
// calls the components and the ACL runtime; nothing throws across the C API.
#include "aclgraph4j/shim.h"

#include <string>

#include "entry.h"
#include "replay_order.h"
#include "stream_wait.h"

namespace agj {
namespace {} // namespace
} // namespace agj

using namespace agj;

extern "C" {

int32_t agj_stream_create(int64_t device, int64_t *streamOut) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_REQUIRE_OUT(streamOut);
        AGJ_FIND(Device, dev, device, AGJ_KIND_DEVICE, "device");
        AGJ_ACL_CHECK("aclrtSetCurrentContext", dev->makeCurrent());
        aclrtStream stream = nullptr;
        AGJ_ACL_CHECK("aclrtCreateStream", Api().aclrtCreateStream(&stream));
        *streamOut = Publish(std::make_shared<Stream>(dev, stream));
        return AGJ_OK;
    });
}

static int32_t SynchronizeStream(const char *entry, int64_t stream, int32_t timeoutMs) {
    AGJ_FIND(Stream, s, stream, AGJ_KIND_STREAM, "stream");
    AGJ_ACL_CHECK("aclrtSetCurrentContext", s->device()->makeCurrent());
    bool drained = false;
    return WaitForStream(entry, *s, timeoutMs, drained);
}

int32_t agj_stream_synchronize(int64_t stream) {
    return Entry(__func__, [&](const char *entry) -> int32_t { return SynchronizeStream(entry, stream, -1); });
}

int32_t agj_stream_synchronize_timeout(int64_t stream, int32_t timeoutMs) {
    return Entry(__func__, [&](const char *entry) -> int32_t { return SynchronizeStream(entry, stream, timeoutMs); });
}

int32_t agj_stream_query(int64_t stream, int32_t *completeOut) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_REQUIRE_OUT(completeOut);
        AGJ_FIND(Stream, s, stream, AGJ_KIND_STREAM, "stream");
        AGJ_ACL_CHECK("aclrtSetCurrentContext", s->device()->makeCurrent());
        aclrtStreamStatus status = ACL_STREAM_STATUS_NOT_READY;
        uint64_t mark = s->inFlightMark();
        AGJ_ACL_CHECK("aclrtStreamQuery", Api().aclrtStreamQuery(s->handle(), &status));
        *completeOut = status == ACL_STREAM_STATUS_COMPLETE ? 1 : 0;
        if (*completeOut) {
            s->releaseCompleted(mark);
        }
        return AGJ_OK;
    });
}

// ---- events ----

int32_t agj_event_create(int64_t device, int32_t flags, int64_t *eventOut) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_REQUIRE_OUT(eventOut);
        AGJ_FIND(Device, dev, device, AGJ_KIND_DEVICE, "device");
        if (flags < 0) {
            return InvalidArgument(entry, "flags must not be negative");
        }
        AGJ_ACL_CHECK("aclrtSetCurrentContext", dev->makeCurrent());
        const AclApi &api = Api();
        aclrtEvent event = nullptr;
        if (api.aclrtCreateEventExWithFlag != nullptr) {
            AGJ_ACL_CHECK("aclrtCreateEventExWithFlag",
                          api.aclrtCreateEventExWithFlag(&event, static_cast<uint32_t>(flags)));
        } else {
            AGJ_ACL_CHECK("aclrtCreateEventWithFlag",
                          api.aclrtCreateEventWithFlag(&event, static_cast<uint32_t>(flags)));
        }
        *eventOut = Publish(std::make_shared<Event>(dev, event, flags));
        return AGJ_OK;
    });
}

int32_t agj_event_record(int64_t event, int64_t stream) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_FIND(Event, e, event, AGJ_KIND_EVENT, "event");
        AGJ_FIND(Stream, s, stream, AGJ_KIND_STREAM, "stream");
        return IssueTask(*s, e, "aclrtRecordEvent", [&] { return Api().aclrtRecordEvent(e->handle(), s->handle()); });
    });
}

int32_t agj_stream_wait_event(int64_t stream, int64_t event) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_FIND(Stream, s, stream, AGJ_KIND_STREAM, "stream");
        AGJ_FIND(Event, e, event, AGJ_KIND_EVENT, "event");
        return IssueTask(*s, e, "aclrtStreamWaitEvent", [&] {
            MarkReplaysBeforeCapture(*s); // the wait may join the stream to a capture
            return Api().aclrtStreamWaitEvent(s->handle(), e->handle());
        });
    });
}

int32_t agj_event_synchronize(int64_t event) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_FIND(Event, e, event, AGJ_KIND_EVENT, "event");
        AGJ_ACL_CHECK("aclrtSetCurrentContext", e->device()->makeCurrent());
        CallGate::Wait wait(Runtime().gate, {e.get()}); // releases of other objects need not wait for it
        AGJ_ACL_CHECK("aclrtSynchronizeEvent", Api().aclrtSynchronizeEvent(e->handle()));
        return AGJ_OK;
    });
}

int32_t agj_event_query(int64_t event, int32_t *completeOut) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_REQUIRE_OUT(completeOut);
        AGJ_FIND(Event, e, event, AGJ_KIND_EVENT, "event");
        aclrtEventRecordedStatus status = ACL_EVENT_RECORDED_STATUS_NOT_READY;
        AGJ_RETURN_IF_FAILED(
            CallOn(*e->device(), Api().aclrtQueryEventStatus, "aclrtQueryEventStatus", e->handle(), &status));
        *completeOut = status == ACL_EVENT_RECORDED_STATUS_COMPLETE ? 1 : 0;
        return AGJ_OK;
    });
}

} // extern "C"
