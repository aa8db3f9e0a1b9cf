// An outside witness for the system-call counts IPC Lab shows: strace counts the data-moving
// calls of a real `ipclab-cli stream` run (every process, -f), and the run's own data_calls
// column must agree within a few percent. Per message, send side + receive side: a pipe is 2.

#include "test_support.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

namespace {

std::string cliPath() {
    const char* p = std::getenv("IPCLAB_CLI");
    return p ? p : "";
}

bool haveStrace() { return std::system("strace -V >/dev/null 2>&1") == 0; }

// Calls per syscall name from `strace -c` output (calls minus errors: a timed-out receive
// moved nothing, and IPC Lab counts it as a wait).
std::map<std::string, long> straceCounts(const std::string& file) {
    std::ifstream in(file);
    std::map<std::string, long> out;
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream ls(line);
        std::vector<std::string> f;
        for (std::string w; ls >> w;) f.push_back(w);
        // "% time  seconds  usecs/call  calls  [errors]  syscall"
        if (f.size() < 5 || f.back() == "total" || f[0].find_first_not_of("0123456789.") != std::string::npos) continue;
        long calls = std::stol(f[3]);
        long errors = f.size() == 6 ? std::stol(f[4]) : 0;
        out[f.back()] = calls - errors;
    }
    return out;
}

long column(const std::string& csv, const std::string& name) {
    std::string v = ipclab::test::csvColumn(csv, name);
    return v.empty() ? -1 : std::stol(v);
}

struct Case {
    const char* transport;
    const char* calls; // strace -e trace=...
};

class StraceWitness : public testing::TestWithParam<Case> {};

TEST_P(StraceWitness, DataCallsAgreeWithStrace) {
    if (cliPath().empty()) GTEST_SKIP() << "IPCLAB_CLI not set";
    if (!haveStrace()) GTEST_SKIP() << "strace is not installed (scripts/setup.sh installs it)";
    const Case c = GetParam();
    std::string dir = testing::TempDir();
    std::string trace = dir + "ipclab-strace-" + std::to_string(::getpid()) + "-" + c.transport + ".txt";
    std::string csv = dir + "ipclab-strace-" + std::to_string(::getpid()) + "-" + c.transport + ".csv";
    // LeakSanitizer cannot run under ptrace (the ASan build of the suite): leaks are checked
    // by every other test, not by this one.
    std::string cmd = std::string("ASAN_OPTIONS=detect_leaks=0 strace -f -c -e trace=") + c.calls + " -o " + trace + " " + cliPath() +
                      " stream --transport " + c.transport + " --duration 1 --csv > " + csv + " 2>/dev/null";
    struct Remove { // the two files go whatever the outcome
        std::string a, b;
        ~Remove() {
            std::remove(a.c_str());
            std::remove(b.c_str());
        }
    } remove{trace, csv};
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
    std::ifstream f(csv);
    std::string out((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    auto counts = straceCounts(trace);

    long ours = column(out, "data_calls");
    long received = column(out, "received");
    ASSERT_GT(received, 100) << out;
    long theirs = 0;
    for (const auto& [name, n] : counts) theirs += n;
    RecordProperty("strace_calls", std::to_string(theirs));
    RecordProperty("ipclab_data_calls", std::to_string(ours));
    // strace also sees the controller's own few reads and writes (its output, /proc limits).
    EXPECT_NEAR(static_cast<double>(ours), static_cast<double>(theirs), 0.03 * static_cast<double>(theirs) + 50)
        << "strace: " << theirs << ", IPC Lab: " << ours << "\n" << out;
    // And the way the course counts: one call down, one call up per message.
    EXPECT_NEAR(static_cast<double>(ours) / static_cast<double>(received), 2.0, 0.1) << out;
}

INSTANTIATE_TEST_SUITE_P(MessagePassing, StraceWitness,
                         testing::Values(Case{"pipe", "read,write"}, Case{"unix", "read,write,sendto,recvfrom"},
                                         Case{"mqueue", "mq_timedsend,mq_timedreceive"}),
                         [](const auto& i) { return std::string(i.param.transport); });

} // namespace
