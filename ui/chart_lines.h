#pragma once
// The lines of a live time chart, drawn as one item of the chart's scene. Qt Charts strokes a
// dashed series as one path across the whole plot (a dash stroker, then the antialiasing
// rasterizer over the plot's area): with a minute of history that was a fifth of the window's
// CPU in `perf` under `--bench-ui --seconds 60`, four charts redrawing 7.5 times a second each.
// Here every segment, and every dash, is a short line of its own, the way Qt Charts draws a
// solid series. The series stay in the chart (axes, legend, points) with no pen of their own;
// as an item of the scene the lines are in every export (exports render the scene).
#include <QGraphicsItem>
#include <QList>
#include <QPen>
#include <QPolygonF>

class QChart;
class QLineSeries;
class QValueAxis;

namespace ipclab::ui {

class ChartLines : public QGraphicsItem {
public:
    // `x`: the time axis every series shares.
    ChartLines(QChart* chart, QValueAxis* x);
    struct Line {
        QLineSeries* series; // its points and visibility
        QValueAxis* y;       // the axis it is plotted against
        QPen pen;            // how it is drawn (the series itself keeps Qt::NoPen)
    };
    void setLines(QList<Line> lines);
    QRectF boundingRect() const override { return area_; }
    void paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    // Line i's points in item coordinates, where Qt Charts would put them (tests).
    QPolygonF mapped(int i) const;
    // A polyline cut into the dashes of `pattern` (in pen widths, as QPen::dashPattern()),
    // its phase carried across vertices; a dash round a corner is one polyline.
    static QList<QPolygonF> dashes(const QPolygonF& poly, const QList<qreal>& pattern, qreal width);

private:
    void follow(); // the plot area or an axis changed
    QChart* chart_;
    QValueAxis* x_;
    QList<Line> lines_;
    QRectF area_;
};

} // namespace ipclab::ui
