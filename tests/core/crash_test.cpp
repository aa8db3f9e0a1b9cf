// kill -9 of a worker while it holds the process-shared robust mutex: the next locker gets
// EOWNERDEAD, makes the mutex consistent and goes on; the controller reports the death.
#include "test_support.h"

#include <gtest/gtest.h>
#include <csignal>

using namespace ipclab;

TEST(Crash, KillingTheMutexHolderIsRecoveredAndReported) {
    auto cfg = test::raceConfig(SyncMode::Mutex, true, 3, 0);
    cfg.holdUs = 20000; // 20 ms inside the critical section: easy to catch a holder
    ExperimentRun run(cfg);

    int victim = -1;
    ASSERT_TRUE(test::waitFor([&] {
        for (const auto& w : run.sample().workers)
            if (w.state == WorkerState::HoldingLock) { victim = w.index; return true; }
        return false;
    }, 5000)) << "no worker was ever seen holding the lock";
    ASSERT_TRUE(run.killWorker(victim, SIGKILL));

    // The survivors recover the mutex and keep updating.
    EXPECT_TRUE(test::waitFor([&] { return run.sample().mutexRecoveries >= 1; }, 5000));
    uint64_t before = run.sample().sum(&WorkerCounters::updates);
    EXPECT_TRUE(test::waitFor([&] { return run.sample().sum(&WorkerCounters::updates) > before + 5; }, 5000))
        << "the other workers did not continue";

    // The controller reaped it and knows how it died.
    std::vector<WorkerInfo> died;
    ASSERT_TRUE(test::waitFor([&] {
        for (auto& w : run.reap()) died.push_back(w);
        return !died.empty();
    }, 3000));
    ASSERT_EQ(died.size(), 1u);
    EXPECT_EQ(died[0].slot, victim);
    EXPECT_TRUE(died[0].exit.signaled);
    EXPECT_EQ(died[0].exit.signal, SIGKILL);
    EXPECT_TRUE(died[0].killedByUs);
    EXPECT_NE(died[0].exit.describe().find("signal"), std::string::npos) << died[0].exit.describe();
    EXPECT_FALSE(run.allExited());

    // A consistent count: the survivors' increments all reached the counter (the victim's
    // interrupted update may or may not have), so nothing beyond one update is missing.
    run.stop();
    Snapshot f = run.sample();
    EXPECT_LE(f.lostUpdates(), 1u);
}

TEST(Crash, ConsumerDeathEndsTheStreamCleanly) {
    auto cfg = test::streamConfig(TransportKind::Pipe, 64, 0);
    ExperimentRun run(cfg);
    ASSERT_TRUE(test::waitFor([&] { return run.sample().sum(&WorkerCounters::messages) > 1000; }, 5000));
    int consumer = -1;
    for (const auto& w : run.workers())
        if (w.role == WorkerRole::Consumer) consumer = w.slot;
    ASSERT_GE(consumer, 0);
    run.killWorker(consumer, SIGKILL);
    // The producer sees a closed pipe (EPIPE, SIGPIPE ignored) and exits by itself.
    EXPECT_TRUE(test::waitFor([&] { run.reap(); return run.allExited(); }, 5000));
    for (const auto& w : run.workers())
        if (w.role == WorkerRole::Producer) {
            EXPECT_FALSE(w.exit.signaled) << w.exit.describe();
        }
}
