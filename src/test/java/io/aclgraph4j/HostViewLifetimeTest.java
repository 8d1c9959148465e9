package io.aclgraph4j;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A {@link HostBuffer}'s views keep its memory: after garbage collection of the buffer, after a
 * close of the buffer, its device or its runtime, and while such a close races reads and writes
 * through the view. Each case runs in a JVM of its own ({@link HostViewScenarios}), since the
 * failure it guards against is a JVM crash.
 */
class HostViewLifetimeTest {
    @ParameterizedTest
    @CsvSource({"134217728", "64"})
    void aViewKeepsTheMemoryOfItsGarbageCollectedBuffer(int bytes) throws Exception {
        run(List.of(), "gc", Integer.toString(bytes));
    }

    @ParameterizedTest
    @CsvSource({"buffer, 134217728", "buffer, 64", "device, 134217728", "device, 64", "runtime, 134217728",
            "runtime, 64"})
    void aViewStillWorksAfterItsBufferDeviceOrRuntimeIsClosed(String what, int bytes) throws Exception {
        run(List.of(), "close", what, Integer.toString(bytes));
    }

    @Test
    void aThousandClosesRacingViewReadsAndWrites() throws Exception {
        run(List.of(), "race", "1000");
    }

    /**
     * 64 buffers of 64 MiB (4 GiB) through views that live for one statement, in a process limited
     * to 1.2 GB of virtual memory (the JVM itself takes about half of it): the memory comes back
     * after garbage collection, which an allocation that finds none left runs.
     */
    @Test
    void shortLivedViewsGiveTheirMemoryBack() throws Exception {
        String preload = System.getenv().getOrDefault("LD_PRELOAD", "");
        assumeFalse(preload.contains("asan"), "AddressSanitizer reserves more address space than the limit");
        // Measured under qemu: with the limit raised by 1 GiB for the emulator's own mappings, one of the
        // first buffers finds no memory; raised by 2 GiB, about the 40th does, as the emulated Cleaner
        // frees dropped buffers later than Device.allocateHost's quarter-second retries wait.
        assumeFalse(ChildJvm.emulated(), "under qemu-user the emulator's mappings share the address-space limit and "
                + "the Cleaner frees dropped buffers slower than Device.allocateHost retries");
        String output = ChildJvm.run(300, 1_200_000, List.of("-Xmx64m", "-XX:ReservedCodeCacheSize=32m",
                "-XX:CompressedClassSpaceSize=32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                HostViewScenarios.class, "bounded", "64", "64");
        assertTrue(output.contains("OK bounded 64 64"), output);
    }

    private static void run(List<String> jvmOptions, String... args) throws Exception {
        String output = ChildJvm.run(300, jvmOptions, HostViewScenarios.class, args);
        assertTrue(output.contains("OK " + String.join(" ", args)), output);
    }
}
