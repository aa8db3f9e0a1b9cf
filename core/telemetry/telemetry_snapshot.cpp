#include "ipclab/telemetry/telemetry_snapshot.h"

#include "ipclab/base/clock.h"

#include <algorithm>

namespace ipclab {

Snapshot Snapshot::take(const TelemetryBlock& t, uint64_t raceCounter) {
    Snapshot s;
    s.timeNs = monotonicNs();
    const ControlBlock& c = t.control();
    s.generation = c.generation.load(std::memory_order_acquire);
    s.mutexRecoveries = c.mutexRecoveries.load(std::memory_order_relaxed);
    s.raceCounter = raceCounter;
    s.workers.reserve(static_cast<std::size_t>(t.workerCount()));
    for (int i = 0; i < t.workerCount(); ++i) {
        const WorkerSlot& w = t.worker(i);
        WorkerCounters x;
        x.index = i;
        x.pid = w.pid.load(std::memory_order_relaxed);
        // Enumerations from shared memory are range-checked before use.
        uint32_t role = w.role.load(std::memory_order_relaxed), state = w.state.load(std::memory_order_relaxed),
                 sync = w.activeSync.load(std::memory_order_relaxed);
        x.role = role <= 5 ? static_cast<WorkerRole>(role) : WorkerRole::Producer;
        x.state = state <= kLastWorkerState ? static_cast<WorkerState>(state) : WorkerState::Running;
        x.activeSync = sync <= 4 ? static_cast<SyncMode>(sync) : SyncMode::None;
        x.ackGeneration = w.ackGeneration.load(std::memory_order_acquire);
        x.ackNs = w.ackNs.load(std::memory_order_relaxed);
        x.messages = w.messages.get();
        x.bytes = w.bytes.get();
        x.syscalls = w.syscalls.get();
        x.waitCalls = w.waitCalls.get();
        x.lockAcquisitions = w.lockAcquisitions.get();
        x.contended = w.contended.get();
        x.waitNs = w.waitNs.get();
        x.holdNs = w.holdNs.get();
        x.updates = w.updates.get();
        x.lost = w.lost.get();
        x.duplicated = w.duplicated.get();
        x.outOfOrder = w.outOfOrder.get();
        x.corrupted = w.corrupted.get();
        x.inconsistent = w.inconsistent.get();
        x.latencyCount = w.latencyCount.get();
        x.latencySumNs = w.latencySumNs.get();
        x.finalMessages = w.finalMessages.get();
        x.callSamples = w.callSamples.get();
        x.callNs = w.callNs.get();
        for (int b = 0; b < kHistBuckets; ++b) x.hist[static_cast<std::size_t>(b)] = w.latencyHist[static_cast<std::size_t>(b)].get();
        s.workers.push_back(x);
    }
    return s;
}

void Snapshot::applyLockHolder(int32_t holderPid) {
    lockHolder = holderPid;
    for (auto& w : workers)
        if (w.state == WorkerState::HoldingLock && (holderPid <= 0 || w.pid != holderPid)) w.state = WorkerState::Running;
}

uint64_t Snapshot::sum(uint64_t WorkerCounters::*field, int roleMask) const {
    uint64_t t = 0;
    for (const auto& w : workers)
        if (roleMask & roleBit(w.role)) t += w.*field;
    return t;
}

uint64_t Snapshot::lostUpdates() const {
    uint64_t expected = sum(&WorkerCounters::updates, roleBit(WorkerRole::RaceWorker));
    return expected > raceCounter ? expected - raceCounter : 0;
}

std::array<uint64_t, kHistBuckets> Snapshot::histogram(int roleMask) const {
    std::array<uint64_t, kHistBuckets> h{};
    for (const auto& w : workers)
        if (roleMask & roleBit(w.role))
            for (std::size_t b = 0; b < h.size(); ++b) h[b] += w.hist[b];
    return h;
}

Rates ratesBetween(const Snapshot& a, const Snapshot& b, int roles) {
    Rates r;
    if (b.timeNs <= a.timeNs) return r;
    r.seconds = static_cast<double>(b.timeNs - a.timeNs) / 1e9;
    auto d = [&](uint64_t WorkerCounters::*f, int mask) {
        uint64_t x = b.sum(f, mask), y = a.sum(f, mask);
        return x > y ? static_cast<double>(x - y) : 0.0;
    };
    double msgs = d(&WorkerCounters::messages, roles);
    r.msgsPerS = msgs / r.seconds;
    r.mbPerS = d(&WorkerCounters::bytes, roles) / r.seconds / 1e6;
    r.updatesPerS = d(&WorkerCounters::updates, ~0) / r.seconds;
    if (msgs > 0) {
        r.syscallsPerMsg = d(&WorkerCounters::syscalls, ~0) / msgs;
        r.waitCallsPerMsg = d(&WorkerCounters::waitCalls, ~0) / msgs;
        auto dataCalls = [&](WorkerRole role) {
            return std::max(0.0, d(&WorkerCounters::syscalls, roleBit(role)) - d(&WorkerCounters::waitCalls, roleBit(role)));
        };
        r.sendCallsPerMsg = dataCalls(WorkerRole::Producer) / msgs;
        r.receiveCallsPerMsg = dataCalls(WorkerRole::Consumer) / msgs;
    }
    double acq = d(&WorkerCounters::lockAcquisitions, ~0), cont = d(&WorkerCounters::contended, ~0);
    r.contendedPct = acq > 0 ? 100.0 * cont / acq : 0;
    r.meanWaitUs = cont > 0 ? d(&WorkerCounters::waitNs, ~0) / cont / 1000.0 : 0;
    return r;
}

uint64_t percentileNs(const std::array<uint64_t, kHistBuckets>& hist, double pct) {
    uint64_t total = 0;
    for (auto v : hist) total += v;
    if (total == 0) return 0;
    auto rank = static_cast<uint64_t>(pct / 100.0 * static_cast<double>(total));
    if (rank >= total) rank = total - 1;
    uint64_t seen = 0;
    for (int b = 0; b < kHistBuckets; ++b) {
        seen += hist[static_cast<std::size_t>(b)];
        if (seen > rank) return histBucketLow(b);
    }
    return histBucketLow(kHistBuckets - 1);
}

} // namespace ipclab
