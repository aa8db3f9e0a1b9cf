// The CPU-pressure lever: extra processes that only burn CPU. They are real processes (in /proc,
// at the nice level asked for), the sampler lists them with what the kernel counted for them,
// the count changes live, and none is left once the run stops (or when its handle goes away).
#include "ipclab/base/error.h"
#include "ipclab/experiment/run_sampler.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <signal.h>

#include <cerrno>
#include <fstream>
#include <sstream>
#include <string>

using namespace ipclab;

namespace {
bool alive(pid_t pid) { return ::kill(pid, 0) == 0 || errno != ESRCH; }

std::string cmdline(pid_t pid) {
    std::ifstream f("/proc/" + std::to_string(pid) + "/cmdline");
    std::string s((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    for (char& ch : s)
        if (ch == '\0') ch = ' ';
    return s;
}

int niceOf(pid_t pid) {
    std::ifstream f("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    std::istringstream rest(text.substr(text.rfind(')') + 2));
    std::string field;
    for (int i = 3; i <= 19 && rest >> field; ++i) {}
    return std::stoi(field); // field 19: nice
}

ExperimentConfig race(int hogs, int nice) {
    ExperimentConfig c;
    c.experiment = ExperimentKind::Race;
    c.workers = 2;
    c.sync = SyncMode::Spinlock;
    c.durationS = 0;
    c.cpuHogs = hogs;
    c.hogNice = nice;
    return c;
}
} // namespace

TEST(CpuPressure, HogsAreRealProcessesListedWithTheKernelsCountAndChangeLive) {
    ExperimentConfig c = race(2, 10);
    ExperimentRun run(c);
    RunSampler sampler(run);
    std::vector<pid_t> hogs = run.cpuHogs();
    ASSERT_EQ(hogs.size(), 2u);
    for (pid_t h : hogs) {
        EXPECT_TRUE(test::waitFor([&] { return cmdline(h).find("ipclab-worker --hog") != std::string::npos; }, 3000)) << cmdline(h);
        // (The hog lowers its own priority once it runs.)
        EXPECT_TRUE(test::waitFor([&] { return niceOf(h) == 10; }, 3000)) << niceOf(h);
    }
    LaneSample s;
    ASSERT_TRUE(test::waitFor([&] {
        s = sampler.sample(c);
        return s.hogs.size() == 2 && s.hogs[0].kernel.valid && s.hogs[1].kernel.valid;
    }, 5000));
    for (const auto& h : s.hogs) {
        EXPECT_EQ(h.nice, 10);
        EXPECT_GT(h.kernel.userPct, 5.0) << "a hog burns CPU in user mode: pid " << h.pid;
    }
    // One fewer, live: the extra one is killed and reaped.
    run.setCpuHogs(1, 10);
    ASSERT_EQ(run.cpuHogs().size(), 1u);
    EXPECT_FALSE(alive(hogs[1]));
    EXPECT_EQ(sampler.sample(c).hogs.size(), 1u);
    run.stop();
    EXPECT_TRUE(run.cpuHogs().empty());
    for (pid_t h : hogs) EXPECT_FALSE(alive(h)) << h;
    run.setCpuHogs(3, 0); // a stopped run starts none
    EXPECT_TRUE(run.cpuHogs().empty());
}

TEST(CpuPressure, NoHogOutlivesItsRun) {
    std::vector<pid_t> hogs;
    {
        ExperimentRun run(race(3, 0));
        hogs = run.cpuHogs();
        ASSERT_EQ(hogs.size(), 3u);
    } // destroyed without stop()
    for (pid_t h : hogs) EXPECT_FALSE(alive(h)) << h;
}

TEST(CpuPressure, OutOfRangeIsAClearError) {
    EXPECT_THROW(race(ExperimentConfig::kMaxCpuHogs + 1, 0).validate(), ConfigError);
    EXPECT_THROW(race(1, 20).validate(), ConfigError);
    EXPECT_THROW(race(-1, 0).validate(), ConfigError);
    EXPECT_THROW(ExperimentConfig::fromArgs({"--cpu-hogs", "lots"}), ConfigError);
}
