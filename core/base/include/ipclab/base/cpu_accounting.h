#pragma once
// The kernel's own accounting of one process, beside IPC Lab's counters: CPU time in user mode
// and in the kernel, context switches (voluntary: it waited for something; involuntary: the
// scheduler preempted it) and minor page faults. An independent witness: measured by the kernel,
// not by the workers. Read live from /proc, or once, final, from the rusage wait4() returns.
#include <sys/types.h>

#include <cstdint>
#include <span>
#include <string_view>

struct rusage;

namespace ipclab {

struct CpuAccounting {
    bool valid = false;
    double userS = 0, systemS = 0;
    uint64_t voluntarySwitches = 0, involuntarySwitches = 0, minorFaults = 0;

    CpuAccounting& operator+=(const CpuAccounting& o);
    // Of the CPU time used, the share spent in the kernel (0..1; 0 when none was used).
    double systemShare() const;
};

// /proc/<pid>/stat and /proc/<pid>/status of a live process; invalid when it is gone (or /proc
// says something unexpected).
CpuAccounting readProcAccounting(pid_t pid);
// The parsers behind it. `stat` may contain a command name with spaces and parentheses: fields
// are counted from the last ')'. `ticksPerS` is sysconf(_SC_CLK_TCK).
bool parseProcStat(std::string_view stat, long ticksPerS, CpuAccounting& out);
// Field `n` (from 3, as proc(5) numbers them) of a /proc stat line, counted from the last ')';
// empty if absent.
std::string_view statField(std::string_view stat, int n);
// Several fields in one walk of the line: out[i] = field wanted[i] (`wanted` increasing; "" for
// one past the end).
void statFields(std::string_view stat, std::span<const int> wanted, std::span<std::string_view> out);
bool parseProcStatus(std::string_view status, CpuAccounting& out);
CpuAccounting fromRusage(const struct rusage& ru);

} // namespace ipclab
