// JShell startup for aclgraph4j: imports and two helpers. Open with (after `mvn -q -DskipTests package`):
//   jshell --class-path target/aclgraph4j.jar:target/lib/javacpp.jar --startup DEFAULT --startup examples/aclgraph4j.jsh
import io.aclgraph4j.*;
// DEFAULT's java.util.stream.* also has a Stream: name ours explicitly.
import io.aclgraph4j.Stream;
import java.nio.*;
import java.util.Arrays;

// The runtime and device 0 of the configured backend (the simulator unless ACLGRAPH4J_BACKEND says otherwise).
// A backend that does not open says why, once, and leaves both null.
AclRuntime openRuntime() {
    try {
        return AclRuntime.open();
    } catch (AclException e) {
        System.out.println("aclgraph4j: no runtime: " + e.getMessage() + "\nrestart jshell with another backend "
                + "(for the simulator: -R-Daclgraph4j.backend=sim); runtime and device are null");
        return null;
    }
}
AclRuntime runtime = openRuntime();
Device device = runtime == null ? null : runtime.device(0);

// A float tensor of the given shape holding `values`, one per element (copied through pinned host memory).
Tensor floats(float[] values, long... shape) {
    long elements = 1;
    for (long extent : shape) {
        elements *= extent;
    }
    if (values.length != elements) {
        throw new IllegalArgumentException("floats: " + values.length + " values for shape " + Arrays.toString(shape)
                + ", which has " + elements + " elements: give one value per element");
    }
    Tensor tensor = device.tensor(DataType.FLOAT, shape);
    try (HostBuffer host = device.allocateHost(tensor.byteSize())) {
        host.write(values);
        device.copy(host, tensor);
    }
    return tensor;
}

// A float tensor's contents, read back through pinned host memory.
float[] read(Tensor tensor) {
    try (HostBuffer host = device.allocateHost(tensor.byteSize())) {
        device.copy(tensor, host);
        return host.toFloatArray();
    }
}

if (runtime != null) {
    System.out.println("aclgraph4j ready: runtime, device, floats(values, shape...), read(tensor). Backend: "
            + runtime.backend());
}
