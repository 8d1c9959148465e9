// agj_model_update_kernel on the simulator: a captured kernel takes a new launch's operands
// (aclmdlRITaskGetParams of a scratch capture, aclmdlRITaskSetParams, aclmdlRIUpdate), at once
// when no replay runs, else queued on the stream after the replays in flight; refusals with their
// exact codes; what the model keeps.
#include <cstddef>
#include <cstring>
#include <string>

#include "acl/acl.h"
#include "aclgraph4j/shim.h"
#include "aclgraph4j/shim_testing.h"
#include "aclsim/aclsim.h"
#include "shim_test_fixture.h"

// The shim declares CANN 9.1's aclmdlRITaskParams itself (acl_api.h) for older headers; its layout
// must be the header's. Checked here against the simulator's copy of the header.
static_assert(sizeof(aclmdlRITaskParams) == 200, "aclmdlRITaskParams is 200 bytes in CANN 9.1");
static_assert(offsetof(aclmdlRITaskParams, kernelTaskParams) == 72, "the union follows 72 bytes of header");
static_assert(offsetof(aclmdlRIKernelTaskParams, args) == 16 && offsetof(aclmdlRIKernelTaskParams, argsSize) == 32,
              "kernel params: funcHandle, cfg, args, isHostArgs, argsSize");

namespace {

using shimtest::LastError;

// A FLOAT[4] counter and a model that adds to it in place (counter += 1), captured on `stream`.
struct Fixture : shimtest::DeviceStream {
    int64_t other = 0, counter = 0, counterBuffer = 0, gate = 0, model = 0;
    float *hostData = reinterpret_cast<float *>(hostAddress);

    Fixture() : DeviceStream(16) {
        CHECK_EQ(agj_stream_create(device, &other), AGJ_OK);
        const int64_t dims[] = {4};
        CHECK_EQ(agj_device_buffer_alloc(device, 16, &counterBuffer), AGJ_OK);
        CHECK_EQ(agj_memset(counterBuffer, 0, 0, 16), AGJ_OK);
        CHECK_EQ(agj_tensor_create(counterBuffer, ACL_FLOAT, dims, 1, nullptr, 0, &counter), AGJ_OK);
        CHECK_EQ(agj_device_buffer_alloc(device, 8, &gate), AGJ_OK);
        CHECK_EQ(agj_memset(gate, 0, 0, 8), AGJ_OK);
        int64_t adds = Adds(1.0);
        CHECK_EQ(agj_capture_begin(stream, ACL_MODEL_RI_CAPTURE_MODE_GLOBAL), AGJ_OK);
        CHECK_EQ(agj_executor_launch(adds, stream), AGJ_OK);
        CHECK_EQ(agj_capture_end(stream, &model), AGJ_OK);
        CHECK_EQ(agj_release(adds), AGJ_OK); // the model keeps it
    }

    // counter += delta, as a repeatable executor (its scalars released: it keeps them).
    int64_t Adds(double delta, int32_t flags = AGJ_EXECUTOR_REPEATABLE) {
        return shimtest::PrepareAdds(counter, ACL_FLOAT, delta, flags);
    }

    float Counter() {
        CHECK_EQ(agj_memcpy(host, 0, counterBuffer, 0, 16), AGJ_OK);
        return hostData[3];
    }

    // Holds `s` until the gate is opened: the replays issued after it stay in flight.
    void CloseGate(int64_t s) { CHECK_EQ(agj_value_wait_async(s, gate, 0, 1, AGJ_VALUE_WAIT_GEQ), AGJ_OK); }
    void OpenGate() { CHECK_EQ(agj_value_write_async(other, gate, 0, 1), AGJ_OK); }
};

TEST_CASE("a released model's task groups and conditions refuse at once, while a replay still holds it") {
    Fixture f;
    int64_t group = 0, condition = 0, model = 0;
    const int64_t adds = f.Adds(2.0); // counter += 2, in a task group with a condition beside it
    REQUIRE(agj_capture_begin(f.stream, ACL_MODEL_RI_CAPTURE_MODE_GLOBAL) == AGJ_OK);
    CHECK_EQ(agj_condition_create(f.stream, 0, 0, &condition), AGJ_OK);
    CHECK_EQ(agj_capture_task_group_begin(f.stream), AGJ_OK);
    CHECK_EQ(agj_executor_launch(adds, f.stream), AGJ_OK);
    CHECK_EQ(agj_capture_task_group_end(f.stream, &group), AGJ_OK);
    CHECK_EQ(agj_capture_end(f.stream, &model), AGJ_OK);
    CHECK_EQ(agj_condition_set(condition, 1), AGJ_OK); // the model's handle is live
    f.CloseGate(f.stream);
    CHECK_EQ(agj_model_execute_async(model, f.stream), AGJ_OK); // held by the gate
    CHECK_EQ(agj_release(model), AGJ_OK);
    CHECK_EQ(agj_live_count(AGJ_KIND_MODEL), 2); // the replay in flight keeps it (and f.model)
    CHECK_EQ(agj_capture_task_update_begin(f.other, group), AGJ_ERR_STATE);
    CHECK(LastError().find("the model this task group belongs to was released") != std::string::npos);
    CHECK_EQ(agj_condition_set(condition, 2), AGJ_ERR_STATE);
    CHECK(LastError().find("the model this condition was made on was released") != std::string::npos);
    f.OpenGate();
    CHECK_EQ(agj_stream_synchronize(f.stream), AGJ_OK);
    CHECK_EQ(agj_live_count(AGJ_KIND_MODEL), 1);
    CHECK_EQ(f.Counter(), 2.0f); // the replay ran
    CHECK_EQ(agj_capture_task_update_begin(f.other, group), AGJ_ERR_STATE);
    for (int64_t handle : {group, condition, adds, f.model}) {
        CHECK_EQ(agj_release(handle), AGJ_OK);
    }
}

TEST_CASE("an update between replays changes what the next replays add; the model keeps the executors") {
    Fixture f;
    CHECK_EQ(agj_model_execute(f.model, f.stream), AGJ_OK);
    CHECK_EQ(f.Counter(), 1.0f);
    int64_t five = f.Adds(5.0);
    CHECK_EQ(agj_model_update_kernel(f.model, 0, 0, five, f.stream), AGJ_OK);
    CHECK_EQ(agj_release(five), AGJ_OK); // the model keeps the executor its task uses
    CHECK_EQ(agj_model_execute(f.model, f.stream), AGJ_OK);
    CHECK_EQ(agj_model_execute(f.model, f.stream), AGJ_OK);
    CHECK_EQ(f.Counter(), 11.0f);
    // A single-use executor serves once; the model keeps it.
    int64_t once = f.Adds(-2.0, 0);
    CHECK_EQ(agj_model_update_kernel(f.model, 0, 0, once, f.stream), AGJ_OK);
    CHECK_EQ(agj_model_update_kernel(f.model, 0, 0, once, f.stream), AGJ_ERR_STATE);
    CHECK(LastError().find("single-use executor was already launched") != std::string::npos);
    CHECK_EQ(agj_release(once), AGJ_OK);
    CHECK_EQ(agj_model_execute(f.model, f.stream), AGJ_OK);
    CHECK_EQ(f.Counter(), 9.0f);
    CHECK_EQ(agj_release(f.model), AGJ_OK);
}

TEST_CASE("an update issued while replays are in flight returns at once and takes effect after them") {
    Fixture f;
    f.CloseGate(f.stream);
    for (int i = 0; i < 3; ++i) {
        CHECK_EQ(agj_model_execute_async(f.model, f.stream), AGJ_OK); // held by the gate
    }
    int64_t ten = f.Adds(10.0);
    // Returns at once (the gate is still closed: a host wait here would never end).
    CHECK_EQ(agj_model_update_kernel(f.model, 0, 0, ten, f.stream), AGJ_OK);
    CHECK_EQ(agj_release(ten), AGJ_OK);
    CHECK_EQ(f.Counter(), 0.0f);
    f.OpenGate();
    CHECK_EQ(agj_model_execute_async(f.model, f.stream), AGJ_OK); // waits for the update, then runs it
    CHECK_EQ(agj_stream_synchronize(f.stream), AGJ_OK);
    CHECK_EQ(f.Counter(), 13.0f); // 3 x 1 before the update, 10 after
    CHECK_EQ(agj_release(f.model), AGJ_OK);
}

TEST_CASE("an update on another stream waits on the device for the replay in flight") {
    Fixture f;
    f.CloseGate(f.stream);
    CHECK_EQ(agj_model_execute_async(f.model, f.stream), AGJ_OK);
    int64_t seven = f.Adds(7.0);
    int64_t updater = 0;
    CHECK_EQ(agj_stream_create(f.device, &updater), AGJ_OK);
    CHECK_EQ(agj_model_update_kernel(f.model, 0, 0, seven, updater), AGJ_OK);
    CHECK_EQ(agj_release(seven), AGJ_OK);
    f.OpenGate();
    CHECK_EQ(agj_stream_synchronize(updater), AGJ_OK); // the update ran after the replay
    CHECK_EQ(f.Counter(), 1.0f);
    CHECK_EQ(agj_model_execute(f.model, f.stream), AGJ_OK);
    CHECK_EQ(f.Counter(), 8.0f);
    CHECK_EQ(agj_release(updater), AGJ_OK);
    CHECK_EQ(agj_release(f.model), AGJ_OK);
}

TEST_CASE("refusals: exact codes, messages naming what is wrong, nothing changed") {
    Fixture f;
    int64_t two = f.Adds(2.0);
    CHECK_EQ(agj_model_update_kernel(f.model, 1, 0, two, f.stream), AGJ_ERR_INVALID_ARGUMENT);
    CHECK(LastError().find("the model has 1 stream, so model stream 1 does not exist") != std::string::npos);
    CHECK_EQ(agj_model_update_kernel(f.model, 0, 1, two, f.stream), AGJ_ERR_INVALID_ARGUMENT);
    CHECK(LastError().find("model stream 0 has 1 kernel task, so kernel 1 does not exist") != std::string::npos);
    CHECK_EQ(agj_model_update_kernel(f.model, -1, 0, two, f.stream), AGJ_ERR_INVALID_ARGUMENT);
    CHECK_EQ(agj_model_update_kernel(f.stream, 0, 0, two, f.stream), AGJ_ERR_INVALID_HANDLE);
    CHECK(LastError().find("model handle") != std::string::npos);
    CHECK_EQ(agj_model_update_kernel(f.model, 0, 0, f.counter, f.stream), AGJ_ERR_INVALID_HANDLE);
    CHECK_EQ(agj_model_update_kernel(f.model, 0, 0, two, f.model), AGJ_ERR_INVALID_HANDLE);
    // A capturing stream cannot take the update.
    CHECK_EQ(agj_capture_begin(f.other, ACL_MODEL_RI_CAPTURE_MODE_RELAXED), AGJ_OK);
    CHECK_EQ(agj_model_update_kernel(f.model, 0, 0, two, f.other), AGJ_ERR_STATE);
    CHECK(LastError().find("the stream is capturing") != std::string::npos);
    int64_t discarded = 0;
    CHECK_EQ(agj_capture_end(f.other, &discarded), AGJ_OK);
    CHECK_EQ(agj_release(discarded), AGJ_OK);
    // Nothing changed: the model still adds 1.
    CHECK_EQ(agj_model_execute(f.model, f.stream), AGJ_OK);
    CHECK_EQ(f.Counter(), 1.0f);
    // A released model is no longer a model.
    int64_t model = f.model;
    CHECK_EQ(agj_release(model), AGJ_OK);
    CHECK_EQ(agj_model_update_kernel(model, 0, 0, two, f.stream), AGJ_ERR_INVALID_HANDLE);
    CHECK_EQ(agj_release(two), AGJ_OK);
}

TEST_CASE("a model released with an update queued is destroyed once the stream has passed it") {
    Fixture f;
    f.CloseGate(f.stream);
    CHECK_EQ(agj_model_execute_async(f.model, f.stream), AGJ_OK);
    int64_t three = f.Adds(3.0);
    CHECK_EQ(agj_model_update_kernel(f.model, 0, 0, three, f.stream), AGJ_OK);
    CHECK_EQ(agj_release(three), AGJ_OK);
    CHECK_EQ(agj_release(f.model), AGJ_OK); // the queued update keeps it
    CHECK_EQ(agj_live_count(AGJ_KIND_MODEL), 1);
    f.OpenGate();
    CHECK_EQ(agj_stream_synchronize(f.stream), AGJ_OK);
    CHECK_EQ(agj_live_count(AGJ_KIND_MODEL), 0);
    CHECK_EQ(agj_live_count(AGJ_KIND_EXECUTOR), 0);
    CHECK_EQ(f.Counter(), 1.0f);
}

TEST_CASE("a runtime failure while updating is the update's error, and the model keeps its kernel") {
    Fixture f;
    int64_t four = f.Adds(4.0);
    // The scratch stream the new launch is captured on cannot be made.
    CHECK_EQ(agj_sim_inject_fault(ACLSIM_FAULT_STREAM_CREATE, 0, 1), AGJ_OK);
    CHECK_EQ(agj_model_update_kernel(f.model, 0, 0, four, f.stream), ACL_ERROR_RT_NO_STREAM_RESOURCE);
    CHECK(LastError().find("aclrtCreateStream failed with ACL error 207008") != std::string::npos);
    // The scratch capture cannot begin.
    CHECK_EQ(agj_sim_inject_fault(ACLSIM_FAULT_STREAM_CREATE, 1, 1), AGJ_OK);
    CHECK_EQ(agj_model_update_kernel(f.model, 0, 0, four, f.stream), ACL_ERROR_RT_NO_STREAM_RESOURCE);
    CHECK(LastError().find("aclmdlRICaptureBegin failed") != std::string::npos);
    CHECK_EQ(agj_sim_clear_faults(), AGJ_OK);
    CHECK_EQ(agj_model_execute(f.model, f.stream), AGJ_OK);
    CHECK_EQ(f.Counter(), 1.0f);
    // Queued behind a replay in flight: the host function cannot be queued (the first submission,
    // the scratch capture's kernel, goes through).
    f.CloseGate(f.stream);
    CHECK_EQ(agj_model_execute_async(f.model, f.stream), AGJ_OK);
    CHECK_EQ(agj_sim_inject_fault(ACLSIM_FAULT_TASK_SUBMIT, 1, 1), AGJ_OK);
    CHECK_EQ(agj_model_update_kernel(f.model, 0, 0, four, f.stream), ACL_ERROR_RT_RESOURCE_ALLOC_FAIL);
    CHECK(LastError().find("aclrtLaunchHostFunc failed") != std::string::npos);
    CHECK_EQ(agj_sim_clear_faults(), AGJ_OK);
    f.OpenGate();
    CHECK_EQ(agj_model_execute(f.model, f.stream), AGJ_OK); // nothing queued to wait for
    CHECK_EQ(f.Counter(), 3.0f);
    // And a later update works.
    CHECK_EQ(agj_model_update_kernel(f.model, 0, 0, four, f.stream), AGJ_OK);
    CHECK_EQ(agj_model_execute(f.model, f.stream), AGJ_OK);
    CHECK_EQ(f.Counter(), 7.0f);
    CHECK_EQ(agj_release(four), AGJ_OK);
    CHECK_EQ(agj_release(f.model), AGJ_OK);
}

} // namespace

TEST_MAIN()
