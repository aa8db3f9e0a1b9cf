#include "chart_lines.h"

#include <QChart>
#include <QLineSeries>
#include <QPainter>
#include <QValueAxis>

#include <cmath>

namespace ipclab::ui {

// At Qt Charts' series depth: above the grid and the axes, below the legend.
ChartLines::ChartLines(QChart* chart, QValueAxis* x) : PlotAreaItem(chart, 4), x_(x) {
    QObject::connect(x_, &QValueAxis::rangeChanged, chart, [this] { follow(); });
    follow();
}

void ChartLines::setLines(QList<Line> lines) {
    for (const Line& l : lines)
        if (!watched_.contains(l.y)) {
            watched_.append(l.y);
            QObject::connect(l.y, &QValueAxis::rangeChanged, chart_, [this] { update(); });
        }
    lines_ = std::move(lines);
    update();
}

void ChartLines::setPoints(int i, QList<QPointF> points) {
    if (i < 0 || i >= lines_.size()) return;
    lines_[i].points = std::move(points);
    update();
}

void ChartLines::clearPoints() {
    for (Line& l : lines_) l.points.clear();
    update();
}

QPolygonF ChartLines::mapped(int i) const {
    QPolygonF out;
    if (i < 0 || i >= lines_.size() || area_.isEmpty()) return out;
    const Line& l = lines_[i];
    if (!(x_->max() > x_->min()) || !(l.y->max() > l.y->min())) return out;
    out.reserve(l.points.size());
    for (const QPointF& p : l.points) out.append({xAt(x_, p.x()), yAt(l.y, p.y())});
    return out;
}

QList<QPolygonF> ChartLines::dashes(const QPolygonF& poly, const QList<qreal>& pattern, qreal width) {
    QList<QPolygonF> out;
    if (poly.size() < 2 || pattern.size() < 2) return out;
    qsizetype k = 0;                 // which entry of the pattern (even: a dash, odd: a gap)
    qreal left = pattern[0] * width; // what is left of it
    QPolygonF dash{poly[0]};         // the dash being drawn (round corners it stays one polyline)
    for (qsizetype i = 1; i < poly.size(); ++i) {
        QLineF seg(poly[i - 1], poly[i]);
        const qreal len = seg.length();
        qreal at = 0;
        while (at < len) {
            const qreal step = std::min(left, len - at);
            at += step;
            left -= step;
            if (k % 2 == 0) dash.append(seg.pointAt(at / len));
            if (left <= 1e-9) {
                if (k % 2 == 0 && dash.size() > 1) out.append(dash);
                k = (k + 1) % pattern.size();
                left = pattern[k] * width;
                dash = QPolygonF{seg.pointAt(at / len)};
            }
        }
    }
    if (k % 2 == 0 && dash.size() > 1) out.append(dash);
    return out;
}

void ChartLines::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
    if (area_.isEmpty()) return;
    p->save();
    p->setClipRect(area_.adjusted(-1, -1, 1, 1));
    for (int i = 0; i < lines_.size(); ++i) {
        const Line& l = lines_[i];
        if (!l.series->isVisible() || l.pen.style() == Qt::NoPen) continue;
        QPolygonF poly = mapped(i);
        if (poly.size() < 2) continue;
        // Segment by segment, as Qt Charts draws a solid series (one path of a few hundred
        // vertices is rasterized over its whole bounding box); a dashed line as its dashes'
        // segments, with the pen's square caps closing a dash round a corner (Qt's dash stroker
        // caps each dash too).
        QPen pen = l.pen;
        const QList<QPolygonF> pieces = pen.style() == Qt::SolidLine ? QList<QPolygonF>{poly}
                                                                     : dashes(poly, pen.dashPattern(), std::max<qreal>(1, pen.widthF()));
        QList<QLineF> segs;
        segs.reserve(poly.size());
        for (const QPolygonF& piece : pieces)
            for (qsizetype k = 1; k < piece.size(); ++k) segs.append(QLineF(piece[k - 1], piece[k]));
        pen.setStyle(Qt::SolidLine);
        p->setPen(pen);
        p->drawLines(segs);
    }
    p->restore();
}

} // namespace ipclab::ui
