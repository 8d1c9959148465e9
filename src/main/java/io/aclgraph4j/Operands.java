package io.aclgraph4j;

import io.aclgraph4j.internal.NativeApi;
import java.util.Arrays;

/**
 * The operands of one operator, in the order of its row of shim_operators.def, as the shim's
 * generic prepare takes them: tensors and scalars as handles, integer, boolean and data type
 * attributes (and integer arrays, length first) as longs, floating attributes as doubles. A typed
 * factory fills one and prepares it; the shim checks the operands against the operator's row.
 */
final class Operands {
    private static final long[] NO_INTS = {};
    private static final double[] NO_FLOATS = {};

    private final String operation;
    private final Tensor anchor;
    private long[] handles = new long[4];
    private int handleCount;
    private long[] ints = NO_INTS;
    private int intCount;
    private double[] floats = NO_FLOATS;
    private int floatCount;

    /** {@code operation}: the facade method, for errors; {@code anchor}: the tensor whose device runs it. */
    Operands(String operation, Tensor anchor) {
        if (anchor == null) {
            throw new NullPointerException(operation + ": self is null");
        }
        this.operation = operation;
        this.anchor = anchor;
    }

    Operands tensor(String role, Tensor tensor) {
        return handle(role, tensor);
    }

    /** An optional tensor: null passes "none". */
    Operands optionalTensor(Tensor tensor) {
        return addHandle(tensor == null ? 0 : tensor.handle());
    }

    Operands scalar(String role, Scalar scalar) {
        return handle(role, scalar);
    }

    Operands integer(long value) {
        if (intCount == ints.length) {
            ints = Arrays.copyOf(ints, Math.max(4, intCount * 2));
        }
        ints[intCount++] = value;
        return this;
    }

    Operands bool(boolean value) {
        return integer(value ? 1 : 0);
    }

    Operands dataType(String role, DataType type) {
        if (type == null) {
            throw new NullPointerException(operation + ": " + role + " is null");
        }
        return integer(type.code());
    }

    Operands intArray(String role, long... values) {
        if (values == null) {
            throw new NullPointerException(operation + ": " + role + " is null");
        }
        integer(values.length);
        for (long value : values) {
            integer(value);
        }
        return this;
    }

    Operands real(double value) {
        if (floatCount == floats.length) {
            floats = Arrays.copyOf(floats, Math.max(2, floatCount * 2));
        }
        floats[floatCount++] = value;
        return this;
    }

    /** Prepares an executor for {@code op}; {@code repeatable}: launchable until released. */
    long prepare(int op, boolean repeatable) {
        return anchor.api().operatorPrepare(operation, op, trimmed(handles, handleCount), trimmed(ints, intCount),
                floatCount == floats.length ? floats : Arrays.copyOf(floats, floatCount),
                repeatable ? NativeApi.EXECUTOR_REPEATABLE : 0);
    }

    private static long[] trimmed(long[] values, int count) {
        return count == values.length ? values : Arrays.copyOf(values, count);
    }

    private Operands handle(String role, NativeObject object) {
        if (object == null) {
            throw new NullPointerException(operation + ": " + role + " is null");
        }
        return addHandle(object.handle());
    }

    private Operands addHandle(long handle) {
        if (handleCount == handles.length) {
            handles = Arrays.copyOf(handles, handleCount * 2);
        }
        handles[handleCount++] = handle;
        return this;
    }
}
