#include "flow_model.h"

#include "core_text.h"

#include <QCoreApplication>

#include <algorithm>

namespace ipclab::ui {

namespace {
// The race's read and write events, as the workers published them: each worker's last read and
// write, and a lost update when a worker writes back a value another worker has written too
// (both read the same value: one of the two increments is gone).
void applyRaceSteps(FlowLane& fl, const LaneSample& lane, const FlowLane* before) {
    auto index = [&](uint32_t slot) {
        for (std::size_t w = 0; w < fl.workers.size(); ++w)
            if (fl.workers[w].slot == static_cast<int>(slot)) return static_cast<int>(w);
        return -1;
    };
    if (before && before->workers.size() == fl.workers.size()) {
        for (std::size_t w = 0; w < fl.workers.size(); ++w) {
            fl.workers[w].read = before->workers[w].read;
            fl.workers[w].wrote = before->workers[w].wrote;
        }
        fl.lostStep = before->lostStep;
    }
    for (const EventRecord& e : lane.newEvents) {
        int w = index(e.worker);
        if (w < 0) continue;
        FlowWorker& me = fl.workers[static_cast<std::size_t>(w)];
        if (e.kind == EventKind::RaceRead) {
            me.read = static_cast<int64_t>(e.seq);
            me.wrote = -1;
        } else if (e.kind == EventKind::RaceWrite) {
            me.wrote = static_cast<int64_t>(e.seq);
            for (const FlowWorker& other : fl.workers)
                if (&other != &me && other.wrote == me.wrote && other.read == me.read)
                    fl.lostStep = QCoreApplication::translate("ipclab::ui::FlowFigure",
                                                              "PID %1 and PID %2 both read %3 and wrote %4: one update lost")
                                      .arg(other.pid)
                                      .arg(me.pid)
                                      .arg(me.read)
                                      .arg(me.wrote);
        }
    }
}
} // namespace

std::vector<FlowLane> flowLanes(const RunSample& sample, const std::vector<FlowLane>& previous) {
    std::vector<FlowLane> lanes;
    for (std::size_t i = 0; i < sample.lanes.size(); ++i) {
        const LaneSample& lane = sample.lanes[i];
        FlowLane fl;
        fl.experiment = lane.config.experiment;
        fl.transport = lane.config.transport;
        fl.name = laneName(lane);
        fl.sync = lane.config.effectiveSync();
        fl.slowMotion = isSlowMotion(lane);
        fl.stopped = lane.stopped;
        fl.objectName = QString::fromStdString(lane.dataObjectName); // the real name, as /dev/shm shows it
        for (const WorkerSample& w : lane.workers) {
            FlowWorker fw;
            fw.slot = w.slot;
            fw.pid = static_cast<int>(w.pid);
            fw.role = w.role;
            fw.state = w.state;
            fw.dead = w.exit.exited;
            fw.exitText = describeExit(w.exit);
            fl.workers.push_back(fw);
        }
        const HistoryPoint& p = lane.point;
        fl.rate = p[Series::MsgsPerS];
        fl.syscallsPerMsg = p[Series::SyscallsPerMsg];
        fl.waitCallsPerMsg = p[Series::WaitCallsPerMsg];
        fl.sendCallsPerMsg = p[Series::SendCallsPerMsg];
        fl.receiveCallsPerMsg = p[Series::ReceiveCallsPerMsg];
        fl.lost = static_cast<uint64_t>(p[Series::LostUpdates]);
        fl.inconsistent = static_cast<uint64_t>(p[Series::Inconsistent]);
        fl.inFlight = lane.sent > lane.received ? static_cast<double>(lane.sent - lane.received) : 0.0;
        fl.raceCounter = lane.counters.raceCounter;
        // How many messages the medium holds, as the core's objects report it (the ring's slot
        // count, the queue's mq_maxmsg); a 64 KiB pipe/socket buffer's worth where the kernel
        // counts bytes (an approximation, labelled as such).
        std::size_t held = lane.capacityFrames;
        fl.capacity = held ? static_cast<double>(held) : std::max(1.0, 65536.0 / static_cast<double>(std::max<std::size_t>(1, lane.frameBytes)));
        // Producers count a message before handing it over (on the ring up to 16 ahead, see
        // produce() in worker_loop.cpp), so sent - received can exceed what a medium of known
        // size can hold: "1067 of 1024 slots" was drawn. A full medium is what is true.
        if (held) fl.inFlight = std::min(fl.inFlight, fl.capacity);
        fl.capacityKnown = held != 0;
        fl.flash = i < previous.size() ? previous[i].flash : 0;
        if (lane.newLost || lane.newInconsistent) fl.flash = 1.0;
        for (const auto& e : lane.newEvents)
            if (e.kind == EventKind::Collision) fl.flash = 1.0;
        if (fl.experiment == ExperimentKind::Race) applyRaceSteps(fl, lane, i < previous.size() ? &previous[i] : nullptr);
        lanes.push_back(std::move(fl));
    }
    return lanes;
}

} // namespace ipclab::ui
