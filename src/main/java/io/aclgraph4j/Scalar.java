package io.aclgraph4j;

/** A typed scalar operand ({@code aclScalar}), such as an add's alpha; its value is fixed. */
public final class Scalar extends NativeObject {
    private final DataType dataType;
    private final String value;

    Scalar(AclRuntime runtime, long handle, DataType dataType, String value) {
        super(runtime, runtime.owner(), handle, "Scalar(" + dataType + " " + value + ")");
        this.dataType = dataType;
        this.value = value;
    }

    public DataType dataType() {
        return dataType;
    }

    /** The value as given. */
    public String value() {
        return value;
    }
}
