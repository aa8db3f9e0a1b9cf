#include "ipclab/transport/fd_stream_transport.h"

#include "ipclab/base/error.h"
#include "ipclab/telemetry/telemetry.h"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>

namespace ipclab {

UniqueFd openFdSpec(const std::string& spec, int flags) {
    if (spec.rfind("fd:", 0) == 0) {
        int fd = -1;
        auto [p, ec] = std::from_chars(spec.data() + 3, spec.data() + spec.size(), fd);
        if (ec != std::errc() || fd < 0 || ::fcntl(fd, F_GETFD) < 0) throw ConfigError("bad inherited fd '" + spec + "'");
        return UniqueFd(fd);
    }
    if (spec.rfind("path:", 0) == 0) {
        std::string path = spec.substr(5);
        UniqueFd fd(::open(path.c_str(), flags | O_CLOEXEC));
        if (!fd.valid()) throwErrno("open " + path);
        return fd;
    }
    throw ConfigError("bad channel spec '" + spec + "'");
}

FdStreamTransport::FdStreamTransport(std::vector<UniqueFd> fds, IoContext ctx)
    : fds_(std::move(fds)), open_(fds_.size(), true), ctx_(ctx) {}

IoStatus FdStreamTransport::writeFailed() {
    publishState(ctx_.slot, WorkerState::Running);
    if (errno == EPIPE || errno == ECONNRESET) return IoStatus::Closed;
    throwErrno("write");
}

IoStatus FdStreamTransport::readFailed(ssize_t n) {
    publishState(ctx_.slot, WorkerState::Running);
    // n == 0: end of file; a partial frame there is dropped (its writer died mid-frame).
    if (n == 0 || errno == ECONNRESET) return IoStatus::Closed;
    throwErrno("read");
}

IoStatus FdStreamTransport::receiveAny(std::span<std::byte> frame, int64_t idleTimeoutNs) {
    std::vector<pollfd> pfds;
    std::vector<std::size_t> which;
    for (std::size_t k = 0; k < fds_.size(); ++k) {
        std::size_t i = (next_ + k) % fds_.size();
        if (open_[i]) {
            pfds.push_back({fds_[i].get(), POLLIN, 0});
            which.push_back(i);
        }
    }
    if (pfds.empty()) return IoStatus::Closed;
    publishState(ctx_.slot, WorkerState::InKernel);
    int r = ::poll(pfds.data(), pfds.size(), static_cast<int>(idleTimeoutNs / 1000000));
    countWaitCall(ctx_.slot);
    publishState(ctx_.slot, WorkerState::Running);
    if (r < 0) {
        if (errno == EINTR) return IoStatus::Timeout;
        throwErrno("poll");
    }
    if (r == 0) return IoStatus::Timeout;
    for (std::size_t k = 0; k < pfds.size(); ++k) {
        if (pfds[k].revents == 0) continue;
        std::size_t i = which[k];
        next_ = i + 1;
        IoStatus st = readExact(fds_[i].get(), frame);
        if (st == IoStatus::Closed) {
            open_[i] = false;
            return receive(frame, idleTimeoutNs);
        }
        return st;
    }
    return IoStatus::Timeout;
}

} // namespace ipclab
