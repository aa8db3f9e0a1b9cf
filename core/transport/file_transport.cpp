#include "ipclab/transport/file_transport.h"

#include "ipclab/base/error.h"
#include "ipclab/telemetry/telemetry.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <ctime>

namespace ipclab {
namespace {
constexpr uint64_t kMaxUnpunchedBytes = 1ull << 30;
} // namespace

FileChannels::FileChannels(const std::string& prefix, int count) : dir_(prefix) {
    for (int i = 0; i < count; ++i) {
        UniqueFd fd(::open(pathOf(i).c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600));
        if (!fd.valid()) throwErrno("create " + pathOf(i));
    }
}

std::string FileChannels::pathOf(int channel) const { return dir_.path() + "/records-" + std::to_string(channel); }

FileFollowTransport::FileFollowTransport(const std::vector<std::string>& specs, IoContext ctx) : ctx_(ctx) {
    // Read-write: giving consumed space back (fallocate) needs a writable descriptor. The file
    // is ours, in our private directory.
    for (const auto& s : specs) sources_.push_back({openFdSpec(s, O_RDWR), 0, 0});
}

IoStatus FileFollowTransport::send(std::span<const std::byte>) { throw ConfigError("file reader cannot send"); }

bool FileFollowTransport::tryRead(Source& s, std::span<std::byte> frame) {
    // pread at our own offset: a half-written record at the end is simply retried later.
    ssize_t n = ::pread(s.fd.get(), frame.data(), frame.size(), static_cast<off_t>(s.offset));
    if (ctx_.slot) ctx_.slot->syscalls.add();
    if (n < 0) {
        if (errno == EINTR) return false;
        throwErrno("pread");
    }
    if (static_cast<std::size_t>(n) < frame.size()) {
        if (ctx_.slot) ctx_.slot->waitCalls.add(); // no whole record yet: this read only looked
        return false;
    }
    s.offset += frame.size();
    // Give consumed space back (disk and page cache) so a fast run cannot fill /tmp.
    constexpr uint64_t kPunchEvery = 16u << 20;
    if (s.offset - s.punched >= kPunchEvery) {
        uint64_t upto = s.offset & ~uint64_t{4095};
        int rc = ::fallocate(s.fd.get(), FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 0, static_cast<off_t>(upto));
        if (ctx_.slot) {
            ctx_.slot->syscalls.add();
            ctx_.slot->waitCalls.add(); // housekeeping, not a message: kept out of the data calls
        }
        // A file system that cannot give space back: stop at a cap instead of filling the disk.
        if (rc != 0 && upto > kMaxUnpunchedBytes)
            throw SystemError("this file system cannot give consumed space back (fallocate punch hole failed); "
                              "the file transport stops at 1 GiB instead of filling the disk", errno);
        if (rc == 0) s.punched = upto;
    }
    return true;
}

IoStatus FileFollowTransport::receive(std::span<std::byte> frame, int64_t idleTimeoutNs) {
    int64_t waited = 0;
    constexpr int64_t kPollNs = 50'000; // how often an idle follower re-checks the end of the file
    // A follower that has just caught up looks again at once a few times (as `tail -f` in a
    // loop would) before it naps: in a busy stream the next record is microseconds away.
    constexpr int kQuickLooks = 32;
    for (int looks = 0;; ++looks) {
        for (std::size_t k = 0; k < sources_.size(); ++k) {
            Source& s = sources_[(next_ + k) % sources_.size()];
            if (tryRead(s, frame)) {
                next_ = (next_ + k + 1) % sources_.size();
                return IoStatus::Ok;
            }
        }
        if (looks < kQuickLooks) continue;
        if (waited >= idleTimeoutNs) return IoStatus::Timeout;
        timespec ts{0, kPollNs};
        ::nanosleep(&ts, nullptr);
        countWaitCall(ctx_.slot);
        waited += kPollNs;
    }
}

} // namespace ipclab
