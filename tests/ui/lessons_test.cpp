// Lesson presets: every built-in lesson parses in both languages, sets the window's controls to
// its experiment, shows its claim, and really runs; broken lesson files are clear errors.
#include "hangul.h"
#include "lesson_library.h"
#include "chart_tabs.h"
#include "experiment_panel.h"
#include "flow_view.h"
#include "lesson_controller.h"
#include "time_chart.h"
#include "main_window.h"
#include "process_panel.h"
#include "ipclab/base/object_names.h"
#include "run_controller.h"

#include <QLabel>
#include <QSettings>
#include <QTemporaryDir>
#include <QFile>
#include <QDir>
#include <QtTest>

using namespace ipclab;
using namespace ipclab::ui;

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
        QList<Lesson> en = LessonLibrary::load(LessonLibrary::kBuiltIn, "en", &errors);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join('\n')));
        QList<Lesson> ko = LessonLibrary::load(LessonLibrary::kBuiltIn, "ko", &errors);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join('\n')));
        QVERIFY(en.size() >= 8);
        QCOMPARE(ko.size(), en.size());
        bool models[2] = {false, false}, race = false, isolation = false, sweep = false;
        for (int i = 0; i < en.size(); ++i) {
            QCOMPARE(ko[i].id, en[i].id);
            QVERIFY2(!hasHangul(en[i].title + en[i].claim + en[i].watch), qPrintable(en[i].id));
            QVERIFY2(hasHangul(ko[i].title) && hasHangul(ko[i].claim) && hasHangul(ko[i].watch), qPrintable(ko[i].id));
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
        const QByteArray texts = R"("title":{"en":"t"},"claim":{"en":"c"},"watch":{"en":"w"})";
        QVERIFY(!LessonLibrary::parse("{" + texts + R"(,"args":["--transport","warp"]})", "y", "en", &err));
        QVERIFY2(err.contains("unknown transport") && err.contains("field \"args\""), qPrintable(err));
        QVERIFY(!LessonLibrary::parse("{" + texts + R"(,"args":[],"compare":"shm"})", "z", "en", &err));
        QVERIFY2(err.contains("message-passing"), qPrintable(err));
        QVERIFY(!LessonLibrary::parse(R"({"args":[]})", "w", "en", &err));
        QVERIFY2(err.contains("field \"title\""), qPrintable(err));
        // A missing translation falls back to English; a good file in a folder with a bad one still loads.
        auto ok = LessonLibrary::parse("{" + texts + R"(,"args":["--experiment","race","--workers","3"]})", "ok", "ko", &err);
        QVERIFY(ok && ok->title == "t" && ok->config.workers == 3);
        QTemporaryDir dir;
        QFile good(dir.filePath("a.json")), bad(dir.filePath("b.json"));
        QVERIFY(good.open(QIODevice::WriteOnly) && bad.open(QIODevice::WriteOnly));
        good.write("{" + texts + R"(,"args":[]})");
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
        good.write(R"({"title":{"en":"Week 3, my own"},"claim":{"en":"c"},"watch":{"en":"w"},"args":["--transport","pipe"]})");
        bad.write(R"({"title":{"en":"Week 4"},"claim":{"en":"c"},"watch":{"en":"w"},"args":["--size","0"]})");
        good.close();
        bad.close();
        {
            MainWindow w;
            QStringList titles;
            for (const Lesson& l : w.lessons()->lessons()) titles << l.title;
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
            const Lesson& l = w.lessons()->lessons()[i];
            w.applyLesson(i);
            QCOMPARE(w.lessons()->current(), i);
            QVERIFY(w.lessons()->banner()->isVisible());
            QVERIFY(w.lessons()->banner()->text().contains(l.title.toHtmlEscaped()));
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
        f.write(R"({"title": {"en": "Week 3: pipes"}, "claim": {"en": "A pipe copies every byte twice."},
                   "watch": {"en": "Two system calls per message."},
                   "args": ["--experiment", "stream", "--transport", "pipe", "--size", "4k"]})");
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

    void cleanupTestCase() {
        QSettings().clear();
        QVERIFY(listLiveObjects().empty());
    }
};

QTEST_MAIN(LessonsTest)
#include "lessons_test.moc"
