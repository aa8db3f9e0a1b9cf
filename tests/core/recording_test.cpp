// Recordings: a run written to SQLite and read back gives the same samples (every charted value,
// worker, state change, event and mark); a writer killed with SIGKILL leaves a file that opens up
// to its last commit; anything that is not an intact recording is a clear RecordingError.
#include "cli.h"
#include "ipclab/experiment/experiment_runner.h"
#include "ipclab/recording/recording.h"
#include "ipclab/recording/recording_writer.h"
#include "ipclab/recording/sqlite_db.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

using namespace ipclab;
namespace fs = std::filesystem;

namespace {
// A fresh directory of the test's own, removed with everything in it afterwards.
struct TempDir {
    fs::path path;
    TempDir() {
        char tmpl[] = "/tmp/ipclab-recording-test-XXXXXX";
        path = ::mkdtemp(tmpl);
    }
    ~TempDir() { fs::remove_all(path); }
    std::string file(const std::string& name) const { return (path / name).string(); }
};

RecordingInfo infoFor(const ExperimentConfig& c) {
    RecordingInfo i = RecordingInfo::ofThisMachine("test");
    i.experiment = c.experiment;
    i.config = argLine(c);
    return i;
}

bool same(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

void expectSameSamples(const std::vector<RunSample>& live, const std::vector<RunSample>& replayed) {
    ASSERT_EQ(live.size(), replayed.size());
    for (std::size_t i = 0; i < live.size(); ++i) {
        SCOPED_TRACE("sample " + std::to_string(i));
        const RunSample& a = live[i];
        const RunSample& b = replayed[i];
        EXPECT_EQ(a.index, b.index);
        EXPECT_EQ(a.paused, b.paused);
        ASSERT_EQ(a.lanes.size(), b.lanes.size());
        for (std::size_t l = 0; l < a.lanes.size(); ++l) {
            const LaneSample& x = a.lanes[l];
            const LaneSample& y = b.lanes[l];
            EXPECT_EQ(x.point.t, y.point.t);
            for (int k = 0; k < static_cast<int>(Series::Count); ++k)
                EXPECT_TRUE(same(x.point.v[k], y.point.v[k])) << seriesColumn(static_cast<Series>(k)) << ": " << x.point.v[k] << " vs " << y.point.v[k];
            EXPECT_EQ(x.config.toArgs(), y.config.toArgs());
            EXPECT_EQ(x.sent, y.sent);
            EXPECT_EQ(x.received, y.received);
            EXPECT_EQ(x.stopped, y.stopped);
            EXPECT_EQ(x.dataObjectName, y.dataObjectName);
            EXPECT_EQ(x.kernel, y.kernel);
            EXPECT_EQ(x.breakdown, y.breakdown);
            EXPECT_EQ(x.counters.raceCounter, y.counters.raceCounter);
            ASSERT_EQ(x.workers.size(), y.workers.size());
            for (std::size_t w = 0; w < x.workers.size(); ++w) {
                EXPECT_EQ(x.workers[w].pid, y.workers[w].pid);
                EXPECT_EQ(x.workers[w].state, y.workers[w].state);
                EXPECT_EQ(x.workers[w].role, y.workers[w].role);
                EXPECT_EQ(x.workers[w].exit.exited, y.workers[w].exit.exited);
                EXPECT_EQ(x.workers[w].kernel, y.workers[w].kernel);
                EXPECT_EQ(x.workers[w].changes, y.workers[w].changes);
                EXPECT_EQ(x.workers[w].cpu.userS, y.workers[w].cpu.userS);
            }
            ASSERT_EQ(x.newEvents.size(), y.newEvents.size());
            for (std::size_t e = 0; e < x.newEvents.size(); ++e) {
                EXPECT_EQ(x.newEvents[e].seq, y.newEvents[e].seq);
                EXPECT_EQ(x.newEvents[e].kind, y.newEvents[e].kind);
                EXPECT_EQ(x.newEvents[e].timeNs, y.newEvents[e].timeNs);
            }
            ASSERT_EQ(x.newMarks.size(), y.newMarks.size());
            for (std::size_t m = 0; m < x.newMarks.size(); ++m) EXPECT_EQ(x.newMarks[m].label, y.newMarks[m].label);
            EXPECT_EQ(x.hogs.size(), y.hogs.size());
        }
    }
}
} // namespace

// A real run, recorded as it is sampled: reopened, every sample is the one the views drew.
TEST(Recording, ARecordedRunReplaysTheSameSamples) {
    TempDir dir;
    for (ExperimentKind kind : {ExperimentKind::Stream, ExperimentKind::Race}) {
        ExperimentConfig c;
        c.experiment = kind;
        c.durationS = 1.0;
        c.cpuHogs = kind == ExperimentKind::Race ? 1 : 0;
        if (kind == ExperimentKind::Race) c.rate = 20; // slow motion: exact state changes and race events
        std::string path = dir.file(std::string(toString(kind)) + ".ipclab");
        std::vector<RunSample> live;
        {
            RecordingWriter w(path, infoFor(c));
            runExperiment(c, {}, [&](const RunSample& s) {
                RunSample copy = s;
                if (copy.index == 10) copy.lanes[0].newMarks.push_back({copy.lanes[0].point.t, "sync off"});
                live.push_back(copy);
                w.add(copy);
            });
        }
        Recording r = Recording::open(path);
        EXPECT_EQ(r.info().experiment, kind);
        EXPECT_EQ(r.info().ipclabVersion, "test");
        EXPECT_GT(r.info().cpus, 0);
        ASSERT_GT(live.size(), 20u);
        expectSameSamples(live, r.samples());
        ASSERT_EQ(r.marks().size(), 1u);
        EXPECT_EQ(r.marks()[0].label, "sync off");
        EXPECT_NEAR(r.durationS(), live.back().lanes[0].point.t, 1e-12);
        EXPECT_TRUE(r.samples().back().lanes[0].stopped);
        if (kind == ExperimentKind::Race) {
            bool anyChange = false;
            for (const auto& s : r.samples())
                for (const auto& w : s.lanes[0].workers) anyChange = anyChange || !w.changes.empty();
            EXPECT_TRUE(anyChange) << "slow motion's exact state changes were recorded";
        }
        Table csv = r.seriesTable();
        EXPECT_EQ(csv.rows.size(), live.size());
        EXPECT_EQ(csv.columns[4], "msgs_per_s");
    }
}

// Killed with SIGKILL while recording (no destructor, no last commit): the file opens, with
// every sample up to the last second committed, each one whole.
TEST(Recording, AWriterKilledMidwayLeavesAFileThatOpens) {
    TempDir dir;
    std::string path = dir.file("killed.ipclab");
    ExperimentConfig c;
    RunSample s;
    s.experiment = ExperimentKind::Stream;
    LaneSample l;
    l.config = c;
    WorkerSample w;
    w.pid = 4242;
    l.workers = {w, w};
    s.lanes = {l};
    pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        RecordingWriter writer(path, infoFor(c));
        for (uint64_t i = 0;; ++i) {
            s.index = i;
            s.lanes[0].point.t = static_cast<double>(i) / 100;
            s.lanes[0].point.v[0] = static_cast<double>(i);
            writer.add(s);
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2600));
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status));
    Recording r = Recording::open(path);
    ASSERT_GE(r.samples().size(), 50u) << "at least the first second, committed";
    for (std::size_t i = 0; i < r.samples().size(); ++i) {
        EXPECT_EQ(r.samples()[i].index, i);
        ASSERT_EQ(r.samples()[i].lanes.size(), 1u);
        EXPECT_EQ(r.samples()[i].lanes[0].workers.size(), 2u);
        EXPECT_EQ(r.samples()[i].lanes[0].point.v[0], static_cast<double>(i));
    }
}

TEST(Recording, DamagedOrForeignFilesAreClearErrors) {
    TempDir dir;
    std::string good = dir.file("good.ipclab");
    {
        ExperimentConfig c;
        c.durationS = 0.5;
        RecordingWriter w(good, infoFor(c));
        runExperiment(c, {}, [&](const RunSample& s) { w.add(s); });
    }
    ASSERT_NO_THROW(Recording::open(good));
    auto expectError = [](const std::string& path, const std::string& words) {
        try {
            Recording::open(path);
            ADD_FAILURE() << path << " opened";
        } catch (const RecordingError& e) {
            EXPECT_NE(std::string(e.what()).find(words), std::string::npos) << e.what();
            EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << "the message names the file";
        }
    };
    expectError(dir.file("missing.ipclab"), "no such file");
    std::string bytes = dir.file("random.ipclab");
    {
        std::mt19937 rng(7);
        std::ofstream f(bytes, std::ios::binary);
        for (int i = 0; i < 20000; ++i) f.put(static_cast<char>(rng()));
    }
    expectError(bytes, "not a database");
    std::string empty = dir.file("empty.ipclab");
    std::ofstream(empty).close();
    expectError(empty, "not an IPC Lab recording");
    std::string foreign = dir.file("foreign.sqlite");
    {
        SqliteDb db(foreign, SqliteDb::Mode::Create);
        db.exec("CREATE TABLE notes(x TEXT); INSERT INTO notes VALUES('hello');");
    }
    expectError(foreign, "not an IPC Lab recording");
    // Truncated to half: SQLite sees pages missing.
    std::string cut = dir.file("cut.ipclab");
    fs::copy_file(good, cut);
    fs::resize_file(cut, fs::file_size(cut) / 2);
    try {
        Recording::open(cut);
        ADD_FAILURE() << "a truncated recording opened";
    } catch (const RecordingError& e) {
        EXPECT_NE(std::string(e.what()).find(cut), std::string::npos);
    }
    // Bytes flipped anywhere: opens or is a RecordingError, never a crash (ASan runs this too).
    std::mt19937 rng(11);
    for (int round = 0; round < 30; ++round) {
        std::string bad = dir.file("flipped" + std::to_string(round) + ".ipclab");
        fs::copy_file(good, bad);
        {
            std::fstream f(bad, std::ios::in | std::ios::out | std::ios::binary);
            auto size = static_cast<std::streamoff>(fs::file_size(bad));
            for (int k = 0; k < 8; ++k) {
                f.seekp(static_cast<std::streamoff>(rng() % static_cast<uint32_t>(size)));
                f.put(static_cast<char>(rng()));
            }
        }
        try {
            Recording::open(bad);
        } catch (const RecordingError&) {
        }
    }
    // The writer never overwrites a file.
    EXPECT_THROW(RecordingWriter(good, RecordingInfo{}), RecordingError);
}

// The CLI: --record, then recording info and csv; errors are exit status 1 with the reason.
TEST(Recording, TheCliRecordsAndDescribes) {
    TempDir dir;
    std::string path = dir.file("cli.ipclab");
    std::ostringstream out, err;
    ASSERT_EQ(runCli({"stream", "--transport", "pipe", "--duration", "0.6", "--record", path}, out, err), 0) << err.str();
    EXPECT_NE(err.str().find("recorded"), std::string::npos);
    std::ostringstream info, infoErr;
    ASSERT_EQ(runCli({"recording", "info", path}, info, infoErr), 0) << infoErr.str();
    EXPECT_NE(info.str().find("--transport pipe"), std::string::npos) << info.str();
    EXPECT_NE(info.str().find("samples"), std::string::npos);
    std::ostringstream csv, csvErr;
    ASSERT_EQ(runCli({"recording", "csv", path}, csv, csvErr), 0);
    EXPECT_EQ(csv.str().rfind("sample,lane,transport,t_s,msgs_per_s", 0), 0u);
    std::ostringstream o2, e2;
    EXPECT_EQ(runCli({"stream", "--duration", "0.3", "--record", path}, o2, e2), 1) << "an existing file is never overwritten";
    EXPECT_NE(e2.str().find("exists"), std::string::npos) << e2.str();
    std::ostringstream o3, e3;
    EXPECT_EQ(runCli({"recording", "info", dir.file("nothing.ipclab")}, o3, e3), 1);
    EXPECT_NE(e3.str().find("no such file"), std::string::npos);
    std::ostringstream o4, e4;
    EXPECT_EQ(runCli({"recording", "play", path}, o4, e4), 2);
}
