package io.aclgraph4j;

import static io.aclgraph4j.TestSupport.assertFloats;
import static io.aclgraph4j.TestSupport.filled;
import static io.aclgraph4j.TestSupport.floats;
import static io.aclgraph4j.TestSupport.read;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The facade's contract where the other suites do not reach: multi-stream capture through
 * events, task-group updates with new operands, every copy kind and fill, tensors of several data
 * types with strided and offset views, the model's JSON dump, closing what a live model uses, and
 * closing while replays run. Every result is checked value by value.
 */
class FacadeContractTest extends SimulatorTest {
    private static final Pattern TASK = Pattern.compile("\\{\"name\":\"([A-Za-z_0-9]+)\".*?\"tid\":\"([a-z0-9]+)\""
            + ".*?\"ph\":\"X\"");

    // ---- events and multi-stream capture ----

    @Test
    void aCaptureForksToTwoStreamsAndJoinsBack() {
        Stream left = device.createStream();
        Stream right = device.createStream();
        Tensor a = floats(device, new float[] {1, 2, 3, 4}, 4);
        Tensor b = floats(device, new float[] {10, 20, 30, 40}, 4);
        Tensor c = device.tensor(DataType.FLOAT, 4);
        HostBuffer host = device.allocateHost(16);
        AddOperator doubleA = AddOperator.inplaceAdd(a, a, one);
        AddOperator incrementB = AddOperator.inplaceAdds(b, one, one);
        AddOperator sum = AddOperator.add(a, b, runtime.scalar(DataType.FLOAT, 0.5), c);
        Event fork = device.createEvent();
        Event leftDone = device.createEvent();
        Event rightDone = device.createEvent();
        Model model;
        try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
            fork.record(stream);
            left.waitFor(fork);
            right.waitFor(fork);
            assertEquals(CaptureStatus.ACTIVE, left.captureStatus(), "waiting on a captured event joins");
            doubleA.launch(left);
            incrementB.launch(right);
            leftDone.record(left);
            rightDone.record(right);
            stream.waitFor(leftDone);
            stream.waitFor(rightDone);
            sum.launch(stream);
            stream.copyAsync(c, host);
            CaptureException refused = assertThrows(CaptureException.class, leftDone::synchronize);
            assertEquals(107028, refused.code());
            assertEquals(107027, assertThrows(CaptureException.class, right::synchronize).code());
            model = capture.end();
        }
        assertEquals(CaptureStatus.NONE, left.captureStatus(), "joined streams leave with the capture");
        assertTrue(leftDone.isComplete(), "an event recorded in an ended capture is not pending");
        float[] expectedA = {1, 2, 3, 4};
        float[] expectedB = {10, 20, 30, 40};
        for (int replay = 1; replay <= 4; replay++) {
            model.execute(right); // any stream of the device replays every branch
            float[] expectedC = new float[4];
            for (int i = 0; i < 4; i++) {
                expectedA[i] *= 2;
                expectedB[i] += 1;
                expectedC[i] = expectedA[i] + 0.5f * expectedB[i];
            }
            assertFloats(expectedC, host.toFloatArray(), "replay " + replay);
        }
        List<String[]> tasks = tasks(model.debugJson());
        assertEquals(11, tasks.size(), "every captured task, records and waits included");
        assertEquals(3, tasks.stream().map(task -> task[1]).distinct().count(), "three model streams");
        model.close();
        // Eager use of the same events and streams afterwards.
        fork.record(stream);
        left.waitFor(fork);
        doubleA.launch(left);
        leftDone.record(left);
        leftDone.synchronize();
        assertFloats(new float[] {32, 64, 96, 128}, read(device, a), "eager fork after the capture");
    }

    @Test
    void aJoinedStreamCanForkFurtherAndEveryBranchMustJoinBack() {
        Stream second = device.createStream();
        Stream third = device.createStream();
        Tensor x = floats(device, new float[] {0, 0}, 2);
        HostBuffer host = device.allocateHost(8);
        AddOperator increment = AddOperator.inplaceAdds(x, one, one);
        Event toSecond = device.createEvent();
        Event toThird = device.createEvent();
        Event thirdBack = device.createEvent();
        Event secondBack = device.createEvent();
        Model model = stream.capture(CaptureMode.THREAD_LOCAL, s -> {
            toSecond.record(s);
            second.waitFor(toSecond);
            increment.launch(second);
            toThird.record(second);
            third.waitFor(toThird);
            increment.launch(third);
            thirdBack.record(third);
            second.waitFor(thirdBack);
            secondBack.record(second);
            s.waitFor(secondBack);
            s.copyAsync(x, host);
        });
        model.execute(stream);
        model.execute(stream);
        assertFloats(new float[] {4, 4}, host.toFloatArray(), "two increments per replay, one per branch");
        model.close();
        // third joined back only to second, which never joined back: 107025, and nothing is left capturing.
        try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
            toSecond.record(stream);
            second.waitFor(toSecond);
            toThird.record(second);
            third.waitFor(toThird);
            thirdBack.record(third);
            second.waitFor(thirdBack);
            increment.launch(second);
            CaptureException unjoined = assertThrows(CaptureException.class, capture::end);
            assertEquals(107025, unjoined.code());
        }
        for (Stream each : List.of(stream, second, third)) {
            assertEquals(CaptureStatus.NONE, each.captureStatus());
        }
    }

    @Test
    void eventsOrderEagerWorkAcrossStreams() {
        Stream producer = device.createStream();
        Stream consumer = device.createStream();
        Tensor big = device.tensor(DataType.FLOAT, 1 << 16);
        Tensor copy = device.tensor(DataType.FLOAT, 1 << 16);
        Scalar three = runtime.scalar(DataType.FLOAT, 3.0);
        AddOperator fill = AddOperator.adds(big, three, one, big);
        Event ready = device.createEvent();
        assertTrue(ready.isComplete(), "an event never recorded is complete");
        producer.fillAsync(big, 0);
        for (int i = 0; i < 20; i++) {
            fill.launch(producer);
        }
        ready.record(producer);
        consumer.waitFor(ready);
        consumer.copyAsync(big, copy);
        consumer.synchronize();
        assertTrue(ready.isComplete());
        float[] values = read(device, copy);
        assertEquals(60f, values[0]);
        assertEquals(60f, values[values.length - 1]);
    }

    // ---- task groups ----

    @Test
    void taskGroupUpdatesReplaceACapturedAddsOperandsWithoutCapturingAgain() {
        Tensor a = floats(device, new float[] {1, 2, 3}, 3);
        Tensor b = floats(device, new float[] {10, 20, 30}, 3);
        Tensor c = floats(device, new float[] {100, 200, 300}, 3);
        Tensor out = device.tensor(DataType.FLOAT, 3);
        Tensor otherOut = device.tensor(DataType.FLOAT, 3);
        HostBuffer host = device.allocateHost(12);
        HostBuffer otherHost = device.allocateHost(12);
        Scalar two = runtime.scalar(DataType.FLOAT, 2.0);
        Stream updater = device.createStream();
        Event updated = device.createEvent();
        TaskGroup group;
        Model model;
        try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL);
             AddOperator aPlusB = AddOperator.add(a, b, one, out)) {
            group = capture.taskGroup(() -> aPlusB.launch(stream));
            stream.copyAsync(out, host);
            stream.copyAsync(otherOut, otherHost);
            model = capture.end();
        }
        model.execute(stream);
        assertFloats(new float[] {11, 22, 33}, host.toFloatArray(), "as captured");

        // New operands, a new alpha and a new output: the copies captured after it stay as they were.
        try (AddOperator bPlusTwoC = AddOperator.add(b, c, two, otherOut)) {
            group.update(updater, () -> bPlusTwoC.launch(updater));
        }
        updated.record(updater);
        stream.waitFor(updated); // ordered by an event instead of synchronising the updater
        model.execute(stream);
        assertFloats(new float[] {210, 420, 630}, otherHost.toFloatArray(), "after the first update");

        // A single-use executor may be the replacement too; the model keeps it.
        group.update(updater, () -> AddOperator.addOnce(updater, c, a, runtime.scalar(DataType.FLOAT, -1.0), out));
        updater.synchronize();
        model.execute(stream);
        model.execute(stream);
        assertFloats(new float[] {99, 198, 297}, host.toFloatArray(), "after the second update");
        // The group's kernel, the two copies and the 8 NOP tasks the group begins with (the 910B's
        // task-prefetch count, Context::StreamBeginTaskGrp).
        assertEquals(11, tasks(model.debugJson()).size(), "updating adds no task");
        group.close();
        model.execute(stream); // the group's kernel stays in the model
        assertFloats(new float[] {99, 198, 297}, host.toFloatArray(), "after closing the group");
        model.close();
    }

    @Test
    void severalTaskGroupsInOneCaptureUpdateIndependently() {
        Tensor x = floats(device, new float[] {0}, 1);
        Tensor y = floats(device, new float[] {0}, 1);
        HostBuffer host = device.allocateHost(8);
        TaskGroup first;
        TaskGroup second;
        Model model;
        try (Capture capture = stream.beginCapture(CaptureMode.RELAXED)) {
            first = capture.taskGroup(() -> AddOperator.inplaceAdds(x, one, one).launch(stream));
            second = capture.taskGroup(() -> {
                AddOperator.inplaceAdds(y, one, one).launch(stream);
                AddOperator.inplaceAdds(y, one, one).launch(stream);
            });
            stream.copyAsync(x, 0, host, 0, 4);
            stream.copyAsync(y, 0, host, 4, 4);
            model = capture.end();
        }
        model.execute(stream);
        assertFloats(new float[] {1, 2}, host.toFloatArray(), "as captured");
        Scalar hundred = runtime.scalar(DataType.FLOAT, 100.0);
        second.update(stream, () -> {
            AddOperator.inplaceAdds(y, hundred, one).launch(stream);
            AddOperator.inplaceAdds(y, hundred, runtime.scalar(DataType.FLOAT, -1.0)).launch(stream);
        });
        model.execute(stream);
        assertFloats(new float[] {2, 2}, host.toFloatArray(), "the second group's kernels cancel out now");
        first.update(stream, () -> AddOperator.inplaceAdds(x, hundred, one).launch(stream));
        model.execute(stream);
        assertFloats(new float[] {102, 2}, host.toFloatArray(), "the first group updated too");
        model.close();
    }

    // ---- copies and fills ----

    @Test
    void everyCopyKindAndFillEagerAndCaptured() {
        HostBuffer hostA = device.allocateHost(32);
        HostBuffer hostB = device.allocateHost(32);
        DeviceBuffer buffer = device.allocate(32);
        Tensor tensor = device.tensor(DataType.FLOAT, 8);
        Tensor tail = buffer.view(DataType.FLOAT, new long[] {4}, null, 4); // contiguous view at an offset
        hostA.write(new float[] {1, 2, 3, 4, 5, 6, 7, 8});

        device.copy(hostA, hostB);                               // host to host (synchronous)
        assertFloats(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, hostB.toFloatArray(), "host to host");
        stream.copyAsync(hostA, buffer);                           // host to device
        stream.copyAsync(buffer, tensor);                          // device to device
        stream.copyAsync(tail, 0, tensor, 0, 16);                  // device to device, offsets
        stream.fillAsync(hostB, 0);                                // fill host memory
        stream.copyAsync(tensor, 4, hostB, 8, 12);                 // device to host, offsets
        stream.synchronize();
        assertFloats(new float[] {0, 0, 6, 7, 8, 0, 0, 0}, hostB.toFloatArray(), "eager copies");
        device.fill(tail, 0);                                    // synchronous fill of a view
        device.copy(buffer, hostB);                              // device to host (synchronous)
        assertFloats(new float[] {1, 2, 3, 4, 0, 0, 0, 0}, hostB.toFloatArray(), "synchronous fill of a view");

        Model model = stream.capture(CaptureMode.GLOBAL, s -> {
            s.fillAsync(hostB, 0);                               // fill host memory
            s.copyAsync(hostA, buffer);                          // host to device
            s.fillAsync(tail, 0x40);                             // fill device memory: 0x40404040 per float
            s.copyAsync(buffer, tensor);                         // device to device
            s.copyAsync(tensor, 0, hostB, 16, 16);               // device to host, offsets
        });
        hostA.write(new float[] {9, 9, 9, 9, 9, 9, 9, 9});       // read by the replay, not by the capture
        hostB.write(filled(8, 5));
        model.execute(stream);
        float pattern = Float.intBitsToFloat(0x40404040);
        assertFloats(new float[] {0, 0, 0, 0, 9, 9, 9, 9}, hostB.toFloatArray(), "captured copies");
        assertFloats(new float[] {9, 9, 9, 9, pattern, pattern, pattern, pattern}, read(device, tensor),
                "captured fill");
        model.close();
    }

    // ---- data types and views ----

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "FLOAT16", "BF16", "DOUBLE", "INT8", "UINT8", "INT16",
            "INT32", "INT64"})
    void addsOfEveryDataTypeThroughStridedAndOffsetViews(DataType type) {
        // a: [2, 3] contiguous; aT: its transpose [3, 2] as a view (strides [1, 3]);
        // c: [3, 2] contiguous; out: a [3, 2] view with row stride 4 at offset 1 in a 12-element buffer.
        double[] aValues = {1, 2, 3, 4, 5, 6};
        double[] cValues = {5, 10, 15, 20, 25, 30};
        Tensor a = typed(type, aValues, 2, 3);
        Tensor c = typed(type, cValues, 3, 2);
        Tensor aT = a.storage().view(type, new long[] {3, 2}, new long[] {1, 3}, 0);
        DeviceBuffer outBuffer = device.allocate(12L * type.byteSize());
        double[] sentinel = filled12(7);
        writeTyped(type, outBuffer, sentinel);
        Tensor out = outBuffer.view(type, new long[] {3, 2}, new long[] {4, 1}, 1);
        assertFalse(out.isContiguous());
        Scalar two = type.isFloatingPoint() ? runtime.scalar(type, 2.0) : runtime.scalar(type, 2L);
        Model model = stream.capture(CaptureMode.GLOBAL, AddOperator.add(aT, c, two, out)::launch);
        model.execute(stream);
        // out[i][j] = a[j][i] + 2 × c[i][j], at buffer position 1 + 4 i + j
        double[] expected = filled12(7);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                expected[1 + 4 * i + j] = aValues[j * 3 + i] + 2 * cValues[i * 2 + j];
            }
        }
        assertArrayEquals(expected, readTyped(type, outBuffer, 12), type + ": " + out);
        // In place through a strided view: every other element of a 12-element buffer.
        Tensor everyOther = outBuffer.view(type, new long[] {6}, new long[] {2}, 0);
        AddOperator.inplaceAdds(everyOther, two, two).launch(stream); // += 4
        stream.synchronize();
        for (int k = 0; k < 12; k += 2) {
            expected[k] += 4;
        }
        assertArrayEquals(expected, readTyped(type, outBuffer, 12), type + ": in place through a strided view");
        model.close();
    }

    @Test
    void mixedDataTypesPromote() {
        Tensor floats = floats(device, new float[] {1.5f, 2.5f}, 2);
        Tensor ints = typed(DataType.INT32, new double[] {10, 20}, 2);
        Tensor out = device.tensor(DataType.FLOAT, 2);
        AddOperator.addOnce(stream, ints, floats, runtime.scalar(DataType.INT32, 2L), out);
        stream.synchronize();
        assertFloats(new float[] {13, 25}, read(device, out), "INT32 + 2 × FLOAT into FLOAT");
    }

    // ---- the model's JSON ----

    @Test
    void debugJsonListsEveryTaskPerStream(@TempDir Path folder) throws Exception {
        Stream side = device.createStream();
        Tensor x = device.tensor(DataType.FLOAT, 4);
        HostBuffer host = device.allocateHost(16);
        Event fork = device.createEvent();
        Event join = device.createEvent();
        AddOperator increment = AddOperator.inplaceAdds(x, one, one);
        Model model = stream.capture(CaptureMode.GLOBAL, s -> {
            s.copyAsync(host, x);
            TestSupport.forkJoin(s, side, fork, join, () -> {
                increment.launch(side);
                side.fillAsync(host, 0);
            });
            increment.launch(s);
            s.copyAsync(x, host);
        });
        String json = model.debugJson();
        assertTrue(json.strip().startsWith("[") && json.strip().endsWith("]"), json);
        List<String[]> tasks = tasks(json);
        assertEquals(json.lines().filter(line -> line.startsWith("{")).count(), tasks.size(), json);
        String mainStream = tasks.get(0)[1];
        List<String> mainTasks = tasks.stream().filter(task -> task[1].equals(mainStream)).map(task -> task[0])
                .toList();
        List<String> sideTasks = tasks.stream().filter(task -> !task[1].equals(mainStream)).map(task -> task[0])
                .toList();
        assertEquals(List.of("MEMCPY_ASYNC", "EVENT_RECORD", "EVENT_WAIT", "Add", "MEMCPY_ASYNC"),
                mainTasks.stream().map(FacadeContractTest::withoutEventId).toList(), json);
        assertEquals(List.of("EVENT_WAIT", "Add", "MEMSET_ASYNC", "EVENT_RECORD"),
                sideTasks.stream().map(FacadeContractTest::withoutEventId).toList(), json);
        assertEquals(eventId(mainTasks.get(1)), eventId(sideTasks.get(0)), "the fork: stream records what side waits");
        assertEquals(eventId(sideTasks.get(3)), eventId(mainTasks.get(2)), "the join: side records what stream waits");
        Path file = folder.resolve("model.json");
        model.debugJson(file);
        assertEquals(json, Files.readString(file));
        model.debugPrintToLog(); // to the runtime's log: must not fail
        model.close();
    }

    // ---- closing what a live model uses, closing while replays run ----

    @Test
    void aModelOutlivesEverythingItUsesIncludingItsStreamsAndEvents() {
        Stream side = device.createStream();
        Stream replayer = device.createStream();
        Tensor x = floats(device, new float[] {1, 1}, 2);
        Tensor y = floats(device, new float[] {5, 5}, 2);
        HostBuffer host = device.allocateHost(8);
        Event fork = device.createEvent();
        Event join = device.createEvent();
        AddOperator xPlusY = AddOperator.inplaceAdd(x, y, one);
        AddOperator yPlusOne = AddOperator.inplaceAdds(y, one, one);
        Model model = stream.capture(CaptureMode.GLOBAL, s -> {
            TestSupport.forkJoin(s, side, fork, join, () -> yPlusOne.launch(side));
            xPlusY.launch(s);
            s.copyAsync(x, host);
        });
        long kept = runtime.liveObjectCount();
        for (NativeObject used : List.<NativeObject>of(stream, side, fork, join, xPlusY, yPlusOne, x, y, one)) {
            used.close();
        }
        assertTrue(runtime.liveObjectCount() < kept, "closing the streams frees them");
        assertTrue(runtime.liveObjects().contains("tensor"), "the model keeps its tensors:\n" + runtime.liveObjects());
        model.execute(replayer);
        model.execute(replayer);
        assertFloats(new float[] {14, 14}, host.toFloatArray(), "y: 6, 7; x: 1 + 6 + 7");
        model.close();
        assertFalse(runtime.liveObjects().contains("tensor"), runtime.liveObjects());
        assertFalse(runtime.liveObjects().contains("executor"), runtime.liveObjects());
    }

    @Test
    void closingTheModelAndEverythingItUsesWhileReplaysRunLetsThemFinish() {
        Stream first = device.createStream();
        Stream second = device.createStream();
        Tensor counter = floats(device, new float[256], 256);
        Tensor other = floats(device, new float[256], 256);
        AddOperator incrementCounter = AddOperator.inplaceAdds(counter, one, one);
        AddOperator incrementOther = AddOperator.inplaceAdds(other, one, one);
        Model firstModel = first.capture(CaptureMode.GLOBAL, incrementCounter::launch);
        Model secondModel = second.capture(CaptureMode.GLOBAL, incrementOther::launch);
        for (int i = 0; i < 300; i++) {
            firstModel.executeAsync(first);
            secondModel.executeAsync(second);
        }
        DeviceBuffer counterStorage = counter.storage();
        List<NativeObject> everything = new ArrayList<>(List.of(firstModel, secondModel, incrementCounter,
                incrementOther, one));
        for (NativeObject object : everything) {
            object.close();
        }
        second.close(); // waits for its 300 replays
        first.synchronize();
        assertFalse(counterStorage.isClosed());
        assertFloats(filled(256, 300), read(device, counter), "every replay queued before the closes ran");
        assertFloats(filled(256, 300), read(device, other), "the closed stream finished its replays first");
        assertFalse(runtime.liveObjects().contains("model"), runtime.liveObjects());
    }

    // ---- native bugs found here ----

    /**
     * agj_device_open calls aclrtSetDevice, which makes the new device's context current on the
     * calling thread, but the shim's per-thread cache of the current context (Device::makeCurrent
     * in cpp/shim/src/objects.cpp) still names the previous one: the next call on that thread for
     * the previous device skips aclrtSetCurrentContext and runs in the new device's context, so
     * its memory, streams and captures land on the wrong device.
     */
    @Test
    void objectsOfADeviceStayOnItAfterAnotherDeviceIsOpened() {
        Tensor first = device.tensor(DataType.FLOAT, 4);         // this thread's cached context: device 0
        try (Device device1 = runtime.device(1)) {               // the thread's context is now device 1's
            Tensor second = device.tensor(DataType.FLOAT, 4);    // allocated in device 1's context
            Stream stream = device.createStream();               // created in device 1's context
            assertDoesNotThrow(() -> AddOperator.add(first, second, one, first).close(),
                    "both tensors were made on device 0");
            try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
                assertDoesNotThrow(device1::synchronize, "device 1 has no capturing stream");
            }
        }
    }

    /**
     * Closing a stream that joined another stream's capture: the shim's ~Stream (cpp/shim/src/
     * objects.cpp) gets 107027 from aclrtDestroyStream, 107036 from aclmdlRICaptureEnd on the
     * joined stream, 107027 again, and gives up, so the backend stream (and its worker thread)
     * lives until the device is reset, after the capture ended. Each such close leaks one.
     */
    @Test
    void closingAStreamThatJoinedACaptureFreesIt() throws Exception {
        Tensor x = device.tensor(DataType.FLOAT, 4);
        AddOperator increment = AddOperator.inplaceAdds(x, one, one);
        Event fork = device.createEvent();
        long before = nativeThreads();
        for (int i = 0; i < 50; i++) {
            Stream side = device.createStream();
            increment.launch(side);
            side.synchronize(); // the side stream's worker thread runs now
            try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
                fork.record(stream);
                side.waitFor(fork);
                // A joined stream captures too: its close is refused until the capture ends.
                assertEquals(107027, assertThrows(CaptureException.class, side::close).code());
                assertEquals(107025, assertThrows(CaptureException.class, capture::end).code());
            }
            side.close();
        }
        assertTrue(nativeThreads() < before + 10, "closed streams keep their worker threads: " + before + " -> "
                + nativeThreads());
    }

    private static long nativeThreads() throws java.io.IOException {
        try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.count();
        }
    }

    // ---- helpers ----

    /** [name, tid] of each task in a model's JSON. */
    private static List<String[]> tasks(String json) {
        List<String[]> tasks = new ArrayList<>();
        Matcher matcher = TASK.matcher(json);
        while (matcher.find()) {
            tasks.add(new String[] {matcher.group(1), matcher.group(2)});
        }
        return tasks;
    }

    private static String withoutEventId(String name) {
        return name.replaceFirst("^(EVENT_(RECORD|WAIT))_\\d+$", "$1");
    }

    private static String eventId(String name) {
        return name.substring(name.lastIndexOf('_') + 1);
    }

    private static double[] filled12(double value) {
        double[] values = new double[12];
        java.util.Arrays.fill(values, value);
        return values;
    }

    private Tensor typed(DataType type, double[] values, long... shape) {
        Tensor tensor = device.tensor(type, shape);
        writeTyped(type, tensor, values);
        return tensor;
    }

    private void writeTyped(DataType type, Memory target, double[] values) {
        try (HostBuffer host = device.allocateHost(target.byteSize())) {
            ByteBuffer bytes = host.asByteBuffer();
            for (double value : values) {
                switch (type) {
                    case FLOAT -> bytes.putFloat((float) value);
                    case DOUBLE -> bytes.putDouble(value);
                    case FLOAT16 -> bytes.putShort(toHalf((float) value));
                    case BF16 -> bytes.putShort((short) (Float.floatToIntBits((float) value) >>> 16));
                    case INT8, UINT8 -> bytes.put((byte) value);
                    case INT16 -> bytes.putShort((short) value);
                    case INT32 -> bytes.putInt((int) value);
                    case INT64 -> bytes.putLong((long) value);
                    default -> throw new IllegalArgumentException(type.toString());
                }
            }
            device.copy(host, target);
        }
    }

    private double[] readTyped(DataType type, Memory source, int count) {
        try (HostBuffer host = device.allocateHost(source.byteSize())) {
            device.copy(source, host);
            ByteBuffer bytes = host.asByteBuffer();
            double[] values = new double[count];
            for (int i = 0; i < count; i++) {
                values[i] = switch (type) {
                    case FLOAT -> bytes.getFloat();
                    case DOUBLE -> bytes.getDouble();
                    case FLOAT16 -> fromHalf(bytes.getShort());
                    case BF16 -> Float.intBitsToFloat((bytes.getShort() & 0xFFFF) << 16);
                    case INT8 -> bytes.get();
                    case UINT8 -> bytes.get() & 0xFF;
                    case INT16 -> bytes.getShort();
                    case INT32 -> bytes.getInt();
                    case INT64 -> bytes.getLong();
                    default -> throw new IllegalArgumentException(type.toString());
                };
            }
            return values;
        }
    }

    /** IEEE half of a float that half represents exactly (normal numbers and zero). */
    private static short toHalf(float value) {
        if (value == 0) {
            return 0;
        }
        int bits = Float.floatToIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int exponent = ((bits >>> 23) & 0xFF) - 127 + 15;
        int mantissa = (bits >>> 13) & 0x3FF;
        return (short) (sign | (exponent << 10) | mantissa);
    }

    private static float fromHalf(short half) {
        int bits = half & 0xFFFF;
        if ((bits & 0x7FFF) == 0) {
            return 0;
        }
        int sign = (bits & 0x8000) << 16;
        int exponent = ((bits >>> 10) & 0x1F) - 15 + 127;
        int mantissa = (bits & 0x3FF) << 13;
        return Float.intBitsToFloat(sign | (exponent << 23) | mantissa);
    }
}
