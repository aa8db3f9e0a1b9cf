#pragma once
// A process-shared, robust pthread mutex placed in shared memory. If its holder dies, the next
// locker gets EOWNERDEAD, marks the mutex consistent and carries on (and we count it).
#include <pthread.h>

namespace ipclab {

class RobustMutex {
public:
    enum class Result { Locked, LockedAfterOwnerDied, Busy, TimedOut };
    // Placement-initialises the mutex in shared memory (called once, by the segment's creator).
    void init();
    void destroy();
    Result tryLock();
    Result lockFor(long timeoutNs); // blocks in the kernel (futex) up to timeoutNs
    void unlock();
    // Whether the bytes still look like the mutex init() made: another process (or a stray
    // write) may have overwritten them, and glibc aborts on some garbage instead of failing.
    bool looksValid() const;

private:
    Result fromCode(int rc);
    void check() const; // throws CorruptSegment unless looksValid()
    pthread_mutex_t m_;
};

} // namespace ipclab
