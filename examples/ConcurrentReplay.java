// Shows one captured model replayed from several threads at once, each on a stream of its own:
// a model is immutable once captured, so any number of streams may run it concurrently. Here the
// model computes out = x + 0.5 * y from device tensors; every thread replays it many times and
// checks the result.
//
// Run: java -cp target/aclgraph4j.jar:target/lib/javacpp.jar examples/ConcurrentReplay.java
import io.aclgraph4j.AclRuntime;
import io.aclgraph4j.AddOperator;
import io.aclgraph4j.CaptureMode;
import io.aclgraph4j.DataType;
import io.aclgraph4j.Device;
import io.aclgraph4j.HostBuffer;
import io.aclgraph4j.Model;
import io.aclgraph4j.Stream;
import io.aclgraph4j.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

public class ConcurrentReplay {
    public static void main(String[] args) throws Exception {
        int threads = 4;
        int replaysPerThread = 1000;
        try (AclRuntime runtime = AclRuntime.open();
             Device device = runtime.device(0);
             Stream captureStream = device.createStream()) {
            Tensor x = device.tensor(DataType.FLOAT, 1024);
            Tensor y = device.tensor(DataType.FLOAT, 1024);
            Tensor out = device.tensor(DataType.FLOAT, 1024);
            try (HostBuffer host = device.allocateHost(x.byteSize())) {
                float[] values = new float[1024];
                java.util.Arrays.fill(values, 2f);
                host.write(values);
                device.copy(host, x);
                device.copy(host, y);
            }
            AddOperator add = AddOperator.add(x, y, runtime.scalar(DataType.FLOAT, 0.5), out);
            Model model = captureStream.capture(CaptureMode.THREAD_LOCAL, add::launch);

            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<Float>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    try (Stream stream = device.createStream();
                         HostBuffer host = device.allocateHost(out.byteSize())) {
                        for (int i = 0; i < replaysPerThread; i++) {
                            model.executeAsync(stream);
                        }
                        stream.copyAsync(out, host);
                        stream.synchronize();
                        return host.toFloatArray()[1023];
                    }
                }));
            }
            for (int t = 0; t < threads; t++) {
                System.out.println(
                        "thread " + t + ": " + replaysPerThread + " replays, out[1023] = " + results.get(t).get());
            }
            pool.shutdown();
            model.close();
        }
    }
}
