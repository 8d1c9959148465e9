package io.aclgraph4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The enums whose code is their ordinal: CANN's values where no shim table checks them, and the lookup. */
class OrdinalCodesTest {
    @Test
    void cubeMathTypesHaveCannsCodes() {
        Map<CubeMathType, Integer> cann = Map.of(CubeMathType.KEEP_DTYPE, 0, CubeMathType.ALLOW_FP32_DOWN_PRECISION, 1,
                CubeMathType.USE_FP16, 2, CubeMathType.USE_HF32, 3);
        assertEquals(cann.size(), CubeMathType.values().length);
        cann.forEach((type, code) -> assertEquals(code, type.code(), type.name()));
    }

    @Test
    void aCodeTurnsBackIntoItsConstantAndAnUnknownOneIsRefused() {
        for (CaptureMode mode : CaptureMode.values()) {
            assertSame(mode, CaptureMode.ofCode(mode.code()));
        }
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> CaptureMode.ofCode(3));
        assertEquals("unknown capture mode code 3", thrown.getMessage());
        thrown = assertThrows(IllegalArgumentException.class, () -> CaptureStatus.ofCode(-1));
        assertEquals("unknown capture status code -1", thrown.getMessage());
    }
}
