package io.aclgraph4j;

import static io.aclgraph4j.TestSupport.assertFloats;
import static io.aclgraph4j.TestSupport.floats;
import static io.aclgraph4j.TestSupport.read;
import static io.aclgraph4j.TestSupport.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The operator families beyond Add on the simulator: each factory against a plain-Java reference,
 * launched eagerly and inside a capture, a task group update with new operands, and refusals in
 * the words of the factory called.
 */
class OperatorFamiliesTest extends SimulatorTest {
    private float[] run(Operator operator, Tensor out) {
        operator.launch(stream);
        stream.synchronize();
        return read(device, out);
    }

    @Test
    void elementwiseFactoriesComputeWhatTheirAclFunctionsDo() {
        float[] a = {1.5f, -2f, 3f, -4f, 0.5f, 6f};
        float[] b = {2f, 4f, -1f};
        Tensor x = floats(device, a, 2, 3);
        Tensor y = floats(device, b, 3);
        Tensor out = device.tensor(DataType.FLOAT, 2, 3);
        Scalar half = runtime.scalar(DataType.FLOAT, 0.5);
        float[] expected = new float[6];

        for (int i = 0; i < 6; i++) {
            expected[i] = a[i] - 0.5f * b[i % 3];
        }
        assertFloats(expected, run(ElementwiseOperator.sub(x, y, half, out), out), "sub");
        for (int i = 0; i < 6; i++) {
            expected[i] = a[i] * b[i % 3];
        }
        assertFloats(expected, run(ElementwiseOperator.mul(x, y, out), out), "mul");
        for (int i = 0; i < 6; i++) {
            expected[i] = a[i] / b[i % 3];
        }
        assertFloats(expected, run(ElementwiseOperator.div(x, y, out), out), "div");
        for (int i = 0; i < 6; i++) {
            expected[i] = Math.max(a[i], b[i % 3]);
        }
        assertFloats(expected, run(ElementwiseOperator.maximum(x, y, out), out), "maximum");
        for (int i = 0; i < 6; i++) {
            expected[i] = a[i] * 0.5f;
        }
        assertFloats(expected, run(ElementwiseOperator.muls(x, half, out), out), "muls");
        for (int i = 0; i < 6; i++) {
            expected[i] = a[i] / 0.5f;
        }
        assertFloats(expected, run(ElementwiseOperator.divs(x, half, out), out), "divs");
        for (int i = 0; i < 6; i++) {
            expected[i] = a[i] - 0.5f * 0.5f;
        }
        assertFloats(expected, run(ElementwiseOperator.subs(x, half, half, out), out), "subs");
        for (int i = 0; i < 6; i++) {
            expected[i] = -a[i];
        }
        assertFloats(expected, run(ElementwiseOperator.neg(x, out), out), "neg");
        for (int i = 0; i < 6; i++) {
            expected[i] = Math.max(a[i], 0f);
        }
        assertFloats(expected, run(ElementwiseOperator.relu(x, out), out), "relu");
        for (int i = 0; i < 6; i++) {
            double v = a[i];
            expected[i] = (float) Math.exp(v);
        }
        assertClose(expected, run(ElementwiseOperator.exp(x, out), out), 1e-6, "exp");
        for (int i = 0; i < 6; i++) {
            double v = a[i];
            expected[i] = (float) (0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v * v * v))));
        }
        assertClose(expected, run(ElementwiseOperator.gelu(x, out), out), 1e-5, "gelu (tanh form)");
        for (int i = 0; i < 6; i++) {
            double v = a[i];
            expected[i] = (float) (v / (1 + Math.exp(-v)));
        }
        assertClose(expected, run(ElementwiseOperator.silu(x, out), out), 1e-5, "silu");
        for (int i = 0; i < 6; i++) {
            double v = a[i];
            expected[i] = (float) (1 / (1 + Math.exp(-v)));
        }
        assertClose(expected, run(ElementwiseOperator.sigmoid(x, out), out), 1e-6, "sigmoid");
        for (int i = 0; i < 6; i++) {
            expected[i] = (float) Math.tanh(a[i]);
        }
        assertClose(expected, run(ElementwiseOperator.tanh(x, out), out), 1e-6, "tanh");
        Tensor bytes = device.tensor(DataType.INT8, 2, 3);
        ElementwiseOperator.cast(x, DataType.INT8, bytes).launch(stream); // 1, -2, 3, -4, 0, 6
        Tensor doubles = device.tensor(DataType.DOUBLE, 2, 3);
        Tensor back64 = device.tensor(DataType.FLOAT, 2, 3);
        ElementwiseOperator.sigmoid(bytes, doubles).launch(stream); // INT8 computes in out's DOUBLE
        float[] truncated = {1, -2, 3, -4, 0, 6};
        for (int i = 0; i < 6; i++) {
            expected[i] = (float) (1 / (1 + Math.exp(-truncated[i])));
        }
        assertClose(expected, run(ElementwiseOperator.cast(doubles, DataType.FLOAT, back64), back64), 1e-7,
                "sigmoid INT8 -> DOUBLE");
        for (int i = 0; i < 6; i++) {
            expected[i] = (float) Math.tanh(truncated[i]);
        }
        assertClose(expected, run(ElementwiseOperator.tanh(bytes, out), out), 1e-6, "tanh INT8 -> FLOAT");

        Tensor halves = device.tensor(DataType.FLOAT16, 2, 3);
        Tensor back = device.tensor(DataType.FLOAT, 2, 3);
        ElementwiseOperator.cast(x, DataType.FLOAT16, halves).launch(stream);
        assertFloats(a, run(ElementwiseOperator.cast(halves, DataType.FLOAT, back), back), "cast there and back");

        Tensor copy = floats(device, new float[6], 2, 3);
        assertFloats(new float[] {2, 4, -1, 2, 4, -1}, run(ElementwiseOperator.inplaceCopy(copy, y), copy),
                "inplaceCopy broadcasts");
        assertFloats(new float[] {4, 16, 1, 4, 16, 1}, run(ElementwiseOperator.inplaceMul(copy, y), copy),
                "inplaceMul");
        assertFloats(new float[] {2, 8, 0.5f, 2, 8, 0.5f}, run(ElementwiseOperator.inplaceMuls(copy, half), copy),
                "inplaceMuls");
        assertFloats(new float[] {1, 6, 1, 1, 6, 1}, run(ElementwiseOperator.inplaceSub(copy, y, half), copy),
                "inplaceSub");
        Tensor signs = floats(device, new float[] {-1, 2, -3}, 3);
        assertFloats(new float[] {0, 2, 0}, run(ElementwiseOperator.inplaceRelu(signs), signs), "inplaceRelu");
        Tensor logits = floats(device, new float[] {-2, 0, 2}, 3);
        assertClose(new float[] {(float) (1 / (1 + Math.exp(2))), 0.5f, (float) (1 / (1 + Math.exp(-2)))},
                run(ElementwiseOperator.inplaceSigmoid(logits), logits), 1e-6, "inplaceSigmoid");
        Tensor angles = floats(device, new float[] {-0.25f, 0, 20}, 3);
        assertClose(new float[] {(float) Math.tanh(-0.25), 0, 1}, run(ElementwiseOperator.inplaceTanh(angles), angles),
                1e-6, "inplaceTanh");
    }

    @Test
    void matmulFactoriesMultiplyWithTorchShapeRules() {
        float[] a = {1, 2, 3, 4, 5, 6};        // 2 x 3
        float[] b = {1, 0, 2, -1, 0.5f, 3};   // 3 x 2
        Tensor x = floats(device, a, 2, 3);
        Tensor w = floats(device, b, 3, 2);
        Tensor out = device.tensor(DataType.FLOAT, 2, 2);
        float[] expected = {1 + 4 + 1.5f, 0 - 2 + 9, 4 + 10 + 3, 0 - 5 + 18};
        assertFloats(expected, run(MatmulOperator.mm(x, w, out, CubeMathType.KEEP_DTYPE), out), "mm");
        assertFloats(expected, run(MatmulOperator.matmul(x, w, out, CubeMathType.ALLOW_FP32_DOWN_PRECISION), out),
                "matmul");
        Tensor vector = floats(device, new float[] {1, 1, 1}, 3);
        Tensor rowSums = device.tensor(DataType.FLOAT, 2);
        assertFloats(new float[] {6, 15}, run(MatmulOperator.matmul(x, vector, rowSums, CubeMathType.KEEP_DTYPE),
                rowSums), "matrix @ vector drops the padded dim");
        Tensor x3 = floats(device, new float[] {1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6}, 2, 2, 3);
        Tensor w3 = floats(device, new float[] {1, 0, 2, -1, 0.5f, 3, 1, 0, 2, -1, 0.5f, 3}, 2, 3, 2);
        Tensor out3 = device.tensor(DataType.FLOAT, 2, 2, 2);
        float[] twice = new float[8];
        System.arraycopy(expected, 0, twice, 0, 4);
        System.arraycopy(expected, 0, twice, 4, 4);
        assertFloats(twice, run(MatmulOperator.batchMatMul(x3, w3, out3, CubeMathType.USE_FP16), out3), "batchMatMul");

        refused(InvalidArgumentException.class, () -> MatmulOperator.mm(x, x, out, CubeMathType.KEEP_DTYPE),
                "MatmulOperator.mm", "mat2");
        refused(InvalidArgumentException.class, () -> MatmulOperator.mm(x3, w3, out3, CubeMathType.KEEP_DTYPE),
                "MatmulOperator.mm");
    }

    @Test
    void softmaxAndLayerNormNormaliseRows() {
        float[] a = {1, 2, 3, 4, -1, 0, 1, 2};
        Tensor x = floats(device, a, 2, 4);
        Tensor out = device.tensor(DataType.FLOAT, 2, 4);
        float[] expected = new float[8];
        for (int r = 0; r < 2; r++) {
            double sum = 0;
            for (int i = 0; i < 4; i++) {
                sum += Math.exp(a[r * 4 + i]);
            }
            for (int i = 0; i < 4; i++) {
                expected[r * 4 + i] = (float) (Math.exp(a[r * 4 + i]) / sum);
            }
        }
        assertClose(expected, run(NormOperator.softmax(x, -1, out), out), 1e-6, "softmax");

        Tensor gamma = floats(device, new float[] {1, 2, 1, 2}, 4);
        Tensor beta = floats(device, new float[] {0, 0, 1, 1}, 4);
        Tensor rstd = device.tensor(DataType.FLOAT, 2, 1);
        double inverse = 1 / Math.sqrt(1.25 + 1e-5); // both rows: variance 1.25
        for (int r = 0; r < 2; r++) {
            double mean = r == 0 ? 2.5 : 0.5;
            for (int i = 0; i < 4; i++) {
                double g = i % 2 == 0 ? 1 : 2;
                double b = i < 2 ? 0 : 1;
                expected[r * 4 + i] = (float) ((a[r * 4 + i] - mean) * inverse * g + b);
            }
        }
        NormOperator layerNorm = NormOperator.layerNorm(x, new long[] {4}, gamma, beta, 1e-5, out, null, rstd);
        assertClose(expected, run(layerNorm, out), 1e-5, "layerNorm");
        assertClose(new float[] {(float) inverse, (float) inverse}, read(device, rstd), 1e-5, "rstd");
        refused(InvalidArgumentException.class,
                () -> NormOperator.layerNorm(x, new long[] {3}, null, null, 1e-5, out, null, null),
                "NormOperator.layerNorm", "normalizedShape");
        refused(InvalidArgumentException.class, () -> NormOperator.softmax(x, 2, out), "NormOperator.softmax", "dim");
    }

    @Test
    void capturedOperatorsReplayAndATaskGroupUpdateSwapsTheirOperands() {
        Tensor a = floats(device, new float[] {-1, 2, -3, 4}, 4);
        Tensor b = floats(device, new float[] {5, -6, 7, -8}, 4);
        // Device memory starts with whatever it held before: zero the outputs so "nothing ran" is checkable.
        Tensor out = floats(device, new float[4], 4);
        Tensor otherOut = floats(device, new float[4], 4);
        Stream updater = device.createStream();
        TaskGroup group;
        Model model;
        try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL);
             ElementwiseOperator relu = ElementwiseOperator.relu(a, out)) {
            group = capture.taskGroup(() -> relu.launch(stream));
            model = capture.end();
        }
        assertFloats(new float[4], read(device, out), "nothing ran during the capture");
        model.execute(stream);
        assertFloats(new float[] {0, 2, 0, 4}, read(device, out), "replayed");
        try (ElementwiseOperator other = ElementwiseOperator.relu(b, otherOut)) {
            group.update(updater, () -> other.launch(updater));
        }
        updater.synchronize();
        model.execute(stream);
        assertFloats(new float[] {5, 0, 7, 0}, read(device, otherOut), "after the update");
        refused(TaskUpdateException.class,
                () -> group.update(updater, () -> ElementwiseOperator.neg(b, otherOut).launch(updater)));
        model.close();
    }

    @Test
    void refusalsNameTheFactoryAndTheArgument() {
        Tensor ints = device.tensor(DataType.INT32, 4);
        Tensor floatsOut = device.tensor(DataType.FLOAT, 4);
        Tensor half = device.tensor(DataType.FLOAT16, 4);
        refused(InvalidArgumentException.class, () -> ElementwiseOperator.gelu(ints, ints), "ElementwiseOperator.gelu",
                "self", "INT32");
        refused(InvalidArgumentException.class, () -> ElementwiseOperator.relu(floatsOut, half),
                "ElementwiseOperator.relu", "out");
        refused(InvalidArgumentException.class, () -> ElementwiseOperator.sigmoid(floatsOut, ints),
                "ElementwiseOperator.sigmoid", "out", "INT32");
        refused(InvalidArgumentException.class, () -> ElementwiseOperator.tanh(ints, ints), "ElementwiseOperator.tanh",
                "out", "INT32");
        refused(InvalidArgumentException.class, () -> ElementwiseOperator.inplaceTanh(ints),
                "ElementwiseOperator.inplaceTanh");
        refused(InvalidArgumentException.class, () -> ElementwiseOperator.inplaceSigmoid(ints),
                "ElementwiseOperator.inplaceSigmoid");
        refused(InvalidArgumentException.class, () -> ElementwiseOperator.cast(floatsOut, DataType.INT32, half),
                "ElementwiseOperator.cast");
        refused(NullPointerException.class, () -> ElementwiseOperator.mul(floatsOut, null, floatsOut), "other");
        refused(NullPointerException.class, () -> MatmulOperator.mm(floatsOut, floatsOut, floatsOut, null),
                "cubeMathType");
    }

    private static void assertClose(float[] expected, float[] actual, double relative, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            double tolerance = relative * Math.max(1, Math.abs(expected[i]));
            int index = i;
            assertTrue(Math.abs(expected[i] - actual[i]) <= tolerance,
                    () -> what + ": element " + index + " is " + actual[index] + ", expected " + expected[index]);
        }
    }
}
