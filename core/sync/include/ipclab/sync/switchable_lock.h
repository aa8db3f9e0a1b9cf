#pragma once
// The lock a worker takes around a critical section, with the primitive chosen per acquisition
// from the control block, so sync can be switched while workers run. Measures what the charts
// show: acquisitions, contended acquisitions (a try-lock failed first), wait and hold time.
#include "ipclab/config/experiment_config.h"
#include "ipclab/sync/robust_mutex.h"
#include "ipclab/sync/shm_semaphore.h"
#include "ipclab/sync/spin_lock.h"

#include <atomic>
#include <cstdint>

namespace ipclab {

struct ControlBlock;
struct WorkerSlot;

// The primitives themselves, all in shared memory side by side.
struct SharedLocks {
    RobustMutex mutex;
    // The one source of truth for "who holds the lock": the holder's pid, written inside the
    // critical section (after acquiring, cleared before releasing), so two workers can never
    // both be named. Per-worker states lag; the views trust this word.
    std::atomic<int32_t> holderPid{0};
    alignas(64) SpinLock spin;
    alignas(64) ShmSemaphore sem;
    void init();
    void destroy();
};

class SwitchableLock {
public:
    SwitchableLock(SharedLocks& locks, const ControlBlock& control, WorkerSlot* slot)
        : locks_(locks), control_(control), slot_(slot) {}

    // Takes the lock for `mode` (None/Atomic take nothing). Returns false only if the run is
    // being stopped while waiting. Sets `ownerDied` when the robust mutex was recovered.
    bool acquire(SyncMode mode, bool& ownerDied);
    void release();
    SyncMode held() const { return held_; }

private:
    SharedLocks& locks_;
    const ControlBlock& control_;
    WorkerSlot* slot_;
    SyncMode held_ = SyncMode::None;
    uint64_t acquiredNs_ = 0;
    uint32_t sampleTick_ = 0;
    int32_t pid_ = 0; // ours, written into holderPid
};

} // namespace ipclab
