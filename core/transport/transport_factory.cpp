#include "ipclab/base/error.h"
#include "ipclab/transport/fd_stream_transport.h"
#include "ipclab/transport/fifo_transport.h"
#include "ipclab/transport/file_transport.h"
#include "ipclab/transport/message.h"
#include "ipclab/transport/mqueue_transport.h"
#include "ipclab/transport/pipe_transport.h"
#include "ipclab/transport/shm_ring_transport.h"
#include "ipclab/transport/tcp_transport.h"
#include "ipclab/transport/unix_socket_transport.h"

#include <fcntl.h>

namespace ipclab {

IoStatus Transport::sendBuilt(MessageBuilder& builder, uint64_t seq, uint64_t sendNs, bool full, bool) {
    return send(builder.build(seq, sendNs, full));
}

std::unique_ptr<Channels> createChannels(TransportKind kind, const std::string& prefix, int count, std::size_t frameSize,
                                         bool oneWriterOneReader) {
    switch (kind) {
    case TransportKind::SharedMemory: return std::make_unique<ShmRingChannels>(prefix, count, frameSize, oneWriterOneReader);
    case TransportKind::Pipe: return std::make_unique<PipeChannels>(count);
    case TransportKind::Fifo: return std::make_unique<FifoChannels>(prefix, count);
    case TransportKind::UnixSocket: return std::make_unique<UnixSocketChannels>(count);
    case TransportKind::Tcp: return std::make_unique<TcpChannels>(count);
    case TransportKind::MessageQueue: return std::make_unique<MqueueChannels>(prefix, count, frameSize);
    case TransportKind::File: return std::make_unique<FileChannels>(prefix, count);
    }
    throw ConfigError("unknown transport");
}

std::unique_ptr<Transport> openWriter(TransportKind kind, const std::string& spec, std::size_t, IoContext ctx) {
    switch (kind) {
    case TransportKind::SharedMemory: return std::make_unique<ShmRingTransport>(spec, ctx);
    case TransportKind::MessageQueue: return std::make_unique<MqueueTransport>(spec, true, ctx);
    case TransportKind::File: {
        std::vector<UniqueFd> fds;
        fds.push_back(openFdSpec(spec, O_WRONLY | O_APPEND));
        return std::make_unique<FdStreamTransport>(std::move(fds), ctx);
    }
    default: {
        std::vector<UniqueFd> fds;
        fds.push_back(openFdSpec(spec, O_WRONLY));
        return std::make_unique<FdStreamTransport>(std::move(fds), ctx);
    }
    }
}

std::unique_ptr<Transport> openReader(TransportKind kind, const std::vector<std::string>& specs, std::size_t,
                                      IoContext ctx) {
    if (specs.empty()) throw ConfigError("a reader needs at least one channel");
    switch (kind) {
    case TransportKind::SharedMemory:
        if (specs.size() != 1) throw ConfigError("a shared-memory reader takes one ring");
        return std::make_unique<ShmRingTransport>(specs.front(), ctx);
    case TransportKind::MessageQueue:
        if (specs.size() != 1) throw ConfigError("a message-queue reader takes one queue");
        return std::make_unique<MqueueTransport>(specs.front(), false, ctx);
    case TransportKind::File: return std::make_unique<FileFollowTransport>(specs, ctx);
    default: {
        std::vector<UniqueFd> fds;
        for (const auto& s : specs) fds.push_back(openFdSpec(s, O_RDONLY));
        return std::make_unique<FdStreamTransport>(std::move(fds), ctx);
    }
    }
}

std::size_t maxFrameSize(TransportKind kind) {
    return ExperimentConfig::maxMessageSize(kind) + kFrameHeaderSize;
}

} // namespace ipclab
