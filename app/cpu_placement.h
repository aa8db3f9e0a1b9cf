#pragma once
// Where the two ends of a benchmark stream run. On the 2-CPU VM this was built on, a pipe moves
// 64-byte messages about 1.5x faster with both ends on one CPU (they take turns; the pipe's
// pages and lock stay in that CPU's cache) than on two (every hand-over crosses CPUs), and the
// scheduler picks either: the full path's producer blocks on a full pipe and is woken by its
// consumer, which pulls it onto the consumer's CPU, while the bare loop's two ends, neither
// ever blocking, stay apart. A ratio of the two then compares placements, not code. So the
// benchmark also runs both with their ends pinned (one CPU, two CPUs) and samples where they
// ran when left to the scheduler.
#include <sys/types.h>

#include <atomic>
#include <optional>
#include <string_view>
#include <thread>
#include <vector>

#include <sched.h>

namespace ipclab {

enum class Placement { AsScheduled, OneCpu, TwoCpus };
const char* toString(Placement p);

// The CPUs of a stream's two ends; -1: wherever the scheduler puts it.
struct CpuPair {
    int writer = -1, reader = -1;
    bool pinned() const { return writer >= 0 || reader >= 0; }
};

// The CPUs this thread may run on, lowest first.
std::vector<int> allowedCpus();
// The pair for a placement from the allowed CPUs, or nothing (two CPUs with only one allowed).
std::optional<CpuPair> cpusFor(Placement p);

// Pins a process or thread (0: the calling thread) to one CPU; false when the kernel refuses.
bool pinTo(pid_t tid, int cpu);

// Gives the calling thread back the CPUs it had when this was made.
class ScopedAffinity {
public:
    ScopedAffinity();
    ~ScopedAffinity();
    ScopedAffinity(const ScopedAffinity&) = delete;
    ScopedAffinity& operator=(const ScopedAffinity&) = delete;

private:
    cpu_set_t saved_{};
    bool valid_ = false;
};

// The CPU a process or thread last ran on (field 39 of /proc/<pid>/task/<tid>/stat), -1 if unknown.
int lastCpuOf(pid_t pid, pid_t tid);
// Field 39 of a stat line (its comm, field 2, may hold spaces and parentheses), -1 if absent.
int lastCpuFromStat(std::string_view stat);

// How often two ends were found on the same CPU.
struct SameCpuShare {
    uint64_t same = 0, samples = 0;
    double share() const { return samples ? static_cast<double>(same) / static_cast<double>(samples) : 0.0; }
};

// What a loop that moves `oneCpu` messages/s with both ends on one CPU and `twoCpus` with one on
// each moves when it spends the share `sameCpu` of its time on one CPU.
inline double mixedRate(double sameCpu, double oneCpu, double twoCpus) { return sameCpu * oneCpu + (1 - sameCpu) * twoCpus; }

// Looks, every 20 ms until destroyed, at the CPUs two threads last ran on (a process's main
// thread: tid = pid) and counts into `into` how often they were the same.
class PlacementSampler {
public:
    struct End {
        pid_t pid, tid;
    };
    PlacementSampler(End a, End b, SameCpuShare& into);
    ~PlacementSampler();
    PlacementSampler(const PlacementSampler&) = delete;
    PlacementSampler& operator=(const PlacementSampler&) = delete;

private:
    std::atomic<bool> stop_{false};
    std::thread thread_;
};

} // namespace ipclab
