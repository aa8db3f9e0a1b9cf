// Kill -9 of any one worker in the middle of a real `ipclab-cli` run: the counts still add up,
// the death is reported (which worker, which signal), and the exit status says so (3).
#include "test_support.h"

#include <gtest/gtest.h>

#include <dirent.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

std::string cliPath() {
    const char* p = std::getenv("IPCLAB_CLI");
    return p ? p : "";
}

struct Worker {
    pid_t pid;
    std::string role;
    char state;
};

// The ipclab-worker children of `parent`, with their role (from the command line) and state.
std::vector<Worker> workersOf(pid_t parent) {
    std::vector<Worker> out;
    DIR* d = ::opendir("/proc");
    if (!d) return out;
    while (dirent* e = ::readdir(d)) {
        std::string pid = e->d_name;
        if (pid.find_first_not_of("0123456789") != std::string::npos) continue;
        std::ifstream st("/proc/" + pid + "/stat");
        std::string stat((std::istreambuf_iterator<char>(st)), std::istreambuf_iterator<char>());
        auto close = stat.rfind(')');
        if (close == std::string::npos || stat.find("(ipclab-worker)") == std::string::npos) continue;
        std::istringstream rest(stat.substr(close + 2));
        char state = 0;
        long ppid = 0;
        rest >> state >> ppid;
        if (ppid != parent) continue;
        std::ifstream cl("/proc/" + pid + "/cmdline");
        std::string cmd((std::istreambuf_iterator<char>(cl)), std::istreambuf_iterator<char>());
        std::string role;
        auto r = cmd.find(std::string("--role") + '\0');
        if (r != std::string::npos) role = cmd.substr(r + 7, cmd.find('\0', r + 7) - (r + 7));
        out.push_back({static_cast<pid_t>(std::stol(pid)), role, state});
    }
    ::closedir(d);
    return out;
}

struct CliRun {
    int status = -1;
    std::string csv, err;
    double seconds = 0;
};

// Starts `ipclab-cli args --csv`, lets `pick` choose a worker to SIGKILL after `afterMs`.
template <typename Pick>
CliRun runAndKill(const std::vector<std::string>& args, int afterMs, Pick pick) {
    std::string out = testing::TempDir() + "ipclab-death-" + std::to_string(::getpid()) + ".csv";
    std::string errf = out + ".err";
    auto t0 = std::chrono::steady_clock::now();
    const std::string exe = cliPath();
    pid_t cli = ::fork();
    if (cli == 0) {
        if (!std::freopen(out.c_str(), "w", stdout) || !std::freopen(errf.c_str(), "w", stderr)) ::_exit(127);
        std::vector<char*> argv{const_cast<char*>(exe.c_str())};
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(const_cast<char*>("--csv"));
        argv.push_back(nullptr);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(afterMs));
    pid_t victim = -1;
    for (int i = 0; i < 200 && victim < 0; ++i) {
        victim = pick(workersOf(cli));
        if (victim < 0) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    if (victim > 0) ::kill(victim, SIGKILL);
    CliRun r;
    ::waitpid(cli, &r.status, 0);
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::ifstream o(out), e(errf);
    r.csv.assign(std::istreambuf_iterator<char>(o), std::istreambuf_iterator<char>());
    r.err.assign(std::istreambuf_iterator<char>(e), std::istreambuf_iterator<char>());
    std::remove(out.c_str());
    std::remove(errf.c_str());
    EXPECT_GT(victim, 0) << "no worker to kill";
    return r;
}

std::string column(const std::string& csv, const std::string& name) { return ipclab::test::csvColumn(csv, name); }
long num(const std::string& csv, const std::string& name) { return std::atol(column(csv, name).c_str()); }

auto byRole(const std::string& role) {
    return [role](const std::vector<Worker>& ws) {
        for (const auto& w : ws)
            if (w.role == role) return w.pid;
        return pid_t{-1};
    };
}

class WorkerDeath : public testing::Test {
protected:
    void SetUp() override {
        if (cliPath().empty()) GTEST_SKIP() << "IPCLAB_CLI not set";
    }
};

} // namespace

TEST_F(WorkerDeath, StreamConsumerKilledCountsAddUpAndExitIsThree) {
    CliRun r = runAndKill({"stream", "--transport", "shm", "--sync", "atomic", "--duration", "2"}, 600, byRole("consumer"));
    ASSERT_TRUE(WIFEXITED(r.status));
    EXPECT_EQ(WEXITSTATUS(r.status), 3) << r.err;
    EXPECT_GT(num(r.csv, "received"), 0) << "the consumer's messages before its death are counted\n" << r.csv;
    EXPECT_GE(num(r.csv, "sent"), num(r.csv, "received")) << r.csv;
    EXPECT_EQ(num(r.csv, "sent") - num(r.csv, "received"), num(r.csv, "lost")) << r.csv;
    EXPECT_NE(column(r.csv, "worker_deaths").find("consumer"), std::string::npos) << r.csv;
    EXPECT_NE(column(r.csv, "worker_deaths").find("signal 9"), std::string::npos) << r.csv;
    EXPECT_NE(r.err.find("died"), std::string::npos) << r.err;
}

TEST_F(WorkerDeath, StreamProducerKilledNeverShowsMoreReceivedThanSent) {
    CliRun r = runAndKill({"stream", "--transport", "pipe", "--duration", "2"}, 600, byRole("producer"));
    ASSERT_TRUE(WIFEXITED(r.status));
    EXPECT_EQ(WEXITSTATUS(r.status), 3) << r.err;
    EXPECT_GT(num(r.csv, "sent"), 0) << r.csv;
    EXPECT_GE(num(r.csv, "sent"), num(r.csv, "received")) << r.csv;
    EXPECT_NE(column(r.csv, "worker_deaths").find("producer"), std::string::npos) << r.csv;
}

TEST_F(WorkerDeath, RaceWorkerKilledIsReported) {
    CliRun r = runAndKill({"race", "--workers", "3", "--sync", "mutex", "--duration", "2"}, 600, byRole("race"));
    ASSERT_TRUE(WIFEXITED(r.status));
    EXPECT_EQ(WEXITSTATUS(r.status), 3) << r.err;
    EXPECT_GT(num(r.csv, "updates"), 0);
    // Updates made = counter + lost updates: the killed worker's updates stay counted. A worker
    // counts an update just after its increment, so a kill between the two leaves the counter
    // one ahead of the count: at most one.
    EXPECT_LE(std::labs(num(r.csv, "updates") - (num(r.csv, "counter") + num(r.csv, "lost_updates"))), 1) << r.csv;
    EXPECT_NE(column(r.csv, "worker_deaths").find("signal 9"), std::string::npos) << r.csv;
}

TEST_F(WorkerDeath, PingPongDeathIsReported) {
    CliRun r = runAndKill({"pingpong", "--transport", "unix", "--duration", "2"}, 600, byRole("ponger"));
    ASSERT_TRUE(WIFEXITED(r.status));
    EXPECT_EQ(WEXITSTATUS(r.status), 3) << r.err;
    EXPECT_GT(num(r.csv, "round_trips"), 0) << r.csv;
    EXPECT_NE(column(r.csv, "worker_deaths").find("ponger"), std::string::npos) << r.csv;
}

// A semaphore (or spinlock) held by a worker that dies is never given back: the run stops at
// once with that explanation instead of leaving the others waiting until the end.
TEST_F(WorkerDeath, SemaphoreHolderDeathStopsTheRunWithAReason) {
    auto holder = [](const std::vector<Worker>& ws) {
        // The holder busy-waits inside the critical section (--hold-us): the one running.
        pid_t running = -1;
        int sleeping = 0;
        for (const auto& w : ws) {
            if (w.state == 'R') running = w.pid;
            else sleeping++;
        }
        return ws.size() == 3 && sleeping == 2 ? running : pid_t{-1};
    };
    CliRun r = runAndKill({"race", "--workers", "3", "--sync", "semaphore", "--hold-us", "200000", "--duration", "10"}, 500,
                       holder);
    ASSERT_TRUE(WIFEXITED(r.status));
    EXPECT_EQ(WEXITSTATUS(r.status), 3) << r.err;
    EXPECT_LT(r.seconds, 8.0) << "the run waited for a semaphore nobody can give back";
    EXPECT_NE(column(r.csv, "worker_deaths").find("cannot be recovered"), std::string::npos) << r.csv;
}
