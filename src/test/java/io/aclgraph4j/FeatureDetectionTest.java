package io.aclgraph4j;

import static io.aclgraph4j.TestSupport.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.aclgraph4j.MockedNative.MODEL;
import static io.aclgraph4j.MockedNative.STREAM;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.aclgraph4j.internal.NativeApi;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.mockito.junit.jupiter.MockitoSettings;
import org.mockito.quality.Strictness;

/**
 * Run-time detection: the features come from the native layer's feature bits, read once at open,
 * and a call that needs a missing feature is refused in Java, naming the CANN release that brings
 * it, before any native call.
 */
@ExtendWith(MockitoExtension.class)
@MockitoSettings(strictness = Strictness.LENIENT)
class FeatureDetectionTest {
    @Mock
    NativeApi api;

    private Stream openWithFeatures(long bits) {
        when(api.runtimeFeatures("AclRuntime.open")).thenReturn(bits);
        when(api.backendDescription()).thenReturn("cann (/usr/local/Ascend/lib64/libascendcl.so)");
        when(api.captureEnd(anyString(), org.mockito.ArgumentMatchers.eq(STREAM))).thenReturn(MODEL);
        return MockedNative.openStream(api);
    }

    private static long bits(Feature... features) {
        long bits = 0;
        for (Feature feature : features) {
            bits |= 1L << feature.bit();
        }
        return bits;
    }

    @Test
    void featuresAreTheBitsTheBackendReports() {
        assertEquals(Set.of(), AclRuntime.features(0));
        assertEquals(EnumSet.allOf(Feature.class), AclRuntime.features(-1L), "unknown bits are ignored");
        assertEquals(Set.of(Feature.DEBUG_JSON), AclRuntime.features(bits(Feature.DEBUG_JSON) | 1L << 62));
        Stream stream = openWithFeatures(bits(Feature.TASK_GROUPS));
        AclRuntime runtime = stream.runtime;
        assertEquals(Set.of(Feature.TASK_GROUPS), runtime.features());
        assertTrue(runtime.supports(Feature.TASK_GROUPS));
        assertFalse(runtime.supports(Feature.DEBUG_JSON));
        assertSame(runtime.features(), runtime.features(), "read once, at open");
        verify(api).runtimeFeatures("AclRuntime.open");
        assertThrows(UnsupportedOperationException.class, () -> runtime.features().add(Feature.DEBUG_JSON));
        runtime.close();
        refused(IllegalStateException.class, runtime::features, "is closed");
    }

    @Test
    void aTaskGroupWithoutTheFeatureIsRefusedNamingTheRelease() {
        Stream stream = openWithFeatures(bits(Feature.DEBUG_JSON, Feature.DEBUG_PRINT));
        try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
            FeatureUnavailableException thrown = refused(FeatureUnavailableException.class,
                    () -> capture.taskGroup(() -> { }), "Capture.taskGroup", "aclmdlRICaptureTaskGrpBegin",
                    "CANN 8.1.RC1", "libascendcl.so");
            assertEquals(Feature.TASK_GROUPS, thrown.feature());
            assertTrue(thrown instanceof BackendUnavailableException);
        }
        verify(api, never()).taskGroupBegin(anyString(), anyLong());
    }

    @Test
    void aTaskGroupWithTheFeatureReachesTheNativeLayer() {
        Stream stream = openWithFeatures(bits(Feature.TASK_GROUPS));
        when(api.taskGroupEnd("Capture.taskGroup", STREAM)).thenReturn(44L);
        try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
            capture.taskGroup(() -> { });
        }
        verify(api).taskGroupBegin("Capture.taskGroup", STREAM);
    }

    @Test
    void theJsonDumpAndTheRuntimesListingNeedTheirFeatures(@org.junit.jupiter.api.io.TempDir Path folder) {
        Stream stream = openWithFeatures(bits(Feature.TASK_GROUPS));
        Model model = stream.capture(CaptureMode.GLOBAL, s -> { });
        refused(FeatureUnavailableException.class, () -> model.debugJson(folder.resolve("m.json")), "Model.debugJson",
                "aclmdlRIDebugJsonPrint", "CANN 8.3.RC1");
        refused(FeatureUnavailableException.class, model::debugJson, "CANN 8.3.RC1");
        refused(FeatureUnavailableException.class, model::debugPrintToLog, "Model.debugPrintToLog",
                "aclmdlRIDebugPrint", "CANN 8.1.RC1");
        verify(api, never()).modelDebugJson(anyString(), anyLong(), anyString());
        verify(api, never()).modelDebugPrint(anyString(), anyLong());
        // What needs no optional function works on any backend.
        assertTrue(model.debugPrint().startsWith(model.toString()));
        assertTrue(model.toDot().startsWith("digraph"));
    }

    @Test
    void withTheFeaturesTheCallsGoThrough(@org.junit.jupiter.api.io.TempDir Path folder) {
        Stream stream = openWithFeatures(bits(Feature.DEBUG_JSON, Feature.DEBUG_PRINT));
        Model model = stream.capture(CaptureMode.GLOBAL, s -> { });
        model.debugJson(folder.resolve("m.json"));
        model.debugPrintToLog();
        verify(api).modelDebugJson("Model.debugJson", MODEL, folder.resolve("m.json").toAbsolutePath().toString());
        verify(api).modelDebugPrint("Model.debugPrintToLog", MODEL);
    }

    @Test
    void aModelsNameAndIdNeedTheirFeatures() {
        Stream stream = openWithFeatures(bits(Feature.TASK_GROUPS));
        Model model = stream.capture(CaptureMode.GLOBAL, s -> { });
        refused(FeatureUnavailableException.class, () -> model.name("decode"), "Model.name", "aclmdlRISetName",
                "CANN 8.5.0");
        refused(FeatureUnavailableException.class, model::name, "Model.name", "aclmdlRIGetName");
        refused(FeatureUnavailableException.class, model::id, "Model.id", "aclmdlRIGetId", "CANN 9.1.0");
        verify(api, never()).modelSetName(anyString(), anyLong(), anyString());
        verify(api, never()).modelName(anyString(), anyLong());
        verify(api, never()).modelId(anyString(), anyLong());
        assertFalse(model.toString().contains("decode"), "a refused name is not shown");
    }

    @Test
    void aModelsNameIsCheckedThenGivenToTheRuntime() {
        Stream stream = openWithFeatures(bits(Feature.MODEL_NAMES, Feature.MODEL_IDS));
        Model model = stream.capture(CaptureMode.GLOBAL, s -> { });
        refused(NullPointerException.class, () -> model.name(null), "Model.name: name is null");
        // Length and blanks are the shim's to refuse (BadInputTest); a NUL would end the C string early.
        refused(InvalidArgumentException.class, () -> model.name("a\0b"), "Model.name", "cannot hold a NUL");
        verify(api, never()).modelSetName(anyString(), anyLong(), anyString());
        model.name("décode");
        verify(api).modelSetName("Model.name", MODEL, "décode");
        assertTrue(model.toString().startsWith(model.describe() + " \"décode\", 0 tasks"), model.toString());
        assertTrue(model.toDot().startsWith("digraph \"" + model.describe() + " \\\"décode\\\"\""), model.toDot());
        when(api.modelName("Model.name", MODEL)).thenReturn("décode");
        when(api.modelId("Model.id", MODEL)).thenReturn(7L);
        assertEquals("décode", model.name());
        assertEquals(7L, model.id());
        model.close();
        refused(IllegalStateException.class, () -> model.name("x"), "is closed");
        refused(IllegalStateException.class, model::id, "is closed");
    }

    @Test
    void destroyCallbacksRunOnceWhenTheNativeLayerReportsTheModelDestroyed() {
        Stream stream = openWithFeatures(0); // offered on every backend: the shim's own tracking
        Model model = stream.capture(CaptureMode.GLOBAL, s -> { });
        java.util.List<String> ran = new java.util.ArrayList<>();
        stream.synchronize();
        verify(api, never()).takeDestroyed(anyString()); // no callback waits: no native call
        model.onDestroy(() -> ran.add("first"));
        model.onDestroy(() -> {
            throw new IllegalStateException("a failing callback");
        });
        model.onDestroy(() -> ran.add("third"));
        org.mockito.ArgumentCaptor<Long> cookies = org.mockito.ArgumentCaptor.forClass(Long.class);
        verify(api, org.mockito.Mockito.times(3)).modelOnDestroy(org.mockito.ArgumentMatchers.eq("Model.onDestroy"),
                org.mockito.ArgumentMatchers.eq(MODEL), cookies.capture());
        long[] registered = cookies.getAllValues().stream().mapToLong(Long::longValue).toArray();
        when(api.takeDestroyed("Stream.synchronize")).thenReturn(new long[0]);
        stream.synchronize();
        assertEquals(java.util.List.of(), ran, "not destroyed yet");
        when(api.takeDestroyed("Model.close"))
                .thenReturn(new long[] {registered[2], 999L, registered[0], registered[1]});
        model.close(); // the native release destroys it
        assertEquals(java.util.List.of("third", "first"), ran, "in the order the native layer reported");
        when(api.takeDestroyed("Stream.synchronize")).thenReturn(registered);
        stream.synchronize();
        assertEquals(2, ran.size(), "each runs once");
        refused(IllegalStateException.class, () -> model.onDestroy(() -> { }), "is closed");
        refused(NullPointerException.class, () -> stream.capture(CaptureMode.GLOBAL, s -> { }).onDestroy(null),
                "Model.onDestroy: callback is null");
    }

    @Test
    void aFailingFeatureQueryClosesTheRuntimeItOpened() {
        when(api.runtimeFeatures("AclRuntime.open")).thenThrow(new IllegalStateException("boom"));
        assertThrows(IllegalStateException.class, () -> AclRuntime.open(api, "sim"));
        verify(api).runtimeClose("AclRuntime.open");
    }
}
