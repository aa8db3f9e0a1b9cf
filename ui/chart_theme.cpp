#include "chart_theme.h"

#include <QAbstractAxis>
#include <QChart>
#include <QLegend>

namespace ipclab::ui {

QFont ChartTheme::font(int basePt) const {
    QFont f;
    f.setPointSizeF(basePt * fontScale * (lecture ? lectureFontFactor : 1.0));
    return f;
}

QColor ChartTheme::laneColor(int lane, int seriesIndex) {
    // Lane 0 (usually shared memory) in blues/greens, lane 1 (message passing) in oranges/reds.
    // (Four for the kernel's chart: user, kernel, waited, preempted.)
    static const QColor lane0[] = {QColor(31, 119, 180), QColor(44, 160, 44), QColor(23, 190, 207), QColor(148, 103, 189)};
    static const QColor lane1[] = {QColor(255, 127, 14), QColor(214, 39, 40), QColor(188, 189, 34), QColor(140, 86, 75)};
    const QColor* set = lane == 0 ? lane0 : lane1;
    return set[seriesIndex % 4];
}

QColor ChartTheme::stateColor(WorkerState state, bool dead) {
    if (dead) return QColor(200, 60, 60);
    switch (state) {
    case WorkerState::HoldingLock: return QColor(255, 200, 80);
    case WorkerState::WaitingLock: return QColor(255, 150, 120);
    case WorkerState::Spinning: return QColor(214, 90, 160); // burning its CPU while it waits
    case WorkerState::UnlockedSection: return QColor(235, 110, 30); // where "holding" would be, unguarded
    case WorkerState::InKernel: return QColor(170, 190, 240);
    case WorkerState::Paused: return QColor(200, 200, 200);
    case WorkerState::Exited: return QColor(225, 225, 225);
    default: return QColor(190, 230, 190);
    }
}

void ChartTheme::apply(QChart* chart) const {
    chart->setBackgroundBrush(background());
    chart->setBackgroundRoundness(0);
    chart->setTitleFont([&] { QFont f = font(11); f.setBold(true); return f; }());
    chart->legend()->setFont(font(9));
    for (QAbstractAxis* a : chart->axes()) {
        a->setLabelsFont(font(9));
        a->setTitleFont(font(9));
    }
}

} // namespace ipclab::ui
