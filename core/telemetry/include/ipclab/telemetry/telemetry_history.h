#pragma once
// The sliding window of what a sampler has read: one point per sample per series, plus the marks
// (sync toggles, deaths) drawn on the time axis. Plain C++ so it is tested without a screen.
#include "ipclab/telemetry/telemetry_snapshot.h"

#include <deque>
#include <string>
#include <vector>

namespace ipclab {

enum class Series {
    MsgsPerS,
    MbPerS,
    ContendedPct,
    MeanWaitUs,
    LostUpdates,    // cumulative: race lost updates, stream lost + duplicated
    Inconsistent,   // cumulative: race inconsistent records, stream corrupted + out of order
    LatencyP50Us,
    LatencyP99Us,
    SyscallsPerMsg,
    WaitCallsPerMsg, // of those, calls that only waited or woke a waiter
    SendCallsPerMsg,    // data-moving calls of the sending side
    ReceiveCallsPerMsg, // data-moving calls of the receiving side
    // The kernel's accounting of the workers (filled in by the run sampler from /proc):
    UserCpuPct,      // CPU in user mode, % of one CPU, all workers of the lane
    SystemCpuPct,    // CPU in the kernel
    VoluntaryPerS,   // context switches because a worker waited
    InvoluntaryPerS, // context switches because the scheduler preempted a worker
    Count
};

struct HistoryPoint {
    double t = 0; // seconds since the run started
    double v[static_cast<int>(Series::Count)] = {};
    double operator[](Series s) const { return v[static_cast<int>(s)]; }
};

struct HistoryMark {
    double t = 0;
    std::string label;
};

class TelemetryHistory {
public:
    explicit TelemetryHistory(double windowS = 60.0, double rateWindowS = 0.5);

    // Feeds one snapshot of a run started at startNs; rates are computed over the last
    // rateWindowS so a 30 Hz sampler does not draw noise. `countedRoles` selects whose
    // messages count as throughput (consumers for streams, everyone for races).
    void add(const Snapshot& s, uint64_t startNs, int countedRoles, ExperimentKind kind);
    void mark(double t, std::string label);
    void clear();

    const std::deque<HistoryPoint>& points() const { return points_; }
    const std::vector<HistoryMark>& marks() const { return marks_; }
    const Snapshot* latest() const { return snaps_.empty() ? nullptr : &snaps_.back(); }
    // The oldest snapshot inside the rate window (the base of the current rates).
    const Snapshot* rateBase() const { return snaps_.empty() ? nullptr : &snaps_.front(); }
    // Messages (or updates) per second of one worker over the rate window.
    double workerRate(int index) const;
    double now() const { return points_.empty() ? 0.0 : points_.back().t; }
    double windowS() const { return windowS_; }
    // Latency histogram of the consumers (stream) or pingers since the run started.
    std::array<uint64_t, kHistBuckets> latencyHistogram() const;

private:
    double windowS_, rateWindowS_;
    int roles_ = ~0;
    std::deque<HistoryPoint> points_;
    std::vector<HistoryMark> marks_;
    std::deque<Snapshot> snaps_; // the last rateWindowS of raw snapshots
};

} // namespace ipclab
