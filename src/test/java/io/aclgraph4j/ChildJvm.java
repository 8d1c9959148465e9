package io.aclgraph4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a scenario in a JVM of its own, for what could crash the JVM (a crash there fails the
 * test with the child's output instead of ending the test run).
 */
final class ChildJvm {
    private ChildJvm() {}

    /**
     * Runs {@code mainClass} with {@code args} on the test class path (plus {@code jvmOptions}) and
     * returns its output; fails unless it exits with 0 within {@code seconds}.
     */
    static String run(int seconds, List<String> jvmOptions, Class<?> mainClass, String... args)
            throws IOException, InterruptedException {
        return run(seconds, 0, jvmOptions, mainClass, args);
    }

    /**
     * As {@link #run(int, List, Class, String...)}, in a process whose virtual memory is limited to
     * {@code virtualKilobytes} ({@code ulimit -v}; 0: no limit).
     */
    static String run(int seconds, long virtualKilobytes, List<String> jvmOptions, Class<?> mainClass,
                      String... args) throws IOException, InterruptedException {
        return run(seconds, virtualKilobytes, jvmOptions, Map.of(), mainClass, args);
    }

    /**
     * As {@link #run(int, List, Class, String...)}, with {@code environment} added to the child's (a
     * null value removes the variable).
     */
    static String run(int seconds, List<String> jvmOptions, Map<String, String> environment, Class<?> mainClass,
                      String... args) throws IOException, InterruptedException {
        return run(seconds, 0, jvmOptions, environment, mainClass, args);
    }

    private static String run(int seconds, long virtualKilobytes, List<String> jvmOptions,
                              Map<String, String> environment, Class<?> mainClass, String... args)
            throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>();
        if (virtualKilobytes > 0) {
            command.addAll(List.of("/bin/sh", "-c", "ulimit -v " + virtualKilobytes + " && exec \"$@\"", "sh"));
        }
        command.add(java.toString());
        String cacheDir = System.getProperty("org.bytedeco.javacpp.cachedir");
        if (cacheDir != null) {
            command.add("-Dorg.bytedeco.javacpp.cachedir=" + cacheDir);
        }
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("aclgraph4j-child", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            environment.forEach((name, value) -> {
                if (value == null) {
                    builder.environment().remove(name);
                } else {
                    builder.environment().put(name, value);
                }
            });
            if (virtualKilobytes > 0) {
                builder.environment().put("MALLOC_ARENA_MAX", "2"); // glibc reserves 64 MiB per arena
            }
            Process process = builder.start();
            boolean finished = process.waitFor(seconds, TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertTrue(finished, () -> String.join(" ", args) + " did not finish in " + seconds + " s:\n" + output);
            assertEquals(0, process.exitValue(), () -> String.join(" ", args) + " ended with exit code "
                    + process.exitValue() + ":\n" + output);
            return output;
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
