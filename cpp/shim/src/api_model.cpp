// Entry points: a model's name and id, through CANN's aclmdlRISetName/GetName/GetId where the
// backend has them (optional: acl_api.h declares their prototypes; a backend without them
// refuses with AGJ_ERR_BACKEND, naming the function and the CANN release that brings it).
#include "aclgraph4j/shim.h"

#include <cstring>
#include <string>

#include "entry.h"
#include "model_name.h"

using namespace agj;

extern "C" {

int32_t agj_model_set_name(int64_t model, const char *name) {
    const char *entry = "agj_model_set_name";
    return Entry(entry, [&]() -> int32_t {
        AGJ_FIND(Model, m, model, AGJ_KIND_MODEL, "model");
        AGJ_RETURN_IF_FAILED(CheckModelName(entry, name));
        const AclApi &api = Api();
        AGJ_RETURN_IF_FAILED(RequireOptional(entry, api.aclmdlRISetName, "aclmdlRISetName (CANN 8.5 or later)"));
        AGJ_ACL_CHECK("aclrtSetCurrentContext", m->device()->makeCurrent());
        AGJ_ACL_CHECK("aclmdlRISetName", api.aclmdlRISetName(m->handle(), name));
        return AGJ_OK;
    });
}

int32_t agj_model_get_name(int64_t model, char *nameOut, int32_t capacity) {
    const char *entry = "agj_model_get_name";
    return Entry(entry, [&]() -> int32_t {
        AGJ_REQUIRE_OUT(nameOut);
        if (capacity < 2) {
            return InvalidArgument(entry,
                                   "the name buffer must hold at least 2 bytes, not " + std::to_string(capacity));
        }
        *nameOut = '\0';
        AGJ_FIND(Model, m, model, AGJ_KIND_MODEL, "model");
        const AclApi &api = Api();
        AGJ_RETURN_IF_FAILED(RequireOptional(entry, api.aclmdlRIGetName, "aclmdlRIGetName (CANN 8.5 or later)"));
        AGJ_ACL_CHECK("aclrtSetCurrentContext", m->device()->makeCurrent());
        AGJ_ACL_CHECK("aclmdlRIGetName", api.aclmdlRIGetName(m->handle(), static_cast<uint32_t>(capacity), nameOut));
        nameOut[capacity - 1] = '\0'; // whatever the runtime wrote, the caller gets a terminated string
        return AGJ_OK;
    });
}

int32_t agj_model_id(int64_t model, int64_t *idOut) {
    const char *entry = "agj_model_id";
    return Entry(entry, [&]() -> int32_t {
        AGJ_REQUIRE_OUT(idOut);
        *idOut = -1;
        AGJ_FIND(Model, m, model, AGJ_KIND_MODEL, "model");
        const AclApi &api = Api();
        AGJ_RETURN_IF_FAILED(RequireOptional(entry, api.aclmdlRIGetId, "aclmdlRIGetId (CANN 9.1 or later)"));
        AGJ_ACL_CHECK("aclrtSetCurrentContext", m->device()->makeCurrent());
        uint32_t id = 0;
        AGJ_ACL_CHECK("aclmdlRIGetId", api.aclmdlRIGetId(m->handle(), &id));
        *idOut = id;
        return AGJ_OK;
    });
}

int32_t agj_model_on_destroy(int64_t model, int64_t cookie) {
    const char *entry = "agj_model_on_destroy";
    return Entry(entry, [&]() -> int32_t {
        AGJ_FIND(Model, m, model, AGJ_KIND_MODEL, "model");
        m->record().addDestroyCookie(cookie);
        return AGJ_OK;
    });
}

int32_t agj_take_destroyed(int64_t *cookiesOut, int32_t capacity, int32_t *countOut) {
    const char *entry = "agj_take_destroyed";
    // Any gate: models are destroyed by the runtime's close too, and their notices read after it.
    return Entry(entry, Gate::Any, [&]() -> int32_t {
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

} // extern "C"
