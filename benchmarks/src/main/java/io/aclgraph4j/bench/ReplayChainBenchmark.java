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

/** Replay + synchronize of a captured chain of K adds on 8 floats: the cost per captured task. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ReplayChainBenchmark {
    @Param({"1", "16", "64", "256"})
    public int k;

    private AddChain chain;
    private Model model;

    @Setup(Level.Trial)
    public void setUp() {
        chain = new AddChain(8);
        model = chain.capture(k);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        chain.close();
    }

    /** One replay of the chain and a wait for it ({@code Model.execute}: one native call). */
    @Benchmark
    public void replaySync() {
        model.execute(chain.stream);
    }
}
