// A tensor's view of a device buffer: shape, strides and offset in elements, checked to lie
// inside the buffer without overflow. The one place the view-extent rule lives.
#ifndef ACLGRAPH4J_SHIM_TENSOR_LAYOUT_H
#define ACLGRAPH4J_SHIM_TENSOR_LAYOUT_H

#include <cstdint>
#include <vector>

namespace agj {

struct TensorLayout {
    std::vector<int64_t> shape;
    std::vector<int64_t> strides;
    int64_t offset = 0;
    int64_t storageElements = 0; // the whole buffer, in elements
};

constexpr int32_t kMaxTensorRank = 8;

// Checks a view (strides null: contiguous) of dataType over a buffer of bufferBytes. Returns
// AGJ_OK with `out` filled, or the refusal (with the thread's message, naming `entry`).
int32_t LayOutView(const char *entry, int32_t dataType, const int64_t *dims, int32_t rank, const int64_t *strides,
                   int64_t offset, int64_t bufferBytes, TensorLayout &out);

} // namespace agj

#endif
