package io.aclgraph4j;

import static io.aclgraph4j.TestSupport.floats;
import static io.aclgraph4j.TestSupport.read;
import static io.aclgraph4j.TestSupport.readLong;
import static io.aclgraph4j.TestSupport.refused;
import static io.aclgraph4j.TestSupport.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Across the graph boundary on the simulator: a replay that waits for an event recorded outside
 * the model, a replay that records an event other streams wait for, and value write/wait tasks,
 * eager and captured.
 */
@ExtendWith(NoNativeLeaks.class)
class GraphBoundaryTest {
    /** Long enough for a stream that could run to have run. */
    private static final long SETTLE_MS = 100;

    private AclRuntime runtime;
    private Device device;
    private Stream main;
    private Stream side;
    private Scalar one;

    @BeforeEach
    void open() {
        runtime = AclRuntime.open("sim");
        device = runtime.device(0);
        main = device.createStream();
        side = device.createStream();
        one = runtime.scalar(DataType.FLOAT, 1.0);
    }

    @AfterEach
    void close() {
        runtime.close();
        TestSupport.awaitCollectedViews(runtime::liveObjectCount);
        assertEquals(0, runtime.liveObjectCount(), runtime::liveObjects);
    }

    private void settle() throws InterruptedException {
        Thread.sleep(SETTLE_MS);
    }

    @Test
    void eagerValueTasksOrderTwoStreams() throws InterruptedException {
        DeviceBuffer flag = device.allocate(8);
        device.fill(flag, 0);
        Tensor x = floats(device, new float[] {1, 2}, 2);
        Tensor y = floats(device, new float[] {0, 0}, 2);
        try (AddOperator add = AddOperator.inplaceAdd(y, x, one)) {
            main.waitValueAsync(flag, 2, ValueCondition.GEQ);
            add.launch(main);
            settle();
            assertFalse(main.isComplete(), "held by the wait: the word is 0");
            side.writeValueAsync(flag, 1);
            side.synchronize();
            settle();
            assertFalse(main.isComplete(), "1 is below 2");
            side.writeValueAsync(flag, 2);
            main.synchronize();
        }
        assertArrayEquals(new float[] {1, 2}, read(device, y));
        assertEquals(2, readLong(device, flag));
    }

    @Test
    void aCapturedValueWaitHoldsEveryReplayUntilTheWordIsWritten() throws InterruptedException {
        DeviceBuffer flag = device.allocate(8);
        DeviceBuffer done = device.allocate(8);
        Tensor y = floats(device, new float[] {0}, 1);
        Model model;
        try (AddOperator add = AddOperator.inplaceAdds(y, one, one)) {
            model = main.capture(CaptureMode.GLOBAL, s -> {
                s.waitValueAsync(flag, 1, ValueCondition.EQ);
                add.launch(s);
                s.writeValueAsync(flag, 0); // consumes the go
                s.writeValueAsync(done, 7);
            });
        }
        for (int replay = 1; replay <= 2; replay++) {
            device.fill(flag, 0);
            device.fill(done, 0);
            model.executeAsync(main);
            settle();
            assertFalse(main.isComplete(), "replay " + replay + " waits for the word");
            assertEquals(0, readLong(device, done));
            side.writeValueAsync(flag, 1);
            main.synchronize();
            assertEquals(7, readLong(device, done));
            assertEquals(0, readLong(device, flag));
            assertArrayEquals(new float[] {replay}, read(device, y));
        }
        model.close();
    }

    @Test
    void aReplayWaitsForAnEventRecordedOutsideTheModel() throws InterruptedException {
        Event ready = device.createEvent();
        DeviceBuffer gate = device.allocate(8);
        device.fill(gate, 0);
        Tensor y = floats(device, new float[] {0}, 1);
        Model model;
        try (AddOperator add = AddOperator.inplaceAdds(y, one, one)) {
            model = main.capture(CaptureMode.GLOBAL, s -> {
                s.waitForExternal(ready);
                add.launch(s);
            });
        }
        // Outside: `side` is held by a value wait, then records the event.
        side.waitValueAsync(gate, 1, ValueCondition.EQ);
        ready.record(side);
        model.executeAsync(main);
        settle();
        assertFalse(main.isComplete(), "the replay waits for the record made before its launch");
        device.fill(gate, 0); // still 0: nothing moves
        try (Stream third = device.createStream()) {
            third.writeValueAsync(gate, 1);
            third.synchronize();
        }
        main.synchronize();
        assertArrayEquals(new float[] {1}, read(device, y));
        // Not recorded again: the next replay waits for the same record, which is done.
        model.execute(main);
        assertArrayEquals(new float[] {2}, read(device, y));
        model.close();
    }

    @Test
    void anotherStreamWaitsForTheEventAReplayRecords() throws InterruptedException {
        Event produced = device.createEvent();
        DeviceBuffer gate = device.allocate(8);
        device.fill(gate, 0);
        Tensor y = floats(device, new float[] {0}, 1);
        Tensor copy = floats(device, new float[] {-1}, 1);
        Model model;
        try (AddOperator add = AddOperator.inplaceAdds(y, one, one)) {
            model = main.capture(CaptureMode.GLOBAL, s -> {
                s.waitValueAsync(gate, 1, ValueCondition.EQ);
                add.launch(s);
                produced.recordExternal(s);
            });
        }
        model.executeAsync(main);
        side.waitFor(produced); // waits for this replay's record
        side.copyAsync(y, copy);
        settle();
        assertFalse(side.isComplete(), "the consumer waits for the replay");
        device.fill(gate, 0);
        try (Stream third = device.createStream()) {
            third.writeValueAsync(gate, 1);
            third.synchronize();
        }
        side.synchronize();
        main.synchronize();
        assertArrayEquals(new float[] {1}, read(device, copy), "the copy ran after the replay's add");
        model.close();
    }

    @Test
    void misuseIsRefused() {
        Event event = device.createEvent();
        DeviceBuffer word = device.allocate(16);
        refused(IllegalStateException.class, () -> event.recordExternal(main), "Event.recordExternal",
                "is not capturing");
        refused(InvalidArgumentException.class, () -> main.writeValueAsync(word, 1), "Stream.writeValueAsync",
                "16 bytes, not 8");
        try (HostBuffer host = device.allocateHost(8)) {
            refused(InvalidArgumentException.class, () -> main.waitValueAsync(host, 1, ValueCondition.EQ),
                    "host memory");
        }
        Tensor misaligned = word.view(DataType.INT32, new long[] {2}, null, 1); // bytes 4 to 12
        refused(InvalidArgumentException.class, () -> main.writeValueAsync(misaligned, 1), "Stream.writeValueAsync",
                "multiple of 8");
        try (Capture capture = main.beginCapture(CaptureMode.GLOBAL)) {
            event.recordExternal(main);
            AclException refusedTwice = refused(AclException.class, () -> main.waitForExternal(event),
                    "Stream.waitForExternal", "both");
            assertTrue(refusedTwice.code() > 0, "the runtime's refusal: " + refusedTwice);
            Condition condition = capture.condition();
            capture.ifThen(condition, body -> refused(IllegalStateException.class,
                    () -> event.recordExternal(body.stream()), "bodies of conditional tasks take none"));
            capture.end().close();
        }
    }
}
