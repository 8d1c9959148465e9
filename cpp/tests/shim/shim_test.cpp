// The shim's C API on the simulator backend: the seed flow through handles, what models keep
// alive, and how stale, forged and wrong-kind handles are refused.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "acl/acl.h"
#include "aclgraph4j/shim.h"
#include "aclgraph4j/shim_testing.h"
#include "shim_test_fixture.h"

#if defined(__SANITIZE_THREAD__)
#define SHIM_UNDER_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define SHIM_UNDER_TSAN 1
#endif
#endif
#ifndef SHIM_UNDER_TSAN
#define SHIM_UNDER_TSAN 0
#endif

namespace {

using shimtest::LastError;
using shimtest::OpenRuntime;

// The seed flow's objects (out = self + 1.1 * other on 4x2 floats, pinned host inputs 0 and 1),
// made by the constructor with an executor of `executorFlags`.
struct Seed {
    explicit Seed(int32_t executorFlags);
    int64_t device = 0, stream = 0;
    int64_t selfBuffer = 0, otherBuffer = 0, outBuffer = 0;
    int64_t self = 0, other = 0, out = 0, alpha = 0, add = 0;
    int64_t selfHost = 0, otherHost = 0;
    float *selfHostData = nullptr;
    float *otherHostData = nullptr;
};

constexpr int64_t kBytes = 8 * sizeof(float);

Seed::Seed(int32_t executorFlags) {
    Seed &seed = *this;
    const int64_t dims[] = {4, 2};
    CHECK_EQ(agj_device_open(0, &seed.device), AGJ_OK);
    CHECK_EQ(agj_stream_create(seed.device, &seed.stream), AGJ_OK);
    for (int64_t *buffer : {&seed.selfBuffer, &seed.otherBuffer, &seed.outBuffer}) {
        CHECK_EQ(agj_device_buffer_alloc(seed.device, kBytes, buffer), AGJ_OK);
    }
    CHECK_EQ(agj_tensor_create(seed.selfBuffer, ACL_FLOAT, dims, 2, nullptr, 0, &seed.self), AGJ_OK);
    CHECK_EQ(agj_tensor_create(seed.otherBuffer, ACL_FLOAT, dims, 2, nullptr, 0, &seed.other), AGJ_OK);
    CHECK_EQ(agj_tensor_create(seed.outBuffer, ACL_FLOAT, dims, 2, nullptr, 0, &seed.out), AGJ_OK);
    CHECK_EQ(agj_scalar_create_double(ACL_FLOAT, 1.1, &seed.alpha), AGJ_OK);
    CHECK_EQ(agj_executor_prepare(AGJ_OP_ADD, seed.self, seed.other, seed.alpha, seed.out, executorFlags, &seed.add),
             AGJ_OK);
    int64_t address = 0;
    CHECK_EQ(agj_host_buffer_alloc(seed.device, kBytes, &seed.selfHost, &address), AGJ_OK);
    seed.selfHostData = reinterpret_cast<float *>(address);
    CHECK_EQ(agj_host_buffer_alloc(seed.device, kBytes, &seed.otherHost, &address), AGJ_OK);
    seed.otherHostData = reinterpret_cast<float *>(address);
    for (int i = 0; i < 8; ++i) {
        seed.selfHostData[i] = 0.0f;
        seed.otherHostData[i] = 1.0f;
    }
}

int64_t CaptureSeed(Seed &seed) {
    int64_t model = 0;
    CHECK_EQ(agj_capture_begin(seed.stream, ACL_MODEL_RI_CAPTURE_MODE_GLOBAL), AGJ_OK);
    CHECK_EQ(agj_memcpy_async(seed.stream, seed.selfBuffer, 0, seed.selfHost, 0, kBytes), AGJ_OK);
    int32_t previous = -1;
    CHECK_EQ(agj_capture_exchange_mode(ACL_MODEL_RI_CAPTURE_MODE_RELAXED, &previous), AGJ_OK);
    CHECK_EQ(previous, ACL_MODEL_RI_CAPTURE_MODE_GLOBAL);
    CHECK_EQ(agj_memcpy(seed.otherBuffer, 0, seed.otherHost, 0, kBytes), AGJ_OK);
    CHECK_EQ(agj_capture_exchange_mode(previous, &previous), AGJ_OK);
    CHECK_EQ(agj_executor_launch(seed.add, seed.stream), AGJ_OK);
    CHECK_EQ(agj_memcpy_async(seed.stream, seed.selfHost, 0, seed.outBuffer, 0, kBytes), AGJ_OK);
    CHECK_EQ(agj_capture_end(seed.stream, &model), AGJ_OK);
    return model;
}

// A device whose stream `blocked` waits for `gate`, an EXTERNAL event that only a record on `other`
// releases: work on `blocked` (and a synchronisation of it) stays pending until then.
struct GatedStream {
    int64_t device = 0, blocked = 0, other = 0, gate = 0;
    GatedStream() {
        CHECK_EQ(agj_device_open(0, &device), AGJ_OK);
        CHECK_EQ(agj_stream_create(device, &blocked), AGJ_OK);
        CHECK_EQ(agj_stream_create(device, &other), AGJ_OK);
        CHECK_EQ(agj_event_create(device, ACL_EVENT_EXTERNAL, &gate), AGJ_OK);
        CHECK_EQ(agj_stream_wait_event(blocked, gate), AGJ_OK);
    }
    // Records the gate, which lets `blocked` run, joins the threads waiting on it and checks that the
    // calls they made succeeded (their `results`).
    void OpenAndJoin(std::initializer_list<std::thread *> waiters, std::initializer_list<const int32_t *> results) {
        CHECK_EQ(agj_event_record(gate, other), AGJ_OK);
        for (std::thread *waiter : waiters) {
            waiter->join();
        }
        for (const int32_t *result : results) {
            CHECK_EQ(*result, AGJ_OK);
        }
    }
};

// Replays `model` `replays` times from each of `threads` threads, each on a shim stream of its own
// made on `device`; a thread waits after every replay when `waitEach(t)`, else once at the end.
// Returns each thread's failed calls.
std::vector<int> ReplayFromThreads(int64_t device, int64_t model, int threads, int replays,
                                   const std::function<bool(int)> &waitEach) {
    std::vector<std::thread> workers;
    std::vector<int> failures(static_cast<size_t>(threads), 0);
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&, t]() {
            int &failed = failures[static_cast<size_t>(t)];
            int64_t stream = 0;
            if (agj_stream_create(device, &stream) != AGJ_OK) {
                ++failed;
                return;
            }
            for (int i = 0; i < replays; ++i) {
                failed += agj_model_execute_async(model, stream) != AGJ_OK;
                if (waitEach(t)) {
                    failed += agj_stream_synchronize(stream) != AGJ_OK;
                }
            }
            failed += agj_stream_synchronize(stream) != AGJ_OK;
            failed += agj_release(stream) != AGJ_OK;
        });
    }
    for (auto &worker : workers) {
        worker.join();
    }
    return failures;
}

// Replays `replays` times, each followed by a wait (`oneCall`: agj_model_execute, else
// execute_async + stream_synchronize), and checks the seed's 1.1 * i after each.
void ReplayAndCheck(Seed &seed, int64_t model, int replays, bool oneCall = false) {
    for (int replay = 1; replay <= replays; ++replay) {
        if (oneCall) {
            CHECK_EQ(agj_model_execute(model, seed.stream), AGJ_OK);
        } else {
            CHECK_EQ(agj_model_execute_async(model, seed.stream), AGJ_OK);
            CHECK_EQ(agj_stream_synchronize(seed.stream), AGJ_OK);
        }
        for (int i = 0; i < 8; ++i) {
            CHECK_NEAR(seed.selfHostData[i], 1.1 * replay, 1e-5);
        }
    }
}

} // namespace

TEST_CASE("calls before open are refused with a message") {
    int64_t device = 0;
    CHECK_EQ(agj_device_open(0, &device), AGJ_ERR_STATE);
    CHECK(LastError().find("not open") != std::string::npos);
}

TEST_CASE("an unknown backend says what it looked for") {
    CHECK_EQ(agj_runtime_open("/nonexistent/libascendcl.so"), AGJ_ERR_BACKEND);
    CHECK(LastError().find("/nonexistent/libascendcl.so") != std::string::npos);
}

TEST_CASE("seed flow through the shim replays 1.1 * i") {
    OpenRuntime runtime;
    Seed seed(AGJ_EXECUTOR_REPEATABLE);
    int64_t model = CaptureSeed(seed);
    REQUIRE(model != 0);
    CHECK_EQ(agj_handle_kind(model), AGJ_KIND_MODEL);
    ReplayAndCheck(seed, model, 8);
}

TEST_CASE("features: the backend's optional functions, and what a model's name and id need") {
    OpenRuntime runtime;
    int64_t features = 0;
    CHECK_EQ(agj_runtime_features(&features), AGJ_OK);
    // The simulator has had task groups and both debug prints from the start.
    for (int32_t bit : {AGJ_FEATURE_TASK_GROUPS, AGJ_FEATURE_DEBUG_PRINT, AGJ_FEATURE_DEBUG_JSON}) {
        CHECK((features >> bit & 1) == 1);
    }
    CHECK((features >> AGJ_FEATURE_END_) == 0); // no bit beyond the table
    Seed seed(AGJ_EXECUTOR_REPEATABLE);
    int64_t model = CaptureSeed(seed);
    char name[32];
    if ((features >> AGJ_FEATURE_MODEL_NAMES & 1) != 0) {
        CHECK_EQ(agj_model_set_name(model, "seed-model"), AGJ_OK);
        CHECK_EQ(agj_model_get_name(model, name, sizeof name), AGJ_OK);
        CHECK_EQ(std::string(name), std::string("seed-model"));
        // Too small for the name and its terminator: refused as a whole (Model::GetModelName), and
        // the caller still gets a terminated string.
        CHECK(agj_model_get_name(model, name, 5) != AGJ_OK);
        CHECK(std::strlen(name) <= 4);
    } else {
        CHECK_EQ(agj_model_set_name(model, "seed-model"), AGJ_ERR_BACKEND);
        CHECK(LastError().find("aclmdlRISetName (CANN 8.5 or later)") != std::string::npos);
        CHECK_EQ(agj_model_get_name(model, name, sizeof name), AGJ_ERR_BACKEND);
        CHECK_EQ(std::string(name), std::string(""));
    }
    int64_t id = 0;
    if ((features >> AGJ_FEATURE_MODEL_IDS & 1) != 0) {
        CHECK_EQ(agj_model_id(model, &id), AGJ_OK);
        CHECK(id >= 0);
    } else {
        CHECK_EQ(agj_model_id(model, &id), AGJ_ERR_BACKEND);
        CHECK(LastError().find("aclmdlRIGetId (CANN 9.1 or later)") != std::string::npos);
        CHECK_EQ(id, -1);
    }
    ReplayAndCheck(seed, model, 2); // none of it disturbs the model
}

TEST_CASE("task listing: the backend's streams and tasks of a model, with their types and sequence ids") {
    OpenRuntime runtime;
    int64_t features = 0;
    CHECK_EQ(agj_runtime_features(&features), AGJ_OK);
    REQUIRE((features >> AGJ_FEATURE_TASK_INTROSPECTION & 1) == 1); // the simulator has CANN 9.1's calls
    Seed seed(AGJ_EXECUTOR_REPEATABLE);
    int64_t model = CaptureSeed(seed);
    // One stream: copy in (ACL_MODEL_RI_TASK_DEFAULT), the add (KERNEL), copy out; ids 0, 1, 2.
    const std::vector<int32_t> expected = {3, 0, 0, 1, 1, 0, 2};
    int32_t length = -1;
    CHECK_EQ(agj_model_tasks(model, nullptr, 0, &length), AGJ_OK); // asks for the length only
    CHECK_EQ(length, 7);
    int32_t list[10];
    std::fill(std::begin(list), std::end(list), -7);
    CHECK_EQ(agj_model_tasks(model, list, 4, &length), AGJ_OK); // too small: the first 4, nothing beyond
    CHECK_EQ(length, 7);
    CHECK(std::equal(list, list + 4, expected.begin()));
    CHECK_EQ(list[4], -7);
    CHECK_EQ(agj_model_tasks(model, list, 10, &length), AGJ_OK);
    CHECK(std::vector<int32_t>(list, list + length) == expected);
    CHECK_EQ(list[7], -7);
    ReplayAndCheck(seed, model, 2); // the listing does not disturb the model
}

TEST_CASE("destroy notices: queued once the model is destroyed, after its last replay") {
    int64_t cookies[4] = {0, 0, 0, 0};
    int32_t count = -1;
    {
        OpenRuntime runtime;
        Seed seed(AGJ_EXECUTOR_REPEATABLE);
        int64_t model = CaptureSeed(seed);
        CHECK_EQ(agj_model_on_destroy(model, 41), AGJ_OK);
        CHECK_EQ(agj_model_on_destroy(model, 42), AGJ_OK);
        CHECK_EQ(agj_take_destroyed(cookies, 4, &count), AGJ_OK);
        CHECK_EQ(count, 0);
        // A replay in flight keeps the model: released, it is destroyed once the stream is synchronised.
        CHECK_EQ(agj_model_execute_async(model, seed.stream), AGJ_OK);
        CHECK_EQ(agj_release(model), AGJ_OK);
        CHECK_EQ(agj_stream_synchronize(seed.stream), AGJ_OK);
        CHECK_EQ(agj_take_destroyed(cookies, 1, &count), AGJ_OK); // a small buffer takes the oldest
        CHECK_EQ(count, 1);
        CHECK_EQ(cookies[0], 41);
        CHECK_EQ(agj_take_destroyed(cookies, 4, &count), AGJ_OK);
        CHECK_EQ(count, 1);
        CHECK_EQ(cookies[0], 42);
        CHECK_EQ(agj_take_destroyed(cookies, 4, &count), AGJ_OK);
        CHECK_EQ(count, 0);
        // The runtime's close destroys the models left; their notices are read after it.
        int64_t kept = CaptureSeed(seed);
        CHECK_EQ(agj_model_on_destroy(kept, 7), AGJ_OK);
    }
    CHECK_EQ(agj_take_destroyed(cookies, 4, &count), AGJ_OK);
    CHECK_EQ(count, 1);
    CHECK_EQ(cookies[0], 7);
}

TEST_CASE("a model keeps the objects its tasks use after they are released") {
    OpenRuntime runtime;
    Seed seed(0);
    int64_t model = CaptureSeed(seed);
    REQUIRE(model != 0);
    int64_t before = agj_live_count(AGJ_KIND_TENSOR);
    // Drop every handle the model's tasks use; the model must keep them working.
    for (int64_t handle : {seed.self, seed.other, seed.out, seed.alpha, seed.add, seed.selfBuffer, seed.otherBuffer,
                           seed.outBuffer, seed.selfHost}) {
        CHECK_EQ(agj_release(handle), AGJ_OK);
    }
    CHECK_EQ(agj_live_count(AGJ_KIND_TENSOR), before);
    ReplayAndCheck(seed, model, 3);
    CHECK_EQ(agj_release(model), AGJ_OK);
    CHECK_EQ(agj_live_count(AGJ_KIND_TENSOR), 0);
    CHECK_EQ(agj_live_count(AGJ_KIND_EXECUTOR), 0);
    CHECK_EQ(agj_live_count(AGJ_KIND_DEVICE_BUFFER), 0);
}

TEST_CASE("stale, forged and wrong-kind handles are refused") {
    OpenRuntime runtime;
    int64_t device = 0, stream = 0;
    CHECK_EQ(agj_device_open(0, &device), AGJ_OK);
    CHECK_EQ(agj_stream_create(device, &stream), AGJ_OK);
    CHECK_EQ(agj_stream_synchronize(device), AGJ_ERR_INVALID_HANDLE);
    CHECK(LastError().find("names a device, not a stream") != std::string::npos);
    CHECK_EQ(agj_stream_synchronize(0), AGJ_ERR_INVALID_HANDLE);
    CHECK_EQ(agj_stream_synchronize(stream ^ (int64_t{1} << 40)), AGJ_ERR_INVALID_HANDLE);
    CHECK_EQ(agj_stream_synchronize(-5), AGJ_ERR_INVALID_HANDLE);
    CHECK_EQ(agj_release(stream), AGJ_OK);
    CHECK_EQ(agj_release(stream), AGJ_ERR_INVALID_HANDLE);
    CHECK_EQ(agj_stream_synchronize(stream), AGJ_ERR_INVALID_HANDLE);
    CHECK(LastError().find("not live") != std::string::npos);
    // A reused slot gets a new generation: the old handle stays dead.
    int64_t again = 0;
    CHECK_EQ(agj_stream_create(device, &again), AGJ_OK);
    CHECK(again != stream);
    CHECK_EQ(agj_stream_synchronize(stream), AGJ_ERR_INVALID_HANDLE);
    CHECK_EQ(agj_stream_synchronize(again), AGJ_OK);
}

TEST_CASE("bad arguments are refused before reaching ACL") {
    OpenRuntime runtime;
    int64_t device = 0, buffer = 0, tensor = 0, host = 0, address = 0, stream = 0;
    CHECK_EQ(agj_device_open(0, &device), AGJ_OK);
    CHECK_EQ(agj_device_open(1 << 20, &buffer), AGJ_ERR_INVALID_ARGUMENT);
    CHECK_EQ(agj_device_open(-1, &buffer), AGJ_ERR_INVALID_ARGUMENT);
    CHECK_EQ(agj_device_buffer_alloc(device, 0, &buffer), AGJ_ERR_INVALID_ARGUMENT);
    CHECK_EQ(agj_device_buffer_alloc(device, -8, &buffer), AGJ_ERR_INVALID_ARGUMENT);
    CHECK_EQ(agj_device_buffer_alloc(device, 64, nullptr), AGJ_ERR_INVALID_ARGUMENT);
    CHECK_EQ(agj_device_buffer_alloc(device, 64, &buffer), AGJ_OK);
    CHECK_EQ(agj_host_buffer_alloc(device, 64, &host, &address), AGJ_OK);
    CHECK_EQ(agj_stream_create(device, &stream), AGJ_OK);
    const int64_t tooBig[] = {4, 5};
    CHECK_EQ(agj_tensor_create(buffer, ACL_FLOAT, tooBig, 2, nullptr, 0, &tensor), AGJ_ERR_INVALID_ARGUMENT);
    CHECK(LastError().find("buffer holds 64 bytes") != std::string::npos);
    const int64_t negative[] = {-1, 2};
    CHECK_EQ(agj_tensor_create(buffer, ACL_FLOAT, negative, 2, nullptr, 0, &tensor), AGJ_ERR_INVALID_ARGUMENT);
    const int64_t huge[] = {INT64_MAX / 2, 4};
    CHECK_EQ(agj_tensor_create(buffer, ACL_FLOAT, huge, 2, nullptr, 0, &tensor), AGJ_ERR_INVALID_ARGUMENT);
    const int64_t fits[] = {4, 4};
    CHECK_EQ(agj_tensor_create(buffer, ACL_FLOAT, fits, 2, nullptr, 1, &tensor), AGJ_ERR_INVALID_ARGUMENT);
    CHECK_EQ(agj_tensor_create(buffer, 99, fits, 2, nullptr, 0, &tensor), AGJ_ERR_INVALID_ARGUMENT);
    CHECK_EQ(agj_tensor_create(host, ACL_FLOAT, fits, 2, nullptr, 0, &tensor), AGJ_ERR_INVALID_HANDLE);
    CHECK_EQ(agj_tensor_create(buffer, ACL_FLOAT, fits, 2, nullptr, 0, &tensor), AGJ_OK);
    // Copies are bounds-checked against both buffers.
    CHECK_EQ(agj_memcpy_async(stream, buffer, 0, host, 8, 64), AGJ_ERR_INVALID_ARGUMENT);
    CHECK_EQ(agj_memcpy_async(stream, buffer, -1, host, 0, 8), AGJ_ERR_INVALID_ARGUMENT);
    CHECK_EQ(agj_memcpy_async(stream, buffer, 60, host, 0, INT64_MAX), AGJ_ERR_INVALID_ARGUMENT);
    CHECK_EQ(agj_memcpy_async(stream, buffer, 0, host, 0, 64), AGJ_OK);
    CHECK_EQ(agj_capture_begin(stream, 7), AGJ_ERR_INVALID_ARGUMENT);
    CHECK(LastError().find("capture mode must be 0 (GLOBAL), 1 (THREAD_LOCAL) or 2 (RELAXED), not 7") !=
          std::string::npos);
    int32_t previous = 0;
    CHECK_EQ(agj_capture_exchange_mode(3, &previous), AGJ_ERR_INVALID_ARGUMENT);
    CHECK_EQ(agj_stream_synchronize_timeout(stream, 0), AGJ_ERR_INVALID_ARGUMENT);
    CHECK_EQ(agj_stream_synchronize_timeout(stream, 1000), AGJ_OK);
}

TEST_CASE("a single-use executor is consumed by its launch") {
    OpenRuntime runtime;
    Seed seed(0);
    CHECK_EQ(agj_executor_launch(seed.add, seed.stream), AGJ_OK);
    CHECK_EQ(agj_executor_launch(seed.add, seed.stream), AGJ_ERR_STATE);
    CHECK(LastError().find("already launched") != std::string::npos);
    CHECK_EQ(agj_stream_synchronize(seed.stream), AGJ_OK);
}

TEST_CASE("a failed capture end leaves no model and a usable stream") {
    OpenRuntime runtime;
    Seed seed(AGJ_EXECUTOR_REPEATABLE);
    int64_t model = 0;
    CHECK_EQ(agj_capture_end(seed.stream, &model), ACL_ERROR_RT_STREAM_NOT_CAPTURED);
    CHECK_EQ(model, 0);
    CHECK_EQ(agj_capture_begin(seed.stream, ACL_MODEL_RI_CAPTURE_MODE_GLOBAL), AGJ_OK);
    CHECK_EQ(agj_stream_synchronize(seed.stream), ACL_ERROR_RT_STREAM_CAPTURED);
    CHECK_EQ(agj_memcpy(seed.otherBuffer, 0, seed.otherHost, 0, kBytes), ACL_ERROR_RT_CAPTURE_MODE_NOT_SUPPORT);
    CHECK(LastError().find("107030") != std::string::npos);
    int32_t status = -1;
    CHECK_EQ(agj_capture_status(seed.stream, &status), AGJ_OK);
    CHECK_EQ(status, ACL_MODEL_RI_CAPTURE_STATUS_ACTIVE);
    CHECK_EQ(agj_capture_end(seed.stream, &model), AGJ_OK);
    CHECK(model != 0);
    CHECK_EQ(agj_capture_status(seed.stream, &status), AGJ_OK);
    CHECK_EQ(status, ACL_MODEL_RI_CAPTURE_STATUS_NONE);
    CHECK_EQ(agj_executor_launch(seed.add, seed.stream), AGJ_OK);
    CHECK_EQ(agj_stream_synchronize(seed.stream), AGJ_OK);
}

TEST_CASE("releasing a capturing stream ends its capture") {
    OpenRuntime runtime;
    Seed seed(AGJ_EXECUTOR_REPEATABLE);
    CHECK_EQ(agj_capture_begin(seed.stream, ACL_MODEL_RI_CAPTURE_MODE_GLOBAL), AGJ_OK);
    CHECK_EQ(agj_executor_launch(seed.add, seed.stream), AGJ_OK);
    CHECK_EQ(agj_release(seed.stream), AGJ_OK);
    CHECK_EQ(agj_live_count(AGJ_KIND_MODEL), 0);
}

TEST_CASE("a capture the runtime ends on a device reset releases what its tasks kept") {
    // A stream of device 1 joins a capture begun on device 0; releasing the last handle of device
    // 1 resets it, and the reset ends the capture (the runtime discards the model). Found by the
    // fuzzer: the shim kept the capture's objects until the runtime closed.
    OpenRuntime runtime;
    int64_t device0 = 0, device1 = 0, origin = 0, joined = 0, event = 0, buffer = 0, host = 0, address = 0;
    CHECK_EQ(agj_device_open(0, &device0), AGJ_OK);
    CHECK_EQ(agj_device_open(1, &device1), AGJ_OK);
    CHECK_EQ(agj_stream_create(device0, &origin), AGJ_OK);
    CHECK_EQ(agj_stream_create(device1, &joined), AGJ_OK);
    CHECK_EQ(agj_event_create(device0, ACL_EVENT_SYNC, &event), AGJ_OK);
    CHECK_EQ(agj_device_buffer_alloc(device0, kBytes, &buffer), AGJ_OK);
    CHECK_EQ(agj_host_buffer_alloc(device0, kBytes, &host, &address), AGJ_OK);
    CHECK_EQ(agj_capture_begin(origin, ACL_MODEL_RI_CAPTURE_MODE_GLOBAL), AGJ_OK);
    CHECK_EQ(agj_memcpy_async(origin, buffer, 0, host, 0, kBytes), AGJ_OK);
    CHECK_EQ(agj_event_record(event, origin), AGJ_OK);
    int32_t status = -1;
    if (agj_stream_wait_event(joined, event) != AGJ_OK) {
        return; // a backend that refuses the cross-device join has nothing to test here
    }
    CHECK_EQ(agj_release(joined), AGJ_OK);
    CHECK_EQ(agj_release(device1), AGJ_OK); // the reset: the capture is over
    CHECK_EQ(agj_capture_status(origin, &status), AGJ_OK);
    CHECK_EQ(status, ACL_MODEL_RI_CAPTURE_STATUS_NONE);
    for (int64_t handle : {event, buffer, host}) {
        CHECK_EQ(agj_release(handle), AGJ_OK);
    }
    CHECK_EQ(agj_live_count(AGJ_KIND_DEVICE_BUFFER), 0);
    CHECK_EQ(agj_live_count(AGJ_KIND_HOST_BUFFER), 0);
    CHECK_EQ(agj_live_count(AGJ_KIND_EVENT), 0);
    // The stream captures again, and keeps what a new capture uses only while it lasts.
    CHECK_EQ(agj_capture_begin(origin, ACL_MODEL_RI_CAPTURE_MODE_GLOBAL), AGJ_OK);
    int64_t model = 0;
    CHECK_EQ(agj_capture_end(origin, &model), AGJ_OK);
    CHECK_EQ(agj_release(model), AGJ_OK);
    CHECK_EQ(agj_release(origin), AGJ_OK);
    CHECK_EQ(agj_release(device0), AGJ_OK);
    CHECK_EQ(agj_live_count(0), 0);
}

TEST_CASE("replay and wait in one call: the seed's values, and nothing kept once it returns") {
    OpenRuntime runtime;
    Seed seed(AGJ_EXECUTOR_REPEATABLE);
    int64_t model = CaptureSeed(seed);
    REQUIRE(model != 0);
    ReplayAndCheck(seed, model, 8, true);
    // The replay is over when the call returns: releasing the model destroys it at once.
    CHECK_EQ(agj_release(model), AGJ_OK);
    CHECK_EQ(agj_live_count(AGJ_KIND_MODEL), 0);
    // The asynchronous form keeps the model until the stream is synchronised.
    model = CaptureSeed(seed);
    CHECK_EQ(agj_model_execute_async(model, seed.stream), AGJ_OK);
    CHECK_EQ(agj_release(model), AGJ_OK);
    CHECK_EQ(agj_stream_synchronize(seed.stream), AGJ_OK);
    CHECK_EQ(agj_live_count(AGJ_KIND_MODEL), 0);
    // Failures are reported as by the two calls.
    CHECK_EQ(agj_model_execute(model, seed.stream), AGJ_ERR_INVALID_HANDLE);
    CHECK(LastError().find("agj_model_execute: model handle") != std::string::npos);
}

TEST_CASE("a handle released while another thread's call uses it dies when that call ends") {
    OpenRuntime runtime;
    GatedStream g; // `blocked` waits until `gate` is recorded
    std::atomic<bool> waiting{false};
    int32_t synchronized = -1;
    std::thread waiter([&] {
        waiting.store(true);
        synchronized = agj_stream_synchronize(g.blocked);
    });
    while (!waiting.load()) {
        std::this_thread::yield();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100)); // well inside the synchronisation
    // The release waits for the stream's work, so it runs on a thread of its own.
    int32_t released = -1;
    std::thread releaser([&] { released = agj_release(g.blocked); });
    int32_t complete = 0;
    while (agj_stream_query(g.blocked, &complete) != AGJ_ERR_INVALID_HANDLE) { // gone for everyone else at once
        std::this_thread::yield();
    }
    CHECK_EQ(agj_live_count(AGJ_KIND_STREAM), 2); // but still used by the waiting calls
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK_EQ(released, -1); // the release waits for the work in flight
    g.OpenAndJoin({&waiter, &releaser}, {&synchronized, &released});
    CHECK_EQ(agj_live_count(AGJ_KIND_STREAM), 1);
}

TEST_CASE("releasing a stream waits for its work also while another thread synchronises it") {
    OpenRuntime runtime;
    GatedStream g; // `blocked` waits until `gate` is recorded
    std::thread waiter([&] { agj_stream_synchronize(g.blocked); });
    std::atomic<bool> recorded{false};
    std::thread recorder([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        recorded.store(true);
        agj_event_record(g.gate, g.other);
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(50)); // the waiter is inside its synchronisation
    CHECK_EQ(agj_release(g.blocked), AGJ_OK);
    CHECK(recorded.load()); // returned only after the gate let the stream's work finish
    waiter.join();
    recorder.join();
}

TEST_CASE("a synchronisation blocked on another thread holds up releases of what it waits for only") {
    OpenRuntime runtime;
    GatedStream g; // `blocked` waits until `gate` is recorded
    int64_t waitedEvent = 0;
    CHECK_EQ(agj_event_create(g.device, 0, &waitedEvent), AGJ_OK);
    CHECK_EQ(agj_event_record(waitedEvent, g.blocked), AGJ_OK); // completes once `blocked` runs
    std::atomic<int> waiting{0};
    int32_t streamSynchronized = -1, eventSynchronized = -1;
    std::thread streamWaiter([&] {
        waiting.fetch_add(1);
        streamSynchronized = agj_stream_synchronize(g.blocked);
    });
    std::thread eventWaiter([&] {
        waiting.fetch_add(1);
        eventSynchronized = agj_event_synchronize(waitedEvent);
    });
    while (waiting.load() < 2) {
        std::this_thread::yield();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100)); // well inside both synchronisations
    // Memory released meanwhile is freed at once: neither waiting call uses it.
    for (int i = 0; i < 3; ++i) {
        int64_t buffer = 0;
        CHECK_EQ(agj_device_buffer_alloc(g.device, 1 << 20, &buffer), AGJ_OK);
        CHECK_EQ(agj_release(buffer), AGJ_OK);
        CHECK_EQ(agj_live_count(AGJ_KIND_DEVICE_BUFFER), 0);
    }
    // What a waiting call uses lives until it returns.
    CHECK_EQ(agj_release(waitedEvent), AGJ_OK);
    CHECK_EQ(agj_live_count(AGJ_KIND_EVENT), 2);
    g.OpenAndJoin({&streamWaiter, &eventWaiter}, {&streamSynchronized, &eventSynchronized});
    CHECK_EQ(agj_live_count(AGJ_KIND_EVENT), 1);
}

TEST_CASE("lookups racing releases and reuse of the same slots") {
    OpenRuntime runtime;
    int64_t device = 0;
    CHECK_EQ(agj_device_open(0, &device), AGJ_OK);
    constexpr int kThreads = 4;
    constexpr int kRounds = 2000;
    std::vector<std::atomic<int64_t>> published(kThreads);
    std::vector<int> wrong(kThreads, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            const int64_t mine = 64 * (t + 1); // each thread's buffers have their own size
            for (int round = 0; round < kRounds; ++round) {
                int64_t buffer = 0;
                if (agj_device_buffer_alloc(device, mine, &buffer) != AGJ_OK) {
                    ++wrong[t];
                    continue;
                }
                published[t].store(buffer);
                for (int peer = 0; peer < kThreads; ++peer) {
                    int64_t handle = published[peer].load();
                    int64_t bytes = 0;
                    int32_t status = agj_buffer_size(handle, &bytes);
                    // A peer's buffer is either live (and its own size) or already released.
                    bool right =
                        status == AGJ_OK ? bytes == 64 * (peer + 1) : status == AGJ_ERR_INVALID_HANDLE && peer != t;
                    wrong[t] += right ? 0 : 1;
                }
                wrong[t] += agj_release(buffer) != AGJ_OK;
            }
        });
    }
    for (auto &thread : threads) {
        thread.join();
    }
    for (int count : wrong) {
        CHECK_EQ(count, 0);
    }
    CHECK_EQ(agj_live_count(AGJ_KIND_DEVICE_BUFFER), 0);
}

TEST_CASE("a release racing another thread's calls is dropped by the time they end") {
    OpenRuntime runtime;
    int64_t device = 0, kept = 0;
    CHECK_EQ(agj_device_open(0, &device), AGJ_OK);
    CHECK_EQ(agj_device_buffer_alloc(device, 64, &kept), AGJ_OK);
    std::atomic<bool> stop{false};
    std::atomic<int64_t> callsEnded{0};
    std::atomic<int> wrong{0};
    // Short calls, back to back: releases on this thread keep landing while one is in progress
    // or just ending, which is when the drop is left to the caller.
    std::thread caller([&] {
        while (!stop.load()) {
            int64_t bytes = 0;
            wrong += agj_buffer_size(kept, &bytes) != AGJ_OK || bytes != 64;
            callsEnded.fetch_add(1);
        }
    });
    int leftBehind = 0;
    for (int round = 0; round < 2000; ++round) {
        int64_t buffer = 0;
        CHECK_EQ(agj_device_buffer_alloc(device, 128, &buffer), AGJ_OK);
        CHECK_EQ(agj_release(buffer), AGJ_OK);
        // Once the call in progress at the release (if any) has ended, the buffer is gone.
        for (int64_t seen = callsEnded.load(); callsEnded.load() < seen + 2;) {
            std::this_thread::yield();
        }
        leftBehind += agj_live_count(AGJ_KIND_DEVICE_BUFFER) != 1;
    }
    stop.store(true);
    caller.join();
    CHECK_EQ(wrong.load(), 0);
    CHECK_EQ(leftBehind, 0);
}

TEST_CASE("measurement hooks: the C API replay loop runs the model, the handoff floor passes a flag") {
    OpenRuntime runtime;
    Seed seed(AGJ_EXECUTOR_REPEATABLE);
    int64_t model = CaptureSeed(seed);
    int64_t nanos = -1;
    CHECK_EQ(agj_bench_replay_loop(model, seed.stream, 5, &nanos), AGJ_OK);
    CHECK(nanos > 0);
    for (int i = 0; i < 8; ++i) {
        CHECK_NEAR(seed.selfHostData[i], 1.1 * 5, 1e-5); // five replays ran, each waited for
    }
    CHECK_EQ(agj_bench_replay_loop(model, seed.stream, 0, &nanos), AGJ_ERR_INVALID_ARGUMENT);
    CHECK_EQ(agj_bench_replay_loop(model, seed.stream, 1, nullptr), AGJ_ERR_INVALID_ARGUMENT);
    CHECK_EQ(agj_bench_replay_loop(seed.stream, model, 1, &nanos), AGJ_ERR_INVALID_HANDLE);
    nanos = -1;
    CHECK_EQ(agj_bench_spin_handoff(1000, &nanos), AGJ_OK);
    CHECK(nanos > 0);
    CHECK_EQ(agj_bench_spin_handoff(-1, &nanos), AGJ_ERR_INVALID_ARGUMENT);
}

TEST_CASE("closing the runtime releases every object still held") {
    {
        OpenRuntime runtime;
        Seed seed(AGJ_EXECUTOR_REPEATABLE);
        int64_t model = CaptureSeed(seed);
        CHECK(model != 0);
        CHECK_EQ(agj_model_execute_async(model, seed.stream), AGJ_OK);
        CHECK(agj_live_count(0) > 10);
    } // ~OpenRuntime checks that nothing is left
}

TEST_CASE("replays of one model on several threads and streams") {
    OpenRuntime runtime;
    Seed seed(AGJ_EXECUTOR_REPEATABLE);
    // A model with no host round trip: out = self + 1.1 * other, from device tensors.
    CHECK_EQ(agj_memcpy(seed.selfBuffer, 0, seed.selfHost, 0, kBytes), AGJ_OK);
    CHECK_EQ(agj_memcpy(seed.otherBuffer, 0, seed.otherHost, 0, kBytes), AGJ_OK);
    int64_t model = 0;
    int64_t kernel = seed.add;
#if SHIM_UNDER_TSAN
    // Concurrent replays write identical values to `out`: a benign race of this test program that
    // ThreadSanitizer reports. Under TSan the model adds empty tensors instead (the same calls,
    // no element written), and the result is not checked.
    const int64_t none[] = {0};
    int64_t emptySelf = 0, emptyOut = 0;
    CHECK_EQ(agj_tensor_create(seed.selfBuffer, ACL_FLOAT, none, 1, nullptr, 0, &emptySelf), AGJ_OK);
    CHECK_EQ(agj_tensor_create(seed.outBuffer, ACL_FLOAT, none, 1, nullptr, 0, &emptyOut), AGJ_OK);
    CHECK_EQ(
        agj_executor_prepare(AGJ_OP_ADD, emptySelf, emptySelf, seed.alpha, emptyOut, AGJ_EXECUTOR_REPEATABLE, &kernel),
        AGJ_OK);
#endif
    CHECK_EQ(agj_capture_begin(seed.stream, ACL_MODEL_RI_CAPTURE_MODE_THREAD_LOCAL), AGJ_OK);
    CHECK_EQ(agj_executor_launch(kernel, seed.stream), AGJ_OK);
    CHECK_EQ(agj_capture_end(seed.stream, &model), AGJ_OK);
    for (int failed : ReplayFromThreads(seed.device, model, 4, 200, [](int) { return true; })) {
        CHECK_EQ(failed, 0);
    }
    float result[8] = {};
    int64_t address = 0, host = 0;
    CHECK_EQ(agj_host_buffer_alloc(seed.device, kBytes, &host, &address), AGJ_OK);
    CHECK_EQ(agj_memcpy(host, 0, seed.outBuffer, 0, kBytes), AGJ_OK);
    std::memcpy(result, reinterpret_cast<void *>(address), sizeof result);
    if (!SHIM_UNDER_TSAN) {
        CHECK_NEAR(result[0], 1.1, 1e-6);
    }
}

TEST_CASE("replays of one model never overlap: in-place x += 1 from 4 threads, each on its own stream") {
    OpenRuntime runtime;
    int64_t device = 0, buffer = 0, x = 0, one = 0, increment = 0, capturer = 0, model = 0;
    constexpr int64_t kElements = 1024;
    const int64_t dims[] = {kElements};
    CHECK_EQ(agj_device_open(0, &device), AGJ_OK);
    CHECK_EQ(agj_device_buffer_alloc(device, kElements * sizeof(float), &buffer), AGJ_OK);
    CHECK_EQ(agj_memset(buffer, 0, 0, kElements * sizeof(float)), AGJ_OK);
    CHECK_EQ(agj_tensor_create(buffer, ACL_FLOAT, dims, 1, nullptr, 0, &x), AGJ_OK);
    CHECK_EQ(agj_scalar_create_double(ACL_FLOAT, 1.0, &one), AGJ_OK);
    CHECK_EQ(agj_executor_prepare(AGJ_OP_INPLACE_ADDS, x, one, one, 0, AGJ_EXECUTOR_REPEATABLE, &increment), AGJ_OK);
    CHECK_EQ(agj_stream_create(device, &capturer), AGJ_OK);
    CHECK_EQ(agj_capture_begin(capturer, ACL_MODEL_RI_CAPTURE_MODE_THREAD_LOCAL), AGJ_OK);
    CHECK_EQ(agj_executor_launch(increment, capturer), AGJ_OK);
    CHECK_EQ(agj_capture_end(capturer, &model), AGJ_OK);
    constexpr int kThreads = 4, kReplays = 200;
    // Odd threads wait after each replay, even ones at the end.
    for (int failed : ReplayFromThreads(device, model, kThreads, kReplays, [](int t) { return t % 2 == 1; })) {
        CHECK_EQ(failed, 0);
    }
    int64_t host = 0, address = 0;
    CHECK_EQ(agj_host_buffer_alloc(device, kElements * sizeof(float), &host, &address), AGJ_OK);
    CHECK_EQ(agj_memcpy(host, 0, buffer, 0, kElements * sizeof(float)), AGJ_OK);
    const float *values = reinterpret_cast<const float *>(address);
    for (int64_t i = 0; i < kElements; ++i) {
        CHECK_EQ(values[i], static_cast<float>(kThreads * kReplays));
    }
}

TEST_MAIN()
