package io.aclgraph4j;

import static io.aclgraph4j.TestSupport.assertUpdatesFollowStreamOrder;
import static io.aclgraph4j.TestSupport.read;
import static io.aclgraph4j.TestSupport.refused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * {@link Model#update} on the simulator, which has CANN 9.1's task calls: a captured kernel (in no
 * task group) takes a new operator's operands between replays, ordered after the replays in flight
 * without a synchronisation; misuse is refused and changes nothing.
 */
class ModelUpdateTest extends SimulatorTest {
    private static final int ELEMENTS = 1 << 16; // slow enough replays that an unordered update would land inside them

    /** A model of x += 1 over {@code x} (no task group), and its kernel task. */
    private record Counting(Model model, ModelTask kernel) {}

    private Counting counting(Stream on, Tensor x) {
        AddOperator addOne = AddOperator.inplaceAdds(x, one, one);
        Model model = on.capture(CaptureMode.GLOBAL, s -> addOne.launch(s));
        addOne.close(); // the model keeps it
        return new Counting(model, firstKernel(model));
    }

    private static ModelTask firstKernel(Model model) {
        return model.tasks().stream().filter(task -> task.type() == ModelTask.Type.KERNEL).findFirst().orElseThrow();
    }

    private Tensor zeros(int elements) {
        Tensor x = device.tensor(DataType.FLOAT, elements);
        device.fill(x, 0);
        return x;
    }

    private AddOperator adds(Tensor x, double value) {
        return AddOperator.inplaceAdds(x, runtime.scalar(DataType.FLOAT, value), one);
    }

    @Test
    void replaysAfterAnUpdateComputeWithTheNewOperands() {
        assertTrue(runtime.supports(Feature.TASK_UPDATE));
        Tensor x = device.tensor(DataType.FLOAT, 4);
        Tensor out = device.tensor(DataType.FLOAT, 4);
        Tensor y = device.tensor(DataType.FLOAT, 4);
        try (HostBuffer host = device.allocateHost(16)) {
            host.write(new float[] {1, 2, 3, 4});
            device.copy(host, x);
            host.write(new float[] {10, 20, 30, 40});
            device.copy(host, y);
            Model model;
            try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
                AddOperator.add(x, x, one, out).launch(stream); // out = x + x
                stream.copyAsync(out, host);
                model = capture.end();
            }
            model.execute(stream);
            assertArrayEquals(new float[] {2, 4, 6, 8}, host.toFloatArray());
            ModelTask kernel = firstKernel(model);
            // New tensors and a new alpha: out = x + 3 y.
            AddOperator next = AddOperator.add(x, y, runtime.scalar(DataType.FLOAT, 3.0), out);
            model.update(stream, kernel, () -> next.launch(stream));
            next.close(); // the model keeps it
            model.execute(stream);
            assertArrayEquals(new float[] {31, 62, 93, 124}, host.toFloatArray());
            model.execute(stream);
            assertArrayEquals(new float[] {31, 62, 93, 124}, host.toFloatArray());
            assertEquals("KERNEL add(FLOAT[4], FLOAT[4], FLOAT 3.0, FLOAT[4])", model.tasks().get(0).toString(),
                    "tasks() shows the operands of the update");
            // A single-use launch works too.
            model.update(stream, kernel, () -> AddOperator.addOnce(stream, y, y, one, out));
            model.execute(stream);
            assertArrayEquals(new float[] {20, 40, 60, 80}, host.toFloatArray());
            model.close();
        }
    }

    @Test
    void anUpdateIssuedWhileReplaysAreQueuedTakesEffectAfterThem() {
        Tensor x = zeros(ELEMENTS);
        Counting counting = counting(stream, x);
        assertUpdatesFollowStreamOrder(device, stream, counting.model(), x, adds(x, 1), adds(x, 10),
                next -> counting.model().update(stream, counting.kernel(), () -> next.launch(stream)));
        counting.model().close();
    }

    @Test
    void anUpdateOnAnotherStreamRunsAfterTheReplayInFlight() {
        Tensor x = zeros(ELEMENTS);
        Counting counting = counting(stream, x);
        AddOperator addFive = adds(x, 5);
        try (Stream updater = device.createStream()) {
            for (int i = 0; i < 5; i++) {
                counting.model().executeAsync(stream);
            }
            counting.model().update(updater, counting.kernel(), () -> addFive.launch(updater));
            updater.synchronize(); // the update waited for the replays on the device
            assertEquals(5, read(device, x)[ELEMENTS - 1]);
            counting.model().execute(stream);
            assertEquals(10, read(device, x)[ELEMENTS - 1]);
        }
        counting.model().close();
    }

    @Test
    void anUpdateThatDoesNotFitTheTaskIsRefusedAndChangesNothing() {
        Tensor x = zeros(4);
        Counting counting = counting(stream, x);
        Model model = counting.model();
        ModelTask kernel = counting.kernel();
        Tensor y = device.tensor(DataType.FLOAT, 4);
        Tensor wide = device.tensor(DataType.FLOAT, 8);
        Tensor halves = device.tensor(DataType.FLOAT16, 4);
        AddOperator otherOperator = AddOperator.inplaceAdd(x, y, one);
        AddOperator otherShape = adds(wide, 2);
        AddOperator otherType = AddOperator.inplaceAdds(halves, runtime.scalar(DataType.FLOAT16, 2.0), one);
        AddOperator fits = adds(x, 2);
        refused(TaskUpdateException.class, () -> model.update(stream, kernel, () -> otherOperator.launch(stream)),
                "Model.update", "task 0 was captured as inplaceAdds(", "but the update launches inplaceAdd(",
                "nothing was changed");
        refused(TaskUpdateException.class, () -> model.update(stream, kernel, () -> otherShape.launch(stream)),
                "FLOAT[8]", "same data types, shapes and strides");
        refused(TaskUpdateException.class, () -> model.update(stream, kernel, () -> otherType.launch(stream)),
                "FLOAT16[4]");
        refused(TaskUpdateException.class, () -> model.update(stream, kernel, () -> { }),
                "the body launched 0 operators");
        refused(TaskUpdateException.class, () -> model.update(stream, kernel, () -> {
            fits.launch(stream);
            fits.launch(stream);
        }), "the body launched 2 operators");
        refused(TaskUpdateException.class, () -> model.update(stream, kernel, () -> stream.copyAsync(x, y)),
                "Stream.copyAsync", "operator launches only");
        RuntimeException fromBody = new IllegalStateException("the body's own failure");
        assertEquals(fromBody, org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> model.update(stream, kernel, () -> {
                    throw fromBody;
                })));
        Model copying = stream.capture(CaptureMode.GLOBAL, s -> s.copyAsync(x, y));
        refused(TaskUpdateException.class, () -> copying.update(stream, copying.tasks().get(0),
                () -> fits.launch(stream)), "task 0 is a COPY task; only KERNEL tasks");
        Model another = counting(stream, y).model();
        ModelTask foreign = new ModelTask(0, 0, 7, ModelTask.Type.KERNEL, "inplaceAdds", List.of(), null, -1, -1, -1);
        refused(InvalidArgumentException.class, () -> another.update(stream, foreign, () -> fits.launch(stream)),
                "is not one of this model's tasks");
        refused(NullPointerException.class, () -> model.update(null, kernel, () -> { }),
                "Model.update: stream is null");
        refused(NullPointerException.class, () -> model.update(stream, null, () -> { }), "Model.update: task is null");
        refused(NullPointerException.class, () -> model.update(stream, kernel, null), "Model.update: body is null");
        try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
            refused(TaskUpdateException.class, () -> model.update(stream, kernel, () -> fits.launch(stream)),
                    "the stream is capturing");
        }
        model.execute(stream);
        assertEquals(1, read(device, x)[0], "nothing was changed: the model still adds 1");
        Stream closed = device.createStream();
        closed.close();
        refused(IllegalStateException.class, () -> model.update(closed, kernel, () -> fits.launch(closed)),
                "closed");
        fits.close();
        refused(IllegalStateException.class, () -> model.update(stream, kernel, () -> fits.launch(stream)),
                "closed");
        model.close();
        AddOperator late = adds(x, 3);
        refused(IllegalStateException.class, () -> model.update(stream, kernel, () -> late.launch(stream)),
                "closed");
        copying.close();
        another.close();
    }

    @Test
    void aRuntimeFailureIsTheUpdatesExceptionAndTheModelKeepsItsKernel() {
        Tensor x = zeros(4);
        Counting counting = counting(stream, x);
        AddOperator addFour = adds(x, 4);
        Simulator simulator = runtime.simulator();
        simulator.injectFault(Simulator.FaultPoint.STREAM_CREATE, 0, 1); // the scratch capture's stream
        ResourceExhaustedException thrown = refused(ResourceExhaustedException.class, 207008,
                () -> counting.model().update(stream, counting.kernel(), () -> addFour.launch(stream)),
                "Model.update failed");
        simulator.clearFaults();
        counting.model().execute(stream);
        assertEquals(1, read(device, x)[0], "the model still adds 1: " + thrown.getMessage());
        counting.model().update(stream, counting.kernel(), () -> addFour.launch(stream));
        counting.model().execute(stream);
        assertEquals(5, read(device, x)[0]);
        counting.model().close();
    }

    @Test
    void concurrentUpdatesAndReplaysFromSeveralThreadsLoseNothing() throws Exception {
        Tensor x = zeros(1024);
        Counting counting = counting(stream, x);
        AddOperator addTwo = adds(x, 2);
        int threads = 4;
        int rounds = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<Void> worker = () -> {
                    try (Stream own = device.createStream()) {
                        for (int i = 0; i < rounds; i++) {
                            counting.model().update(own, counting.kernel(), () -> addTwo.launch(own));
                            counting.model().executeAsync(own);
                        }
                        own.synchronize();
                    }
                    return null;
                };
                done.add(pool.submit(worker));
            }
            for (Future<Void> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        // Every replay ran, after the first update at the latest: each added 2.
        assertEquals(2.0f * threads * rounds, read(device, x)[1023]);
        counting.model().close();
    }
}
