#include "ipclab/experiment/run_sampler.h"

#include "ipclab/base/clock.h"
#include "ipclab/base/cpu_accounting.h"
#include "ipclab/transport/message.h"

#include <limits>

namespace ipclab {

int countedRoles(ExperimentKind k) {
    switch (k) {
    case ExperimentKind::Stream: return roleBit(WorkerRole::Consumer);
    case ExperimentKind::PingPong: return roleBit(WorkerRole::Pinger);
    default: return ~0;
    }
}

KernelRates& KernelRates::operator+=(const KernelRates& o) {
    valid = valid || o.valid;
    userPct += o.userPct;
    systemPct += o.systemPct;
    voluntaryPerS += o.voluntaryPerS;
    involuntaryPerS += o.involuntaryPerS;
    minorFaultsPerS += o.minorFaultsPerS;
    return *this;
}

void RunSampler::readKernel(double t, const std::vector<pid_t>& pids) {
    // Two small /proc reads per process, five times a second: what top does, far cheaper than
    // the sampler's 30 Hz; a second's window because the kernel counts CPU in 10 ms ticks.
    std::map<pid_t, ProcessKernel> next;
    for (pid_t pid : pids) {
        ProcessKernel pk;
        if (auto it = kernel_.find(pid); it != kernel_.end()) pk = std::move(it->second);
        CpuAccounting now = readProcAccounting(pid);
        if (now.valid) {
            auto& readings = pk.readings;
            readings.push_back({t, now});
            while (readings.size() > 2 && readings[1].t <= t - kKernelWindowS) readings.pop_front();
            const CpuReading& base = readings.front();
            double dt = t - base.t;
            if (dt >= kKernelWindowS * 0.5) { // else not enough of a window yet
                KernelRates r;
                r.valid = true;
                r.userPct = 100.0 * (now.userS - base.cpu.userS) / dt;
                r.systemPct = 100.0 * (now.systemS - base.cpu.systemS) / dt;
                auto per = [dt](uint64_t a, uint64_t b) { return a >= b ? static_cast<double>(a - b) / dt : 0.0; };
                r.voluntaryPerS = per(now.voluntarySwitches, base.cpu.voluntarySwitches);
                r.involuntaryPerS = per(now.involuntarySwitches, base.cpu.involuntarySwitches);
                r.minorFaultsPerS = per(now.minorFaults, base.cpu.minorFaults);
                pk.rates = r;
            }
        }
        next.emplace(pid, std::move(pk));
    }
    kernel_ = std::move(next); // (processes gone are forgotten)
}

RunSampler::RunSampler(ExperimentRun& run, double windowS, double rateWindowS)
    : run_(run), history_(windowS, rateWindowS) {}

void RunSampler::mark(double t, std::string label) { marks_.push_back({t, std::move(label)}); }

double RunSampler::now() const {
    uint64_t n = monotonicNs(), s = run_.startNs();
    return n > s ? static_cast<double>(n - s) / 1e9 : 0.0;
}

LaneSample RunSampler::sample(const ExperimentConfig& config, const std::function<void(const WorkerInfo&)>& onExit) {
    LaneSample out;
    for (const WorkerInfo& w : run_.reap()) // the statuses also land in run_.workers()
        if (onExit) onExit(w);

    out.config = config;
    out.dataObjectName = run_.dataObjectName();
    out.capacityFrames = run_.channelCapacity();
    out.frameBytes = config.messageSize + kFrameHeaderSize;
    out.windowS = history_.windowS();
    out.stopped = run_.stopped();
    out.counters = run_.sample();
    // After Stop the counters are final, but rates over a window in which the workers were
    // stopping would draw a dip that never happened while the run ran: keep the last point.
    if (!out.stopped || history_.points().empty())
        history_.add(out.counters, run_.startNs(), countedRoles(config.experiment), config.experiment);
    out.point = history_.points().back();

    double t = now();
    std::vector<pid_t> hogs = run_.cpuHogs();
    if (!out.stopped && (lastProcRead_ < 0 || t - lastProcRead_ >= kProcPeriodS)) {
        lastProcRead_ = t;
        std::vector<pid_t> pids = hogs;
        for (const WorkerInfo& w : run_.workers())
            if (!w.exit.exited) pids.push_back(w.pid);
        readKernel(t, pids);
    }
    for (pid_t pid : hogs) {
        HogSample h;
        h.pid = static_cast<int32_t>(pid);
        h.nice = run_.hogNice();
        if (auto it = kernel_.find(pid); it != kernel_.end()) h.kernel = it->second.rates;
        out.hogs.push_back(h);
    }
    const Snapshot& s = out.counters;
    for (const WorkerInfo& w : run_.workers()) {
        WorkerSample ws;
        ws.slot = w.slot;
        ws.role = w.role;
        ws.roleIndex = w.roleIndex;
        ws.pid = static_cast<int32_t>(w.pid);
        ws.exit = w.exit;
        ws.killedByUs = w.killedByUs;
        if (w.slot >= 0 && w.slot < static_cast<int>(s.workers.size())) {
            const WorkerCounters& c = s.workers[static_cast<std::size_t>(w.slot)];
            ws.state = w.exit.exited ? WorkerState::Exited : c.state;
            ws.activeSync = c.activeSync;
            ws.rate = history_.workerRate(w.slot);
            if (!w.exit.exited) {
                const WorkerSlot& slot = run_.telemetry().worker(w.slot);
                bool complete = false;
                std::vector<StateChange> changes = stateChangesSince(slot, stateLogFrom_[w.slot], complete);
                ws.exact = complete && slot.logStates.load(std::memory_order_relaxed);
                if (ws.exact)
                    for (const StateChange& ch : changes)
                        ws.changes.push_back({ch.timeNs > run_.startNs() ? static_cast<double>(ch.timeNs - run_.startNs()) / 1e9 : 0.0, ch.state});
            }
        }
        if (w.exit.exited) {
            ws.cpu = w.exit.usage;
        } else if (auto it = kernel_.find(w.pid); it != kernel_.end()) {
            if (!it->second.readings.empty()) ws.cpu = it->second.readings.back().cpu;
            if (!out.stopped) ws.kernel = it->second.rates;
        }
        out.kernel += ws.kernel;
        out.workers.push_back(ws);
    }
    if (config.experiment == ExperimentKind::Stream) {
        std::vector<WorkerTime> times;
        for (const WorkerSample& w : out.workers) {
            if (w.slot < 0 || w.slot >= static_cast<int>(s.workers.size())) continue;
            const WorkerCounters& c = s.workers[static_cast<std::size_t>(w.slot)];
            times.push_back({w.role, w.cpu, c.messages, c.callSamples, c.callNs});
        }
        out.breakdown = breakdownOf(out.point.t, times);
    }
    // After Stop the last second's rates stay on the chart, like the other series (no dip to 0).
    if (out.stopped) out.kernel = lastLaneKernel_;
    lastLaneKernel_ = out.kernel;
    // Not a second's worth read yet: no value (NaN), rather than a 0 nobody measured.
    if (!out.kernel.valid) {
        for (Series k : {Series::UserCpuPct, Series::SystemCpuPct, Series::VoluntaryPerS, Series::InvoluntaryPerS})
            out.point.v[static_cast<int>(k)] = std::numeric_limits<double>::quiet_NaN();
    } else {
        out.point.v[static_cast<int>(Series::UserCpuPct)] = out.kernel.userPct;
        out.point.v[static_cast<int>(Series::SystemCpuPct)] = out.kernel.systemPct;
        out.point.v[static_cast<int>(Series::VoluntaryPerS)] = out.kernel.voluntaryPerS;
        out.point.v[static_cast<int>(Series::InvoluntaryPerS)] = out.kernel.involuntaryPerS;
    }
    out.sent = s.sum(&WorkerCounters::messages, roleBit(WorkerRole::Producer));
    out.received = s.sum(&WorkerCounters::messages, roleBit(WorkerRole::Consumer));

    out.newEvents = run_.telemetry().eventsSince(eventHead_); // skips what the event ring overwrote
    if (!out.newEvents.empty()) eventHead_ = out.newEvents.back().index + 1;
    auto lost = static_cast<uint64_t>(out.point[Series::LostUpdates]);
    auto inc = static_cast<uint64_t>(out.point[Series::Inconsistent]);
    out.newLost = lost > prevLost_ ? lost - prevLost_ : 0;
    out.newInconsistent = inc > prevInconsistent_ ? inc - prevInconsistent_ : 0;
    prevLost_ = lost;
    prevInconsistent_ = inc;
    out.newMarks = std::move(marks_);
    marks_.clear();
    return out;
}

} // namespace ipclab
