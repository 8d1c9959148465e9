package io.aclgraph4j;

import static io.aclgraph4j.TestSupport.assertFloats;
import static io.aclgraph4j.TestSupport.filled;
import static io.aclgraph4j.TestSupport.read;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Replays of one model never overlap, whichever streams and threads issue them: an in-place
 * {@code x += 1} replayed 500 times from each of 4 threads, each on its own stream, leaves 2,000
 * in every element, 50 runs in a row.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ReplayOrderTest extends SimulatorTest {
    private static final int THREADS = 4;
    private static final int REPLAYS = 500;
    private static final int RUNS = 50;
    private static final int ELEMENTS = 4096;

    private ExecutorService pool;

    @BeforeEach
    void startPool() {
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(60, TimeUnit.SECONDS);
    }

    @Test
    void replaysWithWaitFromFourThreadsOnTheirOwnStreamsNeverOverlap() throws Exception {
        runs((model, stream) -> model.execute(stream));
    }

    @Test
    void asynchronousReplaysFromFourThreadsOnTheirOwnStreamsNeverOverlap() throws Exception {
        runs((model, stream) -> {
            model.executeAsync(stream);
            if (Thread.currentThread().getId() % 2 == 0) {
                Thread.yield();
            }
        });
    }

    private void runs(BiConsumer<Model, Stream> replay) throws Exception {
        try (Tensor x = device.tensor(DataType.FLOAT, ELEMENTS);
             Scalar one = runtime.scalar(DataType.FLOAT, 1.0);
             AddOperator increment = AddOperator.inplaceAdds(x, one, one);
             Stream capturer = device.createStream();
             Model model = capturer.capture(CaptureMode.GLOBAL, increment::launch)) {
            List<Stream> streams = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                streams.add(device.createStream());
            }
            for (int run = 0; run < RUNS; run++) {
                device.fill(x, 0);
                List<Future<?>> replayers = new ArrayList<>();
                for (Stream stream : streams) {
                    replayers.add(pool.submit(() -> {
                        for (int i = 0; i < REPLAYS; i++) {
                            replay.accept(model, stream);
                        }
                        stream.synchronize();
                        return null;
                    }));
                }
                for (Future<?> replayer : replayers) {
                    replayer.get(60, TimeUnit.SECONDS);
                }
                device.synchronize();
                assertFloats(filled(ELEMENTS, THREADS * REPLAYS), read(device, x), "run " + run);
            }
            streams.forEach(Stream::close);
        }
    }
}
