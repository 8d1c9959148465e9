package io.aclgraph4j;

import static org.mockito.Mockito.when;

import io.aclgraph4j.internal.NativeApi;

/** The facade over a mocked native layer: the handles it hands out, and a runtime with a stream on device 0. */
final class MockedNative {
    static final long DEVICE = 11;
    static final long STREAM = 22;
    static final long MODEL = 33;

    private MockedNative() {}

    /** Opens a runtime over {@code api}, then device 0 ({@link #DEVICE}) and a stream ({@link #STREAM}) of it. */
    static Stream openStream(NativeApi api) {
        when(api.deviceOpen("AclRuntime.device", 0)).thenReturn(DEVICE);
        when(api.streamCreate("Device.createStream", DEVICE)).thenReturn(STREAM);
        return AclRuntime.open(api, "sim").device(0).createStream();
    }
}
