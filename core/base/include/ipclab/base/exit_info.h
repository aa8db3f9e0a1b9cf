#pragma once
// How a worker process ended, as waitpid reported it: a plain value that outlives the process
// (the UI shows it, a recording keeps it).
#include <string>

namespace ipclab {

struct ExitInfo {
    bool exited = false; // reaped
    bool signaled = false;
    int code = 0;   // exit status when !signaled
    int signal = 0; // terminating signal when signaled
    std::string describe() const;
};

} // namespace ipclab
