package io.aclgraph4j;

import static io.aclgraph4j.TestSupport.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aclgraph4j.Simulator.FaultPoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A native refusal names the public method the user called, also where one shim call serves
 * several methods (a tensor's view, an allocation, a launch, a capture's begin and end): the
 * facade passes its name down with the call.
 */
class ErrorLabelsTest extends SimulatorTest {
    private Simulator simulator;

    @BeforeEach
    void armable() {
        simulator = runtime.simulator();
    }

    @AfterEach
    void disarm() {
        simulator.clearFaults();
    }

    /** The refusal's operation and the start of its message are {@code operation}. */
    private static <T extends AclException> void labelled(String operation, Class<T> type, Executable call,
                                                          String... fragments) {
        T thrown = refused(type, call, fragments);
        assertEquals(operation, thrown.operation());
        assertTrue(thrown.getMessage().startsWith(operation + " failed: "), thrown.getMessage());
    }

    @Test
    void aTensorsShapeRefusedByTheShimNamesDeviceTensor() {
        long before = runtime.liveObjectCount();
        labelled("Device.tensor", InvalidArgumentException.class, () -> device.tensor(DataType.FLOAT, 2, -3),
                "dimension 1 is negative");
        try (DeviceBuffer buffer = device.allocate(16)) {
            labelled("DeviceBuffer.view", InvalidArgumentException.class,
                    () -> buffer.view(DataType.FLOAT, new long[] {2, -3}, null, 0), "dimension 1 is negative");
        }
        assertEquals(before, runtime.liveObjectCount(), runtime::liveObjects); // the refused tensor's buffer is freed
    }

    @Test
    void aFailedAllocationForATensorNamesDeviceTensor() {
        simulator.injectFault(FaultPoint.DEVICE_ALLOC, 0, 2);
        labelled("Device.tensor", ResourceExhaustedException.class, () -> device.tensor(DataType.FLOAT, 4),
                "injected fault");
        labelled("Device.allocate", ResourceExhaustedException.class, () -> device.allocate(16), "injected fault");
    }

    @Test
    void aRefusedLaunchNamesTheOperatorsClassAndTheEagerAdd() {
        try (Tensor x = device.tensor(DataType.FLOAT, 4);
             ElementwiseOperator square = ElementwiseOperator.mul(x, x, x);
             AddOperator increment = AddOperator.inplaceAdds(x, one, one)) {
            simulator.injectFault(FaultPoint.TASK_SUBMIT, 0, 3);
            labelled("ElementwiseOperator.launch", ResourceExhaustedException.class, () -> square.launch(stream));
            labelled("AddOperator.launch", ResourceExhaustedException.class, () -> increment.launch(stream));
            labelled("AddOperator.addOnce", ResourceExhaustedException.class,
                    () -> AddOperator.addOnce(stream, x, x, one, x));
        }
    }

    @Test
    void aRefusedUpdateNamesTaskGroupUpdate() {
        try (Tensor x = device.tensor(DataType.FLOAT, 4);
             AddOperator increment = AddOperator.inplaceAdds(x, one, one)) {
            TaskGroup group;
            Model model;
            try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
                group = capture.taskGroup(() -> increment.launch(stream));
                model = capture.end();
            }
            model.close(); // the runtime destroys it: the group has no model left to update
            try (group) {
                IllegalStateException gone = refused(IllegalStateException.class,
                        () -> group.update(stream, () -> increment.launch(stream)),
                        "the model this task group belongs to was released");
                assertTrue(gone.getMessage().startsWith("TaskGroup.update: "), gone.getMessage());
            }
        }
    }

    @Test
    void aCaptureRefusedInTheLambdaFormNamesStreamCapture() {
        try (Capture outer = stream.beginCapture(CaptureMode.GLOBAL)) {
            labelled("Stream.capture", CaptureException.class, () -> stream.capture(CaptureMode.GLOBAL, s -> { }));
            labelled("Stream.beginCapture", CaptureException.class, () -> stream.beginCapture(CaptureMode.GLOBAL));
        }
    }

    @Test
    void rulesTheShimOwnsNameTheMethodCalled() {
        Device device1 = runtime.device(1);
        try (DeviceBuffer onDevice1 = device1.allocate(16);
             DeviceBuffer onDevice0 = device.allocate(16);
             HostBuffer host = device.allocateHost(16);
             HostBuffer otherHost = device.allocateHost(16)) {
            labelled("Device.fill", InvalidArgumentException.class, () -> device.fill(host, 256), "not a byte");
            labelled("Stream.fillAsync", InvalidArgumentException.class, () -> stream.fillAsync(host, -129),
                    "not a byte");
            labelled("Stream.fillAsync", InvalidArgumentException.class, () -> stream.fillAsync(onDevice1, 0),
                    "not on the stream's device 0");
            labelled("Stream.copyAsync", InvalidArgumentException.class, () -> stream.copyAsync(onDevice1, host),
                    "not on the stream's device 0");
            labelled("Stream.copyAsync", InvalidArgumentException.class, () -> stream.copyAsync(host, otherHost),
                    "both source and destination are host memory");
            Model model = stream.capture(CaptureMode.GLOBAL, s -> s.fillAsync(onDevice0, 1));
            try (model) {
                if (runtime.supports(Feature.MODEL_NAMES)) {
                    labelled("Model.name", InvalidArgumentException.class, () -> model.name("x".repeat(256)),
                            "1 to 255 bytes");
                }
            }
        }
    }
}
