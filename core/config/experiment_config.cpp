#include "ipclab/config/experiment_config.h"

#include "ipclab/base/error.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>

namespace ipclab {
namespace {

struct Names {
    const char* name;
    uint32_t value;
};
constexpr Names kExperiments[] = {{"stream", 0}, {"race", 1}, {"pingpong", 2}, {"sweep", 3}, {"isolation", 4}};
constexpr Names kTransports[] = {{"shm", 0}, {"pipe", 1}, {"fifo", 2}, {"unix", 3},
                                 {"tcp", 4}, {"mqueue", 5}, {"file", 6}};
constexpr Names kSync[] = {{"none", 0}, {"mutex", 1}, {"spinlock", 2}, {"semaphore", 3}, {"atomic", 4}};
constexpr Names kWait[] = {{"spin", 0}, {"adaptive", 1}, {"sleep", 2}};

template <size_t N>
std::optional<uint32_t> lookup(const Names (&table)[N], std::string_view s) {
    for (const auto& n : table)
        if (s == n.name) return n.value;
    return std::nullopt;
}

uint32_t readProcLimit(const char* path, uint32_t fallback) {
    std::ifstream f(path);
    uint64_t v = 0;
    if (f >> v && v > 0) return static_cast<uint32_t>(std::min<uint64_t>(v, UINT32_MAX));
    return fallback;
}

double parseDouble(const std::string& flag, const std::string& v) {
    double d = 0;
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
    if (ec != std::errc() || p != v.data() + v.size() || !std::isfinite(d))
        throw ConfigError(flag + ": '" + v + "' is not a number");
    return d;
}

int parseInt(const std::string& flag, const std::string& v) {
    int i = 0;
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), i);
    if (ec != std::errc() || p != v.data() + v.size()) throw ConfigError(flag + ": '" + v + "' is not a whole number");
    return i;
}

template <typename T, typename F>
std::vector<T> parseList(const std::string& flag, const std::string& v, F one) {
    std::vector<T> out;
    size_t start = 0;
    while (start <= v.size()) {
        size_t comma = v.find(',', start);
        std::string item = v.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (item.empty()) throw ConfigError(flag + ": empty item in '" + v + "'");
        out.push_back(one(item));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

std::string fmtDouble(double d) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", d);
    return buf;
}

} // namespace

std::string_view toString(ExperimentKind k) { return kExperiments[static_cast<uint32_t>(k)].name; }
std::string_view toString(TransportKind k) { return kTransports[static_cast<uint32_t>(k)].name; }
std::string_view toString(SyncMode m) { return kSync[static_cast<uint32_t>(m)].name; }
std::string_view toString(WaitPolicy w) { return kWait[static_cast<uint32_t>(w)].name; }

std::optional<ExperimentKind> experimentFromString(std::string_view s) {
    if (auto v = lookup(kExperiments, s)) return static_cast<ExperimentKind>(*v);
    return std::nullopt;
}
std::optional<TransportKind> transportFromString(std::string_view s) {
    if (s == "shared-memory" || s == "sharedmemory") s = "shm";
    if (s == "mq") s = "mqueue";
    if (auto v = lookup(kTransports, s)) return static_cast<TransportKind>(*v);
    return std::nullopt;
}
std::optional<WaitPolicy> waitPolicyFromString(std::string_view s) {
    if (auto v = lookup(kWait, s)) return static_cast<WaitPolicy>(*v);
    return std::nullopt;
}
std::optional<SyncMode> syncFromString(std::string_view s) {
    if (auto v = lookup(kSync, s)) return static_cast<SyncMode>(*v);
    return std::nullopt;
}

const std::vector<TransportKind>& allTransports() {
    static const std::vector<TransportKind> v{TransportKind::SharedMemory, TransportKind::Pipe,
                                              TransportKind::Fifo,         TransportKind::UnixSocket,
                                              TransportKind::Tcp,          TransportKind::MessageQueue,
                                              TransportKind::File};
    return v;
}
const std::vector<SyncMode>& allSyncModes() {
    static const std::vector<SyncMode> v{SyncMode::None, SyncMode::Mutex, SyncMode::Spinlock, SyncMode::Semaphore,
                                         SyncMode::Atomic};
    return v;
}

std::string_view displayName(TransportKind k) {
    switch (k) {
    case TransportKind::SharedMemory: return "shared memory";
    case TransportKind::Pipe: return "pipe";
    case TransportKind::Fifo: return "FIFO";
    case TransportKind::UnixSocket: return "Unix socket";
    case TransportKind::Tcp: return "TCP loopback";
    case TransportKind::MessageQueue: return "message queue";
    case TransportKind::File: return "file";
    }
    return "?";
}

std::string_view explanation(TransportKind k) {
    switch (k) {
    case TransportKind::SharedMemory:
        return "One region mapped into both address spaces: after setup, data moves with plain loads and stores, "
               "no system call.";
    case TransportKind::Pipe: return "An anonymous kernel buffer inherited by both processes: write() copies in, read() copies out.";
    case TransportKind::Fifo: return "A named pipe: a path in the file system, the same kernel buffer as a pipe.";
    case TransportKind::UnixSocket: return "A local stream socket: send/recv copy the bytes through a kernel socket buffer.";
    case TransportKind::Tcp: return "TCP over 127.0.0.1: the whole network stack, without the network.";
    case TransportKind::MessageQueue:
        return "A POSIX message queue: the kernel keeps whole messages, with a small size and count limit.";
    case TransportKind::File: return "A writer appends records to a file and a reader follows it through the page cache.";
    }
    return "";
}

std::string_view explanation(SyncMode m) {
    switch (m) {
    case SyncMode::None: return "No synchronization: concurrent read-modify-write in shared memory loses updates.";
    case SyncMode::Mutex: return "A process-shared robust pthread mutex: waiters sleep in the kernel; survives a dead holder.";
    case SyncMode::Spinlock: return "Test-and-test-and-set on an atomic flag: waiters burn CPU instead of sleeping.";
    case SyncMode::Semaphore: return "A semaphore in shared memory (P and V on one futex word, as glibc's sem_t inside), used as a binary lock.";
    case SyncMode::Atomic: return "Lock-free: hardware atomic instructions (fetch_add, compare-and-swap), no lock at all.";
    }
    return "";
}

bool isByteStream(TransportKind k) {
    return k == TransportKind::Pipe || k == TransportKind::Fifo || k == TransportKind::UnixSocket ||
           k == TransportKind::Tcp || k == TransportKind::File;
}
bool isMessagePassing(TransportKind k) { return k != TransportKind::SharedMemory; }

uint32_t ExperimentConfig::maxMessageSize(TransportKind k) {
    // A queue message holds the 32-byte frame header too.
    if (k == TransportKind::MessageQueue) return readProcLimit("/proc/sys/fs/mqueue/msgsize_max", 8192) - 32;
    return kMaxMessageSize;
}

int ExperimentConfig::workerProcesses() const {
    switch (experiment) {
    case ExperimentKind::Stream: return producers + consumers;
    case ExperimentKind::Race: return workers;
    case ExperimentKind::PingPong:
    case ExperimentKind::Isolation:
    case ExperimentKind::Sweep: return 2;
    }
    return 2;
}

void ExperimentConfig::validate() const {
    auto needWorkers = [](const char* what, int n) {
        if (n < 1) throw ConfigError(std::string(what) + " must be at least 1");
        if (n > kMaxWorkers) throw ConfigError(std::string(what) + " must be at most " + std::to_string(kMaxWorkers));
    };
    if (!(durationS >= 0)) throw ConfigError("duration must not be negative");
    if (durationS > kMaxDurationS) throw ConfigError("duration must be at most 24 h");
    if (!(rate >= 0)) throw ConfigError("rate must not be negative");
    if (rate > kMaxRate) throw ConfigError("rate must be at most 10000000 messages/s per producer (0 = full speed)");
    if (workerNice < 0 || workerNice > kNiceIdle) throw ConfigError("--nice must be between 0 and 19, or idle");
    if (coRunners < 0 || coRunners > kMaxWorkers) throw ConfigError("--co-runners must be between 0 and " + std::to_string(kMaxWorkers));
    if (cpuHogs < 0 || cpuHogs > kMaxCpuHogs) throw ConfigError("--cpu-hogs must be between 0 and " + std::to_string(kMaxCpuHogs));
    if (hogNice < 0 || hogNice > 19) throw ConfigError("--hog-nice must be between 0 and 19");
    auto checkSize = [](TransportKind t, uint32_t size) {
        if (size < kMinMessageSize)
            throw ConfigError("message size must be at least " + std::to_string(kMinMessageSize) + " bytes");
        uint32_t max = maxMessageSize(t);
        if (size > max)
            throw ConfigError("message size " + formatSize(size) + " is above the " + std::string(displayName(t)) +
                              " limit of " + formatSize(max) +
                              (t == TransportKind::MessageQueue ? " (/proc/sys/fs/mqueue/msgsize_max)" : ""));
    };
    switch (experiment) {
    case ExperimentKind::Stream:
        needWorkers("producers", producers);
        needWorkers("consumers", consumers);
        if (producers + consumers > kMaxWorkers)
            throw ConfigError("producers + consumers must be at most " + std::to_string(kMaxWorkers));
        if (isByteStream(transport) && consumers > producers)
            throw ConfigError(std::string("a ") + std::string(displayName(transport)) +
                              " is a byte stream with one reader each: use at most as many consumers as producers");
        checkSize(transport, messageSize);
        break;
    case ExperimentKind::Race:
        needWorkers("workers", workers);
        if (holdUs > 1000000) throw ConfigError("hold time must be at most 1 s");
        break;
    case ExperimentKind::PingPong: checkSize(transport, messageSize); break;
    case ExperimentKind::Sweep:
        if (sweepTransports.empty()) throw ConfigError("sweep needs at least one transport");
        if (sweepSizes.empty()) throw ConfigError("sweep needs at least one size");
        if (!(sweepPointS > 0) || sweepPointS > 60) throw ConfigError("sweep point duration must be in (0, 60] s");
        for (auto s : sweepSizes)
            if (s < kMinMessageSize || s > kMaxMessageSize)
                throw ConfigError("sweep size " + formatSize(s) + " is outside 8 B .. 1 MiB");
        for (auto t : sweepTransports) // a transport that can carry none of the sizes would print nothing
            if (std::none_of(sweepSizes.begin(), sweepSizes.end(), [&](uint32_t z) { return z <= maxMessageSize(t); }))
                throw ConfigError("sweep: a " + std::string(displayName(t)) + " cannot carry any of the sizes (its limit is " +
                                  formatSize(maxMessageSize(t)) + ")");
        break;
    case ExperimentKind::Isolation: break;
    }
}

std::vector<std::string> ExperimentConfig::toArgs() const {
    std::vector<std::string> a{"--experiment", std::string(toString(experiment)),
                               "--transport",  std::string(toString(transport)),
                               "--sync",       std::string(toString(sync)),
                               "--sync-enabled", syncEnabled ? "1" : "0",
                               "--producers",  std::to_string(producers),
                               "--consumers",  std::to_string(consumers),
                               "--workers",    std::to_string(workers),
                               "--size",       std::to_string(messageSize),
                               "--duration",   fmtDouble(durationS),
                               "--rate",       fmtDouble(rate),
                               "--hold-us",    std::to_string(holdUs),
                               "--telemetry",  telemetry ? "1" : "0",
                               "--nice",       workerNice == kNiceIdle ? std::string("idle") : std::to_string(workerNice),
                               "--co-runners", std::to_string(coRunners),
                               "--cpu-hogs",   std::to_string(cpuHogs),
                               "--hog-nice",   std::to_string(hogNice),
                               "--wait",       std::string(toString(waitPolicy)),
                               "--point-duration", fmtDouble(sweepPointS)};
    if (!sweepTransports.empty()) {
        std::string s;
        for (auto t : sweepTransports) s += (s.empty() ? "" : ",") + std::string(toString(t));
        a.insert(a.end(), {"--transports", s});
    }
    if (!sweepSizes.empty()) {
        std::string s;
        for (auto z : sweepSizes) s += (s.empty() ? "" : ",") + std::to_string(z);
        a.insert(a.end(), {"--sizes", s});
    }
    return a;
}

ExperimentConfig ExperimentConfig::fromArgs(const std::vector<std::string>& args, ExperimentConfig c) {
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& flag = args[i];
        if (flag.rfind("--", 0) != 0) throw ConfigError("unexpected argument '" + flag + "'");
        if (i + 1 >= args.size()) throw ConfigError(flag + " needs a value");
        const std::string& v = args[++i];
        if (flag == "--experiment") {
            auto e = experimentFromString(v);
            if (!e) throw ConfigError("unknown experiment '" + v + "'");
            c.experiment = *e;
        } else if (flag == "--transport") {
            auto t = transportFromString(v);
            if (!t) throw ConfigError("unknown transport '" + v + "' (shm, pipe, fifo, unix, tcp, mqueue, file)");
            c.transport = *t;
        } else if (flag == "--sync") {
            if (v == "off") {
                c.syncEnabled = false;
                continue;
            }
            auto m = syncFromString(v);
            if (!m) throw ConfigError("unknown sync mode '" + v + "' (none, mutex, spinlock, semaphore, atomic)");
            if (*m == SyncMode::None) c.syncEnabled = false;
            else {
                c.sync = *m;
                c.syncEnabled = true;
            }
        } else if (flag == "--sync-enabled") {
            c.syncEnabled = parseInt(flag, v) != 0;
        } else if (flag == "--producers") {
            c.producers = parseInt(flag, v);
        } else if (flag == "--consumers") {
            c.consumers = parseInt(flag, v);
        } else if (flag == "--workers") {
            c.workers = parseInt(flag, v);
        } else if (flag == "--size") {
            auto s = parseSize(v);
            if (!s) throw ConfigError("--size: '" + v + "' is not a size (e.g. 64, 4k, 1M)");
            if (*s > UINT32_MAX) throw ConfigError("--size: '" + v + "' is too large");
            c.messageSize = static_cast<uint32_t>(*s);
        } else if (flag == "--duration") {
            c.durationS = parseDouble(flag, v);
        } else if (flag == "--rate") {
            c.rate = parseDouble(flag, v);
        } else if (flag == "--hold-us") {
            int h = parseInt(flag, v);
            if (h < 0) throw ConfigError("--hold-us must not be negative");
            c.holdUs = static_cast<uint32_t>(h);
        } else if (flag == "--telemetry") {
            c.telemetry = parseInt(flag, v) != 0;
        } else if (flag == "--nice") {
            c.workerNice = v == "idle" ? kNiceIdle : parseInt(flag, v);
            if (c.workerNice == kNiceIdle && v != "idle") throw ConfigError("--nice must be between 0 and 19, or idle");
        } else if (flag == "--co-runners") {
            c.coRunners = parseInt(flag, v);
        } else if (flag == "--cpu-hogs") {
            c.cpuHogs = parseInt(flag, v);
        } else if (flag == "--hog-nice") {
            c.hogNice = parseInt(flag, v);
        } else if (flag == "--wait") {
            auto w = waitPolicyFromString(v);
            if (!w) throw ConfigError("unknown waiting policy '" + v + "' (spin, adaptive, sleep)");
            c.waitPolicy = *w;
        } else if (flag == "--point-duration") {
            c.sweepPointS = parseDouble(flag, v);
        } else if (flag == "--transports") {
            c.sweepTransports = parseList<TransportKind>(flag, v, [&](const std::string& s) {
                auto t = transportFromString(s);
                if (!t) throw ConfigError("unknown transport '" + s + "'");
                return *t;
            });
        } else if (flag == "--sizes") {
            c.sweepSizes = parseList<uint32_t>(flag, v, [&](const std::string& s) {
                auto z = parseSize(s);
                if (!z || *z > UINT32_MAX) throw ConfigError("--sizes: '" + s + "' is not a size");
                return static_cast<uint32_t>(*z);
            });
        } else {
            throw ConfigError("unknown option '" + flag + "'");
        }
    }
    return c;
}

std::optional<uint64_t> parseSize(std::string_view s) {
    if (s.empty()) return std::nullopt;
    uint64_t mult = 1;
    char last = s.back();
    if (last == 'k' || last == 'K') mult = 1024;
    else if (last == 'm' || last == 'M') mult = 1024 * 1024;
    if (mult != 1) s.remove_suffix(1);
    if (s.empty() || s.front() == '-') return std::nullopt;
    uint64_t v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
    if (v > (UINT64_MAX / mult)) return std::nullopt;
    return v * mult;
}

std::string formatSize(uint64_t b) {
    char buf[32];
    if (b >= (1u << 20) && b % (1u << 20) == 0) std::snprintf(buf, sizeof buf, "%llu MiB", (unsigned long long)(b >> 20));
    else if (b >= 1024 && b % 1024 == 0) std::snprintf(buf, sizeof buf, "%llu KiB", (unsigned long long)(b >> 10));
    else std::snprintf(buf, sizeof buf, "%llu B", (unsigned long long)b);
    return buf;
}

} // namespace ipclab
