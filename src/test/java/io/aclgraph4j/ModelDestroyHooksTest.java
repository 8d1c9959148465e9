package io.aclgraph4j;

import static io.aclgraph4j.TestSupport.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Model.onDestroy on the simulator: when the callbacks run, on which thread, and once. */
@ExtendWith(NoNativeLeaks.class)
class ModelDestroyHooksTest {

    @Test
    void aCallbackRunsOnceTheModelIsClosedAndItsLastReplayIsOver() {
        List<String> ran = new CopyOnWriteArrayList<>();
        try (AclRuntime runtime = AclRuntime.open("sim")) {
            Device device = runtime.device(0);
            Stream stream = device.createStream();
            Tensor x = device.tensor(DataType.FLOAT, 1024);
            AddOperator increment = AddOperator.inplaceAdds(x, runtime.scalar(DataType.FLOAT, 1.0),
                    runtime.scalar(DataType.FLOAT, 1.0));
            Model model = stream.capture(CaptureMode.GLOBAL, increment::launch);
            model.onDestroy(() -> ran.add("model on " + Thread.currentThread().getName()));
            model.execute(stream);
            stream.synchronize();
            assertEquals(List.of(), ran, "open: not destroyed");
            for (int i = 0; i < 50; i++) {
                model.executeAsync(stream); // replays in flight keep the model after its close
            }
            model.close();
            stream.synchronize();
            assertEquals(List.of("model on " + Thread.currentThread().getName()), ran,
                    "run once, on the thread whose call let the model go");
            refused(IllegalStateException.class, () -> model.onDestroy(() -> { }), "is closed");

            // Closing the runtime destroys the models left: their callbacks run in its close.
            Model kept = stream.capture(CaptureMode.GLOBAL, increment::launch);
            kept.onDestroy(() -> ran.add("kept"));
            kept.onDestroy(() -> {
                throw new IllegalStateException("logged, not thrown");
            });
            kept.onDestroy(() -> ran.add("kept again"));
        }
        assertEquals(3, ran.size(), ran::toString);
        assertTrue(ran.containsAll(List.of("kept", "kept again")), ran::toString);
    }
}
