package io.aclgraph4j;

import java.util.Objects;

/**
 * An aclnn operator prepared once (a repeatable aclnn executor, with its workspace) and launched
 * any number of times, on any stream of its device, captured or not. Every operator the shim
 * declares (cpp/shim/include/aclgraph4j/shim_operators.def) is this class behind a typed
 * factory ({@link AddOperator#add} and its family); the factory lists the operands in the order
 * of the operator's row, the shim checks them. Operands must stay open while the operator is
 * prepared; after that the operator (and any model that captured it) keeps them alive.
 */
public class Operator extends NativeObject {
    private final String text;

    Operator(Tensor anchor, long handle, String text) {
        super(anchor.runtime, anchor.device().owned(), handle, text);
        this.text = text;
    }

    /** Launches the operator on {@code stream} (recorded if the stream is capturing). */
    public void launch(Stream stream) {
        Objects.requireNonNull(stream, "stream");
        api().executorLaunch(handle(), stream.handle());
    }

    /** Bytes of device workspace the operator needs (allocated and kept by the operator). */
    public long workspaceSize() {
        return api().executorWorkspaceSize(handle());
    }

    @Override
    public String toString() {
        return text + (isClosed() ? " (closed)" : "");
    }
}
