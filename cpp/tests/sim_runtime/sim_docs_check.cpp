// One source of truth for the simulator's documentation: every function the simulator's headers
// declare (cpp/sim/include: acl/, aclnn/, aclnnop/, aclsim/) must be named in docs/simulator.md,
// in backquotes, where its rules are given (a simulated function in "What it implements" and the
// sections after it; a function declared without being simulated in "Declared, not simulated").
// An operator's first phase (aclnnXxxGetWorkspaceSize) is documented with its operator (aclnnXxx).
//
// Usage: sim_docs_check <cpp/sim/include> <docs/simulator.md>. Fails listing every undocumented
// function, so a function added to a header without its documentation breaks the build's tests.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
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

bool IsWordChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

// The text without comments and preprocessor lines, with every whitespace run as one space.
// (Scanned by hand: GCC 12's std::regex trips -Wmaybe-uninitialized in the sanitizer builds.)
std::string Declarations(const std::string &source) {
    std::string code;
    bool lineStart = true;
    for (size_t i = 0; i < source.size();) {
        if (source.compare(i, 2, "/*") == 0) {
            size_t end = source.find("*/", i + 2);
            i = end == std::string::npos ? source.size() : end + 2;
            code += ' ';
        } else if (source.compare(i, 2, "//") == 0) {
            i = std::min(source.find('\n', i), source.size());
        } else if (lineStart && source[i] == '#') { // a directive, with its continued lines
            while (i < source.size() && source[i] != '\n') {
                i = std::min(source.find('\n', i), source.size());
                if (i > 0 && source[i - 1] == '\\') {
                    ++i;
                }
            }
        } else {
            char c = source[i++];
            if (c == '\n') {
                lineStart = true;
            } else if (c != ' ' && c != '\t') {
                lineStart = false;
            }
            bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
            if (!space || code.empty() || code.back() != ' ') {
                code += space ? ' ' : c;
            }
        }
    }
    return code;
}

// Functions declared with one of the export macros CANN's headers use: after the macro, the name
// before the first parenthesis, when it is an acl name and no ';', '{' or '}' comes first.
std::set<std::string> DeclaredFunctions(const std::string &code) {
    std::set<std::string> names;
    for (const char *macro : {"ACL_FUNC_VISIBILITY", "MSVP_PROF_API", "ACL_DUMP_API", "ACLNN_API"}) {
        const std::string token = macro;
        for (size_t at = code.find(token); at != std::string::npos; at = code.find(token, at + token.size())) {
            if ((at > 0 && IsWordChar(code[at - 1])) || IsWordChar(code[at + token.size()])) {
                continue;
            }
            size_t paren = code.find_first_of(";{}()", at + token.size());
            if (paren == std::string::npos || code[paren] != '(') {
                continue;
            }
            size_t end = paren;
            while (end > at && code[end - 1] == ' ') {
                --end;
            }
            size_t begin = end;
            while (begin > at && IsWordChar(code[begin - 1])) {
                --begin;
            }
            if (end - begin > 3 && code.compare(begin, 3, "acl") == 0) {
                names.insert(code.substr(begin, end - begin));
            }
        }
    }
    // An operator's two phases declared at once (aclnnop/aclnn_operator.h): ACLSIM_ACLNN_OPERATOR(name, ...).
    const std::string operatorMacro = "ACLSIM_ACLNN_OPERATOR(";
    for (size_t at = code.find(operatorMacro); at != std::string::npos; at = code.find(operatorMacro, at + 1)) {
        size_t begin = code.find_first_not_of(' ', at + operatorMacro.size());
        size_t end = begin;
        while (end < code.size() && IsWordChar(code[end])) {
            ++end;
        }
        if ((at == 0 || !IsWordChar(code[at - 1])) && end - begin > 3 && code.compare(begin, 3, "acl") == 0) {
            names.insert(code.substr(begin, end - begin));
            names.insert(code.substr(begin, end - begin) + "GetWorkspaceSize");
        }
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
