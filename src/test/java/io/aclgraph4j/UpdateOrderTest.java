package io.aclgraph4j;

import static io.aclgraph4j.TestSupport.assertUpdatesFollowStreamOrder;

import org.junit.jupiter.api.Test;

/**
 * A task update issued on the replay stream while replays are queued takes effect after them, and
 * the replays issued after it see it: stream order, no host synchronisation in between.
 */
class UpdateOrderTest extends SimulatorTest {
    private static final int ELEMENTS = 1 << 16; // slow enough replays that an unordered update would land inside them

    @Test
    void anUpdateOnTheReplayStreamIsOrderedByTheStreamAlone() {
        Stream main = device.createStream();
        Tensor x = device.tensor(DataType.FLOAT, ELEMENTS);
        device.fill(x, 0);
        AddOperator addOne = AddOperator.inplaceAdds(x, one, one);
        AddOperator addTen = AddOperator.inplaceAdds(x, runtime.scalar(DataType.FLOAT, 10.0), one);
        TaskGroup group;
        Model model;
        try (Capture capture = main.beginCapture(CaptureMode.GLOBAL)) {
            group = capture.taskGroup(() -> addOne.launch(main));
            model = capture.end();
        }
        assertUpdatesFollowStreamOrder(device, main, model, x, addOne, addTen,
                next -> group.update(main, () -> next.launch(main))); // no synchronisation anywhere
    }
}
