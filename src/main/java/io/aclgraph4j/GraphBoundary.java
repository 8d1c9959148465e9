package io.aclgraph4j;

import java.util.Objects;

/**
 * Tasks across a model's boundary: EXTERNAL event records and waits inside a capture, and value
 * write/wait tasks (eager or captured). The facade's checks, then the native call. Not API.
 */
final class GraphBoundary {
    private static final long WORD_BYTES = Long.BYTES;

    private GraphBoundary() {}

    /** An EXTERNAL record ({@code record}) or wait of {@code event} on {@code stream}, which must capture. */
    static void external(String operation, Event event, Stream stream, boolean record) {
        Objects.requireNonNull(event, operation + ": event is null");
        Objects.requireNonNull(stream, operation + ": stream is null");
        stream.checkOnlyKernels(operation);
        long eventHandle = event.handle();
        long streamHandle = stream.handle();
        event.requireSameDevice(operation, stream);
        stream.runtime.require(Feature.EXTERNAL_EVENTS, operation);
        Capture capture = stream.capture();
        if (capture == null || !capture.isRecording()) {
            throw new IllegalStateException(operation + ": " + stream + " is not capturing: an external "
                    + (record ? "record" : "wait") + " is a task of a model (outside captures use "
                    + (record ? "event.record(stream)" : "stream.waitFor(event)") + "), and bodies of conditional "
                    + "tasks take none");
        }
        if (record) {
            stream.api().eventRecordExternal(operation, eventHandle, streamHandle);
        } else {
            stream.api().streamWaitEventExternal(operation, streamHandle, eventHandle);
        }
        CapturedGraph graph = stream.capturedGraph();
        if (graph != null) {
            if (record) {
                graph.eventRecord(stream, event);
            } else {
                graph.eventWait(stream, event);
            }
        }
    }

    /** A value write ({@code condition} null) or wait on the 8-byte word {@code word}. */
    static void value(String operation, Stream stream, Memory word, long value, ValueCondition condition) {
        stream.checkOnlyKernels(operation);
        if (word instanceof HostBuffer) {
            throw InvalidArgumentException.refused(operation, "the word " + word + " is host memory: value tasks "
                    + "take device memory");
        }
        Regions.Region region = Regions.region(operation, "word", word);
        if (region.bytes() != WORD_BYTES) {
            throw InvalidArgumentException.refused(operation, "the word " + word + " has " + region.bytes()
                    + " bytes, not 8: give an 8-byte buffer or a tensor of one INT64 or UINT64 element");
        }
        Regions.checkDevice(operation, "word", word, stream.device().id(), "the stream",
                "issue the task on a stream of the word's device");
        long handle = stream.handle();
        stream.runtime.require(Feature.VALUE_TASKS, operation);
        if (condition == null) {
            stream.api().valueWriteAsync(operation, handle, region.handle(), region.offset(), value);
        } else {
            stream.api().valueWaitAsync(operation, handle, region.handle(), region.offset(), value, condition.code());
        }
        CapturedGraph graph = stream.capturedGraph();
        if (graph != null) {
            graph.value(stream, condition == null, condition == null ? "write " + value : "wait " + condition + " "
                    + value);
        }
    }
}
