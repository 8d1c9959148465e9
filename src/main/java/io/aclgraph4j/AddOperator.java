package io.aclgraph4j;

import io.aclgraph4j.internal.NativeApi;
import java.util.Objects;

/**
 * The aclnnAdd family as reusable operators: {@code out = self + alpha × other}, with a tensor or
 * a scalar {@code other}, into {@code out} or in place into {@code self} (rows ADD, ADDS,
 * INPLACE_ADD and INPLACE_ADDS of shim_operators.def). Prepared once (a repeatable aclnn
 * executor, with its workspace), launched any number of times, on any stream of its device,
 * captured or not. Operands must stay open while the operator is prepared; after that the
 * operator (and any model that captured it) keeps them alive.
 */
public final class AddOperator extends Operator {

    private AddOperator(Tensor self, long handle, String text) {
        super(self, handle, text);
    }

    /** {@code out = self + alpha × other} (aclnnAdd). */
    public static AddOperator add(Tensor self, Tensor other, Scalar alpha, Tensor out) {
        requireSameDevice("AddOperator.add", self, other, out);
        Objects.requireNonNull(alpha, "alpha");
        long handle = new Operands("AddOperator.add", self).tensor("self", self).tensor("other", other)
                .scalar("alpha", alpha).tensor("out", out).prepare(NativeApi.OP_ADD, true);
        return new AddOperator(self, handle, "AddOperator(add " + self + " + " + alpha.value() + " × " + other + ")");
    }

    /** {@code out = self + alpha × other} with a scalar {@code other} (aclnnAdds). */
    public static AddOperator adds(Tensor self, Scalar other, Scalar alpha, Tensor out) {
        requireSameDevice("AddOperator.adds", self, out, out);
        Objects.requireNonNull(other, "other");
        Objects.requireNonNull(alpha, "alpha");
        long handle = new Operands("AddOperator.adds", self).tensor("self", self).scalar("other", other)
                .scalar("alpha", alpha).tensor("out", out).prepare(NativeApi.OP_ADDS, true);
        return new AddOperator(self, handle, "AddOperator(adds " + self + " + " + alpha.value() + " × "
                + other.value() + ")");
    }

    /** {@code self += alpha × other} (aclnnInplaceAdd). */
    public static AddOperator inplaceAdd(Tensor self, Tensor other, Scalar alpha) {
        requireSameDevice("AddOperator.inplaceAdd", self, other, other);
        Objects.requireNonNull(alpha, "alpha");
        long handle = new Operands("AddOperator.inplaceAdd", self).tensor("self", self).tensor("other", other)
                .scalar("alpha", alpha).prepare(NativeApi.OP_INPLACE_ADD, true);
        return new AddOperator(self, handle, "AddOperator(inplaceAdd " + self + " += " + alpha.value() + " × "
                + other + ")");
    }

    /** {@code self += alpha × other} with a scalar {@code other} (aclnnInplaceAdds). */
    public static AddOperator inplaceAdds(Tensor self, Scalar other, Scalar alpha) {
        Objects.requireNonNull(self, "self");
        Objects.requireNonNull(other, "other");
        Objects.requireNonNull(alpha, "alpha");
        long handle = new Operands("AddOperator.inplaceAdds", self).tensor("self", self).scalar("other", other)
                .scalar("alpha", alpha).prepare(NativeApi.OP_INPLACE_ADDS, true);
        return new AddOperator(self, handle, "AddOperator(inplaceAdds " + self + " += " + alpha.value() + " × "
                + other.value() + ")");
    }

    /**
     * Runs {@code out = self + alpha × other} once on {@code stream} the way eager CANN code does:
     * a single-use executor prepared for this one launch. (Through the shim's Add-family form of
     * prepare: the eager path passes no arrays.)
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
}
