// Shows what happens when code breaks a capture rule, and how to recover: calls the runtime
// forbids while a stream captures fail with a CaptureException naming the rule, the capture
// itself goes on and still ends into a working model, and a capture abandoned by an exception is
// discarded so the stream is immediately usable again.
//
// Run: java -cp target/aclgraph4j.jar:target/lib/javacpp.jar examples/CaptureRecovery.java
import io.aclgraph4j.AclRuntime;
import io.aclgraph4j.AddOperator;
import io.aclgraph4j.Capture;
import io.aclgraph4j.CaptureException;
import io.aclgraph4j.CaptureMode;
import io.aclgraph4j.DataType;
import io.aclgraph4j.Device;
import io.aclgraph4j.HostBuffer;
import io.aclgraph4j.Model;
import io.aclgraph4j.Stream;
import io.aclgraph4j.Tensor;

public class CaptureRecovery {
    public static void main(String[] args) {
        try (AclRuntime runtime = AclRuntime.open();
             Device device = runtime.device(0);
             Stream stream = device.createStream()) {
            Tensor x = device.tensor(DataType.FLOAT, 4);
            HostBuffer host = device.allocateHost(x.byteSize());
            host.write(new float[] {1, 2, 3, 4});
            device.copy(host, x);
            AddOperator doubleX = AddOperator.inplaceAdd(x, x, runtime.scalar(DataType.FLOAT, 1.0));

            Model model;
            try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
                doubleX.launch(stream);
                try {
                    stream.synchronize(); // not allowed: the stream is capturing
                } catch (CaptureException e) {
                    System.out.println("refused: " + AclExceptionName.of(e) + "; capture is " + capture.status());
                }
                try {
                    device.copy(host, x); // a synchronous copy under a GLOBAL capture
                } catch (CaptureException e) {
                    System.out.println("refused: " + AclExceptionName.of(e) + "; capture is " + capture.status());
                }
                model = capture.end();
            }
            model.execute(stream);
            device.copy(x, host);
            System.out.println("after one replay: " + java.util.Arrays.toString(host.toFloatArray()));

            try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
                doubleX.launch(stream);
                throw new IllegalStateException("application failure in the middle of a capture");
            } catch (IllegalStateException e) {
                System.out.println("abandoned capture: " + e.getMessage() + "; stream is " + stream.captureStatus());
            }
            doubleX.launch(stream); // the stream runs tasks again
            stream.synchronize();
            device.copy(x, host);
            System.out.println("after an eager launch: " + java.util.Arrays.toString(host.toFloatArray()));
            model.close();
        }
    }

    /** The ACL error name and code of a failure. */
    static final class AclExceptionName {
        static String of(CaptureException e) {
            return io.aclgraph4j.AclException.describeCode(e.code());
        }
    }
}
