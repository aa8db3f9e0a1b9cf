#include "ipclab/experiment/worker_loop.h"

#include "ipclab/base/clock.h"
#include "ipclab/base/error.h"
#include "ipclab/sync/futex.h"
#include "ipclab/experiment/isolation_area.h"
#include "ipclab/transport/fd_stream_transport.h"
#include "ipclab/transport/mqueue_transport.h"
#include "ipclab/transport/message.h"
#include "ipclab/experiment/race_area.h"
#include "ipclab/experiment/sequence_tracker.h"
#include "ipclab/transport/shm_ring_transport.h"
#include "ipclab/telemetry/telemetry.h"
#include "ipclab/transport/transport.h"

#include <sched.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <cstdlib>
#include <memory>
#include <random>
#include <type_traits>

namespace ipclab {
namespace {

int toInt(const std::string& flag, const std::string& v) {
    int i = 0;
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), i);
    if (ec != std::errc() || p != v.data() + v.size()) throw ConfigError(flag + ": bad number '" + v + "'");
    return i;
}

std::vector<std::string> splitComma(const std::string& s) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start < s.size()) {
        size_t c = s.find(',', start);
        out.push_back(s.substr(start, c == std::string::npos ? std::string::npos : c - start));
        if (c == std::string::npos) break;
        start = c + 1;
    }
    return out;
}

void setState(WorkerSlot& s, WorkerState st) { publishState(&s, st); }

// Slow enough to publish every message and log every state change exactly (the animation and
// the timeline follow each one).
bool slowMotion(double rate) { return rate > 0 && rate <= 50; }

// Reads the control block once per loop iteration (a relaxed load on a read-shared line) and
// acknowledges every change, so the controller can see that workers obeyed and how fast.
class ControlFollower {
public:
    ControlFollower(const ControlBlock& c, WorkerSlot& s) : c_(c), s_(s) { acknowledge(); }
    // True while nothing changed since the last look: the run goes on as it was (two loads).
    bool steady() const {
        return c_.generation.load(std::memory_order_acquire) == gen_ && c_.runCommand() == RunCommand::Run;
    }
    // Returns false when the run stops. Blocks (without spinning) while paused.
    bool keepGoing() {
        if (c_.generation.load(std::memory_order_acquire) != gen_) acknowledge();
        for (;;) {
            RunCommand cmd = c_.runCommand();
            if (cmd == RunCommand::Run) return true;
            if (cmd == RunCommand::Stop) return false;
            setState(s_, WorkerState::Paused);
            futexWait(const_cast<std::atomic<uint32_t>&>(c_.generation), gen_, 5'000'000);
            acknowledge();
            setState(s_, WorkerState::Running);
        }
    }
    SyncMode sync() const { return sync_; }
    double rate() const { return rate_; }

private:
    void acknowledge() {
        gen_ = c_.generation.load(std::memory_order_acquire);
        sync_ = c_.effectiveSync();
        rate_ = static_cast<double>(c_.rateMilli.load(std::memory_order_relaxed)) / 1000.0;
        s_.activeSync.store(static_cast<uint32_t>(sync_), std::memory_order_relaxed);
        s_.logStates.store(slowMotion(rate_) ? 1 : 0, std::memory_order_relaxed);
        s_.ackNs.store(monotonicNs(), std::memory_order_relaxed);
        s_.ackGeneration.store(gen_, std::memory_order_release);
    }
    const ControlBlock& c_;
    WorkerSlot& s_;
    uint32_t gen_ = 0;
    SyncMode sync_ = SyncMode::None;
    double rate_ = 0;
};

// Waits until `due` in slices of at most 5 ms so pause/stop/rate changes are seen promptly.
bool paceUntil(uint64_t due, ControlFollower& follow) {
    for (;;) {
        uint64_t now = monotonicNs();
        if (now >= due) return true;
        uint64_t slice = std::min<uint64_t>(due - now, 5'000'000);
        timespec ts{0, static_cast<long>(slice)};
        ::nanosleep(&ts, nullptr);
        if (!follow.keepGoing()) return false;
    }
}

// Rate limiting: waits for the next due time (false if the run stops meanwhile) and sets the
// one after it; a late start does not make up for lost time with a burst. Returns the period.
bool paceNext(uint64_t& nextDue, double rate, ControlFollower& follow, uint64_t* period = nullptr) {
    if (!paceUntil(nextDue, follow)) return false;
    uint64_t p = static_cast<uint64_t>(1e9 / rate), now = monotonicNs();
    nextDue = (nextDue + p < now) ? now + p : nextDue + p;
    if (period) *period = p;
    return true;
}

struct Ctx {
    const ExperimentConfig& cfg;
    const WorkerArgs& args;
    TelemetryBlock& tel;
    WorkerSlot& slot;
    // Where the counters go: the shared slot, or with telemetry off a private one, so the
    // worker does the same work (checks included) and only publishing is left out.
    WorkerSlot* tslot;
    bool publish; // sampled events for the animation
};

// Slow runs publish every message for the animation; fast runs one in 1024.
bool sampleEvent(uint64_t seq, double rate) { return slowMotion(rate) || (seq & 1023) == 0; }

IoContext io(Ctx& c, ControlBlock& control) {
    return {&control, c.tslot, c.cfg.workerProcesses() + c.cfg.coRunners};
}

// The producer's loop, compiled once per transport type: for the shared-memory ring (a final
// class) every call in it is direct and inlined, so a message costs no call frames (the stores
// they push would queue behind the slot's stores, see MessageBuilder::stamp).
template <typename T>
int produce(Ctx& c, ControlBlock& control, T* transport) {
    MessageBuilder builder(static_cast<uint32_t>(c.args.roleIndex), c.cfg.messageSize);
    ControlFollower follow(control, c.slot);
    uint64_t seq = 0;
    uint64_t nextDue = monotonicNs();
    // Messages are counted before the hand-over, so that at any instant (and after a kill -9)
    // the producers' count is at least what the consumers have received. On the ring at full
    // speed the count goes up kCountAhead at a time: one store per batch instead of two per
    // message (every store waits behind the slot's, see MessageBuilder::stamp); a system call per
    // message makes that saving nothing on the other media, which count exactly. `credit`:
    // counted, not yet sent; taken back whenever the run changes or ends, so paused and stopped
    // counts are exact.
    constexpr uint64_t kCountAhead = std::is_same_v<T, ShmRingTransport> ? 16 : 1;
    uint64_t credit = 0;
    auto returnCredit = [&] {
        c.tslot->messages.sub(credit);
        c.tslot->bytes.sub(credit * c.cfg.messageSize);
        credit = 0;
    };
    setState(c.slot, WorkerState::Running);
    for (;;) {
        // Before anything that may wait (pause, stop, a new rate), the reader sees all we sent.
        if (!follow.steady()) {
            returnCredit();
            transport->flush();
            if (!follow.keepGoing()) break;
        }
        if constexpr (std::is_same_v<T, ShmRingTransport>) {
            // Full speed on the one-writer ring: a batch at a time, as many as the ring publishes
            // together (16 small frames, one of 64 KiB), ending half-way between two full messages
            // (every fourth of them stamped), so a stamped message waits for as many others as the
            // median one.
            static const bool noBatch = std::getenv("IPCLAB_NO_BATCH") != nullptr; // (to compare)
            if (!noBatch && follow.rate() == 0 && follow.sync() != SyncMode::None && transport->inlineHandOver()) {
                returnCredit();
                const uint64_t b = transport->batchSize();
                uint64_t n = b - ((seq + b / 2) & (b - 1));
                uint64_t stampSeq = (seq + kFullCheckEvery - 1) & ~(kFullCheckEvery - 1);
                // The one message in kCallSampleEvery goes the clocked way below.
                const bool clockedCall = nextCallSample(seq) < seq + n;
                if (!clockedCall) {
                    uint64_t now = 0;
                    c.tslot->messages.add(n); // counted before the hand-over, as below
                    c.tslot->bytes.add(n * c.cfg.messageSize);
                    uint64_t sent = transport->sendBatch(builder, seq, n, stampSeq, now);
                    if (sent < n) {
                        c.tslot->messages.sub(n - sent);
                        c.tslot->bytes.sub((n - sent) * c.cfg.messageSize);
                    }
                    if (c.publish && stampSeq < seq + sent && sampleEvent(stampSeq, 0))
                        c.tel.publishEvent(static_cast<uint32_t>(c.args.slot), EventKind::Sent,
                                           static_cast<uint32_t>(c.args.roleIndex), stampSeq, now ? now : monotonicNs());
                    seq += sent;
                    if (sent == n) continue;
                    // The ring is full (or a lock came on): one message the general way, which waits.
                }
            }
        }
        if (double rate = follow.rate(); rate > 0 && !paceNext(nextDue, rate, follow)) break;
        // Every message is checked in full and time-stamped when a race can tear it (sync off)
        // or when the run is slow; otherwise 1 in kFullCheckEvery checked in full, 1 in
        // kStampEvery time-stamped (see message.h).
        const bool everyMessage = follow.sync() == SyncMode::None || follow.rate() > 0;
        bool full = fullCheckDue(seq, everyMessage);
        uint64_t now = full && stampDue(seq, everyMessage) ? monotonicNs() : 0;
        if (credit == 0) {
            credit = follow.rate() == 0 ? kCountAhead : 1;
            c.tslot->messages.add(credit);
            c.tslot->bytes.add(credit * c.cfg.messageSize);
        }
        // At full speed the next message follows at once (the medium may publish a few together).
        // One message in kCallSampleEvery: the send call clocked.
        bool clockCall = callSampleDue(seq) || follow.rate() > 0;
        uint64_t callStart = clockCall ? monotonicNs() : 0;
        IoStatus sent = transport->sendBuilt(builder, seq, now, full, follow.rate() == 0);
        if (clockCall && sent == IoStatus::Ok) {
            c.tslot->callNs.add(monotonicNs() - callStart);
            c.tslot->callSamples.add();
        }
        if (sent == IoStatus::Paused) {
            // The ring is full and the run paused: pause here too (the top of the loop hands the
            // count back, acknowledges and sleeps), then send this same message again.
            returnCredit();
            continue;
        }
        if (sent != IoStatus::Ok) break;
        --credit;
        if (full && c.publish && sampleEvent(seq, follow.rate()))
            c.tel.publishEvent(static_cast<uint32_t>(c.args.slot), EventKind::Sent, static_cast<uint32_t>(c.args.roleIndex),
                               seq, now ? now : monotonicNs());
        ++seq;
    }
    returnCredit();
    transport->flush();
    c.slot.finalMessages.add(seq);
    return 0;
}

int runProducer(Ctx& c) {
    ControlBlock& control = c.tel.control();
    auto transport = openWriter(c.cfg.transport, c.args.out, kFrameHeaderSize + c.cfg.messageSize, io(c, control));
    if (auto* ring = dynamic_cast<ShmRingTransport*>(transport.get())) return produce(c, control, ring);
    if (auto* stream = dynamic_cast<FdStreamTransport*>(transport.get())) return produce(c, control, stream);
    if (auto* queue = dynamic_cast<MqueueTransport*>(transport.get())) return produce(c, control, queue);
    return produce(c, control, transport.get());
}

// The consumer's loop, compiled once per transport type (direct, inlined calls for the ring).
template <typename T>
int consume(Ctx& c, ControlBlock& control, T* transport) {
    AlignedBuffer frameBuf(kFrameHeaderSize + c.cfg.messageSize);
    std::span<std::byte> frame = frameBuf.span();
    // With one shared queue (shm ring, mqueue) and several consumers, each sees only part of a
    // producer's sequence; otherwise this consumer sees all of its producers' messages.
    bool sole = c.cfg.consumers == 1 || isByteStream(c.cfg.transport);
    SequenceTracker tracker(static_cast<uint32_t>(c.cfg.producers), sole);
    ControlFollower follow(control, c.slot);
    uint64_t received = 0;
    // A frame's header and (full frames) every payload byte; a frame that fails is counted here.
    auto verified = [&](std::span<const std::byte> f, MessageHeader& h) __attribute__((always_inline)) {
        if (verifyFrame(f, c.cfg.messageSize, static_cast<uint32_t>(c.cfg.producers), h) == Verdict::Ok) return true;
        c.tslot->corrupted.add();
        if (c.publish) c.tel.publishEvent(static_cast<uint32_t>(c.args.slot), EventKind::Collision, 0, 0, monotonicNs());
        return false;
    };
    // A verified frame's sequence verdict and latency counted, its event published when due.
    auto account = [&](const MessageHeader& h, SequenceVerdict v) __attribute__((always_inline)) {
        // The clock is read only for stamped (full) frames: two clock reads per message would
        // cost more than a shared-memory hand-over.
        uint64_t now = h.sendNs ? monotonicNs() : 0;
        if (v.newlyLost) c.tslot->lost.add(v.newlyLost);
        if (v.duplicate) c.tslot->duplicated.add();
        if (v.lateArrival) {
            c.tslot->outOfOrder.add();
            // A provisional gap closed: the message was late, not lost.
            if (sole && c.tslot->lost.get() > 0) c.tslot->lost.sub();
        }
        if (h.sendNs && now >= h.sendNs) {
            uint64_t lat = now - h.sendNs;
            c.tslot->latencyHist[static_cast<std::size_t>(histBucket(lat))].add();
            c.tslot->latencyCount.add();
            c.tslot->latencySumNs.add(lat);
        }
        if (c.publish && (v.duplicate || (h.sendNs && sampleEvent(h.seq, follow.rate()))))
            c.tel.publishEvent(static_cast<uint32_t>(c.args.slot), v.duplicate ? EventKind::Collision : EventKind::Received,
                               h.producer, h.seq, now ? now : monotonicNs());
    };
    // Every frame, however it came: checked (header and sequence of all, every byte of the
    // full ones), sequenced, timed.
    auto check = [&](std::span<const std::byte> f) __attribute__((always_inline)) {
        MessageHeader h;
        if (verified(f, h)) account(h, tracker.observe(h.producer, h.seq));
    };
    // A run from the one-writer ring (one producer, this its sole reader): the same checks, the
    // sampled frames in order by countInOrderSampled (see message.h) with the producer's next
    // number kept in a register (see SequenceTracker::expected); each frame it stops at (a full
    // one, or one that is not in order or not right) goes through check().
    auto checkRun = [&](const std::byte* run, std::size_t k, std::size_t each) __attribute__((always_inline)) {
        const uint32_t payload = c.cfg.messageSize;
        uint64_t expect = tracker.expected(0);
        for (std::size_t i = 0; i < k; ++i) {
            i += countInOrderSampled(run + i * each, k - i, each, payload, expect);
            if (i == k) break;
            tracker.inOrderUpTo(0, expect);
            check({run + i * each, each});
            expect = tracker.expected(0);
        }
        tracker.inOrderUpTo(0, expect);
    };
    // The one-reader ring at full speed takes a run of frames at once (see ShmRing::takeRun).
    const std::size_t frameBytes = frame.size();
    std::size_t runMax = 1;
    if constexpr (std::is_same_v<T, ShmRingTransport>) runMax = transport->runSize(frameBytes);
    AlignedBuffer runBuf(runMax > 1 ? runMax * frameBytes : 0);
    std::vector<std::size_t> runLengths(runMax);
    setState(c.slot, WorkerState::Running);
    for (;;) {
        bool stopping = !follow.keepGoing();
        if constexpr (std::is_same_v<T, ShmRingTransport>) {
            if (runMax > 1 && !stopping && follow.rate() == 0 && transport->inlineHandOver()) {
                // up to the one receive in kCallSampleEvery that is clocked
                const std::size_t n = static_cast<std::size_t>(std::min<uint64_t>(runMax, nextCallSample(received) - received));
                if (std::size_t k = n ? transport->receiveRun(runBuf.data(), frameBytes, n, runLengths.data()) : 0) {
                    received += k;
                    c.tslot->messages.add(k);
                    c.tslot->bytes.add(k * c.cfg.messageSize);
                    if (c.cfg.producers == 1 && sole)
                        checkRun(runBuf.data(), k, frameBytes);
                    else
                        for (std::size_t i = 0; i < k; ++i) check({runBuf.data() + i * frameBytes, frameBytes});
                    continue;
                }
            }
        }
        bool clockCall = callSampleDue(received) || follow.rate() > 0;
        uint64_t callStart = clockCall ? monotonicNs() : 0;
        IoStatus st = transport->receive(frame, 50'000'000);
        if (st == IoStatus::Closed) break;
        if (st == IoStatus::Timeout) {
            if (stopping) break; // stopped and drained
            continue;
        }
        if (clockCall) {
            c.tslot->callNs.add(monotonicNs() - callStart);
            c.tslot->callSamples.add();
        }
        ++received;
        c.tslot->messages.add();
        c.tslot->bytes.add(c.cfg.messageSize);
        check(frame);
    }
    c.slot.finalMessages.add(received);
    return 0;
}

int runConsumer(Ctx& c) {
    ControlBlock& control = c.tel.control();
    auto transport = openReader(c.cfg.transport, c.args.in, kFrameHeaderSize + c.cfg.messageSize, io(c, control));
    if (auto* ring = dynamic_cast<ShmRingTransport*>(transport.get())) return consume(c, control, ring);
    if (auto* stream = dynamic_cast<FdStreamTransport*>(transport.get())) return consume(c, control, stream);
    if (auto* queue = dynamic_cast<MqueueTransport*>(transport.get())) return consume(c, control, queue);
    return consume(c, control, transport.get());
}

int runRace(Ctx& c) {
    ControlBlock& control = c.tel.control();
    RaceSegment seg = RaceSegment::attach(c.args.data);
    RaceArea& area = seg.area();
    SwitchableLock lock(area.locks, control, c.tslot);
    ControlFollower follow(control, c.slot);
    std::minstd_rand rng(static_cast<unsigned>(::getpid()));
    uint64_t updates = 0;
    uint64_t nextDue = monotonicNs();
    setState(c.slot, WorkerState::Running);
    while (follow.keepGoing()) {
        SyncMode mode = follow.sync();
        bool ownerDied = false;
        if (double rate = follow.rate(); rate > 0) {
            // Slow motion: one update at a time, with a pause between reading the counter and
            // writing it back, and both published, so a class can watch an update get lost.
            uint64_t period = 0;
            if (!paceNext(nextDue, rate, follow, &period)) break;
            if (!lock.acquire(mode, ownerDied)) break;
            if (ownerDied) control.mutexRecoveries.fetch_add(1);
            uint32_t me = static_cast<uint32_t>(c.args.slot), who = static_cast<uint32_t>(c.args.roleIndex);
            uint64_t seen;
            if (mode == SyncMode::Atomic) {
                seen = area.counter.fetch_add(1, std::memory_order_relaxed); // indivisible: no window
                if (c.publish) c.tel.publishEvent(me, EventKind::RaceRead, who, seen, monotonicNs());
            } else {
                if (mode == SyncMode::None) setState(c.slot, WorkerState::UnlockedSection);
                seen = area.counter.load(std::memory_order_relaxed);
                if (c.publish) c.tel.publishEvent(me, EventKind::RaceRead, who, seen, monotonicNs());
                // The window: half a period between the read and the write (another worker that
                // reads now sees the same value). Stop and pause are still obeyed in it.
                bool going = paceUntil(monotonicNs() + period / 2, follow);
                area.counter.store(seen + 1, std::memory_order_relaxed);
                if (mode == SyncMode::None) setState(c.slot, WorkerState::Running);
                if (!going) {
                    lock.release();
                    break;
                }
            }
            if (c.publish) c.tel.publishEvent(me, EventKind::RaceWrite, who, seen + 1, monotonicNs());
            lock.release();
            ++updates;
            c.tslot->updates.add();
            c.tslot->messages.add();
            continue;
        }
        if (!lock.acquire(mode, ownerDied)) break;
        if (ownerDied) control.mutexRecoveries.fetch_add(1);
        // With no lock the worker is still inside the critical section, and so may another be.
        if (mode == SyncMode::None) setState(c.slot, WorkerState::UnlockedSection);

        // 1. The counter: read-modify-write. Only fetch_add (atomic) or a lock makes it safe.
        if (mode == SyncMode::Atomic) area.counter.fetch_add(1, std::memory_order_relaxed);
        else area.counter.store(area.counter.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);

        // 2. A transfer between two accounts: the record is consistent only if both halves move together.
        int32_t amount = static_cast<int32_t>(rng() % 100) + 1;
        if (rng() & 1) amount = -amount;
        if (mode == SyncMode::Atomic) {
            uint64_t w = area.accounts.load(std::memory_order_relaxed);
            while (!area.accounts.compare_exchange_weak(
                w, packAccounts(accountA(w) - amount, accountB(w) + amount), std::memory_order_acq_rel)) {}
        } else {
            uint64_t w = area.accounts.load(std::memory_order_relaxed);
            area.accounts.store(packAccounts(accountA(w) - amount, accountB(w)), std::memory_order_relaxed);
            w = area.accounts.load(std::memory_order_relaxed);
            area.accounts.store(packAccounts(accountA(w), accountB(w) + amount), std::memory_order_relaxed);
        }

        // 3. An audit: does the record add up? If not, count it and put the books straight.
        uint64_t w = area.accounts.load(std::memory_order_acquire);
        if (int64_t{accountA(w)} + accountB(w) != kAccountTotal) {
            c.tslot->inconsistent.add();
            uint64_t fixed = packAccounts(accountA(w), static_cast<int32_t>(kAccountTotal - accountA(w)));
            if (mode == SyncMode::Atomic) area.accounts.compare_exchange_strong(w, fixed);
            else area.accounts.store(fixed, std::memory_order_relaxed);
        }
        if (c.cfg.holdUs) {
            uint64_t until = monotonicNs() + uint64_t{c.cfg.holdUs} * 1000;
            while (monotonicNs() < until) {}
        }
        if (mode == SyncMode::None) setState(c.slot, WorkerState::Running);
        lock.release();
        ++updates;
        c.tslot->updates.add(); // after the shared increment: a sample never over-reports lost updates
        c.tslot->messages.add();
    }
    c.slot.finalMessages.add(updates);
    return 0;
}

int runPinger(Ctx& c) {
    ControlBlock& control = c.tel.control();
    std::size_t frameSize = kFrameHeaderSize + c.cfg.messageSize;
    auto out = openWriter(c.cfg.transport, c.args.out, frameSize, io(c, control));
    auto in = openReader(c.cfg.transport, c.args.in, frameSize, io(c, control));
    MessageBuilder builder(0, c.cfg.messageSize);
    std::vector<std::byte> echo(frameSize);
    ControlFollower follow(control, c.slot);
    uint64_t seq = 0;
    setState(c.slot, WorkerState::Running);
    while (follow.keepGoing()) {
        uint64_t t0 = monotonicNs();
        if (out->send(builder.build(seq, t0)) != IoStatus::Ok) break;
        IoStatus st;
        while ((st = in->receive(echo, 50'000'000)) == IoStatus::Timeout)
            if (control.runCommand() == RunCommand::Stop) break;
        if (st != IoStatus::Ok) break;
        uint64_t rtt = monotonicNs() - t0;
        ++seq;
        MessageHeader h;
        if (verifyFrame(echo, c.cfg.messageSize, 1, h) != Verdict::Ok || h.seq != seq - 1) c.tslot->corrupted.add();
        c.tslot->messages.add();
        c.tslot->bytes.add(c.cfg.messageSize);
        c.tslot->latencyHist[static_cast<std::size_t>(histBucket(rtt))].add();
        c.tslot->latencyCount.add();
        c.tslot->latencySumNs.add(rtt);
        if (c.publish && sampleEvent(seq, follow.rate())) c.tel.publishEvent(static_cast<uint32_t>(c.args.slot), EventKind::Received, 0, seq, t0);
    }
    c.slot.finalMessages.add(seq);
    return 0;
}

int runPonger(Ctx& c) {
    ControlBlock& control = c.tel.control();
    std::size_t frameSize = kFrameHeaderSize + c.cfg.messageSize;
    auto in = openReader(c.cfg.transport, c.args.in, frameSize, io(c, control));
    auto out = openWriter(c.cfg.transport, c.args.out, frameSize, io(c, control));
    std::vector<std::byte> buf(frameSize);
    ControlFollower follow(control, c.slot);
    uint64_t n = 0;
    setState(c.slot, WorkerState::Running);
    for (;;) {
        bool stopping = !follow.keepGoing();
        IoStatus st = in->receive(buf, 50'000'000);
        if (st == IoStatus::Closed) break;
        if (st == IoStatus::Timeout) {
            if (stopping) break;
            continue;
        }
        if (out->send(buf) != IoStatus::Ok) break;
        ++n;
        c.tslot->messages.add();
        c.tslot->bytes.add(c.cfg.messageSize);
    }
    c.slot.finalMessages.add(n);
    return 0;
}

} // namespace

std::vector<std::string> WorkerArgs::toArgs() const {
    std::vector<std::string> a{"--telemetry", telemetry, "--slot", std::to_string(slot), "--role-index",
                               std::to_string(roleIndex), "--role", role, "--parent", std::to_string(parentPid)};
    if (!data.empty()) a.insert(a.end(), {"--data", data});
    if (!out.empty()) a.insert(a.end(), {"--out", out});
    if (!in.empty()) {
        std::string s;
        for (const auto& i : in) s += (s.empty() ? "" : ",") + i;
        a.insert(a.end(), {"--in", s});
    }
    a.push_back("--");
    a.insert(a.end(), configArgs.begin(), configArgs.end());
    return a;
}

WorkerArgs parseWorkerArgs(const std::vector<std::string>& args) {
    WorkerArgs w;
    size_t i = 0;
    for (; i < args.size(); ++i) {
        const std::string& f = args[i];
        if (f == "--") {
            ++i;
            break;
        }
        if (i + 1 >= args.size()) throw ConfigError(f + " needs a value");
        const std::string& v = args[++i];
        if (f == "--telemetry") w.telemetry = v;
        else if (f == "--slot") w.slot = toInt(f, v);
        else if (f == "--role-index") w.roleIndex = toInt(f, v);
        else if (f == "--role") w.role = v;
        else if (f == "--parent") w.parentPid = toInt(f, v);
        else if (f == "--data") w.data = v;
        else if (f == "--out") w.out = v;
        else if (f == "--in") w.in = splitComma(v);
        else throw ConfigError("unknown worker option '" + f + "'");
    }
    w.configArgs.assign(args.begin() + static_cast<std::ptrdiff_t>(std::min(i, args.size())), args.end());
    if (w.telemetry.empty() || w.role.empty()) throw ConfigError("worker needs --telemetry and --role");
    return w;
}

namespace {
// Lowers our priority to `nice` (never raises it), or with kNiceIdle moves us into the idle
// scheduling class: what the workers and the CPU hogs both do.
void lowerPriority(int nice) {
    if (nice <= 0) return;
    errno = 0;
    int now = ::getpriority(PRIO_PROCESS, 0);
    if (errno == 0 && now < std::min(nice, 19)) ::setpriority(PRIO_PROCESS, 0, std::min(nice, 19));
    // Lowering our own scheduling class needs no privilege.
    sched_param none{};
    if (nice == ExperimentConfig::kNiceIdle) ::sched_setscheduler(0, SCHED_IDLE, &none);
}
} // namespace

int runWorker(const WorkerArgs& args) {
    ExperimentConfig cfg = ExperimentConfig::fromArgs(args.configArgs);
    // Lower our priority when asked (never raise it): next to a GUI on two cores, eight busy
    // workers at equal priority would delay its frames by whole scheduler slices.
    lowerPriority(cfg.workerNice);
    TelemetryBlock tel = TelemetryBlock::attach(args.telemetry);
    WorkerSlot& slot = tel.worker(args.slot);
    slot.pid.store(static_cast<int32_t>(::getpid()), std::memory_order_relaxed);
    auto privateSlot = std::make_unique<WorkerSlot>();
    Ctx c{cfg, args, tel, slot, cfg.telemetry ? &slot : privateSlot.get(), cfg.telemetry};
    int rc = 0;
    if (args.role == "producer") rc = runProducer(c);
    else if (args.role == "consumer") rc = runConsumer(c);
    else if (args.role == "race") rc = runRace(c);
    else if (args.role == "pinger") rc = runPinger(c);
    else if (args.role == "ponger") rc = runPonger(c);
    else if (args.role == "isolation") rc = runIsolationWorker(args.data, args.roleIndex);
    else throw ConfigError("unknown role '" + args.role + "'");
    setState(slot, WorkerState::Exited);
    return rc;
}

namespace {
// SIGSEGV/SIGBUS: say what happened and leave with a status the controller explains. Only
// async-signal-safe calls here.
void onFault(int sig, siginfo_t* info, void*) {
    char msg[160] = "ipclab-worker: invalid memory access (signal ";
    std::size_t n = std::strlen(msg);
    msg[n++] = static_cast<char>('0' + sig / 10);
    msg[n++] = static_cast<char>('0' + sig % 10);
    const char* mid = ") at 0x";
    for (const char* p = mid; *p; ++p) msg[n++] = *p;
    auto addr = reinterpret_cast<uintptr_t>(info ? info->si_addr : nullptr);
    for (int shift = 60; shift >= 0; shift -= 4) msg[n++] = "0123456789abcdef"[(addr >> shift) & 15];
    const char* tail = ": shared memory overwritten by another process?\n";
    for (const char* p = tail; *p && n < sizeof msg - 1; ++p) msg[n++] = *p;
    [[maybe_unused]] ssize_t w = ::write(STDERR_FILENO, msg, n);
    ::_exit(kWorkerExitCrashed);
}

void reportFaults() {
    static char altStack[64 * 1024];
    stack_t ss{};
    ss.ss_sp = altStack;
    ss.ss_size = sizeof altStack;
    ::sigaltstack(&ss, nullptr);
    struct sigaction sa{};
    sa.sa_sigaction = onFault;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    ::sigaction(SIGSEGV, &sa, nullptr);
    ::sigaction(SIGBUS, &sa, nullptr);
}
} // namespace

// A CPU hog: burns CPU and nothing else, so that a lecturer can take CPUs away from the workers
// (preempted inside a critical section, a lock holder descheduled while others spin). It has no
// telemetry and no stop command: the run kills it, and it dies with its parent.
namespace {
[[noreturn]] void runHog(int nice) {
    lowerPriority(nice);
    volatile uint64_t x = 0;
    for (;;) x = x + 1;
}
} // namespace

int workerMain(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    try {
        if (!args.empty() && args[0] == "--hog") { // --hog --nice N --parent PID
            int nice = 0, parent = 0;
            for (std::size_t i = 1; i + 1 < args.size(); i += 2) {
                if (args[i] == "--nice") nice = args[i + 1] == "idle" ? ExperimentConfig::kNiceIdle : toInt(args[i], args[i + 1]);
                else if (args[i] == "--parent") parent = toInt(args[i], args[i + 1]);
                else throw ConfigError("unknown hog option '" + args[i] + "'");
            }
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            if (parent > 0 && ::getppid() != parent) return 3;
            runHog(nice);
        }
        WorkerArgs w = parseWorkerArgs(args);
        // Die with the controller: the kernel sends SIGKILL when our parent exits. The getppid
        // check closes the window where the parent died before prctl took effect.
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (w.parentPid > 0 && ::getppid() != w.parentPid) return 3;
        ::signal(SIGPIPE, SIG_IGN); // a vanished reader shows up as EPIPE, handled as Closed
        reportFaults();
        return runWorker(w);
    } catch (const CorruptSegment& e) {
        // Shared memory that no longer holds what it should: leave with a reason the controller
        // reports, rather than act on garbage (or let glibc abort on it).
        std::fprintf(stderr, "ipclab-worker: corrupted shared memory: %s\n", e.what());
        return kWorkerExitCorrupt;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "ipclab-worker: %s\n", e.what());
        return 2;
    }
}

} // namespace ipclab
