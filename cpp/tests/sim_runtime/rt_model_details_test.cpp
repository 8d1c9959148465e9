// A model's name, id and destroy callbacks (aclmdlRISetName/GetName/GetId,
// aclmdlRIDestroyRegisterCallback/UnregisterCallback), each rule named after the function of the
// CANN runtime (hicann/runtime, src/acl and src/runtime) that it follows.
#include "rt_fixtures.h"

namespace {

using CapturedModel = rt::CapturedOnStream;

// Destroy callbacks append their tag to a shared log.
std::vector<int> gCallbackLog;
void LogA(void *tag) {
    gCallbackLog.push_back(100 + *static_cast<int *>(tag));
}
void LogB(void *tag) {
    gCallbackLog.push_back(200 + *static_cast<int *>(tag));
}
void LogC(void *tag) {
    gCallbackLog.push_back(300 + *static_cast<int *>(tag));
}

} // namespace

TEST_CASE("aclmdlRISetName/GetName: a new model's name is empty, a set name reads back (Model::GetModelName)") {
    rt::LeakCheck leaks;
    {
        CapturedModel m;
        REQUIRE(m.Init());
        char name[32];
        std::memset(name, 'x', sizeof name);
        CHECK_EQ(aclmdlRIGetName(m.model, sizeof name, name), ACL_SUCCESS);
        CHECK_EQ(std::string(name), std::string());
        CHECK_EQ(aclmdlRISetName(m.model, "decoder step"), ACL_SUCCESS);
        CHECK_EQ(aclmdlRIGetName(m.model, sizeof name, name), ACL_SUCCESS);
        CHECK_EQ(std::string(name), std::string("decoder step"));
        CHECK_EQ(aclmdlRISetName(m.model, ""), ACL_SUCCESS); // Context::ModelNameSet takes any string
        CHECK_EQ(aclmdlRIGetName(m.model, 1, name), ACL_SUCCESS);
        CHECK_EQ(std::string(name), std::string());
    }
    VERIFY_NO_LEAKS(leaks);
}

TEST_CASE("aclmdlRIGetName: maxLen 0 -> 107000 (ApiErrorDecorator::ModelGetName); shorter than the name -> 507000 "
          "(Model::GetModelName's memcpy_s)") {
    CapturedModel m;
    REQUIRE(m.Init());
    CHECK_EQ(aclmdlRISetName(m.model, "abcd"), ACL_SUCCESS);
    char name[8] = {};
    CHECK_EQ(aclmdlRIGetName(m.model, 0, name), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclmdlRIGetName(m.model, 4, name), ACL_ERROR_RT_INTERNAL_ERROR); // no room for the terminator
    CHECK_EQ(aclmdlRIGetName(m.model, 5, name), ACL_SUCCESS);
    CHECK_EQ(std::string(name), std::string("abcd"));
}

TEST_CASE("aclmdlRISetName/GetName/GetId: NULL arguments -> 100000 (aclmdlRI*Impl ACL_REQUIRES_NOT_NULL)") {
    CapturedModel m;
    REQUIRE(m.Init());
    char name[8] = {};
    uint32_t id = 0;
    CHECK_EQ(aclmdlRISetName(nullptr, "a"), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclmdlRISetName(m.model, nullptr), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclmdlRIGetName(nullptr, sizeof name, name), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclmdlRIGetName(m.model, sizeof name, nullptr), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclmdlRIGetId(nullptr, &id), ACL_ERROR_INVALID_PARAM);
    CHECK_EQ(aclmdlRIGetId(m.model, nullptr), ACL_ERROR_INVALID_PARAM);
}

TEST_CASE("aclmdlRIGetId: each model has its own id (ApiImpl::ModelGetId), with no context check") {
    CapturedModel a;
    CapturedModel b;
    REQUIRE(a.Init());
    REQUIRE(b.Init());
    uint32_t idA = 12345;
    uint32_t idB = 12345;
    CHECK_EQ(aclmdlRIGetId(a.model, &idA), ACL_SUCCESS);
    CHECK_EQ(aclmdlRIGetId(b.model, &idB), ACL_SUCCESS);
    CHECK(idA != idB);
    // From a context of another device the id is still given; the name is not (107004).
    aclrtContext home = rt::CurrentContext();
    aclrtContext other = nullptr;
    REQUIRE(aclrtCreateContext(&other, 1) == ACL_SUCCESS);
    REQUIRE(aclrtSetCurrentContext(other) == ACL_SUCCESS);
    uint32_t again = 0;
    CHECK_EQ(aclmdlRIGetId(a.model, &again), ACL_SUCCESS);
    CHECK_EQ(again, idA);
    char name[8] = {};
    CHECK_EQ(aclmdlRISetName(a.model, "x"), ACL_ERROR_RT_MODEL_CONTEXT);               // ApiImpl::ModelNameSet
    CHECK_EQ(aclmdlRIGetName(a.model, sizeof name, name), ACL_ERROR_RT_MODEL_CONTEXT); // ApiImpl::ModelGetName
    REQUIRE(aclrtSetCurrentContext(home) == ACL_SUCCESS);
    CHECK_EQ(aclrtDestroyContext(other), ACL_SUCCESS);
}

TEST_CASE("aclmdlRISetName/GetName/GetId/callbacks on a destroyed model -> 107017 (stale handle)") {
    CapturedModel m;
    REQUIRE(m.Init());
    aclmdlRI stale = m.model;
    m.DestroyModel();
    char name[8] = {};
    uint32_t id = 0;
    int tag = 1;
    CHECK_EQ(aclmdlRISetName(stale, "a"), ACL_ERROR_RT_INVALID_HANDLE);
    CHECK_EQ(aclmdlRIGetName(stale, sizeof name, name), ACL_ERROR_RT_INVALID_HANDLE);
    CHECK_EQ(aclmdlRIGetId(stale, &id), ACL_ERROR_RT_INVALID_HANDLE);
    CHECK_EQ(aclmdlRIDestroyRegisterCallback(stale, LogA, &tag), ACL_ERROR_RT_INVALID_HANDLE);
    CHECK_EQ(aclmdlRIDestroyUnregisterCallback(stale, LogA), ACL_ERROR_RT_INVALID_HANDLE);
}

TEST_CASE("destroy callbacks run once at aclmdlRIDestroy in the order of their functions' addresses "
          "(Model::ModelDestroyCallback over a set keyed by the function)") {
    gCallbackLog.clear();
    int tags[3] = {1, 2, 3};
    {
        CapturedModel m;
        REQUIRE(m.Init());
        CHECK_EQ(aclmdlRIDestroyRegisterCallback(m.model, LogC, &tags[2]), ACL_SUCCESS);
        CHECK_EQ(aclmdlRIDestroyRegisterCallback(m.model, LogA, &tags[0]), ACL_SUCCESS);
        CHECK_EQ(aclmdlRIDestroyRegisterCallback(m.model, LogB, &tags[1]), ACL_SUCCESS);
        CHECK_EQ(aclmdlRIExecuteAsync(m.model, m.stream), ACL_SUCCESS);
        CHECK_EQ(aclrtSynchronizeStream(m.stream), ACL_SUCCESS);
        CHECK(gCallbackLog.empty()); // not before the destroy
        CHECK_EQ(aclmdlRIDestroy(m.model), ACL_SUCCESS);
        m.model = nullptr;
        std::vector<std::pair<uintptr_t, int>> expected = {{reinterpret_cast<uintptr_t>(&LogA), 101},
                                                           {reinterpret_cast<uintptr_t>(&LogB), 202},
                                                           {reinterpret_cast<uintptr_t>(&LogC), 303}};
        std::sort(expected.begin(), expected.end());
        std::vector<int> want;
        for (const auto &entry : expected)
            want.push_back(entry.second);
        CHECK(gCallbackLog == want);
    }
    CHECK_EQ(gCallbackLog.size(), size_t{3}); // the fixture's teardown ran nothing more
}

TEST_CASE("aclmdlRIDestroyRegisterCallback: the same function twice -> 107000, even with other user data; "
          "unregistered functions do not run (Model::ModelDestroyRegisterCallback/UnregisterCallback)") {
    gCallbackLog.clear();
    int one = 1;
    int two = 2;
    {
        CapturedModel m;
        REQUIRE(m.Init());
        CHECK_EQ(aclmdlRIDestroyRegisterCallback(m.model, LogA, &one), ACL_SUCCESS);
        CHECK_EQ(aclmdlRIDestroyRegisterCallback(m.model, LogA, &two), ACL_ERROR_RT_PARAM_INVALID);
        CHECK_EQ(aclmdlRIDestroyRegisterCallback(m.model, LogB, &two), ACL_SUCCESS);
        CHECK_EQ(aclmdlRIDestroyUnregisterCallback(m.model, LogB), ACL_SUCCESS);
        CHECK_EQ(aclmdlRIDestroyUnregisterCallback(m.model, LogB), ACL_ERROR_RT_PARAM_INVALID);
        CHECK_EQ(aclmdlRIDestroyUnregisterCallback(m.model, LogC), ACL_ERROR_RT_PARAM_INVALID);
        m.DestroyModel();
    }
    CHECK(gCallbackLog == std::vector<int>{101}); // the first registration's user data
}

TEST_CASE("aclmdlRIDestroyRegisterCallback/UnregisterCallback: NULL model or function -> 107000 "
          "(ApiErrorDecorator::ModelDestroyRegisterCallback; the ACL layer does not check)") {
    CapturedModel m;
    REQUIRE(m.Init());
    int tag = 0;
    CHECK_EQ(aclmdlRIDestroyRegisterCallback(nullptr, LogA, &tag), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclmdlRIDestroyRegisterCallback(m.model, nullptr, &tag), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclmdlRIDestroyUnregisterCallback(nullptr, LogA), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclmdlRIDestroyUnregisterCallback(m.model, nullptr), ACL_ERROR_RT_PARAM_INVALID);
    CHECK_EQ(aclmdlRIDestroyRegisterCallback(m.model, LogA, nullptr), ACL_SUCCESS); // user data may be NULL
    CHECK_EQ(aclmdlRIDestroyUnregisterCallback(m.model, LogA), ACL_SUCCESS);
}

TEST_CASE("a conditional task's body refuses GetStreams, Update and the destroy callbacks with 207000 "
          "(ApiErrorDecorator::ModelGetStreams/ModelUpdate/ModelDestroyRegisterCallback: sub ACL Graph)") {
    rt::LeakCheck leaks;
    {
        aclrtStream stream = nullptr;
        REQUIRE(aclrtCreateStream(&stream) == ACL_SUCCESS);
        REQUIRE(aclmdlRICaptureBegin(stream, rt::kGlobal) == ACL_SUCCESS);
        aclmdlRI root = rt::ModelOf(stream);
        aclmdlRICondHandle handle = nullptr;
        CHECK_EQ(aclmdlRICondHandleCreate(root, 0, static_cast<aclmdlRICondHandleFlag>(0), &handle), ACL_SUCCESS);
        aclmdlRI body = nullptr;
        aclmdlRICondTaskParams params{handle, ACL_MODEL_RI_COND_TYPE_IF, 1, &body};
        CHECK_EQ(aclmdlRIAddCondTask(params, stream, 0), ACL_SUCCESS);
        REQUIRE(body != nullptr);
        uint32_t count = 0;
        int tag = 0;
        CHECK_EQ(aclmdlRIGetStreams(body, nullptr, &count), ACL_ERROR_RT_FEATURE_NOT_SUPPORT);
        CHECK_EQ(aclmdlRIUpdate(body), ACL_ERROR_RT_FEATURE_NOT_SUPPORT);
        CHECK_EQ(aclmdlRIDestroyRegisterCallback(body, LogA, &tag), ACL_ERROR_RT_FEATURE_NOT_SUPPORT);
        CHECK_EQ(aclmdlRIDestroyUnregisterCallback(body, LogA), ACL_ERROR_RT_FEATURE_NOT_SUPPORT);
        CHECK_EQ(aclmdlRIGetStreams(root, nullptr, &count), ACL_SUCCESS); // the root is no body
        aclmdlRI ended = nullptr;
        CHECK_EQ(aclmdlRICaptureEnd(stream, &ended), ACL_ERROR_RT_SUB_ACLGRAPH_IS_CAPTURING); // body never captured
        CHECK_EQ(aclrtDestroyStream(stream), ACL_SUCCESS);
    }
    VERIFY_NO_LEAKS(leaks);
}

RT_TEST_MAIN()
