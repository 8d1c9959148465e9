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
 * test with the child's output instead of ending the test run); also the commands that start this
 * JVM's programs for the tests that run examples ({@link #command(String)}).
 *
 * <p>Under emulation (the linux-arm64 JVM in qemu-user on an x86_64 host, scripts/ci-arm64.sh) the
 * host cannot execute the arm64 {@code java} itself unless binfmt_misc hands it to qemu: the
 * system property {@value #LAUNCHER_PROPERTY} then names the emulator, which every command here
 * starts the program with.
 */
final class ChildJvm {
    /** The command (words separated by whitespace) put before every program this JVM starts. */
    static final String LAUNCHER_PROPERTY = "aclgraph4j.test.launcher";

    /** How much longer a child JVM may take under emulation: qemu-user runs Java about ten times slower. */
    private static final int EMULATED_SLOWDOWN = 10;

    private ChildJvm() {}

    /** Whether this JVM runs under an emulator that its child processes must be started with. */
    static boolean emulated() {
        return !launcher().isEmpty();
    }

    /**
     * The command that starts {@code program} (java, jshell) of this JVM's home: the program
     * itself, or under emulation the emulator with the program as its argument.
     */
    static List<String> command(String program) {
        List<String> command = new ArrayList<>(launcher());
        command.add(Path.of(System.getProperty("java.home"), "bin", program).toString());
        return command;
    }

    /** {@code seconds} for a child process natively; under emulation ten times as long. */
    static int seconds(int seconds) {
        return emulated() ? seconds * EMULATED_SLOWDOWN : seconds;
    }

    private static List<String> launcher() {
        String launcher = System.getProperty(LAUNCHER_PROPERTY, "").strip();
        return launcher.isEmpty() ? List.of() : List.of(launcher.split("\\s+"));
    }

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
        List<String> command = new ArrayList<>();
        if (virtualKilobytes > 0) {
            command.addAll(List.of("/bin/sh", "-c", "ulimit -v " + virtualKilobytes + " && exec \"$@\"", "sh"));
        }
        command.addAll(command("java"));
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
            int timeout = seconds(seconds);
            boolean finished = process.waitFor(timeout, TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertTrue(finished, () -> String.join(" ", args) + " did not finish in " + timeout + " s:\n" + output);
            assertEquals(0, process.exitValue(), () -> String.join(" ", args) + " ended with exit code "
                    + process.exitValue() + ":\n" + output);
            return output;
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
