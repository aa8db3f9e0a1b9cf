// Each synchronization primitive on its own, between real processes sharing an anonymous
// mapping (what the experiments do through named segments): wait/wake, mutual exclusion, and
// the robust mutex's recovery from a holder that died.
#include "ipclab/base/clock.h"
#include "ipclab/sync/futex.h"
#include "ipclab/sync/robust_mutex.h"
#include "ipclab/sync/shm_semaphore.h"
#include "ipclab/sync/spin_lock.h"

#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <new>

#include <gtest/gtest.h>

using namespace ipclab;

namespace {

// Shared memory for one test, visible to forked children.
template <typename T>
class Shared {
public:
    Shared() {
        void* p = ::mmap(nullptr, sizeof(T), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED) throw std::bad_alloc();
        t_ = new (p) T{};
    }
    ~Shared() {
        t_->~T();
        ::munmap(t_, sizeof(T));
    }
    Shared(const Shared&) = delete;
    Shared& operator=(const Shared&) = delete;
    T* operator->() { return t_; }
    T& operator*() { return *t_; }

private:
    T* t_;
};

// Runs `body` in a child process (killed if this test process dies); returns its pid.
template <typename F>
pid_t child(F body) {
    pid_t parent = ::getpid();
    pid_t pid = ::fork();
    if (pid == 0) {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent) ::_exit(3);
        ::_exit(body());
    }
    return pid;
}

int exitCode(pid_t pid) {
    int status = 0;
    if (::waitpid(pid, &status, 0) != pid) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

constexpr int kRounds = 1000000;

} // namespace

TEST(Futex, WaiterInAnotherProcessWakesOnWake) {
    Shared<std::atomic<uint32_t>> word;
    pid_t pid = child([&] {
        uint64_t t0 = monotonicNs();
        while (word->load() == 0) futexWait(*word, 0, 2'000'000'000);
        return monotonicNs() - t0 < 2'000'000'000ull ? 0 : 1; // woken, not timed out
    });
    ::usleep(50'000); // the child is asleep in the kernel by now (or sees the word below)
    word->store(1);
    futexWakeAll(*word);
    EXPECT_EQ(exitCode(pid), 0);
}

TEST(Futex, WaitWithoutWakeEndsAtItsTimeout) {
    std::atomic<uint32_t> word{0};
    uint64_t t0 = monotonicNs();
    futexWait(word, 0, 20'000'000);
    uint64_t waited = monotonicNs() - t0;
    EXPECT_GE(waited, 19'000'000u);
    EXPECT_LT(waited, 2'000'000'000u);
    // A word that already differs from `expected` returns at once.
    t0 = monotonicNs();
    futexWait(word, 7, 2'000'000'000);
    EXPECT_LT(monotonicNs() - t0, 1'000'000'000u);
}

namespace {
struct Counted {
    volatile long counter; // a real load and store each time: only the lock keeps them apart
    std::atomic<int> ready{0}; // both processes start adding at the same moment
};
struct SpinArea : Counted {
    SpinLock lock;
};
struct SemArea : Counted {
    ShmSemaphore sem;
};
struct MutexArea : Counted {
    RobustMutex mutex;
};

// Two processes each add kRounds under `inc`; the total is exact only if the lock excludes.
template <typename Area, typename Inc>
long twoProcessesAdd(Area& a, Inc inc) {
    pid_t pid = child([&] {
        a.ready.fetch_add(1);
        while (a.ready.load() < 2) {}
        for (int i = 0; i < kRounds; ++i) inc();
        return 0;
    });
    a.ready.fetch_add(1);
    while (a.ready.load() < 2) {}
    for (int i = 0; i < kRounds; ++i) inc();
    EXPECT_EQ(exitCode(pid), 0);
    return a.counter;
}
} // namespace

TEST(SpinLock, ExcludesAcrossProcesses) {
    Shared<SpinArea> a;
    a->lock.init();
    long total = twoProcessesAdd(*a, [&] {
        while (!a->lock.lockFor(1u << 20)) {}
        a->counter = a->counter + 1;
        a->lock.unlock();
    });
    EXPECT_EQ(total, 2L * kRounds);
    EXPECT_TRUE(a->lock.looksValid());
}

TEST(ShmSemaphore, BinarySemaphoreExcludesAcrossProcesses) {
    Shared<SemArea> a;
    a->sem.init(1);
    long total = twoProcessesAdd(*a, [&] {
        while (!a->sem.waitFor(100'000'000)) {}
        a->counter = a->counter + 1;
        a->sem.post();
    });
    EXPECT_EQ(total, 2L * kRounds);
    EXPECT_TRUE(a->sem.looksValid());
}

TEST(ShmSemaphore, WaitSleepsUntilAnotherProcessPosts) {
    Shared<SemArea> a;
    a->sem.init(0);
    EXPECT_FALSE(a->sem.tryWait());
    pid_t pid = child([&] { return a->sem.waitFor(5'000'000'000) ? 0 : 1; });
    ::usleep(50'000);
    a->sem.post();
    EXPECT_EQ(exitCode(pid), 0);
    EXPECT_FALSE(a->sem.tryWait()); // the one post was taken by the child
}

TEST(RobustMutex, ExcludesAcrossProcesses) {
    Shared<MutexArea> a;
    a->mutex.init();
    long total = twoProcessesAdd(*a, [&] {
        while (a->mutex.lockFor(100'000'000) == RobustMutex::Result::TimedOut) {}
        a->counter = a->counter + 1;
        a->mutex.unlock();
    });
    EXPECT_EQ(total, 2L * kRounds);
    a->mutex.destroy();
}

TEST(RobustMutex, AHolderThatDiesIsReportedAndTheMutexStaysUsable) {
    Shared<MutexArea> a;
    a->mutex.init();
    pid_t pid = child([&] {
        if (a->mutex.tryLock() != RobustMutex::Result::Locked) return 1;
        ::_exit(0); // dies holding it
    });
    ASSERT_EQ(exitCode(pid), 0);
    EXPECT_EQ(a->mutex.lockFor(1'000'000'000), RobustMutex::Result::LockedAfterOwnerDied);
    a->mutex.unlock();
    // Made consistent again: the next lock is an ordinary one.
    EXPECT_EQ(a->mutex.tryLock(), RobustMutex::Result::Locked);
    a->mutex.unlock();
    EXPECT_TRUE(a->mutex.looksValid());
    a->mutex.destroy();
}
