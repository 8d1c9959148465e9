package io.aclgraph4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.opentest4j.AssertionFailedError;
import io.aclgraph4j.WalkModel.*;

/**
 * The random walk's actions that create objects: devices, streams, buffers, tensors and views, scalars, operators,
 * events.
 */
abstract class WalkCreation extends WalkHarness {
    WalkCreation(long seed, int actions) {
        super(seed, actions);
    }

    // ---- creating ----

    String openDevice() {
        if (openCount(devices) >= 4) {
            return null;
        }
        int deviceId = chance(0.03) ? 2 : random.nextInt(2);
        Device device = call("runtime.device(" + deviceId + ")", deviceId == 2 ? Expect.invalid(-2) : Expect.OK,
                () -> runtime.device(deviceId));
        if (device != null) {
            keep(devices, new DeviceM(id(), device), 12);
            // Work around the shim's stale per-thread context cache (aclrtSetDevice in
            // agj_device_open switches the thread's context behind it; see
            // FacadeContractTest.objectsOfADeviceStayOnItAfterAnotherDeviceIsOpened): one call on
            // the new device makes the cache true again.
            harnessStreams[deviceId].captureStatus();
        }
        return "device";
    }


    String createStream() {
        return make("createStream", false, (device, bytes) -> device.createStream(),
                (id, owner, stream, floats) -> new StreamM(id, owner, stream), streams, 8, 24) ? "stream" : null;
    }

    String createEvent() {
        return make("createEvent", false, (device, bytes) -> device.createEvent(),
                (id, owner, event, floats) -> new EventM(id, owner, event), events, 8, 20) ? "event" : null;
    }

    String allocate() {
        return make("allocate", true, Device::allocate, BufM::new, buffers, 10, 30) ? "allocate" : null;
    }

    String allocateHost() {
        return make("allocateHost", true, Device::allocateHost, HostM::new, hosts, 8, 20) ? "host" : null;
    }

    /** The model of an object made on a device ({@code floats}: a buffer's size). */
    interface Modeller<B, M extends Obj> {
        M of(int id, DeviceM owner, B made, int floats);
    }

    /**
     * Makes an object on a device with {@code method} ({@code sized}: of 16, 32 or 64 bytes) and
     * keeps its model (up to {@code kept} of them); false when no device is left or
     * {@code mostOpen} are open.
     */
    private <B, M extends Obj> boolean make(String method, boolean sized, BiFunction<Device, Long, B> factory,
                                            Modeller<B, M> model, List<M> models, int mostOpen, int kept) {
        DeviceM device = pick(devices);
        if (device == null || openCount(models) >= mostOpen) {
            return false;
        }
        int floats = sized ? new int[] {4, 8, 16}[random.nextInt(3)] : 0;
        B made = call(device + "." + method + (sized ? "(" + floats * 4 + ")" : ""),
                device.open ? Expect.OK : Expect.CLOSED, () -> factory.apply(device.device, floats * 4L));
        if (made != null) {
            keep(models, model.of(id(), device, made, floats), kept);
        }
        return true;
    }

    static final long[][] SHAPES = {{4}, {2, 2}, {8}, {2, 4}, {4, 2}};

    String tensor() {
        DeviceM device = pick(devices);
        if (device == null || openCount(tensors) >= 14) {
            return null;
        }
        long[] shape = SHAPES[random.nextInt(SHAPES.length)];
        Tensor tensor = call(device + ".tensor(FLOAT, " + Arrays.toString(shape) + ")",
                device.open ? Expect.OK : Expect.CLOSED, () -> device.device.tensor(DataType.FLOAT, shape));
        if (tensor != null) {
            int floats = (int) (shape.length == 1 ? shape[0] : shape[0] * shape[1]);
            BufM storage = new BufM(id(), device, tensor.storage(), floats);
            keep(buffers, storage, 30);
            keep(tensors, new TensorM(id(), storage, tensor, shape, null, 0, true), 40);
        }
        return "tensor";
    }

    String view() {
        BufM buffer = pick(buffers);
        if (buffer == null || openCount(tensors) >= 14) {
            return null;
        }
        int n = buffer.v.length;
        long[] shape;
        long[] strides = null;
        int offset;
        switch (random.nextInt(5)) {
            case 0 -> { // contiguous at an offset
                shape = new long[] {4};
                offset = random.nextInt(n - 3);
            }
            case 1 -> { // every other element
                if (n < 8) {
                    return null;
                }
                shape = new long[] {4};
                strides = new long[] {2};
                offset = random.nextInt(n - 6);
            }
            case 2 -> { // a transposed 2 x 2
                shape = new long[] {2, 2};
                strides = new long[] {1, 2};
                offset = random.nextInt(n - 3);
            }
            case 3 -> { // 2 x 2 rows of a wider matrix
                if (n < 8) {
                    return null;
                }
                shape = new long[] {2, 2};
                strides = new long[] {4, 1};
                offset = random.nextInt(n - 5);
            }
            default -> { // too big for the buffer: refused by the shim
                shape = new long[] {n + 1L};
                offset = 0;
            }
        }
        boolean fits = shape[0] <= n;
        // A closed buffer is refused in Java, before the shim sees the extent.
        Expect expected = !buffer.open ? Expect.CLOSED : fits ? Expect.OK : Expect.invalid(-2);
        long[] finalStrides = strides;
        Tensor tensor = call(buffer + ".view(" + Arrays.toString(shape) + ", " + Arrays.toString(strides) + ", "
                + offset + ")", expected, () -> buffer.buffer.view(DataType.FLOAT, shape, finalStrides, offset));
        if (tensor != null) {
            keep(tensors, new TensorM(id(), buffer, tensor, shape, strides, offset, false), 40);
        }
        return "view";
    }

    String scalar() {
        if (openCount(scalars) >= 6) {
            return null;
        }
        int value = new int[] {1, 2, -1, 3, -2}[random.nextInt(5)];
        boolean asLong = chance(0.5);
        Scalar scalar = call("runtime.scalar(FLOAT, " + value + ")", Expect.OK,
                () -> asLong ? runtime.scalar(DataType.FLOAT, (long) value) : runtime.scalar(DataType.FLOAT,
                        (double) value));
        keep(scalars, new ScalarM(id(), scalar, value), 16);
        return "scalar";
    }


    static boolean sameLayout(TensorM a, TensorM b) {
        return a.storage == b.storage && Arrays.equals(a.positions, b.positions);
    }

    static boolean disjoint(TensorM a, TensorM b) {
        if (a.storage != b.storage) {
            return true;
        }
        for (int x : a.positions) {
            for (int y : b.positions) {
                if (x == y) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Written and read operands either the same elements in the same order, or no shared element. */
    static boolean safeAliasing(TensorM written, TensorM read) {
        return sameLayout(written, read) || disjoint(written, read);
    }

    static boolean broadcastable(long[] a, long[] b) {
        for (int i = 1; i <= Math.min(a.length, b.length); i++) {
            long x = a[a.length - i];
            long y = b[b.length - i];
            if (x != y && x != 1 && y != 1) {
                return false;
            }
        }
        return true;
    }

    /** The operator's native check: 161002 unless the shapes agree; null to skip (a valid broadcast). */
    static Expect shapeRule(TensorM self, long[] otherShape, TensorM out) {
        if (otherShape != null && !Arrays.equals(self.shape, otherShape)) {
            return broadcastable(self.shape, otherShape) ? null : Expect.invalid(161002);
        }
        return out != null && !Arrays.equals(out.shape, self.shape) ? Expect.invalid(161002) : Expect.OK;
    }

    String createOperator() {
        TensorM self = pick(tensors);
        ScalarM alpha = pick(scalars);
        if (self == null || alpha == null) {
            return null;
        }
        int kind = random.nextInt(4);
        TensorM other = kind == 0 || kind == 2 ? pickTensorLike(self) : null;
        ScalarM otherScalar = kind == 1 || kind == 3 ? pick(scalars) : null;
        TensorM out = kind <= 1 ? pickTensorLike(self) : self;
        if ((kind == 0 || kind == 2) && other == null || (kind == 1 || kind == 3) && otherScalar == null
                || out == null) {
            return null;
        }
        // The facade's checks first, in its order: one device, then every handle, then the operator's own.
        boolean foreign = switch (kind) {
            case 0 -> other.deviceId() != self.deviceId() || out.deviceId() != self.deviceId();
            case 1 -> out.deviceId() != self.deviceId();
            case 2 -> other.deviceId() != self.deviceId();
            default -> false;
        };
        boolean closedOperand = !self.open || !alpha.open || other != null && !other.open
                || otherScalar != null && !otherScalar.open || kind <= 1 && !out.open;
        Expect expected;
        if (foreign) {
            expected = Expect.invalid(-2);
        } else if (closedOperand) {
            expected = Expect.CLOSED;
        } else {
            expected = shapeRule(self, other == null ? null : other.shape, kind <= 1 ? out : null);
            if (expected == null) {
                return null; // a broadcast: not modelled
            }
            if (expected.ok() && (!safeAliasing(out, self) || other != null && !safeAliasing(out, other))) {
                return null; // partially overlapping operands: order-dependent, not modelled
            }
        }
        String name = switch (kind) {
            case 0 -> "add";
            case 1 -> "adds";
            case 2 -> "inplaceAdd";
            default -> "inplaceAdds";
        };
        String what = "AddOperator." + name + "(" + self + ", " + (other != null ? other : otherScalar) + ", "
                + alpha + (kind <= 1 ? ", " + out : "") + ")";
        AddOperator op = call(what, expected, () -> switch (kind) {
            case 0 -> AddOperator.add(self.tensor, other.tensor, alpha.scalar, out.tensor);
            case 1 -> AddOperator.adds(self.tensor, otherScalar.scalar, alpha.scalar, out.tensor);
            case 2 -> AddOperator.inplaceAdd(self.tensor, other.tensor, alpha.scalar);
            default -> AddOperator.inplaceAdds(self.tensor, otherScalar.scalar, alpha.scalar);
        });
        if (op != null) {
            keep(ops, new OpM(id(), op, name, self, other, otherScalar == null ? 0 : otherScalar.value,
                    alpha.value, out), 30);
        }
        return "operator";
    }

    /** Another tensor, mostly of the same shape and device. */
    TensorM pickTensorLike(TensorM self) {
        if (chance(0.85)) {
            List<TensorM> alike = tensors.stream().filter(t -> Arrays.equals(t.shape, self.shape)
                    && t.deviceId() == self.deviceId() && (t.open || chance(0.05))).toList();
            if (!alike.isEmpty()) {
                return alike.get(random.nextInt(alike.size()));
            }
        }
        return pick(tensors);
    }
}
