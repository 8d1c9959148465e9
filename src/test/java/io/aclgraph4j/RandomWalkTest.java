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

/**
 * A seeded random walk over the public API, checked against a model of what every call must do.
 *
 * <p>The walk makes devices (two per id may exist), streams, device and host buffers, FLOAT
 * tensors and views (offsets, strides, transposes), scalars, add operators of all four kinds,
 * events; issues copies, fills and launches eagerly and into captures of every mode (scope and
 * lambda forms, multi-stream through events, task groups); breaks capture rules on purpose
 * (synchronising a capturing stream or device or an event recorded in a capture, unsafe copies
 * under each mode from the capturing thread and from another one, depending on work outside a
 * capture, linking two captures, ending on the wrong thread); switches the thread's capture mode;
 * replays and updates models; and closes anything in any order, twice, from another thread, and
 * uses it afterwards. The model predicts each call's outcome (success, or the exact exception type
 * and ACL code) and the contents of every host and device buffer, which the walk reads back and
 * compares.
 *
 * <p>The model applies a task's effect when it is issued. To make that exact, the harness keeps at
 * most one stream with unfinished eager work (it synchronises the others first) and synchronises
 * before touching host memory; the simulator replays a model's tasks in capture order.
 *
 * <p>CI runs {@link #CI_SEEDS} × {@link #CI_ACTIONS} actions. {@code -Daclgraph4j.walk.seed=N}
 * replays one seed, {@code -Daclgraph4j.walk.actions=N} sets the length (see docs/reliability.md
 * for the long run). A mismatch fails with the seed, the action index and the last actions.
 */
@ExtendWith(NoNativeLeaks.class)
class RandomWalkTest {
    static final String SEED_PROPERTY = "aclgraph4j.walk.seed";
    static final String ACTIONS_PROPERTY = "aclgraph4j.walk.actions";
    static final long[] CI_SEEDS = {20251125L, 7L, 424242L, 1_000_003L};
    static final int CI_ACTIONS = 6_000;

    @TestFactory
    java.util.stream.Stream<DynamicTest> walks() {
        long[] seeds = seeds(System.getProperty(SEED_PROPERTY, ""));
        int actions = Integer.getInteger(ACTIONS_PROPERTY, CI_ACTIONS);
        return Arrays.stream(seeds).mapToObj(s -> DynamicTest.dynamicTest("seed " + s + ", " + actions + " actions",
                () -> {
                    System.out.println("random walk: seed " + s + ", " + actions + " actions (replay one seed with -D"
                            + SEED_PROPERTY + "=" + s + ")");
                    long start = System.nanoTime();
                    try (Walk walk = new Walk(s, actions)) {
                        walk.run();
                        System.out.printf("random walk: seed %d done in %.1f s: %s%n", s,
                                (System.nanoTime() - start) / 1e9, walk.statistics());
                    }
                }));
    }

    /** "" for the CI seeds, else one seed, a comma-separated list, or a range "first..last". */
    static long[] seeds(String property) {
        String text = property.trim();
        if (text.isEmpty()) {
            return CI_SEEDS;
        }
        int range = text.indexOf("..");
        if (range > 0) {
            long first = Long.parseLong(text.substring(0, range).trim());
            long last = Long.parseLong(text.substring(range + 2).trim());
            return java.util.stream.LongStream.rangeClosed(first, last).toArray();
        }
        return Arrays.stream(text.split(",")).map(String::trim).mapToLong(Long::parseLong).toArray();
    }

    // ---------------------------------------------------------------- expected outcomes

    /** What a call must do: succeed, or throw exactly {@code type} (with {@code code} for ACL errors). */
    record Expect(Class<? extends Throwable> type, Integer code) {
        static final Expect OK = new Expect(null, null);
        static final Expect CLOSED = new Expect(IllegalStateException.class, null);
        static final Expect NULL = new Expect(NullPointerException.class, null);

        static Expect invalid(int code) {
            return new Expect(InvalidArgumentException.class, code);
        }

        static Expect capture(int code) {
            return new Expect(CaptureException.class, code);
        }

        static Expect acl(int code) {
            return new Expect(AclException.class, code);
        }

        boolean ok() {
            return type == null;
        }

        boolean matches(Throwable thrown) {
            if (thrown == null || type == null) {
                return thrown == null && type == null;
            }
            if (thrown.getClass() != type) {
                return false;
            }
            return code == null || (thrown instanceof AclException acl && acl.code() == code);
        }

        @Override
        public String toString() {
            return ok() ? "success" : type.getSimpleName() + (code == null ? "" : "(" + code + ")");
        }
    }

    /** The body of a lambda capture threw this on purpose. */
    static final class BodyFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BodyFailure() {
            super("the capture body's own failure", null, true, false);
        }
    }

    // ---------------------------------------------------------------- the model

    private static final float LIMIT = 1e6f; // beyond it a value is "unknown" (NaN): no overflow games

    abstract static class Obj {
        final int id;
        final DeviceM owner; // null: owned by the runtime
        boolean open = true;

        Obj(int id, DeviceM owner) {
            this.id = id;
            this.owner = owner;
        }

        abstract AutoCloseable real();

        abstract String kind();

        @Override
        public String toString() {
            return kind() + "#" + id + (open ? "" : "(closed)");
        }
    }

    static final class DeviceM extends Obj {
        final Device device;
        final int deviceId;

        DeviceM(int id, Device device) {
            super(id, null);
            this.device = device;
            this.deviceId = device.id();
        }

        AutoCloseable real() {
            return device;
        }

        String kind() {
            return "device" + deviceId;
        }
    }

    static final class StreamM extends Obj {
        final Stream stream;
        final int deviceId;
        CaptureM capture; // the active capture this stream belongs to (origin or joined)

        StreamM(int id, DeviceM owner, Stream stream) {
            super(id, owner);
            this.stream = stream;
            this.deviceId = owner.deviceId;
        }

        AutoCloseable real() {
            return stream;
        }

        String kind() {
            return "stream@" + deviceId;
        }
    }

    /** Memory a copy can use, in floats. */
    interface Mem {
        Memory memory();

        boolean isHost();

        int deviceId();

        float[] values();

        int base();

        int floats();

        /** The buffer whose bytes these are (identity decides "same address"). */
        Object storage();

        /** Regions.region's refusal, in its order; null when the region is fine. */
        Expect regionFailure();
    }

    static final class BufM extends Obj implements Mem {
        final DeviceBuffer buffer;
        final float[] v;

        BufM(int id, DeviceM owner, DeviceBuffer buffer, int floats) {
            super(id, owner);
            this.buffer = buffer;
            this.v = new float[floats];
            Arrays.fill(v, Float.NaN);
        }

        AutoCloseable real() {
            return buffer;
        }

        String kind() {
            return "buffer[" + v.length + "]@" + owner.deviceId;
        }

        public Memory memory() {
            return buffer;
        }

        public boolean isHost() {
            return false;
        }

        public int deviceId() {
            return owner.deviceId;
        }

        public float[] values() {
            return v;
        }

        public int base() {
            return 0;
        }

        public int floats() {
            return v.length;
        }

        public Object storage() {
            return this;
        }

        public Expect regionFailure() {
            return open ? null : Expect.CLOSED;
        }
    }

    static final class HostM extends Obj implements Mem {
        final HostBuffer host;
        final float[] v;

        HostM(int id, DeviceM owner, HostBuffer host, int floats) {
            super(id, owner);
            this.host = host;
            this.v = new float[floats];
            Arrays.fill(v, Float.NaN);
        }

        AutoCloseable real() {
            return host;
        }

        String kind() {
            return "host[" + v.length + "]";
        }

        public Memory memory() {
            return host;
        }

        public boolean isHost() {
            return true;
        }

        public int deviceId() {
            return owner.deviceId;
        }

        public float[] values() {
            return v;
        }

        public int base() {
            return 0;
        }

        public int floats() {
            return v.length;
        }

        public Object storage() {
            return this;
        }

        public Expect regionFailure() {
            return open ? null : Expect.CLOSED;
        }
    }

    static final class TensorM extends Obj implements Mem {
        final Tensor tensor;
        final BufM storage;
        final long[] shape;
        final int offset;
        final boolean owns;
        final boolean contiguous;
        final int[] positions; // buffer index of each element, row-major

        TensorM(int id, BufM storage, Tensor tensor, long[] shape, long[] strides, int offset, boolean owns) {
            super(id, storage.owner);
            this.tensor = tensor;
            this.storage = storage;
            this.shape = shape;
            this.offset = offset;
            this.owns = owns;
            long[] steps = strides == null ? Tensor.contiguousStrides(shape) : strides;
            int count = 1;
            for (long dim : shape) {
                count *= (int) dim;
            }
            positions = new int[count];
            int[] index = new int[shape.length];
            for (int e = 0; e < count; e++) {
                long position = offset;
                for (int d = 0; d < shape.length; d++) {
                    position += index[d] * steps[d];
                }
                positions[e] = (int) position;
                for (int d = shape.length - 1; d >= 0; d--) {
                    if (++index[d] < shape[d]) {
                        break;
                    }
                    index[d] = 0;
                }
            }
            this.contiguous = Arrays.equals(steps, Tensor.contiguousStrides(shape)) || count <= 1;
        }

        AutoCloseable real() {
            return tensor;
        }

        String kind() {
            return "tensor" + Arrays.toString(shape) + "+" + offset + (contiguous ? "" : "~") + "@" + deviceId();
        }

        public Memory memory() {
            return tensor;
        }

        public boolean isHost() {
            return false;
        }

        public int deviceId() {
            return storage.owner.deviceId;
        }

        public float[] values() {
            return storage.v;
        }

        public int base() {
            return offset;
        }

        public int floats() {
            return positions.length;
        }

        public Object storage() {
            return storage;
        }

        public Expect regionFailure() {
            if (!contiguous) {
                return Expect.invalid(-2);
            }
            return open && storage.open ? null : Expect.CLOSED;
        }
    }

    static final class ScalarM extends Obj {
        final Scalar scalar;
        final float value;

        ScalarM(int id, Scalar scalar, float value) {
            super(id, null);
            this.scalar = scalar;
            this.value = value;
        }

        AutoCloseable real() {
            return scalar;
        }

        String kind() {
            return "scalar(" + value + ")";
        }
    }

    static final class OpM extends Obj {
        final AddOperator op;
        final String name;
        final TensorM self;
        final TensorM other; // null for the scalar variants
        final float otherValue;
        final float alpha;
        final TensorM out; // self for the in-place variants

        OpM(int id, AddOperator op, String name, TensorM self, TensorM other, float otherValue, float alpha,
            TensorM out) {
            super(id, self.storage.owner);
            this.op = op;
            this.name = name;
            this.self = self;
            this.other = other;
            this.otherValue = otherValue;
            this.alpha = alpha;
            this.out = out;
        }

        AutoCloseable real() {
            return op;
        }

        String kind() {
            return name + "@" + self.deviceId();
        }

        int deviceId() {
            return self.deviceId();
        }

        /** out = self + alpha × other, reading every input before writing. */
        void apply() {
            float[] a = gather(self);
            float[] b = other == null ? null : gather(other);
            float[] result = new float[a.length];
            for (int i = 0; i < a.length; i++) {
                result[i] = axpy(a[i], alpha, b == null ? otherValue : b[i]);
            }
            for (int i = 0; i < result.length; i++) {
                out.storage.v[out.positions[i]] = result[i];
            }
        }

        private static float[] gather(TensorM tensor) {
            float[] values = new float[tensor.positions.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = tensor.storage.v[tensor.positions[i]];
            }
            return values;
        }
    }

    static float axpy(float x, float alpha, float y) {
        float result = x + alpha * y;
        return Float.isNaN(result) || Math.abs(result) > LIMIT ? Float.NaN : result;
    }

    static final class EventM extends Obj {
        final Event event;
        CaptureM capture; // the capture of its last record, if that record was captured
        long captureSequence; // captured records so far
        boolean recordedOutside; // recorded at least once outside any capture

        EventM(int id, DeviceM owner, Event event) {
            super(id, owner);
            this.event = event;
        }

        AutoCloseable real() {
            return event;
        }

        String kind() {
            return "event@" + owner.deviceId;
        }

        CaptureM activeCapture() {
            return capture != null && capture.active ? capture : null;
        }
    }

    /** A captured task; a task group's kernels can be given another effect. */
    static final class TaskM {
        final String name;
        Runnable effect;

        TaskM(String name, Runnable effect) {
            this.name = name;
            this.effect = effect;
        }
    }

    static final class ModelM extends Obj {
        final Model model;
        final int deviceId;
        final List<TaskM> tasks;

        ModelM(int id, DeviceM owner, Model model, List<TaskM> tasks) {
            super(id, owner);
            this.model = model;
            this.deviceId = owner.deviceId;
            this.tasks = tasks;
        }

        AutoCloseable real() {
            return model;
        }

        String kind() {
            return "model[" + tasks.size() + "]@" + deviceId;
        }
    }

    enum GroupState { CAPTURING, LIVE, DISCARDED, MODEL_CLOSED }

    static final class GroupM extends Obj {
        final TaskGroup group;
        final List<TaskM> kernels;
        final int deviceId;
        GroupState state = GroupState.CAPTURING;
        ModelM model;

        GroupM(int id, DeviceM owner, TaskGroup group, List<TaskM> kernels) {
            super(id, owner);
            this.group = group;
            this.kernels = kernels;
            this.deviceId = owner.deviceId;
        }

        AutoCloseable real() {
            return group;
        }

        String kind() {
            return "group[" + kernels.size() + "," + state + "]";
        }
    }

    static final class Member {
        final StreamM stream;
        boolean lastIsRecord;
        EventM lastEvent;
        long lastSequence;

        Member(StreamM stream) {
            this.stream = stream;
        }
    }

    record Wait(EventM event, long sequence, StreamM waiter) {}

    static final class CaptureM {
        final int id;
        final StreamM origin;
        final CaptureMode mode;
        final Capture capture; // null for the lambda form
        final List<Member> members = new ArrayList<>();
        final List<Wait> waits = new ArrayList<>();
        final List<TaskM> tasks = new ArrayList<>();
        final List<GroupM> groups = new ArrayList<>();
        boolean invalidated;
        int groupError; // the first task-group failure, which every later group's end reports
        boolean active = true;
        boolean javaEnded; // end() or close() was called on the Capture

        CaptureM(int id, StreamM origin, CaptureMode mode, Capture capture) {
            this.id = id;
            this.origin = origin;
            this.mode = mode;
            this.capture = capture;
            members.add(new Member(origin));
        }

        Member member(StreamM stream) {
            for (Member member : members) {
                if (member.stream == stream) {
                    return member;
                }
            }
            return null;
        }

        /** The simulator's AllJoined: every member's last task is a record the origin (transitively) waits on. */
        boolean allJoined() {
            for (Member member : members) {
                if (!rejoined(member.stream, 0)) {
                    return false;
                }
            }
            return true;
        }

        private boolean rejoined(StreamM stream, int depth) {
            if (stream == origin) {
                return true;
            }
            if (depth > members.size()) {
                return false;
            }
            Member member = member(stream);
            if (member == null || !member.lastIsRecord) {
                return false;
            }
            for (Wait wait : waits) {
                if (wait.event == member.lastEvent && wait.sequence == member.lastSequence && wait.waiter != stream
                        && rejoined(wait.waiter, depth + 1)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return "capture#" + id + "(" + mode + (invalidated ? ", invalidated" : "") + (active ? "" : ", ended") + ")";
        }
    }

    record Scope(CaptureModeScope scope, CaptureMode mode, CaptureMode previous) {}

    // ---------------------------------------------------------------- the walk

    static final class Walk implements AutoCloseable {
        private static final int RECENT = 24;

        private final long seed;
        private final int actions;
        private final SplittableRandom random;
        private final Deque<String> recent = new ArrayDeque<>();
        private final ExecutorService helper;
        private int index;
        private int nextId;
        private final int[] outcomeCounts = new int[2];
        private final java.util.Map<String, Integer> actionCounts = new java.util.TreeMap<>();
        private final java.util.Map<String, Integer> failureCounts = new java.util.TreeMap<>();
        private int checkedValues;
        private int multiStreamModels;

        private AclRuntime runtime;
        private final Device[] harnessDevices = new Device[2];
        private final Stream[] harnessStreams = new Stream[2];

        private final List<DeviceM> devices = new ArrayList<>();
        private final List<StreamM> streams = new ArrayList<>();
        private final List<BufM> buffers = new ArrayList<>();
        private final List<HostM> hosts = new ArrayList<>();
        private final List<TensorM> tensors = new ArrayList<>();
        private final List<ScalarM> scalars = new ArrayList<>();
        private final List<OpM> ops = new ArrayList<>();
        private final List<EventM> events = new ArrayList<>();
        private final List<ModelM> models = new ArrayList<>();
        private final List<GroupM> groups = new ArrayList<>();
        private final List<CaptureM> captures = new ArrayList<>(); // scope form, not yet ended in Java
        private final List<CaptureM> active = new ArrayList<>(); // every capture active in the runtime
        private final Deque<Scope> scopes = new ArrayDeque<>();
        private final Set<StreamM> pending = new LinkedHashSet<>();
        private CaptureMode walkMode = CaptureMode.GLOBAL;

        Walk(long seed, int actions) {
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
                    + checkedValues + " values compared, " + multiStreamModels + " multi-stream models\n  actions " + actionCounts + "\n  predicted failures "
                    + failureCounts;
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

        private void step(boolean insideLambda) {
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

        private final List<Action> table = List.of(
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
        private final int totalWeight = table.stream().mapToInt(Action::weight).sum();

        private String randomAction(boolean insideLambda) {
            int roll = random.nextInt(totalWeight);
            for (Action action : table) {
                roll -= action.weight();
                if (roll < 0) {
                    return insideLambda && !action.inLambdaBody() ? null : action.body().get();
                }
            }
            throw new IllegalStateException("unreachable");
        }

        // ---- running calls against predictions ----

        private <T> T call(String what, Expect expected, ThrowingSupplier<T> call) {
            Object[] result = new Object[1];
            run(what, expected, () -> result[0] = call.get());
            @SuppressWarnings("unchecked")
            T value = (T) result[0];
            return value;
        }

        private boolean run(String what, Expect expected, Executable call) {
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

        private boolean check(String what, Expect expected, Throwable thrown) {
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

        private void note(String line) {
            if (recent.size() == RECENT) {
                recent.removeFirst();
            }
            recent.addLast("#" + index + " " + line);
        }

        private AssertionFailedError failure(String message, Throwable cause) {
            return new AssertionFailedError("random walk seed " + seed + " (replay with -D" + SEED_PROPERTY + "="
                    + seed + "), action " + index + ": " + message + "\nlast actions:\n  "
                    + String.join("\n  ", recent) + "\nactive captures: " + active + ", thread mode " + walkMode,
                    cause);
        }

        private void onHelper(Executable call) throws Throwable {
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

        private boolean chance(double probability) {
            return random.nextDouble() < probability;
        }

        private <T extends Obj> T pick(List<T> list) {
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

        private StreamM pickStream() {
            if (!active.isEmpty() && chance(0.45)) {
                CaptureM capture = active.get(random.nextInt(active.size()));
                Member member = capture.members.get(random.nextInt(capture.members.size()));
                if (member.stream.open || chance(0.2)) {
                    return member.stream;
                }
            }
            return pick(streams);
        }

        private Mem pickMemory() {
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
        private Mem pickMemoryOfSize(int floats) {
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

        private int id() {
            return ++nextId;
        }

        private <T extends Obj> void keep(List<T> list, T object, int max) {
            list.add(object);
            if (list.size() > max) {
                for (Iterator<T> it = list.iterator(); it.hasNext() && list.size() > max; ) {
                    if (!it.next().open) {
                        it.remove();
                    }
                }
            }
        }

        private long openCount(List<? extends Obj> list) {
            return list.stream().filter(o -> o.open).count();
        }

        // ---- the runtime and the harness ----

        private void openRuntime() {
            runtime = call("AclRuntime.open", Expect.OK, () -> AclRuntime.open("sim"));
            for (int id = 0; id < 2; id++) {
                harnessDevices[id] = runtime.device(id);
                harnessStreams[id] = harnessDevices[id].createStream();
            }
        }

        /** Before issuing work on {@code stream}: no other stream may have unfinished eager work. */
        private void prepareIssue(StreamM stream) {
            for (Iterator<StreamM> it = pending.iterator(); it.hasNext(); ) {
                StreamM other = it.next();
                if (other != stream) {
                    harnessSync(other);
                    it.remove();
                }
            }
        }

        /** Before {@code stream} may become capturing: its own eager work must be done. */
        private void drain(StreamM stream) {
            if (pending.remove(stream)) {
                harnessSync(stream);
            }
        }

        private void syncAllPending() {
            for (StreamM stream : pending) {
                harnessSync(stream);
            }
            pending.clear();
        }

        private void harnessSync(StreamM stream) {
            if (stream.open) {
                run("(harness) " + stream + ".synchronize", Expect.OK, stream.stream::synchronize);
            }
        }

        private void issued(StreamM stream, TaskM task) {
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

        // ---- creating ----

        private String openDevice() {
            if (openCount(devices) >= 4) {
                return null;
            }
            int deviceId = chance(0.03) ? 2 : random.nextInt(2);
            Device device = call("runtime.device(" + deviceId + ")", deviceId == 2 ? Expect.invalid(-2) : Expect.OK,
                    () -> runtime.device(deviceId));
            if (device != null) {
                keep(devices, new DeviceM(id(), device), 12);
                // Work around the shim's stale per-thread context cache (aclrtSetDevice in
                // agj_device_open switches the thread's context behind it; see
                // FacadeContractTest.objectsOfADeviceStayOnItAfterAnotherDeviceIsOpened): one call on
                // the new device makes the cache true again.
                harnessStreams[deviceId].captureStatus();
            }
            return "device";
        }

        private String createStream() {
            DeviceM device = pick(devices);
            if (device == null || openCount(streams) >= 8) {
                return null;
            }
            Stream stream = call(device + ".createStream", device.open ? Expect.OK : Expect.CLOSED,
                    device.device::createStream);
            if (stream != null) {
                keep(streams, new StreamM(id(), device, stream), 24);
            }
            return "stream";
        }

        private String allocate() {
            DeviceM device = pick(devices);
            if (device == null || openCount(buffers) >= 10) {
                return null;
            }
            int floats = new int[] {4, 8, 16}[random.nextInt(3)];
            DeviceBuffer buffer = call(device + ".allocate(" + floats * 4 + ")", device.open ? Expect.OK
                    : Expect.CLOSED, () -> device.device.allocate(floats * 4L));
            if (buffer != null) {
                keep(buffers, new BufM(id(), device, buffer, floats), 30);
            }
            return "allocate";
        }

        private static final long[][] SHAPES = {{4}, {2, 2}, {8}, {2, 4}, {4, 2}};

        private String tensor() {
            DeviceM device = pick(devices);
            if (device == null || openCount(tensors) >= 14) {
                return null;
            }
            long[] shape = SHAPES[random.nextInt(SHAPES.length)];
            Tensor tensor = call(device + ".tensor(FLOAT, " + Arrays.toString(shape) + ")",
                    device.open ? Expect.OK : Expect.CLOSED, () -> device.device.tensor(DataType.FLOAT, shape));
            if (tensor != null) {
                int floats = (int) (shape.length == 1 ? shape[0] : shape[0] * shape[1]);
                BufM storage = new BufM(id(), device, tensor.storage(), floats);
                keep(buffers, storage, 30);
                keep(tensors, new TensorM(id(), storage, tensor, shape, null, 0, true), 40);
            }
            return "tensor";
        }

        private String view() {
            BufM buffer = pick(buffers);
            if (buffer == null || openCount(tensors) >= 14) {
                return null;
            }
            int n = buffer.v.length;
            long[] shape;
            long[] strides = null;
            int offset;
            switch (random.nextInt(5)) {
                case 0 -> { // contiguous at an offset
                    shape = new long[] {4};
                    offset = random.nextInt(n - 3);
                }
                case 1 -> { // every other element
                    if (n < 8) {
                        return null;
                    }
                    shape = new long[] {4};
                    strides = new long[] {2};
                    offset = random.nextInt(n - 6);
                }
                case 2 -> { // a transposed 2 x 2
                    shape = new long[] {2, 2};
                    strides = new long[] {1, 2};
                    offset = random.nextInt(n - 3);
                }
                case 3 -> { // 2 x 2 rows of a wider matrix
                    if (n < 8) {
                        return null;
                    }
                    shape = new long[] {2, 2};
                    strides = new long[] {4, 1};
                    offset = random.nextInt(n - 5);
                }
                default -> { // too big for the buffer: refused before native code
                    shape = new long[] {n + 1L};
                    offset = 0;
                }
            }
            boolean fits = shape[0] <= n;
            Expect expected = !fits ? Expect.invalid(-2) : buffer.open ? Expect.OK : Expect.CLOSED;
            long[] finalStrides = strides;
            Tensor tensor = call(buffer + ".view(" + Arrays.toString(shape) + ", " + Arrays.toString(strides) + ", "
                    + offset + ")", expected, () -> buffer.buffer.view(DataType.FLOAT, shape, finalStrides, offset));
            if (tensor != null) {
                keep(tensors, new TensorM(id(), buffer, tensor, shape, strides, offset, false), 40);
            }
            return "view";
        }

        private String allocateHost() {
            DeviceM device = pick(devices);
            if (device == null || openCount(hosts) >= 8) {
                return null;
            }
            int floats = new int[] {4, 8, 16}[random.nextInt(3)];
            HostBuffer host = call(device + ".allocateHost(" + floats * 4 + ")", device.open ? Expect.OK
                    : Expect.CLOSED, () -> device.device.allocateHost(floats * 4L));
            if (host != null) {
                keep(hosts, new HostM(id(), device, host, floats), 20);
            }
            return "host";
        }

        private String scalar() {
            if (openCount(scalars) >= 6) {
                return null;
            }
            int value = new int[] {1, 2, -1, 3, -2}[random.nextInt(5)];
            boolean asLong = chance(0.5);
            Scalar scalar = call("runtime.scalar(FLOAT, " + value + ")", Expect.OK,
                    () -> asLong ? runtime.scalar(DataType.FLOAT, (long) value) : runtime.scalar(DataType.FLOAT,
                            (double) value));
            keep(scalars, new ScalarM(id(), scalar, value), 16);
            return "scalar";
        }

        private String createEvent() {
            DeviceM device = pick(devices);
            if (device == null || openCount(events) >= 8) {
                return null;
            }
            Event event = call(device + ".createEvent", device.open ? Expect.OK : Expect.CLOSED,
                    device.device::createEvent);
            if (event != null) {
                keep(events, new EventM(id(), device, event), 20);
            }
            return "event";
        }

        private static boolean sameLayout(TensorM a, TensorM b) {
            return a.storage == b.storage && Arrays.equals(a.positions, b.positions);
        }

        private static boolean disjoint(TensorM a, TensorM b) {
            if (a.storage != b.storage) {
                return true;
            }
            for (int x : a.positions) {
                for (int y : b.positions) {
                    if (x == y) {
                        return false;
                    }
                }
            }
            return true;
        }

        /** Written and read operands either the same elements in the same order, or no shared element. */
        private static boolean safeAliasing(TensorM written, TensorM read) {
            return sameLayout(written, read) || disjoint(written, read);
        }

        private static boolean broadcastable(long[] a, long[] b) {
            for (int i = 1; i <= Math.min(a.length, b.length); i++) {
                long x = a[a.length - i];
                long y = b[b.length - i];
                if (x != y && x != 1 && y != 1) {
                    return false;
                }
            }
            return true;
        }

        /** The operator's native check: 161002 unless the shapes agree; null to skip (a valid broadcast). */
        private static Expect shapeRule(TensorM self, long[] otherShape, TensorM out) {
            if (otherShape != null && !Arrays.equals(self.shape, otherShape)) {
                return broadcastable(self.shape, otherShape) ? null : Expect.invalid(161002);
            }
            return out != null && !Arrays.equals(out.shape, self.shape) ? Expect.invalid(161002) : Expect.OK;
        }

        private String createOperator() {
            TensorM self = pick(tensors);
            ScalarM alpha = pick(scalars);
            if (self == null || alpha == null) {
                return null;
            }
            int kind = random.nextInt(4);
            TensorM other = kind == 0 || kind == 2 ? pickTensorLike(self) : null;
            ScalarM otherScalar = kind == 1 || kind == 3 ? pick(scalars) : null;
            TensorM out = kind <= 1 ? pickTensorLike(self) : self;
            if ((kind == 0 || kind == 2) && other == null || (kind == 1 || kind == 3) && otherScalar == null
                    || out == null) {
                return null;
            }
            // The facade's checks first, in its order: one device, then every handle, then the operator's own.
            boolean foreign = switch (kind) {
                case 0 -> other.deviceId() != self.deviceId() || out.deviceId() != self.deviceId();
                case 1 -> out.deviceId() != self.deviceId();
                case 2 -> other.deviceId() != self.deviceId();
                default -> false;
            };
            boolean closedOperand = !self.open || !alpha.open || other != null && !other.open
                    || otherScalar != null && !otherScalar.open || kind <= 1 && !out.open;
            Expect expected;
            if (foreign) {
                expected = Expect.invalid(-2);
            } else if (closedOperand) {
                expected = Expect.CLOSED;
            } else {
                expected = shapeRule(self, other == null ? null : other.shape, kind <= 1 ? out : null);
                if (expected == null) {
                    return null; // a broadcast: not modelled
                }
                if (expected.ok() && (!safeAliasing(out, self) || other != null && !safeAliasing(out, other))) {
                    return null; // partially overlapping operands: order-dependent, not modelled
                }
            }
            String name = switch (kind) {
                case 0 -> "add";
                case 1 -> "adds";
                case 2 -> "inplaceAdd";
                default -> "inplaceAdds";
            };
            String what = "AddOperator." + name + "(" + self + ", " + (other != null ? other : otherScalar) + ", "
                    + alpha + (kind <= 1 ? ", " + out : "") + ")";
            AddOperator op = call(what, expected, () -> switch (kind) {
                case 0 -> AddOperator.add(self.tensor, other.tensor, alpha.scalar, out.tensor);
                case 1 -> AddOperator.adds(self.tensor, otherScalar.scalar, alpha.scalar, out.tensor);
                case 2 -> AddOperator.inplaceAdd(self.tensor, other.tensor, alpha.scalar);
                default -> AddOperator.inplaceAdds(self.tensor, otherScalar.scalar, alpha.scalar);
            });
            if (op != null) {
                keep(ops, new OpM(id(), op, name, self, other, otherScalar == null ? 0 : otherScalar.value,
                        alpha.value, out), 30);
            }
            return "operator";
        }

        /** Another tensor, mostly of the same shape and device. */
        private TensorM pickTensorLike(TensorM self) {
            if (chance(0.85)) {
                List<TensorM> alike = tensors.stream().filter(t -> Arrays.equals(t.shape, self.shape)
                        && t.deviceId() == self.deviceId() && (t.open || chance(0.05))).toList();
                if (!alike.isEmpty()) {
                    return alike.get(random.nextInt(alike.size()));
                }
            }
            return pick(tensors);
        }

        // ---- issuing work ----

        /** Regions.region, checkSameSize: the facade's refusal of a copy's operands, in order. */
        private static Expect copyOperands(Mem from, Mem to, boolean sameSize) {
            Expect region = from.regionFailure();
            if (region != null) {
                return region;
            }
            region = to.regionFailure();
            if (region != null) {
                return region;
            }
            return sameSize && from.floats() != to.floats() ? Expect.invalid(-2) : null;
        }

        /** Stream.copyAsync's own checks after the regions: host to host, memory of another device. */
        private static Expect streamOperands(Mem from, Mem to, StreamM stream) {
            if (from.isHost() && to.isHost()) {
                return Expect.invalid(-2);
            }
            if (!from.isHost() && from.deviceId() != stream.deviceId
                    || !to.isHost() && to.deviceId() != stream.deviceId) {
                return Expect.invalid(-2);
            }
            return null;
        }

        /** Mostly memory a copy on {@code stream} may use: host memory or memory of its device. */
        private Mem pickMemoryFor(StreamM stream) {
            for (int attempt = 0; attempt < 4 && chance(0.8); attempt++) {
                Mem memory = pickMemory();
                if (memory != null && (memory.isHost() || memory.deviceId() == stream.deviceId)) {
                    return memory;
                }
            }
            return pickMemory();
        }

        private String copyAsync() {
            StreamM stream = pickStream();
            if (stream == null) {
                return null;
            }
            Mem from = pickMemoryFor(stream);
            if (stream == null || from == null) {
                return null;
            }
            Mem to = pickMemoryOfSize(from.floats());
            if (to == null) {
                return null;
            }
            return issueCopy(stream, from, 0, to, 0, from.floats(), false);
        }

        private String copyAsyncRange() {
            StreamM stream = pickStream();
            if (stream == null) {
                return null;
            }
            Mem from = pickMemoryFor(stream);
            Mem to = pickMemoryFor(stream);
            if (stream == null || from == null || to == null) {
                return null;
            }
            int count = random.nextInt(Math.min(from.floats(), to.floats()) + 1);
            int fromOffset = random.nextInt(from.floats() - count + 1);
            int toOffset = random.nextInt(to.floats() - count + 1);
            if (chance(0.1)) {
                toOffset = to.floats() - count + 1; // one float too far
            }
            return issueCopy(stream, from, fromOffset, to, toOffset, count, true);
        }

        private String issueCopy(StreamM stream, Mem from, int fromOffset, Mem to, int toOffset, int count,
                                 boolean ranged) {
            prepareIssue(stream);
            Expect expected = copyOperands(from, to, !ranged);
            if (expected == null && ranged && toOffset + count > to.floats()) {
                expected = Expect.invalid(-2);
            }
            if (expected == null) {
                expected = streamOperands(from, to, stream);
            }
            if (expected == null && !stream.open) {
                expected = Expect.CLOSED;
            }
            boolean noTask = count == 0 || (from.storage() == to.storage()
                    && from.base() + fromOffset == to.base() + toOffset);
            if (expected == null) {
                expected = Expect.OK;
            }
            String what = stream + ".copyAsync(" + from + (ranged ? "@" + fromOffset : "") + " -> " + to
                    + (ranged ? "@" + toOffset + ", " + count + " floats" : "") + ")";
            int fromAt = fromOffset;
            int toAt = toOffset;
            boolean ok = run(what, expected, () -> {
                if (ranged) {
                    stream.stream.copyAsync(from.memory(), fromAt * 4L, to.memory(), toAt * 4L, count * 4L);
                } else {
                    stream.stream.copyAsync(from.memory(), to.memory());
                }
            });
            if (ok && !noTask) {
                issued(stream, new TaskM("copy", () -> {
                    float[] values = Arrays.copyOfRange(from.values(), from.base() + fromAt, from.base() + fromAt
                            + count);
                    System.arraycopy(values, 0, to.values(), to.base() + toAt, count);
                }));
            }
            return "copy";
        }

        private static float fillPattern(int value) {
            return Float.intBitsToFloat((value & 0xFF) * 0x01010101);
        }

        private String fillAsync() {
            StreamM stream = pickStream();
            Mem memory = pickMemory();
            if (stream == null || memory == null) {
                return null;
            }
            prepareIssue(stream);
            int value = chance(0.05) ? 300 : chance(0.7) ? 0 : 0x40;
            Expect expected = memory.regionFailure();
            if (expected == null && value > 0xFF) {
                expected = Expect.invalid(-2);
            }
            if (expected == null && !memory.isHost() && memory.deviceId() != stream.deviceId) {
                expected = Expect.invalid(-2);
            }
            if (expected == null && !stream.open) {
                expected = Expect.CLOSED;
            }
            if (expected == null) {
                expected = Expect.OK;
            }
            if (run(stream + ".fillAsync(" + memory + ", " + value + ")", expected,
                    () -> stream.stream.fillAsync(memory.memory(), value))) {
                float pattern = fillPattern(value);
                issued(stream, new TaskM("fill", () -> Arrays.fill(memory.values(), memory.base(), memory.base()
                        + memory.floats(), pattern)));
            }
            return "fill";
        }

        private Expect launchRule(OpM op, StreamM stream) {
            if (!op.open || !stream.open) {
                return Expect.CLOSED;
            }
            if (op.deviceId() != stream.deviceId) {
                return Expect.invalid(-2);
            }
            return Expect.OK;
        }

        private String launch() {
            OpM op = pick(ops);
            StreamM stream = pickStream();
            if (op == null || stream == null) {
                return null;
            }
            prepareIssue(stream);
            if (run(op + ".launch(" + stream + ")", launchRule(op, stream), () -> op.op.launch(stream.stream))) {
                issued(stream, new TaskM(op.name, op::apply));
            }
            return "launch";
        }

        private String addOnce() {
            StreamM stream = pickStream();
            TensorM self = pick(tensors);
            ScalarM alpha = pick(scalars);
            if (stream == null || self == null || alpha == null) {
                return null;
            }
            TensorM other = pickTensorLike(self);
            TensorM out = pickTensorLike(self);
            if (other == null || out == null) {
                return null;
            }
            prepareIssue(stream);
            Expect expected;
            if (self.deviceId() != other.deviceId() || self.deviceId() != out.deviceId()) {
                expected = Expect.invalid(-2);
            } else if (!self.open || !other.open || !alpha.open || !out.open) {
                expected = Expect.CLOSED;
            } else {
                expected = shapeRule(self, other.shape, out);
                if (expected == null) {
                    return null;
                }
                if (expected.ok() && (!safeAliasing(out, self) || !safeAliasing(out, other))) {
                    return null;
                }
                if (expected.ok() && !stream.open) {
                    expected = Expect.CLOSED;
                } else if (expected.ok() && self.deviceId() != stream.deviceId) {
                    expected = Expect.invalid(-2);
                }
            }
            OpM once = new OpM(0, null, "addOnce", self, other, 0, alpha.value, out);
            if (run("AddOperator.addOnce(" + stream + ", " + self + ", " + other + ", " + alpha + ", " + out + ")",
                    expected, () -> AddOperator.addOnce(stream.stream, self.tensor, other.tensor, alpha.scalar,
                            out.tensor))) {
                issued(stream, new TaskM("addOnce", once::apply));
            }
            return "addOnce";
        }

        private String record() {
            EventM event = pick(events);
            StreamM stream = pickStream();
            if (event == null || stream == null) {
                return null;
            }
            record(event, stream);
            return "record";
        }

        private boolean record(EventM event, StreamM stream) {
            prepareIssue(stream);
            Expect expected = !event.open || !stream.open ? Expect.CLOSED
                    : event.owner.deviceId != stream.deviceId ? Expect.invalid(-2) // an event belongs to its device
                    : Expect.OK;
            // With hardware capture events (the simulator's default) an event keeps the capture of its
            // latest captured record: recording it in another capture still going links the two
            // (ApiImpl::CaptureEventRecord), 107032, and both are invalidated.
            CaptureM previous = event.activeCapture();
            boolean crossCapture = expected.ok() && stream.capture != null && previous != null
                    && previous != stream.capture;
            if (crossCapture) {
                expected = Expect.capture(107032);
            }
            boolean recorded = run(event + ".record(" + stream + ")", expected, () -> event.event.record(stream.stream));
            if (crossCapture) {
                stream.capture.invalidated = true;
                previous.invalidated = true;
            }
            if (recorded) {
                CaptureM capture = stream.capture;
                if (capture != null) {
                    capture.tasks.add(new TaskM("record", () -> { }));
                    event.captureSequence++;
                    event.capture = capture;
                    Member member = capture.member(stream);
                    member.lastIsRecord = true;
                    member.lastEvent = event;
                    member.lastSequence = event.captureSequence;
                } else {
                    event.capture = null; // an eager record replaces a captured one
                    event.recordedOutside = true;
                    pending.add(stream);
                }
                return true;
            }
            return false;
        }

        private String waitFor() {
            StreamM stream = pickStream();
            EventM event = pick(events);
            if (stream == null || event == null) {
                return null;
            }
            waitFor(stream, event);
            return "wait";
        }

        /** A capture forks: a member records an event that an open stream not capturing waits for. */
        private String fork() {
            if (active.isEmpty()) {
                return null;
            }
            CaptureM capture = active.get(random.nextInt(active.size()));
            StreamM member = chance(0.7) ? capture.origin : capture.members.get(random.nextInt(
                    capture.members.size())).stream;
            EventM event = pick(events);
            List<StreamM> free = streams.stream().filter(s -> s.open && s.capture == null).toList();
            if (event == null || free.isEmpty()) {
                return null;
            }
            if (record(event, member)) {
                waitFor(free.get(random.nextInt(free.size())), event);
            }
            return "fork";
        }

        /** A joined stream joins back: it records an event the origin (or another member) waits for. */
        private String joinBack() {
            List<CaptureM> forked = active.stream().filter(c -> c.members.size() > 1).toList();
            if (forked.isEmpty()) {
                return null;
            }
            CaptureM capture = forked.get(random.nextInt(forked.size()));
            Member member = capture.members.get(1 + random.nextInt(capture.members.size() - 1));
            StreamM waiter = chance(0.8) ? capture.origin : capture.members.get(random.nextInt(
                    capture.members.size())).stream;
            EventM event = pick(events);
            if (event == null) {
                return null;
            }
            if (record(event, member.stream)) {
                waitFor(waiter, event);
            }
            return "joinBack";
        }

        private boolean waitFor(StreamM stream, EventM event) {
            prepareIssue(stream);
            CaptureM eventCapture = event.activeCapture();
            CaptureM waiterCapture = stream.capture;
            if (eventCapture != null && waiterCapture == null && stream.open) {
                drain(stream); // it is about to join a capture
            }
            Expect expected;
            boolean joins = false;
            if (!stream.open || !event.open) {
                expected = Expect.CLOSED;
            } else if (event.owner.deviceId != stream.deviceId) {
                expected = Expect.invalid(-2); // an event belongs to its device
                eventCapture = null;
            } else if (eventCapture != null) {
                if (waiterCapture != null && waiterCapture != eventCapture) {
                    expected = Expect.capture(107032);
                } else {
                    joins = waiterCapture == null;
                    expected = Expect.OK; // an invalidated capture is joined too
                }
            } else {
                // ApiImpl::StreamWaitEvent: a capture cannot wait on a record made outside it (107024);
                // an event never recorded outside a capture has nothing to wait for (0).
                expected = waiterCapture != null && event.recordedOutside ? Expect.capture(107024) : Expect.OK;
            }
            boolean ok = run(stream + ".waitFor(" + event + ")", expected, () -> stream.stream.waitFor(event.event));
            if (expected.equals(Expect.capture(107032))) {
                waiterCapture.invalidated = true;
                eventCapture.invalidated = true;
            }
            if (joins) {
                eventCapture.members.add(new Member(stream));
                stream.capture = eventCapture;
            }
            if (ok) {
                if (eventCapture != null) {
                    eventCapture.tasks.add(new TaskM("wait", () -> { }));
                    eventCapture.waits.add(new Wait(event, event.captureSequence, stream));
                    eventCapture.member(stream).lastIsRecord = false;
                } else if (waiterCapture == null) {
                    pending.add(stream);
                } // else: a capture's wait on an event never recorded outside it records nothing
            }
            return ok;
        }

        private String synchronizeStream() {
            StreamM stream = pickStream();
            if (stream == null) {
                return null;
            }
            Expect expected = !stream.open ? Expect.CLOSED : stream.capture != null ? Expect.capture(107027)
                    : Expect.OK;
            boolean query = chance(0.3);
            if (query) {
                run(stream + ".isComplete", expected, stream.stream::isComplete);
            } else if (run(stream + ".synchronize", expected, stream.stream::synchronize)) {
                pending.remove(stream);
            }
            return "synchronize";
        }

        private String synchronizeDevice() {
            DeviceM device = pick(devices);
            if (device == null) {
                return null;
            }
            boolean capturing = active.stream().anyMatch(c -> c.origin.deviceId == device.deviceId);
            Expect expected = !device.open ? Expect.CLOSED : capturing ? Expect.capture(107027) : Expect.OK;
            if (run(device + ".synchronize", expected, device.device::synchronize)) {
                pending.removeIf(stream -> stream.deviceId == device.deviceId);
            }
            return "synchronizeDevice";
        }

        private String synchronizeEvent() {
            EventM event = pick(events);
            if (event == null) {
                return null;
            }
            Expect expected = !event.open ? Expect.CLOSED : event.activeCapture() != null ? Expect.capture(107028)
                    : Expect.OK;
            if (chance(0.4)) {
                run(event + ".isComplete", expected, event.event::isComplete);
            } else {
                run(event + ".synchronize", expected, event.event::synchronize);
            }
            return "synchronizeEvent";
        }

        // ---- unsafe calls and the capture-mode rule ----

        /** The simulator's (CANN's) rule for synchronous copies and fills while captures are active. */
        private boolean unsafeAllowed(CaptureMode exchange, int contextDevice, boolean onWalkThread) {
            CaptureMode contextMode = null;
            CaptureMode threadMode = null;
            for (CaptureM capture : active) {
                if (capture.origin.deviceId == contextDevice && (contextMode == null
                        || capture.mode.ordinal() < contextMode.ordinal())) {
                    contextMode = capture.mode;
                }
                if (onWalkThread && (threadMode == null || capture.mode.ordinal() < threadMode.ordinal())) {
                    threadMode = capture.mode;
                }
            }
            if (contextMode == null) {
                return true;
            }
            return switch (exchange) {
                case RELAXED -> true;
                case GLOBAL -> !(contextMode == CaptureMode.GLOBAL || threadMode == CaptureMode.THREAD_LOCAL);
                case THREAD_LOCAL -> !(threadMode == CaptureMode.GLOBAL || threadMode == CaptureMode.THREAD_LOCAL);
            };
        }

        private String unsafeCall(boolean onHelper) {
            DeviceM device = pick(devices);
            Mem from = pickMemory();
            if (device == null || from == null) {
                return null;
            }
            syncAllPending();
            boolean fill = chance(0.3);
            Mem to = fill ? from : pickMemoryOfSize(from.floats());
            if (to == null) {
                return null;
            }
            int value = chance(0.7) ? 0 : 0x40;
            CaptureMode helperMode = onHelper && chance(0.7) ? CaptureMode.values()[random.nextInt(3)] : null;
            Expect expected = !device.open ? Expect.CLOSED : fill ? from.regionFailure() : copyOperands(from, to, true);
            if (expected == null) {
                boolean foreign = !from.isHost() && from.deviceId() != device.deviceId
                        || !to.isHost() && to.deviceId() != device.deviceId;
                if (foreign) {
                    expected = Expect.invalid(-2);
                }
            }
            if (expected == null) {
                int context = to.isHost() ? from.deviceId() : to.deviceId();
                CaptureMode exchange = onHelper ? (helperMode == null ? CaptureMode.GLOBAL : helperMode) : walkMode;
                expected = unsafeAllowed(exchange, context, !onHelper) ? Expect.OK : Expect.capture(107030);
            }
            String what = (onHelper ? "[other thread" + (helperMode == null ? "" : ", " + helperMode) + "] " : "")
                    + device + (fill ? ".fill(" + from + ", " + value + ")" : ".copy(" + from + " -> " + to + ")");
            Executable body = () -> {
                if (fill) {
                    device.device.fill(from.memory(), value);
                } else {
                    device.device.copy(from.memory(), to.memory());
                }
            };
            Executable call = !onHelper ? body : () -> onHelper(() -> {
                if (helperMode == null) {
                    body.execute();
                } else {
                    try (CaptureModeScope scope = runtime.captureMode(helperMode)) {
                        body.execute();
                    }
                }
            });
            if (run(what, expected, call)) {
                if (fill) {
                    Arrays.fill(from.values(), from.base(), from.base() + from.floats(), fillPattern(value));
                } else {
                    float[] values = Arrays.copyOfRange(from.values(), from.base(), from.base() + from.floats());
                    System.arraycopy(values, 0, to.values(), to.base(), values.length);
                }
            }
            return "unsafe";
        }

        private String hostAccess() {
            HostM host = pick(hosts);
            if (host == null) {
                return null;
            }
            syncAllPending();
            Expect expected = host.open ? Expect.OK : Expect.CLOSED;
            if (chance(0.5)) {
                float[] values = new float[host.v.length];
                for (int i = 0; i < values.length; i++) {
                    values[i] = random.nextInt(-8, 9);
                }
                if (run(host + ".write", expected, () -> host.host.write(values))) {
                    System.arraycopy(values, 0, host.v, 0, values.length);
                }
            } else {
                float[] values = new float[host.v.length];
                if (run(host + ".read", expected, () -> host.host.read(values))) {
                    compare(host + " read", host.v, values);
                }
            }
            return "host";
        }

        // ---- captures ----

        private Expect beginRule(StreamM stream) {
            return !stream.open ? Expect.CLOSED : stream.capture != null ? Expect.capture(107027) : Expect.OK;
        }

        private CaptureM started(StreamM stream, CaptureMode mode, Capture capture) {
            CaptureM model = new CaptureM(id(), stream, mode, capture);
            stream.capture = model;
            active.add(model);
            return model;
        }

        /** The capture is over natively (ended, discarded or left): its streams are free again. */
        private void left(CaptureM capture, GroupState groups) {
            if (!capture.active) {
                return;
            }
            capture.active = false;
            active.remove(capture);
            for (Member member : capture.members) {
                if (member.stream.capture == capture) {
                    member.stream.capture = null;
                }
            }
            for (GroupM group : capture.groups) {
                group.state = groups;
            }
        }

        private String beginCapture() {
            StreamM stream = pickStream();
            if (stream == null || captures.size() >= 3) {
                return null;
            }
            if (stream.open && stream.capture == null) {
                drain(stream);
            }
            CaptureMode mode = CaptureMode.values()[random.nextInt(3)];
            Capture capture = call(stream + ".beginCapture(" + mode + ")", beginRule(stream),
                    () -> stream.stream.beginCapture(mode));
            if (capture != null) {
                captures.add(started(stream, mode, capture));
            }
            return "begin";
        }

        /** What ending {@code capture} on {@code thread} does natively. */
        private Expect endRule(CaptureM capture, boolean onWalkThread) {
            if (!capture.active) {
                return Expect.CLOSED; // its stream was closed: end() meets the closed stream
            }
            if (!onWalkThread && capture.mode != CaptureMode.RELAXED) {
                return Expect.capture(107038);
            }
            if (capture.invalidated) {
                return Expect.capture(507903);
            }
            return capture.allJoined() ? Expect.OK : Expect.capture(107025);
        }

        private CaptureM pickCapture() {
            return captures.isEmpty() ? null : captures.get(random.nextInt(captures.size()));
        }

        private String endCapture() {
            CaptureM capture = pickCapture();
            if (capture == null) {
                return null;
            }
            return end(capture, true);
        }

        private String endCaptureElsewhere() {
            CaptureM capture = pickCapture();
            if (capture == null) {
                return null;
            }
            return end(capture, false);
        }

        /** Joins every joined stream back to the origin, as a well-behaved program does before end(). */
        private void joinEveryStreamBack(CaptureM capture) {
            List<EventM> open = events.stream().filter(e -> e.open).toList();
            if (open.isEmpty() || !capture.active) {
                return;
            }
            for (Member member : List.copyOf(capture.members)) {
                if (member.stream != capture.origin && member.stream.open && capture.active) {
                    EventM event = open.get(random.nextInt(open.size()));
                    if (record(event, member.stream)) {
                        waitFor(capture.origin, event);
                    }
                }
            }
        }

        private String end(CaptureM capture, boolean onWalkThread) {
            if (chance(0.5)) {
                joinEveryStreamBack(capture);
            }
            Expect expected = endRule(capture, onWalkThread);
            Model model = call((onWalkThread ? "" : "[other thread] ") + capture + ".end()", expected,
                    () -> {
                        if (onWalkThread) {
                            return capture.capture.end();
                        }
                        Model[] result = new Model[1];
                        onHelper(() -> result[0] = capture.capture.end());
                        return result[0];
                    });
            ended(capture, model);
            if (!onWalkThread || random.nextInt(10) == 0) {
                run(capture + ".end() again", Expect.CLOSED, capture.capture::end);
            }
            return "end";
        }

        /** After Capture.end(): the capture left, a model made or the groups closed. */
        private void ended(CaptureM capture, Model model) {
            capture.javaEnded = true;
            captures.remove(capture);
            if (model != null) {
                multiStreamModels += capture.members.size() > 1 ? 1 : 0;
                ModelM made = new ModelM(id(), capture.origin.owner, model, new ArrayList<>(capture.tasks));
                keep(models, made, 16);
                left(capture, GroupState.LIVE);
                for (GroupM group : capture.groups) {
                    group.model = made;
                }
            } else {
                left(capture, GroupState.DISCARDED);
                for (GroupM group : capture.groups) {
                    group.open = false;
                }
            }
        }

        private String abandonCapture() {
            CaptureM capture = pickCapture();
            if (capture == null) {
                return null;
            }
            boolean onWalkThread = chance(0.7);
            Expect expected = capture.active ? endRule(capture, onWalkThread) : Expect.OK;
            if (expected.ok() || expected.equals(Expect.CLOSED)) {
                expected = Expect.OK;
            }
            run((onWalkThread ? "" : "[other thread] ") + capture + ".close()", expected, () -> {
                if (onWalkThread) {
                    capture.capture.close();
                } else {
                    onHelper(capture.capture::close);
                }
            });
            ended(capture, null);
            run(capture + ".close() again", Expect.OK, capture.capture::close);
            return "abandon";
        }

        private String lambdaCapture() {
            StreamM stream = pickStream();
            if (stream == null) {
                return null;
            }
            if (stream.open && stream.capture == null) {
                drain(stream);
            }
            CaptureMode mode = CaptureMode.values()[random.nextInt(3)];
            Expect begin = beginRule(stream);
            if (!begin.ok()) {
                run(stream + ".capture(" + mode + ", body)", begin, () -> stream.stream.capture(mode, s -> {
                    throw new AssertionError("the body of a refused capture ran");
                }));
                return "lambda";
            }
            boolean bodyThrows = chance(0.15);
            boolean tidy = chance(0.5);
            int steps = random.nextInt(7);
            CaptureM[] model = new CaptureM[1];
            note(stream + ".capture(" + mode + ", body of " + steps + " actions" + (bodyThrows ? ", then throws"
                    : "") + ") {");
            Throwable thrown = null;
            Model result = null;
            try {
                result = stream.stream.capture(mode, s -> {
                    model[0] = started(stream, mode, null);
                    for (int i = 0; i < steps; i++) {
                        step(true);
                    }
                    if (tidy) {
                        joinEveryStreamBack(model[0]);
                    }
                    if (bodyThrows) {
                        throw new BodyFailure();
                    }
                });
            } catch (AssertionError nested) {
                throw nested;
            } catch (Throwable t) {
                thrown = t;
            }
            CaptureM capture = model[0];
            if (capture == null) {
                check("} the capture did not begin", Expect.OK, thrown);
                throw failure("the capture's body never ran", thrown);
            }
            Expect expected = bodyThrows ? new Expect(BodyFailure.class, null) : endRule(capture, true);
            check("} " + capture + " ends", expected, thrown);
            if (bodyThrows) {
                // Leaving by the exception discards the capture; a refused end is suppressed, not lost.
                Expect discard = capture.active ? endRule(capture, true) : Expect.OK;
                Throwable[] suppressed = thrown.getSuppressed();
                Expect closing = discard.equals(Expect.CLOSED) ? Expect.OK : discard;
                check("  (suppressed on the way out)", closing, suppressed.length == 0 ? null : suppressed[0]);
            }
            capture.javaEnded = true;
            if (result != null) {
                multiStreamModels += capture.members.size() > 1 ? 1 : 0;
                keep(models, new ModelM(id(), stream.owner, result, new ArrayList<>(capture.tasks)), 16);
            }
            left(capture, GroupState.DISCARDED);
            return "lambda";
        }

        private String taskGroup() {
            CaptureM capture = pickCapture();
            if (capture == null) {
                return null;
            }
            StreamM origin = capture.origin;
            List<OpM> launched = new ArrayList<>();
            for (int i = random.nextInt(1, 3); i > 0; i--) {
                OpM op = pick(ops);
                if (op == null) {
                    return null;
                }
                launched.add(op);
            }
            boolean withCopy = chance(0.1);
            HostM host = withCopy ? pick(hosts) : null;
            TensorM tensor = withCopy ? pickTensorLike(launched.get(0).self) : null;
            if (withCopy && (host == null || tensor == null)) {
                return null;
            }
            // The body's calls, predicted one by one; the first failure ends the body.
            List<Expect> steps = new ArrayList<>();
            Expect bodyFailure = null;
            boolean invalidatesByCopy = false;
            for (OpM op : launched) {
                Expect step = !origin.open ? Expect.CLOSED : launchRule(op, origin);
                steps.add(step);
                if (!step.ok()) {
                    bodyFailure = step;
                    break;
                }
            }
            if (bodyFailure == null && withCopy) {
                Expect copy = copyOperands(host, tensor, true);
                if (copy == null) {
                    copy = streamOperands(host, tensor, origin);
                }
                if (copy == null) {
                    copy = Expect.capture(507009);
                    invalidatesByCopy = true;
                }
                bodyFailure = copy;
            }
            Expect expected;
            if (capture.javaEnded) {
                expected = Expect.CLOSED; // "this capture already ended"
            } else if (!origin.open || !capture.active) {
                expected = Expect.CLOSED;
            } else if (bodyFailure != null) {
                expected = bodyFailure;
            } else if (capture.invalidated) {
                // The group's end (Context::StreamEndTaskGrp): the model's first group failure, else 507903.
                expected = Expect.capture(capture.groupError != 0 ? capture.groupError : 507903);
            } else {
                expected = Expect.OK;
            }
            List<TaskM> kernels = new ArrayList<>();
            TaskGroup group = call(capture + ".taskGroup(" + launched + (withCopy ? " + copy" : "") + ")", expected,
                    () -> capture.capture.taskGroup(() -> {
                        for (OpM op : launched) {
                            op.op.launch(origin.stream);
                        }
                        if (withCopy) {
                            origin.stream.copyAsync(host.host, tensor.tensor);
                        }
                    }));
            if (!capture.javaEnded && origin.open && capture.active) {
                // The group begins with the device's task-prefetch count of NOP tasks (8 on the 910B).
                for (int i = 0; i < 8; i++) {
                    capture.tasks.add(new TaskM("NOP", () -> { }));
                }
                for (int i = 0; i < steps.size(); i++) {
                    if (steps.get(i).ok()) {
                        TaskM kernel = new TaskM(launched.get(i).name, launched.get(i)::apply);
                        kernels.add(kernel);
                        capture.tasks.add(kernel);
                        capture.member(origin).lastIsRecord = false;
                    }
                }
                if (invalidatesByCopy) {
                    capture.invalidated = true;
                    if (capture.groupError == 0) {
                        capture.groupError = 507009;
                    }
                }
            }
            if (group != null) {
                GroupM made = new GroupM(id(), capture.origin.owner, group, kernels);
                capture.groups.add(made);
                keep(groups, made, 12);
            }
            return "taskGroup";
        }

        private String captureStatus() {
            StreamM stream = pickStream();
            if (stream == null) {
                return null;
            }
            CaptureStatus[] status = new CaptureStatus[1];
            if (run(stream + ".captureStatus", stream.open ? Expect.OK : Expect.CLOSED,
                    () -> status[0] = stream.stream.captureStatus())) {
                CaptureStatus expected = stream.capture == null ? CaptureStatus.NONE
                        : CaptureStatus.ACTIVE;
                if (status[0] != expected) {
                    throw failure(stream + " capture status " + status[0] + ", expected " + expected, null);
                }
            }
            return "status";
        }

        private String modeScope() {
            if (!scopes.isEmpty() && chance(0.55)) {
                Scope top = scopes.peek();
                if (scopes.size() > 1 && chance(0.15)) {
                    Scope inner = scopes.stream().skip(1).findFirst().orElseThrow();
                    run("close capture mode scope " + inner.mode() + " out of order", Expect.CLOSED,
                            inner.scope()::close);
                } else if (chance(0.1)) {
                    run("[other thread] close capture mode scope " + top.mode(), Expect.CLOSED,
                            () -> onHelper(top.scope()::close));
                } else if (run("close capture mode scope " + top.mode(), Expect.OK, top.scope()::close)) {
                    scopes.pop();
                    walkMode = top.previous();
                }
                return "scope";
            }
            if (scopes.size() >= 4) {
                return null;
            }
            CaptureMode mode = CaptureMode.values()[random.nextInt(3)];
            CaptureModeScope scope = call("runtime.captureMode(" + mode + ")", Expect.OK,
                    () -> runtime.captureMode(mode));
            if (scope.previous() != walkMode) {
                throw failure("the scope replaced " + scope.previous() + ", expected " + walkMode, null);
            }
            scopes.push(new Scope(scope, mode, walkMode));
            walkMode = mode;
            return "scope";
        }

        // ---- models ----

        private String replay() {
            ModelM model = pick(models);
            StreamM stream = pickStream();
            if (model == null || stream == null) {
                return null;
            }
            prepareIssue(stream);
            Expect expected = !model.open || !stream.open ? Expect.CLOSED
                    : model.deviceId != stream.deviceId ? Expect.invalid(-2)
                    : stream.capture != null ? Expect.capture(107027) : Expect.OK;
            boolean wait = chance(0.5);
            if (run(model + (wait ? ".execute(" : ".executeAsync(") + stream + ")", expected,
                    () -> {
                        if (wait) {
                            model.model.execute(stream.stream);
                        } else {
                            model.model.executeAsync(stream.stream);
                        }
                    })) {
                for (TaskM task : model.tasks) {
                    task.effect.run();
                }
                if (!wait) {
                    pending.add(stream);
                }
            }
            return "replay";
        }

        private String debugJson() {
            ModelM model = pick(models);
            if (model == null) {
                return null;
            }
            String json = call(model + ".debugJson", model.open ? Expect.OK : Expect.CLOSED, model.model::debugJson);
            if (json != null) {
                long tasks = json.lines().filter(line -> line.contains("\"ph\":\"X\"")).count();
                if (tasks != model.tasks.size()) {
                    throw failure(model + " JSON lists " + tasks + " tasks, expected " + model.tasks.size() + ":\n"
                            + json, null);
                }
            }
            return "json";
        }

        private String updateGroup() {
            GroupM group = pick(groups);
            StreamM stream = pick(streams);
            if (group == null || stream == null || stream.deviceId != group.deviceId
                    || group.open && group.state == GroupState.CAPTURING) {
                return null; // updates of a group whose capture still runs: see ConcurrencyStressTest
            }
            prepareIssue(stream);
            int size = group.kernels.size();
            int count = chance(0.85) ? size : Math.max(0, size + (chance(0.5) ? 1 : -1));
            List<OpM> launched = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                List<OpM> candidates = ops.stream().filter(o -> o.open && o.deviceId() == stream.deviceId).toList();
                if (candidates.isEmpty()) {
                    return null;
                }
                // Mostly an operator the captured kernel can take (same kind, types, shapes, strides).
                String captured = i < size ? group.group.kernelSignatures().get(i) : null;
                List<OpM> fitting = candidates.stream().filter(o -> o.op.signature().equals(captured)).toList();
                List<OpM> from = !fitting.isEmpty() && chance(0.8) ? fitting : candidates;
                launched.add(from.get(random.nextInt(from.size())));
            }
            Expect expected;
            // All or nothing: the count and each kernel's operands are checked before anything changes.
            boolean sameKernels = count == size;
            for (int i = 0; sameKernels && i < size; i++) {
                sameKernels = group.group.kernelSignatures().get(i).equals(launched.get(i).op.signature());
            }
            if (!stream.open || !group.open) {
                expected = Expect.CLOSED;
            } else if (!sameKernels) {
                expected = new Expect(TaskUpdateException.class, -2); // checked before the native update begins
            } else if (group.state == GroupState.MODEL_CLOSED) {
                expected = Expect.CLOSED;
            } else if (group.state == GroupState.DISCARDED) {
                expected = Expect.invalid(107000);
            } else if (stream.capture != null) {
                expected = Expect.capture(107027);
            } else {
                expected = Expect.OK;
            }
            if (run(group + ".update(" + stream + ", " + launched + ")", expected,
                    () -> group.group.update(stream.stream, () -> {
                        for (OpM op : launched) {
                            op.op.launch(stream.stream);
                        }
                    }))) {
                for (int i = 0; i < size; i++) {
                    group.kernels.get(i).effect = launched.get(i)::apply;
                }
            }
            if (stream.open && stream.capture == null && group.open && group.state == GroupState.LIVE) {
                pending.add(stream);
            }
            return "update";
        }

        // ---- closing ----

        private String closeSomething(boolean onHelper) {
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

        private String closeDevice() {
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

        private String closeRuntime() {
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
        private void closed(Obj object) {
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

        private String checkValues() {
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

        private float[] readBack(BufM buffer) {
            Stream stream = harnessStreams[buffer.owner.deviceId];
            try (HostBuffer host = harnessDevices[buffer.owner.deviceId].allocateHost(buffer.v.length * 4L)) {
                stream.copyAsync(buffer.buffer, host);
                stream.synchronize();
                return host.toFloatArray();
            }
        }

        private void compare(String what, float[] expected, float[] actual) {
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

        private void checkConsistency() {
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

        private void finish() {
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
}
