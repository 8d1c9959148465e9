package io.aclgraph4j;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The conditional tasks of one scope: a capture (its stream) or a body being captured (a stream
 * of its own). Shared rules: a scope is used only while it is the innermost one open, a condition
 * decides one task of the scope that made it, and a body whose lambda failed spoils the capture.
 * Not API.
 */
final class Conditionals {
    /** State of the whole capture, shared by its scopes. */
    private static final class Root {
        final Capture capture;
        final List<Condition> conditions = new ArrayList<>(); // guarded by this
        volatile Throwable bodyFailure;

        Root(Capture capture) {
            this.capture = capture;
        }
    }

    private final Root root;
    private final Stream stream;
    private final Conditionals parent;
    private final String name;
    /** The body being captured inside this scope, else null. */
    private volatile Conditionals openChild;
    private volatile boolean ended;

    /** The top-level scope of {@code capture}. */
    Conditionals(Capture capture) {
        this.root = new Root(capture);
        this.stream = capture.stream();
        this.parent = null;
        this.name = "the capture of " + capture.stream().describe();
    }

    private Conditionals(Conditionals parent, Stream stream, String name) {
        this.root = parent.root;
        this.stream = stream;
        this.parent = parent;
        this.name = name;
    }

    Stream stream() {
        return stream;
    }

    /** Refuses a scope that ended, or one that is not the innermost open scope. */
    void checkUsable(String operation) {
        if (ended || !root.capture.isRecording()) {
            throw new IllegalStateException(operation + ": " + name + " already ended"
                    + (parent == null ? "" : ": a Body is usable only inside its lambda"));
        }
        Conditionals child = openChild;
        if (child != null) {
            throw new IllegalStateException(operation + ": " + child.name + " is being captured inside " + name
                    + ": add conditions and conditional tasks to the innermost scope (the Body its lambda was given)");
        }
    }

    Condition condition(String operation, long value, boolean resetEachReplay) {
        checkUsable(operation);
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw InvalidArgumentException.refused(operation, "the value a condition is reset to must be 0 .. "
                    + 0xFFFF_FFFFL + " (32 bits, as aclmdlRICondHandleCreate takes it), not " + value);
        }
        stream.runtime.require(Feature.CONDITIONAL_GRAPHS, operation);
        Condition condition = new Condition(stream.device(),
                stream.api().conditionCreate(operation, stream.handle(), value, resetEachReplay), this);
        synchronized (root) {
            root.conditions.add(condition);
        }
        return condition;
    }

    static List<Consumer<Body>> bodies(Consumer<Body> first) {
        return List.of(Objects.requireNonNull(first, "the body is null"));
    }

    static List<Consumer<Body>> bodies(Consumer<Body> then, Consumer<Body> otherwise) {
        return List.of(Objects.requireNonNull(then, "then is null"), Objects.requireNonNull(otherwise,
                "otherwise is null"));
    }

    static List<Consumer<Body>> cases(String operation, List<Consumer<Body>> cases) {
        Objects.requireNonNull(cases, operation + ": cases is null");
        if (cases.isEmpty()) {
            throw InvalidArgumentException.refused(operation, "a SWITCH needs at least one case");
        }
        List<Consumer<Body>> copy = new ArrayList<>(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            copy.add(Objects.requireNonNull(cases.get(i), operation + ": case " + i + " is null"));
        }
        return copy;
    }

    /** Adds {@code condition}'s task of {@code type} to this scope and captures its bodies, in order. */
    void conditional(String operation, ConditionType type, Condition condition, List<Consumer<Body>> bodies) {
        Objects.requireNonNull(condition, operation + ": condition is null");
        checkUsable(operation);
        stream.runtime.require(Feature.CONDITIONAL_GRAPHS, operation);
        long handle = condition.handle(); // throws once closed
        if (condition.scope != this) {
            throw InvalidArgumentException.refused(operation, condition + " was made by " + condition.scope.name
                    + ", not by " + name + ": a condition decides a task of the scope that made it (make it "
                    + "with this scope's condition())");
        }
        if (condition.type() != null) {
            throw new IllegalStateException(operation + ": " + condition + " decides a task already: make a "
                    + "condition per conditional task");
        }
        stream.api().conditionAddTask(operation, stream.handle(), handle, type.code(), bodies.size());
        condition.type(type);
        CapturedGraph graph = stream.capturedGraph();
        int recorded = graph == null ? -1 : graph.conditional(stream, type + " on " + condition.describe() + " with "
                + bodies.size() + (bodies.size() == 1 ? " body" : " bodies"));
        for (int i = 0; i < bodies.size(); i++) {
            captureBody(operation, condition, i, type, bodies.get(i), graph, recorded);
        }
    }

    /**
     * Captures body {@code index}; its tasks go into {@code graph} (if any) as a body of the task
     * recorded there at {@code recorded}.
     */
    private void captureBody(String operation, Condition condition, int index, ConditionType type,
                             Consumer<Body> lambda, CapturedGraph graph, int recorded) {
        Stream bodyStream;
        try {
            bodyStream = stream.device().createStream();
        } catch (RuntimeException e) {
            root.bodyFailure = e; // the task has a body that will never be captured
            throw e;
        }
        Conditionals scope = new Conditionals(this, bodyStream, "body " + index + " of " + type + " "
                + condition.describe());
        Throwable failure = null;
        try {
            try {
                stream.api().conditionBodyBegin(operation, bodyStream.handle(), condition.handle(), index,
                        root.capture.mode().code());
            } catch (RuntimeException e) {
                root.bodyFailure = e;
                throw e;
            }
            openChild = scope;
            if (graph != null) {
                graph.beginBody(bodyStream, recorded, index);
                bodyStream.bodyGraph(graph);
            }
            try {
                lambda.accept(new Body(scope, index));
            } catch (Throwable thrown) {
                failure = thrown;
                root.bodyFailure = thrown;
                throw thrown;
            } finally {
                openChild = null;
                scope.ended = true;
                if (graph != null) {
                    bodyStream.bodyGraph(null);
                    graph.endBody(bodyStream);
                }
                try {
                    stream.api().conditionBodyEnd(operation, bodyStream.handle(), condition.handle(), index);
                } catch (RuntimeException e) {
                    if (failure == null) {
                        root.bodyFailure = e;
                        throw e;
                    }
                    failure.addSuppressed(e);
                }
            }
        } finally {
            try {
                bodyStream.close();
            } catch (RuntimeException e) {
                // Still capturing after a failed end: the device closes it; the failure is reported.
                AclRuntime.LOG.log(Level.DEBUG, () -> "aclgraph4j: " + bodyStream + " left for its device: " + e);
            }
        }
    }

    /** Before the capture ends: refused inside a body; a failed body discards the capture. */
    void beforeEnd(String operation) {
        Conditionals child = openChild;
        if (child != null) {
            throw new IllegalStateException(operation + ": " + child.name + " is still being captured: end the "
                    + "capture after the conditional task's method returned");
        }
        Throwable failure = root.bodyFailure;
        if (failure != null) {
            root.capture.close();
            String reason = "a body of a conditional task failed (" + failure + "), so the capture is discarded: fix "
                    + "the body and capture again";
            CaptureException refused = new CaptureException(-4, operation, reason, reason, null);
            refused.initCause(failure);
            throw refused;
        }
    }

    /** The capture ended: with {@code model} its conditions live as long as it, without one they close now. */
    void finished(Model model) {
        ended = true;
        List<Condition> conditions;
        synchronized (root) {
            conditions = List.copyOf(root.conditions);
        }
        if (model == null) {
            conditions.forEach(c -> c.closeBecause(" (its capture ended without a model)"));
            return;
        }
        if (conditions.isEmpty()) {
            return;
        }
        conditions.forEach(c -> c.model(model));
        model.onDestroy(() -> conditions.forEach(c -> c.closeBecause(" (its model was closed)")));
    }

    @Override
    public String toString() {
        return name + (ended ? " (ended)" : "");
    }
}
