// JShell startup for aclgraph4j: imports and two helpers. Open with (after `mvn -q -DskipTests package`):
//   jshell --class-path target/aclgraph4j.jar:target/lib/javacpp.jar --startup DEFAULT --startup examples/aclgraph4j.jsh
import io.aclgraph4j.*;
// DEFAULT's java.util.stream.* also has a Stream: name ours explicitly.
import io.aclgraph4j.Stream;
import java.nio.*;
import java.util.Arrays;

// The runtime and device 0 of the configured backend (the simulator unless ACLGRAPH4J_BACKEND says otherwise).
AclRuntime runtime = AclRuntime.open();
Device device = runtime.device(0);

// A float tensor of the given shape holding `values` (copied through pinned host memory).
Tensor floats(float[] values, long... shape) {
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

System.out.println("aclgraph4j ready: runtime, device, floats(values, shape...), read(tensor). Backend: " + runtime.backend());
