// The seed flow on the C API: capture an H2D copy, aclnnAdd (out = self + 1.1 * other) and a D2H
// copy into a model once, then replay it eight times; each replay reads the pinned host buffer it
// wrote last, so line i holds 1.1 * i. Before the capture it checks the overflow status and turns
// data dump on, configuration a program sets up outside its captures.
#include <cstdio>
#include <initializer_list>
#include <vector>

#include "acl/acl.h"
#include "aclnnop/aclnn_add.h"

#define CHECK_RET(expr)                                                                   \
    do {                                                                                  \
        auto ret_ = (expr);                                                               \
        if (ret_ != 0) {                                                                  \
            std::printf("%s failed: %d (%s)\n", #expr, static_cast<int>(ret_), aclGetRecentErrMsg()); \
            return 1;                                                                     \
        }                                                                                 \
    } while (0)

int main() {
    const std::vector<int64_t> shape = {4, 2};
    const std::vector<int64_t> strides = {2, 1};
    const size_t bytes = 8 * sizeof(float);
    CHECK_RET(aclInit(nullptr));
    CHECK_RET(aclrtSetDevice(0));
    aclrtStream stream = nullptr;
    CHECK_RET(aclrtCreateStream(&stream));

    void *selfDevice = nullptr, *otherDevice = nullptr, *outDevice = nullptr, *status = nullptr;
    CHECK_RET(aclrtMalloc(&selfDevice, bytes, ACL_MEM_MALLOC_HUGE_FIRST));
    CHECK_RET(aclrtMalloc(&otherDevice, bytes, ACL_MEM_MALLOC_HUGE_FIRST));
    CHECK_RET(aclrtMalloc(&outDevice, bytes, ACL_MEM_MALLOC_HUGE_FIRST));
    CHECK_RET(aclrtMalloc(&status, 64, ACL_MEM_MALLOC_HUGE_FIRST));
    // A contiguous FLOAT tensor of `shape` over device memory.
    auto tensorOver = [&](void *data) {
        return aclCreateTensor(shape.data(), 2, ACL_FLOAT, strides.data(), 0, ACL_FORMAT_ND, shape.data(), 2, data);
    };
    aclTensor *self = tensorOver(selfDevice);
    aclTensor *other = tensorOver(otherDevice);
    aclTensor *out = tensorOver(outDevice);
    float alphaValue = 1.1f;
    aclScalar *alpha = aclCreateScalar(&alphaValue, ACL_FLOAT);
    if (self == nullptr || other == nullptr || out == nullptr || alpha == nullptr) {
        std::printf("aclCreateTensor/aclCreateScalar failed\n");
        return 1;
    }
    uint64_t workspaceSize = 0;
    aclOpExecutor *executor = nullptr;
    CHECK_RET(aclnnAddGetWorkspaceSize(self, other, alpha, out, &workspaceSize, &executor));

    float *selfHost = nullptr, *otherHost = nullptr;
    CHECK_RET(aclrtMallocHost(reinterpret_cast<void **>(&selfHost), bytes));
    CHECK_RET(aclrtMallocHost(reinterpret_cast<void **>(&otherHost), bytes));
    for (int i = 0; i < 8; ++i) {
        selfHost[i] = 0.0f;
        otherHost[i] = 1.0f;
    }

    // Configuration, outside any capture.
    CHECK_RET(aclrtResetOverflowStatus(stream));
    CHECK_RET(aclrtGetOverflowStatus(status, 64, stream));
    CHECK_RET(aclrtSynchronizeStream(stream));
    CHECK_RET(aclmdlInitDump());

    CHECK_RET(aclmdlRICaptureBegin(stream, ACL_MODEL_RI_CAPTURE_MODE_GLOBAL));
    CHECK_RET(aclrtMemcpyAsync(selfDevice, bytes, selfHost, bytes, ACL_MEMCPY_HOST_TO_DEVICE, stream));
    aclmdlRICaptureMode mode = ACL_MODEL_RI_CAPTURE_MODE_RELAXED;
    CHECK_RET(aclmdlRICaptureThreadExchangeMode(&mode));
    CHECK_RET(aclrtMemcpy(otherDevice, bytes, otherHost, bytes, ACL_MEMCPY_HOST_TO_DEVICE));
    CHECK_RET(aclmdlRICaptureThreadExchangeMode(&mode));
    CHECK_RET(aclnnAdd(nullptr, workspaceSize, executor, stream));
    CHECK_RET(aclrtMemcpyAsync(selfHost, bytes, outDevice, bytes, ACL_MEMCPY_DEVICE_TO_HOST, stream));
    aclmdlRI model = nullptr;
    CHECK_RET(aclmdlRICaptureEnd(stream, &model));

    for (int replay = 0; replay < 8; ++replay) {
        CHECK_RET(aclmdlRIExecuteAsync(model, stream));
        CHECK_RET(aclrtSynchronizeStream(stream));
        for (int i = 0; i < 8; ++i) {
            std::printf(i == 0 ? "%f" : " %f", selfHost[i]);
        }
        std::printf("\n");
    }

    CHECK_RET(aclmdlFinalizeDump());
    CHECK_RET(aclmdlRIDestroy(model));
    for (aclTensor *tensor : {self, other, out}) {
        CHECK_RET(aclDestroyTensor(tensor));
    }
    CHECK_RET(aclDestroyScalar(alpha));
    for (void *device : {selfDevice, otherDevice, outDevice, status}) {
        CHECK_RET(aclrtFree(device));
    }
    for (float *host : {selfHost, otherHost}) {
        CHECK_RET(aclrtFreeHost(host));
    }
    CHECK_RET(aclrtDestroyStream(stream));
    CHECK_RET(aclrtResetDevice(0));
    CHECK_RET(aclFinalize());
    return 0;
}
