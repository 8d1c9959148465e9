package io.aclgraph4j;

import static io.aclgraph4j.TestSupport.assertFloats;
import static io.aclgraph4j.TestSupport.floats;
import static io.aclgraph4j.TestSupport.read;

import io.aclgraph4j.internal.NativeApi;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One row per operator of shim_operators.def: its typed factory prepares it on the simulator, it
 * runs eagerly and replayed from a capture, and the result is checked. Adding an operator adds a
 * row here (docs/design.md, "Adding an operator").
 */
@ExtendWith(NoNativeLeaks.class)
class OperatorTableTest {
    private static final float[] SELF = {1, 2, 3, 4};
    private static final float[] OTHER = {10, 20, 30, 40};

    /** The operands a row can use: self, other (tensors), out, and scalars 2 (alpha) and 5. */
    record Operands(AclRuntime runtime, Tensor self, Tensor other, Tensor out, Scalar two, Scalar five) {}

    /** An operator row: its table name, its factory, the tensor it writes and the values expected there. */
    record Row(String name, int code, java.util.function.Function<Operands, Operator> factory, boolean inPlace,
               float[] expected) {}

    static final List<Row> ROWS = List.of(
            new Row("ADD", NativeApi.OP_ADD, o -> AddOperator.add(o.self(), o.other(), o.two(), o.out()), false,
                    new float[] {21, 42, 63, 84}),
            new Row("ADDS", NativeApi.OP_ADDS, o -> AddOperator.adds(o.self(), o.five(), o.two(), o.out()), false,
                    new float[] {11, 12, 13, 14}),
            new Row("INPLACE_ADD", NativeApi.OP_INPLACE_ADD, o -> AddOperator.inplaceAdd(o.self(), o.other(), o.two()),
                    true, new float[] {21, 42, 63, 84}),
            new Row("INPLACE_ADDS", NativeApi.OP_INPLACE_ADDS,
                    o -> AddOperator.inplaceAdds(o.self(), o.five(), o.two()),
                    true, new float[] {11, 12, 13, 14}),
            new Row("SIGMOID", NativeApi.OP_SIGMOID, o -> ElementwiseOperator.sigmoid(o.self(), o.out()), false,
                    map(SELF, v -> 1 / (1 + Math.exp(-v)))),
            new Row("INPLACE_SIGMOID", NativeApi.OP_INPLACE_SIGMOID,
                    o -> ElementwiseOperator.inplaceSigmoid(o.self()), true, map(SELF, v -> 1 / (1 + Math.exp(-v)))),
            new Row("TANH", NativeApi.OP_TANH, o -> ElementwiseOperator.tanh(o.self(), o.out()), false,
                    map(SELF, Math::tanh)),
            new Row("INPLACE_TANH", NativeApi.OP_INPLACE_TANH, o -> ElementwiseOperator.inplaceTanh(o.self()), true,
                    map(SELF, Math::tanh)));

    /** {@code function} of each value, in double, rounded to float. */
    private static float[] map(float[] values, java.util.function.DoubleUnaryOperator function) {
        float[] result = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (float) function.applyAsDouble(values[i]);
        }
        return result;
    }

    @Test
    void everyRowIsAnOperatorOfTheTable() {
        var declared = Arrays.stream(NativeApi.class.getFields()).filter(f -> f.getName().startsWith("OP_"))
                .map(OperatorTableTest::value).collect(Collectors.toCollection(TreeSet::new));
        for (Row row : ROWS) {
            assertEquals(true, declared.contains(row.code()), row.name() + " is an operator of the table");
        }
    }

    private static int value(Field field) {
        try {
            return field.getInt(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    @TestFactory
    java.util.stream.Stream<DynamicTest> everyOperatorRunsEagerlyAndReplayed() {
        return ROWS.stream().map(row -> DynamicTest.dynamicTest(row.name(), () -> run(row)));
    }

    private static void run(Row row) {
        try (AclRuntime runtime = AclRuntime.open();
             Device device = runtime.device(0);
             Stream stream = device.createStream()) {
            Operands operands = new Operands(runtime, floats(device, SELF, 4), floats(device, OTHER, 4),
                    device.tensor(DataType.FLOAT, 4), runtime.scalar(DataType.FLOAT, 2.0),
                    runtime.scalar(DataType.FLOAT, 5.0));
            Tensor written = row.inPlace() ? operands.self() : operands.out();
            try (Operator operator = row.factory().apply(operands)) {
                operator.launch(stream);
                stream.synchronize();
                assertFloats(row.expected(), read(device, written), row.name() + " eagerly");
                // Replayed from a capture: the same result from fresh inputs.
                TestSupport.write(device, operands.self(), SELF);
                try (Model model = stream.capture(CaptureMode.GLOBAL, operator::launch)) {
                    model.execute(stream);
                }
                assertFloats(row.expected(), read(device, written), row.name() + " replayed");
            }
        }
    }
}
