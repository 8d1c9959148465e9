package io.aclgraph4j;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A model's tasks as the backend lists them ({@code aclmdlRIGetStreams},
 * {@code aclmdlRIGetTasksByStream}, {@code aclmdlRITaskGetType}, {@code aclmdlRITaskGetSeqId}),
 * labelled with what the capture recorded: the backend says which tasks each stream runs, in which
 * order and of which type; the record says which operator and operands (the backend's kernel
 * parameters are opaque).
 *
 * <p>The backend's types tell kernels, event records, waits and resets, value writes and waits
 * apart, but give one type, DEFAULT, to copies, fills, conditional tasks and the tasks the runtime
 * issues itself (the task-prefetch NOPs before a task group, stream control). On each stream the
 * typed tasks are anchors: each takes the record's next typed task on that stream when that one is
 * of its type, and is otherwise one this SDK did not issue ({@link ModelTask.Type#OTHER}). Between
 * two anchors the backend's DEFAULT tasks and the record's copies, fills and conditional tasks are
 * paired in order when their counts agree. When the backend has more, the surplus is the runtime's
 * own tasks, which it issues only where a task group began: the record knows where that was on the
 * stream, so the surplus is placed there (shared evenly between several group beginnings in one
 * stretch). A stretch where that does not account for the counts is not guessed at: its DEFAULT
 * tasks are OTHER. The tasks of conditional bodies, which the runtime does not list (its
 * introspection calls refuse a body's tasks), come from the record, after their conditional task.
 */
final class TaskListing {
    /** The aclmdlRITaskType values (acl_rt.h), in code order: a value is its ordinal. */
    private enum BackendType { DEFAULT, KERNEL, EVENT_RECORD, EVENT_WAIT, EVENT_RESET, VALUE_WRITE, VALUE_WAIT }

    private static final BackendType[] BACKEND_TYPES = BackendType.values();
    private static final int DEFAULT = BackendType.DEFAULT.ordinal();

    private TaskListing() {}

    /** The backend's type name of an {@code aclmdlRITaskType} value. */
    static String backendTypeName(int type) {
        return type >= 0 && type < BACKEND_TYPES.length ? BACKEND_TYPES[type].name() : "type " + type;
    }

    /** The backend type a recorded task of {@code type} has: the one of the same name, else DEFAULT. */
    private static int backendType(ModelTask.Type type) {
        return switch (type) {
            case KERNEL, EVENT_RECORD, EVENT_WAIT, VALUE_WRITE, VALUE_WAIT ->
                    BackendType.valueOf(type.name()).ordinal();
            case COPY, FILL, CONDITION, OTHER -> DEFAULT;
        };
    }

    private record Listed(int stream, int position, int type, int seqId) {}

    /**
     * Merges the backend's listing with the record.
     *
     * @param listing per model stream (the backend's order, which is the order the streams joined
     *                the capture): its task count, then per task its {@code aclmdlRITaskType} and its
     *                sequence id (its position in capture order)
     * @param record the capture's record
     * @return the tasks in capture order, renumbered from 0, each body's tasks after their conditional task
     */
    static List<ModelTask> merge(int[] listing, CapturedGraph.Snapshot record) {
        List<List<Listed>> byStream = new ArrayList<>();
        int at = 0;
        for (int stream = 0; at < listing.length; stream++) {
            int count = listing[at++];
            if (count < 0 || at + 2L * count > listing.length) {
                throw new IllegalStateException("the backend's task listing is malformed at stream " + stream);
            }
            List<Listed> tasks = new ArrayList<>(count);
            for (int position = 0; position < count; position++, at += 2) {
                tasks.add(new Listed(stream, position, listing[at], listing[at + 1]));
            }
            byStream.add(tasks);
        }
        List<List<ModelTask>> recordedByStream = new ArrayList<>();
        List<ModelTask> inBodies = new ArrayList<>();
        for (ModelTask task : record.tasks()) {
            if (task.inBody()) {
                inBodies.add(task);
                continue;
            }
            while (recordedByStream.size() <= task.stream()) {
                recordedByStream.add(new ArrayList<>());
            }
            recordedByStream.get(task.stream()).add(task);
        }
        Map<Listed, ModelTask> labels = new HashMap<>();
        for (int s = 0; s < byStream.size(); s++) {
            List<ModelTask> recorded = s < recordedByStream.size() ? recordedByStream.get(s) : List.of();
            label(byStream.get(s), recorded, record.groupBegins().getOrDefault(s, List.of()), labels);
        }
        List<Listed> all = new ArrayList<>();
        byStream.forEach(all::addAll);
        all.sort(Comparator.comparingInt(Listed::seqId));
        // Capture order; each conditional task followed by its bodies' tasks (in capture order).
        List<ModelTask> merged = new ArrayList<>(all.size() + inBodies.size());
        Map<Integer, Integer> newIndex = new HashMap<>(); // record index of a conditional task -> merged index
        for (Listed task : all) {
            ModelTask label = labels.get(task);
            int index = merged.size();
            merged.add(label != null
                    ? new ModelTask(index, task.stream(), task.position(), label.type(), label.name(), label.operands(),
                            label.event(), label.group(), -1, -1)
                    : new ModelTask(index, task.stream(), task.position(), ModelTask.Type.OTHER,
                            backendTypeName(task.type()), List.of(), null, -1, -1, -1));
            if (label != null && label.type() == ModelTask.Type.CONDITION) {
                addBodies(label.index(), task.stream(), inBodies, merged, newIndex);
            }
        }
        return merged;
    }

    /**
     * Appends the tasks of the bodies of the conditional task recorded at {@code condition}, nested
     * ones after theirs.
     */
    private static void addBodies(int condition, int stream, List<ModelTask> inBodies, List<ModelTask> merged,
                                  Map<Integer, Integer> newIndex) {
        newIndex.put(condition, merged.size() - 1);
        for (ModelTask task : inBodies) {
            if (task.condition() == condition) {
                merged.add(new ModelTask(merged.size(), stream, task.position(), task.type(), task.name(),
                        task.operands(), task.event(), task.group(), newIndex.get(condition), task.body()));
                if (task.type() == ModelTask.Type.CONDITION) {
                    addBodies(task.index(), stream, inBodies, merged, newIndex);
                }
            }
        }
    }

    /**
     * Labels the backend's tasks {@code listed} of one stream with that stream's record; see the
     * class comment. {@code groupBegins}: how many of the stream's recorded tasks came before each
     * task group began.
     */
    private static void label(List<Listed> listed, List<ModelTask> recorded, List<Integer> groupBegins,
                              Map<Listed, ModelTask> labels) {
        // The anchors: each typed task takes the record's next typed task if it is of its type.
        List<int[]> anchors = new ArrayList<>(); // {index in listed, index in recorded}
        int next = 0;
        for (int i = 0; i < listed.size(); i++) {
            int type = listed.get(i).type();
            if (type == DEFAULT) {
                continue;
            }
            int typed = next;
            while (typed < recorded.size() && backendType(recorded.get(typed).type()) == DEFAULT) {
                typed++;
            }
            if (typed < recorded.size() && backendType(recorded.get(typed).type()) == type) {
                anchors.add(new int[] {i, typed});
                labels.put(listed.get(i), recorded.get(typed));
                next = typed + 1;
            }
        }
        anchors.add(new int[] {listed.size(), recorded.size()});
        // The stretches between them: the backend's DEFAULT tasks with the record's copies, fills and conditionals.
        int fromListed = 0;
        int fromRecorded = 0;
        int begin = 0; // the next group beginning to place
        for (int[] anchor : anchors) {
            List<Listed> defaults = new ArrayList<>();
            for (int i = fromListed; i < anchor[0]; i++) {
                if (listed.get(i).type() == DEFAULT) {
                    defaults.add(listed.get(i));
                }
            }
            List<ModelTask> stretch = new ArrayList<>();
            List<Integer> begins = new ArrayList<>(); // as offsets into `stretch`
            for (int r = fromRecorded; r <= anchor[1]; r++) {
                while (begin < groupBegins.size() && groupBegins.get(begin) <= r) {
                    if (groupBegins.get(begin++) == r) {
                        begins.add(stretch.size());
                    }
                }
                if (r < anchor[1] && backendType(recorded.get(r).type()) == DEFAULT) {
                    stretch.add(recorded.get(r));
                }
            }
            pairDefaults(defaults, stretch, begins, labels);
            fromListed = anchor[0] + 1;
            fromRecorded = anchor[1] + 1;
        }
    }

    /**
     * Pairs a stretch of DEFAULT tasks with the record's, the surplus at the group beginnings
     * (offsets into {@code recorded}).
     */
    private static void pairDefaults(List<Listed> listed, List<ModelTask> recorded, List<Integer> begins,
                                     Map<Listed, ModelTask> labels) {
        int surplus = listed.size() - recorded.size();
        if (surplus < 0 || (surplus > 0 && (begins.isEmpty() || surplus % begins.size() != 0))) {
            return; // not accounted for: left OTHER
        }
        int share = begins.isEmpty() ? 0 : surplus / begins.size();
        int at = 0;
        for (int r = 0; r <= recorded.size(); r++) {
            for (int offset : begins) {
                if (offset == r) {
                    at += share; // the runtime's own tasks where the group began
                }
            }
            if (r < recorded.size()) {
                labels.put(listed.get(at++), recorded.get(r));
            }
        }
    }
}
