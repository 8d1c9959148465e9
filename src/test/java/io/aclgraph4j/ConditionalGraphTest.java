package io.aclgraph4j;

import static io.aclgraph4j.TestSupport.floats;
import static io.aclgraph4j.TestSupport.read;
import static io.aclgraph4j.TestSupport.readLong;
import static io.aclgraph4j.TestSupport.refused;
import static io.aclgraph4j.TestSupport.write;
import static io.aclgraph4j.TestSupport.writeLong;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Conditional sub-graphs on the simulator: IF/ELSE, WHILE and SWITCH bodies captured from lambdas,
 * nested, decided by a value set from the host or computed by captured tasks; what the bodies use
 * kept until the model is closed; misuse refused with exceptions.
 */
@ExtendWith(NoNativeLeaks.class)
class ConditionalGraphTest {
    private AclRuntime runtime;
    private Device device;
    private Stream stream;
    private Scalar one;
    private Scalar minusOne;
    private Scalar oneLong;

    @BeforeEach
    void open() {
        runtime = AclRuntime.open("sim");
        device = runtime.device(0);
        stream = device.createStream();
        one = runtime.scalar(DataType.FLOAT, 1.0);
        minusOne = runtime.scalar(DataType.INT64, -1L);
        oneLong = runtime.scalar(DataType.INT64, 1L);
    }

    @AfterEach
    void close() {
        runtime.close();
        TestSupport.awaitCollectedViews(runtime::liveObjectCount);
        assertEquals(0, runtime.liveObjectCount(), runtime::liveObjects);
    }

    /** A body adding 1 to {@code counter} (a FLOAT tensor): its operator is made and closed inside the lambda. */
    private Consumer<Body> counting(Tensor counter) {
        return body -> {
            try (AddOperator add = AddOperator.inplaceAdds(counter, one, one)) {
                add.launch(body.stream());
            }
        };
    }

    @Test
    void aWhileLoopRunsUntilItsBodyCountsTheConditionDown() {
        Tensor sum = device.tensor(DataType.FLOAT, 1);
        Tensor counter = device.tensor(DataType.INT64, 1);
        Condition more;
        Model model;
        try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
            more = capture.condition();
            more.copyFromAsync(stream, counter); // the loop runs `counter` times
            capture.whileLoop(more, body -> {
                Stream s = body.stream();
                counting(sum).accept(body);
                try (AddOperator decrement = AddOperator.inplaceAdds(counter, minusOne, oneLong)) {
                    decrement.launch(s);
                }
                more.copyFromAsync(s, counter);
            });
            model = capture.end();
        }
        assertSame(ConditionType.WHILE, more.type());
        for (long n : new long[] {5, 0, 1, 12}) {
            write(device, sum, new float[] {0});
            writeLong(device, counter, n);
            model.execute(stream);
            assertArrayEquals(new float[] {n}, read(device, sum), "iterations for " + n);
            assertEquals(0, readLong(device, counter));
            assertEquals(0, more.get(), "the body left the condition at 0");
        }
        model.close();
    }

    @Test
    void anIfElseIsChosenFromTheHostBetweenReplays() {
        Tensor thenCount = floats(device, new float[] {0}, 1);
        Tensor elseCount = floats(device, new float[] {0}, 1);
        Condition choice;
        Model model;
        try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
            choice = capture.condition();
            capture.ifElse(choice, counting(thenCount), counting(elseCount));
            model = capture.end();
        }
        for (long value : new long[] {1, 0, 7, -1, 0}) {
            choice.set(value);
            assertEquals(value, choice.get());
            model.execute(stream);
        }
        assertArrayEquals(new float[] {3}, read(device, thenCount), "non-zero values: 1, 7, -1");
        assertArrayEquals(new float[] {2}, read(device, elseCount));
        assertTrue(choice.toString().contains("IF"), choice::toString);
        List<ModelTask> tasks = model.tasks();
        assertEquals(1, tasks.size(), tasks::toString);
        assertEquals(ModelTask.Type.CONDITION, tasks.get(0).type());
        assertEquals("IF on " + choice.describe() + " with 2 bodies", tasks.get(0).name());
        assertTrue(model.toDot().contains("conditional\\nIF on Condition#"), model::toDot);
        model.close();
    }

    @Test
    void anIfWithoutElseAndASwitchRunTheBodiesTheValueNames() {
        Tensor[] counts = new Tensor[3];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = floats(device, new float[] {0}, 1);
        }
        Tensor thenCount = floats(device, new float[] {0}, 1);
        Condition which;
        Condition gate;
        Model model;
        try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
            which = capture.condition();
            capture.switchOn(which, List.of(counting(counts[0]), counting(counts[1]), counting(counts[2])));
            gate = capture.condition();
            capture.ifThen(gate, counting(thenCount));
            model = capture.end();
        }
        long[] values = {2, 0, 2, 3, 99, 1};
        for (long value : values) {
            which.set(value);
            gate.set(value == 2 ? 1 : 0);
            model.execute(stream);
        }
        assertArrayEquals(new float[] {1}, read(device, counts[0]));
        assertArrayEquals(new float[] {1}, read(device, counts[1]));
        assertArrayEquals(new float[] {2}, read(device, counts[2]));
        assertArrayEquals(new float[] {2}, read(device, thenCount), "the IF ran when its value was 1 only");
        assertSame(ConditionType.SWITCH, which.type());
        model.close();
    }

    @Test
    void nestedBodiesComputeTheirOwnConditions() {
        // while (counter != 0) { test = counter - 2; if (test) thenCount++ else elseCount++; counter--; }
        Tensor thenCount = floats(device, new float[] {0}, 1);
        Tensor elseCount = floats(device, new float[] {0}, 1);
        Tensor counter = device.tensor(DataType.INT64, 1);
        Scalar two = runtime.scalar(DataType.INT64, -2L);
        AtomicReference<Condition> inner = new AtomicReference<>();
        Model model;
        try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
            Condition loop = capture.condition();
            loop.copyFromAsync(stream, counter);
            capture.whileLoop(loop, body -> {
                Stream s = body.stream();
                Condition test = body.condition();
                inner.set(test);
                try (Tensor difference = device.tensor(DataType.INT64, 1);
                     AddOperator minusTwo = AddOperator.adds(counter, two, oneLong, difference)) {
                    minusTwo.launch(s);
                    test.copyFromAsync(s, difference);
                }
                body.ifElse(test, counting(thenCount), counting(elseCount));
                try (AddOperator decrement = AddOperator.inplaceAdds(counter, minusOne, oneLong)) {
                    decrement.launch(s);
                }
                loop.copyFromAsync(s, counter);
            });
            model = capture.end();
        }
        for (int replay = 1; replay <= 2; replay++) {
            writeLong(device, counter, 4);
            model.execute(stream);
            assertArrayEquals(new float[] {3 * replay}, read(device, thenCount), "counter 4, 3 and 1");
            assertArrayEquals(new float[] {replay}, read(device, elseCount), "counter 2");
        }
        assertSame(ConditionType.IF, inner.get().type());
        model.close();
    }

    @Test
    void aConditionResetToAValueTakesItAtEveryLaunch() {
        Tensor thenCount = floats(device, new float[] {0}, 1);
        Condition reset;
        Model model;
        try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
            reset = capture.conditionResetTo(1);
            capture.ifThen(reset, counting(thenCount));
            model = capture.end();
        }
        reset.set(0); // overwritten at the launch
        model.execute(stream);
        model.execute(stream);
        assertArrayEquals(new float[] {2}, read(device, thenCount));
        model.close();
    }

    @Test
    void whatTheBodiesUseIsKeptUntilTheModelIsClosed() {
        Tensor sum = device.tensor(DataType.FLOAT, 4);
        Condition choice;
        Model model;
        long before = runtime.liveObjectCount();
        Tensor twos = floats(device, new float[] {2, 2, 2, 2}, 4);
        Tensor tens = floats(device, new float[] {10, 10, 10, 10}, 4);
        try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
            choice = capture.condition();
            capture.ifElse(choice, then -> {
                // The body's operands and operator are closed before the lambda returns.
                try (twos; AddOperator add = AddOperator.inplaceAdd(sum, twos, one)) {
                    add.launch(then.stream());
                }
            }, otherwise -> {
                try (tens; AddOperator add = AddOperator.inplaceAdd(sum, tens, one)) {
                    add.launch(otherwise.stream());
                }
            });
            model = capture.end();
        }
        assertTrue(twos.isClosed() && tens.isClosed());
        System.gc();
        write(device, sum, new float[] {0, 0, 0, 0});
        choice.set(1);
        model.execute(stream);
        choice.set(0);
        model.execute(stream);
        assertArrayEquals(new float[] {12, 12, 12, 12}, read(device, sum), "both bodies ran with their operands");
        long kept = runtime.liveObjectCount();
        assertTrue(kept > before, "the model keeps the bodies' objects: " + runtime.liveObjects());
        model.close();
        stream.synchronize();
        assertTrue(runtime.liveObjectCount() < kept, runtime::liveObjects);
        refused(IllegalStateException.class, () -> choice.set(1), "Condition#", "closed");
    }

    @Test
    void aConditionDecidesOneTaskOfTheScopeThatMadeIt() {
        Tensor count = floats(device, new float[] {0}, 1);
        try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
            Condition outer = capture.condition();
            capture.whileLoop(outer, body -> {
                refused(InvalidArgumentException.class, () -> body.ifThen(outer, counting(count)),
                        "Body.ifThen", "was made by the capture of");
                refused(IllegalStateException.class, () -> capture.ifThen(body.condition(), counting(count)),
                        "Capture.ifThen", "is being captured inside", "innermost scope");
                refused(IllegalStateException.class, capture::condition, "Capture.condition", "innermost");
                refused(IllegalStateException.class, capture::end, "Capture.end", "still being captured");
            });
            refused(IllegalStateException.class, () -> capture.ifThen(outer, counting(count)), "Capture.ifThen",
                    "decides a task already");
            Condition fresh = capture.condition();
            refused(InvalidArgumentException.class, () -> capture.switchOn(fresh, List.of()), "at least one case");
            refused(InvalidArgumentException.class, () -> capture.conditionResetTo(-1), "Capture.conditionResetTo",
                    "4294967295");
            refused(InvalidArgumentException.class, () -> capture.conditionResetTo(1L << 32), "32 bits");
            refused(NullPointerException.class, () -> capture.ifElse(fresh, counting(count), null), "otherwise");
            assertNull(fresh.type(), "a refused task leaves the condition unused");
            Tensor small = device.tensor(DataType.FLOAT, 1);
            refused(InvalidArgumentException.class, () -> fresh.copyFromAsync(stream, small), "4 bytes", "8");
            Model model = capture.end();
            model.close();
        }
    }

    @Test
    void aConditionOfAnotherDeviceIsRefused() {
        Device other = runtime.device(1);
        DeviceBuffer elsewhere = other.allocate(8);
        try (Stream otherStream = other.createStream();
             Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
            Condition condition = capture.condition();
            try (Capture onOther = otherStream.beginCapture(CaptureMode.GLOBAL)) {
                refused(InvalidArgumentException.class, () -> onOther.ifThen(condition, body -> { }),
                        "Capture.ifThen", "was made by the capture of " + stream.describe());
                refused(InvalidArgumentException.class, () -> condition.copyFromAsync(otherStream, elsewhere),
                        "Condition.copyFromAsync", "device 1");
            }
            refused(InvalidArgumentException.class, () -> condition.copyFromAsync(stream, elsewhere),
                    "Condition.copyFromAsync", "device 1");
            capture.ifThen(condition, body -> { });
            capture.end().close();
        }
    }

    @Test
    void aConditionIsNotCopiedIntoFromAnotherModelsCapture() {
        DeviceBuffer source = device.allocate(8);
        try (Stream other = device.createStream();
             Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
            Condition condition = capture.condition();
            try (Capture unrelated = other.beginCapture(CaptureMode.GLOBAL)) {
                // Replays of the other model would write the value after its own model is gone.
                refused(InvalidArgumentException.class, () -> condition.copyFromAsync(other, source),
                        "Condition.copyFromAsync", "captures another model");
            }
            condition.copyFromAsync(stream, source);
            capture.ifThen(condition, body -> condition.copyFromAsync(body.stream(), source));
            capture.end().close();
        }
    }

    @Test
    void aBodyIsUsableOnlyInsideItsLambdaAndAFailedBodyDiscardsTheCapture() {
        Tensor count = floats(device, new float[] {0}, 1);
        AtomicReference<Body> escaped = new AtomicReference<>();
        Condition condition;
        try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
            condition = capture.condition();
            RuntimeException failure = new IllegalArgumentException("the body's own error");
            RuntimeException thrown = refused(IllegalArgumentException.class, () -> capture.ifThen(condition, body -> {
                escaped.set(body);
                throw failure;
            }), "the body's own error");
            assertSame(failure, thrown);
            refused(IllegalStateException.class, () -> escaped.get().stream(), "Body.stream", "already ended",
                    "only inside its lambda");
            refused(IllegalStateException.class, () -> escaped.get().condition(), "Body.condition");
            CaptureException refusedEnd = refused(CaptureException.class, capture::end, "Capture.end",
                    "a body of a conditional task failed", "discarded");
            assertSame(failure, refusedEnd.getCause());
        }
        refused(IllegalStateException.class, () -> condition.set(1), "capture ended without a model");
        assertTrue(stream.captureStatus() == CaptureStatus.NONE, "the stream is usable again");
        try (AddOperator add = AddOperator.inplaceAdds(count, one, one)) {
            stream.capture(CaptureMode.GLOBAL, add::launch).close();
        }
    }

    @Test
    void aConditionOfADiscardedCaptureOrAClosedModelIsRefused() {
        Condition discarded;
        try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
            discarded = capture.condition();
        }
        refused(IllegalStateException.class, () -> discarded.get(), "Condition#", "without a model");
        Condition condition;
        Model model;
        try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
            condition = capture.condition();
            capture.ifThen(condition, body -> { });
            model = capture.end();
        }
        condition.set(1);
        model.execute(stream);
        model.close();
        refused(IllegalStateException.class, () -> condition.set(0), "closed");
        refused(IllegalStateException.class, condition::get, "closed");
    }
}
