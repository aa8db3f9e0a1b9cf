// The telemetry's system-call counters against what the models promise: after setup the shared
// ring moves messages with (about) zero system calls; message passing needs at least one per
// send and one per receive.
#include "ipclab/transport/message.h"
#include "ipclab/base/object_names.h"
#include "ipclab/transport/shm_ring.h"
#include "ipclab/telemetry/telemetry.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace ipclab;

namespace {
struct PerRole {
    uint64_t sent, received, producerCalls, consumerCalls;
};

PerRole measure(TransportKind kind, SyncMode sync = SyncMode::Atomic) {
    auto cfg = test::streamConfig(kind, 64, 0);
    cfg.sync = sync;
    ExperimentRun run(cfg);
    test::waitFor([&] { return run.sample().sum(&WorkerCounters::messages) > 20000; }, 3000);
    Snapshot a = run.sample();
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    Snapshot b = run.sample();
    run.stop();
    int p = roleBit(WorkerRole::Producer), c = roleBit(WorkerRole::Consumer);
    auto d = [&](uint64_t WorkerCounters::*f, int role) { return b.sum(f, role) - a.sum(f, role); };
    return {d(&WorkerCounters::messages, p), d(&WorkerCounters::messages, c), d(&WorkerCounters::syscalls, p),
            d(&WorkerCounters::syscalls, c)};
}
} // namespace

// The data path itself: a producer process writes 1000 messages into the ring, then a consumer
// reads them all back. Neither had to wait, so neither may have entered the kernel: exactly 0.
TEST(Syscalls, SharedRingDataPathMakesZeroSystemCalls) {
    std::string prefix = makeObjectPrefix();
    auto tel = TelemetryBlock::create(prefix + "-tel", 2);
    constexpr uint32_t kPayload = 64, kCount = 1000;
    auto ring = ShmRing::create(prefix + "-ring", kFrameHeaderSize + kPayload, 1024);
    pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        auto r = ShmRing::attach(prefix + "-ring");
        MessageBuilder b(0, kPayload);
        for (uint32_t i = 0; i < kCount; ++i)
            if (r.push(b.build(i, 0), tel.control(), &tel.worker(0)) != ShmRing::Status::Ok) ::_exit(1);
        ::_exit(0);
    }
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    std::vector<std::byte> frame(kFrameHeaderSize + kPayload);
    for (uint32_t i = 0; i < kCount; ++i) {
        std::size_t len = 0;
        ASSERT_EQ(ring.pop(frame, len, tel.control(), &tel.worker(1), 1'000'000'000), ShmRing::Status::Ok);
        MessageHeader h{};
        ASSERT_EQ(verifyFrame(std::span(frame).first(len), kPayload, 1, h), Verdict::Ok);
        ASSERT_EQ(h.seq, i);
    }
    EXPECT_EQ(tel.worker(0).syscalls.get(), 0u);
    EXPECT_EQ(tel.worker(1).syscalls.get(), 0u);
}

// How a waiter waits depends on the CPUs: with one for every process on the ring it spins (no
// system call at all before it would sleep); with more processes than CPUs the peer it waits
// for is probably not running, so it yields its CPU, a counted system call each time.
TEST(Syscalls, OversubscribedRingWaitersYieldTheirCpu) {
    std::string prefix = makeObjectPrefix();
    auto tel = TelemetryBlock::create(prefix + "-tel", 2);
    auto ring = ShmRing::create(prefix + "-ring", kFrameHeaderSize + 64, 16);
    std::vector<std::byte> frame(kFrameHeaderSize + 64);
    std::size_t len = 0;
    ring.setProcesses(2);
    // An idle timeout of 0: wait as long as waiting is cheap, then report Empty instead of sleeping.
    ASSERT_EQ(ring.pop(frame, len, tel.control(), &tel.worker(0), 0), ShmRing::Status::Empty);
    long cpus = ::sysconf(_SC_NPROCESSORS_ONLN);
    if (cpus >= 2) {
        EXPECT_EQ(tel.worker(0).syscalls.get(), 0u);
    }
    ring.setProcesses(static_cast<int>(cpus) + 1);
    ASSERT_EQ(ring.pop(frame, len, tel.control(), &tel.worker(1), 0), ShmRing::Status::Empty);
    EXPECT_GT(tel.worker(1).syscalls.get(), 10u); // the yields
    // ...and each is counted as a wait: none of them moved data.
    EXPECT_EQ(tel.worker(1).waitCalls.get(), tel.worker(1).syscalls.get());
}

// Live, a consumer that empties the ring sleeps on a futex and the producer wakes it, so under
// load there are some calls per message: they are synchronization, not data movement. Recorded
// (see the XML output), compared with a pipe in the same run.
TEST(Syscalls, SharedRingLiveStreamNeedsFewerCallsThanAPipe) {
    PerRole shm = measure(TransportKind::SharedMemory);
    PerRole pipe = measure(TransportKind::Pipe);
    ASSERT_GT(shm.received, 1000u);
    ASSERT_GT(pipe.received, 1000u);
    double shmPer = static_cast<double>(shm.producerCalls + shm.consumerCalls) / static_cast<double>(shm.received);
    double pipePer = static_cast<double>(pipe.producerCalls + pipe.consumerCalls) / static_cast<double>(pipe.received);
    RecordProperty("shm_syscalls_per_msg", std::to_string(shmPer));
    RecordProperty("pipe_syscalls_per_msg", std::to_string(pipePer));
    // >= 1 write + 1 read per message; the sampling window's edges can shift a few messages.
    EXPECT_GE(pipePer, 1.9);
    EXPECT_LT(shmPer, pipePer);
}

class MessagePassingSyscalls : public testing::TestWithParam<TransportKind> {};

TEST_P(MessagePassingSyscalls, AtLeastOnePerSendAndPerReceive) {
    PerRole r = measure(GetParam());
    ASSERT_GT(r.sent, 100u);
    ASSERT_GT(r.received, 100u);
    // A worker counts the system call before the message, so a sample taken between the two
    // can shift one of each across the window's two edges.
    EXPECT_GE(r.producerCalls + 2, r.sent);
    EXPECT_GE(r.consumerCalls + 2, r.received);
}

INSTANTIATE_TEST_SUITE_P(Kernel, MessagePassingSyscalls,
                         testing::Values(TransportKind::Pipe, TransportKind::Fifo, TransportKind::UnixSocket,
                                         TransportKind::Tcp, TransportKind::MessageQueue, TransportKind::File),
                         [](const auto& i) { return std::string(toString(i.param)); });
