// A small captured graph used by several programs of the suite, and a reader of the Chrome-trace
// JSON written by aclmdlRIDebugJsonPrint.
#ifndef ACLGRAPH4J_TESTS_SIM_RUNTIME_RT_GRAPH_UTIL_H
#define ACLGRAPH4J_TESTS_SIM_RUNTIME_RT_GRAPH_UTIL_H

#include <cstdlib>
#include <map>

#include "rt_test_util.h"

namespace rt {

// y = x + alpha * 1 computed on the device: H2D x -> in, aclnnAdd(out = in + alpha * ones), D2H out -> y,
// with x and y in pinned host memory (so a captured graph reads x and writes y at replay time).
class AddGraph {
public:
    static constexpr int64_t kN = 64;
    static constexpr size_t kBytes = kN * sizeof(float);

    AddGraph() = default;
    AddGraph(const AddGraph &) = delete;
    AddGraph &operator=(const AddGraph &) = delete;
    ~AddGraph() { Free(); }

    // Allocates the buffers (ones filled through a stream, so no unsafe call is made) and prepares
    // the aclnnAdd executor.
    bool Init(float alpha, aclrtStream setupStream) {
        in = DevAlloc(kBytes);
        ones = DevAlloc(kBytes);
        out = DevAlloc(kBytes);
        x = HostAlloc(kN);
        y = HostAlloc(kN);
        if (in == nullptr || ones == nullptr || out == nullptr || x == nullptr || y == nullptr) {
            return false;
        }
        for (int64_t i = 0; i < kN; ++i) {
            x[i] = 1.0f;
            y[i] = -1.0f;
        }
        if (aclrtMemcpyAsync(ones, kBytes, x, kBytes, ACL_MEMCPY_HOST_TO_DEVICE, setupStream) != ACL_SUCCESS ||
            aclrtMemsetAsync(out, kBytes, 0, kBytes, setupStream) != ACL_SUCCESS ||
            aclrtSynchronizeStream(setupStream) != ACL_SUCCESS) {
            return false;
        }
        for (int64_t i = 0; i < kN; ++i) {
            x[i] = 0.0f;
        }
        return add.Prepare(in, ones, out, kN, alpha) == OK;
    }

    // Issues the three tasks on `stream`; returns the first failing code (aclnn status for the kernel).
    int Issue(aclrtStream stream) {
        aclError rc = aclrtMemcpyAsync(in, kBytes, x, kBytes, ACL_MEMCPY_HOST_TO_DEVICE, stream);
        if (rc != ACL_SUCCESS)
            return rc;
        aclnnStatus st = add.Launch(stream);
        if (st != OK)
            return st;
        return aclrtMemcpyAsync(y, kBytes, out, kBytes, ACL_MEMCPY_DEVICE_TO_HOST, stream);
    }

    void SetX(float value) {
        for (int64_t i = 0; i < kN; ++i)
            x[i] = value;
    }
    void SetY(float value) {
        for (int64_t i = 0; i < kN; ++i)
            y[i] = value;
    }
    std::vector<float> Y() const { return std::vector<float>(y, y + kN); }

    void Free() {
        add.Release();
        if (in)
            aclrtFree(in);
        if (ones)
            aclrtFree(ones);
        if (out)
            aclrtFree(out);
        if (x)
            aclrtFreeHost(x);
        if (y)
            aclrtFreeHost(y);
        in = ones = out = nullptr;
        x = y = nullptr;
    }

    void *in = nullptr;
    void *ones = nullptr;
    void *out = nullptr;
    float *x = nullptr;
    float *y = nullptr;
    AddCall add;
};

// Captures an AddGraph on `stream` (mode GLOBAL); nullptr on failure.
inline aclmdlRI CaptureAddGraph(AddGraph &graph, aclrtStream stream,
                                aclmdlRICaptureMode mode = ACL_MODEL_RI_CAPTURE_MODE_GLOBAL) {
    if (aclmdlRICaptureBegin(stream, mode) != ACL_SUCCESS) {
        return nullptr;
    }
    int rc = graph.Issue(stream);
    aclmdlRI model = nullptr;
    aclError end = aclmdlRICaptureEnd(stream, &model);
    if (rc != 0 || end != ACL_SUCCESS) {
        if (model != nullptr)
            aclmdlRIDestroy(model);
        return nullptr;
    }
    return model;
}

// One record of aclmdlRIDebugJsonPrint output.
struct JsonRecord {
    std::string name;
    long pid = -1;
    long tid = -1; // N of "stream<N>"
    long ts = -1;
    double dur = -1;
    std::string ph;
    long modelId = -1;
    long streamId = -1;
    long taskId = -1;
    bool trailingComma = false;
};

struct JsonFile {
    bool wellFormed = false; // "[\n", one record per line, "]" at the end
    std::string problem;
    std::vector<JsonRecord> records;
};

// The text between `open` and the next `close` in `text` (false when either is missing).
inline bool Field(const std::string &text, const std::string &open, const std::string &close, std::string &out) {
    size_t begin = text.find(open);
    if (begin == std::string::npos)
        return false;
    begin += open.size();
    size_t end = text.find(close, begin);
    if (end == std::string::npos)
        return false;
    out = text.substr(begin, end - begin);
    return true;
}

inline bool Digits(const std::string &text, long &out) {
    if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos)
        return false;
    out = std::strtol(text.c_str(), nullptr, 10);
    return true;
}

inline JsonFile ParseDebugJson(const std::string &text) {
    JsonFile file;
    if (text.size() < 3 || text.compare(0, 2, "[\n") != 0 || text.back() != ']') {
        file.problem = "file does not start with \"[\\n\" and end with \"]\"";
        return file;
    }
    std::istringstream lines(text.substr(2, text.size() - 3));
    std::string line;
    while (std::getline(lines, line)) {
        if (line.empty())
            continue;
        JsonRecord r;
        r.trailingComma = line.back() == ',';
        std::string body = r.trailingComma ? line.substr(0, line.size() - 1) : line;
        if (body.empty() || body.front() != '{' || body.back() != '}') {
            file.problem = "record line is not one JSON object: " + line;
            return file;
        }
        std::string v;
        bool ok = Field(body, "\"name\":\"", "\"", r.name);
        ok = ok && Field(body, "\"pid\":\"", " aclGraph\"", v) && Digits(v, r.pid);
        ok = ok && Field(body, "\"tid\":\"stream", "\"", v) && Digits(v, r.tid);
        ok = ok && Field(body, "\"ts\":", ",", v) && Digits(v, r.ts);
        ok = ok && Field(body, "\"dur\":", ",", v) && !v.empty();
        if (ok)
            r.dur = std::strtod(v.c_str(), nullptr);
        ok = ok && Field(body, "\"ph\":\"", "\"", r.ph);
        std::string args;
        ok = ok && Field(body, "\"args\":{", "}", args);
        ok = ok && (Field(args, "\"Model Id\":", ",", v) || Field(args + "}", "\"Model Id\":", "}", v)) &&
             Digits(v, r.modelId);
        ok = ok && (Field(args, "\"Stream Id\":", ",", v) || Field(args + "}", "\"Stream Id\":", "}", v)) &&
             Digits(v, r.streamId);
        ok = ok && (Field(args, "\"Task Id\":", ",", v) || Field(args + "}", "\"Task Id\":", "}", v)) &&
             Digits(v, r.taskId);
        if (!ok) {
            file.problem = "record misses a field: " + line;
            return file;
        }
        file.records.push_back(r);
    }
    for (size_t i = 0; i < file.records.size(); ++i) {
        bool last = i + 1 == file.records.size();
        if (file.records[i].trailingComma == last) {
            file.problem = "records must be separated by commas, the last one without";
            return file;
        }
    }
    file.wellFormed = true;
    return file;
}

// A stream is usable: a memset on it runs and its synchronisation succeeds.
inline bool StreamUsable(aclrtStream stream) {
    void *p = DevAlloc(64);
    if (p == nullptr)
        return false;
    bool ok = aclrtMemsetAsync(p, 64, 0x5D, 64, stream) == ACL_SUCCESS &&
              aclrtSynchronizeStream(stream) == ACL_SUCCESS && AllBytes(ReadBytes(p, 64), 0x5D);
    aclrtFree(p);
    return ok;
}

} // namespace rt

#endif
