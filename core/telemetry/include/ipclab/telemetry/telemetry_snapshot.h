#pragma once
// A consistent-enough copy of every counter at one instant, and what the UI and CLI derive from
// two such copies (rates over the interval between them). Pure data: testable without processes.
#include "ipclab/telemetry/counter.h"
#include "ipclab/config/experiment_config.h"
#include "ipclab/telemetry/telemetry.h"

#include <array>
#include <cstdint>
#include <vector>

namespace ipclab {

struct WorkerCounters {
    int index = 0;
    int32_t pid = 0;
    WorkerRole role = WorkerRole::Producer;
    WorkerState state = WorkerState::Starting;
    SyncMode activeSync = SyncMode::None;
    uint32_t ackGeneration = 0;
    uint64_t ackNs = 0;
    uint64_t messages = 0, bytes = 0, syscalls = 0, waitCalls = 0;
    uint64_t lockAcquisitions = 0, contended = 0, waitNs = 0, holdNs = 0, updates = 0;
    uint64_t lost = 0, duplicated = 0, outOfOrder = 0, corrupted = 0, inconsistent = 0;
    uint64_t latencyCount = 0, latencySumNs = 0, finalMessages = 0;
    uint64_t callSamples = 0, callNs = 0;
    std::array<uint64_t, kHistBuckets> hist{};
};

struct Snapshot {
    uint64_t timeNs = 0;
    uint32_t generation = 0;
    uint64_t mutexRecoveries = 0;
    uint64_t raceCounter = 0; // the shared counter's actual value (race only)
    std::vector<WorkerCounters> workers;

    int32_t lockHolder = 0;   // pid in the lock's holder word (0: nobody, or no lock in use)

    static Snapshot take(const TelemetryBlock& t, uint64_t raceCounter = 0);
    // Makes the lock's holder word the one source of truth: a worker whose own state says
    // "holding" while the word names someone else is shown running (its state lags).
    void applyLockHolder(int32_t holderPid);

    // Sums over workers of one role (or all, with role == nullopt-like "any").
    uint64_t sum(uint64_t WorkerCounters::*field, int roleMask = ~0) const;
    // Race: increments the workers made minus the counter's value (never negative).
    uint64_t lostUpdates() const;
    std::array<uint64_t, kHistBuckets> histogram(int roleMask = ~0) const;
};

inline int roleBit(WorkerRole r) { return 1 << static_cast<int>(r); }

// Rates between two snapshots.
struct Rates {
    double seconds = 0;
    double msgsPerS = 0;
    double mbPerS = 0;
    double updatesPerS = 0;
    // System calls per delivered message (per update in a race, per round trip in ping-pong), the
    // way the course counts them: the send side and the receive side together, so a pipe
    // costs 2 (one write down, one read up) and the shared-memory ring 0.
    double syscallsPerMsg = 0;   // all calls the transport and locks made, both sides
    double waitCallsPerMsg = 0;  // of those, calls that only waited or woke (no data moved)
    double sendCallsPerMsg = 0;  // data-moving calls made by producers
    double receiveCallsPerMsg = 0; // data-moving calls made by consumers
    double dataCallsPerMsg() const { return syscallsPerMsg - waitCallsPerMsg; }
    double contendedPct = 0; // contended / acquisitions in the interval
    double meanWaitUs = 0;   // per contended acquisition
};
Rates ratesBetween(const Snapshot& a, const Snapshot& b, int countedRoles);

// Percentile (0..100) from a log-linear histogram; returns the bucket's lower bound in ns.
uint64_t percentileNs(const std::array<uint64_t, kHistBuckets>& hist, double pct);

} // namespace ipclab
