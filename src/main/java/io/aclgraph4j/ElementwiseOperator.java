package io.aclgraph4j;

import io.aclgraph4j.internal.NativeApi;
import java.util.Objects;

/**
 * The elementwise aclnn operators beyond Add as reusable operators: arithmetic with broadcasting
 * and type promotion ({@code sub}, {@code mul}, {@code div}, {@code maximum} and their scalar and
 * in-place forms), activations ({@code neg}, {@code exp}, {@code relu}, {@code gelu}, {@code silu},
 * {@code sigmoid}, {@code tanh} and the in-place forms of relu, sigmoid and tanh) and conversions
 * ({@code cast}, {@code inplaceCopy}). Each factory prepares one repeatable aclnn executor (a row
 * of shim_operators.def) that is launched any number of times, eagerly or inside a capture, and
 * may replace a captured launch in a task group update. Dtypes, promotion and
 * refusals are CANN's (see docs/simulator.md, "The other operators"); a refused combination
 * throws {@link InvalidArgumentException} naming the argument.
 */
public final class ElementwiseOperator extends Operator {

    private ElementwiseOperator(Tensor anchor, long handle, String text, String signature, Object... operands) {
        super(anchor, handle, text, signature, operands);
    }

    /**
     * {@code out = self − alpha × other} with broadcasting and type promotion (aclnnSub).
     *
     * @param self the minuend, of the operator's device
     * @param other the tensor subtracted, scaled by {@code alpha}; broadcast with {@code self}
     * @param alpha the factor of {@code other}
     * @param out the result, of the broadcast shape
     * @return the prepared operator, owned by {@code self}'s device
     */
    public static ElementwiseOperator sub(Tensor self, Tensor other, Scalar alpha, Tensor out) {
        Operands operands = operands("sub", self).tensor("other", other).scalar("alpha", alpha).tensor("out", out);
        return prepare("sub", NativeApi.OP_SUB, operands, self, other, alpha, out);
    }

    /**
     * {@code out = self − alpha × other} with a scalar {@code other} (aclnnSubs).
     *
     * @param self the minuend, of the operator's device
     * @param other the scalar subtracted, scaled by {@code alpha}
     * @param alpha the factor of {@code other}
     * @param out the result, of {@code self}'s shape
     * @return the prepared operator, owned by {@code self}'s device
     */
    public static ElementwiseOperator subs(Tensor self, Scalar other, Scalar alpha, Tensor out) {
        Operands operands = operands("subs", self).scalar("other", other).scalar("alpha", alpha).tensor("out", out);
        return prepare("subs", NativeApi.OP_SUBS, operands, self, other, alpha, out);
    }

    /**
     * {@code self −= alpha × other}, {@code other} broadcast to self's shape (aclnnInplaceSub).
     *
     * @param self the operand updated in place, of the operator's device
     * @param other the tensor subtracted, scaled by {@code alpha}
     * @param alpha the factor of {@code other}
     * @return the prepared operator, owned by {@code self}'s device
     */
    public static ElementwiseOperator inplaceSub(Tensor self, Tensor other, Scalar alpha) {
        Operands operands = operands("inplaceSub", self).tensor("other", other).scalar("alpha", alpha);
        return prepare("inplaceSub", NativeApi.OP_INPLACE_SUB, operands, self, other, alpha);
    }

    /**
     * {@code out = self × other} with broadcasting and type promotion (aclnnMul).
     *
     * @param self the first factor, of the operator's device
     * @param other the second factor; broadcast with {@code self}
     * @param out the result, of the broadcast shape
     * @return the prepared operator, owned by {@code self}'s device
     */
    public static ElementwiseOperator mul(Tensor self, Tensor other, Tensor out) {
        return prepare("mul", NativeApi.OP_MUL, operands("mul", self).tensor("other", other).tensor("out", out),
                self, other, out);
    }

    /**
     * {@code out = self × other} with a scalar {@code other} (aclnnMuls).
     *
     * @param self the tensor factor, of the operator's device
     * @param other the scalar factor
     * @param out the result, of {@code self}'s shape
     * @return the prepared operator, owned by {@code self}'s device
     */
    public static ElementwiseOperator muls(Tensor self, Scalar other, Tensor out) {
        return prepare("muls", NativeApi.OP_MULS, operands("muls", self).scalar("other", other).tensor("out", out),
                self, other, out);
    }

    /**
     * {@code self ×= other}, {@code other} broadcast to self's shape (aclnnInplaceMul).
     *
     * @param self the operand updated in place, of the operator's device
     * @param other the factor
     * @return the prepared operator, owned by {@code self}'s device
     */
    public static ElementwiseOperator inplaceMul(Tensor self, Tensor other) {
        return prepare("inplaceMul", NativeApi.OP_INPLACE_MUL, operands("inplaceMul", self).tensor("other", other),
                self, other);
    }

    /**
     * {@code self ×= other} with a scalar {@code other} (aclnnInplaceMuls).
     *
     * @param self the operand updated in place, of the operator's device
     * @param other the scalar factor
     * @return the prepared operator, owned by {@code self}'s device
     */
    public static ElementwiseOperator inplaceMuls(Tensor self, Scalar other) {
        return prepare("inplaceMuls", NativeApi.OP_INPLACE_MULS, operands("inplaceMuls", self).scalar("other", other),
                self, other);
    }

    /**
     * {@code out = self ÷ other}, true division: integer operands compute in FLOAT (aclnnDiv).
     *
     * @param self the dividend, of the operator's device
     * @param other the divisor; broadcast with {@code self}
     * @param out the result, of the broadcast shape and a floating data type
     * @return the prepared operator, owned by {@code self}'s device
     */
    public static ElementwiseOperator div(Tensor self, Tensor other, Tensor out) {
        return prepare("div", NativeApi.OP_DIV, operands("div", self).tensor("other", other).tensor("out", out),
                self, other, out);
    }

    /**
     * {@code out = self ÷ other} with a scalar {@code other} (aclnnDivs).
     *
     * @param self the dividend, of the operator's device
     * @param other the scalar divisor
     * @param out the result, of {@code self}'s shape and a floating data type
     * @return the prepared operator, owned by {@code self}'s device
     */
    public static ElementwiseOperator divs(Tensor self, Scalar other, Tensor out) {
        return prepare("divs", NativeApi.OP_DIVS, operands("divs", self).scalar("other", other).tensor("out", out),
                self, other, out);
    }

    /**
     * {@code out = max(self, other)} element by element, NaN from either side winning (aclnnMaximum).
     *
     * @param self the first operand, of the operator's device
     * @param other the second operand; broadcast with {@code self}
     * @param out the result, of the broadcast shape
     * @return the prepared operator, owned by {@code self}'s device
     */
    public static ElementwiseOperator maximum(Tensor self, Tensor other, Tensor out) {
        return prepare("maximum", NativeApi.OP_MAXIMUM,
                operands("maximum", self).tensor("other", other).tensor("out", out), self, other, out);
    }

    /**
     * {@code out = −self} (aclnnNeg).
     *
     * @param self the operand, of the operator's device
     * @param out the result, of {@code self}'s shape
     * @return the prepared operator, owned by {@code self}'s device
     */
    public static ElementwiseOperator neg(Tensor self, Tensor out) {
        return unary("neg", NativeApi.OP_NEG, self, out);
    }

    /**
     * {@code out = e^self}; integer and BOOL input computes in FLOAT (aclnnExp).
     *
     * @param self the exponent, of the operator's device
     * @param out the result, of {@code self}'s shape
     * @return the prepared operator, owned by {@code self}'s device
     */
    public static ElementwiseOperator exp(Tensor self, Tensor out) {
        return unary("exp", NativeApi.OP_EXP, self, out);
    }

    /**
     * {@code out = max(self, 0)}; out has self's data type (aclnnRelu).
     *
     * @param self the operand, of the operator's device
     * @param out the result, of {@code self}'s shape and data type
     * @return the prepared operator, owned by {@code self}'s device
     */
    public static ElementwiseOperator relu(Tensor self, Tensor out) {
        return unary("relu", NativeApi.OP_RELU, self, out);
    }

    /**
     * {@code self = max(self, 0)} (aclnnInplaceRelu).
     *
     * @param self the operand updated in place, of the operator's device
     * @return the prepared operator, owned by {@code self}'s device
     */
    public static ElementwiseOperator inplaceRelu(Tensor self) {
        return inplaceUnary("inplaceRelu", NativeApi.OP_INPLACE_RELU, self);
    }

    /**
     * {@code out = 0.5 × self × (1 + tanh(√(2/π) × (self + 0.044715 × self³)))}, CANN's tanh form of
     * GELU; FLOAT, FLOAT16 or BF16, out of self's data type (aclnnGelu).
     *
     * @param self the operand: FLOAT, FLOAT16 or BF16, of the operator's device
     * @param out the result, of {@code self}'s shape and data type
     * @return the prepared operator, owned by {@code self}'s device
     */
    public static ElementwiseOperator gelu(Tensor self, Tensor out) {
        return unary("gelu", NativeApi.OP_GELU, self, out);
    }

    /**
     * {@code out = self × sigmoid(self)}; FLOAT, FLOAT16 or BF16 (aclnnSilu).
     *
     * @param self the operand, of the operator's device
     * @param out the result, of {@code self}'s shape and data type
     * @return the prepared operator, owned by {@code self}'s device
     */
    public static ElementwiseOperator silu(Tensor self, Tensor out) {
        return unary("silu", NativeApi.OP_SILU, self, out);
    }

    /**
     * {@code out = 1 / (1 + e^−self)} (aclnnSigmoid). self: FLOAT, FLOAT16, BF16, DOUBLE, COMPLEX64,
     * COMPLEX128, INT8, INT16, INT32, INT64, UINT8 or BOOL; out: FLOAT, FLOAT16, BF16, DOUBLE,
     * COMPLEX64 or COMPLEX128. Integer and BOOL input computes in out's data type.
     *
     * @param self the operand, of the operator's device
     * @param out the result, of {@code self}'s shape
     * @return the prepared operator, owned by {@code self}'s device
     */
    public static ElementwiseOperator sigmoid(Tensor self, Tensor out) {
        return unary("sigmoid", NativeApi.OP_SIGMOID, self, out);
    }

    /**
     * {@code self = 1 / (1 + e^−self)}; FLOAT, FLOAT16, BF16, DOUBLE, COMPLEX64 or COMPLEX128
     * (aclnnInplaceSigmoid).
     *
     * @param self the operand updated in place, of the operator's device
     * @return the prepared operator, owned by {@code self}'s device
     */
    public static ElementwiseOperator inplaceSigmoid(Tensor self) {
        return inplaceUnary("inplaceSigmoid", NativeApi.OP_INPLACE_SIGMOID, self);
    }

    /**
     * {@code out = tanh(self)} (aclnnTanh). self: FLOAT, FLOAT16, BF16, INT8, INT16, INT32, INT64,
     * UINT8 or BOOL (integer and BOOL input computes in FLOAT); out: FLOAT, FLOAT16 or BF16 (the
     * floating result does not cast to an integer or BOOL out).
     *
     * @param self the operand, of the operator's device
     * @param out the result, of {@code self}'s shape
     * @return the prepared operator, owned by {@code self}'s device
     */
    public static ElementwiseOperator tanh(Tensor self, Tensor out) {
        return unary("tanh", NativeApi.OP_TANH, self, out);
    }

    /**
     * {@code self = tanh(self)}; FLOAT, FLOAT16 or BF16 (aclnnInplaceTanh).
     *
     * @param self the operand updated in place, of the operator's device
     * @return the prepared operator, owned by {@code self}'s device
     */
    public static ElementwiseOperator inplaceTanh(Tensor self) {
        return inplaceUnary("inplaceTanh", NativeApi.OP_INPLACE_TANH, self);
    }

    /**
     * {@code out = self} converted to {@code dataType}, which must be out's data type (aclnnCast).
     *
     * @param self the values converted, of the operator's device
     * @param dataType the target data type
     * @param out the result, of {@code self}'s shape and data type {@code dataType}
     * @return the prepared operator, owned by {@code self}'s device
     */
    public static ElementwiseOperator cast(Tensor self, DataType dataType, Tensor out) {
        Operands operands = operands("cast", self).dataType("dataType", dataType).tensor("out", out);
        return prepare("cast", NativeApi.OP_CAST, operands, self, dataType, out);
    }

    /**
     * {@code self = src}, broadcast to self's shape and converted to its data type (aclnnInplaceCopy).
     *
     * @param self the tensor written, of the operator's device
     * @param src the values copied; broadcast to {@code self}'s shape
     * @return the prepared operator, owned by {@code self}'s device
     */
    public static ElementwiseOperator inplaceCopy(Tensor self, Tensor src) {
        return prepare("inplaceCopy", NativeApi.OP_INPLACE_COPY, operands("inplaceCopy", self).tensor("src", src),
                self, src);
    }

    private static ElementwiseOperator unary(String name, int op, Tensor self, Tensor out) {
        return prepare(name, op, operands(name, self).tensor("out", out), self, out);
    }

    private static ElementwiseOperator inplaceUnary(String name, int op, Tensor self) {
        return prepare(name, op, operands(name, self), self);
    }

    /** The operands, self first (its device runs the operator). */
    private static Operands operands(String name, Tensor self) {
        String operation = "ElementwiseOperator." + name;
        return new Operands(operation, self).tensor("self", self);
    }

    /** {@code signatureOperands}: the operands after self, in the operator's order. */
    private static ElementwiseOperator prepare(String name, int op, Operands operands, Tensor self,
                                               Object... signatureOperands) {
        Objects.requireNonNull(operands);
        long handle = operands.prepare(op, true);
        Object[] all = new Object[signatureOperands.length + 1]; // self first, as the operator takes them
        all[0] = self;
        System.arraycopy(signatureOperands, 0, all, 1, signatureOperands.length);
        return new ElementwiseOperator(self, handle, "ElementwiseOperator(" + name + " " + self + ")",
                signature(name, all), all);
    }
}
