#include "tensor_layout.h"

#include <algorithm>
#include <string>

#include "data_types.h"
#include "entry.h"

namespace agj {

int32_t LayOutView(const char *entry, int32_t dataType, const int64_t *dims, int32_t rank, const int64_t *strides,
                   int64_t offset, int64_t bufferBytes, TensorLayout &out) {
    int64_t elementSize = ElementSize(dataType);
    if (elementSize == 0) {
        return InvalidArgument(entry, "data type " + std::to_string(dataType) + " is not supported for tensors");
    }
    if (rank < 0 || rank > kMaxTensorRank) {
        return InvalidArgument(entry, "rank must be between 0 and 8, not " + std::to_string(rank));
    }
    if (rank > 0 && dims == nullptr) {
        return InvalidArgument(entry, "dims is null");
    }
    if (offset < 0) {
        return InvalidArgument(entry, "offset must not be negative, not " + std::to_string(offset));
    }
    std::vector<int64_t> shape(dims, dims + rank);
    std::vector<int64_t> steps(static_cast<size_t>(rank));
    bool empty = false;
    for (int32_t i = rank - 1; i >= 0; --i) {
        if (shape[i] < 0) {
            return InvalidArgument(entry, "dimension " + std::to_string(i) + " is negative (" +
                                              std::to_string(shape[i]) + ")");
        }
        empty = empty || shape[i] == 0;
    }
    // Contiguous strides unless given; then the last element's index bounds the extent.
    int64_t running = 1;
    for (int32_t i = rank - 1; i >= 0; --i) {
        steps[i] = strides != nullptr ? strides[i] : running;
        if (steps[i] < 0) {
            return InvalidArgument(entry,
                                   "stride " + std::to_string(i) + " is negative (" + std::to_string(steps[i]) + ")");
        }
        if (__builtin_mul_overflow(running, std::max<int64_t>(shape[i], 1), &running)) {
            return InvalidArgument(entry, "the shape's element count overflows");
        }
    }
    int64_t lastIndex = offset;
    if (!empty) {
        for (int32_t i = 0; i < rank; ++i) {
            int64_t reach;
            if (__builtin_mul_overflow(shape[i] - 1, steps[i], &reach) ||
                __builtin_add_overflow(lastIndex, reach, &lastIndex)) {
                return InvalidArgument(entry, "the view's extent overflows");
            }
        }
    }
    int64_t endByte;
    if (__builtin_add_overflow(lastIndex, 1, &endByte) || __builtin_mul_overflow(endByte, elementSize, &endByte)) {
        return InvalidArgument(entry, "the view's extent overflows (its last element is at index " +
                                          std::to_string(lastIndex) + ")");
    }
    if (!empty && endByte > bufferBytes) {
        return InvalidArgument(entry, "the view needs " + std::to_string(lastIndex + 1) + " elements of " +
                                          std::to_string(elementSize) + " bytes but its buffer holds " +
                                          std::to_string(bufferBytes) + " bytes");
    }
    out.shape = std::move(shape);
    out.strides = std::move(steps);
    out.offset = offset;
    out.storageElements = bufferBytes / elementSize;
    return AGJ_OK;
}

bool MayNameAnElementTwice(const TensorLayout &layout) {
    const size_t rank = layout.shape.size();
    if (std::any_of(layout.shape.begin(), layout.shape.end(), [](int64_t extent) { return extent == 0; })) {
        return false; // no element at all
    }
    std::vector<size_t> order(rank);
    for (size_t i = 0; i < rank; ++i) {
        order[i] = i;
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return layout.strides[a] < layout.strides[b]; });
    int64_t span = 0; // elements spanned by the dims taken so far, minus one (no overflow: LayOutView)
    for (size_t i : order) {
        if (layout.shape[i] == 1) {
            continue;
        }
        if (layout.strides[i] <= span) {
            return true;
        }
        span += layout.strides[i] * (layout.shape[i] - 1);
    }
    return false;
}

std::string DescribeView(const TensorLayout &layout) {
    auto list = [](const std::vector<int64_t> &values) {
        std::string text = "[";
        for (size_t i = 0; i < values.size(); ++i) {
            text += (i ? "," : "") + std::to_string(values[i]);
        }
        return text + "]";
    };
    return "shape " + list(layout.shape) + " strides " + list(layout.strides);
}

} // namespace agj
