package io.aclgraph4j;

import static io.aclgraph4j.TestSupport.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyDouble;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.aclgraph4j.internal.NativeApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.InOrder;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.mockito.junit.jupiter.MockitoSettings;
import org.mockito.quality.Strictness;

/**
 * Which way {@link Model#update} goes, against a mocked native layer: through a task group where the
 * task is its group's only kernel (an update ordered on the device), else through the runtime's
 * task calls where the backend has them ({@link Feature#TASK_UPDATE}), else refused naming CANN 9.1
 * before anything native is called.
 */
@ExtendWith(MockitoExtension.class)
@MockitoSettings(strictness = Strictness.LENIENT)
class TaskUpdatePathTest {
    private static final long MODEL = 900;
    private static final long GROUP = 901;

    @Mock
    NativeApi api;

    private long nextHandle = 100;
    private Stream stream;
    private AddOperator first;
    private AddOperator second;

    private void open(Feature... features) {
        long bits = 0;
        for (Feature feature : features) {
            bits |= 1L << feature.bit();
        }
        when(api.runtimeFeatures("AclRuntime.open")).thenReturn(bits);
        when(api.backendDescription()).thenReturn("cann 8.5.0 (/usr/local/Ascend/lib64/libascendcl.so)");
        when(api.deviceOpen(any(), anyInt())).thenAnswer(call -> nextHandle++);
        when(api.streamCreate(any(), anyLong())).thenAnswer(call -> nextHandle++);
        when(api.deviceBufferAlloc(any(), anyLong(), anyLong())).thenAnswer(call -> nextHandle++);
        when(api.tensorCreate(any(), anyLong(), anyInt(), any(), any(), anyLong())).thenAnswer(call -> nextHandle++);
        when(api.scalarCreateDouble(any(), anyInt(), anyDouble())).thenAnswer(call -> nextHandle++);
        when(api.operatorPrepare(any(), anyInt(), any(), any(), any(), anyInt())).thenAnswer(call -> nextHandle++);
        when(api.captureEnd(anyString(), anyLong())).thenReturn(MODEL);
        when(api.taskGroupEnd(anyString(), anyLong())).thenReturn(GROUP);
        AclRuntime runtime = AclRuntime.open(api, "sim");
        Device device = runtime.device(0);
        stream = device.createStream();
        Tensor x = device.tensor(DataType.FLOAT, 4);
        Scalar one = runtime.scalar(DataType.FLOAT, 1.0);
        first = AddOperator.inplaceAdds(x, one, one);
        second = AddOperator.inplaceAdds(x, runtime.scalar(DataType.FLOAT, 2.0), one);
    }

    /** A model of `first`'s kernel, alone in a task group when `grouped`, else followed by a grouped pair. */
    private Model capture(boolean alone) {
        try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
            if (alone) {
                capture.taskGroup(() -> first.launch(stream));
            } else {
                first.launch(stream);
                capture.taskGroup(() -> {
                    first.launch(stream);
                    first.launch(stream);
                });
            }
            return capture.end();
        }
    }

    @Test
    void aKernelInNoGroupGoesThroughTheTaskCalls() {
        open(Feature.TASK_UPDATE, Feature.TASK_GROUPS);
        Model model = capture(false);
        model.update(stream, model.tasks().get(0), () -> second.launch(stream));
        verify(api).modelUpdateKernel("Model.update", MODEL, 0, 0, second.handle(), stream.handle());
        verify(api, never()).taskUpdateBegin(anyString(), anyLong(), anyLong());
        // The second kernel of the pair: its group holds two, so the task calls update it alone.
        model.update(stream, model.tasks().get(2), () -> second.launch(stream));
        verify(api).modelUpdateKernel("Model.update", MODEL, 0, 2, second.handle(), stream.handle());
        assertEquals("KERNEL inplaceAdds(FLOAT[4], FLOAT 2.0, FLOAT 1.0) [group 0]", model.tasks().get(2).toString());
    }

    @Test
    void aKernelAloneInItsGroupGoesThroughTheGroupOrderedOnTheDevice() {
        open(Feature.TASK_UPDATE, Feature.TASK_GROUPS);
        Model model = capture(true);
        model.update(stream, model.tasks().get(0), () -> second.launch(stream));
        InOrder order = inOrder(api);
        order.verify(api).taskUpdateBegin("Model.update", stream.handle(), GROUP);
        order.verify(api).executorLaunch("Model.update", second.handle(), stream.handle());
        order.verify(api).taskUpdateEnd("Model.update", stream.handle());
        verify(api, never()).modelUpdateKernel(anyString(), anyLong(), anyInt(), anyInt(), anyLong(), anyLong());
    }

    @Test
    void withoutTheTaskCallsOnlyAGroupsSoleKernelCanBeUpdated() {
        open(Feature.TASK_GROUPS);
        Model model = capture(false);
        FeatureUnavailableException thrown = refused(FeatureUnavailableException.class,
                () -> model.update(stream, model.tasks().get(0), () -> second.launch(stream)), "Model.update",
                "aclmdlRITaskSetParams", "aclmdlRIUpdate", "CANN 9.1.0");
        assertEquals(Feature.TASK_UPDATE, thrown.feature());
        verify(api, never()).modelUpdateKernel(anyString(), anyLong(), anyInt(), anyInt(), anyLong(), anyLong());
        verify(api, never()).executorLaunch(eq("Model.update"), anyLong(), anyLong());
        Model grouped = capture(true);
        grouped.update(stream, grouped.tasks().get(0), () -> second.launch(stream));
        verify(api).taskUpdateBegin("Model.update", stream.handle(), GROUP);
        verify(api, never()).modelUpdateKernel(anyString(), anyLong(), anyInt(), anyInt(), anyLong(), anyLong());
    }

    @Test
    void aClosedGroupLeavesTheTaskCalls() {
        open(Feature.TASK_UPDATE, Feature.TASK_GROUPS);
        Model model;
        TaskGroup group;
        try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
            group = capture.taskGroup(() -> first.launch(stream));
            model = capture.end();
        }
        group.close();
        model.update(stream, model.tasks().get(0), () -> second.launch(stream));
        verify(api).modelUpdateKernel("Model.update", MODEL, 0, 0, second.handle(), stream.handle());
        verify(api, never()).taskUpdateBegin(anyString(), anyLong(), anyLong());
    }
}
