#pragma once
// Frames over byte-stream file descriptors (pipe, FIFO, Unix socket, TCP). A byte stream has no
// message boundaries, so the reader reads exactly one frame's length; one writer per stream.
#include "ipclab/transport/transport.h"
#include "ipclab/transport/message.h"
#include "ipclab/base/unique_fd.h"
#include "ipclab/telemetry/telemetry.h"

#include <unistd.h>

#include <cerrno>
#include <vector>

namespace ipclab {

//
// The per-message calls are defined here, inline: the worker loop is compiled for this class
// (as for the ring) and calls write/read straight from its own loop. After a system call the
// CPU's return predictions are gone (the kernel's own calls overwrote them), so every function
// level between the loop and the call costs a mispredicted return on the way back: measured on
// a pipe pinned to one CPU, where both sides' user time adds up, the instrument cost 13 % of
// the bare loop's rate through three levels (see README, Benchmarks).
class FdStreamTransport final : public Transport {
public:
    FdStreamTransport(std::vector<UniqueFd> fds, IoContext ctx);
    IoStatus send(std::span<const std::byte> frame) override {
        const std::byte* p = frame.data();
        std::size_t left = frame.size();
        int fd = fds_.front().get();
        publishState(ctx_.slot, WorkerState::InKernel);
        while (left > 0) {
            ssize_t n = ::write(fd, p, left);
            if (ctx_.slot) ctx_.slot->syscalls.add();
            if (n < 0) [[unlikely]] {
                if (errno == EINTR) continue;
                return writeFailed();
            }
            p += n;
            left -= static_cast<std::size_t>(n);
        }
        publishState(ctx_.slot, WorkerState::Running);
        return IoStatus::Ok;
    }
    IoStatus sendBuilt(MessageBuilder& builder, uint64_t seq, uint64_t sendNs, bool full, bool) override {
        return send(builder.build(seq, sendNs, full));
    }
    IoStatus receive(std::span<std::byte> frame, int64_t idleTimeoutNs) override {
        if (fds_.size() != 1) [[unlikely]]
            return receiveAny(frame, idleTimeoutNs);
        // One stream: a plain blocking read, exactly the calls the raw loop makes.
        if (!open_[0]) return IoStatus::Closed;
        IoStatus st = readExact(fds_[0].get(), frame);
        if (st == IoStatus::Closed) open_[0] = false;
        return st;
    }

private:
    IoStatus readExact(int fd, std::span<std::byte> frame) {
        std::byte* p = frame.data();
        std::size_t left = frame.size();
        publishState(ctx_.slot, WorkerState::InKernel);
        while (left > 0) {
            ssize_t n = ::read(fd, p, left);
            if (ctx_.slot) ctx_.slot->syscalls.add();
            if (n <= 0) [[unlikely]] {
                if (n < 0 && errno == EINTR) continue;
                return readFailed(n);
            }
            p += n;
            left -= static_cast<std::size_t>(n);
        }
        publishState(ctx_.slot, WorkerState::Running);
        return IoStatus::Ok;
    }
    // The rare ways out, out of line: errno decides Closed or an exception.
    IoStatus writeFailed();
    IoStatus readFailed(ssize_t n);
    // Several streams (one per producer): poll, then read the first ready one.
    IoStatus receiveAny(std::span<std::byte> frame, int64_t idleTimeoutNs);
    std::vector<UniqueFd> fds_;
    std::vector<bool> open_;
    std::size_t next_ = 0; // round-robin start for fairness among several streams
    IoContext ctx_;
};

// Parses "fd:N" (inherited) or opens "path:/x" with `flags`; throws on anything else.
UniqueFd openFdSpec(const std::string& spec, int flags);

} // namespace ipclab
