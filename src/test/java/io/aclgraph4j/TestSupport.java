package io.aclgraph4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.junit.jupiter.api.function.Executable;

/** Helpers shared by the simulator-backed tests. */
final class TestSupport {
    private TestSupport() {}

    /** A FLOAT tensor of {@code shape} holding {@code values} (copied synchronously). */
    static Tensor floats(Device device, float[] values, long... shape) {
        Tensor tensor = device.tensor(DataType.FLOAT, shape);
        try {
            write(device, tensor, values);
        } catch (RuntimeException e) {
            tensor.close();
            throw e;
        }
        return tensor;
    }

    /** Copies {@code values} into a contiguous FLOAT tensor or device buffer, synchronously. */
    static void write(Device device, Memory target, float[] values) {
        try (HostBuffer host = device.allocateHost(target.byteSize())) {
            host.write(values);
            device.copy(host, target);
        }
    }

    /** The contents of a contiguous FLOAT tensor or device buffer, copied synchronously. */
    static float[] read(Device device, Memory source) {
        try (HostBuffer host = device.allocateHost(source.byteSize())) {
            device.copy(source, host);
            return host.toFloatArray();
        }
    }

    /** Writes one 64-bit value (native byte order) at the start of {@code target}, synchronously. */
    static void writeLong(Device device, Memory target, long value) {
        try (HostBuffer host = device.allocateHost(Long.BYTES)) {
            host.write(new long[] {value});
            device.copy(host, target);
        }
    }

    /** The 64-bit value (native byte order) at the start of {@code source}, copied synchronously. */
    static long readLong(Device device, Memory source) {
        try (HostBuffer host = device.allocateHost(Long.BYTES)) {
            device.copy(source, host);
            long[] value = new long[1];
            host.read(value);
            return value[0];
        }
    }

    /**
     * Gives the garbage collector up to a second (ten under emulation, where collection and the
     * Cleaner run about ten times slower) to find dropped {@link HostBuffer} views, whose memory (and
     * runtime) stays until then: returns once {@code liveCount} is 0 or time is up.
     */
    static void awaitCollectedViews(java.util.function.LongSupplier liveCount) {
        int attempts = ChildJvm.emulated() ? 500 : 50;
        for (int attempt = 0; attempt < attempts && liveCount.getAsLong() != 0; attempt++) {
            System.gc();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static float[] filled(int count, float value) {
        float[] values = new float[count];
        Arrays.fill(values, value);
        return values;
    }

    static void assertFloats(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            float tolerance = 1e-5f * Math.max(1f, Math.abs(expected[i]));
            if (!(Math.abs(expected[i] - actual[i]) <= tolerance)) {
                fail(what + ": element " + i + " is " + actual[i] + ", expected " + expected[i] + "\nexpected "
                        + Arrays.toString(expected) + "\nactual   " + Arrays.toString(actual));
            }
        }
    }

    /**
     * Asserts {@code call} fails with {@code type} whose message is not empty and contains every
     * fragment (what was wrong, what to do).
     */
    static <T extends Throwable> T refused(Class<T> type, Executable call, String... fragments) {
        T thrown = assertThrows(type, call);
        String message = thrown.getMessage();
        assertNotNull(message, () -> type.getSimpleName() + " without a message");
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), () -> "the message lacks \"" + fragment + "\": " + message);
        }
        return thrown;
    }

    /** As {@link #refused}, for an {@link AclException} that must carry {@code code}. */
    static <T extends AclException> T refused(Class<T> type, int code, Executable call, String... fragments) {
        T thrown = refused(type, call, fragments);
        assertEquals(code, thrown.code(), () -> "code of " + thrown);
        return thrown;
    }

    /** Runs {@code call} on a new thread and returns its result (its exception is rethrown), bounded. */
    static <T> T onAnotherThread(Callable<T> call) {
        FutureTask<T> task = new FutureTask<>(call);
        Thread thread = new Thread(task, "aclgraph4j-test-other");
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new AssertionError(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            thread.interrupt();
            throw new AssertionError("the other thread did not finish in 30 s", e);
        }
    }

    static void onAnotherThread(Runnable call) {
        onAnotherThread(() -> {
            call.run();
            return null;
        });
    }

    /**
     * Forks {@code side} off {@code main} (an event recorded on main, waited for on side), issues
     * {@code onSide}, and joins side back (an event recorded on side, waited for on main).
     */
    static void forkJoin(Stream main, Stream side, Event fork, Event join, Runnable onSide) {
        fork.record(main);
        side.waitFor(fork);
        onSide.run();
        join.record(side);
        main.waitFor(join);
    }

    /**
     * Ten rounds of two replays of {@code model} (which adds its kernel's alpha to {@code x}, a FLOAT tensor
     * of zeros) queued on {@code stream}, then {@code update} to {@code addTen} and {@code addOne} by turns,
     * with no synchronisation anywhere; then a last replay. Asserts that both ends of {@code x} hold what
     * stream order gives: each update lands after the replays queued before it and before those after it.
     */
    static void assertUpdatesFollowStreamOrder(Device device, Stream stream, Model model, Tensor x,
                                               AddOperator addOne, AddOperator addTen,
                                               Consumer<AddOperator> update) {
        for (int round = 0; round < 10; round++) {
            model.executeAsync(stream);
            model.executeAsync(stream);
            update.accept(round % 2 == 0 ? addTen : addOne);
        }
        model.executeAsync(stream);
        stream.synchronize();
        // Rounds: 2 replays at the current alpha, then the update; alpha 1, 10, 1, 10, ...
        float expected = 0;
        float alpha = 1;
        for (int round = 0; round < 10; round++) {
            expected += 2 * alpha;
            alpha = round % 2 == 0 ? 10 : 1;
        }
        expected += alpha;
        float[] values = read(device, x);
        assertEquals(expected, values[0]);
        assertEquals(expected, values[values.length - 1]);
    }

    /**
     * Captures copying {@code host} into {@code x}, launching {@code operator} and copying {@code x}
     * back, replays that {@code replays} times on {@code stream}, and closes the model.
     */
    static void captureAndReplay(Stream stream, CaptureMode mode, HostBuffer host, Tensor x, Operator operator,
                                 int replays) {
        Model model = stream.capture(mode, s -> {
            s.copyAsync(host, x);
            operator.launch(s);
            s.copyAsync(x, host);
        });
        try (model) {
            for (int replay = 0; replay < replays; replay++) {
                model.execute(stream);
            }
        }
    }

    /**
     * Proves the runtime still works: captures {@code x += 2 × y} with copies in and out, replays it
     * three times and checks the values; closes what it made.
     */
    static void assertStillWorks(AclRuntime runtime) {
        try (Device device = runtime.device(0);
             Stream stream = device.createStream();
             Tensor x = device.tensor(DataType.FLOAT, 4);
             Tensor y = floats(device, new float[] {1, 2, 3, 4}, 4);
             HostBuffer host = device.allocateHost(16);
             Scalar two = runtime.scalar(DataType.FLOAT, 2.0);
             AddOperator add = AddOperator.inplaceAdd(x, y, two)) {
            host.write(new float[] {10, 20, 30, 40});
            captureAndReplay(stream, CaptureMode.GLOBAL, host, x, add, 3);
            assertFloats(new float[] {16, 32, 48, 64}, host.toFloatArray(), "replays after the failures");
        }
    }
}
