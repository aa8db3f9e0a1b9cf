#include "breakdown_view.h"

#include "core_text.h"
#include "row_wrap.h"

#include <QPainter>

#include <algorithm>
#include <limits>

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

namespace {
const char* const kLegend[] = {QT_TRANSLATE_NOOP("ipclab::ui::BreakdownView", "user CPU (kernel's count)"),
                               QT_TRANSLATE_NOOP("ipclab::ui::BreakdownView", "kernel CPU (kernel's count)"),
                               QT_TRANSLATE_NOOP("ipclab::ui::BreakdownView", "off CPU")};
constexpr double kRowLines = 2.2; // a row: the bar, its sentence below, a gap (in lines of its font)
constexpr double kSmallestPt = 6.0;
constexpr double kStackedBarMin = 14; // a stacked row's bar, at least
constexpr double kLegendGap = 24;     // between two legend entries
} // namespace

QString BreakdownView::caption() const {
    return tr("Each side, per message, since the start: CPU in user mode and in the kernel as the kernel counted it "
              "for the workers, the rest off the CPU; the call clocked on 1 message in %1 at full speed.")
        .arg(kCallSampleEvery);
}

BreakdownView::Layout BreakdownView::layoutFor(QSize size, const QStringList& labels, const QStringList& lines) const {
    Layout l;
    QFont title = theme_.font(11);
    title.setBold(true);
    const double afterTitle = 4 + QFontMetricsF(title).height() + 4;
    const double textW = std::max(10.0, size.width() - 16.0);
    l.captionH = QFontMetricsF(theme_.font(8)).boundingRect(QRectF(0, 0, textW, 1e6), Qt::AlignHCenter | Qt::TextWordWrap, caption()).height() + 6;
    const int rows = static_cast<int>(labels.size());
    l.rowFont = theme_.font(9);
    // Each legend entry's width: its swatch and name; entries kLegendGap apart.
    auto legendEntries = [](const QFontMetricsF& fm) {
        std::vector<double> entryW;
        for (const char* s : kLegend) entryW.push_back(20 + fm.horizontalAdvance(tr(s)));
        return entryW;
    };
    // The legend's entries placed with one rule in both layouts: rows within `width`, from `x`.
    auto placeLegend = [&](const QFontMetricsF& fm, double x, double width) {
        const std::vector<double> entryW = legendEntries(fm);
        const std::vector<RowPlace> legend = wrapInRows(entryW, width, kLegendGap, false);
        l.legendX.clear();
        l.legendRow.clear();
        l.legendW = 0;
        for (std::size_t i = 0; i < legend.size(); ++i) {
            l.legendX.push_back(x + legend[i].x);
            l.legendRow.push_back(legend[i].row);
            l.legendW = std::max(l.legendW, legend[i].x + entryW[i]);
        }
        return rowCount(legend);
    };
    // The widest label, sentence and the legend's width with a font.
    struct Widths {
        double label = 0, line = 0, legend = 0;
    };
    auto widths = [&](const QFont& f) {
        QFontMetricsF fm(f);
        Widths w;
        for (const QString& s : labels) w.label = std::max(w.label, fm.horizontalAdvance(s));
        for (const QString& s : lines) w.line = std::max(w.line, fm.horizontalAdvance(s));
        for (double e : legendEntries(fm)) w.legend += e + kLegendGap;
        return w;
    };
    // How much the rows, their labels, sentences and the legend need with a font, beside what there is.
    auto measure = [&](const QFont& f, double top, double& heightShare, double& widthShare) {
        QFontMetricsF fm(f);
        Widths w = widths(f);
        double needH = rows * fm.height() * kRowLines + fm.height() + 8;
        double needW = 8 + w.label + 16 + std::max(w.line, w.legend) + 8;
        heightShare = (size.height() - top) / needH;
        widthShare = size.width() / needW;
    };
    double hs = 0, ws = 0;
    measure(l.rowFont, afterTitle + l.captionH, hs, ws);
    if (ws < 1) {
        // Stacked at the theme's font: a label line, a bar, the sentence wrapped to the width;
        // the legend in rows. Taken where it fits (with the caption if that fits too).
        QFontMetricsF fm(l.rowFont);
        double sentenceH = 0;
        for (const QString& s : lines)
            sentenceH = std::max(sentenceH, fm.boundingRect(QRectF(0, 0, textW, 1e6), Qt::AlignLeft | Qt::TextWordWrap, s).height());
        const double legendH = placeLegend(fm, 8, textW) * (fm.height() + 4) + 4;
        const double rowNeed = fm.height() + 2 + kStackedBarMin + 2 + sentenceH + 10;
        for (bool withCaption : {true, false}) {
            const double top = afterTitle + (withCaption ? l.captionH : 0);
            if (top + rows * rowNeed + legendH > size.height()) continue;
            l.stacked = true;
            l.caption = withCaption;
            l.top = top;
            l.sentenceH = sentenceH;
            l.labelW = 0;
            l.barW = textW;
            l.rowH = rows > 0 ? std::max(rowNeed, (size.height() - top - legendH) / rows) : rowNeed;
            l.barH = std::min(48.0, l.rowH - fm.height() - 2 - 2 - sentenceH - 10);
            l.legendTop = size.height() - legendH + 4;
            return l;
        }
    }
    l.caption = hs >= 1; // without the caption first (the tooltip says it too), then a smaller font
    l.top = afterTitle + (l.caption ? l.captionH : 0);
    for (int i = 0; i < 4; ++i) { // the metrics are not exactly linear in the point size: a few steps
        measure(l.rowFont, l.top, hs, ws);
        double shrink = std::min(hs, ws);
        if (shrink >= 1 || l.rowFont.pointSizeF() <= kSmallestPt) break;
        l.rowFont.setPointSizeF(std::max(kSmallestPt, l.rowFont.pointSizeF() * shrink * 0.98));
    }
    QFontMetricsF fm(l.rowFont);
    const Widths w = widths(l.rowFont);
    l.labelW = w.label + 16;
    const double legendH = fm.height() + 8;
    l.rowH = std::max(fm.height() * kRowLines, rows > 0 ? (size.height() - l.top - legendH) / rows : 0.0);
    l.barH = std::min(48.0, l.rowH - fm.height() - 8);
    l.barW = std::max(50.0, size.width() - l.labelW - 24);
    l.legendTop = size.height() - legendH + 4;
    placeLegend(fm, 8 + l.labelW, std::numeric_limits<double>::infinity()); // one row beside the labels
    return l;
}

void BreakdownView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), theme_.background());
    QStringList labels, lines;
    for (const Lane& l : lanes_)
        for (int i = 0; i < 2; ++i) {
            const SideTime& s = i == 0 ? l.breakdown.send : l.breakdown.receive;
            labels << tr("%1, %2").arg(l.transport, i == 0 ? tr("send") : tr("receive"));
            lines << (s.valid() ? describe(s, i == 0) : tr("Measuring…"));
        }
    const Layout lay = layoutFor(size(), labels, lines);
    QFont title = theme_.font(11);
    title.setBold(true);
    p.setFont(title);
    p.setPen(Qt::black);
    double y = 4, h = QFontMetricsF(title).height() + 4;
    p.drawText(QRectF(8, y, width() - 16, h), Qt::AlignHCenter | Qt::AlignVCenter, tr("Where one message's time goes"));
    y += h;
    if (lay.caption) {
        p.setFont(theme_.font(8));
        p.setPen(QColor(90, 90, 90));
        p.drawText(QRectF(8, y, width() - 16, lay.captionH), Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, caption());
    }
    y = lay.top;
    QFont f = lay.rowFont;
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
    // Bars on one scale for every lane.
    double scale = 0;
    for (const Lane& l : lanes_) scale = std::max({scale, l.breakdown.send.wallNs, l.breakdown.receive.wallNs});
    int row = 0;
    for (const Lane& l : lanes_) {
        for (int i = 0; i < 2; ++i, ++row) {
            const SideTime& s = i == 0 ? l.breakdown.send : l.breakdown.receive;
            p.setPen(Qt::black);
            QRectF bar(8 + lay.labelW, y, lay.barW, lay.barH);
            if (lay.stacked) {
                p.drawText(QRectF(8, y, lay.barW, fm.height()), Qt::AlignLeft | Qt::AlignVCenter, labels[row]);
                bar.moveTop(y + fm.height() + 2);
            } else {
                p.drawText(QRectF(8, y, lay.labelW - 8, lay.barH), Qt::AlignRight | Qt::AlignVCenter, labels[row]);
            }
            double x = bar.left();
            const double parts[] = {s.userNs, s.kernelNs, s.offCpuNs};
            for (int k = 0; k < 3; ++k) {
                double w = scale > 0 ? lay.barW * parts[k] / scale : 0;
                p.fillRect(QRectF(x, bar.top(), w, lay.barH), colours[k]);
                x += w;
            }
            p.setPen(QColor(40, 40, 40));
            if (lay.stacked)
                p.drawText(QRectF(bar.left(), bar.bottom() + 2, lay.barW, lay.sentenceH), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, lines[row]);
            else
                p.drawText(QRectF(bar.left(), bar.bottom() + 2, lay.barW, fm.height() + 2), Qt::AlignLeft | Qt::AlignVCenter, lines[row]);
            y += lay.rowH;
        }
    }
    for (std::size_t k = 0; k < 3; ++k) {
        const double x = lay.legendX[k], top = lay.legendTop + lay.legendRow[k] * (fm.height() + 4);
        p.fillRect(QRectF(x, top + (fm.height() - 12) / 2, 16, 12), colours[k]);
        p.setPen(Qt::black);
        p.drawText(QPointF(x + 20, top + fm.ascent()), tr(kLegend[k]));
    }
}

} // namespace ipclab::ui
