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
    private int groups;

    /**
     * One task as the capture recorded it, kept small (a capture may hold millions of tasks): a
     * kernel keeps its operator's name and operand objects (the array its operator holds anyway),
     * an event task the event's name, a copy or fill its text. {@link #tasks()} builds the
     * descriptions ({@link ModelTask}) from these when asked.
     */
    private record Recorded(ModelTask.Type type, int stream, int group, String name, Object detail) {
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

    /** A kernel launch: {@code operands} is kept as it is (not copied), so callers pass an array nobody changes. */
    void kernel(Stream stream, String operator, Object... operands) {
        add(stream, ModelTask.Type.KERNEL, operator, operands);
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
        add(stream, ModelTask.Type.COPY, bytes + " bytes " + side(from) + " to " + side(to), null);
    }

    void fill(Stream stream, Memory memory, long bytes, int value) {
        add(stream, ModelTask.Type.FILL, bytes + " bytes of " + side(memory) + " with " + value, null);
    }

    void eventRecord(Stream stream, Event event) {
        add(stream, ModelTask.Type.EVENT_RECORD, "record", event.describe());
    }

    void eventWait(Stream stream, Event event) {
        add(stream, ModelTask.Type.EVENT_WAIT, "wait", event.describe());
    }

    /** A conditional task; {@code name} says its type, condition and bodies. */
    void conditional(Stream stream, String name) {
        add(stream, ModelTask.Type.CONDITION, name, null);
    }

    private static String side(Memory memory) {
        return memory instanceof HostBuffer ? "host" : "device";
    }

    private synchronized void add(Stream stream, ModelTask.Type type, String name, Object detail) {
        join(stream);
        int group = type == ModelTask.Type.KERNEL && !openGroups.isEmpty() ? openGroups.getOrDefault(stream, -1) : -1;
        tasks.add(new Recorded(type, streams.indexOf(stream), group, name, detail));
    }

    /** Replaces group {@code group}'s kernels by those of a task update, in order. */
    synchronized void replaceGroup(int group, List<KernelLaunches.Launch> kernels) {
        int next = 0;
        for (int i = 0; i < tasks.size() && next < kernels.size(); i++) {
            Recorded task = tasks.get(i);
            if (task.group() == group) {
                KernelLaunches.Launch update = kernels.get(next++);
                tasks.set(i, new Recorded(task.type(), task.stream(), group, update.operator(), update.operands()));
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
