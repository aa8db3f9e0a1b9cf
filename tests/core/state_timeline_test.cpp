// The timeline of who did what, when: built from the samples of a real race, the lock's holders
// never overlap (3 workers, a mutex, 200 us inside the critical section); rows are real PIDs;
// a new run starts over; a paused run stands still; the CSV lists the intervals.
#include "ipclab/experiment/run_sampler.h"
#include "ipclab/experiment/state_timeline.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

using namespace ipclab;

namespace {
RunSample sampleOf(RunSampler& sampler, const ExperimentConfig& c, uint64_t index) {
    RunSample s;
    s.index = index;
    s.experiment = c.experiment;
    s.lanes.push_back(sampler.sample(c));
    return s;
}
struct Holding {
    int32_t pid;
    StateInterval iv;
};
// Intervals of `state`, every row; and whether any two of different workers overlap.
std::vector<Holding> intervalsOf(const StateTimeline& tl, WorkerState state) {
    std::vector<Holding> out;
    for (const auto& r : tl.rows())
        for (const auto& i : r.intervals)
            if (!i.dead && i.state == state) out.push_back({r.pid, i});
    return out;
}
double largestOverlap(const std::vector<Holding>& h) {
    double worst = 0;
    for (std::size_t a = 0; a < h.size(); ++a)
        for (std::size_t b = a + 1; b < h.size(); ++b)
            if (h[a].pid != h[b].pid)
                worst = std::max(worst, std::min(h[a].iv.t1, h[b].iv.t1) - std::max(h[a].iv.t0, h[b].iv.t0));
    return worst;
}

// A race of 3 workers with this sync, hold (µs) and rate; and one such run sampled `samples`
// times at the UI's 30 Hz into a timeline (stopped before it returns).
ExperimentConfig race(SyncMode sync, uint32_t holdUs, double rate = 0) {
    ExperimentConfig c;
    c.experiment = ExperimentKind::Race;
    c.workers = 3;
    c.sync = sync;
    c.holdUs = holdUs;
    c.rate = rate;
    c.durationS = 0;
    return c;
}
StateTimeline sampled(const ExperimentConfig& c, uint64_t samples) {
    ExperimentRun run(c);
    RunSampler sampler(run);
    StateTimeline timeline(30.0);
    for (uint64_t i = 0; i < samples; ++i) {
        timeline.add(sampleOf(sampler, c, i));
        std::this_thread::sleep_for(std::chrono::milliseconds(33));
    }
    run.stop();
    return timeline;
}
} // namespace

TEST(StateTimeline, OneHolderAtATimeInAMutexRace) {
    StateTimeline timeline = sampled(race(SyncMode::Mutex, 200), 60); // 2 s
    ASSERT_EQ(timeline.rows().size(), 3u);
    for (const auto& r : timeline.rows()) EXPECT_GT(r.pid, 0);
    auto holding = intervalsOf(timeline, WorkerState::HoldingLock);
    EXPECT_FALSE(holding.empty()) << "with 200 us held per update, samples should catch holders";
    EXPECT_LE(largestOverlap(holding), 1e-9) << "two workers holding the lock at once";
    std::string csv = timeline.csv();
    EXPECT_EQ(csv.rfind("lane,pid,role,state,start_s,end_s,duration_s,count_at_start,count_at_end\n", 0), 0u);
    EXPECT_NE(csv.find("holding lock"), std::string::npos);
}

TEST(StateTimeline, IntervalsFromHandBuiltSamples) {
    auto sample = [](uint64_t index, double t, WorkerState st, bool paused = false) {
        RunSample s;
        s.index = index;
        s.paused = paused;
        LaneSample l;
        l.point.t = t;
        WorkerSample w;
        w.pid = 77;
        w.state = st;
        l.workers = {w};
        WorkerCounters c;
        c.messages = index * 10; // the worker's own count at this sample
        l.counters.workers = {c};
        s.lanes = {l};
        return s;
    };
    StateTimeline tl(10.0);
    tl.add(sample(0, 0.1, WorkerState::Running));
    tl.add(sample(1, 0.2, WorkerState::Running));
    tl.add(sample(2, 0.3, WorkerState::InKernel));
    tl.add(sample(3, 0.4, WorkerState::InKernel, true)); // paused: stands still
    ASSERT_EQ(tl.rows().size(), 1u);
    const auto& iv = tl.rows()[0].intervals;
    ASSERT_EQ(iv.size(), 2u);
    EXPECT_DOUBLE_EQ(iv[0].t1, 0.2);
    EXPECT_EQ(iv[1].state, WorkerState::InKernel);
    EXPECT_DOUBLE_EQ(iv[1].t0, 0.2);
    EXPECT_DOUBLE_EQ(iv[1].t1, 0.3);
    // What it got done in each: its count at the interval's two ends.
    EXPECT_EQ(iv[0].count0, 0u);
    EXPECT_EQ(iv[0].count1, 10u);
    EXPECT_EQ(iv[1].count0, 10u);
    EXPECT_EQ(iv[1].count1, 20u);
    tl.add(sample(4, 20.0, WorkerState::Running)); // old intervals leave the window
    EXPECT_EQ(tl.rows()[0].intervals.size(), 1u);
    tl.add(sample(0, 0.05, WorkerState::Running)); // a new run starts over
    EXPECT_EQ(tl.rows()[0].intervals.size(), 1u);
    EXPECT_DOUBLE_EQ(tl.now(), 0.05);
}


// Sync off: the same critical section, with nothing keeping the workers apart. Their "in the
// section" intervals overlap (what a lock prevents), and none of them shows "holding lock".
TEST(StateTimeline, WithSyncOffTheCriticalSectionsOverlap) {
    StateTimeline timeline = sampled(race(SyncMode::None, 200), 45);
    EXPECT_TRUE(intervalsOf(timeline, WorkerState::HoldingLock).empty());
    auto inSection = intervalsOf(timeline, WorkerState::UnlockedSection);
    ASSERT_FALSE(inSection.empty());
    EXPECT_GT(largestOverlap(inSection), 0.0) << "three workers, each 200 us of every update in the section, never two at once?";
}

// Slow motion: every change comes from the workers' own log, so every update's "holding" shows,
// however short (a 30 Hz sample would miss most), exactly, and holders still never overlap.
TEST(StateTimeline, SlowMotionTransitionsAreExact) {
    // 20 updates per second per worker: each holds the lock for half of 50 ms.
    ExperimentConfig c = race(SyncMode::Mutex, 0, 20);
    ExperimentRun run(c);
    RunSampler sampler(run);
    StateTimeline timeline(30.0);
    bool sawExact = false;
    for (uint64_t i = 0; i < 45; ++i) {
        RunSample s = sampleOf(sampler, c, i);
        for (const auto& w : s.lanes[0].workers) sawExact = sawExact || w.exact;
        timeline.add(s);
        std::this_thread::sleep_for(std::chrono::milliseconds(33));
    }
    RunSample last = sampleOf(sampler, c, 45);
    timeline.add(last);
    run.pause(); // (stop would end the rows; the count below is of the updates made so far)
    ASSERT_TRUE(sawExact);
    auto holding = intervalsOf(timeline, WorkerState::HoldingLock);
    EXPECT_LE(largestOverlap(holding), 0.0);
    // Each worker's holds: one per update it made (give or take the one in progress).
    for (const auto& w : last.lanes[0].workers) {
        ASSERT_LT(static_cast<std::size_t>(w.slot), last.lanes[0].counters.workers.size());
        auto updates = static_cast<long>(last.lanes[0].counters.workers[static_cast<std::size_t>(w.slot)].updates);
        long holds = 0;
        for (const auto& h : holding) holds += h.pid == w.pid;
        EXPECT_GE(updates, 10) << "PID " << w.pid;
        EXPECT_NEAR(holds, updates, 1) << "PID " << w.pid;
    }
    // Exact: the holds last about the 25 ms the worker spends between its read and its write,
    // not whole multiples of the 33 ms sample period.
    double sum = 0;
    for (const auto& h : holding) sum += h.iv.t1 - h.iv.t0;
    EXPECT_NEAR(sum / static_cast<double>(holding.size()), 0.025, 0.01);
    run.stop();
}
