#include "cpu_placement.h"

#include "ipclab/base/cpu_accounting.h"

#include <charconv>
#include <chrono>
#include <fstream>
#include <iterator>
#include <string>

namespace ipclab {

const char* toString(Placement p) {
    switch (p) {
    case Placement::AsScheduled: return "as scheduled";
    case Placement::OneCpu: return "one CPU";
    case Placement::TwoCpus: return "two CPUs";
    }
    return "?";
}

std::vector<int> allowedCpus() {
    cpu_set_t set;
    CPU_ZERO(&set);
    std::vector<int> cpus;
    if (::sched_getaffinity(0, sizeof set, &set) != 0) return cpus;
    for (int c = 0; c < CPU_SETSIZE; ++c)
        if (CPU_ISSET(c, &set)) cpus.push_back(c);
    return cpus;
}

std::optional<CpuPair> cpusFor(Placement p) {
    std::vector<int> cpus = allowedCpus();
    switch (p) {
    case Placement::AsScheduled: return CpuPair{};
    case Placement::OneCpu:
        if (cpus.empty()) return std::nullopt;
        return CpuPair{cpus[0], cpus[0]};
    case Placement::TwoCpus:
        if (cpus.size() < 2) return std::nullopt;
        return CpuPair{cpus[0], cpus[1]};
    }
    return std::nullopt;
}

bool pinTo(pid_t tid, int cpu) {
    if (cpu < 0 || cpu >= CPU_SETSIZE) return false;
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    return ::sched_setaffinity(tid, sizeof set, &set) == 0;
}

ScopedAffinity::ScopedAffinity() {
    CPU_ZERO(&saved_);
    valid_ = ::sched_getaffinity(0, sizeof saved_, &saved_) == 0;
}

ScopedAffinity::~ScopedAffinity() {
    if (valid_) ::sched_setaffinity(0, sizeof saved_, &saved_);
}

int lastCpuFromStat(std::string_view stat) {
    std::string_view f = statField(stat, 39);
    int cpu = -1;
    auto [p, ec] = std::from_chars(f.data(), f.data() + f.size(), cpu);
    return !f.empty() && ec == std::errc() && p == f.data() + f.size() && cpu >= 0 ? cpu : -1;
}

int lastCpuOf(pid_t pid, pid_t tid) {
    std::ifstream f("/proc/" + std::to_string(pid) + "/task/" + std::to_string(tid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    return f || f.eof() ? lastCpuFromStat(text) : -1;
}

PlacementSampler::PlacementSampler(End a, End b, SameCpuShare& into)
    : thread_([this, a, b, &into] {
          while (!stop_.load(std::memory_order_relaxed)) {
              std::this_thread::sleep_for(std::chrono::milliseconds(20));
              int ca = lastCpuOf(a.pid, a.tid), cb = lastCpuOf(b.pid, b.tid);
              if (ca < 0 || cb < 0) continue;
              into.same += ca == cb;
              ++into.samples;
          }
      }) {}

PlacementSampler::~PlacementSampler() {
    stop_ = true;
    thread_.join();
}

} // namespace ipclab
