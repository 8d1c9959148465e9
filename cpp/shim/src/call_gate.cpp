#include "call_gate.h"

#include <chrono>
#include <iterator>
#include <stdexcept>
#include <thread>

#if defined(__linux__)
#include <linux/membarrier.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace agj {
namespace {

// Hands the thread's slot back for reuse when the thread ends.
struct SlotHolder {
    CallGate::ThreadSlot *slot = nullptr;
    ~SlotHolder() {
        if (slot != nullptr) {
            slot->claimed.store(false, std::memory_order_release);
        }
    }
};

thread_local SlotHolder tSlotHolder;
// The same slot for the calls: a trivial thread-local costs no initialisation check.
thread_local CallGate::ThreadSlot *tSlot = nullptr;

#if defined(__SANITIZE_THREAD__)
#define AGJ_THREAD_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define AGJ_THREAD_SANITIZER 1
#endif
#endif

// membarrier(2) makes every running thread of the process pass a full barrier, so the frequent
// side of a store-then-load handshake (every call's end) needs only a compiler barrier and the
// rare side (a deferral racing a call) pays a system call instead. Without it both sides fence.
bool RegisterMembarrier() {
#if defined(__linux__) && defined(__NR_membarrier) && !defined(AGJ_THREAD_SANITIZER)
    long commands = syscall(__NR_membarrier, MEMBARRIER_CMD_QUERY, 0, 0);
    if (commands < 0 || (commands & MEMBARRIER_CMD_PRIVATE_EXPEDITED) == 0) {
        return false;
    }
    return syscall(__NR_membarrier, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0, 0) == 0;
#else
    return false; // thread sanitizer cannot see the system call's barrier: fence on both sides
#endif
}

} // namespace

CallGate::CallGate() : heavyFenceAvailable_(RegisterMembarrier()) {}

void CallGate::lightFence() const noexcept {
    if (heavyFenceAvailable_) {
        std::atomic_signal_fence(std::memory_order_seq_cst);
    } else {
        std::atomic_thread_fence(std::memory_order_seq_cst);
    }
}

void CallGate::heavyFence() const noexcept {
#if defined(__linux__) && defined(__NR_membarrier)
    if (heavyFenceAvailable_ && syscall(__NR_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0, 0) == 0) {
        return;
    }
#endif
    std::atomic_thread_fence(std::memory_order_seq_cst);
}

CallGate::ThreadSlot &CallGate::mySlot() {
    if (tSlot != nullptr) {
        return *tSlot;
    }
    // Reuse the slot of a thread that has ended, or add one.
    for (ThreadSlot *slot = slots_.load(std::memory_order_acquire); slot != nullptr; slot = slot->next) {
        bool expected = false;
        if (!slot->claimed.load(std::memory_order_relaxed) &&
            slot->claimed.compare_exchange_strong(expected, true, std::memory_order_acquire)) {
            tSlotHolder.slot = tSlot = slot;
            return *slot;
        }
    }
    auto *slot = new ThreadSlot(); // never freed: the gate lives as long as the process
    slot->claimed.store(true, std::memory_order_relaxed);
    ThreadSlot *head = slots_.load(std::memory_order_relaxed);
    do {
        slot->next = head;
    } while (!slots_.compare_exchange_weak(head, slot, std::memory_order_release, std::memory_order_relaxed));
    tSlotHolder.slot = tSlot = slot;
    return *slot;
}

CallGate::ThreadSlot &CallGate::enter() {
    ThreadSlot &slot = mySlot();
    if (slot.depth++ > 0) {
        return slot;
    }
    for (;;) {
        // Announce the call, then look for open/close; they raise the flag, then look for
        // calls. With both sides sequentially consistent, at least one sees the other. The same
        // exchange orders the call's lookups after it, which `defer` relies on.
        uint64_t calls = slot.calls.load(std::memory_order_relaxed);
        slot.calls.exchange(calls + 1, std::memory_order_seq_cst);
        if (!exclusive_.load(std::memory_order_seq_cst)) {
            return slot;
        }
        slot.calls.store(calls + 2, std::memory_order_seq_cst);
        std::lock_guard wait(exclusiveMutex_); // until open/close is done
    }
}

void CallGate::leave(ThreadSlot &slot) noexcept {
    if (--slot.depth == 0) {
        leaveOutermost(slot);
    }
}

void CallGate::leaveOutermost(ThreadSlot &slot) noexcept {
    for (;;) {
        slot.calls.store(slot.calls.load(std::memory_order_relaxed) + 1, std::memory_order_release);
        // Either this load sees an action deferred on this call, or the deferring thread's second
        // look (after its heavy fence) sees the call ended.
        lightFence();
        if (slot.awaited.load(std::memory_order_relaxed) == 0) {
            return;
        }
        // Actions wait for this call: run them inside the gate, so close cannot unload the
        // backend under them. This call holds nothing, so what waits for it runs too; whatever
        // is deferred on it meanwhile is seen when it ends, round the loop.
        enter();
        runReady(&slot);
        --slot.depth;
    }
}

void CallGate::runReady(const ThreadSlot *outOfCall) noexcept {
    std::list<Deferred> ready;
    {
        std::lock_guard lock(deferredMutex_);
        for (auto entry = deferred_.begin(); entry != deferred_.end();) {
            bool blocked = false;
            for (auto &[waited, calls] : entry->waitsFor) {
                if (waited == nullptr) {
                    continue;
                }
                if (waited == outOfCall || waited->calls.load(std::memory_order_acquire) != calls) {
                    waited->awaited.fetch_sub(1, std::memory_order_relaxed);
                    waited = nullptr;
                } else {
                    blocked = true;
                }
            }
            auto next = std::next(entry);
            if (!blocked) {
                ready.splice(ready.end(), deferred_, entry);
            }
            entry = next;
        }
    }
    for (Deferred &entry : ready) {
        entry.action(); // outside the lock: an action may defer more
    }
}

CallGate::Wait::Wait(CallGate &gate, std::initializer_list<const void *> held) : slot_(gate.mySlot()) {
    size_t i = 0;
    for (const void *object : held) {
        if (i == kMaxHeld) {
            throw std::logic_error("CallGate::Wait: more objects held than kMaxHeld");
        }
        slot_.held[i++].store(object, std::memory_order_relaxed);
    }
    for (; i < kMaxHeld; ++i) {
        slot_.held[i].store(nullptr, std::memory_order_relaxed);
    }
    slot_.waiting.store(true, std::memory_order_release); // a release that sees it sees `held`
}

CallGate::Wait::~Wait() {
    if (slot_.depth > 1) {
        // An outer frame of the call goes on and may look handles up: sequentially consistent,
        // like a call's start, so a release that still saw the wait (and skipped this call)
        // made its object unreachable before those lookups.
        slot_.waiting.exchange(false, std::memory_order_seq_cst);
        return;
    }
    // The outermost call only finishes with what it held (no lookups after a wait). A release
    // that saw the wait read this call's counter before the call ended, so it precedes the next
    // call's exchange, and that call's lookups see the release.
    slot_.waiting.store(false, std::memory_order_relaxed);
}

void CallGate::defer(const void *object, std::function<void()> action) {
    ThreadSlot &me = mySlot();
    // The caller made the object unreachable before this fence; a call that begins after it
    // cannot find it, so only the calls in progress now can hold it.
    std::atomic_thread_fence(std::memory_order_seq_cst);
    Deferred entry;
    if (me.depth > 1) {
        entry.waitsFor.emplace_back(&me, me.calls.load(std::memory_order_relaxed)); // an outer frame may hold it
    }
    for (ThreadSlot *slot = slots_.load(std::memory_order_acquire); slot != nullptr; slot = slot->next) {
        uint64_t calls = slot->calls.load(std::memory_order_seq_cst);
        if (slot == &me || (calls & 1) == 0) {
            continue;
        }
        if (slot->waiting.load(std::memory_order_seq_cst)) {
            bool holds = false;
            for (const auto &held : slot->held) {
                holds = holds || held.load(std::memory_order_relaxed) == object;
            }
            if (!holds) {
                continue; // blocked in a wait that uses other objects only
            }
        }
        entry.waitsFor.emplace_back(slot, calls);
    }
    if (entry.waitsFor.empty()) {
        action();
        return;
    }
    entry.action = std::move(action);
    {
        std::lock_guard lock(deferredMutex_);
        deferred_.push_back(std::move(entry));
        for (auto &[waited, calls] : deferred_.back().waitsFor) {
            waited->awaited.fetch_add(1, std::memory_order_relaxed);
        }
    }
    // A call that ended before seeing the entry left it to us: look again.
    heavyFence();
    runReady(nullptr);
}

void CallGate::runAllDeferred() noexcept {
    std::list<Deferred> all;
    {
        std::lock_guard lock(deferredMutex_);
        all.swap(deferred_);
        for (Deferred &entry : all) {
            for (auto &[waited, calls] : entry.waitsFor) {
                if (waited != nullptr) {
                    waited->awaited.fetch_sub(1, std::memory_order_relaxed);
                }
            }
        }
    }
    for (Deferred &entry : all) {
        entry.action();
    }
}

void CallGate::lockExclusive() {
    exclusiveMutex_.lock();
    exclusive_.store(true, std::memory_order_seq_cst);
    // Orders the flag before the look at calls (Dekker with enter's exchange); needed under
    // emulators that leave a seq_cst store and a later seq_cst load unordered (Signal::notify).
    std::atomic_thread_fence(std::memory_order_seq_cst);
    ThreadSlot *mine = tSlot;
    for (ThreadSlot *slot = slots_.load(std::memory_order_acquire); slot != nullptr; slot = slot->next) {
        if (slot == mine) {
            continue;
        }
        // Calls in progress end on their own; a synchronisation may take a while.
        for (unsigned round = 0; (slot->calls.load(std::memory_order_seq_cst) & 1) != 0; ++round) {
            if (round < 64) {
                std::this_thread::yield();
            } else {
                std::this_thread::sleep_for(std::chrono::microseconds(100));
            }
        }
    }
}

void CallGate::unlockExclusive() noexcept {
    exclusive_.store(false, std::memory_order_seq_cst);
    exclusiveMutex_.unlock();
}

} // namespace agj
