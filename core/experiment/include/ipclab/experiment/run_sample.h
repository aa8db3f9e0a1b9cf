#pragma once
// One instant of a run, as plain values: what every view draws (the scene, the charts, the
// process table, the event log) and what a recording stores. No live handle is reachable from
// here, so a view fed a RunSample works the same for a live run, a replay or a hand-built test
// sample. Built by RunSampler at the UI's fixed sample rate; the core fills in what only it
// knows (the kernel objects' real names, how much a medium holds).
//
// The UI may include this header and no other core header (a CMake check enforces it; only the
// run controller, which makes samples, sees the live types).
#include "ipclab/base/exit_info.h"
#include "ipclab/config/experiment_config.h"
#include "ipclab/experiment/message_breakdown.h"
#include "ipclab/experiment/sweep.h"
#include "ipclab/telemetry/telemetry_history.h"
#include "ipclab/telemetry/telemetry_snapshot.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ipclab {

// What the kernel counted over the last second (/proc, read a few times a second): CPU in user
// mode and in the kernel as % of one CPU, context switches and minor faults per second.
struct KernelRates {
    bool valid = false; // a second's worth read (not yet right after a start, not once reaped)
    double userPct = 0, systemPct = 0;
    double voluntaryPerS = 0, involuntaryPerS = 0, minorFaultsPerS = 0;
    KernelRates& operator+=(const KernelRates& o);
    bool operator==(const KernelRates&) const = default;
};

// A state change as the worker logged it (slow motion), in seconds since the run started.
struct TimedState {
    double t = 0;
    WorkerState state = WorkerState::Starting;
    bool operator==(const TimedState&) const = default;
};

struct WorkerSample {
    int slot = 0;      // index in the telemetry block
    WorkerRole role = WorkerRole::Producer;
    int roleIndex = 0; // P0, P1, ... within its role
    int32_t pid = 0;
    WorkerState state = WorkerState::Starting; // as published (the lock word decides "holding")
    SyncMode activeSync = SyncMode::None;      // what the worker acknowledged it is using
    double rate = 0;   // its messages (or updates) per second over the rate window
    ExitInfo exit;     // exit.exited once it was reaped
    bool killedByUs = false; // the user's Kill
    // The kernel's accounting since it started (live from /proc, final from wait4 once reaped)
    // and its rates over the last second: the independent witness beside our counters.
    CpuAccounting cpu;
    KernelRates kernel;
    // In slow motion every state change since the previous sample, exactly as logged (exact:
    // the log is on and nothing was overwritten); otherwise only `state`, sampled.
    bool exact = false;
    std::vector<TimedState> changes;
};

// A process that only burns CPU (the CPU-pressure lever), with what the kernel counted for it.
struct HogSample {
    int32_t pid = 0;
    int nice = 0;
    KernelRates kernel;
};

struct LaneSample {
    ExperimentConfig config;  // as it is now (live changes of sync and rate included)
    std::string dataObjectName; // as `ls /dev/shm` or `ls /dev/mqueue` shows it; "" for pipes, sockets
    std::size_t capacityFrames = 0; // messages a channel holds before a writer waits; 0: the kernel counts bytes
    std::size_t frameBytes = 0;     // one message on the medium, its header included
    std::vector<WorkerSample> workers;
    KernelRates kernel;       // the lane's live workers together
    MessageBreakdown breakdown; // a stream's time per message, per side, since the start
    std::vector<HogSample> hogs; // CPU hogs running beside the workers
    Snapshot counters;        // every raw counter at this instant
    HistoryPoint point;       // the charted series at this instant (rates over the rate window)
    double windowS = 60;      // how much history a chart keeps
    uint64_t sent = 0, received = 0; // messages counted by producers and by consumers
    uint64_t newLost = 0, newInconsistent = 0; // growth since the previous sample (for flashes)
    std::vector<EventRecord> newEvents;  // sampled message events since the previous sample
    std::vector<HistoryMark> newMarks;   // sync toggles and deaths since the previous sample
    bool stopped = false;     // the run ended; the numbers are the last measured
    // What the views call the lane: "" names it by its transport (live runs); a replay that
    // compares two recordings names each by where it was recorded.
    std::string label;
};

struct RunSample {
    uint64_t index = 0;       // 0, 1, 2, ... within one run
    ExperimentKind experiment = ExperimentKind::Stream;
    bool paused = false;
    std::vector<LaneSample> lanes;   // the live experiments: one lane, two when comparing
    // The background experiments, which have no live lanes: a sweep's points so far (of
    // sweepTotal), and the isolation experiment's result table once it finished.
    std::vector<SweepPoint> sweep;
    int sweepTotal = 0;
    Table isolation;
};

} // namespace ipclab
