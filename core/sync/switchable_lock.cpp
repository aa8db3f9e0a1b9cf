#include "ipclab/sync/switchable_lock.h"

#include "ipclab/base/clock.h"
#include "ipclab/base/error.h"
#include "ipclab/telemetry/telemetry.h"

#include <unistd.h>

namespace ipclab {

void SharedLocks::init() {
    mutex.init();
    holderPid.store(0, std::memory_order_relaxed);
    spin.init();
    sem.init(1);
}

void SharedLocks::destroy() {
    mutex.destroy();
    sem.destroy();
}

namespace {
// Hold time is measured on 1 of 16 acquisitions and scaled: two clock reads per lock would
// cost more than the critical section being measured.
constexpr uint32_t kHoldSampleEvery = 16;
constexpr long kWaitSliceNs = 5'000'000; // re-check stop at least every 5 ms while blocked
} // namespace

bool SwitchableLock::acquire(SyncMode mode, bool& ownerDied) {
    ownerDied = false;
    held_ = SyncMode::None;
    acquiredNs_ = 0; // a hold sample from an earlier locked mode must not leak into release()
    if (mode == SyncMode::None || mode == SyncMode::Atomic) return true;

    bool got = false;
    switch (mode) {
    case SyncMode::Mutex: {
        auto r = locks_.mutex.tryLock();
        got = r == RobustMutex::Result::Locked || r == RobustMutex::Result::LockedAfterOwnerDied;
        ownerDied = r == RobustMutex::Result::LockedAfterOwnerDied;
        break;
    }
    case SyncMode::Spinlock:
        if (!locks_.spin.looksValid()) throw CorruptSegment("the shared spinlock was overwritten: its word is neither 0 nor 1");
        got = locks_.spin.tryLock();
        break;
    case SyncMode::Semaphore: got = locks_.sem.tryWait(); break;
    default: break;
    }

    if (!got) {
        uint64_t t0 = monotonicNs();
        if (slot_) {
            slot_->contended.add();
            // A spin lock's waiter spins on its CPU; a mutex's or a semaphore's sleeps in the kernel.
            WorkerState waiting = mode == SyncMode::Spinlock ? WorkerState::Spinning : WorkerState::WaitingLock;
            publishState(slot_, waiting);
        }
        while (!got) {
            // Give up only if the run is stopping and the lock stays taken: a holder that died
            // with a spinlock or semaphore never gives it back. Consumers still drain meanwhile.
            if (control_.runCommand() == RunCommand::Stop && monotonicNs() - t0 > 200'000'000) return false;
            switch (mode) {
            case SyncMode::Mutex: {
                auto r = locks_.mutex.lockFor(kWaitSliceNs);
                got = r == RobustMutex::Result::Locked || r == RobustMutex::Result::LockedAfterOwnerDied;
                ownerDied = r == RobustMutex::Result::LockedAfterOwnerDied;
                countWaitCall(slot_); // a contended mutex lock waits in the kernel (futex)
                break;
            }
            case SyncMode::Spinlock:
                if (!locks_.spin.looksValid()) throw CorruptSegment("the shared spinlock was overwritten: its word is neither 0 nor 1");
                got = locks_.spin.lockFor(4096);
                break;
            case SyncMode::Semaphore:
                got = locks_.sem.waitFor(kWaitSliceNs);
                countWaitCall(slot_);
                break;
            default: got = true;
            }
        }
        if (slot_) slot_->waitNs.add(monotonicNs() - t0);
    }
    held_ = mode;
    if (!pid_) pid_ = static_cast<int32_t>(::getpid());
    locks_.holderPid.store(pid_, std::memory_order_relaxed);
    if (slot_) {
        slot_->lockAcquisitions.add();
        publishState(slot_, WorkerState::HoldingLock);
        acquiredNs_ = (++sampleTick_ % kHoldSampleEvery == 0) ? monotonicNs() : 0;
    }
    return true;
}

void SwitchableLock::release() {
    if (slot_ && acquiredNs_) slot_->holdNs.add((monotonicNs() - acquiredNs_) * kHoldSampleEvery);
    if (held_ != SyncMode::None) {
        locks_.holderPid.store(0, std::memory_order_relaxed);
        // Out of the section before the lock is free: the next holder's "holding" (published
        // after it got the lock) starts later than this one's end, so logged intervals never overlap.
        publishState(slot_, WorkerState::Running);
    }
    switch (held_) {
    case SyncMode::Mutex: locks_.mutex.unlock(); break;
    case SyncMode::Spinlock: locks_.spin.unlock(); break;
    case SyncMode::Semaphore: locks_.sem.post(); break;
    default: break;
    }
    held_ = SyncMode::None;
}

} // namespace ipclab
