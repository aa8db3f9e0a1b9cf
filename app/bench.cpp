// ipclab-cli bench: the performance claims, measured in one run on this machine.
//  1. The full path users see (the stream experiment: real ipclab-worker processes that build,
//     send, receive, verify, sequence, time-stamp and count every message, exactly what the
//     charts, the sweep and the lessons report) beside a bare loop of the same mechanism written
//     here: a single-producer/single-consumer ring in shared memory with the bytes copied in and
//     out, or write/read (send/recv, mq_send/mq_receive, append/pread) of the same bytes.
//     1b: against a bare ring that publishes per batch as the core's does; 1c: TCP per mode of
//     its reader, and which side's extra work moves it into which mode; 1d: the best
//     message-passing transport with both ends pinned (one CPU, two).
//  2. Shared memory over the best message-passing transport, per size, as the sweep measures it
//     and as the bare loops measure it, each placed as its full path ran: the sweep's verdict
//     must agree with the mechanisms'.
//  3. Telemetry overhead: the same stream with counters published (on) or private (off); and
//     the timeline's: the same stream sampled 30 times a second (as the window does) or not.
//  4. How fast workers obey a sync switch (control block -> acknowledgement).
#include "cli.h"

#include "ipclab/base/clock.h"
#include "ipclab/base/error.h"
#include "ipclab/experiment/experiment_run.h"
#include "ipclab/experiment/experiment_runner.h"
#include "ipclab/experiment/run_sampler.h"
#include "ipclab/experiment/state_timeline.h"
#include "ipclab/transport/message.h"
#include "ipclab/base/object_names.h"
#include "ipclab/base/shm_segment.h"
#include "ipclab/transport/shm_ring.h"
#include "ipclab/transport/shm_ring_transport.h"
#include "ipclab/sync/spin_lock.h"
#include "ipclab/telemetry/telemetry.h"
#include "ipclab/base/unique_fd.h"
#include "ipclab/base/cpu_accounting.h"
#include "bench_stats.h"
#include "cpu_placement.h"
#include "reader_modes.h"
#include "turn_taking.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <mqueue.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstring>
#include <map>
#include <memory>
#include <ostream>
#include <thread>
#include <vector>

namespace ipclab {
namespace {

// ---------------------------------------------------------------------------------------------
// Bare loops: the mechanism and nothing else. Each moves `frame` bytes per message (the same
// bytes the full path moves: header + payload) from a forked writer to a reader here.

// A forked writer that dies with us (SIGKILL via PR_SET_PDEATHSIG) and is killed and reaped on
// any early return.
class ForkedWriter {
public:
    template <typename F>
    explicit ForkedWriter(F body) {
        pid_t parent = ::getpid();
        pid_ = ::fork();
        if (pid_ < 0) throwErrno("fork");
        if (pid_ == 0) {
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            if (::getppid() != parent) ::_exit(3);
            int rc = 0;
            try {
                body();
            } catch (...) {
                rc = 1;
            }
            ::_exit(rc); // no destructor runs: nothing of the parent's is unlinked
        }
    }
    ~ForkedWriter() {
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
        }
    }
    pid_t pid() const { return pid_; }
    bool join() {
        int status = 0;
        bool ok = ::waitpid(pid_, &status, 0) == pid_ && WIFEXITED(status) && WEXITSTATUS(status) == 0;
        pid_ = -1;
        return ok;
    }
    ForkedWriter(const ForkedWriter&) = delete;
    ForkedWriter& operator=(const ForkedWriter&) = delete;

private:
    pid_t pid_ = -1;
};

// The first quarter of a bare loop's messages is its warm-up: timing starts at message
// warmUp(n), as the full path's measurement starts after its run has warmed up. (A file, for
// one, is faster while it is fresh: timed from its first byte, the baseline would flatter
// itself against a full path measured in steady state.)
uint64_t warmUp(uint64_t n) { return n / 4; }

// How many messages a bare run needs to be timed for about `seconds` after its warm-up quarter,
// as long as a full measurement: sized from a trial of 2000 messages, then from one of about
// 50 ms. (2000 messages through a 64-byte ring take well under a millisecond, mostly the fork:
// sized from that alone, the ring's bare runs were timed for 0.08-0.2 s against the full path's
// 0.4 s, and a shorter run is a noisier one.)
template <typename Trial>
uint64_t messagesFor(double seconds, Trial trial) {
    auto count = [](double rate, double s) { return std::clamp<uint64_t>(static_cast<uint64_t>(rate * s), 2000, 400'000'000); };
    return count(trial(count(trial(2000), 0.05)), seconds * 4 / 3); // warmUp(): the first quarter is not timed
}

// The targets for full/bare: shared memory 0.7 below 4 KiB and 0.8 from there, kernel transports 0.9.
double fullOverBareTarget(TransportKind k, uint32_t size) {
    return k == TransportKind::SharedMemory ? (size < 4096 ? 0.7 : 0.8) : 0.9;
}

// How a bare loop runs, beside what it measures.
struct BareRun {
    ReaderModes* modes = nullptr; // TCP: the reader's stretches sorted by its mode as well
    CpuPair pin; // where the writer and the reader run (-1: where the scheduler puts them)
    SameCpuShare* placement = nullptr; // when set: how often both were found on one CPU
    // Byte streams: about this much busy work per message after each write / each read (table
    // 1c's check of which side's extra work moves TCP into which mode); 0: none.
    uint32_t writerExtraNs = 0, readerExtraNs = 0;
};

// Table 1c's extra-work check: TCP at sizes up to this, about this much work a message.
constexpr uint32_t kExtraWorkUpTo = 256;
constexpr uint32_t kExtraWorkNs = 100;

// Busy for about `ns` (a clock read costs ~20 ns here, so ~ns..ns+20); nothing for 0.
inline void busyFor(uint32_t ns) {
    if (ns == 0) return;
    const uint64_t until = monotonicNs() + ns;
    while (monotonicNs() < until) {
    }
}

// Runs `writer(n)` in a child and `reader(n, t0)` here; the reader sets t0 when it receives
// message warmUp(n). Messages/s seen by the reader from there to its last.
template <typename W, typename R>
double forkPair(uint64_t n, W writer, R reader, const BareRun& how = {}) {
    ScopedAffinity keep; // this process's CPUs back afterwards: the next run's workers inherit them
    ForkedWriter child([&] {
        if (how.pin.writer >= 0 && !pinTo(0, how.pin.writer)) throwErrno("sched_setaffinity");
        writer(n);
    });
    if (how.pin.reader >= 0 && !pinTo(0, how.pin.reader)) throwErrno("sched_setaffinity");
    std::optional<PlacementSampler> sampler;
    if (how.placement) sampler.emplace(PlacementSampler::End{::getpid(), ::gettid()},
                                       PlacementSampler::End{child.pid(), child.pid()}, *how.placement);
    uint64_t t0 = 0;
    uint64_t got = reader(n, t0);
    uint64_t t1 = monotonicNs();
    sampler.reset();
    bool ok = child.join();
    if (!ok || got != n || t0 == 0 || t1 <= t0) return 0;
    return static_cast<double>(n - 1 - warmUp(n)) / (static_cast<double>(t1 - t0) / 1e9);
}

void writeAll(int fd, const std::byte* p, std::size_t len) {
    while (len) {
        ssize_t k = ::write(fd, p, len);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) throwErrno("write");
        p += k;
        len -= static_cast<std::size_t>(k);
    }
}
bool readAll(int fd, std::byte* p, std::size_t len) {
    while (len) {
        ssize_t k = ::read(fd, p, len);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) return false;
        p += k;
        len -= static_cast<std::size_t>(k);
    }
    return true;
}

// Cuts a bare reader's timed part into stretches of at least 10 ms and hands each, with the
// reader's sleeps in it (the kernel's count of its voluntary context switches), to `modes`.
// One clock read every 256 messages, one getrusage a stretch: nothing the loop would notice.
class StretchCutter {
public:
    explicit StretchCutter(ReaderModes* modes) : modes_(modes) {}
    void start(uint64_t received, uint64_t now) {
        if (!modes_) return;
        on_ = true;
        from_ = received;
        t0_ = now;
        sleeps0_ = sleeps();
    }
    void at(uint64_t received) {
        if (!on_ || (received & 255) != 0) return;
        if (uint64_t now = monotonicNs(); now - t0_ >= 10'000'000) cut(received, now);
    }
    void finish(uint64_t received) {
        if (on_) cut(received, monotonicNs());
        on_ = false;
    }

private:
    static uint64_t sleeps() {
        rusage ru{};
        ::getrusage(RUSAGE_THREAD, &ru);
        return static_cast<uint64_t>(ru.ru_nvcsw);
    }
    void cut(uint64_t received, uint64_t now) {
        uint64_t s = sleeps();
        modes_->add(received - from_, static_cast<double>(now - t0_) / 1e9, s - sleeps0_);
        from_ = received;
        t0_ = now;
        sleeps0_ = s;
    }
    ReaderModes* modes_;
    bool on_ = false;
    uint64_t from_ = 0, t0_ = 0, sleeps0_ = 0;
};

double bareFdPair(int rfd, int wfd, uint64_t n, std::size_t frame, const BareRun& how) {
    double r = forkPair(
        n,
        [&](uint64_t m) {
            ::close(rfd);
            std::vector<std::byte> buf(frame, std::byte{1});
            for (uint64_t i = 0; i < m; ++i) {
                writeAll(wfd, buf.data(), frame);
                busyFor(how.writerExtraNs);
            }
        },
        [&](uint64_t m, uint64_t& t0) {
            ::close(wfd);
            std::vector<std::byte> buf(frame);
            StretchCutter stretches(how.modes);
            uint64_t i = 0;
            for (; i < m && readAll(rfd, buf.data(), frame); ++i) {
                busyFor(how.readerExtraNs);
                if (i == warmUp(m)) {
                    t0 = monotonicNs();
                    stretches.start(i + 1, t0);
                } else {
                    stretches.at(i + 1);
                }
            }
            stretches.finish(i);
            return i;
        },
        how);
    ::close(rfd);
    return r;
}

double barePipe(uint64_t n, std::size_t frame, const BareRun& how) {
    int p[2];
    if (::pipe(p)) throwErrno("pipe");
    return bareFdPair(p[0], p[1], n, frame, how);
}
double bareUnix(uint64_t n, std::size_t frame, const BareRun& how) {
    int sv[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, sv)) throwErrno("socketpair");
    return bareFdPair(sv[0], sv[1], n, frame, how);
}
double bareTcp(uint64_t n, std::size_t frame, const BareRun& how) {
    UniqueFd l(::socket(AF_INET, SOCK_STREAM, 0));
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    if (::bind(l.get(), reinterpret_cast<sockaddr*>(&a), sizeof a) || ::listen(l.get(), 1) ||
        ::getsockname(l.get(), reinterpret_cast<sockaddr*>(&a), &len))
        throwErrno("tcp listen");
    int c = ::socket(AF_INET, SOCK_STREAM, 0);
    if (::connect(c, reinterpret_cast<sockaddr*>(&a), sizeof a)) throwErrno("connect");
    int s = ::accept(l.get(), nullptr, nullptr);
    int one = 1;
    ::setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    ::setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return bareFdPair(s, c, n, frame, how);
}
double bareFifo(uint64_t n, std::size_t frame, const BareRun& how) {
    PrivateDir dir(makeObjectPrefix() + "-barefifo");
    std::string path = dir.path() + "/f";
    if (::mkfifo(path.c_str(), 0600)) throwErrno("mkfifo");
    return forkPair(
        n,
        [&](uint64_t m) {
            int fd = ::open(path.c_str(), O_WRONLY);
            std::vector<std::byte> buf(frame, std::byte{1});
            for (uint64_t i = 0; i < m; ++i) writeAll(fd, buf.data(), frame);
        },
        [&](uint64_t m, uint64_t& t0) {
            // Read-write, as the core's follower: giving consumed space back needs it (with a
            // read-only descriptor fallocate fails, and the baseline would skip the work the
            // transport must do, which stalls the writer on the inode lock each time).
            UniqueFd fd(::open(path.c_str(), O_RDWR));
            std::vector<std::byte> buf(frame);
            uint64_t i = 0;
            for (; i < m && readAll(fd.get(), buf.data(), frame); ++i)
                if (i == warmUp(m)) t0 = monotonicNs();
            return i;
        },
        how);
}
double bareMqueue(uint64_t n, std::size_t frame, const BareRun& how) {
    std::string name = "/" + makeObjectPrefix() + "-baremq";
    mq_attr attr{};
    attr.mq_maxmsg = 10;
    attr.mq_msgsize = static_cast<long>(frame);
    mqd_t q = ::mq_open(name.c_str(), O_CREAT | O_EXCL | O_RDWR, 0600, &attr);
    if (q == static_cast<mqd_t>(-1)) throwErrno("mq_open");
    ::mq_unlink(name.c_str()); // the open descriptor keeps it alive; nothing can leak
    double r = forkPair(
        n,
        [&](uint64_t m) {
            std::vector<char> buf(frame, 1);
            for (uint64_t i = 0; i < m; ++i)
                if (::mq_send(q, buf.data(), frame, 0)) throwErrno("mq_send");
        },
        [&](uint64_t m, uint64_t& t0) {
            std::vector<char> buf(frame);
            uint64_t i = 0;
            for (; i < m && ::mq_receive(q, buf.data(), frame, nullptr) == static_cast<ssize_t>(frame); ++i)
                if (i == warmUp(m)) t0 = monotonicNs();
            return i;
        },
        how);
    ::mq_close(q);
    return r;
}
// A writer appends records to a file, a reader follows it with pread at its own offset (and
// gives consumed space back every 16 MiB, as the file transport does, so /tmp never fills).
double bareFile(uint64_t n, std::size_t frame, const BareRun& how) {
    PrivateDir dir(makeObjectPrefix() + "-barefile");
    std::string path = dir.path() + "/records";
    UniqueFd create(::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY, 0600));
    if (!create.valid()) throwErrno("create " + path);
    return forkPair(
        n,
        [&](uint64_t m) {
            int fd = ::open(path.c_str(), O_WRONLY | O_APPEND);
            std::vector<std::byte> buf(frame, std::byte{1});
            for (uint64_t i = 0; i < m; ++i) writeAll(fd, buf.data(), frame);
        },
        [&](uint64_t m, uint64_t& t0) {
            // Read-write, as the core's follower: giving consumed space back needs it (with a
            // read-only descriptor fallocate fails, and the baseline would skip the work the
            // transport must do, which stalls the writer on the inode lock each time).
            UniqueFd fd(::open(path.c_str(), O_RDWR));
            std::vector<std::byte> buf(frame);
            uint64_t off = 0, punched = 0, i = 0;
            uint64_t deadline = monotonicNs() + 60'000'000'000ull;
            while (i < m && monotonicNs() < deadline) {
                ssize_t k = ::pread(fd.get(), buf.data(), frame, static_cast<off_t>(off));
                if (k != static_cast<ssize_t>(frame)) continue; // not there yet: look again
                off += frame;
                if (off - punched >= (16u << 20)) {
                    punched = off & ~uint64_t{4095};
                    ::fallocate(fd.get(), FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 0, static_cast<off_t>(punched));
                }
                if (i++ == warmUp(m)) t0 = monotonicNs();
            }
            return i;
        },
        how);
}

// The simplest fast shared-memory ring: one producer, one consumer, spinning, the bytes copied
// in and out, each side caching the other's index (re-read only when the ring looks full or
// empty, as the core's one-writer ring does: a baseline without it would be easy to beat);
// as many slots as the core's ring has for this frame size. The writer publishes its index
// after every message, or with `batch` > 1 once per that many, and then the reader, as the
// core's reader does at full speed, copies out a run of what is there (as many frames as the
// core's run holds) before it gives them all back with one store and prefetches the next run,
// and both copy as the core's ring does (the writer in whole lines, the reader inline): the
// second baseline, so that the core's ring protocol is not counted as the instrument's gain.
double bareShm(uint64_t n, std::size_t frame, uint64_t batch = 1, const BareRun& how = {}) {
    const uint64_t slots = ShmRing::defaultSlotCount(static_cast<uint32_t>(frame));
    const std::size_t stride = (frame + 63) & ~std::size_t{63};
    const std::size_t bytes = 128 + slots * stride;
    ShmMapping mapping = ShmMapping::anonymous(bytes); // unmapped however forkPair returns
    void* mem = mapping.data();
    auto* head = new (mem) std::atomic<uint64_t>(0);
    auto* tail = new (static_cast<char*>(mem) + 64) std::atomic<uint64_t>(0);
    char* data = static_cast<char*>(mem) + 128;
    return forkPair(
        n,
        [&](uint64_t m) {
            std::vector<char> buf(frame, 1);
            uint64_t seenTail = 0;
            for (uint64_t i = 0; i < m; ++i) {
                while (i - seenTail >= slots) {
                    seenTail = tail->load(std::memory_order_acquire);
                    if (i - seenTail >= slots) cpuRelax();
                }
                char* slot = data + (i % slots) * stride;
                if (batch > 1) // the same bytes in the core's stores (whole lines; see MessageBuilder::buildInto)
                    frame_write::write(reinterpret_cast<std::byte*>(slot), reinterpret_cast<const std::byte*>(buf.data()), frame, 1, i, 0, 1);
                else
                    std::memcpy(slot, buf.data(), frame);
                // (Fewer than batch <= slots messages are ever unpublished, so the reader can
                // always make the room this writer may wait for.)
                if ((i + 1) % batch == 0 || i + 1 == m) head->store(i + 1, std::memory_order_release);
            }
        },
        [&](uint64_t m, uint64_t& t0) {
            const uint64_t runMax = batch > 1 ? ShmRingTransport::runSize(frame) : 1;
            std::vector<char> buf(runMax * frame);
            uint64_t seenHead = 0;
            for (uint64_t i = 0; i < m;) {
                while (seenHead <= i) {
                    seenHead = head->load(std::memory_order_acquire);
                    if (seenHead <= i) cpuRelax();
                }
                const uint64_t k = std::min({seenHead - i, runMax, m - i});
                for (uint64_t j = 0; j < k; ++j) {
                    const char* slot = data + ((i + j) % slots) * stride;
                    if (runMax > 1) // copied out as the core's reader copies (copyFrame, inline)
                        copyFrame(reinterpret_cast<std::byte*>(buf.data() + j * frame), reinterpret_cast<const std::byte*>(slot), frame);
                    else
                        std::memcpy(buf.data() + j * frame, slot, frame);
                }
                // The copy must happen, as it does in the core: without this the compiler drops
                // a copy into a buffer nobody reads, and the bare loop never touches the data.
                asm volatile("" : : "r"(buf.data()) : "memory");
                tail->store(i + k, std::memory_order_release);
                if (runMax > 1) // the next run's lines, where already published, start coming over
                    for (uint64_t j = i + k; j < std::min(seenHead, i + 2 * k); ++j)
                        for (std::size_t o = 0; o < stride; o += 64) __builtin_prefetch(data + (j % slots) * stride + o, 0, 3);
                if (i <= warmUp(m) && warmUp(m) < i + k) t0 = monotonicNs();
                i += k;
            }
            return m;
        },
        how);
}

// IPC Lab's own ring (ShmRing, one writer and one reader) at full speed, without the instrument:
// the writer claims a batch of slots, writes the same frame into each as the core's writer does
// and publishes them together; the reader takes runs of frames out and copies nothing else. No
// header is built or checked, no sequence tracked, no clock read, nothing counted: the third
// baseline, the ring's own speed, so that table 1b's ratio is the instrument's cost even where
// this ring outruns the rings written above. Its writer's and reader's loops: `m` messages.
void coreRingWrite(ShmRing& ring, std::size_t frame, uint64_t m) {
    const uint32_t slot = static_cast<uint32_t>(frame);
    const uint64_t batch = ShmRing::publishBatchFor(slot);
    std::vector<std::byte> pattern(frame, std::byte{1});
    for (uint64_t sent = 0; sent < m;) {
        frame_write::SlotRun run = ring.claimBatch(frame, std::min(batch, m - sent));
        if (run.count == 0) {
            cpuRelax();
            continue;
        }
        for (uint64_t i = 0; i < run.count; ++i) {
            std::byte* p = run.base + run.stride * ((run.first + i) & run.mask);
            frame_write::write(p, pattern.data(), frame, 1, sent + i, 0, 1);
            std::memcpy(p + run.lengthOffset, &slot, sizeof slot);
        }
        ring.commitBatch(run.count);
        sent += run.count;
    }
    ring.flush();
}
// The reader sets t0 at message warmUp(m); with `moved`, it also says after each run how many
// it has taken so far (one relaxed store per run, to a line only it writes).
uint64_t coreRingRead(ShmRing& ring, std::size_t frame, uint64_t m, uint64_t& t0, std::atomic<uint64_t>* moved = nullptr) {
    const std::size_t runMax = ShmRingTransport::runSize(frame);
    AlignedBuffer out(runMax * frame);
    std::vector<std::size_t> lengths(runMax);
    for (uint64_t got = 0; got < m;) {
        std::size_t k = ring.takeRun(out.data(), frame, std::min<uint64_t>(runMax, m - got), lengths.data());
        if (k == 0) {
            cpuRelax();
            continue;
        }
        asm volatile("" : : "r"(out.data()) : "memory"); // the copies must happen
        if (got <= warmUp(m) && warmUp(m) < got + k) t0 = monotonicNs();
        got += k;
        if (moved) moved->store(got, std::memory_order_relaxed);
    }
    return m;
}

ShmRing makeBareRing(std::size_t frame) {
    const uint32_t slot = static_cast<uint32_t>(frame);
    return ShmRing::create("/" + makeObjectPrefix() + "-barering", slot, ShmRing::defaultSlotCount(slot), true);
}

double bareCoreRing(uint64_t n, std::size_t frame) {
    ShmRing ring = makeBareRing(frame);
    return forkPair(
        n, [&](uint64_t m) { coreRingWrite(ring, frame, m); },
        [&](uint64_t m, uint64_t& t0) { return coreRingRead(ring, frame, m, t0); });
}

// The same ring with its writer and its reader each in a forked process of its own, running
// until this is destroyed (both killed and reaped, the ring unlinked): one side of table 1e's
// turns (see turn_taking.h). The reader's count is in a shared page.
class RunningCoreRing {
public:
    explicit RunningCoreRing(std::size_t frame)
        : page_(ShmMapping::anonymous(4096)), ring_(makeBareRing(frame)) {
        moved_ = new (page_.data()) std::atomic<uint64_t>(0);
        constexpr uint64_t kForever = ~uint64_t{0};
        writer_.emplace([this, frame] { coreRingWrite(ring_, frame, kForever); });
        reader_.emplace([this, frame] {
            uint64_t t0 = 0;
            coreRingRead(ring_, frame, kForever, t0, moved_);
        });
    }
    TurnSide side() const {
        return {{writer_->pid(), reader_->pid()}, [m = moved_] { return m->load(std::memory_order_relaxed); }};
    }

private:
    ShmMapping page_;
    ShmRing ring_;
    std::atomic<uint64_t>* moved_ = nullptr;
    std::optional<ForkedWriter> writer_, reader_; // last: killed and reaped before the ring goes
};

double bareLoop(TransportKind k, uint64_t n, std::size_t frame, const BareRun& how = {}) {
    switch (k) {
    case TransportKind::SharedMemory: return bareShm(n, frame, 1, how);
    case TransportKind::Pipe: return barePipe(n, frame, how);
    case TransportKind::Fifo: return bareFifo(n, frame, how);
    case TransportKind::UnixSocket: return bareUnix(n, frame, how);
    case TransportKind::Tcp: return bareTcp(n, frame, how);
    case TransportKind::MessageQueue: return bareMqueue(n, frame, how);
    case TransportKind::File: return bareFile(n, frame, how);
    }
    return 0;
}

// A stream of `payload`-byte messages, 1 producer -> 1 consumer, shared memory lock-free (as
// the sweep runs it), until stopped: what every measurement of the full path starts from.
ExperimentConfig streamConfig(TransportKind k, uint32_t payload) {
    ExperimentConfig c;
    c.experiment = ExperimentKind::Stream;
    c.transport = k;
    c.messageSize = payload;
    c.sync = SyncMode::Atomic;
    c.durationS = 0;
    return c;
}

// How a full-path measurement runs, beside what it measures.
struct FullRun {
    ReaderModes* modes = nullptr; // TCP: the run also looked at every 20 ms, split by the reader's mode
    CpuPair pin; // the producer's and the consumer's CPU (-1: where the scheduler puts them)
    SameCpuShare* placement = nullptr; // when set: how often both were found on one CPU
};

// The full path: one stream run exactly as the sweep measures a point (lock-free shared memory).
// With `modes`, the same run looked at every 20 ms as well: the consumer's messages (telemetry)
// and its sleeps (/proc), for the split by the reader's mode. With `pin`, both workers are put
// on their CPUs as soon as they exist (before the warm-up).
double fullPath(TransportKind k, uint32_t payload, double seconds, const FullRun& how = {}) {
    const ExperimentConfig c = streamConfig(k, payload);
    if (!how.modes && !how.pin.pinned() && !how.placement) return measureStream(c, seconds).msgsPerS;
    ExperimentRun run(c);
    pid_t writer = 0, reader = 0;
    for (const WorkerInfo& w : run.workers()) {
        if (w.role == WorkerRole::Producer) writer = w.pid;
        if (w.role == WorkerRole::Consumer) reader = w.pid;
    }
    if ((how.pin.writer >= 0 && !pinTo(writer, how.pin.writer)) || (how.pin.reader >= 0 && !pinTo(reader, how.pin.reader)))
        throwErrno("sched_setaffinity");
    std::this_thread::sleep_for(std::chrono::duration<double>(std::min(0.2, seconds * 0.25))); // warm-up, as measureStream
    std::optional<PlacementSampler> sampler;
    if (how.placement) sampler.emplace(PlacementSampler::End{writer, writer}, PlacementSampler::End{reader, reader}, *how.placement);
    const int consumers = roleBit(WorkerRole::Consumer);
    Snapshot first = run.sample(), a = first;
    CpuAccounting ka = readProcAccounting(reader);
    const uint64_t end = monotonicNs() + static_cast<uint64_t>(seconds * 1e9);
    for (uint64_t now = monotonicNs(); now < end; now = monotonicNs()) {
        // Without modes to sort stretches into, five looks a second (as measureStream).
        std::this_thread::sleep_for(std::chrono::nanoseconds(std::min<uint64_t>(how.modes ? 20'000'000 : 200'000'000, end - now)));
        Snapshot b = run.sample();
        CpuAccounting kb = readProcAccounting(reader);
        uint64_t before = a.sum(&WorkerCounters::messages, consumers), after = b.sum(&WorkerCounters::messages, consumers);
        if (how.modes && ka.valid && kb.valid && after >= before && kb.voluntarySwitches >= ka.voluntarySwitches)
            how.modes->add(after - before, static_cast<double>(b.timeNs - a.timeNs) / 1e9, kb.voluntarySwitches - ka.voluntarySwitches);
        a = std::move(b);
        ka = kb;
    }
    sampler.reset();
    run.stop();
    return ratesBetween(first, a, consumers).msgsPerS;
}

// ---------------------------------------------------------------------------------------------
// Arguments: every value range-checked, one line and exit 2 otherwise.

struct BenchOptions {
    double seconds = 0.4; // per measurement
    int repeats = 5; // this VM moves by 2-3x between modes: a median of 3 is one unlucky pair away
    std::vector<uint32_t> sizes{64, 4096, 65536};
    std::vector<TransportKind> transports = allTransports();
    bool quick = false; // only the full-vs-bare tables (tests, smoke runs)
};

double numberIn(const std::string& flag, const std::string& v, double lo, double hi) {
    double d = 0;
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
    if (v.empty() || ec != std::errc() || p != v.data() + v.size() || !std::isfinite(d) || d < lo || d > hi)
        throw ConfigError(flag + ": '" + v + "' is not a number from " + fmt(lo, 2) + " to " + fmt(hi, 2));
    return d;
}

BenchOptions parseBench(const std::vector<std::string>& args) {
    BenchOptions o;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& f = args[i];
        if (f == "--quick") {
            o.quick = true;
            continue;
        }
        if (f != "--duration" && f != "--repeats" && f != "--sizes" && f != "--transports")
            throw ConfigError("bench: unknown option '" + f + "' (try bench --help)");
        if (i + 1 >= args.size()) throw ConfigError(f + " needs a value");
        const std::string& v = args[++i];
        if (f == "--duration") o.seconds = numberIn(f, v, 0.05, 10);
        else if (f == "--repeats") {
            double r = numberIn(f, v, 1, 20);
            if (r != std::floor(r)) throw ConfigError("--repeats: '" + v + "' is not a whole number");
            o.repeats = static_cast<int>(r);
        } else {
            // Reuse the experiment parser for lists: the same names, sizes and limits everywhere.
            ExperimentConfig c;
            c.experiment = ExperimentKind::Sweep;
            c.sweepSizes = o.sizes;
            c.sweepTransports = o.transports;
            c = ExperimentConfig::fromArgs({f, v}, c);
            c.validate();
            if (f == "--sizes") o.sizes = c.sweepSizes;
            else o.transports = c.sweepTransports;
        }
    }
    return o;
}

// One 64 B stream, 1 producer -> 1 consumer, for `seconds` with nobody sampling: the consumers'
// messages per second over the whole run, its counters published or (telemetry off) private.
double streamRate(TransportKind kind, bool telemetry, double seconds) {
    ExperimentConfig c = streamConfig(kind, 64);
    c.telemetry = telemetry;
    ExperimentRun run(c);
    uint64_t until = run.startNs() + static_cast<uint64_t>(seconds * 1e9);
    if (uint64_t now = monotonicNs(); now < until) std::this_thread::sleep_for(std::chrono::nanoseconds(until - now));
    run.stop();
    uint64_t elapsed = monotonicNs() - run.startNs();
    Snapshot s = run.sample();
    return static_cast<double>(s.sum(&WorkerCounters::finalMessages, roleBit(WorkerRole::Consumer))) / (static_cast<double>(elapsed) / 1e9);
}

// B's cost inside one run: a 64 B stream, 1 producer -> 1 consumer, in alternating half-second
// windows without and with B, the rate of each window read from the counters at its edges, and
// each B window against the mean of the A windows either side of it (as --bench-ui does for the
// window). Separate runs differ by 20-60 % on this VM (its modes, where each run's processes
// land); neighbouring windows of the same processes do not, so a cost of a few per cent shows.
// Without B nobody samples (the window edges aside) unless `sampleInA`: then A samples at 30 Hz
// as the window does and B builds the timeline from the samples too.
struct Alternation {
    std::vector<double> a, b, ratio;
};
Alternation alternate(TransportKind kind, double seconds, bool sampleInA) {
    constexpr double kWindowS = 0.5;
    const ExperimentConfig c = streamConfig(kind, 64);
    ExperimentRun run(c);
    std::this_thread::sleep_for(std::chrono::milliseconds(300)); // warm-up
    RunSampler sampler(run);
    StateTimeline timeline;
    uint64_t index = 0;
    const int consumers = roleBit(WorkerRole::Consumer);
    const int windows = std::max(5, static_cast<int>(seconds / kWindowS)) | 1; // odd: A first and last
    std::vector<double> rates;
    Snapshot edge = run.sample();
    for (int w = 0; w < windows; ++w) {
        const bool b = w % 2 == 1;
        const uint64_t end = monotonicNs() + static_cast<uint64_t>(kWindowS * 1e9);
        for (uint64_t now = monotonicNs(); now < end; now = monotonicNs()) {
            if (!b && !sampleInA) {
                std::this_thread::sleep_for(std::chrono::nanoseconds(end - now)); // (nobody looks)
                break;
            }
            RunSample smp;
            smp.index = index++;
            smp.lanes.push_back(sampler.sample(c));
            if (b) timeline.add(smp);
            if (uint64_t t = monotonicNs(); t < end) std::this_thread::sleep_for(std::chrono::nanoseconds(std::min<uint64_t>(33'000'000, end - t)));
        }
        Snapshot next = run.sample();
        rates.push_back(ratesBetween(edge, next, consumers).msgsPerS);
        edge = std::move(next);
    }
    run.stop();
    Alternation out;
    for (int w = 0; w < windows; ++w) (w % 2 ? out.b : out.a).push_back(rates[w]);
    out.ratio = againstNeighbours(out.a, out.b);
    return out;
}

// A row of tables 3-3c: how many runs or windows with B, each side's median, B's cost from the
// paired ratios (1 - their median, in %) and the ratios' range.
std::vector<std::string> costRow(TransportKind kind, const std::vector<double>& without, const std::vector<double>& with,
                                 const std::vector<double>& ratio) {
    auto [lo, hi] = lowestAndHighest(ratio);
    return {std::string(toString(kind)), std::to_string(with.size()), fmt(median(without), 0), fmt(median(with), 0),
            fmt(ratio.empty() ? 0 : 100.0 * (1.0 - median(ratio)), 2), fmt(lo, 3), fmt(hi, 3)};
}

Table alternationTable(const std::vector<std::string>& columns, double seconds, bool sampleInA) {
    Table t;
    t.columns = {"transport", "windows_each"};
    t.columns.insert(t.columns.end(), columns.begin(), columns.end());
    for (TransportKind kind : {TransportKind::SharedMemory, TransportKind::Pipe}) {
        Alternation r = alternate(kind, seconds, sampleInA);
        t.addRow(costRow(kind, r.a, r.b, r.ratio));
    }
    return t;
}

// Telemetry off (counters private) against on (published), for shared memory and a pipe, in
// separate runs: a worker chooses where its counters go at start, and nobody could read a
// private count in the middle of a run. Nine 'on' runs between ten 'off' ones (off, on, off,
// ..., off), each 'on' run against the mean of the 'off' runs either side, as table 1 pairs
// its measurements; medians. Separate runs differ by 20-60 % here: the ratios' range says how
// far one pair can be trusted.
Table telemetryTable(double seconds) {
    constexpr int kRunsOn = 9;
    Table t;
    t.columns = {"transport", "runs_each", "telemetry_off_msgs_per_s", "telemetry_on_msgs_per_s", "overhead_pct",
                 "ratio_min", "ratio_max"};
    for (TransportKind kind : {TransportKind::SharedMemory, TransportKind::Pipe}) {
        std::vector<double> off, on;
        off.push_back(streamRate(kind, false, seconds));
        for (int k = 0; k < kRunsOn; ++k) {
            on.push_back(streamRate(kind, true, seconds));
            off.push_back(streamRate(kind, false, seconds));
        }
        t.addRow(costRow(kind, off, on, againstNeighbours(off, on)));
    }
    return t;
}

} // namespace

int runBench(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    BenchOptions o;
    try {
        o = parseBench(args);
    } catch (const ConfigError& e) {
        err << "ipclab-cli: " << e.what() << "\n";
        return 2;
    }
    try {
        out << "IPC Lab benchmark: " << o.repeats << " interleaved repetitions, " << fmt(o.seconds, 2)
            << " s per measurement, medians; 1 producer process -> 1 consumer process\n"
            << "each full measurement against the mean of the bare ones just before and after it\n\n";

        // 1. Full path vs bare mechanism.
        struct Cell {
            std::vector<double> full;
            Bracketed bare;
            Bracketed batched, coreRing; // shared memory: the bare ring like the core's; IPC Lab's ring without the instrument
            ReaderModes fullModes, bareModes; // TCP: the same measurements split by the reader's mode
            ReaderModes writerExtra, readerExtra; // TCP, small messages: the bare loop with extra work on one side
            SameCpuShare fullShare, bareShare; // message passing: how often both ends shared a CPU
        };
        std::map<std::pair<TransportKind, uint32_t>, Cell> cells;
        Table t;
        t.columns = {"transport", "size_bytes", "bare_msgs_per_s", "full_msgs_per_s", "full_over_bare",
                     "ratio_min", "ratio_max", "target"};
        for (TransportKind k : o.transports) {
            for (uint32_t size : o.sizes) {
                if (size > ExperimentConfig::maxMessageSize(k)) continue;
                std::size_t frame = kFrameHeaderSize + size;
                // Size the bare loop from a short trial so it runs about as long as the full path.
                const uint64_t n = messagesFor(o.seconds, [&](uint64_t m) { return bareLoop(k, m, frame); });
                Cell& c = cells[{k, size}];
                const bool shm = k == TransportKind::SharedMemory;
                // Interleaved, bare first and last: each full measurement is compared with the
                // mean of the bare ones right before and after it, so a change of the machine's
                // speed between two measurements (this VM's modes) does not decide the ratio.
                const uint64_t batch = ShmRing::publishBatchFor(static_cast<uint32_t>(frame));
                // Where the two ends ran is sampled for message passing (see cpu_placement.h); a
                // shared-memory ring's two spinning ends are always on two CPUs.
                const FullRun fullHow{.modes = k == TransportKind::Tcp ? &c.fullModes : nullptr, .pin = {},
                                      .placement = shm ? nullptr : &c.fullShare};
                const BareRun bareHow{.modes = k == TransportKind::Tcp ? &c.bareModes : nullptr, .pin = {},
                                      .placement = shm ? nullptr : &c.bareShare};
                c.bare.first(bareLoop(k, n, frame, bareHow));
                if (shm) {
                    c.batched.first(bareShm(n, frame, batch));
                    c.coreRing.first(bareCoreRing(n, frame));
                }
                for (int r = 0; r < o.repeats; ++r) {
                    double full = fullPath(k, size, o.seconds, fullHow);
                    c.full.push_back(full);
                    c.bare.next(full, bareLoop(k, n, frame, bareHow));
                    if (k == TransportKind::Tcp && size <= kExtraWorkUpTo) {
                        bareLoop(k, n, frame, {.modes = &c.writerExtra, .pin = {}, .placement = nullptr, .writerExtraNs = kExtraWorkNs});
                        bareLoop(k, n, frame, {.modes = &c.readerExtra, .pin = {}, .placement = nullptr, .writerExtraNs = 0, .readerExtraNs = kExtraWorkNs});
                    }
                    if (shm) {
                        c.batched.next(full, bareShm(n, frame, batch));
                        c.coreRing.next(full, bareCoreRing(n, frame));
                    }
                }
                const double target = fullOverBareTarget(k, size);
                auto [lo, hi] = lowestAndHighest(c.bare.ratios());
                t.addRow({std::string(toString(k)), std::to_string(size), fmt(median(c.bare.rates()), 0), fmt(median(c.full), 0),
                          fmt(median(c.bare.ratios()), 3), fmt(lo, 3), fmt(hi, 3), ">= " + fmt(target, 1)});
            }
        }
        out << "1. full path (the stream experiment users see) vs a bare loop of the same mechanism\n"
            << "   full = ipclab-worker processes: build, send, receive, verify (every byte of 1 message in "
            << kFullCheckEvery << ", header and sequence of all), latency stamps, telemetry\n"
            << t.toText() << "\n";

        // 1b. The core's ring publishes its index once per batch at full speed; a bare ring can do
        // the same. Against that baseline the ratio shows the instrument's cost alone.
        Table tb;
        tb.columns = {"transport", "size_bytes", "batch", "baseline", "bare_msgs_per_s", "full_msgs_per_s",
                      "full_over_bare", "ratio_min", "ratio_max"};
        for (const auto& [key, c] : cells) {
            if (c.batched.ratios().empty()) continue;
            std::string batch = std::to_string(ShmRing::publishBatchFor(static_cast<uint32_t>(kFrameHeaderSize + key.second)));
            for (auto [name, ring] : {std::pair<const char*, const Bracketed*>{"batched ring", &c.batched}, {"IPC Lab's ring", &c.coreRing}}) {
                auto [lo, hi] = lowestAndHighest(ring->ratios());
                tb.addRow({std::string(toString(key.first)), std::to_string(key.second), batch, name, fmt(median(ring->rates()), 0),
                           fmt(median(c.full), 0), fmt(median(ring->ratios()), 3), fmt(lo, 3), fmt(hi, 3)});
            }
        }
        if (!tb.rows.empty())
            out << "1b. shared memory against two bare rings that work like the core's at full speed: a batched ring\n"
                   "    written here (its writer publishes once per batch, its reader takes a run and gives it back at\n"
                   "    once; table 1's ring hands over every message on its own), and IPC Lab's own ring class with\n"
                   "    the same frame copied in and out and nothing else (no header built or checked, no sequence,\n"
                   "    no clock, no counters): against that one the ratio is the instrument's cost alone\n"
                << tb.toText() << "\n";

        // 1c. TCP split by the reader's mode (see reader_modes.h): each mode against the same mode.
        Table tm;
        tm.columns = {"size_bytes", "reader", "bare_msgs_per_s", "bare_time_pct", "full_msgs_per_s", "full_time_pct",
                      "full_over_bare", "target"};
        for (const auto& [key, c] : cells) {
            if (key.first != TransportKind::Tcp) continue;
            for (ReaderMode m : {ReaderMode::Busy, ReaderMode::Sleeping}) {
                // A mode either side spent under half a second in (summed over the repetitions; 25-50
                // stretches) is too little to compare: its rate is a few stretches at a switch.
                bool enough = c.fullModes.seconds(m) >= 0.5 && c.bareModes.seconds(m) >= 0.5;
                double bare = c.bareModes.rate(m), full = c.fullModes.rate(m);
                tm.addRow({std::to_string(key.second), toString(m), fmt(bare, 0), fmt(100 * c.bareModes.share(m), 1),
                           fmt(full, 0), fmt(100 * c.fullModes.share(m), 1),
                           enough && bare > 0 ? fmt(full / bare, 3) : "too little time", ">= 0.9"});
            }
        }
        if (!tm.rows.empty())
            out << "1c. TCP over loopback switches between a mode where the reader sleeps and each write wakes it\n"
                   "    and one where it never runs dry, within a second, in the bare loop and the full path alike:\n"
                   "    table 1's TCP ratio compares two mixes of them. Here the same measurements are cut into\n"
                   "    stretches (10-20 ms), sorted by the kernel's count of the reader's sleeps per message\n"
                   "    (>= " << fmt(kSleepingReaderPerMsg, 2) << ": sleeping), and each mode is compared with the same mode\n"
                << tm.toText() << "\n";

        // 1c, continued: which side's extra work moves TCP into which mode. The same bare loop with
        // about kExtraWorkNs of busy work per message on the writer only, then on the reader only.
        Table tw;
        tw.columns = {"size_bytes", "loop", "msgs_per_s", "sleeping_reader_time_pct"};
        for (const auto& [key, c] : cells) {
            if (key.first != TransportKind::Tcp || c.writerExtra.seconds(ReaderMode::Busy) + c.writerExtra.seconds(ReaderMode::Sleeping) <= 0)
                continue;
            auto row = [&](const std::string& name, const ReaderModes& m) {
                double secs = m.seconds(ReaderMode::Busy) + m.seconds(ReaderMode::Sleeping);
                double msgs = m.messages(ReaderMode::Busy) + m.messages(ReaderMode::Sleeping);
                tw.addRow({std::to_string(key.second), name, fmt(secs > 0 ? msgs / secs : 0, 0), fmt(100 * m.share(ReaderMode::Sleeping), 1)});
            };
            std::string extra = "~" + std::to_string(kExtraWorkNs) + " ns";
            row("bare loop", c.bareModes);
            row("bare, " + extra + " a message on the writer", c.writerExtra);
            row("bare, " + extra + " a message on the reader", c.readerExtra);
            row("full path", c.fullModes);
        }
        if (!tw.rows.empty())
            out << "    Which mode a loop settles in depends on which side does more besides the system call: the\n"
                   "    bare loop again with busy work after each write only, then after each read only\n"
                << tw.toText() << "\n";

        // The best message-passing transport at each size, by its full path's median in table 1:
        // the one the sweep's verdict is about (SharedMemory when none was measured).
        auto bestAt = [&](uint32_t size) {
            TransportKind best = TransportKind::SharedMemory;
            double bestFull = 0;
            for (TransportKind k : o.transports)
                if (k != TransportKind::SharedMemory && cells.count({k, size}) && median(cells.at({k, size}).full) > bestFull) {
                    bestFull = median(cells.at({k, size}).full);
                    best = k;
                }
            return best;
        };

        // 1d. Placement (see cpu_placement.h): the best message-passing transport's full path and
        // bare loop with both ends pinned to one CPU and to two, each against the same placement;
        // then the full path as the scheduler places it (as the sweep runs it) against the bare
        // loop in the same placements: the pinned rates mixed by the time the full path was found
        // on one CPU (table 2's baseline), and against the faster placement alone.
        struct Placed {
            TransportKind k = TransportKind::Pipe;
            Bracketed bare[2]; // [0] one CPU, [1] two CPUs
            std::vector<double> full[2];
            std::vector<double> scheduled; // the unpinned full path
            std::vector<double> bareMix, againstMix; // the bare loop in its placements; the full path over it
            std::vector<double> bareBest, againstBest; // the bare loop's faster placement; the full path over it
            SameCpuShare scheduledShare, bareShare[2], fullShare[2]; // the pinned ones sampled too: proof of the pinning
        };
        std::map<uint32_t, Placed> placed;
        const std::optional<CpuPair> oneCpu = cpusFor(Placement::OneCpu), twoCpus = cpusFor(Placement::TwoCpus);
        for (uint32_t size : o.sizes) {
            TransportKind k = bestAt(size);
            if (k == TransportKind::SharedMemory || !oneCpu || !twoCpus) continue;
            Placed& p = placed[size];
            p.k = k;
            const std::size_t frame = kFrameHeaderSize + size;
            const CpuPair pins[2] = {*oneCpu, *twoCpus};
            auto bare = [&](int i, uint64_t n, SameCpuShare* share) {
                return bareLoop(k, n, frame, {.modes = nullptr, .pin = pins[i], .placement = share});
            };
            const uint64_t n = messagesFor(o.seconds, [&](uint64_t m) { return std::max(bare(0, m, nullptr), bare(1, m, nullptr)); });
            for (int i = 0; i < 2; ++i) p.bare[i].first(bare(i, n, &p.bareShare[i]));
            for (int r = 0; r < o.repeats; ++r) {
                double full[2];
                for (int i = 0; i < 2; ++i)
                    full[i] = fullPath(k, size, o.seconds, {.modes = nullptr, .pin = pins[i], .placement = &p.fullShare[i]});
                SameCpuShare where;
                double scheduled = fullPath(k, size, o.seconds, {.modes = nullptr, .pin = {}, .placement = &where});
                p.scheduledShare.same += where.same;
                p.scheduledShare.samples += where.samples;
                double b[2]; // each placement's bare rate around this repetition (0: a bare run failed)
                for (int i = 0; i < 2; ++i) {
                    p.full[i].push_back(full[i]);
                    b[i] = p.bare[i].next(full[i], bare(i, n, &p.bareShare[i]));
                }
                p.scheduled.push_back(scheduled);
                if (b[0] > 0 && b[1] > 0 && where.samples > 0) {
                    double mix = mixedRate(where.share(), b[0], b[1]);
                    p.bareMix.push_back(mix);
                    p.againstMix.push_back(scheduled / mix);
                    p.bareBest.push_back(std::max(b[0], b[1]));
                    p.againstBest.push_back(scheduled / std::max(b[0], b[1]));
                }
            }
        }
        if (!placed.empty()) {
            Table tp;
            tp.columns = {"size_bytes", "transport", "placement", "bare_msgs_per_s", "bare_same_cpu_pct", "full_msgs_per_s",
                          "full_same_cpu_pct", "full_over_bare", "ratio_min", "ratio_max"};
            for (const auto& [size, p] : placed) {
                const Cell& c = cells.at({p.k, size});
                std::string name(toString(p.k)), sz = std::to_string(size);
                auto pct = [](const SameCpuShare& s) { return s.samples ? fmt(100 * s.share(), 0) : std::string("-"); };
                auto [lo, hi] = lowestAndHighest(c.bare.ratios());
                tp.addRow({sz, name, "as scheduled (table 1)", fmt(median(c.bare.rates()), 0), pct(c.bareShare), fmt(median(c.full), 0),
                           pct(c.fullShare), fmt(median(c.bare.ratios()), 3), fmt(lo, 3), fmt(hi, 3)});
                for (int i = 0; i < 2; ++i) {
                    auto [l, h] = lowestAndHighest(p.bare[i].ratios());
                    tp.addRow({sz, name, toString(i == 0 ? Placement::OneCpu : Placement::TwoCpus), fmt(median(p.bare[i].rates()), 0),
                               pct(p.bareShare[i]), fmt(median(p.full[i]), 0), pct(p.fullShare[i]), fmt(median(p.bare[i].ratios()), 3),
                               fmt(l, 3), fmt(h, 3)});
                }
                auto [ml, mh] = lowestAndHighest(p.againstMix);
                tp.addRow({sz, name, "full as scheduled / bare, same placements", fmt(median(p.bareMix), 0), pct(p.scheduledShare),
                           fmt(median(p.scheduled), 0), pct(p.scheduledShare), fmt(median(p.againstMix), 3), fmt(ml, 3), fmt(mh, 3)});
                auto [bl, bh] = lowestAndHighest(p.againstBest);
                tp.addRow({sz, name, "full as scheduled / bare, faster placement", fmt(median(p.bareBest), 0), "-",
                           fmt(median(p.scheduled), 0), pct(p.scheduledShare), fmt(median(p.againstBest), 3), fmt(bl, 3),
                           fmt(bh, 3)});
            }
            out << "1d. where the two ends run: a pipe or socket on this kind of VM is faster with both ends taking turns\n"
                   "    on one CPU than with one end on each, and the scheduler picks either (same_cpu_pct: how often\n"
                   "    both were found on one CPU, sampled every 20 ms). The best message-passing transport at each\n"
                   "    size, pinned to one CPU and to two, each against the same placement; then the full path as\n"
                   "    scheduled (as the sweep runs it) against the bare loop in the same placements (the pinned\n"
                   "    rates mixed by the share of time the full path was found on one CPU: table 2's baseline),\n"
                   "    and against the bare loop's faster placement alone\n"
                << tp.toText() << "\n";
        }

        // 1e. Shared memory's full path and IPC Lab's ring without the instrument, both running at
        // once and taking turns of 50 ms (turn_taking.h): a fourth view of the instrument's cost.
        // (Tried as a way around the wander of this VM's speed between separate runs; the two
        // pairs' speeds turned out to wander apart as well, so it does not replace 1b.)
        std::map<uint32_t, Turns> turns;
        for (uint32_t size : o.sizes) {
            if (!cells.count({TransportKind::SharedMemory, size})) continue;
            ExperimentRun run(streamConfig(TransportKind::SharedMemory, size));
            RunningCoreRing ring(kFrameHeaderSize + size);
            const int consumers = roleBit(WorkerRole::Consumer);
            TurnSide full{{}, [&run, consumers] { return run.sample().sum(&WorkerCounters::messages, consumers); }};
            for (const WorkerInfo& w : run.workers()) full.pids.push_back(w.pid);
            // As many timed turns of the full path as table 1's repetitions have seconds of it.
            const TurnOptions how{.turnS = 0.05, .settleS = 0.01, .turnsOfB = std::max(9, static_cast<int>(o.seconds * o.repeats / 0.05))};
            turns[size] = takeTurns(ring.side(), full, how);
            run.stop();
        }
        if (!turns.empty()) {
            Table tt;
            tt.columns = {"transport", "size_bytes", "turns_each", "bare_msgs_per_s", "full_msgs_per_s", "full_over_bare",
                          "ratio_min", "ratio_max", "target"};
            for (const auto& [size, t] : turns) {
                auto [lo, hi] = lowestAndHighest(t.ratio);
                tt.addRow({"shm", std::to_string(size), std::to_string(t.b.size()), fmt(median(t.a), 0), fmt(median(t.b), 0),
                           fmt(median(t.ratio), 3), fmt(lo, 3), fmt(hi, 3),
                           ">= " + fmt(fullOverBareTarget(TransportKind::SharedMemory, size), 1)});
            }
            out << "1e. shared memory's full path and IPC Lab's ring without the instrument (as in 1b), both running\n"
                   "    at once and taking turns: while one pair of processes runs 50 ms, the other is stopped\n"
                   "    (SIGSTOP), each full turn against the mean of the ring's turns either side. Separate runs on\n"
                   "    this VM differ by up to 2x; the two pairs' speeds also change, for seconds, each on its own\n"
                << tt.toText() << "\n";
        }

        // 2. The sweep's verdict against the mechanisms' own ratio.
        Table v;
        v.columns = {"size_bytes", "best_message_passing", "full_shm_over_best", "bare_shm_over_best", "agreement",
                     "agreement_bare_as_scheduled", "agreement_bare_faster_placement"};
        for (uint32_t size : o.sizes) {
            if (!cells.count({TransportKind::SharedMemory, size})) continue;
            const Cell& shm = cells.at({TransportKind::SharedMemory, size});
            TransportKind best = bestAt(size);
            if (best == TransportKind::SharedMemory) continue;
            const Cell& other = cells.at({best, size});
            const Placed* p = placed.count(size) ? &placed.at(size) : nullptr;
            // The full ratio as the sweep measures it; the bare mechanisms' ratio with shared memory
            // by the fastest of its three bare rings (both ends always on two CPUs, as its full path's)
            // and the transport by its bare loop in the placements its full path ran in (1d; as
            // scheduled when 1d could not run).
            double fullRatio = median(other.full) > 0 ? median(shm.full) / median(other.full) : 0;
            double bareShmBest = std::max({median(shm.bare.rates()), median(shm.batched.rates()), median(shm.coreRing.rates())});
            double bareOther = p ? median(p->bareMix) : median(other.bare.rates());
            double bareRatio = bareOther > 0 ? bareShmBest / bareOther : 0;
            // The agreement (full ratio over bare ratio) is (shm full/bare) over (best full/bare),
            // taken from paired ratios (each full run against the bare runs just before and after
            // it), so it does not depend on which mode the machine was in when. For shared memory
            // the fastest bare ring is the smallest of its three ratios; for the transport, 1d's full
            // path as scheduled against its bare loop in the same placements. Beside it the same
            // against the bare loop where the scheduler put it (table 1), and in its faster placement.
            double shmPaired = median(shm.bare.ratios());
            if (!shm.batched.ratios().empty())
                shmPaired = std::min({shmPaired, median(shm.batched.ratios()), median(shm.coreRing.ratios())});
            auto agreement = [&](double otherPaired) { return fmt(otherPaired > 0 ? shmPaired / otherPaired : 0, 2); };
            double asScheduled = median(other.bare.ratios());
            v.addRow({std::to_string(size), std::string(toString(best)), fmt(fullRatio, 2), fmt(bareRatio, 2),
                      agreement(p ? median(p->againstMix) : asScheduled), agreement(asScheduled),
                      p ? agreement(median(p->againstBest)) : std::string("-")});
        }
        if (!v.rows.empty())
            out << "2. shared memory over the best message-passing transport: as the sweep measures it (full) and\n"
                   "   as the bare mechanisms do (shared memory by the fastest of its three bare rings, the transport by\n"
                   "   its bare loop in the placements its full path ran in, 1d). agreement = full ratio / bare ratio,\n"
                   "   from paired ratios: shm full/bare (table 1/1b) over the transport's full path as scheduled /\n"
                   "   bare in the same placements (1d); target 0.75 .. 1.25. Beside it the same against the bare\n"
                   "   loop where the scheduler put it (table 1's ratio) and in its faster placement (1d)\n"
                << v.toText() << "\n";
        if (o.quick) return 0;

        // 3. Telemetry overhead: counters published or kept private (sampled by nobody).
        Table ov = telemetryTable(o.seconds);
        out << "3. telemetry overhead, stream 1 producer -> 1 consumer, 64 B: separate runs, each with counters\n"
               "   published against the two with them private either side; overhead = 1 - the median (target <= 5 %)\n"
            << ov.toText() << "\n";

        // 3b. The timeline's cost: the same stream with nobody looking, and with a sampler in
        // this process doing what the window does 30 times a second (every counter and state,
        // the state log, /proc five times a second, the timeline built from it).
        // 3c. The timeline's own share of that: the same 30 Hz sampling (which the charts, the
        // scene and the table need anyway), without and with the timeline built from it.
        // Both inside one run each, in alternating windows (see alternate()).
        const double altSeconds = std::max(4.0, o.seconds * 20);
        Table tl = alternationTable({"unsampled_msgs_per_s", "sampled_30hz_msgs_per_s", "cost_pct", "ratio_min", "ratio_max"},
                                    altSeconds, false);
        Table tlOwn = alternationTable({"sampled_msgs_per_s", "sampled_plus_timeline_msgs_per_s", "cost_pct", "ratio_min",
                                        "ratio_max"},
                                       altSeconds, true);
        out << "3b. the window's whole 30 Hz sampling (counters, states, /proc, the timeline) against nobody\n"
               "    sampling: one stream, alternating half-second windows without and with it, each window with it\n"
               "    against the mean of its two neighbours; cost = 1 - their median (target <= 2 %)\n"
            << tl.toText() << "\n";
        out << "3c. the timeline's own share: the same 30 Hz sampling in every window, the timeline built from it\n"
               "    in every other one, compared as in 3b (target <= 2 %)\n"
            << tlOwn.toText() << "\n";

        // 4. Sync switch latency.
        ExperimentConfig rc;
        rc.experiment = ExperimentKind::Race;
        rc.workers = 2;
        rc.sync = SyncMode::Mutex;
        rc.durationS = 0;
        ExperimentRun race(rc);
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        std::vector<double> ms;
        for (int k = 0; k < 20; ++k) {
            race.setSync(k % 2 == 1, SyncMode::Mutex);
            uint32_t gen = race.generation();
            uint64_t t0 = monotonicNs();
            while (!race.allAcknowledged(gen) && monotonicNs() - t0 < 2'000'000'000ull) std::this_thread::yield();
            ms.push_back(static_cast<double>(monotonicNs() - t0) / 1e6);
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        race.stop();
        std::sort(ms.begin(), ms.end());
        out << "4. sync switch obeyed by all race workers (target <= 10 ms): median " << fmt(ms[ms.size() / 2], 3)
            << " ms, max " << fmt(ms.back(), 3) << " ms over " << ms.size() << " switches\n";
        return 0;
    } catch (const ConfigError& e) {
        err << "ipclab-cli: " << e.what() << "\n";
        return 2;
    } catch (const std::exception& e) {
        err << "ipclab-cli bench: " << e.what() << "\n";
        return 1;
    }
}

} // namespace ipclab
