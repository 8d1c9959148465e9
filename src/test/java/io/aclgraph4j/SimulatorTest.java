package io.aclgraph4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fixture of the suites that run on the simulator: a runtime, device 0 and (unless the suite
 * counts the objects it makes) a stream and the FLOAT scalar 1.0 for each test; after it (and
 * after the suite's own {@code @AfterEach}) the runtime is closed and must have left no object
 * open, and the suite must leave nothing native.
 */
@ExtendWith(NoNativeLeaks.class)
abstract class SimulatorTest {
    private final boolean withStream;
    AclRuntime runtime;
    Device device;
    Stream stream;
    Scalar one;

    SimulatorTest() {
        this(true);
    }

    /** {@code withStream} false: no stream and no scalar, only the runtime and device 0. */
    SimulatorTest(boolean withStream) {
        this.withStream = withStream;
    }

    @BeforeEach
    void openSimulator() {
        runtime = AclRuntime.open("sim");
        device = runtime.device(0);
        if (withStream) {
            stream = device.createStream();
            one = runtime.scalar(DataType.FLOAT, 1.0);
        }
    }

    @AfterEach
    void closeSimulator() {
        runtime.close();
        TestSupport.awaitCollectedViews(runtime::liveObjectCount); // views pin memory until collected
        assertEquals(0, runtime.liveObjectCount(), runtime::liveObjects);
    }
}
