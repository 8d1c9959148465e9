package io.aclgraph4j;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The text forms of a captured graph: a listing ({@link Model#debugPrint()}) and Graphviz DOT. */
final class GraphText {
    private GraphText() {}

    static String listing(String title, List<String> streams, List<ModelTask> tasks) {
        StringBuilder text = new StringBuilder(title).append('\n');
        for (int s = 0; s < streams.size(); s++) {
            text.append("stream ").append(s).append(" (").append(streams.get(s)).append(")\n");
            for (ModelTask task : tasks) {
                if (task.stream() == s && !task.inBody()) {
                    listTask(text, "  ", task, tasks);
                }
            }
        }
        return text.toString();
    }

    /** A task's line, then for a conditional task its bodies' tasks, indented. */
    private static void listTask(StringBuilder text, String indent, ModelTask task, List<ModelTask> tasks) {
        text.append(indent).append("task ").append(task.position()).append(": ").append(task).append('\n');
        if (task.type() != ModelTask.Type.CONDITION) {
            return;
        }
        for (int b = 0; b < bodyCount(task); b++) {
            text.append(indent).append("  ").append(bodyName(task, b)).append(":\n");
            for (ModelTask inner : tasks) {
                if (inner.condition() == task.index() && inner.body() == b) {
                    listTask(text, indent + "    ", inner, tasks);
                }
            }
        }
    }

    /** How many bodies a conditional task has: its name ends "with N bodies". */
    static int bodyCount(ModelTask condition) {
        Matcher count = BODIES.matcher(condition.name());
        return count.find() ? Integer.parseInt(count.group(1)) : 0;
    }

    private static final Pattern BODIES = Pattern.compile("with (\\d+) bod(y|ies)$");

    /** {@code "body 0 (then)"}, {@code "body 1 (else)"}, {@code "body 0 (loop)"}, {@code "body 2 (case 2)"}. */
    static String bodyName(ModelTask condition, int body) {
        String name = condition.name();
        String role = name.startsWith("IF ") ? (body == 0 ? "then" : "else")
                : name.startsWith("WHILE ") ? "loop" : "case " + body;
        return "body " + body + " (" + role + ")";
    }

    /**
     * Tasks as nodes (operator, data types and shapes), stream order as solid edges, each event
     * wait joined to the record it waits for by a dashed edge, streams and task groups as clusters,
     * each body of a conditional task as a cluster (nested ones inside) its task points to.
     */
    static String dot(String title, List<String> streams, List<ModelTask> tasks) {
        StringBuilder dot = new StringBuilder("digraph ").append(quote(title)).append(" {\n");
        dot.append("  label=").append(quote(title)).append(";\n  labelloc=t;\n  rankdir=TB;\n  compound=true;\n");
        dot.append("  node [shape=box, style=\"rounded,filled\", fillcolor=white, fontname=\"Helvetica\"];\n");
        List<String> edges = new ArrayList<>();
        for (int s = 0; s < streams.size(); s++) {
            dot.append("  subgraph cluster_stream").append(s).append(" {\n");
            dot.append("    label=").append(quote("stream " + s + ": " + streams.get(s))).append(";\n");
            dot.append("    style=rounded; color=gray50;\n");
            int openGroup = -1;
            for (ModelTask task : tasks) {
                if (task.stream() != s || task.inBody()) {
                    continue;
                }
                if (task.group() != openGroup) {
                    if (openGroup >= 0) {
                        dot.append("    }\n");
                    }
                    openGroup = task.group();
                    if (openGroup >= 0) {
                        dot.append("    subgraph cluster_group").append(openGroup).append(" {\n");
                        dot.append("      label=").append(quote("task group " + openGroup))
                                .append("; style=dashed; color=blue;\n");
                    }
                }
                nodeWithBodies(dot, openGroup >= 0 ? "      " : "    ", task, tasks, edges);
            }
            if (openGroup >= 0) {
                dot.append("    }\n");
            }
            dot.append("  }\n");
        }
        Map<Long, ModelTask> previousInOrder = new HashMap<>();
        Map<String, ModelTask> lastRecord = new HashMap<>();
        for (ModelTask task : tasks) {
            // One chain per stream, and one per body.
            long chain = task.inBody() ? ((long) task.condition() << 32) + task.body() + 1 : -1 - task.stream();
            ModelTask previous = previousInOrder.put(chain, task);
            if (previous != null) {
                dot.append("  ").append(node(previous)).append(" -> ").append(node(task)).append(";\n");
            }
            if (task.type() == ModelTask.Type.EVENT_RECORD) {
                lastRecord.put(task.event(), task);
            } else if (task.type() == ModelTask.Type.EVENT_WAIT) {
                ModelTask record = lastRecord.get(task.event());
                if (record != null) {
                    dot.append("  ").append(node(record)).append(" -> ").append(node(task))
                            .append(" [style=dashed, color=red, label=").append(quote(task.event())).append("];\n");
                }
            }
        }
        edges.forEach(dot::append);
        return dot.append("}\n").toString();
    }

    /** A task's node; for a conditional task, a cluster per body holding its tasks, and the edges to them. */
    private static void nodeWithBodies(StringBuilder dot, String indent, ModelTask task, List<ModelTask> tasks,
                                       List<String> edges) {
        dot.append(indent).append(node(task)).append(" [label=").append(quote(label(task))).append(fill(task))
                .append("];\n");
        if (task.type() != ModelTask.Type.CONDITION) {
            return;
        }
        for (int b = 0; b < bodyCount(task); b++) {
            String cluster = "cluster_" + node(task) + "_body" + b;
            dot.append(indent).append("subgraph ").append(cluster).append(" {\n");
            dot.append(indent).append("  label=").append(quote(bodyName(task, b) + " of task " + task.position()))
                    .append("; style=\"rounded,dashed\"; color=darkorange;\n");
            ModelTask first = null;
            ModelTask last = null;
            for (ModelTask inner : tasks) {
                if (inner.condition() == task.index() && inner.body() == b) {
                    nodeWithBodies(dot, indent + "  ", inner, tasks, edges);
                    first = first == null ? inner : first;
                    last = inner;
                }
            }
            String entry = first != null ? node(first) : node(task) + "_body" + b;
            if (first == null) {
                dot.append(indent).append("  ").append(entry)
                        .append(" [label=\"empty\", shape=plaintext, style=\"\"];\n");
            }
            dot.append(indent).append("}\n");
            edges.add("  " + node(task) + " -> " + entry + " [lhead=" + cluster + ", color=darkorange, label="
                    + quote(bodyName(task, b).replaceAll(".*\\((.*)\\)", "$1")) + "];\n");
            if (last != null && task.name().startsWith("WHILE ")) {
                edges.add("  " + node(last) + " -> " + node(task) + " [ltail=" + cluster
                        + ", style=dotted, color=darkorange, constraint=false, label=\"again\"];\n");
            }
        }
    }

    private static String node(ModelTask task) {
        return "t" + task.index();
    }

    private static String label(ModelTask task) {
        StringBuilder label = new StringBuilder();
        switch (task.type()) {
            case KERNEL -> {
                label.append(task.name());
                for (ModelTask.Operand operand : task.operands()) {
                    label.append('\n').append(operand);
                }
            }
            case COPY -> label.append("copy\n").append(task.name());
            case FILL -> label.append("fill\n").append(task.name());
            case EVENT_RECORD -> label.append("record\n").append(task.event());
            case EVENT_WAIT -> label.append("wait\n").append(task.event());
            case VALUE_WRITE, VALUE_WAIT -> label.append("value\n").append(task.name());
            case CONDITION -> label.append("conditional\n").append(task.name());
            case OTHER -> label.append(task.name());
        }
        return label.toString();
    }

    private static String fill(ModelTask task) {
        return switch (task.type()) {
            case KERNEL -> ", fillcolor=\"#dde8ff\"";
            case COPY, FILL -> ", fillcolor=\"#e8f5e0\"";
            case EVENT_RECORD, EVENT_WAIT, VALUE_WRITE, VALUE_WAIT -> ", shape=ellipse, fillcolor=\"#ffe8e0\"";
            case CONDITION -> ", shape=diamond, fillcolor=\"#fff4cc\"";
            case OTHER -> ", style=\"rounded,dashed\"";
        };
    }

    /** A DOT string: quotes and backslashes escaped, line breaks as DOT's centred "\n". */
    static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
