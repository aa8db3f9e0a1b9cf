#pragma once
// What the scene draws, mapped from a RunSample: one FlowLane per lane with its workers, the
// measured rate and calls per message, how full the medium is, and the medium's real name.
// Plain values and one function, so the mapping is tested from hand-built samples without
// painting anything.
#include "ipclab/experiment/run_sample.h"

#include <QString>

#include <vector>

namespace ipclab::ui {

struct FlowWorker {
    int slot = 0; // telemetry slot: what message events name
    int pid = 0;
    WorkerRole role = WorkerRole::Producer;
    WorkerState state = WorkerState::Starting;
    bool dead = false;
    QString exitText;
    // Race in slow motion: the counter value this worker last read, and what it wrote back
    // (-1: not yet), as the worker published them.
    int64_t read = -1, wrote = -1;
};

struct FlowLane {
    ExperimentKind experiment = ExperimentKind::Stream;
    TransportKind transport = TransportKind::SharedMemory;
    QString name; // its header's name: the transport, or which recording
    SyncMode sync = SyncMode::None;
    std::vector<FlowWorker> workers;
    double rate = 0;           // msgs/s (or updates/s) measured
    double syscallsPerMsg = 0; // measured
    double waitCallsPerMsg = 0; // of those, only waiting or waking (no data moved)
    double sendCallsPerMsg = 0;    // data-moving calls, sending side
    double receiveCallsPerMsg = 0; // data-moving calls, receiving side
    double inFlight = 0;       // sent - received: what sits in the ring / kernel buffer
    double capacity = 1;       // how much the buffer holds (messages)
    bool capacityKnown = false; // the medium's own depth (ring slots, mq_maxmsg), not a byte estimate
    uint64_t lost = 0, inconsistent = 0;
    uint64_t raceCounter = 0;
    double flash = 0;          // 1 right after a collision, decays to 0
    bool slowMotion = false;
    bool stopped = false;      // the run ended: the picture stays, nothing moves
    QString objectName;
    // Race in slow motion: the last lost update seen in the workers' own reads and writes
    // ("PID 10 and PID 11 both read 41 and wrote 42"), until a newer one.
    QString lostStep;
};

// The lanes of `sample` as the figure draws them. `previous` is what was drawn before: a
// collision highlight keeps fading from where it was.
std::vector<FlowLane> flowLanes(const RunSample& sample, const std::vector<FlowLane>& previous);
// Slow motion: few enough messages a second for a token to stand for each one, and for every
// state change to be shown as it happens. Otherwise states change between almost every two
// samples, and the views show them with the numbers, FlowFigure::kRenderHz times a second.
inline bool isSlowMotion(const LaneSample& lane) { return lane.config.rate > 0 && lane.config.rate <= 5; }

} // namespace ipclab::ui
