package io.aclgraph4j.bench;

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
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The seed flow (a host-to-device copy of 8 floats from pinned memory, aclnnAdd with alpha 1.1, a
 * device-to-host copy), replayed from a captured model or issued eagerly, each followed by a
 * synchronize.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SeedModelBenchmark {
    private AclRuntime runtime;
    private Stream stream;
    private Tensor self;
    private Tensor other;
    private Tensor out;
    private Scalar alpha;
    private HostBuffer selfHost;
    private Model model;

    @Setup(Level.Trial)
    public void setUp() {
        runtime = AclRuntime.open();
        Device device = runtime.device(0);
        stream = device.createStream();
        self = device.tensor(DataType.FLOAT, 4, 2);
        other = device.tensor(DataType.FLOAT, 4, 2);
        out = device.tensor(DataType.FLOAT, 4, 2);
        alpha = runtime.scalar(DataType.FLOAT, 1.1);
        AddOperator add = AddOperator.add(self, other, alpha, out);
        selfHost = device.allocateHost(self.byteSize());
        HostBuffer otherHost = device.allocateHost(other.byteSize());
        float[] ones = new float[8];
        Arrays.fill(ones, 1f);
        selfHost.write(new float[8]);
        otherHost.write(ones);
        try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
            stream.copyAsync(selfHost, self);
            try (CaptureModeScope relaxed = runtime.captureMode(CaptureMode.RELAXED)) {
                device.copy(otherHost, other);
            }
            add.launch(stream);
            stream.copyAsync(out, selfHost);
            model = capture.end();
        }
        // The seed's own check: replay i leaves 1.1 × i.
        for (int i = 1; i <= 8; i++) {
            model.execute(stream);
            float value = selfHost.asFloatBuffer().get(7);
            if (Math.abs(value - 1.1f * i) > 1e-4f) {
                throw new IllegalStateException("replay " + i + " gave " + value);
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        runtime.close();
    }

    /** One replay of the captured model and a wait for it: {@link Model#execute}, one native call. */
    @Benchmark
    public void replaySync() {
        model.execute(stream);
    }

    /** The same as two calls: {@link Model#executeAsync} then {@link Stream#synchronize()}. */
    @Benchmark
    public void replayThenSync() {
        model.executeAsync(stream);
        stream.synchronize();
    }

    /** The same three tasks issued eagerly, a single-use executor prepared for the add. */
    @Benchmark
    public void eagerSync() {
        stream.copyAsync(selfHost, self);
        AddOperator.addOnce(stream, self, other, alpha, out);
        stream.copyAsync(out, selfHost);
        stream.synchronize();
    }
}
