#pragma once
// Throughput against message size, log–log, one line per transport (and shared memory with a
// mutex per message), with the crossover marked:
// the smallest size at which shared memory is less than 2× the best message-passing transport.
#include "chart_theme.h"
#include "ipclab/experiment/run_sample.h"

#include <QChartView>

class QLogValueAxis;
class QResizeEvent;
class QLineSeries;

namespace ipclab::ui {

class ChartKey;

class SweepChart : public QChartView {
    Q_OBJECT
public:
    explicit SweepChart(QWidget* parent = nullptr);
    void setPoints(const std::vector<SweepPoint>& points);
    void setTheme(const ChartTheme& theme);
    QString csv() const;
    QString title() const;
    int pointCount() const;
    uint32_t crossover() const { return crossover_; }
    // Per size, lock-free shared memory over the best message-passing transport, as measured
    // (the same numbers as `ipclab-cli sweep`'s last line); empty before a sweep.
    QString verdict() const;
    static QColor seriesColor(TransportKind kind, bool lockPerMessage);
    const ChartKey* key() const { return key_; }

protected:
    void resizeEvent(QResizeEvent* e) override;

private:
    // What a narrow chart (presenter mode's column) would cut to "...": the title goes on as many
    // lines as the width needs, the size axis labels every 2nd or 4th octave, the key wraps.
    void fitToWidth();
    QLogValueAxis* x_;
    QLogValueAxis* y_;
    QList<QLineSeries*> series_;
    QLineSeries* crossLine_ = nullptr;
    std::vector<SweepPoint> points_;
    ChartTheme theme_;
    uint32_t crossover_ = 0;
    ChartKey* key_;
    QString title_; // one line (the chart shows it wrapped)
};

} // namespace ipclab::ui
