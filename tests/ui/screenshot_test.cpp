// Screenshots of the real window (under xvfb-run: an X server) for a person to look at:
// shared-memory mode, message-passing mode (compare lanes), a race with sync off, slow motion,
// and presenter mode with the lecture theme. Written to $IPCLAB_SCREENSHOT_DIR. Each one is also
// checked for being a picture at all: the charts region must not be blank.
#include "flow_view.h"
#include "chart_exporter.h"
#include "chart_tabs.h"
#include "experiment_panel.h"
#include "lesson_controller.h"
#include "lesson_card.h"
#include "main_window.h"
#include "process_panel.h"
#include "process_table_model.h"
#include "replay_controller.h"
#include "animation_export.h"
#include "run_controller.h"
#include "chart_key.h"
#include "sweep_chart.h"
#include "time_chart.h"
#include "breakdown_view.h"
#include "timeline_view.h"
#include "translations.h"

#include <QLabel>
#include <QDir>
#include <QGraphicsTextItem>
#include <QLegend>
#include <QLegendMarker>
#include <QHeaderView>
#include <QTableView>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <optional>

#include <gif_lib.h>
extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libswscale/swscale.h>
}
#include <QSettings>
#include <QPushButton>
#include <QtTest>

using namespace ipclab;
using namespace ipclab::ui;

namespace {
int colours(const QImage& img) {
    QSet<QRgb> c;
    for (int y = 0; y < img.height(); y += 5)
        for (int x = 0; x < img.width(); x += 5) c.insert(img.pixel(x, y));
    return static_cast<int>(c.size());
}
} // namespace

class ScreenshotTest : public QObject {
    Q_OBJECT
    QString dir_;

    void shoot(MainWindow& w, const QString& name) {
        QImage img = w.grab().toImage();
        QString path = QDir(dir_).filePath(name + ".png");
        QVERIFY(img.save(path));
        QVERIFY2(colours(img) > 50, qPrintable(name));
        QImage chart = w.charts()->throughput()->grab().toImage();
        QVERIFY2(colours(chart) > 8, qPrintable(name + ": throughput chart looks empty"));
        qInfo("wrote %s (%dx%d)", qPrintable(path), img.width(), img.height());
    }

    // Shows the window (at `size` unless empty) on the X server and waits until it is mapped.
    static bool showAt(MainWindow& w, QSize size) {
        if (!size.isEmpty()) w.resize(size);
        w.show();
        return QTest::qWaitForWindowExposed(&w);
    }

    // Starts `c` (with a compare lane if given; saved settings must not decide that) and lets it run.
    static bool startFor(MainWindow& w, const ExperimentConfig& c, std::optional<TransportKind> compare, int ms) {
        w.setConfig(c);
        w.setCompare(compare.has_value(), compare.value_or(TransportKind::Pipe));
        if (!w.start()) return false;
        QTest::qWait(ms);
        return true;
    }

private slots:
    void initTestCase() {
        QCoreApplication::setOrganizationName("IPC Lab Tests");
        QCoreApplication::setApplicationName("ipclab-screenshots");
        QSettings().clear();
        dir_ = qEnvironmentVariable("IPCLAB_SCREENSHOT_DIR", QDir::currentPath() + "/screenshots");
        QVERIFY(QDir().mkpath(dir_));
    }

    void sharedMemoryMode() {
        MainWindow w;
        QVERIFY(showAt(w, {1600, 1000}));
        ExperimentConfig c;
        c.transport = TransportKind::SharedMemory;
        c.producers = 2;
        c.consumers = 2;
        c.sync = SyncMode::Mutex;
        QVERIFY(startFor(w, c, std::nullopt, 3000));
        QVERIFY(w.charts()->throughput()->pointCount() > 30);
        shoot(w, "01-shared-memory");
        // Slide exports of the same moment: 1920x1080, lecture theme, whatever the window's shape.
        for (const Exportable& e : w.exportables()) {
            if (e.name != "throughput" && e.name != "flow-scene") continue;
            QString path = QDir(dir_).filePath("14-slide-" + e.name + "-16x9.png");
            QVERIFY(ChartExporter::saveSlide(e, path, {1920, 1080}));
            QCOMPARE(QImage(path).size(), QSize(1920, 1080));
        }
        w.stop();
    }

    void messagePassingMode() {
        MainWindow w;
        QVERIFY(showAt(w, {1600, 1000}));
        ExperimentConfig c;
        c.transport = TransportKind::Pipe;
        c.sync = SyncMode::Atomic;
        QVERIFY(startFor(w, c, std::nullopt, 3000));
        shoot(w, "02-message-passing-pipe");
        w.stop();
        c.transport = TransportKind::SharedMemory;
        QVERIFY(startFor(w, c, TransportKind::UnixSocket, 3000));
        shoot(w, "03-compare-shm-vs-unix-socket");
        w.stop();
    }

    void raceWithSyncOff() {
        MainWindow w;
        QVERIFY(showAt(w, {1600, 1000}));
        ExperimentConfig c;
        c.experiment = ExperimentKind::Race;
        c.workers = 3;
        c.sync = SyncMode::Mutex;
        c.syncEnabled = true;
        QVERIFY(startFor(w, c, std::nullopt, 1500));
        w.toggleSync(); // off: races appear
        QTest::qWait(2500);
        shoot(w, "04-race-sync-off");
        w.toggleSync(); // on again: they stop; the chart shows both marks
        QTest::qWait(2000);
        shoot(w, "05-race-sync-back-on");
        w.stop();
    }

    // A race in slow motion: each worker's own read and write of the counter, and a lost update
    // spelled out when two of them read the same value.
    void raceInSlowMotion() {
        MainWindow w;
        QVERIFY(showAt(w, {1600, 1000}));
        ExperimentConfig c;
        c.experiment = ExperimentKind::Race;
        c.workers = 3;
        c.sync = SyncMode::Mutex;
        c.syncEnabled = false;
        c.rate = 2;
        QVERIFY(startFor(w, c, std::nullopt, 500));
        QTRY_VERIFY_WITH_TIMEOUT(!w.flowView()->figure()->lanes().empty() && !w.flowView()->figure()->lanes().front().lostStep.isEmpty(),
                                 20000);
        QTest::qWait(300);
        shoot(w, "15-race-slow-motion-lost-update");
        w.stop();
    }

    // The isolation lesson's result: the same address, two values; large enough to read.
    void isolationResult() {
        MainWindow w;
        QVERIFY(showAt(w, {1600, 1000}));
        ExperimentConfig c;
        c.experiment = ExperimentKind::Isolation;
        w.setConfig(c);
        QSignalSpy done(&w.controller(), &RunController::isolationFinished);
        QVERIFY(w.start());
        QTRY_VERIFY_WITH_TIMEOUT(done.count() == 1, 10000);
        QTest::qWait(300);
        QImage img = w.grab().toImage();
        QVERIFY(img.save(QDir(dir_).filePath("16-isolation-result.png")));
        QVERIFY(colours(img) > 50);
        QVERIFY(!w.charts()->isVisible() || w.charts()->height() == 0); // no empty charts under it
        w.setConfig(ExperimentConfig{}); // a stream: the charts come back on Start
        QVERIFY(w.start());
        QTRY_VERIFY(w.charts()->height() > 100);
        w.stop();
    }

    void slowMotion() {
        MainWindow w;
        QVERIFY(showAt(w, {1600, 1000}));
        ExperimentConfig c;
        c.transport = TransportKind::MessageQueue;
        c.rate = 2;
        c.producers = 2;
        c.consumers = 2;
        QVERIFY(startFor(w, c, std::nullopt, 2600));
        shoot(w, "06-slow-motion-mqueue");
        w.stop();
    }

    void presenterMode() {
        MainWindow w;
        QVERIFY(showAt(w, {}));
        w.setLectureTheme(true);
        w.setPresenterMode(true);
        ExperimentConfig c;
        c.transport = TransportKind::SharedMemory;
        QVERIFY(startFor(w, c, TransportKind::Pipe, 3000));
        QVERIFY(w.presenterMode());
        shoot(w, "07-presenter-lecture-theme");
        w.stop();
        w.setPresenterMode(false);
    }

    void lessonBanner() {
        MainWindow w;
        QVERIFY(showAt(w, {1600, 1000}));
        int index = -1;
        for (int i = 0; i < w.lessons()->lessons().size(); ++i)
            if (w.lessons()->lessons()[i].id == "04-race-without-sync") index = i;
        QVERIFY(index >= 0);
        w.applyLesson(index);
        QVERIFY(w.start());
        QTest::qWait(3000);
        shoot(w, "08-lesson-race-without-sync");
        w.stop();
        // The Lessons menu, opened as a user would see it (a popup: grab the whole screen).
        QMenu* lessons = nullptr;
        for (QAction* a : w.menuBar()->actions())
            if (a->text() == "&Lessons") lessons = a->menu();
        QVERIFY(lessons);
        lessons->popup(w.mapToGlobal(QPoint(80, 20)));
        QVERIFY(QTest::qWaitForWindowExposed(lessons));
        QTest::qWait(200);
        QImage screen = QGuiApplication::primaryScreen()->grabWindow(0).toImage();
        QVERIFY(screen.save(QDir(dir_).filePath("08b-lessons-menu.png")));
        lessons->hide();
    }

    // Runs for real only in the ctest entry that sets QT_SCALE_FACTOR=2 (a HiDPI screen).
    void hiDpi() {
        MainWindow w;
        QVERIFY(showAt(w, {1200, 800}));
        if (w.devicePixelRatioF() < 1.5) QSKIP("not a HiDPI run (the HiDPI entry sets QT_SCALE_FACTOR=2)");
        ExperimentConfig c;
        c.transport = TransportKind::SharedMemory;
        QVERIFY(startFor(w, c, TransportKind::Pipe, 3000));
        QImage img = w.grab().toImage();
        // Device pixels: twice the logical size, so text and lines are drawn at full resolution.
        QCOMPARE(img.width(), qRound(w.width() * w.devicePixelRatioF()));
        shoot(w, "10-hidpi-2x");
        w.stop();
    }

    // The two projector sizes lecturers meet, in the ctest entries that run this alone under an
    // X server of that size (1280x720, 1920x1080): the window fills the screen without being
    // cut, normal and presenter, in English and Korean; a race, a comparison, a lesson.
    void projectorSizes() {
        QSize screen = QGuiApplication::primaryScreen()->size();
        if (screen != QSize(1280, 720) && screen != QSize(1920, 1080)) QSKIP("not a projector-sized X server");
        QString tag = QStringLiteral("%1x%2").arg(screen.width()).arg(screen.height());
        for (QString lang : {QStringLiteral("en"), QStringLiteral("ko")}) {
            Translations::install(lang);
            MainWindow w;
            QVERIFY(showAt(w, screen));
            QCOMPARE(w.size(), screen); // fits: nothing below the bottom edge
            w.setFocusChart(-1);
            ExperimentConfig c;
            c.transport = TransportKind::SharedMemory;
            c.sync = SyncMode::Atomic;
            QVERIFY(startFor(w, c, TransportKind::Pipe, 3000));
            shoot(w, QStringLiteral("12-%1-%2-compare").arg(tag, lang));
            // The normal window's scene is read from the back row too (it takes the large
            // layout where its own would draw words under 12 px: 6-10 px here before).
            qInfo("%s %s normal window: the scene's smallest text %.1f px", qPrintable(tag), qPrintable(lang), w.flowView()->smallestTextPx());
            QVERIFY2(w.flowView()->smallestTextPx() >= FlowView::kLeastNormalPx, qPrintable(QString::number(w.flowView()->smallestTextPx())));
            if (screen.width() >= 1920) {
                // The controls take a fifth of a wide screen: the process table shows which
                // transport each process uses, whole, without scrolling.
                auto* table = w.processPanel()->findChild<QTableView*>();
                QVERIFY(table);
                int transport = table->horizontalHeader()->visualIndex(ProcessTableModel::Lane);
                int right = table->horizontalHeader()->sectionViewportPosition(ProcessTableModel::Lane) +
                            table->horizontalHeader()->sectionSize(ProcessTableModel::Lane);
                QVERIFY2(right <= table->viewport()->width(),
                         qPrintable(QStringLiteral("column %1 ends at %2 of %3").arg(transport).arg(right).arg(table->viewport()->width())));
            }
            {
                // At any size, no column is drawn cut by the panel's edge (at 1280x720 the
                // transport showed as "shared memo"): the last whole one reaches the edge.
                auto* table = w.processPanel()->findChild<QTableView*>();
                QVERIFY(table);
                QHeaderView* hh = table->horizontalHeader();
                const int edge = table->viewport()->width();
                for (int c = 0; c < hh->count(); ++c) {
                    int left = hh->sectionViewportPosition(c), right = left + hh->sectionSize(c);
                    QVERIFY2(!(left < edge && right > edge),
                             qPrintable(QStringLiteral("%1 %2: column %3 runs %4-%5 across the edge at %6").arg(tag, lang).arg(c).arg(left).arg(right).arg(edge)));
                }
            }
            w.stop();
            QTRY_VERIFY_WITH_TIMEOUT(!w.controller().running(), 10000);
            ExperimentConfig raceRun;
            raceRun.experiment = ExperimentKind::Race;
            raceRun.workers = 4;
            raceRun.syncEnabled = false;
            QVERIFY(startFor(w, raceRun, std::nullopt, 2500));
            shoot(w, QStringLiteral("12b-%1-%2-race").arg(tag, lang));
            w.stop();
            QTRY_VERIFY_WITH_TIMEOUT(!w.controller().running(), 10000);
            w.setPresenterMode(true);
            QTest::qWait(300);
            QCOMPARE(w.geometry().size(), screen);
            // The back row reads the scene: its smallest text at least 24 px on a 1920x1080
            // projector, 16 px on a 1280x720 one (measured from the fonts the figure drew and
            // the view's scale; the PNGs are there to check by eye).
            const double leastPx = screen.height() >= 1080 ? 24 : 16;
            QVERIFY(startFor(w, c, TransportKind::Pipe, 3000));
            shoot(w, QStringLiteral("13b-%1-%2-presenter-compare").arg(tag, lang));
            QVERIFY2(w.flowView()->smallestTextPx() >= leastPx, qPrintable(QString::number(w.flowView()->smallestTextPx())));
            // The chart beside it grows with the screen too (its tick labels 13 px at 720
            // lines, 19 at 1080), and its five tabs are whole, without scroll arrows.
            const int chartPx = w.charts()->throughput()->smallestTextPx();
            QVERIFY2(chartPx >= (screen.height() >= 1080 ? 18 : 12), qPrintable(QString::number(chartPx)));
            QVERIFY(w.charts()->tabsFit());
            // The other tabs a lecturer opens here, large.
            w.charts()->showBreakdown();
            QTest::qWait(800);
            shoot(w, QStringLiteral("13c-%1-%2-presenter-time-per-message").arg(tag, lang));
            w.charts()->showKernel();
            QTest::qWait(300);
            shoot(w, QStringLiteral("13d-%1-%2-presenter-kernel-view").arg(tag, lang));
            w.charts()->showLive();
            w.stop();
            QTRY_VERIFY_WITH_TIMEOUT(!w.controller().running(), 10000);
            int race = -1;
            for (int i = 0; i < w.lessons()->lessons().size(); ++i)
                if (w.lessons()->lessons()[i].id == "04-race-without-sync") race = i;
            QVERIFY(race >= 0);
            w.applyLesson(race);
            QVERIFY(w.start());
            QTest::qWait(3000);
            shoot(w, QStringLiteral("13-%1-%2-presenter-race").arg(tag, lang));
            QVERIFY2(w.flowView()->smallestTextPx() >= leastPx, qPrintable(QString::number(w.flowView()->smallestTextPx())));
            w.stop();
            QTRY_VERIFY_WITH_TIMEOUT(!w.controller().running(), 10000);
            // A lesson's three moments, large: the question, the measuring, the verdict card.
            int side = -1;
            for (int i = 0; i < w.lessons()->lessons().size(); ++i)
                if (w.lessons()->lessons()[i].id == "06-side-by-side") side = i;
            QVERIFY(side >= 0);
            w.setLessonStepSeconds(1.0);
            w.applyLesson(side);
            QTest::qWait(300);
            shoot(w, QStringLiteral("15-%1-%2-lesson-question").arg(tag, lang));
            w.lessonCard()->choiceButtons()[1]->click();
            QTest::qWait(700);
            shoot(w, QStringLiteral("15b-%1-%2-lesson-measuring").arg(tag, lang));
            QTRY_COMPARE_WITH_TIMEOUT(w.lessonCard()->page(), LessonCard::Page::Verdict, 30000);
            QTest::qWait(200);
            shoot(w, QStringLiteral("15c-%1-%2-lesson-verdict").arg(tag, lang));
            w.setPresenterMode(false);
            QTest::qWait(300);
            // The verdict in the normal window too.
            w.applyLesson(side);
            QTest::qWait(200);
            w.lessonCard()->choiceButtons()[2]->click();
            QTRY_COMPARE_WITH_TIMEOUT(w.lessonCard()->page(), LessonCard::Page::Verdict, 30000);
            QTest::qWait(200);
            shoot(w, QStringLiteral("15d-%1-%2-normal-lesson-verdict").arg(tag, lang));
            // The kernel's tabs at this size: where a message's time goes (shared memory beside
            // a pipe), the kernel's view, then the timeline of a slow-motion mutex race (exact
            // changes) in presenter mode.
            QVERIFY(startFor(w, c, TransportKind::Pipe, 2500));
            w.charts()->showBreakdown();
            QTest::qWait(800); // (the breakdown redraws twice a second)
            QVERIFY(w.charts()->breakdown()->breakdown().valid());
            shoot(w, QStringLiteral("17c-%1-%2-time-per-message").arg(tag, lang));
            // (Printed, not checked: under a lesson's banner the normal window's scene is shorter
            // than in 12-compare, and at 1280x720 its words come out under 12 px; README, the
            // nineteenth sitting.)
            qInfo("%s %s normal window under a lesson banner: the scene's smallest text %.1f px", qPrintable(tag),
                  qPrintable(lang), w.flowView()->smallestTextPx());
            // The way back for a class that needs it: Lessons > Hide lesson text gives the scene
            // its room again.
            if (!w.lessons()->banner()->isHidden()) {
                w.lessons()->hideBanner();
                QTest::qWait(300);
                qInfo("%s %s banner hidden: the scene's smallest text %.1f px", qPrintable(tag), qPrintable(lang),
                      w.flowView()->smallestTextPx());
                QVERIFY2(w.flowView()->smallestTextPx() >= FlowView::kLeastNormalPx, qPrintable(QString::number(w.flowView()->smallestTextPx())));
            }
            w.charts()->showKernel();
            QTest::qWait(300);
            shoot(w, QStringLiteral("17d-%1-%2-kernel-view").arg(tag, lang));
            w.stop();
            QTRY_VERIFY_WITH_TIMEOUT(!w.controller().running(), 10000);
            w.setPresenterMode(true);
            QTest::qWait(300);
            ExperimentConfig slow;
            slow.experiment = ExperimentKind::Race;
            slow.workers = 3;
            slow.sync = SyncMode::Mutex;
            slow.rate = 5; // (one of the panel's slow-motion presets)
            QVERIFY(startFor(w, slow, std::nullopt, 2500));
            w.charts()->showTimeline();
            QTest::qWait(400);
            const auto& rows = w.charts()->timeline()->timeline().rows();
            QVERIFY(std::any_of(rows.begin(), rows.end(), [](const TimelineRow& r) { return r.exact; }));
            shoot(w, QStringLiteral("18e-%1-%2-presenter-timeline-slow-motion").arg(tag, lang));
            QVERIFY(w.charts()->timeline()->item()->textFits()); // (its fonts grow with presenter mode's)
            w.stop();
            QTRY_VERIFY_WITH_TIMEOUT(!w.controller().running(), 10000);
            w.setPresenterMode(false);
        }
        Translations::install("en");
    }

    // The kernel's view of shared memory beside a pipe: CPU in user mode and in the kernel, and
    // context switches, as /proc counts them for the workers (not IPC Lab's counters).
    void kernelView() {
        MainWindow w;
        QVERIFY(showAt(w, {1600, 1000}));
        ExperimentConfig c;
        c.transport = TransportKind::SharedMemory;
        c.sync = SyncMode::Atomic;
        QVERIFY(startFor(w, c, TransportKind::Pipe, 3500));
        w.charts()->showKernel();
        QTest::qWait(300);
        TimeChart* k = w.charts()->kernel();
        QVERIFY(k->isVisible());
        QVERIFY(k->pointCount() > 10);
        shoot(w, "17-kernel-view");
        QImage chart = k->grab().toImage();
        QVERIFY(chart.save(QDir(dir_).filePath("17b-kernel-view-chart.png")));
        QVERIFY2(colours(chart) > 8, "the kernel's chart looks empty");
        w.stop();
    }

    // The timeline: a mutex race (one holder at a time, the others waiting), a spin-lock race
    // under CPU pressure, a pipe stream (workers in the kernel), and presenter mode.
    void timelineView() {
        MainWindow w;
        QVERIFY(showAt(w, {1600, 1000}));
        auto shootTimeline = [&](const ExperimentConfig& c, const QString& name) -> bool {
            if (!startFor(w, c, std::nullopt, 3000)) return false;
            w.charts()->showTimeline();
            QTest::qWait(400);
            shoot(w, name);
            QImage img = w.charts()->timeline()->grab().toImage();
            img.save(QDir(dir_).filePath(name + "-alone.png"));
            bool ok = w.charts()->timeline()->hasData() && colours(img) > 6;
            w.stop();
            for (int i = 0; i < 500 && w.controller().running(); ++i) QTest::qWait(20);
            return ok;
        };
        ExperimentConfig race;
        race.experiment = ExperimentKind::Race;
        race.workers = 3;
        race.sync = SyncMode::Mutex;
        race.holdUs = 200;
        QVERIFY(shootTimeline(race, "18-timeline-mutex-race"));
        race.sync = SyncMode::Spinlock;
        race.cpuHogs = 2;
        QVERIFY(shootTimeline(race, "18b-timeline-spinlock-under-cpu-pressure"));
        ExperimentConfig pipe;
        pipe.transport = TransportKind::Pipe;
        QVERIFY(shootTimeline(pipe, "18c-timeline-pipe"));
        w.setPresenterMode(true);
        QTest::qWait(300);
        race.sync = SyncMode::Mutex;
        race.cpuHogs = 0;
        QVERIFY(shootTimeline(race, "18d-timeline-presenter"));
        w.setPresenterMode(false);
    }

    // Animated export: a GIF of the scene and an MP4 of the whole window, from a live run,
    // decoded again with giflib and FFmpeg: the pixel size and the frame count asked for. A
    // frame of each is written as a PNG to look at.
    void animatedExport() {
        MainWindow w;
        QVERIFY(showAt(w, {1280, 720}));
        ExperimentConfig c;
        c.transport = TransportKind::SharedMemory;
        c.sync = SyncMode::Atomic;
        QVERIFY(startFor(w, c, TransportKind::Pipe, 1000));
        QSignalSpy done(w.animationExport(), &AnimationExport::finished);
        QString gif = QDir(dir_).filePath("20-scene.gif");
        QFile::remove(gif);
        QVERIFY(w.exportAnimation(0, gif, {640, 360}, 10, 2.0));
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 20000);
        QVERIFY2(done.at(0).at(0).toBool(), qPrintable(done.at(0).at(1).toString()));
        qInfo("%s", qPrintable(done.at(0).at(1).toString()));
        int err = 0;
        GifFileType* g = DGifOpenFileName(QFile::encodeName(gif).constData(), &err);
        QVERIFY(g);
        QCOMPARE(DGifSlurp(g), GIF_OK);
        QCOMPARE(g->SWidth, 640);
        QCOMPARE(g->SHeight, 360);
        QCOMPARE(g->ImageCount, 20);
        {
            // Played as a viewer plays it (each frame's rectangle over the last, its transparent
            // index letting the previous frame show): the first frame covers the whole screen;
            // the last frame, composed, is written as a PNG to look at.
            QCOMPARE(g->SavedImages[0].ImageDesc.Width, 640);
            QImage canvas(640, 360, QImage::Format_RGB32);
            canvas.fill(Qt::black);
            for (int i = 0; i < g->ImageCount; ++i) {
                const SavedImage& f = g->SavedImages[i];
                GraphicsControlBlock gcb;
                DGifSavedExtensionToGCB(g, i, &gcb);
                const ColorMapObject* map = f.ImageDesc.ColorMap ? f.ImageDesc.ColorMap : g->SColorMap;
                QVERIFY(map);
                for (int y = 0; y < f.ImageDesc.Height; ++y)
                    for (int x = 0; x < f.ImageDesc.Width; ++x) {
                        int index = f.RasterBits[y * f.ImageDesc.Width + x];
                        if (index == gcb.TransparentColor) continue;
                        const GifColorType& col = map->Colors[index];
                        canvas.setPixel(f.ImageDesc.Left + x, f.ImageDesc.Top + y, qRgb(col.Red, col.Green, col.Blue));
                    }
            }
            QVERIFY(canvas.save(QDir(dir_).filePath("20-scene-gif-last-frame.png")));
            QVERIFY2(colours(canvas) > 8, "the GIF's last frame looks empty");
        }
        DGifCloseFile(g, &err);

        QString mp4 = QDir(dir_).filePath("21-window.mp4");
        QFile::remove(mp4);
        QVERIFY(w.exportAnimation(3, mp4, {1280, 720}, 15, 1.0));
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 2, 30000);
        QVERIFY2(done.at(1).at(0).toBool(), qPrintable(done.at(1).at(1).toString()));
        qInfo("%s", qPrintable(done.at(1).at(1).toString()));
        AVFormatContext* fmt = nullptr;
        QCOMPARE(avformat_open_input(&fmt, QFile::encodeName(mp4).constData(), nullptr, nullptr), 0);
        QVERIFY(avformat_find_stream_info(fmt, nullptr) >= 0);
        int vs = av_find_best_stream(fmt, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
        QVERIFY(vs >= 0);
        AVCodecParameters* par = fmt->streams[vs]->codecpar;
        QCOMPARE(par->width, 1280);
        QCOMPARE(par->height, 720);
        const AVCodec* dec = avcodec_find_decoder(par->codec_id);
        QVERIFY(dec);
        AVCodecContext* ctx = avcodec_alloc_context3(dec);
        avcodec_parameters_to_context(ctx, par);
        QCOMPARE(avcodec_open2(ctx, dec, nullptr), 0);
        AVPacket* pkt = av_packet_alloc();
        AVFrame* frame = av_frame_alloc();
        int decoded = 0;
        auto take = [&] {
            while (avcodec_receive_frame(ctx, frame) == 0) {
                if (decoded == 7) { // one frame as a picture
                    SwsContext* sws = sws_getContext(frame->width, frame->height, static_cast<AVPixelFormat>(frame->format), frame->width,
                                                     frame->height, AV_PIX_FMT_RGBA, SWS_BILINEAR, nullptr, nullptr, nullptr);
                    QImage img(frame->width, frame->height, QImage::Format_RGBA8888);
                    uint8_t* dst[] = {img.bits()};
                    int stride[] = {static_cast<int>(img.bytesPerLine())};
                    sws_scale(sws, frame->data, frame->linesize, 0, frame->height, dst, stride);
                    sws_freeContext(sws);
                    img.save(QDir(dir_).filePath("21-window-mp4-frame.png"));
                }
                ++decoded;
            }
        };
        while (av_read_frame(fmt, pkt) >= 0) {
            if (pkt->stream_index == vs) {
                avcodec_send_packet(ctx, pkt);
                take();
            }
            av_packet_unref(pkt);
        }
        avcodec_send_packet(ctx, nullptr);
        take();
        QCOMPARE(decoded, 15);
        av_frame_free(&frame);
        av_packet_free(&pkt);
        avcodec_free_context(&ctx);
        avformat_close_input(&fmt);
        // Cancel: no partial file is left.
        QString cancelled = QDir(dir_).filePath("cancelled.gif");
        QVERIFY(w.exportAnimation(0, cancelled, {320, 180}, 10, 5.0));
        QTest::qWait(300);
        w.animationExport()->cancel();
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 3, 10000);
        QVERIFY(!done.at(2).at(0).toBool());
        QVERIFY(!QFile::exists(cancelled));
        w.stop();
    }

    // Two recorded streams (shared memory, then a pipe) replayed at a projector's size, half-way:
    // the first alone, then the second beside it.
    void replayWindow() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        qputenv("IPCLAB_RECORDINGS_DIR", dir.path().toUtf8());
        MainWindow w;
        QVERIFY(showAt(w, {1280, 720}));
        w.setRecording(true);
        QStringList files;
        for (TransportKind k : {TransportKind::SharedMemory, TransportKind::Pipe}) {
            ExperimentConfig c;
            c.transport = k;
            c.sync = SyncMode::Atomic;
            QVERIFY(startFor(w, c, std::nullopt, 2500));
            w.stop();
            QTRY_VERIFY_WITH_TIMEOUT(!w.controller().running(), 10000);
            files << w.lastRecording();
        }
        w.setRecording(false);
        QVERIFY(w.openRecording(files[0]));
        w.replay()->seek(w.replay()->count() / 2);
        QTest::qWait(600);
        shoot(w, "19-replay-1280x720");
        // The pipe run beside it, from its own file: both in the scene, overlaid in the charts.
        QVERIFY(w.compareWithRecording(files[1]));
        QTest::qWait(600);
        shoot(w, "19b-replay-compare-1280x720");
        w.closeReplay();
        qunsetenv("IPCLAB_RECORDINGS_DIR");
    }

    // Last: the translator stays installed for the rest of the process.
    void koreanWindow() {
        QCOMPARE(Translations::install("ko"), QString("ko"));
        MainWindow w;
        QVERIFY(showAt(w, {1600, 1000}));
        w.applyLesson(1); // shared memory: no kernel on the data path
        QVERIFY(w.start());
        QTest::qWait(3000);
        shoot(w, "09-korean-lesson-shared-memory");
        w.stop();
    }

    // The sweep: lock-free shared memory, shared memory with a mutex per message, a pipe and a
    // Unix socket, with the measured ratios in the title. Also grabbed alone at slide size.
    void sweepChart() {
        MainWindow w;
        QVERIFY(showAt(w, {1600, 1000}));
        ExperimentConfig c;
        c.experiment = ExperimentKind::Sweep;
        c.sweepTransports = {TransportKind::SharedMemory, TransportKind::Pipe, TransportKind::UnixSocket};
        c.sweepSizes = {64, 4096, 65536};
        c.sweepPointS = 0.2;
        QSignalSpy done(&w.controller(), &RunController::stopped);
        QVERIFY(w.controller().start(c));
        QTRY_VERIFY_WITH_TIMEOUT(done.count() == 1, 30000);
        QCOMPARE(w.charts()->sweep()->pointCount(), 12);
        SweepChart* chart = w.charts()->sweep();
        QWidget* parent = chart->parentWidget();
        chart->setParent(nullptr); // alone, at a slide's size
        chart->resize(1280, 720);
        chart->show();
        QVERIFY(QTest::qWaitForWindowExposed(chart));
        QImage img = chart->grab().toImage();
        QString path = QDir(dir_).filePath("11-sweep-chart.png");
        QVERIFY(img.save(path));
        QVERIFY2(colours(img) > 20, "sweep chart looks empty");
        qInfo("wrote %s (%dx%d): %s", qPrintable(path), img.width(), img.height(), qPrintable(chart->verdict()));
        chart->hide();
        chart->setParent(parent);
    }

    // A sweep whose last size has shared memory less than 2x ahead (as in a README run: 2.2x and
    // 1.9x at 64 KiB in two runs), so the crossover marker and its legend entry are drawn: grabbed
    // at both projector sizes. Every legend entry is drawn whole (Qt Charts cuts a label that does
    // not fit to "...": the chart must leave room for all of them).
    void sweepChartCrossoverLegend() {
        SweepChart chart;
        using K = TransportKind;
        chart.setPoints({{K::SharedMemory, 64, 27.4e6, 1753.6, false},  {K::SharedMemory, 64, 0.82e6, 52.5, true},
                         {K::Pipe, 64, 1.21e6, 77.4, false},           {K::UnixSocket, 64, 1.05e6, 67.2, false},
                         {K::SharedMemory, 4096, 2.9e6, 11878, false}, {K::SharedMemory, 4096, 0.61e6, 2499, true},
                         {K::Pipe, 4096, 0.52e6, 2130, false},         {K::UnixSocket, 4096, 0.47e6, 1925, false},
                         {K::SharedMemory, 65536, 0.21e6, 13763, false}, {K::SharedMemory, 65536, 0.12e6, 7864, true},
                         {K::Pipe, 65536, 0.08e6, 5243, false},        {K::UnixSocket, 65536, 0.115e6, 7537, false}});
        QCOMPARE(chart.crossover(), 65536u);
        // The chart's own window at both sizes, then presenter mode's chart column at each (its
        // fonts 1.1x and 1.65x).
        for (auto [size, scale] : {std::pair{QSize(1280, 720), 1.0}, std::pair{QSize(1920, 1080), 1.0}, std::pair{QSize(420, 560), 1.1},
                                   std::pair{QSize(650, 910), 1.65}}) {
            ChartTheme theme;
            theme.fontScale = scale;
            chart.setTheme(theme);
            chart.resize(size);
            chart.show();
            QVERIFY(QTest::qWaitForWindowExposed(&chart));
            QTest::qWait(50);
            QImage img = chart.grab().toImage();
            QString path = QDir(dir_).filePath(QString("11b-sweep-crossover-%1x%2.png").arg(size.width()).arg(size.height()));
            QVERIFY(img.save(path));
            QVERIFY2(colours(img) > 20, "sweep chart looks empty");
            // No text of Qt's cut to "..." (title, axis labels and titles) ...
            for (QGraphicsItem* item : chart.scene()->items()) {
                auto* text = dynamic_cast<QGraphicsTextItem*>(item);
                if (!text || !text->isVisible()) continue;
                QString shown = text->toPlainText();
                QVERIFY2(!shown.endsWith("...") && !shown.endsWith(QChar(0x2026)), qPrintable(shown + " at " + path));
            }
            // ... and the key's entries whole inside the chart, one per line and the crossover.
            QCOMPARE(chart.key()->entries().size(), 5);
            QFontMetricsF keyFm(chart.key()->font());
            const QList<QRectF> rects = chart.key()->textRects();
            for (int i = 0; i < rects.size(); ++i) {
                const QRectF r = chart.key()->mapRectToScene(rects[i]);
                QCOMPARE(rects[i].width(), keyFm.horizontalAdvance(chart.key()->entries()[i].name));
                QVERIFY2(r.left() >= 0 && r.right() <= chart.width() && r.bottom() <= chart.height(),
                         qPrintable(chart.key()->entries()[i].name + " at " + path));
            }
            qInfo("wrote %s (%dx%d): %s", qPrintable(path), img.width(), img.height(), qPrintable(chart.verdict()));
        }
    }

    void cleanupTestCase() { QSettings().clear(); }
};

QTEST_MAIN(ScreenshotTest)
#include "screenshot_test.moc"
