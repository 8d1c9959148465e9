package io.aclgraph4j;

import java.util.List;

/**
 * One task of a captured model, as the capture recorded it through this SDK: which of the model's
 * streams runs it and where, what it is, and what it takes. {@link Model#tasks()} lists them in
 * capture order; {@link Model#toDot()} draws them.
 *
 * @param index the task's position in capture order, over all streams
 * @param stream the index of its stream in {@link Model#streams()} (for a task of a conditional body,
 *               the stream of the conditional task at the top of its nesting)
 * @param position its position on that stream (the order the stream runs its tasks in), or in its body
 * @param type what the task does
 * @param name the operator ({@code "add"}, {@code "matmul"}), what a copy or fill moves, or the backend's type
 *             of an {@link Type#OTHER} task
 * @param operands a kernel's tensors and scalars in the operator's order (empty for other tasks)
 * @param event the event a record or wait task names, else null
 * @param group the index of the task group the kernel belongs to (among the capture's groups), or -1
 * @param condition the {@link #index()} of the {@link Type#CONDITION} task whose body holds this task, or -1
 *                  for a task of the model itself
 * @param body which body of that conditional task holds it (0 for THEN, a loop's body and the first
 *             case, 1 for ELSE and the second case, ...), or -1
 */
public record ModelTask(int index, int stream, int position, Type type, String name, List<Operand> operands,
                        String event, int group, int condition, int body) {

    /** What a task does. */
    public enum Type {
        /** An operator launch (an aclnn kernel). */
        KERNEL,
        /** A memory copy ({@code aclrtMemcpyAsync}). */
        COPY,
        /** A memory fill ({@code aclrtMemsetAsync}). */
        FILL,
        /** An event record ({@code aclrtRecordEvent}): later waits on other streams follow it. */
        EVENT_RECORD,
        /** An event wait ({@code aclrtStreamWaitEvent}): the stream waits for the record. */
        EVENT_WAIT,
        /** A value write ({@code aclrtValueWrite}, {@link Stream#writeValueAsync}). */
        VALUE_WRITE,
        /** A value wait ({@code aclrtValueWait}, {@link Stream#waitValueAsync}). */
        VALUE_WAIT,
        /**
         * A conditional task ({@code aclmdlRIAddCondTask}, {@link ConditionalScope}): its name says
         * IF, WHILE or SWITCH, its condition and how many bodies it has; the tasks of its bodies
         * follow it in the list, each naming it in {@link ModelTask#condition()}.
         */
        CONDITION,
        /**
         * A task the backend lists that this SDK did not issue (such as the NOP tasks the runtime
         * puts before a task group's kernels); its name is the backend's task type
         * ({@code "DEFAULT"}, {@code "EVENT_RESET"}, ...). Only with {@link Feature#TASK_INTROSPECTION}.
         */
        OTHER
    }

    /**
     * One operand of a kernel: a tensor's data type and shape, or a scalar's data type and value.
     *
     * @param dataType the element type
     * @param shape a tensor's dimensions; empty for a scalar
     * @param scalar the scalar's value as text, or null for a tensor
     */
    public record Operand(DataType dataType, List<Long> shape, String scalar) {
        /** As the picture labels it: {@code FLOAT[4, 2]} or {@code FLOAT 1.5}. */
        @Override
        public String toString() {
            return scalar != null ? dataType + " " + scalar : dataType + shape.toString();
        }
    }

    /**
     * A task; the operands are copied.
     *
     * @param index the task's position in capture order, over all streams
     * @param stream the index of its stream in {@link Model#streams()}
     * @param position its position on that stream
     * @param type what the task does
     * @param name the operator, or what a copy or fill moves
     * @param operands a kernel's tensors and scalars (empty for other tasks)
     * @param event the event a record or wait task names, else null
     * @param group the index of the kernel's task group, or -1
     * @param condition the index of the conditional task whose body holds it, or -1
     * @param body which body of that task holds it, or -1
     */
    public ModelTask {
        operands = List.copyOf(operands);
    }

    /**
     * Whether a conditional body holds this task.
     *
     * @return true when {@link #condition()} names a conditional task
     */
    public boolean inBody() {
        return condition >= 0;
    }

    /** One line: {@code "KERNEL add(FLOAT[4, 2], FLOAT[4, 2], FLOAT 1.1, FLOAT[4, 2]) [group 0]"}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(type.name()).append(' ').append(name);
        if (type == Type.KERNEL) {
            text.append('(');
            for (int i = 0; i < operands.size(); i++) {
                text.append(i == 0 ? "" : ", ").append(operands.get(i));
            }
            text.append(')');
        }
        if (event != null) {
            text.append(' ').append(event);
        }
        if (group >= 0) {
            text.append(" [group ").append(group).append(']');
        }
        return text.toString();
    }
}
