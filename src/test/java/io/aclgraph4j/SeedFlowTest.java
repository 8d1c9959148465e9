package io.aclgraph4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed's capture-and-replay flow through the whole stack on the simulator. */
class SeedFlowTest extends SimulatorTest {
    private static final long[] SHAPE = {4, 2};

    @Test
    void replayIReadsTheHostBufferAnewAndYieldsElevenTenthsTimesI(@TempDir Path folder) throws Exception {
        SeedOperands seed = new SeedOperands(runtime, device);
        HostBuffer selfHost = seed.selfHost;
        HostBuffer otherHost = seed.otherHost;

        Model model;
        try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
            stream.copyAsync(selfHost, seed.self);
            // Under GLOBAL the synchronous copy is refused until the thread relaxes itself.
            CaptureException refused = assertThrows(CaptureException.class, () -> device.copy(otherHost, seed.other));
            assertEquals(107030, refused.code());
            try (CaptureModeScope relaxed = runtime.captureMode(CaptureMode.RELAXED)) {
                assertEquals(CaptureMode.GLOBAL, relaxed.previous());
                device.copy(otherHost, seed.other);
            }
            seed.add.launch(stream);
            stream.copyAsync(seed.out, selfHost);
            assertEquals(CaptureStatus.ACTIVE, capture.status());
            model = capture.end();
        }
        assertEquals(CaptureStatus.NONE, stream.captureStatus());
        assertEquals(0f, selfHost.toFloatArray()[0], "nothing runs while capturing");

        Path json = folder.resolve("modelRI.json");
        model.debugJson(json);
        assertTrue(Files.readString(json).contains("MEMCPY_ASYNC"));

        for (int replay = 1; replay <= 8; replay++) {
            model.executeAsync(stream);
            stream.synchronize();
            float[] values = selfHost.toFloatArray();
            for (float value : values) {
                assertEquals(1.1f * replay, value, 1e-5f, "replay " + replay + ": " + Arrays.toString(values));
            }
        }
        model.close();
    }

    @Test
    void objectsClosedBeforeTheModelStayAliveUntilItCloses() {
        Tensor self = device.tensor(DataType.FLOAT, SHAPE);
        Tensor other = device.tensor(DataType.FLOAT, SHAPE);
        Tensor out = device.tensor(DataType.FLOAT, SHAPE);
        HostBuffer host = device.allocateHost(out.byteSize());
        float[] twos = new float[8];
        Arrays.fill(twos, 2f);
        host.write(twos);
        device.copy(host, self);
        device.copy(host, other);
        Model model;
        try (Scalar alpha = runtime.scalar(DataType.FLOAT, 0.5);
             AddOperator add = AddOperator.add(self, other, alpha, out)) {
            model = stream.capture(CaptureMode.GLOBAL, s -> {
                add.launch(s);
                s.copyAsync(out, host);
            });
        }
        self.close();
        other.close();
        out.close();
        IllegalStateException closed = assertThrows(IllegalStateException.class, () -> stream.copyAsync(out, host));
        assertTrue(closed.getMessage().matches("Tensor#\\d+ FLOAT\\[4, 2\\] on device 0 is closed"),
                closed.getMessage());
        host.write(new float[8]);
        model.execute(stream);
        assertEquals(3f, host.toFloatArray()[7], 1e-6f);
        model.close();
    }

    @Test
    void aCaptureScopeLeftByAnExceptionLeavesTheStreamUsable() {
        try (Tensor tensor = device.tensor(DataType.FLOAT, SHAPE);
             HostBuffer host = device.allocateHost(tensor.byteSize())) {
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> {
                try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
                    stream.copyAsync(host, tensor);
                    throw new IllegalStateException("the caller's own failure");
                }
            });
            assertEquals("the caller's own failure", thrown.getMessage());
            assertEquals(CaptureStatus.NONE, stream.captureStatus());
            assertEquals(0, runtime.liveObjects().lines().filter(line -> line.startsWith("model")).count());
            host.write(new float[] {4f, 5f});
            stream.copyAsync(host, tensor);
            stream.copyAsync(tensor, host);
            stream.synchronize();
            assertEquals(5f, host.toFloatArray()[1]);
        }
    }
}
