#pragma once
// Writes a run into a recording: one SQLite file (see README, "Recordings") that holds the
// machine and the config, every RunSample the UI took (charted series, workers and their
// states, the kernel's accounting, the animation's sampled events, marks), and the lesson
// around it. Commits at most once a second, in SQLite's rollback-journal mode: a writer killed
// at any moment leaves a file that opens, up to the last second committed.
#include "ipclab/experiment/run_sample.h"
#include "ipclab/recording/recording_info.h"
#include "ipclab/recording/sqlite_db.h"

#include <optional>
#include <string>
#include <vector>

namespace ipclab {

class RecordingWriter {
public:
    // Creates `path` (never overwrites: an existing file is a RecordingError).
    RecordingWriter(const std::string& path, const RecordingInfo& info);
    RecordingWriter(const RecordingWriter&) = delete;
    RecordingWriter& operator=(const RecordingWriter&) = delete;
    ~RecordingWriter(); // commits what is pending (never throws)

    // A sample of a live run (a sweep's or isolation's lane-less samples are skipped).
    void add(const RunSample& sample);
    // A lesson's question, prediction or verdict, or anything else for the meta table.
    void setMeta(const std::string& key, const std::string& value);
    // Commits now (the destructor does too).
    void flush();
    uint64_t samplesWritten() const { return written_; }
    const std::string& path() const { return db_.path(); }

private:
    void begin();
    SqliteDb db_;
    std::optional<SqliteStatement> sample_, worker_, change_, hog_, event_, mark_, meta_;
    std::vector<std::string> lastConfig_; // per lane, to store a config only when it changed
    uint64_t written_ = 0;
    uint64_t lastCommitNs_ = 0;
    bool inTransaction_ = false;
};

} // namespace ipclab
