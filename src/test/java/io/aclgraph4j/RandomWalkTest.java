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

/**
 * A seeded random walk over the public API, checked against a model of what every call must do.
 *
 * <p>The walk makes devices (two per id may exist), streams, device and host buffers, FLOAT
 * tensors and views (offsets, strides, transposes), scalars, add operators of all four kinds,
 * events; issues copies, fills and launches eagerly and into captures of every mode (scope and
 * lambda forms, multi-stream through events, task groups); breaks capture rules on purpose
 * (synchronising a capturing stream or device or an event recorded in a capture, unsafe copies
 * under each mode from the capturing thread and from another one, depending on work outside a
 * capture, linking two captures, ending on the wrong thread); switches the thread's capture mode;
 * replays and updates models; and closes anything in any order, twice, from another thread, and
 * uses it afterwards. The model predicts each call's outcome (success, or the exact exception type
 * and ACL code) and the contents of every host and device buffer, which the walk reads back and
 * compares.
 *
 * <p>The model applies a task's effect when it is issued. To make that exact, the harness keeps at
 * most one stream with unfinished eager work (it synchronises the others first) and synchronises
 * before touching host memory; the simulator replays a model's tasks in capture order.
 *
 * <p>CI runs {@link #CI_SEEDS} × {@link #CI_ACTIONS} actions. {@code -Daclgraph4j.walk.seed=N}
 * replays one seed, {@code -Daclgraph4j.walk.actions=N} sets the length (see docs/reliability.md
 * for the long run). A mismatch fails with the seed, the action index and the last actions.
 */
@ExtendWith(NoNativeLeaks.class)
class RandomWalkTest {
    static final String SEED_PROPERTY = "aclgraph4j.walk.seed";
    static final String ACTIONS_PROPERTY = "aclgraph4j.walk.actions";
    static final long[] CI_SEEDS = {20251125L, 7L, 424242L, 1_000_003L};
    static final int CI_ACTIONS = 6_000;

    @TestFactory
    java.util.stream.Stream<DynamicTest> walks() {
        long[] seeds = seeds(System.getProperty(SEED_PROPERTY, ""));
        int actions = Integer.getInteger(ACTIONS_PROPERTY, CI_ACTIONS);
        return Arrays.stream(seeds).mapToObj(s -> DynamicTest.dynamicTest("seed " + s + ", " + actions + " actions",
                () -> {
                    System.out.println("random walk: seed " + s + ", " + actions + " actions (replay one seed with -D"
                            + SEED_PROPERTY + "=" + s + ")");
                    long start = System.nanoTime();
                    try (RandomWalk walk = new RandomWalk(s, actions)) {
                        walk.run();
                        System.out.printf("random walk: seed %d done in %.1f s: %s%n", s,
                                (System.nanoTime() - start) / 1e9, walk.statistics());
                    }
                }));
    }

    /** "" for the CI seeds, else one seed, a comma-separated list, or a range "first..last". */
    static long[] seeds(String property) {
        String text = property.trim();
        if (text.isEmpty()) {
            return CI_SEEDS;
        }
        int range = text.indexOf("..");
        if (range > 0) {
            long first = Long.parseLong(text.substring(0, range).trim());
            long last = Long.parseLong(text.substring(range + 2).trim());
            return java.util.stream.LongStream.rangeClosed(first, last).toArray();
        }
        return Arrays.stream(text.split(",")).map(String::trim).mapToLong(Long::parseLong).toArray();
    }
}
