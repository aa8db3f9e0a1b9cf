#pragma once
// An item a live chart draws over its plot area (ChartGrid, ChartLines): a child of the chart
// that follows the plot area as the chart lays itself out and repaints when asked to follow.
#include <QGraphicsItem>
#include <QRectF>

class QChart;

namespace ipclab::ui {

class PlotAreaItem : public QGraphicsItem {
protected:
    // At Qt Charts' depth `z` among the chart's own items; takes no mouse buttons.
    PlotAreaItem(QChart* chart, qreal z);
    // The plot area (or an axis) changed: take the new area and repaint.
    void follow();
    QChart* chart_;
    QRectF area_;
};

} // namespace ipclab::ui
