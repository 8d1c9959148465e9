#include "acl_api.h"

#include <dlfcn.h>

#include <cstdlib>
#include <sstream>

namespace agj {
namespace {

// Folder holding this shim library: the bundled simulator is extracted next to it (from the jar,
// or in the build tree).
std::string ShimDirectory() {
    Dl_info info{};
    if (dladdr(reinterpret_cast<void *>(&ShimDirectory), &info) == 0 || info.dli_fname == nullptr) {
        return ".";
    }
    std::string path(info.dli_fname);
    auto slash = path.rfind('/');
    return slash == std::string::npos ? "." : path.substr(0, slash);
}

std::vector<std::string> SplitPaths(const std::string &list) {
    std::vector<std::string> parts;
    std::stringstream stream(list);
    std::string part;
    while (std::getline(stream, part, ':')) {
        if (!part.empty()) {
            parts.push_back(part);
        }
    }
    return parts;
}

// The CANN libraries that hold the functions of the table: runtime, aclnn meta API, operators.
std::vector<std::string> CannLibraries(std::string &searchNote) {
    const char *names[] = {"libascendcl.so", "libnnopbase.so", "libopapi.so"};
    std::vector<std::string> folders;
    for (const char *variable : {"ASCEND_HOME_PATH", "ASCEND_TOOLKIT_HOME"}) {
        if (const char *home = std::getenv(variable); home != nullptr && *home != '\0') {
            folders.push_back(std::string(home) + "/lib64");
            folders.push_back(std::string(home) + "/aarch64-linux/lib64");
            folders.push_back(std::string(home) + "/x86_64-linux/lib64");
        }
    }
    std::vector<std::string> libraries;
    for (const char *name : names) {
        std::string found = name; // fall back to the dynamic loader's search path
        for (const auto &folder : folders) {
            std::string candidate = folder + "/" + name;
            if (void *probe = dlopen(candidate.c_str(), RTLD_LAZY | RTLD_NOLOAD); probe != nullptr) {
                dlclose(probe);
                found = candidate;
                break;
            }
            if (FILE *file = std::fopen(candidate.c_str(), "rb"); file != nullptr) {
                std::fclose(file);
                found = candidate;
                break;
            }
        }
        libraries.push_back(found);
    }
    if (folders.empty()) {
        searchNote = "ASCEND_HOME_PATH is not set; searched the library path (LD_LIBRARY_PATH)";
    } else {
        searchNote = "searched";
        for (const auto &folder : folders) {
            searchNote += " " + folder + ",";
        }
        searchNote += " then the library path (LD_LIBRARY_PATH)";
    }
    return libraries;
}

// The backend's versions as it reports them ("ACL 1.17, runtime 9.2.0"), from the optional
// version queries; empty when it offers neither.
std::string VersionText(const AclApi &api) {
    std::string text;
    int32_t major = 0, minor = 0, patch = 0;
    if (api.aclrtGetVersion != nullptr && api.aclrtGetVersion(&major, &minor, &patch) == ACL_SUCCESS) {
        text = "ACL " + std::to_string(major) + "." + std::to_string(minor);
    }
    char package[] = "runtime";
    char version[ACL_PKG_VERSION_MAX_SIZE] = {};
    if (api.aclsysGetVersionStr != nullptr && api.aclsysGetVersionStr(package, version) == ACL_SUCCESS &&
        version[0] != '\0') {
        text += (text.empty() ? "runtime " : ", runtime ") + std::string(version);
    }
    return text;
}

} // namespace

LoadedBackend &Backend() {
    static LoadedBackend *backend = new LoadedBackend(); // never destroyed: worker threads may outlive exit
    return *backend;
}

const AclApi &Api() {
    return Backend().api;
}

void *LoadedBackend::find(const char *name) const {
    for (void *library : libraries) {
        if (void *symbol = dlsym(library, name); symbol != nullptr) {
            return symbol;
        }
    }
    return nullptr;
}

bool LoadBackend(const std::string &backend, LoadedBackend &out, std::string &error) {
    std::vector<std::string> libraries;
    std::string searchNote;
    if (backend.empty() || backend == "sim") {
        libraries.push_back(ShimDirectory() + "/libaclsim.so");
        searchNote = "the bundled simulator is expected next to the shim library";
    } else if (backend == "cann") {
        libraries = CannLibraries(searchNote);
    } else {
        libraries = SplitPaths(backend);
        searchNote = "explicit library list";
    }
    if (libraries.empty()) {
        error = "backend '" + backend + "' names no library";
        return false;
    }

    std::vector<void *> handles;
    for (const auto &library : libraries) {
        // RTLD_GLOBAL: CANN's libraries resolve symbols of one another.
        void *handle = dlopen(library.c_str(), RTLD_NOW | RTLD_GLOBAL);
        if (handle == nullptr) {
            const char *why = dlerror();
            error = "cannot load backend '" + backend + "': " + library + ": " + (why ? why : "unknown error") + " (" +
                    searchNote +
                    "). Use backend 'sim' for the bundled simulator, or point ASCEND_HOME_PATH "
                    "at the CANN toolkit (e.g. source set_env.sh) for 'cann'.";
            return false;
        }
        handles.push_back(handle);
    }

    auto resolve = [&handles](const char *name) -> void * {
        for (void *handle : handles) {
            if (void *symbol = dlsym(handle, name); symbol != nullptr) {
                return symbol;
            }
        }
        return nullptr;
    };

    AclApi api;
    std::vector<std::string> missing;
#define AGJ_RESOLVE(name, required)                                  \
    api.name = reinterpret_cast<decltype(api.name)>(resolve(#name)); \
    if (api.name == nullptr && (required)) {                         \
        missing.emplace_back(#name);                                 \
    }
    AGJ_ACL_FUNCTIONS(AGJ_RESOLVE)
#undef AGJ_RESOLVE
#define AGJ_RESOLVE_NEWER(name, result, parameters) api.name = reinterpret_cast<decltype(api.name)>(resolve(#name));
    AGJ_ACL_NEWER_FUNCTIONS(AGJ_RESOLVE_NEWER)
#undef AGJ_RESOLVE_NEWER
    // Operators are optional: a backend without one refuses only that operator's prepare.
#define AGJ_OPERATOR(name, code, function, header, operands)                      \
    api.operators[code].getWorkspaceSize = resolve(#function "GetWorkspaceSize"); \
    api.operators[code].launch = reinterpret_cast<LaunchFn>(resolve(#function));
#include "aclgraph4j/shim_operators.def"
#undef AGJ_OPERATOR
    if (!missing.empty()) {
        std::string names;
        for (size_t i = 0; i < missing.size() && i < 5; ++i) {
            names += (i ? ", " : "") + missing[i];
        }
        if (missing.size() > 5) {
            names += " and " + std::to_string(missing.size() - 5) + " more";
        }
        error = "backend '" + backend + "' (" + libraries.front() + (libraries.size() > 1 ? ", ..." : "") +
                ") lacks required functions: " + names +
                ". Is it an ACL runtime with the capture API (CANN 8.1.RC1 or later)?";
        return false;
    }

    out.api = api;
    out.libraries = handles;
    out.description = backend + " (";
    if (std::string versions = VersionText(api); !versions.empty()) {
        out.description += versions + "; ";
    }
    for (size_t i = 0; i < libraries.size(); ++i) {
        out.description += (i ? ", " : "") + libraries[i];
    }
    out.description += ")";
    return true;
}

int64_t BackendFeatures(const AclApi &api) noexcept {
    int64_t features = 0;
#define AGJ_FN(function) &&api.function != nullptr
#define AGJ_FEATURE(name, bit, release, functions) \
    if (true functions) {                          \
        features |= int64_t{1} << (bit);           \
    }
#include "aclgraph4j/shim_features.def"
#undef AGJ_FEATURE
#undef AGJ_FN
    return features;
}

} // namespace agj
