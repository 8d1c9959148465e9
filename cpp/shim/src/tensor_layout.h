// A tensor's view of a device buffer: shape, strides and offset in elements, checked to lie
// inside the buffer without overflow. The one place the view-extent rule lives.
#ifndef ACLGRAPH4J_SHIM_TENSOR_LAYOUT_H
#define ACLGRAPH4J_SHIM_TENSOR_LAYOUT_H

#include <cstdint>
#include <string>
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

// Whether a laid-out view may name one element through two indices (a stride 0 along a dim of
// more than one element, interleaved strides): taken by increasing stride, each dim must step past
// everything the smaller ones span. Conservative (a few one-to-one views fail it too); an operator
// writing through such a view would write an element twice, racing itself.
bool MayNameAnElementTwice(const TensorLayout &layout);

// "shape [2,3] strides [3,1]", for messages.
std::string DescribeView(const TensorLayout &layout);

} // namespace agj

#endif
