#pragma once
// The recording's tables, written by RecordingWriter and read by Recording (format 1). Names
// and values are readable from the sqlite3 shell or Python: roles, states and event kinds as
// words, times in seconds since the run started.
namespace ipclab::schema {

inline constexpr const char* kKernelCols =
    "kernel_valid INTEGER, kernel_user_pct REAL, kernel_system_pct REAL, kernel_voluntary_per_s REAL, "
    "kernel_involuntary_per_s REAL, kernel_minor_faults_per_s REAL";

inline constexpr const char* kCreate = R"(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE workers(idx INTEGER NOT NULL, lane INTEGER NOT NULL, slot INTEGER, pid INTEGER, role TEXT,
  role_index INTEGER, state TEXT, active_sync TEXT, rate REAL, exited INTEGER, signaled INTEGER, exit_code INTEGER,
  exit_signal INTEGER, killed_by_us INTEGER, cpu_valid INTEGER, cpu_user_s REAL, cpu_system_s REAL,
  voluntary_switches INTEGER, involuntary_switches INTEGER, minor_faults INTEGER,
  kernel_valid INTEGER, kernel_user_pct REAL, kernel_system_pct REAL, kernel_voluntary_per_s REAL,
  kernel_involuntary_per_s REAL, kernel_minor_faults_per_s REAL, exact INTEGER);
CREATE TABLE state_changes(idx INTEGER NOT NULL, lane INTEGER NOT NULL, pid INTEGER, t REAL, state TEXT);
CREATE TABLE hogs(idx INTEGER NOT NULL, lane INTEGER NOT NULL, pid INTEGER, nice INTEGER,
  kernel_valid INTEGER, kernel_user_pct REAL, kernel_system_pct REAL, kernel_voluntary_per_s REAL,
  kernel_involuntary_per_s REAL, kernel_minor_faults_per_s REAL);
CREATE TABLE events(idx INTEGER NOT NULL, lane INTEGER NOT NULL, event_index INTEGER, worker INTEGER, kind TEXT,
  producer INTEGER, transport TEXT, seq INTEGER, time_ns INTEGER);
CREATE TABLE marks(idx INTEGER NOT NULL, lane INTEGER NOT NULL, t REAL, label TEXT);
CREATE INDEX workers_idx ON workers(idx);
)";

// The samples table: fixed columns, then one REAL column per charted series.
inline constexpr const char* kSampleCols =
    "idx INTEGER NOT NULL, lane INTEGER NOT NULL, t REAL NOT NULL, paused INTEGER, stopped INTEGER, config TEXT, "
    "data_object TEXT, capacity_frames INTEGER, frame_bytes INTEGER, window_s REAL, sent INTEGER, received INTEGER, "
    "new_lost INTEGER, new_inconsistent INTEGER, race_counter INTEGER, lock_holder INTEGER, "
    "kernel_valid INTEGER, kernel_user_pct REAL, kernel_system_pct REAL, kernel_voluntary_per_s REAL, "
    "kernel_involuntary_per_s REAL, kernel_minor_faults_per_s REAL, "
    "send_workers INTEGER, send_messages INTEGER, send_ns_per_msg REAL, send_user_ns REAL, send_kernel_ns REAL, "
    "send_off_cpu_ns REAL, send_call_ns REAL, send_call_samples INTEGER, "
    "receive_workers INTEGER, receive_messages INTEGER, receive_ns_per_msg REAL, receive_user_ns REAL, "
    "receive_kernel_ns REAL, receive_off_cpu_ns REAL, receive_call_ns REAL, receive_call_samples INTEGER";
inline constexpr int kSampleFixedCols = 38;

} // namespace ipclab::schema
