#include "ipclab/transport/shm_ring.h"

#include "ipclab/base/aligned_buffer.h"
#include "ipclab/base/clock.h"
#include "ipclab/sync/asymmetric_fence.h"
#include "ipclab/base/error.h"
#include "ipclab/sync/futex.h"
#include "ipclab/telemetry/telemetry.h"

#include <sched.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <new>

namespace ipclab {
namespace {
constexpr std::size_t kHeaderBytes = (sizeof(RingHeader) + 63) & ~std::size_t{63};
constexpr uint32_t kVersion = 2; // 2: payload first in each slot, the slot's control words after it
constexpr int kSpinsBeforeYield = 100;
constexpr int kYieldsBeforeSleep = 64;
constexpr int64_t kSleepSliceNs = 5'000'000; // waiters re-check the control block every 5 ms

// Hands a slot on. Without sync two processes may have claimed the same slot; only the first
// hand-over counts, so a late racer can tear the payload (the checksum catches that) but can
// never write an old sequence number back, which would wedge the ring for good.
void publish(RingSlot& s, uint64_t expected, uint64_t next, SyncMode mode) {
    if (mode == SyncMode::None) s.seq.compare_exchange_strong(expected, next, std::memory_order_release);
    else s.seq.store(next, std::memory_order_release);
}

// A slot: the payload first, 64-byte aligned (so a copy does not split every store across two
// cache lines), then its control words, which for small frames share the payload's last line.
uint64_t controlOffset(uint32_t slotSize) { return (uint64_t{slotSize} + 7) & ~uint64_t{7}; }
uint64_t strideFor(uint32_t slotSize) { return (controlOffset(slotSize) + sizeof(RingSlot) + 63) & ~uint64_t{63}; }

// The walk both sides of a shared ring make (Vyukov's bounded queue): from `index` (head or
// tail), find the slot whose sequence word says it is this side's turn (seq == pos + lag), claim
// the position (a CAS when atomic; a plain, racy store otherwise) and hand the slot to `use`,
// which fills or empties it and publishes it. A position someone already used is skipped; a CAS
// from pos also repairs an index that an unsynchronized store moved backwards, so no mode switch
// can wedge the ring. Indices come from shared memory: a walk longer than the ring is
// corruption, not work.
template <typename SlotAt, typename Use>
ShmRing::Status claimTurn(std::atomic<uint64_t>& index, uint64_t lag, uint32_t slotCount, SyncMode mode,
                          ShmRing::Status none, SlotAt slotAt, Use use) {
    const bool atomic = mode == SyncMode::Atomic;
    uint64_t pos = index.load(std::memory_order_relaxed);
    for (uint64_t steps = 0;; ++steps) {
        if (steps > 2 * uint64_t{slotCount}) return ShmRing::Status::Corrupt;
        RingSlot& s = slotAt(pos);
        int64_t diff = static_cast<int64_t>(s.seq.load(std::memory_order_acquire) - (pos + lag));
        if (diff < 0) return none; // full (writer) or empty (reader)
        if (diff == 0) {
            bool claimed = true;
            if (atomic) claimed = index.compare_exchange_weak(pos, pos + 1, std::memory_order_relaxed);
            else index.store(pos + 1, std::memory_order_relaxed); // plain store: racy when mode == None
            if (claimed) {
                use(s, pos);
                return ShmRing::Status::Ok;
            }
        } else {
            if (atomic) index.compare_exchange_weak(pos, pos + 1, std::memory_order_relaxed);
            else index.store(pos + 1, std::memory_order_relaxed);
            pos = index.load(std::memory_order_relaxed);
        }
    }
}

} // namespace

// Dekker-style handshake: the waiter registers (waiters++), fences, and re-checks the ring; we
// publish, fence, and look for waiters (wakeIfWaiting), so one of the two always sees the other.
// Our fence is the light one (see asymmetric_fence.h): the common no-waiter case costs a load.
void ShmRing::wake(std::atomic<uint32_t>& seq, WorkerSlot* slot) {
    seq.fetch_add(1, std::memory_order_seq_cst);
    futexWakeAll(seq);
    countWaitCall(slot);
}

namespace {
// The waiter's side: announce ourselves, then the heavy fence, then the caller looks again.
uint32_t registerWaiter(std::atomic<uint32_t>& seq, std::atomic<uint32_t>& waiters, WorkerSlot* slot) {
    waiters.fetch_add(1, std::memory_order_seq_cst);
    uint32_t seen = seq.load(std::memory_order_seq_cst);
    if (heavyFence()) countWaitCall(slot);
    return seen;
}
} // namespace

uint64_t ShmRing::publishBatchFor(uint32_t slotSize) {
    uint64_t stride = strideFor(slotSize), batch = 1;
    while (batch < kPublishBatch && (batch * 2) * stride <= kPublishBatchBytes) batch *= 2;
    return batch;
}

uint32_t ShmRing::defaultSlotCount(uint32_t slotSize) {
    // About 4 MiB of slots, between 8 and 1024 of them.
    uint32_t n = 1024;
    while (n > 8 && uint64_t{n} * slotSize > (4u << 20)) n /= 2;
    return n;
}

ShmRing ShmRing::create(const std::string& name, uint32_t slotSize, uint32_t slotCount, bool singleProducerConsumer) {
    if (slotCount == 0 || (slotCount & (slotCount - 1)) != 0) throw ConfigError("ring slot count must be a power of two");
    ShmRing r;
    uint64_t stride = strideFor(slotSize);
    r.seg_ = ShmSegment::create(name, kHeaderBytes + stride * slotCount);
    auto* h = new (r.seg_.data()) RingHeader{};
    h->magic = kRingMagic;
    h->version = kVersion;
    h->totalSize = r.seg_.size();
    h->slotCount = slotCount;
    h->slotSize = slotSize;
    h->slotStride = stride;
    h->singleProducerConsumer = singleProducerConsumer ? 1 : 0;
    h->locks.init();
    r.setGeometry(slotSize, slotCount, stride, singleProducerConsumer);
    for (uint32_t i = 0; i < slotCount; ++i) {
        auto* s = new (static_cast<char*>(r.seg_.data()) + kHeaderBytes + stride * i + controlOffset(slotSize)) RingSlot{};
        s->seq.store(i, std::memory_order_relaxed);
    }
    return r;
}

void ShmRing::validate(const ShmSegment& seg) {
    if (seg.size() < kHeaderBytes) throw CorruptSegment("ring segment is too small");
    const auto* h = static_cast<const RingHeader*>(seg.data());
    if (h->magic != kRingMagic || h->version != kVersion) throw CorruptSegment("ring segment has a bad magic/version");
    if (h->slotCount == 0 || (h->slotCount & (h->slotCount - 1)) != 0)
        throw CorruptSegment("ring header has a bad slot count " + std::to_string(h->slotCount));
    if (h->slotSize == 0 || h->slotSize > kMaxMessageSize + 64 || h->slotStride != strideFor(h->slotSize))
        throw CorruptSegment("ring header has a bad slot size");
    if (h->singleProducerConsumer > 1) throw CorruptSegment("ring header has a bad mode word");
    if (h->totalSize != seg.size() || kHeaderBytes + h->slotStride * h->slotCount != seg.size())
        throw CorruptSegment("ring header size does not match the segment");
}

ShmRing ShmRing::attach(const std::string& name) {
    ShmRing r;
    r.seg_ = ShmSegment::open(name);
    validate(r.seg_);
    // Copy the validated geometry: later corruption of the header cannot move us out of bounds.
    r.setGeometry(r.header().slotSize, r.header().slotCount, r.header().slotStride, r.header().singleProducerConsumer == 1);
    return r;
}

void ShmRing::setProcesses(int processes) {
    long cpus = ::sysconf(_SC_NPROCESSORS_ONLN);
    bool oversubscribed = cpus > 0 && processes > cpus;
    spinsBeforeYield_ = oversubscribed ? kSpinsBeforeYield : kSpinsBeforeSleep;
    spinsBeforeSleep_ = oversubscribed ? kSpinsBeforeYield + kYieldsBeforeSleep : kSpinsBeforeSleep;
}

bool ShmRing::waitBriefly(int& spins, WorkerSlot* slot, const ControlBlock& control) const {
    switch (control.wait()) {
    case WaitPolicy::Sleep: return false; // to the futex at once
    case WaitPolicy::Spin:
        // On the CPU until there is room or data, whatever it costs; a pause or stop still gets
        // through (the sleeping path below handles both).
        if ((spins & 1023) == 1023) {
            spins = 0;
            if (control.runCommand() != RunCommand::Run) return false;
        }
        cpuRelax();
        return true;
    case WaitPolicy::Adaptive: break;
    }
    if (spins >= spinsBeforeSleep_) return false;
    if (spins < spinsBeforeYield_) {
        cpuRelax();
    } else {
        sched_yield();
        countWaitCall(slot);
    }
    return true;
}

bool ShmRing::handOverInFlight() const {
    if (spsc_) return false; // each side owns its index: nothing is claimed
    const RingHeader& h = header();
    uint64_t head = h.head.load(std::memory_order_relaxed), tail = h.tail.load(std::memory_order_relaxed);
    // A producer claimed the readers' next position (head is past it) but has not published it.
    if (head - tail - 1 < slotCount_ && slotAt(tail).seq.load(std::memory_order_relaxed) == tail) return true;
    // A consumer claimed the position whose slot the writers need next but has not released it.
    uint64_t prev = head - slotCount_;
    return tail - prev - 1 < slotCount_ && slotAt(prev).seq.load(std::memory_order_relaxed) == prev + 1;
}

bool ShmRing::yieldWhileInFlight(uint64_t& since, WorkerSlot* slot, const ControlBlock& control) const {
    if (control.wait() != WaitPolicy::Adaptive || !handOverInFlight()) return false;
    uint64_t now = monotonicNs();
    if (since == 0) since = now;
    if (now - since >= kInFlightYieldNs) return false; // (a process that died mid-hand-over)
    sched_yield();
    countWaitCall(slot);
    return true;
}

void ShmRing::setGeometry(uint32_t slotSize, uint32_t slotCount, uint64_t stride, bool spsc) {
    slotSize_ = slotSize;
    slotCount_ = slotCount;
    stride_ = stride;
    spsc_ = spsc;
    base_ = static_cast<std::byte*>(seg_.data()) + kHeaderBytes;
    controlOffset_ = controlOffset(slotSize);
    head_ = header().head.load(std::memory_order_relaxed);
    tail_ = header().tail.load(std::memory_order_relaxed);
    publishedHead_ = head_;
    uint64_t batch = publishBatchFor(slotSize);
    publishMask_ = batch - 1;
    publishPhase_ = batch / 2;
    cachedTail_ = tail_;
    cachedHead_ = head_;
}

FrameSource FrameSource::copyOf(const std::span<const std::byte>& frame) {
    return {frame.size(),
            [](const void* ctx, std::byte* dst) {
                const auto* f = static_cast<const std::span<const std::byte>*>(ctx);
                std::memcpy(dst, f->data(), f->size());
            },
            &frame};
}

// One writer, one reader: only the producer stores head and only the consumer stores tail, each
// after its copy (release), so the other side's acquire load of that index is the hand-over.
// The slots' sequence words are not used on such a ring (it never changes mode).
// Each side re-reads the other's index only when its cached copy says full or empty, so in a
// steady stream the index lines move between the CPUs once per batch, not once per message.
// Indices read from shared memory are distrusted: a distance beyond the ring counts as full/empty.
ShmRing::Status ShmRing::spscPush(const FrameSource& msg) {
    bool published = false;
    return tryPushInline(msg.size, [&](std::byte* dst) { msg.write(msg.ctx, dst); }, false, published) ? Status::Ok
                                                                                                     : Status::Full;
}

ShmRing::Status ShmRing::spscPop(std::span<std::byte> out, std::size_t& length) {
    return tryPopInline(out, length) ? Status::Ok : Status::Empty;
}

ShmRing::Status ShmRing::tryPush(const FrameSource& msg, SyncMode mode, SwitchableLock& lock, bool& ownerDied) {
    if (msg.size > slotSize_) throw ConfigError("message larger than a ring slot");
    RingHeader& h = header();
    if (!lock.acquire(mode, ownerDied)) return Status::Stopped;
    if (spsc_) {
        Status st = spscPush(msg);
        lock.release();
        return st;
    }
    auto slot = [this](uint64_t pos) -> RingSlot& { return slotAt(pos); };
    Status st = claimTurn(h.head, 0, slotCount_, mode, Status::Full, slot, [&](RingSlot& s, uint64_t pos) {
        msg.write(msg.ctx, payloadAt(pos));
        s.length = static_cast<uint32_t>(msg.size);
        publish(s, pos, pos + 1, mode);
    });
    lock.release();
    if (st == Status::Corrupt) throw CorruptSegment("the ring's indices were overwritten: they point nowhere near its slots");
    return st;
}

ShmRing::Status ShmRing::tryPop(std::span<std::byte> out, std::size_t& length, SyncMode mode, SwitchableLock& lock,
                                bool& ownerDied) {
    RingHeader& h = header();
    if (!lock.acquire(mode, ownerDied)) return Status::Stopped;
    if (spsc_) {
        Status st = spscPop(out, length);
        lock.release();
        return st;
    }
    auto slot = [this](uint64_t pos) -> RingSlot& { return slotAt(pos); };
    Status st = claimTurn(h.tail, 1, slotCount_, mode, Status::Empty, slot, [&](RingSlot& s, uint64_t pos) {
        // The length comes from shared memory: clamp it, never trust it.
        uint32_t len = s.length;
        if (len > slotSize_ || len > out.size()) len = static_cast<uint32_t>(std::min<std::size_t>(slotSize_, out.size()));
        std::memcpy(out.data(), payloadAt(pos), len);
        length = len;
        publish(s, pos + 1, pos + slotCount_, mode);
    });
    lock.release();
    if (st == Status::Corrupt) throw CorruptSegment("the ring's indices were overwritten: they point nowhere near its slots");
    return st;
}

namespace {
// What a waiting side of the ring publishes while it waits: spinning on its CPU, or asleep in
// the kernel (futex); running again when it returns. Only on this slow path: a hand-over that
// needs no wait writes no state.
class WaitShown {
public:
    explicit WaitShown(WorkerSlot* s) : s_(s) {}
    WaitShown(const WaitShown&) = delete;
    WaitShown& operator=(const WaitShown&) = delete;
    ~WaitShown() {
        if (shown_) set(WorkerState::Running);
    }
    void show(WorkerState st) {
        shown_ = true;
        set(st); // (every time: a lock taken in between may have written its own state)
    }

private:
    void set(WorkerState st) {
        publishState(s_, st);
    }
    WorkerSlot* s_;
    bool shown_ = false;
};
} // namespace

ShmRing::Status ShmRing::push(const FrameSource& msg, const ControlBlock& control, WorkerSlot* slot, bool yieldToPause) {
    RingHeader& h = header();
    SwitchableLock lock(h.locks, control, slot);
    WaitShown shown(slot);
    uint64_t inFlightSince = 0; // (once per call: a wedged ring is slept on after that)
    for (int spins = 0;; ++spins) {
        bool died = false;
        Status st = tryPush(msg, control.effectiveSync(), lock, died);
        if (died) const_cast<ControlBlock&>(control).mutexRecoveries.fetch_add(1);
        if (st == Status::Ok) {
            wakeIfWaiting(h.dataSeq, h.dataWaiters, slot);
            return st;
        }
        if (st == Status::Stopped || control.runCommand() == RunCommand::Stop) return Status::Stopped;
        if (yieldToPause && control.runCommand() == RunCommand::Pause) return Status::Paused;
        if (waitBriefly(spins, slot, control) || yieldWhileInFlight(inFlightSince, slot, control)) {
            shown.show(WorkerState::Spinning);
            continue;
        }
        uint32_t seen = registerWaiter(h.spaceSeq, h.spaceWaiters, slot);
        st = tryPush(msg, control.effectiveSync(), lock, died);
        if (st != Status::Ok) {
            shown.show(WorkerState::InKernel);
            countWaitCall(slot);
            futexWait(h.spaceSeq, seen, kSleepSliceNs);
        }
        h.spaceWaiters.fetch_sub(1, std::memory_order_seq_cst);
        if (st == Status::Ok) {
            wakeIfWaiting(h.dataSeq, h.dataWaiters, slot);
            return st;
        }
        spins = 0;
    }
}

ShmRing::Status ShmRing::pop(std::span<std::byte> out, std::size_t& length, const ControlBlock& control,
                             WorkerSlot* slot, int64_t idleTimeoutNs) {
    RingHeader& h = header();
    SwitchableLock lock(h.locks, control, slot);
    WaitShown shown(slot);
    int64_t slept = 0;
    uint64_t inFlightSince = 0;
    for (int spins = 0;; ++spins) {
        bool died = false;
        Status st = tryPop(out, length, control.effectiveSync(), lock, died);
        if (died) const_cast<ControlBlock&>(control).mutexRecoveries.fetch_add(1);
        if (st == Status::Ok) {
            wakeIfWaiting(h.spaceSeq, h.spaceWaiters, slot);
            return st;
        }
        if (st == Status::Stopped) return st;
        if (waitBriefly(spins, slot, control) || yieldWhileInFlight(inFlightSince, slot, control)) {
            shown.show(WorkerState::Spinning);
            continue;
        }
        if (slept >= idleTimeoutNs) return Status::Empty;
        uint32_t seen = registerWaiter(h.dataSeq, h.dataWaiters, slot);
        st = tryPop(out, length, control.effectiveSync(), lock, died);
        if (st != Status::Ok) {
            shown.show(WorkerState::InKernel);
            // One sleep for the rest of the idle time: a producer's push wakes us at once, and
            // the caller checks the control block when we return.
            int64_t slice = std::max(idleTimeoutNs - slept, kSleepSliceNs);
            countWaitCall(slot);
            futexWait(h.dataSeq, seen, slice);
            slept += slice;
        }
        h.dataWaiters.fetch_sub(1, std::memory_order_seq_cst);
        if (st == Status::Ok) {
            wakeIfWaiting(h.spaceSeq, h.spaceWaiters, slot);
            return st;
        }
        spins = 0;
    }
}

} // namespace ipclab
