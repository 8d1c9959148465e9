// Bad input to every C entry point of the shim (aclgraph4j/shim.h): null pointers, zero, negative
// and huge sizes, out-of-range enums, stale (released) handles, forged handles and handles of the
// wrong kind. Each call must return the documented status (AGJ_ERR_*, or the ACL error the
// backend gave) with a message from agj_last_error_message(), create nothing, and not crash.
// CI runs this program under ASan+UBSan and TSan too.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <limits>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "acl/acl.h"
#include "aclgraph4j/shim.h"
#include "aclgraph4j/shim_testing.h"
#include "aclsim/aclsim.h"
#include "operator_rows.h"
#include "shim_test_fixture.h"

namespace {

using shimtest::LastError;
using shimtest::OpenRuntime;

constexpr int64_t kI64Max = std::numeric_limits<int64_t>::max();
constexpr int64_t kI64Min = std::numeric_limits<int64_t>::min();
constexpr int32_t kI32Max = std::numeric_limits<int32_t>::max();
constexpr int32_t kI32Min = std::numeric_limits<int32_t>::min();

// status == expected, a non-empty message that names `needle` (the entry point, usually).
#define EXPECT_REFUSED(call, expected, needle)                                                                 \
    do {                                                                                                       \
        int32_t ts_status = (call);                                                                            \
        std::string ts_message = LastError();                                                                  \
        if (ts_status != (expected)) {                                                                         \
            testsupport::fail(__FILE__, __LINE__,                                                              \
                              std::string(#call) + " returned " + std::to_string(ts_status) + ", want " +      \
                                  std::to_string(expected) + " (message: " + ts_message + ")");                \
        } else if (ts_message.empty() || ts_message.find(needle) == std::string::npos) {                       \
            testsupport::fail(__FILE__, __LINE__,                                                              \
                              std::string(#call) + ": message '" + ts_message + "' lacks '" + (needle) + "'"); \
        }                                                                                                      \
    } while (0)

// Handle layout (design.md): generation << 32 | kind << 24 | index.
int64_t WithKind(int64_t handle, int32_t kind) {
    return (handle & ~(int64_t{0xff} << 24)) | (static_cast<int64_t>(kind & 0xff) << 24);
}
int64_t WithNextGeneration(int64_t handle) {
    return handle + (int64_t{1} << 32);
}
int64_t WithIndex(int64_t handle, int64_t index) {
    return (handle & ~int64_t{0xffffff}) | (index & 0xffffff);
}

// One live object of every kind, a model with a task group among them.
struct Fixture {
    int64_t device = 0, stream = 0, deviceBuffer = 0, hostBuffer = 0, tensor = 0, tensor2 = 0, scalar = 0;
    int64_t executor = 0, event = 0, model = 0, group = 0;
    int64_t hostAddress = 0;

    Fixture() {
        const int64_t dims[] = {4, 2};
        CHECK_EQ(agj_device_open(0, &device), AGJ_OK);
        CHECK_EQ(agj_stream_create(device, &stream), AGJ_OK);
        CHECK_EQ(agj_device_buffer_alloc(device, 64, &deviceBuffer), AGJ_OK);
        CHECK_EQ(agj_host_buffer_alloc(device, 64, &hostBuffer, &hostAddress), AGJ_OK);
        CHECK_EQ(agj_tensor_create(deviceBuffer, ACL_FLOAT, dims, 2, nullptr, 0, &tensor), AGJ_OK);
        CHECK_EQ(agj_tensor_create(deviceBuffer, ACL_FLOAT, dims, 2, nullptr, 8, &tensor2), AGJ_OK);
        CHECK_EQ(agj_scalar_create_double(ACL_FLOAT, 1.5, &scalar), AGJ_OK);
        CHECK_EQ(
            agj_executor_prepare(AGJ_OP_INPLACE_ADD, tensor, tensor2, scalar, 0, AGJ_EXECUTOR_REPEATABLE, &executor),
            AGJ_OK);
        CHECK_EQ(agj_event_create(device, ACL_EVENT_SYNC, &event), AGJ_OK);
        CHECK_EQ(agj_capture_begin(stream, ACL_MODEL_RI_CAPTURE_MODE_GLOBAL), AGJ_OK);
        CHECK_EQ(agj_capture_task_group_begin(stream), AGJ_OK);
        CHECK_EQ(agj_executor_launch(executor, stream), AGJ_OK);
        CHECK_EQ(agj_capture_task_group_end(stream, &group), AGJ_OK);
        CHECK_EQ(agj_capture_end(stream, &model), AGJ_OK);
    }

    // (handle, kind) of every fixture object.
    std::vector<std::pair<int64_t, int32_t>> all() const {
        return {{device, AGJ_KIND_DEVICE},          {stream, AGJ_KIND_STREAM}, {deviceBuffer, AGJ_KIND_DEVICE_BUFFER},
                {hostBuffer, AGJ_KIND_HOST_BUFFER}, {tensor, AGJ_KIND_TENSOR}, {scalar, AGJ_KIND_SCALAR},
                {executor, AGJ_KIND_EXECUTOR},      {model, AGJ_KIND_MODEL},   {event, AGJ_KIND_EVENT},
                {group, AGJ_KIND_TASK_GROUP}};
    }
    int64_t of(int32_t kind) const {
        for (auto [handle, k] : all()) {
            if (k == kind) {
                return handle;
            }
        }
        return 0;
    }
};

// A handle parameter of an entry point: the kinds it accepts, and the call with that parameter
// replaced (every other argument valid).
struct HandleParam {
    const char *entry;
    const char *role;
    std::vector<int32_t> kinds;
    std::function<int32_t(const Fixture &, int64_t)> call;
};

// Every handle parameter of every entry point that takes handles.
std::vector<HandleParam> HandleParams(const std::string &jsonPath) {
    static int64_t sink64 = 0;
    static int32_t sink32 = 0;
    const std::vector<int32_t> anyBuffer = {AGJ_KIND_DEVICE_BUFFER, AGJ_KIND_HOST_BUFFER};
    std::vector<HandleParam> params = {
        {"agj_device_synchronize",
         "device",
         {AGJ_KIND_DEVICE},
         [](const Fixture &, int64_t h) { return agj_device_synchronize(h); }},
        {"agj_stream_create",
         "device",
         {AGJ_KIND_DEVICE},
         [](const Fixture &, int64_t h) { return agj_stream_create(h, &sink64); }},
        {"agj_stream_synchronize",
         "stream",
         {AGJ_KIND_STREAM},
         [](const Fixture &, int64_t h) { return agj_stream_synchronize(h); }},
        {"agj_stream_synchronize_timeout",
         "stream",
         {AGJ_KIND_STREAM},
         [](const Fixture &, int64_t h) { return agj_stream_synchronize_timeout(h, 100); }},
        {"agj_stream_query",
         "stream",
         {AGJ_KIND_STREAM},
         [](const Fixture &, int64_t h) { return agj_stream_query(h, &sink32); }},
        {"agj_device_buffer_alloc",
         "device",
         {AGJ_KIND_DEVICE},
         [](const Fixture &, int64_t h) { return agj_device_buffer_alloc(h, 64, &sink64); }},
        {"agj_host_buffer_alloc",
         "device",
         {AGJ_KIND_DEVICE},
         [](const Fixture &, int64_t h) { return agj_host_buffer_alloc(h, 64, &sink64, &sink64); }},
        {"agj_buffer_size", "buffer", anyBuffer,
         [](const Fixture &, int64_t h) { return agj_buffer_size(h, &sink64); }},
        {"agj_memcpy_async",
         "stream",
         {AGJ_KIND_STREAM},
         [](const Fixture &f, int64_t h) { return agj_memcpy_async(h, f.deviceBuffer, 0, f.hostBuffer, 0, 8); }},
        {"agj_memcpy_async", "destination", anyBuffer,
         [](const Fixture &f, int64_t h) { return agj_memcpy_async(f.stream, h, 0, f.hostBuffer, 0, 8); }},
        {"agj_memcpy_async", "source", anyBuffer,
         [](const Fixture &f, int64_t h) { return agj_memcpy_async(f.stream, f.deviceBuffer, 0, h, 0, 8); }},
        {"agj_memcpy", "destination", anyBuffer,
         [](const Fixture &f, int64_t h) { return agj_memcpy(h, 0, f.hostBuffer, 0, 8); }},
        {"agj_memcpy", "source", anyBuffer,
         [](const Fixture &f, int64_t h) { return agj_memcpy(f.deviceBuffer, 0, h, 0, 8); }},
        {"agj_memset_async",
         "stream",
         {AGJ_KIND_STREAM},
         [](const Fixture &f, int64_t h) { return agj_memset_async(h, f.deviceBuffer, 0, 0, 8); }},
        {"agj_memset_async", "buffer", anyBuffer,
         [](const Fixture &f, int64_t h) { return agj_memset_async(f.stream, h, 0, 0, 8); }},
        {"agj_memset", "buffer", anyBuffer, [](const Fixture &, int64_t h) { return agj_memset(h, 0, 0, 8); }},
        {"agj_tensor_create",
         "device buffer",
         {AGJ_KIND_DEVICE_BUFFER},
         [](const Fixture &, int64_t h) {
             const int64_t dims[] = {2};
             return agj_tensor_create(h, ACL_FLOAT, dims, 1, nullptr, 0, &sink64);
         }},
        {"agj_executor_prepare",
         "self",
         {AGJ_KIND_TENSOR},
         [](const Fixture &f, int64_t h) {
             return agj_executor_prepare(AGJ_OP_ADD, h, f.tensor2, f.scalar, f.tensor, 0, &sink64);
         }},
        {"agj_executor_prepare",
         "other",
         {AGJ_KIND_TENSOR},
         [](const Fixture &f, int64_t h) {
             return agj_executor_prepare(AGJ_OP_ADD, f.tensor, h, f.scalar, f.tensor, 0, &sink64);
         }},
        {"agj_executor_prepare",
         "other",
         {AGJ_KIND_SCALAR},
         [](const Fixture &f, int64_t h) {
             return agj_executor_prepare(AGJ_OP_ADDS, f.tensor, h, f.scalar, f.tensor, 0, &sink64);
         }},
        {"agj_executor_prepare",
         "other",
         {AGJ_KIND_TENSOR},
         [](const Fixture &f, int64_t h) {
             return agj_executor_prepare(AGJ_OP_INPLACE_ADD, f.tensor, h, f.scalar, 0, 0, &sink64);
         }},
        {"agj_executor_prepare",
         "other",
         {AGJ_KIND_SCALAR},
         [](const Fixture &f, int64_t h) {
             return agj_executor_prepare(AGJ_OP_INPLACE_ADDS, f.tensor, h, f.scalar, 0, 0, &sink64);
         }},
        {"agj_executor_prepare",
         "alpha",
         {AGJ_KIND_SCALAR},
         [](const Fixture &f, int64_t h) {
             return agj_executor_prepare(AGJ_OP_ADD, f.tensor, f.tensor2, h, f.tensor, 0, &sink64);
         }},
        {"agj_executor_prepare",
         "out",
         {AGJ_KIND_TENSOR},
         [](const Fixture &f, int64_t h) {
             return agj_executor_prepare(AGJ_OP_ADD, f.tensor, f.tensor2, f.scalar, h, 0, &sink64);
         }},
        {"agj_executor_prepare",
         "out",
         {AGJ_KIND_TENSOR},
         [](const Fixture &f, int64_t h) {
             return agj_executor_prepare(AGJ_OP_ADDS, f.tensor, f.scalar, f.scalar, h, 0, &sink64);
         }},
        {"agj_executor_workspace_size",
         "executor",
         {AGJ_KIND_EXECUTOR},
         [](const Fixture &, int64_t h) { return agj_executor_workspace_size(h, &sink64); }},
        {"agj_executor_launch",
         "executor",
         {AGJ_KIND_EXECUTOR},
         [](const Fixture &f, int64_t h) { return agj_executor_launch(h, f.stream); }},
        {"agj_executor_launch",
         "stream",
         {AGJ_KIND_STREAM},
         [](const Fixture &f, int64_t h) { return agj_executor_launch(f.executor, h); }},
        {"agj_event_create",
         "device",
         {AGJ_KIND_DEVICE},
         [](const Fixture &, int64_t h) { return agj_event_create(h, ACL_EVENT_SYNC, &sink64); }},
        {"agj_event_record",
         "event",
         {AGJ_KIND_EVENT},
         [](const Fixture &f, int64_t h) { return agj_event_record(h, f.stream); }},
        {"agj_event_record",
         "stream",
         {AGJ_KIND_STREAM},
         [](const Fixture &f, int64_t h) { return agj_event_record(f.event, h); }},
        {"agj_stream_wait_event",
         "stream",
         {AGJ_KIND_STREAM},
         [](const Fixture &f, int64_t h) { return agj_stream_wait_event(h, f.event); }},
        {"agj_stream_wait_event",
         "event",
         {AGJ_KIND_EVENT},
         [](const Fixture &f, int64_t h) { return agj_stream_wait_event(f.stream, h); }},
        {"agj_event_synchronize",
         "event",
         {AGJ_KIND_EVENT},
         [](const Fixture &, int64_t h) { return agj_event_synchronize(h); }},
        {"agj_event_query",
         "event",
         {AGJ_KIND_EVENT},
         [](const Fixture &, int64_t h) { return agj_event_query(h, &sink32); }},
        {"agj_capture_begin",
         "stream",
         {AGJ_KIND_STREAM},
         [](const Fixture &, int64_t h) { return agj_capture_begin(h, ACL_MODEL_RI_CAPTURE_MODE_GLOBAL); }},
        {"agj_capture_end",
         "stream",
         {AGJ_KIND_STREAM},
         [](const Fixture &, int64_t h) { return agj_capture_end(h, &sink64); }},
        {"agj_capture_status",
         "stream",
         {AGJ_KIND_STREAM},
         [](const Fixture &, int64_t h) { return agj_capture_status(h, &sink32); }},
        {"agj_capture_task_group_begin",
         "stream",
         {AGJ_KIND_STREAM},
         [](const Fixture &, int64_t h) { return agj_capture_task_group_begin(h); }},
        {"agj_capture_task_group_end",
         "stream",
         {AGJ_KIND_STREAM},
         [](const Fixture &, int64_t h) { return agj_capture_task_group_end(h, &sink64); }},
        {"agj_capture_task_update_begin",
         "stream",
         {AGJ_KIND_STREAM},
         [](const Fixture &f, int64_t h) { return agj_capture_task_update_begin(h, f.group); }},
        {"agj_capture_task_update_begin",
         "task group",
         {AGJ_KIND_TASK_GROUP},
         [](const Fixture &f, int64_t h) { return agj_capture_task_update_begin(f.stream, h); }},
        {"agj_capture_task_update_end",
         "stream",
         {AGJ_KIND_STREAM},
         [](const Fixture &, int64_t h) { return agj_capture_task_update_end(h); }},
        {"agj_model_execute_async",
         "model",
         {AGJ_KIND_MODEL},
         [](const Fixture &f, int64_t h) { return agj_model_execute_async(h, f.stream); }},
        {"agj_model_execute_async",
         "stream",
         {AGJ_KIND_STREAM},
         [](const Fixture &f, int64_t h) { return agj_model_execute_async(f.model, h); }},
        {"agj_model_execute",
         "model",
         {AGJ_KIND_MODEL},
         [](const Fixture &f, int64_t h) { return agj_model_execute(h, f.stream); }},
        {"agj_model_execute",
         "stream",
         {AGJ_KIND_STREAM},
         [](const Fixture &f, int64_t h) { return agj_model_execute(f.model, h); }},
        {"agj_bench_replay_loop",
         "model",
         {AGJ_KIND_MODEL},
         [](const Fixture &f, int64_t h) { return agj_bench_replay_loop(h, f.stream, 1, &sink64); }},
        {"agj_bench_replay_loop",
         "stream",
         {AGJ_KIND_STREAM},
         [](const Fixture &f, int64_t h) { return agj_bench_replay_loop(f.model, h, 1, &sink64); }},
        {"agj_model_debug_json",
         "model",
         {AGJ_KIND_MODEL},
         [jsonPath](const Fixture &, int64_t h) { return agj_model_debug_json(h, jsonPath.c_str()); }},
        {"agj_model_debug_print",
         "model",
         {AGJ_KIND_MODEL},
         [](const Fixture &, int64_t h) { return agj_model_debug_print(h); }},
        {"agj_model_set_name",
         "model",
         {AGJ_KIND_MODEL},
         [](const Fixture &, int64_t h) { return agj_model_set_name(h, "m"); }},
        {"agj_model_get_name",
         "model",
         {AGJ_KIND_MODEL},
         [](const Fixture &, int64_t h) {
             char name[16];
             return agj_model_get_name(h, name, sizeof name);
         }},
        {"agj_model_id",
         "model",
         {AGJ_KIND_MODEL},
         [](const Fixture &, int64_t h) { return agj_model_id(h, &sink64); }},
        {"agj_model_on_destroy",
         "model",
         {AGJ_KIND_MODEL},
         [](const Fixture &, int64_t h) { return agj_model_on_destroy(h, 1); }},
        {"agj_model_tasks",
         "model",
         {AGJ_KIND_MODEL},
         [](const Fixture &, int64_t h) {
             int32_t list[8];
             return agj_model_tasks(h, list, 8, &sink32);
         }},
        {"agj_release", "handle", {}, [](const Fixture &, int64_t h) { return agj_release(h); }},
    };
    return params;
}

bool Accepts(const HandleParam &param, int32_t kind) {
    for (int32_t k : param.kinds) {
        if (k == kind) {
            return true;
        }
    }
    return param.kinds.empty(); // agj_release takes any kind
}

// Handles that name nothing live: null, negative, forged, out-of-table, wrong generation.
std::vector<int64_t> DeadHandles(const Fixture &fixture, int64_t stale) {
    std::vector<int64_t> handles = {
        0, -1, -2, 1, 2, kI64Max, kI64Min, int64_t{1} << 32, (int64_t{1} << 32) | 0xffffff, stale};
    for (auto [handle, kind] : fixture.all()) {
        handles.push_back(WithNextGeneration(handle));
        handles.push_back(WithIndex(handle, 0xffffff));
        handles.push_back(-handle);
        handles.push_back(handle | (int64_t{1} << 63));
        for (int32_t other : {0, AGJ_KIND_COUNT, 0x7f, 0xff}) {
            handles.push_back(WithKind(handle, other));
        }
    }
    std::mt19937_64 random(20240611);
    for (int i = 0; i < 200; ++i) {
        int64_t forged = static_cast<int64_t>(random());
        if (agj_handle_kind(forged) == 0) {
            handles.push_back(forged);
        }
        // Forged with a plausible generation and kind, and a small index.
        forged = (static_cast<int64_t>(random() % 4 + 1) << 32) | (static_cast<int64_t>(random() % 16) << 24) |
                 static_cast<int64_t>(random() % 64);
        if (agj_handle_kind(forged) == 0) {
            handles.push_back(forged);
        }
    }
    return handles;
}

// Every handle parameter refuses every dead handle and every live handle of a kind it does not take.
void CheckHandleParams(const Fixture &fixture, int64_t stale, const std::string &jsonPath) {
    std::vector<int64_t> dead = DeadHandles(fixture, stale);
    int64_t liveBefore = agj_live_count(0);
    for (const HandleParam &param : HandleParams(jsonPath)) {
        for (int64_t handle : dead) {
            REQUIRE(agj_handle_kind(handle) == 0);
            int32_t status = param.call(fixture, handle);
            std::string message = LastError();
            if (status != AGJ_ERR_INVALID_HANDLE || message.find(param.entry) == std::string::npos ||
                message.find(param.role) == std::string::npos) {
                testsupport::fail(__FILE__, __LINE__,
                                  std::string(param.entry) + " " + param.role + " " + std::to_string(handle) +
                                      ": status " + std::to_string(status) + ", message '" + message + "'");
            }
        }
        for (auto [handle, kind] : fixture.all()) {
            if (Accepts(param, kind)) {
                continue;
            }
            // Live, but of the wrong kind; also the same slot with the kind bits swapped.
            for (int64_t wrong : {handle, WithKind(handle, param.kinds.front())}) {
                int32_t status = param.call(fixture, wrong);
                std::string message = LastError();
                if (status != AGJ_ERR_INVALID_HANDLE || message.find(param.entry) == std::string::npos) {
                    testsupport::fail(__FILE__, __LINE__,
                                      std::string(param.entry) + " " + param.role + " given a live " +
                                          std::to_string(kind) + " (" + std::to_string(wrong) + "): status " +
                                          std::to_string(status) + ", message '" + message + "'");
                }
            }
        }
    }
    CHECK_EQ(agj_live_count(0), liveBefore);
    for (auto [handle, kind] : fixture.all()) {
        CHECK_EQ(agj_handle_kind(handle), kind);
    }
}

std::string JsonPath() {
    const char *tmp = std::getenv("TMPDIR");
    return std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/agj_bad_input_" +
           std::to_string(reinterpret_cast<uintptr_t>(&JsonPath) & 0xffff) + ".json";
}

// Every entry point that needs the runtime, with valid-looking arguments.
std::vector<std::pair<const char *, std::function<int32_t()>>> RuntimeCalls(int64_t h) {
    static int64_t sink64 = 0;
    static int32_t sink32 = 0;
    const int64_t dims[] = {2};
    return {
        {"agj_device_count", [] { return agj_device_count(&sink32); }},
        {"agj_release", [h] { return agj_release(h); }},
        {"agj_device_open", [] { return agj_device_open(0, &sink64); }},
        {"agj_device_synchronize", [h] { return agj_device_synchronize(h); }},
        {"agj_stream_create", [h] { return agj_stream_create(h, &sink64); }},
        {"agj_stream_synchronize", [h] { return agj_stream_synchronize(h); }},
        {"agj_stream_synchronize_timeout", [h] { return agj_stream_synchronize_timeout(h, 10); }},
        {"agj_stream_query", [h] { return agj_stream_query(h, &sink32); }},
        {"agj_device_buffer_alloc", [h] { return agj_device_buffer_alloc(h, 64, &sink64); }},
        {"agj_host_buffer_alloc", [h] { return agj_host_buffer_alloc(h, 64, &sink64, &sink64); }},
        {"agj_buffer_size", [h] { return agj_buffer_size(h, &sink64); }},
        {"agj_memcpy_async", [h] { return agj_memcpy_async(h, h, 0, h, 0, 8); }},
        {"agj_memcpy", [h] { return agj_memcpy(h, 0, h, 0, 8); }},
        {"agj_memset_async", [h] { return agj_memset_async(h, h, 0, 0, 8); }},
        {"agj_memset", [h] { return agj_memset(h, 0, 0, 8); }},
        {"agj_tensor_create", [h, dims] { return agj_tensor_create(h, ACL_FLOAT, dims, 1, nullptr, 0, &sink64); }},
        {"agj_scalar_create_double", [] { return agj_scalar_create_double(ACL_FLOAT, 1.0, &sink64); }},
        {"agj_scalar_create_long", [] { return agj_scalar_create_long(ACL_INT32, 1, &sink64); }},
        {"agj_executor_prepare", [h] { return agj_executor_prepare(AGJ_OP_ADD, h, h, h, h, 0, &sink64); }},
        {"agj_executor_workspace_size", [h] { return agj_executor_workspace_size(h, &sink64); }},
        {"agj_executor_launch", [h] { return agj_executor_launch(h, h); }},
        {"agj_event_create", [h] { return agj_event_create(h, 0, &sink64); }},
        {"agj_event_record", [h] { return agj_event_record(h, h); }},
        {"agj_stream_wait_event", [h] { return agj_stream_wait_event(h, h); }},
        {"agj_event_synchronize", [h] { return agj_event_synchronize(h); }},
        {"agj_event_query", [h] { return agj_event_query(h, &sink32); }},
        {"agj_capture_begin", [h] { return agj_capture_begin(h, 0); }},
        {"agj_capture_end", [h] { return agj_capture_end(h, &sink64); }},
        {"agj_capture_status", [h] { return agj_capture_status(h, &sink32); }},
        {"agj_capture_exchange_mode", [] { return agj_capture_exchange_mode(0, &sink32); }},
        {"agj_capture_task_group_begin", [h] { return agj_capture_task_group_begin(h); }},
        {"agj_capture_task_group_end", [h] { return agj_capture_task_group_end(h, &sink64); }},
        {"agj_capture_task_update_begin", [h] { return agj_capture_task_update_begin(h, h); }},
        {"agj_capture_task_update_end", [h] { return agj_capture_task_update_end(h); }},
        {"agj_model_execute_async", [h] { return agj_model_execute_async(h, h); }},
        {"agj_model_execute", [h] { return agj_model_execute(h, h); }},
        {"agj_bench_replay_loop", [h] { return agj_bench_replay_loop(h, h, 1, &sink64); }},
        {"agj_model_debug_json", [h] { return agj_model_debug_json(h, "/dev/null"); }},
        {"agj_model_debug_print", [h] { return agj_model_debug_print(h); }},
        {"agj_runtime_features", [] { return agj_runtime_features(&sink64); }},
        {"agj_model_set_name", [h] { return agj_model_set_name(h, "m"); }},
        {"agj_model_get_name",
         [h] {
             char name[16];
             return agj_model_get_name(h, name, sizeof name);
         }},
        {"agj_model_id", [h] { return agj_model_id(h, &sink64); }},
        {"agj_model_on_destroy", [h] { return agj_model_on_destroy(h, 1); }},
        {"agj_model_tasks",
         [h] {
             int32_t list[8];
             return agj_model_tasks(h, list, 8, &sink32);
         }},
        {"agj_sim_inject_fault", [] { return agj_sim_inject_fault(ACLSIM_FAULT_DEVICE_ALLOC, 0, 1); }},
        {"agj_sim_clear_faults", [] { return agj_sim_clear_faults(); }},
    };
}

void CheckEverythingRefusedWhileClosed(int64_t handle) {
    for (auto &[entry, call] : RuntimeCalls(handle)) {
        int32_t status = call();
        std::string message = LastError();
        if (status != AGJ_ERR_STATE || message.find(entry) == std::string::npos ||
            message.find("not open") == std::string::npos) {
            testsupport::fail(__FILE__, __LINE__,
                              std::string(entry) + " while closed: status " + std::to_string(status) + ", message '" +
                                  message + "'");
        }
    }
    EXPECT_REFUSED(agj_runtime_close(), AGJ_ERR_STATE, "agj_runtime_close");
    CHECK_EQ(agj_handle_kind(handle), 0);
    CHECK_EQ(agj_live_count(0), 0);
    CHECK_EQ(std::string(agj_runtime_backend_description()), "");
}

} // namespace

TEST_CASE("diagnostics never fail") {
    CHECK_EQ(agj_api_version(), AGJ_API_VERSION);
    CHECK(agj_last_error_message() != nullptr);
    CHECK(agj_live_report() != nullptr);
    for (int32_t kind : {0, 1, AGJ_KIND_COUNT - 1}) {
        CHECK_EQ(agj_live_count(kind), 0);
    }
    // Kinds that do not exist count nothing (they are not "every kind").
    OpenRuntime runtime;
    int64_t device = 0;
    CHECK_EQ(agj_device_open(0, &device), AGJ_OK);
    for (int32_t kind : {-1, AGJ_KIND_COUNT, 99, kI32Min, kI32Max}) {
        CHECK_EQ(agj_live_count(kind), 0);
    }
    CHECK_EQ(agj_live_count(0), 1);
    CHECK_EQ(agj_live_count(AGJ_KIND_DEVICE), 1);
    CHECK(std::string(agj_live_report()).find("device 0") != std::string::npos);
    for (int64_t handle :
         {int64_t{0}, int64_t{-1}, kI64Max, kI64Min, WithKind(device, AGJ_KIND_STREAM), WithNextGeneration(device)}) {
        CHECK_EQ(agj_handle_kind(handle), 0);
    }
}

TEST_CASE("every call before the runtime is open, and after it closed, is refused") {
    CheckEverythingRefusedWhileClosed(0);
    int64_t stale = 0;
    {
        OpenRuntime runtime;
        CHECK_EQ(agj_device_open(0, &stale), AGJ_OK);
    }
    CheckEverythingRefusedWhileClosed(stale);
    // Reopened, handles from the previous session are dead.
    OpenRuntime runtime;
    EXPECT_REFUSED(agj_device_synchronize(stale), AGJ_ERR_INVALID_HANDLE, "not live");
    EXPECT_REFUSED(agj_release(stale), AGJ_ERR_INVALID_HANDLE, "agj_release");
}

TEST_CASE("runtime open: bad backends") {
    EXPECT_REFUSED(agj_runtime_open("/nonexistent/libascendcl.so"), AGJ_ERR_BACKEND, "/nonexistent/libascendcl.so");
    EXPECT_REFUSED(agj_runtime_open(":::"), AGJ_ERR_BACKEND, "agj_runtime_open");
    EXPECT_REFUSED(agj_runtime_open("/dev/null"), AGJ_ERR_BACKEND, "/dev/null");
    // A library without the ACL functions.
    EXPECT_REFUSED(agj_runtime_open("libm.so.6"), AGJ_ERR_BACKEND, "lacks required functions");
    CHECK_EQ(agj_live_count(0), 0);
    // Null and empty mean the simulator; opening again with another backend is refused.
    CHECK_EQ(agj_runtime_open(nullptr), AGJ_OK);
    CHECK_EQ(agj_runtime_open(""), AGJ_OK);
    CHECK_EQ(agj_runtime_open("sim"), AGJ_OK);
    CHECK(std::string(agj_runtime_backend_description()).find("libaclsim.so") != std::string::npos);
    EXPECT_REFUSED(agj_runtime_open("cann"), AGJ_ERR_STATE, "already open");
    EXPECT_REFUSED(agj_runtime_open("/nonexistent.so"), AGJ_ERR_STATE, "already open");
    CHECK_EQ(agj_runtime_close(), AGJ_OK);
    CHECK_EQ(agj_runtime_close(), AGJ_OK);
    CHECK_EQ(agj_runtime_close(), AGJ_OK);
    EXPECT_REFUSED(agj_runtime_close(), AGJ_ERR_STATE, "not open");
}

TEST_CASE("null out pointers are refused") {
    OpenRuntime runtime;
    Fixture f;
    int64_t sink = 0;
    const int64_t dims[] = {2};
    EXPECT_REFUSED(agj_device_count(nullptr), AGJ_ERR_INVALID_ARGUMENT, "agj_device_count");
    EXPECT_REFUSED(agj_device_open(0, nullptr), AGJ_ERR_INVALID_ARGUMENT, "agj_device_open");
    EXPECT_REFUSED(agj_stream_create(f.device, nullptr), AGJ_ERR_INVALID_ARGUMENT, "agj_stream_create");
    EXPECT_REFUSED(agj_stream_query(f.stream, nullptr), AGJ_ERR_INVALID_ARGUMENT, "agj_stream_query");
    EXPECT_REFUSED(agj_device_buffer_alloc(f.device, 64, nullptr), AGJ_ERR_INVALID_ARGUMENT, "agj_device_buffer_alloc");
    EXPECT_REFUSED(agj_host_buffer_alloc(f.device, 64, nullptr, &sink), AGJ_ERR_INVALID_ARGUMENT,
                   "agj_host_buffer_alloc");
    EXPECT_REFUSED(agj_host_buffer_alloc(f.device, 64, &sink, nullptr), AGJ_ERR_INVALID_ARGUMENT,
                   "agj_host_buffer_alloc");
    EXPECT_REFUSED(agj_buffer_size(f.deviceBuffer, nullptr), AGJ_ERR_INVALID_ARGUMENT, "agj_buffer_size");
    EXPECT_REFUSED(agj_tensor_create(f.deviceBuffer, ACL_FLOAT, dims, 1, nullptr, 0, nullptr), AGJ_ERR_INVALID_ARGUMENT,
                   "agj_tensor_create");
    EXPECT_REFUSED(agj_tensor_create(f.deviceBuffer, ACL_FLOAT, nullptr, 1, nullptr, 0, &sink),
                   AGJ_ERR_INVALID_ARGUMENT, "dims is null");
    EXPECT_REFUSED(agj_scalar_create_double(ACL_FLOAT, 1.0, nullptr), AGJ_ERR_INVALID_ARGUMENT,
                   "agj_scalar_create_double");
    EXPECT_REFUSED(agj_scalar_create_long(ACL_INT64, 1, nullptr), AGJ_ERR_INVALID_ARGUMENT, "agj_scalar_create_long");
    EXPECT_REFUSED(agj_executor_prepare(AGJ_OP_ADD, f.tensor, f.tensor2, f.scalar, f.tensor, 0, nullptr),
                   AGJ_ERR_INVALID_ARGUMENT, "agj_executor_prepare");
    EXPECT_REFUSED(agj_executor_workspace_size(f.executor, nullptr), AGJ_ERR_INVALID_ARGUMENT,
                   "agj_executor_workspace_size");
    EXPECT_REFUSED(agj_event_create(f.device, 0, nullptr), AGJ_ERR_INVALID_ARGUMENT, "agj_event_create");
    EXPECT_REFUSED(agj_event_query(f.event, nullptr), AGJ_ERR_INVALID_ARGUMENT, "agj_event_query");
    EXPECT_REFUSED(agj_capture_end(f.stream, nullptr), AGJ_ERR_INVALID_ARGUMENT, "agj_capture_end");
    EXPECT_REFUSED(agj_capture_status(f.stream, nullptr), AGJ_ERR_INVALID_ARGUMENT, "agj_capture_status");
    EXPECT_REFUSED(agj_capture_exchange_mode(0, nullptr), AGJ_ERR_INVALID_ARGUMENT, "agj_capture_exchange_mode");
    EXPECT_REFUSED(agj_capture_task_group_end(f.stream, nullptr), AGJ_ERR_INVALID_ARGUMENT,
                   "agj_capture_task_group_end");
    EXPECT_REFUSED(agj_model_debug_json(f.model, nullptr), AGJ_ERR_INVALID_ARGUMENT, "agj_model_debug_json");
    EXPECT_REFUSED(agj_model_debug_json(f.model, ""), AGJ_ERR_INVALID_ARGUMENT, "agj_model_debug_json");
    EXPECT_REFUSED(agj_runtime_features(nullptr), AGJ_ERR_INVALID_ARGUMENT, "agj_runtime_features");
    EXPECT_REFUSED(agj_model_set_name(f.model, nullptr), AGJ_ERR_INVALID_ARGUMENT, "the name is empty");
    EXPECT_REFUSED(agj_model_set_name(f.model, ""), AGJ_ERR_INVALID_ARGUMENT, "the name is empty");
    char name[8];
    EXPECT_REFUSED(agj_model_get_name(f.model, nullptr, 8), AGJ_ERR_INVALID_ARGUMENT, "agj_model_get_name");
    EXPECT_REFUSED(agj_model_get_name(f.model, name, 1), AGJ_ERR_INVALID_ARGUMENT, "at least 2 bytes");
    EXPECT_REFUSED(agj_model_get_name(f.model, name, -5), AGJ_ERR_INVALID_ARGUMENT, "at least 2 bytes");
    EXPECT_REFUSED(agj_model_id(f.model, nullptr), AGJ_ERR_INVALID_ARGUMENT, "agj_model_id");
    int32_t list[4];
    int32_t length = 0;
    EXPECT_REFUSED(agj_model_tasks(f.model, list, 4, nullptr), AGJ_ERR_INVALID_ARGUMENT, "agj_model_tasks");
    EXPECT_REFUSED(agj_model_tasks(f.model, nullptr, 4, &length), AGJ_ERR_INVALID_ARGUMENT, "at NULL");
    EXPECT_REFUSED(agj_model_tasks(f.model, list, -1, &length), AGJ_ERR_INVALID_ARGUMENT, "capacity");
    int64_t cookies[2];
    int32_t count = -1;
    EXPECT_REFUSED(agj_take_destroyed(nullptr, 2, &count), AGJ_ERR_INVALID_ARGUMENT, "agj_take_destroyed");
    CHECK_EQ(count, 0);
    EXPECT_REFUSED(agj_take_destroyed(cookies, 2, nullptr), AGJ_ERR_INVALID_ARGUMENT, "agj_take_destroyed");
    EXPECT_REFUSED(agj_take_destroyed(cookies, 0, &count), AGJ_ERR_INVALID_ARGUMENT, "capacity must be positive");
    // A null out pointer wins over a bad handle: nothing is written anywhere.
    EXPECT_REFUSED(agj_stream_create(-1, nullptr), AGJ_ERR_INVALID_ARGUMENT, "agj_stream_create");
    EXPECT_REFUSED(agj_capture_end(-1, nullptr), AGJ_ERR_INVALID_ARGUMENT, "agj_capture_end");
}

TEST_CASE("stale, forged and wrong-kind handles are refused by every handle parameter") {
    OpenRuntime runtime;
    std::string json = JsonPath();
    Fixture fixture;
    // A released handle, then the same slot reused by a new object: the old handle stays dead.
    int64_t stale = 0, reused = 0;
    CHECK_EQ(agj_scalar_create_long(ACL_INT32, 7, &stale), AGJ_OK);
    CHECK_EQ(agj_release(stale), AGJ_OK);
    CheckHandleParams(fixture, stale, json);
    CHECK_EQ(agj_scalar_create_long(ACL_INT32, 8, &reused), AGJ_OK);
    CHECK((reused & 0xffffff) == (stale & 0xffffff));
    CHECK(reused != stale);
    CheckHandleParams(fixture, stale, json);
    // Every fixture object released: each of their handles is now stale for every parameter.
    std::vector<std::pair<int64_t, int32_t>> released = fixture.all();
    for (auto it = released.rbegin(); it != released.rend(); ++it) {
        CHECK_EQ(agj_release(it->first), AGJ_OK);
    }
    for (auto [handle, kind] : released) {
        CHECK_EQ(agj_handle_kind(handle), 0);
        EXPECT_REFUSED(agj_release(handle), AGJ_ERR_INVALID_HANDLE, "agj_release");
    }
    Fixture live;
    for (const HandleParam &param : HandleParams(json)) {
        for (auto [handle, kind] : released) {
            int32_t status = param.call(live, handle);
            std::string message = LastError();
            if (status != AGJ_ERR_INVALID_HANDLE || message.find("not live") == std::string::npos) {
                testsupport::fail(__FILE__, __LINE__,
                                  std::string(param.entry) + " " + param.role + " given released " +
                                      std::to_string(handle) + ": status " + std::to_string(status) + ", message '" +
                                      message + "'");
            }
        }
    }
    CHECK_EQ(agj_release(reused), AGJ_OK);
    std::remove(json.c_str());
}

TEST_CASE("sizes: zero, negative, huge and overflowing") {
    OpenRuntime runtime;
    Fixture f;
    int64_t sink = 0, address = 0;
    for (int64_t bytes : {int64_t{0}, int64_t{-1}, int64_t{-64}, kI64Min}) {
        EXPECT_REFUSED(agj_device_buffer_alloc(f.device, bytes, &sink), AGJ_ERR_INVALID_ARGUMENT,
                       "size must be positive");
        EXPECT_REFUSED(agj_host_buffer_alloc(f.device, bytes, &sink, &address), AGJ_ERR_INVALID_ARGUMENT,
                       "size must be positive");
    }
    // Sizes no backend can allocate: the backend's out-of-memory error, with its message.
    for (int64_t bytes : {kI64Max, kI64Max / 2 + 1}) {
        EXPECT_REFUSED(agj_device_buffer_alloc(f.device, bytes, &sink), ACL_ERROR_RT_MEMORY_ALLOCATION, "aclrtMalloc");
        EXPECT_REFUSED(agj_host_buffer_alloc(f.device, bytes, &sink, &address), ACL_ERROR_RT_MEMORY_ALLOCATION,
                       "aclrtMallocHost");
    }
    // Copies and memsets: every range is checked against both buffers (64 bytes each).
    struct Range {
        int64_t dstOffset, srcOffset, bytes;
    };
    const Range bad[] = {{-1, 0, 8},
                         {0, -1, 8},
                         {0, 0, -1},
                         {0, 0, 65},
                         {64, 0, 1},
                         {0, 64, 1},
                         {57, 0, 8},
                         {0, 57, 8},
                         {kI64Max, 0, 1},
                         {0, kI64Max, 1},
                         {1, 0, kI64Max},
                         {0, 1, kI64Max},
                         {kI64Max, kI64Max, kI64Max},
                         {kI64Min, 0, 8},
                         {0, kI64Min, 8},
                         {0, 0, kI64Min},
                         {65, 0, 0},
                         {0, 65, 0}};
    for (const Range &r : bad) {
        EXPECT_REFUSED(agj_memcpy_async(f.stream, f.deviceBuffer, r.dstOffset, f.hostBuffer, r.srcOffset, r.bytes),
                       AGJ_ERR_INVALID_ARGUMENT, "agj_memcpy_async");
        EXPECT_REFUSED(agj_memcpy(f.hostBuffer, r.dstOffset, f.deviceBuffer, r.srcOffset, r.bytes),
                       AGJ_ERR_INVALID_ARGUMENT, "agj_memcpy");
        if (r.srcOffset == 0) {
            EXPECT_REFUSED(agj_memset_async(f.stream, f.deviceBuffer, r.dstOffset, 0x5a, r.bytes),
                           AGJ_ERR_INVALID_ARGUMENT, "agj_memset_async");
            EXPECT_REFUSED(agj_memset(f.hostBuffer, r.dstOffset, 0x5a, r.bytes), AGJ_ERR_INVALID_ARGUMENT,
                           "agj_memset");
        }
    }
    // The edges that fit, including empty ranges at either end.
    CHECK_EQ(agj_memcpy_async(f.stream, f.deviceBuffer, 56, f.hostBuffer, 0, 8), AGJ_OK);
    CHECK_EQ(agj_memcpy_async(f.stream, f.deviceBuffer, 64, f.hostBuffer, 64, 0), AGJ_OK);
    CHECK_EQ(agj_memset_async(f.stream, f.deviceBuffer, 0, -128, 64), AGJ_OK);
    CHECK_EQ(agj_memset_async(f.stream, f.deviceBuffer, 0, 255, 64), AGJ_OK);
    CHECK_EQ(agj_stream_synchronize(f.stream), AGJ_OK);
    CHECK_EQ(agj_memcpy(f.hostBuffer, 0, f.deviceBuffer, 0, 64), AGJ_OK);
    CHECK_EQ(agj_memset(f.hostBuffer, 0, -1, 0), AGJ_OK);
    CHECK_EQ(agj_memset(f.hostBuffer, 64, 7, 0), AGJ_OK);
    // Timeouts: -1 or positive.
    for (int32_t timeout : {0, -2, kI32Min}) {
        EXPECT_REFUSED(agj_stream_synchronize_timeout(f.stream, timeout), AGJ_ERR_INVALID_ARGUMENT, "timeout");
    }
    CHECK_EQ(agj_stream_synchronize_timeout(f.stream, kI32Max), AGJ_OK);
    CHECK_EQ(agj_stream_synchronize_timeout(f.stream, -1), AGJ_OK);
}

TEST_CASE("copies and memsets: byte values, the stream's device, host to host") {
    OpenRuntime runtime;
    Fixture f;
    for (int32_t value : {256, -129, kI32Max, kI32Min}) {
        EXPECT_REFUSED(agj_memset_async(f.stream, f.deviceBuffer, 0, value, 8), AGJ_ERR_INVALID_ARGUMENT,
                       "the fill value " + std::to_string(value) + " is not a byte");
        EXPECT_REFUSED(agj_memset(f.hostBuffer, 0, value, 8), AGJ_ERR_INVALID_ARGUMENT,
                       "the fill value " + std::to_string(value) + " is not a byte");
    }
    // Device memory of another device on this device's stream; host memory of any device is fine.
    int64_t otherDevice = 0, otherBuffer = 0, otherHost = 0, otherAddress = 0;
    CHECK_EQ(agj_device_open(1, &otherDevice), AGJ_OK);
    CHECK_EQ(agj_device_buffer_alloc(otherDevice, 64, &otherBuffer), AGJ_OK);
    CHECK_EQ(agj_host_buffer_alloc(otherDevice, 64, &otherHost, &otherAddress), AGJ_OK);
    EXPECT_REFUSED(agj_memcpy_async(f.stream, f.deviceBuffer, 0, otherBuffer, 0, 8), AGJ_ERR_INVALID_ARGUMENT,
                   "the source (64 bytes on device 1) is not on the stream's device 0");
    EXPECT_REFUSED(agj_memcpy_async(f.stream, otherBuffer, 0, f.hostBuffer, 0, 8), AGJ_ERR_INVALID_ARGUMENT,
                   "the destination (64 bytes on device 1) is not on the stream's device 0");
    EXPECT_REFUSED(agj_memset_async(f.stream, otherBuffer, 0, 7, 8), AGJ_ERR_INVALID_ARGUMENT,
                   "the memory (64 bytes on device 1) is not on the stream's device 0");
    EXPECT_REFUSED(agj_memcpy_async(f.stream, f.hostBuffer, 0, otherHost, 0, 8), AGJ_ERR_INVALID_ARGUMENT,
                   "both source and destination are host memory");
    CHECK_EQ(agj_memcpy_async(f.stream, f.deviceBuffer, 0, otherHost, 0, 8), AGJ_OK);
    CHECK_EQ(agj_memset_async(f.stream, otherHost, 0, 7, 8), AGJ_OK);
    CHECK_EQ(agj_stream_synchronize(f.stream), AGJ_OK);
    CHECK_EQ(agj_memcpy(f.hostBuffer, 0, otherHost, 0, 8), AGJ_OK);
    for (int64_t handle : {otherHost, otherBuffer, otherDevice}) {
        CHECK_EQ(agj_release(handle), AGJ_OK);
    }
}

TEST_CASE("model names: empty, blank and too long") {
    OpenRuntime runtime;
    Fixture f;
    EXPECT_REFUSED(agj_model_set_name(f.model, ""), AGJ_ERR_INVALID_ARGUMENT, "the name is empty");
    EXPECT_REFUSED(agj_model_set_name(f.model, " \t\n"), AGJ_ERR_INVALID_ARGUMENT, "is blank");
    EXPECT_REFUSED(agj_model_set_name(f.model, std::string(256, 'm').c_str()), AGJ_ERR_INVALID_ARGUMENT,
                   "the name has 256 bytes: a model's name must be 1 to 255 bytes");
    // 255 bytes is a name: whatever the backend says of it, it is not refused as an argument.
    CHECK(agj_model_set_name(f.model, std::string(255, 'm').c_str()) != AGJ_ERR_INVALID_ARGUMENT);
}

TEST_CASE("tensor views: bad ranks, shapes, strides, offsets and data types") {
    OpenRuntime runtime;
    Fixture f; // 64-byte device buffer: 16 floats
    int64_t t = 0;
    const int64_t dims2[] = {4, 2};
    const int64_t nine[] = {1, 1, 1, 1, 1, 1, 1, 1, 1};
    for (int32_t rank : {-1, 9, kI32Min, kI32Max}) {
        EXPECT_REFUSED(agj_tensor_create(f.deviceBuffer, ACL_FLOAT, nine, rank, nullptr, 0, &t),
                       AGJ_ERR_INVALID_ARGUMENT, "rank");
    }
    for (int32_t dataType : {-1, int32_t{ACL_DT_UNDEFINED}, 99, kI32Max, kI32Min}) {
        EXPECT_REFUSED(agj_tensor_create(f.deviceBuffer, dataType, dims2, 2, nullptr, 0, &t), AGJ_ERR_INVALID_ARGUMENT,
                       "data type");
    }
    struct View {
        std::vector<int64_t> dims, strides;
        int64_t offset;
        const char *needle;
    };
    const View bad[] = {
        {{-1, 2}, {}, 0, "negative"},
        {{4, kI64Min}, {}, 0, "negative"},
        {{5, 4}, {}, 0, "buffer holds 64 bytes"},
        {{4, 4}, {}, 1, "buffer holds 64 bytes"},
        {{17}, {}, 0, "buffer holds"},
        {{kI64Max, 2}, {}, 0, "overflows"},
        {{kI64Max / 2, 4}, {}, 0, "overflows"},
        {{3037000500, 3037000500}, {}, 0, "overflows"},
        {{1 << 20, 1 << 20, 1 << 20, 1 << 20}, {}, 0, "overflows"},
        {{2, 2}, {-1, 1}, 0, "stride"},
        {{2, 2}, {1, kI64Min}, 0, "stride"},
        {{2, 2}, {kI64Max, 1}, 0, "overflows"},
        {{2, 2}, {16, 1}, 0, "buffer holds"},
        {{2}, {}, -1, "offset"},
        {{2}, {}, kI64Min, "offset"},
        {{2}, {}, 15, "buffer holds"},
        {{2}, {}, kI64Max, "agj_tensor_create"},
        {{2}, {}, kI64Max / 4, "agj_tensor_create"},
        {{}, {}, 16, "buffer holds"},
        {{}, {}, kI64Max, "agj_tensor_create"},
        {{kI64Max, 1}, {0, 0}, kI64Max, "agj_tensor_create"},
    };
    for (const View &view : bad) {
        const int64_t *strides = view.strides.empty() ? nullptr : view.strides.data();
        EXPECT_REFUSED(agj_tensor_create(f.deviceBuffer, ACL_FLOAT, view.dims.data(),
                                         static_cast<int32_t>(view.dims.size()), strides, view.offset, &t),
                       AGJ_ERR_INVALID_ARGUMENT, view.needle);
    }
    // Views that fit: the whole buffer, a 0-d tensor at the last element, broadcast strides, an
    // empty tensor.
    const View good[] = {{{16}, {}, 0, ""},       {{}, {}, 15, ""},    {{4, 4}, {0, 1}, 12, ""},
                         {{8, 2}, {2, 1}, 0, ""}, {{0, 4}, {}, 0, ""}, {{1, 1, 1, 1, 1, 1, 1, 16}, {}, 0, ""}};
    for (const View &view : good) {
        const int64_t *strides = view.strides.empty() ? nullptr : view.strides.data();
        int32_t status = agj_tensor_create(f.deviceBuffer, ACL_FLOAT, view.dims.data(),
                                           static_cast<int32_t>(view.dims.size()), strides, view.offset, &t);
        CHECK_EQ(status, AGJ_OK);
        if (status == AGJ_OK) {
            CHECK_EQ(agj_release(t), AGJ_OK);
        }
    }
}

TEST_CASE("scalars: bad data types and values that do not fit") {
    OpenRuntime runtime;
    int64_t s = 0;
    for (int32_t dataType : {-1, int32_t{ACL_DT_UNDEFINED}, int32_t{ACL_STRING}, 99, kI32Max, kI32Min}) {
        EXPECT_REFUSED(agj_scalar_create_double(dataType, 1.0, &s), AGJ_ERR_INVALID_ARGUMENT, "data type");
        EXPECT_REFUSED(agj_scalar_create_long(dataType, 1, &s), AGJ_ERR_INVALID_ARGUMENT, "data type");
    }
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    // Integer types take integral doubles within the 64-bit range (unsigned for UINT64).
    for (int32_t dataType :
         {ACL_INT8, ACL_UINT8, ACL_INT16, ACL_UINT16, ACL_INT32, ACL_UINT32, ACL_INT64, ACL_UINT64}) {
        for (double value : {nan, inf, -inf, 0.5, -1.25, 1e300, -1e300, -9.3e18, 1.9e19, 18446744073709551616.0}) {
            EXPECT_REFUSED(agj_scalar_create_double(dataType, value, &s), AGJ_ERR_INVALID_ARGUMENT,
                           "agj_scalar_create_double");
        }
        if (dataType != ACL_UINT64) {
            EXPECT_REFUSED(agj_scalar_create_double(dataType, 9.3e18, &s), AGJ_ERR_INVALID_ARGUMENT, "range");
            EXPECT_REFUSED(agj_scalar_create_double(dataType, 9223372036854775808.0, &s), AGJ_ERR_INVALID_ARGUMENT,
                           "range");
        }
    }
    for (double value : {9.3e18, 9223372036854775808.0, 18446744073709549568.0}) {
        CHECK_EQ(agj_scalar_create_double(ACL_UINT64, value, &s), AGJ_OK);
        CHECK_EQ(agj_release(s), AGJ_OK);
    }
    // Floating types take NaN, infinities and every value that stays finite; a finite value that
    // would round to infinity is refused.
    for (int32_t dataType : {ACL_FLOAT, ACL_FLOAT16, ACL_BF16, ACL_DOUBLE, ACL_COMPLEX64, ACL_COMPLEX128, ACL_BOOL}) {
        for (double value : {nan, inf, -inf, 0.0, -0.0, 5e-324, 65504.0}) {
            CHECK_EQ(agj_scalar_create_double(dataType, value, &s), AGJ_OK);
            CHECK_EQ(agj_release(s), AGJ_OK);
        }
        const bool wide = dataType == ACL_DOUBLE || dataType == ACL_COMPLEX128 || dataType == ACL_BOOL;
        for (double value : {1e300, -1e300}) {
            if (wide) {
                CHECK_EQ(agj_scalar_create_double(dataType, value, &s), AGJ_OK);
                CHECK_EQ(agj_release(s), AGJ_OK);
            } else {
                EXPECT_REFUSED(agj_scalar_create_double(dataType, value, &s), AGJ_ERR_INVALID_ARGUMENT, "overflows");
            }
        }
    }
    EXPECT_REFUSED(agj_scalar_create_double(ACL_FLOAT16, 65520.0, &s), AGJ_ERR_INVALID_ARGUMENT,
                   "65520 overflows FLOAT16 to infinity");
    EXPECT_REFUSED(agj_scalar_create_long(ACL_FLOAT16, 100000, &s), AGJ_ERR_INVALID_ARGUMENT, "overflows FLOAT16");
    EXPECT_REFUSED(agj_scalar_create_double(ACL_BF16, 3.4e38, &s), AGJ_ERR_INVALID_ARGUMENT, "overflows BF16");
    CHECK_EQ(agj_scalar_create_double(ACL_BF16, 3.3895313892515355e38, &s), AGJ_OK); // BF16's largest finite
    CHECK_EQ(agj_release(s), AGJ_OK);
    // Integer types take exactly their range, from a long or a double; the edges are accepted.
    EXPECT_REFUSED(agj_scalar_create_long(ACL_INT8, 300, &s), AGJ_ERR_INVALID_ARGUMENT,
                   "300 does not fit INT8 (-128..127)");
    EXPECT_REFUSED(agj_scalar_create_double(ACL_INT32, 1.5, &s), AGJ_ERR_INVALID_ARGUMENT,
                   "1.5 is not an integer, as INT32 needs");
    struct Edge {
        int32_t dataType;
        int64_t min;
        int64_t max;
    };
    for (Edge edge : {Edge{ACL_INT8, -128, 127}, Edge{ACL_UINT8, 0, 255}, Edge{ACL_INT16, -32768, 32767},
                      Edge{ACL_UINT16, 0, 65535}, Edge{ACL_INT32, kI32Min, kI32Max}, Edge{ACL_UINT32, 0, 4294967295LL},
                      Edge{ACL_UINT64, 0, kI64Max}}) {
        for (int64_t value : {edge.min, edge.max}) {
            CHECK_EQ(agj_scalar_create_long(edge.dataType, value, &s), AGJ_OK);
            CHECK_EQ(agj_release(s), AGJ_OK);
            CHECK_EQ(agj_scalar_create_double(edge.dataType, static_cast<double>(value), &s), AGJ_OK);
            CHECK_EQ(agj_release(s), AGJ_OK);
        }
        EXPECT_REFUSED(agj_scalar_create_long(edge.dataType, edge.min - 1, &s), AGJ_ERR_INVALID_ARGUMENT,
                       "does not fit");
        if (edge.max < kI64Max) {
            EXPECT_REFUSED(agj_scalar_create_long(edge.dataType, edge.max + 1, &s), AGJ_ERR_INVALID_ARGUMENT,
                           "does not fit");
            EXPECT_REFUSED(agj_scalar_create_double(edge.dataType, static_cast<double>(edge.max + 1), &s),
                           AGJ_ERR_INVALID_ARGUMENT, "does not fit");
        }
    }
    for (int64_t value : {kI64Min, kI64Max}) {
        CHECK_EQ(agj_scalar_create_long(ACL_INT64, value, &s), AGJ_OK);
        CHECK_EQ(agj_release(s), AGJ_OK);
    }
    CHECK_EQ(agj_scalar_create_double(ACL_INT64, -9223372036854775808.0, &s), AGJ_OK);
    CHECK_EQ(agj_release(s), AGJ_OK);
    CHECK_EQ(agj_live_count(0), 0);
}

TEST_CASE("operators: unknown ops, flags and operand kinds") {
    OpenRuntime runtime;
    Fixture f;
    int64_t e = 0;
    for (int32_t op : {0, static_cast<int32_t>(AGJ_OP_END_), -1, kI32Max, kI32Min}) {
        EXPECT_REFUSED(agj_executor_prepare(op, f.tensor, f.tensor2, f.scalar, f.tensor, 0, &e),
                       AGJ_ERR_INVALID_ARGUMENT, "unknown operator");
    }
    for (int32_t flags : {2, -1, kI32Min, 0x100}) {
        EXPECT_REFUSED(agj_executor_prepare(AGJ_OP_ADD, f.tensor, f.tensor2, f.scalar, f.tensor, flags, &e),
                       AGJ_ERR_INVALID_ARGUMENT, "flags");
    }
    // ADD takes a tensor other, ADDS a scalar one; the in-place variants ignore out.
    EXPECT_REFUSED(agj_executor_prepare(AGJ_OP_ADD, f.tensor, f.scalar, f.scalar, f.tensor, 0, &e),
                   AGJ_ERR_INVALID_HANDLE, "names a scalar, not a tensor");
    EXPECT_REFUSED(agj_executor_prepare(AGJ_OP_ADDS, f.tensor, f.tensor2, f.scalar, f.tensor, 0, &e),
                   AGJ_ERR_INVALID_HANDLE, "names a tensor, not a scalar");
    CHECK_EQ(agj_executor_prepare(AGJ_OP_INPLACE_ADDS, f.tensor, f.scalar, f.scalar, -12345, 0, &e), AGJ_OK);
    CHECK_EQ(agj_release(e), AGJ_OK);
    // A single-use executor launched once is used up; released, it is dead.
    CHECK_EQ(agj_executor_prepare(AGJ_OP_ADD, f.tensor, f.tensor2, f.scalar, f.tensor, 0, &e), AGJ_OK);
    CHECK_EQ(agj_executor_launch(e, f.stream), AGJ_OK);
    EXPECT_REFUSED(agj_executor_launch(e, f.stream), AGJ_ERR_STATE, "already launched");
    CHECK_EQ(agj_stream_synchronize(f.stream), AGJ_OK);
    CHECK_EQ(agj_release(e), AGJ_OK);
    EXPECT_REFUSED(agj_executor_launch(e, f.stream), AGJ_ERR_INVALID_HANDLE, "not live");
}

// Operands for every operand of a row: the fixture's tensor and scalar for handles, small valid
// attributes (an integer array [2]); the operand at `replaced` (a handle or an integer
// attribute) takes `replacement` instead.
struct RowOperands {
    std::vector<int64_t> handles;
    std::vector<int64_t> ints;
    std::vector<double> floats;

    RowOperands(const operator_rows::Row &row, const Fixture &f, size_t replaced, int64_t replacement) {
        using operator_rows::Kind;
        for (size_t i = 0; i < row.operands.size(); ++i) {
            const operator_rows::Operand &operand = row.operands[i];
            if (operand.handle()) {
                handles.push_back(i == replaced ? replacement : operand.tensor() ? f.tensor : f.scalar);
            } else if (operand.kind == Kind::IntArray) {
                ints.insert(ints.end(), {1, 2});
            } else if (operand.kind == Kind::Float) {
                floats.push_back(1e-5);
            } else if (i == replaced) {
                ints.push_back(replacement);
            } else {
                ints.push_back(operand.kind == Kind::DType ? ACL_FLOAT : 0);
            }
        }
    }
    int32_t prepare(int32_t op, int64_t *executor) const {
        return agj_operator_prepare(op, handles.data(), static_cast<int32_t>(handles.size()), ints.data(),
                                    static_cast<int32_t>(ints.size()), floats.data(),
                                    static_cast<int32_t>(floats.size()), AGJ_EXECUTOR_REPEATABLE, executor);
    }
};

TEST_CASE("every operator refuses an output whose view names an element twice, and only those") {
    OpenRuntime runtime;
    Fixture f;
    const int64_t dims[] = {4, 2};
    const int64_t rowsOfOne[] = {0, 1};   // a broadcast stride: four rows on one
    const int64_t interleaved[] = {1, 1}; // rows one element apart: element 1 is (0,1) and (1,0)
    const int64_t transposed[] = {1, 4};  // column-major: every element once
    int64_t broadcast = 0, overlapping = 0, columnMajor = 0;
    REQUIRE(agj_tensor_create(f.deviceBuffer, ACL_FLOAT, dims, 2, rowsOfOne, 0, &broadcast) == AGJ_OK);
    REQUIRE(agj_tensor_create(f.deviceBuffer, ACL_FLOAT, dims, 2, interleaved, 0, &overlapping) == AGJ_OK);
    REQUIRE(agj_tensor_create(f.deviceBuffer, ACL_FLOAT, dims, 2, transposed, 0, &columnMajor) == AGJ_OK);
    int checked = 0;
    for (const operator_rows::Row &row : operator_rows::Rows()) {
        for (size_t i = 0; i < row.operands.size(); ++i) {
            const operator_rows::Operand &operand = row.operands[i];
            if (!operand.tensor()) {
                continue;
            }
            int64_t e = 0;
            for (int64_t view : {broadcast, overlapping}) {
                const int32_t status = RowOperands(row, f, i, view).prepare(row.code, &e);
                const std::string message = LastError();
                const bool refused = status == AGJ_ERR_INVALID_ARGUMENT &&
                                     message.find("share memory") != std::string::npos &&
                                     message.find(operand.name) != std::string::npos;
                if (operand.written()) {
                    ++checked;
                    if (!refused) {
                        testsupport::fail(__FILE__, __LINE__,
                                          std::string(row.function) + " with " + operand.name +
                                              " naming an element twice gave " + std::to_string(status) + ": " +
                                              message);
                    }
                } else if (status == AGJ_ERR_INVALID_ARGUMENT && message.find("share memory") != std::string::npos) {
                    testsupport::fail(__FILE__, __LINE__,
                                      std::string(row.function) + " refused input " + operand.name +
                                          " for sharing memory: inputs may (" + message + ")");
                }
                if (status == AGJ_OK) {
                    CHECK_EQ(agj_release(e), AGJ_OK);
                }
            }
        }
    }
    CHECK(checked >= 2 * 29); // the 29 written operands of the 27 rows today, with both views
    // A transposed (column-major) out names each element once: accepted.
    int64_t e = 0;
    CHECK_EQ(agj_executor_prepare(AGJ_OP_ADD, f.tensor, f.tensor2, f.scalar, columnMajor, 0, &e), AGJ_OK);
    CHECK_EQ(agj_release(e), AGJ_OK);
    EXPECT_REFUSED(agj_executor_prepare(AGJ_OP_INPLACE_ADDS, broadcast, f.scalar, f.scalar, 0, 0, &e),
                   AGJ_ERR_INVALID_ARGUMENT, "aclnnInplaceAdds writes every element of self");
    for (int64_t view : {broadcast, overlapping, columnMajor}) {
        CHECK_EQ(agj_release(view), AGJ_OK);
    }
}

TEST_CASE("every dtype attribute refuses a value that is not a data type before the operator sees it") {
    OpenRuntime runtime;
    Fixture f;
    int checked = 0;
    for (const operator_rows::Row &row : operator_rows::Rows()) {
        for (size_t i = 0; i < row.operands.size(); ++i) {
            if (row.operands[i].kind != operator_rows::Kind::DType) {
                continue;
            }
            // Gaps in ACL's numbering, its UNDEFINED (-1), past its last code, past int32.
            for (int64_t notAType : {int64_t{5}, int64_t{-1}, int64_t{99}, int64_t{kI32Max}, kI64Min}) {
                int64_t e = 0;
                const int32_t status = RowOperands(row, f, i, notAType).prepare(row.code, &e);
                const std::string message = LastError();
                ++checked;
                if (status != AGJ_ERR_INVALID_ARGUMENT || message.find("is not a data type") == std::string::npos ||
                    message.find(std::to_string(notAType)) == std::string::npos) {
                    testsupport::fail(__FILE__, __LINE__,
                                      std::string(row.function) + " with " + row.operands[i].name + " = " +
                                          std::to_string(notAType) + " gave " + std::to_string(status) + ": " +
                                          message);
                }
            }
        }
    }
    CHECK(checked >= 5); // aclnnCast's dtype today
    // The same row with a data type the shim knows is prepared.
    int64_t e = 0;
    const int64_t dims[] = {4, 2};
    int64_t halves = 0;
    REQUIRE(agj_tensor_create(f.deviceBuffer, ACL_FLOAT16, dims, 2, nullptr, 0, &halves) == AGJ_OK);
    const int64_t handles[] = {f.tensor, halves};
    const int64_t ints[] = {ACL_FLOAT16};
    CHECK_EQ(agj_operator_prepare(AGJ_OP_CAST, handles, 2, ints, 1, nullptr, 0, 0, &e), AGJ_OK);
    CHECK_EQ(agj_release(e), AGJ_OK);
    CHECK_EQ(agj_release(halves), AGJ_OK);
}

TEST_CASE("devices, events, capture modes and faults: out-of-range values") {
    OpenRuntime runtime;
    Fixture f;
    int64_t sink = 0;
    int32_t count = 0, previous = 0;
    CHECK_EQ(agj_device_count(&count), AGJ_OK);
    for (int32_t id : {-1, count, count + 1, kI32Max, kI32Min}) {
        EXPECT_REFUSED(agj_device_open(id, &sink), AGJ_ERR_INVALID_ARGUMENT, "out of range");
    }
    for (int32_t flags : {-1, kI32Min}) {
        EXPECT_REFUSED(agj_event_create(f.device, flags, &sink), AGJ_ERR_INVALID_ARGUMENT, "flags");
    }
    for (int32_t mode : {-1, 3, kI32Max, kI32Min}) {
        EXPECT_REFUSED(agj_capture_begin(f.stream, mode), AGJ_ERR_INVALID_ARGUMENT, "capture mode");
        EXPECT_REFUSED(agj_capture_exchange_mode(mode, &previous), AGJ_ERR_INVALID_ARGUMENT, "capture mode");
    }
    int32_t status = -1;
    CHECK_EQ(agj_capture_status(f.stream, &status), AGJ_OK);
    CHECK_EQ(status, ACL_MODEL_RI_CAPTURE_STATUS_NONE);
    for (int32_t point : {-1, ACLSIM_FAULT_POINT_COUNT, 99, kI32Max, kI32Min}) {
        EXPECT_REFUSED(agj_sim_inject_fault(point, 0, 1), AGJ_ERR_INVALID_ARGUMENT, "fault point");
    }
    // The shim knows every point of the simulator (kSimFaultPointCount == ACLSIM_FAULT_POINT_COUNT).
    for (int32_t point = 0; point < ACLSIM_FAULT_POINT_COUNT; ++point) {
        CHECK_EQ(agj_sim_inject_fault(point, 1000, 0), AGJ_OK);
    }
    EXPECT_REFUSED(agj_sim_inject_fault(ACLSIM_FAULT_DEVICE_ALLOC, -1, 1), AGJ_ERR_INVALID_ARGUMENT, "negative");
    EXPECT_REFUSED(agj_sim_inject_fault(ACLSIM_FAULT_DEVICE_ALLOC, 0, kI64Min), AGJ_ERR_INVALID_ARGUMENT, "negative");
    CHECK_EQ(agj_sim_inject_fault(ACLSIM_FAULT_DEVICE_ALLOC, kI64Max, kI64Max), AGJ_OK);
    CHECK_EQ(agj_sim_clear_faults(), AGJ_OK);
    // A JSON dump to a folder that does not exist fails with the runtime's error and message.
    int32_t dumped = agj_model_debug_json(f.model, "/nonexistent-folder/model.json");
    CHECK(dumped > 0);
    CHECK(!LastError().empty());
}

TEST_CASE("task groups: update of a released model, end without begin") {
    OpenRuntime runtime;
    Fixture f;
    int64_t group = 0;
    CHECK(agj_capture_task_group_end(f.stream, &group) != AGJ_OK);
    CHECK(!LastError().empty());
    CHECK_EQ(group, 0);
    CHECK(agj_capture_task_update_end(f.stream) != AGJ_OK);
    CHECK(!LastError().empty());
    CHECK_EQ(agj_release(f.model), AGJ_OK);
    EXPECT_REFUSED(agj_capture_task_update_begin(f.stream, f.group), AGJ_ERR_STATE, "was released");
    CHECK_EQ(agj_release(f.group), AGJ_OK);
    EXPECT_REFUSED(agj_capture_task_update_begin(f.stream, f.group), AGJ_ERR_INVALID_HANDLE, "not live");
}

TEST_CASE("the error message is per thread") {
    OpenRuntime runtime;
    EXPECT_REFUSED(agj_stream_synchronize(-7), AGJ_ERR_INVALID_HANDLE, "-7");
    std::string other;
    std::thread([&other] {
        other = LastError();
        agj_device_synchronize(-8);
    }).join();
    CHECK_EQ(other, std::string());
    CHECK(LastError().find("-7") != std::string::npos);
    // A successful call clears it.
    int32_t count = 0;
    CHECK_EQ(agj_device_count(&count), AGJ_OK);
    CHECK_EQ(LastError(), std::string());
}

TEST_MAIN()
