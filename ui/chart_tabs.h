#pragma once
// The charts: "Live charts" (throughput, lock contention, integrity, latency over the last
// 60 s), "Sweep" (throughput against message size) and "Kernel's view" (the workers' CPU in
// user mode and in the kernel, and context switches, as the kernel counted them) and "Timeline"
// (who was doing what, when: one lane per worker) and "Time per message" (where a stream's
// message spends its time, each side). Every chart keeps every RunSample's
// points; one chart redraws per call of refreshNext(), so no repaint is long enough to make an
// animation frame late.
#include "chart_theme.h"
#include "ipclab/experiment/run_sample.h"

#include <QTabWidget>

namespace ipclab::ui {

class SweepChart;
class TimeChart;
class TimelineView;
class BreakdownView;

class ChartTabs : public QTabWidget {
    Q_OBJECT
public:
    explicit ChartTabs(QWidget* parent = nullptr);

    void add(const RunSample& sample);
    // Redraws the next live chart in turn (each at a quarter of the calls).
    void refreshNext();
    void clearData(); // a new run starts: no points, the series stay
    void reset();     // another experiment chosen: no points and no series (no legend)
    void showLive() { setCurrentIndex(0); }
    // Which live charts are shown: all four (-1), or only one (0 throughput, 1 contention,
    // 2 integrity, 3 latency) filling the page. Auto: all four when the page has room for them
    // to be read (no "..." labels), else the chosen one.
    void setFocusChart(int which);
    int focusChart() const { return focus_; }
    void setAutoFocus(bool on);
    bool showsAll() const;
    void showSweep() { setCurrentIndex(1); }
    void showKernel() { setCurrentIndex(2); }
    void showTimeline() { setCurrentIndex(3); }
    void showBreakdown() { setCurrentIndex(4); }
    void setTheme(const ChartTheme& theme);
    // The tab names: the full ones where they fit the bar, else short ones (tests look).
    bool shortLabels() const { return shortLabels_; }
    bool tabsFit() const; // every tab whole, no scroll arrows

    TimeChart* throughput() const { return throughput_; }
    TimeChart* contention() const { return contention_; }
    TimeChart* integrity() const { return integrity_; }
    TimeChart* latency() const { return latency_; }
    SweepChart* sweep() const { return sweep_; }
    TimeChart* kernel() const { return kernel_; }
    TimelineView* timeline() const { return timeline_; }
    BreakdownView* breakdown() const { return breakdown_; }
    // The four of "Live charts" (what the focus keys choose from).
    QList<TimeChart*> timeCharts() const { return {throughput_, contention_, integrity_, latency_}; }
    // Every chart over time, the kernel's included.
    QList<TimeChart*> allTimeCharts() const { return {throughput_, contention_, integrity_, latency_, kernel_}; }

private:
    TimeChart* throughput_;
    TimeChart* contention_;
    TimeChart* integrity_;
    TimeChart* latency_;
    SweepChart* sweep_;
    TimeChart* kernel_;
    TimelineView* timeline_;
    BreakdownView* breakdown_;
    QWidget* grid_;
    int next_ = 0;
    int focus_ = -1;   // -1: all four
    bool auto_ = true; // fall back to one chart when four would not be readable
    QList<QPair<QString, QString>> labels_; // each tab's full and short name
    bool shortLabels_ = false;

protected:
    void resizeEvent(QResizeEvent* e) override;
    void changeEvent(QEvent* e) override;

private:
    void fitTabLabels();
    void applyFocus();
};

} // namespace ipclab::ui
