// What the shim's test programs share: the calling thread's last message, the simulator runtime
// open for one test (every handle released by its end), and a device with a stream and a host
// buffer to read results through.
#ifndef ACLGRAPH4J_TESTS_SHIM_TEST_FIXTURE_H
#define ACLGRAPH4J_TESTS_SHIM_TEST_FIXTURE_H

#include <cstdint>
#include <string>

#include "aclgraph4j/shim.h"
#include "test_support.h"

namespace shimtest {

inline std::string LastError() {
    return agj_last_error_message();
}

// The runtime opened on the simulator; closing it must leave no live handle behind.
struct OpenRuntime {
    OpenRuntime() { CHECK_EQ(agj_runtime_open("sim"), AGJ_OK); }
    ~OpenRuntime() {
        CHECK_EQ(agj_runtime_close(), AGJ_OK);
        CHECK_EQ(agj_live_count(0), 0);
    }
};

// On the runtime opened for the test: device 0, a stream on it and a host buffer of `hostBytes`
// bytes at `hostAddress`.
struct DeviceStream {
    OpenRuntime runtime; // first: open before the objects are made, closed after the test
    int64_t device = 0, stream = 0, host = 0, hostAddress = 0;
    explicit DeviceStream(int64_t hostBytes) {
        CHECK_EQ(agj_device_open(0, &device), AGJ_OK);
        CHECK_EQ(agj_stream_create(device, &stream), AGJ_OK);
        CHECK_EQ(agj_host_buffer_alloc(device, hostBytes, &host, &hostAddress), AGJ_OK);
    }
};

// tensor += delta as an INPLACE_ADDS executor (scalars of `type`, released: the executor keeps them).
inline int64_t PrepareAdds(int64_t tensor, int32_t type, double delta, int32_t flags = AGJ_EXECUTOR_REPEATABLE) {
    int64_t value = 0, alpha = 0, executor = 0;
    CHECK_EQ(agj_scalar_create_double(type, delta, &value), AGJ_OK);
    CHECK_EQ(agj_scalar_create_double(type, 1.0, &alpha), AGJ_OK);
    CHECK_EQ(agj_executor_prepare(AGJ_OP_INPLACE_ADDS, tensor, value, alpha, 0, flags, &executor), AGJ_OK);
    CHECK_EQ(agj_release(value), AGJ_OK);
    CHECK_EQ(agj_release(alpha), AGJ_OK);
    return executor;
}

} // namespace shimtest

#endif
