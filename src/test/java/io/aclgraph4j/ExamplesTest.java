package io.aclgraph4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each example runs as its users run it: a single-file program on the SDK's class path. */
class ExamplesTest {
    static final Path EXAMPLES = Path.of(System.getProperty("aclgraph4j.examplesDir", "examples"));

    static String runExample(Path workingDirectory, String file) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                EXAMPLES.resolve(file).toAbsolutePath().toString()));
        Process process = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true)
                .start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }
        assertTrue(finished, file + " did not finish in time:\n" + output);
        assertEquals(0, process.exitValue(), file + " failed:\n" + output);
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
}
