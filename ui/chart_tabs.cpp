#include "chart_tabs.h"

#include "sweep_chart.h"
#include "time_chart.h"

#include <QGridLayout>

namespace ipclab::ui {

ChartTabs::ChartTabs(QWidget* parent) : QTabWidget(parent) {
    auto* grid = new QWidget;
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
}

void ChartTabs::add(const RunSample& sample) {
    for (TimeChart* c : timeCharts()) c->add(sample);
    if (!sample.sweep.empty() || sample.sweepTotal) sweep_->setPoints(sample.sweep);
}

void ChartTabs::refreshNext() { timeCharts().at(next_++ % 4)->refresh(); }

void ChartTabs::clearData() {
    for (TimeChart* c : timeCharts()) c->clearData();
}

void ChartTabs::reset() {
    for (TimeChart* c : timeCharts()) c->reset();
}

void ChartTabs::setTheme(const ChartTheme& theme) {
    for (TimeChart* c : timeCharts()) c->setTheme(theme);
    sweep_->setTheme(theme);
}

} // namespace ipclab::ui
