package io.aclgraph4j.internal;

import io.aclgraph4j.AclRuntime;
import io.aclgraph4j.AddOperator;
import io.aclgraph4j.CaptureMode;
import io.aclgraph4j.DataType;
import io.aclgraph4j.Device;
import io.aclgraph4j.HostBuffer;
import io.aclgraph4j.Model;
import io.aclgraph4j.Scalar;
import io.aclgraph4j.Stream;
import io.aclgraph4j.Tensor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * Java's {@code Model.execute} on the seed model against the same replay + synchronise loop on
 * the C API, and the spinning handoff floor, in alternating rounds of a few milliseconds within
 * one process: the cost of moving a cache line between this VM's cores drifts by several times within
 * seconds, so figures taken by two programs minutes apart would compare the drift.
 *
 * <p>The C API loop runs in the shim ({@code agj_bench_replay_loop}) on a second copy of the seed
 * model built through the shim's C API directly, which is why this class lives in the shim
 * binding's package. Each round measures the floor before and after the two loops, so a round
 * in which the machine changed state can be told apart. Writes
 * {@code {"rounds": [{"floor_before": ns, "c": ns, "java": ns, "floor_after": ns}, ...]}}.
 *
 * <p>Usage: {@code SeedRatio out.json [rounds]}
 */
public final class SeedRatio {
    private SeedRatio() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "seed-ratio.json");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        try (AclRuntime runtime = AclRuntime.open()) {
            Device device = runtime.device(0);
            Stream stream = device.createStream();
            Model model = javaSeedModel(runtime, device, stream);
            long[] raw = rawSeedModel();
            long cModel = raw[0];
            long cStream = raw[1];

            // Warm up both loops (and the JIT), then size each part of a round to about 2 ms: the
            // state of the machine can change within tens of milliseconds.
            long warm = System.nanoTime();
            while (System.nanoTime() - warm < 2_000_000_000L) {
                javaLoop(model, stream, 10_000);
                cLoop(cModel, cStream, 10_000);
            }
            double estimate = cLoop(cModel, cStream, 10_000) / 10_000.0;
            int iterations = (int) Math.max(500, Math.min(100_000, 2e6 / Math.max(1.0, estimate)));

            List<double[]> results = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                double floorBefore = handoff(iterations) / (double) iterations;
                settle();
                double c;
                double java;
                if (round % 2 == 0) { // alternate the order so a drift favours neither side
                    c = cLoop(cModel, cStream, iterations) / (double) iterations;
                    settle();
                    java = javaLoop(model, stream, iterations) / (double) iterations;
                } else {
                    java = javaLoop(model, stream, iterations) / (double) iterations;
                    settle();
                    c = cLoop(cModel, cStream, iterations) / (double) iterations;
                }
                settle();
                double floorAfter = handoff(iterations) / (double) iterations;
                settle();
                results.add(new double[] {floorBefore, c, java, floorAfter});
                if (round % 50 == 0) {
                    System.err.printf(Locale.ROOT,
                            "  round %3d: floor %7.1f ns, C API %7.1f ns, Java %7.1f ns, floor %7.1f ns,"
                                    + " Java / C %.3f%n",
                            round, floorBefore, c, java, floorAfter, java / c);
                }
            }
            StringBuilder json = new StringBuilder("{\"iterations\": " + iterations + ", \"rounds\": [\n");
            for (int i = 0; i < results.size(); i++) {
                double[] r = results.get(i);
                json.append(String.format(Locale.ROOT,
                        "  {\"floor_before\": %.2f, \"c\": %.2f, \"java\": %.2f, \"floor_after\": %.2f}%s%n",
                        r[0], r[1], r[2], r[3], i + 1 < results.size() ? "," : ""));
            }
            json.append("]}\n");
            Files.writeString(out, json.toString(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Lets the last part's spinning threads go to sleep (a stream's worker spins for 100 µs after
     * its last task, see ACLSIM_SPIN_US) so they do not take a core from the next part.
     */
    private static void settle() {
        LockSupport.parkNanos(400_000);
    }

    private static long javaLoop(Model model, Stream stream, int iterations) {
        for (int i = 0; i < 100; i++) { // wake the stream's worker before the clock starts
            model.execute(stream);
        }
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            model.execute(stream);
        }
        return System.nanoTime() - start;
    }

    private static long cLoop(long model, long stream, int iterations) {
        long[] nanos = new long[1];
        check(ShimLibrary.agj_bench_replay_loop(model, stream, 100, nanos), "agj_bench_replay_loop"); // warm up
        check(ShimLibrary.agj_bench_replay_loop(model, stream, iterations, nanos), "agj_bench_replay_loop");
        return nanos[0];
    }

    private static long handoff(int iterations) {
        long[] nanos = new long[1];
        check(ShimLibrary.agj_bench_spin_handoff(iterations, nanos), "agj_bench_spin_handoff");
        return nanos[0];
    }

    /** The seed flow through the facade: H2D of 8 floats, aclnnAdd with alpha 1.1, D2H. */
    private static Model javaSeedModel(AclRuntime runtime, Device device, Stream stream) {
        Tensor self = device.tensor(DataType.FLOAT, 4, 2);
        Tensor other = device.tensor(DataType.FLOAT, 4, 2);
        Tensor out = device.tensor(DataType.FLOAT, 4, 2);
        Scalar alpha = runtime.scalar(DataType.FLOAT, 1.1);
        AddOperator add = AddOperator.add(self, other, alpha, out);
        HostBuffer host = device.allocateHost(self.byteSize());
        return stream.capture(CaptureMode.GLOBAL, s -> {
            s.copyAsync(host, self);
            add.launch(s);
            s.copyAsync(out, host);
        });
    }

    /** The same model built through the shim's C API; returns {model, stream} handles. */
    private static long[] rawSeedModel() {
        long[] h = new long[1];
        long[] address = new long[1];
        check(ShimLibrary.agj_device_open(0, h), "agj_device_open");
        long device = h[0];
        check(ShimLibrary.agj_stream_create(device, h), "agj_stream_create");
        long stream = h[0];
        long[] buffers = new long[3];
        long[] tensors = new long[3];
        long[] dims = {4, 2};
        for (int i = 0; i < 3; i++) {
            check(ShimLibrary.agj_device_buffer_alloc(device, 32, h), "agj_device_buffer_alloc");
            buffers[i] = h[0];
            check(ShimLibrary.agj_tensor_create(buffers[i], DataType.FLOAT.code(), dims, 2, null, 0, h),
                    "agj_tensor_create");
            tensors[i] = h[0];
        }
        check(ShimLibrary.agj_scalar_create_double(DataType.FLOAT.code(), 1.1, h), "agj_scalar_create_double");
        long alpha = h[0];
        check(ShimLibrary.agj_executor_prepare(1 /* AGJ_OP_ADD */, tensors[0], tensors[1], alpha, tensors[2],
                1 /* AGJ_EXECUTOR_REPEATABLE */, h), "agj_executor_prepare");
        long executor = h[0];
        check(ShimLibrary.agj_host_buffer_alloc(device, 32, h, address), "agj_host_buffer_alloc");
        long host = h[0];
        check(ShimLibrary.agj_capture_begin(stream, CaptureMode.GLOBAL.code()), "agj_capture_begin");
        check(ShimLibrary.agj_memcpy_async(stream, buffers[0], 0, host, 0, 32), "agj_memcpy_async");
        check(ShimLibrary.agj_executor_launch(executor, stream), "agj_executor_launch");
        check(ShimLibrary.agj_memcpy_async(stream, host, 0, buffers[2], 0, 32), "agj_memcpy_async");
        check(ShimLibrary.agj_capture_end(stream, h), "agj_capture_end");
        // The handles stay with the runtime, which releases them when it closes.
        return new long[] {h[0], stream};
    }

    private static void check(int status, String call) {
        if (status != 0) {
            throw new IllegalStateException(call + " failed (" + status + "): " + ShimLibrary.agj_last_error_message());
        }
    }
}
