package io.aclgraph4j;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * Events for Java Flight Recorder ({@code jdk.jfr}): a capture, a replay and a task update, each
 * with its duration. Enabled like any JFR event ({@code -XX:StartFlightRecording}, JMC, or a
 * {@link jdk.jfr.Recording} with {@code enable("io.aclgraph4j.Replay")}); when no recording wants
 * them they cost a check.
 */
final class FlightEvents {
    private FlightEvents() {}

    /** A capture, from {@code beginCapture} to the end that made (or failed to make) its model. */
    @Name("io.aclgraph4j.Capture")
    @Label("Capture")
    @Category({"aclgraph4j"})
    @Description("A stream captured tasks into a model (aclmdlRICaptureBegin ... aclmdlRICaptureEnd)")
    @StackTrace(false)
    static final class CaptureEvent extends Event {
        @Label("Stream")
        String stream;
        @Label("Mode")
        String mode;
        @Label("Model")
        String model;
        @Label("Tasks")
        int tasks;
        @Label("Streams")
        int streams;
        @Label("Succeeded")
        boolean succeeded;
    }

    /** A replay: enqueueing it ({@code executeAsync}), or enqueueing and waiting ({@code execute}). */
    @Name("io.aclgraph4j.Replay")
    @Label("Replay")
    @Category({"aclgraph4j"})
    @Description("A model replay (aclmdlRIExecuteAsync); waited for when Synchronous")
    @StackTrace(false)
    static final class ReplayEvent extends Event {
        @Label("Model")
        String model;
        @Label("Stream")
        String stream;
        @Label("Synchronous")
        boolean synchronous;
    }

    /** A task group's update: check, then the relaunch of its kernels. */
    @Name("io.aclgraph4j.TaskUpdate")
    @Label("Task Update")
    @Category({"aclgraph4j"})
    @Description("A task group's kernels replaced in its model (aclmdlRICaptureTaskUpdateBegin ... End)")
    @StackTrace(false)
    static final class UpdateEvent extends Event {
        @Label("Task Group")
        String taskGroup;
        @Label("Stream")
        String stream;
        @Label("Kernels")
        int kernels;
        @Label("Succeeded")
        boolean succeeded;
    }
}
