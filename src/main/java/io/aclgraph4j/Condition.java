package io.aclgraph4j;

import java.util.Objects;

/**
 * The value that decides a conditional task ({@code aclmdlRICondHandle}): 64 bits in device memory,
 * made by a {@link ConditionalScope} and read when a replay reaches the task. Set it from the host
 * between replays ({@link #set}), or from device memory by a task in stream order
 * ({@link #copyFromAsync}), captured in the model or a body so that the graph computes it (a loop
 * counter the body counts down). It lives as long as its model: once the model is closed (or its
 * capture ended without one) every method throws IllegalStateException.
 */
public final class Condition extends NativeObject {
    private static final long VALUE_BYTES = Long.BYTES;

    private final Device device;
    /** The scope that made it, the only one whose task it may decide. */
    final Conditionals scope;
    private volatile ConditionType type;
    private volatile Model model;

    Condition(Device device, long handle, Conditionals scope) {
        super(device.runtime, device.owned(), handle,
                numbered(device.runtime, "Condition", "on device " + device.id()));
        this.device = device;
        this.scope = scope;
    }

    /**
     * The device whose memory holds the value.
     *
     * @return the device of the capture that made it
     */
    public Device device() {
        return device;
    }

    /**
     * What the condition decides.
     *
     * @return the type of the task it was given, or null before it was given one
     */
    public ConditionType type() {
        return type;
    }

    void type(ConditionType given) {
        type = given;
    }

    void model(Model captured) {
        model = captured;
    }

    /** Throws IllegalStateException once this condition, or its model, is closed. */
    private long open(String operation) {
        long handle = handle();
        Model owner = model;
        if (owner != null && owner.isClosed()) {
            throw new IllegalStateException(operation + ": " + describe() + " belongs to " + owner
                    + ": a condition lives as long as its model");
        }
        return handle;
    }

    /**
     * Writes the value now, synchronously: between replays, the next replay reads it (a
     * {@link ConditionalScope#conditionResetTo} condition is reset at each launch instead). An
     * "unsafe" call while a capture is active.
     *
     * @param value the new value; IF tests it against 0, SWITCH as an unsigned index
     */
    public void set(long value) {
        api().conditionSet("Condition.set", open("Condition.set"), value);
    }

    /**
     * Reads the value now, synchronously (after a replay, what its tasks left there).
     *
     * @return the value
     */
    public long get() {
        return api().conditionGet("Condition.get", open("Condition.get"));
    }

    /**
     * Copies 8 bytes of device memory into the value, in {@code stream}'s order: captured when the
     * stream captures (every replay copies), else at once in stream order. The usual way to let the
     * graph decide: keep a counter in an INT64 tensor, change it with operators, copy it here.
     *
     * @param stream the stream issuing the copy, of this condition's device
     * @param source 8 bytes of device memory of that device: an 8-byte buffer, or a contiguous
     *     tensor of one INT64 or UINT64 element
     */
    public void copyFromAsync(Stream stream, Memory source) {
        Objects.requireNonNull(stream, "Condition.copyFromAsync: stream is null");
        long handle = open("Condition.copyFromAsync");
        stream.checkOnlyKernels("Condition.copyFromAsync");
        if (source instanceof HostBuffer) {
            throw InvalidArgumentException.refused("Condition.copyFromAsync", "the source " + source + " is host "
                    + "memory: copy from device memory, or set the value from the host with set()");
        }
        Regions.Region region = Regions.region("Condition.copyFromAsync", "source", source);
        if (region.bytes() != VALUE_BYTES) {
            throw InvalidArgumentException.refused("Condition.copyFromAsync", "the source " + source + " has "
                    + region.bytes() + " bytes but the value has 8: give an 8-byte buffer or a tensor of one INT64 "
                    + "element");
        }
        String remedy = "make the condition in a capture of that device";
        Regions.checkDevice("Condition.copyFromAsync", "source", source, device.id(), describe(), remedy);
        if (stream.device().id() != device.id()) {
            throw InvalidArgumentException.refused("Condition.copyFromAsync", stream + " is of device "
                    + stream.device().id() + " but " + describe() + " is of device " + device.id());
        }
        api().conditionCopyAsync("Condition.copyFromAsync", stream.handle(), handle, region.handle(), region.offset());
        CapturedGraph graph = stream.capturedGraph();
        if (graph != null) {
            graph.conditionCopy(stream, this);
        }
    }

    /** {@code "Condition#2 on device 0, WHILE"} (its type once given a task). */
    @Override
    public String toString() {
        ConditionType given = type;
        return given == null || isClosed() ? super.toString() : describe() + ", " + given;
    }
}
