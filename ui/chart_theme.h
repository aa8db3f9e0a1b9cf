#pragma once
// Screen and lecture looks for charts and the flow scene. The lecture theme is for projectors
// and slides: white background, large fonts, thick lines.
#include <QColor>
#include <QFont>

#include "ipclab/experiment/run_sample.h"

class QChart;

namespace ipclab::ui {

struct ChartTheme {
    bool lecture = false;
    double fontScale = 1.0;         // presenter mode enlarges chart text
    double lectureFontFactor = 1.3; // the scene scales with its view, so it uses 1.0
    QColor background() const { return lecture ? Qt::white : QColor(250, 250, 252); }
    int lineWidth() const { return lecture ? 4 : 2; }
    QFont font(int basePt) const;
    static QColor laneColor(int lane, int seriesIndex);
    // A worker's state, the same colour in the scene's boxes and the timeline's bars.
    static QColor stateColor(WorkerState state, bool dead);
    void apply(QChart* chart) const;
};

} // namespace ipclab::ui
