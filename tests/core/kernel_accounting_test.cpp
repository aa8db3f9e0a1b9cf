// The kernel's own accounting beside IPC Lab's counters: the parsers against /proc's formats
// (a command name with spaces and parentheses included), the live reader against this process,
// the final rusage of reaped workers, and the claim it witnesses: a pipe worker spends most of
// its CPU in the kernel, a lock-free shared-memory worker nearly none.
#include "ipclab/base/cpu_accounting.h"
#include "ipclab/experiment/experiment_runner.h"
#include "ipclab/experiment/run_sampler.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <thread>

#include <string>

using namespace ipclab;

TEST(CpuAccounting, ParsesStatFromTheLastParenthesis) {
    // comm "(a) b (c" would break a parser that splits on spaces or stops at the first ')'.
    std::string stat = "4242 ((a) b (c) S 1 4242 4242 0 -1 4194560 777 0 0 0 250 125 0 0 20 0 1 0 100 1000 10 "
                       "18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n";
    CpuAccounting a;
    ASSERT_TRUE(parseProcStat(stat, 100, a));
    EXPECT_EQ(a.minorFaults, 777u);
    EXPECT_DOUBLE_EQ(a.userS, 2.5);
    EXPECT_DOUBLE_EQ(a.systemS, 1.25);
    EXPECT_NEAR(a.systemShare(), 1.25 / 3.75, 1e-12);
}

TEST(CpuAccounting, StatFieldsAreCountedFromTheLastParenthesis) {
    std::string_view stat = "4242 ((a) b (c) S 1 4242 4242 0 -1 4194560 777 0 0 0 250 125\n";
    EXPECT_EQ(statField(stat, 3), "S");
    EXPECT_EQ(statField(stat, 4), "1");
    EXPECT_EQ(statField(stat, 10), "777");
    EXPECT_EQ(statField(stat, 15), "125"); // the last one, before the newline
    EXPECT_EQ(statField(stat, 16), "");    // past the end
    EXPECT_EQ(statField(stat, 2), "");     // the comm is not a field here
    EXPECT_EQ(statField("no parenthesis 1 2 3", 3), "");
    // Several in one walk: the same fields as one at a time.
    const int wanted[] = {2, 4, 10, 15, 16};
    std::string_view got[5];
    statFields(stat, wanted, got);
    for (std::size_t i = 0; i < 5; ++i) EXPECT_EQ(got[i], statField(stat, wanted[i])) << wanted[i];
    EXPECT_EQ(got[2], "777");
}

TEST(CpuAccounting, RejectsWhatIsNotStat) {
    CpuAccounting a;
    EXPECT_FALSE(parseProcStat("", 100, a));
    EXPECT_FALSE(parseProcStat("12 (x) S 1 2", 100, a));                                    // too short
    EXPECT_FALSE(parseProcStat("12 (x) S 1 2 3 4 5 6 x 0 0 0 5 5 0", 100, a));               // minflt not a number
    EXPECT_FALSE(parseProcStat("12 (x) S 1 2 3 4 5 6 7 0 0 0 -5 5 0", 100, a));              // negative time
    EXPECT_FALSE(parseProcStat("12 (x) S 1 2 3 4 5 6 7 0 0 0 5 5 0", 0, a));                 // no tick rate
    EXPECT_FALSE(parseProcStatus("Name:\tx\nvoluntary_ctxt_switches:\t3\n", a));             // one of two
    EXPECT_FALSE(parseProcStatus("voluntary_ctxt_switches:\tlots\nnonvoluntary_ctxt_switches:\t1\n", a));
}

TEST(CpuAccounting, ParsesStatus) {
    CpuAccounting a;
    ASSERT_TRUE(parseProcStatus("Name:\tipclab-worker\nState:\tR (running)\nvoluntary_ctxt_switches:\t1234\n"
                                "nonvoluntary_ctxt_switches:\t56\n",
                                a));
    EXPECT_EQ(a.voluntarySwitches, 1234u);
    EXPECT_EQ(a.involuntarySwitches, 56u);
}

TEST(CpuAccounting, ReadsALiveProcessAndNotAGoneOne) {
    // Burn some CPU (the CPU clock is a system call: user and kernel time both grow), then read
    // ourselves from /proc and compare with the kernel's other interface, getrusage.
    volatile uint64_t x = 0;
    timespec ts{};
    auto cpuS = [&] { ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts); return static_cast<double>(ts.tv_sec) + ts.tv_nsec / 1e9; };
    double until = cpuS() + 0.2;
    while (cpuS() < until) x = x + 1;
    CpuAccounting self = readProcAccounting(::getpid());
    rusage ru{};
    ::getrusage(RUSAGE_SELF, &ru);
    CpuAccounting other = fromRusage(ru);
    ASSERT_TRUE(self.valid);
    EXPECT_GT(self.userS + self.systemS, 0.15);
    // /proc counts in 10 ms ticks: agreement within a few ticks.
    EXPECT_NEAR(self.userS + self.systemS, other.userS + other.systemS, 0.05);
    EXPECT_NEAR(static_cast<double>(self.minorFaults), static_cast<double>(other.minorFaults), 50);
    EXPECT_NEAR(static_cast<double>(self.voluntarySwitches), static_cast<double>(other.voluntarySwitches), 5);

    pid_t child = ::fork();
    if (child == 0) ::_exit(0);
    int status = 0;
    ::waitpid(child, &status, 0);
    EXPECT_FALSE(readProcAccounting(child).valid); // reaped: /proc has nothing of it
    EXPECT_FALSE(readProcAccounting(0).valid);
}

namespace {
double sysPct(TransportKind k) {
    ExperimentConfig c = test::streamConfig(k, 64, 1.5);
    c.producers = c.consumers = 1;
    c.sync = SyncMode::Atomic;
    Table t = runExperiment(c);
    return std::stod(t.at(0, "sys_cpu_pct"));
}
} // namespace

// The course's claim, witnessed by the kernel rather than by our counters (generous bounds; the
// measured values here are about 80 % and 0 %). With more busy processes than CPUs (other tests
// running at once), shared-memory workers that find the ring full or empty yield and sleep in
// the kernel: 23 % was seen then. That is true, but it is waiting, not the data path, so the
// quietest of up to three runs is taken.
TEST(CpuAccounting, PipeWorkersLiveInTheKernelSharedMemoryWorkersDoNot) {
    double pipe = 0, shm = 100;
    for (int i = 0; i < 3 && pipe <= 50.0; ++i) pipe = std::max(pipe, sysPct(TransportKind::Pipe));
    for (int i = 0; i < 3 && shm >= 5.0; ++i) shm = std::min(shm, sysPct(TransportKind::SharedMemory));
    EXPECT_GT(pipe, 50.0);
    EXPECT_LT(shm, 5.0);
}

TEST(CpuAccounting, TheSamplerReportsLiveRatesPerWorkerAndFinalUsageOnceReaped) {
    ExperimentConfig c = test::streamConfig(TransportKind::Pipe, 64, 0);
    c.producers = c.consumers = 1;
    ExperimentRun run(c);
    RunSampler sampler(run);
    LaneSample s;
    ASSERT_TRUE(test::waitFor([&] { s = sampler.sample(c); return s.kernel.valid; }, 5000));
    ASSERT_TRUE(test::waitFor([&] { s = sampler.sample(c); return s.kernel.systemPct > 20; }, 5000)) << s.kernel.systemPct;
    // Each worker's user/system split over the whole one-second window: the first valid rate
    // covers half of it, and the kernel divides a process's CPU time between user and system by
    // 10 ms ticks. Over half a second, the sanitizer build's pipe workers read system below user
    // in 2 of 8 runs (33 vs 60 %); over the full window in none of 10.
    const auto settled = std::chrono::steady_clock::now() + std::chrono::milliseconds(1200);
    while (std::chrono::steady_clock::now() < settled) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        s = sampler.sample(c);
    }
    for (const auto& w : s.workers) {
        EXPECT_TRUE(w.cpu.valid);
        EXPECT_TRUE(w.kernel.valid);
        EXPECT_GT(w.kernel.systemPct, w.kernel.userPct) << "a pipe worker: pid " << w.pid;
    }
    EXPECT_DOUBLE_EQ(s.point[Series::SystemCpuPct], s.kernel.systemPct);
    run.stop();
    LaneSample end = sampler.sample(c);
    for (const auto& w : end.workers) {
        ASSERT_TRUE(w.exit.exited);
        EXPECT_TRUE(w.cpu.valid);           // wait4's rusage
        EXPECT_GT(w.cpu.systemS, 0.05);
        EXPECT_FALSE(w.kernel.valid);       // no live rate for a reaped process
    }
    EXPECT_TRUE(end.kernel.valid); // the lane keeps its last rates on the chart
}
