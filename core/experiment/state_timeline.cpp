#include "ipclab/experiment/state_timeline.h"

#include <algorithm>
#include <cstdio>

namespace ipclab {

void StateTimeline::clear() {
    rows_.clear();
    now_ = 0;
}

void StateTimeline::add(const RunSample& s) {
    if (s.lanes.empty()) return;
    if (s.index == 0) clear();
    if (s.paused) return;
    double t = s.lanes.front().point.t;
    if (t < now_) return; // (out of order: ignore)
    for (std::size_t lane = 0; lane < s.lanes.size(); ++lane) {
        for (const WorkerSample& w : s.lanes[lane].workers) {
            TimelineRow* row = nullptr;
            for (auto& r : rows_)
                if (r.pid == w.pid && r.lane == static_cast<int>(lane)) row = &r;
            if (!row) {
                rows_.push_back({static_cast<int>(lane), w.pid, w.role, w.roleIndex, {}});
                row = &rows_.back();
            }
            bool dead = w.exit.exited;
            WorkerState st = dead ? WorkerState::Exited : w.state;
            const auto& counters = s.lanes[lane].counters.workers;
            uint64_t count = w.slot >= 0 && static_cast<std::size_t>(w.slot) < counters.size()
                                 ? std::max(counters[static_cast<std::size_t>(w.slot)].messages, counters[static_cast<std::size_t>(w.slot)].updates)
                                 : 0;
            auto& iv = row->intervals;
            uint64_t before = iv.empty() ? count : iv.back().count1;
            row->exact = w.exact && !dead;
            if (row->exact && (!iv.empty() || !w.changes.empty())) {
                // Slow motion: each change where the worker logged it.
                for (const TimedState& ch : w.changes) {
                    double at = iv.empty() ? ch.t : std::max(ch.t, iv.back().t0);
                    if (!iv.empty() && iv.back().state == ch.state && !iv.back().dead) continue;
                    if (!iv.empty()) iv.back().t1 = at;
                    iv.push_back({ch.state, false, at, at, before, before});
                }
                iv.back().t1 = std::max(iv.back().t1, t);
                iv.back().count1 = count;
            } else {
                // The state seen at this sample holds from the previous sample to this one.
                double from = iv.empty() ? (now_ > 0 ? now_ : t) : iv.back().t1;
                if (!iv.empty() && iv.back().state == st && iv.back().dead == dead) {
                    iv.back().t1 = t;
                    iv.back().count1 = count;
                } else {
                    iv.push_back({st, dead, from, t, before, count});
                }
            }
            while (!iv.empty() && iv.front().t1 < t - windowS_) iv.pop_front();
        }
    }
    now_ = t;
}

std::string StateTimeline::csv() const {
    std::string out = "lane,pid,role,state,start_s,end_s,duration_s,count_at_start,count_at_end\n";
    char buf[160];
    for (const auto& r : rows_)
        for (const auto& i : r.intervals) {
            std::snprintf(buf, sizeof buf, "%d,%d,%s,%s,%.4f,%.4f,%.4f,%llu,%llu\n", r.lane, r.pid, std::string(toString(r.role)).c_str(),
                          i.dead ? "dead" : std::string(toString(i.state)).c_str(), i.t0, i.t1, i.t1 - i.t0,
                          static_cast<unsigned long long>(i.count0), static_cast<unsigned long long>(i.count1));
            out += buf;
        }
    return out;
}

} // namespace ipclab
