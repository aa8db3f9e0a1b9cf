// ipclab-cli in-process: exit codes, one-line errors for bad input, the three output formats.
#include "cli.h"

#include <gtest/gtest.h>
#include <sstream>

using namespace ipclab;

namespace {
struct Result {
    int code;
    std::string out, err;
};
Result cli(std::vector<std::string> args) {
    std::ostringstream out, err;
    int code = runCli(args, out, err);
    return {code, out.str(), err.str()};
}
int lines(const std::string& s) {
    int n = 0;
    for (char c : s) n += c == '\n';
    return n;
}
} // namespace

class BadInput : public testing::TestWithParam<std::vector<std::string>> {};

TEST_P(BadInput, ExitsTwoWithOneClearLine) {
    Result r = cli(GetParam());
    EXPECT_EQ(r.code, 2) << r.err;
    EXPECT_EQ(lines(r.err), 1) << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
    EXPECT_NE(r.err.find("ipclab-cli"), std::string::npos) << r.err;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BadInput,
    testing::Values(std::vector<std::string>{"stream", "--transport", "carrier-pigeon"},
                    std::vector<std::string>{"stream", "--size", "0"},
                    std::vector<std::string>{"stream", "--transport", "mqueue", "--size", "1M"},
                    std::vector<std::string>{"stream", "--size", "2M"},
                    std::vector<std::string>{"race", "--workers", "65"},
                    std::vector<std::string>{"stream", "--duration", "-1"},
                    std::vector<std::string>{"stream", "--frobnicate", "1"},
                    std::vector<std::string>{"stream", "--producers"},
                    std::vector<std::string>{"race", "--sync", "prayer"},
                    std::vector<std::string>{"teleport"},
                    std::vector<std::string>{"stream", "--rate", "abc"},
                    // Flags that do not apply to a command, and worker-internal flags, are refused.
                    std::vector<std::string>{"pingpong", "--producers", "65"},
                    std::vector<std::string>{"race", "--transport", "pipe"},
                    std::vector<std::string>{"stream", "--experiment", "race"},
                    std::vector<std::string>{"stream", "--telemetry", "0"},
                    // Numbers out of any sensible range.
                    std::vector<std::string>{"stream", "--rate", "1e308"},
                    std::vector<std::string>{"stream", "--rate", "inf"},
                    std::vector<std::string>{"stream", "--duration", "0"},
                    std::vector<std::string>{"stream", "--duration", "nan"},
                    std::vector<std::string>{"stream", "--duration", "100000"},
                    std::vector<std::string>{"stream", "--producers", "99999999999999999999"},
                    std::vector<std::string>{"sweep", "--transports", "mqueue", "--sizes", "8192"},
                    // The benchmark: one parser, every value checked.
                    std::vector<std::string>{"bench", "--messages", "abc"},
                    std::vector<std::string>{"bench", "--duration", ""},
                    std::vector<std::string>{"bench", "--duration", "1e309"},
                    std::vector<std::string>{"bench", "--duration", "-1"},
                    std::vector<std::string>{"bench", "--repeats", "0"},
                    std::vector<std::string>{"bench", "--repeats", "2.5"},
                    std::vector<std::string>{"bench", "--sizes", "0"},
                    std::vector<std::string>{"bench", "--transports", "pigeon"},
                    std::vector<std::string>{"bench", "--duration"}));

TEST(Cli, NoArgumentsPrintsUsageAndExitsTwo) {
    Result r = cli({});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("usage"), std::string::npos) << r.err;
}

TEST(Cli, HelpForEverySubcommand) {
    for (std::string sub : {"stream", "race", "pingpong", "sweep", "isolation", "list", "bench", "cleanup"}) {
        Result r = cli({sub, "--help"});
        EXPECT_EQ(r.code, 0) << sub;
        EXPECT_NE(r.out.find(sub), std::string::npos) << sub << ": " << r.out;
    }
    EXPECT_EQ(cli({"--help"}).code, 0);
}

TEST(Cli, StreamCsvHasHeaderAndOneRowOfMeasuredNumbers) {
    Result r = cli({"stream", "--transport", "unix", "--duration", "0.4", "--csv"});
    ASSERT_EQ(r.code, 0) << r.err;
    ASSERT_EQ(lines(r.out), 2) << r.out;
    EXPECT_EQ(r.out.rfind("transport,sync,", 0), 0u) << r.out;
    EXPECT_NE(r.out.find("\nunix,"), std::string::npos);
}

TEST(Cli, RaceJsonIsAnArrayOfObjects) {
    Result r = cli({"race", "--sync", "atomic", "--workers", "2", "--duration", "0.3", "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out.front(), '[');
    EXPECT_NE(r.out.find("\"lost_updates\": 0"), std::string::npos) << r.out;
}

TEST(Cli, TableIsTheDefault) {
    Result r = cli({"pingpong", "--transport", "shm", "--duration", "0.3"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("rtt_p50_us"), std::string::npos);
    EXPECT_NE(r.out.find("---"), std::string::npos);
}

TEST(Cli, ListShowsTransportsAndLimits) {
    Result r = cli({"list"});
    ASSERT_EQ(r.code, 0) << r.err;
    for (const char* t : {"shm", "pipe", "fifo", "unix", "tcp", "mqueue", "file"})
        EXPECT_NE(r.out.find(t), std::string::npos) << t;
}

// The benchmark runs end to end (tiny durations: this is a smoke test, not a measurement).
TEST(Cli, BenchQuickPrintsFullOverBareAndTheSweepComparison) {
    Result r = cli({"bench", "--quick", "--duration", "0.05", "--repeats", "1", "--transports", "shm,pipe", "--sizes", "64"});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("full_over_bare"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("bare_shm_over_best"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("shm        64"), std::string::npos) << r.out;
}
