#include "breakdown_view.h"

#include "core_text.h"

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
                  "on 1 message in %1 at full speed, on every one when the rate is limited (the clock read itself is in it).")
                   .arg(kCallSampleEvery));
}

QSize BreakdownView::sizeHint() const { return {600, 300}; }

const MessageBreakdown& BreakdownView::breakdown() const {
    static const MessageBreakdown none;
    return lanes_.empty() ? none : lanes_.front().breakdown;
}

void BreakdownView::setTheme(const ChartTheme& t) {
    theme_ = t;
    update();
}

void BreakdownView::clear() {
    lanes_.clear();
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
    std::vector<Lane> lanes;
    for (const LaneSample& l : sample.lanes) lanes.push_back({laneName(l), l.breakdown});
    if (lanes == lanes_) return;
    lanes_ = std::move(lanes);
    update();
}

QString BreakdownView::describe(const SideTime& s, bool sending) {
    if (!s.valid()) return {};
    return (sending ? tr("%1 a message = %2 user + %3 kernel + %4 off CPU; the send call %5")
                    : tr("%1 a message = %2 user + %3 kernel + %4 off CPU; the receive call %5"))
        .arg(ns(s.wallNs), ns(s.userNs), ns(s.kernelNs), ns(s.offCpuNs), ns(s.inCallNs));
}

void BreakdownView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), theme_.background());
    QFont title = theme_.font(11);
    title.setBold(true);
    p.setFont(title);
    p.setPen(Qt::black);
    double y = 4, h = QFontMetricsF(title).height() + 4;
    p.drawText(QRectF(8, y, width() - 16, h), Qt::AlignHCenter | Qt::AlignVCenter, tr("Where one message's time goes"));
    y += h;
    QFont small = theme_.font(8);
    p.setFont(small);
    p.setPen(QColor(90, 90, 90));
    QRectF caption(8, y, width() - 16, QFontMetricsF(small).height() * 2.4);
    p.drawText(caption, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap,
               tr("Each side, per message, since the start: CPU in user mode and in the kernel as the kernel counted it "
                  "for the workers, the rest off the CPU; the call clocked on 1 message in %1 at full speed.")
                   .arg(kCallSampleEvery));
    y = caption.bottom() + 6;
    QFont f = theme_.font(9);
    p.setFont(f);
    QFontMetricsF fm(f);
    bool valid = std::any_of(lanes_.begin(), lanes_.end(), [](const Lane& l) { return l.breakdown.valid(); });
    if (!stream_ || !valid) {
        p.setPen(QColor(90, 90, 90));
        p.drawText(QRectF(8, y, width() - 16, height() - y), Qt::AlignCenter | Qt::TextWordWrap,
                   stream_ ? tr("Measuring…") : tr("A stream has a sending and a receiving side: start one to see them."));
        return;
    }
    const QColor colours[] = {ChartTheme::laneColor(0, 0), ChartTheme::laneColor(0, 1), QColor(200, 200, 200)};
    const QString legend[] = {tr("user CPU (kernel's count)"), tr("kernel CPU (kernel's count)"), tr("off CPU")};
    // Legend at the bottom; the rows share what is left, bars on one scale for every lane.
    double legendH = fm.height() + 8;
    int rows = 2 * static_cast<int>(lanes_.size());
    double rowH = std::max(fm.height() * 2.2, (height() - y - legendH) / rows);
    double barH = std::min(48.0, rowH - fm.height() - 8);
    double labelW = 0;
    for (const Lane& l : lanes_)
        for (const QString& side : {tr("send"), tr("receive")}) labelW = std::max(labelW, fm.horizontalAdvance(tr("%1, %2").arg(l.transport, side)));
    labelW += 16;
    double scale = 0;
    for (const Lane& l : lanes_) scale = std::max({scale, l.breakdown.send.wallNs, l.breakdown.receive.wallNs});
    double barW = std::max(50.0, width() - labelW - 24);
    for (const Lane& l : lanes_) {
        for (int i = 0; i < 2; ++i) {
            const SideTime& s = i == 0 ? l.breakdown.send : l.breakdown.receive;
            QRectF bar(8 + labelW, y, barW, barH);
            p.setPen(Qt::black);
            p.drawText(QRectF(8, y, labelW - 8, barH), Qt::AlignRight | Qt::AlignVCenter,
                       tr("%1, %2").arg(l.transport, i == 0 ? tr("send") : tr("receive")));
            double x = bar.left();
            const double parts[] = {s.userNs, s.kernelNs, s.offCpuNs};
            for (int k = 0; k < 3; ++k) {
                double w = scale > 0 ? barW * parts[k] / scale : 0;
                p.fillRect(QRectF(x, bar.top(), w, barH), colours[k]);
                x += w;
            }
            p.setPen(QColor(40, 40, 40));
            p.drawText(QRectF(bar.left(), bar.bottom() + 2, barW, fm.height() + 2), Qt::AlignLeft | Qt::AlignVCenter,
                       s.valid() ? describe(s, i == 0) : tr("Measuring…"));
            y += rowH;
        }
    }
    double x = 8 + labelW;
    y = height() - legendH + 4;
    for (int k = 0; k < 3; ++k) {
        p.fillRect(QRectF(x, y + (fm.height() - 12) / 2, 16, 12), colours[k]);
        p.setPen(Qt::black);
        p.drawText(QPointF(x + 20, y + fm.ascent()), legend[k]);
        x += 20 + fm.horizontalAdvance(legend[k]) + 24;
    }
}

} // namespace ipclab::ui
