// RunSampler: a live run becomes plain values, and the values say what the system says. The
// names are checked against /dev/shm and /dev/mqueue, the queue depth against mq_getattr's view
// of the real queue, the ring's size against the ring itself, the PIDs and exit statuses
// against the processes.
#include "ipclab/experiment/run_sampler.h"
#include "ipclab/transport/shm_ring.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <mqueue.h>
#include <signal.h>

#include <filesystem>

using namespace ipclab;

namespace {
ExperimentConfig live(TransportKind k) {
    ExperimentConfig c = test::streamConfig(k, 64, 0);
    c.producers = c.consumers = 1;
    return c;
}

bool processExists(int pid) { return ::kill(pid, 0) == 0; }
} // namespace

TEST(RunSampler, SharedMemoryLaneNamesTheRealRingAndItsSize) {
    ExperimentConfig c = live(TransportKind::SharedMemory);
    ExperimentRun run(c);
    RunSampler sampler(run);
    // (A rate needs two samples with messages between them: on a loaded machine two samples in a
    // row can fall in one time slice of the workers, so wait for one that has it.)
    LaneSample s;
    ASSERT_TRUE(test::waitFor([&] {
        s = sampler.sample(c);
        return s.received > 1000 && s.point[Series::MsgsPerS] > 0;
    }, 5000));

    // The name a lecturer reads is one `ls /dev/shm` lists (the ring of channel 0).
    ASSERT_FALSE(s.dataObjectName.empty());
    EXPECT_TRUE(std::filesystem::exists("/dev/shm" + s.dataObjectName)) << s.dataObjectName;
    EXPECT_NE(s.dataObjectName.find("-ring0"), std::string::npos) << s.dataObjectName;
    // Its size is the ring's own slot count, read from the mapping.
    ShmRing ring = ShmRing::attach(s.dataObjectName);
    EXPECT_EQ(s.capacityFrames, ring.slotCount());
    EXPECT_GT(s.frameBytes, c.messageSize);

    ASSERT_EQ(s.workers.size(), 2u);
    for (const WorkerSample& w : s.workers) {
        EXPECT_TRUE(processExists(w.pid)) << w.pid;
        EXPECT_FALSE(w.exit.exited);
    }
    EXPECT_GE(s.sent, s.received);
    EXPECT_GT(s.point[Series::MsgsPerS], 0.0);
    EXPECT_EQ(s.config.transport, TransportKind::SharedMemory);
}

TEST(RunSampler, MessageQueueLaneReportsTheQueuesRealDepth) {
    ExperimentConfig c = live(TransportKind::MessageQueue);
    ExperimentRun run(c);
    RunSampler sampler(run);
    LaneSample s = sampler.sample(c);
    ASSERT_FALSE(s.dataObjectName.empty());
    EXPECT_TRUE(std::filesystem::exists("/dev/mqueue" + s.dataObjectName)) << s.dataObjectName;
    // Opened by its name, the kernel's own attributes of the queue (no fixed 10 in the scene).
    mqd_t q = ::mq_open(s.dataObjectName.c_str(), O_RDONLY | O_NONBLOCK);
    ASSERT_NE(q, static_cast<mqd_t>(-1));
    mq_attr a{};
    ASSERT_EQ(::mq_getattr(q, &a), 0);
    ::mq_close(q);
    EXPECT_EQ(s.capacityFrames, static_cast<std::size_t>(a.mq_maxmsg));
}

TEST(RunSampler, PipeLaneHasNoNameAndCountsBytes) {
    ExperimentConfig c = live(TransportKind::Pipe);
    ExperimentRun run(c);
    RunSampler sampler(run);
    LaneSample s = sampler.sample(c);
    EXPECT_TRUE(s.dataObjectName.empty());
    EXPECT_EQ(s.capacityFrames, 0u);
}

TEST(RunSampler, MarksAndDeathsGoOutOnceInTheSampleThatShowsThem) {
    ExperimentConfig c = live(TransportKind::Pipe);
    ExperimentRun run(c);
    RunSampler sampler(run);
    sampler.mark(0.5, "sync on");
    LaneSample first = sampler.sample(c);
    ASSERT_EQ(first.newMarks.size(), 1u);
    EXPECT_EQ(first.newMarks.front().label, "sync on");
    EXPECT_TRUE(sampler.sample(c).newMarks.empty());

    int victim = first.workers.front().pid;
    ASSERT_TRUE(run.killWorker(first.workers.front().slot, SIGKILL));
    ASSERT_TRUE(test::waitFor([&] {
        for (const auto& w : sampler.sample(c).workers)
            if (w.pid == victim && w.exit.exited) return w.exit.signaled && w.exit.signal == SIGKILL && w.killedByUs;
        return false;
    }, 5000));
}

TEST(RunSampler, AfterStopTheLastRatesStayAndTheLaneSaysStopped) {
    ExperimentConfig c = live(TransportKind::SharedMemory);
    ExperimentRun run(c);
    RunSampler sampler(run);
    ASSERT_TRUE(test::waitFor([&] { return sampler.sample(c).point[Series::MsgsPerS] > 0; }, 5000));
    LaneSample before = sampler.sample(c);
    run.stop(1000);
    LaneSample after = sampler.sample(c);
    EXPECT_TRUE(after.stopped);
    // No dip drawn after the end: the charted point is the last one measured while running.
    EXPECT_EQ(after.point.t, before.point.t);
    EXPECT_EQ(after.point[Series::MsgsPerS], before.point[Series::MsgsPerS]);
    for (const auto& w : after.workers) EXPECT_TRUE(w.exit.exited) << w.pid;
}
