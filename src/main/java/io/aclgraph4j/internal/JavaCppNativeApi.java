package io.aclgraph4j.internal;

import java.nio.ByteBuffer;
import org.bytedeco.javacpp.BytePointer;

/** {@link NativeApi} over the JavaCPP glue of the shim. Stateless; one instance serves all. */
public final class JavaCppNativeApi implements NativeApi {
    /** The shim API version this facade was written for (AGJ_API_VERSION_MAJOR / _MINOR of shim.h). */
    static final int API_VERSION_MAJOR = 4;

    static final int API_VERSION_MINOR = 0;

    /** Room for a model's name read back from the runtime (Model.name caps names below it). */
    static final int MODEL_NAME_BYTES = 256;

    /**
     * Whether a shim of API version {@code version} (major × 65536 + minor) serves this facade: the
     * same major version, and at least the minor one (shim.h, "Growing the API").
     */
    static boolean compatible(int version) {
        return version >>> 16 == API_VERSION_MAJOR && (version & 0xffff) >= API_VERSION_MINOR;
    }

    private static volatile JavaCppNativeApi instance;

    private JavaCppNativeApi() {}

    /**
     * Loads the native libraries (from the jar, or the class folder) and checks that the shim
     * speaks this facade's API version.
     */
    public static JavaCppNativeApi load() {
        JavaCppNativeApi api = instance;
        if (api != null) {
            return api;
        }
        synchronized (JavaCppNativeApi.class) {
            if (instance == null) {
                try {
                    ShimLibrary.load();
                } catch (UnsatisfiedLinkError | ExceptionInInitializerError | NoClassDefFoundError e) {
                    String platform = System.getProperty("os.name") + "/" + System.getProperty("os.arch");
                    var error = new io.aclgraph4j.BackendUnavailableException(NativeErrors.ERR_BACKEND,
                            "load native libraries",
                            "cannot load the aclgraph4j native libraries for " + platform + ": " + e.getMessage()
                                    + ". The jar carries them for linux-x86_64 and linux-arm64 (glibc 2.17 or later); check"
                                    + " that the JavaCPP cache folder (-Dorg.bytedeco.javacpp.cachedir, default"
                                    + " ~/.javacpp/cache) is writable and not mounted noexec.");
                    error.initCause(e);
                    throw error;
                }
                int version = ShimLibrary.agj_api_version();
                if (!compatible(version)) {
                    throw new io.aclgraph4j.BackendUnavailableException(NativeErrors.ERR_BACKEND, "load native libraries",
                            "the native shim speaks API version " + (version >>> 16) + "." + (version & 0xffff)
                                    + " but this facade needs " + API_VERSION_MAJOR + "." + API_VERSION_MINOR
                                    + " or a later minor version: the jar and its native libraries do not match");
                }
                instance = new JavaCppNativeApi();
            }
            return instance;
        }
    }

    private static void check(int status, String operation) {
        if (status != 0) {
            throw NativeErrors.toException(status, operation, ShimLibrary.agj_last_error_message());
        }
    }

    @Override
    public int apiVersion() {
        return ShimLibrary.agj_api_version();
    }

    @Override
    public void runtimeOpen(String backend) {
        check(ShimLibrary.agj_runtime_open(backend), "AclRuntime.open");
    }

    @Override
    public void runtimeClose() {
        check(ShimLibrary.agj_runtime_close(), "AclRuntime.close");
    }

    @Override
    public String backendDescription() {
        return ShimLibrary.agj_runtime_backend_description();
    }

    @Override
    public long runtimeFeatures() {
        long[] out = new long[1];
        check(ShimLibrary.agj_runtime_features(out), "AclRuntime.features");
        return out[0];
    }

    @Override
    public int deviceCount() {
        int[] out = new int[1];
        check(ShimLibrary.agj_device_count(out), "AclRuntime.deviceCount");
        return out[0];
    }

    @Override
    public void release(long handle) {
        check(ShimLibrary.agj_release(handle), "close");
    }

    @Override
    public long liveCount(int kind) {
        return ShimLibrary.agj_live_count(kind);
    }

    @Override
    public String liveReport() {
        return ShimLibrary.agj_live_report();
    }

    @Override
    public long deviceOpen(int deviceId) {
        long[] out = new long[1];
        check(ShimLibrary.agj_device_open(deviceId, out), "AclRuntime.device");
        return out[0];
    }

    @Override
    public void deviceSynchronize(long device) {
        check(ShimLibrary.agj_device_synchronize(device), "Device.synchronize");
    }

    @Override
    public long streamCreate(long device) {
        long[] out = new long[1];
        check(ShimLibrary.agj_stream_create(device, out), "Device.createStream");
        return out[0];
    }

    @Override
    public void streamSynchronize(long stream) {
        check(ShimLibrary.agj_stream_synchronize(stream), "Stream.synchronize");
    }

    @Override
    public void streamSynchronize(long stream, int timeoutMs) {
        check(ShimLibrary.agj_stream_synchronize_timeout(stream, timeoutMs), "Stream.synchronize");
    }

    @Override
    public boolean streamQuery(long stream) {
        int[] out = new int[1];
        check(ShimLibrary.agj_stream_query(stream, out), "Stream.isComplete");
        return out[0] != 0;
    }

    @Override
    public long deviceBufferAlloc(long device, long bytes) {
        long[] out = new long[1];
        check(ShimLibrary.agj_device_buffer_alloc(device, bytes, out), "Device.allocate");
        return out[0];
    }

    @Override
    public long[] hostBufferAlloc(long device, long bytes) {
        long[] handle = new long[1];
        long[] address = new long[1];
        check(ShimLibrary.agj_host_buffer_alloc(device, bytes, handle, address), "Device.allocateHost");
        return new long[] {handle[0], address[0]};
    }

    @Override
    public ByteBuffer wrap(long address, int bytes) {
        return new AddressPointer(address, bytes).asByteBuffer();
    }

    /** A JavaCPP pointer at an address the shim owns; it frees nothing. */
    private static final class AddressPointer extends BytePointer {
        AddressPointer(long address, long bytes) {
            this.address = address;
            this.limit = bytes;
            this.capacity = bytes;
        }
    }

    @Override
    public void memcpyAsync(long stream, long dst, long dstOffset, long src, long srcOffset, long bytes) {
        check(ShimLibrary.agj_memcpy_async(stream, dst, dstOffset, src, srcOffset, bytes), "Stream.copyAsync");
    }

    @Override
    public void memcpy(long dst, long dstOffset, long src, long srcOffset, long bytes) {
        check(ShimLibrary.agj_memcpy(dst, dstOffset, src, srcOffset, bytes), "Device.copy");
    }

    @Override
    public void memsetAsync(long stream, long buffer, long offset, int value, long bytes) {
        check(ShimLibrary.agj_memset_async(stream, buffer, offset, value, bytes), "Stream.fillAsync");
    }

    @Override
    public void memset(long buffer, long offset, int value, long bytes) {
        check(ShimLibrary.agj_memset(buffer, offset, value, bytes), "Device.fill");
    }

    @Override
    public long tensorCreate(long buffer, int dataType, long[] dims, long[] strides, long offset) {
        long[] out = new long[1];
        check(ShimLibrary.agj_tensor_create(buffer, dataType, dims, dims.length, strides, offset, out),
                "DeviceBuffer.view");
        return out[0];
    }

    @Override
    public long scalarCreateDouble(int dataType, double value) {
        long[] out = new long[1];
        check(ShimLibrary.agj_scalar_create_double(dataType, value, out), "AclRuntime.scalar");
        return out[0];
    }

    @Override
    public long scalarCreateLong(int dataType, long value) {
        long[] out = new long[1];
        check(ShimLibrary.agj_scalar_create_long(dataType, value, out), "AclRuntime.scalar");
        return out[0];
    }

    @Override
    public long executorPrepare(int op, long self, long other, long alpha, long out, int flags) {
        long[] executor = new long[1];
        check(ShimLibrary.agj_executor_prepare(op, self, other, alpha, out, flags, executor), switch (op) {
            case OP_ADD -> (flags & EXECUTOR_REPEATABLE) != 0 ? "AddOperator.add" : "AddOperator.addOnce";
            case OP_ADDS -> "AddOperator.adds";
            case OP_INPLACE_ADD -> "AddOperator.inplaceAdd";
            default -> "AddOperator.inplaceAdds";
        });
        return executor[0];
    }

    @Override
    public int handleKind(long handle) {
        return ShimLibrary.agj_handle_kind(handle);
    }

    @Override
    public long bufferSize(long buffer) {
        long[] out = new long[1];
        check(ShimLibrary.agj_buffer_size(buffer, out), "bufferSize");
        return out[0];
    }

    @Override
    public long operatorPrepare(String operation, int op, long[] handles, long[] ints, double[] floats, int flags) {
        long[] executor = new long[1];
        check(ShimLibrary.agj_operator_prepare(op, handles, handles.length, ints, ints.length, floats, floats.length,
                flags, executor), operation);
        return executor[0];
    }

    @Override
    public long executorWorkspaceSize(long executor) {
        long[] out = new long[1];
        check(ShimLibrary.agj_executor_workspace_size(executor, out), "AddOperator.workspaceSize");
        return out[0];
    }

    @Override
    public void executorLaunch(long executor, long stream) {
        check(ShimLibrary.agj_executor_launch(executor, stream), "AddOperator.launch");
    }

    @Override
    public long eventCreate(long device, int flags) {
        long[] out = new long[1];
        check(ShimLibrary.agj_event_create(device, flags, out), "Device.createEvent");
        return out[0];
    }

    @Override
    public void eventRecord(long event, long stream) {
        check(ShimLibrary.agj_event_record(event, stream), "Event.record");
    }

    @Override
    public void streamWaitEvent(long stream, long event) {
        check(ShimLibrary.agj_stream_wait_event(stream, event), "Stream.waitFor");
    }

    @Override
    public void eventSynchronize(long event) {
        check(ShimLibrary.agj_event_synchronize(event), "Event.synchronize");
    }

    @Override
    public boolean eventQuery(long event) {
        int[] out = new int[1];
        check(ShimLibrary.agj_event_query(event, out), "Event.isComplete");
        return out[0] != 0;
    }

    @Override
    public void captureBegin(long stream, int mode) {
        check(ShimLibrary.agj_capture_begin(stream, mode), "Stream.beginCapture");
    }

    @Override
    public long captureEnd(long stream) {
        long[] out = new long[1];
        check(ShimLibrary.agj_capture_end(stream, out), "Capture.end");
        return out[0];
    }

    @Override
    public int captureStatus(long stream) {
        int[] out = new int[1];
        check(ShimLibrary.agj_capture_status(stream, out), "Stream.captureStatus");
        return out[0];
    }

    @Override
    public int captureExchangeMode(int mode) {
        int[] out = new int[1];
        check(ShimLibrary.agj_capture_exchange_mode(mode, out), "AclRuntime.captureMode");
        return out[0];
    }

    @Override
    public void taskGroupBegin(long stream) {
        check(ShimLibrary.agj_capture_task_group_begin(stream), "Capture.taskGroup");
    }

    @Override
    public long taskGroupEnd(long stream) {
        long[] out = new long[1];
        check(ShimLibrary.agj_capture_task_group_end(stream, out), "Capture.taskGroup");
        return out[0];
    }

    @Override
    public void taskUpdateBegin(long stream, long group) {
        check(ShimLibrary.agj_capture_task_update_begin(stream, group), "TaskGroup.update");
    }

    @Override
    public void taskUpdateEnd(long stream) {
        check(ShimLibrary.agj_capture_task_update_end(stream), "TaskGroup.update");
    }

    @Override
    public void modelExecuteAsync(long model, long stream) {
        check(ShimLibrary.agj_model_execute_async(model, stream), "Model.executeAsync");
    }

    @Override
    public void modelExecute(long model, long stream) {
        check(ShimLibrary.agj_model_execute(model, stream), "Model.execute");
    }

    @Override
    public void modelDebugJson(long model, String path) {
        check(ShimLibrary.agj_model_debug_json(model, path), "Model.debugJson");
    }

    @Override
    public void modelDebugPrint(long model) {
        check(ShimLibrary.agj_model_debug_print(model), "Model.debugPrint");
    }

    @Override
    public void modelSetName(long model, String name) {
        check(ShimLibrary.agj_model_set_name(model, name), "Model.name");
    }

    @Override
    public String modelName(long model) {
        byte[] name = new byte[MODEL_NAME_BYTES];
        check(ShimLibrary.agj_model_get_name(model, name, name.length), "Model.name");
        int length = 0;
        while (length < name.length && name[length] != 0) {
            length++;
        }
        return new String(name, 0, length, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public long modelId(long model) {
        long[] out = new long[1];
        check(ShimLibrary.agj_model_id(model, out), "Model.id");
        return out[0];
    }

    @Override
    public void modelOnDestroy(long model, long cookie) {
        check(ShimLibrary.agj_model_on_destroy(model, cookie), "Model.onDestroy");
    }

    @Override
    public long[] takeDestroyed() {
        long[] cookies = new long[64];
        int[] count = new int[1];
        long[] taken = new long[0];
        do {
            check(ShimLibrary.agj_take_destroyed(cookies, cookies.length, count), "Model.onDestroy");
            int before = taken.length;
            taken = java.util.Arrays.copyOf(taken, before + count[0]);
            System.arraycopy(cookies, 0, taken, before, count[0]);
        } while (count[0] == cookies.length);
        return taken;
    }

    @Override
    public void simInjectFault(int point, long skip, long count) {
        check(ShimLibrary.agj_sim_inject_fault(point, skip, count), "Simulator.injectFault");
    }

    @Override
    public void simClearFaults() {
        check(ShimLibrary.agj_sim_clear_faults(), "Simulator.clearFaults");
    }
}
