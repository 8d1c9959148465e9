// Shows the capture modes' rule for "unsafe" calls (synchronous copies), which run at once
// instead of being captured: under a GLOBAL capture no thread may make them until it switches
// itself to RELAXED; under THREAD_LOCAL only the capturing thread is restricted, so a helper
// thread may load data while the main thread captures.
//
// Run: java -cp target/aclgraph4j.jar:target/lib/javacpp.jar examples/RelaxedCopy.java
import io.aclgraph4j.AclException;
import io.aclgraph4j.AclRuntime;
import io.aclgraph4j.Capture;
import io.aclgraph4j.CaptureException;
import io.aclgraph4j.CaptureMode;
import io.aclgraph4j.CaptureModeScope;
import io.aclgraph4j.DataType;
import io.aclgraph4j.Device;
import io.aclgraph4j.HostBuffer;
import io.aclgraph4j.Stream;
import io.aclgraph4j.Tensor;
import java.util.concurrent.CompletableFuture;

public class RelaxedCopy {
    public static void main(String[] args) {
        try (AclRuntime runtime = AclRuntime.open();
             Device device = runtime.device(0);
             Stream stream = device.createStream()) {
            Tensor weights = device.tensor(DataType.FLOAT, 4);
            HostBuffer host = device.allocateHost(weights.byteSize());
            host.write(new float[] {1, 2, 3, 4});

            for (CaptureMode mode : new CaptureMode[] {CaptureMode.GLOBAL, CaptureMode.THREAD_LOCAL}) {
                try (Capture capture = stream.beginCapture(mode)) {
                    System.out.println(
                            mode + " capture, copy on the capturing thread: " + tryCopy(device, host, weights));
                    String other = CompletableFuture.supplyAsync(() -> tryCopy(device, host, weights)).join();
                    System.out.println(mode + " capture, copy on another thread:     " + other);
                    try (CaptureModeScope relaxed = runtime.captureMode(CaptureMode.RELAXED)) {
                        System.out.println(
                                mode + " capture, after switching to RELAXED: " + tryCopy(device, host, weights));
                    }
                    capture.end().close();
                }
            }
        }
    }

    static String tryCopy(Device device, HostBuffer from, Tensor to) {
        try {
            device.copy(from, to);
            return "copied";
        } catch (CaptureException e) {
            return "refused with " + AclException.describeCode(e.code());
        }
    }
}
