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

import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Across the graph boundary on the simulator: a replay that waits for an event recorded outside
 * the model, a replay that records an event other streams wait for, and value write/wait tasks,
 * eager and captured.
 */
class GraphBoundaryTest extends SimulatorTest {
    /** Long enough for a stream that could run to have run. */
    private static final long SETTLE_MS = 100;

    private Stream side;
    /** One FLOAT 0 that the captured adds count up. */
    private Tensor counter;

    @BeforeEach
    void openSide() {
        side = device.createStream();
        counter = floats(device, new float[] {0}, 1);
    }

    private void settle() throws InterruptedException {
        Thread.sleep(SETTLE_MS);
    }

    /** An 8-byte word of device memory holding 0, for value writes and waits. */
    private DeviceBuffer zeroWord() {
        DeviceBuffer word = device.allocate(8);
        device.fill(word, 0);
        return word;
    }

    /**
     * Captures on the stream: {@code before}, counter += 1, {@code after} (the add's operator is closed,
     * the model keeps it).
     */
    private Model captureAddOne(Consumer<Stream> before, Consumer<Stream> after) {
        try (AddOperator add = AddOperator.inplaceAdds(counter, one, one)) {
            return stream.capture(CaptureMode.GLOBAL, s -> {
                before.accept(s);
                add.launch(s);
                after.accept(s);
            });
        }
    }

    /** Fills {@code gate} with 0 again from the host (that releases nothing), then writes 1 from another stream. */
    private void openFromThirdStream(DeviceBuffer gate) {
        device.fill(gate, 0); // still 0: nothing moves
        try (Stream third = device.createStream()) {
            third.writeValueAsync(gate, 1);
            third.synchronize();
        }
    }

    @Test
    void eagerValueTasksOrderTwoStreams() throws InterruptedException {
        DeviceBuffer flag = zeroWord();
        Tensor x = floats(device, new float[] {1, 2}, 2);
        Tensor y = floats(device, new float[] {0, 0}, 2);
        try (AddOperator add = AddOperator.inplaceAdd(y, x, one)) {
            stream.waitValueAsync(flag, 2, ValueCondition.GEQ);
            add.launch(stream);
            settle();
            assertFalse(stream.isComplete(), "held by the wait: the word is 0");
            side.writeValueAsync(flag, 1);
            side.synchronize();
            settle();
            assertFalse(stream.isComplete(), "1 is below 2");
            side.writeValueAsync(flag, 2);
            stream.synchronize();
        }
        assertArrayEquals(new float[] {1, 2}, read(device, y));
        assertEquals(2, readLong(device, flag));
    }

    @Test
    void aCapturedValueWaitHoldsEveryReplayUntilTheWordIsWritten() throws InterruptedException {
        DeviceBuffer flag = device.allocate(8);
        DeviceBuffer done = device.allocate(8);
        Model model = captureAddOne(s -> s.waitValueAsync(flag, 1, ValueCondition.EQ), s -> {
            s.writeValueAsync(flag, 0); // consumes the go
            s.writeValueAsync(done, 7);
        });
        for (int replay = 1; replay <= 2; replay++) {
            device.fill(flag, 0);
            device.fill(done, 0);
            model.executeAsync(stream);
            settle();
            assertFalse(stream.isComplete(), "replay " + replay + " waits for the word");
            assertEquals(0, readLong(device, done));
            side.writeValueAsync(flag, 1);
            stream.synchronize();
            assertEquals(7, readLong(device, done));
            assertEquals(0, readLong(device, flag));
            assertArrayEquals(new float[] {replay}, read(device, counter));
        }
        model.close();
    }

    @Test
    void aReplayWaitsForAnEventRecordedOutsideTheModel() throws InterruptedException {
        Event ready = device.createEvent();
        DeviceBuffer gate = zeroWord();
        Model model = captureAddOne(s -> s.waitForExternal(ready), s -> { });
        // Outside: `side` is held by a value wait, then records the event.
        side.waitValueAsync(gate, 1, ValueCondition.EQ);
        ready.record(side);
        model.executeAsync(stream);
        settle();
        assertFalse(stream.isComplete(), "the replay waits for the record made before its launch");
        openFromThirdStream(gate);
        stream.synchronize();
        assertArrayEquals(new float[] {1}, read(device, counter));
        // Not recorded again: the next replay waits for the same record, which is done.
        model.execute(stream);
        assertArrayEquals(new float[] {2}, read(device, counter));
        model.close();
    }

    @Test
    void anotherStreamWaitsForTheEventAReplayRecords() throws InterruptedException {
        Event produced = device.createEvent();
        DeviceBuffer gate = zeroWord();
        Tensor copy = floats(device, new float[] {-1}, 1);
        Model model = captureAddOne(s -> s.waitValueAsync(gate, 1, ValueCondition.EQ), produced::recordExternal);
        model.executeAsync(stream);
        side.waitFor(produced); // waits for this replay's record
        side.copyAsync(counter, copy);
        settle();
        assertFalse(side.isComplete(), "the consumer waits for the replay");
        openFromThirdStream(gate);
        side.synchronize();
        stream.synchronize();
        assertArrayEquals(new float[] {1}, read(device, copy), "the copy ran after the replay's add");
        model.close();
    }

    @Test
    void misuseIsRefused() {
        Event event = device.createEvent();
        DeviceBuffer word = device.allocate(16);
        refused(IllegalStateException.class, () -> event.recordExternal(stream), "Event.recordExternal",
                "is not capturing");
        refused(InvalidArgumentException.class, () -> stream.writeValueAsync(word, 1), "Stream.writeValueAsync",
                "16 bytes, not 8");
        try (HostBuffer host = device.allocateHost(8)) {
            refused(InvalidArgumentException.class, () -> stream.waitValueAsync(host, 1, ValueCondition.EQ),
                    "host memory");
        }
        Tensor misaligned = word.view(DataType.INT32, new long[] {2}, null, 1); // bytes 4 to 12
        refused(InvalidArgumentException.class, () -> stream.writeValueAsync(misaligned, 1), "Stream.writeValueAsync",
                "multiple of 8");
        try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
            event.recordExternal(stream);
            AclException refusedTwice = refused(AclException.class, () -> stream.waitForExternal(event),
                    "Stream.waitForExternal", "both");
            assertTrue(refusedTwice.code() > 0, "the runtime's refusal: " + refusedTwice);
            Condition condition = capture.condition();
            capture.ifThen(condition, body -> refused(IllegalStateException.class,
                    () -> event.recordExternal(body.stream()), "bodies of conditional tasks take none"));
            capture.end().close();
        }
    }
}
