#pragma once
// The telemetry block: a shared-memory segment the workers write and the controller samples.
// Layout: header | control block | worker slots (one cache-line-aligned slot each) | event ring.
// Nothing here is per-message signalling: the UI reads it at its own fixed rate.
#include "ipclab/telemetry/counter.h"
#include "ipclab/config/experiment_config.h"
#include "ipclab/base/shm_segment.h"

#include <array>
#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ipclab {

enum class WorkerRole : uint32_t { Producer, Consumer, RaceWorker, Pinger, Ponger, Isolation };
// WaitingLock: waiting for a lock that sleeps (mutex, semaphore); Spinning: burning its CPU
// waiting (a spin lock, or a ring waiter under the spin / adaptive policy); InKernel: blocked in
// a system call (a pipe's read, a futex sleep on the ring). UnlockedSection: inside the critical
// section with no lock (sync off), where another worker may be too. (Values are stored: append.)
enum class WorkerState : uint32_t { Starting, Running, WaitingLock, HoldingLock, InKernel, Paused, Exited, Spinning, UnlockedSection };
inline constexpr uint32_t kLastWorkerState = static_cast<uint32_t>(WorkerState::UnlockedSection);
enum class RunCommand : uint32_t { Run, Pause, Stop };

std::string_view toString(WorkerRole r);
std::string_view toString(WorkerState s);

struct ControlBlock {
    std::atomic<uint32_t> command{0};    // RunCommand
    std::atomic<uint32_t> syncEnabled{1};
    std::atomic<uint32_t> primitive{1};  // SyncMode used when sync is enabled
    std::atomic<uint32_t> generation{0}; // bumped on every change; also the futex word paused workers sleep on
    std::atomic<uint64_t> rateMilli{0};  // messages/s per producer × 1000; 0 = full speed
    std::atomic<uint64_t> mutexRecoveries{0};
    std::atomic<uint64_t> startNs{0};
    std::atomic<uint32_t> waitPolicy{1}; // WaitPolicy: how ring waiters wait (live)

    SyncMode effectiveSync() const noexcept {
        uint32_t p = primitive.load(std::memory_order_relaxed);
        if (!syncEnabled.load(std::memory_order_relaxed) || p > static_cast<uint32_t>(SyncMode::Atomic))
            return SyncMode::None;
        return static_cast<SyncMode>(p);
    }
    WaitPolicy wait() const noexcept {
        uint32_t w = waitPolicy.load(std::memory_order_relaxed);
        return w <= 2 ? static_cast<WaitPolicy>(w) : WaitPolicy::Adaptive; // from shared memory: never trusted
    }
    RunCommand runCommand() const noexcept {
        uint32_t c = command.load(std::memory_order_acquire);
        return c <= 2 ? static_cast<RunCommand>(c) : RunCommand::Stop; // garbage means stop, never UB
    }
};

struct alignas(64) WorkerSlot {
    // Identity and state: written rarely.
    std::atomic<int32_t> pid{0};
    std::atomic<uint32_t> role{0};
    std::atomic<uint32_t> index{0};
    std::atomic<uint32_t> state{0};
    std::atomic<uint32_t> ackGeneration{0}; // last control generation this worker acted on
    std::atomic<uint32_t> activeSync{0};    // SyncMode the worker is using now
    std::atomic<uint64_t> ackNs{0};         // when it acknowledged (CLOCK_MONOTONIC)
    std::atomic<uint32_t> logStates{0};     // slow motion: every state change also goes to stateLog

    // Hot counters.
    alignas(64) Counter messages;
    Counter bytes;
    Counter syscalls;
    Counter waitCalls; // of the syscalls, those that only waited or woke a waiter (no data moved)
    Counter lockAcquisitions;
    Counter contended; // a try-lock failed first
    Counter waitNs;
    Counter holdNs;
    Counter updates;
    alignas(64) Counter lost;
    Counter duplicated;
    Counter outOfOrder;
    Counter corrupted;
    Counter inconsistent;
    Counter latencyCount;
    Counter latencySumNs;
    Counter finalMessages; // written once at exit, even with telemetry off (for the overhead benchmark)
    // Where one message's time goes: the send or receive call clocked on 1 message in
    // kCallSampleEvery, or on every one in slow motion (a clock read on each side), summed.
    Counter callSamples;
    Counter callNs;
    alignas(64) std::array<Counter, kHistBuckets> latencyHist;

    // Slow motion's exact transitions: a ring of (time, state), one writer (the worker), read by
    // the sampler a few times a second. Written only while logStates is set.
    struct StateLogEntry {
        std::atomic<uint64_t> stamp{0}; // index+1 once complete (re-checked by readers)
        std::atomic<uint64_t> timeNs{0};
        std::atomic<uint32_t> state{0};
    };
    static constexpr uint32_t kStateLogSize = 64;
    alignas(64) std::atomic<uint64_t> stateLogHead{0};
    std::array<StateLogEntry, kStateLogSize> stateLog;
};

// Every state a worker shows goes through here: one relaxed store at full speed; in slow motion
// the change is also logged with its time, so the timeline draws it exactly.
void logStateChange(WorkerSlot& s, WorkerState st);
inline void publishState(WorkerSlot* s, WorkerState st) {
    if (!s) return;
    s->state.store(static_cast<uint32_t>(st), std::memory_order_relaxed);
    if (s->logStates.load(std::memory_order_relaxed)) [[unlikely]]
        logStateChange(*s, st);
}

struct StateChange {
    uint64_t timeNs = 0;
    WorkerState state = WorkerState::Starting;
};
// The changes logged since index `from` (advanced past what was read), oldest first.
// `complete` is false when the ring overwrote some that were not read yet.
std::vector<StateChange> stateChangesSince(const WorkerSlot& s, uint64_t& from, bool& complete);

inline constexpr uint64_t kCallSampleEvery = 1024; // (every call in slow motion)
// Which calls are clocked at full speed: one in kCallSampleEvery (two clock reads a sample cost
// 0.05 ns a message then), at a position within 16 that moves on by one each time, so the
// samples meet fully-checked messages (1 in 16) and batch ends as often as every message does:
// a fixed position would always time the same kind of message. Rate-limited runs clock every call.
inline bool callSampleDue(uint64_t n) { return n % kCallSampleEvery == (n / kCallSampleEvery) % 16; }
// The first call from number `n` on that is clocked (n itself when it is): how many go unclocked
// before it, in one step (a loop over a run of 64 asked callSampleDue 64 times).
inline uint64_t nextCallSample(uint64_t n) {
    const uint64_t b = n / kCallSampleEvery, due = b * kCallSampleEvery + b % 16;
    return due >= n ? due : (b + 1) * kCallSampleEvery + (b + 1) % 16;
}

// A system call made only to wait, or to wake a waiter: counted as a system call and as a wait.
inline void countWaitCall(WorkerSlot* s) {
    if (s) {
        s->syscalls.add();
        s->waitCalls.add();
    }
}

// RaceRead / RaceWrite: a slow-motion race worker read the shared counter (seq = the value it
// saw) or wrote it back (seq = the value it wrote), so a class sees an update get lost.
enum class EventKind : uint32_t { Sent, Received, Collision, RaceRead, RaceWrite };
inline constexpr uint32_t kEventKinds = 5;
std::string_view toString(EventKind k);

struct MessageEvent {
    std::atomic<uint64_t> stamp{0}; // index+1 once complete; readers re-check it (seqlock)
    std::atomic<uint32_t> worker{0};
    std::atomic<uint32_t> kind{0};
    std::atomic<uint32_t> producer{0};
    std::atomic<uint32_t> transport{0};
    std::atomic<uint64_t> seq{0};
    std::atomic<uint64_t> timeNs{0};
};

struct EventRecord {
    uint64_t index;
    uint32_t worker;
    EventKind kind;
    uint32_t producer;
    TransportKind transport;
    uint64_t seq;
    uint64_t timeNs;
};

inline constexpr uint32_t kTelemetryMagic = 0x49504354; // "IPCT"
inline constexpr uint32_t kTelemetryVersion = 1;
inline constexpr uint32_t kEventCapacity = 1024;

struct TelemetryHeader {
    uint32_t magic;
    uint32_t version;
    uint64_t totalSize;
    uint32_t workerCount;
    uint32_t eventCapacity;
    uint32_t experiment;
    uint32_t transport;
    alignas(64) std::atomic<uint64_t> eventHead;
};

class TelemetryBlock {
public:
    static TelemetryBlock create(const std::string& name, int workerCount);
    // Validates the header against the real mapping size; throws CorruptSegment.
    static TelemetryBlock attach(const std::string& name);
    static std::size_t sizeFor(int workerCount);

    ControlBlock& control() const;
    int workerCount() const { return workerCount_; }
    WorkerSlot& worker(int i) const; // throws std::out_of_range
    const std::string& name() const { return seg_.name(); }
    TelemetryHeader& header() const { return *static_cast<TelemetryHeader*>(seg_.data()); }

    // Multi-writer, rare (sampled) events for the animation.
    void publishEvent(uint32_t worker, EventKind kind, uint32_t producer, uint64_t seq, uint64_t timeNs) const;
    // Events with index >= from, oldest first; skips any being overwritten.
    std::vector<EventRecord> eventsSince(uint64_t from) const;
    uint64_t eventHead() const;

private:
    static void validate(const ShmSegment& seg);
    MessageEvent* eventSlots() const;
    ShmSegment seg_;
    int workerCount_ = 0;
};

} // namespace ipclab
