#include "shm_semaphore.h"

#include "error.h"

#include <cerrno>
#include <ctime>

namespace ipclab {

void ShmSemaphore::init(unsigned value) {
    if (sem_init(&s_, 1, value) != 0) throwErrno("sem_init");
}
void ShmSemaphore::destroy() { sem_destroy(&s_); }

bool ShmSemaphore::tryWait() {
    while (sem_trywait(&s_) != 0) {
        if (errno != EINTR) return false;
    }
    return true;
}

bool ShmSemaphore::waitFor(long timeoutNs) {
    timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_nsec += timeoutNs;
    ts.tv_sec += ts.tv_nsec / 1000000000;
    ts.tv_nsec %= 1000000000;
    while (sem_timedwait(&s_, &ts) != 0) {
        if (errno == ETIMEDOUT) return false;
        if (errno != EINTR) throwErrno("sem_timedwait");
    }
    return true;
}

void ShmSemaphore::post() { sem_post(&s_); }

} // namespace ipclab
