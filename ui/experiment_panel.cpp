#include "experiment_panel.h"

#include "core_text.h"
#include "qt_text.h"
#include "sync_switch.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontMetrics>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ipclab::ui {

namespace {
// Rate presets: messages/s per producer (0 = full speed).
struct RatePreset {
    const char* label;
    double rate;
};
const RatePreset kRates[] = {{QT_TRANSLATE_NOOP("ipclab::ui::ExperimentPanel", "Full speed"), 0},
                             {QT_TRANSLATE_NOOP("ipclab::ui::ExperimentPanel", "Limited: 10 000 msgs/s"), 10000},
                             {QT_TRANSLATE_NOOP("ipclab::ui::ExperimentPanel", "Limited: 100 msgs/s"), 100},
                             {QT_TRANSLATE_NOOP("ipclab::ui::ExperimentPanel", "Slow motion: 5 msgs/s"), 5},
                             {QT_TRANSLATE_NOOP("ipclab::ui::ExperimentPanel", "Slow motion: 2 msgs/s"), 2},
                             {QT_TRANSLATE_NOOP("ipclab::ui::ExperimentPanel", "Slow motion: 1 msg/s"), 1}};
} // namespace

ExperimentPanel::ExperimentPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

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
    // Beside it, how a shared-memory worker waits on a full or empty ring (W cycles it, live).
    wait_ = new QComboBox;
    wait_->setObjectName("wait-policy");
    wait_->addItem(tr("spin"), static_cast<int>(WaitPolicy::Spin));
    wait_->addItem(tr("spin, then sleep"), static_cast<int>(WaitPolicy::Adaptive));
    wait_->addItem(tr("sleep"), static_cast<int>(WaitPolicy::Sleep));
    wait_->setCurrentIndex(1);
    wait_->setToolTip(tr("How a shared-memory worker waits when the ring is full or empty: spin on its CPU (fastest "
                         "answer, a whole CPU burnt), spin briefly then sleep on a futex, or sleep at once. Compare "
                         "latency and the Kernel's view. W: next, while the workers run."));
    auto* syncRow = new QHBoxLayout;
    syncRow->addWidget(primitive_, 1);
    syncRow->addWidget(wait_, 1);
    syncLayout->addLayout(syncRow);
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
    // Race: extra time inside the critical section (what makes contention and a descheduled
    // holder visible); read by the workers at start.
    hold_ = new QSlider(Qt::Horizontal);
    hold_->setObjectName("hold-us");
    hold_->setRange(0, 1000);
    hold_->setSingleStep(10);
    hold_->setPageStep(100);
    hold_->setToolTip(tr("Race: extra microseconds each worker spends inside the critical section (--hold-us)"));
    holdLabel_ = new QLabel;
    holdLabel_->setMinimumWidth(QFontMetrics(holdLabel_->font()).horizontalAdvance(QStringLiteral("1000 µs")));
    auto* holdRow = new QHBoxLayout;
    holdRow->addWidget(hold_, 1);
    holdRow->addWidget(holdLabel_);
    auto* holdText = new QLabel(tr("&Hold"));
    holdText->setBuddy(hold_); // (a row of a layout gets no buddy by itself: the & would show)
    counts->addRow(holdText, holdRow);
    // CPU pressure, live: processes that only burn CPU, competing with the workers.
    hogs_ = new QSpinBox;
    hogs_->setObjectName("cpu-hogs");
    hogs_->setRange(0, 8);
    hogs_->setToolTip(tr("Extra processes that only burn CPU, beside the workers (shown as CPU hog in the process "
                         "table): workers get preempted, inside the critical section too. Changes at once."));
    counts->addRow(tr("CPU ho&gs"), hogs_);
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

    connect(startButton_, &QPushButton::clicked, this, &ExperimentPanel::startStopClicked);
    connect(pauseButton_, &QPushButton::clicked, this, &ExperimentPanel::pauseClicked);
    connect(killButton_, &QPushButton::clicked, this, &ExperimentPanel::killClicked);
    connect(syncSwitch_, &SyncSwitch::toggled, this, &ExperimentPanel::syncChanged);
    connect(primitive_, &QComboBox::currentIndexChanged, this, &ExperimentPanel::syncChanged);
    connect(rate_, &QComboBox::currentIndexChanged, this, [this] { emit rateChanged(rate_->currentData().toDouble()); });
    connect(hold_, &QSlider::valueChanged, this, [this](int us) {
        // Steps of 10 µs: the value a lecturer reads is the one the workers get.
        if (us % 10) hold_->setValue(us - us % 10);
        holdLabel_->setText(tr("%1 µs").arg(hold_->value()));
    });
    holdLabel_->setText(tr("%1 µs").arg(0));
    connect(hogs_, &QSpinBox::valueChanged, this, &ExperimentPanel::cpuHogsChanged);
    connect(wait_, &QComboBox::currentIndexChanged, this,
            [this] { emit waitPolicyChanged(static_cast<WaitPolicy>(wait_->currentData().toInt())); });
    auto changed = [this] {
        setRunState(running_, live_, paused_);
        emit controlsChanged();
    };
    connect(experiment_, &QComboBox::currentIndexChanged, this, changed);
    connect(transport_, &QComboBox::currentIndexChanged, this, changed);
    connect(compare_, &QCheckBox::toggled, this, changed);
    // Another experiment or transport chosen: the last run's charts and scene (its labels, its
    // legends) no longer describe what Start will show, so they go.
    connect(experiment_, &QComboBox::currentIndexChanged, this, &ExperimentPanel::selectionChanged);
    connect(transport_, &QComboBox::currentIndexChanged, this, &ExperimentPanel::selectionChanged);
    setRunState(false, false, false);
}

bool ExperimentPanel::compareChecked() const { return compare_->isChecked(); }
TransportKind ExperimentPanel::compareTransport() const { return static_cast<TransportKind>(compareTransport_->currentData().toInt()); }

std::optional<TransportKind> ExperimentPanel::compareWith() const {
    if (!compare_->isChecked() || !compare_->isEnabled()) return std::nullopt;
    return compareTransport();
}

QString ExperimentPanel::experimentText() const { return experiment_->currentText(); }
QString ExperimentPanel::transportText() const { return transport_->currentText(); }
QString ExperimentPanel::rateText() const { return rate_->currentText(); }
bool ExperimentPanel::syncOn() const { return syncSwitch_->isChecked(); }
SyncMode ExperimentPanel::primitive() const { return static_cast<SyncMode>(primitive_->currentData().toInt()); }

void ExperimentPanel::toggleSync() {
    if (syncSwitch_->isEnabled()) syncSwitch_->toggle(); // emits toggled → syncChanged
}

void ExperimentPanel::showAck(const QString& text) { ackLabel_->setText(text); }

bool ExperimentPanel::cyclePrimitive() {
    if (!primitive_->isEnabled() || primitive_->count() == 0) return false;
    primitive_->setCurrentIndex((primitive_->currentIndex() + 1) % primitive_->count()); // → syncChanged
    return true;
}

bool ExperimentPanel::cycleWaitPolicy() {
    if (!wait_->isEnabled()) return false;
    wait_->setCurrentIndex((wait_->currentIndex() + 1) % wait_->count()); // → waitPolicyChanged
    return true;
}

bool ExperimentPanel::cycleTransport() {
    if (!transport_->isEnabled() || transport_->count() == 0) return false;
    transport_->setCurrentIndex((transport_->currentIndex() + 1) % transport_->count());
    return true;
}

bool ExperimentPanel::toggleSlowMotion() {
    if (!rate_->isEnabled()) return false;
    double now = rate_->currentData().toDouble();
    double want = now > 0 && now <= 5 ? 0.0 : 2.0;
    for (int i = 0; i < rate_->count(); ++i)
        if (rate_->itemData(i).toDouble() == want) rate_->setCurrentIndex(i); // → rateChanged
    return true;
}

ExperimentConfig ExperimentPanel::config() const {
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
    c.holdUs = static_cast<uint32_t>(hold_->value());
    c.cpuHogs = hogs_->value();
    c.waitPolicy = static_cast<WaitPolicy>(wait_->currentData().toInt());
    c.durationS = 0;
    if (c.experiment == ExperimentKind::Sweep) {
        fillSweepDefaults(c);
        c.sweepPointS = 0.3;
    }
    return c;
}

void ExperimentPanel::setConfig(const ExperimentConfig& c) {
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
    hold_->setValue(static_cast<int>(std::min<uint32_t>(c.holdUs, 1000)));
    hogs_->setValue(std::min(c.cpuHogs, hogs_->maximum()));
    wait_->setCurrentIndex(std::max(0, wait_->findData(static_cast<int>(c.waitPolicy))));
    setRunState(running_, live_, paused_);
}

void ExperimentPanel::setCompare(bool on, TransportKind other) {
    compare_->setChecked(on);
    int i = compareTransport_->findData(static_cast<int>(other));
    if (i >= 0) compareTransport_->setCurrentIndex(i);
}

void ExperimentPanel::setRunState(bool running, bool live, bool paused) {
    running_ = running;
    live_ = live;
    paused_ = paused;
    auto kind = static_cast<ExperimentKind>(experiment_->currentData().toInt());
    bool stream = kind == ExperimentKind::Stream, race = kind == ExperimentKind::Race;
    bool simple = kind == ExperimentKind::Stream || kind == ExperimentKind::PingPong;
    experiment_->setEnabled(!running);
    transport_->setEnabled(!running && kind != ExperimentKind::Race && kind != ExperimentKind::Sweep && kind != ExperimentKind::Isolation);
    compare_->setEnabled(!running && simple);
    compareTransport_->setEnabled(!running && simple && compare_->isChecked());
    producers_->setEnabled(!running && stream);
    consumers_->setEnabled(!running && stream);
    workers_->setEnabled(!running && race);
    hold_->setEnabled(!running && race);
    hogs_->setEnabled(kind != ExperimentKind::Isolation);
    // Only a shared-memory ring's waiters follow it (a race waits on its lock: the primitive's way).
    bool ring = (stream || kind == ExperimentKind::PingPong) &&
                (transport_->currentData().toInt() == static_cast<int>(TransportKind::SharedMemory) || compare_->isChecked());
    wait_->setEnabled(ring);
    size_->setEnabled(!running && (stream || kind == ExperimentKind::PingPong));
    rate_->setEnabled(stream || race); // a race in slow motion shows one lost update at a time
    bool syncMatters = race || (stream && static_cast<TransportKind>(transport_->currentData().toInt()) == TransportKind::SharedMemory);
    syncSwitch_->setEnabled(syncMatters);
    primitive_->setEnabled(syncMatters);
    startButton_->setText(running ? tr("Stop") : tr("Start"));
    pauseButton_->setEnabled(live);
    pauseButton_->setText(paused ? tr("Resume") : tr("Pause"));
    killButton_->setEnabled(live);
}

} // namespace ipclab::ui
