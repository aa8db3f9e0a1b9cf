#pragma once
// One lesson's Measure and Conclude steps: runs the lesson's experiments headless on a thread of
// its own (the core's measureLesson, the same path as `ipclab-cli lesson`), offers its progress
// to be polled, and turns the core's verdict into plain values for the card and the report.
// Every verdict is appended to the predictions log (a CSV in the user's data folder).
#include "lesson_library.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>

class QThread;

namespace ipclab::ui {

struct LessonResult {
    enum class Outcome { Holds, HoldsBut, DoesNotHold };
    struct Number {
        QString label;
        double value = 0;
        QString text; // value and unit, 3 significant digits
        QString unit; // as the lesson names it ("msgs/s"; empty for a raw measurement)
        bool operand = false; // the verdict's value is computed from it
    };
    int number = 0; // the lesson's place in the menu, from 1
    QString lessonId, title, claim, question;
    Outcome outcome = Outcome::DoesNotHold;
    QString outcomeWords; // "holds", "holds, but…", "does not hold here"
    QString label;        // what was measured
    double value = 0;
    QString valueText, rule, explanation;
    std::optional<double> prediction;
    QString predictionText, comparison; // empty when the question was skipped
    QList<Number> numbers;
    QDateTime when;
    QString machine; // host, CPUs, kernel: where it was measured
};

class LessonSession : public QObject {
    Q_OBJECT
public:
    explicit LessonSession(QObject* parent = nullptr);
    ~LessonSession() override; // cancels and waits: no worker outlives the window

    // Measures `lesson` (stepSeconds 0: each experiment's own length) and decides its verdict.
    void start(const Lesson& lesson, int number, std::optional<double> prediction, const QString& language,
               double stepSeconds = 0);
    void cancel();
    bool running() const { return thread_ != nullptr; }

    struct Progress {
        int step = 0, steps = 1;
        double elapsed = 0, length = 1;
        QString stepName;
        double fraction() const; // 0..1 over all steps
    };
    Progress progress() const;

    // The predictions log: one CSV row per verdict, kept across sessions.
    static QString logPath();
    static QString csvHeader();
    static QString csvRow(const LessonResult& r);

signals:
    void finished(const ipclab::ui::LessonResult& result);
    void failed(const QString& message);

private:
    void onThreadDone();

    QThread* thread_ = nullptr;
    Lesson lesson_;
    int number_ = 0;
    std::optional<double> prediction_;
    QString language_;
    std::shared_ptr<std::atomic<bool>> cancelled_;
    struct Shared;
    std::shared_ptr<Shared> shared_;
};

} // namespace ipclab::ui
