package io.aclgraph4j;

import static io.aclgraph4j.TestSupport.assertFloats;
import static io.aclgraph4j.TestSupport.filled;
import static io.aclgraph4j.TestSupport.floats;
import static io.aclgraph4j.TestSupport.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Many threads at once: replays of shared and private models with exact results, captures on some
 * threads while others make unsafe calls in each capture mode, and closes racing replays, use and
 * creation. Only documented outcomes are allowed (IllegalStateException for a use that lost the
 * race with a close, CaptureException 107030 where the mode rule says so), every wait is bounded,
 * and nothing leaks.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ConcurrencyStressTest extends SimulatorTest {
    private static final int THREADS = 8;
    private static final long WAIT_SECONDS = 60;

    private ExecutorService pool;

    ConcurrencyStressTest() {
        super(false); // the tests count what they make
    }

    @BeforeEach
    void startPool() {
        AtomicInteger count = new AtomicInteger();
        pool = Executors.newFixedThreadPool(THREADS + 2, task -> {
            Thread thread = new Thread(task, "stress-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS), "worker threads did not stop");
    }

    /** Runs every task on the pool and waits for all of them, bounded; the first failure is rethrown. */
    private <T> List<T> all(List<Callable<T>> tasks) throws Exception {
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> task : tasks) {
            futures.add(pool.submit(task));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            try {
                results.add(future.get(WAIT_SECONDS, TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Exception exception) {
                    throw exception;
                }
                throw (Error) e.getCause();
            } catch (TimeoutException e) {
                throw new AssertionError("a worker did not finish in " + WAIT_SECONDS + " s (deadlock?)", e);
            }
        }
        return results;
    }

    private static void await(CyclicBarrier barrier) throws Exception {
        barrier.await(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    // ---- replays ----

    @Test
    void eightThreadsReplaySharedAndPrivateModelsWithExactResults() throws Exception {
        int elements = 1024;
        float[] aValues = new float[elements];
        float[] bValues = new float[elements];
        float[] expectedShared = new float[elements];
        for (int i = 0; i < elements; i++) {
            aValues[i] = i;
            bValues[i] = 1000 - i;
            expectedShared[i] = aValues[i] + 2 * bValues[i];
        }
        Tensor a = floats(device, aValues, elements);
        Tensor b = floats(device, bValues, elements);
        Tensor c = device.tensor(DataType.FLOAT, elements);
        HostBuffer sharedHost = device.allocateHost(c.byteSize());
        Scalar one = runtime.scalar(DataType.FLOAT, 1.0);
        Scalar two = runtime.scalar(DataType.FLOAT, 2.0);
        Model shared;
        try (Stream stream = device.createStream(); AddOperator add = AddOperator.add(a, b, two, c)) {
            // Every replay writes the same values: concurrent replays of it agree whatever the interleaving.
            shared = stream.capture(CaptureMode.GLOBAL, s -> {
                add.launch(s);
                s.copyAsync(c, sharedHost);
            });
        }
        int replays = 150;
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Callable<Void>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            CaptureMode mode = CaptureMode.values()[t % 3];
            workers.add(() -> {
                try (Stream stream = device.createStream();
                     Tensor counter = floats(device, new float[64], 64);
                     HostBuffer host = device.allocateHost(counter.byteSize());
                     AddOperator increment = AddOperator.inplaceAdds(counter, one, one)) {
                    await(start);
                    // Eight captures at once, each on its own thread and stream.
                    Model own = stream.capture(mode, s -> {
                        increment.launch(s);
                        s.copyAsync(counter, host);
                    });
                    try (own) {
                        for (int replay = 1; replay <= replays; replay++) {
                            shared.executeAsync(stream);
                            own.executeAsync(stream);
                            if (replay % 10 == 0) {
                                stream.synchronize();
                                assertFloats(filled(64, replay), host.toFloatArray(), Thread.currentThread().getName()
                                        + " private model after " + replay + " replays");
                                assertFloats(expectedShared, sharedHost.toFloatArray(), "shared model");
                            }
                        }
                    }
                }
                return null;
            });
        }
        all(workers);
        shared.close();
    }

    // ---- the capture-mode rule across threads ----

    @ParameterizedTest
    @EnumSource(CaptureMode.class)
    void unsafeCallsOfOtherThreadsFollowTheModeRule(CaptureMode mode) throws Exception {
        Tensor source = floats(device, filled(256, 7), 256);
        Tensor counter = floats(device, new float[256], 256);
        Scalar one = runtime.scalar(DataType.FLOAT, 1.0);
        AddOperator increment = AddOperator.inplaceAdds(counter, one, one);
        Device device1 = runtime.device(1);
        Tensor source1 = floats(device1, filled(256, 9), 256);
        Stream capturing = device.createStream();
        CountDownLatch capturingNow = new CountDownLatch(1);
        CountDownLatch callersDone = new CountDownLatch(4);
        // The capturing thread: begins, records kernels while the others call, checks its own unsafe call, ends.
        Future<Model> capturer = pool.submit(() -> {
            try (Capture capture = capturing.beginCapture(mode);
                 HostBuffer host = device.allocateHost(source.byteSize())) {
                increment.launch(capturing); // at least one launch, however fast the callers are
                capturingNow.countDown();
                while (callersDone.getCount() > 0) {
                    increment.launch(capturing);
                    Thread.onSpinWait();
                    if (callersDone.await(1, TimeUnit.MILLISECONDS)) {
                        break;
                    }
                }
                boolean ownCallAllowed = mode == CaptureMode.RELAXED;
                outcome(() -> device.copy(source, host), ownCallAllowed, "the capturing thread, " + mode);
                try (CaptureModeScope relaxed = runtime.captureMode(CaptureMode.RELAXED)) {
                    outcome(() -> device.copy(source, host), true, "the capturing thread, relaxed");
                }
                return capture.end();
            }
        });
        assertTrue(capturingNow.await(WAIT_SECONDS, TimeUnit.SECONDS));
        // Callers with each exchange mode, all at once, while the capture records.
        Map<String, Boolean> allowed = Map.of(
                "GLOBAL", mode != CaptureMode.GLOBAL,     // a GLOBAL capture forbids everyone not relaxed
                "THREAD_LOCAL", true,                     // only the thread's own captures restrict it
                "RELAXED", true,
                "device 1", true);                        // another device's context is not capturing
        List<Callable<Void>> callers = new ArrayList<>();
        for (String caller : allowed.keySet()) {
            callers.add(() -> {
                try (HostBuffer host = device.allocateHost(source.byteSize());
                     HostBuffer host1 = device1.allocateHost(source1.byteSize())) {
                    Runnable call = caller.equals("device 1") ? () -> device1.copy(source1, host1)
                            : () -> device.copy(source, host);
                    CaptureModeScope scope = caller.equals("GLOBAL") || caller.equals("device 1") ? null
                            : runtime.captureMode(CaptureMode.valueOf(caller));
                    try {
                        for (int i = 0; i < 100; i++) {
                            outcome(call, allowed.get(caller), caller + " under a " + mode + " capture");
                        }
                    } finally {
                        if (scope != null) {
                            scope.close();
                        }
                    }
                    float expected = caller.equals("device 1") ? 9 : 7;
                    if (allowed.get(caller)) {
                        assertFloats(filled(256, expected), (caller.equals("device 1") ? host1 : host).toFloatArray(),
                                caller + ": the synchronous copy");
                    }
                } finally {
                    callersDone.countDown();
                }
                return null;
            });
        }
        all(callers);
        Model model = capturer.get(WAIT_SECONDS, TimeUnit.SECONDS);
        long launches = model.debugJson().lines().filter(line -> line.contains("\"Add\"")).count();
        assertTrue(launches > 0);
        try (model; Stream replayer = device.createStream()) {
            model.execute(replayer);
        }
        assertFloats(filled(256, launches), read(device, counter), "every captured launch, replayed once");
    }

    private static void outcome(Runnable call, boolean allowed, String who) {
        if (allowed) {
            call.run();
        } else {
            CaptureException refused = assertThrows(CaptureException.class, call::run, who + ": refused");
            assertEquals(107030, refused.code(), who);
        }
    }

    @Test
    void unsafeCallsRacingCapturesThatComeAndGoSeeOnlySuccessOr107030() throws Exception {
        Tensor source = floats(device, filled(64, 3), 64);
        Scalar one = runtime.scalar(DataType.FLOAT, 1.0);
        List<Tensor> counters = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger refusals = new AtomicInteger();
        AtomicInteger copies = new AtomicInteger();
        AtomicInteger capturing = new AtomicInteger(3);
        CyclicBarrier start = new CyclicBarrier(7);
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            CaptureMode mode = CaptureMode.values()[t];
            Tensor counter = floats(device, new float[64], 64);
            counters.add(counter);
            AddOperator increment = AddOperator.inplaceAdds(counter, one, one);
            tasks.add(() -> {
                int models = 0;
                try (Stream stream = device.createStream()) {
                    await(start);
                    for (int round = 0; round < 150; round++) {
                        try (Model model = stream.capture(mode, increment::launch)) {
                            model.execute(stream);
                            models++;
                        }
                    }
                } finally {
                    if (capturing.decrementAndGet() == 0) {
                        stop.set(true);
                    }
                }
                return models;
            });
        }
        for (int t = 0; t < 4; t++) {
            tasks.add(() -> {
                try (HostBuffer host = device.allocateHost(source.byteSize())) {
                    boolean copied = false;
                    await(start);
                    while (!stop.get()) {
                        try {
                            device.copy(source, host);
                            copies.incrementAndGet();
                            copied = true;
                        } catch (CaptureException e) {
                            assertEquals(107030, e.code(), e.getMessage());
                            refusals.incrementAndGet();
                        }
                    }
                    if (copied) {
                        assertFloats(filled(64, 3), host.toFloatArray(), "copies that went through");
                    }
                }
                return 0;
            });
        }
        List<Integer> models = all(tasks);
        assertEquals(450, models.stream().mapToInt(Integer::intValue).sum(), "every capture made its model");
        assertTrue(copies.get() + refusals.get() > 0, "the copies raced the captures");
        for (Tensor counter : counters) {
            assertFloats(filled(64, 150), read(device, counter), "every replay ran once");
        }
        System.out.println("racing unsafe calls: " + copies.get() + " copies, " + refusals.get() + " refused");
    }

    // ---- closes racing replays and use ----

    enum FirstClosed { MODEL, STREAMS, OPERANDS, DEVICE, RUNTIME }

    @ParameterizedTest
    @EnumSource(FirstClosed.class)
    void closesRacingReplaysOnlyEverRaiseIllegalState(FirstClosed first) throws Exception {
        Tensor counter = floats(device, new float[128], 128);
        HostBuffer host = device.allocateHost(counter.byteSize());
        Scalar one = runtime.scalar(DataType.FLOAT, 1.0);
        AddOperator increment = AddOperator.inplaceAdds(counter, one, one);
        List<Stream> streams = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            streams.add(device.createStream());
        }
        Model model = streams.get(0).capture(CaptureMode.GLOBAL, s -> {
            increment.launch(s);
            s.copyAsync(counter, host);
        });
        CyclicBarrier start = new CyclicBarrier(THREADS + 1);
        AtomicInteger replays = new AtomicInteger();
        List<Callable<Void>> tasks = new ArrayList<>();
        for (Stream stream : streams) {
            tasks.add(() -> {
                await(start);
                try {
                    for (int i = 0; ; i++) {
                        model.executeAsync(stream);
                        replays.incrementAndGet();
                        if (i % 7 == 0) {
                            stream.synchronize();
                            host.toFloatArray();
                        }
                        if (i % 13 == 0) {
                            stream.isComplete();
                            increment.workspaceSize();
                        }
                    }
                } catch (IllegalStateException closed) {
                    assertTrue(closed.getMessage().contains("closed") || closed.getMessage().contains("not live")
                            || closed.getMessage().contains("not open"), closed.getMessage());
                }
                return null;
            });
        }
        tasks.add(() -> {
            await(start);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (replays.get() < 4 * THREADS && System.nanoTime() < deadline) {
                Thread.onSpinWait(); // close while replays are running, not before they start
            }
            List<AutoCloseable> order = new ArrayList<>(switch (first) {
                case MODEL -> List.of(model);
                case STREAMS -> streams;
                case OPERANDS -> List.of(increment, counter, host, one);
                case DEVICE -> List.of(device);
                case RUNTIME -> List.of(runtime);
            });
            order.addAll(List.of(model, increment, counter, host, one));
            order.addAll(streams);
            order.add(device);
            for (AutoCloseable closeable : order) {
                closeable.close();
            }
            return null;
        });
        all(tasks);
        assertTrue(replays.get() > 0);
        assertEquals(0, runtime.liveObjectCount(), runtime::liveObjects);
    }

    @Test
    void closesRacingEveryKindOfUseLeaveNothingBehind() throws Exception {
        long baseline = runtime.liveObjectCount();
        for (int round = 0; round < 12; round++) {
            int number = round;
            Device roundDevice = runtime.device(round % 2);
            Stream streamA = roundDevice.createStream();
            Stream streamB = roundDevice.createStream();
            Tensor x = floats(roundDevice, new float[32], 32);
            Tensor y = roundDevice.tensor(DataType.FLOAT, 32);
            HostBuffer host = roundDevice.allocateHost(x.byteSize());
            Event event = roundDevice.createEvent();
            Scalar one = runtime.scalar(DataType.FLOAT, 1.0);
            AddOperator add = AddOperator.add(x, x, one, y);
            Model model = streamA.capture(CaptureMode.RELAXED, s -> {
                add.launch(s);
                s.copyAsync(y, host);
            });
            List<AutoCloseable> objects = new ArrayList<>(List.of(streamA, streamB, x, y, host, event, one, add,
                    model, x.storage(), roundDevice));
            Collections.shuffle(objects, new java.util.Random(round));
            List<Consumer<Integer>> uses = List.of(
                    i -> model.executeAsync(i % 2 == 0 ? streamA : streamB),
                    i -> add.launch(streamB),
                    i -> streamA.copyAsync(host, x),
                    i -> streamB.fillAsync(y, 0),
                    i -> event.record(streamA),
                    i -> streamB.waitFor(event),
                    // No Stream.synchronize or isComplete here: racing the issue of tasks on the same stream
                    // they drop those tasks' retention (see aStreamSynchronizedOnOneThread... below).
                    i -> event.synchronize(),
                    i -> host.write(new float[32]),
                    i -> host.read(new float[32]),
                    i -> roundDevice.copy(host, y),
                    i -> AddOperator.addOnce(streamA, x, y, one, y),
                    i -> x.storage().view(DataType.FLOAT, 4).close(),
                    i -> roundDevice.synchronize());
            CyclicBarrier start = new CyclicBarrier(5);
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = round * 10 + t;
                tasks.add(() -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    await(start);
                    for (int i = 0; i < 5_000; i++) {
                        try {
                            uses.get(random.nextInt(uses.size())).accept(i);
                        } catch (IllegalStateException closed) {
                            // lost the race with a close: the documented outcome
                        }
                    }
                    return null;
                });
            }
            tasks.add(() -> {
                await(start);
                for (AutoCloseable object : objects) {
                    Thread.sleep(0, 200_000);
                    object.close();
                }
                return null;
            });
            all(tasks);
            for (AutoCloseable object : objects) {
                assertTrue(((NativeObject) object).isClosed(), object + " is still open");
            }
            assertEquals(baseline, runtime.liveObjectCount(), () -> "round " + number + " leaked:\n"
                    + runtime.liveObjects());
        }
    }

    @Test
    void aDeviceClosedWhileOtherThreadsCreateOnItLeavesNoOrphanAndNoHandle() throws Exception {
        long baseline = runtime.liveObjectCount();
        for (int round = 0; round < 40; round++) {
            Device target = runtime.device(1);
            List<NativeObject> created = new CopyOnWriteArrayList<>();
            CyclicBarrier start = new CyclicBarrier(5);
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int kind = t;
                tasks.add(() -> {
                    await(start);
                    try {
                        while (true) {
                            created.add(switch (kind) {
                                case 0 -> target.createStream();
                                case 1 -> target.allocate(64);
                                case 2 -> target.tensor(DataType.FLOAT, 4);
                                default -> target.createEvent();
                            });
                        }
                    } catch (IllegalStateException closed) {
                        assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
                    }
                    return null;
                });
            }
            tasks.add(() -> {
                await(start);
                Thread.sleep(0, 500_000);
                target.close();
                return null;
            });
            all(tasks);
            for (NativeObject object : created) {
                assertTrue(object.isClosed(), () -> object + " outlived its closed device");
            }
            assertEquals(baseline, runtime.liveObjectCount(), () -> "a native object leaked:\n"
                    + runtime.liveObjects());
        }
    }

    /**
     * Buffers of 1 MiB, then of 96 MiB: the simulator keeps freed blocks for a while (up to
     * 64 MiB), so only a buffer above that is unmapped at once when closed, and a write racing its
     * close would crash the JVM (as it did before reads and writes held off the close).
     */
    @Test
    void hostBufferReadsAndWritesRacingItsCloseNeverTouchFreedMemory() throws Exception {
        for (int round = 0; round < 24; round++) {
            int bytes = round < 20 ? 1 << 20 : 96 << 20;
            List<HostBuffer> buffers = new ArrayList<>();
            for (int i = 0; i < (round < 20 ? 4 : 1); i++) {
                buffers.add(device.allocateHost(bytes));
            }
            CyclicBarrier start = new CyclicBarrier(buffers.size() + 1);
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (HostBuffer buffer : buffers) {
                tasks.add(() -> {
                    float[] values = filled(bytes / Float.BYTES, 5);
                    float[] back = new float[bytes / Float.BYTES];
                    int accesses = 0;
                    await(start);
                    try {
                        while (true) {
                            buffer.write(values);
                            buffer.read(back);
                            if (back[back.length - 1] != 5) {
                                fail("read back " + back[back.length - 1]);
                            }
                            accesses++;
                        }
                    } catch (IllegalStateException closed) {
                        assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
                    }
                    return accesses;
                });
            }
            tasks.add(() -> {
                await(start);
                for (HostBuffer buffer : buffers) {
                    Thread.sleep(bytes > 1 << 20 ? 40 : 1);
                    buffer.close();
                }
                return 0;
            });
            all(tasks);
        }
    }

    // ---- native bugs found here ----

    /**
     * SynchronizeStream and agj_stream_query (cpp/shim/src/shim.cpp) call Stream::releaseCompleted,
     * which drops every in-flight retention of the stream once the synchronisation returns,
     * including what tasks issued meanwhile by another thread still need: when their buffers are
     * then closed, the queued task runs on freed memory (the simulator catches it and reports
     * 107000 "memory it uses was freed before the task ran"; a device would write freed memory).
     * Release only what was issued before the synchronisation began.
     */
    @Test
    void aStreamSynchronizedOnOneThreadKeepsWhatAnotherThreadIssuesMeanwhile() throws Exception {
        try (Stream stream = device.createStream()) {
            AtomicBoolean stop = new AtomicBoolean();
            Future<?> synchronizer = pool.submit(() -> {
                while (!stop.get()) {
                    stream.synchronize(); // must never report a task that lost its memory
                }
                return null;
            });
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
                while (System.nanoTime() < deadline && !synchronizer.isDone()) {
                    try (Tensor tensor = device.tensor(DataType.FLOAT, 1 << 14);
                         HostBuffer host = device.allocateHost(tensor.byteSize())) {
                        stream.copyAsync(host, tensor); // still queued when both are closed: the stream keeps them
                    }
                }
            } finally {
                stop.set(true);
            }
            try {
                synchronizer.get(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw (Exception) e.getCause(); // the AclException 107000 of a task whose memory was freed
            }
            stream.synchronize();
        }
    }

    /**
     * Like the device (Context::StreamBeginTaskUpdate checks the updating stream only), the
     * simulator accepts a task update of a group whose capture is still recording. While other
     * threads keep appending to the same capture (which may grow the model's task list), the
     * update is written under the capture's lock, so it neither races the recording nor is lost:
     * the replay runs the group's new kernel.
     */
    @Test
    void aTaskGroupUpdatedWhileItsCaptureStillRecordsTakesEffectWithoutARace() throws Exception {
        Tensor x = floats(device, new float[16], 16);
        Scalar one = runtime.scalar(DataType.FLOAT, 1.0);
        AddOperator increment = AddOperator.inplaceAdds(x, one, one);
        AddOperator other = AddOperator.inplaceAdds(x, runtime.scalar(DataType.FLOAT, 5.0), one);
        int recorded = 2_000;
        try (Stream stream = device.createStream(); Stream updater = device.createStream();
             HostBuffer host = device.allocateHost(x.byteSize())) {
            Model model;
            try (Capture capture = stream.beginCapture(CaptureMode.RELAXED)) {
                TaskGroup group = capture.taskGroup(() -> increment.launch(stream));
                Future<?> recorder = pool.submit(() -> {
                    for (int i = 0; i < recorded; i++) {
                        increment.launch(stream); // grows the model while the update applies
                    }
                });
                group.update(updater, () -> other.launch(updater));
                updater.synchronize();
                recorder.get(WAIT_SECONDS, TimeUnit.SECONDS);
                model = capture.end();
            }
            try (model) {
                model.executeAsync(stream);
                stream.copyAsync(x, host);
                stream.synchronize();
            }
            assertFloats(filled(16, 5 + recorded), host.toFloatArray(), "the group's updated kernel replayed");
        }
    }
}
