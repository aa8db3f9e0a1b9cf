// The benchmark's turn taking (app/turn_taking.h): two sets of processes, one stopped while the
// other runs, each turn's rate read from its own counter.
#include "turn_taking.h"

#include <gtest/gtest.h>

#include <signal.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

using namespace ipclab;

namespace {

// A child that counts up a shared counter as fast as it can until killed.
class Counter {
public:
    Counter() {
        void* p = ::mmap(nullptr, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED) throw std::runtime_error("mmap");
        count_ = new (p) std::atomic<uint64_t>(0);
        pid_ = ::fork();
        if (pid_ == 0) {
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            for (;;) count_->fetch_add(1, std::memory_order_relaxed);
        }
    }
    ~Counter() {
        if (pid_ > 0) kill();
        ::munmap(count_, 4096);
    }
    void kill() {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
        pid_ = -1;
    }
    pid_t pid() const { return pid_; }
    uint64_t count() const { return count_->load(std::memory_order_relaxed); }
    TurnSide side() const {
        return {{pid_}, [this] { return count(); }};
    }

private:
    std::atomic<uint64_t>* count_ = nullptr;
    pid_t pid_ = -1;
};

} // namespace

TEST(TurnTaking, ReadsTheStateFromAStatLineWhoseNameHasSpacesAndParentheses) {
    EXPECT_EQ(procState("1234 (a) b (c) T 1 2 3"), 'T');
    EXPECT_EQ(procState("1 (x) R 0"), 'R');
    EXPECT_EQ(procState("no parenthesis"), 0);
    EXPECT_EQ(procState("1 (x)"), 0);
}

TEST(TurnTaking, OneSideIsStoppedWhileTheOtherHasItsTurnAndBothRunAfterwards) {
    Counter a, b;
    // B's counter, read at its turns' edges, also looks at A: A must not move during a B turn.
    uint64_t aAtStart = 0;
    int edges = 0, aMovedInBTurns = 0;
    TurnSide bSide{{b.pid()}, [&] {
                       if (edges++ % 2 == 0)
                           aAtStart = a.count();
                       else if (a.count() != aAtStart)
                           ++aMovedInBTurns;
                       return b.count();
                   }};
    Turns t = takeTurns(a.side(), bSide, {.turnS = 0.02, .settleS = 0.005, .turnsOfB = 3});
    EXPECT_EQ(t.a.size(), 4u); // A first and last
    EXPECT_EQ(t.b.size(), 3u);
    EXPECT_EQ(t.ratio.size(), 3u);
    for (double r : t.a) EXPECT_GT(r, 0);
    for (double r : t.b) EXPECT_GT(r, 0);
    EXPECT_EQ(edges, 2 * 4); // the warm-up turn and three timed ones
    EXPECT_EQ(aMovedInBTurns, 0);
    // Both continued: their counters move again.
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    EXPECT_FALSE(isStopped(a.pid()));
    EXPECT_FALSE(isStopped(b.pid()));
    uint64_t a0 = a.count(), b0 = b.count();
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    EXPECT_GT(a.count(), a0);
    EXPECT_GT(b.count(), b0);
}

TEST(TurnTaking, AProcessThatVanishedIsAnErrorAndTheOtherSideRunsOn) {
    Counter a;
    pid_t dead = ::fork(); // a pid that surely is gone: exited and reaped
    if (dead == 0) ::_exit(0);
    ::waitpid(dead, nullptr, 0);
    TurnSide gone{{dead}, [] { return uint64_t{0}; }};
    EXPECT_THROW(takeTurns(a.side(), gone, {.turnS = 0.01, .settleS = 0.002, .turnsOfB = 2}), std::runtime_error);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    EXPECT_FALSE(isStopped(a.pid()));
    uint64_t a0 = a.count();
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    EXPECT_GT(a.count(), a0);
}
