// The desktop app offscreen, end to end with real worker processes: charts receive measured
// points, the process table shows real PIDs, the sync switch makes races appear and stop,
// exports write valid files, and closing the window leaves no worker and no kernel object.
#include "flow_figure.h"
#include "flow_view.h"
#include "chart_tabs.h"
#include "experiment_panel.h"
#include "lesson_controller.h"
#include "main_window.h"
#include "replay_bar.h"
#include "replay_controller.h"
#include "process_panel.h"
#include "ipclab/base/object_names.h"
#include "process_table_model.h"
#include "run_controller.h"
#include "sweep_chart.h"
#include "sync_switch.h"
#include "chart_key.h"
#include "time_chart.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QSplitter>
#include <QFile>
#include <QHeaderView>
#include <QLegend>
#include <QImage>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QSvgRenderer>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace ipclab;
using namespace ipclab::ui;

namespace {
ExperimentConfig stream(TransportKind t) {
    ExperimentConfig c;
    c.transport = t;
    c.sync = SyncMode::Atomic;
    return c;
}

QString commOf(int pid) {
    QFile f(QStringLiteral("/proc/%1/comm").arg(pid));
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QString::fromUtf8(f.readAll()).trimmed();
}

ExperimentConfig race(bool syncOn) {
    ExperimentConfig c;
    c.experiment = ExperimentKind::Race;
    c.workers = 3;
    c.sync = SyncMode::Mutex;
    c.syncEnabled = syncOn;
    return c;
}

// A window of a known size, shown (offscreen), as the tests that look at charts need.
void showSized(MainWindow& w) {
    w.resize(1400, 900);
    w.show();
}

// Mark lines stay out of the key, also after a run was cleared and a new one marked: one named
// entry per series, nothing else.
void legendHasOnlyNamedEntries(TimeChart& chart) {
    QCOMPARE(chart.key()->entries().size(), chart.seriesCount());
    for (const ChartKey::Entry& e : chart.key()->entries()) QVERIFY2(!e.name.isEmpty(), "a nameless key entry (a mark line?)");
    QVERIFY(!chart.chart()->legend()->isVisible()); // (Qt's own would cut names to "...")
}

double latest(const MainWindow& w, Series s, int lane = 0) {
    const auto& lanes = w.controller().sample().lanes;
    if (static_cast<int>(lanes.size()) <= lane) return -1;
    return lanes[static_cast<std::size_t>(lane)].point[s];
}
} // namespace

class MainWindowTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QCoreApplication::setOrganizationName("IPC Lab Tests");
        QCoreApplication::setApplicationName("ipclab-tests");
        QSettings().clear();
    }

    // At full speed a frame repaints where the tokens were and are, a few small rectangles; the
    // figure under them is re-rendered only when its data is due (5 times a second). Broken
    // twice before: every sample repainted the whole figure (30 times a second), and the
    // tokens' rectangles were merged into one that covered half the view.
    void fullSpeedFramesRepaintOnlyTheTokens() {
        MainWindow w;
        showSized(w);
        ExperimentConfig c = stream(TransportKind::SharedMemory);
        c.sync = SyncMode::Atomic;
        c.producers = 2;
        c.consumers = 2;
        w.setConfig(c);
        QVERIFY(w.start());
        QTRY_VERIFY_WITH_TIMEOUT(w.flowView()->tokenCount() > 4, 5000);
        w.flowView()->resetFrameStats();
        QElapsedTimer t;
        t.start();
        QTest::qWait(2000);
        double seconds = static_cast<double>(t.elapsed()) / 1000.0;
        std::vector<double> share = w.flowView()->paintedShare();
        w.stop();
        QVERIFY2(share.size() > 30, qPrintable(QString("only %1 paints in %2 s").arg(share.size()).arg(seconds)));
        double whole = static_cast<double>(std::count_if(share.begin(), share.end(), [](double s) { return s > 0.5; }));
        std::sort(share.begin(), share.end());
        double median = share[share.size() / 2];
        qInfo("median paint %.2f %% of the view, %.1f whole-view repaints a second", median * 100, whole / seconds);
        QVERIFY2(median < 0.05, qPrintable(QString("a median paint covered %1 % of the view").arg(median * 100)));
        QVERIFY2(whole / seconds <= FlowFigure::kRenderHz + 3, qPrintable(QString("%1 whole-view repaints a second").arg(whole / seconds)));
    }

    // A window nobody sees does not draw, so it does not wake up 60 times a second either: with
    // the window hidden (or minimized) the scene's animation stops, and on showing it resumes;
    // the run's sampling goes on, on the controller's own timer while hidden, on the frames
    // while on screen.
    void aHiddenWindowStopsItsAnimation() {
        MainWindow w;
        showSized(w);
        ExperimentConfig c = stream(TransportKind::SharedMemory);
        c.sync = SyncMode::Atomic;
        w.setConfig(c);
        QVERIFY(w.start());
        QTest::qWait(200);
        w.flowView()->resetFrameStats();
        // On screen the frames take the samples (every other one): one clock, 30 samples a second.
        QVERIFY(!w.controller().ownClock());
        uint64_t first = w.controller().sample().index;
        QElapsedTimer on;
        on.start();
        QTest::qWait(1000);
        double perS = static_cast<double>(w.controller().sample().index - first) / (static_cast<double>(on.elapsed()) / 1000.0);
        QVERIFY2(perS > 20 && perS < 40, qPrintable(QString("%1 samples a second").arg(perS)));
        QVERIFY2(w.flowView()->frameIntervalsMs().size() > 30, "no frames while on screen");
        w.hide();
        QTest::qWait(50);
        w.flowView()->resetFrameStats();
        uint64_t before = w.controller().sample().index;
        QTest::qWait(300);
        QCOMPARE(w.flowView()->frameIntervalsMs().size(), std::size_t{0});
        QVERIFY2(w.controller().sample().index > before + 3, "sampling stopped with the scene"); // recordings need it
        QVERIFY(w.controller().ownClock());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.flowView()->resetFrameStats();
        QTest::qWait(300);
        QVERIFY2(w.flowView()->frameIntervalsMs().size() > 5, "no frames after showing again");
        QVERIFY(!w.controller().ownClock());
        // No interval counts the time the window was away.
        for (double ms : w.flowView()->frameIntervalsMs()) QVERIFY2(ms < 250, qPrintable(QString::number(ms)));
        w.stop();
    }

    void streamFillsChartsAndShowsRealPids() {
        MainWindow w;
        showSized(w);
        w.setConfig(stream(TransportKind::SharedMemory));
        QVERIFY(w.start());
        QTRY_VERIFY_WITH_TIMEOUT(w.charts()->throughput()->pointCount() > 20, 8000);
        QTRY_VERIFY_WITH_TIMEOUT(latest(w, Series::MsgsPerS) > 1000, 5000);
        QCOMPARE(w.processPanel()->model()->rowCount(), 2);
        for (int r = 0; r < 2; ++r) {
            int pid = w.processPanel()->model()->data(w.processPanel()->model()->index(r, ProcessTableModel::Pid), Qt::DisplayRole).toInt();
            QVERIFY(pid > 0);
            QCOMPARE(commOf(pid), QString("ipclab-worker"));
        }
        QVERIFY(w.flowView()->figure()->lanes().size() == 1);
        QTRY_VERIFY_WITH_TIMEOUT(w.flowView()->tokenCount() > 0, 3000); // tokens move on the scene
        w.stop();
        QVERIFY(w.charts()->throughput()->pointCount() > 20); // the last run stays on screen
        // The table keeps the workers with their real exit status, not a stale "running".
        QCOMPARE(w.processPanel()->model()->rowCount(), 2);
        for (int r = 0; r < 2; ++r) {
            QString state = w.processPanel()->model()->data(w.processPanel()->model()->index(r, ProcessTableModel::State), Qt::DisplayRole).toString();
            QVERIFY2(state.startsWith("exited"), qPrintable(state));
        }
        legendHasOnlyNamedEntries(*w.charts()->throughput());
        // ...but nothing flows any more: the tokens in flight arrive and no new ones start.
        QTRY_COMPARE_WITH_TIMEOUT(w.flowView()->tokenCount(), 0, 4000);
        QVERIFY(w.flowView()->figure()->lanes().front().stopped);
        // A second run in the same window: its sync mark must not bring back a legend entry.
        QVERIFY(w.start());
        QTRY_VERIFY_WITH_TIMEOUT(w.charts()->throughput()->pointCount() > 10, 8000);
        legendHasOnlyNamedEntries(*w.charts()->throughput());
        w.stop();
    }

    void syncSwitchMakesRacesAppearAndStop() {
        MainWindow w;
        showSized(w);
        w.setConfig(race(false));
        QVERIFY(!w.experimentPanel()->syncSwitch()->isChecked());
        QVERIFY(w.start());
        // Off: lost updates appear (bounded wait; scheduling on 2 cores varies).
        QTRY_VERIFY_WITH_TIMEOUT(latest(w, Series::LostUpdates) > 0, 15000);
        double offA = latest(w, Series::LostUpdates);
        QTest::qWait(1000);
        double offGrowth = latest(w, Series::LostUpdates) - offA;

        QSignalSpy obeyed(&w.controller(), &RunController::syncObeyed);
        QTest::keyClick(&w, Qt::Key_S); // the shortcut, as a lecturer would
        QVERIFY(w.experimentPanel()->syncSwitch()->isChecked());
        QTRY_VERIFY_WITH_TIMEOUT(obeyed.count() == 1, 3000);
        QVERIFY(obeyed.at(0).at(0).toDouble() >= 0);
        QTest::qWait(500);
        double onA = latest(w, Series::LostUpdates);
        QTest::qWait(1000);
        double onGrowth = latest(w, Series::LostUpdates) - onA;
        // A running sample can under-read by the few updates in flight; real races add thousands.
        QVERIFY2(onGrowth <= std::max(100.0, offGrowth / 100), qPrintable(QString("on %1 off %2").arg(onGrowth).arg(offGrowth)));
        // Alt+2 shows the contention chart alone (a 1400x900 window has no room for all four).
        QTest::keyClick(&w, Qt::Key_2, Qt::AltModifier);
        QCOMPARE(w.charts()->focusChart(), 1);
        QVERIFY(w.charts()->contention()->isVisible());
        QVERIFY(!w.charts()->throughput()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(w.charts()->contention()->pointCount() > 0, 3000);
        w.setFocusChart(-1);
        for (const auto& wk : w.controller().sample().lanes.front().workers) QVERIFY(wk.activeSync == SyncMode::Mutex);
        // The toggle is marked on the time axis.
        QVERIFY(w.charts()->throughput()->csv().contains("mark: sync on (mutex)"));
        QVERIFY(w.charts()->throughput()->csv().contains("updates/s")); // a race counts updates, not messages
        QVERIFY(w.processPanel()->eventLog().join('\n').contains("obeyed"));
        w.stop();
    }

    // A pipe takes no lock of ours: its chart must not say "sync on (mutex)", and flipping the
    // switch (which changes nothing for it) must not add a marker.
    void messagePassingIsNeverMarkedAsLocked() {
        MainWindow w;
        showSized(w);
        w.setConfig(stream(TransportKind::Pipe));
        QVERIFY(w.start());
        QTRY_VERIFY_WITH_TIMEOUT(w.charts()->throughput()->pointCount() > 5, 8000);
        QTest::keyClick(&w, Qt::Key_S);
        QTest::qWait(600);
        QString csv = w.charts()->throughput()->csv();
        QVERIFY2(csv.contains("mark: no lock: the kernel synchronizes"), qPrintable(csv.left(400)));
        QVERIFY(!csv.contains("sync on"));
        QVERIFY(!csv.contains("sync off"));
        w.stop();
    }

    // After a run, choosing another experiment clears what described the old one: no points,
    // no stale legends, the scene back to its start text.
    void changingTheExperimentClearsTheLastRun() {
        MainWindow w;
        showSized(w);
        w.setConfig(stream(TransportKind::Pipe));
        QVERIFY(w.start());
        QTRY_VERIFY_WITH_TIMEOUT(w.charts()->throughput()->pointCount() > 5, 8000);
        w.stop();
        QVERIFY(w.charts()->throughput()->pointCount() > 0); // Stop keeps the last run on screen
        w.setConfig(race(true));
        QTest::qWait(300);
        QCOMPARE(w.charts()->throughput()->pointCount(), 0);
        QCOMPARE(w.charts()->throughput()->seriesCount(), 0);
        QVERIFY(w.flowView()->figure()->lanes().empty());
    }

    void exportsProduceValidFiles() {
        MainWindow w;
        showSized(w);
        w.setConfig(stream(TransportKind::Pipe));
        QVERIFY(w.start());
        QTRY_VERIFY_WITH_TIMEOUT(w.charts()->throughput()->pointCount() > 20, 8000);
        w.stop();
        QTemporaryDir dir;
        QSignalSpy finished(&w, &MainWindow::exportFinished);
        w.exportAllTo(dir.path());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QVERIFY2(w.lastError().isEmpty(), qPrintable(w.lastError()));
        // Slides have the slide's size whatever the window's shape, and nothing without data is
        // written (no sweep ran: no sweep files, and the log says so).
        QCOMPARE(QImage(dir.filePath("throughput-slide-16x9.png")).size(), QSize(1920, 1080));
        QCOMPARE(QImage(dir.filePath("latency-slide-4x3.png")).size(), QSize(1600, 1200));
        QCOMPARE(QImage(dir.filePath("flow-scene-slide-16x9.png")).size(), QSize(1920, 1080));
        // The scene's slides are drawn in the slide's shape: its kernel half reaches the bottom
        // edge (drawn in the window's wide shape, the lowest quarter of a 16:9 slide was white),
        // and the view's figure is back in the view's shape afterwards.
        for (const char* slide : {"flow-scene-slide-16x9.png", "flow-scene-slide-4x3.png"}) {
            QImage img = QImage(dir.filePath(slide)).convertToFormat(QImage::Format_RGB32);
            int blankRows = 0;
            for (int y = img.height() * 9 / 10; y < img.height(); ++y) {
                bool blank = true;
                for (int x = 0; x < img.width() && blank; x += 8) blank = img.pixel(x, y) == qRgb(255, 255, 255);
                blankRows += blank;
            }
            QVERIFY2(blankRows < 8, qPrintable(QString("%1: %2 white rows in its lowest tenth").arg(slide).arg(blankRows)));
        }
        QCOMPARE(w.flowView()->figure()->boundingRect().size(),
                 FlowFigure::shapeFor(double(w.flowView()->viewport()->width()) / w.flowView()->viewport()->height(), w.flowView()->large()));
        QVERIFY(!QFile::exists(dir.filePath("sweep.png")));
        QVERIFY(w.processPanel()->eventLog().join('\n').contains("Not exported: " + w.charts()->sweep()->title()));
        QSize view = ChartExporter::logicalSize(w.exportables().front());
        QVERIFY(view.width() >= w.charts()->throughput()->width() && view.width() >= 640);
        QImage png2(dir.filePath("throughput.png")), png3(dir.filePath("throughput@3x.png"));
        QCOMPARE(png2.size(), view * 2);
        QCOMPARE(png3.size(), view * 3);
        Exportable e = w.exportables().front();
        QVERIFY(ChartExporter::savePng(e, dir.filePath("one.png"), 1));
        QCOMPARE(QImage(dir.filePath("one.png")).size(), view);
        QVERIFY(QSvgRenderer(dir.filePath("throughput.svg")).isValid());
        QVERIFY(QSvgRenderer(dir.filePath("flow-scene.svg")).isValid());
        QFile pdf(dir.filePath("latency.pdf"));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QCOMPARE(pdf.read(4), QByteArray("%PDF"));
        QFile csv(dir.filePath("throughput.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QStringList lines = QString::fromUtf8(csv.readAll()).trimmed().split('\n');
        QCOMPARE(lines.first(), QString("series,time_s,value"));
        QVERIFY(lines.size() > 20);
        QVERIFY2(lines[1].contains("pipe") && lines[1].contains("msgs/s"), qPrintable(lines[1]));
        // The PNG is not blank: a chart with a plotted line has many colours.
        QSet<QRgb> colours;
        for (int y = 0; y < png2.height(); y += 7)
            for (int x = 0; x < png2.width(); x += 7) colours.insert(png2.pixel(x, y));
        QVERIFY(colours.size() > 20);
        QString err;
        QVERIFY(!ChartExporter::saveByName(e, dir.filePath("x.bmp"), &err));
        QVERIFY(err.contains("Unknown export format"));
        // A window of another shape: the slide keeps its size.
        w.resize(1000, 700);
        QVERIFY(ChartExporter::saveSlide(w.exportables().front(), dir.filePath("small-window.png"), {1920, 1080}));
        QCOMPARE(QImage(dir.filePath("small-window.png")).size(), QSize(1920, 1080));
    }

    // "Export all" while a run goes on: the export is written one file per turn of the event
    // loop, so samples keep arriving and the live chart keeps its points with no gap.
    void liveChartsKeepDrawingDuringAnExport() {
        MainWindow w;
        showSized(w);
        w.setConfig(stream(TransportKind::Pipe));
        QVERIFY(w.start());
        QTRY_VERIFY_WITH_TIMEOUT(w.charts()->throughput()->pointCount() > 10, 8000);
        QElapsedTimer clock;
        clock.start();
        QList<qint64> sampleTimes;
        connect(&w.controller(), &RunController::sampled, this, [&] { sampleTimes << clock.elapsed(); });
        QTemporaryDir dir;
        QSignalSpy finished(&w, &MainWindow::exportFinished);
        qint64 t0 = clock.elapsed();
        w.exportAllTo(dir.path());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        qint64 t1 = clock.elapsed();
        w.stop();
        QVERIFY(finished.at(0).at(0).toBool());
        // The longest wait between two samples while the export ran: one file's render, not the
        // whole export (which takes many times that).
        qint64 gap = 0, last = t0;
        for (qint64 t : sampleTimes) {
            if (t > t1) break;
            gap = std::max(gap, t - last);
            last = t;
        }
        gap = std::max(gap, t1 - last);
        qInfo("export took %lld ms; longest pause between samples %lld ms", t1 - t0, gap);
        QVERIFY2(gap < std::max<qint64>(1000, (t1 - t0) / 3), qPrintable(QString("gap %1 ms of %2").arg(gap).arg(t1 - t0)));
    }

    // The process table model keeps Qt's model contract through a run's life (rows appear,
    // cells change, a worker dies, the next run has another row count), and repaints only what
    // changed: the per-worker rates at most FlowFigure::kRenderHz a second, unchanged cells never.
    void processTableModelKeepsTheModelContract() {
        MainWindow w;
        showSized(w);
        QAbstractItemModelTester tester(w.processPanel()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        w.setConfig(race(true));
        QVERIFY(w.start());
        QTRY_COMPARE_WITH_TIMEOUT(w.processPanel()->model()->rowCount(), 3, 3000);
        // Every cell has the room its text needs, from the first sample on (no "blocked in ke...").
        auto cellsFit = [&] {
            QTableView* v = w.processPanel()->view();
            auto* m = w.processPanel()->model();
            for (int c = 0; c < m->columnCount(); ++c)
                for (int r = 0; r < m->rowCount(); ++r)
                    if (v->columnWidth(c) < v->sizeHintForIndex(m->index(r, c)).width())
                        return QString("row %1 column %2: '%3' needs %4 px, has %5")
                            .arg(r).arg(c).arg(m->data(m->index(r, c), Qt::DisplayRole).toString())
                            .arg(v->sizeHintForIndex(m->index(r, c)).width()).arg(v->columnWidth(c));
            return QString();
        };
        QVERIFY2(cellsFit().isEmpty(), qPrintable(cellsFit()));
        // No column is drawn cut off by the panel's edge: the last one that fits whole is
        // widened to it, the rest are a scroll away (and the panel narrowed, the same holds).
        auto noColumnCut = [&] {
            QTableView* v = w.processPanel()->view();
            QHeaderView* hh = v->horizontalHeader();
            const int edge = v->viewport()->width();
            for (int c = 0; c < hh->count(); ++c) {
                int left = hh->sectionViewportPosition(c), right = left + hh->sectionSize(c);
                if (left < edge && right > edge) return QString("column %1 runs %2-%3 across the edge at %4").arg(c).arg(left).arg(right).arg(edge);
            }
            return QString();
        };
        QVERIFY2(noColumnCut().isEmpty(), qPrintable(noColumnCut()));
        QSignalSpy changed(w.processPanel()->model(), &QAbstractItemModel::dataChanged);
        QTest::qWait(1000);
        QVERIFY2(cellsFit().isEmpty(), qPrintable(cellsFit()));
        // PID, role and state in view without scrolling sideways (the transport, the same for a
        // whole lane, after them: before, the state was the column the panel's edge cut).
        {
            QTableView* v = w.processPanel()->view();
            QHeaderView* hh = v->horizontalHeader();
            QVERIFY(hh->visualIndex(ProcessTableModel::State) < hh->visualIndex(ProcessTableModel::Lane));
            int stateEnd = hh->sectionViewportPosition(ProcessTableModel::State) + hh->sectionSize(ProcessTableModel::State);
            QVERIFY2(stateEnd <= v->viewport()->width(),
                     qPrintable(QString("the state column ends at %1 px, the panel shows %2").arg(stateEnd).arg(v->viewport()->width())));
        }
        QVERIFY2(noColumnCut().isEmpty(), qPrintable(noColumnCut()));
        {
            // A narrow panel shows only the first columns: each cell's tooltip tells the whole row.
            auto* m = w.processPanel()->model();
            QString tip = m->data(m->index(0, ProcessTableModel::Pid), Qt::ToolTipRole).toString();
            QString rate = m->data(m->index(0, ProcessTableModel::Rate), Qt::DisplayRole).toString();
            QVERIFY2(tip.contains(m->data(m->index(0, ProcessTableModel::Pid), Qt::DisplayRole).toString()), qPrintable(tip));
            QVERIFY2(!rate.isEmpty() && tip.contains(rate), qPrintable(tip + " / " + rate));
            QVERIFY2(tip.contains(m->data(m->index(0, ProcessTableModel::State), Qt::DisplayRole).toString()), qPrintable(tip));
        }
        int rateCells = 0, pidCells = 0;
        for (const auto& args : changed) {
            auto from = args.at(0).value<QModelIndex>(), to = args.at(1).value<QModelIndex>();
            for (int col = from.column(); col <= to.column(); ++col) {
                rateCells += col == ProcessTableModel::Rate;
                pidCells += col == ProcessTableModel::Pid;
            }
        }
        QVERIFY2(rateCells <= 3 * 6, qPrintable(QString("%1 rate cell updates in 1 s").arg(rateCells))); // 3 rows, 4 Hz (+slack)
        QVERIFY2(rateCells >= 3, "the rates never updated");
        QCOMPARE(pidCells, 0); // nothing about the processes changed
        w.processPanel()->view()->selectRow(1);
        w.killSelectedWorker();
        QTRY_VERIFY_WITH_TIMEOUT(w.processPanel()->model()->data(w.processPanel()->model()->index(1, ProcessTableModel::State), Qt::DisplayRole).toString().contains("signal"), 5000);
        // The columns are not sized by the header on every change (that measured every row's
        // text 30 times a second): the state column grew for the longer text at once.
        QTableView* view = w.processPanel()->view();
        QCOMPARE(view->horizontalHeader()->sectionResizeMode(ProcessTableModel::State), QHeaderView::Interactive);
        QVERIFY2(view->columnWidth(ProcessTableModel::State) >=
                     view->sizeHintForIndex(w.processPanel()->model()->index(1, ProcessTableModel::State)).width(),
                 "the state column is narrower than 'killed by signal 9'");
        w.stop();
        w.setConfig(stream(TransportKind::Pipe));
        QVERIFY(w.start());
        QTRY_COMPARE_WITH_TIMEOUT(w.processPanel()->model()->rowCount(), 2, 3000);
        QTest::qWait(300);
        QVERIFY2(cellsFit().isEmpty(), qPrintable(cellsFit()));
        QVERIFY2(noColumnCut().isEmpty(), qPrintable(noColumnCut()));
        for (int width : {w.width() - 120, w.width() + 200}) {
            w.resize(width, w.height());
            QTest::qWait(100);
            QVERIFY2(noColumnCut().isEmpty(), qPrintable(QString("at %1 px: ").arg(width) + noColumnCut()));
        }
        w.stop();
    }

    // CPU pressure, live: hogs appear in the process table as real processes with the kernel's
    // count of their CPU, and are gone (reaped) once the run stops. The hold slider reaches the
    // workers' config.
    void cpuHogsAreListedAndReapedAtStop() {
        MainWindow w;
        w.show();
        ExperimentConfig c;
        c.experiment = ExperimentKind::Race;
        c.workers = 2;
        c.sync = SyncMode::Spinlock;
        w.setConfig(c);
        auto* hold = w.experimentPanel()->findChild<QSlider*>("hold-us");
        QVERIFY(hold);
        hold->setValue(200);
        QCOMPARE(w.config().holdUs, 200u);
        QVERIFY(w.start());
        auto* hogs = w.experimentPanel()->findChild<QSpinBox*>("cpu-hogs");
        QVERIFY(hogs && hogs->isEnabled());
        hogs->setValue(2);
        auto* model = w.processPanel()->model();
        auto hogPids = [&] {
            QList<int> pids;
            for (int r = 0; r < model->rowCount(); ++r)
                if (model->data(model->index(r, ProcessTableModel::Role), Qt::DisplayRole).toString() == "CPU hog")
                    pids << model->data(model->index(r, ProcessTableModel::Pid), Qt::DisplayRole).toInt();
            return pids;
        };
        QTRY_COMPARE_WITH_TIMEOUT(hogPids().size(), 2, 5000);
        QList<int> pids = hogPids();
        for (int pid : pids) QCOMPARE(commOf(pid), QString("ipclab-worker"));
        // The kernel's count fills in within about a second: a hog burns CPU in user mode.
        QTRY_VERIFY_WITH_TIMEOUT(!model->data(model->index(model->rowCount() - 1, ProcessTableModel::UserCpu), Qt::DisplayRole)
                                      .toString()
                                      .isEmpty(),
                                 5000);
        w.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!w.controller().running(), 10000);
        for (int pid : pids) QVERIFY2(::kill(pid, 0) != 0, qPrintable(QString::number(pid)));
        QTRY_COMPARE_WITH_TIMEOUT(hogPids().size(), 0, 3000);
        hogs->setValue(0);
    }

    // The waiting policy, live from its combo: a spinning consumer of a slow stream burns its CPU
    // (the kernel's count in the process table says so), a sleeping one does not.
    void waitingPolicyChangesLiveAndTheKernelSeesIt() {
        MainWindow w;
        w.show();
        ExperimentConfig c = stream(TransportKind::SharedMemory);
        c.sync = SyncMode::Atomic;
        c.rate = 100;
        c.waitPolicy = WaitPolicy::Sleep;
        w.setConfig(c);
        QVERIFY(w.start());
        auto* wait = w.experimentPanel()->findChild<QComboBox*>("wait-policy");
        QVERIFY(wait && wait->isEnabled());
        auto* model = w.processPanel()->model();
        auto consumerUser = [&] {
            for (int r = 0; r < model->rowCount(); ++r)
                if (model->data(model->index(r, ProcessTableModel::Role), Qt::DisplayRole).toString() == "consumer") {
                    QString v = model->data(model->index(r, ProcessTableModel::UserCpu), Qt::DisplayRole).toString();
                    return v.isEmpty() ? -1.0 : v.toDouble();
                }
            return -1.0;
        };
        QTRY_VERIFY_WITH_TIMEOUT(consumerUser() >= 0 && consumerUser() < 30, 6000);
        wait->setCurrentIndex(wait->findData(static_cast<int>(WaitPolicy::Spin)));
        QTRY_VERIFY_WITH_TIMEOUT(consumerUser() > 50, 6000);
        wait->setCurrentIndex(wait->findData(static_cast<int>(WaitPolicy::Sleep)));
        QTRY_VERIFY_WITH_TIMEOUT(consumerUser() >= 0 && consumerUser() < 30, 6000);
        w.stop();
    }

    void killWorkerIsReportedAndOthersContinue() {
        MainWindow w;
        showSized(w);
        w.setConfig(race(true));
        QVERIFY(w.start());
        QTRY_COMPARE_WITH_TIMEOUT(w.processPanel()->model()->rowCount(), 3, 3000);
        w.processPanel()->view()->selectRow(0);
        int pid = w.processPanel()->model()->data(w.processPanel()->model()->index(0, ProcessTableModel::Pid), Qt::DisplayRole).toInt();
        w.killSelectedWorker();
        QTRY_VERIFY_WITH_TIMEOUT(w.processPanel()->eventLog().join('\n').contains(QString::number(pid) + " (race worker) killed by signal 9"), 5000);
        auto updates = [&w] { return w.controller().sample().lanes.front().counters.sum(&WorkerCounters::updates); };
        double before = static_cast<double>(updates());
        QTRY_VERIFY_WITH_TIMEOUT(static_cast<double>(updates()) > before + 1000, 5000);
        QVERIFY(commOf(pid).isEmpty()); // reaped
        w.stop();
    }

    // A 1280x720 projector (and a 1024x600 netbook) holds the whole window.
    void theWindowFitsSmallProjectors() {
        MainWindow w;
        w.show();
        QVERIFY2(w.minimumSizeHint().width() <= 1024 && w.minimumSizeHint().height() <= 600,
                 qPrintable(QString("%1x%2").arg(w.minimumSizeHint().width()).arg(w.minimumSizeHint().height())));
        w.resize(1280, 720);
        QTRY_COMPARE(w.size(), QSize(1280, 720));
    }

    // Presenter mode: the levers by key, the sync state large, one chart beside the scene, and
    // leaving puts the window back as it was.
    void presenterKeysAndLeavingRestoresTheWindow() {
        MainWindow w;
        showSized(w);
        w.setFocusChart(-1);
        QSize before = w.size();
        auto* splitter = w.findChild<QSplitter*>("scene-charts");
        QVERIFY(splitter);
        QByteArray state = splitter->saveState();
        w.setConfig(race(true));
        w.setPresenterMode(true);
        QVERIFY(!w.findChild<QWidget*>("controls")->isVisible());
        auto* badge = w.findChild<QLabel*>("sync-badge");
        QVERIFY(badge && badge->isVisible());
        QVERIFY(badge->text().contains("SYNC ON"));
        QCOMPARE(splitter->orientation(), Qt::Horizontal);
        QVERIFY(w.charts()->focusChart() >= 0); // one chart, not four tiny ones
        QVERIFY(w.start());
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QTest::keyClick(&w, Qt::Key_S);
        QVERIFY2(badge->text().contains("SYNC OFF"), qPrintable(badge->text()));
        QTest::keyClick(&w, Qt::Key_S);
        SyncMode first = w.config().sync;
        QTest::keyClick(&w, Qt::Key_M); // next primitive, live
        QVERIFY(w.config().sync != first);
        QTRY_VERIFY_WITH_TIMEOUT(w.controller().sample().lanes.front().workers.front().activeSync == w.config().sync, 3000);
        QVERIFY(badge->text().contains(QString::fromStdString(std::string(toString(w.config().sync)))));
        w.stop();
        // T: the next transport; O: slow motion on a stream, live.
        w.setConfig(stream(TransportKind::SharedMemory));
        QVERIFY(w.start());
        QTest::keyClick(&w, Qt::Key_T);
        QTRY_VERIFY_WITH_TIMEOUT(!w.controller().sample().lanes.empty() &&
                                     w.controller().sample().lanes.front().config.transport != TransportKind::SharedMemory, 5000);
        QVERIFY(w.controller().live()); // restarted on the new transport
        QVERIFY(badge->text().contains("kernel"));
        QTest::keyClick(&w, Qt::Key_O);
        QTRY_VERIFY_WITH_TIMEOUT(w.controller().sample().lanes.front().config.rate == 2.0, 3000);
        QTest::keyClick(&w, Qt::Key_O);
        QTRY_VERIFY_WITH_TIMEOUT(w.controller().sample().lanes.front().config.rate == 0.0, 3000);
        w.stop();
        w.setPresenterMode(false);
        QVERIFY(w.findChild<QWidget*>("controls")->isVisible());
        QVERIFY(!badge->isVisible());
        QCOMPARE(splitter->orientation(), Qt::Vertical);
        QCOMPARE(splitter->saveState(), state);
        QCOMPARE(w.charts()->focusChart(), -1);
        QTRY_COMPARE(w.size(), before);
    }

    void badInputIsAClearErrorNotACrash() {
        MainWindow w;
        w.show();
        ExperimentConfig c = stream(TransportKind::MessageQueue);
        c.messageSize = 1 << 20; // above the kernel's msgsize_max
        w.setConfig(c);
        QVERIFY(!w.start());
        QVERIFY2(w.lastError().contains("above"), qPrintable(w.lastError()));
        QVERIFY(!w.controller().running());
        QVERIFY(listLiveObjects().empty());
    }

    void corruptedSettingsFallBackToDefaults() {
        QSettings().setValue("config/args", QStringList{"--size", "banana", "--transport", "warp"});
        MainWindow w;
        QVERIFY(w.config().transport == ExperimentConfig().transport);
        QVERIFY(w.processPanel()->eventLog().join('\n').contains("Ignored saved settings"));
        QSettings().clear();
    }

    void settingsRememberTheLastConfiguration() {
        {
            MainWindow w;
            ExperimentConfig c = stream(TransportKind::UnixSocket);
            c.messageSize = 4096;
            w.setConfig(c);
            w.close();
        }
        MainWindow again;
        QVERIFY(again.config().transport == TransportKind::UnixSocket);
        QCOMPARE(again.config().messageSize, 4096u);
        QSettings().clear();
    }

    void compareModeRunsTwoLanesAndCloseCleansUp() {
        QList<int> pids;
        {
            MainWindow w;
            showSized(w);
            w.setConfig(stream(TransportKind::SharedMemory));
            w.setCompare(true, TransportKind::Pipe);
            QVERIFY(w.start());
            QCOMPARE(w.controller().sample().lanes.size(), std::size_t(2));
            // Each lane's workers know the other lane's two processes share the CPUs with them.
            for (const auto& lane : w.controller().sample().lanes) QCOMPARE(lane.config.coRunners, 2);
            QTRY_VERIFY_WITH_TIMEOUT(latest(w, Series::MsgsPerS, 1) > 100 && latest(w, Series::MsgsPerS, 0) > 100, 8000);
            QCOMPARE(w.flowView()->figure()->lanes().size(), std::size_t(2));
            for (int r = 0; r < w.processPanel()->model()->rowCount(); ++r)
                pids << w.processPanel()->model()->data(w.processPanel()->model()->index(r, ProcessTableModel::Pid), Qt::DisplayRole).toInt();
            QCOMPARE(pids.size(), 4);
            QTRY_VERIFY_WITH_TIMEOUT(w.charts()->throughput()->pointCount() > 40, 5000);
            QVERIFY(w.charts()->throughput()->csv().contains("pipe"));
            QVERIFY(!listLiveObjects().empty());
            w.close();
        }
        for (int pid : pids) QVERIFY2(commOf(pid).isEmpty(), qPrintable(QString::number(pid)));
        QVERIFY(listLiveObjects().empty());
    }

    void sweepFillsTheLogLogChart() {
        MainWindow w;
        w.show();
        ExperimentConfig c;
        c.experiment = ExperimentKind::Sweep;
        c.sweepTransports = {TransportKind::SharedMemory, TransportKind::Pipe};
        c.sweepSizes = {64, 65536};
        c.sweepPointS = 0.2;
        QSignalSpy done(&w.controller(), &RunController::stopped);
        QVERIFY(w.controller().start(c));
        QTRY_VERIFY_WITH_TIMEOUT(done.count() == 1, 20000);
        // Shared memory lock-free and with a mutex per message, and the pipe, at two sizes.
        QCOMPARE(w.charts()->sweep()->pointCount(), 6);
        QVERIFY(w.charts()->sweep()->csv().split('\n', Qt::SkipEmptyParts).size() == 7);
        QVERIFY(w.charts()->sweep()->csv().contains("shm+mutex,shm,64,"));
        // The chart states the same ratios the CLI prints, computed from its own points.
        QString verdict = w.charts()->sweep()->verdict();
        QVERIFY2(verdict.contains("64 B: ") && verdict.contains("64 KiB: "), qPrintable(verdict));
        QCOMPARE(w.charts()->sweep()->title(), verdict);
    }

    void isolationShowsSameAddressDifferentValues() {
        MainWindow w;
        w.show();
        ExperimentConfig c;
        c.experiment = ExperimentKind::Isolation;
        w.setConfig(c);
        QSignalSpy done(&w.controller(), &RunController::isolationFinished);
        QVERIFY(w.start());
        QTRY_VERIFY_WITH_TIMEOUT(done.count() == 1, 10000);
        QCOMPARE(w.controller().sample().isolation.rows.size(), std::size_t(2));
        QVERIFY(w.processPanel()->eventLog().join('\n').contains("Isolation finished: 2"));
    }

    // Record a live run, open the file: the replay draws the same chart data, point by point;
    // the replay bar steps and seeks; a damaged file is an error dialog, not a crash.
    void aRecordedRunReplaysTheSameCharts() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        qputenv("IPCLAB_RECORDINGS_DIR", dir.path().toUtf8());
        MainWindow w;
        showSized(w);
        w.setRecording(true);
        ExperimentConfig race;
        race.experiment = ExperimentKind::Race;
        race.workers = 2;
        race.sync = SyncMode::Mutex;
        w.setConfig(race);
        QVERIFY(w.start());
        QTest::qWait(700);
        w.toggleSync(); // a mark in the recording
        QTest::qWait(800);
        w.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!w.controller().running(), 10000);
        QTest::qWait(100);
        // (A chart's csv() is what it plots: redraw each from its points first.)
        auto plotted = [&w](TimeChart* c) {
            c->refresh();
            return c->csv();
        };
        const QString live = plotted(w.charts()->throughput()), liveIntegrity = plotted(w.charts()->integrity()),
                      liveKernel = plotted(w.charts()->kernel());
        QVERIFY(w.charts()->throughput()->pointCount() > 20);
        QString path = w.lastRecording();
        QVERIFY(QFileInfo::exists(path));
        w.setConfig(stream(TransportKind::Pipe)); // the panel moves on; the replay shows what was recorded
        QVERIFY(w.openRecording(path));
        QVERIFY(w.config().experiment == ExperimentKind::Race);
        QCOMPARE(w.config().workers, 2);
        QVERIFY(w.replayBar()->isVisible());
        QVERIFY(w.replayBar()->bannerText().contains(QFileInfo(path).fileName()));
        ReplayController* r = w.replay();
        QVERIFY(r->count() > 20);
        r->seek(r->count() - 1);
        QVERIFY2(w.charts()->throughput()->pointCount() > 20, "a jump draws the charts at once");
        QCOMPARE(plotted(w.charts()->throughput()), live);
        QCOMPARE(plotted(w.charts()->integrity()), liveIntegrity);
        QCOMPARE(plotted(w.charts()->kernel()), liveKernel);
        QVERIFY(live.contains("sync off") || liveIntegrity.contains("sync"));
        // Back to the start and forward one at a time; play at 4x reaches the end.
        r->seek(0);
        QCOMPARE(r->position(), 0);
        r->stepForward();
        QCOMPARE(r->position(), 1);
        r->nextMark();
        QVERIFY(r->position() > 1);
        r->setSpeed(4);
        r->seek(0);
        r->play();
        QTRY_VERIFY_WITH_TIMEOUT(!r->playing(), 5000);
        QCOMPARE(r->position(), r->count() - 1);
        QCOMPARE(plotted(w.charts()->throughput()), live);
        // Start closes the replay and runs live again.
        w.closeReplay();
        QVERIFY(!w.replayBar()->isVisible());
        QVERIFY(!r->active());
        // A damaged file: a clear error, the window goes on.
        QString bad = dir.filePath("bad.ipclab");
        {
            QFile f(bad);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(5000, 'x'));
        }
        QVERIFY(!w.openRecording(bad));
        QVERIFY(w.lastError().contains("bad.ipclab"));
        QVERIFY(!r->active());
        w.setRecording(false);
        qunsetenv("IPCLAB_RECORDINGS_DIR");
    }

    // Two recordings side by side: the second one's lane beside the first in every sample,
    // matched by time, named by file; the charts overlay both on the same axes.
    void twoRecordingsCompareOnTheSameAxes() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        qputenv("IPCLAB_RECORDINGS_DIR", dir.path().toUtf8());
        MainWindow w;
        showSized(w);
        w.setCompare(false, TransportKind::Pipe);
        w.setRecording(true);
        QStringList files;
        for (TransportKind k : {TransportKind::SharedMemory, TransportKind::Pipe}) {
            w.setConfig(stream(k));
            QVERIFY(w.start());
            QTest::qWait(1200);
            w.stop();
            QTRY_VERIFY_WITH_TIMEOUT(!w.controller().running(), 10000);
            files << w.lastRecording();
        }
        w.setRecording(false);
        QVERIFY(files[0] != files[1]);
        QVERIFY(w.openRecording(files[0]));
        RunSample last;
        connect(w.replay(), &ReplayController::sampled, this, [&last](const RunSample& s) { last = s; });
        QVERIFY(w.compareWithRecording(files[1]));
        QVERIFY(w.replayBar()->bannerText().contains(QFileInfo(files[1]).fileName()));
        ReplayController* r = w.replay();
        r->seek(r->count() - 1);
        QCOMPARE(last.lanes.size(), std::size_t{2});
        QVERIFY(last.lanes[0].config.transport == TransportKind::SharedMemory);
        QVERIFY(last.lanes[1].config.transport == TransportKind::Pipe);
        QVERIFY(!last.lanes[1].label.empty());
        // Lane 2 is the pipe recording's sample at that time (the last one not after it).
        const auto& pipe = r->compared()->samples();
        double t = last.lanes[0].point.t;
        const LaneSample* expected = nullptr;
        for (const auto& s : pipe)
            if (s.lanes.front().point.t <= t) expected = &s.lanes.front();
        QVERIFY(expected);
        QCOMPARE(last.lanes[1].point.t, expected->point.t);
        QCOMPARE(last.lanes[1].point[Series::MsgsPerS], expected->point[Series::MsgsPerS]);
        TimeChart* c = w.charts()->throughput();
        c->refresh();
        QCOMPARE(c->seriesCount(), 4); // msgs/s and MB/s, of each recording
        QVERIFY(c->csv().contains(QString::fromStdString(last.lanes[1].label)));
        // Another recording opened: alone again (the comparison belonged to the first).
        QVERIFY(w.openRecording(files[1]));
        QVERIFY(!r->compared());
        r->seek(r->count() - 1);
        QCOMPARE(last.lanes.size(), std::size_t{1});
        w.closeReplay();
        QVERIFY(!w.compareWithRecording(files[1])); // (no replay open)
        qunsetenv("IPCLAB_RECORDINGS_DIR");
    }

    void cleanupTestCase() { QVERIFY(listLiveObjects().empty()); }
};

QTEST_MAIN(MainWindowTest)
#include "main_window_test.moc"
