package io.aclgraph4j;

import static io.aclgraph4j.TestSupport.assertFloats;
import static io.aclgraph4j.TestSupport.assertStillWorks;
import static io.aclgraph4j.TestSupport.floats;
import static io.aclgraph4j.TestSupport.onAnotherThread;
import static io.aclgraph4j.TestSupport.read;
import static io.aclgraph4j.TestSupport.refused;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every public method of the facade with null, zero, negative, huge and mismatched arguments, and
 * on closed objects: each call fails with the documented exception type and a message that names
 * the operation, says what was wrong and (where there is a choice) what to do, and nothing crashes:
 * after every test the runtime still captures and replays correctly, and nothing leaks.
 */
class BadInputTest extends SimulatorTest {
    private Device device1;
    /** Four floats on device 0 and 16 bytes of host memory, for the calls on closed objects. */
    private Tensor tensor;
    private HostBuffer host;

    @BeforeEach
    void openSecondDeviceAndMemory() {
        device1 = runtime.device(1);
        tensor = device.tensor(DataType.FLOAT, 4);
        host = device.allocateHost(16);
    }

    @AfterEach
    void stillWorks() {
        if (!runtime.toString().contains("closed")) {
            assertStillWorks(runtime);
        }
    }

    // ---- AclRuntime ----

    @Test
    void runtimeArguments() {
        refused(NullPointerException.class, () -> AclRuntime.open((String) null), "backend");
        refused(InvalidArgumentException.class, -2, () -> AclRuntime.open(""), "AclRuntime.open",
                "the backend name is empty: use sim, cann, auto or a list of library paths");
        refused(InvalidArgumentException.class, -2, () -> AclRuntime.open("   "), "backend name is empty");
        refused(IllegalStateException.class, () -> AclRuntime.open("/dev/null"),
                "already open with backend 'sim'", "close it before opening");
        refused(BackendUnavailableException.class, -3, () -> AclRuntime.open("simm"), "AclRuntime.open",
                "unknown backend 'simm'", "sim (the bundled simulator)", "cann (the CANN toolkit", "auto",
                "list of library paths");
        refused(BackendUnavailableException.class, -3, () -> AclRuntime.open("/no/such/libascendcl.so"),
                "unknown backend", "/no/such/libascendcl.so does not exist");
        refused(InvalidArgumentException.class, -2, () -> runtime.device(-1), "AclRuntime.device",
                "must not be negative");
        for (int id : new int[] {2, 64, Integer.MAX_VALUE}) {
            refused(InvalidArgumentException.class, -2, () -> runtime.device(id), "device id " + id,
                    "out of range", "this backend has 2 device(s), numbered from 0");
        }
        refused(NullPointerException.class, () -> runtime.captureMode(null), "mode");
        assertEquals(2, runtime.deviceCount());
        assertTrue(runtime.isSimulator());
    }

    @Test
    void anUnknownBackendIsUnavailableWithWhatWasLookedFor() {
        runtime.close();
        BackendUnavailableException thrown = refused(BackendUnavailableException.class,
                () -> AclRuntime.open("/no/such/libascendcl.so"), "AclRuntime.open", "/no/such/libascendcl.so");
        assertEquals(-3, thrown.code());
        try (AclRuntime again = AclRuntime.open("sim")) {
            assertStillWorks(again); // a failed open leaves nothing half-open
        }
    }

    @Test
    void scalarValuesMustFitTheirType() {
        refused(NullPointerException.class, () -> runtime.scalar(null, 1.0), "dataType");
        refused(NullPointerException.class, () -> runtime.scalar(null, 1L), "dataType");
        refused(InvalidArgumentException.class, -2, () -> runtime.scalar(DataType.INT8, 300L), "AclRuntime.scalar",
                "300 does not fit INT8 (-128..127)", "use a wider data type");
        refused(InvalidArgumentException.class, () -> runtime.scalar(DataType.UINT8, -1L), "does not fit UINT8");
        refused(InvalidArgumentException.class, () -> runtime.scalar(DataType.INT16, 40_000L), "does not fit INT16");
        refused(InvalidArgumentException.class, () -> runtime.scalar(DataType.UINT32, 1L << 32), "does not fit");
        refused(InvalidArgumentException.class, () -> runtime.scalar(DataType.INT32, Long.MAX_VALUE), "INT32");
        refused(InvalidArgumentException.class, () -> runtime.scalar(DataType.UINT64, -1L), "does not fit UINT64");
        refused(InvalidArgumentException.class, () -> runtime.scalar(DataType.INT32, 1.5), "1.5 is not an integer",
                "INT32", "whole number");
        refused(InvalidArgumentException.class, () -> runtime.scalar(DataType.INT64, Double.NaN), "not an integer");
        refused(InvalidArgumentException.class, () -> runtime.scalar(DataType.INT64, 1e19), "does not fit INT64");
        refused(InvalidArgumentException.class, () -> runtime.scalar(DataType.UINT8, 256.0), "does not fit UINT8");
        refused(InvalidArgumentException.class, () -> runtime.scalar(DataType.FLOAT16, 1e6), "overflows FLOAT16");
        refused(InvalidArgumentException.class, () -> runtime.scalar(DataType.FLOAT, -1e300), "overflows FLOAT",
                "smaller value");
        // In range, whole, explicit infinities and NaN for floating types: accepted.
        for (Scalar scalar : List.of(runtime.scalar(DataType.INT8, -128L), runtime.scalar(DataType.UINT64, 0L),
                runtime.scalar(DataType.UINT32, 0xFFFF_FFFFL), runtime.scalar(DataType.INT32, -7.0),
                runtime.scalar(DataType.FLOAT16, 65504.0), runtime.scalar(DataType.FLOAT, Double.NaN),
                runtime.scalar(DataType.DOUBLE, Double.NEGATIVE_INFINITY), runtime.scalar(DataType.BOOL, 5L),
                runtime.scalar(DataType.DOUBLE, 1e300))) {
            scalar.close();
        }
    }

    @Test
    void aClosedRuntimeRefusesEverythingAndItsObjectsStayClosed() {
        Simulator simulator = runtime.simulator();
        runtime.close();
        allClosed(List.of(runtime::backend, runtime::deviceCount, () -> runtime.device(0),
                () -> runtime.scalar(DataType.FLOAT, 1.0), () -> runtime.scalar(DataType.INT32, 1L),
                () -> runtime.captureMode(CaptureMode.RELAXED), runtime::simulator,
                () -> simulator.injectFault(Simulator.FaultPoint.DEVICE_ALLOC, 0, 1), simulator::clearFaults),
                "AclRuntime(sim) is closed");
        assertDoesNotThrow(runtime::close);
        // The closed runtime's objects mixed with a new runtime's: refused before native code, naming them.
        try (AclRuntime other = AclRuntime.open("sim");
             Device otherDevice = other.device(0);
             Stream otherStream = otherDevice.createStream();
             Tensor otherTensor = otherDevice.tensor(DataType.FLOAT, 4)) {
            refused(IllegalStateException.class, () -> otherStream.copyAsync(host, otherTensor),
                    "HostBuffer#", "16 pinned bytes is closed (closed with its device 0)");
            refused(IllegalStateException.class,
                    () -> AddOperator.add(otherTensor, tensor, other.scalar(DataType.FLOAT, 1.0), otherTensor),
                    "Tensor#", "FLOAT[4] on device 0 is closed");
            refused(IllegalStateException.class, () -> AddOperator.inplaceAdds(tensor, one, one), "is closed");
            refused(IllegalStateException.class, () -> device.createStream(), "Device#", "(id 0) is closed");
            assertStillWorks(other);
        }
    }

    // ---- Device ----

    @Test
    void allocationSizes() {
        for (long bytes : new long[] {0, -1, Long.MIN_VALUE}) {
            refused(InvalidArgumentException.class, -2, () -> device.allocate(bytes), "Device.allocate",
                    "size must be a positive number of bytes, not " + bytes);
            refused(InvalidArgumentException.class, -2, () -> device.allocateHost(bytes), "Device.allocateHost",
                    "positive number of bytes");
        }
        refused(ResourceExhaustedException.class, 207001, () -> device.allocate(Long.MAX_VALUE), "Device.allocate",
                "ACL_ERROR_RT_MEMORY_ALLOCATION", "cannot allocate " + Long.MAX_VALUE + " bytes");
        refused(ResourceExhaustedException.class, 207001, () -> device.allocateHost(Long.MAX_VALUE),
                "Device.allocateHost");
        refused(ResourceExhaustedException.class, 207001, () -> device.tensor(DataType.FLOAT, 1L << 60),
                "Device.tensor failed", "cannot allocate");
    }

    @Test
    void tensorShapes() {
        refused(NullPointerException.class, () -> device.tensor(null, 4), "dataType");
        refused(InvalidArgumentException.class, -2, () -> device.tensor(DataType.FLOAT, (long[]) null),
                "Device.tensor", "shape is null");
        // The shim checks the shape; the refusal names the method called.
        refused(InvalidArgumentException.class, -2, () -> device.tensor(DataType.FLOAT, 4, -1),
                "Device.tensor failed", "dimension 1 is negative (-1)");
        refused(InvalidArgumentException.class, -2, () -> device.tensor(DataType.FLOAT, new long[9]),
                "Device.tensor failed", "rank must be between 0 and 8, not 9");
        // Java counts the bytes to allocate before the shim sees the shape.
        refused(InvalidArgumentException.class, -2, () -> device.tensor(DataType.FLOAT, Long.MAX_VALUE, 2),
                "Device.tensor", "more bytes than a long can count");
        refused(InvalidArgumentException.class, () -> device.tensor(DataType.COMPLEX128, 1L << 60),
                "needs more bytes than a long can count");
        try (Tensor empty = device.tensor(DataType.FLOAT, 0, 3); Tensor scalarShaped = device.tensor(DataType.INT64)) {
            assertEquals(0, empty.elementCount());
            assertEquals(1, scalarShaped.elementCount());
        }
    }

    @Test
    void synchronousCopiesAndFills() {
        Tensor four = floats(device, new float[] {1, 2, 3, 4}, 4);
        Tensor eight = device.tensor(DataType.FLOAT, 8);
        HostBuffer host = device.allocateHost(16);
        Tensor onDevice1 = device1.tensor(DataType.FLOAT, 4);
        Tensor strided = eight.storage().view(DataType.FLOAT, new long[] {4}, new long[] {2}, 0);
        refused(NullPointerException.class, () -> device.copy(null, four), "Device.copy: source is null");
        refused(NullPointerException.class, () -> device.copy(four, null), "Device.copy: destination is null");
        refused(NullPointerException.class, () -> device.fill(null, 0), "Device.fill: memory is null");
        refused(InvalidArgumentException.class, -2, () -> device.copy(four, eight), "Device.copy",
                "source has 16 bytes but destination has 32", "same size");
        refused(InvalidArgumentException.class, () -> device.copy(strided, host), "is not contiguous",
                "copy to or from a contiguous tensor or its buffer");
        refused(InvalidArgumentException.class, () -> device.copy(four, onDevice1),
                "the destination Tensor#", "FLOAT[4] on device 1 is on device 1 but this device is on device 0",
                "copy through a HostBuffer");
        refused(InvalidArgumentException.class, () -> device1.copy(four, host), "source", "is on device 0");
        for (int value : new int[] {256, -129, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            refused(InvalidArgumentException.class, -2, () -> device.fill(host, value),
                    "Device.fill failed", "the fill value " + value + " is not a byte", "0..255");
        }
        refused(InvalidArgumentException.class, () -> device.fill(onDevice1, 0), "is on device 1");
        refused(NullPointerException.class, () -> device.fill(null, 0), "Device.fill");
        // Host memory from any device is fine; -1 and 255 are the same byte.
        device1.copy(host, onDevice1);
        device.fill(host, -1);
        byte[] bytes = new byte[16];
        host.read(bytes);
        assertEquals(-1, bytes[15]);
        device.copy(host, four);
        assertTrue(Float.isNaN(read(device, four)[0]));
    }

    @Test
    void aClosedDeviceRefusesEverything() {
        Device second = runtime.device(0);
        second.close();
        allClosed(List.of(second::createStream, () -> second.allocate(4), () -> second.allocateHost(4),
                () -> second.tensor(DataType.FLOAT, 4), second::createEvent, second::synchronize,
                () -> second.copy(host, tensor), () -> second.fill(tensor, 0)), "Device#", "(id 0) is closed");
        device.copy(host, tensor); // the other Device object of the same id is unaffected
    }

    // ---- DeviceBuffer, Tensor, HostBuffer ----

    @Test
    void views() {
        DeviceBuffer buffer = device.allocate(64);
        refused(NullPointerException.class, () -> buffer.view(null, 4), "dataType");
        refused(InvalidArgumentException.class, () -> buffer.view(DataType.FLOAT, (long[]) null), "DeviceBuffer.view",
                "shape is null");
        // Java checks nulls and array lengths; the shim checks the extent, and its refusal names the method called.
        refused(InvalidArgumentException.class, -2, () -> buffer.view(DataType.FLOAT, new long[] {4, 4}, null, 1),
                "DeviceBuffer.view failed", "the view needs 17 elements of 4 bytes but its buffer holds 64 bytes");
        refused(InvalidArgumentException.class, () -> buffer.view(DataType.FLOAT, new long[] {2, 2}, new long[] {1}, 0),
                "must have one entry per dimension");
        refused(InvalidArgumentException.class,
                () -> buffer.view(DataType.FLOAT, new long[] {2, 2}, new long[] {-1, 1}, 0), "DeviceBuffer.view",
                "stride 0 is negative (-1)");
        refused(InvalidArgumentException.class, () -> buffer.view(DataType.FLOAT, new long[] {2}, null, -1),
                "DeviceBuffer.view", "offset must not be negative, not -1");
        refused(InvalidArgumentException.class, () -> buffer.view(DataType.FLOAT, new long[] {2, -2}, null, 0),
                "DeviceBuffer.view", "dimension 1 is negative (-2)");
        refused(InvalidArgumentException.class, () -> buffer.view(DataType.FLOAT, new long[] {2}, null,
                Long.MAX_VALUE), "the view's extent overflows");
        refused(InvalidArgumentException.class,
                () -> buffer.view(DataType.FLOAT, new long[] {2, 2}, new long[] {Long.MAX_VALUE, 1}, 0), "overflows");
        refused(InvalidArgumentException.class, () -> buffer.view(DataType.COMPLEX128, 5),
                "needs 5 elements of 16 bytes");
        // A view whose buffer is closed still works for operators, not for copies.
        Tensor view = buffer.view(DataType.FLOAT, new long[] {4}, null, 12);
        Tensor other = floats(device, new float[] {1, 2, 3, 4}, 4);
        buffer.close();
        refused(IllegalStateException.class, () -> buffer.view(DataType.FLOAT, 4), "DeviceBuffer#",
                "64 bytes on device 0 is closed");
        refused(IllegalStateException.class, () -> device.copy(other, view), "Device.copy",
                "views DeviceBuffer#", "64 bytes on device 0 (closed)", "copies and fills need its buffer open");
        try (AddOperator add = AddOperator.add(other, other, one, view)) {
            add.launch(stream);
            stream.synchronize();
        }
    }

    @Test
    void hostBufferRanges() {
        HostBuffer host = device.allocateHost(16);
        refused(InvalidArgumentException.class, () -> host.slice(-1, 4), "HostBuffer.slice",
                "range [-1, +4) does not fit the buffer of 16 bytes");
        refused(InvalidArgumentException.class, () -> host.slice(8, 9), "does not fit");
        refused(InvalidArgumentException.class, () -> host.slice(0, -1), "does not fit");
        refused(InvalidArgumentException.class, () -> host.slice(Long.MAX_VALUE, 1), "does not fit");
        refused(InvalidArgumentException.class, () -> host.write(new float[5]), "HostBuffer.write",
                "20 bytes do not fit the buffer of 16 bytes");
        refused(InvalidArgumentException.class, () -> host.read(new long[3]), "HostBuffer.read", "24 bytes");
        refused(InvalidArgumentException.class, () -> host.write(new byte[17]), "17 bytes");
        refused(NullPointerException.class, () -> host.write((float[]) null), "values");
        refused(NullPointerException.class, () -> host.read((int[]) null), "values");
        host.write(new int[] {1, 2, 3, 4});
        int[] back = new int[4];
        host.read(back);
        assertEquals(4, back[3]);
        try (HostBuffer seven = device.allocateHost(7)) {
            refused(InvalidArgumentException.class, -2, seven::toFloatArray, "HostBuffer.toFloatArray",
                    "7 bytes, not a multiple of 4", "read(byte[])");
        }
        host.close();
        allClosed(List.of(host::asByteBuffer, () -> host.slice(0, 4), host::asFloatBuffer,
                () -> host.write(new float[1]), () -> host.read(new double[1]), () -> host.write(new long[1]),
                () -> host.read(new byte[1]), host::toFloatArray, () -> stream.copyAsync(host, device.allocate(16))),
                "HostBuffer#", "16 pinned bytes is closed");
    }

    // ---- AddOperator ----

    @Test
    void operatorArguments() {
        Tensor a = floats(device, new float[] {1, 2, 3, 4}, 4);
        Tensor three = device.tensor(DataType.FLOAT, 3);
        Tensor onDevice1 = device1.tensor(DataType.FLOAT, 4);
        Scalar complexAlpha = runtime.scalar(DataType.COMPLEX64, 1.0);
        refused(NullPointerException.class, () -> AddOperator.add(null, a, one, a), "AddOperator.add: self is null");
        refused(NullPointerException.class, () -> AddOperator.add(a, null, one, a), "AddOperator.add: other is null");
        refused(NullPointerException.class, () -> AddOperator.add(a, a, one, null), "AddOperator.add: out is null");
        refused(NullPointerException.class, () -> AddOperator.adds(a, one, one, null), "AddOperator.adds: out is null");
        refused(NullPointerException.class, () -> AddOperator.add(a, a, null, a), "alpha");
        refused(NullPointerException.class, () -> AddOperator.adds(a, null, one, a), "other");
        refused(NullPointerException.class, () -> AddOperator.inplaceAdd(a, null, one),
                "AddOperator.inplaceAdd: other is null");
        refused(NullPointerException.class, () -> AddOperator.inplaceAdds(null, one, one), "self");
        refused(InvalidArgumentException.class, 161002, () -> AddOperator.add(a, three, one, a),
                "ACLNN_ERR_PARAM_INVALID", "self shape [4] and other shape [3] cannot be broadcast");
        refused(InvalidArgumentException.class, 161002, () -> AddOperator.add(a, a, one, three),
                "shape of out should be [4]", "never resized");
        Tensor ints = device.tensor(DataType.INT32, 4);
        refused(InvalidArgumentException.class, 161002, () -> AddOperator.add(ints, ints, complexAlpha, ints),
                "alpha dtype COMPLEX64 can't be cast to the promoted dtype INT32", "no complex alpha for integer");
        refused(InvalidArgumentException.class, -2, () -> AddOperator.add(a, onDevice1, one, a),
                "all tensors must be on one device: self is on device 0, other on 1 and out on 0");
        refused(InvalidArgumentException.class, -2, () -> AddOperator.adds(a, one, one, onDevice1), "one device");
        refused(InvalidArgumentException.class, -2, () -> AddOperator.inplaceAdd(onDevice1, a, one), "one device");
        refused(NullPointerException.class, () -> AddOperator.addOnce(null, a, a, one, a), "stream");
        refused(InvalidArgumentException.class, 161002, () -> AddOperator.addOnce(stream, a, three, one, a),
                "cannot be broadcast");
        AddOperator add = AddOperator.add(a, a, one, a);
        refused(NullPointerException.class, () -> add.launch(null), "stream");
        try (Stream streamOnDevice1 = device1.createStream()) {
            refused(InvalidArgumentException.class, -2, () -> add.launch(streamOnDevice1), "AddOperator.launch",
                    "the executor's tensors are on device 0 but the stream is on device 1");
            refused(InvalidArgumentException.class, -2, () -> AddOperator.addOnce(streamOnDevice1, a, a, one, a),
                    "on device 0 but the stream is on device 1");
        }
        assertTrue(add.workspaceSize() >= 0);
        add.close();
        refused(IllegalStateException.class, () -> add.launch(stream), "AddOperator#", " add ", "is closed");
        refused(IllegalStateException.class, add::workspaceSize, "is closed");
        a.close();
        refused(IllegalStateException.class, () -> AddOperator.inplaceAdds(a, one, one),
                "Tensor#", "FLOAT[4] on device 0 is closed");
        one.close();
        refused(IllegalStateException.class, () -> AddOperator.inplaceAdds(three, one, one),
                "Scalar#", "FLOAT 1.0 is closed");
    }

    // ---- Stream ----

    @Test
    void asynchronousCopiesAndFills() {
        Tensor four = device.tensor(DataType.FLOAT, 4);
        Tensor eight = device.tensor(DataType.FLOAT, 8);
        HostBuffer host = device.allocateHost(16);
        HostBuffer otherHost = device.allocateHost(16);
        Tensor onDevice1 = device1.tensor(DataType.FLOAT, 4);
        refused(NullPointerException.class, () -> stream.copyAsync(null, four), "Stream.copyAsync: source is null");
        refused(NullPointerException.class, () -> stream.copyAsync(four, null),
                "Stream.copyAsync: destination is null");
        refused(NullPointerException.class, () -> stream.fillAsync(null, 0), "Stream.fillAsync: memory is null");
        refused(InvalidArgumentException.class, -2, () -> stream.copyAsync(host, eight), "Stream.copyAsync",
                "source has 16 bytes but destination has 32", "give offsets and a length");
        // The shim refuses host to host and memory of another device, in the words of Stream.copyAsync.
        refused(InvalidArgumentException.class, -2, () -> stream.copyAsync(host, otherHost),
                "Stream.copyAsync failed", "both source and destination are host memory, which a stream cannot copy "
                        + "asynchronously", "copy them synchronously");
        refused(InvalidArgumentException.class, -2, () -> stream.copyAsync(host, onDevice1),
                "Stream.copyAsync failed", "the destination (16 bytes on device 1) is not on the stream's device 0",
                "use a stream of that device, or copy through host memory");
        refused(InvalidArgumentException.class, () -> stream.copyAsync(onDevice1, 0, host, 0, 16),
                "Stream.copyAsync failed", "the source (16 bytes on device 1) is not on the stream's device 0");
        long[][] badRanges = {{-1, 0, 4}, {0, -1, 4}, {0, 0, -1}, {0, 0, 17}, {12, 0, 8}, {0, 28, 8},
                {Long.MAX_VALUE, 0, 1}, {0, 0, Long.MAX_VALUE}, {1, 1, Long.MAX_VALUE}};
        for (long[] range : badRanges) {
            refused(InvalidArgumentException.class, () -> stream.copyAsync(host, range[0], eight, range[1], range[2]),
                    "Stream.copyAsync", "goes out of bounds");
        }
        for (int value : new int[] {256, -129, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            refused(InvalidArgumentException.class, -2, () -> stream.fillAsync(host, value),
                    "Stream.fillAsync failed", "the fill value " + value + " is not a byte", "0..255");
        }
        refused(InvalidArgumentException.class, -2, () -> stream.fillAsync(onDevice1, 0),
                "Stream.fillAsync failed", "the memory (16 bytes on device 1) is not on the stream's device 0");
        // Zero bytes, and a range ending exactly at the end, are fine.
        stream.copyAsync(host, 16, eight, 32, 0);
        stream.copyAsync(host, 0, eight, 16, 16);
        stream.fillAsync(four, 0);
        stream.synchronize();
    }

    @Test
    void streamArgumentsAndAClosedStream() {
        Event event = device.createEvent();
        refused(NullPointerException.class, () -> stream.synchronize(null), "timeout");
        for (Duration timeout : List.of(Duration.ZERO, Duration.ofMillis(-5), Duration.ofNanos(999_999),
                Duration.ofDays(30))) {
            refused(InvalidArgumentException.class, -2, () -> stream.synchronize(timeout), "Stream.synchronize",
                    "timeout must be between 1 ms and 2147483647 ms");
        }
        refused(NullPointerException.class, () -> stream.waitFor(null), "event");
        refused(NullPointerException.class, () -> stream.beginCapture(null), "mode");
        refused(NullPointerException.class, () -> stream.capture(CaptureMode.GLOBAL, null), "body");
        refused(NullPointerException.class, () -> stream.capture(null, s -> { }), "mode");
        assertEquals(CaptureStatus.NONE, stream.captureStatus(), "a refused capture leaves nothing behind");
        stream.synchronize(Duration.ofSeconds(5));
        Stream closed = device.createStream();
        closed.close();
        allClosed(List.of(() -> closed.copyAsync(host, tensor), () -> closed.copyAsync(host, 0, tensor,
                0, 4), () -> closed.fillAsync(tensor, 0), closed::synchronize,
                () -> closed.synchronize(Duration.ofSeconds(1)), closed::isComplete, () -> closed.waitFor(event),
                () -> closed.beginCapture(CaptureMode.GLOBAL), () -> closed.capture(CaptureMode.RELAXED, s -> { }),
                closed::captureStatus, () -> event.record(closed),
                () -> AddOperator.inplaceAdds(tensor, one, one).launch(closed),
                () -> AddOperator.addOnce(closed, tensor, tensor, one, tensor)), "Stream#", "on device 0 is closed");
    }

    // ---- Event, Capture, CaptureModeScope ----

    @Test
    void eventsAndCaptures() {
        Event event = device.createEvent();
        refused(NullPointerException.class, () -> event.record(null), "stream");
        event.close();
        for (Executable call : List.<Executable>of(() -> event.record(stream), event::synchronize, event::isComplete,
                () -> stream.waitFor(event))) {
            refused(IllegalStateException.class, call, "Event#", "on device 0 is closed");
        }
        Capture capture = stream.beginCapture(CaptureMode.GLOBAL);
        refused(CaptureException.class, 107027, () -> stream.beginCapture(CaptureMode.RELAXED),
                "Stream.beginCapture", "ACL_ERROR_RT_STREAM_CAPTURED", "already capturing");
        refused(NullPointerException.class, () -> capture.taskGroup(null), "body");
        Model model = capture.end();
        refused(IllegalStateException.class, capture::end, "this capture already ended");
        refused(IllegalStateException.class, () -> capture.taskGroup(() -> { }), "this capture already ended");
        assertEquals(CaptureStatus.NONE, capture.status());
        assertDoesNotThrow(capture::close);
        model.close();
    }

    @Test
    void captureModeScopes() {
        CaptureModeScope relaxed = runtime.captureMode(CaptureMode.RELAXED);
        refused(IllegalStateException.class, () -> onAnotherThread(relaxed::close),
                "must be closed on the thread that opened it");
        CaptureModeScope threadLocal = runtime.captureMode(CaptureMode.THREAD_LOCAL);
        assertEquals(CaptureMode.RELAXED, threadLocal.previous());
        refused(IllegalStateException.class, relaxed::close, "reverse order of opening",
                "close the THREAD_LOCAL scope opened after this RELAXED scope first");
        threadLocal.close();
        relaxed.close();
        assertDoesNotThrow(relaxed::close);
        try (CaptureModeScope global = runtime.captureMode(CaptureMode.GLOBAL)) {
            assertEquals(CaptureMode.GLOBAL, global.previous(), "the refused close left no stale mode behind");
        }
    }

    // ---- TaskGroup, Model, Simulator ----

    @Test
    void taskGroupUpdates() {
        Tensor x = floats(device, new float[] {0, 0, 0, 0}, 4);
        HostBuffer host = device.allocateHost(16);
        AddOperator first = AddOperator.inplaceAdds(x, one, one);
        AddOperator second = AddOperator.inplaceAdds(x, runtime.scalar(DataType.FLOAT, 10.0), one);
        Stream updater = device.createStream();
        TaskGroup group;
        Model model;
        try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
            group = capture.taskGroup(() -> first.launch(stream));
            model = capture.end();
        }
        refused(NullPointerException.class, () -> group.update(null, () -> { }), "stream");
        refused(NullPointerException.class, () -> group.update(updater, null), "body");
        assertEquals(1, group.kernelCount());
        refused(TaskUpdateException.class, -2, () -> group.update(updater, () -> { }), "TaskGroup.update",
                "the group holds 1 kernel but the update launched 0", "nothing was changed");
        // All or nothing: two kernels into a one-kernel group, or a kernel of another shape, change nothing.
        refused(TaskUpdateException.class, -2, () -> group.update(updater, () -> {
            second.launch(updater);
            second.launch(updater);
        }), "TaskGroup.update", "the group holds 1 kernel but the update launched 2");
        Tensor wide = device.tensor(DataType.FLOAT, 8);
        AddOperator otherShape = AddOperator.inplaceAdds(wide, runtime.scalar(DataType.FLOAT, 100.0), one);
        refused(TaskUpdateException.class, -2, () -> group.update(updater, () -> otherShape.launch(updater)),
                "TaskGroup.update", "kernel 0 of the group was captured as inplaceAdds(FLOAT[4]",
                "cannot take", "same data types, shapes and strides");
        RuntimeException bodyFailure = new RuntimeException("the body failed");
        assertEquals(bodyFailure, assertThrows(RuntimeException.class, () -> group.update(updater, () -> {
            second.launch(updater);
            throw bodyFailure;
        })));
        refused(TaskUpdateException.class, -2, () -> group.update(updater, () -> updater.copyAsync(host, x)),
                "Stream.copyAsync", "operator launches only");
        updater.synchronize();
        model.execute(stream);
        assertFloats(new float[] {1, 1, 1, 1}, read(device, x), "the refused updates changed nothing");
        device.fill(x, 0);
        try (Capture other = updater.beginCapture(CaptureMode.GLOBAL)) {
            refused(CaptureException.class, 107027, () -> group.update(updater, () -> second.launch(updater)),
                    "TaskGroup.update", "update from a stream that is not");
        }
        group.update(updater, () -> second.launch(updater));
        updater.synchronize();
        model.execute(stream);
        assertFloats(new float[] {10, 10, 10, 10}, read(device, x), "the updated kernel ran");
        model.close();
        refused(IllegalStateException.class, () -> group.update(updater, () -> second.launch(updater)),
                "TaskGroup.update", "the model this task group belongs to was released");
        group.close();
        refused(IllegalStateException.class, () -> group.update(updater, () -> { }), "TaskGroup#", "is closed");
    }

    @Test
    void aTaskGroupOfACaptureThatYieldedNoModelIsClosed() {
        Tensor x = device.tensor(DataType.FLOAT, 4);
        AddOperator add = AddOperator.inplaceAdds(x, one, one);
        Stream side = device.createStream();
        Event fork = device.createEvent();
        TaskGroup[] groups = new TaskGroup[2];
        try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
            groups[0] = capture.taskGroup(() -> add.launch(stream));
            fork.record(stream);
            side.waitFor(fork); // side joins and never joins back
            refused(CaptureException.class, 107025, capture::end, "ACL_ERROR_RT_STREAM_UNJOINED",
                    "was not joined back");
        }
        try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
            groups[1] = capture.taskGroup(() -> add.launch(stream));
            // left without end(): discarded
        }
        for (TaskGroup group : groups) {
            assertTrue(group.isClosed());
            refused(IllegalStateException.class, () -> group.update(side, () -> add.launch(side)),
                    "TaskGroup#", "is closed (its capture ended without a model)");
        }
    }

    @Test
    void modelArguments(@TempDir Path folder) {
        Tensor x = device.tensor(DataType.FLOAT, 4);
        AddOperator add = AddOperator.inplaceAdds(x, one, one);
        Model model = stream.capture(CaptureMode.GLOBAL, add::launch);
        refused(NullPointerException.class, () -> model.executeAsync(null), "stream");
        refused(NullPointerException.class, () -> model.execute(null), "stream");
        refused(NullPointerException.class, () -> model.debugJson((Path) null), "path");
        refused(InvalidArgumentException.class, 107000, () -> model.debugJson(folder.resolve("missing/model.json")),
                "Model.debugJson", "its folder must exist and be writable");
        try (Stream streamOnDevice1 = device1.createStream()) {
            refused(InvalidArgumentException.class, -2, () -> model.executeAsync(streamOnDevice1),
                    "Model.executeAsync", "the model was captured on device 0 but the stream is on device 1");
        }
        try (Stream capturing = device.createStream(); Capture capture = capturing.beginCapture(CaptureMode.GLOBAL)) {
            refused(CaptureException.class, 107027, () -> model.executeAsync(capturing), "Model.executeAsync",
                    "a model cannot be launched inside a capture");
        }
        refused(InvalidArgumentException.class, -2, () -> model.name("a\0b"), "Model.name", "cannot hold a NUL");
        if (runtime.supports(Feature.MODEL_NAMES)) { // the shim refuses what no backend takes
            refused(InvalidArgumentException.class, -2, () -> model.name(" \t"), "Model.name failed", "the name",
                    "is blank");
            refused(InvalidArgumentException.class, -2, () -> model.name("é".repeat(128)),
                    "Model.name failed", "the name has 256 bytes: a model's name must be 1 to 255 bytes of UTF-8");
            String longest = "é".repeat(127) + "m";
            model.name(longest);
            assertEquals(longest, model.name());
        }
        model.close();
        for (Executable call : List.<Executable>of(() -> model.execute(stream), () -> model.executeAsync(stream),
                model::debugJson, () -> model.debugJson(folder.resolve("m.json")), model::debugPrint)) {
            refused(IllegalStateException.class, call, "Model#", "on device 0", "is closed");
        }
    }

    @Test
    void faultInjectionArguments() {
        Simulator simulator = runtime.simulator();
        refused(NullPointerException.class, () -> simulator.injectFault(null, 0, 1), "point");
        refused(InvalidArgumentException.class, -2, () -> simulator.injectFault(Simulator.FaultPoint.HOST_ALLOC, -1, 1),
                "Simulator.injectFault", "must not be negative");
        refused(InvalidArgumentException.class, () -> simulator.injectFault(Simulator.FaultPoint.HOST_ALLOC, 0, -1),
                "must not be negative");
        simulator.injectFault(Simulator.FaultPoint.HOST_ALLOC, Long.MAX_VALUE, 0); // nothing fires
        simulator.clearFaults();
    }

    @Test
    void exceptionTextNamesCodes() {
        assertEquals("ACL_ERROR_STREAM_TASK_GROUP_INTR (107034)", AclException.describeCode(107034));
        assertEquals("error 123", AclException.describeCode(123));
        AclException exception = new AclException(107027, "Stream.synchronize", null);
        assertEquals("Stream.synchronize failed: ACL_ERROR_RT_STREAM_CAPTURED (107027)", exception.getMessage());
        assertEquals("", exception.runtimeMessage());
    }

    // ---- values the device refuses, and one clear message per failure ----

    @Test
    void valuesTheDeviceRefuses() {
        Tensor ints = device.tensor(DataType.INT32, 4);
        Tensor intOut = device.tensor(DataType.INT32, 4);
        Tensor floats = device.tensor(DataType.FLOAT, 4);
        Scalar fractional = runtime.scalar(DataType.FLOAT, 1.5);
        // CANN's CanCast (the code aclnnAdd calls): no floating alpha for integer tensors, no
        // floating result into an integer out.
        refused(InvalidArgumentException.class, 161002, () -> AddOperator.add(ints, ints, fractional, intOut),
                "AddOperator.add failed", "ACLNN_ERR_PARAM_INVALID (161002)",
                "alpha dtype FLOAT can't be cast to the promoted dtype INT32");
        refused(InvalidArgumentException.class, 161002, () -> AddOperator.add(floats, floats, one, intOut),
                "AddOperator.add failed", "promoted dtype FLOAT can't be cast to the desired output dtype INT32");
        refused(InvalidArgumentException.class, 161002, () -> AddOperator.inplaceAdd(ints, floats, one),
                "AddOperator.inplaceAdd failed", "can't be cast");
        try (Scalar two = runtime.scalar(DataType.INT32, 2);
                AddOperator add = AddOperator.add(ints, ints, two, intOut)) {
            assertEquals(0, add.workspaceSize() < 0 ? 1 : 0);
        }
        // BF16's largest finite value is 3.3895314e38: 3.4e38 would round to infinity.
        refused(InvalidArgumentException.class, -2, () -> runtime.scalar(DataType.BF16, 3.4e38), "overflows BF16");
        refused(InvalidArgumentException.class, -2, () -> runtime.scalar(DataType.BF16, -3.397e38), "overflows BF16");
        runtime.scalar(DataType.BF16, 3.3895314e38).close();
        // An output whose elements share memory, refused by the shim for every operator.
        DeviceBuffer buffer = device.allocate(64);
        Tensor broadcastOut = buffer.view(DataType.FLOAT, new long[] {4}, new long[] {0}, 0);
        Tensor interleaved = buffer.view(DataType.FLOAT, new long[] {2, 3}, new long[] {2, 1}, 0);
        for (Tensor out : List.of(broadcastOut, interleaved)) {
            refused(InvalidArgumentException.class, -2, () -> AddOperator.add(floats, floats, one, out),
                    "AddOperator.add", "has elements that share memory", "do not overlap");
            refused(InvalidArgumentException.class, -2, () -> AddOperator.addOnce(stream, floats, floats, one, out),
                    "AddOperator.addOnce", "has elements that share memory");
            refused(InvalidArgumentException.class, -2, () -> AddOperator.inplaceAdds(out, one, one),
                    "AddOperator.inplaceAdds", "self", "share memory");
            refused(InvalidArgumentException.class, -2, () -> ElementwiseOperator.exp(floats, out),
                    "ElementwiseOperator.exp", "out", "share memory");
            refused(InvalidArgumentException.class, -2, () -> ElementwiseOperator.inplaceRelu(out),
                    "ElementwiseOperator.inplaceRelu", "share memory");
        }
        assertFalse(buffer.view(DataType.FLOAT, new long[] {2, 2}, new long[] {1, 2}, 0).hasOverlappingElements());
        // An event belongs to its device.
        Event event = device.createEvent();
        Stream onDevice1 = device1.createStream();
        refused(InvalidArgumentException.class, -2, () -> event.record(onDevice1), "Event.record",
                "is of device 0", "is of device 1", "device.createEvent()");
        refused(InvalidArgumentException.class, -2, () -> onDevice1.waitFor(event), "Stream.waitFor",
                "is of device 0");
    }

    @Test
    void oneClearMessagePerFailureInJavaTerms() {
        Tensor four = device.tensor(DataType.FLOAT, 4);
        try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
            CaptureException sync = refused(CaptureException.class, 107027, stream::synchronize,
                    "Stream.synchronize failed: ACL_ERROR_RT_STREAM_CAPTURED (107027) - ", "capture.end()");
            String message = sync.getMessage();
            assertFalse(message.contains("aclrt") || message.contains("aclmdl") || message.contains("agj_"), message);
            assertEquals(message.indexOf("107027"), message.lastIndexOf("107027"), message); // the code once
            assertFalse(sync.runtimeMessage().contains("failed with ACL error"), sync.runtimeMessage());
            CaptureException copy = refused(CaptureException.class, 107030, () -> device.copy(four, four),
                    "Device.copy failed: ACL_ERROR_RT_CAPTURE_MODE_NOT_SUPPORT (107030)", "CaptureMode.RELAXED");
            assertFalse(copy.getMessage().contains("aclrt") || copy.getMessage().contains("aclmdl"), copy.getMessage());
            // A capturing stream refuses to close: end or abandon the capture first.
            refused(CaptureException.class, 107027, stream::close, "Stream.close", "capture.end()",
                    "closing the Capture");
            assertFalse(stream.isClosed());
        }
        stream.synchronize();
        // A timeout is an exception of its own: 40 adds over 4 Mi floats take longer than 1 ms.
        Tensor x = device.tensor(DataType.FLOAT, 4 << 20);
        try (AddOperator increment = AddOperator.inplaceAdds(x, one, one)) {
            for (int i = 0; i < 40; i++) {
                increment.launch(stream);
            }
            SynchronizeTimeoutException timeout = refused(SynchronizeTimeoutException.class,
                    () -> stream.synchronize(Duration.ofMillis(1)), "Stream.synchronize failed", "Wait again");
            assertTrue(timeout instanceof AclException);
            stream.synchronize();
        }
    }

    @Test
    void aStreamClosedInsideItsCaptureLeavesNoTextForTheNextFailure() {
        Stream capturing = device.createStream();
        capturing.beginCapture(CaptureMode.GLOBAL);
        refused(CaptureException.class, 107027, capturing::close, "Stream.close");
        device.close(); // closes the capturing stream, ending its capture (failures nobody reports)
        device = runtime.device(0);
        stream = device.createStream();
        try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
            CaptureException next = refused(CaptureException.class, 107027, stream::synchronize,
                    "Stream.synchronize");
            assertFalse(next.getMessage().toLowerCase(java.util.Locale.ROOT).contains("destroy"), next.getMessage());
            assertFalse(next.runtimeMessage().toLowerCase(java.util.Locale.ROOT).contains("destroy"),
                    next.runtimeMessage());
        }
    }

    /** Each call is refused with IllegalStateException naming the closed object. */
    private static void allClosed(List<Executable> calls, String... fragments) {
        for (Executable call : calls) {
            refused(IllegalStateException.class, call, fragments);
        }
    }
}
