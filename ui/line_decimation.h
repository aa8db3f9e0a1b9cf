#pragma once
// A line chart's points thinned to what its pixels can show: in each column of the plot (a few
// pixels wide) the lowest and the highest point, in time order, plus the series' last point.
// The line then covers the same pixels (every peak and dip stays), but a minute of samples at
// 30 a second (1,800 per series) no longer means 1,800 antialiased segments stroked per redraw
// on a chart a few hundred pixels wide: with four charts redrawing in turn, that was more than
// the whole window's CPU target in `--bench-ui --seconds 60`.
#include <QList>
#include <QPointF>

namespace ipclab::ui {

// `in` sorted by x. Columns are `columnWidth` wide in x's units, counted from `x0`. A column
// width <= 0 returns `in` unchanged.
QList<QPointF> decimateToColumns(const QList<QPointF>& in, double x0, double columnWidth);

} // namespace ipclab::ui
