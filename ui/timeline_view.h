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

#include <optional>

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
    // Every lane's label inside its column (wrapped at most to the lane's height) and the
    // caption inside the width: what a larger font (presenter mode) must not break.
    bool textFits() const;

private:
    // Where the parts go, measured from the theme's fonts: the label column as wide as the
    // longest label (at most 45 % of the width; a longer one wraps), the caption and the axis
    // and legend below the lanes as tall as their text.
    struct Layout {
        QRectF plot;
        double labelW = 0, captionW = 0, captionH = 0, tickH = 0, legendRowH = 0;
    };
    // Measured again only when something it is measured from changed (it is asked every paint,
    // up to 30 a second while the timeline is shown): the size, the font, the texts.
    const Layout& layout() const;
    struct LayoutKey {
        QSizeF size;
        QFont font;
        QString caption;
        QStringList labels, legend;
        bool operator==(const LayoutKey&) const = default;
    };
    LayoutKey layoutKey() const;
    Layout measureLayout(const LayoutKey& k) const; // from the texts the key holds
    mutable std::optional<std::pair<LayoutKey, Layout>> layout_;
    QString labelOf(const TimelineRow& r) const;
    QString caption() const;
    QFont titleFont() const;
    QStringList legendNames() const; // the states' names in the legend, "dead" last
    std::pair<double, double> shownSpan() const; // seconds since the run started, left and right edge
    double laneHeight(const QRectF& plot) const;
    double xOf(double t, const QRectF& plot) const;
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
