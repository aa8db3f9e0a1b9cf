#pragma once
// Runs an experiment to completion (the CLI's and the benchmark's path; the GUI steers an
// ExperimentRun live instead) and turns the measured counters into a result table.
#include "ipclab/config/experiment_config.h"
#include "ipclab/experiment/experiment_run.h"
#include "ipclab/experiment/run_sample.h"
#include "ipclab/experiment/sweep.h"
#include "ipclab/base/table.h"

#include <functional>

namespace ipclab {

// Called about 5 times a second with the elapsed seconds and a fresh snapshot.
using ProgressFn = std::function<void(double elapsedS, const Snapshot&)>;

// Called 30 times a second, when given, with the run's sample (what the window would draw).
using SampleFn = std::function<void(const RunSample&)>;

Table runExperiment(const ExperimentConfig& cfg, const ProgressFn& progress = {}, const SampleFn& onSample = {});

// Summaries from snapshots of a finished (or running) run.
Table summarizeStream(const ExperimentRun& run, const Snapshot& a, const Snapshot& b, const Snapshot& final);
Table summarizeRace(const ExperimentRun& run, const Snapshot& a, const Snapshot& b, const Snapshot& final);
Table summarizePingPong(const ExperimentRun& run, const Snapshot& a, const Snapshot& b);
Table summarizeIsolation(const ExperimentRun& run);

// Steady-state throughput of one stream run as users see it: the real workers (build, send,
// receive, verify, sequence, latency, telemetry), counted by the consumers after a warm-up.
// The sweep, the benchmark's full path and the lessons all measure through this.
Rates measureStream(const ExperimentConfig& cfg, double seconds);

// Measures every series of the sweep at every size (see sweep.h for what is measured).
std::vector<SweepPoint> runSweep(const ExperimentConfig& cfg, const std::function<void(const SweepPoint&, int done, int total)>& onPoint = {});

} // namespace ipclab
