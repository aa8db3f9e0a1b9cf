// Lesson presets: every built-in lesson parses in both languages, sets the window's controls to
// its experiment, shows its claim, and really runs; broken lesson files are clear errors.
#include "hangul.h"
#include "lesson_library.h"
#include "chart_tabs.h"
#include "experiment_panel.h"
#include "flow_view.h"
#include "lesson_card.h"
#include "lesson_controller.h"
#include "lesson_report.h"
#include "lesson_session.h"
#include "time_chart.h"
#include "main_window.h"
#include "ipclab/recording/recording.h"
#include "process_panel.h"
#include "ipclab/base/object_names.h"
#include "run_controller.h"

#include <QImage>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QFile>
#include <QDir>
#include <QtTest>

using namespace ipclab;
using namespace ipclab::ui;

namespace {
// A complete lesson around `args` (and `extra` fields), for the file and folder tests.
QByteArray lessonJson(const QByteArray& title, const QByteArray& args, const QByteArray& extra = {}) {
    return R"({"title":{"en":")" + title + R"("},"claim":{"en":"c"},"watch":{"en":"w"},"question":{"en":"How many?"},
      "args":)" + args + extra + R"(, "choices":[1,2],
      "measure":[{"name":"p","args":["--experiment","stream","--transport","pipe"]}],
      "verdict":{"value":"p.syscalls_per_msg","unit":"calls","holds":{"at_least":1.5},
                 "says":{"holds":"{value}","does_not_hold":"no"}}})";
}
} // namespace

class LessonsTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QCoreApplication::setOrganizationName("IPC Lab Tests");
        QCoreApplication::setApplicationName("ipclab-lesson-tests");
        QSettings().clear();
    }

    void builtInLessonsParseInBothLanguages() {
        QStringList errors;
        QList<ipclab::ui::Lesson> en = LessonLibrary::builtIn("en");
        QList<ipclab::ui::Lesson> ko = LessonLibrary::builtIn("ko");
        QVERIFY(en.size() >= 8);
        QCOMPARE(ko.size(), en.size());
        bool models[2] = {false, false}, race = false, isolation = false, sweep = false;
        for (int i = 0; i < en.size(); ++i) {
            QCOMPARE(ko[i].id, en[i].id);
            QVERIFY2(!hasHangul(en[i].title + en[i].claim + en[i].watch + en[i].question), qPrintable(en[i].id));
            QVERIFY2(hasHangul(ko[i].title) && hasHangul(ko[i].claim) && hasHangul(ko[i].watch) && hasHangul(ko[i].question),
                     qPrintable(ko[i].id));
            QVERIFY(en[i].choices.size() >= 2 && !en[i].steps.isEmpty());
            QVERIFY(ko[i].config == en[i].config);
            const ExperimentConfig& c = en[i].config;
            if (c.experiment == ExperimentKind::Stream) models[isMessagePassing(c.transport)] = true;
            race |= c.experiment == ExperimentKind::Race && !c.syncEnabled;
            isolation |= c.experiment == ExperimentKind::Isolation;
            sweep |= c.experiment == ExperimentKind::Sweep;
        }
        // The course material's claims: address spaces, both models, races, "good for small data".
        QVERIFY(models[0] && models[1] && race && isolation && sweep);
    }

    void brokenLessonsAreClearErrors() {
        QString err;
        QVERIFY(!LessonLibrary::parse("{", "x", "en", &err));
        QVERIFY2(err.contains("not valid JSON"), qPrintable(err));
        QVERIFY(!LessonLibrary::parse(lessonJson("t", R"(["--transport","warp"])"), "y", "en", &err));
        QVERIFY2(err.contains("unknown transport") && err.contains("field \"args\""), qPrintable(err));
        QVERIFY(!LessonLibrary::parse(lessonJson("t", "[]", R"(,"compare":"shm")"), "z", "en", &err));
        QVERIFY2(err.contains("message-passing"), qPrintable(err));
        QVERIFY(!LessonLibrary::parse(R"({"args":[]})", "w", "en", &err));
        QVERIFY2(err.contains("field \"title\""), qPrintable(err));
        // A missing translation falls back to English; a good file in a folder with a bad one still loads.
        auto ok = LessonLibrary::parse(lessonJson("t", R"(["--experiment","race","--workers","3"])"), "ok", "ko", &err);
        QVERIFY2(ok && ok->title == "t" && ok->config.workers == 3, qPrintable(err));
        QCOMPARE(ok->question, QString("How many?"));
        QCOMPARE(ok->choices.size(), 2);
        QCOMPARE(ok->choices[0].text, QString("1회")); // the number and the unit, in Korean
        QTemporaryDir dir;
        QFile good(dir.filePath("a.json")), bad(dir.filePath("b.json"));
        QVERIFY(good.open(QIODevice::WriteOnly) && bad.open(QIODevice::WriteOnly));
        good.write(lessonJson("t", "[]"));
        bad.write("[1,2]");
        good.close();
        bad.close();
        QStringList errors;
        QCOMPARE(LessonLibrary::load(dir.path(), "en", &errors).size(), 1);
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.front().contains("b.json"), qPrintable(errors.front())); // names the file
    }

    // A lecturer's own lessons in the user data folder appear in the menu after the built-in
    // ones; a broken one is reported in the event log with its file and field, the rest load.
    void lessonsInTheUserFolderAppearAndBrokenOnesSayWhere() {
        QTemporaryDir data;
        QByteArray oldData = qgetenv("XDG_DATA_HOME");
        qputenv("XDG_DATA_HOME", data.path().toUtf8());
        QString folder = LessonLibrary::userFolder();
        QVERIFY(folder.startsWith(data.path()));
        QVERIFY(QDir().mkpath(folder));
        QFile good(folder + "/week3.ipclab-lesson"), bad(folder + "/week4.json");
        QVERIFY(good.open(QIODevice::WriteOnly) && bad.open(QIODevice::WriteOnly));
        good.write(lessonJson("Week 3, my own", R"(["--transport","pipe"])"));
        bad.write(lessonJson("Week 4", R"(["--size","0"])"));
        good.close();
        bad.close();
        {
            MainWindow w;
            QStringList titles;
            for (const ipclab::ui::Lesson& l : w.lessons()->lessons()) titles << l.title;
            QCOMPARE(titles.back(), QString("Week 3, my own"));
            QVERIFY(!titles.contains("Week 4"));
            QString log = w.processPanel()->eventLog().join('\n');
            QVERIFY2(log.contains("week4.json") && log.contains("field \"args\""), qPrintable(log));
        }
        if (oldData.isNull()) qunsetenv("XDG_DATA_HOME");
        else qputenv("XDG_DATA_HOME", oldData);
    }

    void everyLessonSetsTheControlsAndRuns() {
        MainWindow w;
        w.resize(1400, 900);
        w.show();
        QVERIFY(!w.lessons()->lessons().isEmpty());
        QVERIFY(!w.lessons()->banner()->isVisible());
        for (int i = 0; i < w.lessons()->lessons().size(); ++i) {
            const ipclab::ui::Lesson& l = w.lessons()->lessons()[i];
            w.applyLesson(i);
            QCOMPARE(w.lessons()->current(), i);
            QVERIFY(!w.lessons()->banner()->isHidden());
            QVERIFY(w.lessons()->banner()->text().contains(l.title.toHtmlEscaped()));
            // Predict first: the lesson opens on its question, with its answers.
            QVERIFY(w.lessonCardShown());
            QCOMPARE(w.lessonCard()->page(), LessonCard::Page::Question);
            QCOMPARE(w.lessonCard()->choiceButtons().size(), l.choices.size());
            ExperimentConfig c = w.config(), want = l.config;
            QVERIFY(c.experiment == want.experiment);
            QCOMPARE(c.syncEnabled, want.syncEnabled);
            if (want.syncEnabled) QVERIFY(c.sync == want.sync);
            if (want.experiment == ExperimentKind::Stream || want.experiment == ExperimentKind::PingPong) {
                QVERIFY(c.transport == want.transport);
                QCOMPARE(c.messageSize, want.messageSize);
            }
            if (want.experiment == ExperimentKind::Stream) {
                QCOMPARE(c.producers, want.producers);
                QCOMPARE(c.consumers, want.consumers);
                QCOMPARE(c.rate, want.rate);
            }
            if (want.experiment == ExperimentKind::Race) QCOMPARE(c.workers, want.workers);
            if (want.experiment == ExperimentKind::Sweep) continue; // a full sweep takes half a minute: tested elsewhere
            // The lesson really runs: real workers, no error, the expected number of lanes.
            QVERIFY2(w.start(), qPrintable(w.lastError()));
            QVERIFY(!w.lessonCardShown()); // Space (Start) leaves the card for the live scene
            QVERIFY(w.lessons()->banner()->isVisible());
            if (want.experiment != ExperimentKind::Isolation) {
                QCOMPARE(static_cast<int>(w.controller().sample().lanes.size()), l.compare ? 2 : 1);
                for (const auto& lane : w.controller().sample().lanes) QVERIFY(!lane.workers.empty());
            }
            QTest::qWait(300);
            QVERIFY2(w.lastError().isEmpty(), qPrintable(w.lastError()));
            w.stop();
            QTRY_VERIFY_WITH_TIMEOUT(!w.controller().running(), 10000);
        }
        QVERIFY(listLiveObjects().empty());
    }

    // Another lesson, even of the same experiment, starts with clean charts and an empty scene.
    void anotherLessonClearsTheLastOnesCharts() {
        MainWindow w;
        w.resize(1400, 900);
        w.show();
        int race = -1;
        for (int i = 0; i < w.lessons()->lessons().size(); ++i)
            if (w.lessons()->lessons()[i].config.experiment == ExperimentKind::Race) race = i;
        QVERIFY(race >= 0);
        w.applyLesson(race);
        QVERIFY(w.start());
        QTRY_VERIFY_WITH_TIMEOUT(w.charts()->throughput()->pointCount() > 10, 8000);
        w.stop();
        QVERIFY(w.charts()->throughput()->pointCount() > 0); // Stop keeps the run on screen
        w.applyLesson(race); // the same lesson again: a new start
        QCOMPARE(w.charts()->throughput()->pointCount(), 0);
        QVERIFY(w.flowView()->figure()->isEmpty());
    }

    // The banner says what to watch in its lesson's experiment: a run of another experiment (or
    // without the lesson's second lane) hides it; changing what the lesson invites (sync) does not.
    void theBannerGoesWhenTheRunIsNotTheLessonsExperiment() {
        MainWindow w;
        w.resize(1400, 900);
        w.show();
        int race = -1, side = -1;
        for (int i = 0; i < w.lessons()->lessons().size(); ++i) {
            if (w.lessons()->lessons()[i].config.experiment == ExperimentKind::Race && race < 0) race = i;
            if (w.lessons()->lessons()[i].compare.has_value() && side < 0) side = i;
        }
        QVERIFY(race >= 0 && side >= 0);
        w.applyLesson(race);
        QVERIFY(w.lessons()->bannerShown());
        ExperimentConfig c = w.config();
        c.syncEnabled = !c.syncEnabled; // what the race lesson asks for
        w.setConfig(c);
        QVERIFY(w.start());
        QVERIFY(w.lessons()->bannerShown());
        w.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!w.controller().running(), 10000);
        w.applyLesson(side);
        QVERIFY(w.start()); // the lesson's own run
        QVERIFY(w.lessons()->bannerShown());
        w.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!w.controller().running(), 10000);
        ExperimentConfig other;
        other.experiment = ExperimentKind::Race;
        other.workers = 3;
        w.setConfig(other);
        w.setCompare(false, TransportKind::Pipe);
        QVERIFY(w.start());
        QVERIFY(!w.lessons()->bannerShown());
        w.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!w.controller().running(), 10000);
        w.applyLesson(side); // the lesson again: its banner again
        QVERIFY(w.lessons()->bannerShown());
    }

    // A presentation clicker's Page Down / Page Up step through the lessons like slides.
    void pageKeysStepThroughTheLessons() {
        MainWindow w;
        w.show();
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QVERIFY(w.lessons()->lessons().size() >= 3);
        w.applyLesson(0);
        QTest::keyClick(&w, Qt::Key_PageDown);
        QCOMPARE(w.lessons()->current(), 1);
        QVERIFY(w.lessons()->banner()->text().contains(w.lessons()->lessons()[1].title.toHtmlEscaped()));
        QVERIFY(w.config().experiment == w.lessons()->lessons()[1].config.experiment);
        QTest::keyClick(&w, Qt::Key_PageUp);
        QTest::keyClick(&w, Qt::Key_PageUp); // stays at the first
        QCOMPARE(w.lessons()->current(), 0);
    }

    // A lesson of one's own (*.ipclab-lesson, what double-clicking opens): set up like a
    // built-in one; a file that is not a lesson is a clear error and changes nothing.
    void aLessonFileOpensAndABadOneIsRefused() {
        QTemporaryDir dir;
        QString good = dir.filePath("pipes-for-week-3.ipclab-lesson");
        QFile f(good);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(lessonJson("Week 3: pipes", R"(["--experiment", "stream", "--transport", "pipe", "--size", "4k"])"));
        f.close();
        MainWindow w;
        int before = w.lessons()->lessons().size();
        QVERIFY(w.openLessonFile(good));
        QCOMPARE(w.lessons()->lessons().size(), before + 1);
        QCOMPARE(w.lessons()->current(), before);
        QVERIFY(w.lessons()->banner()->text().contains("Week 3: pipes"));
        QVERIFY(w.config().transport == TransportKind::Pipe);
        QCOMPARE(w.config().messageSize, 4096u);
        QString bad = dir.filePath("not-a-lesson.ipclab-lesson");
        QFile b(bad);
        QVERIFY(b.open(QIODevice::WriteOnly));
        b.write("{ this is not json");
        b.close();
        QVERIFY(!w.openLessonFile(bad));
        QVERIFY(w.lastError().contains("not-a-lesson"));
        QCOMPARE(w.lessons()->lessons().size(), before + 1);
        QVERIFY(!w.openLessonFile(dir.filePath("missing.ipclab-lesson")));
    }

    // Predict, measure, conclude: the answer clicked is the prediction, the verdict comes from
    // the lesson's own run, the report exports as PDF and PNG, and the predictions log has a
    // header and one row per lesson done.
    void aLessonAsksMeasuresAndConcludes() {
        QTemporaryDir data;
        QByteArray oldData = qgetenv("XDG_DATA_HOME");
        qputenv("XDG_DATA_HOME", data.path().toUtf8());
        {
            MainWindow w;
            w.resize(1280, 720);
            w.show();
            w.setLessonStepSeconds(0.3);
            auto indexOf = [&](const QString& id) {
                for (int i = 0; i < w.lessons()->lessons().size(); ++i)
                    if (w.lessons()->lessons()[i].id == id) return i;
                return -1;
            };
            int side = indexOf("06-side-by-side"), syscalls = indexOf("03-message-passing");
            QVERIFY(side >= 0 && syscalls >= 0);
            const ipclab::ui::Lesson& l = w.lessons()->lessons()[side];
            w.applyLesson(side);
            QCOMPARE(w.lessonCard()->page(), LessonCard::Page::Question);
            w.lessonCard()->choiceButtons()[2]->click();
            QCOMPARE(w.lessonCard()->page(), LessonCard::Page::Measuring);
            QVERIFY(w.lessonSession()->running());
            QVERIFY(!w.controller().running()); // nothing else runs while the lesson measures
            QTRY_COMPARE_WITH_TIMEOUT(w.lessonCard()->page(), LessonCard::Page::Verdict, 30000);
            QVERIFY(w.lessonCardShown());
            const LessonResult r = *w.lessonCard()->result();
            QVERIFY(r.prediction);
            QCOMPARE(*r.prediction, l.choices[2].value);
            QVERIFY2(r.comparison.contains(l.choices[2].text), qPrintable(r.comparison));
            QList<LessonResult::Number> operands;
            for (const auto& n : r.numbers)
                if (n.operand) operands << n;
            QCOMPARE(operands.size(), 2); // shm.msgs_per_s, pipe.msgs_per_s
            QVERIFY(operands[0].value > 0 && operands[1].value > 0);
            QCOMPARE(r.value, operands[0].value / operands[1].value);
            QCOMPARE(r.outcome == LessonResult::Outcome::Holds, r.value >= 2);
            QVERIFY(!r.explanation.isEmpty() && !r.machine.isEmpty());

            QTemporaryDir out;
            QVERIFY2(w.exportLessonReportTo(out.filePath("verdict.pdf")), qPrintable(w.lastError()));
            QFile pdf(out.filePath("verdict.pdf"));
            QVERIFY(pdf.open(QIODevice::ReadOnly));
            QCOMPARE(pdf.read(5), QByteArray("%PDF-"));
            QVERIFY(w.exportLessonReportTo(out.filePath("verdict.png")));
            QImage png(out.filePath("verdict.png"));
            QCOMPARE(png.size(), QSize(1920, 1080));
            QVERIFY(chartNumbers(r).size() == 2); // the two transports' msgs/s as bars

            // A second lesson with the question skipped: a verdict without a prediction.
            w.applyLesson(syscalls);
            QVERIFY(!w.lessonCard()->result());
            auto* skip = w.lessonCard()->findChild<QPushButton*>("lesson-skip");
            QVERIFY(skip);
            skip->click();
            QTRY_COMPARE_WITH_TIMEOUT(w.lessonCard()->page(), LessonCard::Page::Verdict, 30000);
            QVERIFY(!w.lessonCard()->result()->prediction);

            QVERIFY(exportPredictions(out.filePath("predictions.csv"), nullptr));
            QFile csv(out.filePath("predictions.csv"));
            QVERIFY(csv.open(QIODevice::ReadOnly | QIODevice::Text));
            QStringList lines = QString::fromUtf8(csv.readAll()).split('\n', Qt::SkipEmptyParts);
            QCOMPARE(lines.size(), 3);
            QCOMPARE(lines[0], LessonSession::csvHeader());
            QVERIFY(lines[1].contains("06-side-by-side") && lines[1].contains(QString::number(l.choices[2].value)));
            QVERIFY(lines[2].contains("03-message-passing"));

            // Space from the verdict runs the lesson live, in the scene; recorded, the run keeps
            // the lesson, the prediction and the verdict.
            qputenv("IPCLAB_RECORDINGS_DIR", out.path().toUtf8());
            w.setRecording(true);
            QVERIFY(w.start());
            QVERIFY(!w.lessonCardShown());
            QTest::qWait(300);
            w.stop();
            QTRY_VERIFY_WITH_TIMEOUT(!w.controller().running(), 10000);
            w.setRecording(false);
            qunsetenv("IPCLAB_RECORDINGS_DIR");
            ipclab::Recording rec = ipclab::Recording::open(w.lastRecording().toStdString());
            QCOMPARE(QString::fromStdString(rec.info().lessonId), QString("03-message-passing"));
            QVERIFY(!rec.info().lessonQuestion.empty());
            QVERIFY(rec.info().prediction.empty()); // (the question was skipped)
            QVERIFY2(QString::fromStdString(rec.info().verdict).contains(w.lessonCard()->result()->valueText),
                     rec.info().verdict.c_str());
        }
        if (oldData.isNull()) qunsetenv("XDG_DATA_HOME");
        else qputenv("XDG_DATA_HOME", oldData);
        QVERIFY(listLiveObjects().empty());
    }

    // Moving on while a lesson measures stops its workers: no verdict from half a run, and
    // nothing left behind.
    void cancellingAMeasurementLeavesNothingBehind() {
        MainWindow w;
        w.show();
        w.setLessonStepSeconds(2);
        w.applyLesson(5);
        w.lessonCard()->choiceButtons()[0]->click();
        QVERIFY(w.lessonSession()->running());
        QTest::qWait(300);
        w.applyLesson(2); // the next lesson: the measurement is cancelled
        QCOMPARE(w.lessonCard()->page(), LessonCard::Page::Question);
        QTRY_VERIFY_WITH_TIMEOUT(!w.lessonSession()->running(), 10000);
        QCOMPARE(w.lessonCard()->page(), LessonCard::Page::Question);
        QVERIFY(!w.lessonCard()->result());
        QTRY_VERIFY_WITH_TIMEOUT(listLiveObjects().empty(), 5000);
    }

    void cleanupTestCase() {
        QSettings().clear();
        QVERIFY(listLiveObjects().empty());
    }
};

QTEST_MAIN(LessonsTest)
#include "lessons_test.moc"
