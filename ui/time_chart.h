#pragma once
// A live chart of one or two measured series per lane over the last 60 s, with every sync
// toggle (and worker death) marked on the time axis. Fed from TelemetryHistory, never from
// per-message signals.
#include "chart_theme.h"
#include "telemetry_history.h"

#include <QChartView>
#include <QList>

class QLineSeries;
class QValueAxis;
class QGraphicsSimpleTextItem;

namespace ipclab::ui {

class RunController;

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
    // Rebuilds the series from the controller's lanes (called at the chart refresh rate).
    void refresh(const RunController& controller);
    void clearData();
    // No data and no series (so no legend): what a chart shows before any run of its experiment.
    void reset();
    int seriesCount() const { return static_cast<int>(series_.size()); }
    // The plotted data in long form: "series,time_s,value", then the marks.
    QString csv() const;
    QString title() const;
    // Points currently plotted, over every series (tests look at this).
    int pointCount() const;

private:
    void ensureSeries(int lanes, const QStringList& laneNames, ExperimentKind kind);
    // "msgs/s" counts updates in a race and round trips in ping-pong: say so.
    QString metricName(const ChartMetric& m) const;
    void placeMarks(const std::vector<HistoryMark>& marks, double t0, double t1);

    QList<ChartMetric> metrics_;
    QList<QLineSeries*> series_; // lane-major: lane * metrics + metric
    QList<QLineSeries*> markLines_;
    QList<QGraphicsSimpleTextItem*> markLabels_;
    QValueAxis* x_;
    QValueAxis* left_;
    QValueAxis* right_ = nullptr;
    ChartTheme theme_;
    std::vector<HistoryMark> lastMarks_;
    int lanes_ = -1;
    QStringList laneNames_;
    ExperimentKind kind_ = ExperimentKind::Stream;
    QString leftTitle_, rightTitle_;
    double leftDiv_ = 1, rightDiv_ = 1; // axes show k/M units; CSV keeps raw values
};

} // namespace ipclab::ui
