#include "object_names.h"

#include "error.h"

#include <dirent.h>
#include <mqueue.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <random>

namespace ipclab {
namespace fs = std::filesystem;

namespace {
constexpr const char* kPrefix = "ipclab-";

bool pidAlive(int pid) { return pid > 0 && (::kill(pid, 0) == 0 || errno == EPERM); }

std::vector<std::string> entriesOf(const std::string& dir) {
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        auto name = e.path().filename().string();
        if (name.rfind(kPrefix, 0) == 0) out.push_back(name);
    }
    return out;
}
} // namespace

std::string tempRoot() {
    const char* t = std::getenv("TMPDIR");
    return (t && *t) ? t : "/tmp";
}

std::string makeObjectPrefix() {
    std::random_device rd;
    std::uniform_int_distribution<unsigned> dist(0, 0xffffff);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s%d-%06x", kPrefix, static_cast<int>(::getpid()), dist(rd));
    return buf;
}

int ownerPidOf(const std::string& name) {
    if (name.rfind(kPrefix, 0) != 0) return -1;
    const char* p = name.c_str() + 7;
    char* end = nullptr;
    long pid = std::strtol(p, &end, 10);
    if (end == p || *end != '-' || pid <= 0 || pid > 0x7fffffff) return -1;
    return static_cast<int>(pid);
}

StaleCleanupReport removeStaleObjects() {
    StaleCleanupReport rep;
    for (const auto& n : entriesOf("/dev/shm"))
        if (int pid = ownerPidOf(n); pid > 0 && !pidAlive(pid) && ::shm_unlink(("/" + n).c_str()) == 0)
            rep.removed.push_back("/dev/shm/" + n);
    for (const auto& n : entriesOf("/dev/mqueue"))
        if (int pid = ownerPidOf(n); pid > 0 && !pidAlive(pid) && ::mq_unlink(("/" + n).c_str()) == 0)
            rep.removed.push_back("/dev/mqueue/" + n);
    for (const auto& n : entriesOf(tempRoot())) {
        if (int pid = ownerPidOf(n); pid > 0 && !pidAlive(pid)) {
            std::error_code ec;
            fs::remove_all(fs::path(tempRoot()) / n, ec);
            if (!ec) rep.removed.push_back(tempRoot() + "/" + n);
        }
    }
    return rep;
}

std::vector<std::string> listLiveObjects() {
    std::vector<std::string> out;
    for (const auto& n : entriesOf("/dev/shm")) out.push_back("/dev/shm/" + n);
    for (const auto& n : entriesOf("/dev/mqueue")) out.push_back("/dev/mqueue/" + n);
    for (const auto& n : entriesOf(tempRoot())) out.push_back(tempRoot() + "/" + n);
    return out;
}

PrivateDir::PrivateDir(const std::string& prefix) : path_(tempRoot() + "/" + prefix + "-dir") {
    // mkdir fails if the name exists: nobody can pre-plant a directory or symlink for us.
    if (::mkdir(path_.c_str(), 0700) != 0) throwErrno("mkdir " + path_);
}

PrivateDir::~PrivateDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

} // namespace ipclab
