#pragma once
// Frames over byte-stream file descriptors (pipe, FIFO, Unix socket, TCP). A byte stream has no
// message boundaries, so the reader reads exactly one frame's length; one writer per stream.
#include "ipclab/transport/transport.h"
#include "ipclab/base/unique_fd.h"

#include <vector>

namespace ipclab {

class FdStreamTransport final : public Transport {
public:
    FdStreamTransport(std::vector<UniqueFd> fds, IoContext ctx);
    IoStatus send(std::span<const std::byte> frame) override;
    IoStatus receive(std::span<std::byte> frame, int64_t idleTimeoutNs) override;

private:
    IoStatus readExact(int fd, std::span<std::byte> frame);
    std::vector<UniqueFd> fds_;
    std::vector<bool> open_;
    std::size_t next_ = 0; // round-robin start for fairness among several streams
    IoContext ctx_;
};

// Parses "fd:N" (inherited) or opens "path:/x" with `flags`; throws on anything else.
UniqueFd openFdSpec(const std::string& spec, int flags);

} // namespace ipclab
