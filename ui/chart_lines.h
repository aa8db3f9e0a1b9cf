#pragma once
// The lines of a live time chart, drawn as one item of the chart's scene from its own points.
// Qt Charts, for each new set of points, builds a stroked outline of the whole line for mouse
// hit tests (QPainterPathStroker in LineChartItem::updateGeometry), and strokes a dashed series
// as one path rasterized over the whole plot: with a minute of history these were a sixth and a
// fifth of the window's CPU in `perf` (`--bench-ui --seconds 60`, four charts redrawing 7.5
// times a second each). Here every segment, and every dash, is a short line of its own, the way
// Qt Charts draws a solid series. The chart keeps its series, empty and without a pen, for its
// axes and legend; as an item of the scene the lines are in every export.
#include "plot_area_item.h"

#include <QList>
#include <QPen>
#include <QPolygonF>

class QLineSeries;
class QValueAxis;

namespace ipclab::ui {

class ChartLines : public PlotAreaItem {
public:
    // `x`: the time axis every series shares.
    ChartLines(QChart* chart, QValueAxis* x);
    struct Line {
        QLineSeries* series;   // its legend entry and visibility (it holds no points)
        QValueAxis* y;         // the axis it is plotted against
        QPen pen;              // how it is drawn
        QList<QPointF> points; // (time, value) in the axes' units
    };
    void setLines(QList<Line> lines);
    void setPoints(int i, QList<QPointF> points);
    void clearPoints();
    QList<QPointF> points(int i) const { return i >= 0 && i < lines_.size() ? lines_[i].points : QList<QPointF>(); }
    QRectF boundingRect() const override { return area_; }
    void paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    // Line i's points in item coordinates, where Qt Charts would put them (tests).
    QPolygonF mapped(int i) const;
    // A polyline cut into the dashes of `pattern` (in pen widths, as QPen::dashPattern()),
    // its phase carried across vertices; a dash round a corner is one polyline.
    static QList<QPolygonF> dashes(const QPolygonF& poly, const QList<qreal>& pattern, qreal width);

private:
    QValueAxis* x_;
    QList<Line> lines_;
    QList<QValueAxis*> watched_; // y axes whose range changes repaint the lines
};

} // namespace ipclab::ui
