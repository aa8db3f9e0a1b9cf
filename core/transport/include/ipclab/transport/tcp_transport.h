#pragma once
// TCP over the loopback interface with TCP_NODELAY: the full network stack on one machine.
// The controller connects each pair itself (listen on 127.0.0.1:0, connect, accept), so no port
// is ever guessed and workers only inherit connected sockets.
#include "ipclab/transport/inherited_fd_channels.h"

namespace ipclab {

class TcpChannels final : public InheritedFdChannels {
public:
    explicit TcpChannels(int count);
};

} // namespace ipclab
