package io.aclgraph4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.aclgraph4j.InvalidArgumentException;
import org.junit.jupiter.api.Test;

/** The bindings the facade does not reach through its own objects, on the simulator. */
class JavaCppNativeApiTest {

    @Test
    void handleKindsBufferSizesAndGenericPrepare() {
        NativeApi api = JavaCppNativeApi.load();
        api.runtimeOpen("test", "sim");
        try {
            long device = api.deviceOpen("test", 0);
            long buffer = api.deviceBufferAlloc("test", device, 64);
            assertEquals(NativeApi.KIND_DEVICE, api.handleKind(device));
            assertEquals(NativeApi.KIND_DEVICE_BUFFER, api.handleKind(buffer));
            assertEquals(64, api.bufferSize("test", buffer));
            // The binding names no method itself: the error carries the operation it was given.
            InvalidArgumentException view = assertThrows(InvalidArgumentException.class,
                    () -> api.tensorCreate("Caller.method", buffer, 0, new long[] {-1}, null, 0));
            assertEquals("Caller.method", view.operation());
            api.release("test", buffer);
            assertEquals(0, api.handleKind(buffer), "a released handle is not live");
            // The generic prepare counts operands against the operator's row.
            InvalidArgumentException refused = assertThrows(InvalidArgumentException.class,
                    () -> api.operatorPrepare("test", NativeApi.OP_ADD, new long[0], new long[0], new double[0], 0));
            assertEquals(true, refused.getMessage().contains("aclnnAdd needs operand self"), refused.getMessage());
            api.release("test", device);
        } finally {
            api.runtimeClose("test");
        }
    }
}
