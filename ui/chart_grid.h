#pragma once
// The grid of a live time chart, drawn as one item of the chart's scene: whole-pixel lines with
// antialiasing off (solid fills), where Qt Charts draws each grid line as its own item through
// the antialiasing rasterizer, pixel by pixel: measured with perf under --bench-ui, a quarter of
// the window's CPU went to the grid of charts that redraw several times a second. The lines sit
// where Qt Charts would put them (the axes' own ranges and tick settings); as an item of the
// scene it is in every export too (exports render the scene).
#include "plot_area_item.h"

#include <vector>

class QChart;
class QValueAxis;

namespace ipclab::ui {

class ChartGrid : public PlotAreaItem {
public:
    // Takes over the grid of `vertical` (x) and `horizontal` (y) axes of `chart`: their own grid
    // lines are switched off, and this item (a child of the chart, at Qt Charts' grid depth)
    // draws them. Also the axis lines and tick marks of those and of `right` (a second y axis,
    // optional): Qt Charts draws each as an antialiased line item of its own, 19 on a chart with
    // two y axes, 7 % of the window's CPU in `perf` under `--bench-ui`.
    ChartGrid(QChart* chart, QValueAxis* vertical, QValueAxis* horizontal, QValueAxis* right = nullptr);
    static constexpr double kTickLength = 4; // as Qt Charts' own
    // The plot area and the ticks outside it.
    QRectF boundingRect() const override { return area_.adjusted(-kTickLength - 1, -1, kTickLength + 1, kTickLength + 1); }
    void paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    // Where the lines are, in item coordinates (tests).
    std::vector<double> verticalLines() const;
    std::vector<double> horizontalLines() const { return ticksOf(y_); }
    std::vector<double> rightTicks() const { return ticksOf(right_); } // the right axis's ticks (y)

private:
    std::vector<double> ticksOf(const QValueAxis* y) const; // where a y axis has its ticks
    QValueAxis* x_;
    QValueAxis* y_;
    QValueAxis* right_;
};

} // namespace ipclab::ui
