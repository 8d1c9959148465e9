package io.aclgraph4j;

import java.util.ArrayList;
import java.util.Arrays;
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
    private final List<ModelTask> tasks = new ArrayList<>();
    private final Map<Stream, Integer> positions = new HashMap<>();
    private final Map<Stream, Integer> openGroups = new HashMap<>();
    private int groups;

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

    void kernel(Stream stream, String operator, Object... operands) {
        add(stream, ModelTask.Type.KERNEL, operator, describe(operands), null);
    }

    /** A kernel's tensors and scalars (its other operands, attributes, are not shown). */
    private static List<ModelTask.Operand> describe(Object... operands) {
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
        add(stream, ModelTask.Type.COPY, bytes + " bytes " + side(from) + " to " + side(to), List.of(), null);
    }

    void fill(Stream stream, Memory memory, long bytes, int value) {
        add(stream, ModelTask.Type.FILL, bytes + " bytes of " + side(memory) + " with " + value, List.of(), null);
    }

    void eventRecord(Stream stream, Event event) {
        add(stream, ModelTask.Type.EVENT_RECORD, "record", List.of(), event.describe());
    }

    void eventWait(Stream stream, Event event) {
        add(stream, ModelTask.Type.EVENT_WAIT, "wait", List.of(), event.describe());
    }

    private static String side(Memory memory) {
        return memory instanceof HostBuffer ? "host" : "device";
    }

    private synchronized void add(Stream stream, ModelTask.Type type, String name, List<ModelTask.Operand> operands,
                                  String event) {
        join(stream);
        int position = positions.merge(stream, 1, Integer::sum) - 1;
        int group = type == ModelTask.Type.KERNEL ? openGroups.getOrDefault(stream, -1) : -1;
        tasks.add(new ModelTask(tasks.size(), streams.indexOf(stream), position, type, name, operands, event, group));
    }

    /** Replaces group {@code group}'s kernels by those of a task update, in order. */
    synchronized void replaceGroup(int group, List<KernelLaunches.Launch> kernels) {
        int next = 0;
        for (int i = 0; i < tasks.size() && next < kernels.size(); i++) {
            ModelTask task = tasks.get(i);
            if (task.group() == group) {
                KernelLaunches.Launch update = kernels.get(next++);
                tasks.set(i, new ModelTask(task.index(), task.stream(), task.position(), task.type(), update.operator(),
                        describe(update.operands()), null, group));
            }
        }
    }

    synchronized List<Stream> streams() {
        return List.copyOf(streams);
    }

    synchronized List<String> streamNames() {
        return List.copyOf(streamNames);
    }

    synchronized List<ModelTask> tasks() {
        return List.copyOf(tasks);
    }

    synchronized int groupCount() {
        return groups;
    }
}
