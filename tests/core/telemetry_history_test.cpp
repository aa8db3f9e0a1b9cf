// TelemetryHistory: rates over the window, the 60 s slide, lost updates that never go back.
#include "ipclab/telemetry/telemetry_history.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace ipclab;

namespace {
Snapshot snap(double tS, uint64_t consumed, uint64_t updates = 0, uint64_t counter = 0) {
    Snapshot s;
    s.timeNs = static_cast<uint64_t>(tS * 1e9);
    WorkerCounters c;
    c.role = updates ? WorkerRole::RaceWorker : WorkerRole::Consumer;
    c.messages = consumed;
    c.bytes = consumed * 100;
    c.updates = updates;
    s.workers.push_back(c);
    s.raceCounter = counter;
    return s;
}
} // namespace

TEST(TelemetryHistory, RatesComeFromTheWindow) {
    TelemetryHistory h(60, 0.5);
    for (int i = 0; i <= 30; ++i) h.add(snap(i / 30.0, static_cast<uint64_t>(i) * 1000), 0, roleBit(WorkerRole::Consumer), ExperimentKind::Stream);
    EXPECT_EQ(h.points().size(), std::size_t(31));
    EXPECT_LT(std::abs(h.points().back()[Series::MsgsPerS] - 30000.0), 1.0);
    EXPECT_LT(std::abs(h.points().back()[Series::MbPerS] - 3.0), 0.01);
    EXPECT_LT(std::abs(h.workerRate(0) - 30000.0), 1.0);
}
TEST(TelemetryHistory, WindowSlides) {
    TelemetryHistory h(10, 0.5);
    for (int i = 0; i <= 200; ++i) h.add(snap(i * 0.1, static_cast<uint64_t>(i)), 0, ~0, ExperimentKind::Stream);
    EXPECT_TRUE(h.points().front().t >= h.now() - 10.0 - 1e-9);
    EXPECT_TRUE(h.points().size() <= 102);
}
TEST(TelemetryHistory, RaceLostUpdatesNeverGoBackwards) {
    TelemetryHistory h(60, 0.5);
    h.add(snap(0.0, 0, 100, 90), 0, ~0, ExperimentKind::Race);
    EXPECT_EQ(h.points().back()[Series::LostUpdates], 10.0);
    h.add(snap(0.1, 0, 200, 195), 0, ~0, ExperimentKind::Race); // a skewed sample reads 5
    EXPECT_EQ(h.points().back()[Series::LostUpdates], 10.0);
    h.add(snap(0.2, 0, 300, 280), 0, ~0, ExperimentKind::Race);
    EXPECT_EQ(h.points().back()[Series::LostUpdates], 20.0);
    // Updates are counted; MB/s is not measured in a race (no messages): NaN, not 0.
    EXPECT_GT(h.points().back()[Series::MsgsPerS], 0.0);
    EXPECT_TRUE(std::isnan(h.points().back()[Series::MbPerS]));
}

