package io.aclgraph4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
public final class Model extends NativeObject {
    private final Device device;

    Model(Device device, long handle) {
        super(device.runtime, device.owned(), handle, "Model(on device " + device.id() + ")");
        this.device = device;
    }

    /**
     * The device the model was captured on; it replays on that device's streams only.
     *
     * @return the model's device
     */
    public Device device() {
        return device;
    }

    /**
     * Enqueues one replay on {@code stream} and returns; wait with {@link Stream#synchronize()}.
     *
     * @param stream a stream of the model's device
     */
    public void executeAsync(Stream stream) {
        Objects.requireNonNull(stream, "Model.executeAsync: stream is null");
        stream.checkOnlyKernels("Model.executeAsync");
        api().modelExecuteAsync(handle(), stream.handle());
    }

    /**
     * Replays once on {@code stream} and waits for the stream, as {@link #executeAsync} then
     * {@link Stream#synchronize()} would, in one native call.
     *
     * @param stream a stream of the model's device
     */
    public void execute(Stream stream) {
        Objects.requireNonNull(stream, "Model.execute: stream is null");
        stream.checkOnlyKernels("Model.execute");
        api().modelExecute(handle(), stream.handle());
    }

    /**
     * Writes the model's tasks as Chrome-trace JSON ({@code aclmdlRIDebugJsonPrint}) to {@code path}.
     *
     * @param path the file to write (replaced if it exists)
     */
    public void debugJson(Path path) {
        Objects.requireNonNull(path, "path");
        api().modelDebugJson(handle(), path.toAbsolutePath().toString());
    }

    /**
     * The model's tasks as Chrome-trace JSON text.
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

    /** Writes the model's tasks to the runtime's log ({@code aclmdlRIDebugPrint}). */
    public void debugPrint() {
        api().modelDebugPrint(handle());
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
