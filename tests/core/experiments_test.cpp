// The remaining experiments end to end: ping-pong latency, the address-space isolation lesson,
// and the size sweep.
#include "ipclab/transport/shm_ring.h"
#include "test_support.h"

#include <sched.h>

#include <gtest/gtest.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

using namespace ipclab;
using ipclab::test::num;

// Pinger and ponger say what they are doing: once round trips flow, neither is "starting"
// (the scene and the process table showed both as starting after seconds at 500 k round trips/s).
TEST(PingPong, WorkersReportThatTheyRun) {
    ExperimentConfig c;
    c.experiment = ExperimentKind::PingPong;
    c.durationS = 0;
    c.transport = TransportKind::SharedMemory;
    ExperimentRun run(c);
    ASSERT_TRUE(test::waitFor([&] { return run.sample().sum(&WorkerCounters::messages) > 1000; }, 5000));
    for (const auto& w : run.sample().workers) EXPECT_NE(w.state, WorkerState::Starting) << w.pid;
    run.stop();
}

TEST(PingPong, SharedMemoryRoundTripBeatsAPipeRoundTrip) {
    ExperimentConfig c;
    c.experiment = ExperimentKind::PingPong;
    c.durationS = 0.5;
    c.transport = TransportKind::SharedMemory;
    Table shm = runExperiment(c);
    c.transport = TransportKind::Pipe;
    Table pipe = runExperiment(c);
    ASSERT_GT(num(shm, "round_trips"), 100);
    ASSERT_GT(num(pipe, "round_trips"), 100);
    EXPECT_EQ(num(shm, "corrupted") + num(pipe, "corrupted"), 0);
    // The course's claim, measured: no kernel on the path means a shorter round trip.
    EXPECT_LT(num(shm, "rtt_p50_us"), num(pipe, "rtt_p50_us")) << shm.toText() << pipe.toText();
    EXPECT_GE(num(pipe, "syscalls_per_round_trip"), 2.0); // write+read on each side at least
    // Lock-free ring, one writer and one reader each way: waiting is spinning, not the kernel.
    EXPECT_LT(num(shm, "syscalls_per_round_trip"), 0.5) << shm.toText();
}

TEST(Isolation, SameAddressPrivateValuesStayApartSharedValuesCross) {
    ExperimentConfig c;
    c.experiment = ExperimentKind::Isolation;
    Table t = runExperiment(c);
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_NE(t.at(0, "pid"), t.at(1, "pid"));
    // Same virtual address in both processes...
    EXPECT_EQ(t.at(0, "private_address"), t.at(1, "private_address"));
    // ...yet each sees its own private value,
    for (std::size_t r = 0; r < 2; ++r) EXPECT_EQ(t.at(r, "private_written"), t.at(r, "private_seen"));
    EXPECT_NE(t.at(0, "private_seen"), t.at(1, "private_seen"));
    // while a write through the shared segment is seen by the other process.
    EXPECT_EQ(t.at(0, "shared_seen_from_other"), t.at(1, "shared_written"));
    EXPECT_EQ(t.at(1, "shared_seen_from_other"), t.at(0, "shared_written"));
}

TEST(Sweep, MeasuresEveryPointAndFindsSharedMemoryAheadForLargeMessages) {
    ExperimentConfig c;
    c.experiment = ExperimentKind::Sweep;
    c.sweepTransports = {TransportKind::SharedMemory, TransportKind::Pipe};
    c.sweepSizes = {64, 65536};
    c.sweepPointS = 0.3;
    int seen = 0;
    auto points = runSweep(c, [&](const SweepPoint&, int done, int total) {
        ++seen;
        EXPECT_EQ(total, 6); // shm lock-free, shm + mutex, pipe at two sizes
        EXPECT_EQ(done, seen);
    });
    ASSERT_EQ(points.size(), 6u);
    for (const auto& p : points) EXPECT_GT(p.msgsPerS, 0) << seriesName(p) << " " << p.size;
    Table t = sweepTable(points);
    EXPECT_EQ(t.rows.size(), 6u);
    double shmBig = 0, pipeBig = 0, shmSmall = 0, lockedSmall = 0, pipeSmall = 0;
    for (const auto& p : points) {
        bool shm = p.transport == TransportKind::SharedMemory;
        if (p.size == 65536 && !p.lockPerMessage) (shm ? shmBig : pipeBig) = p.mbPerS;
        if (p.size == 64) (shm ? (p.lockPerMessage ? lockedSmall : shmSmall) : pipeSmall) = p.msgsPerS;
    }
    // 64 KiB copied twice through the kernel loses to one copy. Not always on this 2-core VM: in
    // its slow mode moving data between the two vCPUs costs so much that a pipe, whose reader the
    // scheduler may wake on the writer's CPU, keeps up with a ring that needs both (README,
    // Benchmarks). So up to three measurements: a broken shared-memory path loses every one.
    RecordProperty("shm_64k_mb_per_s", std::to_string(shmBig));
    RecordProperty("pipe_64k_mb_per_s", std::to_string(pipeBig));
    for (int again = 0; again < 2 && shmBig <= pipeBig; ++again) {
        ExperimentConfig big = c;
        big.sweepSizes = {65536};
        for (const auto& p : runSweep(big, {}))
            if (!p.lockPerMessage) (p.transport == TransportKind::SharedMemory ? shmBig : pipeBig) = p.mbPerS;
        RecordProperty("retry_" + std::to_string(again), std::to_string(shmBig) + " vs " + std::to_string(pipeBig));
    }
    EXPECT_GT(shmBig, pipeBig);
    // The sweep measures the models, not a lock: lock-free shared memory beats both the pipe and
    // shared memory with a mutex around every message, by a wide margin at 64 B (generous
    // bounds: CI machines are noisy; the README reports the measured ratios).
    EXPECT_GT(shmSmall, 2 * pipeSmall);
    EXPECT_GT(shmSmall, 2 * lockedSmall);
    for (const auto& r : sweepRatios(points)) EXPECT_EQ(r.best, TransportKind::Pipe);
}

namespace {
// Field 19 of /proc/<pid>/stat; the command name in parentheses may hold spaces.
int niceOf(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::istringstream rest(stat.substr(stat.rfind(')') + 2));
    std::string field;
    for (int i = 3; i <= 19 && rest >> field; ++i) {}
    return std::stoi(field);
}

// A worker applies its priority before it touches the ring: wait for everyone's first message.
bool allWorkersMoving(const ExperimentRun& run) {
    auto moving = [&] {
        Snapshot s = run.sample();
        return std::all_of(s.workers.begin(), s.workers.end(), [](const WorkerCounters& w) { return w.messages > 0; });
    };
    for (int i = 0; i < 300 && !moving(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    return moving();
}
} // namespace

TEST(Priority, WorkersLowerTheirPriorityWhenAsked) {
    ExperimentConfig c;
    c.durationS = 0;
    c.workerNice = 7;
    ExperimentRun run(c);
    ASSERT_TRUE(allWorkersMoving(run));
    for (const auto& w : run.workers()) EXPECT_EQ(niceOf(w.pid), std::max(7, ::getpriority(PRIO_PROCESS, 0))) << w.pid;
    run.stop();
}

// The GUI's choice: the idle scheduling class, which a process may take without privileges.
TEST(Priority, IdleClassIsAppliedByEveryWorker) {
    ExperimentConfig c;
    c.durationS = 0;
    c.workerNice = ExperimentConfig::kNiceIdle;
    EXPECT_EQ(ExperimentConfig::fromArgs(c.toArgs()).workerNice, ExperimentConfig::kNiceIdle);
    ExperimentRun run(c);
    ASSERT_TRUE(allWorkersMoving(run));
    for (const auto& w : run.workers()) EXPECT_EQ(::sched_getscheduler(w.pid), SCHED_IDLE) << w.pid;
    run.stop();
}

// What the scene labels comes from the objects themselves: the name is one the system lists,
// the capacity the one the kernel or the ring reports.
TEST(RunObjects, NamesAndCapacitiesAreTheRealOnes) {
    {
        auto c = test::streamConfig(TransportKind::SharedMemory, 64, 0);
        ExperimentRun run(c);
        std::string name = run.dataObjectName();
        EXPECT_EQ(name, "/" + run.prefix() + "-ring0");
        EXPECT_TRUE(std::filesystem::exists("/dev/shm" + name)) << name;
        ShmRing ring = ShmRing::attach(name);
        EXPECT_EQ(run.channelCapacity(), ring.slotCount());
        run.stop();
    }
    {
        auto c = test::streamConfig(TransportKind::MessageQueue, 64, 0);
        ExperimentRun run(c);
        std::string name = run.dataObjectName();
        EXPECT_EQ(name.rfind("/" + run.prefix(), 0), 0u) << name;
        std::ifstream msgMax("/proc/sys/fs/mqueue/msg_max");
        long limit = 10;
        msgMax >> limit;
        EXPECT_EQ(run.channelCapacity(), static_cast<std::size_t>(std::min(10L, limit)));
        run.stop();
    }
    {
        auto c = test::streamConfig(TransportKind::Pipe, 64, 0);
        ExperimentRun run(c);
        EXPECT_EQ(run.dataObjectName(), ""); // an unnamed kernel object
        EXPECT_EQ(run.channelCapacity(), 0u); // the kernel counts bytes, not messages
        run.stop();
    }
    {
        auto c = test::raceConfig(SyncMode::Mutex, true, 2, 0);
        ExperimentRun run(c);
        EXPECT_EQ(run.dataObjectName(), "/" + run.prefix() + "-race");
        run.stop();
    }
}
