// The benchmarks' statistics (app/bench_stats.h).
#include "bench_stats.h"

#include <gtest/gtest.h>

using namespace ipclab;

TEST(BenchStats, LowestAndHighest) {
    EXPECT_EQ(lowestAndHighest({}), (std::pair{0.0, 0.0}));
    EXPECT_EQ(lowestAndHighest({0.9, 1.3, 0.5, 1.0}), (std::pair{0.5, 1.3}));
}

TEST(BenchStats, Median) {
    EXPECT_DOUBLE_EQ(median({}), 0);
    EXPECT_DOUBLE_EQ(median({3, 1, 2}), 2);
    EXPECT_DOUBLE_EQ(median({4, 1, 3, 2}), 2.5);
}

// The machine halves its speed after window 3 of 9 (A: windows 0, 2, 4, 6, 8; B: 1, 3, 5, 7)
// and B costs 10 %: each B window against its two neighbours reads 0.9 but at the switch, so
// their median reads it; B's median over A's reads B 35 % faster (four B windows, two in each
// mode, against five A windows, three of them slow).
TEST(BenchStats, EachWindowAgainstItsNeighbours) {
    auto speed = [](int window) { return window < 4 ? 100.0 : 50.0; };
    std::vector<double> a, b;
    for (int w = 0; w < 9; ++w) (w % 2 ? b : a).push_back((w % 2 ? 0.9 : 1.0) * speed(w));
    std::vector<double> r = againstNeighbours(a, b);
    ASSERT_EQ(r.size(), 4u);
    EXPECT_NEAR(r[0], 0.9, 1e-12);
    EXPECT_NEAR(r[1], 1.2, 1e-12); // 90 against 100 and 50
    EXPECT_NEAR(median(r), 0.9, 1e-12);
    EXPECT_NEAR(median(b) / median(a), 1.35, 1e-12);
}

TEST(BenchStats, NoRatioWhereTheNeighboursMovedNothing) {
    std::vector<double> r = againstNeighbours({0, 0, 10}, {5, 5});
    ASSERT_EQ(r.size(), 1u);
    EXPECT_DOUBLE_EQ(r[0], 1.0);
    EXPECT_TRUE(againstNeighbours({1}, {1}).empty()); // no window after it
}

// A baseline measured around each full measurement: 3 against (2 + 4) / 2, 6 against (4 + 8) / 2;
// a failed baseline run (0) leaves both full runs beside it without a ratio.
TEST(BenchStats, BracketedComparesEachFullRunWithTheBaselineAroundIt) {
    Bracketed b;
    b.first(2);
    EXPECT_DOUBLE_EQ(b.next(3, 4), 3);
    EXPECT_DOUBLE_EQ(b.next(6, 8), 6);
    EXPECT_DOUBLE_EQ(b.next(5, 0), 0);
    EXPECT_DOUBLE_EQ(b.next(5, 10), 0);
    EXPECT_EQ(b.rates(), (std::vector<double>{2, 4, 8, 0, 10}));
    EXPECT_EQ(b.ratios(), (std::vector<double>{1, 1}));
}
