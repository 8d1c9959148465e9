package io.aclgraph4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Java Flight Recorder events and System.Logger records of captures, replays and updates. */
class FlightRecorderTest {

    @Test
    void captureReplayAndUpdateAreRecordedWithDurations(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("aclgraph4j.jfr");
        String modelName;
        String streamName;
        String groupName;
        try (Recording recording = new Recording()) {
            recording.enable("io.aclgraph4j.Capture").withThreshold(Duration.ZERO);
            recording.enable("io.aclgraph4j.Replay").withThreshold(Duration.ZERO);
            recording.enable("io.aclgraph4j.TaskUpdate").withThreshold(Duration.ZERO);
            recording.start();
            try (AclRuntime runtime = AclRuntime.open("sim")) {
                Device device = runtime.device(0);
                Stream stream = device.createStream();
                streamName = stream.describe();
                Tensor x = device.tensor(DataType.FLOAT, 4);
                Scalar one = runtime.scalar(DataType.FLOAT, 1.0);
                AddOperator increment = AddOperator.inplaceAdds(x, one, one);
                TaskGroup group;
                Model model;
                try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
                    stream.fillAsync(x, 0);
                    group = capture.taskGroup(() -> increment.launch(stream));
                    model = capture.end();
                }
                modelName = model.describe();
                groupName = group.describe();
                model.executeAsync(stream);
                model.execute(stream);
                group.update(stream, () -> increment.launch(stream));
                try (Capture abandoned = stream.beginCapture(CaptureMode.RELAXED)) {
                    stream.fillAsync(x, 0);
                }
            }
            recording.stop();
            recording.dump(file);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        List<RecordedEvent> captures = named(events, "io.aclgraph4j.Capture");
        assertEquals(2, captures.size(), events::toString);
        RecordedEvent capture = captures.get(0);
        assertEquals(streamName, capture.getString("stream"));
        assertEquals("GLOBAL", capture.getString("mode"));
        assertEquals(modelName, capture.getString("model"));
        assertEquals(2, capture.getInt("tasks"));
        assertEquals(1, capture.getInt("streams"));
        assertTrue(capture.getBoolean("succeeded"));
        assertFalse(capture.getDuration().isNegative());
        assertFalse(captures.get(1).getBoolean("succeeded"), "the abandoned capture");
        assertEquals("RELAXED", captures.get(1).getString("mode"));

        List<RecordedEvent> replays = named(events, "io.aclgraph4j.Replay");
        assertEquals(2, replays.size(), events::toString);
        assertFalse(replays.get(0).getBoolean("synchronous"));
        assertTrue(replays.get(1).getBoolean("synchronous"));
        for (RecordedEvent replay : replays) {
            assertEquals(modelName, replay.getString("model"));
            assertEquals(streamName, replay.getString("stream"));
            assertFalse(replay.getDuration().isNegative());
        }

        List<RecordedEvent> updates = named(events, "io.aclgraph4j.TaskUpdate");
        assertEquals(1, updates.size(), events::toString);
        assertEquals(groupName, updates.get(0).getString("taskGroup"));
        assertEquals(1, updates.get(0).getInt("kernels"));
        assertTrue(updates.get(0).getBoolean("succeeded"));
    }

    private static List<RecordedEvent> named(List<RecordedEvent> events, String name) {
        return events.stream().filter(e -> e.getEventType().getName().equals(name)).toList();
    }

    @Test
    void capturesAreLoggedThroughSystemLogger(@TempDir Path folder) throws Exception {
        // System.Logger goes to java.util.logging unless the application plugs another backend in:
        // a child JVM configured to show every level of the SDK's logger on standard error.
        Path config = folder.resolve("logging.properties");
        java.nio.file.Files.writeString(config, "handlers=java.util.logging.ConsoleHandler\n"
                + "java.util.logging.ConsoleHandler.level=ALL\nio.aclgraph4j.level=ALL\n");
        String output = ChildJvm.run(60, List.of("-Djava.util.logging.config.file=" + config), LoggedCapture.class);
        String stream = line(output, "stream=");
        String model = line(output, "model=");
        assertTrue(output.contains("aclgraph4j: opened backend sim"), output);
        assertTrue(output.contains("features [TASK_GROUPS"), output);
        assertTrue(output.contains("aclgraph4j: " + stream + " begins a GLOBAL capture"), output);
        assertTrue(output.contains("aclgraph4j: " + stream + " ended its GLOBAL capture: " + model), output);
        assertTrue(output.contains("aclgraph4j: closed AclRuntime(sim, closed)"), output);
    }

    private static String line(String output, String prefix) {
        return output.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow().substring(prefix.length());
    }

    /** Opens the simulator, captures one fill, closes: what the log should show. */
    static final class LoggedCapture {
        public static void main(String[] args) {
            try (AclRuntime runtime = AclRuntime.open("sim")) {
                Device device = runtime.device(0);
                Stream stream = device.createStream();
                DeviceBuffer buffer = device.allocate(4);
                Model model = stream.capture(CaptureMode.GLOBAL, s -> s.fillAsync(buffer, 1));
                System.out.println("stream=" + stream.describe());
                System.out.println("model=" + model);
            }
        }
    }
}
