// Shows what a captured model tells about itself: a small layer (matmul, bias add, GELU) on one
// stream while a second stream, forked and joined through events, scales a residual; then the
// model's streams and tasks as Java objects, its listing, and a Graphviz picture written to
// model.dot in the working folder (render it with: dot -Tsvg model.dot -o model.svg).
//
// Run: java -cp target/aclgraph4j.jar:target/lib/javacpp.jar examples/GraphInspection.java
import io.aclgraph4j.AclRuntime;
import io.aclgraph4j.AddOperator;
import io.aclgraph4j.Capture;
import io.aclgraph4j.CaptureMode;
import io.aclgraph4j.CubeMathType;
import io.aclgraph4j.DataType;
import io.aclgraph4j.Device;
import io.aclgraph4j.ElementwiseOperator;
import io.aclgraph4j.Event;
import io.aclgraph4j.HostBuffer;
import io.aclgraph4j.MatmulOperator;
import io.aclgraph4j.Model;
import io.aclgraph4j.ModelTask;
import io.aclgraph4j.Scalar;
import io.aclgraph4j.Stream;
import io.aclgraph4j.Tensor;
import java.nio.file.Path;

public class GraphInspection {
    public static void main(String[] args) {
        try (AclRuntime runtime = AclRuntime.open();
             Device device = runtime.device(0);
             Stream main = device.createStream();
             Stream side = device.createStream()) {
            System.out.println("backend features: " + runtime.features());
            Tensor x = device.tensor(DataType.FLOAT, 2, 4);
            Tensor weight = device.tensor(DataType.FLOAT, 4, 3);
            Tensor bias = device.tensor(DataType.FLOAT, 2, 3);
            Tensor hidden = device.tensor(DataType.FLOAT, 2, 3);
            Tensor activated = device.tensor(DataType.FLOAT, 2, 3);
            Tensor residual = device.tensor(DataType.FLOAT, 2, 3);
            Tensor out = device.tensor(DataType.FLOAT, 2, 3);
            HostBuffer input = device.allocateHost(x.byteSize());
            HostBuffer output = device.allocateHost(out.byteSize());
            for (Tensor tensor : new Tensor[] {weight, bias, residual}) {
                device.fill(tensor, 0);
            }
            Scalar one = runtime.scalar(DataType.FLOAT, 1.0);
            Scalar half = runtime.scalar(DataType.FLOAT, 0.5);
            MatmulOperator project = MatmulOperator.matmul(x, weight, hidden, CubeMathType.KEEP_DTYPE);
            AddOperator addBias = AddOperator.inplaceAdd(hidden, bias, one);
            ElementwiseOperator gelu = ElementwiseOperator.gelu(hidden, activated);
            ElementwiseOperator scaleResidual = ElementwiseOperator.inplaceMuls(residual, half);
            AddOperator sum = AddOperator.add(activated, residual, one, out);
            Event fork = device.createEvent();
            Event join = device.createEvent();

            Model model;
            try (Capture capture = main.beginCapture(CaptureMode.GLOBAL)) {
                main.copyAsync(input, x);
                fork.record(main);
                side.waitFor(fork);            // side joins the capture
                scaleResidual.launch(side);
                join.record(side);
                project.launch(main);
                capture.taskGroup(() -> addBias.launch(main)); // replaceable later: a task group
                gelu.launch(main);
                main.waitFor(join);            // side joins back
                sum.launch(main);
                main.copyAsync(out, output);
                model = capture.end();
            }

            System.out.println(model);
            for (int i = 0; i < model.streams().size(); i++) {
                System.out.println("stream " + i + ": " + model.streams().get(i));
            }
            for (ModelTask task : model.tasks()) {
                System.out.println("task " + task.index() + " on stream " + task.stream() + ": " + task);
            }
            System.out.print(model.debugPrint());
            model.toDot(Path.of("model.dot"));
            System.out.println("wrote model.dot (" + model.tasks().size() + " nodes)");
            model.execute(main);
            model.close();
        }
    }
}
