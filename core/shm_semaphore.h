#pragma once
// A POSIX unnamed semaphore (sem_init with pshared=1) living in shared memory, used as a binary lock.
// Unlike the robust mutex it has no owner: if a holder dies, the count is simply lost.
#include <semaphore.h>

namespace ipclab {

class ShmSemaphore {
public:
    void init(unsigned value = 1);
    void destroy();
    bool tryWait();
    bool waitFor(long timeoutNs);
    void post();
    // Whether the bytes still look like a semaphore init() made, used as a binary lock: glibc
    // aborts the process on some garbage ("The futex facility returned an unexpected error code").
    bool looksValid() const;

private:
    void check() const; // throws CorruptSegment unless looksValid()
    sem_t s_;
};

} // namespace ipclab
