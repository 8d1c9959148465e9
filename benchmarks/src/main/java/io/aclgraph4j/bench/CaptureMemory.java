package io.aclgraph4j.bench;

import io.aclgraph4j.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Native memory a captured model holds per task when captured through the facade: resident set
 * growth across one capture of K adds (K = 100,000 unless given), in a fresh JVM. Prints
 * {@code capture_java_rss_bytes_per_task <value>} and the capture time per task.
 */
public final class CaptureMemory {
    private CaptureMemory() {}

    public static void main(String[] args) throws IOException {
        int k = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        try (AddChain chain = new AddChain(8)) {
            for (int i = 0; i < 20; i++) { // warm the code path with small models
                chain.capture(1000).close();
            }
            System.gc();
            long before = residentBytes();
            long start = System.nanoTime();
            Model model = chain.capture(k);
            long elapsed = System.nanoTime() - start;
            long after = residentBytes();
            System.out.printf("capture_java_rss_bytes_per_task %.1f%n", (after - before) / (double) k);
            System.out.printf("capture_java_ns_per_task %.1f%n", elapsed / (double) k);
            model.close();
        }
    }

    private static long residentBytes() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/self/statm")).trim().split("\\s+");
        return Long.parseLong(fields[1]) * 4096L;
    }
}
