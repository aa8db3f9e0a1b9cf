#include "run_controller.h"

#include "core_text.h"
#include "qt_text.h"

#include "ipclab/base/clock.h"
#include "ipclab/base/error.h"
#include "ipclab/experiment/experiment_run.h"
#include "ipclab/experiment/experiment_runner.h"
#include "ipclab/experiment/run_sampler.h"

#include <QMetaObject>

namespace ipclab::ui {

namespace {
struct Cancelled {};

// Whether the run's processes synchronize themselves (shared memory) or the kernel does it for
// them (message passing): a pipe never takes the app's mutex, whatever the switch says.
bool userSynchronized(const ExperimentConfig& c) {
    return c.experiment == ExperimentKind::Race || c.transport == TransportKind::SharedMemory;
}

// The marker a chart shows where the synchronization changed.
QString syncLabel(const ExperimentConfig& c) {
    if (!userSynchronized(c)) return RunController::tr("no lock: the kernel synchronizes");
    return c.syncEnabled ? RunController::tr("sync on (%1)").arg(toQString(toString(c.sync))) : RunController::tr("sync off");
}

} // namespace

// One live experiment: its config as the user changes it, the run, and what samples it.
struct RunController::Lane {
    ExperimentConfig config;
    std::unique_ptr<ExperimentRun> run;
    std::unique_ptr<RunSampler> sampler;
};

RunController::RunController(QObject* parent) : QObject(parent) {
    timer_.setTimerType(Qt::PreciseTimer);
    timer_.setInterval(1000 / kSampleHz);
    connect(&timer_, &QTimer::timeout, this, &RunController::tick);
}

RunController::~RunController() {
    cancel_ = true;
    joinBackground();
    lanes_.clear(); // each ExperimentRun stops, reaps and removes its kernel objects
}

bool RunController::start(const ExperimentConfig& cfgIn, std::optional<TransportKind> compareWith) {
    stop();
    sample_ = {};
    ExperimentConfig cfg = cfgIn;
    cfg.workerNice = std::max(cfg.workerNice, kWorkerNice);
    experiment_ = cfg.experiment;
    paused_ = false;
    lastAckMs_ = -1;
    pendingAck_.reset();
    try {
        cfg.validate();
        if (cfg.experiment == ExperimentKind::Sweep || cfg.experiment == ExperimentKind::Isolation) {
            startBackground(cfg);
            emit started();
            return true;
        }
        cfg.durationS = 0; // the GUI runs until Stop
        std::vector<ExperimentConfig> configs{cfg};
        if (compareWith && *compareWith != cfg.transport &&
            (cfg.experiment == ExperimentKind::Stream || cfg.experiment == ExperimentKind::PingPong)) {
            ExperimentConfig other = cfg;
            other.transport = *compareWith;
            other.cpuHogs = 0; // the first lane's run owns the hogs: they press on both lanes
            if (isByteStream(other.transport)) other.consumers = std::min(other.consumers, other.producers);
            other.validate();
            configs.push_back(other);
        }
        // Lanes share the CPUs: each one's workers must know about the other's to wait sensibly
        // (spinning for a peer that another lane's process has pushed off the CPU wastes it).
        int total = 0;
        for (const auto& c : configs) total += c.workerProcesses();
        for (auto& c : configs) c.coRunners = total - c.workerProcesses();
        for (const auto& c : configs) {
            auto lane = std::make_unique<Lane>();
            lane->config = c;
            lane->run = std::make_unique<ExperimentRun>(c);
            lane->sampler = std::make_unique<RunSampler>(*lane->run);
            lane->sampler->mark(0, syncLabel(c).toStdString());
            lanes_.push_back(std::move(lane));
        }
    } catch (const std::exception& e) {
        lanes_.clear();
        emit error(QString::fromUtf8(e.what()));
        return false;
    }
    syncTimer();
    emit started();
    tick();
    return true;
}

void RunController::setSampling(bool on) {
    sampling_ = on;
    syncTimer();
}

void RunController::setFrameClock(bool on) {
    frameClock_ = on;
    syncTimer();
}

void RunController::syncTimer() {
    bool own = live() && sampling_ && !frameClock_;
    if (own && !timer_.isActive()) timer_.start();
    else if (!own) timer_.stop();
}

void RunController::frameTick() {
    if (!frameClock_ || !sampling_ || !live()) return;
    // Due when a sample period has passed, less half a frame: frames come every 16.7 ms, so
    // every other one samples (30 Hz), not every third.
    constexpr qint64 kDueNs = 1'000'000'000 / kSampleHz - 8'000'000;
    if (sinceTick_.isValid() && sinceTick_.nsecsElapsed() < kDueNs) return;
    tick();
}

void RunController::stop() {
    bool was = running();
    timer_.stop();
    cancel_ = true;
    joinBackground();
    busy_ = false;
    for (auto& l : lanes_) l->run->stop(1000);
    if (!lanes_.empty()) tick(); // the final exit statuses and counters, as the views keep showing them
    // The charts keep their own copy of the data; ExperimentRun's destructor removes every
    // kernel object.
    lanes_.clear();
    paused_ = false;
    if (was) emit stopped();
}

void RunController::setPaused(bool p) {
    paused_ = p;
    for (auto& l : lanes_) p ? l->run->pause() : l->run->resume();
    emit status(p ? tr("Paused: workers sleep on the control block's futex") : tr("Resumed"));
}

void RunController::setSync(bool enabled, SyncMode primitive) {
    uint64_t now = monotonicNs();
    for (auto& l : lanes_) {
        l->config.syncEnabled = enabled;
        l->config.sync = primitive;
        l->run->setSync(enabled, primitive);
        // (Message passing does not change with the switch: no new marker for it.)
        if (userSynchronized(l->config)) l->sampler->mark(l->sampler->now(), syncLabel(l->config).toStdString());
    }
    if (!lanes_.empty()) pendingAck_ = std::make_pair(lanes_.front()->run->generation(), now);
}

void RunController::setRate(double r) {
    for (auto& l : lanes_) {
        l->config.rate = r;
        l->run->setRate(r);
    }
}

void RunController::setWaitPolicy(WaitPolicy w) {
    for (auto& l : lanes_) {
        l->config.waitPolicy = w;
        l->run->setWaitPolicy(w);
    }
    if (!lanes_.empty()) lanes_.front()->sampler->mark(lanes_.front()->sampler->now(),
                                      tr("waiting: %1").arg(QString::fromUtf8(toString(w).data(), static_cast<qsizetype>(toString(w).size()))).toStdString());
}

void RunController::setCpuHogs(int count) {
    if (lanes_.empty()) return;
    Lane& l = *lanes_.front();
    l.run->setCpuHogs(count, l.config.hogNice);
    l.config.cpuHogs = count;
    l.sampler->mark(l.sampler->now(), (count == 1 ? tr("1 CPU hog") : tr("%1 CPU hogs").arg(count)).toStdString());
}

bool RunController::killWorker(int lane, int slot) {
    if (lane < 0 || lane >= static_cast<int>(lanes_.size())) return false;
    return lanes_[static_cast<std::size_t>(lane)]->run->killWorker(slot);
}

void RunController::tick() {
    sinceTick_.start();
    RunSample next;
    next.index = sample_.lanes.empty() ? 0 : sample_.index + 1;
    next.experiment = experiment_;
    next.paused = paused_;
    next.sweep = std::move(sample_.sweep);
    next.sweepTotal = sample_.sweepTotal;
    next.isolation = std::move(sample_.isolation);
    for (auto& lp : lanes_) {
        Lane& l = *lp;
        // Deaths are reported and marked in the sample that shows them.
        next.lanes.push_back(l.sampler->sample(l.config, [&](const WorkerInfo& w) {
            bool bad = w.exit.signaled || w.exit.code != 0;
            if (!bad && !w.killedByUs) return;
            QString msg = tr("%1 worker %2 (%3) %4")
                              .arg(nameOf(l.config.transport), QString::number(w.pid), nameOf(w.role), describeExit(w.exit));
            l.sampler->mark(l.sampler->now(), tr("worker %1 died").arg(w.pid).toStdString());
            emit workerExited(msg);
        }));
    }
    sample_ = std::move(next);
    if (pendingAck_ && !lanes_.empty()) {
        bool all = true;
        uint64_t latest = 0;
        for (std::size_t i = 0; i < lanes_.size(); ++i) {
            all = all && lanes_[i]->run->allAcknowledged(pendingAck_->first);
            for (const auto& w : sample_.lanes[i].counters.workers) latest = std::max(latest, w.ackNs);
        }
        if (all) {
            lastAckMs_ = latest > pendingAck_->second ? static_cast<double>(latest - pendingAck_->second) / 1e6 : 0.0;
            pendingAck_.reset();
            emit syncObeyed(lastAckMs_);
        }
    }
    emit sampled(sample_);
}

void RunController::startBackground(const ExperimentConfig& cfg) {
    cancel_ = false;
    busy_ = true;
    background_ = std::thread([this, cfg] {
        QString failure;
        try {
            if (cfg.experiment == ExperimentKind::Sweep) {
                runSweep(cfg, [this](const SweepPoint& p, int done, int total) {
                    QMetaObject::invokeMethod(this, [this, p, done, total] {
                        sample_.sweep.push_back(p);
                        sample_.sweepTotal = total;
                        emit sampled(sample_);
                        emit sweepPointAdded(done, total);
                    }, Qt::QueuedConnection);
                    if (cancel_) throw Cancelled{};
                });
            } else {
                Table t = runExperiment(cfg);
                QMetaObject::invokeMethod(this, [this, t] {
                    sample_.isolation = t;
                    emit sampled(sample_);
                    emit isolationFinished();
                }, Qt::QueuedConnection);
            }
        } catch (const Cancelled&) {
        } catch (const std::exception& e) {
            failure = QString::fromUtf8(e.what());
        }
        QMetaObject::invokeMethod(this, [this, failure] {
            if (!failure.isEmpty()) emit error(failure);
            finishBackground();
        }, Qt::QueuedConnection);
    });
}

void RunController::finishBackground() {
    joinBackground();
    if (busy_) {
        busy_ = false;
        emit stopped();
    }
}

void RunController::joinBackground() {
    if (background_.joinable()) background_.join();
}

} // namespace ipclab::ui
