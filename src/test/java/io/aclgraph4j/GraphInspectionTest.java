package io.aclgraph4j;

import static io.aclgraph4j.TestSupport.floats;
import static io.aclgraph4j.TestSupport.read;
import static io.aclgraph4j.TestSupport.refused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a model tells about itself on the simulator: its streams and tasks as Java objects, the
 * listing of debugPrint, the DOT picture, the device-format JSON, names in toString and in
 * liveObjects.
 */
class GraphInspectionTest extends SimulatorTest {
    private Stream side;
    /** Events that fork side off the stream and join it back. */
    private Event fork;
    private Event join;

    @BeforeEach
    void openSide() {
        side = device.createStream();
        fork = device.createEvent();
        join = device.createEvent();
    }

    /**
     * A FLOAT tensor of {@code shape}, its host buffer and {@code x += 1}, captured forking to
     * `side` and joining back: copy, record, (side: wait, add, record), wait, add, copy.
     */
    private Model forkJoin(long... shape) {
        Tensor x = device.tensor(DataType.FLOAT, shape);
        HostBuffer host = device.allocateHost(x.byteSize());
        AddOperator increment = AddOperator.inplaceAdds(x, one, one);
        return stream.capture(CaptureMode.GLOBAL, s -> {
            s.copyAsync(host, x);
            TestSupport.forkJoin(s, side, fork, join, () -> increment.launch(side));
            increment.launch(s);
            s.copyAsync(x, host);
        });
    }

    @Test
    void theModelListsItsStreamsAndTasksInOrder() {
        Model model = forkJoin(4, 2);

        assertEquals(List.of(stream, side), model.streams());
        List<ModelTask> tasks = model.tasks();
        assertEquals(8, tasks.size(), tasks::toString);
        List<ModelTask.Type> types = tasks.stream().map(ModelTask::type).toList();
        assertEquals(List.of(ModelTask.Type.COPY, ModelTask.Type.EVENT_RECORD, ModelTask.Type.EVENT_WAIT,
                ModelTask.Type.KERNEL, ModelTask.Type.EVENT_RECORD, ModelTask.Type.EVENT_WAIT, ModelTask.Type.KERNEL,
                ModelTask.Type.COPY), types);
        assertEquals(List.of(0, 0, 1, 1, 1, 0, 0, 0), tasks.stream().map(ModelTask::stream).toList(), "streams");
        assertEquals(List.of(0, 1, 0, 1, 2, 2, 3, 4), tasks.stream().map(ModelTask::position).toList(), "order");
        ModelTask kernel = tasks.get(3);
        assertEquals("inplaceAdds", kernel.name());
        assertEquals(new ModelTask.Operand(DataType.FLOAT, List.of(4L, 2L), null), kernel.operands().get(0));
        assertEquals("FLOAT 1.0", kernel.operands().get(1).toString());
        assertEquals("32 bytes host to device", tasks.get(0).name());
        assertEquals(fork.describe(), tasks.get(1).event());
        assertEquals(fork.describe(), tasks.get(2).event());
        assertEquals(-1, kernel.group());
        assertEquals(model.describe() + ", 8 tasks on 2 streams", model.toString());
        assertTrue(model.toString().matches("Model#\\d+ on device 0, 8 tasks on 2 streams"), model.toString());
    }

    @Test
    void debugPrintReturnsTheListingToJava() {
        Model model = forkJoin(4, 2);
        String listing = model.debugPrint();
        List<String> lines = listing.lines().toList();
        assertEquals(model.toString(), lines.get(0));
        assertEquals("stream 0 (" + stream.describe() + ")", lines.get(1));
        assertEquals("  task 0: COPY 32 bytes host to device", lines.get(2));
        assertTrue(lines.contains("  task 1: KERNEL inplaceAdds(FLOAT[4, 2], FLOAT 1.0, FLOAT 1.0)"), listing);
        assertTrue(lines.contains("stream 1 (" + side.describe() + ")"), listing);
        assertEquals(1 + 2 + 8, lines.size(), listing);
        model.close();
        refused(IllegalStateException.class, model::debugPrint, "Model#", "is closed");
    }

    @Test
    void theDotPictureHasTasksStreamOrderEventEdgesAndClusters(@TempDir Path folder) throws Exception {
        Tensor x = device.tensor(DataType.FLOAT, 4, 2);
        HostBuffer host = device.allocateHost(32);
        AddOperator increment = AddOperator.inplaceAdds(x, one, one);
        Tensor y = device.tensor(DataType.FLOAT, 4, 2);
        AddOperator sum = AddOperator.add(x, x, one, y);
        Model model;
        try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
            stream.copyAsync(host, x);
            TestSupport.forkJoin(stream, side, fork, join, () -> increment.launch(side));
            capture.taskGroup(() -> sum.launch(stream));
            model = capture.end();
        }
        String dot = model.toDot();
        assertTrue(dot.startsWith("digraph \"" + model.describe() + "\" {"), dot);
        assertTrue(dot.endsWith("}\n"), dot);
        // Nodes: one per task, labelled with operator, data type and shape.
        List<ModelTask> tasks = model.tasks();
        for (ModelTask task : tasks) {
            assertTrue(dot.contains("  t" + task.index() + " [label="), "node of " + task + ":\n" + dot);
        }
        assertTrue(dot.contains("[label=\"add\\nFLOAT[4, 2]\\nFLOAT[4, 2]\\nFLOAT 1.0\\nFLOAT[4, 2]\""), dot);
        // Edges: stream order, and each wait from the record of its event.
        Edges edges = edges(dot);
        assertTrue(edges.solid.contains("t0->t1"), dot);        // stream: copy, record
        assertTrue(edges.solid.contains("t2->t3"), dot);        // side: wait, add
        assertTrue(edges.solid.contains("t5->t6"), dot);        // stream: wait, add
        assertFalse(edges.solid.contains("t1->t2"), "no stream edge across streams:\n" + dot);
        assertEquals(List.of("t1->t2", "t4->t5"), edges.dashed, dot);
        assertEquals(tasks.size() - model.streams().size(), edges.solid.size(), dot);
        // Clusters: one per stream, one per task group.
        assertTrue(dot.contains("subgraph cluster_stream0 {"), dot);
        assertTrue(dot.contains("subgraph cluster_stream1 {"), dot);
        assertTrue(dot.contains("subgraph cluster_group0 {"), dot);
        ModelTask grouped = tasks.stream().filter(t -> t.group() == 0).findFirst().orElseThrow();
        assertEquals("add", grouped.name());
        assertTrue(dot.indexOf("cluster_group0") < dot.indexOf("  t" + grouped.index() + " [label="), dot);
        Path file = folder.resolve("model.dot");
        model.toDot(file);
        assertEquals(dot, Files.readString(file));
    }

    /** The edges of a DOT text: solid ones and dashed ones, as "tA->tB". */
    private record Edges(List<String> solid, List<String> dashed) {}

    private static Edges edges(String dot) {
        Matcher m = Pattern.compile("  (t\\d+) -> (t\\d+)( \\[style=dashed[^\\]]*\\])?;").matcher(dot);
        List<String> solid = new java.util.ArrayList<>();
        List<String> dashed = new java.util.ArrayList<>();
        while (m.find()) {
            (m.group(3) == null ? solid : dashed).add(m.group(1) + "->" + m.group(2));
        }
        return new Edges(solid, dashed);
    }

    private static ModelTask kernel(Model model) {
        return model.tasks().stream().filter(t -> t.type() == ModelTask.Type.KERNEL).findFirst().orElseThrow();
    }

    @Test
    void theRuntimesListShowsTheNopsBeforeATaskGroup() {
        assertTrue(runtime.supports(Feature.TASK_INTROSPECTION), runtime.features()::toString);
        Tensor x = device.tensor(DataType.FLOAT, 4, 2);
        HostBuffer host = device.allocateHost(32);
        Tensor y = device.tensor(DataType.FLOAT, 4, 2);
        AddOperator sum = AddOperator.add(x, x, one, y);
        Model model;
        try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
            stream.copyAsync(host, x);
            capture.taskGroup(() -> sum.launch(stream));
            model = capture.end();
        }
        List<ModelTask> tasks = model.tasks();
        assertEquals(1 + 8 + 1, tasks.size(), tasks::toString);
        assertEquals(ModelTask.Type.COPY, tasks.get(0).type());
        for (int i = 1; i <= 8; i++) {
            assertEquals(new ModelTask(i, 0, i, ModelTask.Type.OTHER, "DEFAULT", List.of(), null, -1, -1, -1),
                    tasks.get(i));
        }
        assertEquals("KERNEL add(FLOAT[4, 2], FLOAT[4, 2], FLOAT 1.0, FLOAT[4, 2]) [group 0]", tasks.get(9).toString());
        assertEquals(9, tasks.get(9).position());
        assertTrue(model.debugPrint().contains("\n  task 1: OTHER DEFAULT\n"), model::debugPrint);
        assertTrue(model.toDot().contains("  t1 [label=\"DEFAULT\", style=\"rounded,dashed\"];"), model::toDot);
        assertEquals(model.describe() + ", 2 tasks on 1 stream, 1 task group", model.toString());
        model.close();
    }

    /** "TYPE name" of each task, the way the tests below compare listings. */
    private static List<String> described(List<ModelTask> tasks) {
        return tasks.stream().map(t -> t.stream() + ":" + t.position() + " " + t.type() + " " + t.name()
                + (t.inBody() ? " in t" + t.condition() + "/" + t.body() : "")).toList();
    }

    @Test
    void theRuntimesListIsLabelledOnEveryStreamAroundNopsConditionalsEventsCopiesAndFills() {
        assertTrue(runtime.supports(Feature.CONDITIONAL_GRAPHS), runtime.features()::toString);
        Tensor x = device.tensor(DataType.FLOAT, 4, 2);
        Tensor y = device.tensor(DataType.FLOAT, 4, 2);
        HostBuffer host = device.allocateHost(32);
        Tensor counter = device.tensor(DataType.INT64, 1);
        DeviceBuffer word = device.allocate(8);
        AddOperator increment = AddOperator.inplaceAdds(x, one, one);
        AddOperator sum = AddOperator.add(x, x, one, y);
        Model model;
        Condition[] chosen = new Condition[1];
        try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
            stream.copyAsync(host, x);
            fork.record(stream);
            side.waitFor(fork);
            side.fillAsync(y, 0);
            side.writeValueAsync(word, 1);
            increment.launch(side);
            capture.taskGroup(() -> { }); // its prefetch NOPs, then a copy: both DEFAULT on the device
            stream.copyAsync(host, y);
            chosen[0] = capture.condition();
            chosen[0].copyFromAsync(stream, counter);
            capture.ifElse(chosen[0], body -> increment.launch(body.stream()),
                    body -> body.stream().fillAsync(x, 0));
            capture.taskGroup(() -> sum.launch(stream));
            join.record(side);
            stream.waitFor(join);
            stream.copyAsync(y, host);
            model = capture.end();
        }
        String ifTask = "IF on " + chosen[0].describe() + " with 2 bodies";
        String nop = " OTHER DEFAULT";
        List<String> expected = new java.util.ArrayList<>(List.of("0:0 COPY 32 bytes host to device",
                "0:1 EVENT_RECORD record", "1:0 EVENT_WAIT wait", "1:1 FILL 32 bytes of device with 0",
                "1:2 VALUE_WRITE write 1", "1:3 KERNEL inplaceAdds"));
        for (int i = 0; i < 8; i++) {
            expected.add("0:" + (2 + i) + nop);
        }
        expected.addAll(List.of("0:10 COPY 32 bytes host to device", "0:11 COPY 8 bytes device to "
                + chosen[0].describe(), "0:12 CONDITION " + ifTask, "0:0 KERNEL inplaceAdds in t16/0",
                "0:0 FILL 32 bytes of device with 0 in t16/1"));
        for (int i = 0; i < 8; i++) {
            expected.add("0:" + (13 + i) + nop);
        }
        expected.addAll(List.of("0:21 KERNEL add", "1:4 EVENT_RECORD record", "0:22 EVENT_WAIT wait",
                "0:23 COPY 32 bytes device to host"));
        List<ModelTask> tasks = model.tasks();
        assertEquals(expected, described(tasks), tasks::toString);
        assertEquals(1, tasks.get(27).group(), "the second task group's kernel");
        assertEquals(-1, tasks.get(5).group(), "the kernel on the side stream is in no group");
        assertEquals(List.of(fork.describe(), join.describe()), List.of(tasks.get(1).event(), tasks.get(28).event()));
        assertEquals(List.of(16, 16), List.of(tasks.get(17).condition(), tasks.get(18).condition()));
        // The record alone (what a backend without the introspection calls gives) has the same labels.
        assertEquals(expected.stream().filter(t -> !t.endsWith(nop)).map(t -> t.replace(" in t16/", " in t8/"))
                .map(t -> t.replaceFirst("^0:(\\d+) ", "0:# ").replaceFirst("^1:(\\d+) ", "1:# ")).toList(),
                described(model.recordedTasks()).stream().map(t -> t.replaceFirst("^0:(\\d+) ", "0:# ")
                        .replaceFirst("^1:(\\d+) ", "1:# ")).toList());
        model.close();
    }

    @Test
    void anUpdateShowsInTheTasks() {
        Tensor a = floats(device, new float[] {1, 2}, 2);
        Tensor b = floats(device, new float[] {10, 20}, 2);
        Tensor out = device.tensor(DataType.FLOAT, 2);
        AddOperator first = AddOperator.add(a, a, one, out);
        AddOperator second = AddOperator.add(b, b, runtime.scalar(DataType.FLOAT, 2.0), out);
        TaskGroup[] group = new TaskGroup[1];
        Model model;
        try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
            group[0] = capture.taskGroup(() -> first.launch(stream));
            model = capture.end();
        }
        assertEquals("FLOAT 1.0", kernel(model).operands().get(2).toString());
        assertTrue(group[0].toString().matches("TaskGroup#\\d+ on device 0, 1 kernel"), group[0].toString());
        assertTrue(model.toString().endsWith(", 1 task on 1 stream, 1 task group"), model.toString());
        group[0].update(stream, () -> second.launch(stream));
        stream.synchronize();
        assertEquals("FLOAT 2.0", kernel(model).operands().get(2).toString(), "the update's alpha");
        model.execute(stream);
        assertArrayEquals(new float[] {30, 60}, read(device, out), 0f);
    }

    @Test
    void aStreamSaysWhetherItCapturesAndWhichCaptureItJoined() {
        assertTrue(stream.toString().matches("Stream#1 on device 0"), stream.toString());
        assertTrue(side.toString().matches("Stream#2 on device 0"), side.toString());
        Model model;
        try (Capture capture = stream.beginCapture(CaptureMode.THREAD_LOCAL)) {
            assertEquals("Stream#1 on device 0, capturing THREAD_LOCAL", stream.toString());
            assertEquals("Stream#2 on device 0", side.toString(), "not joined yet");
            fork.record(stream);
            side.waitFor(fork);
            assertEquals("Stream#2 on device 0, capturing THREAD_LOCAL, joined from Stream#1 on device 0",
                    side.toString());
            join.record(side);
            stream.waitFor(join);
            model = capture.end();
        }
        assertEquals("Stream#1 on device 0", stream.toString());
        assertEquals("Stream#2 on device 0", side.toString(), "the capture's end ends the join");
        assertTrue(fork.toString().matches("Event#1 on device 0"), fork.toString());
        // A capture left by an exception: the stream no longer says it captures.
        try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
            assertTrue(stream.toString().endsWith("capturing GLOBAL"));
        }
        assertEquals("Stream#1 on device 0", stream.toString());
        stream.close();
        assertEquals("Stream#1 on device 0 (closed)", stream.toString());
        model.close();
    }

    @Test
    void liveObjectsNameTheJavaObjectsAndTheNativeDetails() {
        Tensor x = device.tensor(DataType.FLOAT16, 3, 5);
        AddOperator increment = AddOperator.inplaceAdds(x, one, one);
        Model model = stream.capture(CaptureMode.GLOBAL, increment::launch);
        List<LiveObject> live = runtime.liveObjectList();
        LiveObject tensor = live.stream().filter(o -> o.kind().equals("tensor")).findFirst().orElseThrow();
        assertEquals(x.toString(), tensor.name());
        assertEquals("FLOAT16 [3,5]", tensor.details());
        LiveObject executor = live.stream().filter(o -> o.kind().equals("executor")).findFirst().orElseThrow();
        assertEquals(increment.toString(), executor.name());
        assertTrue(executor.details().startsWith("aclnnInplaceAdds"), executor.details());
        LiveObject scalar = live.stream().filter(o -> o.kind().equals("scalar")).findFirst().orElseThrow();
        assertTrue(scalar.details().matches("FLOAT 1\\.0*"), scalar.details());
        assertTrue(live.stream().anyMatch(o -> model.toString().startsWith(String.valueOf(o.name()))
                && o.kind().equals("model")), live::toString);
        // Closed in Java, kept by the model: listed without a Java name.
        increment.close();
        x.close();
        LiveObject kept = runtime.liveObjectList().stream().filter(o -> o.kind().equals("tensor")).findFirst()
                .orElseThrow();
        assertNull(kept.name());
        assertTrue(runtime.liveObjects().contains("(closed in Java, still used natively): tensor FLOAT16 [3,5]"),
                runtime::liveObjects);
        assertFalse(runtime.liveObjects().matches("(?s).*\\bop \\d.*|.*dtype \\d.*"), "no numeric codes");
        model.close();
    }

    @Test
    void theSimulatorHasTheFeaturesItsFunctionsGive() {
        assertTrue(runtime.features().containsAll(java.util.EnumSet.of(Feature.TASK_GROUPS, Feature.DEBUG_PRINT,
                Feature.DEBUG_JSON)), runtime.features()::toString);
    }

    @Test
    void aModelIsNamedInTheRuntimeWhereTheBackendCan() {
        Model model = stream.capture(CaptureMode.GLOBAL, s -> s.fillAsync(device.allocate(8), 1));
        if (runtime.supports(Feature.MODEL_NAMES)) {
            model.name("decode-step");
            assertEquals("decode-step", model.name());
            assertTrue(model.toString().contains("\"decode-step\""), model.toString());
        } else {
            refused(FeatureUnavailableException.class, () -> model.name("decode-step"), "aclmdlRISetName");
        }
        if (runtime.supports(Feature.MODEL_IDS)) {
            long id = model.id();
            assertTrue(model.debugJson().contains("\"Model Id\":" + id + ","), "the JSON dump's model id");
        } else {
            refused(FeatureUnavailableException.class, model::id, "aclmdlRIGetId", "CANN 9.1.0");
        }
        model.close();
    }

    @Test
    void theJsonDumpFollowsTheDevicesFormat() {
        Model model = forkJoin(4);
        String json = model.debugJson();
        Pattern record = Pattern.compile("\\{\"name\":\"([A-Za-z_0-9]+)\",\"pid\":\"\\d+ aclGraph\","
                + "\"tid\":\"stream(\\d+)\","
                + "\"ts\":(\\d+),\"dur\":([0-9.]+),\"ph\":\"X\",\"args\":\\{\"Model Id\":\\d+,\"Stream Id\":(\\d+),"
                + "\"Task Id\":(\\d+),\"Task Type\":\"([A-Z_]+)\"\\}\\}");
        java.util.Map<String, Long> clock = new java.util.HashMap<>();
        int records = 0;
        for (String line : json.lines().filter(l -> l.startsWith("{")).toList()) {
            Matcher m = record.matcher(line);
            assertTrue(m.lookingAt(), "a record in the device's format: " + line);
            records++;
            String type = m.group(7);
            long cost = type.contains("RECORD") ? 5 : type.contains("WAIT") ? 15 : 10;
            assertEquals(clock.getOrDefault(m.group(2), 0L), Long.parseLong(m.group(3)), "ts on its stream: " + line);
            assertEquals(cost - 0.5, Double.parseDouble(m.group(4)), 1e-9, line);
            clock.merge(m.group(2), cost, Long::sum);
            assertEquals(m.group(2), m.group(5));
            if (m.group(1).equals("Add")) {
                assertEquals("KERNEL_AICORE", type);
            }
        }
        assertEquals(8, records, json);
        assertEquals(2, clock.size(), "two streams, each with its own clock: " + json);
    }
}
