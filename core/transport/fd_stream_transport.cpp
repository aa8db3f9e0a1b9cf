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

namespace {
void setState(WorkerSlot* s, WorkerState st) {
    publishState(s, st);
}
} // namespace

IoStatus FdStreamTransport::send(std::span<const std::byte> frame) {
    const std::byte* p = frame.data();
    std::size_t left = frame.size();
    int fd = fds_.front().get();
    setState(ctx_.slot, WorkerState::InKernel);
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (ctx_.slot) ctx_.slot->syscalls.add();
        if (n < 0) {
            if (errno == EINTR) continue;
            setState(ctx_.slot, WorkerState::Running);
            if (errno == EPIPE || errno == ECONNRESET) return IoStatus::Closed;
            throwErrno("write");
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    setState(ctx_.slot, WorkerState::Running);
    return IoStatus::Ok;
}

IoStatus FdStreamTransport::readExact(int fd, std::span<std::byte> frame) {
    std::byte* p = frame.data();
    std::size_t left = frame.size();
    setState(ctx_.slot, WorkerState::InKernel);
    while (left > 0) {
        ssize_t n = ::read(fd, p, left);
        if (ctx_.slot) ctx_.slot->syscalls.add();
        if (n < 0) {
            if (errno == EINTR) continue;
            setState(ctx_.slot, WorkerState::Running);
            if (errno == ECONNRESET) return IoStatus::Closed;
            throwErrno("read");
        }
        if (n == 0) {
            setState(ctx_.slot, WorkerState::Running);
            return IoStatus::Closed; // a partial frame at EOF is dropped: its writer died mid-frame
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    setState(ctx_.slot, WorkerState::Running);
    return IoStatus::Ok;
}

IoStatus FdStreamTransport::receive(std::span<std::byte> frame, int64_t idleTimeoutNs) {
    if (fds_.size() == 1) {
        // One stream: a plain blocking read, exactly the calls the raw loop makes.
        if (!open_[0]) return IoStatus::Closed;
        IoStatus st = readExact(fds_[0].get(), frame);
        if (st == IoStatus::Closed) open_[0] = false;
        return st;
    }
    // Several streams (one per producer): poll, then read the first ready one.
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
    setState(ctx_.slot, WorkerState::InKernel);
    int r = ::poll(pfds.data(), pfds.size(), static_cast<int>(idleTimeoutNs / 1000000));
    countWaitCall(ctx_.slot);
    setState(ctx_.slot, WorkerState::Running);
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
