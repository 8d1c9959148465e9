package io.aclgraph4j;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The lifecycle contract of every facade object, on the simulator. */
class LifecycleTest extends SimulatorTest {
    LifecycleTest() {
        super(false); // the tests count what they make
    }

    private Tensor filled(float value, long... shape) {
        Tensor tensor = device.tensor(DataType.FLOAT, shape);
        try (HostBuffer host = device.allocateHost(tensor.byteSize())) {
            float[] values = new float[(int) tensor.elementCount()];
            Arrays.fill(values, value);
            host.write(values);
            device.copy(host, tensor);
        }
        return tensor;
    }

    private float[] read(Tensor tensor) {
        try (HostBuffer host = device.allocateHost(tensor.byteSize())) {
            device.copy(tensor, host);
            return host.toFloatArray();
        }
    }

    /**
     * Stream.close() and Device.close() wait for the work in flight, also while another thread is
     * blocked in synchronize() on the same stream: when close returns, the last queued copy has
     * landed (40 adds over 4 Mi floats, then a 16 MiB copy to the host).
     */
    @ParameterizedTest
    @ValueSource(strings = {"stream", "device"})
    void closeWaitsForWorkInFlightWhileAnotherThreadSynchronizes(String closed) throws Exception {
        Device own = runtime.device(0);
        int elements = 4 << 20;
        int adds = 40;
        Stream stream = own.createStream();
        Tensor x = own.tensor(DataType.FLOAT, elements);
        HostBuffer host = own.allocateHost(x.byteSize());
        own.fill(x, 0);
        try (Scalar one = runtime.scalar(DataType.FLOAT, 1.0);
             AddOperator increment = AddOperator.inplaceAdds(x, one, one)) {
            for (int i = 0; i < adds; i++) {
                increment.launch(stream);
            }
        }
        stream.copyAsync(x, host);
        java.nio.FloatBuffer view = host.asFloatBuffer(); // keeps the memory after the device closes
        CountDownLatch waiting = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<?> synchronizer = other.submit(() -> {
                waiting.countDown();
                stream.synchronize();
                return null;
            });
            waiting.await();
            Thread.sleep(20); // the other thread is inside synchronize() by now
            if (closed.equals("stream")) {
                stream.close();
            } else {
                own.close();
            }
            assertEquals(adds, view.get(elements - 1), "the last queued copy had not landed when close returned");
            try {
                synchronizer.get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                // The close may win the race with the other thread's call: only IllegalStateException.
                assertTrue(e.getCause() instanceof IllegalStateException, e.getCause().toString());
            }
        } finally {
            other.shutdownNow();
            own.close();
        }
    }

    @Test
    void closeTwiceIsHarmlessAndUseAfterCloseNamesTheObject() {
        Stream stream = device.createStream();
        stream.close();
        assertDoesNotThrow(stream::close);
        assertTrue(stream.isClosed());
        IllegalStateException thrown = assertThrows(IllegalStateException.class, stream::synchronize);
        assertTrue(thrown.getMessage().matches("Stream#\\d+ on device 0 is closed"), thrown.getMessage());
        Tensor tensor = device.tensor(DataType.FLOAT, 2);
        tensor.close();
        tensor.close();
        assertTrue(tensor.storage().isClosed(), "a tensor made by Device.tensor closes its buffer");
    }

    @Test
    void closingWhatALiveModelUsesOnlyDropsTheReference() {
        Stream stream = device.createStream();
        Tensor a = filled(1f, 16);
        Tensor b = filled(2f, 16);
        Tensor out = device.tensor(DataType.FLOAT, 16);
        HostBuffer host = device.allocateHost(out.byteSize());
        Scalar alpha = runtime.scalar(DataType.FLOAT, 3.0);
        AddOperator add = AddOperator.add(a, b, alpha, out);
        Model model = stream.capture(CaptureMode.GLOBAL, s -> {
            add.launch(s);
            s.copyAsync(out, host);
        });
        long kept = runtime.liveObjectCount();
        for (AutoCloseable used : List.<AutoCloseable>of(a, b, out, alpha, add)) {
            assertDoesNotThrow(used::close);
        }
        assertEquals(kept, runtime.liveObjectCount(), "the model keeps everything it uses:\n" + runtime.liveObjects());
        host.write(new float[16]);
        model.execute(stream);
        assertEquals(7f, host.toFloatArray()[15]);
        model.close();
        assertTrue(runtime.liveObjectCount() < kept, "closing the model frees what it kept");
        assertFalse(runtime.liveObjects().contains("tensor"), runtime.liveObjects());
    }

    @Test
    void closingADeviceClosesWhatItOwns() {
        Stream stream = device.createStream();
        Tensor tensor = filled(1f, 8);
        Event event = device.createEvent();
        HostBuffer host = device.allocateHost(32);
        device.close();
        for (NativeObject object : List.<NativeObject>of(stream, tensor, event, host, device)) {
            assertTrue(object.isClosed(), object + " should be closed with its device");
        }
        IllegalStateException thrown = assertThrows(IllegalStateException.class, stream::synchronize);
        assertTrue(thrown.getMessage().contains("closed with its device 0"), thrown.getMessage());
        assertThrows(IllegalStateException.class, device::createStream);
        assertEquals(0, runtime.liveObjectCount(), runtime.liveObjects());
    }

    @Test
    void closingTheRuntimeClosesEverythingAndRefusesNewWork() {
        Stream stream = device.createStream();
        Tensor tensor = filled(1f, 8);
        Scalar scalar = runtime.scalar(DataType.INT32, 3L);
        runtime.close();
        assertTrue(stream.isClosed() && tensor.isClosed() && scalar.isClosed() && device.isClosed());
        assertThrows(IllegalStateException.class, () -> runtime.device(0));
        assertDoesNotThrow(runtime::close);
    }

    @Test
    void closingAModelWhileReplaysAreQueuedLetsThemFinish() {
        Stream stream = device.createStream();
        Tensor counter = filled(0f, 1024);
        Scalar one = runtime.scalar(DataType.FLOAT, 1.0);
        AddOperator increment = AddOperator.inplaceAdds(counter, one, one);
        Model model = stream.capture(CaptureMode.GLOBAL, increment::launch);
        increment.close();
        for (int i = 0; i < 200; i++) {
            model.executeAsync(stream);
        }
        model.close();
        stream.synchronize();
        assertEquals(200f, read(counter)[1023]);
    }

    @Test
    void closeRacingUseOnAnotherThreadNeverCrashes() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 50; round++) {
                Stream stream = device.createStream();
                Tensor tensor = filled(1f, 64);
                HostBuffer host = device.allocateHost(tensor.byteSize());
                CountDownLatch start = new CountDownLatch(1);
                AtomicInteger used = new AtomicInteger();
                Future<?> user = pool.submit(() -> {
                    start.countDown();
                    try {
                        for (int i = 0; i < 1_000; i++) {
                            stream.copyAsync(tensor, host);
                            stream.synchronize();
                            used.incrementAndGet();
                        }
                    } catch (IllegalStateException expected) {
                        // closed under us: the only failure allowed
                    }
                    return null;
                });
                start.await();
                Thread.sleep(round % 3);
                stream.close();
                tensor.close();
                host.close();
                user.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void liveObjectsListsWhatIsOpen() {
        Stream stream = device.createStream();
        String report = runtime.liveObjects();
        assertTrue(report.contains("device"), report);
        assertTrue(report.contains("stream"), report);
        stream.close();
        assertFalse(runtime.liveObjects().contains("stream"), runtime.liveObjects());
    }

    @Test
    void anObjectNeverClosedIsFreedAfterGarbageCollection() throws Exception {
        long before = runtime.liveObjectCount();
        createAndDropStreams(20);
        assertTrue(runtime.liveObjectCount() >= before + 20);
        List<byte[]> pressure = new ArrayList<>();
        for (int attempt = 0; attempt < 100 && runtime.liveObjectCount() > before; attempt++) {
            System.gc();
            pressure.add(new byte[1 << 16]);
            Thread.sleep(20);
        }
        assertEquals(before, runtime.liveObjectCount(), runtime.liveObjects());
    }

    /**
     * The README's inline scalar: in use by its operator, so still reachable after garbage
     * collection: the Cleaner neither frees it nor reports it as a leak.
     */
    @Test
    void anOperandPassedInlineIsNotALeakWhileItsOperatorIsInUse() throws Exception {
        assertInlineScalarKeptWhileInUse((x, out, scalar) -> AddOperator.add(x, x, scalar, out), 3f); // 1 + 2 × 1
    }

    /** The same for an operator of the generic table (aclnnMuls): every operator keeps its operands. */
    @Test
    void anInlineScalarOfATableOperatorIsNotALeakWhileItsOperatorIsInUse() throws Exception {
        assertInlineScalarKeptWhileInUse((x, out, scalar) -> ElementwiseOperator.muls(x, scalar, out), 2f); // 1 × 2
    }

    private interface ScalarOperatorFactory {
        Operator make(Tensor x, Tensor out, Scalar two);
    }

    private void assertInlineScalarKeptWhileInUse(ScalarOperatorFactory factory, float expected) throws Exception {
        try (Stream stream = device.createStream();
             Tensor x = filled(1f, 4);
             Tensor out = device.tensor(DataType.FLOAT, 4)) {
            java.lang.ref.WeakReference<Scalar>[] alphaOut = newWeakArray();
            Operator operator = withInlineScalar(factory, x, out, alphaOut);
            java.lang.ref.WeakReference<Scalar> alpha = alphaOut[0];
            List<byte[]> pressure = new ArrayList<>();
            for (int attempt = 0; attempt < 20; attempt++) {
                System.gc();
                pressure.add(new byte[1 << 16]);
                Thread.sleep(10);
            }
            assertTrue(alpha.get() != null && !alpha.get().isClosed(),
                    "the inline scalar was collected (and reported as a leak) while its operator uses it");
            operator.launch(stream);
            stream.synchronize();
            assertEquals(expected, read(out)[3]);
            operator.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static java.lang.ref.WeakReference<Scalar>[] newWeakArray() {
        return new java.lang.ref.WeakReference[1];
    }

    /** As the README writes it: the scalar made inline; only a weak reference escapes. */
    private Operator withInlineScalar(ScalarOperatorFactory factory, Tensor x, Tensor out,
                                      java.lang.ref.WeakReference<Scalar>[] alpha) {
        Scalar two = runtime.scalar(DataType.FLOAT, 2.0);
        alpha[0] = new java.lang.ref.WeakReference<>(two);
        return factory.make(x, out, two);
    }

    private void createAndDropStreams(int count) {
        for (int i = 0; i < count; i++) {
            device.createStream(); // dropped without close: a leak the Cleaner must catch
        }
    }
}
