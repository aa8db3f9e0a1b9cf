#include "shm_semaphore.h"

#include "error.h"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <ctime>

namespace ipclab {

void ShmSemaphore::init(unsigned value) {
    if (sem_init(&s_, 1, value) != 0) throwErrno("sem_init");
}
void ShmSemaphore::destroy() { sem_destroy(&s_); }

namespace {
// glibc's sem_t on 64-bit targets: a 64-bit word (value in the low half, waiters in the high
// half) and the futex "private" flag. A checked copy of the flag comes from a semaphore made
// in private memory; the value of a binary lock is 0 or 1; the waiters are at most the workers.
struct GlibcSem {
    uint64_t data;
    int priv;
    int pad;
};
static_assert(sizeof(sem_t) >= sizeof(GlibcSem), "unexpected sem_t layout");

int referencePrivate() {
    static const int priv = [] {
        sem_t s;
        sem_init(&s, 1, 1);
        GlibcSem g;
        std::memcpy(&g, &s, sizeof g);
        sem_destroy(&s);
        return g.priv;
    }();
    return priv;
}
} // namespace

bool ShmSemaphore::looksValid() const {
    GlibcSem g;
    std::memcpy(&g, &s_, sizeof g);
    uint64_t value = g.data & 0xffffffffu, waiters = g.data >> 32;
    return g.priv == referencePrivate() && value <= 1 && waiters <= 4096;
}

void ShmSemaphore::check() const {
    if (!looksValid()) throw CorruptSegment("the shared semaphore was overwritten: its memory holds no valid semaphore");
}

bool ShmSemaphore::tryWait() {
    check();
    while (sem_trywait(&s_) != 0) {
        if (errno != EINTR) return false;
    }
    return true;
}

bool ShmSemaphore::waitFor(long timeoutNs) {
    check();
    timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_nsec += timeoutNs;
    ts.tv_sec += ts.tv_nsec / 1000000000;
    ts.tv_nsec %= 1000000000;
    while (sem_timedwait(&s_, &ts) != 0) {
        if (errno == ETIMEDOUT) return false;
        if (errno == EINVAL) throw CorruptSegment("the shared semaphore was overwritten: sem_timedwait refused it");
        if (errno != EINTR) throwErrno("sem_timedwait");
    }
    return true;
}

void ShmSemaphore::post() {
    check();
    sem_post(&s_);
}

} // namespace ipclab
