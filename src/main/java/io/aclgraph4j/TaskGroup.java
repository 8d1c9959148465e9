package io.aclgraph4j;

import java.util.List;
import java.util.Objects;

/**
 * Captured kernels whose arguments can be replaced later without capturing again
 * ({@code aclmdlRICaptureTaskGrpBegin/End}, {@code aclmdlRICaptureTaskUpdateBegin/End}). Made by
 * {@link Capture#taskGroup(Runnable)}; {@link #update(Stream, Runnable)} relaunches the same
 * number of kernels with new operands, which then replace the group's kernels in the model.
 */
public final class TaskGroup extends OnDevice {
    /** The kernels the group captured, in order: what each takes. */
    private final List<String> kernels;
    /** The graph of the capture the group was made in, and the group's index there. */
    private final CapturedGraph graph;
    private final int index;

    TaskGroup(Device device, long handle, List<String> kernels, CapturedGraph graph, int index) {
        super(device, handle, "TaskGroup", "on device " + device.id() + ", " + kernels.size()
                + (kernels.size() == 1 ? " kernel" : " kernels"), false);
        this.kernels = kernels;
        this.graph = graph;
        this.index = index;
    }

    /**
     * The group's index among its capture's task groups (as {@link ModelTask#group()} names it).
     *
     * @return the index, from 0
     */
    public int index() {
        return index;
    }

    /** What each captured kernel takes, in order. */
    List<String> kernelSignatures() {
        return kernels;
    }

    /**
     * How many kernels the group holds.
     *
     * @return the number of operator launches captured in the group
     */
    public int kernelCount() {
        return kernels.size();
    }

    /**
     * Replaces the group's kernels with those {@code body} launches on {@code stream}, all or
     * nothing: the launches are held back until {@code body} returns, then checked whole; the
     * update must launch as many operators as the group holds, each with a kernel the captured one
     * is (same operator, and the same data type, shape and strides of every operand and of alpha;
     * new tensors, buffers and alpha values are what it replaces). Otherwise, or when {@code body}
     * throws or issues anything but operator launches, nothing changes and
     * {@link TaskUpdateException} (or the body's exception) is thrown. {@code stream} must not be
     * capturing. The update is ordered on {@code stream}: issued on the stream the model replays on,
     * it runs after the replays queued before it and before those queued after it, with no host
     * wait; on another stream, order it with events (the updating stream waits for an event
     * recorded after the replay, the replay stream for one recorded after the update) or
     * synchronise.
     *
     * @param stream a stream of the group's device, not capturing
     * @param body launches the replacement kernels on {@code stream}
     */
    public void update(Stream stream, Runnable body) {
        Objects.requireNonNull(stream, "TaskGroup.update: stream is null");
        Objects.requireNonNull(body, "TaskGroup.update: body is null");
        handle();
        apply("TaskGroup.update", stream, launchesOf("TaskGroup.update", stream, body));
    }

    /** The operator launches {@code body} makes on {@code stream}, held back (not issued). */
    static List<KernelLaunches.Launch> launchesOf(String operation, Stream stream, Runnable body) {
        stream.handle();
        if (stream.kernelLaunches() != null) {
            throw new TaskUpdateException(operation, "the stream is already capturing or updating a task "
                    + "group: update it once that has ended");
        }
        KernelLaunches launches = KernelLaunches.deferring();
        stream.kernelLaunches(launches);
        try {
            body.run();
        } finally {
            stream.kernelLaunches(null);
        }
        return launches.launches();
    }

    /** Replaces the group's kernels by {@code launched} (checked whole first); releases their single-use executors. */
    void apply(String operation, Stream stream, List<KernelLaunches.Launch> launched) {
        FlightEvents.UpdateEvent flightEvent = new FlightEvents.UpdateEvent();
        flightEvent.begin();
        boolean updated = false;
        try {
            check(operation, launched);
            api().taskUpdateBegin(operation, stream.handle(), handle());
            try {
                for (KernelLaunches.Launch launch : launched) {
                    api().executorLaunch(operation, launch.executor(), stream.handle());
                }
            } finally {
                api().taskUpdateEnd(operation, stream.handle());
            }
            updated = true;
            graph.replaceGroup(index, launched);
        } finally {
            KernelLaunches.endUpdate(api(), operation, flightEvent, this, -1, stream, launched, updated);
        }
    }

    private void check(String operation, List<KernelLaunches.Launch> launched) {
        if (launched.size() != kernels.size()) {
            throw new TaskUpdateException(operation, "the group holds " + kernels.size() + " kernel"
                    + (kernels.size() == 1 ? "" : "s") + " but the update launched " + launched.size()
                    + ": launch exactly as many operators, in the captured order; nothing was changed");
        }
        for (int i = 0; i < launched.size(); i++) {
            String captured = kernels.get(i);
            String replacement = launched.get(i).signature();
            if (!captured.equals(replacement)) {
                throw new TaskUpdateException(operation, "kernel " + i + " of the group was captured as "
                        + captured + " but the update launches " + replacement + ", which its kernel cannot take: "
                        + "give an operator of the same kind with operands of the same data types, shapes and "
                        + "strides; nothing was changed");
            }
        }
    }
}
