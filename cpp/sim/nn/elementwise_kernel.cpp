// The elementwise kernel of Add, Sub, Mul, Div, Maximum, the unary operators, Cast and Copy.
// One row (innermost dim run) at a time: operands whose storage already is the arithmetic type and
// that are contiguous are used in place; broadcast operands are read once per row; anything else
// (other types, strides, half types, bools) is staged through small blocks on the stack. The inner
// loops are compiled for AVX2 and AVX-512 too and picked at load time.
#include "elementwise_kernel.h"

#include <algorithm>
#include <string>
#include <type_traits>

#include "element_io.h"
#include "element_ops.h"
#include "worker_pool.h"

namespace aclsim::nn {
namespace {

// Elements per staging block: three blocks of the widest type (COMPLEX128) take 12 KiB of stack.
constexpr size_t kBlockElements = 256;
// Part boundaries of a parallel run are multiples of this many elements (whole cache lines).
constexpr int64_t kPartAlignment = 64;

// ---- element arithmetic: out = a + alpha * b ----

// ---- inner loops. __restrict is sound: callers pick the in-place or aliased variant when out
// ---- overlaps an input.

template <class Op, class A>
ACLSIM_VECTOR_CLONES void ApplyVectorVector(A *__restrict out, const A *__restrict a, const A *__restrict b, A alpha,
                                            size_t n) {
    for (size_t i = 0; i < n; ++i) {
        out[i] = Op::Apply(a[i], b[i], alpha);
    }
}

template <class Op, class A>
ACLSIM_VECTOR_CLONES void ApplyVectorVectorInPlace(A *__restrict inout, const A *__restrict b, A alpha, size_t n) {
    for (size_t i = 0; i < n; ++i) {
        inout[i] = Op::Apply(inout[i], b[i], alpha);
    }
}

template <class Op, class A>
ACLSIM_VECTOR_CLONES void ApplyVectorScalar(A *__restrict out, const A *__restrict a, A b, A alpha, size_t n) {
    for (size_t i = 0; i < n; ++i) {
        out[i] = Op::Apply(a[i], b, alpha);
    }
}

template <class Op, class A>
ACLSIM_VECTOR_CLONES void ApplyVectorScalarInPlace(A *__restrict inout, A b, A alpha, size_t n) {
    for (size_t i = 0; i < n; ++i) {
        inout[i] = Op::Apply(inout[i], b, alpha);
    }
}

template <class Op, class A>
ACLSIM_VECTOR_CLONES void ApplyScalarVector(A *__restrict out, A a, const A *__restrict b, A alpha, size_t n) {
    for (size_t i = 0; i < n; ++i) {
        out[i] = Op::Apply(a, b[i], alpha);
    }
}

template <class A>
void Fill(A *out, A value, size_t n) {
    std::fill(out, out + n, value);
}

// Any aliasing between out and the inputs (a null input reads its scalar): element by element
// in index order, as a sequential loop would.
template <class Op, class A>
void ApplyAliased(A *out, const A *a, A aValue, const A *b, A bValue, A alpha, size_t n) {
    for (size_t i = 0; i < n; ++i) {
        const A x = a != nullptr ? a[i] : aValue;
        const A y = b != nullptr ? b[i] : bValue;
        out[i] = Op::Apply(x, y, alpha);
    }
}

template <class A>
bool Overlaps(const A *x, const A *y, size_t n) {
    const auto xBegin = reinterpret_cast<uintptr_t>(x);
    const auto yBegin = reinterpret_cast<uintptr_t>(y);
    const uintptr_t bytes = n * sizeof(A);
    return xBegin < yBegin + bytes && yBegin < xBegin + bytes;
}

// out[0, n) = Op(a, b, alpha) where a null `a` or `b` stands for its broadcast value.
template <class Op, class A>
void Compute(A *out, const A *a, A aValue, const A *b, A bValue, A alpha, size_t n) {
    const bool outOverlapsA = a != nullptr && Overlaps(out, a, n);
    const bool outOverlapsB = b != nullptr && Overlaps(out, b, n);
    if (!outOverlapsA && !outOverlapsB) {
        if (a != nullptr && b != nullptr) {
            ApplyVectorVector<Op>(out, a, b, alpha, n);
        } else if (a != nullptr) {
            ApplyVectorScalar<Op>(out, a, bValue, alpha, n);
        } else if (b != nullptr) {
            ApplyScalarVector<Op>(out, aValue, b, alpha, n);
        } else {
            Fill(out, Op::Apply(aValue, bValue, alpha), n);
        }
        return;
    }
    if (out == a && !outOverlapsB) { // in place on self, the usual in-place variant
        if (b != nullptr) {
            ApplyVectorVectorInPlace<Op>(out, b, alpha, n);
        } else {
            ApplyVectorScalarInPlace<Op>(out, bValue, alpha, n);
        }
        return;
    }
    ApplyAliased<Op>(out, a, aValue, b, bValue, alpha, n);
}

size_t ElementSize(aclDataType dtype) {
    return aclDataTypeSize(dtype);
}

enum class OperandMode {
    kDirect,    // contiguous, stored as the arithmetic type: used in place
    kRowScalar, // stride 0 along the row: one value per row
    kGather,    // converted and/or strided: staged through a block
    kConstant,  // aclnnAdds' scalar
};

template <class A>
OperandMode ModeOf(const KernelOperand &operand, int rank) {
    const int64_t inner = operand.strides[rank - 1];
    if (inner == 0) {
        return OperandMode::kRowScalar;
    }
    const bool aligned = reinterpret_cast<uintptr_t>(operand.base) % alignof(A) == 0;
    return (inner == 1 && aligned && StoredAs<A>(operand.dtype)) ? OperandMode::kDirect : OperandMode::kGather;
}

template <class A, class Op>
class ElementwiseKernel final : public CheckedKernel {
public:
    explicit ElementwiseKernel(const ElementwiseKernelPlan &plan)
        : CheckedKernel(plan.name, plan.memory), plan_(plan), alpha_(plan.alpha.As<A>()),
          otherConstant_(plan.otherConstant.As<A>()), loadSelf_(SelectLoad<A>(plan.self.dtype)),
          loadOther_(plan.otherIsConstant ? nullptr : SelectLoad<A>(plan.other.dtype)),
          store_(SelectStore<A>(plan.computeType, plan.out.dtype)), selfMode_(ModeOf<A>(plan.self, plan.rank)),
          otherMode_(plan.otherIsConstant ? OperandMode::kConstant : ModeOf<A>(plan.other, plan.rank)),
          selfSize_(ElementSize(plan.self.dtype)), otherSize_(plan.otherIsConstant ? 0 : ElementSize(plan.other.dtype)),
          outSize_(ElementSize(plan.out.dtype)) {
        const int inner = plan.rank - 1;
        selfInner_ = plan.self.strides[inner];
        otherInner_ = plan.otherIsConstant ? 0 : plan.other.strides[inner];
        outInner_ = plan.out.strides[inner];
        outDirect_ = outInner_ == 1 && plan.out.dtype == plan.computeType && StoredAs<A>(plan.out.dtype) &&
                     reinterpret_cast<uintptr_t>(plan.out.base) % alignof(A) == 0;
    }

protected:
    void Execute() const noexcept override {
        const bool parallel = plan_.elementCount >= kParallelElementThreshold && !plan_.outOverlapsItself;
        ParallelFor(plan_.elementCount, parallel, kPartAlignment,
                    [this](int64_t begin, int64_t end) { RunRange(begin, end); });
    }

private:
    void RunRange(int64_t begin, int64_t end) const noexcept {
        const int rank = plan_.rank;
        const int inner = rank - 1;
        int64_t coord[kMaxKernelRank];
        int64_t rest = begin;
        for (int d = inner; d >= 0; --d) {
            coord[d] = rest % plan_.shape[d];
            rest /= plan_.shape[d];
        }
        for (int64_t remaining = end - begin; remaining > 0;) {
            int64_t selfOffset = 0;
            int64_t otherOffset = 0;
            int64_t outOffset = 0;
            for (int d = 0; d < rank; ++d) {
                selfOffset += coord[d] * plan_.self.strides[d];
                otherOffset += coord[d] * plan_.other.strides[d];
                outOffset += coord[d] * plan_.out.strides[d];
            }
            const int64_t n = std::min(plan_.shape[inner] - coord[inner], remaining);
            RunRow(plan_.self.base + selfOffset * static_cast<int64_t>(selfSize_),
                   plan_.otherIsConstant ? nullptr : plan_.other.base + otherOffset * static_cast<int64_t>(otherSize_),
                   plan_.out.base + outOffset * static_cast<int64_t>(outSize_), static_cast<size_t>(n));
            remaining -= n;
            coord[inner] = 0;
            for (int d = inner - 1; d >= 0; --d) {
                if (++coord[d] < plan_.shape[d]) {
                    break;
                }
                coord[d] = 0;
            }
        }
    }

    void RunRow(const unsigned char *selfRow, const unsigned char *otherRow, unsigned char *outRow,
                size_t n) const noexcept {
        A selfValue{};
        A otherValue = otherConstant_;
        if (selfMode_ == OperandMode::kRowScalar) {
            loadSelf_(selfRow, 0, 1, &selfValue);
        }
        if (otherMode_ == OperandMode::kRowScalar) {
            loadOther_(otherRow, 0, 1, &otherValue);
        }
        const bool staged = selfMode_ == OperandMode::kGather || otherMode_ == OperandMode::kGather || !outDirect_;
        if (!staged) { // the fast path: the whole row straight from and to the tensors
            Compute<Op>(reinterpret_cast<A *>(outRow), DirectOrNull(selfMode_, selfRow), selfValue,
                        DirectOrNull(otherMode_, otherRow), otherValue, alpha_, n);
            return;
        }
        A selfBlock[kBlockElements];
        A otherBlock[kBlockElements];
        A outBlock[kBlockElements];
        for (size_t done = 0; done < n;) {
            const size_t count = std::min(kBlockElements, n - done);
            const A *a = Operand(selfMode_, loadSelf_, selfRow, selfInner_, selfSize_, done, count, selfBlock);
            const A *b = Operand(otherMode_, loadOther_, otherRow, otherInner_, otherSize_, done, count, otherBlock);
            A *o = outDirect_ ? reinterpret_cast<A *>(outRow) + done : outBlock;
            Compute<Op>(o, a, selfValue, b, otherValue, alpha_, count);
            if (!outDirect_) {
                const int64_t outOffset = static_cast<int64_t>(done) * outInner_ * static_cast<int64_t>(outSize_);
                store_(outBlock, count, outRow + outOffset, outInner_);
            }
            done += count;
        }
    }

    static const A *DirectOrNull(OperandMode mode, const unsigned char *row) {
        return mode == OperandMode::kDirect ? reinterpret_cast<const A *>(row) : nullptr;
    }

    // Elements [done, done + count) of a row operand as arithmetic values; null for a scalar.
    static const A *Operand(OperandMode mode, LoadFn<A> load, const unsigned char *row, int64_t stride,
                            size_t elementSize, size_t done, size_t count, A *block) {
        switch (mode) {
        case OperandMode::kDirect: return reinterpret_cast<const A *>(row) + done;
        case OperandMode::kGather:
            load(row + static_cast<int64_t>(done) * stride * static_cast<int64_t>(elementSize), stride, count, block);
            return block;
        default: return nullptr;
        }
    }

    const ElementwiseKernelPlan plan_;
    const A alpha_;
    const A otherConstant_;
    const LoadFn<A> loadSelf_;
    const LoadFn<A> loadOther_;
    const StoreFn<A> store_;
    const OperandMode selfMode_;
    const OperandMode otherMode_;
    const size_t selfSize_;
    const size_t otherSize_;
    const size_t outSize_;
    int64_t selfInner_ = 0;
    int64_t otherInner_ = 0;
    int64_t outInner_ = 0;
    bool outDirect_ = false;
};

template <ElementOp E>
struct ForOp {
    template <class A>
    static std::shared_ptr<const DeviceKernel> Make(const ElementwiseKernelPlan &plan) {
        using Function = ElementFunction<E>;
        if constexpr (Function::template kSupports<A>) {
            return std::make_shared<const ElementwiseKernel<A, Function>>(plan);
        } else {
            return nullptr;
        }
    }
};

template <ElementOp E>
std::shared_ptr<const DeviceKernel> MakeFor(const ElementwiseKernelPlan &plan) {
    switch (plan.computeType) {
    case ACL_FLOAT:
    case ACL_FLOAT16:
    case ACL_BF16: return ForOp<E>::template Make<float>(plan);
    case ACL_DOUBLE: return ForOp<E>::template Make<double>(plan);
    case ACL_INT8: return ForOp<E>::template Make<int8_t>(plan);
    case ACL_INT16: return ForOp<E>::template Make<int16_t>(plan);
    case ACL_INT32: return ForOp<E>::template Make<int32_t>(plan);
    case ACL_INT64: return ForOp<E>::template Make<int64_t>(plan);
    case ACL_UINT8: return ForOp<E>::template Make<uint8_t>(plan);
    case ACL_BOOL: return ForOp<E>::template Make<bool>(plan);
    case ACL_COMPLEX64: return ForOp<E>::template Make<Complex64>(plan);
    case ACL_COMPLEX128: return ForOp<E>::template Make<Complex128>(plan);
    default: return nullptr;
    }
}

} // namespace

std::shared_ptr<const DeviceKernel> MakeElementwiseKernel(const ElementwiseKernelPlan &plan) {
    switch (plan.op) {
#define ACLSIM_ELEMENT_OP_CASE(name) \
    case ElementOp::name: return MakeFor<ElementOp::name>(plan);
        ACLSIM_ELEMENT_OPS(ACLSIM_ELEMENT_OP_CASE)
#undef ACLSIM_ELEMENT_OP_CASE
    }
    return nullptr;
}

} // namespace aclsim::nn
