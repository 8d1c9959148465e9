package io.aclgraph4j.bench;

import io.aclgraph4j.AclRuntime;
import io.aclgraph4j.AddOperator;
import io.aclgraph4j.Capture;
import io.aclgraph4j.CaptureMode;
import io.aclgraph4j.DataType;
import io.aclgraph4j.Device;
import io.aclgraph4j.Model;
import io.aclgraph4j.Scalar;
import io.aclgraph4j.Stream;
import io.aclgraph4j.Tensor;

/** A chain of adds on tiny tensors, alternating y = x + 1 and x = y + 1, for capture and replay. */
final class AddChain implements AutoCloseable {
    final AclRuntime runtime;
    final Stream stream;
    private final AddOperator forward;
    private final AddOperator backward;

    AddChain(int elements) {
        runtime = AclRuntime.open();
        Device device = runtime.device(0);
        stream = device.createStream();
        Tensor x = device.tensor(DataType.FLOAT, elements);
        Tensor y = device.tensor(DataType.FLOAT, elements);
        Tensor ones = device.tensor(DataType.FLOAT, elements);
        device.fill(x, 0);
        device.fill(y, 0);
        device.fill(ones, 0);
        Scalar one = runtime.scalar(DataType.FLOAT, 1.0);
        forward = AddOperator.add(x, ones, one, y);
        backward = AddOperator.add(y, ones, one, x);
    }

    /** Captures {@code k} adds into a model. */
    Model capture(int k) {
        try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
            for (int i = 0; i < k; i++) {
                (i % 2 == 0 ? forward : backward).launch(stream);
            }
            return capture.end();
        }
    }

    @Override
    public void close() {
        runtime.close();
    }
}
