package io.aclgraph4j.bench;

import io.aclgraph4j.Model;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Capture of a chain of K adds (begin, K launches, end) and release of the model; divide by K. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CaptureChainBenchmark {
    @Param({"256", "100000"})
    public int k;

    private AddChain chain;

    @Setup(Level.Trial)
    public void setUp() {
        chain = new AddChain(8);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        chain.close();
    }

    @Benchmark
    public void captureAndRelease() {
        Model model = chain.capture(k);
        model.close();
    }
}
