// The waiting policy as a lever: how a shared-memory worker waits on an empty (or full) ring.
// Measured with the kernel's own accounting: a spinning consumer of a slow stream burns a CPU
// and answers fastest; a sleeping one costs almost no CPU. Switched live, the workers follow.
#include "ipclab/base/error.h"
#include "ipclab/experiment/experiment_runner.h"
#include "ipclab/experiment/run_sampler.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <string>
#include <thread>

using namespace ipclab;

namespace {
ExperimentConfig slowStream(WaitPolicy w, double seconds) {
    ExperimentConfig c = test::streamConfig(TransportKind::SharedMemory, 64, seconds);
    c.producers = c.consumers = 1;
    c.sync = SyncMode::Atomic;
    c.rate = 1000; // the ring is empty most of the time: the consumer waits
    c.waitPolicy = w;
    return c;
}
double cpuS(const Table& t) { return std::stod(t.at(0, "user_cpu_s")) + std::stod(t.at(0, "sys_cpu_s")); }
} // namespace

TEST(WaitPolicy, SpinningBuysLatencyWithAWholeCpuSleepingCostsAlmostNone) {
    Table spin = runExperiment(slowStream(WaitPolicy::Spin, 1.2));
    Table sleep = runExperiment(slowStream(WaitPolicy::Sleep, 1.2));
    // Here: spin 1.5 s of CPU for 1.5 s, p50 0.8 us; sleep 0.07 s, p50 10 us.
    EXPECT_GT(cpuS(spin), 0.6) << "a spinning consumer should use about a CPU for the whole run";
    EXPECT_LT(cpuS(sleep), 0.4);
    EXPECT_LT(std::stod(spin.at(0, "latency_p50_us")), std::stod(sleep.at(0, "latency_p50_us")));
    EXPECT_EQ(spin.at(0, "lost"), "0");
    EXPECT_EQ(sleep.at(0, "lost"), "0");
}

TEST(WaitPolicy, ChangesLive) {
    ExperimentConfig c = slowStream(WaitPolicy::Sleep, 0);
    ExperimentRun run(c);
    RunSampler sampler(run);
    auto consumerUserPct = [&] {
        LaneSample s = sampler.sample(c);
        for (const auto& w : s.workers)
            if (w.role == WorkerRole::Consumer && w.kernel.valid) return w.kernel.userPct;
        return -1.0;
    };
    ASSERT_TRUE(test::waitFor([&] { double u = consumerUserPct(); return u >= 0 && u < 30; }, 5000));
    run.setWaitPolicy(WaitPolicy::Spin);
    EXPECT_TRUE(test::waitFor([&] { return consumerUserPct() > 50; }, 5000)) << consumerUserPct();
    run.setWaitPolicy(WaitPolicy::Sleep);
    EXPECT_TRUE(test::waitFor([&] { double u = consumerUserPct(); return u >= 0 && u < 30; }, 5000)) << consumerUserPct();
    run.stop();
    EXPECT_TRUE(run.allExited());
}

namespace {
// The states the workers published, read 1000 times a second for `seconds`.
std::set<WorkerState> statesSeen(ExperimentRun& run, double seconds) {
    std::set<WorkerState> seen;
    for (int i = 0; i < static_cast<int>(seconds * 1000); ++i) {
        for (const auto& w : run.workers()) seen.insert(run.stateOf(w.slot));
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return seen;
}
} // namespace

TEST(WaitPolicy, ASleepingWaiterIsNeverSeenSpinningASpinningOneIs) {
    {
        ExperimentRun run(slowStream(WaitPolicy::Sleep, 0));
        auto seen = statesSeen(run, 1.5);
        EXPECT_EQ(seen.count(WorkerState::Spinning), 0u);
        EXPECT_EQ(seen.count(WorkerState::InKernel), 1u) << "the idle consumer sleeps on the ring's futex";
    }
    {
        ExperimentRun run(slowStream(WaitPolicy::Spin, 0));
        auto seen = statesSeen(run, 1.0);
        EXPECT_EQ(seen.count(WorkerState::Spinning), 1u);
        EXPECT_EQ(seen.count(WorkerState::InKernel), 0u);
    }
}

TEST(WaitPolicy, ASpinLocksWaitersSpinAMutexsSleep) {
    for (SyncMode m : {SyncMode::Spinlock, SyncMode::Mutex}) {
        ExperimentConfig c;
        c.experiment = ExperimentKind::Race;
        c.workers = 3;
        c.sync = m;
        c.holdUs = 200;
        c.durationS = 0;
        ExperimentRun run(c);
        auto seen = statesSeen(run, 1.0);
        if (m == SyncMode::Spinlock) {
            EXPECT_EQ(seen.count(WorkerState::Spinning), 1u);
            EXPECT_EQ(seen.count(WorkerState::WaitingLock), 0u);
        } else {
            EXPECT_EQ(seen.count(WorkerState::WaitingLock), 1u);
            EXPECT_EQ(seen.count(WorkerState::Spinning), 0u);
        }
    }
}

TEST(WaitPolicy, ParsedAndCheckedLikeEveryOption) {
    ExperimentConfig c = ExperimentConfig::fromArgs({"--wait", "spin"});
    EXPECT_EQ(c.waitPolicy, WaitPolicy::Spin);
    EXPECT_EQ(ExperimentConfig::fromArgs(c.toArgs()).waitPolicy, WaitPolicy::Spin);
    EXPECT_THROW(ExperimentConfig::fromArgs({"--wait", "nap"}), ConfigError);
}
