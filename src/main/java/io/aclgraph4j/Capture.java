package io.aclgraph4j;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A capture in progress on a stream ({@code aclmdlRICaptureBegin} … {@code aclmdlRICaptureEnd}).
 * {@link #end()} returns the model; {@link #close()} without {@code end()} ends the capture and
 * discards what it recorded. Not thread-safe: end it on the thread that began it (unless the mode
 * is RELAXED).
 *
 * <pre>{@code
 * Model model;
 * try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
 *     stream.copyAsync(hostInput, input);   // recorded, not run
 *     add.launch(stream);                   // recorded
 *     model = capture.end();                // the recorded tasks, replayable
 * }                                         // an exception before end(): capture discarded
 * model.execute(stream);                    // runs them
 * }</pre>
 */
public final class Capture implements AutoCloseable, ConditionalScope {
    private static final String NO_MODEL = " (its capture ended without a model)";

    private final Stream stream;
    private final CaptureMode mode;
    private final List<TaskGroup> groups = new ArrayList<>();
    private final CapturedGraph graph;
    private final FlightEvents.CaptureEvent flightEvent = new FlightEvents.CaptureEvent();
    /** Its conditional tasks and their bodies (ConditionalScope). */
    private final Conditionals conditionals;
    private volatile boolean ended;

    Capture(Stream stream, CaptureMode mode) {
        this.stream = stream;
        this.mode = mode;
        this.graph = new CapturedGraph(stream);
        this.conditionals = new Conditionals(this);
        flightEvent.begin();
        AclRuntime.LOG.log(Level.DEBUG, () -> "aclgraph4j: " + stream.describe() + " begins a " + mode + " capture");
    }

    /** What the capture recorded so far. */
    CapturedGraph graph() {
        return graph;
    }

    /** Whether the capture still records (streams that wait for its events join it). */
    boolean isRecording() {
        return !ended;
    }

    /** Every stream that took part leaves the capture; the flight event and the log say how it ended. */
    private void finish(Model model) {
        conditionals.finished(model);
        for (Stream taking : graph.streams()) {
            if (taking.capture() == this) {
                taking.capture(null);
            }
        }
        flightEvent.end();
        if (flightEvent.shouldCommit()) {
            flightEvent.stream = stream.describe();
            flightEvent.mode = mode.name();
            flightEvent.model = model == null ? null : model.describe();
            flightEvent.tasks = graph.taskCount();
            flightEvent.streams = graph.streams().size();
            flightEvent.succeeded = model != null;
            flightEvent.commit();
        }
        AclRuntime.LOG.log(Level.DEBUG, () -> "aclgraph4j: " + stream.describe() + " ended its " + mode + " capture"
                + (model == null ? " without a model" : ": " + model));
    }

    /**
     * The stream being captured.
     *
     * @return the stream this capture began on
     */
    public Stream stream() {
        return stream;
    }

    /**
     * The capture's mode, which decides what other threads may do while it records.
     *
     * @return the mode it began with
     */
    public CaptureMode mode() {
        return mode;
    }

    /**
     * Whether the capture is still recording (or was invalidated by the runtime).
     *
     * @return ACTIVE while recording, INVALIDATED after a rule broke it, NONE once ended
     */
    public CaptureStatus status() {
        return ended ? CaptureStatus.NONE : stream.captureStatus("Capture.status");
    }

    /**
     * Captures what {@code body} launches on this capture's stream as a task group: kernels whose
     * arguments {@link TaskGroup#update} can replace after the capture. Only kernels (operator
     * launches) may be issued inside a group. If the capture then ends without a model, the group
     * is closed with it.
     *
     * @param body launches the group's kernels on this capture's stream
     * @return the task group, owned by the device
     */
    public TaskGroup taskGroup(Runnable body) {
        Objects.requireNonNull(body, "body");
        if (ended) {
            throw new IllegalStateException("this capture already ended");
        }
        stream.runtime.require(Feature.TASK_GROUPS, "Capture.taskGroup");
        stream.api().taskGroupBegin("Capture.taskGroup", stream.handle());
        KernelLaunches kernels = KernelLaunches.recording();
        stream.kernelLaunches(kernels);
        int groupIndex = graph.openGroup(stream);
        boolean bodyCompleted = false;
        try {
            body.run();
            bodyCompleted = true;
        } finally {
            graph.closeGroup(stream);
            stream.kernelLaunches(null);
            if (!bodyCompleted) {
                try {
                    stream.api().release("Capture.taskGroup",
                            stream.api().taskGroupEnd("Capture.taskGroup", stream.handle()));
                } catch (RuntimeException ignored) {
                    // The body's exception is the one to report.
                }
            }
        }
        List<String> signatures = kernels.launches().stream().map(KernelLaunches.Launch::signature).toList();
        long handle = stream.api().taskGroupEnd("Capture.taskGroup", stream.handle());
        TaskGroup group = new TaskGroup(stream.device(), handle, signatures, graph, groupIndex);
        graph.groupMade(groupIndex, group);
        groups.add(group);
        return group;
    }

    /**
     * Ends the capture and returns its model, which keeps every object its tasks use alive until
     * it is closed. Throws {@link CaptureException} when the runtime invalidated the capture or a
     * capture rule is broken at its end; the stream is usable again either way, and the capture's
     * task groups are closed.
     *
     * @return the model, owned by the stream's device; close it when done
     */
    public Model end() {
        return end("Capture.end");
    }

    /** {@link #end()} for {@code operation}, the facade method called (which errors name). */
    Model end(String operation) {
        if (ended) {
            throw new IllegalStateException("this capture already ended");
        }
        conditionals.beforeEnd("Capture.end");
        ended = true;
        long handle;
        try {
            handle = stream.api().captureEnd(operation, stream.handle());
        } catch (RuntimeException e) {
            closeGroups();
            finish(null);
            throw e;
        }
        Model model;
        try {
            model = new Model(stream.device(), handle, graph);
        } catch (RuntimeException e) {
            finish(null);
            throw e;
        }
        finish(model);
        return model;
    }

    @Override
    public Condition condition() {
        return conditionals.condition("Capture.condition", 0, false);
    }

    @Override
    public Condition conditionResetTo(long value) {
        return conditionals.condition("Capture.conditionResetTo", value, true);
    }

    @Override
    public void ifThen(Condition condition, Consumer<Body> then) {
        conditionals.conditional("Capture.ifThen", ConditionType.IF, condition, Conditionals.bodies(then));
    }

    @Override
    public void ifElse(Condition condition, Consumer<Body> then, Consumer<Body> otherwise) {
        conditionals.conditional("Capture.ifElse", ConditionType.IF, condition, Conditionals.bodies(then, otherwise));
    }

    @Override
    public void whileLoop(Condition condition, Consumer<Body> body) {
        conditionals.conditional("Capture.whileLoop", ConditionType.WHILE, condition, Conditionals.bodies(body));
    }

    @Override
    public void switchOn(Condition condition, List<Consumer<Body>> cases) {
        conditionals.conditional("Capture.switchOn", ConditionType.SWITCH, condition,
                Conditionals.cases("Capture.switchOn", cases));
    }

    /** Ends the capture if {@link #end()} was not called, discarding its model (and its task groups). */
    @Override
    public void close() {
        if (ended) {
            return;
        }
        ended = true;
        closeGroups();
        try {
            if (stream.isClosed()) {
                return;
            }
            long model = stream.api().captureEnd("Capture.close", stream.handle());
            stream.api().release("Capture.close", model);
        } finally {
            finish(null);
        }
    }

    private void closeGroups() {
        for (TaskGroup group : groups) {
            group.closeBecause(NO_MODEL);
        }
    }
}
