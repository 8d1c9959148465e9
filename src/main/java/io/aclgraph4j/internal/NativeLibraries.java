package io.aclgraph4j.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.jar.JarEntry;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.annotation.Platform;

/**
 * Loads the native libraries of a JavaCPP binding (the simulator, the shim and the JNI glue) for
 * the host's platform.
 *
 * <p>From a jar, the libraries are extracted into a folder of JavaCPP's cache named after the
 * SDK version and the glue's checksum ({@code ~/.javacpp/cache/aclgraph4j-0.1.0-1a2b3c4d/linux-x86_64/},
 * or under {@code -Dorg.bytedeco.javacpp.cachedir}), then loaded from there: two versions, or two
 * builds of one snapshot, never overwrite each other's libraries, whatever their jars are called.
 * JavaCPP's own extraction would key the folder by the jar's file name only. A file is written to a
 * temporary name and moved into place, so a concurrent JVM sees it whole or not at all.
 *
 * <p>From a class folder (the build's tests), JavaCPP loads the libraries where they are.
 */
final class NativeLibraries {
    static final String CACHE_PREFIX = "aclgraph4j-";

    private NativeLibraries() {}

    /** Loads the libraries of {@code binding} (a class annotated with {@link Platform}). */
    static void load(Class<?> binding) {
        if (!Loader.isLoadLibraries()) {
            return; // JavaCPP's Builder is inspecting the class
        }
        Properties properties = Loader.loadProperties();
        String platform = properties.getProperty("platform");
        List<String> names = libraryNames(binding, properties);
        URL glue = binding.getResource(platform + "/" + names.get(names.size() - 1));
        if (glue == null || !"jar".equals(glue.getProtocol())) {
            Loader.load(binding);
            return;
        }
        Path folder;
        try {
            JarEntry glueEntry = ((JarURLConnection) glue.openConnection()).getJarEntry();
            folder = Loader.getCacheDir().toPath()
                    .resolve(cacheFolderName(version(binding), glueEntry.getCrc()))
                    .resolve(platform);
            Files.createDirectories(folder);
            for (String name : names) {
                URL resource = binding.getResource(platform + "/" + name);
                if (resource != null) {
                    extract(resource, folder.resolve(name));
                }
            }
        } catch (IOException e) {
            UnsatisfiedLinkError error = new UnsatisfiedLinkError(
                    "cannot extract the native libraries for " + platform + " into JavaCPP's cache: " + e);
            error.initCause(e);
            throw error;
        }
        properties.setProperty("platform.preloadpath", folder.toString());
        Loader.load(binding, properties, true);
    }

    /** The cache folder of one build: the SDK version and the JNI glue's CRC-32. */
    static String cacheFolderName(String version, long glueCrc) {
        return CACHE_PREFIX + version + "-" + String.format(Locale.ROOT, "%08x", glueCrc & 0xffffffffL);
    }

    /** File names of the binding's libraries, in load order: preloads, links, then the JNI glue. */
    static List<String> libraryNames(Class<?> binding, Properties properties) {
        String prefix = properties.getProperty("platform.library.prefix", "");
        String suffix = properties.getProperty("platform.library.suffix", "");
        Platform annotation = binding.getAnnotation(Platform.class);
        List<String> names = new ArrayList<>();
        for (String name : annotation.preload()) {
            names.add(prefix + name + suffix);
        }
        for (String name : annotation.link()) {
            names.add(prefix + name + suffix);
        }
        names.add(prefix + "jni" + binding.getSimpleName() + suffix);
        return names;
    }

    /** The SDK's version, from the Maven metadata in its jar. */
    private static String version(Class<?> binding) {
        try (InputStream in = binding.getResourceAsStream("/META-INF/maven/io.aclgraph4j/aclgraph4j/pom.properties")) {
            if (in != null) {
                Properties pom = new Properties();
                pom.load(in);
                String version = pom.getProperty("version");
                if (version != null && !version.isBlank()) {
                    return version;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = binding.getPackage().getImplementationVersion();
        return version != null ? version : "unversioned";
    }

    private static void extract(URL resource, Path target) throws IOException {
        var connection = resource.openConnection();
        long size = connection.getContentLengthLong();
        if (Files.isRegularFile(target) && Files.size(target) == size) {
            return;
        }
        Path temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        try (InputStream in = connection.getInputStream()) {
            Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
