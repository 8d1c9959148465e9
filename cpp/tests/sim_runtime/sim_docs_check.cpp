// One source of truth for the simulator's documentation: every function the simulator's headers
// declare (cpp/sim/include: acl/, aclnn/, aclnnop/, aclsim/) must be named in docs/simulator.md,
// in backquotes, where its rules are given (a simulated function in "What it implements" and the
// sections after it; a function declared without being simulated in "Declared, not simulated").
// An operator's first phase (aclnnXxxGetWorkspaceSize) is documented with its operator (aclnnXxx).
//
// Usage: sim_docs_check <cpp/sim/include> <docs/simulator.md>. Fails listing every undocumented
// function, so a function added to a header without its documentation breaks the build's tests.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

std::string ReadAll(const fs::path &path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// The text without comments, preprocessor lines, and with all whitespace runs as one space.
std::string Declarations(const std::string &source) {
    std::string code = std::regex_replace(source, std::regex(R"(/\*[\s\S]*?\*/)"), " ");
    code = std::regex_replace(code, std::regex(R"(//[^\n]*)"), "");
    code = std::regex_replace(code, std::regex(R"((^|\n)[ \t]*#[^\n]*)"), "\n");
    return std::regex_replace(code, std::regex(R"(\s+)"), " ");
}

// Functions declared with one of the export macros CANN's headers use.
std::set<std::string> DeclaredFunctions(const std::string &code) {
    static const std::regex declaration(
        R"((ACL_FUNC_VISIBILITY|MSVP_PROF_API|ACL_DUMP_API|ACLNN_API)[^;{}()]*?\b(acl\w+)\s*\()");
    std::set<std::string> names;
    for (std::sregex_iterator it(code.begin(), code.end(), declaration), end; it != end; ++it) {
        names.insert((*it)[2].str());
    }
    return names;
}

} // namespace

int main(int argc, char **argv) {
    if (argc != 3) {
        std::cerr << "usage: sim_docs_check <cpp/sim/include> <docs/simulator.md>\n";
        return 2;
    }
    const fs::path include = argv[1];
    const std::string doc = ReadAll(argv[2]);
    if (doc.empty()) {
        std::cerr << "cannot read " << argv[2] << "\n";
        return 2;
    }
    std::set<std::string> functions;
    for (const auto &entry : fs::recursive_directory_iterator(include)) {
        if (entry.is_regular_file() && entry.path().extension() == ".h") {
            auto found = DeclaredFunctions(Declarations(ReadAll(entry.path())));
            functions.insert(found.begin(), found.end());
        }
    }
    const std::string phase = "GetWorkspaceSize";
    size_t missing = 0;
    for (const std::string &name : functions) {
        std::string documented = name;
        if (documented.size() > phase.size() && documented.compare(0, 5, "aclnn") == 0 &&
            documented.compare(documented.size() - phase.size(), phase.size(), phase) == 0) {
            documented.resize(documented.size() - phase.size());
        }
        if (doc.find("`" + documented + "`") == std::string::npos) {
            std::cerr << name << " is declared in " << include.string() << " but not documented in " << argv[2] << "\n";
            ++missing;
        }
    }
    std::cout << functions.size() << " functions declared, " << functions.size() - missing << " documented\n";
    if (functions.size() < 400) { // the headers were not found or not parsed
        std::cerr << "too few functions found: is " << include.string() << " the simulator's include folder?\n";
        return 1;
    }
    return missing == 0 ? 0 : 1;
}
