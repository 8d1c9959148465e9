package io.aclgraph4j;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * A model's tasks as the backend lists them ({@code aclmdlRIGetStreams},
 * {@code aclmdlRIGetTasksByStream}, {@code aclmdlRITaskGetType}, {@code aclmdlRITaskGetSeqId}),
 * labelled with what the capture recorded: the backend says which tasks each stream runs, in which
 * order and of which kind; the record says which operator and operands (the backend's kernel
 * parameters are opaque). On each stream, the backend's tasks take the record's labels in order
 * where their kinds agree; a task the record does not have (one this SDK did not issue, such as
 * the prefetch NOPs the runtime puts before a task group) is {@link ModelTask.Type#OTHER}.
 * Known limit: the runtime's DEFAULT type covers copies, fills, conditional tasks and NOPs alike,
 * so a NOP directly before a recorded copy, fill or conditional task on its stream (a task group
 * that captured no kernel, then a copy) takes that task's label, which the next DEFAULT task then
 * lacks.
 */
final class TaskListing {
    /** aclmdlRITaskType values (acl_rt.h). */
    private static final String[] BACKEND_TYPES = {"DEFAULT", "KERNEL", "EVENT_RECORD", "EVENT_WAIT", "EVENT_RESET",
            "VALUE_WRITE", "VALUE_WAIT"};
    private static final int DEFAULT = 0;
    private static final int KERNEL = 1;
    private static final int EVENT_RECORD = 2;
    private static final int EVENT_WAIT = 3;

    private TaskListing() {}

    /** The backend's type name of an {@code aclmdlRITaskType} value. */
    static String backendTypeName(int type) {
        return type >= 0 && type < BACKEND_TYPES.length ? BACKEND_TYPES[type] : "type " + type;
    }

    /**
     * Merges the backend's listing with the record.
     *
     * @param listing per model stream (the backend's order): its task count, then per task its
     *                {@code aclmdlRITaskType} and its sequence id (its position in capture order)
     * @param recorded the capture's record, in capture order
     * @return the tasks in capture order, renumbered from 0
     */
    static List<ModelTask> merge(int[] listing, List<ModelTask> recorded) {
        record Listed(int stream, int position, int type, int seqId) {}
        List<Listed> listed = new ArrayList<>();
        int at = 0;
        for (int stream = 0; at < listing.length; stream++) {
            int count = listing[at++];
            if (count < 0 || at + 2L * count > listing.length) {
                throw new IllegalStateException("the backend's task listing is malformed at stream " + stream);
            }
            for (int position = 0; position < count; position++, at += 2) {
                listed.add(new Listed(stream, position, listing[at], listing[at + 1]));
            }
        }
        List<Deque<ModelTask>> byStream = new ArrayList<>();
        for (ModelTask task : recorded) {
            while (byStream.size() <= task.stream()) {
                byStream.add(new ArrayDeque<>());
            }
            byStream.get(task.stream()).add(task);
        }
        listed.sort(Comparator.comparingInt(Listed::seqId));
        // The record's tasks of a stream are matched in that stream's order.
        List<Integer> inStreamOrder = new ArrayList<>(listed.size());
        for (int i = 0; i < listed.size(); i++) {
            inStreamOrder.add(i);
        }
        inStreamOrder.sort(Comparator.<Integer>comparingInt(i -> listed.get(i).stream())
                .thenComparingInt(i -> listed.get(i).position()));
        ModelTask[] labels = new ModelTask[listed.size()];
        for (int i : inStreamOrder) {
            Listed task = listed.get(i);
            Deque<ModelTask> queue = task.stream() < byStream.size() ? byStream.get(task.stream()) : null;
            ModelTask next = queue == null ? null : queue.peekFirst();
            if (next != null && agrees(task.type(), next.type())) {
                labels[i] = queue.removeFirst();
            }
        }
        List<ModelTask> merged = new ArrayList<>(listed.size());
        for (int i = 0; i < listed.size(); i++) {
            Listed task = listed.get(i);
            ModelTask label = labels[i];
            merged.add(label != null
                    ? new ModelTask(i, task.stream(), task.position(), label.type(), label.name(), label.operands(),
                            label.event(), label.group())
                    : new ModelTask(i, task.stream(), task.position(), ModelTask.Type.OTHER,
                            backendTypeName(task.type()), List.of(), null, -1));
        }
        return merged;
    }

    private static boolean agrees(int backendType, ModelTask.Type recordedType) {
        return switch (recordedType) {
            case KERNEL -> backendType == KERNEL;
            case COPY, FILL -> backendType == DEFAULT;
            case EVENT_RECORD -> backendType == EVENT_RECORD;
            case EVENT_WAIT -> backendType == EVENT_WAIT;
            case CONDITION -> backendType == DEFAULT; // the runtime's own kernel, not an operator's
            case OTHER -> false;
        };
    }
}
