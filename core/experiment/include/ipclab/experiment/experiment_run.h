#pragma once
// The controller side of one run: creates the telemetry block and kernel objects, spawns the
// workers, steers them through the control block and reaps them. Destroying it stops the run,
// kills and reaps every worker and removes every kernel object it created.
#include "ipclab/config/experiment_config.h"
#include "ipclab/experiment/isolation_area.h"
#include "ipclab/base/process_spawner.h"
#include "ipclab/experiment/race_area.h"
#include "ipclab/telemetry/telemetry.h"
#include "ipclab/telemetry/telemetry_snapshot.h"
#include "ipclab/transport/transport.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ipclab {

struct WorkerInfo {
    int slot = 0;
    WorkerRole role = WorkerRole::Producer;
    int roleIndex = 0;
    pid_t pid = 0;
    ExitInfo exit;
    bool killedByUs = false;  // the user's Kill (a death they caused, still reported)
    bool killedAtStop = false; // did not stop within the grace period: SIGKILL by the controller
    WorkerState lastState = WorkerState::Starting; // as published just before it was reaped
    // Died on its own or by a user's kill: not a clean exit and not our SIGKILL at stop.
    bool diedUnexpectedly() const { return exit.exited && !killedAtStop && (exit.signaled || exit.code != 0); }
};

class ExperimentRun {
public:
    // Validates the config (ConfigError), creates everything, starts the workers.
    explicit ExperimentRun(const ExperimentConfig& cfg);
    ExperimentRun(const ExperimentRun&) = delete;
    ExperimentRun& operator=(const ExperimentRun&) = delete;
    ~ExperimentRun();

    const ExperimentConfig& config() const { return cfg_; }
    const TelemetryBlock& telemetry() const { return tel_; }
    const std::string& prefix() const { return prefix_; }

    // Live steering: takes effect at once in the control block; workers acknowledge it.
    void setSync(bool enabled, SyncMode primitive);
    void setRate(double msgsPerSecond);
    // How shared-memory workers wait on a full or empty ring (live; see WaitPolicy).
    void setWaitPolicy(WaitPolicy w);
    void pause();
    void resume();
    bool paused() const;
    // Asks workers to stop, waits up to graceMs for them, then kills what is left.
    void stop(int graceMs = 3000);
    bool stopped() const { return stopped_; }
    // Generation that all live workers have acknowledged? (used to measure obedience)
    uint32_t generation() const;
    bool allAcknowledged(uint32_t generation) const;

    // Reaps exited workers without blocking; returns those that exited since the last call.
    std::vector<WorkerInfo> reap();
    bool allExited() const;
    // The state a worker last published (range-checked: it comes from shared memory).
    WorkerState stateOf(int slot) const;
    bool killWorker(int slot, int sig = 9);
    const std::vector<WorkerInfo>& workers() const { return info_; }

    Snapshot sample() const;
    // The run's data object as the system names it (the race segment, or the first channel's
    // ring, queue, FIFO or file; "" for pipes and sockets), and how many frames a channel holds
    // before a writer waits (0 where the kernel counts bytes). From the objects themselves, so
    // what the scene labels is what `ls /dev/shm` or `ls /dev/mqueue` shows.
    std::string dataObjectName() const;
    std::size_t channelCapacity() const { return channels_ ? channels_->capacityFrames() : 0; }
    uint64_t startNs() const { return startNs_; }
    // CPU pressure: `count` processes that only burn CPU at nice level `nice` (extra ones are
    // killed and reaped, a new nice level restarts them). Live; stop() ends them.
    void setCpuHogs(int count, int nice);
    std::vector<pid_t> cpuHogs() const;
    int hogNice() const { return hogNice_; }
    // Isolation results (after the workers finished); empty for other experiments.
    std::optional<IsolationArea*> isolation() const;

private:
    void spawn(WorkerRole role, int roleIndex, const std::string& roleName, const std::string& data,
               const Endpoint* out, const std::vector<Endpoint>& in);
    void bump();
    void wakeWorkers(); // sends kWakeSignal to every worker still running

    ExperimentConfig cfg_;
    std::string prefix_;
    TelemetryBlock tel_;
    std::unique_ptr<Channels> channels_;
    std::unique_ptr<Channels> backChannels_; // pingpong: the reply direction
    std::optional<RaceSegment> race_;
    std::optional<IsolationSegment> isolation_;
    std::vector<ChildProcess> children_;
    std::vector<WorkerInfo> info_;
    std::vector<ChildProcess> hogs_;
    int hogNice_ = 0;
    uint64_t startNs_ = 0;
    bool stopped_ = false;
};

} // namespace ipclab
