#include "ipclab/experiment/run_sampler.h"

#include "ipclab/base/clock.h"
#include "ipclab/transport/message.h"

namespace ipclab {

int countedRoles(ExperimentKind k) {
    switch (k) {
    case ExperimentKind::Stream: return roleBit(WorkerRole::Consumer);
    case ExperimentKind::PingPong: return roleBit(WorkerRole::Pinger);
    default: return ~0;
    }
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
        }
        out.workers.push_back(ws);
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
