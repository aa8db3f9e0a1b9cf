#pragma once
// Turns one live ExperimentRun into LaneSamples, one per call: reaps workers that exited, reads
// every counter, computes the charted rates over a short window and collects the message events
// and marks since the previous call. The only place where a live run becomes plain values.
#include "ipclab/experiment/experiment_run.h"
#include "ipclab/experiment/run_sample.h"

#include <deque>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace ipclab {

// Whose messages count as throughput: consumers in a stream, pingers (round trips) in a
// ping-pong, every worker in a race.
int countedRoles(ExperimentKind k);

class RunSampler {
public:
    explicit RunSampler(ExperimentRun& run, double windowS = 60.0, double rateWindowS = 0.5);

    // A mark on the time axis (a sync change, a death) at `t` seconds into the run; it goes out
    // with the next sample.
    void mark(double t, std::string label);
    // Seconds since the run started, by the monotonic clock.
    double now() const;
    // The lane at this instant (workers that exited are reaped first, so their exit status is
    // in it). `config` is the lane's config as the user has changed it since the start.
    // `onExit` hears of each worker reaped by this call before the sample takes its marks, so a
    // mark it adds (a death) goes out in this same sample.
    LaneSample sample(const ExperimentConfig& config, const std::function<void(const WorkerInfo&)>& onExit = {});

private:
    ExperimentRun& run_;
    TelemetryHistory history_;
    uint64_t eventHead_ = 0;
    std::map<int, uint64_t> stateLogFrom_; // by worker slot: the next state change to read
    uint64_t prevLost_ = 0, prevInconsistent_ = 0;
    std::vector<HistoryMark> marks_;
    // The kernel's accounting: read every kProcPeriodS, rates over the last kKernelWindowS.
    static constexpr double kProcPeriodS = 0.2, kKernelWindowS = 1.0;
    struct CpuReading {
        double t;
        CpuAccounting cpu;
    };
    void readKernel(double t, const std::vector<pid_t>& pids);
    double lastProcRead_ = -1;
    struct ProcessKernel {
        std::deque<CpuReading> readings;
        KernelRates rates;
    };
    std::map<pid_t, ProcessKernel> kernel_; // live processes (workers and CPU hogs) by PID
    KernelRates lastLaneKernel_;
};

} // namespace ipclab
