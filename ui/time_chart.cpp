#include "time_chart.h"

#include "chart_grid.h"
#include "chart_key.h"
#include "chart_lines.h"
#include "core_text.h"
#include "line_decimation.h"

#include <QFontInfo>
#include <QFontMetricsF>
#include <QGraphicsSimpleTextItem>
#include <QLegend>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace ipclab::ui {

namespace {
// "M" or "k" for a counts axis divided by a million or a thousand, "" otherwise.
QString scaleName(double div) { return div == 1e6 ? QStringLiteral("M") : div == 1e3 ? QStringLiteral("k") : QString(); }
} // namespace

TimeChart::TimeChart(const QString& title, const QString& leftTitle, const QString& rightTitle, QList<ChartMetric> metrics,
                     QWidget* parent)
    : QChartView(parent), metrics_(std::move(metrics)), leftTitle_(leftTitle), rightTitle_(rightTitle) {
    auto* chart = new QChart;
    chart->setTitle(title);
    chart->legend()->hide(); // the key below wraps where Qt's legend would cut names to "..."
    key_ = new ChartKey(chart);
    chart->setMargins(QMargins(4, 4, 4, 4));
    x_ = new QValueAxis;
    x_->setTitleText(tr("time (s)"));
    x_->setLabelFormat("%.0f");
    x_->setRange(0, 10);
    x_->setTickType(QValueAxis::TicksDynamic);
    x_->setTickAnchor(0);
    x_->setTickInterval(2);
    left_ = new QValueAxis;
    left_->setTitleText(leftTitle);
    leftShown_ = leftTitle;
    left_->setLabelFormat("%.6g");
    left_->setRange(0, 1);
    chart->addAxis(x_, Qt::AlignBottom);
    chart->addAxis(left_, Qt::AlignLeft);
    if (!rightTitle.isEmpty()) {
        right_ = new QValueAxis;
        right_->setTitleText(rightTitle);
        rightShown_ = rightTitle;
        right_->setLabelFormat("%.6g");
        right_->setRange(0, 1);
        chart->addAxis(right_, Qt::AlignRight);
    }
    setChart(chart);
    if (right_) right_->setGridLineVisible(false); // its lines would fall on the left axis's
    new ChartGrid(chart, x_, left_, right_);       // (a child of the chart: deleted with it)
    lines_ = new ChartLines(chart, x_);             // (the same)
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(220, 150);
    ensureSeries(1, {QString()}, ExperimentKind::Stream);
    theme_.apply(chart);
    key_->setFont(theme_.font(9));
}

QString TimeChart::title() const { return chart()->title(); }

void TimeChart::resizeEvent(QResizeEvent* e) {
    QChartView::resizeEvent(e);
    key_->placeIn(chart());
    fitAxisTitles();
}

void TimeChart::fitAxisTitles() {
    QFontMetricsF fm(left_->titleFont());
    double need = fm.horizontalAdvance(leftShown_);
    if (right_) need = std::max(need, fm.horizontalAdvance(rightShown_));
    need += 8;
    const double plotH = chart()->plotArea().height();
    const double xTitleH = fm.height() + 6; // what the time axis's title takes from the plot
    // Tighter as soon as a title would be cut; looser only with room for what the step gives back
    // (so that showing it again cannot cut it and flip back at the next frame).
    int t = tightness_;
    if (plotH < need && t < 2) ++t;
    else if (t > 0 && plotH >= need + (t == 1 ? xTitleH : 0) + 4) --t;
    tightness_ = t;
    // (Set only when different: each set lays the chart out again.)
    auto format = [](QValueAxis* a, const QString& f) {
        if (a->labelFormat() != f) a->setLabelFormat(f);
    };
    if (x_->isTitleVisible() != (t == 0)) x_->setTitleVisible(t == 0);
    format(x_, t == 0 ? QStringLiteral("%.0f") : QStringLiteral("%.0f s"));
    // At the shortest the vertical titles are emptied (hidden, Qt Charts cut the right axis's
    // labels to "..."), and a k or M goes into their labels: the key names the units.
    auto apply = [&](QValueAxis* a, const QString& title, double div) {
        if (!a) return;
        const QString scale = scaleName(div);
        if (a->titleText() != (t < 2 ? title : QString())) a->setTitleText(t < 2 ? title : QString());
        format(a, t < 2 || scale.isEmpty() ? QStringLiteral("%.6g") : QStringLiteral("%.6g ") + scale);
    };
    apply(left_, leftShown_, leftDiv_);
    apply(right_, rightShown_, rightDiv_);
    // Five labels a side need about five lines of height; fewer where the plot is short (Qt cuts
    // a label that has no room to "...").
    const int ticks = plotH >= 5 * fm.height() ? 5 : 3;
    for (QValueAxis* a : {left_, right_})
        if (a && a->tickCount() != ticks) a->setTickCount(ticks);
}

void TimeChart::setTheme(const ChartTheme& theme) {
    theme_ = theme;
    theme_.apply(chart());
    key_->setFont(theme_.font(9));
    key_->placeIn(chart());
    for (int i = 0; i < series_.size(); ++i) pens_[i].setWidth(theme_.lineWidth());
    drawLines();
    for (auto* l : markLabels_) l->setFont(theme_.font(8));
}

QString TimeChart::metricName(const ChartMetric& m) const {
    if (m.series == Series::MsgsPerS && kind_ == ExperimentKind::Race) return tr("updates/s");
    if (m.series == Series::MsgsPerS && kind_ == ExperimentKind::PingPong) return tr("round trips/s");
    return m.name;
}

bool TimeChart::measured(const ChartMetric& m, ExperimentKind kind) { return !(m.series == Series::MbPerS && kind == ExperimentKind::Race); }

QString TimeChart::legendName(const QString& metric, const QString& lane, bool manyLanes) {
    if (manyLanes || !lane.isEmpty()) return lane + ": " + metric;
    return metric;
}

void TimeChart::ensureSeries(int lanes, const QStringList& laneNames, ExperimentKind kind) {
    if (lanes == lanes_ && laneNames == laneNames_ && kind == kind_) return;
    laneNames_ = laneNames;
    kind_ = kind;
    for (const auto& m : metrics_)
        if (m.series == Series::MsgsPerS && !m.rightAxis) leftTitle_ = metricName(m);
    for (auto* s : series_) {
        chart()->removeSeries(s);
        delete s;
    }
    series_.clear();
    pens_.clear();
    for (int lane = 0; lane < lanes; ++lane) {
        for (int m = 0; m < metrics_.size(); ++m) {
            auto* s = new QLineSeries;
            QString name = legendName(metricName(metrics_[m]), laneNames.value(lane), lanes > 1);
            s->setName(name);
            QPen pen(ChartTheme::laneColor(lane, m));
            pen.setWidth(theme_.lineWidth());
            if (metrics_[m].rightAxis) pen.setStyle(Qt::DashLine);
            pens_.push_back(pen);
            pen.setStyle(Qt::NoPen); // drawn by lines_ (its colour and style go to the key)
            s->setPen(pen);
            chart()->addSeries(s);
            s->attachAxis(x_);
            s->attachAxis(metrics_[m].rightAxis && right_ ? right_ : left_);
            series_.push_back(s);
        }
    }
    // The key names what the run measures; an axis of nothing measured goes (a race's MB/s).
    QList<ChartKey::Entry> entries;
    for (int i = 0; i < series_.size(); ++i)
        if (measured(metrics_[i % metrics_.size()], kind_)) entries.append({pens_[i], series_[i]->name()});
    key_->setEntries(entries);
    if (right_) {
        bool any = std::any_of(metrics_.begin(), metrics_.end(), [&](const ChartMetric& m) { return m.rightAxis && measured(m, kind_); });
        right_->setVisible(any);
    }
    key_->placeIn(chart());
    drawLines();
    lanes_ = lanes;
}

void TimeChart::drawLines() {
    QList<ChartLines::Line> lines;
    for (int i = 0; i < series_.size(); ++i) {
        const ChartMetric& m = metrics_[i % metrics_.size()];
        // (A new theme keeps the points; new series get theirs at the next refresh.)
        lines.append({series_[i], m.rightAxis && right_ ? right_ : left_, pens_[i], lines_->points(i)});
    }
    lines_->setLines(std::move(lines));
}

void TimeChart::clearData() {
    lines_->clearPoints();
    points_.clear();
    marks_.clear();
    placeMarks({}, 0, 1);
}

void TimeChart::add(const RunSample& sample) {
    if (sample.lanes.empty()) return; // a sweep or isolation run: keep the last run on screen
    QStringList names;
    shortLanes_.clear();
    for (const auto& l : sample.lanes) {
        names << laneName(l);
        shortLanes_ << shortLaneName(l); // "shm", "pipe": the CLI's names
    }
    if (sample.index == 0 || names != sampleLanes_ || sample.experiment != sampleKind_) {
        points_.assign(sample.lanes.size(), {});
        marks_.clear();
    }
    sampleLanes_ = names;
    sampleKind_ = sample.experiment;
    windowS_ = sample.lanes.front().windowS;
    double t = 0;
    for (std::size_t i = 0; i < sample.lanes.size(); ++i) {
        auto& pts = points_[i];
        const HistoryPoint& p = sample.lanes[i].point;
        if (!pts.empty() && p.t <= pts.back().t) continue; // the final sample at stop repeats the last instant
        pts.push_back(p);
        while (pts.front().t < p.t - windowS_) pts.pop_front();
        t = std::max(t, p.t);
    }
    // The marks of the first lane: in compare mode both lanes switch together, and only the
    // shared-memory lane's lock changes anything.
    for (const auto& m : sample.lanes.front().newMarks) marks_.push_back(m);
    while (!marks_.empty() && marks_.front().t < t - windowS_) marks_.erase(marks_.begin());
}

void TimeChart::reset() {
    clearData();
    ensureSeries(0, {}, kind_);
}

void TimeChart::refresh() {
    if (points_.empty()) return;
    // Two lanes' key ("shared memory: msgs/s" x 4) takes two rows in a narrow chart: there the
    // lanes go by their short names ("shm: msgs/s"), in as many rows as those still need.
    int lanes = static_cast<int>(points_.size());
    auto fits = [&](const QStringList& names) {
        QFontMetricsF fm(key_->font());
        double need = 0;
        for (int lane = 0; lane < lanes; ++lane)
            for (int m = 0; m < metrics_.size(); ++m)
                if (measured(metrics_[m], sampleKind_)) need += fm.horizontalAdvance(legendName(metricName(metrics_[m]), names.value(lane), lanes > 1)) + 40;
        return need <= chart()->size().width(); // one row of the key (its margins and last gap aside)
    };
    bool compact = lanes > 1 && (width() < 1100 || !fits(sampleLanes_));
    ensureSeries(lanes, compact ? shortLanes_ : sampleLanes_, sampleKind_);

    double t1 = 0, leftMax = 0, rightMax = 0;
    for (const auto& lane : points_) {
        for (const auto& p : lane)
            for (const auto& m : metrics_)
                if (!std::isnan(p[m.series])) (m.rightAxis ? rightMax : leftMax) = std::max(m.rightAxis ? rightMax : leftMax, p[m.series]);
        if (!lane.empty()) t1 = std::max(t1, lane.back().t);
    }
    // Large counts read better as "2.5 M msgs/s" than as 2.5e+06.
    // Times go from µs to ms (never "k µs").
    auto unit = [](double max, double& div, const QString& title) {
        bool micro = title.endsWith(QString::fromUtf8("µs")) || title.endsWith(QString::fromUtf8("(µs)"));
        if (micro) {
            div = max >= 2e3 ? 1e3 : 1;
            QString ms = title;
            return div == 1e3 ? ms.replace(QString::fromUtf8("µs"), "ms") : title;
        }
        div = max >= 2e6 ? 1e6 : max >= 2e4 ? 1e3 : 1;
        return scaleName(div).isEmpty() ? title : scaleName(div) + ' ' + title;
    };
    leftShown_ = unit(leftMax, leftDiv_, leftTitle_);
    if (right_) rightShown_ = unit(rightMax, rightDiv_, rightTitle_);
    fitAxisTitles();
    leftMax /= leftDiv_;
    rightMax /= rightDiv_;
    double t0 = std::max(0.0, t1 - windowS_);
    double span = std::max(t1, t0 + 10.0) - t0;
    // Two pixels of the plot: a minute's samples (1,800 a series) drawn as at most the plot's
    // width in points (line_decimation.h); the CSV export keeps them all.
    const double plotPx = chart()->plotArea().width();
    const double column = plotPx > 0 ? 2.0 * span / plotPx : 0.0;
    for (std::size_t lane = 0; lane < points_.size(); ++lane) {
        const auto& pts = points_[lane];
        for (int m = 0; m < metrics_.size(); ++m) {
            double div = metrics_[m].rightAxis ? rightDiv_ : leftDiv_;
            QList<QPointF> out;
            out.reserve(static_cast<qsizetype>(pts.size()));
            // NaN: not measured at that instant (the kernel's rates before a second's worth was read).
            for (const auto& p : pts)
                if (!std::isnan(p[metrics_[m].series])) out.append(QPointF(p.t, p[metrics_[m].series] / div));
            lines_->setPoints(static_cast<int>(lane) * static_cast<int>(metrics_.size()) + m, decimateToColumns(out, t0, column));
        }
    }
    x_->setRange(t0, std::max(t1, t0 + 10.0));
    x_->setTickInterval(span <= 12 ? 2 : span <= 30 ? 5 : 10);
    // Round the axis top up to a "nice" number so it does not jitter every frame.
    auto nice = [](double v) {
        if (v <= 0) return 1.0;
        double p = std::pow(10.0, std::floor(std::log10(v)));
        for (double k : {1.0, 2.0, 2.5, 5.0, 10.0})
            if (v * 1.1 <= k * p) return k * p;
        return 10 * p;
    };
    left_->setRange(0, nice(leftMax));
    if (right_) right_->setRange(0, nice(rightMax));
    placeMarks(marks_, t0, std::max(t1, t0 + 10.0));
}

QString TimeChart::csv() const {
    QString out = QStringLiteral("series,time_s,value\n");
    auto quoted = [](QString s) { return '"' + s.replace('"', "\"\"") + '"'; };
    // Every kept sample (the chart draws fewer where they are denser than its pixels).
    for (std::size_t lane = 0; lane < points_.size(); ++lane)
        for (int m = 0; m < metrics_.size(); ++m) {
            int i = static_cast<int>(lane) * static_cast<int>(metrics_.size()) + m;
            if (i >= series_.size()) continue;
            for (const auto& p : points_[lane])
                if (!std::isnan(p[metrics_[m].series]))
                    out += quoted(series_[i]->name()) + ',' + QString::number(p.t, 'f', 3) + ',' +
                           QString::number(p[metrics_[m].series], 'g', 10) + '\n';
        }
    for (const auto& m : marks_)
        out += quoted("mark: " + QString::fromStdString(m.label)) + ',' + QString::number(m.t, 'f', 3) + ",\n";
    return out;
}

void TimeChart::placeMarks(const std::vector<HistoryMark>& marks, double t0, double t1) {
    // One dashed vertical line and a label per mark inside the window; lines are pooled.
    int n = 0;
    double top = left_->max();
    for (const auto& m : marks) {
        if (m.t < t0 || m.t > t1) continue;
        if (n == markLines_.size()) {
            auto* line = new QLineSeries;
            QPen pen(QColor(90, 90, 90));
            pen.setStyle(Qt::DashLine);
            pen.setWidth(1);
            line->setPen(pen);
            chart()->addSeries(line);
            line->attachAxis(x_);
            line->attachAxis(left_);
            markLines_.push_back(line);
            auto* label = new QGraphicsSimpleTextItem(chart());
            label->setBrush(QColor(60, 60, 60));
            label->setFont(theme_.font(8));
            markLabels_.push_back(label);
        }
        markLines_[n]->replace(QList<QPointF>{{m.t, 0}, {m.t, top}});
        markLines_[n]->setVisible(true);
        markLabels_[n]->setText(QString::fromStdString(m.label));
        QPointF pos = chart()->mapToPosition(QPointF(m.t, top), markLines_[n]);
        // Under the top edge, off the line: at the top a mark at t = 0 read as one word with the
        // left axis's top label ("2000sync on").
        markLabels_[n]->setPos(pos + QPointF(5, (n % 3 + 0.6) * markLabels_[n]->boundingRect().height()));
        markLabels_[n]->setVisible(true);
        ++n;
    }
    for (int i = n; i < markLines_.size(); ++i) {
        markLines_[i]->setVisible(false);
        markLabels_[i]->setVisible(false);
    }
}

int TimeChart::smallestTextPx() const {
    int px = QFontInfo(key_->font()).pixelSize();
    for (const QAbstractAxis* a : chart()->axes()) px = std::min(px, QFontInfo(a->labelsFont()).pixelSize());
    return px;
}

int TimeChart::pointCount() const {
    int n = 0;
    for (int i = 0; i < series_.size(); ++i) n += static_cast<int>(lines_->points(i).size());
    return n;
}

} // namespace ipclab::ui
