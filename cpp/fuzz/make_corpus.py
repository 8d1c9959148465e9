#!/usr/bin/env python3
"""Writes the seed corpus of cpp/fuzz/shim_fuzz.cpp into cpp/fuzz/corpus/.

Each seed is a short, meaningful program in the fuzzer's input encoding (one byte per call, then
its argument bytes; see Program::step): the seed flow, task groups and updates, a two-stream
capture, faults, stale and forged handles, a capture ended on the wrong thread, releases during a
capture. The fuzzer mutates from there. The corpus also keeps the inputs of past findings
(regression_*), which this script leaves alone. Re-run after changing the encoding:

    python3 cpp/fuzz/make_corpus.py
"""
import os
import struct

# Operation bytes (Program::step, op % 47).
OPEN, CLOSE, DEVICE_OPEN, DEVICE_COUNT, DEVICE_SYNC, STREAM_CREATE, STREAM_SYNC, STREAM_SYNC_TIMEOUT = range(8)
STREAM_QUERY, DEVICE_ALLOC, HOST_ALLOC, BUFFER_SIZE, MEMCPY_ASYNC, MEMCPY, MEMSET_ASYNC, MEMSET = range(8, 16)
TENSOR, SCALAR_DOUBLE, SCALAR_LONG, EXECUTOR, WORKSPACE, LAUNCH = range(16, 22)
EVENT, RECORD, WAIT, EVENT_SYNC, EVENT_QUERY = range(22, 27)
CAPTURE_BEGIN, CAPTURE_END, CAPTURE_STATUS, EXCHANGE_MODE = range(27, 31)
GROUP_BEGIN, GROUP_END, UPDATE_BEGIN, UPDATE_END, EXECUTE, DEBUG_JSON, DEBUG_PRINT = range(31, 38)
FAULT, CLEAR_FAULTS, RELEASE, _RELEASE2, HANDLE_KIND, LIVE_COUNT, ON_THREAD, NULL_OUT = range(38, 46)
OPERATOR_PREPARE = 46

DEVICE, STREAM, DBUF, HBUF, TENSOR_K, SCALAR, EXEC, MODEL, EVENT_K, GROUP = range(1, 11)

# Argument encodings (indices into the fuzzer's pick lists / tables).
SIZE_32 = 0x80 | 8        # (selector & 0x7f) * 4 bytes
SIZE_64 = 12              # table[12] == 64
DIM = {1: 0, 2: 1, 4: 2, 3: 4, 8: 5, 16: 6, 0: 7}
MODE_GLOBAL, MODE_THREAD_LOCAL, MODE_RELAXED = 0, 1, 2
OP_ADD, OP_ADDS, OP_INPLACE_ADD, OP_INPLACE_ADDS = 0, 1, 2, 3
# Rows of shim_operators.def, in order (agj_operator_prepare's first argument byte).
ROW_MUL, ROW_EXP, ROW_SOFTMAX, ROW_LAYER_NORM = 7, 15, 20, 26
NULL_HANDLE = 0xd1
INT_MINUS_1 = 2  # integer() table index of -1
LENGTH_1, VALUE_2 = 0, 0  # integer-array length 1, value 2
REAL_0_5 = 4
FLAGS_REPEATABLE, FLAGS_SINGLE_USE = 0, 1
EVENT_SYNC_FLAG = 0
FAULT_DEVICE_ALLOC, FAULT_HOST_ALLOC, FAULT_TASK_SUBMIT, FAULT_KERNEL_EXEC, FAULT_STREAM_CREATE = range(5)
REAL_1_1 = 3
INT_1 = 1


class Program:
    """Builds an input, tracking the handles it creates so arguments can name them."""

    def __init__(self):
        self.out = bytearray()
        self.kinds = {k: [] for k in range(11)}
        self.all = []

    def emit(self, *values):
        self.out += bytes(values)

    def new(self, kind):
        ref = (kind, len(self.kinds[kind]))
        self.kinds[kind].append(ref)
        self.all.append(ref)
        return ref

    def sel(self, ref):
        """Selector byte of a handle of the parameter's own kind: 0 is the newest."""
        kind, index = ref
        return len(self.kinds[kind]) - 1 - index

    def any_sel(self, ref):
        """Selector of a handle among all handles (for release)."""
        return len(self.all) - 1 - self.all.index(ref)

    # ---- calls ----
    def device(self, device_id=0):
        self.emit(DEVICE_OPEN, {0: 0, 1: 3}[device_id])
        return self.new(DEVICE)

    def stream(self, dev):
        self.emit(STREAM_CREATE, self.sel(dev))
        return self.new(STREAM)

    def device_buffer(self, dev, size=SIZE_32):
        self.emit(DEVICE_ALLOC, self.sel(dev), size)
        return self.new(DBUF)

    def host_buffer(self, dev, size=SIZE_32, fill=0):
        self.emit(HOST_ALLOC, self.sel(dev), size, fill)
        return self.new(HBUF)

    def device_tensors(self, dev, count):
        """`count` device buffers, then a [4, 2] float tensor over each: (buffers, tensors)."""
        buffers = [self.device_buffer(dev) for _ in range(count)]
        return buffers, [self.tensor(buffer) for buffer in buffers]

    def buf(self, ref):
        return (1 if ref[0] == HBUF else 0, self.sel(ref))

    def memcpy_async(self, stream, dst, src, size=SIZE_32):
        self.emit(MEMCPY_ASYNC, self.sel(stream), *self.buf(dst), *self.buf(src), 0, 0, size)

    def memcpy(self, dst, src, size=SIZE_32):
        self.emit(MEMCPY, *self.buf(dst), *self.buf(src), 0, 0, size)

    def memset_async(self, stream, dst, size=SIZE_32):
        self.emit(MEMSET_ASYNC, self.sel(stream), *self.buf(dst), 0, INT_1, size)

    def tensor(self, buffer, dims=(4, 2), dtype=0):
        self.emit(TENSOR, self.sel(buffer), dtype, len(dims), *[DIM[d] for d in dims])
        return self.new(TENSOR_K)

    def scalar(self, real=REAL_1_1, dtype=0):
        self.emit(SCALAR_DOUBLE, dtype, real)
        return self.new(SCALAR)

    def executor(self, op, self_t, other, alpha, out=None, flags=FLAGS_REPEATABLE):
        self.emit(EXECUTOR, op, self.sel(self_t), self.sel(other), self.sel(alpha),
                  self.sel(out) if out else 0, flags)
        return self.new(EXEC)

    def operator(self, row, *operand_bytes, flags=FLAGS_REPEATABLE):
        """agj_operator_prepare of a table row; operand bytes in the row's order (handle selectors,
        attribute selectors)."""
        self.emit(OPERATOR_PREPARE, row, 0, flags, *operand_bytes)
        return self.new(EXEC)

    def launch(self, executor, stream):
        self.emit(LAUNCH, self.sel(executor), self.sel(stream))

    def event(self, dev):
        self.emit(EVENT, self.sel(dev), EVENT_SYNC_FLAG)
        return self.new(EVENT_K)

    def record(self, event, stream):
        self.emit(RECORD, self.sel(event), self.sel(stream))

    def wait(self, stream, event):
        self.emit(WAIT, self.sel(stream), self.sel(event))

    def begin(self, stream, mode=MODE_GLOBAL):
        self.emit(CAPTURE_BEGIN, self.sel(stream), mode)

    def end(self, stream, succeeds=True):
        self.emit(CAPTURE_END, self.sel(stream))
        return self.new(MODEL) if succeeds else None

    def status(self, stream):
        self.emit(CAPTURE_STATUS, self.sel(stream))

    def group_begin(self, stream):
        self.emit(GROUP_BEGIN, self.sel(stream))

    def group_end(self, stream):
        self.emit(GROUP_END, self.sel(stream))
        return self.new(GROUP)

    def update_begin(self, stream, group):
        self.emit(UPDATE_BEGIN, self.sel(stream), self.sel(group))

    def update_end(self, stream):
        self.emit(UPDATE_END, self.sel(stream))

    def execute(self, model, stream):
        self.emit(EXECUTE, self.sel(model), self.sel(stream))

    def sync(self, stream):
        self.emit(STREAM_SYNC, self.sel(stream))

    def release(self, ref):
        self.emit(RELEASE, self.any_sel(ref))

    def fault(self, point, skip_index, count_index):
        self.emit(FAULT, point, skip_index, count_index)

    def bytes(self):
        return bytes(self.out)


def seed_flow():
    """The README's flow: capture copy in, add, copy out; replay."""
    p = Program()
    dev = p.device()
    s = p.stream(dev)
    self_b, other_b, out_b = p.device_buffer(dev), p.device_buffer(dev), p.device_buffer(dev)
    self_h, other_h = p.host_buffer(dev, fill=0), p.host_buffer(dev, fill=1)
    self_t, other_t, out_t = p.tensor(self_b), p.tensor(other_b), p.tensor(out_b)
    alpha = p.scalar()
    add = p.executor(OP_ADD, self_t, other_t, alpha, out_t)
    p.begin(s)
    p.memcpy_async(s, self_b, self_h)
    p.emit(EXCHANGE_MODE, MODE_RELAXED)
    p.memcpy(other_b, other_h)
    p.emit(EXCHANGE_MODE, MODE_GLOBAL)
    p.launch(add, s)
    p.memcpy_async(s, self_h, out_b)
    model = p.end(s)
    for _ in range(3):
        p.execute(model, s)
        p.sync(s)
    p.emit(DEBUG_JSON, p.sel(model), 0)
    return p.bytes()


def task_groups():
    """A captured task group, replayed, then updated with another executor."""
    p = Program()
    dev = p.device()
    s, update = p.stream(dev), p.stream(dev)
    _, (a, b) = p.device_tensors(dev, 2)
    alpha = p.scalar()
    beta = p.scalar(real=1)
    first = p.executor(OP_INPLACE_ADD, a, b, alpha)
    p.begin(s, MODE_THREAD_LOCAL)
    p.group_begin(s)
    p.launch(first, s)
    group = p.group_end(s)
    model = p.end(s)
    p.execute(model, s)
    p.sync(s)
    second = p.executor(OP_INPLACE_ADDS, a, beta, alpha)
    p.update_begin(update, group)
    p.launch(second, update)
    p.update_end(update)
    p.sync(update)
    p.execute(model, s)
    p.sync(s)
    p.release(second)
    p.release(model)
    p.update_begin(update, group)
    return p.bytes()


def two_streams():
    """Fork and join through events inside a capture."""
    p = Program()
    dev = p.device()
    s1, s2 = p.stream(dev), p.stream(dev)
    e1, e2 = p.event(dev), p.event(dev)
    (x_b, y_b), (x, y) = p.device_tensors(dev, 2)
    alpha = p.scalar()
    add = p.executor(OP_INPLACE_ADD, x, y, alpha)
    p.begin(s1, MODE_RELAXED)
    p.memset_async(s1, x_b)
    p.record(e1, s1)
    p.wait(s2, e1)
    p.launch(add, s2)
    p.record(e2, s2)
    p.wait(s1, e2)
    p.status(s2)
    model = p.end(s1)
    p.execute(model, s2)
    p.execute(model, s1)
    p.sync(s1)
    p.sync(s2)
    p.emit(EVENT_SYNC, p.sel(e2))
    p.emit(EVENT_QUERY, p.sel(e1))
    return p.bytes()


def faults():
    """Allocation, submission and kernel faults, in and out of a capture."""
    p = Program()
    dev = p.device()
    s = p.stream(dev)
    p.fault(FAULT_DEVICE_ALLOC, 0, 0)
    p.emit(DEVICE_ALLOC, p.sel(dev), SIZE_64)  # fails
    x_b = p.device_buffer(dev)
    x = p.tensor(x_b)
    alpha = p.scalar()
    add = p.executor(OP_INPLACE_ADD, x, x, alpha)
    p.fault(FAULT_TASK_SUBMIT, 1, 0)
    p.begin(s)
    p.launch(add, s)
    p.launch(add, s)  # fails, invalidating the capture
    p.status(s)
    p.end(s, succeeds=False)
    p.fault(FAULT_KERNEL_EXEC, 0, 0)
    p.launch(add, s)
    p.sync(s)
    p.fault(FAULT_STREAM_CREATE, 0, 0)
    p.emit(STREAM_CREATE, p.sel(dev))  # fails
    p.emit(CLEAR_FAULTS)
    p.fault(FAULT_HOST_ALLOC, 0, 0)
    p.emit(HOST_ALLOC, p.sel(dev), SIZE_32, 0)  # fails
    return p.bytes()


def stale_and_forged():
    """Released handles, reused slots, forged and wrong-kind handles everywhere."""
    p = Program()
    dev = p.device()
    s = p.stream(dev)
    b = p.device_buffer(dev)
    p.release(b)
    b2 = p.device_buffer(dev)  # reuses the slot
    p.emit(BUFFER_SIZE, 0, 1)  # the stale one
    p.emit(STREAM_SYNC, 0xd1)
    p.emit(STREAM_SYNC, 0xd2)
    p.emit(STREAM_SYNC, 0xd5, 0x00, 0x00, 0x00, 0x01, 0x02, 0x00, 0x00, 0x00)
    p.emit(STREAM_SYNC, 0xd6, 0, DEVICE)
    p.emit(STREAM_SYNC, 0xd7, 0)
    p.emit(STREAM_SYNC, 0xd9, DEVICE, 0)
    p.emit(MEMSET, 0, 0xd9, STREAM, 0, 0, 0, SIZE_32)
    p.emit(TENSOR, 0xd9, DEVICE, 0, 0, 1, 0)
    p.release(s)
    p.emit(STREAM_SYNC, 0)
    p.release(s)
    p.emit(HANDLE_KIND, 0xd3)
    p.emit(LIVE_COUNT, 7, 0)
    p.emit(NULL_OUT, 0, 0)
    p.release(b2)
    p.release(dev)
    p.emit(DEVICE_SYNC, 0)
    return p.bytes()


def wrong_thread():
    """A GLOBAL capture ended on another thread; a THREAD_LOCAL one begun on another thread."""
    p = Program()
    dev = p.device()
    s = p.stream(dev)
    x_b = p.device_buffer(dev)
    x = p.tensor(x_b)
    alpha = p.scalar()
    add = p.executor(OP_INPLACE_ADD, x, x, alpha)
    p.begin(s, MODE_GLOBAL)
    p.launch(add, s)
    p.emit(ON_THREAD, CAPTURE_END, p.sel(s))  # 107038: the model is discarded
    p.status(s)
    p.emit(ON_THREAD, CAPTURE_BEGIN, p.sel(s), MODE_THREAD_LOCAL)
    p.launch(add, s)
    model = p.end(s, succeeds=False)
    p.emit(ON_THREAD, EXCHANGE_MODE, MODE_RELAXED)
    p.emit(ON_THREAD, LAUNCH, p.sel(add), p.sel(s))
    p.sync(s)
    return p.bytes()


def release_during_capture():
    """Releases in the middle of a capture, then closing and reopening the runtime."""
    p = Program()
    dev = p.device()
    s1, s2 = p.stream(dev), p.stream(dev)
    e = p.event(dev)
    x_b = p.device_buffer(dev)
    h = p.host_buffer(dev)
    x = p.tensor(x_b)
    alpha = p.scalar()
    add = p.executor(OP_INPLACE_ADD, x, x, alpha, flags=FLAGS_SINGLE_USE)
    p.begin(s1)
    p.memcpy_async(s1, x_b, h)
    p.record(e, s1)
    p.wait(s2, e)
    p.launch(add, s2)
    p.release(add)
    p.release(x)
    p.release(x_b)
    p.release(s2)  # a joined stream
    p.release(s1)  # the origin
    p.emit(CLOSE, 0)
    p.emit(OPEN, 0)
    dev2 = p.device(1)
    s3 = p.stream(dev2)
    p.sync(s3)
    return p.bytes()


def scalars_and_views():
    """Data types, odd values, strided and broadcast views, the scalar operators."""
    p = Program()
    dev = p.device()
    s = p.stream(dev)
    b = p.device_buffer(dev, size=SIZE_64)
    for dtype in (0, 3, 4, 5, 6, 10, 12, 14, 15, 16):
        p.emit(SCALAR_DOUBLE, dtype, 20)  # infinity into each type
        p.emit(SCALAR_LONG, dtype, 13)
    # A [4,4] float view with strides [0,1] (broadcast rows), at offset 0.
    p.emit(TENSOR, p.sel(b), 0, 0x08 | 2, DIM[4], DIM[4], 1, 0)
    view = p.new(TENSOR_K)
    out = p.tensor(b, dims=(4, 4))
    alpha = p.scalar()
    other = p.scalar(real=4)
    adds = p.executor(OP_ADDS, view, other, alpha, out)
    p.launch(adds, s)
    p.emit(WORKSPACE, p.sel(adds))
    p.sync(s)
    p.emit(STREAM_SYNC_TIMEOUT, p.sel(s), 1)
    p.emit(STREAM_QUERY, p.sel(s))
    return p.bytes()


def operators():
    """The generic prepare: Mul, Exp, Softmax and LayerNorm on [4, 2] tensors, launched eagerly and
    captured, then an output that names an element twice (refused)."""
    p = Program()
    dev = p.device()
    s = p.stream(dev)
    (_, _, c_b), (a, b, c) = p.device_tensors(dev, 3)
    mul = p.operator(ROW_MUL, p.sel(a), p.sel(b), p.sel(c))
    exp = p.operator(ROW_EXP, p.sel(a), p.sel(c))
    softmax = p.operator(ROW_SOFTMAX, p.sel(a), INT_MINUS_1, p.sel(c))
    norm = p.operator(ROW_LAYER_NORM, p.sel(a), LENGTH_1, VALUE_2, NULL_HANDLE, NULL_HANDLE, REAL_0_5, p.sel(c),
                      NULL_HANDLE, NULL_HANDLE)
    for executor in (mul, exp, softmax, norm):
        p.launch(executor, s)
    p.sync(s)
    p.begin(s)
    p.launch(softmax, s)
    p.launch(norm, s)
    model = p.end(s)
    p.execute(model, s)
    p.sync(s)
    # A [4,4] float view with strides [0,1]: Exp into it is refused.
    p.emit(TENSOR, p.sel(c_b), 0, 0x08 | 2, DIM[4], DIM[4], 1, 0)
    broadcast = p.new(TENSOR_K)
    p.emit(OPERATOR_PREPARE, ROW_EXP, 0, FLAGS_REPEATABLE, p.sel(a), p.sel(broadcast))
    return p.bytes()


SEEDS = {
    "seed_flow": seed_flow,
    "task_groups": task_groups,
    "two_streams": two_streams,
    "faults": faults,
    "stale_and_forged": stale_and_forged,
    "wrong_thread": wrong_thread,
    "release_during_capture": release_during_capture,
    "scalars_and_views": scalars_and_views,
    "operators": operators,
}

if __name__ == "__main__":
    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus")
    os.makedirs(folder, exist_ok=True)
    for name, build in SEEDS.items():
        with open(os.path.join(folder, name), "wb") as f:
            f.write(build())
    print(f"wrote {len(SEEDS)} seeds to {folder}")
