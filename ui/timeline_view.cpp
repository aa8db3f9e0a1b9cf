#include "timeline_view.h"

#include "core_text.h"

#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QResizeEvent>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace ipclab::ui {

namespace {
constexpr double kLabelW = 170, kTop = 56, kBottom = 64, kRight = 12;
const WorkerState kLegend[] = {WorkerState::Running,     WorkerState::InKernel, WorkerState::Spinning,
                               WorkerState::WaitingLock, WorkerState::HoldingLock, WorkerState::UnlockedSection,
                               WorkerState::Paused};
} // namespace

void TimelineItem::setSize(QSizeF s) {
    prepareGeometryChange();
    size_ = s;
}

QRectF TimelineItem::plotRect() const {
    return QRectF(kLabelW, kTop, std::max(10.0, size_.width() - kLabelW - kRight), std::max(10.0, size_.height() - kTop - kBottom));
}

std::pair<double, double> TimelineItem::shownSpan() const {
    // The last windowS seconds (the first windowS from 0 until the run is that old).
    double t1 = std::max(timeline_.now(), timeline_.windowS());
    return {t1 - timeline_.windowS(), t1};
}

double TimelineItem::laneHeight() const {
    return std::min(80.0, plotRect().height() / static_cast<double>(std::max<std::size_t>(1, timeline_.rows().size())));
}

double TimelineItem::xOf(double t) const {
    QRectF r = plotRect();
    auto [t0, t1] = shownSpan();
    return r.left() + (t - t0) / (t1 - t0) * r.width();
}

void TimelineItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
    p->fillRect(boundingRect(), theme_.background());
    QRectF plot = plotRect();
    p->setPen(Qt::black);
    p->setFont([&] { QFont f = theme_.font(11); f.setBold(true); return f; }());
    p->drawText(QRectF(8, 4, size_.width() - 16, 26), Qt::AlignHCenter | Qt::AlignVCenter, tr("Who does what, when"));
    // What the bars are, under the title (where it cannot fall off the bottom of a short view).
    p->setFont(theme_.font(8));
    p->setPen(QColor(90, 90, 90));
    const auto& rows = timeline_.rows();
    bool exact = std::any_of(rows.begin(), rows.end(), [](const TimelineRow& r) { return r.exact; });
    p->drawText(QRectF(8, 28, size_.width() - 16, kTop - 30), Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap,
                exact ? tr("Slow motion: every state change exactly when each worker logged it.")
                      : tr("Each worker's state as it published it, sampled 30 times a second; the lock's holder from the lock itself."));
    p->setFont(theme_.font(9));
    if (rows.empty()) {
        p->setPen(QColor(90, 90, 90));
        p->drawText(plot, Qt::AlignCenter | Qt::TextWordWrap, tr("Start a run: one lane per worker process appears here."));
        return;
    }
    double laneH = laneHeight();
    p->setClipRect(boundingRect());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const TimelineRow& r = rows[i];
        QRectF lane(plot.left(), plot.top() + laneH * static_cast<double>(i), plot.width(), laneH);
        p->setPen(Qt::black);
        QString label = tr("%1 %2").arg(nameOf(r.role), QString::number(r.pid));
        if (r.lane > 0) label = tr("lane %1: %2").arg(r.lane + 1).arg(label);
        p->drawText(QRectF(4, lane.top(), kLabelW - 10, laneH), Qt::AlignRight | Qt::AlignVCenter, label);
        for (const StateInterval& iv : r.intervals) {
            double x0 = std::max(plot.left(), xOf(iv.t0)), x1 = std::min(plot.right(), xOf(iv.t1));
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
        double x = xOf(t);
        p->drawLine(QPointF(x, axisY), QPointF(x, axisY + 4));
        p->drawText(QRectF(x - 30, axisY + 4, 60, 18), Qt::AlignHCenter, QString::number(t, 'f', 0));
    }
    p->drawText(QRectF(plot.left(), axisY + 20, plot.width(), 18), Qt::AlignHCenter, tr("time (s)"));
    // Legend: the states' colours, in as many rows as the width needs.
    QFontMetricsF fm(p->font());
    double x = 8, y = axisY + 40, rowH = fm.height() + 4;
    auto entry = [&](const QColor& c, const QString& name) {
        double w = 18 + fm.horizontalAdvance(name) + 18;
        if (x + w > size_.width() - 8 && x > 8) {
            x = 8;
            y += rowH;
        }
        p->fillRect(QRectF(x, y + (rowH - 12) / 2, 14, 12), c);
        p->setPen(Qt::black);
        p->drawText(QRectF(x + 18, y, w, rowH), Qt::AlignLeft | Qt::AlignVCenter, name);
        x += w;
    };
    for (WorkerState st : kLegend) entry(ChartTheme::stateColor(st, false), nameOf(st));
    entry(ChartTheme::stateColor(WorkerState::Exited, true), tr("dead"));
}

QString TimelineItem::describeAt(QPointF pos) const {
    QRectF plot = plotRect();
    const auto& rows = timeline_.rows();
    if (rows.empty() || !plot.contains(pos)) return {};
    double laneH = laneHeight();
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
