package io.aclgraph4j;

import io.aclgraph4j.internal.NativeApi;
import java.util.Objects;

/**
 * The aclnnAdd family as a reusable operator: {@code out = self + alpha × other}, with a tensor or
 * a scalar {@code other}, into {@code out} or in place into {@code self}. Prepared once (a
 * repeatable aclnn executor, with its workspace), launched any number of times, on any stream of
 * its device, captured or not. Operands must stay open while the operator is prepared; after
 * that the operator (and any model that captured it) keeps them alive.
 */
public final class AddOperator extends NativeObject {
    private final String text;

    private AddOperator(Tensor self, long handle, String text) {
        super(self.runtime, self.device().owned(), handle, text);
        this.text = text;
    }

    /** {@code out = self + alpha × other} (aclnnAdd). */
    public static AddOperator add(Tensor self, Tensor other, Scalar alpha, Tensor out) {
        requireSameDevice("AddOperator.add", self, other, out);
        Objects.requireNonNull(alpha, "alpha");
        long handle = self.api().executorPrepare(NativeApi.OP_ADD, self.handle(), other.handle(), alpha.handle(),
                out.handle(), NativeApi.EXECUTOR_REPEATABLE);
        return new AddOperator(self, handle, "AddOperator(add " + self + " + " + alpha.value() + " × " + other + ")");
    }

    /** {@code out = self + alpha × other} with a scalar {@code other} (aclnnAdds). */
    public static AddOperator adds(Tensor self, Scalar other, Scalar alpha, Tensor out) {
        requireSameDevice("AddOperator.adds", self, out, out);
        Objects.requireNonNull(other, "other");
        Objects.requireNonNull(alpha, "alpha");
        long handle = self.api().executorPrepare(NativeApi.OP_ADDS, self.handle(), other.handle(), alpha.handle(),
                out.handle(), NativeApi.EXECUTOR_REPEATABLE);
        return new AddOperator(self, handle, "AddOperator(adds " + self + " + " + alpha.value() + " × "
                + other.value() + ")");
    }

    /** {@code self += alpha × other} (aclnnInplaceAdd). */
    public static AddOperator inplaceAdd(Tensor self, Tensor other, Scalar alpha) {
        requireSameDevice("AddOperator.inplaceAdd", self, other, other);
        Objects.requireNonNull(alpha, "alpha");
        long handle = self.api().executorPrepare(NativeApi.OP_INPLACE_ADD, self.handle(), other.handle(),
                alpha.handle(), 0, NativeApi.EXECUTOR_REPEATABLE);
        return new AddOperator(self, handle, "AddOperator(inplaceAdd " + self + " += " + alpha.value() + " × "
                + other + ")");
    }

    /** {@code self += alpha × other} with a scalar {@code other} (aclnnInplaceAdds). */
    public static AddOperator inplaceAdds(Tensor self, Scalar other, Scalar alpha) {
        Objects.requireNonNull(self, "self");
        Objects.requireNonNull(other, "other");
        Objects.requireNonNull(alpha, "alpha");
        long handle = self.api().executorPrepare(NativeApi.OP_INPLACE_ADDS, self.handle(), other.handle(),
                alpha.handle(), 0, NativeApi.EXECUTOR_REPEATABLE);
        return new AddOperator(self, handle, "AddOperator(inplaceAdds " + self + " += " + alpha.value() + " × "
                + other.value() + ")");
    }

    /**
     * Runs {@code out = self + alpha × other} once on {@code stream} the way eager CANN code does:
     * a single-use executor prepared for this one launch.
     */
    public static void addOnce(Stream stream, Tensor self, Tensor other, Scalar alpha, Tensor out) {
        Objects.requireNonNull(stream, "stream");
        requireSameDevice("AddOperator.addOnce", self, other, out);
        Objects.requireNonNull(alpha, "alpha");
        NativeApi api = self.api();
        long executor = api.executorPrepare(NativeApi.OP_ADD, self.handle(), other.handle(), alpha.handle(),
                out.handle(), 0);
        try {
            api.executorLaunch(executor, stream.handle());
        } finally {
            api.release(executor);
        }
    }

    /** Launches the operator on {@code stream} (recorded if the stream is capturing). */
    public void launch(Stream stream) {
        Objects.requireNonNull(stream, "stream");
        api().executorLaunch(handle(), stream.handle());
    }

    /** Bytes of device workspace the operator needs (allocated and kept by the operator). */
    public long workspaceSize() {
        return api().executorWorkspaceSize(handle());
    }

    private static void requireSameDevice(String operation, Tensor self, Tensor second, Tensor third) {
        // Messages are built only when needed: this runs on every eager add.
        if (self == null) {
            throw new NullPointerException(operation + ": self is null");
        }
        if (second == null || third == null) {
            throw new NullPointerException(operation + ": operand is null");
        }
        int device = self.device().id();
        if (second.device().id() != device || third.device().id() != device) {
            throw new InvalidArgumentException(-2, operation, "all tensors must be on one device: self is on device "
                    + device + ", others on " + second.device().id() + " and " + third.device().id());
        }
    }

    @Override
    public String toString() {
        return text + (isClosed() ? " (closed)" : "");
    }
}
