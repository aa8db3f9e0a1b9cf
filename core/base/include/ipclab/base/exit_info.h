#pragma once
// How a worker process ended, as waitpid reported it: a plain value that outlives the process
// (the UI shows it, a recording keeps it).
#include "ipclab/base/cpu_accounting.h"

#include <string>

namespace ipclab {

struct ExitInfo {
    bool exited = false; // reaped
    bool signaled = false;
    int code = 0;   // exit status when !signaled
    int signal = 0; // terminating signal when signaled
    CpuAccounting usage; // the kernel's accounting of its whole life (wait4's rusage)
    std::string describe() const;
};

} // namespace ipclab
