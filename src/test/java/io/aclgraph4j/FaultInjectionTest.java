package io.aclgraph4j;

import static io.aclgraph4j.TestSupport.assertFloats;
import static io.aclgraph4j.TestSupport.filled;
import static io.aclgraph4j.TestSupport.floats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.aclgraph4j.Simulator.FaultPoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator's faults at every point of the seed flow and of a multi-stream capture with a
 * task group: for each fault point and each position {@code k} (the first {@code k} operations at
 * that point succeed, the next fails) the flow runs until the fault fires; the caller must get the
 * documented exception (ResourceExhaustedException for allocations, streams and task submission,
 * AclException with the runtime's code for a failing kernel), the stream must not be left
 * capturing, the same stream must then run the flow again to the right values, and every object
 * the failed flow made must be freed.
 */
class FaultInjectionTest extends SimulatorTest {
    /** More operations than any flow makes at one point: the sweep must end before it. */
    private static final int MAX_POSITIONS = 64;

    private Simulator simulator;
    private long baseline;

    @BeforeEach
    void armable() {
        simulator = runtime.simulator();
        baseline = runtime.liveObjectCount();
    }

    @AfterEach
    void disarm() {
        simulator.clearFaults();
    }

    @Test
    void everyFaultOfTheSeedFlowWithTheScopeForm() {
        Map<FaultPoint, Integer> fired = sweep("seed flow (scope form)", () -> seedFlow(false), seedFlowValues());
        assertSweepCovered(fired, Map.of(FaultPoint.DEVICE_ALLOC, 3, FaultPoint.HOST_ALLOC, 2,
                FaultPoint.TASK_SUBMIT, 3 + 8, FaultPoint.KERNEL_EXEC, 8, FaultPoint.STREAM_CREATE, 1));
    }

    @Test
    void everyFaultOfTheSeedFlowWithTheLambdaForm() {
        Map<FaultPoint, Integer> fired = sweep("seed flow (lambda form)", () -> seedFlow(true), seedFlowValues());
        assertSweepCovered(fired, Map.of(FaultPoint.DEVICE_ALLOC, 3, FaultPoint.HOST_ALLOC, 2,
                FaultPoint.TASK_SUBMIT, 3 + 8, FaultPoint.KERNEL_EXEC, 8, FaultPoint.STREAM_CREATE, 1));
    }

    @Test
    void everyFaultOfAForkJoinCaptureWithATaskGroup() {
        Map<FaultPoint, Integer> fired = sweep("fork/join capture", this::forkJoinFlow, new float[] {3, 3, 12, 12});
        // 3 tensors; 2 host buffers of floats() and the result's; records, kernels and the copy in the
        // capture plus 2 replays; 3 kernels per replay; the side stream and the capture's stream.
        assertSweepCovered(fired, Map.of(FaultPoint.DEVICE_ALLOC, 3, FaultPoint.HOST_ALLOC, 3,
                FaultPoint.TASK_SUBMIT, 6 + 2, FaultPoint.KERNEL_EXEC, 6, FaultPoint.STREAM_CREATE, 2));
    }

    @Test
    void aFailedEagerKernelIsReportedOnceAndTheStreamGoesOn() {
        try (Tensor x = floats(device, new float[] {1, 2, 3, 4}, 4);
             AddOperator increment = AddOperator.inplaceAdds(x, one, one)) {
            simulator.injectFault(FaultPoint.KERNEL_EXEC, 1, 1);
            increment.launch(stream); // runs
            increment.launch(stream); // fails on the device
            increment.launch(stream); // runs: a failed task does not stop the stream
            AclException failure = assertThrows(AclException.class, stream::synchronize);
            assertEquals(AclException.class, failure.getClass());
            assertEquals(507000, failure.code());
            assertTrue(failure.getMessage().contains("injected fault"), failure.getMessage());
            stream.synchronize(); // reported once
            assertFloats(new float[] {3, 4, 5, 6}, TestSupport.read(device, x), "two of three increments ran");
            simulator.injectFault(FaultPoint.KERNEL_EXEC, 0, 1);
            AddOperator.addOnce(stream, x, x, one, x);
            assertEquals(507000, assertThrows(AclException.class, stream::synchronize).code());
        }
        assertEquals(baseline, runtime.liveObjectCount(), runtime::liveObjects);
    }

    @Test
    void aFailedTaskInsideACaptureInvalidatesItAndItsEndSaysSo() {
        try (Tensor x = device.tensor(DataType.FLOAT, 4);
             HostBuffer host = device.allocateHost(16);
             AddOperator increment = AddOperator.inplaceAdds(x, one, one)) {
            Capture capture = stream.beginCapture(CaptureMode.THREAD_LOCAL);
            simulator.injectFault(FaultPoint.TASK_SUBMIT, 1, 1);
            stream.copyAsync(host, x);
            ResourceExhaustedException failed = assertThrows(ResourceExhaustedException.class,
                    () -> increment.launch(stream));
            assertEquals(207005, failed.code());
            assertEquals(CaptureStatus.INVALIDATED, capture.status());
            // Like the device's (Stream::IsCapturing counts an invalidated capture), later tasks are
            // accepted; the capture's end reports the failure.
            stream.copyAsync(x, host);
            CaptureException end = assertThrows(CaptureException.class, capture::end);
            assertEquals(507903, end.code());
            assertEquals(CaptureStatus.NONE, stream.captureStatus());
            capture.close();
            host.write(new float[] {1, 1, 1, 1});
            TestSupport.captureAndReplay(stream, CaptureMode.THREAD_LOCAL, host, x, increment, 2);
            assertFloats(filled(4, 3), host.toFloatArray(), "a fresh capture after the invalidated one");
        }
        assertEquals(baseline, runtime.liveObjectCount(), runtime::liveObjects);
    }

    // ---- the sweep ----

    /**
     * For every fault point, arms the fault at positions 0, 1, 2, ... and runs {@code flow} until
     * a run completes without the fault firing (it then must give {@code expected}). Returns how
     * many positions fired per point.
     */
    private Map<FaultPoint, Integer> sweep(String name, Supplier<float[]> flow, float[] expected) {
        Map<FaultPoint, Integer> fired = new EnumMap<>(FaultPoint.class);
        for (FaultPoint point : FaultPoint.values()) {
            int position = 0;
            while (true) {
                if (position == MAX_POSITIONS) {
                    fail(name + ": a fault at " + point + " still fired at position " + position);
                }
                String where = name + ", " + point + " at position " + position;
                simulator.injectFault(point, position, 1);
                float[] values;
                try {
                    values = flow.get();
                } catch (RuntimeException failure) {
                    simulator.clearFaults();
                    checkFailure(where, point, failure);
                    recovered(where, flow, expected);
                    position++;
                    continue;
                } finally {
                    simulator.clearFaults();
                }
                assertFloats(expected, values, where + " (the fault did not fire)");
                assertEquals(baseline, runtime.liveObjectCount(), () -> where + ": leaked\n" + runtime.liveObjects());
                break;
            }
            fired.put(point, position);
        }
        return fired;
    }

    private void checkFailure(String where, FaultPoint point, RuntimeException failure) {
        String message = failure.getMessage();
        switch (point) {
            case DEVICE_ALLOC, HOST_ALLOC -> expect(where, failure, ResourceExhaustedException.class, 207001);
            case STREAM_CREATE -> expect(where, failure, ResourceExhaustedException.class, 207008);
            case TASK_SUBMIT -> {
                expect(where, failure, ResourceExhaustedException.class, 207005);
                if (message.contains("the capture is invalidated")) {
                    // Leaving the capture scope by the exception discards the invalidated capture.
                    List<Throwable> suppressed = Arrays.asList(failure.getSuppressed());
                    assertEquals(1, suppressed.size(), where + ": " + suppressed);
                    CaptureException end = assertInstanceOf(CaptureException.class, suppressed.get(0), where);
                    assertEquals(507903, end.code(), where);
                }
            }
            case KERNEL_EXEC -> {
                expect(where, failure, AclException.class, 507000);
                assertEquals(AclException.class, failure.getClass(), where + ": a failed kernel is no argument error");
            }
        }
        assertTrue(message.contains("injected fault"), () -> where + ": the message hides the cause: " + message);
        assertEquals(CaptureStatus.NONE, stream.captureStatus(), where + ": the stream was left capturing");
        assertEquals(baseline, runtime.liveObjectCount(), () -> where + ": the failed flow leaked\n"
                + runtime.liveObjects());
    }

    private static void expect(String where, RuntimeException failure, Class<? extends AclException> type, int code) {
        if (!type.isInstance(failure) || ((AclException) failure).code() != code) {
            throw new AssertionError(where + ": expected " + type.getSimpleName() + " with code " + code + ", got "
                    + failure, failure);
        }
    }

    /** The same stream runs the whole flow again, without faults, to the right values. */
    private void recovered(String where, Supplier<float[]> flow, float[] expected) {
        float[] values = flow.get();
        assertFloats(expected, values, where + ": the flow after the fault");
        assertEquals(baseline, runtime.liveObjectCount(), () -> where + ": leaked\n" + runtime.liveObjects());
    }

    private static void assertSweepCovered(Map<FaultPoint, Integer> fired, Map<FaultPoint, Integer> atLeast) {
        for (Map.Entry<FaultPoint, Integer> expected : atLeast.entrySet()) {
            int count = fired.get(expected.getKey());
            assertTrue(count >= expected.getValue(), () -> expected.getKey() + " fired at " + count
                    + " positions, expected at least " + expected.getValue() + ": " + fired);
        }
    }

    // ---- the flows ----

    private static float[] seedFlowValues() {
        float[] values = new float[8];
        for (int i = 0; i < 8; i++) {
            values[i] = 1.1f * (i + 1);
        }
        return values;
    }

    /** The seed: capture copy-in, add, copy-out; replay 8 times; the value after each replay. */
    private float[] seedFlow(boolean lambdaForm) {
        try (SeedOperands seed = new SeedOperands(runtime, device)) {
            HostBuffer selfHost = seed.selfHost;
            device.copy(seed.otherHost, seed.other);
            Consumer<Stream> body = s -> {
                s.copyAsync(selfHost, seed.self);
                seed.add.launch(s);
                s.copyAsync(seed.out, selfHost);
            };
            Model model;
            if (lambdaForm) {
                model = stream.capture(CaptureMode.GLOBAL, body);
            } else {
                try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
                    body.accept(stream);
                    model = capture.end();
                }
            }
            try (model) {
                float[] values = new float[8];
                for (int replay = 0; replay < 8; replay++) {
                    model.executeAsync(stream);
                    stream.synchronize();
                    float[] host = selfHost.toFloatArray();
                    for (float value : host) {
                        assertEquals(host[0], value, "every element is the same");
                    }
                    values[replay] = host[0];
                }
                return values;
            }
        }
    }

    /**
     * main forks b += 2 to a side stream, runs a += 1 as a task group, joins, c = a + b, copies c
     * out; replays; updates the group to a += 10; replays. Returns c[0] and c[3] after each replay.
     */
    private float[] forkJoinFlow() {
        try (Stream side = device.createStream();
             Event fork = device.createEvent();
             Event join = device.createEvent();
             Tensor a = floats(device, new float[4], 4);
             Tensor b = floats(device, new float[4], 4);
             Tensor c = device.tensor(DataType.FLOAT, 4);
             HostBuffer host = device.allocateHost(16);
             Scalar two = runtime.scalar(DataType.FLOAT, 2.0);
             Scalar ten = runtime.scalar(DataType.FLOAT, 10.0);
             AddOperator incrementA = AddOperator.inplaceAdds(a, one, one);
             AddOperator addTwoToB = AddOperator.inplaceAdds(b, two, one);
             AddOperator addTenToA = AddOperator.inplaceAdds(a, ten, one);
             AddOperator sum = AddOperator.add(a, b, one, c)) {
            TaskGroup group;
            Model model;
            try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
                fork.record(stream);
                side.waitFor(fork);
                addTwoToB.launch(side);
                group = capture.taskGroup(() -> incrementA.launch(stream));
                join.record(side);
                stream.waitFor(join);
                sum.launch(stream);
                stream.copyAsync(c, host);
                model = capture.end();
            }
            List<Float> values = new ArrayList<>();
            try (model; group) {
                model.execute(stream);
                values.add(host.toFloatArray()[0]);
                values.add(host.toFloatArray()[3]);
                device.fill(a, 0);
                device.fill(b, 0);
                group.update(side, () -> addTenToA.launch(side));
                side.synchronize();
                model.execute(stream);
                values.add(host.toFloatArray()[0]);
                values.add(host.toFloatArray()[3]);
            }
            float[] result = new float[values.size()];
            for (int i = 0; i < result.length; i++) {
                result[i] = values.get(i);
            }
            return result;
        }
    }
}
