#include "ipclab/recording/recording.h"

#include "ipclab/base/error.h"
#include "ipclab/recording/sqlite_db.h"
#include "recording_schema.h"

#include <cmath>
#include <limits>
#include <map>

namespace ipclab {

namespace {
constexpr const char* kSeriesColumns[] = {"msgs_per_s",         "mb_per_s",          "contended_pct",      "mean_wait_us",
                                          "lost",               "inconsistent",      "latency_p50_us",     "latency_p99_us",
                                          "syscalls_per_msg",   "wait_calls_per_msg", "send_calls_per_msg", "receive_calls_per_msg",
                                          "user_cpu_pct",       "system_cpu_pct",    "voluntary_per_s",    "involuntary_per_s"};
static_assert(std::size(kSeriesColumns) == static_cast<std::size_t>(Series::Count), "a column per charted series");

// A word written by toString, back to its value; an unknown word is damage.
template <typename E>
E parseName(const std::string& word, uint32_t count, const char* what) {
    for (uint32_t i = 0; i < count; ++i)
        if (toString(static_cast<E>(i)) == word) return static_cast<E>(i);
    throw RecordingError(std::string("unknown ") + what + " '" + word + "'");
}


KernelRates kernelAt(const SqliteStatement& st, int at) {
    KernelRates k;
    k.valid = st.integer(at) != 0;
    k.userPct = st.real(at + 1);
    k.systemPct = st.real(at + 2);
    k.voluntaryPerS = st.real(at + 3);
    k.involuntaryPerS = st.real(at + 4);
    k.minorFaultsPerS = st.real(at + 5);
    return k;
}

SideTime sideAt(const SqliteStatement& st, int at) {
    SideTime s;
    s.workers = static_cast<int>(st.integer(at));
    s.messages = static_cast<uint64_t>(st.integer(at + 1));
    s.wallNs = st.real(at + 2);
    s.userNs = st.real(at + 3);
    s.kernelNs = st.real(at + 4);
    s.offCpuNs = st.real(at + 5);
    s.inCallNs = st.real(at + 6);
    s.callSamples = static_cast<uint64_t>(st.integer(at + 7));
    return s;
}
} // namespace

const char* seriesColumn(Series s) { return kSeriesColumns[static_cast<int>(s)]; }

Recording Recording::open(const std::string& path) {
    Recording r;
    r.path_ = path;
    try {
        // Read-write when allowed, so SQLite can roll back what a killed writer left half-done.
        std::optional<SqliteDb> opened;
        try {
            opened.emplace(path, SqliteDb::Mode::ReadWrite);
        } catch (const RecordingError&) {
            opened.emplace(path, SqliteDb::Mode::ReadOnly);
        }
        SqliteDb& db = *opened;
        if (db.pragmaInt("application_id") != kRecordingApplicationId)
            throw RecordingError("not an IPC Lab recording (an SQLite file of another program)");
        int64_t format = db.pragmaInt("user_version");
        if (format != kRecordingFormat)
            throw RecordingError("recording format " + std::to_string(format) + " is not one this IPC Lab reads (format " +
                                 std::to_string(kRecordingFormat) + ")");
        {
            SqliteStatement check = db.prepare("PRAGMA quick_check");
            if (!check.step() || check.text(0) != "ok") throw RecordingError("the file is damaged (" + check.text(0) + ")");
        }
        std::map<std::string, std::string> meta;
        for (SqliteStatement m = db.prepare("SELECT key, value FROM meta"); m.step();) meta[m.text(0)] = m.text(1);
        RecordingInfo& i = r.info_;
        i.ipclabVersion = meta["ipclab_version"];
        i.createdUtc = meta["created_utc"];
        i.host = meta["host"];
        i.cpuModel = meta["cpu_model"];
        i.cpus = std::atoi(meta["cpus"].c_str());
        i.kernel = meta["kernel"];
        i.experiment = parseName<ExperimentKind>(meta["experiment"], 5, "experiment");
        i.config = meta["config"];
        i.compareConfig = meta["compare_config"];
        i.lessonId = meta["lesson_id"];
        i.lessonQuestion = meta["lesson_question"];
        i.prediction = meta["prediction"];
        i.verdict = meta["verdict"];

        // Samples, in order; each lane's config carried forward from where it last changed.
        std::vector<ExperimentConfig> config;
        std::map<std::pair<int64_t, int64_t>, LaneSample*> at;
        for (SqliteStatement s = db.prepare("SELECT * FROM samples ORDER BY idx, lane"); s.step();) {
            int64_t idx = s.integer(0), lane = s.integer(1);
            if (idx < 0 || lane < 0 || lane > 1) throw RecordingError("a sample has an impossible index or lane");
            if (r.samples_.empty() || static_cast<int64_t>(r.samples_.back().index) != idx) {
                RunSample rs;
                rs.index = static_cast<uint64_t>(idx);
                rs.experiment = i.experiment;
                rs.paused = s.integer(3) != 0;
                r.samples_.push_back(std::move(rs));
            }
            LaneSample l;
            if (config.size() <= static_cast<std::size_t>(lane)) config.resize(static_cast<std::size_t>(lane) + 1);
            if (!s.isNull(5)) config[static_cast<std::size_t>(lane)] = configFromArgLine(s.text(5));
            l.config = config[static_cast<std::size_t>(lane)];
            l.point.t = s.real(2);
            l.stopped = s.integer(4) != 0;
            l.dataObjectName = s.text(6);
            l.capacityFrames = static_cast<std::size_t>(s.integer(7));
            l.frameBytes = static_cast<std::size_t>(s.integer(8));
            l.windowS = s.real(9);
            l.sent = static_cast<uint64_t>(s.integer(10));
            l.received = static_cast<uint64_t>(s.integer(11));
            l.newLost = static_cast<uint64_t>(s.integer(12));
            l.newInconsistent = static_cast<uint64_t>(s.integer(13));
            l.counters.raceCounter = static_cast<uint64_t>(s.integer(14));
            l.counters.lockHolder = static_cast<int32_t>(s.integer(15));
            l.kernel = kernelAt(s, 16);
            l.breakdown.send = sideAt(s, 22);
            l.breakdown.receive = sideAt(s, 30);
            for (int k = 0; k < static_cast<int>(Series::Count); ++k) {
                int col = schema::kSampleFixedCols + k;
                l.point.v[k] = s.isNull(col) ? std::numeric_limits<double>::quiet_NaN() : s.real(col);
            }
            r.samples_.back().lanes.push_back(std::move(l));
        }
        for (auto& rs : r.samples_)
            for (std::size_t li = 0; li < rs.lanes.size(); ++li) at[{static_cast<int64_t>(rs.index), static_cast<int64_t>(li)}] = &rs.lanes[li];
        auto laneOf = [&](int64_t idx, int64_t lane) -> LaneSample* {
            auto it = at.find({idx, lane});
            return it == at.end() ? nullptr : it->second; // (rows of a sample whose lane was not committed)
        };
        std::map<std::pair<LaneSample*, int32_t>, WorkerSample*> byPid;
        for (SqliteStatement w = db.prepare("SELECT * FROM workers ORDER BY rowid"); w.step();) {
            LaneSample* l = laneOf(w.integer(0), w.integer(1));
            if (!l) continue;
            WorkerSample ws;
            ws.slot = static_cast<int>(w.integer(2));
            ws.pid = static_cast<int32_t>(w.integer(3));
            ws.role = parseName<WorkerRole>(w.text(4), 6, "role");
            ws.roleIndex = static_cast<int>(w.integer(5));
            ws.state = parseName<WorkerState>(w.text(6), kLastWorkerState + 1, "state");
            ws.activeSync = parseName<SyncMode>(w.text(7), 5, "sync mode");
            ws.rate = w.real(8);
            ws.exit.exited = w.integer(9) != 0;
            ws.exit.signaled = w.integer(10) != 0;
            ws.exit.code = static_cast<int>(w.integer(11));
            ws.exit.signal = static_cast<int>(w.integer(12));
            ws.killedByUs = w.integer(13) != 0;
            ws.cpu.valid = w.integer(14) != 0;
            ws.cpu.userS = w.real(15);
            ws.cpu.systemS = w.real(16);
            ws.cpu.voluntarySwitches = static_cast<uint64_t>(w.integer(17));
            ws.cpu.involuntarySwitches = static_cast<uint64_t>(w.integer(18));
            ws.cpu.minorFaults = static_cast<uint64_t>(w.integer(19));
            ws.exit.usage = ws.exit.exited ? ws.cpu : CpuAccounting{};
            ws.kernel = kernelAt(w, 20);
            ws.exact = w.integer(26) != 0;
            l->workers.push_back(ws);
        }
        for (auto& rs : r.samples_)
            for (auto& l : rs.lanes)
                for (auto& w : l.workers) byPid[{&l, w.pid}] = &w;
        for (SqliteStatement c = db.prepare("SELECT * FROM state_changes ORDER BY rowid"); c.step();) {
            LaneSample* l = laneOf(c.integer(0), c.integer(1));
            if (!l) continue;
            auto it = byPid.find({l, static_cast<int32_t>(c.integer(2))});
            if (it == byPid.end()) throw RecordingError("a state change of a worker the sample does not have");
            it->second->changes.push_back({c.real(3), parseName<WorkerState>(c.text(4), kLastWorkerState + 1, "state")});
        }
        for (SqliteStatement h = db.prepare("SELECT * FROM hogs ORDER BY rowid"); h.step();) {
            LaneSample* l = laneOf(h.integer(0), h.integer(1));
            if (!l) continue;
            l->hogs.push_back({static_cast<int32_t>(h.integer(2)), static_cast<int>(h.integer(3)), kernelAt(h, 4)});
        }
        for (SqliteStatement e = db.prepare("SELECT * FROM events ORDER BY rowid"); e.step();) {
            LaneSample* l = laneOf(e.integer(0), e.integer(1));
            if (!l) continue;
            l->newEvents.push_back({static_cast<uint64_t>(e.integer(2)), static_cast<uint32_t>(e.integer(3)),
                                    parseName<EventKind>(e.text(4), kEventKinds, "event"), static_cast<uint32_t>(e.integer(5)),
                                    parseName<TransportKind>(e.text(6), 7, "transport"), static_cast<uint64_t>(e.integer(7)),
                                    static_cast<uint64_t>(e.integer(8))});
        }
        for (SqliteStatement m = db.prepare("SELECT * FROM marks ORDER BY rowid"); m.step();) {
            LaneSample* l = laneOf(m.integer(0), m.integer(1));
            if (l) l->newMarks.push_back({m.real(2), m.text(3)});
        }
    } catch (const RecordingError& e) {
        throw RecordingError(path + ": " + e.what());
    } catch (const ConfigError& e) {
        throw RecordingError(path + ": the recorded experiment is not valid: " + e.what());
    }
    if (r.samples_.empty()) throw RecordingError(path + ": the recording holds no samples");
    return r;
}

double Recording::durationS() const {
    return samples_.empty() || samples_.back().lanes.empty() ? 0.0 : samples_.back().lanes.front().point.t;
}

std::vector<HistoryMark> Recording::marks() const {
    std::vector<HistoryMark> out;
    for (const auto& s : samples_)
        for (const auto& l : s.lanes) out.insert(out.end(), l.newMarks.begin(), l.newMarks.end());
    return out;
}

Table Recording::seriesTable() const {
    Table t;
    t.columns = {"sample", "lane", "transport", "t_s"};
    for (int k = 0; k < static_cast<int>(Series::Count); ++k) t.columns.push_back(kSeriesColumns[k]);
    for (const auto& s : samples_)
        for (std::size_t li = 0; li < s.lanes.size(); ++li) {
            const LaneSample& l = s.lanes[li];
            std::vector<std::string> row = {std::to_string(s.index), std::to_string(li), std::string(toString(l.config.transport)),
                                            fmt(l.point.t, 3)};
            for (double v : l.point.v) row.push_back(std::isnan(v) ? "" : fmt(v, 3));
            t.addRow(std::move(row));
        }
    return t;
}

Table Recording::summary() const {
    Table t;
    t.columns = {"field", "value"};
    const RecordingInfo& i = info_;
    t.addRow({"file", path_});
    t.addRow({"recorded", i.createdUtc + " on " + i.host});
    t.addRow({"machine", i.cpuModel + ", " + std::to_string(i.cpus) + " CPUs, " + i.kernel});
    t.addRow({"ipclab_version", i.ipclabVersion});
    t.addRow({"experiment", std::string(toString(i.experiment))});
    t.addRow({"config", i.config});
    if (!i.compareConfig.empty()) t.addRow({"compared_with", i.compareConfig});
    t.addRow({"samples", std::to_string(samples_.size())});
    t.addRow({"seconds", fmt(durationS(), 2)});
    std::size_t workers = 0, events = 0;
    for (const auto& s : samples_)
        for (const auto& l : s.lanes) {
            workers = std::max(workers, l.workers.size());
            events += l.newEvents.size();
        }
    t.addRow({"workers", std::to_string(workers)});
    t.addRow({"events", std::to_string(events)});
    for (const auto& m : marks()) t.addRow({"mark", fmt(m.t, 2) + " s: " + m.label});
    if (!samples_.empty() && !samples_.back().lanes.empty()) {
        const HistoryPoint& p = samples_.back().lanes.front().point;
        t.addRow({"last_msgs_per_s", fmt(p[Series::MsgsPerS], 0)});
    }
    if (!i.lessonId.empty()) {
        t.addRow({"lesson", i.lessonId});
        t.addRow({"question", i.lessonQuestion});
        t.addRow({"prediction", i.prediction});
        t.addRow({"verdict", i.verdict});
    }
    return t;
}

} // namespace ipclab
