package io.aclgraph4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Properties;
import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.Test;

class NativeLibrariesTest {
    @Test
    void cacheFolderCarriesTheVersionAndTheGlueChecksum() {
        assertEquals("aclgraph4j-0.1.0-1a2b3c4d", NativeLibraries.cacheFolderName("0.1.0", 0x1a2b3c4dL));
        assertEquals("aclgraph4j-0.1.0-0000000f", NativeLibraries.cacheFolderName("0.1.0", 0xfL));
        // Two versions, or two builds of one version, never share a folder.
        assertNotEquals(NativeLibraries.cacheFolderName("0.1.0", 7), NativeLibraries.cacheFolderName("0.2.0", 7));
        assertNotEquals(NativeLibraries.cacheFolderName("0.1.0-SNAPSHOT", 7),
                NativeLibraries.cacheFolderName("0.1.0-SNAPSHOT", 8));
    }

    @Test
    void librariesLoadSimulatorThenShimThenGlue() {
        Properties linux = Loader.loadProperties("linux-arm64", null);
        assertEquals(List.of("libaclsim.so", "libaclgraph4j_shim.so", "libjniShimLibrary.so"),
                NativeLibraries.libraryNames(ShimLibrary.class, linux));
    }
}
