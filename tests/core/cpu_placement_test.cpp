// The benchmark's placement helpers (app/cpu_placement.h): pinning, reading back where a thread
// ran, and the sampler that counts how often two ends shared a CPU.
#include "cpu_placement.h"

#include <gtest/gtest.h>

#include <sched.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <thread>

using namespace ipclab;

TEST(CpuPlacement, ReadsTheLastCpuFromAStatLineWhoseNameHasSpacesAndParentheses) {
    // Fields 3..38 as zeros, then 39 (processor) = 7, then more.
    std::string stat = "1234 (a) b (c) R";
    for (int f = 4; f <= 38; ++f) stat += " 0";
    stat += " 7 0 0\n";
    EXPECT_EQ(lastCpuFromStat(stat), 7);
    EXPECT_EQ(lastCpuFromStat("1234 (x) R 1 2"), -1); // too short
    EXPECT_EQ(lastCpuFromStat("no parenthesis"), -1);
}

TEST(CpuPlacement, PinsTheCallerAndPutsItsCpusBack) {
    std::vector<int> cpus = allowedCpus();
    ASSERT_FALSE(cpus.empty());
    {
        ScopedAffinity keep;
        int last = cpus.back();
        ASSERT_TRUE(pinTo(0, last));
        EXPECT_EQ(allowedCpus(), std::vector<int>{last});
        EXPECT_EQ(::sched_getcpu(), last);
        EXPECT_EQ(lastCpuOf(::getpid(), ::gettid()), last);
    }
    EXPECT_EQ(allowedCpus(), cpus);
    EXPECT_FALSE(pinTo(0, -1));
}

TEST(CpuPlacement, PlacementsNeedTheirCpus) {
    std::vector<int> cpus = allowedCpus();
    auto one = cpusFor(Placement::OneCpu), two = cpusFor(Placement::TwoCpus);
    ASSERT_TRUE(one.has_value());
    EXPECT_EQ(one->writer, one->reader);
    EXPECT_FALSE(cpusFor(Placement::AsScheduled)->pinned());
    if (cpus.size() < 2) {
        EXPECT_FALSE(two.has_value());
        return;
    }
    ASSERT_TRUE(two.has_value());
    EXPECT_NE(two->writer, two->reader);
}

// A quarter of the time on one CPU at 2 M/s, the rest on two at 1 M/s: 1.25 M messages a second.
TEST(CpuPlacement, MixesTheTwoPlacementsRatesByTheTimeInEach) {
    EXPECT_DOUBLE_EQ(mixedRate(0.0, 2e6, 1e6), 1e6);
    EXPECT_DOUBLE_EQ(mixedRate(1.0, 2e6, 1e6), 2e6);
    EXPECT_DOUBLE_EQ(mixedRate(0.25, 2e6, 1e6), 1.25e6);
}

namespace {
// Two busy threads pinned where asked, sampled for `ms`: the share of samples on one CPU.
double sampledShare(int cpuA, int cpuB, int ms) {
    std::atomic<bool> stop{false};
    std::atomic<pid_t> tids[2]{0, 0};
    auto body = [&](int i, int cpu) {
        pinTo(0, cpu);
        tids[i] = ::gettid();
        while (!stop.load(std::memory_order_relaxed)) {}
    };
    std::thread a(body, 0, cpuA), b(body, 1, cpuB);
    while (!tids[0] || !tids[1]) std::this_thread::yield();
    SameCpuShare share;
    {
        PlacementSampler sampler({::getpid(), tids[0]}, {::getpid(), tids[1]}, share);
        std::this_thread::sleep_for(std::chrono::milliseconds(ms));
    }
    stop = true;
    a.join();
    b.join();
    EXPECT_GE(share.samples, 3u);
    return share.share();
}
} // namespace

TEST(CpuPlacement, TheSamplerSeesTwoEndsTogetherAndApart) {
    std::vector<int> cpus = allowedCpus();
    if (cpus.size() < 2) GTEST_SKIP() << "one CPU: nothing to tell apart";
    EXPECT_DOUBLE_EQ(sampledShare(cpus[0], cpus[0], 200), 1.0);
    EXPECT_DOUBLE_EQ(sampledShare(cpus[0], cpus[1], 200), 0.0);
}
