#include "chart_key.h"

#include "row_wrap.h"

#include <QChart>
#include <QFontMetricsF>
#include <QPainter>

#include <cmath>

namespace ipclab::ui {

namespace {
constexpr double kSwatch = 18, kGap = 6, kSpacing = 16, kRowGap = 2;
} // namespace

// Both only store: the owner places the key next (placeIn), which lays it out once. Until then
// nothing is drawn (places of the old entries or font would be wrong).
void ChartKey::setEntries(QList<Entry> entries) {
    entries_ = std::move(entries);
    at_.clear();
    update();
}

void ChartKey::setFont(const QFont& font) {
    font_ = font;
    at_.clear();
    update();
}

double ChartKey::entryWidth(int i) const {
    return kSwatch + kGap + QFontMetricsF(font_).horizontalAdvance(entries_[i].name);
}

double ChartKey::layOut(double width) {
    prepareGeometryChange();
    width_ = width;
    const double rowH = QFontMetricsF(font_).height() + kRowGap;
    std::vector<double> widths;
    for (int i = 0; i < entries_.size(); ++i) widths.push_back(entryWidth(i));
    const std::vector<RowPlace> places = wrapInRows(widths, width, kSpacing, true);
    at_.clear();
    for (const RowPlace& p : places) at_.append(QPointF(p.x, p.row * rowH));
    rows_ = rowCount(places);
    height_ = rows_ * rowH;
    update();
    return height_;
}

void ChartKey::placeIn(QChart* chart) {
    const QSizeF size = chart->size();
    const double h = layOut(std::max(10.0, size.width() - 16));
    setPos(8, size.height() - h - 6);
    QMargins m = chart->margins();
    const int bottom = static_cast<int>(std::ceil(h)) + 10;
    if (m.bottom() != bottom) {
        m.setBottom(bottom);
        chart->setMargins(m);
    }
}

QList<QRectF> ChartKey::textRects() const {
    QList<QRectF> out;
    QFontMetricsF fm(font_);
    for (int i = 0; i < entries_.size() && i < at_.size(); ++i)
        out << QRectF(at_[i].x() + kSwatch + kGap, at_[i].y(), fm.horizontalAdvance(entries_[i].name), fm.height());
    return out;
}

void ChartKey::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
    p->setFont(font_);
    const double h = QFontMetricsF(font_).height();
    const QList<QRectF> texts = textRects();
    for (int i = 0; i < texts.size(); ++i) {
        // A short stretch of the line itself: solid or dashed, as in the plot.
        QPen pen = entries_[i].pen;
        pen.setWidthF(std::max(2.0, pen.widthF()));
        pen.setCapStyle(Qt::FlatCap);
        p->setPen(pen);
        const double y = at_[i].y() + h / 2;
        p->drawLine(QPointF(at_[i].x(), y), QPointF(at_[i].x() + kSwatch, y));
        p->setPen(Qt::black);
        p->drawText(texts[i], Qt::AlignLeft | Qt::AlignVCenter, entries_[i].name);
    }
}

} // namespace ipclab::ui
