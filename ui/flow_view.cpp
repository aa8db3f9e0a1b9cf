#include "flow_view.h"

#include <QResizeEvent>
#include <QPaintEvent>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <tuple>

namespace ipclab::ui {

namespace {
double threadCpuMs() {
    timespec ts{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

// Receivers sit on the right of a lane and are where tokens end.
bool isReceiver(WorkerRole r) { return r == WorkerRole::Consumer || r == WorkerRole::Ponger; }
} // namespace


FlowView::FlowView(QWidget* parent) : QGraphicsView(parent), figure_(new FlowFigure) {
    scene_.addItem(figure_);
    scene_.setSceneRect(figure_->boundingRect());
    setScene(&scene_);
    setRenderHint(QPainter::Antialiasing);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Each frame repaints only where tokens were and are (FlowView::animate); a data change
    // repaints the figure.
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    // The figure covers the view but for fitInView's 2 px margin, which the view's background
    // brush (the figure's colour, setTheme) fills: nothing under it needs painting first (Qt
    // filled the window's and the viewport's backgrounds under every token frame's rectangles).
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    setBackgroundBrush(figure_->background());
    setMinimumSize(320, 180);
    anim_.setTimerType(Qt::PreciseTimer);
    anim_.setInterval(16); // ~60 fps
    connect(&anim_, &QTimer::timeout, this, &FlowView::animate);
    clock_.start(); // the animation runs while the window is on screen (showEvent)
}

// A hidden or minimized window draws nothing, so it does not wake up 60 times a second either.
// (Only for the window as a whole: the main window refreshes its charts on this tick.)
void FlowView::showEvent(QShowEvent* e) {
    QGraphicsView::showEvent(e);
    if (!anim_.isActive()) {
        lastFrameNs_ = 0; // the time it was off is not a frame interval
        anim_.start();
        emit animating(true);
    }
}

void FlowView::hideEvent(QHideEvent* e) {
    QGraphicsView::hideEvent(e);
    if (anim_.isActive() && (!window()->isVisible() || window()->isMinimized())) {
        anim_.stop();
        emit animating(false);
    }
}

void FlowView::resizeEvent(QResizeEvent* e) {
    QGraphicsView::resizeEvent(e);
    fit();
}

void FlowView::fit() {
    // The figure takes the view's shape (no empty bands beside it), then fills it. Where the
    // normal layout would be drawn too small to read, the large one (decided on the normal
    // layout's size, so the choice cannot flip back and forth).
    // (The layout first: the shape depends on it, and one reshape follows.)
    QSize v = viewport()->size();
    const bool valid = v.width() > 4 && v.height() > 4;
    const double aspect = valid ? static_cast<double>(v.width()) / v.height() : 0;
    bool small = false;
    if (valid) {
        const QSizeF normal = FlowFigure::shapeFor(aspect, false);
        const double scale = std::min((v.width() - 4) / normal.width(), (v.height() - 4) / normal.height()); // (fitInView's margin)
        small = figure_->leastNormalPt() * logicalDpiY() / 72.0 * scale < kLeastNormalPx;
    }
    figure_->setLarge(presenter_ || small);
    if (valid) figure_->setAspect(aspect);
    scene_.setSceneRect(figure_->boundingRect());
    fitInView(figure_, Qt::KeepAspectRatio);
}

QRectF FlowView::shapeForSlide(double aspect) {
    if (aspect > 0) {
        figure_->setLarge(true);
        figure_->setAspect(aspect);
    } else {
        fit();
    }
    return figure_->boundingRect();
}

void FlowView::setPresenter(bool on) {
    presenter_ = on;
    fit();
}

double FlowView::smallestTextPx() const {
    return figure_->smallestTextPt() * logicalDpiY() / 72.0 * transform().m11();
}

void FlowView::setTheme(const ChartTheme& t) {
    figure_->setTheme(t);
    setBackgroundBrush(figure_->background());
    fit(); // (its fonts decide the layout)
}

void FlowView::clear() {
    figure_->setLanes({});
    figure_->setIsolation({});
    figure_->tokens().clear();
    pendingEvents_.clear();
    pendingReceived_.clear();
    spawnDebt_.clear();
}

void FlowView::markStopped() {
    auto lanes = figure_->lanes();
    for (auto& l : lanes) {
        l.stopped = true;
        for (auto& w : l.workers) w.state = WorkerState::Exited;
    }
    for (auto& p : pendingEvents_) p.clear();
    for (auto& p : pendingReceived_) p.clear();
    figure_->setLanes(std::move(lanes));
}

void FlowView::showIsolation(const QStringList& lines) {
    figure_->tokens().clear();
    figure_->setIsolation(lines);
}

void FlowView::resetFrameStats() {
    intervals_.clear();
    work_.clear();
    cpu_.clear();
    painted_.clear();
}

void FlowView::update(const RunSample& sample, bool numbersDue) {
    if (sample.lanes.empty()) return; // keep the last picture (a sweep or isolation run, or after Stop)
    figure_->setIsolation({});
    std::vector<FlowLane> lanes = flowLanes(sample, figure_->lanes());
    pendingEvents_.resize(lanes.size());
    pendingReceived_.resize(lanes.size());
    for (std::size_t i = 0; i < lanes.size(); ++i) {
        if (!lanes[i].slowMotion || lanes[i].stopped) continue;
        for (const auto& e : sample.lanes[i].newEvents) {
            if (e.kind == EventKind::Sent) pendingEvents_[i].push_back(e);
            else if (e.kind == EventKind::Received) pendingReceived_[i].push_back(e);
        }
    }
    if (figure_->lanes().size() != lanes.size()) figure_->tokens().clear();
    figure_->setLanes(std::move(lanes), numbersDue);
}

void FlowView::spawn(int lane, const FlowLane& l, double seconds) {
    // Which workers does a token travel between?
    std::vector<int> senders, receivers;
    for (int i = 0; i < static_cast<int>(l.workers.size()); ++i) {
        if (l.workers[static_cast<std::size_t>(i)].dead) continue;
        (isReceiver(l.workers[static_cast<std::size_t>(i)].role) ? receivers : senders).push_back(i);
    }
    if (l.stopped || senders.empty()) return;
    if (receivers.empty()) receivers = senders;
    double speed = l.slowMotion ? 0.5 : 0.9;
    auto make = [&](int from, int to, bool back, QString label) {
        FlowToken t{lane, from, to, back, 0.0, speed, std::move(label), false};
        t.collision = l.flash > 0.5 && (roundRobin_ % 2 == 0); // red while collisions are being detected
        figure_->tokens().push_back(t);
    };
    if (l.slowMotion) {
        // One token per real message: down into the medium quickly, then it waits there until
        // the message is received, then on to the consumer that received it.
        auto& pend = pendingEvents_[static_cast<std::size_t>(lane)];
        while (!pend.empty()) {
            const EventRecord& e = pend.front();
            int from = senders[std::min<std::size_t>(e.producer, senders.size() - 1)];
            int to = receivers[static_cast<std::size_t>(roundRobin_++) % receivers.size()];
            make(from, to, false, QStringLiteral("P%1 #%2").arg(e.producer).arg(e.seq));
            FlowToken& t = figure_->tokens().back();
            t.producer = e.producer;
            t.seq = e.seq;
            t.waits = true;
            t.speed = 1.0;
            std::tie(t.mediumFrom, t.mediumTo) = figure_->mediumSpan(t);
            pend.pop_front();
        }
        // A consumer may publish its receipt before the producer, back from its send, publishes
        // the send: a receipt without its token yet is kept until the token comes (or, after 64
        // more, dropped: its send was never sampled).
        auto& got = pendingReceived_[static_cast<std::size_t>(lane)];
        std::vector<EventRecord> unmatched;
        for (const EventRecord& e : got) {
            bool matched = false;
            for (FlowToken& t : figure_->tokens()) {
                if (t.lane != lane || !t.waits || t.producer != e.producer || t.seq != e.seq) continue;
                t.waits = false;
                for (int i = 0; i < static_cast<int>(l.workers.size()); ++i)
                    if (l.workers[static_cast<std::size_t>(i)].slot == static_cast<int>(e.worker)) t.to = i;
                std::tie(t.mediumFrom, t.mediumTo) = figure_->mediumSpan(t); // the path to that consumer
                t.skipsMedium = true;
                if (t.t >= t.mediumFrom && t.t < t.mediumTo) t.t = t.mediumTo;
                matched = true;
                break;
            }
            if (!matched) unmatched.push_back(e);
        }
        if (unmatched.size() > 64) unmatched.erase(unmatched.begin(), unmatched.end() - 64);
        got = std::move(unmatched);
        // Waiting tokens queue in the medium in arrival order, the oldest at its far end.
        int k = 0;
        for (FlowToken& t : figure_->tokens()) {
            if (t.lane != lane || !t.waits) continue;
            t.holdAt = std::max(t.mediumFrom, t.mediumTo - 0.012 - 0.022 * k++); // the span kept at spawn
        }
        return;
    }
    if (l.rate <= 0) return;
    // Log scale: 10 msgs/s → 2 tokens/s, 1 M msgs/s → 12 tokens/s.
    double perS = 2.0 * std::log10(std::max(10.0, l.rate));
    spawnDebt_[static_cast<std::size_t>(lane)] += perS * seconds;
    while (spawnDebt_[static_cast<std::size_t>(lane)] >= 1.0) {
        spawnDebt_[static_cast<std::size_t>(lane)] -= 1.0;
        int k = roundRobin_++;
        int from = senders[static_cast<std::size_t>(k) % senders.size()];
        if (l.experiment == ExperimentKind::Race) {
            make(from, from, (k & 1) != 0, {});
        } else if (l.experiment == ExperimentKind::PingPong) {
            make(from, receivers.front(), (k & 1) != 0, {});
        } else {
            make(from, receivers[static_cast<std::size_t>(k / std::max<std::size_t>(1, senders.size())) % receivers.size()], false, {});
        }
    }
}

std::vector<QRect> FlowView::tokenUpdateRects() const {
    std::vector<QRect> out;
    for (const QRectF& r : figure_->tokenRects()) out.push_back(mapFromScene(r).boundingRect().adjusted(-2, -2, 2, 2));
    return out;
}

void FlowView::repaintTokens(std::vector<QRect> rects) {
    // Straight to the viewport, not through the item's update(rect), which merges each item's
    // rectangles into one bounding rectangle (for tokens spread over the figure, half the view
    // repainted at every frame). Rectangles of one column (a token's place before and after a
    // frame's move, tokens queued on one path) are merged first: each update() adds to the dirty
    // region, and 200 small ones a frame were 4 % of the UI thread.
    std::sort(rects.begin(), rects.end(), [](const QRect& a, const QRect& b) {
        return a.left() != b.left() ? a.left() < b.left() : a.top() < b.top();
    });
    std::vector<QRect> merged;
    for (const QRect& r : rects) {
        if (!merged.empty()) {
            QRect& m = merged.back();
            if (std::abs(m.left() - r.left()) <= 2 && std::abs(m.right() - r.right()) <= 2 && r.top() <= m.bottom() + 4 &&
                r.bottom() >= m.top() - 4) { // (touching or overlapping: never a tall rectangle over a gap)
                m |= r;
                continue;
            }
        }
        merged.push_back(r);
    }
    for (const QRect& r : merged) viewport()->update(r);
}

void FlowView::animate() {
    qint64 now = clock_.nsecsElapsed();
    double cpu0 = threadCpuMs();
    double dt = lastFrameNs_ ? static_cast<double>(now - lastFrameNs_) / 1e9 : 0.016;
    if (lastFrameNs_) intervals_.push_back(static_cast<double>(now - lastFrameNs_) / 1e6);
    lastFrameNs_ = now;
    // New data is rendered right after a tick, as is the main window's deferred work: a long
    // paint between two ticks would make the second late.
    figure_->renderIfDue();
    emit frameStarted();
    const auto& lanes = figure_->lanes();
    bool live = std::any_of(lanes.begin(), lanes.end(), [](const FlowLane& l) { return !l.stopped || l.flash > 0; });
    if (!live && figure_->tokens().empty()) return; // an idle window costs no CPU; setters repaint on change
    // Each frame repaints where the tokens were (before anything below moves, re-routes or drops
    // one) and where they are after it: not the whole figure, whose blit over the whole view was
    // most of a frame's cost. The figure itself repaints when its data changes.
    std::vector<QRect> rects = tokenUpdateRects();
    spawnDebt_.resize(lanes.size(), 0.0);
    pendingEvents_.resize(lanes.size());
    pendingReceived_.resize(lanes.size());
    for (int i = 0; i < static_cast<int>(lanes.size()); ++i) spawn(i, lanes[static_cast<std::size_t>(i)], dt);
    if (figure_->tokens().size() > 400) figure_->tokens().erase(figure_->tokens().begin(), figure_->tokens().end() - 400);
    figure_->advance(dt);
    std::vector<QRect> after = tokenUpdateRects();
    rects.insert(rects.end(), after.begin(), after.end());
    repaintTokens(std::move(rects));
    work_.push_back(static_cast<double>(clock_.nsecsElapsed() - now) / 1e6);
    cpu_.push_back(threadCpuMs() - cpu0);
    if (intervals_.size() > 100000) resetFrameStats();
}

void FlowView::paintEvent(QPaintEvent* e) {
    // The frame's work is the animation step plus its paint.
    qint64 t0 = clock_.nsecsElapsed();
    double cpu0 = threadCpuMs();
    figure_->setPaintRegion(e->region());
    QGraphicsView::paintEvent(e);
    figure_->setPaintRegion({});
    // Share of the view this paint covered (a token frame: a few small rectangles; a re-render
    // of the figure: all of it).
    QSize v = viewport()->size();
    if (v.width() > 0 && v.height() > 0) {
        double px = 0;
        for (const QRect& r : e->region()) px += static_cast<double>(r.width()) * r.height();
        painted_.push_back(std::min(1.0, px / (static_cast<double>(v.width()) * v.height())));
    }
    if (!work_.empty()) work_.back() += static_cast<double>(clock_.nsecsElapsed() - t0) / 1e6;
    if (!cpu_.empty()) cpu_.back() += threadCpuMs() - cpu0;
}

} // namespace ipclab::ui
