#pragma once
// Runs an experiment to completion (the CLI's and the benchmark's path; the GUI steers an
// ExperimentRun live instead) and turns the measured counters into a result table.
#include "experiment_config.h"
#include "experiment_run.h"
#include "table.h"

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

// One sweep point (msgs/s and MB/s for one transport at one size) and the crossover analysis:
// per size, shared memory's throughput over the best message-passing transport.
struct SweepPoint {
    TransportKind transport;
    uint32_t size;
    double msgsPerS;
    double mbPerS;
};
std::vector<SweepPoint> runSweep(const ExperimentConfig& cfg, const std::function<void(const SweepPoint&, int done, int total)>& onPoint = {});
Table sweepTable(const std::vector<SweepPoint>& points);
// Smallest size at which shared memory is less than `factor` times the best message-passing
// throughput; 0 if it never drops that low in the measured range.
uint32_t sweepCrossover(const std::vector<SweepPoint>& points, double factor = 2.0);

std::vector<uint32_t> defaultSweepSizes();
// A sweep without lists means every transport at the default sizes: fills whichever list is empty.
void fillSweepDefaults(ExperimentConfig& c);

} // namespace ipclab
