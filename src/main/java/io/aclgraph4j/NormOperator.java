package io.aclgraph4j;

import io.aclgraph4j.internal.NativeApi;

/**
 * Normalisations as reusable operators: {@link #softmax} along one dim and {@link #layerNorm}
 * over the trailing dims. Each factory prepares one repeatable executor, launched eagerly or
 * inside a capture, usable in task group updates.
 */
public final class NormOperator extends Operator {

    private NormOperator(Tensor anchor, long handle, String text, String signature, Object... operands) {
        super(anchor, handle, text, signature, operands);
    }

    /**
     * {@code out = e^self ÷ Σ e^self} along {@code dim} (negative counts from the end); FLOAT,
     * FLOAT16, BF16 or DOUBLE (aclnnSoftmax).
     *
     * @param self the input, of the operator's device
     * @param dim the dim normalised over; negative counts from the end
     * @param out the result, of {@code self}'s shape
     * @return the prepared operator, owned by {@code self}'s device
     */
    public static NormOperator softmax(Tensor self, long dim, Tensor out) {
        long handle = new Operands("NormOperator.softmax", self).tensor("self", self).integer(dim)
                .tensor("out", out).prepare(NativeApi.OP_SOFTMAX, true);
        return new NormOperator(self, handle, "NormOperator(softmax " + self + " dim " + dim + ")",
                signature("softmax", self, dim, out), self, out);
    }

    /**
     * {@code out = (input − mean) × rstd × weight + bias} over the trailing {@code normalizedShape}
     * dims of {@code input}, {@code rstd = 1 / √(biased variance + eps)} (aclnnLayerNorm).
     * {@code weight}, {@code bias}, {@code mean} and {@code rstd} may be null; given, weight and bias
     * have {@code normalizedShape}, mean and rstd input's leading dims followed by 1s.
     *
     * @param input the input, of the operator's device
     * @param normalizedShape the trailing dims of {@code input} normalised over
     * @param weight the scale, of shape {@code normalizedShape}; null for 1
     * @param bias the shift, of shape {@code normalizedShape}; null for 0
     * @param eps added to the variance before the square root
     * @param out the result, of {@code input}'s shape
     * @param mean where each row's mean is written; null if not wanted
     * @param rstd where each row's {@code rstd} is written; null if not wanted
     * @return the prepared operator, owned by {@code input}'s device
     */
    public static NormOperator layerNorm(Tensor input, long[] normalizedShape, Tensor weight, Tensor bias, double eps,
                                         Tensor out, Tensor mean, Tensor rstd) {
        long handle = new Operands("NormOperator.layerNorm", input).tensor("input", input)
                .intArray("normalizedShape", normalizedShape).optionalTensor(weight).optionalTensor(bias).real(eps)
                .tensor("out", out).optionalTensor(mean).optionalTensor(rstd).prepare(NativeApi.OP_LAYER_NORM, true);
        return new NormOperator(input, handle, "NormOperator(layerNorm " + input + ")",
                signature("layerNorm", input, java.util.Arrays.toString(normalizedShape), weight, bias, out, mean,
                        rstd),
                input, weight, bias, out, mean, rstd);
    }
}
