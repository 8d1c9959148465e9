// Shows the basic capture-and-replay flow (the ACL "single stream capture" sample) in Java:
// capture a host-to-device copy, an add and a device-to-host copy into a model once, then replay
// the model eight times. Each replay reads the pinned host buffer anew, so line i prints 1.1 × i.
//
// Run (after `mvn -q -DskipTests package`):
//   java -cp target/aclgraph4j.jar:target/lib/javacpp.jar examples/SeedCapture.java
import io.aclgraph4j.AclRuntime;
import io.aclgraph4j.AddOperator;
import io.aclgraph4j.Capture;
import io.aclgraph4j.CaptureMode;
import io.aclgraph4j.CaptureModeScope;
import io.aclgraph4j.DataType;
import io.aclgraph4j.Device;
import io.aclgraph4j.HostBuffer;
import io.aclgraph4j.Model;
import io.aclgraph4j.Scalar;
import io.aclgraph4j.Stream;
import io.aclgraph4j.Tensor;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

public class SeedCapture {
    public static void main(String[] args) {
        long[] shape = {4, 2};
        try (AclRuntime runtime = AclRuntime.open();
             Device device = runtime.device(0);
             Stream stream = device.createStream()) {
            // out = self + alpha × other on the device.
            Tensor self = device.tensor(DataType.FLOAT, shape);
            Tensor other = device.tensor(DataType.FLOAT, shape);
            Tensor out = device.tensor(DataType.FLOAT, shape);
            Scalar alpha = runtime.scalar(DataType.FLOAT, 1.1);
            AddOperator add = AddOperator.add(self, other, alpha, out);

            // Page-locked host memory: self starts at 0, other is 1.
            HostBuffer selfHost = device.allocateHost(self.byteSize());
            HostBuffer otherHost = device.allocateHost(other.byteSize());
            float[] zeros = new float[8];
            float[] ones = new float[8];
            Arrays.fill(ones, 1f);
            selfHost.write(zeros);
            otherHost.write(ones);

            Model model;
            try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
                stream.copyAsync(selfHost, self);                  // captured: runs on every replay
                try (CaptureModeScope relaxed = runtime.captureMode(CaptureMode.RELAXED)) {
                    device.copy(otherHost, other);                 // synchronous: runs once, now
                }
                add.launch(stream);                                // captured
                stream.copyAsync(out, selfHost);                   // captured: the sum back to self
                model = capture.end();
            }
            // The model keeps the tensors, buffers and operator it uses alive from here on.
            model.debugJson(Path.of("modelRI.json"));

            FloatBuffer result = selfHost.asFloatBuffer();
            for (int i = 0; i < 8; i++) {
                model.executeAsync(stream);
                stream.synchronize();
                StringBuilder line = new StringBuilder("[INFO] ");
                for (int j = 0; j < 8; j++) {
                    line.append(String.format(Locale.ROOT, j == 0 ? "%f" : " %f", result.get(j)));
                }
                System.out.println(line);
            }
            model.close();
        }
    }
}
