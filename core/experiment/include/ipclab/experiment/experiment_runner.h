#pragma once
// Runs an experiment to completion (the CLI's and the benchmark's path; the GUI steers an
// ExperimentRun live instead) and turns the measured counters into a result table.
#include "ipclab/config/experiment_config.h"
#include "ipclab/experiment/experiment_run.h"
#include "ipclab/base/table.h"

#include <functional>

namespace ipclab {

// Called about 5 times a second with the elapsed seconds and a fresh snapshot.
using ProgressFn = std::function<void(double elapsedS, const Snapshot&)>;

Table runExperiment(const ExperimentConfig& cfg, const ProgressFn& progress = {});

// Summaries from snapshots of a finished (or running) run.
Table summarizeStream(const ExperimentRun& run, const Snapshot& a, const Snapshot& b, const Snapshot& final);
Table summarizeRace(const ExperimentRun& run, const Snapshot& a, const Snapshot& b, const Snapshot& final);
Table summarizePingPong(const ExperimentRun& run, const Snapshot& a, const Snapshot& b);
Table summarizeIsolation(const ExperimentRun& run);

// Steady-state throughput of one stream run as users see it: the real workers (build, send,
// receive, verify, sequence, latency, telemetry), counted by the consumers after a warm-up.
// The sweep, the benchmark's full path and the lessons all measure through this.
Rates measureStream(const ExperimentConfig& cfg, double seconds);

// One sweep point (msgs/s and MB/s for one series at one size). Shared memory runs lock-free
// (the fastest correct sync for any producer/consumer count); with lockPerMessage it is the
// second series, "shared memory + mutex per message", which shows what a lock costs.
struct SweepPoint {
    TransportKind transport;
    uint32_t size;
    double msgsPerS;
    double mbPerS;
    bool lockPerMessage = false;
};
std::string seriesName(const SweepPoint& p); // "shm", "shm+mutex", "pipe", ...
std::vector<SweepPoint> runSweep(const ExperimentConfig& cfg, const std::function<void(const SweepPoint&, int done, int total)>& onPoint = {});
Table sweepTable(const std::vector<SweepPoint>& points);
// Smallest size at which lock-free shared memory is less than `factor` times the best
// message-passing throughput; 0 if it never drops that low in the measured range.
uint32_t sweepCrossover(const std::vector<SweepPoint>& points, double factor = 2.0);
// Per size: lock-free shared memory's msgs/s over the best message-passing transport's.
struct SweepRatio {
    uint32_t size;
    double ratio;
    TransportKind best;
};
std::vector<SweepRatio> sweepRatios(const std::vector<SweepPoint>& points);
// The verdict in one sentence, computed from the measured ratios.
std::string sweepVerdict(const std::vector<SweepPoint>& points);

std::vector<uint32_t> defaultSweepSizes();
// A sweep without lists means every transport at the default sizes: fills whichever list is empty.
void fillSweepDefaults(ExperimentConfig& c);

} // namespace ipclab
