package io.aclgraph4j;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An ordered queue of device work ({@code aclrtStream}). Tasks issued to it run asynchronously,
 * in order; {@link #synchronize()} waits for them. While the stream captures, its tasks are
 * recorded into a model instead (see {@link #beginCapture(CaptureMode)}).
 *
 * <pre>{@code
 * try (Stream stream = device.createStream()) {
 *     stream.copyAsync(hostInput, input);    // host to device, queued
 *     add.launch(stream);                    // runs after the copy
 *     stream.copyAsync(output, hostOutput);  // device to host, after the add
 *     stream.synchronize();                  // all three done
 * }
 * }</pre>
 */
public final class Stream extends OnDevice {
    /** Operator launches of a task group being captured or updated on this stream, else null. */
    private volatile KernelLaunches kernelLaunches;
    /** The capture this stream takes part in (began it, or joined it through an event), else null. */
    private volatile Capture capture;
    /** The graph a conditional body this stream captures goes into, else null. */
    private volatile CapturedGraph bodyGraph;

    Stream(Device device, long handle) {
        super(device, handle, "Stream", "on device " + device.id(), false);
    }

    /**
     * Copies {@code from} into {@code to} (same size) in stream order. Device memory must be on this
     * stream's device; at most one side may be host memory (copy host memory to host memory with
     * {@link Device#copy} or the buffers' views).
     *
     * @param from the source memory
     * @param to the destination memory, of the same size
     */
    public void copyAsync(Memory from, Memory to) {
        checkOnlyKernels("Stream.copyAsync");
        Regions.Region source = Regions.region("Stream.copyAsync", "source", from);
        Regions.Region target = Regions.region("Stream.copyAsync", "destination", to);
        Regions.checkSameSize("Stream.copyAsync", source, target);
        api().memcpyAsync("Stream.copyAsync", handle(), target.handle(), target.offset(), source.handle(),
                source.offset(), source.bytes());
        CapturedGraph graph = capturedGraph();
        if (graph != null) {
            graph.copy(this, from, to, source.bytes());
        }
    }

    /**
     * Copies {@code bytes} from {@code from} at {@code fromOffset} into {@code to} at {@code toOffset}.
     *
     * @param from the source memory
     * @param fromOffset the first byte read, from the start of {@code from}
     * @param to the destination memory
     * @param toOffset the first byte written, from the start of {@code to}
     * @param bytes how many bytes; both ranges must lie inside their memory
     */
    public void copyAsync(Memory from, long fromOffset, Memory to, long toOffset, long bytes) {
        checkOnlyKernels("Stream.copyAsync");
        Regions.Region source = Regions.region("Stream.copyAsync", "source", from);
        Regions.Region target = Regions.region("Stream.copyAsync", "destination", to);
        // Within the memories given (a view may be part of its buffer): the shim sees only the buffers.
        if (fromOffset < 0 || toOffset < 0 || bytes < 0 || fromOffset > source.bytes() - bytes
                || toOffset > target.bytes() - bytes) {
            throw InvalidArgumentException.refused("Stream.copyAsync", "copying " + bytes + " bytes from offset "
                    + fromOffset + " of " + source.bytes() + " into offset " + toOffset + " of " + target.bytes()
                    + " goes out of bounds");
        }
        api().memcpyAsync("Stream.copyAsync", handle(), target.handle(), target.offset() + toOffset, source.handle(),
                source.offset() + fromOffset, bytes);
        CapturedGraph graph = capturedGraph();
        if (graph != null) {
            graph.copy(this, from, to, bytes);
        }
    }

    /**
     * Sets every byte of {@code memory} (of this stream's device, or host memory) to {@code value} in stream order.
     *
     * @param memory device memory of this stream's device, or host memory
     * @param value the byte value, 0..255
     */
    public void fillAsync(Memory memory, int value) {
        checkOnlyKernels("Stream.fillAsync");
        Regions.Region region = Regions.region("Stream.fillAsync", "memory", memory);
        api().memsetAsync("Stream.fillAsync", handle(), region.handle(), region.offset(), value, region.bytes());
        CapturedGraph graph = capturedGraph();
        if (graph != null) {
            graph.fill(this, memory, region.bytes(), value);
        }
    }

    /** The capture this stream takes part in, or null. */
    Capture capture() {
        return capture;
    }

    void capture(Capture taking) {
        capture = taking;
    }

    /**
     * The graph of the capture this stream takes part in, or of the capture whose conditional body
     * it captures (where a task just issued goes), or null.
     */
    CapturedGraph capturedGraph() {
        Capture taking = capture;
        return taking != null ? taking.graph() : bodyGraph;
    }

    void bodyGraph(CapturedGraph graph) {
        bodyGraph = graph;
    }

    KernelLaunches kernelLaunches() {
        return kernelLaunches;
    }

    void kernelLaunches(KernelLaunches launches) {
        kernelLaunches = launches;
    }

    /** Inside a task group's capture or update only operator launches may be issued. */
    void checkOnlyKernels(String operation) {
        KernelLaunches launches = kernelLaunches;
        if (launches != null && launches.deferred()) {
            throw new TaskUpdateException(operation, "the stream is in a task update (TaskGroup.update or "
                    + "Model.update), which takes operator launches only: issue copies, fills, events and replays "
                    + "outside its body");
        }
    }

    /** Waits until every task issued so far has run. Refused while the stream captures. */
    public void synchronize() {
        api().streamSynchronize("Stream.synchronize", handle());
        runtime.destroyNotices().run("Stream.synchronize");
    }

    /**
     * As {@link #synchronize()}, failing with an {@link AclException} once {@code timeout} passes.
     *
     * @param timeout how long to wait, from 1 ms to {@code Integer.MAX_VALUE} ms
     */
    public void synchronize(Duration timeout) {
        Objects.requireNonNull(timeout, "Stream.synchronize: timeout is null");
        long millis = timeout.toMillis();
        if (millis <= 0 || millis > Integer.MAX_VALUE) {
            throw InvalidArgumentException.refused("Stream.synchronize", "timeout must be between 1 ms and "
                    + Integer.MAX_VALUE + " ms, not " + timeout);
        }
        api().streamSynchronize("Stream.synchronize", handle(), (int) millis);
        runtime.destroyNotices().run("Stream.synchronize");
    }

    /**
     * Whether every task issued so far has run.
     *
     * @return true when the stream is idle
     */
    public boolean isComplete() {
        boolean complete = api().streamQuery("Stream.isComplete", handle());
        runtime.destroyNotices().run("Stream.isComplete");
        return complete;
    }

    /**
     * Makes later work on this stream wait for the work {@code event} marks.
     *
     * @param event an event of this stream's device
     */
    public void waitFor(Event event) {
        Objects.requireNonNull(event, "Stream.waitFor: event is null");
        checkOnlyKernels("Stream.waitFor");
        long waiting = handle();
        long waitedFor = event.handle(); // both open: then the devices
        event.requireSameDevice("Stream.waitFor", this);
        api().streamWaitEvent("Stream.waitFor", waiting, waitedFor);
        Capture recordedIn = event.recordedIn();
        if (capture == null && recordedIn != null && recordedIn.isRecording()) {
            capture = recordedIn; // waiting for a task of the capture joins it (as the runtime rules)
        }
        CapturedGraph graph = capturedGraph();
        if (graph != null) {
            graph.eventWait(this, event);
        }
    }

    /**
     * Inside a capture: every replay of the model waits, at this task, for the latest record of
     * {@code event} made (outside the model) before the replay was launched; nothing to wait for if
     * it was never recorded ({@code aclrtStreamWaitEventWithFlag} with ACL_EVENT_WAIT_EXTERNAL,
     * {@link Feature#EXTERNAL_EVENTS}). An event takes one external record or wait per model.
     *
     * @param event an event of this stream's device
     */
    public void waitForExternal(Event event) {
        GraphBoundary.external("Stream.waitForExternal", event, this, false);
    }

    /**
     * Writes {@code value} into the 8-byte device word {@code word} in stream order
     * ({@code aclrtValueWrite}, {@link Feature#VALUE_TASKS}): eagerly, or at every replay when the
     * stream captures. Pairs with {@link #waitValueAsync} on another stream or model.
     *
     * @param word an 8-byte buffer, or a tensor of one INT64 or UINT64 element, of this stream's device
     * @param value the value to write
     */
    public void writeValueAsync(Memory word, long value) {
        GraphBoundary.value("Stream.writeValueAsync", this, word, value, null);
    }

    /**
     * Holds this stream's later work until the 8-byte device word {@code word} meets
     * {@code condition} against {@code value} ({@code aclrtValueWait}, {@link Feature#VALUE_TASKS}):
     * eagerly, or at every replay when the stream captures. Something else must write the word
     * (another stream's {@link #writeValueAsync}, a copy, the host), or the stream waits forever.
     *
     * @param word an 8-byte buffer, or a tensor of one INT64 or UINT64 element, of this stream's device
     * @param value the value compared with
     * @param condition how the word and {@code value} are compared
     */
    public void waitValueAsync(Memory word, long value, ValueCondition condition) {
        Objects.requireNonNull(condition, "Stream.waitValueAsync: condition is null");
        GraphBoundary.value("Stream.waitValueAsync", this, word, value, condition);
    }

    /**
     * Starts capturing this stream's tasks into a model. Use as a scope:
     * <pre>{@code
     * try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
     *     ... issue tasks ...
     *     model = capture.end();
     * }
     * }</pre>
     * Leaving the block without {@link Capture#end()} (by an exception) ends the capture and
     * discards its model, so the stream never stays capturing.
     *
     * @param mode which calls the capture forbids on other threads
     * @return the capture in progress; end it with {@link Capture#end()}
     */
    public Capture beginCapture(CaptureMode mode) {
        return beginCapture("Stream.beginCapture", mode);
    }

    private Capture beginCapture(String operation, CaptureMode mode) {
        Objects.requireNonNull(mode, operation + ": mode is null");
        checkOnlyKernels(operation);
        api().captureBegin(operation, handle(), mode.code());
        Capture begun = new Capture(this, mode);
        capture = begun;
        return begun;
    }

    /**
     * Captures what {@code body} issues to this stream and returns the model.
     *
     * @param mode which calls the capture forbids on other threads
     * @param body issues the tasks to capture on the stream it is given (this one)
     * @return the model; if {@code body} throws, the capture is discarded and the exception propagates
     */
    public Model capture(CaptureMode mode, Consumer<Stream> body) {
        Objects.requireNonNull(body, "Stream.capture: body is null");
        try (Capture capture = beginCapture("Stream.capture", mode)) {
            body.accept(this);
            return capture.end("Stream.capture");
        }
    }

    /**
     * What the stream is, which one, and whether it captures:
     * {@code "Stream#3 on device 0, capturing GLOBAL"} (or {@code "..., capturing GLOBAL, joined
     * from Stream#1"} for a stream that joined another's capture through an event).
     */
    @Override
    public String toString() {
        Capture taking = capture;
        if (taking == null || isClosed()) {
            return super.toString();
        }
        return describe() + ", capturing " + taking.mode()
                + (taking.stream() == this ? "" : ", joined from " + taking.stream().describe());
    }

    /**
     * This stream's capture state.
     *
     * @return NONE, ACTIVE or INVALIDATED
     */
    public CaptureStatus captureStatus() {
        return captureStatus("Stream.captureStatus");
    }

    CaptureStatus captureStatus(String operation) {
        return CaptureStatus.ofCode(api().captureStatus(operation, handle()));
    }

    /**
     * Closes the stream after the work issued to it has finished (also while another thread waits
     * in {@link #synchronize()}). Refused with a {@link CaptureException}
     * ({@code ACL_ERROR_RT_STREAM_CAPTURED}) while the stream captures: end the capture
     * ({@link Capture#end()}) or abandon it (close the {@link Capture}) first. Closing the stream's
     * device or runtime closes it in any state, ending a capture and discarding its model.
     */
    @Override
    public void close() {
        if (!isClosed()) {
            CaptureStatus status;
            try {
                status = captureStatus("Stream.close");
            } catch (IllegalStateException closedMeanwhile) {
                status = CaptureStatus.NONE;
            }
            if (status != CaptureStatus.NONE) {
                String reason = "the stream is capturing (" + status + "); end the capture with capture.end() or "
                        + "abandon it by closing the Capture, then close the stream";
                throw new CaptureException(107027, "Stream.close", reason, reason, null);
            }
        }
        super.close();
    }
}
