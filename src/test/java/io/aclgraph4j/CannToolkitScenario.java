package io.aclgraph4j;

import java.nio.FloatBuffer;
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
        try (Device device = runtime.device(0); Stream stream = device.createStream()) {
            SeedOperands ops = new SeedOperands(runtime, device);
            Model seed = ops.capture(runtime, stream);
            FloatBuffer result = ops.selfHost.asFloatBuffer();
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
            device.copy(ops.otherHost, ops.self);
            Model accumulate = stream.capture(CaptureMode.THREAD_LOCAL, s -> {
                ops.add.launch(s);
                s.copyAsync(ops.out, ops.self);
            });
            for (int i = 0; i < 3; i++) {
                accumulate.execute(stream);
            }
            device.copy(ops.self, ops.selfHost);
            System.out.printf(Locale.ROOT, "accumulated: %.4f%n", ops.selfHost.toFloatArray()[0]);

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
