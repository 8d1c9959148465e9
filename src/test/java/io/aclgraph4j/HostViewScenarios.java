package io.aclgraph4j;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Programs that use {@link HostBuffer} views in ways that used to crash the JVM; each runs in a JVM
 * of its own ({@link HostViewLifetimeTest}) and exits with 0 only when every value read back is
 * right. Arguments: the scenario's name and its numbers.
 */
final class HostViewScenarios {
    private HostViewScenarios() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "gc" -> viewOutlivesItsCollectedBuffer(Integer.parseInt(args[1]));
            case "close" -> viewOutlivesAClose(args[1], Integer.parseInt(args[2]));
            case "race" -> closesRaceViewAccess(Integer.parseInt(args[1]));
            case "bounded" -> shortLivedViewsGiveTheirMemoryBack(Integer.parseInt(args[1]),
                    Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.out.println("OK " + String.join(" ", args));
    }

    /** The view is all that is left of the buffer: collected buffer, memory kept. */
    private static void viewOutlivesItsCollectedBuffer(int bytes) throws InterruptedException {
        try (AclRuntime runtime = AclRuntime.open("sim"); Device device = runtime.device(0)) {
            FloatBuffer view = droppedBufferView(device, bytes);
            for (int i = 0; i < 4; i++) {
                System.gc();
                Thread.sleep(50);
            }
            assertHostMemoryAllocated();
            fillAndCheck(view, 7);
        }
    }

    private static FloatBuffer droppedBufferView(Device device, int bytes) {
        return device.allocateHost(bytes).asFloatBuffer();
    }

    /** A buffer, its device or its runtime closed: the views made before still read and write. */
    private static void viewOutlivesAClose(String what, int bytes) throws InterruptedException {
        AclRuntime runtime = AclRuntime.open("sim");
        Device device = runtime.device(0);
        HostBuffer host = device.allocateHost(bytes);
        FloatBuffer view = host.asFloatBuffer();
        ByteBuffer tail = host.slice(bytes - 8, 8);
        switch (what) {
            case "buffer" -> host.close();
            case "device" -> device.close();
            case "runtime" -> runtime.close();
            default -> throw new IllegalArgumentException(what);
        }
        expectClosed(() -> host.write(new float[] {1}));
        expectClosed(host::asFloatBuffer);
        assertHostMemoryAllocated();
        fillAndCheck(view, 3);
        tail.putFloat(0, 42f);
        check(view.get(view.capacity() - 2) == 42f, "the slice and the float view share memory");
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(20);
        }
        fillAndCheck(view, 5); // still reachable here: still allocated
        check(tail.getFloat(0) == 5f + (view.capacity() - 2), "the slice sees the float view's write");
        view = null;
        tail = null;
        device.close();
        runtime.close();
        awaitNothingLive();
    }

    /**
     * {@code rounds} times: a thread reads and writes through views while another closes the buffer,
     * its device or its runtime (in turn); every 100th round a 128 MiB buffer, else 64 KiB. The
     * reader keeps going after the close and must see its own writes.
     */
    private static void closesRaceViewAccess(int rounds) throws Exception {
        for (int round = 0; round < rounds; round++) {
            int bytes = round % 100 == 99 ? 128 << 20 : 64 << 10;
            AclRuntime runtime = AclRuntime.open("sim");
            Device device = runtime.device(0);
            HostBuffer host = device.allocateHost(bytes);
            FloatBuffer view = host.asFloatBuffer();
            CountDownLatch start = new CountDownLatch(1);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            int passes = bytes > 1 << 20 ? 2 : 40;
            Thread accessor = new Thread(() -> {
                try {
                    start.countDown();
                    for (int pass = 0; pass < passes; pass++) {
                        fillAndCheck(view, pass);
                    }
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            accessor.start();
            start.await();
            switch (round % 3) {
                case 0 -> host.close();
                case 1 -> device.close();
                default -> runtime.close();
            }
            accessor.join();
            if (failure.get() != null) {
                throw new AssertionError("round " + round, failure.get());
            }
            runtime.close();
        }
        awaitNothingLive();
    }

    /**
     * Allocates {@code rounds} buffers of {@code mebibytes} each through views that live for one
     * statement (half the buffers closed, half left to the garbage collector), in a process whose
     * memory holds only a few of them.
     */
    private static void shortLivedViewsGiveTheirMemoryBack(int rounds, int mebibytes) throws InterruptedException {
        try (AclRuntime runtime = AclRuntime.open("sim"); Device device = runtime.device(0)) {
            int bytes = mebibytes << 20;
            for (int round = 0; round < rounds; round++) {
                if (round % 2 == 0) {
                    touch(device.allocateHost(bytes).asFloatBuffer(), round);
                } else {
                    FloatBuffer view;
                    try (HostBuffer host = device.allocateHost(bytes)) {
                        view = host.asFloatBuffer();
                    }
                    touch(view, round);
                }
            }
        }
        awaitNothingLive();
    }

    /** Writes one float in every page, and checks the last. */
    private static void touch(FloatBuffer view, int value) {
        for (int i = 0; i < view.capacity(); i += 1024) {
            view.put(i, value);
        }
        check(view.get(view.capacity() - 1024) == value, "touched memory reads back");
    }

    private static void fillAndCheck(FloatBuffer view, int value) {
        for (int i = 0; i < view.capacity(); i++) {
            view.put(i, value + i);
        }
        for (int i = 0; i < view.capacity(); i++) {
            if (view.get(i) != value + i) {
                throw new AssertionError("element " + i + " reads " + view.get(i) + ", not " + (value + i));
            }
        }
    }

    private static void expectClosed(Runnable call) {
        try {
            call.run();
        } catch (IllegalStateException expected) {
            return;
        }
        throw new AssertionError("a closed HostBuffer was usable");
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }

    /** The shim (seen through a runtime of its own) still holds page-locked memory. */
    private static void assertHostMemoryAllocated() {
        try (AclRuntime observer = AclRuntime.open("sim")) {
            String live = observer.liveObjects();
            check(live.contains("host-buffer"), "a view's memory was handed back; live objects:\n" + live);
        }
    }

    /** Once the views are garbage, everything goes back: a new runtime sees no live object. */
    static void awaitNothingLive() throws InterruptedException {
        try (AclRuntime fresh = AclRuntime.open("sim")) {
            for (int attempt = 0; attempt < 50 && fresh.liveObjectCount() != 0; attempt++) {
                System.gc();
                Thread.sleep(20);
            }
            check(fresh.liveObjectCount() == 0, "live after the views were dropped:\n" + fresh.liveObjects());
        }
    }
}
