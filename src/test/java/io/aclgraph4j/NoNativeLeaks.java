package io.aclgraph4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aclgraph4j.internal.JavaCppNativeApi;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * After a test class on the simulator: no native object may be left alive (once the garbage
 * collector has found the {@link HostBuffer} views the tests dropped).
 */
public final class NoNativeLeaks implements AfterAllCallback {
    @Override
    public void afterAll(ExtensionContext context) {
        JavaCppNativeApi api = JavaCppNativeApi.load();
        TestSupport.awaitCollectedViews(() -> api.liveCount(0));
        assertEquals(0, api.liveCount(0), () -> context.getDisplayName() + " leaked native objects:\n"
                + api.liveReport());
    }
}
