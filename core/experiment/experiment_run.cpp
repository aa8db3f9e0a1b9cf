#include "ipclab/experiment/experiment_run.h"

#include "ipclab/transport/shm_ring_transport.h"

#include "ipclab/base/clock.h"
#include "ipclab/base/error.h"
#include "ipclab/base/wake_signal.h"
#include "ipclab/sync/futex.h"
#include "ipclab/transport/message.h"
#include "ipclab/base/object_names.h"
#include "ipclab/experiment/worker_loop.h"

#include <unistd.h>

#include <chrono>
#include <thread>

namespace ipclab {


ExperimentRun::ExperimentRun(const ExperimentConfig& cfg) : cfg_(cfg) {
    cfg_.validate();
    if (cfg_.experiment == ExperimentKind::Sweep) throw ConfigError("sweep runs one stream per point; start it with runSweep()");
    // Ping-pong: each ring has one writer and one reader, so the lock-free mode is exact, and a
    // lock would only add its own cost (and system calls) to every round trip.
    if (cfg_.experiment == ExperimentKind::PingPong) {
        cfg_.sync = SyncMode::Atomic;
        cfg_.syncEnabled = true;
    }
    removeStaleObjects(); // leftovers of runs whose controller died (kill -9, crash)
    prefix_ = makeObjectPrefix();
    int n = cfg_.workerProcesses();
    tel_ = TelemetryBlock::create("/" + prefix_ + "-telemetry", n);
    tel_.header().experiment = static_cast<uint32_t>(cfg_.experiment);
    tel_.header().transport = static_cast<uint32_t>(cfg_.transport);
    ControlBlock& c = tel_.control();
    c.syncEnabled.store(cfg_.syncEnabled ? 1 : 0);
    c.primitive.store(static_cast<uint32_t>(cfg_.sync));
    c.rateMilli.store(static_cast<uint64_t>(cfg_.rate * 1000.0));
    c.waitPolicy.store(static_cast<uint32_t>(cfg_.waitPolicy));
    c.startNs.store(monotonicNs());
    std::size_t frame = kFrameHeaderSize + cfg_.messageSize;

    switch (cfg_.experiment) {
    case ExperimentKind::Stream: {
        // Byte streams: one stream per producer, each read by exactly one consumer.
        // Shared ring / message queue: one queue for everybody.
        bool perProducer = isByteStream(cfg_.transport);
        channels_ = createChannels(cfg_.transport, prefix_, perProducer ? cfg_.producers : 1, frame,
                                   perProducer || (cfg_.producers == 1 && cfg_.consumers == 1));
        for (int p = 0; p < cfg_.producers; ++p) {
            Endpoint out = channels_->writer(perProducer ? p : 0);
            spawn(WorkerRole::Producer, p, "producer", "", &out, {});
        }
        for (int k = 0; k < cfg_.consumers; ++k) {
            std::vector<Endpoint> in;
            if (perProducer)
                for (int p = k; p < cfg_.producers; p += cfg_.consumers) in.push_back(channels_->reader(p));
            else in.push_back(channels_->reader(0));
            spawn(WorkerRole::Consumer, k, "consumer", "", nullptr, in);
        }
        break;
    }
    case ExperimentKind::Race: {
        race_ = RaceSegment::create("/" + prefix_ + "-race");
        for (int i = 0; i < cfg_.workers; ++i) spawn(WorkerRole::RaceWorker, i, "race", race_->name(), nullptr, {});
        break;
    }
    case ExperimentKind::PingPong: {
        channels_ = createChannels(cfg_.transport, prefix_ + "-ping", 1, frame, true);
        backChannels_ = createChannels(cfg_.transport, prefix_ + "-pong", 1, frame, true);
        Endpoint pingOut = channels_->writer(0), pongOut = backChannels_->writer(0);
        spawn(WorkerRole::Pinger, 0, "pinger", "", &pingOut, {backChannels_->reader(0)});
        spawn(WorkerRole::Ponger, 0, "ponger", "", &pongOut, {channels_->reader(0)});
        break;
    }
    case ExperimentKind::Isolation: {
        isolation_ = IsolationSegment::create("/" + prefix_ + "-isolation");
        for (int i = 0; i < 2; ++i) spawn(WorkerRole::Isolation, i, "isolation", isolation_->name(), nullptr, {});
        break;
    }
    case ExperimentKind::Sweep: break;
    }
    if (channels_) channels_->closeParentEnds();
    if (backChannels_) backChannels_->closeParentEnds();
    startNs_ = monotonicNs();
    if (cfg_.cpuHogs > 0) setCpuHogs(cfg_.cpuHogs, cfg_.hogNice);
}

void ExperimentRun::setCpuHogs(int count, int nice) {
    count = std::clamp(count, 0, ExperimentConfig::kMaxCpuHogs);
    nice = std::clamp(nice, 0, 19);
    if (stopped_) count = 0;
    if (nice != hogNice_) hogs_.clear(); // (the handles kill and reap them)
    hogNice_ = nice;
    while (static_cast<int>(hogs_.size()) > count) hogs_.pop_back();
    // Hogs compete with the workers as equals (or lower, with `nice`): when the workers run in
    // the idle class (the window's choice), so do the hogs, else they would take every CPU.
    std::string level = cfg_.workerNice == ExperimentConfig::kNiceIdle ? std::string("idle")
                                                                        : std::to_string(std::max(nice, cfg_.workerNice));
    while (static_cast<int>(hogs_.size()) < count)
        hogs_.push_back(ChildProcess::spawn(workerExecutable(), {"--hog", "--nice", level, "--parent", std::to_string(::getpid())}));
    cfg_.cpuHogs = count;
    cfg_.hogNice = nice;
}

std::vector<pid_t> ExperimentRun::cpuHogs() const {
    std::vector<pid_t> out;
    for (const auto& h : hogs_)
        if (h.running()) out.push_back(h.pid());
    return out;
}

ExperimentRun::~ExperimentRun() {
    try {
        stop(1000);
    } catch (...) {
    }
    hogs_.clear();
    children_.clear(); // kills and reaps anything still alive, before the segments go away
}

void ExperimentRun::spawn(WorkerRole role, int roleIndex, const std::string& roleName, const std::string& data,
                          const Endpoint* out, const std::vector<Endpoint>& in) {
    int slot = static_cast<int>(children_.size());
    WorkerSlot& ws = tel_.worker(slot);
    ws.role.store(static_cast<uint32_t>(role));
    ws.index.store(static_cast<uint32_t>(roleIndex));
    WorkerArgs a;
    a.telemetry = tel_.name();
    a.slot = slot;
    a.roleIndex = roleIndex;
    a.role = roleName;
    a.parentPid = static_cast<int>(::getpid());
    a.data = data;
    std::vector<int> fds;
    auto specOf = [&](const Endpoint& e) {
        if (e.fd < 0) return e.spec;
        fds.push_back(e.fd);
        return "fd:" + std::to_string(2 + fds.size()); // inherited as 3, 4, ...
    };
    if (out) a.out = specOf(*out);
    for (const auto& e : in) a.in.push_back(specOf(e));
    a.configArgs = cfg_.toArgs();
    children_.push_back(ChildProcess::spawn(workerExecutable(), a.toArgs(), fds));
    WorkerInfo info;
    info.slot = slot;
    info.role = role;
    info.roleIndex = roleIndex;
    info.pid = children_.back().pid();
    ws.pid.store(static_cast<int32_t>(info.pid));
    info_.push_back(info);
}

void ExperimentRun::bump() {
    ControlBlock& c = tel_.control();
    c.generation.fetch_add(1, std::memory_order_acq_rel);
    futexWakeAll(c.generation); // paused workers sleep on it
    wakeWorkers();
}

void ExperimentRun::wakeWorkers() {
    // Ends a call blocked without a deadline (a message queue's), so the worker reads the
    // control block. A wake that lands just before the call is lost: stop() repeats it.
    for (auto& child : children_) child.signal(kWakeSignal);
}

void ExperimentRun::setSync(bool enabled, SyncMode primitive) {
    ControlBlock& c = tel_.control();
    if (primitive != SyncMode::None) c.primitive.store(static_cast<uint32_t>(primitive), std::memory_order_relaxed);
    c.syncEnabled.store(enabled && primitive != SyncMode::None ? 1 : 0, std::memory_order_relaxed);
    bump();
}

void ExperimentRun::setRate(double r) {
    if (!(r >= 0)) throw ConfigError("rate must not be negative");
    tel_.control().rateMilli.store(static_cast<uint64_t>(r * 1000.0), std::memory_order_relaxed);
    bump();
}

void ExperimentRun::setWaitPolicy(WaitPolicy w) {
    tel_.control().waitPolicy.store(static_cast<uint32_t>(w), std::memory_order_relaxed);
    cfg_.waitPolicy = w;
    bump(); // a sleeping waiter wakes and waits again the new way
}

void ExperimentRun::pause() {
    if (stopped_) return;
    tel_.control().command.store(static_cast<uint32_t>(RunCommand::Pause), std::memory_order_release);
    bump();
}

void ExperimentRun::resume() {
    if (stopped_) return;
    tel_.control().command.store(static_cast<uint32_t>(RunCommand::Run), std::memory_order_release);
    bump();
}

bool ExperimentRun::paused() const { return tel_.control().runCommand() == RunCommand::Pause; }

uint32_t ExperimentRun::generation() const { return tel_.control().generation.load(std::memory_order_acquire); }

bool ExperimentRun::allAcknowledged(uint32_t gen) const {
    for (const auto& w : info_) {
        if (w.exit.exited) continue;
        if (tel_.worker(w.slot).ackGeneration.load(std::memory_order_acquire) < gen) return false;
    }
    return true;
}

void ExperimentRun::stop(int graceMs) {
    hogs_.clear(); // first: the workers get the CPUs back to stop promptly
    if (!stopped_) {
        stopped_ = true;
        tel_.control().command.store(static_cast<uint32_t>(RunCommand::Stop), std::memory_order_release);
        bump();
    }
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(graceMs);
    while (!allExited() && std::chrono::steady_clock::now() < deadline) {
        reap();
        wakeWorkers();
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    reap();
    for (std::size_t i = 0; i < children_.size(); ++i) {
        if (!info_[i].exit.exited) {
            info_[i].lastState = stateOf(static_cast<int>(i));
            children_[i].killAndReap();
            info_[i].exit = children_[i].exitInfo();
            info_[i].killedAtStop = true;
        }
    }
}

std::vector<WorkerInfo> ExperimentRun::reap() {
    std::vector<WorkerInfo> gone;
    for (std::size_t i = 0; i < children_.size(); ++i) {
        if (info_[i].exit.exited) continue;
        if (children_[i].poll()) {
            info_[i].lastState = stateOf(static_cast<int>(i));
            info_[i].exit = children_[i].exitInfo();
            if (info_[i].exit.signaled)
                tel_.worker(static_cast<int>(i)).state.store(static_cast<uint32_t>(WorkerState::Exited));
            gone.push_back(info_[i]);
        }
    }
    return gone;
}

WorkerState ExperimentRun::stateOf(int slot) const {
    uint32_t st = tel_.worker(slot).state.load(std::memory_order_relaxed);
    return st <= kLastWorkerState ? static_cast<WorkerState>(st) : WorkerState::Running;
}

bool ExperimentRun::allExited() const {
    for (const auto& w : info_)
        if (!w.exit.exited) return false;
    return true;
}

bool ExperimentRun::killWorker(int slot, int sig) {
    if (slot < 0 || static_cast<std::size_t>(slot) >= children_.size()) return false;
    if (!children_[static_cast<std::size_t>(slot)].running()) return false;
    info_[static_cast<std::size_t>(slot)].killedByUs = true;
    children_[static_cast<std::size_t>(slot)].signal(sig);
    return true;
}

std::string ExperimentRun::dataObjectName() const {
    if (race_) return race_->name();
    return channels_ ? channels_->objectName(0) : std::string();
}

Snapshot ExperimentRun::sample() const {
    // Workers count an update only after their shared increment, so reading their counters
    // first and the shared counter second can under-report lost updates, never invent them.
    Snapshot s = Snapshot::take(tel_);
    if (race_) s.raceCounter = race_->area().counter.load(std::memory_order_acquire);
    // Who holds the lock comes from the lock's own word, read after the workers' states: only
    // that worker may be shown holding it (states lag; two "holders" must never be drawn).
    const SharedLocks* locks = nullptr;
    if (race_) locks = &race_->area().locks;
    else if (auto* rings = dynamic_cast<ShmRingChannels*>(channels_.get())) locks = &rings->ring(0).header().locks;
    if (locks) s.applyLockHolder(locks->holderPid.load(std::memory_order_acquire));
    return s;
}

std::optional<IsolationArea*> ExperimentRun::isolation() const {
    if (!isolation_) return std::nullopt;
    return &isolation_->area();
}

} // namespace ipclab
