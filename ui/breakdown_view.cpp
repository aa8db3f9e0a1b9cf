#include "breakdown_view.h"

#include <QPainter>

#include <algorithm>

namespace ipclab::ui {

namespace {
QString ns(double v) { return v >= 10000 ? QObject::tr("%1 µs").arg(v / 1000, 0, 'f', 1) : QObject::tr("%1 ns").arg(v, 0, 'f', 0); }
} // namespace

BreakdownView::BreakdownView(QWidget* parent) : QWidget(parent) {
    setToolTip(tr("Per message, each side, since the run started. CPU in user mode and in the kernel: the kernel's "
                  "accounting of the workers (/proc, wait4). Off CPU: the rest of the side's time (asleep waiting for "
                  "data or room, being woken, or waiting for a CPU). The call: clocked around the send or receive call "
                  "on 1 message in 256 (the clock read itself is in it)."));
}

QSize BreakdownView::sizeHint() const { return {600, static_cast<int>(QFontMetricsF(theme_.font(9)).height() * 7.5)}; }

void BreakdownView::setTheme(const ChartTheme& t) {
    theme_ = t;
    updateGeometry();
    update();
}

void BreakdownView::clear() {
    breakdown_ = {};
    lastIndex_ = 0;
    update();
}

void BreakdownView::add(const RunSample& sample) {
    if (sample.lanes.empty()) return;
    stream_ = sample.experiment == ExperimentKind::Stream;
    // Twice a second (and the final numbers at the stop): an average needs no 30 Hz repaint.
    bool stopped = sample.lanes.front().stopped;
    if (sample.index != 0 && sample.index - lastIndex_ < 15 && !stopped) return;
    lastIndex_ = sample.index;
    if (breakdown_ == sample.lanes.front().breakdown && !stopped) return;
    breakdown_ = sample.lanes.front().breakdown;
    update();
}

QString BreakdownView::describe(const QString& side, const SideTime& s) {
    if (!s.valid()) return {};
    return tr("%1: %2 a message = %3 user + %4 kernel + %5 off CPU; the call %6")
        .arg(side, ns(s.wallNs), ns(s.userNs), ns(s.kernelNs), ns(s.offCpuNs), ns(s.inCallNs));
}

void BreakdownView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), theme_.background());
    QFont title = theme_.font(10);
    title.setBold(true);
    p.setFont(title);
    p.setPen(Qt::black);
    QFontMetricsF tm(title);
    p.drawText(QRectF(8, 2, width() - 16, tm.height() + 2), Qt::AlignLeft | Qt::AlignVCenter,
               tr("Where one message's time goes (each side, since the start)"));
    QFont f = theme_.font(9);
    p.setFont(f);
    QFontMetricsF fm(f);
    double y = tm.height() + 6, rowH = fm.height() * 1.6;
    if (!stream_ || !breakdown_.valid()) {
        p.setPen(QColor(90, 90, 90));
        p.drawText(QRectF(8, y, width() - 16, rowH * 2), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                   stream_ ? tr("Measuring…") : tr("A stream has a sending and a receiving side: start one to see them."));
        return;
    }
    const SideTime* sides[] = {&breakdown_.send, &breakdown_.receive};
    const QString names[] = {tr("send"), tr("receive")};
    double labelW = std::max(fm.horizontalAdvance(names[0]), fm.horizontalAdvance(names[1])) + 16;
    double scale = std::max(breakdown_.send.wallNs, breakdown_.receive.wallNs);
    double barW = std::max(50.0, width() - labelW - 16);
    const QColor colours[] = {ChartTheme::laneColor(0, 0), ChartTheme::laneColor(0, 1), QColor(200, 200, 200)};
    for (int i = 0; i < 2; ++i) {
        const SideTime& s = *sides[i];
        p.setPen(Qt::black);
        p.drawText(QRectF(8, y, labelW, rowH), Qt::AlignLeft | Qt::AlignVCenter, names[i]);
        double x = 8 + labelW;
        const double parts[] = {s.userNs, s.kernelNs, s.offCpuNs};
        for (int k = 0; k < 3; ++k) {
            double w = scale > 0 ? barW * parts[k] / scale : 0;
            QRectF r(x, y + 2, w, rowH - 4);
            p.fillRect(r, colours[k]);
            x += w;
        }
        // The sentence over the bar, on a light band so it reads on any segment.
        QString text = describe(names[i], s);
        QRectF textRect(8 + labelW + 4, y, barW - 8, rowH);
        QRectF ink = fm.boundingRect(textRect, Qt::AlignLeft | Qt::AlignVCenter, text);
        p.fillRect(ink.adjusted(-3, 0, 3, 0), QColor(255, 255, 255, 200));
        p.drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(text, Qt::ElideRight, textRect.width()));
        y += rowH + 4;
    }
    // Legend.
    double x = 8 + labelW;
    const QString legend[] = {tr("user CPU (kernel's count)"), tr("kernel CPU (kernel's count)"), tr("off CPU")};
    for (int k = 0; k < 3; ++k) {
        p.fillRect(QRectF(x, y + (fm.height() - 10) / 2, 14, 10), colours[k]);
        p.setPen(Qt::black);
        p.drawText(QPointF(x + 18, y + fm.ascent()), legend[k]);
        x += 18 + fm.horizontalAdvance(legend[k]) + 18;
    }
}

} // namespace ipclab::ui
