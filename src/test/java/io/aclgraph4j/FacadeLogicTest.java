package io.aclgraph4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.aclgraph4j.internal.NativeApi;
import io.aclgraph4j.internal.NativeErrors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.InOrder;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.mockito.junit.jupiter.MockitoSettings;
import org.mockito.quality.Strictness;

/** The facade's own logic (ownership, argument checks, error mapping) against a mocked native layer. */
@ExtendWith(MockitoExtension.class)
@MockitoSettings(strictness = Strictness.LENIENT)
class FacadeLogicTest {
    @Mock
    NativeApi api;

    private AclRuntime runtime;
    private Device device;
    private long nextHandle = 100;

    @BeforeEach
    void open() {
        when(api.deviceOpen(any(), anyInt())).thenAnswer(call -> nextHandle++);
        when(api.streamCreate(any(), anyLong())).thenAnswer(call -> nextHandle++);
        when(api.deviceBufferAlloc(any(), anyLong(), anyLong())).thenAnswer(call -> nextHandle++);
        when(api.hostBufferAlloc(any(), anyLong(), anyLong())).thenAnswer(call -> new long[] {nextHandle++, 0x1000});
        when(api.tensorCreate(any(), anyLong(), anyInt(), any(), any(), anyLong())).thenAnswer(call -> nextHandle++);
        when(api.eventCreate(any(), anyLong(), anyInt())).thenAnswer(call -> nextHandle++);
        runtime = AclRuntime.open(api, "sim");
        device = runtime.device(0);
    }

    @Test
    void closingADeviceReleasesWhatItOwnsNewestFirstThenItself() {
        long deviceHandle = device.handle();
        Stream stream = device.createStream();
        long streamHandle = stream.handle();
        Tensor tensor = device.tensor(DataType.FLOAT, 2, 3);
        long tensorHandle = tensor.handle();
        long bufferHandle = tensor.storage().handle();
        device.close();
        InOrder order = inOrder(api);
        order.verify(api).release("Tensor.close", tensorHandle);
        order.verify(api).release("DeviceBuffer.close", bufferHandle);
        order.verify(api).release("Stream.close", streamHandle);
        order.verify(api).release("Device.close", deviceHandle);
        device.close();
        stream.close();
        verify(api, times(1)).release(any(), eq(streamHandle));
    }

    @Test
    void closingTheRuntimeClosesDevicesThenDropsItsNativeReference() {
        long deviceHandle = device.handle();
        runtime.close();
        runtime.close();
        InOrder order = inOrder(api);
        order.verify(api).release("Device.close", deviceHandle);
        order.verify(api).runtimeClose("AclRuntime.close");
        verify(api, times(1)).runtimeClose(any());
    }

    @Test
    void aFailedReleaseStillClosesTheRest() {
        Stream first = device.createStream();
        Stream second = device.createStream();
        doThrow(new AclException(507000, "close", "boom")).when(api).release("Stream.close", second.handle());
        long firstHandle = first.handle();
        AclException thrown = assertThrows(AclException.class, device::close);
        assertEquals(507000, thrown.code());
        verify(api).release("Stream.close", firstHandle);
        assertTrue(first.isClosed() && second.isClosed() && device.isClosed());
    }

    @Test
    void onlyJavaConcernsAreCheckedBeforeNativeCode() {
        // Nulls, array lengths and a byte count a long cannot hold are Java's; the shape's values are the shim's.
        InvalidArgumentException overflow = assertThrows(InvalidArgumentException.class,
                () -> device.tensor(DataType.FLOAT, Long.MAX_VALUE / 2, 4));
        assertTrue(overflow.getMessage().contains("more bytes than a long can count"), overflow.getMessage());
        assertThrows(InvalidArgumentException.class, () -> device.tensor(DataType.FLOAT, (long[]) null));
        verify(api, never()).deviceBufferAlloc(any(), anyLong(), anyLong());
        DeviceBuffer buffer = device.allocate(64);
        assertThrows(InvalidArgumentException.class,
                () -> buffer.view(DataType.FLOAT, new long[] {2, 2}, new long[] {1}, 0));
        verify(api, never()).tensorCreate(any(), anyLong(), anyInt(), any(), any(), anyLong());
        // A negative dimension, or a view past its buffer, goes to the shim named by the method called.
        device.tensor(DataType.FLOAT, 2, -3);
        verify(api).deviceBufferAlloc("Device.tensor", device.handle(), 1);
        verify(api).tensorCreate(eq("Device.tensor"), anyLong(), eq(DataType.FLOAT.code()), eq(new long[] {2, -3}),
                isNull(), eq(0L));
        Tensor strided = buffer.view(DataType.FLOAT, new long[] {4, 2}, new long[] {4, 2}, 1);
        verify(api).tensorCreate(eq("DeviceBuffer.view"), eq(buffer.handle()), eq(DataType.FLOAT.code()),
                eq(new long[] {4, 2}), eq(new long[] {4, 2}), eq(1L));
        assertTrue(!strided.isContiguous());
        Tensor contiguous = buffer.view(DataType.INT64, 8);
        verify(api).tensorCreate(eq("DeviceBuffer.view"), eq(buffer.handle()), eq(DataType.INT64.code()),
                eq(new long[] {8}), isNull(), eq(0L));
        assertTrue(contiguous.isContiguous());
    }

    @Test
    void copiesNeedEqualSizesAndContiguousTensors() {
        Stream stream = device.createStream();
        HostBuffer host = device.allocateHost(16);
        Tensor four = device.tensor(DataType.FLOAT, 4);
        Tensor eight = device.tensor(DataType.FLOAT, 8);
        stream.copyAsync(host, four);
        verify(api).memcpyAsync("Stream.copyAsync", stream.handle(), four.storage().handle(), 0, host.handle(), 0, 16);
        InvalidArgumentException mismatch = assertThrows(InvalidArgumentException.class,
                () -> stream.copyAsync(host, eight));
        assertTrue(mismatch.getMessage().contains("source has 16 bytes but destination has 32"), mismatch.getMessage());
        Tensor strided = eight.storage().view(DataType.FLOAT, new long[] {4}, new long[] {2}, 0);
        assertThrows(InvalidArgumentException.class, () -> stream.copyAsync(host, strided));
        assertThrows(InvalidArgumentException.class, () -> stream.copyAsync(host, 0, eight, 24, 16));
        stream.copyAsync(host, 0, eight, 16, 16);
        verify(api).memcpyAsync("Stream.copyAsync", stream.handle(), eight.storage().handle(), 16, host.handle(), 0,
                16);
        assertThrows(NullPointerException.class, () -> stream.copyAsync(null, eight));
    }

    @Test
    void operatorsRefuseTensorsOfDifferentDevices() {
        Device other = runtime.device(1);
        Tensor a = device.tensor(DataType.FLOAT, 4);
        Tensor b = other.tensor(DataType.FLOAT, 4);
        Scalar alpha = new Scalar(runtime, 7, DataType.FLOAT, "1.0");
        InvalidArgumentException thrown = assertThrows(InvalidArgumentException.class,
                () -> AddOperator.add(a, b, alpha, a));
        assertTrue(thrown.getMessage().contains("all tensors must be on one device"), thrown.getMessage());
        verify(api, never()).operatorPrepare(any(), anyInt(), any(), any(), any(), anyInt());
    }

    @Test
    void nativeStatusesBecomeTypedExceptions() {
        assertInstanceOf(CaptureException.class, NativeErrors.toException(107027, "op", "m"));
        assertInstanceOf(CaptureException.class, NativeErrors.toException(507903, "op", "m"));
        assertInstanceOf(InvalidArgumentException.class, NativeErrors.toException(161002, "op", "m"));
        assertInstanceOf(InvalidArgumentException.class, NativeErrors.toException(NativeErrors.ERR_INVALID_ARGUMENT,
                "op", "m"));
        assertInstanceOf(ResourceExhaustedException.class, NativeErrors.toException(207001, "op", "m"));
        assertInstanceOf(BackendUnavailableException.class, NativeErrors.toException(NativeErrors.ERR_BACKEND,
                "op", "m"));
        assertInstanceOf(IllegalStateException.class, NativeErrors.toException(NativeErrors.ERR_INVALID_HANDLE,
                "op", "m"));
        RuntimeException generic = NativeErrors.toException(507011, "Model.executeAsync", "model not ready");
        assertEquals(AclException.class, generic.getClass());
        assertEquals("Model.executeAsync failed: ACL_ERROR_RT_MODEL_EXECUTE (507011) - model not ready",
                generic.getMessage());
    }

    @Test
    void hostBufferRangesAreChecked() {
        HostBuffer host = device.allocateHost(16);
        assertThrows(InvalidArgumentException.class, () -> host.slice(8, 9));
        assertThrows(InvalidArgumentException.class, () -> host.slice(-1, 4));
        assertThrows(InvalidArgumentException.class, () -> host.write(new float[5]));
        host.close();
        assertThrows(IllegalStateException.class, host::asByteBuffer);
    }

    @Test
    void backendNamesResolve() {
        assertEquals("sim", AclRuntime.resolveBackend("sim"));
        assertEquals("cann", AclRuntime.resolveBackend("cann"));
        String auto = AclRuntime.resolveBackend("auto");
        assertEquals(System.getenv("ASCEND_HOME_PATH") == null ? "sim" : "cann", auto);
        assertThrows(InvalidArgumentException.class, () -> AclRuntime.resolveBackend(" "));
    }

    @Test
    void timeoutsMustBePositiveMilliseconds() {
        Stream stream = device.createStream();
        assertThrows(InvalidArgumentException.class, () -> stream.synchronize(java.time.Duration.ZERO));
        stream.synchronize(java.time.Duration.ofSeconds(2));
        verify(api).streamSynchronize("Stream.synchronize", stream.handle(), 2000);
    }
}
