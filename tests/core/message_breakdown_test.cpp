// Where one message's time goes: the arithmetic on hand-made numbers, then real streams, where
// the kernel's accounting says what the course says: a pipe message is mostly kernel time on
// both sides, a shared-memory message none; and the clocked calls are really measured.
#include "ipclab/experiment/experiment_runner.h"
#include "ipclab/experiment/message_breakdown.h"
#include "ipclab/experiment/run_sampler.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>

using namespace ipclab;

TEST(MessageBreakdown, SplitsEachSidesTimePerMessage) {
    CpuAccounting p, c;
    p.userS = 0.5;
    p.systemS = 1.0;
    c.userS = 0.25;
    c.systemS = 1.5;
    MessageBreakdown b = breakdownOf(2.0, {{WorkerRole::Producer, p, 1'000'000, 10, 20'000},
                                           {WorkerRole::Consumer, c, 1'000'000, 4, 4'000}});
    ASSERT_TRUE(b.valid());
    EXPECT_DOUBLE_EQ(b.send.wallNs, 2000);
    EXPECT_DOUBLE_EQ(b.send.userNs, 500);
    EXPECT_DOUBLE_EQ(b.send.kernelNs, 1000);
    EXPECT_DOUBLE_EQ(b.send.offCpuNs, 500);
    EXPECT_DOUBLE_EQ(b.send.inCallNs, 2000);
    EXPECT_DOUBLE_EQ(b.receive.offCpuNs, 250);
    EXPECT_DOUBLE_EQ(b.receive.inCallNs, 1000);
    // Two producers share their side's messages: worker-time per message doubles.
    MessageBreakdown two = breakdownOf(2.0, {{WorkerRole::Producer, p, 500'000, 0, 0}, {WorkerRole::Producer, p, 500'000, 0, 0},
                                             {WorkerRole::Consumer, c, 1'000'000, 0, 0}});
    EXPECT_DOUBLE_EQ(two.send.wallNs, 4000);
    EXPECT_DOUBLE_EQ(two.send.kernelNs, 2000);
    // No messages, or no receiving side: nothing to say.
    EXPECT_FALSE(breakdownOf(2.0, {{WorkerRole::Producer, p, 0, 0, 0}, {WorkerRole::Consumer, c, 0, 0, 0}}).valid());
    EXPECT_FALSE(breakdownOf(2.0, {{WorkerRole::RaceWorker, p, 100, 0, 0}}).valid());
}

namespace {
double cell(const Table& t, const std::string& column) { return std::stod(t.at(0, column)); }
} // namespace

TEST(MessageBreakdown, APipeMessageIsKernelTimeASharedMemoryOneIsNot) {
    ExperimentConfig c;
    c.experiment = ExperimentKind::Stream;
    c.transport = TransportKind::Pipe;
    c.durationS = 1.0;
    Table pipe = runExperiment(c);
    for (std::string side : {"send", "receive"}) {
        SCOPED_TRACE(side);
        EXPECT_GT(cell(pipe, side + "_kernel_ns"), cell(pipe, side + "_user_ns")) << "write and read copy in the kernel";
        EXPECT_GT(cell(pipe, side + "_call_ns"), 0) << "the call was clocked";
        EXPECT_LE(cell(pipe, side + "_user_ns") + cell(pipe, side + "_kernel_ns"), cell(pipe, side + "_ns_per_msg") * 1.05);
    }
    c.transport = TransportKind::SharedMemory;
    c.sync = SyncMode::Atomic;
    Table shm = runExperiment(c);
    for (std::string side : {"send", "receive"}) {
        SCOPED_TRACE(side);
        // (Generous: a waiting ring side sleeps on a futex now and then, and the kernel counts 10 ms ticks.)
        EXPECT_LT(cell(shm, side + "_kernel_ns"), 0.25 * cell(shm, side + "_ns_per_msg"));
        EXPECT_GT(cell(shm, side + "_call_ns"), 0);
        EXPECT_LT(cell(shm, side + "_ns_per_msg"), cell(pipe, side + "_ns_per_msg")) << "shared memory is the faster path";
    }
}

// Live, as the window sees it: the sampler fills in the breakdown of a running stream.
TEST(MessageBreakdown, TheSamplerFillsItInLive) {
    ExperimentConfig c;
    c.experiment = ExperimentKind::Stream;
    c.transport = TransportKind::UnixSocket;
    c.durationS = 0;
    ExperimentRun run(c);
    RunSampler sampler(run);
    LaneSample s;
    for (int i = 0; i < 40; ++i) { // the /proc reading needs a moment
        s = sampler.sample(c);
        std::this_thread::sleep_for(std::chrono::milliseconds(33));
    }
    run.stop();
    ASSERT_TRUE(s.breakdown.valid());
    EXPECT_GT(s.breakdown.send.kernelNs, s.breakdown.send.userNs);
    EXPECT_GT(s.breakdown.receive.callSamples, 0u);
}

// The consumer and producer at full speed skip straight to the next clocked call: the same
// numbers, one step instead of a loop over callSampleDue.
TEST(MessageBreakdown, TheNextClockedCallIsTheOneCallSampleDueNames) {
    uint64_t due = 0, clocked = 0;
    for (uint64_t n = 40 * kCallSampleEvery; n-- > 0;) { // backwards: `due` is the next clocked one from n on
        if (callSampleDue(n)) {
            due = n;
            ++clocked;
        }
        if (n < 39 * kCallSampleEvery) {
            ASSERT_EQ(nextCallSample(n), due) << n;
        }
    }
    EXPECT_EQ(clocked, 40u); // one in kCallSampleEvery
    EXPECT_EQ(nextCallSample(0), 0u);
    EXPECT_EQ(nextCallSample(1), kCallSampleEvery + 1); // block 1 clocks its call number 1
}
