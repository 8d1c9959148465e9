package io.aclgraph4j.bench;

import io.aclgraph4j.AclRuntime;
import io.aclgraph4j.AddOperator;
import io.aclgraph4j.Capture;
import io.aclgraph4j.CaptureMode;
import io.aclgraph4j.DataType;
import io.aclgraph4j.Device;
import io.aclgraph4j.Feature;
import io.aclgraph4j.Model;
import io.aclgraph4j.ModelTask;
import io.aclgraph4j.Scalar;
import io.aclgraph4j.Stream;
import io.aclgraph4j.TaskGroup;
import io.aclgraph4j.Tensor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * N replays each preceded by a task update that changes the replayed kernel's operand (alpha of an
 * in-place add), two ways, in alternating rounds within one process: pipelined on the replay
 * stream (stream order orders them on the device; nothing waited for until the round's end)
 * against synchronise–update–replay (the host waits for the previous replay, then for the update
 * on a second stream, before each replay). The same two ways again with the kernel in no task group,
 * updated through the runtime's task calls ({@code Model.update}: {@code aclmdlRITaskSetParams},
 * {@code aclmdlRIUpdate}) where the backend has them ({@code Feature.TASK_UPDATE}). Writes
 * {@code {"rounds": [{"pipelined": ns, "synchronous": ns, "taskCallsPipelined": ns,
 * "taskCallsSynchronous": ns}, ...]}} (nanoseconds per update + replay; the task-call pair only with
 * the feature) and prints the median ratios synchronous ÷ pipelined.
 *
 * <p>Usage: {@code UpdatePipelineRatio out.json [rounds]}
 */
public final class UpdatePipelineRatio {
    private static final int UPDATES_PER_ROUND = 200;

    private UpdatePipelineRatio() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "update-ratio.json");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        try (AclRuntime runtime = AclRuntime.open()) {
            Device device = runtime.device(0);
            Stream main = device.createStream();
            Stream updater = device.createStream();
            Tensor x = device.tensor(DataType.FLOAT, 1024);
            device.fill(x, 0);
            Scalar one = runtime.scalar(DataType.FLOAT, 1.0);
            AddOperator[] adds = {AddOperator.inplaceAdds(x, one, one),
                AddOperator.inplaceAdds(x, runtime.scalar(DataType.FLOAT, 2.0), one)};
            TaskGroup group;
            Model model;
            try (Capture capture = main.beginCapture(CaptureMode.GLOBAL)) {
                group = capture.taskGroup(() -> adds[0].launch(main));
                model = capture.end();
            }
            boolean taskCalls = runtime.supports(Feature.TASK_UPDATE);
            Model plain = main.capture(CaptureMode.GLOBAL, s -> adds[0].launch(s)); // the kernel in no group
            ModelTask kernel = plain.tasks().get(0);
            for (int warm = 0; warm < 20; warm++) {
                pipelined(model, group, adds, main);
                synchronous(model, group, adds, main, updater);
                if (taskCalls) {
                    pipelinedTaskCalls(plain, kernel, adds, main);
                    synchronousTaskCalls(plain, kernel, adds, main, updater);
                }
            }
            List<long[]> results = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                long pipelined = pipelined(model, group, adds, main);
                long synchronous = synchronous(model, group, adds, main, updater);
                long callsPipelined = taskCalls ? pipelinedTaskCalls(plain, kernel, adds, main) : 0;
                long callsSynchronous = taskCalls ? synchronousTaskCalls(plain, kernel, adds, main, updater) : 0;
                results.add(new long[] {pipelined, synchronous, callsPipelined, callsSynchronous});
            }
            StringBuilder json = new StringBuilder("{\"rounds\": [");
            List<Double> ratios = new ArrayList<>();
            List<Double> taskCallRatios = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                long[] r = results.get(i);
                json.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT,
                        "{\"pipelined\": %.1f, \"synchronous\": %.1f", r[0] / (double) UPDATES_PER_ROUND,
                        r[1] / (double) UPDATES_PER_ROUND));
                if (taskCalls) {
                    json.append(String.format(Locale.ROOT, ", \"taskCallsPipelined\": %.1f, "
                            + "\"taskCallsSynchronous\": %.1f", r[2] / (double) UPDATES_PER_ROUND,
                            r[3] / (double) UPDATES_PER_ROUND));
                    taskCallRatios.add(r[3] / (double) r[2]);
                }
                json.append('}');
                ratios.add(r[1] / (double) r[0]);
            }
            Files.writeString(out, json.append("]}\n").toString(), StandardCharsets.UTF_8);
            ratios.sort(null);
            System.out.printf(Locale.ROOT, "update + replay, task group: synchronise-update-replay / pipelined = "
                    + "%.2f (median of %d rounds of %d)%n", ratios.get(ratios.size() / 2), rounds, UPDATES_PER_ROUND);
            if (taskCalls) {
                taskCallRatios.sort(null);
                System.out.printf(Locale.ROOT, "update + replay, task calls (aclmdlRITaskSetParams): "
                        + "synchronise-update-replay / pipelined = %.2f (median of %d rounds of %d)%n",
                        taskCallRatios.get(taskCallRatios.size() / 2), rounds, UPDATES_PER_ROUND);
            }
            model.close();
            plain.close();
        }
    }

    /** Updates and replays on `main`, ordered by the stream; one wait at the end. */
    private static long pipelined(Model model, TaskGroup group, AddOperator[] adds, Stream main) {
        long start = System.nanoTime();
        for (int i = 0; i < UPDATES_PER_ROUND; i++) {
            AddOperator next = adds[i & 1];
            group.update(main, () -> next.launch(main));
            model.executeAsync(main);
        }
        main.synchronize();
        return System.nanoTime() - start;
    }

    /** As {@link #pipelined}, through the task calls: each update is queued on `main` behind the replay in flight. */
    private static long pipelinedTaskCalls(Model model, ModelTask kernel, AddOperator[] adds, Stream main) {
        long start = System.nanoTime();
        for (int i = 0; i < UPDATES_PER_ROUND; i++) {
            AddOperator next = adds[i & 1];
            model.update(main, kernel, () -> next.launch(main));
            model.executeAsync(main);
        }
        main.synchronize();
        return System.nanoTime() - start;
    }

    /** As {@link #synchronous}, through the task calls. */
    private static long synchronousTaskCalls(Model model, ModelTask kernel, AddOperator[] adds, Stream main,
                                             Stream updater) {
        long start = System.nanoTime();
        for (int i = 0; i < UPDATES_PER_ROUND; i++) {
            AddOperator next = adds[i & 1];
            main.synchronize();
            model.update(updater, kernel, () -> next.launch(updater));
            updater.synchronize();
            model.executeAsync(main);
        }
        main.synchronize();
        return System.nanoTime() - start;
    }

    /** The host waits for the previous replay, then for the update, before each replay. */
    private static long synchronous(Model model, TaskGroup group, AddOperator[] adds, Stream main, Stream updater) {
        long start = System.nanoTime();
        for (int i = 0; i < UPDATES_PER_ROUND; i++) {
            AddOperator next = adds[i & 1];
            main.synchronize();
            group.update(updater, () -> next.launch(updater));
            updater.synchronize();
            model.executeAsync(main);
        }
        main.synchronize();
        return System.nanoTime() - start;
    }
}
