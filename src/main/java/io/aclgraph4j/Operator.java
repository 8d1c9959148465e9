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
    /** What the prepared kernel takes: a task update may only swap in an operator of the same. */
    private final String signature;
    /** The operator's name in the captured graph ("add", "matmul"): its signature up to the operands. */
    private final String kernelName;
    /** The facade method that launches it, for errors ("AddOperator.launch"): named once, launched often. */
    private final String launchOperation;
    /**
     * The operands' Java objects, kept reachable while this operator is: an operand passed inline
     * ({@code add(a, b, runtime.scalar(FLOAT, 2.0), c)}) is in use, not a leak to report.
     */
    private final Object[] operands;

    Operator(Tensor anchor, long handle, String text, String signature, Object... operands) {
        super(anchor.runtime, anchor.device().owned(), handle, numberedOperator(anchor.runtime, text));
        this.signature = signature;
        int open = signature.indexOf('(');
        this.kernelName = open > 0 ? signature.substring(0, open) : signature;
        this.operands = operands;
        this.launchOperation = getClass().getSimpleName() + ".launch";
    }

    /** "AddOperator(add ...)" as "AddOperator#3 add ...". */
    private static String numberedOperator(AclRuntime runtime, String text) {
        int open = text.indexOf('(');
        if (open > 0 && text.endsWith(")")) {
            return numbered(runtime, text.substring(0, open), text.substring(open + 1, text.length() - 1));
        }
        return numbered(runtime, text, "");
    }

    /** The operands, for the captured graph's description of the kernel. */
    final Object[] operands() {
        return operands;
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

    /**
     * Launches the operator on {@code stream} (recorded if the stream is capturing).
     *
     * @param stream a stream of the operator's device
     */
    public void launch(Stream stream) {
        if (stream == null) {
            throw new NullPointerException(launchOperation + ": stream is null");
        }
        KernelLaunches launches = stream.kernelLaunches();
        if (launches != null && launches.deferred()) {
            // issued by the update
            launches.add(new KernelLaunches.Launch(handle(), signature, false, kernelName, operands));
            return;
        }
        api().executorLaunch(launchOperation, handle(), stream.handle());
        CapturedGraph graph = stream.capturedGraph();
        if (graph != null) {
            graph.kernel(stream, kernelName, signature, operands);
        }
        if (launches != null) {
            launches.add(new KernelLaunches.Launch(0, signature, false, kernelName, operands));
        }
    }

    /**
     * Bytes of device workspace the operator needs (allocated and kept by the operator).
     *
     * @return the workspace size in bytes, 0 when it needs none
     */
    public long workspaceSize() {
        return api().executorWorkspaceSize(getClass().getSimpleName() + ".workspaceSize", handle());
    }

}
