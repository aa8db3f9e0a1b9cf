#pragma once
// A live chart of one or two measured series per lane over the last 60 s, with every sync
// toggle (and worker death) marked on the time axis. Fed one RunSample at a time (live or
// recorded), never from per-message signals; it keeps its own window of points.
#include "chart_theme.h"
#include "ipclab/experiment/run_sample.h"

#include <QChartView>
#include <QList>
#include <QPen>

#include <deque>
#include <vector>

class QLineSeries;
class QValueAxis;
class QGraphicsSimpleTextItem;

namespace ipclab::ui {

class ChartKey;
class ChartLines;

struct ChartMetric {
    Series series;
    QString name;    // legend text ("msgs/s")
    bool rightAxis;  // plotted against the right-hand axis
};

class TimeChart : public QChartView {
    Q_OBJECT
public:
    TimeChart(const QString& title, const QString& leftTitle, const QString& rightTitle, QList<ChartMetric> metrics,
              QWidget* parent = nullptr);

    void setTheme(const ChartTheme& theme);
    // Keeps this sample's points and marks (cheap; every chart gets every sample). A sample
    // with index 0 starts a new run: the previous one's points go.
    void add(const RunSample& sample);
    // Redraws the series from the kept points (at the chart refresh rate, when visible).
    void refresh();
    void clearData();
    // No data and no series (so no legend): what a chart shows before any run of its experiment.
    void reset();
    int seriesCount() const { return static_cast<int>(series_.size()); }
    // The plotted data in long form: "series,time_s,value", then the marks.
    QString csv() const;
    QString title() const;
    // Points currently plotted, over every series (tests look at this).
    int pointCount() const;
    const ChartKey* key() const { return key_; }
    // The smallest text it draws (tick labels, legend), in pixels: the back row's measure.
    int smallestTextPx() const;

protected:
    void resizeEvent(QResizeEvent* e) override;

private:
    // A short chart: Qt cuts an axis title that does not fit to "...". Where the plot is shorter
    // than the vertical titles need, the time axis gives up its title (its labels say "2 s") and
    // the plot gets that height; at the shortest, the vertical titles go too (the key still
    // names every series).
    void fitAxisTitles();
    void ensureSeries(int lanes, const QStringList& laneNames, ExperimentKind kind);
    // A series' key entry: "shared memory: msgs/s" ("shm: msgs/s" where room is short).
    static QString legendName(const QString& metric, const QString& lane, bool manyLanes);
    // "msgs/s" counts updates in a race and round trips in ping-pong: say so.
    QString metricName(const ChartMetric& m) const;
    // Whether the chart's experiment measures it (a race moves no messages: no MB/s).
    static bool measured(const ChartMetric& m, ExperimentKind kind);
    void placeMarks(const std::vector<HistoryMark>& marks, double t0, double t1);
    void drawLines(); // hands the series and their pens to lines_

    QList<ChartMetric> metrics_;
    QList<QLineSeries*> series_; // lane-major: lane * metrics + metric
    QList<QPen> pens_;           // how each is drawn (by lines_; the series have no pen)
    ChartLines* lines_;
    ChartKey* key_;
    QList<QLineSeries*> markLines_;
    QList<QGraphicsSimpleTextItem*> markLabels_;
    QValueAxis* x_;
    QValueAxis* left_;
    QValueAxis* right_ = nullptr;
    ChartTheme theme_;
    std::vector<std::deque<HistoryPoint>> points_; // per lane, the last windowS_
    std::vector<HistoryMark> marks_;
    double windowS_ = 60;
    QStringList sampleLanes_;   // lane names of the kept points
    QStringList shortLanes_;    // the same, short ("shm", "pipe"), for a narrow chart
    ExperimentKind sampleKind_ = ExperimentKind::Stream;
    int lanes_ = -1;
    QStringList laneNames_;
    ExperimentKind kind_ = ExperimentKind::Stream;
    QString leftTitle_, rightTitle_;
    int tightness_ = 0; // 0: all titles; 1: no time-axis title; 2: no axis titles
    QString leftShown_, rightShown_; // the vertical axes' titles with their k/M
    double leftDiv_ = 1, rightDiv_ = 1; // axes show k/M units; CSV keeps raw values
};

} // namespace ipclab::ui
