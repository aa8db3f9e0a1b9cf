// The base layer's owners, one class at a time: a shared-memory name is unlinked once and only
// by whoever created it, a mapping is unmapped once, and a child process is reaped (and killed
// if still running) by its handle, with the inherited descriptors where the worker expects them.
#include "ipclab/base/error.h"
#include "ipclab/base/object_names.h"
#include "ipclab/base/process_spawner.h"
#include "ipclab/base/shm_segment.h"
#include "ipclab/base/unique_fd.h"

#include <gtest/gtest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>

using namespace ipclab;

namespace {
std::string freshName(const char* tag) { return "/" + makeObjectPrefix() + "-" + tag; }
bool shmExists(const std::string& name) { return std::filesystem::exists("/dev/shm" + name); }
bool alive(pid_t pid) { return ::kill(pid, 0) == 0; }
} // namespace

TEST(ShmSegment, CreatorUnlinksOnceAndOthersNever) {
    std::string name = freshName("base");
    {
        ShmSegment a = ShmSegment::create(name, 4096);
        EXPECT_TRUE(a.owner());
        std::memcpy(a.data(), "hello", 6);
        {
            ShmSegment b = ShmSegment::open(name); // another holder: maps, never unlinks
            EXPECT_FALSE(b.owner());
            EXPECT_EQ(b.size(), 4096u);
            EXPECT_STREQ(static_cast<const char*>(b.data()), "hello");
        }
        EXPECT_TRUE(shmExists(name)); // the opener went away: the creator's segment stays
        ShmSegment moved = std::move(a);
        EXPECT_TRUE(moved.owner());
        EXPECT_TRUE(shmExists(name));
    }
    EXPECT_FALSE(shmExists(name));
}

TEST(ShmSegment, AFailedCreateLeavesTheExistingSegmentAlone) {
    std::string name = freshName("base");
    ShmSegment first = ShmSegment::create(name, 4096);
    // O_EXCL: the name is taken. The failing create owns nothing and must unlink nothing.
    EXPECT_THROW(ShmSegment::create(name, 4096), SystemError);
    EXPECT_TRUE(shmExists(name));
    ShmSegment again = ShmSegment::open(name);
    EXPECT_EQ(again.size(), 4096u);
}

TEST(ShmSegment, OpeningWhatIsNotThereIsAClearError) {
    EXPECT_THROW(ShmSegment::open(freshName("missing")), SystemError);
}

TEST(ShmName, UnlinksExactlyOnceEvenWhenTheNameIsReused) {
    std::string name = freshName("base");
    UniqueFd fd(::shm_open(name.c_str(), O_CREAT | O_EXCL | O_RDWR, 0600));
    ASSERT_TRUE(fd.valid());
    ShmName owner(name);
    owner.reset();
    EXPECT_FALSE(shmExists(name));
    // Someone creates the same name again; our (already reset) owner must not remove it.
    UniqueFd other(::shm_open(name.c_str(), O_CREAT | O_EXCL | O_RDWR, 0600));
    ASSERT_TRUE(other.valid());
    owner.reset();
    { ShmName moved = std::move(owner); }
    EXPECT_TRUE(shmExists(name));
    ::shm_unlink(name.c_str());
}

TEST(ShmMapping, UnmapsOnce) {
    void* p = ::mmap(nullptr, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    ASSERT_NE(p, MAP_FAILED);
    ShmMapping m(p, 4096);
    ShmMapping n = std::move(m);
    EXPECT_EQ(m.data(), nullptr);
    EXPECT_EQ(n.data(), p);
    n.reset();
    EXPECT_EQ(n.data(), nullptr);
    n.reset(); // a second reset does nothing
}

TEST(ShmMapping, AnAnonymousRegionIsSharedWithAForkedChild) {
    ShmMapping m = ShmMapping::anonymous(4096);
    ASSERT_NE(m.data(), nullptr);
    EXPECT_EQ(m.size(), 4096u);
    auto* word = static_cast<volatile int*>(m.data());
    EXPECT_EQ(*word, 0); // zero-filled
    pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        *word = 42;
        ::_exit(0);
    }
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    EXPECT_EQ(*word, 42); // a private mapping would not see the child's store
    void* p = m.data();
    m.reset();
    // Unmapped: the kernel no longer knows the page (msync on an unmapped range fails with ENOMEM).
    EXPECT_NE(::msync(p, 4096, MS_ASYNC), 0);
}

TEST(ChildProcess, ReportsExitCodesAndSignals) {
    ChildProcess ok = ChildProcess::spawn("/bin/sh", {"-c", "exit 0"});
    ASSERT_TRUE(ok.waitFor(5000));
    EXPECT_FALSE(ok.exitInfo().signaled);
    EXPECT_EQ(ok.exitInfo().code, 0);

    ChildProcess three = ChildProcess::spawn("/bin/sh", {"-c", "exit 3"});
    ASSERT_TRUE(three.waitFor(5000));
    EXPECT_EQ(three.exitInfo().code, 3);

    ChildProcess killed = ChildProcess::spawn("/bin/sh", {"-c", "kill -9 $$"});
    ASSERT_TRUE(killed.waitFor(5000));
    EXPECT_TRUE(killed.exitInfo().signaled);
    EXPECT_EQ(killed.exitInfo().signal, SIGKILL);
    EXPECT_NE(killed.exitInfo().describe().find("signal 9"), std::string::npos);
}

TEST(ChildProcess, TheHandleKillsAndReapsAChildStillRunning) {
    pid_t pid;
    {
        ChildProcess sleeper = ChildProcess::spawn("/bin/sleep", {"30"});
        pid = sleeper.pid();
        ASSERT_GT(pid, 0);
        EXPECT_TRUE(alive(pid));
        EXPECT_FALSE(sleeper.poll());
    }
    // Killed and reaped: no process and no zombie of that PID is left.
    EXPECT_FALSE(alive(pid));
}

TEST(ChildProcess, InheritedDescriptorsArriveAsThreeFourFive) {
    int p[2];
    ASSERT_EQ(::pipe(p), 0);
    UniqueFd r(p[0]), w(p[1]);
    // The child writes into fd 3: what we passed as the first inherited descriptor.
    ChildProcess c = ChildProcess::spawn("/bin/sh", {"-c", "echo fd3 >&3"}, {w.get()});
    ASSERT_TRUE(c.waitFor(5000));
    EXPECT_EQ(c.exitInfo().code, 0);
    w.reset();
    char buf[16] = {};
    ASSERT_GT(::read(r.get(), buf, sizeof buf - 1), 0);
    EXPECT_STREQ(buf, "fd3\n");
}

TEST(ChildProcess, AMissingProgramIsAClearError) {
    EXPECT_THROW(ChildProcess::spawn("/nonexistent/ipclab-worker", {}), std::exception);
}
