package io.aclgraph4j.internal;

import java.nio.ByteBuffer;

/**
 * The native layer as the facade sees it: one method per shim entry point, handles as longs,
 * failures as exceptions ({@link NativeErrors}). The facade depends only on this interface, so its
 * logic is unit-tested against a mock while integration tests run {@link JavaCppNativeApi}.
 *
 * <p>Every method that can fail takes first {@code operation}, the public facade method the user
 * called ({@code "Device.tensor"}, {@code "DeviceBuffer.view"}): the exception's message starts
 * with it. This layer names nothing itself, since one shim call serves several facade methods.
 */
public interface NativeApi {

    /** Object kinds, as encoded in handles (shim_kinds.def; ShimTablesTest checks these copies). */
    int KIND_DEVICE = 1;
    int KIND_STREAM = 2;
    int KIND_DEVICE_BUFFER = 3;
    int KIND_HOST_BUFFER = 4;
    int KIND_TENSOR = 5;
    int KIND_SCALAR = 6;
    int KIND_EXECUTOR = 7;
    int KIND_MODEL = 8;
    int KIND_EVENT = 9;
    int KIND_TASK_GROUP = 10;
    int KIND_CONDITION = 11;
    int KIND_COUNT = 12;

    /** Operators an executor can be prepared for (shim_operators.def; ShimTablesTest checks these copies). */
    int OP_ADD = 1;
    int OP_ADDS = 2;
    int OP_INPLACE_ADD = 3;
    int OP_INPLACE_ADDS = 4;
    int OP_SUB = 5;
    int OP_SUBS = 6;
    int OP_INPLACE_SUB = 7;
    int OP_MUL = 8;
    int OP_MULS = 9;
    int OP_INPLACE_MUL = 10;
    int OP_INPLACE_MULS = 11;
    int OP_DIV = 12;
    int OP_DIVS = 13;
    int OP_MAXIMUM = 14;
    int OP_NEG = 15;
    int OP_EXP = 16;
    int OP_RELU = 17;
    int OP_INPLACE_RELU = 18;
    int OP_GELU = 19;
    int OP_SILU = 20;
    int OP_SOFTMAX = 21;
    int OP_CAST = 22;
    int OP_INPLACE_COPY = 23;
    int OP_MATMUL = 24;
    int OP_MM = 25;
    int OP_BATCH_MATMUL = 26;
    int OP_LAYER_NORM = 27;
    int OP_SIGMOID = 28;
    int OP_INPLACE_SIGMOID = 29;
    int OP_TANH = 30;
    int OP_INPLACE_TANH = 31;

    int EXECUTOR_REPEATABLE = 1;

    int apiVersion();

    void runtimeOpen(String operation, String backend);

    void runtimeClose(String operation);

    String backendDescription();

    /** The features the open backend offers: bit (1 << Feature bit) per row of shim_features.def. */
    long runtimeFeatures(String operation);

    int deviceCount(String operation);

    void release(String operation, long handle);

    long liveCount(int kind);

    String liveReport();

    long deviceOpen(String operation, int deviceId);

    void deviceSynchronize(String operation, long device);

    long streamCreate(String operation, long device);

    void streamSynchronize(String operation, long stream);

    void streamSynchronize(String operation, long stream, int timeoutMs);

    boolean streamQuery(String operation, long stream);

    long deviceBufferAlloc(String operation, long device, long bytes);

    /** Returns {handle, address}. */
    long[] hostBufferAlloc(String operation, long device, long bytes);

    /** A direct buffer over native memory the caller keeps alive. */
    ByteBuffer wrap(long address, int bytes);

    void memcpyAsync(String operation, long stream, long dst, long dstOffset, long src, long srcOffset, long bytes);

    void memcpy(String operation, long dst, long dstOffset, long src, long srcOffset, long bytes);

    void memsetAsync(String operation, long stream, long buffer, long offset, int value, long bytes);

    void memset(String operation, long buffer, long offset, int value, long bytes);

    long tensorCreate(String operation, long buffer, int dataType, long[] dims, long[] strides, long offset);

    long scalarCreateDouble(String operation, int dataType, double value);

    long scalarCreateLong(String operation, int dataType, long value);

    long executorPrepare(String operation, int op, long self, long other, long alpha, long out, int flags);

    /** Kind of a live handle (KIND_*), or 0 when it is not live. */
    int handleKind(long handle);

    /** Size in bytes of a device or host buffer. */
    long bufferSize(String operation, long buffer);

    /**
     * Prepares an executor for {@code op} with its operands in the order of its row of
     * shim_operators.def: tensors and scalars as handles (0: an absent optional tensor), integer,
     * boolean and data type attributes (and integer arrays, as length then values) as ints,
     * floating attributes as doubles.
     */
    long operatorPrepare(String operation, int op, long[] handles, long[] ints, double[] floats, int flags);

    long executorWorkspaceSize(String operation, long executor);

    void executorLaunch(String operation, long executor, long stream);

    long eventCreate(String operation, long device, int flags);

    void eventRecord(String operation, long event, long stream);

    void streamWaitEvent(String operation, long stream, long event);

    void eventSynchronize(String operation, long event);

    boolean eventQuery(String operation, long event);

    void captureBegin(String operation, long stream, int mode);

    long captureEnd(String operation, long stream);

    int captureStatus(String operation, long stream);

    /** Sets the calling thread's capture mode and returns the one it replaces. */
    int captureExchangeMode(String operation, int mode);

    void taskGroupBegin(String operation, long stream);

    long taskGroupEnd(String operation, long stream);

    void taskUpdateBegin(String operation, long stream, long group);

    void taskUpdateEnd(String operation, long stream);

    void modelExecuteAsync(String operation, long model, long stream);

    /**
     * Replaces the operands of the model's {@code kernel}-th kernel task on its stream
     * {@code modelStream} with those of {@code executor}'s launch (aclmdlRITaskSetParams and
     * aclmdlRIUpdate, CANN 9.1), ordered on {@code stream} after the model's replays in flight.
     */
    void modelUpdateKernel(String operation, long model, int modelStream, int kernel, long executor, long stream);

    /** Replays the model and waits for the stream, in one native call. */
    void modelExecute(String operation, long model, long stream);

    void modelDebugJson(String operation, long model, String path);

    void modelDebugPrint(String operation, long model);

    void modelSetName(String operation, long model, String name);

    /** The model's name as the runtime holds it ("" when none was set). */
    String modelName(String operation, long model);

    long modelId(String operation, long model);

    /** Queues {@code cookie} for {@link #takeDestroyed()} once the model is destroyed natively. */
    void modelOnDestroy(String operation, long model, long cookie);

    /** The cookies of models destroyed since the last call (works while the runtime is closed too). */
    long[] takeDestroyed(String operation);

    /** A condition on the model {@code stream} captures (conditional sub-graphs, CANN 9.1). */
    long conditionCreate(String operation, long stream, long defaultValue, boolean resetEachReplay);

    /** Adds the condition's task (type: a ConditionType code) with {@code bodies} bodies to the capture. */
    void conditionAddTask(String operation, long stream, long condition, int type, int bodies);

    void conditionBodyBegin(String operation, long stream, long condition, int body, int mode);

    void conditionBodyEnd(String operation, long stream, long condition, int body);

    void conditionSet(String operation, long condition, long value);

    long conditionGet(String operation, long condition);

    /** Copies 8 bytes of a device buffer into the condition's value, in stream order. */
    void conditionCopyAsync(String operation, long stream, long condition, long source, long sourceOffset);

    /** Inside a capture: every replay records the event (for work outside the model). */
    void eventRecordExternal(String operation, long event, long stream);

    /** Inside a capture: every replay waits for the event's latest record before its launch. */
    void streamWaitEventExternal(String operation, long stream, long event);

    void valueWriteAsync(String operation, long stream, long buffer, long offset, long value);

    /** condition: a ValueCondition code. */
    void valueWaitAsync(String operation, long stream, long buffer, long offset, long value, int condition);

    /**
     * The model's tasks as the backend lists them: per model stream, its task count, then per task
     * its {@code aclmdlRITaskType} and sequence id (needs Feature.TASK_INTROSPECTION).
     */
    int[] modelTasks(String operation, long model);

    void simInjectFault(String operation, int point, long skip, long count);

    void simClearFaults(String operation);
}
