package io.aclgraph4j;

import java.util.Objects;

/**
 * An aclnn operator prepared once (a repeatable aclnn executor, with its workspace) and launched
 * any number of times, on any stream of its device, captured or not. Every operator the shim
 * declares (cpp/shim/include/aclgraph4j/shim_operators.def) is this class behind a typed
 * factory ({@link AddOperator#add} and its family); the factory lists the operands in the order
 * of the operator's row through {@code Operands}, and the shim checks them. Operands must stay
 * open while the operator is prepared; after that the operator (and any model that captured it)
 * keeps them alive.
 */
public class Operator extends NativeObject {
    private final String text;
    /** What the prepared kernel takes: a task update may only swap in an operator of the same. */
    private final String signature;
    /**
     * The operands' Java objects, kept reachable while this operator is: an operand passed inline
     * ({@code add(a, b, runtime.scalar(FLOAT, 2.0), c)}) is in use, not a leak to report.
     */
    @SuppressWarnings("unused")
    private final Object[] operands;

    Operator(Tensor anchor, long handle, String text, String signature, Object... operands) {
        super(anchor.runtime, anchor.device().owned(), handle, text);
        this.text = text;
        this.signature = signature;
        this.operands = operands;
    }

    /** What this operator's kernel takes (compared by task updates). */
    final String signature() {
        return signature;
    }

    /** The operator, and the data type, shape and strides of each operand and of alpha. */
    static String signature(String operator, Object... operands) {
        StringBuilder text = new StringBuilder(operator).append('(');
        for (Object operand : operands) {
            if (text.charAt(text.length() - 1) != '(') {
                text.append(", ");
            }
            if (operand instanceof Tensor tensor) {
                text.append(tensor.dataType()).append(java.util.Arrays.toString(tensor.shape()))
                        .append(" strides ").append(java.util.Arrays.toString(tensor.strides()));
            } else if (operand instanceof Scalar scalar) {
                text.append("scalar ").append(scalar.dataType());
            } else {
                text.append(operand);
            }
        }
        return text.append(')').toString();
    }

    /** The facade method that launches operators of this class, for errors ("AddOperator.launch"). */
    String launchOperation() {
        return getClass().getSimpleName() + ".launch";
    }

    /**
     * Launches the operator on {@code stream} (recorded if the stream is capturing).
     *
     * @param stream a stream of the operator's device
     */
    public void launch(Stream stream) {
        if (stream == null) {
            throw new NullPointerException(launchOperation() + ": stream is null");
        }
        KernelLaunches launches = stream.kernelLaunches();
        if (launches == null) {
            api().executorLaunch(handle(), stream.handle());
            return;
        }
        if (launches.deferred()) {
            launches.add(new KernelLaunches.Launch(handle(), signature, false)); // issued by the update
            return;
        }
        api().executorLaunch(handle(), stream.handle());
        launches.add(new KernelLaunches.Launch(0, signature, false));
    }

    /**
     * Bytes of device workspace the operator needs (allocated and kept by the operator).
     *
     * @return the workspace size in bytes, 0 when it needs none
     */
    public long workspaceSize() {
        return api().executorWorkspaceSize(handle());
    }

    @Override
    public String toString() {
        return text + (isClosed() ? " (closed)" : "");
    }
}
