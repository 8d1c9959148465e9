// Shows a model whose operands change between replays without capturing again: Model.update swaps
// an operator of the same shape with other operands (here another alpha) into one of the model's
// kernel tasks (from model.tasks()). On a backend with CANN 9.1's task calls any kernel can be
// updated (aclmdlRITaskSetParams); a kernel that is alone in a task group is updated through the
// group on any backend. Issued on the stream the model replays on while replays are still queued,
// an update takes effect after them and the replays issued after it see it, with no
// synchronisation in between.
//
// Run: java -cp target/aclgraph4j.jar:target/lib/javacpp.jar examples/InPlaceUpdate.java
import io.aclgraph4j.AclRuntime;
import io.aclgraph4j.AddOperator;
import io.aclgraph4j.Capture;
import io.aclgraph4j.CaptureMode;
import io.aclgraph4j.DataType;
import io.aclgraph4j.Device;
import io.aclgraph4j.HostBuffer;
import io.aclgraph4j.Model;
import io.aclgraph4j.ModelTask;
import io.aclgraph4j.Scalar;
import io.aclgraph4j.Stream;
import io.aclgraph4j.Tensor;
import java.util.Arrays;

public class InPlaceUpdate {
    public static void main(String[] args) {
        try (AclRuntime runtime = AclRuntime.open();
             Device device = runtime.device(0);
             Stream main = device.createStream()) {
            Tensor x = device.tensor(DataType.FLOAT, 4);
            Tensor out = device.tensor(DataType.FLOAT, 4);
            HostBuffer host = device.allocateHost(x.byteSize());
            host.write(new float[] {1, 2, 3, 4});
            device.copy(host, x);
            Scalar one = runtime.scalar(DataType.FLOAT, 1.0);
            // out = x + alpha * x for alpha 1, 2, 3: three operators of the same shape.
            AddOperator[] scale = new AddOperator[3];
            for (int i = 0; i < scale.length; i++) {
                scale[i] = AddOperator.add(x, x, runtime.scalar(DataType.FLOAT, i + 1), out);
            }
            Model model;
            try (Capture capture = main.beginCapture(CaptureMode.GLOBAL)) {
                scale[0].launch(main);
                main.copyAsync(out, host);
                model = capture.end();
            }
            ModelTask kernel = model.tasks().get(0); // KERNEL add(FLOAT[4], FLOAT[4], FLOAT 1.0, FLOAT[4])
            for (int i = 0; i < scale.length; i++) {
                AddOperator next = scale[i];
                model.update(main, kernel, () -> next.launch(main));
                model.execute(main); // replays (after the update) and waits, to print the result
                System.out.println("alpha " + (i + 1) + ": out = " + Arrays.toString(host.toFloatArray()));
            }

            // Pipelined: 30 replays of an in-place x += alpha, each preceded by an update that
            // changes alpha, all queued without waiting; one synchronisation at the end. The kernel
            // is alone in a task group, so each update is a task of the stream, ordered on the
            // device (through the task calls, a replay would wait until the update before it ran).
            Tensor counter = device.tensor(DataType.FLOAT, 4);
            device.fill(counter, 0);
            AddOperator[] add = new AddOperator[3];
            for (int i = 0; i < add.length; i++) {
                add[i] = AddOperator.inplaceAdds(counter, runtime.scalar(DataType.FLOAT, i + 1), one);
            }
            Model accumulate;
            try (Capture capture = main.beginCapture(CaptureMode.GLOBAL)) {
                capture.taskGroup(() -> add[0].launch(main));
                accumulate = capture.end();
            }
            ModelTask counting = accumulate.tasks().stream()
                    .filter(task -> task.type() == ModelTask.Type.KERNEL).findFirst().orElseThrow();
            float expected = 0;
            for (int i = 0; i < 30; i++) {
                AddOperator next = add[i % 3];
                accumulate.update(main, counting, () -> next.launch(main)); // after the replays before it
                accumulate.executeAsync(main);
                expected += i % 3 + 1;
            }
            main.synchronize();
            device.copy(counter, host);
            System.out.println("pipelined: 30 updates and replays, counter = " + host.toFloatArray()[0]
                    + " (expected " + expected + ")");
            model.close();
            accumulate.close();
        }
    }
}
