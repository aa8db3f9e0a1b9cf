#pragma once
// A recording opened for replay: its info and every sample, rebuilt as the RunSamples the
// views drew live, so a replay draws the same. Opening anything else (a truncated or damaged
// file, random bytes, another program's SQLite file, a newer format) is a RecordingError that
// says which, never a crash.
#include "ipclab/base/table.h"
#include "ipclab/experiment/run_sample.h"
#include "ipclab/recording/recording_info.h"

#include <string>
#include <vector>

namespace ipclab {

inline constexpr int kRecordingApplicationId = 0x49504c52; // "IPLR", SQLite's application_id
inline constexpr int kRecordingFormat = 1;                  // SQLite's user_version
inline constexpr const char* kRecordingSuffix = ".ipclab";

class Recording {
public:
    static Recording open(const std::string& path);

    const std::string& path() const { return path_; }
    const RecordingInfo& info() const { return info_; }
    const std::vector<RunSample>& samples() const { return samples_; }
    double durationS() const; // the last sample's time
    // Every mark (sync switched, worker killed, ...) with its time, in order.
    std::vector<HistoryMark> marks() const;
    // The charted series of every sample and lane: what `recording csv` prints.
    Table seriesTable() const;
    // A few lines for `recording info`: machine, experiment, length, lanes, marks, lesson.
    Table summary() const;

private:
    std::string path_;
    RecordingInfo info_;
    std::vector<RunSample> samples_;
};

// The column names of the charted series, in Series order (msgs_per_s, mb_per_s, ...).
const char* seriesColumn(Series s);

} // namespace ipclab
