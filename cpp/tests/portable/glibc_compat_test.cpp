// The glibc compatibility definitions of the portable build (cmake/portable/glibc_compat.cpp),
// linked into this program as into each shipped library, behave like the glibc functions they
// stand in for: waits on steady_clock (pthread_cond_clockwait), thread_local destructors
// (__cxa_thread_atexit_impl), exceptions (the unwinder's _dl_find_object), getentropy,
// arc4random, fstat64, and the forwarders to the base-version libdl/libpthread functions.
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "test_support.h"

extern "C" int getentropy(void *buffer, size_t length);
extern "C" uint32_t arc4random();
extern "C" int _dl_find_object(void *address, struct dl_find_object *result);

using namespace std::chrono_literals;

TEST_CASE("wait_until_the_end_of_steady_time_returns_when_notified") {
    // condition_variable::wait_until(steady_clock) calls pthread_cond_clockwait; a deadline of
    // time_point::max() must wait, not wrap into the past and give up or spin.
    std::mutex mutex;
    std::condition_variable ready;
    bool flag = false;
    int evaluations = 0;
    std::thread notifier([&] {
        std::this_thread::sleep_for(100ms);
        std::lock_guard<std::mutex> lock(mutex);
        flag = true;
        ready.notify_all();
    });
    auto start = std::chrono::steady_clock::now();
    bool satisfied;
    {
        std::unique_lock<std::mutex> lock(mutex);
        satisfied = ready.wait_until(lock, std::chrono::steady_clock::time_point::max(), [&] {
            ++evaluations;
            return flag;
        });
    }
    notifier.join();
    CHECK(satisfied);
    CHECK(std::chrono::steady_clock::now() - start >= 90ms);
    CHECK(evaluations < 100); // a spinning wait evaluates it millions of times
}

TEST_CASE("wait_for_a_short_time_times_out_after_that_time") {
    std::mutex mutex;
    std::condition_variable never;
    std::unique_lock<std::mutex> lock(mutex);
    auto start = std::chrono::steady_clock::now();
    CHECK(never.wait_for(lock, 80ms) == std::cv_status::timeout);
    auto waited = std::chrono::steady_clock::now() - start;
    CHECK(waited >= 80ms);
    CHECK(waited < 5s);
}

TEST_CASE("clockwait_with_a_past_or_invalid_deadline") {
    pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
    pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
    pthread_mutex_lock(&mutex);
    timespec past{};
    clock_gettime(CLOCK_MONOTONIC, &past);
    past.tv_sec -= 1;
    CHECK_EQ(pthread_cond_clockwait(&cond, &mutex, CLOCK_MONOTONIC, &past), ETIMEDOUT);
    timespec invalid{0, 1000000000L};
    CHECK_EQ(pthread_cond_clockwait(&cond, &mutex, CLOCK_MONOTONIC, &invalid), EINVAL);
    pthread_mutex_unlock(&mutex);
}

namespace {
std::mutex gOrderMutex;
std::vector<int> gDestroyed;

struct RecordsDestruction {
    int id;
    explicit RecordsDestruction(int value) : id(value) {}
    ~RecordsDestruction() {
        std::lock_guard<std::mutex> lock(gOrderMutex);
        gDestroyed.push_back(id);
    }
};

void touchThreadLocals() {
    thread_local RecordsDestruction first(1);
    thread_local RecordsDestruction second(2);
    (void)first.id;
    (void)second.id;
}
} // namespace

TEST_CASE("thread_local_destructors_run_at_thread_exit_last_first") {
    gDestroyed.clear();
    std::thread worker(touchThreadLocals);
    worker.join();
    std::lock_guard<std::mutex> lock(gOrderMutex);
    CHECK_EQ(gDestroyed.size(), 2u);
    if (gDestroyed.size() == 2) {
        CHECK_EQ(gDestroyed[0], 2);
        CHECK_EQ(gDestroyed[1], 1);
    }
}

namespace {
__attribute__((noinline)) void throwThrough(int depth) {
    if (depth == 0)
        throw std::runtime_error("deep");
    throwThrough(depth - 1);
    asm volatile("");
}
} // namespace

TEST_CASE("exceptions_unwind_through_frames") {
    std::string caught;
    try {
        throwThrough(5);
    } catch (const std::runtime_error &error) {
        caught = error.what();
    }
    CHECK_EQ(caught, std::string("deep"));
}

TEST_CASE("find_object_reports_this_program_and_its_unwind_tables") {
    dl_find_object found{};
    void *address = reinterpret_cast<void *>(&throwThrough);
    CHECK_EQ(_dl_find_object(address, &found), 0);
    CHECK(found.dlfo_eh_frame != nullptr);
    CHECK(found.dlfo_map_start <= address);
    CHECK(address < found.dlfo_map_end);
    int onStack = 0;
    CHECK_EQ(_dl_find_object(&onStack, &found), -1); // the stack belongs to no object
}

TEST_CASE("getentropy_and_arc4random_give_random_bytes") {
    unsigned char bytes[64];
    std::memset(bytes, 0, sizeof bytes);
    CHECK_EQ(getentropy(bytes, sizeof bytes), 0);
    int nonZero = 0;
    for (unsigned char byte : bytes)
        nonZero += byte != 0;
    CHECK(nonZero > 32);
    unsigned char tooMany[257];
    errno = 0;
    CHECK_EQ(getentropy(tooMany, sizeof tooMany), -1);
    CHECK_EQ(errno, EIO);
    uint32_t a = arc4random(), b = arc4random(), c = arc4random();
    CHECK(a != b || b != c);
}

TEST_CASE("fstat64_reports_the_size_of_an_open_file") {
    char path[] = "/tmp/glibc_compat_test_XXXXXX";
    int fd = mkstemp(path);
    REQUIRE(fd >= 0);
    CHECK_EQ(write(fd, "12345", 5), 5);
    struct stat64 status {};
    CHECK_EQ(fstat64(fd, &status), 0);
    CHECK_EQ(static_cast<long>(status.st_size), 5L);
    CHECK(S_ISREG(status.st_mode));
    close(fd);
    unlink(path);
    CHECK_EQ(fstat64(fd, &status), -1);
}

TEST_CASE("forwarders_reach_libdl_and_libpthread") {
    void *self = dlopen(nullptr, RTLD_NOW);
    CHECK(self != nullptr);
    CHECK(dlsym(RTLD_DEFAULT, "malloc") != nullptr);
    CHECK(dlopen("libdoes-not-exist.so", RTLD_NOW) == nullptr);
    CHECK(dlerror() != nullptr);
    Dl_info info{};
    CHECK(dladdr(reinterpret_cast<void *>(&throwThrough), &info) != 0);
    if (self != nullptr)
        CHECK_EQ(dlclose(self), 0);

    pthread_key_t key;
    CHECK_EQ(pthread_key_create(&key, nullptr), 0);
    int value = 7;
    CHECK_EQ(pthread_setspecific(key, &value), 0);
    CHECK(pthread_getspecific(key) == &value);
    CHECK_EQ(pthread_key_delete(key), 0);

    std::atomic<int> ran{0};
    pthread_t thread;
    CHECK_EQ(pthread_create(
                 &thread, nullptr,
                 [](void *counter) -> void * {
                     static_cast<std::atomic<int> *>(counter)->fetch_add(1);
                     return nullptr;
                 },
                 &ran),
             0);
    CHECK_EQ(pthread_join(thread, nullptr), 0);
    CHECK_EQ(ran.load(), 1);
}

TEST_MAIN()
