#pragma once
// Test-and-test-and-set spinlock on an atomic word in shared memory. Waiters read the word
// (staying in their own cache) and only try the exchange when it looks free.
#include <atomic>
#include <cstdint>
#include <sched.h>

namespace ipclab {

inline void cpuRelax() noexcept {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    asm volatile("yield");
#endif
}

class SpinLock {
public:
    void init() noexcept { word_.store(0, std::memory_order_relaxed); }
    bool tryLock() noexcept {
        return word_.load(std::memory_order_relaxed) == 0 && word_.exchange(1, std::memory_order_acquire) == 0;
    }
    // The word is 0 (free) or 1 (taken); anything else was written by someone else.
    bool looksValid() const noexcept { return word_.load(std::memory_order_relaxed) <= 1; }
    // Spins up to maxSpins; false if still busy (the caller checks for stop, then retries).
    // After many spins it yields: on 2 cores the holder may need the CPU we are spinning on.
    bool lockFor(uint32_t maxSpins) noexcept {
        for (uint32_t i = 0; i < maxSpins; ++i) {
            if (tryLock()) return true;
            if ((i & 255) == 255) sched_yield();
            else cpuRelax();
        }
        return false;
    }
    void unlock() noexcept { word_.store(0, std::memory_order_release); }

private:
    std::atomic<uint32_t> word_{0};
};

} // namespace ipclab
