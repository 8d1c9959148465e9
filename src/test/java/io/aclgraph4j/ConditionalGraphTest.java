package io.aclgraph4j;

import static io.aclgraph4j.TestSupport.floats;
import static io.aclgraph4j.TestSupport.read;
import static io.aclgraph4j.TestSupport.readLong;
import static io.aclgraph4j.TestSupport.refused;
import static io.aclgraph4j.TestSupport.write;
import static io.aclgraph4j.TestSupport.writeLong;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Conditional sub-graphs on the simulator: IF/ELSE, WHILE and SWITCH bodies captured from lambdas,
 * nested, decided by a value set from the host or computed by captured tasks; what the bodies use
 * kept until the model is closed; misuse refused with exceptions.
 */
class ConditionalGraphTest extends SimulatorTest {
    private Scalar minusOne;
    private Scalar oneLong;

    @BeforeEach
    void openScalars() {
        minusOne = runtime.scalar(DataType.INT64, -1L);
        oneLong = runtime.scalar(DataType.INT64, 1L);
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
        assertEquals(3, tasks.size(), tasks::toString);
        assertEquals(ModelTask.Type.CONDITION, tasks.get(0).type());
        assertEquals("IF on " + choice.describe() + " with 2 bodies", tasks.get(0).name());
        assertEquals(List.of("0/0 inplaceAdds", "0/1 inplaceAdds"), tasks.subList(1, 3).stream()
                .map(t -> t.condition() + "/" + t.body() + " " + t.name()).toList(), "THEN's task, then ELSE's");
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

    /** How deep in braces {@code index} of {@code dot} is (its labels hold none). */
    private static int depth(String dot, int index) {
        int depth = 0;
        for (int i = 0; i < index; i++) {
            depth += dot.charAt(i) == '{' ? 1 : dot.charAt(i) == '}' ? -1 : 0;
        }
        return depth;
    }

    @Test
    void theTasksOfBodiesAreListedAndDrawnAsNestedClusters() {
        Tensor thenCount = floats(device, new float[] {0}, 1);
        Tensor counter = device.tensor(DataType.INT64, 1);
        Tensor difference = device.tensor(DataType.INT64, 1);
        Tensor[] counts = {floats(device, new float[] {0}, 1), floats(device, new float[] {0}, 1)};
        Condition[] made = new Condition[3];
        Model model;
        try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
            Condition loop = capture.condition();
            made[0] = loop;
            loop.copyFromAsync(stream, counter);
            capture.whileLoop(loop, body -> {
                Stream s = body.stream();
                Condition test = body.condition();
                made[1] = test;
                try (AddOperator minusTwo = AddOperator.adds(counter, minusOne, oneLong, difference)) {
                    minusTwo.launch(s);
                }
                test.copyFromAsync(s, difference);
                body.ifElse(test, counting(thenCount), otherwise -> { });
                try (AddOperator decrement = AddOperator.inplaceAdds(counter, minusOne, oneLong)) {
                    decrement.launch(s);
                }
                loop.copyFromAsync(s, counter);
            });
            made[2] = capture.condition();
            capture.switchOn(made[2], List.of(counting(counts[0]), counting(counts[1])));
            model = capture.end();
        }
        List<String> described = model.tasks().stream().map(t -> t.index() + " " + t.stream() + ":" + t.position()
                + " " + t.type() + " " + t.name() + (t.inBody() ? " in t" + t.condition() + "/" + t.body() : ""))
                .toList();
        String kernel = " KERNEL inplaceAdds";
        assertEquals(List.of("0 0:0 COPY 8 bytes device to " + made[0].describe(),
                "1 0:1 CONDITION WHILE on " + made[0].describe() + " with 1 body",
                "2 0:0 KERNEL adds in t1/0",
                "3 0:1 COPY 8 bytes device to " + made[1].describe() + " in t1/0",
                "4 0:2 CONDITION IF on " + made[1].describe() + " with 2 bodies in t1/0",
                "5 0:0" + kernel + " in t4/0",
                "6 0:3" + kernel + " in t1/0",
                "7 0:4 COPY 8 bytes device to " + made[0].describe() + " in t1/0",
                "8 0:2 CONDITION SWITCH on " + made[2].describe() + " with 2 bodies",
                "9 0:0" + kernel + " in t8/0",
                "10 0:0" + kernel + " in t8/1"), described);
        assertEquals(described, model.recordedTasks().stream().map(t -> t.index() + " " + t.stream() + ":"
                + t.position() + " " + t.type() + " " + t.name() + (t.inBody() ? " in t" + t.condition() + "/"
                + t.body() : "")).toList(), "the backend's list and the record agree");

        List<String> lines = model.debugPrint().lines().toList();
        int loop = lines.indexOf("  task 1: CONDITION WHILE on " + made[0].describe() + " with 1 body");
        assertTrue(loop > 0, String.join("\n", lines));
        assertEquals(List.of("    body 0 (loop):", "      task 0: KERNEL adds(INT64[1], INT64 -1, INT64 1, INT64[1])",
                "      task 1: COPY 8 bytes device to " + made[1].describe(),
                "      task 2: CONDITION IF on " + made[1].describe() + " with 2 bodies",
                "        body 0 (then):", "          task 0: KERNEL inplaceAdds(FLOAT[1], FLOAT 1.0, FLOAT 1.0)",
                "        body 1 (else):", "      task 3: KERNEL inplaceAdds(INT64[1], INT64 -1, INT64 1)"),
                lines.subList(loop + 1, loop + 9));

        String dot = model.toDot();
        int whileBody = dot.indexOf("subgraph cluster_t1_body0 {");
        int thenBody = dot.indexOf("subgraph cluster_t4_body0 {");
        int elseBody = dot.indexOf("subgraph cluster_t4_body1 {");
        assertTrue(whileBody > 0 && thenBody > whileBody && elseBody > thenBody, dot);
        assertEquals(depth(dot, whileBody) + 1, depth(dot, thenBody), "the IF's bodies inside the loop's:\n" + dot);
        assertEquals(depth(dot, thenBody), depth(dot, elseBody));
        assertEquals(depth(dot, thenBody) + 1, depth(dot, dot.indexOf("  t5 [label=")), "t5 in the THEN body");
        assertEquals(depth(dot, whileBody) + 1, depth(dot, dot.indexOf("  t6 [label=")), "t6 in the loop's body");
        assertEquals(depth(dot, whileBody), depth(dot, dot.indexOf("subgraph cluster_t8_body1 {")));
        assertTrue(dot.contains("label=\"body 1 (else) of task 2\""), dot);
        assertTrue(dot.contains("t4_body1 [label=\"empty\""), "an empty body is drawn:\n" + dot);
        for (String edge : List.of("t1 -> t2 [lhead=cluster_t1_body0, color=darkorange, label=\"loop\"]",
                "t4 -> t5 [lhead=cluster_t4_body0, color=darkorange, label=\"then\"]",
                "t4 -> t4_body1 [lhead=cluster_t4_body1, color=darkorange, label=\"else\"]",
                "t8 -> t10 [lhead=cluster_t8_body1, color=darkorange, label=\"case 1\"]",
                "t7 -> t1 [ltail=cluster_t1_body0", "  t0 -> t1;", "  t1 -> t8;", "  t2 -> t3;", "  t4 -> t6;")) {
            assertTrue(dot.contains(edge), edge + " in\n" + dot);
        }
        assertFalse(dot.contains("t5 -> t6"), "a body's order does not continue into its parent's:\n" + dot);
        ModelTask inBody = model.tasks().get(6);
        refused(TaskUpdateException.class, () -> model.update(stream, inBody, () -> { }), "Model.update",
                "task 6 is in body 0 of conditional task 1", "sub-graphs");
        model.close();
    }

    @Test
    void closingAModelWaitsForAnEagerCopyIntoItsConditionStillInFlight() throws Exception {
        Tensor counter = device.tensor(DataType.INT64, 1);
        writeLong(device, counter, 1);
        DeviceBuffer gate = device.allocate(8);
        writeLong(device, gate, 0);
        Condition choice;
        Model model;
        try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
            choice = capture.condition();
            capture.ifThen(choice, body -> body.stream().fillAsync(counter, 0));
            model = capture.end();
        }
        try (Stream held = device.createStream(); Stream opener = device.createStream()) {
            held.waitValueAsync(gate, 1, ValueCondition.EQ);
            choice.copyFromAsync(held, counter); // queued behind the gate: not run yet
            long openAfterMillis = 300;
            Thread opening = new Thread(() -> {
                try {
                    Thread.sleep(openAfterMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                opener.writeValueAsync(gate, 1);
                opener.synchronize();
            });
            long start = System.nanoTime();
            opening.start();
            model.close(); // frees the condition's value: after the copy into it
            long closedMillis = (System.nanoTime() - start) / 1_000_000;
            opening.join();
            held.synchronize(); // the copy found its destination alive
            assertTrue(closedMillis >= openAfterMillis - 50, "close returned after " + closedMillis
                    + " ms, before the copy into the condition could run");
        }
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
