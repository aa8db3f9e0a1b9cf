#pragma once
// Unix domain stream sockets: a connected pair per channel (socketpair), inherited by the workers.
#include "ipclab/transport/inherited_fd_channels.h"

namespace ipclab {

class UnixSocketChannels final : public InheritedFdChannels {
public:
    explicit UnixSocketChannels(int count);
};

} // namespace ipclab
