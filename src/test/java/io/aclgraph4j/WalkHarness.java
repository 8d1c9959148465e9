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

/** The random walk's state, its calls checked against predictions, picking, and the harness's own synchronisation. */
abstract class WalkHarness {
    static final int RECENT = 24;

    final long seed;
    final int actions;
    final SplittableRandom random;
    final Deque<String> recent = new ArrayDeque<>();
    final ExecutorService helper;
    int index;
    int nextId;
    final int[] outcomeCounts = new int[2];
    final java.util.Map<String, Integer> actionCounts = new java.util.TreeMap<>();
    final java.util.Map<String, Integer> failureCounts = new java.util.TreeMap<>();
    int checkedValues;
    int multiStreamModels;

    AclRuntime runtime;
    final Device[] harnessDevices = new Device[2];
    final Stream[] harnessStreams = new Stream[2];

    final List<DeviceM> devices = new ArrayList<>();
    final List<StreamM> streams = new ArrayList<>();
    final List<BufM> buffers = new ArrayList<>();
    final List<HostM> hosts = new ArrayList<>();
    final List<TensorM> tensors = new ArrayList<>();
    final List<ScalarM> scalars = new ArrayList<>();
    final List<OpM> ops = new ArrayList<>();
    final List<EventM> events = new ArrayList<>();
    final List<ModelM> models = new ArrayList<>();
    final List<GroupM> groups = new ArrayList<>();
    final List<CaptureM> captures = new ArrayList<>(); // scope form, not yet ended in Java
    final List<CaptureM> active = new ArrayList<>(); // every capture active in the runtime
    final Deque<Scope> scopes = new ArrayDeque<>();
    final Set<StreamM> pending = new LinkedHashSet<>();
    CaptureMode walkMode = CaptureMode.GLOBAL;

    WalkHarness(long seed, int actions) {
        this.seed = seed;
        this.actions = actions;
        this.random = new SplittableRandom(seed);
        this.helper = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "random-walk-helper");
            thread.setDaemon(true);
            return thread;
        });
    }

    String statistics() {
        return outcomeCounts[0] + " calls succeeded, " + outcomeCounts[1] + " failed as predicted, "
                + checkedValues + " values compared, " + multiStreamModels + " multi-stream models\n  actions "
                + actionCounts + "\n  predicted failures " + failureCounts;
    }


    // ---- running calls against predictions ----

    <T> T call(String what, Expect expected, ThrowingSupplier<T> call) {
        Object[] result = new Object[1];
        run(what, expected, () -> result[0] = call.get());
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }

    boolean run(String what, Expect expected, Executable call) {
        Throwable thrown = null;
        try {
            call.execute();
        } catch (AssertionError nested) {
            throw nested; // a mismatch inside a capture body: already reported
        } catch (Throwable t) {
            thrown = t;
        }
        return check(what, expected, thrown);
    }

    boolean check(String what, Expect expected, Throwable thrown) {
        String outcome = thrown == null ? "ok" : thrown.getClass().getSimpleName()
                + (thrown instanceof AclException acl ? "(" + acl.code() + ")" : "");
        note(what + " -> " + outcome);
        if (!expected.matches(thrown)) {
            throw failure("expected " + expected + ", got " + outcome
                    + (thrown == null ? "" : ": " + thrown.getMessage()), thrown);
        }
        outcomeCounts[thrown == null ? 0 : 1]++;
        if (thrown != null) {
            failureCounts.merge(outcome, 1, Integer::sum);
        }
        return thrown == null;
    }

    void note(String line) {
        if (recent.size() == RECENT) {
            recent.removeFirst();
        }
        recent.addLast("#" + index + " " + line);
    }

    AssertionFailedError failure(String message, Throwable cause) {
        return new AssertionFailedError("random walk seed " + seed + " (replay with -D"
                + RandomWalkTest.SEED_PROPERTY + "=" + seed + "), action " + index + ": " + message
                + "\nlast actions:\n  "
                + String.join("\n  ", recent) + "\nactive captures: " + active + ", thread mode " + walkMode,
                cause);
    }

    void onHelper(Executable call) throws Throwable {
        Future<?> future = helper.submit(() -> {
            try {
                call.execute();
            } catch (Throwable t) {
                throw new HelperFailure(t);
            }
            return null;
        });
        try {
            future.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof HelperFailure wrapped ? wrapped.getCause() : e.getCause();
        } catch (TimeoutException e) {
            throw failure("the helper thread did not finish in 60 s", e);
        }
    }

    static final class HelperFailure extends Exception {
        private static final long serialVersionUID = 1L;

        HelperFailure(Throwable cause) {
            super(cause);
        }
    }

    // ---- picking ----

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    <T extends Obj> T pick(List<T> list) {
        if (list.isEmpty()) {
            return null;
        }
        if (chance(0.9)) {
            List<T> open = list.stream().filter(o -> o.open).toList();
            if (!open.isEmpty()) {
                return open.get(random.nextInt(open.size()));
            }
        }
        return list.get(random.nextInt(list.size()));
    }

    StreamM pickStream() {
        if (!active.isEmpty() && chance(0.45)) {
            CaptureM capture = active.get(random.nextInt(active.size()));
            Member member = capture.members.get(random.nextInt(capture.members.size()));
            if (member.stream.open || chance(0.2)) {
                return member.stream;
            }
        }
        return pick(streams);
    }

    Mem pickMemory() {
        int roll = random.nextInt(10);
        if (roll < 4) {
            return pick(tensors);
        }
        if (roll < 7) {
            return pick(hosts);
        }
        return pick(buffers);
    }

    /** A memory of {@code floats} floats, preferably, else any. */
    Mem pickMemoryOfSize(int floats) {
        List<Mem> candidates = new ArrayList<>();
        for (List<? extends Obj> list : List.of(tensors, hosts, buffers)) {
            for (Obj object : list) {
                if (((Mem) object).floats() == floats && (object.open || chance(0.1))) {
                    candidates.add((Mem) object);
                }
            }
        }
        if (candidates.isEmpty() || chance(0.1)) {
            return pickMemory();
        }
        return candidates.get(random.nextInt(candidates.size()));
    }

    int id() {
        return ++nextId;
    }

    <T extends Obj> void keep(List<T> list, T object, int max) {
        list.add(object);
        if (list.size() > max) {
            for (Iterator<T> it = list.iterator(); it.hasNext() && list.size() > max; ) {
                if (!it.next().open) {
                    it.remove();
                }
            }
        }
    }

    long openCount(List<? extends Obj> list) {
        return list.stream().filter(o -> o.open).count();
    }

    // ---- the runtime and the harness ----

    void openRuntime() {
        runtime = call("AclRuntime.open", Expect.OK, () -> AclRuntime.open("sim"));
        for (int id = 0; id < 2; id++) {
            harnessDevices[id] = runtime.device(id);
            harnessStreams[id] = harnessDevices[id].createStream();
        }
    }

    /** Before issuing work on {@code stream}: no other stream may have unfinished eager work. */
    void prepareIssue(StreamM stream) {
        for (Iterator<StreamM> it = pending.iterator(); it.hasNext(); ) {
            StreamM other = it.next();
            if (other != stream) {
                harnessSync(other);
                it.remove();
            }
        }
    }

    /** Before {@code stream} may become capturing: its own eager work must be done. */
    void drain(StreamM stream) {
        if (pending.remove(stream)) {
            harnessSync(stream);
        }
    }

    void syncAllPending() {
        for (StreamM stream : pending) {
            harnessSync(stream);
        }
        pending.clear();
    }

    void harnessSync(StreamM stream) {
        if (stream.open) {
            run("(harness) " + stream + ".synchronize", Expect.OK, stream.stream::synchronize);
        }
    }

    void issued(StreamM stream, TaskM task) {
        CaptureM capture = stream.capture;
        if (capture != null) {
            capture.tasks.add(task);
            capture.member(stream).lastIsRecord = false;
        } else {
            task.effect.run();
            pending.add(stream);
        }
    }

    // An invalidated capture still accepts tasks, as the device's does (Stream::IsCapturing counts
    // an invalidated capture as capturing); only its end reports 507903.

    /** One random action (`insideLambda`: only those a lambda capture's body may take). */
    abstract void step(boolean insideLambda);

    /** Compares values read back with the model's, failing the walk on a mismatch. */
    abstract void compare(String what, float[] expected, float[] actual);
}
