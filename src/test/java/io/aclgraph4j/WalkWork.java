package io.aclgraph4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.opentest4j.AssertionFailedError;
import io.aclgraph4j.WalkModel.*;

/**
 * The random walk's actions that issue work: copies, fills, launches, events, synchronisation, unsafe calls and
 * host access.
 */
abstract class WalkWork extends WalkCreation {
    WalkWork(long seed, int actions) {
        super(seed, actions);
    }

    // ---- issuing work ----

    /** Regions.region, checkSameSize: the facade's refusal of a copy's operands, in order. */
    static Expect copyOperands(Mem from, Mem to, boolean sameSize) {
        Expect region = from.regionFailure();
        if (region != null) {
            return region;
        }
        region = to.regionFailure();
        if (region != null) {
            return region;
        }
        return sameSize && from.floats() != to.floats() ? Expect.invalid(-2) : null;
    }

    /** The shim's checks of a stream's copy after the ranges: host to host, memory of another device. */
    static Expect streamOperands(Mem from, Mem to, StreamM stream) {
        if (from.isHost() && to.isHost()) {
            return Expect.invalid(-2);
        }
        if (!from.isHost() && from.deviceId() != stream.deviceId
                || !to.isHost() && to.deviceId() != stream.deviceId) {
            return Expect.invalid(-2);
        }
        return null;
    }

    /** Mostly memory a copy on {@code stream} may use: host memory or memory of its device. */
    Mem pickMemoryFor(StreamM stream) {
        for (int attempt = 0; attempt < 4 && chance(0.8); attempt++) {
            Mem memory = pickMemory();
            if (memory != null && (memory.isHost() || memory.deviceId() == stream.deviceId)) {
                return memory;
            }
        }
        return pickMemory();
    }

    String copyAsync() {
        StreamM stream = pickStream();
        if (stream == null) {
            return null;
        }
        Mem from = pickMemoryFor(stream);
        if (stream == null || from == null) {
            return null;
        }
        Mem to = pickMemoryOfSize(from.floats());
        if (to == null) {
            return null;
        }
        return issueCopy(stream, from, 0, to, 0, from.floats(), false);
    }

    String copyAsyncRange() {
        StreamM stream = pickStream();
        if (stream == null) {
            return null;
        }
        Mem from = pickMemoryFor(stream);
        Mem to = pickMemoryFor(stream);
        if (stream == null || from == null || to == null) {
            return null;
        }
        int count = random.nextInt(Math.min(from.floats(), to.floats()) + 1);
        int fromOffset = random.nextInt(from.floats() - count + 1);
        int toOffset = random.nextInt(to.floats() - count + 1);
        if (chance(0.1)) {
            toOffset = to.floats() - count + 1; // one float too far
        }
        return issueCopy(stream, from, fromOffset, to, toOffset, count, true);
    }

    String issueCopy(StreamM stream, Mem from, int fromOffset, Mem to, int toOffset, int count,
                             boolean ranged) {
        prepareIssue(stream);
        Expect expected = copyOperands(from, to, !ranged);
        if (expected == null && ranged && toOffset + count > to.floats()) {
            expected = Expect.invalid(-2);
        }
        if (expected == null && !stream.open) {
            expected = Expect.CLOSED;
        }
        if (expected == null) {
            expected = streamOperands(from, to, stream);
        }
        boolean noTask = count == 0 || (from.storage() == to.storage()
                && from.base() + fromOffset == to.base() + toOffset);
        if (expected == null) {
            expected = Expect.OK;
        }
        String what = stream + ".copyAsync(" + from + (ranged ? "@" + fromOffset : "") + " -> " + to
                + (ranged ? "@" + toOffset + ", " + count + " floats" : "") + ")";
        int fromAt = fromOffset;
        int toAt = toOffset;
        boolean ok = run(what, expected, () -> {
            if (ranged) {
                stream.stream.copyAsync(from.memory(), fromAt * 4L, to.memory(), toAt * 4L, count * 4L);
            } else {
                stream.stream.copyAsync(from.memory(), to.memory());
            }
        });
        if (ok && !noTask) {
            issued(stream, new TaskM("copy", () -> {
                float[] values = Arrays.copyOfRange(from.values(), from.base() + fromAt, from.base() + fromAt
                        + count);
                System.arraycopy(values, 0, to.values(), to.base() + toAt, count);
            }));
        }
        return "copy";
    }

    static float fillPattern(int value) {
        return Float.intBitsToFloat((value & 0xFF) * 0x01010101);
    }

    String fillAsync() {
        StreamM stream = pickStream();
        Mem memory = pickMemory();
        if (stream == null || memory == null) {
            return null;
        }
        prepareIssue(stream);
        int value = chance(0.05) ? 300 : chance(0.7) ? 0 : 0x40;
        Expect expected = memory.regionFailure();
        if (expected == null && !stream.open) {
            expected = Expect.CLOSED;
        }
        // The shim's rules, checked once Java has the stream's handle.
        if (expected == null && value > 0xFF) {
            expected = Expect.invalid(-2);
        }
        if (expected == null && !memory.isHost() && memory.deviceId() != stream.deviceId) {
            expected = Expect.invalid(-2);
        }
        if (expected == null) {
            expected = Expect.OK;
        }
        if (run(stream + ".fillAsync(" + memory + ", " + value + ")", expected,
                () -> stream.stream.fillAsync(memory.memory(), value))) {
            float pattern = fillPattern(value);
            issued(stream, new TaskM("fill", () -> Arrays.fill(memory.values(), memory.base(), memory.base()
                    + memory.floats(), pattern)));
        }
        return "fill";
    }

    Expect launchRule(OpM op, StreamM stream) {
        if (!op.open || !stream.open) {
            return Expect.CLOSED;
        }
        if (op.deviceId() != stream.deviceId) {
            return Expect.invalid(-2);
        }
        return Expect.OK;
    }

    String launch() {
        OpM op = pick(ops);
        StreamM stream = pickStream();
        if (op == null || stream == null) {
            return null;
        }
        prepareIssue(stream);
        if (run(op + ".launch(" + stream + ")", launchRule(op, stream), () -> op.op.launch(stream.stream))) {
            issued(stream, new TaskM(op.name, op::apply));
        }
        return "launch";
    }

    String addOnce() {
        StreamM stream = pickStream();
        TensorM self = pick(tensors);
        ScalarM alpha = pick(scalars);
        if (stream == null || self == null || alpha == null) {
            return null;
        }
        TensorM other = pickTensorLike(self);
        TensorM out = pickTensorLike(self);
        if (other == null || out == null) {
            return null;
        }
        prepareIssue(stream);
        Expect expected;
        if (self.deviceId() != other.deviceId() || self.deviceId() != out.deviceId()) {
            expected = Expect.invalid(-2);
        } else if (!self.open || !other.open || !alpha.open || !out.open) {
            expected = Expect.CLOSED;
        } else {
            expected = shapeRule(self, other.shape, out);
            if (expected == null) {
                return null;
            }
            if (expected.ok() && (!safeAliasing(out, self) || !safeAliasing(out, other))) {
                return null;
            }
            if (expected.ok() && !stream.open) {
                expected = Expect.CLOSED;
            } else if (expected.ok() && self.deviceId() != stream.deviceId) {
                expected = Expect.invalid(-2);
            }
        }
        OpM once = new OpM(0, null, "addOnce", self, other, 0, alpha.value, out);
        if (run("AddOperator.addOnce(" + stream + ", " + self + ", " + other + ", " + alpha + ", " + out + ")",
                expected, () -> AddOperator.addOnce(stream.stream, self.tensor, other.tensor, alpha.scalar,
                        out.tensor))) {
            issued(stream, new TaskM("addOnce", once::apply));
        }
        return "addOnce";
    }

    String record() {
        EventM event = pick(events);
        StreamM stream = pickStream();
        if (event == null || stream == null) {
            return null;
        }
        record(event, stream);
        return "record";
    }

    boolean record(EventM event, StreamM stream) {
        prepareIssue(stream);
        Expect expected = !event.open || !stream.open ? Expect.CLOSED
                : event.owner.deviceId != stream.deviceId ? Expect.invalid(-2) // an event belongs to its device
                : Expect.OK;
        // With hardware capture events (the simulator's default) an event keeps the capture of its
        // latest captured record: recording it in another capture still going links the two
        // (ApiImpl::CaptureEventRecord), 107032, and both are invalidated.
        CaptureM previous = event.activeCapture();
        boolean crossCapture = expected.ok() && stream.capture != null && previous != null
                && previous != stream.capture;
        if (crossCapture) {
            expected = Expect.capture(107032);
        }
        boolean recorded = run(event + ".record(" + stream + ")", expected, () -> event.event.record(stream.stream));
        if (crossCapture) {
            stream.capture.invalidated = true;
            previous.invalidated = true;
        }
        if (recorded) {
            CaptureM capture = stream.capture;
            if (capture != null) {
                capture.tasks.add(new TaskM("record", () -> { }));
                event.captureSequence++;
                event.capture = capture;
                Member member = capture.member(stream);
                member.lastIsRecord = true;
                member.lastEvent = event;
                member.lastSequence = event.captureSequence;
            } else {
                event.capture = null; // an eager record replaces a captured one
                event.recordedOutside = true;
                pending.add(stream);
            }
            return true;
        }
        return false;
    }

    String waitFor() {
        StreamM stream = pickStream();
        EventM event = pick(events);
        if (stream == null || event == null) {
            return null;
        }
        waitFor(stream, event);
        return "wait";
    }

    /** A capture forks: a member records an event that an open stream not capturing waits for. */
    String fork() {
        if (active.isEmpty()) {
            return null;
        }
        CaptureM capture = active.get(random.nextInt(active.size()));
        StreamM member = chance(0.7) ? capture.origin : capture.members.get(random.nextInt(
                capture.members.size())).stream;
        EventM event = pick(events);
        List<StreamM> free = streams.stream().filter(s -> s.open && s.capture == null).toList();
        if (event == null || free.isEmpty()) {
            return null;
        }
        if (record(event, member)) {
            waitFor(free.get(random.nextInt(free.size())), event);
        }
        return "fork";
    }

    /** A joined stream joins back: it records an event the origin (or another member) waits for. */
    String joinBack() {
        List<CaptureM> forked = active.stream().filter(c -> c.members.size() > 1).toList();
        if (forked.isEmpty()) {
            return null;
        }
        CaptureM capture = forked.get(random.nextInt(forked.size()));
        Member member = capture.members.get(1 + random.nextInt(capture.members.size() - 1));
        StreamM waiter = chance(0.8) ? capture.origin : capture.members.get(random.nextInt(
                capture.members.size())).stream;
        EventM event = pick(events);
        if (event == null) {
            return null;
        }
        if (record(event, member.stream)) {
            waitFor(waiter, event);
        }
        return "joinBack";
    }

    boolean waitFor(StreamM stream, EventM event) {
        prepareIssue(stream);
        CaptureM eventCapture = event.activeCapture();
        CaptureM waiterCapture = stream.capture;
        if (eventCapture != null && waiterCapture == null && stream.open) {
            drain(stream); // it is about to join a capture
        }
        Expect expected;
        boolean joins = false;
        if (!stream.open || !event.open) {
            expected = Expect.CLOSED;
        } else if (event.owner.deviceId != stream.deviceId) {
            expected = Expect.invalid(-2); // an event belongs to its device
            eventCapture = null;
        } else if (eventCapture != null) {
            if (waiterCapture != null && waiterCapture != eventCapture) {
                expected = Expect.capture(107032);
            } else {
                joins = waiterCapture == null;
                expected = Expect.OK; // an invalidated capture is joined too
            }
        } else {
            // ApiImpl::StreamWaitEvent: a capture cannot wait on a record made outside it (107024);
            // an event never recorded outside a capture has nothing to wait for (0).
            expected = waiterCapture != null && event.recordedOutside ? Expect.capture(107024) : Expect.OK;
        }
        boolean ok = run(stream + ".waitFor(" + event + ")", expected, () -> stream.stream.waitFor(event.event));
        if (expected.equals(Expect.capture(107032))) {
            waiterCapture.invalidated = true;
            eventCapture.invalidated = true;
        }
        if (joins) {
            eventCapture.members.add(new Member(stream));
            stream.capture = eventCapture;
        }
        if (ok) {
            if (eventCapture != null) {
                eventCapture.tasks.add(new TaskM("wait", () -> { }));
                eventCapture.waits.add(new Wait(event, event.captureSequence, stream));
                eventCapture.member(stream).lastIsRecord = false;
            } else if (waiterCapture == null) {
                pending.add(stream);
            } // else: a capture's wait on an event never recorded outside it records nothing
        }
        return ok;
    }

    String synchronizeStream() {
        StreamM stream = pickStream();
        if (stream == null) {
            return null;
        }
        Expect expected = !stream.open ? Expect.CLOSED : stream.capture != null ? Expect.capture(107027)
                : Expect.OK;
        boolean query = chance(0.3);
        if (query) {
            run(stream + ".isComplete", expected, stream.stream::isComplete);
        } else if (run(stream + ".synchronize", expected, stream.stream::synchronize)) {
            pending.remove(stream);
        }
        return "synchronize";
    }

    String synchronizeDevice() {
        DeviceM device = pick(devices);
        if (device == null) {
            return null;
        }
        boolean capturing = active.stream().anyMatch(c -> c.origin.deviceId == device.deviceId);
        Expect expected = !device.open ? Expect.CLOSED : capturing ? Expect.capture(107027) : Expect.OK;
        if (run(device + ".synchronize", expected, device.device::synchronize)) {
            pending.removeIf(stream -> stream.deviceId == device.deviceId);
        }
        return "synchronizeDevice";
    }

    String synchronizeEvent() {
        EventM event = pick(events);
        if (event == null) {
            return null;
        }
        Expect expected = !event.open ? Expect.CLOSED : event.activeCapture() != null ? Expect.capture(107028)
                : Expect.OK;
        if (chance(0.4)) {
            run(event + ".isComplete", expected, event.event::isComplete);
        } else {
            run(event + ".synchronize", expected, event.event::synchronize);
        }
        return "synchronizeEvent";
    }

    // ---- unsafe calls and the capture-mode rule ----

    /** The simulator's (CANN's) rule for synchronous copies and fills while captures are active. */
    boolean unsafeAllowed(CaptureMode exchange, int contextDevice, boolean onWalkThread) {
        CaptureMode contextMode = null;
        CaptureMode threadMode = null;
        for (CaptureM capture : active) {
            if (capture.origin.deviceId == contextDevice && (contextMode == null
                    || capture.mode.ordinal() < contextMode.ordinal())) {
                contextMode = capture.mode;
            }
            if (onWalkThread && (threadMode == null || capture.mode.ordinal() < threadMode.ordinal())) {
                threadMode = capture.mode;
            }
        }
        if (contextMode == null) {
            return true;
        }
        return switch (exchange) {
            case RELAXED -> true;
            case GLOBAL -> !(contextMode == CaptureMode.GLOBAL || threadMode == CaptureMode.THREAD_LOCAL);
            case THREAD_LOCAL -> !(threadMode == CaptureMode.GLOBAL || threadMode == CaptureMode.THREAD_LOCAL);
        };
    }

    String unsafeCall(boolean onHelper) {
        DeviceM device = pick(devices);
        Mem from = pickMemory();
        if (device == null || from == null) {
            return null;
        }
        syncAllPending();
        boolean fill = chance(0.3);
        Mem to = fill ? from : pickMemoryOfSize(from.floats());
        if (to == null) {
            return null;
        }
        int value = chance(0.7) ? 0 : 0x40;
        CaptureMode helperMode = onHelper && chance(0.7) ? CaptureMode.values()[random.nextInt(3)] : null;
        Expect expected = !device.open ? Expect.CLOSED : fill ? from.regionFailure() : copyOperands(from, to, true);
        if (expected == null) {
            boolean foreign = !from.isHost() && from.deviceId() != device.deviceId
                    || !to.isHost() && to.deviceId() != device.deviceId;
            if (foreign) {
                expected = Expect.invalid(-2);
            }
        }
        if (expected == null) {
            int context = to.isHost() ? from.deviceId() : to.deviceId();
            CaptureMode exchange = onHelper ? (helperMode == null ? CaptureMode.GLOBAL : helperMode) : walkMode;
            expected = unsafeAllowed(exchange, context, !onHelper) ? Expect.OK : Expect.capture(107030);
        }
        String what = (onHelper ? "[other thread" + (helperMode == null ? "" : ", " + helperMode) + "] " : "")
                + device + (fill ? ".fill(" + from + ", " + value + ")" : ".copy(" + from + " -> " + to + ")");
        Executable body = () -> {
            if (fill) {
                device.device.fill(from.memory(), value);
            } else {
                device.device.copy(from.memory(), to.memory());
            }
        };
        Executable call = !onHelper ? body : () -> onHelper(() -> {
            if (helperMode == null) {
                body.execute();
            } else {
                try (CaptureModeScope scope = runtime.captureMode(helperMode)) {
                    body.execute();
                }
            }
        });
        if (run(what, expected, call)) {
            if (fill) {
                Arrays.fill(from.values(), from.base(), from.base() + from.floats(), fillPattern(value));
            } else {
                float[] values = Arrays.copyOfRange(from.values(), from.base(), from.base() + from.floats());
                System.arraycopy(values, 0, to.values(), to.base(), values.length);
            }
        }
        return "unsafe";
    }

    String hostAccess() {
        HostM host = pick(hosts);
        if (host == null) {
            return null;
        }
        syncAllPending();
        Expect expected = host.open ? Expect.OK : Expect.CLOSED;
        if (chance(0.5)) {
            float[] values = new float[host.v.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextInt(-8, 9);
            }
            if (run(host + ".write", expected, () -> host.host.write(values))) {
                System.arraycopy(values, 0, host.v, 0, values.length);
            }
        } else {
            float[] values = new float[host.v.length];
            if (run(host + ".read", expected, () -> host.host.read(values))) {
                compare(host + " read", host.v, values);
            }
        }
        return "host";
    }
}
