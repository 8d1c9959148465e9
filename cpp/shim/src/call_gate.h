// The gate every entry point passes: any number of calls at once, or the runtime opening or
// closing alone. A shared_mutex would do, but every call would then write the same cache line
// (two atomic read-modify-writes on a shared counter). Here each thread announces its calls in a
// slot of its own, so a call costs one exchange on a line no other thread writes; open and close
// raise a flag and wait until no slot shows a call in progress.
#ifndef ACLGRAPH4J_SHIM_CALL_GATE_H
#define ACLGRAPH4J_SHIM_CALL_GATE_H

#include <atomic>
#include <cstdint>
#include <mutex>

namespace agj {

class CallGate {
public:
    // Enters a call (waits while the runtime opens or closes). Calls may nest on one thread.
    void enter();
    void leave() noexcept;
    // Excludes every call: waits for the calls in progress to end. Not from inside a call.
    void lockExclusive();
    void unlockExclusive() noexcept;

    class Call {
    public:
        explicit Call(CallGate &gate) : gate_(gate) { gate_.enter(); }
        ~Call() { gate_.leave(); }
        Call(const Call &) = delete;
        Call &operator=(const Call &) = delete;

    private:
        CallGate &gate_;
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
        std::atomic<uint32_t> inCall{0};
        std::atomic<bool> claimed{false};
        uint32_t depth = 0; // nesting, touched only by the owning thread
        ThreadSlot *next = nullptr;
    };

private:
    ThreadSlot &mySlot();

    std::atomic<bool> exclusive_{false};
    std::mutex exclusiveMutex_;                // held by open/close while they run
    std::atomic<ThreadSlot *> slots_{nullptr}; // every slot ever made; never freed, reused
};

} // namespace agj

#endif
