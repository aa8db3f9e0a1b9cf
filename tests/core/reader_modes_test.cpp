// The benchmark's split of TCP stretches by the reader's mode (app/reader_modes.h).
#include "reader_modes.h"

#include <gtest/gtest.h>

using namespace ipclab;

TEST(ReaderModes, ClassifiesByTheKernelsSleepsPerMessage) {
    EXPECT_EQ(ReaderModes::classify(1000, 0), ReaderMode::Busy);
    EXPECT_EQ(ReaderModes::classify(1000, 49), ReaderMode::Busy);
    EXPECT_EQ(ReaderModes::classify(1000, 50), ReaderMode::Sleeping);
    EXPECT_EQ(ReaderModes::classify(1000, 230), ReaderMode::Sleeping);
    EXPECT_EQ(ReaderModes::classify(0, 0), ReaderMode::Sleeping); // slept through the stretch
}

// Two loops with the same speed in each mode but different mixes: whole-run rates differ by
// more than 2x, the per-mode rates are equal.
TEST(ReaderModes, ComparesEachModeWithTheSameMode) {
    ReaderModes a, b;
    a.add(20'000, 0.01, 0);     // busy: 2 M/s
    a.add(2'000, 0.01, 460);    // sleeping: 0.2 M/s
    a.add(2'000, 0.01, 440);
    b.add(20'000, 0.01, 10);
    b.add(20'000, 0.01, 0);
    b.add(2'000, 0.01, 450);
    double wholeA = (20'000 + 4'000) / 0.03, wholeB = (40'000 + 2'000) / 0.03;
    EXPECT_GT(wholeB / wholeA, 1.7);
    EXPECT_DOUBLE_EQ(a.rate(ReaderMode::Busy), b.rate(ReaderMode::Busy));
    EXPECT_DOUBLE_EQ(a.rate(ReaderMode::Sleeping), b.rate(ReaderMode::Sleeping));
    EXPECT_DOUBLE_EQ(a.rate(ReaderMode::Sleeping), 200'000);
    EXPECT_NEAR(a.share(ReaderMode::Sleeping), 2.0 / 3, 1e-12);
    EXPECT_NEAR(b.share(ReaderMode::Busy), 2.0 / 3, 1e-12);
}

TEST(ReaderModes, PoolsAndIgnoresEmptyStretches) {
    ReaderModes a;
    a.add(1000, 0.5, 0);
    a.add(3000, 0.5, 0);
    a.add(5, 0, 100); // no time: nothing to add
    EXPECT_DOUBLE_EQ(a.seconds(ReaderMode::Busy), 1.0);
    EXPECT_DOUBLE_EQ(a.messages(ReaderMode::Busy), 4000);
    EXPECT_DOUBLE_EQ(a.rate(ReaderMode::Busy), 4000);
    EXPECT_DOUBLE_EQ(a.seconds(ReaderMode::Sleeping), 0);
    EXPECT_DOUBLE_EQ(a.rate(ReaderMode::Sleeping), 0);
    EXPECT_DOUBLE_EQ(ReaderModes().share(ReaderMode::Busy), 0);
}
