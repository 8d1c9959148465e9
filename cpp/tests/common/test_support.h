// Minimal test support for the C++ test programs: each test program is one CTest test; CHECK
// macros report every failed expectation with its location and the program exits non-zero.
#ifndef ACLGRAPH4J_TESTS_TEST_SUPPORT_H
#define ACLGRAPH4J_TESTS_TEST_SUPPORT_H

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

namespace testsupport {

inline int &failureCount() {
    static int failures = 0;
    return failures;
}

inline void fail(const char *file, int line, const std::string &what) {
    ++failureCount();
    std::fprintf(stderr, "%s:%d: FAILED: %s\n", file, line, what.c_str());
}

struct TestCase {
    const char *name;
    std::function<void()> body;
};

inline std::vector<TestCase> &registry() {
    static std::vector<TestCase> tests;
    return tests;
}

struct Registrar {
    Registrar(const char *name, std::function<void()> body) { registry().push_back({name, std::move(body)}); }
};

// Runs every registered test case (or those whose name contains argv[1]); returns the exit code.
inline int runAll(int argc, char **argv) {
    const char *filter = argc > 1 ? argv[1] : nullptr;
    int run = 0;
    int failedCases = 0;
    for (auto &test : registry()) {
        if (filter != nullptr && std::string(test.name).find(filter) == std::string::npos) {
            continue;
        }
        int before = failureCount();
        test.body();
        ++run;
        bool ok = failureCount() == before;
        if (!ok) {
            ++failedCases;
        }
        std::printf("[%s] %s\n", ok ? "  OK  " : " FAIL ", test.name);
    }
    std::printf("%d passed, %d failed\n", run - failedCases, failedCases);
    return (failedCases == 0 && run > 0) ? 0 : 1;
}

} // namespace testsupport

#define TS_CONCAT2(a, b) a##b
#define TS_CONCAT(a, b) TS_CONCAT2(a, b)

// TEST_CASE("name") { ... } registers a test case.
#define TEST_CASE(name)                                                                               \
    static void TS_CONCAT(ts_case_, __LINE__)();                                                      \
    static testsupport::Registrar TS_CONCAT(ts_reg_, __LINE__)(name, &TS_CONCAT(ts_case_, __LINE__)); \
    static void TS_CONCAT(ts_case_, __LINE__)()

#define TEST_MAIN()                             \
    int main(int argc, char **argv) {           \
        return testsupport::runAll(argc, argv); \
    }

#define CHECK(cond)                                       \
    do {                                                  \
        if (!(cond))                                      \
            testsupport::fail(__FILE__, __LINE__, #cond); \
    } while (0)

#define CHECK_EQ(actual, expected)                                                                   \
    do {                                                                                             \
        auto ts_a = (actual);                                                                        \
        auto ts_e = (expected);                                                                      \
        if (!(ts_a == ts_e)) {                                                                       \
            std::ostringstream ts_os;                                                                \
            ts_os << #actual << " == " << #expected << " (got " << ts_a << ", want " << ts_e << ")"; \
            testsupport::fail(__FILE__, __LINE__, ts_os.str());                                      \
        }                                                                                            \
    } while (0)

#define CHECK_NEAR(actual, expected, tolerance)                                                      \
    do {                                                                                             \
        double ts_a = static_cast<double>(actual);                                                   \
        double ts_e = static_cast<double>(expected);                                                 \
        if (!(std::fabs(ts_a - ts_e) <= (tolerance))) {                                              \
            std::ostringstream ts_os;                                                                \
            ts_os << #actual << " ~= " << #expected << " (got " << ts_a << ", want " << ts_e << ")"; \
            testsupport::fail(__FILE__, __LINE__, ts_os.str());                                      \
        }                                                                                            \
    } while (0)

// Stops the current test case when a precondition fails (use in test bodies returning void).
#define REQUIRE(cond)                                     \
    do {                                                  \
        if (!(cond)) {                                    \
            testsupport::fail(__FILE__, __LINE__, #cond); \
            return;                                       \
        }                                                 \
    } while (0)

#endif
