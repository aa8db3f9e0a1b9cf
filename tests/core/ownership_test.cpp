// IPC Lab on a shared lab machine: cleanup removes only what this user's dead IPC Lab runs left,
// never another user's files, never through a symlink, never a name that merely looks like ours.
#include "ipclab/base/object_names.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <string>

using namespace ipclab;

namespace {
// A PID no process can have (above any pid_max): its "owner" is dead for sure.
constexpr const char* kDeadPid = "2147483646";
constexpr uid_t kOtherUid = 65534; // nobody

bool exists(const std::string& p) {
    struct stat st{};
    return ::lstat(p.c_str(), &st) == 0;
}
void writeFile(const std::string& p, const std::string& text) { std::ofstream(p) << text; }
} // namespace

TEST(Ownership, OnlyOurExactNamePatternIsOurs) {
    EXPECT_EQ(ownerPidOf("ipclab-1234-a0b1c2"), 1234);
    EXPECT_EQ(ownerPidOf("ipclab-1234-a0b1c2-ring0"), 1234);
    EXPECT_EQ(ownerPidOf("ipclab-99997-thesis"), -1);
    EXPECT_EQ(ownerPidOf("ipclab-1234-a0b1c2-"), -1);
    EXPECT_EQ(ownerPidOf("ipclab-1234-A0B1C2-ring"), -1);
    EXPECT_EQ(ownerPidOf("ipclab-1234-a0b1c2-../x"), -1);
    EXPECT_EQ(ownerPidOf("ipclab--5-a0b1c2"), -1);
    EXPECT_EQ(ownerPidOf("other-1234-a0b1c2"), -1);
}

TEST(Ownership, PrivateRootIsOursAndClosed) {
    std::string root = runtimeRoot();
    struct stat st{};
    ASSERT_EQ(::lstat(root.c_str(), &st), 0);
    EXPECT_TRUE(S_ISDIR(st.st_mode));
    EXPECT_EQ(st.st_uid, ::geteuid());
    EXPECT_EQ(st.st_mode & 0777, 0700u);
}

// A stale directory of ours holding a symlink to someone's file: the link goes, the file stays.
// A stale name in our root that is itself a symlink to a directory: nothing behind it is touched.
TEST(Ownership, CleanupFollowsNoSymlink) {
    std::string root = runtimeRoot();
    std::string victimDir = tempRoot() + "/ipclab-test-victim-" + std::to_string(::getpid());
    ASSERT_EQ(::mkdir(victimDir.c_str(), 0700), 0);
    writeFile(victimDir + "/precious.txt", "keep me");

    std::string staleDir = root + "/ipclab-" + kDeadPid + "-abcdef-dir";
    ASSERT_EQ(::mkdir(staleDir.c_str(), 0700), 0);
    ASSERT_EQ(::symlink((victimDir + "/precious.txt").c_str(), (staleDir + "/f").c_str()), 0);
    std::string staleLink = root + "/ipclab-" + kDeadPid + "-fedcba-dir";
    ASSERT_EQ(::symlink(victimDir.c_str(), staleLink.c_str()), 0);

    auto rep = removeStaleObjects();
    EXPECT_FALSE(exists(staleDir)) << "our stale directory should be gone";
    EXPECT_TRUE(exists(victimDir + "/precious.txt")) << "a file behind a symlink was removed";
    EXPECT_TRUE(exists(staleLink)) << "a symlink is not a directory of ours";

    ::unlink(staleLink.c_str());
    ::unlink((victimDir + "/precious.txt").c_str());
    ::rmdir(victimDir.c_str());
}

// Another user's shared-memory object, and another user's directories named like ours in the
// temporary directory: all survive a cleanup run as root. (Run as another user, a cleanup cannot
// remove them anyway; the test needs root to plant files of another uid.)
TEST(Ownership, AnotherUsersObjectsSurviveCleanupAsRoot) {
    if (::geteuid() != 0) GTEST_SKIP() << "needs root to create files of another uid";
    std::string shmName = std::string("ipclab-") + kDeadPid + "-abcdef-ring0";
    int fd = ::shm_open(("/" + shmName).c_str(), O_CREAT | O_EXCL | O_RDWR, 0600);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(::fchown(fd, kOtherUid, kOtherUid), 0);
    ::close(fd);

    std::string thesis = tempRoot() + "/ipclab-99997-thesis";
    ::mkdir(thesis.c_str(), 0700);
    writeFile(thesis + "/chapter1.tex", "\\chapter{One}");
    ASSERT_EQ(::chown(thesis.c_str(), kOtherUid, kOtherUid), 0);
    std::string lookalike = tempRoot() + "/ipclab-" + kDeadPid + "-abcdef-dir";
    ::mkdir(lookalike.c_str(), 0700);
    writeFile(lookalike + "/records-0", "data");
    ASSERT_EQ(::chown(lookalike.c_str(), kOtherUid, kOtherUid), 0);

    auto rep = removeStaleObjects();
    EXPECT_TRUE(exists("/dev/shm/" + shmName)) << "another user's segment was removed";
    EXPECT_TRUE(exists(thesis + "/chapter1.tex")) << "another user's directory was removed";
    EXPECT_TRUE(exists(lookalike + "/records-0")) << "a directory outside our private root was touched";
    for (const auto& o : listLiveObjects()) {
        EXPECT_EQ(o.find("thesis"), std::string::npos) << o;
        EXPECT_EQ(o.find(shmName), std::string::npos) << "list shows another user's object: " << o;
    }

    ::shm_unlink(("/" + shmName).c_str());
    ::unlink((thesis + "/chapter1.tex").c_str());
    ::rmdir(thesis.c_str());
    ::unlink((lookalike + "/records-0").c_str());
    ::rmdir(lookalike.c_str());
}

// Our own leftovers of a dead run are still removed: the point of cleanup.
TEST(Ownership, OurDeadRunsLeftoversAreRemoved) {
    std::string shmName = std::string("ipclab-") + kDeadPid + "-123456-tel";
    int fd = ::shm_open(("/" + shmName).c_str(), O_CREAT | O_EXCL | O_RDWR, 0600);
    ASSERT_GE(fd, 0);
    ::close(fd);
    std::string dir = runtimeRoot() + "/ipclab-" + kDeadPid + "-123456-dir";
    ASSERT_EQ(::mkdir(dir.c_str(), 0700), 0);
    ASSERT_EQ(::mkfifo((dir + "/fifo0").c_str(), 0600), 0);
    auto rep = removeStaleObjects();
    EXPECT_FALSE(exists("/dev/shm/" + shmName));
    EXPECT_FALSE(exists(dir));
}
