#include "ipclab/telemetry/telemetry_history.h"

#include <algorithm>
#include <limits>

namespace ipclab {

TelemetryHistory::TelemetryHistory(double windowS, double rateWindowS) : windowS_(windowS), rateWindowS_(rateWindowS) {}

void TelemetryHistory::clear() {
    points_.clear();
    marks_.clear();
    snaps_.clear();
}

void TelemetryHistory::mark(double t, std::string label) { marks_.push_back({t, std::move(label)}); }

void TelemetryHistory::add(const Snapshot& s, uint64_t startNs, int countedRoles, ExperimentKind kind) {
    roles_ = countedRoles;
    snaps_.push_back(s);
    // Keep one snapshot at least rateWindowS old as the base of the rates.
    while (snaps_.size() > 2 && s.timeNs - snaps_[1].timeNs >= static_cast<uint64_t>(rateWindowS_ * 1e9))
        snaps_.pop_front();
    const Snapshot& base = snaps_.front();

    HistoryPoint p;
    p.t = s.timeNs > startNs ? static_cast<double>(s.timeNs - startNs) / 1e9 : 0.0;
    auto set = [&](Series k, double v) { p.v[static_cast<int>(k)] = v; };
    if (&base != &snaps_.back()) {
        Rates r = ratesBetween(base, s, countedRoles);
        set(Series::MsgsPerS, kind == ExperimentKind::Race ? r.updatesPerS : r.msgsPerS);
        // A race moves no messages: its MB/s is not a measurement (NaN, not a line at 0 MB/s
        // beside 13 M updates/s of real memory traffic).
        set(Series::MbPerS, kind == ExperimentKind::Race ? std::numeric_limits<double>::quiet_NaN() : r.mbPerS);
        set(Series::ContendedPct, r.contendedPct);
        set(Series::MeanWaitUs, r.meanWaitUs);
        set(Series::SyscallsPerMsg, r.syscallsPerMsg);
        set(Series::WaitCallsPerMsg, r.waitCallsPerMsg);
        set(Series::SendCallsPerMsg, r.sendCallsPerMsg);
        set(Series::ReceiveCallsPerMsg, r.receiveCallsPerMsg);
        // Percentiles of the messages received within the rate window.
        auto a = base.histogram(countedRoles), b = s.histogram(countedRoles);
        for (int i = 0; i < kHistBuckets; ++i) b[static_cast<std::size_t>(i)] -= std::min(a[static_cast<std::size_t>(i)], b[static_cast<std::size_t>(i)]);
        set(Series::LatencyP50Us, static_cast<double>(percentileNs(b, 50)) / 1000.0);
        set(Series::LatencyP99Us, static_cast<double>(percentileNs(b, 99)) / 1000.0);
    }
    if (kind == ExperimentKind::Race) {
        // True lost updates never decrease; a sample taken while workers run can under-read
        // them for a moment (see ExperimentRun::sample), so the series keeps its maximum.
        double prev = points_.empty() ? 0.0 : points_.back()[Series::LostUpdates];
        set(Series::LostUpdates, std::max(prev, static_cast<double>(s.lostUpdates())));
        set(Series::Inconsistent, static_cast<double>(s.sum(&WorkerCounters::inconsistent)));
    } else {
        set(Series::LostUpdates, static_cast<double>(s.sum(&WorkerCounters::lost) + s.sum(&WorkerCounters::duplicated)));
        set(Series::Inconsistent, static_cast<double>(s.sum(&WorkerCounters::corrupted) + s.sum(&WorkerCounters::outOfOrder)));
    }
    points_.push_back(p);
    while (!points_.empty() && points_.front().t < p.t - windowS_) points_.pop_front();
    while (!marks_.empty() && marks_.front().t < p.t - windowS_) marks_.erase(marks_.begin());
}

double TelemetryHistory::workerRate(int index) const {
    if (snaps_.size() < 2) return 0;
    const Snapshot &a = snaps_.front(), &b = snaps_.back();
    auto i = static_cast<std::size_t>(index);
    if (i >= a.workers.size() || i >= b.workers.size() || b.timeNs <= a.timeNs) return 0;
    uint64_t x = b.workers[i].messages, y = a.workers[i].messages;
    return x > y ? static_cast<double>(x - y) / (static_cast<double>(b.timeNs - a.timeNs) / 1e9) : 0.0;
}

std::array<uint64_t, kHistBuckets> TelemetryHistory::latencyHistogram() const {
    if (snaps_.empty()) return {};
    return snaps_.back().histogram(roles_);
}

} // namespace ipclab
