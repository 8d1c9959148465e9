// Cross-cutting services of the simulated runtime: error messages (aclGetRecentErrMsg), fault
// injection, live-object accounting, spin tuning and the handle registries.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <sstream>

#include "runtime.h"

namespace aclsim {

// ---------------------------------------------------------------- errors

namespace {

// Messages of the calling thread's failed calls since the last aclGetRecentErrMsg; bounded so a
// program that never reads them does not grow without limit.
constexpr size_t kMaxPendingMessages = 16;

struct ThreadMessages {
    std::deque<std::string> pending;
    std::string lastRead;
};

ThreadMessages &Messages() {
    thread_local ThreadMessages messages;
    return messages;
}

} // namespace

void AppendErrorMessage(const std::string &message) {
    auto &messages = Messages();
    messages.pending.push_back(message);
    if (messages.pending.size() > kMaxPendingMessages) {
        messages.pending.pop_front();
    }
}

std::string TakeErrorMessages() {
    auto &messages = Messages();
    std::string text;
    for (const auto &message : messages.pending) {
        if (!text.empty()) {
            text += '\n';
        }
        text += message;
    }
    messages.pending.clear();
    return text;
}

aclError &ThreadLastError() {
    thread_local aclError last = ACL_SUCCESS;
    return last;
}

aclError Fail(aclError code, const char *call, const std::string &reason) {
    ThreadLastError() = code;
    AppendErrorMessage(std::string(call) + " failed (" + std::to_string(code) + "). Reason: " + reason + ".");
    return code;
}

// ---------------------------------------------------------------- faults

namespace {

struct FaultSlot {
    uint64_t skip = 0;
    uint64_t count = 0;
    uint64_t fired = 0;
};

struct Faults {
    std::mutex mutex;
    FaultSlot slots[ACLSIM_FAULT_POINT_COUNT];
    std::atomic<bool> anyArmed{false};

    void refreshArmed() {
        bool armed = false;
        for (const auto &slot : slots) {
            armed = armed || slot.count > 0;
        }
        anyArmed.store(armed, std::memory_order_release);
    }
};

const char *const kFaultNames[ACLSIM_FAULT_POINT_COUNT] = {"device_alloc", "host_alloc", "task_submit", "kernel_exec",
                                                           "stream_create"};

Faults &FaultTable() {
    static Faults faults;
    return faults;
}

// ACLSIM_FAULTS="point:skip:count[,...]" arms faults when the library loads.
void ArmFaultsFromEnvironment() {
    const char *spec = std::getenv("ACLSIM_FAULTS");
    if (spec == nullptr || *spec == '\0') {
        return;
    }
    std::stringstream entries(spec);
    std::string entry;
    while (std::getline(entries, entry, ',')) {
        std::stringstream fields(entry);
        std::string name, skip, count;
        std::getline(fields, name, ':');
        std::getline(fields, skip, ':');
        std::getline(fields, count, ':');
        int point = -1;
        for (int i = 0; i < ACLSIM_FAULT_POINT_COUNT; ++i) {
            if (name == kFaultNames[i]) {
                point = i;
            }
        }
        char *skipEnd = nullptr;
        char *countEnd = nullptr;
        uint64_t skipValue = std::strtoull(skip.c_str(), &skipEnd, 10);
        uint64_t countValue = count.empty() ? 1 : std::strtoull(count.c_str(), &countEnd, 10);
        if (point < 0 || skip.empty() || *skipEnd != '\0' || (countEnd != nullptr && *countEnd != '\0')) {
            std::fprintf(stderr,
                         "aclsim: ignoring ACLSIM_FAULTS entry '%s': expected point:skip:count with point one of "
                         "device_alloc, host_alloc, task_submit, kernel_exec, stream_create\n",
                         entry.c_str());
            continue;
        }
        aclsimInjectFault(static_cast<aclsimFaultPoint>(point), skipValue, countValue);
    }
}

[[maybe_unused]] const bool kFaultsFromEnvironment = (ArmFaultsFromEnvironment(), true);

} // namespace

bool ShouldInjectFault(aclsimFaultPoint point) {
    auto &faults = FaultTable();
    if (!faults.anyArmed.load(std::memory_order_acquire)) {
        return false;
    }
    std::lock_guard lock(faults.mutex);
    FaultSlot &slot = faults.slots[point];
    if (slot.count == 0) {
        return false;
    }
    if (slot.skip > 0) {
        --slot.skip;
        return false;
    }
    --slot.count;
    ++slot.fired;
    faults.refreshArmed();
    return true;
}

// ---------------------------------------------------------------- accounting

namespace {
std::atomic<int64_t> gLiveObjects[ACLSIM_OBJ_KIND_COUNT];
}

void CountObjectCreated(aclsimObjectKind kind) {
    gLiveObjects[kind].fetch_add(1, std::memory_order_relaxed);
}
void CountObjectDestroyed(aclsimObjectKind kind) {
    gLiveObjects[kind].fetch_sub(1, std::memory_order_relaxed);
}

// ---------------------------------------------------------------- simulated release

namespace {

constexpr uint32_t kDefaultRelease = 902;
constexpr uint32_t kKnownReleases[] = {805, 900, 901, 902};

bool KnownRelease(uint32_t release) {
    for (uint32_t known : kKnownReleases) {
        if (known == release) {
            return true;
        }
    }
    return false;
}

// ACLSIM_CANN_RELEASE="8.5" (or "9.0", "9.1", "9.2"): the release whose codes are simulated where
// releases differ.
uint32_t ReleaseFromEnvironment() {
    const char *text = std::getenv("ACLSIM_CANN_RELEASE");
    if (text == nullptr || *text == '\0') {
        return kDefaultRelease;
    }
    unsigned major = 0;
    unsigned minor = 0;
    char rest = 0;
    if (std::sscanf(text, "%u.%u%c", &major, &minor, &rest) == 2 && KnownRelease(major * 100 + minor)) {
        return major * 100 + minor;
    }
    std::fprintf(stderr, "aclsim: ignoring ACLSIM_CANN_RELEASE='%s': expected one of 8.5, 9.0, 9.1, 9.2\n", text);
    return kDefaultRelease;
}

std::atomic<uint32_t> gRelease{ReleaseFromEnvironment()};

// ACLSIM_CAPTURE_EVENTS=software: captured events are software events (no cross-capture conflict
// on a record); the default is hardware events, as a device with free event ids uses.
std::atomic<bool> gHardwareEvents{[] {
    const char *text = std::getenv("ACLSIM_CAPTURE_EVENTS");
    return text == nullptr || std::strcmp(text, "software") != 0;
}()};

} // namespace

uint32_t SimulatedRelease() {
    return gRelease.load(std::memory_order_relaxed);
}
bool HardwareCaptureEvents() {
    return gHardwareEvents.load(std::memory_order_relaxed);
}

// ---------------------------------------------------------------- waiting

std::chrono::nanoseconds SpinWindow() {
    static const std::chrono::nanoseconds window = [] {
        long micros = 100;
        if (const char *text = std::getenv("ACLSIM_SPIN_US"); text != nullptr && *text != '\0') {
            char *end = nullptr;
            long value = std::strtol(text, &end, 10);
            if (end != nullptr && *end == '\0' && value >= 0 && value <= 1000000) {
                micros = value;
            }
        }
        return std::chrono::nanoseconds(std::chrono::microseconds(micros));
    }();
    return window;
}

aclError CheckTimeout(const char *call, int32_t timeoutMs) {
    if (timeoutMs < -1 || timeoutMs == 0) {
        return Fail(ACL_ERROR_RT_PARAM_INVALID, call, "timeout must be -1 (forever) or a positive number of ms");
    }
    return ACL_SUCCESS;
}

std::chrono::steady_clock::time_point DeadlineAfter(int32_t timeoutMs) {
    if (timeoutMs < 0) {
        return std::chrono::steady_clock::time_point::max();
    }
    return std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
}

// ---------------------------------------------------------------- registries

template <typename T>
Registry<T> &LiveRegistry() {
    static Registry<T> registry;
    return registry;
}
template Registry<Stream> &LiveRegistry<Stream>();
template Registry<Event> &LiveRegistry<Event>();
template Registry<Model> &LiveRegistry<Model>();
template Registry<Context> &LiveRegistry<Context>();
template Registry<TaskGroup> &LiveRegistry<TaskGroup>();

std::mutex &CaptureMutex() {
    static std::mutex mutex;
    return mutex;
}

} // namespace aclsim

using namespace aclsim;

extern "C" {

ACL_FUNC_VISIBILITY const char *aclGetRecentErrMsg() {
    auto &messages = Messages();
    if (messages.pending.empty()) {
        return nullptr;
    }
    // Newest first, as the runtime reports them.
    messages.lastRead.clear();
    for (auto it = messages.pending.rbegin(); it != messages.pending.rend(); ++it) {
        if (!messages.lastRead.empty()) {
            messages.lastRead += '\n';
        }
        messages.lastRead += *it;
    }
    messages.pending.clear();
    return messages.lastRead.c_str();
}

ACL_FUNC_VISIBILITY aclError aclsimInjectFault(aclsimFaultPoint point, uint64_t skip, uint64_t count) {
    if (static_cast<int>(point) < 0 || static_cast<int>(point) >= ACLSIM_FAULT_POINT_COUNT) {
        return Fail(ACL_ERROR_INVALID_PARAM, "aclsimInjectFault",
                    "fault point " + std::to_string(static_cast<int>(point)) + " does not exist (0.." +
                        std::to_string(ACLSIM_FAULT_POINT_COUNT - 1) + ")");
    }
    auto &faults = FaultTable();
    std::lock_guard lock(faults.mutex);
    faults.slots[point].skip = skip;
    faults.slots[point].count = count;
    faults.refreshArmed();
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY void aclsimClearFaults(void) {
    auto &faults = FaultTable();
    std::lock_guard lock(faults.mutex);
    for (auto &slot : faults.slots) {
        slot = FaultSlot{};
    }
    faults.refreshArmed();
}

ACL_FUNC_VISIBILITY uint64_t aclsimFaultsFired(aclsimFaultPoint point) {
    if (static_cast<int>(point) < 0 || static_cast<int>(point) >= ACLSIM_FAULT_POINT_COUNT) {
        return 0;
    }
    auto &faults = FaultTable();
    std::lock_guard lock(faults.mutex);
    return faults.slots[point].fired;
}

ACL_FUNC_VISIBILITY aclError aclsimSetCannRelease(uint32_t release) {
    if (!KnownRelease(release)) {
        return Fail(ACL_ERROR_INVALID_PARAM, "aclsimSetCannRelease",
                    "release " + std::to_string(release) +
                        " is not simulated: use 805, 900, 901 or 902 (major * 100 + minor)");
    }
    gRelease.store(release, std::memory_order_relaxed);
    return ACL_SUCCESS;
}

ACL_FUNC_VISIBILITY uint32_t aclsimGetCannRelease(void) {
    return SimulatedRelease();
}

ACL_FUNC_VISIBILITY void aclsimSetCaptureEventMode(int hardware) {
    gHardwareEvents.store(hardware != 0, std::memory_order_relaxed);
}

ACL_FUNC_VISIBILITY uint64_t aclsimLiveObjects(aclsimObjectKind kind) {
    if (static_cast<int>(kind) < 0 || static_cast<int>(kind) >= ACLSIM_OBJ_KIND_COUNT) {
        return 0;
    }
    int64_t live = gLiveObjects[kind].load(std::memory_order_relaxed);
    return live < 0 ? 0 : static_cast<uint64_t>(live);
}

} // extern "C"
