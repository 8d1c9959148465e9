package io.aclgraph4j.internal;

import java.nio.ByteBuffer;
import org.bytedeco.javacpp.BytePointer;

/** {@link NativeApi} over the JavaCPP glue of the shim. Stateless; one instance serves all. */
public final class JavaCppNativeApi implements NativeApi {
    /** The shim API version this facade was written for (AGJ_API_VERSION_MAJOR / _MINOR of shim.h). */
    static final int API_VERSION_MAJOR = 4;

    static final int API_VERSION_MINOR = 4;

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
                    RuntimeException error = unavailable("cannot load the aclgraph4j native libraries for " + platform
                            + ": " + e.getMessage() + ". The jar carries them for linux-x86_64 and linux-arm64 (glibc"
                            + " 2.17 or later); check that the JavaCPP cache folder (-Dorg.bytedeco.javacpp.cachedir,"
                            + " default ~/.javacpp/cache) is writable and not mounted noexec.");
                    error.initCause(e);
                    throw error;
                }
                int version = ShimLibrary.agj_api_version();
                if (!compatible(version)) {
                    throw unavailable("the native shim speaks API version " + (version >>> 16) + "."
                            + (version & 0xffff) + " but this facade needs " + API_VERSION_MAJOR + "."
                            + API_VERSION_MINOR + " or a later minor version: the jar and its native libraries do not"
                            + " match");
                }
                instance = new JavaCppNativeApi();
            }
            return instance;
        }
    }

    private static RuntimeException unavailable(String reason) {
        return NativeErrors.toException(NativeErrors.ERR_BACKEND, "load native libraries", reason);
    }

    /** Throws the exception for a failed status, naming {@code operation} (the facade method called). */
    private static void check(String operation, int status) {
        if (status != 0) {
            throw NativeErrors.toException(status, operation, ShimLibrary.agj_last_error_message());
        }
    }

    /** A shim call that writes one long (a handle, a size) through its last parameter. */
    @FunctionalInterface
    private interface LongResult {
        int call(long[] out);
    }

    /** A shim call that writes one int (a flag, a code) through its last parameter. */
    @FunctionalInterface
    private interface IntResult {
        int call(int[] out);
    }

    private static long longResult(String operation, LongResult call) {
        long[] out = new long[1];
        check(operation, call.call(out));
        return out[0];
    }

    private static int intResult(String operation, IntResult call) {
        int[] out = new int[1];
        check(operation, call.call(out));
        return out[0];
    }

    @Override
    public int apiVersion() {
        return ShimLibrary.agj_api_version();
    }

    @Override
    public void runtimeOpen(String operation, String backend) {
        check(operation, ShimLibrary.agj_runtime_open(backend));
    }

    @Override
    public void runtimeClose(String operation) {
        check(operation, ShimLibrary.agj_runtime_close());
    }

    @Override
    public String backendDescription() {
        return ShimLibrary.agj_runtime_backend_description();
    }

    @Override
    public long runtimeFeatures(String operation) {
        return longResult(operation, out -> ShimLibrary.agj_runtime_features(out));
    }

    @Override
    public int deviceCount(String operation) {
        return intResult(operation, out -> ShimLibrary.agj_device_count(out));
    }

    @Override
    public void release(String operation, long handle) {
        check(operation, ShimLibrary.agj_release(handle));
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
    public long deviceOpen(String operation, int deviceId) {
        return longResult(operation, out -> ShimLibrary.agj_device_open(deviceId, out));
    }

    @Override
    public void deviceSynchronize(String operation, long device) {
        check(operation, ShimLibrary.agj_device_synchronize(device));
    }

    @Override
    public long streamCreate(String operation, long device) {
        return longResult(operation, out -> ShimLibrary.agj_stream_create(device, out));
    }

    @Override
    public void streamSynchronize(String operation, long stream) {
        check(operation, ShimLibrary.agj_stream_synchronize(stream));
    }

    @Override
    public void streamSynchronize(String operation, long stream, int timeoutMs) {
        check(operation, ShimLibrary.agj_stream_synchronize_timeout(stream, timeoutMs));
    }

    @Override
    public boolean streamQuery(String operation, long stream) {
        return intResult(operation, out -> ShimLibrary.agj_stream_query(stream, out)) != 0;
    }

    @Override
    public long deviceBufferAlloc(String operation, long device, long bytes) {
        return longResult(operation, out -> ShimLibrary.agj_device_buffer_alloc(device, bytes, out));
    }

    @Override
    public long[] hostBufferAlloc(String operation, long device, long bytes) {
        long[] handle = new long[1];
        long[] address = new long[1];
        check(operation, ShimLibrary.agj_host_buffer_alloc(device, bytes, handle, address));
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
    public void memcpyAsync(String operation, long stream, long dst, long dstOffset, long src, long srcOffset,
                            long bytes) {
        check(operation, ShimLibrary.agj_memcpy_async(stream, dst, dstOffset, src, srcOffset, bytes));
    }

    @Override
    public void memcpy(String operation, long dst, long dstOffset, long src, long srcOffset, long bytes) {
        check(operation, ShimLibrary.agj_memcpy(dst, dstOffset, src, srcOffset, bytes));
    }

    @Override
    public void memsetAsync(String operation, long stream, long buffer, long offset, int value, long bytes) {
        check(operation, ShimLibrary.agj_memset_async(stream, buffer, offset, value, bytes));
    }

    @Override
    public void memset(String operation, long buffer, long offset, int value, long bytes) {
        check(operation, ShimLibrary.agj_memset(buffer, offset, value, bytes));
    }

    @Override
    public long tensorCreate(String operation, long buffer, int dataType, long[] dims, long[] strides, long offset) {
        return longResult(operation,
                out -> ShimLibrary.agj_tensor_create(buffer, dataType, dims, dims.length, strides, offset, out));
    }

    @Override
    public long scalarCreateDouble(String operation, int dataType, double value) {
        return longResult(operation, out -> ShimLibrary.agj_scalar_create_double(dataType, value, out));
    }

    @Override
    public long scalarCreateLong(String operation, int dataType, long value) {
        return longResult(operation, out -> ShimLibrary.agj_scalar_create_long(dataType, value, out));
    }

    @Override
    public long executorPrepare(String operation, int op, long self, long other, long alpha, long out, int flags) {
        return longResult(operation,
                executor -> ShimLibrary.agj_executor_prepare(op, self, other, alpha, out, flags, executor));
    }

    @Override
    public int handleKind(long handle) {
        return ShimLibrary.agj_handle_kind(handle);
    }

    @Override
    public long bufferSize(String operation, long buffer) {
        return longResult(operation, out -> ShimLibrary.agj_buffer_size(buffer, out));
    }

    @Override
    public long operatorPrepare(String operation, int op, long[] handles, long[] ints, double[] floats, int flags) {
        return longResult(operation, executor -> ShimLibrary.agj_operator_prepare(op, handles, handles.length, ints,
                ints.length, floats, floats.length, flags, executor));
    }

    @Override
    public long executorWorkspaceSize(String operation, long executor) {
        return longResult(operation, out -> ShimLibrary.agj_executor_workspace_size(executor, out));
    }

    @Override
    public void executorLaunch(String operation, long executor, long stream) {
        check(operation, ShimLibrary.agj_executor_launch(executor, stream));
    }

    @Override
    public long eventCreate(String operation, long device, int flags) {
        return longResult(operation, out -> ShimLibrary.agj_event_create(device, flags, out));
    }

    @Override
    public void eventRecord(String operation, long event, long stream) {
        check(operation, ShimLibrary.agj_event_record(event, stream));
    }

    @Override
    public void streamWaitEvent(String operation, long stream, long event) {
        check(operation, ShimLibrary.agj_stream_wait_event(stream, event));
    }

    @Override
    public void eventSynchronize(String operation, long event) {
        check(operation, ShimLibrary.agj_event_synchronize(event));
    }

    @Override
    public boolean eventQuery(String operation, long event) {
        return intResult(operation, out -> ShimLibrary.agj_event_query(event, out)) != 0;
    }

    @Override
    public void captureBegin(String operation, long stream, int mode) {
        check(operation, ShimLibrary.agj_capture_begin(stream, mode));
    }

    @Override
    public long captureEnd(String operation, long stream) {
        return longResult(operation, out -> ShimLibrary.agj_capture_end(stream, out));
    }

    @Override
    public int captureStatus(String operation, long stream) {
        return intResult(operation, out -> ShimLibrary.agj_capture_status(stream, out));
    }

    @Override
    public int captureExchangeMode(String operation, int mode) {
        return intResult(operation, out -> ShimLibrary.agj_capture_exchange_mode(mode, out));
    }

    @Override
    public void taskGroupBegin(String operation, long stream) {
        check(operation, ShimLibrary.agj_capture_task_group_begin(stream));
    }

    @Override
    public long taskGroupEnd(String operation, long stream) {
        return longResult(operation, out -> ShimLibrary.agj_capture_task_group_end(stream, out));
    }

    @Override
    public void taskUpdateBegin(String operation, long stream, long group) {
        check(operation, ShimLibrary.agj_capture_task_update_begin(stream, group));
    }

    @Override
    public void taskUpdateEnd(String operation, long stream) {
        check(operation, ShimLibrary.agj_capture_task_update_end(stream));
    }

    @Override
    public void modelUpdateKernel(String operation, long model, int modelStream, int kernel, long executor,
                                  long stream) {
        check(operation, ShimLibrary.agj_model_update_kernel(model, modelStream, kernel, executor, stream));
    }

    @Override
    public void modelExecuteAsync(String operation, long model, long stream) {
        check(operation, ShimLibrary.agj_model_execute_async(model, stream));
    }

    @Override
    public void modelExecute(String operation, long model, long stream) {
        check(operation, ShimLibrary.agj_model_execute(model, stream));
    }

    @Override
    public void modelDebugJson(String operation, long model, String path) {
        check(operation, ShimLibrary.agj_model_debug_json(model, path));
    }

    @Override
    public void modelDebugPrint(String operation, long model) {
        check(operation, ShimLibrary.agj_model_debug_print(model));
    }

    @Override
    public void modelSetName(String operation, long model, String name) {
        check(operation, ShimLibrary.agj_model_set_name(model, name));
    }

    @Override
    public String modelName(String operation, long model) {
        byte[] name = new byte[MODEL_NAME_BYTES];
        check(operation, ShimLibrary.agj_model_get_name(model, name, name.length));
        int length = 0;
        while (length < name.length && name[length] != 0) {
            length++;
        }
        return new String(name, 0, length, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public long modelId(String operation, long model) {
        return longResult(operation, out -> ShimLibrary.agj_model_id(model, out));
    }

    @Override
    public void modelOnDestroy(String operation, long model, long cookie) {
        check(operation, ShimLibrary.agj_model_on_destroy(model, cookie));
    }

    @Override
    public long[] takeDestroyed(String operation) {
        long[] cookies = new long[64];
        int[] count = new int[1];
        long[] taken = new long[0];
        do {
            check(operation, ShimLibrary.agj_take_destroyed(cookies, cookies.length, count));
            int before = taken.length;
            taken = java.util.Arrays.copyOf(taken, before + count[0]);
            System.arraycopy(cookies, 0, taken, before, count[0]);
        } while (count[0] == cookies.length);
        return taken;
    }

    @Override
    public long conditionCreate(String operation, long stream, long defaultValue, boolean resetEachReplay) {
        return longResult(operation,
                out -> ShimLibrary.agj_condition_create(stream, defaultValue, resetEachReplay ? 1 : 0, out));
    }

    @Override
    public void conditionAddTask(String operation, long stream, long condition, int type, int bodies) {
        check(operation, ShimLibrary.agj_condition_add_task(stream, condition, type, bodies));
    }

    @Override
    public void conditionBodyBegin(String operation, long stream, long condition, int body, int mode) {
        check(operation, ShimLibrary.agj_condition_body_begin(stream, condition, body, mode));
    }

    @Override
    public void conditionBodyEnd(String operation, long stream, long condition, int body) {
        check(operation, ShimLibrary.agj_condition_body_end(stream, condition, body));
    }

    @Override
    public void conditionSet(String operation, long condition, long value) {
        check(operation, ShimLibrary.agj_condition_set(condition, value));
    }

    @Override
    public long conditionGet(String operation, long condition) {
        return longResult(operation, out -> ShimLibrary.agj_condition_get(condition, out));
    }

    @Override
    public void conditionCopyAsync(String operation, long stream, long condition, long source, long sourceOffset) {
        check(operation, ShimLibrary.agj_condition_copy_async(stream, condition, source, sourceOffset));
    }

    @Override
    public void eventRecordExternal(String operation, long event, long stream) {
        check(operation, ShimLibrary.agj_event_record_external(event, stream));
    }

    @Override
    public void streamWaitEventExternal(String operation, long stream, long event) {
        check(operation, ShimLibrary.agj_stream_wait_event_external(stream, event));
    }

    @Override
    public void valueWriteAsync(String operation, long stream, long buffer, long offset, long value) {
        check(operation, ShimLibrary.agj_value_write_async(stream, buffer, offset, value));
    }

    @Override
    public void valueWaitAsync(String operation, long stream, long buffer, long offset, long value, int condition) {
        check(operation, ShimLibrary.agj_value_wait_async(stream, buffer, offset, value, condition));
    }

    @Override
    public int[] modelTasks(String operation, long model) {
        int[] list = new int[256];
        int[] length = new int[1];
        while (true) {
            check(operation, ShimLibrary.agj_model_tasks(model, list, list.length, length));
            if (length[0] <= list.length) {
                return java.util.Arrays.copyOf(list, length[0]);
            }
            list = new int[length[0]];
        }
    }

    @Override
    public void simInjectFault(String operation, int point, long skip, long count) {
        check(operation, ShimLibrary.agj_sim_inject_fault(point, skip, count));
    }

    @Override
    public void simClearFaults(String operation) {
        check(operation, ShimLibrary.agj_sim_clear_faults());
    }
}
