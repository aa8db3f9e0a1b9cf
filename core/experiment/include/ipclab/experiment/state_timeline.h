#pragma once
// Who was doing what, when: one row per process (real PID and role) of every lane, as intervals
// of the state each worker published, built from the RunSamples the UI takes (30 a second: the
// timeline is sampled, and says so; in slow motion every change is exact, from the workers' own
// log). When sampled, the holder of a lock comes from the lock's own word (one source of truth);
// when logged, a holder logs its end before it unlocks: either way holders never overlap.
// Plain values: tested without a screen, drawn by the UI's timeline view, written out as CSV.
#include "ipclab/experiment/run_sample.h"

#include <deque>
#include <string>
#include <vector>

namespace ipclab {

struct StateInterval {
    WorkerState state = WorkerState::Starting;
    bool dead = false; // after its exit: the rest of the row
    double t0 = 0, t1 = 0; // seconds since the run started
    // The worker's own count (messages, or a race's updates) when the interval began and when
    // it was last seen: what it got done in it (sampled at the interval's ends).
    uint64_t count0 = 0, count1 = 0;
};

struct TimelineRow {
    int lane = 0;
    int32_t pid = 0;
    WorkerRole role = WorkerRole::Producer;
    int roleIndex = 0;
    std::deque<StateInterval> intervals; // oldest first, adjacent
    bool exact = false; // its latest changes came from the worker's own log (slow motion)
};

class StateTimeline {
public:
    explicit StateTimeline(double windowS = 10.0) : windowS_(windowS) {}
    // One sample of a run; a new run (index 0) starts over. Paused runs are not extended: the
    // picture stands still. Samples without lanes (a sweep) leave it as it is.
    void add(const RunSample& s);
    void clear();
    const std::vector<TimelineRow>& rows() const { return rows_; }
    double now() const { return now_; }
    double windowS() const { return windowS_; }
    // Every interval in the window: lane, pid, role, state, start, end, duration.
    std::string csv() const;

private:
    double windowS_;
    double now_ = 0;
    std::vector<TimelineRow> rows_;
};

} // namespace ipclab
