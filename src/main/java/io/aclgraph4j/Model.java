package io.aclgraph4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A captured model ({@code aclmdlRI}): the recorded tasks, replayable any number of times on any
 * stream of its device. It keeps every object its tasks use (tensors, buffers, executors, events)
 * alive until it is closed, so closing those earlier is safe. It may be replayed from any thread on
 * any stream of its device, and its replays never overlap: each runs after the previous one (on
 * the device: a replay on another stream than the previous one waits for an event recorded after
 * it; no host wait).
 *
 * <pre>{@code
 * Model model = stream.capture(CaptureMode.GLOBAL, s -> {
 *     s.copyAsync(hostInput, input);
 *     add.launch(s);
 *     s.copyAsync(output, hostOutput);
 * });
 * for (int i = 0; i < 1000; i++) {
 *     model.executeAsync(stream);           // enqueue replays
 * }
 * stream.synchronize();                     // wait for all of them
 * model.close();                            // releases what its tasks kept alive
 * }</pre>
 */
public final class Model extends OnDevice {
    /** What its capture recorded. */
    private final CapturedGraph graph;
    /** The name given with {@link #name(String)}, for toString; null until then. */
    private volatile String name;

    Model(Device device, long handle, CapturedGraph graph) {
        super(device, handle, "Model", "on device " + device.id(), false);
        this.graph = graph;
    }

    /**
     * Names the model in the runtime ({@code aclmdlRISetName}): the name shows in the device's
     * logs and profiles, in {@link #toString()}, {@link #debugPrint()} and {@link #toDot()}. Needs
     * {@link Feature#MODEL_NAMES}.
     *
     * @param name 1 to 255 bytes of UTF-8, without NUL characters
     */
    public void name(String name) {
        Objects.requireNonNull(name, "Model.name: name is null");
        // The shim checks the name's length and blanks; a NUL it cannot see, the C string ends there.
        if (name.indexOf('\0') >= 0) {
            throw InvalidArgumentException.refused("Model.name", "a model's name cannot hold a NUL character: \""
                    + name.replace("\0", "\\0") + "\"");
        }
        long handle = handle();
        runtime.require(Feature.MODEL_NAMES, "Model.name");
        api().modelSetName("Model.name", handle, name);
        this.name = name;
    }

    /**
     * The model's name as the runtime holds it ({@code aclmdlRIGetName}). Needs
     * {@link Feature#MODEL_NAMES}.
     *
     * @return the name, empty when none was given
     */
    public String name() {
        long handle = handle();
        runtime.require(Feature.MODEL_NAMES, "Model.name");
        return api().modelName("Model.name", handle);
    }

    /**
     * The runtime's id of the model ({@code aclmdlRIGetId}): the {@code "Model Id"} of
     * {@link #debugJson()} and of the device's logs. Needs {@link Feature#MODEL_IDS}.
     *
     * @return the id
     */
    public long id() {
        long handle = handle();
        runtime.require(Feature.MODEL_IDS, "Model.id");
        return api().modelId("Model.id", handle);
    }

    /**
     * Runs {@code callback} once the model is destroyed natively: after it is closed (directly, with
     * its device or runtime, or by the garbage collector) and its last replay has finished. Where the
     * backend has {@code aclmdlRIDestroyRegisterCallback} ({@link Feature#DESTROY_CALLBACKS}) the
     * runtime's own destroy notice triggers it; otherwise the SDK's tracking of the model does. It
     * runs on the thread of the call that let the model go (its {@code close()}, or the
     * {@code synchronize()}, {@code isComplete()} or {@code execute} that saw its last replay end, or
     * the runtime's close), after that call's native part; an exception it throws is logged, not
     * passed on. Use it to free what only Java knew the model needed.
     *
     * @param callback what to run; it should be short and must not wait for this runtime's streams
     */
    public void onDestroy(Runnable callback) {
        Objects.requireNonNull(callback, "Model.onDestroy: callback is null");
        runtime.destroyNotices().register(handle(), callback);
    }

    /** The model's name for pictures and listings: its Java name, and the runtime name given. */
    private String title() {
        String given = name;
        return describe() + (given == null ? "" : " \"" + given + "\"");
    }

    /**
     * The streams of the capture, in the order they took part: the capturing stream first, then
     * those that joined it through events. A replay runs each one's tasks on a stream of the model.
     *
     * @return the streams (closed ones included: the model keeps what it needs of them)
     */
    public List<Stream> streams() {
        return graph.streams();
    }

    /**
     * The model's tasks in capture order, each with its stream, its position there, what it is and
     * what it takes (operator, operands' data types and shapes, events, task group). The tasks of a
     * conditional task's bodies follow it, each naming the conditional task and body that hold it
     * ({@link ModelTask#condition()}, {@link ModelTask#body()}; nested bodies after their own
     * conditional task). Task updates show: a group's kernels have the operands of its latest
     * update. Where the backend lists a model's tasks itself ({@link Feature#TASK_INTROSPECTION}:
     * {@code aclmdlRIGetStreams}, {@code aclmdlRIGetTasksByStream}, {@code aclmdlRITaskGetType},
     * {@code aclmdlRITaskGetSeqId}) the model-level list is the backend's: every task the model's
     * streams run, in their order, labelled with the operators and operands the capture recorded
     * (matched stream by stream on the backend's task types and the record's order, and on where
     * task groups began); tasks this SDK did not issue (such as the NOPs the runtime puts before a
     * task group) are {@link ModelTask.Type#OTHER}, as are DEFAULT tasks (copies, fills,
     * conditional tasks) in a stretch whose count the record cannot account for. The runtime does
     * not list the tasks of bodies: those come from the record. Without the feature (and once the
     * model is closed) the list is the capture's record of what was issued through this SDK.
     *
     * @return the tasks
     */
    public List<ModelTask> tasks() {
        if (!isClosed() && runtime.supports(Feature.TASK_INTROSPECTION)) {
            return TaskListing.merge(api().modelTasks("Model.tasks", handle()), graph.snapshot());
        }
        return graph.tasks();
    }

    /** What the capture recorded, whatever the backend lists (for tests). */
    List<ModelTask> recordedTasks() {
        return graph.tasks();
    }

    /** The streams' names for a listing or picture of {@code tasks}, one per stream they use. */
    private List<String> streamNames(List<ModelTask> tasks) {
        List<String> names = new ArrayList<>(graph.streamNames());
        for (ModelTask task : tasks) {
            while (names.size() <= task.stream()) {
                names.add("model stream " + names.size());
            }
        }
        return names;
    }

    /**
     * The model as a Graphviz DOT graph, the counterpart of CUDA's {@code cudaGraphDebugDotPrint}:
     * one node per task labelled with its operator and its operands' data types and shapes (copies,
     * fills and events with what they move or name), solid edges in each stream's order, dashed
     * edges from an event record to the waits on it, one cluster per stream and per task group,
     * and one per body of a conditional task (nested for nested conditionals), which the
     * conditional task points to with an edge labelled then, else, loop or case n. Render it with
     * {@code dot -Tsvg model.dot -o model.svg}.
     *
     * @return the DOT text
     */
    public String toDot() {
        List<ModelTask> tasks = tasks();
        return GraphText.dot(title(), streamNames(tasks), tasks);
    }

    /**
     * Writes {@link #toDot()} to {@code path}.
     *
     * @param path the file to write (replaced if it exists)
     */
    public void toDot(Path path) {
        Objects.requireNonNull(path, "Model.toDot: path is null");
        try {
            Files.writeString(path, toDot(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Model.toDot: cannot write " + path, e);
        }
    }

    /**
     * Enqueues one replay on {@code stream} and returns; wait with {@link Stream#synchronize()}.
     *
     * @param stream a stream of the model's device
     */
    public void executeAsync(Stream stream) {
        replay("Model.executeAsync", stream, false);
    }

    /** One replay on {@code stream} for {@code operation}, waited for when {@code synchronous}; a JFR event. */
    private void replay(String operation, Stream stream, boolean synchronous) {
        Objects.requireNonNull(stream, operation + ": stream is null");
        stream.checkOnlyKernels(operation);
        FlightEvents.ReplayEvent flightEvent = new FlightEvents.ReplayEvent();
        flightEvent.begin();
        if (synchronous) {
            api().modelExecute(operation, handle(), stream.handle());
        } else {
            api().modelExecuteAsync(operation, handle(), stream.handle());
        }
        flightEvent.end();
        if (flightEvent.shouldCommit()) {
            flightEvent.model = describe();
            flightEvent.stream = stream.describe();
            flightEvent.synchronous = synchronous;
            flightEvent.commit();
        }
    }

    /**
     * Replaces the operands of one captured kernel, {@code task} (a {@link ModelTask.Type#KERNEL}
     * of {@link #tasks()}), with those of the operator {@code body} launches on {@code stream}, without
     * capturing again. {@code body} must launch exactly one operator of the same kind, with operands of
     * the same data types, shapes and strides as the task's (new tensors, buffers and alpha values are
     * what it replaces); it is held back until {@code body} returns and checked first, and otherwise
     * {@link TaskUpdateException} says what differs and nothing changes.
     *
     * <p>A task that is the only kernel of a task group ({@link Capture#taskGroup}) is updated through
     * the group ({@link TaskGroup#update}): the update is a task of {@code stream}, ordered on the
     * device after what was issued to it before. Any other kernel task needs {@link Feature#TASK_UPDATE}
     * (CANN 9.1: {@code aclmdlRITaskSetParams}, {@code aclmdlRIUpdate}; without it
     * {@link FeatureUnavailableException}). The runtime changes a model only while
     * none of its replays is queued or running, so an update issued while a replay may be in flight
     * is queued on {@code stream}: it takes effect once the stream reaches it (after the model's
     * replays issued before it, also those on other streams), and the replays issued after it wait,
     * when they are issued, until it has (a failure then surfaces from that replay). The calling
     * thread never waits for the update itself. The model keeps the operator (and its operands) until
     * the task is updated again or the model is closed.
     *
     * @param stream a stream of the model's device, not capturing
     * @param task a kernel task of this model, from {@link #tasks()}
     * @param body launches the replacement operator on {@code stream}
     */
    public void update(Stream stream, ModelTask task, Runnable body) {
        String operation = "Model.update";
        Objects.requireNonNull(stream, operation + ": stream is null");
        Objects.requireNonNull(task, operation + ": task is null");
        Objects.requireNonNull(body, operation + ": body is null");
        long handle = handle();
        if (stream.capturedGraph() != null) {
            throw new TaskUpdateException(operation, "the stream is capturing: update the model on a stream that is "
                    + "not, after the capture");
        }
        if (task.inBody()) {
            throw new TaskUpdateException(operation, "task " + task.index() + " is in body " + task.body()
                    + " of conditional task " + task.condition() + ": CANN's task calls do not reach the tasks of "
                    + "conditional bodies (sub-graphs), so it cannot be updated in place; capture again instead");
        }
        CapturedGraph.KernelTask target = graph.kernelTask(task, tasks());
        if (target == null) {
            throw task.type() == ModelTask.Type.KERNEL
                    ? InvalidArgumentException.refused(operation, "task " + task.index() + " (" + task
                            + ") is not one of this model's tasks: take it from this model's tasks()")
                    : new TaskUpdateException(operation, "task " + task.index() + " is a " + task.type()
                            + " task; only KERNEL tasks (operator launches) can be updated");
        }
        // A task group's update is a task of the stream, ordered on the device: preferred where it
        // covers the task alone. Otherwise the runtime's task calls.
        TaskGroup group = target.group() >= 0 ? graph.group(target.group()) : null;
        boolean throughGroup = group != null && group.kernelCount() == 1 && !group.isClosed();
        if (!throughGroup) {
            runtime.require(Feature.TASK_UPDATE, operation); // throws, naming the functions and release
        }
        List<KernelLaunches.Launch> launched = TaskGroup.launchesOf(operation, stream, body);
        if (throughGroup) {
            group.apply(operation, stream, launched);
            return;
        }
        FlightEvents.UpdateEvent flightEvent = new FlightEvents.UpdateEvent();
        flightEvent.begin();
        boolean updated = false;
        try {
            if (launched.size() != 1) {
                throw new TaskUpdateException(operation, "the body launched " + launched.size() + " operators; a "
                        + "task takes exactly one: launch one operator on the stream; nothing was changed");
            }
            KernelLaunches.Launch launch = launched.get(0);
            if (!launch.signature().equals(target.signature())) {
                throw new TaskUpdateException(operation, "task " + task.index() + " was captured as "
                        + target.signature() + " but the update launches " + launch.signature() + ", which its kernel "
                        + "cannot take: give an operator of the same kind with operands of the same data types, "
                        + "shapes and strides; nothing was changed");
            }
            api().modelUpdateKernel(operation, handle, target.stream(), target.kernel(), launch.executor(),
                    stream.handle());
            updated = true;
            graph.replaceKernel(target, launch);
        } finally {
            KernelLaunches.endUpdate(api(), operation, flightEvent, this, task.index(), stream, launched, updated);
        }
    }

    /**
     * Replays once on {@code stream} and waits for the stream, as {@link #executeAsync} then
     * {@link Stream#synchronize()} would, in one native call.
     *
     * @param stream a stream of the model's device
     */
    public void execute(Stream stream) {
        replay("Model.execute", stream, true);
        runtime.destroyNotices().run("Model.execute");
    }

    /**
     * Writes the runtime's dump of the model ({@code aclmdlRIDebugJsonPrint}) to {@code path}: the
     * device's Chrome trace-event format, one record per task of each model stream ({@code name},
     * {@code tid} {@code "stream<id>"}, {@code args} with model, stream and task ids and, from CANN 9, the
     * task type). Its {@code ts}/{@code dur} are nominal, not measured (on the device as on the
     * simulator): open it in chrome://tracing or Perfetto for the order per stream; see
     * {@link #toDot()} for the dependencies between streams. Needs {@link Feature#DEBUG_JSON}.
     *
     * @param path the file to write (replaced if it exists)
     */
    public void debugJson(Path path) {
        Objects.requireNonNull(path, "path");
        runtime.require(Feature.DEBUG_JSON, "Model.debugJson");
        api().modelDebugJson("Model.debugJson", handle(), path.toAbsolutePath().toString());
    }

    /**
     * The runtime's dump of the model as JSON text (see {@link #debugJson(Path)}).
     *
     * @return the JSON document
     */
    public String debugJson() {
        try {
            Path file = Files.createTempFile("aclgraph4j-model", ".json");
            try {
                debugJson(file);
                return Files.readString(file, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model's JSON to a temporary file", e);
        }
    }

    /**
     * The model's streams and tasks as text, one line per task (what {@link #tasks()} holds),
     * returned to Java rather than written to a native log:
     * <pre>
     * Model#1 on device 0, 3 tasks on 1 stream
     * stream 0 (Stream#1 on device 0)
     *   task 0: COPY 32 bytes host to device
     *   task 1: KERNEL add(FLOAT[4, 2], FLOAT[4, 2], FLOAT 1.1, FLOAT[4, 2])
     *   task 2: COPY 32 bytes device to host
     * </pre>
     *
     * @return the listing
     */
    public String debugPrint() {
        handle(); // closed: throws
        List<ModelTask> tasks = tasks();
        return GraphText.listing(toString(), streamNames(tasks), tasks);
    }

    /**
     * Has the runtime write its own listing of the model to its log ({@code aclmdlRIDebugPrint}):
     * the device's plog on CANN, standard error on the simulator. Needs {@link Feature#DEBUG_PRINT}.
     */
    public void debugPrintToLog() {
        runtime.require(Feature.DEBUG_PRINT, "Model.debugPrintToLog");
        api().modelDebugPrint("Model.debugPrintToLog", handle());
    }

    /**
     * What the model is, which one, its name if one was given, and its size:
     * {@code "Model#2 on device 0 \"decode\", 5 tasks on 2 streams, 1 task group"}.
     */
    @Override
    public String toString() {
        int tasks = graph.taskCount();
        int streams = graph.streams().size();
        int groups = graph.groupCount();
        return title() + (isClosed() ? " (closed)" : "") + ", " + tasks + (tasks == 1 ? " task" : " tasks") + " on "
                + streams + (streams == 1 ? " stream" : " streams") + (groups == 0 ? "" : ", " + groups
                + (groups == 1 ? " task group" : " task groups"));
    }

    /**
     * Releases the model. Replays still running finish first; the objects the model kept are
     * released once they have.
     */
    @Override
    public void close() {
        super.close();
    }
}
