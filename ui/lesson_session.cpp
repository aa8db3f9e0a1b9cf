#include "lesson_session.h"

#include "ipclab/lesson/lesson_runner.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QSysInfo>
#include <QThread>

#include <sys/utsname.h>
#include <unistd.h>

#include <mutex>

namespace ipclab::ui {

struct LessonSession::Shared {
    std::atomic<int> step{0}, steps{1};
    std::atomic<double> elapsed{0}, length{1};
    std::mutex mutex; // guards what the thread leaves behind
    Measurements measurements;
    QString error;
};

namespace {
QString q(const std::string& s) { return QString::fromStdString(s); }

QString machineText() {
    struct utsname u {};
    ::uname(&u);
    return QObject::tr("%1 · %2 CPUs · Linux %3").arg(QSysInfo::machineHostName()).arg(::sysconf(_SC_NPROCESSORS_ONLN)).arg(u.release);
}

QString csvField(QString s) {
    if (s.contains(',') || s.contains('"') || s.contains('\n')) s = '"' + s.replace('"', "\"\"") + '"';
    return s;
}
} // namespace

LessonSession::LessonSession(QObject* parent) : QObject(parent) {}

LessonSession::~LessonSession() {
    if (thread_) {
        cancel();
        thread_->wait();
    }
}

void LessonSession::start(const Lesson& lesson, int number, std::optional<double> prediction, const QString& language,
                          double stepSeconds) {
    if (thread_ || !lesson.data) return;
    lesson_ = lesson;
    number_ = number;
    prediction_ = prediction;
    language_ = language;
    cancelled_ = std::make_shared<std::atomic<bool>>(false);
    shared_ = std::make_shared<Shared>();
    shared_->steps = static_cast<int>(lesson.data->measure.size());
    // The thread gets its own copies: it never touches the window, which polls progress().
    auto data = lesson.data;
    auto cancelled = cancelled_;
    auto shared = shared_;
    thread_ = QThread::create([data, cancelled, shared, stepSeconds] {
        LessonRunOptions o;
        o.secondsPerStep = stepSeconds;
        o.cancelled = [cancelled] { return cancelled->load(); };
        try {
            Measurements m = measureLesson(*data, o, [&](int step, int steps, double elapsed, double length) {
                shared->step = step;
                shared->steps = steps;
                shared->elapsed = elapsed;
                shared->length = length;
            });
            std::lock_guard lock(shared->mutex);
            shared->measurements = std::move(m);
        } catch (const std::exception& e) {
            std::lock_guard lock(shared->mutex);
            shared->error = QString::fromUtf8(e.what());
        }
    });
    connect(thread_, &QThread::finished, this, &LessonSession::onThreadDone);
    thread_->start();
}

void LessonSession::cancel() {
    if (cancelled_) cancelled_->store(true);
}

double LessonSession::Progress::fraction() const {
    if (steps <= 0) return 1;
    return std::clamp((step + std::clamp(elapsed / std::max(length, 1e-3), 0.0, 1.0)) / steps, 0.0, 1.0);
}

LessonSession::Progress LessonSession::progress() const {
    Progress p;
    if (!shared_) return p;
    p.step = shared_->step;
    p.steps = shared_->steps;
    p.elapsed = shared_->elapsed;
    p.length = shared_->length;
    if (p.step < lesson_.steps.size()) p.stepName = lesson_.steps[p.step];
    return p;
}

void LessonSession::onThreadDone() {
    thread_->deleteLater();
    thread_ = nullptr;
    if (cancelled_->load()) return; // the user moved on: no verdict from a partial run
    Measurements m;
    QString error;
    {
        std::lock_guard lock(shared_->mutex);
        m = shared_->measurements;
        error = shared_->error;
    }
    if (!error.isEmpty()) {
        emit failed(tr("Lesson %1 could not be measured: %2").arg(number_).arg(error));
        return;
    }
    LessonResult r;
    try {
        std::string lang = language_.toStdString();
        Verdict v = decide(*lesson_.data, m, prediction_, lang);
        r.number = number_;
        r.lessonId = lesson_.id;
        r.title = lesson_.title;
        r.claim = lesson_.claim;
        r.question = lesson_.question;
        r.outcome = v.outcome == Outcome::Holds      ? LessonResult::Outcome::Holds
                    : v.outcome == Outcome::HoldsBut ? LessonResult::Outcome::HoldsBut
                                                     : LessonResult::Outcome::DoesNotHold;
        r.outcomeWords = q(outcomeWords(v.outcome, lang));
        r.label = q(v.label);
        r.value = v.value;
        r.valueText = q(formatValue(v.value, v.unit));
        r.rule = q(v.rule);
        r.explanation = q(v.explanation);
        r.prediction = v.prediction;
        if (v.prediction) r.predictionText = q(formatValue(*v.prediction, v.unit));
        r.comparison = q(v.comparison);
        for (const auto& n : v.numbers)
            r.numbers << LessonResult::Number{q(n.label), n.value, q(formatValue(n.value, n.unit)), q(n.unit), !n.name.empty()};
        r.when = QDateTime::currentDateTime();
        r.machine = machineText();
    } catch (const std::exception& e) {
        emit failed(tr("Lesson %1: %2").arg(number_).arg(QString::fromUtf8(e.what())));
        return;
    }
    // Kept across sessions, so a course's predictions and results can be handed in as one CSV.
    QFile log(logPath());
    QDir().mkpath(QFileInfo(log).absolutePath());
    bool fresh = !log.exists() || log.size() == 0;
    if (log.open(QIODevice::Append | QIODevice::Text)) {
        if (fresh) log.write(csvHeader().toUtf8() + '\n');
        log.write(csvRow(r).toUtf8() + '\n');
    }
    emit finished(r);
}

QString LessonSession::logPath() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath("predictions.csv");
}

QString LessonSession::csvHeader() {
    return "time,lesson,title,question,prediction,measured,value,verdict,outcome,explanation,machine,numbers";
}

QString LessonSession::csvRow(const LessonResult& r) {
    QStringList numbers;
    for (const auto& n : r.numbers) numbers << n.label + " = " + n.text;
    const char* outcome[] = {"holds", "holds_but", "does_not_hold"};
    return QStringList{r.when.toString(Qt::ISODate), r.lessonId, csvField(r.title), csvField(r.question),
                       r.prediction ? QString::number(*r.prediction) : QString(), csvField(r.label),
                       QString::number(r.value, 'g', 6), csvField(r.outcomeWords), outcome[static_cast<int>(r.outcome)],
                       csvField(r.explanation), csvField(r.machine), csvField(numbers.join("; "))}
        .join(',');
}

} // namespace ipclab::ui
