#pragma once
// A ring of fixed-size slots in one shared-memory segment: the shared-memory model's data path.
// After setup, a message moves with plain memory copies; only idle waiters enter the kernel.
//
// Every slot carries a sequence number (Vyukov's bounded MPMC queue). How a producer or consumer
// claims its position depends on the sync mode, chosen per operation so it can change live:
//   atomic    compare-and-swap on the shared index: lock-free, correct for many producers/consumers;
//   mutex/spinlock/semaphore: the whole operation, copy included, under one shared lock;
//   none      a plain load and store of the index: two producers can claim the same slot, which
//             the consumers' checksums and sequence checks then catch (the lesson, for real).
// A ring created for exactly one writer and one reader (singleProducerConsumer) skips all that:
// each side owns its index and there is nothing to claim; a lock, if one is chosen, still wraps
// each operation, so the price of a lock stays visible. A writer at full speed publishes its
// index once per batch of small messages (see tryPushInline), and always before it waits; a
// reader at full speed takes a run of small frames at once and hands them back together (takeRun).
#include "ipclab/base/aligned_buffer.h"
#include "ipclab/sync/asymmetric_fence.h"
#include "ipclab/config/experiment_config.h"
#include "ipclab/base/shm_segment.h"
#include "ipclab/sync/switchable_lock.h"
#include "ipclab/transport/message.h"

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

namespace ipclab {

struct WorkerSlot;
struct ControlBlock;

inline constexpr uint32_t kRingMagic = 0x49505252; // "IPRR"

struct RingHeader {
    uint32_t magic;
    uint32_t version;
    uint64_t totalSize;
    uint32_t slotCount; // power of two
    uint32_t slotSize;  // bytes of payload room per slot
    uint64_t slotStride;
    uint32_t singleProducerConsumer; // 1: exactly one writer and one reader process (set at creation)
    alignas(64) std::atomic<uint64_t> head; // next position to write
    alignas(64) std::atomic<uint64_t> tail; // next position to read
    alignas(64) std::atomic<uint32_t> dataSeq;  // futex: bumped after each push
    std::atomic<uint32_t> dataWaiters;
    alignas(64) std::atomic<uint32_t> spaceSeq; // futex: bumped after each pop
    std::atomic<uint32_t> spaceWaiters;
    alignas(64) SharedLocks locks;
};

struct RingSlot {
    std::atomic<uint64_t> seq;
    uint32_t length;
    uint32_t pad;
    // payload follows
};

// What a push puts into a slot: `size` bytes written by `write(ctx, slot)`. A ready frame is
// copied in; a message builder writes its frame in place (see MessageBuilder::buildInto).
struct FrameSource {
    std::size_t size;
    void (*write)(const void* ctx, std::byte* dst);
    const void* ctx;
    static FrameSource copyOf(const std::span<const std::byte>& frame);
};

class ShmRing {
public:
    // Paused: the ring is full and the run is paused (push with yieldToPause only).
    enum class Status { Ok, Full, Empty, Stopped, Corrupt, Paused };

    // Creates the segment with room for `slotCount` messages of up to `slotSize` bytes.
    // With `singleProducerConsumer` the ring promises one writer and one reader for its life:
    // each side then owns its index and publishes it after the copy (a Lamport ring, each side
    // caching the other's index), and nobody claims a position with a compare-and-swap.
    static ShmRing create(const std::string& name, uint32_t slotSize, uint32_t slotCount,
                          bool singleProducerConsumer = false);
    // Opens and validates; a corrupted header throws CorruptSegment instead of being trusted.
    static ShmRing attach(const std::string& name);
    static uint32_t defaultSlotCount(uint32_t slotSize);

    // How many processes use this ring. With more processes than CPUs, the one a waiter waits for
    // is often not running: spinning then only burns its CPU, so waiters yield it instead.
    void setProcesses(int processes);
    // Blocking push/pop: spin briefly, then sleep on a futex. Return Stopped if the control
    // block says stop while waiting (pop returns Empty after `idleTimeoutNs` with no data).
    // With yieldToPause, a writer that finds the ring full while the run is paused returns
    // Paused instead of waiting: its reader is paused too, so no room will come until the run
    // resumes, and the writer should pause like everyone else (and acknowledge it).
    Status push(const FrameSource& msg, const ControlBlock& control, WorkerSlot* slot, bool yieldToPause = false);
    Status push(std::span<const std::byte> msg, const ControlBlock& control, WorkerSlot* slot) {
        return push(FrameSource::copyOf(msg), control, slot);
    }
    Status pop(std::span<std::byte> out, std::size_t& length, const ControlBlock& control, WorkerSlot* slot,
               int64_t idleTimeoutNs);

    Status tryPush(const FrameSource& msg, SyncMode mode, SwitchableLock& lock, bool& ownerDied);
    Status tryPop(std::span<std::byte> out, std::size_t& length, SyncMode mode, SwitchableLock& lock,
                  bool& ownerDied);

    // One writer, one reader, lock-free: the whole hand-over inline, for the workers' hot loop.
    // `write(dst)` fills the slot with `size` bytes. False when the ring is full (then use push()).
    // With `moreFollow` (the writer sends its next message at once) the write index is published
    // once per batch of small messages instead of after each: the reader then fetches the
    // index's cache line once per batch, not once per message, which at 64 bytes is most of the
    // cost of a hand-over. A batch is at most kPublishBatch messages and kPublishBatchBytes of
    // slots (publishBatchFor()): 16 messages up to 4 KiB, one of 64 KiB (a batch of those reached
    // the reader after it had left the writer's cache, measured at 0.6x the throughput of
    // publishing each). The writer must call flush() before it stops
    // sending for any reason. `published` says whether the reader can see the message now (then
    // wake it if it sleeps).
    bool singleProducerConsumer() const { return spsc_; }
    static constexpr uint64_t kPublishBatch = 16;
    static constexpr uint64_t kPublishBatchBytes = 128 * 1024;
    static uint64_t publishBatchFor(uint32_t slotSize);
    uint64_t publishBatch() const { return publishMask_ + 1; } // this ring's (publishBatchFor its slots)
    template <typename Write>
    bool tryPushInline(std::size_t size, Write&& write, bool moreFollow, bool& published) {
        published = false;
        if (size > slotSize_) return false;
        uint64_t pos = head_;
        if (pos - cachedTail_ >= slotCount_) {
            cachedTail_ = header().tail.load(std::memory_order_acquire);
            if (pos - cachedTail_ >= slotCount_) {
                published = flush(); // the reader must see everything before we wait for room
                return false;
            }
        }
        std::byte* p = payloadAt(pos);
        write(p);
        reinterpret_cast<RingSlot*>(p + controlOffset_)->length = static_cast<uint32_t>(size);
        head_ = pos + 1;
        // Batches end half-way between two latency stamps (message seq % 16 == 0, see message.h),
        // so a stamped message waits for as many others as the median message does.
        if (!moreFollow || (head_ & publishMask_) == publishPhase_) published = flush();
        return true;
    }
    // Up to `n` messages at once, at full speed: the run of free slots to fill (as many as there
    // is room for; none when the ring is full, then use push()), each slot's length word with
    // it; then commitBatch() publishes them together. The frames are written by one loop (see
    // MessageBuilder::buildRun) whose state stays in registers: in a loop that also counts,
    // checks and reads the clock between messages, those values lived on the stack, and each of
    // their stores waited in the store buffer behind the slot's stores.
    frame_write::SlotRun claimBatch(std::size_t size, uint64_t n) {
        uint64_t pos = head_;
        auto room = [&] {
            uint64_t used = pos - cachedTail_; // (a wild index from shared memory reads as full)
            return used >= slotCount_ ? uint64_t{0} : slotCount_ - used;
        };
        if (size > slotSize_) return {base_, stride_, slotCount_ - 1, pos, 0, 0};
        if (room() < n) cachedTail_ = header().tail.load(std::memory_order_acquire);
        return {base_, stride_, slotCount_ - 1, pos, std::min(n, room()), controlOffset_ + offsetof(RingSlot, length)};
    }
    // The `k` slots of the last claimBatch are filled: the reader may have them. True if it was
    // told (then wake it if it sleeps). Also after a short run: the writer will wait for room
    // next, and the reader must see everything before that.
    bool commitBatch(uint64_t k) {
        head_ += k;
        return flush();
    }
    // Publishes what the writer has put into slots but not yet shown the reader. True if it did.
    bool flush() {
        if (head_ == publishedHead_) return false;
        publishedHead_ = head_;
        header().head.store(head_, std::memory_order_release);
        return true;
    }
    // Copies the next frame into `out`; false when the ring is empty (then use pop()).
    bool tryPopInline(std::span<std::byte> out, std::size_t& length) {
        uint64_t pos = tail_;
        if (cachedHead_ - pos - 1 >= slotCount_) { // nothing cached ahead of pos (or a wild index)
            cachedHead_ = header().head.load(std::memory_order_acquire);
            if (cachedHead_ - pos - 1 >= slotCount_) return false;
        }
        takeSlot(pos, out, length);
        return true;
    }
    // The reader's side of a batch: up to `n` frames at once, copied out of consecutive slots
    // into `out` one after another (`each` bytes apart, each frame's length into `lengths`),
    // then the read index published once for all of them. Returns how many (0 when the ring is
    // empty: then use pop()). Why: a reader that copies one frame, checks it and only then
    // loads the next slot waits for each slot's lines to come over from the writer's CPU in
    // turn; copying a run first has all of their loads in flight together, as a bare loop's
    // reader does (measured at 64 B: the reader's checks between two slots halved the throughput).
    std::size_t takeRun(std::byte* out, std::size_t each, std::size_t n, std::size_t* lengths) {
        uint64_t pos = tail_;
        uint64_t avail = cachedHead_ - pos;
        if (avail < n || avail > slotCount_) {
            cachedHead_ = header().head.load(std::memory_order_acquire);
            avail = cachedHead_ - pos;
            if (avail > slotCount_) avail = 0; // a wild index from shared memory reads as empty
        }
        std::size_t k = static_cast<std::size_t>(std::min<uint64_t>(n, avail));
        if (k == 0) return 0;
        std::size_t room = std::min<std::size_t>(slotSize_, each);
        for (std::size_t i = 0; i < k; ++i) copyFrame(out + i * each, payloadAt(pos + i), room);
        for (std::size_t i = 0; i < k; ++i) lengths[i] = std::min<std::size_t>(slotAt(pos + i).length, room); // clamped
        tail_ = pos + k;
        header().tail.store(tail_, std::memory_order_release);
        // The next run's lines, where already published, start coming over while this one is checked.
        uint64_t next = std::min<uint64_t>(k, cachedHead_ - tail_);
        for (uint64_t i = 0; i < next; ++i) {
            const std::byte* q = payloadAt(tail_ + i);
            for (uint64_t o = 0; o < stride_; o += 64) __builtin_prefetch(q + o, 0, 3);
        }
        return k;
    }
    // After an inline push or pop: wake a peer that went to sleep (a load, no call, when none is).
    void wakeReader(WorkerSlot* slot) { wakeIfWaiting(header().dataSeq, header().dataWaiters, slot); }
    void wakeWriter(WorkerSlot* slot) { wakeIfWaiting(header().spaceSeq, header().spaceWaiters, slot); }

    // A process between claiming a position and handing its slot on, at either end of the ring:
    // a producer at the readers' next position, or a consumer at the writers'. Everyone waits
    // for that one process, and it finishes the moment it runs again: it was preempted (by
    // the window's frame, another worker), it is not idle. (Never on a one-writer ring.)
    bool handOverInFlight() const;

    RingHeader& header() const { return *static_cast<RingHeader*>(seg_.data()); }
    const std::string& name() const { return seg_.name(); }
    uint32_t slotSize() const { return slotSize_; }
    uint32_t slotCount() const { return slotCount_; }

private:
    static void validate(const ShmSegment& seg);
    RingSlot& slotAt(uint64_t pos) const { return *reinterpret_cast<RingSlot*>(payloadAt(pos) + controlOffset_); }
    std::byte* payloadAt(uint64_t pos) const { return base_ + stride_ * (pos & (slotCount_ - 1)); }
    void takeSlot(uint64_t pos, std::span<std::byte> out, std::size_t& length) {
        // Copy the whole frame first, then look at the length: reading the length first would make
        // the copy wait for that line before it even starts fetching the others.
        std::size_t room = std::min<std::size_t>(slotSize_, out.size());
        copyFrame(out.data(), payloadAt(pos), room);
        uint32_t len = slotAt(pos).length; // from shared memory: clamped, never trusted
        length = std::min<std::size_t>(len, room);
        // No write to the slot: the reader only reads the data lines (a write would pull each line
        // back from the producer's cache once more per message); its index alone hands the slot back.
        tail_ = pos + 1;
        header().tail.store(pos + 1, std::memory_order_release);
    }
    void wakeIfWaiting(std::atomic<uint32_t>& seq, std::atomic<uint32_t>& waiters, WorkerSlot* slot) {
        lightFence(asymmetric_);
        if (waiters.load(std::memory_order_relaxed) != 0) wake(seq, slot);
    }
    static void wake(std::atomic<uint32_t>& seq, WorkerSlot* slot);
    void setGeometry(uint32_t slotSize, uint32_t slotCount, uint64_t stride, bool spsc);
    // Between two attempts, as the control block's waiting policy says: spin (the count is kept
    // small), spin then yield when the CPUs are oversubscribed (adaptive), or not at all (sleep).
    // False: time to sleep on the futex.
    bool waitBriefly(int& spins, WorkerSlot* slot, const ControlBlock& control) const;
    static constexpr int kSpinsBeforeSleep = 2000;
    // After waitBriefly's yields (adaptive waiting): while a hand-over is in flight, yield on
    // instead of sleeping, for up to kInFlightYieldNs of this wait. A waiter that sleeps through
    // a preemption of a millisecond costs a futex wake-up and its fences when the ring moves
    // again, and every other waiter sleeps too: measured, a 1 ms burst of another process 30
    // times a second cost 4 producers + 4 consumers 11 % of their throughput, and 0 % without
    // the sleeps. An idle ring (nothing claimed) still puts its waiters to sleep at once.
    bool yieldWhileInFlight(uint64_t& since, WorkerSlot* slot, const ControlBlock& control) const;
    static constexpr uint64_t kInFlightYieldNs = 5'000'000;
    ShmSegment seg_;
    uint32_t slotSize_ = 0;
    uint32_t slotCount_ = 0;
    uint64_t stride_ = 0;
    // Spin, then (only when setProcesses says the CPUs are oversubscribed) yield, then sleep.
    int spinsBeforeYield_ = kSpinsBeforeSleep;
    int spinsBeforeSleep_ = kSpinsBeforeSleep;
    bool asymmetric_ = asymmetricFenceAvailable(); // this process may use the light fence
    bool spsc_ = false;
    Status spscPush(const FrameSource& msg);
    Status spscPop(std::span<std::byte> out, std::size_t& length);
    std::byte* base_ = nullptr; // first slot
    uint64_t controlOffset_ = 0;
    // One writer, one reader: each side keeps its own index here (it is the only one to store it,
    // so it never reads it back from shared memory) and a cached copy of the other side's.
    uint64_t head_ = 0, tail_ = 0;
    uint64_t publishedHead_ = 0; // producer: the index the reader can see (flush() moves it to head_)
    uint64_t publishMask_ = 0;   // batch size - 1 (a power of two)
    uint64_t publishPhase_ = 0;  // where in a batch the index is published
    uint64_t cachedTail_ = 0; // producer: the consumer's index as last read (refreshed when the ring looks full)
    uint64_t cachedHead_ = 0; // consumer: the producer's index as last read (refreshed when it looks empty)
};

} // namespace ipclab
