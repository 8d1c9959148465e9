// Copies and memsets (aclrtMemcpy*, aclrtMemset*): their direction and bounds checked against the
// registered allocations when issued, and again when run if memory was freed since.
#include <cstring>
#include <tuple>

#include "runtime.h"

namespace aclsim {
namespace {

const char *KindName(aclrtMemcpyKind kind) {
    switch (kind) {
    case ACL_MEMCPY_HOST_TO_HOST: return "ACL_MEMCPY_HOST_TO_HOST";
    case ACL_MEMCPY_HOST_TO_DEVICE: return "ACL_MEMCPY_HOST_TO_DEVICE";
    case ACL_MEMCPY_DEVICE_TO_HOST: return "ACL_MEMCPY_DEVICE_TO_HOST";
    case ACL_MEMCPY_DEVICE_TO_DEVICE: return "ACL_MEMCPY_DEVICE_TO_DEVICE";
    case ACL_MEMCPY_DEFAULT: return "ACL_MEMCPY_DEFAULT";
    case ACL_MEMCPY_HOST_TO_BUF_TO_DEVICE: return "ACL_MEMCPY_HOST_TO_BUF_TO_DEVICE";
    case ACL_MEMCPY_INNER_DEVICE_TO_DEVICE: return "ACL_MEMCPY_INNER_DEVICE_TO_DEVICE";
    case ACL_MEMCPY_INTER_DEVICE_TO_DEVICE: return "ACL_MEMCPY_INTER_DEVICE_TO_DEVICE";
    }
    return "unknown kind";
}

const char *RangeName(RangeKind kind) {
    switch (kind) {
    case RangeKind::Device: return "device memory";
    case RangeKind::Pinned: return "page-locked host memory";
    case RangeKind::Pageable: return "pageable host memory";
    case RangeKind::Overrun: return "a range overrunning its allocation";
    }
    return "?";
}

// A checked copy: the ranges it touches and whether its host side is pageable.
struct CopyPlan {
    CheckedRange dst;
    CheckedRange src;
    bool pageable = false;
};

// Validates a copy's arguments, direction and bounds (shared by the sync and async forms).
aclError PlanCopy(const char *call, void *dst, size_t destMax, const void *src, size_t count, aclrtMemcpyKind kind,
                  CopyPlan &plan) {
    if (static_cast<int>(kind) < ACL_MEMCPY_HOST_TO_HOST ||
        static_cast<int>(kind) > ACL_MEMCPY_INTER_DEVICE_TO_DEVICE) {
        return Fail(ACL_ERROR_INVALID_PARAM, call,
                    "kind " + std::to_string(static_cast<int>(kind)) + " is not an aclrtMemcpyKind");
    }
    if (count > destMax) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call,
                    "count " + std::to_string(count) + " exceeds destMax " + std::to_string(destMax));
    }
    RangeKind dstKind = ClassifyRange(dst, count);
    RangeKind srcKind = ClassifyRange(src, count);
    if (dstKind == RangeKind::Overrun || srcKind == RangeKind::Overrun) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call,
                    std::string(dstKind == RangeKind::Overrun ? "destination" : "source") + " range of " +
                        std::to_string(count) + " bytes runs past the end of its allocation");
    }
    bool dstDevice = dstKind == RangeKind::Device;
    bool srcDevice = srcKind == RangeKind::Device;
    bool wantDstDevice = false;
    bool wantSrcDevice = false;
    switch (kind) {
    case ACL_MEMCPY_HOST_TO_HOST: break;
    case ACL_MEMCPY_HOST_TO_DEVICE:
    case ACL_MEMCPY_HOST_TO_BUF_TO_DEVICE: wantDstDevice = true; break;
    case ACL_MEMCPY_DEVICE_TO_HOST: wantSrcDevice = true; break;
    case ACL_MEMCPY_DEVICE_TO_DEVICE:
    case ACL_MEMCPY_INNER_DEVICE_TO_DEVICE:
    case ACL_MEMCPY_INTER_DEVICE_TO_DEVICE: wantDstDevice = wantSrcDevice = true; break;
    case ACL_MEMCPY_DEFAULT:
        wantDstDevice = dstDevice;
        wantSrcDevice = srcDevice;
        break;
    }
    if (dstDevice != wantDstDevice || srcDevice != wantSrcDevice) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call,
                    std::string(KindName(kind)) + " does not match the pointers: destination is " + RangeName(dstKind) +
                        ", source is " + RangeName(srcKind));
    }
    plan.dst = {dst, count, dstKind};
    plan.src = {src, count, srcKind};
    plan.pageable = dstKind == RangeKind::Pageable || srcKind == RangeKind::Pageable;
    return ACL_SUCCESS;
}

bool StillValid(const CheckedRange &range) {
    if (range.kind == RangeKind::Pageable || range.ptr == nullptr) {
        return true;
    }
    return ClassifyRange(range.ptr, range.bytes) == range.kind;
}

// Validates a memset's arguments and bounds (shared by the sync and async forms).
aclError PlanMemset(const char *call, void *devPtr, size_t maxCount, size_t count, CheckedRange &range) {
    if (devPtr == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, "devPtr is NULL");
    }
    if (count > maxCount) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call,
                    "count " + std::to_string(count) + " exceeds maxCount " + std::to_string(maxCount));
    }
    RangeKind kind = ClassifyRange(devPtr, count);
    if (kind == RangeKind::Overrun) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call,
                    "range of " + std::to_string(count) + " bytes runs past the end of its allocation");
    }
    range = {devPtr, count, kind};
    return ACL_SUCCESS;
}

// `height` rows of `width` bytes, `spitch` apart at src, to `dpitch` apart at dst.
void CopyRows(void *dst, size_t dpitch, const void *src, size_t spitch, size_t width, size_t height) {
    for (size_t row = 0; row < height; ++row) {
        std::memmove(static_cast<char *>(dst) + row * dpitch, static_cast<const char *>(src) + row * spitch, width);
    }
}

// A checked 2D copy: the extents it touches, the direction the pointers give, and whether its host
// side is pageable.
struct Copy2dPlan {
    CheckedRange dst;
    CheckedRange src;
    bool pageable = false;
};

// The runtime's bounds on a 2D copy (RT_MAX_MEMCPY2D_HEIGHT, RT_MAX_MEMCPY2D_WIDTH).
constexpr size_t kMaxCopy2dHeight = 5242880;
constexpr size_t kMaxCopy2dWidth = 5000000;

// A 2D copy's arguments as ACL checks them (CheckMemcpy2dParam), given width and height are not 0:
// pointers, width within both pitches, and the kind: H2D, D2H, DEFAULT and, from 9.0, D2D (else
// 100000).
aclError CheckCopy2dArguments(const char *call, const void *dst, size_t dpitch, const void *src, size_t spitch,
                              size_t width, aclrtMemcpyKind kind) {
    if (dst == nullptr || src == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, std::string(dst == nullptr ? "dst" : "src") + " is NULL");
    }
    if (width > dpitch || width > spitch) {
        return Fail(ACL_ERROR_INVALID_PARAM, call,
                    "width " + std::to_string(width) + " must not exceed spitch (" + std::to_string(spitch) +
                        ") or dpitch (" + std::to_string(dpitch) + ")");
    }
    const bool deviceToDevice = SimulatedRelease() >= 900;
    if (kind != ACL_MEMCPY_HOST_TO_DEVICE && kind != ACL_MEMCPY_DEVICE_TO_HOST && kind != ACL_MEMCPY_DEFAULT &&
        !(deviceToDevice && kind == ACL_MEMCPY_DEVICE_TO_DEVICE)) {
        return Fail(ACL_ERROR_INVALID_PARAM, call,
                    std::string(KindName(kind)) +
                        " is not a 2D copy kind: use ACL_MEMCPY_HOST_TO_DEVICE, "
                        "ACL_MEMCPY_DEVICE_TO_HOST" +
                        (deviceToDevice ? ", ACL_MEMCPY_DEVICE_TO_DEVICE" : "") + " or ACL_MEMCPY_DEFAULT");
    }
    return ACL_SUCCESS;
}

// Then as the runtime checks it (MemCopy2DCheckParam and the location checks): its bounds, the
// ranges within their allocations, and the direction: DEFAULT resolved from where the pointers
// are; a synchronous copy must be H2D or D2H (an explicit D2D is 207000), an asynchronous one may
// also be D2D from 9.0.
aclError PlanCopy2d(const char *call, void *dst, size_t dpitch, const void *src, size_t spitch, size_t width,
                    size_t height, aclrtMemcpyKind kind, bool async, Copy2dPlan &plan) {
    const bool deviceToDevice = SimulatedRelease() >= 900;
    if (height > kMaxCopy2dHeight || width > kMaxCopy2dWidth) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call,
                    height > kMaxCopy2dHeight
                        ? "height " + std::to_string(height) + " exceeds " + std::to_string(kMaxCopy2dHeight)
                        : "width " + std::to_string(width) + " exceeds " + std::to_string(kMaxCopy2dWidth));
    }
    if (height - 1 > (SIZE_MAX - width) / std::max(dpitch, spitch)) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call, "pitch × height overflows");
    }
    if (!async && kind == ACL_MEMCPY_DEVICE_TO_DEVICE) {
        return Fail(ACL_ERROR_RT_FEATURE_NOT_SUPPORT, call,
                    "a synchronous 2D copy is host to device or device to host: use aclrtMemcpy2dAsync for device "
                    "to device");
    }
    const size_t dstExtent = dpitch * (height - 1) + width;
    const size_t srcExtent = spitch * (height - 1) + width;
    // The whole extents as one range each (the rows in between belong to the same buffer).
    const RangeKind dstKind = ClassifyRange(dst, dstExtent);
    const RangeKind srcKind = ClassifyRange(src, srcExtent);
    const bool dstDevice = dstKind == RangeKind::Device;
    const bool srcDevice = srcKind == RangeKind::Device;
    bool fits = dstKind != RangeKind::Overrun && srcKind != RangeKind::Overrun;
    switch (kind) {
    case ACL_MEMCPY_HOST_TO_DEVICE: fits = fits && dstDevice && !srcDevice; break;
    case ACL_MEMCPY_DEVICE_TO_HOST: fits = fits && !dstDevice && srcDevice; break;
    case ACL_MEMCPY_DEVICE_TO_DEVICE: fits = fits && dstDevice && srcDevice; break;
    default: // DEFAULT: the direction the pointers give, one a 2D copy can take
        fits = fits && (dstDevice != srcDevice || (async && deviceToDevice && dstDevice));
        break;
    }
    if (!fits) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call,
                    std::string(KindName(kind)) + " does not fit the pointers: destination is " + RangeName(dstKind) +
                        " over " + std::to_string(dstExtent) + " bytes, source is " + RangeName(srcKind) + " over " +
                        std::to_string(srcExtent) + " bytes");
    }
    plan.dst = {dst, dstExtent, dstKind};
    plan.src = {src, srcExtent, srcKind};
    plan.pageable = dstKind == RangeKind::Pageable || srcKind == RangeKind::Pageable;
    return ACL_SUCCESS;
}

// The task of an asynchronous copy whose ranges were found `dstKind` and `srcKind` just now: `height`
// rows of `width` bytes, `dpitch`/`spitch` apart (a plain copy is one row).
Task CopyTask(void *dst, size_t dpitch, const void *src, size_t spitch, size_t width, size_t height, RangeKind dstKind,
              RangeKind srcKind) {
    Task task;
    task.kind = TaskKind::Memcpy;
    task.dst = dst;
    task.src = src;
    // The rows (one for a plain copy), and the ranges as checked now: checked again when the task
    // runs only if memory was freed since.
    std::tie(task.count, task.height, task.dpitch, task.spitch) = std::tie(width, height, dpitch, spitch);
    std::tie(task.dstKind, task.srcKind) = std::tie(dstKind, srcKind);
    task.validatedEpoch.store(MemoryEpoch(), std::memory_order_relaxed);
    return task;
}

// An asynchronous copy of pageable host memory: the device cannot read it asynchronously, so the
// runtime turns the copy into "synchronise the stream, then copy" (ApiErrorDecorator::MemcpyAsync
// and MemCopy2DAsync), which a capture cannot record and which is an unsafe call under the capture
// modes. From 9.1 the capturing stream is refused up front (107000) and the mode refusal is
// reported as 107041; up to 9.0 the implicit synchronisation fails (107027) and the mode refusal
// is the synchronous copy's 107030.
template <class Copy>
aclError CopyPageableSynchronously(const char *call, Stream &target, Copy &&copy) {
    const bool before91 = SimulatedRelease() < 901;
    if (target.captureFlag.load(std::memory_order_acquire)) {
        std::lock_guard lock(CaptureMutex());
        if (target.capture) {
            if (before91) {
                return Fail(ACL_ERROR_RT_STREAM_CAPTURED, call,
                            "the pageable memory copy synchronises the stream, which is capturing: allocate the "
                            "host buffer with aclrtMallocHost");
            }
            return Fail(ACL_ERROR_RT_PARAM_INVALID, call,
                        "the pageable memory copy task does not support graph capture: allocate the host buffer "
                        "with aclrtMallocHost");
        }
    }
    if (aclError status = CheckUnsafeCall(call); status != ACL_SUCCESS) {
        if (before91) {
            return status;
        }
        return Fail(ACL_ERROR_RT_CAPTURE_MODE_BLOCK_ASYNC, call,
                    "the copy of pageable memory was turned into a synchronous copy, which the capture mode "
                    "in force does not permit: use aclrtMallocHost memory or ACL_MODEL_RI_CAPTURE_MODE_RELAXED");
    }
    ACLSIM_RETURN_IF_FAILED(target.synchronize(std::chrono::steady_clock::time_point::max()));
    copy();
    return ACL_SUCCESS;
}

} // namespace

// Runs a copy or memset task: re-validates its ranges when memory was freed since they were last
// checked, so a task never writes into memory that is no longer allocated.
aclError RunMemoryTask(const Task &task) {
    uint64_t epoch = MemoryEpoch();
    if (task.validatedEpoch.load(std::memory_order_acquire) != epoch) {
        const CheckedRange ranges[2] = {
            {task.dst, task.dstExtent(), task.dstKind},
            {task.kind == TaskKind::Memset ? nullptr : task.src, task.srcExtent(), task.srcKind}};
        for (const auto &range : ranges) {
            if (!StillValid(range)) {
                return Fail(ACL_ERROR_RT_PARAM_INVALID, task.kind == TaskKind::Memset ? "memset task" : "memcpy task",
                            "memory it uses was freed before the task ran (keep buffers alive until the stream or "
                            "model using them is done)");
            }
        }
        task.validatedEpoch.store(epoch, std::memory_order_release);
    }
    if (task.kind == TaskKind::Memset) {
        std::memset(task.dst, task.value, task.count);
    } else if (task.height > 1) {
        CopyRows(task.dst, task.dpitch, task.src, task.spitch, task.count, task.height);
    } else if (task.dst != task.src) {
        std::memmove(task.dst, task.src, task.count);
    }
    return ACL_SUCCESS;
}

} // namespace aclsim

using namespace aclsim;

extern "C" {

ACL_FUNC_VISIBILITY aclError aclrtMemset(void *devPtr, size_t maxCount, int32_t value, size_t count) {
    const char *call = "aclrtMemset";
    if (count == 0) {
        return ACL_SUCCESS;
    }
    CheckedRange range;
    ACLSIM_RETURN_IF_FAILED(PlanMemset(call, devPtr, maxCount, count, range));
    ACLSIM_RETURN_IF_FAILED(CheckUnsafeCall(call));
    std::memset(devPtr, value, count);
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclrtMemsetAsync(void *devPtr, size_t maxCount, int32_t value, size_t count,
                                              aclrtStream stream) {
    const char *call = "aclrtMemsetAsync";
    if (count == 0) {
        return ACL_SUCCESS;
    }
    CheckedRange range;
    ACLSIM_RETURN_IF_FAILED(PlanMemset(call, devPtr, maxCount, count, range));
    Task task;
    task.kind = TaskKind::Memset;
    task.dst = devPtr;
    task.count = count;
    task.value = value;
    task.dstKind = range.kind;
    task.validatedEpoch.store(MemoryEpoch(), std::memory_order_relaxed);
    return SubmitToStream(call, stream, std::move(task));
}

ACL_FUNC_VISIBILITY aclError aclrtMemcpy(void *dst, size_t destMax, const void *src, size_t count,
                                         aclrtMemcpyKind kind) {
    const char *call = "aclrtMemcpy";
    if (count == 0) {
        return ACL_SUCCESS;
    }
    if (dst == nullptr || src == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, std::string(dst == nullptr ? "dst" : "src") + " is NULL");
    }
    CopyPlan plan;
    ACLSIM_RETURN_IF_FAILED(PlanCopy(call, dst, destMax, src, count, kind, plan));
    ACLSIM_RETURN_IF_FAILED(CheckUnsafeCall(call));
    if (dst != src) {
        std::memmove(dst, src, count);
    }
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclrtMemcpyAsync(void *dst, size_t destMax, const void *src, size_t count,
                                              aclrtMemcpyKind kind, aclrtStream stream) {
    const char *call = "aclrtMemcpyAsync";
    if (count == 0) {
        return ACL_SUCCESS;
    }
    if (dst == nullptr || src == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, std::string(dst == nullptr ? "dst" : "src") + " is NULL");
    }
    if (kind == ACL_MEMCPY_HOST_TO_HOST) {
        return Fail(ACL_ERROR_RT_FEATURE_NOT_SUPPORT, call,
                    "asynchronous host-to-host copies are not supported; use aclrtMemcpy or memcpy");
    }
    CopyPlan plan;
    ACLSIM_RETURN_IF_FAILED(PlanCopy(call, dst, destMax, src, count, kind, plan));
    if (plan.dst.kind != RangeKind::Device && plan.src.kind != RangeKind::Device) {
        return Fail(ACL_ERROR_RT_FEATURE_NOT_SUPPORT, call,
                    "asynchronous host-to-host copies are not supported; use aclrtMemcpy or memcpy");
    }
    std::shared_ptr<Stream> target;
    ACLSIM_RETURN_IF_FAILED(ResolveStream(call, stream, target));
    if (dst == src) {
        return ACL_SUCCESS;
    }
    if (plan.pageable) {
        return CopyPageableSynchronously(call, *target, [&] { std::memmove(dst, src, count); });
    }
    return SubmitTask(call, target, CopyTask(dst, 0, src, 0, count, 1, plan.dst.kind, plan.src.kind));
}

ACL_FUNC_VISIBILITY aclError aclrtMemcpy2d(void *dst, size_t dpitch, const void *src, size_t spitch, size_t width,
                                           size_t height, aclrtMemcpyKind kind) {
    const char *call = "aclrtMemcpy2d";
    if (width == 0 || height == 0) {
        return ACL_SUCCESS;
    }
    ACLSIM_RETURN_IF_FAILED(CheckCopy2dArguments(call, dst, dpitch, src, spitch, width, kind));
    Copy2dPlan plan;
    ACLSIM_RETURN_IF_FAILED(PlanCopy2d(call, dst, dpitch, src, spitch, width, height, kind, false, plan));
    ACLSIM_RETURN_IF_FAILED(CheckUnsafeCall(call));
    CopyRows(dst, dpitch, src, spitch, width, height);
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclrtMemcpy2dAsync(void *dst, size_t dpitch, const void *src, size_t spitch, size_t width,
                                                size_t height, aclrtMemcpyKind kind, aclrtStream stream) {
    const char *call = "aclrtMemcpy2dAsync";
    if (width == 0 || height == 0) {
        return ACL_SUCCESS;
    }
    ACLSIM_RETURN_IF_FAILED(CheckCopy2dArguments(call, dst, dpitch, src, spitch, width, kind));
    std::shared_ptr<Stream> target;
    ACLSIM_RETURN_IF_FAILED(ResolveStream(call, stream, target));
    Copy2dPlan plan;
    ACLSIM_RETURN_IF_FAILED(PlanCopy2d(call, dst, dpitch, src, spitch, width, height, kind, true, plan));
    if (plan.pageable) {
        return CopyPageableSynchronously(call, *target, [&] { CopyRows(dst, dpitch, src, spitch, width, height); });
    }
    return SubmitTask(call, target, CopyTask(dst, dpitch, src, spitch, width, height, plan.dst.kind, plan.src.kind));
}

} // extern "C"
