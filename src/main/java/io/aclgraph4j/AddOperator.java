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

    private AddOperator(Tensor self, long handle, String text, String signature, Object... operands) {
        super(self, handle, text, signature, operands);
    }

    /**
     * {@code out = self + alpha × other} (aclnnAdd).
     *
     * @param self the first operand, of the operator's device
     * @param other the tensor added, scaled by {@code alpha}; broadcast to {@code self}'s shape
     * @param alpha the factor of {@code other}
     * @param out the result, of the broadcast shape
     * @return the prepared operator, owned by {@code self}'s device
     */
    public static AddOperator add(Tensor self, Tensor other, Scalar alpha, Tensor out) {
        requireOperands("AddOperator.add", self, "other", other, "out", out);
        Objects.requireNonNull(alpha, "AddOperator.add: alpha is null");
        long handle = new Operands("AddOperator.add", self).tensor("self", self).tensor("other", other)
                .scalar("alpha", alpha).tensor("out", out).prepare(NativeApi.OP_ADD, true);
        return new AddOperator(self, handle, "AddOperator(add " + self + " + " + alpha.value() + " × " + other + ")",
                signature("add", self, other, alpha, out), self, other, alpha, out);
    }

    /**
     * {@code out = self + alpha × other} with a scalar {@code other} (aclnnAdds).
     *
     * @param self the first operand, of the operator's device
     * @param other the scalar added, scaled by {@code alpha}
     * @param alpha the factor of {@code other}
     * @param out the result, of {@code self}'s shape
     * @return the prepared operator, owned by {@code self}'s device
     */
    public static AddOperator adds(Tensor self, Scalar other, Scalar alpha, Tensor out) {
        requireOperands("AddOperator.adds", self, "out", out, "out", out);
        Objects.requireNonNull(other, "AddOperator.adds: other is null");
        Objects.requireNonNull(alpha, "AddOperator.adds: alpha is null");
        long handle = new Operands("AddOperator.adds", self).tensor("self", self).scalar("other", other)
                .scalar("alpha", alpha).tensor("out", out).prepare(NativeApi.OP_ADDS, true);
        return new AddOperator(self, handle, "AddOperator(adds " + self + " + " + alpha.value() + " × "
                + other.value() + ")", signature("adds", self, other, alpha, out), self, other, alpha, out);
    }

    /**
     * {@code self += alpha × other} (aclnnInplaceAdd).
     *
     * @param self the operand updated in place, of the operator's device
     * @param other the tensor added, scaled by {@code alpha}; broadcast to {@code self}'s shape
     * @param alpha the factor of {@code other}
     * @return the prepared operator, owned by {@code self}'s device
     */
    public static AddOperator inplaceAdd(Tensor self, Tensor other, Scalar alpha) {
        requireOperands("AddOperator.inplaceAdd", self, "other", other, "other", other);
        Objects.requireNonNull(alpha, "AddOperator.inplaceAdd: alpha is null");
        long handle = new Operands("AddOperator.inplaceAdd", self).tensor("self", self).tensor("other", other)
                .scalar("alpha", alpha).prepare(NativeApi.OP_INPLACE_ADD, true);
        return new AddOperator(self, handle, "AddOperator(inplaceAdd " + self + " += " + alpha.value() + " × "
                + other + ")", signature("inplaceAdd", self, other, alpha), self, other, alpha);
    }

    /**
     * {@code self += alpha × other} with a scalar {@code other} (aclnnInplaceAdds).
     *
     * @param self the operand updated in place, of the operator's device
     * @param other the scalar added, scaled by {@code alpha}
     * @param alpha the factor of {@code other}
     * @return the prepared operator, owned by {@code self}'s device
     */
    public static AddOperator inplaceAdds(Tensor self, Scalar other, Scalar alpha) {
        Objects.requireNonNull(self, "AddOperator.inplaceAdds: self is null");
        Objects.requireNonNull(other, "AddOperator.inplaceAdds: other is null");
        Objects.requireNonNull(alpha, "AddOperator.inplaceAdds: alpha is null");
        long handle = new Operands("AddOperator.inplaceAdds", self).tensor("self", self).scalar("other", other)
                .scalar("alpha", alpha).prepare(NativeApi.OP_INPLACE_ADDS, true);
        return new AddOperator(self, handle, "AddOperator(inplaceAdds " + self + " += " + alpha.value() + " × "
                + other.value() + ")", signature("inplaceAdds", self, other, alpha), self, other, alpha);
    }

    /**
     * Runs {@code out = self + alpha × other} once on {@code stream} the way eager CANN code does:
     * a single-use executor prepared for this one launch (through the shim's Add-family form of
     * prepare: the eager path passes no operand arrays).
     *
     * @param stream the stream to run on, of the operands' device
     * @param self the first operand
     * @param other the tensor added, scaled by {@code alpha}
     * @param alpha the factor of {@code other}
     * @param out the result
     */
    public static void addOnce(Stream stream, Tensor self, Tensor other, Scalar alpha, Tensor out) {
        Objects.requireNonNull(stream, "AddOperator.addOnce: stream is null");
        requireOperands("AddOperator.addOnce", self, "other", other, "out", out);
        Objects.requireNonNull(alpha, "AddOperator.addOnce: alpha is null");
        NativeApi api = self.api();
        KernelLaunches launches = stream.kernelLaunches();
        long executor = api.executorPrepare("AddOperator.addOnce", NativeApi.OP_ADD, self.handle(), other.handle(),
                alpha.handle(), out.handle(), 0);
        if (launches != null && launches.deferred()) {
            launches.add(new KernelLaunches.Launch(executor, signature("add", self, other, alpha, out), true, "add",
                    new Object[] {self, other, alpha, out}));
            return; // the update launches and releases it
        }
        try {
            api.executorLaunch("AddOperator.addOnce", executor, stream.handle());
            CapturedGraph graph = stream.capturedGraph();
            if (graph != null) {
                graph.kernel(stream, "add", signature("add", self, other, alpha, out), self, other, alpha, out);
            }
            if (launches != null) {
                launches.add(new KernelLaunches.Launch(0, signature("add", self, other, alpha, out), true, "add",
                        new Object[] {self, other, alpha, out}));
            }
        } finally {
            api.release("AddOperator.addOnce", executor);
        }
    }

    private static void requireOperands(String operation, Tensor self, String secondName, Tensor second,
                                        String thirdName, Tensor third) {
        // Messages are built only when needed: this runs on every eager add.
        if (self == null) {
            throw new NullPointerException(operation + ": self is null");
        }
        if (second == null) {
            throw new NullPointerException(operation + ": " + secondName + " is null");
        }
        if (third == null) {
            throw new NullPointerException(operation + ": " + thirdName + " is null");
        }
        int device = self.device().id();
        if (second.device().id() != device || third.device().id() != device) {
            throw InvalidArgumentException.refused(operation, "all tensors must be on one device: self is on device "
                    + device + ", " + secondName + " on " + second.device().id() + (third == second ? ""
                    : " and " + thirdName + " on " + third.device().id()) + ": create them on one device");
        }
    }
}
