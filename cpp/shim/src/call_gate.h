// The gate every entry point passes: any number of calls at once, or the runtime opening or
// closing alone. A shared_mutex would do, but every call would then write the same cache line
// (two atomic read-modify-writes on a shared counter). Here each thread announces its calls in a
// slot of its own, so a call costs one exchange on a line no other thread writes; open and close
// raise a flag and wait until no slot shows a call in progress.
//
// The same slots tell when something made unreachable can be destroyed: an action handed to
// `defer` runs once every call that was in progress on another thread has ended (at once when
// there is none). The handle table uses it so lookups need not count references: an object
// found during a call stays alive until that call returns.
#ifndef ACLGRAPH4J_SHIM_CALL_GATE_H
#define ACLGRAPH4J_SHIM_CALL_GATE_H

#include <atomic>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <list>
#include <mutex>
#include <utility>
#include <vector>

namespace agj {

class CallGate {
public:
    CallGate();
    CallGate(const CallGate &) = delete;
    CallGate &operator=(const CallGate &) = delete;

    struct ThreadSlot;

    // Enters a call (waits while the runtime opens or closes) and returns the thread's slot,
    // which `leave` takes back. Calls may nest on one thread.
    ThreadSlot &enter();
    void leave(ThreadSlot &slot) noexcept;
    // Excludes every call: waits for the calls in progress to end. Not from inside a call.
    void lockExclusive();
    void unlockExclusive() noexcept;

    // Runs `action` once no call in progress now can still use `object`, which the caller has
    // just made unreachable to new calls: at once when no other thread is in a call (or only in
    // waits that do not hold it), otherwise when the last of those calls ends (on its thread,
    // inside the gate). From inside a call.
    void defer(const void *object, std::function<void()> action);
    // Runs every deferred action. Only while holding the gate exclusively.
    void runAllDeferred() noexcept;

    class Call {
    public:
        explicit Call(CallGate &gate) : gate_(gate), slot_(gate.enter()) {}
        ~Call() { gate_.leave(slot_); }
        Call(const Call &) = delete;
        Call &operator=(const Call &) = delete;

    private:
        CallGate &gate_;
        ThreadSlot &slot_;
    };

    // For the length of a blocking wait inside a call (a synchronisation), declares that the
    // call uses only `held` (up to kMaxHeld objects it found before) until the wait is over, so
    // releases of anything else on other threads need not wait for it. The call must touch no
    // other object it found before the wait, during or after it, and look up no handle after it.
    static constexpr size_t kMaxHeld = 3;
    class Wait {
    public:
        Wait(CallGate &gate, std::initializer_list<const void *> held);
        ~Wait();
        Wait(const Wait &) = delete;
        Wait &operator=(const Wait &) = delete;

    private:
        ThreadSlot &slot_;
    };

    class Exclusive {
    public:
        explicit Exclusive(CallGate &gate) : gate_(gate) { gate_.lockExclusive(); }
        ~Exclusive() { gate_.unlockExclusive(); }
        Exclusive(const Exclusive &) = delete;
        Exclusive &operator=(const Exclusive &) = delete;

    private:
        CallGate &gate_;
    };

    struct alignas(64) ThreadSlot {
        // Twice the calls begun plus one while a call is in progress: odd means in a call, and
        // the value changes once that call ends (the count only grows, also across the threads
        // that reuse the slot).
        std::atomic<uint64_t> calls{0};
        // Deferred actions waiting for a call of this slot to end: the owner checks this (on its
        // own line) when a call ends, so actions waiting on other threads cost it nothing.
        std::atomic<uint32_t> awaited{0};
        // Inside a Wait: the call uses only `held` until it ends.
        std::atomic<bool> waiting{false};
        std::atomic<const void *> held[kMaxHeld] = {};
        std::atomic<bool> claimed{false};
        uint32_t depth = 0; // nesting, touched only by the owning thread
        ThreadSlot *next = nullptr;
    };

private:
    struct Deferred {
        std::function<void()> action;
        // Slots and the calls they were in; a slot is cleared (null) once its call has ended.
        std::vector<std::pair<ThreadSlot *, uint64_t>> waitsFor;
    };

    ThreadSlot &mySlot();
    // Ends the thread's outermost call, then runs the deferred actions it was the last to block.
    void leaveOutermost(ThreadSlot &slot) noexcept;
    // Runs the deferred actions no call in progress blocks any more, and clears the waits that
    // have passed. `outOfCall`: a thread whose current call holds nothing (it is only running
    // deferred actions), so it blocks none.
    void runReady(const ThreadSlot *outOfCall) noexcept;
    // The leaving side's half of a store-then-load fence; `heavyFence` is the other half.
    void lightFence() const noexcept;
    void heavyFence() const noexcept;

    std::atomic<bool> exclusive_{false};
    std::mutex exclusiveMutex_;                // held by open/close while they run
    std::atomic<ThreadSlot *> slots_{nullptr}; // every slot ever made; never freed, reused

    std::mutex deferredMutex_;
    std::list<Deferred> deferred_;     // a list: moving entries between lists needs no allocation
    bool heavyFenceAvailable_ = false; // membarrier: calls leave with a compiler barrier only
};

} // namespace agj

#endif
