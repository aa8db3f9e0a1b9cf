// Any bytes in a shared segment: random bytes written over the ring and telemetry segments (and
// the race area) of live runs, in every sync mode. No worker may die by a signal other than our
// own SIGKILL at stop, and every run must end within its duration plus the stop grace.
#include "ipclab/base/error.h"
#include "ipclab/base/object_names.h"
#include "ipclab/experiment/race_area.h"
#include "ipclab/transport/shm_ring.h"
#include "ipclab/base/shm_segment.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <dirent.h>
#include <csignal>

#include <chrono>
#include <cstring>
#include <random>

using namespace ipclab;

namespace {
std::vector<std::string> segmentsOf(const std::string& prefix) {
    std::vector<std::string> out;
    DIR* d = ::opendir("/dev/shm");
    if (!d) return out;
    while (dirent* e = ::readdir(d))
        if (std::string(e->d_name).rfind(prefix, 0) == 0) out.push_back("/" + std::string(e->d_name));
    ::closedir(d);
    return out;
}

struct Fuzzed {
    int writes = 0;
    double seconds = 0;
};

Fuzzed fuzz(ExperimentRun& run, int writes, unsigned seed) {
    std::mt19937 rng(seed);
    std::vector<ShmSegment> segs;
    for (const auto& n : segmentsOf(run.prefix())) segs.push_back(ShmSegment::open(n));
    Fuzzed f;
    auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < writes && !segs.empty(); ++i) {
        ShmSegment& s = segs[rng() % segs.size()];
        std::size_t len = 1 + rng() % 8;
        if (s.size() <= len) continue;
        std::size_t off = rng() % (s.size() - len);
        // Bias towards the headers (indices, lock words, control block): where damage hurts most.
        if (rng() % 2) off = rng() % std::min<std::size_t>(s.size() - len, 1024);
        auto* p = static_cast<unsigned char*>(s.data()) + off;
        for (std::size_t k = 0; k < len; ++k) p[k] = (rng() % 4 == 0) ? 0xff : static_cast<unsigned char>(rng());
        ++f.writes;
        std::this_thread::sleep_for(std::chrono::milliseconds(3));
    }
    f.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return f;
}

void expectNoCrash(ExperimentRun& run, const std::string& what) {
    for (const auto& w : run.workers()) {
        ASSERT_TRUE(w.exit.exited) << what;
        if (w.exit.signaled) {
            EXPECT_TRUE(w.killedAtStop && w.exit.signal == SIGKILL)
                << what << ": " << toString(w.role) << " " << w.pid << " " << w.exit.describe();
        }
    }
}

class CorruptionFuzz : public testing::TestWithParam<SyncMode> {};
} // namespace

TEST_P(CorruptionFuzz, StreamOverTheRingSurvivesRandomBytes) {
    for (unsigned seed = 1; seed <= 2; ++seed) {
        auto cfg = test::streamConfig(TransportKind::SharedMemory, 64, 0);
        cfg.producers = cfg.consumers = 2;
        cfg.sync = GetParam() == SyncMode::None ? SyncMode::Mutex : GetParam();
        cfg.syncEnabled = GetParam() != SyncMode::None;
        ExperimentRun run(cfg);
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        Fuzzed f = fuzz(run, 60, seed * 7919 + static_cast<unsigned>(GetParam()));
        auto t0 = std::chrono::steady_clock::now();
        run.stop(1000);
        double stopS = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        EXPECT_GT(f.writes, 0);
        EXPECT_LT(stopS, 2.0) << "stop took " << stopS << " s";
        expectNoCrash(run, std::string("stream, sync ") + std::string(toString(GetParam())));
    }
}

TEST_P(CorruptionFuzz, RaceSurvivesRandomBytes) {
    auto cfg = test::raceConfig(GetParam() == SyncMode::None ? SyncMode::Mutex : GetParam(), GetParam() != SyncMode::None, 3, 0);
    ExperimentRun run(cfg);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    fuzz(run, 60, 104729u + static_cast<unsigned>(GetParam()));
    auto t0 = std::chrono::steady_clock::now();
    run.stop(1000);
    EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), 2.0);
    expectNoCrash(run, std::string("race, sync ") + std::string(toString(GetParam())));
}

// The damage found by hand before: 0xff over the lock words, indices moved by 2^40.
TEST_P(CorruptionFuzz, LockWordsAndIndicesOverwrittenInALiveRing) {
    auto cfg = test::streamConfig(TransportKind::SharedMemory, 64, 0);
    cfg.producers = cfg.consumers = 2;
    cfg.sync = GetParam() == SyncMode::None ? SyncMode::Mutex : GetParam();
    cfg.syncEnabled = GetParam() != SyncMode::None;
    ExperimentRun run(cfg);
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    ShmSegment ring = ShmSegment::open("/" + run.prefix() + "-ring0");
    auto* h = static_cast<RingHeader*>(ring.data());
    std::memset(static_cast<void*>(&h->locks), 0xff, sizeof h->locks);
    h->head.fetch_add(uint64_t{1} << 40);
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    h->tail.fetch_add(uint64_t{1} << 40);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    auto t0 = std::chrono::steady_clock::now();
    run.stop(1000);
    EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), 2.0);
    expectNoCrash(run, std::string("stream, lock words 0xff, sync ") + std::string(toString(GetParam())));
}

TEST_P(CorruptionFuzz, RaceLockWordsOverwritten) {
    auto cfg = test::raceConfig(GetParam() == SyncMode::None ? SyncMode::Mutex : GetParam(), GetParam() != SyncMode::None, 3, 0);
    ExperimentRun run(cfg);
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    ShmSegment seg = ShmSegment::open("/" + run.prefix() + "-race");
    auto* a = static_cast<RaceArea*>(seg.data());
    std::memset(static_cast<void*>(&a->locks), 0xff, sizeof a->locks);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    auto t0 = std::chrono::steady_clock::now();
    run.stop(1000);
    EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), 2.0);
    expectNoCrash(run, std::string("race, lock words 0xff, sync ") + std::string(toString(GetParam())));
    // A lock in use whose memory no longer holds a lock is reported, not waited on forever. (A
    // spinlock's holder may store 0 over the garbage when it unlocks: then there is nothing
    // left to report, and the run simply goes on.)
    if (GetParam() == SyncMode::Mutex || GetParam() == SyncMode::Semaphore) {
        bool reported = false;
        for (const auto& w : run.workers())
            reported |= !w.exit.signaled && (w.exit.code == kWorkerExitCorrupt || w.exit.code == kWorkerExitCrashed);
        EXPECT_TRUE(reported) << "no worker reported the overwritten " << toString(GetParam());
    }
}

INSTANTIATE_TEST_SUITE_P(EverySyncMode, CorruptionFuzz,
                         testing::Values(SyncMode::None, SyncMode::Mutex, SyncMode::Spinlock, SyncMode::Semaphore,
                                         SyncMode::Atomic),
                         [](const auto& i) { return std::string(toString(i.param)); });
