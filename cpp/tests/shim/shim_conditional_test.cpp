// Conditional sub-graphs and graph-boundary tasks through the shim's C API on the simulator: a
// WHILE loop whose body counts the condition down (its objects released by the caller before the
// replays: the model keeps them), an IF chosen from the host, refusals of a stale condition and of
// bodies out of order, value tasks and an EXTERNAL record.
#include <chrono>
#include <cstring>
#include <string>
#include <thread>

#include "acl/acl.h"
#include "aclgraph4j/shim.h"
#include "shim_test_fixture.h"

namespace {

using shimtest::LastError;

struct Fixture : shimtest::DeviceStream {
    int64_t body = 0;
    void *hostData = reinterpret_cast<void *>(hostAddress);
    Fixture() : DeviceStream(8) { CHECK_EQ(agj_stream_create(device, &body), AGJ_OK); }
    // A one-element tensor of `type` over a new buffer (the buffer handle is released: the tensor keeps it).
    int64_t Tensor(int32_t type, int64_t *bufferOut = nullptr) {
        int64_t buffer = 0, tensor = 0;
        const int64_t dims[] = {1};
        CHECK_EQ(agj_device_buffer_alloc(device, 8, &buffer), AGJ_OK);
        CHECK_EQ(agj_memset(buffer, 0, 0, 8), AGJ_OK);
        CHECK_EQ(agj_tensor_create(buffer, type, dims, 1, nullptr, 0, &tensor), AGJ_OK);
        if (bufferOut != nullptr) {
            *bufferOut = buffer;
        } else {
            CHECK_EQ(agj_release(buffer), AGJ_OK);
        }
        return tensor;
    }
    int64_t Read64(int64_t buffer) {
        CHECK_EQ(agj_memcpy(host, 0, buffer, 0, 8), AGJ_OK);
        int64_t value = 0;
        std::memcpy(&value, hostData, 8);
        return value;
    }
    void Write64(int64_t buffer, int64_t value) {
        std::memcpy(hostData, &value, 8);
        CHECK_EQ(agj_memcpy(buffer, 0, host, 0, 8), AGJ_OK);
    }
    float ReadFloat(int64_t buffer) {
        CHECK_EQ(agj_memcpy(host, 0, buffer, 0, 4), AGJ_OK);
        float value = 0;
        std::memcpy(&value, hostData, 4);
        return value;
    }
};

// tensor += delta, as an executor launched on `stream`; the executor is released.
void LaunchAdds(int64_t tensor, int32_t type, double delta, int64_t stream) {
    int64_t executor = shimtest::PrepareAdds(tensor, type, delta);
    CHECK_EQ(agj_executor_launch(executor, stream), AGJ_OK);
    CHECK_EQ(agj_release(executor), AGJ_OK);
}

} // namespace

TEST_CASE("WHILE: the body counts the condition down; what it used is kept by the model") {
    Fixture f;
    int64_t sumBuffer = 0, counterBuffer = 0;
    int64_t sum = f.Tensor(ACL_FLOAT, &sumBuffer);
    int64_t counter = f.Tensor(ACL_INT64, &counterBuffer);
    int64_t condition = 0, model = 0;
    REQUIRE(agj_capture_begin(f.stream, AGJ_CAPTURE_MODE_GLOBAL) == AGJ_OK);
    CHECK_EQ(agj_condition_create(f.stream, 0, 0, &condition), AGJ_OK);
    CHECK_EQ(agj_handle_kind(condition), AGJ_KIND_CONDITION);
    CHECK_EQ(agj_condition_copy_async(f.stream, condition, counterBuffer, 0), AGJ_OK);
    CHECK_EQ(agj_condition_add_task(f.stream, condition, AGJ_CONDITION_TYPE_WHILE, 1), AGJ_OK);
    CHECK_EQ(agj_condition_add_task(f.stream, condition, AGJ_CONDITION_TYPE_WHILE, 1), AGJ_ERR_STATE);
    CHECK_EQ(agj_condition_body_begin(f.body, condition, 1, AGJ_CAPTURE_MODE_GLOBAL), AGJ_ERR_INVALID_ARGUMENT);
    CHECK_EQ(agj_condition_body_begin(f.body, condition, 0, AGJ_CAPTURE_MODE_GLOBAL), AGJ_OK);
    LaunchAdds(sum, ACL_FLOAT, 1.0, f.body);
    LaunchAdds(counter, ACL_INT64, -1.0, f.body);
    CHECK_EQ(agj_condition_copy_async(f.body, condition, counterBuffer, 0), AGJ_OK);
    CHECK_EQ(agj_condition_body_end(f.stream, condition, 0), AGJ_ERR_STATE); // not the body's stream
    CHECK_EQ(agj_condition_body_end(f.body, condition, 0), AGJ_OK);
    CHECK_EQ(agj_condition_body_begin(f.body, condition, 0, AGJ_CAPTURE_MODE_GLOBAL), AGJ_ERR_STATE);
    CHECK(LastError().find("captured already") != std::string::npos);
    REQUIRE(agj_capture_end(f.stream, &model) == AGJ_OK);
    // The caller lets go of everything but the buffers it reads: the model keeps the rest.
    for (int64_t handle : {sum, counter}) {
        CHECK_EQ(agj_release(handle), AGJ_OK);
    }
    for (int64_t iterations : {4, 0, 2}) {
        f.Write64(counterBuffer, iterations);
        std::memset(f.hostData, 0, 8);
        CHECK_EQ(agj_memcpy(sumBuffer, 0, f.host, 0, 4), AGJ_OK);
        CHECK_EQ(agj_model_execute(model, f.stream), AGJ_OK);
        CHECK_NEAR(f.ReadFloat(sumBuffer), static_cast<double>(iterations), 0);
        int64_t value = -1;
        CHECK_EQ(agj_condition_get(condition, &value), AGJ_OK);
        CHECK_EQ(value, 0);
    }
    CHECK_EQ(agj_release(model), AGJ_OK);
    CHECK_EQ(agj_stream_synchronize(f.stream), AGJ_OK);
    CHECK_EQ(agj_condition_set(condition, 1), AGJ_ERR_STATE);
    CHECK(LastError().find("was released") != std::string::npos);
    CHECK_EQ(agj_condition_copy_async(f.stream, condition, counterBuffer, 0), AGJ_ERR_STATE);
}

TEST_CASE("IF/ELSE chosen from the host; a capture discarded leaves its condition stale") {
    Fixture f;
    int64_t thenBuffer = 0, elseBuffer = 0;
    int64_t thenCount = f.Tensor(ACL_FLOAT, &thenBuffer);
    int64_t elseCount = f.Tensor(ACL_FLOAT, &elseBuffer);
    int64_t condition = 0, model = 0;
    REQUIRE(agj_capture_begin(f.stream, AGJ_CAPTURE_MODE_GLOBAL) == AGJ_OK);
    CHECK_EQ(agj_condition_create(f.stream, 1ll << 32, 0, &condition), AGJ_ERR_INVALID_ARGUMENT);
    CHECK_EQ(agj_condition_create(f.stream, 0, 0, &condition), AGJ_OK);
    CHECK_EQ(agj_condition_add_task(f.stream, condition, 7, 2), AGJ_ERR_INVALID_ARGUMENT);
    CHECK(LastError().find("type must be 0 (IF), 1 (WHILE) or 2 (SWITCH), not 7") != std::string::npos);
    CHECK_EQ(agj_condition_add_task(f.stream, condition, AGJ_CONDITION_TYPE_IF, 2), AGJ_OK);
    int64_t counts[] = {thenCount, elseCount};
    for (int32_t body = 0; body < 2; ++body) {
        CHECK_EQ(agj_condition_body_begin(f.body, condition, body, AGJ_CAPTURE_MODE_GLOBAL), AGJ_OK);
        LaunchAdds(counts[body], ACL_FLOAT, 1.0, f.body);
        CHECK_EQ(agj_condition_body_end(f.body, condition, body), AGJ_OK);
    }
    REQUIRE(agj_capture_end(f.stream, &model) == AGJ_OK);
    for (int64_t value : {1, 0, 5}) {
        CHECK_EQ(agj_condition_set(condition, value), AGJ_OK);
        CHECK_EQ(agj_model_execute(model, f.stream), AGJ_OK);
    }
    CHECK_NEAR(f.ReadFloat(thenBuffer), 2.0, 0);
    CHECK_NEAR(f.ReadFloat(elseBuffer), 1.0, 0);
    CHECK_EQ(agj_release(model), AGJ_OK);

    int64_t unused = 0, discarded = 0;
    REQUIRE(agj_capture_begin(f.stream, AGJ_CAPTURE_MODE_GLOBAL) == AGJ_OK);
    CHECK_EQ(agj_condition_create(f.stream, 0, 0, &unused), AGJ_OK);
    CHECK_EQ(agj_condition_add_task(f.stream, unused, AGJ_CONDITION_TYPE_IF, 1), AGJ_OK);
    // Its body is never captured: the capture ends without a model.
    CHECK(agj_capture_end(f.stream, &discarded) != AGJ_OK);
    CHECK_EQ(discarded, 0);
    CHECK_EQ(agj_condition_set(unused, 1), AGJ_ERR_STATE);
    CHECK(LastError().find("without a model") != std::string::npos);
    CHECK_EQ(agj_condition_create(f.stream, 0, 0, &unused), AGJ_ERR_STATE); // not capturing
}

TEST_CASE("releasing a model waits for an eager copy into its condition still queued behind a value wait") {
    Fixture f;
    int64_t gate = 0, source = 0, condition = 0, model = 0, opener = 0;
    CHECK_EQ(agj_device_buffer_alloc(f.device, 8, &gate), AGJ_OK);
    CHECK_EQ(agj_device_buffer_alloc(f.device, 8, &source), AGJ_OK);
    f.Write64(gate, 0);
    f.Write64(source, 1);
    REQUIRE(agj_capture_begin(f.stream, AGJ_CAPTURE_MODE_GLOBAL) == AGJ_OK);
    CHECK_EQ(agj_condition_create(f.stream, 0, 0, &condition), AGJ_OK);
    CHECK_EQ(agj_condition_add_task(f.stream, condition, AGJ_CONDITION_TYPE_IF, 1), AGJ_OK);
    CHECK_EQ(agj_condition_body_begin(f.body, condition, 0, AGJ_CAPTURE_MODE_GLOBAL), AGJ_OK);
    CHECK_EQ(agj_condition_body_end(f.body, condition, 0), AGJ_OK);
    REQUIRE(agj_capture_end(f.stream, &model) == AGJ_OK);
    // f.body holds the copy until another stream opens the gate, 100 ms after the release began.
    CHECK_EQ(agj_value_wait_async(f.body, gate, 0, 1, AGJ_VALUE_WAIT_EQ), AGJ_OK);
    CHECK_EQ(agj_condition_copy_async(f.body, condition, source, 0), AGJ_OK);
    CHECK_EQ(agj_stream_create(f.device, &opener), AGJ_OK);
    std::thread opening([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        CHECK_EQ(agj_value_write_async(opener, gate, 0, 1), AGJ_OK);
        CHECK_EQ(agj_stream_synchronize(opener), AGJ_OK);
    });
    const auto start = std::chrono::steady_clock::now();
    CHECK_EQ(agj_release(model), AGJ_OK); // frees the condition's value once the copy ran
    const auto waited = std::chrono::steady_clock::now() - start;
    opening.join();
    CHECK(waited >= std::chrono::milliseconds(80));
    CHECK_EQ(agj_stream_synchronize(f.body), AGJ_OK); // the copy did not meet freed memory
    CHECK_EQ(agj_condition_set(condition, 1), AGJ_ERR_STATE);
    CHECK_EQ(agj_release(condition), AGJ_OK);
    CHECK_EQ(agj_release(opener), AGJ_OK);
    CHECK_EQ(agj_release(gate), AGJ_OK);
    CHECK_EQ(agj_release(source), AGJ_OK);
}

TEST_CASE("value tasks order two streams; an EXTERNAL record is a task of a capture only") {
    Fixture f;
    int64_t flag = 0, event = 0, model = 0;
    CHECK_EQ(agj_device_buffer_alloc(f.device, 16, &flag), AGJ_OK);
    CHECK_EQ(agj_memset(flag, 0, 0, 16), AGJ_OK);
    CHECK_EQ(agj_value_write_async(f.stream, flag, 4, 1), AGJ_ERR_INVALID_ARGUMENT);
    CHECK_EQ(agj_value_write_async(f.stream, flag, 16, 1), AGJ_ERR_INVALID_ARGUMENT);
    CHECK_EQ(agj_value_wait_async(f.stream, flag, 8, 1, 9), AGJ_ERR_INVALID_ARGUMENT);
    CHECK(LastError().find("condition must be 0 (GEQ), 1 (EQ), 2 (AND) or 3 (NOR), not 9") != std::string::npos);
    CHECK_EQ(agj_value_wait_async(f.stream, flag, 8, 3, AGJ_VALUE_WAIT_GEQ), AGJ_OK);
    CHECK_EQ(agj_value_write_async(f.stream, flag, 0, 42), AGJ_OK); // runs after the wait
    int32_t complete = 1;
    CHECK_EQ(agj_stream_query(f.stream, &complete), AGJ_OK);
    CHECK_EQ(complete, 0);
    CHECK_EQ(agj_value_write_async(f.body, flag, 8, 3), AGJ_OK);
    CHECK_EQ(agj_stream_synchronize(f.stream), AGJ_OK);
    CHECK_EQ(f.Read64(flag), 42);

    CHECK_EQ(agj_event_create(f.device, ACL_EVENT_SYNC, &event), AGJ_OK);
    CHECK(agj_event_record_external(event, f.stream) > 0); // the runtime's refusal: not capturing
    REQUIRE(agj_capture_begin(f.stream, AGJ_CAPTURE_MODE_GLOBAL) == AGJ_OK);
    CHECK_EQ(agj_event_record_external(event, f.stream), AGJ_OK);
    REQUIRE(agj_capture_end(f.stream, &model) == AGJ_OK);
    CHECK_EQ(agj_release(event), AGJ_OK); // the model keeps it
    CHECK_EQ(agj_model_execute_async(model, f.stream), AGJ_OK);
    CHECK_EQ(agj_release(model), AGJ_OK);
    CHECK_EQ(agj_stream_synchronize(f.stream), AGJ_OK);
    CHECK_EQ(agj_release(flag), AGJ_OK);
}

TEST_MAIN()
