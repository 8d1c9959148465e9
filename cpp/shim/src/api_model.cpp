// Entry points: a model's name and id, through CANN's aclmdlRISetName/GetName/GetId, and its task
// listing, through aclmdlRIGetStreams/GetTasksByStream/TaskGetType/TaskGetSeqId, where the
// backend has them (optional: acl_api.h declares their prototypes; a backend without them
// refuses with AGJ_ERR_BACKEND, naming the function and the CANN release that brings it).
#include "aclgraph4j/shim.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "entry.h"
#include "model_name.h"

using namespace agj;

extern "C" {

int32_t agj_model_set_name(int64_t model, const char *name) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_FIND(Model, m, model, AGJ_KIND_MODEL, "model");
        AGJ_RETURN_IF_FAILED(CheckModelName(entry, name));
        return CallOptional(entry, *m->device(), Api().aclmdlRISetName, "aclmdlRISetName", " (CANN 8.5 or later)",
                            m->handle(), name);
    });
}

int32_t agj_model_get_name(int64_t model, char *nameOut, int32_t capacity) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_REQUIRE_OUT(nameOut);
        if (capacity < 2) {
            return InvalidArgument(entry,
                                   "the name buffer must hold at least 2 bytes, not " + std::to_string(capacity));
        }
        *nameOut = '\0';
        AGJ_FIND(Model, m, model, AGJ_KIND_MODEL, "model");
        AGJ_RETURN_IF_FAILED(CallOptional(entry, *m->device(), Api().aclmdlRIGetName, "aclmdlRIGetName",
                                          " (CANN 8.5 or later)", m->handle(), static_cast<uint32_t>(capacity),
                                          nameOut));
        nameOut[capacity - 1] = '\0'; // whatever the runtime wrote, the caller gets a terminated string
        return AGJ_OK;
    });
}

int32_t agj_model_id(int64_t model, int64_t *idOut) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_REQUIRE_OUT(idOut);
        *idOut = -1;
        AGJ_FIND(Model, m, model, AGJ_KIND_MODEL, "model");
        uint32_t id = 0;
        AGJ_RETURN_IF_FAILED(CallOptional(entry, *m->device(), Api().aclmdlRIGetId, "aclmdlRIGetId",
                                          " (CANN 9.1 or later)", m->handle(), &id));
        *idOut = id;
        return AGJ_OK;
    });
}

int32_t agj_model_on_destroy(int64_t model, int64_t cookie) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_FIND(Model, m, model, AGJ_KIND_MODEL, "model");
        m->record().addDestroyCookie(cookie);
        return AGJ_OK;
    });
}

int32_t agj_take_destroyed(int64_t *cookiesOut, int32_t capacity, int32_t *countOut) {
    // Any gate: models are destroyed by the runtime's close too, and their notices read after it.
    return Entry(__func__, Gate::Any, [&](const char *entry) -> int32_t {
        AGJ_REQUIRE_OUT(countOut);
        *countOut = 0;
        AGJ_REQUIRE_OUT(cookiesOut);
        if (capacity <= 0) {
            return InvalidArgument(entry, "capacity must be positive, not " + std::to_string(capacity));
        }
        *countOut = static_cast<int32_t>(TakeDestroyedCookies(cookiesOut, static_cast<size_t>(capacity)));
        return AGJ_OK;
    });
}

int32_t agj_model_tasks(int64_t model, int32_t *listOut, int32_t capacity, int32_t *lengthOut) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_REQUIRE_OUT(lengthOut);
        *lengthOut = 0;
        if (capacity < 0 || (capacity > 0 && listOut == nullptr)) {
            return InvalidArgument(entry, "the list must be an array of `capacity` (>= 0) ints, not " +
                                              std::to_string(capacity) + (listOut == nullptr ? " at NULL" : ""));
        }
        AGJ_FIND(Model, m, model, AGJ_KIND_MODEL, "model");
        const AclApi &api = Api();
        const std::pair<const void *, const char *> needed[] = {
            {reinterpret_cast<const void *>(api.aclmdlRIGetStreams), "aclmdlRIGetStreams (CANN 9.1 or later)"},
            {reinterpret_cast<const void *>(api.aclmdlRIGetTasksByStream),
             "aclmdlRIGetTasksByStream (CANN 9.1 or later)"},
            {reinterpret_cast<const void *>(api.aclmdlRITaskGetType), "aclmdlRITaskGetType (CANN 9.1 or later)"},
            {reinterpret_cast<const void *>(api.aclmdlRITaskGetSeqId), "aclmdlRITaskGetSeqId (CANN 9.1 or later)"},
        };
        for (const auto &[function, name] : needed) {
            if (int32_t status = RequireOptional(entry, function, name); status != AGJ_OK) {
                return status;
            }
        }
        AGJ_ACL_CHECK("aclrtSetCurrentContext", m->device()->makeCurrent());
        // Counts first (a NULL array asks for them), then the handles.
        uint32_t streamCount = 0;
        AGJ_ACL_CHECK("aclmdlRIGetStreams", api.aclmdlRIGetStreams(m->handle(), nullptr, &streamCount));
        std::vector<aclrtStream> streams(streamCount);
        if (streamCount > 0) {
            AGJ_ACL_CHECK("aclmdlRIGetStreams", api.aclmdlRIGetStreams(m->handle(), streams.data(), &streamCount));
        }
        std::vector<int32_t> list;
        std::vector<void *> tasks;
        for (aclrtStream stream : streams) {
            uint32_t taskCount = 0;
            AGJ_ACL_CHECK("aclmdlRIGetTasksByStream", api.aclmdlRIGetTasksByStream(stream, nullptr, &taskCount));
            tasks.assign(taskCount, nullptr);
            if (taskCount > 0) {
                AGJ_ACL_CHECK("aclmdlRIGetTasksByStream",
                              api.aclmdlRIGetTasksByStream(stream, tasks.data(), &taskCount));
            }
            list.push_back(static_cast<int32_t>(taskCount));
            for (uint32_t i = 0; i < taskCount; ++i) {
                int32_t type = 0;
                uint32_t seqId = 0;
                AGJ_ACL_CHECK("aclmdlRITaskGetType", api.aclmdlRITaskGetType(tasks[i], &type));
                AGJ_ACL_CHECK("aclmdlRITaskGetSeqId", api.aclmdlRITaskGetSeqId(tasks[i], &seqId));
                list.push_back(type);
                list.push_back(static_cast<int32_t>(seqId));
            }
        }
        *lengthOut = static_cast<int32_t>(list.size());
        std::copy_n(list.begin(), std::min(list.size(), static_cast<size_t>(capacity)), listOut);
        return AGJ_OK;
    });
}

} // extern "C"
