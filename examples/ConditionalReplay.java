// Shows conditional sub-graphs (CANN 9.1): a WHILE loop whose body counts a device counter down
// and copies it into the loop's condition, so the graph itself decides how often the body runs;
// and an IF/ELSE whose branch the host picks between replays by setting the condition. Bodies
// are Java lambdas given a Body: its stream takes the body's tasks, and it can nest more
// branches. What the bodies use is kept until the model is closed. The loop's model is printed
// (its bodies' tasks under their conditional task) and drawn into conditional.dot in the working
// folder (render: dot -Tsvg conditional.dot -o conditional.svg).
//
// Run: java -cp target/aclgraph4j.jar:target/lib/javacpp.jar examples/ConditionalReplay.java
import io.aclgraph4j.AclRuntime;
import io.aclgraph4j.AddOperator;
import io.aclgraph4j.Capture;
import io.aclgraph4j.CaptureMode;
import io.aclgraph4j.Condition;
import io.aclgraph4j.DataType;
import io.aclgraph4j.Device;
import io.aclgraph4j.HostBuffer;
import io.aclgraph4j.Model;
import io.aclgraph4j.Scalar;
import io.aclgraph4j.Stream;
import io.aclgraph4j.Tensor;
import java.nio.file.Path;
import java.util.Arrays;

public class ConditionalReplay {
    public static void main(String[] args) {
        try (AclRuntime runtime = AclRuntime.open();
             Device device = runtime.device(0);
             Stream main = device.createStream()) {
            System.out.println("backend features: " + runtime.features());
            Tensor x = device.tensor(DataType.FLOAT, 4);
            Tensor sum = device.tensor(DataType.FLOAT, 4);
            Tensor counter = device.tensor(DataType.INT64, 1);
            HostBuffer host = device.allocateHost(x.byteSize());
            HostBuffer count = device.allocateHost(8);
            host.write(new float[] {1, 2, 3, 4});
            device.copy(host, x);
            Scalar one = runtime.scalar(DataType.FLOAT, 1.0);
            Scalar minusOne = runtime.scalar(DataType.INT64, -1L);
            Scalar oneLong = runtime.scalar(DataType.INT64, 1L);

            // WHILE: sum += x, counter -= 1, as long as the counter is not 0.
            Model loop;
            Condition more;
            try (Capture capture = main.beginCapture(CaptureMode.GLOBAL)) {
                main.fillAsync(sum, 0);
                more = capture.condition();
                more.copyFromAsync(main, counter); // the counter the host set decides the first test
                capture.whileLoop(more, body -> {
                    Stream s = body.stream();
                    try (AddOperator accumulate = AddOperator.inplaceAdd(sum, x, one);
                         AddOperator decrement = AddOperator.inplaceAdds(counter, minusOne, oneLong)) {
                        accumulate.launch(s);
                        decrement.launch(s);
                    } // closed here; the model keeps them
                    more.copyFromAsync(s, counter); // the next test sees the new count
                });
                main.copyAsync(sum, host);
                loop = capture.end();
            }
            System.out.print(loop.debugPrint());
            loop.toDot(Path.of("conditional.dot"));
            System.out.println("wrote conditional.dot");
            for (long n : new long[] {3, 0, 5}) {
                count.write(new long[] {n});
                device.copy(count, counter);
                loop.execute(main);
                System.out.println("while counter > 0 (from " + n + "): sum = " + Arrays.toString(host.toFloatArray())
                        + ", condition left at " + more.get());
            }

            // IF/ELSE: double x or negate it, picked from the host between replays.
            Tensor out = device.tensor(DataType.FLOAT, 4);
            Model branch;
            Condition doubling;
            try (Capture capture = main.beginCapture(CaptureMode.GLOBAL)) {
                doubling = capture.condition();
                capture.ifElse(doubling, then -> {
                    try (AddOperator twice = AddOperator.add(x, x, one, out)) {
                        twice.launch(then.stream());
                    }
                }, otherwise -> {
                    try (Scalar minusTwo = runtime.scalar(DataType.FLOAT, -2.0);
                         AddOperator negate = AddOperator.add(x, x, minusTwo, out)) {
                        negate.launch(otherwise.stream());
                    }
                });
                main.copyAsync(out, host);
                branch = capture.end();
            }
            for (long choice : new long[] {1, 0}) {
                doubling.set(choice);
                branch.execute(main);
                System.out.println("if/else with condition " + choice + ": out = "
                        + Arrays.toString(host.toFloatArray()));
            }
            loop.close();
            branch.close();
        }
    }
}
