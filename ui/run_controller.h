#pragma once
// The UI's handle on running experiments. It turns the edited config into ExperimentRuns (one
// per lane: compare mode runs a shared-memory lane and a message-passing lane side by side),
// samples their telemetry blocks on a fixed 30 Hz timer, and steers them through the control
// block. Views read its state after each `sampled()`; there is no signal per message.
#include "ipclab/config/experiment_config.h"
#include "ipclab/experiment/experiment_run.h"
#include "ipclab/experiment/experiment_runner.h"
#include "telemetry_history.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <atomic>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

namespace ipclab::ui {

struct Lane {
    ExperimentConfig config;
    std::unique_ptr<ExperimentRun> run;
    TelemetryHistory history;
    uint64_t eventHead = 0;
    std::vector<EventRecord> newEvents; // sampled message events since the previous tick
    uint64_t prevLost = 0, prevInconsistent = 0;
    uint64_t newLost = 0, newInconsistent = 0; // growth since the previous tick (for flashes)
    QString label() const;
};

class RunController : public QObject {
    Q_OBJECT
public:
    static constexpr int kSampleHz = 30;
    // Workers started from the GUI run in the idle scheduling class: the window keeps its frames
    // next to eight busy workers on two cores, and the workers lose only the little CPU the
    // window really uses (see ExperimentConfig::kNiceIdle).
    static constexpr int kWorkerNice = ExperimentConfig::kNiceIdle;

    explicit RunController(QObject* parent = nullptr);
    ~RunController() override;

    // Starts the experiment; with compareWith set (stream/pingpong), a second lane runs the
    // same config over that transport. Returns false and emits error() if it cannot start.
    bool start(const ExperimentConfig& cfg, std::optional<TransportKind> compareWith = std::nullopt);
    void stop();
    void setPaused(bool paused);
    void setSync(bool enabled, SyncMode primitive);
    void setRate(double msgsPerS);
    bool killWorker(int lane, int slot);

    bool running() const { return !lanes_.empty() || busy_; }
    bool paused() const { return paused_; }
    bool busy() const { return busy_; } // a sweep or isolation run in the background
    const std::vector<std::unique_ptr<Lane>>& lanes() const { return lanes_; }
    const std::vector<SweepPoint>& sweepPoints() const { return sweepPoints_; }
    const Table& isolationTable() const { return isolation_; }
    double lastAckMs() const { return lastAckMs_; }
    ExperimentKind experiment() const { return experiment_; }

    // One sampling step (the timer calls it; tests may call it directly).
    void tick();

signals:
    void started();
    void sampled();
    void stopped();
    // Every worker of the stopping run has been reaped; the lanes are still readable (their
    // exit statuses are final) and go away right after.
    void reaped();
    void error(const QString& message);
    void workerExited(const QString& message);
    void syncObeyed(double milliseconds);
    void sweepPointAdded(int done, int total);
    void isolationFinished();
    void status(const QString& message);

private:
    void startBackground(const ExperimentConfig& cfg);
    void finishBackground();
    void joinBackground();

    QTimer timer_;
    std::vector<std::unique_ptr<Lane>> lanes_;
    ExperimentKind experiment_ = ExperimentKind::Stream;
    bool paused_ = false;
    // A pending sync change: when every worker acknowledged it, report how long that took.
    std::optional<std::pair<uint32_t, uint64_t>> pendingAck_;
    double lastAckMs_ = -1;
    // Sweep / isolation run on a plain thread; results come back by queued calls.
    std::thread background_;
    std::atomic<bool> cancel_{false};
    bool busy_ = false;
    std::vector<SweepPoint> sweepPoints_;
    Table isolation_;
};

} // namespace ipclab::ui
