#include "ipclab/recording/recording_writer.h"

#include "ipclab/base/clock.h"
#include "ipclab/recording/recording.h"
#include "recording_schema.h"

#include <cmath>

namespace ipclab {

namespace {
std::string placeholders(int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += i ? ",?" : "?";
    return s;
}
int64_t i64(uint64_t v) { return static_cast<int64_t>(v); }
// One KernelRates as the next six columns.
void putKernel(SqliteStatement& st, const KernelRates& k) {
    st.put(int64_t{k.valid}).put(k.userPct).put(k.systemPct).put(k.voluntaryPerS);
    st.put(k.involuntaryPerS).put(k.minorFaultsPerS);
}
void putSide(SqliteStatement& st, const SideTime& s) {
    st.put(int64_t{s.workers}).put(i64(s.messages)).put(s.wallNs).put(s.userNs);
    st.put(s.kernelNs).put(s.offCpuNs).put(s.inCallNs).put(i64(s.callSamples));
}
} // namespace

RecordingWriter::RecordingWriter(const std::string& path, const RecordingInfo& info) : db_(path, SqliteDb::Mode::Create) {
    // Rollback journal, synced at each commit: a killed writer leaves a file that opens.
    db_.exec("PRAGMA journal_mode=DELETE; PRAGMA synchronous=FULL;");
    db_.exec("PRAGMA application_id=" + std::to_string(kRecordingApplicationId) + "; PRAGMA user_version=" +
             std::to_string(kRecordingFormat) + ";");
    std::string series;
    for (int s = 0; s < static_cast<int>(Series::Count); ++s) series += std::string(", ") + seriesColumn(static_cast<Series>(s)) + " REAL";
    db_.exec("BEGIN;" + std::string(schema::kCreate) + "CREATE TABLE samples(" + schema::kSampleCols + series +
             ", PRIMARY KEY(idx, lane));");
    meta_.emplace(db_.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)"));
    auto put = [&](const char* k, const std::string& v) { meta_->bind(1, std::string(k)).bind(2, v).run(); };
    put("format", std::to_string(kRecordingFormat));
    put("ipclab_version", info.ipclabVersion);
    put("created_utc", info.createdUtc);
    put("host", info.host);
    put("cpu_model", info.cpuModel);
    put("cpus", std::to_string(info.cpus));
    put("kernel", info.kernel);
    put("experiment", std::string(toString(info.experiment)));
    put("config", info.config);
    put("compare_config", info.compareConfig);
    put("lesson_id", info.lessonId);
    put("lesson_question", info.lessonQuestion);
    put("prediction", info.prediction);
    put("verdict", info.verdict);
    db_.exec("COMMIT;");
    int cols = schema::kSampleFixedCols + static_cast<int>(Series::Count);
    sample_.emplace(db_.prepare("INSERT INTO samples VALUES(" + placeholders(cols) + ")"));
    worker_.emplace(db_.prepare("INSERT INTO workers VALUES(" + placeholders(27) + ")"));
    change_.emplace(db_.prepare("INSERT INTO state_changes VALUES(?,?,?,?,?)"));
    hog_.emplace(db_.prepare("INSERT INTO hogs VALUES(" + placeholders(10) + ")"));
    event_.emplace(db_.prepare("INSERT INTO events VALUES(?,?,?,?,?,?,?,?,?)"));
    mark_.emplace(db_.prepare("INSERT INTO marks VALUES(?,?,?,?)"));
}

RecordingWriter::~RecordingWriter() {
    try {
        flush();
    } catch (...) { // (a full disk at the end: what was committed before stays readable)
    }
}

void RecordingWriter::begin() {
    if (inTransaction_) return;
    db_.exec("BEGIN;");
    inTransaction_ = true;
    if (!lastCommitNs_) lastCommitNs_ = monotonicNs();
}

void RecordingWriter::flush() {
    if (!inTransaction_) return;
    db_.exec("COMMIT;");
    inTransaction_ = false;
    lastCommitNs_ = monotonicNs();
}

void RecordingWriter::setMeta(const std::string& key, const std::string& value) {
    begin();
    meta_->bind(1, key).bind(2, value).run();
    flush();
}

void RecordingWriter::add(const RunSample& s) {
    if (s.lanes.empty()) return;
    begin();
    auto idx = i64(written_);
    lastConfig_.resize(std::max(lastConfig_.size(), s.lanes.size()));
    for (std::size_t li = 0; li < s.lanes.size(); ++li) {
        const LaneSample& l = s.lanes[li];
        auto lane = static_cast<int64_t>(li);
        SqliteStatement& st = *sample_;
        st.put(idx).put(lane).put(l.point.t).put(int64_t{s.paused}).put(int64_t{l.stopped});
        std::string config = argLine(l.config);
        if (config != lastConfig_[li]) st.put(config);
        else st.putNull();
        lastConfig_[li] = config;
        st.put(l.dataObjectName).put(i64(l.capacityFrames)).put(i64(l.frameBytes)).put(l.windowS);
        st.put(i64(l.sent)).put(i64(l.received)).put(i64(l.newLost)).put(i64(l.newInconsistent));
        st.put(i64(l.counters.raceCounter)).put(int64_t{l.counters.lockHolder});
        putKernel(st, l.kernel);
        putSide(st, l.breakdown.send);
        putSide(st, l.breakdown.receive);
        for (double v : l.point.v) {
            if (std::isnan(v)) st.putNull(); // (not measured yet: stays "no value" on replay)
            else st.put(v);
        }
        st.run();
        for (const WorkerSample& w : l.workers) {
            SqliteStatement& ws = *worker_;
            ws.put(idx).put(lane).put(int64_t{w.slot}).put(int64_t{w.pid});
            ws.put(std::string(toString(w.role))).put(int64_t{w.roleIndex}).put(std::string(toString(w.state)));
            ws.put(std::string(toString(w.activeSync))).put(w.rate);
            ws.put(int64_t{w.exit.exited}).put(int64_t{w.exit.signaled}).put(int64_t{w.exit.code});
            ws.put(int64_t{w.exit.signal}).put(int64_t{w.killedByUs});
            ws.put(int64_t{w.cpu.valid}).put(w.cpu.userS).put(w.cpu.systemS);
            ws.put(i64(w.cpu.voluntarySwitches)).put(i64(w.cpu.involuntarySwitches)).put(i64(w.cpu.minorFaults));
            putKernel(ws, w.kernel);
            ws.put(int64_t{w.exact});
            ws.run();
            for (const TimedState& c : w.changes)
                change_->bind(1, idx).bind(2, lane).bind(3, int64_t{w.pid}).bind(4, c.t).bind(5, std::string(toString(c.state))).run();
        }
        for (const HogSample& h : l.hogs) {
            hog_->put(idx).put(lane).put(int64_t{h.pid}).put(int64_t{h.nice});
            putKernel(*hog_, h.kernel);
            hog_->run();
        }
        for (const EventRecord& e : l.newEvents) {
            event_->bind(1, idx).bind(2, lane).bind(3, i64(e.index)).bind(4, int64_t{e.worker});
            event_->bind(5, std::string(toString(e.kind))).bind(6, int64_t{e.producer}).bind(7, std::string(toString(e.transport)));
            event_->bind(8, i64(e.seq)).bind(9, i64(e.timeNs)).run();
        }
        for (const HistoryMark& m : l.newMarks) mark_->bind(1, idx).bind(2, lane).bind(3, m.t).bind(4, m.label).run();
    }
    ++written_;
    if (monotonicNs() - lastCommitNs_ >= 1'000'000'000ull) flush();
}

} // namespace ipclab
