#pragma once
// What to run: the single description the UI edits, the CLI parses and the workers receive as argv.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ipclab {

enum class ExperimentKind : uint32_t { Stream, Race, PingPong, Sweep, Isolation };
enum class TransportKind : uint32_t { SharedMemory, Pipe, Fifo, UnixSocket, Tcp, MessageQueue, File };
enum class SyncMode : uint32_t { None, Mutex, Spinlock, Semaphore, Atomic };

inline constexpr int kMaxWorkers = 64;
inline constexpr uint32_t kMinMessageSize = 8;
inline constexpr uint32_t kMaxMessageSize = 1u << 20;
inline constexpr double kMaxDurationS = 24 * 3600; // a run longer than a day is a mistake
inline constexpr double kMaxRate = 1e7;            // paced rates above this are full speed anyway

std::string_view toString(ExperimentKind k);
std::string_view toString(TransportKind k);
std::string_view toString(SyncMode m);
std::optional<ExperimentKind> experimentFromString(std::string_view s);
std::optional<TransportKind> transportFromString(std::string_view s);
std::optional<SyncMode> syncFromString(std::string_view s);
// How a shared-memory worker waits when the ring is full or empty: spin on the CPU, spin briefly
// then yield then sleep on a futex (the default), or sleep on the futex at once. (A lock's waiting
// is its primitive's: a mutex or semaphore sleeps, a spin lock spins.)
enum class WaitPolicy : uint32_t { Spin, Adaptive, Sleep };
std::string_view toString(WaitPolicy w);
std::optional<WaitPolicy> waitPolicyFromString(std::string_view s);
const std::vector<TransportKind>& allTransports();
const std::vector<SyncMode>& allSyncModes();
// Human label ("shared memory", "Unix socket") and a one-line explanation for tooltips.
std::string_view displayName(TransportKind k);
std::string_view explanation(TransportKind k);
std::string_view explanation(SyncMode m);
// Byte-stream media need one reader per stream (framing cannot be shared by two readers).
bool isByteStream(TransportKind k);
bool isMessagePassing(TransportKind k);

struct ExperimentConfig {
    ExperimentKind experiment = ExperimentKind::Stream;
    TransportKind transport = TransportKind::SharedMemory;
    SyncMode sync = SyncMode::Mutex; // the primitive; syncEnabled switches it on/off
    bool syncEnabled = true;
    int producers = 1;
    int consumers = 1;
    int workers = 2;           // race
    uint32_t messageSize = 64; // bytes, header included
    double durationS = 2.0;    // 0 = until stopped
    double rate = 0;           // messages/s per producer, 0 = full speed
    uint32_t holdUs = 0;       // race: extra time spent inside the critical section
    bool telemetry = true;     // off only for the overhead benchmark: counters stay private
    // 0..19: a lower priority for the workers; kNiceIdle: the idle scheduling class (SCHED_IDLE),
    // they run whenever no other process wants a CPU. The GUI uses it: next to eight busy
    // workers on two cores its frames then start on time (a niced worker still keeps the CPU
    // until its time slice ends, several milliseconds: a late frame).
    static constexpr int kNiceIdle = 20;
    int workerNice = 0;
    int coRunners = 0;         // worker processes of another run sharing the CPUs (compare mode)
    // CPU pressure: extra processes that only burn CPU (at this nice level), so that workers
    // are preempted, inside a critical section too. Changed live by the window.
    static constexpr int kMaxCpuHogs = 16;
    int cpuHogs = 0;
    int hogNice = 0;
    WaitPolicy waitPolicy = WaitPolicy::Adaptive; // changed live by the window
    std::vector<TransportKind> sweepTransports;
    std::vector<uint32_t> sweepSizes;
    double sweepPointS = 0.3;

    SyncMode effectiveSync() const { return syncEnabled ? sync : SyncMode::None; }
    // How many worker processes one run of this config starts (a sweep runs one stream per point: 2).
    int workerProcesses() const;

    // Throws ConfigError with one clear sentence if something is out of range.
    void validate() const;
    // Largest message the chosen transport allows on this machine (mqueue reads /proc limits).
    static uint32_t maxMessageSize(TransportKind k);

    // Round-trip through "--key value" arguments: used by the CLI and to start workers.
    std::vector<std::string> toArgs() const;
    // Parses flags; unknown flags or bad values throw ConfigError.
    static ExperimentConfig fromArgs(const std::vector<std::string>& args, ExperimentConfig base);
    static ExperimentConfig fromArgs(const std::vector<std::string>& args) { return fromArgs(args, ExperimentConfig()); }

    bool operator==(const ExperimentConfig&) const = default;
};

// Parses "4k", "64", "1M" sizes.
std::optional<uint64_t> parseSize(std::string_view s);
std::string formatSize(uint64_t bytes);

} // namespace ipclab
