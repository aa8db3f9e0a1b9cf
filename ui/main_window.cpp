#include "main_window.h"

#include "core_text.h"
#include "qt_text.h"

#include "flow_view.h"
#include "lesson_library.h"
#include "process_table_model.h"
#include "run_controller.h"
#include "sweep_chart.h"
#include "sync_switch.h"
#include "time_chart.h"
#include "translations.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

// Resources live in a static library: register them explicitly (outside any namespace).
static void initResources() { Q_INIT_RESOURCE(ipclab); }

namespace ipclab::ui {

namespace {

// Rate presets: messages/s per producer (0 = full speed).
struct RatePreset {
    const char* label;
    double rate;
};
const RatePreset kRates[] = {{QT_TRANSLATE_NOOP("ipclab::ui::MainWindow", "Full speed"), 0},
                             {QT_TRANSLATE_NOOP("ipclab::ui::MainWindow", "Limited: 10 000 msgs/s"), 10000},
                             {QT_TRANSLATE_NOOP("ipclab::ui::MainWindow", "Limited: 100 msgs/s"), 100},
                             {QT_TRANSLATE_NOOP("ipclab::ui::MainWindow", "Slow motion: 5 msgs/s"), 5},
                             {QT_TRANSLATE_NOOP("ipclab::ui::MainWindow", "Slow motion: 2 msgs/s"), 2},
                             {QT_TRANSLATE_NOOP("ipclab::ui::MainWindow", "Slow motion: 1 msg/s"), 1}};
} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent), controller_(new RunController(this)) {
    initResources();
    setWindowTitle(tr("IPC Lab"));
    setWindowIcon(QIcon(":/icons/ipclab.svg"));
    normalFont_ = QApplication::font();
    QStringList lessonErrors;
    lessons_ = LessonLibrary::load(LessonLibrary::kBuiltIn, QLocale().name().left(2), &lessonErrors);
    buildControls();
    buildCentral();
    buildMenus();
    for (const QString& e : lessonErrors) log(tr("Skipped a broken lesson: %1").arg(e));

    connect(controller_, &RunController::sampled, this, &MainWindow::onSampled);
    connect(controller_, &RunController::error, this, &MainWindow::onError);
    connect(controller_, &RunController::workerExited, this, [this](const QString& m) {
        log(m);
        statusBar()->showMessage(m, 8000);
    });
    connect(controller_, &RunController::syncObeyed, this, [this](double ms) {
        QString text = tr("All workers obeyed the sync change in %1 ms").arg(QString::number(ms, 'f', 2));
        ackLabel_->setText(text);
        log(text);
    });
    connect(controller_, &RunController::status, this, [this](const QString& m) { statusBar()->showMessage(m, 5000); });
    connect(controller_, &RunController::stopped, this, [this] {
        flow_->markStopped();
        updateEnabled();
        progress_->hide();
        statusRun_->setText(tr("Stopped. Charts keep the last run; Export (Ctrl+E) puts them into slides."));
    });
    connect(controller_, &RunController::sweepPointAdded, this, [this](int done, int total) {
        sweep_->setPoints(controller_->sample().sweep);
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

void MainWindow::buildControls() {
    auto* panel = new QWidget;
    auto* layout = new QVBoxLayout(panel);

    auto* form = new QFormLayout;
    experiment_ = new QComboBox;
    for (auto [k, label, tip] : {std::tuple{ExperimentKind::Stream, tr("Stream"), tr("Producers send numbered, checksummed messages to consumers")},
                                 std::tuple{ExperimentKind::Race, tr("Race"), tr("Workers update one shared counter and a two-account record")},
                                 std::tuple{ExperimentKind::PingPong, tr("Ping-pong"), tr("One message back and forth: the round-trip latency")},
                                 std::tuple{ExperimentKind::Sweep, tr("Sweep"), tr("Throughput for every size and transport: the crossover chart")},
                                 std::tuple{ExperimentKind::Isolation, tr("Isolation"), tr("Same virtual address in two processes: private vs shared")}}) {
        experiment_->addItem(label, static_cast<int>(k));
        experiment_->setItemData(experiment_->count() - 1, tip, Qt::ToolTipRole);
    }
    experiment_->setToolTip(tr("What the worker processes do"));
    form->addRow(tr("&Experiment"), experiment_);

    transport_ = new QComboBox;
    compareTransport_ = new QComboBox;
    for (TransportKind k : allTransports()) {
        transport_->addItem(nameOf(k), static_cast<int>(k));
        transport_->setItemData(transport_->count() - 1, explain(k), Qt::ToolTipRole);
        if (k != TransportKind::SharedMemory) {
            compareTransport_->addItem(nameOf(k), static_cast<int>(k));
            compareTransport_->setItemData(compareTransport_->count() - 1, explain(k), Qt::ToolTipRole);
        }
    }
    transport_->setToolTip(tr("Shared memory: one region mapped into both processes, no kernel on the data path. "
                              "The others: message passing, every message copied through the kernel by system calls."));
    form->addRow(tr("&Transport"), transport_);
    compare_ = new QCheckBox(tr("Compare with"));
    compare_->setToolTip(tr("Run a second lane over a message-passing transport at the same time, on the same charts"));
    auto* compareRow = new QHBoxLayout;
    compareRow->addWidget(compare_);
    compareRow->addWidget(compareTransport_, 1);
    form->addRow(QString(), compareRow);
    layout->addLayout(form);

    auto* syncBox = new QGroupBox(tr("Synchronization"));
    auto* syncLayout = new QVBoxLayout(syncBox);
    syncSwitch_ = new SyncSwitch;
    syncSwitch_->setMinimumHeight(44);
    syncSwitch_->setToolTip(tr("S: switch synchronization on or off while the workers run. Off, concurrent writes to the "
                               "same shared memory collide and the checks count the damage."));
    syncLayout->addWidget(syncSwitch_);
    primitive_ = new QComboBox;
    for (SyncMode m : allSyncModes()) {
        if (m == SyncMode::None) continue;
        primitive_->addItem(toQString(toString(m)), static_cast<int>(m));
        primitive_->setItemData(primitive_->count() - 1, explain(m), Qt::ToolTipRole);
    }
    primitive_->setToolTip(tr("Which primitive protects the shared data when sync is on"));
    syncLayout->addWidget(primitive_);
    ackLabel_ = new QLabel;
    ackLabel_->setWordWrap(true);
    ackLabel_->setToolTip(tr("Measured: from the control-block change to the last worker's acknowledgement"));
    syncLayout->addWidget(ackLabel_);
    layout->addWidget(syncBox);

    auto* counts = new QFormLayout;
    producers_ = new QSpinBox;
    producers_->setRange(1, kMaxWorkers);
    producers_->setToolTip(tr("Processes that send messages"));
    consumers_ = new QSpinBox;
    consumers_->setRange(1, kMaxWorkers);
    consumers_->setToolTip(tr("Processes that receive and verify messages"));
    workers_ = new QSpinBox;
    workers_->setRange(1, kMaxWorkers);
    workers_->setValue(2);
    workers_->setToolTip(tr("Race: processes updating the same shared data"));
    size_ = new QComboBox;
    size_->setEditable(true);
    for (const char* s : {"8", "64", "512", "4k", "32k", "256k", "1M"}) size_->addItem(s);
    size_->setCurrentText("64");
    size_->setToolTip(tr("Payload bytes per message (8 B to 1 MiB; a message queue allows less, as the kernel sets)"));
    rate_ = new QComboBox;
    for (const auto& r : kRates) rate_->addItem(tr(r.label), r.rate);
    rate_->setToolTip(tr("Messages per second per producer. Slow motion shows each real message as a token."));
    counts->addRow(tr("&Producers"), producers_);
    counts->addRow(tr("&Consumers"), consumers_);
    counts->addRow(tr("&Workers"), workers_);
    counts->addRow(tr("Message si&ze"), size_);
    counts->addRow(tr("&Rate"), rate_);
    layout->addLayout(counts);

    auto* buttons = new QHBoxLayout;
    startButton_ = new QPushButton(tr("Start"));
    startButton_->setToolTip(tr("Space: start or stop the worker processes"));
    pauseButton_ = new QPushButton(tr("Pause"));
    pauseButton_->setToolTip(tr("P: workers sleep on the control block until resumed"));
    killButton_ = new QPushButton(tr("Kill worker"));
    killButton_->setToolTip(tr("Send SIGKILL to the process selected in the table: see the others survive"));
    buttons->addWidget(startButton_);
    buttons->addWidget(pauseButton_);
    buttons->addWidget(killButton_);
    layout->addLayout(buttons);

    processModel_ = new ProcessTableModel(this);
    processView_ = new QTableView;
    processView_->setModel(processModel_);
    processView_->setSelectionBehavior(QAbstractItemView::SelectRows);
    processView_->setSelectionMode(QAbstractItemView::SingleSelection);
    processView_->verticalHeader()->hide();
    processView_->horizontalHeader()->setStretchLastSection(true);
    processView_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    processView_->setWordWrap(false);
    processView_->setToolTip(tr("The real worker processes; select one and press Kill worker"));
    layout->addWidget(new QLabel(tr("Processes")));
    layout->addWidget(processView_, 2);
    events_ = new QListWidget;
    events_->setToolTip(tr("What happened: sync changes, acknowledgements, deaths, errors"));
    layout->addWidget(new QLabel(tr("Events")));
    layout->addWidget(events_, 1);

    panel->setMinimumWidth(330);
    panel->setMaximumWidth(460);
    panel->setObjectName("controls");
    auto* central = new QSplitter(Qt::Horizontal);
    central->addWidget(panel);
    setCentralWidget(central);

    connect(startButton_, &QPushButton::clicked, this, &MainWindow::startOrStop);
    connect(pauseButton_, &QPushButton::clicked, this, &MainWindow::togglePause);
    connect(killButton_, &QPushButton::clicked, this, &MainWindow::killSelectedWorker);
    connect(syncSwitch_, &SyncSwitch::toggled, this, &MainWindow::onSyncSwitched);
    connect(primitive_, &QComboBox::currentIndexChanged, this, &MainWindow::onSyncSwitched);
    connect(rate_, &QComboBox::currentIndexChanged, this, [this] {
        if (controller_->live()) {
            controller_->setRate(rate_->currentData().toDouble());
            log(tr("Rate set to %1").arg(rate_->currentText()));
        }
    });
    connect(experiment_, &QComboBox::currentIndexChanged, this, &MainWindow::updateEnabled);
    connect(transport_, &QComboBox::currentIndexChanged, this, &MainWindow::updateEnabled);
    // Another experiment or transport chosen: the last run's charts and scene (its labels, its
    // legends) no longer describe what Start will show, so they go.
    connect(experiment_, &QComboBox::currentIndexChanged, this, &MainWindow::clearResults);
    connect(transport_, &QComboBox::currentIndexChanged, this, &MainWindow::clearResults);
    connect(compare_, &QCheckBox::toggled, this, &MainWindow::updateEnabled);
}

void MainWindow::buildCentral() {
    auto* split = static_cast<QSplitter*>(centralWidget());
    auto* right = new QSplitter(Qt::Vertical);
    right->setObjectName("scene-charts");
    auto* sceneBox = new QWidget;
    auto* sceneLayout = new QVBoxLayout(sceneBox);
    sceneLayout->setContentsMargins(0, 0, 0, 0);
    lessonBanner_ = new QLabel;
    lessonBanner_->setObjectName("lesson-banner");
    lessonBanner_->setWordWrap(true);
    lessonBanner_->setTextFormat(Qt::RichText);
    lessonBanner_->setStyleSheet("QLabel#lesson-banner { background: #fff8dc; color: #222; border: 1px solid #d8c27a; "
                                 "border-radius: 4px; padding: 6px; }");
    lessonBanner_->setToolTip(tr("The claim of the course material this lesson checks, and what to watch. Lessons menu: hide it"));
    lessonBanner_->hide();
    sceneLayout->addWidget(lessonBanner_);
    flow_ = new FlowView;
    connect(flow_, &FlowView::frameStarted, this, &MainWindow::refreshChart);
    flow_->setToolTip(tr("The textbook figure, live: processes in user space, the kernel below. Tokens follow the real "
                         "path of the data."));
    sceneLayout->addWidget(flow_, 1);
    right->addWidget(sceneBox);

    tabs_ = new QTabWidget;
    auto* grid = new QWidget;
    auto* g = new QGridLayout(grid);
    g->setContentsMargins(0, 0, 0, 0);
    throughput_ = new TimeChart(tr("Throughput"), tr("msgs/s"), tr("MB/s"),
                                {{Series::MsgsPerS, tr("msgs/s"), false}, {Series::MbPerS, tr("MB/s"), true}});
    contention_ = new TimeChart(tr("Lock contention"), tr("contended %"), tr("mean wait (µs)"),
                                {{Series::ContendedPct, tr("contended %"), false}, {Series::MeanWaitUs, tr("mean wait µs"), true}});
    integrity_ = new TimeChart(tr("Integrity"), tr("lost"), tr("inconsistent / corrupted"),
                               {{Series::LostUpdates, tr("lost"), false}, {Series::Inconsistent, tr("inconsistent/corrupted"), true}});
    latency_ = new TimeChart(tr("Latency"), tr("µs"), QString(),
                             {{Series::LatencyP50Us, tr("p50"), false}, {Series::LatencyP99Us, tr("p99"), false}});
    throughput_->setToolTip(tr("Measured messages (race: updates) per second over the last half second, last 60 s"));
    contention_->setToolTip(tr("Share of lock acquisitions that found the lock taken, and the mean wait"));
    integrity_->setToolTip(tr("Lost updates / messages and inconsistent records / corrupted messages, cumulative"));
    latency_->setToolTip(tr("One-way latency (ping-pong: round trip) percentiles"));
    g->addWidget(throughput_, 0, 0);
    g->addWidget(contention_, 0, 1);
    g->addWidget(integrity_, 1, 0);
    g->addWidget(latency_, 1, 1);
    tabs_->addTab(grid, tr("Live charts"));
    sweep_ = new SweepChart;
    sweep_->setToolTip(tr("Throughput per message size, log–log; the dashed line marks the crossover"));
    tabs_->addTab(sweep_, tr("Sweep"));
    right->addWidget(tabs_);
    right->setStretchFactor(0, 1);
    right->setStretchFactor(1, 1);
    right->setSizes({460, 520});
    split->addWidget(right);
    split->setStretchFactor(1, 1);


    const QList<Exportable> items = exportables();
    for (int i = 0; i < items.size(); ++i) installChartMenu(items[i].view, i);

    statusRun_ = new QLabel;
    progress_ = new QProgressBar;
    progress_->setMaximumWidth(200);
    progress_->hide();
    statusBar()->addWidget(statusRun_, 1);
    statusBar()->addPermanentWidget(progress_);
}

QList<Exportable> MainWindow::exportables() const {
    QList<Exportable> out;
    out.append({"throughput", throughput_->title(), throughput_, {}, [this] { return throughput_->csv(); }});
    out.append({"contention", contention_->title(), contention_, {}, [this] { return contention_->csv(); }});
    out.append({"integrity", integrity_->title(), integrity_, {}, [this] { return integrity_->csv(); }});
    out.append({"latency", latency_->title(), latency_, {}, [this] { return latency_->csv(); }});
    out.append({"sweep", sweep_->title(), sweep_, {}, [this] { return sweep_->csv(); }});
    out.append({"flow-scene", tr("IPC Lab flow scene"), flow_, flow_->figure()->boundingRect(), {}});
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
            QString dir = QSettings().value("export/folder", QStandardPaths::writableLocation(QStandardPaths::PicturesLocation)).toString();
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
        if (e.csv) menu.addAction(tr("Save data as CSV…"), this, [save] { save(".csv", "CSV (*.csv)"); });
        menu.exec(w->mapToGlobal(pos));
    });
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* exportAll = file->addAction(tr("&Export all charts…"), this, &MainWindow::exportAllDialog);
    exportAll->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportAll->setToolTip(tr("Every chart as PNG (2×, 3×), SVG, PDF and CSV, and the scene, into one folder"));
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
    syncAction_ = run->addAction(tr("Toggle &sync"), this, &MainWindow::toggleSync);
    syncAction_->setShortcut(Qt::Key_S);
    QAction* kill = run->addAction(tr("&Kill selected worker"), this, &MainWindow::killSelectedWorker);
    kill->setShortcut(QKeySequence::Delete);
    for (QAction* a : {startAction_, pauseAction_, syncAction_, kill}) a->setShortcutContext(Qt::ApplicationShortcut);

    QMenu* lessons = menuBar()->addMenu(tr("&Lessons"));
    for (int i = 0; i < lessons_.size(); ++i) {
        QAction* a = lessons->addAction(tr("%1. %2").arg(i + 1).arg(lessons_[i].title), this, [this, i] { applyLesson(i); });
        a->setToolTip(lessons_[i].claim);
        if (i < 9) a->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
    }
    if (lessons_.isEmpty()) lessons->addAction(tr("No lessons found"))->setEnabled(false);
    lessons->addSeparator();
    lessons->addAction(tr("&Hide lesson text"), this, [this] { lessonBanner_->hide(); });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    lectureAction_ = view->addAction(tr("&Lecture theme"), this, &MainWindow::setLectureTheme);
    lectureAction_->setCheckable(true);
    lectureAction_->setShortcut(Qt::CTRL | Qt::Key_L);
    lectureAction_->setToolTip(tr("White background, large fonts, thick lines: for projectors and slides"));
    presenterAction_ = view->addAction(tr("&Presenter mode"), this, &MainWindow::setPresenterMode);
    presenterAction_->setCheckable(true);
    presenterAction_->setShortcut(Qt::Key_F11);
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

ExperimentConfig MainWindow::config() const {
    ExperimentConfig c;
    c.experiment = static_cast<ExperimentKind>(experiment_->currentData().toInt());
    c.transport = static_cast<TransportKind>(transport_->currentData().toInt());
    c.syncEnabled = syncSwitch_->isChecked();
    c.sync = static_cast<SyncMode>(primitive_->currentData().toInt());
    c.producers = producers_->value();
    c.consumers = consumers_->value();
    c.workers = workers_->value();
    auto size = parseSize(size_->currentText().trimmed().toStdString());
    c.messageSize = size && *size <= UINT32_MAX ? static_cast<uint32_t>(*size) : 0; // 0 → a clear error on Start
    c.rate = rate_->currentData().toDouble();
    c.durationS = 0;
    if (c.experiment == ExperimentKind::Sweep) {
        fillSweepDefaults(c);
        c.sweepPointS = 0.3;
    }
    return c;
}

void MainWindow::setConfig(const ExperimentConfig& c) {
    experiment_->setCurrentIndex(experiment_->findData(static_cast<int>(c.experiment)));
    transport_->setCurrentIndex(transport_->findData(static_cast<int>(c.transport)));
    syncSwitch_->setChecked(c.syncEnabled);
    int p = primitive_->findData(static_cast<int>(c.sync));
    if (p >= 0) primitive_->setCurrentIndex(p);
    producers_->setValue(c.producers);
    consumers_->setValue(c.consumers);
    workers_->setValue(c.workers);
    size_->setCurrentText(QString::fromStdString(formatSize(c.messageSize)).remove(' ').replace("KiB", "k").replace("MiB", "M").remove("B"));
    int r = 0;
    for (int i = 0; i < rate_->count(); ++i)
        if (rate_->itemData(i).toDouble() == c.rate) r = i;
    rate_->setCurrentIndex(r);
    updateEnabled();
}

void MainWindow::setCompare(bool on, TransportKind other) {
    compare_->setChecked(on);
    int i = compareTransport_->findData(static_cast<int>(other));
    if (i >= 0) compareTransport_->setCurrentIndex(i);
}

void MainWindow::updateEnabled() {
    auto kind = static_cast<ExperimentKind>(experiment_->currentData().toInt());
    bool running = controller_->running();
    bool stream = kind == ExperimentKind::Stream, race = kind == ExperimentKind::Race;
    bool simple = kind == ExperimentKind::Stream || kind == ExperimentKind::PingPong;
    experiment_->setEnabled(!running);
    transport_->setEnabled(!running && kind != ExperimentKind::Race && kind != ExperimentKind::Sweep && kind != ExperimentKind::Isolation);
    compare_->setEnabled(!running && simple);
    compareTransport_->setEnabled(!running && simple && compare_->isChecked());
    producers_->setEnabled(!running && stream);
    consumers_->setEnabled(!running && stream);
    workers_->setEnabled(!running && race);
    size_->setEnabled(!running && (stream || kind == ExperimentKind::PingPong));
    rate_->setEnabled(stream);
    bool syncMatters = race || (stream && static_cast<TransportKind>(transport_->currentData().toInt()) == TransportKind::SharedMemory);
    syncSwitch_->setEnabled(syncMatters);
    primitive_->setEnabled(syncMatters);
    startButton_->setText(running ? tr("Stop") : tr("Start"));
    pauseButton_->setEnabled(controller_->live());
    pauseButton_->setText(controller_->paused() ? tr("Resume") : tr("Pause"));
    killButton_->setEnabled(controller_->live());
}

void MainWindow::clearResults() {
    if (controller_->running()) return;
    for (TimeChart* c : {throughput_, contention_, integrity_, latency_}) c->reset();
    flow_->clear();
    ackLabel_->clear();
}

bool MainWindow::start() {
    ExperimentConfig c = config();
    lastError_.clear();
    throughput_->clearData();
    contention_->clearData();
    integrity_->clearData();
    latency_->clearData();
    flow_->clear();
    ackLabel_->clear();
    std::optional<TransportKind> other;
    if (compare_->isChecked() && compare_->isEnabled())
        other = static_cast<TransportKind>(compareTransport_->currentData().toInt());
    if (c.experiment == ExperimentKind::Sweep) {
        tabs_->setCurrentIndex(1);
        sweep_->setPoints({});
        progress_->setValue(0);
        progress_->show();
    } else if (c.experiment != ExperimentKind::Isolation) {
        tabs_->setCurrentIndex(0);
    }
    if (!controller_->start(c, other)) {
        updateEnabled();
        return false;
    }
    QStringList pids;
    for (const auto& l : controller_->sample().lanes)
        for (const auto& w : l.workers) pids << QString::number(w.pid);
    QString what = tr("%1 over %2").arg(experiment_->currentText(), transport_->currentText());
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

void MainWindow::startOrStop() { controller_->running() ? stop() : (void)start(); }

void MainWindow::togglePause() {
    if (!controller_->live()) return;
    controller_->setPaused(!controller_->paused());
    log(controller_->paused() ? tr("Paused") : tr("Resumed"));
    updateEnabled();
}

void MainWindow::toggleSync() {
    if (syncSwitch_->isEnabled()) syncSwitch_->toggle(); // emits toggled → onSyncSwitched
}

void MainWindow::onSyncSwitched() {
    bool on = syncSwitch_->isChecked();
    auto prim = static_cast<SyncMode>(primitive_->currentData().toInt());
    if (!controller_->live()) return;
    controller_->setSync(on, prim);
    log(on ? tr("Sync ON (%1)").arg(toQString(toString(prim))) : tr("Sync OFF"));
    statusBar()->showMessage(on ? tr("Synchronization on: %1").arg(toQString(toString(prim))) : tr("Synchronization off: watch the collisions"), 4000);
}

void MainWindow::killSelectedWorker() {
    auto rows = processView_->selectionModel() ? processView_->selectionModel()->selectedRows() : QModelIndexList{};
    if (rows.isEmpty()) {
        statusBar()->showMessage(tr("Select a worker in the process table first"), 4000);
        return;
    }
    auto [lane, slot] = processModel_->workerAt(rows.first().row());
    int pid = processModel_->data(processModel_->index(rows.first().row(), ProcessTableModel::Pid), Qt::DisplayRole).toInt();
    if (controller_->killWorker(lane, slot)) log(tr("Sent SIGKILL to worker %1").arg(pid));
}

void MainWindow::onSampled(const RunSample& sample) {
    processModel_->update(sample);
    flow_->update(sample);
    for (TimeChart* c : {throughput_, contention_, integrity_, latency_}) c->add(sample);
    chartDue_ = true; // drawn at the next animation frame (refreshChart)
}

// One chart per sample, in turn: each redraws at 7.5 Hz (smooth enough). Done right after an
// animation tick, and never all four at once, so no repaint is long enough to make a frame late.
void MainWindow::refreshChart() {
    if (!chartDue_) return;
    chartDue_ = false;
    switch (chartTick_++ % 4) {
    case 0: throughput_->refresh(); break;
    case 1: contention_->refresh(); break;
    case 2: integrity_->refresh(); break;
    default: latency_->refresh(); break;
    }
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

void MainWindow::log(const QString& line) {
    events_->addItem(QDateTime::currentDateTime().toString("HH:mm:ss  ") + line);
    while (events_->count() > 500) delete events_->takeItem(0);
    events_->scrollToBottom();
}

QStringList MainWindow::eventLog() const {
    QStringList out;
    for (int i = 0; i < events_->count(); ++i) out << events_->item(i)->text();
    return out;
}

void MainWindow::applyTheme() {
    theme_.fontScale = presenter_ ? 1.1 : 1.0;
    for (TimeChart* c : {throughput_, contention_, integrity_, latency_}) c->setTheme(theme_);
    sweep_->setTheme(theme_);
    // The scene is drawn in its own coordinates and scaled to fit its view: larger fonts there
    // would only overflow the boxes, so it takes the colours and line widths but not the sizes.
    ChartTheme scene = theme_;
    scene.fontScale = 1.0;
    scene.lectureFontFactor = 1.0;
    flow_->setTheme(scene);
}

void MainWindow::setLectureTheme(bool on) {
    theme_.lecture = on;
    lectureAction_->setChecked(on);
    applyTheme();
}

void MainWindow::setPresenterMode(bool on) {
    presenter_ = on;
    presenterAction_->setChecked(on);
    QFont f = normalFont_;
    if (on) f.setPointSizeF(normalFont_.pointSizeF() * 1.3);
    QApplication::setFont(f);
    // The class needs the scene and the charts; the controls stay reachable by keyboard.
    if (QWidget* controls = findChild<QWidget*>("controls")) controls->setVisible(!on);
    on ? showFullScreen() : showNormal();
    applyTheme();
    if (auto* right = findChild<QSplitter*>("scene-charts")) right->setSizes(on ? QList<int>{400, 600} : QList<int>{460, 520});
    if (on) statusRun_->setText(tr("Presenter mode: Space start/stop · S sync on/off · P pause · F11 leave"));
}

void MainWindow::exportAllTo(const QString& folder) {
    QStringList written;
    QString err;
    if (!ChartExporter::exportAll(exportables(), folder, &written, &err)) {
        onError(err);
        return;
    }
    QSettings().setValue("export/folder", folder);
    log(tr("Exported %1 files to %2").arg(written.size()).arg(folder));
    statusBar()->showMessage(tr("Exported %1 files to %2").arg(written.size()).arg(folder), 6000);
}

void MainWindow::exportAllDialog() {
    QString start = QSettings().value("export/folder", QStandardPaths::writableLocation(QStandardPaths::PicturesLocation)).toString();
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
    if (index < 0 || index >= lessons_.size()) return;
    const Lesson& l = lessons_[index];
    if (controller_->running()) stop();
    setConfig(l.config);
    setCompare(l.compare.has_value(), l.compare.value_or(TransportKind::Pipe));
    currentLesson_ = index;
    lessonBanner_->setText(tr("<b>Lesson %1 · %2</b><br>“%3” <i>(course material)</i><br><b>Watch:</b> %4")
                               .arg(index + 1)
                               .arg(l.title.toHtmlEscaped(), l.claim.toHtmlEscaped(), l.watch.toHtmlEscaped()));
    lessonBanner_->show();
    log(tr("Lesson %1: %2").arg(index + 1).arg(l.title));
    statusRun_->setText(tr("Lesson %1 is set up. Press Space to start it.").arg(index + 1));
}

void MainWindow::loadSettings() {
    QSettings s;
    restoreGeometry(s.value("window/geometry").toByteArray());
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
}

void MainWindow::saveSettings() const {
    QSettings s;
    s.setValue("window/geometry", saveGeometry());
    QStringList args;
    for (const auto& a : config().toArgs()) args << QString::fromStdString(a);
    s.setValue("config/args", args);
    s.setValue("config/compare", compare_->isChecked());
    s.setValue("config/compareTransport", compareTransport_->currentData().toInt());
    s.setValue("view/lecture", theme_.lecture);
}

void MainWindow::closeEvent(QCloseEvent* e) {
    saveSettings();
    controller_->stop(); // stops and reaps every worker, removes every kernel object
    e->accept();
}

} // namespace ipclab::ui
