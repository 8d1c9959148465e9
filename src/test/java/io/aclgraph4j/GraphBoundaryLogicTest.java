package io.aclgraph4j;

import static io.aclgraph4j.TestSupport.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.aclgraph4j.internal.NativeApi;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.InOrder;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.mockito.junit.jupiter.MockitoSettings;
import org.mockito.quality.Strictness;

/**
 * The facade logic of conditional graphs, external events and value tasks against a mock native
 * layer: a backend without the feature is refused in Java (naming the CANN release) before any
 * native call; with it, the calls go to the native layer in the order the scopes make them.
 */
@ExtendWith(MockitoExtension.class)
@MockitoSettings(strictness = Strictness.LENIENT)
class GraphBoundaryLogicTest {
    private static final long DEVICE = 11;
    private static final long STREAM = 22;
    private static final long BODY_STREAM = 23;
    private static final long MODEL = 33;
    private static final long CONDITION = 44;
    private static final long EVENT = 55;
    private static final long BUFFER = 66;

    @Mock
    NativeApi api;

    private Stream openWithFeatures(Feature... features) {
        long bits = 0;
        for (Feature feature : features) {
            bits |= 1L << feature.bit();
        }
        when(api.runtimeFeatures(anyString())).thenReturn(bits);
        when(api.backendDescription()).thenReturn("cann (/usr/local/Ascend/lib64/libascendcl.so)");
        when(api.deviceOpen(anyString(), eq(0))).thenReturn(DEVICE);
        when(api.streamCreate(anyString(), eq(DEVICE))).thenReturn(STREAM, BODY_STREAM);
        when(api.captureEnd(anyString(), eq(STREAM))).thenReturn(MODEL);
        when(api.conditionCreate(anyString(), anyLong(), anyLong(), anyBoolean())).thenReturn(CONDITION);
        when(api.eventCreate(anyString(), anyLong(), anyInt())).thenReturn(EVENT);
        when(api.deviceBufferAlloc(anyString(), eq(DEVICE), eq(8L))).thenReturn(BUFFER);
        when(api.takeDestroyed(anyString())).thenReturn(new long[0]);
        return AclRuntime.open(api, "sim").device(0).createStream();
    }

    @Test
    void conditionalGraphsWithoutTheFeatureAreRefusedNamingTheRelease() {
        Stream stream = openWithFeatures(Feature.TASK_GROUPS, Feature.EXTERNAL_EVENTS, Feature.VALUE_TASKS);
        try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
            FeatureUnavailableException thrown = refused(FeatureUnavailableException.class, capture::condition,
                    "Capture.condition", "aclmdlRICondHandleCreate", "aclmdlRIAddCondTask", "CANN 9.1.0",
                    "libascendcl.so");
            assertSame(Feature.CONDITIONAL_GRAPHS, thrown.feature());
            refused(FeatureUnavailableException.class, () -> capture.conditionResetTo(3), "Capture.conditionResetTo",
                    "CANN 9.1.0");
        }
        verify(api, never()).conditionCreate(anyString(), anyLong(), anyLong(), anyBoolean());
        verify(api, never()).conditionAddTask(anyString(), anyLong(), anyLong(), anyInt(), anyInt());
    }

    @Test
    void aWhileLoopGoesToTheNativeLayerInScopeOrder() {
        Stream stream = openWithFeatures(Feature.CONDITIONAL_GRAPHS);
        List<String> ran = new ArrayList<>();
        Model model;
        try (Capture capture = stream.beginCapture(CaptureMode.THREAD_LOCAL)) {
            Condition loop = capture.conditionResetTo(4);
            capture.whileLoop(loop, body -> {
                assertEquals(BODY_STREAM, body.stream().handle());
                assertEquals(0, body.index());
                ran.add("body");
            });
            assertEquals(ConditionType.WHILE, loop.type());
            model = capture.end();
        }
        assertEquals(List.of("body"), ran);
        InOrder order = inOrder(api);
        order.verify(api).conditionCreate("Capture.conditionResetTo", STREAM, 4, true);
        order.verify(api).conditionAddTask("Capture.whileLoop", STREAM, CONDITION, ConditionType.WHILE.code(), 1);
        order.verify(api).conditionBodyBegin("Capture.whileLoop", BODY_STREAM, CONDITION, 0,
                CaptureMode.THREAD_LOCAL.code());
        order.verify(api).conditionBodyEnd("Capture.whileLoop", BODY_STREAM, CONDITION, 0);
        order.verify(api).release(anyString(), eq(BODY_STREAM)); // the body's stream is the SDK's, closed once captured
        order.verify(api).captureEnd(anyString(), eq(STREAM));
        model.close();
    }

    @Test
    void aBodyThatCannotBeEndedSpoilsTheCapture() {
        Stream stream = openWithFeatures(Feature.CONDITIONAL_GRAPHS);
        doThrow(new IllegalStateException("Body.end: refused")).when(api).conditionBodyEnd(anyString(), eq(BODY_STREAM),
                eq(CONDITION), eq(0));
        try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
            Condition condition = capture.condition();
            refused(IllegalStateException.class, () -> capture.ifThen(condition, body -> { }), "refused");
            refused(CaptureException.class, capture::end, "a body of a conditional task failed");
        }
        verify(api).release(anyString(), eq(MODEL)); // discarded: the model its end gave is released at once
    }

    @Test
    void externalEventsWithoutTheFeatureAreRefusedNamingTheRelease() {
        Stream stream = openWithFeatures(Feature.CONDITIONAL_GRAPHS, Feature.VALUE_TASKS);
        Event event = stream.device().createEvent();
        try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
            refused(FeatureUnavailableException.class, () -> event.recordExternal(stream), "Event.recordExternal",
                    "aclrtRecordEventWithFlag", "CANN 9.2.0");
            refused(FeatureUnavailableException.class, () -> stream.waitForExternal(event), "Stream.waitForExternal",
                    "aclrtStreamWaitEventWithFlag", "CANN 9.2.0");
        }
        verify(api, never()).eventRecordExternal(anyString(), anyLong(), anyLong());
        verify(api, never()).streamWaitEventExternal(anyString(), anyLong(), anyLong());
    }

    @Test
    void externalEventsAreTasksOfACapture() {
        Stream stream = openWithFeatures(Feature.EXTERNAL_EVENTS);
        Event event = stream.device().createEvent();
        refused(IllegalStateException.class, () -> event.recordExternal(stream), "Event.recordExternal",
                "is not capturing", "event.record(stream)");
        refused(IllegalStateException.class, () -> stream.waitForExternal(event), "stream.waitFor(event)");
        try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
            stream.waitForExternal(event);
            event.recordExternal(stream);
            Model model = capture.end();
            assertEquals(List.of(ModelTask.Type.EVENT_WAIT, ModelTask.Type.EVENT_RECORD),
                    model.tasks().stream().map(ModelTask::type).toList());
        }
        verify(api).streamWaitEventExternal("Stream.waitForExternal", STREAM, EVENT);
        verify(api).eventRecordExternal("Event.recordExternal", EVENT, STREAM);
    }

    @Test
    void valueTasksWithoutTheFeatureAreRefusedNamingTheRelease() {
        Stream stream = openWithFeatures(Feature.CONDITIONAL_GRAPHS, Feature.EXTERNAL_EVENTS);
        DeviceBuffer word = stream.device().allocate(8);
        refused(FeatureUnavailableException.class, () -> stream.writeValueAsync(word, 1), "Stream.writeValueAsync",
                "aclrtValueWrite", "CANN 8.5.0");
        refused(FeatureUnavailableException.class, () -> stream.waitValueAsync(word, 1, ValueCondition.EQ),
                "Stream.waitValueAsync", "aclrtValueWait", "CANN 8.5.0");
        verify(api, never()).valueWriteAsync(anyString(), anyLong(), anyLong(), anyLong(), anyLong());
        verify(api, never()).valueWaitAsync(anyString(), anyLong(), anyLong(), anyLong(), anyLong(), anyInt());
    }

    @Test
    void valueTasksTakeAnEightByteDeviceWord() {
        Stream stream = openWithFeatures(Feature.VALUE_TASKS);
        DeviceBuffer word = stream.device().allocate(8);
        stream.writeValueAsync(word, -5);
        stream.waitValueAsync(word, 3, ValueCondition.GEQ);
        verify(api).valueWriteAsync("Stream.writeValueAsync", STREAM, BUFFER, 0, -5);
        verify(api).valueWaitAsync("Stream.waitValueAsync", STREAM, BUFFER, 0, 3, ValueCondition.GEQ.code());
        refused(NullPointerException.class, () -> stream.waitValueAsync(word, 3, null), "condition is null");
        refused(NullPointerException.class, () -> stream.writeValueAsync(null, 3), "word is null");
    }
}
