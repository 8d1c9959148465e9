package io.aclgraph4j.bench;

import io.aclgraph4j.AclRuntime;
import io.aclgraph4j.AddOperator;
import io.aclgraph4j.Capture;
import io.aclgraph4j.CaptureMode;
import io.aclgraph4j.DataType;
import io.aclgraph4j.Device;
import io.aclgraph4j.Model;
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
 * on a second stream, before each replay). Writes
 * {@code {"rounds": [{"pipelined": ns, "synchronous": ns}, ...]}} (nanoseconds per update +
 * replay) and prints the median ratio synchronous ÷ pipelined.
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
            for (int warm = 0; warm < 20; warm++) {
                pipelined(model, group, adds, main);
                synchronous(model, group, adds, main, updater);
            }
            List<long[]> results = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                long pipelined = pipelined(model, group, adds, main);
                long synchronous = synchronous(model, group, adds, main, updater);
                results.add(new long[] {pipelined, synchronous});
            }
            StringBuilder json = new StringBuilder("{\"rounds\": [");
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                long[] r = results.get(i);
                json.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT,
                        "{\"pipelined\": %.1f, \"synchronous\": %.1f}", r[0] / (double) UPDATES_PER_ROUND,
                        r[1] / (double) UPDATES_PER_ROUND));
                ratios.add(r[1] / (double) r[0]);
            }
            Files.writeString(out, json.append("]}\n").toString(), StandardCharsets.UTF_8);
            ratios.sort(null);
            System.out.printf(Locale.ROOT, "update + replay: synchronise-update-replay / pipelined = %.2f "
                    + "(median of %d rounds of %d)%n", ratios.get(ratios.size() / 2), rounds, UPDATES_PER_ROUND);
            model.close();
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
