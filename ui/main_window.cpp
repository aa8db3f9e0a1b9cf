#include "main_window.h"

#include "animation_export.h"
#include "big_number.h"
#include "chart_tabs.h"
#include "core_text.h"
#include "experiment_panel.h"
#include "flow_figure.h"
#include "flow_view.h"
#include "lesson_card.h"
#include "lesson_controller.h"
#include "lesson_report.h"
#include "lesson_session.h"
#include "process_panel.h"
#include "replay_bar.h"
#include "replay_controller.h"
#include "qt_text.h"
#include "run_controller.h"
#include "sweep_chart.h"
#include "sync_switch.h"
#include "time_chart.h"
#include "timeline_view.h"
#include "translations.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QProgressDialog>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QScreen>
#include <QWindow>
#include <QScrollArea>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

// Resources live in a static library: register them explicitly (outside any namespace).
static void initResources() { Q_INIT_RESOURCE(ipclab); }

namespace ipclab::ui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent), controller_(new RunController(this)) {
    initResources();
    setWindowTitle(tr("IPC Lab"));
    setWindowIcon(QIcon(":/icons/ipclab.svg"));
    normalFont_ = QApplication::font();
    QStringList lessonErrors;
    lessons_ = new LessonController(QLocale().name().left(2), &lessonErrors, this);
    buildPanels();
    buildMenus();
    for (const QString& e : lessonErrors) log(tr("Skipped a broken lesson: %1").arg(e));

    // The panels ask; the window decides and tells the controller.
    connect(controls_, &ExperimentPanel::startStopClicked, this, &MainWindow::startOrStop);
    connect(controls_, &ExperimentPanel::pauseClicked, this, &MainWindow::togglePause);
    connect(controls_, &ExperimentPanel::killClicked, this, &MainWindow::killSelectedWorker);
    connect(controls_, &ExperimentPanel::syncChanged, this, &MainWindow::onSyncSwitched);
    connect(controls_, &ExperimentPanel::rateChanged, this, [this](double rate) {
        if (!controller_->live()) return;
        controller_->setRate(rate);
        log(tr("Rate set to %1").arg(controls_->rateText()));
    });
    connect(controls_, &ExperimentPanel::cpuHogsChanged, this, [this](int count) {
        if (!controller_->live()) return;
        controller_->setCpuHogs(count);
        log(count == 1 ? tr("1 CPU hog running beside the workers") : tr("%1 CPU hogs running beside the workers").arg(count));
    });
    connect(controls_, &ExperimentPanel::waitPolicyChanged, this, [this](WaitPolicy w) {
        if (!controller_->live()) return;
        controller_->setWaitPolicy(w);
        log(tr("Waiting: %1").arg(toQString(toString(w))));
        statusBar()->showMessage(tr("Ring waiters now: %1").arg(toQString(toString(w))), 4000);
    });
    connect(controls_, &ExperimentPanel::selectionChanged, this, &MainWindow::clearResults);
    connect(controls_, &ExperimentPanel::controlsChanged, this, &MainWindow::updateSyncBadge);
    connect(lessons_, &LessonController::lessonChosen, this, &MainWindow::applyLesson);
    connect(lessonCard_, &LessonCard::answered, this, &MainWindow::measureLesson);
    connect(lessonCard_, &LessonCard::cancelRequested, this, [this] {
        lessonSession_->cancel();
        statusRun_->setText(tr("Measurement cancelled."));
        askCurrentLesson();
    });
    connect(lessonCard_, &LessonCard::runLiveRequested, this, [this] { start(); });
    connect(lessonCard_, &LessonCard::exportRequested, this, &MainWindow::exportLessonReportDialog);
    connect(lessonCard_, &LessonCard::askAgainRequested, this, [this] {
        if (lessons_->current() >= 0) applyLesson(lessons_->current());
    });
    connect(lessonSession_, &LessonSession::finished, this, [this](const LessonResult& r) {
        verdictLesson_ = r.lessonId;
        verdictPrediction_ = r.predictionText;
        verdictText_ = QStringLiteral("%1: %2 = %3").arg(r.outcomeWords, r.label, r.valueText);
        if (!r.comparison.isEmpty()) verdictText_ += " · " + r.comparison;
        lessonCard_->conclude(r);
        showLessonCard(true);
        QString line = tr("Lesson %1: the claim %2 (%3 = %4)").arg(r.number).arg(r.outcomeWords, r.label, r.valueText);
        if (!r.comparison.isEmpty()) line += " · " + r.comparison;
        log(line);
        statusRun_->setText(tr("Lesson %1: %2. Space runs it live; Ctrl+Shift+R exports the report.").arg(r.number).arg(r.outcomeWords));
        updateEnabled();
    });
    connect(lessonSession_, &LessonSession::failed, this, [this](const QString& m) {
        askCurrentLesson();
        onError(m);
    });
    // One clock for the window: while the scene animates, its frames take the samples too
    // (every other one) and redraw a chart, so the window wakes up 60 times a second, not 90.
    connect(flow_, &FlowView::animating, controller_, &RunController::setFrameClock);
    connect(flow_, &FlowView::frameStarted, this, [this] {
        controller_->frameTick();
        refreshChart();
    });

    connect(controller_, &RunController::sampled, this, &MainWindow::onSampled);
    // A recording takes the live samples as they come (30 a second), and ends with the run.
    connect(controller_, &RunController::sampled, this, [this](const RunSample& s) {
        if (!recorder_) return;
        try {
            recorder_->add(s);
        } catch (const std::exception& e) {
            QString path = QString::fromStdString(recorder_->path());
            recorder_.reset();
            onError(tr("Recording to %1 stopped: %2").arg(path, QString::fromUtf8(e.what())));
        }
    });
    // Replay: the same views, fed the recorded samples.
    connect(replay_, &ReplayController::sampled, this, &MainWindow::onSampled);
    connect(replay_, &ReplayController::history, this, [this](const RunSample& s) { charts_->add(s); });
    connect(replay_, &ReplayController::cleared, this, [this] {
        numbersClock_.invalidate();
        charts_->reset();
        flow_->clear();
    });
    connect(replayBar_, &ReplayBar::closeRequested, this, &MainWindow::closeReplay);
    connect(animation_, &AnimationExport::finished, this, [this](bool ok, const QString& message) {
        log(message);
        if (ok) statusBar()->showMessage(message, 8000);
        else if (!animation_->wasCancelled()) onError(message);
    });
    // A jump or a step while paused: every chart shows the new moment at once (while playing,
    // they take turns as they do live).
    connect(replay_, &ReplayController::positionChanged, this, [this] {
        if (replay_->playing()) return;
        numbersClock_.invalidate(); // (the next sample shows its number at once)
        for (TimeChart* c : charts_->allTimeCharts())
            if (c->isVisible()) c->refresh();
    });
    connect(controller_, &RunController::error, this, &MainWindow::onError);
    connect(controller_, &RunController::workerExited, this, [this](const QString& m) {
        log(m);
        statusBar()->showMessage(m, 8000);
    });
    connect(controller_, &RunController::syncObeyed, this, [this](double ms) {
        QString text = tr("All workers obeyed the sync change in %1 ms").arg(QString::number(ms, 'f', 2));
        controls_->showAck(text);
        log(text);
    });
    connect(controller_, &RunController::status, this, [this](const QString& m) { statusBar()->showMessage(m, 5000); });
    connect(controller_, &RunController::stopped, this, [this] {
        finishRecording();
        flow_->markStopped();
        updateEnabled();
        progress_->hide();
        statusRun_->setText(tr("Stopped. Charts keep the last run; Export (Ctrl+E) puts them into slides."));
    });
    connect(controller_, &RunController::sweepPointAdded, this, [this](int done, int total) {
        progress_->setMaximum(total);
        progress_->setValue(done);
        statusRun_->setText(tr("Sweep: %1 of %2 points measured").arg(done).arg(total));
    });
    connect(controller_, &RunController::isolationFinished, this, &MainWindow::showIsolationResult);

    loadSettings();
    applyTheme();
    updateEnabled();
    statusRun_->setText(tr("Ready. Pick an experiment and press Start (Space)."));
}

MainWindow::~MainWindow() { controller_->stop(); }

void MainWindow::buildPanels() {
    controls_ = new ExperimentPanel;
    processes_ = new ProcessPanel;
    auto* leftColumn = new QWidget;
    auto* leftLayout = new QVBoxLayout(leftColumn);
    leftLayout->addWidget(controls_);
    leftLayout->addWidget(processes_, 1);
    // On a 1280x720 projector the controls and the process table do not both fit in height:
    // the column scrolls instead of pushing the window past the screen.
    auto* left = new QScrollArea;
    left->setWidget(leftColumn);
    left->setWidgetResizable(true);
    left->setFrameShape(QFrame::NoFrame);
    left->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    leftColumn->setMinimumHeight(560);
    left->setMinimumWidth(330);
    left->setMaximumWidth(460);
    left->setObjectName("controls");

    auto* sceneBox = new QWidget;
    auto* sceneLayout = new QVBoxLayout(sceneBox);
    sceneLayout->setContentsMargins(0, 0, 0, 0);
    replay_ = new ReplayController(this);
    animation_ = new AnimationExport(this);
    replayBar_ = new ReplayBar(replay_);
    replayBar_->hide(); // while a recording plays
    sceneLayout->addWidget(replayBar_);
    sceneLayout->addWidget(lessons_->banner());
    syncBadge_ = new QLabel;
    syncBadge_->setObjectName("sync-badge");
    syncBadge_->setAlignment(Qt::AlignCenter);
    syncBadge_->setToolTip(tr("S: sync on/off · M: next primitive · T: next transport · O: slow motion"));
    syncBadge_->hide(); // presenter mode only
    bigNumber_ = new QLabel;
    bigNumber_->setObjectName("big-number");
    bigNumber_->setTextFormat(Qt::RichText);
    bigNumber_->setToolTip(tr("The number this experiment is about, measured live"));
    auto* numbers = new QHBoxLayout;
    numbers->addStretch(1);
    numbers->addWidget(syncBadge_);
    numbers->addSpacing(24);
    numbers->addWidget(bigNumber_);
    numbers->addStretch(1);
    sceneLayout->addLayout(numbers);
    flow_ = new FlowView;
    flow_->setToolTip(tr("The textbook figure, live: processes in user space, the kernel below. Tokens follow the real "
                         "path of the data."));
    sceneLayout->addWidget(flow_, 1);
    charts_ = new ChartTabs;

    auto* right = new QSplitter(Qt::Vertical);
    right->setObjectName("scene-charts");
    right->addWidget(sceneBox);
    right->addWidget(charts_);
    // The scene first: it is what a class looks at; one chart needs less height than the figure.
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);
    right->setSizes({600, 400});
    // A lesson's card (predict, measure, conclude) takes the place of the scene and the charts
    // until the lesson is run live: the whole right side, so it reads from the back row.
    lessonCard_ = new LessonCard;
    lessonSession_ = new LessonSession(this);
    sceneStack_ = new QStackedWidget;
    sceneStack_->addWidget(right);
    sceneStack_->addWidget(lessonCard_);
    auto* central = new QSplitter(Qt::Horizontal);
    central->addWidget(left);
    central->addWidget(sceneStack_);
    central->setStretchFactor(1, 1);
    // The controls a fifth of the screen's width, within the column's 330-460 px: at 1920x1080
    // the process table then shows its Transport column whole; at 1280x720 the column keeps its
    // minimum and the scene all the rest.
    if (const QScreen* screen = QGuiApplication::primaryScreen()) {
        int w = screen->availableGeometry().width();
        central->setSizes({std::clamp(w / 5, left->minimumWidth(), left->maximumWidth()), w});
    }
    setCentralWidget(central);

    const QList<Exportable> items = exportables();
    for (int i = 0; i < items.size(); ++i) installChartMenu(items[i].view, i);

    statusRun_ = new QLabel;
    progress_ = new QProgressBar;
    progress_->setMaximumWidth(200);
    progress_->hide();
    statusBar()->addWidget(statusRun_, 1);
    statusBar()->addPermanentWidget(progress_);
    keysHint_ = new QLabel(tr("Space start/stop · S sync · M primitive · T transport · O slow motion · P pause · "
                              "PgDn/PgUp lesson · Alt+1-4, K charts · F11 leave"));
    keysHint_->hide(); // presenter mode only: the menus are out of reach there
    statusBar()->addPermanentWidget(keysHint_);
}

QList<Exportable> MainWindow::exportables() const {
    QList<Exportable> out;
    // Slides are exported in the lecture theme, whatever the window uses.
    auto lectureFor = [this](auto* view) {
        return [this, view](bool on) {
            ChartTheme t = theme_;
            t.lecture = on || theme_.lecture;
            view->setTheme(t);
        };
    };
    auto chart = [&](const char* name, TimeChart* c) {
        out.append({name, c->title(), c, {}, [c] { return c->csv(); }, [c] { return c->pointCount() > 0; }, lectureFor(c), {}});
    };
    chart("throughput", charts_->throughput());
    chart("contention", charts_->contention());
    chart("integrity", charts_->integrity());
    chart("latency", charts_->latency());
    chart("kernel", charts_->kernel());
    SweepChart* sweep = charts_->sweep();
    out.append({"sweep", sweep->title(), sweep, {}, [sweep] { return sweep->csv(); }, [sweep] { return sweep->pointCount() > 0; },
                lectureFor(sweep), {}});
    TimelineView* timeline = charts_->timeline();
    out.append({"timeline", tr("Timeline"), timeline, timeline->item()->boundingRect(), [timeline] { return timeline->csv(); },
                [timeline] { return timeline->hasData(); }, lectureFor(timeline), {}});
    out.append({"flow-scene", tr("IPC Lab flow scene"), flow_, flow_->figure()->boundingRect(), {},
                [this] { return !flow_->figure()->isEmpty(); },
                [this](bool on) {
                    // The scene keeps its own font sizes (it scales with its view); colours and lines follow.
                    ChartTheme t = theme_;
                    t.lecture = on || theme_.lecture;
                    t.fontScale = 1.0;
                    t.lectureFontFactor = 1.0;
                    flow_->setTheme(t);
                },
                [this](double aspect) { return flow_->shapeForSlide(aspect); }});
    return out;
}

void MainWindow::installChartMenu(QWidget* w, int index) {
    w->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(w, &QWidget::customContextMenuRequested, this, [this, w, index](const QPoint& pos) {
        Exportable e = exportables().at(index);
        QMenu menu;
        menu.addAction(tr("Copy image"), this, [e] { ChartExporter::copyToClipboard(e); });
        menu.addSeparator();
        auto save = [this, e](const QString& suffix, const QString& filter) {
            QString dir = QSettings().value("export/folder", ChartExporter::defaultFolder()).toString();
            QString path = QFileDialog::getSaveFileName(this, tr("Export %1").arg(e.title), dir + "/" + e.name + suffix, filter);
            if (path.isEmpty()) return;
            QString err;
            if (!ChartExporter::saveByName(e, path, &err)) onError(err);
            else statusBar()->showMessage(tr("Wrote %1").arg(path), 5000);
        };
        menu.addAction(tr("Save PNG (1×)…"), this, [save] { save(".png", "PNG (*.png)"); });
        menu.addAction(tr("Save PNG (2×)…"), this, [save] { save("@2x.png", "PNG (*.png)"); });
        menu.addAction(tr("Save PNG (3×)…"), this, [save] { save("@3x.png", "PNG (*.png)"); });
        menu.addAction(tr("Save SVG…"), this, [save] { save(".svg", "SVG (*.svg)"); });
        menu.addAction(tr("Save PDF…"), this, [save] { save(".pdf", "PDF (*.pdf)"); });
        for (const SlidePreset& preset : kSlidePresets) {
            QSize px = preset.pixels;
            menu.addAction(tr("Save slide %1×%2 (lecture theme)…").arg(px.width()).arg(px.height()), this, [this, e, px, preset] {
                QString dir = QSettings().value("export/folder", ChartExporter::defaultFolder()).toString();
                QString path = QFileDialog::getSaveFileName(this, tr("Export %1").arg(e.title),
                                                            dir + "/" + e.name + preset.suffix + ".png", "PNG (*.png)");
                if (path.isEmpty()) return;
                QString err;
                if (!ChartExporter::saveSlide(e, path, px, &err)) onError(err);
                else statusBar()->showMessage(tr("Wrote %1").arg(path), 5000);
            });
        }
        if (e.csv) menu.addAction(tr("Save data as CSV…"), this, [save] { save(".csv", "CSV (*.csv)"); });
        menu.exec(w->mapToGlobal(pos));
    });
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* exportAll = file->addAction(tr("&Export all charts…"), this, &MainWindow::exportAllDialog);
    exportAll->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportAll->setToolTip(tr("Every chart as PNG (2×, 3×), SVG, PDF and CSV, and the scene, into one folder"));
    QAction* open = file->addAction(tr("&Open lesson file…"), this, &MainWindow::openLessonDialog);
    open->setShortcut(QKeySequence::Open);
    open->setToolTip(tr("A lesson of your own: the same JSON as the built-in ones, saved as *.ipclab-lesson"));
    QAction* openRec = file->addAction(tr("Open &recording…"), this, &MainWindow::openRecordingDialog);
    openRec->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    openRec->setToolTip(tr("Replay a recorded run (*.ipclab): scene, charts, processes and events as they were"));
    QAction* anim = file->addAction(tr("Export &animation…"), this, &MainWindow::exportAnimationDialog);
    anim->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    anim->setToolTip(tr("The scene, a chart or the window as an animated GIF or a video (MP4, WebM), from the live run or a replay"));
    QAction* compareRec = file->addAction(tr("Compare &with recording…"), this, &MainWindow::compareRecordingDialog);
    compareRec->setToolTip(tr("While replaying: a second recording beside it (another machine, sync on vs off), charts overlaid"));
    QMenu* copy = file->addMenu(tr("&Copy image"));
    const QList<Exportable> items = exportables();
    for (int i = 0; i < items.size(); ++i) {
        copy->addAction(items[i].title, this, [this, i] {
            ChartExporter::copyToClipboard(exportables().at(i));
            statusBar()->showMessage(tr("Copied to the clipboard"), 3000);
        });
    }
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    startAction_ = run->addAction(tr("&Start / Stop"), this, &MainWindow::startOrStop);
    startAction_->setShortcut(Qt::Key_Space);
    pauseAction_ = run->addAction(tr("&Pause / Resume"), this, &MainWindow::togglePause);
    pauseAction_->setShortcut(Qt::Key_P);
    recordAction_ = run->addAction(tr("&Record runs"), this, &MainWindow::setRecording);
    recordAction_->setCheckable(true);
    recordAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    recordAction_->setToolTip(tr("Keep every live run in its own recording file (an SQLite file) for replay"));
    QAction* back = run->addAction(tr("Replay: one sample back"), replay_, &ReplayController::stepBack);
    back->setShortcut(Qt::Key_Left);
    QAction* forward = run->addAction(tr("Replay: one sample forward"), replay_, &ReplayController::stepForward);
    forward->setShortcut(Qt::Key_Right);
    syncAction_ = run->addAction(tr("Toggle &sync"), this, &MainWindow::toggleSync);
    syncAction_->setShortcut(Qt::Key_S);
    QAction* primitive = run->addAction(tr("Next sync pri&mitive"), this, &MainWindow::cyclePrimitive);
    primitive->setShortcut(Qt::Key_M);
    primitive->setToolTip(tr("mutex → spin lock → semaphore → atomic, while the workers run"));
    QAction* waiting = run->addAction(tr("Next &waiting policy"), this, [this] {
        if (!controls_->cycleWaitPolicy()) statusBar()->showMessage(tr("The waiting policy applies to shared-memory streams and ping-pong"), 4000);
    });
    waiting->setShortcut(Qt::Key_W);
    waiting->setToolTip(tr("spin → spin, then sleep → sleep: how shared-memory workers wait on a full or empty ring, live"));
    QAction* transport = run->addAction(tr("Next &transport"), this, &MainWindow::cycleTransport);
    transport->setShortcut(Qt::Key_T);
    transport->setToolTip(tr("The next transport; a running stream restarts on it"));
    QAction* slow = run->addAction(tr("Sl&ow motion on/off"), this, &MainWindow::toggleSlowMotion);
    slow->setShortcut(Qt::Key_O);
    slow->setToolTip(tr("2 messages per second per producer, every token a real message; again: full speed"));
    QAction* kill = run->addAction(tr("&Kill selected worker"), this, &MainWindow::killSelectedWorker);
    kill->setShortcut(QKeySequence::Delete);
    for (QAction* a : {startAction_, pauseAction_, syncAction_, primitive, transport, slow, kill})
        a->setShortcutContext(Qt::ApplicationShortcut);

    QMenu* lessons = menuBar()->addMenu(tr("&Lessons"));
    lessons_->populate(lessons);
    lessons->addSeparator();
    QAction* card = lessons->addAction(tr("Lesson &card / live scene"), this, [this] { showLessonCard(!lessonCardShown()); });
    card->setShortcut(Qt::Key_Q);
    card->setShortcutContext(Qt::ApplicationShortcut);
    card->setToolTip(tr("Switch between the lesson's question or verdict and the live scene"));
    QAction* report = lessons->addAction(tr("Export lesson &report…"), this, &MainWindow::exportLessonReportDialog);
    report->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_R);
    report->setToolTip(tr("The verdict on one page (PDF or PNG): claim, prediction, verdict, numbers and chart"));
    lessons->addAction(tr("Export &predictions (CSV)…"), this, &MainWindow::exportPredictionsDialog)
        ->setToolTip(tr("Every prediction and measured verdict so far, one row per lesson done"));

    QMenu* view = menuBar()->addMenu(tr("&View"));
    lectureAction_ = view->addAction(tr("&Lecture theme"), this, &MainWindow::setLectureTheme);
    lectureAction_->setCheckable(true);
    lectureAction_->setShortcut(Qt::CTRL | Qt::Key_L);
    lectureAction_->setToolTip(tr("White background, large fonts, thick lines: for projectors and slides"));
    presenterAction_ = view->addAction(tr("&Presenter mode"), this, &MainWindow::setPresenterMode);
    presenterAction_->setCheckable(true);
    presenterAction_->setShortcut(Qt::Key_F11);
    QMenu* charts = view->addMenu(tr("&Charts"));
    charts->setToolTip(tr("Which live charts to show: all four need a large window; one chart fills the page"));
    auto* chartGroup = new QActionGroup(charts);
    const QStringList chartNames = {tr("All four (when they fit)"), tr("Throughput"), tr("Lock contention"), tr("Integrity"),
                                    tr("Latency")};
    for (int i = 0; i < chartNames.size(); ++i) {
        QAction* a = charts->addAction(chartNames[i], this, [this, i] { setFocusChart(i - 1); });
        a->setCheckable(true);
        a->setShortcut(QKeySequence(Qt::ALT | static_cast<Qt::Key>(Qt::Key_0 + i)));
        a->setShortcutContext(Qt::ApplicationShortcut);
        chartGroup->addAction(a);
        chartActions_ << a;
    }
    chartActions_.front()->setChecked(true);
    // The timeline and the kernel's accounting, each on its own tab (L, K: the presenter reaches
    // them without menus).
    QAction* timelineView = view->addAction(tr("&Timeline (who does what, when)"), this, [this] { charts_->showTimeline(); });
    timelineView->setShortcut(Qt::Key_L);
    QAction* kernelView = view->addAction(tr("&Kernel's view (CPU, context switches)"), this, [this] { charts_->showKernel(); });
    kernelView->setShortcut(Qt::Key_K);
    kernelView->setToolTip(tr("What the kernel counted for every worker: CPU in user mode and in the kernel, context switches"));
    QAction* breakdownView = view->addAction(tr("Time &per message (user, kernel, off CPU)"), this, [this] { charts_->showBreakdown(); });
    breakdownView->setShortcut(Qt::Key_B);
    breakdownView->setToolTip(tr("Where one message's time goes on each side of a stream, from the kernel's accounting and clocked calls"));
    view->addSeparator();
    QMenu* language = view->addMenu(tr("Lan&guage"));
    auto* languages = new QActionGroup(language);
    const QString chosen = Translations::saved();
    for (auto [code, label] : {std::pair{QString(), tr("System default")}, std::pair{QString("en"), QString("English")},
                               std::pair{QString("ko"), QString::fromUtf8("한국어 (Korean)")}}) {
        QAction* a = language->addAction(label, this, [this, code] {
            Translations::save(code);
            log(tr("Language set; it changes the next time IPC Lab starts."));
            // Non-blocking, like every dialog here: a running class is never held up by it.
            auto* box = new QMessageBox(QMessageBox::Question, tr("IPC Lab"),
                                        tr("The language changes when IPC Lab starts again. Restart now? A running "
                                           "experiment stops; the charts of this run are not kept."),
                                        QMessageBox::NoButton, this);
            QPushButton* restart = box->addButton(tr("Restart now"), QMessageBox::AcceptRole);
            box->addButton(tr("Later"), QMessageBox::RejectRole);
            box->setAttribute(Qt::WA_DeleteOnClose);
            connect(restart, &QPushButton::clicked, this, &MainWindow::restart);
            box->open();
        });
        a->setCheckable(true);
        a->setChecked(code == chosen);
        languages->addAction(a);
    }

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&What am I looking at?"), this, &MainWindow::showLesson)->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&About IPC Lab"), this, &MainWindow::showAbout);
    for (QMenu* m : {file, run, lessons, view, help}) m->setToolTipsVisible(true);
}

ExperimentConfig MainWindow::config() const { return controls_->config(); }
void MainWindow::setConfig(const ExperimentConfig& c) { controls_->setConfig(c); }
void MainWindow::setCompare(bool on, TransportKind other) { controls_->setCompare(on, other); }

void MainWindow::updateEnabled() { controls_->setRunState(controller_->running(), controller_->live(), controller_->paused()); }

void MainWindow::clearResults() {
    if (controller_->running()) return;
    charts_->reset();
    flow_->clear();
    bigNumber_->clear();
    controls_->showAck({});
}

bool MainWindow::start() {
    if (replay_->active()) closeReplay(); // back to live runs
    ExperimentConfig c = config();
    if (lessonSession_->running()) { // two runs at once would measure each other, not the mechanism
        lessonSession_->cancel();
        log(tr("Lesson measurement cancelled: a live run was started"));
    }
    showLessonCard(false);
    if (!chartsHiddenFor_.isEmpty()) {
        if (auto* right = findChild<QSplitter*>("scene-charts")) right->restoreState(chartsHiddenFor_);
        chartsHiddenFor_.clear();
    }
    lastError_.clear();
    charts_->clearData();
    flow_->clear();
    bigNumber_->clear();
    controls_->showAck({});
    std::optional<TransportKind> other = controls_->compareWith();
    // A lesson's banner says what to watch in its experiment: over another one it would not be true.
    if (lessons_->bannerShown() && !lessons_->isAbout(c, other)) {
        lessons_->hideBanner();
        log(tr("Lesson text hidden: this run is not the lesson's experiment (Lessons menu: the lesson again)"));
    }
    if (c.experiment == ExperimentKind::Sweep) {
        charts_->showSweep();
        charts_->sweep()->setPoints({});
        progress_->setValue(0);
        progress_->show();
    } else if (c.experiment != ExperimentKind::Isolation) {
        charts_->showLive();
    }
    startRecordingFor(c, other); // before the start: its first sample goes out at once
    if (!controller_->start(c, other)) {
        if (recorder_) { // nothing was run: no recording of it
            recorder_.reset();
            QFile::remove(lastRecording_);
            lastRecording_.clear();
        }
        updateEnabled();
        return false;
    }
    QStringList pids;
    for (const auto& l : controller_->sample().lanes)
        for (const auto& w : l.workers) pids << QString::number(w.pid);
    QString what = tr("%1 over %2").arg(controls_->experimentText(), controls_->transportText());
    if (c.experiment == ExperimentKind::Race) what = tr("Race with %1 workers").arg(c.workers);
    if (other) what += tr(" vs %1").arg(nameOf(*other));
    statusRun_->setText(pids.isEmpty() ? tr("Running %1…").arg(what) : tr("Running %1: worker PIDs %2").arg(what, pids.join(", ")));
    log(tr("Started %1").arg(what));
    saveSettings();
    updateEnabled();
    return true;
}

void MainWindow::stop() {
    controller_->stop();
    updateEnabled();
}

void MainWindow::startOrStop() {
    if (replay_->active()) return replay_->togglePlay(); // Space plays and pauses a replay
    controller_->running() ? stop() : (void)start();
}

void MainWindow::togglePause() {
    if (!controller_->live()) return;
    controller_->setPaused(!controller_->paused());
    log(controller_->paused() ? tr("Paused") : tr("Resumed"));
    updateEnabled();
}

void MainWindow::toggleSync() {
    controls_->toggleSync(); // emits syncChanged → onSyncSwitched
}

void MainWindow::cyclePrimitive() {
    if (!controls_->cyclePrimitive()) statusBar()->showMessage(tr("The sync primitive matters only for shared memory and races"), 4000);
}

void MainWindow::cycleTransport() {
    bool wasRunning = controller_->live();
    if (wasRunning) stop(); // the transport is fixed while workers run: restart on the next one
    if (!controls_->cycleTransport()) {
        statusBar()->showMessage(tr("This experiment has no transport to choose"), 4000);
        return;
    }
    log(tr("Transport: %1").arg(controls_->transportText()));
    if (wasRunning) start();
}

void MainWindow::toggleSlowMotion() {
    if (!controls_->toggleSlowMotion()) statusBar()->showMessage(tr("Slow motion applies to streams"), 4000);
}

// Presenter mode hides the controls: the sync state the lesson is about stays in view, large.
void MainWindow::updateSyncBadge() {
    ExperimentConfig c = config();
    bool userSync = c.experiment == ExperimentKind::Race ||
                    ((c.experiment == ExperimentKind::Stream || c.experiment == ExperimentKind::PingPong) &&
                     c.transport == TransportKind::SharedMemory);
    QString text, colour;
    if (!userSync) {
        text = tr("no lock: the kernel synchronizes");
        colour = "#555555";
    } else if (c.syncEnabled) {
        text = tr("SYNC ON · %1").arg(toQString(toString(c.sync)));
        colour = "#1e8c3a";
    } else {
        text = tr("SYNC OFF");
        colour = "#c62828";
    }
    // The isolation experiment shares nothing while it measures: no lock, no kernel channel.
    syncBadge_->setVisible(presenter_ && c.experiment != ExperimentKind::Isolation);
    syncBadge_->setText(text);
    syncBadge_->setStyleSheet(QStringLiteral("QLabel { color: white; background: %1; border-radius: 6px; padding: 4px 14px; "
                                             "font-weight: bold; font-size: %2pt; }")
                                  .arg(colour)
                                  .arg(static_cast<int>(normalFont_.pointSizeF() * 1.8 * screenFactor())));
}

void MainWindow::onSyncSwitched() {
    updateSyncBadge();
    bool on = controls_->syncOn();
    SyncMode prim = controls_->primitive();
    if (!controller_->live()) return;
    controller_->setSync(on, prim);
    log(on ? tr("Sync ON (%1)").arg(toQString(toString(prim))) : tr("Sync OFF"));
    statusBar()->showMessage(on ? tr("Synchronization on: %1").arg(toQString(toString(prim))) : tr("Synchronization off: watch the collisions"), 4000);
}

void MainWindow::killSelectedWorker() {
    auto w = processes_->selectedWorker();
    if (!w) {
        statusBar()->showMessage(tr("Select a worker in the process table first"), 4000);
        return;
    }
    if (controller_->killWorker(w->lane, w->slot)) log(tr("Sent SIGKILL to worker %1").arg(w->pid));
}

void MainWindow::onSampled(const RunSample& sample) {
    // The numbers a viewer reads (the big number, the scene's, the process table's rates) change
    // FlowFigure::kRenderHz times a second, all from the same sample: a number that changes 30
    // times a second cannot be read, and two that come from different moments disagree.
    const bool numbersDue = !numbersClock_.isValid() || numbersClock_.elapsed() >= 1000 / FlowFigure::kRenderHz ||
                            sample.index == 0;
    if (numbersDue) {
        numbersClock_.start();
        auto big = bigNumberFor(sample);
        if (big) {
            int pt = static_cast<int>(normalFont_.pointSizeF() * (presenter_ ? 2.6 * screenFactor() : 1.8));
            bigNumber_->setText(QStringLiteral("<span style='font-size:%1pt; font-weight:bold'>%2</span>&nbsp;&nbsp;%3")
                                    .arg(pt)
                                    .arg(big->value.toHtmlEscaped(), big->caption.toHtmlEscaped()));
        } else if (!sample.lanes.empty()) {
            bigNumber_->clear();
        }
    }
    processes_->update(sample, numbersDue);
    flow_->update(sample, numbersDue);
    charts_->add(sample);
    chartDue_ = true; // drawn at the next animation frame (refreshChart)
}

// One chart per sample, in turn: each redraws at 7.5 Hz (smooth enough). Done right after an
// animation tick, and never all four at once, so no repaint is long enough to make a frame late.
void MainWindow::refreshChart() {
    if (!chartDue_) return;
    chartDue_ = false;
    charts_->refreshNext();
}

void MainWindow::showIsolationResult() {
    const Table& t = controller_->sample().isolation;
    QStringList lines;
    lines << tr("Each process has its own address space: the same virtual address, two different memories.") << QString();
    if (t.rows.size() == 2) {
        for (std::size_t r = 0; r < 2; ++r)
            lines << tr("Process PID %1 wrote %2 to its private variable at %3 and reads back %4 (physical frame %5)")
                         .arg(QString::fromStdString(t.at(r, "pid")), QString::fromStdString(t.at(r, "private_written")),
                              QString::fromStdString(t.at(r, "private_address")), QString::fromStdString(t.at(r, "private_seen")),
                              QString::fromStdString(t.at(r, "private_frame")));
        lines << QString() << tr("Shared memory: one region the kernel mapped into both address spaces.");
        for (std::size_t r = 0; r < 2; ++r)
            lines << tr("Process PID %1 wrote %2 into the shared segment at %3; it reads %4, written by the other process")
                         .arg(QString::fromStdString(t.at(r, "pid")), QString::fromStdString(t.at(r, "shared_written")),
                              QString::fromStdString(t.at(r, "shared_address")), QString::fromStdString(t.at(r, "shared_seen_from_other")));
        lines << QString() << tr("Same address, private values kept apart; shared values cross. Measured, not simulated.");
    }
    flow_->showIsolation(lines);
    // Nothing is charted in this lesson: the result gets the whole column instead of sitting
    // above empty charts (the next Start gives the charts their place back).
    charts_->reset();
    if (auto* right = findChild<QSplitter*>("scene-charts"); right && chartsHiddenFor_.isEmpty()) {
        chartsHiddenFor_ = right->saveState();
        right->setSizes({1, 0});
    }
    log(tr("Isolation finished: %1 processes reported").arg(t.rows.size()));
}

void MainWindow::onError(const QString& message) {
    lastError_ = message;
    log(tr("Error: %1").arg(message));
    statusBar()->showMessage(message, 10000);
    // Non-blocking: the sampler keeps running and tests/automation never hang on a dialog.
    auto* box = new QMessageBox(QMessageBox::Warning, tr("IPC Lab"), message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    updateEnabled();
}

void MainWindow::log(const QString& line) { processes_->log(line); }

void MainWindow::applyTheme() {
    theme_.fontScale = presenter_ ? 1.1 * screenFactor() : 1.0;
    charts_->setTheme(theme_);
    // The scene is drawn in its own coordinates and scaled to fit its view: larger fonts there
    // would only overflow the boxes, so it takes the colours and line widths but not the sizes.
    ChartTheme scene = theme_;
    scene.fontScale = 1.0;
    scene.lectureFontFactor = 1.0;
    flow_->setTheme(scene);
    flow_->setPresenter(presenter_);
}

void MainWindow::setFocusChart(int which) {
    charts_->setFocusChart(which);
    chartActions_.at(std::clamp(which, -1, 3) + 1)->setChecked(true);
    charts_->showLive();
}

void MainWindow::setLectureTheme(bool on) {
    theme_.lecture = on;
    lectureAction_->setChecked(on);
    applyTheme();
}

// A projector with 1080 lines shows the same picture as one with 720, each line smaller: the
// back row reads presenter mode's text when it grows with the lines (the scene already scales
// with its view). 1 up to 720 lines.
double MainWindow::screenFactor() const {
    if (!presenter_) return 1.0;
    const QScreen* sc = screen();
    return sc ? std::clamp(sc->geometry().height() / 720.0, 1.0, 2.0) : 1.0;
}

void MainWindow::applyPresenterFonts() {
    QFont f = normalFont_;
    if (presenter_) f.setPointSizeF(normalFont_.pointSizeF() * 1.3 * screenFactor());
    QApplication::setFont(f);
    // A label with a style sheet keeps the font it was polished with: the banner is told.
    lessons_->banner()->setFont(f);
}

void MainWindow::onScreenChanged() {
    if (!presenter_) return;
    if (QScreen* sc = screen(); sc && isFullScreen()) setGeometry(sc->geometry());
    applyPresenterFonts();
    updateSyncBadge();
    applyTheme();
}

void MainWindow::setPresenterMode(bool on) {
    if (on == presenter_) return;
    auto* right = findChild<QSplitter*>("scene-charts");
    if (on) {
        // Kept to put the window back exactly as it was (size, position, splitter, charts).
        beforePresenter_ = {saveGeometry(), right->saveState(), charts_->focusChart(), isMaximized()};
    }
    presenter_ = on;
    presenterAction_->setChecked(on);
    applyPresenterFonts();
    // The class needs the scene and one chart; the controls stay reachable by keyboard and the
    // sync state is shown large above the scene.
    if (QWidget* controls = findChild<QWidget*>("controls")) controls->setVisible(!on);
    syncBadge_->setVisible(on);
    updateSyncBadge();
    if (on) {
        right->setOrientation(Qt::Horizontal); // the scene and one chart side by side on a 16:9 screen
        right->setSizes({660, 340});
        setFocusChart(beforePresenter_.chart < 0 ? 0 : beforePresenter_.chart);
        showFullScreen();
        // Without a window manager (a bare X server driving a projector) nobody honours the
        // full-screen request: take the whole screen ourselves.
        if (QScreen* sc = screen()) setGeometry(sc->geometry());
        // Moved to a projector of other lines (or started on the laptop's screen and dragged):
        // the text grows or shrinks with the new screen, as if presenter mode began there.
        if (QWindow* win = windowHandle())
            connect(win, &QWindow::screenChanged, this, &MainWindow::onScreenChanged, Qt::UniqueConnection);
        keysHint_->show();
        statusRun_->hide(); // the scene and the banner say what runs; the keys need the room
    } else {
        right->setOrientation(Qt::Vertical);
        beforePresenter_.maximized ? showMaximized() : showNormal();
        restoreGeometry(beforePresenter_.geometry);
        right->restoreState(beforePresenter_.splitter);
        setFocusChart(beforePresenter_.chart);
        keysHint_->hide();
        statusRun_->show();
    }
    applyTheme();
}

void MainWindow::exportAllTo(const QString& folder) {
    if (exporting_) {
        statusBar()->showMessage(tr("An export is still running"), 4000);
        return;
    }
    if (!QDir(folder).exists() && !QDir().mkpath(folder)) {
        onError(tr("Could not create %1").arg(folder));
        emit exportFinished(false);
        return;
    }
    // Every chart draws what it keeps before it is exported (hidden ones included).
    for (TimeChart* c : charts_->allTimeCharts()) c->refresh();
    QStringList skipped;
    auto steps = std::make_shared<QList<ExportStep>>(ChartExporter::exportSteps(exportables(), folder, &skipped));
    for (const QString& s : skipped) log(tr("Not exported: %1 has no data").arg(s));
    exporting_ = true;
    progress_->setMaximum(static_cast<int>(steps->size()));
    progress_->setValue(0);
    progress_->show();
    // One file per turn of the event loop: the live charts keep drawing while the export runs.
    auto next = std::make_shared<std::function<void(int)>>();
    *next = [this, steps, next, folder](int i) {
        if (i == steps->size()) {
            exporting_ = false;
            progress_->hide();
            QSettings().setValue("export/folder", folder);
            log(tr("Exported %1 files to %2").arg(steps->size()).arg(folder));
            statusBar()->showMessage(tr("Exported %1 files to %2").arg(steps->size()).arg(folder), 6000);
            emit exportFinished(true);
            *next = nullptr; // breaks the cycle: the lambda owned itself
            return;
        }
        QString err;
        if (!(*steps)[i].run(&err)) {
            exporting_ = false;
            progress_->hide();
            onError(err);
            emit exportFinished(false);
            *next = nullptr;
            return;
        }
        progress_->setValue(i + 1);
        QTimer::singleShot(0, this, [next, i] { if (*next) (*next)(i + 1); });
    };
    QTimer::singleShot(0, this, [next] { (*next)(0); });
}

void MainWindow::exportAllDialog() {
    QString start = QSettings().value("export/folder", ChartExporter::defaultFolder()).toString();
    if (!QDir(start).exists()) start = ChartExporter::defaultFolder();
    QString folder = QFileDialog::getExistingDirectory(this, tr("Export all charts into"), start);
    if (!folder.isEmpty()) exportAllTo(folder);
}

void MainWindow::showAbout() {
    QMessageBox::about(this, tr("About IPC Lab"),
                       tr("<h3>IPC Lab %1</h3><p>Inter-process communication, run for real: worker processes exchange data "
                          "through shared memory, pipes, FIFOs, sockets, message queues and files, and every number shown "
                          "is measured on this machine.</p><p>Qt %2 · C++20</p>")
                           .arg(QApplication::applicationVersion(), qVersion()));
}

void MainWindow::showLesson() {
    QMessageBox::information(
        this, tr("What am I looking at?"),
        tr("<p><b>Each process has its own address space</b>: one cannot read another's memory, so the operating system "
           "offers IPC.</p><p><b>Shared memory</b>: the processes ask the kernel once for a shared region and then read and "
           "write it as plain memory. Fast, no system call per message (watch the counter), but concurrent writes "
           "collide unless the processes synchronize: flip the sync switch off (S) and watch the integrity chart.</p>"
           "<p><b>Message passing</b> (pipe, FIFO, socket, message queue, file): every message goes down into the kernel "
           "by a system call and back up by another; the kernel copies and synchronizes, so nothing collides. Simpler, "
           "slower, good for small data. The sweep shows where shared memory stops winning by much.</p>"));
}

void MainWindow::restart() {
    close(); // saves the settings, stops and reaps every worker, removes every kernel object
    QProcess::startDetached(QCoreApplication::applicationFilePath(), Translations::withoutLanguage(QCoreApplication::arguments().mid(1)));
    QCoreApplication::quit();
}

void MainWindow::applyLesson(int index) {
    if (index < 0 || index >= lessons_->lessons().size()) return;
    const Lesson& l = lessons_->lessons()[index];
    if (controller_->running()) stop();
    setConfig(l.config);
    setCompare(l.compare.has_value(), l.compare.value_or(TransportKind::Pipe));
    clearResults(); // the last lesson's charts and scene do not describe this one
    lessons_->show(index);
    lessonSession_->cancel(); // a measurement of the last lesson is no verdict for this one
    lessonCard_->ask(l, index + 1);
    showLessonCard(true);
    log(tr("Lesson %1: %2").arg(index + 1).arg(l.title));
    statusRun_->setText(tr("Lesson %1: predict, then it is measured. Space skips to the live run.").arg(index + 1));
}

void MainWindow::askCurrentLesson() {
    if (int i = lessons_->current(); i >= 0) lessonCard_->ask(lessons_->lessons()[i], i + 1);
}

bool MainWindow::lessonCardShown() const { return sceneStack_->currentWidget() == lessonCard_; }

void MainWindow::showLessonCard(bool on) { sceneStack_->setCurrentIndex(on ? 1 : 0); }

void MainWindow::measureLesson(std::optional<double> prediction, const QString& predictionText) {
    int index = lessons_->current();
    if (index < 0 || lessonSession_->running()) return;
    if (controller_->running()) stop(); // the lesson's experiments get the CPUs to themselves
    const Lesson& l = lessons_->lessons()[index];
    lessonSession_->start(l, index + 1, prediction, lessons_->language(), lessonStepSeconds_);
    lessonCard_->measuring(lessonSession_, prediction, predictionText);
    showLessonCard(true); // the card shows the steps and their progress
    log(prediction ? tr("Lesson %1: predicted %2; measuring").arg(index + 1).arg(predictionText)
                   : tr("Lesson %1: question skipped; measuring").arg(index + 1));
    statusRun_->setText(tr("Lesson %1: measuring %n experiment(s) on this machine…", "", l.steps.size()).arg(index + 1));
}

bool MainWindow::exportLessonReportTo(const QString& path) {
    const auto& r = lessonCard_->result();
    if (!r) {
        onError(tr("No verdict to export yet: answer the lesson's question (or skip it) and let it measure."));
        return false;
    }
    QString err;
    if (!exportLessonReport(*r, path, QSize(1920, 1080), &err)) {
        onError(err);
        return false;
    }
    log(tr("Exported the lesson report to %1").arg(path));
    statusBar()->showMessage(tr("Saved %1").arg(path), 6000);
    return true;
}

void MainWindow::exportLessonReportDialog() {
    const auto& r = lessonCard_->result();
    if (!r) {
        exportLessonReportTo({}); // says why
        return;
    }
    QString folder = QSettings().value("export/folder", ChartExporter::defaultFolder()).toString();
    QString name = QDir(folder).filePath(QStringLiteral("ipclab-lesson-%1.pdf").arg(r->lessonId));
    QString path = QFileDialog::getSaveFileName(this, tr("Export lesson report"), name, tr("PDF (*.pdf);;PNG image, 1920x1080 (*.png)"));
    if (!path.isEmpty()) exportLessonReportTo(path);
}

void MainWindow::exportPredictionsDialog() {
    QString folder = QSettings().value("export/folder", ChartExporter::defaultFolder()).toString();
    QString path = QFileDialog::getSaveFileName(this, tr("Export predictions and results"), QDir(folder).filePath("ipclab-predictions.csv"),
                                                tr("CSV (*.csv)"));
    if (path.isEmpty()) return;
    QString err;
    if (!exportPredictions(path, &err)) onError(err);
    else statusBar()->showMessage(tr("Saved %1").arg(path), 6000);
}

bool MainWindow::openLessonFile(const QString& path) {
    QString err;
    int index = lessons_->addFromFile(path, &err);
    if (index < 0) {
        onError(err);
        return false;
    }
    applyLesson(index);
    return true;
}

void MainWindow::openLessonDialog() {
    QString path = QFileDialog::getOpenFileName(this, tr("Open lesson file"), QDir::homePath(),
                                                tr("IPC Lab lessons (*.%1 *.json)").arg(LessonController::kFileSuffix));
    if (!path.isEmpty()) openLessonFile(path);
}

void MainWindow::loadSettings() {
    QSettings s;
    // The saved size may come from another screen (a laptop, then a 1280x720 projector): the
    // window always fits the screen it opens on, and starts at most 92 % of it the first time.
    bool restored = restoreGeometry(s.value("window/geometry").toByteArray());
    if (QScreen* screen = QGuiApplication::primaryScreen()) {
        QRect avail = screen->availableGeometry();
        QSize fit = restored ? size().boundedTo(avail.size()) : (avail.size() * 0.92).boundedTo(QSize(1600, 1000));
        fit = fit.expandedTo(minimumSizeHint());
        if (fit != size() || !restored) {
            resize(fit);
            move(avail.center() - QPoint(fit.width() / 2, fit.height() / 2));
        }
    }
    // The last configuration, as the same argument list the CLI takes; anything that does not
    // parse or validate falls back to the defaults instead of reaching the core.
    ExperimentConfig c;
    QStringList args = s.value("config/args").toStringList();
    if (!args.isEmpty()) {
        try {
            std::vector<std::string> v;
            for (const auto& a : args) v.push_back(a.toStdString());
            c = ExperimentConfig::fromArgs(v);
            c.validate();
        } catch (const std::exception& e) {
            c = ExperimentConfig();
            log(tr("Ignored saved settings: %1").arg(QString::fromUtf8(e.what())));
        }
    }
    setConfig(c);
    setCompare(s.value("config/compare", false).toBool(),
               static_cast<TransportKind>(std::clamp(s.value("config/compareTransport", 1).toInt(), 1, 6)));
    setLectureTheme(s.value("view/lecture", false).toBool());
    setFocusChart(std::clamp(s.value("view/chart", -1).toInt(), -1, 3));
    recordAction_->setChecked(s.value("run/record", false).toBool());
}

void MainWindow::saveSettings() const {
    QSettings s;
    s.setValue("window/geometry", saveGeometry());
    QStringList args;
    for (const auto& a : config().toArgs()) args << QString::fromStdString(a);
    s.setValue("config/args", args);
    s.setValue("config/compare", controls_->compareChecked());
    s.setValue("config/compareTransport", static_cast<int>(controls_->compareTransport()));
    s.setValue("view/lecture", theme_.lecture);
    s.setValue("view/chart", charts_->focusChart());
    s.setValue("run/record", recordingOn());
}

void MainWindow::closeEvent(QCloseEvent* e) {
    saveSettings();
    controller_->stop(); // stops and reaps every worker, removes every kernel object
    finishRecording();
    e->accept();
}

} // namespace ipclab::ui

namespace ipclab::ui {

QStringList MainWindow::animationSources() const {
    return {tr("The scene"), tr("Throughput chart"), tr("Timeline"), tr("The whole window")};
}

QWidget* MainWindow::animationSource(int index) {
    switch (index) {
    case 0: return flow_;
    case 1: charts_->showLive(); return charts_->throughput();
    case 2: charts_->showTimeline(); return charts_->timeline();
    case 3: return this;
    default: return nullptr;
    }
}

bool MainWindow::exportAnimation(int source, const QString& path, QSize size, int fps, double seconds) {
    QWidget* w = animationSource(source);
    if (replay_->active() && !replay_->playing()) replay_->play(); // a paused replay would be a still picture
    if (!animation_->start(w, {path, size, fps, seconds})) {
        onError(animation_->error());
        return false;
    }
    log(tr("Exporting %1 s of %2 to %3").arg(seconds).arg(animationSources().value(source), path));
    return true;
}

void MainWindow::exportAnimationDialog() {
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Export animation"));
    auto* form = new QFormLayout(&dialog);
    auto* source = new QComboBox;
    source->addItems(animationSources());
    auto* size = new QComboBox;
    for (QSize s : {QSize(1280, 720), QSize(1920, 1080), QSize(854, 480)})
        size->addItem(tr("%1 × %2").arg(s.width()).arg(s.height()), s);
    auto* fps = new QComboBox;
    for (int f : {10, 15, 24, 30}) fps->addItem(tr("%1 frames/s").arg(f), f);
    fps->setCurrentIndex(1);
    auto* seconds = new QDoubleSpinBox;
    seconds->setRange(1, 120);
    seconds->setValue(10);
    seconds->setSuffix(tr(" s"));
    form->addRow(tr("&What"), source);
    form->addRow(tr("&Size"), size);
    form->addRow(tr("&Frame rate"), fps);
    form->addRow(tr("&Length"), seconds);
    auto* note = new QLabel(tr("Recorded as it plays now: start the run or the replay first. Encoding takes CPU: on a "
                               "small machine a live run slows while it records; a replay keeps its recorded numbers."));
    note->setWordWrap(true);
    form->addRow(note);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted) return;
    QString path = QFileDialog::getSaveFileName(this, tr("Export animation"), QDir::home().filePath("ipclab.gif"),
                                                tr("Animated GIF (*.gif);;MP4 video (*.mp4);;WebM video (*.webm)"));
    if (path.isEmpty()) return;
    if (!exportAnimation(source->currentIndex(), path, size->currentData().toSize(), fps->currentData().toInt(), seconds->value())) return;
    auto* progress = new QProgressDialog(tr("Recording the animation…"), tr("Cancel"), 0, animation_->totalFrames(), this);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    progress->setWindowModality(Qt::NonModal); // the class keeps watching the run meanwhile
    progress->setMinimumDuration(0);
    connect(progress, &QProgressDialog::canceled, animation_, &AnimationExport::cancel);
    connect(animation_, &AnimationExport::progress, progress, &QProgressDialog::setValue);
    connect(animation_, &AnimationExport::finished, progress, &QProgressDialog::close);
}

QString MainWindow::recordingsFolder() {
    QString env = qEnvironmentVariable("IPCLAB_RECORDINGS_DIR");
    if (!env.isEmpty()) return env;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).filePath(tr("IPC Lab recordings"));
}

bool MainWindow::recordingOn() const { return recordAction_ && recordAction_->isChecked(); }

void MainWindow::setRecording(bool on) {
    if (recordAction_->isChecked() != on) recordAction_->setChecked(on);
    statusBar()->showMessage(on ? tr("Recording: the next live run is kept in %1").arg(recordingsFolder())
                                : tr("Recording off"),
                             5000);
    saveSettings();
}

void MainWindow::startRecordingFor(const ExperimentConfig& c, std::optional<TransportKind> other) {
    finishRecording();
    if (!recordingOn() || c.experiment == ExperimentKind::Sweep || c.experiment == ExperimentKind::Isolation) return;
    QDir dir(recordingsFolder());
    if (!dir.mkpath(".")) {
        onError(tr("Cannot record: the folder %1 cannot be made").arg(dir.path()));
        return;
    }
    QString base = QStringLiteral("ipclab-%1-%2").arg(QDateTime::currentDateTime().toString("yyyyMMdd-HHmmss"),
                                                      QString::fromStdString(std::string(toString(c.experiment))));
    QString path = dir.filePath(base + kRecordingSuffix);
    for (int n = 2; QFileInfo::exists(path); ++n) path = dir.filePath(QStringLiteral("%1-%2%3").arg(base).arg(n).arg(kRecordingSuffix));
    RecordingInfo info = RecordingInfo::ofThisMachine(QApplication::applicationVersion().toStdString());
    info.experiment = c.experiment;
    info.config = argLine(c);
    if (other) {
        ExperimentConfig o = c;
        o.transport = *other;
        info.compareConfig = argLine(o);
    }
    if (int i = lessons_->current(); i >= 0) {
        info.lessonId = lessons_->lessons()[i].id.toStdString();
        info.lessonQuestion = lessons_->lessons()[i].question.toStdString();
        if (verdictLesson_ == lessons_->lessons()[i].id) { // its verdict was measured just before this run
            info.prediction = verdictPrediction_.toStdString();
            info.verdict = verdictText_.toStdString();
        }
    }
    try {
        recorder_ = std::make_unique<RecordingWriter>(path.toStdString(), info);
        lastRecording_ = path;
        statusBar()->showMessage(tr("● Recording to %1").arg(path), 5000);
    } catch (const std::exception& e) {
        onError(tr("Cannot record: %1").arg(QString::fromUtf8(e.what())));
    }
}

void MainWindow::finishRecording() {
    if (!recorder_) return;
    uint64_t n = recorder_->samplesWritten();
    recorder_.reset(); // commits
    log(tr("Recorded %1 samples to %2").arg(n).arg(lastRecording_));
}

bool MainWindow::openRecording(const QString& path) {
    if (controller_->running()) stop();
    lessonSession_->cancel();
    showLessonCard(false);
    if (!replay_->open(path)) {
        onError(tr("Cannot open the recording: %1").arg(replay_->error()));
        return false;
    }
    replayBar_->show();
    // The panel shows what was recorded (not the last live setup), greyed: nothing to steer.
    if (const RunSample& first = replay_->recording()->samples().front(); !first.lanes.empty()) {
        QSignalBlocker quiet(controls_); // (no "selection changed": the replay's views stay)
        setConfig(first.lanes.front().config);
        setCompare(first.lanes.size() == 2, first.lanes.size() == 2 ? first.lanes[1].config.transport : TransportKind::Pipe);
    }
    controls_->setEnabled(false);
    statusRun_->setText(tr("Replaying %1: Space plays and pauses, Left and Right step.").arg(QFileInfo(path).fileName()));
    log(tr("Opened recording %1").arg(path));
    return true;
}

void MainWindow::openRecordingDialog() {
    QString path = QFileDialog::getOpenFileName(this, tr("Open recording"), recordingsFolder(),
                                                tr("IPC Lab recordings (*%1);;All files (*)").arg(kRecordingSuffix));
    if (!path.isEmpty()) openRecording(path);
}

bool MainWindow::compareWithRecording(const QString& path) {
    if (!replay_->openCompare(path)) {
        onError(tr("Cannot compare: %1").arg(replay_->error()));
        return false;
    }
    log(tr("Comparing with recording %1").arg(path));
    return true;
}

void MainWindow::compareRecordingDialog() {
    if (!replay_->active()) {
        onError(tr("Open a recording first (File > Open recording), then the one to compare it with."));
        return;
    }
    QString path = QFileDialog::getOpenFileName(this, tr("Compare with recording"), recordingsFolder(),
                                                tr("IPC Lab recordings (*%1);;All files (*)").arg(kRecordingSuffix));
    if (!path.isEmpty()) compareWithRecording(path);
}

void MainWindow::closeReplay() {
    if (!replay_->active()) return;
    replay_->close();
    replayBar_->hide();
    controls_->setEnabled(true);
    charts_->reset();
    flow_->clear();
    bigNumber_->clear();
    statusRun_->setText(tr("Ready. Pick an experiment and press Start (Space)."));
    updateEnabled();
}

} // namespace ipclab::ui
