#include "ipclab/base/process_spawner.h"

#include "ipclab/base/error.h"
#include "ipclab/base/unique_fd.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <thread>
#include <utility>

extern char** environ;

namespace ipclab {

std::string ExitInfo::describe() const {
    if (!exited) return "running";
    if (signaled) return std::string("killed by signal ") + std::to_string(signal) + " (" + strsignal(signal) + ")";
    if (code == kWorkerExitCorrupt) return "stopped: its shared memory was corrupted (exit status 4)";
    if (code == kWorkerExitCrashed)
        return "crashed on an invalid memory access: its shared memory was probably overwritten (exit status 5)";
    return "exited with status " + std::to_string(code);
}

ChildProcess ChildProcess::spawn(const std::string& exe, const std::vector<std::string>& args,
                                 const std::vector<int>& inheritFds) {
    // Move the fds out of the way first (>= 100), so dup2 onto 3, 4, ... never clobbers a source.
    std::vector<UniqueFd> high;
    for (int fd : inheritFds) {
        UniqueFd h(::fcntl(fd, F_DUPFD_CLOEXEC, 100));
        if (!h.valid()) throwErrno("fcntl F_DUPFD");
        high.push_back(std::move(h));
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    for (std::size_t i = 0; i < high.size(); ++i)
        posix_spawn_file_actions_adddup2(&fa, high[i].get(), 3 + static_cast<int>(i));
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    // Workers start with default signal dispositions and an empty mask, whatever the GUI changed.
    sigset_t all, none;
    sigfillset(&all);
    sigemptyset(&none);
    posix_spawnattr_setsigdefault(&attr, &all);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);

    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(exe.c_str()));
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = -1;
    int rc = posix_spawn(&pid, exe.c_str(), &fa, &attr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&attr);
    if (rc != 0) throw SystemError("posix_spawn " + exe, rc);
    ChildProcess c;
    c.pid_ = pid;
    return c;
}

ChildProcess::ChildProcess(ChildProcess&& o) noexcept : pid_(std::exchange(o.pid_, -1)), info_(o.info_) {}

ChildProcess& ChildProcess::operator=(ChildProcess&& o) noexcept {
    if (this != &o) {
        killAndReap();
        pid_ = std::exchange(o.pid_, -1);
        info_ = o.info_;
    }
    return *this;
}

ChildProcess::~ChildProcess() { killAndReap(); }

bool ChildProcess::poll() {
    if (pid_ <= 0) return true;
    if (info_.exited) return true;
    int status = 0;
    struct rusage ru {};
    pid_t r = ::wait4(pid_, &status, WNOHANG, &ru);
    if (r == pid_) {
        info_.exited = true;
        info_.usage = fromRusage(ru);
        info_.signaled = WIFSIGNALED(status);
        info_.code = WIFEXITED(status) ? WEXITSTATUS(status) : 0;
        info_.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
        return true;
    }
    if (r < 0 && errno == ECHILD) {
        info_.exited = true; // reaped elsewhere; nothing left to wait for
        return true;
    }
    return false;
}

bool ChildProcess::waitFor(int timeoutMs) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (!poll()) {
        if (std::chrono::steady_clock::now() >= deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return true;
}

void ChildProcess::signal(int sig) {
    if (running()) ::kill(pid_, sig);
}

void ChildProcess::killAndReap() {
    if (pid_ <= 0) return;
    if (!poll()) {
        ::kill(pid_, SIGKILL);
        int status = 0;
        struct rusage ru {};
        while (::wait4(pid_, &status, 0, &ru) < 0 && errno == EINTR) {}
        info_.exited = true;
        info_.usage = fromRusage(ru);
        info_.signaled = WIFSIGNALED(status);
        info_.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
        info_.code = WIFEXITED(status) ? WEXITSTATUS(status) : 0;
    }
}

std::string workerExecutable() {
    namespace fs = std::filesystem;
    if (const char* env = std::getenv("IPCLAB_WORKER"); env && *env) return env;
    std::error_code ec;
    fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        fs::path beside = self.parent_path() / "ipclab-worker";
        if (fs::exists(beside, ec)) return beside.string();
    }
    // (No build path is baked in: an installed or moved core finds its worker beside the
    // program or where IPCLAB_WORKER says; the tests set IPCLAB_WORKER.)
    throw ConfigError("cannot find ipclab-worker beside " + self.string() + " (set IPCLAB_WORKER to its path)");
}

} // namespace ipclab
