package io.aclgraph4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SDK is a module that exports its API only, and works on the module path: the seed flow
 * (examples/SeedCapture.java) runs in a JVM with the SDK's classes and JavaCPP on the module path.
 */
class ModulePathTest {
    private static final Path CLASSES = Path.of(ModulePathTest.class.getProtectionDomain().getCodeSource()
            .getLocation().getPath()).resolveSibling("classes");

    @Test
    void theModuleExportsTheApiOnly() {
        ModuleReference module = ModuleFinder.of(CLASSES).find("io.aclgraph4j").orElseThrow();
        ModuleDescriptor descriptor = module.descriptor();
        Set<String> exported = descriptor.exports().stream().map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet());
        assertEquals(Set.of("io.aclgraph4j"), exported);
        assertTrue(descriptor.requires().stream().anyMatch(r -> r.name().equals("org.bytedeco.javacpp")));
    }

    @Test
    void theSeedFlowRunsOnTheModulePath(@TempDir Path folder) throws Exception {
        String javacpp = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> Path.of(entry).getFileName().toString().startsWith("javacpp"))
                .findFirst().orElseThrow(() -> new AssertionError("no javacpp jar on the class path"));
        List<String> command = ChildJvm.command("java");
        String cacheDir = System.getProperty("org.bytedeco.javacpp.cachedir");
        if (cacheDir != null) {
            command.add("-Dorg.bytedeco.javacpp.cachedir=" + cacheDir);
        }
        command.addAll(List.of("--module-path", CLASSES + File.pathSeparator + javacpp, "--add-modules",
                "io.aclgraph4j", ExamplesTest.EXAMPLES.resolve("SeedCapture.java").toAbsolutePath().toString()));
        Path log = folder.resolve("output.txt");
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(ChildJvm.seconds(120), TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(finished, "the seed flow did not finish on the module path:\n" + output);
        assertEquals(0, process.exitValue(), output);
        List<String> lines = output.lines().filter(line -> line.startsWith("[INFO]")).toList();
        assertEquals(8, lines.size(), output);
        assertTrue(lines.get(7).startsWith("[INFO] 8.800000"), output);
    }
}
