#include "ipclab/base/cpu_accounting.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <charconv>
#include <cstdio>
#include <string>

namespace ipclab {

CpuAccounting& CpuAccounting::operator+=(const CpuAccounting& o) {
    valid = valid || o.valid;
    userS += o.userS;
    systemS += o.systemS;
    voluntarySwitches += o.voluntarySwitches;
    involuntarySwitches += o.involuntarySwitches;
    minorFaults += o.minorFaults;
    return *this;
}

double CpuAccounting::systemShare() const {
    double total = userS + systemS;
    return total > 0 ? systemS / total : 0.0;
}

namespace {
bool toU64(std::string_view s, uint64_t& v) {
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    return ec == std::errc() && p == s.data() + s.size() && !s.empty();
}

// A whole small /proc file in one read (they are generated at once; no partial lines).
bool readFile(const std::string& path, std::string& out) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    char buf[4096];
    ssize_t n = ::read(fd, buf, sizeof buf);
    ::close(fd);
    if (n <= 0) return false;
    out.assign(buf, static_cast<std::size_t>(n));
    return true;
}
} // namespace

void statFields(std::string_view stat, std::span<const int> wanted, std::span<std::string_view> out) {
    for (auto& f : out) f = {};
    auto close = stat.rfind(')');
    if (close == std::string_view::npos) return;
    std::string_view rest = stat.substr(close + 1);
    int field = 2; // the field ')' ends
    std::size_t next = 0; // the next wanted field's index
    while (next < wanted.size() && next < out.size() && wanted[next] < 3) ++next; // (no such field)
    std::size_t i = 0;
    while (i < rest.size() && next < wanted.size() && next < out.size()) {
        while (i < rest.size() && rest[i] == ' ') ++i;
        std::size_t j = i;
        while (j < rest.size() && rest[j] != ' ' && rest[j] != '\n') ++j;
        if (j == i) break;
        if (++field == wanted[next]) out[next++] = rest.substr(i, j - i);
        i = j;
    }
}

std::string_view statField(std::string_view stat, int n) {
    std::string_view f;
    statFields(stat, std::span<const int>(&n, 1), std::span<std::string_view>(&f, 1));
    return f;
}

bool parseProcStat(std::string_view stat, long ticksPerS, CpuAccounting& out) {
    // "pid (comm) state ppid ... minflt(10) cminflt majflt cmajflt utime(14) stime(15) ..."
    static constexpr int kWanted[] = {10, 14, 15};
    std::string_view f[3];
    statFields(stat, kWanted, f);
    uint64_t minflt = 0, utime = 0, stime = 0;
    if (ticksPerS <= 0 || !toU64(f[0], minflt) || !toU64(f[1], utime) || !toU64(f[2], stime)) return false;
    out.minorFaults = minflt;
    out.userS = static_cast<double>(utime) / static_cast<double>(ticksPerS);
    out.systemS = static_cast<double>(stime) / static_cast<double>(ticksPerS);
    return true;
}

bool parseProcStatus(std::string_view status, CpuAccounting& out) {
    bool vol = false, invol = false;
    while (!status.empty()) {
        auto nl = status.find('\n');
        std::string_view line = status.substr(0, nl);
        status = nl == std::string_view::npos ? std::string_view{} : status.substr(nl + 1);
        auto colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        std::string_view key = line.substr(0, colon), value = line.substr(colon + 1);
        while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
        if (key == "voluntary_ctxt_switches") vol = toU64(value, out.voluntarySwitches);
        else if (key == "nonvoluntary_ctxt_switches") invol = toU64(value, out.involuntarySwitches);
    }
    return vol && invol;
}

CpuAccounting readProcAccounting(pid_t pid) {
    CpuAccounting a;
    if (pid <= 0) return a;
    static const long ticks = ::sysconf(_SC_CLK_TCK);
    std::string base = "/proc/" + std::to_string(pid), text;
    if (!readFile(base + "/stat", text) || !parseProcStat(text, ticks, a)) return {};
    if (!readFile(base + "/status", text) || !parseProcStatus(text, a)) return {};
    a.valid = true;
    return a;
}

CpuAccounting fromRusage(const struct rusage& ru) {
    CpuAccounting a;
    a.valid = true;
    a.userS = static_cast<double>(ru.ru_utime.tv_sec) + static_cast<double>(ru.ru_utime.tv_usec) / 1e6;
    a.systemS = static_cast<double>(ru.ru_stime.tv_sec) + static_cast<double>(ru.ru_stime.tv_usec) / 1e6;
    a.voluntarySwitches = static_cast<uint64_t>(ru.ru_nvcsw);
    a.involuntarySwitches = static_cast<uint64_t>(ru.ru_nivcsw);
    a.minorFaults = static_cast<uint64_t>(ru.ru_minflt);
    return a;
}

} // namespace ipclab
