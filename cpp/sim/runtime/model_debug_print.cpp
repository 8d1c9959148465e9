// The debug dumps of a model: aclmdlRIDebugPrint (the device's dot print, to standard error) and
// aclmdlRIDebugJsonPrint (a Chrome trace-event file).
#include <unistd.h>

#include <cstdio>
#include <fstream>

#include "runtime.h"

namespace aclsim {
namespace {

std::string TaskDisplayName(const Task &task) {
    std::string name;
    if (task.kind == TaskKind::Kernel) {
        name = std::atomic_load(&task.kernel)->name();
    } else {
        name = task.typeName();
    }
    if (task.event &&
        (task.kind == TaskKind::EventRecord || task.kind == TaskKind::EventWait || task.kind == TaskKind::EventReset)) {
        name += "_" + std::to_string(task.event->id());
    }
    return name;
}

std::string JsonEscape(const std::string &text) {
    std::string escaped;
    for (char c : text) {
        if (c == '"' || c == '\\') {
            escaped += '\\';
            escaped += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
            escaped += buffer;
        } else {
            escaped += c;
        }
    }
    return escaped;
}

} // namespace
} // namespace aclsim

using namespace aclsim;

extern "C" {

ACL_FUNC_VISIBILITY aclError aclmdlRIDebugPrint(aclmdlRI modelRI) {
    const char *call = "aclmdlRIDebugPrint";
    // ApiImpl::ModelDebugDotPrint / ModelDebugJsonPrint: the model must belong to the current
    // context; a model still capturing is printed as captured so far.
    std::shared_ptr<Model> model;
    ACLSIM_RETURN_IF_FAILED(FindCurrentModel(call, modelRI, ACL_ERROR_INVALID_PARAM, model));
    std::lock_guard lock(CaptureMutex()); // a capture may be appending to the model
    // The device writes these lines to its runtime log; the simulator's log is standard error.
    int32_t device = model->context()->device();
    std::fprintf(stderr, "[aclsim] model dot print begin, device_id=%d, model_id=%d.\n", device, model->id());
    std::vector<uint32_t> taskIds(model->modelStreamIds.size(), 0);
    for (const Task &task : model->tasks) {
        std::fprintf(stderr, "[aclsim] device_id=%d, stream_id=%u, task_id=%u, task_type=%s.\n", device,
                     model->modelStreamIds[task.modelStream], taskIds[task.modelStream]++,
                     TaskDisplayName(task).c_str());
    }
    for (size_t g = 0; g < model->groups.size(); ++g) {
        std::fprintf(stderr, "[aclsim] task group %zu: %zu tasks.\n", g, model->groups[g]->taskIndices.size());
    }
    std::fprintf(stderr, "[aclsim] model dot print end, device_id=%d, model_id=%d.\n", device, model->id());
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY aclError aclmdlRIDebugJsonPrint(aclmdlRI modelRI, const char *path, uint32_t flags) {
    const char *call = "aclmdlRIDebugJsonPrint";
    if (path == nullptr) {
        return Fail(ACL_ERROR_INVALID_PARAM, call, "path is NULL");
    }
    // ApiImpl::ModelDebugDotPrint / ModelDebugJsonPrint: the model must belong to the current
    // context; a model still capturing is printed as captured so far.
    std::shared_ptr<Model> model;
    ACLSIM_RETURN_IF_FAILED(FindCurrentModel(call, modelRI, ACL_ERROR_INVALID_PARAM, model));
    std::lock_guard lock(CaptureMutex()); // a capture may be appending to the model
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call,
                    std::string("cannot write '") + path + "': its folder must exist and be writable");
    }
    // The device's Chrome trace-event format (Stream::DebugJsonPrintForModelStm, CANN 9): one "X"
    // event per task, per model stream in order; each stream's clock starts at 0 and advances by
    // a nominal cost of the task's type (NOP 1, record 5, wait 15, anything else 10), the
    // duration being that cost less 0.5. No task is timed: the device does not time them either.
    std::string pid = std::to_string(static_cast<long>(getpid())) + " aclGraph";
    std::vector<std::string> records;
    for (uint32_t s = 0; s < model->modelStreamIds.size(); ++s) {
        uint32_t taskId = 0;
        uint64_t ts = 0;
        for (const Task &task : model->tasks) {
            if (task.modelStream != s) {
                continue;
            }
            std::string taskType = task.kind == TaskKind::Kernel ? "KERNEL_AICORE" : task.typeName();
            uint64_t cost = 10;
            if (task.kind == TaskKind::Nop) {
                cost = 1;
            } else if (taskType.find("RECORD") != std::string::npos) {
                cost = 5;
            } else if (taskType.find("WAIT") != std::string::npos) {
                cost = 15;
            }
            char duration[16];
            std::snprintf(duration, sizeof duration, "%g", static_cast<double>(cost) - 0.5);
            std::string record =
                "{\"name\":\"" + JsonEscape(TaskDisplayName(task)) + "\",\"pid\":\"" + pid + "\",\"tid\":\"stream" +
                std::to_string(model->modelStreamIds[s]) + "\",\"ts\":" + std::to_string(ts) + ",\"dur\":" + duration +
                ",\"ph\":\"X\",\"args\":{\"Model Id\":" + std::to_string(model->id()) +
                ",\"Stream Id\":" + std::to_string(model->modelStreamIds[s]) +
                ",\"Task Id\":" + std::to_string(taskId) + ",\"Task Type\":\"" + JsonEscape(taskType) + "\"}}";
            records.push_back(std::move(record));
            ts += cost;
            ++taskId;
        }
    }
    out << "[\n";
    for (size_t i = 0; i < records.size(); ++i) {
        out << records[i] << (i + 1 < records.size() ? ",\n" : "\n");
    }
    out << "]";
    out.flush();
    if (!out) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call, std::string("writing '") + path + "' failed");
    }
    return ACL_SUCCESS;
}

} // extern "C"
