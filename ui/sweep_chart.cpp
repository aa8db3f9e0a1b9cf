#include "sweep_chart.h"

#include "chart_key.h"
#include "core_text.h"
#include "qt_text.h"
#include "row_wrap.h"

#include <QFontMetricsF>
#include <QLegend>
#include <QRegularExpression>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>

#include <cmath>
#include <map>

namespace ipclab::ui {

QColor SweepChart::seriesColor(TransportKind kind, bool locked) {
    if (locked) return QColor(0x99, 0x99, 0x99);
    switch (kind) { // Okabe & Ito's colour-blind-safe palette
    case TransportKind::SharedMemory: return QColor(0x00, 0x72, 0xB2);
    case TransportKind::Pipe: return QColor(0xE6, 0x9F, 0x00);
    case TransportKind::Fifo: return QColor(0x56, 0xB4, 0xE9);
    case TransportKind::UnixSocket: return QColor(0x00, 0x9E, 0x73);
    case TransportKind::Tcp: return QColor(0xD5, 0x5E, 0x00);
    case TransportKind::MessageQueue: return QColor(0xCC, 0x79, 0xA7);
    case TransportKind::File: return QColor(0x00, 0x00, 0x00);
    }
    return Qt::gray;
}

SweepChart::SweepChart(QWidget* parent) : QChartView(parent) {
    auto* chart = new QChart;
    title_ = tr("Throughput vs message size (run a sweep)");
    chart->setTitle(title_);
    chart->legend()->hide(); // the key wraps where Qt's legend would cut names to "..."
    key_ = new ChartKey(chart);
    x_ = new QLogValueAxis;
    x_->setBase(2);
    x_->setTitleText(tr("message size (bytes, log)"));
    x_->setLabelFormat("%.0f"); // 1048576, not 1.04858e+06 cut to "1.0485..." 
    x_->setRange(8, 1 << 20);
    y_ = new QLogValueAxis;
    y_->setBase(10);
    y_->setTitleText(tr("MB/s (log)"));
    y_->setLabelFormat("%g");
    y_->setRange(0.1, 10000);
    chart->addAxis(x_, Qt::AlignBottom);
    chart->addAxis(y_, Qt::AlignLeft);
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(220, 150);
    theme_.apply(chart);
}

QString SweepChart::title() const { return title_; }

void SweepChart::resizeEvent(QResizeEvent* e) {
    QChartView::resizeEvent(e);
    fitToWidth();
}

void SweepChart::fitToWidth() {
    key_->placeIn(chart());
    // The title in lines that fit (a chart title is cut, not wrapped): words, greedily.
    const QFontMetricsF fm(chart()->titleFont());
    const QMargins m = chart()->margins();
    const double room = std::max(50.0, chart()->size().width() - m.left() - m.right() - 16);
    QString glued = title_; // (a size stays whole: "64 KiB", never "64" at a line's end)
    glued.replace(QRegularExpression(QStringLiteral("(\\d) (B|KiB|MiB)\\b")), QStringLiteral("\\1") + QChar(0x00A0) + QStringLiteral("\\2"));
    QStringList lines = wrapWords(glued, fm, room);
    for (QString& l : lines) l = l.toHtmlEscaped();
    const QString shown = lines.size() > 1 ? QStringLiteral("<center>%1</center>").arg(lines.join(QStringLiteral("<br>"))) : title_;
    if (chart()->title() != shown) chart()->setTitle(shown);
    // Size labels ("131072") need their width each: one every octave where they fit, else every
    // 2nd, 4th ... (a log axis has its ticks at powers of its base).
    const double labelW = QFontMetricsF(x_->labelsFont()).horizontalAdvance(QStringLiteral("1048576")) + 10;
    const double octaves = std::log2(x_->max() / x_->min());
    const double fit = std::max(1.0, std::floor(std::max(50.0, chart()->plotArea().width()) / labelW));
    const double base = std::pow(2.0, std::max(1.0, std::ceil(octaves / fit)));
    if (x_->base() != base) x_->setBase(base);
}

void SweepChart::setTheme(const ChartTheme& theme) {
    theme_ = theme;
    setPoints(points_);
}

void SweepChart::setPoints(const std::vector<SweepPoint>& points) {
    points_ = points;
    for (auto* s : series_) {
        chart()->removeSeries(s);
        delete s;
    }
    series_.clear();
    crossLine_ = nullptr;
    // One series per transport, plus shared memory with a mutex around every message (what a
    // lock costs, next to the lock-free ring). Okabe-Ito colours: distinct for colour-blind eyes.
    std::map<std::pair<TransportKind, bool>, QList<QPointF>> by;
    double lo = 1e30, hi = 0;
    uint32_t smallest = 0, largest = 0;
    for (const auto& p : points) {
        if (p.mbPerS <= 0) continue;
        by[{p.transport, p.lockPerMessage}].append(QPointF(p.size, p.mbPerS));
        lo = std::min(lo, p.mbPerS);
        hi = std::max(hi, p.mbPerS);
        smallest = smallest ? std::min(smallest, p.size) : p.size;
        largest = std::max(largest, p.size);
    }
    // The sizes measured, with one octave to spare on each side (a sweep of 64 B..64 KiB used to
    // sit in the middle of 8 B..1 MiB with half the plot empty); the full range before a sweep.
    if (largest > 0)
        x_->setRange(std::max(1.0, smallest / 2.0), largest * 2.0);
    else
        x_->setRange(8, 1 << 20);
    for (auto& [key, pts] : by) {
        auto [kind, locked] = key;
        auto* s = new QLineSeries;
        s->setName(locked ? tr("shared memory + mutex per message") : kind == TransportKind::SharedMemory ? tr("shared memory (lock-free)") : nameOf(kind));
        QPen pen(seriesColor(kind, locked));
        pen.setWidth(theme_.lineWidth() + (kind == TransportKind::SharedMemory && !locked ? 1 : 0));
        if (locked) pen.setStyle(Qt::DashLine);
        s->setPen(pen);
        s->setPointsVisible(true);
        s->replace(pts);
        chart()->addSeries(s);
        s->attachAxis(x_);
        s->attachAxis(y_);
        series_.push_back(s);
    }
    if (hi > 0) y_->setRange(std::pow(10, std::floor(std::log10(lo))), std::pow(10, std::ceil(std::log10(hi))));
    crossover_ = sweepCrossover(points, 2.0);
    if (crossover_) {
        crossLine_ = new QLineSeries;
        // (No '<' in a legend label: the legend reads it as the start of a tag and drops the rest.)
        crossLine_->setName(tr("crossover: shared memory less than 2x ahead from %1").arg(toQString(formatSize(crossover_))));
        QPen pen(QColor(120, 120, 120), 2, Qt::DashLine);
        crossLine_->setPen(pen);
        crossLine_->append(crossover_, y_->min());
        crossLine_->append(crossover_, y_->max());
        chart()->addSeries(crossLine_);
        crossLine_->attachAxis(x_);
        crossLine_->attachAxis(y_);
        series_.push_back(crossLine_);
    }
    // After a sweep the title is the measured answer itself; the question stays in the tooltip.
    QString question = tr("Throughput vs message size: where does shared memory stop winning by much?");
    title_ = points.empty() ? tr("Throughput vs message size (run a sweep)") : (verdict().isEmpty() ? question : verdict());
    setToolTip(points.empty() ? QString() : question + QStringLiteral("\n") + verdict());
    theme_.apply(chart());
    QList<ChartKey::Entry> entries;
    for (const QLineSeries* s : series_) entries.append({s->pen(), s->name()});
    key_->setEntries(entries);
    key_->setFont(theme_.font(9));
    fitToWidth();
}

QString SweepChart::verdict() const {
    QStringList parts;
    for (const auto& r : sweepRatios(points_))
        parts << tr("%1: %2×").arg(toQString(formatSize(r.size)), QString::number(r.ratio, 'f', sweepRatioDecimals(r.ratio)));
    if (parts.isEmpty()) return {};
    return tr("shared memory ÷ best message passing (msgs/s): %1").arg(parts.join(QStringLiteral(" · ")));
}

QString SweepChart::csv() const {
    QString out = QStringLiteral("series,transport,size_bytes,msgs_per_s,mb_per_s\n");
    for (const auto& p : points_)
        out += toQString(seriesName(p)) + ',' + toQString(toString(p.transport)) + ',' + QString::number(p.size) + ',' +
               QString::number(p.msgsPerS, 'f', 0) + ',' + QString::number(p.mbPerS, 'f', 3) + '\n';
    return out;
}

int SweepChart::pointCount() const {
    int n = 0;
    for (auto* s : series_)
        if (s != crossLine_) n += static_cast<int>(s->count());
    return n;
}

} // namespace ipclab::ui
