#include "ipclab/sync/shm_semaphore.h"

#include "ipclab/base/error.h"
#include "ipclab/sync/futex.h"

namespace ipclab {
namespace {
constexpr uint32_t kMaxValue = 1;       // used as a binary lock
constexpr uint32_t kMaxSleepers = 4096; // far above the 64 workers a run can have
} // namespace

void ShmSemaphore::init(unsigned value) {
    value_.store(value, std::memory_order_relaxed);
    sleepers_.store(0, std::memory_order_relaxed);
}

bool ShmSemaphore::looksValid() const {
    return value_.load(std::memory_order_relaxed) <= kMaxValue && sleepers_.load(std::memory_order_relaxed) <= kMaxSleepers;
}

void ShmSemaphore::check(uint32_t value) const {
    if (value > kMaxValue || sleepers_.load(std::memory_order_relaxed) > kMaxSleepers)
        throw CorruptSegment("the shared semaphore was overwritten: its memory holds no valid semaphore");
}

bool ShmSemaphore::tryWait() {
    uint32_t v = value_.load(std::memory_order_relaxed);
    for (;;) {
        check(v);
        if (v == 0) return false;
        if (value_.compare_exchange_weak(v, v - 1, std::memory_order_acquire, std::memory_order_relaxed)) return true;
    }
}

bool ShmSemaphore::waitFor(long timeoutNs) {
    if (tryWait()) return true;
    // Announce ourselves, then sleep only while the value is still 0 (the kernel checks that
    // atomically with going to sleep, so a post in between is never missed).
    sleepers_.fetch_add(1, std::memory_order_seq_cst);
    if (value_.load(std::memory_order_seq_cst) == 0) futexWait(value_, 0, timeoutNs);
    sleepers_.fetch_sub(1, std::memory_order_seq_cst);
    return tryWait();
}

void ShmSemaphore::post() {
    uint32_t before = value_.fetch_add(1, std::memory_order_seq_cst);
    check(before); // a post onto 1 (or garbage) means the word was overwritten
    if (sleepers_.load(std::memory_order_seq_cst) != 0) futexWakeAll(value_);
}

} // namespace ipclab
