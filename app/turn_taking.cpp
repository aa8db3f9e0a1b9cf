#include "turn_taking.h"

#include "bench_stats.h"
#include "cpu_placement.h"
#include "ipclab/base/clock.h"
#include "ipclab/base/cpu_accounting.h"

#include <signal.h>

#include <cerrno>
#include <chrono>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <thread>

namespace ipclab {

char procState(std::string_view stat) {
    std::string_view f = statField(stat, 3);
    return f.empty() ? 0 : f.front();
}

bool isStopped(pid_t pid) {
    std::ifstream f("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    return procState(text) == 'T';
}

namespace {

void signalAll(const TurnSide& s, int sig) {
    for (pid_t p : s.pids)
        if (::kill(p, sig) != 0 && errno == ESRCH)
            throw std::runtime_error("process " + std::to_string(p) + " of a running pair is gone");
}

// SIGSTOP to every process of the side, then waits (up to a second) until /proc shows each stopped.
void stopAll(const TurnSide& s) {
    signalAll(s, SIGSTOP);
    const uint64_t deadline = monotonicNs() + 1'000'000'000;
    for (pid_t p : s.pids)
        while (!isStopped(p)) {
            if (monotonicNs() > deadline) throw std::runtime_error("process " + std::to_string(p) + " did not stop");
            std::this_thread::sleep_for(std::chrono::microseconds(200));
        }
}

void sleepFor(double s) { std::this_thread::sleep_for(std::chrono::duration<double>(s)); }

// Continues every process of both sides however takeTurns leaves (a stopped worker would hang its run's stop).
class ContinueOnExit {
public:
    ContinueOnExit(const TurnSide& a, const TurnSide& b) : a_(a), b_(b) {}
    ~ContinueOnExit() {
        for (const TurnSide* s : {&a_, &b_})
            for (pid_t p : s->pids) ::kill(p, SIGCONT);
    }
    ContinueOnExit(const ContinueOnExit&) = delete;
    ContinueOnExit& operator=(const ContinueOnExit&) = delete;

private:
    const TurnSide &a_, &b_;
};

// One turn of `s` (the other side already stopped): continue, settle, count, stop.
double turn(const TurnSide& s, double settleS, double turnS) {
    signalAll(s, SIGCONT);
    sleepFor(settleS);
    const uint64_t c0 = s.count(), t0 = monotonicNs();
    sleepFor(turnS);
    const uint64_t c1 = s.count(), t1 = monotonicNs();
    stopAll(s);
    return t1 > t0 && c1 >= c0 ? static_cast<double>(c1 - c0) / (static_cast<double>(t1 - t0) / 1e9) : 0.0;
}

} // namespace

Turns takeTurns(const TurnSide& a, const TurnSide& b, const TurnOptions& o) {
    ContinueOnExit resume(a, b);
    stopAll(a);
    stopAll(b);
    turn(a, o.settleS, o.turnS); // warm-up: each side once, untimed
    turn(b, o.settleS, o.turnS);
    Turns t;
    t.a.push_back(turn(a, o.settleS, o.turnS));
    for (int i = 0; i < o.turnsOfB; ++i) {
        t.b.push_back(turn(b, o.settleS, o.turnS));
        t.a.push_back(turn(a, o.settleS, o.turnS));
    }
    t.ratio = againstNeighbours(t.a, t.b);
    return t;
}

} // namespace ipclab
