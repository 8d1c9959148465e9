// The seed's flow on the simulator through the plain ACL C API: capture an H2D copy, an
// aclnnAdd and a D2H copy, make a synchronous copy under RELAXED mode inside the capture, then
// replay eight times; replay i must leave 1.1 * i in every element of the pinned host buffer.
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "acl/acl.h"
#include "aclnnop/aclnn_add.h"
#include "test_support.h"

namespace {

constexpr int kElements = 8;
constexpr size_t kBytes = kElements * sizeof(float);

aclTensor *MakeTensor(void *data) {
    std::vector<int64_t> shape{4, 2};
    std::vector<int64_t> strides{2, 1};
    return aclCreateTensor(shape.data(), shape.size(), ACL_FLOAT, strides.data(), 0, ACL_FORMAT_ND, shape.data(),
                           shape.size(), data);
}

} // namespace

TEST_CASE("seed flow: eight replays print 1.1 * i") {
    REQUIRE(aclInit(nullptr) == ACL_SUCCESS);
    REQUIRE(aclrtSetDevice(0) == ACL_SUCCESS);

    void *selfDevice = nullptr;
    void *otherDevice = nullptr;
    void *outDevice = nullptr;
    CHECK_EQ(aclrtMalloc(&selfDevice, kBytes, ACL_MEM_MALLOC_HUGE_FIRST), ACL_SUCCESS);
    CHECK_EQ(aclrtMalloc(&otherDevice, kBytes, ACL_MEM_MALLOC_HUGE_FIRST), ACL_SUCCESS);
    CHECK_EQ(aclrtMalloc(&outDevice, kBytes, ACL_MEM_MALLOC_HUGE_FIRST), ACL_SUCCESS);
    aclTensor *self = MakeTensor(selfDevice);
    aclTensor *other = MakeTensor(otherDevice);
    aclTensor *out = MakeTensor(outDevice);
    float alphaValue = 1.1f;
    aclScalar *alpha = aclCreateScalar(&alphaValue, ACL_FLOAT);
    REQUIRE(self != nullptr && other != nullptr && out != nullptr && alpha != nullptr);

    uint64_t workspaceSize = 0;
    aclOpExecutor *executor = nullptr;
    CHECK_EQ(aclnnAddGetWorkspaceSize(self, other, alpha, out, &workspaceSize, &executor), 0);
    void *workspace = nullptr;
    if (workspaceSize > 0) {
        CHECK_EQ(aclrtMalloc(&workspace, workspaceSize, ACL_MEM_MALLOC_HUGE_FIRST), ACL_SUCCESS);
    }

    float *selfHost = nullptr;
    float *otherHost = nullptr;
    CHECK_EQ(aclrtMallocHost(reinterpret_cast<void **>(&selfHost), kBytes), ACL_SUCCESS);
    CHECK_EQ(aclrtMallocHost(reinterpret_cast<void **>(&otherHost), kBytes), ACL_SUCCESS);
    for (int i = 0; i < kElements; ++i) {
        selfHost[i] = 0.0f;
        otherHost[i] = 1.0f;
    }
    aclrtStream stream = nullptr;
    CHECK_EQ(aclrtCreateStream(&stream), ACL_SUCCESS);

    aclmdlRI model = nullptr;
    CHECK_EQ(aclmdlRICaptureBegin(stream, ACL_MODEL_RI_CAPTURE_MODE_GLOBAL), ACL_SUCCESS);
    CHECK_EQ(aclrtMemcpyAsync(selfDevice, kBytes, selfHost, kBytes, ACL_MEMCPY_HOST_TO_DEVICE, stream), ACL_SUCCESS);
    // Without the switch to RELAXED, the synchronous copy is refused and the capture goes on.
    CHECK_EQ(aclrtMemcpy(otherDevice, kBytes, otherHost, kBytes, ACL_MEMCPY_HOST_TO_DEVICE),
             ACL_ERROR_RT_CAPTURE_MODE_NOT_SUPPORT);
    aclmdlRICaptureMode mode = ACL_MODEL_RI_CAPTURE_MODE_RELAXED;
    CHECK_EQ(aclmdlRICaptureThreadExchangeMode(&mode), ACL_SUCCESS);
    CHECK_EQ(mode, ACL_MODEL_RI_CAPTURE_MODE_GLOBAL);
    CHECK_EQ(aclrtMemcpy(otherDevice, kBytes, otherHost, kBytes, ACL_MEMCPY_HOST_TO_DEVICE), ACL_SUCCESS);
    CHECK_EQ(aclmdlRICaptureThreadExchangeMode(&mode), ACL_SUCCESS);
    CHECK_EQ(mode, ACL_MODEL_RI_CAPTURE_MODE_RELAXED);
    CHECK_EQ(aclnnAdd(workspace, workspaceSize, executor, stream), 0);
    CHECK_EQ(aclrtMemcpyAsync(selfHost, kBytes, outDevice, kBytes, ACL_MEMCPY_DEVICE_TO_HOST, stream), ACL_SUCCESS);
    // Synchronising the capturing stream is refused; the capture survives it.
    CHECK_EQ(aclrtSynchronizeStream(stream), ACL_ERROR_RT_STREAM_CAPTURED);
    CHECK_EQ(aclmdlRICaptureEnd(stream, &model), ACL_SUCCESS);
    REQUIRE(model != nullptr);
    // Nothing ran during the capture: the host buffer still holds zeros.
    CHECK_EQ(selfHost[0], 0.0f);

    CHECK_EQ(aclmdlRIDebugJsonPrint(model, "./seed_model.json", 0), ACL_SUCCESS);
    std::ifstream json("./seed_model.json");
    std::stringstream text;
    text << json.rdbuf();
    CHECK(text.str().find("MEMCPY_ASYNC") != std::string::npos);
    CHECK(text.str().front() == '[');

    for (int replay = 1; replay <= 8; ++replay) {
        CHECK_EQ(aclmdlRIExecuteAsync(model, stream), ACL_SUCCESS);
        CHECK_EQ(aclrtSynchronizeStream(stream), ACL_SUCCESS);
        char line[256];
        std::snprintf(line, sizeof line, "%f %f %f %f %f %f %f %f", selfHost[0], selfHost[1], selfHost[2], selfHost[3],
                      selfHost[4], selfHost[5], selfHost[6], selfHost[7]);
        std::printf("[INFO] %s\n", line);
        char expected[32];
        std::snprintf(expected, sizeof expected, "%f", 1.1f * replay);
        for (int i = 0; i < kElements; ++i) {
            CHECK_NEAR(selfHost[i], 1.1 * replay, 1e-5);
        }
        CHECK(std::string(line).rfind(expected, 0) == 0);
    }

    CHECK_EQ(aclmdlRIDestroy(model), ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    CHECK_EQ(aclDestroyTensor(self), 0);
    CHECK_EQ(aclDestroyTensor(other), 0);
    CHECK_EQ(aclDestroyTensor(out), 0);
    CHECK_EQ(aclDestroyScalar(alpha), 0);
    CHECK_EQ(aclrtFree(selfDevice), ACL_SUCCESS);
    CHECK_EQ(aclrtFree(otherDevice), ACL_SUCCESS);
    CHECK_EQ(aclrtFree(outDevice), ACL_SUCCESS);
    if (workspace != nullptr) {
        CHECK_EQ(aclrtFree(workspace), ACL_SUCCESS);
    }
    CHECK_EQ(aclrtFreeHost(selfHost), ACL_SUCCESS);
    CHECK_EQ(aclrtFreeHost(otherHost), ACL_SUCCESS);
    CHECK_EQ(aclrtResetDevice(0), ACL_SUCCESS);
    CHECK_EQ(aclFinalize(), ACL_SUCCESS);
}

TEST_MAIN()
