// ipclab-cli in-process: exit codes, one-line errors for bad input, the three output formats.
#include "cli.h"
#include "cpu_placement.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
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
    // Table 1b's third baseline, IPC Lab's own ring without the instrument, moved messages.
    std::size_t at = r.out.find("IPC Lab's ring ");
    ASSERT_NE(at, std::string::npos) << r.out;
    double rate = 0, full = 0;
    std::istringstream(r.out.substr(at + std::string("IPC Lab's ring ").size())) >> rate >> full;
    EXPECT_GT(rate, 0) << r.out;
    EXPECT_GT(full, 0) << r.out;
    // Table 1e: the full path and that ring taking turns, both moved messages in their turns.
    at = r.out.find("\n1e. ");
    ASSERT_NE(at, std::string::npos) << r.out;
    at = r.out.find("\nshm ", at);
    ASSERT_NE(at, std::string::npos) << r.out;
    std::string transport;
    double size = 0, turns = 0, bareTurns = 0, fullTurns = 0, ratio = 0;
    std::istringstream(r.out.substr(at)) >> transport >> size >> turns >> bareTurns >> fullTurns >> ratio;
    EXPECT_EQ(size, 64);
    EXPECT_EQ(turns, 9); // at least nine, however short the run
    EXPECT_GT(bareTurns, 0) << r.out;
    EXPECT_GT(fullTurns, 0) << r.out;
    EXPECT_GT(ratio, 0) << r.out;
}

// TCP's split by the reader's mode: both loops' stretches land in one mode or the other, so each
// side's time shares add up to all of it (a sampler that never saw the consumer, or a bare
// reader that never cut a stretch, leaves them at 0).
TEST(Cli, BenchSplitsTcpByTheReadersMode) {
    Result r = cli({"bench", "--quick", "--duration", "0.3", "--repeats", "1", "--transports", "tcp", "--sizes", "64"});
    ASSERT_EQ(r.code, 0) << r.err;
    std::size_t at = r.out.find("1c. TCP");
    ASSERT_NE(at, std::string::npos) << r.out;
    double bareShare = 0, fullShare = 0;
    int rows = 0;
    std::size_t next = r.out.find("\n    Which mode", at); // the tables that follow have rows of their own
    std::istringstream in(r.out.substr(at, next == std::string::npos ? std::string::npos : next - at));
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("64 ", 0) != 0) continue;
        // size, reader (two words), bare rate, bare %, full rate, full %, ...
        std::istringstream f(line);
        std::string size, w1, w2;
        double bare = 0, bareTime = 0, full = 0, fullTime = 0;
        f >> size >> w1 >> w2 >> bare >> bareTime >> full >> fullTime;
        ASSERT_TRUE(f) << line;
        bareShare += bareTime;
        fullShare += fullTime;
        ++rows;
    }
    EXPECT_EQ(rows, 2) << r.out;
    EXPECT_NEAR(bareShare, 100.0, 0.2) << r.out;
    EXPECT_NEAR(fullShare, 100.0, 0.2) << r.out;

    // 1c, continued: the bare loop with extra work on one side, beside the plain loop and the full
    // path; each moved messages and spent a share of its time in the sleeping mode.
    ASSERT_NE(next, std::string::npos) << r.out;
    std::istringstream more(r.out.substr(next, r.out.find("\n1d. ", next) - next));
    std::vector<std::string> loops;
    for (std::string line; std::getline(more, line);) {
        if (line.rfind("64 ", 0) != 0) continue;
        // the rate and the share are the last two words
        std::size_t cut = line.find_last_not_of(' ', line.rfind(' '));
        std::size_t cut2 = line.rfind(' ', cut);
        double rate = std::stod(line.substr(cut2 + 1, cut - cut2)), share = std::stod(line.substr(line.rfind(' ') + 1));
        EXPECT_GT(rate, 0) << line;
        EXPECT_GE(share, 0) << line;
        EXPECT_LE(share, 100) << line;
        loops.push_back(line);
    }
    ASSERT_EQ(loops.size(), 4u) << r.out;
    EXPECT_NE(loops[1].find("on the writer"), std::string::npos) << loops[1];
    EXPECT_NE(loops[2].find("on the reader"), std::string::npos) << loops[2];
    EXPECT_NE(loops[3].find("full path"), std::string::npos) << loops[3];
}

// 1d pins both ends of the bare loop and of the full path: the sampled placement proves it (one
// CPU: always together; two: never), and the benchmark gives this process its CPUs back (the
// workers of whatever runs next would inherit a pinned reader's single CPU).
TEST(Cli, BenchPinsBothEndsForThePlacementTableAndUnpinsItself) {
    if (allowedCpus().size() < 2) GTEST_SKIP() << "one CPU: no placement table";
    const std::vector<int> before = allowedCpus();
    Result r = cli({"bench", "--quick", "--duration", "0.15", "--repeats", "1", "--transports", "pipe", "--sizes", "64"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(allowedCpus(), before);
    std::size_t at = r.out.find("1d. ");
    ASSERT_NE(at, std::string::npos) << r.out;
    std::istringstream in(r.out.substr(at));
    int rows = 0;
    for (std::string line; std::getline(in, line);) {
        for (auto [name, expected] : {std::pair<const char*, double>{" one CPU ", 100}, {" two CPUs ", 0}}) {
            std::size_t p = line.find(name);
            if (line.rfind("64 ", 0) != 0 || p == std::string::npos) continue;
            std::istringstream f(line.substr(p + std::string(name).size()));
            double bare = 0, bareSame = -1, full = 0, fullSame = -1;
            f >> bare >> bareSame >> full >> fullSame;
            ASSERT_TRUE(f) << line;
            EXPECT_GT(bare, 0) << line;
            EXPECT_GT(full, 0) << line;
            EXPECT_EQ(bareSame, expected) << line;
            EXPECT_EQ(fullSame, expected) << line;
            ++rows;
        }
    }
    EXPECT_EQ(rows, 2) << r.out;
}

// The manual page and the bash completion come from the CLI's own help and option tables.
namespace {
std::string shell(const std::string& cmd) {
    std::string out;
    FILE* p = ::popen(cmd.c_str(), "r");
    if (!p) return out;
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
    ::pclose(p);
    return out;
}
std::string tempFile(const std::string& content, const char* name) {
    std::string path = std::string(::testing::TempDir()) + "/" + name;
    std::ofstream(path) << content;
    return path;
}
std::string firstLine(const std::string& s) { return s.substr(0, s.find('\n')); }
} // namespace

TEST(CliDocs, VersionIsTheProjectVersion) {
    Result r = cli({"--version"});
    EXPECT_EQ(r.code, 0);
    EXPECT_EQ(r.out.rfind("ipclab-cli ", 0), 0u) << r.out;
    EXPECT_GT(r.out.size(), std::string("ipclab-cli \n").size());
}

TEST(CliDocs, TheManualPageRendersAndHasEveryCommandsHelp) {
    Result r = cli({"man"});
    ASSERT_EQ(r.code, 0);
    std::string page = tempFile(r.out, "ipclab-cli.1");
    std::string text = shell("MANWIDTH=200 MAN_KEEP_FORMATTING=0 man -l '" + page + "' 2>/dev/null");
    if (text.empty()) text = shell("groff -man -Tutf8 -rLL=200n '" + page + "' 2>/dev/null");
    // Overstrikes ("x\bx" bold, "_\bx" underline) as the terminal formatter writes them.
    std::string plain;
    for (char ch : text) {
        if (ch == '\b') {
            if (!plain.empty()) plain.pop_back();
        } else {
            plain += ch;
        }
    }
    text = plain;
    ASSERT_FALSE(text.empty()) << "neither man nor groff rendered the page";
    EXPECT_NE(text.find("EXIT STATUS"), std::string::npos);
    EXPECT_NE(text.find("/dev/shm/ipclab-"), std::string::npos);
    for (const char* cmd : {"stream", "race", "pingpong", "sweep", "isolation", "list", "bench", "cleanup"}) {
        // The page carries what `<cmd> --help` says: the usage line, word for word.
        std::string usage = firstLine(cli({cmd, "--help"}).out);
        EXPECT_NE(text.find(usage), std::string::npos) << usage;
    }
}

TEST(CliDocs, BashCompletesCommandsOptionsAndNames) {
    Result r = cli({"completion", "bash"});
    ASSERT_EQ(r.code, 0);
    std::string script = tempFile(r.out, "ipclab-cli.bash");
    auto complete = [&](const std::string& words, int cword) {
        return shell("bash --norc --noprofile -c 'source \"" + script + "\"; COMP_WORDS=(" + words + "); COMP_CWORD=" +
                     std::to_string(cword) + "; _ipclab_cli; echo \"${COMPREPLY[*]}\"'");
    };
    EXPECT_EQ(complete("ipclab-cli st", 1), "stream\n");
    EXPECT_EQ(complete("ipclab-cli stream --transport \"\"", 3), "shm pipe fifo unix tcp mqueue file\n");
    std::string raceFlags = complete("ipclab-cli race --", 2);
    EXPECT_NE(raceFlags.find("--workers"), std::string::npos) << raceFlags;
    EXPECT_EQ(raceFlags.find("--transport"), std::string::npos) << raceFlags; // race takes none
    EXPECT_EQ(cli({"completion", "fish"}).code, 2);
}
