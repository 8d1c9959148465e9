// Entry points: capture, task groups and replay.
// Each entry point is a short adapter: it passes the one wrapper (Entry), finds its handles and
// calls the components and the ACL runtime; nothing throws across the C API.
#include "aclgraph4j/shim.h"

#include <string>

#include "entry.h"
#include "replay_order.h"
#include "stream_wait.h"

using namespace agj;

extern "C" {

// ---- capture and replay ----

int32_t agj_capture_begin(int64_t stream, int32_t mode) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_FIND(Stream, s, stream, AGJ_KIND_STREAM, "stream");
        AGJ_RETURN_IF_FAILED(RequireCaptureMode(entry, mode));
        const AclApi &api = Api();
        AGJ_ACL_CHECK("aclrtSetCurrentContext", s->device()->makeCurrent());
        MarkReplaysBeforeCapture(*s);
        AGJ_ACL_CHECK("aclmdlRICaptureBegin",
                      api.aclmdlRICaptureBegin(s->handle(), static_cast<aclmdlRICaptureMode>(mode)));
        aclmdlRICaptureStatus status = ACL_MODEL_RI_CAPTURE_STATUS_NONE;
        aclmdlRI model = nullptr;
        AGJ_ACL_CHECK("aclmdlRICaptureGetInfo", api.aclmdlRICaptureGetInfo(s->handle(), &status, &model));
        auto record = std::make_shared<CaptureRecord>();
        record->model = model;
        record->origin = s.shared();
        record->originStream = s->handle();
        Captures().begin(std::move(record));
        return AGJ_OK;
    });
}

int32_t agj_capture_end(int64_t stream, int64_t *modelOut) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_REQUIRE_OUT(modelOut);
        *modelOut = 0;
        AGJ_FIND(Stream, s, stream, AGJ_KIND_STREAM, "stream");
        const AclApi &api = Api();
        AGJ_ACL_CHECK("aclrtSetCurrentContext", s->device()->makeCurrent());
        std::shared_ptr<CaptureRecord> record = Captures().find(s->handle());
        aclmdlRI model = nullptr;
        aclError status = api.aclmdlRICaptureEnd(s->handle(), &model);
        auto forget = [&record]() {
            if (record) {
                Captures().forget(record->model);
            }
        };
        if (status != ACL_SUCCESS) {
            int32_t code = AclFail("aclmdlRICaptureEnd", status);
            aclmdlRICaptureStatus after = ACL_MODEL_RI_CAPTURE_STATUS_NONE;
            api.aclmdlRICaptureGetInfo(s->handle(), &after, nullptr);
            if (after == ACL_MODEL_RI_CAPTURE_STATUS_NONE) {
                // The stream left capture without giving us the model: it must not leak.
                if (status == ACL_ERROR_RT_STREAM_CAPTURE_WRONG_THREAD && record) {
                    record->awaitEagerWrites();
                    api.aclmdlRIDestroy(record->model);
                }
                forget();
            }
            return code;
        }
        if (!record) {
            // A capture begun outside the shim: adopt it with nothing retained.
            record = std::make_shared<CaptureRecord>();
            record->model = model;
        }
        forget();
        record->model = model;
        if (api.aclmdlRIDestroyRegisterCallback != nullptr) {
            // The runtime tells when it destroys the model (inside aclmdlRIDestroy); should it refuse
            // to, ~Model reports the destruction itself.
            (void)api.aclmdlRIDestroyRegisterCallback(model, &AgjModelDestroyed, record.get());
        }
        record->modelPublished.store(true);
        *modelOut = Publish(std::make_shared<Model>(s->device(), record));
        return AGJ_OK;
    });
}

int32_t agj_capture_status(int64_t stream, int32_t *statusOut) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_REQUIRE_OUT(statusOut);
        AGJ_FIND(Stream, s, stream, AGJ_KIND_STREAM, "stream");
        aclmdlRICaptureStatus status = ACL_MODEL_RI_CAPTURE_STATUS_NONE;
        AGJ_RETURN_IF_FAILED(CallOn(*s->device(), Api().aclmdlRICaptureGetInfo, "aclmdlRICaptureGetInfo", s->handle(),
                                    &status, nullptr));
        *statusOut = static_cast<int32_t>(status);
        return AGJ_OK;
    });
}

int32_t agj_capture_exchange_mode(int32_t mode, int32_t *previousOut) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_REQUIRE_OUT(previousOut);
        AGJ_RETURN_IF_FAILED(RequireCaptureMode(entry, mode));
        aclmdlRICaptureMode exchanged = static_cast<aclmdlRICaptureMode>(mode);
        AGJ_ACL_CHECK("aclmdlRICaptureThreadExchangeMode", Api().aclmdlRICaptureThreadExchangeMode(&exchanged));
        *previousOut = static_cast<int32_t>(exchanged);
        return AGJ_OK;
    });
}

int32_t agj_capture_task_group_begin(int64_t stream) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_FIND(Stream, s, stream, AGJ_KIND_STREAM, "stream");
        AGJ_RETURN_IF_FAILED(CallOptional(entry, *s->device(), Api().aclmdlRICaptureTaskGrpBegin,
                                          "aclmdlRICaptureTaskGrpBegin", "", s->handle()));
        s->setOpenGroup(std::make_shared<Retention>());
        return AGJ_OK;
    });
}

int32_t agj_capture_task_group_end(int64_t stream, int64_t *groupOut) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_REQUIRE_OUT(groupOut);
        *groupOut = 0;
        AGJ_FIND(Stream, s, stream, AGJ_KIND_STREAM, "stream");
        const AclApi &api = Api();
        AGJ_RETURN_IF_FAILED(RequireOptional(entry, api.aclmdlRICaptureTaskGrpEnd, "aclmdlRICaptureTaskGrpEnd"));
        AGJ_ACL_CHECK("aclrtSetCurrentContext", s->device()->makeCurrent());
        auto record = Captures().find(s->handle());
        aclrtTaskGrp group = nullptr;
        aclError status = api.aclmdlRICaptureTaskGrpEnd(s->handle(), &group);
        auto objects = s->takeOpenGroup();
        if (status != ACL_SUCCESS) {
            // Keep what the group's kernels use with the capture, so they stay valid.
            if (record && objects) {
                record->objects.replaceWith(*objects); // never drops: objects were only added
            }
            return AclFail("aclmdlRICaptureTaskGrpEnd", status);
        }
        if (!objects) {
            objects = std::make_shared<Retention>();
        }
        if (record) {
            std::lock_guard lock(record->groupsMutex);
            record->groups.push_back(objects);
        }
        *groupOut = Publish(std::make_shared<TaskGroup>(group, record, objects));
        return AGJ_OK;
    });
}

int32_t agj_capture_task_update_begin(int64_t stream, int64_t group) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_FIND(Stream, s, stream, AGJ_KIND_STREAM, "stream");
        AGJ_FIND(TaskGroup, g, group, AGJ_KIND_TASK_GROUP, "task group");
        const AclApi &api = Api();
        AGJ_RETURN_IF_FAILED(
            RequireOptional(entry, api.aclmdlRICaptureTaskUpdateBegin, "aclmdlRICaptureTaskUpdateBegin"));
        if (!g->record() || g->record()->modelReleased.load()) {
            return Fail(AGJ_ERR_STATE, entry, "the model this task group belongs to was released");
        }
        AGJ_ACL_CHECK("aclrtSetCurrentContext", s->device()->makeCurrent());
        MarkReplaysBeforeCapture(*s);
        AGJ_ACL_CHECK("aclmdlRICaptureTaskUpdateBegin", api.aclmdlRICaptureTaskUpdateBegin(s->handle(), g->handle()));
        s->beginUpdate(g->objects());
        return AGJ_OK;
    });
}

int32_t agj_capture_task_update_end(int64_t stream) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_FIND(Stream, s, stream, AGJ_KIND_STREAM, "stream");
        const AclApi &api = Api();
        AGJ_RETURN_IF_FAILED(RequireOptional(entry, api.aclmdlRICaptureTaskUpdateEnd, "aclmdlRICaptureTaskUpdateEnd"));
        AGJ_ACL_CHECK("aclrtSetCurrentContext", s->device()->makeCurrent());
        aclError status = api.aclmdlRICaptureTaskUpdateEnd(s->handle());
        s->endUpdate(status == ACL_SUCCESS);
        if (status != ACL_SUCCESS) {
            return AclFail("aclmdlRICaptureTaskUpdateEnd", status);
        }
        return AGJ_OK;
    });
}

// Queues one replay of the model on the stream; `wait`: then waits for the stream. An
// asynchronous replay keeps the model alive until the stream is next synchronised.
static int32_t ExecuteModel(const char *entry, int64_t model, int64_t stream, bool wait) {
    AGJ_FIND(Model, m, model, AGJ_KIND_MODEL, "model");
    AGJ_FIND(Stream, s, stream, AGJ_KIND_STREAM, "stream");
    if (s->device()->id() != m->device()->id()) {
        return InvalidArgument(entry, "the model was captured on device " + std::to_string(m->device()->id()) +
                                          " but the stream is on device " + std::to_string(s->device()->id()));
    }
    AGJ_ACL_CHECK("aclrtSetCurrentContext", s->device()->makeCurrent());
    if (int32_t status = ExecuteAfterPreviousReplay(entry, m, s); status != AGJ_OK) {
        return status;
    }
    if (!wait) {
        RetainForTask(*s, {m});
        return AGJ_OK;
    }
    // A release during the call is dropped only when the call ends, so the model lives while it
    // waits; once the stream has drained the replay is over. Should the wait end otherwise, keep the model as the
    // asynchronous form does.
    bool drained = false;
    int32_t status = WaitForStream(entry, *s, -1, drained, m.get());
    if (!drained) {
        RetainForTask(*s, {m});
    }
    return status;
}

int32_t agj_model_execute_async(int64_t model, int64_t stream) {
    return Entry(__func__, [&](const char *entry) -> int32_t { return ExecuteModel(entry, model, stream, false); });
}

int32_t agj_model_execute(int64_t model, int64_t stream) {
    return Entry(__func__, [&](const char *entry) -> int32_t { return ExecuteModel(entry, model, stream, true); });
}

int32_t agj_model_debug_json(int64_t model, const char *path) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_FIND(Model, m, model, AGJ_KIND_MODEL, "model");
        if (path == nullptr || *path == '\0') {
            return InvalidArgument(entry, "path is empty");
        }
        return CallOptional(entry, *m->device(), Api().aclmdlRIDebugJsonPrint, "aclmdlRIDebugJsonPrint",
                            " (CANN 8.3 or later)", m->handle(), path, 0);
    });
}

int32_t agj_model_debug_print(int64_t model) {
    return Entry(__func__, [&](const char *entry) -> int32_t {
        AGJ_FIND(Model, m, model, AGJ_KIND_MODEL, "model");
        return CallOptional(entry, *m->device(), Api().aclmdlRIDebugPrint, "aclmdlRIDebugPrint", "", m->handle());
    });
}

} // extern "C"
