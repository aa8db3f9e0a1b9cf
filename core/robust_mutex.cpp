#include "robust_mutex.h"

#include "error.h"

#include <cerrno>
#include <ctime>

namespace ipclab {

void RobustMutex::init() {
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_setpshared(&a, PTHREAD_PROCESS_SHARED);
    pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
    int rc = pthread_mutex_init(&m_, &a);
    pthread_mutexattr_destroy(&a);
    if (rc != 0) throw SystemError("pthread_mutex_init", rc);
}

void RobustMutex::destroy() { pthread_mutex_destroy(&m_); }

RobustMutex::Result RobustMutex::fromCode(int rc) {
    switch (rc) {
    case 0: return Result::Locked;
    case EOWNERDEAD:
        // The previous holder died inside its critical section: the data it guarded may be
        // half-updated (callers repair and report it), the mutex itself is usable again.
        pthread_mutex_consistent(&m_);
        return Result::LockedAfterOwnerDied;
    case EBUSY: return Result::Busy;
    case ETIMEDOUT: return Result::TimedOut;
    default: throw SystemError("pthread_mutex_lock", rc);
    }
}

RobustMutex::Result RobustMutex::tryLock() { return fromCode(pthread_mutex_trylock(&m_)); }

RobustMutex::Result RobustMutex::lockFor(long timeoutNs) {
    timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_nsec += timeoutNs;
    ts.tv_sec += ts.tv_nsec / 1000000000;
    ts.tv_nsec %= 1000000000;
    return fromCode(pthread_mutex_timedlock(&m_, &ts));
}

void RobustMutex::unlock() { pthread_mutex_unlock(&m_); }

} // namespace ipclab
