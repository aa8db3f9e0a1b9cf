// Switching synchronization while workers run: the control block changes at once, every worker
// acknowledges the new generation, and their behaviour changes (lost updates start or stop).
#include "ipclab/base/clock.h"
#include "ipclab/transport/shm_ring.h"
#include "test_support.h"

#include <gtest/gtest.h>

using namespace ipclab;

namespace {
// Exact lost updates: pause the run, wait until every worker acknowledged (each has finished its
// current update), then sample. A sample of a running race can be skewed by the time between
// reading the workers' counts and the shared counter; a paused one cannot.
uint64_t quiescentLost(ExperimentRun& run) {
    run.pause();
    uint32_t gen = run.generation();
    EXPECT_TRUE(test::waitFor([&] { return run.allAcknowledged(gen); }, 2000));
    uint64_t lost = run.sample().lostUpdates();
    run.resume();
    return lost;
}

// Lost updates accumulated over `ms` milliseconds of running.
uint64_t lostDuring(ExperimentRun& run, int ms) {
    uint64_t a = quiescentLost(run);
    std::this_thread::sleep_for(std::chrono::milliseconds(ms));
    uint64_t b = quiescentLost(run);
    EXPECT_GE(b, a);
    return b - std::min(a, b);
}

// Waits until every worker acknowledged the current generation; returns the latest ack delay.
double ackDelayMs(ExperimentRun& run, uint64_t changedNs) {
    uint32_t gen = run.generation();
    EXPECT_TRUE(test::waitFor([&] { return run.allAcknowledged(gen); }, 2000)) << "workers did not acknowledge";
    uint64_t latest = 0;
    for (const auto& w : run.sample().workers) latest = std::max(latest, w.ackNs);
    return latest > changedNs ? static_cast<double>(latest - changedNs) / 1e6 : 0.0;
}
} // namespace

TEST(LiveSync, SwitchingOnStopsLostUpdatesAndOffBringsThemBack) {
    auto cfg = test::raceConfig(SyncMode::Mutex, false, 3, 0);
    ExperimentRun run(cfg);
    ASSERT_TRUE(test::waitFor([&] { return run.sample().sum(&WorkerCounters::updates) > 10000; }, 5000));

    // Off: races happen (bounded retries, scheduling varies).
    uint64_t lostOff = 0;
    for (int i = 0; i < 20 && lostOff == 0; ++i) lostOff += lostDuring(run, 100);
    EXPECT_GT(lostOff, 0u);

    // On: after every worker acknowledged, not a single update is lost any more.
    uint64_t t0 = monotonicNs();
    run.setSync(true, SyncMode::Mutex);
    double delay = ackDelayMs(run, t0);
    RecordProperty("ack_delay_ms", std::to_string(delay));
    EXPECT_LT(delay, 1000.0); // the 10 ms target is measured by `ipclab-cli bench`, not asserted here
    uint64_t updatesBefore = run.sample().sum(&WorkerCounters::updates);
    EXPECT_EQ(lostDuring(run, 300), 0u);
    EXPECT_GT(run.sample().sum(&WorkerCounters::updates), updatesBefore) << "workers stopped working";
    for (const auto& w : run.sample().workers) EXPECT_EQ(w.activeSync, SyncMode::Mutex);

    // Changing the primitive live works the same way.
    run.setSync(true, SyncMode::Spinlock);
    ackDelayMs(run, monotonicNs());
    EXPECT_EQ(lostDuring(run, 200), 0u);
    for (const auto& w : run.sample().workers) EXPECT_EQ(w.activeSync, SyncMode::Spinlock);

    // Off again: races come back.
    run.setSync(false, SyncMode::Spinlock);
    ackDelayMs(run, monotonicNs());
    uint64_t lostAgain = 0;
    for (int i = 0; i < 20 && lostAgain == 0; ++i) lostAgain += lostDuring(run, 100);
    EXPECT_GT(lostAgain, 0u);
    run.stop();
}

TEST(LiveSync, PauseHaltsWorkAndResumeContinues) {
    auto cfg = test::streamConfig(TransportKind::Pipe, 64, 0);
    ExperimentRun run(cfg);
    ASSERT_TRUE(test::waitFor([&] { return run.sample().sum(&WorkerCounters::messages) > 1000; }, 5000));
    run.pause();
    // A paused consumer stops reading, so its producer may end up blocked in write() on a full
    // pipe (in the kernel, where the process table shows it) rather than acknowledging: what
    // counts is that nothing moves any more.
    uint64_t a = 0;
    ASSERT_TRUE(test::waitFor([&] {
        uint64_t x = run.sample().sum(&WorkerCounters::messages);
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        a = run.sample().sum(&WorkerCounters::messages);
        return a == x;
    }, 3000));
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    EXPECT_EQ(run.sample().sum(&WorkerCounters::messages), a);
    run.resume();
    EXPECT_TRUE(test::waitFor([&] { return run.sample().sum(&WorkerCounters::messages) > a + 100; }, 3000));
    run.stop();
    EXPECT_TRUE(run.allExited());
}

// At full speed the one-writer ring shows its reader a batch of messages at a time, and the
// producer counts a batch ahead. Paused, both must be exact: the ring's published write index is
// every message the producer counted (nothing hidden in a batch, no count for a message never
// written), and its read index every message the consumer counted.
TEST(LiveSync, PausedSharedMemoryStreamShowsExactlyWhatWasSent) {
    auto cfg = test::streamConfig(TransportKind::SharedMemory, 64, 0);
    ExperimentRun run(cfg);
    ShmRing ring = ShmRing::attach("/" + run.prefix() + "-ring0");
    ASSERT_TRUE(test::waitFor([&] { return run.sample().sum(&WorkerCounters::messages) > 100000; }, 5000));
    int producer = roleBit(WorkerRole::Producer), consumer = roleBit(WorkerRole::Consumer);
    int checked = 0;
    for (int round = 0; round < 3; ++round) {
        run.pause();
        uint32_t gen = run.generation();
        // (A producer blocked on a full ring acknowledges only when there is room: skip that round.)
        if (test::waitFor([&] { return run.allAcknowledged(gen); }, 2000)) {
            auto snap = run.sample();
            EXPECT_EQ(snap.sum(&WorkerCounters::messages, producer), ring.header().head.load());
            EXPECT_EQ(snap.sum(&WorkerCounters::messages, consumer), ring.header().tail.load());
            ++checked;
        }
        run.resume();
        uint64_t before = run.sample().sum(&WorkerCounters::messages, producer);
        ASSERT_TRUE(test::waitFor([&] { return run.sample().sum(&WorkerCounters::messages, producer) > before + 1000; }, 3000));
    }
    EXPECT_GT(checked, 0);
    run.stop();
    auto s = run.sample();
    EXPECT_EQ(s.sum(&WorkerCounters::messages, producer), s.sum(&WorkerCounters::messages, consumer));
    EXPECT_TRUE(run.allExited());
}

TEST(LiveSync, RateChangeSlowsProducers) {
    auto cfg = test::streamConfig(TransportKind::SharedMemory, 64, 0);
    ExperimentRun run(cfg);
    ASSERT_TRUE(test::waitFor([&] { return run.sample().sum(&WorkerCounters::messages) > 1000; }, 5000));
    run.setRate(5);
    uint32_t gen = run.generation();
    ASSERT_TRUE(test::waitFor([&] { return run.allAcknowledged(gen); }, 2000));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    int producer = roleBit(WorkerRole::Producer);
    uint64_t a = run.sample().sum(&WorkerCounters::messages, producer);
    std::this_thread::sleep_for(std::chrono::milliseconds(1000));
    uint64_t sent = run.sample().sum(&WorkerCounters::messages, producer) - a;
    EXPECT_LE(sent, 10u);
    EXPECT_GE(sent, 2u);
    run.stop();
}

// A message queue's workers call mq_send/mq_receive without a deadline (a deadline costs a kernel
// timer on every sleep); the controller wakes them with a signal. A consumer blocked on an empty
// queue must still obey a pause at once and leave by itself at a stop, having taken every
// message sent.
TEST(LiveSync, MessageQueueWorkersBlockedWithoutDeadlineObeyPauseAndStop) {
    auto cfg = test::streamConfig(TransportKind::MessageQueue, 64, 0);
    cfg.rate = 0.2; // one message every 5 s: the consumer spends the run blocked in mq_receive
    ExperimentRun run(cfg);
    int consumer = roleBit(WorkerRole::Consumer);
    ASSERT_TRUE(test::waitFor([&] { return run.sample().sum(&WorkerCounters::messages, consumer) >= 1; }, 5000));
    std::this_thread::sleep_for(std::chrono::milliseconds(100)); // back in mq_receive
    run.pause();
    uint32_t gen = run.generation();
    EXPECT_TRUE(test::waitFor([&] { return run.allAcknowledged(gen); }, 1500)) << "a blocked worker missed the pause";
    run.resume();
    gen = run.generation();
    EXPECT_TRUE(test::waitFor([&] { return run.allAcknowledged(gen); }, 1500)) << "a blocked worker missed the resume";
    auto t0 = std::chrono::steady_clock::now();
    run.stop(3000);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
    EXPECT_LT(ms, 1000) << "stop waited for a blocked worker";
    for (const auto& w : run.workers()) {
        EXPECT_FALSE(w.killedAtStop) << w.pid;
        EXPECT_EQ(w.exit.code, 0) << w.pid;
        EXPECT_FALSE(w.exit.signaled) << w.pid;
    }
}

// At full speed a stop wakes both ends; the consumer drains what the producer sent last.
TEST(LiveSync, StoppedMessageQueueStreamDeliversEverythingSent) {
    for (int round = 0; round < 3; ++round) {
        auto cfg = test::streamConfig(TransportKind::MessageQueue, 64, 0);
        ExperimentRun run(cfg);
        ASSERT_TRUE(test::waitFor([&] { return run.sample().sum(&WorkerCounters::messages) > 10000; }, 5000));
        run.stop(3000);
        auto s = run.sample();
        EXPECT_EQ(s.sum(&WorkerCounters::finalMessages, roleBit(WorkerRole::Producer)),
                  s.sum(&WorkerCounters::finalMessages, roleBit(WorkerRole::Consumer)));
        for (const auto& w : run.workers()) EXPECT_FALSE(w.killedAtStop) << w.pid;
    }
}
