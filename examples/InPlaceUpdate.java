// Shows a model whose operands change between replays without capturing again: the captured
// kernel sits in a task group, and TaskGroup.update swaps in an operator of the same shape with
// other operands (here another alpha). An update is a task of its stream: issued on the stream
// the model replays on while replays are still queued, it takes effect after them, and the
// replays issued after it see it, with no host synchronisation in between.
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
import io.aclgraph4j.Scalar;
import io.aclgraph4j.Stream;
import io.aclgraph4j.TaskGroup;
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
            TaskGroup group;
            Model model;
            try (Capture capture = main.beginCapture(CaptureMode.GLOBAL)) {
                group = capture.taskGroup(() -> scale[0].launch(main));
                main.copyAsync(out, host);
                model = capture.end();
            }
            for (int i = 0; i < scale.length; i++) {
                AddOperator next = scale[i];
                group.update(main, () -> next.launch(main));
                model.execute(main); // replays (after the update) and waits, to print the result
                System.out.println("alpha " + (i + 1) + ": out = " + Arrays.toString(host.toFloatArray()));
            }

            // Pipelined: 30 replays of an in-place x += alpha, each preceded by an update that
            // changes alpha, all queued without waiting; one synchronisation at the end.
            Tensor counter = device.tensor(DataType.FLOAT, 4);
            device.fill(counter, 0);
            AddOperator[] add = new AddOperator[3];
            for (int i = 0; i < add.length; i++) {
                add[i] = AddOperator.inplaceAdds(counter, runtime.scalar(DataType.FLOAT, i + 1), one);
            }
            TaskGroup counting;
            Model accumulate;
            try (Capture capture = main.beginCapture(CaptureMode.GLOBAL)) {
                counting = capture.taskGroup(() -> add[0].launch(main));
                accumulate = capture.end();
            }
            float expected = 0;
            for (int i = 0; i < 30; i++) {
                AddOperator next = add[i % 3];
                counting.update(main, () -> next.launch(main)); // stream order: after the replays before it
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
