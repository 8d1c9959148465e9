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
        api.runtimeOpen("sim");
        try {
            long device = api.deviceOpen(0);
            long buffer = api.deviceBufferAlloc(device, 64);
            assertEquals(NativeApi.KIND_DEVICE, api.handleKind(device));
            assertEquals(NativeApi.KIND_DEVICE_BUFFER, api.handleKind(buffer));
            assertEquals(64, api.bufferSize(buffer));
            api.release(buffer);
            assertEquals(0, api.handleKind(buffer), "a released handle is not live");
            // The generic prepare counts operands against the operator's row.
            InvalidArgumentException refused = assertThrows(InvalidArgumentException.class,
                    () -> api.operatorPrepare("test", NativeApi.OP_ADD, new long[0], new long[0], new double[0], 0));
            assertEquals(true, refused.getMessage().contains("aclnnAdd needs operand self"), refused.getMessage());
            api.release(device);
        } finally {
            api.runtimeClose();
        }
    }
}
