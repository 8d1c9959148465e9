package io.aclgraph4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aclgraph4j.CaptureMode;
import io.aclgraph4j.CaptureStatus;
import io.aclgraph4j.ConditionType;
import io.aclgraph4j.DataType;
import io.aclgraph4j.Feature;
import io.aclgraph4j.ValueCondition;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Java copies of the shim's lists (cpp/shim/include/aclgraph4j/*.def) agree with the C
 * tables: a row added or changed on one side only fails here.
 */
class ShimTablesTest {

    private static int constant(Class<?> owner, String name) throws ReflectiveOperationException {
        Field field = owner.getDeclaredField(name);
        field.setAccessible(true);
        return field.getInt(null);
    }

    /** The names of the int constants of `owner` that start with `prefix` (prefix removed). */
    private static Set<String> constants(Class<?> owner, String prefix, Set<String> except) {
        return Arrays.stream(owner.getDeclaredFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == int.class)
                .map(Field::getName)
                .filter(n -> n.startsWith(prefix) && !except.contains(n))
                .map(n -> n.substring(prefix.length()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> names(java.util.List<ShimTables.Row> rows) {
        return rows.stream().map(ShimTables.Row::name).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The table's rows and the Java enum have the same names. */
    private static void assertSameNames(java.util.List<ShimTables.Row> rows, Class<? extends Enum<?>> type,
                                        String what) {
        assertEquals(names(rows), Arrays.stream(type.getEnumConstants()).map(Enum::name)
                .collect(Collectors.toCollection(TreeSet::new)), what);
    }

    @Test
    void objectKindsMatchTheShim() throws ReflectiveOperationException {
        var rows = ShimTables.rows("shim_kinds.def", "AGJ_KIND");
        int last = 0;
        for (var row : rows) {
            assertEquals(row.code(), constant(NativeApi.class, "KIND_" + row.name()), "KIND_" + row.name());
            last = Math.max(last, row.code());
        }
        assertEquals(last + 1, NativeApi.KIND_COUNT, "KIND_COUNT is one past the last kind");
        assertEquals(names(rows), constants(NativeApi.class, "KIND_", Set.of("KIND_COUNT")), "the same kinds");
    }

    @Test
    void errorCodesMatchTheShim() throws ReflectiveOperationException {
        var rows = ShimTables.rows("shim_errors.def", "AGJ_ERROR");
        for (var row : rows) {
            assertEquals(row.code(), constant(NativeErrors.class, "ERR_" + row.name()), "ERR_" + row.name());
        }
        assertEquals(names(rows), constants(NativeErrors.class, "ERR_", Set.of()), "the same error codes");
    }

    @Test
    void dataTypesMatchTheShim() {
        var rows = ShimTables.rows("shim_data_types.def", "AGJ_DATA_TYPE");
        for (var row : rows) {
            DataType type = DataType.valueOf(row.name());
            assertEquals(row.code(), type.code(), row.name() + " code");
            assertEquals(Integer.parseInt(row.argument(2)), type.byteSize(), row.name() + " bytes");
            assertEquals(row.argument(3).equals("1"), type.isFloatingPoint(), row.name() + " floating");
        }
        assertSameNames(rows, DataType.class, "the same data types");
    }

    @Test
    void captureCodesMatchTheShim() throws ReflectiveOperationException {
        var modes = ShimTables.rows("shim_capture.def", "AGJ_CAPTURE_MODE");
        for (var row : modes) {
            assertEquals(row.code(), CaptureMode.valueOf(row.name()).code(), "capture mode " + row.name());
        }
        assertSameNames(modes, CaptureMode.class, "the same capture modes");
        var statuses = ShimTables.rows("shim_capture.def", "AGJ_CAPTURE_STATUS");
        Method ofCode = CaptureStatus.class.getDeclaredMethod("ofCode", int.class);
        ofCode.setAccessible(true);
        for (var row : statuses) {
            assertEquals(CaptureStatus.valueOf(row.name()), ofCode.invoke(null, row.code()),
                    "capture status " + row.name());
        }
        assertSameNames(statuses, CaptureStatus.class, "the same capture statuses");
    }

    @Test
    void conditionCodesMatchTheShim() {
        var types = ShimTables.rows("shim_conditions.def", "AGJ_CONDITION_TYPE");
        for (var row : types) {
            assertEquals(row.code(), ConditionType.valueOf(row.name()).code(), "condition type " + row.name());
        }
        assertEquals(names(types), Arrays.stream(ConditionType.values()).map(Enum::name)
                .collect(Collectors.toCollection(TreeSet::new)), "the same condition types");
        var waits = ShimTables.rows("shim_conditions.def", "AGJ_VALUE_WAIT");
        for (var row : waits) {
            assertEquals(row.code(), ValueCondition.valueOf(row.name()).code(), "value condition " + row.name());
        }
        assertEquals(names(waits), Arrays.stream(ValueCondition.values()).map(Enum::name)
                .collect(Collectors.toCollection(TreeSet::new)), "the same value conditions");
    }

    @Test
    void operatorsMatchTheShim() throws ReflectiveOperationException {
        var rows = ShimTables.rows("shim_operators.def", "AGJ_OPERATOR");
        for (var row : rows) {
            assertEquals(row.code(), constant(NativeApi.class, "OP_" + row.name()), "OP_" + row.name());
            assertTrue(row.argument(2).startsWith("aclnn"), row.name() + " names its aclnn function");
        }
        assertEquals(names(rows), constants(NativeApi.class, "OP_", Set.of()), "the same operators");
    }

    @Test
    void featuresMatchTheShim() throws ReflectiveOperationException {
        var rows = ShimTables.rows("shim_features.def", "AGJ_FEATURE");
        Method bit = Feature.class.getDeclaredMethod("bit");
        bit.setAccessible(true);
        for (var row : rows) {
            Feature feature = Feature.valueOf(row.name());
            assertEquals(row.code(), bit.invoke(feature), row.name() + " bit");
            assertEquals("\"" + feature.cannRelease() + "\"", row.argument(2), row.name() + " CANN release");
            List<String> functions = new ArrayList<>();
            Matcher m = Pattern.compile("AGJ_FN\\((\\w+)\\)").matcher(row.argument(3));
            while (m.find()) {
                functions.add(m.group(1));
            }
            assertEquals(functions, feature.functions(), row.name() + " functions");
        }
        assertSameNames(rows, Feature.class, "the same features");
    }

    @Test
    void apiVersionMatchesTheShim() {
        int major = ShimTables.define("AGJ_API_VERSION_MAJOR");
        int minor = ShimTables.define("AGJ_API_VERSION_MINOR");
        assertEquals(major, JavaCppNativeApi.API_VERSION_MAJOR, "major version");
        assertEquals(minor, JavaCppNativeApi.API_VERSION_MINOR, "minor version");
        assertTrue(JavaCppNativeApi.compatible(major << 16 | minor), "the shim's own version");
        assertTrue(JavaCppNativeApi.compatible(major << 16 | (minor + 1)), "a later minor version: appended only");
        assertFalse(JavaCppNativeApi.compatible((major + 1) << 16), "another major version");
        assertFalse(JavaCppNativeApi.compatible(major - 1 << 16 | 0xffff), "an older major version");
        if (minor > 0) {
            assertFalse(JavaCppNativeApi.compatible(major << 16 | (minor - 1)), "an older minor version");
        }
    }
}
