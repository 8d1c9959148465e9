package io.aclgraph4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every function of the shim's C API (shim.h, and the testing hooks of shim_testing.h) is bound
 * in {@link ShimLibrary} with as many parameters, nothing else is, and each binding is called:
 * by {@link JavaCppNativeApi} (the facade's only way in) or, for the measurement hooks, by the
 * benchmarks.
 */
class ShimBindingTest {
    private static final Path SOURCES = Path.of("src/main/java/io/aclgraph4j/internal");
    private static final Path BENCHMARKS = Path.of("benchmarks/src/main/java/io/aclgraph4j/internal");

    private static Map<String, ShimTables.Function> declared() {
        Map<String, ShimTables.Function> functions = new TreeMap<>();
        for (String header : List.of("shim.h", "shim_testing.h")) {
            for (ShimTables.Function f : ShimTables.functions(header)) {
                functions.put(f.name(), f);
            }
        }
        return functions;
    }

    private static Map<String, Method> bound() {
        Map<String, Method> natives = new TreeMap<>();
        for (Method method : ShimLibrary.class.getDeclaredMethods()) {
            if (Modifier.isNative(method.getModifiers())) {
                natives.put(method.getName(), method);
            }
        }
        return natives;
    }

    @Test
    void everyShimFunctionIsBoundWithItsParameters() {
        Map<String, ShimTables.Function> declared = declared();
        Map<String, Method> bound = bound();
        assertTrue(declared.size() > 40, "the headers were parsed: " + declared.keySet());
        List<String> problems = new ArrayList<>();
        declared.forEach((name, function) -> {
            Method method = bound.get(name);
            if (method == null) {
                problems.add(name + " (" + function.header() + ") has no binding in ShimLibrary");
            } else if (method.getParameterCount() != function.parameters()) {
                problems.add(name + " takes " + function.parameters() + " parameters in " + function.header()
                        + " but " + method.getParameterCount() + " in ShimLibrary");
            }
        });
        bound.keySet().stream().filter(name -> !declared.containsKey(name))
                .forEach(name -> problems.add("ShimLibrary binds " + name + ", which no header declares"));
        assertEquals(List.of(), problems);
    }

    @Test
    void everyBindingIsCalled() throws IOException {
        String callers = Files.readString(SOURCES.resolve("JavaCppNativeApi.java"));
        Path seedRatio = BENCHMARKS.resolve("SeedRatio.java");
        String benchmarks = Files.exists(seedRatio) ? Files.readString(seedRatio) : "";
        List<String> uncalled = new ArrayList<>();
        for (String name : bound().keySet()) {
            String call = "ShimLibrary." + name + "(";
            boolean called = name.startsWith("agj_bench_") ? benchmarks.contains(call) : callers.contains(call);
            if (!called) {
                uncalled.add(name);
            }
        }
        assertEquals(List.of(), uncalled, "bindings no NativeApi method (or benchmark) calls");
    }
}
