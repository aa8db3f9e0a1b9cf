#include "timeline_view.h"

#include "core_text.h"
#include "row_wrap.h"

#include <QFontMetricsF>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QResizeEvent>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace ipclab::ui {

namespace {
constexpr double kRight = 12, kMaxLaneH = 80;
const WorkerState kLegend[] = {WorkerState::Running,     WorkerState::InKernel, WorkerState::Spinning,
                               WorkerState::WaitingLock, WorkerState::HoldingLock, WorkerState::UnlockedSection,
                               WorkerState::Paused};
} // namespace

void TimelineItem::setSize(QSizeF s) {
    prepareGeometryChange();
    size_ = s;
}

QFont TimelineItem::titleFont() const {
    QFont f = theme_.font(11);
    f.setBold(true);
    return f;
}

QString TimelineItem::labelOf(const TimelineRow& r) const {
    QString label = tr("%1 %2").arg(nameOf(r.role), QString::number(r.pid));
    return r.lane > 0 ? tr("lane %1: %2").arg(r.lane + 1).arg(label) : label;
}

QString TimelineItem::caption() const {
    const auto& rows = timeline_.rows();
    bool exact = std::any_of(rows.begin(), rows.end(), [](const TimelineRow& r) { return r.exact; });
    return exact ? tr("Slow motion: every state change exactly when each worker logged it.")
                 : tr("Each worker's state as it published it, sampled 30 times a second; the lock's holder from the lock itself.");
}

// Where the legend's entries go (a swatch and a name each) within the width, in rows.
static std::vector<RowPlace> legendPlaces(const QFontMetricsF& fm, const QStringList& names, double width) {
    std::vector<double> widths;
    for (const QString& name : names) widths.push_back(18 + fm.horizontalAdvance(name));
    return wrapInRows(widths, width - 16, 18, false);
}

QStringList TimelineItem::legendNames() const {
    QStringList names;
    for (WorkerState st : kLegend) names << nameOf(st);
    return names << tr("dead");
}

TimelineItem::LayoutKey TimelineItem::layoutKey() const {
    LayoutKey k{size_, theme_.font(9), caption(), {}, legendNames()};
    for (const TimelineRow& r : timeline_.rows()) k.labels << labelOf(r);
    return k;
}

const TimelineItem::Layout& TimelineItem::layout() const {
    LayoutKey key = layoutKey();
    if (!layout_ || layout_->first != key) {
        Layout l = measureLayout(key);
        layout_.emplace(std::move(key), l);
    }
    return layout_->second;
}

TimelineItem::Layout TimelineItem::measureLayout(const LayoutKey& k) const {
    Layout l;
    const double w = size_.width();
    QFontMetricsF title(titleFont()), small(theme_.font(8)), text(theme_.font(9));
    const QRectF captionBox = small.boundingRect(QRectF(0, 0, std::max(10.0, w - 16), 1e6), Qt::AlignHCenter | Qt::TextWordWrap, k.caption);
    l.captionW = captionBox.width();
    l.captionH = captionBox.height();
    const double top = 4 + title.height() + 4 + l.captionH + 8;
    double widest = 0;
    for (const QString& label : k.labels) widest = std::max(widest, text.horizontalAdvance(label));
    l.labelW = std::clamp(widest + 14, 60.0, std::max(60.0, w * 0.45));
    l.tickH = text.height();
    l.legendRowH = text.height() + 4;
    const double bottom = 4 + 2 * l.tickH + 8 + rowCount(legendPlaces(text, k.legend, w)) * l.legendRowH + 4;
    l.plot = QRectF(l.labelW, top, std::max(10.0, w - l.labelW - kRight), std::max(10.0, size_.height() - top - bottom));
    return l;
}

bool TimelineItem::textFits() const {
    const Layout& l = layout();
    QFontMetricsF text(theme_.font(9));
    if (l.captionW > size_.width() - 16) return false;
    const double laneH = laneHeight(l.plot);
    const bool capped = l.labelW >= size_.width() * 0.45; // (only then may a label wrap)
    for (const TimelineRow& r : timeline_.rows()) {
        QRectF box = text.boundingRect(QRectF(0, 0, l.labelW - 10, 1e6), Qt::AlignRight | Qt::TextWordWrap, labelOf(r));
        if (box.width() > l.labelW - 10 || box.height() > laneH) return false;
        if (!capped && text.horizontalAdvance(labelOf(r)) > l.labelW - 10) return false;
    }
    return true;
}

std::pair<double, double> TimelineItem::shownSpan() const {
    // The last windowS seconds (the first windowS from 0 until the run is that old).
    double t1 = std::max(timeline_.now(), timeline_.windowS());
    return {t1 - timeline_.windowS(), t1};
}

double TimelineItem::laneHeight(const QRectF& plot) const {
    const double most = kMaxLaneH * theme_.fontScale; // (bars as tall as the labels beside them grow)
    return std::min(most, plot.height() / static_cast<double>(std::max<std::size_t>(1, timeline_.rows().size())));
}

double TimelineItem::xOf(double t, const QRectF& r) const {
    auto [t0, t1] = shownSpan();
    return r.left() + (t - t0) / (t1 - t0) * r.width();
}

void TimelineItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
    p->fillRect(boundingRect(), theme_.background());
    const Layout l = layout();
    const QRectF plot = l.plot;
    p->setPen(Qt::black);
    p->setFont(titleFont());
    const double titleH = QFontMetricsF(p->font()).height();
    p->drawText(QRectF(8, 4, size_.width() - 16, titleH), Qt::AlignHCenter | Qt::AlignVCenter, tr("Who does what, when"));
    // What the bars are, under the title (where it cannot fall off the bottom of a short view).
    p->setFont(theme_.font(8));
    p->setPen(QColor(90, 90, 90));
    const auto& rows = timeline_.rows();
    p->drawText(QRectF(8, 4 + titleH + 4, size_.width() - 16, l.captionH), Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, caption());
    p->setFont(theme_.font(9));
    if (rows.empty()) {
        p->setPen(QColor(90, 90, 90));
        p->drawText(plot, Qt::AlignCenter | Qt::TextWordWrap, tr("Start a run: one lane per worker process appears here."));
        return;
    }
    double laneH = laneHeight(plot);
    p->setClipRect(boundingRect());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const TimelineRow& r = rows[i];
        QRectF lane(plot.left(), plot.top() + laneH * static_cast<double>(i), plot.width(), laneH);
        p->setPen(Qt::black);
        p->drawText(QRectF(4, lane.top(), l.labelW - 10, laneH), Qt::AlignRight | Qt::AlignVCenter | Qt::TextWordWrap, labelOf(r));
        for (const StateInterval& iv : r.intervals) {
            double x0 = std::max(plot.left(), xOf(iv.t0, plot)), x1 = std::min(plot.right(), xOf(iv.t1, plot));
            if (x1 <= x0) continue;
            p->fillRect(QRectF(x0, lane.top() + 3, x1 - x0, laneH - 6), ChartTheme::stateColor(iv.state, iv.dead));
        }
        p->setPen(QColor(200, 200, 200));
        p->drawLine(lane.bottomLeft(), lane.bottomRight());
    }
    p->setClipping(false);
    // Time axis: seconds since the run started.
    p->setPen(QColor(60, 60, 60));
    double axisY = plot.top() + laneH * static_cast<double>(rows.size()) + 4;
    auto [t0, t1] = shownSpan();
    for (double t = std::ceil(t0); t <= t1 + 1e-9; t += 1.0) {
        double x = xOf(t, plot);
        p->drawLine(QPointF(x, axisY), QPointF(x, axisY + 4));
        p->drawText(QRectF(x - 40, axisY + 4, 80, l.tickH), Qt::AlignHCenter, QString::number(t, 'f', 0));
    }
    p->drawText(QRectF(plot.left(), axisY + 4 + l.tickH, plot.width(), l.tickH), Qt::AlignHCenter, tr("time (s)"));
    // Legend: the states' colours, in as many rows as the width needs.
    const QStringList names = legendNames();
    const std::vector<RowPlace> places = legendPlaces(QFontMetricsF(p->font()), names, size_.width());
    const double top = axisY + 4 + 2 * l.tickH + 8, rowH = l.legendRowH;
    for (int i = 0; i < names.size(); ++i) {
        const auto at = static_cast<std::size_t>(i);
        const bool dead = i == names.size() - 1;
        const QColor c = ChartTheme::stateColor(dead ? WorkerState::Exited : kLegend[at], dead);
        const double x = 8 + places[at].x, y = top + places[at].row * rowH;
        p->fillRect(QRectF(x, y + (rowH - 12) / 2, 14, 12), c);
        p->setPen(Qt::black);
        p->drawText(QRectF(x + 18, y, size_.width() - x - 18, rowH), Qt::AlignLeft | Qt::AlignVCenter, names[i]);
    }
}

QString TimelineItem::describeAt(QPointF pos) const {
    QRectF plot = layout().plot;
    const auto& rows = timeline_.rows();
    if (rows.empty() || !plot.contains(pos)) return {};
    double laneH = laneHeight(plot);
    auto i = static_cast<std::size_t>((pos.y() - plot.top()) / laneH);
    if (i >= rows.size()) return {};
    auto [t0, t1] = shownSpan();
    double t = t0 + (pos.x() - plot.left()) / plot.width() * (t1 - t0);
    for (const StateInterval& iv : rows[i].intervals)
        if (t >= iv.t0 && t <= iv.t1)
            return tr("PID %1 %2: %3, %4–%5 s (%6 ms); its count went from %7 to %8 in it")
                .arg(rows[i].pid)
                .arg(nameOf(rows[i].role), iv.dead ? tr("dead") : nameOf(iv.state))
                .arg(iv.t0, 0, 'f', 2)
                .arg(iv.t1, 0, 'f', 2)
                .arg((iv.t1 - iv.t0) * 1000, 0, 'f', 0)
                .arg(QLocale().toString(static_cast<qulonglong>(iv.count0)), QLocale().toString(static_cast<qulonglong>(iv.count1)));
    return {};
}

TimelineView::TimelineView(QWidget* parent) : QGraphicsView(parent), item_(new TimelineItem(timeline_)) {
    scene_.addItem(item_);
    setScene(&scene_);
    setRenderHint(QPainter::Antialiasing);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFrameShape(QFrame::NoFrame);
    setMouseTracking(true);
    setMinimumSize(300, 160);
}

void TimelineView::add(const RunSample& sample) {
    timeline_.add(sample);
    if (isVisible()) item_->update(); // hidden: drawn when shown
}

void TimelineView::clear() {
    timeline_.clear();
    item_->update();
}

void TimelineView::resizeEvent(QResizeEvent* e) {
    QGraphicsView::resizeEvent(e);
    item_->setSize(viewport()->size());
    scene_.setSceneRect(item_->boundingRect());
}

void TimelineView::mouseMoveEvent(QMouseEvent* e) {
    QString text = item_->describeAt(mapToScene(e->position().toPoint()));
    if (text.isEmpty()) QToolTip::hideText();
    else QToolTip::showText(e->globalPosition().toPoint(), text, this);
    QGraphicsView::mouseMoveEvent(e);
}

} // namespace ipclab::ui
