#pragma once
// A lesson's verdict on one page: the claim, the prediction, the verdict, the numbers and a
// chart of them. The same painting is the card on screen and the exported report (PDF, PNG),
// so what a student hands in is what the room saw.
#include "lesson_session.h"

#include <QList>
#include <QRectF>
#include <QSize>

class QPainter;

namespace ipclab::ui {

// The numbers drawn as bars: the largest group of shown numbers with one unit (shared memory
// and pipe msgs/s side by side), else the numbers the value was computed from.
QList<LessonResult::Number> chartNumbers(const LessonResult& r);

// Paints the page into `area`; text sizes follow the area, so it reads from the back row on a
// projector and on paper alike.
void paintLessonReport(QPainter& p, const QRectF& area, const LessonResult& r);

// PDF when the path ends in .pdf (A4 landscape), PNG otherwise (`pngSize` pixels).
bool exportLessonReport(const LessonResult& r, const QString& path, QSize pngSize, QString* error);

// Writes the predictions log (LessonSession::logPath) to `path`, a header and a row per verdict.
bool exportPredictions(const QString& path, QString* error);

} // namespace ipclab::ui
