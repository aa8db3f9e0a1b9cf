#include "ipclab/base/object_names.h"

#include "ipclab/base/error.h"

#include <dirent.h>
#include <fcntl.h>
#include <mqueue.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <random>

namespace ipclab {

namespace {
constexpr const char* kPrefix = "ipclab-";

bool pidAlive(int pid) { return pid > 0 && (::kill(pid, 0) == 0 || errno == EPERM); }

bool isHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }
bool isTagChar(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'; }

// Names of a directory's entries, without following anything.
std::vector<std::string> entriesOf(const std::string& dir) {
    std::vector<std::string> out;
    DIR* d = ::opendir(dir.c_str());
    if (!d) return out;
    while (dirent* e = ::readdir(d)) {
        std::string name = e->d_name;
        if (name != "." && name != "..") out.push_back(name);
    }
    ::closedir(d);
    return out;
}

// lstat: what the name itself is (a symlink is reported as a symlink, never followed).
bool lstatOf(const std::string& path, struct stat& st) { return ::lstat(path.c_str(), &st) == 0; }

bool ownedByUs(const struct stat& st) { return st.st_uid == ::geteuid(); }

// Empties and removes one of our private directories without following links and without
// descending: it holds only the FIFOs and files a run created. Anything else (a subdirectory
// someone planted) stays, and so does the directory.
bool removePrivateDir(const std::string& path) {
    int dfd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (dfd < 0) return false;
    struct stat st{};
    if (::fstat(dfd, &st) != 0 || !ownedByUs(st)) {
        ::close(dfd);
        return false;
    }
    for (const auto& n : entriesOf(path)) {
        struct stat e{};
        if (::fstatat(dfd, n.c_str(), &e, AT_SYMLINK_NOFOLLOW) != 0) continue;
        if (S_ISDIR(e.st_mode)) continue;
        ::unlinkat(dfd, n.c_str(), 0); // a symlink is removed itself, its target untouched
    }
    ::close(dfd);
    return ::rmdir(path.c_str()) == 0;
}

std::string ensurePrivateRoot(const std::string& path) {
    if (::mkdir(path.c_str(), 0700) != 0 && errno != EEXIST) throwErrno("mkdir " + path);
    struct stat st{};
    if (!lstatOf(path, st)) throwErrno("stat " + path);
    if (S_ISLNK(st.st_mode) || !S_ISDIR(st.st_mode))
        throw SystemError(path + " is not a directory (a link or a file is in the way); IPC Lab will not use it", EEXIST);
    if (!ownedByUs(st))
        throw SystemError(path + " belongs to another user; IPC Lab will not use it (set TMPDIR to a directory of yours)", EPERM);
    if ((st.st_mode & 077) != 0 && ::chmod(path.c_str(), 0700) != 0) throwErrno("chmod " + path);
    return path;
}
} // namespace

std::string tempRoot() {
    const char* t = std::getenv("TMPDIR");
    return (t && *t) ? t : "/tmp";
}

std::string runtimeRoot() {
    // $XDG_RUNTIME_DIR is per user, 0700 and cleared at logout: the right place when there is one.
    if (const char* x = std::getenv("XDG_RUNTIME_DIR"); x && *x) {
        struct stat st{};
        if (lstatOf(x, st) && S_ISDIR(st.st_mode) && ownedByUs(st)) return ensurePrivateRoot(std::string(x) + "/ipclab");
    }
    return ensurePrivateRoot(tempRoot() + "/ipclab-" + std::to_string(::geteuid()));
}

std::string makeObjectPrefix() {
    std::random_device rd;
    std::uniform_int_distribution<unsigned> dist(0, 0xffffff);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s%d-%06x", kPrefix, static_cast<int>(::getpid()), dist(rd));
    return buf;
}

int ownerPidOf(const std::string& name) {
    // Exactly "ipclab-<pid>-<6 hex digits>" optionally followed by "-<tag>": nothing looser, so
    // "ipclab-99997-thesis" is not ours.
    if (name.rfind(kPrefix, 0) != 0) return -1;
    const char* p = name.c_str() + 7;
    char* end = nullptr;
    long pid = std::strtol(p, &end, 10);
    if (end == p || *p == '+' || *p == '-' || *end != '-' || pid <= 0 || pid > 0x7fffffff) return -1;
    const char* r = end + 1;
    for (int i = 0; i < 6; ++i)
        if (!isHex(r[i])) return -1;
    r += 6;
    if (*r == '\0') return static_cast<int>(pid);
    if (*r != '-' || r[1] == '\0') return -1;
    for (++r; *r; ++r)
        if (!isTagChar(*r)) return -1;
    return static_cast<int>(pid);
}

StaleCleanupReport removeStaleObjects() {
    StaleCleanupReport rep;
    // Ours only: our exact name pattern, a dead owner process, and our user id on the object.
    auto stale = [](const std::string& dir, const std::string& n) {
        int pid = ownerPidOf(n);
        struct stat st{};
        return pid > 0 && !pidAlive(pid) && lstatOf(dir + "/" + n, st) && ownedByUs(st) && !S_ISDIR(st.st_mode) &&
               !S_ISLNK(st.st_mode);
    };
    for (const auto& n : entriesOf("/dev/shm"))
        if (stale("/dev/shm", n) && ::shm_unlink(("/" + n).c_str()) == 0) rep.removed.push_back("/dev/shm/" + n);
    for (const auto& n : entriesOf("/dev/mqueue"))
        if (stale("/dev/mqueue", n) && ::mq_unlink(("/" + n).c_str()) == 0) rep.removed.push_back("/dev/mqueue/" + n);
    std::string root;
    try {
        root = runtimeRoot();
    } catch (const std::exception&) {
        return rep; // no private root of ours: nothing of ours to clean there
    }
    for (const auto& n : entriesOf(root)) {
        int pid = ownerPidOf(n);
        if (pid <= 0 || pidAlive(pid)) continue;
        if (removePrivateDir(root + "/" + n)) rep.removed.push_back(root + "/" + n);
    }
    return rep;
}

std::vector<std::string> listLiveObjects() {
    std::vector<std::string> out;
    auto ours = [](const std::string& dir, const std::string& n) {
        struct stat st{};
        return ownerPidOf(n) > 0 && lstatOf(dir + "/" + n, st) && ownedByUs(st);
    };
    for (const auto& n : entriesOf("/dev/shm"))
        if (ours("/dev/shm", n)) out.push_back("/dev/shm/" + n);
    for (const auto& n : entriesOf("/dev/mqueue"))
        if (ours("/dev/mqueue", n)) out.push_back("/dev/mqueue/" + n);
    try {
        std::string root = runtimeRoot();
        for (const auto& n : entriesOf(root))
            if (ours(root, n)) out.push_back(root + "/" + n);
    } catch (const std::exception&) {
    }
    return out;
}

PrivateDir::PrivateDir(const std::string& prefix) : path_(runtimeRoot() + "/" + prefix + "-dir") {
    // mkdir fails if the name exists: nobody can pre-plant a directory or symlink for us.
    if (::mkdir(path_.c_str(), 0700) != 0) throwErrno("mkdir " + path_);
}

PrivateDir::~PrivateDir() { removePrivateDir(path_); }

} // namespace ipclab
