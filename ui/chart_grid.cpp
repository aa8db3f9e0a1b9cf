#include "chart_grid.h"

#include <QChart>
#include <QPainter>
#include <QValueAxis>

#include <cmath>

namespace ipclab::ui {

namespace {
// Values where an axis has its ticks, as QValueAxis places them: dynamic ticks from the anchor
// every interval; fixed ones tickCount evenly from min to max.
std::vector<double> tickValues(const QValueAxis* a) {
    std::vector<double> v;
    double lo = a->min(), hi = a->max();
    if (!(hi > lo)) return v;
    if (a->tickType() == QValueAxis::TicksDynamic && a->tickInterval() > 0) {
        double step = a->tickInterval();
        double first = a->tickAnchor() + std::ceil((lo - a->tickAnchor()) / step - 1e-9) * step;
        for (double t = first; t <= hi + 1e-9 * step && v.size() < 1000; t += step) v.push_back(t);
        return v;
    }
    int n = std::max(2, a->tickCount());
    for (int i = 0; i < n; ++i) v.push_back(lo + (hi - lo) * i / (n - 1));
    return v;
}
} // namespace

// At Qt Charts' grid depth: above the plot area's background, below axes and series.
ChartGrid::ChartGrid(QChart* chart, QValueAxis* vertical, QValueAxis* horizontal, QValueAxis* right)
    : PlotAreaItem(chart, 2), x_(vertical), y_(horizontal), right_(right) {
    for (QValueAxis* a : {x_, y_, right_}) {
        if (!a) continue;
        a->setGridLineVisible(false);
        a->setMinorGridLineVisible(false);
        a->setLineVisible(false); // the axis line and its ticks: drawn here
        QObject::connect(a, &QValueAxis::rangeChanged, chart, [this] { follow(); });
        QObject::connect(a, &QValueAxis::tickIntervalChanged, chart, [this] { follow(); });
        QObject::connect(a, &QValueAxis::tickCountChanged, chart, [this] { follow(); });
    }
    follow();
}

std::vector<double> ChartGrid::verticalLines() const {
    std::vector<double> out;
    for (double t : tickValues(x_)) out.push_back(xAt(x_, t)); // (none for an empty range)
    return out;
}

std::vector<double> ChartGrid::ticksOf(const QValueAxis* y) const {
    std::vector<double> out;
    if (y)
        for (double t : tickValues(y)) out.push_back(yAt(y, t));
    return out;
}

void ChartGrid::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
    if (area_.isEmpty()) return;
    p->save();
    p->setRenderHint(QPainter::Antialiasing, false);
    QColor c = x_->gridLinePen().color();
    double w = std::max(1.0, x_->gridLinePen().widthF()); // as wide as Qt Charts' own grid pen
    const std::vector<double> xs = verticalLines(), ys = horizontalLines();
    for (double x : xs) p->fillRect(QRectF(x - w / 2, area_.top(), w, area_.height()), c);
    for (double y : ys) p->fillRect(QRectF(area_.left(), y - w / 2, area_.width(), w), c);
    // Axis lines on the plot's edges, ticks outward, in each axis's own line colour.
    const double t = kTickLength;
    auto axis = [&](const QValueAxis* a) { return std::pair{a->linePen().color(), std::max(1.0, a->linePen().widthF())}; };
    auto [xc, xw] = axis(x_);
    p->fillRect(QRectF(area_.left(), area_.bottom() - xw / 2, area_.width(), xw), xc);
    for (double x : xs) p->fillRect(QRectF(x - xw / 2, area_.bottom(), xw, t), xc);
    auto [yc, yw] = axis(y_);
    p->fillRect(QRectF(area_.left() - yw / 2, area_.top(), yw, area_.height()), yc);
    for (double y : ys) p->fillRect(QRectF(area_.left() - t, y - yw / 2, t, yw), yc);
    if (right_) {
        auto [rc, rw] = axis(right_);
        p->fillRect(QRectF(area_.right() - rw / 2, area_.top(), rw, area_.height()), rc);
        for (double y : rightTicks()) p->fillRect(QRectF(area_.right(), y - rw / 2, t, rw), rc);
    }
    p->restore();
}

} // namespace ipclab::ui
