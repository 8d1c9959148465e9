package io.aclgraph4j;

import java.util.Objects;

/**
 * Captured kernels whose arguments can be replaced later without capturing again
 * ({@code aclmdlRICaptureTaskGrpBegin/End}, {@code aclmdlRICaptureTaskUpdateBegin/End}). Made by
 * {@link Capture#taskGroup(Runnable)}; {@link #update(Stream, Runnable)} relaunches the same
 * number of kernels with new operands, which then replace the group's kernels in the model.
 */
public final class TaskGroup extends NativeObject {
    private final Device device;

    TaskGroup(Device device, long handle) {
        super(device.runtime, device.owned(), handle, "TaskGroup(on device " + device.id() + ")");
        this.device = device;
    }

    /**
     * The device the group was captured on.
     *
     * @return the group's device
     */
    public Device device() {
        return device;
    }

    /**
     * Replaces the group's kernels with those {@code body} launches on {@code stream} (same number
     * and kinds). {@code stream} must not be capturing. The update is ordered on {@code stream}:
     * synchronise it (or order the model's stream after it with an event) before the next replay.
     *
     * @param stream a stream of the group's device, not capturing
     * @param body launches the replacement kernels on {@code stream}
     */
    public void update(Stream stream, Runnable body) {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(body, "body");
        api().taskUpdateBegin(stream.handle(), handle());
        boolean bodyCompleted = false;
        try {
            body.run();
            bodyCompleted = true;
        } finally {
            try {
                api().taskUpdateEnd(stream.handle());
            } catch (RuntimeException endFailure) {
                if (bodyCompleted) {
                    throw endFailure;
                }
                // The body's own exception is propagating; keep it primary.
            }
        }
    }
}
