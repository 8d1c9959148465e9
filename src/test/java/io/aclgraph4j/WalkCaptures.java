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

/** The random walk's captures (scope and lambda forms, task groups, modes) and models (replays, updates). */
abstract class WalkCaptures extends WalkWork {
    WalkCaptures(long seed, int actions) {
        super(seed, actions);
    }

    // ---- captures ----

    Expect beginRule(StreamM stream) {
        return !stream.open ? Expect.CLOSED : stream.capture != null ? Expect.capture(107027) : Expect.OK;
    }

    CaptureM started(StreamM stream, CaptureMode mode, Capture capture) {
        CaptureM model = new CaptureM(id(), stream, mode, capture);
        stream.capture = model;
        active.add(model);
        return model;
    }

    /** The capture is over natively (ended, discarded or left): its streams are free again. */
    void left(CaptureM capture, GroupState groups) {
        if (!capture.active) {
            return;
        }
        capture.active = false;
        active.remove(capture);
        for (Member member : capture.members) {
            if (member.stream.capture == capture) {
                member.stream.capture = null;
            }
        }
        for (GroupM group : capture.groups) {
            group.state = groups;
        }
    }

    String beginCapture() {
        StreamM stream = pickStream();
        if (stream == null || captures.size() >= 3) {
            return null;
        }
        if (stream.open && stream.capture == null) {
            drain(stream);
        }
        CaptureMode mode = CaptureMode.values()[random.nextInt(3)];
        Capture capture = call(stream + ".beginCapture(" + mode + ")", beginRule(stream),
                () -> stream.stream.beginCapture(mode));
        if (capture != null) {
            captures.add(started(stream, mode, capture));
        }
        return "begin";
    }

    /** What ending {@code capture} on {@code thread} does natively. */
    Expect endRule(CaptureM capture, boolean onWalkThread) {
        if (!capture.active) {
            return Expect.CLOSED; // its stream was closed: end() meets the closed stream
        }
        if (!onWalkThread && capture.mode != CaptureMode.RELAXED) {
            return Expect.capture(107038);
        }
        if (capture.invalidated) {
            return Expect.capture(507903);
        }
        return capture.allJoined() ? Expect.OK : Expect.capture(107025);
    }

    CaptureM pickCapture() {
        return captures.isEmpty() ? null : captures.get(random.nextInt(captures.size()));
    }

    String endCapture() {
        CaptureM capture = pickCapture();
        if (capture == null) {
            return null;
        }
        return end(capture, true);
    }

    String endCaptureElsewhere() {
        CaptureM capture = pickCapture();
        if (capture == null) {
            return null;
        }
        return end(capture, false);
    }

    /** Joins every joined stream back to the origin, as a well-behaved program does before end(). */
    void joinEveryStreamBack(CaptureM capture) {
        List<EventM> open = events.stream().filter(e -> e.open).toList();
        if (open.isEmpty() || !capture.active) {
            return;
        }
        for (Member member : List.copyOf(capture.members)) {
            if (member.stream != capture.origin && member.stream.open && capture.active) {
                EventM event = open.get(random.nextInt(open.size()));
                if (record(event, member.stream)) {
                    waitFor(capture.origin, event);
                }
            }
        }
    }

    String end(CaptureM capture, boolean onWalkThread) {
        if (chance(0.5)) {
            joinEveryStreamBack(capture);
        }
        Expect expected = endRule(capture, onWalkThread);
        Model model = call((onWalkThread ? "" : "[other thread] ") + capture + ".end()", expected,
                () -> {
                    if (onWalkThread) {
                        return capture.capture.end();
                    }
                    Model[] result = new Model[1];
                    onHelper(() -> result[0] = capture.capture.end());
                    return result[0];
                });
        ended(capture, model);
        if (!onWalkThread || random.nextInt(10) == 0) {
            run(capture + ".end() again", Expect.CLOSED, capture.capture::end);
        }
        return "end";
    }

    /** After Capture.end(): the capture left, a model made or the groups closed. */
    void ended(CaptureM capture, Model model) {
        capture.javaEnded = true;
        captures.remove(capture);
        if (model != null) {
            multiStreamModels += capture.members.size() > 1 ? 1 : 0;
            ModelM made = new ModelM(id(), capture.origin.owner, model, new ArrayList<>(capture.tasks));
            keep(models, made, 16);
            left(capture, GroupState.LIVE);
            for (GroupM group : capture.groups) {
                group.model = made;
            }
        } else {
            left(capture, GroupState.DISCARDED);
            for (GroupM group : capture.groups) {
                group.open = false;
            }
        }
    }

    String abandonCapture() {
        CaptureM capture = pickCapture();
        if (capture == null) {
            return null;
        }
        boolean onWalkThread = chance(0.7);
        Expect expected = capture.active ? endRule(capture, onWalkThread) : Expect.OK;
        if (expected.ok() || expected.equals(Expect.CLOSED)) {
            expected = Expect.OK;
        }
        run((onWalkThread ? "" : "[other thread] ") + capture + ".close()", expected, () -> {
            if (onWalkThread) {
                capture.capture.close();
            } else {
                onHelper(capture.capture::close);
            }
        });
        ended(capture, null);
        run(capture + ".close() again", Expect.OK, capture.capture::close);
        return "abandon";
    }

    String lambdaCapture() {
        StreamM stream = pickStream();
        if (stream == null) {
            return null;
        }
        if (stream.open && stream.capture == null) {
            drain(stream);
        }
        CaptureMode mode = CaptureMode.values()[random.nextInt(3)];
        Expect begin = beginRule(stream);
        if (!begin.ok()) {
            run(stream + ".capture(" + mode + ", body)", begin, () -> stream.stream.capture(mode, s -> {
                throw new AssertionError("the body of a refused capture ran");
            }));
            return "lambda";
        }
        boolean bodyThrows = chance(0.15);
        boolean tidy = chance(0.5);
        int steps = random.nextInt(7);
        CaptureM[] model = new CaptureM[1];
        note(stream + ".capture(" + mode + ", body of " + steps + " actions" + (bodyThrows ? ", then throws"
                : "") + ") {");
        Throwable thrown = null;
        Model result = null;
        try {
            result = stream.stream.capture(mode, s -> {
                model[0] = started(stream, mode, null);
                for (int i = 0; i < steps; i++) {
                    step(true);
                }
                if (tidy) {
                    joinEveryStreamBack(model[0]);
                }
                if (bodyThrows) {
                    throw new BodyFailure();
                }
            });
        } catch (AssertionError nested) {
            throw nested;
        } catch (Throwable t) {
            thrown = t;
        }
        CaptureM capture = model[0];
        if (capture == null) {
            check("} the capture did not begin", Expect.OK, thrown);
            throw failure("the capture's body never ran", thrown);
        }
        Expect expected = bodyThrows ? new Expect(BodyFailure.class, null) : endRule(capture, true);
        check("} " + capture + " ends", expected, thrown);
        if (bodyThrows) {
            // Leaving by the exception discards the capture; a refused end is suppressed, not lost.
            Expect discard = capture.active ? endRule(capture, true) : Expect.OK;
            Throwable[] suppressed = thrown.getSuppressed();
            Expect closing = discard.equals(Expect.CLOSED) ? Expect.OK : discard;
            check("  (suppressed on the way out)", closing, suppressed.length == 0 ? null : suppressed[0]);
        }
        capture.javaEnded = true;
        if (result != null) {
            multiStreamModels += capture.members.size() > 1 ? 1 : 0;
            keep(models, new ModelM(id(), stream.owner, result, new ArrayList<>(capture.tasks)), 16);
        }
        left(capture, GroupState.DISCARDED);
        return "lambda";
    }

    String taskGroup() {
        CaptureM capture = pickCapture();
        if (capture == null) {
            return null;
        }
        StreamM origin = capture.origin;
        List<OpM> launched = new ArrayList<>();
        for (int i = random.nextInt(1, 3); i > 0; i--) {
            OpM op = pick(ops);
            if (op == null) {
                return null;
            }
            launched.add(op);
        }
        boolean withCopy = chance(0.1);
        HostM host = withCopy ? pick(hosts) : null;
        TensorM tensor = withCopy ? pickTensorLike(launched.get(0).self) : null;
        if (withCopy && (host == null || tensor == null)) {
            return null;
        }
        // The body's calls, predicted one by one; the first failure ends the body.
        List<Expect> steps = new ArrayList<>();
        Expect bodyFailure = null;
        boolean invalidatesByCopy = false;
        for (OpM op : launched) {
            Expect step = !origin.open ? Expect.CLOSED : launchRule(op, origin);
            steps.add(step);
            if (!step.ok()) {
                bodyFailure = step;
                break;
            }
        }
        if (bodyFailure == null && withCopy) {
            Expect copy = copyOperands(host, tensor, true);
            if (copy == null) {
                copy = streamOperands(host, tensor, origin);
            }
            if (copy == null) {
                copy = Expect.capture(507009);
                invalidatesByCopy = true;
            }
            bodyFailure = copy;
        }
        Expect expected;
        if (capture.javaEnded) {
            expected = Expect.CLOSED; // "this capture already ended"
        } else if (!origin.open || !capture.active) {
            expected = Expect.CLOSED;
        } else if (bodyFailure != null) {
            expected = bodyFailure;
        } else if (capture.invalidated) {
            // The group's end (Context::StreamEndTaskGrp): the model's first group failure, else 507903.
            expected = Expect.capture(capture.groupError != 0 ? capture.groupError : 507903);
        } else {
            expected = Expect.OK;
        }
        List<TaskM> kernels = new ArrayList<>();
        TaskGroup group = call(capture + ".taskGroup(" + launched + (withCopy ? " + copy" : "") + ")", expected,
                () -> capture.capture.taskGroup(() -> {
                    for (OpM op : launched) {
                        op.op.launch(origin.stream);
                    }
                    if (withCopy) {
                        origin.stream.copyAsync(host.host, tensor.tensor);
                    }
                }));
        if (!capture.javaEnded && origin.open && capture.active) {
            // The group begins with the device's task-prefetch count of NOP tasks (8 on the 910B).
            for (int i = 0; i < 8; i++) {
                capture.tasks.add(new TaskM("NOP", () -> { }));
            }
            for (int i = 0; i < steps.size(); i++) {
                if (steps.get(i).ok()) {
                    TaskM kernel = new TaskM(launched.get(i).name, launched.get(i)::apply);
                    kernels.add(kernel);
                    capture.tasks.add(kernel);
                    capture.member(origin).lastIsRecord = false;
                }
            }
            if (invalidatesByCopy) {
                capture.invalidated = true;
                if (capture.groupError == 0) {
                    capture.groupError = 507009;
                }
            }
        }
        if (group != null) {
            GroupM made = new GroupM(id(), capture.origin.owner, group, kernels);
            capture.groups.add(made);
            keep(groups, made, 12);
        }
        return "taskGroup";
    }

    String captureStatus() {
        StreamM stream = pickStream();
        if (stream == null) {
            return null;
        }
        CaptureStatus[] status = new CaptureStatus[1];
        if (run(stream + ".captureStatus", stream.open ? Expect.OK : Expect.CLOSED,
                () -> status[0] = stream.stream.captureStatus())) {
            CaptureStatus expected = stream.capture == null ? CaptureStatus.NONE
                    : CaptureStatus.ACTIVE;
            if (status[0] != expected) {
                throw failure(stream + " capture status " + status[0] + ", expected " + expected, null);
            }
        }
        return "status";
    }

    String modeScope() {
        if (!scopes.isEmpty() && chance(0.55)) {
            Scope top = scopes.peek();
            if (scopes.size() > 1 && chance(0.15)) {
                Scope inner = scopes.stream().skip(1).findFirst().orElseThrow();
                run("close capture mode scope " + inner.mode() + " out of order", Expect.CLOSED,
                        inner.scope()::close);
            } else if (chance(0.1)) {
                run("[other thread] close capture mode scope " + top.mode(), Expect.CLOSED,
                        () -> onHelper(top.scope()::close));
            } else if (run("close capture mode scope " + top.mode(), Expect.OK, top.scope()::close)) {
                scopes.pop();
                walkMode = top.previous();
            }
            return "scope";
        }
        if (scopes.size() >= 4) {
            return null;
        }
        CaptureMode mode = CaptureMode.values()[random.nextInt(3)];
        CaptureModeScope scope = call("runtime.captureMode(" + mode + ")", Expect.OK,
                () -> runtime.captureMode(mode));
        if (scope.previous() != walkMode) {
            throw failure("the scope replaced " + scope.previous() + ", expected " + walkMode, null);
        }
        scopes.push(new Scope(scope, mode, walkMode));
        walkMode = mode;
        return "scope";
    }

    // ---- models ----

    String replay() {
        ModelM model = pick(models);
        StreamM stream = pickStream();
        if (model == null || stream == null) {
            return null;
        }
        prepareIssue(stream);
        Expect expected = !model.open || !stream.open ? Expect.CLOSED
                : model.deviceId != stream.deviceId ? Expect.invalid(-2)
                : stream.capture != null ? Expect.capture(107027) : Expect.OK;
        boolean wait = chance(0.5);
        if (run(model + (wait ? ".execute(" : ".executeAsync(") + stream + ")", expected,
                () -> {
                    if (wait) {
                        model.model.execute(stream.stream);
                    } else {
                        model.model.executeAsync(stream.stream);
                    }
                })) {
            for (TaskM task : model.tasks) {
                task.effect.run();
            }
            if (!wait) {
                pending.add(stream);
            }
        }
        return "replay";
    }

    String debugJson() {
        ModelM model = pick(models);
        if (model == null) {
            return null;
        }
        String json = call(model + ".debugJson", model.open ? Expect.OK : Expect.CLOSED, model.model::debugJson);
        if (json != null) {
            long tasks = json.lines().filter(line -> line.contains("\"ph\":\"X\"")).count();
            if (tasks != model.tasks.size()) {
                throw failure(model + " JSON lists " + tasks + " tasks, expected " + model.tasks.size() + ":\n"
                        + json, null);
            }
        }
        return "json";
    }

    String updateGroup() {
        GroupM group = pick(groups);
        StreamM stream = pick(streams);
        if (group == null || stream == null || stream.deviceId != group.deviceId
                || group.open && group.state == GroupState.CAPTURING) {
            return null; // updates of a group whose capture still runs: see ConcurrencyStressTest
        }
        prepareIssue(stream);
        int size = group.kernels.size();
        int count = chance(0.85) ? size : Math.max(0, size + (chance(0.5) ? 1 : -1));
        List<OpM> launched = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<OpM> candidates = ops.stream().filter(o -> o.open && o.deviceId() == stream.deviceId).toList();
            if (candidates.isEmpty()) {
                return null;
            }
            // Mostly an operator the captured kernel can take (same kind, types, shapes, strides).
            String captured = i < size ? group.group.kernelSignatures().get(i) : null;
            List<OpM> fitting = candidates.stream().filter(o -> o.op.signature().equals(captured)).toList();
            List<OpM> from = !fitting.isEmpty() && chance(0.8) ? fitting : candidates;
            launched.add(from.get(random.nextInt(from.size())));
        }
        Expect expected;
        // All or nothing: the count and each kernel's operands are checked before anything changes.
        boolean sameKernels = count == size;
        for (int i = 0; sameKernels && i < size; i++) {
            sameKernels = group.group.kernelSignatures().get(i).equals(launched.get(i).op.signature());
        }
        if (!stream.open || !group.open) {
            expected = Expect.CLOSED;
        } else if (!sameKernels) {
            expected = new Expect(TaskUpdateException.class, -2); // checked before the native update begins
        } else if (group.state == GroupState.MODEL_CLOSED) {
            expected = Expect.CLOSED;
        } else if (group.state == GroupState.DISCARDED) {
            expected = Expect.invalid(107000);
        } else if (stream.capture != null) {
            expected = Expect.capture(107027);
        } else {
            expected = Expect.OK;
        }
        if (run(group + ".update(" + stream + ", " + launched + ")", expected,
                () -> group.group.update(stream.stream, () -> {
                    for (OpM op : launched) {
                        op.op.launch(stream.stream);
                    }
                }))) {
            for (int i = 0; i < size; i++) {
                group.kernels.get(i).effect = launched.get(i)::apply;
            }
        }
        if (stream.open && stream.capture == null && group.open && group.state == GroupState.LIVE) {
            pending.add(stream);
        }
        return "update";
    }
}
