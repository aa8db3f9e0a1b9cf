#include "ipclab/experiment/experiment_runner.h"

#include "ipclab/base/clock.h"
#include "ipclab/base/error.h"
#include "ipclab/experiment/message_breakdown.h"
#include "ipclab/experiment/run_sampler.h"
#include "ipclab/transport/message.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <optional>
#include <thread>

namespace ipclab {

namespace {
std::string us(uint64_t ns) { return fmt(static_cast<double>(ns) / 1000.0, 2); }

void sleepS(double s) { std::this_thread::sleep_for(std::chrono::duration<double>(s)); }

// A worker that died holding a lock nobody can take back: a spinlock or a semaphore (a robust
// mutex is recovered by the next locker, and the run goes on).
bool heldUnrecoverableLock(const ExperimentRun& run, const WorkerInfo& w) {
    SyncMode m = run.config().effectiveSync();
    return w.diedUnexpectedly() && w.lastState == WorkerState::HoldingLock &&
           (m == SyncMode::Semaphore || m == SyncMode::Spinlock);
}

// Waits for duration (or until every worker is gone, or a dead worker took a lock with it),
// reporting progress; `tick`, if given, 30 times a second (a recording's samples).
void runFor(ExperimentRun& run, double seconds, const ProgressFn& progress, const std::function<void()>& tick = {}) {
    uint64_t start = monotonicNs();
    uint64_t end = start + static_cast<uint64_t>(seconds * 1e9);
    while (monotonicNs() < end) {
        sleepS(std::min(tick ? 1.0 / 30 : 0.2, static_cast<double>(end - monotonicNs()) / 1e9 + 0.001));
        if (tick) tick();
        bool lockLost = false;
        for (const auto& w : run.reap()) lockLost |= heldUnrecoverableLock(run, w);
        if (progress) progress(static_cast<double>(monotonicNs() - start) / 1e9, run.sample());
        if (run.allExited()) break;
        if (lockLost) { // the survivors would wait for it forever: stop cleanly instead
            run.stop();
            break;
        }
    }
}

std::string deathsOf(const ExperimentRun& run) {
    std::string s;
    for (const auto& w : run.workers()) {
        if (!w.diedUnexpectedly()) continue;
        s += (s.empty() ? "" : "; ") + std::string(toString(w.role)) + " " + std::to_string(w.pid) + " " + w.exit.describe();
        if (heldUnrecoverableLock(run, w))
            s += std::string(" while holding the ") + std::string(toString(run.config().effectiveSync())) +
                 ": the holder died; a " + std::string(toString(run.config().effectiveSync())) +
                 " cannot be recovered (a robust mutex can), so the run was stopped";
    }
    return s.empty() ? "none" : s;
}

// The kernel's accounting of every worker's whole life (wait4's rusage when it was reaped):
// CPU in user mode and in the kernel, the kernel's share of it, context switches, minor faults.
// Appended before worker_deaths to each experiment's table.
void addKernelColumns(Table& t, const ExperimentRun& run) {
    CpuAccounting a;
    for (const auto& w : run.workers()) a += w.exit.usage;
    std::vector<std::string> cols = {"user_cpu_s", "sys_cpu_s", "sys_cpu_pct", "voluntary_switches", "involuntary_switches",
                                     "minor_faults"};
    std::vector<std::string> cells = {fmt(a.userS, 3), fmt(a.systemS, 3), fmt(100.0 * a.systemShare(), 1),
                                      std::to_string(a.voluntarySwitches), std::to_string(a.involuntarySwitches),
                                      std::to_string(a.minorFaults)};
    auto at = static_cast<std::ptrdiff_t>(t.columns.size()) - 1; // before worker_deaths
    t.columns.insert(t.columns.begin() + at, cols.begin(), cols.end());
    for (auto& row : t.rows) row.insert(row.begin() + at, cells.begin(), cells.end());
}

// Where one message's time went, per side, over the workers' whole lives: the kernel's CPU
// accounting (wait4) and the clocked calls. Appended before worker_deaths to the stream table.
void addBreakdownColumns(Table& t, const ExperimentRun& run, const Snapshot& f) {
    std::vector<WorkerTime> times;
    for (const auto& w : run.workers()) {
        if (w.slot < 0 || w.slot >= static_cast<int>(f.workers.size())) continue;
        const WorkerCounters& c = f.workers[static_cast<std::size_t>(w.slot)];
        times.push_back({w.role, w.exit.usage, std::max(c.messages, c.finalMessages), c.callSamples, c.callNs});
    }
    double seconds = f.timeNs > run.startNs() ? static_cast<double>(f.timeNs - run.startNs()) / 1e9 : 0;
    MessageBreakdown b = breakdownOf(seconds, times);
    std::vector<std::string> cols, cells;
    for (auto [side, s] : {std::pair{"send", &b.send}, std::pair{"receive", &b.receive}}) {
        std::string p = side;
        for (auto& c : {p + "_ns_per_msg", p + "_user_ns", p + "_kernel_ns", p + "_off_cpu_ns", p + "_call_ns"}) cols.push_back(c);
        for (double v : {s->wallNs, s->userNs, s->kernelNs, s->offCpuNs, s->inCallNs}) cells.push_back(fmt(v, 1));
    }
    auto at = static_cast<std::ptrdiff_t>(t.columns.size()) - 1; // before worker_deaths
    t.columns.insert(t.columns.begin() + at, cols.begin(), cols.end());
    for (auto& row : t.rows) row.insert(row.begin() + at, cells.begin(), cells.end());
}

// Messages a role handled: the live counters in shared memory survive a worker's death; the
// exit-time copy is what a run with telemetry off has.
uint64_t handled(const Snapshot& f, WorkerRole role) {
    return std::max(f.sum(&WorkerCounters::messages, roleBit(role)), f.sum(&WorkerCounters::finalMessages, roleBit(role)));
}
} // namespace

Table summarizeStream(const ExperimentRun& run, const Snapshot& a, const Snapshot& b, const Snapshot& f) {
    const ExperimentConfig& c = run.config();
    int consumers = roleBit(WorkerRole::Consumer);
    Rates r = ratesBetween(a, b, consumers);
    auto hist = f.histogram(consumers);
    uint64_t sent = handled(f, WorkerRole::Producer);
    uint64_t received = handled(f, WorkerRole::Consumer);
    uint64_t dup = f.sum(&WorkerCounters::duplicated), localLost = f.sum(&WorkerCounters::lost);
    // Global accounting catches what a single consumer cannot see (several consumers, or
    // messages never read before the end of the run).
    uint64_t unique = received > dup ? received - dup : 0;
    uint64_t lost = std::max(localLost, sent > unique ? sent - unique : 0);
    Table t;
    t.columns = {"transport", "sync", "producers", "consumers", "size_bytes", "seconds", "sent", "received",
                 "msgs_per_s", "mb_per_s", "latency_p50_us", "latency_p99_us", "latency_p999_us", "lost",
                 "duplicated", "out_of_order", "corrupted", "syscalls_per_msg", "send_calls_per_msg",
                 "receive_calls_per_msg", "wait_calls_per_msg", "data_calls", "verified", "worker_deaths"};
    // Whole run, both sides: the count strace sees for the data-moving calls.
    uint64_t dataCalls = f.sum(&WorkerCounters::syscalls) - std::min(f.sum(&WorkerCounters::syscalls), f.sum(&WorkerCounters::waitCalls));
    std::string verified = c.effectiveSync() == SyncMode::None || c.rate > 0
                               ? "every byte of every message"
                               : "every byte of 1 message in " + std::to_string(kFullCheckEvery) + "; header and sequence of all";
    // Message passing takes no lock of ours: the kernel synchronizes.
    std::string sync = isMessagePassing(c.transport) ? "kernel" : std::string(toString(c.effectiveSync()));
    t.addRow({std::string(toString(c.transport)), sync, std::to_string(c.producers),
              std::to_string(c.consumers), std::to_string(c.messageSize), fmt(r.seconds, 2), std::to_string(sent),
              std::to_string(received), fmt(r.msgsPerS, 0), fmt(r.mbPerS, 2), us(percentileNs(hist, 50)),
              us(percentileNs(hist, 99)), us(percentileNs(hist, 99.9)), std::to_string(lost), std::to_string(dup),
              std::to_string(f.sum(&WorkerCounters::outOfOrder)), std::to_string(f.sum(&WorkerCounters::corrupted)),
              fmt(r.syscallsPerMsg, 2), fmt(r.sendCallsPerMsg, 2), fmt(r.receiveCallsPerMsg, 2), fmt(r.waitCallsPerMsg, 2),
              std::to_string(dataCalls), verified, deathsOf(run)});
    addKernelColumns(t, run);
    addBreakdownColumns(t, run, f);
    return t;
}

Table summarizeRace(const ExperimentRun& run, const Snapshot& a, const Snapshot& b, const Snapshot& f) {
    const ExperimentConfig& c = run.config();
    Rates r = ratesBetween(a, b, ~0);
    Table t;
    t.columns = {"sync", "workers", "seconds", "updates", "updates_per_s", "counter", "lost_updates",
                 "inconsistent_records", "contended_pct", "mean_wait_us", "mutex_recoveries", "worker_deaths"};
    t.addRow({std::string(toString(c.effectiveSync())), std::to_string(c.workers), fmt(r.seconds, 2),
              std::to_string(f.sum(&WorkerCounters::updates)), fmt(r.updatesPerS, 0), std::to_string(f.raceCounter),
              std::to_string(f.lostUpdates()), std::to_string(f.sum(&WorkerCounters::inconsistent)),
              fmt(r.contendedPct, 2), fmt(r.meanWaitUs, 2), std::to_string(f.mutexRecoveries), deathsOf(run)});
    addKernelColumns(t, run);
    return t;
}

Table summarizePingPong(const ExperimentRun& run, const Snapshot& a, const Snapshot& b) {
    const ExperimentConfig& c = run.config();
    int pinger = roleBit(WorkerRole::Pinger);
    Rates r = ratesBetween(a, b, pinger);
    auto hist = b.histogram(pinger);
    uint64_t trips = b.sum(&WorkerCounters::messages, pinger);
    double sys = trips ? static_cast<double>(b.sum(&WorkerCounters::syscalls)) / static_cast<double>(trips) : 0;
    Table t;
    t.columns = {"transport", "size_bytes", "round_trips", "round_trips_per_s", "rtt_p50_us", "rtt_p99_us",
                 "rtt_p999_us", "syscalls_per_round_trip", "corrupted", "worker_deaths"};
    t.addRow({std::string(toString(c.transport)), std::to_string(c.messageSize), std::to_string(trips),
              fmt(r.msgsPerS, 0), us(percentileNs(hist, 50)), us(percentileNs(hist, 99)), us(percentileNs(hist, 99.9)),
              fmt(sys, 2), std::to_string(b.sum(&WorkerCounters::corrupted)), deathsOf(run)});
    addKernelColumns(t, run);
    return t;
}

Table summarizeIsolation(const ExperimentRun& run) {
    Table t;
    t.columns = {"pid", "private_address", "private_written", "private_seen", "shared_address", "shared_written",
                 "shared_seen_from_other", "private_frame", "shared_frame", "private_saw_other", "shared_saw_other"};
    auto area = run.isolation();
    if (!area) return t;
    // 1 when this process read the value the other one wrote (at the same virtual address).
    auto& reps = (*area)->reports;
    auto sawOther = [&](std::size_t i, bool shared) -> std::string {
        const auto& me = reps[i];
        const auto& other = reps[1 - i];
        return (shared ? me.sharedSeenOther == other.sharedWritten : me.privateSeen == other.privateWritten) ? "1" : "0";
    };
    char buf[32];
    auto hex = [&](uint64_t v) {
        std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
        return std::string(buf);
    };
    for (std::size_t i = 0; i < 2; ++i) {
        const auto& rep = reps[i];
        if (!rep.done.load()) continue;
        t.addRow({std::to_string(rep.pid.load()), hex(rep.privateAddress), std::to_string(rep.privateWritten),
                  std::to_string(rep.privateSeen), hex(rep.sharedAddress), std::to_string(rep.sharedWritten),
                  std::to_string(rep.sharedSeenOther), rep.privateFrame ? hex(rep.privateFrame) : "n/a",
                  rep.sharedFrame ? hex(rep.sharedFrame) : "n/a", sawOther(i, false), sawOther(i, true)});
    }
    return t;
}

Table runExperiment(const ExperimentConfig& cfg, const ProgressFn& progress, const SampleFn& onSample) {
    if (cfg.experiment == ExperimentKind::Sweep) return sweepTable(runSweep(cfg));
    ExperimentRun run(cfg);
    std::optional<RunSampler> sampler;
    uint64_t samples = 0;
    auto tick = [&] {
        RunSample s;
        s.index = samples++;
        s.experiment = cfg.experiment;
        s.lanes.push_back(sampler->sample(cfg));
        onSample(s);
    };
    if (onSample && cfg.experiment != ExperimentKind::Isolation) sampler.emplace(run);
    std::function<void()> ticker = sampler ? std::function<void()>(tick) : std::function<void()>();
    if (cfg.experiment == ExperimentKind::Isolation) {
        // Nothing to stop: wait for both to finish their three steps (bounded; stop kills stragglers).
        for (int i = 0; i < 500 && !run.allExited(); ++i) {
            run.reap();
            sleepS(0.01);
        }
        run.stop(0);
        Table t = summarizeIsolation(run);
        if (t.rows.size() != 2) throw SystemError("isolation workers did not finish: " + deathsOf(run), EIO);
        return t;
    }
    double duration = cfg.durationS > 0 ? cfg.durationS : 2.0;
    double warm = std::min(0.2, duration / 5);
    runFor(run, warm, {}, ticker);
    Snapshot a = run.sample();
    runFor(run, duration - warm, progress, ticker);
    Snapshot b = run.sample();
    run.stop();
    if (sampler) tick(); // the last, stopped sample: the final numbers
    Snapshot f = run.sample();
    switch (cfg.experiment) {
    case ExperimentKind::Stream: return summarizeStream(run, a, b, f);
    case ExperimentKind::Race: return summarizeRace(run, a, b, f);
    case ExperimentKind::PingPong: return summarizePingPong(run, a, b);
    default: break;
    }
    return {};
}

Rates measureStream(const ExperimentConfig& cfg, double seconds) {
    ExperimentRun run(cfg);
    runFor(run, std::min(0.2, seconds * 0.25), {});
    Snapshot a = run.sample();
    runFor(run, seconds, {});
    Snapshot b = run.sample();
    run.stop();
    return ratesBetween(a, b, roleBit(WorkerRole::Consumer));
}

std::vector<SweepPoint> runSweep(const ExperimentConfig& cfg, const std::function<void(const SweepPoint&, int, int)>& onPoint) {
    cfg.validate();
    struct Series {
        TransportKind t;
        bool locked;
    };
    std::vector<Series> series;
    for (TransportKind t : cfg.sweepTransports) {
        series.push_back({t, false});
        if (t == TransportKind::SharedMemory) series.push_back({t, true});
    }
    std::vector<SweepPoint> out;
    int total = static_cast<int>(series.size() * cfg.sweepSizes.size()), done = 0;
    for (uint32_t size : cfg.sweepSizes) {
        for (const Series& s : series) {
            ++done;
            if (size > ExperimentConfig::maxMessageSize(s.t)) continue; // e.g. mqueue above its limit
            ExperimentConfig p = cfg;
            p.experiment = ExperimentKind::Stream;
            p.transport = s.t;
            p.messageSize = size;
            p.producers = p.consumers = 1;
            p.rate = 0;
            p.durationS = cfg.sweepPointS;
            // Shared memory: lock-free, or a mutex around every message for the second series.
            // Message passing ignores the setting: the kernel synchronizes.
            p.syncEnabled = true;
            p.sync = s.locked ? SyncMode::Mutex : SyncMode::Atomic;
            Rates r = measureStream(p, cfg.sweepPointS * 0.8);
            SweepPoint pt{s.t, size, r.msgsPerS, r.mbPerS, s.locked};
            out.push_back(pt);
            if (onPoint) onPoint(pt, done, total);
        }
    }
    return out;
}

} // namespace ipclab
