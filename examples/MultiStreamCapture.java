// Shows a capture that spans two streams: the capturing stream forks work to a second stream
// through an event and joins it back through another, so the model holds both branches and
// every replay runs them with the same ordering: a = a + 1 on one stream, b = b + 2 on the other,
// then c = a + b once both are done.
//
// Run: java -cp target/aclgraph4j.jar:target/lib/javacpp.jar examples/MultiStreamCapture.java
import io.aclgraph4j.AclRuntime;
import io.aclgraph4j.AddOperator;
import io.aclgraph4j.Capture;
import io.aclgraph4j.CaptureMode;
import io.aclgraph4j.DataType;
import io.aclgraph4j.Device;
import io.aclgraph4j.Event;
import io.aclgraph4j.HostBuffer;
import io.aclgraph4j.Model;
import io.aclgraph4j.Scalar;
import io.aclgraph4j.Stream;
import io.aclgraph4j.Tensor;
import java.util.Arrays;

public class MultiStreamCapture {
    public static void main(String[] args) {
        try (AclRuntime runtime = AclRuntime.open();
             Device device = runtime.device(0);
             Stream main = device.createStream();
             Stream side = device.createStream()) {
            Tensor a = device.tensor(DataType.FLOAT, 4);
            Tensor b = device.tensor(DataType.FLOAT, 4);
            Tensor c = device.tensor(DataType.FLOAT, 4);
            HostBuffer host = device.allocateHost(a.byteSize());
            host.write(new float[4]);
            device.copy(host, a);
            device.copy(host, b);
            Scalar one = runtime.scalar(DataType.FLOAT, 1.0);
            AddOperator incrementA = AddOperator.inplaceAdds(a, one, one);
            AddOperator addTwoToB = AddOperator.inplaceAdds(b, runtime.scalar(DataType.FLOAT, 2.0), one);
            AddOperator sum = AddOperator.add(a, b, one, c);
            Event fork = device.createEvent();
            Event join = device.createEvent();

            Model model;
            try (Capture capture = main.beginCapture(CaptureMode.GLOBAL)) {
                fork.record(main);       // everything captured on main so far...
                side.waitFor(fork);      // ...is what side waits for: side joins the capture
                addTwoToB.launch(side);  // branch on side
                incrementA.launch(main); // branch on main, independent of side
                join.record(side);
                main.waitFor(join);      // side's work joins back into main
                sum.launch(main);
                main.copyAsync(c, host);
                model = capture.end();
            }
            for (int replay = 1; replay <= 3; replay++) {
                model.execute(main);
                System.out.println("replay " + replay + ": c = " + Arrays.toString(host.toFloatArray()));
            }
            model.close();
        }
    }
}
