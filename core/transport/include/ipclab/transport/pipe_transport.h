#pragma once
// Anonymous pipes: a kernel buffer with no name, reachable only through inherited fds.
#include "ipclab/transport/inherited_fd_channels.h"

namespace ipclab {

class PipeChannels final : public InheritedFdChannels {
public:
    explicit PipeChannels(int count);
};

} // namespace ipclab
