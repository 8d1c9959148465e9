package io.aclgraph4j;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Locale;

/**
 * What {@link CannToolkitTest} runs in a JVM of its own, on the backend {@code -Daclgraph4j.backend}
 * names: {@code open} opens it and prints its description and features or why it is unavailable;
 * {@code flow} also runs the seed flow (its eight lines), a second capture replayed three times,
 * and the debug dump, printing what a missing function gives.
 */
final class CannToolkitScenario {
    private CannToolkitScenario() {}

    public static void main(String[] args) {
        AclRuntime runtime;
        try {
            runtime = AclRuntime.open();
        } catch (BackendUnavailableException e) {
            System.out.println("unavailable: " + e.getMessage());
            return;
        }
        try (runtime) {
            System.out.println("backend: " + runtime.backend());
            System.out.println("features: " + runtime.features());
            if (args.length > 0 && args[0].equals("flow")) {
                flow(runtime);
            }
        }
    }

    private static void flow(AclRuntime runtime) {
        long[] shape = {4, 2};
        try (Device device = runtime.device(0); Stream stream = device.createStream()) {
            Tensor self = device.tensor(DataType.FLOAT, shape);
            Tensor other = device.tensor(DataType.FLOAT, shape);
            Tensor out = device.tensor(DataType.FLOAT, shape);
            AddOperator add = AddOperator.add(self, other, runtime.scalar(DataType.FLOAT, 1.1), out);
            HostBuffer selfHost = device.allocateHost(self.byteSize());
            HostBuffer otherHost = device.allocateHost(other.byteSize());
            float[] ones = new float[8];
            Arrays.fill(ones, 1f);
            selfHost.write(new float[8]);
            otherHost.write(ones);

            Model seed;
            try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
                stream.copyAsync(selfHost, self);
                try (CaptureModeScope relaxed = runtime.captureMode(CaptureMode.RELAXED)) {
                    device.copy(otherHost, other);
                }
                add.launch(stream);
                stream.copyAsync(out, selfHost);
                seed = capture.end();
            }
            FloatBuffer result = selfHost.asFloatBuffer();
            for (int i = 0; i < 8; i++) {
                seed.executeAsync(stream);
                stream.synchronize();
                StringBuilder line = new StringBuilder("[INFO] ");
                for (int j = 0; j < 8; j++) {
                    line.append(String.format(Locale.ROOT, j == 0 ? "%f" : " %f", result.get(j)));
                }
                System.out.println(line);
            }

            // A second model: out = self + 1.1 × other, replayed three times onto its own input.
            device.copy(otherHost, self);
            Model accumulate = stream.capture(CaptureMode.THREAD_LOCAL, s -> {
                add.launch(s);
                s.copyAsync(out, self);
            });
            for (int i = 0; i < 3; i++) {
                accumulate.execute(stream);
            }
            device.copy(self, selfHost);
            System.out.printf(Locale.ROOT, "accumulated: %.4f%n", selfHost.toFloatArray()[0]);

            try {
                System.out.println("debug dump: " + (seed.debugJson().contains("\"ph\"") ? "tasks" : "empty"));
            } catch (AclException e) {
                System.out.println("debug dump refused: " + e.getMessage());
            }
            accumulate.close();
            seed.close();
        }
    }
}
