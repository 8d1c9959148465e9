#include "call_gate.h"

#include <chrono>
#include <thread>

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

thread_local SlotHolder tSlot;

} // namespace

CallGate::ThreadSlot &CallGate::mySlot() {
    if (tSlot.slot != nullptr) {
        return *tSlot.slot;
    }
    // Reuse the slot of a thread that has ended, or add one.
    for (ThreadSlot *slot = slots_.load(std::memory_order_acquire); slot != nullptr; slot = slot->next) {
        bool expected = false;
        if (!slot->claimed.load(std::memory_order_relaxed) &&
            slot->claimed.compare_exchange_strong(expected, true, std::memory_order_acquire)) {
            tSlot.slot = slot;
            return *slot;
        }
    }
    auto *slot = new ThreadSlot(); // never freed: the gate lives as long as the process
    slot->claimed.store(true, std::memory_order_relaxed);
    ThreadSlot *head = slots_.load(std::memory_order_relaxed);
    do {
        slot->next = head;
    } while (!slots_.compare_exchange_weak(head, slot, std::memory_order_release, std::memory_order_relaxed));
    tSlot.slot = slot;
    return *slot;
}

void CallGate::enter() {
    ThreadSlot &slot = mySlot();
    if (slot.depth++ > 0) {
        return;
    }
    for (;;) {
        // Announce the call, then look for open/close; they raise the flag, then look for
        // calls. With both sides sequentially consistent, at least one sees the other.
        slot.inCall.exchange(1, std::memory_order_seq_cst);
        if (!exclusive_.load(std::memory_order_seq_cst)) {
            return;
        }
        slot.inCall.store(0, std::memory_order_seq_cst);
        std::lock_guard wait(exclusiveMutex_); // until open/close is done
    }
}

void CallGate::leave() noexcept {
    ThreadSlot &slot = *tSlot.slot;
    if (--slot.depth == 0) {
        slot.inCall.store(0, std::memory_order_release);
    }
}

void CallGate::lockExclusive() {
    exclusiveMutex_.lock();
    exclusive_.store(true, std::memory_order_seq_cst);
    ThreadSlot *mine = tSlot.slot;
    for (ThreadSlot *slot = slots_.load(std::memory_order_acquire); slot != nullptr; slot = slot->next) {
        if (slot == mine) {
            continue;
        }
        // Calls in progress end on their own; a synchronisation may take a while.
        for (unsigned round = 0; slot->inCall.load(std::memory_order_seq_cst) != 0; ++round) {
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
