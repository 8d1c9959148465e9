// Linked into every shipped native library (libaclsim, libaclgraph4j_shim, the JNI glue) so
// that, built with GCC 12 on glibc 2.36, they load on glibc 2.17 (see Aclgraph4jPortable.cmake).
//
// The library and the libstdc++/libgcc archives linked into it call some glibc functions that
// newer glibc versions gave a new symbol version (the libdl and libpthread functions moved into
// libc in 2.34) or that old glibc lacks (pthread_cond_clockwait, getentropy, arc4random, fstat64,
// _dl_find_object, __cxa_thread_atexit_impl, __libc_single_threaded). Each gets a definition
// here; the version
// script (exports.map) keeps them local, so every call inside the library binds to them and
// nothing outside sees them. A forwarder calls the oldest version of the function, which every
// glibc since the architecture's first release provides.
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <link.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#if defined(__x86_64__)
#define AGJ_GLIBC_BASE "GLIBC_2.2.5"
#define AGJ_STAT_VERSION 1  // _STAT_VER_LINUX of x86_64
#elif defined(__aarch64__)
#define AGJ_GLIBC_BASE "GLIBC_2.17"
#define AGJ_STAT_VERSION 0  // _STAT_VER of the generic (asm-generic) layout
#else
#error "the portable build knows the glibc base version of x86_64 and aarch64 only"
#endif

#define AGJ_LOCAL extern "C" __attribute__((visibility("hidden")))

// agj_base_NAME is NAME at the base version; NAME (local to the library) forwards to it.
#define AGJ_BASE(name)                                                                          \
    extern "C" decltype(::name) agj_base_##name;                                                \
    __asm__(".symver agj_base_" #name "," #name "@" AGJ_GLIBC_BASE);

AGJ_BASE(dlopen)
AGJ_BASE(dlsym)
AGJ_BASE(dlclose)
AGJ_BASE(dlerror)
AGJ_BASE(dladdr)
AGJ_BASE(pthread_create)
AGJ_BASE(pthread_join)
AGJ_BASE(pthread_detach)
AGJ_BASE(pthread_once)
AGJ_BASE(pthread_key_create)
AGJ_BASE(pthread_key_delete)
AGJ_BASE(pthread_getspecific)
AGJ_BASE(pthread_setspecific)
AGJ_BASE(pthread_mutex_trylock)
AGJ_BASE(pthread_rwlock_rdlock)
AGJ_BASE(pthread_rwlock_tryrdlock)
AGJ_BASE(pthread_rwlock_wrlock)
AGJ_BASE(pthread_rwlock_trywrlock)
AGJ_BASE(pthread_rwlock_unlock)
AGJ_BASE(pthread_rwlock_init)
AGJ_BASE(pthread_rwlock_destroy)
AGJ_BASE(pthread_attr_getstacksize)
AGJ_BASE(pthread_getattr_np)
extern "C" int agj_base___pthread_key_create(pthread_key_t *, void (*)(void *));
__asm__(".symver agj_base___pthread_key_create,__pthread_key_create@" AGJ_GLIBC_BASE);
// The stat entry point every glibc before 2.33 (and after, as a compatibility symbol) has.
extern "C" int __fxstat64(int version, int fd, struct stat64 *buf);

AGJ_LOCAL void *dlopen(const char *file, int mode) { return agj_base_dlopen(file, mode); }
AGJ_LOCAL void *dlsym(void *handle, const char *name) { return agj_base_dlsym(handle, name); }
AGJ_LOCAL int dlclose(void *handle) { return agj_base_dlclose(handle); }
AGJ_LOCAL char *dlerror() { return agj_base_dlerror(); }
AGJ_LOCAL int dladdr(const void *address, Dl_info *info) { return agj_base_dladdr(address, info); }

AGJ_LOCAL int pthread_create(pthread_t *thread, const pthread_attr_t *attr, void *(*start)(void *), void *arg) {
    return agj_base_pthread_create(thread, attr, start, arg);
}
AGJ_LOCAL int pthread_join(pthread_t thread, void **result) { return agj_base_pthread_join(thread, result); }
AGJ_LOCAL int pthread_detach(pthread_t thread) { return agj_base_pthread_detach(thread); }
AGJ_LOCAL int pthread_once(pthread_once_t *once, void (*init)()) { return agj_base_pthread_once(once, init); }
AGJ_LOCAL int pthread_key_create(pthread_key_t *key, void (*destructor)(void *)) {
    return agj_base_pthread_key_create(key, destructor);
}
// libstdc++ also takes this one's address to tell whether threads are in use.
AGJ_LOCAL int __pthread_key_create(pthread_key_t *key, void (*destructor)(void *)) {
    return agj_base___pthread_key_create(key, destructor);
}
AGJ_LOCAL int pthread_key_delete(pthread_key_t key) { return agj_base_pthread_key_delete(key); }
AGJ_LOCAL void *pthread_getspecific(pthread_key_t key) { return agj_base_pthread_getspecific(key); }
AGJ_LOCAL int pthread_setspecific(pthread_key_t key, const void *value) {
    return agj_base_pthread_setspecific(key, value);
}
AGJ_LOCAL int pthread_mutex_trylock(pthread_mutex_t *mutex) { return agj_base_pthread_mutex_trylock(mutex); }
AGJ_LOCAL int pthread_rwlock_rdlock(pthread_rwlock_t *lock) { return agj_base_pthread_rwlock_rdlock(lock); }
AGJ_LOCAL int pthread_rwlock_tryrdlock(pthread_rwlock_t *lock) { return agj_base_pthread_rwlock_tryrdlock(lock); }
AGJ_LOCAL int pthread_rwlock_wrlock(pthread_rwlock_t *lock) { return agj_base_pthread_rwlock_wrlock(lock); }
AGJ_LOCAL int pthread_rwlock_trywrlock(pthread_rwlock_t *lock) { return agj_base_pthread_rwlock_trywrlock(lock); }
AGJ_LOCAL int pthread_rwlock_unlock(pthread_rwlock_t *lock) { return agj_base_pthread_rwlock_unlock(lock); }
AGJ_LOCAL int pthread_rwlock_init(pthread_rwlock_t *lock, const pthread_rwlockattr_t *attr) {
    return agj_base_pthread_rwlock_init(lock, attr);
}
AGJ_LOCAL int pthread_rwlock_destroy(pthread_rwlock_t *lock) { return agj_base_pthread_rwlock_destroy(lock); }
AGJ_LOCAL int pthread_attr_getstacksize(const pthread_attr_t *attr, size_t *size) {
    return agj_base_pthread_attr_getstacksize(attr, size);
}
AGJ_LOCAL int pthread_getattr_np(pthread_t thread, pthread_attr_t *attr) {
    return agj_base_pthread_getattr_np(thread, attr);
}
// glibc 2.30 (libstdc++'s condition_variable waits on steady_clock through it): the same wait on
// the condition variable's own clock (CLOCK_REALTIME), its deadline moved by the time left on the
// requested clock. Deadlines too far to represent (time_point::max()) saturate instead of
// wrapping into the past.
AGJ_LOCAL int pthread_cond_clockwait(pthread_cond_t *cond, pthread_mutex_t *mutex, clockid_t clock,
                                     const struct timespec *deadline) {
    if (clock == CLOCK_REALTIME) return pthread_cond_timedwait(cond, mutex, deadline);
    if (deadline->tv_nsec < 0 || deadline->tv_nsec >= 1000000000L) return EINVAL;
    struct timespec clockNow, realNow;
    if (clock_gettime(clock, &clockNow) != 0) return EINVAL;
    clock_gettime(CLOCK_REALTIME, &realNow);
    constexpr long kNanos = 1000000000L;
    constexpr time_t kMaxSeconds = static_cast<time_t>(~0ULL >> 1);
    // time left, in seconds and nanoseconds (0 <= nanoseconds < 1 s); may be negative
    long long leftSeconds;
    if (__builtin_sub_overflow(static_cast<long long>(deadline->tv_sec), static_cast<long long>(clockNow.tv_sec),
                               &leftSeconds)) {
        leftSeconds = deadline->tv_sec > clockNow.tv_sec ? static_cast<long long>(kMaxSeconds) : -1;
    }
    long leftNanos = deadline->tv_nsec - clockNow.tv_nsec;
    if (leftNanos < 0) {
        leftNanos += kNanos;
        leftSeconds -= 1;
    }
    struct timespec realDeadline;
    long long seconds;
    if (__builtin_add_overflow(static_cast<long long>(realNow.tv_sec), leftSeconds, &seconds) ||
        seconds >= static_cast<long long>(kMaxSeconds)) {
        realDeadline.tv_sec = kMaxSeconds;
        realDeadline.tv_nsec = kNanos - 1;
    } else {
        realDeadline.tv_sec = static_cast<time_t>(seconds);
        realDeadline.tv_nsec = realNow.tv_nsec + leftNanos;
        if (realDeadline.tv_nsec >= kNanos) {
            realDeadline.tv_nsec -= kNanos;
            realDeadline.tv_sec += 1;
        }
        if (realDeadline.tv_sec < 0) {
            realDeadline.tv_sec = 0;
            realDeadline.tv_nsec = 0;
        }
    }
    return pthread_cond_timedwait(cond, mutex, &realDeadline);
}

// glibc 2.32: libstdc++ skips atomics when this says the process has one thread. Zero ("maybe
// several") keeps it on the atomic path, which is always correct.
extern "C" __attribute__((visibility("hidden"))) char __libc_single_threaded;
char __libc_single_threaded = 0;

// glibc 2.33 made fstat64 a function; before, only __fxstat64 existed (libstdc++'s basic_file).
AGJ_LOCAL int fstat64(int fd, struct stat64 *buf) { return __fxstat64(AGJ_STAT_VERSION, fd, buf); }

// glibc 2.25 / 2.36 (libstdc++'s random_device): the kernel's getrandom (Linux 3.17), else
// /dev/urandom (CentOS 7's 3.10 kernel).
AGJ_LOCAL int getentropy(void *buffer, size_t length) {
    if (length > 256) {
        errno = EIO;
        return -1;
    }
    auto *bytes = static_cast<unsigned char *>(buffer);
    size_t filled = 0;
    while (filled < length) {
        long got = syscall(SYS_getrandom, bytes + filled, length - filled, 0);
        if (got > 0) {
            filled += static_cast<size_t>(got);
        } else if (got < 0 && errno == EINTR) {
            continue;
        } else {
            break;
        }
    }
    if (filled == length) return 0;
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    while (filled < length) {
        ssize_t got = read(fd, bytes + filled, length - filled);
        if (got > 0) {
            filled += static_cast<size_t>(got);
        } else if (got < 0 && errno == EINTR) {
            continue;
        } else {
            close(fd);
            errno = EIO;
            return -1;
        }
    }
    close(fd);
    return 0;
}
AGJ_LOCAL uint32_t arc4random() {
    uint32_t value;
    if (getentropy(&value, sizeof value) != 0) abort();
    return value;
}

// glibc 2.35 (libgcc's unwinder, to find a frame's unwind tables): the same answer through
// dl_iterate_phdr, which every glibc has. Only the fields the unwinder reads are filled.
namespace {
struct FindObject {
    uintptr_t address;
    dl_find_object *result;
    bool found;
};

int findObjectIn(dl_phdr_info *info, size_t, void *data) {
    auto *query = static_cast<FindObject *>(data);
    uintptr_t start = UINTPTR_MAX, end = 0;
    bool contains = false;
    const void *ehFrame = nullptr;
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) &segment = info->dlpi_phdr[i];
        uintptr_t begin = info->dlpi_addr + segment.p_vaddr;
        if (segment.p_type == PT_LOAD) {
            if (begin < start) start = begin;
            if (begin + segment.p_memsz > end) end = begin + segment.p_memsz;
            if (query->address >= begin && query->address < begin + segment.p_memsz) contains = true;
        } else if (segment.p_type == PT_GNU_EH_FRAME) {
            ehFrame = reinterpret_cast<const void *>(begin);
        }
    }
    if (!contains) return 0;
    query->result->dlfo_flags = 0;
    query->result->dlfo_map_start = reinterpret_cast<void *>(start);
    query->result->dlfo_map_end = reinterpret_cast<void *>(end);
    query->result->dlfo_link_map = nullptr;
    query->result->dlfo_eh_frame = const_cast<void *>(ehFrame);
    query->found = ehFrame != nullptr;
    return 1;
}
}  // namespace

AGJ_LOCAL int _dl_find_object(void *address, dl_find_object *result) {
    FindObject query{reinterpret_cast<uintptr_t>(address), result, false};
    dl_iterate_phdr(findObjectIn, &query);
    return query.found ? 0 : -1;
}

// glibc 2.18 (libstdc++'s thread_local destructors): run each thread's registrations, last
// first, when it ends, through a pthread key. The libraries are never unloaded while threads
// that used them live (the JVM keeps JNI libraries until exit).
namespace {
struct ThreadExitAction {
    void (*run)(void *);
    void *object;
    ThreadExitAction *next;
};
__thread ThreadExitAction *tThreadExitActions = nullptr;
pthread_key_t gThreadExitKey;
pthread_once_t gThreadExitKeyOnce = PTHREAD_ONCE_INIT;

void runThreadExitActions(void *) {
    // A destructor may register more; run until none are left.
    while (ThreadExitAction *action = tThreadExitActions) {
        tThreadExitActions = action->next;
        action->run(action->object);
        free(action);
    }
}
void makeThreadExitKey() { pthread_key_create(&gThreadExitKey, runThreadExitActions); }
}  // namespace

AGJ_LOCAL int __cxa_thread_atexit_impl(void (*run)(void *), void *object, void *) {
    pthread_once(&gThreadExitKeyOnce, makeThreadExitKey);
    auto *action = static_cast<ThreadExitAction *>(malloc(sizeof(ThreadExitAction)));
    if (action == nullptr) return -1;
    *action = {run, object, tThreadExitActions};
    tThreadExitActions = action;
    // Any non-null value makes the key's destructor run at thread exit.
    pthread_setspecific(gThreadExitKey, action);
    return 0;
}
