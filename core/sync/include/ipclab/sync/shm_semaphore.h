#pragma once
// A counting semaphore in shared memory, used as a binary lock: P (wait) and V (post) on one
// 32-bit word, waiters sleeping on it as a futex, exactly the way glibc's sem_t works inside.
// It is our own rather than a sem_t because its memory is input from other processes: glibc
// aborts the whole process on some garbage in a sem_t ("The futex facility returned an
// unexpected error code"), while here an impossible value is reported as corruption.
// Unlike the robust mutex it has no owner: if a holder dies, the count is simply lost.
#include <atomic>
#include <cstdint>

namespace ipclab {

class ShmSemaphore {
public:
    void init(unsigned value = 1);
    void destroy() {}
    bool tryWait();              // P without waiting; throws CorruptSegment on an impossible value
    bool waitFor(long timeoutNs); // P, sleeping in the kernel up to timeoutNs
    void post();                 // V, waking one sleeper if there is one
    bool looksValid() const;     // the value is 0 or 1 (a binary lock) and the sleepers are few

private:
    void check(uint32_t value) const;
    std::atomic<uint32_t> value_{1};
    std::atomic<uint32_t> sleepers_{0};
};

} // namespace ipclab
