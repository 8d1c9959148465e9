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

    /** {@code out = self @ mat2} with torch.matmul's shape rules (aclnnMatmul). */
    public static MatmulOperator matmul(Tensor self, Tensor mat2, Tensor out, CubeMathType cubeMathType) {
        return prepare("matmul", NativeApi.OP_MATMUL, self, mat2, out, cubeMathType);
    }

    /** {@code out = self @ mat2} for 2-d {@code self} and {@code mat2} (aclnnMm). */
    public static MatmulOperator mm(Tensor self, Tensor mat2, Tensor out, CubeMathType cubeMathType) {
        return prepare("mm", NativeApi.OP_MM, self, mat2, out, cubeMathType);
    }

    /** {@code out[b] = self[b] @ mat2[b]} for 3-d operands (aclnnBatchMatMul). */
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
