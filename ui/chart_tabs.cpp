#include "chart_tabs.h"

#include "breakdown_view.h"
#include "sweep_chart.h"
#include "time_chart.h"
#include "timeline_view.h"

#include <QEvent>
#include <QGridLayout>
#include <QTabBar>
#include <QResizeEvent>

#include <algorithm>

namespace ipclab::ui {

ChartTabs::ChartTabs(QWidget* parent) : QTabWidget(parent) {
    auto* grid = grid_ = new QWidget;
    auto* g = new QGridLayout(grid);
    g->setContentsMargins(0, 0, 0, 0);
    throughput_ = new TimeChart(tr("Throughput"), tr("msgs/s"), tr("MB/s"),
                                {{Series::MsgsPerS, tr("msgs/s"), false}, {Series::MbPerS, tr("MB/s"), true}});
    contention_ = new TimeChart(tr("Lock contention"), tr("contended %"), tr("mean wait (µs)"),
                                {{Series::ContendedPct, tr("contended %"), false}, {Series::MeanWaitUs, tr("mean wait µs"), true}});
    integrity_ = new TimeChart(tr("Integrity"), tr("lost"), tr("inconsistent / corrupted"),
                               {{Series::LostUpdates, tr("lost"), false}, {Series::Inconsistent, tr("inconsistent/corrupted"), true}});
    latency_ = new TimeChart(tr("Latency"), tr("µs"), QString(),
                             {{Series::LatencyP50Us, tr("p50"), false}, {Series::LatencyP99Us, tr("p99"), false}});
    throughput_->setToolTip(tr("Measured messages (race: updates) per second over the last half second, last 60 s"));
    contention_->setToolTip(tr("Share of lock acquisitions that found the lock taken, and the mean wait"));
    integrity_->setToolTip(tr("Lost updates / messages and inconsistent records / corrupted messages, cumulative"));
    latency_->setToolTip(tr("One-way latency (ping-pong: round trip) percentiles"));
    g->addWidget(throughput_, 0, 0);
    g->addWidget(contention_, 0, 1);
    g->addWidget(integrity_, 1, 0);
    g->addWidget(latency_, 1, 1);
    addTab(grid, tr("Live charts"));
    sweep_ = new SweepChart;
    sweep_->setToolTip(tr("Throughput per message size, log–log; the dashed line marks the crossover"));
    addTab(sweep_, tr("Sweep"));
    // An independent witness: the kernel's accounting of the workers, not IPC Lab's counters.
    kernel_ = new TimeChart(tr("CPU and context switches, as the kernel counts them"), tr("% of one CPU"), tr("switches/s"),
                            {{Series::UserCpuPct, tr("user CPU %"), false},
                             {Series::SystemCpuPct, tr("kernel CPU %"), false},
                             {Series::VoluntaryPerS, tr("waited/s"), true},
                             {Series::InvoluntaryPerS, tr("preempted/s"), true}});
    kernel_->setToolTip(tr("From /proc/PID/stat and /proc/PID/status of every worker, read five times a second: CPU time "
                           "in user mode and in the kernel, context switches because a worker waited (voluntary) or was "
                           "preempted (involuntary). Measured by the kernel, not by IPC Lab."));
    addTab(kernel_, tr("Kernel's view"));
    timeline_ = new TimelineView;
    timeline_->setToolTip(tr("One lane per worker process: its published state over the last 10 s, sampled 30 times a second. "
                             "The lock's holder comes from the lock itself: one at a time."));
    addTab(timeline_, tr("Timeline"));
    breakdown_ = new BreakdownView;
    addTab(breakdown_, tr("Time per message"));
    // Where the five names do not fit the tab bar (presenter mode at 1280x720), shorter ones
    // instead of scroll arrows and a tab cut at the edge; the tooltip keeps the full name.
    labels_ = {{tr("Live charts"), tr("Live")},
               {tr("Sweep"), tr("Sweep")},
               {tr("Kernel's view"), tr("Kernel")},
               {tr("Timeline"), tr("Timeline")},
               {tr("Time per message"), tr("Per message")}};
}

void ChartTabs::add(const RunSample& sample) {
    for (TimeChart* c : allTimeCharts()) c->add(sample);
    timeline_->add(sample);
    breakdown_->add(sample);
    if (!sample.sweep.empty() || sample.sweepTotal) sweep_->setPoints(sample.sweep);
}

void ChartTabs::refreshNext() {
    // The four charts take turns (each redraws at a quarter of the sample rate, 7.5 Hz); a turn
    // of a hidden chart is skipped, so one chart shown alone is not redrawn four times as often.
    // Hidden charts keep their points and redraw when shown.
    TimeChart* c = timeCharts().at(next_++ % 4);
    if (c->isVisible() || !isVisible()) c->refresh();
    // The kernel's chart (on its own tab) redraws when shown, in the throughput chart's turn.
    if (next_ % 4 == 1 && (kernel_->isVisible() || !isVisible())) kernel_->refresh();
}

void ChartTabs::setFocusChart(int which) {
    focus_ = std::clamp(which, -1, 3);
    applyFocus();
}

void ChartTabs::setAutoFocus(bool on) {
    auto_ = on;
    applyFocus();
}

// Four charts need about 1000x560 to keep every tick label and axis title whole.
bool ChartTabs::showsAll() const { return focus_ < 0 && !(auto_ && (width() < 1000 || height() < 560)); }

void ChartTabs::applyFocus() {
    bool all = showsAll();
    int one = focus_ < 0 ? 0 : focus_;
    QList<TimeChart*> charts = timeCharts();
    for (int i = 0; i < charts.size(); ++i) {
        bool show = all || i == one;
        if (charts[i]->isVisibleTo(grid_) == show) continue;
        charts[i]->setVisible(show);
        if (show) charts[i]->refresh();
    }
}

void ChartTabs::resizeEvent(QResizeEvent* e) {
    QTabWidget::resizeEvent(e);
    applyFocus();
    fitTabLabels();
}

void ChartTabs::changeEvent(QEvent* e) {
    QTabWidget::changeEvent(e);
    if (e->type() == QEvent::FontChange) fitTabLabels();
}

void ChartTabs::fitTabLabels() {
    auto use = [this](bool shortNames) {
        for (int i = 0; i < count() && i < labels_.size(); ++i) {
            const QString& text = shortNames ? labels_[i].second : labels_[i].first;
            if (tabText(i) != text) setTabText(i, text);
            setTabToolTip(i, shortNames && text != labels_[i].first ? labels_[i].first : QString());
        }
    };
    use(false);
    shortLabels_ = tabBar()->sizeHint().width() > width();
    if (shortLabels_) use(true);
}

bool ChartTabs::tabsFit() const { return tabBar()->sizeHint().width() <= width(); }

void ChartTabs::clearData() {
    for (TimeChart* c : allTimeCharts()) c->clearData();
    timeline_->clear();
    breakdown_->clear();
}

void ChartTabs::reset() {
    for (TimeChart* c : allTimeCharts()) c->reset();
    timeline_->clear();
    breakdown_->clear();
}

void ChartTabs::setTheme(const ChartTheme& theme) {
    for (TimeChart* c : allTimeCharts()) c->setTheme(theme);
    timeline_->setTheme(theme);
    breakdown_->setTheme(theme);
    sweep_->setTheme(theme);
}

} // namespace ipclab::ui
