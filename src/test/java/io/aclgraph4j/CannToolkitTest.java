package io.aclgraph4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code cann} backend against the simulator laid out as a CANN toolkit (cpp/sim/toolkit:
 * {@code sim-toolkit/} in the CMake build folder, named by the system property
 * {@code aclgraph4j.simToolkit}): each case runs {@link CannToolkitScenario} in a JVM of its own
 * with {@code -Daclgraph4j.backend=cann} and {@code ASCEND_HOME_PATH} pointing at a toolkit, the
 * way a host with CANN runs the SDK.
 */
class CannToolkitTest {
    private static Path toolkit;
    private static Path older;

    @BeforeAll
    static void findToolkit() {
        String property = System.getProperty("aclgraph4j.simToolkit");
        assumeTrue(property != null, "aclgraph4j.simToolkit is not set (the Maven build sets it)");
        toolkit = Path.of(property);
        older = toolkit.resolveSibling(toolkit.getFileName() + "-older");
        assertTrue(Files.isRegularFile(toolkit.resolve("lib64/libascendcl.so")),
                () -> "no simulator toolkit at " + toolkit + ": the CMake build lays it out (target aclsim_toolkit)");
    }

    private static String runOn(Path home, Map<String, String> environment, String mode)
            throws IOException, InterruptedException {
        return ChildJvm.run(120, List.of("-Daclgraph4j.backend=cann"),
                mergedEnvironment(home, environment), CannToolkitScenario.class, mode);
    }

    private static Map<String, String> mergedEnvironment(Path home, Map<String, String> extra) {
        Map<String, String> environment = new HashMap<>(extra);
        environment.put("ASCEND_HOME_PATH", home.toString());
        environment.put("ASCEND_TOOLKIT_HOME", null); // a real toolkit's, searched after ASCEND_HOME_PATH
        return environment;
    }

    /** A toolkit folder whose lib64 links to the given libraries. */
    private static Path toolkitOf(Path root, Path... libraries) throws IOException {
        Path lib64 = Files.createDirectories(root.resolve("lib64"));
        for (Path library : libraries) {
            Files.createSymbolicLink(lib64.resolve(library.getFileName()), library.toAbsolutePath());
        }
        return root;
    }

    private static String seedLines() {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 8; i++) {
            lines.append("[INFO]");
            for (int j = 0; j < 8; j++) {
                lines.append(String.format(Locale.ROOT, " %f", (float) (1.1 * i)));
            }
            lines.append('\n');
        }
        return lines.toString();
    }

    private static String linesStartingWith(String output, String prefix) {
        return output.lines().filter(line -> line.startsWith(prefix)).map(line -> line + "\n")
                .collect(Collectors.joining());
    }

    @Test
    void seedFlowCaptureAndDebugDumpRunOnTheToolkitsThreeLibraries() throws Exception {
        String output = runOn(toolkit, Map.of(), "flow");
        String lib64 = toolkit.resolve("lib64").toString();
        assertTrue(output.contains("backend: cann (ACL 1.17, runtime 9.2.0; " + lib64 + "/libascendcl.so, "
                + lib64 + "/libnnopbase.so, " + lib64 + "/libopapi.so)"), output);
        assertEquals(seedLines(), linesStartingWith(output, "[INFO]"), output);
        // self = 1 before the second model; three replays of self += 1.1 × other (other = 1).
        assertTrue(output.contains("accumulated: 4.3000"), output);
        assertTrue(output.contains("debug dump: tasks"), output);
        assertTrue(output.lines().anyMatch(line -> line.startsWith("features: [") && line.contains("DEBUG_JSON")),
                output);
    }

    @Test
    void theVersionsAreTheToolkitsOwn() throws Exception {
        String output = runOn(toolkit, Map.of("ACLSIM_CANN_RELEASE", "8.5"), "open");
        assertTrue(output.contains("backend: cann (ACL 1.16, runtime 8.5.0; "), output);
    }

    @Test
    void aMissingLibraryIsNamed(@TempDir Path root) throws Exception {
        Path lib64 = toolkit.resolve("lib64");
        Path partial = toolkitOf(root, lib64.resolve("libascendcl.so"), lib64.resolve("libnnopbase.so"));
        String output = runOn(partial, Map.of(), "open");
        assertTrue(output.contains("cannot load backend 'cann': libopapi.so: libopapi.so: cannot open shared object "
                + "file: No such file or directory (searched " + partial.resolve("lib64") + ","), output);
        assertTrue(output.contains("point ASCEND_HOME_PATH at the CANN toolkit"), output);
    }

    @Test
    void aFunctionNewerThanTheToolkitIsRefusedByName(@TempDir Path root) throws Exception {
        Path before83 = toolkitWithOlderRuntime(root, "before-8.3");
        String output = runOn(before83, Map.of(), "flow");
        assertEquals(seedLines(), linesStartingWith(output, "[INFO]"), output);
        // Feature detection: the runtime reports DEBUG_JSON missing, and the facade refuses by name.
        assertTrue(output.lines().anyMatch(line -> line.startsWith("features: [TASK_GROUPS, DEBUG_PRINT")
                && !line.contains("DEBUG_JSON")), output);
        assertTrue(output.contains("debug dump refused: ") && output.contains("Model.debugJson needs "
                + "aclmdlRIDebugJsonPrint, which the loaded backend (cann (ACL 1.17, runtime 9.2.0; "
                + before83.resolve("lib64/libascendcl.so")), output);
        assertTrue(output.contains("They come with CANN 8.3.RC1"), output);
    }

    @Test
    void aToolkitWithoutTheCaptureApiDoesNotOpen(@TempDir Path root) throws Exception {
        Path before81 = toolkitWithOlderRuntime(root, "before-8.1");
        String output = runOn(before81, Map.of(), "open");
        assertTrue(output.contains("backend 'cann' (" + before81.resolve("lib64/libascendcl.so")
                + ", ...) lacks required functions: aclmdlRICaptureBegin, aclmdlRICaptureGetInfo, aclmdlRICaptureEnd, "
                + "aclmdlRICaptureThreadExchangeMode, aclmdlRIExecuteAsync and 1 more. Is it an ACL runtime with the "
                + "capture API (CANN 8.1.RC1 or later)?"), output);
    }

    /** The toolkit with the ACL runtime of an older release ({@code release}: its folder under the older runtimes). */
    private static Path toolkitWithOlderRuntime(Path root, String release) throws IOException {
        Path lib64 = toolkit.resolve("lib64");
        return toolkitOf(root, older.resolve(release + "/libascendcl.so"), lib64.resolve("libnnopbase.so"),
                lib64.resolve("libopapi.so"));
    }
}
