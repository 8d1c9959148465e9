package io.aclgraph4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a capture recorded, as this SDK issued it: the streams that took part (the capturing one
 * first, then those that joined through an event), the tasks in capture order with their operands
 * (the tasks of conditional bodies included, each naming its conditional task and body), and where
 * on its stream each task group began. Written by the capture's streams (from any thread), frozen
 * when the model is made.
 */
final class CapturedGraph {
    private final List<Stream> streams = new ArrayList<>();
    private final List<String> streamNames = new ArrayList<>();
    private final List<Recorded> tasks = new ArrayList<>();
    /** Per stream (as {@code streams}): how many model-level tasks it has recorded. */
    private final List<Integer> streamTaskCounts = new ArrayList<>();
    private final Map<Stream, Integer> openGroups = new HashMap<>();
    /** The streams capturing a conditional body now: the record index of its conditional task and the body. */
    private final Map<Stream, int[]> openBodies = new HashMap<>();
    /** Per stream: the number of its (model-level) tasks recorded when each task group began. */
    private final Map<Integer, List<Integer>> groupBegins = new HashMap<>();
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
     * descriptions ({@link ModelTask}) from these when asked. {@code condition} is the record index
     * of the conditional task whose body {@code body} holds it, or -1.
     */
    private record Recorded(ModelTask.Type type, int stream, int group, String name, Object detail, String signature,
                            int condition, int body) {
        ModelTask describe(int index, int position) {
            boolean kernel = type == ModelTask.Type.KERNEL;
            return new ModelTask(index, stream, position, type, name, kernel ? operands((Object[]) detail) : List.of(),
                    kernel ? null : (String) detail, group, condition, body);
        }
    }

    /** What the capture recorded, for {@link TaskListing}: its tasks and where each stream began a task group. */
    record Snapshot(List<ModelTask> tasks, Map<Integer, List<Integer>> groupBegins) {}

    CapturedGraph(Stream origin) {
        join(origin);
    }

    synchronized void join(Stream stream) {
        if (!openBodies.containsKey(stream) && !streams.contains(stream)) {
            streams.add(stream);
            streamNames.add(stream.describe());
            streamTaskCounts.add(0);
        }
    }

    /** Marks the kernels {@code stream} launches from now on as one task group; returns its index. */
    synchronized int openGroup(Stream stream) {
        int group = groups++;
        openGroups.put(stream, group);
        join(stream);
        int index = streams.indexOf(stream);
        groupBegins.computeIfAbsent(index, s -> new ArrayList<>()).add(streamTaskCounts.get(index));
        return group;
    }

    synchronized void closeGroup(Stream stream) {
        openGroups.remove(stream);
    }

    /**
     * From now on {@code bodyStream} captures body {@code body} of the conditional task recorded at
     * {@code condition}.
     */
    synchronized void beginBody(Stream bodyStream, int condition, int body) {
        openBodies.put(bodyStream, new int[] {condition, body});
    }

    synchronized void endBody(Stream bodyStream) {
        openBodies.remove(bodyStream);
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
            if (other.stream() != task.stream() || other.inBody()) {
                continue; // a body's tasks are not the model stream's (the runtime's task calls refuse them)
            }
            if (other.index() == task.index() && other.position() == task.position() && other.type() == task.type()) {
                found = true;
                break;
            }
            if (other.type() == ModelTask.Type.KERNEL && other.position() < task.position()) {
                kernel++;
            }
        }
        if (!found || task.type() != ModelTask.Type.KERNEL || task.inBody()) {
            return null;
        }
        int seen = 0;
        for (Recorded recorded : tasks) {
            if (recorded.stream() == task.stream() && recorded.type() == ModelTask.Type.KERNEL
                    && recorded.condition() < 0 && seen++ == kernel) {
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
                    && recorded.condition() < 0 && seen++ == task.kernel()) {
                tasks.set(i, new Recorded(recorded.type(), recorded.stream(), recorded.group(), update.operator(),
                        update.operands(), update.signature(), -1, -1));
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

    /** A copy of 8 bytes of device memory into the value of {@code condition}. */
    void conditionCopy(Stream stream, Condition condition) {
        add(stream, ModelTask.Type.COPY, "8 bytes device to " + condition.describe(), null, null);
    }

    void fill(Stream stream, Memory memory, long bytes, int value) {
        add(stream, ModelTask.Type.FILL, bytes + " bytes of " + side(memory) + " with " + value, null, null);
    }

    /** A value write ({@code write}) or wait; {@code name} says the value (and the wait's condition). */
    void value(Stream stream, boolean write, String name) {
        add(stream, write ? ModelTask.Type.VALUE_WRITE : ModelTask.Type.VALUE_WAIT, name, null, null);
    }

    void eventRecord(Stream stream, Event event) {
        add(stream, ModelTask.Type.EVENT_RECORD, "record", event.describe(), null);
    }

    void eventWait(Stream stream, Event event) {
        add(stream, ModelTask.Type.EVENT_WAIT, "wait", event.describe(), null);
    }

    /** A conditional task; {@code name} says its type, condition and bodies. Returns its record index. */
    synchronized int conditional(Stream stream, String name) {
        add(stream, ModelTask.Type.CONDITION, name, null, null);
        return tasks.size() - 1;
    }

    private static String side(Memory memory) {
        return memory instanceof HostBuffer ? "host" : "device";
    }

    private synchronized void add(Stream stream, ModelTask.Type type, String name, Object detail, String signature) {
        int[] body = openBodies.get(stream);
        if (body != null) { // on the stream of its conditional task's outermost ancestor
            tasks.add(new Recorded(type, tasks.get(body[0]).stream(), -1, name, detail, signature, body[0], body[1]));
            return;
        }
        join(stream);
        int group = type == ModelTask.Type.KERNEL && !openGroups.isEmpty() ? openGroups.getOrDefault(stream, -1) : -1;
        int index = streams.indexOf(stream);
        streamTaskCounts.set(index, streamTaskCounts.get(index) + 1);
        tasks.add(new Recorded(type, index, group, name, detail, signature, -1, -1));
    }

    /** Replaces group {@code group}'s kernels by those of a task update, in order. */
    synchronized void replaceGroup(int group, List<KernelLaunches.Launch> kernels) {
        int next = 0;
        for (int i = 0; i < tasks.size() && next < kernels.size(); i++) {
            Recorded task = tasks.get(i);
            if (task.group() == group) {
                KernelLaunches.Launch update = kernels.get(next++);
                tasks.set(i, new Recorded(task.type(), task.stream(), group, update.operator(), update.operands(),
                        update.signature(), -1, -1));
            }
        }
    }

    synchronized List<Stream> streams() {
        return List.copyOf(streams);
    }

    synchronized List<String> streamNames() {
        return List.copyOf(streamNames);
    }

    /**
     * The tasks in capture order, described (built on each call from the compact records): a
     * model-level task's position is on its stream, a body's task's position in its body.
     */
    synchronized List<ModelTask> tasks() {
        int[] positions = new int[streams.size()];
        Map<Long, Integer> bodyPositions = new HashMap<>();
        List<ModelTask> described = new ArrayList<>(tasks.size());
        for (Recorded task : tasks) {
            int position = task.condition() < 0 ? positions[task.stream()]++
                    : bodyPositions.merge(((long) task.condition() << 32) | task.body(), 1, Integer::sum) - 1;
            described.add(task.describe(described.size(), position));
        }
        return Collections.unmodifiableList(described);
    }

    synchronized Snapshot snapshot() {
        Map<Integer, List<Integer>> begins = new HashMap<>();
        groupBegins.forEach((stream, positions) -> begins.put(stream, List.copyOf(positions)));
        return new Snapshot(tasks(), Map.copyOf(begins));
    }

    synchronized int taskCount() {
        return tasks.size();
    }

    synchronized int groupCount() {
        return groups;
    }
}
