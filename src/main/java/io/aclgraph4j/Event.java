package io.aclgraph4j;

import java.util.Objects;

/**
 * A marker in a stream's work ({@code aclrtEvent}, created with ACL_EVENT_SYNC): other streams can
 * wait for it, also inside a capture, where recording it on the capturing stream and waiting on
 * it from another stream forks that stream into the capture.
 */
public final class Event extends OnDevice {
    /** The capture its latest record was part of (null: recorded outside captures, or never). */
    private volatile Capture recordedIn;

    Event(Device device, long handle) {
        super(device, handle, "Event", "on device " + device.id(), false);
    }

    /**
     * Marks the work issued to {@code stream} so far; the stream must be of this event's device.
     *
     * @param stream the stream whose work the event marks
     */
    public void record(Stream stream) {
        Objects.requireNonNull(stream, "Event.record: stream is null");
        stream.checkOnlyKernels("Event.record");
        long event = handle();
        long on = stream.handle(); // both open: then the devices
        requireSameDevice("Event.record", stream);
        api().eventRecord("Event.record", event, on);
        recordedIn = stream.capture();
        CapturedGraph graph = stream.capturedGraph();
        if (graph != null) {
            graph.eventRecord(stream, this);
        }
    }

    /**
     * Inside a capture: every replay of the model records this event when it reaches the task, so
     * that work outside the model (another stream, another model) can wait for the replay with
     * {@link Stream#waitFor} ({@code aclrtRecordEventWithFlag} with ACL_EVENT_RECORD_EXTERNAL,
     * {@link Feature#EXTERNAL_EVENTS}). A wait issued after a replay was launched waits for that
     * replay's record. An event takes one external record or wait per model.
     *
     * @param stream a capturing stream of this event's device
     */
    public void recordExternal(Stream stream) {
        GraphBoundary.external("Event.recordExternal", this, stream, true);
    }

    /** The capture its latest record was part of, or null. */
    Capture recordedIn() {
        return recordedIn;
    }

    /** An event belongs to its device's context: streams of another device can neither record nor wait for it. */
    void requireSameDevice(String operation, Stream stream) {
        if (stream.device().id() != device.id()) {
            throw InvalidArgumentException.refused(operation, this + " is of device " + device.id() + " but "
                    + stream + " is of device " + stream.device().id() + ": use an event created by "
                    + "the stream's device (device.createEvent())");
        }
    }

    /** Waits until the marked work has run. */
    public void synchronize() {
        api().eventSynchronize("Event.synchronize", handle());
    }

    /**
     * Whether the marked work has run.
     *
     * @return true once everything recorded before the event is done
     */
    public boolean isComplete() {
        return api().eventQuery("Event.isComplete", handle());
    }
}
