package io.aclgraph4j;

/** A typed scalar operand ({@code aclScalar}), such as an add's alpha; its value is fixed. */
public final class Scalar extends NativeObject {
    private final DataType dataType;
    private final String value;

    Scalar(AclRuntime runtime, long handle, DataType dataType, String value) {
        super(runtime, runtime.owner(), handle, numbered(runtime, "Scalar", dataType + " " + value));
        this.dataType = dataType;
        this.value = value;
    }

    /**
     * The scalar's type.
     *
     * @return the data type it was created with
     */
    public DataType dataType() {
        return dataType;
    }

    /**
     * The value as given.
     *
     * @return the value's decimal text, as the scalar was created with it
     */
    public String value() {
        return value;
    }
}
