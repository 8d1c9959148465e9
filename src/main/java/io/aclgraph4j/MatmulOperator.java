package io.aclgraph4j;

import io.aclgraph4j.internal.NativeApi;
import java.util.Objects;

/**
 * Matrix products as reusable operators: {@link #matmul} (torch.matmul's rules for 1 to 6 dims:
 * 1-d operands padded and dropped, batch dims broadcast), {@link #mm} (2-d) and
 * {@link #batchMatMul} (3-d, equal batch sizes). FLOAT, FLOAT16 or BF16 operands (BF16 only with
 * BF16), any strides, out of the product's shape. Each factory prepares one repeatable executor,
 * launched eagerly or inside a capture, usable in task group updates.
 */
public final class MatmulOperator extends Operator {

    private MatmulOperator(Tensor anchor, long handle, String text, String signature, Object... operands) {
        super(anchor, handle, text, signature, operands);
    }

    /**
     * {@code out = self @ mat2} with torch.matmul's shape rules (aclnnMatmul): 1-d operands are
     * padded to matrices and the padded dims dropped from the result, batch dims broadcast.
     *
     * @param self the left operand, 1 to 6 dims, of the operator's device
     * @param mat2 the right operand, 1 to 6 dims
     * @param out the product, of the shape torch.matmul gives
     * @param cubeMathType how the device may trade precision for speed (CANN's {@code cubeMathType})
     * @return the prepared operator, owned by {@code self}'s device
     */
    public static MatmulOperator matmul(Tensor self, Tensor mat2, Tensor out, CubeMathType cubeMathType) {
        return prepare("matmul", NativeApi.OP_MATMUL, self, mat2, out, cubeMathType);
    }

    /**
     * {@code out = self @ mat2} for 2-d {@code self} and {@code mat2} (aclnnMm).
     *
     * @param self the left matrix (m × k), of the operator's device
     * @param mat2 the right matrix (k × n)
     * @param out the product (m × n)
     * @param cubeMathType how the device may trade precision for speed (CANN's {@code cubeMathType})
     * @return the prepared operator, owned by {@code self}'s device
     */
    public static MatmulOperator mm(Tensor self, Tensor mat2, Tensor out, CubeMathType cubeMathType) {
        return prepare("mm", NativeApi.OP_MM, self, mat2, out, cubeMathType);
    }

    /**
     * {@code out[b] = self[b] @ mat2[b]} for 3-d operands of equal batch size (aclnnBatchMatMul).
     *
     * @param self the left matrices (batch × m × k), of the operator's device
     * @param mat2 the right matrices (batch × k × n)
     * @param out the products (batch × m × n)
     * @param cubeMathType how the device may trade precision for speed (CANN's {@code cubeMathType})
     * @return the prepared operator, owned by {@code self}'s device
     */
    public static MatmulOperator batchMatMul(Tensor self, Tensor mat2, Tensor out, CubeMathType cubeMathType) {
        return prepare("batchMatMul", NativeApi.OP_BATCH_MATMUL, self, mat2, out, cubeMathType);
    }

    private static MatmulOperator prepare(String name, int op, Tensor self, Tensor mat2, Tensor out,
                                          CubeMathType cubeMathType) {
        String operation = "MatmulOperator." + name;
        Objects.requireNonNull(cubeMathType, operation + ": cubeMathType is null");
        long handle = new Operands(operation, self).tensor("self", self).tensor("mat2", mat2).tensor("out", out)
                .integer(cubeMathType.code()).prepare(op, true);
        return new MatmulOperator(self, handle, "MatmulOperator(" + name + " " + self + " @ " + mat2 + ")",
                signature(name, self, mat2, out, cubeMathType), self, mat2, out);
    }
}
