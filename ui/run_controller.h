#pragma once
// The UI's handle on running experiments, and the one place where live core types meet Qt. It
// turns the edited config into ExperimentRuns (one per lane: compare mode runs a shared-memory
// lane and a message-passing lane side by side), samples them on a fixed 30 Hz timer into a
// plain RunSample, and steers them through the control block. Views get the sample through
// `sampled()` and nothing else; there is no signal per message.
#include "ipclab/experiment/run_sample.h"

#include <QObject>
#include <QString>
#include <QElapsedTimer>
#include <QTimer>

#include <atomic>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

namespace ipclab::ui {

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
    // How shared-memory workers wait on a full or empty ring, live (every lane).
    void setWaitPolicy(WaitPolicy w);
    // CPU pressure, live: this many processes that only burn CPU (the first lane's run owns them).
    void setCpuHogs(int count);
    bool killWorker(int lane, int slot);

    bool running() const { return live() || busy_; }
    bool live() const { return !lanes_.empty(); } // worker processes of a live experiment exist
    bool paused() const { return paused_; }
    bool busy() const { return busy_; } // a sweep or isolation run in the background
    // The latest sample: the last run's after it stopped, until the next one starts.
    const RunSample& sample() const { return sample_; }
    double lastAckMs() const { return lastAckMs_; }
    ExperimentKind experiment() const { return experiment_; }

    // One sampling step (the timer calls it; tests may call it directly).
    void tick();
    // Stops or resumes the 30 Hz sampling of a live run: the UI benchmark's "nobody looking"
    // windows, where the workers run on and nothing in this process wakes up.
    void setSampling(bool on);
    // While the window's scene animates (60 Hz), it drives the sampling: each frame calls
    // frameTick(), which samples when one is due (every other frame), so the window wakes up
    // once for both instead of on two unrelated clocks. Off (window hidden or minimized), the
    // controller's own 30 Hz timer samples, as recordings need.
    void setFrameClock(bool on);
    void frameTick();
    bool ownClock() const { return timer_.isActive(); } // sampling on its own timer (tests)

signals:
    void started();
    void sampled(const ipclab::RunSample& sample);
    void stopped();
    void error(const QString& message);
    void workerExited(const QString& message);
    void syncObeyed(double milliseconds);
    void sweepPointAdded(int done, int total);
    void isolationFinished();
    void status(const QString& message);

private:
    struct Lane;
    void startBackground(const ExperimentConfig& cfg);
    void finishBackground();
    void joinBackground();

    void syncTimer(); // the own timer runs when live, sampling, and no frame clock
    QTimer timer_;
    bool frameClock_ = false;
    bool sampling_ = true;
    QElapsedTimer sinceTick_;
    std::vector<std::unique_ptr<Lane>> lanes_;
    RunSample sample_;
    ExperimentKind experiment_ = ExperimentKind::Stream;
    bool paused_ = false;
    // A pending sync change: when every worker acknowledged it, report how long that took.
    std::optional<std::pair<uint32_t, uint64_t>> pendingAck_;
    double lastAckMs_ = -1;
    // Sweep / isolation run on a plain thread; results come back by queued calls.
    std::thread background_;
    std::atomic<bool> cancel_{false};
    bool busy_ = false;
};

} // namespace ipclab::ui
