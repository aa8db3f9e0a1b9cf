#include "flow_model.h"

#include "core_text.h"

#include <algorithm>

namespace ipclab::ui {

std::vector<FlowLane> flowLanes(const RunSample& sample, const std::vector<FlowLane>& previous) {
    std::vector<FlowLane> lanes;
    for (std::size_t i = 0; i < sample.lanes.size(); ++i) {
        const LaneSample& lane = sample.lanes[i];
        FlowLane fl;
        fl.experiment = lane.config.experiment;
        fl.transport = lane.config.transport;
        fl.sync = lane.config.effectiveSync();
        fl.slowMotion = lane.config.rate > 0 && lane.config.rate <= 5;
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
        lanes.push_back(std::move(fl));
    }
    return lanes;
}

} // namespace ipclab::ui
