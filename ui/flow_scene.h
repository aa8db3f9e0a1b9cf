#pragma once
// The textbook figure, made live: user space on top with one box per worker process (real PIDs),
// the shared segment mapped into their address spaces; kernel space below the user/kernel
// boundary with the transport's kernel object. Tokens move along the path real messages take,
// at a rate derived from measured throughput (log scale) or, in slow motion, one token per
// sampled message event with its producer and sequence number.
//
// The figure is painted by one item from a plain state struct that `update(controller)` fills
// 30 times a second; a separate 60 Hz animation timer only moves tokens, so neither blocks.
#include "chart_theme.h"
#include "ipclab/config/experiment_config.h"
#include "ipclab/telemetry/telemetry.h"

#include <QElapsedTimer>
#include <QGraphicsObject>
#include <QGraphicsView>
#include <QTimer>

#include <deque>
#include <vector>

namespace ipclab::ui {

class RunController;

struct FlowWorker {
    int pid = 0;
    WorkerRole role = WorkerRole::Producer;
    WorkerState state = WorkerState::Starting;
    bool dead = false;
    QString exitText;
};

struct FlowLane {
    ExperimentKind experiment = ExperimentKind::Stream;
    TransportKind transport = TransportKind::SharedMemory;
    SyncMode sync = SyncMode::None;
    std::vector<FlowWorker> workers;
    double rate = 0;           // msgs/s (or updates/s) measured
    double syscallsPerMsg = 0; // measured
    double waitCallsPerMsg = 0; // of those, only waiting or waking (no data moved)
    double sendCallsPerMsg = 0;    // data-moving calls, sending side
    double receiveCallsPerMsg = 0; // data-moving calls, receiving side
    double inFlight = 0;       // sent - received: what sits in the ring / kernel buffer
    double capacity = 1;       // how much the buffer holds (messages)
    uint64_t lost = 0, inconsistent = 0;
    uint64_t raceCounter = 0;
    double flash = 0;          // 1 right after a collision, decays to 0
    bool slowMotion = false;
    bool stopped = false;      // the run ended: the picture stays, nothing moves
    QString objectName;
};

struct FlowToken {
    int lane = 0;
    int from = 0, to = 0;     // worker indexes
    bool back = false;        // pingpong reply / race write-back
    double t = 0;             // 0..1 along the path
    double speed = 1;         // path fractions per second
    QString label;            // "P0 #12" in slow motion
    bool collision = false;
};

class FlowFigure : public QGraphicsObject {
    Q_OBJECT
public:
    static constexpr double kWidth = 1000, kHeight = 540;
    FlowFigure();
    QRectF boundingRect() const override { return {0, 0, kWidth, kHeight}; }
    void paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) override;

    void setTheme(const ChartTheme& t) { theme_ = t; update(); }
    // New data. What a viewer reads (rates, calls per message, fill) is re-rendered at most
    // kRenderHz; what changes the picture's meaning (a worker's state, a death, a loss, a
    // stop) at once. The 60 Hz frames in between only move the tokens.
    void setLanes(std::vector<FlowLane> lanes);
    // Called every frame: renders data that was held back, once it is due.
    void renderIfDue();
    const std::vector<FlowLane>& lanes() const { return lanes_; }
    void setIsolation(QStringList lines) { isolation_ = std::move(lines); update(); }
    std::deque<FlowToken>& tokens() { return tokens_; }
    void advance(double dtS);
    QGraphicsItem* tokenLayer() const { return tokenLayer_; }
    void paintTokens(QPainter* p) const;

private:
    QRectF laneRect(int lane) const;
    QRectF workerRect(int lane, int index) const;
    QRectF segmentRect(int lane) const;
    QRectF kernelRect(int lane) const;
    QPointF pathPoint(const FlowToken& tok, double t) const;
    void paintLane(QPainter* p, int lane);
    void paintIsolation(QPainter* p);

    ChartTheme theme_;
    std::vector<FlowLane> lanes_;
    std::deque<FlowToken> tokens_;
    QStringList isolation_;
    QGraphicsItem* tokenLayer_; // child item: deleted with the figure
    static constexpr int kRenderHz = 10;
    QString meaningKey_;      // what, if it changes, is rendered at once
    QElapsedTimer rendered_;  // since the last render of held-back data
    bool pending_ = false;    // new data not rendered yet
};

class FlowView : public QGraphicsView {
    Q_OBJECT
public:
    explicit FlowView(QWidget* parent = nullptr);
    // Pulls the latest sample from the controller (called on each `sampled()`).
    void updateFrom(const RunController& controller);
    void showIsolation(const QStringList& lines);
    // The run ended: keep its last picture but stop spawning tokens (no more messages flow).
    void markStopped();
    void clear();
    void setTheme(const ChartTheme& t);
    FlowFigure* figure() const { return figure_; }
    // Frame statistics for --bench-ui: intervals between animation frames and time spent in them.
    const std::vector<double>& frameIntervalsMs() const { return intervals_; }
    const std::vector<double>& frameWorkMs() const { return work_; }
    // The same work in CPU time of the UI thread: what is left when preemption is taken out.
    const std::vector<double>& frameCpuMs() const { return cpu_; }
    void resetFrameStats();
    int tokenCount() const { return static_cast<int>(figure_->tokens().size()); }

signals:
    // Each animation tick (60 Hz), after the tokens moved: other deferred UI work done here
    // starts right after a tick, so it cannot make the next one late.
    void frameStarted();

protected:
    void resizeEvent(QResizeEvent* e) override;
    void paintEvent(QPaintEvent* e) override;

private:
    void animate();
    void spawn(int lane, const FlowLane& l, double seconds);

    QGraphicsScene scene_;
    FlowFigure* figure_;
    QTimer anim_;
    QElapsedTimer clock_;
    qint64 lastFrameNs_ = 0;
    std::vector<double> intervals_, work_, cpu_;
    std::vector<double> spawnDebt_;
    std::vector<std::deque<EventRecord>> pendingEvents_;
    int roundRobin_ = 0;
};

} // namespace ipclab::ui
