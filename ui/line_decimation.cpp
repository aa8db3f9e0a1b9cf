#include "line_decimation.h"

#include <cmath>

namespace ipclab::ui {

QList<QPointF> decimateToColumns(const QList<QPointF>& in, double x0, double columnWidth) {
    const qsizetype n = in.size();
    if (!(columnWidth > 0) || n <= 2) return in;
    QList<QPointF> out;
    out.reserve(std::min<qsizetype>(n, 2 * static_cast<qsizetype>((in.back().x() - in.front().x()) / columnWidth + 2)));
    auto column = [&](qsizetype i) { return std::floor((in[i].x() - x0) / columnWidth); };
    for (qsizetype i = 0; i < n;) {
        const double c = column(i);
        qsizetype lo = i, hi = i, j = i + 1;
        for (; j < n && column(j) == c; ++j) {
            if (in[j].y() < in[lo].y()) lo = j;
            if (in[j].y() > in[hi].y()) hi = j;
        }
        out.append(in[std::min(lo, hi)]);
        if (hi != lo) out.append(in[std::max(lo, hi)]);
        i = j;
    }
    // The line ends at the newest value (the chart's right edge is "now").
    if (out.back() != in.back()) out.append(in.back());
    return out;
}

} // namespace ipclab::ui
