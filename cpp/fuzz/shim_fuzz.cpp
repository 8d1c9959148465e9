// libFuzzer target for the shim's C API (aclgraph4j/shim.h) on the simulator backend.
//
// The input is a program: each operation is one byte (the call) followed by the bytes its
// arguments need; a missing byte reads as 0. Handles come from a table of every handle the
// program created (stale ones stay in it), or are forged: null, negative, random, wrong kind,
// wrong generation. Besides the sanitizers, the target checks the shim's contract after every
// call and aborts (a finding) when it breaks:
//   - the status is 0, an AGJ_ERR_* code or a positive ACL code, and a failure has a message;
//   - a call given a handle that is not live, or of a kind the parameter does not take, fails;
//   - a successful create returns a live handle of the right kind;
//   - once every handle is released, no shim object is left (no leak, no reference cycle) and no
//     simulator object either (the shim released what it created), and closing the runtime works.
// Build: cmake -DACLGRAPH4J_BUILD_FUZZ=ON with clang (scripts/fuzz.sh does it all). Seeds:
// cpp/fuzz/corpus, written by cpp/fuzz/make_corpus.py (which knows this encoding).
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <limits>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

#include "acl/acl.h"
#include "aclgraph4j/shim.h"
#include "aclgraph4j/shim_testing.h"
#include "aclsim/aclsim.h"
#include "operator_rows.h"

namespace {

constexpr int64_t kI64Max = std::numeric_limits<int64_t>::max();
constexpr int64_t kI64Min = std::numeric_limits<int64_t>::min();
constexpr int32_t kMaxOps = 256;

std::string gJsonPath;
bool gTrace = false; // SHIM_FUZZ_TRACE=1: print every call and its status (to read what an input does)

[[noreturn]] void Finding(const std::string &what) {
    std::fprintf(stderr, "\n==shim_fuzz== CONTRACT VIOLATION: %s\n", what.c_str());
    std::fflush(stderr);
    std::abort();
}

// Reads the input front to back; past the end every read is 0.
class Input {
public:
    Input(const uint8_t *data, size_t size) : data_(data), size_(size) {}
    bool done() const { return pos_ >= size_; }
    uint8_t u8() { return pos_ < size_ ? data_[pos_++] : 0; }
    uint64_t u64() {
        uint64_t value = 0;
        for (int i = 0; i < 8; ++i) {
            value = (value << 8) | u8();
        }
        return value;
    }
    template <typename T>
    T pick(std::initializer_list<T> values) {
        uint8_t index = u8();
        return values.begin()[index % values.size()];
    }

private:
    const uint8_t *data_;
    size_t size_;
    size_t pos_ = 0;
};

int64_t WithKind(int64_t handle, int32_t kind) {
    return (handle & ~(int64_t{0xff} << 24)) | (static_cast<int64_t>(kind & 0xff) << 24);
}

// A handle argument and the kinds its parameter takes (empty: any kind; `optional`: ignored by
// the call, e.g. the out tensor of an in-place operator).
struct Arg {
    int64_t handle;
    std::vector<int32_t> kinds;
    bool optional = false;
};

class Program {
public:
    explicit Program(Input &in) : in_(in) {}

    void run() {
        // Every program starts with the runtime open; it may close and reopen it.
        expectOk(agj_runtime_open("sim"), "agj_runtime_open(sim)");
        ++opens_;
        for (int32_t ops = 0; ops < kMaxOps && !in_.done(); ++ops) {
            step(in_.u8(), false);
        }
        finish();
    }

private:
    Input &in_;
    int opens_ = 0;
    std::vector<int64_t> handles_;                        // every handle ever created (stale ones stay)
    std::vector<int64_t> byKind_[AGJ_KIND_COUNT];         // the same, by kind
    std::vector<std::pair<int64_t, int64_t>> hostMemory_; // (host buffer, address) for writes

    // ---- contract checks ----

    static void checkStatus(int32_t status, const char *call) {
        if (gTrace) {
            std::fprintf(stderr, "shim_fuzz: %s -> %d %s\n", call, status,
                         status != AGJ_OK ? agj_last_error_message() : "");
        }
        if (status < AGJ_ERR_INTERNAL) {
            Finding(std::string(call) + " returned " + std::to_string(status) + ", not a documented status");
        }
        if (status != AGJ_OK && agj_last_error_message()[0] == '\0') {
            Finding(std::string(call) + " failed with " + std::to_string(status) + " but left no message");
        }
        if (status == AGJ_ERR_INTERNAL) {
            // Out of host memory is the only expected internal failure here.
            std::string message = agj_last_error_message();
            if (message.find("out of host memory") == std::string::npos) {
                Finding(std::string(call) + " failed inside the shim: " + message);
            }
        }
    }

    void expectOk(int32_t status, const char *call) {
        checkStatus(status, call);
        if (status != AGJ_OK) {
            Finding(std::string(call) + " failed: " + agj_last_error_message());
        }
    }

    // True when some required handle argument is dead or of a kind its parameter does not take.
    static bool anyBad(const std::vector<Arg> &args) {
        for (const Arg &arg : args) {
            if (arg.optional) {
                continue;
            }
            int32_t kind = agj_handle_kind(arg.handle);
            if (kind == 0) {
                return true;
            }
            if (!arg.kinds.empty()) {
                bool accepted = false;
                for (int32_t k : arg.kinds) {
                    accepted = accepted || k == kind;
                }
                if (!accepted) {
                    return true;
                }
            }
        }
        return false;
    }

    // Makes a call and checks its status against its handle arguments (classified before the call).
    template <typename Call>
    static int32_t checked(const char *call, const std::vector<Arg> &args, Call &&makeCall) {
        bool bad = anyBad(args);
        int32_t status = makeCall();
        checkStatus(status, call);
        if (bad && status == AGJ_OK) {
            Finding(std::string(call) + " succeeded with a dead or wrong-kind handle");
        }
        return status;
    }

    // A successful create must give a live handle of its kind.
    void created(int32_t status, int64_t handle, int32_t kind, const char *call) {
        if (status != AGJ_OK) {
            return;
        }
        if (handle <= 0 || agj_handle_kind(handle) != kind) {
            Finding(std::string(call) + " returned handle " + std::to_string(handle) + " of kind " +
                    std::to_string(agj_handle_kind(handle)) + ", want a live kind " + std::to_string(kind));
        }
        handles_.push_back(handle);
        byKind_[kind].push_back(handle);
    }

    // ---- argument choice ----

    int64_t fromList(const std::vector<int64_t> &list, uint8_t index) {
        if (list.empty()) {
            return 0;
        }
        return list[list.size() - 1 - index % list.size()]; // 0: the newest
    }

    // A handle for a parameter of `kind` (0: any): mostly one of that kind, sometimes not.
    int64_t handle(int32_t kind) {
        uint8_t selector = in_.u8();
        const std::vector<int64_t> &typed = kind > 0 ? byKind_[kind] : handles_;
        if (selector < 0xd0) {
            return fromList(typed, selector);
        }
        switch (selector) {
        case 0xd0: return fromList(handles_, in_.u8());
        case 0xd1: return 0;
        case 0xd2: return -1;
        case 0xd3: return kI64Max;
        case 0xd4: return kI64Min;
        case 0xd5: return static_cast<int64_t>(in_.u64());
        case 0xd7: return fromList(typed, in_.u8()) + (int64_t{1} << 32); // next generation
        default: break;
        }
        // Two argument bytes, read in order.
        uint8_t first = in_.u8();
        uint8_t second = in_.u8();
        switch (selector) {
        case 0xd6: return WithKind(fromList(typed, first), second % (AGJ_KIND_COUNT + 1));
        case 0xd8: return fromList(typed, first) ^ static_cast<int64_t>(second % 8 + 1); // another slot
        case 0xd9: return fromList(byKind_[first % AGJ_KIND_COUNT], second);             // some kind
        default: return fromList(typed, first);
        }
    }

    int64_t buffer() {
        // Either kind of buffer, as copies take.
        uint8_t which = in_.u8();
        return handle(which & 1 ? AGJ_KIND_HOST_BUFFER : AGJ_KIND_DEVICE_BUFFER);
    }

    // Sizes: small ones, and huge ones no backend allocates (between them, a real allocation of
    // gigabytes would only trip the fuzzer's memory limit).
    int64_t size() {
        uint8_t selector = in_.u8();
        if (selector >= 0x80) {
            return (selector & 0x7f) * 4;
        }
        static const int64_t table[] = {0,
                                        1,
                                        2,
                                        3,
                                        4,
                                        7,
                                        8,
                                        16,
                                        31,
                                        32,
                                        33,
                                        63,
                                        64,
                                        100,
                                        128,
                                        256,
                                        1000,
                                        1024,
                                        4096,
                                        65536,
                                        -1,
                                        -4,
                                        -64,
                                        kI64Max,
                                        kI64Min,
                                        kI64Max / 2 + 1,
                                        (int64_t{1} << 62) + 5,
                                        int64_t{1} << 22};
        return table[selector % (sizeof table / sizeof table[0])];
    }

    int64_t offset() {
        uint8_t selector = in_.u8();
        if (selector < 0xf0) {
            return selector % 80;
        }
        static const int64_t table[] = {-1, -8, kI64Max, kI64Min, kI64Max - 7, int64_t{1} << 40, 4096, 65536};
        return table[selector % 8];
    }

    int32_t dataType() {
        return in_.pick<int32_t>({ACL_FLOAT,  ACL_FLOAT,  ACL_FLOAT, ACL_FLOAT16,   ACL_BF16,       ACL_DOUBLE,
                                  ACL_INT8,   ACL_UINT8,  ACL_INT16, ACL_UINT16,    ACL_INT32,      ACL_UINT32,
                                  ACL_INT64,  ACL_UINT64, ACL_BOOL,  ACL_COMPLEX64, ACL_COMPLEX128, ACL_DT_UNDEFINED,
                                  ACL_STRING, 99,         -7});
    }

    int32_t mode() { return in_.pick<int32_t>({0, 1, 2, 0, 1, 2, 0, 1, 2, -1, 3, 1000}); }

    double real() {
        uint8_t selector = in_.u8();
        static const double table[] = {0.0,
                                       1.0,
                                       -1.0,
                                       1.1,
                                       0.5,
                                       -2.5,
                                       127.0,
                                       128.0,
                                       255.0,
                                       256.0,
                                       1e10,
                                       3e38,
                                       1e39,
                                       1e300,
                                       -1e300,
                                       9.3e18,
                                       -9.3e18,
                                       1.8e19,
                                       2e19,
                                       5e-324,
                                       std::numeric_limits<double>::infinity(),
                                       -std::numeric_limits<double>::infinity(),
                                       std::numeric_limits<double>::quiet_NaN(),
                                       65504.0,
                                       65520.0,
                                       -0.0};
        if (selector == 0xff) {
            uint64_t bits = in_.u64();
            double value;
            std::memcpy(&value, &bits, sizeof value);
            return value;
        }
        return table[selector % (sizeof table / sizeof table[0])];
    }

    int64_t integer() {
        uint8_t selector = in_.u8();
        if (selector == 0xff) {
            return static_cast<int64_t>(in_.u64());
        }
        static const int64_t table[] = {
            0, 1, -1, 2, 127, 128, 255, 256, 32767, 65535, 2147483647, -2147483648LL, 4294967295LL, kI64Max, kI64Min};
        return table[selector % (sizeof table / sizeof table[0])];
    }

    // agj_operator_prepare: the operator (a row, or an unknown code), then a shape byte (0: the
    // row's operands; bit 0: one operand short; bit 1: one int too many; bit 2: a null array with a
    // count; bit 3: a negative count), the flags, then each operand by its kind.
    void prepareOperator() {
        const std::vector<operator_rows::Row> &rows = operator_rows::Rows();
        const uint8_t which = in_.u8();
        const operator_rows::Row *row = which < 0xf0 ? &rows[which % rows.size()] : nullptr;
        const int32_t op = row != nullptr ? row->code : in_.pick<int32_t>({0, AGJ_OP_END_, -1, 1 << 30});
        const uint8_t shape = in_.u8();
        const int32_t flags = in_.pick<int32_t>({AGJ_EXECUTOR_REPEATABLE, 0, AGJ_EXECUTOR_REPEATABLE, 2, -1});
        std::vector<int64_t> handles, ints;
        std::vector<double> floats;
        std::vector<Arg> args;
        for (size_t i = 0; row != nullptr && i < row->operands.size(); ++i) {
            using operator_rows::Kind;
            const operator_rows::Operand &operand = row->operands[i];
            if (operand.handle()) {
                const int32_t kind = operand.tensor() ? AGJ_KIND_TENSOR : AGJ_KIND_SCALAR;
                const int64_t h = handle(kind);
                handles.push_back(h);
                args.push_back(Arg{h, {kind}, operand.optional() && h == 0});
            } else if (operand.kind == Kind::Float) {
                floats.push_back(real());
            } else if (operand.kind == Kind::DType) {
                ints.push_back(dataType());
            } else if (operand.kind == Kind::IntArray) {
                const int64_t length = in_.pick<int64_t>({1, 2, 0, 3, -1, 9, 1000});
                ints.push_back(length);
                for (int64_t k = 0; k < length && k < 8; ++k) {
                    ints.push_back(in_.pick<int64_t>({2, 4, 1, -1, 0, 8, 3, kI64Max}));
                }
            } else {
                ints.push_back(integer());
            }
        }
        bool malformed = row == nullptr;
        if ((shape & 1) != 0 && !handles.empty()) {
            handles.pop_back();
            args.pop_back();
            malformed = true;
        }
        if ((shape & 2) != 0) {
            ints.push_back(integer());
            malformed = true;
        }
        const bool nullArray = (shape & 4) != 0;
        const bool negativeCount = (shape & 8) != 0;
        malformed = malformed || nullArray || negativeCount;
        int64_t executor = 0;
        int32_t status = checked("agj_operator_prepare", args, [&] {
            const auto count = [&](size_t n) { return negativeCount ? -1 : static_cast<int32_t>(n); };
            return agj_operator_prepare(op, nullArray ? nullptr : handles.data(),
                                        count(handles.size()) | (nullArray ? 1 : 0), ints.data(), count(ints.size()),
                                        floats.data(), count(floats.size()), flags, &executor);
        });
        if (malformed && status == AGJ_OK) {
            Finding("agj_operator_prepare accepted a malformed operand list for operator " + std::to_string(op));
        }
        created(status, executor, AGJ_KIND_EXECUTOR, "agj_operator_prepare");
    }

    // ---- operations ----

    void step(uint8_t op, bool onHelperThread) {
        switch (op % 47) {
        case 0: { // runtime open, with any backend
            uint8_t which = in_.u8() % 5;
            const char *backends[] = {"sim", "", nullptr, "cann", "/nonexistent/libascendcl.so"};
            int32_t status = agj_runtime_open(backends[which]);
            checkStatus(status, "agj_runtime_open");
            if (status == AGJ_OK) {
                ++opens_;
            } else if (which < 3 && opens_ > 0) {
                Finding("agj_runtime_open(sim) failed while open with sim: " + std::string(agj_last_error_message()));
            }
            break;
        }
        case 1: { // runtime close (the last one releases everything: handles go stale)
            if (in_.u8() % 4 != 0) {
                break; // rare: it ends most of what the program built
            }
            int32_t status = agj_runtime_close();
            checkStatus(status, "agj_runtime_close");
            if ((status == AGJ_OK) != (opens_ > 0)) {
                Finding("agj_runtime_close returned " + std::to_string(status) + " with " + std::to_string(opens_) +
                        " opens");
            }
            if (status == AGJ_OK && --opens_ == 0 && agj_live_count(0) != 0) {
                Finding("objects left after the runtime closed:\n" + std::string(agj_live_report()));
            }
            break;
        }
        case 2: { // device open
            int32_t id = in_.pick<int32_t>({0, 0, 0, 1, 1, 2, -1, 64, std::numeric_limits<int32_t>::min()});
            int64_t device = 0;
            int32_t status = agj_device_open(id, &device);
            checkStatus(status, "agj_device_open");
            created(status, device, AGJ_KIND_DEVICE, "agj_device_open");
            break;
        }
        case 3: {
            int32_t count = 0;
            checkStatus(agj_device_count(in_.u8() == 0xff ? nullptr : &count), "agj_device_count");
            break;
        }
        case 4: {
            Arg d{handle(AGJ_KIND_DEVICE), {AGJ_KIND_DEVICE}};
            checked("agj_device_synchronize", {d}, [&] { return agj_device_synchronize(d.handle); });
            break;
        }
        case 5: {
            Arg d{handle(AGJ_KIND_DEVICE), {AGJ_KIND_DEVICE}};
            int64_t stream = 0;
            int32_t status = checked("agj_stream_create", {d}, [&] { return agj_stream_create(d.handle, &stream); });
            created(status, stream, AGJ_KIND_STREAM, "agj_stream_create");
            break;
        }
        case 6: {
            Arg s{handle(AGJ_KIND_STREAM), {AGJ_KIND_STREAM}};
            checked("agj_stream_synchronize", {s}, [&] { return agj_stream_synchronize(s.handle); });
            break;
        }
        case 7: {
            Arg s{handle(AGJ_KIND_STREAM), {AGJ_KIND_STREAM}};
            int32_t timeout = in_.pick<int32_t>({-1, 1000, 1, 0, -2, std::numeric_limits<int32_t>::max()});
            checked("agj_stream_synchronize_timeout", {s},
                    [&] { return agj_stream_synchronize_timeout(s.handle, timeout); });
            break;
        }
        case 8: {
            Arg s{handle(AGJ_KIND_STREAM), {AGJ_KIND_STREAM}};
            int32_t complete = -1;
            checked("agj_stream_query", {s}, [&] { return agj_stream_query(s.handle, &complete); });
            break;
        }
        case 9: {
            Arg d{handle(AGJ_KIND_DEVICE), {AGJ_KIND_DEVICE}};
            int64_t bytes = size();
            int64_t buffer = 0;
            int32_t status = checked("agj_device_buffer_alloc", {d},
                                     [&] { return agj_device_buffer_alloc(d.handle, bytes, &buffer); });
            created(status, buffer, AGJ_KIND_DEVICE_BUFFER, "agj_device_buffer_alloc");
            break;
        }
        case 10: {
            Arg d{handle(AGJ_KIND_DEVICE), {AGJ_KIND_DEVICE}};
            int64_t bytes = size();
            uint8_t seed = in_.u8();
            int64_t buffer = 0, address = 0;
            int32_t status = checked("agj_host_buffer_alloc", {d},
                                     [&] { return agj_host_buffer_alloc(d.handle, bytes, &buffer, &address); });
            created(status, buffer, AGJ_KIND_HOST_BUFFER, "agj_host_buffer_alloc");
            if (status == AGJ_OK) {
                // Fill the pinned memory (every byte of it, nothing past it) from the input.
                auto *bytesOut = reinterpret_cast<uint8_t *>(address);
                for (int64_t i = 0; i < bytes; ++i) {
                    bytesOut[i] = static_cast<uint8_t>(seed + i * 37);
                }
                int64_t size = 0;
                expectOk(agj_buffer_size(buffer, &size), "agj_buffer_size");
                if (size != bytes) {
                    Finding("agj_buffer_size gave " + std::to_string(size) + " for " + std::to_string(bytes) +
                            " bytes");
                }
            }
            break;
        }
        case 11: {
            Arg b{buffer(), {AGJ_KIND_DEVICE_BUFFER, AGJ_KIND_HOST_BUFFER}};
            int64_t bytes = 0;
            checked("agj_buffer_size", {b}, [&] { return agj_buffer_size(b.handle, &bytes); });
            break;
        }
        case 12: {
            Arg s{handle(AGJ_KIND_STREAM), {AGJ_KIND_STREAM}};
            Arg dst{buffer(), {AGJ_KIND_DEVICE_BUFFER, AGJ_KIND_HOST_BUFFER}};
            Arg src{buffer(), {AGJ_KIND_DEVICE_BUFFER, AGJ_KIND_HOST_BUFFER}};
            int64_t dstOffset = offset(), srcOffset = offset(), bytes = size();
            checked("agj_memcpy_async", {s, dst, src},
                    [&] { return agj_memcpy_async(s.handle, dst.handle, dstOffset, src.handle, srcOffset, bytes); });
            break;
        }
        case 13: {
            Arg dst{buffer(), {AGJ_KIND_DEVICE_BUFFER, AGJ_KIND_HOST_BUFFER}};
            Arg src{buffer(), {AGJ_KIND_DEVICE_BUFFER, AGJ_KIND_HOST_BUFFER}};
            int64_t dstOffset = offset(), srcOffset = offset(), bytes = size();
            checked("agj_memcpy", {dst, src},
                    [&] { return agj_memcpy(dst.handle, dstOffset, src.handle, srcOffset, bytes); });
            break;
        }
        case 14: {
            Arg s{handle(AGJ_KIND_STREAM), {AGJ_KIND_STREAM}};
            Arg b{buffer(), {AGJ_KIND_DEVICE_BUFFER, AGJ_KIND_HOST_BUFFER}};
            int64_t off = offset();
            int32_t value = static_cast<int32_t>(integer());
            int64_t bytes = size();
            checked("agj_memset_async", {s, b},
                    [&] { return agj_memset_async(s.handle, b.handle, off, value, bytes); });
            break;
        }
        case 15: {
            Arg b{buffer(), {AGJ_KIND_DEVICE_BUFFER, AGJ_KIND_HOST_BUFFER}};
            int64_t off = offset();
            int32_t value = static_cast<int32_t>(integer());
            int64_t bytes = size();
            checked("agj_memset", {b}, [&] { return agj_memset(b.handle, off, value, bytes); });
            break;
        }
        case 16: { // tensor
            Arg b{handle(AGJ_KIND_DEVICE_BUFFER), {AGJ_KIND_DEVICE_BUFFER}};
            int32_t type = dataType();
            uint8_t shape = in_.u8();
            // Bits 0-2: rank 0..4, or 8, 9, -1; 0x08: strides given; 0x10: an offset; 0x20: null dims;
            // 0x40: a huge rank.
            const int32_t ranks[] = {0, 1, 2, 3, 4, 8, 9, -1};
            int32_t rank = (shape & 0x40) != 0 ? std::numeric_limits<int32_t>::max() : ranks[shape & 0x7];
            int64_t dims[9] = {}, strides[9] = {};
            for (int32_t i = 0; i < rank && i < 9; ++i) {
                dims[i] = in_.pick<int64_t>({1, 2, 4, 2, 3, 8, 16, 0, 1, 5, -1, kI64Max, 1 << 20});
            }
            bool withStrides = (shape & 0x8) != 0;
            for (int32_t i = 0; withStrides && i < rank && i < 9; ++i) {
                strides[i] = in_.pick<int64_t>({1, 0, 2, 4, 8, 1, 3, -1, kI64Max, 1 << 30});
            }
            // Zero strides let a few bytes hold a view of 2^63 elements, which the shim accepts and
            // an operator then takes forever to add (a hang of the input, not a finding): keep
            // strided views under 2^22 elements.
            int64_t elements = 1;
            for (int32_t i = 0; withStrides && i < rank && i < 9; ++i) {
                if (dims[i] > 0 && (dims[i] > (int64_t{1} << 22) || elements * dims[i] > (int64_t{1} << 22))) {
                    dims[i] = 1;
                }
                elements *= dims[i] > 0 ? dims[i] : 1;
            }
            int64_t off = (shape & 0x10) != 0 ? offset() : 0;
            int64_t tensor = 0;
            int32_t status = checked("agj_tensor_create", {b}, [&] {
                const int64_t *dimsArg = (shape & 0x20) != 0 && rank > 0 ? nullptr : dims;
                return agj_tensor_create(b.handle, type, dimsArg, rank, withStrides ? strides : nullptr, off, &tensor);
            });
            created(status, tensor, AGJ_KIND_TENSOR, "agj_tensor_create");
            break;
        }
        case 17: {
            int32_t type = dataType();
            double value = real();
            int64_t scalar = 0;
            int32_t status = agj_scalar_create_double(type, value, &scalar);
            checkStatus(status, "agj_scalar_create_double");
            created(status, scalar, AGJ_KIND_SCALAR, "agj_scalar_create_double");
            break;
        }
        case 18: {
            int32_t type = dataType();
            int64_t value = integer();
            int64_t scalar = 0;
            int32_t status = agj_scalar_create_long(type, value, &scalar);
            checkStatus(status, "agj_scalar_create_long");
            created(status, scalar, AGJ_KIND_SCALAR, "agj_scalar_create_long");
            break;
        }
        case 19: { // executor
            int32_t opKind = in_.pick<int32_t>(
                {AGJ_OP_ADD, AGJ_OP_ADDS, AGJ_OP_INPLACE_ADD, AGJ_OP_INPLACE_ADDS, AGJ_OP_ADD, 0, AGJ_OP_END_});
            bool scalarOther = opKind == AGJ_OP_ADDS || opKind == AGJ_OP_INPLACE_ADDS;
            bool inPlace = opKind == AGJ_OP_INPLACE_ADD || opKind == AGJ_OP_INPLACE_ADDS;
            Arg self{handle(AGJ_KIND_TENSOR), {AGJ_KIND_TENSOR}};
            Arg other{handle(scalarOther ? AGJ_KIND_SCALAR : AGJ_KIND_TENSOR),
                      {scalarOther ? AGJ_KIND_SCALAR : AGJ_KIND_TENSOR}};
            Arg alpha{handle(AGJ_KIND_SCALAR), {AGJ_KIND_SCALAR}};
            Arg out{handle(AGJ_KIND_TENSOR), {AGJ_KIND_TENSOR}, inPlace};
            int32_t flags = in_.pick<int32_t>({AGJ_EXECUTOR_REPEATABLE, 0, AGJ_EXECUTOR_REPEATABLE, 2, -1});
            int64_t executor = 0;
            int32_t status = checked("agj_executor_prepare", {self, other, alpha, out}, [&] {
                return agj_executor_prepare(opKind, self.handle, other.handle, alpha.handle, out.handle, flags,
                                            &executor);
            });
            created(status, executor, AGJ_KIND_EXECUTOR, "agj_executor_prepare");
            break;
        }
        case 46: { // generic operator prepare: any row of shim_operators.def, operands fuzzed by kind
            prepareOperator();
            break;
        }
        case 20: {
            Arg e{handle(AGJ_KIND_EXECUTOR), {AGJ_KIND_EXECUTOR}};
            int64_t bytes = 0;
            checked("agj_executor_workspace_size", {e}, [&] { return agj_executor_workspace_size(e.handle, &bytes); });
            break;
        }
        case 21: {
            Arg e{handle(AGJ_KIND_EXECUTOR), {AGJ_KIND_EXECUTOR}};
            Arg s{handle(AGJ_KIND_STREAM), {AGJ_KIND_STREAM}};
            checked("agj_executor_launch", {e, s}, [&] { return agj_executor_launch(e.handle, s.handle); });
            break;
        }
        case 22: { // event; never ACL_EVENT_EXTERNAL, whose waits block until some record (a hang, not a bug)
            Arg d{handle(AGJ_KIND_DEVICE), {AGJ_KIND_DEVICE}};
            int32_t flags = in_.pick<int32_t>({ACL_EVENT_SYNC, 0, ACL_EVENT_SYNC, ACL_EVENT_TIME_LINE,
                                               ACL_EVENT_CAPTURE_STREAM_PROGRESS, ACL_EVENT_DEVICE_USE_ONLY,
                                               ACL_EVENT_IPC, ACL_EVENT_SYNC | ACL_EVENT_TIME_LINE, -1, 0x100});
            int64_t event = 0;
            int32_t status =
                checked("agj_event_create", {d}, [&] { return agj_event_create(d.handle, flags, &event); });
            created(status, event, AGJ_KIND_EVENT, "agj_event_create");
            break;
        }
        case 23: {
            Arg e{handle(AGJ_KIND_EVENT), {AGJ_KIND_EVENT}};
            Arg s{handle(AGJ_KIND_STREAM), {AGJ_KIND_STREAM}};
            checked("agj_event_record", {e, s}, [&] { return agj_event_record(e.handle, s.handle); });
            break;
        }
        case 24: {
            Arg s{handle(AGJ_KIND_STREAM), {AGJ_KIND_STREAM}};
            Arg e{handle(AGJ_KIND_EVENT), {AGJ_KIND_EVENT}};
            checked("agj_stream_wait_event", {s, e}, [&] { return agj_stream_wait_event(s.handle, e.handle); });
            break;
        }
        case 25: {
            Arg e{handle(AGJ_KIND_EVENT), {AGJ_KIND_EVENT}};
            checked("agj_event_synchronize", {e}, [&] { return agj_event_synchronize(e.handle); });
            break;
        }
        case 26: {
            Arg e{handle(AGJ_KIND_EVENT), {AGJ_KIND_EVENT}};
            int32_t complete = -1;
            checked("agj_event_query", {e}, [&] { return agj_event_query(e.handle, &complete); });
            break;
        }
        case 27: {
            Arg s{handle(AGJ_KIND_STREAM), {AGJ_KIND_STREAM}};
            int32_t m = mode();
            checked("agj_capture_begin", {s}, [&] { return agj_capture_begin(s.handle, m); });
            break;
        }
        case 28: {
            Arg s{handle(AGJ_KIND_STREAM), {AGJ_KIND_STREAM}};
            int64_t model = -1;
            int32_t status = checked("agj_capture_end", {s}, [&] { return agj_capture_end(s.handle, &model); });
            if (status != AGJ_OK && model != 0 && model != -1) { // untouched, or cleared
                Finding("agj_capture_end failed but gave model " + std::to_string(model));
            }
            created(status, model, AGJ_KIND_MODEL, "agj_capture_end");
            break;
        }
        case 29: {
            Arg s{handle(AGJ_KIND_STREAM), {AGJ_KIND_STREAM}};
            int32_t status = -1;
            int32_t result = checked("agj_capture_status", {s}, [&] { return agj_capture_status(s.handle, &status); });
            if (result == AGJ_OK && (status < 0 || status > 2)) {
                Finding("agj_capture_status gave " + std::to_string(status));
            }
            break;
        }
        case 30: {
            int32_t previous = -1;
            int32_t m = mode();
            int32_t status = agj_capture_exchange_mode(m, &previous);
            checkStatus(status, "agj_capture_exchange_mode");
            if (status == AGJ_OK && (previous < 0 || previous > 2)) {
                Finding("agj_capture_exchange_mode gave previous mode " + std::to_string(previous));
            }
            break;
        }
        case 31: {
            Arg s{handle(AGJ_KIND_STREAM), {AGJ_KIND_STREAM}};
            checked("agj_capture_task_group_begin", {s}, [&] { return agj_capture_task_group_begin(s.handle); });
            break;
        }
        case 32: {
            Arg s{handle(AGJ_KIND_STREAM), {AGJ_KIND_STREAM}};
            int64_t group = -1;
            int32_t status = checked("agj_capture_task_group_end", {s},
                                     [&] { return agj_capture_task_group_end(s.handle, &group); });
            created(status, group, AGJ_KIND_TASK_GROUP, "agj_capture_task_group_end");
            break;
        }
        case 33: {
            Arg s{handle(AGJ_KIND_STREAM), {AGJ_KIND_STREAM}};
            Arg g{handle(AGJ_KIND_TASK_GROUP), {AGJ_KIND_TASK_GROUP}};
            checked("agj_capture_task_update_begin", {s, g},
                    [&] { return agj_capture_task_update_begin(s.handle, g.handle); });
            break;
        }
        case 34: {
            Arg s{handle(AGJ_KIND_STREAM), {AGJ_KIND_STREAM}};
            checked("agj_capture_task_update_end", {s}, [&] { return agj_capture_task_update_end(s.handle); });
            break;
        }
        case 35: {
            Arg m{handle(AGJ_KIND_MODEL), {AGJ_KIND_MODEL}};
            Arg s{handle(AGJ_KIND_STREAM), {AGJ_KIND_STREAM}};
            if (op < 128) {
                checked("agj_model_execute_async", {m, s}, [&] { return agj_model_execute_async(m.handle, s.handle); });
            } else { // replay and wait in one call
                checked("agj_model_execute", {m, s}, [&] { return agj_model_execute(m.handle, s.handle); });
            }
            break;
        }
        case 36: {
            Arg m{handle(AGJ_KIND_MODEL), {AGJ_KIND_MODEL}};
            const char *path = in_.pick<const char *>(
                {gJsonPath.c_str(), gJsonPath.c_str(), nullptr, "", "/nonexistent-folder/model.json"});
            checked("agj_model_debug_json", {m}, [&] { return agj_model_debug_json(m.handle, path); });
            break;
        }
        case 37: { // debug print writes every task to stderr: only when asked twice
            if (in_.u8() != 0x5a) {
                break;
            }
            Arg m{handle(AGJ_KIND_MODEL), {AGJ_KIND_MODEL}};
            checked("agj_model_debug_print", {m}, [&] { return agj_model_debug_print(m.handle); });
            break;
        }
        case 38: { // faults: point, how many operations succeed first, how many fail
            int32_t point =
                in_.pick<int32_t>({ACLSIM_FAULT_DEVICE_ALLOC, ACLSIM_FAULT_HOST_ALLOC, ACLSIM_FAULT_TASK_SUBMIT,
                                   ACLSIM_FAULT_KERNEL_EXEC, ACLSIM_FAULT_STREAM_CREATE, -1, 5});
            int64_t skip = in_.pick<int64_t>({0, 1, 2, 3, 5, 10, -1, kI64Max});
            int64_t count = in_.pick<int64_t>({1, 1, 2, 4, 1000, 0, -1, kI64Max});
            checkStatus(agj_sim_inject_fault(point, skip, count), "agj_sim_inject_fault");
            break;
        }
        case 39: checkStatus(agj_sim_clear_faults(), "agj_sim_clear_faults"); break;
        case 40:
        case 41: { // release (twice as likely as other calls)
            Arg h{handle(0), {}};
            checked("agj_release", {h}, [&] { return agj_release(h.handle); });
            break;
        }
        case 42: {
            int64_t h = handle(0);
            int32_t kind = agj_handle_kind(h);
            if (kind < 0 || kind >= AGJ_KIND_COUNT) {
                Finding("agj_handle_kind gave " + std::to_string(kind));
            }
            break;
        }
        case 43: {
            int32_t kind = in_.pick<int32_t>({0, 1, 2, 5, 8, 10, 11, -1});
            if (agj_live_count(kind) < 0) {
                Finding("negative live count");
            }
            if (in_.u8() == 0) {
                (void)agj_live_report();
                (void)agj_runtime_backend_description();
            }
            break;
        }
        case 44: { // the next operation on another thread (capture modes, end on the wrong thread)
            if (onHelperThread) {
                break;
            }
            uint8_t next = in_.u8();
            std::thread helper([this, next] { step(next, true); });
            helper.join();
            break;
        }
        case 45: { // null out pointers
            uint8_t which = in_.u8() % 6;
            Arg s{handle(AGJ_KIND_STREAM), {AGJ_KIND_STREAM}};
            int32_t status = AGJ_OK;
            switch (which) {
            case 0: status = agj_capture_end(s.handle, nullptr); break;
            case 1: status = agj_stream_query(s.handle, nullptr); break;
            case 2: status = agj_capture_status(s.handle, nullptr); break;
            case 3: status = agj_capture_task_group_end(s.handle, nullptr); break;
            case 4: status = agj_stream_create(handle(AGJ_KIND_DEVICE), nullptr); break;
            default: status = agj_capture_exchange_mode(0, nullptr); break;
            }
            checkStatus(status, "null out pointer");
            if (status != AGJ_ERR_INVALID_ARGUMENT && status != AGJ_ERR_STATE) {
                Finding("a null out pointer gave status " + std::to_string(status));
            }
            break;
        }
        }
    }

    // Releases everything, checks nothing is left, and closes the runtime.
    void finish() {
        if (opens_ > 0) {
            checkStatus(agj_sim_clear_faults(), "agj_sim_clear_faults");
            int32_t previous = 0;
            checkStatus(agj_capture_exchange_mode(ACL_MODEL_RI_CAPTURE_MODE_GLOBAL, &previous),
                        "agj_capture_exchange_mode");
            // Newest first, like the facade's owners; every live handle must release cleanly.
            for (auto it = handles_.rbegin(); it != handles_.rend(); ++it) {
                if (int32_t kind = agj_handle_kind(*it); kind != 0) {
                    int32_t status = agj_release(*it);
                    if (gTrace) {
                        std::fprintf(stderr, "shim_fuzz: finish: agj_release(%lld, kind %d) -> %d; %lld objects left\n",
                                     static_cast<long long>(*it), kind, status,
                                     static_cast<long long>(agj_live_count(0)));
                    }
                    if (status != AGJ_OK) {
                        Finding("agj_release of live handle " + std::to_string(*it) +
                                " failed: " + agj_last_error_message());
                    }
                }
            }
            if (agj_live_count(0) != 0) {
                Finding("objects left after every handle was released (a leak or a reference cycle):\n" +
                        std::string(agj_live_report()));
            }
            // Released shim objects must not leave simulator objects behind either.
            for (int kind = 0; kind < ACLSIM_OBJ_KIND_COUNT; ++kind) {
                if (uint64_t live = aclsimLiveObjects(static_cast<aclsimObjectKind>(kind)); live != 0) {
                    Finding("the simulator still has " + std::to_string(live) + " objects of kind " +
                            std::to_string(kind) + " after every shim handle was released");
                }
            }
        }
        while (opens_ > 0) {
            expectOk(agj_runtime_close(), "agj_runtime_close");
            --opens_;
        }
        if (agj_runtime_close() != AGJ_ERR_STATE) {
            Finding("agj_runtime_close succeeded more often than agj_runtime_open");
        }
        for (int kind = 0; kind < ACLSIM_OBJ_KIND_COUNT; ++kind) {
            if (uint64_t live = aclsimLiveObjects(static_cast<aclsimObjectKind>(kind)); live != 0) {
                Finding("the simulator still has " + std::to_string(live) + " objects of kind " + std::to_string(kind) +
                        " after the runtime closed");
            }
        }
        // The thread's capture mode is the simulator's, beyond the runtime's life: reset it.
        int32_t previous = 0;
        agj_runtime_open("sim");
        agj_capture_exchange_mode(ACL_MODEL_RI_CAPTURE_MODE_GLOBAL, &previous);
        agj_runtime_close();
    }
};

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
    // Waits spin for 100 us by default; sleeping at once keeps the two cores for the fuzzer.
    setenv("ACLSIM_SPIN_US", "0", 0);
    const char *trace = std::getenv("SHIM_FUZZ_TRACE");
    gTrace = trace != nullptr && *trace == '1';
    const char *tmp = std::getenv("TMPDIR");
    gJsonPath =
        std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/shim_fuzz_" + std::to_string(getpid()) + ".json";
    std::atexit([] { std::remove(gJsonPath.c_str()); });
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    Input input(data, size);
    Program program(input);
    program.run();
    return 0;
}
