package io.aclgraph4j;

import static io.aclgraph4j.TestSupport.read;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A task update issued while replays are queued takes effect after them, and the replays issued
 * after it see it: ordered on the device (events), with no host synchronisation in between.
 */
@ExtendWith(NoNativeLeaks.class)
class UpdateOrderTest {
    private static final int ELEMENTS = 1 << 16; // slow enough replays that a racing update would land inside them

    private AclRuntime runtime;
    private Device device;

    @BeforeEach
    void open() {
        runtime = AclRuntime.open("sim");
        device = runtime.device(0);
    }

    @AfterEach
    void close() {
        runtime.close();
        TestSupport.awaitCollectedViews(runtime::liveObjectCount);
        assertEquals(0, runtime.liveObjectCount(), runtime::liveObjects);
    }

    @Test
    void updatesOnAnotherStreamFallBetweenTheReplaysIssuedBeforeAndAfterThem() {
        Stream main = device.createStream();
        Stream updater = device.createStream();
        Tensor x = device.tensor(DataType.FLOAT, ELEMENTS);
        device.fill(x, 0);
        Scalar one = runtime.scalar(DataType.FLOAT, 1.0);
        AddOperator[] adds = new AddOperator[3];
        for (int i = 0; i < adds.length; i++) {
            adds[i] = AddOperator.inplaceAdds(x, runtime.scalar(DataType.FLOAT, i + 1), one);
        }
        TaskGroup group;
        Model model;
        try (Capture capture = main.beginCapture(CaptureMode.GLOBAL)) {
            group = capture.taskGroup(() -> adds[0].launch(main));
            model = capture.end();
        }
        double expected = 0;
        int current = 0;
        for (int round = 0; round < 12; round++) {
            for (int replay = 0; replay < 4; replay++) {
                model.executeAsync(main);
                expected += current + 1;
            }
            current = (current + 1) % adds.length;
            AddOperator next = adds[current];
            group.update(updater, () -> next.launch(updater)); // no synchronisation anywhere
        }
        model.executeAsync(main);
        expected += current + 1;
        main.synchronize();
        updater.synchronize();
        float[] values = read(device, x);
        assertEquals((float) expected, values[0], "every replay added the alpha of the latest update before it");
        assertEquals((float) expected, values[ELEMENTS - 1]);
    }

    @Test
    void anUpdateOnTheReplayStreamIsOrderedByTheStreamAlone() {
        Stream main = device.createStream();
        Tensor x = device.tensor(DataType.FLOAT, ELEMENTS);
        device.fill(x, 0);
        Scalar one = runtime.scalar(DataType.FLOAT, 1.0);
        AddOperator addOne = AddOperator.inplaceAdds(x, one, one);
        AddOperator addTen = AddOperator.inplaceAdds(x, runtime.scalar(DataType.FLOAT, 10.0), one);
        TaskGroup group;
        Model model;
        try (Capture capture = main.beginCapture(CaptureMode.GLOBAL)) {
            group = capture.taskGroup(() -> addOne.launch(main));
            model = capture.end();
        }
        model.executeAsync(main);
        model.executeAsync(main);
        group.update(main, () -> addTen.launch(main));
        model.executeAsync(main);
        main.synchronize();
        assertEquals(12f, read(device, x)[0]);
    }
}
