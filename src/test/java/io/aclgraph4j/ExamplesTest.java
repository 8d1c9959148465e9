package io.aclgraph4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/** Each example runs as its users run it: a single-file program on the SDK's class path. */
class ExamplesTest {
    static final Path EXAMPLES = Path.of(System.getProperty("aclgraph4j.examplesDir", "examples"));

    static String runExample(Path workingDirectory, String file) throws IOException, InterruptedException {
        List<String> command = ChildJvm.command("java");
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                EXAMPLES.resolve(file).toAbsolutePath().toString()));
        Process process = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true)
                .start();
        String output = outputOf(process, 120, file);
        assertEquals(0, process.exitValue(), file + " failed:\n" + output);
        return output;
    }

    /** What {@code process} printed (output and errors), failing unless it finished within {@code seconds}. */
    private static String outputOf(Process process, int seconds, String what) throws IOException, InterruptedException {
        boolean finished = process.waitFor(ChildJvm.seconds(seconds), TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }
        assertTrue(finished, what + " did not finish in time:\n" + output);
        return output;
    }

    @Test
    void seedCapturePrintsElevenTenthsTimesIOnLineI(@TempDir Path folder) throws Exception {
        String output = runExample(folder, "SeedCapture.java");
        List<String> lines = output.lines().filter(line -> line.startsWith("[INFO]")).toList();
        assertEquals(8, lines.size(), output);
        for (int i = 1; i <= 8; i++) {
            String value = String.format(Locale.ROOT, "%f", 1.1f * i);
            assertEquals("[INFO] " + String.join(" ", java.util.Collections.nCopies(8, value)), lines.get(i - 1));
        }
        assertTrue(Files.exists(folder.resolve("modelRI.json")));
    }

    @Test
    void graphInspectionPrintsStreamsAndTasksAndWritesADotPicture(@TempDir Path folder) throws Exception {
        String output = runExample(folder, "GraphInspection.java");
        assertTrue(output.contains("backend features: [TASK_GROUPS, DEBUG_PRINT, DEBUG_JSON"), output);
        assertTrue(output.lines().anyMatch(l -> l.matches("Model#1 on device 0, 11 tasks on 2 streams, 1 task group")),
                output);
        // The runtime's list (TASK_INTROSPECTION) has the eight NOPs it puts before the task group.
        assertContains(output,
                "stream 1: Stream#2 on device 0",
                "task 4 on stream 1: EVENT_RECORD record Event#2 on device 0",
                "task 5 on stream 0: KERNEL matmul(FLOAT[2, 4], FLOAT[4, 3], FLOAT[2, 3])",
                "task 6 on stream 0: OTHER DEFAULT",
                "KERNEL inplaceAdd(FLOAT[2, 3], FLOAT[2, 3], FLOAT 1.0) [group 0]",
                "task 3 on stream 1: KERNEL inplaceMuls(FLOAT[2, 3], FLOAT 0.5)",
                "task 15 on stream 0: KERNEL gelu(FLOAT[2, 3], FLOAT[2, 3])",
                "wrote model.dot (19 nodes)");
        String dot = Files.readString(folder.resolve("model.dot"));
        assertTrue(dot.startsWith("digraph \"Model#1 on device 0\""), dot);
        assertTrue(dot.contains("cluster_group0") && dot.contains("style=dashed, color=red"), dot);
    }

    @Test
    void conditionalReplayLoopsAsTheGraphCountsAndBranchesAsTheHostSets(@TempDir Path folder) throws Exception {
        String output = runExample(folder, "ConditionalReplay.java");
        assertTrue(output.contains("CONDITIONAL_GRAPHS"), output);
        assertTrue(output.contains("while counter > 0 (from 3): sum = [3.0, 6.0, 9.0, 12.0], condition left at 0"),
                output);
        assertTrue(output.contains("while counter > 0 (from 0): sum = [0.0, 0.0, 0.0, 0.0], condition left at 0"),
                output);
        assertTrue(output.contains("while counter > 0 (from 5): sum = [5.0, 10.0, 15.0, 20.0], condition left at 0"),
                output);
        assertTrue(output.contains("if/else with condition 1: out = [2.0, 4.0, 6.0, 8.0]"), output);
        assertTrue(output.contains("if/else with condition 0: out = [-1.0, -2.0, -3.0, -4.0]"), output);
        // The loop's listing: the body's tasks under the WHILE task.
        assertContains(output,
                "  task 2: CONDITION WHILE on Condition#1 on device 0 with 1 body\n"
                        + "    body 0 (loop):\n"
                        + "      task 0: KERNEL inplaceAdd(FLOAT[4], FLOAT[4], FLOAT 1.0)\n"
                        + "      task 1: KERNEL inplaceAdds(INT64[1], INT64 -1, INT64 1)\n"
                        + "      task 2: COPY 8 bytes device to Condition#1 on device 0\n"
                        + "  task 3: COPY 16 bytes device to host",
                "wrote conditional.dot");
        String dot = Files.readString(folder.resolve("conditional.dot"));
        assertTrue(dot.contains("subgraph cluster_t2_body0 {") && dot.contains("label=\"loop\""), dot);
    }

    @Test
    void mlpCaptureMatchesThePlainJavaStepOnEveryReplay(@TempDir Path folder) throws Exception {
        String output = runExample(folder, "MlpCapture.java");
        List<String> replays = output.lines().filter(line -> line.startsWith("replay ")).toList();
        assertEquals(5, replays.size(), output);
        String last = output.lines().filter(line -> line.startsWith("largest difference")).findFirst().orElseThrow();
        double largest = Double.parseDouble(last.substring(last.lastIndexOf(' ') + 1));
        assertTrue(largest < 1e-4, () -> "within float tolerance: " + output);
        assertTrue(replays.stream().map(line -> line.substring(line.indexOf('='))).distinct().count() == 5,
                () -> "every replay saw its new input: " + output);
    }

    /**
     * The examples checked by what they print, each with lines it must print: InPlaceUpdate replays with the
     * operands of each update; RelaxedCopy shows which threads each mode restricts; CaptureRecovery refuses
     * rule breaks and keeps going; MultiStreamCapture replays both branches.
     */
    static List<Arguments> examplesAndTheirLines() {
        return List.of(
                arguments("InPlaceUpdate.java", List.of(
                        "alpha 1: out = [2.0, 4.0, 6.0, 8.0]",
                        "alpha 2: out = [3.0, 6.0, 9.0, 12.0]",
                        "alpha 3: out = [4.0, 8.0, 12.0, 16.0]",
                        "pipelined: 30 updates and replays, counter = 60.0 (expected 60.0)")),
                arguments("RelaxedCopy.java", List.of(
                        "GLOBAL capture, copy on the capturing thread: refused with "
                                + "ACL_ERROR_RT_CAPTURE_MODE_NOT_SUPPORT (107030)",
                        "GLOBAL capture, copy on another thread:     refused",
                        "GLOBAL capture, after switching to RELAXED: copied",
                        "THREAD_LOCAL capture, copy on the capturing thread: refused",
                        "THREAD_LOCAL capture, copy on another thread:     copied")),
                arguments("CaptureRecovery.java", List.of(
                        "refused: ACL_ERROR_RT_STREAM_CAPTURED (107027); capture is ACTIVE",
                        "refused: ACL_ERROR_RT_CAPTURE_MODE_NOT_SUPPORT (107030); capture is ACTIVE",
                        "after one replay: [2.0, 4.0, 6.0, 8.0]",
                        "stream is NONE",
                        "after an eager launch: [4.0, 8.0, 12.0, 16.0]")),
                arguments("MultiStreamCapture.java", List.of(
                        "replay 1: c = [3.0, 3.0, 3.0, 3.0]",
                        "replay 3: c = [9.0, 9.0, 9.0, 9.0]")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examplesAndTheirLines")
    void examplePrintsItsLines(String file, List<String> lines, @TempDir Path folder) throws Exception {
        assertContains(runExample(folder, file), lines.toArray(String[]::new));
    }

    @Test
    void concurrentReplayGivesEveryThreadTheExactResult(@TempDir Path folder) throws Exception {
        String output = runExample(folder, "ConcurrentReplay.java");
        for (int t = 0; t < 4; t++) {
            assertTrue(output.contains("thread " + t + ": 1000 replays, out[1023] = 3.0"), output);
        }
    }

    /**
     * The command that runs {@code script} in JShell with the startup script; {@code options} go to
     * jshell ({@code -R} ones to the JVM that runs the snippets). JShell runs snippets in a JVM it
     * launches from its java.home, which under emulation the host cannot execute: there the
     * snippets run in jshell's own JVM ({@code --execution local}), their options given as {@code -J},
     * with the class path on that JVM's too (local snippets do not find the SDK's classes otherwise).
     */
    private static List<String> jshellCommand(List<String> options, Path script) {
        List<String> command = ChildJvm.command("jshell");
        command.addAll(List.of("--class-path", System.getProperty("java.class.path"), "--startup", "DEFAULT",
                "--startup", EXAMPLES.resolve("aclgraph4j.jsh").toAbsolutePath().toString()));
        if (ChildJvm.emulated()) {
            command.addAll(List.of("--execution", "local", "-J-cp", "-J" + System.getProperty("java.class.path")));
            options.forEach(option -> command.add(option.startsWith("-R") ? "-J" + option.substring(2) : option));
        } else {
            command.addAll(options);
        }
        command.add(script.toString());
        return command;
    }

    /** Runs a scripted JShell session with the startup script; returns its output. */
    private static String jshell(Path folder, List<String> options, String... lines) throws Exception {
        Path script = folder.resolve("session.jsh");
        Files.writeString(script, String.join("\n", lines) + "\n/exit\n");
        ProcessBuilder builder = new ProcessBuilder(jshellCommand(options, script)).directory(folder.toFile())
                .redirectErrorStream(true);
        builder.environment().remove("ASCEND_HOME_PATH");
        return outputOf(builder.start(), 180, "jshell");
    }

    @Test
    void theJShellHelperRefusesValuesThatDoNotFillTheShape(@TempDir Path folder) throws Exception {
        String output = jshell(folder, List.of(),
                "try { floats(new float[] {1, 2, 3}, 2, 2); } catch (IllegalArgumentException e) { "
                        + "System.out.println(\"REFUSED \" + e.getMessage()); }",
                "System.out.println(\"FITS \" + Arrays.toString(read(floats(new float[] {1, 2, 3, 4}, 2, 2))));",
                "runtime.close();");
        assertTrue(output.contains("REFUSED floats: 3 values for shape [2, 2], which has 4 elements: give one value "
                + "per element"), output);
        assertTrue(output.contains("FITS [1.0, 2.0, 3.0, 4.0]"), output);
    }

    @Test
    void theJShellStartupWithoutCannSaysSoOnce(@TempDir Path folder) throws Exception {
        String output = jshell(folder, List.of("-R-Daclgraph4j.backend=cann"),
                "System.out.println(\"RUNTIME \" + runtime);");
        assertContains(output,
                "aclgraph4j: no runtime: AclRuntime.open failed",
                "-R-Daclgraph4j.backend=sim",
                "RUNTIME null");
        assertFalse(output.contains("NullPointerException"), output);
        assertEquals(output.indexOf("no runtime"), output.lastIndexOf("no runtime"), output);
    }

    @Test
    void theJShellStartupScriptWorksInAScriptedSession(@TempDir Path folder) throws Exception {
        Path script = folder.resolve("session.jsh");
        Files.writeString(script, String.join("\n",
                "Tensor a = floats(new float[] {1, 2, 3, 4}, 2, 2);",
                "Tensor b = floats(new float[] {10, 20, 30, 40}, 2, 2);",
                "Tensor c = device.tensor(DataType.FLOAT, 2, 2);",
                "Stream s = device.createStream();",
                "AddOperator add = AddOperator.add(a, b, runtime.scalar(DataType.FLOAT, 2.0), c);",
                "Model m = s.capture(CaptureMode.GLOBAL, add::launch);",
                "m.execute(s);",
                "float[] r = read(c);",
                "System.out.println(\"RESULT \" + Arrays.toString(r));",
                "runtime.close();",
                "/exit (r[3] == 84f ? 0 : 1)",
                ""));
        Process process = new ProcessBuilder(jshellCommand(List.of(), script)).directory(folder.toFile())
                .redirectErrorStream(true).start();
        String output = outputOf(process, 180, "jshell");
        assertContains(output,
                "aclgraph4j ready",
                "RESULT [21.0, 42.0, 63.0, 84.0]");
        assertEquals(0, process.exitValue(), output);
    }

    /** Fails, showing the whole output, unless it holds every fragment. */
    private static void assertContains(String output, String... fragments) {
        for (String fragment : fragments) {
            assertTrue(output.contains(fragment), () -> "no \"" + fragment + "\" in:\n" + output);
        }
    }
}
