#pragma once
// An item a live chart draws over its plot area (ChartGrid, ChartLines): a child of the chart
// that follows the plot area as the chart lays itself out and repaints when asked to follow.
#include <QGraphicsItem>
#include <QRectF>

class QChart;
class QValueAxis;

namespace ipclab::ui {

class PlotAreaItem : public QGraphicsItem {
protected:
    // At Qt Charts' depth `z` among the chart's own items; takes no mouse buttons.
    PlotAreaItem(QChart* chart, qreal z);
    // The plot area (or an axis) changed: take the new area and repaint.
    void follow();
    // Where value v of axis a falls in item coordinates, as Qt Charts maps it: x from the plot's
    // left edge, y up from its bottom edge (the axis's range must not be empty).
    double xAt(const QValueAxis* a, double v) const;
    double yAt(const QValueAxis* a, double v) const;
    QChart* chart_;
    QRectF area_;
};

} // namespace ipclab::ui
