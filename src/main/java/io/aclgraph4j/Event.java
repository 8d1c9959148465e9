package io.aclgraph4j;

import java.util.Objects;

/**
 * A marker in a stream's work ({@code aclrtEvent}, created with ACL_EVENT_SYNC): other streams can
 * wait for it, also inside a capture, where recording it on the capturing stream and waiting on
 * it from another stream forks that stream into the capture.
 */
public final class Event extends NativeObject {
    private final Device device;

    Event(Device device, long handle) {
        super(device.runtime, device.owned(), handle, "Event(on device " + device.id() + ")");
        this.device = device;
    }

    public Device device() {
        return device;
    }

    /** Marks the work issued to {@code stream} so far. */
    public void record(Stream stream) {
        Objects.requireNonNull(stream, "stream");
        api().eventRecord(handle(), stream.handle());
    }

    /** Waits until the marked work has run. */
    public void synchronize() {
        api().eventSynchronize(handle());
    }

    /** Whether the marked work has run. */
    public boolean isComplete() {
        return api().eventQuery(handle());
    }
}
