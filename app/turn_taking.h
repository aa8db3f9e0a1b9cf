#pragma once
// Two running sets of processes that take turns on the CPUs: while one set runs, the other is
// stopped (SIGSTOP), so each turn measures one set alone and neighbouring turns see the same
// machine. Why: on the 2-core VM this was built on, a 64-byte shared-memory ring's speed wanders
// between about 20 and 50 M msgs/s over seconds, and two 0.4 s runs one after the other differ
// by up to 2x: the benchmark's separate runs, each against the ones either side, gave paired
// ratios from 0.5 to 1.3 within one benchmark run. Many short turns of two processes that stay
// alive see the same wander on both sides.
#include <sys/types.h>

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace ipclab {

// One side: the processes stopped and continued together, and how many messages they have
// moved so far (read at each turn's edges).
struct TurnSide {
    std::vector<pid_t> pids;
    std::function<uint64_t()> count;
};

struct TurnOptions {
    double turnS = 0.05;   // a turn's timed part
    double settleS = 0.01; // before it: the side's caches warm again, its rate steady
    int turnsOfB = 20;     // A gets one more: A, B, A, ..., B, A
};

struct Turns {
    std::vector<double> a, b; // messages/s in each timed turn
    std::vector<double> ratio; // each B turn over the mean of the A turns either side (againstNeighbours)
};

// Stops both sides, gives each one untimed turn (warm-up), then takes the turns: each side is
// continued only once the other is stopped for sure (/proc says 'T'; a SIGSTOP arrives when the
// kernel gets to it). Every process is continued again before this returns, also when it
// throws (a process that vanished: std::runtime_error).
Turns takeTurns(const TurnSide& a, const TurnSide& b, const TurnOptions& o = {});

// The state letter of a /proc/<pid>/stat line (field 3; the command before it, field 2, may hold
// spaces and parentheses), or 0 when the line has none.
char procState(std::string_view statLine);
// Whether the process is stopped by a signal ('T'); false when it is gone.
bool isStopped(pid_t pid);

} // namespace ipclab
