#pragma once
// The scene's view: fits the figure to the widget, turns each RunSample into FlowLanes
// (flow_model.h), and runs the 60 Hz animation that moves tokens along the path real messages
// take, at a rate derived from measured throughput (log scale) or, in slow motion, one token per
// sampled message event with its producer and sequence number. It also keeps the frame
// statistics that --bench-ui reports.
#include "flow_figure.h"

#include <QElapsedTimer>
#include <QGraphicsView>
#include <QTimer>

#include <deque>
#include <vector>

namespace ipclab::ui {

class FlowView : public QGraphicsView {
    Q_OBJECT
public:
    explicit FlowView(QWidget* parent = nullptr);
    // Draws this sample (called on each `sampled()`; a recorded sample works the same). Its
    // numbers are re-rendered when `numbersDue` (see FlowFigure::setLanes).
    void update(const RunSample& sample, bool numbersDue = true);
    void showIsolation(const QStringList& lines);
    // The run ended: keep its last picture but stop spawning tokens (no more messages flow).
    void markStopped();
    void clear();
    void setTheme(const ChartTheme& t);
    // Presenter mode's figure: large text, a layout made for it (FlowFigure::setLarge). The
    // normal window takes that layout too wherever its own would draw words under
    // kLeastNormalPx on screen (a 1280x720 or 1920x1080 projector: 6-10 px).
    void setPresenter(bool on);
    bool large() const { return figure_->large(); }
    // A slide of this shape (width / height): the figure takes it, in the large layout (a slide
    // is read from the back row), and this returns what to draw; 0: back to the view's shape.
    QRectF shapeForSlide(double aspect);
    static constexpr double kLeastNormalPx = 12;
    // The smallest text of the last paint, in screen pixels: what the back row has to read.
    double smallestTextPx() const;
    FlowFigure* figure() const { return figure_; }
    // Frame statistics for --bench-ui: intervals between animation frames and time spent in them.
    const std::vector<double>& frameIntervalsMs() const { return intervals_; }
    const std::vector<double>& frameWorkMs() const { return work_; }
    // The same work in CPU time of the UI thread: what is left when preemption is taken out.
    const std::vector<double>& frameCpuMs() const { return cpu_; }
    // For each paint of the view, the share of it repainted (0..1): tokens moving should repaint
    // a few small rectangles, the figure itself only when its data is due (FlowFigure::kRenderHz).
    const std::vector<double>& paintedShare() const { return painted_; }
    void resetFrameStats();
    int tokenCount() const { return static_cast<int>(figure_->tokens().size()); }

signals:
    // Each animation tick (60 Hz), after the tokens moved: other deferred UI work done here
    // starts right after a tick, so it cannot make the next one late.
    void frameStarted();
    // The 60 Hz animation started (the window came on screen) or stopped (hidden, minimized).
    void animating(bool on);

protected:
    void resizeEvent(QResizeEvent* e) override;
    void showEvent(QShowEvent* e) override;
    void hideEvent(QHideEvent* e) override;
    void paintEvent(QPaintEvent* e) override;

private:
    // Where the tokens are drawn, in viewport pixels (with a margin for antialiasing).
    std::vector<QRect> tokenUpdateRects() const;
    // Repaints these (the tokens' places before and after a frame's move).
    void repaintTokens(std::vector<QRect> rects);
    void fit();
    void animate();
    void spawn(int lane, const FlowLane& l, double seconds);

    QGraphicsScene scene_;
    FlowFigure* figure_;
    QTimer anim_;
    QElapsedTimer clock_;
    qint64 lastFrameNs_ = 0;
    std::vector<double> intervals_, work_, cpu_, painted_;
    std::vector<double> spawnDebt_;
    std::vector<std::deque<EventRecord>> pendingEvents_;   // slow motion: sends not yet drawn
    std::vector<std::vector<EventRecord>> pendingReceived_; // slow motion: receipts to apply
    int roundRobin_ = 0;
    bool presenter_ = false;
};

} // namespace ipclab::ui
