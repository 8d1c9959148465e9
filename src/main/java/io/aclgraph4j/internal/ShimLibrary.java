package io.aclgraph4j.internal;

import org.bytedeco.javacpp.annotation.Cast;
import org.bytedeco.javacpp.annotation.NoException;
import org.bytedeco.javacpp.annotation.Platform;

/**
 * The JNI binding of the shim's C API ({@code cpp/shim/include/aclgraph4j/shim.h}, and the testing
 * hooks of {@code shim_testing.h}; ShimBindingTest checks that every function is bound); JavaCPP
 * generates the glue from this class. The shim never throws and validates every handle, so the
 * glue is plain: numbers in, a status out ({@code @NoException} drops the exception plumbing).
 * Only {@link JavaCppNativeApi} calls it.
 *
 * <p>{@code preload = "aclsim"} makes {@link NativeLibraries} extract the bundled simulator from the
 * jar next to the shim (in a cache folder of this SDK version), where the shim looks for it when
 * the backend is "sim".
 */
@Platform(
        compiler = "cpp17",
        include = {"aclgraph4j/shim.h", "aclgraph4j/shim_testing.h"},
        link = "aclgraph4j_shim",
        preload = "aclsim")
@NoException
final class ShimLibrary {
    static {
        NativeLibraries.load(ShimLibrary.class);
    }

    private ShimLibrary() {}

    static void load() {
        // Runs the static initializer.
    }

    static native int agj_api_version();

    static native @Cast("const char*") String agj_last_error_message();

    static native long agj_live_count(int kind);

    static native @Cast("const char*") String agj_live_report();

    static native int agj_runtime_open(@Cast("const char*") String backend);

    static native int agj_runtime_close();

    static native @Cast("const char*") String agj_runtime_backend_description();

    static native int agj_device_count(@Cast("int32_t*") int[] countOut);

    static native int agj_runtime_features(@Cast("int64_t*") long[] featuresOut);

    static native int agj_release(long handle);

    static native int agj_handle_kind(long handle);

    static native int agj_device_open(int deviceId, @Cast("int64_t*") long[] deviceOut);

    static native int agj_device_synchronize(long device);

    static native int agj_stream_create(long device, @Cast("int64_t*") long[] streamOut);

    static native int agj_stream_synchronize(long stream);

    static native int agj_stream_synchronize_timeout(long stream, int timeoutMs);

    static native int agj_stream_query(long stream, @Cast("int32_t*") int[] completeOut);

    static native int agj_device_buffer_alloc(long device, long bytes, @Cast("int64_t*") long[] bufferOut);

    static native int agj_host_buffer_alloc(
            long device, long bytes, @Cast("int64_t*") long[] bufferOut, @Cast("int64_t*") long[] addressOut);

    static native int agj_buffer_size(long buffer, @Cast("int64_t*") long[] bytesOut);

    static native int agj_memcpy_async(long stream, long dst, long dstOffset, long src, long srcOffset, long bytes);

    static native int agj_memcpy(long dst, long dstOffset, long src, long srcOffset, long bytes);

    static native int agj_memset_async(long stream, long buffer, long offset, int value, long bytes);

    static native int agj_memset(long buffer, long offset, int value, long bytes);

    static native int agj_tensor_create(
            long buffer,
            int dataType,
            @Cast("const int64_t*") long[] dims,
            int rank,
            @Cast("const int64_t*") long[] strides,
            long offset,
            @Cast("int64_t*") long[] tensorOut);

    static native int agj_scalar_create_double(int dataType, double value, @Cast("int64_t*") long[] scalarOut);

    static native int agj_scalar_create_long(int dataType, long value, @Cast("int64_t*") long[] scalarOut);

    static native int agj_operator_prepare(
            int op,
            @Cast("const int64_t*") long[] handles,
            int handleCount,
            @Cast("const int64_t*") long[] ints,
            int intCount,
            @Cast("const double*") double[] floats,
            int floatCount,
            int flags,
            @Cast("int64_t*") long[] executorOut);

    static native int agj_executor_prepare(
            int op, long self, long other, long alpha, long out, int flags, @Cast("int64_t*") long[] executorOut);

    static native int agj_executor_workspace_size(long executor, @Cast("int64_t*") long[] bytesOut);

    static native int agj_executor_launch(long executor, long stream);

    static native int agj_event_create(long device, int flags, @Cast("int64_t*") long[] eventOut);

    static native int agj_event_record(long event, long stream);

    static native int agj_stream_wait_event(long stream, long event);

    static native int agj_event_synchronize(long event);

    static native int agj_event_query(long event, @Cast("int32_t*") int[] completeOut);

    static native int agj_capture_begin(long stream, int mode);

    static native int agj_capture_end(long stream, @Cast("int64_t*") long[] modelOut);

    static native int agj_capture_status(long stream, @Cast("int32_t*") int[] statusOut);

    static native int agj_capture_exchange_mode(int mode, @Cast("int32_t*") int[] previousOut);

    static native int agj_capture_task_group_begin(long stream);

    static native int agj_capture_task_group_end(long stream, @Cast("int64_t*") long[] groupOut);

    static native int agj_capture_task_update_begin(long stream, long group);

    static native int agj_capture_task_update_end(long stream);

    static native int agj_model_execute_async(long model, long stream);

    static native int agj_model_update_kernel(long model, int modelStream, int kernel, long executor, long stream);

    static native int agj_model_execute(long model, long stream);

    static native int agj_model_debug_json(long model, @Cast("const char*") String path);

    static native int agj_model_debug_print(long model);

    static native int agj_model_set_name(long model, @Cast("const char*") String name);

    static native int agj_model_get_name(long model, @Cast("char*") byte[] nameOut, int capacity);

    static native int agj_model_id(long model, @Cast("int64_t*") long[] idOut);

    static native int agj_model_on_destroy(long model, long cookie);

    static native int agj_condition_create(long stream, long defaultValue, int resetEachReplay,
            @Cast("int64_t*") long[] conditionOut);

    static native int agj_condition_add_task(long stream, long condition, int type, int bodies);

    static native int agj_condition_body_begin(long stream, long condition, int body, int mode);

    static native int agj_condition_body_end(long stream, long condition, int body);

    static native int agj_condition_set(long condition, long value);

    static native int agj_condition_get(long condition, @Cast("int64_t*") long[] valueOut);

    static native int agj_condition_copy_async(long stream, long condition, long source, long sourceOffset);

    static native int agj_event_record_external(long event, long stream);

    static native int agj_stream_wait_event_external(long stream, long event);

    static native int agj_value_write_async(long stream, long buffer, long offset, long value);

    static native int agj_value_wait_async(long stream, long buffer, long offset, long value, int condition);

    static native int agj_take_destroyed(
            @Cast("int64_t*") long[] cookiesOut, int capacity, @Cast("int32_t*") int[] countOut);

    static native int agj_model_tasks(
            long model, @Cast("int32_t*") int[] listOut, int capacity, @Cast("int32_t*") int[] lengthOut);

    // Testing hooks (shim_testing.h).
    static native int agj_sim_inject_fault(int point, long skip, long count);

    static native int agj_sim_clear_faults();

    // Measurement hooks: used by the benchmarks (benchmarks/, io.aclgraph4j.internal.SeedRatio).
    static native int agj_bench_replay_loop(long model, long stream, long iterations,
            @Cast("int64_t*") long[] nanosOut);

    static native int agj_bench_spin_handoff(long iterations, @Cast("int64_t*") long[] nanosOut);
}
