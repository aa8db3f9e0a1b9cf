#pragma once
// The timeline: one swim lane per worker process (PID and role), time flowing left to right
// over the last seconds, each bar coloured by the state the worker published (running, in the
// kernel, waiting for the lock, holding it, paused, dead). Sampled 30 times a second, as its
// caption says. Hover names the state and the interval; it is a QGraphicsView so it exports
// like every chart (PNG, SVG, PDF, CSV of the intervals).
#include "chart_theme.h"
#include "ipclab/experiment/state_timeline.h"

#include <QGraphicsObject>
#include <QGraphicsScene>
#include <QGraphicsView>

namespace ipclab::ui {

class TimelineItem : public QGraphicsObject {
    Q_OBJECT
public:
    explicit TimelineItem(const StateTimeline& timeline) : timeline_(timeline) {}
    QRectF boundingRect() const override { return {QPointF(0, 0), size_}; }
    void paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) override;
    void setSize(QSizeF s);
    void setTheme(const ChartTheme& t) { theme_ = t; update(); }
    // What is under a point: "PID 123 consumer: in kernel, 2.31–2.40 s (90 ms)", or "".
    QString describeAt(QPointF pos) const;

private:
    QRectF plotRect() const;
    std::pair<double, double> shownSpan() const; // seconds since the run started, left and right edge
    double laneHeight() const;
    double xOf(double t) const;
    const StateTimeline& timeline_;
    QSizeF size_{800, 300};
    ChartTheme theme_;
};

class TimelineView : public QGraphicsView {
    Q_OBJECT
public:
    explicit TimelineView(QWidget* parent = nullptr);
    void add(const RunSample& sample);
    void clear();
    void setTheme(const ChartTheme& t) { item_->setTheme(t); }
    const StateTimeline& timeline() const { return timeline_; }
    TimelineItem* item() const { return item_; }
    QString csv() const { return QString::fromStdString(timeline_.csv()); }
    bool hasData() const { return !timeline_.rows().empty(); }

protected:
    void resizeEvent(QResizeEvent* e) override;
    void mouseMoveEvent(QMouseEvent* e) override;

private:
    StateTimeline timeline_;
    QGraphicsScene scene_;
    TimelineItem* item_;
};

} // namespace ipclab::ui
