package io.aclgraph4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a capture recorded, as this SDK issued it: the streams that took part (the capturing one
 * first, then those that joined through an event), and the tasks in capture order with their
 * operands. Written by the capture's streams (from any thread), frozen when the model is made.
 */
final class CapturedGraph {
    private final List<Stream> streams = new ArrayList<>();
    private final List<String> streamNames = new ArrayList<>();
    private final List<Recorded> tasks = new ArrayList<>();
    private final Map<Stream, Integer> openGroups = new HashMap<>();
    private final Map<Integer, TaskGroup> groupObjects = new HashMap<>();
    private int groups;

    /**
     * A kernel task of the model as the runtime numbers it: the {@code kernel}-th kernel task of its
     * stream {@code stream}; what it takes ({@code signature}) and its task group (or -1).
     */
    record KernelTask(int stream, int kernel, String signature, int group) {}

    /**
     * One task as the capture recorded it, kept small (a capture may hold millions of tasks): a
     * kernel keeps its operator's name and operand objects (the array its operator holds anyway),
     * an event task the event's name, a copy or fill its text. {@link #tasks()} builds the
     * descriptions ({@link ModelTask}) from these when asked.
     */
    private record Recorded(ModelTask.Type type, int stream, int group, String name, Object detail, String signature) {
        ModelTask describe(int index, int position) {
            boolean kernel = type == ModelTask.Type.KERNEL;
            return new ModelTask(index, stream, position, type, name, kernel ? operands((Object[]) detail) : List.of(),
                    kernel ? null : (String) detail, group);
        }
    }

    CapturedGraph(Stream origin) {
        join(origin);
    }

    synchronized void join(Stream stream) {
        if (!streams.contains(stream)) {
            streams.add(stream);
            streamNames.add(stream.describe());
        }
    }

    /** Marks the kernels {@code stream} launches from now on as one task group; returns its index. */
    synchronized int openGroup(Stream stream) {
        int group = groups++;
        openGroups.put(stream, group);
        return group;
    }

    synchronized void closeGroup(Stream stream) {
        openGroups.remove(stream);
    }

    /** The task group made for group {@code index}, for updates of its kernels through it. */
    synchronized void groupMade(int index, TaskGroup group) {
        groupObjects.put(index, group);
    }

    synchronized TaskGroup group(int index) {
        return groupObjects.get(index);
    }

    /**
     * A kernel launch: {@code operands} is kept as it is (not copied), so callers pass an array nobody
     * changes; {@code signature} is what its kernel takes (compared by in-place updates).
     */
    void kernel(Stream stream, String operator, String signature, Object... operands) {
        add(stream, ModelTask.Type.KERNEL, operator, operands, signature);
    }

    /**
     * The kernel task {@code task} names: the kernel at its place among the kernels of its stream in
     * {@code listed} (the model's task list it came from).
     *
     * @return the kernel task, or null when {@code task} is not in {@code listed} or not a kernel
     */
    synchronized KernelTask kernelTask(ModelTask task, List<ModelTask> listed) {
        int kernel = 0;
        boolean found = false;
        for (ModelTask other : listed) {
            if (other.stream() != task.stream()) {
                continue;
            }
            if (other.index() == task.index() && other.position() == task.position() && other.type() == task.type()) {
                found = true;
                break;
            }
            if (other.type() == ModelTask.Type.KERNEL && other.position() < task.position()) {
                kernel++;
            }
        }
        if (!found || task.type() != ModelTask.Type.KERNEL) {
            return null;
        }
        int seen = 0;
        for (Recorded recorded : tasks) {
            if (recorded.stream() == task.stream() && recorded.type() == ModelTask.Type.KERNEL && seen++ == kernel) {
                return new KernelTask(task.stream(), kernel, recorded.signature(), recorded.group());
            }
        }
        return null;
    }

    /** The kernel task takes the operands of {@code update}. */
    synchronized void replaceKernel(KernelTask task, KernelLaunches.Launch update) {
        int seen = 0;
        for (int i = 0; i < tasks.size(); i++) {
            Recorded recorded = tasks.get(i);
            if (recorded.stream() == task.stream() && recorded.type() == ModelTask.Type.KERNEL
                    && seen++ == task.kernel()) {
                tasks.set(i, new Recorded(recorded.type(), recorded.stream(), recorded.group(), update.operator(),
                        update.operands(), update.signature()));
                return;
            }
        }
    }

    /** A kernel's tensors and scalars (its other operands, attributes, are not shown). */
    private static List<ModelTask.Operand> operands(Object... operands) {
        List<ModelTask.Operand> described = new ArrayList<>(operands.length);
        for (Object operand : operands) {
            if (operand instanceof Tensor tensor) {
                described.add(new ModelTask.Operand(tensor.dataType(),
                        Arrays.stream(tensor.shape()).boxed().toList(), null));
            } else if (operand instanceof Scalar scalar) {
                described.add(new ModelTask.Operand(scalar.dataType(), List.of(), scalar.value()));
            }
        }
        return described;
    }

    void copy(Stream stream, Memory from, Memory to, long bytes) {
        add(stream, ModelTask.Type.COPY, bytes + " bytes " + side(from) + " to " + side(to), null, null);
    }

    void fill(Stream stream, Memory memory, long bytes, int value) {
        add(stream, ModelTask.Type.FILL, bytes + " bytes of " + side(memory) + " with " + value, null, null);
    }

    void eventRecord(Stream stream, Event event) {
        add(stream, ModelTask.Type.EVENT_RECORD, "record", event.describe(), null);
    }

    void eventWait(Stream stream, Event event) {
        add(stream, ModelTask.Type.EVENT_WAIT, "wait", event.describe(), null);
    }

    /** A conditional task; {@code name} says its type, condition and bodies. */
    void conditional(Stream stream, String name) {
        add(stream, ModelTask.Type.CONDITION, name, null, null);
    }

    private static String side(Memory memory) {
        return memory instanceof HostBuffer ? "host" : "device";
    }

    private synchronized void add(Stream stream, ModelTask.Type type, String name, Object detail, String signature) {
        join(stream);
        int group = type == ModelTask.Type.KERNEL && !openGroups.isEmpty() ? openGroups.getOrDefault(stream, -1) : -1;
        tasks.add(new Recorded(type, streams.indexOf(stream), group, name, detail, signature));
    }

    /** Replaces group {@code group}'s kernels by those of a task update, in order. */
    synchronized void replaceGroup(int group, List<KernelLaunches.Launch> kernels) {
        int next = 0;
        for (int i = 0; i < tasks.size() && next < kernels.size(); i++) {
            Recorded task = tasks.get(i);
            if (task.group() == group) {
                KernelLaunches.Launch update = kernels.get(next++);
                tasks.set(i, new Recorded(task.type(), task.stream(), group, update.operator(), update.operands(),
                        update.signature()));
            }
        }
    }

    synchronized List<Stream> streams() {
        return List.copyOf(streams);
    }

    synchronized List<String> streamNames() {
        return List.copyOf(streamNames);
    }

    /** The tasks in capture order, described (built on each call from the compact records). */
    synchronized List<ModelTask> tasks() {
        int[] positions = new int[streams.size()];
        List<ModelTask> described = new ArrayList<>(tasks.size());
        for (Recorded task : tasks) {
            described.add(task.describe(described.size(), positions[task.stream()]++));
        }
        return Collections.unmodifiableList(described);
    }

    synchronized int taskCount() {
        return tasks.size();
    }

    synchronized int groupCount() {
        return groups;
    }
}
