package io.aclgraph4j;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The text forms of a captured graph: a listing ({@link Model#debugPrint()}) and Graphviz DOT. */
final class GraphText {
    private GraphText() {}

    static String listing(String title, List<String> streams, List<ModelTask> tasks) {
        StringBuilder text = new StringBuilder(title).append('\n');
        for (int s = 0; s < streams.size(); s++) {
            text.append("stream ").append(s).append(" (").append(streams.get(s)).append(")\n");
            for (ModelTask task : tasks) {
                if (task.stream() == s) {
                    text.append("  task ").append(task.position()).append(": ").append(task).append('\n');
                }
            }
        }
        return text.toString();
    }

    /**
     * Tasks as nodes (operator, data types and shapes), stream order as solid edges, each event
     * wait joined to the record it waits for by a dashed edge, streams and task groups as clusters.
     */
    static String dot(String title, List<String> streams, List<ModelTask> tasks) {
        StringBuilder dot = new StringBuilder("digraph ").append(quote(title)).append(" {\n");
        dot.append("  label=").append(quote(title)).append(";\n  labelloc=t;\n  rankdir=TB;\n");
        dot.append("  node [shape=box, style=\"rounded,filled\", fillcolor=white, fontname=\"Helvetica\"];\n");
        for (int s = 0; s < streams.size(); s++) {
            dot.append("  subgraph cluster_stream").append(s).append(" {\n");
            dot.append("    label=").append(quote("stream " + s + ": " + streams.get(s))).append(";\n");
            dot.append("    style=rounded; color=gray50;\n");
            int openGroup = -1;
            for (ModelTask task : tasks) {
                if (task.stream() != s) {
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
                dot.append(openGroup >= 0 ? "      " : "    ").append(node(task)).append(" [label=")
                        .append(quote(label(task))).append(fill(task)).append("];\n");
            }
            if (openGroup >= 0) {
                dot.append("    }\n");
            }
            dot.append("  }\n");
        }
        Map<Integer, ModelTask> previousOnStream = new HashMap<>();
        Map<String, ModelTask> lastRecord = new HashMap<>();
        for (ModelTask task : tasks) {
            ModelTask previous = previousOnStream.put(task.stream(), task);
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
        return dot.append("}\n").toString();
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
            case CONDITION -> label.append("conditional\n").append(task.name());
            case OTHER -> label.append(task.name());
        }
        return label.toString();
    }

    private static String fill(ModelTask task) {
        return switch (task.type()) {
            case KERNEL -> ", fillcolor=\"#dde8ff\"";
            case COPY, FILL -> ", fillcolor=\"#e8f5e0\"";
            case EVENT_RECORD, EVENT_WAIT -> ", shape=ellipse, fillcolor=\"#ffe8e0\"";
            case CONDITION -> ", shape=diamond, fillcolor=\"#fff4cc\"";
            case OTHER -> ", style=\"rounded,dashed\"";
        };
    }

    /** A DOT string: quotes and backslashes escaped, line breaks as DOT's centred "\n". */
    static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
