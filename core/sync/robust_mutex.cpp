#include "ipclab/sync/robust_mutex.h"

#include "ipclab/base/error.h"

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

namespace {
// The kind word a process-shared robust mutex gets from this glibc: computed once in private
// memory, the checked copy the shared one is compared against.
int referenceKind() {
    static const int kind = [] {
        pthread_mutex_t m;
        pthread_mutexattr_t a;
        pthread_mutexattr_init(&a);
        pthread_mutexattr_setpshared(&a, PTHREAD_PROCESS_SHARED);
        pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
        pthread_mutex_init(&m, &a);
        pthread_mutexattr_destroy(&a);
        return m.__data.__kind;
    }();
    return kind;
}
} // namespace

bool RobustMutex::looksValid() const {
    // glibc's layout (struct __pthread_mutex_s, public in <pthread.h>): the kind must be the one
    // init() set (garbage there selects priority-protocol paths that assert), the recursion
    // count of a normal mutex is 0 or 1 (glibc sets 1 while a robust one is held), and the owner
    // is a thread id or 0.
    const auto& d = m_.__data;
    return d.__kind == referenceKind() && d.__count <= 1 && d.__owner >= 0;
}

void RobustMutex::check() const {
    if (!looksValid()) throw CorruptSegment("the shared mutex was overwritten: its memory holds no valid mutex");
}

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
    case EINVAL:
    case ENOTRECOVERABLE: throw CorruptSegment("the shared mutex was overwritten: pthread_mutex_lock refused it");
    default: throw SystemError("pthread_mutex_lock", rc);
    }
}

RobustMutex::Result RobustMutex::tryLock() {
    check();
    return fromCode(pthread_mutex_trylock(&m_));
}

RobustMutex::Result RobustMutex::lockFor(long timeoutNs) {
    timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_nsec += timeoutNs;
    ts.tv_sec += ts.tv_nsec / 1000000000;
    ts.tv_nsec %= 1000000000;
    check();
    return fromCode(pthread_mutex_timedlock(&m_, &ts));
}

void RobustMutex::unlock() {
    check();
    pthread_mutex_unlock(&m_);
}

} // namespace ipclab
