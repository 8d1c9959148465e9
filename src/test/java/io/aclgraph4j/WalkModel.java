package io.aclgraph4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The random walk's model of the API: expected outcomes and the objects it predicts (RandomWalkTest). */
final class WalkModel {
    private WalkModel() {}

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

    /** A whole buffer, device or host memory, whose floats start unknown (NaN). */
    abstract static class WholeM extends Obj implements Mem {
        final Memory whole;
        final float[] v;

        WholeM(int id, DeviceM owner, Memory whole, int floats) {
            super(id, owner);
            this.whole = whole;
            this.v = new float[floats];
            Arrays.fill(v, Float.NaN);
        }

        AutoCloseable real() {
            return (AutoCloseable) whole;
        }

        public Memory memory() {
            return whole;
        }

        public boolean isHost() {
            return whole instanceof HostBuffer;
        }

        String kind() {
            return isHost() ? "host[" + v.length + "]" : "buffer[" + v.length + "]@" + owner.deviceId;
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

    static final class BufM extends WholeM {
        final DeviceBuffer buffer;

        BufM(int id, DeviceM owner, DeviceBuffer buffer, int floats) {
            super(id, owner, buffer, floats);
            this.buffer = buffer;
        }

    }

    static final class HostM extends WholeM {
        final HostBuffer host;

        HostM(int id, DeviceM owner, HostBuffer host, int floats) {
            super(id, owner, host, floats);
            this.host = host;
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
            return "capture#" + id + "(" + mode + (invalidated ? ", invalidated" : "") + (active ? "" : ", ended")
                    + ")";
        }
    }

    record Scope(CaptureModeScope scope, CaptureMode mode, CaptureMode previous) {}
}
