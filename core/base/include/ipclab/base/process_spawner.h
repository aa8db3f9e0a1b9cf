#pragma once
// Worker processes: started with posix_spawn and an argument vector (never a shell), owned by an
// RAII handle that kills and reaps the child if it is still running when the handle goes away.
#include "ipclab/base/exit_info.h"

#include <sys/types.h>

#include <string>
#include <vector>

namespace ipclab {


class ChildProcess {
public:
    // `inheritFds` are given to the child as fds 3, 4, 5, ... in order.
    static ChildProcess spawn(const std::string& exe, const std::vector<std::string>& args,
                              const std::vector<int>& inheritFds = {});
    ChildProcess() = default;
    ChildProcess(ChildProcess&& o) noexcept;
    ChildProcess& operator=(ChildProcess&& o) noexcept;
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;
    ~ChildProcess();

    pid_t pid() const { return pid_; }
    bool running() const { return pid_ > 0 && !info_.exited; }
    const ExitInfo& exitInfo() const { return info_; }
    // Reaps without blocking; true once the child has exited.
    bool poll();
    // Waits up to timeoutMs for exit; true if it exited.
    bool waitFor(int timeoutMs);
    void signal(int sig);
    void killAndReap();

private:
    pid_t pid_ = -1;
    ExitInfo info_;
};

// Where ipclab-worker lives: $IPCLAB_WORKER, else next to the running executable (no build path
// is compiled in); throws ConfigError when neither has it.
std::string workerExecutable();

} // namespace ipclab
