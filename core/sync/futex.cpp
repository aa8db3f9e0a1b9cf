#include "ipclab/sync/futex.h"

#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <ctime>

namespace ipclab {

// Shared (not FUTEX_PRIVATE_FLAG) futexes: the word lives in memory mapped by several processes.
bool futexWait(std::atomic<uint32_t>& word, uint32_t expected, int64_t timeout_ns) {
    timespec ts{static_cast<time_t>(timeout_ns / 1000000000), static_cast<long>(timeout_ns % 1000000000)};
    long r = ::syscall(SYS_futex, reinterpret_cast<uint32_t*>(&word), FUTEX_WAIT, expected, &ts, nullptr, 0);
    return !(r == -1 && errno == ETIMEDOUT);
}

void futexWakeAll(std::atomic<uint32_t>& word) {
    ::syscall(SYS_futex, reinterpret_cast<uint32_t*>(&word), FUTEX_WAKE, INT_MAX, nullptr, nullptr, 0);
}

} // namespace ipclab
