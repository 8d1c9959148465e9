package io.aclgraph4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.opentest4j.AssertionFailedError;
import io.aclgraph4j.WalkModel.*;

/** The random walk of RandomWalkTest: its action table, closing and checking. */
final class RandomWalk extends WalkCaptures implements AutoCloseable {
    RandomWalk(long seed, int actions) {
        super(seed, actions);
    }

    void run() {
        openRuntime();
        for (index = 0; index < actions; index++) {
            step(false);
            if (index % 200 == 199) {
                checkConsistency();
            }
        }
        finish();
    }

    // ---- driving ----

    @Override
    void step(boolean insideLambda) {
        for (int attempt = 0; attempt < 20; attempt++) {
            String done = randomAction(insideLambda);
            if (done != null) {
                actionCounts.merge(done, 1, Integer::sum);
                return;
            }
        }
    }

    /** An action and its weight; it returns null when it does not apply now. */
    private record Action(int weight, boolean inLambdaBody, Supplier<String> body) {}

    final List<Action> table = List.of(
            new Action(20, true, this::openDevice),
            new Action(35, true, this::createStream),
            new Action(25, true, this::allocate),
            new Action(30, true, this::tensor),
            new Action(35, true, this::view),
            new Action(25, true, this::allocateHost),
            new Action(15, true, this::scalar),
            new Action(50, true, this::createOperator),
            new Action(20, true, this::createEvent),
            new Action(80, true, this::copyAsync),
            new Action(30, true, this::copyAsyncRange),
            new Action(25, true, this::fillAsync),
            new Action(75, true, this::launch),
            new Action(15, true, this::addOnce),
            new Action(45, true, this::record),
            new Action(50, true, this::waitFor),
            new Action(15, true, this::fork),
            new Action(15, true, this::joinBack),
            new Action(30, true, this::synchronizeStream),
            new Action(12, true, this::synchronizeDevice),
            new Action(20, true, this::synchronizeEvent),
            new Action(35, true, () -> unsafeCall(false)),
            new Action(15, true, () -> unsafeCall(true)),
            new Action(30, true, this::hostAccess),
            new Action(40, true, this::beginCapture),
            new Action(30, true, this::endCapture),
            new Action(12, true, this::endCaptureElsewhere),
            new Action(12, true, this::abandonCapture),
            new Action(30, false, this::lambdaCapture),
            new Action(20, true, this::taskGroup),
            new Action(8, true, this::captureStatus),
            new Action(25, true, this::modeScope),
            new Action(60, true, this::replay),
            new Action(5, true, this::debugJson),
            new Action(20, true, this::updateGroup),
            new Action(50, true, () -> closeSomething(false)),
            new Action(20, true, () -> closeSomething(true)),
            new Action(4, true, this::closeDevice),
            new Action(1, false, this::closeRuntime),
            new Action(30, true, this::checkValues));
    final int totalWeight = table.stream().mapToInt(Action::weight).sum();

    String randomAction(boolean insideLambda) {
        int roll = random.nextInt(totalWeight);
        for (Action action : table) {
            roll -= action.weight();
            if (roll < 0) {
                return insideLambda && !action.inLambdaBody() ? null : action.body().get();
            }
        }
        throw new IllegalStateException("unreachable");
    }

    // ---- closing ----

    String closeSomething(boolean onHelper) {
        List<? extends Obj> list = switch (random.nextInt(11)) {
            case 0 -> streams;
            case 1 -> buffers;
            case 2 -> hosts;
            case 3, 4 -> tensors;
            case 5 -> scalars;
            case 6 -> ops;
            case 7 -> events;
            case 8, 9 -> models;
            default -> groups;
        };
        Obj object = list.isEmpty() ? null : list.get(random.nextInt(list.size()));
        if (object == null) {
            return null;
        }
        // A capturing stream (origin or joined) refuses to close until its capture ends.
        boolean refused = object.open && object instanceof StreamM stream && stream.capture != null;
        run((onHelper ? "[other thread] " : "") + object + ".close()", refused ? Expect.capture(107027)
                : Expect.OK, () -> {
            if (onHelper) {
                onHelper(object.real()::close);
            } else {
                object.real().close();
            }
        });
        if (!refused) {
            closed(object);
        }
        return "close";
    }

    String closeDevice() {
        DeviceM device = pick(devices);
        if (device == null) {
            return null;
        }
        boolean onHelper = chance(0.3);
        run((onHelper ? "[other thread] " : "") + device + ".close()", Expect.OK, () -> {
            if (onHelper) {
                onHelper(device.device::close);
            } else {
                device.device.close();
            }
        });
        closed(device);
        return "closeDevice";
    }

    String closeRuntime() {
        run("runtime.close()", Expect.OK, runtime::close);
        for (DeviceM device : devices) {
            closed(device);
        }
        for (ScalarM scalar : scalars) {
            closed(scalar);
        }
        pending.clear();
        if (!active.isEmpty()) {
            throw failure("captures survived the runtime: " + active, null);
        }
        assertEquals(0, runtime.liveObjectCount(), runtime::liveObjects);
        openRuntime();
        return "closeRuntime";
    }

    /** The model's side of a close: cascades, captures discarded, models' groups orphaned. */
    void closed(Obj object) {
        if (!object.open) {
            return;
        }
        object.open = false;
        if (object instanceof DeviceM device) {
            for (List<? extends Obj> list : List.of(models, groups, ops, tensors, buffers, hosts, events,
                    streams)) {
                for (Obj owned : List.copyOf(list)) {
                    if (owned.owner == device) {
                        closed(owned);
                    }
                }
            }
        } else if (object instanceof StreamM stream) {
            pending.remove(stream);
            CaptureM capture = stream.capture;
            if (capture != null && capture.origin == stream) {
                left(capture, GroupState.DISCARDED); // the shim ends and discards it
            }
        } else if (object instanceof TensorM tensor && tensor.owns) {
            closed(tensor.storage);
        } else if (object instanceof ModelM model) {
            for (GroupM group : groups) {
                if (group.model == model) {
                    group.state = GroupState.MODEL_CLOSED;
                }
            }
        }
    }

    // ---- checking ----

    String checkValues() {
        syncAllPending();
        for (HostM host : hosts) {
            if (host.open) {
                float[] values = new float[host.v.length];
                host.host.read(values);
                compare(host.toString(), host.v, values);
            }
        }
        List<BufM> open = buffers.stream().filter(b -> b.open).toList();
        for (int i = 0; i < Math.min(3, open.size()); i++) {
            BufM buffer = open.get(random.nextInt(open.size()));
            compare(buffer.toString(), buffer.v, readBack(buffer));
        }
        note("(check values)");
        return "check";
    }

    float[] readBack(BufM buffer) {
        Stream stream = harnessStreams[buffer.owner.deviceId];
        try (HostBuffer host = harnessDevices[buffer.owner.deviceId].allocateHost(buffer.v.length * 4L)) {
            stream.copyAsync(buffer.buffer, host);
            stream.synchronize();
            return host.toFloatArray();
        }
    }

    @Override
    void compare(String what, float[] expected, float[] actual) {
        for (int i = 0; i < expected.length; i++) {
            if (Float.isNaN(expected[i])) {
                continue;
            }
            checkedValues++;
            float tolerance = 1e-4f * Math.max(1f, Math.abs(expected[i]));
            if (!(Math.abs(actual[i] - expected[i]) <= tolerance)) {
                throw failure(what + " element " + i + " is " + actual[i] + ", expected " + expected[i]
                        + "\nexpected " + Arrays.toString(expected) + "\nactual   " + Arrays.toString(actual), null);
            }
        }
    }

    void checkConsistency() {
        for (List<? extends Obj> list : List.of(devices, streams, buffers, hosts, tensors, scalars, ops, events,
                models, groups)) {
            for (Obj object : list) {
                boolean closed = ((NativeObject) object.real()).isClosed();
                if (closed == object.open) {
                    throw failure(object + " is " + (closed ? "closed" : "open") + " in the SDK", null);
                }
            }
        }
        for (StreamM stream : streams) {
            if (stream.open) {
                CaptureStatus expected = stream.capture == null ? CaptureStatus.NONE
                        : CaptureStatus.ACTIVE;
                CaptureStatus actual = stream.stream.captureStatus();
                if (actual != expected) {
                    throw failure(stream + " capture status " + actual + ", expected " + expected, null);
                }
            }
        }
    }

    void finish() {
        index = actions;
        for (CaptureM capture : List.copyOf(captures)) {
            Expect expected = capture.active ? endRule(capture, true) : Expect.OK;
            if (expected.ok() || expected.equals(Expect.CLOSED)) {
                expected = Expect.OK;
            }
            run("(finish) " + capture + ".close()", expected, capture.capture::close);
            ended(capture, null);
        }
        while (!scopes.isEmpty()) {
            Scope scope = scopes.pop();
            run("(finish) close capture mode scope " + scope.mode(), Expect.OK, scope.scope()::close);
            walkMode = scope.previous();
        }
        checkValues();
        for (BufM buffer : buffers) {
            if (buffer.open) {
                compare(buffer.toString(), buffer.v, readBack(buffer));
            }
        }
        run("(finish) runtime.close()", Expect.OK, runtime::close);
        assertEquals(0, runtime.liveObjectCount(), () -> "seed " + seed + " leaked:\n" + runtime.liveObjects());
    }

    @Override
    public void close() {
        // After a failure: restore the thread's capture mode for the next tests, free everything.
        while (!scopes.isEmpty()) {
            try {
                scopes.pop().scope().close();
            } catch (RuntimeException ignored) {
                // best effort
            }
        }
        for (CaptureM capture : captures) {
            try {
                capture.capture.close();
            } catch (RuntimeException ignored) {
                // best effort
            }
        }
        if (runtime != null) {
            runtime.close();
        }
        helper.shutdownNow();
    }
}
