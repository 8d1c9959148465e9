package io.aclgraph4j;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * The seed flow's operands: {@code out = self + 1.1 × other} on FLOAT[4, 2] tensors, with page-
 * locked host buffers for self (zeros) and other (ones). Made in the flow's order (three tensors,
 * the scalar, the operator, two host buffers); a failure part way closes what was made, and
 * {@link #close()} closes everything, newest first.
 */
final class SeedOperands implements AutoCloseable {
    static final long[] SHAPE = {4, 2};

    private final Deque<AutoCloseable> made = new ArrayDeque<>();
    final Tensor self;
    final Tensor other;
    final Tensor out;
    final Scalar alpha;
    final AddOperator add;
    final HostBuffer selfHost;
    final HostBuffer otherHost;

    SeedOperands(AclRuntime runtime, Device device) {
        try {
            self = keep(device.tensor(DataType.FLOAT, SHAPE));
            other = keep(device.tensor(DataType.FLOAT, SHAPE));
            out = keep(device.tensor(DataType.FLOAT, SHAPE));
            alpha = keep(runtime.scalar(DataType.FLOAT, 1.1));
            add = keep(AddOperator.add(self, other, alpha, out));
            selfHost = keep(device.allocateHost(self.byteSize()));
            otherHost = keep(device.allocateHost(other.byteSize()));
            float[] ones = new float[8];
            Arrays.fill(ones, 1f);
            selfHost.write(new float[8]);
            otherHost.write(ones);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private <T extends AutoCloseable> T keep(T object) {
        made.push(object);
        return object;
    }

    /**
     * The seed's capture on {@code stream}: self from its host buffer, other from its host buffer by
     * a synchronous copy (the thread switched to RELAXED around it), the add, out back to self's
     * host buffer.
     */
    Model capture(AclRuntime runtime, Stream stream) {
        try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
            stream.copyAsync(selfHost, self);
            try (CaptureModeScope relaxed = runtime.captureMode(CaptureMode.RELAXED)) {
                stream.device().copy(otherHost, other);
            }
            add.launch(stream);
            stream.copyAsync(out, selfHost);
            return capture.end();
        }
    }

    @Override
    public void close() {
        while (!made.isEmpty()) {
            try {
                made.pop().close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the seed's operands", e);
            }
        }
    }
}
