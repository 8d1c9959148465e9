package io.aclgraph4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.aclgraph4j.MockedNative.MODEL;
import static io.aclgraph4j.MockedNative.STREAM;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.aclgraph4j.internal.NativeApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.InOrder;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

/** The capture scope's logic against a mocked native layer. */
@ExtendWith(MockitoExtension.class)
class CaptureScopeTest {
    @Mock
    NativeApi api;

    private AclRuntime runtime;
    private Stream stream;

    @BeforeEach
    void openRuntime() {
        stream = MockedNative.openStream(api);
        runtime = stream.runtime;
    }

    @Test
    void endReturnsTheModelAndCloseThenDoesNothing() {
        when(api.captureEnd(anyString(), eq(STREAM))).thenReturn(MODEL);
        Model model;
        try (Capture capture = stream.beginCapture(CaptureMode.THREAD_LOCAL)) {
            model = capture.end();
        }
        verify(api).captureBegin("Stream.beginCapture", STREAM, CaptureMode.THREAD_LOCAL.code());
        verify(api).captureEnd("Capture.end", STREAM);
        verify(api, never()).release(anyString(), eq(MODEL));
        model.executeAsync(stream);
        verify(api).modelExecuteAsync("Model.executeAsync", MODEL, STREAM);
        // Replay-and-wait is one native call, not executeAsync plus synchronize.
        model.execute(stream);
        verify(api).modelExecute("Model.execute", MODEL, STREAM);
        verify(api, never()).streamSynchronize(anyString(), eq(STREAM));
        verify(api).modelExecuteAsync("Model.executeAsync", MODEL, STREAM);
    }

    @Test
    void leavingTheScopeByAnExceptionEndsTheCaptureAndDiscardsTheModel() {
        when(api.captureEnd(anyString(), eq(STREAM))).thenReturn(MODEL);
        RuntimeException failure = new RuntimeException("inside the capture");
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> {
            try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
                throw failure;
            }
        });
        assertSame(failure, thrown);
        InOrder order = inOrder(api);
        order.verify(api).captureBegin("Stream.beginCapture", STREAM, CaptureMode.GLOBAL.code());
        order.verify(api).captureEnd("Capture.close", STREAM);
        order.verify(api).release("Capture.close", MODEL);
    }

    @Test
    void aFailingEndInsideTheScopeIsNotRepeatedOnClose() {
        when(api.captureEnd(anyString(), eq(STREAM)))
                .thenThrow(new CaptureException(507903, "Capture.end", "invalidated", "invalidated", null));
        CaptureException thrown = assertThrows(CaptureException.class, () -> {
            try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
                capture.end();
            }
        });
        assertEquals(507903, thrown.code());
        verify(api).captureEnd(anyString(), eq(STREAM)); // once: close() knows the capture already ended
        verify(api, never()).release(anyString(), anyLong());
    }

    @Test
    void endingTwiceIsAnError() {
        when(api.captureEnd(anyString(), eq(STREAM))).thenReturn(MODEL);
        try (Capture capture = stream.beginCapture(CaptureMode.RELAXED)) {
            capture.end();
            assertThrows(IllegalStateException.class, capture::end);
        }
    }

    @Test
    void theLambdaFormDiscardsTheCaptureWhenItsBodyThrows() {
        when(api.captureEnd(anyString(), eq(STREAM))).thenReturn(MODEL);
        assertThrows(IllegalArgumentException.class, () -> stream.capture(CaptureMode.GLOBAL, s -> {
            throw new IllegalArgumentException("body failed");
        }));
        verify(api).captureBegin("Stream.capture", STREAM, CaptureMode.GLOBAL.code());
        verify(api).release("Capture.close", MODEL);
    }

    @Test
    void aCaptureOnAClosedStreamIsRefusedBeforeNativeCode() {
        stream.close();
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> stream.beginCapture(CaptureMode.GLOBAL));
        assertTrue(thrown.getMessage().matches("Stream#\\d+ on device 0 is closed"), thrown.getMessage());
        verify(api, never()).captureBegin(anyString(), anyLong(), org.mockito.ArgumentMatchers.anyInt());
    }

    @Test
    void aCaptureModeScopeRestoresThePreviousMode() {
        when(api.captureExchangeMode("AclRuntime.captureMode", CaptureMode.RELAXED.code()))
                .thenReturn(CaptureMode.GLOBAL.code());
        try (CaptureModeScope scope = runtime.captureMode(CaptureMode.RELAXED)) {
            assertEquals(CaptureMode.GLOBAL, scope.previous());
        }
        InOrder order = inOrder(api);
        order.verify(api).captureExchangeMode("AclRuntime.captureMode", CaptureMode.RELAXED.code());
        order.verify(api).captureExchangeMode("CaptureModeScope.close", CaptureMode.GLOBAL.code());
    }
}
